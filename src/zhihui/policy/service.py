"""Service functions of the policy core: the only way other modules read or change policies.

Write functions take the session and an ``actor`` (keyword-only), check the rules, change the data,
record an audit row and a domain event, and never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from zhihui.platform import audit, events
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now, today
from zhihui.platform.errors import Conflict, NotFound, ZhihuiError, register_messages
from zhihui.platform.numbers import next_business_number
from zhihui.platform.pii import lookup_hash, mask_account, mask_id_number, mask_phone
from zhihui.platform.validators import id_birth_date, id_gender
from zhihui.policy.errors import PolicyError
from zhihui.policy.models import (
    AccountTransaction,
    Branch,
    Customer,
    Policy,
    PolicyRole,
    PremiumInstallment,
    Product,
    UniversalAccount,
)
from zhihui.policy.rules import (
    FREQUENCY_MONTHS,
    STATUS_LABELS,
    Frequency,
    PolicyStatus,
    ProductKind,
    RoleKind,
    add_months,
    add_years,
    derive_status,
    due_dates,
    shares_complete,
)
from zhihui.policy.schemas import (
    BeneficiaryIn,
    CustomerCreate,
    CustomerOut,
    PolicyCreate,
    PolicyOut,
    ProductCreate,
    RoleOut,
)

# --- customers ------------------------------------------------------------------------------------------


async def create_customer(session: AsyncSession, data: CustomerCreate, *, actor: Actor) -> Customer:
    """Create a customer. Raises ``duplicate_customer`` when the ID number is already known."""
    if id_birth_date(data.id_number) != data.birth_date:
        raise ZhihuiError(PolicyError.BIRTH_DATE_MISMATCH, field="birth_date")
    if id_gender(data.id_number) != data.gender:
        raise ZhihuiError(PolicyError.GENDER_MISMATCH, field="gender")
    if data.id_valid_from and data.id_valid_until and data.id_valid_until <= data.id_valid_from:
        raise ZhihuiError(PolicyError.ID_VALIDITY_INVALID, field="id_valid_until")
    id_hash = lookup_hash(data.id_number)
    if await session.scalar(select(Customer.id).where(Customer.id_number_hash == id_hash)) is not None:
        raise Conflict(PolicyError.DUPLICATE_CUSTOMER, field="id_number")
    customer = Customer(
        customer_no=await next_business_number(session, "KH"),
        name=data.name,
        gender=data.gender,
        birth_date=data.birth_date,
        id_type=data.id_type,
        id_number=data.id_number,
        id_number_hash=id_hash,
        id_valid_from=data.id_valid_from,
        id_valid_until=data.id_valid_until,
        phone=data.phone,
        phone_hash=lookup_hash(data.phone),
        province=data.province,
        city=data.city,
        district=data.district,
        address_detail=data.address_detail,
        occupation_code=data.occupation_code,
        occupation_class=data.occupation_class,
    )
    session.add(customer)
    await session.flush()
    audit.record(session, actor=actor, action="customer.create", subject_type="customer", subject_id=customer.id)
    events.record_event(session, "policy.customer_created", {"customer_id": customer.id})
    return customer


async def get_customer(session: AsyncSession, customer_id: int) -> Customer:
    customer = await session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(PolicyError.CUSTOMER_NOT_FOUND)
    return customer


async def customer_by_id_number(session: AsyncSession, id_number: str) -> Customer | None:
    return await session.scalar(select(Customer).where(Customer.id_number_hash == lookup_hash(id_number)))


async def customers_by_phone(session: AsyncSession, phone: str) -> list[Customer]:
    stmt = select(Customer).where(Customer.phone_hash == lookup_hash(phone)).order_by(Customer.id)
    return list((await session.scalars(stmt)).all())


async def search_customers(session: AsyncSession, query: str, *, limit: int = 20) -> list[Customer]:
    """By exact ID number, exact phone, customer number or name prefix."""
    q = query.strip().upper()
    if not q:
        return []
    stmt = select(Customer).where(
        (Customer.id_number_hash == lookup_hash(q))
        | (Customer.phone_hash == lookup_hash(q))
        | (Customer.customer_no == q)
        | (Customer.name.startswith(query.strip()))
    )
    return list((await session.scalars(stmt.order_by(Customer.id).limit(limit))).all())


def customer_out(customer: Customer) -> CustomerOut:
    return CustomerOut(
        id=customer.id,
        customer_no=customer.customer_no,
        name=customer.name,
        gender=customer.gender,
        birth_date=customer.birth_date,
        id_type=customer.id_type,
        id_number_masked=mask_id_number(customer.id_number),
        id_valid_until=customer.id_valid_until,
        phone_masked=mask_phone(customer.phone),
        province=customer.province,
        city=customer.city,
        district=customer.district,
        occupation_code=customer.occupation_code,
        occupation_class=customer.occupation_class,
    )


REVEALABLE_FIELDS = ("id_number", "phone", "address_detail")


async def reveal_customer_field(
    session: AsyncSession, customer_id: int, field: str, *, actor: Actor, reason: str
) -> str:
    """The clear value of one personal field for staff; always writes an audit row (who, what, why)."""
    if field not in REVEALABLE_FIELDS:
        raise ZhihuiError(PolicyError.UNKNOWN_FIELD, field="field")
    if len(reason.strip()) < 2:
        raise ZhihuiError(PolicyError.REASON_REQUIRED, field="reason")
    customer = await get_customer(session, customer_id)
    audit.record(
        session,
        actor=actor,
        action="pii.reveal",
        subject_type="customer",
        subject_id=customer.id,
        fields=[field],
        reason=reason.strip(),
    )
    value: str | None = getattr(customer, field)
    return value or ""


async def update_customer_fields(
    session: AsyncSession, customer_id: int, changes: dict[str, object], *, actor: Actor
) -> Customer:
    """Apply already-validated changes (servicing's info change); keeps lookup hashes in step."""
    customer = await get_customer(session, customer_id)
    for name, value in changes.items():
        setattr(customer, name, value)
        if name == "phone" and isinstance(value, str):
            customer.phone_hash = lookup_hash(value)
    audit.record(
        session,
        actor=actor,
        action="customer.update",
        subject_type="customer",
        subject_id=customer.id,
        fields=sorted(changes),
    )
    events.record_event(session, "policy.customer_updated", {"customer_id": customer.id, "fields": sorted(changes)})
    return customer


async def signature_specimen(session: AsyncSession, customer_id: int, *, actor: Actor, reason: str) -> bytes | None:
    """The customer's signature specimen (PNG), or None when none is on file. Every read is audited (who, why),
    as reads of face reference photos are."""
    data = await session.scalar(select(Customer.signature_specimen).where(Customer.id == customer_id))
    if data is None:
        return None
    audit.record(
        session,
        actor=actor,
        action="customer.signature_specimen.read",
        subject_type="customer",
        subject_id=customer_id,
        fields=["signature_specimen"],
        reason=reason,
    )
    return bytes(data)


async def record_signature_specimen(
    session: AsyncSession, customer_id: int, png: bytes, *, source: str, actor: Actor
) -> Customer:
    """Keep ``png`` (a signature the caller has accepted) as the customer's specimen, replacing any earlier one.

    Audited (``customer.signature_specimen``, with the source and whether one was replaced, never the image);
    records ``policy.customer_updated``."""
    customer = await get_customer(session, customer_id)
    replaced = customer.signature_specimen_at is not None
    customer.signature_specimen = png
    customer.signature_specimen_at = now()
    customer.signature_specimen_source = source[:32]
    fields = ["signature_specimen"]
    audit.record(
        session,
        actor=actor,
        action="customer.signature_specimen",
        subject_type="customer",
        subject_id=customer.id,
        fields=fields,
        detail={"source": source, "replaced": replaced},
    )
    events.record_event(session, "policy.customer_updated", {"customer_id": customer.id, "fields": fields})
    return customer


# --- products -------------------------------------------------------------------------------------------


async def create_product(session: AsyncSession, data: ProductCreate, *, actor: Actor) -> Product:
    if await session.scalar(select(Product.id).where(Product.code == data.code)) is not None:
        raise Conflict(PolicyError.DUPLICATE_PRODUCT, field="code")
    product = Product(**data.model_dump())
    session.add(product)
    await session.flush()
    audit.record(session, actor=actor, action="product.create", subject_type="product", subject_id=product.id)
    return product


async def product_by_code(session: AsyncSession, code: str) -> Product:
    product = await session.scalar(select(Product).where(Product.code == code))
    if product is None:
        raise NotFound(PolicyError.PRODUCT_NOT_FOUND, field="product_code")
    return product


async def list_products(session: AsyncSession) -> list[Product]:
    return list((await session.scalars(select(Product).order_by(Product.code))).all())


async def create_branch(session: AsyncSession, *, code: str, name: str, province: str, city: str) -> Branch:
    branch = Branch(code=code, name=name, province=province, city=city)
    session.add(branch)
    await session.flush()
    return branch


async def list_branches(session: AsyncSession) -> list[Branch]:
    return list((await session.scalars(select(Branch).order_by(Branch.code))).all())


# --- policies -------------------------------------------------------------------------------------------


async def create_policy(session: AsyncSession, data: PolicyCreate, *, actor: Actor) -> Policy:
    """Issue a policy with its roles, premium schedule and (for universal life) its account."""
    product = await product_by_code(session, data.product_code)
    await get_customer(session, data.policyholder_id)
    await get_customer(session, data.insured_id)
    for b in data.beneficiaries:
        if b.customer_id is not None:
            await get_customer(session, b.customer_id)
    if data.beneficiaries and not shares_complete((b.order, b.share_bp) for b in data.beneficiaries):
        raise ZhihuiError(PolicyError.SHARES_NOT_100, field="beneficiaries")

    schedule = due_dates(data.issue_date, data.frequency, data.payment_years)
    paid_count = (
        data.paid_installments if data.paid_installments is not None else sum(1 for d in schedule if d <= today())
    )
    paid_count = max(1, min(paid_count, len(schedule)))  # the first premium is paid at issue
    payment_end = None if len(schedule) == 1 else _next_due(schedule, len(schedule), data.frequency)
    paid_to = _next_due(schedule, paid_count, data.frequency)
    end_date = add_years(data.issue_date, product.term_years) - dt.timedelta(days=1) if product.term_years else None
    if payment_end is None:
        paid_to = end_date or add_years(data.issue_date, 100)

    policy = Policy(
        policy_no=await next_business_number(session, "P"),
        product_id=product.id,
        branch_code=data.branch_code,
        agent_id=data.agent_id,
        issue_date=data.issue_date,
        end_date=end_date,
        paid_to_date=paid_to,
        payment_end_date=payment_end,
        premium_fen=data.premium_fen,
        sum_assured_fen=data.sum_assured_fen,
        frequency=data.frequency,
        payment_method=data.payment_method,
        premium_bank=data.premium_bank,
        premium_account=data.premium_account,
        benefit_bank=data.benefit_bank,
        benefit_account=data.benefit_account,
        renewal_flag=True if product.renewable else None,
    )
    holder = await get_customer(session, data.policyholder_id)
    policy.premium_account_holder = holder.name if data.premium_account else None
    policy.benefit_account_holder = holder.name if data.benefit_account else None
    session.add(policy)
    await session.flush()
    session.add(PolicyRole(policy_id=policy.id, customer_id=data.policyholder_id, role=RoleKind.POLICYHOLDER))
    session.add(
        PolicyRole(
            policy_id=policy.id,
            customer_id=data.insured_id,
            role=RoleKind.INSURED,
            relation_to_insured=data.insured_relation_to_policyholder,
        )
    )
    for b in data.beneficiaries:
        session.add(
            PolicyRole(
                policy_id=policy.id,
                customer_id=b.customer_id,
                role=RoleKind.BENEFICIARY,
                beneficiary_order=b.order,
                share_bp=b.share_bp,
                relation_to_insured=b.relation_to_insured,
            )
        )
    for i, due in enumerate(schedule):
        session.add(
            PremiumInstallment(
                policy_id=policy.id,
                due_date=due,
                amount_fen=data.premium_fen,
                paid_on=due if i < paid_count else None,
            )
        )
    if product.kind == ProductKind.UNIVERSAL_LIFE:
        account = UniversalAccount(policy_id=policy.id, balance_fen=data.initial_account_fen)
        session.add(account)
        await session.flush()
        if data.initial_account_fen:
            session.add(
                AccountTransaction(
                    account_id=account.id,
                    kind="premium",
                    amount_fen=data.initial_account_fen,
                    balance_after_fen=data.initial_account_fen,
                )
            )
    await session.flush()
    await session.refresh(policy, ["roles", "product"])
    audit.record(session, actor=actor, action="policy.issue", subject_type="policy", subject_id=policy.policy_no)
    events.record_event(session, "policy.issued", {"policy_no": policy.policy_no})
    return policy


def _next_due(schedule: Sequence[dt.date], paid_count: int, frequency: str) -> dt.date:
    """The due date after the ``paid_count``-th installment (cover is paid up to it)."""
    if paid_count < len(schedule):
        return schedule[paid_count]
    return add_months(schedule[0], FREQUENCY_MONTHS[Frequency(frequency)] * len(schedule))


async def policy_by_number(session: AsyncSession, policy_no: str) -> Policy:
    policy = await session.scalar(select(Policy).where(Policy.policy_no == policy_no.strip().upper()))
    if policy is None:
        raise NotFound(PolicyError.POLICY_NOT_FOUND)
    return policy


async def get_policy(session: AsyncSession, policy_id: int) -> Policy:
    policy = await session.get(Policy, policy_id)
    if policy is None:
        raise NotFound(PolicyError.POLICY_NOT_FOUND)
    return policy


async def policies_of_customer(
    session: AsyncSession, customer_id: int, *, roles: Sequence[str] | None = None
) -> list[Policy]:
    """Policies where the customer holds one of ``roles`` (default: any role)."""
    stmt = select(PolicyRole.policy_id).where(PolicyRole.customer_id == customer_id)
    if roles:
        stmt = stmt.where(PolicyRole.role.in_(list(roles)))
    ids = select(Policy).where(Policy.id.in_(stmt)).order_by(Policy.issue_date.desc())
    return list((await session.scalars(ids)).unique().all())


def status_of(policy: Policy, on: dt.date | None = None) -> PolicyStatus:
    """The policy's status on ``on`` (default today), derived from dates and payments."""
    return derive_status(
        on=on or today(),
        paid_to_date=policy.paid_to_date,
        payment_end_date=policy.payment_end_date,
        grace_days=policy.product.grace_days,
        end_date=policy.end_date,
        closed_status=policy.closed_status,
        closed_on=policy.closed_on,
    )


def role_customer_ids(policy: Policy, role: str) -> list[int]:
    return [r.customer_id for r in policy.roles if r.role == role and r.customer_id is not None]


async def record_premium_payment(session: AsyncSession, policy_no: str, *, paid_on: dt.date, actor: Actor) -> Policy:
    """Mark the oldest unpaid installment paid and move the paid-to date; status follows from it.

    Raises ``policy_closed``, and ``premium_debit_in_flight`` when that installment is with the bank for debit
    (its answer is recorded with :func:`settle_debit`)."""
    policy = await policy_by_number(session, policy_no)
    if policy.closed_status:
        raise ZhihuiError(PolicyError.POLICY_CLOSED)
    stmt = (
        select(PremiumInstallment)
        .where(PremiumInstallment.policy_id == policy.id, PremiumInstallment.paid_on.is_(None))
        .order_by(PremiumInstallment.due_date)
    )
    unpaid = list((await session.scalars(stmt)).all())
    if not unpaid:
        return policy
    if unpaid[0].debit_submitted_at is not None:
        # The bank may still collect it: paying it another way too would take the premium twice.
        raise Conflict(PolicyError.DEBIT_IN_FLIGHT)
    unpaid[0].paid_on = paid_on
    policy.paid_to_date = unpaid[1].due_date if len(unpaid) > 1 else (policy.payment_end_date or policy.paid_to_date)
    audit.record(session, actor=actor, action="policy.premium_paid", subject_type="policy", subject_id=policy.policy_no)
    events.record_event(session, "policy.premium_paid", {"policy_no": policy.policy_no})
    return policy


async def unpaid_installments(session: AsyncSession, policy_id: int, *, up_to: dt.date) -> list[PremiumInstallment]:
    stmt = (
        select(PremiumInstallment)
        .where(
            PremiumInstallment.policy_id == policy_id,
            PremiumInstallment.paid_on.is_(None),
            PremiumInstallment.due_date <= up_to,
        )
        .order_by(PremiumInstallment.due_date)
    )
    return list((await session.scalars(stmt)).all())


# --- premium debits (划款) ---------------------------------------------------------------------------------
#
# A debit is sent to the bank and answered later (the same day or days after). While it is in flight the
# installment must not be paid another way, and the payment data it was sent with must not change under it:
# the writes below that would do so refuse with ``premium_debit_in_flight``, and servicing refuses the items
# that would lead to them before the customer signs.


async def debit_in_flight(session: AsyncSession, policy_id: int) -> PremiumInstallment | None:
    """The installment of the policy that has been sent to the bank for debit and not answered yet, if any."""
    stmt = select(PremiumInstallment).where(
        PremiumInstallment.policy_id == policy_id,
        PremiumInstallment.debit_submitted_at.is_not(None),
        PremiumInstallment.paid_on.is_(None),
    )
    return await session.scalar(stmt.order_by(PremiumInstallment.due_date).limit(1))


async def _refuse_while_debit_in_flight(session: AsyncSession, policy: Policy) -> None:
    if await debit_in_flight(session, policy.id) is not None:
        raise Conflict(PolicyError.DEBIT_IN_FLIGHT)


async def _locked_policy(session: AsyncSession, policy_no: str) -> Policy:
    """The policy with its row locked until the transaction ends (``SELECT … FOR UPDATE``; SQLite ignores it and
    serialises writers anyway). A servicing approval's version claim (an UPDATE of the same row) waits for it."""
    policy_id = await session.scalar(
        select(Policy.id).where(Policy.policy_no == policy_no.strip().upper()).with_for_update()
    )
    if policy_id is None:
        raise NotFound(PolicyError.POLICY_NOT_FOUND)
    return await get_policy(session, policy_id)


async def submit_debit(session: AsyncSession, policy_no: str, *, actor: Actor) -> PremiumInstallment:
    """Send the oldest unpaid installment to the bank for debit from the premium account: it is in flight until
    :func:`settle_debit` records the answer.

    Locks the policy row first, so that a servicing approval claiming the policy version at the same moment is
    ordered with it (the approval looks for a debit in flight again after its claim). Raises ``policy_closed``,
    ``no_premium_account``, ``no_premium_due`` and ``premium_debit_in_flight`` (one debit at a time).
    Audited; records ``policy.debit_submitted``."""
    policy = await _locked_policy(session, policy_no)
    if policy.closed_status:
        raise ZhihuiError(PolicyError.POLICY_CLOSED)
    if not policy.premium_account:
        raise ZhihuiError(PolicyError.NO_PREMIUM_ACCOUNT)
    await _refuse_while_debit_in_flight(session, policy)
    stmt = (
        select(PremiumInstallment)
        .where(PremiumInstallment.policy_id == policy.id, PremiumInstallment.paid_on.is_(None))
        .order_by(PremiumInstallment.due_date)
    )
    installment = await session.scalar(stmt.limit(1))
    if installment is None:
        raise ZhihuiError(PolicyError.NO_PREMIUM_DUE)
    installment.debit_submitted_at = now()
    detail = {"due_date": installment.due_date.isoformat(), "amount_fen": installment.amount_fen}
    audit.record(
        session,
        actor=actor,
        action="policy.debit_submitted",
        subject_type="policy",
        subject_id=policy.policy_no,
        detail=detail,
    )
    events.record_event(session, "policy.debit_submitted", {"policy_no": policy.policy_no, **detail})
    return installment


async def settle_debit(
    session: AsyncSession, policy_no: str, *, succeeded: bool, actor: Actor, paid_on: dt.date | None = None
) -> Policy:
    """Record the bank's answer to the debit in flight: success records the installment paid on ``paid_on``
    (default today) and moves the paid-to date; failure leaves it unpaid. Either way the debit is no longer
    in flight. Raises ``no_premium_debit_in_flight``. Audited; records ``policy.debit_settled``."""
    policy = await _locked_policy(session, policy_no)
    installment = await debit_in_flight(session, policy.id)
    if installment is None:
        raise Conflict(PolicyError.NO_DEBIT_IN_FLIGHT)
    installment.debit_submitted_at = None
    await session.flush()
    if succeeded:
        # the installment in flight is the oldest unpaid one: submit_debit takes the oldest, and nothing can pay
        # an installment ahead of it while it is in flight
        await record_premium_payment(session, policy.policy_no, paid_on=paid_on or today(), actor=actor)
    detail = {"due_date": installment.due_date.isoformat(), "succeeded": succeeded}
    audit.record(
        session,
        actor=actor,
        action="policy.debit_settled",
        subject_type="policy",
        subject_id=policy.policy_no,
        detail=detail,
    )
    events.record_event(session, "policy.debit_settled", {"policy_no": policy.policy_no, **detail})
    return policy


async def universal_account(session: AsyncSession, policy_id: int) -> UniversalAccount | None:
    return await session.scalar(select(UniversalAccount).where(UniversalAccount.policy_id == policy_id))


async def post_account_transaction(
    session: AsyncSession, policy_id: int, *, kind: str, amount_fen: int, reference: str | None, actor: Actor
) -> UniversalAccount:
    """Credit (positive) or debit (negative) the universal account; never below zero."""
    account = await universal_account(session, policy_id)
    if account is None:
        raise ZhihuiError(PolicyError.NO_ACCOUNT)
    if account.balance_fen + amount_fen < 0:
        raise ZhihuiError(PolicyError.INSUFFICIENT_BALANCE)
    account.balance_fen += amount_fen
    account.updated_at = now()
    session.add(
        AccountTransaction(
            account_id=account.id,
            kind=kind,
            amount_fen=amount_fen,
            balance_after_fen=account.balance_fen,
            reference=reference,
        )
    )
    audit.record(session, actor=actor, action=f"account.{kind}", subject_type="policy", subject_id=policy_id)
    return account


async def account_transactions(session: AsyncSession, policy_id: int) -> list[AccountTransaction]:
    account = await universal_account(session, policy_id)
    if account is None:
        return []
    stmt = select(AccountTransaction).where(AccountTransaction.account_id == account.id)
    return list((await session.scalars(stmt.order_by(AccountTransaction.id))).all())


async def policy_out(session: AsyncSession, policy: Policy) -> PolicyOut:
    names: dict[int, str] = {}
    ids = [r.customer_id for r in policy.roles if r.customer_id is not None]
    if ids:
        rows = await session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids)))
        names = {cid: name for cid, name in rows}
    account = await universal_account(session, policy.id) if policy.product.kind == ProductKind.UNIVERSAL_LIFE else None
    status = status_of(policy)
    return PolicyOut(
        id=policy.id,
        policy_no=policy.policy_no,
        product_code=policy.product.code,
        product_name=policy.product.name,
        product_kind=policy.product.kind,
        status=status,
        status_label=STATUS_LABELS[status],
        issue_date=policy.issue_date,
        paid_to_date=policy.paid_to_date,
        end_date=policy.end_date,
        premium_fen=policy.premium_fen,
        sum_assured_fen=policy.sum_assured_fen,
        frequency=policy.frequency,
        payment_method=policy.payment_method,
        premium_account_masked=mask_account(policy.premium_account),
        benefit_account_masked=mask_account(policy.benefit_account),
        renewal_flag=policy.renewal_flag,
        branch_code=policy.branch_code,
        agent_id=policy.agent_id,
        roles=[
            RoleOut(
                role=r.role,
                customer_id=r.customer_id,
                name=names.get(r.customer_id, "法定继承人") if r.customer_id else "法定继承人",
                beneficiary_order=r.beneficiary_order,
                share_bp=r.share_bp,
                relation_to_insured=r.relation_to_insured,
            )
            for r in policy.roles
        ],
        account_balance_fen=account.balance_fen if account else None,
    )


