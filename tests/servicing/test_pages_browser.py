"""Phone-sized Chromium walks from the agent's link to the endorsement, one per servicing item.

Each walk: the agent signs in and shares the item on the workbench; the customer opens the link on a
phone-sized viewport, proves the phone on file by SMS (and passes face verification where the item requires
it), checks the prefilled form, makes one mistake the page must explain in Chinese, fills the form properly,
signs on the canvas and submits; a reviewer decides where the item's review rule asks for a person; the walk
ends at the endorsement PDF and checks the change in the policy core through the service functions.

Face verification goes through the real identity page with Chromium's fake camera, but the liveness and
face-match judgements are test doubles (``PassingRuntime``): the fake camera shows no face, and dlib on real
faces is tested in tests/identity. The capture takes about 10 s of the page's own clock; since the
judgements are doubles, the walk runs the page's clock forward (Playwright's clock) instead of waiting. The
walk taps “开始验证” right after consent, as a quick customer does: the capture must still wait for the
camera's first frame (a 0×0 capture uploads nothing and fails with ``no_frames``).
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.async_api import expect
from sqlalchemy import select

from tests.browser import PHONE, LiveServer
from tests.factories import PASSWORD, make_id_number, make_phone
from tests.servicing.helpers import (
    World,
    fix_clock,
    latest_code,
    make_world,
    passing_runtime,
    signature_png,
    sms_bodies,
)
from zhihui.platform.actor import SYSTEM
from zhihui.platform.db import Database
from zhihui.platform.models import AuditLog
from zhihui.platform.validators import luhn_ok
from zhihui.policy import service as policy_service
from zhihui.policy.rules import PolicyStatus, RoleKind
from zhihui.settings import Settings

pytestmark = pytest.mark.browser

APPROVED = "已生效"


# --- shared steps -------------------------------------------------------------------------------------------


@pytest.fixture
def face_passes(live_server: LiveServer, settings: Settings) -> Iterator[None]:
    """The live app's identity runtime judges every capture live and matching (see the module docstring)."""
    app: Any = live_server.server.config.app
    previous = getattr(app.state, "identity", None)
    app.state.identity = passing_runtime(settings)
    yield
    app.state.identity = previous


def card_number(prefix: str) -> tuple[str, str]:
    """A bank card number passing the Luhn check, and the same number with a wrong check digit."""
    good = next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))
    return good, good[:-1] + str((int(good[-1]) + 1) % 10)


async def _staff_page(browser: Any, live_server: LiveServer, username: str) -> Any:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{live_server.url}/login")
    await page.fill("#username", username)
    await page.fill("#password", PASSWORD)
    await page.click("button[type=submit]")
    return page


async def _share(
    browser: Any, live_server: LiveServer, world: World, policy_no: str, item: str, applicant: str = "policyholder"
) -> str:
    """The agent signs in on the workbench, shares the item, and returns the link's path."""
    page = await _staff_page(browser, live_server, world.agent_username)
    await page.goto(f"{live_server.url}/staff/servicing")
    row = page.locator("tr", has_text=policy_no)
    await row.locator("select[name=item]").select_option(item)
    await row.locator("select[name=applicant]").select_option(applicant)
    await row.locator("button").click()
    url = await page.locator("#share-url").input_value()
    qr = await page.request.get(f"{live_server.url}{await page.locator('#share-qr').get_attribute('src')}")
    assert qr.ok and (await qr.body()).startswith(b"\x89PNG")
    assert await page.locator("#shares-mine").inner_text() == "1"
    await page.context.close()
    return str(urlparse(url).path)


async def _customer_opens(
    browser: Any, live_server: LiveServer, db: Database, world: World, path: str, phone: str | None = None
) -> Any:
    """The customer opens the link on a phone and proves the phone on file (the holder's unless given)."""
    context = await browser.new_context(**PHONE)
    page = await context.new_page()
    await page.goto(f"{live_server.url}{path}")
    await page.click("#send-code")
    await page.fill("#code", await latest_code(db, phone or world.holder.phone))
    await page.click("#verify")
    await page.wait_for_url("**/h5/servicing/*")
    return page


