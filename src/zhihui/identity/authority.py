"""Identity authorities: who holds the trusted photo of a person, and compares a probe photo with it.

:class:`IdentityAuthority` is the interface; two providers ship:

* :class:`LocalAuthority`: reference ID photos the insurer holds (enrolled through the admin page or
  ``zhihui identity enrol``), encrypted at rest, compared with dlib encodings. Every read of a reference
  photo or its encoding is audited.
* :class:`HttpAuthority`: a vendor endpoint speaking the JSON contract in ``docs/identity.md``, with a
  timeout, retries with exponential backoff and a circuit breaker.

Callers check that the name and ID number belong together (:func:`zhihui.identity.verification.check_identity`)
*before* any photo is handed to a provider.

Exceptions::

    AuthorityUnavailable    the provider could not answer (timeouts, 5xx, breaker open); retry later
"""

from __future__ import annotations

import asyncio
import base64
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx
import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.identity.face import (
    FaceAnalysis,
    FaceQualityError,
    VerificationResult,
    analyse_face,
    decode_image,
    face_distance,
)
from zhihui.identity.models import ReferencePhoto
from zhihui.platform import audit
from zhihui.platform.actor import Actor
from zhihui.platform.logging import get_logger
from zhihui.platform.pii import lookup_hash
from zhihui.settings import IdentitySettings

log = get_logger(__name__)

ENCODING_DTYPE = np.dtype("<f8")


class AuthorityCode:
    """Stable ``authority_code`` values (besides the face quality codes of :mod:`zhihui.identity.face`)."""

    MATCH = "match"
    NO_MATCH = "no_match"
    NO_REFERENCE = "no_reference"
    NAME_MISMATCH = "name_mismatch"
    PHOTO_UNUSABLE = "photo_unusable"


AUTHORITY_HINTS: dict[str, str] = {
    AuthorityCode.MATCH: "人脸比对通过",
    AuthorityCode.NO_MATCH: "人脸与证件照片比对未通过，请本人正对镜头重新验证",
    AuthorityCode.NO_REFERENCE: "暂未查到您的证件照片，无法在线完成人脸比对，请转人工办理",
    AuthorityCode.NAME_MISMATCH: "姓名与身份证号码不一致，请转人工核实",
    AuthorityCode.PHOTO_UNUSABLE: "画面不够清晰，无法比对，请正对镜头、在光线充足处重新验证",
}


@dataclass(frozen=True)
class AuthorityResult:
    """``match`` is the verdict; ``code`` says why (see :class:`AuthorityCode`, or a face quality code).

    ``distance`` is the dlib encoding distance (local provider), ``score`` the vendor's similarity in
    0..1 (http provider); either may be ``None``."""

    provider: str
    code: str
    match: bool
    hint: str
    distance: float | None = None
    score: float | None = None
    threshold: float | None = None
    quality: dict[str, Any] = field(default_factory=dict)


class IdentityAuthority(Protocol):
    name: str

    async def verify(self, name: str, id_number: str, photo: bytes) -> AuthorityResult:
        """Is the person in ``photo`` the holder of ``id_number`` (named ``name``)?

        Raises :class:`AuthorityUnavailable` when no answer can be had."""
        ...


class AuthorityUnavailable(Exception):
    """The authority did not answer (timeout, connection error, 5xx, bad reply, or the breaker is open)."""


# --------------------------------------------------------------------------------------------------
# Matching: shared by the local provider, enrolment and ``zhihui identity verify``
# --------------------------------------------------------------------------------------------------


def analyse_photo(photo: bytes, *, max_bytes: int) -> FaceAnalysis:
    """Decode a reference or probe photo and analyse its face with every quality check, frontal head
    included. Raises :class:`FaceQualityError`. CPU-bound (about 0.1-0.4 s): call it in a thread."""
    return analyse_face(decode_image(photo, max_bytes=max_bytes), require_frontal=True)


def match_probe(
    reference_encoding: NDArray[np.float64],
    reference_quality: dict[str, Any],
    probe: bytes,
    *,
    threshold: float,
    max_bytes: int,
) -> VerificationResult:
    """Compare a probe photo with a reference encoding. Raises :class:`FaceQualityError` for an unusable
    probe (``detail`` starts with ``probe:``)."""
    try:
        analysis = analyse_photo(probe, max_bytes=max_bytes)
    except FaceQualityError as exc:
        raise FaceQualityError(exc.code, exc.hint, detail=f"probe: {exc.detail}".rstrip(": ")) from exc
    assert analysis.encoding is not None
    distance = face_distance(reference_encoding, analysis.encoding)
    return VerificationResult(
        match=distance <= threshold,
        distance=distance,
        threshold=threshold,
        quality={"reference": reference_quality, "probe": analysis.quality.as_dict()},
    )


