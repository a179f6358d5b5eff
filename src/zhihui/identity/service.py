"""One-time SMS codes and signed share links.

Codes: 6 digits, stored only as a keyed hash, valid ``otp_ttl_seconds``; after ``otp_max_failures`` wrong
codes for a phone, that phone is locked for ``otp_lock_minutes`` (counted in the database, so it holds
across instances). Share links: itsdangerous-signed, expiring, bound to one purpose, single-use through
``share_token_use``.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.identity.errors import IdentityError
from zhihui.identity.models import OtpChallenge, OtpLock, ShareTokenUse
from zhihui.platform import audit, sms
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now
from zhihui.platform.errors import Conflict, TooManyRequests, Unauthorized, ZhihuiError
from zhihui.platform.pii import lookup_hash
from zhihui.settings import Settings


def _code_hash(phone_hash: str, code: str) -> str:
    return lookup_hash(f"otp:{phone_hash}:{code}")


async def _lock_row(session: AsyncSession, phone_hash: str) -> OtpLock | None:
    return await session.get(OtpLock, phone_hash)


async def _ensure_not_locked(session: AsyncSession, phone_hash: str, settings: Settings) -> None:
    lock = await _lock_row(session, phone_hash)
    if lock and lock.locked_until and lock.locked_until > now():
        minutes = max(1, int((lock.locked_until - now()).total_seconds() // 60) + 1)
        raise TooManyRequests(IdentityError.OTP_LOCKED, params={"minutes": minutes})


async def send_otp(session: AsyncSession, *, phone: str, purpose: str, settings: Settings) -> str:
    """Send a code to ``phone``; returns the code (callers never show it; tests read it from the outbox)."""
    phone_hash = lookup_hash(phone)
    await _ensure_not_locked(session, phone_hash, settings)
    last = await session.scalar(
        select(OtpChallenge)
        .where(OtpChallenge.phone_hash == phone_hash, OtpChallenge.purpose == purpose)
        .order_by(OtpChallenge.id.desc())
        .limit(1)
    )
    wait = settings.auth.otp_resend_seconds
    if last and (now() - last.created_at).total_seconds() < wait:
        remaining = wait - int((now() - last.created_at).total_seconds())
        raise TooManyRequests(IdentityError.OTP_TOO_SOON, params={"seconds": remaining})
    code = f"{secrets.randbelow(10**6):06d}"
    session.add(
        OtpChallenge(
            phone_hash=phone_hash,
            purpose=purpose,
            code_hash=_code_hash(phone_hash, code),
            expires_at=now() + dt.timedelta(seconds=settings.auth.otp_ttl_seconds),
        )
    )
    minutes = settings.auth.otp_ttl_seconds // 60
    await sms.send_sms(
        session,
        phone=phone,
        template=f"otp_{purpose}",
        body=f"【智慧服务】您的验证码是{code}，{minutes}分钟内有效。请勿将验证码告诉他人。",
    )
    return code


async def check_otp(session: AsyncSession, *, phone: str, purpose: str, code: str, settings: Settings) -> None:
    """Accept the latest unused code for the phone, or count a failure (and lock at the limit).

    The failure count is written even though the caller's request fails, so the caller must commit
    the session before raising onwards; :func:`verify_otp_and_commit_failures` does that.
    """
    phone_hash = lookup_hash(phone)
    await _ensure_not_locked(session, phone_hash, settings)
    challenge = await session.scalar(
        select(OtpChallenge)
        .where(
            OtpChallenge.phone_hash == phone_hash,
            OtpChallenge.purpose == purpose,
            OtpChallenge.used_at.is_(None),
        )
        .order_by(OtpChallenge.id.desc())
        .limit(1)
    )
    if challenge is None or challenge.expires_at <= now():
        raise Unauthorized(IdentityError.OTP_EXPIRED, field="code")
    if hmac.compare_digest(challenge.code_hash, _code_hash(phone_hash, code.strip())):
        challenge.used_at = now()
        lock = await _lock_row(session, phone_hash)
        if lock:
            lock.failures = 0
            lock.locked_until = None
        return
    lock = await _lock_row(session, phone_hash)
    if lock is None:
        lock = OtpLock(phone_hash=phone_hash, failures=0)
        session.add(lock)
    lock.failures += 1
    audit.record(
        session, actor=Actor(kind="system"), action="otp.failure", subject_type="phone", subject_id=phone_hash[:16]
    )
    if lock.failures >= settings.auth.otp_max_failures:
        lock.locked_until = now() + dt.timedelta(minutes=settings.auth.otp_lock_minutes)
        lock.failures = 0
        challenge.used_at = now()  # the code is burnt once the phone locks
        raise TooManyRequests(IdentityError.OTP_LOCKED, params={"minutes": settings.auth.otp_lock_minutes})
    remaining = settings.auth.otp_max_failures - lock.failures
    raise Unauthorized(IdentityError.OTP_INVALID, field="code", params={"remaining": remaining})


# --- share links ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareClaims:
    jti: str
    purpose: str
    subject: dict[str, Any]
    issued_by: int | None


def _serializer(settings: Settings, purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key.get_secret_value(), salt=f"zhihui-share:{purpose}")


def issue_share_token(
    settings: Settings, *, purpose: str, subject: dict[str, Any], issued_by: int | None
) -> tuple[str, ShareClaims]:
    """A signed token for one purpose; its lifetime is checked when read (``share_link_ttl_hours``)."""
    claims = ShareClaims(jti=uuid.uuid4().hex, purpose=purpose, subject=subject, issued_by=issued_by)
    token = _serializer(settings, purpose).dumps({"jti": claims.jti, "sub": subject, "by": issued_by})
    return token, claims


def read_share_token(settings: Settings, token: str, *, purpose: str, max_age_hours: int | None = None) -> ShareClaims:
    """Verify signature, purpose and age. Raises ``link_invalid`` / ``link_expired``."""
    max_age = int((max_age_hours or settings.auth.share_link_ttl_hours) * 3600)
    try:
        data = _serializer(settings, purpose).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise ZhihuiError(IdentityError.LINK_EXPIRED) from exc
    except BadSignature as exc:
        raise ZhihuiError(IdentityError.LINK_INVALID) from exc
    if not isinstance(data, dict) or "jti" not in data:
        raise ZhihuiError(IdentityError.LINK_INVALID)
    return ShareClaims(
        jti=str(data["jti"]), purpose=purpose, subject=dict(data.get("sub") or {}), issued_by=data.get("by")
    )


async def share_token_used(session: AsyncSession, jti: str) -> bool:
    return await session.get(ShareTokenUse, jti) is not None


async def consume_share_token(session: AsyncSession, claims: ShareClaims, *, used_by: str) -> None:
    """Mark the link used; a second use (even concurrent, via the primary key) raises ``link_used``."""
    if await share_token_used(session, claims.jti):
        raise Conflict(IdentityError.LINK_USED)
    try:
        async with session.begin_nested():
            session.add(ShareTokenUse(jti=claims.jti, purpose=claims.purpose, used_by=used_by))
    except IntegrityError as exc:
        raise Conflict(IdentityError.LINK_USED) from exc


# --- customer sign-in -----------------------------------------------------------------------------------

LOGIN_PURPOSE = "login"


async def send_login_code(session: AsyncSession, *, phone: str, settings: Settings) -> None:
    """Send a sign-in code to a phone on file. Raises ``phone_not_registered`` for unknown phones."""
    from zhihui.policy import service as policy_service

    if not await policy_service.customers_by_phone(session, phone):
        raise ZhihuiError(IdentityError.PHONE_NOT_REGISTERED, field="phone")
    await send_otp(session, phone=phone, purpose=LOGIN_PURPOSE, settings=settings)


async def sign_in_customer(session: AsyncSession, *, phone: str, code: str, settings: Settings) -> tuple[str, int]:
    """Check the code and open a customer session; returns (token, customer id).

    A wrong code must still count towards the lockout, so on failure this commits the failure counter
    before re-raising: the one place in the code base where a service commits, and why.
    """
    from zhihui.platform.auth import open_session
    from zhihui.policy import service as policy_service

    try:
        await check_otp(session, phone=phone, purpose=LOGIN_PURPOSE, code=code, settings=settings)
    except ZhihuiError:
        await session.commit()
        raise
    customers = await policy_service.customers_by_phone(session, phone)
    if not customers:
        raise ZhihuiError(IdentityError.PHONE_NOT_REGISTERED, field="phone")
    customer = customers[0]
    token = await open_session(
        session,
        subject_kind="customer",
        subject_id=customer.id,
        role=None,
        ttl_hours=settings.auth.session_ttl_hours,
    )
    return token, customer.id
