"""Face verification sessions: biometric consent, liveness challenges, the match against the identity
authority, the attempt limit and the fallback to a human; reference-photo enrolment.

One flow serves every product (servicing, e-callback, video counter, customer authentication):

1. a product (or the customer) opens a session for a purpose and a customer: :func:`open_verification`;
2. the customer accepts the consent text for that purpose (:func:`give_consent`; PIPL Art. 29 wants a
   separate consent for biometrics), then gets a challenge (:func:`issue_challenge`);
3. the customer's page uploads the frames it captured: :func:`submit_frames` runs liveness, then matches
   the most frontal frame against the authority (name + ID number consistency checked first);
4. after ``max_attempts`` failed attempts the session ends in ``fallback_to_human``; a pass or a fallback
   publishes ``identity.verified``; products read the outcome with :func:`verification_outcome`.

Raw frames are never written anywhere unless the purpose is configured to retain them
(``ZHIHUI_IDENTITY__RETAIN_FRAMES``); then they are stored encrypted with the attempt. Only the SHA-256
digest of every frame is kept, to recognise a replayed capture on any instance.

Functions here never commit; the request's unit of work does. Refusals raise :class:`ZhihuiError`
subclasses with codes from :mod:`zhihui.identity.errors`; the API audits them in their own transaction
(:func:`audit_refusal`), since the request's transaction rolls back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import undefer

from zhihui.identity.authority import (
    AuthorityResult,
    AuthorityUnavailable,
    HttpAuthority,
    IdentityAuthority,
    LocalAuthority,
    analyse_photo,
    encoding_to_bytes,
)
from zhihui.identity.errors import IdentityError, PayloadTooLarge, ServiceUnavailable
from zhihui.identity.events import IdentityEvent, VerifiedPayload
from zhihui.identity.face import FaceQualityError
from zhihui.identity.liveness import (
    MAX_FRAMES,
    Challenge,
    Frame,
    LandmarkLivenessProvider,
    LivenessAction,
    LivenessProvider,
    LivenessResult,
    frame_digest,
    new_challenge,
)
from zhihui.identity.models import (
    BiometricConsent,
    FrameDigest,
    ReferencePhoto,
    RetainedFrame,
    Verification,
    VerificationAttempt,
)
from zhihui.identity.schemas import (
    PURPOSE_LABELS,
    AttemptResult,
    ChallengeOut,
    ConsentTextOut,
    LivenessOut,
    Outcome,
    Purpose,
    ReferenceOut,
    SessionOut,
    Subject,
    VerificationOutcome,
)
from zhihui.platform import audit, events
from zhihui.platform.actor import Actor
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.clock import now
from zhihui.platform.errors import (
    Conflict,
    Forbidden,
    NotFound,
    PlatformError,
    TooManyRequests,
    ZhihuiError,
)
from zhihui.platform.pii import lookup_hash, mask_id_number, mask_name
from zhihui.settings import IdentitySettings

#: Staff may open or read sessions of a purpose when they hold one of these permissions.
PURPOSE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Purpose.SERVICING: frozenset({Permission.SHARE_SERVICING_LINKS, Permission.REVIEW_APPLICATIONS}),
    Purpose.CALLBACK: frozenset({Permission.HANDLE_CONVERSATIONS}),
    Purpose.COUNTER: frozenset({Permission.SERVE_COUNTER}),
    Purpose.CUSTOMER_AUTH: frozenset({Permission.VIEW_CUSTOMERS}),
}
#: Challenges a session may hand out beyond one per attempt (page reloads, a challenge left to expire),
#: so a client cannot draw challenges until it gets an easy set of actions.
EXTRA_CHALLENGES = 5
#: A still-unanswered challenge is handed out again only while at least this much of it remains;
#: otherwise the customer would start performing with too little time left.
MIN_REMAINING = dt.timedelta(seconds=20)
FALLBACK_HINT = "已达到最多尝试次数，请联系人工客服继续办理"
PASSED_HINT = "身份验证通过"

CONSENT_TITLE = "人脸信息处理授权书"
#: Consent texts by version. Changing a text, or the retention setting it describes, needs a new version
#: (``ZHIHUI_IDENTITY__CONSENT_TEXT_VERSION``): customers then consent again.
CONSENT_TEXTS: dict[str, tuple[str, ...]] = {
    "2025-01": (
        "为{purpose}，我们需要通过手机摄像头采集您的人脸画面，进行活体检测（按提示完成眨眼、转头等动作），"
        "并与您的身份证件照片进行比对，以确认是您本人在办理。",
        "人脸信息属于敏感个人信息。我们仅为上述目的处理您的人脸信息；{retention}"
        "比对使用的证件照片和人脸特征加密保存，每一次查阅都有记录。",
        "如由第三方身份核验机构比对，我们会将您的姓名、身份证号码和一张人脸照片经加密通道传给该机构，仅用于本次核验。",
        "您可以不同意。不同意不影响您通过人工渠道办理（客服热线 95500 或前往柜面）。",
        "点击“同意并开始”，即表示您已阅读并单独同意本授权。",
    ),
}
_RETENTION_DELETE = "采集的画面在验证结束后立即删除，不做保存。"
_RETENTION_KEEP = "按监管要求，本业务采集的画面将加密留存，到期后删除。"


# --------------------------------------------------------------------------------------------------
# Runtime: the long-lived parts (liveness provider, http authority with its breaker, challenge source)
# --------------------------------------------------------------------------------------------------


def _default_challenge(issued: dt.datetime) -> Challenge:
    return new_challenge(now=issued)


@dataclass
class IdentityRuntime:
    """What one process keeps between requests. Built by :func:`build_runtime` at startup."""

    settings: IdentitySettings
    liveness: LivenessProvider
    liveness_name: str = "landmark"
    http: HttpAuthority | None = None
    challenge_factory: Callable[[dt.datetime], Challenge] = field(default=_default_challenge)

    def authority(self, session: AsyncSession, *, actor: Actor, reason: str) -> IdentityAuthority:
        if self.settings.authority == "http":
            if self.http is None:
                self.http = HttpAuthority(self.settings)
            return self.http
        return LocalAuthority(session, settings=self.settings, actor=actor, reason=reason)

    async def aclose(self) -> None:
        if self.http is not None:
            await self.http.aclose()


def build_runtime(settings: IdentitySettings) -> IdentityRuntime:
    return IdentityRuntime(
        settings=settings,
        liveness=LandmarkLivenessProvider(frames_mirrored=settings.frames_mirrored),
        http=HttpAuthority(settings) if settings.authority == "http" else None,
    )


# --------------------------------------------------------------------------------------------------
# Name + ID number, and the authority check
# --------------------------------------------------------------------------------------------------


async def check_name_id(session: AsyncSession, *, name: str, id_number: str) -> Any:
    """The customer holding ``id_number``, whose name must be ``name``. Raises ``id_number_unknown`` or
    ``name_id_mismatch``. Returns the policy core's customer."""
    from zhihui.policy import service as policy_service

    customer = await policy_service.customer_by_id_number(session, id_number.strip().upper())
    if customer is None:
        raise ZhihuiError(IdentityError.ID_NUMBER_UNKNOWN, field="id_number")
    if customer.name != name.strip():
        raise ZhihuiError(IdentityError.NAME_ID_MISMATCH, field="name")
    return customer


