import datetime as dt

import pytest

from zhihui.nlu.dates import SPRING_FESTIVAL, find_dates, resolve_date

REF = dt.date(2027, 4, 15)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天上午", "2027-04-15"),
        ("昨天晚上", "2027-04-14"),
        ("前天", "2027-04-13"),
        ("大前天", "2027-04-12"),
        ("上周三", "2027-04-07"),
        ("这周一", "2027-04-12"),
        ("上个星期天", "2027-04-11"),
        ("上礼拜五", "2027-04-09"),
        ("这个月3号", "2027-04-03"),
        ("上个月底", "2027-03-31"),
        ("上个月初", "2027-03-01"),
        ("4月1号", "2027-04-01"),
        ("4月1日", "2027-04-01"),
        ("二零二七年四月二号", "2027-04-02"),
        ("2027-04-02", "2027-04-02"),
        ("2027年4月2日", "2027-04-02"),
        ("去年十二月三十一号", "2026-12-31"),
        ("十一月五号", "2026-11-05"),
        ("三天前", "2027-04-12"),
        ("半个月前", "2027-03-31"),
        ("周末", "2027-04-10"),
        ("元旦那天", "2027-01-01"),
        ("大年初三", "2027-02-08"),
        ("除夕", "2027-02-05"),
        ("年前", "2027-02-05"),
        ("12号", "2027-04-12"),
    ],
)
def test_expressions(text: str, expected: str) -> None:
    found = resolve_date(text, REF)
    assert found is not None, text
    assert found.value.isoformat() == expected


def test_spring_festival_table_covers_2020_to_2035() -> None:
    assert set(SPRING_FESTIVAL) == set(range(2020, 2036))
    assert SPRING_FESTIVAL[2027] == dt.date(2027, 2, 6)


def test_future_dates_are_flagged_not_dropped() -> None:
    found = resolve_date("2027年5月20日", REF)
    assert found is not None and found.future
    tomorrow = resolve_date("明天", REF)
    assert tomorrow is not None and tomorrow.future


def test_several_mentions_in_order() -> None:
    found = find_dates("是前天，不对，是大前天", REF)
    assert [d.value.isoformat() for d in found] == ["2027-04-13", "2027-04-12"]


def test_no_date() -> None:
    assert find_dates("我想咨询一下怎么报案", REF) == []
    assert resolve_date("", REF) is None
