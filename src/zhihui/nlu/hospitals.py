"""Hospital names and nicknames -> official full name, with the hospital's location.

The registry (`data/hospitals.json`) lists grade-3A hospitals of the provincial capitals and the larger
prefecture-level cities with the nicknames people use (六院, 协和, 华西, 北医三院 …). One regular expression
over every surface form, longest first, finds mentions; a city-prefixed form ("武汉协和", "上海六院", "延边医院")
is generated for each nickname. A nickname shared by several hospitals is resolved by a city named in the
text, otherwise the first-listed hospital wins, except for generic nicknames (省医院, 儿童医院 …) which need a
city.

Names that are not in the registry but look like a hospital's proper name ("泰兴市人民医院") are
returned as written; vague ones ("当地医院", "医院") are not hospitals. A generic nickname said right after a
place ("泰兴人民医院", "县人民医院") belongs to that place: it resolves only to a hospital of that city or province.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from zhihui.nlu.text import literal_pattern


@dataclass(frozen=True)
class Hospital:
    name: str
    province: str
    city: str
    district: str | None
    grade: str


@dataclass(frozen=True)
class HospitalMention:
    name: str
    start: int
    end: int
    hospital: Hospital | None  # None for an unregistered name returned as written
    ambiguous: bool = False


# what follows a numeral that counts or orders something ("一家", "一个", "二楼") rather than numbering a hospital
_MEASURE_AFTER = re.compile(r"[家个位次下些点样直起共般定天年月号楼层栋床趟回遍口只条辆根块]")
# Nicknames that only identify a hospital together with a city.
_GENERIC = {"省医", "省医院", "省人民医院", "省人医", "儿童医院", "肿瘤医院", "总医院", "市中心医院", "第一人民医院",
            "第六人民医院", "第九人民医院", "妇儿中心", "红十字会医院", "肿瘤防治中心", "协和", "同济", "中山医院",
            "协和医院", "同济医院", "医大总院",
            # municipal and prefecture hospitals: "市一院", "中心医院", "州医院" are said in every city
            "人民医院", "市人民医院", "中心医院", "中心人民医院", "市一院", "市一医院", "第二人民医院", "市二院",
            "第三人民医院", "工人医院", "州医院", "州人民医院", "州中心医院",
            # provincial and regional hospitals
            "自治区人民医院", "省一院", "省肿瘤医院", "省中医院", "军区总医院", "藏医院", "省立医院", "区人民医院",
            # kinds of hospital that many cities have
            "胸科医院", "肺科医院", "心血管病医院"}
# Generic nicknames that fall back to the first-listed hospital when no city is known.
_DEFAULTABLE = {"协和", "同济", "中山医院", "协和医院", "同济医院"}
# A generic nickname right after one of these is the tail of another hospital's name ("县人民医院").
_NAME_TAIL = set("县区镇乡旗村省州")
_CITY_SHORT_STRIP = ("市",)
# (and a city's numbered hospital said "毕节一医" or "昆山一院": N + 医 or N + 院 for N + 医院)
_UNKNOWN = re.compile(
    r"[\u4e00-\u9fff（）()]{1,16}?(?:医院|卫生院|保健院|医疗中心|医学中心|卫生服务中心"
    r"|(?<=[\u4e00-\u9fff][一二三四五六七八九])医(?![院生疗保药学科师务护嘱药])"
    r"|(?<=[\u4e00-\u9fff]{2}[一二三四五六七八九])院(?![子里内外长区落墙门]))"
)
# Words that end a phrase before a hospital name ("送到", "在", "去了").
_CUT_CHARS = "在到去送往进了的是和跟从说叫个这那就还过回转找嗯呃啊被把给让掉断截摔撞砸（("  # "骨折（某某医院）"
_CUT = re.compile(f".*[{_CUT_CHARS}]")
_INSTITUTION = re.compile(
    r"[市县区省镇乡盟州旗]|大学|附属|人民|中心|中医|妇幼|第[一二三四五六七八九十]|儿童|肿瘤|骨科|口腔|眼科|胸科|肺科|传染病|军|总"
)
_VAGUE_PREFIX = {"当地", "附近", "本地", "大", "小", "私立", "私人", "公立", "一家", "那家", "这家", "县", "市", "镇",
                 "乡", "区", "省", "社区", "这个", "那个", "哪个", "正规", "专科", "三甲", "外地", "老家"}


# "中医一院" is any city's first hospital of traditional medicine, not 中国医科大学's
_COMMON_WORD_STEMS = {"中医", "中医大"}
_PROPER_AFTER_AFFILIATION = re.compile(r"附属(?P<p>[\u4e00-\u9fff]{2,6}?)医院$")
_INSTITUTION_ONLY = re.compile(
    r"(?:第[一二三四五六七八九十]|人民|中心|儿童|妇产|肿瘤|口腔|眼科|胸科|肺科|传染病|中医|骨科|妇幼|总|中西医结合)+"
)
_NUMBERED = re.compile(r"第(?P<n>[一二三四五六七八九])(?:附属)?医院$")
_CHILDREN = re.compile(r"附属儿童医院$")
_STEM_OF_ALIAS = re.compile(r"^(?P<stem>.+?)(?:附属|附)?(?P<n>[一二三四五六七八九])(?:附属|附)?(?:院|医院)?$")


def _university_stems(name: str) -> set[str]:
    """How people shorten the university in a teaching hospital's name: 大连医科大学 -> 大连医大, 哈医大, 哈医;
    苏州大学 -> 苏大."""
    stems: set[str] = set()
    m = re.match(r"^(?P<u>[\u4e00-\u9fff]{2,3}?)医科大学", name)
    if m:
        u = m.group("u")
        stems |= {u + "医大", u[0] + "医大", u[0] + "医", u + "医科大学"}
        return stems
    m = re.match(r"^(?P<u>[\u4e00-\u9fff]{2})大学", name)
    if m:
        stems |= {m.group("u")[0] + "大", m.group("u") + "大学"}  # 苏大, and the name itself: "大理大学附一院"
    return stems


def derived_nicknames(
    name: str, aliases: list[str], others: set[str] | frozenset[str] = frozenset()
) -> tuple[set[str], set[str]]:
    """Systematic nicknames of a university teaching hospital, and the ones among them that need a city.

    A numbered hospital ("…第一附属医院", "…附属第二医院") is called stem + number in every order people use
    (大连医大二院, 大连医大附二院, 大连医大二附院); the stems come from the university's name and from the
    registry's hand-written aliases ("广西医大一附院" gives 广西医大). "医大二院" alone names a hospital in every
    city with a medical university, so it needs a city. A university's children's hospital is "苏大附儿院".
    """
    forms: set[str] = set()
    generic: set[str] = set()
    # "邯郸市第一医院" is a city's first hospital, not a university's first affiliated one ("附一院")
    numbered = _NUMBERED.search(name) if re.search(r"大学|学院|医科", name) else None
    stems = _university_stems(name)
    if numbered:
        n = numbered.group("n")
        for alias in aliases:
            m = _STEM_OF_ALIAS.match(alias)
            if m and m.group("n") == n and len(m.group("stem")) >= 2:
                stems.add(m.group("stem"))
        for stem in stems - _COMMON_WORD_STEMS:
            forms |= {stem + n + "院", stem + "附" + n + "院", stem + n + "附院", stem + "附属" + n + "院",
                      stem + "附" + n, stem + n + "附"}
            if n == "一" and "附属" in name and len(stem) >= 2 and not stem.endswith(("第", "市")) \
                    and stem + "附院" not in others:
                forms.add(stem + "附院")  # "安医附院": the first affiliated hospital goes without its number
        if "医科大学" in name:
            generic |= {"医大" + n + "院", "医大附" + n + "院", "医大" + n + "附院"}
        # "泉州附二院", "附一医": the city's university hospital number N, said after the city
        generic |= {"附" + n + "院", n + "附院", "附属" + n + "院", "附" + n + "医"}
        forms |= generic
    elif _CHILDREN.search(name):
        for stem in stems - _COMMON_WORD_STEMS:
            forms |= {stem + "附儿", stem + "附儿院", stem + "儿院", stem + "附属儿童医院"}
    elif re.fullmatch(r"[\u4e00-\u9fff]{2}大学附属医院", name):
        # "延大医院", "延大附院": the one hospital of a university; shared by 延边 and 延安, so a city decides
        short = name[0] + "大"
        # (not when another hospital is written that way: "北大医院" is 北京大学第一医院, not 北华大学's)
        generic |= {short + "医院", short + "附院"} - others
        forms |= generic
    else:
        proper = _PROPER_AFTER_AFFILIATION.search(name)
        if proper and not _INSTITUTION_ONLY.fullmatch(proper.group("p")):
            forms.add(proper.group("p") + "医院")  # 重庆大学附属三峡医院 -> 三峡医院
    # "汕大医学院第一附属医院": the whole name, the university shortened (苏州大学 -> 苏大, 哈尔滨医科大学 -> 哈医大)
    university = re.match(r"^[\u4e00-\u9fff]{2,3}?(?:医科)?大学", name)
    if university and len(name) - university.end() >= 4:
        for stem in stems - _COMMON_WORD_STEMS:
            if stem.endswith("大") and stem != university.group(0):
                forms.add(stem + name[university.end():])
    # "华西第二医院", "湘雅二医院": the name without its university, when what is left is a name of its own
    rest = name.split("大学", 1)[1] if "大学" in name else ""
    # (not a place's name plus 医院: "深圳医院" is what three universities call their Shenzhen hospitals)
    if len(rest) >= 4 and not rest.startswith(("附属", "第", "医学院", "医院", "临床")) \
            and not _INSTITUTION_ONLY.fullmatch(re.sub(r"(?:医院|院|防治中心|中心)$", "", rest)) \
            and not (rest.endswith("医院") and rest[:-2] in _place_names()):
        forms.add(rest)
    return forms, generic


class HospitalRegistry:
    # a numbered nickname whose stem is only a level of government is not said bare ("市一", "省二")
    _PLACE_WORDS = frozenset({"市", "省", "县", "区", "州", "市第", "省第"})

    def __init__(self, data: dict[str, Any]) -> None:
        self.hospitals: list[Hospital] = []
        self.generic_forms: set[str] = set(_GENERIC)
        surface: dict[str, list[int]] = {}
        # a hand-written name or nickname always means its own hospital ("北大医院" is 北京大学第一医院, not a
        # generated nickname of 北华大学附属医院)
        written = {form for row in data["hospitals"] for form in (row["name"], *row["aliases"])}
        for row in data["hospitals"]:
            idx = len(self.hospitals)
            h = Hospital(row["name"], row["province"], row["city"], row["district"], row.get("grade", ""))
            self.hospitals.append(h)
            short_city = city_short(h.city)
            forms = {h.name, *row["aliases"]}
            derived, generic = derived_nicknames(h.name, row["aliases"], written - forms)
            # (a nickname written by hand for another hospital is that one's: 南大一附院 is 南昌大学's, not 南华大学's)
            forms |= (derived - (written - forms)) | generic
            self.generic_forms |= generic
            if re.fullmatch(r"\w{2,3}(?:省|自治区)人民医院", h.name):
                # how people of the province say it ("在省医住起的"); the city in context decides
                forms |= {"省人民医院", "省医", "省人医", "省医院"}
            for alias in row["aliases"]:
                # "在湘雅二住院了": the numbered nickname without 院, unless its stem is a place ("上海一家公司")
                bare = re.fullmatch(r"(?P<stem>[\u4e00-\u9fff]{2,4}?)(?P<n>[一二三四五六七八九])院", alias)
                if bare and bare.group("stem") not in self._PLACE_WORDS and bare.group("stem") not in _place_names():
                    forms.add(bare.group("stem") + bare.group("n"))
            rest = _after_city(h.name, h.city, short_city)
            if rest is not None:
                # "市立医院", "第一中心医院" (and 一中心) said by someone of that city: the city in context decides
                city_forms = {rest}
                if rest == "中心人民医院" and h.city + "中心医院" not in written:
                    city_forms.add("中心医院")  # "四平市中心医院" is what 四平 calls its 中心人民医院
                numbered_centre = re.fullmatch(r"第(?P<n>[一二三四五六七八九])中心医院", rest)
                if numbered_centre:
                    city_forms.add(numbered_centre.group("n") + "中心")
                forms |= city_forms
                self.generic_forms |= city_forms
                numbered_people = re.fullmatch(r"第(?P<n>[一二三四五六七八九])(?:人民)?医院", rest)
                if numbered_people:
                    # "曲靖一院", "宜宾市二院": the city's Nth people's hospital (never the bare "一院")
                    nth = numbered_people.group("n") + "院"
                    forms |= {short_city + nth, h.city + nth}
            for written_name in (h.name, *row["aliases"]):
                provincial = re.fullmatch(r"(?P<p>\w{2,3}?)省(?P<rest>\w{1,8}(?:医院|保健院))", written_name)
                if provincial and h.province.startswith(provincial.group("p")):
                    forms.add("省" + provincial.group("rest"))  # "省儿童医院", "省立医院": the province decides
            if h.city.endswith("自治州") and h.name.startswith(h.city) and len(h.name) > len(h.city) + 2:
                forms.add("州" + h.name[len(h.city):])  # "州友谊医院" in 伊犁: the prefecture in context decides
            if h.name == h.province + "妇幼保健院":
                forms |= {"省妇幼", "省妇幼保健院"}  # "在省妇幼住着", of a province or an autonomous region
            for form in list(forms):
                if not form.startswith((short_city, h.province[:2])):
                    forms.add(short_city + form)
                    forms.add(h.city + form)
            for form in forms:
                lst = surface.setdefault(form, [])
                if idx not in lst:
                    lst.append(idx)
        # a nickname shared by hospitals of different cities ("广医一院", "山大二院") needs a city to decide, and so
        # does one relative to a place ("市肿瘤医院", "省一院")
        for form, idxs in surface.items():
            if (len({self.hospitals[i].city for i in idxs}) > 1 or form[0] in "市省区县州") \
                    and form not in _DEFAULTABLE:
                self.generic_forms.add(form)
        self.surface = surface
        self._places = _place_names()
        self._place_len = max(map(len, self._places), default=0)
        self._places_starting: dict[str, list[str]] = {}
        for place in self._places:
            self._places_starting.setdefault(place[0], []).append(place)
        self.by_name = {h.name: h for h in self.hospitals}
        keys = sorted(surface, key=len, reverse=True)
        self._regex = re.compile(literal_pattern(keys))

    def find(self, text: str, context_cities: list[str] | None = None) -> list[HospitalMention]:
        """Hospital mentions in text order. `context_cities` (full names, nearest first) disambiguate."""
        out: list[HospitalMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._regex.finditer(text):
            form = m.group(0)
            if self._starts_inside_place(text, m.start()):
                continue  # "永川医院" holds 川医 but is not 川医: the nickname starts inside a place name
            if form[-1] in "一二三四五六七八九" and _MEASURE_AFTER.match(text, m.end()):
                continue  # "中山一家工厂", "华西二楼": a numeral starting a count, not a numbered hospital
            climbed = re.search(r"[爬登游]\s?$", text[max(0, m.start() - 2):m.start()]) or (
                re.search(r"去\s?$", text[max(0, m.start() - 2):m.start()])
                and re.match(r"\s?(?:玩|旅游|游玩|爬山|旅行)", text[m.end():m.end() + 4]))
            if (_MOUNTAIN_AFTER.match(text, m.end()) or climbed) and "院" not in form:
                continue  # "华山脚下", "去爬华山": the mountain, not 华山医院
            cands = [self.hospitals[i] for i in self.surface[form]]
            chosen: Hospital | None = None
            ambiguous = False
            start = m.start()
            generic = form in self.generic_forms
            if len(cands) > 1 or generic:
                before = self._place_before(text, start) if generic else None
                if before is not None:
                    # "宁夏自治区人民医院", "泰兴人民医院", "县人民医院": the place said right before decides
                    places, n = before
                    hit = [h for h in cands if h.city in places
                           or (h.province in places and h.name.startswith(h.province[:2]))]
                    if not hit:
                        continue
                    chosen, start = hit[0], start - n
                for c in context_cities or []:
                    if chosen is not None:
                        break
                    hit = [h for h in cands if h.city == c]
                    if hit:
                        chosen = hit[0]
                if chosen is None:
                    # "株洲的…送到省儿童医院": a provincial hospital serves the whole province; so does the one
                    # hospital of that province a shared nickname can mean ("海东 乐都区 … 转到青大附院")
                    provinces = [_province_of_city().get(c) for c in context_cities or []]
                    hit = [h for p in provinces for h in cands if h.province == p]
                    if hit and (form.startswith("省") or len({h.name for h in hit}) == 1):
                        chosen = hit[0]
                if chosen is None:
                    if generic and form not in _DEFAULTABLE:
                        continue
                    chosen, ambiguous = cands[0], len(cands) > 1
            else:
                chosen = cands[0]
                for c in context_cities or []:
                    # "宁波海曙 … 在六院住着": the city's own hospital of that nickname (宁波六院), not the one the
                    # nickname means elsewhere (上海六院)
                    # ("友谊医院" in 伊犁 is 伊犁哈萨克自治州友谊医院, named with the prefecture's full name)
                    local = (self.surface.get(city_short(c) + form) or self.surface.get(c + form)) \
                        if chosen.city != c else None
                    if local and len(local) == 1 and self.hospitals[local[0]].city == c:
                        chosen = self.hospitals[local[0]]
                        break
                before = self._place_before(text, start)
                if before is not None and before[0] and chosen.city not in before[0] \
                        and chosen.province not in before[0]:
                    continue  # "天津胸科医院" is not 上海市胸科医院: another city's hospital, read as unregistered
                if before == (set(), 1) and not form.startswith(chosen.city[:2]):
                    continue  # "州友谊医院": the tail of another hospital's name ("伊犁州友谊医院"), not 北京友谊医院
            out.append(HospitalMention(chosen.name, start, m.end(), chosen, ambiguous))
            taken.append((start, m.end()))
        for m in _UNKNOWN.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            raw = m.group(0)
            cut = _CUT.match(raw[:-2])
            name = raw[cut.end():] if cut else raw
            if cut:
                # a cut word inside a place name is part of it: "送到昌吉回族自治州人民医院" (回 is not "back"),
                # "和田地区人民医院" (和 is not "and")
                at = cut.end() - 1
                for i in range(max(0, at - 6), at + 1):
                    if any(raw.startswith(p, i) and i + len(p) > at
                           for p in self._places_starting.get(raw[i], ()) if len(p) >= 2):
                        name = raw[i:]
                        break
            start = m.end() - len(name)
            short_numbered = name.endswith("医") or (name[-2:-1] in _ONE_NUMERAL and not name.endswith("医院"))
            if name.endswith("医"):
                name += "院"
            elif short_numbered:
                name = name[:-1] + "医院"  # "昆山一院"
            prefix = name[: len(name) - len(_suffix(name))]
            # "西安红会医院": a prefix that starts with a place and goes on is a name too
            placed = any(prefix.startswith(p) and (len(prefix) > len(p) + 1 or prefix[len(p):] in _ONE_NUMERAL)
                         for p in self._places_starting.get(prefix[:1], ()) if len(p) >= 2)  # also "大同三医院"
            if len(prefix) < 2 or prefix in _VAGUE_PREFIX or not (_INSTITUTION.search(prefix) or placed):
                continue
            if short_numbered and not any(
                prefix.startswith(p) and prefix[len(p):].lstrip("市") in _ONE_NUMERAL
                for p in self._places_starting.get(prefix[:1], ()) if len(p) >= 2
            ):
                continue  # "中医一院", "邯郸附一院": only a place and a number make a city's numbered hospital
            out.append(HospitalMention(name, start, m.end(), self.by_name.get(name)))
        out.sort(key=lambda h: h.start)
        return out

    def _starts_inside_place(self, text: str, start: int) -> bool:
        """Whether a place name of two or more characters begins before `start` and runs into it (and no place
        name ends right at `start`: "南昌江西省儿童医院" is 南昌 + 江西省儿童医院, not 昌江 inside it)."""
        if any(text[start - n:start] in self._places for n in range(2, min(self._place_len, start) + 1)):
            return False
        for i in range(max(0, start - self._place_len + 1), start):
            for place in self._places_starting.get(text[i], ()):
                if len(place) >= 2 and i + len(place) > start and text.startswith(place, i):
                    return True
        return False

    def _place_before(self, text: str, start: int) -> tuple[set[str], int] | None:
        """The place word right before a generic nickname: the provinces and cities (full names) it names and its
        length; no names when it is a county or only a name tail ("县", "区"); None when no place is said."""
        pause = 1 if start >= 2 and text[start - 1] == " " and text[start - 2] != " " else 0
        for n in range(min(self._place_len, start - pause), 1, -1):
            word = text[start - pause - n : start - pause]
            if word in self._places:
                return self._places[word], n + pause  # "保定 一中心": speech recognition's pause after the place
        if start and text[start - 1] in _NAME_TAIL and text[max(0, start - 2):start] not in ("市区", "城区", "县城"):
            return set(), 1  # (not "转到市区六院": downtown, not the tail of a name)
        return None


@lru_cache(maxsize=1)
def _divisions() -> dict[str, Any]:
    raw = resources.files("zhihui.nlu").joinpath("data/divisions.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


_KIND_ONLY = re.compile(
    r"(?:儿童|妇产|妇女儿童|肿瘤|口腔|眼科|胸科|肺科|传染病|中医|骨科|妇幼|精神|中西医结合)+(?:医院|保健院)"
)


def _after_city(name: str, city: str, short: str) -> str | None:
    """What a hospital named after its city is called in that city: 青岛市市立医院 -> 市立医院, 菏泽市立医院 ->
    市立医院, 保定市第一中心医院 -> 第一中心医院; None for other names or a rest too short to be a name."""
    for prefix in (city, short):
        if prefix and name.startswith(prefix) and prefix != name:
            rest = name[len(prefix):]
            if rest.startswith("市") and not rest.startswith("市立"):
                rest = rest[1:]
            if _KIND_ONLY.fullmatch(rest):
                return None  # "儿童医院", "中医院": a kind many hospitals are, not this one's name
            if (len(rest) >= 4 and _INSTITUTION_ONLY.match(rest)) or rest.startswith("市立"):
                return rest
    return None


@lru_cache(maxsize=1)
def _province_of_city() -> dict[str, str]:
    """City full name -> its province's full name (a municipality is its own province)."""
    div = _divisions()
    provinces = {row[0]: row[1] for row in div["provinces"]}
    out = {row[1]: provinces[row[2]] for row in div["cities"] if row[2] in provinces}
    out.update({name: name for name in provinces.values()})
    return out