async def check_identity(
    session: AsyncSession,
    *,
    name: str,
    id_number: str,
    photo: bytes,
    authority: IdentityAuthority,
    actor: Actor,
    subject_id: str | int | None = None,
) -> AuthorityResult:
    """Check name + ID number consistency, then ask the authority about the photo.

    The photo is handed over only after the consistency check passed. Raises ``name_id_mismatch``,
    ``id_number_unknown``, or ``authority_unavailable`` (503). Audits the request to the authority."""
    customer = await check_name_id(session, name=name, id_number=id_number)
    audit.record(
        session,
        actor=actor,
        action="identity.authority.verify",
        subject_type="customer",
        subject_id=customer.id,
        fields=["name", "id_number", "face"],
        detail={"provider": authority.name, "verification": subject_id},
    )
    try:
        return await authority.verify(customer.name, id_number.strip().upper(), photo)
    except AuthorityUnavailable as exc:
        raise ServiceUnavailable(IdentityError.AUTHORITY_UNAVAILABLE) from exc


# --------------------------------------------------------------------------------------------------
# Consent
# --------------------------------------------------------------------------------------------------


def consent_text(purpose: str, settings: IdentitySettings) -> tuple[str, list[str]]:
    """(version, paragraphs) of the consent text currently in force for ``purpose``."""
    version = settings.consent_text_version
    if version not in CONSENT_TEXTS:
        raise RuntimeError(f"no consent text for version {version!r}")
    retention = _RETENTION_KEEP if settings.retain_frames.get(purpose) else _RETENTION_DELETE
    label = PURPOSE_LABELS.get(purpose, "身份验证")
    return version, [p.format(purpose=label, retention=retention) for p in CONSENT_TEXTS[version]]


