"""Helpers of the face-verification tests: signed-in customers, synthetic frames, fixed challenges."""

from __future__ import annotations

import datetime as dt
import io
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from zhihui.identity.liveness import CHALLENGE_TTL, Challenge, LivenessAction
from zhihui.platform.auth import open_session
from zhihui.platform.db import Database

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "faces"


async def customer_headers(db: Database, customer_id: int) -> dict[str, str]:
    """Bearer header of a signed-in customer (the SMS sign-in itself is tested in tests/web)."""
    async with db.unit_of_work() as session:
        token = await open_session(session, subject_kind="customer", subject_id=customer_id, role=None, ttl_hours=1)
    return {"Authorization": f"Bearer {token}"}


def still_frames(count: int = 8, *, seed: int = 0, step_ms: int = 300) -> list[tuple[int, bytes]]:
    """A photo held still in front of the camera: one picture with a little sensor noise per frame."""
    rng = np.random.default_rng(seed)
    ramp = np.tile(np.linspace(40, 200, 320, dtype=np.float32), (240, 1))
    picture = np.stack([ramp, ramp[::-1], ramp], axis=-1)
    frames = []
    for i in range(count):
        noisy = np.clip(picture + rng.normal(0, 2, picture.shape), 0, 255).astype(np.uint8)
        buf = io.BytesIO()
        Image.fromarray(noisy).save(buf, "JPEG", quality=90)
        frames.append((300 + i * step_ms, buf.getvalue()))
    return frames


def multipart(nonce: str, frames: Sequence[tuple[int, bytes]], content_type: str = "image/jpeg") -> dict[str, Any]:
    """httpx keyword arguments for a multipart frames upload, as the H5 page sends it."""
    return {
        "data": {"nonce": nonce, "t_ms": [str(t) for t, _ in frames]},
        "files": [("frames", (f"f{i}.jpg", data, content_type)) for i, (_, data) in enumerate(frames)],
    }


def fixed_challenge(*actions: LivenessAction) -> Any:
    """A challenge factory with known actions (the shipped one draws them at random)."""

    def factory(issued: dt.datetime) -> Challenge:
        return Challenge(secrets.token_hex(16), tuple(actions), issued, issued + CHALLENGE_TTL)

    return factory
