"""Service functions of the knowledge base: entries, import/export, asking, feedback, training, hot topics."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from zhihui.kb.engine import EntryView, KbEngine
from zhihui.kb.errors import KbError
from zhihui.kb.models import (
    KbAskLog,
    KbAttachment,
    KbEntry,
    KbEntryVersion,
    KbParaphrase,
    KbThreshold,
    KbTrainingOp,
)
from zhihui.kb.retrieval import Thresholds, decide
from zhihui.kb.schemas import (
    AskResponse,
    AttachmentOut,
    EntryIn,
    EntryOut,
    HotEntry,
    HotGroup,
    HotTopics,
    ImportReport,
    Suggestion,
)
from zhihui.nlu.text import is_meaningful, normalize
from zhihui.platform import audit, events
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now, today
from zhihui.platform.errors import Conflict, NotFound, ZhihuiError
from zhihui.platform.logging import get_logger
from zhihui.platform.pii import redact_text
from zhihui.platform.validators import strip_control_characters

log = get_logger(__name__)

EVENT_ENTRY_CHANGED = "kb.entry_changed"
EVENT_PARAPHRASES_ADDED = "kb.paraphrases_added"
EVENT_RELOADED = "kb.reloaded"
EVENT_THRESHOLDS_CHANGED = "kb.thresholds_changed"

MSG_EMPTY = "您好，请问有什么可以帮您？请直接输入您的问题。"
MSG_UNREADABLE = "抱歉，没能看懂您的问题。请用中文简单描述一下，比如“怎么变更受益人”。"
MSG_NONE = "抱歉，这个问题我暂时还不会回答。已为您记录，您可以转人工客服，专人为您解答。"
MSG_CLARIFY = "您是想问以下哪个问题呢？"
MSG_TRUNCATED = "（您的问题较长，已按前{limit}个字理解）"


# --- entries --------------------------------------------------------------------------------------------


def _snapshot(entry: KbEntry) -> dict[str, Any]:
    return entry_in(entry).model_dump(mode="json")


def entry_in(entry: KbEntry) -> EntryIn:
    return EntryIn.model_construct(
        id=entry.entry_key,
        audience=entry.audience,  # type: ignore[arg-type]
        category=entry.category,
        question=entry.question,
        paraphrases=[p.text for p in entry.paraphrases],
        answer=entry.answer,
        kind=entry.kind,  # type: ignore[arg-type]
        business_line=entry.business_line,
        channels=list(entry.channels or []),
        valid_from=entry.valid_from,
        valid_until=entry.valid_until,
        status=entry.status,  # type: ignore[arg-type]
    )


def entry_view(entry: KbEntry) -> EntryView:
    return EntryView(
        key=entry.entry_key,
        question=entry.question,
        answer=entry.answer,
        audience=entry.audience,
        kind=entry.kind,
        category=entry.category,
        channels=tuple(entry.channels or ()),
        valid_from=entry.valid_from,
        valid_until=entry.valid_until,
        paraphrases=tuple(p.text for p in entry.paraphrases),
    )


async def get_entry(session: AsyncSession, entry_key: str) -> KbEntry:
    entry = await session.scalar(select(KbEntry).where(KbEntry.entry_key == entry_key))
    if entry is None:
        raise NotFound(KbError.ENTRY_NOT_FOUND)
    return entry


async def attachments_of(session: AsyncSession, entry_id: int) -> list[KbAttachment]:
    stmt = select(KbAttachment).where(KbAttachment.entry_id == entry_id).order_by(KbAttachment.id)
    return list((await session.scalars(stmt)).all())


def attachment_out(a: KbAttachment) -> AttachmentOut:
    return AttachmentOut(
        id=a.id, kind=a.kind, title=a.title, content_type=a.content_type, size=a.size, url=f"/kb/media/{a.id}"
    )


async def entry_out(session: AsyncSession, entry: KbEntry) -> EntryOut:
    base = entry_in(entry).model_dump()
    return EntryOut(
        **base,
        version=entry.version,
        updated_at=entry.updated_at,
        attachments=[attachment_out(a) for a in await attachments_of(session, entry.id)],
    )


async def list_entries(
    session: AsyncSession,
    *,
    audience: str | None = None,
    status: str | None = None,
    category: str | None = None,
    kind: str | None = None,
    query: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[KbEntry]:
    stmt = select(KbEntry)
    if audience:
        stmt = stmt.where(KbEntry.audience.in_([audience, "both"]))
    if status:
        stmt = stmt.where(KbEntry.status == status)
    if category:
        stmt = stmt.where(KbEntry.category.startswith(category))
    if kind:
        stmt = stmt.where(KbEntry.kind == kind)
    if query:
        like = f"%{query}%"
        stmt = stmt.where(KbEntry.question.like(like) | KbEntry.entry_key.like(like))
    stmt = stmt.order_by(KbEntry.category, KbEntry.entry_key).limit(limit).offset(offset)
    return list((await session.scalars(stmt)).all())


async def count_entries(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(select(KbEntry.status, func.count()).group_by(KbEntry.status))
    return {status: int(n) for status, n in rows}


async def category_tree(session: AsyncSession, *, audience: str | None = None) -> dict[str, list[str]]:
    """Top-level category -> its sub-categories, for browsing."""
    stmt = select(KbEntry.category).where(KbEntry.status == "published").distinct()
    if audience:
        stmt = stmt.where(KbEntry.audience.in_([audience, "both"]))
    tree: dict[str, set[str]] = {}
    for (path,) in await session.execute(stmt):
        top, _, rest = (path or "其他").partition("/")
        tree.setdefault(top, set())
        if rest:
            tree[top].add(rest)
    return {k: sorted(v) for k, v in sorted(tree.items())}


def _record_version(session: AsyncSession, entry: KbEntry, actor: Actor, note: str | None) -> None:
    session.add(
        KbEntryVersion(
            entry_id=entry.id,
            version=entry.version,
            snapshot=_snapshot(entry),
            author_kind=actor.kind,
            author_id=actor.id,
            note=note,
        )
    )


async def save_entry(
    session: AsyncSession, data: EntryIn, *, actor: Actor, create: bool, note: str | None = None
) -> KbEntry:
    """Create or update one entry with a new version; publishes ``kb.entry_changed``."""
    existing = await session.scalar(select(KbEntry).where(KbEntry.entry_key == data.id))
    if create and existing is not None:
        raise Conflict(KbError.DUPLICATE_ENTRY, field="id", params={"entry_id": data.id})
    if not create and existing is None:
        raise NotFound(KbError.ENTRY_NOT_FOUND)
    entry = existing or KbEntry(entry_key=data.id, version=0)
    entry.kind, entry.audience, entry.category = data.kind, data.audience, data.category
    entry.business_line, entry.channels = data.business_line, list(data.channels)
    entry.valid_from, entry.valid_until, entry.status = data.valid_from, data.valid_until, data.status
    entry.question, entry.answer = data.question, data.answer
    entry.version += 1
    entry.updated_at = now()
    if existing is None:
        session.add(entry)
        await session.flush()
        await session.refresh(entry, ["paraphrases"])
    wanted = list(dict.fromkeys(p for p in data.paraphrases if p and p != data.question))
    current = {p.text: p for p in entry.paraphrases}
    for text, p in current.items():
        if text not in wanted:
            entry.paraphrases.remove(p)
    for text in wanted:
        if text not in current:
            entry.paraphrases.append(KbParaphrase(text=text, source="edit"))
    await session.flush()
    _record_version(session, entry, actor, note)
    audit.record(session, actor=actor, action="kb.entry_saved", subject_type="kb_entry", subject_id=entry.entry_key)
    events.record_event(session, EVENT_ENTRY_CHANGED, {"entry_key": entry.entry_key})
    return entry


async def set_entry_status(session: AsyncSession, entry_key: str, status: str, *, actor: Actor) -> KbEntry:
    entry = await get_entry(session, entry_key)
    data = entry_in(entry).model_copy(update={"status": status})
    return await save_entry(session, EntryIn.model_validate(data.model_dump()), actor=actor, create=False, note=status)


async def entry_versions(session: AsyncSession, entry_id: int) -> list[KbEntryVersion]:
    stmt = select(KbEntryVersion).where(KbEntryVersion.entry_id == entry_id).order_by(KbEntryVersion.version.desc())
    return list((await session.scalars(stmt)).all())


async def add_attachment(
    session: AsyncSession,
    entry_key: str,
    *,
    kind: str,
    title: str,
    filename: str,
    content_type: str,
    size: int,
    storage_path: str,
    actor: Actor,
) -> KbAttachment:
    entry = await get_entry(session, entry_key)
    attachment = KbAttachment(
        entry_id=entry.id,
        kind=kind,
        title=title,
        filename=filename,
        content_type=content_type,
        size=size,
        storage_path=storage_path,
    )
    session.add(attachment)
    await session.flush()
    audit.record(session, actor=actor, action="kb.attachment_added", subject_type="kb_entry", subject_id=entry_key)
    return attachment


async def get_attachment(session: AsyncSession, attachment_id: int) -> KbAttachment:
    attachment = await session.get(KbAttachment, attachment_id)
    if attachment is None:
        raise NotFound(KbError.ATTACHMENT_NOT_FOUND)
    return attachment


# --- import / export ------------------------------------------------------------------------------------


async def import_entries(
    session: AsyncSession, entries: Sequence[EntryIn], *, replace: bool, actor: Actor
) -> ImportReport:
    """Write validated entries in the caller's transaction (all or nothing).

    Without ``replace`` every id must be new. With ``replace`` the file becomes the knowledge base: its
    entries are created or updated (a new version each) and entries missing from it are archived.
    """
    started = time.perf_counter()
    rows = await session.execute(select(KbEntry.id, KbEntry.entry_key, KbEntry.version, KbEntry.status))
    existing = {key: (eid, version, status) for eid, key, version, status in rows}
    clashes = [e.id for e in entries if e.id in existing]
    if clashes and not replace:
        raise Conflict(KbError.DUPLICATE_ENTRY, params={"entry_id": "、".join(clashes[:10])})
    at = now()
    new = [e for e in entries if e.id not in existing]
    updated = [e for e in entries if e.id in existing]

    def entry_row(e: EntryIn, version: int) -> dict[str, Any]:
        return dict(
            entry_key=e.id, kind=e.kind, audience=e.audience, category=e.category, business_line=e.business_line,
            channels=list(e.channels), valid_from=e.valid_from, valid_until=e.valid_until, status=e.status,
            question=e.question, answer=e.answer, version=version, updated_at=at, created_at=at,
        )  # fmt: skip

    ids: dict[str, int] = {}
    for start in range(0, len(new), 2000):
        chunk = new[start : start + 2000]
        result = await session.execute(
            insert(KbEntry).returning(KbEntry.id, KbEntry.entry_key), [entry_row(e, 1) for e in chunk]
        )
        ids.update({key: eid for eid, key in result})
    for e in updated:
        eid, version, _status = existing[e.id]
        values = entry_row(e, version + 1)
        values.pop("created_at")
        await session.execute(update(KbEntry).where(KbEntry.id == eid).values(**values))
        ids[e.id] = eid
    if updated:
        await session.execute(delete(KbParaphrase).where(KbParaphrase.entry_id.in_([ids[e.id] for e in updated])))
    paraphrase_rows = [
        dict(entry_id=ids[e.id], text=p, source="import", created_at=at)
        for e in entries
        for p in dict.fromkeys(e.paraphrases)
        if p != e.question
    ]
    version_rows = [
        dict(
            entry_id=ids[e.id],
            version=(existing[e.id][1] + 1) if e.id in existing else 1,
            snapshot=e.model_dump(mode="json"),
            author_kind=actor.kind,
            author_id=actor.id,
            note="import",
            at=at,
        )
        for e in entries
    ]
    for table, batch in ((KbParaphrase, paraphrase_rows), (KbEntryVersion, version_rows)):
        for start in range(0, len(batch), 5000):
            await session.execute(insert(table), batch[start : start + 5000])
    archived = 0
    if replace:
        keep = {e.id for e in entries}
        gone = [eid for key, (eid, _v, status) in existing.items() if key not in keep and status != "archived"]
        if gone:
            await session.execute(update(KbEntry).where(KbEntry.id.in_(gone)).values(status="archived", updated_at=at))
            archived = len(gone)
    audit.record(
        session,
        actor=actor,
        action="kb.import",
        subject_type="kb",
        detail={"created": len(new), "updated": len(updated), "archived": archived},
    )
    events.record_event(session, EVENT_RELOADED, {"entries": len(entries)})
    return ImportReport(
        created=len(new), updated=len(updated), archived=archived, seconds=round(time.perf_counter() - started, 3)
    )


async def all_entries(session: AsyncSession) -> list[EntryIn]:
    stmt = select(KbEntry).order_by(KbEntry.entry_key)
    return [entry_in(e) for e in (await session.scalars(stmt)).all()]


async def published_views(session: AsyncSession) -> list[EntryView]:
    stmt = select(KbEntry).where(KbEntry.status == "published").order_by(KbEntry.id)
    return [entry_view(e) for e in (await session.scalars(stmt)).all()]


async def tuned_thresholds(session: AsyncSession) -> dict[str, Thresholds]:
    rows = (await session.scalars(select(KbThreshold))).all()
    return {r.audience: Thresholds(answer=r.answer, clarify=r.clarify) for r in rows}


async def save_thresholds(
    session: AsyncSession, audience: str, thresholds: Thresholds, *, source: str, actor: Actor
) -> None:
    row = await session.get(KbThreshold, audience)
    if row is None:
        row = KbThreshold(audience=audience, answer=thresholds.answer, clarify=thresholds.clarify, source=source)
        session.add(row)
    else:
        row.answer, row.clarify, row.source, row.tuned_at = thresholds.answer, thresholds.clarify, source, now()
    audit.record(session, actor=actor, action="kb.thresholds_tuned", subject_type="kb", subject_id=audience)
    events.record_event(session, EVENT_THRESHOLDS_CHANGED, {"audience": audience})


async def load_engine(session: AsyncSession, engine: KbEngine) -> None:
    await engine.rebuild(await published_views(session), await tuned_thresholds(session))


async def refresh_entry(session: AsyncSession, engine: KbEngine, entry_key: str) -> None:
    entry = await session.scalar(select(KbEntry).where(KbEntry.entry_key == entry_key))
    view = entry_view(entry) if entry is not None and entry.status == "published" else None
    engine.upsert(view, entry_key)


# --- asking ---------------------------------------------------------------------------------------------


@dataclass
class AskRecord:
    text: str
    audience: str
    channel: str | None
    session_id: str | None
    response: AskResponse
    latency_ms: float
    at: dt.datetime = field(default_factory=now)


def answer_question(
    engine: KbEngine, text: str, *, audience: str, channel: str | None = None
) -> tuple[AskResponse, str]:
    """What the robot answers (no I/O): returns the response and the text it actually matched."""
    raw = (text or "").strip()
    if not raw:
        return _reply("none", MSG_EMPTY), raw
    limit = engine.settings.kb.max_question_chars
    truncated = len(raw) > limit
    used = raw[:limit]
    if not is_meaningful(normalize(used, max_chars=limit)):
        return _reply("none", MSG_UNREADABLE), used
    hits = engine.search(used, audience, channel=channel, on=today(), k=3)
    outcome = decide(hits, engine.thresholds(audience))
    suggestions = [
        Suggestion(entry_id=h.entry_id, question=h.question, confidence=round(h.confidence, 4)) for h in hits
    ]
    note = MSG_TRUNCATED.format(limit=limit) if truncated else ""
    if outcome == "answer":
        top = engine.entries[hits[0].entry_id]
        return (
            AskResponse(
                outcome="answer",
                entry_id=top.key,
                question=top.question,
                answer=top.answer,
                confidence=round(hits[0].confidence, 4),
                suggestions=suggestions,
                message=top.answer + note,
            ),
            used,
        )
    confidence = round(hits[0].confidence, 4) if hits else 0.0
    if outcome == "clarify":
        return (
            AskResponse(
                outcome="clarify",
                entry_id=None,
                question=None,
                answer=None,
                confidence=confidence,
                suggestions=suggestions,
                message=MSG_CLARIFY + note,
            ),
            used,
        )
    return _reply("none", MSG_NONE + note, confidence=confidence, suggestions=suggestions), used


def _reply(
    outcome: str, message: str, *, confidence: float = 0.0, suggestions: list[Suggestion] | None = None
) -> AskResponse:
    return AskResponse(
        outcome=outcome,
        entry_id=None,
        question=None,
        answer=None,
        confidence=confidence,
        suggestions=suggestions or [],
        message=message,
    )


class AskLogWriter:
    """Writes the ask log in small batches off the request path, so answering never waits on a disk write."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        self._pending: list[AskRecord] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    def submit(self, record: AskRecord) -> str:
        uid = uuid.uuid4().hex
        record.response.ask_id = uid
        self._pending.append(record)
        if len(self._pending) >= 200:
            self._wake.set()
        return uid

    async def _run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=0.5)
            self._wake.clear()
            try:
                await self.flush()
            except Exception:
                log.exception("ask log flush failed")

    async def flush(self) -> None:
        async with self._lock:
            batch, self._pending = self._pending, []
            if not batch:
                return
            async with self._sessionmaker() as session:
                # A plain executemany on the table: the ORM's bulk path cost several times more per
                # row, on the event loop that is answering questions meanwhile.
                await session.execute(insert(cast(Table, KbAskLog.__table__)), [_ask_row(r) for r in batch])
                await session.commit()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.flush()


