"""Tables of the identity module: one-time codes, lockouts, used share links."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime


class OtpChallenge(Base):
    """An SMS one-time code for one phone and purpose (only its hash is stored)."""

    __tablename__ = "otp_challenge"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class OtpLock(Base):
    """Wrong-code counter per phone; at the limit the phone is locked until ``locked_until``."""

    __tablename__ = "otp_lock"

    phone_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ShareTokenUse(Base):
    """Single-use share links: a token id may be consumed once."""

    __tablename__ = "share_token_use"

    jti: Mapped[str] = mapped_column(String(32), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))
    used_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    used_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
