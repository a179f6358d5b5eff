"""Resolve the date expressions reporters use ("前天", "上周三", "上个月底", "大年初二", "3月2号") against a
reference date (the day of the report).

All expressions are found with one pre-compiled regular expression and resolved with plain date
arithmetic. Lunar dates and festivals (端午, 中秋, 腊月二十三) and the solar terms people date things by
(清明, 冬至) are converted with `lunar_python`, a pure-Python Chinese calendar that ships its own tables.
A festival or a date without a year means its most recent occurrence not after the reference date (a
claim report describes the past); explicit dates in the future are returned with `future=True` so the
caller can ask again instead of silently dropping them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from lunar_python import Lunar, Solar

from zhihui.nlu.numbers import parse_int


@lru_cache(maxsize=1024)
def lunar_to_solar(lunar_year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Chinese-calendar day (leap months are not meant in speech), or None."""
    try:
        solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
        found = dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    except Exception:  # a day 30 in a short month, or a year outside the calendar's tables
        return None
    if day == 30 and lunar_to_solar(lunar_year, month, 29) == found:
        return None
    return found


@lru_cache(maxsize=256)
def solar_term(name: str, year: int) -> dt.date | None:
    """The day of solar term `name` (清明, 冬至 …) in Gregorian `year`."""
    for lunar_year in (year, year + 1):
        try:
            table = Lunar.fromYmd(lunar_year, 1, 1).getJieQiTable()
        except Exception:
            return None
        solar = table.get(name)
        if solar is not None and solar.getYear() == year:
            return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    return None


