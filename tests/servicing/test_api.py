"""The servicing API end to end: agent link -> customer SMS -> (face) -> form -> signature -> decision."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from tests.factories import make_customer, make_staff, staff_headers
from tests.servicing.helpers import (
    World,
    create_link,
    customer_headers,
    fix_clock,
    loops_png,
    make_world,
    open_application,
    pass_face,
    refusals,
    signature_png,
    sms_bodies,
    submit,
)
from zhihui.platform import clock
from zhihui.platform.actor import Actor
from zhihui.platform.db import Database
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.models import AuditLog
from zhihui.policy import service as policy_service
from zhihui.policy.models import PremiumInstallment  # reading the outcome only
from zhihui.servicing import items as catalog
from zhihui.servicing import service
from zhihui.servicing.models import Application
from zhihui.settings import Settings

UL = {"UL01": {"issue_date": dt.date(2024, 1, 10), "initial_account_fen": 1_000_000, "frequency": "single"}}


@pytest.fixture
def face_passes(app: Any, settings: Settings) -> None:
    from tests.servicing.helpers import passing_runtime

    app.state.identity = passing_runtime(settings)


async def test_items_lists_ten_items_with_forms(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/servicing/items")
    assert r.status_code == 200
    items = {i["code"]: i for i in r.json()}
    assert len(items) == 10
    assert items["account_withdrawal"]["face_required"] and not items["renewal_flag"]["face_required"]
    assert items["account_withdrawal"]["applicants"] == ["policyholder"]
    assert [f["name"] for f in items["premium_account"]["fields"]] == ["bank", "account", "holder_name"]
    openapi = (await client.get("/openapi.json")).json()["paths"]
    for path in (
        "/api/v1/servicing/links",
        "/api/v1/servicing/links/open",
        "/api/v1/servicing/links/verify",
        "/api/v1/servicing/applications/{application_id}/submit",
        "/api/v1/servicing/applications/{application_id}/review",
        "/api/v1/servicing/applications/{application_id}/endorsement.pdf",
    ):
        assert path in openapi


async def test_renewal_flag_end_to_end_auto_approved(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    app_id, headers = await open_application(client, db, world, policy_no, "renewal_flag")
    form = (await client.get(f"/api/v1/servicing/applications/{app_id}/form", headers=headers)).json()
    assert form["values"] == {"renew": "true"}
    r = await submit(client, app_id, headers, {"renew": "false"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["status"] == "approved" and out["auto_decided"] and out["application_no"].startswith("BQ20250602")
    pdf = await client.get(out["endorsement_url"], headers=headers)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert policy.renewal_flag is False
    bodies = await sms_bodies(db, world.holder.phone)
    assert any("已提交" in b for b in bodies) and any("已办理完成" in b for b in bodies)
    # the agent sees the application from the link, masked
    agent = await staff_headers(client, world.agent_username)
    mine = (await client.get("/api/v1/servicing/agent/applications", headers=agent)).json()
    assert [a["status"] for a in mine] == ["approved"] and "*" in mine[0]["customer_name"]
    stats = (await client.get("/api/v1/servicing/agent/stats", headers=agent)).json()
    assert stats["mine"] == 1
    policies = (await client.get("/api/v1/servicing/agent/policies", headers=agent)).json()
    assert world.holder.id_number not in str(policies) and world.holder.phone not in str(policies)


async def test_link_qr_code_is_a_png(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db)
    link = await create_link(client, world, world.policies["MD01"], "renewal_flag")
    agent = await staff_headers(client, world.agent_username)
    r = await client.get(link["qr_url"], headers=agent)
    assert r.status_code == 200 and r.content.startswith(b"\x89PNG")


async def test_agent_cannot_share_another_agents_policy(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db)
    other = await make_world(db)
    headers = await staff_headers(client, other.agent_username)
    r = await client.post(
        "/api/v1/servicing/links", json={"policy_no": world.policies["MD01"], "item": "renewal_flag"}, headers=headers
    )
    assert r.status_code == 403 and r.json()["code"] == "not_agents_policy"
    r = await client.post(
        "/api/v1/servicing/links",
        json={"policy_no": world.policies["MD01"], "item": "renewal_flag", "applicant": "insured"},
        headers=await staff_headers(client, world.agent_username),
    )
    assert r.status_code == 400 and r.json()["code"] == "applicant_not_allowed"
    assert "投保人" in r.json()["detail"]


async def test_bad_links_refused_and_audited(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    link = await create_link(client, world, policy_no, "renewal_flag")
    tampered = link["token"][:-3] + ("aaa" if not link["token"].endswith("aaa") else "bbb")
    r = await client.post("/api/v1/servicing/links/open", json={"token": tampered})
    assert r.status_code == 400 and r.json()["code"] == "link_invalid" and "链接无效" in r.json()["detail"]

    async with db.unit_of_work() as session:
        stranger = await make_customer(session, male=False)
    r = await client.post(
        "/api/v1/servicing/links/open", json={"token": link["token"]}, headers=await customer_headers(db, stranger.id)
    )
    assert r.status_code == 403 and r.json()["code"] == "link_wrong_customer"

    app_id, _ = await open_application(client, db, world, policy_no, "renewal_flag")
    # the helper consumed a new link; reuse it
    async with db.sessionmaker() as session:
        application = await session.scalar(select(Application).where(Application.public_id == app_id))
        assert application is not None and application.link_id is not None
    used = await create_link(client, world, policy_no, "renewal_flag")
    await client.post("/api/v1/servicing/links/code", json={"token": used["token"]})
    from tests.servicing.helpers import latest_code

    code = await latest_code(db, world.holder.phone)
    assert (
        await client.post("/api/v1/servicing/links/verify", json={"token": used["token"], "code": code})
    ).status_code == 200
    r = await client.post("/api/v1/servicing/links/verify", json={"token": used["token"], "code": code})
    assert r.status_code == 409 and r.json()["code"] == "link_used"

    late = await create_link(client, world, policy_no, "renewal_flag")
    clock.set_now(dt.datetime(2025, 6, 5, 3, 0, tzinfo=dt.UTC))  # 73 hours later
    r = await client.post("/api/v1/servicing/links/open", json={"token": late["token"]})
    assert r.status_code == 400 and r.json()["code"] == "link_expired"

    codes = sorted(row.detail["code"] for row in await refusals(db, "servicing.link.open"))
    assert codes == ["link_expired", "link_invalid", "link_wrong_customer"]
    assert [row.detail["code"] for row in await refusals(db, "servicing.link.verify")] == ["link_used"]


async def test_withdrawal_needs_face_and_refuses_above_allowed(
    client: httpx.AsyncClient, db: Database, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db, UL)
    policy_no = world.policies["UL01"]
    app_id, headers = await open_application(client, db, world, policy_no, "account_withdrawal")
    r = await submit(client, app_id, headers, {"amount_yuan": "1000"})
    assert r.status_code == 403 and r.json()["code"] == "face_verification_required"
    await pass_face(client, app_id, headers)
    r = await submit(client, app_id, headers, {"amount_yuan": "9100"})
    assert r.status_code == 400 and r.json()["code"] == "withdrawal_above_allowed"
    assert "9,000.00" in r.json()["detail"]
    r = await submit(client, app_id, headers, {"amount_yuan": "1000"}, signature=signature_png(blank=True))
    assert r.status_code == 400 and r.json()["code"] == "signature_required"
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        account = await policy_service.universal_account(session, policy.id)
        assert account is not None and account.balance_fen == 1_000_000  # nothing applied
    refused = [row.detail["code"] for row in await refusals(db, "servicing.application.submit")]
    assert refused == ["face_verification_required", "withdrawal_above_allowed", "signature_required"]
    r = await submit(client, app_id, headers, {"amount_yuan": "9000"}, region="北京市")
    assert r.status_code == 200, r.text
    # all that is allowed (25) from outside the customer's province (15): 40 sends it to a reviewer
    assert r.json()["status"] == "pending_review"
    reviewer = await staff_headers(client, world.reviewer_username)
    queue = (await client.get("/api/v1/servicing/review/queue", headers=reviewer)).json()
    assert queue[0]["risk_score"] == 40
    assert queue[0]["review_reasons"] == ["风险分40：申请地与客户常住省份不一致", "风险分40：申请金额接近可领取上限"]
    r = await client.post(
        f"/api/v1/servicing/applications/{app_id}/review", json={"decision": "approve"}, headers=reviewer
    )
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        account = await policy_service.universal_account(session, policy.id)
        assert account is not None and account.balance_fen == 100_000  # exactly the minimum left


async def test_bad_bank_account_refused_with_chinese_message(
    client: httpx.AsyncClient, db: Database, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db)
    app_id, headers = await open_application(client, db, world, world.policies["MD01"], "premium_account")
    await pass_face(client, app_id, headers)
    form = {"bank": "中国建设银行", "account": "6217000010000000004", "holder_name": world.holder.name}
    r = await submit(client, app_id, headers, form)
    assert r.status_code == 400 and r.json()["code"] == "invalid_bank_account"
    assert r.json()["detail"].startswith("银行卡号：")
    assert [row.detail["code"] for row in await refusals(db, "servicing.application.submit")] == [
        "invalid_bank_account"
    ]
    r = await submit(client, app_id, headers, {**form, "account": "6217000010000000003"})
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text


async def test_reviewer_asks_for_more_then_rejects(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    app_id, headers = await open_application(client, db, world, world.policies["WL01"], "info_change")
    r = await submit(client, app_id, headers, {"occupation_code": "0701002", "occupation_class": 5})
    assert r.json()["status"] == "pending_review"
    reviewer = await staff_headers(client, world.reviewer_username)
    url = f"/api/v1/servicing/applications/{app_id}/review"
    r = await client.post(url, json={"decision": "reject"}, headers=reviewer)
    assert r.status_code == 400 and r.json()["code"] == "review_reason_required"
    r = await client.post(url, json={"decision": "more_info", "reason": "请补充单位出具的工作证明"}, headers=reviewer)
    assert r.json()["status"] == "more_info"
    note = "已在附件中说明：本人在单位从事\x00高空作业"
    form = {"occupation_code": "0701002", "occupation_class": 5}
    r = await submit(client, app_id, headers, form, note="x" * 501)
    assert r.status_code == 422  # a note longer than 500 characters is refused at the edge
    r = await submit(client, app_id, headers, form, note=note)
    assert r.json()["status"] == "pending_review"
    seen = (await client.get(f"/api/v1/servicing/applications/{app_id}", headers=reviewer)).json()
    assert seen["customer_note"] == note.replace("\x00", "")  # control characters dropped
    r = await client.post(url, json={"decision": "reject", "reason": "职业风险超出本产品承保范围"}, headers=reviewer)
    assert r.json()["status"] == "rejected"
    bodies = await sms_bodies(db, world.holder.phone)
    assert any("需要补充资料" in b for b in bodies) and any("未通过审核" in b for b in bodies)
    mine = (await client.get("/api/v1/servicing/applications", headers=headers)).json()
    assert mine[0]["status_label"] == "未通过" and mine[0]["decision_reason"] == "职业风险超出本产品承保范围"
    # the agent and other customers cannot review or read the signature
    agent = await staff_headers(client, world.agent_username)
    assert (await client.post(url, json={"decision": "approve"}, headers=agent)).status_code == 403
    assert (
        await client.get(f"/api/v1/servicing/applications/{app_id}/signature.png", headers=agent)
    ).status_code == 403
    assert (await client.get(f"/api/v1/servicing/applications/{app_id}")).status_code == 401


async def test_two_concurrent_conflicting_approvals_cannot_both_apply(
    client: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    clock.set_now(dt.datetime(2023, 1, 10, 2, tzinfo=dt.UTC))
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2023, 1, 10), "paid_installments": 1}})
    policy_no = world.policies["WL01"]
    fix_clock()
    ids = []
    health = {"h1": "yes", "h2": "no", "h3": "no", "h4": "no", "h5": "no", "confirm": True}
    for _ in range(2):
        app_id, headers = await open_application(client, db, world, policy_no, "reinstatement")
        r = await submit(client, app_id, headers, health)
        assert r.json()["status"] == "pending_review", r.text
        ids.append(app_id)
    async with db.unit_of_work() as session:
        reviewer = await make_staff(session, "reviewer")
    actor = Actor(kind="staff", id=reviewer.id, role="reviewer")

    async def approve(app_id: str) -> str:
        try:
            async with db.unit_of_work() as session:
                await service.review_application(
                    session, settings, app_id, decision="approve", reason=None, actor=actor
                )
            return "approved"
        except ZhihuiError as exc:
            return exc.code

    results = await asyncio.gather(*(approve(i) for i in ids))
    assert sorted(results)[0] == "approved" and results.count("approved") == 1, results
    assert set(results) - {"approved"} <= {"policy_changed", "application_stale", "policy_not_lapsed"}
    async with db.sessionmaker() as session:
        statuses = (await session.scalars(select(Application.status).order_by(Application.id))).all()
        assert sorted(statuses) == ["approved", "pending_review"]
        policy = await policy_service.policy_by_number(session, policy_no)
        assert policy_service.status_of(policy).value == "in_force"
        paid = await session.scalar(
            select(func.count())
            .select_from(PremiumInstallment)
            .where(
                PremiumInstallment.policy_id == policy.id,
                PremiumInstallment.paid_on == dt.date(2025, 6, 2),
            )
        )
        assert paid == 2  # the two back premiums (2024 and 2025) recorded once, not twice
    # and approving the loser afterwards is refused: the policy moved on since it was submitted
    loser = ids[results.index("approved") ^ 1]
    assert await approve(loser) in ("application_stale", "policy_not_lapsed")


async def test_review_pages_render_and_decide(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    app_id, headers = await open_application(client, db, world, world.policies["WL01"], "info_change")
    await submit(client, app_id, headers, {"occupation_code": "0701002", "occupation_class": 5})
    reviewer = await staff_headers(client, world.reviewer_username)
    queue = await client.get("/staff/servicing/review", headers=reviewer)
    assert queue.status_code == 200 and "职业类别由1类升为5类" in queue.text
    page = await client.get(f"/staff/servicing/review/{app_id}", headers=reviewer)
    assert page.status_code == 200 and world.holder.phone not in page.text
    r = await client.post(f"/staff/servicing/review/{app_id}", data={"decision": "approve"}, headers=reviewer)
    assert r.status_code == 200 and "已生效" in r.text
    h5 = await client.get(f"/h5/servicing/{app_id}", headers=headers)
    assert h5.status_code == 200 and "下载批单" in h5.text


LAPSED = {"WL01": {"issue_date": dt.date(2023, 1, 10), "paid_installments": 1}}
HEALTH_YES = {"h1": "yes", "h2": "no", "h3": "no", "h4": "no", "h5": "no", "confirm": True}


async def _pending_reinstatement(
    client: httpx.AsyncClient, db: Database
) -> tuple[World, str, str]:
    """A policy lapsed since 2023 and a reinstatement with a "yes" health answer waiting for a reviewer."""
    clock.set_now(dt.datetime(2023, 1, 10, 2, tzinfo=dt.UTC))
    world = await make_world(db, LAPSED)
    policy_no = world.policies["WL01"]
    fix_clock()
    app_id, headers = await open_application(client, db, world, policy_no, "reinstatement")
    r = await submit(client, app_id, headers, HEALTH_YES)
    assert r.json()["status"] == "pending_review", r.text
    return world, policy_no, app_id


async def _unpaid(db: Database, policy_no: str) -> int:
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        return len(await policy_service.unpaid_installments(session, policy.id, up_to=dt.date(2025, 6, 2)))


async def test_debit_sent_after_submission_blocks_approval_until_the_bank_answers(
    client: httpx.AsyncClient, db: Database
) -> None:
    world, policy_no, app_id = await _pending_reinstatement(client, db)
    async with db.unit_of_work() as session:  # the nightly debit run picks the policy up
        await policy_service.submit_debit(session, policy_no, actor=Actor(kind="system"))
    reviewer = await staff_headers(client, world.reviewer_username)
    url = f"/api/v1/servicing/applications/{app_id}/review"
    r = await client.post(url, json={"decision": "approve"}, headers=reviewer)
    assert r.status_code == 400 and r.json()["code"] == "debit_in_flight"
    assert r.json()["detail"] == "该保单有一笔续期保费正在银行划款中，请划款结果返回后再办理。"
    assert await _unpaid(db, policy_no) == 2  # nothing applied: the 2024 and 2025 premiums are still owed
    seen = (await client.get(f"/api/v1/servicing/applications/{app_id}", headers=reviewer)).json()
    assert seen["status"] == "pending_review"
    assert [row.detail["code"] for row in await refusals(db, "servicing.application.approve")] == ["debit_in_flight"]
    # the review page says why too
    page = await client.post(f"/staff/servicing/review/{app_id}", data={"decision": "approve"}, headers=reviewer)
    assert page.status_code == 400 and "正在银行划款中" in page.text

    async with db.unit_of_work() as session:  # the bank refuses the debit
        await policy_service.settle_debit(session, policy_no, succeeded=False, actor=Actor(kind="system"))
    r = await client.post(url, json={"decision": "approve"}, headers=reviewer)
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text
    assert await _unpaid(db, policy_no) == 0


async def test_successful_debit_makes_a_pending_reinstatement_stale(client: httpx.AsyncClient, db: Database) -> None:
    world, policy_no, app_id = await _pending_reinstatement(client, db)
    async with db.unit_of_work() as session:
        await policy_service.submit_debit(session, policy_no, actor=Actor(kind="system"))
    async with db.unit_of_work() as session:
        await policy_service.settle_debit(session, policy_no, succeeded=True, actor=Actor(kind="system"))
    # the back premiums and interest the customer signed for are no longer what is owed: submit again
    reviewer = await staff_headers(client, world.reviewer_username)
    r = await client.post(
        f"/api/v1/servicing/applications/{app_id}/review", json={"decision": "approve"}, headers=reviewer
    )
    assert r.status_code == 409 and r.json()["code"] == "application_stale"
    assert await _unpaid(db, policy_no) == 1  # the debit paid the 2024 premium; the 2025 one is still owed


async def test_debit_in_flight_refuses_link_and_submission(
    client: httpx.AsyncClient, db: Database, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 6, 2), "paid_installments": 1}})
    policy_no = world.policies["WL01"]  # the 2025-06-02 premium is due today
    app_id, headers = await open_application(client, db, world, policy_no, "premium_account")
    await pass_face(client, app_id, headers)
    async with db.unit_of_work() as session:
        await policy_service.submit_debit(session, policy_no, actor=Actor(kind="system"))
    form = {"bank": "中国建设银行", "account": "6217000010000000003", "holder_name": world.holder.name}
    r = await submit(client, app_id, headers, form)
    assert r.status_code == 400 and r.json()["code"] == "debit_in_flight"
    assert [row.detail["code"] for row in await refusals(db, "servicing.application.submit")] == ["debit_in_flight"]
    agent = await staff_headers(client, world.agent_username)
    r = await client.post(
        "/api/v1/servicing/links", json={"policy_no": policy_no, "item": "premium_account"}, headers=agent
    )
    assert r.status_code == 400 and r.json()["code"] == "debit_in_flight"
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert policy.premium_account == "6222020200112233446"  # unchanged
    async with db.unit_of_work() as session:
        await policy_service.settle_debit(session, policy_no, succeeded=True, actor=Actor(kind="system"))
    r = await submit(client, app_id, headers, form)
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text


async def test_approval_looks_for_a_debit_again_after_claiming_the_policy(
    client: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    """A debit sent between the approval's first check and its version claim: the race the row lock orders."""
    _, policy_no, app_id = await _pending_reinstatement(client, db)
    async with db.sessionmaker() as session:
        application = await session.scalar(select(Application).where(Application.public_id == app_id))
        assert application is not None
        policy = await policy_service.policy_by_number(session, policy_no)
        ctx = await service.build_context(
            session, settings, policy, customer_id=application.customer_id, applicant_role="policyholder"
        )
        assert not ctx.debit_in_flight and catalog.status_problem(catalog.item("reinstatement"), ctx) is None
        await policy_service.submit_debit(session, policy_no, actor=Actor(kind="system"))
        with pytest.raises(ZhihuiError) as info:
            await service._approve(session, settings, application, ctx, {}, actor=Actor(kind="system"), auto=False)
        assert info.value.code == "debit_in_flight"
        await session.rollback()
    assert await _unpaid(db, policy_no) == 2


