"""Request and response shapes of the knowledge base API (the ask contract is fixed by the checks)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from zhihui.platform.validators import FreeText

Audience = Literal["customer", "agent"]
EntryAudience = Literal["customer", "agent", "both"]
Outcome = Literal["answer", "clarify", "none"]


class AskRequest(BaseModel):
    text: FreeText = Field(max_length=20000, description="The question; more than 500 characters is cut.")
    audience: Audience = "customer"
    channel: str | None = Field(default=None, max_length=32)
    session_id: str | None = Field(default=None, max_length=64)


class Suggestion(BaseModel):
    entry_id: str
    question: str
    confidence: float


class AskResponse(BaseModel):
    outcome: Outcome
    entry_id: str | None
    question: str | None
    answer: str | None
    confidence: float
    suggestions: list[Suggestion]
    message: str
    """What the robot says: the answer, a "did you mean" line, or an offer of a person."""
    ask_id: str | None = None
    """Quote it in feedback."""


class FeedbackRequest(BaseModel):
    ask_id: str = Field(min_length=8, max_length=32)
    helpful: bool
    reason: FreeText | None = Field(default=None, max_length=200)


class EntryIn(BaseModel):
    """One entry as imported or edited."""

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.\-]+$")
    audience: EntryAudience
    category: str = Field(default="", max_length=128)
    question: str = Field(min_length=2, max_length=500)
    paraphrases: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=1, max_length=20000)
    kind: Literal["faq", "article"] = "faq"
    business_line: str = Field(default="通用", max_length=32)
    channels: list[str] = Field(default_factory=list)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    status: Literal["draft", "published", "archived"] = "published"


class AttachmentOut(BaseModel):
    id: int
    kind: str
    title: str
    content_type: str
    size: int
    url: str


class EntryOut(EntryIn):
    version: int
    updated_at: dt.datetime
    attachments: list[AttachmentOut] = Field(default_factory=list)


class ImportReport(BaseModel):
    created: int
    updated: int
    archived: int
    seconds: float


class HotEntry(BaseModel):
    entry_id: str
    question: str
    count: int


class HotGroup(BaseModel):
    representative: str
    count: int
    previous: int
    examples: list[str]


class HotTopics(BaseModel):
    window: str
    audience: str | None
    total_questions: int
    answered: int
    entries: list[HotEntry]
    rising_unanswered: list[HotGroup]
