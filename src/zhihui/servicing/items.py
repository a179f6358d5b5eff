"""The ten servicing items (保全项目), one declarative :class:`ItemSpec` each.

Every item declares in one place: its code and Chinese name, who may apply, whether face verification is
required (the money and account items: domain brief §1, "risk-tiered authentication"), its form (fields
for the page and the ``GET /api/v1/servicing/items`` listing, a Pydantic model for the values), how the form
is prefilled with the current values, ``validate`` (the rules, which refuse with a coded Chinese error or
return an :class:`Outcome`), its review rule (the ``manual`` reasons ``validate`` adds), and ``apply``
(the change to the policy core, called inside the approval transaction).

Thresholds are in ``Settings.servicing`` (:class:`zhihui.settings.ServicingSettings`, ``ZHIHUI_SERVICING__…``);
the defaults are the domain brief's examples.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.identity import service as identity_service
from zhihui.platform.actor import Actor
from zhihui.platform.clock import now
from zhihui.platform.errors import PlatformError, ZhihuiError, message_for
from zhihui.platform.pii import mask_account, mask_name, mask_phone
from zhihui.platform.validators import BankAccount, IdNumber, MobilePhone, id_birth_date, id_gender
from zhihui.policy import service as policy_service
from zhihui.policy.rules import (
    FREQUENCY_LABELS,
    FREQUENCY_MONTHS,
    PAYMENT_METHOD_LABELS,
    STATUS_LABELS,
    Frequency,
    PaymentMethod,
    PolicyStatus,
    ProductKind,
    RoleKind,
    add_years,
    age_on,
    id_validity_years,
    lapse_date,
    policy_year,
    reinstatement_deadline,
)
from zhihui.policy.schemas import BeneficiaryIn, CustomerCreate
from zhihui.risk import rules as risk_rules
from zhihui.risk import service as risk_service
from zhihui.servicing.errors import ServicingError
from zhihui.settings import ServicingSettings, Settings

# --- configuration -------------------------------------------------------------------------------------
#
# Thresholds live in ``Settings.servicing`` (``ZHIHUI_SERVICING__…``); the rules read them as ``ctx.config``.


def money_words(fen: int) -> str:
    """An amount as the review rules say it: ``5万元`` for whole ten-thousands, else ``1,234.50元``."""
    if fen and fen % 1_000_000 == 0:
        return f"{fen // 1_000_000}万元"
    return f"{yuan(fen)}元"


def days_words(days: int) -> str:
    return "一年" if days == 365 else f"{days}天"


def review_figures(config: ServicingSettings) -> dict[str, str]:
    """The configured thresholds, in words, for the ``{…}`` placeholders of the items' review rules."""
    return {
        "withdrawal_online_limit": money_words(config.withdrawal_online_limit_fen),
        "benefit_review_above": money_words(config.benefit_review_above_fen),
        "reinstatement_review_after": days_words(config.reinstatement_review_after_days),
        "reinstatement_review_sum_assured": money_words(config.reinstatement_review_sum_assured_fen),
    }


OPEN_STATUSES = frozenset({PolicyStatus.IN_FORCE, PolicyStatus.GRACE})
NOT_CLOSED = frozenset({PolicyStatus.IN_FORCE, PolicyStatus.GRACE, PolicyStatus.LAPSED})
OTP_NEW_PHONE = "svc_new_phone"
OTP_CONSENT = "svc_insured_consent"

APPLICANT_LABELS = {
    RoleKind.POLICYHOLDER: "投保人",
    RoleKind.INSURED: "被保险人",
    RoleKind.BENEFICIARY: "受益人",
}
BANKS = (
    "中国工商银行",
    "中国建设银行",
    "中国农业银行",
    "中国银行",
    "招商银行",
    "交通银行",
    "中国邮政储蓄银行",
    "兴业银行",
    "浦发银行",
    "中信银行",
)
RELATIONS = {
    "spouse": "配偶",
    "child": "子女",
    "parent": "父母",
    "sibling": "兄弟姐妹",
    "grandparent": "祖父母/外祖父母",
    "grandchild": "孙子女/外孙子女",
    "other": "其他",
}
RELATION_LABELS = {**RELATIONS, "self": "本人", "statutory": "法定继承人"}
#: Relations a person checks with a relationship proof before the change takes effect.
RELATIONS_NEEDING_PROOF = frozenset({"other"})
HEALTH_QUESTIONS = (
    "过去两年内是否曾住院治疗或被建议住院？",
    "过去两年内是否被诊断患有恶性肿瘤、心脑血管疾病、糖尿病、肝肾疾病或精神疾病？",
    "目前是否正在接受药物治疗或定期复查？",
    "过去一年内体检是否有异常结果被建议进一步检查？",
    "职业或居住地自投保以来是否有变化且尚未告知？",
)
OCCUPATION_CLASSES = tuple((str(i), f"{i}类") for i in range(1, 7))


# --- declarations ---------------------------------------------------------------------------------------

FieldKind = Literal[
    "text", "select", "date", "bool", "money", "phone", "otp", "bank_account", "id_number", "beneficiaries", "info"
]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""


@dataclass
class ItemContext:
    """What an item's rules read: the policy, its parties, and figures loaded once by the service."""

    session: AsyncSession
    settings: Settings
    today: dt.date
    policy: Any
    status: PolicyStatus
    applicant: Any
    applicant_role: str
    holder: Any
    insured: Any
    account_balance_fen: int | None = None
    unpaid: list[tuple[dt.date, int]] = field(default_factory=list)
    debit_in_flight: bool = False
    """An installment has been sent to the bank for debit (划款) and its answer has not come back."""

    @property
    def config(self) -> ServicingSettings:
        return self.settings.servicing

    @property
    def product(self) -> Any:
        return self.policy.product

    @property
    def consent_needed(self) -> bool:
        """The policyholder applies for a policy on someone else's life (Insurance Law Art. 41)."""
        return self.applicant_role == RoleKind.POLICYHOLDER and self.holder.id != self.insured.id


@dataclass
class Outcome:
    """A validated application: what to apply and how to show it."""

    changes: dict[str, Any]
    """JSON-able input of ``apply`` (may hold personal data: stored encrypted)."""
    lines: list[tuple[str, str, str]]
    """(what, before, after), masked: shown to agent, reviewer and customer, printed on the endorsement."""
    computed: dict[str, Any] = field(default_factory=dict)
    manual: list[str] = field(default_factory=list)
    """Reasons of the item's own review rule; any reason sends the application to a reviewer."""
    amount_fen: int | None = None
    limit_fen: int | None = None
    flags: list[str] = field(default_factory=list)
    """Facts for the risk rules (e.g. ``phone_shared``)."""
    benefit_period: int | None = None


Validate = Callable[[Any, ItemContext], Awaitable[Outcome]]
Apply = Callable[[ItemContext, dict[str, Any], Actor, str], Awaitable[None]]


