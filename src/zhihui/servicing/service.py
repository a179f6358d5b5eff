"""Servicing (慧保全): share links, applications, risk-based review, approval and endorsements.

The flow: an agent creates a signed, expiring, single-use link for one policy, item and customer
(:func:`create_link`); the customer opens it (:func:`open_link`), proves the phone on file with an SMS
code (:func:`verify_link`, which consumes the link and creates a draft application), passes face
verification for the high-risk items (:func:`start_face`), fills the prefilled form, signs, and submits
(:func:`submit_application`). Submission validates the item's rules, scores the risk, and either approves
at once or queues the application for a reviewer (:func:`review_application`). Approval applies the change
to the policy core, claims the policy version (so two conflicting approvals cannot both apply) and renders
the endorsement, all in the caller's one transaction.

Functions never commit (the request's unit of work does), with one exception documented on
:func:`verify_link` and :func:`submit_application`: a wrong SMS code must still count towards the lockout.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import io
import json
import secrets
from typing import Any

import qrcode
from PIL import Image, UnidentifiedImageError
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from zhihui.identity import service as identity_service
from zhihui.identity import verification as identity_verification
from zhihui.identity.errors import IdentityError
from zhihui.identity.schemas import Outcome as FaceOutcome
from zhihui.identity.schemas import Purpose, Subject
from zhihui.platform import audit, events, sms
from zhihui.platform.actor import Actor
from zhihui.platform.auth import Permission, Principal, open_session
from zhihui.platform.clock import SHANGHAI, now, today
from zhihui.platform.errors import Conflict, Forbidden, NotFound, PlatformError, ZhihuiError
from zhihui.platform.numbers import next_business_number
from zhihui.platform.pii import mask_name, mask_phone
from zhihui.policy import service as policy_service
from zhihui.policy.rules import STATUS_LABELS, RoleKind
from zhihui.risk import service as risk_service
from zhihui.risk.schemas import ActionFacts
from zhihui.servicing import items as catalog
from zhihui.servicing.endorsement import EndorsementData, render_endorsement
from zhihui.servicing.errors import ServicingError
from zhihui.servicing.models import Application, ShareLink
from zhihui.servicing.schemas import (
    AgentPolicyOut,
    ApplicationForm,
    ApplicationOut,
    ChoiceOut,
    FieldOut,
    ItemOut,
    LineOut,
    LinkOut,
    LinkPreviewOut,
    ShareStatsOut,
)
from zhihui.servicing.signature import NoInk, signature_similarity
from zhihui.settings import Settings

LINK_PURPOSE = "servicing"
OTP_LINK = "svc_link"
#: Items whose change is to a customer record, not to the policy: they do not claim the policy version.
CUSTOMER_LEVEL_ITEMS = frozenset({"customer_auth", "info_change"})
EDITABLE = frozenset({"draft", "more_info"})
NOTE_MAX_CHARS = 500
STATUS_LABELS_APP = {
    "draft": "待提交",
    "pending_review": "审核中",
    "more_info": "待补充资料",
    "approved": "已生效",
    "rejected": "未通过",
}
MAX_SIGNATURE_BYTES = 400_000
_OTP_CODES = frozenset({IdentityError.OTP_INVALID, IdentityError.OTP_LOCKED, IdentityError.OTP_EXPIRED})


# --- items ----------------------------------------------------------------------------------------------


def _field_out(f: catalog.FieldSpec) -> FieldOut:
    return FieldOut(
        name=f.name,
        label=f.label,
        kind=f.kind,
        required=f.required,
        choices=[ChoiceOut(value=v, label=label) for v, label in f.choices],
        help=f.help,
    )


def list_items(settings: Settings) -> list[ItemOut]:
    """The ten items with who may apply, face verification, review rule (configured thresholds) and fields."""
    return [
        ItemOut(
            code=spec.code,
            name=spec.name,
            applicants=[str(a) for a in spec.applicants],
            applicant_labels=spec.applicant_labels,
            face_required=spec.face_required,
            review_rule=spec.review_text(settings.servicing),
            fields=[_field_out(f) for f in spec.fields],
        )
        for spec in catalog.ITEMS.values()
    ]


# --- agent: policies, links, counts -------------------------------------------------------------------------


async def _names(session: AsyncSession, policy: Any) -> tuple[Any, Any]:
    holder = await policy_service.get_customer(session, policy_service.role_customer_ids(policy, "policyholder")[0])
    insured = await policy_service.get_customer(session, policy_service.role_customer_ids(policy, "insured")[0])
    return holder, insured


async def agent_policies(session: AsyncSession, *, agent_id: int, limit: int = 100) -> list[AgentPolicyOut]:
    """The agent's customers' policies, masked (the agent never sees clear ID numbers or accounts)."""
    out = []
    for policy in await policy_service.policies_of_agent(session, agent_id, limit=limit):
        holder, insured = await _names(session, policy)
        status = policy_service.status_of(policy)
        out.append(
            AgentPolicyOut(
                policy_no=policy.policy_no,
                product_name=policy.product.name,
                product_kind=policy.product.kind,
                status=status,
                status_label=STATUS_LABELS[status],
                holder_name=mask_name(holder.name),
                insured_name=mask_name(insured.name),
                holder_phone_masked=mask_phone(holder.phone),
            )
        )
    return out


def link_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url.rstrip('/')}/h5/servicing/s/{token}"


def qr_png(data: str) -> bytes:
    """A QR code PNG of ``data`` (the share link)."""
    image = qrcode.make(data, box_size=8, border=2)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


async def create_link(
    session: AsyncSession,
    settings: Settings,
    *,
    policy_no: str,
    item_code: str,
    applicant_role: str,
    actor: Actor,
) -> LinkOut:
    """A signed, expiring, single-use link for one policy, item and customer; counted as one share.

    Only the policy's own agent may share it. Raises ``not_agents_policy``, ``servicing_item_unknown``,
    ``applicant_not_allowed``, and the item's status errors (so the agent learns before the customer does).
    Audited; publishes ``servicing.link_created``."""
    spec = catalog.item(item_code)
    policy = await policy_service.policy_by_number(session, policy_no)
    if policy.agent_id is None or policy.agent_id != actor.id:
        raise Forbidden(ServicingError.NOT_AGENTS_POLICY, field="policy_no")
    _check_applicant(spec, applicant_role)
    ids = policy_service.role_customer_ids(policy, applicant_role)
    if not ids:
        raise ZhihuiError(
            ServicingError.APPLICANT_NOT_ALLOWED, field="applicant", params=_role_params(spec, applicant_role)
        )
    ctx = await build_context(session, settings, policy, customer_id=ids[0], applicant_role=applicant_role)
    problem = catalog.status_problem(spec, ctx)
    if problem is not None:
        raise problem
    subject = {"policy_no": policy.policy_no, "item": spec.code, "customer_id": ids[0], "role": applicant_role}
    token, claims = identity_service.issue_share_token(
        settings, purpose=LINK_PURPOSE, subject=subject, issued_by=actor.id
    )
    link = ShareLink(
        jti=claims.jti,
        agent_id=int(actor.id or 0),
        policy_no=policy.policy_no,
        item=spec.code,
        customer_id=ids[0],
        applicant_role=applicant_role,
        expires_at=now() + dt.timedelta(hours=settings.auth.share_link_ttl_hours),
    )
    session.add(link)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="servicing.link.create",
        subject_type="servicing_link",
        subject_id=link.id,
        detail={"policy_no": policy.policy_no, "item": spec.code},
    )
    events.record_event(session, "servicing.link_created", {"link_id": link.id, "item": spec.code})
    return LinkOut(
        link_id=link.id,
        item=spec.code,
        item_name=spec.name,
        policy_no=policy.policy_no,
        url=link_url(settings, token),
        token=token,
        qr_url=f"/api/v1/servicing/links/{link.id}/qr.png?token={token}",
        expires_at=link.expires_at,
    )


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=SHANGHAI).astimezone(dt.UTC)
    return start, start + dt.timedelta(days=1)


async def share_stats(session: AsyncSession, *, agent_id: int, day: dt.date | None = None) -> ShareStatsOut:
    """Links shared on a (Shanghai) day: by this agent and by everyone."""
    day = day or today()
    start, end = _day_bounds(day)
    base = select(func.count()).select_from(ShareLink).where(ShareLink.created_at >= start, ShareLink.created_at < end)
    mine = int(await session.scalar(base.where(ShareLink.agent_id == agent_id)) or 0)
    everyone = int(await session.scalar(base) or 0)
    return ShareStatsOut(day=day, mine=mine, all_agents=everyone)


def check_token_matches(settings: Settings, token: str, link: ShareLink) -> None:
    """The token must be the one issued for ``link`` (the token itself is not stored)."""
    claims = identity_service.read_share_token(settings, token, purpose=LINK_PURPOSE)
    if claims.jti != link.jti:
        raise ZhihuiError(IdentityError.LINK_INVALID)


async def link_for_agent(session: AsyncSession, link_id: int, *, agent_id: int) -> ShareLink:
    link = await session.get(ShareLink, link_id)
    if link is None or link.agent_id != agent_id:
        raise NotFound(PlatformError.NOT_FOUND)
    return link


# --- customer: open and verify a link -------------------------------------------------------------------------


def _check_applicant(spec: catalog.ItemSpec, role: str) -> None:
    if role not in spec.applicants:
        raise ZhihuiError(ServicingError.APPLICANT_NOT_ALLOWED, field="applicant", params=_role_params(spec, role))


def _role_params(spec: catalog.ItemSpec, role: str) -> dict[str, str]:
    label = catalog.APPLICANT_LABELS.get(RoleKind(role), role) if role in set(RoleKind) else role
    return {"role": label, "item": spec.name, "allowed": spec.applicant_labels}


async def _read_link(session: AsyncSession, settings: Settings, token: str, principal: Principal | None) -> ShareLink:
    """The link behind a token. Refuses tampered, expired, used links and other customers' links."""
    claims = identity_service.read_share_token(settings, token, purpose=LINK_PURPOSE)
    link = await session.scalar(select(ShareLink).where(ShareLink.jti == claims.jti))
    if link is None:
        raise ZhihuiError(IdentityError.LINK_INVALID)
    if link.expires_at <= now():
        raise ZhihuiError(IdentityError.LINK_EXPIRED)
    if link.used_at is not None or await identity_service.share_token_used(session, claims.jti):
        raise Conflict(IdentityError.LINK_USED)
    if principal is not None and principal.kind == "customer" and principal.id != link.customer_id:
        raise Forbidden(IdentityError.LINK_WRONG_CUSTOMER)
    return link


