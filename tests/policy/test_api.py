import datetime as dt

import httpx
from sqlalchemy import func, select

from tests.factories import make_customer, make_id_number, make_policy, make_staff, staff_headers
from zhihui.platform.db import Database
from zhihui.platform.models import AuditLog
from zhihui.policy.models import Customer


async def _seed(db: Database) -> tuple[int, str]:
    async with db.unit_of_work() as session:
        await make_staff(session, "admin", username="root")
        await make_staff(session, "online_agent", username="agent")
        await make_staff(session, "sales_agent", username="sales")
        customer = await make_customer(session)
        policy = await make_policy(session, customer)
        return customer.id, policy.policy_no


async def test_policy_api_requires_authentication_and_permission(db: Database, client: httpx.AsyncClient) -> None:
    customer_id, _ = await _seed(db)
    r = await client.get(f"/api/v1/policy/customers/{customer_id}")
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "not_authenticated"
    sales = await staff_headers(client, "sales")
    r = await client.get(f"/api/v1/policy/customers/{customer_id}", headers=sales)
    assert r.status_code == 403 and r.json()["code"] == "permission_denied"
    agent = await staff_headers(client, "agent")
    r = await client.get("/api/v1/policy/customers/999999", headers=agent)
    assert r.status_code == 404 and r.json()["code"] == "customer_not_found"
    r = await client.get(f"/api/v1/policy/customers/{customer_id}", headers=agent)
    assert r.status_code == 200
    assert "*" in r.json()["id_number_masked"] and "*" in r.json()["phone_masked"]


async def test_create_customer_rejects_bad_input_with_stable_codes(db: Database, client: httpx.AsyncClient) -> None:
    await _seed(db)
    admin = await staff_headers(client, "root")
    good = {
        "name": "赵六",
        "gender": "female",
        "birth_date": "1990-02-03",
        "id_number": make_id_number(dt.date(1990, 2, 3), False),
        "phone": "13700001111",
    }
    bad_id = good | {"id_number": good["id_number"][:-1] + ("0" if good["id_number"][-1] != "0" else "1")}
    r = await client.post("/api/v1/policy/customers", json=bad_id, headers=admin)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "invalid_id_number" and "校验码" in body["detail"]
    assert body["errors"][0]["field"] == "id_number"
    r = await client.post("/api/v1/policy/customers", json=good | {"phone": "12345"}, headers=admin)
    assert r.status_code == 422 and r.json()["code"] == "invalid_phone"
    r = await client.post("/api/v1/policy/customers", json=good | {"gender": "x"}, headers=admin)
    assert r.status_code == 422 and r.json()["code"] == "invalid_choice"
    r = await client.post("/api/v1/policy/customers", json=good | {"birth_date": "1990-02-30"}, headers=admin)
    assert r.status_code == 422 and r.json()["code"] == "invalid_date"
    r = await client.post("/api/v1/policy/customers", json=good, headers=admin)
    assert r.status_code == 201, r.text
    r = await client.post("/api/v1/policy/customers", json=good, headers=admin)
    assert r.status_code == 409 and r.json()["code"] == "duplicate_customer"
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Customer)) == 2


async def test_reveal_endpoint_returns_clear_value_and_audits(db: Database, client: httpx.AsyncClient) -> None:
    customer_id, policy_no = await _seed(db)
    agent = await staff_headers(client, "agent")
    r = await client.post(
        f"/api/v1/policy/customers/{customer_id}/reveal",
        json={"field": "id_number", "reason": "核实身份"},
        headers=agent,
    )
    assert r.status_code == 200 and len(r.json()["value"]) == 18
    async with db.sessionmaker() as session:
        n = await session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "pii.reveal"))
    assert n == 1
    r = await client.get(f"/api/v1/policy/policies/{policy_no}", headers=agent)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "in_force" and body["premium_account_masked"].startswith("****")
    assert {role["role"] for role in body["roles"]} == {"policyholder", "insured"}


async def test_unknown_route_and_method_are_problem_json(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/nope")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = await client.delete("/api/v1/auth/token")
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"
