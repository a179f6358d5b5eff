"""Face verification on real photographs (../shared/data/faces) and generated images."""

from __future__ import annotations

import importlib.util
import io
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

pytest.importorskip("dlib", reason="dlib-bin is not installed")
if importlib.util.find_spec("face_recognition_models") is None:
    pytest.skip("face_recognition_models is not installed", allow_module_level=True)

from zhihui.identity import face as F
from zhihui.identity.face import (
    FaceQualityError,
    QualityCode,
    analyse_face,
    decode_image,
    laplacian_variance,
    verify_faces,
)

FACES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "faces"
needs_faces = pytest.mark.skipif(
    not (FACES / "obama.jpg").is_file(), reason=f"test photos not found in {FACES.resolve()}"
)


def _jpeg(image: Image.Image | np.ndarray, quality: int = 92) -> bytes:
    if isinstance(image, np.ndarray):
        image = Image.fromarray(image)
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


@pytest.fixture(scope="module")
def photos() -> dict[str, bytes]:
    if not FACES.is_dir():
        pytest.skip(f"test photos not found in {FACES.resolve()}")
    F.preload_models()
    return {p.stem: p.read_bytes() for p in FACES.glob("*.jpg")}


def _landscape(width: int = 800, height: int = 600) -> Image.Image:
    """A sky gradient, a sun and green hills: an image with no face in it."""
    y = np.linspace(0, 1, height)[:, None]
    sky = np.stack([90 + 100 * y, 150 + 80 * y, 230 + 0 * y], axis=-1) * np.ones((1, width, 1))
    image = Image.fromarray(sky.astype(np.uint8))
    draw = ImageDraw.Draw(image)
    draw.ellipse([600, 60, 700, 160], fill=(250, 230, 120))
    draw.polygon([(0, 420), (250, 300), (520, 430), (800, 330), (800, 600), (0, 600)], fill=(60, 140, 60))
    return image


# -------------------------------------------------------------------------------------------------------
# verification
# -------------------------------------------------------------------------------------------------------


@needs_faces
@pytest.mark.parametrize("other", ["obama2", "obama3"])
def test_same_person_matches(photos: dict[str, bytes], other: str) -> None:
    result = verify_faces(photos["obama"], photos[other], threshold=F.DEFAULT_THRESHOLD)
    assert result.match, result.as_dict()
    assert 0.0 < result.distance < 0.5  # measured 0.35-0.38
    assert result.threshold == 0.6
    assert set(result.quality) == {"reference", "probe"}
    assert result.quality["probe"]["ok"] is True


@needs_faces
@pytest.mark.parametrize("person", ["obama", "obama2", "obama3"])
def test_different_person_does_not_match(photos: dict[str, bytes], person: str) -> None:
    result = verify_faces(photos[person], photos["biden"])
    assert not result.match
    assert result.distance > 0.7  # measured 0.75-0.85
    assert result.as_dict()["match"] is False


@needs_faces
def test_threshold_is_applied(photos: dict[str, bytes]) -> None:
    loose = verify_faces(photos["obama"], photos["obama2"], threshold=0.6)
    strict = verify_faces(photos["obama"], photos["obama2"], threshold=loose.distance - 0.01)
    assert loose.match and not strict.match
    assert strict.distance == pytest.approx(loose.distance)
    with pytest.raises(ValueError):
        verify_faces(photos["obama"], photos["obama2"], threshold=0)


@needs_faces
def test_partial_face_gets_cut_off_hint(photos: dict[str, bytes]) -> None:
    with pytest.raises(FaceQualityError) as caught:
        verify_faces(photos["obama"], photos["obama_partial_face"])
    assert caught.value.code is QualityCode.FACE_CUT_OFF
    assert "取景框" in caught.value.hint
    assert caught.value.detail.startswith("probe")
    # The full frontal photos are not flagged.
    for name in ("obama", "obama2", "obama3", "biden"):
        report = analyse_face(decode_image(photos[name]), raise_on_issue=False).quality
        assert not report.has(QualityCode.FACE_CUT_OFF), name


