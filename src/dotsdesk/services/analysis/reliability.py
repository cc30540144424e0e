"""Agreement statistics for two coders and a yes/no judgement (a code applied or not).

Cohen's kappa: (p_o - p_e) / (1 - p_e), p_e from each coder's own rates (Cohen 1960).
Krippendorff's alpha, nominal: 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011,
"Computing Krippendorff's alpha-reliability"); for two coders, no missing values and two
categories the matrix follows from the four counts, so characters (millions of units) need
no matrix of units. `alpha_of` runs the `krippendorff` package on units that fit in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np


@dataclass(frozen=True)
class Counts:
    """Units both coders coded, only the first, only the second, neither."""

    both: int = 0
    first_only: int = 0
    second_only: int = 0
    neither: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.both + other.both,
            self.first_only + other.first_only,
            self.second_only + other.second_only,
            self.neither + other.neither,
        )

    @property
    def units(self) -> int:
        return self.both + self.first_only + self.second_only + self.neither

    @property
    def percent(self) -> float | None:
        """Percent agreement; None without units."""
        n = self.units
        return 100.0 * (self.both + self.neither) / n if n else None

    @property
    def kappa(self) -> float | None:
        return kappa_2x2(self.both, self.first_only, self.second_only, self.neither)

    @property
    def alpha(self) -> float | None:
        return alpha_2x2(self.both, self.first_only, self.second_only, self.neither)


def kappa_2x2(both: int, first_only: int, second_only: int, neither: int) -> float | None:
    """Cohen's kappa of a 2x2 table; None when undefined (both coders constant and equal)."""
    n = both + first_only + second_only + neither
    if n == 0:
        return None
    observed = (both + neither) / n
    first_yes, second_yes = (both + first_only) / n, (both + second_only) / n
    expected = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two coders' labels for the same units, any number of categories."""
    if len(first) != len(second):
        raise ValueError("both coders must label the same units")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    rates_a, rates_b = Counter(first), Counter(second)
    expected = sum(rates_a[k] * rates_b[k] for k in rates_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def alpha_2x2(both: int, first_only: int, second_only: int, neither: int) -> float | None:
    """Krippendorff's alpha (nominal) for two coders and two categories, from the counts.

    Each unit adds its pair of values both ways to the coincidence matrix o; with n = 2N
    values, n_1 = 2*both + d and n_0 = 2*neither + d (d the disagreeing units),
    alpha = 1 - (n - 1) * (o_01 + o_10) / (2 * n_0 * n_1) = 1 - (n - 1) * d / (n_0 * n_1)."""
    disagree = first_only + second_only
    n = 2 * (both + neither + disagree)
    yes, no = 2 * both + disagree, 2 * neither + disagree
    if n == 0 or yes == 0 or no == 0:
        return None  # one category only: alpha is undefined
    return 1.0 - (n - 1) * disagree / (yes * no)


def alpha_of(first: Sequence[int], second: Sequence[int]) -> float | None:
    """Krippendorff's alpha (nominal) by the `krippendorff` package, for units in memory."""
    if len(first) != len(second):
        raise ValueError("both coders must code the same units")
    if len(set(first) | set(second)) < 2:
        return None
    data = np.array([first, second], dtype=float)
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
