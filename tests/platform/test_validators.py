import datetime as dt

import pytest

from zhihui.platform.validators import (
    bank_account_problem,
    id_check_digit,
    id_number_problem,
    is_valid_mobile,
    luhn_ok,
)


def test_id_check_digit_matches_gb11643_example() -> None:
    # The standard's worked example: 11010519491231002X
    assert id_check_digit("11010519491231002") == "X"
    assert id_number_problem("11010519491231002X") is None


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("1101051949123100", "18位"),
        ("11010519491231002Y", "最后一位"),
        ("110105194912310021", "校验码"),
        ("110105194902300023", "出生日期"),
        ("110105299912310021", "不合理"),
    ],
)
def test_id_number_problem_explains_each_kind_of_error(value: str, hint: str) -> None:
    problem = id_number_problem(value, today=dt.date(2026, 1, 1))
    assert problem is not None and hint in problem


def test_mobile_and_luhn() -> None:
    assert is_valid_mobile("13912345678")
    assert not is_valid_mobile("12912345678")
    assert not is_valid_mobile("1391234567")
    assert luhn_ok("6222020200112233446")
    assert not luhn_ok("6222020200112233445")
    assert bank_account_problem("6222020200112233445") is not None
    assert bank_account_problem("6222020200112233446") is None
    assert bank_account_problem("12345678901") is None  # a non-card account: length only
