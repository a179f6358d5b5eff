"""The audit trail: who did or saw what, of whom, why and when.

Rows carry ids and field names only; the value itself never goes into the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.actor import Actor
from zhihui.platform.models import AuditLog
from zhihui.platform.pii import redact


def record(
    session: AsyncSession,
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: str | int | None = None,
    fields: Iterable[str] = (),
    reason: str | None = None,
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    row = AuditLog(
        actor_kind=actor.kind,
        actor_id=actor.id,
        action=action,
        subject_type=subject_type,
        subject_id=None if subject_id is None else str(subject_id),
        fields=list(fields),
        reason=reason,
        outcome=outcome,
        detail=redact(detail or {}),
    )
    session.add(row)
    return row


async def record_refusal(
    db_sessionmaker: Any,
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: str | int | None,
    code: str,
) -> None:
    """Audit a refused attempt in its own transaction, since the request's own one rolls back."""
    async with db_sessionmaker() as session:
        record(
            session,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            outcome="refused",
            detail={"code": code},
        )
        await session.commit()


async def entries_for(
    session: AsyncSession, *, subject_type: str, subject_id: str | int, limit: int = 100
) -> list[AuditLog]:
    stmt = (
        select(AuditLog)
        .where(AuditLog.subject_type == subject_type, AuditLog.subject_id == str(subject_id))
        .order_by(AuditLog.id.desc())
        .limit(limit)
    )
    return list((await session.scalars(stmt)).all())
