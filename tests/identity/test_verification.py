"""Verification sessions with real faces (../shared/data/faces): enrolment, liveness + match, retention,
replay, the local authority's audited reads."""

from __future__ import annotations

import importlib.util
from typing import Any

import httpx
import numpy as np
import pytest
from sqlalchemy import func, select, text

pytest.importorskip("dlib", reason="dlib-bin is not installed")
if importlib.util.find_spec("face_recognition_models") is None:
    pytest.skip("face_recognition_models is not installed", allow_module_level=True)

from tests.factories import make_customer
from tests.identity.conftest import FACES, customer_headers, fixed_challenge, multipart

if not (FACES / "obama.jpg").is_file():
    pytest.skip(f"test photos not found in {FACES.resolve()}", allow_module_level=True)

from tests.identity.test_liveness import as_frames, base_frame, landmarks, nod, open_mouth, turn
from zhihui.identity.authority import AUTHORITY_HINTS
from zhihui.identity.liveness import LivenessAction
from zhihui.identity.models import FrameDigest
from zhihui.identity.verification import enrol_reference, retained_frame_count, verification_outcome
from zhihui.platform.actor import SYSTEM
from zhihui.platform.db import Database
from zhihui.platform.errors import ZhihuiError
from zhihui.platform.events import bus
from zhihui.platform.models import AuditLog
from zhihui.settings import Settings

A = LivenessAction
PERFORMED = (A.TURN_LEFT, A.OPEN_MOUTH, A.NOD)


@pytest.fixture(scope="module")
def face_sequence() -> list[Any]:
    """Frontal, turn to the person's left, back, mouth open, closed, nod, back (see test_liveness)."""
    image = base_frame("obama")
    lm = landmarks(image)
    return [image, turn(image, lm, 0.3), image, open_mouth(image, lm, 0.4), image, nod(image, lm, 0.1), image]


def performed(sequence: list[Any], seed: int) -> list[tuple[int, bytes]]:
    return [(f.t_ms, f.image) for f in as_frames(sequence, seed=seed)]


async def _customer_with_reference(db: Database, settings: Settings, photo: str | None) -> int:
    async with db.unit_of_work() as session:
        customer = await make_customer(session, name="欧巴马")
        if photo:
            await enrol_reference(
                session,
                name="欧巴马",
                id_number=customer.id_number,
                photo=(FACES / photo).read_bytes(),
                actor=SYSTEM,
                settings=settings.identity,
            )
        return customer.id


@pytest.fixture(autouse=True)
def _known_challenge(app: Any) -> None:
    app.state.identity.challenge_factory = fixed_challenge(*PERFORMED)


async def _open(client: httpx.AsyncClient, headers: dict[str, str], purpose: str) -> tuple[str, str]:
    r = await client.post("/api/v1/identity/sessions", json={"purpose": purpose}, headers=headers)
    assert r.status_code == 201, r.text
    sid = r.json()["session_id"]
    version = (await client.get(f"/api/v1/identity/consent?purpose={purpose}", headers=headers)).json()["text_version"]
    r = await client.post(
        "/api/v1/identity/consents", json={"purpose": purpose, "text_version": version}, headers=headers
    )
    assert r.status_code == 201
    challenge = (await client.post(f"/api/v1/identity/sessions/{sid}/challenge", headers=headers)).json()
    assert tuple(challenge["actions"]) == tuple(a.value for a in PERFORMED)
    return sid, challenge["nonce"]


async def test_enrolled_customer_passes_and_frames_are_not_kept(
    db: Database, settings: Settings, client: httpx.AsyncClient, face_sequence: list[Any]
) -> None:
    customer_id = await _customer_with_reference(db, settings, "obama2.jpg")
    headers = await customer_headers(db, customer_id)
    published: list[dict[str, Any]] = []

    async def on_verified(payload: dict[str, Any]) -> None:
        published.append(payload)

    bus.subscribe("identity.verified", on_verified)
    sid, nonce = await _open(client, headers, "servicing")
    frames = performed(face_sequence, seed=1)
    r = await client.post(f"/api/v1/identity/sessions/{sid}/frames", headers=headers, **multipart(nonce, frames))
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["outcome"] == "passed", result
    assert result["liveness"]["code"] == "ok" and result["match"] is True
    assert result["authority"] == "local" and result["authority_code"] == "match"
    assert result["distance"] < result["threshold"] == 0.6
    assert result["hint"] == "身份验证通过" and result["attempts_left"] == 0
    assert published == [{"session_id": sid, "purpose": "servicing", "customer_id": customer_id, "outcome": "passed"}]
    state = (await client.get(f"/api/v1/identity/sessions/{sid}", headers=headers)).json()
    assert state["status"] == "passed" and state["last_result"]["distance"] == result["distance"]
    async with db.sessionmaker() as session:
        outcome = await verification_outcome(session, sid, customer_id=customer_id, purpose="servicing")
        assert outcome.passed and outcome.distance == result["distance"] and outcome.completed_at is not None
        assert await retained_frame_count(session, sid) == 0
        assert await session.scalar(select(func.count()).select_from(FrameDigest)) == len(frames)
        reads = (await session.scalars(select(AuditLog).where(AuditLog.action == "identity.reference.read"))).all()
        assert len(reads) == 1 and sid in (reads[0].reason or "") and reads[0].actor_id == customer_id

    # The same capture uploaded again, for another session, is a replay.
    sid2, nonce2 = await _open(client, headers, "counter")
    r = await client.post(f"/api/v1/identity/sessions/{sid2}/frames", headers=headers, **multipart(nonce2, frames))
    assert r.json()["liveness"]["code"] == "replayed" and r.json()["outcome"] == "failed"


