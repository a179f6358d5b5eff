"""Action liveness: the customer performs 2-3 random actions (blink, turn, open mouth, nod) in front of the
phone camera; the browser uploads the captured frames; we check the actions from dlib's 68 landmarks.

What this catches: a printed or on-screen photo held still (``static_image``), a photo that cannot perform
the requested actions in the requested order (``action_not_detected``), one person's frames spliced with
another's (``face_changed``), a capture uploaded twice (``replayed``), stale or reordered uploads
(``expired``, ``frames_out_of_order``). What it does not catch: a good video of the customer that happens to
contain the random actions in the random order, a mask, or a real-time deepfake; frames that are crafted
and injected into the upload rather than captured by the camera. It is one signal next to the face match
and the human agent of the video counter, not a certified presentation-attack detector.

Left and right are the CUSTOMER's own left and right: "请向左转头" means the person turns their head to
their own left. On a phone the front-camera preview is mirrored, so on screen the face also turns to the
screen's left, which is what people expect. The frames themselves are expected as the camera delivers
them (getUserMedia + canvas.drawImage does not mirror, whatever CSS mirrors the preview): in such a frame
the person's left is on the image's right. If a client uploads mirrored frames, build the provider with
``frames_mirrored=True``.

``Frame.t_ms`` is milliseconds since the client received the challenge (e.g. ``performance.now()`` minus the
value at receipt), so it is independent of the phone's wall clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import random
import secrets
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from zhihui.identity.face import (
    FaceAnalysis,
    FaceQualityError,
    QualityCode,
    analyse_face,
    decode_image,
    face_distance,
    head_pose,
)
from zhihui.platform.clock import now as clock_now

__all__ = [
    "ACTIONS",
    "ActionResult",
    "Challenge",
    "Frame",
    "FrameMeasures",
    "LandmarkLivenessProvider",
    "LivenessAction",
    "LivenessCode",
    "LivenessProvider",
    "LivenessResult",
    "ReplayGuard",
    "eye_aspect_ratio",
    "find_replayed",
    "frame_digest",
    "measure_landmarks",
    "mouth_aspect_ratio",
    "new_challenge",
    "pitch",
    "yaw",
]

# --------------------------------------------------------------------------------------------------
# Thresholds
# --------------------------------------------------------------------------------------------------

#: A challenge is valid for 30 s from issue: long enough for 3 actions and the upload, short enough that a
#: recorded answer cannot be prepared for it.
CHALLENGE_TTL = dt.timedelta(seconds=30)
#: Each action needs a baseline, an action and a return frame; consecutive actions share the return and
#: the next baseline, hence 2 * actions + 1. Below ``MIN_FRAMES`` nothing can be judged at all.
MIN_FRAMES = 5
#: Upper bound on frames per session (decode + detect + encode is ~0.1 s per 640x480 frame on one core).
MAX_FRAMES = 60
#: Per-frame upload limits; frames are analysed at <= 640 px on the long side.
MAX_FRAME_BYTES = 2 * 1024 * 1024
MAX_FRAME_PIXELS = 4_000_000
FRAME_LONG_SIDE = 640
#: Static capture: every frame is shrunk to a 32x24 grey thumbnail with its mean removed (so exposure
#: drift does not count as motion); if no two consecutive thumbnails differ by more than this mean absolute
#: difference (grey levels, 0-255), nothing moved during the whole capture: a photo. Sensor noise and JPEG
#: noise average out in the thumbnail (a photo re-sent with noise of sigma 4 measures below 0.5); a head
#: turn, a blink close to the camera or a hand-held phone measure several grey levels.
STATIC_MAX_DIFF = 1.5
#: Up to this fraction of frames may have no usable face (motion blur in the middle of a turn).
MAX_FACELESS_FRACTION = 0.25
#: Every frame's face must be within this encoding distance of the session's most frontal frame. Same
#: person across a head turn measures 0.1-0.5 on the test photos; different people 0.75-0.85. 0.6 is the
#: verification operating point: a frame that would not match the anchor is not the same face.
SAME_FACE_MAX_DISTANCE = 0.6
#: A frame is a usable baseline only when the head is roughly frontal (|yaw ratio| <= this, ~15 degrees).
BASELINE_MAX_YAW = 0.3
#: During blink / open mouth / nod the head must not turn by more than this (yaw ratio) from the baseline.
STILL_MAX_YAW_CHANGE = 0.2
#: Blink: the eye aspect ratio drops by at least this fraction of the baseline (open eyes measure 0.2-0.38
#: with dlib's landmarks, closed eyes about half of that), and is back within ``BACK_FRACTION`` after.
BLINK_MIN_DROP = 0.25
#: Open mouth: the inner-lip mouth aspect ratio grows by at least this much (closed ~0.0-0.1, a smile with
#: teeth ~0.3, a wide-open mouth 0.7-1.2).
MOUTH_MIN_INCREASE = 0.3
#: Turn: the yaw ratio moves by at least this much towards the requested side, ending at least
#: ``TURN_MIN_YAW`` on that side (~25 degrees).
TURN_MIN_CHANGE = 0.3
TURN_MIN_YAW = 0.35
#: Nod: the pitch ratio (nose between eye line and chin) changes by at least this much, up or down (about
#: 15 degrees of head pitch).
NOD_MIN_CHANGE = 0.07
#: "Back" means the measure returned to within this fraction of the action threshold from the baseline.
BACK_FRACTION = 0.5


class LivenessAction(StrEnum):
    BLINK = "blink"
    TURN_LEFT = "turn_left"
    TURN_RIGHT = "turn_right"
    OPEN_MOUTH = "open_mouth"
    NOD = "nod"


ACTIONS: tuple[LivenessAction, ...] = tuple(LivenessAction)

#: What to show the customer for each action.
INSTRUCTIONS: dict[LivenessAction, str] = {
    LivenessAction.BLINK: "请眨眨眼",
    LivenessAction.TURN_LEFT: "请缓慢向左转头，再转回来",
    LivenessAction.TURN_RIGHT: "请缓慢向右转头，再转回来",
    LivenessAction.OPEN_MOUTH: "请张张嘴，再合上",
    LivenessAction.NOD: "请点点头",
}
_LABELS: dict[LivenessAction, str] = {
    LivenessAction.BLINK: "眨眼",
    LivenessAction.TURN_LEFT: "向左转头",
    LivenessAction.TURN_RIGHT: "向右转头",
    LivenessAction.OPEN_MOUTH: "张嘴",
    LivenessAction.NOD: "点头",
}


class LivenessCode(StrEnum):
    """Stable result codes (API contract: do not rename)."""

    OK = "ok"
    EXPIRED = "expired"
    TOO_FEW_FRAMES = "too_few_frames"
    TOO_MANY_FRAMES = "too_many_frames"
    FRAMES_OUT_OF_ORDER = "frames_out_of_order"
    FRAMES_OUTSIDE_WINDOW = "frames_outside_window"
    REPLAYED = "replayed"
    BAD_FRAME = "bad_frame"
    STATIC_IMAGE = "static_image"
    MULTIPLE_FACES = "multiple_faces"
    FACE_LOST = "face_lost"
    FACE_CHANGED = "face_changed"
    ACTION_NOT_DETECTED = "action_not_detected"


HINTS: dict[LivenessCode, str] = {
    LivenessCode.OK: "活体检测通过",
    LivenessCode.EXPIRED: "验证已超时，请重新开始",
    LivenessCode.TOO_FEW_FRAMES: "采集的画面太少，请重新开始并按提示完成动作",
    LivenessCode.TOO_MANY_FRAMES: "上传的画面过多，请重新开始",
    LivenessCode.FRAMES_OUT_OF_ORDER: "画面时间顺序异常，请重新开始",
    LivenessCode.FRAMES_OUTSIDE_WINDOW: "画面时间异常，请重新开始",
    LivenessCode.REPLAYED: "检测到重复提交的画面，请重新开始",
    LivenessCode.BAD_FRAME: "画面无法识别，请重新开始",
    LivenessCode.STATIC_IMAGE: "未检测到动作，请按提示眨眼/转头（不能使用照片）",
    LivenessCode.MULTIPLE_FACES: "画面中有多张人脸，请确保只有本人",
    LivenessCode.FACE_LOST: "未检测到人脸，请正对镜头并保持在取景框内",
    LivenessCode.FACE_CHANGED: "检测到人脸发生变化，请本人完成验证",
    LivenessCode.ACTION_NOT_DETECTED: "未检测到指定动作，请按提示完成动作",
}


# --------------------------------------------------------------------------------------------------
# Challenge
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Challenge:
    nonce: str
    actions: tuple[LivenessAction, ...]
    issued_at: dt.datetime
    expires_at: dt.datetime

    @property
    def window_ms(self) -> int:
        return int((self.expires_at - self.issued_at) / dt.timedelta(milliseconds=1))

    def instructions(self) -> list[str]:
        return [INSTRUCTIONS[action] for action in self.actions]

    def as_dict(self) -> dict[str, Any]:
        return {
            "nonce": self.nonce,
            "actions": [a.value for a in self.actions],
            "instructions": self.instructions(),
            "issued_at": self.issued_at.isoformat(),
            "expires_at": self.expires_at.isoformat(),
        }


def new_challenge(
    rng: random.Random | None = None,
    *,
    now: dt.datetime | None = None,
    ttl: dt.timedelta = CHALLENGE_TTL,
) -> Challenge:
    """2 or 3 distinct actions in random order. Pass a seeded ``random.Random`` only in tests: the default
    is the operating system's CSPRNG, so the next challenge cannot be predicted."""
    rng = rng if rng is not None else secrets.SystemRandom()
    issued = now if now is not None else clock_now()
    count = rng.choice((2, 3))
    actions = tuple(rng.sample(ACTIONS, count))
    nonce = f"{rng.getrandbits(128):032x}"
    return Challenge(nonce=nonce, actions=actions, issued_at=issued, expires_at=issued + ttl)


