"""A coarse comparison of a drawn signature with the specimen on file: a screen that routes to a person.

It is not signature verification. It looks at the drawing only (no pen speed, pressure or stroke order), and
anyone who has seen the specimen can trace it. What it does is tell a quick scribble or someone else's
handwriting from a drawing that looks like the specimen, so that a reviewer (审核员) compares those two images
side by side. It never refuses an application by itself. See docs/servicing.md for the figures behind the
default threshold (synthetic drawings, not real signatures).

Both PNGs are reduced the same way: the ink (dark pixels, after laying the image on white) is cropped to its
bounding box and stretched onto a fixed grid, so where on the pad, how large and with which pen width the
customer signed do not matter. Three measures of the two grids are then combined into a similarity in [0, 1]:

* shape: the mean distance from each ink cell of one drawing to the nearest ink cell of the other, both ways
  (a chamfer distance, via a distance transform), mapped to ``exp(-d / 4)``;
* stroke direction: per region of the grid, how much ink runs in each of 8 directions (gradient orientation
  histograms), compared by cosine;
* proportion: the width-to-height ratio of the ink, ``exp(-2·|ln(r1 / r2)|)``.
"""

from __future__ import annotations

import io
import math

import numpy as np
import numpy.typing as npt
from PIL import Image, UnidentifiedImageError
from scipy import ndimage

GRID_HEIGHT, GRID_WIDTH = 64, 160
"""The grid both drawings are stretched onto (signatures are wide)."""
REGIONS = (4, 10)
"""Rows and columns of the regions whose stroke directions are compared (they divide the grid evenly)."""
DIRECTIONS = 8
INK_BELOW = 128
"""A pixel darker than this (0–255, laid on white) is ink."""
SHAPE_SCALE = 4.0
"""Grid cells of mean distance at which the shape measure falls to 1/e."""
WEIGHTS = (0.5, 0.4, 0.1)
"""Shape, stroke direction, proportion."""

Grid = npt.NDArray[np.float64]


class NoInk(ValueError):
    """The image has no ink to compare (blank, or not a readable image)."""


def _grid(png: bytes) -> tuple[Grid, float]:
    """The ink of ``png`` cropped and stretched onto the grid (ink coverage per cell, 0–1), and its aspect ratio."""
    try:
        with Image.open(io.BytesIO(png)) as image:
            rgba = image.convert("RGBA")
    except (UnidentifiedImageError, OSError) as exc:
        raise NoInk("unreadable image") from exc
    # The H5 pad draws dark strokes on a transparent canvas: lay it on white before judging darkness.
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    ink = np.asarray(Image.alpha_composite(white, rgba).convert("L")) < INK_BELOW
    rows, cols = np.nonzero(ink)
    if rows.size == 0:
        raise NoInk("no ink")
    crop = ink[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    height, width = crop.shape
    cells = Image.fromarray(crop.astype(np.uint8) * 255).resize((GRID_WIDTH, GRID_HEIGHT), Image.Resampling.BOX)
    return np.asarray(cells, dtype=np.float64) / 255.0, width / height


def _chamfer(a: npt.NDArray[np.bool_], b: npt.NDArray[np.bool_]) -> float:
    """Mean distance (grid cells) from the ink of each to the nearest ink of the other, averaged both ways."""
    to_b = ndimage.distance_transform_edt(~b)
    to_a = ndimage.distance_transform_edt(~a)
    return float((to_b[a].mean() + to_a[b].mean()) / 2)


def _directions(grid: Grid) -> Grid:
    """Unit vector of the ink's gradient-orientation histograms, region by region."""
    smooth = ndimage.gaussian_filter(grid, 1.0)
    dy, dx = ndimage.sobel(smooth, axis=0), ndimage.sobel(smooth, axis=1)
    magnitude = np.hypot(dx, dy)
    # a stroke's direction, not which side of it is dark: fold the angle to [0, π)
    bins = np.minimum((np.mod(np.arctan2(dy, dx), np.pi) / np.pi * DIRECTIONS).astype(int), DIRECTIONS - 1)
    rows, cols = REGIONS
    histograms = np.stack(
        [
            np.where(bins == k, magnitude, 0.0)
            .reshape(rows, GRID_HEIGHT // rows, cols, GRID_WIDTH // cols)
            .sum(axis=(1, 3))
            for k in range(DIRECTIONS)
        ],
        axis=-1,
    ).ravel()
    norm = float(np.linalg.norm(histograms))
    return histograms / norm if norm else histograms


def signature_similarity(specimen: bytes, drawn: bytes) -> float:
    """How alike two drawn signatures (PNG bytes) look, from 0 (nothing alike) to 1 (the same drawing).

    Raises :class:`NoInk` when either image is unreadable or blank."""
    grid_a, ratio_a = _grid(specimen)
    grid_b, ratio_b = _grid(drawn)
    shape = math.exp(-_chamfer(grid_a > 0, grid_b > 0) / SHAPE_SCALE)
    direction = max(0.0, float(_directions(grid_a) @ _directions(grid_b)))
    proportion = math.exp(-2 * abs(math.log(ratio_a / ratio_b)))
    w_shape, w_direction, w_proportion = WEIGHTS
    return round(w_shape * shape + w_direction * direction + w_proportion * proportion, 4)
