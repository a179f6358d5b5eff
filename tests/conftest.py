"""Shared fixtures: settings on a throw-away database (SQLite, or PostgreSQL when
``ZHIHUI_TEST_DATABASE_URL`` is set), sessions, the app and HTTP clients, and a log capture that fails the
run if any clear ID number, mobile number or bank card number reaches a log line."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from tests.browser import browser, live_server  # noqa: F401  (fixtures)
from zhihui.app import create_app, load_models
from zhihui.platform import clock, pii
from zhihui.platform.db import Base, Database
from zhihui.platform.logging import configure_logging, make_formatter
from zhihui.platform.validators import id_number_problem, luhn_ok
from zhihui.settings import AuthSettings, KbSettings, Settings

TEST_DB_URL = os.environ.get("ZHIHUI_TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("ZHIHUI_TEST_REDIS_URL")
SHARED = Path(__file__).resolve().parents[2] / "shared"

# --- log capture over the whole run -------------------------------------------------------------------

_captured: list[str] = []


class _CaptureHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            _captured.append(self.format(record))
        except Exception:  # a broken record must not break the test run
            _captured.append(record.getMessage())


_capture = _CaptureHandler(level=logging.DEBUG)
_capture.setFormatter(make_formatter(json_lines=True))


def pytest_configure(config: pytest.Config) -> None:
    logging.getLogger().addHandler(_capture)


_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_CARD_RE = re.compile(r"(?<!\d)\d{16,19}(?!\d)")


def clear_personal_data(lines: list[str]) -> list[str]:
    leaks = []
    for line in lines:
        for m in _ID_RE.finditer(line):
            if id_number_problem(m.group(0)) is None:
                leaks.append(f"ID {m.group(0)[:4]}… in: {line[:160]}")
        for m in _PHONE_RE.finditer(line):
            leaks.append(f"phone {m.group(0)[:3]}… in: {line[:160]}")
        for m in _CARD_RE.finditer(line):
            if luhn_ok(m.group(0)):
                leaks.append(f"card …{m.group(0)[-4:]} in: {line[:160]}")
    return leaks


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    leaks = clear_personal_data(_captured)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"log scan: {len(_captured)} log lines captured, {len(leaks)} with clear personal data")
    if leaks:
        for leak in leaks[:20]:
            print("PII LEAK IN LOG:", leak)
        session.exitstatus = 1


@pytest.fixture
def captured_logs() -> list[str]:
    return _captured


# --- settings and database ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data_dir = tmp_path_factory.mktemp("zhihui-data")
    s = Settings(
        environment="test",
        data_dir=data_dir,
        database_url=TEST_DB_URL or f"sqlite+aiosqlite:///{data_dir / 'test.db'}",
        redis_url=None,
        secret_key="test-secret-key",  # type: ignore[arg-type]
        auth=AuthSettings(otp_resend_seconds=0),
        # Lexical retrieval only and fixed thresholds: the plumbing tests must not depend on how confident a
        # model is about a three-entry knowledge base (retrieval quality has its own tests and evaluation).
        kb=KbSettings(
            embeddings="off",
            answer_threshold_customer=0.5,
            clarify_threshold_customer=0.2,
            answer_threshold_agent=0.5,
            clarify_threshold_agent=0.2,
        ),
        log_level="INFO",
    )
    configure_logging(s)
    logging.getLogger().addHandler(_capture)
    pii.configure(s)
    load_models()
    return s


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[Database]:
    db = Database(settings)
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    yield db
    await db.dispose()


async def _wipe(db: Database) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    async with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            await conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for t in tables:
                await conn.execute(text(f'DELETE FROM "{t}"'))


@pytest.fixture
async def db(database: Database) -> AsyncIterator[Database]:
    """The test database, emptied after the test."""
    yield database
    clock.set_now(None)
    await _wipe(database)


@pytest.fixture
async def session(db: Database) -> AsyncIterator[object]:
    """A session for service tests; the test commits when it wants the data visible."""
    async with db.sessionmaker() as s:
        yield s
        await s.rollback()


@pytest.fixture
async def app(settings: Settings, db: Database) -> AsyncIterator[object]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def fixed_today() -> Iterator[None]:
    yield
    clock.set_now(None)