def _ask_row(r: AskRecord) -> dict[str, Any]:
    resp = r.response
    return dict(
        at=r.at,
        text=redact_text(str(strip_control_characters(r.text)))[:500],
        audience=r.audience,
        channel=r.channel,
        session_id=r.session_id,
        outcome=resp.outcome,
        entry_key=resp.entry_id,
        confidence=resp.confidence,
        suggestions=[s.entry_id for s in resp.suggestions],
        latency_ms=r.latency_ms,
        ask_uid=resp.ask_id,
        handled=False,
    )


async def record_feedback(
    session: AsyncSession, *, ask_id: str, helpful: bool, reason: str | None, writer: AskLogWriter | None
) -> None:
    if writer is not None:
        await writer.flush()
    row = await session.scalar(select(KbAskLog).where(KbAskLog.ask_uid == ask_id))
    if row is None:
        raise NotFound(KbError.ASK_NOT_FOUND, field="ask_id")
    row.feedback = "helpful" if helpful else "not_helpful"
    row.feedback_reason = reason
    if not helpful:
        row.handled = False


# --- training (机器人训练) ------------------------------------------------------------------------------


def _bigrams(text: str) -> set[str]:
    t = normalize(text)
    return {t[i : i + 2] for i in range(len(t) - 1)} or {t}


