from __future__ import annotations

import pytest

from zhihui.nlu.text import MAX_CHARS, is_meaningful, normalize, to_halfwidth, to_simplified
from zhihui.nlu.tokenizer import canonicalize, correct_homophones, fold_synonyms, to_pinyin, tokenize


def test_traditional_folds_to_simplified() -> None:
    assert to_simplified("請問猶豫期內退保會扣錢嗎") == "请问犹豫期内退保会扣钱吗"


def test_fullwidth_folds_to_halfwidth() -> None:
    assert to_halfwidth("ＡＰＰ１２３　") == "APP123 "


def test_normalize_strips_punctuation_emoji_and_case() -> None:
    assert normalize("  ＡＰＰ 登錄不了！！😭😭 ") == "app登录不了"
    assert normalize("e5 app") == "e5 app"


def test_normalize_caps_length() -> None:
    assert len(normalize("保" * 10_000)) == MAX_CHARS


@pytest.mark.parametrize(
    "text",
    ["", "   ", "！！？？", "😀😀😀", "\x00\x01\x02\x89PNG\x1a\x00\x00", "a", bytes(range(256)).decode("latin-1")],
)
def test_not_meaningful(text: str) -> None:
    assert not is_meaningful(text)


@pytest.mark.parametrize("text", ["退保", "哦", "app", "怎麼復效"])
def test_meaningful(text: str) -> None:
    assert is_meaningful(text)


def test_homophone_typos_are_repaired() -> None:
    assert correct_homophones("附效要什么材料") == "复效要什么材料"
    assert correct_homophones("收益人怎么改") == "受益人怎么改"
    # A real word that merely sounds like a term is left alone.
    assert correct_homophones("万能账户收益多少") == "万能账户收益多少"


def test_synonyms_fold_to_canonical() -> None:
    assert fold_synonyms("我想把保险退了") == "我想退保"
    assert fold_synonyms("保单借款利息") == "保单贷款利息"
    assert "复效" in canonicalize("保單怎麼恢復效力")


def test_tokenize_keeps_insurance_terms_whole() -> None:
    tokens = tokenize(canonicalize("犹豫期内退保扣钱吗"))
    assert "犹豫期" in tokens and "退保" in tokens
    assert "吗" not in tokens


def test_pinyin_is_toneless_and_fuzzy() -> None:
    assert to_pinyin("复效") == ["fu", "xiao"]
    assert to_pinyin("生成", fuzzy=True) == to_pinyin("森岑", fuzzy=True)


def test_memoised_pinyin_matches_pypinyin() -> None:
    from pypinyin import Style, lazy_pinyin

    from zhihui.nlu.tokenizer import to_pinyin

    samples = ["重庆的重疾险还能重新投保吗", "银行卡还款app登录不了", "长期险的保单长什么样", "abc 12号", ""]
    for text in samples * 2:  # the second pass is served from the phrase cache
        expected = [str(s) for s in lazy_pinyin(text, style=Style.NORMAL, errors=list)]  # type: ignore[arg-type]
        assert to_pinyin(text) == expected, text


def test_literal_pattern_matches_like_a_longest_first_alternation() -> None:
    import random
    import re

    from zhihui.nlu.text import literal_pattern

    rng = random.Random(11)
    chars = "北京上海市东城区."
    for _ in range(500):
        words = {"".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice(chars + "x") for _ in range(24))
        trie = re.compile(literal_pattern(words))
        plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        assert [(m.start(), m.group(0)) for m in trie.finditer(text)] == [
            (m.start(), m.group(0)) for m in plain.finditer(text)
        ]
    assert re.compile(literal_pattern([])).search("任何") is None
