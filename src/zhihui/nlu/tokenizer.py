"""Chinese segmentation, synonym folding and pinyin helpers for insurance text.

Everything heavy (jieba's prefix dictionary, the user dictionary, the synonym
regex, the homophone table) is built once per process, lazily, behind a lock:
the first call costs about a second, later calls are microseconds.

The pipeline used by retrieval is :func:`canonicalize` (normalise → repair
homophone typos of insurance terms → fold synonyms) followed by
:func:`tokenize` and/or :func:`to_pinyin`.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate
from typing import Any

from zhihui.nlu.text import has_cjk, normalize

__all__ = [
    "STOP_WORDS",
    "canonicalize",
    "correct_homophones",
    "fold_synonyms",
    "get_tokenizer",
    "known_words",
    "sound_table",
    "synonym_sets",
    "to_pinyin",
    "tokenize",
]

# Function words and politeness formulas: they carry no intent. Interrogatives
# (怎么, 多少, 哪里, 多久, 为什么 ...) are deliberately kept because they separate
# "how do I ..." from "how much ..." questions about the same topic.
_STOP_TEXT = """
    的 了 吗 呢 啊 吧 呀 哦 嘛 么 啦 呗 哈 嗯 喔 哎 诶 地 得 着 过
    我 我的 我们 你 你们 您 您好 你好 他 她 它 他们 她们 咱 咱们
    请问 请 问 一下 麻烦 谢谢 感谢 帮 帮我 帮忙 给 给我 让
    想 想要 要 想问 问问 可以 能 能不能 可不可以 是 是不是 有 有没有 在 和 与 及 跟 或 或者
    就 都 也 又 再 这 那 这个 那个 这些 那些 个 些 一个 下 上 里 中
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

_DATA = "zhihui.nlu.data"
_log = logging.getLogger(__name__)


def _read_data(name: str) -> list[str]:
    try:
        text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        _log.warning("nlu data file %s missing; continuing without it", name)
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class _Resources:
    tokenizer: Any
    synonym_re: re.Pattern[str] | None
    canonical_of: dict[str, str]
    sets: tuple[tuple[str, ...], ...]
    homophones: dict[tuple[str, ...], str]
    max_term_len: int
    known_words: frozenset[str]
    homophone_starts: frozenset[str]  # first syllables of the homophone table's keys


_res: _Resources | None = None
_lock = threading.Lock()


def _load_synonyms() -> tuple[tuple[tuple[str, ...], ...], dict[str, str]]:
    sets: list[tuple[str, ...]] = []
    canonical_of: dict[str, str] = {}
    for line in _read_data("synonyms.txt"):
        words = [normalize(w) for w in line.split()]
        words = [w for w in words if len(w) >= 2]
        if not words:
            continue
        canonical = words[0]
        kept = [canonical]
        canonical_of.setdefault(canonical, canonical)
        for w in words[1:]:
            # First set wins: a phrase listed in two sets would otherwise be
            # rewritten differently depending on file order.
            if w not in canonical_of:
                canonical_of[w] = canonical
                kept.append(w)
        sets.append(tuple(kept))
    return tuple(sets), canonical_of


def _build() -> _Resources:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    dict_words: list[str] = []
    for line in _read_data("insurance_dict.txt"):
        parts = line.split()
        word = normalize(parts[0])
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 100000
        tag = parts[2] if len(parts) > 2 else None
        tk.add_word(word, freq, tag)
        dict_words.append(word)
    sets, canonical_of = _load_synonyms()
    for variant, canonical in canonical_of.items():
        # Canonical forms must come out of jieba as single tokens; multi-word
        # variants are rewritten before segmentation, so they need no entry.
        if variant == canonical and has_cjk(canonical):
            tk.add_word(canonical, 100000)
    pattern: re.Pattern[str] | None = None
    if canonical_of:
        alternatives = sorted(canonical_of, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(a) for a in alternatives))

    known = frozenset(w for w, f in tk.FREQ.items() if f > 0)
    terms = {w for w in dict_words} | {c for c in canonical_of.values()}
    table = sound_table(terms)
    max_len = max((len(k) for k in table), default=0)
    starts = frozenset(key[0] for key in table)
    return _Resources(tk, pattern, canonical_of, sets, table, max_len, known | frozenset(terms), starts)


def _resources() -> _Resources:
    global _res
    if _res is None:
        with _lock:
            if _res is None:
                _res = _build()
    return _res


