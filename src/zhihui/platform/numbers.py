"""Business numbers shown outside: 报案号 ``BA…``, 保全批单 ``BQ…``, 回访任务 ``HF…``, 保单号 ``P…``.

Format: prefix + Shanghai date (yyyymmdd) + 6-digit daily sequence, e.g. ``BA20260318000042``.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.clock import today
from zhihui.platform.models import BusinessSequence


async def next_business_number(session: AsyncSession, prefix: str) -> str:
    """Allocate the next number for ``prefix`` today; safe under concurrent callers (row update lock)."""
    day = today().strftime("%Y%m%d")
    for _ in range(3):
        stmt = (
            update(BusinessSequence)
            .where(BusinessSequence.prefix == prefix, BusinessSequence.day == day)
            .values(value=BusinessSequence.value + 1)
            .returning(BusinessSequence.value)
        )
        value = (await session.execute(stmt)).scalar_one_or_none()
        if value is not None:
            return f"{prefix}{day}{value:06d}"
        try:
            async with session.begin_nested():
                session.add(BusinessSequence(prefix=prefix, day=day, value=1))
            return f"{prefix}{day}{1:06d}"
        except IntegrityError:
            continue  # another transaction created today's row first; bump it instead
    raise RuntimeError("could not allocate a business number")


async def current_value(session: AsyncSession, prefix: str) -> int:
    day = today().strftime("%Y%m%d")
    stmt = select(BusinessSequence.value).where(BusinessSequence.prefix == prefix, BusinessSequence.day == day)
    return (await session.scalar(stmt)) or 0