@needs_faces
def test_partial_face_cut_off_when_cropped_from_a_full_photo(photos: dict[str, bytes]) -> None:
    image = decode_image(photos["obama"])
    box = analyse_face(image, encode=False).box
    cropped = np.ascontiguousarray(image[:, : box.left + box.width * 2 // 3])  # cut the right third of the face
    report = analyse_face(cropped, raise_on_issue=False, encode=False).quality
    assert report.has(QualityCode.FACE_CUT_OFF)


def test_no_face_is_refused() -> None:
    with pytest.raises(FaceQualityError) as caught:
        verify_faces(_jpeg(_landscape()), _jpeg(_landscape(640, 480)))
    assert caught.value.code is QualityCode.NO_FACE
    assert caught.value.hint == "未检测到人脸，请正对镜头"
    assert caught.value.detail.startswith("reference")


@needs_faces
def test_two_comparable_faces_are_refused(photos: dict[str, bytes]) -> None:
    both = Image.new("RGB", (800, 400), (210, 210, 205))
    for i, name in enumerate(("obama", "biden")):
        image = decode_image(photos[name])
        box = analyse_face(image, encode=False).box
        margin = box.width // 2
        crop = image[box.top - margin : box.bottom + margin, box.left - margin : box.right + margin]
        both.paste(Image.fromarray(np.ascontiguousarray(crop)).resize((360, 360)), (20 + 400 * i, 20))
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(np.asarray(both))
    assert caught.value.code is QualityCode.MULTIPLE_FACES
    assert "多张人脸" in caught.value.hint


@needs_faces
def test_small_face_asks_to_come_closer(photos: dict[str, bytes]) -> None:
    face = Image.fromarray(decode_image(photos["obama"], max_long_side=300))
    canvas = Image.new("RGB", (1280, 960), (200, 200, 195))
    canvas.paste(face, (500, 300))
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(np.asarray(canvas))
    assert caught.value.code is QualityCode.FACE_TOO_SMALL
    assert "靠近" in caught.value.hint


@needs_faces
def test_blurry_dark_and_bright_faces_are_refused(photos: dict[str, bytes]) -> None:
    image = Image.fromarray(decode_image(photos["obama"], max_long_side=640))
    sharp = analyse_face(np.asarray(image), encode=False).quality
    assert sharp.ok and sharp.sharpness is not None and sharp.sharpness > 4 * F.MIN_SHARPNESS

    with pytest.raises(FaceQualityError) as caught:
        analyse_face(np.asarray(image.filter(ImageFilter.GaussianBlur(4))))
    assert caught.value.code is QualityCode.BLURRY

    dark = (np.asarray(image).astype(np.float32) * 0.25).astype(np.uint8)
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(dark)
    assert caught.value.code is QualityCode.TOO_DARK

    bright = np.clip(np.asarray(image).astype(np.float32) * 0.4 + 170, 0, 255).astype(np.uint8)
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(bright)
    assert caught.value.code is QualityCode.TOO_BRIGHT


@needs_faces
def test_turned_head_is_refused_for_reference(photos: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    image = decode_image(photos["obama2"])  # head visibly turned: yaw ratio ~0.45
    pose = analyse_face(image, encode=False).quality.pose
    assert pose is not None and 0.3 < abs(pose.yaw) < F.MAX_FRONTAL_YAW
    frontal = analyse_face(decode_image(photos["obama"]), encode=False).quality.pose
    assert frontal is not None and abs(frontal.yaw) < 0.15
    monkeypatch.setattr(F, "MAX_FRONTAL_YAW", 0.3)
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(image, require_frontal=True)
    assert caught.value.code is QualityCode.FACE_NOT_FRONTAL
    assert caught.value.hint.endswith("请正对镜头")
    analyse_face(image, require_frontal=False)  # the same image is fine when pose does not matter


@needs_faces
def test_analysis_shapes_and_orientation(photos: dict[str, bytes]) -> None:
    image = decode_image(photos["obama3"])
    assert max(image.shape[:2]) == F.MAX_LONG_SIDE  # 1434x2333 downscaled
    analysis = analyse_face(image)
    assert analysis.landmarks.shape == (68, 2)
    assert analysis.encoding is not None and analysis.encoding.shape == (128,)
    box = analysis.box
    assert 0 <= box.left < box.right <= image.shape[1] and 0 <= box.top < box.bottom <= image.shape[0]

    # A portrait stored sideways with an EXIF orientation tag is turned upright before detection.
    upright = Image.open(io.BytesIO(photos["obama"]))
    sideways = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display" (ROTATE_90 turned it counter-clockwise)
    buf = io.BytesIO()
    sideways.save(buf, "JPEG", exif=exif.tobytes())
    decoded = decode_image(buf.getvalue())
    assert decoded.shape[0] > decoded.shape[1]  # portrait again
    again = analyse_face(decoded)
    assert again.encoding is not None
    reference = analyse_face(decode_image(photos["obama"])).encoding
    assert reference is not None
    assert F.face_distance(reference, again.encoding) < 0.1


# -------------------------------------------------------------------------------------------------------
# decoding
# -------------------------------------------------------------------------------------------------------


def test_corrupt_bytes_are_refused() -> None:
    with pytest.raises(FaceQualityError) as caught:
        decode_image(b"\x00garbage" * 100)
    assert caught.value.code is QualityCode.UNSUPPORTED_FORMAT
    with pytest.raises(FaceQualityError) as caught:
        decode_image(b"")
    assert caught.value.code is QualityCode.CORRUPT_IMAGE
    source = _jpeg(_landscape())
    with pytest.raises(FaceQualityError) as caught:
        decode_image(source[: len(source) // 2])  # truncated JPEG
    assert caught.value.code is QualityCode.CORRUPT_IMAGE
    damaged = bytearray(_jpeg(_landscape()))
    damaged[200:400] = bytes(200)
    damaged[-300:] = bytes(300)
    with pytest.raises(FaceQualityError) as caught:
        decode_image(bytes(damaged)[:-2])
    assert caught.value.code is QualityCode.CORRUPT_IMAGE


def test_wrong_formats_are_refused_and_accepted_formats_decode() -> None:
    image = _landscape(320, 240)
    for fmt in ("GIF", "BMP", "TIFF"):
        buf = io.BytesIO()
        image.save(buf, fmt)
        with pytest.raises(FaceQualityError) as caught:
            decode_image(buf.getvalue())
        assert caught.value.code is QualityCode.UNSUPPORTED_FORMAT, fmt
    for fmt in ("JPEG", "PNG", "WEBP"):
        buf = io.BytesIO()
        image.convert("RGBA" if fmt == "PNG" else "RGB").save(buf, fmt)
        decoded = decode_image(buf.getvalue())
        assert decoded.shape == (240, 320, 3) and decoded.dtype == np.uint8, fmt


def test_huge_images_are_refused() -> None:
    # 8000 x 6000 = 48 MP of one colour: a small file, refused from its header before decoding.
    buf = io.BytesIO()
    Image.new("RGB", (8000, 6000), (120, 120, 120)).save(buf, "PNG")
    assert len(buf.getvalue()) < 1_000_000
    with pytest.raises(FaceQualityError) as caught:
        decode_image(buf.getvalue(), max_bytes=8_000_000, max_pixels=40_000_000)
    assert caught.value.code is QualityCode.IMAGE_TOO_LARGE
    # Too many bytes.
    with pytest.raises(FaceQualityError) as caught:
        decode_image(_jpeg(_landscape()), max_bytes=1000, max_pixels=40_000_000)
    assert caught.value.code is QualityCode.IMAGE_TOO_LARGE
    # Big but allowed: decoded and downscaled to 1280 on the long side.
    buf = io.BytesIO()
    _landscape(4000, 3000).save(buf, "JPEG", quality=80)
    assert decode_image(buf.getvalue(), max_bytes=20_000_000, max_pixels=40_000_000).shape == (960, 1280, 3)


def test_tiny_image_is_refused() -> None:
    with pytest.raises(FaceQualityError) as caught:
        analyse_face(np.asarray(_landscape(200, 150)))
    assert caught.value.code is QualityCode.IMAGE_TOO_SMALL


def test_laplacian_variance() -> None:
    assert laplacian_variance(np.full((50, 50), 128, np.uint8)) == 0.0
    checker = (np.indices((50, 50)).sum(axis=0) % 2 * 255).astype(np.uint8)
    assert laplacian_variance(checker) > 10_000
    ramp = np.tile(np.arange(50, dtype=np.float64), (50, 1))
    assert laplacian_variance(ramp) == pytest.approx(0.0)  # linear: zero second derivative


@needs_faces
def test_concurrent_analysis_is_consistent(photos: dict[str, bytes]) -> None:
    images = [decode_image(photos[n], max_long_side=640) for n in ("obama", "biden")]
    expected = [analyse_face(img).encoding for img in images]
    got: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        enc = analyse_face(images[i % 2]).encoding
        assert enc is not None
        got[i] = enc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4
    for i, enc in got.items():
        ref = expected[i % 2]
        assert ref is not None
        assert F.face_distance(ref, enc) < 1e-6
