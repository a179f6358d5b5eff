"""Claim reporting: the dialog's persistence, validation against the policy core, work orders, verification.

Write functions take the session and a keyword-only ``actor``, record an audit row and (for work orders) a
domain event, and never commit. The reporter's dialog is driven by ``dialog`` (pure); this module loads its
state, lets it absorb the utterance, validates what the NLU cannot (is this insured ours, does a policy
cover the accident date), lets it respond, and saves the state again, so a dropped session resumes.

Sensitive slots (``insured_id``, ``contact_phone``) are kept only in encrypted columns; transcripts are saved
with ID and phone numbers masked, including numbers read out in Chinese digits.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.claims import dialog as dlg
from zhihui.claims.errors import ClaimsError
from zhihui.claims.models import ClaimDialog, ClaimSlotCorrection, ClaimWorkOrder
from zhihui.claims.schemas import (
    ClaimsEvent,
    ClosedPayload,
    CorrectionOut,
    DialogCreate,
    DialogDetail,
    DialogOut,
    ExtractOut,
    Flag,
    MetricsOut,
    ReportedPayload,
    ReporterWorkOrder,
    SlotAccuracy,
    TranscriptLine,
    VerifiedPayload,
    WorkOrderOut,
    WorkOrderSummary,
)
from zhihui.nlu import hospitals, medical, places
from zhihui.nlu.claim_slots import SLOTS, extract_claim_slots, id_problem
from zhihui.nlu.dates import resolve_date
from zhihui.nlu.numbers import find_digit_strings
from zhihui.platform import audit, events
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now, today
from zhihui.platform.errors import Conflict, NotFound, ZhihuiError
from zhihui.platform.numbers import next_business_number
from zhihui.platform.pii import lookup_hash, mask_id_number, mask_phone, redact_text
from zhihui.platform.validators import is_valid_mobile
from zhihui.policy import service as policy_service

REPORTER = Actor(kind="customer", name="报案人")
"""The anonymous reporter of the H5 page or the phone line."""

PENDING, VERIFIED, CORRECTED, CLOSED = "pending_verification", "verified", "corrected", "closed"
STATUS_LABELS = {PENDING: "待核实", VERIFIED: "已核实", CORRECTED: "已更正", CLOSED: "已关闭"}
COVERING_STATUSES = ("in_force", "grace")  # a policy in its grace period still covers
SENSITIVE = dlg.SENSITIVE_SLOTS

# Most frequent categories of the 28 standard critical illnesses (中国保险行业协会《重大疾病保险的疾病定义使用
# 规范》2020): enough to say a critical-illness benefit is *likely*; the claim handler decides.
_CRITICAL_PREFIXES = ("C",)
_CRITICAL_CODES = {"I21", "I22", "I60", "I61", "I63", "I64", "N18", "G30", "G20", "G35", "G12", "K72", "I71", "Z94"}
KIND_LABELS = {
    "whole_life": "终身寿险",
    "critical_illness": "重疾险",
    "universal_life": "万能险",
    "annuity": "年金险",
    "medical": "医疗险",
    "accident": "意外险",
}


# --------------------------------------------------------------------------------------------- dialogs


def _state_of(row: ClaimDialog) -> dlg.DialogState:
    state = dlg.DialogState.from_dict(row.state)
    if row.insured_id:
        state.slots["insured_id"] = row.insured_id
    if row.contact_phone:
        state.slots["contact_phone"] = row.contact_phone
    return state


def _save_state(row: ClaimDialog, state: dlg.DialogState) -> None:
    data = state.to_dict()
    # the JSON column must never hold an ID number or a phone in clear
    row.insured_id = data["slots"].pop("insured_id", None)
    row.contact_phone = data["slots"].pop("contact_phone", None)
    row.state = data
    row.status = state.status
    row.expecting = state.expecting
    row.questions = state.questions
    row.updated_at = now()


def mask_numbers(text: str) -> str:
    """``text`` with ID numbers and phones masked, also when read out in Chinese digits (幺三九…)."""
    _, strings = find_digit_strings(text)
    chars = list(text)
    for s in strings:
        if len(s.digits) < 7:
            continue
        positions = [i for i in range(s.start, min(s.end, len(chars))) if not chars[i].isspace()]
        for i in positions[3:-4] if len(s.digits) < 15 else positions[4:-4]:
            chars[i] = "*"
    return redact_text("".join(chars))


def _log(row: ClaimDialog, role: str, text: str) -> None:
    line = {"role": role, "text": mask_numbers(text), "at": now().isoformat(timespec="seconds")}
    row.transcript = [*row.transcript, line]


def _visible_slots(state: dlg.DialogState) -> dict[str, Any]:
    return {k: state.slots[k] for k in SLOTS if state.slots.get(k) is not None}


async def _dialog_out(session: AsyncSession, row: ClaimDialog, state: dlg.DialogState) -> DialogOut:
    work_order = None
    if state.status in (dlg.DONE, dlg.HANDOFF):
        order = await session.scalar(select(ClaimWorkOrder).where(ClaimWorkOrder.dialog_id == row.id))
        if order is not None:
            work_order = ReporterWorkOrder(
                report_no=order.report_no, status=order.status, origin=order.origin, slots=_order_slots(order)
            )
    return DialogOut(
        dialog_id=row.public_id,
        reply=state.reply,
        expecting=state.expecting,
        slots=_visible_slots(state),
        state=state.status,
        stage=state.stage,
        questions=state.questions,
        work_order=work_order,
    )


async def start_dialog(
    session: AsyncSession, data: DialogCreate, *, actor: Actor, customer_id: int | None = None
) -> DialogOut:
    """Open a report dialog; its reply is the opening prompt. Audited (no personal data involved yet)."""
    ref = data.ref_date or today()
    if abs((ref - today()).days) > 366:
        raise ZhihuiError(ClaimsError.REF_DATE_OUT_OF_RANGE, field="ref_date")
    phone, phone_source = caller_mobile(data.caller_phone), "caller_id"
    if phone is None and customer_id is not None:
        # A signed-in customer proved this phone with an SMS code to sign in.
        phone, phone_source = (await policy_service.get_customer(session, customer_id)).phone, "customer_profile"
    state = dlg.open_dialog(ref, data.channel, contact_phone=phone)
    row = ClaimDialog(
        public_id=secrets.token_urlsafe(18),
        channel=data.channel,
        ref_date=ref,
        validate_policy=data.validate_policy,
        transcript=[],
        customer_id=customer_id,
    )
    _save_state(row, state)
    _log(row, "bot", state.reply)
    session.add(row)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="claims.dialog_start",
        subject_type="claim_dialog",
        subject_id=row.id,
        fields=("contact_phone",) if phone else (),
        detail={"contact_phone_from": phone_source} if phone else None,
    )
    return await _dialog_out(session, row, state)


def caller_mobile(number: str | None) -> str | None:
    """The 11-digit mobile number in a caller ID (``+86 139…``, ``0139…``), or None for a landline or junk."""
    if not number:
        return None
    digits = re.sub(r"\D", "", number)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    elif len(digits) == 12 and digits.startswith("0"):
        digits = digits[1:]
    return digits if is_valid_mobile(digits) else None


async def _dialog_row(session: AsyncSession, public_id: str, *, lock: bool = False) -> ClaimDialog:
    stmt = select(ClaimDialog).where(ClaimDialog.public_id == public_id)
    if lock:
        stmt = stmt.with_for_update()  # two turns of one dialog must not interleave (PostgreSQL)
    row = await session.scalar(stmt)
    if row is None:
        raise NotFound(ClaimsError.DIALOG_NOT_FOUND)
    return row


async def get_dialog(session: AsyncSession, public_id: str) -> DialogDetail:
    """The dialog as it stands, with its (masked) transcript: how a dropped session resumes."""
    row = await _dialog_row(session, public_id)
    state = _state_of(row)
    out = await _dialog_out(session, row, state)
    return DialogDetail(**out.model_dump(), transcript=[TranscriptLine(**t) for t in row.transcript])


async def take_dialog_turn(session: AsyncSession, public_id: str, text: str, *, actor: Actor) -> DialogOut:
    """Feed one utterance to the dialog, validate, save the new state; on confirmation or hand-off create
    the work order (``claims.reported`` event)."""
    row = await _dialog_row(session, public_id, lock=True)
    state = _state_of(row)
    terminal = state.status in (dlg.DONE, dlg.HANDOFF)
    turn = dlg.absorb(state, text)
    if row.validate_policy and not terminal:
        await _validate_identity(session, turn)
    new_state = dlg.respond(turn)
    if terminal:
        # a closed dialog answers but keeps its state and its last reply for resuming clients
        out = await _dialog_out(session, row, state)
        out.reply = new_state.reply
        return out
    _log(row, "reporter", text)
    if new_state.status in (dlg.DONE, dlg.HANDOFF):
        order = await _create_work_order(session, row, new_state, actor=actor)
        if new_state.status == dlg.DONE:
            new_state.reply = dlg.done_reply(order.report_no, new_state.slots)
        else:
            new_state.reply = f"{dlg.HANDOFF_REPLY}您的报案号是{order.report_no}。"
    _log(row, "bot", new_state.reply)
    _save_state(row, new_state)
    return await _dialog_out(session, row, new_state)


_IDENTITY_HINT = "我们没能用这个姓名和身份证号核实到出险人的信息，请再核对一下出险人的身份证号码。"


async def _validate_identity(session: AsyncSession, turn: dlg.Turn) -> None:
    """Check name + ID against the policy core once both are known; re-ask once, then flag for the checker.

    Not-found and name-mismatch get the same words, so an anonymous caller cannot probe who is a customer.
    """
    s = turn.state
    name, idno = s.slots.get("insured_name"), s.slots.get("insured_id")
    if not name or not idno or not ({"insured_name", "insured_id"} & set(turn.changed) or turn.kind == "confirm"):
        return
    problem = await _identity_problem(session, name, idno)
    if problem is None:
        s.flags.pop("insured_id", None)
        return
    s.flags["insured_id"] = problem[1]
    if s.rejections.get("insured_id", 0) < 1:
        turn.reject("insured_id", _IDENTITY_HINT)


async def _identity_problem(session: AsyncSession, name: str, idno: str) -> tuple[str, str] | None:
    customer = await policy_service.customer_by_id_number(session, idno)
    if customer is None:
        return "insured_not_found", "按身份证号未找到该被保险人"
    if customer.name != name:
        return "insured_name_mismatch", "身份证号与出险人姓名不一致"
    return None


def extract(text: str, ref_date: dt.date | None = None) -> ExtractOut:
    """The slots one utterance states (no dialog, no storage)."""
    result = extract_claim_slots(text, ref_date or today())
    stated = result.stated()
    return ExtractOut(slots=stated, confidence={k: v for k, v in result.confidence.items() if k in stated},
                      problems=result.problems, partial=result.partial())


# --------------------------------------------------------------------------------------------- validation


def place_exists(place: dict[str, Any]) -> bool:
    """Is ``{"province","city","district"}`` a consistent entry of the division table?"""
    table = places.table()
    province, city, district = place.get("province"), place.get("city"), place.get("district")
    if province not in table.provinces:
        return False
    if city != province and not any(d.province == province for d in table.cities.get(city or "", [])):
        return False
    if district is None:
        return True
    return any(d.province == province and d.city == city for d in table.districts.get(district, []))


def external_flags(slots: dict[str, Any]) -> list[Flag]:
    """Hospital in the registry, ICD-10 category known, place in the division table."""
    flags: list[Flag] = []
    treatment = slots.get("treatment") or {}
    if treatment.get("hospital") and hospitals.lookup(treatment["hospital"]) is None:
        flags.append(Flag(slot="treatment", code="hospital_not_registered", message="医院不在医院登记库中，需人工核实"))
    diagnosis = slots.get("diagnosis") or {}
    if diagnosis.get("icd10") and not medical.icd10_known(str(diagnosis["icd10"])):
        flags.append(Flag(slot="diagnosis", code="icd10_unknown", message="诊断编码不在ICD-10分类表中"))
    place = slots.get("accident_place")
    if place and not place_exists(place):
        flags.append(Flag(slot="accident_place", code="place_unknown", message="出险地点不在行政区划表中"))
    return flags


def _benefits(kind: str, slots: dict[str, Any]) -> list[str]:
    cause = slots.get("cause")
    status = (slots.get("treatment") or {}).get("status")
    code = str((slots.get("diagnosis") or {}).get("icd10") or "")
    treated = status in ("inpatient", "outpatient")
    out: list[str] = []
    if kind == "accident" and cause == "accident":
        if treated:
            out.append("意外医疗保险金")
        out.append("意外身故保险金" if status == "death" else "意外伤残保险金（视伤残评定）")
    elif kind == "medical" and treated:
        out.append("住院医疗费用" if status == "inpatient" else "门诊医疗费用")
    elif kind == "critical_illness":
        if cause == "illness" and (code.startswith(_CRITICAL_PREFIXES) or code[:3] in _CRITICAL_CODES):
            out.append("重大疾病保险金")
        if status == "death":
            out.append("身故保险金")
    elif kind in ("whole_life", "universal_life", "annuity") and status == "death":
        out.append("身故保险金")
    return out


async def policy_check(
    session: AsyncSession, customer_id: int, slots: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Flag]]:
    """Policies of the insured, the coverages likely to respond, and flags (nothing in force, waiting period)."""
    on = dt.date.fromisoformat(slots["accident_date"]) if slots.get("accident_date") else today()
    policies: list[dict[str, Any]] = []
    coverages: list[dict[str, Any]] = []
    flags: list[Flag] = []
    for policy in await policy_service.policies_of_customer(session, customer_id, roles=["insured"]):
        status = str(policy_service.status_of(policy, on=on))
        kind = policy.product.kind
        waiting_until = policy.issue_date + dt.timedelta(days=policy.product.waiting_days)
        # waiting periods exclude illness, never accidents
        in_waiting = slots.get("cause") != "accident" and on < waiting_until
        covering = status in COVERING_STATUSES and on >= policy.issue_date
        policies.append(
            {
                "policy_no": policy.policy_no,
                "product_name": policy.product.name,
                "product_kind": kind,
                "status_on_accident_date": status,
                "issue_date": policy.issue_date.isoformat(),
                "covering": covering,
                "in_waiting_period": in_waiting,
            }
        )
        if not covering:
            continue
        for benefit in _benefits(kind, slots):
            note = f"出险日在等待期内（至{waiting_until.isoformat()}）" if in_waiting else ""
            coverages.append({"policy_no": policy.policy_no, "product_kind": kind, "benefit": benefit, "note": note})
        if in_waiting:
            message = f"保单{policy.policy_no}在等待期内出险"
            flags.append(Flag(slot="accident_date", code="waiting_period", message=message))
    if not any(p["covering"] for p in policies):
        flags.append(Flag(slot=None, code="no_policy_in_force", message="出险日没有有效（或宽限期内）的保单"))
    return policies, coverages, flags


async def hand_off_idle_dialogs(
    session: AsyncSession, *, idle_minutes: int, actor: Actor, limit: int = 500
) -> list[str]:
    """Hand the reports that reporters left half-way (a dropped call, a closed page) to a person.

    A dialog still collecting or confirming and untouched for ``idle_minutes`` becomes a hand-off work order
    with everything said so far and a ``dialog_abandoned`` flag, so that a checker calls the reporter back
    instead of the report waiting for a resume that may never come. Dialogs in which the reporter said
    nothing are left alone: there is nothing to hand over and no one to call. Locked rows (a turn being
    taken right now, or another instance running the same sweep) are skipped. Returns the report numbers.
    """
    if idle_minutes < 1:
        raise ValueError("idle_minutes must be at least 1")
    cutoff = now() - dt.timedelta(minutes=idle_minutes)
    rows = (
        await session.scalars(
            select(ClaimDialog)
            .where(ClaimDialog.status.in_((dlg.COLLECTING, dlg.CONFIRMING)), ClaimDialog.updated_at < cutoff)
            .order_by(ClaimDialog.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    ).all()
    report_nos: list[str] = []
    for row in rows:
        if not any(line.get("role") == "reporter" for line in row.transcript):
            continue
        state = _state_of(row)
        state.status = dlg.HANDOFF
        state.expecting = None
        abandoned = Flag(
            slot=None,
            code="dialog_abandoned",
            message=f"报案人未完成对话（闲置超过{idle_minutes}分钟），请回电核实并补全",
        )
        order = await _create_work_order(session, row, state, actor=actor, extra_flags=[abandoned])
        state.reply = f"{dlg.HANDOFF_REPLY}您的报案号是{order.report_no}。"
        _save_state(row, state)
        report_nos.append(order.report_no)
    return report_nos


async def _create_work_order(
    session: AsyncSession,
    row: ClaimDialog,
    state: dlg.DialogState,
    *,
    actor: Actor,
    extra_flags: Sequence[Flag] = (),
) -> ClaimWorkOrder:
    slots = _visible_slots(state)
    flags = [Flag(slot=slot, code="dialog_note", message=note) for slot, note in state.flags.items()]
    flags += extra_flags
    flags += external_flags(slots)
    policies: list[dict[str, Any]] = []
    coverages: list[dict[str, Any]] = []
    customer_id: int | None = None
    if not row.validate_policy:
        flags.append(Flag(slot=None, code="policy_not_validated", message="报案时未对保单进行校验"))
    elif slots.get("insured_id"):
        customer = await policy_service.customer_by_id_number(session, slots["insured_id"])
        if customer is None:
            flags.append(Flag(slot="insured_id", code="insured_not_found", message="按身份证号未找到该被保险人"))
        else:
            customer_id = customer.id
            if slots.get("insured_name") and customer.name != slots["insured_name"]:
                flags.append(
                    Flag(slot="insured_name", code="insured_name_mismatch", message="身份证号与出险人姓名不一致")
                )
            policies, coverages, more = await policy_check(session, customer.id, slots)
            flags += more
    order = ClaimWorkOrder(
        report_no=await next_business_number(session, "BA"),
        dialog_id=row.id,
        origin="dialog" if state.status == dlg.DONE else "handoff",
        channel=row.channel,
        status=PENDING,
        slots={k: v for k, v in slots.items() if k not in SENSITIVE},
        insured_id=slots.get("insured_id"),
        insured_id_hash=lookup_hash(slots["insured_id"]) if slots.get("insured_id") else None,
        contact_phone=slots.get("contact_phone"),
        confidence={k: v for k, v in state.confidence.items() if k in slots},
        flags=[f.model_dump() for f in flags],
        policies=policies,
        coverages=coverages,
        transcript=list(row.transcript),
        questions=state.questions,
        customer_id=customer_id,
    )
    session.add(order)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="claims.report",
        subject_type="claim_work_order",
        subject_id=order.report_no,
        fields=sorted(slots),
        detail={"origin": order.origin, "flags": [f.code for f in flags]},
    )
    payload = ReportedPayload(
        work_order_id=order.id, report_no=order.report_no, origin=order.origin, channel=row.channel
    )
    events.record_event(session, ClaimsEvent.REPORTED, payload.model_dump())
    return order


# --------------------------------------------------------------------------------------------- work orders


def _order_slots(order: ClaimWorkOrder) -> dict[str, Any]:
    """All slots of the order in the API format (clear values: callers mask for display)."""
    slots = dict(order.slots)
    if order.insured_id:
        slots["insured_id"] = order.insured_id
    if order.contact_phone:
        slots["contact_phone"] = order.contact_phone
    return {k: slots[k] for k in SLOTS if slots.get(k) is not None}


def _masked_slots(order: ClaimWorkOrder) -> dict[str, Any]:
    slots = _order_slots(order)
    if "insured_id" in slots:
        slots["insured_id"] = mask_id_number(slots["insured_id"])
    if "contact_phone" in slots:
        slots["contact_phone"] = mask_phone(slots["contact_phone"])
    return slots


def _mask_value(slot: str, value: Any) -> Any:
    if value is None:
        return None
    if slot == "insured_id":
        return mask_id_number(str(value))
    if slot == "contact_phone":
        return mask_phone(str(value))
    return value


def _loads(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)


async def _order_row(session: AsyncSession, report_no: str) -> ClaimWorkOrder:
    order = await session.scalar(select(ClaimWorkOrder).where(ClaimWorkOrder.report_no == report_no))
    if order is None:
        raise NotFound(ClaimsError.WORK_ORDER_NOT_FOUND)
    return order


def work_order_out(order: ClaimWorkOrder) -> WorkOrderOut:
    return WorkOrderOut(
        report_no=order.report_no,
        status=order.status,
        origin=order.origin,
        channel=order.channel,
        slots=_masked_slots(order),
        confidence=order.confidence,
        flags=[Flag(**f) for f in order.flags],
        policies=order.policies,
        coverages=order.coverages,
        transcript=[TranscriptLine(**t) for t in order.transcript],
        questions=order.questions,
        corrections=[
            CorrectionOut(
                slot=c.slot,
                old_value=_mask_value(c.slot, _loads(c.old_value)),
                new_value=_mask_value(c.slot, _loads(c.new_value)),
                reason=c.reason,
                staff_id=c.staff_id,
                created_at=c.created_at,
            )
            for c in order.corrections
        ],
        created_at=order.created_at,
        verified_at=order.verified_at,
        closed_at=order.closed_at,
    )


async def list_work_orders(
    session: AsyncSession, *, status: str | None = None, limit: int = 200
) -> list[WorkOrderSummary]:
    """The checkers' queue, oldest pending first."""
    stmt = select(ClaimWorkOrder)
    if status:
        stmt = stmt.where(ClaimWorkOrder.status == status)
    stmt = stmt.order_by(ClaimWorkOrder.created_at, ClaimWorkOrder.id).limit(limit)
    rows = (await session.scalars(stmt)).all()
    return [
        WorkOrderSummary(
            report_no=o.report_no,
            status=o.status,
            origin=o.origin,
            insured_name=o.slots.get("insured_name"),
            accident_date=o.slots.get("accident_date"),
            cause=o.slots.get("cause"),
            flag_count=len(o.flags),
            created_at=o.created_at,
        )
        for o in rows
    ]