def group_similar(texts: Sequence[str], threshold: float = 0.45) -> list[list[int]]:
    """Greedy single-pass grouping by character-bigram Jaccard similarity; indices into ``texts``."""
    groups: list[tuple[set[str], list[int]]] = []
    for i, text in enumerate(texts):
        grams = _bigrams(text)
        for rep, members in groups:
            union = len(rep | grams)
            if union and len(rep & grams) / union >= threshold:
                members.append(i)
                break
        else:
            groups.append((grams, [i]))
    return [members for _rep, members in groups]


@dataclass
class TrainingGroup:
    representative: str
    ask_ids: list[int]
    texts: list[str]
    count: int
    audience: str
    reasons: list[str]
    suggestion: str | None


async def training_groups(
    session: AsyncSession, *, audience: str | None = None, days: int = 30, limit: int = 50
) -> list[TrainingGroup]:
    """Unanswered, low-confidence and thumbs-down questions, grouped by similarity, most frequent first."""
    since = now() - dt.timedelta(days=days)
    stmt = (
        select(KbAskLog)
        .where(
            KbAskLog.at >= since,
            KbAskLog.handled.is_(False),
            (KbAskLog.outcome != "answer") | (KbAskLog.feedback == "not_helpful"),
            KbAskLog.text != "",
        )
        .order_by(KbAskLog.id.desc())
        .limit(3000)
    )
    if audience:
        stmt = stmt.where(KbAskLog.audience == audience)
    rows = list((await session.scalars(stmt)).all())
    groups = []
    for members in group_similar([r.text for r in rows]):
        logs = [rows[i] for i in members]
        texts = list(dict.fromkeys(r.text for r in logs))
        reasons = sorted(
            {
                "不满意" if r.feedback == "not_helpful" else ("未能回答" if r.outcome == "none" else "低置信度")
                for r in logs
            }
        )
        suggestion = next((r.suggestions[0] for r in logs if r.suggestions), None)
        groups.append(
            TrainingGroup(
                representative=Counter(r.text for r in logs).most_common(1)[0][0],
                ask_ids=[r.id for r in logs],
                texts=texts[:10],
                count=len(logs),
                audience=logs[0].audience,
                reasons=reasons,
                suggestion=suggestion,
            )
        )
    groups.sort(key=lambda g: -g.count)
    return groups[:limit]