async def open_link(
    session: AsyncSession, settings: Settings, token: str, *, principal: Principal | None
) -> LinkPreviewOut:
    """What the link is for, masked: item, policy, and the phone the code will go to."""
    link = await _read_link(session, settings, token, principal)
    spec = catalog.item(link.item)
    policy = await policy_service.policy_by_number(session, link.policy_no)
    customer = await policy_service.get_customer(session, link.customer_id)
    if link.opened_at is None:
        link.opened_at = now()
    return LinkPreviewOut(
        item=spec.code,
        item_name=spec.name,
        policy_no=policy.policy_no,
        product_name=policy.product.name,
        applicant_label=catalog.APPLICANT_LABELS[RoleKind(link.applicant_role)],
        customer_name=mask_name(customer.name),
        phone_masked=mask_phone(customer.phone),
        face_required=spec.face_required,
        expires_at=link.expires_at,
    )


async def send_link_code(session: AsyncSession, settings: Settings, token: str, *, principal: Principal | None) -> None:
    """Send the SMS code to the phone on file of the customer the link is for."""
    link = await _read_link(session, settings, token, principal)
    customer = await policy_service.get_customer(session, link.customer_id)
    await identity_service.send_otp(session, phone=customer.phone, purpose=OTP_LINK, settings=settings)


