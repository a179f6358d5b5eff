import asyncio
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import TEST_REDIS_URL
from zhihui.platform import clock, events
from zhihui.platform.db import Database
from zhihui.platform.events import EventBus, bus
from zhihui.platform.models import EventOutbox
from zhihui.platform.numbers import next_business_number


async def test_event_is_dispatched_only_after_commit(db: Database) -> None:
    seen: list[dict[str, Any]] = []

    async def handler(payload: dict[str, Any]) -> None:
        seen.append(payload)

    bus.subscribe("test.happened", handler)
    async with db.unit_of_work() as session:
        events.record_event(session, "test.happened", {"n": 1})
        assert seen == []
    assert seen == [{"n": 1}]

    with pytest.raises(RuntimeError):
        async with db.unit_of_work() as session:
            events.record_event(session, "test.happened", {"n": 2})
            raise RuntimeError("boom")
    assert seen == [{"n": 1}]
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(EventOutbox)) == 1


async def test_business_numbers_are_sequential_per_day(db: Database) -> None:
    import datetime as dt

    clock.set_now(dt.datetime(2026, 3, 18, 2, 0, tzinfo=dt.UTC))
    async with db.unit_of_work() as session:
        first = await next_business_number(session, "BA")
        second = await next_business_number(session, "BA")
    assert first == "BA20260318000001"
    assert second == "BA20260318000002"


@pytest.mark.skipif(not TEST_REDIS_URL, reason="ZHIHUI_TEST_REDIS_URL not set")
async def test_events_cross_instances_through_redis(db: Database) -> None:
    assert TEST_REDIS_URL
    other = EventBus()  # a second app instance
    received: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def on_other(payload: dict[str, Any]) -> None:
        await received.put(payload)

    other.subscribe("kb.model_changed", on_other)
    await other.start_redis(TEST_REDIS_URL)
    await bus.start_redis(TEST_REDIS_URL)
    try:
        async with db.unit_of_work() as session:
            events.record_event(session, "kb.model_changed", {"entry_id": "K1"})
        payload = await asyncio.wait_for(received.get(), timeout=5)
        assert payload == {"entry_id": "K1"}
    finally:
        await bus.stop()
        await other.stop()
