"""The risk rules, declared as data: each has a code, a Chinese reason, a weight and its parameters.

A score is the sum of the weights of the rules that fire, capped at 100. An action scoring at or above
:data:`AUTO_APPROVE_BELOW` goes to a human reviewer. The weights are a first calibration on the demo data
(see docs/servicing.md); each rule's window and ratio is a plain parameter here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Scores at or above this go to a reviewer.
AUTO_APPROVE_BELOW = 40
MAX_SCORE = 100

# Observation kinds recorded by callers through ``risk.service.observe``.
OBS_ACCOUNT_CHANGED = "account_changed"
OBS_PHONE_CHANGED = "phone_changed"
OBS_BENEFICIARY_CHANGED = "beneficiary_changed"
OBS_DEVICE_SEEN = "device_seen"

MONEY_ACTIONS = frozenset({"account_withdrawal", "benefit_payment"})
ACCOUNT_ACTIONS = frozenset({"premium_account", "benefit_account"})


@dataclass(frozen=True)
class RecentObservationRule:
    """Fires when an observation of ``kind`` exists for the same policy (or customer) within ``days``."""

    code: str
    reason: str
    weight: int
    kind: str
    days: int
    actions: frozenset[str]
    same: str = "policy"  # "policy" | "customer"


@dataclass(frozen=True)
class PolicyAgeRule:
    """Fires when the policy was issued less than ``days`` ago."""

    code: str
    reason: str
    weight: int
    days: int
    actions: frozenset[str]


@dataclass(frozen=True)
class SharedDeviceRule:
    """Fires when the device was used by at least ``customers`` distinct customers within ``days``."""

    code: str
    reason: str
    weight: int
    customers: int
    days: int
    actions: frozenset[str] = field(default_factory=frozenset)  # empty = every action


@dataclass(frozen=True)
class RegionRule:
    """Fires when the request's province is known and differs from the customer's province on file."""

    code: str
    reason: str
    weight: int
    actions: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class NearLimitRule:
    """Fires when the amount is at least ``ratio`` of the largest amount allowed."""

    code: str
    reason: str
    weight: int
    ratio: float
    actions: frozenset[str]


@dataclass(frozen=True)
class FlagRule:
    """Fires when the caller reported ``flag`` for the action."""

    code: str
    reason: str
    weight: int
    flag: str


Rule = RecentObservationRule | PolicyAgeRule | SharedDeviceRule | RegionRule | NearLimitRule | FlagRule

RULES: tuple[Rule, ...] = (
    RecentObservationRule(
        "account_change_then_withdrawal",
        "7天内变更过账户后申请领取资金",
        45,
        kind=OBS_ACCOUNT_CHANGED,
        days=7,
        actions=MONEY_ACTIONS,
    ),
    RecentObservationRule(
        "phone_change_then_account",
        "30天内变更过手机号后变更账户或领取资金",
        30,
        kind=OBS_PHONE_CHANGED,
        days=30,
        actions=MONEY_ACTIONS | ACCOUNT_ACTIONS,
        same="customer",
    ),
    RecentObservationRule(
        "repeated_beneficiary_change",
        "90天内多次变更受益人",
        25,
        kind=OBS_BENEFICIARY_CHANGED,
        days=90,
        actions=frozenset({"beneficiary_change"}),
    ),
    PolicyAgeRule(
        "beneficiary_change_soon_after_issue",
        "保单生效不足180天即变更受益人",
        30,
        days=180,
        actions=frozenset({"beneficiary_change"}),
    ),
    SharedDeviceRule("shared_device", "同一设备30天内为3位及以上客户办理业务", 45, customers=3, days=30),
    RegionRule("outside_usual_region", "申请地与客户常住省份不一致", 15),
    NearLimitRule(
        "amount_near_limit",
        "申请金额接近可领取上限",
        25,
        ratio=0.9,
        actions=MONEY_ACTIONS,
    ),
    FlagRule("phone_shared", "新手机号已被其他客户使用", 45, flag="phone_shared"),
    FlagRule("third_party_account", "账户户名不是投保人本人", 40, flag="third_party_account"),
)


def within(at: dt.datetime, reference: dt.datetime, days: int) -> bool:
    return reference - dt.timedelta(days=days) <= at <= reference
