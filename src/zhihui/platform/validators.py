"""Format checks for Chinese identity documents, phones and bank accounts, and Pydantic types using them.

The checks raise Pydantic errors whose ``type`` is a platform error code, so a bad value sent to any API
comes back as problem+json with that code and a Chinese message.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from zhihui.platform.errors import PlatformError, message_for

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")
_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_problem(value: str, *, today: dt.date | None = None) -> str | None:
    """Why an 18-digit resident ID number is invalid (a Chinese hint), or None when it is valid."""
    if len(value) != 18:
        return "身份证号码应为18位"
    if not _ID_RE.match(value):
        return "身份证号码前17位应为数字，最后一位为数字或X"
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "身份证号码中的出生日期不存在"
    if birth.year < 1900 or birth > (today or dt.date.today()):
        return "身份证号码中的出生日期不合理"
    if id_check_digit(value[:17]) != value[17]:
        return "身份证号码最后一位校验码不对，请逐位核对"
    return None


def is_valid_id_number(value: str) -> bool:
    return id_number_problem(value) is None


def id_birth_date(value: str) -> dt.date:
    return dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def id_gender(value: str) -> str:
    """``male`` / ``female`` from the 17th digit (odd = male)."""
    return "male" if int(value[16]) % 2 else "female"


def is_valid_mobile(value: str) -> bool:
    return bool(_MOBILE_RE.match(value))


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check used by UnionPay card numbers."""
    if not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def bank_account_problem(value: str) -> str | None:
    """Card numbers (16–19 digits starting with 62/4/5) must pass Luhn; other accounts 8–30 digits."""
    if not value.isdigit() or not 8 <= len(value) <= 30:
        return "银行账号应为8到30位数字"
    is_card = 16 <= len(value) <= 19 and value[0] in "456"
    if is_card and not luhn_ok(value):
        return "银行卡号校验不通过，请逐位核对"
    return None


def _strip(value: object) -> object:
    if isinstance(value, str):
        return re.sub(r"[\s-]", "", value).upper()
    return value


def _check_id(value: str) -> str:
    problem = id_number_problem(value)
    if problem:
        raise PydanticCustomError(PlatformError.INVALID_ID_NUMBER, problem)
    return value


def _check_mobile(value: str) -> str:
    if not is_valid_mobile(value):
        raise PydanticCustomError(PlatformError.INVALID_PHONE, message_for(PlatformError.INVALID_PHONE))
    return value


def _check_account(value: str) -> str:
    problem = bank_account_problem(value)
    if problem:
        raise PydanticCustomError(PlatformError.INVALID_BANK_ACCOUNT, problem)
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control_characters(value: object) -> object:
    """Drop NUL and other control characters (PostgreSQL refuses NUL in text; none belong in free text)."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


FreeText = Annotated[str, BeforeValidator(strip_control_characters)]
"""Text typed or spoken by a person, safe to store on every database."""

IdNumber = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_id)]
MobilePhone = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_mobile)]
BankAccount = Annotated[str, BeforeValidator(_strip), AfterValidator(_check_account)]