async def current_consent(
    session: AsyncSession, *, customer_id: int, purpose: str, settings: IdentitySettings
) -> BiometricConsent | None:
    stmt = (
        select(BiometricConsent)
        .where(
            BiometricConsent.customer_id == customer_id,
            BiometricConsent.purpose == purpose,
            BiometricConsent.text_version == settings.consent_text_version,
            BiometricConsent.revoked_at.is_(None),
        )
        .order_by(BiometricConsent.id.desc())
        .limit(1)
    )
    return await session.scalar(stmt)


async def consent_for(
    session: AsyncSession, *, customer_id: int, purpose: Purpose, settings: IdentitySettings
) -> ConsentTextOut:
    version, paragraphs = consent_text(purpose, settings)
    accepted = await current_consent(session, customer_id=customer_id, purpose=purpose, settings=settings)
    return ConsentTextOut(
        purpose=purpose, text_version=version, title=CONSENT_TITLE, paragraphs=paragraphs, accepted=accepted is not None
    )


async def give_consent(
    session: AsyncSession,
    *,
    customer_id: int,
    purpose: Purpose,
    text_version: str,
    settings: IdentitySettings,
    actor: Actor,
    channel: str = "h5",
) -> BiometricConsent:
    """Record the customer's consent to the current text version (idempotent). Raises
    ``consent_version_outdated`` if the customer saw another version. Audited."""
    if text_version != settings.consent_text_version:
        raise Conflict(IdentityError.CONSENT_VERSION_OUTDATED, field="text_version")
    existing = await current_consent(session, customer_id=customer_id, purpose=purpose, settings=settings)
    if existing is not None:
        return existing
    consent = BiometricConsent(customer_id=customer_id, purpose=purpose, text_version=text_version, channel=channel)
    session.add(consent)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="identity.consent.accept",
        subject_type="customer",
        subject_id=customer_id,
        detail={"purpose": str(purpose), "text_version": text_version, "consent_id": consent.id},
    )
    return consent


async def _require_consent(session: AsyncSession, verification: Verification, settings: IdentitySettings) -> None:
    consent = await current_consent(
        session, customer_id=verification.customer_id, purpose=verification.purpose, settings=settings
    )
    if consent is None:
        raise Forbidden(IdentityError.CONSENT_REQUIRED)


# --------------------------------------------------------------------------------------------------
# Sessions
# --------------------------------------------------------------------------------------------------


def _staff_may(principal: Principal, purpose: str) -> bool:
    return any(principal.can(p) for p in PURPOSE_PERMISSIONS.get(purpose, frozenset()))