async def test_refused_approval_changes_nothing_and_is_audited(client: httpx.AsyncClient, db: Database) -> None:
    clock.set_now(dt.datetime(2023, 1, 10, 2, tzinfo=dt.UTC))
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2023, 1, 10), "paid_installments": 1}})
    policy_no = world.policies["WL01"]
    fix_clock()
    health = {"h1": "yes", "h2": "no", "h3": "no", "h4": "no", "h5": "no", "confirm": True}
    ids = []
    for _ in range(2):
        app_id, headers = await open_application(client, db, world, policy_no, "reinstatement")
        assert (await submit(client, app_id, headers, health)).json()["status"] == "pending_review"
        ids.append(app_id)
    reviewer = await staff_headers(client, world.reviewer_username)
    r = await client.post(f"/staff/servicing/review/{ids[0]}", data={"decision": "approve"}, headers=reviewer)
    assert r.status_code == 200 and "已生效" in r.text
    # the policy is in force again: the second reinstatement is refused, on the page and through the API
    page = await client.post(f"/staff/servicing/review/{ids[1]}", data={"decision": "approve"}, headers=reviewer)
    assert page.status_code == 400 and "只有效力中止的保单才能申请复效" in page.text
    r = await client.post(
        f"/api/v1/servicing/applications/{ids[1]}/review", json={"decision": "approve"}, headers=reviewer
    )
    assert r.status_code == 400 and r.json()["code"] == "policy_not_lapsed"
    codes = [row.detail["code"] for row in await refusals(db, "servicing.application.approve")]
    assert codes == ["policy_not_lapsed", "policy_not_lapsed"]
    async with db.sessionmaker() as session:
        refused = await session.scalar(select(Application).where(Application.public_id == ids[1]))
        assert refused is not None and refused.status == "pending_review" and refused.reviewer_id is None


