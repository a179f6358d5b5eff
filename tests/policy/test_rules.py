import datetime as dt

from zhihui.policy.rules import (
    PolicyStatus,
    add_months,
    derive_status,
    due_dates,
    id_validity_years,
    lapse_date,
    reinstatement_deadline,
    shares_complete,
)

D = dt.date


def status(on: dt.date, paid_to: dt.date = D(2026, 3, 1), **kw: object) -> PolicyStatus:
    args: dict[str, object] = dict(
        on=on, paid_to_date=paid_to, payment_end_date=D(2040, 3, 1), grace_days=60, end_date=None, closed_status=None
    )
    args.update(kw)
    return derive_status(**args)  # type: ignore[arg-type]


def test_status_follows_paid_to_date_and_grace_period() -> None:
    assert status(D(2026, 2, 28)) == PolicyStatus.IN_FORCE
    assert status(D(2026, 3, 1)) == PolicyStatus.GRACE  # premium due today, not yet paid
    assert status(D(2026, 4, 30)) == PolicyStatus.GRACE  # 60th day of grace
    assert status(D(2026, 5, 1)) == PolicyStatus.LAPSED
    assert lapse_date(D(2026, 3, 1), 60) == D(2026, 5, 1)


def test_fully_paid_and_closed_policies() -> None:
    assert status(D(2030, 1, 1), payment_end_date=D(2026, 3, 1)) == PolicyStatus.IN_FORCE
    assert status(D(2026, 2, 1), closed_status="surrendered", closed_on=D(2026, 1, 15)) == PolicyStatus.SURRENDERED
    assert status(D(2026, 1, 1), closed_status="surrendered", closed_on=D(2026, 1, 15)) == PolicyStatus.IN_FORCE
    assert status(D(2027, 1, 1), paid_to=D(2027, 6, 1), end_date=D(2026, 12, 31)) == PolicyStatus.TERMINATED


def test_reinstatement_window_is_two_years_from_lapse() -> None:
    # lapse on 2026-05-01 -> last day to reinstate 2028-04-30
    assert reinstatement_deadline(D(2026, 3, 1), 60) == D(2028, 4, 30)


def test_add_months_clamps_month_end() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 11, 30), 3) == D(2025, 2, 28)


def test_due_dates_by_frequency() -> None:
    assert len(due_dates(D(2024, 1, 10), "monthly", 2)) == 24
    assert due_dates(D(2024, 1, 10), "annual", 3) == [D(2024, 1, 10), D(2025, 1, 10), D(2026, 1, 10)]
    assert due_dates(D(2024, 1, 10), "single", 10) == [D(2024, 1, 10)]


def test_shares_must_sum_to_100_percent_per_order() -> None:
    assert shares_complete([(1, 6000), (1, 4000), (2, 10000)])
    assert not shares_complete([(1, 6000), (1, 3999)])
    assert not shares_complete([(1, 10000), (2, 9999)])


def test_id_validity_by_age() -> None:
    assert id_validity_years(15) == 5
    assert id_validity_years(25) == 10
    assert id_validity_years(45) == 20
    assert id_validity_years(46) is None
