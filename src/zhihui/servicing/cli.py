"""``zhihui servicing approval-rate``: the auto-approval rate (自动审核率) on the demo data.

It builds a throw-away database with the demo data, then submits a realistic mix of applications through the
same service functions the API calls: an agent shares a link, the customer verifies the SMS code, passes
face verification where the item needs it, and submits a plausible form. The mix, devices and regions are
documented in docs/servicing.md. Face verification runs through the identity module with its liveness and
match judgements replaced by simulation doubles (``SimulatedLiveness``/``SimulatedAuthority``, used by
this command only): the rate measures servicing's rules and risk scoring, not the camera.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import typer

from zhihui.settings import Settings

servicing_app = typer.Typer(help="慧保全", no_args_is_help=True)

#: Relative frequency of the items in the simulated mix (a guess at a mobile servicing mix: information
#: and account changes dominate, money movements are fewer).
MIX: dict[str, int] = {
    "info_change": 25,
    "premium_account": 14,
    "benefit_account": 9,
    "renewal_payment_method": 9,
    "beneficiary_change": 8,
    "renewal_flag": 8,
    "account_withdrawal": 9,
    "benefit_payment": 6,
    "reinstatement": 6,
    "customer_auth": 6,
}
SHARED_DEVICE_SHARE = 0.05
"""Share of applications made on an agent's own phone (one device, many customers)."""
AWAY_SHARE = 0.10
"""Share of applications made from outside the customer's province."""


class SimulatedLiveness:
    """Simulation double: every capture counts as live."""

    def evaluate(self, challenge: Any, frames: Sequence[Any], now: dt.datetime, *, seen_digests: Any = None) -> Any:
        from zhihui.identity.liveness import LivenessCode, LivenessResult

        return LivenessResult(passed=True, code=LivenessCode.OK, hint="模拟：活体通过", best_frame=0)


class SimulatedAuthority:
    name = "simulation"

    async def verify(self, name: str, id_number: str, photo: bytes) -> Any:
        from zhihui.identity.authority import AuthorityResult

        return AuthorityResult(provider="simulation", code="match", match=True, hint="模拟：比对一致")


def simulated_runtime(settings: Settings) -> Any:
    from zhihui.identity.verification import IdentityRuntime

    class _Runtime(IdentityRuntime):
        def authority(self, session: Any, *, actor: Any, reason: str) -> Any:
            return SimulatedAuthority()

    return _Runtime(settings=settings.identity, liveness=SimulatedLiveness(), liveness_name="simulation")


@dataclass
class SimulationResult:
    submitted: int = 0
    auto_approved: int = 0
    reviewed: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    by_item: dict[str, Counter[str]] = field(default_factory=dict)
    review_reasons: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.auto_approved / self.submitted if self.submitted else 0.0


