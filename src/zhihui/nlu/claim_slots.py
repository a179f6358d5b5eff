"""Claim-report understanding: nine slots from one free-text (or transcribed) Chinese utterance.

`extract_claim_slots` combines the specialised recognisers of this package (numbers, dates, places,
hospitals, medical lexicon) with a few rules of its own for relation, name, cause and treatment
status. Every recogniser works on precompiled regular expressions or dictionary scans, so an
utterance takes well under a millisecond and nothing is loaded on the request path after the first
call.

Conventions:
* `slots` holds only what the text states, in the API formats of the claim-report contract;
* a stated but invalid value (wrong ID check digit, date in the future, place that does not exist,
  phone of the wrong length) goes to `problems` (slot -> Chinese hint for the reporter) instead;
* self-corrections ("是前天，不对，是大前天") keep the value stated after the correction;
* `expecting` names the slot the dialog just asked about, so a bare answer ("生病", "北京海淀区",
  "王，桂花的桂，芝麻的芝") is read as that slot while other slots in the answer are still extracted.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import importlib.resources
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from zhihui.nlu.dates import DateMention, find_dates
from zhihui.nlu.hospitals import HospitalMention, find_hospitals, proper_unregistered_name, registry
from zhihui.nlu.medical import (
    LONG_STANDING_AFTER,
    UNSPECIFIED_ICD10,
    MedicalMatch,
    best_diagnosis,
    cause_of,
    doctor_said,
    find_mentions,
    guessed,
    medical_words,
    spoken_vocabulary,
)
from zhihui.nlu.numbers import find_digit_strings
from zhihui.nlu.places import city_mentions, city_short_names, resolve_place, table
from zhihui.nlu.text import fold_cantonese, has_cjk, without_pauses
from zhihui.nlu.tokenizer import known_words, sound_table, to_pinyin

SLOTS = ("relation", "insured_name", "insured_id", "contact_phone", "accident_date", "accident_place", "cause",
         "diagnosis", "treatment")

# Compound surnames first: they must be tried before their first character as a single surname.
COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
    "轩辕", "令狐", "钟离", "澹台", "公冶", "太史", "申屠", "闻人", "呼延", "端木", "百里", "南宫", "西门",
    "独孤", "单于", "拓跋", "万俟", "东郭", "左丘", "第五", "司空", "濮阳", "淳于", "赫连", "羊舌", "微生",
)
# Single surnames covering the great majority of the population (百家姓 and national frequency lists).
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
    "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
    "盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况"
    "那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "洪赖丘凤寿荀蔚郦钮韶濮滑牧归昌弘宓蒯习逄郗鄂扶堵庾暨巢籍糜蓟隗贡贲竺锁占岩"
)
# Characters that end a name: particles, verbs and time words that follow a name in speech.
_NOT_GIVEN = set("的是在了和跟与说叫今昨前上这那本去身电手出住被查得从也就都呢吧啊家医院没，。、；！？ 0123456789"
                 "我你他她它们爸妈儿女老哥姐弟妹岁年月日号天周点病癌伤摔断骨险倒")
_BAD_NAMES = {"人民", "医院", "先生", "女士", "小姐", "师傅", "老师", "医生", "大夫", "护士", "同事", "邻居", "朋友",
              "司机", "员工", "职工", "工人", "客户", "学生", "病人", "家属", "单位", "体检",
              "时间", "地点", "经过", "伤情", "日期", "诊断", "住址", "电话", "就诊", "本人",
              "初一", "初二", "初三", "高一", "高二", "高三", "信息", "高反",
              "东方医院", "华山", "同济", "协和", "中山", "高血压", "高血糖", "高烧", "白血病", "黄疸", "方便", "安全",
              "时候", "明天", "向前", "任何", "应该", "关于", "于是", "常常", "平时", "和平", "高兴", "江北", "宁可",
              "成都", "重庆", "金水", "武昌", "江汉", "白云", "海淀", "朝阳", "罗湖", "龙岗", "南山", "福田", "宝安",
              "车祸", "路上", "石膏", "包扎", "上班", "上学", "万一", "那个", "这个", "那边", "那里", "这边", "那么",
              "然后", "包工头", "工头", "老板", "经理", "主管", "班长", "组长", "队长", "导游", "会计", "保安", "厨师",
              "店长", "房东", "家长", "监护人", "滑雪", "滑冰", "滑沙", "滑草", "滑翔", "夏令营", "冬令营",
              "阿拉爷", "阿拉娘", "阿拉妈", "阿拉爸", "阿拉老公", "阿拉老婆", "阿拉儿子", "阿拉女儿",
              "滑旱冰", "滑板", "滑轮", "滑梯", "游泳", "游玩", "游戏", "骑车",
              "大娘", "大爷", "大妈", "大婶", "奶奶", "爷爷", "阿姨", "叔叔", "老太", "婆婆", "大伯", "大叔", "大哥",
              "大姐"}

# surnames that are also verbs of going ("来三亚过冬", "到西宁"): before a city they are the verb
_GOING_SURNAMES = frozenset("来到回从向往于赴")
# words refused as names on their own (districts, everyday words) that are common given names after a surname
# ("陈金水", "王朝阳", "李和平")
_GIVEN_NAMES_TOO = frozenset({"金水", "朝阳", "江北", "白云", "南山", "和平", "高兴", "安全", "华山", "中山", "家和"})

# Characters that end a name after it but are common as the first given-name character (家乐, 家豪, 天宇).
_FIRST_GIVEN_OK = frozenset("家天")
# characters of transliterated (Uyghur, Kazakh, Tibetan, Yi, Mongolian) names, for names longer than a Han one
_TRANSLITERATION = frozenset("尔阿克丽米拉娜努汗巴扎买提依古力江艾孜热斯别尼玛次仁卓旦增德吉措曲珍央姆多杰桑布达瓦波"
                             "兰罕帕夏吐逊合曼苏莱孜乃衣木坎加洛则格西塔")
_AFTER_LONG_NAME = re.compile(r"[，,。\s（(：:]|$|前|昨|今|上|这|去|在|从|是|女|男|的|身份|电话|报案|报个案")
_PROVINCE_SHORT_NAMES = frozenset({
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
})
# Holidays and times of day start with characters that are also surnames (元, 国, 端, 中, 上…) and so read
# like names right after a relation word ("我妈元旦那天摔了"); they are never names.
_TIME_WORDS = ("元旦", "元宵", "春节", "除夕", "国庆", "中秋", "端午", "清明", "重阳", "七夕", "周末", "上午",
               "中午", "下午", "晚上", "凌晨", "傍晚", "半夜", "年初", "年底", "月初", "月底", "过年", "年前", "年后",
               "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周天", "冬至", "腊月", "腊八", "小年",
               "三八", "六一", "八一", "双十", "龙抬头", "中元", "立春", "立秋", "立冬", "夏至", "正月", "雨水", "惊蛰",
               "春分", "谷雨", "立夏", "小满", "芒种", "小暑", "大暑", "处暑", "白露", "秋分", "寒露", "霜降", "小雪",
               "大雪", "小寒", "大寒", "母亲节", "父亲节", "教师节", "儿童节", "妇女节", "劳动节", "情人节", "圣诞",
               "平安夜", "感恩节", "植树节", "护士节", "青年节", "建军节", "重阳", "双十一", "双11")


# everyday words that begin with a surname character ("我爱人单位体检", "我老公平时")
_NOT_NAME_WORDS = (
    "单位", "公司", "平时", "平常", "上班", "下班", "上午", "下午", "今年", "明年",
    "时候", "最近", "马上", "高速", "高空", "高处", "高温", "高烧", "路上", "路边",
    "江边", "河边", "海边", "林子", "田里", "车间", "工地", "工厂", "房顶", "房子",
    "楼梯", "楼顶", "楼下", "楼道", "门口", "宿舍", "食堂", "毛病", "全身",
    # kin words a surname character starts ("孙子十二岁", "孙女在上幼儿园")
    "孙子", "孙女", "孙媳",
)


# jieba's dictionary tags words with their part of speech; a word a surname character starts that is a verb,
# an adverb, an adjective or a time word ("干活", "游泳", "平时") is what a relation word is followed by far more
# often than a name ("我老公干活的时候", "我儿子游泳呛水了"). Nouns are left alone: many given names are nouns.
_EVERYDAY_POS = frozenset(("v", "vn", "vd", "vi", "a", "ad", "an", "b", "d", "c", "t", "f", "s", "p", "m", "q", "r",
                           "u", "z", "y", "e", "o", "i", "l"))
_VERB_POS = frozenset(("v", "vn", "vd", "vi"))


@dataclass(frozen=True)
class _NameVocabulary:
    """What jieba's dictionary tells about names, read in one pass."""

    everyday_words: frozenset[str]  # words a surname character starts that are no names ("干活", "高峰期")
    common_verbs: frozenset[str]  # two-character verbs among them, frequent enough to start a phrase ("游泳去")
    object_nouns: frozenset[str]  # frequent nouns with a character seldom given in names (窗户, 饺子, 马路)
    surnames_in_use: frozenset[str]  # surnames that begin at least ten of its full names (顾, 谷; not 骨 or 主)
    full_names: frozenset[str]  # the full names it lists (刘建军): a word of the dictionary that is a name
    verbs_any: frozenset[str]  # two-character verbs of any first character ("登记", "看病"), for 来/到/回 + verb


@functools.cache
def _name_vocabulary() -> _NameVocabulary:
    """Three-character words of any kind but a name count as everyday words ("高峰期"): hardly any full name is one.
    Nouns of two characters are not everyday words, since many given names are nouns (海军, 建平 and 金花 are nouns and
    names alike); only those with a character seldom given are objects."""
    words: set[str] = set()
    verbs: set[str] = set()
    nouns: list[str] = []
    given: collections.Counter[str] = collections.Counter()
    surnames: collections.Counter[str] = collections.Counter()
    full_names: set[str] = set()
    verbs_any: set[str] = set()
    with importlib.resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, freq_text, tag = line.split()
            freq = int(freq_text)
            if len(word) == 2 and tag in _VERB_POS and freq >= 50:
                verbs_any.add(word)
            if len(word) == 2 and tag == "n" and freq >= 300:
                nouns.append(word)
            if tag == "nr" and len(word) in (2, 3) and word[0] in SINGLE_SURNAMES:
                surnames[word[0]] += 1
                full_names.add(word)
                if len(word) == 3:
                    given.update(word[1:])
            if len(word) not in (2, 3) or word[0] not in SINGLE_SURNAMES or freq < 50:
                continue
            if len(word) == 3 and not tag.startswith("nr"):
                words.add(word)
            elif len(word) == 2 and tag in _EVERYDAY_POS:
                words.add(word)
                if tag in _VERB_POS and freq >= 100:
                    verbs.add(word)
    return _NameVocabulary(
        everyday_words=frozenset(words),
        common_verbs=frozenset(verbs),
        object_nouns=frozenset(n for n in nouns if min(given[c] for c in n) < 100),
        surnames_in_use=frozenset(c for c, n in surnames.items() if n >= 10),
        full_names=frozenset(full_names),
        verbs_any=frozenset(verbs_any),
    )


# surnames that are also everyday verbs with an object: "我妈关窗户…", "我爸包饺子…"
_VERB_SURNAMES = frozenset("关包修盖涂")


def is_everyday_word_name(name: str) -> bool:
    """True when a name candidate read after a relation word is an everyday word instead ("干活", "游泳去")."""
    vocabulary = _name_vocabulary()
    return name in vocabulary.everyday_words or (len(name) == 3 and (
        name[:2] in vocabulary.common_verbs
        # "员工干活时候摔伤了": an everyday word and the start of a time word ("白天佑" stays a name)
        or (name[:2] in vocabulary.everyday_words and name[2] in "时后中前里")
        or (name[0] in _VERB_SURNAMES and name[1:] in vocabulary.object_nouns)
    ))


def surname_of(text: str) -> str | None:
    """The surname at the start of `text`, compound surnames first."""
    for s in COMPOUND_SURNAMES:
        if text.startswith(s):
            return s
    if text and text[0] in SINGLE_SURNAMES:
        return text[0]
    return None


def take_name(text: str, pos: int = 0) -> str | None:
    """A plausible full name starting at `pos`: surname + one or two given-name characters."""
    rest = text[pos:pos + 5]
    sur = surname_of(rest)
    if not sur:
        return None
    given = ""
    for ch in rest[len(sur):]:
        if len(given) == 2 or not ("\u4e00" <= ch <= "\u9fff"):
            break
        if ch in _NOT_GIVEN and not (ch in _FIRST_GIVEN_OK and not given):
            break
        given += ch
    if given and given[0] in _FIRST_GIVEN_OK and len(given) < 2:
        return None  # "王家的狗": 家 ends the surname's phrase unless a name follows it ("符家乐")
    if not given or sur == "阿":
        return None  # "阿毛", "阿强": what someone is called at home, not a surname and a given name
    if len(given) == 2 and text.startswith(("报案", "报个案", "报一下", "报一个"), pos + len(sur) + 1):
        given = given[:1]  # "帮同事叶欣报个案": the report starts after the name
    if len(given) == 2 and _HOLIDAY_AFTER_NAME.match(text, pos + len(sur) + 1):
        given = given[:1]  # "我老公唐骏国庆第三天爬黄山": the holiday starts after the name
    end = pos + len(sur) + len(given)
    if len(given) == 2 and end < len(text) and all(c in _TRANSLITERATION for c in given + text[end:end + 1]) \
            and _AFTER_LONG_NAME.match(text, end + 1):
        given += text[end]  # "叶尔波力前天…", "吉克阿依，": a Uyghur, Kazakh, Tibetan or Yi name runs on
    if text[end:end + 1] in ("场", "馆") or given in ("学校", "医院", "公司", "单位", "工地", "家里"):
        return None  # "石老人海水浴场", "来学校报到": a place, not a name
    if given in ("大爷", "大妈", "大娘", "大叔", "大姐", "大哥", "阿姨", "叔叔", "师傅", "老师", "奶奶", "爷爷", "总"):
        return None  # "张大爷（被保人）": how the agent addresses the customer, not a name
    if given in _PROVINCE_SHORT_NAMES or (sur in _GOING_SURNAMES and given in city_short_names()) \
            or (sur in _GOING_SURNAMES and len(given) == 2 and given in table().surface
                and given not in _GIVEN_NAMES_TOO):
        return None  # "我爸来青海旅游", "来三亚过冬", "带我妈 来荔波小七孔玩": a verb and a place, not a name
    if sur in _GOING_SURNAMES and given in _name_vocabulary().verbs_any:
        return None  # "有个客户来登记报案": 来 as "come", then what they came to do
    if text.startswith(("个电话", "个话", "一下"), end if len(given) < 3 else end + 1):
        return None  # "麻烦回个电话"
    name = sur + given
    if len(given) == 2 and sur + given[0] in _BAD_NAMES:
        return None  # "我爸高兴多喝了几杯": an everyday word, then the next one
    if name in _BAD_NAMES or (given in _BAD_NAMES and given not in _GIVEN_NAMES_TOO) or name.startswith(_TIME_WORDS) \
            or rest.startswith(_NOT_NAME_WORDS):
        return None
    return name


_HOLIDAY_AFTER_NAME = re.compile(
    r"(?:国庆|春节|清明|端午|中秋|元旦)(?:节|第|期间|假期|放假|那天|长假|前|后|的时候|回|去|带)"
)
_SPELL_PART = re.compile(r"[\u4e00-\u9fff]{1,6}?的([\u4e00-\u9fff])$|^([\u4e00-\u9fff])$")
_WHOLE_NAME = re.compile(r"(?:(?![我你他她的了在是吗呢吧啊哦嗯叫])[\u4e00-\u9fff·]){2,8}")
_NOT_A_NAME_ANSWER = {"不知道", "不清楚", "忘了", "记不得", "记不清", "没有", "不晓得", "不记得", "稍等", "等一下",
                      "不方便", "不想说", "保密", "不告诉你", "什么意思", "没听清", "再说一遍", "没听懂"}
# ("员工叫高雪梅", "客户叫周丽萍": an agent or an employer names the one they report for)
_NAME_PREFIX = re.compile(
    r"^(?:他|她|我|孩子|病人|(?:我们|我的|我们的)?(?:客户|员工|工人|学生|患者|伤者)|被保险人|被保人|出险人)?"
    r"(?:叫|名字叫|名字是|姓名是|是)"
)


# "游客叫赵建平", "那个老人名字叫…": whoever the speaker calls them first, the name follows 叫
_CALLED_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:名字叫|叫|名字是|姓名是)")


def _without_name_prefix(part: str) -> str:
    q = _NAME_PREFIX.sub("", part)
    return _CALLED_PREFIX.sub("", q) if q == part else q


def spelled_name(answer: str) -> str | None:
    """Interpret an answer to "出险人叫什么名字": "黄诗涵，草头黄，诗歌的诗，涵养的涵" -> 黄诗涵.

    The whole name said first wins; otherwise the name is rebuilt from the "X的Y" explanations. After a
    correction ("邓丽华，不对，是邓立华"), only what follows the last one counts.
    """
    for marker in reversed(list(CORRECTION.finditer(answer))):
        corrected = spelled_name(answer[marker.end():].lstrip("对，, 是"))
        if corrected:
            said_first = spelled_name(answer[:marker.start()])
            if said_first and ((len(said_first) > len(corrected) and said_first.endswith(corrected))
                               or (len(corrected) == 3 and corrected[-1] == said_first[0] != corrected[0])):
                # "郝满仓 好坏的好 不对 是 赤耳郝 满 是 满意的满", "雷宝山 雷锋的雷 不对 是 雨田雷": only the
                # surname's explanation was put right
                return said_first
            return corrected
    # "旦增 旦 是 元旦 的 旦": speech recognition's pauses inside an explanation join it back into one part
    answer = re.sub(r"\s*(的|是)\s*", r"\1", answer)
    parts = [p.strip() for p in re.split(r"[，,。；;、\s]+", answer) if p.strip()]
    if not parts:
        return None
    spelled = "".join(m.group(1) or m.group(2) for p in parts if (m := _SPELL_PART.search(_NAME_PREFIX.sub("", p))))
    if len(spelled) >= 2 and _without_name_prefix(parts[0]) == spelled:
        return spelled  # "宝音 他是蒙古族 就两个字 宝贝的宝 声音的音": the name said first, spelled back
    for part in parts:  # a part that is itself a full name ("冯晓岚"), not an explanation ("两点水的冯")
        q = _without_name_prefix(part)
        if 2 <= len(q) <= 4 and "的" not in q and not q.startswith("姓") and surname_of(q) and not q.endswith("族") \
                and all("\u4e00" <= c <= "\u9fff" for c in q) and q not in _BAD_NAMES:
            return q
    first = _without_name_prefix(parts[0])
    chars: list[str] = []
    for p in parts:
        m = _SPELL_PART.search(_NAME_PREFIX.sub("", p))
        if m:
            chars.append(m.group(1) or m.group(2))
    candidate = "".join(chars)
    if 2 <= len(candidate) <= 4 and surname_of(candidate):
        return candidate
    if first and take_name(first) is None and _WHOLE_NAME.fullmatch(first) and first not in _NOT_A_NAME_ANSWER:
        return first  # "拉巴次仁，四个字": a Tibetan, Uyghur or Mongolian name has no Han surname
    return take_name(first) if first else None


