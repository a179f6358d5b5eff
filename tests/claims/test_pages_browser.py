"""A whole report on a phone in Chromium, then a checker's verification with a correction."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import PHONE, LiveServer
from tests.factories import PASSWORD, make_customer, make_policy, make_staff
from zhihui.platform.db import Database

pytestmark = pytest.mark.browser


async def _send(page: Any, text: str) -> str:
    count = await page.locator(".bubble.bot").count()
    await page.fill("#utterance", text)
    await page.click("#send")
    await page.locator(".bubble.bot").nth(count).wait_for()
    return str(await page.locator(".bubble.bot").nth(count).inner_text())


async def test_reporter_walks_a_whole_report_and_checker_corrects_it(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "reviewer", username="checker")
        customer = await make_customer(session, name="张伟")
        await make_policy(session, customer, product_code="MD", issue_date=customer.birth_date.replace(year=2024))
        idno, phone = customer.id_number, customer.phone

    context = await browser.new_context(**PHONE)
    page = await context.new_page()
    await page.goto(f"{live_server.url}/h5/claims/report")
    await page.locator(".bubble.bot").first.wait_for()
    assert "发生了什么" in await page.locator(".bubble.bot").first.inner_text()
    assert await page.locator("#mic").is_disabled()
    assert "语音输入" in await page.locator("#mic").inner_text()

    reply = await _send(page, "我叫张伟，本人报案，昨天在上海浦东新区被电动车撞了，小腿骨折")
    assert "手机" in reply
    # a dropped session: reload the page and carry on where we were
    await page.reload()
    await page.locator(".bubble.me").first.wait_for()
    assert await page.locator(".bubble.me").count() == 1
    reply = await _send(page, phone)
    assert "身份证" in reply
    reply = await _send(page, idno)
    assert "医院" in reply
    reply = await _send(page, "在上海市第六人民医院住院")
    assert "以上信息对吗" in reply and idno not in reply
    assert await page.locator("#summary dd[data-slot=insured_name]").inner_text() == "张伟"
    await page.click("#quick [data-say]")
    await page.locator("#report-no").wait_for()
    report_no = await page.locator("#report-no").inner_text()
    assert report_no.startswith("BA")
    await context.close()

    checker = await (await browser.new_context()).new_page()
    await checker.goto(f"{live_server.url}/login")
    await checker.fill("#username", "checker")
    await checker.fill("#password", PASSWORD)
    await checker.click("button[type=submit]")
    await checker.goto(f"{live_server.url}/staff/claims")
    await checker.click(f"text={report_no}")
    assert await checker.locator("#order-status").get_attribute("data-status") == "pending_verification"
    content = await checker.content()
    assert idno not in content and phone not in content
    assert "我叫张伟" in await checker.locator(".transcript").inner_text()
    row = checker.locator("tr[data-slot=diagnosis]")
    await row.locator("summary").click()
    await row.locator("input[name=term]").fill("胫腓骨骨折")
    await row.locator("input[name=icd10]").fill("S82")
    await row.locator("input[name=reason]").fill("据病历更正")
    await row.locator("button[type=submit]").click()
    await checker.locator("#corrections").wait_for()
    assert "胫腓骨骨折" in await checker.locator("tr[data-slot=diagnosis] .value").inner_text()
    # a bad correction is refused with the reason, nothing changes
    row = checker.locator("tr[data-slot=accident_date]")
    await row.locator("summary").click()
    await row.locator("input[name=value]").fill("2099-01-01")
    await row.locator("button[type=submit]").click()
    assert await checker.locator(".error").get_attribute("data-code") == "claim_invalid_slot_value"
    await checker.click("#verify")
    assert await checker.locator("#order-status").get_attribute("data-status") == "corrected"
    await checker.click("#close")
    assert await checker.locator("#order-status").get_attribute("data-status") == "closed"
    await checker.goto(f"{live_server.url}/staff/claims/metrics")
    assert await checker.locator("#verified-count").inner_text() == "1"
    assert await checker.locator("tr[data-slot=diagnosis] .accuracy").inner_text() == "0.0%"
    assert await checker.locator("tr[data-slot=cause] .accuracy").inner_text() == "100.0%"
