"""What the steps of one search cost on their own, in process, against the ask endpoint's budget.

    .venv/bin/python bench/kb_floor.py [--entries 10000] [--questions 2000]

The issue asks for an ask endpoint at half the bare endpoint's throughput. `bench/kb_ask.py` prints the
server time per request of both and what that leaves a search. This script times, on the same generated
knowledge base and questions (each asked once, so no answer cache helps), the library calls the retrieval
the issue describes is made of, each on its own: OpenCC folding with NFKC (`normalize`), jieba
segmentation, pypinyin, the question's character n-grams (scikit-learn's hashing) multiplied against the
index's (scipy), and one logistic-regression score of the candidates (scikit-learn's `predict_proba`, which
the engine replaces by a numpy dot), and then the engine's whole search. Each figure is the median over the
questions.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("kb_ask", HERE / "kb_ask.py")
assert _spec is not None and _spec.loader is not None
kb_ask = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kb_ask)


def median_us(fn: Callable[[str], object], texts: list[str]) -> float:
    times = []
    for text in texts:
        t0 = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def main(n_entries: int, n_questions: int) -> None:
    import scipy.sparse as sp
    from pypinyin import Style, lazy_pinyin
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression

    from zhihui.kb import retrieval as r
    from zhihui.nlu.text import normalize
    from zhihui.nlu.tokenizer import canonicalize, get_tokenizer

    entries, questions = kb_ask.generate_kb(n_entries, random.Random(7))
    docs = [
        r.KbDoc(str(e["id"]), str(e["audience"]), str(e["question"]), tuple(e["paraphrases"]),  # type: ignore[arg-type]
                str(e["category"]), str(e["answer"]))
        for e in entries
    ]  # fmt: skip
    t0 = time.perf_counter()
    index = r.RetrievalIndex.build(docs, embedder=None)
    print(f"index                 {len(docs)} entries, built in {time.perf_counter() - t0:.1f} s")
    rng = random.Random(11)
    pool = rng.sample(questions, min(n_questions, len(questions)))
    half = len(pool) // 2
    warm, texts = [q for q, _ in pool[:half]], [q for q, _ in pool[half:]]
    # Warm every library on other questions first (dictionaries load lazily on first use).
    for text in warm[:200]:
        index.search(text, "customer")
    # The whole search first: canonicalize() below would fill the per-text pinyin memo the search uses.
    whole = median_us(lambda t: index.search(t, "customer"), texts)
    tokenizer = get_tokenizer()
    canon = [canonicalize(t) for t in texts]
    vectorizer = HashingVectorizer(analyzer="char", ngram_range=(1, 2), n_features=2**18, alternate_sign=False)
    matrix = sp.csr_matrix(vectorizer.transform([d.question for d in docs]).T.tocsr())  # terms x entries
    x = np.random.default_rng(0).normal(size=(400, 61))
    model = LogisticRegression().fit(x, (x[:, 0] > 0).astype(int))
    candidates = np.random.default_rng(1).normal(size=(26, 61))
    steps: list[tuple[str, float]] = [
        ("OpenCC + NFKC (normalize)", median_us(normalize, texts)),
        ("jieba segmentation", median_us(lambda t: tokenizer.lcut(t), canon)),
        ("pypinyin (lazy_pinyin)", median_us(lambda t: lazy_pinyin(t, style=Style.NORMAL), canon)),
        ("char n-grams x index (scipy)", median_us(lambda t: vectorizer.transform([t]) @ matrix, canon)),
        ("LR over 26 candidates (sklearn)", median_us(lambda t: model.predict_proba(candidates), canon)),
    ]
    print(f"questions             {len(texts)} distinct, each asked once (median per question)")
    for name, us in steps:
        print(f"{name:<34}{us:8.1f} us")
    print(f"{'sum of these library calls':<34}{sum(us for _, us in steps):8.1f} us")
    print(f"{'the engine search (cold)':<34}{whole:8.1f} us")
    print("compare with the search budget printed by bench/kb_ask.py")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    main(args.entries, args.questions)
