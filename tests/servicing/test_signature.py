"""The signature screen (servicing/signature.py) on synthetic drawings: the same strokes redrawn with the wobble,
size, slant, pen and position a person's second signature has score above the default threshold; other
drawings below it. Synthetic strokes are not real signatures: these tests pin the behaviour, they do not
measure how well it separates people (docs/servicing.md says so)."""

from __future__ import annotations

import io
import math
import random

import pytest
from PIL import Image, ImageDraw

from zhihui.servicing.signature import NoInk, signature_similarity
from zhihui.settings import ServicingSettings

THRESHOLD = ServicingSettings().signature_min_similarity
Stroke = list[tuple[float, float]]


def strokes(rng: random.Random, characters: int = 3) -> list[Stroke]:
    """A made-up signature: 2–5 strokes of 2–5 points in each 100×100 character box, side by side."""
    out = []
    for c in range(characters):
        for _ in range(rng.randint(2, 5)):
            out.append([(c * 100 + rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(rng.randint(2, 5))])
    return out


def draw(
    drawing: list[Stroke],
    *,
    rng: random.Random | None = None,
    wobble: float = 0.0,
    scale: float = 1.0,
    stretch: float = 1.0,
    slant_degrees: float = 0.0,
    pen: int = 5,
    offset: tuple[float, float] = (20, 30),
    canvas: tuple[int, int] = (600, 200),
) -> bytes:
    """The drawing as the H5 pad sends it: dark strokes on a transparent canvas, PNG."""
    image = Image.new("RGBA", canvas, (255, 255, 255, 0))
    pen_draw = ImageDraw.Draw(image)
    cos, sin = math.cos(math.radians(slant_degrees)), math.sin(math.radians(slant_degrees))
    for stroke in drawing:
        points = []
        for x, y in stroke:
            if rng is not None:
                x, y = x + rng.gauss(0, wobble), y + rng.gauss(0, wobble)
            x, y = x * scale * stretch, y * scale
            points.append((x * cos - y * sin + offset[0], x * sin + y * cos + offset[1]))
        pen_draw.line(points, fill=(17, 17, 17, 255), width=pen, joint="curve")
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def redrawn(drawing: list[Stroke], seed: int, wobble: float = 3.0) -> bytes:
    """The same strokes signed again: each point off by ``wobble`` (3 = ~3% of a character), 80–120% the size,
    a little wider or narrower, slanted up to 4°, another pen width, elsewhere on a pad of another size."""
    rng = random.Random(seed)
    return draw(
        drawing,
        rng=rng,
        wobble=wobble,
        scale=rng.uniform(0.8, 1.2),
        stretch=rng.uniform(0.9, 1.1),
        slant_degrees=rng.uniform(-4, 4),
        pen=rng.choice([3, 4, 6, 7]),
        offset=(rng.uniform(10, 60), rng.uniform(20, 50)),
        canvas=rng.choice([(600, 200), (720, 240), (900, 300)]),
    )


def test_the_same_drawing_scores_one() -> None:
    png = draw(strokes(random.Random(1)))
    assert signature_similarity(png, png) == 1.0


@pytest.mark.parametrize("seed", range(8))
def test_the_same_strokes_redrawn_score_above_the_threshold(seed: int) -> None:
    drawing = strokes(random.Random(seed), characters=2 + seed % 2)
    specimen = draw(drawing)
    for attempt in range(3):
        assert signature_similarity(specimen, redrawn(drawing, seed * 10 + attempt)) >= THRESHOLD


@pytest.mark.parametrize("seed", range(8))
def test_a_different_drawing_scores_below_the_threshold(seed: int) -> None:
    rng = random.Random(100 + seed)
    specimen = draw(strokes(rng, characters=2 + seed % 2))
    for _ in range(3):
        assert signature_similarity(specimen, draw(strokes(rng, characters=rng.randint(2, 3)))) < THRESHOLD


def test_a_scribble_is_not_a_signature() -> None:
    specimen = draw(strokes(random.Random(7)))
    loops = [[(150 + 60 * math.cos(t / 6), 50 + 40 * math.sin(t / 6)) for t in range(0, 80)]]
    assert signature_similarity(specimen, draw(loops)) < THRESHOLD
    stroke = [[(10.0, 50.0), (290.0, 52.0)]]  # one line across the pad
    assert signature_similarity(specimen, draw(stroke)) < THRESHOLD


def test_blank_or_unreadable_images_cannot_be_compared() -> None:
    specimen = draw(strokes(random.Random(3)))
    with pytest.raises(NoInk):
        signature_similarity(specimen, draw([]))
    with pytest.raises(NoInk):
        signature_similarity(b"not a png", specimen)
