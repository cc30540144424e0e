"""Code colours stay apart: the palette, and each new code's colour far from those in use."""

from __future__ import annotations

from itertools import combinations

from dotsdesk.services.coding.codebook import add_code
from dotsdesk.services.coding.colours import (
    PALETTE,
    SAFE_PALETTE,
    distance,
    next_colour,
)
from dotsdesk.store.project import Project


def test_palette_is_large_and_every_pair_distinguishable() -> None:
    assert len(PALETTE) >= 20
    assert len(set(PALETTE)) == len(PALETTE)
    assert min(distance(a, b) for a, b in combinations(PALETTE, 2)) >= 0.09
    assert len(SAFE_PALETTE) >= 12


def test_next_colour_is_far_from_colours_in_use() -> None:
    assert next_colour([]) == PALETTE[0]
    # An orange already in use (typed by a user): the next colour is not another orange.
    orange = "#EF7A28"
    chosen = next_colour([orange])
    assert distance(chosen, orange) >= max(distance(c, orange) for c in PALETTE) - 1e-9
    assert distance(chosen, orange) > 0.2
    # A colour that is not #RRGGBB is not counted, rather than refused.
    assert next_colour(["red", "#12"]) == PALETTE[0]


def test_new_codes_take_distinct_colours_in_use_order(project: Project) -> None:
    with project.write() as s:
        colours = [add_code(s, f"Code {i} 代码 🙂").colour for i in range(len(PALETTE))]
        assert sorted(colours) == sorted(PALETTE)  # every colour once before any twice
        first_two = colours[:2]
        assert distance(*first_two) == max(distance(PALETTE[0], c) for c in PALETTE)
        again = add_code(s, "One more").colour
        assert again in PALETTE


def test_colour_blind_safe_palette_on_request(project: Project) -> None:
    with project.write() as s:
        made = [add_code(s, f"Safe {i}", palette=SAFE_PALETTE).colour for i in range(5)]
        assert all(c in SAFE_PALETTE for c in made)
        assert len(set(made)) == 5
        assert add_code(s, "Given", colour="#123456").colour == "#123456"
