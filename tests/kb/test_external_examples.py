"""The shipped real-question examples that train the fusion model alongside the knowledge base's own."""

from __future__ import annotations

import numpy as np

from zhihui.kb import retrieval
from zhihui.kb.retrieval import KbDoc, RetrievalIndex

from .test_retrieval import DOCS


def test_examples_ship_for_both_engines() -> None:
    lexical = RetrievalIndex(None)._n_features()
    for n in (lexical, lexical + 2 * retrieval._N_SIG_FEATS):  # without and with sentence embeddings
        ext = retrieval._external_examples(n)
        assert ext is not None, n
        assert ext.x.shape == (len(ext.y), n)
        # Real questions: some candidates right, most wrong, none of it NaN.
        assert 0 < int(ext.y.sum()) < len(ext.y)
        assert np.isfinite(ext.x).all()
        # Rows come grouped by question; out-of-scope questions have no right candidate.
        spans = ext.questions()
        assert sum(b - a for a, b in spans) == len(ext.y)
        assert all(len(set(ext.query[a:b].tolist())) == 1 for a, b in spans)
        assert not any(ext.y[a:b].any() for a, b in spans if not ext.in_scope[a])
        assert any(not ext.in_scope[a] for a, _ in spans)
        # Several knowledge bases, each question asked of one.
        assert len(set(ext.source.tolist())) >= 3
        assert all(len(set(ext.source[a:b].tolist())) == 1 for a, b in spans)


def test_examples_of_another_layout_are_not_used() -> None:
    retrieval._external_cache.pop(7, None)
    assert retrieval._external_examples(7) is None


def test_examples_change_the_fusion_model_and_choose_the_thresholds() -> None:
    with_ext = RetrievalIndex.build(DOCS, embedder=None)
    without = RetrievalIndex.build(DOCS, embedder=None, external_examples=False)
    assert with_ext._fusion is not None and without._fusion is not None
    assert not np.allclose(with_ext._fusion.coef, without._fusion.coef)
    assert with_ext.search("冷静期里解约退多少", "customer")[0].entry_id == "T01"
    assert "real questions" in str(with_ext.report.extra["thresholds_from"])
    assert without.report.extra["thresholds_from"] == "held-out paraphrases"
    assert 0.02 <= with_ext.thresholds.clarify <= with_ext.thresholds.answer <= 0.99


def test_a_knowledge_base_too_small_to_learn_from_uses_the_examples() -> None:
    # One text per entry: nothing to hold out, so no fusion model can be learnt from the KB itself.
    tiny = [KbDoc("A", "customer", "保单贷款最多能借多少"), KbDoc("B", "customer", "怎么修改受益人")]
    index = RetrievalIndex.build(tiny, embedder=None)
    fallback = retrieval._default_fusion(index._n_features())
    assert index._fusion is not None
    assert not np.allclose(index._fusion.coef, fallback.coef)
    assert index.search("受益人想换一个人", "customer")[0].entry_id == "B"
    alone = RetrievalIndex.build(tiny, embedder=None, external_examples=False)
    assert alone._fusion is not None and np.allclose(alone._fusion.coef, fallback.coef)
