"""Staff pages of the policy core: customer search and a customer's details (masked; reveal is audited)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse
from markupsafe import escape

from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.web import Area, DbSession, register_area, render, require
from zhihui.policy import service

router = APIRouter(prefix="/staff/customers", include_in_schema=False)
Viewer = Annotated[Principal, Depends(require(Permission.VIEW_CUSTOMERS))]
Revealer = Annotated[Principal, Depends(require(Permission.REVEAL_PII))]

register_area(
    Area(
        "customers",
        "客户查询",
        "/staff/customers",
        "按证件号、手机号、客户号或姓名查询客户与保单",
        Permission.VIEW_CUSTOMERS,
    )
)


@router.get("", response_class=HTMLResponse)
async def search_page(request: Request, session: DbSession, principal: Viewer, q: str = "") -> HTMLResponse:
    results = [service.customer_out(c) for c in await service.search_customers(session, q)] if q else []
    return render(request, "policy/search.html", {"q": q, "results": results})


@router.get("/{customer_id}", response_class=HTMLResponse)
async def customer_page(request: Request, customer_id: int, session: DbSession, principal: Viewer) -> HTMLResponse:
    customer = await service.get_customer(session, customer_id)
    policies = [await service.policy_out(session, p) for p in await service.policies_of_customer(session, customer_id)]
    return render(
        request,
        "policy/customer.html",
        {
            "customer": service.customer_out(customer),
            "policies": policies,
            "can_reveal": principal.can(Permission.REVEAL_PII),
        },
    )


@router.post("/{customer_id}/reveal", response_class=HTMLResponse)
async def reveal_fragment(
    customer_id: int,
    session: DbSession,
    principal: Revealer,
    field: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        value = await service.reveal_customer_field(session, customer_id, field, actor=principal.actor, reason=reason)
    except ZhihuiError as exc:
        return HTMLResponse(f'<span class="error" data-code="{exc.code}">{exc.detail}</span>')

    shown = f'<span class="revealed" data-field="{escape(field)}">{escape(value)}</span>'
    return HTMLResponse(shown + ' <span class="muted">（已记录查看日志）</span>')
