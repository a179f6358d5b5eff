"""Knowledge base API under /api/v1/kb: ask, feedback, hot topics, entries, import/export, training."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from zhihui.kb import fileio, service
from zhihui.kb.engine import KbEngine
from zhihui.kb.errors import KbError
from zhihui.kb.schemas import (
    AskRequest,
    AskResponse,
    EntryIn,
    EntryOut,
    FeedbackRequest,
    HotTopics,
    ImportReport,
)
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.web import DbSession, OptionalPrincipal, require

router = APIRouter(prefix="/api/v1/kb", tags=["kb"])
Reader = Annotated[Principal, Depends(require(Permission.READ_KNOWLEDGE))]
Manager = Annotated[Principal, Depends(require(Permission.MANAGE_KB))]
Trainer = Annotated[Principal, Depends(require(Permission.TRAIN_ROBOT))]


async def ready_engine(request: Request) -> KbEngine:
    engine: KbEngine = request.app.state.kb_engine
    if not engine.ready.is_set():
        try:
            await asyncio.wait_for(engine.ready.wait(), timeout=60)
        except TimeoutError as exc:
            raise ZhihuiError(KbError.ENGINE_LOADING) from exc
    return engine


@router.post("/ask", response_model=AskResponse, summary="Ask the robot")
async def ask(body: AskRequest, request: Request) -> Response:
    # The engine is looked up here rather than injected, and the response is serialised
    # once here rather than validated again against response_model: on the busiest route
    # both were a visible share of the time spent outside the search itself.
    engine: KbEngine = request.app.state.kb_engine
    if not engine.ready.is_set():
        engine = await ready_engine(request)
    started = time.perf_counter()
    response, used = service.answer_question(engine, body.text, audience=body.audience, channel=body.channel)
    request.app.state.kb_writer.submit(
        service.AskRecord(
            text=used,
            audience=body.audience,
            channel=body.channel,
            session_id=body.session_id,
            response=response,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
    )
    return Response(response.model_dump_json(), media_type="application/json")


@router.post("/feedback", status_code=204, summary="Helpful / not helpful for one answer")
async def feedback(body: FeedbackRequest, request: Request, session: DbSession) -> None:
    await service.record_feedback(
        session, ask_id=body.ask_id, helpful=body.helpful, reason=body.reason, writer=request.app.state.kb_writer
    )


@router.get("/hot", response_model=HotTopics, summary="Most asked entries and rising unanswered questions")
async def hot(
    request: Request,
    session: DbSession,
    window: Literal["1h", "1d", "7d"] = "1d",
    audience: Literal["customer", "agent"] | None = None,
) -> HotTopics:
    await request.app.state.kb_writer.flush()
    return await service.hot_topics(session, window=window, audience=audience)


@router.get("/entries", response_model=list[EntryOut])
async def list_entries(
    session: DbSession,
    principal: Reader,
    audience: Literal["customer", "agent"] | None = None,
    status: Literal["draft", "published", "archived"] | None = None,
    category: str | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[EntryOut]:
    entries = await service.list_entries(
        session, audience=audience, status=status, category=category, query=q, limit=limit, offset=offset
    )
    return [await service.entry_out(session, e) for e in entries]


@router.get("/entries/{entry_id}", response_model=EntryOut)
async def get_entry(entry_id: str, session: DbSession, principal: Reader) -> EntryOut:
    return await service.entry_out(session, await service.get_entry(session, entry_id))


@router.post("/entries", response_model=EntryOut, status_code=201)
async def create_entry(body: EntryIn, session: DbSession, principal: Manager) -> EntryOut:
    entry = await service.save_entry(session, body, actor=principal.actor, create=True)
    return await service.entry_out(session, entry)


@router.put("/entries/{entry_id}", response_model=EntryOut)
async def update_entry(entry_id: str, body: EntryIn, session: DbSession, principal: Manager) -> EntryOut:
    if body.id != entry_id:
        body = body.model_copy(update={"id": entry_id})
    entry = await service.save_entry(session, body, actor=principal.actor, create=False)
    return await service.entry_out(session, entry)


@router.post("/import", response_model=ImportReport, summary="Import CSV / JSONL / XLSX (all or nothing)")
async def import_file(
    session: DbSession,
    principal: Manager,
    file: Annotated[UploadFile, File()],
    replace: Annotated[bool, Form()] = False,
) -> ImportReport:
    fmt = fileio.detect_format(file.filename or "")
    if not fmt:
        raise ZhihuiError(KbError.IMPORT_FORMAT, field="file")
    data = await file.read()
    try:
        entries = fileio.parse_entries(data, fmt)
    except fileio.ImportProblems as problems:
        raise ZhihuiError(
            KbError.IMPORT_INVALID,
            field="file",
            params={"summary": "；".join(str(p) for p in problems.problems[:10])},
        ) from problems
    return await service.import_entries(session, entries, replace=replace, actor=principal.actor)


@router.get("/export", summary="Export the whole knowledge base")
async def export_file(
    session: DbSession, principal: Manager, format: Literal["jsonl", "csv", "xlsx"] = "jsonl"
) -> Response:
    data = fileio.export_entries(await service.all_entries(session), format)
    media = {
        "jsonl": "application/x-ndjson",
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[format]
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="kb.{format}"'})


class TrainingAction(BaseModel):
    ask_ids: list[int] = Field(min_length=1, max_length=500)
    entry_id: str | None = None


class TrainingGroupOut(BaseModel):
    representative: str
    ask_ids: list[int]
    texts: list[str]
    count: int
    audience: str
    reasons: list[str]
    suggestion: str | None


@router.get("/training/groups", response_model=list[TrainingGroupOut])
async def training_groups(
    request: Request, session: DbSession, principal: Trainer, audience: Literal["customer", "agent"] | None = None
) -> list[TrainingGroupOut]:
    await request.app.state.kb_writer.flush()
    groups = await service.training_groups(session, audience=audience)
    return [TrainingGroupOut(**g.__dict__) for g in groups]


@router.post("/training/paraphrase", summary="Add asked questions as paraphrases of an entry")
async def training_paraphrase(body: TrainingAction, session: DbSession, principal: Trainer) -> dict[str, list[str]]:
    if not body.entry_id:
        raise ZhihuiError(KbError.ENTRY_NOT_FOUND, field="entry_id")
    added = await service.add_paraphrases_from_asks(session, body.ask_ids, body.entry_id, actor=principal.actor)
    return {"added": added}


@router.post("/training/draft", response_model=EntryOut, summary="Draft a new entry from asked questions")
async def training_draft(body: TrainingAction, session: DbSession, principal: Trainer) -> EntryOut:
    entry = await service.draft_entry_from_asks(session, body.ask_ids, actor=principal.actor)
    return await service.entry_out(session, entry)


@router.post("/training/dismiss", status_code=204)
async def training_dismiss(body: TrainingAction, session: DbSession, principal: Trainer) -> None:
    await service.dismiss_asks(session, body.ask_ids, actor=principal.actor)


@router.get("/training/stats")
async def training_stats(request: Request, session: DbSession, principal: OptionalPrincipal) -> dict[str, int]:
    await request.app.state.kb_writer.flush()
    return await service.training_stats(session)