def city_short(city: str) -> str:
    """延边朝鲜族自治州 -> 延边, 喀什地区 -> 喀什, 苏州市 -> 苏州 (the form prefixed to a nickname)."""
    for row in _divisions()["cities"]:
        if row[1] == city and len(row[3]) >= 2:
            return str(row[3])
    return city[:-1] if city.endswith(_CITY_SHORT_STRIP) else city


@lru_cache(maxsize=1)
def _place_names() -> dict[str, set[str]]:
    """Province and city names (full and short) -> the full names they stand for. County-level names map to an
    empty set: a generic nickname after them ("泰兴人民医院") is that county's hospital, not the city's."""
    div = _divisions()
    out: dict[str, set[str]] = {}
    for row in div["districts"]:
        for name in (row[1], row[3]):
            if len(name) >= 2:
                out.setdefault(name, set())
    for rows in (div["provinces"], div["cities"]):
        for row in rows:
            short = row[2] if rows is div["provinces"] else row[3]
            for name in (row[1], short):
                if len(name) >= 2:
                    out.setdefault(name, set()).add(row[1])
            if row[1].endswith("自治州") and short != row[1]:
                out.setdefault(short + "州", set()).add(row[1])  # "楚雄州人民医院"
    return out


_ONE_NUMERAL = set("一二三四五六七八九十")