# --------------------------------------------------------------------------------------------------
# Per-frame measures
# --------------------------------------------------------------------------------------------------


def _dist(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    return float(np.linalg.norm(a - b))


def eye_aspect_ratio(landmarks: NDArray[np.float64]) -> float:
    """Mean eye aspect ratio of both eyes (Soukupová & Čech 2016): lid gap over eye width, ~0.2-0.38 open,
    dropping towards 0.1 when closed."""
    pts = np.asarray(landmarks, dtype=np.float64)
    ratios = []
    for start in (36, 42):
        p = pts[start : start + 6]
        width = _dist(p[0], p[3])
        ratios.append((_dist(p[1], p[5]) + _dist(p[2], p[4])) / (2.0 * width) if width > 0 else 0.0)
    return float(sum(ratios) / 2.0)


def mouth_aspect_ratio(landmarks: NDArray[np.float64]) -> float:
    """Inner-lip gap over mouth width (points 60-67): ~0 closed, ~0.3 smiling with teeth, > 0.6 wide open."""
    p = np.asarray(landmarks, dtype=np.float64)
    width = _dist(p[60], p[64])
    if width <= 0:
        return 0.0
    return (_dist(p[61], p[67]) + _dist(p[62], p[66]) + _dist(p[63], p[65])) / (2.0 * width)


def yaw(landmarks: NDArray[np.float64], *, mirrored: bool = False) -> float:
    """Head yaw ratio from the customer's point of view: positive = turned to THEIR left, negative = to
    their right, 0 frontal, +-1 profile (see :class:`zhihui.identity.face.HeadPose`). ``mirrored`` says the
    frame is a mirror image (as the front-camera preview is), which flips the sign."""
    image_yaw = head_pose(landmarks).yaw  # positive = nose towards the image's right
    return -image_yaw if mirrored else image_yaw


def pitch(landmarks: NDArray[np.float64]) -> float:
    """Pitch ratio: nose tip between the eye line (0) and the chin (1), ~0.25-0.3 level; larger when the
    head bends down, smaller when it tilts up."""
    return head_pose(landmarks).pitch


@dataclass(frozen=True)
class FrameMeasures:
    ear: float
    mar: float
    yaw: float
    pitch: float

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in vars(self).items()}


