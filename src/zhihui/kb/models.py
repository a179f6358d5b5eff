"""Tables of the knowledge base: entries, paraphrases, versions, attachments, the ask log, training."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime


class KbEntry(Base):
    __tablename__ = "kb_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(64), unique=True)
    """The entry's id as imported (``C001``, ``KA012``); the API calls it ``entry_id``."""
    kind: Mapped[str] = mapped_column(String(16), default="faq")
    audience: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str] = mapped_column(String(128), default="", index=True)
    """Category path, levels separated by ``/`` (``保全服务/受益人变更``)."""
    business_line: Mapped[str] = mapped_column(String(32), default="通用")
    channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Channels that may show the entry; empty = every channel."""
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="published", index=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)

    paraphrases: Mapped[list[KbParaphrase]] = relationship(
        back_populates="entry", lazy="selectin", order_by="KbParaphrase.id", cascade="all, delete-orphan"
    )


class KbParaphrase(Base):
    __tablename__ = "kb_paraphrase"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("kb_entry.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="import")
    """``import`` or ``training`` (added from an unanswered question)."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)

    entry: Mapped[KbEntry] = relationship(back_populates="paraphrases")


class KbEntryVersion(Base):
    __tablename__ = "kb_entry_version"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("kb_entry.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    author_kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int | None] = mapped_column(BigId)
    note: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class KbAttachment(Base):
    __tablename__ = "kb_attachment"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("kb_entry.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    """``image`` or ``video``."""
    title: Mapped[str] = mapped_column(String(128))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    storage_path: Mapped[str] = mapped_column(String(255))
    """Relative to the media directory, or ``package:`` for files shipped with zhihui."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class KbAskLog(Base):
    """Every question asked of the robot, with what it did."""

    __tablename__ = "kb_ask_log"
    __table_args__ = (Index("ix_kb_ask_log_at_outcome", "at", "outcome"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    text: Mapped[str] = mapped_column(Text)
    """The question with ID numbers, phones and card numbers masked."""
    audience: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(32))
    session_id: Mapped[str | None] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    entry_key: Mapped[str | None] = mapped_column(String(64), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    suggestions: Mapped[list[str]] = mapped_column(JSON, default=list)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)
    feedback: Mapped[str | None] = mapped_column(String(16))
    feedback_reason: Mapped[str | None] = mapped_column(String(200))
    handled: Mapped[bool] = mapped_column(default=False)
    """A trainer has acted on it (added as paraphrase, drafted an entry, or dismissed)."""
    ask_uid: Mapped[str] = mapped_column(String(32), unique=True)
    """Returned to the caller so feedback can name the answer it is about."""


class KbTrainingOp(Base):
    __tablename__ = "kb_training_op"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now, index=True)
    kind: Mapped[str] = mapped_column(String(24))
    """``add_paraphrase``, ``draft_entry`` or ``dismiss``."""
    actor_id: Mapped[int | None] = mapped_column(BigId)
    entry_key: Mapped[str | None] = mapped_column(String(64))
    ask_count: Mapped[int] = mapped_column(Integer, default=1)


class KbThreshold(Base):
    """Thresholds chosen by ``zhihui kb tune`` (settings override them when set)."""

    __tablename__ = "kb_threshold"

    audience: Mapped[str] = mapped_column(String(16), primary_key=True)
    answer: Mapped[float] = mapped_column(Float)
    clarify: Mapped[float] = mapped_column(Float)
    tuned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    source: Mapped[str] = mapped_column(String(255), default="")
