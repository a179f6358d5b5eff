"""Face verification and liveness throughput on ONE core, at 640x480.

Run: .venv/bin/python bench/face.py [--rounds N]
Needs the test photos in ../shared/data/faces (next to the repository).
"""

from __future__ import annotations

import os

# One core: pin the process and keep every math library single-threaded (set before numpy/dlib load).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from zhihui.identity import face as F  # noqa: E402
from zhihui.identity.liveness import (  # noqa: E402
    CHALLENGE_TTL,
    Challenge,
    Frame,
    LandmarkLivenessProvider,
    LivenessAction,
)

FACES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "faces"


def frame_640x480(name: str) -> np.ndarray:
    """The photo cropped to 4:3 around the face (face ~1/3 of the width, like a selfie) and resized."""
    image = F.decode_image((FACES / f"{name}.jpg").read_bytes())
    box = F.analyse_face(image, encode=False, raise_on_issue=False).box
    h, w = image.shape[:2]
    cw = min(w, box.width * 3.0)
    ch = cw * 0.75
    x0 = max(0.0, min(w - cw, (box.left + box.right - cw) / 2))
    y0 = max(0.0, min(h - ch, (box.top + box.bottom - ch) / 2))
    crop = Image.fromarray(image).crop((round(x0), round(y0), round(x0 + cw), round(y0 + ch)))
    return np.asarray(crop.resize((640, 480), Image.Resampling.LANCZOS))


def jpeg(image: np.ndarray, quality: int = 90) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def timed(fn: object, rounds: int) -> float:
    assert callable(fn)
    fn()  # warm-up
    start = time.perf_counter()
    for _ in range(rounds):
        fn()
    return (time.perf_counter() - start) / rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if not FACES.is_dir():
        print(f"test photos not found in {FACES.resolve()}", file=sys.stderr)
        return 2

    start = time.perf_counter()
    F.preload_models()
    print(f"model load: {(time.perf_counter() - start) * 1000:.0f} ms (once per process)")

    obama, obama2 = frame_640x480("obama"), frame_640x480("obama2")
    models = F._get_models()
    grey = np.asarray(Image.fromarray(obama).convert("L"))
    detect = timed(lambda: F._detect(models, grey), args.rounds)
    landmarks_only = timed(lambda: F.analyse_face(obama, encode=False), args.rounds)
    full = timed(lambda: F.analyse_face(obama), args.rounds)
    print(f"per 640x480 frame: detection {detect * 1000:.1f} ms, detection + landmarks + checks "
          f"{landmarks_only * 1000:.1f} ms, + encoding {full * 1000:.1f} ms "
          f"(encoding alone ~{(full - landmarks_only) * 1000:.1f} ms)")

    ref, probe = jpeg(obama), jpeg(obama2)
    result = F.verify_faces(ref, probe)
    verify = timed(lambda: F.verify_faces(ref, probe), args.rounds)
    print(f"verify_faces (2 JPEGs 640x480, decode + 2 analyses): {verify * 1000:.1f} ms "
          f"= {1 / verify:.2f} verifications/s on one core (distance {result.distance:.3f}, match {result.match})")

    rng = np.random.default_rng(0)
    frames = [
        Frame(200 + 300 * i, jpeg(np.roll(obama, (int(rng.integers(-8, 9)), int(rng.integers(-8, 9))), (0, 1))))
        for i in range(10)
    ]
    issued = dt.datetime.now(dt.UTC)
    challenge = Challenge("bench", (LivenessAction.BLINK, LivenessAction.TURN_LEFT), issued, issued + CHALLENGE_TTL)
    provider = LandmarkLivenessProvider()
    outcome = provider.evaluate(challenge, frames, issued)
    session = timed(lambda: provider.evaluate(challenge, frames, issued), max(3, args.rounds // 4))
    print(f"liveness session (10 frames 640x480, every frame analysed and encoded): {session * 1000:.0f} ms "
          f"= {1 / session:.2f} sessions/s on one core (result: {outcome.code.value})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
