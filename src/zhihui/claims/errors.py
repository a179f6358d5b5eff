"""Error codes of claim reporting (API contract: add, never rename)."""

from enum import StrEnum

from zhihui.platform.errors import register_messages


class ClaimsError(StrEnum):
    DIALOG_NOT_FOUND = "claim_dialog_not_found"
    WORK_ORDER_NOT_FOUND = "claim_work_order_not_found"
    UNKNOWN_SLOT = "claim_unknown_slot"
    INVALID_SLOT_VALUE = "claim_invalid_slot_value"
    WORK_ORDER_NOT_PENDING = "claim_work_order_not_pending"
    WORK_ORDER_NOT_VERIFIED = "claim_work_order_not_verified"
    REF_DATE_OUT_OF_RANGE = "claim_ref_date_out_of_range"


register_messages(
    {
        ClaimsError.DIALOG_NOT_FOUND: "没有找到这次报案对话，请重新发起报案。",
        ClaimsError.WORK_ORDER_NOT_FOUND: "没有找到该报案工单，请核对报案号。",
        ClaimsError.UNKNOWN_SLOT: "没有这个报案项目。",
        ClaimsError.INVALID_SLOT_VALUE: "{label}填写不正确：{reason}",
        ClaimsError.WORK_ORDER_NOT_PENDING: "该工单已核实，不能再修改；如需更改请联系管理员。",
        ClaimsError.WORK_ORDER_NOT_VERIFIED: "工单须先核实才能关闭。",
        ClaimsError.REF_DATE_OUT_OF_RANGE: "参考日期超出允许范围（前后一年内）。",
    }
)
