"""``create_app(settings)``: the one ASGI application, with every module's API router and pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import import_module
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from zhihui import __version__
from zhihui.platform import pii
from zhihui.platform.db import Database
from zhihui.platform.events import bus
from zhihui.platform.logging import configure_logging, get_logger
from zhihui.platform.web import install_error_handlers
from zhihui.settings import Settings, get_settings

log = get_logger(__name__)

# Modules whose ``api.router`` / ``pages.router`` are mounted, in this order. A module may also define
# ``startup(app)`` / ``shutdown(app)`` coroutines in ``lifecycle.py`` (e.g. to load a model).
MODULES = ("web", "policy", "identity", "kb", "claims", "servicing")


def _optional(module: str, name: str) -> object | None:
    try:
        return import_module(f"zhihui.{module}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"zhihui.{module}.{name}" or exc.name == f"zhihui.{module}":
            return None
        raise


def load_models() -> None:
    """Import every module's tables so the metadata is complete (migrations, tests)."""
    import_module("zhihui.platform.models")
    for module in MODULES:
        _optional(module, "models")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings)
    pii.configure(settings)
    load_models()

    lifecycles = [m for m in (_optional(name, "lifecycle") for name in MODULES) if m is not None]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.db = Database(settings)
        if settings.redis_url:
            await bus.start_redis(settings.redis_url)
        for lifecycle in lifecycles:
            startup = getattr(lifecycle, "startup", None)
            if startup is not None:
                await startup(app)
        log.info("zhihui started", database=app.state.db.dialect, redis=bool(settings.redis_url))
        try:
            yield
        finally:
            for lifecycle in reversed(lifecycles):
                shutdown = getattr(lifecycle, "shutdown", None)
                if shutdown is not None:
                    await shutdown(app)
            await bus.stop()
            await app.state.db.dispose()

    app = FastAPI(
        title="智·慧服务 zhihui API",
        version=__version__,
        description="寿险数字化服务平台：智能客服、智能报案、慧保全、智能回访、云柜面、嗨问。"
        "Errors are RFC 9457 problem+json with a stable `code` and a Chinese `detail`.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    static_dir = Path(__file__).resolve().parent / "web" / "static"
    app.mount("/static", StaticFiles(directory=static_dir), name="static")
    for module in MODULES:
        for part in ("api", "pages"):
            mod = _optional(module, part)
            if mod is None:
                continue
            for attr in ("router", "health"):
                router = getattr(mod, attr, None)
                if router is not None:
                    app.include_router(router)
    return app