async def count_customers(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Customer)) or 0)


async def close_policy(
    session: AsyncSession, policy_no: str, *, status: PolicyStatus, on: dt.date, actor: Actor
) -> Policy:
    """End the contract by an act (surrender or termination)."""
    policy = await policy_by_number(session, policy_no)
    policy.closed_status = status
    policy.closed_on = on
    audit.record(session, actor=actor, action=f"policy.{status}", subject_type="policy", subject_id=policy_no)
    events.record_event(session, "policy.closed", {"policy_no": policy_no, "status": str(status)})
    return policy


# --- writes used by servicing (慧保全) -------------------------------------------------------------------
#
# Each applies an already-validated change. The caller first claims the policy with
# :func:`claim_policy_version`, so that of two concurrent changes based on the same version only one applies.

POLICY_CHANGED = "policy_changed"
register_messages({POLICY_CHANGED: "保单信息已被其他业务变更，本次申请未生效，请刷新后重新提交。"})


async def claim_policy_version(session: AsyncSession, policy: Policy, *, expected_version: int) -> Policy:
    """Bump the policy's version from ``expected_version`` in one conditional UPDATE (compare-and-set).

    Raises ``policy_changed`` (409) when the version moved on: another change was applied since the caller
    read the policy, or a concurrent transaction claims it at the same time (on PostgreSQL the second
    UPDATE waits for the first to commit and then matches no row; on SQLite the write lock serialises them).
    """
    result = await session.execute(
        update(Policy)
        .where(Policy.id == policy.id, Policy.version == expected_version)
        .values(version=expected_version + 1)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        raise Conflict(POLICY_CHANGED)
    # Keep the loaded object in step, so a later ORM update of it checks against the new version.
    set_committed_value(policy, "version", expected_version + 1)
    return policy


async def policies_of_agent(session: AsyncSession, agent_id: int, *, limit: int = 200) -> list[Policy]:
    """The policies a sales agent serves, newest first."""
    stmt = select(Policy).where(Policy.agent_id == agent_id).order_by(Policy.issue_date.desc(), Policy.id.desc())
    return list((await session.scalars(stmt.limit(limit))).unique().all())


async def set_renewal_flag(session: AsyncSession, policy_no: str, *, renew: bool, actor: Actor) -> Policy:
    """Set the renewal flag (续保标识) of a renewable one-year product."""
    policy = await policy_by_number(session, policy_no)
    policy.renewal_flag = renew
    audit.record(session, actor=actor, action="policy.renewal_flag", subject_type="policy", subject_id=policy_no)
    events.record_event(session, "policy.changed", {"policy_no": policy_no, "fields": ["renewal_flag"]})
    return policy


async def change_payment_method(
    session: AsyncSession,
    policy_no: str,
    *,
    method: str,
    frequency: str,
    effective_from: dt.date,
    actor: Actor,
) -> Policy:
    """Change the renewal payment method and, from ``effective_from`` (an anniversary), the frequency.

    A new frequency replaces the unpaid installments due on or after ``effective_from`` with a schedule
    of the new frequency up to the end of the payment period; the yearly premium stays the same.
    Raises ``premium_debit_in_flight`` while an installment is with the bank."""
    policy = await policy_by_number(session, policy_no)
    await _refuse_while_debit_in_flight(session, policy)
    fields = ["payment_method"]
    policy.payment_method = method
    if frequency != policy.frequency and policy.payment_end_date is not None:
        old_months = FREQUENCY_MONTHS[Frequency(policy.frequency)]
        new_months = FREQUENCY_MONTHS[Frequency(frequency)]
        yearly = policy.premium_fen * (12 // old_months)
        new_premium = yearly // (12 // new_months)
        stale = (
            select(PremiumInstallment)
            .where(
                PremiumInstallment.policy_id == policy.id,
                PremiumInstallment.paid_on.is_(None),
                PremiumInstallment.due_date >= effective_from,
            )
            .order_by(PremiumInstallment.due_date)
        )
        for row in (await session.scalars(stale)).all():
            await session.delete(row)
        await session.flush()
        due = effective_from
        while due < policy.payment_end_date:
            session.add(PremiumInstallment(policy_id=policy.id, due_date=due, amount_fen=new_premium))
            due = add_months(due, new_months)
        policy.frequency = frequency
        policy.premium_fen = new_premium
        fields += ["frequency", "premium_fen"]
    audit.record(
        session, actor=actor, action="policy.payment_method", subject_type="policy", subject_id=policy_no, fields=fields
    )
    events.record_event(session, "policy.changed", {"policy_no": policy_no, "fields": fields})
    return policy


async def change_premium_account(
    session: AsyncSession, policy_no: str, *, bank: str, account: str, holder: str, actor: Actor
) -> Policy:
    """Replace the premium payment account (交费账户); the account was checked by the caller.

    Raises ``premium_debit_in_flight`` while an installment is with the bank (the debit was sent with the
    current account)."""
    return await _replace_account(session, policy_no, "premium", bank=bank, account=account, holder=holder, actor=actor)


async def change_benefit_account(
    session: AsyncSession, policy_no: str, *, bank: str, account: str, holder: str, actor: Actor
) -> Policy:
    """Replace the benefit receiving account (领款账户); the account was checked by the caller."""
    return await _replace_account(session, policy_no, "benefit", bank=bank, account=account, holder=holder, actor=actor)


async def _replace_account(
    session: AsyncSession, policy_no: str, kind: str, *, bank: str, account: str, holder: str, actor: Actor
) -> Policy:
    policy = await policy_by_number(session, policy_no)
    if kind == "premium":
        await _refuse_while_debit_in_flight(session, policy)
    fields = [f"{kind}_bank", f"{kind}_account", f"{kind}_account_holder"]
    for name, value in zip(fields, (bank, account, holder), strict=True):
        setattr(policy, name, value)
    audit.record(
        session,
        actor=actor,
        action=f"policy.{kind}_account",
        subject_type="policy",
        subject_id=policy_no,
        fields=fields,
    )
    events.record_event(session, "policy.changed", {"policy_no": policy_no, "fields": fields})
    return policy


async def replace_beneficiaries(
    session: AsyncSession, policy_no: str, beneficiaries: Sequence[BeneficiaryIn], *, actor: Actor
) -> Policy:
    """Replace the death-benefit beneficiaries. Raises ``beneficiary_shares_not_100``."""
    if not beneficiaries or not shares_complete((b.order, b.share_bp) for b in beneficiaries):
        raise ZhihuiError(PolicyError.SHARES_NOT_100, field="beneficiaries")
    policy = await policy_by_number(session, policy_no)
    for role in [r for r in policy.roles if r.role == RoleKind.BENEFICIARY]:
        policy.roles.remove(role)
        await session.delete(role)
    for b in beneficiaries:
        if b.customer_id is not None:
            await get_customer(session, b.customer_id)
        policy.roles.append(
            PolicyRole(
                policy_id=policy.id,
                customer_id=b.customer_id,
                role=RoleKind.BENEFICIARY,
                beneficiary_order=b.order,
                share_bp=b.share_bp,
                relation_to_insured=b.relation_to_insured,
            )
        )
    await session.flush()
    audit.record(
        session,
        actor=actor,
        action="policy.beneficiaries",
        subject_type="policy",
        subject_id=policy_no,
        fields=["roles"],
    )
    events.record_event(session, "policy.changed", {"policy_no": policy_no, "fields": ["beneficiaries"]})
    return policy


async def reinstate_policy(session: AsyncSession, policy_no: str, *, paid_on: dt.date, actor: Actor) -> Policy:
    """Reinstate (复效) by recording every installment due up to ``paid_on`` as paid.

    Raises ``premium_debit_in_flight`` while one of them is with the bank."""
    policy = await policy_by_number(session, policy_no)
    for _ in await unpaid_installments(session, policy.id, up_to=paid_on):
        await record_premium_payment(session, policy_no, paid_on=paid_on, actor=actor)
    audit.record(session, actor=actor, action="policy.reinstate", subject_type="policy", subject_id=policy_no)
    events.record_event(session, "policy.reinstated", {"policy_no": policy_no})
    return policy


async def record_benefit_payout(
    session: AsyncSession, policy_no: str, *, amount_fen: int, period: int, reference: str, actor: Actor
) -> None:
    """Record a survival benefit / annuity payout to the policy's benefit account (audit + event)."""
    audit.record(
        session,
        actor=actor,
        action="policy.benefit_paid",
        subject_type="policy",
        subject_id=policy_no,
        detail={"amount_fen": amount_fen, "period": period, "reference": reference},
    )
    events.record_event(
        session,
        "policy.benefit_paid",
        {"policy_no": policy_no, "amount_fen": amount_fen, "period": period, "reference": reference},
    )
