"""Test data built through the same service functions users call."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.actor import SYSTEM
from zhihui.platform.auth import create_staff_user
from zhihui.platform.models import StaffUser
from zhihui.platform.validators import id_check_digit
from zhihui.policy import service as policy_service
from zhihui.policy.models import Customer, Policy
from zhihui.policy.rules import ProductKind
from zhihui.policy.schemas import CustomerCreate, PolicyCreate, ProductCreate

PASSWORD = "test-password-1"
_seq = itertools.count(1)


def make_id_number(birth: dt.date, male: bool, area: str = "310115") -> str:
    n = next(_seq) % 500
    first17 = f"{area}{birth:%Y%m%d}{n * 2 + (1 if male else 0):03d}"
    return first17 + id_check_digit(first17)


def make_phone() -> str:
    return f"139{next(_seq) + 10_000_000:08d}"


async def make_staff(session: AsyncSession, role: str, username: str | None = None, **kw: Any) -> StaffUser:
    return await create_staff_user(
        session,
        username=username or f"{role}{next(_seq)}",
        password=PASSWORD,
        display_name=kw.pop("display_name", f"测试{role}"),
        role=role,
        actor=SYSTEM,
        **kw,
    )


async def make_customer(session: AsyncSession, **overrides: Any) -> Customer:
    male = overrides.pop("male", True)
    birth = overrides.pop("birth_date", dt.date(1985, 6, 15))
    data = {
        "name": "张伟" if male else "李娜",
        "gender": "male" if male else "female",
        "birth_date": birth,
        "id_number": make_id_number(birth, male),
        "phone": make_phone(),
        "province": "上海市",
        "city": "上海市",
        "district": "浦东新区",
        "address_detail": "世纪大道100号",
        "occupation_code": "0001001",
        "occupation_class": 1,
    }
    data.update(overrides)
    return await policy_service.create_customer(session, CustomerCreate(**data), actor=SYSTEM)


PRODUCT_DEFAULTS: dict[str, dict[str, Any]] = {
    "WL": {"kind": ProductKind.WHOLE_LIFE},
    "UL": {
        "kind": ProductKind.UNIVERSAL_LIFE,
        "min_account_balance_fen": 100_000,
        "withdrawal_fee_bp": [500, 300, 100, 0],
    },
    "AN": {"kind": ProductKind.ANNUITY, "benefit_rate_bp": 1000, "benefit_start_age": 60},
    "MD": {"kind": ProductKind.MEDICAL, "term_years": 1, "renewable": True, "grace_days": 30},
}


async def make_product(session: AsyncSession, code: str = "WL", **overrides: Any) -> Any:
    spec = {"code": code, "name": f"测试产品{code}", **PRODUCT_DEFAULTS.get(code[:2], {}), **overrides}
    return await policy_service.create_product(session, ProductCreate(**spec), actor=SYSTEM)


async def make_policy(
    session: AsyncSession, holder: Customer, insured: Customer | None = None, product_code: str = "WL", **overrides: Any
) -> Policy:
    try:
        await policy_service.product_by_code(session, product_code)
    except Exception:
        await make_product(session, product_code)
    data = {
        "product_code": product_code,
        "policyholder_id": holder.id,
        "insured_id": (insured or holder).id,
        "issue_date": dt.date(2024, 1, 10),
        "premium_fen": 500_000,
        "sum_assured_fen": 50_000_000,
        "frequency": "annual",
        "payment_years": 10,
        "premium_bank": "中国工商银行",
        "premium_account": "6222020200112233446",
        "benefit_bank": "中国工商银行",
        "benefit_account": "6222020200112233446",
        "branch_code": "SH",
    }
    data.update(overrides)
    return await policy_service.create_policy(session, PolicyCreate(**data), actor=SYSTEM)


async def staff_headers(client: httpx.AsyncClient, username: str) -> dict[str, str]:
    r = await client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}
