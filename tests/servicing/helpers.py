"""Helpers of the servicing tests: a world (agent, reviewer, customers, policies), the link flow through the
API, a face verification that passes (liveness and authority replaced by test doubles: dlib judging a real
face is tested in tests/identity), and a drawn signature."""

from __future__ import annotations

import base64
import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from PIL import Image, ImageDraw
from sqlalchemy import select

from tests.factories import make_customer, make_policy, make_staff, staff_headers
from zhihui.identity.authority import AuthorityResult
from zhihui.identity.liveness import Challenge, Frame, LivenessCode, LivenessResult
from zhihui.identity.verification import IdentityRuntime
from zhihui.platform import clock
from zhihui.platform.auth import Role, open_session
from zhihui.platform.db import Database
from zhihui.platform.models import AuditLog, SmsOutbox
from zhihui.platform.pii import lookup_hash
from zhihui.settings import Settings

NOW = dt.datetime(2025, 6, 2, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai


def signature_png(blank: bool = False) -> str:
    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    if not blank:
        ImageDraw.Draw(image).line([(20, 80), (80, 30), (140, 90), (260, 40)], fill=(0, 0, 0, 255), width=4)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def loops_png() -> str:
    """A drawing nothing like :func:`signature_png` (loops where that has a zigzag): another hand."""
    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    points = [(150 + 100 * math.cos(t / 5), 60 + 40 * math.sin(t / 3)) for t in range(0, 95)]
    ImageDraw.Draw(image).line(points, fill=(0, 0, 0, 255), width=4)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


@dataclass
class World:
    agent_id: int
    agent_username: str
    reviewer_username: str
    holder: Any
    policies: dict[str, str]
    insured: Any = None
    """The insured of every policy: the holder unless ``make_world`` was given an insured."""

    def __post_init__(self) -> None:
        if self.insured is None:
            self.insured = self.holder


async def make_world(
    db: Database,
    products: dict[str, dict[str, Any]] | None = None,
    *,
    holder: dict[str, Any] | None = None,
    insured: dict[str, Any] | None = None,
) -> World:
    """An agent and a reviewer, one policyholder with a policy of each product code. The insured is the holder,
    or (``insured`` given: that customer's overrides) the holder's spouse. ``holder`` overrides the holder."""
    products = products if products is not None else {"MD01": {"issue_date": dt.date(2025, 1, 10)}}
    async with db.unit_of_work() as session:
        agent = await make_staff(session, Role.SALES_AGENT)
        reviewer = await make_staff(session, Role.REVIEWER)
        policyholder = await make_customer(session, **(holder or {}))
        spouse = None
        if insured is not None:
            spouse = await make_customer(session, **{"male": not (holder or {}).get("male", True), **insured})
        policies = {}
        for code, overrides in products.items():
            if spouse is not None:
                overrides = {"insured": spouse, "insured_relation_to_policyholder": "spouse", **overrides}
            policy = await make_policy(session, policyholder, product_code=code, agent_id=agent.id, **overrides)
            policies[code] = policy.policy_no
    return World(agent.id, agent.username, reviewer.username, policyholder, policies, spouse)


async def latest_code(db: Database, phone: str) -> str:
    """The code of the newest SMS to ``phone`` that carries one (a notice may follow the code, as the insured's
    consent request does)."""
    async with db.sessionmaker() as session:
        rows = await session.scalars(
            select(SmsOutbox).where(SmsOutbox.phone_hash == lookup_hash(phone)).order_by(SmsOutbox.id.desc()).limit(5)
        )
        bodies = [row.body for row in rows]
    assert bodies, "no SMS to this phone"
    for body in bodies:
        match = re.search(r"验证码是(\d{6})", body)
        if match:
            return match.group(1)
    raise AssertionError(f"no code in the latest SMS: {bodies[0]}")


async def sms_bodies(db: Database, phone: str) -> list[str]:
    async with db.sessionmaker() as session:
        rows = await session.scalars(
            select(SmsOutbox).where(SmsOutbox.phone_hash == lookup_hash(phone)).order_by(SmsOutbox.id)
        )
        return [r.body for r in rows]


async def refusals(db: Database, action: str) -> list[AuditLog]:
    async with db.sessionmaker() as session:
        rows = await session.scalars(select(AuditLog).where(AuditLog.action == action, AuditLog.outcome == "refused"))
        return list(rows)


async def customer_headers(db: Database, customer_id: int) -> dict[str, str]:
    async with db.unit_of_work() as session:
        token = await open_session(session, subject_kind="customer", subject_id=customer_id, role=None, ttl_hours=1)
    return {"Authorization": f"Bearer {token}"}


async def create_link(
    client: httpx.AsyncClient, world: World, policy_no: str, item: str, applicant: str = "policyholder"
) -> dict[str, Any]:
    headers = await staff_headers(client, world.agent_username)
    r = await client.post(
        "/api/v1/servicing/links", json={"policy_no": policy_no, "item": item, "applicant": applicant}, headers=headers
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def open_application(
    client: httpx.AsyncClient, db: Database, world: World, policy_no: str, item: str, applicant: str = "policyholder"
) -> tuple[str, dict[str, str]]:
    """Agent link -> open -> SMS code -> verify; returns (application id, customer headers)."""
    link = await create_link(client, world, policy_no, item, applicant)
    token = link["token"]
    r = await client.post("/api/v1/servicing/links/open", json={"token": token})
    assert r.status_code == 200, r.text
    r = await client.post("/api/v1/servicing/links/code", json={"token": token})
    assert r.status_code == 204, r.text
    code = await latest_code(db, world.holder.phone)
    r = await client.post("/api/v1/servicing/links/verify", json={"token": token, "code": code})
    assert r.status_code == 200, r.text
    body = r.json()
    return body["application_id"], {"Authorization": f"Bearer {body['access_token']}"}


class PassingLiveness:
    """Test double: every capture is judged live (the real detector needs a real moving face)."""

    def evaluate(
        self, challenge: Challenge, frames: Sequence[Frame], now: dt.datetime, *, seen_digests: Any = frozenset()
    ) -> LivenessResult:
        return LivenessResult(passed=True, code=LivenessCode.OK, hint="活体检测通过", best_frame=0)


class MatchingAuthority:
    name = "test"

    async def verify(self, name: str, id_number: str, photo: bytes) -> AuthorityResult:
        return AuthorityResult(provider="test", code="match", match=True, hint="比对一致", distance=0.3, threshold=0.6)


class PassingRuntime(IdentityRuntime):
    def authority(self, session: Any, *, actor: Any, reason: str) -> Any:
        return MatchingAuthority()


def passing_runtime(settings: Settings) -> PassingRuntime:
    return PassingRuntime(settings=settings.identity, liveness=PassingLiveness(), liveness_name="test")


def jpeg() -> str:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 130, 140)).save(buf, "JPEG")
    return base64.b64encode(buf.getvalue()).decode()


