"""Pages of servicing: the agent workbench, the reviewer queue, and the customer's H5 pages (link landing,
form with face step and drawn signature, status list). They call the same service functions as the API."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from zhihui.identity.api import Runtime
from zhihui.platform.auth import SESSION_COOKIE, Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.validators import strip_control_characters
from zhihui.platform.web import (
    AppSettings,
    Area,
    CustomerPrincipal,
    DbSession,
    OptionalPrincipal,
    register_area,
    render,
    require,
)
from zhihui.servicing import items as catalog
from zhihui.servicing import service
from zhihui.servicing.api import DEVICE_COOKIE, REGION_HEADER, client_device, refused

router = APIRouter(include_in_schema=False)
Agent = Annotated[Principal, Depends(require(Permission.SHARE_SERVICING_LINKS))]
Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW_APPLICATIONS))]
MAX_BENEFICIARY_ROWS = 3

register_area(
    Area(
        "servicing",
        "慧保全",
        "/staff/servicing",
        "选择客户保单与保全项目，分享办理链接和二维码",
        Permission.SHARE_SERVICING_LINKS,
    )
)
register_area(
    Area(
        "servicing_review",
        "保全审核",
        "/staff/servicing/review",
        "审核待人工处理的保全申请",
        Permission.REVIEW_APPLICATIONS,
    )
)


# --- agent workbench ---------------------------------------------------------------------------------------


async def _workbench(
    request: Request, session: Any, settings: Any, principal: Principal, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    context = {
        "policies": await service.agent_policies(session, agent_id=principal.id),
        "items": service.list_items(settings),
        "stats": await service.share_stats(session, agent_id=principal.id),
        "applications": await service.applications_of_agent(session, principal.id),
        **extra,
    }
    return render(request, "servicing/workbench.html", context, status=status)


@router.get("/staff/servicing", response_class=HTMLResponse)
async def workbench(request: Request, session: DbSession, settings: AppSettings, principal: Agent) -> HTMLResponse:
    return await _workbench(request, session, settings, principal, {})


@router.post("/staff/servicing/links", response_class=HTMLResponse)
async def workbench_link(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    principal: Agent,
    policy_no: Annotated[str, Form(max_length=24)],
    item: Annotated[str, Form(max_length=32)],
    applicant: Annotated[str, Form(max_length=16)] = "policyholder",
) -> HTMLResponse:
    try:
        link = await service.create_link(
            session, settings, policy_no=policy_no, item_code=item, applicant_role=applicant, actor=principal.actor
        )
    except ZhihuiError as exc:
        return await _workbench(request, session, settings, principal, {"error": exc.detail}, status=exc.status)
    return await _workbench(request, session, settings, principal, {"link": link})


# --- reviewer ----------------------------------------------------------------------------------------------


@router.get("/staff/servicing/review", response_class=HTMLResponse)
async def review_queue(request: Request, session: DbSession, principal: Reviewer) -> HTMLResponse:
    return render(request, "servicing/review_queue.html", {"queue": await service.review_queue(session)})


async def _review_page(
    request: Request, session: Any, principal: Principal, public_id: str, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    application = await service.get_application(session, public_id, principal=principal)
    out = await service.application_out(session, application, staff=True)
    return render(request, "servicing/review.html", {"app": out, **extra}, status=status)


@router.get("/staff/servicing/review/{public_id}", response_class=HTMLResponse)
async def review_page(request: Request, public_id: str, session: DbSession, principal: Reviewer) -> HTMLResponse:
    return await _review_page(request, session, principal, public_id, {})


@router.post("/staff/servicing/review/{public_id}", response_class=HTMLResponse)
async def review_submit(
    request: Request,
    public_id: str,
    session: DbSession,
    settings: AppSettings,
    principal: Reviewer,
    decision: Annotated[str, Form(pattern="^(approve|reject|more_info)$")],
    reason: Annotated[str, Form(max_length=500)] = "",
) -> HTMLResponse:
    try:
        await service.review_application(
            session, settings, public_id, decision=decision, reason=reason, actor=principal.actor
        )
    except ZhihuiError as exc:
        await refused(request, session, principal, f"servicing.application.{decision}", public_id, exc)
        return await _review_page(request, session, principal, public_id, {"error": exc.detail}, status=exc.status)
    return await _review_page(request, session, principal, public_id, {"notice": "已处理"})


# --- customer H5 -------------------------------------------------------------------------------------------


def _with_device(request: Request, response: Response) -> Response:
    # A random id per browser lets the shared-device risk rule count customers per phone.
    if not request.cookies.get(DEVICE_COOKIE):
        response.set_cookie(DEVICE_COOKIE, secrets.token_urlsafe(16), max_age=3 * 365 * 86400, samesite="lax")
    return response


async def _landing(
    request: Request, session: Any, settings: Any, token: str, principal: Principal | None, extra: dict[str, Any]
) -> Response:
    try:
        preview = await service.open_link(session, settings, token, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.open", None, exc)
        context = {"error": exc.detail, "code": exc.code}
        return _with_device(request, render(request, "servicing/h5_link.html", context, status=exc.status))
    status = int(extra.pop("status", 200))
    response = render(request, "servicing/h5_link.html", {"preview": preview, "token": token, **extra}, status=status)
    return _with_device(request, response)


@router.get("/h5/servicing/s/{token}", response_class=HTMLResponse)
async def link_landing(
    request: Request, token: str, session: DbSession, settings: AppSettings, principal: OptionalPrincipal
) -> Response:
    return await _landing(request, session, settings, token, principal, {})


@router.post("/h5/servicing/s/{token}/code", response_class=HTMLResponse)
async def link_code(
    request: Request, token: str, session: DbSession, settings: AppSettings, principal: OptionalPrincipal
) -> Response:
    try:
        await service.send_link_code(session, settings, token, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.code", None, exc)
        return await _landing(request, session, settings, token, principal, {"code_error": exc.detail})
    return await _landing(request, session, settings, token, principal, {"code_sent": True})


@router.post("/h5/servicing/s/{token}/verify", response_class=HTMLResponse)
async def link_verify(
    request: Request,
    token: str,
    session: DbSession,
    settings: AppSettings,
    principal: OptionalPrincipal,
    code: Annotated[str, Form(max_length=8)],
) -> Response:
    try:
        application, session_token = await service.verify_link(session, settings, token, code, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.verify", None, exc)
        extra = {"code_sent": True, "code_error": exc.detail, "status": exc.status}
        return await _landing(request, session, settings, token, principal, extra)
    response = RedirectResponse(f"/h5/servicing/{application.public_id}", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_token,
        max_age=settings.auth.session_ttl_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=settings.auth.cookie_secure,
    )
    return response


@router.get("/h5/servicing", response_class=HTMLResponse)
async def my_applications(request: Request, session: DbSession, principal: CustomerPrincipal) -> Response:
    applications = await service.applications_of_customer(session, principal.id)
    return _with_device(request, render(request, "servicing/h5_list.html", {"applications": applications}))


async def _application_page(
    request: Request, session: Any, settings: Any, principal: Principal, public_id: str, extra: dict[str, Any]
) -> Response:
    status = int(extra.pop("status", 200))
    form = await service.application_form(session, settings, public_id, principal=principal)
    if "values" in extra:
        form.values.update(extra.pop("values"))
    context = {
        "form": form,
        "app": form.application,
        "relations": list(catalog.RELATIONS.items()),
        "rows": range(MAX_BENEFICIARY_ROWS),
        "editable": form.application.status in service.EDITABLE,
        **extra,
    }
    return _with_device(request, render(request, "servicing/h5_application.html", context, status=status))


@router.get("/h5/servicing/{public_id}", response_class=HTMLResponse)
async def application_page(
    request: Request, public_id: str, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> Response:
    return await _application_page(request, session, settings, principal, public_id, {})


@router.post("/h5/servicing/{public_id}/face")
async def start_face(
    request: Request, public_id: str, session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> Response:
    _, path, _ = await service.start_face(session, public_id, principal=principal, runtime=runtime)
    return RedirectResponse(path, status_code=303)


@router.post("/h5/servicing/{public_id}/phone-code", response_class=HTMLResponse)
async def phone_code(
    request: Request,
    public_id: str,
    session: DbSession,
    settings: AppSettings,
    principal: CustomerPrincipal,
    new_phone: Annotated[str, Form(max_length=20)],
) -> Response:
    from zhihui.platform.validators import is_valid_mobile

    values = await _typed(request, session, principal, public_id)
    if not is_valid_mobile(new_phone.strip()):
        extra: dict[str, Any] = {"error": "手机号码不正确，请输入11位中国大陆手机号。", "values": values}
        return await _application_page(request, session, settings, principal, public_id, extra)
    try:
        await service.send_new_phone_code(session, settings, public_id, new_phone.strip(), principal=principal)
    except ZhihuiError as exc:
        extra = {"error": exc.detail, "values": values}
        return await _application_page(request, session, settings, principal, public_id, extra)
    notice = "验证码已发送到新手机号，请查收。"
    return await _application_page(
        request, session, settings, principal, public_id, {"notice": notice, "values": values}
    )


@router.post("/h5/servicing/{public_id}/consent-code", response_class=HTMLResponse)
async def consent_code(
    request: Request, public_id: str, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> Response:
    values = await _typed(request, session, principal, public_id)
    try:
        phone = await service.send_consent_code(session, settings, public_id, principal=principal)
    except ZhihuiError as exc:
        extra = {"error": exc.detail, "values": values}
        return await _application_page(request, session, settings, principal, public_id, extra)
    notice = f"验证码已发送到被保险人手机 {phone}，请被保险人确认后告诉您。"
    return await _application_page(
        request, session, settings, principal, public_id, {"notice": notice, "values": values}
    )


async def _typed(request: Request, session: Any, principal: Principal, public_id: str) -> dict[str, Any]:
    """What the customer has typed so far: the code buttons post the whole form, and the page shows it again."""
    application = await service.get_application(session, public_id, principal=principal)
    return form_values(catalog.item(application.item), await request.form())


def form_values(spec: catalog.ItemSpec, data: FormData) -> dict[str, Any]:
    """The item's form values out of an HTML form (checkboxes, beneficiary rows)."""
    values: dict[str, Any] = {}
    for field in spec.fields:
        if field.kind == "bool":
            values[field.name] = data.get(field.name) in ("on", "true", "1")
        elif field.kind == "beneficiaries":
            rows = []
            for i in range(MAX_BENEFICIARY_ROWS):
                row = {
                    k: str(data.get(f"b{i}_{k}") or "").strip()
                    for k in ("name", "id_number", "phone", "relation", "order", "share_pct")
                }
                if any(row[k] for k in ("name", "id_number", "phone")):
                    rows.append(row)
            values[field.name] = rows
        elif field.kind != "info" and data.get(field.name) is not None:
            values[field.name] = str(data.get(field.name))
    return values


@router.post("/h5/servicing/{public_id}/submit", response_class=HTMLResponse)
async def submit(
    request: Request, public_id: str, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> Response:
    data = await request.form()
    application = await service.get_application(session, public_id, principal=principal)
    spec = catalog.item(application.item)
    values = form_values(spec, data)
    try:
        await service.submit_application(
            session,
            settings,
            public_id,
            form=values,
            signature=str(data.get("signature") or ""),
            principal=principal,
            device_hash=client_device(request),
            region=str(data.get("region") or "") or request.headers.get(REGION_HEADER),
            note=str(strip_control_characters(str(data.get("note") or ""))),
        )
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.application.submit", public_id, exc)
        extra = {
            "error": exc.detail, "error_field": exc.field, "values": values, "status": exc.status,
            "note": str(data.get("note") or ""),
        }  # fmt: skip
        return await _application_page(request, session, settings, principal, public_id, extra)
    return RedirectResponse(f"/h5/servicing/{public_id}", status_code=303)