async def _mark_handled(session: AsyncSession, ask_ids: Sequence[int]) -> list[KbAskLog]:
    rows = list((await session.scalars(select(KbAskLog).where(KbAskLog.id.in_(list(ask_ids))))).all())
    if not rows:
        raise NotFound(KbError.ASK_NOT_FOUND)
    for r in rows:
        r.handled = True
    return rows


async def add_paraphrases_from_asks(
    session: AsyncSession, ask_ids: Sequence[int], entry_key: str, *, actor: Actor
) -> list[str]:
    """Teach the robot: the asked questions become paraphrases of ``entry_key`` (one training operation)."""
    entry = await get_entry(session, entry_key)
    rows = await _mark_handled(session, ask_ids)
    known = {entry.question, *(p.text for p in entry.paraphrases)}
    added = [t for t in dict.fromkeys(r.text for r in rows) if t and t not in known and "*" not in t]
    for text in added:
        entry.paraphrases.append(KbParaphrase(text=text, source="training"))
    if added:
        entry.version += 1
        entry.updated_at = now()
        await session.flush()
        _record_version(session, entry, actor, "training")
    session.add(KbTrainingOp(kind="add_paraphrase", actor_id=actor.id, entry_key=entry_key, ask_count=len(rows)))
    audit.record(session, actor=actor, action="kb.train_paraphrase", subject_type="kb_entry", subject_id=entry_key)
    events.record_event(session, EVENT_PARAPHRASES_ADDED, {"entry_key": entry_key, "texts": added})
    return added


