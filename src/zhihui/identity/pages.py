"""Pages of face verification: the customer's H5 capture page and the staff page to enrol reference photos."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from zhihui.identity import verification as service
from zhihui.identity.api import Runtime, read_photo
from zhihui.identity.liveness import INSTRUCTIONS
from zhihui.identity.schemas import PURPOSE_LABELS, Outcome
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.web import Area, CustomerPrincipal, DbSession, get_database, register_area, render, require

router = APIRouter(include_in_schema=False)
Enroller = Annotated[Principal, Depends(require(Permission.ENROL_IDENTITY))]

register_area(
    Area(
        "identity",
        "人脸底库",
        "/staff/identity/references",
        "登记客户证件照片，用于刷脸核身的人脸比对",
        Permission.ENROL_IDENTITY,
    )
)


@router.get("/h5/identity/{session_id}", response_class=HTMLResponse)
async def verify_page(
    request: Request, session_id: str, session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> HTMLResponse:
    try:
        verification = await service.verification_for_customer(session, session_id, customer_id=principal.id)
    except ZhihuiError as exc:
        await service.audit_refusal(
            get_database(request).sessionmaker,
            actor=principal.actor,
            action="identity.verification.page",
            session_id=session_id,
            error=exc,
        )
        raise
    state = await service.session_out(session, verification, settings=runtime.settings)
    consent = await service.consent_for(
        session, customer_id=principal.id, purpose=state.purpose, settings=runtime.settings
    )
    return render(
        request,
        "identity/h5_verify.html",
        {
            "state": state,
            "consent": consent,
            "purpose_label": PURPOSE_LABELS.get(state.purpose, "身份验证"),
            "closed": state.status != Outcome.PENDING,
            "instructions": {a.value: text for a, text in INSTRUCTIONS.items()},
        },
    )


@router.get("/staff/identity/references", response_class=HTMLResponse)
async def references_page(request: Request, session: DbSession, principal: Enroller) -> HTMLResponse:
    references = await service.list_references(session, actor=principal.actor)
    return render(request, "identity/references.html", {"references": references})


@router.post("/staff/identity/references", response_class=HTMLResponse)
async def enrol_submit(
    request: Request,
    session: DbSession,
    principal: Enroller,
    runtime: Runtime,
    name: Annotated[str, Form(max_length=64)],
    id_number: Annotated[str, Form(max_length=18)],
    photo: Annotated[UploadFile, File()],
) -> HTMLResponse:
    context: dict[str, object] = {}
    status = 200
    try:
        data = await read_photo(photo, runtime.settings.max_image_bytes)
        ref = await service.enrol_reference(
            session, name=name, id_number=id_number, photo=data, actor=principal.actor, settings=runtime.settings
        )
        context["enrolled"] = service.reference_out(ref)
    except ZhihuiError as exc:
        context.update(error=exc.detail, error_code=exc.code, name=name, id_number=id_number)
        status = exc.status
    context["references"] = await service.list_references(session, actor=principal.actor)
    return render(request, "identity/references.html", context, status=status)
