"""Sign in through the real pages in Chromium: every staff role, and a customer with the SMS code."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import PHONE, LiveServer
from tests.factories import PASSWORD, make_customer, make_policy, make_staff
from zhihui.platform.auth import ROLE_LABELS, Role
from zhihui.platform.db import Database

pytestmark = pytest.mark.browser


async def test_every_staff_role_signs_in_and_sees_its_home(db: Database, live_server: LiveServer, browser: Any) -> None:
    async with db.unit_of_work() as session:
        for role in Role:
            await make_staff(session, role, username=f"u_{role}")
    context = await browser.new_context()
    page = await context.new_page()
    for role in Role:
        await page.goto(f"{live_server.url}/")
        assert "/login" in page.url
        await page.fill("#username", f"u_{role}")
        await page.fill("#password", PASSWORD)
        await page.click("button[type=submit]")
        badge = page.locator("[data-role]")
        assert await badge.get_attribute("data-role") == role
        assert await badge.inner_text() == ROLE_LABELS[role]
        await page.click("text=退出")
    await page.fill("#username", "u_admin")
    await page.fill("#password", "wrong-password")
    await page.click("button[type=submit]")
    assert "用户名或密码不正确" in await page.locator(".error").inner_text()
    await context.close()


async def test_admin_finds_customer_and_reveal_is_audited(db: Database, live_server: LiveServer, browser: Any) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "online_agent", username="seat")
        customer = await make_customer(session, name="钱多多")
        await make_policy(session, customer)
        phone = customer.phone
    page = await (await browser.new_context()).new_page()
    await page.goto(f"{live_server.url}/login")
    await page.fill("#username", "seat")
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    await page.goto(f"{live_server.url}/staff/customers?q=钱多多")
    await page.click("text=KH")
    content = await page.content()
    assert phone not in content and phone[:3] + "****" + phone[-4:] in content
    await page.select_option("#field", "phone")
    await page.fill("#reason", "客户来电核实身份")
    await page.click("form[hx-post] button")
    revealed = page.locator(".revealed")
    await revealed.wait_for()
    assert await revealed.inner_text() == phone


async def test_customer_signs_in_with_sms_code_on_a_phone(db: Database, live_server: LiveServer, browser: Any) -> None:
    async with db.unit_of_work() as session:
        customer = await make_customer(session, name="孙丽")
        await make_policy(session, customer)
        phone = customer.phone
    context = await browser.new_context(**PHONE)
    page = await context.new_page()
    await page.goto(f"{live_server.url}/h5/")
    assert "/h5/login" in page.url
    await page.fill("#phone", phone)
    await page.click("#send-code")
    await page.locator("#code-status .notice").wait_for()
    outbox = await context.new_page()
    await outbox.goto(f"{live_server.url}/demo/sms?phone={phone}")
    body = await outbox.locator(".sms-body").first.inner_text()
    code = body.split("验证码是")[1][:6]
    await page.fill("#code", "000000" if code != "000000" else "111111")
    await page.click("button[type=submit]")
    assert "验证码不正确" in await page.locator(".error").inner_text()
    await page.fill("#code", code)
    await page.click("button[type=submit]")
    await page.locator(".policy").first.wait_for()
    assert "孙丽" in await page.content()
    await context.close()
