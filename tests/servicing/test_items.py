"""Rules of every item, including the boundaries, checked through the item declarations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_customer, make_policy, make_product
from zhihui.identity import service as identity_service
from zhihui.platform import clock
from zhihui.platform.actor import SYSTEM
from zhihui.platform.errors import ZhihuiError
from zhihui.policy import service as policy_service
from zhihui.servicing import items as catalog
from zhihui.servicing import service
from zhihui.settings import ServicingSettings, Settings


def at(day: dt.date) -> None:
    clock.set_now(dt.datetime.combine(day, dt.time(2, 0), tzinfo=dt.UTC))


async def check(
    session: AsyncSession,
    settings: Settings,
    policy: Any,
    item: str,
    form: dict[str, Any],
    *,
    role: str = "policyholder",
) -> catalog.Outcome:
    spec = catalog.item(item)
    ids = policy_service.role_customer_ids(policy, role)
    ctx = await service.build_context(session, settings, policy, customer_id=ids[0], applicant_role=role)
    problem = catalog.status_problem(spec, ctx)
    if problem is not None:
        raise problem
    return await spec.validate(catalog.parse_form(spec, form), ctx)


async def refused(coro: Any) -> str:
    with pytest.raises(ZhihuiError) as info:
        await coro
    assert info.value.detail and not info.value.detail.isascii(), "the message is Chinese"
    return info.value.code


def test_catalog_has_the_ten_items_in_order() -> None:
    assert list(catalog.ITEMS) == [
        "customer_auth",
        "info_change",
        "benefit_payment",
        "reinstatement",
        "account_withdrawal",
        "renewal_payment_method",
        "beneficiary_change",
        "renewal_flag",
        "premium_account",
        "benefit_account",
    ]
    face = {code for code, spec in catalog.ITEMS.items() if spec.face_required}
    assert {"account_withdrawal", "benefit_payment", "premium_account", "benefit_account", "beneficiary_change"} <= face


# --- pure rules -----------------------------------------------------------------------------------------


def test_reinstatement_interest_is_simple_interest_per_installment() -> None:
    unpaid = [(dt.date(2024, 1, 10), 365_00), (dt.date(2025, 1, 10), 365_00)]
    # 5% a year: 365 days -> 18.25, 0 days -> 0
    assert catalog.reinstatement_interest_fen(unpaid, 500, dt.date(2025, 1, 9)) == 1825


def test_withdrawal_max_leaves_the_floor_in_whole_steps() -> None:
    assert catalog.withdrawal_max_fen(1_000_000, 100_000, 10_000) == 900_000
    assert catalog.withdrawal_max_fen(1_005_000, 100_000, 10_000) == 900_000
    assert catalog.withdrawal_max_fen(50_000, 100_000, 10_000) == 0


def test_withdrawal_fee_uses_last_rate_after_schedule() -> None:
    assert [catalog.withdrawal_fee_bp([500, 300, 0], y) for y in (1, 2, 3, 9)] == [500, 300, 0, 0]
    assert catalog.withdrawal_fee_bp([], 1) == 0


def test_share_problem_finds_an_order_at_99_99_percent() -> None:
    assert catalog.share_problem([(1, 5000), (1, 5000), (2, 10000)]) is None
    assert catalog.share_problem([(1, 3333), (1, 3333), (1, 3333)]) == (1, 9999)


def test_id_validity_by_age_at_issue() -> None:
    birth, today = dt.date(1990, 5, 1), dt.date(2025, 6, 1)
    assert catalog.id_validity_problem(birth, dt.date(2020, 1, 1), dt.date(2040, 1, 1), today) is None  # 29 -> 20 y
    assert "20年" in (catalog.id_validity_problem(birth, dt.date(2020, 1, 1), dt.date(2030, 1, 1), today) or "")
    assert "长期" in (
        catalog.id_validity_problem(dt.date(1960, 1, 1), dt.date(2020, 1, 1), dt.date(2040, 1, 1), today) or ""
    )
    assert catalog.id_validity_problem(dt.date(1960, 1, 1), dt.date(2020, 1, 1), None, today) is None


# --- items against policies ----------------------------------------------------------------------------------


async def test_customer_auth_requires_matching_name_and_id(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    policy = await make_policy(session, holder)
    outcome = await check(
        session, settings, policy, "customer_auth", {"name": holder.name, "id_number": holder.id_number}
    )
    assert outcome.changes == {"verified": True}
    other = await make_customer(session, male=False)
    code = await refused(
        check(session, settings, policy, "customer_auth", {"name": holder.name, "id_number": other.id_number})
    )
    assert code == "identity_mismatch"


async def test_info_change_rules(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session, birth_date=dt.date(1990, 5, 1))
    policy = await make_policy(session, holder)
    assert await refused(check(session, settings, policy, "info_change", {})) == "nothing_changed"
    wrong = {"id_valid_from": "2020-01-01", "id_valid_until": "2030-01-01"}
    assert await refused(check(session, settings, policy, "info_change", wrong)) == "id_validity_wrong"
    outcome = await check(
        session, settings, policy, "info_change", {"id_valid_from": "2020-01-01", "id_valid_until": "2040-01-01"}
    )
    assert outcome.changes["id_valid_until"] == "2040-01-01" and not outcome.manual
    up = await check(session, settings, policy, "info_change", {"occupation_code": "0701002", "occupation_class": 5})
    assert up.manual and "5类" in up.manual[0]
    assert (
        await refused(check(session, settings, policy, "info_change", {"new_phone": "13700001111"}))
        == "new_phone_code_required"
    )
    await make_customer(session, male=False, phone="13700001111")  # someone else already uses it
    code = await identity_service.send_otp(
        session, phone="13700001111", purpose=catalog.OTP_NEW_PHONE, settings=settings
    )
    outcome = await check(session, settings, policy, "info_change", {"new_phone": "13700001111", "phone_code": code})
    assert outcome.changes["phone"] == "13700001111" and outcome.flags == ["phone_shared"]
    assert "1111" in outcome.lines[-1][2] and "13700001111" not in str(outcome.lines)


async def test_benefit_payment_amount_and_start_age(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    old = await make_customer(session, birth_date=dt.date(1963, 1, 1))
    young = await make_customer(session, male=False, birth_date=dt.date(1970, 1, 1))
    annuity = await make_policy(session, old, product_code="AN01", sum_assured_fen=20_000_000)
    outcome = await check(session, settings, annuity, "benefit_payment", {"confirm": True}, role="insured")
    assert outcome.computed["gross_fen"] == 2_000_000 and outcome.amount_fen == 2_000_000  # 200,000 x 10%
    early = await make_policy(session, young, product_code="AN01")
    code = await refused(check(session, settings, early, "benefit_payment", {"confirm": True}, role="insured"))
    assert code == "benefit_age_not_reached"
    whole_life = await make_policy(session, old)
    assert await refused(
        check(session, settings, whole_life, "benefit_payment", {"confirm": True}, role="insured")
    ) == ("benefit_not_payable_product")


async def _lapsed(session: AsyncSession) -> Any:
    at(dt.date(2023, 1, 10))
    holder = await make_customer(session)
    # paid once at issue: paid to 2024-01-10, lapses 2024-03-11 (60 days' grace), reinstatable to 2026-03-10
    return await make_policy(session, holder, issue_date=dt.date(2023, 1, 10), paid_installments=1)


HEALTHY = {"h1": "no", "h2": "no", "h3": "no", "h4": "no", "h5": "no", "confirm": True}


async def test_reinstatement_on_last_day_of_window(session: AsyncSession, settings: Settings) -> None:
    policy = await _lapsed(session)
    at(dt.date(2026, 3, 10))
    outcome = await check(session, settings, policy, "reinstatement", HEALTHY)
    assert outcome.computed["installments"] == 3 and outcome.computed["premiums_fen"] == 1_500_000
    assert outcome.computed["interest_fen"] > 0
    assert outcome.manual == ["效力中止超过一年，转人工核保"]
    at(dt.date(2026, 3, 11))
    assert await refused(check(session, settings, policy, "reinstatement", HEALTHY)) == "reinstatement_window_passed"


async def test_reinstatement_health_yes_goes_to_underwriting(session: AsyncSession, settings: Settings) -> None:
    policy = await _lapsed(session)
    at(dt.date(2024, 6, 1))
    assert not (await check(session, settings, policy, "reinstatement", HEALTHY)).manual
    outcome = await check(session, settings, policy, "reinstatement", {**HEALTHY, "h3": "yes"})
    assert outcome.manual == ["健康告知第3项回答“是”，转人工核保"]
    # every question must be answered (the page preselects nothing): unanswered, blank or missing is refused
    unanswered = ({**HEALTHY, "h1": None}, {**HEALTHY, "h4": ""}, {k: v for k, v in HEALTHY.items() if k != "h5"})
    for open_question in unanswered:
        with pytest.raises(ZhihuiError) as info:
            await check(session, settings, policy, "reinstatement", open_question)
        assert info.value.code == "health_answers_required" and info.value.detail == "请逐项回答健康告知问题。"
        assert info.value.field == next(k for k in ("h1", "h2", "h3", "h4", "h5") if not open_question.get(k))
    assert await refused(check(session, settings, policy, "reinstatement", {**HEALTHY, "h2": "maybe"})) == (
        "invalid_choice"
    )


async def test_reinstatement_refused_for_policy_in_force(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    policy = await make_policy(session, await make_customer(session))
    assert await refused(check(session, settings, policy, "reinstatement", HEALTHY)) == "policy_not_lapsed"


async def _universal(session: AsyncSession) -> Any:
    at(dt.date(2024, 1, 10))
    holder = await make_customer(session)
    return await make_policy(session, holder, product_code="UL01", initial_account_fen=1_000_000, frequency="single")


async def test_withdrawal_leaving_exactly_the_minimum_balance(session: AsyncSession, settings: Settings) -> None:
    policy = await _universal(session)
    at(dt.date(2025, 6, 1))  # policy year 2: fee 3%
    outcome = await check(session, settings, policy, "account_withdrawal", {"amount_yuan": "9000"})
    assert outcome.computed == {
        "amount_fen": 900_000,
        "fee_fen": 27_000,
        "fee_bp": 300,
        "net_fen": 873_000,
        "policy_year": 2,
    }
    assert outcome.limit_fen == 900_000
    code = await refused(check(session, settings, policy, "account_withdrawal", {"amount_yuan": "9100"}))
    assert code == "withdrawal_above_allowed"


@pytest.mark.parametrize(
    ("amount", "code"),
    [("50", "withdrawal_below_minimum"), ("150", "withdrawal_not_multiple"), ("0", "invalid_value")],
)
async def test_withdrawal_amount_rules(session: AsyncSession, settings: Settings, amount: str, code: str) -> None:
    policy = await _universal(session)
    at(dt.date(2025, 6, 1))
    assert await refused(check(session, settings, policy, "account_withdrawal", {"amount_yuan": amount})) == code


async def test_withdrawal_in_hesitation_period_refused(session: AsyncSession, settings: Settings) -> None:
    policy = await _universal(session)
    at(dt.date(2024, 1, 25))  # issue + 15 days
    assert await refused(check(session, settings, policy, "account_withdrawal", {"amount_yuan": "100"})) == (
        "in_hesitation_period"
    )
    at(dt.date(2024, 1, 26))
    assert (await check(session, settings, policy, "account_withdrawal", {"amount_yuan": "100"})).computed[
        "fee_bp"
    ] == 500


async def test_withdrawal_above_online_limit_is_reviewed(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2024, 1, 10))
    policy = await make_policy(
        session, await make_customer(session), product_code="UL01", initial_account_fen=10_000_000, frequency="single"
    )
    at(dt.date(2025, 6, 1))
    outcome = await check(session, settings, policy, "account_withdrawal", {"amount_yuan": "60000"})
    assert outcome.manual and "5" in outcome.manual[0]


def test_servicing_thresholds_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHIHUI_SERVICING__WITHDRAWAL_ONLINE_LIMIT_FEN", "2000000")
    monkeypatch.setenv("ZHIHUI_SERVICING__REINSTATEMENT_REVIEW_AFTER_DAYS", "180")
    configured = Settings(_env_file=None).servicing  # type: ignore[call-arg]
    assert configured.withdrawal_online_limit_fen == 2_000_000
    assert configured.reinstatement_review_after_days == 180
    assert configured.withdrawal_step_fen == ServicingSettings().withdrawal_step_fen == 10_000  # the default
    rules = {i.code: i.review_rule for i in service.list_items(Settings(servicing=configured))}
    assert "线上限额（2万元）" in rules["account_withdrawal"] and "中止超过180天" in rules["reinstatement"]
    defaults = {i.code: i.review_rule for i in service.list_items(Settings(servicing=ServicingSettings()))}
    assert "线上限额（5万元）" in defaults["account_withdrawal"] and "保额100万元以上" in defaults["reinstatement"]


async def test_withdrawal_online_limit_is_configurable(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2024, 1, 10))
    policy = await make_policy(
        session, await make_customer(session), product_code="UL01", initial_account_fen=10_000_000, frequency="single"
    )
    at(dt.date(2025, 6, 1))
    form = {"amount_yuan": "30000"}
    assert not (await check(session, settings, policy, "account_withdrawal", form)).manual
    lower = settings.model_copy(update={"servicing": ServicingSettings(withdrawal_online_limit_fen=2_000_000)})
    outcome = await check(session, lower, policy, "account_withdrawal", form)
    assert outcome.manual == ["超过线上领取限额20,000.00元，需人工审核"]


async def test_payment_frequency_only_at_anniversary(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2024, 1, 10))
    policy = await make_policy(session, await make_customer(session))  # annual, paid to 2025-01-10
    at(dt.date(2024, 6, 1))
    form = {"payment_method": "auto_debit", "frequency": "monthly"}
    assert (
        await refused(check(session, settings, policy, "renewal_payment_method", form))
        == "frequency_not_at_anniversary"
    )
    assert (
        await check(
            session,
            settings,
            policy,
            "renewal_payment_method",
            {**form, "frequency": "annual", "payment_method": "self_pay"},
        )
    ).changes == {
        "payment_method": "self_pay",
        "frequency": "annual",
    }
    at(dt.date(2024, 12, 20))
    outcome = await check(session, settings, policy, "renewal_payment_method", form)
    assert outcome.changes["effective_from"] == "2025-01-10"
    assert "416.66" in outcome.lines[0][2]  # 5,000 a year in 12 installments


BEN = {"name": "王芳", "phone": "13600002222", "relation": "spouse", "order": 1}


async def test_beneficiary_shares_must_sum_to_exactly_100(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    policy = await make_policy(session, holder)
    a = {**BEN, "id_number": "110101199001011234"}
    a["id_number"] = (await make_customer(session, male=False, name="王芳")).id_number
    b_id = (await make_customer(session, name="张小明", birth_date=dt.date(2010, 3, 3))).id_number
    b = {**BEN, "name": "张小明", "id_number": b_id, "relation": "child"}
    form = {"beneficiaries": [{**a, "share_pct": "50"}, {**b, "share_pct": "49.99"}]}
    code = await refused(check(session, settings, policy, "beneficiary_change", form))
    assert code == "shares_not_100"
    ok = await check(
        session,
        settings,
        policy,
        "beneficiary_change",
        {"beneficiaries": [{**a, "share_pct": "50"}, {**b, "share_pct": "50"}]},
    )
    assert [r["share_bp"] for r in ok.changes["beneficiaries"]] == [5000, 5000]
    assert not ok.manual


async def test_beneficiary_cannot_be_the_insured(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    policy = await make_policy(session, holder)
    form = {"beneficiaries": [{**BEN, "name": holder.name, "id_number": holder.id_number, "share_pct": "100"}]}
    assert await refused(check(session, settings, policy, "beneficiary_change", form)) == "beneficiary_is_insured"


async def test_beneficiary_change_by_policyholder_needs_insured_consent(
    session: AsyncSession, settings: Settings
) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    insured = await make_customer(session, male=False, birth_date=dt.date(1988, 2, 2))
    policy = await make_policy(session, holder, insured, insured_relation_to_policyholder="spouse")
    form: dict[str, Any] = {"statutory": True}
    assert await refused(check(session, settings, policy, "beneficiary_change", form)) == "insured_consent_required"
    code = await identity_service.send_otp(session, phone=insured.phone, purpose=catalog.OTP_CONSENT, settings=settings)
    outcome = await check(session, settings, policy, "beneficiary_change", {**form, "consent_code": code})
    assert outcome.changes["beneficiaries"][0]["relation"] == "statutory"
    # the insured applying for their own policy needs no one's consent
    assert (await check(session, settings, policy, "beneficiary_change", form, role="insured")).changes


async def test_renewal_flag_rules(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 1, 10))
    holder = await make_customer(session, birth_date=dt.date(1960, 3, 1))
    await make_product(session, "MD01", max_renewal_age=64)
    medical = await make_policy(session, holder, product_code="MD01", issue_date=dt.date(2025, 1, 10))
    at(dt.date(2025, 6, 1))
    assert (await check(session, settings, medical, "renewal_flag", {"renew": "false"})).changes == {"renew": False}
    assert await refused(check(session, settings, medical, "renewal_flag", {"renew": "true"})) == "nothing_changed"
    medical.renewal_flag = False
    # renewing on 2026-01-10 the insured will be 65 > 64
    assert await refused(check(session, settings, medical, "renewal_flag", {"renew": "true"})) == "over_max_renewal_age"
    medical.product.max_renewal_age = 70
    medical.product.on_sale = False
    assert await refused(check(session, settings, medical, "renewal_flag", {"renew": "true"})) == "withdrawn_from_sale"
    whole_life = await make_policy(session, holder)
    assert await refused(check(session, settings, whole_life, "renewal_flag", {"renew": "true"})) == "not_renewable"


GOOD_CARD = "6222020200112233446"


async def test_account_changes_check_card_and_holder(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    insured = await make_customer(session, male=False)
    policy = await make_policy(session, holder, insured, insured_relation_to_policyholder="spouse")
    new_card = "6217000010000000003"
    form = {"bank": "中国建设银行", "account": new_card, "holder_name": holder.name}
    bad = {**form, "account": "6217000010000000004"}
    assert await refused(check(session, settings, policy, "premium_account", bad)) == "invalid_bank_account"
    assert await refused(
        check(session, settings, policy, "premium_account", {**form, "holder_name": insured.name})
    ) == ("account_holder_mismatch")
    assert await refused(check(session, settings, policy, "premium_account", {**form, "account": GOOD_CARD})) == (
        "account_unchanged"
    )
    outcome = await check(session, settings, policy, "premium_account", form)
    assert outcome.lines[1][2] == "****0003"
    payee = await check(
        session, settings, policy, "benefit_account", {**form, "holder_name": insured.name}, role="insured"
    )
    assert payee.changes["holder"] == insured.name
    assert await refused(
        check(session, settings, policy, "benefit_account", {**form, "holder_name": "李四"}, role="insured")
    ) == ("account_holder_mismatch")


async def test_expired_id_blocks_items_but_not_info_change(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session, id_valid_from=dt.date(2005, 1, 1), id_valid_until=dt.date(2025, 1, 1))
    policy = await make_policy(session, holder, product_code="MD01", issue_date=dt.date(2025, 1, 10))
    assert await refused(check(session, settings, policy, "renewal_flag", {"renew": "false"})) == "id_expired"
    assert (await check(session, settings, policy, "info_change", {"province": "北京市"})).changes[
        "province"
    ] == "北京市"


async def test_optional_fields_may_be_left_empty(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    holder = await make_customer(session)
    policy = await make_policy(session, holder)
    blank = {"new_phone": "", "phone_code": "", "occupation_code": "", "occupation_class": "", "province": "北京市"}
    outcome = await check(session, settings, policy, "info_change", blank)
    assert outcome.changes["province"] == "北京市"
    assert catalog.parse_form(catalog.item("info_change"), {"phone_code": None, "occupation_class": None})


async def test_a_minor_cannot_apply_online_but_the_parent_can(session: AsyncSession, settings: Settings) -> None:
    at(dt.date(2025, 6, 1))
    parent = await make_customer(session)
    child = await make_customer(session, male=False, birth_date=dt.date(2007, 6, 2))  # 18 tomorrow
    policy = await make_policy(
        session,
        parent,
        child,
        product_code="MD01",
        issue_date=dt.date(2025, 1, 10),
        insured_relation_to_policyholder="child",
    )
    form = {"bank": "招商银行", "account": "6217000010000000003", "holder_name": child.name}
    assert await refused(check(session, settings, policy, "benefit_account", form, role="insured")) == "minor_applicant"
    assert (await check(session, settings, policy, "renewal_flag", {"renew": "false"})).changes
    at(dt.date(2025, 6, 2))  # the 18th birthday
    assert (await check(session, settings, policy, "benefit_account", form, role="insured")).changes


async def test_premium_debit_in_flight_blocks_the_items_that_touch_it(
    session: AsyncSession, settings: Settings
) -> None:
    at(dt.date(2026, 1, 10))
    holder = await make_customer(session)
    policy = await make_policy(session, holder, issue_date=dt.date(2024, 1, 10), paid_installments=2)
    method = {"payment_method": "self_pay", "frequency": "annual"}
    account = {"bank": "中国建设银行", "account": "6217000010000000003", "holder_name": holder.name}
    assert (await check(session, settings, policy, "renewal_payment_method", method)).changes
    assert (await check(session, settings, policy, "premium_account", account)).changes

    await policy_service.submit_debit(session, policy.policy_no, actor=SYSTEM)
    for item, form in (("renewal_payment_method", method), ("premium_account", account)):
        with pytest.raises(ZhihuiError) as info:
            await check(session, settings, policy, item, form)
        assert info.value.code == "debit_in_flight"
        assert info.value.detail == "该保单有一笔续期保费正在银行划款中，请划款结果返回后再办理。"
    # items that neither change the payment data nor pay premiums go on
    assert (await check(session, settings, policy, "benefit_account", account)).changes
    assert (await check(session, settings, policy, "info_change", {"province": "北京市"})).changes

    await policy_service.settle_debit(session, policy.policy_no, succeeded=False, actor=SYSTEM)
    assert (await check(session, settings, policy, "renewal_payment_method", method)).changes
    assert (await check(session, settings, policy, "premium_account", account)).changes


async def test_premium_debit_in_flight_blocks_reinstatement_and_benefit_payment(
    session: AsyncSession, settings: Settings
) -> None:
    policy = await _lapsed(session)
    old = await make_customer(session, birth_date=dt.date(1963, 1, 1))
    annuity = await make_policy(session, old, product_code="AN01", issue_date=dt.date(2023, 6, 10), paid_installments=1)
    at(dt.date(2024, 6, 20))  # the annuity's 2024 premium is due (grace): a benefit payment would offset it
    assert (await check(session, settings, annuity, "benefit_payment", {"confirm": True}, role="insured")).computed[
        "offset_fen"
    ] == 500_000
    for p in (policy, annuity):
        await policy_service.submit_debit(session, p.policy_no, actor=SYSTEM)
    assert await refused(check(session, settings, policy, "reinstatement", HEALTHY)) == "debit_in_flight"
    assert (
        await refused(check(session, settings, annuity, "benefit_payment", {"confirm": True}, role="insured"))
        == "debit_in_flight"
    )
    for p in (policy, annuity):
        await policy_service.settle_debit(session, p.policy_no, succeeded=False, actor=SYSTEM)
    assert (await check(session, settings, policy, "reinstatement", HEALTHY)).computed["installments"] == 1