async def verify_link(
    session: AsyncSession, settings: Settings, token: str, code: str, *, principal: Principal | None
) -> tuple[Application, str]:
    """Check the SMS code, consume the link and open a draft application; returns it and a customer token.

    A wrong code is committed before re-raising (it counts towards the phone's lockout even though the
    request fails), as ``identity.service.sign_in_customer`` does. Raises ``link_invalid``, ``link_expired``,
    ``link_used``, ``link_wrong_customer``, ``otp_invalid``/``otp_expired``/``otp_locked``. Audited."""
    link = await _read_link(session, settings, token, principal)
    customer = await policy_service.get_customer(session, link.customer_id)
    try:
        await identity_service.check_otp(session, phone=customer.phone, purpose=OTP_LINK, code=code, settings=settings)
    except ZhihuiError:
        await session.commit()
        raise
    claims = identity_service.read_share_token(settings, token, purpose=LINK_PURPOSE)
    await identity_service.consume_share_token(session, claims, used_by=f"customer:{customer.id}")
    link.used_at = now()
    spec = catalog.item(link.item)
    application = Application(
        public_id=secrets.token_urlsafe(16),
        item=spec.code,
        policy_no=link.policy_no,
        customer_id=customer.id,
        applicant_role=link.applicant_role,
        agent_id=link.agent_id,
        link_id=link.id,
        status="draft",
        sms_verified_at=now(),
        face_required=spec.face_required,
        summary={},
        review_reasons=[],
    )
    session.add(application)
    await session.flush()
    actor = Actor(kind="customer", id=customer.id)
    token_out = await open_session(
        session, subject_kind="customer", subject_id=customer.id, role=None, ttl_hours=settings.auth.session_ttl_hours
    )
    audit.record(
        session,
        actor=actor,
        action="servicing.link.verify",
        subject_type="servicing_application",
        subject_id=application.public_id,
        detail={"link_id": link.id, "item": spec.code},
    )
    events.record_event(session, "servicing.application_opened", {"application_id": application.public_id})
    return application, token_out


# --- applications: access, context, views -------------------------------------------------------------------


async def _load(session: AsyncSession, public_id: str) -> Application:
    application = await session.scalar(select(Application).where(Application.public_id == public_id))
    if application is None:
        raise NotFound(ServicingError.APPLICATION_NOT_FOUND)
    return application


async def get_application(session: AsyncSession, public_id: str, *, principal: Principal) -> Application:
    """The application if ``principal`` may see it: its customer, a reviewer, or the agent whose link it came
    from (who only ever gets masked views). Others get ``application_not_found`` (no existence oracle)."""
    application = await _load(session, public_id)
    if principal.kind == "customer" and application.customer_id == principal.id:
        return application
    if principal.kind == "staff" and principal.can(Permission.REVIEW_APPLICATIONS):
        return application
    if (
        principal.kind == "staff"
        and principal.can(Permission.SHARE_SERVICING_LINKS)
        and application.agent_id == principal.id
    ):
        return application
    raise NotFound(ServicingError.APPLICATION_NOT_FOUND)