def _unique_short_names(full_of: Callable[[list[Any]], str]) -> dict[str, str]:
    """County-level short names -> ``full_of(row)``, for the short names whose rows all give one value."""
    found: dict[str, set[str]] = {}
    for row in _divisions()["districts"]:
        if len(row[3]) >= 2 and row[3] != row[1]:
            found.setdefault(row[3], set()).add(full_of(row))
    return {short: next(iter(full)) for short, full in found.items() if len(full) == 1}


@lru_cache(maxsize=1)
def _county_full_names() -> dict[str, str]:
    """County-level short names that name one unit only -> its full name (梅河口 -> 梅河口市)."""
    return _unique_short_names(lambda row: str(row[1]))


@lru_cache(maxsize=1)
def _city_district_full_names() -> dict[str, str]:
    """Short names of a prefecture city's districts (区) that name one district only -> city + district
    (番禺 -> 广州市番禺区); municipalities' districts are handled by `_municipal_districts`."""
    cities = {row[0]: row[1] for row in _divisions()["cities"]}
    # a county or county-level city gives "", so a short name it shares with a district is not unique
    unique = _unique_short_names(lambda row: cities.get(row[2], "") + row[1] if row[1].endswith("区") else "")
    return {short: full for short, full in unique.items()
            if full and not full.startswith(("北京", "天津", "上海", "重庆"))}