async def _pass_face(page: Any) -> None:
    """Face verification in the identity page the servicing page opens, then back to the form."""
    await expect(page.locator("#face-step")).to_be_visible()
    await expect(page.locator("#servicing-form")).to_have_count(0)  # no form before the face step
    async with page.context.expect_page() as popup_info:
        await page.click("#start-face")
    face = await popup_info.value
    await face.wait_for_url("**/h5/identity/*")
    await face.click("#consent-accept")
    # the capture on a fast-forwarded clock (see the module docstring)
    await face.clock.install()
    await face.click("#start")
    await expect(face.locator("#instruction")).not_to_have_text("请将脸部放入框内")  # the challenge arrived
    await face.clock.run_for(15_000)
    await face.locator("#result[data-outcome=passed]").wait_for(timeout=30_000)
    await face.close()
    await page.click("#face-done")
    await expect(page.locator("#servicing-form")).to_be_visible()


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


async def _refused(page: Any, message: str) -> None:
    """The submission came back with the form and a Chinese explanation; nothing was submitted."""
    await expect(page.locator("#form-error")).to_contain_text(message)
    await expect(page.locator("#app-status")).to_have_text("待提交")


async def _endorsement(page: Any, live_server: LiveServer) -> str:
    """The application is in force and its endorsement PDF downloads; returns the application number."""
    await expect(page.locator("#app-status")).to_have_text(APPROVED)
    number = await page.locator("#app-no").inner_text()
    link = page.locator("#endorsement")
    await expect(link).to_contain_text(number)
    pdf = await page.request.get(f"{live_server.url}{await link.get_attribute('href')}")
    assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
    assert pdf.headers["content-type"].startswith("application/pdf")
    return str(number)


async def _review(page: Any, live_server: LiveServer, number: str, reason_shown: str) -> None:
    """The reviewer finds the application in the queue with why it is there and opens it."""
    await page.goto(f"{live_server.url}/staff/servicing/review")
    row = page.locator("tr", has_text=number)
    await expect(row).to_contain_text(reason_shown)
    await row.get_by_role("link", name="审核").click()
    await expect(page.locator("#review-status")).to_have_text("审核中")


async def _decide(page: Any, decision: str, reason: str = "") -> None:
    await page.fill("#reason", reason)
    await page.click(f"button[value={decision}]")


def _lines(page: Any) -> Any:
    return page.locator("div.card", has_text="办理内容")


# --- 8. renewal_flag; 5. account_withdrawal ------------------------------------------------------------------


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
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(
        db, {"UL01": {"issue_date": dt.date(2024, 1, 10), "initial_account_fen": 1_000_000, "frequency": "single"}}
    )
    policy_no = world.policies["UL01"]
    path = await _share(browser, live_server, world, policy_no, "account_withdrawal")
    page = await _customer_opens(browser, live_server, db, world, path)
    await _pass_face(page)
    await page.fill("#f-amount_yuan", "2000")
    await _sign_and_submit(page)
    await page.wait_for_url("**/h5/servicing/*")
    assert await page.locator("#app-status").inner_text() == "已生效"
    href = await page.locator("#endorsement").get_attribute("href")
    pdf = await page.request.get(f"{live_server.url}{href}")
    assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        account = await policy_service.universal_account(session, policy.id)
        assert account is not None and account.balance_fen == 800_000


# --- 1. customer_auth ----------------------------------------------------------------------------------------


async def test_customer_auth_with_face_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    async with db.sessionmaker() as session:
        assert (await policy_service.get_customer(session, world.holder.id)).verified_at is None
    path = await _share(browser, live_server, world, policy_no, "customer_auth")
    page = await _customer_opens(browser, live_server, db, world, path)
    await _pass_face(page)
    assert await page.locator("#f-name").input_value() == world.holder.name  # the name is prefilled, the ID not
    assert await page.locator("#f-id_number").input_value() == ""
    someone_else = make_id_number(world.holder.birth_date, male=True)  # a valid number, not the customer's
    await page.fill("#f-id_number", someone_else)
    await _sign_and_submit(page)
    await _refused(page, "姓名或身份证号码与我们登记的信息不一致")
    await page.fill("#f-id_number", world.holder.id_number)
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    await expect(_lines(page)).to_contain_text("已认证（短信验证码+刷脸）")
    async with db.sessionmaker() as session:
        assert (await policy_service.get_customer(session, world.holder.id)).verified_at is not None


