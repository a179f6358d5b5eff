"""Phone-sized Chromium walks from the agent's link to the endorsement.

The low-risk walk (renewal flag) is entirely real. The high-risk walk (universal-life withdrawal) goes
through the real identity page with Chromium's fake camera, but the liveness and face-match judgements are
test doubles (``PassingRuntime``): the fake camera shows no face, and dlib on real faces is tested in
tests/identity.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.browser import PHONE, LiveServer
from tests.factories import PASSWORD
from tests.servicing.helpers import World, fix_clock, latest_code, make_world, passing_runtime
from zhihui.platform.db import Database
from zhihui.policy import service as policy_service
from zhihui.settings import Settings

pytestmark = pytest.mark.browser


async def _share(browser: Any, live_server: LiveServer, world: World, policy_no: str, item: str) -> str:
    """The agent signs in on the workbench, shares the item, and returns the link's path."""
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{live_server.url}/login")
    await page.fill("#username", world.agent_username)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.goto(f"{live_server.url}/staff/servicing")
    row = page.locator("tr", has_text=policy_no)
    await row.locator("select[name=item]").select_option(item)
    await row.locator("button").click()
    url = await page.locator("#share-url").input_value()
    qr = await page.request.get(f"{live_server.url}{await page.locator('#share-qr').get_attribute('src')}")
    assert qr.ok and (await qr.body()).startswith(b"\x89PNG")
    assert await page.locator("#shares-mine").inner_text() == "1"
    await context.close()
    return str(urlparse(url).path)


async def _customer_opens(browser: Any, live_server: LiveServer, db: Database, world: World, path: str) -> Any:
    context = await browser.new_context(**PHONE)
    page = await context.new_page()
    await page.goto(f"{live_server.url}{path}")
    await page.click("#send-code")
    await page.fill("#code", await latest_code(db, world.holder.phone))
    await page.click("#verify")
    await page.wait_for_url("**/h5/servicing/*")
    return page


async def _sign_and_submit(page: Any) -> None:
    pad = page.locator("#signature-pad")
    await pad.scroll_into_view_if_needed()
    box = await pad.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + 20, box["y"] + 100)
    await page.mouse.down()
    for x, y in ((80, 40), (140, 110), (220, 50), (300, 90)):
        await page.mouse.move(box["x"] + x, box["y"] + y, steps=4)
    await page.mouse.up()
    await page.click("#submit")


async def test_renewal_flag_from_agent_link_to_endorsement(db: Database, live_server: LiveServer, browser: Any) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    path = await _share(browser, live_server, world, policy_no, "renewal_flag")
    page = await _customer_opens(browser, live_server, db, world, path)
    assert await page.locator("#f-renew").input_value() == "true"  # prefilled with the current flag
    await page.select_option("#f-renew", "false")
    await page.click("#submit")  # unsigned
    assert "签名" in await page.locator("#form-error").inner_text()
    await page.select_option("#f-renew", "false")
    await _sign_and_submit(page)
    await page.wait_for_url("**/h5/servicing/*")
    assert await page.locator("#app-status").inner_text() == "已生效"
    href = await page.locator("#endorsement").get_attribute("href")
    pdf = await page.request.get(f"{live_server.url}{href}")
    assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
    await page.goto(f"{live_server.url}{path}")  # the link is single-use
    assert "已使用过" in await page.locator(".error").inner_text()
    await page.goto(f"{live_server.url}/h5/servicing")
    assert await page.locator(".app-status").first.inner_text() == "已生效"
    async with db.sessionmaker() as session:
        assert (await policy_service.policy_by_number(session, policy_no)).renewal_flag is False


async def test_withdrawal_with_face_verification_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any, settings: Settings
) -> None:
    fix_clock()
    world = await make_world(
        db, {"UL01": {"issue_date": dt.date(2024, 1, 10), "initial_account_fen": 1_000_000, "frequency": "single"}}
    )
    policy_no = world.policies["UL01"]
    app: Any = live_server.server.config.app
    app_state = app.state
    previous = getattr(app_state, "identity", None)
    app_state.identity = passing_runtime(settings)
    try:
        path = await _share(browser, live_server, world, policy_no, "account_withdrawal")
        page = await _customer_opens(browser, live_server, db, world, path)
        async with page.context.expect_page() as popup_info:
            await page.click("#start-face")
        face = await popup_info.value
        await face.wait_for_url("**/h5/identity/*")
        await face.click("#consent-accept")
        await face.click("#start")
        await face.locator("#result[data-outcome=passed]").wait_for(timeout=30_000)
        await face.close()
        await page.click("#face-done")
        await page.fill("#f-amount_yuan", "2000")
        await _sign_and_submit(page)
        await page.wait_for_url("**/h5/servicing/*")
        assert await page.locator("#app-status").inner_text() == "已生效"
        href = await page.locator("#endorsement").get_attribute("href")
        pdf = await page.request.get(f"{live_server.url}{href}")
        assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
    finally:
        app_state.identity = previous
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        account = await policy_service.universal_account(session, policy.id)
        assert account is not None and account.balance_fen == 800_000
