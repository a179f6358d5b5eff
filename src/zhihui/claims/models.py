"""Tables of claim reporting: dialogs (resumable state), work orders and the checkers' slot corrections.

ID numbers and phones live only in encrypted columns; the JSON columns (state, slots, transcript) never hold
them in clear: ``service`` strips the two sensitive slots before saving and masks transcripts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime
from zhihui.platform.pii import EncryptedString


class ClaimDialog(Base):
    __tablename__ = "claims_dialog"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(40), unique=True)
    """Unguessable id in URLs: the reporter's endpoints need no login, so the id is the only key."""
    channel: Mapped[str] = mapped_column(String(8), default="text")
    ref_date: Mapped[dt.date] = mapped_column(Date)
    validate_policy: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    expecting: Mapped[str | None] = mapped_column(String(24))
    questions: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """``dialog.DialogState.to_dict()`` without ``insured_id`` / ``contact_phone``."""
    insured_id: Mapped[str | None] = mapped_column(EncryptedString())
    contact_phone: Mapped[str | None] = mapped_column(EncryptedString())
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """``[{"role": "bot"|"reporter", "text": masked text, "at": iso time}]``."""
    customer_id: Mapped[int | None] = mapped_column(Integer)
    """The signed-in customer who reported, if any (phone reporters are anonymous)."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class ClaimWorkOrder(Base):
    __tablename__ = "claims_work_order"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    report_no: Mapped[str] = mapped_column(String(24), unique=True)
    dialog_id: Mapped[int | None] = mapped_column(ForeignKey("claims_dialog.id"), unique=True)
    origin: Mapped[str] = mapped_column(String(16), default="dialog")
    """``dialog`` (confirmed by the reporter) or ``handoff`` (partial report handed to a person)."""
    channel: Mapped[str] = mapped_column(String(8), default="text")
    status: Mapped[str] = mapped_column(String(24), index=True)
    """pending_verification → verified | corrected → closed."""
    slots: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """The non-sensitive slots as they stand now (after corrections)."""
    insured_id: Mapped[str | None] = mapped_column(EncryptedString())
    insured_id_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    contact_phone: Mapped[str | None] = mapped_column(EncryptedString())
    confidence: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """``[{"slot", "code", "message"}]`` for the checker."""
    policies: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    coverages: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    questions: Mapped[int] = mapped_column(Integer, default=0)
    customer_id: Mapped[int | None] = mapped_column(Integer)
    """The insured as found in the policy core (None when not found or not validated)."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    verified_by: Mapped[int | None] = mapped_column(Integer)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[int | None] = mapped_column(Integer)

    corrections: Mapped[list[ClaimSlotCorrection]] = relationship(
        back_populates="work_order", lazy="selectin", order_by="ClaimSlotCorrection.id"
    )


class ClaimSlotCorrection(Base):
    """One checker correction of one slot; the values are JSON, encrypted (they may be an ID or a phone)."""

    __tablename__ = "claims_slot_correction"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("claims_work_order.id", ondelete="CASCADE"), index=True)
    slot: Mapped[str] = mapped_column(String(24))
    old_value: Mapped[str | None] = mapped_column(EncryptedString())
    new_value: Mapped[str | None] = mapped_column(EncryptedString())
    reason: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)

    work_order: Mapped[ClaimWorkOrder] = relationship(back_populates="corrections")