async def get_work_order(session: AsyncSession, report_no: str, *, actor: Actor) -> WorkOrderOut:
    """A work order for a checker (ID and phone masked); the read is audited."""
    order = await _order_row(session, report_no)
    audit.record(
        session, actor=actor, action="claims.work_order_view", subject_type="claim_work_order", subject_id=report_no
    )
    return work_order_out(order)


def normalize_slot_value(slot: str, value: Any) -> Any:
    """A checker's value for ``slot`` in the API format, or ``claim_invalid_slot_value``."""
    if slot not in SLOTS:
        raise ZhihuiError(ClaimsError.UNKNOWN_SLOT, field="slot")
    if value is None or value == "":
        return None
    label = dlg.SLOT_LABELS[slot]

    def bad(reason: str) -> ZhihuiError:
        return ZhihuiError(ClaimsError.INVALID_SLOT_VALUE, field="value", params={"label": label, "reason": reason})

    if slot == "relation":
        if value not in dlg.RELATION_WORDS:
            raise bad("须为 self / spouse / child / parent / other 之一")
        return value
    if slot == "cause":
        if value not in ("illness", "accident"):
            raise bad("须为疾病（illness）或意外（accident）")
        return value
    if slot == "insured_name":
        name = str(value).strip()
        if not re.fullmatch(r"[\u4e00-\u9fff·]{2,10}", name):
            raise bad("请填写中文姓名")
        return name
    if slot == "insured_id":
        idno = re.sub(r"\s", "", str(value)).upper()
        problem = id_problem(idno)
        if problem:
            raise bad(problem)
        return idno
    if slot == "contact_phone":
        phone = re.sub(r"[\s-]", "", str(value))
        if not re.fullmatch(r"1[3-9]\d{9}", phone):
            raise bad("须为11位手机号码")
        return phone
    if slot == "accident_date":
        try:
            day = dt.date.fromisoformat(str(value))
        except ValueError:
            mention = resolve_date(str(value), today())
            if mention is None:
                raise bad("请按 年-月-日 填写") from None
            day = mention.value
        if day > today():
            raise bad("日期不能晚于今天")
        return day.isoformat()
    if not isinstance(value, dict):
        raise bad("格式不正确")
    if slot == "accident_place":
        place = {k: (value.get(k) or None) for k in ("province", "city", "district")}
        if not place_exists(place):
            raise bad("不在行政区划表中，请填写省、市、区县的正式全称")
        return place
    if slot == "diagnosis":
        term = str(value.get("term") or "").strip()
        code = str(value.get("icd10") or "").strip().upper()[:3]
        if not code and term:
            found = medical.best_diagnosis(term)
            code = found.icd10 if found else ""
        if not term or not medical.icd10_known(code):
            raise bad("须填写诊断名称和有效的ICD-10类目编码")
        return {"term": term, "icd10": code}
    if slot == "treatment":
        status = value.get("status")
        if status not in dlg.STATUS_WORDS:
            raise bad("治疗状态须为 outpatient / inpatient / death / none")
        hospital = str(value.get("hospital") or "").strip() or None
        if hospital:
            known = hospitals.lookup(hospital)
            hospital = known.name if known else hospital
        return {"hospital": hospital, "status": status}
    raise bad("格式不正确")