async def _resolve_subject(session: AsyncSession, requester: Principal, purpose: Purpose, subject: Subject) -> int:
    """The customer id to verify; customers may only verify themselves (and name their own policies)."""
    from zhihui.policy import service as policy_service

    if requester.kind == "customer":
        if subject.customer_id is not None and subject.customer_id != requester.id:
            raise Forbidden(IdentityError.SUBJECT_NOT_OWNED)
        if subject.policy_no:
            policy = await policy_service.policy_by_number(session, subject.policy_no)
            if all(role.customer_id != requester.id for role in policy.roles):
                raise Forbidden(IdentityError.SUBJECT_NOT_OWNED)
        return requester.id
    if not _staff_may(requester, purpose):
        raise Forbidden(PlatformError.PERMISSION_DENIED)
    if subject.customer_id is not None:
        return int((await policy_service.get_customer(session, subject.customer_id)).id)
    if subject.policy_no:
        policy = await policy_service.policy_by_number(session, subject.policy_no)
        holders = policy_service.role_customer_ids(policy, "policyholder")
        if not holders:
            raise ZhihuiError(IdentityError.SUBJECT_REQUIRED, field="subject")
        return holders[0]
    if subject.name and subject.id_number:
        return int((await check_name_id(session, name=subject.name, id_number=subject.id_number)).id)
    raise ZhihuiError(IdentityError.SUBJECT_REQUIRED, field="subject")


def _new_attempt(session: AsyncSession, verification: Verification, runtime: IdentityRuntime) -> VerificationAttempt:
    challenge = runtime.challenge_factory(now())
    verification.challenges_issued += 1
    attempt = VerificationAttempt(
        verification_id=verification.id,
        number=verification.challenges_issued,
        nonce=challenge.nonce,
        actions=[a.value for a in challenge.actions],
        issued_at=challenge.issued_at,
        expires_at=challenge.expires_at,
    )
    session.add(attempt)
    return attempt


def _challenge(attempt: VerificationAttempt) -> Challenge:
    return Challenge(
        nonce=attempt.nonce,
        actions=tuple(LivenessAction(a) for a in attempt.actions),
        issued_at=attempt.issued_at,
        expires_at=attempt.expires_at,
    )


def challenge_out(attempt: VerificationAttempt) -> ChallengeOut:
    challenge = _challenge(attempt)
    return ChallengeOut(
        nonce=challenge.nonce,
        actions=[a.value for a in challenge.actions],
        instructions=challenge.instructions(),
        issued_at=challenge.issued_at,
        expires_at=challenge.expires_at,
        window_ms=challenge.window_ms,
        attempt=attempt.number,
    )


async def open_verification(
    session: AsyncSession,
    *,
    purpose: Purpose,
    subject: Subject,
    requester: Principal,
    runtime: IdentityRuntime,
) -> tuple[Verification, VerificationAttempt]:
    """Open a session for a customer and purpose, with its first challenge.

    A customer opens one for themself; staff need a permission of the purpose (``PURPOSE_PERMISSIONS``).
    Raises ``subject_not_owned``, ``permission_denied``, ``subject_required``, ``customer_not_found`` …
    Audited."""
    customer_id = await _resolve_subject(session, requester, purpose, subject)
    settings = runtime.settings
    verification = Verification(
        public_id=secrets.token_urlsafe(16),
        purpose=purpose,
        customer_id=customer_id,
        subject={k: v for k, v in {"customer_id": subject.customer_id, "policy_no": subject.policy_no}.items() if v},
        created_by=requester.actor.label,
        status=Outcome.PENDING,
        max_attempts=settings.max_attempts,
        authority=settings.authority,
        liveness_provider=runtime.liveness_name,
        threshold=settings.face_threshold,
        expires_at=now() + dt.timedelta(minutes=settings.session_ttl_minutes),
    )
    session.add(verification)
    await session.flush()
    attempt = _new_attempt(session, verification, runtime)
    await session.flush()
    audit.record(
        session,
        actor=requester.actor,
        action="identity.verification.open",
        subject_type="identity_verification",
        subject_id=verification.public_id,
        detail={"purpose": str(purpose), "customer_id": customer_id},
    )
    return verification, attempt


