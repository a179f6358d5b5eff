"""Start-up and shut-down of the identity module: the verification runtime and the face models."""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import FastAPI

from zhihui.identity.face import preload_models
from zhihui.identity.verification import IdentityRuntime, build_runtime
from zhihui.platform.logging import get_logger
from zhihui.settings import Settings

log = get_logger(__name__)


def _preload() -> None:
    try:
        preload_models()
    except Exception:  # the app must still start (OTP, share links); face routes then fail on use
        log.exception("face models could not be loaded")


async def startup(app: FastAPI) -> None:
    settings: Settings = app.state.settings
    app.state.identity = build_runtime(settings.identity)
    # Loading dlib's models takes about half a second: do it in a thread so start-up does not wait, and
    # the first verification usually does not either.
    app.state.identity_preload = asyncio.create_task(asyncio.to_thread(_preload))


async def shutdown(app: FastAPI) -> None:
    preload: asyncio.Task[None] | None = getattr(app.state, "identity_preload", None)
    if preload is not None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(preload), timeout=10)
    runtime: IdentityRuntime | None = getattr(app.state, "identity", None)
    if runtime is not None:
        await runtime.aclose()
