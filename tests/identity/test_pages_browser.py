"""The H5 verification page in Chromium, its camera fed from a video file made of one still photo
(``--use-file-for-fake-video-capture``): a photo held up to the camera must fail liveness with the
static-image message, and the customer may retry."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import httpx
import pytest

pytest.importorskip("dlib", reason="dlib-bin is not installed")
if importlib.util.find_spec("face_recognition_models") is None:
    pytest.skip("face_recognition_models is not installed", allow_module_level=True)
if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
    pytest.skip("Chromium is not installed", allow_module_level=True)

from tests.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, LiveServer
from tests.factories import make_customer
from tests.identity.conftest import FACES, customer_headers
from tests.identity.fakecam import write_y4m
from zhihui.platform.auth import SESSION_COOKIE
from zhihui.platform.db import Database

if not (FACES / "obama.jpg").is_file():
    pytest.skip(f"test photos not found in {FACES.resolve()}", allow_module_level=True)

pytestmark = pytest.mark.browser

STATIC_HINT = "未检测到动作，请按提示眨眼/转头（不能使用照片）"


async def test_static_photo_fails_liveness_on_the_h5_page(
    db: Database, live_server: LiveServer, tmp_path: Path
) -> None:
    from playwright.async_api import async_playwright

    video = write_y4m(tmp_path / "still.y4m", FACES / "obama.jpg", frames=20, noise_sigma=2.0)
    async with db.unit_of_work() as session:
        customer = await make_customer(session, name="欧巴马")
    headers = await customer_headers(db, customer.id)
    async with httpx.AsyncClient(base_url=live_server.url) as api:
        r = await api.post("/api/v1/identity/sessions", json={"purpose": "servicing"}, headers=headers)
        assert r.status_code == 201, r.text
        h5_path = r.json()["h5_path"]

    args = [*CHROMIUM_ARGS, f"--use-file-for-fake-video-capture={video}"]
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
        try:
            context = await browser.new_context(**PHONE)
            await context.add_cookies(
                [{"name": SESSION_COOKIE, "value": headers["Authorization"][7:], "url": live_server.url}]
            )
            page = await context.new_page()
            await page.goto(f"{live_server.url}{h5_path}")
            assert await page.locator("#step-consent").is_visible()
            assert await page.locator("#step-camera").is_hidden()
            await page.click("#consent-accept")
            await page.locator("#step-camera").wait_for(state="visible")
            await page.wait_for_function("document.getElementById('camera').videoWidth > 0", timeout=10_000)
            await page.click("#start")
            # One big instruction per challenge action while the frames are captured.
            await page.wait_for_function(
                "['请眨眨眼','请向左转头','请向右转头','请张张嘴','请点点头']"
                ".includes(document.getElementById('instruction').textContent)",
                timeout=10_000,
            )
            result = page.locator("#step-result")
            await result.wait_for(state="visible", timeout=30_000)
            assert await page.locator("#result").get_attribute("data-code") == "static_image"
            assert await page.locator("#result").get_attribute("data-outcome") == "failed"
            assert await page.locator("#result-hint").inner_text() == STATIC_HINT
            assert await page.locator("#result-title").inner_text() == "验证未通过"
            assert await page.locator("#result-attempts").inner_text() == "还可以再试 2 次"
            assert await page.locator("#retry").is_visible()
        finally:
            await browser.close()
