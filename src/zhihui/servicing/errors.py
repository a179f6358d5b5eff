"""Error codes of servicing (API contract: add, never rename) and their Chinese messages."""

from enum import StrEnum

from zhihui.platform.errors import register_messages


class ServicingError(StrEnum):
    ITEM_UNKNOWN = "servicing_item_unknown"
    APPLICANT_NOT_ALLOWED = "applicant_not_allowed"
    NOT_A_PARTY = "not_a_party_of_policy"
    NOT_AGENTS_POLICY = "not_agents_policy"
    POLICY_NOT_IN_FORCE = "policy_not_in_force"
    POLICY_NOT_LAPSED = "policy_not_lapsed"
    REINSTATEMENT_WINDOW_PASSED = "reinstatement_window_passed"
    CLAIM_PENDING = "claim_pending"
    DEBIT_IN_FLIGHT = "debit_in_flight"
    MINOR_APPLICANT = "minor_applicant"
    ID_EXPIRED = "id_expired"
    APPLICATION_NOT_FOUND = "application_not_found"
    APPLICATION_NOT_EDITABLE = "application_not_editable"
    APPLICATION_STALE = "application_stale"
    FACE_REQUIRED = "face_verification_required"
    FACE_FAILED = "face_verification_failed"
    FACE_NOT_NEEDED = "face_verification_not_needed"
    SIGNATURE_REQUIRED = "signature_required"
    SIGNATURE_INVALID = "signature_invalid"
    NOTHING_CHANGED = "nothing_changed"
    PHONE_CODE_REQUIRED = "new_phone_code_required"
    CONSENT_CODE_REQUIRED = "insured_consent_required"
    CONSENT_NOT_NEEDED = "insured_consent_not_needed"
    IDENTITY_MISMATCH = "identity_mismatch"
    ID_VALIDITY_WRONG = "id_validity_wrong"
    OCCUPATION_INCOMPLETE = "occupation_incomplete"
    NOT_UNIVERSAL_LIFE = "not_universal_life"
    IN_HESITATION_PERIOD = "in_hesitation_period"
    WITHDRAWAL_BELOW_MINIMUM = "withdrawal_below_minimum"
    WITHDRAWAL_NOT_MULTIPLE = "withdrawal_not_multiple"
    WITHDRAWAL_ABOVE_ALLOWED = "withdrawal_above_allowed"
    NO_PAYOUT_ACCOUNT = "no_payout_account"
    PAYMENT_FINISHED = "payment_period_finished"
    FREQUENCY_NOT_AT_ANNIVERSARY = "frequency_not_at_anniversary"
    FREQUENCY_NOT_ALLOWED = "frequency_not_allowed"
    AUTO_DEBIT_NEEDS_ACCOUNT = "auto_debit_needs_account"
    SHARES_NOT_100 = "shares_not_100"
    BENEFICIARY_IS_INSURED = "beneficiary_is_insured"
    BENEFICIARY_RELATION_INVALID = "beneficiary_relation_invalid"
    BENEFICIARY_NAME_MISMATCH = "beneficiary_name_mismatch"
    BENEFICIARY_DUPLICATE = "beneficiary_duplicate"
    BENEFICIARIES_REQUIRED = "beneficiaries_required"
    NOT_RENEWABLE = "not_renewable"
    WITHDRAWN_FROM_SALE = "withdrawn_from_sale"
    OVER_MAX_RENEWAL_AGE = "over_max_renewal_age"
    TERM_ENDED = "term_ended"
    ACCOUNT_HOLDER_MISMATCH = "account_holder_mismatch"
    ACCOUNT_UNCHANGED = "account_unchanged"
    BANK_UNKNOWN = "bank_unknown"
    NOT_AN_ANNUITY = "benefit_not_payable_product"
    BENEFIT_AGE_NOT_REACHED = "benefit_age_not_reached"
    BENEFIT_ALREADY_PAID = "benefit_already_paid"
    CONFIRMATION_REQUIRED = "confirmation_required"
    HEALTH_ANSWERS_REQUIRED = "health_answers_required"
    REVIEW_NOT_PENDING = "review_not_pending"
    REASON_REQUIRED = "review_reason_required"
    ENDORSEMENT_NOT_READY = "endorsement_not_ready"


