"""Text messages to customers behind a provider interface.

The shipped ``outbox`` provider records each message in ``sms_outbox`` and logs it with the phone and
any code masked; an insurer's SMS gateway plugs in as another :class:`SmsProvider`.
"""

from __future__ import annotations

import re
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.logging import get_logger
from zhihui.platform.models import SmsOutbox
from zhihui.platform.pii import lookup_hash, mask_phone

log = get_logger(__name__)


class SmsProvider(Protocol):
    name: str

    async def send(self, session: AsyncSession, *, phone: str, template: str, body: str) -> None: ...


def mask_codes(body: str) -> str:
    return re.sub(r"\d{4,8}", lambda m: "*" * len(m.group(0)), body)


class OutboxSmsProvider:
    name = "outbox"

    async def send(self, session: AsyncSession, *, phone: str, template: str, body: str) -> None:
        session.add(
            SmsOutbox(phone=phone, phone_hash=lookup_hash(phone), template=template, body=body, provider=self.name)
        )
        log.info("sms sent", phone=mask_phone(phone), template=template, body=mask_codes(body))


_provider: SmsProvider = OutboxSmsProvider()


def provider() -> SmsProvider:
    return _provider


async def send_sms(session: AsyncSession, *, phone: str, template: str, body: str) -> None:
    await _provider.send(session, phone=phone, template=template, body=body)


async def recent_messages(session: AsyncSession, *, phone: str | None = None, limit: int = 50) -> list[SmsOutbox]:
    stmt = select(SmsOutbox).order_by(SmsOutbox.id.desc()).limit(limit)
    if phone:
        stmt = stmt.where(SmsOutbox.phone_hash == lookup_hash(phone))
    return list((await session.scalars(stmt)).all())
