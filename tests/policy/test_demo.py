import datetime as dt

from sqlalchemy import func, select

from zhihui.platform.db import Database
from zhihui.platform.models import StaffUser
from zhihui.platform.validators import id_number_problem, is_valid_mobile, luhn_ok
from zhihui.policy import service
from zhihui.policy.demo import DISTRICTS, load_demo_data
from zhihui.policy.models import Customer, Policy, PremiumInstallment

AS_OF = dt.date(2026, 6, 30)


async def _load(db: Database, seed: int) -> tuple[list[str], dict[str, int]]:
    async with db.unit_of_work() as session:
        summary = await load_demo_data(session, customers=300, seed=seed, as_of=AS_OF)
    async with db.sessionmaker() as session:
        ids = list((await session.scalars(select(Customer.id_number).order_by(Customer.id))).all())
    return ids, summary.status_counts


async def test_demo_data_is_valid_and_covers_every_status(db: Database) -> None:
    ids, counts = await _load(db, seed=7)
    assert len(ids) == 300
    assert all(id_number_problem(i, today=AS_OF) is None for i in ids)
    assert set(counts) == {"in_force", "grace", "lapsed", "terminated", "surrendered"}
    adcodes = {d[0] for d in DISTRICTS}
    async with db.sessionmaker() as session:
        customers = list((await session.scalars(select(Customer))).all())
        assert all(c.id_number[:6] in adcodes for c in customers)
        assert all(is_valid_mobile(c.phone) for c in customers)
        policies = list((await session.scalars(select(Policy))).all())
        assert all(p.premium_account is None or luhn_ok(p.premium_account) for p in policies)
        derived = {str(service.status_of(p, AS_OF)) for p in policies}
        assert derived == set(counts)


async def test_demo_data_is_deterministic_by_seed(db: Database) -> None:
    first, _ = await _load(db, seed=11)
    from tests.conftest import _wipe

    await _wipe(db)
    second, _ = await _load(db, seed=11)
    assert first == second


async def test_demo_data_has_one_debit_in_flight_for_the_demo_agent(db: Database) -> None:
    async with db.unit_of_work() as session:
        summary = await load_demo_data(session, customers=300, seed=7, as_of=AS_OF)
    assert summary.debit_in_flight_policy_no is not None
    async with db.sessionmaker() as session:
        policy = await service.policy_by_number(session, summary.debit_in_flight_policy_no)
        agent = await session.scalar(select(StaffUser).where(StaffUser.id == policy.agent_id))
        assert agent is not None and agent.username == "yewuyuan"
        assert str(service.status_of(policy, AS_OF)) == "grace" and policy.payment_method == "auto_debit"
        in_flight = await service.debit_in_flight(session, policy.id)
        assert in_flight is not None and in_flight.due_date <= AS_OF
        flights = await session.scalar(
            select(func.count())
            .select_from(PremiumInstallment)
            .where(PremiumInstallment.debit_submitted_at.is_not(None))
        )
        assert flights == 1