# ---------------------------------------------------------------------------------------------- ID
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_char(first17: str) -> str:
    """GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_problem(idno: str) -> str | None:
    """Chinese hint when an 18-character ID number is not valid, else None."""
    if not re.fullmatch(r"[0-9]{17}[0-9X]", idno):
        return f"身份证号应为18位，您说的是{len(idno)}位，请再核对一下"
    try:
        dt.date(int(idno[6:10]), int(idno[10:12]), int(idno[12:14]))
    except ValueError:
        return "身份证号里的出生日期不对，请再核对一下"
    if id_check_char(idno[:17]) != idno[17]:
        return "身份证号最后一位校验不对，请再核对一下"
    return None


_X_AFTER_PAUSE = re.compile(r"[，,、\s]{1,2}(?P<c>[Xx叉])(?![a-zA-Z])")
_LAST_CHAR = re.compile(
    r"[，,\s]*(?:最后一位|末位|最后一个|尾号|最后)\s*(?:一位|一个|那个|那位)?\s*(?:数字|字母)?\s*(?:是|为)?\s*(?:个)?\s*"
    r"(?:大写|小写)?(?:的)?(?:字母)?\s*"
    r"(?P<c>[0-9Xx叉])"
)
_REPORTERS_PHONE_BEFORE = re.compile(
    r"联系人|留我的|打我的|我的(?:电话|手机)|我(?:电话|手机)|我(?:自己|本人)的(?:电话|手机|号码?)?(?:是|号是)?\s?$"
)
_ID_LABEL = re.compile(r"身份证|证件号|身份号")
_PHONE_LABEL = re.compile(r"电话|手机|联系方式|号码|打我")
CORRECTION = re.compile(
    r"[，,]\s?不是\s?[，,]|不对|不是不是|[哎诶欸]\s?不是(?=\s?(?:医生|大夫|是|在|[，,]))|不\s?不是(?=\s?(?:医生|大夫|是|在|[，,]))|(?<![是])不是\s?(?=(?:医生|大夫)(?:说|讲)(?:是|就是))|不是\s?我是说|\s不是\s(?=我叫|叫|是)|说错了|搞错了|记错了|打错|写错|输错|念错|念快了|再念一遍|重新念|以(?:这个|此|下面的|后面的|这一个)为准|[记说]岔了|口误|[哦啊]\s?不是(?=[\s，,]|是)|哦不(?!是)|啊不(?!是)|更正一下|纠正一下|重新说一下|(?:我|俺)(?:再|重新)(?:说|念|报)一遍|更正为|应为|改为|看错"
    r"|不是[^，,。]{1,12}[，,]\s*(?:而)?是|不是\s*[0-9][0-9\s-]{6,20}[，,\s]\s*(?:而)?是|[哦噢啊]\s?不是[^，,。\s]{1,8}\s(?:而)?是|\s不是\s*是|(?<![是])不是是(?=[\u4e00-\u9fff])"
)


def _corrected(items: list[Any], starts: list[int], text: str) -> Any:
    """First candidate, unless a correction marker follows it: then the candidate after the last marker."""
    if not items:
        return None
    markers = [m.end() for m in CORRECTION.finditer(text)]
    for marker in reversed(markers):
        # the last marker with a candidate after it: "是番禺，哦不是番禺，是海珠，我记岔了" ends on a marker
        after = [it for it, s in zip(items, starts, strict=True) if s >= marker]
        if after:
            return after[0]
    # a marker with nothing after it ("…，不对") still withdraws what came before it
    return items[0]


# ---------------------------------------------------------------------------------------------- relation
# two to four characters naming whose relative the reporter is ("我是张建国的儿子"), not "我是来给…"
# "报案人：丁勇（儿子）", "报案人：孙丽（被保人配偶）": the reporter's tie to the insured in brackets on a form
_REPORTER_BRACKET = r"报案人[：:\s]*[\u4e00-\u9fff]{0,4}\s?[（(](?:被保险人|被保人|出险人)?的?"
# "我自己妈", "给我自己儿子报": the reporter's own relative, not the reporter
_NOT_OWN_RELATIVE_AFTER = (
    r"(?!的?(?:妈|爸|儿|女|老[公婆妈爸人]|孩|娃|父|母|爱人|媳妇|家里人|家人|亲戚))(?!开的|开了|办的|承包的|带的)"
)
_FORM_TIE = r"(?:报案人)?与(?:被保险人|出险人|被保人)的?关系\s?[：:]?\s*"
_WHOSE = "(?:(?![替给帮为来报我俺闺])[\u4e00-\u9fff]){2,4}?"
_REL_PATTERNS: list[tuple[str, str]] = [
    # "我是孩子他奶奶", "我是娃的外爷", "我是被保险人的女婿": grandparents and in-laws reporting are "other"
    (r"(?:我|俺|额)是(?:孩子|娃娃|娃|小孩|他|她|被保险人|出险人)?(?:他|她|的)?(?:爷爷|奶奶|外公|外婆|姥姥|姥爷|外爷|外奶|"
     r"大伯|伯伯|伯父|伯母|大爷|姑妈|舅妈|姨父|姑父|婶婶|表叔|表舅|表姑|表姨|堂叔|"
     r"舅舅|姑姑|姨妈|小姨|叔叔|伯伯|女婿|儿媳妇?|姑爷|干爹|干妈|干儿子|干女儿|哥哥?|姐姐?|弟弟?|妹妹?|"
     r"孙女|孙子|外孙女?|侄子|侄女|外甥女?|"
     r"师傅|师父|徒弟)"
     # "我是李建军的堂弟", "我是他表姐": cousins and siblings-in-law, of someone named or not
     r"|(?:我|俺)是(?:[\u4e00-\u9fff]{2,3}?(?:的|他的?|她的?)|他的?|她的?)(?:(?:表|堂)(?:哥|姐|弟|妹)|嫂子|姐夫|妹夫|弟媳)"
     # "我是他家儿媳妇": a daughter-in-law (媳妇 alone is a wife)
     r"|(?:我|俺)是(?:他|她)(?:们)?家?的?(?:儿媳妇?|孙媳妇?|侄媳妇?)", "other"),
    # the reporter's role: a village doctor, a coach, a police officer, a carer (not "我是他老伴 … 医生说是脑梗")
    (r"(?:我|俺)(?:们)?(?:这边|这里)?(?:叫[\u4e00-\u9fff]{2,3}[，,]\s?)?是"
     r"(?:(?!是|[他她]叫|说|讲|老伴|老公|老婆|爱人|丈夫|妻子|儿子|女儿)[^，。,]){0,20}?(?:医生|村医|大夫|教练|民警|警察|交警|护工|护士|网格员|社工|志愿者|队友|工友|车间|"
     r"辅导员|领队|宿管|物业|保安|前台|班主任|老师|支书|书记|村主任|村长|村干部|护理员|护工|师傅|老板|安全员|经理|院长|船老大|船长|"
     r"会计|出纳|文书|调解员|信息员|安全科|保卫科|安监|人事|人力资源|行政|调度|劳资|干事|工会|班长|组长|队长|站长|店长|厂长|"
     r"主管|负责人|管理员|领班|工长|村委会?|居委会|村里的|社区的|校医|园长|保育员|带队|工作人员|教官|服务站的|养老院的|敬老院的|"
     r"福利院的|柜台的|网点的|银行的|客户经理|理财经理|包工头|工头|工地上的|公司的|单位的|项目部的)"
     # "我是张师傅的老婆": the role names the insured, the kin word after it says who the reporter is
     r"(?!\s?的?\s?(?:老婆|老公|爱人|媳妇|丈夫|妻子|儿子|女儿|闺女|孩子|家属|家里人))",
     "role"),
    (r"(?:我|俺)是(?:他|她)的?(?:班主任|老师|师傅|老板|领导|同事|邻居|同村的?|同乡|老乡|工友|战友)"
     r"|(?:我|俺)是(?:他|她)的?亲?(?:哥哥?|姐姐?|弟弟?|妹妹?)(?![夫媳])", "other"),
    # "帮我隔壁的老刘报个案", "对门的莫伯": a neighbour, named or called by age
    (r"(?:隔壁|对门|对面|楼上|楼下)(?:家)?的?(?:老|小|阿)[\u4e00-\u9fff](?![\u4e00-\u9fff]?(?:狗|猫|车))", "other"),
    # "我客户家孩子", "邻居家的老人": someone else's family
    (r"(?:客户|邻居|朋友|同事|亲戚|老乡|学生)(?:家|家的|的)"
     r"(?:孩子|儿子|女儿|闺女|老人|老太太|老爷子|老婆|老公|媳妇)"
     # ("客户女儿代报": the relative is who reports, for the customer)
     r"|客户(?:小孩|孩子|儿子|女儿|闺女|老公|老婆|爱人|丈夫|妻子|父亲|母亲)(?!代|来报|报案|帮)", "other"),
    # a typed form from an employer, a clinic or a village: "报案人：…卫生室 贾医生", "单位：…项目部"
    (r"报案人[：:][^，。,]{0,20}?(?:单位|公司|项目部|工地|厂|卫生室|卫生院|诊所|医院|医生|村医|学校|幼儿园|老师|村委会?|"
     r"居委会|社区|代理人|业务员|人事|HR)"
     r"|(?:报案)?单位[：:][^，。,]{0,20}?(?:项目部|工地|公司|厂|学校|幼儿园)[^。]{0,80}?(?:人员|伤者|出险人|员工|工人)[：:]",
     "other"),
    # "报案人：陈建国，项目上的包工头": a form's reporter line with a job on site
    (r"报案人[：:][^。\n]{0,24}?(?:包工头|工头|施工员|班组长|安全员|项目经理|工长|领班)", "other"),
    # a group policy reported by the employer: "团险报案…员工", "我司员工"
    (r"(?:团险|团体[^，。,\s]{0,4}报案|我司|本公司)[^。]{0,16}?(?:员工|职工|司机|工人)|团险报案|团体险报案", "other"),
    # "报案人：贺晓燕（出纳，被保险人之女）": what the reporter is to the insured
    (r"(?:被保险人|被保人|出险人)之(?:女|子)", "parent"),
    (r"(?:被保险人|被保人|出险人)之(?:父|母)", "child"),
    (r"(?:被保险人|被保人|出险人)之(?:妻|夫|配偶)", "spouse"),
    # "关系：配偶": a form's field, the same both ways
    (r"关系[：:]\s?(?:配偶|夫妻)", "spouse"),
    # "她是我学生": someone in the reporter's care or at work with them
    (r"(?:他|她)是(?:我|俺)(?:的|们班的?|班上的?)?(?:学生|徒弟|员工|工人|病人|客户|同事|朋友|邻居)", "other"),
    # "我爷叔，就是我爸爸的弟弟": a parent's sibling
    (r"(?:我|俺)(?:爸爸|爸|妈妈|妈|父亲|母亲|老爸|老妈)(?:的|他|她)(?:弟弟|哥哥?|姐姐?|妹妹?|兄弟)", "other"),
    # an organisation: "我们是一个建筑公司的项目部", "我们是一家装修公司"
    (r"(?:我们|俺们)(?:这边|这里)?是(?:[^，。,]{0,10}?)(?:公司|项目部|厂|店|饭店|学校|幼儿园|车队|酒店)", "role"),
    (r"(?:我|俺)(?:是)?(?:在[^，。,]{0,8}?)?开了?(?:一)?(?:个|家)?[^，。,]{0,4}?(?:饭店|餐馆|饭馆|馆|铺|店|厂|公司|超市|作坊|农家乐|民宿|档口)",
     "role"),
    # colleagues and charges named by the employer: "我们科长", "我们矿上的工人", "我们的学员", "我们厂检修工"
    (r"我们(?!家|俩)(?:单位|公司|厂|矿|店|院|学校|班|科|部门|车间|团|村|小区|驾校|学院|养老院|敬老院|食堂|站)?(?:上|里)?的?"
     r"(?:有个|一个|一位|个)?(?:[\u4e00-\u9fff]{0,3}?(?:员|工|科长|处长|主任|书记|老人|学员|新生|学生|队员))", "other"),
    # "站长报案：骑手李航": a form that names the insured by their job
    (r"报案[：:]\s?(?:骑手|员工|工人|职工|学生|司机|伤者|学员|营员|队员|店员|[\u4e00-\u9fff]{1,2}工(?=[\u4e00-\u9fff]{2,3}))",
     "other"),
    (r"我是(?:他|她)的?(?:继父|继母|后爸|后妈|老汉儿?)|(?:他|她)是我(?:的)?(?:女子|儿娃子?)", "child"),
    # "替我爸妈报的", "给俺自己报": whom the report is for, said outright
    (r"(?:替|给|帮)(?:我|俺|额|阿拉)(?:的|家)?(?:爸妈|父母|爸|妈|老爸|老妈|老爹|父亲|母亲|爹|娘|老汉|阿爸|阿妈|阿母|老豆|姆妈)"
     r"|(?:替|给|帮)(?:我|俺|额)大(?![夫哥姐学爷娘妈伯概约家部门量小点些多半])|(?:额|阿拉)(?:爸|妈|大|姆妈|爷(?!叔)|娘)(?![夫哥姐学爷娘妈伯])",
     "parent"),
    (r"(?:替|给|帮)(?:我|俺)(?:的|家|屋里)?(?:儿子|女儿|闺女|孩子|娃|崽|小孩|个仔|个女|囡囡|妞)", "child"),
    # "报案人是被保险人的女儿", "（他女儿，也就是我）": the reporter is the insured's child
    # "报案人：林秀珍（孩子奶奶）", "报案人：王丽（孩子妈妈）": the reporter's place in the family, in brackets
    (r"报案人[：:][^，。,（(]{0,6}[（(](?:孩子|小孩|学生)?的?(?:妈妈|爸爸|母亲|父亲|家长)[）)]"
     r"|报案人[：:]\s?(?:孩子|小孩|宝宝)的?(?:妈妈|爸爸|母亲|父亲|妈|爸|家长)", "child"),
    (r"报案人[：:][^，。,（(]{0,6}[（(](?:孩子|小孩|学生)?的?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|舅舅|舅妈|姑姑|姑父|姨妈|"
     r"小姨|叔叔|婶婶|伯伯|哥哥|姐姐|老师|班主任|校医)[）)]", "other"),
    # "夏令营的 孩子受伤了", "学校医务室的": an organisation introducing itself
    (r"^(?:喂|你好|您好|[\s，,])*(?:我是|我们是)?[^，。,在孩儿女我]{0,6}?(?:夏令营|研学营?|医务室|学校|幼儿园|托管班|培训班|营地)的",
     "role"),
    # care homes, school clinics, fleets, safety offices reporting: "我这是康乐养老院", "我是学校卫生室的",
    # "护理站报告：入住老人…", "车队长报案：我车队货车司机…", "安全科通报：", a work form with 工种
    (r"(?:我|我们)(?:这|这里|这边)?是[^，。,]{0,8}?(?:养老院|敬老院|护理院|养老中心|福利院|卫生室|校医室|护理站|车队|公交公司|安全科)"
     r"|^[\s【\[]*[^，。,：:｜|\s]{0,10}?(?:护理站|护理院|养老院|养老中心|敬老院|福利院|校医室|医务室|卫生室|车队长?|安全科|安全员|人事部?"
     r"|项目部|班组长)(?:情况)?(?:报案|报告|通报)"
     r"|(?:^|[\s•·\n，,])工种[：:]",
     "other"),
    (r"报案人[：:]\s*[\u4e00-\u9fff]{2,4}?\s?(?:的(?:儿子|女儿|闺女)|[（(](?:被保险人|出险人)?的?(?:儿子|女儿|闺女|子女)[）)])"
     r"|(?:报案人|我)(?:是|[：:]\s*)(?:被保险人|出险人|被保人|他|她)?的?(?:儿子|女儿|闺女)(?!媳)"
     r"|(?:他|她)的?(?:儿子|女儿|闺女)[，,]?\s*(?:也就是|就是)(?:我|本人)", "parent"),
    (r"(?:报案人|我)(?:是|[：:]\s*)(?:被保险人|出险人|被保人|他|她)?的?(?:爸爸|妈妈|父亲|母亲)"
     r"|(?:他|她)的?(?:爸爸|妈妈|父亲|母亲)[，,]?\s*(?:也就是|就是)(?:我|本人)", "child"),
    (r"(?:替|给|帮)(?:我|俺)(?:的|家)?(?:老婆(?!婆)|媳妇|爱人|老公(?!公)|丈夫|妻子|婆娘|婆姨)", "spouse"),
    (r"(?:替|给|帮)(?:我|俺)?自己报|(?:替|给|帮)(?:我|俺)自己" + _NOT_OWN_RELATIVE_AFTER
     + r"|俺给俺自己|我给我自己|(?:我|俺)是被保险人(?![\u4e00-\u9fff·]{0,5}的)"
     r"|被保险人(?:是)?(?:我|俺)本人", "self"),
    # an employer, a teacher or an agent reporting for someone in their care
    (r"(?:(?:我|俺)们|我们的|我们公司的?|我们单位的?|我们厂的?|我们工地上?的?|(?:我|俺)们[^，。,\s]{0,6}?(?:公司|单位|厂|工地|店|仓库|"
     r"酒店|学校|幼儿园|团|班|车队|站点|网点|门店|驿站|配送站|船|食堂|矿)(?:里|上)?的?)(?:有个|有一个|一个|一位|的)?"
     r"(?:工人|员工|职工|司机|电工|焊工|矿工|师傅|学生|小孩|孩子|客户|储户|快递员|搬运工|小朋友|游客|客人|小工|店员|服务员|保安|干活的|"
     r"队员|队友|会员|学员|老人|厨师|厨子|帮厨|学徒|骑手|外卖员|送餐员|配送员|收银员|护工|保姆|保洁员?|"
     r"[\u4e00-\u9fff]{1,3}的小哥|小哥|"
     r"[\u4e00-\u9fff]{1,2}工(?![作厂资地具程业会队人友])|[\u4e00-\u9fff]{1,4}?(?:管理员|保管员|操作员|驾驶员|安全员))"
     r"|(?:我是|俺是)(?:个|一个|一名|一位)?(?:业务员|代理人|保险代理人)|住我们(?:店|酒店|宾馆|民宿|客栈)的客人"
     r"|(?:代理人|业务员|营销员)[：:]\s?[\u4e00-\u9fff]{2,3}",
     "other"),
    (r"(?:我|俺|阿拉)(?:家|屋头|屋里厢|屋里头?)?(?:那个|的)?(?:男人|女人|老倌|老头子|老伴儿?|老爷们儿?|屋里人|那位)|屋头那个|屋里头那个|"
     r"(?:我|俺)(?:家)?当家的|(?:我|俺)(?:是)?(?:她|他)?掌柜的|(?:我|俺|额)(?:们)?家(?:的)?掌柜的|额掌柜的|我们家那位",
     "spouse"),
    # "I am X's child" -> the insured is my parent; "I am the child's mother" -> insured is my child
    (rf"(?:我|俺)是(?:那个|这个)?(?:他|她|伊|孩子|小孩|{_WHOSE})的?(?:爸爸|妈妈|爸|妈|父亲|母亲|家长)"
     r"(?![妈爸]?的?(?:保险)?(?:代理人|业务员|同事|朋友|邻居))", "child"),
    # Cantonese: "I am his mother"
    (r"我[系是](?:佢|佢哋|他|她|他们)?(?:嘅|的)?(?:阿妈|阿爸|老豆|老母|妈咪|爹哋)", "child"),
    (rf"(?:我|俺|我姓[\u4e00-\u9fff][，,]?)是(?:那个|这个)?(?:他|她|伊|(?:被保险人|出险人|被保人)?{_WHOSE})?的?(?:亲生)?(?:儿子|女儿|闺女|孩子|仔)(?![他她的爷奶外姥姑舅姨叔伯爸妈细])",
     "parent"),
    (rf"我是(?:他|她|{_WHOSE})的?(?:老婆|媳妇|爱人|老公|丈夫|妻子|太太|先生|堂客|婆娘|老倌|男人|屋里人)"
     r"|报案人(?:是|[：:]\s*)(?:被保险人|出险人|他|她)?的?(?:老婆|媳妇|爱人|老公|丈夫|妻子|配偶)", "spouse"),
    (r"(?:被保险人|出险人|被保人)(?:之|的)(?:妻子?|丈夫|夫|配偶|爱人)", "spouse"),
    (r"(?:被保险人|出险人|被保人)之(?:子|女)"
     rf"|{_REPORTER_BRACKET}(?:儿子|女儿|子|女|闺女)[）)]", "parent"),
    (rf"{_REPORTER_BRACKET}(?:父亲|母亲|爸爸|妈妈|爸|妈)[）)]", "child"),
    (rf"{_REPORTER_BRACKET}(?:丈夫|妻子|老公|老婆|爱人|配偶)[）)]", "spouse"),
    (r"(?:被保险人|出险人|被保人)之(?:父|母)", "child"),
    # "（客户女儿代报）", "孙凤英（报案人之母）", "客户王秀兰本人来柜面报案"
    # "被保险人：陈淑芬，女儿报案": a form's line saying who reports
    (r"(?:客户|被保险人|被保人)的?(?:女儿|儿子|子女|闺女)代(?:报|为报案)|报案人之(?:母|父)(?:亲)?"
     r"|(?:^|(?<=[，,。；;\s]))(?:女儿|儿子|闺女|子女)(?:代为?|来)?报案", "parent"),
    (r"(?:客户|被保险人|被保人)的?(?:父亲|母亲|爸爸|妈妈)代(?:报|为报案)|报案人之(?:子|女)"
     r"|(?:^|(?<=[，,。；;\s]))(?:父亲|母亲)(?:代为?|来)?报案", "child"),
    (r"(?:客户|被保险人|被保人)的?(?:丈夫|妻子|老公|老婆|爱人|配偶)代(?:报|为报案)|报案人之(?:妻|夫|配偶)"
     r"|(?:^|(?<=[，,。；;\s]))(?:丈夫|妻子|配偶)(?:代为?|来)?报案", "spouse"),
    (r"(?:客户|被保险人|被保人)[\u4e00-\u9fff]{0,4}本人(?:亲自)?(?:来|到)[^，。,]{0,4}报案", "self"),
    # "我是孩子妈妈的代理人": someone's agent
    (r"(?:我|俺)是(?!(?:你们|咱们|咱|贵|我们)?公司)[^，。,]{1,8}的(?:保险)?(?:代理人|业务员)", "other"),
    # "与被保险人关系：儿子" on a form: what the reporter is to the insured
    (rf"{_FORM_TIE}(?:儿子|女儿|子女|闺女|儿|子|女)(?![婿媳])", "parent"),
    (rf"{_FORM_TIE}(?:父亲|母亲|父母|爸爸|妈妈|父|母)", "child"),
    (rf"{_FORM_TIE}(?:配偶|丈夫|妻子|夫妻|老公|老婆|爱人|夫|妻)", "spouse"),
    (rf"{_FORM_TIE}本人", "self"),
    (r"报案人(?:是|[：:]\s*)(?:被保险人|出险人)?(?:本人|自己)|报案人[：:]\s*[\u4e00-\u9fff]{2,4}\s?[（(]本人[）)]"
     r"|(?:客户|被保险人|出险人)本人(?:在线)?报案", "self"),
    (r"孩子(?:他|她)?(?:妈|爸|娘|爹)|我家那口子|那口子|孩他(?:妈|爸)|孩子的(?:妈|爸)", "spouse"),
    (r"儿媳妇?|女婿|婆婆|公公|岳父|岳母|老丈人|丈人|丈母娘|爷爷|奶奶|外公|外婆|姥姥|姥爷|孙子|孙女|外孙女?|"
     r"哥哥|姐姐|弟弟|妹妹|我哥|我姐|我弟|我妹(?![崽仔])|叔叔|阿姨|舅舅|姑姑|姨妈|侄子|侄女|外甥女?|表哥|表姐|表弟|表妹|堂哥|"
     r"堂姐|(?<![走串探访看])亲戚|男朋友|女朋友|朋友|同事|邻居|同学|室友|舍友|领导|主管|员工|下属|老板|雇主|保姆|工友|老乡|同乡|客户|病友|导游|游客|乘客|旅客|"
     # "我老公的妈", "我老婆嘅老豆": a spouse's parent or sibling is an in-law
     r"(?:老公|老婆|丈夫|妻子|爱人|媳妇|男人)(?:的|嘅|他|她)(?:妈妈?|爸爸?|母亲(?!节)|父亲(?!节)|老妈|老爸|老娘|老豆|阿妈|阿爸|奶奶|爷爷|"
     r"哥哥?|姐姐?|弟弟?|妹妹?)|"
     r"老公公|老婆婆|老表|嫂子|弟媳|姐夫|妹夫|大爷|大伯|伯伯|伯父|伯母|大娘|婶婶|婶子|小叔子|小舅子|大舅子|阿嬷|阿嫲|阿公|阿婆|阿爷|家婆(?!娘)|家公|外父|外母|(?<!黑)大佬(?!们)|奶公|外爷|干妈|干爹|干爸|干儿子|干女儿|徒弟|侄媳妇|侄女婿|孙媳妇|"
     r"外甥媳妇|阿舅|舅妈|姑妈|姨父|姑父|舅舅|嗲嗲|娭毑|爷叔|娘舅|侄儿|侄孙|表叔|表舅|表姑|表姨|堂叔|堂伯|幺爸|幺叔|幺姑|幺舅|幺爹|嬢嬢|孃孃|孙孙|家兄|家姐|(?:我|俺)(?:家)?兄弟(?!俩|们|姐妹)|"
     r"老师(?![您你]好|好)|班主任|村干部|干部|村长|(?:保险)?代理人|业务员|房东|柜员|理财经理|代客(?:户)?报案|"
     # 老娘 is the reporter's mother and 老爷子 the father: only the ordinals and 老 + a sibling or aunt/uncle
     r"(?:我|俺)(?:(?:大|二|三|四|五|六|小)(?:姨|姑|舅|叔|伯|爷|娘|婶|哥|姐|弟|妹)|老(?:姨|姑|舅|叔|伯|婶|哥|姐|弟|妹))"
     # "我叔", "俺舅": not 我姑娘 (a daughter in the north) or 我姨妈 (above)
     r"|(?:我|俺)(?:叔|舅|婶|伯|姨(?![妈夫])|姑(?![娘爷妈父]))(?![子])|俺(?:哥|姐|弟|妹)|俺(?:奶|爷)(?!们)"
     # Hakka and Cantonese: "捱老弟", "我系佢阿哥"
     r"|(?:我|捱|俺|阿拉)(?:的|嘅)?(?:老弟|阿哥|阿姐|阿弟|阿妹|细佬|家姐)|(?:我|捱)[系是](?:佢|他|她)(?:嘅|的)?(?:阿哥|阿姐|老弟|细佬|家姐)",
     "other"),
    (r"老婆(?!婆)|媳妇|爱人|老公(?!公)|丈夫|妻子|(?<!老)太太|我(?:家)?先生|我对象|老伴|(?:我|俺|我们)家?(?:的)?老头子?|我家老太婆|婆娘|婆姨|"
     r"孩子他爹|娃他爹|娃他妈|娃他娘|孩他爹|(?:我|俺|我家|我屋里)的?堂客|(?:我|俺)(?:们)?家?的?掌柜的"
     # "俺男的", "俺屋里的": a husband, a wife in the Central Plains
     r"|(?:我|俺)家?的?男的(?!朋友|同事|同学)|(?:我|俺)屋里的(?![人老小孩娃])"
     # typed chat: "lg心梗住院了", "我lp肾结石" (老公, 老婆)
     r"|(?<![A-Za-z])(?:lg|lp)(?![A-Za-z0-9])|(?:我|俺)家?的?(?:LG|LP)(?![A-Za-z0-9])", "spouse"),
    # "我家老爷子" is a father; "我家老太太" may be a mother, a mother-in-law or a grandmother (the dialog asks), and a
    # bare 老太太 is anyone's
    (r"老爸|老妈|(?:我|俺|咱)家?(?:的)?老爷子|(?:我|俺)老娘|老父亲|老母亲|我爸|我妈|爸爸|妈妈|父亲(?!节)|母亲(?!节)|我爹|我娘|我父|我母|"
     r"俺爹|俺娘|俺爸|俺妈|(?:我|俺)(?:家)?老爹|(?:我|俺)(?:家)?老汉|(?:我|俺)(?:屋头|屋里)的?老汉儿|家母|家父|俺大(?![夫哥姐学爷娘妈伯])|(?:我|俺|额)达(?![到成标])|(?:我|额)大(?=\s?(?:[在从昨今上去被让摔突得骑开干住病他咳发说走]|老(?:慢支|毛病|病)|叫(?:车|人|狗|牛|摩托|电动车|三轮)|叫[\u4e00-\u9fff]{2,3}[，,\s]))|阿爸|阿妈|阿母|阿姆|阿爹|老豆|老母|姆妈|(?:我|俺)阿大"
     # Hunan and Jiangxi 爷老子 / 娘老子: the father, the mother
     r"|(?:我|俺)(?:的|屋里)?(?:爷老子|娘老子)",
     "parent"),
    (r"儿子|女儿|闺女|(?<![生怀])(?<!生了)(?<!怀了)(?<!怀过)孩子|小孩|宝宝|我家小子|我家丫头|我娃|娃娃|我个仔|我个女|我仔(?!细)|(?:我|俺)儿(?![子女媳童科])|囡囡|(?:我|俺)妞|(?:我|俺)(?:家|屋头|屋里)?的?幺儿|"
     r"(?:我|俺|我们|俺们)(?:家|屋里|屋头)?(?:的)?(?:那个|这个)?(?:娃|崽)|(?:我|俺)(?:家|屋里)?(?:的)?碎娃"
     r"|带着?娃|细伢子?|(?<![A-Za-z])(?:bb|BB)(?![A-Za-z])|(?:我|俺)(?:家|屋里)?(?:的)?孩儿|(?<![\u4e00-\u9fff])娃(?=让|被|叫|给|在|从|摔|掉|发烧|昨|前天|今|上)|(?<![\u4e00-\u9fff])娃儿(?![的们])|(?:我|俺)(?:们)?(?:家|屋)?(?:的)?(?:尕娃|妹崽|妹仔)"
     # "我丫头昨天…", "我女子在西安上大学": a daughter in the north-west
     r"|(?:我|俺|额)(?:家)?(?:的)?丫头(?!片)|(?:我|俺|额)(?:家)?女子(?!医院|学院|监狱|学校|中学|[足篮排网]球)"
     r"|(?:我|俺)(?:家|屋里)?(?:的)?伢(?:子|儿)?(?![齿])|(?:我|俺)女(?![儿婿士人子孩朋同生的工])"
     # "我姑娘 今天在学校食堂…": a daughter in the north; 满崽 the youngest son in Hunan; "我家老大"; "带伢子去…"
     r"|(?:我|俺)(?:家|们家)?(?:的)?姑娘(?![们家])|满崽|满女|满伢子?|(?:我|俺)(?:们)?家(?:的)?老[大二三幺](?![爷哥姐])"
     r"|带(?:着)?伢(?:子|儿)"
     # "我家大小子", "俺二小子": the eldest, the second son in the north
     r"|(?:我|俺)(?:们)?家?(?:的)?[大二三小]小子", "child"),
    # "本人母亲", "关系：本人父亲": my mother; "电话 139…（我本人）": whose phone it is
    (r"(?<![0-9][（(])(?<![0-9][（(]我)(?<![他她])我?本人(?!的?(?:父亲|母亲|爸爸|妈妈|爸|妈|儿子|女儿|丈夫|妻子|配偶|老公|老婆|爱人|孩子))|"
     r"(?:我|俺)自己" + _NOT_OWN_RELATIVE_AFTER
     + r"|是自己报(?!给)|是我自己|(?<![替帮给])自己报案|(?:我|俺)自家(?=[\s，,]|报|的|$)|"
     r"(?:我|俺)?自个儿?(?![儿家])|(?:出险人|被保险人|被保人)是我(?=[，。,！\s]|$|本人|自己)"
     r"|出险的(?:人)?是我(?=[，。,！\s]|$|本人|自己)"
     # "【报案】我，男，胃出血": a typed form about oneself
     r"|(?:^|[】\]：:\s])我[，,]\s?[男女](?:[，,]|$)"
     r"|就是我(?=[，。,！\s]|$)|我(?:就)?是(?:出险人|被保险人)(?![\u4e00-\u9fff·]{0,5}的(?:儿|女|妻|丈|老|爸|妈|父|母|爱|家|亲|朋|同|邻|孩|孙|外|兄|姐|弟|妹))",
     "self"),
]
_REL_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_REL_PATTERNS)))
_THIRD_PARTY = re.compile(
    r"他|她|学生|孩子|小朋友|老人|老太太|队员|村民|病人|游客|员工|工人|患者|伤者|客人|人叫|家属|学员|"
    r"帮工|伙计|店员|服务员|厨师|学徒|保洁|大姐|大哥|阿姨|职工|女工|男工|住客|业主|司机|工友|师傅|老汉|老乡|"
    r"(?:我|俺)们?村(?!里的?(?:医生|村医|会计|支书))|村里的|本村|小女孩|小男孩|女孩|男孩|营员|女生|男生|同学|学员|储户|"
    r"钢筋工|木工|瓦工|电工|焊工|架子工|小工|民工|干活的|骑手|快递员|外卖员|送餐员|配送员|分拣员|环卫工|操作工"
    # "井下一个掘进工叫白志刚": someone named after what they do
    r"|(?:一个|有个|一位)[\u4e00-\u9fff]{0,5}?叫[\u4e00-\u9fff]{2}"
)
# "同事叫了120", "同事 送到 省医": who helped
_HELPED = re.compile(r"儿?(?:(?:叫了?|打[了的]?)(?:120|一二零|幺二零|救护车)|送(?:我)?(?:到|去)|把我(?:送|拉|扶|背))")
_ASKED_OR_TOLD = re.compile(
    r"[爸妈]?(?:让|叫|要|托|喊)(?:我|俺)|[^，。,]{0,3}?(?:打(?:来)?电话|通知|告诉)|" + _HELPED.pattern
)
_ROLE_ANSWER = re.compile(
    r"校医|老师|班主任|园长|教练|领队|导游|辅导员|带队|工作人员|同事|邻居|HR|人事|代理人|业务员|村医|医生|护工|"
    r"科长|处长|主任|站长|班长|组长|队长|工头|厂长|经理|老板|安全员"
)
_OWN_JOB = re.compile(r"我是(?:一名|一个|个|一位)?$")
_REPORTER_LINE = re.compile(r"报案人(?:姓名)?[：:]\s*")
_NEXT_FIELD = re.compile(r"\n|[，,；;\s](?:报案|联系|出险|被保|事故|诊断|医院|身份|证件)[\u4e00-\u9fff]{0,4}[：:]")


def _line_end(text: str, pos: int) -> int:
    """Where a form's field that starts at ``pos`` ends: the next line or the next labelled field."""
    m = _NEXT_FIELD.search(text, pos)
    return m.start() if m else len(text)


