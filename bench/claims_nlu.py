"""Claim-slot extraction throughput: utterances per second of ``extract_claim_slots`` on one core.

Usage: ``python bench/claims_nlu.py [FILE] [--seconds N]``; FILE is JSONL with ``text`` and ``ref_date``
(default: the shared dev set ``../shared/data/claims/dev.jsonl`` next to the repository). The process is
pinned to one CPU where the OS allows it, and the lexicons are loaded before timing starts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from pathlib import Path

from zhihui.nlu.claim_slots import extract_claim_slots

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "claims" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--seconds", type=float, default=3.0, help="minimum time to measure")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(str(r["text"]), dt.date.fromisoformat(str(r["ref_date"]))) for r in rows]
    if not items:
        raise SystemExit(f"{args.file}: no utterances")
    for text, ref in items:  # warm-up: lexicons, regular expressions
        extract_claim_slots(text, ref)
    done = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < args.seconds:
        for text, ref in items:
            extract_claim_slots(text, ref)
        done += len(items)
    elapsed = time.perf_counter() - started
    chars = sum(len(t) for t, _ in items) / len(items)
    print(
        f"claims NLU: {done / elapsed:,.0f} utterances/s on one core "
        f"({done} extractions in {elapsed:.2f} s, {len(items)} utterances, mean {chars:.0f} chars)"
    )


if __name__ == "__main__":
    main()
