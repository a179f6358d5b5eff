"""Face verification API under /api/v1/identity: sessions, challenges, frames, consent, reference photos.

Frames are uploaded as ``multipart/form-data`` (fields ``nonce``, then ``t_ms`` and ``frames`` repeated
in capture order, each frame an ``image/jpeg``/``png``/``webp`` part) or as JSON
``{"nonce", "frames": [{"t_ms", "image": "<base64>"}]}``. Refusals of the frames and challenge routes are
audited in their own transaction.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile as StarletteUploadFile

from zhihui.identity import verification as service
from zhihui.identity.errors import IdentityError, PayloadTooLarge, UnsupportedMediaType
from zhihui.identity.liveness import MAX_FRAME_BYTES, MAX_FRAMES, Frame
from zhihui.identity.schemas import (
    AttemptResult,
    ChallengeOut,
    ConsentIn,
    ConsentOut,
    ConsentTextOut,
    FramesIn,
    Purpose,
    ReferenceOut,
    SessionCreate,
    SessionOut,
)
from zhihui.identity.verification import IdentityRuntime
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import PlatformError, Unauthorized, ZhihuiError
from zhihui.platform.web import CustomerPrincipal, DbSession, OptionalPrincipal, get_database, require
from zhihui.settings import IdentitySettings, Settings

router = APIRouter(prefix="/api/v1/identity", tags=["identity"])
Enroller = Annotated[Principal, Depends(require(Permission.ENROL_IDENTITY))]
FRAME_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
_DATA_URL = re.compile(r"^data:(?P<type>[\w/+.-]+);base64,")


def get_runtime(request: Request) -> IdentityRuntime:
    runtime: IdentityRuntime | None = getattr(request.app.state, "identity", None)
    if runtime is None:  # app used without its lifespan (e.g. a bare TestClient): build on first use
        settings: Settings = request.app.state.settings
        runtime = service.build_runtime(settings.identity)
        request.app.state.identity = runtime
    return runtime


Runtime = Annotated[IdentityRuntime, Depends(get_runtime)]


async def signed_in(principal: OptionalPrincipal) -> Principal:
    if principal is None:
        raise Unauthorized(PlatformError.NOT_AUTHENTICATED)
    return principal


SignedIn = Annotated[Principal, Depends(signed_in)]


@router.post("/sessions", response_model=SessionOut, status_code=201, summary="Open a face verification session")
async def open_session(body: SessionCreate, session: DbSession, principal: SignedIn, runtime: Runtime) -> SessionOut:
    verification, attempt = await service.open_verification(
        session, purpose=body.purpose, subject=body.subject, requester=principal, runtime=runtime
    )
    return await service.session_out(session, verification, settings=runtime.settings, attempt=attempt)


@router.get("/sessions/{session_id}", response_model=SessionOut, summary="A session's status and outcome")
async def get_session(session_id: str, session: DbSession, principal: SignedIn, runtime: Runtime) -> SessionOut:
    verification = await service.get_verification(session, session_id, requester=principal)
    return await service.session_out(session, verification, settings=runtime.settings)


@router.post(
    "/sessions/{session_id}/challenge",
    response_model=ChallengeOut,
    summary="The liveness challenge of the next attempt",
)
async def challenge(
    request: Request, session_id: str, session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> ChallengeOut:
    try:
        attempt = await service.issue_challenge(session, session_id, customer_id=principal.id, runtime=runtime)
    except ZhihuiError as exc:
        await _audit_refusal(request, principal, "identity.verification.challenge", session_id, exc)
        raise
    return service.challenge_out(attempt)


_FRAMES_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["nonce", "t_ms", "frames"],
                    "properties": {
                        "nonce": {"type": "string"},
                        "t_ms": {"type": "array", "items": {"type": "integer"}},
                        "frames": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    },
                }
            },
            "application/json": {"schema": FramesIn.model_json_schema()},
        },
    }
}


@router.post(
    "/sessions/{session_id}/frames",
    response_model=AttemptResult,
    summary="Upload the frames of one attempt; returns liveness + match result",
    openapi_extra=_FRAMES_BODY,
)
async def frames(
    request: Request,
    session_id: str,
    session: DbSession,
    principal: CustomerPrincipal,
    runtime: Runtime,
) -> AttemptResult:
    try:
        nonce, captured = await _read_frames(request, runtime.settings)
        return await service.submit_frames(
            session,
            session_id,
            customer_id=principal.id,
            nonce=nonce,
            frames=captured,
            actor=principal.actor,
            runtime=runtime,
        )
    except ZhihuiError as exc:
        await _audit_refusal(request, principal, "identity.verification.frames", session_id, exc)
        raise


@router.get("/consent", response_model=ConsentTextOut, summary="The biometric consent text for a purpose")
async def consent_text(
    purpose: Annotated[Purpose, Query()], session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> ConsentTextOut:
    return await service.consent_for(session, customer_id=principal.id, purpose=purpose, settings=runtime.settings)


@router.post("/consents", response_model=ConsentOut, status_code=201, summary="Accept the biometric consent text")
async def give_consent(
    body: ConsentIn, session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> ConsentOut:
    consent = await service.give_consent(
        session,
        customer_id=principal.id,
        purpose=body.purpose,
        text_version=body.text_version,
        settings=runtime.settings,
        actor=principal.actor,
        channel="api",
    )
    return ConsentOut(
        purpose=Purpose(consent.purpose), text_version=consent.text_version, accepted_at=consent.accepted_at
    )


@router.get("/references", response_model=list[ReferenceOut], summary="Latest reference photos (masked)")
async def references(session: DbSession, principal: Enroller) -> list[ReferenceOut]:
    return await service.list_references(session, actor=principal.actor)


@router.post("/references", response_model=ReferenceOut, status_code=201, summary="Enrol a reference ID photo")
async def enrol(
    session: DbSession,
    principal: Enroller,
    runtime: Runtime,
    name: Annotated[str, Form(max_length=64)],
    id_number: Annotated[str, Form(max_length=18)],
    photo: Annotated[UploadFile, File()],
    source: Annotated[str, Form(max_length=32)] = "admin",
) -> ReferenceOut:
    data = await read_photo(photo, runtime.settings.max_image_bytes)
    ref = await service.enrol_reference(
        session,
        name=name,
        id_number=id_number,
        photo=data,
        actor=principal.actor,
        settings=runtime.settings,
        source=source,
    )
    return service.reference_out(ref)


# --- parsing ---------------------------------------------------------------------------------------------


async def read_photo(photo: UploadFile, limit: int) -> bytes:
    if (photo.content_type or "") not in FRAME_TYPES:
        raise UnsupportedMediaType(IdentityError.UNSUPPORTED_MEDIA_TYPE, field="photo")
    data = await photo.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(IdentityError.UPLOAD_TOO_LARGE, field="photo", params={"limit_mb": limit // 2**20})
    return data


async def _audit_refusal(
    request: Request, principal: Principal, action: str, session_id: str, exc: ZhihuiError
) -> None:
    await service.audit_refusal(
        get_database(request).sessionmaker, actor=principal.actor, action=action, session_id=session_id, error=exc
    )


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(IdentityError.UPLOAD_TOO_LARGE, params={"limit_mb": max(1, limit // 2**20)})


async def _read_capped(request: Request, limit: int) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _decode_b64(value: str) -> bytes:
    match = _DATA_URL.match(value)
    if match:
        if match.group("type") not in FRAME_TYPES:
            raise UnsupportedMediaType(IdentityError.UNSUPPORTED_MEDIA_TYPE, field="frames")
        value = value[match.end() :]
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ZhihuiError(IdentityError.BAD_FRAMES, field="frames") from exc


async def _read_frames(request: Request, settings: IdentitySettings) -> tuple[str, list[Frame]]:
    """Parse either upload format; checks the content types, the total size, each frame's size and count."""
    limit = settings.max_upload_bytes
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > limit:
        raise _too_large(limit)
    if content_type == "application/json":
        raw = await _read_capped(request, limit)
        try:
            body = FramesIn.model_validate_json(raw)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc
        if len(body.frames) > MAX_FRAMES:
            raise PayloadTooLarge(IdentityError.TOO_MANY_FRAMES, params={"limit": MAX_FRAMES})
        captured = [Frame(f.t_ms, _decode_b64(f.image)) for f in body.frames]
        nonce = body.nonce
    elif content_type == "multipart/form-data":
        if length is None:  # the form parser would spool an unbounded body to disk first
            raise _too_large(limit)
        form = await request.form(max_files=MAX_FRAMES * 2, max_fields=MAX_FRAMES * 2 + 8)
        nonce = str(form.get("nonce") or "")
        times = form.getlist("t_ms")
        files = form.getlist("frames")
        if len(files) > MAX_FRAMES:
            raise PayloadTooLarge(IdentityError.TOO_MANY_FRAMES, params={"limit": MAX_FRAMES})
        if len(times) != len(files) or not nonce:
            raise ZhihuiError(IdentityError.BAD_FRAMES, field="frames")
        captured = []
        for t_ms, part in zip(times, files, strict=True):
            if not isinstance(part, StarletteUploadFile) or not isinstance(t_ms, str) or not t_ms.isdigit():
                raise ZhihuiError(IdentityError.BAD_FRAMES, field="frames")
            if (part.content_type or "").lower() not in FRAME_TYPES:
                raise UnsupportedMediaType(IdentityError.UNSUPPORTED_MEDIA_TYPE, field="frames")
            data = await part.read(MAX_FRAME_BYTES + 1)
            if len(data) > MAX_FRAME_BYTES:
                raise _too_large(MAX_FRAME_BYTES)
            captured.append(Frame(int(t_ms), data))
    else:
        raise UnsupportedMediaType(IdentityError.UNSUPPORTED_MEDIA_TYPE)
    return nonce, captured
