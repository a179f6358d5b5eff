"""Contract of /api/v1/identity: authentication, permissions, consent, attempts, refusals (audited).

These frames never reach face analysis (a still picture, expired or disordered uploads are judged first),
so no face models are needed; tests/identity/test_verification.py covers the real-face path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
from sqlalchemy import select

from tests.factories import make_customer, make_policy, make_staff, staff_headers
from tests.identity.conftest import customer_headers, multipart, still_frames
from zhihui.identity.verification import FALLBACK_HINT, verification_outcome
from zhihui.platform import clock
from zhihui.platform.db import Database
from zhihui.platform.events import bus
from zhihui.platform.models import AuditLog

STATIC_HINT = "未检测到动作，请按提示眨眼/转头（不能使用照片）"


async def _seed(db: Database) -> dict[str, Any]:
    async with db.unit_of_work() as session:
        await make_staff(session, "cloud_teller", username="teller")
        await make_staff(session, "sales_agent", username="sales")
        alice = await make_customer(session, name="李娜", male=False)
        bob = await make_customer(session, name="王强")
        policy = await make_policy(session, alice)
        return {"alice": alice.id, "bob": bob.id, "policy_no": policy.policy_no}


async def _open(client: httpx.AsyncClient, headers: dict[str, str], purpose: str = "servicing") -> dict[str, Any]:
    r = await client.post("/api/v1/identity/sessions", json={"purpose": purpose}, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _consent(client: httpx.AsyncClient, headers: dict[str, str], purpose: str = "servicing") -> None:
    text = (await client.get(f"/api/v1/identity/consent?purpose={purpose}", headers=headers)).json()
    r = await client.post(
        "/api/v1/identity/consents", json={"purpose": purpose, "text_version": text["text_version"]}, headers=headers
    )
    assert r.status_code == 201, r.text


async def _refusals(db: Database, action: str) -> list[AuditLog]:
    async with db.sessionmaker() as session:
        stmt = select(AuditLog).where(AuditLog.action == action, AuditLog.outcome == "refused")
        return list((await session.scalars(stmt)).all())


def _problem(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["code"] == code and body["status"] == status and body["detail"]


async def test_open_session_requires_sign_in_and_permission(db: Database, client: httpx.AsyncClient) -> None:
    ids = await _seed(db)
    r = await client.post("/api/v1/identity/sessions", json={"purpose": "counter"})
    _problem(r, 401, "not_authenticated")
    sales = await staff_headers(client, "sales")
    body = {"purpose": "counter", "subject": {"customer_id": ids["alice"]}}
    _problem(await client.post("/api/v1/identity/sessions", json=body, headers=sales), 403, "permission_denied")
    teller = await staff_headers(client, "teller")
    r = await client.post("/api/v1/identity/sessions", json=body, headers=teller)
    assert r.status_code == 201, r.text
    opened = r.json()
    assert opened["status"] == "pending" and opened["attempts_left"] == 3 and opened["consent_required"]
    assert len(opened["challenge"]["actions"]) in (2, 3) and len(opened["challenge"]["nonce"]) >= 16
    assert opened["h5_path"] == f"/h5/identity/{opened['session_id']}"
    r = await client.post(
        "/api/v1/identity/sessions",
        json={"purpose": "counter", "subject": {"policy_no": ids["policy_no"]}},
        headers=teller,
    )
    assert r.status_code == 201
    _problem(
        await client.post("/api/v1/identity/sessions", json={"purpose": "counter"}, headers=teller),
        400,
        "subject_required",
    )
    r = await client.post("/api/v1/identity/sessions", json={"purpose": "karaoke"}, headers=teller)
    _problem(r, 422, "invalid_choice")
    _problem(await client.get("/api/v1/identity/sessions/nope", headers=teller), 404, "verification_not_found")
    _problem(
        await client.get(f"/api/v1/identity/sessions/{opened['session_id']}", headers=sales), 403, "permission_denied"
    )
    assert (await client.get(f"/api/v1/identity/sessions/{opened['session_id']}", headers=teller)).status_code == 200

    alice = await customer_headers(db, ids["alice"])
    own = await _open(client, alice)
    assert own["purpose"] == "servicing"
    r = await client.post(
        "/api/v1/identity/sessions",
        json={"purpose": "servicing", "subject": {"customer_id": ids["bob"]}},
        headers=alice,
    )
    _problem(r, 403, "subject_not_owned")
    bob = await customer_headers(db, ids["bob"])
    r = await client.post(
        "/api/v1/identity/sessions",
        json={"purpose": "servicing", "subject": {"policy_no": ids["policy_no"]}},
        headers=bob,
    )
    _problem(r, 403, "subject_not_owned")


async def test_capture_refused_without_consent_then_consent_is_recorded(
    db: Database, client: httpx.AsyncClient
) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    opened = await _open(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}"
    _problem(await client.post(f"{url}/challenge", headers=alice), 403, "consent_required")
    r = await client.post(f"{url}/frames", headers=alice, **multipart(opened["challenge"]["nonce"], still_frames()))
    _problem(r, 403, "consent_required")
    assert len(await _refusals(db, "identity.verification.frames")) == 1

    text = (await client.get("/api/v1/identity/consent?purpose=servicing", headers=alice)).json()
    assert text["accepted"] is False and "人脸" in "".join(text["paragraphs"]) and text["title"]
    r = await client.post(
        "/api/v1/identity/consents", json={"purpose": "servicing", "text_version": "1999-01"}, headers=alice
    )
    _problem(r, 409, "consent_version_outdated")
    await _consent(client, alice)
    assert (await client.get("/api/v1/identity/consent?purpose=servicing", headers=alice)).json()["accepted"] is True
    # Consent is per purpose: the counter needs its own.
    counter = (await client.get("/api/v1/identity/consent?purpose=counter", headers=alice)).json()
    assert counter["accepted"] is False
    assert (await client.get(url, headers=alice)).json()["consent_required"] is False
    async with db.sessionmaker() as session:
        rows = (await session.scalars(select(AuditLog).where(AuditLog.action == "identity.consent.accept"))).all()
        assert len(rows) == 1 and rows[0].subject_id == str(ids["alice"]) and rows[0].detail["purpose"] == "servicing"
    r = await client.post(f"{url}/challenge", headers=alice)
    assert r.status_code == 200 and r.json()["nonce"] == opened["challenge"]["nonce"]  # still fresh: same one


async def test_three_failed_attempts_fall_back_to_human(db: Database, client: httpx.AsyncClient) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    opened = await _open(client, alice)
    await _consent(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}"
    published: list[dict[str, Any]] = []

    async def on_verified(payload: dict[str, Any]) -> None:
        published.append(payload)

    bus.subscribe("identity.verified", on_verified)
    nonces = set()
    for attempt in (1, 2, 3):
        challenge = (await client.post(f"{url}/challenge", headers=alice)).json()
        nonces.add(challenge["nonce"])
        assert challenge["attempt"] == attempt
        r = await client.post(
            f"{url}/frames", headers=alice, **multipart(challenge["nonce"], still_frames(seed=attempt))
        )
        assert r.status_code == 200, r.text
        result = r.json()
        assert result["liveness"] == {"passed": False, "code": "static_image", "hint": STATIC_HINT}
        assert result["match"] is None and result["attempt"] == attempt
        if attempt < 3:
            assert result["outcome"] == "failed" and result["attempts_left"] == 3 - attempt
            assert result["hint"] == STATIC_HINT
            assert published == []
    assert len(nonces) == 3  # a new challenge per attempt
    assert result["outcome"] == "fallback_to_human" and result["attempts_left"] == 0
    assert FALLBACK_HINT in result["hint"]
    assert published == [
        {
            "session_id": opened["session_id"],
            "purpose": "servicing",
            "customer_id": ids["alice"],
            "outcome": "fallback_to_human",
        }
    ]
    state = (await client.get(url, headers=alice)).json()
    assert state["status"] == "fallback_to_human" and state["attempts_used"] == 3
    _problem(await client.post(f"{url}/challenge", headers=alice), 409, "verification_closed")
    async with db.sessionmaker() as session:
        outcome = await verification_outcome(
            session, opened["session_id"], customer_id=ids["alice"], purpose="servicing"
        )
        assert outcome.fallback_to_human and not outcome.passed and outcome.attempts_used == 3
        attempts = (
            await session.scalars(select(AuditLog).where(AuditLog.action == "identity.verification.attempt"))
        ).all()
        assert [a.outcome for a in attempts] == ["refused"] * 3
        assert {a.detail["liveness_code"] for a in attempts} == {"static_image"}


async def test_reused_or_unknown_challenge_is_refused_and_audited(db: Database, client: httpx.AsyncClient) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    opened = await _open(client, alice)
    await _consent(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}"
    nonce = opened["challenge"]["nonce"]
    assert (await client.post(f"{url}/frames", headers=alice, **multipart(nonce, still_frames()))).status_code == 200
    r = await client.post(f"{url}/frames", headers=alice, **multipart(nonce, still_frames(seed=9)))
    _problem(r, 409, "challenge_reused")
    r = await client.post(f"{url}/frames", headers=alice, **multipart("f" * 32, still_frames(seed=10)))
    _problem(r, 409, "challenge_invalid")
    state = (await client.get(url, headers=alice)).json()
    assert state["attempts_used"] == 1  # refusals do not use up attempts
    codes = [row.detail["code"] for row in await _refusals(db, "identity.verification.frames")]
    assert codes == ["challenge_reused", "challenge_invalid"]


async def test_expired_challenge_and_disordered_frames_fail_the_attempt(
    db: Database, client: httpx.AsyncClient
) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    opened = await _open(client, alice)
    await _consent(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}"
    clock.set_now(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=31))
    r = await client.post(f"{url}/frames", headers=alice, **multipart(opened["challenge"]["nonce"], still_frames()))
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["outcome"] == "failed" and result["liveness"]["code"] == "expired"
    assert result["hint"] == "验证已超时，请重新开始" and result["attempts_left"] == 2
    clock.set_now(None)
    challenge = (await client.post(f"{url}/challenge", headers=alice)).json()
    frames = still_frames()
    frames[2], frames[3] = frames[3], frames[2]
    result = (await client.post(f"{url}/frames", headers=alice, **multipart(challenge["nonce"], frames))).json()
    assert result["liveness"]["code"] == "frames_out_of_order" and result["attempts_left"] == 1
    async with db.sessionmaker() as session:
        rows = (
            await session.scalars(
                select(AuditLog).where(AuditLog.action == "identity.verification.attempt").order_by(AuditLog.id)
            )
        ).all()
        assert [(r.outcome, r.detail["liveness_code"]) for r in rows] == [
            ("refused", "expired"),
            ("refused", "frames_out_of_order"),
        ]


async def test_session_of_another_customer_is_refused_and_audited(db: Database, client: httpx.AsyncClient) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    bob = await customer_headers(db, ids["bob"])
    opened = await _open(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}"
    await _consent(client, bob)
    for r in (
        await client.get(url, headers=bob),
        await client.post(f"{url}/challenge", headers=bob),
        await client.post(f"{url}/frames", headers=bob, **multipart(opened["challenge"]["nonce"], still_frames())),
    ):
        _problem(r, 403, "verification_wrong_customer")
        assert "不是为您发起" in r.json()["detail"]
    refused = await _refusals(db, "identity.verification.frames") + await _refusals(
        db, "identity.verification.challenge"
    )
    assert {(row.actor_id, row.detail["code"]) for row in refused} == {(ids["bob"], "verification_wrong_customer")}
    assert len(refused) == 2
    async with db.sessionmaker() as session:
        outcome = await verification_outcome(
            session, opened["session_id"], customer_id=ids["alice"], purpose="servicing"
        )
        assert outcome.outcome == "pending"
    # A product asking about another customer or purpose is told nothing.
    for customer_id, purpose in ((ids["bob"], "servicing"), (ids["alice"], "counter")):
        async with db.sessionmaker() as session:
            try:
                await verification_outcome(session, opened["session_id"], customer_id=customer_id, purpose=purpose)
            except Exception as exc:
                assert getattr(exc, "code", None) == "verification_not_found"
            else:
                raise AssertionError("outcome of a mismatched session was returned")


async def test_upload_format_checks(db: Database, app: Any, client: httpx.AsyncClient) -> None:
    ids = await _seed(db)
    alice = await customer_headers(db, ids["alice"])
    opened = await _open(client, alice)
    await _consent(client, alice)
    url = f"/api/v1/identity/sessions/{opened['session_id']}/frames"
    nonce = opened["challenge"]["nonce"]
    r = await client.post(url, headers=alice | {"content-type": "text/plain"}, content=b"hello")
    _problem(r, 415, "unsupported_media_type")
    r = await client.post(url, headers=alice, **multipart(nonce, still_frames(), content_type="application/pdf"))
    _problem(r, 415, "unsupported_media_type")
    r = await client.post(url, headers=alice, **multipart(nonce, still_frames(61, step_ms=100)))
    _problem(r, 413, "too_many_frames")
    r = await client.post(url, headers=alice, json={"nonce": nonce, "frames": [{"t_ms": 1, "image": "%%%"}]})
    _problem(r, 400, "bad_frames")
    r = await client.post(url, headers=alice, json={"nonce": nonce, "frames": [{"t_ms": -5, "image": "AAAA"}]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"].startswith("frames")
    runtime = app.state.identity
    runtime.settings = runtime.settings.model_copy(update={"max_upload_bytes": 20_000})
    _problem(await client.post(url, headers=alice, **multipart(nonce, still_frames())), 413, "upload_too_large")
    runtime.settings = runtime.settings.model_copy(update={"max_upload_bytes": 24 * 1024 * 1024})
    # JSON with base64 frames is the other accepted format.
    import base64

    frames = [{"t_ms": t, "image": "data:image/jpeg;base64," + base64.b64encode(d).decode()} for t, d in still_frames()]
    r = await client.post(url, headers=alice, json={"nonce": nonce, "frames": frames})
    assert r.status_code == 200, r.text
    assert r.json()["liveness"]["code"] == "static_image"
    codes = [row.detail["code"] for row in await _refusals(db, "identity.verification.frames")]
    assert codes.count("unsupported_media_type") == 2 and "too_many_frames" in codes and "upload_too_large" in codes
