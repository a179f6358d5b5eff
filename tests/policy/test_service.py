import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_customer, make_id_number, make_policy
from zhihui.platform import clock, events
from zhihui.platform.actor import Actor
from zhihui.platform.errors import Conflict, ZhihuiError
from zhihui.platform.models import AuditLog
from zhihui.policy import service
from zhihui.policy.errors import PolicyError
from zhihui.policy.rules import PolicyStatus
from zhihui.policy.schemas import CustomerCreate

STAFF = Actor(kind="staff", id=7, role="online_agent")


async def test_create_customer_encrypts_audits_and_emits_event(session: AsyncSession) -> None:
    customer = await make_customer(session)
    assert customer.customer_no.startswith("KH")
    assert ("policy.customer_created", {"customer_id": customer.id}) in events.pending_events(session)
    rows = (await session.scalars(select(AuditLog).where(AuditLog.action == "customer.create"))).all()
    assert len(rows) == 1
    found = await service.customer_by_id_number(session, customer.id_number.lower())
    assert found is not None and found.id == customer.id
    out = service.customer_out(customer)
    assert customer.id_number not in out.model_dump_json()
    assert customer.phone not in out.model_dump_json()


async def test_create_customer_duplicate_id_number_is_refused(session: AsyncSession) -> None:
    customer = await make_customer(session)
    with pytest.raises(Conflict) as err:
        await make_customer(session, id_number=customer.id_number)
    assert err.value.code == PolicyError.DUPLICATE_CUSTOMER


async def test_create_customer_birth_date_must_match_id(session: AsyncSession) -> None:
    with pytest.raises(ZhihuiError) as err:
        await service.create_customer(
            session,
            CustomerCreate(
                name="王五",
                gender="male",
                birth_date=dt.date(1990, 1, 1),
                id_number=make_id_number(dt.date(1991, 1, 1), True),
                phone="13900000001",
            ),
            actor=STAFF,
        )
    assert err.value.code == PolicyError.BIRTH_DATE_MISMATCH


async def test_reveal_customer_field_writes_audit_with_reason(session: AsyncSession) -> None:
    customer = await make_customer(session)
    value = await service.reveal_customer_field(session, customer.id, "phone", actor=STAFF, reason="客户来电核实")
    assert value == customer.phone
    row = await session.scalar(select(AuditLog).where(AuditLog.action == "pii.reveal"))
    assert row is not None
    assert (row.actor_id, row.fields, row.reason, row.subject_id) == (7, ["phone"], "客户来电核实", str(customer.id))
    with pytest.raises(ZhihuiError) as err:
        await service.reveal_customer_field(session, customer.id, "phone", actor=STAFF, reason=" ")
    assert err.value.code == PolicyError.REASON_REQUIRED


async def test_policy_status_moves_from_grace_to_in_force_when_premium_paid(session: AsyncSession) -> None:
    holder = await make_customer(session)
    clock.set_now(dt.datetime(2026, 2, 1, 4, tzinfo=dt.UTC))
    policy = await make_policy(session, holder, issue_date=dt.date(2024, 1, 10), paid_installments=2)
    # paid 2024 and 2025 premiums; 2026-01-10 is due and unpaid: in the grace period on 2026-02-01
    assert policy.paid_to_date == dt.date(2026, 1, 10)
    assert service.status_of(policy) == PolicyStatus.GRACE
    assert service.status_of(policy, dt.date(2026, 3, 11)) == PolicyStatus.GRACE  # 60th day
    assert service.status_of(policy, dt.date(2026, 3, 12)) == PolicyStatus.LAPSED
    await service.record_premium_payment(session, policy.policy_no, paid_on=dt.date(2026, 2, 1), actor=STAFF)
    assert policy.paid_to_date == dt.date(2027, 1, 10)
    assert service.status_of(policy) == PolicyStatus.IN_FORCE


async def test_policies_of_customer_by_role(session: AsyncSession) -> None:
    holder = await make_customer(session)
    child = await make_customer(session, male=False, birth_date=dt.date(2015, 5, 2), name="张小雨")
    p1 = await make_policy(session, holder)
    p2 = await make_policy(session, holder, child)
    assert {p.id for p in await service.policies_of_customer(session, holder.id)} == {p1.id, p2.id}
    assert [p.id for p in await service.policies_of_customer(session, child.id, roles=["insured"])] == [p2.id]
    assert await service.policies_of_customer(session, child.id, roles=["policyholder"]) == []
    assert (await service.policy_by_number(session, p1.policy_no.lower())).id == p1.id


