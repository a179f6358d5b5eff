"""Pages of claim reporting: the reporter's H5 chat (no login) and the checkers' workbench."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from zhihui.claims import dialog as dlg
from zhihui.claims import service
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.web import Area, DbSession, register_area, render, require

router = APIRouter(include_in_schema=False)
Checker = Annotated[Principal, Depends(require(Permission.VERIFY_CLAIMS))]

register_area(
    Area("claims", "报案核实", "/staff/claims", "智能报案工单的核实、更正与识别准确率", Permission.VERIFY_CLAIMS)
)

SLOT_FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "accident_place": ("province", "city", "district"),
    "diagnosis": ("term", "icd10"),
    "treatment": ("hospital", "status"),
}


@router.get("/h5/claims/report", response_class=HTMLResponse)
async def report_page(request: Request) -> HTMLResponse:
    return render(request, "claims/report.html", {"opening": dlg.OPENING})


@router.get("/staff/claims", response_class=HTMLResponse)
async def queue_page(request: Request, session: DbSession, principal: Checker, status: str = "") -> HTMLResponse:
    status = status if status in service.STATUS_LABELS else ""
    orders = await service.list_work_orders(session, status=status or None)
    return render(
        request,
        "claims/queue.html",
        {"orders": orders, "status": status, "status_labels": service.STATUS_LABELS},
    )


@router.get("/staff/claims/metrics", response_class=HTMLResponse)
async def metrics_page(request: Request, session: DbSession, principal: Checker) -> HTMLResponse:
    return render(request, "claims/metrics.html", {"m": await service.accuracy_metrics(session)})


async def _detail(
    request: Request, session: DbSession, principal: Principal, report_no: str, error: ZhihuiError | None = None
) -> HTMLResponse:
    order = await service.get_work_order(session, report_no, actor=principal.actor)
    return render(
        request,
        "claims/work_order.html",
        {
            "o": order,
            "labels": dlg.SLOT_LABELS,
            "slots_order": dlg.ASK_ORDER,
            "relation_words": dlg.RELATION_WORDS,
            "status_words": dlg.STATUS_WORDS,
            "cause_words": dlg.CAUSE_WORDS,
            "status_labels": service.STATUS_LABELS,
            "error": error,
        },
        status=422 if error else 200,
    )


@router.get("/staff/claims/{report_no}", response_class=HTMLResponse)
async def work_order_page(request: Request, report_no: str, session: DbSession, principal: Checker) -> HTMLResponse:
    return await _detail(request, session, principal, report_no)


def _form_value(slot: str, form: dict[str, Any]) -> Any:
    fields = SLOT_FORM_FIELDS.get(slot)
    if fields is None:
        return str(form.get("value", "")).strip() or None
    value = {f: (str(form.get(f, "")).strip() or None) for f in fields}
    return value if any(value.values()) else None


@router.post("/staff/claims/{report_no}/corrections", response_class=HTMLResponse)
async def correct(request: Request, report_no: str, session: DbSession, principal: Checker) -> Response:
    form = dict((await request.form()).items())
    slot = str(form.get("slot", ""))
    try:
        await service.correct_slot(
            session, report_no, slot, _form_value(slot, form), actor=principal.actor, reason=str(form.get("reason", ""))
        )
    except ZhihuiError as exc:
        return await _detail(request, session, principal, report_no, exc)
    return RedirectResponse(f"/staff/claims/{report_no}", status_code=303)


@router.post("/staff/claims/{report_no}/verify")
async def verify(report_no: str, session: DbSession, principal: Checker) -> Response:
    await service.verify_work_order(session, report_no, actor=principal.actor)
    return RedirectResponse(f"/staff/claims/{report_no}", status_code=303)


@router.post("/staff/claims/{report_no}/close")
async def close(report_no: str, session: DbSession, principal: Checker) -> Response:
    await service.close_work_order(session, report_no, actor=principal.actor)
    return RedirectResponse(f"/staff/claims/{report_no}", status_code=303)
