"""Hospital names and nicknames -> official full name, with the hospital's location.

The registry (`data/hospitals.json`) lists grade-3A hospitals of the largest cities with the
nicknames people use (六院, 协和, 华西, 北医三院 …). One regular expression over every surface form,
longest first, finds mentions; a city-prefixed form ("武汉协和", "上海六院") is generated for each
nickname. A nickname shared by several hospitals is resolved by a city named in the text, otherwise
the first-listed hospital wins, except for generic nicknames (省医院, 儿童医院 …) which need a city.

Names that are not in the registry but look like a hospital's proper name ("湖州市中心医院") are
returned as written; vague ones ("当地医院", "医院") are not hospitals.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


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


# Nicknames that only identify a hospital together with a city.
_GENERIC = {"省医", "省医院", "省人民医院", "省人医", "儿童医院", "肿瘤医院", "总医院", "市中心医院", "第一人民医院",
            "第六人民医院", "第九人民医院", "妇儿中心", "红十字会医院", "肿瘤防治中心", "协和", "同济", "中山医院",
            "协和医院", "同济医院"}
_CITY_SHORT_STRIP = ("市",)
_UNKNOWN = re.compile(r"[\u4e00-\u9fff（）()]{1,16}?(?:医院|卫生院|保健院|医疗中心|卫生服务中心)")
# Words that end a phrase before a hospital name ("送到", "在", "去了").
_CUT = re.compile(r".*[在到去送往进了的是和跟从说叫个这那就还过回转找]")
_INSTITUTION = re.compile(
    r"[市县区省镇乡]|大学|附属|人民|中心|中医|妇幼|第[一二三四五六七八九十]|儿童|肿瘤|骨科|口腔|眼科|军|总"
)
_VAGUE_PREFIX = {"当地", "附近", "本地", "大", "小", "私立", "私人", "公立", "一家", "那家", "这家", "县", "市", "镇",
                 "乡", "区", "省", "社区", "这个", "那个", "哪个", "正规", "专科", "三甲", "外地", "老家"}


class HospitalRegistry:
    def __init__(self, data: dict[str, Any]) -> None:
        self.hospitals: list[Hospital] = []
        surface: dict[str, list[int]] = {}
        for row in data["hospitals"]:
            idx = len(self.hospitals)
            h = Hospital(row["name"], row["province"], row["city"], row["district"], row.get("grade", ""))
            self.hospitals.append(h)
            city_short = h.city[:-1] if h.city.endswith(_CITY_SHORT_STRIP) else h.city
            forms = {h.name, *row["aliases"]}
            if re.fullmatch(r"\w{2,3}(?:省|自治区)人民医院", h.name):
                forms.add("省人民医院")  # how people of the province say it; the city in context decides
            for form in list(forms):
                if not form.startswith((city_short, h.province[:2])):
                    forms.add(city_short + form)
                    forms.add(h.city + form)
            for form in forms:
                lst = surface.setdefault(form, [])
                if idx not in lst:
                    lst.append(idx)
        self.surface = surface
        self.by_name = {h.name: h for h in self.hospitals}
        keys = sorted(surface, key=len, reverse=True)
        self._regex = re.compile("|".join(re.escape(k) for k in keys))

    def find(self, text: str, context_cities: list[str] | None = None) -> list[HospitalMention]:
        """Hospital mentions in text order. `context_cities` (full names, nearest first) disambiguate."""
        out: list[HospitalMention] = []
        taken: list[tuple[int, int]] = []
        for m in self._regex.finditer(text):
            form = m.group(0)
            cands = [self.hospitals[i] for i in self.surface[form]]
            chosen: Hospital | None = None
            ambiguous = False
            if len(cands) > 1 or form in _GENERIC:
                for c in context_cities or []:
                    hit = [h for h in cands if h.city == c]
                    if hit:
                        chosen = hit[0]
                        break
                if chosen is None:
                    if form in _GENERIC and form not in ("协和", "同济", "中山医院", "协和医院", "同济医院"):
                        continue
                    chosen, ambiguous = cands[0], len(cands) > 1
            else:
                chosen = cands[0]
            out.append(HospitalMention(chosen.name, m.start(), m.end(), chosen, ambiguous))
            taken.append((m.start(), m.end()))
        for m in _UNKNOWN.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            raw = m.group(0)
            cut = _CUT.match(raw[:-2])
            name = raw[cut.end():] if cut else raw
            prefix = name[: len(name) - len(_suffix(name))]
            if len(prefix) < 2 or prefix in _VAGUE_PREFIX or not _INSTITUTION.search(prefix):
                continue
            start = m.end() - len(name)
            out.append(HospitalMention(name, start, m.end(), self.by_name.get(name)))
        out.sort(key=lambda h: h.start)
        return out


def _suffix(name: str) -> str:
    for suf in ("卫生服务中心", "医疗中心", "卫生院", "保健院", "医院"):
        if name.endswith(suf):
            return suf
    return ""


@lru_cache(maxsize=1)
def registry() -> HospitalRegistry:
    raw = resources.files("zhihui.nlu").joinpath("data/hospitals.json").read_text(encoding="utf-8")
    return HospitalRegistry(json.loads(raw))


def find_hospitals(text: str, context_cities: list[str] | None = None) -> list[HospitalMention]:
    return registry().find(text, context_cities)


def lookup(name: str) -> Hospital | None:
    """A registered hospital by official name or nickname (first match)."""
    reg = registry()
    idx = reg.surface.get(name)
    return reg.hospitals[idx[0]] if idx else None