async def draft_entry_from_asks(session: AsyncSession, ask_ids: Sequence[int], *, actor: Actor) -> KbEntry:
    """Start a new entry (draft, no answer yet) from a group of unanswered questions."""
    rows = await _mark_handled(session, ask_ids)
    texts = [t for t in dict.fromkeys(r.text for r in rows) if t]
    question = Counter(r.text for r in rows).most_common(1)[0][0]
    key_no = int(await session.scalar(select(func.count()).select_from(KbEntry)) or 0) + 1
    key = f"T{today():%Y%m%d}{key_no:05d}"
    while await session.scalar(select(KbEntry.id).where(KbEntry.entry_key == key)) is not None:
        key_no += 1
        key = f"T{today():%Y%m%d}{key_no:05d}"
    entry = KbEntry(
        entry_key=key,
        kind="faq",
        audience=rows[0].audience,
        category="待分类",
        question=question,
        answer="",
        status="draft",
        version=1,
    )
    session.add(entry)
    await session.flush()
    for text in texts:
        if text != question:
            session.add(KbParaphrase(entry_id=entry.id, text=text, source="training"))
    await session.flush()
    await session.refresh(entry, ["paraphrases"])
    _record_version(session, entry, actor, "drafted from unanswered questions")
    session.add(KbTrainingOp(kind="draft_entry", actor_id=actor.id, entry_key=key, ask_count=len(rows)))
    audit.record(session, actor=actor, action="kb.train_draft", subject_type="kb_entry", subject_id=key)
    return entry


