"""Administrative divisions of mainland China: find and normalise province / city / district mentions.

Data: `data/divisions.json` (source and licence in `data/README.md`). Every full name and short
form ("浦东" for 浦东新区, "深圳" for 深圳市) goes into one longest-first regular expression.

Short district names are common words ("南山", "朝阳", "和平"), so they count only right after a
city or province ("深圳南山", "北京朝阳"), before 那边/一带/附近, or when the whole answer is a
place. A district name that exists in several cities needs a city, a province, or the treating
hospital's city to decide; otherwise it stays unresolved. The hospital's city is only used to choose
between candidates the text already names, never to invent a place.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from zhihui.nlu.text import literal_pattern, without_pauses
from zhihui.nlu.tokenizer import known_words, to_pinyin, word_edges

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# City short forms that are everyday words; they need a suffix or context to count as a place.
_CITY_SHORT_STOP = {"来宾", "安康", "东方", "大同", "长治", "保山", "吉安", "白城", "通化", "永州", "定西",
                    "平凉", "南平", "三明", "中山", "本溪", "阿里", "兴安", "海南", "黄南", "海北", "海西",
                    "果洛", "玉树", "那曲", "林芝", "山南", "昌都", "日喀则",
                    "天水", "中卫"}  # "挂了两天水", "家中卫生间"
_DISTRICT_SHORT_OK_AFTER = re.compile(
    r"^\s?(?:那边|这边|一带|附近|那块|这块|那里|这里|那儿|这儿|那段|这段|路段|段(?![子落])|地区|境内|的|古城|古镇|县城|城里|景区|老家|农村|乡下|家里|屋里|屋头|"
    r"一个|一家|[一二三四五六七八九]中(?![心医])|[一二三四五六七八九]小|中学|小学|"
    r"一所|一间|一座|一处)"
)
# "我是 盘州 煤矿上的 安全员": a mine or a site named by its county is where its workers are hurt (a city's short
# name there is the city: "大同 那个 煤矿" is not 大庆's 大同区)
_WORKPLACE_AFTER = re.compile(
    r"^\s?(?:那个|这个)?\s?(?:煤矿|矿上|矿里|矿区|矿山|工地|电厂|林场|农场|牧场|码头|砖厂|水泥厂)"
)
# "在浦东摔的", "住在延吉": after a word of being or going somewhere, a short district name that names one
# place in the whole country is read as that place, unless it is also an everyday word.
_LOCATIVE_BEFORE = re.compile(
    r"(?:在|喺|到的?|去的?|(?<![本后原起出回过下上进将未])来(?!自)|回|(?<![往])返|住|来自|从|老家"
    # a form's field: "出事地方：番禺长隆"
    r"|(?:地点|地方|地址|出险地|事发地)\s?(?:[：:]|是))(?:\s*(?:那个|这个|那|嗯|呃|啊|俺们|我们|咱们|他们|她们|他|她|我|俺))*$"
)
_LOCATIVE_SHORT_STOP = {"中山", "湖里",
                        "古城", "商城", "中原", "江南", "太平", "新建", "吉利", "龙门", "路桥", "天桥", "河西", "东湖",
                        "南湖", "温泉", "凤凰", "友谊", "红旗", "高明", "平安", "城北", "城中", "城西", "城东", "城南",
                        "长子", "前锋", "宏伟", "平定", "清新", "复兴", "振兴", "光明", "东风", "港口", "资源", "合作",
                        "前进", "解放", "公安", "通道", "共和", "比如", "南部", "安定", "延长", "运河", "工农", "富裕",
                        "清水", "大方", "互助", "莲花", "桃源", "万年", "永安", "大名", "会同", "中方", "兴国", "金台",
                        "芙蓉", "梁山", "石门", "西山", "东海", "南海", "海港", "井冈山", "泰山", "华山", "黄山",
                        "高台", "竹山",
                        # "喺天台跌落楼梯": a rooftop, not 台州's 天台县
                        "天台"}
# characters after which a short district name starts a word ("在浦东", "我们龙湾那边", "是萧山")
# (速 and 道 for a highway's section: "杭长高速长兴段", "318国道理塘段")
_BEFORE_SHORT_DISTRICT_OK = set("在喺到去来回返住从是他她我俺们的就那这里个边往近过和跟与及或省市州县区家速道")
_TREATED_AFTER = re.compile(
    r"\s*的?\s*[　]|的?[^，。,\s]{0,4}(?:医院|卫生院)|(?:去|来)?(?:住院|住的院|看病|看的病|就医|治疗|看的)"
    r"|(?:确诊|查出|诊断|复查|做的检查|做了检查)"
)
# the reporter's own base: "我是在东莞打工的", "我在上海上班"
# "到了沈阳那个盛京医院", "在鸡西 那个 密山市医院住着": a city said to place the hospital that follows
_HOSPITAL_OF_CITY_AFTER = re.compile(r"\s*(?:那个|那家|的那个|的那家)\s*(?:[　]|[^，。,\s]{0,6}(?:医院|卫生院))")
_REPORTER_BEFORE = re.compile(r"(?:我|俺)(?:是|现在|一直|人)?\s?在(?:\s?在)?\s?(?:那个\s?)?$")
# "我在深圳 我妈在鞍山老家": where the reporter is, said against where a relative is
_SOMEONE_ELSE_THERE_AFTER = re.compile(r"[，,\s]+(?:我|俺)(?:家)?(?:的)?[\u4e00-\u9fff]{1,3}?(?:在|住在|一个人在)")
_STUDIES_OR_WORKS_AFTER = re.compile(
    r"\s?(?:这边|那边)?\s?(?:上班|工作|打工|读书|上学|上大学|读大学|念大学|读研|读研究生|念书|上幼儿园|读大[一二三四])"
    r"(?![^，。,]{0,3}(?:路上|途中))[^，。,]{0,6}?[，。,]"
)
_AT_WORK_OR_SCHOOL = re.compile(
    r"(?:在|喺)(?:单位|公司|厂里|工地|车间|食堂|宿舍|学校|校园|操场|教室|实验室|店里|办公室|校内|球场|体育馆)"
    r"|(?:上班|下班|上学|放学|加班)[^，。,]{0,6}?(?:路上|途中)|(?:下班|放学|加班)(?:后|回来|回家|骑|开车|走)|回宿舍"
    r"|宿舍楼|军训|体育课"
)
_REPORTER_AFTER = re.compile(r"\s?(?:这边|那边)?\s?(?:打工|上班|工作|读书|上学|做事|干活)")
_ONE_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
# "下礼拜去北京做手术": a trip for treatment goes where the treatment is, not where it happened
_TREATMENT_TRIP_AFTER = re.compile(
    r"\s*(?:(?:做|动)(?:个|了)?\s*)?(?:手术|穿刺|活检|检查)|\s*开(?:个|了)?刀|\s*(?:化疗|放疗|复查|看病|治病|治疗)"
)
# "南京西路", "在北京路": a road named after a city; "青海湖": a lake (not 湖南, 湖滨, 湖里, 湖州)
_ROAD_OR_LAKE_AFTER = re.compile(r"[东西南北中]?(?:路(?![桥南北])|大街|街(?![上头边里面])|大道)|湖(?![南北滨区里州])")
# a district-looking word after a city, a speech-recognition pause allowed ("沈阳 魂南区")
_DISTRICT_WORD_AFTER = re.compile(r"\s?([\u4e00-\u9fff]{1,4}?[区县市])")
_TWO_CHARACTERS_AFTER = re.compile(r"\s?([\u4e00-\u9fff]{2})(?=\s|[，,。]|$)")
_MOUNTAIN_AFTER = re.compile(r"山(?![里上下区脚沟路顶腰坡头间中])")
_STUDIES_AT_AFTER = re.compile(
    r"[^，。,\s]{0,6}?(?:大学|学院|学校|中学|小学)的?(?:学生|研究生|新生|大学生|本科生|博士生)"
)
_TAKEN_TO_BEFORE = re.compile(r"(?:送到|送去|送往|拉到|拉去|转到|转去|转院到|(?:要|准备|打算)转(?:院)?)\s?$")
# on the way somewhere is not there ("自驾去瑞丽，在路上追尾了", "回老家的路上")
_EN_ROUTE_BEFORE = re.compile(r"(?:去|往|回|到)(?:\s*(?:那个|那|嗯))*\s*$")
_EN_ROUTE_AFTER = re.compile(
    r"\s*(?:的)?\s*(?:路上|途中|半路|半道)|[，,]?\s*(?:嗯\s*)?在\s*(?:[^，。,\s]{0,5}?高速上|路上|途中|半路|半道)"
)
_ORIGIN_AFTER = re.compile(r"的?人(?![民员])|籍|户口|口音|老乡|的?(?:游客|旅客)|来的")
_ORIGIN_BEFORE = re.compile(r"来自$|老乡是?$|户口在$|籍贯是?$|从$")
# (said of the insured by someone else; "我是昆山的，…在厂里摔了" is where the reporter lives and works)
_IS_FROM_BEFORE = re.compile(r"(?:他|她|伊|人家)(?:老家)?是$")
# "身份证…，老家四川邻水的": said with the ID number, where the insured comes from (see _after_id_number)
_HOMETOWN_BEFORE = re.compile(r"老家(?:是|在)?$")
_IS_FROM_AFTER = re.compile(r"的(?=[\s，,。；;]|$)")
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[，,。；;])\s*$")
# (the claim-slot reader hands over its text with the numbers it read blanked out)
_ID_NUMBER_CLAUSE = re.compile(r"身份证|[0-9]{17}[0-9Xx]| {15,}")
_FROM_CLAUSE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?的(?=[\s，,。；;]|$)")
_REPORTER_IS_BEFORE = re.compile(r"(?:我|俺)(?:们|家)?(?:就|都)?是\s?$")
# "从上海来新疆玩": where someone came from; "从楼上摔下来" is not a place at all, "从成都出发…" is kept
_COME_AFTER = re.compile(r"\s*(?:过来|来|到|出发|出来|去|回|往回|开车|坐车|坐飞机)")
# weak city short names that stay everyday words even after 在/到 ("在东方", "去海北")
_WEAK_CITY_EVERYDAY = {"东方", "阿里", "山南", "海南", "海北", "海西", "兴安", "来宾", "中山"}
_HOME_AFTER = re.compile(r"\s*(?:家里|家中|的家|屋企|屋里|屋头|老家|市区|市里|上班|打工|工作|农村|乡下|村里|镇上)")
_HOSPITAL_QUALIFIER = re.compile(r"^(?:的那个|的那家|那个|那家|的那|的)")
_NON_DISTRICT_WORDS = ("小区", "城区", "园区", "景区", "社区", "郊区", "市区", "院区", "校区", "厂区", "山区",
                       "矿区", "新区", "辖区", "片区", "街区", "营区", "病区", "开发区", "牧区", "库区", "灾区",
                       # economic and functional zones people name instead of a district ("合肥经开区")
                       "经开区", "高新区", "港区", "保税区", "自贸区", "工业区", "试验区", "示范区", "商务区")


# Inner Mongolia's banners go by abbreviations: the first character of the Mongolian name, the wing and the
# position ("科尔沁左翼中旗" is 科左中旗, "土默特右旗" 土右旗); a few take other short forms by custom.
_BANNER = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,4}?)(?P<side>左翼|右翼|左|右)?(?P<pos>前|中|后)?旗$")
_BANNER_CUSTOM = {"达尔罕茂明安联合旗": ("达茂旗",), "东乌珠穆沁旗": ("东乌旗",), "西乌珠穆沁旗": ("西乌旗",),
                  "莫力达瓦达斡尔族自治旗": ("莫旗",), "达拉特旗": ("达旗",), "准格尔旗": ("准旗",),
                  "伊金霍洛旗": ("伊旗",), "鄂伦春自治旗": ("鄂伦春旗",), "鄂温克族自治旗": ("鄂温克旗",),
                  "阿鲁科尔沁旗": ("阿旗",)}
# a county or district named after the peoples living there: 管城回族区, 长阳土家族自治县
_ETHNIC_UNIT = re.compile(r"^(?P<stem>[\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{0,4}?族)+(?:自治)?(?P<unit>[区县])$")
# cities called by their first character and 市 ("呼市" for 呼和浩特)
_CITY_CUSTOM = {"呼和浩特市": ("呼市",), "乌鲁木齐市": ("乌市",), "哈尔滨市": ("哈市",), "齐齐哈尔市": ("齐市",)}
# districts their own cities call by a customary two-character name rather than the regular short form
# (the source's short names keep part of a rare suffix: "六枝特" for 六枝特区, "大柴旦行政" for 大柴旦行政区)
_DISTRICT_CUSTOM = {"昆都仑区": ("昆区",), "沙坪坝区": ("沙区",), "沙依巴克区": ("沙区",), "六枝特区": ("六枝",),
                    "大柴旦行政区": ("大柴旦",), "前郭尔罗斯蒙古族自治县": ("前郭", "前郭县")}


def _banner_abbreviations(name: str) -> tuple[str, ...]:
    if name in _BANNER_CUSTOM:
        return _BANNER_CUSTOM[name]
    m = _BANNER.match(name)
    if m is None or not (m.group("side") or m.group("pos")):
        return ()
    return (m.group("stem")[0] + (m.group("side") or "")[:1] + (m.group("pos") or "") + "旗",)


@dataclass(frozen=True)
class Division:
    adcode: str
    name: str
    level: str  # province | city | district
    province: str
    city: str | None
    legacy: bool = False


@dataclass
class PlaceResult:
    province: str | None = None
    city: str | None = None
    district: str | None = None
    start: int = -1
    end: int = -1
    problem: str | None = None
    ambiguous: list[str] = field(default_factory=list)
    likely: tuple[str, str, str] | None = None
    """For an ambiguous name, the reading in the one most prominent city (a municipality, else a provincial
    capital) if there is one: a best guess a person checks, never a silent answer."""
    readings: list[tuple[str, str, str, str]] = field(default_factory=list)
    """For an ambiguous name, every reading as (province, city, district, GB/T 2260 code)."""
    reporters_own: bool = False
    """Said as where the reporter works or studies ("我是在东莞打工的"): the place only if the report is their own."""
    where_treated: bool = False
    said_as_home: bool = False
    """Said as where the reporter is from ("我是德化的，…"): the home, which an illness need not have struck."""
    """Named only as where the insured was treated ("现在在吉首住院"): the likeliest place, still to be confirmed."""
    short_district: bool = False
    """The district was named by its short form ("曲江"), not in full ("雁塔区")."""

    def as_slot(self) -> dict[str, str | None]:
        return {"province": self.province, "city": self.city, "district": self.district}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    surface: str
    short: bool
    divisions: tuple[Division, ...]

    @property
    def level(self) -> str:
        return self.divisions[0].level


class DivisionTable:
    def __init__(self, data: dict[str, Any], landmarks: list[dict[str, Any]] | None = None) -> None:
        landmarks = landmarks or []
        prov: dict[str, str] = {}
        city_of: dict[str, Division] = {}
        self.surface: dict[str, list[tuple[Division, bool]]] = {}
        # a district's names that end in its unit ("景宁县", "景宁畲族自治县"), for matching what was heard
        self._unit_names: dict[str, list[str]] = {}
        self._short_names: dict[str, list[str]] = {}  # two-character short names ("涿州", "神木")
        self.provinces: dict[str, Division] = {}
        self.cities: dict[str, list[Division]] = {}
        # everyday-word city short names ("定西", "中山"): a city only right after their province ("甘肃定西") or
        # right before one of their districts ("定西安定区")
        self.weak_city_short: dict[str, list[Division]] = {}
        self.districts: dict[str, list[Division]] = {}
        # two-character city short names ("三亚", "西宁"), which are no given names
        self.city_short_names = frozenset(short for _code, _name, _province, short in data["cities"] if len(short) == 2)
        for code, name, short in data["provinces"]:
            d = Division(code, name, "province", name, name if name in MUNICIPALITIES else None)
            prov[code] = name
            self.provinces[name] = d
            self._add(name, d, False)
            self._add(short, d, True)
        for code, name, pcode, short in data["cities"]:
            pname = prov[pcode]
            if pname in MUNICIPALITIES:
                d = Division(code, pname, "city", pname, pname)
                city_of[code] = d
                continue  # the municipality itself is found as a province
            d = Division(code, name, "city", pname, name)
            city_of[code] = d
            self.cities.setdefault(name, []).append(d)
            self._add(name, d, False)
            if short != name and len(short) >= 2 and short not in _CITY_SHORT_STOP:
                self._add(short, d, True)
            elif short in _CITY_SHORT_STOP:
                self.weak_city_short.setdefault(short, []).append(d)
            if name.endswith("自治州") and short != name:
                self._add(short + "州", d, False)  # "恩施州", "大理州": what people call an autonomous prefecture
            for custom in _CITY_CUSTOM.get(name, ()):
                self._add(custom, d, False)
        # cities without county-level divisions (东莞, 儋州, Hainan's counties): the city is the whole place
        self.cities_with_districts: set[str] = set()
        for code, name, ccode, short, legacy in data["districts"]:
            c = city_of[ccode]
            d = Division(code, name, "district", c.province, c.city, bool(legacy))
            if c.city and not legacy:
                self.cities_with_districts.add(c.city)
            self.districts.setdefault(name, []).append(d)
            self._add(name, d, False)
            if short != name and len(short) >= 2:
                self._add(short, d, True)
            ethnic = _ETHNIC_UNIT.match(name)
            if ethnic:
                # "管城区" for 管城回族区, "长阳县" for 长阳土家族自治县: the unit without its peoples
                self._add(ethnic.group("stem") + ethnic.group("unit"), d, False)
                if short != ethnic.group("stem"):
                    self._add(ethnic.group("stem"), d, True)
            for custom in _DISTRICT_CUSTOM.get(name, ()):
                self._add(custom, d, True)
            for abbreviation in _banner_abbreviations(name):
                self._add(abbreviation, d, False)  # "土右旗" for 土默特右旗: what Inner Mongolia says
            if name.startswith("市") and c.city and not d.legacy:
                # "乐山市中区" is 乐山 + 市中区, not 乐山市 + an unknown "中区"
                self._add(c.city + name[1:], d, False)
        self._district_names_of_city: dict[str, list[str]] = {}
        for name, divs in self.districts.items():
            for d in divs:
                if d.city:
                    self._district_names_of_city.setdefault(d.city, []).append(name)
        self._landmarks: dict[str, tuple[str, str, str | None]] = {}
        for row in landmarks:
            for name in row["names"]:
                self._landmarks[name] = (row["province"], row["city"], row["district"])
        self._landmark_regex = re.compile(literal_pattern(self._landmarks))
        keys = sorted({*self.surface, *self.weak_city_short}, key=len, reverse=True)
        self._regex = re.compile(literal_pattern(keys))
        self._unknown_district = re.compile(r"[\u4e00-\u9fff]{1,4}?[区县]")
        self.n_provinces = len(data["provinces"])
        self.n_cities = len(data["cities"])
        self.n_districts = len(data["districts"])

    def _add(self, surface: str, d: Division, short: bool) -> None:
        lst = self.surface.setdefault(surface, [])
        if all(x.adcode != d.adcode for x, _ in lst):
            lst.append((d, short))
        if d.level == "district" and surface[-1:] in "区县市旗":
            self._unit_names.setdefault(d.adcode, []).append(surface)
        elif d.level == "district" and short and len(surface) == 2:
            self._short_names.setdefault(d.adcode, []).append(surface)

    # ------------------------------------------------------------------ mentions
    def mentions(self, text: str, whole_answer: bool = False, hint_cities: Sequence[str] = ()) -> list[_Mention]:
        out: list[_Mention] = []
        for m in self._regex.finditer(text):
            weak = self._weak_city(text, m, out[-1] if out else None, hint_cities, whole_answer)
            if weak is not None:
                out.append(_Mention(m.start(), m.end(), m.group(0), True, (weak,)))
                continue
            entries = self.surface.get(m.group(0), [])
            if not entries:
                continue
            # Prefer the full-name reading when a surface is both (e.g. a full name of one and short of another).
            full = [d for d, short in entries if not short]
            divs = full or [d for d, _ in entries]
            # Among readings, higher levels first: "吉林" the province before 吉林市; "海南" the province.
            order = {"province": 0, "city": 1, "district": 2}
            divs = sorted(divs, key=lambda d: order[d.level])
            top = [d for d in divs if d.level == divs[0].level]
            prev = out[-1] if out else None
            if prev is not None and _adjacent(text, prev.end, m.start()) and prev.level != "district":
                # "北京朝阳": after a place, read the name as that place's district if it has one
                inside = [d for d in divs if d.level == "district" and any(
                    d.province == p.province and (p.level == "province" or d.city == p.city)
                    for p in prev.divisions)]
                city_inside = [d for d in divs if d.level == "city" and prev.level == "province"
                               and any(d.province == p.province for p in prev.divisions)]
                top = city_inside or inside or top
            out.append(_Mention(m.start(), m.end(), m.group(0), not full and not _is_full(m.group(0), top),
                                tuple(top)))
        kept: list[_Mention] = []
        for mention in out:
            misheard = self._district_heard_in(text, mention, kept[-1] if kept else None)
            if misheard is not None:
                kept.append(misheard)  # "丽水 井宁县": 景宁县 as speech recognition wrote it, not 庆阳's 宁县
                continue
            if mention.short and mention.level == "district" and mention.start > 0 \
                    and "\u4e00" <= text[mention.start - 1] <= "\u9fff" \
                    and text[mention.start - 1] not in _BEFORE_SHORT_DISTRICT_OK \
                    and not (kept and _adjacent(text, kept[-1].end, mention.start)):
                continue  # "亚龙湾" is a bay in 三亚, not 温州's 龙湾区: a short name inside a longer word
            if mention.short and mention.level == "district" \
                    and re.match(r"公路|桥(?![区县市镇乡村])", text[mention.end:mention.end + 2]):
                continue  # "盘山公路", "新都桥": a road or a town named like a district
            if mention.short and mention.level == "district" \
                    and re.match(r"街(?![道上里区])|大街|巷|胡同", text[mention.end:mention.end + 2]) \
                    and not (kept and _adjacent(text, kept[-1].end, mention.start)):
                continue  # "在回民街那儿" (西安): a street named like a district; "太原迎泽大街" keeps 迎泽区
            if mention.short and mention.level == "district" and _MOUNTAIN_AFTER.match(text, mention.end) \
                    and mention.surface + "山" not in self.surface \
                    and not (kept and _adjacent(text, kept[-1].end, mention.start)):
                continue  # "长白山万达那个滑雪场": a mountain named like a county, not 长白县
            if mention.short and mention.level == "district" and text[mention.end:mention.end + 1] == "湖" \
                    and mention.surface + "湖" not in self.surface \
                    and not (kept and _adjacent(text, kept[-1].end, mention.start)):
                continue  # "在鄱阳湖边钓鱼": a lake shared by several counties, not 鄱阳县
            landmark = self._landmark_regex.match(text, mention.start) if mention.short else None
            if landmark is not None and landmark.end() > mention.end:
                continue  # "缙云山" is a mountain in 北碚, not 缙云县: the longer, known name
            if landmark is not None and landmark.end() == mention.end \
                    and self._landmarks[landmark.group(0)][2] not in (None, *(d.name for d in mention.divisions)) \
                    and not (kept and _adjacent(text, kept[-1].end, mention.start)):
                continue  # "去黄龙玩": the scenic area in 松潘, not 延安's 黄龙县 (said after 延安, it is the county)
            if mention.short and mention.level in ("city", "province") \
                    and _ROAD_OR_LAKE_AFTER.match(text[mention.end:mention.end + 3]):
                continue  # "南京西路地铁站", "在北京路": a road named after a city, not the city
            if mention.surface in _NON_DISTRICT_WORDS and not (
                kept and _adjacent(text, kept[-1].end, mention.start) and kept[-1].level != "district"
            ):
                continue  # "伊宁市郊区": the outskirts of 伊宁, not one of the districts called 郊区
            if mention.short and mention.level == "district" and not whole_answer:
                prev = kept[-1] if kept else None
                after_place = prev is not None and _linked(text, prev.end, mention.start) \
                    and prev.level != "district" and any(
                    d.province == p.province and (p.level == "province" or d.city == p.city)
                    for d in mention.divisions for p in prev.divisions
                )  # "大理古城" is the old town of 大理, not 丽江's 古城区
                workplace = _WORKPLACE_AFTER.match(text[mention.end:mention.end + 7]) is not None \
                    and mention.surface not in self.city_short_names
                # "在家（闵行）": a district said in brackets
                bracketed = text[mention.start - 1:mention.start] in ("（", "(") \
                    and text[mention.end:mention.end + 1] in ("）", ")")
                if not after_place and not workplace and not bracketed \
                        and not _DISTRICT_SHORT_OK_AFTER.match(text[mention.end:mention.end + 3]) \
                        and not self._locative_short(text, mention, hint_cities):
                    continue
            if mention.level != "district" and _HOSPITAL_QUALIFIER.match(text[mention.end:mention.end + 3]) and \
                    re.search("[院　]", text[max(0, mention.start - 4):mention.start]) \
                    and not _HOSPITAL_NEXT.match(text, mention.end):
                # "中山医院，上海的那个": a qualifier of the hospital, not a place (but "送到 医院 南京的 省人民医院"
                # names the city of the hospital that follows)
                continue
            kept.append(mention)
        return kept

    def _weak_city(self, text: str, m: re.Match[str], prev: _Mention | None, hint_cities: Sequence[str] = (),
                   whole_answer: bool = False) -> Division | None:
        candidates = self.weak_city_short.get(m.group(0), [])
        if whole_answer and len(candidates) == 1 and re.fullmatch(r"[\s在是就那个嗯]*", text[:m.start()]) \
                and not re.match(r"路|街|大道|公园|广场|红", text[m.end():m.end() + 2]):
            return candidates[0]  # asked where, "东方，八所港…": the answer starts with the city
        for d in candidates:
            after_province = prev is not None and _adjacent(text, prev.end, m.start()) and prev.level == "province" \
                and d.province in {p.province for p in prev.divisions}
            districts = self._district_names_of_city.get(d.city or "", ())
            before_district = any(text.startswith(n, m.end()) for n in districts if len(n) >= 2)
            after_locative = bool(_LOCATIVE_BEFORE.search(text[max(0, m.start() - 10):m.start()].rstrip())) and (
                m.group(0) not in _WEAK_CITY_EVERYDAY
                # "喺中山屋企", "在中山家里", or the hospital is that city's: not 中山路 or 中山公园
                or _HOME_AFTER.match(text, m.end()) is not None or d.city in hint_cities
            )
            # "我是中山一家灯饰厂的人事": a city before an organisation it has
            organisation = re.match(r"\s?(?:一家|一所|一个)[^，。,]{0,8}?(?:厂|公司|学校|中学|小学|医院|店|酒店|工地)",
                                    text[m.end():m.end() + 14]) is not None
            if after_province or before_district or after_locative or organisation:
                return d
        return None

    @staticmethod
    def _locative_short(text: str, mention: _Mention, hint_cities: Sequence[str] = ()) -> bool:
        current = [d for d in mention.divisions if not d.legacy] or list(mention.divisions)
        if len(current) > 1 and hint_cities:
            # "在宝山仓库里 … 上海市第十人民医院": the treating hospital's city picks one of several 宝山区
            current = [d for d in current if d.city in hint_cities] or current
        return (
            len(current) == 1
            and mention.surface not in _LOCATIVE_SHORT_STOP
            and bool(_LOCATIVE_BEFORE.search(text[max(0, mention.start - 10):mention.start].rstrip()))
        )

    # ------------------------------------------------------------------ resolution
    def resolve(self, text: str, *, whole_answer: bool = False, hint_cities: list[str] | None = None
                ) -> PlaceResult | None:
        """The place the text names (the most specific one), or None when it names none."""
        ms = self.mentions(text, whole_answer, hint_cities or [])
        chains: list[list[_Mention]] = []
        for mention in ms:
            if chains and ((mention.start - chains[-1][-1].end <= 1 and
                           text[chains[-1][-1].end:mention.start] in ("", "省", "市", " ", "的"))
                           or (mention.level == "district" and chains[-1][-1].level != "district"
                           and _linked(text, chains[-1][-1].end, mention.start))):
                chains[-1].append(mention)
            else:
                chains.append([mention])
        # where someone is from or lives is not where it happened ("邻水县的人在成都的工地摔了", "我们家在洪山区")
        # where someone comes from is not where it happened ("邻水县的人在成都的工地摔了"); where they live may well
        # be, so a residence counts
        # nor is where the insured was taken for treatment ("送到西宁，在青海大学附属医院住的院", "在济南住院")
        # (a district said with the hospital, "天水秦州区的医院", is kept: people name the district when it is local)
        chains = [c for c in chains if whole_answer or not (
            _ORIGIN_AFTER.match(text, c[-1].end)
            # "他是广西桂平的，身份证…", "身份证是…，贵州从江的。": where the insured is from
            or (_IS_FROM_BEFORE.search(text[max(0, c[0].start - 4):c[0].start].rstrip())
                and _IS_FROM_AFTER.match(text, c[-1].end))
            # (said with the ID number: "我叫张敏，河间的，…在家里摔了" is the home where it happened)
            or ((_CLAUSE_START_BEFORE.search(text[max(0, c[0].start - 3):c[0].start])
                 or _HOMETOWN_BEFORE.search(text[max(0, c[0].start - 3):c[0].start]))
                and _FROM_CLAUSE_AFTER.match(text, c[-1].end)
                and _after_id_number(text, c[0].start))
            or (_ORIGIN_BEFORE.search(text[max(0, c[0].start - 3):c[0].start])
                and (text[c[0].start - 1:c[0].start] != "从" or _COME_AFTER.match(text, c[-1].end)))
            or ((_EN_ROUTE_AFTER.match(text, c[-1].end) or _TREATMENT_TRIP_AFTER.match(text, c[-1].end))
                and _EN_ROUTE_BEFORE.search(text[max(0, c[0].start - 8):c[0].start]))
            or (c[-1].level != "district" and (_TREATED_AFTER.match(text, c[-1].end)
                                               or _HOSPITAL_OF_CITY_AFTER.match(text, c[-1].end)))
            # "送去 顺德 那边医院": where the insured was taken, whatever the level
            or _TAKEN_TO_BEFORE.search(text[max(0, c[0].start - 4):c[0].start])
            # "我是厦门大学的学生": the school someone studies at, not where it happened
            or (re.search(r"是\s?$", text[max(0, c[0].start - 2):c[0].start]) is not None
                and _STUDIES_AT_AFTER.match(text, c[-1].end) is not None)
        )]
        # the district of the hospital counts only when nothing else says where it happened ("在呼伦贝尔草原上…翻了，
        # 在海拉尔的呼伦贝尔市人民医院住院" happened on the grassland, not in 海拉尔区)
        # (a chain after 送到 is gone already, whatever its level)
        treated = [c for c in chains if not whole_answer and c[-1].level == "district"
                   and _TREATED_AFTER.match(text, c[-1].end)]
        if treated and len(treated) < len(chains):
            chains = [c for c in chains if c not in treated]
        # "我是阿克苏市的，我丈夫…在温宿县的果园里": where the reporter is from gives way to where it happened (alone,
        # it is often the home where it did: "我是莲花县的，我爸昨天在菜地里…")
        from_here = [c for c in chains if not whole_answer
                     and _REPORTER_IS_BEFORE.search(text[max(0, c[0].start - 4):c[0].start])
                     and _IS_FROM_AFTER.match(text, c[-1].end)]
        if from_here and any(c not in from_here and _LOCATIVE_BEFORE.search(text[max(0, c[0].start - 10):c[0].start])
                             for c in chains):
            chains = [c for c in chains if c not in from_here]
        # "我儿子在武汉读大学，…", "我闺女在长春上班，…": where someone studies or works, not where it happened
        # (not when it happened there: "在南昌东湖区上班路上摔了", "…在单位晕倒了", "在宿舍楼下打球扭了膝盖")
        chains = [c for c in chains if whole_answer or not (
            re.search(r"在\s?$", text[max(0, c[0].start - 2):c[0].start])
            and _STUDIES_OR_WORKS_AFTER.match(text, c[-1].end)
            and not _AT_WORK_OR_SCHOOL.search(text, c[-1].end))]
        own = [c for c in chains if not whole_answer
               and _REPORTER_BEFORE.search(text[max(0, c[0].start - 6):c[0].start])
               and (_REPORTER_AFTER.match(text, c[-1].end) or _SOMEONE_ELSE_THERE_AFTER.match(text, c[-1].end))]
        if own and len(own) < len(chains):
            chains = [c for c in chains if c not in own]  # "我是在昆山打工的 我爸 在永城老家 收麦": 永城
        context = [d for mention in ms if mention.level != "district" for d in mention.divisions]
        landmarks = self.landmarks(text)
        # "江北区 观音桥": a landmark said with a district of that name in two cities tells which city
        hints = [*(hint_cities or []), *(lm.city for lm in landmarks if lm.city)]
        results = [self._resolve_chain(c, context, hints, text) for c in chains]
        results = [dataclasses.replace(r, where_treated=c in treated, reporters_own=c in own,
                                       said_as_home=c in from_here)
                   for c, r in zip(chains, results, strict=True)]
        # "北京环球度假区": a landmark that starts with its city is not a district of that city nobody has heard of
        results = [r for r in results if not (r.problem and any(
            lm.start <= r.start < lm.end for lm in landmarks))]
        best: PlaceResult | None = None
        for r in results + landmarks:
            if best is None or _rank(r, r in landmarks) > _rank(best, best in landmarks):
                best = r
        return best

    def landmarks(self, text: str) -> list[PlaceResult]:
        """Scenic spots and landmarks named instead of a district ("洪崖洞", "平遥古城")."""
        found = [
            PlaceResult(*self._landmarks[m.group(0)], start=m.start(), end=m.end())
            for m in self._landmark_regex.finditer(text) if _whole_word(text, m.start(), m.end())
        ]
        if found or " " not in text:
            return found
        joined, kept = without_pauses(text, _ONE_PAUSE)  # "在 丝绸之路 滑雪场": pauses inside a landmark's name
        return [
            PlaceResult(*self._landmarks[m.group(0)], start=kept[m.start()], end=kept[m.end() - 1] + 1)
            for m in self._landmark_regex.finditer(joined) if _whole_word(joined, m.start(), m.end())
        ]

    def _resolve_chain(self, chain: list[_Mention], context: list[Division], hints: list[str], text: str
                       ) -> PlaceResult:
        start, end = chain[0].start, chain[-1].end
        provinces = {d.province for m in chain if m.level == "province" for d in m.divisions}
        cities = {d.city for m in chain if m.level == "city" for d in m.divisions}
        if provinces & set(MUNICIPALITIES):
            cities |= provinces & set(MUNICIPALITIES)
        dmentions = [m for m in chain if m.level == "district"]
        # the last district that lies in the city or province said ("大同平城区 古城墙": not 丽江's 古城区)
        fitting = [m for m in dmentions if any(
            (d.city in cities) if cities else (d.province in provinces) for d in m.divisions
        )] if (cities or provinces) else []
        if dmentions and (cities or provinces) and not fitting and all(m.short for m in dmentions):
            dmentions = []  # "澄迈老城": 老城 is the old town of 澄迈, not 洛阳's 老城区
        if dmentions:
            # with no city or province said, the first district is the place ("在蓟州 盘山底下")
            dm = fitting[-1] if fitting else (dmentions[-1] if cities or provinces else dmentions[0])
            # "伊宁 伊宁市": the name said again in full picks one of the places the short name could be
            first_codes = {d.adcode for d in dm.divisions}
            narrower = [m for m in dmentions if m.start > dm.start and len(m.divisions) < len(first_codes)
                        and {d.adcode for d in m.divisions} <= first_codes]
            if narrower:
                dm = narrower[-1]
            cands = list(dm.divisions)
            if cities:
                cands = [d for d in cands if d.city in cities]
            elif provinces:
                cands = [d for d in cands if d.province in provinces]
            if not cands:
                heard = self._district_by_sound({c for c in cities if c}, dm.surface)
                if heard is not None:  # "宁波 银州区": 鄞州区, written by speech recognition as another city's 银州区
                    return PlaceResult(heard.province, heard.city, heard.name, start, end)
                where = "".join(m.surface for m in chain if m.level != "district")
                return PlaceResult(start=start, end=end,
                                   problem=f"{where}没有叫“{dm.surface}”的区县，请再核对一下地点")
            if len(cands) > 1:
                narrowed = [d for d in cands if d.city in {c.city for c in context}] or \
                           [d for d in cands if d.province in {c.province for c in context}] or \
                           [d for d in cands if d.city in hints]
                if narrowed:
                    cands = narrowed
            if len(cands) > 1:
                current = [d for d in cands if not d.legacy]
                cands = current or cands
            if len(cands) > 1:
                ranked = sorted(cands, key=_prominence, reverse=True)
                top = ranked[0]
                likely = (top.province, top.city or top.province, top.name) \
                    if _prominence(top) > _prominence(ranked[1]) else None
                return PlaceResult(start=start, end=end, ambiguous=[f"{d.city}{d.name}" for d in cands], likely=likely,
                                   readings=[(d.province, d.city or d.province, d.name, d.adcode) for d in cands])
            d = cands[0]
            return PlaceResult(d.province, d.city, d.name, start, end, short_district=dm.short)
        if cities:
            cmentions = [m for m in chain if m.level == "city"]
            divs = list(cmentions[-1].divisions) if cmentions else []
            if provinces and divs:
                divs = [d for d in divs if d.province in provinces] or divs
            if divs:
                d = divs[0]
                by_sound = self._district_heard_after(text, start, end, d.city or d.name)
                if by_sound is not None:  # "沈阳 魂南区": 浑南区 as speech recognition wrote it
                    return by_sound
                problem = self._unknown_district_after(text, end, d.city or d.name)
                return PlaceResult(d.province, d.city, None, start, end, problem)
            city = sorted(c for c in cities if c)[0]
            by_sound = self._district_heard_after(text, start, end, city)
            if by_sound is not None:  # "北京 风台区": a municipality's 丰台区 as speech recognition wrote it
                return by_sound
            problem = self._unknown_district_after(text, end, city)
            return PlaceResult(city, city, None, start, end, problem)
        prov = sorted(provinces)[0]
        return PlaceResult(prov, None, None, start, end)

    def _district_heard_in(self, text: str, mention: _Mention, prev: _Mention | None) -> _Mention | None:
        """A district of the city just said, misheard as a place elsewhere: in "丽水 井宁县" the word is 井宁县
        (景宁县), of which 宁县 (庆阳) is only the end; in "酒泉 苏州区" and "菏泽 运城县" a city's name with a unit
        after it is 肃州区 and 郓城县 as speech recognition wrote them."""
        if prev is None or prev.level not in ("city", "province") or mention.level not in ("district", "city"):
            return None
        cities = {d.city for d in prev.divisions if d.city}
        if not cities or any(d.city in cities for d in mention.divisions):
            return None
        spans = []
        if mention.level == "district" and mention.start >= 1 and _adjacent(text, prev.end, mention.start - 1) \
                and "\u4e00" <= text[mention.start - 1] <= "\u9fff":
            spans.append((mention.start - 1, mention.end))
        if _adjacent(text, prev.end, mention.start) and text[mention.end:mention.end + 1] in ("区", "县", "市", "旗"):
            spans.append((mention.start, mention.end + 1))
        for start, end in spans:
            word = text[start:end]
            if word in self.surface:
                continue
            heard = self._district_by_sound(cities, word)
            if heard is not None:
                return _Mention(start, end, word, False, (heard,))
        return None

    def _district_heard_after(self, text: str, start: int, end: int, city: str) -> PlaceResult | None:
        """The place, when a district-looking word right after ``city`` sounds like one of its districts."""
        said = _DISTRICT_WORD_AFTER.match(text, end)
        heard = self._district_by_sound({city}, said.group(1)) if said else None
        if said is not None and heard is not None:
            return PlaceResult(heard.province, heard.city, heard.name, start, said.end())
        # "保定 卓州 老家", "榆林 神母 煤矿": a district's short name misheard, two characters that are no word
        bare = _TWO_CHARACTERS_AFTER.match(text, end)
        if bare is None or bare.group(1) in self.surface or bare.group(1) in known_words():
            return None
        d = self._district_by_sound({city}, bare.group(1), short=True)
        return PlaceResult(d.province, d.city, d.name, start, bare.end(), short_district=True) if d else None

    def _district_by_sound(self, cities: set[str], word: str, *, short: bool = False) -> Division | None:
        """The one district of ``cities`` whose name sounds like ``word`` (toneless, with the usual southern
        confusions folded), if exactly one does: a speech recogniser writes 浑南区 as 魂南区, 邕宁区 as 拥宁区.
        The names compared are those with the unit ("井宁县" is heard for 景宁县, which is 景宁畲族自治县), or with
        ``short`` the two-character short names ("卓州" for 涿州)."""
        if not word or len(word) < 2:
            return None
        sound = tuple(to_pinyin(word, fuzzy=True))
        if len(sound) != len(word):
            return None
        found = {d.adcode: d for d in self._districts_of_cities(cities) if not d.legacy and any(
            len(name) == len(word) and tuple(to_pinyin(name, fuzzy=True)) == sound
            for name in (self._short_names.get(d.adcode, []) if short else self._unit_names.get(d.adcode, [d.name])))}
        return next(iter(found.values())) if len(found) == 1 else None

    def _districts_of_cities(self, cities: set[str]) -> list[Division]:
        return [d for city in cities for name in dict.fromkeys(self._district_names_of_city.get(city, ()))
                for d in self.districts[name] if d.city == city]

    def _unknown_district_after(self, text: str, end: int, city: str) -> str | None:
        """"杭州市火星区": a district-looking word right after a city that the city does not have."""
        m = self._unknown_district.match(text, end)
        if m and m.group(0).startswith("的"):
            return None  # "渭南的富平县": a separator, the district is read as its own mention
        if not m or m.group(0) in _NON_DISTRICT_WORDS or any(m.group(0).endswith(w) for w in _NON_DISTRICT_WORDS):
            return None
        if m.group(0) in self.districts:
            return None
        if len(m.group(0)) < 2:
            return None
        return f"{city}没有叫“{m.group(0)}”的区县，请再核对一下地点"


# "无锡的宜兴", "佛山那个顺德", "成都下面的郫都": a city, then one of its districts
_LINKS = frozenset({"的", "那个", "这个", "的那个", "那边的", "下面的", "下边的", "底下的"})


def _after_id_number(text: str, start: int) -> bool:
    """Whether the clause before the one starting at ``start`` gives the ID number ("身份证是…，贵州从江的")."""
    clauses = re.split(r"[，,。；;]", text[max(0, start - 40):start])
    return len(clauses) >= 2 and _ID_NUMBER_CLAUSE.search(clauses[-2]) is not None


def _linked(text: str, end: int, start: int) -> bool:
    """Adjacent (:func:`_adjacent`), or joined by a word that puts the second place inside the first."""
    return _adjacent(text, end, start) or (end <= start <= end + 6 and text[end:start].strip() in _LINKS)


def _whole_word(text: str, start: int, end: int) -> bool:
    """A landmark named in the text, not a hospital's campus ("光谷那个院区", "潘家园的 医院") and, for a two-character
    name, not two halves of two words ("工体", 工人体育场, across 员工|体检). Longer names are specific enough."""
    if _CAMPUS_AFTER.match(text, end):
        return False
    if end - start > 2:
        return True
    edges = word_edges(text)
    return start in edges or end in edges


# (a hospital's name is masked with ideographic spaces by the time places are read)
_CAMPUS_AFTER = re.compile(r"\s?(?:那个|那边的|的)?\s?(?:[^，。,\s]{0,8}?(?:院区|分院|医院)|　)")


def _adjacent(text: str, end: int, start: int) -> bool:
    """Right after each other, or with only a speech-recognition pause between ("广州 天河")."""
    return end <= start and start - end <= 2 and not text[end:start].strip()


def _is_full(surface: str, divs: list[Division]) -> bool:
    return any(d.name == surface for d in divs)


def _prominence(d: Division) -> int:
    """How likely a caller means this one of several districts with one name, before anything else is known:
    3 for a municipality's, 2 for a sub-provincial city's (广州, 南京, 深圳, 青岛 …), 1 for another provincial
    capital's (its city code ends in 01), else 0. Far more people live and call from the larger cities."""
    if d.province in MUNICIPALITIES:
        return 3
    if d.adcode[:4] in _SUB_PROVINCIAL_CITIES:
        return 2
    return 1 if d.adcode[2:4] == "01" else 0


