"""Risk assessment: record observations, score an action against the declared rules, keep the result.

Callers (servicing; later the video counter) call :func:`observe` when something a rule looks back on
happens (an account or phone changed, a device used) and :func:`assess` before deciding on an action.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform import events
from zhihui.platform.clock import now
from zhihui.risk.models import RiskAssessment, RiskObservation
from zhihui.risk.rules import (
    AUTO_APPROVE_BELOW,
    MAX_SCORE,
    OBS_DEVICE_SEEN,
    RULES,
    FlagRule,
    NearLimitRule,
    PolicyAgeRule,
    RecentObservationRule,
    RegionRule,
    Rule,
    SharedDeviceRule,
)
from zhihui.risk.schemas import ActionFacts, RiskHit, RiskResult


def device_hash(device_id: str | None, user_agent: str | None) -> str | None:
    """A stable hash of the device: the device-id cookie when there is one, else the user agent."""
    raw = device_id or user_agent
    if not raw:
        return None
    return hashlib.sha256(f"device:{raw}".encode()).hexdigest()


def observe(
    session: AsyncSession,
    kind: str,
    *,
    customer_id: int | None,
    policy_no: str | None = None,
    device_hash: str | None = None,
) -> None:
    """Record a fact for later rules (in the caller's transaction)."""
    session.add(RiskObservation(kind=kind, customer_id=customer_id, policy_no=policy_no, device_hash=device_hash))


async def _recent(session: AsyncSession, rule: RecentObservationRule, facts: ActionFacts) -> bool:
    since = now() - dt.timedelta(days=rule.days)
    stmt = (
        select(func.count())
        .select_from(RiskObservation)
        .where(RiskObservation.kind == rule.kind, RiskObservation.at >= since)
    )
    if rule.same == "policy":
        if not facts.policy_no:
            return False
        stmt = stmt.where(RiskObservation.policy_no == facts.policy_no)
    else:
        stmt = stmt.where(RiskObservation.customer_id == facts.customer_id)
    return bool(await session.scalar(stmt))


async def _shared_device(session: AsyncSession, rule: SharedDeviceRule, facts: ActionFacts) -> bool:
    if not facts.device_hash:
        return False
    since = now() - dt.timedelta(days=rule.days)
    stmt = select(func.count(distinct(RiskObservation.customer_id))).where(
        RiskObservation.kind == OBS_DEVICE_SEEN,
        RiskObservation.device_hash == facts.device_hash,
        RiskObservation.at >= since,
        RiskObservation.customer_id != facts.customer_id,
    )
    others = int(await session.scalar(stmt) or 0)
    return others + 1 >= rule.customers


async def _fires(session: AsyncSession, rule: Rule, facts: ActionFacts) -> bool:
    if isinstance(rule, FlagRule):
        return rule.flag in facts.flags
    if rule.actions and facts.action not in rule.actions:
        return False
    if isinstance(rule, RecentObservationRule):
        return await _recent(session, rule, facts)
    if isinstance(rule, PolicyAgeRule):
        return facts.policy_issue_date is not None and (now().date() - facts.policy_issue_date).days < rule.days
    if isinstance(rule, SharedDeviceRule):
        return await _shared_device(session, rule, facts)
    if isinstance(rule, RegionRule):
        return bool(facts.region and facts.home_province and facts.region != facts.home_province)
    if isinstance(rule, NearLimitRule):
        return (
            facts.amount_fen is not None
            and facts.limit_fen is not None
            and facts.limit_fen > 0
            and facts.amount_fen >= rule.ratio * facts.limit_fen
        )
    raise TypeError(f"unknown rule type {type(rule).__name__}")


async def score(session: AsyncSession, facts: ActionFacts, *, rules: tuple[Rule, ...] = RULES) -> RiskResult:
    """Score an action without recording anything."""
    hits = [
        RiskHit(code=rule.code, reason=rule.reason, weight=rule.weight)
        for rule in rules
        if await _fires(session, rule, facts)
    ]
    total = min(MAX_SCORE, sum(h.weight for h in hits))
    return RiskResult(score=total, threshold=AUTO_APPROVE_BELOW, hits=hits)


async def assess(session: AsyncSession, facts: ActionFacts) -> RiskResult:
    """Score an action, keep the assessment, and note the device as seen for this customer.

    The device is recorded after scoring, so a customer's own earlier visits never count against them
    and the first use of a device by a new customer is what the shared-device rule looks at."""
    result = await score(session, facts)
    session.add(
        RiskAssessment(
            subject_type=facts.subject_type,
            subject_id=facts.subject_id,
            action=facts.action,
            score=result.score,
            threshold=result.threshold,
            hits=[h.model_dump() for h in result.hits],
        )
    )
    if facts.device_hash:
        observe(session, OBS_DEVICE_SEEN, customer_id=facts.customer_id, device_hash=facts.device_hash)
    events.record_event(
        session,
        "risk.assessed",
        {"subject_type": facts.subject_type, "subject_id": facts.subject_id, "score": result.score},
    )
    return result


async def assessments_of(session: AsyncSession, subject_type: str, subject_id: str) -> list[RiskResult]:
    stmt = (
        select(RiskAssessment)
        .where(RiskAssessment.subject_type == subject_type, RiskAssessment.subject_id == subject_id)
        .order_by(RiskAssessment.id)
    )
    return [
        RiskResult(score=row.score, threshold=row.threshold, hits=[RiskHit(**h) for h in row.hits])
        for row in (await session.scalars(stmt)).all()
    ]
