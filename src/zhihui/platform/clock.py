"""The one source of "now", so tests can fix time.

Store UTC, show Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_now_override: Callable[[], dt.datetime] | None = None


def now() -> dt.datetime:
    """Current time, timezone-aware UTC."""
    if _now_override is not None:
        return _now_override()
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Today's date in China, the calendar every policy rule is written in."""
    return now().astimezone(SHANGHAI).date()


def set_now(value: dt.datetime | Callable[[], dt.datetime] | None) -> None:
    """Fix the clock (tests, demos); ``None`` restores real time."""
    global _now_override
    if value is None:
        _now_override = None
    elif isinstance(value, dt.datetime):
        fixed = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        _now_override = lambda: fixed  # noqa: E731
    else:
        _now_override = value


def local(value: dt.datetime) -> dt.datetime:
    """A stored UTC time as shown to people."""
    return value.astimezone(SHANGHAI)