async def _owned(session: AsyncSession, public_id: str, principal: Principal) -> Application:
    application = await _load(session, public_id)
    if principal.kind != "customer" or application.customer_id != principal.id:
        raise NotFound(ServicingError.APPLICATION_NOT_FOUND)
    return application


async def build_context(
    session: AsyncSession, settings: Settings, policy: Any, *, customer_id: int, applicant_role: str
) -> catalog.ItemContext:
    """Load what the item rules read, once."""
    holder, insured = await _names(session, policy)
    applicant = await policy_service.get_customer(session, customer_id)
    account = await policy_service.universal_account(session, policy.id)
    on = today()
    unpaid = await policy_service.unpaid_installments(session, policy.id, up_to=on)
    debit = await policy_service.debit_in_flight(session, policy.id)
    return catalog.ItemContext(
        session=session,
        settings=settings,
        today=on,
        policy=policy,
        status=policy_service.status_of(policy, on),
        applicant=applicant,
        applicant_role=applicant_role,
        holder=holder,
        insured=insured,
        account_balance_fen=account.balance_fen if account is not None else None,
        unpaid=[(row.due_date, row.amount_fen) for row in unpaid],
        debit_in_flight=debit is not None,
    )


async def _context_of(session: AsyncSession, settings: Settings, application: Application) -> catalog.ItemContext:
    policy = await policy_service.policy_by_number(session, application.policy_no)
    return await build_context(
        session, settings, policy, customer_id=application.customer_id, applicant_role=application.applicant_role
    )


def customer_note(application: Application) -> str | None:
    """The note the customer sent with the last submission (kept encrypted with the form)."""
    note = json.loads(application.form_data or "{}").get("note")
    return str(note) if note else None


async def application_out(session: AsyncSession, application: Application, *, staff: bool = False) -> ApplicationOut:
    spec = catalog.item(application.item)
    policy = await policy_service.policy_by_number(session, application.policy_no)
    customer = await policy_service.get_customer(session, application.customer_id)
    summary = application.summary or {}
    holder_ids = policy_service.role_customer_ids(policy, "policyholder")
    insured_ids = policy_service.role_customer_ids(policy, "insured")
    consent_needed = (
        application.applicant_role == RoleKind.POLICYHOLDER
        and bool(holder_ids and insured_ids)
        and holder_ids[0] != insured_ids[0]
    )
    return ApplicationOut(
        application_id=application.public_id,
        application_no=application.application_no,
        item=spec.code,
        item_name=spec.name,
        policy_no=policy.policy_no,
        product_name=policy.product.name,
        applicant_label=catalog.APPLICANT_LABELS[RoleKind(application.applicant_role)],
        customer_name=mask_name(customer.name),
        status=application.status,
        status_label=STATUS_LABELS_APP.get(application.status, application.status),
        face_required=application.face_required,
        face_passed=application.face_passed_at is not None,
        face_session_id=application.face_session_id,
        consent_needed=consent_needed,
        lines=[LineOut(what=w, before=b, after=a) for w, b, a in summary.get("lines", [])],
        computed=dict(summary.get("computed", {})),
        risk_score=application.risk_score if staff else None,
        review_reasons=list(application.review_reasons or []) if staff else [],
        decision_reason=application.decision_reason,
        customer_note=customer_note(application),
        auto_decided=application.auto_decided,
        endorsement_url=(
            f"/api/v1/servicing/applications/{application.public_id}/endorsement.pdf"
            if application.status == "approved"
            else None
        ),
        signature_similarity=application.signature_similarity if staff else None,
        specimen_at=customer.signature_specimen_at if staff else None,
        created_at=application.created_at,
        submitted_at=application.submitted_at,
        decided_at=application.decided_at,
    )


async def application_form(
    session: AsyncSession, settings: Settings, public_id: str, *, principal: Principal
) -> ApplicationForm:
    """The customer's form: fields, current values (prefill, or what was submitted), and the item's facts."""
    application = await _owned(session, public_id, principal)
    await refresh_face(session, application)
    spec = catalog.item(application.item)
    ctx = await _context_of(session, settings, application)
    out = await application_out(session, application)
    out.facts = [LineOut(what=w, before="", after=v) for w, v in spec.facts(ctx)]
    values: dict[str, Any] = {k: v for k, v in spec.prefill(ctx).items() if v is not None}
    if application.form_data:
        submitted = json.loads(application.form_data).get("form", {})
        values.update({k: v for k, v in submitted.items() if k not in ("phone_code", "consent_code")})
    return ApplicationForm(application=out, fields=[_field_out(f) for f in spec.fields], values=values)


async def applications_of_customer(session: AsyncSession, customer_id: int) -> list[ApplicationOut]:
    stmt = select(Application).where(Application.customer_id == customer_id).order_by(Application.id.desc())
    return [await application_out(session, a) for a in (await session.scalars(stmt.limit(100))).all()]