def sound_table(words: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Words of two or more CJK characters by their toneless pinyin, one syllable per character; a sound that two
    of the words share is left out, since it would not tell which one was meant."""
    table: dict[tuple[str, ...], str] = {}
    shared: set[tuple[str, ...]] = set()
    for word in words:
        if len(word) < 2 or not all(has_cjk(ch) for ch in word):
            continue
        key = tuple(_raw_pinyin(word))
        if table.get(key, word) != word:
            shared.add(key)
        table[key] = word
    for key in shared:
        del table[key]
    return table


def known_words() -> frozenset[str]:
    """Every word the tokenizer's dictionary knows (jieba's own and the insurance dictionary's)."""
    return _resources().known_words


def get_tokenizer() -> Any:
    """The process-wide ``jieba.Tokenizer`` with the insurance dictionary loaded."""
    return _resources().tokenizer


@functools.lru_cache(maxsize=256)
def word_edges(text: str) -> frozenset[int]:
    """The offsets where the segmenter's words start and end in ``text``: whether a short cue found in the text
    is a word of it or straddles two ("工体" in 员工|体检, "内退" in 犹豫期内|退保)."""
    return frozenset({0, *accumulate(len(w) for w in get_tokenizer().lcut(text, HMM=True))})


def synonym_sets() -> tuple[tuple[str, ...], ...]:
    """Synonym sets as loaded (normalised, canonical first, duplicates removed)."""
    return _resources().sets


def fold_synonyms(text: str) -> str:
    """Rewrite every known variant phrase in normalised ``text`` to its canonical form."""
    res = _resources()
    if res.synonym_re is None or not text:
        return text
    return res.synonym_re.sub(lambda m: res.canonical_of[m.group(0)], text)


@functools.lru_cache(maxsize=65536)
def _segment_pinyin(segment: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    # Non-CJK runs come back one character per item so that syllables stay
    # aligned with characters (correct_homophones relies on it).
    split_chars: Any = list
    return tuple(str(s) for s in lazy_pinyin(segment, style=Style.NORMAL, errors=split_chars))


def _raw_pinyin(text: str) -> list[str]:
    """Toneless pinyin of ``text``, one item per character.

    pypinyin segments the text into phrases and converts each on its own, so we
    do the segmentation here and memoise per phrase: identical output, about
    five times faster on a knowledge base (building a 10,000-entry index spent
    a third of its time converting the same words to pinyin again and again).
    """
    return list(_text_pinyin(text))


@functools.lru_cache(maxsize=1024)
def _text_pinyin(text: str) -> tuple[str, ...]:
    # Whole texts too: homophone repair and the retrieval index convert the same question
    # (before and after canonicalisation, which mostly leaves it unchanged) one after the other.
    from pypinyin.seg.simpleseg import seg

    out: list[str] = []
    for segment in seg(text):
        out.extend(_segment_pinyin(segment))
    return tuple(out)


# Initials and finals that Mandarin speakers from the south (and ASR systems)
# confuse; folding them lets 程/成 or 因/应 match at the pinyin level.
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))


@functools.lru_cache(maxsize=4096)
def _fuzz(syllable: str) -> str:
    for a, b in _FUZZY_INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
            break
    if syllable.startswith("n"):
        syllable = "l" + syllable[1:]
    for a, b in _FUZZY_FINALS:
        if syllable.endswith(a):
            syllable = syllable[: -len(a)] + b
            break
    return syllable


def to_pinyin(text: str, fuzzy: bool = False) -> list[str]:
    """Toneless pinyin, one syllable per CJK character; ASCII characters pass through."""
    out = _raw_pinyin(text)
    return [_fuzz(s) for s in out] if fuzzy else out


def correct_homophones(text: str) -> str:
    """Replace misspelt insurance terms that sound exactly like a dictionary term.

    Speech recognition and pinyin input methods produce 附效 for 复效 or 收益人
    for 受益人. A window of characters is rewritten only if its toneless pinyin
    equals that of exactly one insurance term and the window is not itself a
    known word (so a legitimate 收益 is left alone).
    """
    res = _resources()
    if not text or not res.homophones:
        return text
    syllables = _raw_pinyin(text)
    if len(syllables) != len(text):
        # errors= splits non-CJK into characters, so lengths match; if pypinyin
        # ever disagrees, keep the text rather than misalign replacements.
        return text
    out: list[str] = []
    i = 0
    n = len(text)
    starts = res.homophone_starts
    while i < n:
        if syllables[i] not in starts:  # no term sounds like a window starting here
            out.append(text[i])
            i += 1
            continue
        replaced = False
        for size in range(min(res.max_term_len, n - i), 1, -1):
            window = text[i : i + size]
            term = res.homophones.get(tuple(syllables[i : i + size]))
            if term is None:
                continue
            if term != window and window not in res.known_words and all(has_cjk(c) for c in window):
                out.append(term)
            else:
                out.append(window)
            i += size
            replaced = True
            break
        if not replaced:
            out.append(text[i])
            i += 1
    return "".join(out)


def canonicalize(text: str) -> str:
    """Normalise, repair homophone typos of insurance terms, then fold synonyms."""
    return fold_synonyms(correct_homophones(normalize(text)))


def tokenize(text: str, drop_stopwords: bool = True) -> list[str]:
    """Segment already-canonicalised text with the insurance-aware jieba instance."""
    if not text:
        return []
    words: Iterable[str] = get_tokenizer().lcut(text, HMM=True)
    out = [w for w in (w.strip() for w in words) if w]
    if drop_stopwords:
        out = [w for w in out if w not in STOP_WORDS]
    return out