# --- 2. info_change ------------------------------------------------------------------------------------------


async def test_info_change_new_phone_address_and_id_validity_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    policy_no = world.policies["WL01"]
    path = await _share(browser, live_server, world, policy_no, "info_change")
    page = await _customer_opens(browser, live_server, db, world, path)
    prefilled = {
        "#f-province": "上海市",
        "#f-city": "上海市",
        "#f-district": "浦东新区",
        "#f-address_detail": "世纪大道100号",
        "#f-occupation_code": "0001001",
        "#f-occupation_class": "1",
    }
    for selector, value in prefilled.items():
        assert await page.locator(selector).input_value() == value
    await page.fill("#f-province", "北京市")
    await page.fill("#f-city", "北京市")
    await page.fill("#f-district", "朝阳区")
    await page.fill("#f-address_detail", "建国路88号")
    # issued at 34: a resident ID is valid for 20 years, so 2030 is wrong
    await page.fill("#f-id_valid_from", "2020-03-01")
    await page.fill("#f-id_valid_until", "2030-03-01")
    await page.fill("#pc-phone", "1380013800")  # ten digits
    await page.click("#send-phone-code")
    await expect(page.locator("#form-error")).to_contain_text("手机号码不正确")
    assert await page.locator("#f-district").input_value() == "朝阳区"  # asking for a code keeps what was typed
    new_phone = make_phone()
    await page.fill("#pc-phone", new_phone)
    await page.click("#send-phone-code")
    await expect(page.locator("#form-notice")).to_contain_text("验证码已发送到新手机号")
    assert await page.locator("#f-address_detail").input_value() == "建国路88号"
    assert await page.locator("#f-id_valid_until").input_value() == "2030-03-01"
    await page.fill("#f-phone_code", await latest_code(db, new_phone))
    await _sign_and_submit(page)
    await _refused(page, "证件有效期不正确：签发时34周岁，有效期应为20年，截止日期应为2040-03-01")
    assert await page.locator("#f-district").input_value() == "朝阳区"  # what was typed is kept
    await page.fill("#f-id_valid_until", "2040-03-01")
    await page.fill("#f-phone_code", await latest_code(db, new_phone))
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    lines = _lines(page)
    await expect(lines).to_contain_text(new_phone[-4:])
    await expect(lines).not_to_contain_text(new_phone)  # masked
    async with db.sessionmaker() as session:
        customer = await policy_service.get_customer(session, world.holder.id)
        assert customer.phone == new_phone
        assert (customer.province, customer.district, customer.address_detail) == ("北京市", "朝阳区", "建国路88号")
        assert (customer.id_valid_from, customer.id_valid_until) == (dt.date(2020, 3, 1), dt.date(2040, 3, 1))
        assert customer.occupation_class == 1


