"""Pydantic shapes of the claim-report API, and the module's event names and payloads.

The dialog response (``DialogOut``) and the slot value formats are the API contract of issue 5.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from zhihui.platform.validators import FreeText

MAX_UTTERANCE_CHARS = 5000
"""Longer input is refused (422); a 2,000-character ramble is still accepted and answered politely."""

SlotName = Literal[
    "relation",
    "insured_name",
    "insured_id",
    "contact_phone",
    "accident_date",
    "accident_place",
    "cause",
    "diagnosis",
    "treatment",
]


class DialogCreate(BaseModel):
    ref_date: dt.date | None = None
    """Date relative expressions are resolved against; default today (Shanghai)."""
    channel: Literal["text", "voice"] = "text"
    validate_policy: bool = True
    """False skips the policy-core checks (insured exists, name matches, policy in force) — for evaluation."""
    caller_phone: str | None = Field(default=None, max_length=20)
    """The number the reporter calls from (the voice gateway's caller ID, ``+86…`` accepted). A mobile number
    becomes the contact phone and is not asked for (the read-back names it); anything else is ignored."""


class TurnIn(BaseModel):
    text: FreeText = Field(default="", max_length=MAX_UTTERANCE_CHARS)
    """An empty text is silence and gets its own polite reply."""


class ExtractIn(BaseModel):
    text: FreeText = Field(max_length=MAX_UTTERANCE_CHARS)
    ref_date: dt.date | None = None


class ExtractOut(BaseModel):
    slots: dict[str, Any]
    confidence: dict[str, float] = Field(default_factory=dict)
    problems: dict[str, str] = Field(default_factory=dict)
    partial: dict[str, Any] = Field(
        default_factory=dict, description="Parts of slots not complete yet, e.g. a hospital said without the status"
    )


class ReporterWorkOrder(BaseModel):
    """What the (possibly anonymous) reporter sees of the work order: no policies, no validation flags."""

    report_no: str
    status: str
    origin: str
    slots: dict[str, Any]


class DialogOut(BaseModel):
    dialog_id: str
    reply: str
    expecting: str | None
    slots: dict[str, Any]
    state: Literal["collecting", "confirming", "done", "handoff"]
    stage: str
    questions: int
    work_order: ReporterWorkOrder | None = None


class TranscriptLine(BaseModel):
    role: str
    text: str
    at: str | None = None


class DialogDetail(DialogOut):
    transcript: list[TranscriptLine]


class CorrectionIn(BaseModel):
    slot: SlotName
    value: Any = None
    """The corrected value in the slot's API format (``null`` clears it)."""
    reason: str | None = Field(default=None, max_length=500)


class CorrectionOut(BaseModel):
    slot: str
    old_value: Any
    new_value: Any
    reason: str | None
    staff_id: int | None
    created_at: dt.datetime


class Flag(BaseModel):
    slot: str | None
    code: str
    message: str


class WorkOrderSummary(BaseModel):
    report_no: str
    status: str
    origin: str
    insured_name: str | None
    accident_date: str | None
    cause: str | None
    flag_count: int
    created_at: dt.datetime


class WorkOrderOut(BaseModel):
    """The checker's view: ID and phone masked (a correction can replace them; reading is audited)."""

    report_no: str
    status: str
    origin: str
    channel: str
    slots: dict[str, Any]
    confidence: dict[str, float]
    flags: list[Flag]
    policies: list[dict[str, Any]]
    coverages: list[dict[str, Any]]
    transcript: list[TranscriptLine]
    questions: int
    corrections: list[CorrectionOut]
    created_at: dt.datetime
    verified_at: dt.datetime | None
    closed_at: dt.datetime | None


class SlotAccuracy(BaseModel):
    slot: str
    label: str
    checked: int
    accurate: int
    accuracy: float | None


class MetricsOut(BaseModel):
    verified_orders: int
    """Work orders a checker has verified (verified, corrected, or closed after verification)."""
    from_dialog: int
    handoffs: int
    whole_process_accurate: int
    whole_process_accuracy: float | None
    """Share of verified orders that came from a completed dialog and needed no correction at all."""
    slots: list[SlotAccuracy]
    pending: int


class ClaimsEvent(StrEnum):
    REPORTED = "claims.reported"
    VERIFIED = "claims.verified"
    CLOSED = "claims.closed"


class ReportedPayload(BaseModel):
    work_order_id: int
    report_no: str
    origin: str
    channel: str


class VerifiedPayload(BaseModel):
    work_order_id: int
    report_no: str
    status: str
    corrected_slots: list[str]


class ClosedPayload(BaseModel):
    work_order_id: int
    report_no: str
