"""The claim-report dialog manager: state in, utterance in, state and reply out.

Pure and channel-independent: no database, no clock, no network. The H5 chat page and (later) the voice
gateway drive the same functions, and ``service`` persists the state after every turn.

The dialog runs in four stages (reporter and relation → insured's identity → accident facts → treatment and
confirmation). It opens with a prompt that invites a free description, fills every slot the NLU finds in each
utterance, then asks for the next missing slot with one short question. A value stated but invalid (wrong
check digit, future date, place that does not exist) is re-asked with the NLU's specific hint. After
``MAX_QUESTIONS`` questions it hands the partial report to a person. When every slot is filled it reads back a
plain-words summary; a plain yes confirms, anything else may correct any slot.

A turn is split in two so the service can validate against the policy core in between::

    turn = absorb(state, text)          # understand the utterance, update the slots
    turn.reject("insured_id", hint)     # optional: the service found a problem the NLU cannot see
    state = respond(turn)               # choose and phrase the next question / summary / hand-off

``take_turn`` does both for callers with nothing to validate (evaluation, tests, voice prototypes).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from zhihui.nlu import hospitals, places
from zhihui.nlu.claim_slots import (
    CORRECTION,
    SLOTS,
    WHERE_TREATED_CONFIDENCE,
    extract_claim_slots,
    laohan_means_husband,
)
from zhihui.nlu.text import has_cjk, is_meaningful
from zhihui.platform.pii import mask_id_number, mask_phone

MAX_QUESTIONS = 8
"""Questions asked before the report goes to a person (the seed's robot promised the same 8 rounds)."""
MAX_ASKS_PER_SLOT = 3
MAX_MISHEARD_PER_SLOT = 2
NICKNAME_HOSPITAL_FLAG = "医院简称在多个城市都有"
UNREGISTERED_HOSPITAL_FLAG = "报案人说在"
AMBIGUOUS_PLACE_FLAG = "地名有重名"
VAGUE_CONFIDENCE = 0.75
"""Below this an extracted value (a vague date) is confirmed with the reporter, and later answers may refine it."""
KNOWN_BEFORE_CONFIDENCE = 0.5
"""Confidence of a value known before the reporter spoke (the caller's number): weaker than anything said."""
RAMBLE_CHARS = 600
"""Longer utterances are read for missing slots only: a long story repeats and contradicts itself."""
MAX_TEXT_CHARS = 4000

# Stages in the order the issue names them; the ask order follows them.
STAGES: dict[str, tuple[str, ...]] = {
    "reporter": ("relation", "contact_phone"),
    "identity": ("insured_name", "insured_id"),
    # the diagnosis before the cause: a fracture or a cancer answers "illness or accident?" by itself
    "accident": ("accident_date", "accident_place", "diagnosis", "cause"),
    "treatment": ("treatment",),
}
ASK_ORDER: tuple[str, ...] = tuple(s for stage in STAGES.values() for s in stage)
STAGE_OF = {slot: stage for stage, slots in STAGES.items() for slot in slots}
assert set(ASK_ORDER) == set(SLOTS)

# Collecting → confirming → done; handoff when the robot gives up. Terminal states take no further turns.
COLLECTING, CONFIRMING, DONE, HANDOFF = "collecting", "confirming", "done", "handoff"
SENSITIVE_SLOTS = ("insured_id", "contact_phone")
_IDENTITY_SLOTS = ("relation", "insured_name", "insured_id", "contact_phone")

OPENING = (
    "您好，这里是智·慧服务报案专线，很抱歉您遇到了这样的事。请您先简单说说发生了什么："
    "谁出了事、哪天在哪里、是生病还是意外、现在在哪家医院。您说得越详细，我需要问的就越少。"
)
HANDOFF_REPLY = (
    "为了尽快帮您处理，我已把您的报案转给人工客服，刚才记录的信息不需要再说一遍。"
    "工作人员会尽快用您留的电话与您联系，请保持电话畅通。"
)
CLOSED_REPLY = "本次报案已经结束。如需补充或修改信息，请拨打客服热线95500，或重新发起报案。"

RELATION_WORDS = {
    "self": "出险人是您本人",
    "spouse": "出险人是您的配偶",
    "child": "出险人是您的子女",
    "parent": "出险人是您的父母",
    "other": "出险人是您的亲友或其他人",
}
STATUS_WORDS = {"outpatient": "门诊治疗", "inpatient": "住院治疗", "death": "已身故", "none": "还没有就医"}
CAUSE_WORDS = {"illness": "疾病", "accident": "意外"}
SLOT_LABELS = {
    "relation": "与出险人关系",
    "insured_name": "出险人姓名",
    "insured_id": "出险人身份证号",
    "contact_phone": "联系电话",
    "accident_date": "出险日期",
    "accident_place": "出险地点",
    "cause": "出险原因",
    "diagnosis": "伤情/诊断",
    "treatment": "治疗情况",
}

_YES = re.compile(
    r"^(?:嗯+|恩|对+|对的|是|是的|是啊|没错|没有错|确认|正确|都对|对了|没问题|可以|好的?|行|ok|yes)"
    r"(?:[，,。.!！\s]*(?:对+|对的|是的|没错|确认|正确|都对|没问题|可以|提交|谢谢|好的?|[的啊呀吧了哈]))*[。.!！~\s]*$",
    re.IGNORECASE,
)
_NO = re.compile(r"不对|不是|错了|有误|不正确|说错|搞错|记错|要改|修改|更正|纠正|^不[，,。\s]*$|^没有?[，,。\s]*$")
_UNKNOWN = re.compile(
    r"不知道|不清楚|不记得|记不清|忘了|忘记了|说不上来|还没确诊|没确诊|还没出结果|不太清楚|不晓得|不懂"
)
_ABUSE = re.compile(
    r"傻[逼bB屄]|煞笔|sb|SB|妈的|他妈|你妈|操你|草你|滚蛋|去死|混蛋|王八蛋|骗子|垃圾公司|狗日|废物|白痴|脑残|神经病|fuck",
    re.IGNORECASE,
)


@dataclass
class DialogState:
    """Everything the dialog remembers between turns; JSON-serialisable through ``to_dict``."""

    ref_date: str
    channel: str = "text"
    status: str = COLLECTING
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    expecting: str | None = None
    questions: int = 0
    asked: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    """Slots the reporter said they do not know; left to the checker."""
    flags: dict[str, str] = field(default_factory=dict)
    """Slot -> note for the human checker (unknown to the reporter, failed validation …)."""
    rejections: dict[str, int] = field(default_factory=dict)
    misheard: dict[str, int] = field(default_factory=dict)
    """Slot -> answers to its question that could not be understood."""
    turns: int = 0
    summaries: int = 0
    reply: str = ""
    relation_by_region: bool = False
    """The relation came from a word whose meaning depends on the region (a bare 老汉) and no place has settled it."""

    @property
    def ref(self) -> dt.date:
        return dt.date.fromisoformat(self.ref_date)

    @property
    def stage(self) -> str:
        if self.status != COLLECTING:
            return "treatment" if self.status == CONFIRMING else self.status
        return STAGE_OF.get(self.expecting or "", "reporter")

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref_date": self.ref_date,
            "channel": self.channel,
            "status": self.status,
            "slots": dict(self.slots),
            "confidence": dict(self.confidence),
            "expecting": self.expecting,
            "questions": self.questions,
            "asked": dict(self.asked),
            "skipped": list(self.skipped),
            "flags": dict(self.flags),
            "rejections": dict(self.rejections),
            "misheard": dict(self.misheard),
            "turns": self.turns,
            "summaries": self.summaries,
            "reply": self.reply,
            "relation_by_region": self.relation_by_region,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DialogState:
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in known})

    def copy(self) -> DialogState:
        return DialogState.from_dict(_deep(self.to_dict()))


