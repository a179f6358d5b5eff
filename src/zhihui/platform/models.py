"""Tables owned by the platform: staff users, sessions, audit, event outbox, SMS outbox, sequences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime
from zhihui.platform.pii import EncryptedString


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(32), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    branch_code: Mapped[str | None] = mapped_column(String(16))
    agent_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    """Sales agents' licence-style code (业务员工号), shown on policies they serve."""
    phone: Mapped[str | None] = mapped_column(EncryptedString())
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class AuthSession(Base):
    """A signed-in staff member or customer; the same row backs a cookie or a bearer token."""

    __tablename__ = "auth_session"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    subject_kind: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(BigId, index=True)
    role: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditLog(Base):
    """Append-only record of who did or saw what. Holds ids and field names, never clear personal data."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)
    actor_kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int | None] = mapped_column(BigId)
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str | None] = mapped_column(String(64))
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    reason: Mapped[str | None] = mapped_column(String(255))
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class EventOutbox(Base):
    """Domain events, saved in the transaction that caused them and dispatched after commit."""

    __tablename__ = "event_outbox"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)


class SmsOutbox(Base):
    """Every text message sent; the default provider only records here (and in the log, masked)."""

    __tablename__ = "sms_outbox"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    phone: Mapped[str] = mapped_column(EncryptedString())
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    template: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(EncryptedString())
    """The text as the customer receives it (may hold a code), so it is encrypted too."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)
    provider: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="sent")


class BusinessSequence(Base):
    """Daily counters behind business numbers such as ``BA20260318000001``."""

    __tablename__ = "business_sequence"
    __table_args__ = (UniqueConstraint("prefix", "day"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(8))
    day: Mapped[str] = mapped_column(String(8))
    value: Mapped[int] = mapped_column(Integer, default=0)


__all__ = [
    "AuditLog",
    "AuthSession",
    "BusinessSequence",
    "EventOutbox",
    "SmsOutbox",
    "StaffUser",
]
