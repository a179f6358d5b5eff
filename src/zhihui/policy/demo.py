"""Deterministic demo data: customers, products of all six kinds, policies in every status, staff.

Built for volume (``--customers 100000`` in well under a minute): rows are generated in Python and
written with bulk INSERTs in chunks. Encrypted columns still go through their column types, and every
value obeys the same rules the services enforce (valid ID check digits, Luhn-valid card numbers,
beneficiary shares summing to 100%). Policy numbers use the ``PD`` prefix so they never collide with
numbers the running service allocates. Only the recent window of each premium schedule is stored
(the last paid installment and every installment due since), which is all servicing rules read.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.platform.actor import SYSTEM
from zhihui.platform.auth import Role, create_staff_user, hash_password
from zhihui.platform.models import StaffUser
from zhihui.platform.pii import lookup_hash
from zhihui.platform.validators import id_check_digit
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
    Frequency,
    PolicyStatus,
    ProductKind,
    add_months,
    add_years,
    derive_status,
    id_validity_years,
)

DEMO_PASSWORD = "zhihui-demo"

# (adcode, province, city, district): real county-level divisions, so addresses and ID area codes agree.
DISTRICTS: tuple[tuple[str, str, str, str], ...] = (
    ("110101", "北京市", "北京市", "东城区"),
    ("110102", "北京市", "北京市", "西城区"),
    ("110105", "北京市", "北京市", "朝阳区"),
    ("110108", "北京市", "北京市", "海淀区"),
    ("310101", "上海市", "上海市", "黄浦区"),
    ("310104", "上海市", "上海市", "徐汇区"),
    ("310112", "上海市", "上海市", "闵行区"),
    ("310115", "上海市", "上海市", "浦东新区"),
    ("120101", "天津市", "天津市", "和平区"),
    ("120104", "天津市", "天津市", "南开区"),
    ("500103", "重庆市", "重庆市", "渝中区"),
    ("500106", "重庆市", "重庆市", "沙坪坝区"),
    ("440104", "广东省", "广州市", "越秀区"),
    ("440106", "广东省", "广州市", "天河区"),
    ("440304", "广东省", "深圳市", "福田区"),
    ("440305", "广东省", "深圳市", "南山区"),
    ("440306", "广东省", "深圳市", "宝安区"),
    ("330102", "浙江省", "杭州市", "上城区"),
    ("330106", "浙江省", "杭州市", "西湖区"),
    ("320102", "江苏省", "南京市", "玄武区"),
    ("320106", "江苏省", "南京市", "鼓楼区"),
    ("320508", "江苏省", "苏州市", "姑苏区"),
    ("510104", "四川省", "成都市", "锦江区"),
    ("510107", "四川省", "成都市", "武侯区"),
    ("420102", "湖北省", "武汉市", "江岸区"),
    ("420106", "湖北省", "武汉市", "武昌区"),
    ("610104", "陕西省", "西安市", "莲湖区"),
    ("610113", "陕西省", "西安市", "雁塔区"),
    ("370102", "山东省", "济南市", "历下区"),
    ("370202", "山东省", "青岛市", "市南区"),
    ("410105", "河南省", "郑州市", "金水区"),
    ("430102", "湖南省", "长沙市", "芙蓉区"),
    ("430104", "湖南省", "长沙市", "岳麓区"),
    ("210102", "辽宁省", "沈阳市", "和平区"),
    ("350102", "福建省", "福州市", "鼓楼区"),
    ("350203", "福建省", "厦门市", "思明区"),
    ("340104", "安徽省", "合肥市", "蜀山区"),
    ("530102", "云南省", "昆明市", "五华区"),
)
STREETS = ("人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "新华路", "文化路", "胜利路", "青年路")

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
MALE_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志峰文斌海东亮成"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英慧莹雪琳晶倩婷颖琴云洁梅兰凤红燕萍丹蕾璐晓欣怡佳雨"
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
)
# (bank name, IIN) pairs of UnionPay debit cards; numbers are completed with a Luhn digit.
BANKS = (
    ("中国工商银行", "622202"),
    ("中国建设银行", "621700"),
    ("中国农业银行", "622848"),
    ("中国银行", "621661"),
    ("招商银行", "622588"),
    ("交通银行", "622260"),
)
OCCUPATIONS = (("0001001", 1), ("0001002", 1), ("0101001", 2), ("0201003", 3), ("0301005", 4), ("0701002", 5))

BRANCHES = (
    ("SH", "上海分公司", "上海市", "上海市"),
    ("BJ", "北京分公司", "北京市", "北京市"),
    ("GD", "广东分公司", "广东省", "广州市"),
    ("SZ", "深圳分公司", "广东省", "深圳市"),
    ("ZJ", "浙江分公司", "浙江省", "杭州市"),
    ("JS", "江苏分公司", "江苏省", "南京市"),
    ("SC", "四川分公司", "四川省", "成都市"),
    ("HB", "湖北分公司", "湖北省", "武汉市"),
)

# code, name, kind, hesitation, grace, waiting, term, renewable, min balance, fee schedule, benefit bp, start age
PRODUCTS: tuple[dict[str, Any], ...] = (
    dict(code="WL01", name="智慧传世终身寿险", kind=ProductKind.WHOLE_LIFE, waiting_days=90),
    dict(code="CI01", name="安心守护重大疾病保险", kind=ProductKind.CRITICAL_ILLNESS, waiting_days=90),
    dict(code="CI02", name="少儿康佑重大疾病保险", kind=ProductKind.CRITICAL_ILLNESS, waiting_days=90),
    dict(
        code="UL01",
        name="金账户终身寿险（万能型）",
        kind=ProductKind.UNIVERSAL_LIFE,
        min_account_balance_fen=100_000,
        withdrawal_fee_bp=[500, 400, 300, 200, 100, 0],
    ),
    dict(code="AN01", name="鑫享年年年金保险", kind=ProductKind.ANNUITY, benefit_rate_bp=1000, benefit_start_age=60),
    dict(code="AN02", name="教育金年金保险", kind=ProductKind.ANNUITY, benefit_rate_bp=2000, benefit_start_age=18),
    dict(
        code="MD01",
        name="百万医疗保险（费用补偿型）",
        kind=ProductKind.MEDICAL,
        waiting_days=30,
        term_years=1,
        renewable=True,
        max_renewal_age=100,
        grace_days=30,
    ),
    dict(
        code="AC01",
        name="畅行综合意外伤害保险",
        kind=ProductKind.ACCIDENT,
        term_years=1,
        renewable=True,
        max_renewal_age=65,
        grace_days=30,
    ),
)

STAFF = (
    ("admin", "系统管理员", Role.ADMIN, "SH", None),
    ("zuoxi", "在线坐席 小周", Role.ONLINE_AGENT, "SH", None),
    ("guiyuan", "云柜员 小林", Role.CLOUD_TELLER, "SH", None),
    ("yewuyuan", "业务员 王芳", Role.SALES_AGENT, "SH", "A0000001"),
    ("zhuanjia", "保全专家 陈工", Role.EXPERT, "SH", None),
    ("shenhe", "审核员 赵敏", Role.REVIEWER, "SH", None),
)


@dataclass
class DemoSummary:
    customers: int = 0
    policies: int = 0
    staff: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    demo_customer_phone: str | None = None
    demo_customer_name: str | None = None
    debit_in_flight_policy_no: str | None = None
    """A policy of the demo agent whose due premium is with the bank (划款中): servicing refuses to change its
    payment method or premium account until the answer comes back."""


def make_id_number(rng: random.Random, adcode: str, birth: dt.date, male: bool) -> str:
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{adcode}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_digit(first17)


def make_card_number(rng: random.Random, iin: str, length: int = 19) -> str:
    body = iin + "".join(str(rng.randrange(10)) for _ in range(length - len(iin) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:  # positions that get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _name(rng: random.Random, male: bool) -> str:
    chars = MALE_CHARS if male else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def _chunks(rows: list[dict[str, Any]], size: int = 4000) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


async def _bulk(session: AsyncSession, table: Any, rows: list[dict[str, Any]]) -> None:
    target: Table = table.__table__
    for chunk in _chunks(rows):
        await session.execute(insert(target), chunk)


async def has_demo_data(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(Customer)))


async def load_demo_data(session: AsyncSession, *, customers: int, seed: int, as_of: dt.date) -> DemoSummary:
    """Generate and insert the demo world. Same ``seed`` and ``as_of`` give the same data."""
    rng = random.Random(seed)
    summary = DemoSummary()

    for code, name, province, city in BRANCHES:
        session.add(Branch(code=code, name=name, province=province, city=city))
    product_rows = []
    for spec in PRODUCTS:
        product = Product(**spec)
        session.add(product)
        product_rows.append(product)
    await session.flush()

    demo_hash = hash_password(DEMO_PASSWORD)
    agent_ids: list[int] = []
    for username, display, role, branch, agent_code in STAFF:
        user = await create_staff_user(
            session,
            username=username,
            password=DEMO_PASSWORD,
            display_name=display,
            role=role,
            actor=SYSTEM,
            branch_code=branch,
            agent_code=agent_code,
            password_hash=demo_hash,
        )
        if role == Role.SALES_AGENT:
            agent_ids.append(user.id)
    agent_rows = []
    for i in range(2, 41):
        agent_rows.append(
            dict(
                username=f"agent{i:03d}",
                display_name=f"业务员 {_name(rng, rng.random() < 0.5)}",
                role=Role.SALES_AGENT,
                password_hash=demo_hash,
                branch_code=BRANCHES[i % len(BRANCHES)][0],
                agent_code=f"A{i:07d}",
                is_active=True,
            )
        )
    await _bulk(session, StaffUser, agent_rows)
    agent_ids += list(
        (
            await session.scalars(
                select(StaffUser.id)
                .where(StaffUser.role == Role.SALES_AGENT, StaffUser.username != "yewuyuan")
                .order_by(StaffUser.id)
            )
        ).all()
    )
    summary.staff = len(STAFF) + len(agent_rows)

    seen_ids: set[str] = set()
    customer_rows: list[dict[str, Any]] = []
    people: list[tuple[str, dt.date, bool]] = []  # name, birth, male
    for i in range(customers):
        male = rng.random() < 0.5
        adcode, province, city, district = rng.choice(DISTRICTS)
        birth = as_of - dt.timedelta(days=rng.randrange(18 * 365, 75 * 365))
        id_number = make_id_number(rng, adcode, birth, male)
        while id_number in seen_ids:
            id_number = make_id_number(rng, adcode, birth, male)
        seen_ids.add(id_number)
        phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        age = as_of.year - birth.year
        issued = as_of - dt.timedelta(days=rng.randrange(0, 3650))
        years = id_validity_years(max(0, issued.year - birth.year))
        occupation, occ_class = rng.choice(OCCUPATIONS)
        name = _name(rng, male)
        customer_rows.append(
            dict(
                customer_no=f"KH{i + 1:010d}",
                name=name,
                gender="male" if male else "female",
                birth_date=birth,
                id_type="resident_id",
                id_number=id_number,
                id_number_hash=lookup_hash(id_number),
                id_valid_from=issued,
                id_valid_until=add_years(issued, years) if years else None,
                phone=phone,
                phone_hash=lookup_hash(phone),
                province=province,
                city=city,
                district=district,
                address_detail=f"{rng.choice(STREETS)}{rng.randrange(1, 999)}号{rng.randrange(1, 30)}楼",
                occupation_code=occupation,
                occupation_class=occ_class if age < 60 else 1,
            )
        )
        people.append((name, birth, male))
        if i == 0:
            summary.demo_customer_phone, summary.demo_customer_name = phone, name
    await _bulk(session, Customer, customer_rows)
    first_id = int(await session.scalar(select(func.min(Customer.id))) or 1)
    summary.customers = customers

    statuses = (
        [PolicyStatus.IN_FORCE] * 70
        + [PolicyStatus.GRACE] * 8
        + [PolicyStatus.LAPSED] * 10
        + [PolicyStatus.TERMINATED] * 5
        + [PolicyStatus.SURRENDERED] * 7
    )
    policy_rows: list[dict[str, Any]] = []
    role_specs: list[list[dict[str, Any]]] = []
    installment_specs: list[list[dict[str, Any]]] = []
    account_specs: list[int | None] = []
    derived_statuses: list[PolicyStatus] = []
    counts: dict[str, int] = {}
    seq = 0
    for idx in range(customers):
        cid = first_id + idx
        n_policies = 1 + (rng.random() < 0.45) + (rng.random() < 0.15)
        for _ in range(n_policies):
            seq += 1
            product = rng.choice(product_rows)
            status = rng.choice(statuses) if seq > 1 else PolicyStatus.IN_FORCE
            if idx == 0:  # the demo customer always has an in-force policy of each early product
                product = product_rows[min(seq - 1, len(product_rows) - 1)]
                status = PolicyStatus.IN_FORCE
            spec = _policy_spec(rng, product, status, as_of)
            derived = derive_status(
                on=as_of,
                paid_to_date=spec["paid_to"],
                payment_end_date=spec["payment_end"],
                grace_days=product.grace_days,
                end_date=spec["end"],
                closed_status=spec["closed"],
                closed_on=spec["closed_on"],
            )
            counts[str(derived)] = counts.get(str(derived), 0) + 1
            derived_statuses.append(derived)
            bank, iin = rng.choice(BANKS)
            card = make_card_number(rng, iin)
            policy_rows.append(
                dict(
                    policy_no=f"PD{seq:012d}",
                    product_id=product.id,
                    branch_code=BRANCHES[idx % len(BRANCHES)][0],
                    agent_id=rng.choice(agent_ids) if seq > 1 else agent_ids[0],
                    premium_fen=spec["premium"],
                    sum_assured_fen=spec["sum_assured"],
                    frequency=spec["frequency"],
                    payment_method="auto_debit" if rng.random() < 0.85 else "self_pay",
                    issue_date=spec["issue"],
                    end_date=spec["end"],
                    paid_to_date=spec["paid_to"],
                    payment_end_date=spec["payment_end"],
                    premium_bank=bank,
                    premium_account=card,
                    premium_account_holder=people[idx][0],
                    benefit_bank=bank,
                    benefit_account=card,
                    benefit_account_holder=people[idx][0],
                    renewal_flag=True if product.renewable else None,
                    closed_status=spec["closed"],
                    closed_on=spec["closed_on"],
                    claim_pending=False,
                    version=1,
                )
            )
            insured = cid
            relation = "self"
            if rng.random() < 0.25 and customers > 1:
                insured = first_id + rng.randrange(customers)
                relation = rng.choice(["spouse", "child", "parent"])
            roles = [
                dict(customer_id=cid, role="policyholder"),
                dict(customer_id=insured, role="insured", relation_to_insured=relation),
            ]
            if product.kind in (ProductKind.WHOLE_LIFE, ProductKind.UNIVERSAL_LIFE, ProductKind.CRITICAL_ILLNESS):
                if rng.random() < 0.5 and customers > 2:
                    a, b = first_id + rng.randrange(customers), first_id + rng.randrange(customers)
                    share = rng.choice([5000, 6000, 7000])
                    roles += [
                        dict(
                            customer_id=a,
                            role="beneficiary",
                            beneficiary_order=1,
                            share_bp=share,
                            relation_to_insured=rng.choice(["spouse", "child"]),
                        ),
                        dict(
                            customer_id=b,
                            role="beneficiary",
                            beneficiary_order=1,
                            share_bp=10000 - share,
                            relation_to_insured=rng.choice(["child", "parent"]),
                        ),
                    ]
                else:
                    roles.append(
                        dict(
                            customer_id=None,
                            role="beneficiary",
                            beneficiary_order=1,
                            share_bp=10000,
                            relation_to_insured="statutory",
                        )
                    )
            role_specs.append(roles)
            installment_specs.append(spec["installments"])
            account_specs.append(
                rng.randrange(5_000_00, 500_000_00) if product.kind == ProductKind.UNIVERSAL_LIFE else None
            )
    summary.debit_in_flight_policy_no = _put_one_debit_in_flight(
        policy_rows, installment_specs, derived_statuses, agent_id=agent_ids[0], as_of=as_of
    )
    await _bulk(session, Policy, policy_rows)
    rows = await session.execute(select(Policy.id, Policy.policy_no).where(Policy.policy_no.like("PD%")))
    id_by_no = {no: pid for pid, no in rows}
    role_rows, inst_rows, account_rows = [], [], []
    for prow, roles, insts, balance in zip(policy_rows, role_specs, installment_specs, account_specs, strict=True):
        pid = id_by_no[prow["policy_no"]]
        role_rows += [
            dict(policy_id=pid, beneficiary_order=None, share_bp=None, relation_to_insured=None) | r for r in roles
        ]
        inst_rows += [dict(policy_id=pid, debit_submitted_at=None) | i for i in insts]
        if balance is not None:
            account_rows.append(dict(policy_id=pid, balance_fen=balance, credited_rate_bp=300))
    await _bulk(session, PolicyRole, role_rows)
    await _bulk(session, PremiumInstallment, inst_rows)
    await _bulk(session, UniversalAccount, account_rows)
    acc = await session.execute(select(UniversalAccount.id, UniversalAccount.balance_fen))
    await _bulk(
        session,
        AccountTransaction,
        [
            dict(account_id=aid, kind="premium", amount_fen=bal, balance_after_fen=bal, reference="demo")
            for aid, bal in acc
        ],
    )
    summary.policies = len(policy_rows)
    summary.status_counts = counts
    return summary


def _put_one_debit_in_flight(
    policy_rows: list[dict[str, Any]],
    installment_specs: list[list[dict[str, Any]]],
    statuses: list[PolicyStatus],
    *,
    agent_id: int,
    as_of: dt.date,
) -> str | None:
    """Mark the due premium of one auto-debit policy in its grace period as sent to the bank that morning, so a
    person can see servicing refuse a payment-method or account change on it. The demo agent's own policy if
    there is one, else the first such policy, handed to the demo agent. Draws no random numbers (the rest of
    the data stays as the seed makes it). Returns its policy number."""
    candidates = [
        i
        for i, (row, status) in enumerate(zip(policy_rows, statuses, strict=True))
        if status == PolicyStatus.GRACE
        and row["payment_method"] == "auto_debit"
        and any(inst["paid_on"] is None for inst in installment_specs[i])
    ]
    if not candidates:
        return None
    chosen = next((i for i in candidates if policy_rows[i]["agent_id"] == agent_id), candidates[0])
    policy_rows[chosen]["agent_id"] = agent_id
    unpaid = min((inst for inst in installment_specs[chosen] if inst["paid_on"] is None), key=lambda r: r["due_date"])
    # 09:00 in Shanghai: the morning's debit file went to the bank and has not been answered.
    unpaid["debit_submitted_at"] = dt.datetime.combine(as_of, dt.time(1, 0), tzinfo=dt.UTC)
    return str(policy_rows[chosen]["policy_no"])


def _policy_spec(rng: random.Random, product: Product, status: PolicyStatus, as_of: dt.date) -> dict[str, Any]:
    """Dates and money of one policy such that its derived status on ``as_of`` is ``status``."""
    if product.term_years:  # one-year products: annual or monthly premium over the term
        frequency = Frequency.ANNUAL if rng.random() < 0.7 else Frequency.MONTHLY
    else:
        frequency = rng.choices(
            [Frequency.ANNUAL, Frequency.MONTHLY, Frequency.SEMIANNUAL, Frequency.QUARTERLY, Frequency.SINGLE],
            [60, 15, 5, 5, 15],
        )[0]
    months = FREQUENCY_MONTHS[frequency]
    sum_assured = rng.choice([100_000, 200_000, 300_000, 500_000, 1_000_000]) * 100
    premium = max(100_00, sum_assured // rng.choice([20, 40, 80]) // (12 // months if months else 1))
    if product.kind == ProductKind.MEDICAL:
        sum_assured, premium = 3_000_000_00, rng.choice([300_00, 600_00, 1200_00]) // (12 // months if months else 1)
    closed: str | None = None
    closed_on: dt.date | None = None
    grace = product.grace_days

    if frequency == Frequency.SINGLE:
        issue = as_of - dt.timedelta(days=rng.randrange(30, 3000))
        if status in (PolicyStatus.GRACE, PolicyStatus.LAPSED):
            status = PolicyStatus.IN_FORCE  # a single-premium policy cannot fall behind on premiums
        paid_to = add_years(issue, 100)
        payment_end = None
        installments = [dict(due_date=issue, amount_fen=premium, paid_on=issue)]
    else:
        if status == PolicyStatus.GRACE:
            paid_to = as_of - dt.timedelta(days=rng.randrange(1, grace))
        elif status == PolicyStatus.LAPSED:
            # a one-year product lapses within its (renewed) term; long-term ones may stay lapsed for years
            longest = grace + (300 if product.term_years else 900)
            paid_to = as_of - dt.timedelta(days=rng.randrange(grace + 5, longest))
        else:
            paid_to = as_of + dt.timedelta(days=rng.randrange(1, max(2, months * 30)))
        periods_paid = rng.randrange(1, 8 if months >= 12 else 30)
        issue = add_months(paid_to, -months * periods_paid)
        if product.term_years:
            issue = add_months(paid_to, -12) if months == 12 else add_months(paid_to, -months * min(periods_paid, 11))
        payment_years = product.term_years or rng.choice([10, 15, 20])
        payment_end = add_years(issue, payment_years)
        if payment_end <= paid_to:
            payment_end = add_months(paid_to, months)
        installments = [
            dict(due_date=add_months(paid_to, -months), amount_fen=premium, paid_on=add_months(paid_to, -months))
        ]
        due = paid_to
        while due <= as_of and due < payment_end:
            installments.append(dict(due_date=due, amount_fen=premium, paid_on=None))
            due = add_months(due, months)
    end = add_years(issue, product.term_years) - dt.timedelta(days=1) if product.term_years else None
    if end is not None and status in (PolicyStatus.GRACE, PolicyStatus.LAPSED):
        end = add_years(end, 1)  # renewed, but the renewal premium is still unpaid
    if status == PolicyStatus.TERMINATED:
        closed, closed_on = "terminated", as_of - dt.timedelta(days=rng.randrange(1, 400))
    elif status == PolicyStatus.SURRENDERED:
        closed, closed_on = "surrendered", as_of - dt.timedelta(days=rng.randrange(1, 400))
    if closed_on is not None and closed_on < issue:
        closed_on = issue + dt.timedelta(days=1)
    return dict(
        frequency=frequency,
        premium=premium,
        sum_assured=sum_assured,
        issue=issue,
        end=end,
        paid_to=paid_to,
        payment_end=payment_end,
        closed=closed,
        closed_on=closed_on,
        installments=installments,
    )
