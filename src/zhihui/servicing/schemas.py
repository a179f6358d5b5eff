"""Pydantic shapes of the servicing API. Output shapes carry masked personal data only."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from zhihui.platform.validators import FreeText, MobilePhone

ApplicantRole = Literal["policyholder", "insured", "beneficiary"]


class ChoiceOut(BaseModel):
    value: str
    label: str


class FieldOut(BaseModel):
    name: str
    label: str
    kind: str
    required: bool
    choices: list[ChoiceOut] = Field(default_factory=list)
    help: str = ""


class ItemOut(BaseModel):
    code: str
    name: str
    applicants: list[str]
    """Who may apply: ``policyholder`` / ``insured`` / ``beneficiary``."""
    applicant_labels: str
    face_required: bool
    review_rule: str
    fields: list[FieldOut]


class AgentPolicyOut(BaseModel):
    policy_no: str
    product_name: str
    product_kind: str
    status: str
    status_label: str
    holder_name: str
    insured_name: str
    holder_phone_masked: str


class LinkCreate(BaseModel):
    policy_no: str = Field(max_length=24)
    item: str = Field(max_length=32)
    applicant: ApplicantRole = "policyholder"


class LinkOut(BaseModel):
    link_id: int
    item: str
    item_name: str
    policy_no: str
    url: str
    token: str
    qr_url: str
    expires_at: dt.datetime


class ShareStatsOut(BaseModel):
    day: dt.date
    mine: int
    all_agents: int


class LinkToken(BaseModel):
    token: str = Field(max_length=2000)


class LinkVerify(LinkToken):
    code: str = Field(min_length=4, max_length=8)


class LinkPreviewOut(BaseModel):
    item: str
    item_name: str
    policy_no: str
    product_name: str
    applicant_label: str
    customer_name: str
    phone_masked: str
    face_required: bool
    expires_at: dt.datetime


class VerifiedOut(BaseModel):
    application_id: str
    access_token: str
    """A customer session token (also set as the session cookie by the H5 page)."""
    next_url: str


class LineOut(BaseModel):
    what: str
    before: str
    after: str


class ApplicationOut(BaseModel):
    application_id: str
    application_no: str | None
    item: str
    item_name: str
    policy_no: str
    product_name: str
    applicant_label: str
    customer_name: str
    status: str
    status_label: str
    face_required: bool
    face_passed: bool
    face_session_id: str | None = None
    consent_needed: bool
    lines: list[LineOut] = Field(default_factory=list)
    facts: list[LineOut] = Field(default_factory=list)
    computed: dict[str, Any] = Field(default_factory=dict)
    risk_score: int | None = None
    review_reasons: list[str] = Field(default_factory=list)
    decision_reason: str | None = None
    customer_note: str | None = None
    """What the customer wrote to the reviewer with the last submission."""
    auto_decided: bool = False
    endorsement_url: str | None = None
    signature_similarity: float | None = None
    """Staff only: similarity (0–1) of the drawn signature to the applicant's specimen at submission; None when
    no specimen was on file (the signature becomes the specimen once the application is approved)."""
    specimen_at: dt.datetime | None = None
    """Staff only: when the applicant's current signature specimen was taken (None: none on file)."""
    created_at: dt.datetime
    submitted_at: dt.datetime | None = None
    decided_at: dt.datetime | None = None


class ApplicationForm(BaseModel):
    """The editable form of an application: its fields and their current values."""

    application: ApplicationOut
    fields: list[FieldOut]
    values: dict[str, Any]


class SubmitIn(BaseModel):
    form: dict[str, Any]
    signature: str = Field(max_length=600_000)
    """The drawn signature as a ``data:image/png;base64,…`` URL."""
    note: FreeText | None = Field(default=None, max_length=500)
    """The customer's note to the reviewer, e.g. the answer to a request for more information."""
    device_id: str | None = Field(default=None, max_length=64)
    region: str | None = Field(default=None, max_length=32)
    """The province the customer is in, when the client knows it (else the gateway's geo header is used)."""


class PhoneCodeIn(BaseModel):
    phone: MobilePhone


class ReviewIn(BaseModel):
    decision: Literal["approve", "reject", "more_info"]
    reason: str | None = Field(default=None, max_length=500)


class FaceOut(BaseModel):
    session_id: str
    h5_path: str
    status: str