def _suffix(name: str) -> str:
    for suf in ("卫生服务中心", "医疗中心", "医学中心", "卫生院", "保健院", "医院"):
        if name.endswith(suf):
            return suf
    return ""


@lru_cache(maxsize=1)
def _plainly_numbering_cities() -> frozenset[str]:
    """Cities whose registered numbered hospitals are called 第N医院 ("宁波市第二医院"), not 第N人民医院."""
    plain = re.compile(r"(?P<city>.+?[市州盟])第[一二三四五六七八九十]医院")
    return frozenset(m.group("city") for h in registry().hospitals if (m := plain.fullmatch(h.name)))


@lru_cache(maxsize=1)
def registry() -> HospitalRegistry:
    raw = resources.files("zhihui.nlu").joinpath("data/hospitals.json").read_text(encoding="utf-8")
    return HospitalRegistry(json.loads(raw))


def find_hospitals(text: str, context_cities: list[str] | None = None) -> list[HospitalMention]:
    return registry().find(text, context_cities)


_COUNTY_CITY_HOSPITAL = re.compile(
    r"(?:第[一二三四五六七八九]人民医院|(?P<n>[一二三四五六七八九])医院|人民医院|中心(?:人民)?医院|中医院|妇幼保健院)"
)
_MOUNTAIN_AFTER = re.compile(r"\s?(?:脚下|山脚|山顶|山上|山下|景区|风景区|那座山|爬山|上山|下山)")
_NUMBERED_CITY_HOSPITAL = re.compile(r"^(?:市)?(?P<n>[一二三四五六七八九十])(?:医院|院)$")


