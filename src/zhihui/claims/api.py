"""Claim-report API under /api/v1/claims.

The reporter's endpoints (dialogs, extract) need no login: phone reporters are anonymous, and the dialog id
is an unguessable token. The work-order endpoints are for checkers (``verify_claims``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from zhihui.claims import service
from zhihui.claims.schemas import (
    CorrectionIn,
    DialogCreate,
    DialogDetail,
    DialogOut,
    ExtractIn,
    ExtractOut,
    MetricsOut,
    TurnIn,
    WorkOrderOut,
    WorkOrderSummary,
)
from zhihui.platform.actor import Actor
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.web import DbSession, OptionalPrincipal, require

router = APIRouter(prefix="/api/v1/claims", tags=["claims"])
Checker = Annotated[Principal, Depends(require(Permission.VERIFY_CLAIMS))]
DialogId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ReportNo = Annotated[str, Path(min_length=4, max_length=24, pattern=r"^[A-Z0-9]+$")]


def _reporter(principal: Principal | None) -> tuple[Actor, int | None]:
    if principal is not None and principal.kind == "customer":
        return principal.actor, principal.id
    return service.REPORTER, None


@router.post("/dialogs", response_model=DialogOut, status_code=201, summary="Open a claim-report dialog")
async def create_dialog(
    session: DbSession, principal: OptionalPrincipal, body: DialogCreate | None = None
) -> DialogOut:
    actor, customer_id = _reporter(principal)
    return await service.start_dialog(session, body or DialogCreate(), actor=actor, customer_id=customer_id)


@router.post("/dialogs/{dialog_id}/turns", response_model=DialogOut, summary="Say one thing to the dialog")
async def post_turn(dialog_id: DialogId, body: TurnIn, session: DbSession, principal: OptionalPrincipal) -> DialogOut:
    actor, _ = _reporter(principal)
    return await service.take_dialog_turn(session, dialog_id, body.text, actor=actor)


@router.get("/dialogs/{dialog_id}", response_model=DialogDetail, summary="The dialog as it stands (resume)")
async def get_dialog(dialog_id: DialogId, session: DbSession) -> DialogDetail:
    return await service.get_dialog(session, dialog_id)


@router.post("/extract", response_model=ExtractOut, summary="Slots stated in one utterance")
async def extract(body: ExtractIn) -> ExtractOut:
    return service.extract(body.text, body.ref_date)


@router.get("/work-orders", response_model=list[WorkOrderSummary], summary="Checkers' queue")
async def list_work_orders(
    session: DbSession,
    principal: Checker,
    status: Annotated[str | None, Query(pattern=r"^(pending_verification|verified|corrected|closed)$")] = None,
) -> list[WorkOrderSummary]:
    return await service.list_work_orders(session, status=status)


@router.get("/work-orders/{report_no}", response_model=WorkOrderOut)
async def get_work_order(report_no: ReportNo, session: DbSession, principal: Checker) -> WorkOrderOut:
    return await service.get_work_order(session, report_no, actor=principal.actor)


@router.post("/work-orders/{report_no}/corrections", response_model=WorkOrderOut, summary="Correct one slot")
async def correct_slot(report_no: ReportNo, body: CorrectionIn, session: DbSession, principal: Checker) -> WorkOrderOut:
    return await service.correct_slot(
        session, report_no, body.slot, body.value, actor=principal.actor, reason=body.reason
    )


@router.post("/work-orders/{report_no}/verify", response_model=WorkOrderOut)
async def verify(report_no: ReportNo, session: DbSession, principal: Checker) -> WorkOrderOut:
    return await service.verify_work_order(session, report_no, actor=principal.actor)


@router.post("/work-orders/{report_no}/close", response_model=WorkOrderOut)
async def close(report_no: ReportNo, session: DbSession, principal: Checker) -> WorkOrderOut:
    return await service.close_work_order(session, report_no, actor=principal.actor)


@router.get("/metrics", response_model=MetricsOut, summary="Accuracy from verified work orders")
async def metrics(session: DbSession, principal: Checker) -> MetricsOut:
    return await service.accuracy_metrics(session)