def verify_photos(reference: bytes, probe: bytes, *, settings: IdentitySettings) -> VerificationResult:
    """Two photos, one verdict: the reference goes through the enrolment analysis and the probe through
    :func:`match_probe`, exactly as an enrolled reference and a captured frame do in a session."""
    try:
        ref = analyse_photo(reference, max_bytes=settings.max_image_bytes)
    except FaceQualityError as exc:
        raise FaceQualityError(exc.code, exc.hint, detail=f"reference: {exc.detail}".rstrip(": ")) from exc
    assert ref.encoding is not None
    return match_probe(
        ref.encoding,
        ref.quality.as_dict(),
        probe,
        threshold=settings.face_threshold,
        max_bytes=settings.max_image_bytes,
    )


def encoding_to_bytes(encoding: NDArray[np.float64]) -> bytes:
    return np.asarray(encoding, dtype=ENCODING_DTYPE).reshape(128).tobytes()


def encoding_from_bytes(data: bytes) -> NDArray[np.float64]:
    return np.frombuffer(data, dtype=ENCODING_DTYPE).astype(np.float64).reshape(128)


# --------------------------------------------------------------------------------------------------
# Local provider
# --------------------------------------------------------------------------------------------------


async def read_reference(
    session: AsyncSession, id_number: str, *, actor: Actor, reason: str, with_photo: bool = False
) -> ReferencePhoto | None:
    """Load the reference of an ID number with its encoding (and photo when asked); audits the read."""
    from sqlalchemy.orm import undefer

    stmt = select(ReferencePhoto).where(ReferencePhoto.id_number_hash == lookup_hash(id_number))
    stmt = stmt.options(undefer(ReferencePhoto.encoding))
    if with_photo:
        stmt = stmt.options(undefer(ReferencePhoto.photo))
    ref = await session.scalar(stmt)
    if ref is not None:
        audit.record(
            session,
            actor=actor,
            action="identity.reference.read",
            subject_type="identity_reference",
            subject_id=ref.id,
            fields=["encoding", "photo"] if with_photo else ["encoding"],
            reason=reason[:255],
        )
    return ref


class LocalAuthority:
    """Compares with the insurer's own reference photos. Bound to one database session, actor and reason
    (so the audit rows of its reads land in the caller's transaction): build one per check."""

    name = "local"

    def __init__(self, session: AsyncSession, *, settings: IdentitySettings, actor: Actor, reason: str) -> None:
        self.session = session
        self.settings = settings
        self.actor = actor
        self.reason = reason

    async def verify(self, name: str, id_number: str, photo: bytes) -> AuthorityResult:
        ref = await read_reference(self.session, id_number, actor=self.actor, reason=self.reason)
        if ref is None:
            return _result(self.name, AuthorityCode.NO_REFERENCE, match=False)
        if ref.name != name.strip():
            return _result(self.name, AuthorityCode.NAME_MISMATCH, match=False)
        threshold = self.settings.face_threshold
        try:
            verdict = await asyncio.to_thread(
                match_probe,
                encoding_from_bytes(ref.encoding),
                dict(ref.quality),
                photo,
                threshold=threshold,
                max_bytes=self.settings.max_image_bytes,
            )
        except FaceQualityError as exc:
            return AuthorityResult(self.name, exc.code.value, False, exc.hint, threshold=threshold)
        code = AuthorityCode.MATCH if verdict.match else AuthorityCode.NO_MATCH
        return AuthorityResult(
            self.name,
            code,
            verdict.match,
            AUTHORITY_HINTS[code],
            distance=verdict.distance,
            threshold=threshold,
            quality=verdict.quality,
        )


def _result(provider: str, code: str, *, match: bool, **extra: Any) -> AuthorityResult:
    return AuthorityResult(provider, code, match, AUTHORITY_HINTS[code], **extra)


# --------------------------------------------------------------------------------------------------
# HTTP provider
# --------------------------------------------------------------------------------------------------


