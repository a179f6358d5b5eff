"""Colloquial injury/illness descriptions -> professional term + ICD-10 category.

The lexicon (`data/medical_lexicon.json`) is hand-curated. An expression may contain "…", a gap of up
to six non-punctuation characters, so "小腿…断" matches 小腿断了, 把小腿摔断了 and 小腿骨头断了.

Matching is a prefix index over all expressions (an Aho-Corasick-like scan without the dependency): at
each text position only the expressions whose literal start is that character, or those two characters,
are tried, in lexicon order.
When several expressions match, the most specific wins: higher priority (specific diagnosis >
generic > symptom), then more literal characters, then fewer gap characters. Negated mentions
("没骨折", "不是脑梗", "以为是骨折") are kept but flagged so callers can skip them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from zhihui.nlu.text import fold_cantonese

_GAP = r"[^，。！？；、,.!?;：:\n]{0,6}?"
_INTESTINAL_INFECTION = re.compile(r"A0\d")
# Negation/hedge cues that, right before a mention, mean the condition is denied or was a wrong guess.
_NEGATION = re.compile(
    # (not what went wrong: "煤炉子没弄好 一氧化碳中毒了", "没站稳 摔骨折了")
    r"(?:(?:没有|没)(?![弄搞关封盖放]好|注意|留神|留意|站稳|扶稳|抓稳|踩稳|看清|看见|看到)|不是(?!\s*是)|并非|并不是|排除了?|否认"
    r"|以为是?|不像是?|未见|未|无|差点|差一点|险些)"
    r"(?:(?!就是|只是|而是|但是|可是)[^，。！？；,.!?;]){0,3}$"  # "骨头没断就是腰扭了": the contrast ends the denial
)
# "医生说可能要截肢": an amputation still to be decided is not one that happened
_PLANNED_CUT = re.compile(r"(?:可能|要|得|需要|准备|建议|考虑|怕|担心|会不会|是否)(?:要|得|会)?(?:做)?截")
# A condition the insured has had for a long time ("平时就是有点高血压", "有糖尿病史") is history, not what
# happened: it is kept out of the diagnosis like a denied one.
_HISTORY_BEFORE = re.compile(
    r"(?:平时|平常|以前|原来|本来|早年|老早|早就|多年|常年|一直)(?:身体)?(?:(?!这次|这回|这一次|现在|今天)[^，。！？；,.!?;查确]){0,6}?"
    # (not "一直不好，说是…": a finding; "以前做过阑尾手术": a past operation)
    r"(?:就是|就|也)?(?:有|患有|得过|患过|做过|动过|开过|(?<![说讲话])是)(?:点|些|一点)?$"
    # "前年查出来血糖高 一直吃着药 这回是…脑梗": found years ago, treated since
    r"|(?:前年|去年|早几年|几年前|多年前|早些年|好几年前)(?:就)?(?:体检)?查出(?:来)?(?:了)?(?:有|是)?$"
)
_HISTORY_AFTER = re.compile(r"(?:病)?史|的?老毛病|多年|好多年|十几年|几十年")
LONG_STANDING_AFTER = _HISTORY_AFTER
# "慢阻肺好多年了，这周一又犯了": a long-standing condition flaring up is what is claimed for now
_FLARE = re.compile(r"又(?:犯|发作|加重|严重|喘|住院)|急性发作|加重了|犯了")
"""What follows a condition the insured has had for years ("慢阻肺好多年了", "冠心病史")."""
_DIAGNOSED = re.compile(
    r"(?:说是|讲是|话系|(?:医生|大夫)(?:说|讲)(?:的)?|写的是|诊断(?:为|是)?|确诊(?:为|是)?|查出(?:来)?(?:是)?|报告(?:上)?(?:写|说)?(?:的)?是?|"
    r"(?:拍片|片子|CT|核磁|检查|复查|化验|穿刺|活检|病理|切片|胃镜|肠镜|B超|彩超)(?:出来|结果)?(?:说是?|是))"
    r"[^，。！？；,.!?;]{0,4}$"
)
# Corrections: whatever follows the last of these replaces what came before.
CORRECTION = re.compile(
    r"不对|说错了|搞错了|打错了|写错了|不是不是|哦不|啊不|更正一下|纠正一下|应该是|其实是|后来.{0,4}说是|只是|就是"
    r"|(?<![是])不是\s*是(?=[\u4e00-\u9fff])"
)


@dataclass(frozen=True)
class Term:
    term: str
    icd10: str
    kind: str  # injury | disease | symptom | external
    priority: int


@dataclass(frozen=True)
class MedicalMatch:
    term: str
    icd10: str
    kind: str
    priority: int
    start: int
    end: int
    literal: int  # literal characters matched (longer = more specific)
    negated: bool
    history: bool = False  # kept out as a long-standing condition ("冠心病好多年了"), not denied

    @property
    def cause(self) -> str:
        """"accident" for injuries and external causes (ICD-10 chapters XIX/XX), else "illness"; a complication
        of medical care (T81, coded in chapter XIX) is the illness that was being treated, not an accident."""
        if self.kind in ("injury", "external") or (self.kind != "disease" and self.icd10[:1] in "STVWXY"):
            return "accident"
        return "illness"

    @property
    def score(self) -> tuple[int, int, int]:
        return (self.priority, self.literal, -(self.end - self.start - self.literal))


class _Expr:
    """One expression; its regular expression is compiled the first time its prefix occurs in a text
    (most of the lexicon's cross-product expressions never do, and compiling them all costs a second)."""

    __slots__ = ("literal", "pattern", "regex", "term")

    def __init__(self, pattern: str, term: int, literal: int) -> None:
        self.pattern = pattern
        self.regex: re.Pattern[str] | None = None
        self.term = term
        self.literal = literal


class MedicalLexicon:
    """Loaded once; see `lexicon()`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.terms: list[Term] = []
        # expressions by first character; `_by_two` holds, for every two-character start of an expression,
        # the expressions that can match there (those starting with that pair, and those whose first literal
        # part is a single character), in lexicon order, so ties resolve exactly as with one list per character
        self.expressions: dict[str, list[_Expr]] = {}
        self.icd10: dict[str, str] = dict(data["icd10"])
        self.n_expressions = 0
        two: dict[str, list[tuple[int, _Expr]]] = {}
        one: dict[str, list[tuple[int, _Expr]]] = {}
        for entry in data["terms"]:
            idx = len(self.terms)
            self.terms.append(Term(entry["term"], entry["icd10"], entry["kind"], int(entry["priority"])))
            for expr in entry["expr"]:
                # extraction reads Cantonese function words folded to Mandarin, so the expressions are folded too
                parts = [p for p in fold_cantonese(expr).split("…") if p]
                pattern = _GAP.join(re.escape(p) for p in parts)
                e = _Expr(pattern, idx, sum(len(p) for p in parts))
                self.expressions.setdefault(parts[0][0], []).append(e)
                if len(parts[0]) >= 2:
                    two.setdefault(parts[0][:2], []).append((self.n_expressions, e))
                else:
                    one.setdefault(parts[0], []).append((self.n_expressions, e))
                self.n_expressions += 1
        self._by_one = {ch: [e for _, e in es] for ch, es in one.items()}
        self._by_two = {
            pair: [e for _, e in sorted(es + one.get(pair[0], []), key=lambda x: x[0])] for pair, es in two.items()
        }

    def find(self, text: str) -> list[MedicalMatch]:
        """Every lexicon match in `text` (overlaps included), in text order."""
        out: list[MedicalMatch] = []
        by_one, by_two = self._by_one, self._by_two
        for i, ch in enumerate(text):
            candidates = by_two.get(text[i : i + 2]) or by_one.get(ch)
            if not candidates:
                continue
            if ch == "头" and (text[i + 1 : i + 2] == "车" or text[max(0, i - 1) : i] in _NOT_A_HEAD_BEFORE):
                continue  # "泥头车撞了", "厂里头", "村头", "石头", "老头", "肩头", "包头": not a head
            if ch == "背" and text[max(0, i - 1) : i] in ("脚", "手"):
                continue  # "脚背", "手背": the back of a foot or a hand, not the back
            if ch == "断" and text[max(0, i - 1) : i] in ("诊", "判", "推", "论", "果", "决", "不", "间", "垄"):
                continue  # "诊断证明写的是 左小腿…": the 断 of 诊断, not a break
            for expr in candidates:
                rx = expr.regex
                if rx is None:
                    rx = expr.regex = re.compile(expr.pattern)
                m = rx.match(text, i)
                if m is None:
                    continue
                t = self.terms[expr.term]
                denied = bool(_NEGATION.search(text, max(0, i - 6), i)) or (
                    "截" in m.group(0) and bool(_PLANNED_CUT.search(text, max(0, i - 4), m.end())))
                history = not denied and t.kind == "disease" and bool(
                    _HISTORY_BEFORE.search(text, max(0, i - 14), i) or _HISTORY_AFTER.match(text, m.end())
                ) and not _FLARE.search(text, m.end(), m.end() + 16)
                out.append(MedicalMatch(t.term, t.icd10, t.kind, t.priority, i, m.end(), expr.literal,
                                        denied or history, history))
        return out


# A 头 after these is a suffix or another word's, not the head: 厂里头, 村头, 码头, 包头; things (石头, 砖头, 木头,
# 锄头, 斧头, 榔头, 枕头, 车头, 龙头, 镜头, 插头, 罐头, 馒头); people (老头, 丫头); other body parts (指头, 趾头,
# 拳头, 舌头, 肩头, 膝盖头, 骨头, 喉头, 鼻头); 钟头, 跟头. (Not 上, 下, 外, 前, 后, 地 or 床: with a speech
# recogniser's pauses taken out, "撞了一下 头", "意外 头部着地", "摔下床 头磕了" join them to a real head.)
_NOT_A_HEAD_BEFORE = frozenset("里村码泥包石砖木锄斧榔枕车龙镜插罐馒老丫指趾拳舌肩盖骨喉鼻钟跟")


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, Any]:
    raw = resources.files("zhihui.nlu").joinpath("data/medical_lexicon.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1)
def lexicon() -> MedicalLexicon:
    return MedicalLexicon(_lexicon_data())


@lru_cache(maxsize=1)
def spoken_vocabulary() -> tuple[str, ...]:
    """The lexicon's professional terms of three characters or more: what a speech recogniser may mishear by sound
    ("白雪病" for 白血病, "公外孕" for 宫外孕). Not the colloquial expressions, whose sounds are everyday phrases too
    ("出了点事" sounds like 触了电)."""
    return tuple(sorted(w for w in medical_words()[0] if len(w) >= 3))


@lru_cache(maxsize=1)
def medical_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lexicon's professional terms, and its gapless expressions (all CJK): words a speech recogniser's output
    may already hold as they are ("指骨骨折" is no misheard 趾骨骨折)."""
    raw = _lexicon_data()
    cjk = re.compile(r"[\u4e00-\u9fff]{2,}")
    terms = frozenset(e["term"] for e in raw["terms"] if cjk.fullmatch(e["term"]))
    expressions = frozenset(x for e in raw["terms"] for x in e["expr"] if cjk.fullmatch(x))
    return terms, expressions


def icd10_known(code: str) -> bool:
    """Is `code` (3-character category, or longer like "S82.1") in the shipped ICD-10 table?"""
    return code[:3].upper() in lexicon().icd10


def icd10_name(code: str) -> str | None:
    """Chinese name of an ICD-10 3-character category."""
    return lexicon().icd10.get(code[:3].upper())


# "我爸有老年痴呆，…腿摔骨折了": a condition the insured simply has is the background of an injury, not its diagnosis
# (a filler may come between: "有那个老年痴呆", "有 那个 老年痴呆")
_HAS_BEFORE = re.compile(r"(?<![说讲示])(?:有|患有|本身有|本来有)\s?(?:点|些|那个|那种|个)?\s?$")  # not "医生说有…"


# "打农药，中毒了": spraying said in one clause, the poisoning in the next (the lexicon's gaps stop at a comma)
_SPRAYED_THEN_POISONED = re.compile(
    r"(?:打|喷|洒|撒|配)(?:了)?(?:[^，。,]{0,4})?(?:农药|药水|药)[^。]{0,12}?[，,]\s*[^，。,]{0,6}?中毒"
)


# "在屋头烤那个炭火 门窗关得死死的 中毒了": a fire or a stove in one clause, the poisoning further on
_FIRE_THEN_POISONED = re.compile(r"(?:炭火|烤火|炭盆|烧炭|木炭|煤炉|炉子|蜂窝煤|煤气|燃气|热水器)[^。]{0,18}?中毒")


def find_mentions(text: str) -> list[MedicalMatch]:
    # a match read across a denial ("脑…出血" in "脑梗，不是脑出血") is not what was said
    # nor is a department ("烧伤科", "肿瘤科") a diagnosis
    found = [m for m in lexicon().find(text)
             if (m.end - m.start <= m.literal or not _DENIAL_INSIDE.search(text, m.start, m.end))
             and not text.startswith(("科", "病区", "中心"), m.end)]
    poisonings = (("T60", "农药中毒", _SPRAYED_THEN_POISONED), ("T58", "一氧化碳中毒", _FIRE_THEN_POISONED))
    for code, term_name, said in poisonings:
        if any(m.icd10 == code for m in found):
            continue
        for m in said.finditer(text):
            term = next(t for t in lexicon().terms if t.term == term_name)
            found.append(MedicalMatch(term.term, term.icd10, term.kind, term.priority, m.start(), m.end(), 4, False))
    found.sort(key=lambda m: m.start)
    if any(m.kind == "injury" and not m.negated for m in found):
        found = [replace(m, negated=True, history=True) if m.kind == "disease" and not m.negated
                 and _HAS_BEFORE.search(text, max(0, m.start - 7), m.start) else m for m in found]
    return found


_DENIAL_INSIDE = re.compile(r"不是|并非")
_STITCHED = re.compile(r"缝了?[^，。,]{0,3}针|缝针|缝合")


# WHO categories that leave the site, the side or the kind open ("骨折", "烧伤", "癌症", "白血病", "淋巴瘤", "中风",
# "脑瘤" that may be benign or malignant): a claim needs the specific diagnosis, so the dialog asks once for
# what the doctor said.
# crushing injuries: a fracture said of the crushed part is what is coded
_CRUSHING = frozenset({"S07", "S17", "S28", "S38", "S47", "S57", "S67", "S77", "S87", "S97", "T04"})
_TOXIC = re.compile(r"T(?:3[6-9]|[45][0-9]|6[0-5])")
# superficial injuries (S00, S10 … S90) and open wounds (S01, S11 … S91) of each body region
_SKIN_DEEP = re.compile(r"S\d[01]$")
UNSPECIFIED_ICD10 = frozenset({"T14", "T07", "T10", "T12", "T30", "C80", "C76", "C85", "C95", "B54", "D36", "D43",
                               "D48", "I64", "S09", "J64", "I49", "C55"})


# a work-up finding that a later "恶性的" turns into the cancer of its organ
_CANCER_OF_FINDING = {
    "E04": ("甲状腺恶性肿瘤", "C73"), "N63": ("乳腺恶性肿瘤", "C50"), "R91": ("肺恶性肿瘤", "C34"),
    "K63": ("结直肠恶性肿瘤", "C18"), "K31": ("胃恶性肿瘤", "C16"), "N83": ("卵巢恶性肿瘤", "C56"),
    "D43": ("脑恶性肿瘤", "C71"),
}
# "肺上面 长了个东西 医生说是恶性的": something growing in an organ, found malignant, is that organ's cancer
_ORGAN_GROWTH = re.compile(
    r"(?P<organ>肺|肝|胃|乳腺|乳房|甲状腺|胰腺|食管|食道|肾|膀胱|卵巢|宫颈|鼻咽)(?:部|脏)?(?:上|里)?(?:面|边|头)?\s*"
    r"(?:又)?(?:长|有|发现|查出)"
)
_ORGAN_CANCER_CODE = {"肺": "C34", "肝": "C22", "胃": "C16", "乳腺": "C50", "乳房": "C50", "甲状腺": "C73",
                      "胰腺": "C25", "食管": "C15", "食道": "C15", "肾": "C64", "膀胱": "C67", "卵巢": "C56",
                      "宫颈": "C53", "鼻咽": "C11"}
# what takes a limb off in an accident; without any of it, an amputation in a diabetic is for the disease
_AMPUTATING_HARM = re.compile(r"撞|砸|压|轧|绞|卷|切|割|砍|锯|炸|夹|摔|冻")
# a severed part sewn back on: 再植, or "接回去" said of it (a fracture is "接上", set, not put back)
_REPLANTED = re.compile(r"再植|接\s?回\s?(?:去|来)")
# "脚趾头给轧断了，接不上了": what broke off could not be put back
_NOT_REATTACHED = re.compile(r"接不上|没(?:法|办法)?接上|接不回|没接回")
_FINGER_OFF = re.compile(
    r"(?:绞|冲床|铡|锯|切割机|轧|卷)[^。]{0,24}?(?:手指|拇指|食指|中指|无名指|小指|指头)(?:头)?[^，。,]{0,4}?"
    r"(?:断了|掉了|没了|没有了|切掉|轧掉)"
    r"|(?:手指|指头)(?:头)?[^，。,]{0,4}?(?:掉了|没了|没有了|切掉了|轧掉了|绞掉了|铡掉了)|断指"
)


# a limb or region said apart from an unspecified fracture ("腿骨折了，大腿那根骨头"): upper limb (T10), lower
# limb (T12) or anywhere (T14)
_UPPER_REGIONS = ("上臂", "前臂", "胳膊肘", "胳膊", "手腕", "手脖子", "手掌", "肘", "无名指", "中指", "食指", "拇指",
                  "小指", "手指")
_LOWER_REGIONS = ("大腿", "小腿", "脚踝", "脚脖子", "脚掌", "膝盖", "胯骨", "髋", "大脚趾", "脚趾")
_BONE_REGION = re.compile("|".join((*_UPPER_REGIONS, *_LOWER_REGIONS, "锁骨", "肋骨", "腰椎", "胸椎", "颈椎")))
_KIND_BEFORE = re.compile(r"(?:粉碎性|开放性|闭合性|撕脱性|压缩性)$")
_BURNT_PART = re.compile(
    r"手背|手臂|手腕|手掌|手指|手(?!术|机|续)|脚背|脚面|脚踝|脚|胳膊|小腿|大腿|腿|脸|面部|后背|背上|胸口|肚子|屁股"
)
_SCALDED_AGAIN = re.compile(r"[^，。,]{0,3}?(?:烫|烧)")
_FRACTURE_KIND = re.compile(r"粉碎性|开放性|闭合性|撕脱性|压缩性|粉碎")
_REGION_UNHURT = re.compile(r"[^，。,]{0,3}?(?:没事|没伤|没问题|好好的|没骨折)")


# "左足多发骨折": several fractures of one region are that region's fractures (S92), not injuries of several
# regions (T07)
_MULTIPLE_IN_REGION = re.compile(r"(?:左|右|双)?(?P<region>[\u4e00-\u9fff]{1,3}?)(?:多发性?|多处|多根|好几处)骨折")


def _specific_injury(phrase: str) -> MedicalMatch | None:
    """The most specific injury the lexicon reads in a phrase built from what was said ("大腿" + "骨折")."""
    specific = [m for m in lexicon().find(phrase)
                if m.kind == "injury" and not m.negated and m.icd10 not in UNSPECIFIED_ICD10]
    return max(specific, key=lambda m: m.score) if specific else None


def _fracture_of_region(text: str, generic: MedicalMatch) -> MedicalMatch | None:
    for r in _BONE_REGION.finditer(text):
        region = r.group(0)
        if generic.start <= r.start() < generic.end or _REGION_UNHURT.match(text, r.end()):
            continue
        if (generic.icd10 == "T10" and region not in _UPPER_REGIONS) or (
                generic.icd10 == "T12" and region not in _LOWER_REGIONS):
            continue
        found = _specific_injury(region + "骨折")
        if found is None and generic.icd10 == "T14":
            # "右胳膊被卷了一下，骨折了": at least the limb (T10, T12), when the part names no bone
            found = next((m for m in lexicon().find(region + "骨折") if m.icd10 in ("T10", "T12") and not m.negated),
                         None)
        if found is not None:
            return replace(generic, term=found.term, icd10=found.icd10)
    return None


def guessed(text: str, mention: MedicalMatch) -> bool:
    """A poisoning or heat stroke read from what happened ("打药 晕倒了"), not named (中毒, 中暑)."""
    return mention.icd10 in ("T58", "T60", "T67") and not re.search(r"毒|中暑", text[mention.start:mention.end])


def doctor_said(text: str, mentions: list[MedicalMatch]) -> bool:
    """Whether any of the mentions is quoted from a diagnosis ("医生说是…", "确诊为…")."""
    return any(_DIAGNOSED.search(text, max(0, m.start - 8), m.start) for m in mentions)


def _adjacent_fracture(text: str, fracture: MedicalMatch) -> MedicalMatch | None:
    """"左脚粉碎性骨折": the part said just before the kind of a generic fracture."""
    kind_before = _KIND_BEFORE.search(text, 0, fracture.start)
    if kind_before is not None:
        anchor = kind_before.start()  # "脚开放性骨折": the kind read apart from the fracture
    elif _FRACTURE_KIND.match(text, fracture.start):
        anchor = fracture.start
    else:
        return None
    for width in (3, 2, 1):
        part = text[max(0, anchor - width):anchor]
        adjacent = _specific_injury(part + "骨折") if len(part) == width else None
        if adjacent is not None and adjacent.icd10 != "T14":
            return replace(fracture, term=adjacent.term, icd10=adjacent.icd10)
    return None


def best_diagnosis(text: str, matches: list[MedicalMatch] | None = None) -> MedicalMatch | None:
    """The diagnosis the text asserts: not negated, not an external cause, most specific.

    If the reporter corrects themselves ("…，不对，医生说就是腰椎骨折", "不是脑梗，是脑出血"), only
    mentions after the last correction count when there are any.
    """
    mentions = matches if matches is not None else find_mentions(text)
    found = [m for m in mentions if not m.negated and m.kind != "external"]
    if all(m.icd10 in UNSPECIFIED_ICD10 for m in found):
        # a word inside a longer mention read as history is that mention ("一直是肺癌晚期在化疗": 癌 is the 肺癌), when
        # nothing else is asserted
        found = [next((replace(h, negated=False, history=False) for h in mentions
                       if h.history and h.start <= m.start and m.end <= h.end and (h.start, h.end) != (m.start, m.end)
                       and h.icd10[0] == m.icd10[0]), m) for m in found]
    if any(m.icd10 == "W55" for m in found):
        # "被猫抓了…打了狂犬疫苗": the rabies shot is for the cat's scratch, not a dog's bite
        found = [m for m in found if not (m.icd10 == "W54" and "狂犬" in text[m.start:m.end])]
    if not found:
        return None
    last_fix = -1
    for c in CORRECTION.finditer(text):
        if c.group(0) == "就是" and not any(m.start >= c.end() and m.kind != "symptom" for m in found):
            continue  # "煤气中毒了 就是屋里烧的炉子…叫不醒": a filler, then only what was seen (昏迷)
        last_fix = c.end()
    if last_fix >= 0:
        after = [m for m in found if m.start >= last_fix]
        if after:
            # "脚崴了，没骨折，就是扭伤": the generic word said after the correction is the region's injury said before
            before = [m for m in found if m.start < last_fix and m.icd10 not in UNSPECIFIED_ICD10]
            found = [next((b for b in before if b.term.endswith(m.term) and b.term != m.term), m)
                     if m.icd10 in UNSPECIFIED_ICD10 else m for m in after]
            # "医生讲是脑梗 就是中风": the everyday word glosses the specific one said before it, same category
            if all(m.icd10 in UNSPECIFIED_ICD10 for m in found):
                glossed = [b for b in before if any(b.icd10[:2] == m.icd10[:2] for m in found)]
                found = glossed or found
    # what the doctor said ("医生说是脑震荡", "诊断为…") outranks the reporter's own description of an equal kind
    # (a specific category still beats an unspecified one the doctor was quoted on: "查出来白血病，急性髓系白血病")
    # poisoning and toxic effects (T36-T65) are coded before the damage they did ("被马蜂蜇了…肾功能都不好了")
    toxic = [m for m in found if _TOXIC.match(m.icd10)]
    if toxic and not any(m.kind == "injury" and not _TOXIC.match(m.icd10) for m in found) \
            and not (doctor_said(text, [m for m in found if m not in toxic]) and all(guessed(text, t) for t in toxic)):
        # (unless the doctor named something else and the poisoning was only guessed: "打药 晕倒了…医生说是脑梗")
        found = toxic
    # of two injuries said alike, a superficial one or an open wound is not the principal one when a deeper, specific
    # injury is named ("脸上缝了针，右腿胫骨平台骨折": the fracture); heat or water that came with the wound is no
    # deeper injury
    deeper = any(m.kind == "injury" and m.icd10.startswith("S") and m.icd10 not in UNSPECIFIED_ICD10
                 and not _SKIN_DEEP.match(m.icd10) for m in found)
    best = max(found, key=lambda m: (m.priority, m.icd10 not in UNSPECIFIED_ICD10,
                                     bool(_DIAGNOSED.search(text, max(0, m.start - 8), m.start)),
                                     not (deeper and _SKIN_DEEP.match(m.icd10)), m.score, m.start))
    flu = next((m for m in found if m.icd10 in ("J10", "J11") and "肺炎" not in m.term), None)
    if best.icd10 in ("J12", "J18") and flu is not None:
        # "得了甲流，转成肺炎": pneumonia with influenza is coded as the influenza (J10.0, J11.0)
        kind = "甲型" if flu.term.startswith("甲型") else "乙型" if flu.term.startswith("乙型") else ""
        term = f"{kind}流感并发肺炎" if kind else "流行性感冒并发肺炎"
        return replace(best, term=term, icd10=flu.icd10)
    if best.icd10 == "I25" and any(m.icd10 == "I21" for m in found):
        # "心梗了 在医院放了支架": the stent treats the heart attack, which is the event the claim is about
        return next(m for m in found if m.icd10 == "I21")
    if best.icd10 in ("S00", "S09", "T14") and any(m.icd10 == "T14" and m.term == "开放性伤口" for m in found) \
            and any(m.icd10 in ("S00", "S09") for m in found):
        # "额头撞到桌角，缝了五针": a head hit that needed stitches is an open wound of the head
        return replace(best, term="头部开放性伤口", icd10="S01", priority=3)
    if best.icd10 in _CANCER_OF_FINDING and any(m.icd10 == "C80" and m.start > best.start for m in found):
        # "甲状腺上长了个东西，穿刺是恶性的": the finding is the cancer of that organ
        term, code = _CANCER_OF_FINDING[best.icd10]
        return replace(best, term=term, icd10=code, priority=3)
    if best.icd10 in ("C80", "D48") and any(m.icd10 == "C80" and m.start >= best.start for m in found):
        anchor = min([best.start, *(m.start for m in found if m.icd10 == "D48")])  # "长了个东西 … 说是恶性的"
        growths = list(_ORGAN_GROWTH.finditer(text, max(0, anchor - 16), anchor + 1))
        organ_code = _ORGAN_CANCER_CODE[growths[-1].group("organ")] if growths else None
        organ_term = next((t.term for t in lexicon().terms if t.icd10 == organ_code and t.kind == "disease"), None)
        if organ_code is not None and organ_term is not None:
            return replace(best, term=organ_term, icd10=organ_code, priority=3)
    if "切断" in best.term and "糖尿病" in text and not _AMPUTATING_HARM.search(text):
        # "糖尿病好多年了 … 脚上烂得厉害 截肢了": an amputation for diabetes, not an injury
        return replace(best, term="糖尿病足", icd10="E11", kind="disease")
    if best.icd10 == "J42" and _FLARE.search(text, best.end, best.end + 16):
        # "老慢支好多年了，又犯了": chronic bronchitis flaring up is coded as COPD with an acute exacerbation
        return replace(best, term="慢性阻塞性肺疾病急性加重", icd10="J44")
    if best.icd10 == "R96":
        named = [m for m in found if m.kind == "disease" and m.icd10 != "R96" and m.priority >= 3]
        if named:
            return max(named, key=lambda m: (m.score, m.start))  # "突然 脑溢血 人就走了": the disease is named
    if best.icd10 == "K52":
        # K52 is non-infective gastroenteritis: with the infection named ("诺如病毒 上吐下泻"), the infection is it
        infection = [m for m in found if _INTESTINAL_INFECTION.match(m.icd10) and m.kind == "disease"]
        if infection:
            return max(infection, key=lambda m: (m.score, m.start))
    if best.icd10 == "D43" and any(m.icd10 == "D36" for m in found):
        return replace(best, term="良性脑肿瘤", icd10="D33", priority=3)  # "脑袋里长了个瘤子，良性的"
    if best.icd10 == "T07":
        for multiple in _MULTIPLE_IN_REGION.finditer(text):
            in_region = _specific_injury(multiple.group("region") + "骨折")
            if in_region is not None:
                return replace(best, term=in_region.term, icd10=in_region.icd10)
    if best.icd10 == "T09":
        # "腰椎骨折伴脊髓损伤": the fractured vertebra names the level of the cord injury
        spine = re.search(r"(?:颈|胸|腰)椎[^，。,]{0,4}?骨折", text)
        level = _specific_injury(spine.group(0)) if spine else None
        if level is not None:
            return replace(best, term=level.term, icd10=level.icd10)
    if best.icd10 == "T14" and best.term == "骨折":
        adjacent = _adjacent_fracture(text, best)
        if adjacent is not None:
            return adjacent
    if "挤压伤" in best.term or "挫伤" in best.term:
        # "车掉下来 砸到她左脚 粉碎性骨折", "手指头被门夹了，骨折了": the fracture of the crushed part, not the crush
        # (the part said just before the fracture first, then a part said apart from it)
        generic = [m for m in found if m.icd10 == "T14" and m.term == "骨折"]
        for read_part in (_adjacent_fracture, _fracture_of_region):
            for m in generic:
                fracture = read_part(text, m)
                if fracture is not None and fracture.icd10[:2] == best.icd10[:2]:
                    return fracture
    if best.icd10 == "E11" and any(m.icd10 == "E10" for m in found):
        # "一型糖尿病 酮症酸中毒": the complication of the type said, not of type 2
        return next(m for m in found if m.icd10 == "E10")
    if best.icd10 == "T30":
        # "热汤泼到右手背，Ⅱ度烫伤": the part the scald reached, said just before
        parts = list(_BURNT_PART.finditer(text, max(0, best.start - 14), best.end))
        if not parts:
            # "被蒸汽烫伤了，两条腿都烫了": the part said after, with the scald said again
            parts = [p for p in _BURNT_PART.finditer(text, best.end, best.end + 12)
                     if _SCALDED_AGAIN.match(text, p.end())][:1]
        regional_burn = _specific_injury(parts[-1].group(0) + "烫伤") if parts else None
        if regional_burn is not None and regional_burn.icd10 != "T30":
            return replace(best, term=regional_burn.term, icd10=regional_burn.icd10)
    if best.icd10 in ("T10", "T12", "T14") and best.term.endswith("骨折"):
        regional = _fracture_of_region(text, best)
        if regional is not None:
            return regional  # "腿骨折了，大腿那根骨头": the fracture of the region said apart
    if best.term == "动物咬伤" and re.search(r"狗|(?<!狂)犬", text):
        # "逗狗，被咬了手": the animal said before the bite (not the 狂犬 of a rabies shot, given for cats too)
        return replace(best, term="犬咬伤", icd10="W54")
    if best.icd10 in _CRUSHING and best.icd10 != "T04" and _STITCHED.search(text) \
            and not any("骨折" in text[m.start:m.end] for m in found):
        # "手指头被门夹了 缝了三针": a crush that needed stitches is coded as the open wound of that region (S_1)
        wound = best.icd10[:2] + "1"
        wound_term = next((t.term for t in lexicon().terms if t.icd10 == wound and t.kind == "injury"), None)
        if wound_term is not None:
            return replace(best, term=wound_term, icd10=wound)
    if best.icd10 in _CRUSHING:
        # "冲压机压伤左手，食指断了一节": a crush that took part of a limb off is coded as the amputation (in
        # each limb region of ICD-10 chapter XIX, S_7 is the crushing injury and S_8 the traumatic amputation)
        cut = [m for m in found if best.icd10[1] in "456789" and m.icd10 == best.icd10[:2] + "8"]
        if cut:
            return max(cut, key=lambda m: (m.score, m.start))
        broken = [m for m in found if "骨折" in text[m.start:m.end] and m.kind == "injury"
                  and m.icd10 not in _CRUSHING and m.icd10 not in UNSPECIFIED_ICD10]
        if broken:
            return max(broken, key=lambda m: m.score)  # "手被机器压了，右手中指骨折"
    if best.term == "踝关节扭伤" and any(m.term == "骨折" and m.start > best.start for m in found):
        # "崴了一下，骨折了": the ankle that turned is the one that broke
        return replace(best, term="踝部骨折", icd10="S82")
    if best.icd10 in ("S62", "S67", "S69") and _FINGER_OFF.search(text):
        # "收割机把手绞进去了…三个手指头断了": a finger a machine took off is a traumatic amputation
        return replace(best, term="手指离断伤", icd10="S68")
    if _NOT_REATTACHED.search(text) and best.icd10[0] == "S" and best.icd10[2] == "2":
        # a fracture of a limb region (S_2) read with the amputation of the same region (S_8) said alike
        off = [m for m in found if m.icd10 == best.icd10[:2] + "8" and m.start < best.end and best.start < m.end]
        if off:
            return max(off, key=lambda m: (m.score, m.start))
    if _REPLANTED.search(text) and best.icd10[:2] == "S6" and best.icd10 != "S68":
        # a replanted finger or hand was cut off ("手指头断了…做了再植手术"): a traumatic amputation
        return replace(best, term="手指离断伤", icd10="S68")
    return best


def cause_of(matches: list[MedicalMatch]) -> str | None:
    """Cause implied by the mentions: any injury/external cause -> accident; any disease -> illness."""
    live = [m for m in matches if not m.negated]
    if not live:
        return None
    best = max(live, key=lambda m: (m.priority, m.literal))
    if any(m.kind in ("injury", "external") for m in live) and best.kind != "disease":
        return "accident"
    return best.cause