async def test_info_change_occupation_up_rejected_by_reviewer_with_reason(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    path = await _share(browser, live_server, world, world.policies["WL01"], "info_change")
    page = await _customer_opens(browser, live_server, db, world, path)
    await page.fill("#f-occupation_code", "0701002")  # a construction worker
    await page.press("#f-occupation_code", "Enter")  # the keyboard's "go" submits the form, not the code button
    await _refused(page, "签名")
    await page.select_option("#f-occupation_class", "")
    await _sign_and_submit(page)
    await _refused(page, "请同时填写职业代码和职业类别")
    await page.select_option("#f-occupation_class", "5")
    await _sign_and_submit(page)
    await expect(page.locator("#app-status")).to_have_text("审核中")
    number = await page.locator("#app-no").inner_text()

    reviewer = await _staff_page(browser, live_server, world.reviewer_username)
    await _review(reviewer, live_server, number, "职业类别由1类升为5类，需人工核保")
    await _decide(reviewer, "reject")  # a rejection needs a reason the customer can read
    await expect(reviewer.locator(".error")).to_contain_text("请填写原因")
    await _decide(reviewer, "reject", "职业风险超出本产品承保范围，建议咨询业务员更换产品")
    await expect(reviewer.locator("#review-status")).to_have_text("未通过")
    await reviewer.context.close()

    await page.reload()
    await expect(page.locator("#app-status")).to_have_text("未通过")
    await expect(page.locator("#decision-reason")).to_contain_text("职业风险超出本产品承保范围")
    await expect(page.locator("#endorsement")).to_have_count(0)
    await expect(page.locator("#servicing-form")).to_have_count(0)  # a decided application cannot be edited
    await page.goto(f"{live_server.url}/h5/servicing")
    await expect(page.locator(".app-status").first).to_have_text("未通过")
    assert any("未通过审核" in body for body in await sms_bodies(db, world.holder.phone))
    async with db.sessionmaker() as session:
        customer = await policy_service.get_customer(session, world.holder.id)
        assert (customer.occupation_code, customer.occupation_class) == ("0001001", 1)


# --- 3. benefit_payment --------------------------------------------------------------------------------------


async def test_benefit_payment_above_online_limit_approved_by_reviewer(
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    # an annuity paying 10% of 600,000 a year from 60; the insured (the holder) is 62
    world = await make_world(
        db,
        {"AN01": {"issue_date": dt.date(2024, 1, 10), "sum_assured_fen": 60_000_000}},
        holder={"birth_date": dt.date(1963, 1, 1)},
    )
    policy_no = world.policies["AN01"]
    path = await _share(browser, live_server, world, policy_no, "benefit_payment", applicant="insured")
    page = await _customer_opens(browser, live_server, db, world, path)
    await _pass_face(page)
    facts = page.locator("div.card", has_text="本年度应领金额")
    await expect(facts).to_contain_text("¥60,000.00")
    await expect(facts).to_contain_text("****3446")  # the payout account, masked
    await _sign_and_submit(page)  # not confirmed
    await _refused(page, "请勾选确认后再提交")
    await page.check("#f-confirm")
    await _sign_and_submit(page)
    await expect(page.locator("#app-status")).to_have_text("审核中")
    number = await page.locator("#app-no").inner_text()

    reviewer = await _staff_page(browser, live_server, world.reviewer_username)
    await _review(reviewer, live_server, number, "给付金额超过50,000.00元，需人工审核")
    await expect(reviewer.locator("table").first).to_contain_text("60,000.00元")
    await _decide(reviewer, "approve")
    await expect(reviewer.locator("#review-status")).to_have_text(APPROVED)
    await reviewer.context.close()

    await page.reload()
    assert await _endorsement(page, live_server) == number
    await expect(_lines(page)).to_contain_text("第2保单年度生存金/年金")
    async with db.sessionmaker() as session:
        payouts = (
            await session.scalars(
                select(AuditLog).where(AuditLog.action == "policy.benefit_paid", AuditLog.subject_id == policy_no)
            )
        ).all()
    assert [(p.detail["amount_fen"], p.detail["period"]) for p in payouts] == [(6_000_000, 2)]  # paid once
    assert payouts[0].detail["reference"][-4:] == number[-4:]  # under the endorsement's number (masked in audit)


# --- 4. reinstatement ----------------------------------------------------------------------------------------


async def test_reinstatement_with_health_yes_reviewer_asks_for_more_then_approves(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    fix_clock()
    # paid only at issue: paid to 2025-01-10, lapsed 2025-03-11 (60 days' grace), less than a year ago
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10), "paid_installments": 1}})
    policy_no = world.policies["WL01"]
    async with db.sessionmaker() as session:
        assert policy_service.status_of(await policy_service.policy_by_number(session, policy_no)) == (
            PolicyStatus.LAPSED
        )
    path = await _share(browser, live_server, world, policy_no, "reinstatement")
    page = await _customer_opens(browser, live_server, db, world, path)
    await expect(page.locator("div.card", has_text="欠交保费")).to_contain_text("1期，¥5,000.00")
    answers = {"h1": "no", "h2": "no", "h3": "yes", "h4": "no", "h5": "no"}
    for name in answers:  # the health declaration is not pre-answered
        assert await page.locator(f"#f-{name}").input_value() == ""
    await page.select_option("#f-h1", "no")
    await page.select_option("#f-h2", "no")
    await page.check("#f-confirm")
    await _sign_and_submit(page)  # three questions left open
    await _refused(page, "请逐项回答健康告知问题")
    # what was answered is kept, and the open questions stay open (not silently “否”)
    assert [await page.locator(f"#f-{name}").input_value() for name in answers] == ["no", "no", "", "", ""]
    assert await page.locator("#f-confirm").is_checked()
    for name, answer in answers.items():
        await page.select_option(f"#f-{name}", answer)
    await _sign_and_submit(page)
    await expect(page.locator("#app-status")).to_have_text("审核中")
    number = await page.locator("#app-no").inner_text()

    reviewer = await _staff_page(browser, live_server, world.reviewer_username)
    await _review(reviewer, live_server, number, "健康告知第3项回答“是”，转人工核保")
    more = "请补充说明正在服用的药物名称及最近一次复查的结果"
    await _decide(reviewer, "more_info", more)
    await expect(reviewer.locator("#review-status")).to_have_text("待补充资料")

    await page.reload()
    await expect(page.locator("#app-status")).to_have_text("待补充资料")
    await expect(page.locator("#decision-reason")).to_contain_text(more)
    for name, answer in answers.items():  # the form comes back as it was submitted
        assert await page.locator(f"#f-{name}").input_value() == answer
    assert await page.locator("#f-confirm").is_checked()
    answer_to_reviewer = "服用苯磺酸氨氯地平，每天一片；上月复查血压130/85"
    await page.fill("#f-note", answer_to_reviewer)
    await _sign_and_submit(page)
    await expect(page.locator("#app-status")).to_have_text("审核中")

    await _review(reviewer, live_server, number, "健康告知第3项回答“是”")
    await expect(reviewer.locator("#customer-note")).to_contain_text(answer_to_reviewer)
    await _decide(reviewer, "approve", "已电话核实：高血压规律服药，复查正常")
    await expect(reviewer.locator("#review-status")).to_have_text(APPROVED)
    await reviewer.context.close()

    await page.reload()
    assert await _endorsement(page, live_server) == number
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert policy_service.status_of(policy) == PolicyStatus.IN_FORCE
        assert policy.paid_to_date == dt.date(2026, 1, 10)
        assert await policy_service.unpaid_installments(session, policy.id, up_to=dt.date(2025, 6, 2)) == []


