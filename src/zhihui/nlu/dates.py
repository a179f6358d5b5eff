"""Resolve the date expressions reporters use ("前天", "上周三", "上个月底", "大年初二", "3月2号") against a
reference date (the day of the report).

All expressions are found with one pre-compiled regular expression and resolved with plain date
arithmetic; lunar festivals use a small table of Spring Festival dates instead of a calendar library.
Dates without a year that would fall after the reference date are taken from the previous year (a
claim report describes the past); explicit dates in the future are returned with `future=True` so the
caller can ask again instead of silently dropping them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from zhihui.nlu.numbers import parse_int

# 春节 (正月初一) for 2020–2035, from the published Chinese calendar.
SPRING_FESTIVAL: dict[int, dt.date] = {
    2020: dt.date(2020, 1, 25), 2021: dt.date(2021, 2, 12), 2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22), 2024: dt.date(2024, 2, 10), 2025: dt.date(2025, 1, 29),
    2026: dt.date(2026, 2, 17), 2027: dt.date(2027, 2, 6), 2028: dt.date(2028, 1, 26),
    2029: dt.date(2029, 2, 13), 2030: dt.date(2030, 2, 3), 2031: dt.date(2031, 1, 23),
    2032: dt.date(2032, 2, 11), 2033: dt.date(2033, 1, 31), 2034: dt.date(2034, 2, 19),
    2035: dt.date(2035, 2, 8),
}


@dataclass(frozen=True)
class DateMention:
    """One date expression in a text."""

    value: dt.date
    start: int
    end: int
    text: str
    future: bool  # after the reference date
    exact: bool  # False for vague expressions (年前, 周末, 半个月前)


_N = r"[0-9零〇一二两三四五六七八九十幺]"
_WEEKDAY = r"[一二三四五六日天1-7]"
_WD_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<iso_y>(?:19|20)[0-9]{2})[-/.](?P<iso_m>[0-9]{1,2})[-/.](?P<iso_d>[0-9]{1,2})"),
    ("ymd", rf"(?P<ymd_y>(?:19|20)[0-9]{{2}}|[一二][零〇九][零〇一二三四五六七八九]{{2}})年"
            rf"(?P<ymd_m>{_N}{{1,3}})月(?:份)?(?P<ymd_d>{_N}{{1,3}})[日号]?"),
    ("rel_year_md", rf"(?P<ry>去年|今年|前年)(?P<ry_m>{_N}{{1,3}})月(?:份)?(?P<ry_d>{_N}{{1,3}})[日号]?"),
    ("md", rf"(?<![0-9零〇一二三四五六七八九十年])(?P<md_m>{_N}{{1,3}})月(?:份)?(?P<md_d>{_N}{{1,3}})[日号]"),
    ("month_day", rf"(?P<rm>这个月|这月|本月|上个月|上月|上一个月)(?P<rm_d>{_N}{{1,3}})[日号]"),
    ("month_edge", r"(?P<me>这个月|这月|本月|上个月|上月|上一个月)?(?P<me_e>月底|月初|月中|底|初)"),
    ("lunar", r"(?:大年|正月)(?:初(?P<lu_d>[一二三四五六七八九十])|十(?P<lu_t>[一二三四五])"
              r"|(?P<lu_15>十五|元宵))|(?P<lu_eve>除夕|大年三十|年三十)|(?P<lu_sf>春节|过年|年前|大年夜)"),
    ("festival", r"(?P<fe>元旦|国庆|五一劳动节|劳动节|五一|圣诞节?|元宵节)"),
    ("week", rf"(?P<wk>上上个?(?:周|星期|礼拜)|上个?(?:周|星期|礼拜)|这个?(?:周|星期|礼拜)"
             rf"|本(?:周|星期)|(?<![上这本个])(?:周|星期|礼拜))(?P<wk_d>{_WEEKDAY}|末)"),
    ("ago", rf"(?P<ago_n>{_N}{{1,3}}|半|几)(?:个)?(?P<ago_u>天|日|周|星期|礼拜|月|年)(?:半)?(?:以前|之前|前)"),
    ("half_month", r"(?P<hm>半个月|大半个月)(?:以前|之前|前)"),
    ("rel_day", r"(?P<rd>大前天|大前儿个|大前儿|前天|前儿个|前儿|前日(?!子)|昨天|昨个儿|昨儿个|昨个|昨儿|昨晚|昨夜|"
                r"昨日|昨暝|琴日|寻日|今天|今儿个|今儿|今早|今晚|今日|当天|刚才|刚刚|明天|后天|前晚|前两天)"),
    ("day_only", r"(?<![月0-9零〇一二三四五六七八九十])"
                 r"(?P<do_d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])号"),
]
_DATE_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))

# Dialect forms too: 前儿个 / 昨个儿 (northern), 前日 / 琴日 / 寻日 (Cantonese), 昨暝 (Minnan).
_REL_DAY = {"大前天": -3, "大前儿个": -3, "大前儿": -3, "前天": -2, "前儿个": -2, "前儿": -2, "前日": -2,
            "昨个儿": -1, "昨儿个": -1, "昨个": -1, "昨暝": -1, "琴日": -1, "寻日": -1, "今儿个": 0,
            "前晚": -2, "昨天": -1, "昨儿": -1, "昨晚": -1, "昨夜": -1, "昨日": -1,
            "今天": 0, "今儿": 0, "今早": 0, "今晚": 0, "今日": 0, "当天": 0, "刚才": 0, "刚刚": 0,
            "明天": 1, "后天": 2, "前两天": -2}


def _num(s: str | None) -> int | None:
    if not s:
        return None
    return parse_int(s)


def _safe(y: int, m: int | None, d: int | None) -> dt.date | None:
    if m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_shift(ref: dt.date, delta: int) -> tuple[int, int]:
    idx = ref.year * 12 + ref.month - 1 + delta
    return idx // 12, idx % 12 + 1


def _last_day(y: int, m: int) -> int:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _spring_festival(ref: dt.date) -> dt.date | None:
    """The Spring Festival a reporter means: this year's if it has already come, else last year's."""
    sf = SPRING_FESTIVAL.get(ref.year)
    if sf is None:
        return None
    if sf > ref + dt.timedelta(days=3):
        return SPRING_FESTIVAL.get(ref.year - 1)
    return sf


def _year_for(m: int, d: int, ref: dt.date) -> dt.date | None:
    """A month-day without a year: the most recent such day not after the reference date."""
    day = _safe(ref.year, m, d)
    if day is None:
        return None
    if day > ref:
        return _safe(ref.year - 1, m, d) or day
    return day


def _resolve(m: re.Match[str], ref: dt.date) -> tuple[dt.date | None, bool]:
    kind = m.lastgroup
    g = m.group
    if kind == "iso":
        return _safe(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))), True
    if kind == "ymd":
        year = _num(g("ymd_y"))
        return (_safe(year, _num(g("ymd_m")), _num(g("ymd_d"))) if year else None), True
    if kind == "rel_year_md":
        year = ref.year + {"今年": 0, "去年": -1, "前年": -2}[g("ry")]
        return _safe(year, _num(g("ry_m")), _num(g("ry_d"))), True
    if kind == "md":
        mm, dd = _num(g("md_m")), _num(g("md_d"))
        if mm is None or dd is None:
            return None, True
        return _year_for(mm, dd, ref), True
    if kind == "month_day":
        delta = 0 if g("rm") in ("这个月", "这月", "本月") else -1
        y, mo = _month_shift(ref, delta)
        return _safe(y, mo, _num(g("rm_d"))), True
    if kind == "month_edge":
        which, edge = g("me"), g("me_e")
        if which is None and edge in ("底", "初"):
            return None, False  # bare 底/初 without 月 is not a date
        delta = -1 if which in ("上个月", "上月", "上一个月") else 0
        y, mo = _month_shift(ref, delta)
        day = {"月底": _last_day(y, mo), "底": _last_day(y, mo), "月初": 1, "初": 1, "月中": 15}[edge]
        return dt.date(y, mo, day), edge == "月底" or edge == "底"
    if kind == "lunar":
        sf = _spring_festival(ref)
        if sf is None:
            return None, False
        if g("lu_d"):
            n = _num(g("lu_d")) or 1
            return sf + dt.timedelta(days=n - 1), True
        if g("lu_t"):
            return sf + dt.timedelta(days=9 + (_num(g("lu_t")) or 1)), True
        if g("lu_15"):
            return sf + dt.timedelta(days=14), True
        if g("lu_eve"):
            return sf - dt.timedelta(days=1), True
        word = g("lu_sf")
        if word in ("年前", "大年夜"):
            return sf - dt.timedelta(days=1), word == "大年夜"
        return sf, False  # 春节/过年: the festival itself, vague
    if kind == "festival":
        word = g("fe")
        if word == "元旦":
            return _year_for(1, 1, ref), True
        if word == "国庆":
            return _year_for(10, 1, ref), True
        if word in ("五一", "劳动节", "五一劳动节"):
            return _year_for(5, 1, ref), True
        if word.startswith("圣诞"):
            return _year_for(12, 25, ref), True
        sf = _spring_festival(ref)
        return (sf + dt.timedelta(days=14) if sf else None), True
    if kind == "week":
        prefix, wday = g("wk"), g("wk_d")
        monday = ref - dt.timedelta(days=ref.weekday())
        weeks_back = 2 if prefix.startswith("上上") else 1 if prefix.startswith("上") else 0
        explicit_this = prefix.startswith(("这", "本"))
        if wday == "末":
            target = monday - dt.timedelta(weeks=weeks_back) + dt.timedelta(days=5)
            if weeks_back == 0 and target > ref:
                target -= dt.timedelta(weeks=1)
            return target, False
        target = monday - dt.timedelta(weeks=weeks_back) + dt.timedelta(days=_WD_INDEX[wday])
        if weeks_back == 0 and not explicit_this and target > ref:
            target -= dt.timedelta(weeks=1)  # bare "周三" after today's weekday means last week's
        return target, True
    if kind == "ago":
        n_word, unit = g("ago_n"), g("ago_u")
        half = n_word == "半"
        n = 3 if n_word == "几" else (0 if half else (_num(n_word) or 0))
        days_per = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 30, "年": 365}[unit]
        total = days_per // 2 if half else n * days_per
        if m.group(0).find("半", 1) > 0:
            total += days_per // 2
        if unit == "月" and not half:
            y, mo = _month_shift(ref, -n)
            return dt.date(y, mo, min(ref.day, _last_day(y, mo))), False
        if unit == "年" and not half:
            return _safe(ref.year - n, ref.month, min(ref.day, 28 if ref.month == 2 else ref.day)), False
        return ref - dt.timedelta(days=total), unit in ("天", "日")
    if kind == "half_month":
        return ref - dt.timedelta(days=15), False
    if kind == "rel_day":
        return ref + dt.timedelta(days=_REL_DAY[g("rd")]), g("rd") != "前两天"
    if kind == "day_only":
        dnum = _num(g("do_d"))
        if dnum is None or not 1 <= dnum <= 31:
            return None, True
        found = _safe(ref.year, ref.month, dnum)
        if found is None or found > ref:
            y, mo = _month_shift(ref, -1)
            found = _safe(y, mo, dnum)
        return found, True
    return None, False


def find_dates(text: str, ref: dt.date) -> list[DateMention]:
    """All date expressions in `text`, in order, resolved against `ref`."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        value, exact = _resolve(m, ref)
        if value is None:
            continue
        out.append(DateMention(value, m.start(), m.end(), m.group(0), value > ref, exact))
    return out


def resolve_date(text: str, ref: dt.date) -> DateMention | None:
    """The first date expression in `text` (see `find_dates`)."""
    found = find_dates(text, ref)
    return found[0] if found else None
