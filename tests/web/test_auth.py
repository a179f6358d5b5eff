import datetime as dt

import httpx
import pytest

from tests.factories import make_customer, make_staff
from zhihui.identity import service as identity
from zhihui.platform import clock, sms
from zhihui.platform.db import Database
from zhihui.platform.errors import ZhihuiError
from zhihui.settings import Settings


async def _latest_code(db: Database, phone: str) -> str:
    async with db.sessionmaker() as session:
        message = (await sms.recent_messages(session, phone=phone, limit=1))[0]
    return "".join(c for c in message.body.split("验证码是")[1][:6])


async def test_staff_token_and_me(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "reviewer", username="rev")
    r = await client.post("/api/v1/auth/token", json={"username": "rev", "password": "wrong"})
    assert r.status_code == 401 and r.json()["code"] == "bad_credentials"
    r = await client.post("/api/v1/auth/token", json={"username": "rev", "password": "test-password-1"})
    token = r.json()["access_token"]
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["role"] == "reviewer" and "review_applications" in me.json()["permissions"]
    await client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"})
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 401


async def test_customer_signs_in_with_sms_code(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        customer = await make_customer(session)
        phone = customer.phone
    r = await client.post("/api/v1/auth/customer/code", json={"phone": "13000000000"})
    assert r.status_code == 400 and r.json()["code"] == "phone_not_registered"
    r = await client.post("/api/v1/auth/customer/code", json={"phone": phone})
    assert r.status_code == 202
    code = await _latest_code(db, phone)
    r = await client.post("/api/v1/auth/customer/token", json={"phone": phone, "code": code})
    assert r.status_code == 200
    token = r.json()["access_token"]
    r = await client.get("/api/v1/policy/me/policies", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json() == []
    r = await client.post("/api/v1/auth/customer/token", json={"phone": phone, "code": code})
    assert r.status_code == 401 and r.json()["code"] == "otp_expired"  # a code works once


async def test_five_wrong_codes_lock_the_phone_for_15_minutes(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        phone = (await make_customer(session)).phone
    await client.post("/api/v1/auth/customer/code", json={"phone": phone})
    code = await _latest_code(db, phone)
    wrong = "000000" if code != "000000" else "111111"
    for attempt in range(1, 5):
        r = await client.post("/api/v1/auth/customer/token", json={"phone": phone, "code": wrong})
        assert r.status_code == 401 and r.json()["code"] == "otp_invalid"
        assert str(5 - attempt) in r.json()["detail"]
    r = await client.post("/api/v1/auth/customer/token", json={"phone": phone, "code": wrong})
    assert r.status_code == 429 and r.json()["code"] == "otp_locked"
    # even the right code (or a new one) is refused while locked
    r = await client.post("/api/v1/auth/customer/code", json={"phone": phone})
    assert r.status_code == 429
    clock.set_now(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16))
    r = await client.post("/api/v1/auth/customer/code", json={"phone": phone})
    assert r.status_code == 202


async def test_share_tokens_are_signed_expiring_single_purpose_and_single_use(db: Database, settings: Settings) -> None:
    token, claims = identity.issue_share_token(settings, purpose="servicing", subject={"policy": "P1"}, issued_by=3)
    read = identity.read_share_token(settings, token, purpose="servicing")
    assert read.subject == {"policy": "P1"} and read.jti == claims.jti
    with pytest.raises(ZhihuiError) as err:
        identity.read_share_token(settings, token, purpose="callback")
    assert err.value.code == "link_invalid"
    with pytest.raises(ZhihuiError) as err:
        identity.read_share_token(settings, token[:-2] + "xx", purpose="servicing")
    assert err.value.code == "link_invalid"
    import time

    time.sleep(1.1)
    with pytest.raises(ZhihuiError) as err:
        identity.read_share_token(settings, token, purpose="servicing", max_age_hours=0.0002)  # type: ignore[arg-type]
    assert err.value.code == "link_expired"
    async with db.unit_of_work() as session:
        await identity.consume_share_token(session, read, used_by="customer:1")
    async with db.unit_of_work() as session:
        with pytest.raises(ZhihuiError) as err:
            await identity.consume_share_token(session, read, used_by="customer:1")
    assert err.value.code == "link_used"