class CircuitBreaker:
    """Closed -> (``failures`` consecutive failures) -> open -> (``cooldown`` seconds) -> half-open: one
    trial call; its success closes the breaker, its failure opens it again for another cool-down.

    State is per process: each instance learns on its own that the vendor is down, which costs at most
    ``failures`` slow calls per instance."""

    def __init__(self, *, failures: int, cooldown: float) -> None:
        self.threshold = max(1, failures)
        self.cooldown = cooldown
        self.failures = 0
        self.opened_at: float | None = None
        self.trial_in_flight = False

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        if time.monotonic() - self.opened_at >= self.cooldown:
            return "half_open"
        return "open"

    def allow(self) -> bool:
        state = self.state
        if state == "closed":
            return True
        if state == "half_open" and not self.trial_in_flight:
            self.trial_in_flight = True
            return True
        return False

    def record_success(self) -> None:
        self.failures = 0
        self.opened_at = None
        self.trial_in_flight = False

    def record_failure(self) -> None:
        if self.trial_in_flight or self.opened_at is not None:
            self.opened_at = time.monotonic()
            self.trial_in_flight = False
            return
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = time.monotonic()
            log.warning("identity authority circuit opened", failures=self.failures)


class _Retryable(Exception):
    pass


_VENDOR_RESULTS = {
    "match": AuthorityCode.MATCH,
    "no_match": AuthorityCode.NO_MATCH,
    "no_record": AuthorityCode.NO_REFERENCE,
    "name_mismatch": AuthorityCode.NAME_MISMATCH,
    "photo_unusable": AuthorityCode.PHOTO_UNUSABLE,
}


class HttpAuthority:
    """A vendor endpoint (contract in ``docs/identity.md``). One instance per process: it owns the
    connection pool and the circuit breaker. Close it with :meth:`aclose`."""

    name = "http"

    def __init__(self, settings: IdentitySettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        if not settings.http_url:
            raise ValueError("ZHIHUI_IDENTITY__HTTP_URL must be set when the identity authority is http")
        self.url = settings.http_url
        self.settings = settings
        self.breaker = CircuitBreaker(
            failures=settings.http_breaker_failures, cooldown=settings.http_breaker_cooldown_seconds
        )
        headers = {"Accept": "application/json"}
        if settings.http_api_key is not None:
            headers["Authorization"] = f"Bearer {settings.http_api_key.get_secret_value()}"
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.http_timeout_seconds), headers=headers, transport=transport
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def verify(self, name: str, id_number: str, photo: bytes) -> AuthorityResult:
        if not self.breaker.allow():
            raise AuthorityUnavailable("circuit breaker open")
        request_id = uuid.uuid4().hex
        body = {
            "request_id": request_id,
            "name": name,
            "id_number": id_number,
            "photo": base64.b64encode(photo).decode("ascii"),
        }
        retries = max(0, self.settings.http_retries)
        last_error = "no attempt"
        for attempt in range(retries + 1):
            try:
                response = await self.client.post(self.url, json=body, headers={"X-Request-Id": request_id})
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Retryable(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    # Our request is wrong (credentials, contract): retrying cannot help.
                    last_error = f"HTTP {response.status_code}"
                    break
                result = self._parse(response)
            except (httpx.TimeoutException, httpx.TransportError, _Retryable) as exc:
                last_error = f"{type(exc).__name__}: {exc}"
                if attempt < retries:
                    await asyncio.sleep(self.settings.http_backoff_seconds * (2**attempt))
                continue
            except ValueError as exc:
                last_error = f"bad reply: {exc}"
                break
            self.breaker.record_success()
            return result
        self.breaker.record_failure()
        log.warning("identity authority failed", error=last_error, breaker=self.breaker.state)
        raise AuthorityUnavailable(last_error)

    def _parse(self, response: httpx.Response) -> AuthorityResult:
        data = response.json()
        if not isinstance(data, dict):
            raise ValueError("reply is not a JSON object")
        code = _VENDOR_RESULTS.get(str(data.get("result")))
        if code is None:
            raise ValueError(f"unknown result {data.get('result')!r}")
        score = data.get("score")
        threshold = data.get("threshold")
        return _result(
            self.name,
            code,
            match=code == AuthorityCode.MATCH,
            score=float(score) if isinstance(score, int | float) else None,
            threshold=float(threshold) if isinstance(threshold, int | float) else None,
        )