async def _load(session: AsyncSession, public_id: str) -> Verification:
    verification = await session.scalar(select(Verification).where(Verification.public_id == public_id))
    if verification is None:
        raise NotFound(IdentityError.VERIFICATION_NOT_FOUND)
    return verification


def _check_owner(verification: Verification, customer_id: int) -> None:
    if verification.customer_id != customer_id:
        raise Forbidden(IdentityError.VERIFICATION_WRONG_CUSTOMER)


def _check_open(verification: Verification) -> None:
    if verification.status != Outcome.PENDING:
        raise Conflict(IdentityError.VERIFICATION_CLOSED)
    if verification.expires_at <= now():
        raise Conflict(IdentityError.VERIFICATION_EXPIRED)


async def _latest_attempt(session: AsyncSession, verification: Verification) -> VerificationAttempt | None:
    stmt = (
        select(VerificationAttempt)
        .where(VerificationAttempt.verification_id == verification.id)
        .order_by(VerificationAttempt.number.desc())
        .limit(1)
    )
    return await session.scalar(stmt)


async def session_out(
    session: AsyncSession,
    verification: Verification,
    *,
    settings: IdentitySettings,
    attempt: VerificationAttempt | None = None,
) -> SessionOut:
    consent = await current_consent(
        session, customer_id=verification.customer_id, purpose=verification.purpose, settings=settings
    )
    return SessionOut(
        session_id=verification.public_id,
        purpose=Purpose(verification.purpose),
        status=Outcome(verification.status),
        attempts_used=verification.attempts_used,
        attempts_left=max(0, verification.max_attempts - verification.attempts_used),
        max_attempts=verification.max_attempts,
        expires_at=verification.expires_at,
        consent_required=consent is None,
        h5_path=f"/h5/identity/{verification.public_id}",
        challenge=challenge_out(attempt) if attempt is not None else None,
        last_result=dict(verification.last_result or {}),
    )


async def get_verification(session: AsyncSession, public_id: str, *, requester: Principal) -> Verification:
    """The session, for its customer or for staff allowed its purpose (or who opened it)."""
    verification = await _load(session, public_id)
    if requester.kind == "customer":
        _check_owner(verification, requester.id)
    elif not (_staff_may(requester, verification.purpose) or verification.created_by == requester.actor.label):
        raise Forbidden(PlatformError.PERMISSION_DENIED)
    return verification


async def verification_for_customer(session: AsyncSession, public_id: str, *, customer_id: int) -> Verification:
    """The session if it belongs to ``customer_id``; raises ``verification_not_found`` /
    ``verification_wrong_customer``."""
    verification = await _load(session, public_id)
    _check_owner(verification, customer_id)
    return verification


async def issue_challenge(
    session: AsyncSession, public_id: str, *, customer_id: int, runtime: IdentityRuntime
) -> VerificationAttempt:
    """The challenge for the next attempt: the current one while it is unanswered and fresh, else a new one.

    Needs the customer's consent. Raises ``verification_wrong_customer``, ``verification_closed``,
    ``verification_expired``, ``consent_required``, ``too_many_challenges``."""
    verification = await verification_for_customer(session, public_id, customer_id=customer_id)
    _check_open(verification)
    await _require_consent(session, verification, runtime.settings)
    current = await _latest_attempt(session, verification)
    if current is not None and current.submitted_at is None and current.expires_at - now() >= MIN_REMAINING:
        return current
    if verification.challenges_issued >= verification.max_attempts + EXTRA_CHALLENGES:
        raise TooManyRequests(IdentityError.TOO_MANY_CHALLENGES)
    attempt = _new_attempt(session, verification, runtime)
    await session.flush()
    return attempt


async def _seen_digests(session: AsyncSession, digests: Sequence[str]) -> set[str]:
    unique = sorted(set(digests))
    if not unique:
        return set()
    rows = await session.scalars(select(FrameDigest.digest).where(FrameDigest.digest.in_(unique)))
    return set(rows.all())


