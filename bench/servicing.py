"""Servicing throughput: applications submitted and auto-reviewed per second through the API.

    .venv/bin/python bench/servicing.py [--applications 300] [--database-url URL]

An in-process ASGI client drives the real API on a fresh database with demo data: for each application an
agent creates a link, the customer opens it, verifies the SMS code and submits an address change (a
low-risk item: validated, risk-scored, auto-approved, applied, endorsement PDF rendered). The figure is the
submit step alone (submitted + auto-reviewed per second); the whole flow per second is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
import io
import re
import tempfile
import time
from pathlib import Path

import httpx
from PIL import Image, ImageDraw
from sqlalchemy import select, text

from zhihui.app import create_app
from zhihui.platform import clock
from zhihui.platform.db import Base, Database
from zhihui.platform.models import SmsOutbox
from zhihui.policy.demo import DEMO_PASSWORD, DISTRICTS, load_demo_data
from zhihui.settings import AuthSettings, Settings

AS_OF = dt.date(2026, 6, 30)


def signature() -> str:
    image = Image.new("RGBA", (240, 90), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 70), (70, 20), (150, 80), (230, 30)], fill=(0, 0, 0, 255), width=3)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


async def main(applications: int, url: str | None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="zhihui-bench-"))
    settings = Settings(
        data_dir=tmp,
        database_url=url or f"sqlite+aiosqlite:///{tmp / 'bench.db'}",
        log_level="WARNING",
        auth=AuthSettings(otp_resend_seconds=0),
    )
    app = create_app(settings)
    clock.set_now(dt.datetime.combine(AS_OF, dt.time(2, 0), tzinfo=dt.UTC))
    db = Database(settings)
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    async with db.unit_of_work() as session:
        await load_demo_data(session, customers=max(500, applications), seed=3, as_of=AS_OF)
    async with db.sessionmaker() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT p.policy_no, u.username, c.phone FROM policy_policy p "
                    "JOIN staff_user u ON u.id = p.agent_id "
                    "JOIN policy_role r ON r.policy_id = p.id AND r.role = 'policyholder' "
                    "JOIN policy_customer c ON c.id = r.customer_id "
                    "WHERE p.closed_status IS NULL ORDER BY p.id"
                )
            )
        ).all()
    sig = signature()
    submit_seconds = 0.0
    outcomes: dict[str, int] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            tokens: dict[str, str] = {}
            started = time.perf_counter()
            done = 0
            for policy_no, username, _ in rows:
                if done >= applications:
                    break
                if username not in tokens:
                    r = await client.post("/api/v1/auth/token", json={"username": username, "password": DEMO_PASSWORD})
                    tokens[username] = r.json()["access_token"]
                agent = {"Authorization": f"Bearer {tokens[username]}"}
                r = await client.post(
                    "/api/v1/servicing/links", json={"policy_no": policy_no, "item": "info_change"}, headers=agent
                )
                if r.status_code != 201:
                    continue
                token = r.json()["token"]
                await client.post("/api/v1/servicing/links/code", json={"token": token})
                async with db.sessionmaker() as session:
                    body = await session.scalar(select(SmsOutbox.body).order_by(SmsOutbox.id.desc()).limit(1))
                code = re.search(r"验证码是(\d{6})", body or "")
                assert code, body
                r = await client.post("/api/v1/servicing/links/verify", json={"token": token, "code": code.group(1)})
                verified = r.json()
                headers = {"Authorization": f"Bearer {verified['access_token']}"}
                _, province, city, district = DISTRICTS[done % len(DISTRICTS)]
                form = {"province": province, "city": city, "district": district, "address_detail": f"人民路{done}号"}
                t0 = time.perf_counter()
                r = await client.post(
                    f"/api/v1/servicing/applications/{verified['application_id']}/submit",
                    json={"form": form, "signature": sig, "device_id": f"bench-{done}", "region": province},
                    headers=headers,
                )
                submit_seconds += time.perf_counter() - t0
                status = r.json().get("status", r.json().get("code"))
                outcomes[status] = outcomes.get(status, 0) + 1
                done += 1
            total = time.perf_counter() - started
    await db.dispose()
    print(f"database                 {db.dialect}")
    print(f"applications             {done}  outcomes {outcomes}")
    each_ms = submit_seconds / done * 1000
    print(f"submit + auto-review     {done / submit_seconds:,.1f} applications/s  ({each_ms:.1f} ms each)")
    print(f"whole flow (link→submit) {done / total:,.1f} applications/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.applications, args.database_url))
