"""Face verification: decode a photo, check it is usable, encode the face, compare two faces.

Models come from the ``face_recognition_models`` package (dlib's 68-point shape predictor and the ResNet
face encoder, shipped as files inside the wheel) and dlib's built-in HOG frontal face detector. They are
loaded lazily, once per process, behind a lock; nothing is downloaded. dlib's DNN keeps per-call state
inside the network object, so every model call is serialised by a per-model lock: use processes, not
threads, to verify several faces at once.

Image coordinates: ``x`` to the right, ``y`` down, in pixels of the decoded (EXIF-rotated, possibly
downscaled) image. The 68 landmarks follow the iBUG 300-W numbering (0-16 jaw from the image's left,
36-41 the eye on the image's left, 42-47 the other eye, 30 the nose tip, 48-67 the mouth).

Every refusal is a :class:`FaceQualityError` with a stable ``code`` (for logs and the API) and a
``hint`` in Chinese that tells the customer what to do.
"""

from __future__ import annotations

import importlib.util
import io
import math
import threading
import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from struct import error as struct_error  # Pillow lets it escape from some broken files
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, UnidentifiedImageError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_THRESHOLD",
    "FaceAnalysis",
    "FaceBox",
    "FaceQualityError",
    "HeadPose",
    "QualityCode",
    "QualityIssue",
    "QualityReport",
    "VerificationResult",
    "analyse_face",
    "decode_image",
    "face_distance",
    "head_pose",
    "laplacian_variance",
    "preload_models",
    "verify_faces",
]

# --------------------------------------------------------------------------------------------------
# Thresholds. Every number below was chosen for phone selfies and ID-style portraits; the measurements
# behind them are in docs/identity-threshold.md.
# --------------------------------------------------------------------------------------------------

#: dlib's published operating point for ``dlib_face_recognition_resnet_model_v1``: two encodings closer
#: than 0.6 (Euclidean) are the same person. At this threshold the model scores 99.38% on the LFW
#: benchmark (roughly 0.6% errors, split between false accepts and false rejects). Lower = stricter.
DEFAULT_THRESHOLD = 0.6
#: Upload limits used when the caller does not pass its own.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000
#: Decoded images are downscaled so that the long side is at most this many pixels: more resolution
#: does not help the 150x150 face chip the encoder sees, and it costs detection time.
MAX_LONG_SIDE = 1280
#: Detection runs on a copy downscaled to this long side (HOG finds faces from ~80 px at this scale, a
#: selfie face is far larger); the box is then mapped back to the full image for landmarks and encoding.
DETECT_LONG_SIDE = 640
#: Images whose short side is below this are refused outright (a 320x240 thumbnail still passes).
MIN_IMAGE_SIDE = 240
#: Whole-image mean luminance (0-255, BT.601) outside these bounds: too dark / too bright to even
#: look for a face. The face-region bounds below are the stricter ones.
MIN_IMAGE_BRIGHTNESS = 25.0
MAX_IMAGE_BRIGHTNESS = 240.0
#: Mean luminance of the face box. The test portraits measure 95-150; an under-exposed face in a dim
#: room falls below 45, a face washed out by flash or sun goes above 215.
MIN_FACE_BRIGHTNESS = 45.0
MAX_FACE_BRIGHTNESS = 215.0
#: Variance of the Laplacian of the face box, resampled to ``SHARPNESS_CROP`` px wide (so the measure
#: does not depend on the face's size in pixels; 64 px is below every accepted face width, so the crop is
#: always downsampled). The sharp test portraits measure 275-890; a Gaussian blur whose sigma is 2-3% of
#: the face width (clearly soft to the eye) brings them to 50-65, 4-5% to 5-30.
MIN_SHARPNESS = 50.0
SHARPNESS_CROP = 64
#: A face narrower than this many pixels, or than this fraction of the image's short side, is too far.
MIN_FACE_PX = 80
MIN_FACE_RATIO = 0.12
#: A second face at least this wide relative to the largest is "comparable": somebody else is in the
#: picture. Smaller boxes (people far behind, or the occasional false HOG box) are ignored.
COMPARABLE_FACE_RATIO = 0.6
#: The face is cut off when its detector box sticks out of the image by more than this fraction of the
#: box size, or when any landmark lies outside the image.
MAX_BOX_OVERHANG = 0.08
#: Largest |yaw ratio| (see :func:`head_pose`) accepted for a reference match, roughly 30 degrees: the
#: test photo obama2.jpg (head visibly turned, still matched at 0.38) measures 0.45. The encoder tolerates
#: moderate turns but its errors grow quickly towards profile views.
MAX_FRONTAL_YAW = 0.6
#: Largest |roll| in degrees for a reference match (a tilted head is fine for the encoder up to here).
MAX_FRONTAL_ROLL = 30.0