def _form_for(item: str, ctx: Any, rng: random.Random, codes: dict[str, str]) -> dict[str, Any]:
    from zhihui.policy.demo import BANKS, DISTRICTS, STREETS, make_card_number, make_id_number
    from zhihui.servicing import items as catalog

    me = ctx.applicant
    if item == "customer_auth":
        return {"name": me.name, "id_number": me.id_number}
    if item == "info_change":
        roll = rng.random()
        if roll < 0.12:
            return {"new_phone": codes["phone"], "phone_code": codes["phone_code"]}
        if roll < 0.22:
            return {"occupation_code": "0301005", "occupation_class": min(6, (me.occupation_class or 1) + 1)}
        _, province, city, district = rng.choice(DISTRICTS)
        return {
            "province": province,
            "city": city,
            "district": district,
            "address_detail": f"{rng.choice(STREETS)}{rng.randrange(1, 999)}号",
        }
    if item in ("premium_account", "benefit_account"):
        bank, iin = rng.choice(BANKS)
        holder = ctx.holder.name if item == "premium_account" else me.name
        return {"bank": bank, "account": make_card_number(rng, iin), "holder_name": holder}
    if item == "renewal_payment_method":
        current = ctx.policy.payment_method
        return {
            "payment_method": "self_pay" if current == "auto_debit" else "auto_debit",
            "frequency": ctx.policy.frequency,
        }
    if item == "renewal_flag":
        return {"renew": not bool(ctx.policy.renewal_flag)}
    if item == "beneficiary_change":
        birth = me.birth_date + dt.timedelta(days=rng.randrange(-3000, 3000))
        spouse = make_id_number(rng, "310115", birth, rng.random() < 0.5)
        relation = "other" if rng.random() < 0.1 else "spouse"
        return {
            "beneficiaries": [
                {
                    "name": "王秀英",
                    "id_number": spouse,
                    "phone": f"139{rng.randrange(10**8):08d}",
                    "relation": relation,
                    "order": 1,
                    "share_pct": "100",
                }
            ],
            "consent_code": codes.get("consent_code"),
        }
    if item == "account_withdrawal":
        step = ctx.config.withdrawal_step_fen
        top = catalog.withdrawal_max_fen(ctx.account_balance_fen or 0, ctx.product.min_account_balance_fen, step)
        steps = max(1, int(top * rng.uniform(0.05, 0.8)) // step)
        return {"amount_yuan": str(steps * step // 100)}
    if item == "benefit_payment":
        return {"confirm": True}
    if item == "reinstatement":
        answers = {f"h{i}": "yes" if rng.random() < 0.06 else "no" for i in range(1, 6)}
        return {**answers, "consent_code": codes.get("consent_code"), "confirm": True}
    raise ValueError(item)


async def simulate(session: Any, settings: Settings, *, applications: int, seed: int) -> SimulationResult:
    """Submit ``applications`` applications against the demo policies and count the decisions."""
    from sqlalchemy import text

    from zhihui.identity import service as identity_service
    from zhihui.platform.actor import Actor
    from zhihui.platform.auth import Principal
    from zhihui.platform.errors import ZhihuiError
    from zhihui.policy import service as policy_service
    from zhihui.policy.demo import DISTRICTS
    from zhihui.risk.service import device_hash
    from zhihui.servicing import items as catalog
    from zhihui.servicing import service

    rng = random.Random(seed)
    runtime = simulated_runtime(settings)
    result = SimulationResult()
    numbers = list((await session.execute(text("SELECT policy_no FROM policy_policy ORDER BY id"))).scalars())
    items, weights = list(MIX), list(MIX.values())
    shared_device = "agent-phone-0001"
    attempts = 0
    while result.submitted + sum(result.refused.values()) < applications and attempts < applications * 20:
        attempts += 1
        item = rng.choices(items, weights)[0]
        spec = catalog.ITEMS[item]
        policy = await policy_service.policy_by_number(session, rng.choice(numbers))
        if policy.agent_id is None:
            continue
        role = str(spec.applicants[0])
        ids = policy_service.role_customer_ids(policy, role)
        if not ids:
            continue
        agent = Actor(kind="staff", id=policy.agent_id, role="sales_agent")
        try:
            link = await service.create_link(
                session, settings, policy_no=policy.policy_no, item_code=item, applicant_role=role, actor=agent
            )
        except ZhihuiError:
            continue  # the agent would not share an item the policy cannot take (wrong status, product…)
        customer = await policy_service.get_customer(session, ids[0])
        await identity_service.send_otp(session, phone=customer.phone, purpose=service.OTP_LINK, settings=settings)
        code = await _last_code(session, customer.phone)
        application, _ = await service.verify_link(session, settings, link.token, code, principal=None)
        principal = Principal("customer", customer.id, None, "客户", 0)
        if spec.face_required:
            await _pass_face(session, application, principal, runtime, settings)
        ctx = await service.build_context(session, settings, policy, customer_id=customer.id, applicant_role=role)
        codes: dict[str, str] = {}
        if item == "info_change":
            codes["phone"] = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
            await identity_service.send_otp(
                session, phone=codes["phone"], purpose=catalog.OTP_NEW_PHONE, settings=settings
            )
            codes["phone_code"] = await _last_code(session, codes["phone"])
        if ctx.consent_needed and item in ("beneficiary_change", "reinstatement"):
            await identity_service.send_otp(
                session, phone=ctx.insured.phone, purpose=catalog.OTP_CONSENT, settings=settings
            )
            codes["consent_code"] = await _last_code(session, ctx.insured.phone)
        device = shared_device if rng.random() < SHARED_DEVICE_SHARE else f"device-{customer.id}"
        region = customer.province if rng.random() >= AWAY_SHARE else rng.choice(DISTRICTS)[1]
        try:
            submitted = await service.submit_application(
                session,
                settings,
                application.public_id,
                form=_form_for(item, ctx, rng, codes),
                signature=_signature(),
                principal=principal,
                device_hash=device_hash(device, None),
                region=region,
            )
        except ZhihuiError as exc:
            result.refused[exc.code] += 1
            continue
        result.submitted += 1
        counts = result.by_item.setdefault(item, Counter())
        if submitted.status == "approved":
            result.auto_approved += 1
            counts["auto"] += 1
        else:
            result.reviewed += 1
            counts["review"] += 1
            for reason in submitted.review_reasons:
                result.review_reasons[reason.split("：", 1)[-1]] += 1
        await session.flush()
    return result


async def _last_code(session: Any, phone: str) -> str:
    import re

    from zhihui.platform import sms

    message = (await sms.recent_messages(session, phone=phone, limit=1))[0]
    match = re.search(r"验证码是(\d{6})", message.body)
    if match is None:
        raise RuntimeError("no code in the last SMS")
    return match.group(1)


async def _pass_face(session: Any, application: Any, principal: Any, runtime: Any, settings: Settings) -> None:
    from zhihui.identity import verification
    from zhihui.identity.liveness import Frame
    from zhihui.identity.schemas import Purpose
    from zhihui.servicing import service

    session_id, _, _ = await service.start_face(session, application.public_id, principal=principal, runtime=runtime)
    version, _ = verification.consent_text(Purpose.SERVICING, settings.identity)
    if (
        await verification.current_consent(
            session, customer_id=principal.id, purpose=Purpose.SERVICING, settings=settings.identity
        )
        is None
    ):
        await verification.give_consent(
            session,
            customer_id=principal.id,
            purpose=Purpose.SERVICING,
            text_version=version,
            settings=settings.identity,
            actor=principal.actor,
        )
    attempt = await verification.issue_challenge(session, session_id, customer_id=principal.id, runtime=runtime)
    frame = Frame(0, application.public_id.encode())  # unique bytes: the double does not look at them
    await verification.submit_frames(
        session,
        session_id,
        customer_id=principal.id,
        nonce=attempt.nonce,
        frames=[frame],
        actor=principal.actor,
        runtime=runtime,
    )


def _signature() -> str:
    """A small drawn stroke as a PNG data URL (what the H5 canvas sends)."""
    import base64
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (200, 80), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 60), (60, 20), (120, 70), (190, 30)], fill=(0, 0, 0, 255), width=3)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