async def dismiss_asks(session: AsyncSession, ask_ids: Sequence[int], *, actor: Actor) -> None:
    rows = await _mark_handled(session, ask_ids)
    session.add(KbTrainingOp(kind="dismiss", actor_id=actor.id, ask_count=len(rows)))


async def training_stats(session: AsyncSession) -> dict[str, int]:
    ops = int(await session.scalar(select(func.count()).select_from(KbTrainingOp)) or 0)
    asks = int(await session.scalar(select(func.count()).select_from(KbAskLog)) or 0)
    answered = int(
        await session.scalar(select(func.count()).select_from(KbAskLog).where(KbAskLog.outcome == "answer")) or 0
    )
    return {"training_operations": ops, "questions": asks, "answered": answered}


# --- hot topics (热点) ------------------------------------------------------------------------------------

WINDOWS = {"1h": dt.timedelta(hours=1), "1d": dt.timedelta(days=1), "7d": dt.timedelta(days=7)}


async def hot_topics(session: AsyncSession, *, window: str, audience: str | None, limit: int = 10) -> HotTopics:
    span = WINDOWS[window]
    end = now()
    start, previous_start = end - span, end - 2 * span

    def scoped(stmt: Any) -> Any:
        return stmt.where(KbAskLog.audience == audience) if audience else stmt

    total = int(
        await session.scalar(scoped(select(func.count()).select_from(KbAskLog).where(KbAskLog.at >= start))) or 0
    )
    answered_stmt = (
        select(KbAskLog.entry_key, func.count().label("n"))
        .where(KbAskLog.at >= start, KbAskLog.outcome == "answer")
        .group_by(KbAskLog.entry_key)
        .order_by(func.count().desc(), KbAskLog.entry_key)
        .limit(limit)
    )
    top = [(key, int(n)) for key, n in await session.execute(scoped(answered_stmt))]
    questions = {}
    if top:
        rows = await session.execute(
            select(KbEntry.entry_key, KbEntry.question).where(KbEntry.entry_key.in_([k for k, _ in top]))
        )
        questions = {k: q for k, q in rows}
    answered = int(
        await session.scalar(
            scoped(select(func.count()).select_from(KbAskLog).where(KbAskLog.at >= start, KbAskLog.outcome == "answer"))
        )
        or 0
    )
    unanswered_stmt = (
        select(KbAskLog.text, KbAskLog.at)
        .where(KbAskLog.at >= previous_start, KbAskLog.outcome != "answer", KbAskLog.text != "")
        .order_by(KbAskLog.id.desc())
        .limit(3000)
    )
    recent: list[Any] = list(await session.execute(scoped(unanswered_stmt)))
    texts = [t for t, _ in recent]
    groups = []
    for members in group_similar(texts):
        current = [recent[i] for i in members if recent[i][1] >= start]
        before = len(members) - len(current)
        if not current:
            continue
        groups.append(
            HotGroup(
                representative=Counter(t for t, _ in current).most_common(1)[0][0],
                count=len(current),
                previous=before,
                examples=list(dict.fromkeys(t for t, _ in current))[:5],
            )
        )
    groups.sort(key=lambda g: (-(g.count - g.previous), -g.count))
    return HotTopics(
        window=window,
        audience=audience,
        total_questions=total,
        answered=answered,
        entries=[HotEntry(entry_id=k, question=questions.get(k, k), count=n) for k, n in top],
        rising_unanswered=groups[:limit],
    )


def check_text(text: str) -> str:
    if not text.strip():
        raise ZhihuiError(KbError.EMPTY_TEXT, field="text")
    return text
