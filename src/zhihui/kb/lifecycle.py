"""Start-up and shutdown of the knowledge base in one process: engine, ask-log writer, event handlers."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import FastAPI

from zhihui.kb import service
from zhihui.kb.engine import KbEngine
from zhihui.platform.db import Database
from zhihui.platform.events import bus
from zhihui.platform.logging import get_logger

log = get_logger(__name__)


async def startup(app: FastAPI) -> None:
    db: Database = app.state.db
    engine = KbEngine(app.state.settings)
    writer = service.AskLogWriter(db.sessionmaker)
    writer.start()
    app.state.kb_engine = engine
    app.state.kb_writer = writer

    async def load() -> None:
        async with db.sessionmaker() as session:
            await service.load_engine(session, engine)

    async def on_entry_changed(payload: dict[str, Any]) -> None:
        async with db.sessionmaker() as session:
            await service.refresh_entry(session, engine, str(payload["entry_key"]))

    async def on_paraphrases(payload: dict[str, Any]) -> None:
        engine.add_paraphrases(str(payload["entry_key"]), [str(t) for t in payload.get("texts", [])])

    async def on_reloaded(_payload: dict[str, Any]) -> None:
        await load()

    async def on_thresholds(_payload: dict[str, Any]) -> None:
        async with db.sessionmaker() as session:
            engine.tuned = await service.tuned_thresholds(session)

    handlers = {
        service.EVENT_ENTRY_CHANGED: on_entry_changed,
        service.EVENT_PARAPHRASES_ADDED: on_paraphrases,
        service.EVENT_RELOADED: on_reloaded,
        service.EVENT_THRESHOLDS_CHANGED: on_thresholds,
    }
    for name, handler in handlers.items():
        bus.subscribe(name, handler)
    app.state.kb_handlers = handlers

    async def initial_load() -> None:
        try:
            await load()
        except Exception:
            log.exception("knowledge base failed to load")

    # Built in the background so the process answers /healthz at once; questions wait for it.
    app.state.kb_loader = asyncio.create_task(initial_load())


async def shutdown(app: FastAPI) -> None:
    for name, handler in getattr(app.state, "kb_handlers", {}).items():
        bus.unsubscribe(name, handler)
    loader = getattr(app.state, "kb_loader", None)
    if loader is not None and not loader.done():
        loader.cancel()
    writer = getattr(app.state, "kb_writer", None)
    if writer is not None:
        await writer.stop()
