"""Which insurance concept a question's situation points to, read from a hand-written lexicon.

Askers describe their situation instead of naming the concept an entry is written under: "我是日本人能买吗"
is about 外籍人士 insuring, "手头紧想拿点钱出来" about 保单贷款. ``data/situations.txt`` lists, per concept, the
everyday expressions that signal it. The retrieval (:mod:`zhihui.kb.retrieval`) makes the entries that name a
question's concept candidates and tells its fusion model how much of the concept each candidate names; the
question's own words are left as they are (added to them, the concept words blurred entries apart).

Expressions are matched on the canonical text, after synonym folding, so a variant already folded by
``synonyms.txt`` is not listed again. A two-character expression counts only where it starts and ends on a word
boundary of the segmented text: "内退" (early retirement) is inside "犹豫期内退保" but straddles 内|退保 there.
Longer ones are specific enough as they are, and jieba's boundaries around them are not always right ("我是日本人"
is cut 是日|本人). Matching looks up every substring of the lexicon's expression lengths in a dictionary, which
keeps it linear in the question's length whatever the lexicon's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from zhihui.nlu.tokenizer import word_edges

__all__ = ["situation_cues", "situation_lexicon"]


@dataclass(frozen=True)
class _Lexicon:
    concepts: tuple[tuple[str, tuple[str, ...]], ...]
    concept_of: dict[str, int]
    lengths: tuple[int, ...]


def _parse(lines: list[str]) -> _Lexicon:
    concepts: list[tuple[str, tuple[str, ...]]] = []
    concept_of: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head, sep, tail = line.partition(":")
        words = " ".join(head.split())
        expressions = tuple(dict.fromkeys(tail.split()))
        if not sep or not words or not expressions:
            raise ValueError(f"situations.txt line {number}: expected 'CONCEPT: expression …'")
        for expression in expressions:
            if len(expression) < 2:
                raise ValueError(f"situations.txt line {number}: '{expression}' is too short to be a cue")
            if expression in concept_of:
                raise ValueError(f"situations.txt line {number}: '{expression}' is listed twice")
            concept_of[expression] = len(concepts)
        concepts.append((words, expressions))
    lengths = tuple(sorted({len(e) for e in concept_of}, reverse=True))
    return _Lexicon(tuple(concepts), concept_of, lengths)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    text = resources.files("zhihui.nlu").joinpath("data/situations.txt").read_text(encoding="utf-8")
    return _parse(text.splitlines())


def situation_lexicon() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every concept with its expressions, in file order."""
    return _lexicon().concepts


def situation_cues(text: str) -> list[str]:
    """Concept words the text's situation points to, in order of first mention (empty when none)."""
    lex = _lexicon()
    compact = text.replace(" ", "")
    if not compact:
        return []
    found: dict[int, None] = {}
    n = len(compact)
    # Segmentation is paid only when some expression occurs at all.
    boundaries: frozenset[int] | None = None
    for start in range(n):
        for size in lex.lengths:
            if start + size > n:
                continue
            concept = lex.concept_of.get(compact[start : start + size])
            if concept is None or concept in found:
                continue
            if size > 2:
                found[concept] = None
                continue
            if boundaries is None:
                boundaries = word_edges(compact)
            if start in boundaries and start + size in boundaries:
                found[concept] = None
    return [lex.concepts[c][0] for c in found]
