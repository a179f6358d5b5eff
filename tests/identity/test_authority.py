"""The http identity authority against a small vendor server running in this test (uvicorn in a thread):
the JSON contract of docs/identity.md, retries, timeouts, the circuit breaker, and the name + ID number
check that happens before any photo leaves."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.browser import free_port
from tests.factories import make_customer
from zhihui.identity.authority import AuthorityUnavailable, HttpAuthority
from zhihui.identity.verification import check_identity
from zhihui.platform.actor import SYSTEM
from zhihui.platform.errors import ZhihuiError
from zhihui.settings import IdentitySettings

PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg"


class Vendor:
    """A fake of the vendor's service, reachable over real HTTP: answers ``match`` for 欧巴马, ``no_match``
    for anyone else; can be told to fail, answer slowly or refuse."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.fail_next = 0
        self.delay = 0.0
        self.status = 200
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1/face/verify"
        app = Starlette(routes=[Route("/v1/face/verify", self.verify, methods=["POST"])])
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_config=None))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    async def verify(self, request: Request) -> JSONResponse:
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        if self.fail_next > 0:
            self.fail_next -= 1
            return JSONResponse({"error": "busy"}, status_code=503)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return JSONResponse({"error": "bad request"}, status_code=self.status)
        result = "match" if body["name"] == "欧巴马" else "no_match"
        return JSONResponse({"request_id": body["request_id"], "result": result, "score": 0.93, "threshold": 0.8})

    def __enter__(self) -> Vendor:
        self.thread.start()
        deadline = time.time() + 10
        while not self.server.started:
            assert time.time() < deadline, "vendor server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def vendor() -> Iterator[Vendor]:
    with Vendor() as server:
        yield server


@pytest.fixture
def fresh(vendor: Vendor) -> Vendor:
    vendor.requests.clear()
    vendor.headers.clear()
    vendor.fail_next, vendor.delay, vendor.status = 0, 0.0, 200
    return vendor


def _settings(vendor: Vendor, **overrides: Any) -> IdentitySettings:
    base: dict[str, Any] = {
        "authority": "http",
        "http_url": vendor.url,
        "http_api_key": "vendor-key",
        "http_timeout_seconds": 2.0,
        "http_retries": 2,
        "http_backoff_seconds": 0.01,
        "http_breaker_failures": 2,
        "http_breaker_cooldown_seconds": 0.3,
    }
    return IdentitySettings(**(base | overrides))


async def test_contract_and_retries_after_server_errors(fresh: Vendor) -> None:
    authority = HttpAuthority(_settings(fresh))
    fresh.fail_next = 2
    try:
        result = await authority.verify("欧巴马", "11010119900307123X", PHOTO)
    finally:
        await authority.aclose()
    assert result.match and result.code == "match" and result.provider == "http"
    assert result.score == 0.93 and result.threshold == 0.8 and result.distance is None
    assert len(fresh.requests) == 3  # two 503s, then the answer
    sent = fresh.requests[-1]
    assert set(sent) == {"request_id", "name", "id_number", "photo"}
    assert base64.b64decode(sent["photo"]) == PHOTO and sent["id_number"] == "11010119900307123X"
    assert fresh.headers[-1]["authorization"] == "Bearer vendor-key"
    assert fresh.headers[-1]["x-request-id"] == sent["request_id"]
    assert len({r["request_id"] for r in fresh.requests}) == 1  # retries repeat the same request id


async def test_client_errors_are_not_retried(fresh: Vendor) -> None:
    authority = HttpAuthority(_settings(fresh))
    fresh.status = 400
    try:
        with pytest.raises(AuthorityUnavailable, match="HTTP 400"):
            await authority.verify("欧巴马", "11010119900307123X", PHOTO)
    finally:
        await authority.aclose()
    assert len(fresh.requests) == 1


async def test_breaker_opens_after_failures_and_half_opens_after_cooldown(fresh: Vendor) -> None:
    authority = HttpAuthority(_settings(fresh, http_timeout_seconds=0.2, http_retries=1))
    fresh.delay = 0.6
    try:
        for _ in range(2):
            with pytest.raises(AuthorityUnavailable, match="Timeout"):
                await authority.verify("欧巴马", "11010119900307123X", PHOTO)
        assert len(fresh.requests) == 4 and authority.breaker.state == "open"
        started = time.monotonic()
        with pytest.raises(AuthorityUnavailable, match="circuit breaker open"):
            await authority.verify("欧巴马", "11010119900307123X", PHOTO)
        assert time.monotonic() - started < 0.05 and len(fresh.requests) == 4  # refused without calling
        await asyncio.sleep(0.35)
        assert authority.breaker.state == "half_open"
        # The trial call fails: open again for another cool-down.
        with pytest.raises(AuthorityUnavailable):
            await authority.verify("欧巴马", "11010119900307123X", PHOTO)
        assert authority.breaker.state == "open"
        await asyncio.sleep(0.35)
        fresh.delay = 0.0
        result = await authority.verify("欧巴马", "11010119900307123X", PHOTO)
        assert result.match and authority.breaker.state == "closed" and authority.breaker.failures == 0
    finally:
        await authority.aclose()


async def test_name_and_id_number_are_checked_before_the_photo_is_sent(session: Any, fresh: Vendor) -> None:
    customer = await make_customer(session, name="欧巴马")
    other = await make_customer(session, name="拜登")
    authority = HttpAuthority(_settings(fresh))
    try:
        with pytest.raises(ZhihuiError) as caught:
            await check_identity(
                session, name="拜登", id_number=customer.id_number, photo=PHOTO, authority=authority, actor=SYSTEM
            )
        assert caught.value.code == "name_id_mismatch"
        with pytest.raises(ZhihuiError) as caught:
            await check_identity(
                session, name="欧巴马", id_number="11010119900307123X", photo=PHOTO, authority=authority, actor=SYSTEM
            )
        assert caught.value.code == "id_number_unknown"
        assert fresh.requests == []
        result = await check_identity(
            session, name="拜登", id_number=other.id_number, photo=PHOTO, authority=authority, actor=SYSTEM
        )
        assert result.code == "no_match" and not result.match and len(fresh.requests) == 1
        fresh.fail_next = 10
        with pytest.raises(ZhihuiError) as caught:
            await check_identity(
                session, name="欧巴马", id_number=customer.id_number, photo=PHOTO, authority=authority, actor=SYSTEM
            )
        assert caught.value.code == "authority_unavailable" and caught.value.status == 503
    finally:
        await authority.aclose()
