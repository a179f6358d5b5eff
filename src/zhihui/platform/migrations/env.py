"""Alembic environment: async engine, every module's metadata, batch mode for SQLite."""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from alembic import context
from sqlalchemy.engine import Connection

from zhihui.app import load_models
from zhihui.platform.db import Base, UTCDateTime, make_engine
from zhihui.platform.pii import EncryptedBytes, EncryptedString

config = context.config
load_models()
target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Write our column types as plain SQL types so old migrations never depend on today's code."""
    if type_ == "type":
        if isinstance(obj, UTCDateTime):
            return "sa.DateTime(timezone=True)"
        if isinstance(obj, EncryptedString):
            return "sa.Text()"
        if isinstance(obj, EncryptedBytes):
            return "sa.LargeBinary()"
    return False


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run() -> None:
    engine = make_engine(config.attributes["url"])
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_configure)
    finally:
        await engine.dispose()


asyncio.run(_run())
