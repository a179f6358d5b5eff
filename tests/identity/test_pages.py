"""Pages: the staff enrolment page (permission, enrol, refusal) and the customer's H5 verification page."""

from __future__ import annotations

import importlib.util

import httpx
import pytest
from sqlalchemy import select

from tests.factories import make_customer, make_staff, staff_headers
from tests.identity.conftest import FACES, customer_headers
from zhihui.platform.db import Database
from zhihui.platform.models import AuditLog


async def test_enrol_page_needs_permission_and_is_a_home_tile(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "admin", username="root")
        await make_staff(session, "sales_agent", username="sales")
    r = await client.get("/staff/identity/references")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    sales = await staff_headers(client, "sales")
    assert (await client.get("/staff/identity/references", headers=sales)).status_code == 403
    assert "/staff/identity/references" not in (await client.get("/", headers=sales)).text
    root = await staff_headers(client, "root")
    assert "人脸底库" in (await client.get("/", headers=root)).text
    page = await client.get("/staff/identity/references", headers=root)
    assert page.status_code == 200 and "登记证件照片" in page.text and "暂无登记记录" in page.text


@pytest.mark.skipif(
    importlib.util.find_spec("dlib") is None or not (FACES / "obama.jpg").is_file(),
    reason="needs dlib-bin and the test photos",
)
async def test_enrol_page_enrols_and_refuses_with_messages(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "admin", username="root")
        customer = await make_customer(session, name="欧巴马")
    root = await staff_headers(client, "root")
    photo = {"photo": ("id.jpg", (FACES / "obama.jpg").read_bytes(), "image/jpeg")}
    r = await client.post(
        "/staff/identity/references",
        headers=root,
        data={"name": "拜登", "id_number": customer.id_number},
        files=photo,
    )
    assert r.status_code == 400 and 'data-code="name_id_mismatch"' in r.text and "姓名与身份证号码不一致" in r.text
    partial = {"photo": ("p.jpg", (FACES / "obama_partial_face.jpg").read_bytes(), "image/jpeg")}
    r = await client.post(
        "/staff/identity/references",
        headers=root,
        data={"name": "欧巴马", "id_number": customer.id_number},
        files=partial,
    )
    assert 'data-code="face_cut_off"' in r.text and "人脸不完整" in r.text
    r = await client.post(
        "/staff/identity/references",
        headers=root,
        data={"name": "欧巴马", "id_number": customer.id_number},
        files=photo,
    )
    assert r.status_code == 200 and "已登记：欧*马" in r.text
    assert customer.id_number not in r.text and customer.id_number[:4] + "**********" in r.text
    listed = (await client.get("/api/v1/identity/references", headers=root)).json()
    assert len(listed) == 1 and listed[0]["name_masked"] == "欧*马" and listed[0]["customer_id"] == customer.id
    pdf = {"photo": ("x.pdf", b"%PDF-1.4", "application/pdf")}
    r = await client.post(
        "/api/v1/identity/references", headers=root, data={"name": "欧巴马", "id_number": customer.id_number}, files=pdf
    )
    assert r.status_code == 415 and r.json()["code"] == "unsupported_media_type"


async def test_h5_page_shows_consent_then_camera_and_refuses_other_customers(
    db: Database, client: httpx.AsyncClient
) -> None:
    async with db.unit_of_work() as session:
        alice = await make_customer(session, name="李娜", male=False)
        bob = await make_customer(session, name="王强")
    alice_headers = await customer_headers(db, alice.id)
    opened = (
        await client.post("/api/v1/identity/sessions", json={"purpose": "servicing"}, headers=alice_headers)
    ).json()
    path = opened["h5_path"]
    r = await client.get(path)
    assert r.status_code == 303 and r.headers["location"].startswith("/h5/login?next=")
    page = await client.get(path, headers=alice_headers)
    assert page.status_code == 200
    assert 'data-consented="false"' in page.text and "人脸信息处理授权书" in page.text and "同意并开始" in page.text
    assert "/static/identity/verify.js" in page.text and "保全业务办理" in page.text
    version = (await client.get("/api/v1/identity/consent?purpose=servicing", headers=alice_headers)).json()
    await client.post(
        "/api/v1/identity/consents",
        json={"purpose": "servicing", "text_version": version["text_version"]},
        headers=alice_headers,
    )
    page = await client.get(path, headers=alice_headers)
    assert 'data-consented="true"' in page.text and 'id="face-guide"' in page.text
    script = await client.get("/static/identity/verify.js")
    assert script.status_code == 200 and "getUserMedia" in script.text
    bob_headers = await customer_headers(db, bob.id)
    r = await client.get(path, headers=bob_headers)
    assert r.status_code == 403 and "不是为您发起" in r.text
    async with db.sessionmaker() as session:
        row = await session.scalar(select(AuditLog).where(AuditLog.action == "identity.verification.page"))
        assert row is not None and row.actor_id == bob.id and row.outcome == "refused"
