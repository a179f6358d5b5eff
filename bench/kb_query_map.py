"""How well the e5 query map transfers, outside the engine: leave each training set out of the map's training in turn.

    .venv/bin/python bench/kb_query_map.py [--l2 0.01] [--temperature 0.05] [--phrasing-weight 0.3]

Prints, per left-out set, the share of its in-scope questions whose nearest phrasing (e5, centred on the knowledge
base's mean phrasing) belongs to the right entry, without the map and with a map trained on the other sets; then the
mean. The constants of `bench/data/kb/make_fusion_examples.py` were chosen with it (docs/kb.md).
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_fusion_examples", HERE / "data/kb/make_fusion_examples.py")
assert _spec is not None and _spec.loader is not None
mfe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mfe)


def nearest_phrasing_top1(m: np.ndarray, t_vecs: np.ndarray, owner: np.ndarray, q_vecs: np.ndarray,
                          label: np.ndarray) -> float:  # fmt: skip
    return float((owner[(q_vecs @ m @ t_vecs.T).argmax(axis=1)] == label).mean())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--l2", type=float, default=mfe.ADAPTER_L2)
    parser.add_argument("--temperature", type=float, default=mfe.ADAPTER_TEMPERATURE)
    parser.add_argument("--phrasing-weight", type=float, default=mfe.ADAPTER_PHRASING_WEIGHT)
    args = parser.parse_args()
    mfe.ADAPTER_L2, mfe.ADAPTER_TEMPERATURE = args.l2, args.temperature
    mfe.ADAPTER_PHRASING_WEIGHT = args.phrasing_weight
    embedder = mfe.use_caching_embedder()
    data = mfe.adapter_sets(embedder)
    embedder.save()
    without = mfe.maps_without(data)
    identity = np.eye(next(iter(data.values()))[0].shape[1])
    print(f"L2 {args.l2}, temperature {args.temperature}, phrasing weight {args.phrasing_weight}")
    print(f"{'left out':<10}{'no map':>8}{'map':>8}")
    before, after = [], []
    for name, held in data.items():
        before.append(nearest_phrasing_top1(identity, *held))
        after.append(nearest_phrasing_top1(without[name], *held))
        print(f"{name:<10}{before[-1]:>8.3f}{after[-1]:>8.3f}", flush=True)
    print(f"{'mean':<10}{np.mean(before):>8.3f}{np.mean(after):>8.3f}")


if __name__ == "__main__":
    main()
