"""Tables of the risk module: observations the rules look back on, and the assessments made."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime


class RiskObservation(Base):
    """A fact a later rule may look back on: an account or phone changed, a device seen for a customer.

    Holds ids and a device hash only, never the changed value itself."""

    __tablename__ = "risk_observation"
    __table_args__ = (
        Index("ix_risk_observation_kind_customer", "kind", "customer_id"),
        Index("ix_risk_observation_kind_policy", "kind", "policy_no"),
        Index("ix_risk_observation_device", "device_hash"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int | None] = mapped_column(BigId)
    policy_no: Mapped[str | None] = mapped_column(String(24))
    device_hash: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)


class RiskAssessment(Base):
    """The score and reasons given to one action (e.g. a servicing application)."""

    __tablename__ = "risk_assessment"
    __table_args__ = (Index("ix_risk_assessment_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(Integer)
    threshold: Mapped[int] = mapped_column(Integer)
    hits: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