def _attempt_hint(liveness: LivenessResult, authority: AuthorityResult | None) -> str:
    if not liveness.passed or authority is None:
        return liveness.hint
    return PASSED_HINT if authority.match else authority.hint


async def submit_frames(
    session: AsyncSession,
    public_id: str,
    *,
    customer_id: int,
    nonce: str,
    frames: Sequence[Frame],
    actor: Actor,
    runtime: IdentityRuntime,
) -> AttemptResult:
    """Judge one attempt: liveness on the frames, then the best frame against the identity authority.

    An expired challenge, frames out of order, a static photo or a replay are failed attempts (the result
    says why, in Chinese); a nonce that is unknown or already answered is refused without using an attempt
    (``challenge_invalid`` / ``challenge_reused``). Also raises ``verification_wrong_customer``,
    ``verification_closed``, ``verification_expired``, ``consent_required``, ``no_frames``,
    ``too_many_frames``, ``authority_unavailable``. Audits the attempt; publishes ``identity.verified``
    when the session ends. CPU-heavy work runs in a thread.
    """
    settings = runtime.settings
    verification = await verification_for_customer(session, public_id, customer_id=customer_id)
    _check_open(verification)
    await _require_consent(session, verification, settings)
    attempt = await session.scalar(
        select(VerificationAttempt).where(
            VerificationAttempt.verification_id == verification.id, VerificationAttempt.nonce == nonce
        )
    )
    if attempt is None:
        raise Conflict(IdentityError.CHALLENGE_INVALID)
    if attempt.submitted_at is not None:
        raise Conflict(IdentityError.CHALLENGE_REUSED)
    latest = await _latest_attempt(session, verification)
    if latest is not None and latest.id != attempt.id:
        raise Conflict(IdentityError.CHALLENGE_INVALID)
    if not frames:
        raise ZhihuiError(IdentityError.NO_FRAMES, field="frames")
    if len(frames) > MAX_FRAMES:
        raise PayloadTooLarge(IdentityError.TOO_MANY_FRAMES, params={"limit": MAX_FRAMES})

    digests = [frame_digest(f.image) for f in frames]
    seen = await _seen_digests(session, digests)
    at = now()
    liveness = await asyncio.to_thread(runtime.liveness.evaluate, _challenge(attempt), frames, at, seen_digests=seen)

    authority_result: AuthorityResult | None = None
    authority_name: str = runtime.settings.authority
    if liveness.passed and liveness.best_frame is not None:
        from zhihui.policy import service as policy_service

        customer = await policy_service.get_customer(session, verification.customer_id)
        authority = runtime.authority(session, actor=actor, reason=f"人脸核身 {verification.public_id}")
        authority_name = authority.name
        authority_result = await check_identity(
            session,
            name=customer.name,
            id_number=customer.id_number,
            photo=frames[liveness.best_frame].image,
            authority=authority,
            actor=actor,
            subject_id=verification.public_id,
        )

    # Claim the challenge only now, in one statement: of two concurrent uploads for one nonce exactly one
    # wins, without holding a write lock during the seconds of face analysis above.
    claimed = await session.execute(
        update(VerificationAttempt)
        .where(VerificationAttempt.id == attempt.id, VerificationAttempt.submitted_at.is_(None))
        .values(submitted_at=at)
        .execution_options(synchronize_session="fetch")
    )
    if getattr(claimed, "rowcount", 1) != 1:
        raise Conflict(IdentityError.CHALLENGE_REUSED)
    new_digests = set(digests) - seen
    if new_digests:
        async with session.begin_nested():
            session.add_all(FrameDigest(digest=d, seen_at=at) for d in sorted(new_digests))

    passed = liveness.passed and authority_result is not None and authority_result.match
    verification.attempts_used += 1
    hint = _attempt_hint(liveness, authority_result)
    hopeless = authority_result is not None and authority_result.code in ("no_reference", "name_mismatch")
    if passed:
        verification.status = Outcome.PASSED
    elif hopeless or verification.attempts_used >= verification.max_attempts:
        # Retrying cannot help without a reference photo, and the attempt limit is a hard stop.
        verification.status = Outcome.FALLBACK_TO_HUMAN
        hint = f"{hint}；{FALLBACK_HINT}" if not hopeless else hint
    closed = verification.status != Outcome.PENDING
    outcome: Literal["passed", "failed", "fallback_to_human"] = (
        "passed" if passed else "fallback_to_human" if closed else "failed"
    )

    attempt.outcome = outcome
    attempt.liveness_code = liveness.code.value
    attempt.authority_code = authority_result.code if authority_result else None
    attempt.match = authority_result.match if authority_result else None
    attempt.distance = authority_result.distance if authority_result else None
    attempt.score = authority_result.score if authority_result else None
    attempt.frame_count = len(frames)
    attempt.scores = {k: round(v, 4) for k, v in liveness.scores.items()}
    if settings.retain_frames.get(verification.purpose, False):
        attempt.frames_retained = True
        session.add_all(
            RetainedFrame(attempt_id=attempt.id, seq=i, t_ms=f.t_ms, image=f.image) for i, f in enumerate(frames)
        )

    threshold = authority_result.threshold if authority_result and authority_result.threshold else None
    result = AttemptResult(
        session_id=verification.public_id,
        attempt=attempt.number,
        outcome=outcome,
        hint=hint,
        liveness=LivenessOut(passed=liveness.passed, code=liveness.code.value, hint=liveness.hint),
        match=attempt.match,
        distance=None if attempt.distance is None else round(attempt.distance, 4),
        score=attempt.score,
        threshold=threshold if threshold is not None else verification.threshold,
        authority=authority_name,
        authority_code=attempt.authority_code,
        attempts_left=0 if closed else verification.max_attempts - verification.attempts_used,
    )
    verification.last_result = result.model_dump(mode="json")
    audit.record(
        session,
        actor=actor,
        action="identity.verification.attempt",
        subject_type="identity_verification",
        subject_id=verification.public_id,
        outcome="ok" if passed else "refused",
        detail={
            "attempt": attempt.number,
            "liveness_code": liveness.code.value,
            "authority_code": attempt.authority_code,
            "match": attempt.match,
            "distance": result.distance,
            "frames": len(frames),
            "frames_retained": attempt.frames_retained,
        },
    )
    if closed:
        verification.completed_at = at
        payload = VerifiedPayload(
            session_id=verification.public_id,
            purpose=verification.purpose,
            customer_id=verification.customer_id,
            outcome=verification.status,
        )
        events.record_event(session, IdentityEvent.VERIFIED, payload.model_dump())
    return result