def measure_landmarks(landmarks: NDArray[np.float64], *, mirrored: bool = False) -> FrameMeasures:
    return FrameMeasures(
        ear=eye_aspect_ratio(landmarks),
        mar=mouth_aspect_ratio(landmarks),
        yaw=yaw(landmarks, mirrored=mirrored),
        pitch=pitch(landmarks),
    )


# --------------------------------------------------------------------------------------------------
# Replay
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """One captured frame: milliseconds since the challenge was received, and the encoded image."""

    t_ms: int
    image: bytes


def frame_digest(data: bytes) -> str:
    """SHA-256 of the frame's bytes. A camera never produces the same bytes twice (sensor noise), so a digest
    seen in an earlier session means that capture is being replayed."""
    return hashlib.sha256(data).hexdigest()


def find_replayed(frames: Sequence[Frame], seen: Set[str]) -> list[int]:
    """Indexes of the frames whose digest is in ``seen`` (digests remembered from earlier sessions)."""
    return [i for i, frame in enumerate(frames) if frame_digest(frame.image) in seen]


class ReplayGuard:
    """A bounded in-process memory of frame digests. In production back it with a shared store (e.g. a
    Redis set with a TTL) and pass that store's digests to :meth:`LandmarkLivenessProvider.evaluate`."""

    def __init__(self, max_digests: int = 200_000) -> None:
        self._digests: dict[str, None] = {}
        self._max = max_digests

    @property
    def digests(self) -> Set[str]:
        return self._digests.keys()

    def is_replay(self, frames: Sequence[Frame]) -> bool:
        return bool(find_replayed(frames, self.digests))

    def remember(self, digests: Sequence[str]) -> None:
        for digest in digests:
            self._digests[digest] = None
        while len(self._digests) > self._max:
            del self._digests[next(iter(self._digests))]