# --- 6. renewal_payment_method -------------------------------------------------------------------------------


async def test_renewal_payment_method_to_monthly_at_anniversary_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    fix_clock()
    # annual 5,000, paid to the anniversary 2025-06-20, which is within 30 days: the frequency may change
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 6, 20)}})
    policy_no = world.policies["WL01"]
    path = await _share(browser, live_server, world, policy_no, "renewal_payment_method")
    page = await _customer_opens(browser, live_server, db, world, path)
    await expect(page.locator("div.card", has_text="下一个保单周年日")).to_contain_text("2025-06-20")
    assert await page.locator("#f-payment_method").input_value() == "auto_debit"
    assert await page.locator("#f-frequency").input_value() == "annual"
    await _sign_and_submit(page)  # unchanged
    await _refused(page, "您没有修改任何信息")
    await page.select_option("#f-payment_method", "self_pay")
    await page.select_option("#f-frequency", "monthly")
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    await expect(_lines(page)).to_contain_text("月交（2025-06-20起，每期416.66元）")
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert (policy.payment_method, policy.frequency, policy.premium_fen) == ("self_pay", "monthly", 41_666)
        due = await policy_service.unpaid_installments(session, policy.id, up_to=dt.date(2025, 8, 20))
        assert [(d.due_date, d.amount_fen) for d in due] == [
            (dt.date(2025, 6, 20), 41_666),
            (dt.date(2025, 7, 20), 41_666),
            (dt.date(2025, 8, 20), 41_666),
        ]


