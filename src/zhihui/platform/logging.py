"""Structured logging (structlog over the standard library) with personal data masked on every line."""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from zhihui.platform.pii import redact
from zhihui.settings import Settings


def _redact_event(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> Any:
    for key, value in list(event_dict.items()):
        event_dict[key] = redact(value)
    return event_dict


def shared_processors() -> list[Any]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        _redact_event,
    ]


def make_formatter(*, json_lines: bool) -> logging.Formatter:
    """The formatter every handler uses: personal data masked, console or JSON lines."""
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if json_lines
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    return structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        foreign_pre_chain=shared_processors(),
    )


def configure_logging(settings: Settings) -> None:
    """Route structlog and every standard-library logger (uvicorn, sqlalchemy) through one formatter."""
    structlog.configure(
        processors=[*shared_processors(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = make_formatter(json_lines=settings.log_json)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_zhihui", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    handler._zhihui = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers.clear()
        lg.propagate = True
    for noisy in ("jieba", "aiosqlite", "asyncio", "httpx", "httpcore", "multipart"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def get_logger(name: str) -> Any:
    return structlog.stdlib.get_logger(name)
