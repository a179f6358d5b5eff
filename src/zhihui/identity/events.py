"""Domain events published by the identity module."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class IdentityEvent(StrEnum):
    VERIFIED = "identity.verified"
    """A verification session reached its final outcome (passed, or fallback_to_human)."""


class VerifiedPayload(BaseModel):
    session_id: str
    purpose: str
    customer_id: int
    outcome: str