# --------------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionResult:
    action: LivenessAction
    observed: bool
    baseline_frame: int | None = None
    action_frame: int | None = None
    return_frame: int | None = None
    peak: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action.value,
            "observed": self.observed,
            "baseline_frame": self.baseline_frame,
            "action_frame": self.action_frame,
            "return_frame": self.return_frame,
            "peak": None if self.peak is None else round(self.peak, 4),
        }


@dataclass(frozen=True, eq=False)
class LivenessResult:
    """``passed`` with ``code`` ``ok``, or the first failed check. ``best_encoding`` (the most frontal
    frame's face) is what to compare with the reference photo; ``frame_digests`` are to be remembered for
    replay detection whatever the outcome."""

    passed: bool
    code: LivenessCode
    hint: str
    actions: tuple[ActionResult, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    measures: tuple[FrameMeasures | None, ...] = ()
    frame_digests: tuple[str, ...] = ()
    best_frame: int | None = None
    best_encoding: NDArray[np.float64] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "code": self.code.value,
            "hint": self.hint,
            "actions": [a.as_dict() for a in self.actions],
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "best_frame": self.best_frame,
        }


class LivenessProvider(Protocol):
    def evaluate(
        self,
        challenge: Challenge,
        frames: Sequence[Frame],
        now: dt.datetime,
        *,
        seen_digests: Set[str] = frozenset(),
    ) -> LivenessResult: ...


def _thumbnail(image: NDArray[np.uint8]) -> NDArray[np.float32]:
    grey = Image.fromarray(image).convert("L").resize((32, 24), Image.Resampling.BOX)
    thumb = np.asarray(grey, dtype=np.float32)
    return thumb - thumb.mean()  # type: ignore[no-any-return]