async def verification_outcome(
    session: AsyncSession, session_id: str, *, customer_id: int, purpose: str
) -> VerificationOutcome:
    """The outcome of a session for the product that asked for it.

    The session must be for ``customer_id`` and ``purpose``: a pass for another customer or another
    purpose is never reported as a pass. Raises ``verification_not_found`` otherwise."""
    verification = await session.scalar(select(Verification).where(Verification.public_id == session_id))
    if verification is None or verification.customer_id != customer_id or verification.purpose != purpose:
        raise NotFound(IdentityError.VERIFICATION_NOT_FOUND)
    last = verification.last_result or {}
    return VerificationOutcome(
        session_id=verification.public_id,
        purpose=Purpose(verification.purpose),
        customer_id=verification.customer_id,
        outcome=Outcome(verification.status),
        passed=verification.status == Outcome.PASSED,
        fallback_to_human=verification.status == Outcome.FALLBACK_TO_HUMAN,
        attempts_used=verification.attempts_used,
        max_attempts=verification.max_attempts,
        authority=verification.authority,
        completed_at=verification.completed_at,
        distance=last.get("distance"),
        threshold=verification.threshold,
    )


async def audit_refusal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    actor: Actor,
    action: str,
    session_id: str,
    error: ZhihuiError,
) -> None:
    """Audit a refused request in its own transaction (the request's own one rolls back)."""
    await audit.record_refusal(
        sessionmaker,
        actor=actor,
        action=action,
        subject_type="identity_verification",
        subject_id=session_id[:64],
        code=error.code,
    )