register_messages(
    {
        ServicingError.ITEM_UNKNOWN: "不支持该保全项目。",
        ServicingError.APPLICANT_NOT_ALLOWED: "{role}不能申请“{item}”，请由{allowed}办理。",
        ServicingError.NOT_A_PARTY: "您不是该保单的投保人、被保险人或受益人，不能办理此业务。",
        ServicingError.NOT_AGENTS_POLICY: "该保单不由您服务，不能为其分享办理链接。",
        ServicingError.POLICY_NOT_IN_FORCE: "保单当前状态为“{status}”，不能办理“{item}”。",
        ServicingError.POLICY_NOT_LAPSED: "只有效力中止的保单才能申请复效，该保单当前状态为“{status}”。",
        ServicingError.REINSTATEMENT_WINDOW_PASSED: "保单已于{lapse}效力中止，复效申请须在{deadline}前提出，"
        "现已超过两年复效期。",
        ServicingError.CLAIM_PENDING: "保单有未结案的理赔，暂不能办理此业务，请理赔结案后再申请。",
        ServicingError.DEBIT_IN_FLIGHT: "该保单有一笔续期保费正在银行划款中，请划款结果返回后再办理。",
        ServicingError.MINOR_APPLICANT: "申请人未满18周岁，需由父母或其他监护人签字，请由监护人陪同到柜面办理。",
        ServicingError.ID_EXPIRED: "您的身份证件已于{until}过期，请先通过“客户信息变更”更新证件有效期。",
        ServicingError.APPLICATION_NOT_FOUND: "没有找到该保全申请。",
        ServicingError.APPLICATION_NOT_EDITABLE: "该申请当前状态为“{status}”，不能再修改或提交。",
        ServicingError.APPLICATION_STALE: "申请提交后保单已发生变更，本申请不能直接生效，请退回客户重新提交。",
        ServicingError.FACE_REQUIRED: "此项业务涉及资金或账户安全，请先完成刷脸验证。",
        ServicingError.FACE_FAILED: "刷脸验证未通过，请重新验证或联系人工客服办理。",
        ServicingError.FACE_NOT_NEEDED: "此项业务无需刷脸验证。",
        ServicingError.SIGNATURE_REQUIRED: "请在签名区域手写签名后再提交。",
        ServicingError.SIGNATURE_INVALID: "签名图片无法识别，请清除后重新签名。",
        ServicingError.NOTHING_CHANGED: "您没有修改任何信息。",
        ServicingError.PHONE_CODE_REQUIRED: "请填写发送到新手机号的验证码，以确认新手机号由您本人使用。",
        ServicingError.CONSENT_CODE_REQUIRED: "投保人申请此项业务须经被保险人同意：请填写发送到被保险人手机的验证码。",
        ServicingError.CONSENT_NOT_NEEDED: "此申请无需被保险人另行确认。",
        ServicingError.IDENTITY_MISMATCH: "姓名或身份证号码与我们登记的信息不一致，请核对后重新输入。",
        ServicingError.ID_VALIDITY_WRONG: "证件有效期不正确：{hint}",
        ServicingError.OCCUPATION_INCOMPLETE: "请同时填写职业代码和职业类别。",
        ServicingError.NOT_UNIVERSAL_LIFE: "只有万能型保险的保单账户可以部分领取。",
        ServicingError.IN_HESITATION_PERIOD: "保单仍在犹豫期内（至{until}），犹豫期后才能部分领取。",
        ServicingError.WITHDRAWAL_BELOW_MINIMUM: "每次领取金额不能低于{minimum}元。",
        ServicingError.WITHDRAWAL_NOT_MULTIPLE: "领取金额须为{step}元的整数倍。",
        ServicingError.WITHDRAWAL_ABOVE_ALLOWED: "领取后账户余额不能低于{floor}元，本次最多可领取{maximum}元。",
        ServicingError.NO_PAYOUT_ACCOUNT: "保单没有登记收款账户，请先办理“领款信息变更”或“交款信息变更”。",
        ServicingError.PAYMENT_FINISHED: "该保单已无续期保费，无需变更交费方式。",
        ServicingError.FREQUENCY_NOT_AT_ANNIVERSARY: "交费频次只能在保单周年日变更：请在{start}至{anniversary}"
        "期间申请，并先交清周年日前的保费。",
        ServicingError.FREQUENCY_NOT_ALLOWED: "该保单不支持改为此交费频次。",
        ServicingError.AUTO_DEBIT_NEEDS_ACCOUNT: "选择银行自动转账须先登记交费账户，请先办理“交款信息变更”。",
        ServicingError.SHARES_NOT_100: "第{order}顺位受益人的受益份额合计为{total}%，须恰好为100%。",
        ServicingError.BENEFICIARY_IS_INSURED: "身故受益人不能是被保险人本人。",
        ServicingError.BENEFICIARY_RELATION_INVALID: "请选择受益人与被保险人的关系。",
        ServicingError.BENEFICIARY_NAME_MISMATCH: "受益人“{name}”的姓名与身份证号码不一致，请核对。",
        ServicingError.BENEFICIARY_DUPLICATE: "同一受益人不能重复填写。",
        ServicingError.BENEFICIARIES_REQUIRED: "请至少填写一位受益人，或选择“法定继承人”。",
        ServicingError.NOT_RENEWABLE: "该产品不是可续保的短期险，没有续保标识。",
        ServicingError.WITHDRAWN_FROM_SALE: "该产品已停售，不能设置为续保，只能取消续保。",
        ServicingError.OVER_MAX_RENEWAL_AGE: "被保险人续保时将满{age}周岁，超过产品最高续保年龄{max_age}周岁，"
        "不能设置为续保。",
        ServicingError.TERM_ENDED: "本保险期间已结束，不能再变更续保标识。",
        ServicingError.ACCOUNT_HOLDER_MISMATCH: "账户户名须为{allowed}本人。",
        ServicingError.ACCOUNT_UNCHANGED: "新账户与当前账户相同，无需变更。",
        ServicingError.BANK_UNKNOWN: "请从列表中选择开户银行。",
        ServicingError.NOT_AN_ANNUITY: "该保单没有可领取的生存金或年金。",
        ServicingError.BENEFIT_AGE_NOT_REACHED: "被保险人年满{age}周岁后才能领取，预计可领取日期为{date}。",
        ServicingError.BENEFIT_ALREADY_PAID: "本保单年度的生存金/年金已经领取或正在办理。",
        ServicingError.CONFIRMATION_REQUIRED: "请勾选确认后再提交。",
        ServicingError.HEALTH_ANSWERS_REQUIRED: "请逐项回答健康告知问题。",
        ServicingError.REVIEW_NOT_PENDING: "该申请不在待审核状态。",
        ServicingError.REASON_REQUIRED: "请填写原因，客户会在短信和页面上看到。",
        ServicingError.ENDORSEMENT_NOT_READY: "申请尚未生效，暂无批单。",
    }
)
