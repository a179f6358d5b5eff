"""Sign-in API: staff bearer tokens, customer SMS codes, who-am-I, health."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from zhihui.identity import service as identity
from zhihui.platform.auth import (
    ROLE_PERMISSIONS,
    authenticate_staff,
    open_session,
    revoke_token,
)
from zhihui.platform.web import AppSettings, DbSession, OptionalPrincipal, StaffPrincipal, problem
from zhihui.web.schemas import CodeRequest, CodeSent, CustomerTokenRequest, MeOut, TokenOut, TokenRequest

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
health = APIRouter(tags=["health"])


@router.post("/token", response_model=TokenOut, summary="Staff sign-in for API clients")
async def staff_token(body: TokenRequest, session: DbSession, settings: AppSettings) -> TokenOut:
    user = await authenticate_staff(session, username=body.username, password=body.password)
    token = await open_session(
        session, subject_kind="staff", subject_id=user.id, role=user.role, ttl_hours=settings.auth.session_ttl_hours
    )
    return TokenOut(
        access_token=token,
        expires_in=settings.auth.session_ttl_hours * 3600,
        subject_kind="staff",
        role=user.role,
    )


@router.post("/customer/code", response_model=CodeSent, status_code=202, summary="Send a customer sign-in code")
async def customer_code(body: CodeRequest, session: DbSession, settings: AppSettings) -> CodeSent:
    await identity.send_login_code(session, phone=body.phone, settings=settings)
    return CodeSent(expires_in=settings.auth.otp_ttl_seconds)


@router.post("/customer/token", response_model=TokenOut, summary="Customer sign-in with the SMS code")
async def customer_token(body: CustomerTokenRequest, session: DbSession, settings: AppSettings) -> TokenOut:
    token, _customer_id = await identity.sign_in_customer(
        session, phone=body.phone, code=body.code.strip(), settings=settings
    )
    return TokenOut(access_token=token, expires_in=settings.auth.session_ttl_hours * 3600, subject_kind="customer")


@router.get("/me", response_model=MeOut)
async def me(principal: OptionalPrincipal) -> MeOut | JSONResponse:
    if principal is None:
        return problem(401, "not_authenticated", "请先登录。")
    perms = sorted(ROLE_PERMISSIONS.get(principal.role or "", set())) if principal.kind == "staff" else []
    return MeOut(
        kind=principal.kind,
        id=principal.id,
        role=principal.role,
        display_name=principal.display_name,
        permissions=[str(p) for p in perms],
    )


@router.post("/logout", status_code=204)
async def logout(request: Request, session: DbSession, _principal: StaffPrincipal) -> None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        await revoke_token(session, header[7:].strip())


@health.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@health.get("/readyz", summary="Readiness: database (and Redis when configured) reachable")
async def readyz(request: Request, settings: AppSettings) -> JSONResponse:
    checks: dict[str, Any] = {}
    ok = True
    try:
        await request.app.state.db.ping()
        checks["database"] = "ok"
    except Exception as exc:  # readiness reports, it does not raise
        ok = False
        checks["database"] = f"error: {type(exc).__name__}"
    if settings.redis_url:
        try:
            import redis.asyncio as aioredis

            client = aioredis.from_url(settings.redis_url)
            try:
                await client.ping()
            finally:
                await client.aclose()
            checks["redis"] = "ok"
        except Exception as exc:
            ok = False
            checks["redis"] = f"error: {type(exc).__name__}"
    return JSONResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status_code=200 if ok else 503)