_PARENT_OF_A_CHILD = re.compile(r"(?:我|俺)是(?:孩子|娃|小孩)(?:他|她)?的?(?:爸爸?|妈妈?|爹|娘)")
# who speaks of "客户" says what they are when they report for one ("帮客户报案", "报案：客户韩雪", "客户经理")
_FIRST_PERSON = re.compile(r"[我俺咱]|本人|[帮替代]客户|报案[：:，,\s]*客户|客户经理")
_CUSTOMERS_OWN = re.compile(r"[家的儿女老爱丈妻父母爸妈孩]")
_OWN_ROLE_WORDS = frozenset({"游客", "乘客", "旅客", "客户", "员工", "同学", "病友"})
_SAID_OF_ONESELF = re.compile(r"(?:我|俺)是[^，。,他她]{1,14}的$")
# not "哦不是，是我爸" (a correction) nor "是意外 不是生病 我爸" (the cause denied)
# (not "是保险公司不是", a question whether the line is the insurer's)
_REL_NEG = re.compile(
    r"(?<!公司)(?<!保险)(?<!你们)(?:不是|并非)(?!是)(?!\s?我是说)(?![^，。,]{0,3}(?:生病|意外|病))[^，。,]{0,3}$"
)
_SELF_WEAK = re.compile(
    r"(?:^|[，。,\s])(?:[^，。,]{0,12}?)(?<![托让叫请帮替给])我\s*(?:(?:就是|那个|这个|嗯|呃|啊)\s*){0,3}(?:今天|昨天|前天|大前天|上周|这周|上个月|这个月|去年|今年|在|被|查出|得了|确诊|摔|"
    r"出了|骑|开车|走路|下楼|上楼|从|突然|一直|最近|那天|体检|自己|住院|做饭|切菜|打球|踢球|跑步|是坐|坐|怀孕|怀了|"
    r"上午|下午|早上|中午|晚上|夜里|凌晨|除夕|年三十|大年[初三]|五一|十一|国庆|端午|中秋|清明|元旦|没放假|加班|值班|"
    # "我痛风犯了", "我哮喘又发作了": the reporter's own illness coming back
    r"(?![大达爹娘妈爸])[\u4e00-\u9fff]{1,4}?(?:又犯|犯了|发作)|"
    r"上个|上上周|上上个?礼拜|上礼拜|上周|这礼拜|这周|打|去|刚|前几天|前天|昨儿|前儿|今儿|礼拜[一二三四五六天日]|星期[一二三四五六天日]|"
    r"周[一二三四五六日]|[\u4e00-\u9fff]{1,3}节那天|(?:的)?(?:左|右)(?:边|侧)?[\u4e00-\u9fff]{0,2}(?:手|脚|腿|胳膊|腕|膝|踝|肩|肋)|是(?:去年|今年|前年|上个月|这个月|上周|今天|昨天|前天|[0-9一二三四五六七八九十]{1,3}月|[\u4e00-\u9fff]{1,3}那天))"
    r"|我叫|我的名字|^[0-9一二三四五六七八九十]{1,4}月|^(?:本人|我)[，。,]?$|(?:^|[，。,\s])我\s?[0-9一二三四五六七八九十]{1,2}月"
    r"|我是\s?[\u4e00-\u9fff]{2,3}\s(?:身份证|电话|手机)"
)
# "我是送外卖的，…", "我是做IT的，今年三十八": the reporter's own work or age, when no one else is in the report
_OWN_INTRO = re.compile(
    r"(?:^|[，。,\s])我是?(?:做|干|开|跑|送|搞|当)[^，。,]{1,6}的(?=[，,。\s])"
    r"|(?:^|[，。,\s])我是在[^，。,他她]{1,14}?(?:干活|上班|打工|工作|做事)的(?=[，,。\s])"
    r"|(?:^|[，。,\s])我是(?:一名|一个)?(?:快递员|外卖员|骑手|司机|保安|厨师|环卫工|保洁员?|农民工?)(?=[，,。\s])"
    # "我是美团的骑手，…", "我是那个跑腿的闪送": a rider of a delivery platform
    r"|(?:^|[，。,\s])我\s?是\s?(?:那个\s?)?(?![^，。,]{0,6}[他她])[^，。,]{0,6}?(?:的\s?)?(?:骑手|外卖员|快递员|送餐员|配送员|闪送|跑腿的?)(?=[，,。\s])"
    r"|(?:^|[，。,\s])(?:我)?今年[0-9一二三四五六七八九十]{1,3}(?:岁)?[，,]"
    # "我是华科的研究生许晨阳，…", "我是浙江大学的学生，…": a student introducing themselves
    r"|(?:^|[，。,\s])我是[^，。,]{0,14}?(?:学生|研究生|新生|大学生|博士生|本科生|留学生)(?=[\u4e00-\u9fff]{0,4}(?:[，,。\s]|$))"
    r"|(?:^|[，。,\s])我是(?:一名|一个)?(?:游客|旅客|散客)(?=[，,。\s])"
    # "我是来旅游的，…", "我是西安人，在北京出差…": where the reporter comes from or why they are there
    r"|(?:^|[，。,\s])我是来[^，。,他她]{1,6}的(?=[，,。\s])"
    r"|(?:^|[，。,\s])我是(?![^，。,]{0,5}[他她的家病])[\u4e00-\u9fff]{2,5}人(?=[，,。\s])"
)


_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_IDENTITY = re.compile(
    r"(?:他|她|客户|被保险人|出险人|被保人)(?:就)?是我(?:的|家)?[\u4e00-\u9fff]{1,4}|我是(?:被保险人|出险人)?本人"
    r"|(?:我|俺)是(?:孩子|娃|小孩|他|她)的?[\u4e00-\u9fff]{1,2}"  # "…我是孩子舅舅。"
    # "阮翁就是我老公啦", "我爹爹（就是我爷爷）": a name or word glossed
    r"|(?<=[\u4e00-\u9fff]{2}|[\u4e00-\u9fff][（(])就是(?:我|俺)(?:的|家)?[\u4e00-\u9fff]{1,4}"
    # "我爹爹，就是我爷爷": one kin word glossed by another (not "就是我哥家的孩子", a relative's relative)
    r"|(?<=[\u4e00-\u9fff][，,])就是(?:我|俺)(?![^，。,]{0,4}[的家])[\u4e00-\u9fff]{1,3}(?=[，,。\s]|$)"
    r"|(?<=[\u4e00-\u9fff][（(])(?:我|俺)[\u4e00-\u9fff]{1,6}(?=[）)])"  # "我妈（我老公的妈）"
    r"|(?:我|俺)(?:说|讲)的是(?:我|俺)(?:的|家)?[\u4e00-\u9fff]{1,4}"  # "我老汉 嗯 我说的是我男人": a word explained
    # "出事的是我大姨", "受伤的是我爸", "这次报的是我父亲": who it happened to
    r"|报的是(?:我|俺)(?:的|家)?[\u4e00-\u9fff]{1,4}"
    r"|(?:出事|受伤|伤|摔|出险|住院)的(?:人)?是(?:我|俺)(?:的|家)?[\u4e00-\u9fff]{1,4}"
    r"|[（(]报案人之[\u4e00-\u9fff]{1,2}[）)]"  # "被保险人：孙凤英（报案人之母）"
    r"|(?:给|替|帮)(?:我|俺)自己报"  # "孩子没事，我手指骨折了，给我自己报案": whom the report is for
    # "我老公腰不好在家躺着 … 我想给我婆婆报个案": whom the report is for, said outright
    r"|(?:给|替|帮|为)(?:我|俺)(?:的|家)?[\u4e00-\u9fff]{1,4}?报(?:个|一个|一下)?案"
    r"|(?:被保险人|被保人|出险人)之(?:女|子|父|母|妻|夫|配偶)"  # "（本单位出纳，被保险人之女）"
)
_SELF_HURT = re.compile(
    r"(?<![他她])我(?!们|家|屋头|屋里)(?:的)?[\u4e00-\u9fff]{0,3}?(?:扭伤|骨折|受伤|摔|撞|伤|烫|割|崴)"
    # "我昨天下台阶的时候一脚踩空": what happened to the reporter, said at more length
    # (a time or a movement first: "我屋头老人摔了" is someone else's fall)
    r"|(?<![他她])[我俺](?=今天|昨天|前天|刚才|上午|下午|晚上|早上|中午|那天|当时|在|下|上|走|跑|骑|开|跳|滑|爬|打|踢|搬"
    r"|五一|十一|国庆|春节|过年|上周|上礼拜|周[一二三四五六日末天]|礼拜[一二三四五六日天])"
    r"[^他她，。,]{0,16}?(?:踩空|滑倒|跌倒|摔倒|绊倒|摔了|崴了|崴到|掉下来|掉下去|摔下来|摔下去)"
    # "我往后一倒，右手撑地，前臂骨折了", "我屁股着地，尾巴骨骨折了": how the reporter fell, then what broke
    r"|(?<![他她])我(?:往后|往前|一下子?|整个人)?(?:一倒|一摔|一扑|一滑|一歪|摔下去|屁股着地|后背着地|头着地)[^他她。]{0,12}?(?:骨折|扭伤|脱臼|裂)"
    # "我被一辆电瓶车撞了", "我在操场上被几个学生撞倒了": the reporter on the receiving end
    r"|(?<![他她])[我俺](?:在[^他她，。,被]{1,6}?[上里边口旁前后内外](?:的时候)?)?(?:的)?"
    r"(?:手指头?|手|脚|腿|胳膊|头|脸|眼睛|腰|背)?被[^他她，。,]{0,10}?"
    r"(?:撞|咬|砸|烫|压|夹|刮|扎|割|划|踢|挠|抓|蜇|碰|顶|撵|轧|卷)"
)
# "带孩子去八达岭…我自己崴了": someone the reporter brought along, who is the insured only if the reporter was not hurt
_BROUGHT_ALONG = re.compile(r"带着?(?:我|俺)?(?:家)?$")
# "我们几个同事…": a group the reporter belongs to, not the insured's relation to the reporter
_DONE_FOR = re.compile(r"[做买送煮烧炒拿洗修搬接过庆]")
_OWN_GROUP = re.compile(r"(?:我们|俺们|咱们)(?:几个|俩|两个|仨|三个|一帮|一群|一伙)$")
_HE_HURT = re.compile(r"[他她](?:的)?[\u4e00-\u9fff]{0,3}?(?:扭伤|骨折|受伤|摔|撞伤|伤了|烫|割|崴|断|疼|痛)")
_THEY_HURT = re.compile(r"[他她](?:从|被|摔|在|也|的|就)")
_UNHURT = re.compile(
    r"[，,\s]?(?:倒是|倒|就|都|还|人)?(?:没事|没受伤|没啥事|没什么事|没大碍|好好的|没伤着|一点事都没有)"
)
_KIN_OF_KIN = re.compile(
    r"的(?:弟弟|妹妹|哥哥|姐姐|爸爸|妈妈|父亲|母亲|弟|妹|哥|姐|爸|妈|舅舅|姑姑|叔叔|阿姨|侄子|侄女|外甥|同事|朋友|同学"
    r"|奶奶|爷爷|外婆|外公|姥姥|姥爷)"
)
_REPORTS_AFTER = re.compile(r"(?:妈|爸)?\s?(?:来|代|代为)?报案")
_WENT_WITH_BEFORE = re.compile(r"(?:我|俺)[跟和同](?:我|俺)(?:家)?$")
_COMPANION = re.compile(r"(?:(?:开|骑)着?[^，。,我]{0,4}?)?(?:带|载|陪|送|扶|拉)着?我")


# where 老汉 means a husband (north-western and Jin Mandarin); in south-western Mandarin (四川, 重庆, 贵州) a father
_HUSBAND_LAOHAN_PROVINCES = frozenset({"陕西省", "山西省", "甘肃省", "宁夏回族自治区", "青海省", "内蒙古自治区",
                                      "新疆维吾尔自治区"})
_FATHER_LAOHAN_PROVINCES = frozenset({"四川省", "重庆市", "贵州省", "云南省"})


_BARE_DA = re.compile(r"(?:^|(?<=[\s，,]))(?:我|俺|额)\s?大(?=\s|[，,])")
_BARE_LAOHAN = re.compile(r"(?:我|俺)(?:家|屋头|屋里)?的?老汉(?!儿)")


def laohan_means_husband(province: str | None) -> bool | None:
    """Whether a bare 老汉 said by someone in ``province`` is a husband (True), a father (False), or either (None)."""
    if province in _HUSBAND_LAOHAN_PROVINCES:
        return True
    if province in _FATHER_LAOHAN_PROVINCES:
        return False
    return None


def _laohan_by_places(text: str) -> bool | None:
    """What a bare 老汉 means where the text's places lie: a father if any is south-western, a husband if any is
    north-western, else unsettled (None)."""
    readings = {laohan_means_husband(d.province) for m in table().mentions(text) for d in m.divisions}
    return False if False in readings else True if True in readings else None


def _bare_laohan_at(text: str, pos: int) -> bool:
    """Whether the kin word at ``pos`` is 老汉 with no 儿, inside the word or after it (我屋头老汉儿 is a father)."""
    m = _REL_RE.match(text, pos)
    word = m.group(0) if m else ""
    return _kin_core(word) == "老汉" and not word.endswith("儿") and not text.startswith("儿", pos + len(word))


def _kin_core(word: str) -> str:
    """A kin word without the possessive before it or the 儿 after it: 我屋头老汉儿 -> 老汉."""
    return re.sub(r"^(?:我|俺)(?:家|屋头|屋里)?的?|儿$", "", word)


# a kin word taken back as soon as said, before the right one: "哦 不是", or 不是 with a pause or 是 after it
# ("我老婆，不是我娘" and "我公公不是我爸" say what the first word means, and take nothing back)
_THEIR_ANIMAL_OR_THING = re.compile(r"家(?:的|养的|那条|那只|那头|那个)?(?:大|小)?(?:狗|猫|车|牛|马|羊|鹅|房子|孩子)")
_BOUGHT_POLICY = re.compile(r"(?:给我?|帮我|替我)?(?:买|投|交|办|上)的?[^，。,]{0,6}?(?:险|保单|保险)")
_TAKEN_BACK_AFTER = re.compile(
    r"[…\.。，,]*(?:(?:哦|啊|呃|额|嗯|哎|诶)[…\.。，,]*(?:不是|不对|说错了|说错)"
    r"|(?:不是|不对|说错了|说错)(?=[…\.。，,是]))[…\.。，,]*(?:是)?"
)