# The fifteen sub-provincial cities: ten provincial capitals and the five cities planned separately (计划单列市).
_SUB_PROVINCIAL_CITIES = frozenset(
    {"2301", "2201", "2101", "3701", "3201", "3301", "4401", "4201", "5101", "6101"}
    | {"4403", "2102", "3702", "3302", "3502"}
)


_HOSPITAL_NEXT = re.compile(r"的?\s?[\u4e00-\u9fff]{1,8}?医院")


def _rank(r: PlaceResult, landmark: bool = False) -> tuple[int, int, int]:
    specificity = 3 if r.district else 2 if r.city else 1 if r.province else 0
    if r.problem:
        specificity = 4  # a stated-but-invalid place must be reported
    # a landmark with its district beats a city said alone, but not a district said outright; a district named in
    # full beats one read from a short name ("曲江那个院区，雁塔区": the campus, then the district)
    return (specificity, 0 if landmark else 2 if not r.short_district else 1, -r.start)


@lru_cache(maxsize=1)
def table() -> DivisionTable:
    files = resources.files("zhihui.nlu")
    raw = files.joinpath("data/divisions.json").read_text(encoding="utf-8")
    landmarks = json.loads(files.joinpath("data/landmarks.json").read_text(encoding="utf-8"))["landmarks"]
    return DivisionTable(json.loads(raw), landmarks)


