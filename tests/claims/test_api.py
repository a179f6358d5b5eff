"""The claim-report API contract: dialog shape, resume, extract, work orders for checkers only."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from tests.factories import make_customer, make_staff, staff_headers
from zhihui.nlu.claim_slots import id_check_char
from zhihui.platform.auth import open_session
from zhihui.platform.db import Database
from zhihui.platform.models import AuditLog

ID = "44030519870615060" + id_check_char("44030519870615060")
OPENING = f"我老婆叫陈静，身份证{ID}，我手机13602223344，前天在深圳南山区骑车摔了，小臂骨折，在北京大学深圳医院住院"
KEYS = {"dialog_id", "reply", "expecting", "slots", "state"}


async def _report(client: httpx.AsyncClient) -> dict[str, object]:
    r = await client.post("/api/v1/claims/dialogs", json={"ref_date": "2026-04-09", "validate_policy": False})
    assert r.status_code == 201
    body = r.json()
    assert set(body) >= KEYS and body["state"] == "collecting" and body["expecting"] is None and body["slots"] == {}
    r = await client.post(f"/api/v1/claims/dialogs/{body['dialog_id']}/turns", json={"text": OPENING})
    assert r.status_code == 200 and r.json()["state"] == "confirming", r.json()["reply"]
    r = await client.post(f"/api/v1/claims/dialogs/{body['dialog_id']}/turns", json={"text": "是的"})
    done: dict[str, object] = r.json()
    return done


async def test_dialog_walks_to_a_work_order_without_login(db: Database, client: httpx.AsyncClient) -> None:
    done = await _report(client)
    assert done["state"] == "done" and done["expecting"] is None
    slots = done["slots"]
    assert isinstance(slots, dict)
    assert slots["relation"] == "spouse" and slots["insured_id"] == ID and slots["accident_date"] == "2026-04-07"
    assert slots["accident_place"] == {"province": "广东省", "city": "深圳市", "district": "南山区"}
    order = done["work_order"]
    assert isinstance(order, dict) and str(order["report_no"]).startswith("BA")
    assert "policies" not in order and "flags" not in order  # anonymous reporters see no policy data
    r = await client.get(f"/api/v1/claims/dialogs/{done['dialog_id']}")
    assert r.status_code == 200 and r.json()["state"] == "done" and r.json()["work_order"]["report_no"]
    assert ID not in str(r.json()["transcript"])


async def test_dialog_errors_are_problem_json(db: Database, client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/claims/dialogs/no-such-dialog-id")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "claim_dialog_not_found"
    r = await client.post("/api/v1/claims/dialogs", json={"channel": "fax"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_choice"
    r = await client.post("/api/v1/claims/dialogs", json={"ref_date": "2010-01-01"})
    assert r.status_code == 400 and r.json()["code"] == "claim_ref_date_out_of_range"
    created = (await client.post("/api/v1/claims/dialogs", json={})).json()
    r = await client.post(f"/api/v1/claims/dialogs/{created['dialog_id']}/turns", json={"text": "啊" * 5001})
    assert r.status_code == 422 and r.json()["code"] == "value_too_long"
    r = await client.post(f"/api/v1/claims/dialogs/{created['dialog_id']}/turns", json={"text": ""})
    assert r.status_code == 200 and "没有听到" in r.json()["reply"] and r.json()["state"] == "collecting"


async def test_extract_endpoint_returns_slots(db: Database, client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/claims/extract", json={"text": "我爸昨天中风了，在华山医院住院", "ref_date": "2026-01-22"}
    )
    assert r.status_code == 200
    slots = r.json()["slots"]
    assert slots["relation"] == "parent" and slots["accident_date"] == "2026-01-21" and slots["cause"] == "illness"
    assert slots["treatment"] == {"hospital": "复旦大学附属华山医院", "status": "inpatient"}
    r = await client.post("/api/v1/claims/extract", json={"text": "我爸在华山医院", "ref_date": "2026-01-22"})
    assert "treatment" not in r.json()["slots"]  # no status said: not a value of the slot yet
    assert r.json()["partial"] == {"treatment": {"hospital": "复旦大学附属华山医院"}}


async def test_work_order_endpoints_need_verify_claims(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        await make_staff(session, "reviewer", username="checker")
        await make_staff(session, "sales_agent", username="sales")
    done = await _report(client)
    report_no = done["work_order"]["report_no"]  # type: ignore[index]
    r = await client.get("/api/v1/claims/work-orders")
    assert r.status_code == 401 and r.json()["code"] == "not_authenticated"
    sales = await staff_headers(client, "sales")
    r = await client.get(f"/api/v1/claims/work-orders/{report_no}", headers=sales)
    assert r.status_code == 403 and r.json()["code"] == "permission_denied"
    checker = await staff_headers(client, "checker")
    r = await client.get("/api/v1/claims/work-orders/BA20990101000001", headers=checker)
    assert r.status_code == 404 and r.json()["code"] == "claim_work_order_not_found"
    r = await client.get("/api/v1/claims/work-orders?status=pending_verification", headers=checker)
    assert [o["report_no"] for o in r.json()] == [report_no]
    r = await client.get(f"/api/v1/claims/work-orders/{report_no}", headers=checker)
    order = r.json()
    assert order["slots"]["insured_id"] != ID and "*" in order["slots"]["insured_id"]
    assert order["transcript"] and set(order["confidence"]) <= set(order["slots"])
    r = await client.post(
        f"/api/v1/claims/work-orders/{report_no}/corrections",
        json={"slot": "diagnosis", "value": {"term": "桡骨骨折", "icd10": "S52"}},
        headers=checker,
    )
    assert r.status_code == 200 and r.json()["slots"]["diagnosis"] == {"term": "桡骨骨折", "icd10": "S52"}
    r = await client.post(
        f"/api/v1/claims/work-orders/{report_no}/corrections", json={"slot": "weather", "value": "x"}, headers=checker
    )
    assert r.status_code == 422
    r = await client.post(
        f"/api/v1/claims/work-orders/{report_no}/corrections",
        json={"slot": "accident_place", "value": {"province": "广东省", "city": "深圳市", "district": "火星区"}},
        headers=checker,
    )
    assert r.status_code == 400 and r.json()["code"] == "claim_invalid_slot_value"
    r = await client.post(f"/api/v1/claims/work-orders/{report_no}/verify", headers=checker)
    assert r.status_code == 200 and r.json()["status"] == "corrected"
    r = await client.post(f"/api/v1/claims/work-orders/{report_no}/verify", headers=checker)
    assert r.status_code == 409 and r.json()["code"] == "claim_work_order_not_pending"
    r = await client.get("/api/v1/claims/metrics", headers=checker)
    metrics = r.json()
    assert metrics["verified_orders"] == 1 and metrics["whole_process_accuracy"] == 0.0
    assert {s["slot"]: s["accurate"] for s in metrics["slots"]}["diagnosis"] == 0


async def test_control_characters_in_an_utterance_are_dropped_not_a_500(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/claims/dialogs", json={"ref_date": "2026-03-18", "validate_policy": False})
    dialog_id = r.json()["dialog_id"]
    r = await client.post(f"/api/v1/claims/dialogs/{dialog_id}/turns", json={"text": "我爸\x00昨天摔\x01断了腿"})
    assert r.status_code == 200
    assert r.json()["slots"]["relation"] == "parent"


# The free description of an accident with everything but the contact phone.
WITHOUT_PHONE = f"我老婆叫陈静，身份证{ID}，前天在深圳南山区骑车摔了，小臂骨折，在北京大学深圳医院住院"


async def test_a_caller_id_mobile_is_the_contact_phone_and_is_not_asked_for(
    db: Database, client: httpx.AsyncClient
) -> None:
    r = await client.post(
        "/api/v1/claims/dialogs",
        json={
            "ref_date": "2026-04-09",
            "validate_policy": False,
            "channel": "voice",
            "caller_phone": "+86 139-1234-5678",
        },
    )
    assert r.status_code == 201 and r.json()["slots"] == {"contact_phone": "13912345678"}
    dialog_id = r.json()["dialog_id"]
    r = await client.post(f"/api/v1/claims/dialogs/{dialog_id}/turns", json={"text": WITHOUT_PHONE})
    body = r.json()
    # Nothing left to ask: the read-back names the phone (masked) so the reporter can give another.
    assert body["state"] == "confirming", body["reply"]
    assert "139****5678" in body["reply"] and "13912345678" not in body["reply"]
    async with db.unit_of_work() as session:
        row = await session.scalar(
            select(AuditLog).where(AuditLog.action == "claims.dialog_start").order_by(AuditLog.id.desc())
        )
        assert row is not None and row.detail == {"contact_phone_from": "caller_id"}


async def test_a_phone_the_reporter_says_replaces_the_caller_id(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/claims/dialogs",
        json={"ref_date": "2026-04-09", "validate_policy": False, "caller_phone": "13912345678"},
    )
    dialog_id = r.json()["dialog_id"]
    r = await client.post(
        f"/api/v1/claims/dialogs/{dialog_id}/turns", json={"text": WITHOUT_PHONE + "，打我手机13602223344"}
    )
    assert r.json()["slots"]["contact_phone"] == "13602223344"


async def test_a_landline_caller_id_is_ignored(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/v1/claims/dialogs",
        json={"ref_date": "2026-04-09", "validate_policy": False, "caller_phone": "021-62345678"},
    )
    assert r.status_code == 201 and r.json()["slots"] == {}
    r = await client.post(f"/api/v1/claims/dialogs/{r.json()['dialog_id']}/turns", json={"text": WITHOUT_PHONE})
    assert r.json()["expecting"] == "contact_phone"


async def test_a_signed_in_customer_reports_with_the_phone_on_file(db: Database, client: httpx.AsyncClient) -> None:
    async with db.unit_of_work() as session:
        customer = await make_customer(session, phone="13700001111")
        customer_id = customer.id
        token = await open_session(session, subject_kind="customer", subject_id=customer_id, role=None, ttl_hours=1)
    r = await client.post(
        "/api/v1/claims/dialogs",
        json={"ref_date": "2026-04-09", "validate_policy": False},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 201 and r.json()["slots"] == {"contact_phone": "13700001111"}