async def pass_face(client: httpx.AsyncClient, app_id: str, headers: dict[str, str]) -> None:
    """The face step through the identity API, with the passing runtime installed on the app."""
    r = await client.post(f"/api/v1/servicing/applications/{app_id}/face", headers=headers)
    assert r.status_code == 200, r.text
    session_id = r.json()["session_id"]
    r = await client.get("/api/v1/identity/consent", params={"purpose": "servicing"}, headers=headers)
    version = r.json()["text_version"]
    r = await client.post(
        "/api/v1/identity/consents", json={"purpose": "servicing", "text_version": version}, headers=headers
    )
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/v1/identity/sessions/{session_id}/challenge", headers=headers)
    assert r.status_code == 200, r.text
    nonce = r.json()["nonce"]
    frames = [{"t_ms": 100 * i, "image": jpeg()} for i in range(3)]
    r = await client.post(
        f"/api/v1/identity/sessions/{session_id}/frames", json={"nonce": nonce, "frames": frames}, headers=headers
    )
    assert r.status_code == 200 and r.json()["outcome"] == "passed", r.text


async def submit(
    client: httpx.AsyncClient, app_id: str, headers: dict[str, str], form: dict[str, Any], **extra: Any
) -> httpx.Response:
    body = {"form": form, "signature": signature_png(), **extra}
    return await client.post(f"/api/v1/servicing/applications/{app_id}/submit", json=body, headers=headers)


def fix_clock(at: dt.datetime = NOW) -> None:
    clock.set_now(at)