async def applications_of_agent(session: AsyncSession, agent_id: int) -> list[ApplicationOut]:
    """Applications that came from the agent's links (masked; no risk details)."""
    stmt = select(Application).where(Application.agent_id == agent_id).order_by(Application.id.desc())
    return [await application_out(session, a) for a in (await session.scalars(stmt.limit(200))).all()]


async def review_queue(session: AsyncSession, *, limit: int = 200) -> list[ApplicationOut]:
    stmt = select(Application).where(Application.status == "pending_review").order_by(Application.submitted_at)
    return [await application_out(session, a, staff=True) for a in (await session.scalars(stmt.limit(limit))).all()]


# --- face verification, codes ----------------------------------------------------------------------------------


async def refresh_face(session: AsyncSession, application: Application) -> str | None:
    """Read the face verification outcome into the application; returns the outcome (or None)."""
    if not application.face_session_id:
        return None
    result = await identity_verification.verification_outcome(
        session, application.face_session_id, customer_id=application.customer_id, purpose=Purpose.SERVICING
    )
    if result.passed and application.face_passed_at is None:
        application.face_passed_at = result.completed_at or now()
    return str(result.outcome)


async def start_face(
    session: AsyncSession, public_id: str, *, principal: Principal, runtime: identity_verification.IdentityRuntime
) -> tuple[str, str, str]:
    """Open (or reuse) the face verification session of an application; returns (id, h5 path, status)."""
    application = await _owned(session, public_id, principal)
    if not application.face_required:
        raise ZhihuiError(ServicingError.FACE_NOT_NEEDED)
    if application.status not in EDITABLE:
        raise Conflict(ServicingError.APPLICATION_NOT_EDITABLE, params={"status": _status_label(application)})
    outcome = await refresh_face(session, application)
    if application.face_session_id and outcome in (FaceOutcome.PENDING, FaceOutcome.PASSED):
        return application.face_session_id, f"/h5/identity/{application.face_session_id}", str(outcome)
    verification, _ = await identity_verification.open_verification(
        session,
        purpose=Purpose.SERVICING,
        subject=Subject(policy_no=application.policy_no),
        requester=principal,
        runtime=runtime,
    )
    application.face_session_id = verification.public_id
    return verification.public_id, f"/h5/identity/{verification.public_id}", str(verification.status)


async def send_new_phone_code(
    session: AsyncSession, settings: Settings, public_id: str, phone: str, *, principal: Principal
) -> None:
    """Send a code to the new phone of an info change (proves the new number is in the customer's hands)."""
    application = await _owned(session, public_id, principal)
    if application.item != "info_change" or application.status not in EDITABLE:
        raise Conflict(ServicingError.APPLICATION_NOT_EDITABLE, params={"status": _status_label(application)})
    await identity_service.send_otp(session, phone=phone, purpose=catalog.OTP_NEW_PHONE, settings=settings)


async def send_consent_code(session: AsyncSession, settings: Settings, public_id: str, *, principal: Principal) -> str:
    """Send the insured a code to consent to the policyholder's application; returns the masked phone."""
    application = await _owned(session, public_id, principal)
    if application.status not in EDITABLE:
        raise Conflict(ServicingError.APPLICATION_NOT_EDITABLE, params={"status": _status_label(application)})
    ctx = await _context_of(session, settings, application)
    if not ctx.consent_needed:
        raise ZhihuiError(ServicingError.CONSENT_NOT_NEEDED)
    spec = catalog.item(application.item)
    await identity_service.send_otp(session, phone=ctx.insured.phone, purpose=catalog.OTP_CONSENT, settings=settings)
    await sms.send_sms(
        session,
        phone=ctx.insured.phone,
        template="servicing_consent",
        body=f"【智慧服务】投保人正在为您作为被保险人的保单申请“{spec.name}”，如您同意，请将刚收到的验证码告知投保人。",
    )
    return mask_phone(ctx.insured.phone)


# --- submission ---------------------------------------------------------------------------------------------


def _status_label(application: Application) -> str:
    return STATUS_LABELS_APP.get(application.status, application.status)