def _deep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep(v) for v in value]
    return value


@dataclass
class Turn:
    """The state after understanding one utterance, before the reply is chosen."""

    state: DialogState
    text: str
    kind: str = "answer"
    """answer | silence | gibberish | abuse | ramble | unknown | confirm | deny | closed"""
    changed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Sentences said before the next question (hints, acknowledgements)."""
    reask: str | None = None

    def reject(self, slot: str, hint: str) -> None:
        """Re-ask ``slot`` with ``hint`` (the service's validation failed); the stated value is kept."""
        self.state.rejections[slot] = self.state.rejections.get(slot, 0) + 1
        self.notes.append(hint)
        self.reask = slot
        if self.state.status == CONFIRMING:
            self.state.status = COLLECTING


# --------------------------------------------------------------------------------------------- entry points


def open_dialog(ref_date: dt.date, channel: str = "text", *, contact_phone: str | None = None) -> DialogState:
    """A fresh dialog whose reply is the opening prompt.

    A ``contact_phone`` already known (the caller's number, the signed-in customer's phone) is filled in
    and not asked for; the read-back names it, so the reporter can still give another.
    """
    state = DialogState(ref_date=ref_date.isoformat(), channel=channel, reply=OPENING)
    if contact_phone:
        state.slots["contact_phone"] = contact_phone
        # Below any phone the reporter says, so a number given in the conversation replaces it.
        state.confidence["contact_phone"] = KNOWN_BEFORE_CONFIDENCE
    return state


def take_turn(state: DialogState, text: str | None) -> DialogState:
    """One reporter utterance → the new state (``reply`` holds what to say)."""
    return respond(absorb(state, text))


def is_complete(state: DialogState, slot: str) -> bool:
    """Is the slot filled well enough not to ask about it again?"""
    value = state.slots.get(slot)
    if value is None:
        return False
    asked = state.asked.get(slot, 0)
    if slot == "treatment":
        status, hospital = value.get("status"), value.get("hospital")
        # the hospital is asked for once (a death too: the certificate comes from there); a hospital outside
        # the registry ("我们那的市医院") is left for the checker rather than asked again
        return status is not None and (hospital is not None or status == "none" or asked >= 1)
    if slot == "accident_place":
        # a city without districts (儋州, 东莞) is as exact as the place can be
        city = value.get("city")
        if state.confidence.get(slot) == WHERE_TREATED_CONFIDENCE and asked == 0:
            return False  # named only as where the insured is treated ("在吉首住院"): asked once where it happened
        return value.get("district") is not None or asked >= 1 or (city is not None and not places.has_districts(city))
    if slot == "diagnosis":
        # an unspecified diagnosis ("骨折", "癌症") is asked about once
        return state.confidence.get(slot, 1.0) >= VAGUE_CONFIDENCE or asked >= 1
    if slot == "accident_date":
        # vague dates ("过年那几天") are confirmed once
        return state.confidence.get(slot, 1.0) >= VAGUE_CONFIDENCE or asked >= 1
    return True


def missing_slots(state: DialogState) -> list[str]:
    return [s for s in ASK_ORDER if not is_complete(state, s) and s not in state.skipped]


# --------------------------------------------------------------------------------------------- understanding


_NOT_IN_HOSPITAL = re.compile(r"不在医院|没(?:有)?(?:送|去|到|进)(?:过)?医院|没来得及送|在家(?:里)?(?:走|去世|过世|没)")
_REPORTING_WORDS = re.compile(r"报|理赔|出险|出事|工伤|受伤|伤了")
# "报案", "喂 你好 我要报个案": the caller says what they want and nothing more
_JUST_REPORTING = re.compile(
    r"(?:[喂嗯啊哦呃，,。.！!？?\s]|你好|您好|那个|就是|听得到吗)*(?:我|俺)?(?:要|想|来)?(?:报(?:个|一个|一下)?案|理赔|申请理赔)"
    r"(?:了|的|吧|啊|呢|一下|[，,。.！!？?\s]|你好|您好|谢谢)*"
)
# a stroke's bleeding in or around the brain (I60-I62), which after a blow to the head is an injury (S06)
_STROKE_BLEEDS = frozenset({"I60", "I61", "I62"})


def absorb(state: DialogState, text: str | None) -> Turn:
    """Read one utterance into a copy of ``state``: fill, correct or flag slots; classify bad input."""
    s = state.copy()
    raw = (text or "").strip()
    turn = Turn(state=s, text=raw)
    if s.status in (DONE, HANDOFF):
        turn.kind = "closed"
        return turn
    s.turns += 1
    if not raw:
        turn.kind = "silence"
        turn.notes.append("不好意思，我没有听到您说话。")
        return turn
    ramble = len(raw) > RAMBLE_CHARS
    clipped = raw[:MAX_TEXT_CHARS]
    abusive = bool(_ABUSE.search(clipped))
    known_city = (s.slots.get("accident_place") or {}).get("city")
    extraction = extract_claim_slots(
        clipped, s.ref, expecting=s.expecting, context_cities=[known_city] if known_city else []
    )
    if extraction.unregistered_hospital and not (s.slots.get("treatment") or {}).get("hospital"):
        named = extraction.unregistered_hospital
        s.flags["treatment"] = f"{UNREGISTERED_HOSPITAL_FLAG}“{named}”就医，医院库中没有，需人工核实"
    found = {k: v for k, v in extraction.slots.items() if k in SLOTS}
    correcting = bool(CORRECTION.search(clipped)) or bool(_NO.search(clipped))

    if s.expecting == "insured_name" and not correcting:
        # a name is often spelled out character by character ("振兴中华的振", "国庆的庆"): those
        # explanations read as places, dates or diseases, so an answer to the name question only
        # fills identity slots
        found = {k: v for k, v in found.items() if k in _IDENTITY_SLOTS}
    vague_diagnosis = bool(s.slots.get("diagnosis")) and s.confidence.get("diagnosis", 0.0) < VAGUE_CONFIDENCE
    for slot, value in found.items():
        old = s.slots.get(slot)
        conf = extraction.confidence.get(slot, 0.5)
        if old is not None and slot == "relation" and s.expecting not in (None, *_IDENTITY_SLOTS) and not correcting:
            # asked when it happened, "送孩子上学的时候": a relative said in passing is not whom it happened to
            continue
        if old is not None:
            if ramble:
                continue  # nothing said before is lost to a ramble
            old_conf = s.confidence.get(slot, 0.0)
            # an answer to one question does not overwrite another slot's firm value ("跟同学玩摔的" said
            # about the cause is not a new relation) unless the reporter corrects it
            keep_old = not (
                s.status == CONFIRMING
                or correcting
                or slot == s.expecting
                or (conf >= old_conf and (s.expecting is None or old_conf < VAGUE_CONFIDENCE))
            )
            if keep_old and not (slot == "diagnosis" and _worse_in_same_region(old, value)):
                continue
        merged = _merge(slot, old, value)
        if merged != old or (slot == s.expecting and conf > s.confidence.get(slot, 0.0)):
            # (the value asked for again, now said exactly: "国庆节那天，10月1号" after "国庆节去爬华山")
            s.slots[slot] = merged
            s.confidence[slot] = conf
            turn.changed.append(slot)
        if slot in s.skipped:
            s.skipped.remove(slot)
            s.flags.pop(slot, None)

    if "relation" in turn.changed:
        s.relation_by_region = extraction.relation_by_region
    place = s.slots.get("accident_place") or {}
    if s.relation_by_region and place.get("province"):
        husband = laohan_means_husband(place["province"])
        if husband is not None:
            # "帮我老汉报案" … "宝塔区 我们 家里": in Shaanxi 老汉 is a husband, in Sichuan a father
            s.relation_by_region = False
            if husband and s.slots.get("relation") == "parent":
                s.slots["relation"] = "spouse"
                turn.changed.append("relation")
    bleed = s.slots.get("diagnosis") or {}
    hurt_before = state.slots.get("cause") == "accident" or str(
        (state.slots.get("diagnosis") or {}).get("icd10", "")).startswith("S")
    if "diagnosis" in turn.changed and bleed.get("icd10") in _STROKE_BLEEDS and hurt_before \
            and not re.search(r"生病|疾病|病了|发病|犯病|不是意外|不是摔", clipped):
        # "骑三轮撞树上了" … "脑袋里出血了": bleeding in the head after the crash told before is an injury
        s.slots["diagnosis"] = {"term": "外伤性颅内出血", "icd10": "S06"}
        found["cause"] = "accident"
        if "cause" in turn.changed:
            s.slots["cause"] = "accident"
    new_cause = found.get("cause")
    if "diagnosis" in turn.changed and s.expecting == "diagnosis" and vague_diagnosis and new_cause \
            and "cause" not in turn.changed and s.asked.get("cause", 0) == 0 and new_cause != s.slots.get("cause"):
        # the cause read with a vague first diagnosis ("脚烂了…截肢") follows the doctor's diagnosis asked for
        # ("糖尿病足"), unless the reporter was asked about the cause itself
        s.slots["cause"] = new_cause
        s.confidence["cause"] = extraction.confidence.get("cause", 0.5)
        turn.changed.append("cause")
    named_hospital = (s.slots.get("treatment") or {}).get("hospital")
    if named_hospital and hospitals.lookup(named_hospital) is not None and s.flags.get(
        "treatment", ""
    ).startswith(UNREGISTERED_HOSPITAL_FLAG):
        del s.flags["treatment"]  # a registered hospital was named after all
    if named_hospital and "treatment" in turn.changed:
        _place_by_hospital(s, named_hospital)
    if "treatment" in turn.changed and extraction.hospital_by_nickname:
        s.flags["treatment"] = f"{NICKNAME_HOSPITAL_FLAG}，系统暂按{named_hospital}记录，需人工核实"
    city = (s.slots.get("accident_place") or {}).get("city")
    by_nickname = s.flags.get("treatment", "").startswith(NICKNAME_HOSPITAL_FLAG)
    namesake = hospitals.namesake_in_city(named_hospital, city) if named_hospital and city and by_nickname else None
    if namesake is not None:
        # "送到协和医院" said before the city, then "在福州鼓楼区": the 协和 of that city ("北京协和医院" said in full
        # stays in Beijing); the checker confirms it
        s.slots["treatment"] = {**s.slots["treatment"], "hospital": namesake}
        s.flags["treatment"] = f"{NICKNAME_HOSPITAL_FLAG}，系统按出险地{city}的{namesake}记录，需人工核实"
    for slot, hint in extraction.problems.items():
        if slot in found or (s.expecting == "insured_name" and not correcting and slot not in _IDENTITY_SLOTS):
            continue
        # the insured's home city (from the ID number) is evidence about this report; prominence is only a prior
        guess = _reading_of_home_city(extraction.place_readings, s.slots.get("insured_id")) or extraction.place_guess
        if slot == "accident_place" and guess is not None and s.expecting == slot and (
            s.asked.get(slot, 0) >= 2 or MAX_QUESTIONS - s.questions <= _questions_still_needed(s)
        ):
            # asked which city and told the same name again, or no question left to spare for it: take the
            # likelier reading, say so, and let the read-back and a person settle it
            s.slots[slot] = guess
            s.confidence[slot] = 0.4
            s.flags[slot] = (
                f"{AMBIGUOUS_PLACE_FLAG}，报案人未说明城市，系统按{guess['city']}{guess['district']}记录，需人工核实"
            )
            turn.changed.append(slot)
            turn.notes.append(f"好的，我先按{guess['city']}{guess['district']}记录，如果不对，确认时您直接告诉我。")
            continue
        turn.notes.append(hint)
        if turn.reask is None:
            turn.reask = slot

    if ramble:
        turn.kind = "ramble"
        turn.notes.insert(0, "您说的内容比较多，我已经记下了其中的要点。为了记录准确，接下来请您简短回答。")
    elif abusive and not turn.changed:
        turn.kind = "abuse"
        turn.notes.insert(0, "理解您现在着急的心情，我们一定尽快帮您处理。请您平复一下，配合我把报案信息记录完整。")
    elif s.status == CONFIRMING:
        if turn.changed:
            turn.kind = "answer"
        elif turn.reask is None and _YES.match(clipped) and not _NO.search(clipped):
            turn.kind = "confirm"
        elif _NO.search(clipped):
            turn.kind = "deny"
        elif turn.reask is None:
            turn.kind = "gibberish"
    elif s.expecting and s.expecting not in turn.changed and turn.reask is None and _UNKNOWN.search(clipped):
        # "还没确诊，不知道" may still tell the cause; the slot asked about is what the reporter does not know
        turn.kind = "unknown"
        other = _other_slot_named(clipped, s.expecting)
        if other is not None and other in missing_slots(s):
            # asked for the phone, "他的身份证号我不知道": the ID is what is not known; the phone is asked again
            _leave_for_checker(s, other, turn, named=True)
            turn.reask = s.expecting
        else:
            _leave_for_checker(s, s.expecting, turn)
    elif not turn.changed and turn.reask is None:
        if s.expecting and s.rejections.get(s.expecting) and s.slots.get(s.expecting) and _YES.match(clipped):
            turn.kind = "answer"  # the reporter stands by a value validation doubted; a person will check it
            s.flags[s.expecting] = "报案人坚持所报信息，但系统未能核实，需人工核实"
            turn.notes.append("好的，我们会请工作人员再核实。")
        elif s.expecting == "treatment" and (s.slots.get("treatment") or {}).get("status") == "death" \
                and _NOT_IN_HOSPITAL.search(re.sub(r"\s+", "", clipped)):
            turn.kind = "answer"  # "不在医院", "没送医院": the answer the death question invites
        elif s.expecting is not None and s.expecting in found:
            turn.kind = "answer"  # "急诊缝的针，没住院": the slot asked about, said again as it was already known
        elif (s.expecting is None or (s.expecting == "relation" and _JUST_REPORTING.fullmatch(clipped))) \
                and not s.slots and has_cjk(clipped) and is_meaningful(clipped):
            # "喂", "在吗", "我想报个案", "抢花炮被踩了": the call begins; nothing was misheard, the robot leads on
            turn.kind = "answer"
            greeting = "好的" if _REPORTING_WORDS.search(clipped) else "您好"
            turn.notes.append(f"{greeting}，我来帮您登记报案。")
        elif s.expecting == "accident_place" and has_cjk(clipped):
            turn.kind = "answer"
            s.misheard["accident_place"] = s.misheard.get("accident_place", 0) + 1
            if s.misheard["accident_place"] >= MAX_MISHEARD_PER_SLOT:
                # "燕郊 我们小区楼下" said again: a town or a village the division table does not hold; its words go
                # to the checker rather than round the same question
                if "accident_place" not in s.skipped:
                    s.skipped.append("accident_place")
                s.flags["accident_place"] = f"报案人所说地点“{clipped[:40]}”未能在行政区划中找到，需人工核实"
                turn.notes.append("好的，这个地点我先按您的原话记下，稍后由工作人员跟您核实。")
            else:
                turn.notes.append("抱歉，没有在行政区划里找到您说的地点，请说一下是哪个城市、哪个区县。")
                turn.reask = "accident_place"
        else:
            turn.kind = "gibberish"
            misheard = s.expecting
            if misheard is not None:
                s.misheard[misheard] = s.misheard.get(misheard, 0) + 1
            if misheard is not None and s.misheard[misheard] >= MAX_MISHEARD_PER_SLOT:
                # asking the same thing a third time rarely helps; a person will get it on the call back
                if misheard not in s.skipped:
                    s.skipped.append(misheard)
                s.flags[misheard] = "多次未能识别报案人的回答，需人工核实"
                turn.notes.append("抱歉，这一项我还是没有听明白，先空着，稍后由工作人员跟您核实。")
            elif is_meaningful(clipped) and has_cjk(clipped):
                turn.notes.append("不好意思，我没有听明白您的意思。")
            else:
                turn.notes.append("不好意思，我没能识别您输入的内容。")
    return turn


def _reading_of_home_city(readings: list[tuple[str, str, str, str]], insured_id: Any) -> dict[str, str | None] | None:
    """Of several districts with one name (鼓楼区), the one in the city the insured's ID number was issued in, if
    exactly one is, else the one in its province (白云区 for an ID from 茂名: 广州's, not 贵阳's): people are hurt
    near home more often than not, and a person checks it anyway."""
    if not isinstance(insured_id, str) or len(insured_id) < 4:
        return None
    home = [r for r in readings if r[3][:4] == insured_id[:4]]
    if not home:
        home = [r for r in readings if r[3][:2] == insured_id[:2]]
    if len(home) != 1:
        return None
    province, city, district, _ = home[0]
    return {"province": province, "city": city, "district": district}


def _place_by_hospital(s: DialogState, hospital_name: str) -> None:
    """A place taken in its likelier city ("栖霞" as 南京市栖霞区) is read again in the city of the registered
    hospital named later ("毓璜顶医院" is in 烟台, which has 栖霞市): still flagged for the checker."""
    place = s.slots.get("accident_place") or {}
    if not place.get("district") or not s.flags.get("accident_place", "").startswith(AMBIGUOUS_PLACE_FLAG):
        return
    hospital = hospitals.lookup(hospital_name)
    if hospital is None or hospital.city == place.get("city"):
        return
    short = place["district"][:-1] if len(place["district"]) > 2 else place["district"]
    for d in places.table().districts.get(place["district"], []) + [
        d for name, ds in places.table().districts.items() if name != place["district"] and name[:-1] == short
        for d in ds
    ]:
        if d.city == hospital.city:
            s.slots["accident_place"] = {"province": d.province, "city": d.city, "district": d.name}
            s.flags["accident_place"] = (
                f"{AMBIGUOUS_PLACE_FLAG}，报案人未说明城市，系统按就诊医院所在的{d.city}{d.name}记录，需人工核实"
            )
            return


def _questions_still_needed(s: DialogState) -> int:
    """Questions the missing slots will take, one each; the cause usually comes with the diagnosis."""
    missing = missing_slots(s)
    return len([m for m in missing if m != "cause" or "diagnosis" not in missing])


def _worse_in_same_region(old: Any, new: Any) -> bool:
    """True when ``new`` is a graver injury of the body region ``old`` named ("手被电锯锯了" … "断指再植").

    In each region block of ICD-10 chapter XIX the third character orders the injuries: 0 superficial,
    1 open wound, 2 fracture … 7 crushing, 8 traumatic amputation, 9 other. A reporter who first said
    the hand was cut and later mentions the severed finger has told what the injury is.
    """
    old_code = str((old or {}).get("icd10", "")) if isinstance(old, dict) else ""
    new_code = str((new or {}).get("icd10", "")) if isinstance(new, dict) else ""
    if not (re.fullmatch(r"S\d\d", old_code) and re.fullmatch(r"S\d\d", new_code)) or old_code[:2] != new_code[:2]:
        return False
    return (old_code[2] in "019" and new_code[2] in "2345678") or (old_code[2] == "7" and new_code[2] == "8")


def _merge(slot: str, old: Any, new: Any) -> Any:
    """Combine a new partial value with the old one ("住院了" keeps the hospital named before)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return new
    if slot == "treatment":
        merged = dict(new)
        if merged.get("status") is None:
            merged["status"] = old.get("status")
        if merged.get("hospital") is None and merged.get("status") != "none":
            merged["hospital"] = old.get("hospital")
        return merged
    if slot == "accident_place":
        same_city = new.get("province") == old.get("province") and new.get("city") == old.get("city")
        if same_city and new.get("district") is None:
            return dict(old)
        return dict(new)
    return new


def _leave_for_checker(s: DialogState, slot: str, turn: Turn, named: bool = False) -> None:
    if slot not in s.skipped:
        s.skipped.append(slot)
    s.flags[slot] = "报案人表示不清楚，需人工核实"
    what = SLOT_LABELS[slot] if named else "这一项"
    turn.notes.append(f"好的，{what}先空着，稍后由工作人员跟您核实。")


# what a reporter calls a slot when saying they do not know it ("身份证号我不知道")
_SLOT_NAMED = {
    "insured_id": re.compile(r"身份证|证件号"),
    "contact_phone": re.compile(r"电话|手机"),
    "insured_name": re.compile(r"名字|姓名|叫什么"),
    "treatment": re.compile(r"哪家医院|什么医院|医院名"),
    "accident_date": re.compile(r"哪天|几号|日期"),
}


def _other_slot_named(text: str, expecting: str | None) -> str | None:
    named = [slot for slot, words in _SLOT_NAMED.items() if slot != expecting and words.search(text)]
    return named[0] if len(named) == 1 else None


# --------------------------------------------------------------------------------------------- responding


def respond(turn: Turn) -> DialogState:
    """Choose what to say after ``turn``: confirmation, a re-ask, the next question, the summary or hand-off."""
    s = turn.state
    if turn.kind == "closed":
        s.reply = CLOSED_REPLY
        return s
    notes = list(turn.notes)

    if s.status == CONFIRMING and turn.reask is None:
        if turn.kind == "confirm":
            s.status = DONE
            s.expecting = None
            s.reply = "好的，您的报案信息已确认提交。"
            return s
        if turn.changed:
            return _summarise(s, ["好的，已经帮您更正。", *notes])
        if turn.kind == "deny":
            return _ask(s, None, notes, "请问哪一项不对？您直接说正确的内容就可以，比如“日期是前天”。")
        return _ask(s, None, notes, "请问以上信息是否正确？正确请回答“对”，需要修改请直接说正确的内容。")

    if turn.reask is not None:
        s.status = COLLECTING
        return _ask(s, turn.reask, notes, question_for(s, turn.reask))

    missing = missing_slots(s)
    askable = [m for m in missing if s.asked.get(m, 0) < MAX_ASKS_PER_SLOT]
    if not missing:
        return _summarise(s, notes)
    if not askable:
        for m in missing:
            s.flags.setdefault(m, "多次询问未能获取，需人工补充")
        return _handoff(s)
    nxt = askable[0]
    if s.expecting and s.expecting != nxt and s.expecting in askable:
        # the reporter said something else; keep to the question still open before moving on
        nxt = s.expecting
    repeat = turn.kind in ("silence", "gibberish", "abuse") and nxt == s.expecting
    return _ask(s, nxt, notes, question_for(s, nxt), repeat=repeat)


def _ask(s: DialogState, slot: str | None, notes: list[str], question: str, *, repeat: bool = False) -> DialogState:
    """Ask ``question``; ``repeat`` (after silence or noise) does not use up the slot's own asks."""
    if s.questions >= MAX_QUESTIONS:
        return _handoff(s)
    s.questions += 1
    if slot is not None and not repeat:
        s.asked[slot] = s.asked.get(slot, 0) + 1
    s.expecting = slot
    s.reply = _join(notes) + question
    return s


def _join(notes: list[str]) -> str:
    return "".join(n if n.endswith(("。", "？", "！", "，")) else n + "。" for n in notes)


def _handoff(s: DialogState) -> DialogState:
    s.status = HANDOFF
    s.expecting = None
    for m in missing_slots(s):
        s.flags.setdefault(m, "转人工时尚未获取")
    s.reply = HANDOFF_REPLY
    return s


def _summarise(s: DialogState, notes: list[str]) -> DialogState:
    # the first read-back is part of every report; reading it again after a correction is another round
    if s.summaries >= 1:
        if s.questions >= MAX_QUESTIONS:
            return _handoff(s)
        s.questions += 1
    s.summaries += 1
    s.status = CONFIRMING
    s.expecting = None
    s.reply = _join(notes) + summary_text(s.slots) + "以上信息对吗？"
    return s


def question_for(s: DialogState, slot: str) -> str:
    """One short question for ``slot``, worded for what is already known."""
    self_report = s.slots.get("relation") == "self"
    value = s.slots.get(slot)
    if slot == "relation":
        return "请问出事的是您本人，还是您的家人或其他人？"
    if slot == "contact_phone":
        return "请留一个方便联系您的手机号码。"
    if slot == "insured_name":
        return "请问您的姓名是？" if self_report else "请问出险人叫什么名字？"
    if slot == "insured_id":
        return "请说一下您的身份证号码。" if self_report else "请说一下出险人的身份证号码。"
    if slot == "accident_date":
        return "请问具体是哪一天出的事？" if value else "请问是哪一天出的事？"
    if slot == "accident_place":
        if value and s.confidence.get(slot) == WHERE_TREATED_CONFIDENCE:
            return "请问是在哪里出的事？在哪个城市、哪个区县？"
        if value and value.get("city"):
            return f"请问是在{value['city']}的哪个区县？"
        return "请问是在哪个城市、哪个区出的事？"
    if slot == "cause":
        return "请问这次是生病，还是意外受伤？"
    if slot == "diagnosis":
        if value and value["icd10"] == "K92":
            return "医生有没有查出来是什么引起的出血？具体诊断是什么？"
        if value and value["term"].endswith("挤压伤"):
            return "请问伤得怎么样？医生具体是怎么诊断的？"
        if value and value["icd10"] == "S43":  # asked only when 胳膊脱臼 left the joint open
            return "请问脱臼的是肩关节还是肘关节？医生具体是怎么诊断的？"
        if value:
            return f"您说的“{value['term']}”，医生具体是怎么诊断的？比如哪个部位、哪一种。"
        if s.slots.get("cause") == "accident":
            return "请问受了什么伤？医生是怎么诊断的？"
        if s.slots.get("cause") == "illness":
            return "请问医生诊断是什么病？"
        return "请问是得了什么病，还是受了什么伤？医生是怎么诊断的？"
    if slot == "treatment":
        hospital = (value or {}).get("hospital")
        status = (value or {}).get("status")
        if hospital and status is None:
            return f"请问在{hospital}是住院还是门诊？"
        if status == "death" and hospital is None:
            return "请节哀。请问是在哪家医院去世的？如果不是在医院，说“不在医院”就可以。"
        if status is not None and hospital is None:
            return "请问是在哪家医院看的？"
        return "请问现在在哪家医院治疗，是住院还是门诊？"
    return "请再说一下。"


def summary_text(slots: dict[str, Any]) -> str:
    """The report in plain words, as read back to the reporter (ID and phone masked)."""
    parts: list[str] = []
    rel = slots.get("relation")
    if rel:
        parts.append(RELATION_WORDS.get(rel, rel))
    who = slots.get("insured_name")
    idno = slots.get("insured_id")
    if who or idno:
        parts.append(f"出险人{who or '（姓名待补充）'}，身份证号{mask_id_number(idno) if idno else '待补充'}")
    phone = slots.get("contact_phone")
    parts.append(f"联系电话{mask_phone(phone) if phone else '待补充'}")
    when = slots.get("accident_date")
    place = slots.get("accident_place")
    where = place_words(place) if place else ""
    day = date_words(when) if when else "日期待补充"
    cause = slots.get("cause")
    diag = slots.get("diagnosis")
    event = f"{day}在{where}" if where else day
    if cause:
        event += f"因{CAUSE_WORDS.get(cause, cause)}"
    if diag:
        event += f"，{diag.get('term')}"
    parts.append(event)
    treat = slots.get("treatment")
    if treat and treat.get("status"):
        status = STATUS_WORDS.get(treat["status"], treat["status"])
        parts.append(f"在{treat['hospital']}{status}" if treat.get("hospital") else status)
    return "我跟您核对一下：" + "；".join(parts) + "。"


def date_words(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.year}年{d.month}月{d.day}日"


def place_words(place: dict[str, Any]) -> str:
    province, city, district = place.get("province") or "", place.get("city") or "", place.get("district") or ""
    text = province if province == city else province + city
    return text + district


def done_reply(report_no: str, slots: dict[str, Any]) -> str:
    treatment = slots.get("treatment") or {}
    if treatment.get("status") == "death":
        wish = "请您节哀，保重身体。"
    elif slots.get("relation") == "self":
        wish = "祝您早日康复。"
    else:
        wish = "祝您的家人早日康复。"
    return (
        f"好的，您的报案已提交，报案号是{report_no}。工作人员会尽快核实并与您联系，"
        f"理赔申请需要的材料会一次性告诉您。{wish}"
    )
