"""Situations that point to an insurance concept (sentences written for these tests)."""

import pytest

from zhihui.kb.retrieval import _analyze, canonicalize
from zhihui.nlu.situations import _parse, situation_cues, situation_lexicon
from zhihui.nlu.tokenizer import fold_synonyms, tokenize


def _concepts(text: str) -> list[str]:
    return situation_cues(canonicalize(text))


@pytest.mark.parametrize(
    ("text", "concept_word"),
    [
        ("我太太是韩国人，她能做被保险人吗", "外籍人士"),
        ("家里老人想给外孙买一份重疾", "隔代投保"),
        ("最近手头紧，这份保单能不能先拿点钱出来用", "保单贷款"),
        ("下个月要搬到外省去住了，保单要不要处理", "地址"),
        ("准备去加拿大留学两年，保单怎么办", "境外"),
        ("体检查出肺上有个小结节，还能买吗", "健康告知"),
    ],
)
def test_a_described_situation_points_to_its_concept(text: str, concept_word: str) -> None:
    assert any(concept_word in words.split() for words in _concepts(text))


def test_no_situation_no_concept() -> None:
    assert _concepts("保单贷款的利率是多少") == []


def test_a_two_character_expression_must_sit_on_word_boundaries() -> None:
    # "内退" (early retirement) is inside "期内退保", straddling 内|退保.
    assert not any("年金" in words for words in _concepts("犹豫期内退保能全退吗"))
    assert any("年金" in words for words in _concepts("我明年内退，年金从几岁开始领"))


def test_a_question_carries_its_concept_words_and_an_indexed_text_does_not() -> None:
    question = _analyze("我太太是韩国人，她能做被保险人吗", question=True)
    assert set(tokenize(canonicalize("外籍人士"))) <= set(question.concepts)
    # the concept does not join the question's own words: added to them, it blurred entries apart
    assert not set(tokenize(canonicalize("外籍人士"))) & set(question.tokens)
    assert _analyze("我太太是韩国人，她能做被保险人吗").concepts == ()


def test_the_shipped_lexicon_is_well_formed() -> None:
    concepts = situation_lexicon()
    assert len(concepts) >= 40
    # Cues are matched after synonym folding: an expression that folding rewrites could never match.
    unmatched = [e for _, expressions in concepts for e in expressions if fold_synonyms(e) != e]
    assert unmatched == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["外籍人士 日本人"], "expected"),
        (["外籍人士: 日本人 外"], "too short"),
        (["外籍人士: 日本人", "境外: 日本人"], "listed twice"),
    ],
)
def test_a_malformed_lexicon_is_refused_with_its_line(lines: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _parse(lines)
