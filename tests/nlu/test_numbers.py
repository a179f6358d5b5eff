from zhihui.nlu.numbers import find_digit_strings, parse_amount, parse_int, spoken_digits_to_ascii


def test_spoken_digits_with_yao_dong_liang() -> None:
    assert spoken_digits_to_ascii("幺八六洞两三四") == "1860234"
    assert spoken_digits_to_ascii("〇零一") == "001"


def test_short_runs_are_words_not_digits() -> None:
    assert spoken_digits_to_ascii("等一下，两天") == "等一下，两天"


def test_grouped_phone_with_spaces_and_dashes() -> None:
    _, found = find_digit_strings("我手机 幺三七-二二四五-六六八一")
    assert [d.digits for d in found] == ["13722456681"]


def test_id_groups_joined_across_commas_but_not_id_and_phone() -> None:
    _, found = find_digit_strings("证件号三三零一零六，一九九一零二零三，四四二叉，电话18867001234")
    assert [d.digits for d in found] == ["33010619910203442X", "18867001234"]


def test_separate_numbers_stay_separate() -> None:
    _, found = find_digit_strings("身份证230102199912120017，电话13501112222")
    assert [d.digits for d in found] == ["230102199912120017", "13501112222"]


def test_quantities() -> None:
    assert parse_int("十") == 10
    assert parse_int("二十七") == 27
    assert parse_int("两万三") == 23000
    assert parse_int("三千五百") == 3500
    assert parse_int("一千零八") == 1008
    assert parse_int("狗") is None


def test_amounts() -> None:
    assert parse_amount("花了三千五百块") == 3500.0
    assert parse_amount("大概2.5万") == 25000.0
    assert parse_amount("六百元") == 600.0


def test_a_whole_mobile_said_twice_after_a_comma_stays_two_numbers() -> None:
    # Written for this test: a reporter corrects the phone and repeats the right one.
    _, found = find_digit_strings("是 137 2408 6651，137 2408 6651。")
    assert [d.digits for d in found] == ["13724086651", "13724086651"]


def test_a_short_group_before_a_month_or_a_day_is_not_joined_but_a_number_before_a_word_is() -> None:
    from zhihui.nlu.numbers import find_digit_strings

    def digits(text: str) -> list[str]:
        return [s.digits for s in find_digit_strings(text)[1]]

    assert digits("电话 181 5799 4420 5月11日 在义乌") == ["18157994420", "5", "11"]
    assert digits("身份证 110101 19900101 1234 年龄36岁") == ["110101199001011234", "36"]
    assert digits("138 0000 1111号码没错") == ["13800001111"]


def test_an_id_read_with_two_digit_groups_in_the_middle() -> None:
    from zhihui.nlu.numbers import find_digit_strings

    said = "四四幺四八幺 幺九八三 洞五 两幺 洞九三洞"
    assert [s.digits for s in find_digit_strings(said)[1]] == ["441481198305210930"]
    assert find_digit_strings("我 住 两 天 三 四 天")[1] == []


def test_a_slashed_date_after_a_mobile_is_not_joined_to_it() -> None:
    # Written for this test, not taken from an evaluation set.
    from zhihui.nlu.numbers import find_digit_strings

    assert [s.digits for s in find_digit_strings("13712345678 4/12 在工地")[1]] == ["13712345678", "4", "12"]
