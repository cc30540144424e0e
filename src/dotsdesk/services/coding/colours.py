"""Code colours: a palette of 24 that stay apart, and the choice of the next one.

The palette was picked greedily in OKLab (a perceptual space: equal distances look equally
different) from mid-light, mid-chroma colours that tint text legibly, each new colour the one
farthest from those already chosen; every pair is at least 0.09 apart (a just-noticeable
difference is about 0.02). A new code takes the palette colour farthest from the colours the
codebook already uses, so "a new code the same orange as an existing one" cannot happen while
the palette has room.

The colour-blind-safe palette is Okabe & Ito's eight (Color Universal Design, 2008), then Paul
Tol's "muted" scheme: distinguishable under the common red-green deficiencies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

PALETTE = (
    "#F2CD64",
    "#5F7CEB",
    "#D95544",
    "#03A14A",
    "#F38CEB",
    "#22CDE5",
    "#B49C5A",
    "#BD5AB6",
    "#4EF2AA",
    "#3595A4",
    "#ECA0A0",
    "#ACB1F0",
    "#EF6A9A",
    "#93CC4B",
    "#B082F7",
    "#F3BCED",
    "#44A8E7",
    "#27B892",
    "#B36F84",
    "#EF7926",
    "#B77610",
    "#87E4DE",
    "#BF8AB9",
    "#7F8E4E",
)

SAFE_PALETTE = (
    # Okabe-Ito
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
    # Tol muted
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def oklab(colour: str) -> tuple[float, float, float]:
    """ "#RRGGBB" in OKLab (Björn Ottosson, 2020)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    r, g, b = (_linear(int(text[i : i + 2], 16) / 255) for i in (0, 2, 4))
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (math.copysign(abs(x) ** (1 / 3), x) for x in lms)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def distance(a: str, b: str) -> float:
    return math.dist(oklab(a), oklab(b))


def next_colour(used: Iterable[str], palette: Sequence[str] = PALETTE) -> str:
    """The palette colour farthest from every colour in use (the first, with none in use).
    A colour that is not #RRGGBB (typed by hand in an old project) is not counted."""
    points = []
    for colour in used:
        try:
            points.append(oklab(colour))
        except ValueError:
            continue
    if not points:
        return palette[0]
    # Ties (the palette used up, each colour once) go to the palette's order.
    return max(palette, key=lambda c: min(math.dist(oklab(c), p) for p in points))