class QualityCode(StrEnum):
    """Stable codes of unusable images (API contract: do not rename)."""

    CORRUPT_IMAGE = "corrupt_image"
    UNSUPPORTED_FORMAT = "unsupported_format"
    IMAGE_TOO_LARGE = "image_too_large"
    IMAGE_TOO_SMALL = "image_too_small"
    TOO_DARK = "too_dark"
    TOO_BRIGHT = "too_bright"
    BLURRY = "blurry"
    NO_FACE = "no_face"
    MULTIPLE_FACES = "multiple_faces"
    FACE_TOO_SMALL = "face_too_small"
    FACE_CUT_OFF = "face_cut_off"
    FACE_NOT_FRONTAL = "face_not_frontal"


HINTS: dict[QualityCode, str] = {
    QualityCode.CORRUPT_IMAGE: "图片已损坏或无法识别，请重新拍摄",
    QualityCode.UNSUPPORTED_FORMAT: "仅支持 JPG、PNG、WebP 格式的照片",
    QualityCode.IMAGE_TOO_LARGE: "照片过大，请压缩后重新上传",
    QualityCode.IMAGE_TOO_SMALL: "照片分辨率过低，请使用更清晰的照片",
    QualityCode.TOO_DARK: "光线太暗，请到明亮处拍摄",
    QualityCode.TOO_BRIGHT: "光线过强，请避开强光或逆光",
    QualityCode.BLURRY: "照片模糊，请保持手机稳定后重新拍摄",
    QualityCode.NO_FACE: "未检测到人脸，请正对镜头",
    QualityCode.MULTIPLE_FACES: "画面中有多张人脸，请确保只有本人",
    QualityCode.FACE_TOO_SMALL: "人脸太小，请靠近一些",
    QualityCode.FACE_CUT_OFF: "人脸不完整，请将整张脸放入取景框内",
    QualityCode.FACE_NOT_FRONTAL: "头部偏转过大，请正对镜头",
}

# Order in which issues are reported when several apply: the first one is what the customer fixes first.
_PRIORITY: tuple[QualityCode, ...] = (
    QualityCode.IMAGE_TOO_SMALL,
    QualityCode.NO_FACE,
    QualityCode.MULTIPLE_FACES,
    QualityCode.FACE_CUT_OFF,
    QualityCode.FACE_TOO_SMALL,
    QualityCode.TOO_DARK,
    QualityCode.TOO_BRIGHT,
    QualityCode.BLURRY,
    QualityCode.FACE_NOT_FRONTAL,
)


class FaceQualityError(ValueError):
    """The image cannot be used; ``hint`` is the Chinese message for the customer."""

    def __init__(self, code: QualityCode, hint: str | None = None, *, detail: str = "") -> None:
        self.code = code
        self.hint = hint if hint is not None else HINTS[code]
        self.detail = detail
        super().__init__(f"{code.value}: {self.hint}" + (f" ({detail})" if detail else ""))


@dataclass(frozen=True)
class QualityIssue:
    code: QualityCode
    hint: str

    @classmethod
    def of(cls, code: QualityCode) -> QualityIssue:
        return cls(code, HINTS[code])


# --------------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------------


class _Models:
    """dlib's detector, landmark predictor and encoder, each with the lock that serialises its calls."""

    def __init__(self) -> None:
        import dlib

        model_dir = _model_dir()
        predictor = model_dir / "shape_predictor_68_face_landmarks.dat"
        encoder = model_dir / "dlib_face_recognition_resnet_model_v1.dat"
        for path in (predictor, encoder):
            if not path.is_file():
                raise RuntimeError(f"face model file missing: {path} (reinstall face_recognition_models)")
        self.dlib: Any = dlib
        self.detector: Any = dlib.get_frontal_face_detector()
        self.predictor: Any = dlib.shape_predictor(str(predictor))
        self.encoder: Any = dlib.face_recognition_model_v1(str(encoder))
        self.detector_lock = threading.Lock()
        self.predictor_lock = threading.Lock()
        self.encoder_lock = threading.Lock()


