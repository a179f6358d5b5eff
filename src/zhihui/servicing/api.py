"""Servicing API under /api/v1/servicing: items, share links, link verification, face step, submission,
review and endorsement download. Thin: parse, authorize, call one service function.

Refusals of the customer-facing steps (open, verify, submit) and of reviews are audited in their own
transaction, after the request's transaction is rolled back (:func:`refused`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.identity.api import Runtime, SignedIn
from zhihui.platform.actor import Actor
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.web import AppSettings, CustomerPrincipal, DbSession, OptionalPrincipal, get_database, require
from zhihui.risk.service import device_hash
from zhihui.servicing import service
from zhihui.servicing.schemas import (
    AgentPolicyOut,
    ApplicationForm,
    ApplicationOut,
    FaceOut,
    ItemOut,
    LinkCreate,
    LinkOut,
    LinkPreviewOut,
    LinkToken,
    LinkVerify,
    PhoneCodeIn,
    ReviewIn,
    ShareStatsOut,
    SubmitIn,
    VerifiedOut,
)

router = APIRouter(prefix="/api/v1/servicing", tags=["servicing"])
Agent = Annotated[Principal, Depends(require(Permission.SHARE_SERVICING_LINKS))]
Reviewer = Annotated[Principal, Depends(require(Permission.REVIEW_APPLICATIONS))]
#: Header a gateway / CDN sets with the client's province from IP geolocation (see docs/servicing.md).
REGION_HEADER = "x-client-region"
DEVICE_COOKIE = "zhihui_device"


def _actor(principal: Principal | None) -> Actor:
    return principal.actor if principal is not None else Actor(kind="customer")


async def refused(
    request: Request,
    session: AsyncSession,
    principal: Principal | None,
    action: str,
    subject: str | int | None,
    exc: ZhihuiError,
) -> None:
    """Undo what the service wrote before it refused, then audit the refusal in its own transaction.

    A refused request changes nothing: an approval refused after claiming the policy version must not leave the
    version bumped (a page that re-renders the form would otherwise commit it), and on SQLite the request's
    open write transaction would lock out the audit row's. Writes that must survive a refusal (a wrong SMS code
    counting towards the lockout) are committed by the service before it raises."""
    await session.rollback()
    await service.audit_refusal(
        get_database(request).sessionmaker, actor=_actor(principal), action=action, subject_id=subject, error=exc
    )


def client_device(request: Request, device_id: str | None = None) -> str | None:
    return device_hash(device_id or request.cookies.get(DEVICE_COOKIE), request.headers.get("user-agent"))


@router.get("/items", response_model=list[ItemOut], summary="The ten servicing items, who may apply, their forms")
async def items(settings: AppSettings) -> list[ItemOut]:
    return service.list_items(settings)


# --- agent -------------------------------------------------------------------------------------------------


@router.get("/agent/policies", response_model=list[AgentPolicyOut], summary="The agent's customers' policies")
async def agent_policies(session: DbSession, principal: Agent) -> list[AgentPolicyOut]:
    return await service.agent_policies(session, agent_id=principal.id)


@router.post("/links", response_model=LinkOut, status_code=201, summary="Create a share link (and QR code)")
async def create_link(body: LinkCreate, session: DbSession, settings: AppSettings, principal: Agent) -> LinkOut:
    return await service.create_link(
        session,
        settings,
        policy_no=body.policy_no,
        item_code=body.item,
        applicant_role=body.applicant,
        actor=principal.actor,
    )


@router.get(
    "/links/{link_id}/qr.png",
    summary="QR code of a share link (PNG)",
    responses={200: {"content": {"image/png": {}}}},
    response_class=Response,
)
async def link_qr(
    link_id: int, session: DbSession, settings: AppSettings, principal: Agent, token: Annotated[str, Query()]
) -> Response:
    link = await service.link_for_agent(session, link_id, agent_id=principal.id)
    service.check_token_matches(settings, token, link)
    return Response(service.qr_png(service.link_url(settings, token)), media_type="image/png")


@router.get("/agent/stats", response_model=ShareStatsOut, summary="Links shared today (mine and everyone's)")
async def agent_stats(session: DbSession, principal: Agent) -> ShareStatsOut:
    return await service.share_stats(session, agent_id=principal.id)


@router.get("/agent/applications", response_model=list[ApplicationOut], summary="Applications from my links")
async def agent_applications(session: DbSession, principal: Agent) -> list[ApplicationOut]:
    return await service.applications_of_agent(session, principal.id)


# --- customer: link --------------------------------------------------------------------------------------


@router.post("/links/open", response_model=LinkPreviewOut, summary="Open a share link: what it is for (masked)")
async def open_link(
    request: Request, body: LinkToken, session: DbSession, settings: AppSettings, principal: OptionalPrincipal
) -> LinkPreviewOut:
    try:
        return await service.open_link(session, settings, body.token, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.open", None, exc)
        raise


@router.post("/links/code", status_code=204, summary="Send the SMS code to the phone on file")
async def link_code(
    request: Request, body: LinkToken, session: DbSession, settings: AppSettings, principal: OptionalPrincipal
) -> Response:
    try:
        await service.send_link_code(session, settings, body.token, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.code", None, exc)
        raise
    return Response(status_code=204)


@router.post("/links/verify", response_model=VerifiedOut, summary="Verify the SMS code; consumes the link")
async def verify_link(
    request: Request, body: LinkVerify, session: DbSession, settings: AppSettings, principal: OptionalPrincipal
) -> VerifiedOut:
    try:
        application, token = await service.verify_link(session, settings, body.token, body.code, principal=principal)
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.link.verify", None, exc)
        raise
    return VerifiedOut(
        application_id=application.public_id,
        access_token=token,
        next_url=f"/h5/servicing/{application.public_id}",
    )


# --- customer: application -----------------------------------------------------------------------------------


@router.get("/applications", response_model=list[ApplicationOut], summary="My applications and their status")
async def my_applications(session: DbSession, principal: CustomerPrincipal) -> list[ApplicationOut]:
    return await service.applications_of_customer(session, principal.id)


@router.get("/applications/{application_id}/form", response_model=ApplicationForm, summary="The prefilled form")
async def application_form(
    application_id: str, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> ApplicationForm:
    return await service.application_form(session, settings, application_id, principal=principal)


@router.get("/applications/{application_id}", response_model=ApplicationOut, summary="An application's status")
async def get_application(application_id: str, session: DbSession, principal: SignedIn) -> ApplicationOut:
    application = await service.get_application(session, application_id, principal=principal)
    staff = principal.can(Permission.REVIEW_APPLICATIONS)
    return await service.application_out(session, application, staff=staff)


@router.post("/applications/{application_id}/face", response_model=FaceOut, summary="Start face verification")
async def start_face(
    application_id: str, session: DbSession, principal: CustomerPrincipal, runtime: Runtime
) -> FaceOut:
    session_id, path, status = await service.start_face(session, application_id, principal=principal, runtime=runtime)
    return FaceOut(session_id=session_id, h5_path=path, status=status)


@router.post("/applications/{application_id}/phone-code", status_code=204, summary="Send a code to the new phone")
async def phone_code(
    application_id: str, body: PhoneCodeIn, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> Response:
    await service.send_new_phone_code(session, settings, application_id, body.phone, principal=principal)
    return Response(status_code=204)


@router.post("/applications/{application_id}/consent-code", status_code=204, summary="Send the insured a code")
async def consent_code(
    application_id: str, session: DbSession, settings: AppSettings, principal: CustomerPrincipal
) -> Response:
    await service.send_consent_code(session, settings, application_id, principal=principal)
    return Response(status_code=204)


@router.post("/applications/{application_id}/submit", response_model=ApplicationOut, summary="Sign and submit")
async def submit(
    request: Request,
    application_id: str,
    body: SubmitIn,
    session: DbSession,
    settings: AppSettings,
    principal: CustomerPrincipal,
) -> ApplicationOut:
    try:
        application = await service.submit_application(
            session,
            settings,
            application_id,
            form=body.form,
            signature=body.signature,
            principal=principal,
            device_hash=client_device(request, body.device_id),
            region=body.region or request.headers.get(REGION_HEADER),
            note=body.note,
        )
    except ZhihuiError as exc:
        await refused(request, session, principal, "servicing.application.submit", application_id, exc)
        raise
    return await service.application_out(session, application)


@router.get(
    "/applications/{application_id}/endorsement.pdf",
    summary="Download the endorsement (批单) PDF",
    responses={200: {"content": {"application/pdf": {}}}},
    response_class=Response,
)
async def endorsement(application_id: str, session: DbSession, principal: SignedIn) -> Response:
    name, pdf = await service.endorsement(session, application_id, principal=principal)
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


# --- reviewer ----------------------------------------------------------------------------------------------


@router.get("/review/queue", response_model=list[ApplicationOut], summary="Applications waiting for review")
async def queue(session: DbSession, principal: Reviewer) -> list[ApplicationOut]:
    return await service.review_queue(session)


@router.post("/applications/{application_id}/review", response_model=ApplicationOut, summary="Approve/reject/ask more")
async def review(
    request: Request,
    application_id: str,
    body: ReviewIn,
    session: DbSession,
    settings: AppSettings,
    principal: Reviewer,
) -> ApplicationOut:
    try:
        application = await service.review_application(
            session, settings, application_id, decision=body.decision, reason=body.reason, actor=principal.actor
        )
    except ZhihuiError as exc:
        await refused(request, session, principal, f"servicing.application.{body.decision}", application_id, exc)
        raise
    return await service.application_out(session, application, staff=True)


@router.get(
    "/applications/{application_id}/signature.png",
    summary="The customer's drawn signature (reviewers; audited)",
    responses={200: {"content": {"image/png": {}}}},
    response_class=Response,
)
async def signature(application_id: str, session: DbSession, principal: Reviewer) -> Response:
    return Response(await service.signature_png(session, application_id, actor=principal.actor), media_type="image/png")


@router.get(
    "/applications/{application_id}/specimen.png",
    summary="The applicant's signature specimen on file (reviewers; audited)",
    responses={200: {"content": {"image/png": {}}}},
    response_class=Response,
)
async def specimen(application_id: str, session: DbSession, principal: Reviewer) -> Response:
    return Response(await service.specimen_png(session, application_id, actor=principal.actor), media_type="image/png")