def resolve_place(text: str, *, whole_answer: bool = False, hint_cities: list[str] | None = None
                  ) -> PlaceResult | None:
    return table().resolve(text, whole_answer=whole_answer, hint_cities=hint_cities)


def has_districts(city: str) -> bool:
    """Whether the city (full name) is divided into districts or counties; 东莞市 and 儋州市 are not."""
    return city in table().cities_with_districts


def city_short_names() -> frozenset[str]:
    """Two-character short names of prefecture-level cities ("三亚", "西宁"), which are no given names."""
    return table().city_short_names


def city_mentions(text: str) -> list[str]:
    """City full names mentioned in the text (municipalities included), in order."""
    out: list[str] = []
    districts: list[str] = []
    for m in table().mentions(text):
        if m.level == "district":
            # "在天河区摔了…在省医住院", "在珲春…送到延大医院": a district of one city only names that city too
            cities = {d.city for d in m.divisions}
            if len(cities) == 1 and m.divisions[0].city:
                districts.append(m.divisions[0].city)
            continue
        for d in m.divisions:
            if d.city and d.city not in out:
                out.append(d.city)
    # "在大明湖看灯…在省立医院": a landmark names its city too
    landmarks = [table()._landmarks[m.group(0)][1] for m in table()._landmark_regex.finditer(text)]
    return out + [c for c in dict.fromkeys([*districts, *landmarks]) if c not in out]