def _relation(text: str, expecting: str | None = None) -> tuple[str | None, int, float]:
    # speech recognition writes pauses as spaces ("我们 一个 工人"); kinship phrases read through them
    spoken, text = text, _PAUSE.sub("", text)
    cands: list[tuple[str, int]] = []
    cores: dict[int, str] = {}  # candidate position -> its kin word, bare
    companions: list[int] = []
    helpers: list[int] = []
    kin_words = list(_REL_RE.finditer(text))
    put_right: set[int] = set()  # where a kin word said in place of one taken back starts
    for m in kin_words:
        back = _TAKEN_BACK_AFTER.match(text, m.end())
        right = [n.start() for n in kin_words if 0 <= n.start() - back.end() <= 6] if back is not None else []
        if right:
            put_right.add(right[0])
            continue  # "我阿嬷……不是，是我阿爸", "我老表 哦 不是 我老公": the word put right is the one that counts
        if m.start() not in put_right and _REL_NEG.search(text, max(0, m.start() - 5), m.start()):
            # "帮我屋头老汉儿报案 哦 不是我老汉儿 是我老公公": the word taken back goes wherever it was said
            denied = _kin_core(m.group(0))
            cands = [c for c in cands if cores.get(c[1]) != denied]
            continue
        label = _REL_PATTERNS[int((m.lastgroup or "r0")[1:])][1]
        if label == "spouse" and m.group(0).startswith(("孩子", "孩他", "娃他")) \
                and _REPORTS_AFTER.match(text, m.end()):
            continue  # "孩子妈妈报案：我女儿许诺…": who reports, not whom the report is for
        if label in ("child", "parent", "spouse") and _SOMEONE_ELSES.search(text, max(0, m.start() - 5), m.start()):
            continue  # "他家孩子在国外，托我报案": the insured's own relative
        if re.search(r"听(?:我|俺)?$", text[max(0, m.start() - 2):m.start()]) and text.startswith("说", m.end()):
            continue  # "我听我姐说 我爸昨天…摔了": who told the reporter, not whom the report is for
        if label == "parent" and text[m.start() - 1:m.start()] in ("他", "她") and m.start() > 0 \
                and text[m.start() - 2:m.start() - 1] != "是":
            continue  # "我儿子…是坐他妈妈的电动车": the insured's mother, not the reporter's
        if _TO_CALL_BEFORE.search(text, max(0, m.start() - 3), m.start()) \
                and (_PHONE_TALK.search(text, max(0, m.start() - 14), m.start())
                     or re.match(r"的?(?:电话|手机)", text[m.end():m.end() + 3])):
            continue  # "电话…（打不通可以打我老婆的）": someone else to call, not the insured
        if _BOUGHT_POLICY.match(text, m.end(), m.end() + 12):
            continue  # "还有我妈给买的意外险": who bought a policy, not whom the report is for
        if _HELPED.match(text, m.end(), m.end() + 8):
            helpers.append(m.start())
        if _ASKED_OR_TOLD.match(text, m.end(), m.end() + 8):
            # "孩子爸爸让我打电话报案。我儿子…", "学校的老师打电话说孩子…": who asked for the report or told of
            # it is not the insured when someone else is named ("我老婆让我帮她报案" alone is still about her)
            companions.append(m.start())
        spelled = re.match(r"的([\u4e00-\u9fff])", text[m.end():m.end() + 2])
        if spelled and len(m.group(0)) <= 3 and spelled.group(1) == m.group(0)[0]:
            continue  # "吉克阿依 … 阿姨的阿": a character spelled out, not a relative
        if label in ("spouse", "parent", "child") and _KIN_OF_KIN.match(text, m.end()):
            label = "other"  # "他是我婆姨的弟弟": a relative of the reporter's relative
        if _PARENT_OF_A_CHILD.fullmatch(m.group(0)):
            companions.append(m.start())  # "我是孩子她爸，我媳妇生孩子…": who speaks, when someone else is named
        if label == "other" and text[m.start() - 1:m.start()] in ("他", "她") and m.start() > 0:
            companions.append(m.start())  # "俺家小孩 坐他爷爷那个三轮车": the insured's relative, there too
        if label == "other" and m.group(0) in ("代理人", "业务员", "保险代理人") \
                and _OWN_AGENT_JOB.search(text, max(0, m.start() - 10), m.start()):
            companions.append(m.start())  # "我是公司的代理人…给我自己妈报案": the reporter's job, then whose report
        if label == "other" and _OWN_GROUP.search(text, max(0, m.start() - 4), m.start()):
            continue  # "我们几个同事吃了烤串，我对象…": the reporter among colleagues
        if label == "other" and _OWN_JOB.search(text, max(0, m.start() - 5), m.start()) \
                and m.group(0) not in ("邻居", "亲戚", "房东"):
            continue  # "我是一名老师，…我从椅子上摔下来了": the reporter's own job, not a relation
        if label == "other" and m.group(0) in _OWN_ROLE_WORDS and _SAID_OF_ONESELF.search(
                text, max(0, m.start() - 16), m.start()):
            continue  # "我是来环青海湖骑行的游客，本人报案": what the reporter is, not whom the report is for
        if m.group(0).startswith("女儿") and text[m.start() - 1:m.start()] == "妇" and m.start() > 0:
            continue  # "妇女儿童医疗中心": a hospital's name, not a daughter
        if m.group(0) == "客户" and not _FIRST_PERSON.search(text) and not _CUSTOMERS_OWN.match(text, m.end()):
            continue  # "客户张秀英 身份证号…": a customer named, but the speaker does not say who they are
        if label == "other" and _THEIR_ANIMAL_OR_THING.match(text[m.end():m.end() + 7]):
            continue  # "邻居家的狗咬了": the neighbour owns the dog
        if text[m.end():m.end() + 1] == "家" and (
                re.search(r"[回去到在住]$", text[max(0, m.start() - 1):m.start()])
                or re.match(r"家的?(?:地里|田里|院子|门口|楼下|附近|那边|屋里)|家(?:帮忙|干活|做客|吃饭|吃酒|收|玩)",
                            text[m.end():m.end() + 5])):
            continue  # "回奶奶家过节", "在俺老丈人家地里": a relative's home, a place
        if label == "other" and re.search(r"[跟和同]$", text[max(0, m.start() - 1):m.start()]) \
                and re.match(r"(?:们)?(?:一起|去|出去|玩|吃|打|爬|逛|聚|踢|跑|在)", text[m.end():m.end() + 2]):
            continue  # "跟同学去爬山": who the reporter went with
        if label in ("spouse", "parent", "child", "other") and (
                _BROUGHT_ALONG.search(text, max(0, m.start() - 3), m.start())
                or (text[m.start() - 1:m.start()] in ("给", "为") and _DONE_FOR.match(text, m.end()))):
            # "五一带孩子去青岛玩，我老公…摔伤了", "我给女朋友做饭…烫伤了": someone there, or someone done a favour
            companions.append(m.start())
        if label in ("spouse", "parent", "child", "other"):
            with_reporter = text[max(0, m.start() - 2):m.start()] in ("我跟", "我和", "我同", "俺跟", "俺和") \
                or text[max(0, m.start() - 1):m.start()] in ("跟", "和", "同") \
                or _WENT_WITH_BEFORE.search(text, max(0, m.start() - 4), m.start()) \
                or _BROUGHT_ALONG.search(text, max(0, m.start() - 3), m.start())
            they_hurt = _HE_HURT.search(text, m.end()) is not None and not _SELF_HURT.search(text, m.end())
            # ("男朋友开车带我去兜风，追尾了，他脖子扭伤了": he drove the reporter, and he is the one hurt)
            if (_COMPANION.match(text, m.end()) and not they_hurt) or (
                with_reporter and _SELF_HURT.search(text, m.end()) and not _THEY_HURT.search(text, m.end())
            ):
                continue  # "我老公带我出去吃饭…我左手腕骨折", "我跟老公都在车上…我脖子扭伤了": he was with the reporter
            if _UNHURT.match(text, m.end()):
                continue  # "老公没事": the one not hurt is not the insured
            went_with = with_reporter or _WENT_WITH_BEFORE.search(text, max(0, m.start() - 4), m.start())
            if went_with and re.match(r"(?:们)?(?:一起|一块|带|领|去|出去|回)", text[m.end():m.end() + 2]):
                # "我跟我堂客带伢子去橘子洲玩 伢子从台阶上跌下来": who went along, when someone else is named
                companions.append(m.start())
        if label == "role":
            if _SELF_HURT.search(text, m.end()) and not _THEY_HURT.search(text, m.end()):
                continue  # "我是一所小学的老师，…我在操场上被学生撞倒了": the reporter's job, and the reporter hurt
            if not _THIRD_PARTY.search(text) and expecting != "relation":
                continue  # "我是一名老师，我从椅子上摔下来了": the reporter's own job
            label = "other"
        cands.append((label, m.start()))
        cores[m.start()] = _kin_core(m.group(0))
    if any(pos not in companions for _, pos in cands):
        cands = [c for c in cands if c[1] not in companions]  # "五一带孩子去青岛玩，我老公…摔伤了"
    if cands and all(pos in helpers for _, pos in cands) and (_SELF_WEAK.search(text) or _SELF_WEAK.search(spoken)) \
            and not re.search(r"不是我", text):
        return "self", 0, 0.6  # "我在公司上班时突然胸痛，同事叫了120": only helpers besides the reporter
    # "…拉着我婆婆去复查，被追尾了，我婆婆没事，我老公脖子扭了": whoever is said to be unhurt is not the insured
    unhurt = {_kin_core(m.group(0)) for m in kin_words if _UNHURT.match(text, m.end())}
    if unhurt and any(cores.get(pos) not in unhurt for _, pos in cands):
        cands = [c for c in cands if cores.get(c[1]) not in unhurt]
    if re.search(r"(?:给|帮|替)(?:我)?自己(?:的)?(?:家里人|家人)", text) and any(c[0] != "other" for c in cands):
        cands = [c for c in cands if c[0] != "other"]  # "我是代理人，这次是给我自己家里人报案，我妈…": not a customer
    # "我家老太太…，她是我丈母娘": who the insured is, said outright, outranks the word used before
    last_fix = max((c.end() for c in CORRECTION.finditer(text)), default=-1)
    # (an identity said after the last correction counts: "不对，那是我妈。出事的是我大姨")
    stated = [(m.start(), m.end()) for m in _IDENTITY.finditer(text)
              if m.start() >= last_fix and (last_fix < 0 or not m.group(0).startswith("就是"))]
    if stated:
        # (not the subject: "客户是我爱人" is about 客户, who is the insured)
        said = [c for c in cands if any(s <= c[1] < e and not (c[1] == s and text.startswith("客户", s))
                                        for s, e in stated)]
        cands = said or cands
    if cands:
        # a correction is about the relation when a relation word follows it closely ("哦不是，是我爸"), not when
        # it corrected a name and a relative comes up much later ("我叫顾阿毛，不对…儿子送到医院")
        near = any(0 <= pos - m.end() <= 6 for m in CORRECTION.finditer(text) for _, pos in cands)
        chosen = _corrected([c[0] for c in cands], [c[1] for c in cands], text) if near else cands[0][0]
        if chosen == "parent" and not near and _bare_laohan_at(text, cands[0][1]) and _laohan_by_places(text):
            chosen = "spouse"  # "我是延安的，我老汉在宝塔区…": in the north-west 老汉 is a husband, in Sichuan a father
        # "我是X的儿子" style statements outrank a bare kinship word
        return str(chosen), cands[0][1], 0.9
    if expecting == "relation" and _ROLE_ANSWER.search(text):
        return "other", 0, 0.8  # asked who it happened to, "学校校医": someone reporting in their job
    # "我 我大 我大 前天 在 蒲城县 地里…": 我大 is a father where the places are north-western or Jin
    dad = _BARE_DA.search(spoken)
    if dad is not None and _laohan_by_places(text):
        return "parent", dad.start(), 0.8
    intro = _OWN_INTRO.search(spoken)
    # (the intro's own words do not make a third party: "我是浙江大学的学生，…")
    besides_intro = _PAUSE.sub("", spoken[:intro.start()] + "，" + spoken[intro.end():]) if intro else text
    if (_SELF_WEAK.search(text) or _SELF_WEAK.search(spoken) or (intro and not _THIRD_PARTY.search(besides_intro))) \
            and not re.search(r"不是我", text):
        return "self", 0, 0.6
    if _SELF_HURT.search(text) and not _THEY_HURT.search(text) and not re.search(r"不是我", text):
        return "self", 0, 0.6  # "男朋友骑摩托车载我，在路上摔了，我锁骨骨折了": no one else is said to be hurt
    return None, -1, 0.0


# ---------------------------------------------------------------------------------------------- names
_NAME_CUE = re.compile(
    r"(?:(?:名字|姓名)\s?(?:叫|是)|(?<=[他她爸妈爹娘])的?名字|(?<=[，,。\s])名字(?=[\u4e00-\u9fff]{2,4}(?:[，,。\s]|$))|大名(?:叫|是)?|出险人是|出险人叫|被保险人是|被保险人叫|被保人是|他叫|她叫|孩子叫|就叫|叫做|"
    r"身份证上\s?(?:的名字)?\s?(?:是|叫|写的是)|(?:姓名|名字)(?:那)?(?:一)?栏(?:里|上)?(?:写的是|是)|叫|"
    r"(?:出险人|被保险人|被保人)[：:]?\s?(?:我自己|本人|我)\s|(?:出险人|被保险人|被保人)(?=[\u4e00-\u9fff]{2,4}(?:电话|身份|[，,\s]))|"
    r"(?:被保险人|被保人|出险人|姓名|名字)(?:[：:]|\s+(?:(?:呃|嗯|那个|就是)\s+)*(?=[\u4e00-\u9fff]))|客户[：:]"
    r"|(?<![的])姓名(?=[\u4e00-\u9fff]{2,4}[，,\s])"
    r"|(?<![联系报案])(?:人员|伤者|伤员|患者|出险人员|受伤人员|同事|员工|工人|学生|孩子|小孩|患儿|营员|幼儿|考生|学员)[：:]"
    r"|(?<![联系报案])(?:父亲|母亲|爸爸|妈妈|丈夫|妻子|老公|老婆|爱人|儿子|女儿|爷爷|奶奶|外公|外婆)[：:]"
    r"|(?:被保险人|被保人|出险人)[（(][^）)]{1,8}[）)][：:]?|[（(](?:被保险人|被保人|出险人)[）)][：:]?"
    r"|(?:被保险人|被保人|出险人)\s[：:]\s?"
    # "老刘 就是刘建军": a nickname glossed with the full name of the same surname
    r"|(?:老|小)(?P<nick>[\u4e00-\u9fff])\s?(?:就是|也就是)\s?(?=(?P=nick))"
    # "他家老爷子 姓 刘 刘长海": the surname said, then the full name
    r"|姓\s?(?P<said_s>[\u4e00-\u9fff])[\s，,]+(?=(?P=said_s)[\u4e00-\u9fff]{1,2}(?:[\s，,。]|$))"
    # (a stutter folded "姓 姓 刘 刘长海" into "姓 刘长海")
    r"|(?<=[\s，,])姓\s(?=[\u4e00-\u9fff]{3}(?:[\s，,。]|$))"
    # "帮他报一下：王亚福前天…": whom the report is for, after a colon
    r"|(?:报一下|报个案|报案|报一个案)[：:｜|])"
    r"[，,:：\s]?"
)
_SPELLING_THEN_NAME = re.compile(
    r"[\u4e00-\u9fff]{2}(?P<s>[\u4e00-\u9fff])[\s，,]+(?=(?P=s)[\u4e00-\u9fff]{1,2}(?:[\s，,。]|$))"
)
_KIN_ASKED = re.compile(
    r"(?:孙子|孙女|儿子|女儿|闺女|媳妇|老伴|女婿|外孙女?|侄子|邻居|同事)\s?(?:帮|给|来|去|陪|送|带|打|替)"
)
# "夏令营学员韩子轩": a role, then the name, read as one long name
_ROLE_IN_NAME = re.compile(r"学员|学生|员工|工人|营员|老师|同事|职工|患者|病人")
# cues that name the field, so that what follows is the name even without a Han surname
_NAMED_FIELD = re.compile(r"名字|姓名|被保|出险人")
_PASSIVE_VERB = r"(?:给)?(?:顶|咬|撞|踢|打|抓|挠|压|砸|刮|碰|拱|踩|蜇|叮|啄|轧|夹|撵|追|戳|扎|划|刺|崩|炸|绞|烫|掉|落)"
_PASSIVE_AFTER_NAME = re.compile(rf"\s?{_PASSIVE_VERB}")
_PASSIVE_CLAUSE = re.compile(rf"[\u4e00-\u9fff]{{1,4}}?\s?{_PASSIVE_VERB}(?:了|着|伤|到|断|破|倒|一下|下来)")
_REPORTER_AFTER_NAME = re.compile(r"是我(?:自己|本人)?(?:[，,。\s]|$)")
_NAME_END = re.compile(r"[，,。\s（(]|$|身份|今年|电话")
_STRONG_NAME_CUE = re.compile(
    r"(?:(?:名字|姓名)\s?(?:叫|是)|(?:姓名|名字)(?:那)?(?:一)?栏(?:里|上)?(?:写的是|是)|大名(?:叫|是)?|出险人叫|被保险人叫|被保人叫"
    r"|身份证上(?:的名字)?(?:是|叫|写的是)"
    r"|(?:被保险人|出险人|被保人|姓名|人员|伤者|伤员|患者|同事|员工|工人|学生|孩子|小孩|患儿|营员|幼儿|考生|学员)(?=[：:]))"
    r"[，,:：\s]?"
)
_NOT_A_NAME_WORD = re.compile(
    r"什么|啥|谁|怎|哪|来着|不知|不记|忘|医生|大夫|救护|车|^报(?:个|案|一)|报案|登记|网点|柜面|柜台|^应为|^改为"
)
_HE_IS_CALLED = re.compile(
    r"(?:他|她|我|工人|员工|职工|司机|师傅|学生|小孩|孩子|客户|老人|病人|游客|客人|孙子|孙女|儿子|女儿|闺女|伙计|店员|"
    r"父亲|母亲|爸爸|妈妈|爸|妈|老公|老婆|丈夫|妻子|爱人|[，,]\s?)"
    r"\s?(?:的名字)?叫[，,:：\s]?"
)
_ANY_NAME = re.compile(r"[\u4e00-\u9fff·]{2,8}?(?=[是，,。！？\s（(]|$|今年|的)")
_AGE_AFTER_NAME = re.compile(r"[，,]\s?(?:今年)?[0-9一二三四五六七八九十]{1,3}岁")
_RELATIVE_OF_NAMED = re.compile(
    r"\s?的(?:老伴|老公|老婆|丈夫|妻子|爱人|儿子|女儿|孩子|小孩|父亲|母亲|爸爸|妈妈|婆婆|公公|孙子|孙女)"
)
_SAID_OWN_NAME = re.compile(r"(?:^|(?<=[\s，,。]))(?:我|俺)(?:是|叫)?\s?(?P<n>[\u4e00-\u9fff]{2,4}?)(?=\s|[，,])")
# what a caller says after their own name: the report ("我周长海 我报个案"), their age, where they are from
_OWN_VOICE_AFTER = re.compile(
    r"\s?[，,]?\s?(?:我|俺)?\s?(?:要|想)?(?:报|今年|[七八九六五][十]|是[^，。,\s]{1,5}的|[\u4e00-\u9fff]{2,4}(?:区|县|市)的)"
)
_PAUSE_ONCE = re.compile(r"(?<=[我俺是叫])\s(?=[\u4e00-\u9fff])")
_FILLERS_AT = re.compile(r"(?:(?:嗯|呃|啊|额|那个)\s+)+")
_FORMAL_NAME_BEFORE = re.compile(
    r"(?:大名|学名|全名|身份证上(?:的名字)?|户口本上(?:的名字)?|正式(?:的)?名字)\s?(?:叫|是|写的是)?[，,:：\s]?$"
)
# "姓 欧 欧阳的欧 单名一个敏", "姓王，名字叫建华": the surname, how it is written, then the given name
_SURNAME_THEN_GIVEN = re.compile(
    # (a stutter folded "姓 欧 欧阳的欧" into "姓 欧阳的欧": the character spelled is the surname)
    r"姓\s?(?:(?P<sur>[\u4e00-\u9fff]{1,2}?)[，,\s]|[\u4e00-\u9fff]{1,3}的(?P<spelled>[\u4e00-\u9fff])[，,\s])"
    r"[^。]{0,12}?(?:单名(?:一个)?|名字?(?:叫|是))\s?(?P<given>[\u4e00-\u9fff]{1,2}?)(?=[，,。\s]|$)"
)
# "老刘 倒在屋里 … 就是 刘长贵": a nickname of surname + 老/小, glossed later with the full name
_NICKNAME = re.compile(r"(?:^|(?<=[\s，,。]))(?:老|小)(?P<sur>[\u4e00-\u9fff])(?=[\s，,。])")
_GLOSS_CUE = re.compile(r"(?:就是|也就是|大名叫?|全名叫?)\s?")
# a form's field named after whose it is: "被保险人关系", "出险人电话", "客户身份证号"
_FIELD_AFTER_ROLE = re.compile(r"(?:关系|电话|手机|身份|证件|姓名|性别|年龄|地址|住址|信息|单位)")
_NOT_A_NAME_CHAR = re.compile(r"[我你他她的了在和跟说叫今昨前这那病伤院去到没]")
_NOT_A_NAME_CHAR_IN_FIELD = re.compile(r"[我你他她的了在和跟说叫今昨前这病伤院去到没]")
_KIN_BEFORE_NAME = re.compile(
    # "客户的老公陆建平": someone else's relative, then the name
    r"(?:客户|被保险人|被保人|同事|朋友|邻居)(?:的|家)?(?:老公|老婆|爱人|丈夫|妻子|先生|太太|儿子|女儿|父亲|母亲|爸爸|妈妈|孩子|小孩)"
    r"(?:是|叫)?[，,\s]?|"
    r"(?:我|俺|本人|阿拉|(?:我们|俺们)(?=家))\s?(?:的|家)?\s?(?:那个|这个)?\s?(?:女朋友|男朋友|老汉儿|老汉|老头子|老头儿|老头|堂客|掌柜的|老婆儿|屋里人|老婆子|阿爸|阿妈|兄弟|大伯|二伯|三伯|侄儿|幺爸|幺叔|幺儿|婆娘|娃儿|老倌|个仔|个女|"
    r"小舅子|大舅子|小姨子|大姨子|小叔子|姐夫|妹夫|姑父|姨父|舅妈|婶婶|老爸|老妈|老爷子|老太太|爸爸|妈妈|父亲|母亲|爸|妈|爹|娘|老婆(?!婆)|媳妇|爱人|老公(?!公)|丈夫|妻子|太太|先生|老伴儿?|"
    r"儿子|女儿|闺女|孩子|同事|朋友|邻居|同学|室友|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹|外婆|外公|奶奶|爷爷|婆婆|公公|"
    r"岳父|岳母|老丈人|员工|领导|院里的|村里的|厂里的|店里的|班上的|单位的|外孙女|外孙|孙子|孙女|外甥女|外甥|侄子|侄女|儿媳妇|儿媳|女婿|舅舅|叔叔|姑姑|阿姨|姨妈|"
    r"嫂子|弟媳|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|娃|宝宝|崽|女子|姑娘|儿(?![子女媳童科]))[，,\s]?|(?:母亲|父亲|员工)[，,]\s?"
    # "…，孙女王一诺昨天…", "宝宝何宇航，3岁": a child named at the start of a clause
    r"|(?:^|(?<=[，,。\s]))(?:儿子|女儿|闺女|孙子|孙女|外孙女|外孙|宝宝|小孩|孩子(?:是)?|老公|老婆|爱人|奶奶|爷爷|外公|外婆|姥姥"
    r"|姥爷|爸爸|妈妈|父亲|母亲)\s?"
    # "中班的彭宇轩", "初二（3）班的": a pupil named after the class
    r"|(?:小班|中班|大班|[一二三四五六]年级|初[一二三]|高[一二三])(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)]?班)?的\s?"
    # "幼儿园大二班 林语汐（女，5岁）": a class, then the pupil's name with their particulars
    r"|(?:[小中大][一二三四五六七八九十\d]{1,2}班|[一二三四五六]年级[一二三四五六七八九十\d]{1,2}班)\s(?=[\u4e00-\u9fff]{2,4}[（(])"
    r"|(?:工人|员工|职工|同事|司机|电工|焊工|矿工|师傅|学生|客户|被保险人|小工|店员|伙计|服务员|保安|保洁员|保洁|厨师|管理员|保管员|老乡|工友|"
    r"小朋友|游客|客人|乘客|旅客|病人|患者|搬运工|科长|处长|主任|学员|营员|新生|研究生|大学生|博士生|本科生|检修工|安全员|老人|丈母娘|"
    r"外甥|舅妈|姑妈|"
    r"驾驶员|操作员|营业员|收银员|快递员|外卖员|文员|会计|出纳|钢筋工|木工|瓦工|电焊工|油漆工|架子工|水电工|泥瓦工|"
    r"骑手|操作工|环卫工|掘进工|分拣员|送餐员|配送员|叉车工|铲车工|机修工|维修工|装配工|包装工|钳工|铆工|起重工|塔吊工|清洁工|质检员|仓管员|理货员|"
    r"杂工|女工|男工|普工|临时工|装卸工|放羊的|放牛的|五保户|低保户|村民|贫困户)(?:是|叫)?[，,:：\s]?"
    r"|(?:我们|俺们)(?:村|组|屯|队|车间|班组|部门|公司|科室|单位|厂|店|船)(?:里|上)?(?:的|有个|有一个|有位)?\s?"
    r"|(?:帮|替|给)(?:我的?)?(?:同事|朋友|邻居|客户|员工|同学)\s?"
    r"|(?:我是|是)(?:他|她)的?(?:同事|朋友|邻居|同学|室友|领导|主管|家属|亲戚)[，,]\s?"
    # "我家公 就是我老公的爸爸 叶锦华": whose relative the insured is, glossed, then the name
    r"|的(?:老公|老婆|爱人|丈夫|妻子|儿子|女儿|父亲|母亲|爸爸|妈妈)(?:[，,]\s?|\s)"
    r"|[\u4e00-\u9fff](?:大姐|大哥|阿姨|大叔|大爷|大妈|大娘|大婶|婶子|奶奶|爷爷|师傅)[，,]\s?"
)
# "老包，包文生，…", "小周，周晓燕": what a person is called, then the full name with the same surname
_CALLED_THEN_NAME = re.compile(
    r"(?:[老小](?P<s>[\u4e00-\u9fff])(?:头|子)?|(?P<t>[\u4e00-\u9fff])(?:大爷|大娘|大妈|奶奶|爷爷|老太太|老太|老爷子|阿姨|叔叔|师傅))"
    r"[，,\s]\s?(?=(?P=s)|(?P=t))"
)
_NOT_PLACES = re.compile(r"云南白药|兰州拉面|沙县小吃|北京烤鸭|重庆火锅|重庆小面|天津麻花|新疆大盘鸡|长沙臭豆腐|"
                         r"武汉热干面|"
                         r"柳州螺蛳粉|桂林米粉|北京时间|东北大米|西湖龙井|安吉白茶|金华火腿|宁夏枸杞|新疆棉|山东大葱"
                         # "在太湖边钓鱼": the lake, not 太湖县
                         r"|太湖(?=边|畔|里|岸|湖面|水)"
                         # "她住平房 烧炉子": a one-storey house, not 平房区
                         r"|(?<=住)平房|平房(?=里|子|院)")
_SPELLED_CHARACTER = re.compile(r"(?P<w>[\u4e00-\u9fff]{2,4})的(?P<c>[\u4e00-\u9fff]{1,2}?)(?=[\s，,。、]|$)")
# "张建军（被保险人）": the role said in brackets after the name
_NAME_THEN_ROLE = re.compile(r"(?P<n>[\u4e00-\u9fff]{2,4})\s?[（(](?:被保险人|被保人|出险人)?(?:本人)?[）)]")
# a typed line of name and mobile, "…住院中\n韩晨 13911086245" (lines arrive as commas)
_NAME_PHONE_LINE = re.compile(
    r"(?:^|[，,。])\s*(?P<n>[\u4e00-\u9fff]{2,3})\s*[:：]?\s*(?:\+?86)?1[3-9]\d(?:[\s-]?\d){8}\s*(?:[，,。]|$)"
)
# "…住院，钱浩宇 身份证 341202…": a typed line of name and ID number
_NAME_ID_LINE = re.compile(r"(?:^|[，,。])\s*(?P<n>[\u4e00-\u9fff]{2,3})\s*(?:身份证|证件号)")
_JOB_BEFORE = re.compile(r"工人|员工|职工|司机|矿工|牧民|学生|客户|店员|伙计|小工|[\u4e00-\u9fff]工[是叫，,\s]?$")
_NAME_OF = re.compile(
    r"(?:我|俺|我姓[\u4e00-\u9fff][，,\s]?)是\s?(?:那个\s?|这个\s?)?(?P<n>[\u4e00-\u9fff]{2,4}?)\s?(?:的|他的?|她的?)\s?(?:儿子|女儿|闺女|孩子|丈夫|老公|妻子|老婆|爱人|同事|朋友|邻居|家属|家里人|家人"
    r"|儿媳妇|儿媳|女婿|孙女婿|孙媳妇|爸爸|妈妈|父亲|母亲|家长|老伴儿?|媳妇|对象"
    r"|妹妹|姐姐|哥哥|弟弟|侄子|侄女|外甥|外甥女|孙子|孙女|亲戚|班主任|老师|领导|同学|师傅|舅舅|姑姑|叔叔|阿姨"
    r"|表姐|表哥|表妹|表弟|堂姐|堂哥|堂妹|堂弟|嫂子|姐夫|妹夫|弟媳|舅妈|姨妈|小姨|婶婶|伯伯|外孙女?|工友|徒弟"
    r"|奶奶|爷爷|外婆|外公|姥姥|姥爷|(?:妈|爸|娘|爹)(?=[\s，,。]|$))"
    # "我是杨宇航妈妈": a parent named after the child, without 的
    r"|(?:我|俺)是\s?(?P<n2>[\u4e00-\u9fff]{2,4}?)(?:妈妈|爸爸|家长)(?=[，,。\s]|$)"
    # an accident report read out: "2026年2月7日8时15分许，冯丽娟驾驶电动自行车行至…"; "我是林晓燕本人"
    r"|(?<=[，,：:。；\s])(?P<n3>[\u4e00-\u9fff]{2,4}?)(?:驾驶|驾车)"
    r"|(?:我|俺)是\s?(?P<n4>[\u4e00-\u9fff]{2,4}?)本人"
)
_SELF_NAME = re.compile(
    r"我叫|我的名字(?:叫|是)|本人(?:叫|是|姓名是?|名字是?)?[，,\s]|本人(?:叫|是)|我是(?=[\u4e00-\u9fff]{2,3}[，,。])"
    r"|我是\s(?=[\u4e00-\u9fff]{2,3}\s(?:身份证|电话|手机))"
    # "本人：沈某某，身份证…" (a form); "我是刘某某 我自己受的伤"
    r"|本人[：:]\s?|我是\s?(?=[\u4e00-\u9fff]{2,3}\s(?:我自己|是我自己|我本人|本人))"
    r"|本人(?=[\u4e00-\u9fff]{2,4})|报案人[：:]\s?(?=[\u4e00-\u9fff]{2,4}\s?[（(]?本人)"
    r"|(?:就是我|是我自己|出险的(?:人)?是我)[，,]?\s?"
    # "我姓杨 杨秀珍": the surname, then the full name
    r"|我姓(?P<own_s>[\u4e00-\u9fff])[\s，,]+(?=(?P=own_s)[\u4e00-\u9fff]{1,2}(?:[\s，,。]|$))"
)