def _model_dir() -> Path:
    """The ``models`` folder of ``face_recognition_models``, found without importing the package
    (its ``__init__`` imports the deprecated ``pkg_resources``)."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("face_recognition_models is not installed (pip install face_recognition_models)")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


_models: _Models | None = None
_models_lock = threading.Lock()


def _get_models() -> _Models:
    global _models
    models = _models
    if models is None:
        with _models_lock:
            if _models is None:
                _models = _Models()
            models = _models
    return models


def preload_models() -> None:
    """Load the models now (about 0.5 s) instead of on the first request; safe to call repeatedly."""
    _get_models()


# --------------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------------

_ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")


def decode_image(
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_long_side: int = MAX_LONG_SIDE,
) -> NDArray[np.uint8]:
    """Decode a JPEG/PNG/WebP upload to an RGB ``uint8`` array of shape (height, width, 3).

    The EXIF orientation is applied (phones store portraits as rotated landscapes) and the image is
    downscaled so its long side is at most ``max_long_side``. Raises :class:`FaceQualityError` with
    ``image_too_large`` (more than ``max_bytes`` or ``max_pixels`` before decoding, so a decompression
    bomb is refused from its header), ``unsupported_format`` or ``corrupt_image``.
    """
    if len(data) > max_bytes:
        raise FaceQualityError(QualityCode.IMAGE_TOO_LARGE, detail=f"{len(data)} bytes > {max_bytes}")
    if not data:
        raise FaceQualityError(QualityCode.CORRUPT_IMAGE, detail="empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.format not in _ACCEPTED_FORMATS:
                raise FaceQualityError(QualityCode.UNSUPPORTED_FORMAT, detail=str(opened.format))
            width, height = opened.size
            if width * height > max_pixels:
                raise FaceQualityError(
                    QualityCode.IMAGE_TOO_LARGE, detail=f"{width}x{height} > {max_pixels} pixels"
                )
            if opened.format == "JPEG":
                # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the target is that much smaller.
                scale = min(1.0, max_long_side / max(width, height))
                opened.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
            opened.load()
            image: Image.Image = ImageOps.exif_transpose(opened)
            if image.mode != "RGB":
                image = image.convert("RGB")
    except FaceQualityError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FaceQualityError(QualityCode.IMAGE_TOO_LARGE, detail=str(exc)) from exc
    except UnidentifiedImageError as exc:
        raise FaceQualityError(QualityCode.UNSUPPORTED_FORMAT, detail="not an image") from exc
    except (OSError, SyntaxError, ValueError, TypeError, EOFError, struct_error) as exc:
        raise FaceQualityError(QualityCode.CORRUPT_IMAGE, detail=str(exc)) from exc
    if max(image.size) > max_long_side:
        scale = max_long_side / max(image.size)
        new_size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(new_size, Image.Resampling.LANCZOS)
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


# --------------------------------------------------------------------------------------------------
# Measures
# --------------------------------------------------------------------------------------------------


def _luma(image: NDArray[np.uint8]) -> NDArray[np.float32]:
    """BT.601 luminance, float32 0-255."""
    rgb = image.astype(np.float32)
    return 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]  # type: ignore[no-any-return]


def laplacian_variance(gray: NDArray[np.floating[Any]] | NDArray[np.uint8]) -> float:
    """Variance of the 4-neighbour Laplacian (the usual focus measure), pure numpy, valid region only."""
    g = np.asarray(gray, dtype=np.float64)
    if g.ndim != 2 or g.shape[0] < 3 or g.shape[1] < 3:
        return 0.0
    lap = g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:] - 4.0 * g[1:-1, 1:-1]
    return float(lap.var())


@dataclass(frozen=True)
class HeadPose:
    """Head pose estimated from the 68 landmarks, after removing in-plane roll.

    ``yaw``: ``(d_left - d_right) / (d_left + d_right)`` where ``d_left``/``d_right`` are the horizontal
    distances from the nose tip to the jaw contour on the image's left/right. 0 is frontal, positive
    means the nose points to the image's right, +-1 is a profile; ``atan(yaw)`` is a rough angle
    (0.45 ~ 25 degrees). In a camera image that is not mirrored the image's right is the person's left.

    ``pitch``: where the nose tip sits between the eye line (0) and the chin (1): about 0.4 when level,
    larger when the head bends down, smaller when it tilts up.

    ``roll``: the angle of the eye line in degrees (positive = clockwise on screen).
    """

    yaw: float
    pitch: float
    roll: float


def head_pose(landmarks: NDArray[np.float64]) -> HeadPose:
    pts = np.asarray(landmarks, dtype=np.float64)
    eye_a = pts[36:42].mean(axis=0)
    eye_b = pts[42:48].mean(axis=0)
    dx, dy = eye_b - eye_a
    roll = math.atan2(dy, dx)
    c, s = math.cos(-roll), math.sin(-roll)
    centre = (eye_a + eye_b) / 2.0
    rot = (pts - centre) @ np.array([[c, s], [-s, c]])
    nose = rot[30]
    d_left = nose[0] - rot[0:4, 0].mean()
    d_right = rot[13:17, 0].mean() - nose[0]
    span = d_left + d_right
    yaw = float((d_left - d_right) / span) if span > 1e-6 else 0.0
    chin = rot[8, 1]  # the eye line is at y = 0 after the rotation
    pitch = float(nose[1] / chin) if chin > 1e-6 else 0.0
    return HeadPose(yaw=max(-1.0, min(1.0, yaw)), pitch=pitch, roll=math.degrees(roll))


def face_distance(a: NDArray[np.float64], b: NDArray[np.float64]) -> float:
    """Euclidean distance between two 128-d encodings (0 identical, < 0.6 same person by default)."""
    return float(np.linalg.norm(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)))


# --------------------------------------------------------------------------------------------------
# Analysis
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaceBox:
    """Detector box in image pixels; may extend past the image border when the face is cut off."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    def as_dict(self) -> dict[str, int]:
        return {"left": self.left, "top": self.top, "right": self.right, "bottom": self.bottom}


