"""Tables of the identity module: one-time codes, lockouts, used share links, and face verification
(biometric consent, reference photos, verification sessions and their attempts, retained frames, the
digests of every frame ever received for replay detection)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime
from zhihui.platform.pii import EncryptedBytes, EncryptedString


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


class BiometricConsent(Base):
    """A customer's separate consent (PIPL Art. 29) to face processing for one purpose and text version."""

    __tablename__ = "identity_consent"
    __table_args__ = (Index("ix_identity_consent_customer_purpose", "customer_id", "purpose"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId)
    purpose: Mapped[str] = mapped_column(String(32))
    text_version: Mapped[str] = mapped_column(String(32))
    accepted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    channel: Mapped[str] = mapped_column(String(16), default="h5")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ReferencePhoto(Base):
    """The insurer's reference ID photo of one person (local identity authority); photo and encoding are
    encrypted at rest and every read of them is audited."""

    __tablename__ = "identity_reference"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    id_number_hash: Mapped[str] = mapped_column(String(64), unique=True)
    id_number: Mapped[str] = mapped_column(EncryptedString())
    name: Mapped[str] = mapped_column(EncryptedString())
    customer_id: Mapped[int | None] = mapped_column(BigId)
    photo: Mapped[bytes] = mapped_column(EncryptedBytes(), deferred=True)
    encoding: Mapped[bytes] = mapped_column(EncryptedBytes(), deferred=True)
    """The 128 float64 values of the face encoding (1024 bytes before encryption)."""
    quality: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Measures of the photo (sizes, brightness, pose); no personal data."""
    source: Mapped[str] = mapped_column(String(32), default="admin")
    enrolled_by: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class Verification(Base):
    """One face-verification session for one customer and purpose; up to ``max_attempts`` attempts."""

    __tablename__ = "identity_verification"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    """Random id used in URLs, so session ids cannot be guessed or enumerated."""
    purpose: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigId, index=True)
    subject: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """What the caller named (customer id, policy number); never a name or ID number."""
    created_by: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24), default="pending")
    attempts_used: Mapped[int] = mapped_column(Integer, default=0)
    challenges_issued: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)
    authority: Mapped[str] = mapped_column(String(16))
    liveness_provider: Mapped[str] = mapped_column(String(48))
    threshold: Mapped[float] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class VerificationAttempt(Base):
    """One liveness challenge and, once answered, its liveness and match results."""

    __tablename__ = "identity_attempt"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    verification_id: Mapped[int] = mapped_column(ForeignKey("identity_verification.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    actions: Mapped[list[str]] = mapped_column(JSON)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(24))
    liveness_code: Mapped[str | None] = mapped_column(String(32))
    authority_code: Mapped[str | None] = mapped_column(String(32))
    match: Mapped[bool | None] = mapped_column(Boolean)
    distance: Mapped[float | None] = mapped_column(Float)
    score: Mapped[float | None] = mapped_column(Float)
    frame_count: Mapped[int] = mapped_column(Integer, default=0)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    frames_retained: Mapped[bool] = mapped_column(Boolean, default=False)


class RetainedFrame(Base):
    """A captured frame kept (encrypted) because the purpose requires it, e.g. the video counter."""

    __tablename__ = "identity_frame"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("identity_attempt.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    t_ms: Mapped[int] = mapped_column(Integer)
    image: Mapped[bytes] = mapped_column(EncryptedBytes(), deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class FrameDigest(Base):
    """SHA-256 of every frame received, shared by all instances, so a replayed capture is recognised."""

    __tablename__ = "identity_frame_digest"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)
