"""Transfer evaluation of the KB robot: ship the real-question examples of all sets but one, ask the one left out.

    .venv/bin/python bench/kb_transfer.py [--sets demo tune train train2 train3 train4] [--set EXTERNAL_WEIGHT_RATIO=3]

The shipped examples (`src/zhihui/kb/data/fusion_examples.npz`) teach every knowledge base's fusion model and set its
thresholds. A change to the features or to how the examples are used is judged here, on questions of a knowledge
base whose examples were left out, not on the shared dev set or the blind `test` set (which stay report-only).
Prints top-1, answer rate, precision of answers and out-of-scope rejection per left-out set, and pooled.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import numpy as np

from zhihui.kb import retrieval as r

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_fusion_examples", HERE / "data/kb/make_fusion_examples.py")
assert _spec is not None and _spec.loader is not None
mfe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mfe)


def main(names: list[str], overrides: list[str], errors: Path | None = None, nested: bool = False) -> None:
    misses: list[dict[str, object]] = []
    for item in overrides:
        # "EXTERNAL_WEIGHT_RATIO=3": try another value of a constant of zhihui.kb.retrieval
        name, _, value = item.partition("=")
        old = getattr(r, name)
        setattr(r, name, value.lower() in ("1", "true") if isinstance(old, bool) else type(old)(value))
        print(f"{name} = {getattr(r, name)} (shipped: {old})")
    sets = [(kb, qs) for kb, qs in mfe.SETS if kb.exists() and (not names or mfe.set_name(kb) in names)]
    embedder = mfe.use_caching_embedder()
    print("training the e5 query map without each set …", flush=True)
    # As shipped: each set's examples computed with a map that never saw that set; the left-out set is asked with it.
    data = mfe.adapter_sets(embedder)
    without = mfe.maps_without(data)
    print("computing candidate features of every set's questions …", flush=True)
    parts = {}
    for kb, qs in sets:
        r._adapter_override = without[mfe.set_name(kb)]
        parts[mfe.set_name(kb)] = mfe.examples(kb, qs, "auto")
    embedder.save()
    n = next(iter(parts.values()))[0]
    pooled = np.zeros(6)
    print(f"{'left out':<10}{'questions':>10}{'top-1':>8}{'answer':>8}{'precision':>11}{'rejection':>11}{'thr':>8}")
    for kb_file, q_file in sets:
        held = mfe.set_name(kb_file)
        # (a transfer-only set is asked when left out but, like the shipped examples, never trains the others)
        others = [(i, p) for i, (name, p) in enumerate(parts.items()) if name != held and name not in mfe.TRANSFER_ONLY]
        if nested and r.EMBEDDING_ADAPTER:
            # The others' examples recomputed with maps that saw neither them nor the left-out set.
            others = []
            for i, (kb, qs) in enumerate(sets):
                name = mfe.set_name(kb)
                if name != held and name not in mfe.TRANSFER_ONLY:
                    r._adapter_override = mfe.train_adapter([d for o, d in data.items() if o not in (name, held)])
                    others.append((i, mfe.examples(kb, qs, "auto")))
        xs = np.vstack([p[1] for _, p in others]).astype(np.float32)
        ys = np.concatenate([p[2] for _, p in others]).astype(np.int8)
        offsets = np.cumsum([0] + [int(p[3].max()) + 1 for _, p in others[:-1]])
        qs = np.concatenate([p[3] + off for (_, p), off in zip(others, offsets, strict=True)])
        ss = np.concatenate([p[4] for _, p in others]).astype(bool)
        ks = np.concatenate([np.full(len(p[2]), i, dtype=np.int64) for i, p in others])
        r._external_cache[n] = r._External(xs, ys, qs.astype(np.int64), ss, ks)
        docs = mfe.read_docs(kb_file)
        audience_of = {d.entry_id: d.audience for d in docs}
        r._adapter_override = without[held]
        index = r.RetrievalIndex.build(docs)
        top1 = answered = correct = in_scope = oos = oos_answered = 0
        for q in mfe.read_jsonl(q_file):
            target = q.get("id")
            audience = str(q.get("audience") or (audience_of.get(str(target), "customer") if target else "customer"))
            audience = "customer" if audience == "both" else audience
            hits = index.search(str(q["q"]), audience)
            outcome = r.decide(hits, index.thresholds)
            best = hits[0].entry_id if hits else None
            if target:
                in_scope += 1
                top1 += best == target
                if best != target:
                    question_of = {d.entry_id: d.question for d in docs}
                    misses.append({"set": held, "q": q["q"], "want": question_of.get(str(target)),
                                   "got": question_of.get(str(best)), "rank": [h.entry_id for h in hits].index(target)
                                   + 1 if target in [h.entry_id for h in hits] else None})  # fmt: skip
                if outcome == "answer":
                    answered += 1
                    correct += best == target
            else:
                oos += 1
                oos_answered += outcome == "answer"
        given = answered + oos_answered
        figures = np.array([in_scope, top1, answered, correct, oos, oos_answered])
        pooled += figures
        print(
            f"{held:<10}{in_scope + oos:>10}{top1 / in_scope:>8.3f}{answered / in_scope:>8.3f}"
            f"{(correct / given if given else 1.0):>11.3f}{1 - oos_answered / max(1, oos):>11.3f}"
            f"{index.thresholds.answer:>8.3f}",
            flush=True,
        )
    r._external_cache.clear()
    r._adapter_override = None
    in_scope, top1, answered, correct, oos, oos_answered = pooled
    given = answered + oos_answered
    print(
        f"{'pooled':<10}{int(in_scope + oos):>10}{top1 / in_scope:>8.3f}{answered / in_scope:>8.3f}"
        f"{(correct / given if given else 1.0):>11.3f}{1 - oos_answered / max(1, oos):>11.3f}"
    )
    print(json.dumps({"n_features": int(n)}))
    if errors is not None:
        errors.write_text("\n".join(json.dumps(m, ensure_ascii=False) for m in misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="*", default=[])
    parser.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="try another value of a constant")
    parser.add_argument("--errors", type=Path, default=None, help="write the misses (training sets only) to a file")
    parser.add_argument(
        "--nested", action="store_true",
        help="recompute the other sets' examples with e5 query maps that never saw the left-out set either (slow)",
    )  # fmt: skip
    args = parser.parse_args()
    main(args.sets, args.set, args.errors, args.nested)