@dataclass(frozen=True)
class ItemSpec:
    code: str
    name: str
    applicants: tuple[str, ...]
    face_required: bool
    statuses: frozenset[PolicyStatus]
    form: type[BaseModel]
    fields: tuple[FieldSpec, ...]
    review_rule: str
    """Who decides, in Chinese; ``{…}`` placeholders name configured thresholds (:func:`review_figures`)."""
    prefill: Callable[[ItemContext], dict[str, Any]]
    facts: Callable[[ItemContext], list[tuple[str, str]]]
    validate: Validate
    apply: Apply
    money: bool = False
    check_id_validity: bool = True
    blocked_while_debit: bool = False
    """Refused while a premium debit is with the bank: the item changes what the debit was sent with (method,
    schedule, account), or pays or offsets premiums the debit may also collect (domain brief §1)."""

    @property
    def applicant_labels(self) -> str:
        return "或".join(APPLICANT_LABELS[RoleKind(a)] for a in self.applicants)

    def review_text(self, config: ServicingSettings) -> str:
        """The review rule with the configured thresholds filled in."""
        return self.review_rule.format(**review_figures(config))


# --- shared helpers -------------------------------------------------------------------------------------


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_to_none)


class Form(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")


def yuan(fen: int) -> str:
    return f"{Decimal(fen) / 100:,.2f}"


def _round_fen(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def parse_form(spec: ItemSpec, data: dict[str, Any]) -> BaseModel:
    """Validate raw form values; the first problem becomes a coded error naming the field in Chinese."""
    try:
        return spec.form.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(p) for p in err.get("loc", ())]
        kind = str(err.get("type", ""))
        known = {e.value for e in PlatformError}
        mapping = {
            "missing": PlatformError.FIELD_REQUIRED,
            "literal_error": PlatformError.INVALID_CHOICE,
            "enum": PlatformError.INVALID_CHOICE,
            "date_from_datetime_parsing": PlatformError.INVALID_DATE,
            "date_parsing": PlatformError.INVALID_DATE,
            "string_too_long": PlatformError.VALUE_TOO_LONG,
        }
        code = kind if kind in known else mapping.get(kind, PlatformError.INVALID_VALUE)
        detail = str(err.get("msg")) if kind in known else message_for(code)
        labels = {f.name: f.label for f in spec.fields}
        label = labels.get(loc[0], "") if loc else ""
        raise ZhihuiError(code, field=".".join(loc) or None, detail=f"{label}：{detail}" if label else detail) from exc


def _masked_address(customer: Any) -> str:
    parts = [customer.province, customer.city, customer.district]
    return "".join(p for p in parts if p) + ("（详细地址已登记）" if customer.address_detail else "")


async def _check_code(ctx: ItemContext, *, phone: str, purpose: str, code: str | None, missing: str) -> None:
    if not code:
        raise ZhihuiError(missing, field="phone_code" if purpose == OTP_NEW_PHONE else "consent_code")
    await identity_service.check_otp(ctx.session, phone=phone, purpose=purpose, code=code, settings=ctx.settings)


async def _check_consent(ctx: ItemContext, code: str | None) -> None:
    if ctx.consent_needed:
        await _check_code(
            ctx, phone=ctx.insured.phone, purpose=OTP_CONSENT, code=code, missing=ServicingError.CONSENT_CODE_REQUIRED
        )


def _next_anniversary(issue: dt.date, today: dt.date) -> dt.date:
    """The first policy anniversary on or after today."""
    years = policy_year(issue, today) - 1
    candidate = add_years(issue, years)
    return candidate if candidate >= today else add_years(issue, years + 1)


def _no_facts(ctx: ItemContext) -> list[tuple[str, str]]:
    return []


def _no_prefill(ctx: ItemContext) -> dict[str, Any]:
    return {}


# --- 1. customer_auth 客户认证 ------------------------------------------------------------------------------


class CustomerAuthForm(Form):
    name: str = Field(min_length=2, max_length=32)
    id_number: IdNumber


async def _validate_customer_auth(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, CustomerAuthForm)
    if form.name != ctx.applicant.name or form.id_number != ctx.applicant.id_number:
        raise ZhihuiError(ServicingError.IDENTITY_MISMATCH, field="id_number")
    before = "已认证" if ctx.applicant.verified_at else "未认证"
    return Outcome(changes={"verified": True}, lines=[("客户身份认证", before, "已认证（短信验证码+刷脸）")])


async def _apply_customer_auth(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    await policy_service.update_customer_fields(ctx.session, ctx.applicant.id, {"verified_at": now()}, actor=actor)


CUSTOMER_AUTH = ItemSpec(
    code="customer_auth",
    name="客户认证",
    applicants=(RoleKind.POLICYHOLDER, RoleKind.INSURED, RoleKind.BENEFICIARY),
    face_required=True,
    statuses=NOT_CLOSED,
    form=CustomerAuthForm,
    fields=(
        FieldSpec("name", "姓名", "text", required=True),
        FieldSpec("id_number", "身份证号码", "id_number", required=True, help="请输入本人18位身份证号码"),
    ),
    review_rule="自动审核；姓名、身份证号与登记信息一致且刷脸通过即生效（签名与预留签名差异较大时转人工比对）。",
    prefill=lambda ctx: {"name": ctx.applicant.name},
    facts=_no_facts,
    validate=_validate_customer_auth,
    apply=_apply_customer_auth,
)


# --- 2. info_change 客户信息变更 ----------------------------------------------------------------------------


class InfoChangeForm(Form):
    new_phone: Annotated[MobilePhone | None, Blank] = None
    phone_code: Annotated[Annotated[str, Field(max_length=8)] | None, Blank] = None
    province: Annotated[Annotated[str, Field(max_length=32)] | None, Blank] = None
    city: Annotated[Annotated[str, Field(max_length=32)] | None, Blank] = None
    district: Annotated[Annotated[str, Field(max_length=32)] | None, Blank] = None
    address_detail: Annotated[Annotated[str, Field(max_length=200)] | None, Blank] = None
    occupation_code: Annotated[Annotated[str, Field(max_length=16)] | None, Blank] = None
    occupation_class: Annotated[Annotated[int, Field(ge=1, le=6)] | None, Blank] = None
    id_valid_from: Annotated[dt.date | None, Blank] = None
    id_valid_until: Annotated[dt.date | None, Blank] = None
    id_long_term: bool = False


def id_validity_problem(birth: dt.date, valid_from: dt.date, until: dt.date | None, today: dt.date) -> str | None:
    """Why an ID validity period is wrong for a resident ID (居民身份证法 Art. 5), or None."""
    if valid_from > today:
        return "签发日期不能晚于今天"
    age = age_on(birth, valid_from)
    years = id_validity_years(age)
    if years is None:
        return None if until is None else f"签发时已满{age}周岁，有效期应为长期"
    expected = add_years(valid_from, years)
    if until is None:
        return f"签发时{age}周岁，有效期应为{years}年，不能选择长期"
    if until != expected:
        return f"签发时{age}周岁，有效期应为{years}年，截止日期应为{expected:%Y-%m-%d}"
    if until < today:
        return f"该证件已于{until:%Y-%m-%d}过期，请先换领新证"
    return None


async def _validate_info_change(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, InfoChangeForm)
    me = ctx.applicant
    changes: dict[str, Any] = {}
    lines: list[tuple[str, str, str]] = []
    manual: list[str] = []
    flags: list[str] = []

    address = {k: getattr(form, k) for k in ("province", "city", "district", "address_detail")}
    if any(v is not None and v != getattr(me, k) for k, v in address.items()):
        new = {k: v if v is not None else getattr(me, k) for k, v in address.items()}
        changes.update(new)
        after = "".join(new[k] or "" for k in ("province", "city", "district")) + "（详细地址已更新）"
        lines.append(("联系地址", _masked_address(me), after))

    if (form.occupation_code is None) != (form.occupation_class is None):
        raise ZhihuiError(ServicingError.OCCUPATION_INCOMPLETE, field="occupation_class")
    if form.occupation_code is not None and (
        form.occupation_code != me.occupation_code or form.occupation_class != me.occupation_class
    ):
        changes.update(occupation_code=form.occupation_code, occupation_class=form.occupation_class)
        lines.append(
            (
                "职业",
                f"{me.occupation_code or '未登记'}（{me.occupation_class or '-'}类）",
                f"{form.occupation_code}（{form.occupation_class}类）",
            )
        )
        if form.occupation_class is not None and form.occupation_class > (me.occupation_class or 1):
            # A riskier occupation re-rates accident and health cover: underwriting decides (domain brief §1).
            manual.append(f"职业类别由{me.occupation_class or 1}类升为{form.occupation_class}类，需人工核保")

    if form.id_valid_from is not None:
        until = None if form.id_long_term else form.id_valid_until
        if until is None and not form.id_long_term:
            raise ZhihuiError(
                ServicingError.ID_VALIDITY_WRONG, field="id_valid_until", params={"hint": "请填写截止日期"}
            )
        problem = id_validity_problem(me.birth_date, form.id_valid_from, until, ctx.today)
        if problem:
            raise ZhihuiError(ServicingError.ID_VALIDITY_WRONG, field="id_valid_until", params={"hint": problem})
        if form.id_valid_from != me.id_valid_from or until != me.id_valid_until:
            changes.update(id_valid_from=form.id_valid_from.isoformat(), id_valid_until=until and until.isoformat())
            old = f"{me.id_valid_from or '-'} 至 {me.id_valid_until or '长期'}"
            lines.append(("证件有效期", old, f"{form.id_valid_from} 至 {until or '长期'}"))

    if form.new_phone is not None and form.new_phone != me.phone:
        # The new number must be proven in the customer's hands: agents substituting their own number is a
        # known way to fake callbacks (domain brief §1), hence the code sent to the new phone.
        await _check_code(
            ctx,
            phone=form.new_phone,
            purpose=OTP_NEW_PHONE,
            code=form.phone_code,
            missing=ServicingError.PHONE_CODE_REQUIRED,
        )
        others = [c for c in await policy_service.customers_by_phone(ctx.session, form.new_phone) if c.id != me.id]
        if others:
            flags.append("phone_shared")
        changes["phone"] = form.new_phone
        lines.append(("手机号码", mask_phone(me.phone), mask_phone(form.new_phone)))

    if not changes:
        raise ZhihuiError(ServicingError.NOTHING_CHANGED)
    return Outcome(changes=changes, lines=lines, manual=manual, flags=flags)


async def _apply_info_change(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    values: dict[str, object] = dict(changes)
    for key in ("id_valid_from", "id_valid_until"):
        if key in values:
            raw = values[key]
            values[key] = dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    await policy_service.update_customer_fields(ctx.session, ctx.applicant.id, values, actor=actor)
    if "phone" in changes:
        risk_service.observe(ctx.session, risk_rules.OBS_PHONE_CHANGED, customer_id=ctx.applicant.id)


def _prefill_info_change(ctx: ItemContext) -> dict[str, Any]:
    me = ctx.applicant
    return {
        "province": me.province,
        "city": me.city,
        "district": me.district,
        "address_detail": me.address_detail,
        "occupation_code": me.occupation_code,
        "occupation_class": me.occupation_class,
        "id_valid_from": me.id_valid_from,
        "id_valid_until": me.id_valid_until,
        "id_long_term": me.id_valid_from is not None and me.id_valid_until is None,
    }


INFO_CHANGE = ItemSpec(
    code="info_change",
    name="客户信息变更",
    applicants=(RoleKind.POLICYHOLDER, RoleKind.INSURED),
    face_required=False,
    statuses=NOT_CLOSED,
    form=InfoChangeForm,
    fields=(
        FieldSpec("new_phone", "新手机号码", "phone", help="不修改请留空；修改须输入发送到新号码的验证码"),
        FieldSpec("phone_code", "新手机验证码", "otp"),
        FieldSpec("province", "省/直辖市", "text"),
        FieldSpec("city", "城市", "text"),
        FieldSpec("district", "区县", "text"),
        FieldSpec("address_detail", "详细地址", "text"),
        FieldSpec("occupation_code", "职业代码", "text"),
        FieldSpec("occupation_class", "职业类别", "select", choices=OCCUPATION_CLASSES),
        FieldSpec("id_valid_from", "证件签发日期", "date"),
        FieldSpec("id_valid_until", "证件截止日期", "date"),
        FieldSpec("id_long_term", "长期有效", "bool"),
    ),
    review_rule="自动审核；职业类别升高转人工核保；新手机号已被其他客户使用时加重风险分。",
    prefill=_prefill_info_change,
    facts=lambda ctx: [("当前手机号码", mask_phone(ctx.applicant.phone))],
    validate=_validate_info_change,
    apply=_apply_info_change,
    check_id_validity=False,  # this item is how an expired ID gets its new validity
)


# --- 3. benefit_payment 给付 -----------------------------------------------------------------------------


class BenefitPaymentForm(Form):
    confirm: bool = False


def benefit_amount_fen(sum_assured_fen: int, rate_bp: int) -> int:
    """Yearly survival benefit / annuity: sum assured x benefit rate."""
    return _round_fen(Decimal(sum_assured_fen) * rate_bp / 10_000)


async def _benefit_period_taken(ctx: ItemContext, period: int) -> bool:
    from zhihui.servicing.models import Application

    stmt = select(Application.id).where(
        Application.policy_no == ctx.policy.policy_no,
        Application.item == "benefit_payment",
        Application.benefit_period == period,
        Application.status.in_(("pending_review", "more_info", "approved")),
    )
    return (await ctx.session.scalar(stmt.limit(1))) is not None


def _benefit_figures(ctx: ItemContext) -> tuple[int, int, int]:
    gross = benefit_amount_fen(ctx.policy.sum_assured_fen, ctx.product.benefit_rate_bp)
    offset = sum(amount for _, amount in ctx.unpaid)
    return gross, offset, max(0, gross - offset)


async def _validate_benefit_payment(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, BenefitPaymentForm)
    product = ctx.product
    if not product.benefit_rate_bp or product.benefit_start_age is None:
        raise ZhihuiError(ServicingError.NOT_AN_ANNUITY)
    start_age = int(product.benefit_start_age)
    if age_on(ctx.insured.birth_date, ctx.today) < start_age:
        payable = add_years(ctx.insured.birth_date, start_age)
        raise ZhihuiError(
            ServicingError.BENEFIT_AGE_NOT_REACHED, params={"age": start_age, "date": f"{payable:%Y-%m-%d}"}
        )
    if not ctx.policy.benefit_account:
        raise ZhihuiError(ServicingError.NO_PAYOUT_ACCOUNT)
    period = policy_year(ctx.policy.issue_date, ctx.today)
    if await _benefit_period_taken(ctx, period):
        raise ZhihuiError(ServicingError.BENEFIT_ALREADY_PAID)
    if not form.confirm:
        raise ZhihuiError(ServicingError.CONFIRMATION_REQUIRED, field="confirm")
    gross, offset, net = _benefit_figures(ctx)
    manual = []
    if net > ctx.config.benefit_review_above_fen:
        manual.append(f"给付金额超过{yuan(ctx.config.benefit_review_above_fen)}元，需人工审核")
    if ctx.policy.benefit_account_holder and ctx.policy.benefit_account_holder != ctx.insured.name:
        manual.append("领款账户户名与领取人不一致")
    lines = [
        ("给付项目", "-", f"第{period}保单年度生存金/年金"),
        ("应领金额", "-", f"{yuan(gross)}元"),
        ("抵扣欠交保费", "-", f"{yuan(offset)}元"),
        (
            "实付金额",
            "-",
            f"{yuan(net)}元，付至{ctx.policy.benefit_bank or ''}{mask_account(ctx.policy.benefit_account)}",
        ),
    ]
    return Outcome(
        changes={"gross_fen": gross, "offset_fen": offset, "net_fen": net, "period": period},
        lines=lines,
        computed={"gross_fen": gross, "offset_fen": offset, "net_fen": net, "period": period},
        manual=manual,
        amount_fen=net,
        benefit_period=period,
    )


async def _apply_benefit_payment(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    if int(changes["offset_fen"]):
        for _ in await policy_service.unpaid_installments(ctx.session, ctx.policy.id, up_to=ctx.today):
            await policy_service.record_premium_payment(
                ctx.session, ctx.policy.policy_no, paid_on=ctx.today, actor=actor
            )
    await policy_service.record_benefit_payout(
        ctx.session,
        ctx.policy.policy_no,
        amount_fen=int(changes["net_fen"]),
        period=int(changes["period"]),
        reference=reference,
        actor=actor,
    )


def _benefit_facts(ctx: ItemContext) -> list[tuple[str, str]]:
    if not ctx.product.benefit_rate_bp:
        return [("说明", "该保单没有生存金/年金责任")]
    gross, offset, net = _benefit_figures(ctx)
    return [
        ("领取起始年龄", f"{ctx.product.benefit_start_age}周岁"),
        ("本年度应领金额", f"¥{yuan(gross)}"),
        ("抵扣欠交保费", f"¥{yuan(offset)}"),
        ("预计实付金额", f"¥{yuan(net)}"),
        ("领款账户", f"{ctx.policy.benefit_bank or ''} {mask_account(ctx.policy.benefit_account)}"),
    ]


BENEFIT_PAYMENT = ItemSpec(
    code="benefit_payment",
    name="给付（生存金/年金领取）",
    applicants=(RoleKind.INSURED,),
    face_required=True,
    statuses=OPEN_STATUSES,
    form=BenefitPaymentForm,
    fields=(FieldSpec("confirm", "确认领取至登记的领款账户", "bool", required=True),),
    review_rule="金额超过{benefit_review_above}、领款账户户名与领取人不一致时转人工审核；其余按风险分自动审核。",
    prefill=_no_prefill,
    facts=_benefit_facts,
    validate=_validate_benefit_payment,
    apply=_apply_benefit_payment,
    money=True,
    blocked_while_debit=True,
)


# --- 4. reinstatement 复效 ------------------------------------------------------------------------------


HealthAnswer = Annotated[Literal["yes", "no"] | None, Blank]


class ReinstatementForm(Form):
    # Unanswered is allowed here so that validation can say which question is open: a health declaration
    # must be answered actively, question by question (the page preselects nothing).
    h1: HealthAnswer = None
    h2: HealthAnswer = None
    h3: HealthAnswer = None
    h4: HealthAnswer = None
    h5: HealthAnswer = None
    consent_code: Annotated[Annotated[str, Field(max_length=8)] | None, Blank] = None
    confirm: bool = False


def reinstatement_interest_fen(unpaid: list[tuple[dt.date, int]], rate_bp: int, on: dt.date) -> int:
    """Simple interest on each back premium from its due date to ``on`` (yearly rate, actual/365)."""
    total = Decimal(0)
    for due, amount in unpaid:
        days = max(0, (on - due).days)
        total += Decimal(amount) * rate_bp / 10_000 * days / 365
    return _round_fen(total)


async def _validate_reinstatement(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, ReinstatementForm)
    policy, product = ctx.policy, ctx.product
    lapsed_on = lapse_date(policy.paid_to_date, product.grace_days)
    deadline = reinstatement_deadline(policy.paid_to_date, product.grace_days)
    if ctx.today > deadline:
        raise ZhihuiError(
            ServicingError.REINSTATEMENT_WINDOW_PASSED,
            params={"lapse": f"{lapsed_on:%Y-%m-%d}", "deadline": f"{deadline:%Y-%m-%d}"},
        )
    answers = [form.h1, form.h2, form.h3, form.h4, form.h5]
    unanswered = [i + 1 for i, a in enumerate(answers) if a is None]
    if unanswered:
        raise ZhihuiError(ServicingError.HEALTH_ANSWERS_REQUIRED, field=f"h{unanswered[0]}")
    if not form.confirm:
        raise ZhihuiError(ServicingError.CONFIRMATION_REQUIRED, field="confirm")
    premiums = sum(amount for _, amount in ctx.unpaid)
    interest = reinstatement_interest_fen(ctx.unpaid, product.reinstatement_rate_bp, ctx.today)
    manual = []
    yes = [i + 1 for i, a in enumerate(answers) if a == "yes"]
    if yes:
        manual.append(f"健康告知第{'、'.join(map(str, yes))}项回答“是”，转人工核保")
    if (ctx.today - lapsed_on).days > ctx.config.reinstatement_review_after_days:
        manual.append(f"效力中止超过{days_words(ctx.config.reinstatement_review_after_days)}，转人工核保")
    if policy.sum_assured_fen >= ctx.config.reinstatement_review_sum_assured_fen:
        manual.append("保额较高，转人工核保")
    await _check_consent(ctx, form.consent_code)
    lines = [
        ("保单状态", f"效力中止（{lapsed_on:%Y-%m-%d}起）", "有效"),
        ("补交保费", "-", f"{len(ctx.unpaid)}期，共{yuan(premiums)}元"),
        ("补交利息", "-", f"{yuan(interest)}元（年利率{product.reinstatement_rate_bp / 100:.2f}%）"),
        ("合计扣款", "-", f"{yuan(premiums + interest)}元"),
    ]
    computed = {"premiums_fen": premiums, "interest_fen": interest, "installments": len(ctx.unpaid)}
    return Outcome(
        changes={**computed, "health_yes": yes},
        lines=lines,
        computed=computed,
        manual=manual,
        amount_fen=premiums + interest,
    )


async def _apply_reinstatement(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    await policy_service.reinstate_policy(ctx.session, ctx.policy.policy_no, paid_on=ctx.today, actor=actor)


def _reinstatement_facts(ctx: ItemContext) -> list[tuple[str, str]]:
    policy, product = ctx.policy, ctx.product
    premiums = sum(amount for _, amount in ctx.unpaid)
    interest = reinstatement_interest_fen(ctx.unpaid, product.reinstatement_rate_bp, ctx.today)
    return [
        ("效力中止日", f"{lapse_date(policy.paid_to_date, product.grace_days):%Y-%m-%d}"),
        ("复效截止日", f"{reinstatement_deadline(policy.paid_to_date, product.grace_days):%Y-%m-%d}"),
        ("欠交保费", f"{len(ctx.unpaid)}期，¥{yuan(premiums)}"),
        ("利息", f"¥{yuan(interest)}"),
        ("合计", f"¥{yuan(premiums + interest)}"),
    ]


REINSTATEMENT = ItemSpec(
    code="reinstatement",
    name="保单复效",
    applicants=(RoleKind.POLICYHOLDER,),
    face_required=False,
    statuses=frozenset({PolicyStatus.LAPSED}),
    form=ReinstatementForm,
    fields=(
        *(
            FieldSpec(f"h{i + 1}", q, "select", required=True, choices=(("no", "否"), ("yes", "是")))
            for i, q in enumerate(HEALTH_QUESTIONS)
        ),
        FieldSpec("consent_code", "被保险人确认验证码", "otp", help="投保人与被保险人不是同一人时，须被保险人同意"),
        FieldSpec("confirm", "同意从交费账户扣划欠交保费及利息", "bool", required=True),
    ),
    review_rule=(
        "健康告知任一项为“是”、中止超过{reinstatement_review_after}或保额{reinstatement_review_sum_assured}以上"
        "转人工核保；其余自动审核。"
    ),
    prefill=_no_prefill,
    facts=_reinstatement_facts,
    validate=_validate_reinstatement,
    apply=_apply_reinstatement,
    blocked_while_debit=True,
)


# --- 5. account_withdrawal 账户部分领取 --------------------------------------------------------------------


class WithdrawalForm(Form):
    amount_yuan: Decimal = Field(gt=0, max_digits=12, decimal_places=2)


def withdrawal_fee_bp(schedule: list[int], year: int) -> int:
    """Fee rate of the policy year; the last rate applies to every later year."""
    if not schedule:
        return 0
    return schedule[min(year, len(schedule)) - 1]


def withdrawal_max_fen(balance_fen: int, floor_fen: int, step_fen: int) -> int:
    """The largest withdrawal leaving at least the floor, in whole steps."""
    room = max(0, balance_fen - floor_fen)
    return room - room % step_fen


async def _validate_withdrawal(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, WithdrawalForm)
    policy, product, cfg = ctx.policy, ctx.product, ctx.config
    if product.kind != ProductKind.UNIVERSAL_LIFE or ctx.account_balance_fen is None:
        raise ZhihuiError(ServicingError.NOT_UNIVERSAL_LIFE)
    # The hesitation period counts from the issue date: the policy core holds no receipt-signing date.
    hesitation_end = policy.issue_date + dt.timedelta(days=product.hesitation_days)
    if ctx.today <= hesitation_end:
        raise ZhihuiError(ServicingError.IN_HESITATION_PERIOD, params={"until": f"{hesitation_end:%Y-%m-%d}"})
    if not policy.premium_account:
        raise ZhihuiError(ServicingError.NO_PAYOUT_ACCOUNT)
    amount = _round_fen(form.amount_yuan * 100)
    if amount < cfg.withdrawal_min_fen:
        raise ZhihuiError(
            ServicingError.WITHDRAWAL_BELOW_MINIMUM,
            field="amount_yuan",
            params={"minimum": yuan(cfg.withdrawal_min_fen)},
        )
    if amount % cfg.withdrawal_step_fen:
        raise ZhihuiError(
            ServicingError.WITHDRAWAL_NOT_MULTIPLE, field="amount_yuan", params={"step": yuan(cfg.withdrawal_step_fen)}
        )
    floor = product.min_account_balance_fen
    balance = ctx.account_balance_fen
    if balance - amount < floor:
        raise ZhihuiError(
            ServicingError.WITHDRAWAL_ABOVE_ALLOWED,
            field="amount_yuan",
            params={"floor": yuan(floor), "maximum": yuan(withdrawal_max_fen(balance, floor, cfg.withdrawal_step_fen))},
        )
    year = policy_year(policy.issue_date, ctx.today)
    rate = withdrawal_fee_bp(list(product.withdrawal_fee_bp or []), year)
    fee = _round_fen(Decimal(amount) * rate / 10_000)
    manual, flags = [], []
    if amount > cfg.withdrawal_online_limit_fen:
        manual.append(f"超过线上领取限额{yuan(cfg.withdrawal_online_limit_fen)}元，需人工审核")
    if policy.premium_account_holder and policy.premium_account_holder != ctx.holder.name:
        flags.append("third_party_account")
    computed = {"amount_fen": amount, "fee_fen": fee, "fee_bp": rate, "net_fen": amount - fee, "policy_year": year}
    lines = [
        ("账户价值", f"{yuan(balance)}元", f"{yuan(balance - amount)}元"),
        ("领取金额", "-", f"{yuan(amount)}元"),
        ("手续费", "-", f"{yuan(fee)}元（第{year}保单年度，费率{rate / 100:.2f}%）"),
        (
            "实付金额",
            "-",
            f"{yuan(amount - fee)}元，付至{policy.premium_bank or ''}{mask_account(policy.premium_account)}",
        ),
    ]
    return Outcome(
        changes=computed,
        lines=lines,
        computed=computed,
        manual=manual,
        amount_fen=amount,
        limit_fen=withdrawal_max_fen(balance, floor, cfg.withdrawal_step_fen),
        flags=flags,
    )


async def _apply_withdrawal(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    await policy_service.post_account_transaction(
        ctx.session,
        ctx.policy.id,
        kind="withdrawal",
        amount_fen=-int(changes["amount_fen"]),
        reference=reference,
        actor=actor,
    )


def _withdrawal_facts(ctx: ItemContext) -> list[tuple[str, str]]:
    if ctx.account_balance_fen is None:
        return [("说明", "该保单不是万能型保险，没有可领取的账户价值")]
    product, cfg = ctx.product, ctx.config
    year = policy_year(ctx.policy.issue_date, ctx.today)
    top = withdrawal_max_fen(ctx.account_balance_fen, product.min_account_balance_fen, cfg.withdrawal_step_fen)
    rate = withdrawal_fee_bp(list(product.withdrawal_fee_bp or []), year)
    return [
        ("账户价值", f"¥{yuan(ctx.account_balance_fen)}"),
        ("最低保留余额", f"¥{yuan(product.min_account_balance_fen)}"),
        ("本次最多可领取", f"¥{yuan(top)}"),
        ("领取规则", f"不低于{yuan(cfg.withdrawal_min_fen)}元，且为{yuan(cfg.withdrawal_step_fen)}元的整数倍"),
        ("当前手续费率", f"{rate / 100:.2f}%（第{year}保单年度）"),
        ("收款账户", f"{ctx.policy.premium_bank or ''} {mask_account(ctx.policy.premium_account)}"),
    ]


ACCOUNT_WITHDRAWAL = ItemSpec(
    code="account_withdrawal",
    name="万能账户部分领取",
    applicants=(RoleKind.POLICYHOLDER,),
    face_required=True,
    statuses=frozenset({PolicyStatus.IN_FORCE}),
    form=WithdrawalForm,
    fields=(FieldSpec("amount_yuan", "领取金额（元）", "money", required=True),),
    review_rule="超过线上限额（{withdrawal_online_limit}）转人工审核；其余按风险分自动审核。",
    prefill=_no_prefill,
    facts=_withdrawal_facts,
    validate=_validate_withdrawal,
    apply=_apply_withdrawal,
    money=True,
)


# --- 6. renewal_payment_method 续期交费方式变更 ------------------------------------------------------------


class PaymentMethodForm(Form):
    payment_method: PaymentMethod
    frequency: Frequency


async def _validate_payment_method(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, PaymentMethodForm)
    policy = ctx.policy
    if policy.payment_end_date is None or policy.paid_to_date >= policy.payment_end_date:
        raise ZhihuiError(ServicingError.PAYMENT_FINISHED)
    if form.frequency == Frequency.SINGLE:
        raise ZhihuiError(ServicingError.FREQUENCY_NOT_ALLOWED, field="frequency")
    if form.payment_method == PaymentMethod.AUTO_DEBIT and not policy.premium_account:
        raise ZhihuiError(ServicingError.AUTO_DEBIT_NEEDS_ACCOUNT, field="payment_method")
    changes: dict[str, Any] = {"payment_method": str(form.payment_method), "frequency": str(form.frequency)}
    lines = []
    if form.payment_method != policy.payment_method:
        lines.append(
            (
                "交费方式",
                PAYMENT_METHOD_LABELS[PaymentMethod(policy.payment_method)],
                PAYMENT_METHOD_LABELS[form.payment_method],
            )
        )
    if form.frequency != policy.frequency:
        anniversary = _next_anniversary(policy.issue_date, ctx.today)
        start = anniversary - dt.timedelta(days=ctx.config.frequency_window_days)
        if ctx.today < start or policy.paid_to_date < anniversary or anniversary >= policy.payment_end_date:
            raise ZhihuiError(
                ServicingError.FREQUENCY_NOT_AT_ANNIVERSARY,
                field="frequency",
                params={"start": f"{start:%Y-%m-%d}", "anniversary": f"{anniversary:%Y-%m-%d}"},
            )
        yearly = policy.premium_fen * (12 // FREQUENCY_MONTHS[Frequency(policy.frequency)])
        new_premium = yearly // (12 // FREQUENCY_MONTHS[form.frequency])
        changes["effective_from"] = anniversary.isoformat()
        lines.append(
            (
                "交费频次",
                FREQUENCY_LABELS[Frequency(policy.frequency)],
                f"{FREQUENCY_LABELS[form.frequency]}（{anniversary:%Y-%m-%d}起，每期{yuan(new_premium)}元）",
            )
        )
    if not lines:
        raise ZhihuiError(ServicingError.NOTHING_CHANGED)
    return Outcome(changes=changes, lines=lines)


async def _apply_payment_method(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    effective = changes.get("effective_from")
    await policy_service.change_payment_method(
        ctx.session,
        ctx.policy.policy_no,
        method=str(changes["payment_method"]),
        frequency=str(changes["frequency"]),
        effective_from=dt.date.fromisoformat(effective) if effective else ctx.today,
        actor=actor,
    )


RENEWAL_PAYMENT_METHOD = ItemSpec(
    code="renewal_payment_method",
    name="续期交费方式变更",
    applicants=(RoleKind.POLICYHOLDER,),
    face_required=False,
    statuses=OPEN_STATUSES,
    form=PaymentMethodForm,
    fields=(
        FieldSpec("payment_method", "交费方式", "select", True, tuple(PAYMENT_METHOD_LABELS.items())),
        FieldSpec(
            "frequency",
            "交费频次",
            "select",
            True,
            tuple((f.value, label) for f, label in FREQUENCY_LABELS.items() if f != Frequency.SINGLE),
            help="交费频次只能在保单周年日变更",
        ),
    ),
    review_rule="自动审核。",
    prefill=lambda ctx: {"payment_method": ctx.policy.payment_method, "frequency": ctx.policy.frequency},
    facts=lambda ctx: [("下一个保单周年日", f"{_next_anniversary(ctx.policy.issue_date, ctx.today):%Y-%m-%d}")],
    validate=_validate_payment_method,
    apply=_apply_payment_method,
    blocked_while_debit=True,
)


# --- 7. beneficiary_change 受益人变更 -----------------------------------------------------------------------


class BeneficiaryRow(Form):
    name: str = Field(min_length=2, max_length=32)
    id_number: IdNumber
    phone: MobilePhone
    relation: str = Field(max_length=16)
    order: int = Field(ge=1, le=3)
    share_pct: Decimal = Field(gt=0, le=100, decimal_places=2)


class BeneficiaryForm(Form):
    statutory: bool = False
    beneficiaries: list[BeneficiaryRow] = Field(default_factory=list, max_length=6)
    consent_code: Annotated[Annotated[str, Field(max_length=8)] | None, Blank] = None


def share_problem(rows: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first order whose shares (basis points) do not sum to exactly 100%, with its total."""
    totals: dict[int, int] = defaultdict(int)
    for order, share in rows:
        totals[order] += share
    for order in sorted(totals):
        if totals[order] != 10_000:
            return order, totals[order]
    return None


async def _validate_beneficiaries(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, BeneficiaryForm)
    rows: list[dict[str, Any]] = []
    manual: list[str] = []
    if form.statutory:
        rows.append({"customer_id": None, "order": 1, "share_bp": 10_000, "relation": "statutory"})
    else:
        if not form.beneficiaries:
            raise ZhihuiError(ServicingError.BENEFICIARIES_REQUIRED, field="beneficiaries")
        seen: set[str] = set()
        for i, b in enumerate(form.beneficiaries):
            where = f"beneficiaries.{i}"
            if b.relation not in RELATIONS:
                raise ZhihuiError(ServicingError.BENEFICIARY_RELATION_INVALID, field=f"{where}.relation")
            if b.id_number == ctx.insured.id_number:
                raise ZhihuiError(ServicingError.BENEFICIARY_IS_INSURED, field=f"{where}.id_number")
            if b.id_number in seen:
                raise ZhihuiError(ServicingError.BENEFICIARY_DUPLICATE, field=f"{where}.id_number")
            seen.add(b.id_number)
            existing = await policy_service.customer_by_id_number(ctx.session, b.id_number)
            if existing is not None and existing.name != b.name:
                raise ZhihuiError(
                    ServicingError.BENEFICIARY_NAME_MISMATCH, field=f"{where}.name", params={"name": mask_name(b.name)}
                )
            if b.relation in RELATIONS_NEEDING_PROOF:
                manual.append(f"受益人{mask_name(b.name)}与被保险人关系为“其他”，需核实关系证明")
            rows.append(
                {
                    "customer_id": existing.id if existing else None,
                    "name": b.name,
                    "id_number": b.id_number,
                    "phone": b.phone,
                    "order": b.order,
                    "share_bp": _round_fen(b.share_pct * 100),
                    "relation": b.relation,
                }
            )
        problem = share_problem([(r["order"], r["share_bp"]) for r in rows])
        if problem:
            order, total = problem
            raise ZhihuiError(
                ServicingError.SHARES_NOT_100,
                field="beneficiaries",
                params={"order": order, "total": f"{total / 100:g}"},
            )
    await _check_consent(ctx, form.consent_code)
    before = (
        "；".join(
            _beneficiary_text(r.relation_to_insured, r.beneficiary_order, r.share_bp, None)
            for r in ctx.policy.roles
            if r.role == RoleKind.BENEFICIARY
        )
        or "未指定（法定）"
    )
    after = "；".join(_beneficiary_text(r["relation"], r["order"], r["share_bp"], r.get("name")) for r in rows)
    return Outcome(changes={"beneficiaries": rows}, lines=[("身故受益人", before, after)], manual=manual)


def _beneficiary_text(relation: str | None, order: int | None, share_bp: int | None, name: str | None) -> str:
    if relation == "statutory":
        return "法定继承人"
    who = mask_name(name) if name else RELATION_LABELS.get(relation or "", "受益人")
    return f"第{order}顺位 {who}（{RELATION_LABELS.get(relation or '', relation or '')}）{(share_bp or 0) / 100:g}%"


async def _apply_beneficiaries(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    new: list[BeneficiaryIn] = []
    for row in changes["beneficiaries"]:
        customer_id = row.get("customer_id")
        if customer_id is None and row["relation"] != "statutory":
            existing = await policy_service.customer_by_id_number(ctx.session, row["id_number"])
            if existing is None:
                existing = await policy_service.create_customer(
                    ctx.session,
                    CustomerCreate(
                        name=row["name"],
                        gender="male" if id_gender(row["id_number"]) == "male" else "female",
                        birth_date=id_birth_date(row["id_number"]),
                        id_number=row["id_number"],
                        phone=row["phone"],
                    ),
                    actor=actor,
                )
            customer_id = existing.id
        new.append(
            BeneficiaryIn(
                customer_id=customer_id,
                order=row["order"],
                share_bp=row["share_bp"],
                relation_to_insured=row["relation"],
            )
        )
    await policy_service.replace_beneficiaries(ctx.session, ctx.policy.policy_no, new, actor=actor)
    risk_service.observe(
        ctx.session, risk_rules.OBS_BENEFICIARY_CHANGED, customer_id=ctx.applicant.id, policy_no=ctx.policy.policy_no
    )


BENEFICIARY_CHANGE = ItemSpec(
    code="beneficiary_change",
    name="受益人变更",
    applicants=(RoleKind.POLICYHOLDER, RoleKind.INSURED),
    face_required=True,
    statuses=OPEN_STATUSES,
    form=BeneficiaryForm,
    fields=(
        FieldSpec("statutory", "指定为法定继承人", "bool"),
        FieldSpec(
            "beneficiaries",
            "受益人（姓名、身份证号、手机号、与被保险人关系、顺位、份额%）",
            "beneficiaries",
            choices=tuple(RELATIONS.items()),
            help="同一顺位的受益份额合计须为100%",
        ),
        FieldSpec("consent_code", "被保险人同意验证码", "otp", help="投保人申请时须经被保险人同意（保险法第41条）"),
    ),
    review_rule="关系为“其他”须人工核实关系证明；生效不足180天或频繁变更等风险规则命中转人工；其余自动审核。",
    prefill=_no_prefill,
    facts=lambda ctx: [
        (
            "当前受益人",
            "；".join(
                _beneficiary_text(r.relation_to_insured, r.beneficiary_order, r.share_bp, None)
                for r in ctx.policy.roles
                if r.role == RoleKind.BENEFICIARY
            )
            or "未指定（法定）",
        )
    ],
    validate=_validate_beneficiaries,
    apply=_apply_beneficiaries,
)


# --- 8. renewal_flag 续保标识变更 ----------------------------------------------------------------------------


class RenewalFlagForm(Form):
    renew: bool


async def _validate_renewal_flag(form: Any, ctx: ItemContext) -> Outcome:
    assert isinstance(form, RenewalFlagForm)
    policy, product = ctx.policy, ctx.product
    if not product.renewable:
        raise ZhihuiError(ServicingError.NOT_RENEWABLE)
    if policy.end_date is not None and ctx.today > policy.end_date:
        raise ZhihuiError(ServicingError.TERM_ENDED)
    if bool(policy.renewal_flag) == form.renew:
        raise ZhihuiError(ServicingError.NOTHING_CHANGED, field="renew")
    if form.renew:
        if not product.on_sale:
            raise ZhihuiError(ServicingError.WITHDRAWN_FROM_SALE, field="renew")
        renewal_day = (policy.end_date or ctx.today) + dt.timedelta(days=1)
        age = age_on(ctx.insured.birth_date, renewal_day)
        if product.max_renewal_age is not None and age > product.max_renewal_age:
            raise ZhihuiError(
                ServicingError.OVER_MAX_RENEWAL_AGE,
                field="renew",
                params={"age": age, "max_age": product.max_renewal_age},
            )
    label = {True: "到期自动续保", False: "到期不续保"}
    return Outcome(
        changes={"renew": form.renew}, lines=[("续保标识", label[bool(policy.renewal_flag)], label[form.renew])]
    )


async def _apply_renewal_flag(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
    await policy_service.set_renewal_flag(ctx.session, ctx.policy.policy_no, renew=bool(changes["renew"]), actor=actor)


RENEWAL_FLAG = ItemSpec(
    code="renewal_flag",
    name="续保标识变更",
    applicants=(RoleKind.POLICYHOLDER,),
    face_required=False,
    statuses=OPEN_STATUSES,
    form=RenewalFlagForm,
    fields=(
        FieldSpec("renew", "到期是否自动续保", "select", True, (("true", "到期自动续保"), ("false", "到期不续保"))),
    ),
    review_rule="自动审核。",
    prefill=lambda ctx: {"renew": "true" if ctx.policy.renewal_flag else "false"},
    facts=lambda ctx: [("本期保险止期", f"{ctx.policy.end_date or '-'}")],
    validate=_validate_renewal_flag,
    apply=_apply_renewal_flag,
)


# --- 9./10. premium_account 交款信息变更, benefit_account 领款信息变更 -------------------------------------------


class AccountForm(Form):
    bank: str = Field(max_length=32)
    account: BankAccount
    holder_name: str = Field(min_length=2, max_length=64)


def _account_validator(kind: Literal["premium", "benefit"]) -> Validate:
    async def validate(form: Any, ctx: ItemContext) -> Outcome:
        assert isinstance(form, AccountForm)
        if form.bank not in BANKS:
            raise ZhihuiError(ServicingError.BANK_UNKNOWN, field="bank")
        if kind == "premium":
            allowed_names, allowed = {ctx.holder.name}, "投保人"
        else:  # the payee of survival benefits is the insured; the policyholder may receive withdrawals
            allowed_names, allowed = {ctx.holder.name, ctx.insured.name}, "投保人或被保险人（领款人）"
        if form.holder_name not in allowed_names:
            raise ZhihuiError(ServicingError.ACCOUNT_HOLDER_MISMATCH, field="holder_name", params={"allowed": allowed})
        current = getattr(ctx.policy, f"{kind}_account")
        if current == form.account:
            raise ZhihuiError(ServicingError.ACCOUNT_UNCHANGED, field="account")
        bank = getattr(ctx.policy, f"{kind}_bank") or ""
        lines = [
            ("开户银行", bank or "-", form.bank),
            ("账号", mask_account(current) or "-", mask_account(form.account)),
            ("户名", mask_name(getattr(ctx.policy, f"{kind}_account_holder")) or "-", mask_name(form.holder_name)),
        ]
        return Outcome(changes={"bank": form.bank, "account": form.account, "holder": form.holder_name}, lines=lines)

    return validate


def _account_applier(kind: Literal["premium", "benefit"]) -> Apply:
    async def apply(ctx: ItemContext, changes: dict[str, Any], actor: Actor, reference: str) -> None:
        change = policy_service.change_premium_account if kind == "premium" else policy_service.change_benefit_account
        await change(
            ctx.session,
            ctx.policy.policy_no,
            bank=str(changes["bank"]),
            account=str(changes["account"]),
            holder=str(changes["holder"]),
            actor=actor,
        )
        risk_service.observe(
            ctx.session, risk_rules.OBS_ACCOUNT_CHANGED, customer_id=ctx.applicant.id, policy_no=ctx.policy.policy_no
        )

    return apply


def _account_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("bank", "开户银行", "select", True, tuple((b, b) for b in BANKS)),
        FieldSpec("account", "银行卡号", "bank_account", True, help="仅支持本人名下借记卡"),
        FieldSpec("holder_name", "户名", "text", True),
    )


PREMIUM_ACCOUNT = ItemSpec(
    code="premium_account",
    name="交款信息变更",
    applicants=(RoleKind.POLICYHOLDER,),
    face_required=True,
    statuses=NOT_CLOSED,
    form=AccountForm,
    fields=_account_fields(),
    review_rule="户名须为投保人；按风险分自动审核（如近期变更手机号）。",
    prefill=lambda ctx: {"bank": ctx.policy.premium_bank, "holder_name": ctx.holder.name},
    facts=lambda ctx: [("当前交费账户", f"{ctx.policy.premium_bank or ''} {mask_account(ctx.policy.premium_account)}")],
    validate=_account_validator("premium"),
    apply=_account_applier("premium"),
    blocked_while_debit=True,
)
BENEFIT_ACCOUNT = ItemSpec(
    code="benefit_account",
    name="领款信息变更",
    applicants=(RoleKind.INSURED, RoleKind.POLICYHOLDER),
    face_required=True,
    statuses=NOT_CLOSED,
    form=AccountForm,
    fields=_account_fields(),
    review_rule="户名须为领款人（被保险人）或投保人；按风险分自动审核（如近期变更手机号）。",
    prefill=lambda ctx: {"bank": ctx.policy.benefit_bank, "holder_name": ctx.applicant.name},
    facts=lambda ctx: [("当前领款账户", f"{ctx.policy.benefit_bank or ''} {mask_account(ctx.policy.benefit_account)}")],
    validate=_account_validator("benefit"),
    apply=_account_applier("benefit"),
)


ITEMS: dict[str, ItemSpec] = {
    spec.code: spec
    for spec in (
        CUSTOMER_AUTH,
        INFO_CHANGE,
        BENEFIT_PAYMENT,
        REINSTATEMENT,
        ACCOUNT_WITHDRAWAL,
        RENEWAL_PAYMENT_METHOD,
        BENEFICIARY_CHANGE,
        RENEWAL_FLAG,
        PREMIUM_ACCOUNT,
        BENEFIT_ACCOUNT,
    )
}


def item(code: str) -> ItemSpec:
    try:
        return ITEMS[code]
    except KeyError:
        raise ZhihuiError(ServicingError.ITEM_UNKNOWN, field="item") from None


ADULT_AGE = 18


def status_problem(spec: ItemSpec, ctx: ItemContext) -> ZhihuiError | None:
    """Cross-cutting checks (domain brief §1): policy status, pending claim, premium debit in flight, adult
    applicant (a minor needs a guardian's signature), ID valid on the day."""
    if ctx.status not in spec.statuses:
        if spec.code == "reinstatement":
            return ZhihuiError(ServicingError.POLICY_NOT_LAPSED, params={"status": STATUS_LABELS[ctx.status]})
        return ZhihuiError(
            ServicingError.POLICY_NOT_IN_FORCE, params={"status": STATUS_LABELS[ctx.status], "item": spec.name}
        )
    if spec.money and ctx.policy.claim_pending:
        return ZhihuiError(ServicingError.CLAIM_PENDING)
    if spec.blocked_while_debit and ctx.debit_in_flight:
        return ZhihuiError(ServicingError.DEBIT_IN_FLIGHT)
    if age_on(ctx.applicant.birth_date, ctx.today) < ADULT_AGE:
        # a minor's application needs a guardian's signature, which the self-service link cannot collect
        return ZhihuiError(ServicingError.MINOR_APPLICANT)
    until = ctx.applicant.id_valid_until
    if spec.check_id_validity and until is not None and until < ctx.today:
        return ZhihuiError(ServicingError.ID_EXPIRED, params={"until": f"{until:%Y-%m-%d}"})
    return None
