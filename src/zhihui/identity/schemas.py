"""Pydantic models of the identity API (face verification sessions, consent, reference photos).

Other modules may import these (and :mod:`zhihui.identity.verification`), never the tables.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field


class Purpose(StrEnum):
    """Why a face is being verified; consent, retention and staff permissions are per purpose."""

    SERVICING = "servicing"
    CALLBACK = "callback"
    COUNTER = "counter"
    CUSTOMER_AUTH = "customer_auth"


PURPOSE_LABELS: dict[str, str] = {
    Purpose.SERVICING: "保全业务办理",
    Purpose.CALLBACK: "电子回访",
    Purpose.COUNTER: "云柜面业务办理",
    Purpose.CUSTOMER_AUTH: "客户身份认证",
}


class Outcome(StrEnum):
    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"
    FALLBACK_TO_HUMAN = "fallback_to_human"


class Subject(BaseModel):
    """Whom to verify: a customer id, a policy (its policyholder), or (staff only) name + ID number."""

    customer_id: int | None = None
    policy_no: Annotated[str | None, Field(max_length=32)] = None
    name: Annotated[str | None, Field(max_length=64)] = None
    id_number: Annotated[str | None, Field(max_length=18)] = None


class SessionCreate(BaseModel):
    purpose: Purpose
    subject: Subject = Field(default_factory=Subject)


class ChallengeOut(BaseModel):
    nonce: str
    actions: list[str]
    instructions: list[str]
    issued_at: dt.datetime
    expires_at: dt.datetime
    window_ms: int
    attempt: int


class SessionOut(BaseModel):
    session_id: str
    purpose: Purpose
    status: Outcome
    attempts_used: int
    attempts_left: int
    max_attempts: int
    expires_at: dt.datetime
    consent_required: bool
    h5_path: str
    challenge: ChallengeOut | None = None
    last_result: dict[str, Any] = Field(default_factory=dict)


class LivenessOut(BaseModel):
    passed: bool
    code: str
    hint: str


class AttemptResult(BaseModel):
    """The answer to one frames upload."""

    session_id: str
    attempt: int
    outcome: Literal["passed", "failed", "fallback_to_human"]
    hint: str
    """What to tell the customer (Chinese)."""
    liveness: LivenessOut
    match: bool | None = None
    distance: float | None = None
    score: float | None = None
    threshold: float
    authority: str
    authority_code: str | None = None
    attempts_left: int


class VerificationOutcome(BaseModel):
    """What a product (servicing, callback, counter) needs to know about a session."""

    session_id: str
    purpose: Purpose
    customer_id: int
    outcome: Outcome
    passed: bool
    fallback_to_human: bool
    attempts_used: int
    max_attempts: int
    authority: str
    completed_at: dt.datetime | None = None
    distance: float | None = None
    threshold: float


class FrameIn(BaseModel):
    t_ms: Annotated[int, Field(ge=0, le=600_000)]
    """Milliseconds since the client received the challenge."""
    image: Annotated[str, Field(max_length=3_000_000)]
    """Base64 JPEG/PNG/WebP (a ``data:image/...;base64,`` prefix is accepted)."""


class FramesIn(BaseModel):
    nonce: Annotated[str, Field(min_length=8, max_length=64)]
    frames: list[FrameIn]


class ConsentIn(BaseModel):
    purpose: Purpose
    text_version: Annotated[str, Field(max_length=32)]


class ConsentOut(BaseModel):
    purpose: Purpose
    text_version: str
    accepted_at: dt.datetime


class ConsentTextOut(BaseModel):
    purpose: Purpose
    text_version: str
    title: str
    paragraphs: list[str]
    accepted: bool


class ReferenceOut(BaseModel):
    id: int
    name_masked: str
    id_number_masked: str
    customer_id: int | None
    source: str
    enrolled_by: str
    enrolled_at: dt.datetime
    quality: dict[str, Any] = Field(default_factory=dict)
