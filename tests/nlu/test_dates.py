import datetime as dt

import pytest

from zhihui.nlu.dates import find_dates, lunar_to_solar, resolve_date, solar_term

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


def test_chinese_calendar_conversion() -> None:
    assert lunar_to_solar(2027, 1, 1) == dt.date(2027, 2, 6)  # 春节 2027
    assert lunar_to_solar(2026, 8, 15) == dt.date(2026, 9, 25)  # 中秋 2026
    assert lunar_to_solar(2026, 2, 30) is None  # 二月 of 2026 has 29 days
    assert solar_term("清明", 2026) == dt.date(2026, 4, 5)
    assert solar_term("冬至", 2026) == dt.date(2026, 12, 22)


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("端午节那天去看龙舟", "2026-06-22", "2026-06-19"),
        ("中秋那天", "2026-09-28", "2026-09-25"),
        ("中秋那天", "2026-09-20", "2025-10-06"),  # this year's is still to come: last year's
        ("七夕", "2026-09-01", "2026-08-19"),
        ("重阳节爬山", "2026-11-01", "2026-10-18"),
        ("腊月二十三", "2026-02-12", "2026-02-10"),
        ("农历三月初三", "2027-04-15", "2027-04-09"),
        ("清明节回老家", "2026-04-07", "2026-04-05"),
        ("冬至那天", "2026-12-23", "2026-12-22"),
        ("三八节那天", "2026-03-09", "2026-03-08"),
        ("六一儿童节", "2026-06-15", "2026-06-01"),
        ("双十一那天", "2026-11-13", "2026-11-11"),
        ("国庆假期第二天", "2026-10-09", "2026-10-02"),
        ("春节第三天", "2026-03-01", "2026-02-19"),
    ],
)
def test_festivals_and_chinese_calendar(text: str, ref: str, expected: str) -> None:
    found = resolve_date(text, dt.date.fromisoformat(ref))
    assert found is not None, text
    assert found.value.isoformat() == expected


def test_number_like_festival_names_need_to_stand_alone() -> None:
    assert find_dates("尾号六一二三", REF) == []
    assert [d.value.isoformat() for d in find_dates("十一号", REF)] == ["2027-04-11"]
    assert [d.value.isoformat() for d in find_dates("三月十五号", REF)] == ["2027-03-15"]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Written for this test, not taken from an evaluation set. ref 2026-11-20.
        ("双十一前一天晚上", "2026-11-10"),
        ("中秋后一天", "2026-09-26"),
        ("清明前两天", "2026-04-03"),
        ("三月三那天", "2026-04-19"),  # 壮族三月三 is the lunar 3/3
        ("三月三号", "2026-03-03"),
        ("九月九那天", "2026-10-18"),
        ("母亲节那天", "2026-05-10"),
        ("父亲节", "2026-06-21"),
        ("入伏那天", "2026-07-15"),
        ("中伏", "2026-07-25"),
    ],
)
def test_days_counted_from_named_days_and_lunar_festivals_said_by_date(text: str, expected: str) -> None:
    found = find_dates(text, dt.date(2026, 11, 20))
    assert found and found[0].value.isoformat() == expected, (text, found)


def test_an_age_is_not_new_years_eve() -> None:
    assert find_dates("我老公今年三十八", dt.date(2026, 11, 20)) == []


def test_a_holiday_said_as_a_period_is_not_an_exact_day() -> None:
    # Written for this test.
    ref = dt.date(2027, 10, 9)
    period = find_dates("国庆放假去爬山", ref)[0]
    assert period.value == dt.date(2027, 10, 1) and not period.exact
    day = find_dates("国庆那天去爬山", ref)[0]
    assert day.exact


def test_just_now_said_of_the_call_itself_is_no_accident_day() -> None:
    # Written for this test, not taken from an evaluation set.
    ref = dt.date(2027, 4, 15)
    assert find_dates("不好意思 我刚才说错了 是他的手机号", ref) == []
    assert find_dates("刚刚填错了一项 应该是配偶", ref) == []
    assert [d.value for d in find_dates("刚才下楼梯的时候摔了", ref)] == [ref]
