"""The web layer's shared parts: templates, request dependencies, and the one place errors become responses.

JSON routes (``/api/...``) answer errors as RFC 9457 ``application/problem+json`` with a stable ``code``
and a Chinese ``detail``; pages get an HTML error page, or a redirect to sign-in on 401.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.exceptions import HTTPException as StarletteHTTPException

from zhihui.platform import pii
from zhihui.platform.auth import (
    ROLE_LABELS,
    SESSION_COOKIE,
    Permission,
    Principal,
    require_permission,
    resolve_token,
)
from zhihui.platform.clock import local
from zhihui.platform.db import Database
from zhihui.platform.errors import PlatformError, Unauthorized, ZhihuiError, message_for
from zhihui.platform.logging import get_logger
from zhihui.settings import Settings

log = get_logger(__name__)
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
PROBLEM_JSON = "application/problem+json"

_STATUS_TITLES = {
    400: "请求有误",
    401: "未登录",
    403: "无权限",
    404: "未找到",
    405: "方法不允许",
    409: "冲突",
    410: "已失效",
    413: "内容过大",
    422: "信息有误",
    429: "操作过于频繁",
    500: "系统错误",
    503: "服务不可用",
}


def _template_dirs() -> list[str]:
    dirs = [str(PACKAGE_ROOT / "web" / "templates")]
    for child in sorted(PACKAGE_ROOT.iterdir()):
        if child.is_dir() and (child / "templates").is_dir() and child.name != "web":
            dirs.append(str(child / "templates"))
    return dirs


def _fmt_time(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return "" if value is None else local(value).strftime(fmt)


def _fmt_money(fen: int | None) -> str:
    return "" if fen is None else f"¥{fen / 100:,.2f}"


def build_templates() -> Jinja2Templates:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(_template_dirs())]),
        autoescape=select_autoescape(["html"]),
        enable_async=False,
    )
    env.filters.update(
        mask_id=pii.mask_id_number,
        mask_phone=pii.mask_phone,
        mask_account=pii.mask_account,
        mask_name=pii.mask_name,
        localtime=_fmt_time,
        money=_fmt_money,
    )
    env.globals.update(role_labels=ROLE_LABELS, Permission=Permission)
    return Jinja2Templates(env=env)


templates = build_templates()


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200) -> HTMLResponse:
    ctx = {"request": request, "principal": getattr(request.state, "principal", None)}
    ctx.update(context or {})
    return templates.TemplateResponse(request, name, ctx, status_code=status)


# --- dependencies ---------------------------------------------------------------------------------------


def get_database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    async with get_database(request).unit_of_work() as session:
        yield session


# scope="function": commit before the response is sent, so a client never reads its own stale write.
DbSession = Annotated[AsyncSession, Depends(_session, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings_dep)]


def _token_from(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(SESSION_COOKIE)


async def optional_principal(request: Request, session: DbSession) -> Principal | None:
    token = _token_from(request)
    principal = await resolve_token(session, token) if token else None
    request.state.principal = principal
    return principal


OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def require(permission: Permission) -> Callable[..., Awaitable[Principal]]:
    async def dependency(principal: OptionalPrincipal) -> Principal:
        return require_permission(principal, permission)

    return dependency


async def require_staff(principal: OptionalPrincipal) -> Principal:
    if principal is None or principal.kind != "staff":
        raise Unauthorized(PlatformError.NOT_AUTHENTICATED)
    return principal


async def require_customer(principal: OptionalPrincipal) -> Principal:
    if principal is None or principal.kind != "customer":
        raise Unauthorized(PlatformError.NOT_AUTHENTICATED)
    return principal


StaffPrincipal = Annotated[Principal, Depends(require_staff)]
CustomerPrincipal = Annotated[Principal, Depends(require_customer)]


# --- errors ---------------------------------------------------------------------------------------------


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def problem(status: int, code: str, detail: str, *, errors: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"urn:zhihui:problem:{code}",
        "title": _STATUS_TITLES.get(status, "错误"),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _error_page(request: Request, status: int, code: str, detail: str) -> Response:
    if status == 401:
        target = "/h5/login" if request.url.path.startswith("/h5") else "/login"
        return RedirectResponse(f"{target}?next={quote(str(request.url.path))}", status_code=303)
    return render(request, "error.html", {"status": status, "code": code, "detail": detail}, status=status)


_PYDANTIC_CODES = {
    "missing": PlatformError.FIELD_REQUIRED,
    "enum": PlatformError.INVALID_CHOICE,
    "literal_error": PlatformError.INVALID_CHOICE,
    "string_too_long": PlatformError.VALUE_TOO_LONG,
    "too_long": PlatformError.VALUE_TOO_LONG,
    "date_parsing": PlatformError.INVALID_DATE,
    "date_from_datetime_parsing": PlatformError.INVALID_DATE,
    "date_type": PlatformError.INVALID_DATE,
    "json_invalid": PlatformError.BAD_REQUEST,
    "model_attributes_type": PlatformError.BAD_REQUEST,
}


def validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    known = {e.value for e in PlatformError}
    out = []
    for err in exc.errors():
        kind = str(err.get("type", ""))
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form")]
        if kind in known:
            code, detail = kind, str(err.get("msg", ""))
        else:
            code = _PYDANTIC_CODES.get(kind, PlatformError.INVALID_VALUE)
            detail = message_for(code)
        out.append({"field": ".".join(loc) or None, "code": str(code), "detail": detail})
    return out


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ZhihuiError)
    async def _zhihui_error(request: Request, exc: ZhihuiError) -> Response:
        if not _is_api(request):
            return _error_page(request, exc.status, exc.code, exc.detail)
        errors = [{"field": exc.field, "code": exc.code, "detail": exc.detail}] if exc.field else None
        return problem(exc.status, exc.code, exc.detail, errors=errors)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = validation_errors(exc)
        first = errors[0] if errors else {"code": PlatformError.VALIDATION_FAILED, "detail": ""}
        code = str(first["code"])
        detail = str(first["detail"]) or message_for(code)
        if not _is_api(request):
            return _error_page(request, 422, code, detail)
        return problem(422, code, detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {
            404: PlatformError.NOT_FOUND,
            405: PlatformError.METHOD_NOT_ALLOWED,
            401: PlatformError.NOT_AUTHENTICATED,
            403: PlatformError.PERMISSION_DENIED,
            413: PlatformError.PAYLOAD_TOO_LARGE,
        }.get(exc.status_code, PlatformError.BAD_REQUEST)
        detail = message_for(code)
        if not _is_api(request):
            return _error_page(request, exc.status_code, code, detail)
        return problem(exc.status_code, code, detail)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error", path=request.url.path)
        detail = message_for(PlatformError.INTERNAL_ERROR)
        if not _is_api(request):
            return render(
                request, "error.html", {"status": 500, "code": "internal_error", "detail": detail}, status=500
            )
        return problem(500, PlatformError.INTERNAL_ERROR, detail)


# --- product areas on the home page and in the navigation -----------------------------------------------


class Area:
    """A tile on the staff home page; modules register theirs at import."""

    def __init__(self, key: str, title: str, href: str, description: str, permission: Permission | None) -> None:
        self.key, self.title, self.href, self.description, self.permission = key, title, href, description, permission


_AREAS: dict[str, Area] = {}


def register_area(area: Area) -> None:
    _AREAS[area.key] = area


def areas_for(principal: Principal | None) -> list[Area]:
    if principal is None or principal.kind != "staff":
        return []
    return [a for a in _AREAS.values() if a.permission is None or principal.can(a.permission)]


templates.env.globals["nav_areas"] = areas_for
