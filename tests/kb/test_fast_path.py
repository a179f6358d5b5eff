"""The fast search path against straightforward references: posting-list scoring, the best texts of a
signal, the candidates (equal scores in text-row order) and the engine's answer cache."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from tests.kb.test_retrieval import DOCS
from zhihui.kb.engine import KbEngine
from zhihui.kb.retrieval import (
    KbDoc,
    RetrievalIndex,
    _analyze,
    _audience_mask,
    _best_rows,
    _TermIndex,
)
from zhihui.settings import Settings

PRODUCTS = ["终身寿险", "重疾险", "万能险", "年金险"]
TOPICS = ["退保", "复效", "受益人变更", "保单贷款", "地址变更"]
CHANNELS = ["官网", "微信", "柜面"]
AUDIENCES = ["customer", "agent", "both"]


def templated_docs() -> list[KbDoc]:
    """Near-identical entries: many texts score exactly alike, which is what makes ties matter."""
    docs = []
    for i, (p, t, c) in enumerate((p, t, c) for p in PRODUCTS for t in TOPICS for c in CHANNELS):
        docs.append(
            KbDoc(
                f"G{i:03d}",
                AUDIENCES[i % 3],
                f"{p}在{c}办理{t}怎么操作",
                (f"{p}{t}可以通过{c}办吗", f"在{c}上给{p}做{t}"),
            )
        )
    return docs


@pytest.fixture(scope="module")
def templated() -> RetrievalIndex:
    index = RetrievalIndex.build(templated_docs(), embedder=None)
    # Rows after the last compaction, a replaced entry and a removed one: the unusual paths.
    index.add_paraphrase("G001", "万能险退保在官网能办吗")
    index.upsert(KbDoc("G002", "agent", "终身寿险在官网办理复效要带什么", ()))
    index.remove("G004")
    return index


def dense_reference(ti: _TermIndex, ids: np.ndarray, w: np.ndarray) -> np.ndarray:
    out = np.zeros(ti.n_rows, dtype=np.float32)
    q = dict(zip(ids.tolist(), w.tolist(), strict=True))
    for r in range(ti.n_rows):
        out[r] = sum(v * q.get(t, 0.0) for t, v in zip(ti._rows_idx[r].tolist(), ti._rows_val[r].tolist(), strict=True))
    return out


@pytest.mark.parametrize("name", ["bm25", "dice", "char", "pinyin"])
def test_posting_scores_equal_a_dense_product(templated: RetrievalIndex, name: str) -> None:
    ti = templated._indexes[name]
    assert ti.n_rows > ti._main_rows  # the delta rows are covered too
    for text in ("万能险退保怎么办", "在微信上给年金险做复效", "柜面办理受益人变更要什么"):
        a = _analyze(text)
        terms = a.chars if name == "char" else a.pinyin if name == "pinyin" else a.tokens
        ids, w, _, _ = ti.query(terms)
        expected = dense_reference(ti, ids, w)
        assert np.allclose(ti.scores(ids, w), expected, atol=1e-6)
        for audience in ("customer", "agent"):
            mask = _audience_mask(templated._text_aud[: ti.n_rows], audience)
            got = ti.scores(ids, w, {"customer": 1, "agent": 2}[audience])
            # Rows of the other audience may be skipped (left at 0), the others are all scored.
            assert np.allclose(got[mask], expected[mask], atol=1e-6)


def test_best_rows_keeps_ties_in_row_order_and_skips_invisible_rows() -> None:
    scores = np.array([0.5, 0.9, 0.5, 0.0, 0.9, 0.7, 0.5, 0.95], dtype=np.float32)
    visible = np.ones(len(scores), dtype=bool)
    assert _best_rows(scores, visible, 4).tolist() == [7, 1, 4, 5]
    assert _best_rows(scores, visible, 6).tolist() == [7, 1, 4, 5, 0, 2]
    visible[7] = False
    assert _best_rows(scores, visible, 3).tolist() == [1, 4, 5]
    assert _best_rows(scores, visible, 20).tolist() == [1, 4, 5, 0, 2, 6]
    assert _best_rows(np.zeros(5, dtype=np.float32), np.ones(5, dtype=bool), 3).tolist() == []


def reference_candidates(index: RetrievalIndex, text: str, audience: str, excluded: tuple[int, ...]) -> list[int]:
    """The candidate walk done the slow way: every text scored and fully sorted, equal scores by row."""
    a = _analyze(text)
    visible, text_entry = index._visibility(audience)
    if excluded:
        visible = visible.copy()
        visible[list(excluded)] = False
    sigs = index._signal_scores(a, excluded)[0]  # audience 0: every row scored
    cand: dict[int, None] = {}
    n_text = len(text_entry)
    m = min(24, n_text)
    for s in sigs:
        s = np.where(visible, s, -1.0)
        top = np.lexsort((np.arange(n_text), -s))[:m]
        taken = 0
        for r in top:
            if s[r] <= 0:
                break
            e = int(text_entry[r])
            if e not in cand:
                cand[e] = None
                taken += 1
            elif taken == 0:
                taken = 1
            if taken >= 6:
                break
    return list(cand)


@pytest.mark.parametrize("kb", ["templated", "invented"])
def test_candidates_are_those_of_the_exhaustive_walk(templated: RetrievalIndex, kb: str) -> None:
    index = templated if kb == "templated" else RetrievalIndex.build(DOCS, embedder=None)
    rng = random.Random(3)
    texts = [d.question for d in DOCS] + [p for d in templated_docs() for p in d.paraphrases]
    for text in [*rng.sample(texts, 40), "万能险退保", "在官网办理", "怎么操作"]:
        audience = rng.choice(AUDIENCES)
        excluded = tuple(rng.sample(range(len(index._texts)), 3)) if rng.random() < 0.3 else ()
        got = index._candidates(_analyze(text), audience, excluded).entries.tolist()
        assert got == reference_candidates(index, text, audience, excluded), (text, audience, excluded)


def test_engine_caches_answers_until_the_index_changes() -> None:
    from zhihui.kb.engine import EntryView

    engine = KbEngine(Settings())
    engine.index = RetrievalIndex.build(DOCS, embedder=None)
    engine.entries = {
        d.entry_id: EntryView(d.entry_id, d.question, "答", d.audience, "faq", "", (), None, None, d.paraphrases)
        for d in DOCS
    }
    on = dt.date(2026, 3, 1)
    first = engine.search("保单借款的利息是多少", "customer", channel=None, on=on)
    again = engine.search("保单借款的利息是多少", "customer", channel=None, on=on)
    assert first == again and first[0].entry_id == "T06"
    assert (engine.cache_hits, engine.cache_misses) == (1, 1)
    again.clear()  # callers get their own list
    assert engine.search("保单借款的利息是多少", "customer", channel=None, on=on) == first
    engine.add_paraphrases("T05", ["借款利息多少钱"])
    engine.search("保单借款的利息是多少", "customer", channel=None, on=on)
    assert engine.cache_misses == 2