@dataclass(frozen=True)
class QualityReport:
    """What was measured on one image, and what is wrong with it (``issues`` in priority order)."""

    width: int
    height: int
    brightness: float
    sharpness: float | None = None
    face_count: int = 0
    face_ratio: float | None = None
    pose: HeadPose | None = None
    issues: tuple[QualityIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.issues

    def has(self, code: QualityCode) -> bool:
        return any(issue.code == code for issue in self.issues)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "width": self.width,
            "height": self.height,
            "brightness": round(self.brightness, 1),
            "sharpness": None if self.sharpness is None else round(self.sharpness, 1),
            "face_count": self.face_count,
            "face_ratio": None if self.face_ratio is None else round(self.face_ratio, 3),
            "yaw": None if self.pose is None else round(self.pose.yaw, 3),
            "pitch": None if self.pose is None else round(self.pose.pitch, 3),
            "roll": None if self.pose is None else round(self.pose.roll, 1),
            "issues": [{"code": i.code.value, "hint": i.hint} for i in self.issues],
        }


@dataclass(frozen=True, eq=False)
class FaceAnalysis:
    """The largest face of an image: box, 68 landmarks (x, y), 128-d encoding and the quality report.

    ``encoding`` is ``None`` only when :func:`analyse_face` was called with ``encode=False``.
    """

    box: FaceBox
    landmarks: NDArray[np.float64]
    encoding: NDArray[np.float64] | None
    quality: QualityReport
    extra_boxes: tuple[FaceBox, ...] = field(default=())


def _sorted_issues(codes: set[QualityCode]) -> tuple[QualityIssue, ...]:
    return tuple(QualityIssue.of(code) for code in _PRIORITY if code in codes)