# --- 7. beneficiary_change -----------------------------------------------------------------------------------


async def test_beneficiary_change_with_insured_consent_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    # the holder insures his wife: changing her beneficiaries needs her consent (Insurance Law Art. 41)
    world = await make_world(
        db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}}, insured={"birth_date": dt.date(1988, 2, 2)}
    )
    policy_no = world.policies["WL01"]
    path = await _share(browser, live_server, world, policy_no, "beneficiary_change")
    page = await _customer_opens(browser, live_server, db, world, path)
    await _pass_face(page)
    await expect(page.locator("div.card", has_text="当前受益人")).to_contain_text("未指定（法定）")
    child = {"name": "张小雨", "id": make_id_number(dt.date(2014, 5, 1), male=False), "relation": "child"}
    mother = {"name": "王秀英", "id": make_id_number(dt.date(1962, 9, 9), male=False), "relation": "parent"}
    for i, (who, share) in enumerate(((child, "50"), (mother, "49.99"))):
        await page.fill(f"#b{i}_name", who["name"])
        await page.fill(f"#b{i}_id_number", who["id"])
        await page.fill(f"#b{i}_phone", make_phone())
        await page.select_option(f"#b{i}_relation", who["relation"])
        await page.fill(f"#b{i}_order", "1")
        await page.fill(f"#b{i}_share_pct", share)
    await page.click("#send-consent-code")
    await expect(page.locator("#form-notice")).to_contain_text(f"被保险人手机 {world.insured.phone[:3]}")
    assert any("如您同意" in body for body in await sms_bodies(db, world.insured.phone))
    # asking for the code keeps the rows typed so far
    assert await page.locator("#b1_relation").input_value() == "parent"
    assert await page.locator("#b1_share_pct").input_value() == "49.99"
    consent = await latest_code(db, world.insured.phone)
    await page.fill("#f-consent_code", consent)
    await _sign_and_submit(page)
    await _refused(page, "第1顺位受益人的受益份额合计为99.99%，须恰好为100%")
    assert await page.locator("#b0_name").input_value() == "张小雨"  # the rows are kept
    await page.fill("#b1_share_pct", "50")
    await page.fill("#f-consent_code", consent)
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    await expect(_lines(page)).to_contain_text("第1顺位 张*雨（子女）50%")
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        named = []
        for role in policy.roles:
            if role.role == RoleKind.BENEFICIARY:
                customer = await policy_service.get_customer(session, role.customer_id)
                named.append(
                    (customer.name, customer.id_number, role.relation_to_insured, role.beneficiary_order, role.share_bp)
                )
    assert sorted(named) == sorted(
        [
            ("张小雨", child["id"], "child", 1, 5000),
            ("王秀英", mother["id"], "parent", 1, 5000),
        ]
    )


# --- 9. premium_account; 10. benefit_account -------------------------------------------------------------------


async def test_premium_account_change_refuses_a_bad_card_then_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}})
    policy_no = world.policies["WL01"]
    good, bad = card_number("621700001234567890")
    path = await _share(browser, live_server, world, policy_no, "premium_account")
    page = await _customer_opens(browser, live_server, db, world, path)
    await _pass_face(page)
    await expect(page.locator("div.card", has_text="当前交费账户")).to_contain_text("中国工商银行 ****3446")
    assert await page.locator("#f-bank").input_value() == "中国工商银行"
    assert await page.locator("#f-holder_name").input_value() == world.holder.name
    await page.select_option("#f-bank", "中国建设银行")
    await page.fill("#f-account", bad)
    await _sign_and_submit(page)
    await _refused(page, "银行卡号：银行卡号校验不通过")
    assert await page.locator("#f-bank").input_value() == "中国建设银行"
    await page.fill("#f-account", good)
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    lines = _lines(page)
    await expect(lines).to_contain_text("****" + good[-4:])
    await expect(lines).not_to_contain_text(good)
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert (policy.premium_bank, policy.premium_account, policy.premium_account_holder) == (
            "中国建设银行",
            good,
            world.holder.name,
        )
        assert policy.benefit_account != good  # the other account is untouched