async def correct_slot(
    session: AsyncSession, report_no: str, slot: str, value: Any, *, actor: Actor, reason: str | None = None
) -> WorkOrderOut:
    """Correct one slot of a pending work order; the old and new values are stored (encrypted).

    Raises ``claim_work_order_not_pending`` once verified, ``claim_invalid_slot_value`` for a bad value.
    A value equal to the current one is not a correction and stores nothing.
    """
    order = await _order_row(session, report_no)
    if order.status != PENDING:
        raise Conflict(ClaimsError.WORK_ORDER_NOT_PENDING)
    new = normalize_slot_value(slot, value)
    old = _order_slots(order).get(slot)
    if new == old:
        return work_order_out(order)
    if slot == "insured_id":
        order.insured_id = new
        order.insured_id_hash = lookup_hash(new) if new else None
    elif slot == "contact_phone":
        order.contact_phone = new
    else:
        slots = dict(order.slots)
        if new is None:
            slots.pop(slot, None)
        else:
            slots[slot] = new
        order.slots = slots
    order.corrections.append(
        ClaimSlotCorrection(
            slot=slot,
            old_value=None if old is None else json.dumps(old, ensure_ascii=False),
            new_value=None if new is None else json.dumps(new, ensure_ascii=False),
            reason=(reason or "").strip() or None,
            staff_id=actor.id,
        )
    )
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="claims.correct",
        subject_type="claim_work_order",
        subject_id=report_no,
        fields=[slot],
        reason=reason,
    )
    return work_order_out(order)


