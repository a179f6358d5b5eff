"""Pydantic shapes of the policy core. Output shapes carry masked personal data only."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zhihui.platform.validators import BankAccount, IdNumber, MobilePhone
from zhihui.policy.rules import Frequency, PaymentMethod, ProductKind

Gender = Literal["male", "female"]


class CustomerCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=32)
    gender: Gender
    birth_date: dt.date
    id_type: Literal["resident_id"] = "resident_id"
    id_number: IdNumber
    id_valid_from: dt.date | None = None
    id_valid_until: dt.date | None = None
    phone: MobilePhone
    province: str | None = Field(default=None, max_length=32)
    city: str | None = Field(default=None, max_length=32)
    district: str | None = Field(default=None, max_length=32)
    address_detail: str | None = Field(default=None, max_length=200)
    occupation_code: str | None = Field(default=None, max_length=16)
    occupation_class: int | None = Field(default=None, ge=1, le=6)


class CustomerOut(BaseModel):
    id: int
    customer_no: str
    name: str
    gender: str
    birth_date: dt.date
    id_type: str
    id_number_masked: str
    id_valid_until: dt.date | None
    phone_masked: str
    province: str | None
    city: str | None
    district: str | None
    occupation_code: str | None
    occupation_class: int | None


class ProductCreate(BaseModel):
    code: str = Field(min_length=2, max_length=16)
    name: str = Field(min_length=2, max_length=64)
    kind: ProductKind
    hesitation_days: int = Field(default=15, ge=0, le=60)
    grace_days: int = Field(default=60, ge=0, le=120)
    waiting_days: int = Field(default=0, ge=0, le=365)
    term_years: int | None = Field(default=None, ge=1, le=100)
    renewable: bool = False
    min_account_balance_fen: int = Field(default=0, ge=0)
    withdrawal_fee_bp: list[int] = Field(default_factory=list)
    reinstatement_rate_bp: int = Field(default=500, ge=0, le=5000)
    benefit_rate_bp: int = Field(default=0, ge=0, le=10000)
    benefit_start_age: int | None = Field(default=None, ge=0, le=110)
    max_renewal_age: int | None = Field(default=None, ge=0, le=110)


class BeneficiaryIn(BaseModel):
    customer_id: int | None = None
    """None designates statutory heirs (法定)."""
    order: int = Field(ge=1, le=5)
    share_bp: int = Field(ge=1, le=10000)
    relation_to_insured: str = Field(max_length=16)


class PolicyCreate(BaseModel):
    product_code: str
    policyholder_id: int
    insured_id: int
    insured_relation_to_policyholder: str = "self"
    beneficiaries: list[BeneficiaryIn] = Field(default_factory=list)
    issue_date: dt.date
    premium_fen: int = Field(gt=0)
    sum_assured_fen: int = Field(gt=0)
    frequency: Frequency
    payment_years: int = Field(default=1, ge=1, le=50)
    payment_method: PaymentMethod = PaymentMethod.AUTO_DEBIT
    premium_bank: str | None = None
    premium_account: BankAccount | None = None
    benefit_bank: str | None = None
    benefit_account: BankAccount | None = None
    branch_code: str
    agent_id: int | None = None
    initial_account_fen: int = Field(default=0, ge=0)
    paid_installments: int | None = Field(default=None, ge=0)
    """How many installments were paid (demo loaders and migrations); default: those already due."""

    @model_validator(mode="after")
    def _single_has_one_installment(self) -> PolicyCreate:
        if self.frequency == Frequency.SINGLE:
            self.payment_years = 1
        return self


class RoleOut(BaseModel):
    role: str
    customer_id: int | None
    name: str
    beneficiary_order: int | None = None
    share_bp: int | None = None
    relation_to_insured: str | None = None


class PolicyOut(BaseModel):
    id: int
    policy_no: str
    product_code: str
    product_name: str
    product_kind: str
    status: str
    status_label: str
    issue_date: dt.date
    paid_to_date: dt.date
    end_date: dt.date | None
    premium_fen: int
    sum_assured_fen: int
    frequency: str
    payment_method: str
    premium_account_masked: str
    benefit_account_masked: str
    renewal_flag: bool | None
    branch_code: str
    agent_id: int | None
    roles: list[RoleOut]
    account_balance_fen: int | None = None


class RevealRequest(BaseModel):
    field: Literal["id_number", "phone", "address_detail"]
    reason: str = Field(min_length=2, max_length=200)


class RevealOut(BaseModel):
    field: str
    value: str