async def _specimen(db: Database, customer_id: int) -> tuple[bytes | None, str | None]:
    async with db.sessionmaker() as session:
        customer = await policy_service.get_customer(session, customer_id)
        png = await policy_service.signature_specimen(session, customer_id, actor=Actor(kind="system"), reason="测试")
        return png, customer.signature_specimen_source


async def test_first_approved_signature_becomes_the_specimen_and_later_ones_are_compared(
    client: httpx.AsyncClient, db: Database, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    assert await _specimen(db, world.holder.id) == (None, None)
    # An item proven by SMS alone never sets the specimen: whoever holds the phone could plant one.
    app_id, headers = await open_application(client, db, world, policy_no, "renewal_flag")
    assert (await submit(client, app_id, headers, {"renew": "false"})).json()["status"] == "approved"
    assert await _specimen(db, world.holder.id) == (None, None)
    app_id, headers = await open_application(client, db, world, policy_no, "customer_auth")
    await pass_face(client, app_id, headers)
    form = {"name": world.holder.name, "id_number": world.holder.id_number}
    first = (await submit(client, app_id, headers, form)).json()
    assert first["status"] == "approved"  # no specimen on file: nothing to compare, no review
    png, source = await _specimen(db, world.holder.id)
    assert png is not None and png.startswith(b"\x89PNG") and source == first["application_no"]

    app_id, headers = await open_application(client, db, world, policy_no, "renewal_flag")
    assert (await submit(client, app_id, headers, {"renew": "true"})).json()["status"] == "approved"
    reviewer = await staff_headers(client, world.reviewer_username)
    seen = (await client.get(f"/api/v1/servicing/applications/{app_id}", headers=reviewer)).json()
    assert seen["signature_similarity"] == 1.0 and seen["specimen_at"] is not None

    app_id, headers = await open_application(client, db, world, policy_no, "renewal_flag")
    r = await submit(client, app_id, headers, {"renew": "false"}, signature=loops_png())
    assert r.json()["status"] == "pending_review"  # never refused for it: a person compares
    assert r.json()["review_reasons"] == [] and r.json()["signature_similarity"] is None  # the customer sees neither
    seen = (await client.get(f"/api/v1/servicing/applications/{app_id}", headers=reviewer)).json()
    assert seen["signature_similarity"] < 0.6
    assert [reason.split("（")[0] for reason in seen["review_reasons"]] == ["签名与预留签名差异较大，请人工比对"]
    page = await client.get(f"/staff/servicing/review/{app_id}", headers=reviewer)
    assert 'id="specimen-signature"' in page.text and 'id="drawn-signature"' in page.text
    assert f"/api/v1/servicing/applications/{app_id}/specimen.png" in page.text
    specimen = await client.get(f"/api/v1/servicing/applications/{app_id}/specimen.png", headers=reviewer)
    assert specimen.status_code == 200 and specimen.content == png
    agent = await staff_headers(client, world.agent_username)
    assert (await client.get(f"/api/v1/servicing/applications/{app_id}/specimen.png", headers=agent)).status_code == 403
    async with db.sessionmaker() as session:
        reads = (
            await session.scalars(select(AuditLog).where(AuditLog.action == "customer.signature_specimen.read"))
        ).all()
    assert [(row.actor_kind, row.reason) for row in reads][-1] == (
        "staff",
        f"保全审核比对签名（{seen['application_no']}）",
    )
    assert {row.reason for row in reads} >= {"保全申请签名与预留签名比对"}  # the comparison at submission
    r = await client.post(
        f"/api/v1/servicing/applications/{app_id}/review", json={"decision": "approve"}, headers=reviewer
    )
    assert r.json()["status"] == "approved"
    assert await _specimen(db, world.holder.id) == (png, first["application_no"])  # kept: not an authentication


async def test_a_rejected_signature_never_becomes_the_specimen(client: httpx.AsyncClient, db: Database) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    app_id, headers = await open_application(client, db, world, world.policies["WL01"], "info_change")
    r = await submit(client, app_id, headers, {"occupation_code": "0701002", "occupation_class": 5})
    assert r.json()["status"] == "pending_review"
    reviewer = await staff_headers(client, world.reviewer_username)
    page = await client.get(f"/staff/servicing/review/{app_id}", headers=reviewer)
    assert "暂无预留签名" in page.text and 'id="signature-similarity"' not in page.text
    r = await client.post(
        f"/api/v1/servicing/applications/{app_id}/review",
        json={"decision": "reject", "reason": "职业风险超出本产品承保范围"},
        headers=reviewer,
    )
    assert r.json()["status"] == "rejected"
    assert await _specimen(db, world.holder.id) == (None, None)


async def test_customer_authentication_renews_the_specimen(
    client: httpx.AsyncClient, db: Database, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db)
    form = {"name": world.holder.name, "id_number": world.holder.id_number}
    app_id, headers = await open_application(client, db, world, world.policies["MD01"], "customer_auth")
    await pass_face(client, app_id, headers)
    assert (await submit(client, app_id, headers, form)).json()["status"] == "approved"
    old, _ = await _specimen(db, world.holder.id)
    app_id, headers = await open_application(client, db, world, world.policies["MD01"], "customer_auth")
    await pass_face(client, app_id, headers)
    r = await submit(client, app_id, headers, form, signature=loops_png())
    assert r.json()["status"] == "pending_review"  # a new hand goes past a person before it becomes the specimen
    reviewer = await staff_headers(client, world.reviewer_username)
    r = await client.post(
        f"/api/v1/servicing/applications/{app_id}/review", json={"decision": "approve"}, headers=reviewer
    )
    assert r.json()["status"] == "approved"
    new, source = await _specimen(db, world.holder.id)
    assert new is not None and new != old and source == r.json()["application_no"]
    async with db.sessionmaker() as session:
        rows = (
            await session.scalars(
                select(AuditLog).where(AuditLog.action == "customer.signature_specimen").order_by(AuditLog.id)
            )
        ).all()
    assert [row.detail["replaced"] for row in rows] == [False, True]
