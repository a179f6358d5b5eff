"""Action liveness on frames synthesised from real photographs (../shared/data/faces).

The "performed" actions are warps of one photo, guided by dlib's own landmarks: a piecewise-linear
horizontal warp moves the nose towards one side (a head turn), a vertical one moves it down (a nod), the
upper eyelid skin is stretched over the eye (closed eyes), and the lower face is shifted down with a dark
mouth cavity painted in (open mouth).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import random
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image, ImageDraw

pytest.importorskip("dlib", reason="dlib-bin is not installed")
if importlib.util.find_spec("face_recognition_models") is None:
    pytest.skip("face_recognition_models is not installed", allow_module_level=True)

from tests.identity.fakecam import read_y4m, write_y4m
from zhihui.identity import face as F
from zhihui.identity.liveness import (
    ACTIONS,
    CHALLENGE_TTL,
    Challenge,
    Frame,
    LandmarkLivenessProvider,
    LivenessAction,
    LivenessCode,
    ReplayGuard,
    eye_aspect_ratio,
    find_replayed,
    frame_digest,
    measure_landmarks,
    mouth_aspect_ratio,
    new_challenge,
    pitch,
    yaw,
)

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "faces"
if not (FACES / "obama.jpg").is_file():
    pytest.skip(f"test photos not found in {FACES.resolve()}", allow_module_level=True)

Image_ = NDArray[np.uint8]
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
A = LivenessAction


# -------------------------------------------------------------------------------------------------------
# synthetic frames
# -------------------------------------------------------------------------------------------------------


def base_frame(name: str, size: tuple[int, int] = (640, 480)) -> Image_:
    """The photo cropped to a 4:3 webcam frame around the face, as a phone would film it."""
    image = F.decode_image((FACES / f"{name}.jpg").read_bytes())
    box = F.analyse_face(image, raise_on_issue=False, encode=False).box
    h, w = image.shape[:2]
    cx, cy = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    cw = min(w, box.width * 3.2)
    ch = cw * size[1] / size[0]
    x0, y0 = max(0.0, min(w - cw, cx - cw / 2)), max(0.0, min(h - ch, cy - ch / 2))
    crop = Image.fromarray(image).crop((round(x0), round(y0), round(x0 + cw), round(y0 + ch)))
    return np.asarray(crop.resize(size, Image.Resampling.LANCZOS))


def landmarks(image: Image_) -> NDArray[np.float64]:
    return F.analyse_face(image, raise_on_issue=False, encode=False).landmarks


def _remap(image: Image_, axis: int, src: list[float], dst: list[float]) -> Image_:
    n = image.shape[axis]
    index = np.clip(np.round(np.interp(np.arange(n), dst, src)).astype(int), 0, n - 1)
    return np.ascontiguousarray(np.take(image, index, axis=axis))


def turn(image: Image_, lm: NDArray[np.float64], amount: float) -> Image_:
    """Move the nose tip horizontally by ``amount`` face widths (positive: towards the image's right)."""
    w = image.shape[1]
    left, right, nose = lm[0:3, 0].mean(), lm[14:17, 0].mean(), lm[30, 0]
    shift = amount * (right - left)
    return _remap(image, 1, [0, left, nose, right, w - 1], [0, left, nose + shift, right, w - 1])


def nod(image: Image_, lm: NDArray[np.float64], amount: float) -> Image_:
    """Move the nose tip down (positive) by ``amount`` of the eye-to-chin distance."""
    h = image.shape[0]
    eyes, nose, chin = lm[36:48, 1].mean(), lm[30, 1], lm[8, 1]
    shift = amount * (chin - eyes)
    return _remap(image, 0, [0, eyes, nose, chin, h - 1], [0, eyes, nose + shift, chin, h - 1])


def close_eyes(image: Image_, lm: NDArray[np.float64]) -> Image_:
    """Stretch the skin between brow and upper lid down over each eye and draw the lash line."""
    out = image.copy()
    h = image.shape[0]
    for start, brow_pts in ((36, lm[17:22]), (42, lm[22:27])):
        p = lm[start : start + 6]
        x0, x1 = p[:, 0].min(), p[:, 0].max()
        ew = x1 - x0
        top, bot = p[[1, 2], 1].mean(), p[[4, 5], 1].mean()
        gap = max(bot - top, 2.0)
        y_from = brow_pts[:, 1].max() + 0.5 * (top - brow_pts[:, 1].max())
        y_to = bot + 0.15 * gap
        ys = np.arange(int(y_from), int(y_to) + 1)
        src = np.interp(ys, [y_from, y_to], [y_from, top - 0.2 * gap])
        cx = (x0 + x1) / 2
        for x in range(int(x0 - 0.15 * ew), int(x1 + 0.15 * ew) + 1):
            t = abs(x - cx) / (0.65 * ew)
            if t < 1:
                sy = ys + (src - ys) * (1 - t * t)
                out[ys, x] = image[np.clip(np.round(sy).astype(int), 0, h - 1), x]
        canvas = Image.fromarray(out)
        ImageDraw.Draw(canvas).line(
            [tuple(p[0]), tuple((p[4] + p[5]) / 2 - [0, 0.1 * gap]), tuple(p[3])], fill=(35, 25, 25), width=2
        )
        out = np.asarray(canvas).copy()
    return out


def open_mouth(image: Image_, lm: NDArray[np.float64], amount: float = 0.4) -> Image_:
    """Shift everything below the lips down by ``amount`` mouth widths and paint the mouth cavity."""
    h = image.shape[0]
    mid = lm[[62, 66], 1].mean()
    gap = amount * (lm[64, 0] - lm[60, 0])
    out = _remap(image, 0, [0, mid, mid, h - 1 - gap], [0, mid, mid + gap, h - 1])
    canvas = Image.fromarray(out)
    ImageDraw.Draw(canvas).ellipse([lm[60, 0] + 2, mid - 2, lm[64, 0] - 2, mid + gap + 2], fill=(50, 20, 20))
    return np.asarray(canvas)


def noisy_jpeg(image: Image_, rng: np.random.Generator, sigma: float = 3.0) -> bytes:
    noisy = np.clip(image.astype(np.float32) + rng.normal(0, sigma, image.shape), 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    Image.fromarray(noisy).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def as_frames(images: list[Image_], seed: int = 1, step_ms: int = 400) -> list[Frame]:
    rng = np.random.default_rng(seed)
    return [Frame(300 + i * step_ms, noisy_jpeg(img, rng)) for i, img in enumerate(images)]


def challenge(*actions: LivenessAction) -> Challenge:
    return Challenge("n" * 32, tuple(actions), T0, T0 + CHALLENGE_TTL)


NOW = T0 + dt.timedelta(seconds=12)


@pytest.fixture(scope="module")
def obama() -> tuple[Image_, NDArray[np.float64]]:
    F.preload_models()
    image = base_frame("obama")
    return image, landmarks(image)


@pytest.fixture(scope="module")
def performed(obama: tuple[Image_, NDArray[np.float64]]) -> list[Frame]:
    """neutral, turn to the person's left, back, mouth open, closed, nod down, back."""
    image, lm = obama
    seq = [
        image,
        turn(image, lm, 0.3),  # nose to the image's right = the person's own left (frame not mirrored)
        image,
        open_mouth(image, lm, 0.4),
        image,
        nod(image, lm, 0.1),
        image,
    ]
    return as_frames(seq)


@pytest.fixture(scope="module")
def provider() -> LandmarkLivenessProvider:
    return LandmarkLivenessProvider()


# -------------------------------------------------------------------------------------------------------
# per-frame measures
# -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["obama", "biden"])
def test_eye_aspect_ratio_drops_when_eyes_are_closed(name: str) -> None:
    image = base_frame(name)
    lm = landmarks(image)
    open_ear = eye_aspect_ratio(lm)
    closed_ear = eye_aspect_ratio(landmarks(close_eyes(image, lm)))
    assert 0.15 < open_ear < 0.45
    assert closed_ear < 0.92 * open_ear, (open_ear, closed_ear)


def test_yaw_follows_the_turn_and_flips_with_a_mirrored_image(obama: tuple[Image_, NDArray[np.float64]]) -> None:
    image, lm = obama
    frontal = yaw(lm)
    assert abs(frontal) < 0.15
    to_image_right = landmarks(turn(image, lm, 0.3))
    to_image_left = landmarks(turn(image, lm, -0.3))
    # Unmirrored camera frame: nose towards the image's right = the person turned to their own LEFT.
    assert yaw(to_image_right) > 0.35
    assert yaw(to_image_left) < -0.35
    # The same frames mirrored (as a front-camera preview shows them) give the opposite sign ...
    mirrored_image = np.ascontiguousarray(turn(image, lm, 0.3)[:, ::-1])
    assert yaw(landmarks(mirrored_image)) < -0.35
    # ... and declaring them mirrored restores the person's point of view.
    assert yaw(landmarks(mirrored_image), mirrored=True) > 0.35
    assert yaw(to_image_right, mirrored=True) == pytest.approx(-yaw(to_image_right))


def test_mouth_and_pitch_measures(obama: tuple[Image_, NDArray[np.float64]]) -> None:
    image, lm = obama
    mar = mouth_aspect_ratio(lm)  # smiling with teeth: ~0.3
    assert mouth_aspect_ratio(landmarks(open_mouth(image, lm, 0.4))) > mar + 0.3
    level = pitch(lm)
    assert pitch(landmarks(nod(image, lm, 0.1))) > level + 0.05  # head down: nose nearer the chin
    assert pitch(landmarks(nod(image, lm, -0.1))) < level - 0.05  # head up
    m = measure_landmarks(lm)
    assert (m.ear, m.mar, m.yaw, m.pitch) == (eye_aspect_ratio(lm), mar, yaw(lm), level)


# -------------------------------------------------------------------------------------------------------
# sessions
# -------------------------------------------------------------------------------------------------------


def test_performed_actions_pass(performed: list[Frame], provider: LandmarkLivenessProvider) -> None:
    result = provider.evaluate(challenge(A.TURN_LEFT, A.OPEN_MOUTH, A.NOD), performed, NOW)
    assert result.passed, result.as_dict()
    assert result.code is LivenessCode.OK
    frames = [(a.baseline_frame, a.action_frame, a.return_frame) for a in result.actions]
    assert frames == [(0, 1, 2), (2, 3, 4), (4, 5, 6)]
    assert result.best_encoding is not None and result.best_encoding.shape == (128,)
    assert result.scores["max_face_distance"] < 0.6
    assert len(result.frame_digests) == len(performed)
    # The best frame's face is the person in the reference photo.
    reference = F.analyse_face(F.decode_image((FACES / "obama2.jpg").read_bytes())).encoding
    assert reference is not None
    assert F.face_distance(reference, result.best_encoding) < F.DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "actions",
    [
        (A.TURN_RIGHT, A.OPEN_MOUTH),  # turned the other way
        (A.OPEN_MOUTH, A.TURN_LEFT),  # right actions, wrong order
        (A.TURN_LEFT, A.BLINK),  # an action that was never performed
    ],
)
def test_wrong_or_missing_actions_fail(
    performed: list[Frame], provider: LandmarkLivenessProvider, actions: tuple[LivenessAction, ...]
) -> None:
    result = provider.evaluate(challenge(*actions), performed, NOW)
    assert not result.passed
    assert result.code is LivenessCode.ACTION_NOT_DETECTED
    failed = next(a for a in result.actions if not a.observed)
    assert failed.action in actions
    assert "未检测到" in result.hint


def test_mirrored_frames_swap_left_and_right(performed: list[Frame]) -> None:
    mirrored = LandmarkLivenessProvider(frames_mirrored=True)
    assert not mirrored.evaluate(challenge(A.TURN_LEFT, A.OPEN_MOUTH), performed, NOW).passed
    assert mirrored.evaluate(challenge(A.TURN_RIGHT, A.OPEN_MOUTH), performed, NOW).passed


def test_static_photo_fails(obama: tuple[Image_, NDArray[np.float64]], provider: LandmarkLivenessProvider) -> None:
    image, _ = obama
    frames = as_frames([image] * 8, seed=7)
    assert len({f.image for f in frames}) == 8  # every frame differs by its noise
    result = provider.evaluate(challenge(A.BLINK, A.TURN_LEFT), frames, NOW)
    assert not result.passed
    assert result.code is LivenessCode.STATIC_IMAGE
    assert result.hint == "未检测到动作，请按提示眨眼/转头（不能使用照片）"
    assert result.scores["motion"] < 1.0


def test_hand_held_photo_moves_but_fails_the_actions(
    obama: tuple[Image_, NDArray[np.float64]], provider: LandmarkLivenessProvider
) -> None:
    image, _ = obama
    rng = random.Random(3)
    shaken = [np.roll(image, (rng.randint(-12, 12), rng.randint(-12, 12)), axis=(0, 1)) for _ in range(8)]
    result = provider.evaluate(challenge(A.BLINK, A.TURN_RIGHT), as_frames(shaken), NOW)
    assert not result.passed
    assert result.scores["motion"] >= 1.5  # not caught as static: the actions are what fail
    assert result.code is LivenessCode.ACTION_NOT_DETECTED


def test_face_swap_fails(obama: tuple[Image_, NDArray[np.float64]], provider: LandmarkLivenessProvider) -> None:
    image, lm = obama
    other = base_frame("biden")
    seq = [image, turn(image, lm, 0.3), image, other, open_mouth(other, landmarks(other), 0.4), other]
    result = provider.evaluate(challenge(A.TURN_LEFT, A.OPEN_MOUTH), as_frames(seq), NOW)
    assert not result.passed
    assert result.code is LivenessCode.FACE_CHANGED
    assert result.scores["max_face_distance"] > 0.6


def test_expired_challenge_fails(performed: list[Frame], provider: LandmarkLivenessProvider) -> None:
    late = T0 + CHALLENGE_TTL + dt.timedelta(seconds=1)
    result = provider.evaluate(challenge(A.TURN_LEFT, A.OPEN_MOUTH), performed, late)
    assert result.code is LivenessCode.EXPIRED and not result.passed
    on_time = provider.evaluate(challenge(A.TURN_LEFT, A.OPEN_MOUTH), performed, T0 + CHALLENGE_TTL)
    assert on_time.passed


def test_timestamps_must_be_ordered_and_inside_the_window(
    performed: list[Frame], provider: LandmarkLivenessProvider
) -> None:
    c = challenge(A.TURN_LEFT, A.OPEN_MOUTH)
    swapped = list(performed)
    swapped[2] = Frame(performed[3].t_ms, performed[2].image)
    swapped[3] = Frame(performed[2].t_ms, performed[3].image)
    assert provider.evaluate(c, swapped, NOW).code is LivenessCode.FRAMES_OUT_OF_ORDER
    repeated = [Frame(100 if i < 2 else f.t_ms, f.image) for i, f in enumerate(performed)]
    assert provider.evaluate(c, repeated, NOW).code is LivenessCode.FRAMES_OUT_OF_ORDER
    late = [Frame(f.t_ms + 29_000, f.image) for f in performed]
    assert provider.evaluate(c, late, NOW).code is LivenessCode.FRAMES_OUTSIDE_WINDOW
    early = [Frame(f.t_ms - 1_000, f.image) for f in performed]
    assert provider.evaluate(c, early, NOW).code is LivenessCode.FRAMES_OUTSIDE_WINDOW


def test_too_few_frames_and_bad_frames(performed: list[Frame], provider: LandmarkLivenessProvider) -> None:
    assert provider.evaluate(challenge(A.NOD, A.BLINK), performed[:4], NOW).code is LivenessCode.TOO_FEW_FRAMES
    three = challenge(A.NOD, A.BLINK, A.TURN_LEFT)  # needs 2 * 3 + 1 frames
    assert provider.evaluate(three, performed[:6], NOW).code is LivenessCode.TOO_FEW_FRAMES
    broken = [*performed[:3], Frame(performed[3].t_ms, b"not a picture"), *performed[4:]]
    assert provider.evaluate(challenge(A.NOD, A.BLINK), broken, NOW).code is LivenessCode.BAD_FRAME


def test_replayed_capture_fails(performed: list[Frame], provider: LandmarkLivenessProvider) -> None:
    c = challenge(A.TURN_LEFT, A.OPEN_MOUTH)
    guard = ReplayGuard()
    assert not guard.is_replay(performed)
    first = provider.evaluate(c, performed, NOW, seen_digests=guard.digests)
    assert first.passed
    guard.remember(first.frame_digests)
    assert guard.is_replay(performed)
    again = provider.evaluate(c, performed, NOW, seen_digests=guard.digests)
    assert not again.passed and again.code is LivenessCode.REPLAYED
    # One recycled frame in an otherwise new capture is enough.
    seen = {frame_digest(performed[4].image)}
    assert find_replayed(performed, seen) == [4]
    small = ReplayGuard(max_digests=3)
    small.remember(list(first.frame_digests))
    assert len(small.digests) == 3 and first.frame_digests[-1] in small.digests


# -------------------------------------------------------------------------------------------------------
# challenges
# -------------------------------------------------------------------------------------------------------


def test_new_challenge() -> None:
    seen_counts: set[int] = set()
    seen_actions: set[LivenessAction] = set()
    firsts: set[LivenessAction] = set()
    for seed in range(60):
        c = new_challenge(random.Random(seed), now=T0)
        assert 2 <= len(c.actions) <= 3
        assert len(set(c.actions)) == len(c.actions)
        assert c.issued_at == T0 and c.expires_at == T0 + dt.timedelta(seconds=30)
        assert c.window_ms == 30_000
        assert len(c.nonce) == 32
        seen_counts.add(len(c.actions))
        seen_actions.update(c.actions)
        firsts.add(c.actions[0])
        assert c.as_dict()["instructions"] == c.instructions()
    assert seen_counts == {2, 3}
    assert seen_actions == set(ACTIONS) and firsts == set(ACTIONS)  # every action, in every position
    a, b = new_challenge(), new_challenge()  # system randomness by default
    assert a.nonce != b.nonce


# -------------------------------------------------------------------------------------------------------
# fake camera file for browser tests
# -------------------------------------------------------------------------------------------------------


def test_fakecam_y4m_is_well_formed(tmp_path: Path) -> None:
    path = write_y4m(tmp_path / "still.y4m", FACES / "obama.jpg", frames=5, width=640, height=480, fps=15)
    raw = path.read_bytes()
    assert raw.startswith(b"YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n")
    header, frames = read_y4m(path)
    assert header["W"] == "640" and header["H"] == "480" and header["C"] == "420jpeg"
    assert len(frames) == 5
    frame_size = 640 * 480 * 3 // 2
    assert len(raw) == len(b"YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n") + 5 * (6 + frame_size)
    assert len(set(frames)) == 1  # a still photo: every frame identical
    y = np.frombuffer(frames[0][: 640 * 480], np.uint8).reshape(480, 640)
    assert y.min() >= 16 and y.max() <= 235 and y.std() > 20  # limited range, a real picture
    # The Y plane is the photo: it still contains the face.
    found = F.analyse_face(np.ascontiguousarray(np.repeat(y[:, :, None], 3, axis=2)), raise_on_issue=False)
    assert found.quality.face_ratio is not None and found.quality.face_ratio > 0.3
    noisy = write_y4m(tmp_path / "noisy.y4m", FACES / "obama.jpg", frames=3, noise_sigma=2.0)
    assert len(set(read_y4m(noisy)[1])) == 3
    with pytest.raises(ValueError):
        read_y4m(_truncate(path, tmp_path / "cut.y4m"))


def _truncate(path: Path, to: Path, cut: int = 1000) -> Path:
    to.write_bytes(path.read_bytes()[:-cut])
    return to