async def test_universal_account_cannot_go_negative(session: AsyncSession) -> None:
    holder = await make_customer(session)
    policy = await make_policy(session, holder, product_code="UL1", initial_account_fen=200_000)
    account = await service.post_account_transaction(
        session, policy.id, kind="withdrawal", amount_fen=-50_000, reference="t", actor=STAFF
    )
    assert account.balance_fen == 150_000
    with pytest.raises(ZhihuiError) as err:
        await service.post_account_transaction(
            session, policy.id, kind="withdrawal", amount_fen=-150_001, reference="t", actor=STAFF
        )
    assert err.value.code == PolicyError.INSUFFICIENT_BALANCE
    assert [t.balance_after_fen for t in await service.account_transactions(session, policy.id)] == [200_000, 150_000]


async def test_premium_debit_in_flight_until_the_bank_answers(session: AsyncSession) -> None:
    holder = await make_customer(session)
    clock.set_now(dt.datetime(2026, 1, 10, 4, tzinfo=dt.UTC))
    policy = await make_policy(session, holder, issue_date=dt.date(2024, 1, 10), paid_installments=2)
    assert await service.debit_in_flight(session, policy.id) is None
    with pytest.raises(Conflict) as err:
        await service.settle_debit(session, policy.policy_no, succeeded=True, actor=STAFF)
    assert err.value.code == PolicyError.NO_DEBIT_IN_FLIGHT

    sent = await service.submit_debit(session, policy.policy_no, actor=STAFF)
    assert sent.due_date == dt.date(2026, 1, 10) and sent.debit_submitted_at is not None
    assert (await service.debit_in_flight(session, policy.id)) is sent
    assert (
        "policy.debit_submitted",
        {"policy_no": policy.policy_no, "due_date": "2026-01-10", "amount_fen": 500_000},
    ) in (events.pending_events(session))
    # one debit at a time; the installment cannot be paid another way, nor the payment data change under it
    for attempt in (
        service.submit_debit(session, policy.policy_no, actor=STAFF),
        service.record_premium_payment(session, policy.policy_no, paid_on=dt.date(2026, 1, 11), actor=STAFF),
        service.change_premium_account(
            session, policy.policy_no, bank="招商银行", account="6217000010000000003", holder=holder.name, actor=STAFF
        ),
        service.change_payment_method(
            session,
            policy.policy_no,
            method="self_pay",
            frequency="annual",
            effective_from=dt.date(2026, 1, 10),
            actor=STAFF,
        ),
    ):
        with pytest.raises(Conflict) as err:
            await attempt
        assert err.value.code == PolicyError.DEBIT_IN_FLIGHT

    # the bank refuses (e.g. insufficient funds): still unpaid, no longer in flight, can be sent again
    await service.settle_debit(session, policy.policy_no, succeeded=False, actor=STAFF)
    assert await service.debit_in_flight(session, policy.id) is None
    assert sent.paid_on is None and policy.paid_to_date == dt.date(2026, 1, 10)
    await service.submit_debit(session, policy.policy_no, actor=STAFF)
    await service.settle_debit(session, policy.policy_no, succeeded=True, actor=STAFF, paid_on=dt.date(2026, 1, 12))
    assert sent.paid_on == dt.date(2026, 1, 12) and policy.paid_to_date == dt.date(2027, 1, 10)
    rows = (await session.scalars(select(AuditLog.action).where(AuditLog.action.like("policy.debit%")))).all()
    assert sorted(rows) == ["policy.debit_settled"] * 2 + ["policy.debit_submitted"] * 2
    settled = await session.scalar(
        select(AuditLog).where(AuditLog.action == "policy.debit_settled").order_by(AuditLog.id.desc()).limit(1)
    )
    assert settled is not None and settled.detail == {"due_date": "2026-01-10", "succeeded": True}


async def test_submit_debit_needs_an_account_and_a_premium_due(session: AsyncSession) -> None:
    holder = await make_customer(session)
    clock.set_now(dt.datetime(2026, 1, 10, 4, tzinfo=dt.UTC))
    no_account = await make_policy(session, holder, premium_account=None, premium_bank=None)
    with pytest.raises(ZhihuiError) as err:
        await service.submit_debit(session, no_account.policy_no, actor=STAFF)
    assert err.value.code == PolicyError.NO_PREMIUM_ACCOUNT
    single = await make_policy(session, holder, frequency="single")
    with pytest.raises(ZhihuiError) as err:
        await service.submit_debit(session, single.policy_no, actor=STAFF)
    assert err.value.code == PolicyError.NO_PREMIUM_DUE