def _threshold(action: LivenessAction) -> float:
    return {
        LivenessAction.BLINK: BLINK_MIN_DROP,
        LivenessAction.OPEN_MOUTH: MOUTH_MIN_INCREASE,
        LivenessAction.TURN_LEFT: TURN_MIN_CHANGE,
        LivenessAction.TURN_RIGHT: TURN_MIN_CHANGE,
        LivenessAction.NOD: NOD_MIN_CHANGE,
    }[action]


def _deviation(action: LivenessAction, base: FrameMeasures, m: FrameMeasures) -> float:
    """How far frame ``m`` has moved from ``base`` in the direction of ``action`` (larger = more)."""
    if action is LivenessAction.BLINK:
        return (base.ear - m.ear) / base.ear if base.ear > 0 else 0.0
    if action is LivenessAction.OPEN_MOUTH:
        return m.mar - base.mar
    if action is LivenessAction.TURN_LEFT:
        return m.yaw - base.yaw
    if action is LivenessAction.TURN_RIGHT:
        return base.yaw - m.yaw
    return abs(m.pitch - base.pitch)


def _is_action(action: LivenessAction, base: FrameMeasures, m: FrameMeasures) -> bool:
    if _deviation(action, base, m) < _threshold(action):
        return False
    if action is LivenessAction.TURN_LEFT:
        return m.yaw >= TURN_MIN_YAW
    if action is LivenessAction.TURN_RIGHT:
        return m.yaw <= -TURN_MIN_YAW
    return abs(m.yaw - base.yaw) <= STILL_MAX_YAW_CHANGE


def _is_back(action: LivenessAction, base: FrameMeasures, m: FrameMeasures) -> bool:
    limit = BACK_FRACTION * _threshold(action)
    if action is LivenessAction.NOD:
        return abs(m.pitch - base.pitch) <= limit
    return _deviation(action, base, m) <= limit and abs(m.yaw - base.yaw) <= STILL_MAX_YAW_CHANGE


def _find_action(
    action: LivenessAction, measures: Sequence[FrameMeasures | None], start: int
) -> ActionResult:
    """The earliest baseline -> action -> back triple at or after ``start``."""
    n = len(measures)
    best_peak = 0.0
    for j in range(start + 1, n):
        mj = measures[j]
        if mj is None:
            continue
        for i in range(start, j):
            mi = measures[i]
            if mi is None or abs(mi.yaw) > BASELINE_MAX_YAW:
                continue
            best_peak = max(best_peak, _deviation(action, mi, mj))
            if not _is_action(action, mi, mj):
                continue
            for k in range(j + 1, n):
                mk = measures[k]
                if mk is not None and _is_back(action, mi, mk):
                    return ActionResult(action, True, i, j, k, _deviation(action, mi, mj))
    return ActionResult(action, False, peak=best_peak)


