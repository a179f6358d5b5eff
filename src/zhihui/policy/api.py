"""Policy core API under /api/v1/policy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from zhihui.platform.auth import Permission, Principal
from zhihui.platform.web import CustomerPrincipal, DbSession, require
from zhihui.policy import service
from zhihui.policy.schemas import (
    CustomerCreate,
    CustomerOut,
    PolicyCreate,
    PolicyOut,
    RevealOut,
    RevealRequest,
)

router = APIRouter(prefix="/api/v1/policy", tags=["policy"])
Viewer = Annotated[Principal, Depends(require(Permission.VIEW_CUSTOMERS))]
Admin = Annotated[Principal, Depends(require(Permission.MANAGE_STAFF))]
Revealer = Annotated[Principal, Depends(require(Permission.REVEAL_PII))]


@router.post("/customers", response_model=CustomerOut, status_code=201)
async def create_customer(body: CustomerCreate, session: DbSession, principal: Admin) -> CustomerOut:
    customer = await service.create_customer(session, body, actor=principal.actor)
    return service.customer_out(customer)


@router.get("/customers", response_model=list[CustomerOut], summary="Search by ID number, phone, customer no or name")
async def search_customers(
    session: DbSession, principal: Viewer, q: Annotated[str, Query(min_length=1, max_length=64)]
) -> list[CustomerOut]:
    return [service.customer_out(c) for c in await service.search_customers(session, q)]


@router.get("/customers/{customer_id}", response_model=CustomerOut)
async def get_customer(customer_id: int, session: DbSession, principal: Viewer) -> CustomerOut:
    return service.customer_out(await service.get_customer(session, customer_id))


@router.post("/customers/{customer_id}/reveal", response_model=RevealOut, summary="Clear value of one field (audited)")
async def reveal(customer_id: int, body: RevealRequest, session: DbSession, principal: Revealer) -> RevealOut:
    value = await service.reveal_customer_field(
        session, customer_id, body.field, actor=principal.actor, reason=body.reason
    )
    return RevealOut(field=body.field, value=value)


@router.get("/customers/{customer_id}/policies", response_model=list[PolicyOut])
async def customer_policies(customer_id: int, session: DbSession, principal: Viewer) -> list[PolicyOut]:
    await service.get_customer(session, customer_id)
    return [await service.policy_out(session, p) for p in await service.policies_of_customer(session, customer_id)]


@router.get("/policies/{policy_no}", response_model=PolicyOut)
async def get_policy(policy_no: str, session: DbSession, principal: Viewer) -> PolicyOut:
    return await service.policy_out(session, await service.policy_by_number(session, policy_no))


@router.post("/policies", response_model=PolicyOut, status_code=201)
async def create_policy(body: PolicyCreate, session: DbSession, principal: Admin) -> PolicyOut:
    policy = await service.create_policy(session, body, actor=principal.actor)
    return await service.policy_out(session, policy)


@router.get("/me/policies", response_model=list[PolicyOut], summary="The signed-in customer's policies")
async def my_policies(session: DbSession, principal: CustomerPrincipal) -> list[PolicyOut]:
    return [await service.policy_out(session, p) for p in await service.policies_of_customer(session, principal.id)]