def decode_signature(data_url: str) -> bytes:
    """The PNG of a drawn signature. Refuses empty, non-PNG, oversized or blank (all one colour) images."""
    prefix = "data:image/png;base64,"
    if not data_url:
        raise ZhihuiError(ServicingError.SIGNATURE_REQUIRED, field="signature")
    if not data_url.startswith(prefix):
        raise ZhihuiError(ServicingError.SIGNATURE_INVALID, field="signature")
    try:
        raw = base64.b64decode(data_url[len(prefix) :], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ZhihuiError(ServicingError.SIGNATURE_INVALID, field="signature") from exc
    if len(raw) > MAX_SIGNATURE_BYTES:
        raise ZhihuiError(ServicingError.SIGNATURE_INVALID, field="signature")
    try:
        with Image.open(io.BytesIO(raw)) as image:
            if image.format != "PNG" or image.width > 2000 or image.height > 1200:
                raise ZhihuiError(ServicingError.SIGNATURE_INVALID, field="signature")
            extrema = image.convert("LA").getextrema()
    except (UnidentifiedImageError, OSError) as exc:
        raise ZhihuiError(ServicingError.SIGNATURE_INVALID, field="signature") from exc
    # A canvas nobody drew on is a single colour (or fully transparent): no signature.
    (lum_lo, lum_hi), (alpha_lo, alpha_hi) = extrema  # type: ignore[misc]
    if lum_lo == lum_hi and alpha_lo == alpha_hi:
        raise ZhihuiError(ServicingError.SIGNATURE_REQUIRED, field="signature")
    return raw


SIGNATURE_DIFFERS = "签名与预留签名差异较大，请人工比对"
SIGNATURE_NOT_COMPARED = "签名无法与预留签名自动比对，请人工比对"


async def _compare_with_specimen(
    session: AsyncSession, settings: Settings, customer_id: int, png: bytes, *, actor: Actor
) -> tuple[float | None, list[str]]:
    """The drawn signature's similarity to the customer's specimen and the review reasons it gives.

    Never a refusal: a low score only sends the application to a reviewer, who sees both images side by side
    (the comparison is a coarse screen, see ``servicing.signature``). No specimen on file: no score and no
    reason; the signature becomes the specimen once the application is approved (:func:`_keep_specimen`)."""
    specimen = await policy_service.signature_specimen(
        session, customer_id, actor=actor, reason="保全申请签名与预留签名比对"
    )
    if specimen is None:
        return None, []
    threshold = settings.servicing.signature_min_similarity
    try:
        # a few milliseconds of numpy/scipy on small images: off the event loop all the same
        similarity = await asyncio.to_thread(signature_similarity, specimen, png)
    except NoInk:
        return None, [SIGNATURE_NOT_COMPARED]
    if similarity < threshold:
        return similarity, [f"{SIGNATURE_DIFFERS}（相似度{similarity:.2f}，低于{threshold:.2f}）"]
    return similarity, []


async def submit_application(
    session: AsyncSession,
    settings: Settings,
    public_id: str,
    *,
    form: dict[str, Any],
    signature: str,
    principal: Principal,
    device_hash: str | None = None,
    region: str | None = None,
    note: str | None = None,
) -> Application:
    """Validate, sign, score and decide an application: approved at once when the item's review rule, the risk
    score and the signature comparison allow, else queued for a reviewer. SMS to the customer either way.
    A signature unlike the applicant's specimen on file only adds a review reason (:func:`_compare_with_specimen`).

    Raises the item's coded errors (nothing is written then), ``face_verification_required``,
    ``signature_required``/``signature_invalid``, ``application_not_editable``. A wrong SMS code is committed
    before re-raising so it counts towards the lockout (nothing else has been written at that point)."""
    application = await _owned(session, public_id, principal)
    if application.status not in EDITABLE:
        raise Conflict(ServicingError.APPLICATION_NOT_EDITABLE, params={"status": _status_label(application)})
    spec = catalog.item(application.item)
    ctx = await _context_of(session, settings, application)
    problem = catalog.status_problem(spec, ctx)
    if problem is not None:
        raise problem
    if spec.face_required:
        outcome = await refresh_face(session, application)
        if application.face_passed_at is None:
            failed = outcome in (FaceOutcome.FAILED, FaceOutcome.FALLBACK_TO_HUMAN)
            raise Forbidden(ServicingError.FACE_FAILED if failed else ServicingError.FACE_REQUIRED)
    png = decode_signature(signature)
    parsed = catalog.parse_form(spec, form)
    try:
        result = await spec.validate(parsed, ctx)
    except ZhihuiError as exc:
        if exc.code in _OTP_CODES:
            await session.commit()
        raise

    actor = principal.actor
    similarity, signature_reasons = await _compare_with_specimen(session, settings, ctx.applicant.id, png, actor=actor)
    if application.application_no is None:
        application.application_no = await next_business_number(session, "BQ")
    clean_form = {k: v for k, v in parsed.model_dump(mode="json").items() if k not in ("phone_code", "consent_code")}
    note = (note or "").strip()[:NOTE_MAX_CHARS] or None
    application.form_data = json.dumps(
        {"form": clean_form, "changes": result.changes, "note": note}, ensure_ascii=False
    )
    application.summary = {"lines": [list(line) for line in result.lines], "computed": result.computed}
    application.amount_fen = result.amount_fen
    application.benefit_period = result.benefit_period
    application.base_version = ctx.policy.version
    application.signature_png = png
    application.signed_at = now()
    application.signature_similarity = similarity
    application.device_hash = device_hash
    application.region = region
    application.submitted_at = now()
    application.decision_reason = None

    risk = await risk_service.assess(
        session,
        ActionFacts(
            action=spec.code,
            subject_id=application.public_id,
            customer_id=application.customer_id,
            policy_no=application.policy_no,
            policy_issue_date=ctx.policy.issue_date,
            device_hash=device_hash,
            region=region,
            home_province=ctx.applicant.province,
            amount_fen=result.amount_fen,
            limit_fen=result.limit_fen,
            flags=result.flags,
        ),
    )
    application.risk_score = risk.score
    reasons = (
        list(result.manual)
        + signature_reasons
        + ([] if risk.low else [f"风险分{risk.score}：{r}" for r in risk.reasons])
    )
    application.review_reasons = reasons
    audit.record(
        session,
        actor=actor,
        action="servicing.application.submit",
        subject_type="servicing_application",
        subject_id=application.public_id,
        detail={"item": spec.code, "application_no": application.application_no, "risk_score": risk.score},
    )
    events.record_event(
        session,
        "servicing.application_submitted",
        {"application_id": application.public_id, "item": spec.code, "risk_score": risk.score},
    )
    await _notify(session, ctx.applicant.phone, application, spec, "submitted")
    if reasons:
        application.status = "pending_review"
    else:
        await _approve(session, settings, application, ctx, result.changes, actor=actor, auto=True)
    return application


# --- review and approval --------------------------------------------------------------------------------------


async def _approve(
    session: AsyncSession,
    settings: Settings,
    application: Application,
    ctx: catalog.ItemContext,
    changes: dict[str, Any],
    *,
    actor: Actor,
    auto: bool,
) -> None:
    """Apply the change, claim the policy version, keep the signature as the specimen where due
    (:func:`_keep_specimen`), render the endorsement; the caller's one transaction."""
    spec = catalog.item(application.item)
    reference = application.application_no or ""
    if spec.code not in CUSTOMER_LEVEL_ITEMS:
        if application.base_version is not None and ctx.policy.version != application.base_version:
            raise Conflict(ServicingError.APPLICATION_STALE)
        await policy_service.claim_policy_version(
            session, ctx.policy, expected_version=application.base_version or ctx.policy.version
        )
        # A debit may have been sent to the bank since the context was read; submit_debit locks the policy row,
        # so after our claim (an UPDATE of that row) this read sees any debit that got in first.
        if spec.blocked_while_debit and await policy_service.debit_in_flight(session, ctx.policy.id) is not None:
            raise ZhihuiError(ServicingError.DEBIT_IN_FLIGHT)
    await spec.apply(ctx, changes, actor, reference)
    await _keep_specimen(session, application, ctx, actor=actor)
    await session.flush()
    application.status = "approved"
    application.auto_decided = auto
    application.decided_at = now()
    application.endorsement_pdf = render_endorsement(
        EndorsementData(
            number=reference,
            policy_no=application.policy_no,
            product_name=ctx.policy.product.name,
            item_name=spec.name,
            applicant=f"{mask_name(ctx.applicant.name)}（{catalog.APPLICANT_LABELS[RoleKind(application.applicant_role)]}）",
            submitted_on=(application.submitted_at or now()).astimezone(SHANGHAI).date(),
            effective_on=today(),
            review="自动审核" if auto else "人工审核",
            lines=[tuple(line) for line in (application.summary or {}).get("lines", [])],
        )
    )
    audit.record(
        session,
        actor=actor,
        action="servicing.application.approve",
        subject_type="servicing_application",
        subject_id=application.public_id,
        detail={"item": spec.code, "application_no": reference, "auto": auto},
    )
    events.record_event(
        session,
        "servicing.application_approved",
        {"application_id": application.public_id, "item": spec.code, "auto": auto},
    )
    customer = await policy_service.get_customer(session, application.customer_id)
    await _notify(session, customer.phone, application, spec, "approved")


async def _keep_specimen(
    session: AsyncSession, application: Application, ctx: catalog.ItemContext, *, actor: Actor
) -> None:
    """Take the signature of an approved application as the applicant's specimen when none is on file, and
    always for customer authentication (客户认证: SMS, face and name + ID just proven; a drawing unlike the old
    specimen was sent to a reviewer before it got here). Only approved signatures of items that verified the
    face: a rejected one, or one from an SMS-only item (anyone holding the customer's phone could plant it),
    never becomes the reference later ones are compared with."""
    if not catalog.item(application.item).face_required:
        return
    if ctx.applicant.signature_specimen_at is not None and application.item != "customer_auth":
        return
    png = await session.scalar(select(Application.signature_png).where(Application.id == application.id))
    if png:
        source = application.application_no or application.public_id
        await policy_service.record_signature_specimen(
            session, ctx.applicant.id, bytes(png), source=source, actor=actor
        )


async def specimen_png(session: AsyncSession, public_id: str, *, actor: Actor) -> bytes:
    """The applicant's signature specimen, for a reviewer comparing it with the application's signature (the read
    is audited by the policy core)."""
    application = await _load(session, public_id)
    reason = f"保全审核比对签名（{application.application_no or application.public_id}）"
    data = await policy_service.signature_specimen(session, application.customer_id, actor=actor, reason=reason)
    if data is None:
        raise NotFound(PlatformError.NOT_FOUND)
    return data


async def review_application(
    session: AsyncSession,
    settings: Settings,
    public_id: str,
    *,
    decision: str,
    reason: str | None,
    actor: Actor,
) -> Application:
    """A reviewer's decision: approve (apply + endorsement), reject with a reason, or ask for more.

    Approval refuses ``application_stale`` when the policy changed since submission, ``policy_changed``
    when a concurrent approval on the same policy won, and ``debit_in_flight`` when a premium debit was sent to
    the bank since submission for an item that must wait for it (nothing is applied; the application stays
    pending, so it can be approved once the answer is in). Audited; SMS to the customer."""
    application = await _load(session, public_id)
    if application.status != "pending_review":
        raise Conflict(ServicingError.REVIEW_NOT_PENDING)
    spec = catalog.item(application.item)
    application.reviewer_id = actor.id
    if decision == "approve":
        ctx = await _context_of(session, settings, application)
        problem = catalog.status_problem(spec, ctx)
        if problem is not None:
            raise problem
        changes = json.loads(application.form_data or "{}").get("changes", {})
        application.decision_reason = (reason or "").strip() or None
        await _approve(session, settings, application, ctx, changes, actor=actor, auto=False)
        return application
    text = (reason or "").strip()
    if len(text) < 2:
        raise ZhihuiError(ServicingError.REASON_REQUIRED, field="reason")
    application.decision_reason = text
    application.status = "rejected" if decision == "reject" else "more_info"
    application.decided_at = now() if decision == "reject" else None
    audit.record(
        session,
        actor=actor,
        action=f"servicing.application.{decision}",
        subject_type="servicing_application",
        subject_id=application.public_id,
        detail={"item": spec.code, "application_no": application.application_no},
    )
    events.record_event(
        session, f"servicing.application_{application.status}", {"application_id": application.public_id}
    )
    customer = await policy_service.get_customer(session, application.customer_id)
    await _notify(session, customer.phone, application, spec, application.status, settings=settings)
    return application


async def endorsement(session: AsyncSession, public_id: str, *, principal: Principal) -> tuple[str, bytes]:
    """The endorsement PDF of an approved application: (file name, bytes)."""
    application = await get_application(session, public_id, principal=principal)
    if application.status != "approved":
        raise Conflict(ServicingError.ENDORSEMENT_NOT_READY)
    pdf = await session.scalar(select(Application.endorsement_pdf).where(Application.id == application.id))
    if not pdf:
        raise Conflict(ServicingError.ENDORSEMENT_NOT_READY)
    if principal.kind == "staff":
        audit.record(
            session,
            actor=principal.actor,
            action="servicing.endorsement.read",
            subject_type="servicing_application",
            subject_id=application.public_id,
        )
    return f"{application.application_no}.pdf", bytes(pdf)


async def signature_png(session: AsyncSession, public_id: str, *, actor: Actor) -> bytes:
    """The customer's drawn signature, for a reviewer comparing it with the specimen (audited read)."""
    application = await _load(session, public_id)
    data = await session.scalar(select(Application.signature_png).where(Application.id == application.id))
    if not data:
        raise NotFound(PlatformError.NOT_FOUND)
    audit.record(
        session,
        actor=actor,
        action="servicing.signature.read",
        subject_type="servicing_application",
        subject_id=application.public_id,
    )
    return bytes(data)


# --- notifications, refusals -------------------------------------------------------------------------------


async def _notify(
    session: AsyncSession,
    phone: str,
    application: Application,
    spec: catalog.ItemSpec,
    step: str,
    *,
    settings: Settings | None = None,
) -> None:
    number = application.application_no
    bodies = {
        "submitted": f"【智慧服务】您的“{spec.name}”申请已提交，受理号{number}，我们会尽快处理。",
        "approved": f"【智慧服务】您的“{spec.name}”申请（受理号{number}）已办理完成，可在“我的保全”下载批单。",
        "rejected": f"【智慧服务】很抱歉，您的“{spec.name}”申请（受理号{number}）未通过审核，"
        f"原因：{application.decision_reason}。"
        "如有疑问请联系您的业务员或拨打95500。",
        "more_info": f"【智慧服务】您的“{spec.name}”申请（受理号{number}）需要补充资料：{application.decision_reason}。"
        "请在“我的保全”中补充后重新提交。",
    }
    if step == "more_info" and settings is not None:
        bodies["more_info"] += f" {settings.base_url.rstrip('/')}/h5/servicing/{application.public_id}"
    await sms.send_sms(session, phone=phone, template=f"servicing_{step}", body=bodies[step])


async def audit_refusal(
    sessionmaker: async_sessionmaker[AsyncSession],
    *,
    actor: Actor,
    action: str,
    subject_id: str | int | None,
    error: ZhihuiError,
) -> None:
    """Audit a refused attempt in its own transaction (the request's own one rolls back)."""
    subject = str(subject_id)[:64] if subject_id is not None else None
    await audit.record_refusal(
        sessionmaker, actor=actor, action=action, subject_type="servicing", subject_id=subject, code=error.code
    )
