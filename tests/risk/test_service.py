"""Risk rules: each fires on its facts, weights add up, the device is remembered after scoring."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform import clock
from zhihui.risk import rules
from zhihui.risk import service as risk
from zhihui.risk.schemas import ActionFacts

NOW = dt.datetime(2025, 6, 2, 2, tzinfo=dt.UTC)


def facts(**kw: object) -> ActionFacts:
    base: dict[str, object] = {"action": "account_withdrawal", "subject_id": "a1", "customer_id": 1, "policy_no": "P1"}
    return ActionFacts(**{**base, **kw})


async def test_quiet_action_scores_zero(session: AsyncSession) -> None:
    clock.set_now(NOW)
    result = await risk.score(session, facts(region="上海市", home_province="上海市", amount_fen=100, limit_fen=1000))
    assert result.score == 0 and result.low


async def test_account_change_then_withdrawal_within_7_days(session: AsyncSession) -> None:
    clock.set_now(NOW - dt.timedelta(days=6))
    risk.observe(session, rules.OBS_ACCOUNT_CHANGED, customer_id=1, policy_no="P1")
    await session.flush()
    clock.set_now(NOW)
    result = await risk.score(session, facts())
    assert [h.code for h in result.hits] == ["account_change_then_withdrawal"] and not result.low
    clock.set_now(NOW + dt.timedelta(days=2))  # 8 days after the change
    assert (await risk.score(session, facts())).score == 0
    assert (await risk.score(session, facts(action="renewal_flag"))).score == 0  # not a money action


async def test_shared_device_counts_distinct_customers(session: AsyncSession) -> None:
    clock.set_now(NOW)
    device = risk.device_hash("dev-1", None)
    for customer in (1, 2):
        await risk.assess(session, facts(customer_id=customer, subject_id=f"s{customer}", device_hash=device))
    await session.flush()
    third = await risk.score(session, facts(customer_id=3, device_hash=device))
    assert [h.code for h in third.hits] == ["shared_device"]
    again = await risk.score(session, facts(customer_id=1, device_hash=device))
    assert not again.hits  # only two customers have used it so far


async def test_weights_add_and_cap(session: AsyncSession) -> None:
    clock.set_now(NOW)
    result = await risk.score(
        session,
        facts(
            action="beneficiary_change",
            policy_issue_date=dt.date(2025, 3, 1),
            region="北京市",
            home_province="上海市",
            flags=["phone_shared", "third_party_account"],
        ),
    )
    codes = {h.code for h in result.hits}
    assert codes == {
        "beneficiary_change_soon_after_issue",
        "outside_usual_region",
        "phone_shared",
        "third_party_account",
    }
    assert result.score == 100  # 30 + 15 + 45 + 40 capped


async def test_near_limit_rule(session: AsyncSession) -> None:
    clock.set_now(NOW)
    assert (await risk.score(session, facts(amount_fen=900, limit_fen=1000))).score == 25
    assert (await risk.score(session, facts(amount_fen=899, limit_fen=1000))).score == 0