async def test_counter_keeps_frames_encrypted(
    db: Database, settings: Settings, client: httpx.AsyncClient, face_sequence: list[Any]
) -> None:
    customer_id = await _customer_with_reference(db, settings, "obama3.jpg")
    headers = await customer_headers(db, customer_id)
    sid, nonce = await _open(client, headers, "counter")
    frames = performed(face_sequence, seed=2)
    result = (
        await client.post(f"/api/v1/identity/sessions/{sid}/frames", headers=headers, **multipart(nonce, frames))
    ).json()
    assert result["outcome"] == "passed", result
    async with db.sessionmaker() as session:
        assert await retained_frame_count(session, sid) == len(frames)
        raw = (await session.execute(text("SELECT image FROM identity_frame ORDER BY seq LIMIT 1"))).scalar_one()
        assert not bytes(raw).startswith(b"\xff\xd8")  # not a JPEG: encrypted at rest
        raw_photo = (await session.execute(text("SELECT photo FROM identity_reference"))).scalar_one()
        assert not bytes(raw_photo).startswith(b"\xff\xd8")


async def test_other_person_fails_the_match_and_may_retry(
    db: Database, settings: Settings, client: httpx.AsyncClient, face_sequence: list[Any]
) -> None:
    customer_id = await _customer_with_reference(db, settings, "biden.jpg")
    headers = await customer_headers(db, customer_id)
    sid, nonce = await _open(client, headers, "callback")
    r = await client.post(
        f"/api/v1/identity/sessions/{sid}/frames", headers=headers, **multipart(nonce, performed(face_sequence, seed=3))
    )
    result = r.json()
    assert result["liveness"]["passed"] is True
    assert result["outcome"] == "failed" and result["match"] is False and result["distance"] > 0.6
    assert result["authority_code"] == "no_match" and result["hint"] == AUTHORITY_HINTS["no_match"]
    assert result["attempts_left"] == 2
    assert (await client.post(f"/api/v1/identity/sessions/{sid}/challenge", headers=headers)).status_code == 200


async def test_without_reference_photo_falls_back_to_human_at_once(
    db: Database, settings: Settings, client: httpx.AsyncClient, face_sequence: list[Any]
) -> None:
    customer_id = await _customer_with_reference(db, settings, None)
    headers = await customer_headers(db, customer_id)
    sid, nonce = await _open(client, headers, "customer_auth")
    r = await client.post(
        f"/api/v1/identity/sessions/{sid}/frames", headers=headers, **multipart(nonce, performed(face_sequence, seed=4))
    )
    result = r.json()
    assert result["outcome"] == "fallback_to_human" and result["authority_code"] == "no_reference"
    assert result["attempts_left"] == 0


async def test_enrol_reference_checks_identity_and_photo(db: Database, settings: Settings, session: Any) -> None:
    customer = await make_customer(session, name="欧巴马")
    photo = (FACES / "obama.jpg").read_bytes()

    async def enrol(name: str, id_number: str, data: bytes) -> Any:
        return await enrol_reference(
            session, name=name, id_number=id_number, photo=data, actor=SYSTEM, settings=settings.identity
        )

    for name, id_number, data, code in (
        ("奥八马", customer.id_number, photo, "name_id_mismatch"),
        ("欧巴马", "11010119900307123X", photo, "id_number_unknown"),
        ("欧巴马", customer.id_number, (FACES / "obama_partial_face.jpg").read_bytes(), "face_cut_off"),
        ("欧巴马", customer.id_number, np.zeros(10, dtype=np.uint8).tobytes(), "unsupported_format"),
    ):
        with pytest.raises(ZhihuiError) as caught:
            await enrol(name, id_number, data)
        assert caught.value.code == code
        assert caught.value.detail
    first = await enrol("欧巴马", customer.id_number, photo)
    again = await enrol("欧巴马", customer.id_number.lower(), (FACES / "obama2.jpg").read_bytes())
    assert again.id == first.id  # one reference per person: replaced
    actions = (
        await session.scalars(select(AuditLog.action).where(AuditLog.subject_type == "identity_reference"))
    ).all()
    assert list(actions) == ["identity.reference.enrol", "identity.reference.replace"]