async def verify_work_order(session: AsyncSession, report_no: str, *, actor: Actor) -> WorkOrderOut:
    """Mark a pending order checked: ``verified`` without corrections, ``corrected`` with some.

    Event ``claims.verified``; raises ``claim_work_order_not_pending`` when already checked.
    """
    order = await _order_row(session, report_no)
    if order.status != PENDING:
        raise Conflict(ClaimsError.WORK_ORDER_NOT_PENDING)
    corrected = sorted({c.slot for c in order.corrections})
    order.status = CORRECTED if corrected else VERIFIED
    order.verified_at = now()
    order.verified_by = actor.id
    audit.record(
        session,
        actor=actor,
        action="claims.verify",
        subject_type="claim_work_order",
        subject_id=report_no,
        fields=corrected,
        detail={"status": order.status},
    )
    payload = VerifiedPayload(
        work_order_id=order.id, report_no=report_no, status=order.status, corrected_slots=corrected
    )
    events.record_event(session, ClaimsEvent.VERIFIED, payload.model_dump())
    return work_order_out(order)


async def close_work_order(session: AsyncSession, report_no: str, *, actor: Actor) -> WorkOrderOut:
    """Close a verified (or corrected) order; raises ``claim_work_order_not_verified`` before that."""
    order = await _order_row(session, report_no)
    if order.status not in (VERIFIED, CORRECTED):
        raise Conflict(ClaimsError.WORK_ORDER_NOT_VERIFIED)
    order.status = CLOSED
    order.closed_at = now()
    order.closed_by = actor.id
    audit.record(session, actor=actor, action="claims.close", subject_type="claim_work_order", subject_id=report_no)
    payload = ClosedPayload(work_order_id=order.id, report_no=report_no)
    events.record_event(session, ClaimsEvent.CLOSED, payload.model_dump())
    return work_order_out(order)


