"""Write a Y4M video for Chromium's fake camera (``--use-file-for-fake-video-capture=still.y4m``).

A still photo repeated for every frame is what a presentation attack with a printed photo looks like to
the liveness check, so browser tests can use it to prove that a static photo fails.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps


def _fit(image: Image.Image, width: int, height: int, centering: tuple[float, float]) -> NDArray[np.uint8]:
    """Scale and crop to exactly width x height (no letterbox bars)."""
    upright = ImageOps.exif_transpose(image).convert("RGB")
    fitted = ImageOps.fit(upright, (width, height), Image.Resampling.LANCZOS, centering=centering)
    return np.asarray(fitted, dtype=np.uint8)


def rgb_to_i420(rgb: NDArray[np.uint8]) -> bytes:
    """BT.601 limited-range Y'CbCr 4:2:0 planes (Y, then Cb, then Cr), as Chromium reads I420."""
    height, width = rgb.shape[:2]
    if width % 2 or height % 2:
        raise ValueError("width and height must be even for 4:2:0")
    f = rgb.astype(np.float32)
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    y = 16 + 0.257 * r + 0.504 * g + 0.098 * b
    cb = 128 - 0.148 * r - 0.291 * g + 0.439 * b
    cr = 128 + 0.439 * r - 0.368 * g - 0.071 * b

    def sub(plane: NDArray[np.float32]) -> NDArray[np.float32]:
        return plane.reshape(height // 2, 2, width // 2, 2).mean(axis=(1, 3))  # type: ignore[no-any-return]

    planes = [y, sub(cb), sub(cr)]
    return b"".join(np.clip(np.round(p), 0, 255).astype(np.uint8).tobytes() for p in planes)


def write_y4m(
    path: Path,
    photo: Path | Image.Image,
    *,
    frames: int = 45,
    width: int = 640,
    height: int = 480,
    fps: int = 15,
    noise_sigma: float = 0.0,
    seed: int = 0,
    centering: tuple[float, float] = (0.5, 0.2),
) -> Path:
    """Write ``frames`` copies of ``photo`` (optionally with Gaussian sensor-like noise) as a Y4M file.

    The photo is scaled to cover the frame and cropped; ``centering`` picks where (portraits have the face
    in their upper part, hence the default 20% from the top)."""
    if frames < 1:
        raise ValueError("frames must be >= 1")
    image = Image.open(photo) if isinstance(photo, Path) else photo
    rgb = _fit(image, width, height, centering)
    rng = np.random.default_rng(seed)
    header = f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode("ascii")
    still = rgb_to_i420(rgb)
    with open(path, "wb") as out:
        out.write(header)
        for _ in range(frames):
            out.write(b"FRAME\n")
            if noise_sigma > 0:
                noisy = np.clip(rgb + rng.normal(0, noise_sigma, rgb.shape), 0, 255).astype(np.uint8)
                out.write(rgb_to_i420(noisy))
            else:
                out.write(still)
    return path


def read_y4m(path: Path) -> tuple[dict[str, str], list[bytes]]:
    """Parse a Y4M file written above: header parameters by letter, and the raw frames."""
    data = Path(path).read_bytes()
    end = data.index(b"\n")
    magic, *params = data[:end].decode("ascii").split(" ")
    if magic != "YUV4MPEG2":
        raise ValueError("not a YUV4MPEG2 file")
    header = {p[0]: p[1:] for p in params}
    width, height = int(header["W"]), int(header["H"])
    size = width * height * 3 // 2
    frames: list[bytes] = []
    pos = end + 1
    while pos < len(data):
        line_end = data.index(b"\n", pos)
        if not data[pos:line_end].startswith(b"FRAME"):
            raise ValueError(f"bad frame marker at byte {pos}")
        frame = data[line_end + 1 : line_end + 1 + size]
        if len(frame) != size:
            raise ValueError("truncated frame")
        frames.append(frame)
        pos = line_end + 1 + size
    return header, frames