# "现在叫海南医科大学第一附属医院": what a place is called, not a person
_INSTITUTION_NAMED = re.compile(
    r"(?:(?![在到去送住和跟从是了])[\u4e00-\u9fff]){0,14}?(?:医院|卫生院|诊所|大学|学院|公司|中心|学校)"
)
_DICTATION_PIECE = re.compile(r"[\u4e00-\u9fff]{1,6}")


def _dictated_name_start(text: str, pos: int) -> int | None:
    """Where the whole name starts when it is dictated in pieces and then said whole.

    "耳东陈 陈 秀 秀英 陈秀英", "覃 西早覃 覃 小 小梅 覃小梅": every piece before the last is part of the name, a
    character's gloss ending in one of its characters (耳东陈, 黎明的黎), and the last piece is the name itself.
    """
    pieces = [(m.start(), m.group(0)) for m in _DICTATION_PIECE.finditer(text[pos:pos + 40])]
    found: int | None = None
    for k in range(1, min(len(pieces), 9)):
        start, name = pieces[k]
        if not 2 <= len(name) <= 3:
            continue
        gaps = [text[pos + pieces[i][0] + len(pieces[i][1]):pos + pieces[i + 1][0]] for i in range(k)]
        if any(not re.fullmatch(r"[\s，,]+", g) for g in gaps):
            break
        before = [p for _, p in pieces[:k]]
        if all(p in name or (len(p) <= 4 and p[-1] in name and (len(p) == 3 or p[-2] == "的")) for p in before) \
                and pieces[0][1][-1] == name[0]:
            found = pos + start
    return found


# (a stutter may have folded "周 周吉周" into "周吉周": the spelling word then starts with the surname too)
_SURNAME_SPELLED = re.compile(
    r"\s?(?:(?P<s>[\u4e00-\u9fff])[\s，,]+[\u4e00-\u9fff]{1,3}(?P=s)|(?P<s2>[\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(?P=s2))"
    r"[\s，,]+(?=(?P=s)|(?P=s2))"
)
# "她叫 姜 姜太公的姜 姜玉芬", "他叫 汪 三点水那个汪 汪俊": the surname, a phrase telling how it is written, the name
_SURNAME_EXPLAINED = re.compile(
    r"(?P<s>[\u4e00-\u9fff])[\s，,]+[^\s，,。]{2,8}[\s，,]+(?=(?P=s)[\u4e00-\u9fff]{1,2}(?:[\s，,。]|$))"
    # (a stutter folded "姜 姜太公的姜" into "姜太公的姜")
    r"|[\u4e00-\u9fff]{1,6}的(?P<s2>[\u4e00-\u9fff])[\s，,]+(?=(?P=s2)[\u4e00-\u9fff]{1,2}(?:[\s，,。]|$))"
)
_NAME_RESPELLED = re.compile(
    r"(?:名字|姓名)[^。]{0,8}?不是\s?[\u4e00-\u9fff]{2,4}[，,\s]+(?:而)?是\s?(?P<n>[\u4e00-\u9fff]{2,4}?)(?=[，。,\s]|$)"
)
_NAME_DENIED_THEN = re.compile(r"\s?(?:不是|不对)[，,\s]?(?:是)?\s?(?P<n>[\u4e00-\u9fff·]{2,6}?)(?=[\s，,。]|$)")
_NICKNAME_WORDS = frozenset({"小名", "乳名", "外号", "昵称", "绰号", "网名"})


def _said_of_reporter(text: str, cue_start: int) -> bool:
    """A name cue about the reporter ("我叫", "我的名字是"), not the insured."""
    return re.search(r"(?:我|俺|额)(?:的)?\s?$", text[max(0, cue_start - 3):cue_start]) is not None


def _spelled_after(text: str, end: int, name: str) -> bool:
    """Whether the characters of `name` are spelled out right after it ("才让 才华的才 让步的让", "达是达到的达")."""
    after = text[end:end + 12 * len(name)]
    spelled = sum(1 for ch in dict.fromkeys(name) if re.search(f"[\u4e00-\u9fff]{{1,4}}的{ch}", after))
    return spelled >= min(2, len(set(name)))


def _plain_name_chars(name: str) -> bool:
    """No character that ends a name phrase, unless the given name is a known word-name ("符和平", "田家和")."""
    return not _NOT_A_NAME_CHAR.search(name) or name[len(surname_of(name) or ""):] in _GIVEN_NAMES_TOO


def _names(text: str, relation: str | None) -> list[tuple[str, int, float]]:
    """Insured-name candidates (name, position, confidence) in text order."""
    out: list[tuple[str, int, float]] = []
    for m in _NAME_OF.finditer(text):
        group = next(g for g in ("n", "n2", "n3", "n4") if m.group(g))
        n = take_name(m.group(group))
        if n and n == m.group(group):
            out.append((n, m.start(group), 0.9))
    for m in _NAME_CUE.finditer(text):
        if text[max(0, m.start() - 2):m.start()] in _NICKNAME_WORDS:
            continue  # "小名叫豆豆": what the child is called at home, not the name on the policy
        pos = m.end()
        filler = _FILLERS_AT.match(text, pos)
        if filler:
            pos = filler.end()  # "我老婆 叫 嗯 刘芳": a hesitation before the name
        restated = re.match(r"(?:应为|应该是|改为|更正为)\s?", text[pos:pos + 5])
        if restated:
            pos += restated.end()  # "被保人姓名应为 章淑芬": a name corrected on a form
        dictated = _dictated_name_start(text, pos)
        if dictated is not None:
            pos = dictated  # "她叫 耳东陈 陈 秀 秀英 陈秀英": the name said piece by piece, then whole
        spelling_first = _SPELLING_THEN_NAME.match(text, pos)
        if spelling_first:
            pos = spelling_first.end()  # "被保人姓名 弓长张 张玉兰": how the surname is written, then the name
        spelled_surname = _SURNAME_SPELLED.match(text, pos) or _SURNAME_EXPLAINED.match(text, pos)
        if spelled_surname:
            pos = spelled_surname.end()  # "她叫 刘 文刀刘 刘晓燕": the surname, how it is written, then the name
        elif text[pos + 1:pos + 2] in (" ", "，", ",") and text[pos + 2:pos + 3] == text[pos:pos + 1]:
            pos += 2  # "她叫罗 罗兰芳": a stutter before the name
        elif text[pos + 2:pos + 3] in (" ", "，", ",") and text[pos + 3:pos + 5] == text[pos:pos + 2]:
            pos += 3  # "叫 欧阳 欧阳秀兰": a stutter over a two-character surname
        elif text[pos:pos + 1] == text[pos + 1:pos + 2] and surname_of(text[pos:pos + 1]) \
                and len(take_name(text, pos + 1) or "") == 3:
            pos += 1  # "他叫俞俞国庆": the surname said twice, with no pause written
        if _KIN_ASKED.match(text, pos):
            continue  # "今朝才叫孙子帮我打这个电话": 叫 as "asked", a relative, then what they did
        if _INSTITUTION_NAMED.match(text, pos):
            continue  # "现在叫海南医科大学第一附属医院": what a hospital is called now
        role = _KIN_BEFORE_NAME.match(text, pos)
        if role is not None and not role.group(0).startswith(("我", "俺")):
            continue  # "导游报案：游客张丽": a role word, then the name, which the role words find
        n = take_name(text, pos)
        whole = _ANY_NAME.match(text, pos)
        # ("大名叫沈桂英沈阳的沈…": the name runs into the word that spells its first character)
        if n and whole and len(whole.group(0)) > len(n) and not _NOT_A_NAME_CHAR.search(whole.group(0)) \
                and not _ROLE_IN_NAME.search(whole.group(0)) \
                and not (text.startswith("的", whole.end()) and text[whole.end() + 1:whole.end() + 2] in n) and (
            _STRONG_NAME_CUE.match(text, m.start()) or _NAME_END.match(text, pos + len(whole.group(0)))
        ):
            n = whole.group(0)  # "名字叫阿依努尔", "我婆婆叫斯琴高娃，蒙古族": longer than surname + two
        elif not n and whole and 2 <= len(whole.group(0)) <= 4 and _spelled_after(text, whole.end(), whole.group(0)) \
                and not _NOT_A_NAME_CHAR.search(whole.group(0)) and whole.group(0) not in _BAD_NAMES:
            n = whole.group(0)  # "叫才让 才华的才 让步的让": a name without a Han surname, spelled out right after
        elif not n and whole and 2 <= len(whole.group(0)) <= 4 and surname_of(whole.group(0)) \
                and whole.group(0) not in _BAD_NAMES \
                and _NAME_END.match(text, pos + len(whole.group(0))) \
                and _plain_name_chars(whole.group(0)) \
                and not _NOT_A_NAME_WORD.search(whole.group(0)):
            # "叫丁月娥，": a given name with a character that usually ends one (月, 天, 年); "叫 符 符和平"
            n = whole.group(0)
        elif not n and whole and 2 <= len(whole.group(0)) <= 4 and _NAMED_FIELD.search(m.group(0)) \
                and sum(c not in _TRANSLITERATION for c in whole.group(0)) <= (len(whole.group(0)) > 2) \
                and _NAME_END.match(text, whole.end()) and not _NOT_A_NAME_CHAR.search(whole.group(0)) \
                and whole.group(0) not in _BAD_NAMES:
            n = whole.group(0)  # "阿妈名字拉毛措", "被保人 热合曼": a Tibetan or Uyghur name, which has no Han surname
        if not n or _PASSIVE_AFTER_NAME.match(text, pos + len(n)) or _PASSIVE_CLAUSE.match(text, pos):
            continue  # "叫公羊顶了一下", "叫狗咬了": 叫 as "by", not "named"
        if _said_of_reporter(text, m.start()) and relation not in (None, "self"):
            continue  # the reporter's own name, not the insured's
        out.append((n, pos, 0.9))
    for m in _SURNAME_THEN_GIVEN.finditer(text):
        sur = m.group("sur") or m.group("spelled")
        if surname_of(sur) == sur:
            out.append((sur + m.group("given"), m.start(), 0.9))  # "姓张，弓长张，单名一个伟"
    for nick in _NICKNAME.finditer(text):
        for g in _GLOSS_CUE.finditer(text, nick.end()):
            if not text.startswith(nick.group("sur"), g.end()):
                continue
            n = take_name(text, g.end())
            if n and len(n) >= 2 and n != nick.group(0):
                out.append((n, g.end(), 0.9))
                break
    for m in _KIN_BEFORE_NAME.finditer(text):
        at = m.end()
        if _FIELD_AFTER_ROLE.match(text, at) or _NOT_A_NAME_WORD.search(text, at, at + 4):
            continue  # "与被保险人关系：儿子": a form's field, not a name; "客户 来网点": a place
        filler = _FILLERS_AT.match(text, at)
        if filler:
            at = filler.end()  # "我们员工 嗯 殷俊": a hesitation before the name
        surname_said = re.match(r"姓\s?", text[at:at + 2])
        spelled = _SURNAME_SPELLED.match(text, at + (surname_said.end() if surname_said else 0))
        if spelled:
            at = spelled.end()  # "客户 林 双木林 林国栋", "客户姓 耿 耳火耿 耿秋菊": the surname spelled first
        if text[at + 1:at + 2] == " " and text[at:at + 1] == text[at + 2:at + 3]:
            at += 2  # "我们 司机 段 段志华": a stutter before the name
        n = take_name(text, at)
        whole = _ANY_NAME.match(text, at)
        if whole and 3 <= len(whole.group(0)) <= 4 and len(whole.group(0)) > len(n or "") \
                and surname_of(whole.group(0)) and _NAME_END.match(text, whole.end()) \
                and _plain_name_chars(whole.group(0)) \
                and not _NOT_A_NAME_WORD.search(whole.group(0)) \
                and whole.group(0) not in _BAD_NAMES and not is_everyday_word_name(whole.group(0)) \
                and not is_everyday_word_name(whole.group(0)[:2]) and whole.group(0)[:2] not in _BAD_NAMES \
                and not _KIN_BEFORE_NAME.match(whole.group(0)):
            n = whole.group(0)  # "客户王亚妹，", "我妈妈卢月明 昨天": the whole name up to the pause
        if n and _HONORIFIC_END.search(n):
            n = None  # "我客户张大爷（被保人）": how the customer is addressed
        if n and not is_everyday_word_name(n):
            out.append((n, at, 0.8))
        elif n is None:
            run = at
            while run < len(text) and run - at < 5 and text[run] in _TRANSLITERATION:
                run += 1
            if (run - at >= 3 and _AFTER_LONG_NAME.match(text, run)) \
                    or (run - at == 2 and re.match(r"\s?(?:身份证|电话|手机)", text[run:run + 4])):
                # (two characters when the ID or the phone follows: "我老公 扎西 身份证…")
                out.append((text[at:run], at, 0.7))  # "我弟弟努尔兰上个礼拜五…": a name without a Han surname
    for m in _NAME_RESPELLED.finditer(text):
        n = take_name(m.group("n"))
        if n and n == m.group("n"):
            out.append((n, m.start("n"), 0.95))  # "孩子名字写错了，不是刘一诺，是刘奕诺"
    for m in _NAME_THEN_ROLE.finditer(text):
        for at in range(m.start("n"), m.end("n") - 1):
            n = take_name(text, at)
            if n is not None and at + len(n) == m.end("n"):
                out.append((n, at, 0.9))
                break
    for m in _CALLED_THEN_NAME.finditer(text):
        n = take_name(text, m.end())
        if n and len(n) >= 2 and _NAME_END.match(text, m.end() + len(n)) and not is_everyday_word_name(n):
            out.append((n, m.end(), 0.8))
    if relation in (None, "self"):
        # "我周长海 我报个案", "我是马秀兰 马是马牛羊的马 …": a caller saying their name, then a pause
        for m in _SAID_OWN_NAME.finditer(text):
            n = take_name(text, m.start("n"))
            if n is None or len(n) < 2 or is_everyday_word_name(n) \
                    or (n in known_words() and n not in _name_vocabulary().full_names):
                continue
            after = m.start("n") + len(n)
            if _spelled_after(text, after, n) or _OWN_VOICE_AFTER.match(text, after):
                out.append((n, m.start("n"), 0.85))
        for m in _SELF_NAME.finditer(text):
            n = take_name(text, m.end())
            if n and m.group(0) == "本人" and not _NAME_END.match(text, m.end() + len(n)):
                continue  # "我本人申请报案": no name follows
            if n and m.group(0).startswith("我是") and n in known_words() \
                    and (n not in _name_vocabulary().full_names or n.endswith(("生", "员", "工", "师"))):
                continue  # "我是高中生 我自己报案": a word, not a name (刘建军 is in the dictionary as a name)
            if n:
                out.append((n, m.end(), 0.9))
    if not out:
        # a name without a Han surname ("热娜古丽", "阿依努尔") or with a rare one (the Dai surname 刀) counts
        # after an unmistakable cue, or after "他叫" when the name is followed by a pause or the ID
        for m in _STRONG_NAME_CUE.finditer(text):
            if _said_of_reporter(text, m.start()) and relation not in (None, "self"):
                continue
            found = _ANY_NAME.match(text, m.end())
            # (a form's field, "被保险人：那日苏": 那 begins Mongolian names; in speech it is "that")
            unwanted = _NOT_A_NAME_CHAR_IN_FIELD if m.group(0).rstrip().endswith(("：", ":")) else _NOT_A_NAME_CHAR
            if found and not unwanted.search(found.group(0)) and found.group(0) not in _BAD_NAMES:
                out.append((found.group(0), m.end(), 0.8))
        for m in _KIN_BEFORE_NAME.finditer(text):
            # "我们矿上的工人努尔兰，上周日…": a name without a Han surname after a job word, ended by a pause
            found = _ANY_NAME.match(text, m.end())
            # ("被保险人是我女儿其其格，14岁": a relative named, then the age, as one introduces a person)
            aged = _AGE_AFTER_NAME.match(text, found.end()) is not None if found else False
            if found and (3 if not aged else 2) <= len(found.group(0)) <= 5 \
                    and text[found.end():found.end() + 1] in ("，", ",") \
                    and not _NOT_A_NAME_CHAR.search(found.group(0)) and found.group(0) not in _BAD_NAMES \
                    and not _NOT_A_NAME_WORD.search(found.group(0)) and not is_everyday_word_name(found.group(0)) \
                    and (_JOB_BEFORE.search(m.group(0)) or aged):
                out.append((found.group(0), m.end(), 0.7))
        for m in _HE_IS_CALLED.finditer(text):
            if text[max(0, m.start() - 2):m.start()] in _NICKNAME_WORDS:
                continue
            if m.group(0).startswith("我") and relation not in (None, "self"):
                continue  # the reporter's own name
            found = _ANY_NAME.match(text, m.end())
            if found and len(found.group(0)) <= 4 and _NAME_END.match(text, found.end()) \
                    and not _NOT_A_NAME_CHAR.search(found.group(0)) and found.group(0) not in _BAD_NAMES \
                    and not _NOT_A_NAME_WORD.search(found.group(0)):
                out.append((found.group(0), m.end(), 0.7))
    if not out and relation in (None, "self"):
        # with no one else in the report, a name typed with the mobile is the reporter's own ("韩晨 139…");
        # beside a relative it may be the one to call back, so it is not taken then
        for m in [*_NAME_PHONE_LINE.finditer(text), *_NAME_ID_LINE.finditer(text)]:
            n = take_name(m.group("n"))
            if n is not None and n == m.group("n") and not is_everyday_word_name(n):
                out.append((n, m.start("n"), 0.7))
    if out:
        # "施雨晴，哦不对，是施雨涵": a name right after a correction that follows a name replaces it
        for m in CORRECTION.finditer(text):
            pos = m.end()
            while pos < len(text) and text[pos] in "对，, 是叫":
                pos += 1
            n = take_name(text, pos)
            if n and any(p < m.start() and (surname_of(c) == surname_of(n) or m.start() - p - len(c) <= 8)
                         for c, p, _ in out):
                out.append((n, pos, 0.9))
                continue
            # "潘玉兰 哦不对 不是兰花的兰 是莲花的莲 潘玉莲": the name said again with its surname, after the spelling
            surnames = {surname_of(c) for c, p, _ in out if p < m.start()}
            for at in range(m.end(), min(len(text), m.end() + 30)):
                if surname_of(text[at:at + 2]) not in surnames or text[at - 1:at] == "的":
                    continue
                n = take_name(text, at)
                if n and len(n) >= 2 and not text.startswith("的", at + len(n)) and all(n != c for c, _, _ in out):
                    out.append((n, at, 0.9))
                    break
    if relation not in (None, "self"):
        out = [c for c in out if not _REPORTER_AFTER_NAME.match(text, c[1] + len(c[0]))]  # "陈静怡是我，…"
    # "我客户孙秀珍的老伴…": the relative of someone named is the insured ("我是王明亮的女儿" names the insured)
    out = [c for c in out if not (_RELATIVE_OF_NAMED.match(text, c[1] + len(c[0]))
                                  and not re.search(r"是\s?(?:那个\s?)?(?:被保险人|被保人|出险人)?$",
                                                    text[max(0, c[1] - 8):c[1]]))]
    for n, pos, conf in list(out):
        denied = _NAME_DENIED_THEN.match(text, pos + len(n))
        if denied and denied.group("n").startswith(n[:2]) and denied.group("n") != n:
            out.append((denied.group("n"), denied.start("n"), conf))  # "古丽娜 不是 古丽娜尔": put right
    # "我叫 古丽娜 古丽娜尔 …名字是 古丽娜尔": a name said again in full replaces its start
    out = [c for c in out if not any(d[0] != c[0] and d[0].startswith(c[0]) and d[1] > c[1] for d in out)]
    out.sort(key=lambda x: x[1])
    return out


# ---------------------------------------------------------------------------------------------- cause & treatment
_ACCIDENT_WORDS = re.compile(
    r"意外|事故(?![日时地原经])|不小心|出事|车祸|摔|撞|烫|咬|淹|溺水|中毒|割|砸|掉下|坠落|受伤|外伤|扭伤|骨折|炸伤|炸到|炸着"
    r"|滑倒|滑到水|滑进|掉进|掉到|落水|剪到|剪伤|划伤|划破|扎伤|刺伤|夹伤|绞伤|触电|被电|烧伤|冻伤|跌倒|踩空|绊倒"
    r"|挂倒|刮倒|碰倒"
)
_ILLNESS_WORDS = re.compile(r"生病|疾病|病了|发病|犯病|得病|的病|病情|心脏病|查出|确诊|体检|癌|突发|发烧|重疾|重大疾病")
_STROKE_BLEEDS = frozenset({"I60", "I61", "I62"})
_MINOR_SCRAPE = re.compile(r"(?:擦|蹭|磕|刮)破(?:了)?(?:一)?点(?:儿)?皮|破了?(?:一)?点(?:儿)?皮")
_FAINTED_THEN_HIT = re.compile(
    r"(?:洗澡|泡澡|浴室|澡堂|淋浴)[^。]{0,10}?(?:头晕|晕倒|晕过去|昏倒|昏过去|晕了|一黑)"
    # "军训站军姿 突然晕倒了 下巴磕在地上": any faint that then hit something
    r"|(?:突然|一下子?)(?:就)?(?:晕倒|晕过去|昏倒|昏过去)了?[^。]{0,6}?(?:磕|撞|摔)"
    # "站起来一晕，倒地上磕到后脑勺": a dizzy spell, then the knock
    r"|一晕[^。]{0,8}?(?:磕|撞|摔)"
)
_TAKEN_IN = re.compile(r"住院|住进|住在[^，。,]{0,6}科|送到|送去|送进|抢救|急诊")
# falling down because the illness struck ("吃饭时突然摔倒，叫不醒…诊断脑出血"), not hurt by the fall
_COLLAPSE = re.compile(r"突然(?:就)?(?:摔倒|倒下|倒地|晕倒|栽倒|一头栽倒)|一头栽倒|叫不醒|不省人事|昏迷不醒"
                       # "大夫说是先脑溢血才摔倒的": the bleed came first, the fall after it
                       r"|先[^，。,]{0,4}?(?:脑溢血|脑出血|出血|脑梗|中风|晕)[^，。,]{0,4}?(?:才|再|然后|后)(?:摔|倒|跌|栽)")