class LandmarkLivenessProvider:
    """The shipped :class:`LivenessProvider`: landmark geometry on dlib's 68 points, no extra model."""

    def __init__(
        self,
        *,
        frames_mirrored: bool = False,
        min_frames: int = MIN_FRAMES,
        max_frames: int = MAX_FRAMES,
        analyse: Callable[[NDArray[np.uint8]], FaceAnalysis] | None = None,
    ) -> None:
        self.frames_mirrored = frames_mirrored
        self.min_frames = min_frames
        self.max_frames = max_frames
        self._analyse = analyse or (lambda image: analyse_face(image, raise_on_issue=False))

    def evaluate(
        self,
        challenge: Challenge,
        frames: Sequence[Frame],
        now: dt.datetime,
        *,
        seen_digests: Set[str] = frozenset(),
    ) -> LivenessResult:
        digests = tuple(frame_digest(f.image) for f in frames)

        def fail(code: LivenessCode, hint: str | None = None, **extra: Any) -> LivenessResult:
            return LivenessResult(False, code, hint or HINTS[code], frame_digests=digests, **extra)

        if now > challenge.expires_at:
            return fail(LivenessCode.EXPIRED)
        needed = max(self.min_frames, 2 * len(challenge.actions) + 1)
        if len(frames) < needed:
            return fail(LivenessCode.TOO_FEW_FRAMES)
        if len(frames) > self.max_frames:
            return fail(LivenessCode.TOO_MANY_FRAMES)
        times = [f.t_ms for f in frames]
        if any(b <= a for a, b in itertools.pairwise(times)):
            return fail(LivenessCode.FRAMES_OUT_OF_ORDER)
        if times[0] < 0 or times[-1] > challenge.window_ms:
            return fail(LivenessCode.FRAMES_OUTSIDE_WINDOW)
        if any(d in seen_digests for d in digests):
            return fail(LivenessCode.REPLAYED)

        images: list[NDArray[np.uint8]] = []
        for frame in frames:
            try:
                images.append(
                    decode_image(
                        frame.image,
                        max_bytes=MAX_FRAME_BYTES,
                        max_pixels=MAX_FRAME_PIXELS,
                        max_long_side=FRAME_LONG_SIDE,
                    )
                )
            except FaceQualityError:
                return fail(LivenessCode.BAD_FRAME)

        thumbs = [_thumbnail(image) for image in images]
        motion = max(float(np.abs(a - b).mean()) for a, b in itertools.pairwise(thumbs))
        scores: dict[str, float] = {"motion": motion, "frames": float(len(frames))}
        if motion < STATIC_MAX_DIFF:
            return fail(LivenessCode.STATIC_IMAGE, scores=scores)

        analyses: list[FaceAnalysis | None] = []
        for image in images:
            try:
                analyses.append(self._analyse(image))
            except FaceQualityError as exc:
                if exc.code is QualityCode.MULTIPLE_FACES:
                    return fail(LivenessCode.MULTIPLE_FACES, scores=scores)
                analyses.append(None)
        measures = tuple(
            None if a is None else measure_landmarks(a.landmarks, mirrored=self.frames_mirrored)
            for a in analyses
        )
        faceless = sum(a is None for a in analyses) / len(analyses)
        scores["faceless_fraction"] = faceless
        if faceless > MAX_FACELESS_FRACTION:
            return fail(LivenessCode.FACE_LOST, scores=scores, measures=measures)

        encoded: list[tuple[int, NDArray[np.float64], float]] = []
        for i, (a, m) in enumerate(zip(analyses, measures, strict=True)):
            if a is not None and a.encoding is not None and m is not None:
                encoded.append((i, a.encoding, abs(m.yaw)))
        best, anchor, _ = min(encoded, key=lambda item: item[2])
        distances = [face_distance(anchor, encoding) for _, encoding, _ in encoded]
        scores["max_face_distance"] = max(distances)
        if scores["max_face_distance"] > SAME_FACE_MAX_DISTANCE:
            return fail(LivenessCode.FACE_CHANGED, scores=scores, measures=measures, best_frame=best)

        results: list[ActionResult] = []
        start = 0
        for action in challenge.actions:
            result = _find_action(action, measures, start)
            results.append(result)
            if not result.observed:
                results.extend(ActionResult(a, False) for a in challenge.actions[len(results) :])
                hint = f"未检测到“{_LABELS[action]}”动作，{INSTRUCTIONS[action]}"
                return fail(
                    LivenessCode.ACTION_NOT_DETECTED,
                    hint,
                    actions=tuple(results),
                    scores=scores,
                    measures=measures,
                    best_frame=best,
                )
            assert result.return_frame is not None
            start = result.return_frame
        return LivenessResult(
            True,
            LivenessCode.OK,
            HINTS[LivenessCode.OK],
            actions=tuple(results),
            scores=scores,
            measures=measures,
            frame_digests=digests,
            best_frame=best,
            best_encoding=anchor,
        )
