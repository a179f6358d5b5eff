"""What callers hand the risk module and what they get back."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ActionFacts(BaseModel):
    """One action to assess. Callers fill what they know; a rule whose facts are missing does not fire."""

    action: str
    """The action code, e.g. a servicing item code such as ``account_withdrawal``."""
    subject_type: str = "servicing_application"
    subject_id: str
    customer_id: int
    policy_no: str | None = None
    policy_issue_date: dt.date | None = None
    device_hash: str | None = None
    region: str | None = None
    """Province the request came from (see docs/servicing.md: gateway geo header or the customer's choice)."""
    home_province: str | None = None
    """The customer's province on file."""
    amount_fen: int | None = None
    limit_fen: int | None = None
    """The largest amount allowed for this action (to spot amounts just under a limit)."""
    flags: list[str] = Field(default_factory=list)
    """Facts the caller established itself, e.g. ``phone_shared`` (new phone already used by others)."""


class RiskHit(BaseModel):
    code: str
    reason: str
    weight: int


class RiskResult(BaseModel):
    score: int
    threshold: int
    hits: list[RiskHit]

    @property
    def low(self) -> bool:
        """Below the auto-approval threshold."""
        return self.score < self.threshold

    @property
    def reasons(self) -> list[str]:
        return [h.reason for h in self.hits]