_TRAUMA_WORDS = re.compile(
    r"车祸|撞|摔|跌|砸|坠落|掉下|打架|被打|外伤|刮倒|碰倒|被车|轧|翻(?:车|倒|到|进|下|沟|河|田|坡)|撑了一下|崴|扭(?:了|伤|到)|"
    r"碰着|碰到|磕到|磕着|卷(?:了|进|到|住|伤|断)|翻了|(?<![疼痛胀晕])(?<![疼痛胀]得)(?<![疼痛胀]得要)炸(?:伤|到|了|着)(?!鸡|串)"
)
# Harm from an outside agent (drowning, electricity, poisons, heat and cold: ICD-10 T51-T75) makes what follows
# from it an accident too ("掉水里呛了水，吸入性肺炎")
_AGENT_INJURY = re.compile(r"T(?:5[1-9]|6[0-9]|7[0-5])")
_PLAIN_ACCIDENT = re.compile(
    # (not "事故日期：", a form's heading)
    r"意外|事故(?![日时地原经])|不小心|滑到水|滑进(?:水|河|塘|沟)|落水|剪到(?:手|脚|指)|被电|触电"
    # "开车掉到山沟里了": a fall or a plunge with no injury named is still an accident
    r"|(?:掉|摔|翻|冲|滚|跌|滑)(?:到|进|下|入)了?[^，。,]{0,4}?(?:山沟|沟里|河里|水里|井里|悬崖|山崖|坑里|山下|桥下)|坠崖|坠落"
    r"|(?:从|在)[^，。,]{1,6}?(?:滚|摔|掉|跌)下(?:去|来)"
    # "左手被切纸机切了": hurt by a machine or a tool
    r"|(?:被|叫|让)[^，。,被]{1,6}?(?:切|割|绞|轧|夹|砸|压|刮|卷|铡|锯|碾|顶|踢|踩|撞)(?:了|伤|断|到|掉|破|住)"
    # "骑摩托车被大货车挂倒了": knocked down
    r"|被[^，。,被]{1,8}?(?:挂|刮|碰|撞)倒"
    # "我爸是开拖拉机出的事": driving, riding or working when it happened
    r"|(?:开|骑|坐|干活|上班|施工)[^，。,]{0,6}?出(?:的|了)?事"
    # "油锅着火了 把他右胳膊和右手给烧了": a fire
    r"|着火|起火|失火|火灾"
    # "骑摩托车 摆了一跤", "扳了一跤": a fall, in south-western and northern words
    r"|(?:摆|扳|跶|卡)了?(?:一|个)跤"
    # "打球受伤了", "被同学打了", "被炮仗崩着眼睛了": hurt at play, in a fight, by fireworks
    r"|(?:打|踢|玩)[^，。,]{0,3}?球[^，。,]{0,3}?受伤|被[^，。,被]{1,6}?打(?:了|伤|肿|破)|(?:炮仗|鞭炮|炮竹|烟花|爆竹)[^，。,]{0,3}?(?:崩|炸)"
)
_PLAIN_ILLNESS = re.compile(
    r"生病|疾病|病了|发(?:的)?病|犯(?:的)?病|(?<!不)是病(?=[，,。\s]|$)|老毛病|(?:心脏|肺|肝|胃|肾|脑)(?:上)?的?毛病|病(?:又)?犯了|病发作|(?:突然|就)没(?:了)?反应|得病|查出|确诊|重疾|猝死|突然(?:就|一下)?(?:倒下|倒地|倒了|晕倒|昏倒|晕过去|昏过去|不行了)|"
    r"(?:胸口|心口)(?:闷|憋|疼|痛)|胸闷|心脏(?:的|上的)?(?:问题|毛病)|心脏不好|没醒过来|(?:睡(?:着|觉)|睡梦|梦里)[^，。,]{0,6}(?:没醒|走了|走的|没了)"
    # "说话就不利索了 嘴也歪了": the signs of a stroke
    r"|嘴(?:也|都)?歪|口眼歪斜|说话(?:也|都|就)?(?:不利索|不清楚|含糊)|半边(?:身子)?(?:不能动|动不了|没劲)"
    # "单位体检，B超发现右肾上有个占位": found at a check-up
    r"|体检[^，。,]{0,8}?(?:发现|查出)|(?:B超|CT|核磁|胃镜|肠镜|彩超)[^，。,]{0,4}?发现"
)
_DEATH = re.compile(
    r"(?<!差点)(?<!险些)(?:去世|过世|逝世|身故|死亡|病故|人没了|人走了|已经走了|就走了|没抢救过来|抢救无效|"
    r"不在了|人没有了|抢救没(?:能)?(?:过来|回来)|在医院(?:里)?\s?(?:人)?(?:就)?没了|睡着(?:睡着)?\s?(?:就|人就)?没了|(?:人|就|已经)\s?没得了|没(?:有|得|能)?(?:抢)?救(?:得)?(?:过来|回来|活)|没抢救回来|没(?:有|能)?抢(?:过来|回来)|走了|走的|(?:就|人|已经|都)走掉了|"
    r"(?<![吓笑累热冷气急饿困烦疼痛痒太得])死了|离世|咽气|已经不行了|"
    r"(?:早上|晚上|凌晨|上午|下午|中午|夜里|半夜|今天|昨天|前天)\s*(?:人)?(?:就)?没(?:了|的)|"
    r"人已经不行|人(?:还是|最后|终究|到底|最终)(?:就|都|也)?(?:已经)?没了|火化|办(?:了|完)?(?:丧事|后事)|出殡|"
    r"(?:捞|救|拉)(?:上来|出来)[^，。,]{0,3}?(?:就|已经|都)(?:不行了|没气了|没了)|"
    r"(?:路上|半路|半道|途中)\s*(?:人)?\s*(?:就|已经)?\s*不行了|"
    r"(?<![腿腰手脚膊膝背脖头])(?:当场|当时)(?:人)?就不行了(?![^，。,]{0,3}(?:走|站|动|起))|人就不行了|人当(?:场|时)(?:就)?没了|当场(?:人)?(?:就)?(?:没了|死亡|身亡)|人[就都也]?已经?没了|人[就都也]没了|没气了|没了气|没救上来|(?:老头子?|老头儿|老伴儿?|老太婆|老婆子)(?:他|她)?(?:已经)?没了|(?:发现|找到|找着|捞上来)[^。]{0,6}?(?:已经|都|就)没了|没(?:能)?留住|抢救唔返|冇救|过身|走咗)"
)
# the confidence of a place named only as where the insured is treated ("现在在吉首住院"): the dialog asks once
WHERE_TREATED_CONFIDENCE = 0.55
_HONORIFIC_END = re.compile(r"(?:大爷|大妈|大娘|大叔|大姐|大哥|阿姨|叔叔|师傅|老师|奶奶|爷爷)$")
# "我是公司的代理人": the reporter's own job before the word 代理人
_OWN_AGENT_JOB = re.compile(r"(?:我|俺)是(?:你们|咱们|咱|贵)?(?:公司)?(?:的)?(?:保险)?$")
# "他家孩子", "她的儿子": a relative of someone else's (not "被保险人的老伴儿")
_SOMEONE_ELSES = re.compile(
    r"(?:他|她|客户|(?<![险保])人|[\u4e00-\u9fff](?:姐|哥|叔|姨|婶|嫂|总|师傅|老师|阿姨))(?:家|的)$"  # "王姐家女儿"
)
# "打不通可以打我老婆的": a relative named as the number to call
_TO_CALL_BEFORE = re.compile(r"(?:打|拨|联系|找)(?:我)?$")
_PHONE_TALK = re.compile(r"电话|打不通|号码|手机|联系不上")
_HEDGED = re.compile(r"(?:可能|估计|大概|也许|好像|(?:高度)?怀疑|疑似)(?:是)?\s?$")
# "说是淋巴瘤 还没确诊": a finding not confirmed yet
_UNCONFIRMED_AFTER = re.compile(
    r"[，,\s]{0,2}(?:但是?|不过|可|只是)?\s?(?:还|都)?(?:没|没有|未)(?:最后)?确诊(?!前|之前|以前|的时候)"
)
_STILL_TREATED = re.compile(r"(?:现在|目前|如今|还)[^，。,]{0,8}?(?:住院|住着|ICU|重症|监护|抢救|治疗|输液)")
_PERSON_BEFORE = re.compile(
    r"[爸妈爷奶姥公婆父母爹娘他她人哥姐弟妹叔姨舅伯子女]\s*(?:[^\s，。,]{0,2})?\s*$|老伴|老人|孩子"
)
_NONE = re.compile(
    r"(?:还)?没(?:有)?(?:去|上|到)?(?:医院|看医生|就医|就诊|看病|去看)|在家(?:里)?自己(?:处理|弄|包扎|涂)|"
    r"不用去医院|没去看|还没看"
)
_INPATIENT = re.compile(
    # (not "胳膊磕住了 在乡卫生院看了看": 磕住, 卡住 are a knock, a catch)
    r"住院|住进|入住(?=[^，。,]{0,12}(?:医院|院|科))|住的院|住了院|住着院|住着|(?<![磕卡抓挡压夹绊拦按捂堵拴绑套撞])住了[^，。,]{1,5}院|"
    r"住在[^，。,]{1,12}(?<!养老|敬老|福利|疗养)(?<![学大小合庭])院|在ICU|ICU|icu|CCU|ccu|重症监护|监护室|病房|"
    r"医院\s?重症(?!肺炎)|(?:进了?|住(?:在|进)?|在)重症(?!肺炎)|"
    r"住在[^，。,]{1,8}科|收住|收入院|住(?:进)?(?:了)?[^，。,在]{1,5}内科|住(?:进)?(?:了)?[^，。,在]{1,5}外科|留院|住起|留医|入院|住下|住进去|住[辣勒拉海]医院|住[辣勒拉海]院里|住紧院?|住咗院|住到院|"
    r"做了[^，。,]{0,6}(?:吻合|内固定|置换|切除术|再植|复位固定)|放了?(?:[一两二三四五\d]个)?支架|"
    r"住了(?:快|近|将近|差不多)?(?:[一二两三四五六七八九十几半]|\d)+(?:个多|多个?|来个?|个)?(?:天|晚|夜|周|星期|礼拜|月)|"
    r"(?<!门诊)(?:做|动|行)[^，。,做]{0,8}?手术|手术(?:做|后|完)|术后|开刀|(?<!门诊)(?<!门诊放)(?<!门诊做)化疗|住上了?院|(?:已经|都)住上了?|"
    r"(?<!门诊)(?<!门诊放)放疗|抢救|办了入院|收治|出院|"
    r"躺在医院|医院(?:里)?躺了|还在医院(?:里)?(?:[，。,！!]|$|呢|躺|住)"
)
# the negation reaches the next two characters, not across another verb ("还没醒在重症监护室" is in the ICU)
# "让住院 做手术 我还没住 先看的门诊": admission advised, not taken up yet
_NOT_YET_ADMITTED = re.compile(r"还没(?:有)?住(?![了过着])(?:进去|上)?(?=[，。,\s先]|$)")
_INPATIENT_NEG = re.compile(r"(?:没|没有|冇|唔使|不用|没让|未|无|还没|不需要|不要|无需|不必|没必要)[^，。,醒在]{0,2}$")
# "回来再做手术", "下周要开刀": an operation still to come says nothing about the treatment so far
_INPATIENT_LATER = re.compile(
    r"(?:再|要(?!不)|准备|打算|需要|得|还得|等着|回头|过几天|下周|下个?礼拜|下个?星期|下个月|明天|后天|到时候|安排|床位|"
    r"让|尽快|建议|过后)"
    r"[^，。,]{0,4}$"
)
_TREATMENT_WORDS = re.compile(r"手术|开刀|化疗|放疗")
_PLANNED_TREATMENT = re.compile(
    r"(?:下周|下个?礼拜|下个?星期|下个月|过几天|明天|后天)[^，。,]{0,10}?(?:手术|开刀|住院|化疗)"
)
_SCHEDULED = re.compile(r"(?:排了|约了|预约了?|安排了?)?(?:下周|下个?礼拜|下个?星期|下个月|过几天|明天|后天)"
                        r"(?:[一二三四五六日天]|[^，。,]{0,2}在[^，。,]{1,8})?[^，。,]{0,1}$"
                        r"|(?:准备|打算|等着|等)(?:床位?|通知|排床|这周|下周|这两天|过两天|近期|月底)?$"
                        # "医生说要住院手术", "建议住院": an admission advised, not one made ("让住院了" is made)
                        r"|说(?:要|得|需要|最好)$|建议$|(?:需要|还得|还要)$"
                        # "医生让尽快住院", "让五一过后住院", "明天去办住院": still to come
                        r"|(?:让|叫)(?:尽快|赶紧|马上|(?:这|下)(?:周|个?礼拜|个?星期)[一二三四五六日天]?)$|过后$|"
                        # "医生让 四月 下旬住院": a month or a day to come
                        r"(?:让|叫|约|排)[^，。,]{0,3}?(?:[一二三四五六七八九十\d]{1,2}月(?:份)?|[一二三四五六七八九十\d]{1,3}号)"
                        r"[^，。,]{0,3}?(?:上旬|中旬|下旬|月底|月初|月中)?(?:住院)?$|(?:明天|后天|过两天|这两天|下周)[^，。,]{0,3}(?:办|去|来)$"
                        # "让过了年再住院", "下周一才能住进去": an admission to come
                        r"|(?<![又])再$|才能$|才可以$")
_DIED_AT_HOME = re.compile(
    r"在(?:家|屋里|屋头|屋企|老家)(?:里|中)?(?:走|去世|过世|没|死|咽气)|家里(?:走|去世|过世|没|咽气)"
    r"|在[^，。,\s]{1,4}\s?(?:屋里|屋头|家里|老家)\s?(?:走|去世|过世|没|咽气)"
)
_WAITING_FOR_BED = re.compile(r"没(?:有)?床位?|等(?:着)?床位?|排床|等(?:住院)?通知|床位(?:紧张|不够|满了)")
_CARE_TO_COME = re.compile(r"(?:要去|准备去?|打算去?|得去|还得去?|待会|一会儿?去?|明天去?|回头去?)[^，。,]{0,2}$")
_STILL_IN_EMERGENCY = re.compile(r"[^。]{0,4}?(?:还在|正在|在)(?:查|检查|做检查|抢救|观察|等结果|拍片)")
_ADMITTED_AT = re.compile(r"[^，。,]{0,3}?(?:住院|住的院|住着|住下|做的手术|做了手术|ICU|重症监护)")
_OUTPATIENT = re.compile(r"门诊|急诊|(?:医院|院|科)看的|(?:开|配|拿)了?(?:点|些)?药|回家了|返屋企|返屋|返家|回屋里|"
                         r"回屋头|躺着养|"
                         r"打[了的咗完]?石膏|打完就回|就回来了|医院看了|贴了?(?:点)?膏药|缝的针|复位了|复位完|手法复位|处理过|"
                         r"回家(?:休养|休息|养着|养伤|观察)|让回家|等着?床位?|排床|还没住上|没住上|"
                         r"(?:诊所|卫生室|卫生所)[^，。,]{0,4}?(?:看|处理|包扎|拿了?药|打针)|"
                         r"在家(?:里)?(?:养着|休养|养伤|休息|躺着)|绷带|夹板|缝了?好?[几两二三四五六七八九十\d来多余]*针|院缝的|回院里|"
                         # (not "还在医院 拍片子": still being examined)
                         r"打了?针|换药|包扎|清创|缝合|包了(?:一)?下|拍[了的过完](?:个|张)?片|拍(?:个|张)?片子?[^，。,]{0,4}?(?:说|显示|看|出来|结果|是)|"
                         r"看了(?:一)?下|处理完|打[了的]?(?:狂犬|破伤风)?(?:疫苗|针)|疫苗[^，。,]{0,3}打(?:了|上|完)|(?:医院|院)(?:弄|处理)的|处理的|处理了|"
                         # an infusion on the day ward ("输了两天液", "挂水", "打吊瓶") is an outpatient's
                         r"输了?[^，。,]{0,3}液|挂了?[^，。,]{0,3}水|打了?[^，。,]{0,3}(?:点滴|吊瓶)|吊了?[^，。,]{0,3}瓶")


# what lies between a date and the same day said again: "小年那天，就是腊月二十四", "9.18（上周五）"
_RESTATED = re.compile(r"(?:那天|那日|那一天)?[，,\s]*(?:也)?就是\s*|\s*[（(]\s*")


def _inferred_from_what_happened(text: str, diag: MedicalMatch) -> bool:
    """Is the diagnosis only what the reporter's account suggests, for the dialog to ask the doctor's word once?

    A crush read from "被叉车压了脚" or "机器轧了手" turns out a fracture or an amputation as often as a crush, and
    "胃出血" or "吐血" is a bleed whose source (an ulcer, varices, a tumour) the doctor names.
    """
    said = text[diag.start:diag.end]
    if diag.term.endswith("挤压伤"):
        return "挤压" not in said
    return diag.icd10 == "K92" and "消化道出血" not in said  # "吐血", "胃出血", "拉黑便"


_DENIED_BEFORE = re.compile(r"(?:不是|并非|没有|没|不算|排除)(?:[磕碰摔撞][着到])?$")


