"""Tables of servicing: share links and applications (with their signature and endorsement).

The form an application carries can hold personal data (a new phone, a bank account, beneficiaries' ID
numbers), so it is stored encrypted as one JSON document; the searchable columns hold ids and statuses only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import zhihui.risk.service  # noqa: F401  (servicing calls risk: its tables belong in the same metadata)
from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime
from zhihui.platform.pii import EncryptedBytes, EncryptedString


class ShareLink(Base):
    """A link an agent shared for one policy, item and customer; the token itself is never stored."""

    __tablename__ = "servicing_link"
    __table_args__ = (Index("ix_servicing_link_agent_created", "agent_id", "created_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    jti: Mapped[str] = mapped_column(String(32), unique=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    policy_no: Mapped[str] = mapped_column(String(24), index=True)
    item: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int] = mapped_column(BigId)
    """The customer the link is meant for; nobody else can complete it."""
    applicant_role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    opened_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Application(Base):
    """One servicing application (保全申请) from draft to decision."""

    __tablename__ = "servicing_application"
    __table_args__ = (
        Index("ix_servicing_application_status", "status"),
        Index("ix_servicing_application_policy_item", "policy_no", "item"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    """Random id used in URLs, so applications cannot be enumerated."""
    application_no: Mapped[str | None] = mapped_column(String(20), unique=True)
    """受理号 ``BQ…``, given at first submission; the endorsement (批单) carries the same number."""
    item: Mapped[str] = mapped_column(String(32))
    policy_no: Mapped[str] = mapped_column(String(24))
    customer_id: Mapped[int] = mapped_column(BigId, index=True)
    applicant_role: Mapped[str] = mapped_column(String(16))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    link_id: Mapped[int | None] = mapped_column(ForeignKey("servicing_link.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    sms_verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    face_required: Mapped[bool] = mapped_column(Boolean, default=False)
    face_session_id: Mapped[str | None] = mapped_column(String(32))
    face_passed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    form_data: Mapped[str | None] = mapped_column(EncryptedString())
    """JSON of the submitted form and what applying it needs (may hold personal data, hence encrypted)."""
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Masked before/after lines and computed figures, safe to show to the agent and the reviewer."""
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    base_version: Mapped[int | None] = mapped_column(Integer)
    """The policy version the application was validated against; approval requires it unchanged."""
    signature_png: Mapped[bytes | None] = mapped_column(EncryptedBytes(), deferred=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    signature_similarity: Mapped[float | None] = mapped_column(Float)
    """Similarity (0–1) of the drawn signature to the applicant's specimen at submission; None when none was on
    file. Below ``ZHIHUI_SERVICING__SIGNATURE_MIN_SIMILARITY`` a reviewer compares them."""
    device_hash: Mapped[str | None] = mapped_column(String(64))
    region: Mapped[str | None] = mapped_column(String(32))
    risk_score: Mapped[int | None] = mapped_column(Integer)
    review_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Why the application went to a reviewer (risk rules and the item's own review rule)."""
    decision_reason: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    auto_decided: Mapped[bool] = mapped_column(Boolean, default=False)
    benefit_period: Mapped[int | None] = mapped_column(Integer)
    """For benefit payments: the policy year paid, so one year is never paid twice."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    endorsement_pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    """The 批单 PDF (masked data only), rendered when the application was approved."""