def recent_lunar(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The most recent Chinese-calendar month/day not after `ref`."""
    for lunar_year in (ref.year, ref.year - 1, ref.year - 2):
        found = lunar_to_solar(lunar_year, month, day)
        if found is not None and found <= ref:
            return found
    return None


def recent_solar_term(name: str, ref: dt.date) -> dt.date | None:
    for year in (ref.year, ref.year - 1):
        found = solar_term(name, year)
        if found is not None and found <= ref:
            return found
    return None


# Days named by a rule, not a date: 母亲节 is the second Sunday of May, 父亲节 the third Sunday of June;
# 入伏 (初伏), 中伏 and 末伏 start on 庚 days counted from the summer solstice and the start of autumn.
_FU = {"入伏": "初伏", "头伏": "初伏", "初伏": "初伏", "中伏": "中伏", "末伏": "末伏", "三伏": "初伏"}
_NTH_SUNDAY = {"母亲节": (5, 2), "父亲节": (6, 3)}


@lru_cache(maxsize=64)
def _fu_start(name: str, year: int) -> dt.date | None:
    day = dt.date(year, 7, 1)
    while day <= dt.date(year, 8, 31):
        fu = Solar.fromYmd(day.year, day.month, day.day).getLunar().getFu()
        if fu is not None and fu.getName() == name and fu.getIndex() == 1:
            return day
        day += dt.timedelta(days=1)
    return None


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def recent_rule_day(word: str, ref: dt.date) -> dt.date | None:
    """The most recent 母亲节, 父亲节, 入伏, 中伏 or 末伏 not after ``ref``."""
    for year in (ref.year, ref.year - 1):
        found = _fu_start(_FU[word], year) if word in _FU else _nth_sunday(year, *_NTH_SUNDAY[word])
        if found is not None and found <= ref:
            return found
    return None


@dataclass(frozen=True)
class DateMention:
    """One date expression in a text."""

    value: dt.date
    start: int
    end: int
    text: str
    future: bool  # after the reference date
    exact: bool  # False for vague expressions (年前, 周末, 半个月前)
    kind: str = ""  # which pattern: "md", "festival", "rel_day" …


_N = r"[0-9零〇一二两三四五六七八九十幺]"
_WEEKDAY = r"[一二三四五六日天1-7]"
_WD_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}

_NUMERAL = "零〇一二三四五六七八九十幺两"
# Fixed-date festivals, as said: word -> (month, day). Number-like names (六一, 八一) must stand alone.
SOLAR_FESTIVALS: dict[str, tuple[int, int]] = {
    "元旦": (1, 1), "情人节": (2, 14), "三八妇女节": (3, 8), "三八节": (3, 8), "妇女节": (3, 8), "三八那天": (3, 8),
    "植树节": (3, 12), "愚人节": (4, 1), "五一劳动节": (5, 1), "劳动节": (5, 1), "五一": (5, 1),
    "五四青年节": (5, 4), "青年节": (5, 4), "六一儿童节": (6, 1), "儿童节": (6, 1), "六一": (6, 1),
    "建党节": (7, 1), "七一": (7, 1), "八一建军节": (8, 1), "建军节": (8, 1), "八一": (8, 1), "教师节": (9, 10),
    "国庆节": (10, 1), "国庆": (10, 1), "十一": (10, 1), "万圣节": (10, 31), "双十一": (11, 11), "双11": (11, 11),
    "双十二": (12, 12), "双12": (12, 12), "平安夜": (12, 24), "圣诞节": (12, 25), "圣诞": (12, 25),
}
_NUMBER_LIKE = ("五一", "六一", "七一", "八一")
# "五一广场", "八一路", "国庆路": places named after a festival
_NAMED_PLACE_AFTER = r"(?!广场|路|大道|大街|街|公园|小区|中学|小学|大桥|桥|大厦|剧院|新村|村)"
_SOLAR_FESTIVALS = "|".join(
    rf"(?<![{_NUMERAL}]){re.escape(w)}(?![{_NUMERAL}年号日月点]){_NAMED_PLACE_AFTER}" if w in _NUMBER_LIKE
    else r"十一(?=长假|假期|黄金周|那天|那几天|期间|放假|国庆)" if w == "十一"
    else rf"国庆{_NAMED_PLACE_AFTER}" if w == "国庆"
    else re.escape(w)
    for w in sorted(SOLAR_FESTIVALS, key=len, reverse=True)
)
# Chinese-calendar festivals: word -> (lunar month, lunar day).
LUNAR_FESTIVALS: dict[str, tuple[int, int]] = {
    "元宵节": (1, 15), "元宵": (1, 15), "龙抬头": (2, 2), "二月二": (2, 2), "端午节": (5, 5), "端午": (5, 5),
    "端阳节": (5, 5), "端阳": (5, 5), "七夕节": (7, 7), "七夕": (7, 7), "中元节": (7, 15), "鬼节": (7, 15),
    "七月半": (7, 15), "中秋节": (8, 15), "中秋": (8, 15), "八月十五": (8, 15), "九九重阳": (9, 9),
    "重阳节": (9, 9), "重阳": (9, 9), "腊八节": (12, 8), "腊八": (12, 8), "小年": (12, 23),
    # 三月三 (壮族三月三, 上巳), 五月五, 七月七 and 九月九 are said by their lunar dates
    "三月三": (3, 3), "五月五": (5, 5), "七月七": (7, 7), "九月九": (9, 9),
    # the Yi and Bai torch festival (彝族火把节) falls on the 24th of the sixth lunar month
    "火把节": (6, 24),
}
_LUNAR_FESTIVALS = "|".join(
    r"小年(?![轻级纪龄])" if w == "小年"
    else rf"{re.escape(w)}(?![号日0-9一二三四五六七八九十])" if w in ("三月三", "五月五", "七月七", "九月九")
    else rf"{re.escape(w)}(?![号日0-9])" if w[-1] in "十五二"
    else re.escape(w)
    for w in sorted(LUNAR_FESTIVALS, key=len, reverse=True)
)
_LUNAR_MONTH = {"正": 1, "冬": 11, "腊": 12}

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<iso_y>(?:19|20)[0-9]{2})[-/.](?P<iso_m>[0-9]{1,2})[-/.](?P<iso_d>[0-9]{1,2})"),
    ("ymd", rf"(?P<ymd_y>(?:19|20)[0-9]{{2}}|[一二][零〇九][零〇一二三四五六七八九]{{2}})年"
            rf"(?P<ymd_m>{_N}{{1,3}})月(?:份)?(?P<ymd_d>{_N}{{1,3}})[日号]?"),
    ("rel_year_md", rf"(?P<ry>去年|今年|前年)(?P<ry_m>{_N}{{1,3}})月(?:份)?(?P<ry_d>{_N}{{1,3}})[日号]?"),
    ("md", rf"(?<![0-9零〇一二三四五六七八九十年])(?P<md_m>{_N}{{1,3}})月(?:份)?(?P<md_d>{_N}{{1,3}})[日号]"),
    # a typed month.day in a form ("出险时间 11.15") or before a time of day ("5.3 晚上")
    # (typed with a slash as well: "3/11 晚上", "11/18单位组织体检")
    # (after a form's label also with a dash or as four digits: "出险日期填的3-5", "出险日期：1201")
    ("md_dot", r"(?:(?:出险(?:时间|日期)?|时间|日期)(?:是|为|填的是?|写的是?)?[：:\s]*"
               r"(?P<mdt_m>1[0-2]|0?[1-9])[./月-](?P<mdt_d>3[01]|[12][0-9]|0?[1-9])(?![0-9./-])(?![日号])"
               r"|(?:出险(?:时间|日期)|日期)(?:是|为|填的是?|写的是?)?[：:\s]*"
               r"(?P<mdt_m6>1[0-2]|0[1-9])(?P<mdt_d6>3[01]|[12][0-9]|0[1-9])(?![0-9])"
               r"|(?<![0-9./])(?P<mdt_m2>1[0-2]|0?[1-9])[./](?P<mdt_d2>3[01]|[12][0-9]|0?[1-9])"
               r"(?=\s*(?:早上|上午|中午|下午|晚上|凌晨|夜里|傍晚))"
               # "我老公9.16下班骑摩托": right before what happened that day (not 1.5万, 2.5公里)
               r"|(?<![0-9./])(?P<mdt_m3>1[0-2]|0?[1-9])[./](?P<mdt_d3>3[01]|[12][0-9]|0?[1-9])(?![0-9./])"
               r"(?=(?:下班|上班|放学|上学|在|骑|开车|出门|出事|摔|被|让|发生|那天|当天|号|日|单位|体检|去|回|住|入院|送|确诊|"
               r"查出|发现|开始|军训|晚上|早上|上午|下午|中午|凌晨|晚(?=在|上|饭|间)|夜里))"
               # "8.1 我老爸在大连…", "⏎8.29 在贵阳": a date typed at the start of a message or a line
               r"|(?:^|(?<=[，,\n】：:]))\s*(?P<mdt_m4>1[0-2]|0?[1-9])[./](?P<mdt_d4>3[01]|[12][0-9]|0?[1-9])"
               r"(?=\s|$|[\u4e00-\u9fff](?<![万元米斤倍度岁个块分])))"
               # "客户夏敏 8.3 急性心梗": a date between pauses in a terse message (not "血糖 8.3 偏高", "1.5 万")
               r"|(?<=\s)(?<!血糖\s)(?<!体温\s)(?<!血压\s)(?<!指标\s)(?<!肌酐\s)(?<!视力\s)"
               r"(?P<mdt_m5>1[0-2]|0?[1-9])[./](?P<mdt_d5>3[01]|[12][0-9]|0?[1-9])"
               r"(?=\s+[\u4e00-\u9fff](?<![万元米斤倍度岁个块分公千百毫厘克升天周年月次针小]))"
               # "乳腺癌 4.24出的病理": after a pause, right before what came out or was done that day
               r"|(?<=[\s，,])(?<!血糖\s)(?<!体温\s)(?<!血压\s)(?<!指标\s)(?<!肌酐\s)"
               r"(?P<mdt_m7>1[0-2]|0?[1-9])[./](?P<mdt_d7>3[01]|[12][0-9]|0?[1-9])(?![0-9./])"
               r"(?=出的|出了|出结果|做的手术|做了手术|做的检查|查的|确诊的)"),
    ("month_day", rf"(?P<rm>这个月|这月|本月|上个月|上月|上一个月)(?P<rm_d>{_N}{{1,3}})[日号]"),
    ("month_edge", r"(?P<me>这个月|这月|本月|上个月|上月|上一个月)?"
                   r"(?P<me_e>月底|月初|月中|月末|底|初|(?<=月)\s?(?:的)?最后一天)"),
    ("holiday_day", r"(?P<hd_f>国庆|十一|五一|春节|过年|元旦|端午|中秋|清明)(?:节)?(?:假期|长假|小长假|黄金周|放假)?的?"
                    r"第(?P<hd_n>[一二三四五六七八九1-9])天"),
    # "大年初二"; "年后 初五那天", "过完年初六": the first days of the year said after the New Year
    ("lunar", r"(?:大年|(?<=年后)\s?|(?<=过完年)\s?)(?:初(?P<lu_d>[一二三四五六七八九十]))"
              r"|(?P<lu_eve>除夕|大年三十|(?<![今去明前当])年三十(?![一二三四五六七八九岁]))"
              r"|(?P<lu_sf>春节|过年|年前|大年夜)"),
    ("festival", rf"(?P<fe>{_SOLAR_FESTIVALS})"),
    ("lunar_fe", rf"(?P<lf>{_LUNAR_FESTIVALS})"),
    ("rule_day", r"(?P<rule>母亲节|父亲节|入伏|头伏|初伏|中伏|末伏|三伏天?的?第一天)"),
    # the solar terms people date things by; those that are also weather words need 那天 ("下大雪" is not 大雪)
    ("solar_term", r"(?P<st>清明|冬至|夏至|立春|立夏|立秋|立冬|惊蛰|春分|秋分|芒种|小满|处暑|白露|寒露|霜降|谷雨)"
                   r"(?:节|那天|当天)?"
                   r"|(?<![下场飘])(?P<st2>雨水|小暑|大暑|小雪|大雪|小寒|大寒)(?=\s*(?:那天|当天|节气))"),
    ("lunar_md", r"(?P<lm_p>农历|阴历|老历)?(?P<lm_m>正|冬|腊|十一|十二|[一二三四五六七八九十])月"
                 r"(?P<lm_d>初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十"
                 r"|十[一二三四五六七八九]|十(?![一二三四五六七八九]))(?![号日0-9])"),
    ("week", rf"(?P<wk>上上个?(?:周|星期|礼拜)|上个?(?:周|星期|礼拜)|这个?(?:周|星期|礼拜)"
             rf"|本(?:周|星期)|(?<![上这本个下])(?:周|星期|礼拜))(?P<wk_d>{_WEEKDAY}(?<!一(?=直|些|点|样|起|共|般|切|整))|末)"),
    ("ago", rf"(?P<ago_n>{_N}{{1,3}}|半|几)(?:个)?(?P<ago_u>天|日|周|星期|礼拜|月|年)(?:半)?(?:以前|之前|前)"),
    ("half_month", r"(?P<hm>半个月|大半个月)(?:以前|之前|前)"),
    ("rel_day", r"(?P<rd>昨晡日|昨晡|今晡日|前晡日|"
                r"大前天|大前儿个|大前儿|前天|前儿个|前儿|前日(?!子)|昨天|昨个儿|昨儿个|昨个|昨儿|昨晚|昨夜|"
                r"昨日|昨暝|琴日|寻日|(?<![半一整])夜儿?个|夜来(?!香)|今天|今儿个|今儿|今早|今晚|今日|当天|(?:刚才|刚刚)(?!\s?(?:我)?(?:说|讲|念|读|填|写|输|记|问|(?:打|发)(?:错|漏)))|明天|后天|前晚"
                # ("刚才说错了", "刚才填错了": the call itself, not the accident)
                # Wu, Gan and Xiang 今朝 (today); 前个 (the day before yesterday), not 前个月 or 前个礼拜
                r"|今朝(?!有酒)|(?<![上这那哪])前个(?![月礼星周年人])(?=[\s，,早晚上下中夜半在]))"),
    ("day_only", r"(?<![月0-9零〇一二三四五六七八九十])"
                 r"(?P<do_d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])号"
                 # not "二号线", "三号楼", "五号床"
                 r"(?![线楼床院房门口站车桥街路仓柜窗台厅机馆码位])"),
]
_DATE_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS))

# Dialect forms too: 前儿个 / 昨个儿 / 夜个 / 夜来 (northern), 前日 / 琴日 / 寻日 (Cantonese), 昨暝 (Minnan),
# 昨晡日 / 今晡日 / 前晡日 (Hakka).
_REL_DAY = {"大前天": -3, "大前儿个": -3, "大前儿": -3, "前天": -2, "前儿个": -2, "前儿": -2, "前日": -2,
            "昨个儿": -1, "昨儿个": -1, "昨个": -1, "昨暝": -1, "琴日": -1, "寻日": -1, "今儿个": 0,
            "夜个": -1, "夜儿个": -1, "夜来": -1, "昨晡日": -1, "昨晡": -1, "今晡日": 0, "前晡日": -2,
            "前晚": -2, "昨天": -1, "昨儿": -1, "昨晚": -1, "昨夜": -1, "昨日": -1,
            "今天": 0, "今儿": 0, "今早": 0, "今晚": 0, "今日": 0, "当天": 0, "刚才": 0, "刚刚": 0,
            "明天": 1, "后天": 2, "今朝": 0, "前个": -2}


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
    """The most recent Spring Festival (正月初一) not after the reference date."""
    return recent_lunar(1, 1, ref)


def _year_for(m: int, d: int, ref: dt.date) -> dt.date | None:
    """A month-day without a year: the most recent such day not after the reference date."""
    day = _safe(ref.year, m, d)
    if day is None:
        return None
    if day > ref:
        return _safe(ref.year - 1, m, d) or day
    return day


def _lunar_day(word: str) -> int | None:
    if word.startswith("初"):
        return _num(word[1:])
    if word.startswith("廿"):
        rest = _num(word[1:])
        return 20 + rest if rest else None
    return _num(word)


def _festival_start(word: str, ref: dt.date) -> dt.date | None:
    """First day of a holiday named in "国庆第二天", "春节假期第三天"."""
    if word in ("春节", "过年"):
        return _spring_festival(ref)
    if word in ("端午", "中秋"):
        return recent_lunar(*LUNAR_FESTIVALS[word], ref)
    if word == "清明":
        return recent_solar_term("清明", ref)
    month, day = SOLAR_FESTIVALS[word]
    return _year_for(month, day, ref)


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
    if kind == "md_dot":
        mm = int(g("mdt_m") or g("mdt_m2") or g("mdt_m3") or g("mdt_m4") or g("mdt_m5") or g("mdt_m6") or g("mdt_m7"))
        dd = int(g("mdt_d") or g("mdt_d2") or g("mdt_d3") or g("mdt_d4") or g("mdt_d5") or g("mdt_d6") or g("mdt_d7"))
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
        if edge.endswith("最后一天") or edge == "月末":
            edge = "月底"
        day = {"月底": _last_day(y, mo), "底": _last_day(y, mo), "月初": 1, "初": 1, "月中": 15}[edge]
        return dt.date(y, mo, day), edge == "月底" or edge == "底"
    if kind == "holiday_day":
        n = _num(g("hd_n")) or 1
        start = _festival_start(g("hd_f"), ref - dt.timedelta(days=n - 1))
        return (start + dt.timedelta(days=n - 1) if start else None), True
    if kind == "lunar":
        if g("lu_d"):
            return recent_lunar(1, _num(g("lu_d")) or 1, ref), True
        sf = _spring_festival(ref + dt.timedelta(days=1))
        if g("lu_eve"):
            return (sf - dt.timedelta(days=1) if sf else None), True
        word = g("lu_sf")
        if word in ("年前", "大年夜"):
            return (sf - dt.timedelta(days=1) if sf else None), word == "大年夜"
        return _spring_festival(ref), False  # 春节/过年: the festival itself, vague
    if kind == "festival":
        fm, fd = SOLAR_FESTIVALS[g("fe")]
        return _year_for(fm, fd, ref), True
    if kind == "lunar_fe":
        lm, ld = LUNAR_FESTIVALS[g("lf")]
        return recent_lunar(lm, ld, ref), True
    if kind == "solar_term":
        return recent_solar_term(g("st") or g("st2"), ref), True
    if kind == "rule_day":
        word = g("rule")
        return recent_rule_day(word[:3] if word.endswith("节") else word[:2], ref), True
    if kind == "lunar_md":
        month_word, day_word = g("lm_m"), g("lm_d")
        said_lunar = bool(g("lm_p")) or month_word in _LUNAR_MONTH or day_word[0] in "初廿"
        if not said_lunar:
            return None, False  # "三月十五" without 农历 is left to the Gregorian patterns' reading
        lmonth = _LUNAR_MONTH.get(month_word) or _num(month_word)
        lday = _lunar_day(day_word)
        if lmonth is None or lday is None:
            return None, False
        return recent_lunar(lmonth, lday, ref), True
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
        return ref + dt.timedelta(days=_REL_DAY[g("rd")]), True
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


# "双十一前一天", "中秋后一天", "清明前两天": a day counted from a named day
_OFFSET_AFTER = re.compile(r"(?:那天)?的?(?P<dir>前|后)(?P<n>一|两|三|1|2|3)天|(?:那天的?)?(?P<next>第二天|次日|隔天)")
_NAMED_DAYS = {"festival", "lunar_fe", "solar_term", "lunar", "lunar_md", "rule_day"}


# "国庆放假开车去草原": the holiday's days, not its first day (the day itself is "国庆那天")
_HOLIDAY_PERIOD_AFTER = re.compile(
    r"\s?(?:放假|假期|长假|小长假|黄金周|期间|那几天|休假|放完假|收假|过完|自驾|出游|旅游|回老家|回娘家|出去玩|出来玩|去玩)"
)


# "五一那天", "国庆一早": the holiday's first day itself
_FIRST_DAY_AFTER = re.compile(
    r"\s?(?:节)?(?:那天|当天|那日|当日|这天|的那天|那一天|一早|早上|上午|中午|下午|晚上|夜里)"
)
_WEEK_LONG_HOLIDAYS = frozenset({"国庆", "国庆节", "十一", "五一", "劳动节", "春节"})


def find_dates(text: str, ref: dt.date) -> list[DateMention]:
    """All date expressions in `text`, in order, resolved against `ref`."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        value, exact = _resolve(m, ref)
        if value is None:
            continue
        end = m.end()
        offset = _OFFSET_AFTER.match(text, end) if m.lastgroup in _NAMED_DAYS else None
        if offset is not None:
            days = 1 if offset.group("next") else {"一": 1, "两": 2, "三": 3}.get(offset.group("n"), 0) or int(
                offset.group("n"))
            value += dt.timedelta(days=-days if offset.group("dir") == "前" else days)
            end = offset.end()
        if m.lastgroup == "festival" and (_HOLIDAY_PERIOD_AFTER.match(text, end) or (
                text[m.start():end] in _WEEK_LONG_HOLIDAYS
                and not _FIRST_DAY_AFTER.match(text, end, end + 5))):
            # "国庆的时候出去玩", "五一出了车祸": some day of the week-long holiday, unless "那天" makes it its first
            exact = False
        said = text[m.start():end]
        if said in ("当天", "当日"):
            if not out:
                continue  # "当天在山下打的夹板": the day already talked about, not today
            value, exact = out[-1].value, out[-1].exact  # "前天生的孩子，当天大出血": the day just said
        out.append(DateMention(value, m.start(), end, said, value > ref, exact, m.lastgroup or ""))
    return out


def resolve_date(text: str, ref: dt.date) -> DateMention | None:
    """The first date expression in `text` (see `find_dates`)."""
    found = find_dates(text, ref)
    return found[0] if found else None