def _first_affirmed(words: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match not negated right before it ("是生病，不是意外" is not an accident)."""
    for m in words.finditer(text):
        # (also the second of two: "没磕着碰着")
        if not _DENIED_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
            return m
    return None


def _status(text: str) -> tuple[str | None, float]:
    text = _PAUSE.sub("", text)  # "打了 石膏", "住在 神经外科": speech recognition's pauses
    text = re.sub(r"([就都也])\1+", r"\1", text)  # "当场 就 就 没了": a stutter
    for m in _DEATH.finditer(text):
        if m.group(0) in ("走了", "走的"):
            before = text[max(0, m.start() - 2):m.start()]
            after = text[m.end():m.end() + 1]
            left = re.search(r"[开出逃带拿送搬接拉刚先就转卷冲刮吹]$", before) and before[-2:] != "人就"
            # ("走的山路", "走的医保": a way taken, a payment made)
            road = re.match(r"[山公小大国省县乡]?路|高速|那条|方向|医保|报销|流程|程序|手续|保险",
                            text[m.end():m.end() + 3])
            if left or road or after == "到" or re.match(r"[0-9一两几半好很多]", after):  # "走了2公里", "走的山路"
                continue
        said = m.group(0)
        if said.endswith(("没了", "没的")) and re.match(r"[早晚凌上下中夜半今昨前]", said) and "人" not in said \
                and not _PERSON_BEFORE.search(text, max(0, m.start() - 8), m.start()) \
                and not re.search(r"ICU|icu|抢救|重症|病危|住进", text[:m.start()]):
            # "头疼昨天就没了": a pain gone, not a person; "我妈今天早上没了", "住进了ICU，今天早上没了" are deaths
            continue
        if "不行" in said and _STILL_TREATED.search(text, m.end()):
            continue  # "当时人就不行了，…转到州中心医院，现在住院了": gravely ill then, alive now
        return "death", 0.9
    inpatient = False
    negated_inpatient = False
    still_rescued = False
    # "医生让住院做手术 但是现在没床位 让在家等通知": an admission advised and waited for
    waiting_for_bed = _WAITING_FOR_BED.search(text) is not None
    for m in _INPATIENT.finditer(text):
        if m.group(0) == "抢救" and re.search(r"回家|门诊|急诊[^，。,]{0,6}(?:处理|看)", text) \
                and not re.search(r"住|ICU|病房|监护", text):
            continue  # "在急诊抢救了一下就回家了": an emergency visit, not an admission
        if m.group(0) == "抢救" and re.search(r"(?:还在|正在|在)(?:[^，。,住]{0,10}?(?:室|间|科|院|那里|那边))?$",
                                              text[max(0, m.start() - 14):m.start()]):
            still_rescued = True
            continue  # "现在送医院了 还在抢救": whether they will be admitted is not known yet
        if waiting_for_bed and m.group(0) in ("住院", "住进", "住上了院", "住上院", "入院"):
            negated_inpatient = True
            continue
        if _INPATIENT_NEG.search(text, max(0, m.start() - 4), m.start()) or text[m.start() - 1:m.start()] == "不":
            if m.group(0) == "出院":
                inpatient = True  # "还没出院": still in hospital
                continue
            negated_inpatient = True
            continue
        if _TREATMENT_WORDS.search(m.group(0)) and (
                _INPATIENT_LATER.search(text, max(0, m.start() - 8), m.start())
                or any(p.start() < m.start() < p.end()
                       for p in _PLANNED_TREATMENT.finditer(text, max(0, m.start() - 18), m.end()))):
            continue  # "下周回成都华西做手术": an operation still to come
        if _SCHEDULED.search(text, max(0, m.start() - 14), m.start()) or _NOT_YET_ADMITTED.search(text, m.end()):
            negated_inpatient = True
            continue  # "医生排了下周住院": admitted later, an outpatient so far
        inpatient = True
    if inpatient:
        return "inpatient", 0.9
    if _NONE.search(text):
        return "none", 0.85
    if still_rescued:
        return None, 0.0
    # "要去打针", "明天去拍片子": care still to come says nothing about the care so far
    outpatient = next((o for o in _OUTPATIENT.finditer(text)
                       if not _CARE_TO_COME.search(text, max(0, o.start() - 4), o.start())), None)
    if outpatient and outpatient.group(0) == "急诊" and _STILL_IN_EMERGENCY.search(text, outpatient.end()) \
            and not _OUTPATIENT.search(text, outpatient.end()) and not negated_inpatient:
        return None, 0.0  # "人现在还在同济急诊 还在查": whether they keep the patient in is not known yet
    still_there = outpatient is not None and re.search(
        r"(?:还在|正在|还)[^，。,]{0,8}$", text[max(0, outpatient.start() - 10):outpatient.start()]) is not None
    if outpatient and outpatient.group(0) == "急诊" and still_there and not _OUTPATIENT.search(text, outpatient.end()):
        return None, 0.0  # "现在在重医附一院 还在急诊那里 没住院": not admitted yet, and not sent home either
    if outpatient or negated_inpatient:
        return "outpatient", 0.85
    return None, 0.0


def _hospitals_through_pauses(text: str, cities: list[str]) -> list[HospitalMention]:
    """Hospitals named in `text`, also where speech recognition wrote pauses inside a name ("送到 桂林 医学院
    附属医院"). A pause is often a boundary too ("说是踝关节骨折 安吉县人民医院"), so a name read through pauses
    replaces what the text gives there only when it is a better name: registered, or named with its place."""
    found = find_hospitals(text, cities)
    joined, kept = without_pauses(text, _HOSPITAL_PAUSE)
    if len(joined) == len(text):
        return found

    def good(h: HospitalMention) -> bool:
        return h.hospital is not None or proper_unregistered_name(h.name) is not None

    for h in find_hospitals(joined, cities):
        h = replace(h, start=kept[h.start], end=kept[h.end - 1] + 1)
        overlapping = [o for o in found if o.start < h.end and h.start < o.end]
        if any(o.start == h.start and o.end == h.end for o in overlapping):
            continue
        longer_registered = h.hospital is not None and all(
            h.start <= o.start and o.end <= h.end and o.end - o.start < h.end - h.start for o in overlapping)
        if not overlapping or (good(h) and not any(good(o) for o in overlapping)) or longer_registered:
            # (a registered name that takes in what the text gave: "华西 附二院" is 华西第二医院, not 华西医院)
            found = [o for o in found if o not in overlapping] + [h]
    return sorted(found, key=lambda h: h.start)


def _named(h: HospitalMention) -> bool:
    return h.hospital is not None or proper_unregistered_name(h.name) is not None


# "转到…", "马上转玉林市第一人民医院": the hospital the insured was moved to
_MOVED_TO_BEFORE = re.compile(r"转(?:[到去院了往入]|$)")


def _pick_hospital(hs: list[HospitalMention], text: str) -> HospitalMention | None:
    if not hs:
        return None
    # "人民医院住院了 就是北大人民医院": a vague name, then the hospital it means, stand for one hospital; so do a
    # short name and the full one said again ("梧州红会医院，就是梧州市红十字会医院")
    # (a hospital one was moved to stays so when it is named again: "转到台州医院住院了，就是浙江省台州医院")
    moved = {h.start for h in hs if _MOVED_TO_BEFORE.search(text, max(0, h.start - 6), h.start)}
    kept: list[HospitalMention] = []
    for i, h in enumerate(hs):
        again = next((later for later in hs[i + 1:] if _named(later) and later.start - h.end <= 12 and re.search(
            r"就是|也就是" if _named(h) else r"就是|也就是|叫", text[h.end:later.start]
        )), None)
        if again is None:
            kept.append(h)
        elif h.start in moved:
            moved.add(again.start)
    hs = kept
    # "去湘雅 湘雅三医院": a name begun, then said in full
    hs = [h for i, h in enumerate(hs) if not any(
        0 <= later.start - h.end <= 2 and not text[h.end:later.start].strip()
        and text[later.start:later.end].startswith(text[h.start:h.end]) and later.end - later.start > h.end - h.start
        for later in hs[i + 1:]
    )]
    for h in reversed(hs):
        if h.start in moved:
            return h
    if len(hs) > 1:
        # seen at one, admitted at another: the admitting hospital ("在秦皇岛拍的核磁，回北京在北医三院住院")
        admitted = [h for h in hs if _ADMITTED_AT.match(text, h.end)]
        if len(admitted) == 1:
            return admitted[0]
    starts = [h.start for h in hs]
    picked: HospitalMention = _corrected(hs, starts, text)
    fix = CORRECTION.search(text, picked.end, picked.end + 6)
    if fix and not any(h.start >= fix.end() for h in hs) \
            and re.search(r"医院|卫生院|诊所", text[fix.end():fix.end() + 20]):
        return None  # "在吉安市中心医院 哦 不是 是在井冈山这边的医院": taken back for one it does not name
    if not _named(picked):
        # "送到人民医院，后来去了武大人民医院": a vague name, then one that names a hospital
        named = [h for h in hs if h.start > picked.start and _named(h)]
        if named:
            picked = named[0]
    return picked


_EVENT = re.compile(
    r"摔|跌|撞|倒|晕|昏|中风|发病|犯病|出事|受伤|骨折|烫|砸|咬|确诊|查出|抽搐|梗|出血|住进|送到|送去|"
    r"疼|痛|割|切|扭|崴|掉|溺|淹|中毒|烧(?!烤|饭|菜|香|纸)|炸(?!鸡|串)|压|夹|卷|高原\s?反应|发烧|发热|咳|喘|上吐|拉肚子|"
    r"走的|走了|没了|去世|过世|死|癌|瘤|病理|诊断|车祸|事故|出(?:了|的)事|断(?:了|掉)|撕裂|农药|误服|误食|抢救"
)
_TRIP = re.compile(r"(?:回|去|到|来)[^，。,]{1,8}?(?:过年|过节|探亲|打工|上学)")
# "还以为就是崴了 结果一拍片子": what the reporter first believed, then learnt otherwise
_BELIEVED = re.compile(r"(?:以为|当是|还当)[^。]{0,20}?(?:结果|没想到|谁知|哪知|后来|一拍|一查)")
# "我妈有老年痴呆": a standing condition of the insured
_STANDING_BEFORE = re.compile(r"(?:我|他|她|妈|爸|爹|娘|老人|婆|公|爷|奶)(?:一直|本来就|本身)?有\s?$")
_FIRST_LISTED = re.compile(
    r"诊断\s?(?:为|是)?\s?[：:]?\s*(?:1|一|①)\s?[.、．。:：]\s*(?=((?:(?![2二②]\s?[.、．。:：])[^\n]){1,40}))"
)
_FINGER_BROKE = re.compile(r"(?:手指|指头|手指头|食指|中指|无名指|小指|拇指|大拇指)[^，。,]{0,6}?断")
_LUMP = re.compile(r"肿块|包块|肿物|结节|占位")
_RESULT_OUT = re.compile(r"(?:穿刺|活检|病理|切片|化验)的?(?:结果|报告)(?:已经|都)?(?:出来|出了|下来)")
# "我是晋江的", "客户是 曲阜的": where someone is from
_FROM_BEFORE = re.compile(r"(?:(?:我|他|她|俺|咱)(?:们)?|客户|病人|伤者|老人)(?:是|老家是?)\s?$")
# "七夕 不对 七夕还没到呢": a day not yet come, said to take the first one back
_NOT_YET_AFTER = re.compile(r"\s?(?:还没到|还没过|还早着?)")
# "在医院没抢救过来 今天想报案": the day of the call, not of the accident
_REPORTING_AFTER = re.compile(
    r"\s?(?:才|就)?(?:想|来|要|打电话)?\s?(?:报案|报个案|报一下案)"
    # "今朝才叫孙子帮我打这个电话": the day of the call
    r"|\s?(?:才|就)(?:叫|让|托|找)?[^，。,]{0,5}?(?:打(?:这个|个|的)?电话|打过来|打来)"
)
# "1990.11.03出生": a birth date
# ("他就是国庆那天生的": a birthday; "这周一生的" is the day a baby was born, the day of a childbirth claim)
_BORN_AFTER = re.compile(r"\s*(?:出生|生人|生日|年生)|\s*那天\s*(?:生的|出生)")
# "回老家过年，昨天摔了": a holiday said as the purpose of a trip is not a date, when a date is said
_PURPOSE_BEFORE = re.compile(r"(?:回|去|到|来)[^，。,]{1,8}$")
_SEASON_AFTER = re.compile(r"\s*(?:那天|那日|当天|的时候|时候|期间|那几天|的那天)")
# "昨天晚上烧的炕，今天早上才发现": harm over a night (fumes, a collapse in sleep) is dated by the morning it was found
# ("夜个黑了封上的炉子": 黑了 is the evening in the north)
_NIGHT_AFTER = re.compile(r"\s*(?:的)?\s*(?:晚上|夜里|半夜|夜间|后半夜|黑了|黑夜|擦黑)")
_FOUND_AFTER = re.compile(
    r"\s*(?:早上|早晨|一早|清早|大早|上午|早起)\s*(?:[\u4e00-\u9fff]{0,6}?\s*){0,3}?(?:才)?\s*(?:被[\u4e00-\u9fff]{0,3})?"
    r"(?:发现|叫不醒|喊不醒)"
)
_NEXT_DAY_ONSET = re.compile(
    r"(?:第二天|第二日|次日|隔天|隔日|转天)(?:早上|上午|中午|下午|晚上|一早|早晨|起来)?\s?(?:就|便|又)?\s?(?:开始|出现)"
)
_ONSET_AFTER = re.compile(r"\s*(?:早上|上午|中午|下午|晚上|夜里|半夜)?\s*(?:就)?(?:开始|起)(?!床|来|身)")
_CONFIRMED = re.compile(
    r"确诊|诊断(?:为|是|出)|病理(?:结果)?(?:出来)?(?:是|说)|(?:穿刺|活检|病理)(?:结果)?(?:出来|出了)|结果(?:也)?(?:出来|出了)|"
    r"确定是|(?:基本|应该)?就是[^，。,]{0,6}(?:癌|恶性)|说是[^，。,]{0,6}(?:癌|恶性)"
    r"|出来(?:了)?[，,]?\s*是[^，。,]{0,6}(?:癌|恶性)"
)
_PLAN_AFTER = re.compile(r"\s*(?:上午|下午|早上|晚上)?\s*(?:就|要|再|去|准备)?\s*(?:做)?"
                         r"(?:手术|开刀|复查|出院|住院|化疗|放疗|"
                         r"拆线|换药|复诊|转院|办住院|入院)")
_CONFIRMED_LATER = re.compile(r"确诊|诊断(?:为|是|出)|查出(?:来)?(?:是|了)|医生说是|说是")
_NIGHT_ONSET = re.compile(r"\s*(?:晚上|夜里|半夜|凌晨)")
# a day followed by 出院 is the discharge, unless 出院 is a form's next field ("入院日期 2026年7月2日 出院日期 …",
# "入院是八月十一号 出院是…")
_DISCHARGED_AFTER = re.compile(r"\s*(?:上午|下午|中午|晚上)?\s*(?:就|才|已经|刚|刚刚)?\s*(?:出院|出的院|办了?出院)"
                               r"(?!\s*(?:日期|时间|是|[：:]|\d|[二〇零]))")
_BACK_HOME_AFTER = re.compile(r"\s*(?:才)?(?:回|返回|到家|回来|出院)")
_RESULT_BEFORE = re.compile(r"(?:病理|结果|报告|活检)\s?(?:是|也是|结果)?\s*$")
# "周三出的结果", "昨天病理回报…": the day named is the day the result came out
_RESULT_AFTER = re.compile(
    r"\s*(?:才)?(?:(?:出来|出的|出了)(?:的)?\s?(?:结果|病理|报告)|(?:病理|结果)\s?(?:回报|出来|出了|报告))"
)
_OUT_AFTER = re.compile(r"\s*(?:才)?(?:出来|出的|出了)")
_SCREENED = re.compile(
    r"体检|筛查|检查|复查|查出|发现|摸到|胃镜|肠镜|B超|彩超|CT|核磁|穿刺|活检|手术|电切|腹腔镜|切除|开刀"
)
# Names, spelled characters and products are blanked out with another space than hospitals ("　"), which the place
# reader takes for a hospital's place ("中山医院，上海的那个"): "我叫王长顺，甘肃天水的" is no hospital.
_WORD_MASK = "\u2003"
_STUNG_OR_BITTEN = re.compile(r"蜇|蛰|被[^，。,]{0,4}?(?:叮|咬)")
# one or two plain spaces between two Han characters; masked numbers are longer runs
_HOSPITAL_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]) {1,2}(?=[\u4e00-\u9fff])")
_CLAUSE_END = re.compile(r"[，。,；;！!？?]")
_SENTENCE_END = re.compile(r"[。；;！!？?]")


def _clause_end(text: str, start: int) -> int:
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def _sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _said_of_each(text: str, dates: Sequence[DateMention]) -> list[int]:
    """Where what is said of each date ends: at the next date or the end of the sentence, whichever is first."""
    ends = [min(nxt.start, _sentence_end(text, d.end)) for d, nxt in pairwise(dates)]
    ends.append(_sentence_end(text, dates[-1].end))
    return ends


_HOLIDAY_DATES = {"festival", "lunar_fe", "lunar", "solar_term", "holiday_day", "rule_day"}
_EXPLICIT_DATES = {"iso", "ymd", "md", "month_day", "rel_year_md"}


# ---------------------------------------------------------------------------------------------- main
# a chat message typed in lines, with emoji ("我爸 煤气中毒了😭\n昨天晚上烧的炕"): each line ends a clause
_TYPED_BREAK = re.compile(r"[ \t]*(?:[\r\n]|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D])+[ \t]*")
# slips of the pinyin keyboard or the recogniser that make no other word ("锁骨股折", "肺结合")
_INPUT_SLIPS = {"股折": "骨折", "肺结合": "肺结核", "骨拆": "骨折", "挠骨": "桡骨", "脚裸": "脚踝", "肩甲骨": "肩胛骨",
                "报个按": "报个案",
                "门症": "门诊", "做手数": "做手术"}
# Words a claim report turns on, as a speech recogniser mishears them ("骨者", "主院", "脑埂塞", "一样化碳"): a
# window that sounds exactly like one of them (toneless) and is no word itself is read as that word.
_HEARD_WORDS = ("骨折", "骨裂", "住院", "住着院", "门诊", "出院", "抢救", "手术", "脱臼", "扭伤", "烧伤", "烫伤",
                "脑梗", "心梗", "脑梗塞", "脑梗死", "心肌梗塞", "心肌梗死", "一氧化碳", "脑出血", "脑溢血", "乳腺癌",
                "甲流",
                "阑尾炎", "胆结石", "肺炎", "骨髓炎", "中风", "腰椎", "颈椎", "胸椎", "锁骨", "半月板",
                "甲状腺", "白血病", "肺水肿", "踝关节",
                # bones, organs and short names of illnesses said on their own ("勒骨 断了三根", "心摔 又加重了")
                # (not 石膏: "说是高血压" holds 是高; nor 股骨: a stutter "骨 骨折" holds 骨骨)
                "肋骨", "髌骨", "桡骨", "肱骨", "胫骨", "腓骨", "脾脏", "气胸", "心衰", "结节", "冠心病", "心绞痛",
                "宫外孕", "胰腺炎")


_PLACE_UNIT_CHARS = frozenset("镇乡村区县市路街巷山湖河江桥州")
# a bone or an organ misheard as what could be a name ("饶骨 远端骨折", "皮脏 破裂") is told by what follows it
_BODY_PARTS_HEARD = frozenset({"肋骨", "髌骨", "桡骨", "肱骨", "胫骨", "腓骨", "脾脏"})
_INJURED_AFTER = re.compile(r"\s?(?:远端|近端|骨折|骨者|骨裂|破裂|断|裂)")


@functools.lru_cache(maxsize=1)
def _heard_table() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[int, ...]]]:
    """Claim words and the registry's hospital names and nicknames (one hospital each, four characters or more,
    ending in 医院: "胜京医院" is 盛京医院) by sound, and the window lengths to try after each first syllable."""
    hospitals = registry()
    # (and the lexicon's terms and longer expressions: "甲壮腺 接节" is 甲状腺结节; not place names, whose sounds
    # are everyday words too: "的保险" sounds like 德保县)
    # (the expressions go into the table only so that a term sounding like one of them is dropped: 趾骨骨折 sounds
    # like 指骨骨折; they are never what a window is put right to)
    expressions = medical_words()[1]
    by_sound = sound_table([*_HEARD_WORDS, *spoken_vocabulary(), *expressions, *(
        form for form, idxs in hospitals.surface.items()
        if len(form) >= 4 and form.endswith("医院") and form not in hospitals.generic_forms
        and len({hospitals.hospitals[i].name for i in idxs}) == 1
    )])
    keep = set(_HEARD_WORDS) | set(spoken_vocabulary())
    by_sound = {key: word for key, word in by_sound.items() if word in keep or word not in expressions}
    sizes: dict[str, tuple[int, ...]] = {}
    for key in by_sound:
        sizes[key[0]] = tuple(sorted({len(key), *sizes.get(key[0], ())}, reverse=True))
    return by_sound, sizes


def _surname_in_use(char: str) -> bool:
    return char in _name_vocabulary().surnames_in_use


def _is_word(text: str) -> bool:
    """A word of the dictionary or a hospital name or nickname of the registry."""
    return text in known_words() or text in registry().surface


def _repair_misheard(text: str) -> str:
    """``text`` with misheard claim words put right; the length is kept, so offsets still hold."""
    if not has_cjk(text):
        return text
    by_sound, sizes_from = _heard_table()
    expressions = medical_words()[1]
    sounds = to_pinyin(text)
    if len(sounds) != len(text):
        return text
    chars = list(text)
    i = 0
    while i < len(text):
        for size in sizes_from.get(sounds[i], ()):  # (the window lengths of the words that start with this sound)
            window = text[i:i + size]
            meant = by_sound.get(tuple(sounds[i:i + size])) if len(window) == size else None
            if meant is None or meant == window or _is_word(window) or window in expressions \
                    or not all("\u4e00" <= c <= "\u9fff" for c in window):
                continue
            if _surname_in_use(window[0]) and not window.endswith("医院") \
                    and not (size >= 3 and meant[-1] in "病炎癌症孕瘤") \
                    and not (meant in _BODY_PARTS_HEARD and _INJURED_AFTER.match(text, i + size)):
                # a name ("顾哲" sounds like 骨折); no name ends in 医院, and no one is called 骨者 or 主院, nor
                # 白雪病 or 公外孕
                continue
            if window.endswith("医院") and proper_unregistered_name(window) is not None:
                continue  # "黔江中心医院": a hospital named by its own place, not 潜江's misheard
            if window[-1] in _PLACE_UNIT_CHARS and meant[-1] not in _PLACE_UNIT_CHARS:
                continue  # "嘉积镇": a place's name (积镇 sounds like 急诊)
            if window in table().surface:
                continue  # a real place, whatever it sounds like
            if any(text[i + 1 - k:i + 1] in registry().surface for k in range(2, min(i + 1, 6) + 1)):
                continue  # "在儿研所骨穿确诊": 所骨 sounds like 锁骨, but 所 ends a hospital's nickname
            before, after = text[max(0, i - 1):i + 1], text[i + size - 1:i + size + 1]
            if (len(before) == 2 and _is_word(before)) or (len(after) == 2 and _is_word(after)):
                continue  # "我们镇上": 们镇 sounds like 门诊 but 们 belongs to 我们
            chars[i:i + size] = meant
            i += size - 1
            break
        i += 1
    return "".join(chars)


# a word begun, cut off and said again across a pause ("周 周志刚", "叫 叫赵德山", "让 让牛顶了"); spoken digits are
# left alone, since "幺 幺三" may be two ones
_STUTTER = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<c>(?:(?![零一二三四五六七八九十幺两洞拐勾])[\u4e00-\u9fff]){1,2})\s+(?=(?P=c))"
)


def _typed_breaks_as_commas(text: str) -> str:
    def comma(m: re.Match[str]) -> str:
        before = text[m.start() - 1:m.start()]
        at_edge = m.start() == 0 or m.end() == len(text)
        return "" if at_edge or before in "，。,.!！?？；;：:、" else "，"
    return _TYPED_BREAK.sub(comma, text)


@dataclass
class ClaimExtraction:
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    place_guess: dict[str, str | None] | None = None
    place_readings: list[tuple[str, str, str, str]] = field(default_factory=list)
    """Every reading of an ambiguous place name, (province, city, district, division code)."""
    relation_by_region: bool = False
    """The relation was read from a word whose meaning depends on the region (a bare 老汉: a husband in the
    north-west, a father in Sichuan) and no place said settled it; the place the dialog learns later may."""
    hospital_by_nickname: bool = False
    """The hospital was named by a nickname several cities' hospitals share ("协和") and read with no city known."""
    """For a district name several cities share, the reading in the most prominent city, if one stands out; the
    dialog falls back on it (flagged for the checker) when asking again did not settle it."""
    unregistered_hospital: str | None = None
    """A hospital named as said but not in the registry: the checker sees this; the slot holds it only when it is
    named with its place (`proper_unregistered_name`)."""

    def stated(self) -> dict[str, Any]:
        """The slots in their contract form. A treatment whose status is not said yet ("在复旦中山医院") is not a
        value of the slot (status is one of four); it is `partial()`, and the dialog asks for the status."""
        return {k: v for k, v in self.slots.items() if not (k == "treatment" and v.get("status") is None)}

    def partial(self) -> dict[str, Any]:
        """What is known of slots not complete yet: {"treatment": {"hospital": …}}."""
        treatment = self.slots.get("treatment")
        if treatment is not None and treatment.get("status") is None:
            return {"treatment": {"hospital": treatment.get("hospital")}}
        return {}


# "额是刘福贵 额要报个案 额上礼拜五…": 额 is "I" in Shaanxi and Gansu speech (not 金额, 额头, 限额)
_NORTH_WESTERN_I = re.compile(
    r"(?<![金限份定余差名超总数配税面])额(?=\s?(?:是|要|在|上|报|今年|家|们|的|自己|姓|叫|就|刚|去|跟|和|给|一|这|那|前天|昨天|今天|骑|开|被|让|叫|把|也|都))"
)
# where an illness began, said outright: at home, in the fields, at work ("在家里突然说话不利索", "在地里锄草")
_ONSET_AT_HOME = re.compile(
    r"在(?:自家|家|屋|院|坡|田|地里|菜地|菜园|村|厂|单位|公司|工地|店|学校|大棚|果园|山上)|家里|屋里|屋头|地里|锄草|干活"
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TAIL_FIX_BEFORE = re.compile(
    r"(?:最后|后面|末尾|尾数|尾号|后[两三四五六]位)(?:[两三四五六]位|几位|几个)?(?:数字)?\s?(?:是|为|应该是)?\s?$"
)


def _digits(text: str, expecting: str | None, out: ClaimExtraction) -> list[tuple[int, int]]:
    norm, strings = find_digit_strings(text)
    spans: list[tuple[int, int]] = []
    ids: list[tuple[str, int, str | None]] = []
    phones: list[tuple[str, int, str | None]] = []
    for s in strings:
        digits = s.digits
        if digits[-11:][:1] == "1" and ((len(digits) == 13 and digits.startswith("86"))
                                         or (len(digits) == 15 and digits.startswith("0086"))):
            digits = digits[-11:]  # "+86 138…": the country code before a mobile number
        if 12 <= len(digits) <= 16 and re.match(r"1[3-9]", digits[-11:]) \
                and CORRECTION.search(norm, max(0, s.start - 8), s.start) \
                and not _ID_LABEL.search(norm, s.end, s.end + 6):
            # "…八八洞三 哎 不对 八八洞五 幺三九 四七幺二 八八洞五": the end put right, then all of it
            digits = digits[-11:]
        # (or "…零一零，X": the check character read on its own after a pause)
        tail = _LAST_CHAR.match(norm, s.end) or _X_AFTER_PAUSE.match(norm, s.end)
        if len(digits) == 17 and tail:
            c = tail.group("c").upper()
            digits += "X" if c in ("X", "叉") else c
        before = norm[max(0, s.start - 12):s.start]
        id_context = bool(_ID_LABEL.search(before)) or expecting == "insured_id"
        phone_context = bool(_PHONE_LABEL.search(before[-8:])) or expecting == "contact_phone"
        if len(digits) == 18 or (len(digits) == 17 and id_context) or (len(digits) >= 15 and digits[-1] == "X"):
            ids.append((digits, s.start, id_problem(digits)))
        elif len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789" and (
                not id_context or not _ID_LABEL.search(before)):
            # (also when the ID is asked for: "13912345678" is a mobile number, not a short ID)
            phones.append((digits, s.start, None))
        elif len(digits) == 11 and digits[0] == "1" and not id_context:
            phones.append((digits, s.start, None if digits[1] in "3456789" else "手机号码格式不对，请再核对一下"))
        elif phone_context and 7 <= len(digits) <= 13 and not id_context:
            phones.append((digits, s.start, f"手机号应为11位，您说的是{len(digits)}位，请再核对一下"))
        elif id_context and 10 <= len(digits) <= 20:
            ids.append((digits, s.start, id_problem(digits)))
        elif phones and 2 <= len(digits) <= 6 and _TAIL_FIX_BEFORE.search(norm, max(0, s.start - 8), s.start) \
                and CORRECTION.search(norm, max(0, s.start - 14), s.start):
            # "幺洞三八 哦不对 最后是幺洞两八": only the end of the number put right
            phones.append((phones[-1][0][: -len(digits)] + digits, s.start, phones[-1][2]))
        else:
            continue
        spans.append((s.start, s.end))
    reporters = [c for c in phones if _REPORTERS_PHONE_BEFORE.search(norm, max(0, c[1] - 10), c[1])]
    if reporters and len(reporters) < len(phones) and not CORRECTION.search(norm):
        phones = reporters  # "她自己手机 177…，联系人留我的 159…": the reporter's number is the one to call
    for slot, cands in (("insured_id", ids), ("contact_phone", phones)):
        pick = _corrected(cands, [c[1] for c in cands], norm)
        if pick is None:
            continue
        value, _, problem = pick
        if problem:
            out.problems[slot] = problem
        else:
            out.slots[slot] = value
            out.confidence[slot] = 0.95
    return spans


def extract_claim_slots(
    text: str, ref_date: dt.date, *, expecting: str | None = None, context_cities: Sequence[str] = ()
) -> ClaimExtraction:
    """Extract the claim-report slots stated in `text` (see module doc).

    `context_cities` are cities already known from earlier in the conversation (full names): they resolve a
    hospital nickname said without its city ("省人民医院", "儿童医院").
    """
    out = ClaimExtraction()
    # "１１月３号": full-width digits typed on a phone are the digits (one character each, so offsets hold)
    text = _typed_breaks_as_commas((text or "").strip()).translate(_FULLWIDTH_DIGITS)
    if not text:
        return out
    for slip, meant in _INPUT_SLIPS.items():
        text = text.replace(slip, meant)
    text = _repair_misheard(_NORTH_WESTERN_I.sub("我", fold_cantonese(text)))
    text = _STUTTER.sub("", text)
    if len(text) > 4000:
        text = text[:4000]  # a ramble that long carries nothing a short report would not
    masked = list(text)

    # numbers first, so their digits are not read as dates or names
    for s, e in _digits(text, expecting, out):
        for i in range(s, min(e, len(masked))):
            masked[i] = " "

    # relation
    relation, _, rconf = _relation(text, expecting)
    if relation:
        out.slots["relation"] = relation
        out.confidence["relation"] = rconf
        if relation == "parent" and _BARE_LAOHAN.search(_PAUSE.sub("", text)):
            out.relation_by_region = _laohan_by_places(text) is None

    # name
    if expecting == "insured_name":
        n = spelled_name(text)
        if n:
            out.slots["insured_name"] = n
            out.confidence["insured_name"] = 0.9
    medical_spans = [(m.start, m.end) for m in find_mentions(text) if m.kind != "external"]
    if "insured_name" not in out.slots:
        names = [n for n in _names(text, relation)
                 if not any(s < n[1] + len(n[0]) and n[1] < e for s, e in medical_spans)]
        # "我们村 韦老四 大名叫 韦志强": the formal name outranks what the insured is called
        formal = [n for n in names if _FORMAL_NAME_BEFORE.search(text, max(0, n[1] - 10), n[1])]
        if formal and not CORRECTION.search(text):
            names = formal
        # "我是晋江的，我叫施振华": where the reporter is from, not a name
        names = [n for n in names if not (
            text.startswith("的", n[1] + len(n[0])) and _FROM_BEFORE.search(text, max(0, n[1] - 5), n[1])
            and n[0] in table().surface
        )]
        # "报案人：某厂 安全员 杨帆 / 出险人：冯立军": on a form, the reporter's line holds no insured's name
        reporter_lines = [(m.start(), _line_end(text, m.end())) for m in _REPORTER_LINE.finditer(text)]
        if relation != "self":
            names = [n for n in names if not any(s <= n[1] < e for s, e in reporter_lines)] or names
        # "瞻仰的瞻 不对 是詹天佑的詹": a word said to spell a character of the name is no name
        names = [n for n in names if not re.match(rf"的[{re.escape(n[0])}]", text[n[1] + len(n[0]):])] or names
        if names:
            chosen = _corrected([n[0] for n in names], [n[1] for n in names], text)
            out.slots["insured_name"] = chosen
            out.confidence["insured_name"] = max(n[2] for n in names if n[0] == chosen)
    reporter_line = _REPORTER_LINE.search(text)
    reporter = take_name(text, reporter_line.end()) if reporter_line else None
    if "insured_name" not in out.slots and relation == "self" and reporter and not is_everyday_word_name(reporter):
        # a form whose reporter is the insured: "报案人：李建军 / 与出险人关系：本人"
        out.slots["insured_name"] = reporter
        out.confidence["insured_name"] = 0.8
    if "relation" not in out.slots and "insured_name" in out.slots and reporter == out.slots["insured_name"]:
        # "报案人：李娜 被保险人：李娜": the reporter is the insured
        out.slots["relation"] = "self"
        out.confidence["relation"] = 0.8
    if "relation" not in out.slots and "insured_name" in out.slots and expecting != "insured_name" and re.search(
            rf"(?:^|[\s，,。])(?:我|俺)(?:是|叫)?\s?{re.escape(out.slots['insured_name'])}", _PAUSE_ONCE.sub("", text)):
        # "喂 我胡汉明 我八十一了 …": the caller's own name, and no one else's report
        out.slots["relation"] = "self"
        out.confidence["relation"] = 0.6
    if "insured_name" in out.slots:
        for m in re.finditer(re.escape(out.slots["insured_name"]), text):
            for i in range(m.start(), m.end()):
                masked[i] = _WORD_MASK
    # "莲花的莲", "照顾的顾": a character spelled by a word, not a place or a hospital in that word
    for m in _SPELLED_CHARACTER.finditer(text):
        # (two characters too: "应国庆 … 国庆节的国庆" spells 国庆, which is then no holiday)
        if (m.group("w").startswith(m.group("c")) or m.group("w").endswith(m.group("c"))) \
                and (len(m.group("c")) < len(m.group("w")) or len(m.group("c")) == 2) and "院" not in m.group("w"):
            for i in range(m.start(), m.end()):
                masked[i] = _WORD_MASK
    if "insured_name" in out.slots:
        # "沈桂英沈阳的沈桂花的桂…": a character of the name spelled with no pause after it (沈阳 is no place here)
        for ch in dict.fromkeys(out.slots["insured_name"]):
            for m in re.finditer(rf"([\u4e00-\u9fff]{{1,3}})的{re.escape(ch)}", text):
                if ch in m.group(1):
                    for i in range(m.start(), m.end()):
                        masked[i] = _WORD_MASK
    for m in _NOT_PLACES.finditer(text):
        for i in range(m.start(), m.end()):
            masked[i] = _WORD_MASK  # "喷了点云南白药": a product named after a place
    masked_text = "".join(masked)

    # hospitals (their names contain places, so they are masked before place resolution)
    cities = city_mentions(masked_text)
    hospitals = _hospitals_through_pauses(masked_text, [*cities, *(c for c in context_cities if c not in cities)])
    if expecting == "accident_place":
        # "华山，在渭南华阴市": where it happened; a hospital there is named with 院 ("协和医院门口")
        hospitals = [h for h in hospitals if "院" in masked_text[h.start:h.end]]
    if any("院" not in masked_text[h.start:h.end] for h in hospitals):
        # "在华山北峰下山的时候摔了": a hospital's nickname inside a longer landmark's name is the landmark
        # (not "去华山急诊": a landmark that only adds a verb before the nickname)
        sights = table().landmarks(masked_text)
        hospitals = [h for h in hospitals if "院" in masked_text[h.start:h.end]
                     or not any(s.start <= h.start and h.end < s.end for s in sights)]
    for h in hospitals:
        for i in range(h.start, h.end):
            masked[i] = "　"
    place_text = "".join(masked)

    # date
    # "1990.11.03出生": a birth date is no accident date
    dates = [d for d in find_dates(place_text, ref_date) if not _BORN_AFTER.match(place_text, d.end)
             and not _REPORTING_AFTER.match(place_text, d.end) and not _NOT_YET_AFTER.match(place_text, d.end)]
    if any(not d.future for d in dates):
        dates = [d for d in dates if not (d.future and d.kind == "rel_day")]  # "明天就回长沙了": a plan
    # "住了两天，昨天出院了。事情是6月7号": the day of the discharge is not the day it happened
    dates = [d for d in dates if not _DISCHARGED_AFTER.match(place_text, d.end)]
    purposes = [d for d in dates if d.kind in _HOLIDAY_DATES and not d.exact
                and _PURPOSE_BEFORE.search(place_text, max(0, d.start - 9), d.start)
                and not _SEASON_AFTER.match(place_text, d.end)]
    if purposes and len(purposes) < len(dates):
        dates = [d for d in dates if d not in purposes]
    if len(dates) > 1 and not CORRECTION.search(place_text):
        # the night first ("昨天晚上烧的炕，今天早上才发现") or the finding first ("今天早上发现的，昨天晚上烤火睡的")
        found = [d for a, b in pairwise(dates) for night, d in ((a, b), (b, a))
                 if (_NIGHT_AFTER.match(place_text, night.end) or night.text in ("昨晚", "昨夜", "前晚"))
                 and _FOUND_AFTER.match(place_text, d.end)
                 and (d.value - night.value).days == 1
                 and not _TRAUMA_WORDS.search(place_text, night.end, _clause_end(place_text, night.end))
                 and not (night.start < d.start and _TRAUMA_WORDS.search(place_text, night.end, d.start))]
        if found:
            dates = found[:1]  # "前天晚上摔了，昨天早上才发现骨折" keeps the fall
    if len(dates) > 1 and dates[0].kind not in _EXPLICIT_DATES and not CORRECTION.search(place_text):
        # "前天出差，坐了十几个小时飞机回来。昨天上午开会时突然晕倒": the day of the sentence that tells what happened
        first = dates[0]
        eventful = [d for d in dates[1:] if _EVENT.search(place_text, d.end, _clause_end(place_text, d.end))]
        # "腊月二十我们回广西过年，大年初三我爸在老家摔了": a clause about a trip ends what its date is about
        first_end = _clause_end(place_text, first.end) if _TRIP.search(place_text, first.end, _clause_end(
            place_text, first.end)) else _sentence_end(place_text, first.end)
        # what is said after a date, up to the next date, belongs to that date ("国庆 我们 开车 去 稻城亚丁 我 老婆 昨天
        # 在 洛绒牛场 高原 反应"): a transcript without punctuation has no sentence end to stop at
        first_end = min(first_end, dates[1].start)
        if eventful and not _EVENT.search(place_text, first.end, first_end):
            dates = eventful
        # "前天吃了串串，昨天开始上吐下泻": an illness dates from the day it began
        onset = [d for d in dates[1:] if _ONSET_AFTER.match(place_text, d.end)]
        if onset and not _EVENT.search(place_text, first.end, _clause_end(place_text, first.end)):
            dates = onset
    if len(dates) > 1 and not CORRECTION.search(place_text):
        # "上个月二十六号体检查出结节…这个月三号确诊是肺腺癌": a critical illness dates from its diagnosis
        ends = _said_of_each(place_text, dates)
        starts = [nxt.start for nxt in dates[1:]] + [len(place_text)]

        def confirms(d: DateMention, end: int, next_start: int) -> bool:
            # ("…做了胃镜，病理是这个月九号出来的": a 病理是 right before the next date introduces that date)
            return any(not (end == next_start and not place_text[c.end():end].strip())
                       for c in _CONFIRMED.finditer(place_text, d.end, end))

        confirmed = [d for d, end, nxt in zip(dates, ends, starts, strict=True) if confirms(d, end, nxt)
                     # "病理是这个月九号出来的", "结果昨天出来了": the day the result came out
                     or (_RESULT_BEFORE.search(place_text, max(0, d.start - 6), d.start)
                         and _OUT_AFTER.match(place_text, d.end))
                     or _RESULT_AFTER.match(place_text, d.end)]
        if confirmed and confirmed[0] is not dates[0] and _SCREENED.search(place_text, dates[0].end, ends[0]) \
                and not confirms(dates[0], ends[0], starts[0]):
            dates = confirmed
    if len(dates) > 1 and not CORRECTION.search(place_text) and _ONSET_AFTER.match(place_text, dates[0].end):
        # "前天开始发烧，昨天去儿童医院查出来是甲流": symptoms first, then the day the illness was confirmed, which is
        # the day the report is about (a hospital visit without a diagnosis, "昨天晚上开始肚子痛 今天上午在医院", keeps
        # the onset)
        ends = _said_of_each(place_text, dates)
        # (a night's pain seen to the next morning is one episode: "昨天晚上开始肚子疼 今天去急诊 说是阑尾炎")
        overnight = _NIGHT_ONSET.match(place_text, dates[0].end) is not None
        settled = [d for d, end in zip(dates[1:], ends[1:], strict=True)
                   if _CONFIRMED_LATER.search(place_text, d.end, end)
                   and (1 if not overnight else 2) <= (d.value - dates[0].value).days <= 14]
        if settled:
            dates = settled[:1]
    if dates:
        pick = _corrected(dates, [d.start for d in dates], place_text)
        explicit = [d for d in dates if d.start > pick.start and d.kind in _EXPLICIT_DATES
                    and d.start - pick.end <= 12 and abs((d.value - pick.value).days) <= 7]
        refined = [d for d in dates if pick.kind in _HOLIDAY_DATES and d.start > pick.end and d.start - pick.end <= 3
                   and d.kind == "holiday_day" and 0 <= (d.value - pick.value).days <= 10]
        if refined:
            pick = refined[0]  # "国庆 国庆第三天": the holiday, then the day within it
        restated = [d for d in dates if d.start > pick.end and _RESTATED.fullmatch(place_text, pick.end, d.start)
                    and abs((d.value - pick.value).days) <= 7 and (d.exact or not pick.exact)]
        # (a month and day said later in the report names the day of a holiday said first)
        later_exact = [d for d in dates if d.start > pick.start and d.kind in ("md", "ymd", "md_dot")
                       and 0 <= (d.value - pick.value).days <= 7]
        if restated:
            pick = restated[0]  # "小年那天，就是腊月二十四": the day said again more exactly (小年 differs by region)
        elif pick.kind in _HOLIDAY_DATES and (explicit or later_exact):
            pick = (explicit or later_exact)[0]  # "五一放假那几天 五月二号下午", "国庆…去张家界…是十月三号"
        elif pick.kind in _HOLIDAY_DATES and not pick.exact:
            # "过年期间…我爸除夕晚上…": a holiday season, then the day within it
            within = [d for d in dates if d.start > pick.start and d.exact and abs((d.value - pick.value).days) <= 20
                      and not _BACK_HOME_AFTER.match(place_text, d.end)]  # not "今天回西安了"
            if within:
                pick = within[0]
        next_day = _NEXT_DAY_ONSET.search(place_text, pick.end, pick.end + 16)
        if next_day is not None and not _TRAUMA_WORDS.search(place_text, pick.end, next_day.start()) \
                and not any(pick.end <= d.start < next_day.end() for d in dates):
            # "中秋饮酒食蟹 第二日开始肚痛": an illness dates from the day it began, the day after the one said
            pick = replace(pick, value=pick.value + dt.timedelta(days=1))
        if pick.future and (expecting not in (None, "accident_date") or _PLAN_AFTER.match(place_text, pick.end)):
            pass  # "六院 住院了 明天手术": a plan, not the day of the accident
        elif pick.future:
            out.problems["accident_date"] = f"您说的日期（{pick.value.isoformat()}）还没到，请再确认一下出险日期"
        else:
            out.slots["accident_date"] = pick.value.isoformat()
            out.confidence["accident_date"] = 0.9 if pick.exact else 0.6

    # place
    hint = [h.hospital.city for h in hospitals if h.hospital is not None]
    place = resolve_place(place_text, whole_answer=expecting == "accident_place", hint_cities=hint)
    markers = [m.end() for m in CORRECTION.finditer(place_text)]
    while markers and markers[-1] >= len(place_text.rstrip("。.！!，, ")) :
        markers.pop()  # "…，我记岔了。" closes the correction it follows
    if place is not None and markers and place.start < markers[-1]:
        # "在天津，和平区，哦不对，是在滨海新区": the place said after the correction, in the same city if need be
        later = resolve_place(
            place_text[markers[-1]:], whole_answer=True, hint_cities=[*([place.city] if place.city else []), *hint]
        )
        vaguer = later is not None and later.city == place.city and place.district and not later.district
        if later is not None and later.province and not later.problem and not later.ambiguous and not vaguer:
            place = later  # (a correction of something else, "…宜宾翠屏区…不对…回到宜宾", keeps the district)
    if place is not None and place.ambiguous and not hint:
        # "在铁西区骑车摔了 医大一院看的": of the cities the district may lie in, the one where the hospital's
        # nickname names a hospital settles both
        by_hospital = [(reading, named) for reading in place.readings
                       if (named := [h for h in _hospitals_through_pauses(masked_text, [reading[1]])
                                     if h.hospital is not None and h.hospital.city == reading[1]])]
        if len(by_hospital) == 1:
            (province, city, district, _), hospitals = by_hospital[0]
            place = replace(place, province=province, city=city, district=district, ambiguous=[], likely=None,
                            readings=[])
    if place is not None:
        if place.problem:
            out.problems["accident_place"] = place.problem
        elif place.ambiguous:
            options = "、".join(place.ambiguous[:4])
            out.problems["accident_place"] = f"有好几个地方叫这个名字（{options}），请说一下是哪个城市"
            if place.likely is not None:
                province, city, district = place.likely
                out.place_guess = {"province": province, "city": city, "district": district}
            out.place_readings = place.readings
        elif place.province:
            out.slots["accident_place"] = place.as_slot()
            out.confidence["accident_place"] = (
                WHERE_TREATED_CONFIDENCE if place.where_treated else 0.9 if place.district else 0.7
            )
            if place.reporters_own and relation not in (None, "self"):
                # "我是在东莞打工的，我爸在家…": where the reporter works, not where it happened to someone else
                del out.slots["accident_place"], out.confidence["accident_place"]

    # diagnosis & cause
    # "心脏 骤停", "野生 菌子 中毒": speech recognition's pauses (not the masks, which are ideographic spaces)
    diag_text = _HOSPITAL_PAUSE.sub("", place_text)
    if expecting == "diagnosis":
        diag_text = re.sub(r"[，,、\s]+", "", place_text)  # an answer said in pieces: "锁骨，骨折了"
    matches = find_mentions(diag_text)
    diag = best_diagnosis(diag_text, matches)
    first_listed = _FIRST_LISTED.search(diag_text)
    if first_listed is not None:
        # "出院诊断：1.急性脑梗死 2.原发性高血压 3.2型糖尿病": the principal diagnosis is listed first
        item_end = first_listed.end() + len(first_listed.group(1))
        principal = [m for m in matches if first_listed.end() <= m.start < item_end]
        diag = best_diagnosis(diag_text, principal) or diag
    long_standing = [m for m in matches
                     if m.history and m.kind == "disease" and LONG_STANDING_AFTER.match(diag_text, m.end)]
    if diag is None and long_standing and not _first_affirmed(_TRAUMA_WORDS, text):
        if _DEATH.search(text):
            # "今天早上走的…慢阻肺好多年了": the long illness is what the insured died of
            diag = max(long_standing, key=lambda m: (m.priority, m.score))
        elif _TAKEN_IN.search(text) and len({m.icd10 for m in long_standing}) == 1:
            # "心衰好多年了 周二晚上喘得躺不下 送到宁波一院 住在心内科": with nothing else named, the long-standing
            # illness is what took the insured to hospital now
            diag = long_standing[0]
    if diag is None and expecting == "diagnosis":
        # asked what the illness was, "她心衰好多年了，医生之前说是心力衰竭": the long-standing disease is the answer
        past = [m for m in matches if m.history and m.kind == "disease"]
        if past:
            diag = max(past, key=lambda m: (m.priority, m.score))
    if diag is not None and diag.icd10 in _STROKE_BLEEDS and _first_affirmed(_TRAUMA_WORDS, text) \
            and not _COLLAPSE.search(_PAUSE.sub("", text)):
        # bleeding in the brain after a crash or a fall is an injury (S06), not a stroke
        diag = replace(diag, term="外伤性颅内出血", icd10="S06", kind="injury")
    if diag is not None and diag.icd10 == "I21" and "心脏病" in diag_text[diag.start:diag.end] \
            and _DEATH.search(text) and not re.search(r"心梗|心肌梗", diag_text):
        # "突发心脏病去世了": a sudden cardiac death; a heart attack is only what the doctor may find
        diag = replace(diag, term="心源性猝死", icd10="I46")
    if diag is not None and expecting != "diagnosis" and diag.kind == "injury" \
            and ((diag.priority <= 2 and ("挫伤" in diag.term or diag.icd10 == "T14"))
                 or (diag.icd10 in ("S00", "S01", "S09") and "缝" not in diag_text)) \
            and _MINOR_SCRAPE.search(diag_text):
        diag = None  # "胳膊擦破点皮": only a scrape, which the conventions leave without a diagnosis
    if diag is not None and expecting != "diagnosis" and (
            _HEDGED.search(diag_text, max(0, diag.start - 6), diag.start)
            or _UNCONFIRMED_AFTER.match(diag_text, diag.end)):
        diag = None  # "一二零说 可能是心梗 也说不准": a guess, asked about rather than recorded
    if diag is not None and diag.kind != "symptom":
        out.slots["diagnosis"] = {"term": diag.term, "icd10": diag.icd10}
        # "肠癌" leaves colon (C18) or rectum (C20) open, as "骨折" leaves the bone: the dialog asks once
        bowel = diag.term == "结直肠恶性肿瘤" and not re.search("结肠|直肠", diag_text[diag.start:diag.end])
        # "还以为就是崴了 结果一拍片子": what the reporter first believed; "我妈有老年痴呆": a standing condition,
        # which may not be what the report is about: the dialog asks
        believed = _BELIEVED.search(diag_text) is not None
        standing = diag.kind == "disease" and _STANDING_BEFORE.search(diag_text, max(0, diag.start - 4), diag.start)
        # "乳房有个肿块 前日穿刺结果出来了": the lump is what was found; the result, not said, is the diagnosis
        result_unsaid = _LUMP.search(diag.term) is not None and _RESULT_OUT.search(diag_text) is not None
        # "手指断了": broken or cut off, the words do not tell (S62 or S68)
        finger_off_or_broken = diag.icd10 == "S62" and _FINGER_BROKE.search(diag_text) is not None \
            and not re.search("骨折|骨裂|断离|离断|切断|截", diag_text)
        # "手臂骨折了": 手臂 is the whole arm, so the forearm read into it is checked (S42 or S52)
        arm_unsaid = diag.icd10 == "S52" and "手臂" in diag_text[diag.start:diag.end] \
            and not re.search("前臂|小臂|桡骨|尺骨|手腕|腕", diag_text)
        # "手腕疼，查出来是骨折": the bone read from a part said apart from the fracture (radius or scaphoid)
        part_said_apart = diag.kind == "injury" and diag.icd10 not in UNSPECIFIED_ICD10 \
            and re.fullmatch(r"骨折了?", diag_text[diag.start:diag.end]) is not None
        # "胳膊脱臼": the shoulder most often, but a child's elbow as often (S43 or S53)
        joint_unsaid = diag.icd10 == "S43" and "胳膊" in diag_text[diag.start:diag.end] \
            and not re.search("肩|大臂", diag_text)
        if diag.icd10 in UNSPECIFIED_ICD10 or bowel or _inferred_from_what_happened(diag_text, diag) \
                or believed or standing or result_unsaid or finger_off_or_broken or arm_unsaid or joint_unsaid \
                or part_said_apart:
            out.confidence["diagnosis"] = 0.6
        else:
            out.confidence["diagnosis"] = 0.9 if diag.priority >= 3 else 0.8
    cause: str | None = None
    if expecting == "cause":
        # "是意外 不是 不对 是生病": what is said after the last correction
        fixed = max((c.end() for c in CORRECTION.finditer(text)), default=0)
        acc = _first_affirmed(_ACCIDENT_WORDS, text[fixed:])
        ill = _first_affirmed(_ILLNESS_WORDS, text[fixed:])
        if acc is None and ill is None and fixed:
            acc = _first_affirmed(_ACCIDENT_WORDS, text)
            ill = _first_affirmed(_ILLNESS_WORDS, text)
        if acc and (not ill or acc.start() < ill.start()):
            cause = "accident"
        elif ill:
            cause = "illness"
    if cause is None and diag is not None and diag.kind != "symptom":
        cause = diag.cause
        # what was taken back ("说是中暑 哎 不是 医生说是脑梗") counts for nothing
        taken_back = max((c.end() for c in CORRECTION.finditer(diag_text) if c.end() <= diag.start), default=-1)
        agents = [m for m in matches if m.kind == "injury" and _AGENT_INJURY.fullmatch(m.icd10) and not m.negated
                  and m.start >= taken_back]
        # an illness the doctor named outranks a poisoning or heat stroke only guessed ("打药 晕倒了 医生说是脑梗")
        if cause == "illness" and agents \
                and not (doctor_said(diag_text, [diag]) and all(guessed(diag_text, m) for m in agents)):
            cause = "accident"
    if cause is None:
        live = [m for m in matches if not m.negated]
        if live and all(m.kind == "symptom" for m in live) and _first_affirmed(_TRAUMA_WORDS, text):
            cause = "accident"  # "摔了一跤，头疼": a pain after a fall or a crash is the fall's
    if cause is None:
        cause = cause_of(matches)
    if cause is None:
        unpaused = _PAUSE.sub("", text)  # "医生 讲 是 心脏 的 问题"
        acc = _first_affirmed(_PLAIN_ACCIDENT, unpaused)
        ill = _first_affirmed(_PLAIN_ILLNESS, unpaused)
        if acc and (not ill or acc.start() < ill.start()):
            cause = "accident"
        elif ill:
            cause = "illness"
        elif _first_affirmed(_TRAUMA_WORDS, text) and not any(m.kind == "disease" for m in matches):
            cause = "accident"  # "骑摩托车摔到沟里了，人当场就没了": a fall or a crash, no illness said
    if diag is not None and diag.icd10 == "T78" and expecting != "cause" and _STUNG_OR_BITTEN.search(text):
        cause = "accident"  # "被马蜂蜇了…过敏性休克": a sting or a bite is an accident, whatever it led to
    elif cause is not None and diag is not None and diag.icd10 in ("T67", "T78") and expecting != "cause" \
            and not _first_affirmed(_PLAIN_ACCIDENT, text) and not re.search(r"疾病|生病|病了", text):
        # heat stroke and a food allergy are accidents under some policies and not others: the reporter is asked
        cause = None
    elif cause == "accident" and expecting != "cause" and _FAINTED_THEN_HIT.search(_PAUSE.sub("", text)) \
            and not _first_affirmed(_PLAIN_ACCIDENT, text) and (diag is None or diag.icd10.startswith("S")):
        # "洗澡的时候突然头晕倒在地上，头磕到了瓷砖": an illness or a fall? the reporter is asked, as for heat stroke
        cause = None
    if cause:
        out.slots["cause"] = cause
        out.confidence["cause"] = 0.85
    if cause == "illness" and place is not None and place.said_as_home and relation not in (None, "self") \
            and expecting != "accident_place" and not _ONSET_AT_HOME.search(text):
        # "我是德化的，我阿公…咳嗽发烧住进了泉州市第一医院": where the family is from, not where an illness began
        out.slots.pop("accident_place", None)
        out.confidence.pop("accident_place", None)

    # treatment
    status, sconf = _status(text)
    hosp = _pick_hospital(hospitals, text)
    if status is None and hosp is not None and _PLANNED_TREATMENT.search(_PAUSE.sub("", text)):
        status, sconf = "outpatient", 0.7  # "在天津医科大学肿瘤医院…下个月手术": seen there, the operation to come
    if hosp is not None and hosp.hospital is None and status != "none":
        out.unregistered_hospital = hosp.name
    if status or hosp:
        # an unregistered hospital counts when it is named with its place ("漯河市中心医院"); a bare or private
        # name ("红星诊所医院") is null; either way the checker sees what was said
        name: str | None = None
        if status == "death" and _DIED_AT_HOME.search(text):
            hosp = None  # "之前在通化市中心医院治疗过，最后是在家里走的"
        if hosp is not None:
            name = hosp.name if hosp.hospital is not None else proper_unregistered_name(hosp.name)
            out.hospital_by_nickname = hosp.ambiguous and hosp.hospital is not None
        if status == "none":
            name = None
        out.slots["treatment"] = {"hospital": name, "status": status}
        out.confidence["treatment"] = min(sconf or 0.5, 0.9 if hosp is None or hosp.hospital else 0.7)
    if status == "death" and cause == "illness" and len(dates) > 1 and "accident_date" in out.slots \
            and not CORRECTION.search(place_text):
        # an illness that ends in death is a death claim, dated by the death ("前天晚上脑出血…今天早上走了");
        # a fatal accident keeps the day of the accident
        died = [d for d in dates if not d.future and d.value.isoformat() > out.slots["accident_date"]
                and _DEATH.search(_PAUSE.sub("", place_text[d.end:_clause_end(place_text, d.end)]))]
        if died:
            out.slots["accident_date"] = died[-1].value.isoformat()
    return out