async def test_benefit_account_change_by_the_insured_to_endorsement(
    db: Database, live_server: LiveServer, browser: Any, face_passes: None
) -> None:
    fix_clock()
    world = await make_world(
        db, {"WL01": {"issue_date": dt.date(2024, 1, 10)}}, insured={"birth_date": dt.date(1988, 2, 2)}
    )
    policy_no = world.policies["WL01"]
    good, _ = card_number("622588012345678901")
    path = await _share(browser, live_server, world, policy_no, "benefit_account", applicant="insured")
    page = await _customer_opens(browser, live_server, db, world, path, phone=world.insured.phone)
    await expect(page.locator("body")).to_contain_text("（被保险人）")
    await _pass_face(page)
    assert await page.locator("#f-bank").input_value() == "中国工商银行"
    assert await page.locator("#f-holder_name").input_value() == world.insured.name  # the payee's own name
    await page.select_option("#f-bank", "招商银行")
    await page.fill("#f-account", good)
    await page.fill("#f-holder_name", "王建军")  # a third party
    await _sign_and_submit(page)
    await _refused(page, "账户户名须为投保人或被保险人（领款人）本人")
    await page.fill("#f-holder_name", world.insured.name)
    await _sign_and_submit(page)
    await _endorsement(page, live_server)
    await expect(_lines(page)).to_contain_text("****" + good[-4:])
    async with db.sessionmaker() as session:
        policy = await policy_service.policy_by_number(session, policy_no)
        assert (policy.benefit_bank, policy.benefit_account, policy.benefit_account_holder) == (
            "招商银行",
            good,
            world.insured.name,
        )
        assert policy.premium_account != good


# --- signature specimen -------------------------------------------------------------------------------------


async def test_signature_unlike_the_specimen_goes_to_a_reviewer_who_sees_both(
    db: Database, live_server: LiveServer, browser: Any
) -> None:
    fix_clock()
    world = await make_world(db)
    policy_no = world.policies["MD01"]
    zigzag = base64.b64decode(signature_png().split(",", 1)[1])
    async with db.unit_of_work() as session:  # taken from an earlier application
        await policy_service.record_signature_specimen(session, world.holder.id, zigzag, source="BQ0", actor=SYSTEM)
    path = await _share(browser, live_server, world, policy_no, "renewal_flag")
    page = await _customer_opens(browser, live_server, db, world, path)
    await page.select_option("#f-renew", "false")
    pad = page.locator("#signature-pad")
    await pad.scroll_into_view_if_needed()
    box = await pad.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + 150, box["y"] + 20)
    await page.mouse.down()
    for t in range(0, 64, 2):  # loops, nothing like the zigzag on file
        x, y = 150 + 110 * math.sin(t / 5), 70 + 45 * math.cos(t / 3)
        await page.mouse.move(box["x"] + x, box["y"] + y, steps=2)
    await page.mouse.up()
    await page.click("#submit")
    await expect(page.locator("#app-status")).to_have_text("审核中")  # not refused: a person compares
    number = await page.locator("#app-no").inner_text()

    reviewer = await _staff_page(browser, live_server, world.reviewer_username)
    await _review(reviewer, live_server, number, "签名与预留签名差异较大，请人工比对")
    specimen, drawn = reviewer.locator("img#specimen-signature"), reviewer.locator("img#drawn-signature")
    for image in (specimen, drawn):
        await expect(image).to_be_visible()
        # visible is not loaded yet on a busy machine: wait for the PNG (a broken one never gets a width)
        await reviewer.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=await image.element_handle())
    left, right = await specimen.bounding_box(), await drawn.bounding_box()
    assert left is not None and right is not None and right["x"] > left["x"]  # side by side
    await expect(reviewer.locator("#signature-similarity")).to_contain_text("不是笔迹鉴定结论")
    await _decide(reviewer, "approve", "已电话联系客户本人确认")
    await expect(reviewer.locator("#review-status")).to_have_text(APPROVED)
    await reviewer.context.close()
    async with db.sessionmaker() as session:
        assert (await policy_service.policy_by_number(session, policy_no)).renewal_flag is False