def _detect(models: _Models, gray: NDArray[np.uint8]) -> list[tuple[FaceBox, float]]:
    """HOG detection on a downscaled copy, boxes mapped back to ``gray``'s pixels, largest first."""
    height, width = gray.shape
    scale = min(1.0, DETECT_LONG_SIDE / max(height, width))
    small = gray
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = np.asarray(Image.fromarray(gray).resize(size, Image.Resampling.BILINEAR))
    small = np.ascontiguousarray(small)
    found: list[tuple[FaceBox, float]] = []
    for upsample in (0, 1):  # upsampling finds faces down to ~40 px, at 4x the cost: only as a retry
        with models.detector_lock:
            rects, scores, _ = models.detector.run(small, upsample, 0.0)
        for rect, score in zip(rects, scores, strict=True):
            box = FaceBox(
                round(rect.left() / scale),
                round(rect.top() / scale),
                round((rect.right() + 1) / scale),
                round((rect.bottom() + 1) / scale),
            )
            found.append((box, float(score)))
        if found:
            break
    found.sort(key=lambda item: item[0].width * item[0].height, reverse=True)
    return found


def analyse_face(
    image: NDArray[np.uint8],
    *,
    encode: bool = True,
    require_frontal: bool = False,
    raise_on_issue: bool = True,
) -> FaceAnalysis:
    """Find the largest face of a decoded RGB image and measure it.

    With ``raise_on_issue`` (the default) the first quality issue is raised as :class:`FaceQualityError`
    (see the module constants for the limits). With ``raise_on_issue=False`` the issues are only reported
    in ``quality.issues`` (liveness frames use that: a turned head is expected there); an image in which no
    face can be measured at all (too small, no face, several comparable faces) still raises.
    ``require_frontal`` adds the head-pose check used for a reference match.
    """
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError("expected an RGB uint8 array of shape (height, width, 3)")
    height, width = image.shape[:2]
    luma = _luma(image)
    brightness = float(luma.mean())
    if min(width, height) < MIN_IMAGE_SIDE:
        raise FaceQualityError(QualityCode.IMAGE_TOO_SMALL, detail=f"{width}x{height}")
    if brightness < MIN_IMAGE_BRIGHTNESS:
        raise FaceQualityError(QualityCode.TOO_DARK, detail=f"image luminance {brightness:.0f}")
    if brightness > MAX_IMAGE_BRIGHTNESS:
        raise FaceQualityError(QualityCode.TOO_BRIGHT, detail=f"image luminance {brightness:.0f}")

    models = _get_models()
    gray = np.clip(luma + 0.5, 0, 255).astype(np.uint8)
    faces = _detect(models, gray)
    if not faces:
        raise FaceQualityError(QualityCode.NO_FACE)
    box = faces[0][0]
    comparable = [b for b, _ in faces if b.width >= COMPARABLE_FACE_RATIO * box.width]
    if len(comparable) > 1:
        raise FaceQualityError(QualityCode.MULTIPLE_FACES, detail=f"{len(comparable)} faces")

    rect = models.dlib.rectangle(box.left, box.top, box.right - 1, box.bottom - 1)
    with models.predictor_lock:
        shape = models.predictor(image, rect)
    landmarks = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)
    pose = head_pose(landmarks)

    codes: set[QualityCode] = set()
    overhang = MAX_BOX_OVERHANG * max(box.width, box.height)
    if (
        box.left < -overhang
        or box.top < -overhang
        or box.right > width + overhang
        or box.bottom > height + overhang
        or landmarks[:, 0].min() < 0
        or landmarks[:, 1].min() < 0
        or landmarks[:, 0].max() > width - 1
        or landmarks[:, 1].max() > height - 1
    ):
        codes.add(QualityCode.FACE_CUT_OFF)
    face_ratio = box.width / min(width, height)
    if box.width < MIN_FACE_PX or face_ratio < MIN_FACE_RATIO:
        codes.add(QualityCode.FACE_TOO_SMALL)

    x0, y0 = max(0, box.left), max(0, box.top)
    x1, y1 = min(width, box.right), min(height, box.bottom)
    crop = gray[y0:y1, x0:x1]
    face_brightness = float(luma[y0:y1, x0:x1].mean()) if crop.size else brightness
    if face_brightness < MIN_FACE_BRIGHTNESS:
        codes.add(QualityCode.TOO_DARK)
    elif face_brightness > MAX_FACE_BRIGHTNESS:
        codes.add(QualityCode.TOO_BRIGHT)
    sharpness = 0.0
    if crop.shape[0] >= 3 and crop.shape[1] >= 3:
        crop_h = max(3, round(crop.shape[0] * SHARPNESS_CROP / crop.shape[1]))
        resized = Image.fromarray(crop).resize((SHARPNESS_CROP, crop_h), Image.Resampling.BILINEAR)
        sharpness = laplacian_variance(np.asarray(resized))
    if sharpness < MIN_SHARPNESS:
        codes.add(QualityCode.BLURRY)
    if require_frontal and (abs(pose.yaw) > MAX_FRONTAL_YAW or abs(pose.roll) > MAX_FRONTAL_ROLL):
        codes.add(QualityCode.FACE_NOT_FRONTAL)

    report = QualityReport(
        width=width,
        height=height,
        brightness=face_brightness,
        sharpness=sharpness,
        face_count=len(comparable),
        face_ratio=face_ratio,
        pose=pose,
        issues=_sorted_issues(codes),
    )
    if raise_on_issue and report.issues:
        first = report.issues[0]
        raise FaceQualityError(first.code, first.hint, detail=_detail(first.code, report))

    encoding: NDArray[np.float64] | None = None
    if encode:
        with models.encoder_lock:
            descriptor = models.encoder.compute_face_descriptor(image, shape)
        encoding = np.asarray(descriptor, dtype=np.float64).reshape(128)
    return FaceAnalysis(
        box=box,
        landmarks=landmarks,
        encoding=encoding,
        quality=report,
        extra_boxes=tuple(b for b, _ in faces[1:]),
    )


