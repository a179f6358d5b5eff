"""How the signature screen (servicing/signature.py) splits synthetic drawings at a threshold.

    .venv/bin/python bench/signature_screen.py [--pairs 300] [--threshold 0.6]

Synthetic drawings only (random strokes in 2–3 character boxes, the generator of
tests/servicing/test_signature.py): each specimen against the same strokes redrawn with ~3% and ~6% wobble
(plus size, width, slant, pen and position changes), and against another random drawing. Real signatures
vary more and other hands resemble each other more than random strokes do: the figures say how the screen
behaves, not how accurate it is (docs/servicing.md).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package (the drawing generator)

from tests.servicing.test_signature import draw, redrawn, strokes

from zhihui.servicing.signature import signature_similarity


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--threshold", type=float, default=0.6)
    args = parser.parse_args()
    rng = random.Random(2025)
    scores: dict[str, list[float]] = {"same, 3% wobble": [], "same, 6% wobble": [], "different": []}
    started = time.perf_counter()
    for i in range(args.pairs):
        drawing = strokes(rng, characters=rng.randint(2, 3))
        specimen = draw(drawing)
        scores["same, 3% wobble"].append(signature_similarity(specimen, redrawn(drawing, i, wobble=3.0)))
        scores["same, 6% wobble"].append(signature_similarity(specimen, redrawn(drawing, i, wobble=6.0)))
        other = draw(strokes(rng, characters=rng.randint(2, 3)))
        scores["different"].append(signature_similarity(specimen, other))
    seconds = time.perf_counter() - started
    for name, values in scores.items():
        below = sum(v < args.threshold for v in values)
        print(f"{name:18s} min {min(values):.3f}  max {max(values):.3f}  below {args.threshold}: {below}/{len(values)}")
    print(f"{seconds / (3 * args.pairs) * 1000:.1f} ms per comparison")


if __name__ == "__main__":
    main()