async def retained_frame_count(session: AsyncSession, public_id: str) -> int:
    """How many frames of a session are retained (operations and tests)."""
    from sqlalchemy import func

    verification = await _load(session, public_id)
    stmt = (
        select(func.count(RetainedFrame.id))
        .join(VerificationAttempt, RetainedFrame.attempt_id == VerificationAttempt.id)
        .where(VerificationAttempt.verification_id == verification.id)
    )
    return int(await session.scalar(stmt) or 0)


# --------------------------------------------------------------------------------------------------
# Reference photos (local authority)
# --------------------------------------------------------------------------------------------------


async def enrol_reference(
    session: AsyncSession,
    *,
    name: str,
    id_number: str,
    photo: bytes,
    actor: Actor,
    settings: IdentitySettings,
    source: str = "admin",
) -> ReferencePhoto:
    """Enrol (or replace) the reference ID photo of a customer for the local authority.

    Name + ID number must be a customer's; the photo must pass every quality check with a frontal face.
    Raises ``id_number_unknown``, ``name_id_mismatch``, or the face quality code (``no_face``,
    ``face_cut_off`` … with its Chinese hint). Photo and encoding are stored encrypted. Audited."""
    id_number = id_number.strip().upper()
    customer = await check_name_id(session, name=name, id_number=id_number)
    try:
        analysis = await asyncio.to_thread(analyse_photo, photo, max_bytes=settings.max_image_bytes)
    except FaceQualityError as exc:
        raise ZhihuiError(exc.code.value, field="photo", detail=exc.hint) from exc
    assert analysis.encoding is not None
    ref = await session.scalar(
        select(ReferencePhoto)
        .where(ReferencePhoto.id_number_hash == lookup_hash(id_number))
        .options(undefer(ReferencePhoto.photo), undefer(ReferencePhoto.encoding))
    )
    action = "identity.reference.replace" if ref is not None else "identity.reference.enrol"
    if ref is None:
        ref = ReferencePhoto(id_number_hash=lookup_hash(id_number))
        session.add(ref)
    ref.id_number = id_number
    ref.name = customer.name
    ref.customer_id = customer.id
    ref.photo = photo
    ref.encoding = encoding_to_bytes(analysis.encoding)
    ref.quality = analysis.quality.as_dict()
    ref.source = source[:32]
    ref.enrolled_by = actor.label
    ref.enrolled_at = now()
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action=action,
        subject_type="identity_reference",
        subject_id=ref.id,
        fields=["name", "id_number", "photo", "encoding"],
        detail={"customer_id": customer.id, "source": ref.source},
    )
    return ref


def reference_out(ref: ReferencePhoto) -> ReferenceOut:
    return ReferenceOut(
        id=ref.id,
        name_masked=mask_name(ref.name),
        id_number_masked=mask_id_number(ref.id_number),
        customer_id=ref.customer_id,
        source=ref.source,
        enrolled_by=ref.enrolled_by,
        enrolled_at=ref.enrolled_at,
        quality={k: ref.quality.get(k) for k in ("width", "height", "brightness", "sharpness", "yaw")},
    )


async def list_references(session: AsyncSession, *, actor: Actor, limit: int = 50) -> list[ReferenceOut]:
    """The latest enrolments, masked; the photos and encodings are not read. The listing is audited
    because names and ID numbers are decrypted to mask them."""
    refs = list(
        (await session.scalars(select(ReferencePhoto).order_by(ReferencePhoto.enrolled_at.desc()).limit(limit))).all()
    )
    if refs:
        audit.record(
            session,
            actor=actor,
            action="identity.reference.list",
            subject_type="identity_reference",
            fields=["name", "id_number"],
            detail={"count": len(refs)},
        )
    return [reference_out(r) for r in refs]
