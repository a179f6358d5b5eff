"""Dialog persistence, validation against the policy core, work orders, corrections and accuracy."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from tests.factories import make_customer, make_policy, make_staff
from zhihui.claims import service
from zhihui.claims.models import ClaimDialog, ClaimWorkOrder
from zhihui.claims.schemas import DialogCreate
from zhihui.nlu.claim_slots import id_check_char
from zhihui.platform import clock
from zhihui.platform.actor import SYSTEM
from zhihui.platform.auth import Role
from zhihui.platform.db import Database
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.models import AuditLog, EventOutbox

REF = dt.date(2026, 3, 18)
LIU_ID = "11010519800101123" + id_check_char("11010519800101123")


async def _talk(db: Database, dialog_id: str, *texts: str) -> service.DialogOut:
    out = None
    for t in texts:
        async with db.unit_of_work() as session:
            out = await service.take_dialog_turn(session, dialog_id, t, actor=service.REPORTER)
    assert out is not None
    return out


async def _start(db: Database, *, validate: bool = True) -> str:
    async with db.unit_of_work() as session:
        out = await service.start_dialog(
            session, DialogCreate(ref_date=REF, validate_policy=validate), actor=service.REPORTER
        )
    return out.dialog_id


async def _insured(db: Database, **policy: object) -> tuple[str, str]:
    async with db.unit_of_work() as session:
        customer = await make_customer(session, name="张伟")
        await make_policy(session, customer, **policy)  # type: ignore[arg-type]
        await make_policy(session, customer, product_code="MD", issue_date=dt.date(2025, 6, 1))
        return customer.id_number, customer.phone


async def test_confirmed_report_creates_work_order_with_policies_and_coverages(db: Database) -> None:
    idno, phone = await _insured(db)
    dialog_id = await _start(db)
    out = await _talk(
        db,
        dialog_id,
        f"我叫张伟，本人报案，身份证{idno}，电话{phone}，昨天在上海浦东新区被车撞了，小腿骨折，在上海市第六人民医院住院",
    )
    assert out.state == "confirming", out.reply
    out = await _talk(db, dialog_id, "对")
    assert out.state == "done" and out.work_order is not None
    assert out.work_order.report_no.startswith("BA") and out.work_order.report_no in out.reply
    async with db.sessionmaker() as session:
        order = await session.scalar(select(ClaimWorkOrder))
        assert order is not None and order.status == service.PENDING and order.origin == "dialog"
        assert order.insured_id == idno and order.customer_id is not None
        assert {p["product_kind"] for p in order.policies} == {"whole_life", "medical"}
        assert any(c["benefit"] == "住院医疗费用" for c in order.coverages)
        assert not [f for f in order.flags if f["code"] in ("insured_not_found", "no_policy_in_force")]
        events = (await session.scalars(select(EventOutbox.name))).all()
        assert "claims.reported" in events
        actions = (await session.scalars(select(AuditLog.action))).all()
        assert {"claims.dialog_start", "claims.report"} <= set(actions)


async def test_sensitive_values_are_encrypted_and_transcripts_masked(db: Database) -> None:
    idno, phone = await _insured(db)
    dialog_id = await _start(db)
    spoken_phone = "".join("零一二三四五六七八九"[int(c)] for c in phone)
    await _talk(db, dialog_id, f"我叫张伟，本人报案，身份证{idno}", f"手机{spoken_phone}", "对")
    async with db.engine.connect() as conn:
        for table in ("claims_dialog", "claims_work_order"):
            rows = (await conn.execute(text(f"SELECT * FROM {table}"))).all()
            dump = repr(rows)
            assert idno not in dump and phone not in dump and spoken_phone not in dump
    async with db.sessionmaker() as session:
        row = await session.scalar(select(ClaimDialog))
        assert row is not None and row.insured_id == idno and row.contact_phone == phone
        reporter_lines = [t["text"] for t in row.transcript if t["role"] == "reporter"]
        assert idno[:4] in reporter_lines[0] and "*" in reporter_lines[0]


async def test_dropped_session_resumes_from_the_database(db: Database) -> None:
    dialog_id = await _start(db, validate=False)
    await _talk(db, dialog_id, "我爸昨天在武汉江汉区摔了，小腿骨折了")
    async with db.sessionmaker() as session:
        resumed = await service.get_dialog(session, dialog_id)
    assert resumed.slots["relation"] == "parent" and resumed.expecting == "contact_phone"
    assert [t.role for t in resumed.transcript] == ["bot", "reporter", "bot"]
    out = await _talk(db, dialog_id, "13805556677")
    assert out.slots["contact_phone"] == "13805556677" and out.slots["relation"] == "parent"


async def test_reports_left_half_way_are_handed_to_a_person_after_the_idle_time(db: Database) -> None:
    start = dt.datetime(2026, 3, 18, 9, 0, tzinfo=dt.UTC)
    clock.set_now(start)
    left = await _start(db, validate=False)
    await _talk(db, left, "我爸昨天在武汉江汉区摔了，小腿骨折了", "13805556677")
    silent = await _start(db, validate=False)  # opened, never spoken to
    clock.set_now(start + dt.timedelta(minutes=20))
    active = await _start(db, validate=False)
    await _talk(db, active, "我老婆前天在家晕倒了")

    clock.set_now(start + dt.timedelta(minutes=31))
    async with db.unit_of_work() as session:
        handed = await service.hand_off_idle_dialogs(session, idle_minutes=30, actor=SYSTEM)
    assert len(handed) == 1 and handed[0].startswith("BA")
    async with db.sessionmaker() as session:
        order = await service.get_work_order(session, handed[0], actor=SYSTEM)
        resumed = await service.get_dialog(session, left)
        untouched = {d: (await service.get_dialog(session, d)).state for d in (silent, active)}
    assert order.origin == "handoff" and order.status == "pending_verification"
    assert order.slots["relation"] == "parent" and order.slots["diagnosis"]["icd10"] == "S82"
    assert "dialog_abandoned" in [f.code for f in order.flags]
    assert resumed.state == "handoff" and handed[0] in resumed.reply
    assert untouched == {silent: "collecting", active: "collecting"}

    # A second sweep finds nothing more; the reporter coming back is told where the report went.
    async with db.unit_of_work() as session:
        assert await service.hand_off_idle_dialogs(session, idle_minutes=30, actor=SYSTEM) == []
    out = await _talk(db, left, "我还想补充一下")
    assert out.state == "handoff"


async def test_identity_mismatch_is_reasked_once_then_flagged(db: Database) -> None:
    idno, phone = await _insured(db)
    dialog_id = await _start(db)
    out = await _talk(db, dialog_id, f"我本人，叫李强，身份证{idno}")
    assert out.expecting == "insured_id" and "核实" in out.reply
    out = await _talk(db, dialog_id, idno)
    assert out.expecting != "insured_id"  # asked once; now the checker decides
    out = await _talk(db, dialog_id, phone, "昨天在上海浦东新区摔了，脚踝扭伤", "在上海市第六人民医院门诊看的", "对")
    assert out.state == "done", out.reply
    async with db.sessionmaker() as session:
        order = await session.scalar(select(ClaimWorkOrder))
        assert order is not None
        assert "insured_name_mismatch" in {f["code"] for f in order.flags}


async def test_policy_not_in_force_on_accident_date_is_flagged(db: Database) -> None:
    _, phone = await _insured(db)
    async with db.unit_of_work() as session:
        other = await make_customer(session, name="王芳", male=False)
    dialog_id = await _start(db)
    await _talk(
        db,
        dialog_id,
        f"我叫王芳，本人报案，身份证{other.id_number}，电话{phone}，昨天在上海浦东新区摔了，小腿骨折，在上海市第六人民医院住院",
        "对",
    )
    async with db.sessionmaker() as session:
        order = await session.scalar(select(ClaimWorkOrder))
        assert order is not None and order.policies == []
        assert "no_policy_in_force" in {f["code"] for f in order.flags}


async def test_correct_verify_close_and_accuracy_from_real_orders(db: Database) -> None:
    async with db.unit_of_work() as session:
        staff = await make_staff(session, Role.REVIEWER)
    actor = service.Actor(kind="staff", id=staff.id, role="reviewer")
    numbers = []
    for day in ("昨天", "前天"):
        dialog_id = await _start(db, validate=False)
        out = await _talk(
            db,
            dialog_id,
            f"我叫刘洋，本人报案，身份证{LIU_ID}，电话13905550001，{day}在北京朝阳区摔了，手腕骨折，在北京积水潭医院门诊",
            "对",
        )
        assert out.work_order is not None
        numbers.append(out.work_order.report_no)
    async with db.unit_of_work() as session:
        with pytest.raises(ZhihuiError) as bad:
            await service.correct_slot(session, numbers[0], "contact_phone", "12345", actor=actor)
        assert bad.value.code == "claim_invalid_slot_value"
    async with db.unit_of_work() as session:
        corrected = await service.correct_slot(
            session, numbers[0], "accident_date", "2026-03-15", actor=actor, reason="核对病历"
        )
        assert corrected.slots["accident_date"] == "2026-03-15"
        assert corrected.corrections[0].old_value == "2026-03-17"
        await service.correct_slot(session, numbers[0], "contact_phone", "13905550002", actor=actor)
    async with db.unit_of_work() as session:
        with pytest.raises(ZhihuiError) as early:
            await service.close_work_order(session, numbers[0], actor=actor)
        assert early.value.code == "claim_work_order_not_verified"
    async with db.unit_of_work() as session:
        first = await service.verify_work_order(session, numbers[0], actor=actor)
        second = await service.verify_work_order(session, numbers[1], actor=actor)
        assert first.status == "corrected" and second.status == "verified"
        assert first.corrections[1].new_value == "139****0002"  # masked for the checker
    async with db.unit_of_work() as session:
        with pytest.raises(ZhihuiError) as late:
            await service.correct_slot(session, numbers[0], "cause", "illness", actor=actor)
        assert late.value.code == "claim_work_order_not_pending"
        closed = await service.close_work_order(session, numbers[0], actor=actor)
        assert closed.status == "closed"
    async with db.sessionmaker() as session:
        metrics = await service.accuracy_metrics(session)
        names = (await session.scalars(select(EventOutbox.name))).all()
    assert metrics.verified_orders == 2 and metrics.whole_process_accuracy == 0.5
    per_slot = {s.slot: s.accuracy for s in metrics.slots}
    assert per_slot["accident_date"] == 0.5 and per_slot["contact_phone"] == 0.5 and per_slot["cause"] == 1.0
    assert names.count("claims.verified") == 2 and "claims.closed" in names


def test_mask_numbers_covers_spoken_digits() -> None:
    masked = service.mask_numbers("电话幺三八 一二三四 五六七八，身份证110105198001011239")
    assert "一二三四" not in masked and "110105198001011239" not in masked
    assert masked.startswith("电话幺三八") and "1101" in masked