def _detail(code: QualityCode, report: QualityReport) -> str:
    if code in (QualityCode.TOO_DARK, QualityCode.TOO_BRIGHT):
        return f"face luminance {report.brightness:.0f}"
    if code is QualityCode.BLURRY:
        return f"sharpness {report.sharpness:.0f} < {MIN_SHARPNESS:.0f}"
    if code is QualityCode.FACE_TOO_SMALL:
        return f"face ratio {report.face_ratio:.2f}"
    if code is QualityCode.FACE_NOT_FRONTAL and report.pose is not None:
        return f"yaw {report.pose.yaw:.2f}, roll {report.pose.roll:.0f}"
    return ""


# --------------------------------------------------------------------------------------------------
# Verification
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerificationResult:
    match: bool
    distance: float
    threshold: float
    quality: dict[str, dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "match": self.match,
            "distance": round(self.distance, 4),
            "threshold": self.threshold,
            "quality": self.quality,
        }


def verify_faces(
    reference: bytes,
    probe: bytes,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> VerificationResult:
    """Is the person in ``probe`` (a selfie) the person in ``reference`` (e.g. the ID-card photo)?

    Both images must pass every quality check, including a roughly frontal head; otherwise
    :class:`FaceQualityError` is raised (its ``detail`` starts with ``reference:`` or ``probe:``).
    ``match`` is ``distance <= threshold`` with ``distance`` the Euclidean distance of the two 128-d dlib
    encodings.

    Threshold trade-off: 0.6 is dlib's published operating point (99.38% accuracy on LFW pairs, i.e. about
    0.6% of pairs wrong). Lowering it rejects more impostors but also more genuine customers with old ID
    photos, glasses or a different haircut; raising it does the opposite. LFW is mostly Western adult
    faces in good light: for an unattended identity check use 0.5-0.55 and send near-threshold results to a
    human (see docs/identity-threshold.md for the measurements).
    """
    if not 0.0 < threshold < 2.0:
        raise ValueError("threshold must be between 0 and 2")
    analyses: dict[str, FaceAnalysis] = {}
    for role, data in (("reference", reference), ("probe", probe)):
        try:
            image = decode_image(data, max_bytes=max_bytes, max_pixels=max_pixels)
            analyses[role] = analyse_face(image, require_frontal=True)
        except FaceQualityError as exc:
            raise FaceQualityError(exc.code, exc.hint, detail=f"{role}: {exc.detail}".rstrip(": ")) from exc
    ref_encoding = analyses["reference"].encoding
    probe_encoding = analyses["probe"].encoding
    assert ref_encoding is not None and probe_encoding is not None
    distance = face_distance(ref_encoding, probe_encoding)
    return VerificationResult(
        match=distance <= threshold,
        distance=distance,
        threshold=threshold,
        quality={role: analysis.quality.as_dict() for role, analysis in analyses.items()},
    )
