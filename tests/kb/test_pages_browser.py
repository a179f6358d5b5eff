"""The knowledge-base pages in Chromium: 秒懂保全 search and a playing video, training, hot topics, robot chat."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx
import pytest

from tests.browser import PHONE, LiveServer
from tests.factories import PASSWORD, make_staff
from tests.kb.factories import ENTRIES, jsonl
from zhihui.kb import service
from zhihui.platform.actor import SYSTEM
from zhihui.platform.db import Database

pytestmark = pytest.mark.browser


async def _prepare(db: Database, live_server: LiveServer) -> httpx.AsyncClient:
    async with db.unit_of_work() as session:
        await make_staff(session, "admin", username="boss")
    client = httpx.AsyncClient(base_url=live_server.url, timeout=60)  # an import rebuilds the index: slow on a busy CI
    r = await client.post("/api/v1/auth/token", json={"username": "boss", "password": PASSWORD})
    client.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    r = await client.post("/api/v1/kb/import", files={"file": ("kb.jsonl", jsonl())}, data={"replace": "true"})
    assert r.status_code == 200, r.text
    for _ in range(100):  # the server rebuilds its index after the import event
        r = await client.post("/api/v1/kb/ask", json={"text": ENTRIES[0]["question"], "audience": "customer"})
        if r.json()["entry_id"] == "T-BENEF":
            break
        await asyncio.sleep(0.1)
    async with db.unit_of_work() as session:
        await service.add_attachment(
            session, "T-SHARE", kind="video", title="操作演示", filename="share-link-howto.webm",
            content_type="video/webm", size=1, storage_path="package:share-link-howto.webm", actor=SYSTEM,
        )  # fmt: skip
    return client


async def _login(browser: Any, live_server: LiveServer, **context: Any) -> Any:
    page = await (await browser.new_context(**context)).new_page()
    await page.goto(f"{live_server.url}/login")
    await page.fill("#username", "boss")
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    return page


async def test_knowledge_search_article_and_video_plays(db: Database, live_server: LiveServer, browser: Any) -> None:
    client = await _prepare(db, live_server)
    page = await _login(browser, live_server)
    await page.goto(f"{live_server.url}/kb/knowledge")
    await page.fill("#knowledge-q", "慧保全链接怎么发给客户")
    link = page.locator("#knowledge-results a").first
    await link.wait_for()
    assert "分享保全办理链接" in await link.inner_text()
    await link.click()
    video = page.locator("video.howto")
    await video.wait_for()
    await page.evaluate("() => { const v = document.querySelector('video.howto'); v.muted = true; return v.play(); }")
    await page.wait_for_function("() => document.querySelector('video.howto').currentTime > 0.5", timeout=15000)
    duration = await page.evaluate("() => document.querySelector('video.howto').duration")
    assert duration > 5
    media_url = await video.get_attribute("src")
    r = await client.get(str(media_url), headers={"Range": "bytes=0-99"})
    assert r.status_code == 206 and len(r.content) == 100 and r.headers["content-type"] == "video/webm"
    await client.aclose()


async def test_training_page_adds_a_paraphrase_and_hot_page_draws(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    client = await _prepare(db, live_server)
    question = "能换个人领钱吗"
    r = await client.post("/api/v1/kb/ask", json={"text": question, "audience": "customer"})
    assert r.json()["outcome"] != "answer"
    page = await _login(browser, live_server)
    await page.goto(f"{live_server.url}/kb/training")
    group = page.locator(".training-group", has_text=question)
    await group.locator("input[name=entry_id]").fill("T-BENEF")
    await group.locator("text=加为相似问法").click()
    await group.locator("[data-done=paraphrase]").wait_for()
    r = await client.post("/api/v1/kb/ask", json={"text": question, "audience": "customer"})
    assert r.json()["outcome"] == "answer" and r.json()["entry_id"] == "T-BENEF"
    await page.goto(f"{live_server.url}/kb/hot?window=1h")
    await page.wait_for_function("() => document.getElementById('hot-summary').textContent.includes('共')")
    summary = await page.locator("#hot-summary").inner_text()
    asked = int(re.search(r"共 (\d+) 个提问", summary).group(1))  # type: ignore[union-attr]
    assert asked >= 3  # the warm-up questions, the unanswered one and its retry
    assert await page.evaluate("() => Chart.getChart('hot-chart').data.datasets[0].data.length") >= 1
    assert await page.locator("#hot-chart").is_visible() and not await page.locator("#hot-chart-empty").is_visible()
    # Counts of questions are whole numbers: no tick of the count axis has a fraction.
    ticks = await page.evaluate("() => Chart.getChart('hot-chart').scales.x.ticks.map((t) => t.value)")
    assert ticks and all(float(t).is_integer() for t in ticks)
    # No agent asked anything: the page says so instead of drawing an empty chart.
    await page.select_option("#audience", "agent")
    await page.click("#hot-filter button[type=submit]")
    await page.locator("#hot-chart-empty").wait_for(state="visible")
    assert not await page.locator("#hot-chart").is_visible()
    await client.aclose()


async def test_customer_robot_chat_and_bad_import(db: Database, live_server: LiveServer, browser: Any) -> None:
    client = await _prepare(db, live_server)
    page = await (await browser.new_context(**PHONE)).new_page()
    await page.goto(f"{live_server.url}/h5/robot")
    await page.fill("#ask-text", "怎么变更保单的受益人？")
    await page.click("#ask-form button[type=submit]")
    reply = page.locator(".bubble.bot[data-outcome]").last
    await reply.wait_for()
    assert "被保险人同意" in await reply.inner_text()
    await reply.locator("text=有帮助").click()
    await page.locator("text=感谢您的评价").wait_for()
    staff = await _login(browser, live_server)
    await staff.goto(f"{live_server.url}/kb/manage")
    bad = jsonl([dict(ENTRIES[0], id="Z1"), dict(ENTRIES[1], id="Z2", answer="")])
    await staff.set_input_files("#file", files=[{"name": "kb.jsonl", "mimeType": "application/json", "buffer": bad}])
    await staff.click("form[action='/kb/manage/import'] button[type=submit]")
    assert "第2行：缺少答案" in await staff.locator(".import-errors").inner_text()
    await client.aclose()
