#!/usr/bin/env python3
"""Validate the hand-written held-out claim-report sets.

Checks every held-out set listed in SETS (heldout_*.jsonl ... heldout7_*.jsonl, next to this file):
JSON shape, allowed slot values, ID numbers (GB 11643 check digit, area code,
birth date), mobile numbers, places, ICD-10 category format, hospital names,
dates not after ref_date.  It also cross-checks labels against the text:
ID/phone digits and names must be findable in what the caller says, and
common relative date expressions (昨天, 上周三, 上个月底 ...) are resolved
independently with datetime and must include the labelled date.

This script does not use the system under test.  When you add data with a new
area code, place or hospital, extend the tables below (area codes were taken
from the national administrative-division list).

Usage: python3 check_heldout.py [--verbose] [--prefix heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7 ...]
(without --prefix all sets in SETS are checked)
Exit status 0 when clean, 1 otherwise.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# Held-out sets checked: prefix -> (expected item lines, expected dialog lines).
# Files are <prefix>_items.jsonl and <prefix>_dialogs.jsonl next to this script.
#   heldout   first hand-written set
#   heldout2  second set, written blind by an AI helper (see README.md)
#   heldout3  third set, written blind by an AI helper; phone / speech-recognition style (see README.md)
#   heldout4  fourth set, written blind by an AI helper; ordinary-week mix, about a third ASR style (see README.md)
#   heldout5  fifth set, written blind by an AI helper; regional speech, ASR transcripts, all provinces (see README.md)
#   heldout6  sixth set, written blind by an AI helper; lunar/festival dates, hospital nicknames (see README.md)
#   heldout7  seventh set, written blind by an AI helper; new places, non-family reporters, rural/work/home accidents (see README.md)
SETS: dict[str, tuple[int, int]] = {
    "heldout": (80, 30),
    "heldout2": (100, 30),
    "heldout3": (100, 30),
    "heldout4": (100, 30),
    "heldout5": (100, 30),
    "heldout6": (100, 30),
    "heldout7": (100, 30),
}

SLOTS = (
    "relation",
    "insured_name",
    "insured_id",
    "contact_phone",
    "accident_date",
    "accident_place",
    "cause",
    "diagnosis",
    "treatment",
)
RELATIONS = {"self", "spouse", "child", "parent", "other"}
CAUSES = {"illness", "accident"}
STATUSES = {"outpatient", "inpatient", "death", "none"}

PROVINCES = {
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
}
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# Administrative divisions used by the data: code -> (province, city, county-level unit or None).
REGIONS: dict[str, tuple[str, str, str | None]] = {
    "110101": ("北京市", "北京市", "东城区"),
    "110108": ("北京市", "北京市", "海淀区"),
    "120101": ("天津市", "天津市", "和平区"),
    "120104": ("天津市", "天津市", "南开区"),
    "130602": ("河北省", "保定市", "竞秀区"),
    "130709": ("河北省", "张家口市", "崇礼区"),
    "131002": ("河北省", "廊坊市", "安次区"),
    "140105": ("山西省", "太原市", "小店区"),
    "150102": ("内蒙古自治区", "呼和浩特市", "新城区"),
    "210102": ("辽宁省", "沈阳市", "和平区"),
    "220102": ("吉林省", "长春市", "南关区"),
    "230103": ("黑龙江省", "哈尔滨市", "南岗区"),
    "310104": ("上海市", "上海市", "徐汇区"),
    "320106": ("江苏省", "南京市", "鼓楼区"),
    "320211": ("江苏省", "无锡市", "滨湖区"),
    "320583": ("江苏省", "苏州市", "昆山市"),
    "330102": ("浙江省", "杭州市", "上城区"),
    "330106": ("浙江省", "杭州市", "西湖区"),
    "330108": ("浙江省", "杭州市", "滨江区"),
    "330203": ("浙江省", "宁波市", "海曙区"),
    "330782": ("浙江省", "金华市", "义乌市"),
    "341202": ("安徽省", "阜阳市", "颍州区"),
    "350203": ("福建省", "厦门市", "思明区"),
    "350582": ("福建省", "泉州市", "晋江市"),
    "360102": ("江西省", "南昌市", "东湖区"),
    "360730": ("江西省", "赣州市", "宁都县"),
    "370102": ("山东省", "济南市", "历下区"),
    "370200": ("山东省", "青岛市", None),
    "370202": ("山东省", "青岛市", "市南区"),
    "370783": ("山东省", "潍坊市", "寿光市"),
    "410105": ("河南省", "郑州市", "金水区"),
    "410303": ("河南省", "洛阳市", "西工区"),
    "420100": ("湖北省", "武汉市", None),
    "420106": ("湖北省", "武汉市", "武昌区"),
    "422802": ("湖北省", "恩施土家族苗族自治州", "利川市"),
    "430104": ("湖南省", "长沙市", "岳麓区"),
    "431102": ("湖南省", "永州市", "零陵区"),
    "440104": ("广东省", "广州市", "越秀区"),
    "440106": ("广东省", "广州市", "天河区"),
    "440304": ("广东省", "深圳市", "福田区"),
    "440305": ("广东省", "深圳市", "南山区"),
    "441900": ("广东省", "东莞市", None),
    "450103": ("广西壮族自治区", "南宁市", "青秀区"),
    "451102": ("广西壮族自治区", "贺州市", "八步区"),
    "460105": ("海南省", "海口市", "秀英区"),
    "500103": ("重庆市", "重庆市", "渝中区"),
    "500233": ("重庆市", "重庆市", "忠县"),
    "510104": ("四川省", "成都市", "锦江区"),
    "510107": ("四川省", "成都市", "武侯区"),
    "510116": ("四川省", "成都市", "双流区"),
    "511302": ("四川省", "南充市", "顺庆区"),
    "511602": ("四川省", "广安市", "广安区"),
    "520100": ("贵州省", "贵阳市", None),
    "520102": ("贵州省", "贵阳市", "南明区"),
    "530102": ("云南省", "昆明市", "五华区"),
    "532901": ("云南省", "大理白族自治州", "大理市"),
    "610113": ("陕西省", "西安市", "雁塔区"),
    "610582": ("陕西省", "渭南市", "华阴市"),
    "620502": ("甘肃省", "天水市", "秦州区"),
    "640104": ("宁夏回族自治区", "银川市", "兴庆区"),
    "650100": ("新疆维吾尔自治区", "乌鲁木齐市", None),
    "650102": ("新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
    # added for heldout2 (codes from the national administrative-division list, general knowledge)
    "110105": ("北京市", "北京市", "朝阳区"),
    "120116": ("天津市", "天津市", "滨海新区"),
    "130108": ("河北省", "石家庄市", "裕华区"),
    "140802": ("山西省", "运城市", "盐湖区"),
    "150781": ("内蒙古自治区", "呼伦贝尔市", "满洲里市"),
    "210106": ("辽宁省", "沈阳市", "铁西区"),
    "210204": ("辽宁省", "大连市", "沙河口区"),
    "220104": ("吉林省", "长春市", "朝阳区"),
    "222401": ("吉林省", "延边朝鲜族自治州", "延吉市"),
    "230102": ("黑龙江省", "哈尔滨市", "道里区"),
    "310115": ("上海市", "上海市", "浦东新区"),
    "330110": ("浙江省", "杭州市", "余杭区"),
    "330212": ("浙江省", "宁波市", "鄞州区"),
    "330902": ("浙江省", "舟山市", "定海区"),
    "340104": ("安徽省", "合肥市", "蜀山区"),
    "350102": ("福建省", "福州市", "鼓楼区"),
    "360781": ("江西省", "赣州市", "瑞金市"),
    "370212": ("山东省", "青岛市", "崂山区"),
    "371302": ("山东省", "临沂市", "兰山区"),
    "371702": ("山东省", "菏泽市", "牡丹区"),
    "411600": ("河南省", "周口市", None),
    "420502": ("湖北省", "宜昌市", "西陵区"),
    "433123": ("湖南省", "湘西土家族苗族自治州", "凤凰县"),
    "440306": ("广东省", "深圳市", "宝安区"),
    "440307": ("广东省", "深圳市", "龙岗区"),
    "440606": ("广东省", "佛山市", "顺德区"),
    "450321": ("广西壮族自治区", "桂林市", "阳朔县"),
    "460108": ("海南省", "海口市", "美兰区"),
    "460203": ("海南省", "三亚市", "吉阳区"),
    "500112": ("重庆市", "重庆市", "渝北区"),
    "510106": ("四川省", "成都市", "金牛区"),
    "520111": ("贵州省", "贵阳市", "花溪区"),
    "520302": ("贵州省", "遵义市", "红花岗区"),
    "520303": ("贵州省", "遵义市", "汇川区"),
    "532801": ("云南省", "西双版纳傣族自治州", "景洪市"),
    "540102": ("西藏自治区", "拉萨市", "城关区"),
    "610112": ("陕西省", "西安市", "未央区"),
    "620982": ("甘肃省", "酒泉市", "敦煌市"),
    "630103": ("青海省", "西宁市", "城中区"),
    "640106": ("宁夏回族自治区", "银川市", "金凤区"),
    "650103": ("新疆维吾尔自治区", "乌鲁木齐市", "沙依巴克区"),
    # added for heldout3 (codes from the national administrative-division list, general knowledge)
    "110102": ("北京市", "北京市", "西城区"),
    "110106": ("北京市", "北京市", "丰台区"),
    "110114": ("北京市", "北京市", "昌平区"),
    "130104": ("河北省", "石家庄市", "桥西区"),
    "130403": ("河北省", "邯郸市", "丛台区"),
    "140109": ("山西省", "太原市", "万柏林区"),
    "150204": ("内蒙古自治区", "包头市", "青山区"),
    "210103": ("辽宁省", "沈阳市", "沈河区"),
    "220105": ("吉林省", "长春市", "二道区"),
    "230104": ("黑龙江省", "哈尔滨市", "道外区"),
    "230602": ("黑龙江省", "大庆市", "萨尔图区"),
    "310107": ("上海市", "上海市", "普陀区"),
    "310112": ("上海市", "上海市", "闵行区"),
    "320102": ("江苏省", "南京市", "玄武区"),
    "320213": ("江苏省", "无锡市", "梁溪区"),
    "320311": ("江苏省", "徐州市", "泉山区"),
    "320506": ("江苏省", "苏州市", "吴中区"),
    "320602": ("江苏省", "南通市", "崇川区"),
    "330109": ("浙江省", "杭州市", "萧山区"),
    "330302": ("浙江省", "温州市", "鹿城区"),
    "340111": ("安徽省", "合肥市", "包河区"),
    "341002": ("安徽省", "黄山市", "屯溪区"),
    "341302": ("安徽省", "宿州市", "埇桥区"),
    "350104": ("福建省", "福州市", "仓山区"),
    "350206": ("福建省", "厦门市", "湖里区"),
    "350802": ("福建省", "龙岩市", "新罗区"),
    "360403": ("江西省", "九江市", "浔阳区"),
    "370105": ("山东省", "济南市", "天桥区"),
    "370602": ("山东省", "烟台市", "芝罘区"),
    "370902": ("山东省", "泰安市", "泰山区"),
    "371311": ("山东省", "临沂市", "罗庄区"),
    "411303": ("河南省", "南阳市", "卧龙区"),
    "420606": ("湖北省", "襄阳市", "樊城区"),
    "430105": ("湖南省", "长沙市", "开福区"),
    "430111": ("湖南省", "长沙市", "雨花区"),
    "430502": ("湖南省", "邵阳市", "双清区"),
    "430681": ("湖南省", "岳阳市", "汨罗市"),
    "431202": ("湖南省", "怀化市", "鹤城区"),
    "440105": ("广东省", "广州市", "海珠区"),
    "440111": ("广东省", "广州市", "白云区"),
    "440309": ("广东省", "深圳市", "龙华区"),
    "440507": ("广东省", "汕头市", "龙湖区"),
    "440604": ("广东省", "佛山市", "禅城区"),
    "440802": ("广东省", "湛江市", "赤坎区"),
    "445202": ("广东省", "揭阳市", "榕城区"),
    "450202": ("广西壮族自治区", "柳州市", "城中区"),
    "450502": ("广西壮族自治区", "北海市", "海城区"),
    "450503": ("广西壮族自治区", "北海市", "银海区"),
    "450902": ("广西壮族自治区", "玉林市", "玉州区"),
    "469002": ("海南省", "琼海市", None),
    "500101": ("重庆市", "重庆市", "万州区"),
    "510502": ("四川省", "泸州市", "江阳区"),
    "510703": ("四川省", "绵阳市", "涪城区"),
    "511502": ("四川省", "宜宾市", "翠屏区"),
    "513401": ("四川省", "凉山彝族自治州", "西昌市"),
    "520103": ("贵州省", "贵阳市", "云岩区"),
    "522601": ("贵州省", "黔东南苗族侗族自治州", "凯里市"),
    "530111": ("云南省", "昆明市", "官渡区"),
    "530702": ("云南省", "丽江市", "古城区"),
    "540402": ("西藏自治区", "林芝市", "巴宜区"),
    "610103": ("陕西省", "西安市", "碑林区"),
    "610602": ("陕西省", "延安市", "宝塔区"),
    "610802": ("陕西省", "榆林市", "榆阳区"),
    "620102": ("甘肃省", "兰州市", "城关区"),
    "620702": ("甘肃省", "张掖市", "甘州区"),
    "632801": ("青海省", "海西蒙古族藏族自治州", "格尔木市"),
    "640302": ("宁夏回族自治区", "吴忠市", "利通区"),
    "650104": ("新疆维吾尔自治区", "乌鲁木齐市", "新市区"),
    "653101": ("新疆维吾尔自治区", "喀什地区", "喀什市"),
    "659001": ("新疆维吾尔自治区", "石河子市", None),
    # added for heldout4 (codes from the national administrative-division list, general knowledge)
    "110107": ("北京市", "北京市", "石景山区"),
    "120103": ("天津市", "天津市", "河西区"),
    "140702": ("山西省", "晋中市", "榆次区"),
    "141002": ("山西省", "临汾市", "尧都区"),
    "150105": ("内蒙古自治区", "呼和浩特市", "赛罕区"),
    "150203": ("内蒙古自治区", "包头市", "昆都仑区"),
    "220202": ("吉林省", "吉林市", "昌邑区"),
    "230110": ("黑龙江省", "哈尔滨市", "香坊区"),
    "230203": ("黑龙江省", "齐齐哈尔市", "建华区"),
    "310110": ("上海市", "上海市", "杨浦区"),
    "320104": ("江苏省", "南京市", "秦淮区"),
    "320508": ("江苏省", "苏州市", "姑苏区"),
    "330381": ("浙江省", "温州市", "瑞安市"),
    "330602": ("浙江省", "绍兴市", "越城区"),
    "340302": ("安徽省", "蚌埠市", "龙子湖区"),
    "341502": ("安徽省", "六安市", "金安区"),
    "350602": ("福建省", "漳州市", "芗城区"),
    "360111": ("江西省", "南昌市", "青山湖区"),
    "360428": ("江西省", "九江市", "都昌县"),
    "370281": ("山东省", "青岛市", "胶州市"),
    "370811": ("山东省", "济宁市", "任城区"),
    "371502": ("山东省", "聊城市", "东昌府区"),
    "410702": ("河南省", "新乡市", "红旗区"),
    "411102": ("河南省", "漯河市", "源汇区"),
    "420102": ("湖北省", "武汉市", "江岸区"),
    "420111": ("湖北省", "武汉市", "洪山区"),
    "421002": ("湖北省", "荆州市", "沙市区"),
    "421123": ("湖北省", "黄冈市", "罗田县"),
    "430103": ("湖南省", "长沙市", "天心区"),
    "430524": ("湖南省", "邵阳市", "隆回县"),
    "430702": ("湖南省", "常德市", "武陵区"),
    "440103": ("广东省", "广州市", "荔湾区"),
    "440113": ("广东省", "广州市", "番禺区"),
    "441581": ("广东省", "汕尾市", "陆丰市"),
    "442000": ("广东省", "中山市", None),
    "450330": ("广西壮族自治区", "桂林市", "平乐县"),
    "460106": ("海南省", "海口市", "龙华区"),
    "469005": ("海南省", "文昌市", None),
    "500105": ("重庆市", "重庆市", "江北区"),
    "500106": ("重庆市", "重庆市", "沙坪坝区"),
    "500230": ("重庆市", "重庆市", "丰都县"),
    "510108": ("四川省", "成都市", "成华区"),
    "510112": ("四川省", "成都市", "龙泉驿区"),
    "511102": ("四川省", "乐山市", "市中区"),
    "511623": ("四川省", "广安市", "邻水县"),
    "520115": ("贵州省", "贵阳市", "观山湖区"),
    "520402": ("贵州省", "安顺市", "西秀区"),
    "522622": ("贵州省", "黔东南苗族侗族自治州", "黄平县"),
    "530114": ("云南省", "昆明市", "呈贡区"),
    "530302": ("云南省", "曲靖市", "麒麟区"),
    "610104": ("陕西省", "西安市", "莲湖区"),
    "610402": ("陕西省", "咸阳市", "秦都区"),
    "610528": ("陕西省", "渭南市", "富平县"),
    "620105": ("甘肃省", "兰州市", "安宁区"),
    "621102": ("甘肃省", "定西市", "安定区"),
    "621121": ("甘肃省", "定西市", "通渭县"),
    "630105": ("青海省", "西宁市", "城北区"),
    "640202": ("宁夏回族自治区", "石嘴山市", "大武口区"),
    "650105": ("新疆维吾尔自治区", "乌鲁木齐市", "水磨沟区"),
    "654027": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "特克斯县"),
    # added for heldout5 (codes from the national administrative-division list, general knowledge)
    "130203": ("河北省", "唐山市", "路北区"),
    "140106": ("山西省", "太原市", "迎泽区"),
    "140213": ("山西省", "大同市", "平城区"),
    "140403": ("山西省", "长治市", "潞州区"),
    "150103": ("内蒙古自治区", "呼和浩特市", "回民区"),
    "150402": ("内蒙古自治区", "赤峰市", "红山区"),
    "150602": ("内蒙古自治区", "鄂尔多斯市", "东胜区"),
    "210211": ("辽宁省", "大连市", "甘井子区"),
    "210702": ("辽宁省", "锦州市", "古塔区"),
    "331102": ("浙江省", "丽水市", "莲都区"),
    "340202": ("安徽省", "芜湖市", "镜湖区"),
    "360203": ("江西省", "景德镇市", "珠山区"),
    "360702": ("江西省", "赣州市", "章贡区"),
    "370211": ("山东省", "青岛市", "黄岛区"),
    "370705": ("山东省", "潍坊市", "奎文区"),
    "410305": ("河南省", "洛阳市", "涧西区"),
    "411402": ("河南省", "商丘市", "梁园区"),
    "420302": ("湖北省", "十堰市", "茅箭区"),
    "430703": ("湖南省", "常德市", "鼎城区"),
    "451002": ("广西壮族自治区", "百色市", "右江区"),
    "469006": ("海南省", "万宁市", None),
    "510603": ("四川省", "德阳市", "旌阳区"),
    "520201": ("贵州省", "六盘水市", "钟山区"),
    "530112": ("云南省", "昆明市", "西山区"),
    "532301": ("云南省", "楚雄彝族自治州", "楚雄市"),
    "610302": ("陕西省", "宝鸡市", "渭滨区"),
    "620902": ("甘肃省", "酒泉市", "肃州区"),
    "630104": ("青海省", "西宁市", "城西区"),
    "630202": ("青海省", "海东市", "乐都区"),
    "640402": ("宁夏回族自治区", "固原市", "原州区"),
    "652801": ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "库尔勒市"),
    "654002": ("新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市"),
    # added for heldout6 (codes from the national administrative-division list, general knowledge)
    "120102": ("天津市", "天津市", "河东区"),
    "130304": ("河北省", "秦皇岛市", "北戴河区"),
    "140728": ("山西省", "晋中市", "平遥县"),
    "150702": ("内蒙古自治区", "呼伦贝尔市", "海拉尔区"),
    "210213": ("辽宁省", "大连市", "金州区"),
    "230202": ("黑龙江省", "齐齐哈尔市", "龙沙区"),
    "232701": ("黑龙江省", "大兴安岭地区", "漠河市"),
    "310113": ("上海市", "上海市", "宝山区"),
    "320105": ("江苏省", "南京市", "建邺区"),
    "330105": ("浙江省", "杭州市", "拱墅区"),
    "341023": ("安徽省", "黄山市", "黟县"),
    "371082": ("山东省", "威海市", "荣成市"),
    "410782": ("河南省", "新乡市", "辉县市"),
    "411624": ("河南省", "周口市", "沈丘县"),
    "411625": ("河南省", "周口市", "郸城县"),
    "420115": ("湖北省", "武汉市", "江夏区"),
    "420527": ("湖北省", "宜昌市", "秭归县"),
    "430202": ("湖南省", "株洲市", "荷塘区"),
    "433101": ("湖南省", "湘西土家族苗族自治州", "吉首市"),
    "450921": ("广西壮族自治区", "玉林市", "容县"),
    "460202": ("海南省", "三亚市", "海棠区"),
    "510302": ("四川省", "自贡市", "自流井区"),
    "511181": ("四川省", "乐山市", "峨眉山市"),
    "513225": ("四川省", "阿坝藏族羌族自治州", "九寨沟县"),
    "522634": ("贵州省", "黔东南苗族侗族自治州", "雷山县"),
    "532503": ("云南省", "红河哈尼族彝族自治州", "蒙自市"),
    "540202": ("西藏自治区", "日喀则市", "桑珠孜区"),
    "620723": ("甘肃省", "张掖市", "临泽县"),
    "632521": ("青海省", "海南藏族自治州", "共和县"),
    "640105": ("宁夏回族自治区", "银川市", "西夏区"),
    # added for heldout7 (codes from the national administrative-division list, general knowledge)
    "120105": ("天津市", "天津市", "河北区"),
    "130283": ("河北省", "唐山市", "迁安市"),
    "130681": ("河北省", "保定市", "涿州市"),
    "130802": ("河北省", "承德市", "双桥区"),
    "130903": ("河北省", "沧州市", "运河区"),
    "140502": ("山西省", "晋城市", "城区"),
    "140602": ("山西省", "朔州市", "朔城区"),
    "141182": ("山西省", "吕梁市", "汾阳市"),
    "152502": ("内蒙古自治区", "锡林郭勒盟", "锡林浩特市"),
    "210112": ("辽宁省", "沈阳市", "浑南区"),
    "210402": ("辽宁省", "抚顺市", "新抚区"),
    "220322": ("吉林省", "四平市", "梨树县"),
    "220721": ("吉林省", "松原市", "前郭尔罗斯蒙古族自治县"),
    "230109": ("黑龙江省", "哈尔滨市", "松北区"),
    "231083": ("黑龙江省", "牡丹江市", "海林市"),
    "310109": ("上海市", "上海市", "虹口区"),
    "320113": ("江苏省", "南京市", "栖霞区"),
    "320115": ("江苏省", "南京市", "江宁区"),
    "320509": ("江苏省", "苏州市", "吴江区"),
    "320812": ("江苏省", "淮安市", "清江浦区"),
    "320981": ("江苏省", "盐城市", "东台市"),
    "321182": ("江苏省", "镇江市", "扬中市"),
    "321302": ("江苏省", "宿迁市", "宿城区"),
    "330113": ("浙江省", "杭州市", "临平区"),
    "330206": ("浙江省", "宁波市", "北仑区"),
    "330402": ("浙江省", "嘉兴市", "南湖区"),
    "330411": ("浙江省", "嘉兴市", "秀洲区"),
    "330502": ("浙江省", "湖州市", "吴兴区"),
    "330603": ("浙江省", "绍兴市", "柯桥区"),
    "331082": ("浙江省", "台州市", "临海市"),
    "340207": ("安徽省", "芜湖市", "鸠江区"),
    "340403": ("安徽省", "淮南市", "田家庵区"),
    "341221": ("安徽省", "阜阳市", "临泉县"),
    "341602": ("安徽省", "亳州市", "谯城区"),
    "350211": ("福建省", "厦门市", "集美区"),
    "350322": ("福建省", "莆田市", "仙游县"),
    "350526": ("福建省", "泉州市", "德化县"),
    "350603": ("福建省", "漳州市", "龙文区"),
    "360113": ("江西省", "南昌市", "红谷滩区"),
    "360402": ("江西省", "九江市", "濂溪区"),
    "360502": ("江西省", "新余市", "渝水区"),
    "360902": ("江西省", "宜春市", "袁州区"),
    "361130": ("江西省", "上饶市", "婺源县"),
    "370303": ("山东省", "淄博市", "张店区"),
    "370502": ("山东省", "东营市", "东营区"),
    "370883": ("山东省", "济宁市", "邹城市"),
    "410302": ("河南省", "洛阳市", "老城区"),
    "410781": ("河南省", "新乡市", "卫辉市"),
    "411522": ("河南省", "信阳市", "光山县"),
    "411722": ("河南省", "驻马店市", "上蔡县"),
    "420103": ("湖北省", "武汉市", "江汉区"),
    "420303": ("湖北省", "十堰市", "张湾区"),
    "420802": ("湖北省", "荆门市", "东宝区"),
    "420902": ("湖北省", "孝感市", "孝南区"),
    "422823": ("湖北省", "恩施土家族苗族自治州", "巴东县"),
    "430102": ("湖南省", "长沙市", "芙蓉区"),
    "430422": ("湖南省", "衡阳市", "衡南县"),
    "430802": ("湖南省", "张家界市", "永定区"),
    "430902": ("湖南省", "益阳市", "资阳区"),
    "431322": ("湖南省", "娄底市", "新化县"),
    "440402": ("广东省", "珠海市", "香洲区"),
    "440605": ("广东省", "佛山市", "南海区"),
    "440705": ("广东省", "江门市", "新会区"),
    "440902": ("广东省", "茂名市", "茂南区"),
    "440981": ("广东省", "茂名市", "高州市"),
    "450107": ("广西壮族自治区", "南宁市", "西乡塘区"),
    "450204": ("广西壮族自治区", "柳州市", "柳南区"),
    "451228": ("广西壮族自治区", "河池市", "都安瑶族自治县"),
    "451421": ("广西壮族自治区", "崇左市", "扶绥县"),
    "460107": ("海南省", "海口市", "琼山区"),
    "500107": ("重庆市", "重庆市", "九龙坡区"),
    "500156": ("重庆市", "重庆市", "武隆区"),
    "510115": ("四川省", "成都市", "温江区"),
    "511323": ("四川省", "南充市", "蓬安县"),
    "511402": ("四川省", "眉山市", "东坡区"),
    "511503": ("四川省", "宜宾市", "南溪区"),
    "511702": ("四川省", "达州市", "通川区"),
    "520525": ("贵州省", "毕节市", "纳雍县"),
    "530627": ("云南省", "昭通市", "镇雄县"),
    "540502": ("西藏自治区", "山南市", "乃东区"),
    "610629": ("陕西省", "延安市", "洛川县"),
    "610722": ("陕西省", "汉中市", "城固县"),
    "620826": ("甘肃省", "平凉市", "静宁县"),
    "623024": ("甘肃省", "甘南藏族自治州", "迭部县"),
    "630223": ("青海省", "海东市", "互助土族自治县"),
    "640422": ("宁夏回族自治区", "固原市", "西吉县"),
    "640502": ("宁夏回族自治区", "中卫市", "沙坡头区"),
    "650109": ("新疆维吾尔自治区", "乌鲁木齐市", "米东区"),
    "650502": ("新疆维吾尔自治区", "哈密市", "伊州区"),
    "654321": ("新疆维吾尔自治区", "阿勒泰地区", "布尔津县"),
}

# Hospital values allowed: big well-known grade-3 hospitals in the largest cities, official names.
HOSPITALS = {
    "中国医学科学院北京协和医院",
    "四川大学华西医院",
    "中南大学湘雅医院",
    "中南大学湘雅二医院",
    "山东大学齐鲁医院",
    "浙江大学医学院附属第一医院",
    "浙江大学医学院附属第二医院",
    "浙江大学医学院附属邵逸夫医院",
    "上海交通大学医学院附属瑞金医院",
    "上海市第六人民医院",
    "北京大学第三医院",
    "中山大学附属第一医院",
    "空军军医大学第一附属医院",
    "华中科技大学同济医学院附属同济医院",
    "华中科技大学同济医学院附属协和医院",
    "复旦大学附属华山医院",
    "复旦大学附属中山医院",
    "中国人民解放军总医院",
    "北京积水潭医院",
    "南京大学医学院附属鼓楼医院",
    "天津医科大学总医院",
    "重庆医科大学附属第一医院",
    "陆军军医大学第一附属医院",
    "广东省人民医院",
    "北京大学深圳医院",
    "苏州大学附属第一医院",
    "青岛大学附属医院",
    # added for heldout2: grade-3 (三级甲等) hospitals, full official names
    "中南大学湘雅三医院",
    "中国医学科学院阜外医院",
    "中国医科大学附属第一医院",
    "兰州大学第一医院",
    "兰州大学第二医院",
    "南昌大学第一附属医院",
    "厦门大学附属第一医院",
    "吉林大学白求恩第一医院",
    "哈尔滨医科大学附属第一医院",
    "四川省人民医院",
    "大连医科大学附属第一医院",
    "宁夏医科大学总医院",
    "宁波市第一医院",
    "山西医科大学第一医院",
    "川北医学院附属医院",
    "广州市妇女儿童医疗中心",
    "广西医科大学第一附属医院",
    "延边大学附属医院",
    "新疆医科大学第一附属医院",
    "新疆维吾尔自治区人民医院",
    "昆明医科大学第一附属医院",
    "江苏省人民医院",
    "河北医科大学第二医院",
    "河南省肿瘤医院",
    "浙江大学医学院附属第四医院",
    "海南省人民医院",
    "深圳市儿童医院",
    "温州医科大学附属眼视光医院",
    "福建医科大学附属协和医院",
    "福建省立医院",
    "西安交通大学第一附属医院",
    "西藏自治区人民医院",
    "贵州医科大学附属医院",
    "遵义医科大学附属医院",
    "郑州大学第一附属医院",
    "青海大学附属医院",
    "首都医科大学附属北京天坛医院",
    "首都医科大学附属北京安贞医院",
    # added for heldout3: grade-3 hospitals, full official names (one name each where a hospital has two)
    "上海交通大学医学院附属新华医院",
    "中国医科大学附属盛京医院",
    "中国福利会国际和平妇幼保健院",
    "中山大学孙逸仙纪念医院",
    "中山大学肿瘤防治中心",
    "临沂市人民医院",
    "佛山市第一人民医院",
    "包头市中心医院",
    "北京大学人民医院",
    "北京大学口腔医院",
    "南华大学附属第一医院",
    "南方医科大学南方医院",
    "南通大学附属医院",
    "哈尔滨医科大学附属第二医院",
    "唐山市工人医院",
    "喀什地区第一人民医院",
    "四川大学华西第二医院",
    "复旦大学附属儿科医院",
    "复旦大学附属妇产科医院",
    "复旦大学附属肿瘤医院",
    "大庆油田总医院",
    "大理大学第一附属医院",
    "天津市天津医院",
    "安徽医科大学第一附属医院",
    "广西壮族自治区人民医院",
    "延安大学附属医院",
    "徐州医科大学附属医院",
    "无锡市人民医院",
    "武汉大学中南医院",
    "汕头大学医学院第一附属医院",
    "江西省人民医院",
    "河南省人民医院",
    "泉州市第一医院",
    "浙江大学医学院附属儿童医院",
    "深圳市人民医院",
    "温州医科大学附属第一医院",
    "湖南省人民医院",
    "湛江中心人民医院",
    "烟台毓璜顶医院",
    "甘肃省人民医院",
    "福建医科大学附属第一医院",
    "绵阳市中心医院",
    "襄阳市中心医院",
    "西南医科大学附属医院",
    "西安交通大学第二附属医院",
    "贵州省人民医院",
    "重庆医科大学附属儿童医院",
    "重庆大学附属三峡医院",
    "陆军军医大学第二附属医院",
    "青海省人民医院",
    "首都医科大学宣武医院",
    "首都医科大学附属北京儿童医院",
    # added for heldout4: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "东南大学附属中大医院",
    "东莞市人民医院",
    "中山市人民医院",
    "临汾市中心医院",
    "乐山市人民医院",
    "云南省第一人民医院",
    "伊犁哈萨克自治州友谊医院",
    "六安市人民医院",
    "内蒙古医科大学附属医院",
    "厦门大学附属中山医院",
    "吉林大学中日联谊医院",
    "吉林市中心医院",
    "周口市中心医院",
    "哈尔滨医科大学附属肿瘤医院",
    "大连医科大学附属第二医院",
    "天津市儿童医院",
    "天津市胸科医院",
    "宜昌市中心人民医院",
    "山东省立医院",
    "山西医科大学第二医院",
    "常州市第一人民医院",
    "广西壮族自治区妇幼保健院",
    "曲靖市第一人民医院",
    "杭州市第一人民医院",
    "柳州市工人医院",
    "江西省儿童医院",
    "河北医科大学第三医院",
    "河北大学附属医院",
    "济宁医学院附属医院",
    "温州医科大学附属第二医院",
    "漯河市中心医院",
    "盐城市第一人民医院",
    "绍兴市人民医院",
    "聊城市人民医院",
    "苏州大学附属儿童医院",
    "邯郸市中心医院",
    "齐齐哈尔市第一医院",
    # added for heldout5: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "上海交通大学医学院附属上海儿童医学中心",
    "上海交通大学医学院附属仁济医院",
    "北海市人民医院",
    "南昌大学第二附属医院",
    "南阳市中心医院",
    "吉林大学第二医院",
    "商丘市第一人民医院",
    "四川省肿瘤医院",
    "天水市第一人民医院",
    "宝鸡市中心医院",
    "巴音郭楞蒙古自治州人民医院",
    "德阳市人民医院",
    "成都市第三人民医院",
    "楚雄彝族自治州人民医院",
    "江苏省苏北人民医院",
    "河北省儿童医院",
    "河南科技大学第一附属医院",
    "湖南省儿童医院",
    "潍坊市人民医院",
    "福建医科大学附属第二医院",
    "赤峰市医院",
    "郴州市第一人民医院",
    "锦州医科大学附属第一医院",
    "阜阳市人民医院",
    "丽水市中心医院",
    "首都医科大学附属北京朝阳医院",
    "香港大学深圳医院",
    "哈尔滨医科大学附属第四医院",
    # added for heldout6: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "三亚市人民医院",
    "上海市第十人民医院",
    "九江市第一人民医院",
    "内蒙古自治区人民医院",
    "天津市第一中心医院",
    "威海市立医院",
    "安康市中心医院",
    "安徽医科大学第二附属医院",
    "山东大学第二医院",
    "广东省中医院",
    "昆山市第一人民医院",
    "株洲市中心医院",
    "榆林市第一医院",
    "河北医科大学第四医院",
    "琼海市人民医院",
    "自贡市第一人民医院",
    "荆州市第一人民医院",
    "赣州市人民医院",
    "鄂尔多斯市中心医院",
    "黄山市人民医院",
    # added for heldout7: grade-3 hospitals, full official names (the commonly used one where a hospital has two)
    "三门峡市中心医院",
    "上海市第一人民医院",
    "东营市人民医院",
    "中卫市人民医院",
    "中山大学附属第三医院",
    "中日友好医院",
    "九江学院附属医院",
    "亳州市人民医院",
    "佛山市南海区人民医院",
    "信阳市中心医院",
    "南京市第一医院",
    "南宁市第一人民医院",
    "南平市第一医院",
    "厦门大学附属心血管病医院",
    "吉林省肿瘤医院",
    "哈密市中心医院",
    "嘉兴市第一医院",
    "四川省骨科医院",
    "四平市中心人民医院",
    "固原市人民医院",
    "天津医科大学肿瘤医院",
    "娄底市中心医院",
    "孝感市中心医院",
    "宁夏回族自治区人民医院",
    "宁波市第六医院",
    "安阳市肿瘤医院",
    "宜宾市第一人民医院",
    "宜春市人民医院",
    "山东第一医科大学第一附属医院",
    "山南市人民医院",
    "平凉市人民医院",
    "广州市第八人民医院",
    "广西医科大学附属肿瘤医院",
    "张家界市人民医院",
    "德州市人民医院",
    "恩施土家族苗族自治州中心医院",
    "承德医学院附属医院",
    "新乡医学院第一附属医院",
    "昆明医科大学第二附属医院",
    "晋城市人民医院",
    "柳州市人民医院",
    "武汉市中心医院",
    "毕节市第一人民医院",
    "汉中市中心医院",
    "江苏省肿瘤医院",
    "江门市中心医院",
    "沧州市中心医院",
    "泰安市中心医院",
    "洛阳市中心医院",
    "浙江省台州医院",
    "浙江省肿瘤医院",
    "海口市人民医院",
    "淄博市中心医院",
    "淮安市第一人民医院",
    "湖州市中心医院",
    "漳州市医院",
    "牡丹江医学院附属红旗医院",
    "珠海市人民医院",
    "甘南藏族自治州人民医院",
    "皖南医学院弋矶山医院",
    "眉山市人民医院",
    "空军军医大学第二附属医院",
    "茂名市人民医院",
    "荆门市人民医院",
    "莆田学院附属医院",
    "达州市中心医院",
    "通辽市医院",
    "郑州大学第三附属医院",
    "重庆医科大学附属第二医院",
    "重庆市人民医院",
    "锡林郭勒盟医院",
    "镇江市第一人民医院",
    "长沙市中心医院",
    "青岛市市立医院",
    "驻马店市中心医院",
    "高州市人民医院",
    "黑龙江省医院",
}

# Mobile prefixes (3 digits) in use in mainland China.
MOBILE_PREFIXES = (
    {f"13{d}" for d in range(10)}
    | {"145", "147", "149"}
    | {f"15{d}" for d in "012356789"}
    | {"162", "165", "166", "167"}
    | {f"17{d}" for d in "012345678"}
    | {f"18{d}" for d in range(10)}
    | {"190", "191", "192", "193", "195", "196", "197", "198", "199"}
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
ICD_RE = re.compile(r"^[A-Z][0-9]{2}$")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")

# Lunar-calendar holidays needed by the date cross-check (大年初一, 除夕, 大年初N, 正月十五).
SPRING_FESTIVAL = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17)}
# (added for heldout3) other lunar / solar-term days by Gregorian year (from a lunar calendar table).
# 腊八 and 腊月二十三 fall in January/February of the Gregorian year after their lunar year.
OTHER_HOLIDAYS = {
    "清明": {2025: date(2025, 4, 4), 2026: date(2026, 4, 5)},
    "端午": {2024: date(2024, 6, 10), 2025: date(2025, 5, 31), 2026: date(2026, 6, 19)},
    "中秋": {2024: date(2024, 9, 17), 2025: date(2025, 10, 6), 2026: date(2026, 9, 25)},
    "腊八": {2025: date(2025, 1, 7), 2026: date(2026, 1, 26)},
    "腊月二十三": {2025: date(2025, 1, 22), 2026: date(2026, 2, 10)},
    # (added for heldout4) winter solstice
    "冬至": {2025: date(2025, 12, 21), 2026: date(2026, 12, 22)},
    # (added for heldout5) 七夕 = 7th of the 7th lunar month, 重阳 = 9th of the 9th lunar month
    "七夕": {2025: date(2025, 8, 29), 2026: date(2026, 8, 19)},
    "重阳": {2025: date(2025, 10, 29), 2026: date(2026, 10, 18)},
    # (added for heldout6, from lunar_python) 小年 as in the north (腊月二十三), and two plain lunar days
    "小年": {2025: date(2025, 1, 22), 2026: date(2026, 2, 10)},
    "腊月十八": {2025: date(2025, 1, 17), 2026: date(2026, 2, 5)},
    "正月初六": {2025: date(2025, 2, 3), 2026: date(2026, 2, 22)},
    # (added for heldout7, from lunar_python) solar terms, 龙抬头 (二月二), 七月半 (中元, 7/15 lunar),
    # and 母亲节 (second Sunday of May)
    "大寒": {2025: date(2025, 1, 20), 2026: date(2026, 1, 20)},
    "龙抬头": {2025: date(2025, 3, 1), 2026: date(2026, 3, 20)},
    "立夏": {2025: date(2025, 5, 5), 2026: date(2026, 5, 5)},
    "母亲节": {2025: date(2025, 5, 11), 2026: date(2026, 5, 10)},
    "处暑": {2025: date(2025, 8, 23), 2026: date(2026, 8, 23)},
    "七月半": {2025: date(2025, 9, 6), 2026: date(2026, 8, 27)},
    "霜降": {2025: date(2025, 10, 23), 2026: date(2026, 10, 23)},
    "立冬": {2025: date(2025, 11, 7), 2026: date(2026, 11, 7)},
}


# ------------------------------------------------------------------ helpers
def id_check_digit(first17: str) -> str:
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def parse_iso(value: Any) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


CN_DIGIT = {
    "零": "0",
    "〇": "0",
    "洞": "0",
    "一": "1",
    "幺": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "x": "X",
}


def digits_view(text: str) -> str:
    """Text with spoken digits mapped to 0-9 and separators removed (for substring checks)."""
    out = []
    for ch in text:
        if ch in " \t\n,，、.。…-—–:：;；!！?？":
            continue
        out.append(CN_DIGIT.get(ch, ch))
    return "".join(out)


def cn_number(s: str) -> int:
    """Small Chinese or Arabic number (1-31, or a digit-by-digit year)."""
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGIT for c in s) and len(s) >= 3:  # 二零二六
        return int("".join(CN_DIGIT[c] for c in s))
    vals = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if s == "十":
        return 10
    if "十" in s:
        a, b = s.split("十", 1)
        return (vals[a] if a else 1) * 10 + (vals[b] if b else 0)
    return vals[s]


WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
NUM = r"[0-9]{1,2}|[一二两三四五六七八九十]{1,3}"


def date_candidates(text: str, ref: date) -> set[date]:
    """Resolve the common relative/absolute date expressions found in text against ref."""
    found: set[date] = set()
    monday = ref - timedelta(days=ref.weekday())

    def add(d: date | None) -> None:
        if d is not None:
            found.add(d)

    for m in re.finditer(r"(大前天|前天|昨天|昨儿|今天|今儿)", text):
        w = m.group(1)
        add(ref - timedelta(days={"大前天": 3, "前天": 2, "昨天": 1, "昨儿": 1, "今天": 0, "今儿": 0}[w]))
    for m in re.finditer(r"(上上|上|这|本)个?(?:周|礼拜|星期)([一二三四五六日天])", text):
        off = {"上上": -2, "上": -1, "这": 0, "本": 0}[m.group(1)]
        add(monday + timedelta(weeks=off, days=WEEKDAY[m.group(2)]))
    for m in re.finditer(rf"(这个月|本月|上个月)({NUM})[号日]", text):
        first = ref.replace(day=1)
        if m.group(1) == "上个月":
            first = (first - timedelta(days=1)).replace(day=1)
        with contextlib.suppress(ValueError):
            add(first.replace(day=cn_number(m.group(2))))
    # (added for heldout5) a weekday without 上/这/本/下 (周三, 礼拜四, 星期天) = the most recent such day before ref;
    # a bare day of month (十五号, 6号; not 月N号, not 3号线/2号床) = that day of this month, else of last month.
    for m in re.finditer(r"(上上|上|这|本|下)?个?(?:周|礼拜|星期)([一二三四五六日天])", text):
        if m.group(1) is None:
            back = (ref.weekday() - WEEKDAY[m.group(2)]) % 7 or 7
            add(ref - timedelta(days=back))
    for m in re.finditer(rf"(?<![0-9月一二两三四五六七八九十幺洞零〇])({NUM})号(?![楼线床门院室码])", text):
        day = cn_number(m.group(1))
        with contextlib.suppress(ValueError):
            d = ref.replace(day=day)
            if d > ref:
                raise ValueError
            add(d)
            continue
        with contextlib.suppress(ValueError):
            add((ref.replace(day=1) - timedelta(days=1)).replace(day=day))
    if re.search(r"上个?月底", text):
        add(ref.replace(day=1) - timedelta(days=1))
    for m in re.finditer(rf"(?:([0-9]{{4}}|[零〇一二三四五六七八九]{{4}})年)?({NUM})月({NUM})[号日]", text):
        try:
            month, day = cn_number(m.group(2)), cn_number(m.group(3))
            if m.group(1):
                add(date(cn_number(m.group(1)), month, day))
            else:
                d = date(ref.year, month, day)
                add(d if d <= ref else date(ref.year - 1, month, day))
        except (ValueError, KeyError):
            pass
    for word, (mo, dy) in {"元旦": (1, 1), "国庆": (10, 1), "情人节": (2, 14), "五一": (5, 1),
                              # (added for heldout4)
                              "三八节": (3, 8), "儿童节": (6, 1), "双十一": (11, 11),
                              # (added for heldout7)
                              "建军节": (8, 1), "教师节": (9, 10), "圣诞": (12, 25)}.items():
        if word in text:
            year = ref.year - 1 if ("去年" + word) in text else ref.year
            d = date(year, mo, dy)
            add(d if d <= ref else date(year - 1, mo, dy))
    if "大年初一" in text or "春节" in text:
        year = ref.year - 1 if "去年" in text else ref.year
        sf = SPRING_FESTIVAL.get(year)
        if sf is not None and sf > ref:
            sf = SPRING_FESTIVAL.get(year - 1)
        add(sf)
    # (added for heldout2) 前儿/前儿个 = 前天; days counted from Spring Festival:
    # 除夕 = day before, 大年初N = day N, 正月十五/元宵节 = day 15 of the first lunar month.
    for _ in re.finditer(r"(?<!大)前儿", text):
        add(ref - timedelta(days=2))
    # (added for heldout3) dialect day words: 大前儿 = 大前天, 前日 (Cantonese) = 前天, 昨个/昨暝 = 昨天;
    # and the OTHER_HOLIDAYS days (去年X = last year's)
    for m in re.finditer(r"(大前儿|前日|昨个|昨暝)", text):
        add(ref - timedelta(days={"大前儿": 3, "前日": 2, "昨个": 1, "昨暝": 1}[m.group(1)]))
    for word, by_year in OTHER_HOLIDAYS.items():
        if word in text:
            year = ref.year - 1 if ("去年" + word) in text else ref.year
            d = by_year.get(year)
            if d is not None and d > ref:
                d = by_year.get(year - 1)
            add(d)
    lunar: list[int] = []
    if "除夕" in text:
        lunar.append(-1)
    lunar += [cn_number(m.group(1)) - 1 for m in re.finditer(r"大年初([一二三四五六七八九十])", text)]
    if "正月十五" in text or "元宵" in text:
        lunar.append(14)
    for off in lunar:
        year = ref.year - 1 if "去年" in text else ref.year
        sf = SPRING_FESTIVAL.get(year)
        if sf is not None and sf + timedelta(days=off) > ref:
            sf = SPRING_FESTIVAL.get(year - 1)
        if sf is not None:
            add(sf + timedelta(days=off))
    return found


# ------------------------------------------------------------------ slot checks
class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def note(self, where: str, msg: str) -> None:
        self.notes.append(f"{where}: {msg}")


def check_id(v: Any, ref: date, where: str, rep: Report) -> None:
    if not isinstance(v, str) or not re.fullmatch(r"\d{17}[\dX]", v):
        rep.err(where, f"insured_id format {v!r}")
        return
    if v[:6] not in REGIONS or v[4:6] == "00":
        rep.err(where, f"insured_id area code {v[:6]} not a known county-level code")
    try:
        birth = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        rep.err(where, f"insured_id birth date {v[6:14]} invalid")
        return
    age = (ref - birth).days / 365.25
    if not 0 <= age <= 105:
        rep.err(where, f"insured_id birth date {birth} implausible (age {age:.1f})")
    if id_check_digit(v[:17]) != v[17]:
        rep.err(where, f"insured_id check digit: want {id_check_digit(v[:17])}, have {v[17]}")


def check_phone(v: Any, where: str, rep: Report) -> None:
    if not isinstance(v, str) or not re.fullmatch(r"1\d{10}", v) or v[:3] not in MOBILE_PREFIXES:
        rep.err(where, f"contact_phone {v!r} not a valid mobile number")


def check_place(v: Any, where: str, rep: Report) -> None:
    if not isinstance(v, dict) or set(v) != {"province", "city", "district"}:
        rep.err(where, f"accident_place shape {v!r}")
        return
    p, c, d = v["province"], v["city"], v["district"]
    if p not in PROVINCES:
        rep.err(where, f"province {p!r} not an official provincial name")
    if p in MUNICIPALITIES and c != p:
        rep.err(where, f"municipality city should be {p!r}, got {c!r}")
    if not isinstance(c, str) or not c:
        rep.err(where, "city missing")
    if d is not None and not isinstance(d, str):
        rep.err(where, "district must be a string or null")
    known = set(REGIONS.values())
    if d is None:
        if not any(k[0] == p and k[1] == c for k in known):
            rep.err(where, f"unknown province/city {p}/{c}")
    elif (p, c, d) not in known:
        rep.err(where, f"unknown place {p}/{c}/{d}")


def check_slot(slot: str, v: Any, ref: date, where: str, rep: Report) -> None:
    w = f"{where}.{slot}"
    if slot == "relation":
        if v not in RELATIONS:
            rep.err(w, f"{v!r} not in {sorted(RELATIONS)}")
    elif slot == "insured_name":
        if not isinstance(v, str) or not NAME_RE.match(v):
            rep.err(w, f"{v!r} is not a 2-4 character Chinese name")
    elif slot == "insured_id":
        check_id(v, ref, w, rep)
    elif slot == "contact_phone":
        check_phone(v, w, rep)
    elif slot == "accident_date":
        d = parse_iso(v)
        if d is None:
            rep.err(w, f"{v!r} not YYYY-MM-DD")
        elif d > ref:
            rep.err(w, f"{d} is after ref_date {ref}")
        elif (ref - d).days > 730:
            rep.err(w, f"{d} more than two years before ref_date")
    elif slot == "accident_place":
        check_place(v, w, rep)
    elif slot == "cause":
        if v not in CAUSES:
            rep.err(w, f"{v!r} not in {sorted(CAUSES)}")
    elif slot == "diagnosis":
        if not isinstance(v, dict) or set(v) != {"term", "icd10"}:
            rep.err(w, f"shape {v!r}")
            return
        if not isinstance(v["term"], str) or not HAN_RE.search(v["term"]):
            rep.err(w, f"term {v['term']!r} not a Chinese term")
        codes = v["icd10"]
        if not isinstance(codes, list) or not codes or len(set(codes)) != len(codes):
            rep.err(w, f"icd10 must be a non-empty list without repeats: {codes!r}")
        elif not all(isinstance(c, str) and ICD_RE.match(c) for c in codes):
            rep.err(w, f"icd10 entries must be 3-character categories: {codes!r}")
    elif slot == "treatment":
        if not isinstance(v, dict) or set(v) != {"hospital", "status"}:
            rep.err(w, f"shape {v!r}")
            return
        if v["status"] not in STATUSES:
            rep.err(w, f"status {v['status']!r} not in {sorted(STATUSES)}")
        if v["hospital"] is not None and v["hospital"] not in HOSPITALS:
            rep.err(w, f"hospital {v['hospital']!r} not in the allowed official-name list")
    else:
        rep.err(w, "unknown slot")


def check_text_consistency(slots: dict[str, Any], texts: dict[str, str], ref: date, where: str, rep: Report) -> None:
    """Labels must be findable in what the caller said (texts[slot] = the text relevant to that slot)."""

    def text_for(slot: str) -> str:
        return texts[slot]

    if "insured_id" in slots and isinstance(slots["insured_id"], str):
        v = slots["insured_id"]
        dv = digits_view(text_for("insured_id"))
        if v not in dv and not (v[17] == "X" and v[:17] in dv and "X" in dv[dv.index(v[:17]) + 17 :]):
            rep.err(where, f"insured_id {v} not found in text")
    phone = slots.get("contact_phone")
    if isinstance(phone, str) and phone not in digits_view(text_for("contact_phone")):
        rep.err(where, f"contact_phone {slots['contact_phone']} not found in text")
    name = slots.get("insured_name")
    if isinstance(name, str) and name not in text_for("insured_name"):
        rep.err(where, f"insured_name {slots['insured_name']} not found in text")
    if "accident_date" in slots:
        d = parse_iso(slots["accident_date"])
        cands = date_candidates(text_for("accident_date"), ref)
        if d is not None:
            if not cands:
                rep.note(where, f"accident_date {d} not verified (no recognised date expression)")
            elif d not in cands:
                rep.err(where, f"accident_date {d} but text resolves to {sorted(map(str, cands))}")
    h = slots.get("treatment", {}).get("hospital") if isinstance(slots.get("treatment"), dict) else None
    if h is not None and not HAN_RE.search(text_for("treatment")):
        rep.err(where, "hospital labelled but no text")


# ------------------------------------------------------------------ files
def load_jsonl(path: Path, rep: Report) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not path.exists():
        rep.err(path.name, "missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            rep.err(f"{path.name}:{n}", "blank line")
            continue
        if "\\u" in line:
            rep.err(f"{path.name}:{n}", "escaped unicode (write with ensure_ascii=False)")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            rep.err(f"{path.name}:{n}", f"bad JSON: {e}")
            continue
        if not isinstance(obj, dict):
            rep.err(f"{path.name}:{n}", "not a JSON object")
            continue
        rows.append(obj)
    return rows


def get_ref(obj: dict[str, Any], where: str, rep: Report) -> date | None:
    ref = parse_iso(obj.get("ref_date"))
    if ref is None or ref.year != 2026:
        rep.err(where, f"ref_date {obj.get('ref_date')!r} must be a 2026 YYYY-MM-DD date")
        return None
    return ref


def check_items(rep: Report, prefix: str = "heldout") -> dict[str, int]:
    items_file, expected = HERE / f"{prefix}_items.jsonl", SETS[prefix][0]
    rows = load_jsonl(items_file, rep)
    if len(rows) != expected:
        rep.err(items_file.name, f"{len(rows)} lines, expected {expected}")
    sizes = {"single(1)": 0, "short(2-4)": 0, "long(5-9)": 0}
    seen: set[str] = set()
    for n, obj in enumerate(rows, 1):
        where = f"{prefix}_items:{n}"
        if set(obj) != {"ref_date", "text", "slots"}:
            rep.err(where, f"keys {sorted(obj)}")
            continue
        ref = get_ref(obj, where, rep)
        text, slots = obj["text"], obj["slots"]
        if not isinstance(text, str) or not HAN_RE.search(text):
            rep.err(where, "text empty or not Chinese")
            continue
        if text in seen:
            rep.err(where, "duplicate text")
        seen.add(text)
        if not isinstance(slots, dict) or not slots:
            rep.err(where, "slots must be a non-empty object")
            continue
        for k in slots:
            if k not in SLOTS:
                rep.err(where, f"unknown slot {k!r}")
        if ref is None:
            continue
        for k, v in slots.items():
            if k in SLOTS:
                check_slot(k, v, ref, where, rep)
        check_text_consistency(slots, dict.fromkeys(SLOTS, text), ref, where, rep)
        k = len(slots)
        sizes["single(1)" if k == 1 else "short(2-4)" if k <= 4 else "long(5-9)"] += 1
    return sizes


def check_dialogs(rep: Report, prefix: str = "heldout") -> None:
    dialogs_file, expected = HERE / f"{prefix}_dialogs.jsonl", SETS[prefix][1]
    rows = load_jsonl(dialogs_file, rep)
    if len(rows) != expected:
        rep.err(dialogs_file.name, f"{len(rows)} lines, expected {expected}")
    for n, obj in enumerate(rows, 1):
        where = f"{prefix}_dialogs:{n}"
        if set(obj) != {"ref_date", "opening", "facts", "answers"}:
            rep.err(where, f"keys {sorted(obj)}")
            continue
        ref = get_ref(obj, where, rep)
        opening, facts, answers = obj["opening"], obj["facts"], obj["answers"]
        if not isinstance(opening, str) or not HAN_RE.search(opening):
            rep.err(where, "opening empty or not Chinese")
            continue
        if not isinstance(facts, dict) or set(facts) != set(SLOTS):
            have = sorted(facts) if isinstance(facts, dict) else facts
            rep.err(where, f"facts must have exactly the nine slots, has {have}")
            continue
        if not isinstance(answers, dict) or set(answers) != set(SLOTS):
            rep.err(where, "answers must have exactly the nine slots")
            continue
        for k, a in answers.items():
            if not isinstance(a, str) or not a.strip():
                rep.err(where, f"answer for {k} empty")
        if ref is None:
            continue
        for k, v in facts.items():
            check_slot(k, v, ref, where, rep)
        check_text_consistency(facts, {s: opening + "\n" + answers[s] for s in SLOTS}, ref, where, rep)
        # the date answer on its own must resolve to the fact (answers are relative to ref_date)
        d = parse_iso(facts["accident_date"])
        cands = date_candidates(answers["accident_date"], ref)
        if d is not None and cands and d not in cands:
            rep.err(where, f"accident_date answer resolves to {sorted(map(str, cands))}, fact {d}")


def main(argv: list[str]) -> int:
    prefixes = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--prefix"] or list(SETS)
    for prefix in prefixes:
        if prefix not in SETS:
            print(f"unknown --prefix {prefix!r}; known: {sorted(SETS)}")
            return 2
    rep = Report()
    all_sizes = {}
    for prefix in prefixes:
        all_sizes[prefix] = check_items(rep, prefix)
        check_dialogs(rep, prefix)
    for e in rep.errors:
        print("ERROR", e)
    if "--verbose" in argv:
        for x in rep.notes:
            print("note ", x)
    for prefix, sizes in all_sizes.items():
        print(f"{prefix} items by number of slots: {sizes}")
    print(f"{len(rep.errors)} errors, {len(rep.notes)} notes")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
