"""Domain events: saved with the transaction that caused them, dispatched after it commits.

``record_event(session, name, payload)`` writes an ``event_outbox`` row in the caller's transaction.
After ``Database.unit_of_work`` commits, :func:`dispatch_committed` hands each event to the handlers of
this process and, when Redis is configured, publishes it on ``zhihui:events`` so every other instance
runs its handlers too (e.g. refreshing the robot's retrieval model after a training operation).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.logging import get_logger
from zhihui.platform.models import EventOutbox

Handler = Callable[[dict[str, Any]], Awaitable[None]]
CHANNEL = "zhihui:events"
_SESSION_KEY = "zhihui_events"

log = get_logger(__name__)


class EventBus:
    def __init__(self) -> None:
        self.instance_id = uuid.uuid4().hex
        self._handlers: dict[str, list[Handler]] = defaultdict(list)
        self._loops: dict[Handler, asyncio.AbstractEventLoop] = {}
        self._redis: Any = None
        self._listener: asyncio.Task[None] | None = None

    def subscribe(self, name: str, handler: Handler) -> None:
        """Register ``handler``; it always runs on the event loop that subscribed it.

        Several apps (each with its own loop and database connections, e.g. a server in a thread beside
        tests or workers) may share this process; an asyncpg connection must never be used from another loop.
        """
        if handler not in self._handlers[name]:
            self._handlers[name].append(handler)
            with contextlib.suppress(RuntimeError):
                self._loops[handler] = asyncio.get_running_loop()

    def unsubscribe(self, name: str, handler: Handler) -> None:
        if handler in self._handlers.get(name, []):
            self._handlers[name].remove(handler)
            self._loops.pop(handler, None)

    def unsubscribe_all(self) -> None:
        self._handlers.clear()
        self._loops.clear()

    async def run_local(self, name: str, payload: dict[str, Any]) -> None:
        current = asyncio.get_running_loop()
        for handler in list(self._handlers.get(name, ())):
            home = self._loops.get(handler)
            if home is not None and home is not current:
                if home.is_closed():
                    continue
                future = asyncio.run_coroutine_threadsafe(self._guarded(name, handler, payload), home)
                try:
                    await asyncio.wait_for(asyncio.wrap_future(future), timeout=30)
                except TimeoutError:
                    log.error("event handler on another loop did not finish", event_name=name)
                continue
            await self._guarded(name, handler, payload)

    async def _guarded(self, name: str, handler: Handler, payload: dict[str, Any]) -> None:
        try:
            await handler(payload)
        except Exception:  # one failing subscriber must not stop the others
            log.exception("event handler failed", event_name=name)

    async def publish_committed(self, name: str, payload: dict[str, Any]) -> None:
        await self.run_local(name, payload)
        if self._redis is not None:
            message = json.dumps({"origin": self.instance_id, "name": name, "payload": payload})
            try:
                await self._redis.publish(CHANNEL, message)
            except Exception:
                log.exception("redis publish failed", event_name=name)

    async def start_redis(self, url: str) -> None:
        import redis.asyncio as aioredis

        self._redis = aioredis.from_url(url, decode_responses=True)
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(CHANNEL)
        ready = asyncio.Event()
        self._listener = asyncio.create_task(self._listen(pubsub, ready))
        await ready.wait()

    async def _listen(self, pubsub: Any, ready: asyncio.Event) -> None:
        ready.set()
        try:
            async for message in pubsub.listen():
                if message.get("type") != "message":
                    continue
                data = json.loads(message["data"])
                if data.get("origin") == self.instance_id:
                    continue
                await self.run_local(data["name"], data["payload"])
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("redis event listener stopped")
        finally:
            await pubsub.aclose()

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        if self._redis is not None:
            await self._redis.aclose()
            self._redis = None


bus = EventBus()


def record_event(session: AsyncSession, name: str, payload: dict[str, Any]) -> None:
    """Save an event in the caller's transaction; it is dispatched only if that transaction commits."""
    session.add(EventOutbox(name=name, payload=payload))
    session.info.setdefault(_SESSION_KEY, []).append((name, payload))


def pending_events(session: AsyncSession) -> list[tuple[str, dict[str, Any]]]:
    """Events recorded in this session and not yet dispatched (tests read this)."""
    return list(session.info.get(_SESSION_KEY, []))


async def dispatch_committed(session: AsyncSession) -> None:
    events = session.info.pop(_SESSION_KEY, [])
    for name, payload in events:
        await bus.publish_committed(name, payload)


def discard_pending(session: AsyncSession) -> None:
    session.info.pop(_SESSION_KEY, None)