@lru_cache(maxsize=1)
def _municipal_districts() -> dict[str, str]:
    """District names (full and short) of 北京/天津/上海/重庆 -> the municipality, where unambiguous."""
    prefix = {"11": "北京市", "12": "天津市", "31": "上海市", "50": "重庆市"}
    found: dict[str, set[str]] = {}
    for row in _divisions()["districts"]:
        for name in (row[1], row[3]):
            if len(name) >= 2:
                found.setdefault(name, set()).add(prefix.get(row[0][:2], ""))
    provinces = {short for _code, _name, short in _divisions()["provinces"]}
    # ("河北燕达医院" is named after the province, not after 天津's 河北区)
    return {name: next(iter(cities)) for name, cities in found.items()
            if len(cities) == 1 and "" not in cities and name not in provinces}


def proper_unregistered_name(name: str) -> str | None:
    """An unregistered hospital said together with its place ("漯河市中心医院", "临沂人民医院") as a full name
    ("临沂市人民医院"); None when the name does not start with a place ("红星社区医院")."""
    if re.search(r"大学|学院", name) and len(name) >= 6:
        return name  # "井冈山大学附属医院", "牡丹江医学院附属红旗医院": named after the college
    municipal = _municipal_districts()
    for n in range(min(len(name) - 2, 5), 1, -1):
        if name[:n] in municipal:
            return municipal[name[:n]] + name  # "密云区医院", "黔江中心医院": the municipality's official prefix
    places = _place_names()
    for n in range(min(len(name) - 2, 8), 1, -1):
        word = name[:n]
        if word not in places:
            continue
        full = places[word]
        rest = name[n:]
        if not full and rest == "医院" and (word.endswith("县") or _county_full_names().get(word, "").endswith("县")):
            return None  # "夏河县医院": a county's hospital by no name of its own (人民医院? 中医院?)
        if not full and word[-1] not in "县区市旗":
            county = _county_full_names().get(word)
            if len(word) >= 3 and county and _INSTITUTION_ONLY.match(rest) and not rest.startswith(("市", "县")):
                return county + rest  # "梅河口中心医院": a three-character county name before an institution word
            city_hospital = _COUNTY_CITY_HOSPITAL.fullmatch(rest)
            if county and county.endswith("市") and city_hospital:
                # "温岭第一人民医院", "义乌中心医院", "昆山一医院": a county-level city's own hospitals
                nth = city_hospital.group("n")
                return county + ("第" + nth + "人民医院" if nth else rest)
            district = _city_district_full_names().get(word)
            if district and _INSTITUTION_ONLY.fullmatch(rest[: -len(_suffix(rest))] if _suffix(rest) else rest):
                return district + rest  # "番禺中心医院" is 广州市番禺区中心医院, named after the city's district
            continue  # a county's short name is an everyday word too often ("红星", "长寿")
        if rest.startswith(("本地", "当地", "附近", "那家", "这家", "一家", "那个", "这个", "私人", "私立", "的")):
            return None  # "永州本地医院": a local hospital, not a name
        district = _city_district_full_names().get(word[:-1]) if word.endswith("区") else None
        if district and _INSTITUTION_ONLY.fullmatch(rest[: -len(_suffix(rest))] if _suffix(rest) else rest):
            return district + rest  # "北仑区人民医院" is 宁波市北仑区人民医院
        numbered = _NUMBERED_CITY_HOSPITAL.match(rest[1:] if rest.startswith("市") else rest)
        if numbered:
            # "成都市三医院" is 成都市第三人民医院, but in a city whose numbered hospitals are 第N医院
            # ("宁波市第二医院") "宁波六院" is 宁波市第六医院
            city = next(iter(full)) if len(full) == 1 else word
            rest = "第" + numbered.group("n") + ("医院" if city in _plainly_numbering_cities() else "人民医院")
            if word + rest != name and len(full) == 1 and next(iter(full)) == word:
                return word + rest
        if len(full) == 1:
            full_name = next(iter(full))
            bare = rest[: -len(_suffix(rest))] if _suffix(rest) else rest
            if full_name.endswith(("省", "自治区")) and not _INSTITUTION_ONLY.fullmatch(bare):
                return name  # "河北燕达医院": a hospital's own name after its province, kept as said
            if full_name != word and not rest.startswith(("市", "州", "省", "地区", "盟")):
                return full_name + rest  # a short city or province name said before the rest
        return word + rest if numbered else name
    return None


def namesake_in_city(name: str, city: str) -> str | None:
    """The hospital of `city` that shares the everyday nickname ("协和", "同济") by which the registered hospital
    `name`, read when no city was known, was found: "协和医院" said in Fuzhou is 福建医科大学附属协和医院."""
    reg = registry()
    hospital = reg.by_name.get(name)
    if hospital is None or hospital.city == city:
        return None
    at = reg.hospitals.index(hospital)
    for form in sorted(_DEFAULTABLE):
        cands = reg.surface.get(form, [])
        if at in cands:
            for j in cands:
                if reg.hospitals[j].city == city:
                    return reg.hospitals[j].name
    return None


def lookup(name: str) -> Hospital | None:
    """A registered hospital by official name or nickname (first match)."""
    reg = registry()
    if name in reg.by_name:
        return reg.by_name[name]
    if name in reg.generic_forms and name not in _DEFAULTABLE:
        return None  # "人民医院", "中心医院": which one depends on the city
    idx = reg.surface.get(name)
    return reg.hospitals[idx[0]] if idx else None
