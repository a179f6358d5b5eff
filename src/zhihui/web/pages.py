"""Pages of the web shell: staff sign-in and home, customer H5 sign-in and home, demo SMS outbox."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from zhihui.identity import service as identity
from zhihui.platform import sms
from zhihui.platform.auth import SESSION_COOKIE, authenticate_staff, open_session, revoke_token
from zhihui.platform.errors import NotFound, PlatformError, ZhihuiError
from zhihui.platform.web import (
    AppSettings,
    CustomerPrincipal,
    DbSession,
    OptionalPrincipal,
    areas_for,
    render,
)
from zhihui.policy import service as policy_service
from zhihui.web.schemas import CodeRequest

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None, default: str) -> str:
    # Only same-site relative paths, so the login form cannot be used as an open redirect.
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return default


def _set_session_cookie(response: Response, token: str, settings: AppSettings) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.auth.session_ttl_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.auth.cookie_secure,
    )


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "web/login.html", {"next": next})


@router.post("/login", response_model=None)
async def login_submit(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    try:
        user = await authenticate_staff(session, username=username.strip(), password=password)
    except ZhihuiError as exc:
        await session.commit()  # keep the audit row of the refused sign-in
        return render(request, "web/login.html", {"error": exc.detail, "username": username, "next": next}, 401)
    token = await open_session(
        session, subject_kind="staff", subject_id=user.id, role=user.role, ttl_hours=settings.auth.session_ttl_hours
    )
    response = RedirectResponse(_safe_next(next, "/"), status_code=303)
    _set_session_cookie(response, token, settings)
    return response


@router.post("/logout")
async def logout(request: Request, session: DbSession, principal: OptionalPrincipal) -> RedirectResponse:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await revoke_token(session, token)
    target = "/h5/login" if principal is not None and principal.kind == "customer" else "/login"
    response = RedirectResponse(target, status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/", response_class=HTMLResponse, response_model=None)
async def home(request: Request, principal: OptionalPrincipal) -> Response:
    if principal is None:
        return RedirectResponse("/login", status_code=303)
    if principal.kind == "customer":
        return RedirectResponse("/h5/", status_code=303)
    return render(request, "web/home.html", {"areas": areas_for(principal)})


@router.get("/h5/login", response_class=HTMLResponse)
async def h5_login_page(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "h5/login.html", {"next": next})


@router.post("/h5/login/code", response_class=HTMLResponse)
async def h5_send_code(
    request: Request, session: DbSession, settings: AppSettings, phone: Annotated[str, Form()] = ""
) -> HTMLResponse:
    try:
        body = CodeRequest(phone=phone)
        await identity.send_login_code(session, phone=body.phone, settings=settings)
    except ValidationError:
        return HTMLResponse('<div class="error" role="alert">手机号码不正确，请输入11位中国大陆手机号。</div>')
    except ZhihuiError as exc:
        return HTMLResponse(f'<div class="error" role="alert" data-code="{exc.code}">{exc.detail}</div>')
    return HTMLResponse('<div class="notice" data-code="sent">验证码已发送，请查收短信。</div>')


@router.post("/h5/login", response_model=None)
async def h5_login_submit(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    phone: Annotated[str, Form()],
    code: Annotated[str, Form()],
    next: Annotated[str | None, Form()] = None,
) -> Response:
    context = {"phone": phone, "next": next}
    try:
        checked = CodeRequest(phone=phone)
        token, _ = await identity.sign_in_customer(session, phone=checked.phone, code=code, settings=settings)
    except ValidationError:
        return render(request, "h5/login.html", {**context, "error": "手机号码不正确，请输入11位中国大陆手机号。"}, 422)
    except ZhihuiError as exc:
        return render(request, "h5/login.html", {**context, "error": exc.detail}, exc.status)
    response = RedirectResponse(_safe_next(next, "/h5/"), status_code=303)
    _set_session_cookie(response, token, settings)
    return response


@router.get("/h5/", response_class=HTMLResponse)
async def h5_home(request: Request, session: DbSession, principal: CustomerPrincipal) -> HTMLResponse:
    customer = await policy_service.get_customer(session, principal.id)
    policies = [
        await policy_service.policy_out(session, p)
        for p in await policy_service.policies_of_customer(session, customer.id)
    ]
    return render(request, "h5/home.html", {"customer": policy_service.customer_out(customer), "policies": policies})


@router.get("/demo/sms", response_class=HTMLResponse)
async def sms_outbox(
    request: Request, session: DbSession, settings: AppSettings, principal: OptionalPrincipal, phone: str | None = None
) -> HTMLResponse:
    if not settings.demo_pages:
        raise NotFound(PlatformError.NOT_FOUND)
    messages = await sms.recent_messages(session, phone=phone.strip() if phone else None)
    return render(request, "web/sms_outbox.html", {"messages": messages, "phone": phone})
