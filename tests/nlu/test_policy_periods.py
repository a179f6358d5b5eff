"""Durations that name a period of the policy's life (sentences written for these tests)."""

import pytest

from zhihui.nlu.policy_periods import period_cues


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("保单签收才五天，家里人反对，想退", ["犹豫期"]),
        ("刚买的保险后悔了", ["犹豫期"]),
        ("买了两周多就出了车祸，能赔吗", ["犹豫期"]),
        ("这份保险交了四年了，现在退保亏多少", ["犹豫期过后"]),
        ("保费晚交了二十天，保障还在吗", ["宽限期"]),
        ("忘了交保费，都过去四个月了", ["效力中止 复效"]),
        ("停交一年多的保单还能续上吗", ["效力中止 复效"]),
        ("保单生效第50天确诊了甲状腺癌", ["等待期"]),
        ("刚投保没多久就查出了结节，会不会不赔", ["等待期"]),
    ],
)
def test_durations_point_to_the_period(text: str, cues: list[str]) -> None:
    assert period_cues(text) == cues


@pytest.mark.parametrize(
    "text",
    ["买了三年的重疾险，住院能赔吗", "保单贷款的利率是多少", "我想查一下名下有几份保单", "今年的分红什么时候发"],
)
def test_no_duration_no_period(text: str) -> None:
    assert period_cues(text) == []
