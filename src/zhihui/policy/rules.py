"""Pure rules of the policy core: status from dates and payments, schedules, ages, shares.

Status is never stored as a flag that someone must remember to update: ``in_force`` / ``grace`` /
``lapsed`` follow from the paid-to date, the grace period and the term; only acts that end the contract
(``terminated``, ``surrendered``) are recorded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from enum import StrEnum


class PolicyStatus(StrEnum):
    IN_FORCE = "in_force"
    GRACE = "grace"
    LAPSED = "lapsed"
    TERMINATED = "terminated"
    SURRENDERED = "surrendered"


STATUS_LABELS = {
    PolicyStatus.IN_FORCE: "有效",
    PolicyStatus.GRACE: "宽限期",
    PolicyStatus.LAPSED: "效力中止",
    PolicyStatus.TERMINATED: "终止",
    PolicyStatus.SURRENDERED: "已退保",
}


class ProductKind(StrEnum):
    WHOLE_LIFE = "whole_life"
    CRITICAL_ILLNESS = "critical_illness"
    UNIVERSAL_LIFE = "universal_life"
    ANNUITY = "annuity"
    MEDICAL = "medical"
    ACCIDENT = "accident"


PRODUCT_KIND_LABELS = {
    ProductKind.WHOLE_LIFE: "终身寿险",
    ProductKind.CRITICAL_ILLNESS: "重疾险",
    ProductKind.UNIVERSAL_LIFE: "万能险",
    ProductKind.ANNUITY: "年金险",
    ProductKind.MEDICAL: "医疗险",
    ProductKind.ACCIDENT: "意外险",
}


class Frequency(StrEnum):
    SINGLE = "single"
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"


FREQUENCY_MONTHS = {
    Frequency.SINGLE: 0,
    Frequency.ANNUAL: 12,
    Frequency.SEMIANNUAL: 6,
    Frequency.QUARTERLY: 3,
    Frequency.MONTHLY: 1,
}
FREQUENCY_LABELS = {
    Frequency.SINGLE: "趸交",
    Frequency.ANNUAL: "年交",
    Frequency.SEMIANNUAL: "半年交",
    Frequency.QUARTERLY: "季交",
    Frequency.MONTHLY: "月交",
}


class PaymentMethod(StrEnum):
    AUTO_DEBIT = "auto_debit"
    SELF_PAY = "self_pay"


PAYMENT_METHOD_LABELS = {PaymentMethod.AUTO_DEBIT: "银行自动转账", PaymentMethod.SELF_PAY: "自行交费"}


class RoleKind(StrEnum):
    POLICYHOLDER = "policyholder"
    INSURED = "insured"
    BENEFICIARY = "beneficiary"


ROLE_LABELS = {RoleKind.POLICYHOLDER: "投保人", RoleKind.INSURED: "被保险人", RoleKind.BENEFICIARY: "受益人"}

REINSTATEMENT_WINDOW_YEARS = 2


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError("unreachable")


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def lapse_date(paid_to_date: dt.date, grace_days: int) -> dt.date:
    """First day without cover once the grace period has run out (效力中止日)."""
    return paid_to_date + dt.timedelta(days=grace_days + 1)


def derive_status(
    *,
    on: dt.date,
    paid_to_date: dt.date,
    payment_end_date: dt.date | None,
    grace_days: int,
    end_date: dt.date | None,
    closed_status: str | None,
    closed_on: dt.date | None = None,
) -> PolicyStatus:
    if closed_status and (closed_on is None or closed_on <= on):
        return PolicyStatus(closed_status)
    if end_date is not None and on > end_date:
        return PolicyStatus.TERMINATED
    fully_paid = payment_end_date is None or paid_to_date >= payment_end_date
    if fully_paid or on < paid_to_date:
        return PolicyStatus.IN_FORCE
    if on < lapse_date(paid_to_date, grace_days):
        return PolicyStatus.GRACE
    return PolicyStatus.LAPSED


def reinstatement_deadline(paid_to_date: dt.date, grace_days: int) -> dt.date:
    """Last day a lapsed policy may be reinstated: two years from the lapse (grace period not counted)."""
    return add_years(lapse_date(paid_to_date, grace_days), REINSTATEMENT_WINDOW_YEARS) - dt.timedelta(days=1)


def due_dates(issue_date: dt.date, frequency: str, payment_years: int) -> list[dt.date]:
    """Every premium due date of the payment period, the first on the issue date."""
    months = FREQUENCY_MONTHS[Frequency(frequency)]
    if months == 0:
        return [issue_date]
    count = payment_years * 12 // months
    return [add_months(issue_date, i * months) for i in range(count)]


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def policy_year(issue_date: dt.date, on: dt.date) -> int:
    """1 in the first policy year, 2 from the first anniversary, …"""
    return age_on(issue_date, on) + 1


def shares_complete(beneficiaries: Iterable[tuple[int, int]]) -> bool:
    """Shares (order, basis points) sum to exactly 10000 within each order."""
    totals: dict[int, int] = defaultdict(int)
    for order, share in beneficiaries:
        totals[order] += share
    return all(total == 10000 for total in totals.values())


def id_validity_years(age: int) -> int | None:
    """Validity of a resident ID issued at ``age`` (居民身份证法): None = long-term."""
    if age < 16:
        return 5
    if age <= 25:
        return 10
    if age <= 45:
        return 20
    return None
