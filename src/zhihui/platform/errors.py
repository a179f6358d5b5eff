"""Errors that services raise; ``platform.web`` is the only place they become HTTP responses.

Hierarchy::

    ZhihuiError                 a rule refused the request (4xx); carries a stable ``code``
    ├── NotFound                404
    ├── Conflict                409
    ├── Unauthorized            401
    ├── Forbidden               403
    ├── PayloadTooLarge         413
    ├── UnsupportedMediaType    415
    ├── TooManyRequests         429
    └── ServiceUnavailable      503

Each module defines its codes in its own ``errors.py`` as a ``StrEnum`` and registers the Chinese
messages with :func:`register_messages`. Codes are API contract: add or deprecate, never rename.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, ClassVar


class PlatformError(StrEnum):
    INTERNAL_ERROR = "internal_error"
    VALIDATION_FAILED = "validation_failed"
    NOT_FOUND = "not_found"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    BAD_REQUEST = "bad_request"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    INVALID_ID_NUMBER = "invalid_id_number"
    INVALID_PHONE = "invalid_phone"
    INVALID_BANK_ACCOUNT = "invalid_bank_account"
    INVALID_DATE = "invalid_date"
    INVALID_CHOICE = "invalid_choice"
    FIELD_REQUIRED = "field_required"
    VALUE_TOO_LONG = "value_too_long"
    INVALID_VALUE = "invalid_value"
    SERVICE_UNAVAILABLE = "service_unavailable"


_MESSAGES: dict[str, str] = {
    PlatformError.INTERNAL_ERROR: "系统开小差了，请稍后再试；如多次出现请联系客服。",
    PlatformError.VALIDATION_FAILED: "提交的信息有误，请按提示修改后重试。",
    PlatformError.NOT_FOUND: "没有找到您要的内容，请确认链接或编号是否正确。",
    PlatformError.NOT_AUTHENTICATED: "请先登录。",
    PlatformError.PERMISSION_DENIED: "您没有办理此项业务的权限。",
    PlatformError.METHOD_NOT_ALLOWED: "不支持此操作方式。",
    PlatformError.BAD_REQUEST: "请求格式不正确。",
    PlatformError.PAYLOAD_TOO_LARGE: "提交的内容过大。",
    PlatformError.INVALID_ID_NUMBER: "身份证号码不正确，请核对位数、出生日期和最后一位校验码。",
    PlatformError.INVALID_PHONE: "手机号码不正确，请输入11位中国大陆手机号。",
    PlatformError.INVALID_BANK_ACCOUNT: "银行账号不正确，请核对后重新输入。",
    PlatformError.INVALID_DATE: "日期不正确，请按 年-月-日 格式填写。",
    PlatformError.INVALID_CHOICE: "所选的值不在可选范围内。",
    PlatformError.FIELD_REQUIRED: "此项为必填项。",
    PlatformError.VALUE_TOO_LONG: "内容过长，请精简后再提交。",
    PlatformError.INVALID_VALUE: "填写的内容不符合要求。",
    PlatformError.SERVICE_UNAVAILABLE: "服务暂时不可用，请稍后再试。",
}


def register_messages(messages: Mapping[str, str]) -> None:
    """Add a module's code -> Chinese message catalog."""
    _MESSAGES.update({str(k): v for k, v in messages.items()})


def message_for(code: str, params: Mapping[str, Any] | None = None) -> str:
    template = _MESSAGES.get(code, _MESSAGES[PlatformError.VALIDATION_FAILED])
    if params:
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template
    return template


class ZhihuiError(Exception):
    """A business rule refused the request. ``params`` must hold no personal data."""

    status: ClassVar[int] = 400

    def __init__(
        self,
        code: str,
        *,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
        detail: str | None = None,
    ) -> None:
        self.code = str(code)
        self.field = field
        self.params = dict(params or {})
        self.detail = detail or message_for(self.code, self.params)
        super().__init__(f"{self.code}: {self.detail}")


class NotFound(ZhihuiError):
    status = 404


class Conflict(ZhihuiError):
    status = 409


class Unauthorized(ZhihuiError):
    status = 401


class Forbidden(ZhihuiError):
    status = 403


class TooManyRequests(ZhihuiError):
    status = 429


class PayloadTooLarge(ZhihuiError):
    status = 413


class UnsupportedMediaType(ZhihuiError):
    status = 415


class ServiceUnavailable(ZhihuiError):
    status = 503