async def accuracy_metrics(session: AsyncSession) -> MetricsOut:
    """Per-slot and whole-process accuracy over the work orders checkers have verified.

    A slot is accurate when the checker did not correct it; an order is accurate as a whole when it came
    from a completed dialog (not a hand-off) and no slot was corrected.
    """
    stmt = select(ClaimWorkOrder).where(ClaimWorkOrder.verified_at.is_not(None))
    orders: Sequence[ClaimWorkOrder] = (await session.scalars(stmt)).all()
    pending = int(
        await session.scalar(select(func.count()).select_from(ClaimWorkOrder).where(ClaimWorkOrder.status == PENDING))
        or 0
    )
    per_slot = {slot: 0 for slot in SLOTS}
    whole = 0
    from_dialog = 0
    for order in orders:
        corrected = {c.slot for c in order.corrections}
        for slot in SLOTS:
            if slot not in corrected:
                per_slot[slot] += 1
        if order.origin == "dialog":
            from_dialog += 1
            if not corrected:
                whole += 1
    n = len(orders)
    return MetricsOut(
        verified_orders=n,
        from_dialog=from_dialog,
        handoffs=n - from_dialog,
        whole_process_accurate=whole,
        whole_process_accuracy=whole / n if n else None,
        slots=[
            SlotAccuracy(
                slot=slot,
                label=dlg.SLOT_LABELS[slot],
                checked=n,
                accurate=per_slot[slot],
                accuracy=per_slot[slot] / n if n else None,
            )
            for slot in SLOTS
        ],
        pending=pending,
    )
