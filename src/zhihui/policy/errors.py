"""Error codes of the policy core (API contract: add, never rename)."""

from enum import StrEnum

from zhihui.platform.errors import register_messages


class PolicyError(StrEnum):
    DUPLICATE_CUSTOMER = "duplicate_customer"
    CUSTOMER_NOT_FOUND = "customer_not_found"
    POLICY_NOT_FOUND = "policy_not_found"
    PRODUCT_NOT_FOUND = "product_not_found"
    DUPLICATE_PRODUCT = "duplicate_product"
    BIRTH_DATE_MISMATCH = "birth_date_mismatch"
    GENDER_MISMATCH = "gender_mismatch"
    SHARES_NOT_100 = "beneficiary_shares_not_100"
    ROLE_MISSING = "policy_role_missing"
    UNKNOWN_FIELD = "unknown_pii_field"
    REASON_REQUIRED = "reveal_reason_required"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    NO_ACCOUNT = "no_universal_account"
    ID_VALIDITY_INVALID = "id_validity_invalid"
    POLICY_CLOSED = "policy_closed"
    DEBIT_IN_FLIGHT = "premium_debit_in_flight"
    NO_DEBIT_IN_FLIGHT = "no_premium_debit_in_flight"
    NO_PREMIUM_DUE = "no_premium_due"
    NO_PREMIUM_ACCOUNT = "no_premium_account"


register_messages(
    {
        PolicyError.DUPLICATE_CUSTOMER: "该证件号码的客户已存在，请勿重复创建。",
        PolicyError.CUSTOMER_NOT_FOUND: "没有找到该客户。",
        PolicyError.POLICY_NOT_FOUND: "没有找到该保单，请核对保单号。",
        PolicyError.PRODUCT_NOT_FOUND: "没有找到该产品。",
        PolicyError.DUPLICATE_PRODUCT: "产品代码已存在。",
        PolicyError.BIRTH_DATE_MISMATCH: "出生日期与身份证号码不一致。",
        PolicyError.GENDER_MISMATCH: "性别与身份证号码不一致。",
        PolicyError.SHARES_NOT_100: "同一受益顺位的受益份额合计须为100%。",
        PolicyError.ROLE_MISSING: "保单须有一位投保人和一位被保险人。",
        PolicyError.UNKNOWN_FIELD: "不支持查看该字段。",
        PolicyError.REASON_REQUIRED: "查看完整信息须填写查看原因。",
        PolicyError.INSUFFICIENT_BALANCE: "账户余额不足。",
        PolicyError.NO_ACCOUNT: "该保单没有万能账户。",
        PolicyError.ID_VALIDITY_INVALID: "证件有效期不正确：截止日期须晚于起始日期。",
        PolicyError.POLICY_CLOSED: "保单已终止或已退保，不能办理此项业务。",
        PolicyError.DEBIT_IN_FLIGHT: "该期保费正在银行划款中，请等划款结果返回后再处理。",
        PolicyError.NO_DEBIT_IN_FLIGHT: "该保单没有正在划款中的保费。",
        PolicyError.NO_PREMIUM_DUE: "该保单没有待交的保费。",
        PolicyError.NO_PREMIUM_ACCOUNT: "该保单没有登记交费账户，不能发起银行划款。",
    }
)