async def run_simulation(*, customers: int, applications: int, seed: int, as_of: dt.date) -> SimulationResult:
    from zhihui.app import load_models
    from zhihui.platform import clock, pii
    from zhihui.platform.db import Base, Database
    from zhihui.policy.demo import load_demo_data

    tmp = Path(tempfile.mkdtemp(prefix="zhihui-servicing-"))
    from zhihui.settings import AuthSettings

    # The simulated customers act one after another within seconds: no resend pause between their codes.
    settings = Settings(
        data_dir=tmp,
        database_url=f"sqlite+aiosqlite:///{tmp / 'sim.db'}",
        log_level="WARNING",
        auth=AuthSettings(otp_resend_seconds=0),
    )
    pii.configure(settings)
    load_models()
    db = Database(settings)
    clock.set_now(dt.datetime.combine(as_of, dt.time(2, 0), tzinfo=dt.UTC))
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        async with db.unit_of_work() as session:
            await load_demo_data(session, customers=customers, seed=seed, as_of=as_of)
        async with db.unit_of_work() as session:
            return await simulate(session, settings, applications=applications, seed=seed)
    finally:
        clock.set_now(None)
        await db.dispose()


@servicing_app.command("approval-rate")
def approval_rate(
    customers: Annotated[int, typer.Option(help="演示客户数")] = 2000,
    applications: Annotated[int, typer.Option(help="模拟提交的申请数")] = 1000,
    seed: Annotated[int, typer.Option(help="随机种子")] = 7,
) -> None:
    """在演示数据上模拟一批保全申请，输出自动审核率。"""
    from zhihui.platform.logging import configure_logging

    configure_logging(Settings(log_level="WARNING"))
    result = asyncio.run(
        run_simulation(customers=customers, applications=applications, seed=seed, as_of=dt.date(2026, 6, 30))
    )
    typer.echo(f"submitted         {result.submitted}")
    typer.echo(f"auto-approved     {result.auto_approved}")
    typer.echo(f"to reviewer       {result.reviewed}")
    typer.echo(f"auto-approval rate {result.rate:.1%}  (seed figure: 85.6%)")
    typer.echo(f"refused at submit {dict(result.refused)}")
    for item, counts in sorted(result.by_item.items()):
        typer.echo(f"  {item:24s} auto {counts['auto']:4d}  review {counts['review']:4d}")
    typer.echo("review reasons:")
    for reason, count in result.review_reasons.most_common():
        typer.echo(f"  {count:4d}  {reason}")


def register(app: typer.Typer) -> None:
    app.add_typer(servicing_app, name="servicing")
