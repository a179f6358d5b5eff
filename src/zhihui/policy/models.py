"""Tables of the policy core. Other modules use ``policy.service``, never these classes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from zhihui.platform.clock import now
from zhihui.platform.db import Base, BigId, UTCDateTime
from zhihui.platform.pii import EncryptedBytes, EncryptedString


class Branch(Base):
    __tablename__ = "policy_branch"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    province: Mapped[str] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(32))


class Customer(Base):
    __tablename__ = "policy_customer"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    id_type: Mapped[str] = mapped_column(String(16), default="resident_id")
    id_number: Mapped[str] = mapped_column(EncryptedString())
    id_number_hash: Mapped[str] = mapped_column(String(64), unique=True)
    id_valid_from: Mapped[dt.date | None] = mapped_column(Date)
    id_valid_until: Mapped[dt.date | None] = mapped_column(Date)
    """None means long-term (长期) validity."""
    phone: Mapped[str] = mapped_column(EncryptedString())
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    province: Mapped[str | None] = mapped_column(String(32))
    city: Mapped[str | None] = mapped_column(String(32))
    district: Mapped[str | None] = mapped_column(String(32))
    address_detail: Mapped[str | None] = mapped_column(EncryptedString())
    occupation_code: Mapped[str | None] = mapped_column(String(16))
    occupation_class: Mapped[int | None] = mapped_column(Integer)
    """Occupational risk class 1 (office) … 6 (high risk)."""
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    """When the customer last completed customer authentication (客户认证)."""
    signature_specimen: Mapped[bytes | None] = mapped_column(EncryptedBytes(), deferred=True)
    """PNG of the customer's signature specimen (预留签名), encrypted at rest like face photos; read it through
    ``service.signature_specimen`` (every read audited)."""
    signature_specimen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    signature_specimen_source: Mapped[str | None] = mapped_column(String(32))
    """Where the specimen was taken: the number of the servicing application (``BQ…``) it was signed on."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class Product(Base):
    __tablename__ = "policy_product"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(24))
    hesitation_days: Mapped[int] = mapped_column(Integer, default=15)
    grace_days: Mapped[int] = mapped_column(Integer, default=60)
    waiting_days: Mapped[int] = mapped_column(Integer, default=0)
    term_years: Mapped[int | None] = mapped_column(Integer)
    """Coverage term; None for whole-life. Short-term medical and accident products have 1."""
    renewable: Mapped[bool] = mapped_column(Boolean, default=False)
    min_account_balance_fen: Mapped[int] = mapped_column(Integer, default=0)
    withdrawal_fee_bp: Mapped[list[int]] = mapped_column(JSON, default=list)
    """Partial-withdrawal fee by policy year in basis points; the last value applies afterwards."""
    reinstatement_rate_bp: Mapped[int] = mapped_column(Integer, default=500)
    """Yearly interest charged on back premiums at reinstatement (basis points)."""
    benefit_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    """Annuity / survival benefit per year as basis points of the sum assured."""
    benefit_start_age: Mapped[int | None] = mapped_column(Integer)
    on_sale: Mapped[bool] = mapped_column(Boolean, default=True)
    max_renewal_age: Mapped[int | None] = mapped_column(Integer)


class Policy(Base):
    __tablename__ = "policy_policy"
    __table_args__ = (Index("ix_policy_policy_agent_id", "agent_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    policy_no: Mapped[str] = mapped_column(String(24), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("policy_product.id"))
    branch_code: Mapped[str] = mapped_column(String(16), index=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    issue_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    """Last day of cover of the current term; None for whole-life."""
    paid_to_date: Mapped[dt.date] = mapped_column(Date)
    """Cover is paid up to (excluding) this date; moved only by recorded payments."""
    payment_end_date: Mapped[dt.date | None] = mapped_column(Date)
    """First due date that is no longer owed (end of the payment period); None when single premium."""
    premium_fen: Mapped[int] = mapped_column(Integer)
    sum_assured_fen: Mapped[int] = mapped_column(Integer)
    frequency: Mapped[str] = mapped_column(String(16))
    payment_method: Mapped[str] = mapped_column(String(16))
    premium_bank: Mapped[str | None] = mapped_column(String(32))
    premium_account: Mapped[str | None] = mapped_column(EncryptedString())
    premium_account_holder: Mapped[str | None] = mapped_column(String(64))
    benefit_bank: Mapped[str | None] = mapped_column(String(32))
    benefit_account: Mapped[str | None] = mapped_column(EncryptedString())
    benefit_account_holder: Mapped[str | None] = mapped_column(String(64))
    renewal_flag: Mapped[bool | None] = mapped_column(Boolean)
    """Renew the one-year cover automatically (续保标识); None for products that do not renew."""
    closed_status: Mapped[str | None] = mapped_column(String(16))
    """``terminated`` or ``surrendered`` once the contract has ended by an act; otherwise derived."""
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    claim_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Optimistic lock: every change of the policy bumps it."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)

    product: Mapped[Product] = relationship(lazy="joined")
    roles: Mapped[list[PolicyRole]] = relationship(back_populates="policy", lazy="selectin", order_by="PolicyRole.id")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads a plain dict)


class PolicyRole(Base):
    __tablename__ = "policy_role"
    __table_args__ = (Index("ix_policy_role_customer_role", "customer_id", "role"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy_policy.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("policy_customer.id"))
    """None for the beneficiary "statutory heirs" (法定)."""
    role: Mapped[str] = mapped_column(String(16))
    beneficiary_order: Mapped[int | None] = mapped_column(Integer)
    share_bp: Mapped[int | None] = mapped_column(Integer)
    """Share within the order in basis points (10000 = 100%)."""
    relation_to_insured: Mapped[str | None] = mapped_column(String(16))

    policy: Mapped[Policy] = relationship(back_populates="roles")


class UniversalAccount(Base):
    __tablename__ = "policy_universal_account"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy_policy.id", ondelete="CASCADE"), unique=True)
    balance_fen: Mapped[int] = mapped_column(Integer, default=0)
    credited_rate_bp: Mapped[int] = mapped_column(Integer, default=300)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)


class AccountTransaction(Base):
    __tablename__ = "policy_account_txn"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("policy_universal_account.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=now)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    balance_after_fen: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(32))


class PremiumInstallment(Base):
    __tablename__ = "policy_premium_installment"
    __table_args__ = (UniqueConstraint("policy_id", "due_date"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy_policy.id", ondelete="CASCADE"), index=True)
    due_date: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    debit_submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    """When the installment was sent to the bank for debit (划款) and no answer has come back yet; None when no
    debit is in flight. Set by ``service.submit_debit``, cleared by ``service.settle_debit``."""
