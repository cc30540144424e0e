"""The project's label scheme: the one place new respondents' pseudonymous labels come from.

A label is what leaves the project, so it is never a survey tool's response id, a file name
or anyone's name: new respondents are numbered in one project-wide sequence (`P01`, `P02`,
...) that continues across imports. The pattern is a project setting with one run of `#`
for the number ("P##", "Interviewee-###"); the run is the least width, and numbers grow past
it (P99, P100) rather than wrap. A label the researcher gave that already fits the scheme
("P07" in their own spreadsheet) is kept; transcripts keep their own pseudonymous
"Interviewee N", which the importer asks for explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import Respondent, Setting

SETTING_KEY = "label_pattern"
DEFAULT_PATTERN = "P##"
_RUN = re.compile(r"#+")


@dataclass(frozen=True)
class LabelScheme:
    prefix: str
    width: int
    suffix: str

    @property
    def pattern(self) -> str:
        return f"{self.prefix}{'#' * self.width}{self.suffix}"

    def format(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.width}d}{self.suffix}"

    def number(self, label: str) -> int | None:
        """The number of a label in this scheme ("P07" -> 7), None if it does not fit.
        Fewer digits than the width do not fit: "P7" beside "P07" would read as two people."""
        digits = r"\d{" + str(self.width) + ",}"
        found = re.fullmatch(f"{re.escape(self.prefix)}({digits}){re.escape(self.suffix)}", label)
        if found is None or (len(found[1]) > self.width and found[1].startswith("0")):
            return None  # "P007" under "P##" is not how the scheme writes 7
        return int(found[1])


def parse_pattern(pattern: str) -> LabelScheme:
    pattern = pattern.strip()
    runs = _RUN.findall(pattern)
    if len(runs) != 1:
        raise InvalidOperation(
            None,
            f"a label pattern needs one run of # for the number, like 'P##' (not {pattern!r})",
        )
    prefix, suffix = _RUN.split(pattern)
    if not (prefix + suffix).strip():
        # Bare numbers read as a count or an id in a table, not as a pseudonym.
        raise InvalidOperation(None, "a label pattern needs some letters beside the number")
    if len(pattern) > 40:
        raise InvalidOperation(None, "a label pattern can be at most 40 characters")
    return LabelScheme(prefix, len(runs[0]), suffix)


def label_scheme(session: Session) -> LabelScheme:
    stored = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))
    return parse_pattern(stored or DEFAULT_PATTERN)


def set_label_pattern(session: Session, pattern: str) -> LabelScheme:
    """Set the scheme for respondents added from now on; existing labels stay as they are."""
    scheme = parse_pattern(pattern)
    session.merge(Setting(key=SETTING_KEY, value=scheme.pattern))
    session.flush()
    return scheme


class LabelMaker:
    """Hands out labels for one batch of new respondents (an import), reading the project's
    labels once: the next number is one past the highest in the scheme, so a sequence goes on
    where the last import stopped and a deleted respondent's label is never given again."""

    def __init__(self, scheme: LabelScheme, used: Iterable[str]) -> None:
        self.scheme = scheme
        self.used = set(used)
        numbers = (scheme.number(label) for label in self.used)
        self._next = max((n for n in numbers if n is not None), default=0) + 1

    def fresh(self) -> str:
        while (label := self.scheme.format(self._next)) in self.used:
            self._next += 1
        self.used.add(label)
        self._next += 1
        return label

    def keep_or_fresh(self, given: str | None) -> str:
        """`given` when the researcher's own id fits the scheme and is free; else a fresh one."""
        given = (given or "").strip()
        number = self.scheme.number(given)
        if number is None or given in self.used:
            return self.fresh()
        self.used.add(given)
        self._next = max(self._next, number + 1)
        return given

    def take(self, label: str) -> str:
        """An explicit label (a transcript's "Interviewee 3"), refused when already used."""
        label = label.strip()
        if not label:
            raise InvalidOperation(None, "a label cannot be empty")
        if label in self.used:
            raise InvalidOperation(None, f"the label {label!r} is already used")
        self.used.add(label)
        number = self.scheme.number(label)
        if number is not None:
            self._next = max(self._next, number + 1)
        return label


def label_maker(session: Session) -> LabelMaker:
    return LabelMaker(label_scheme(session), session.scalars(select(Respondent.label)))


def next_label(session: Session) -> str:
    """The next label in the project's scheme (for one respondent; imports use a maker)."""
    return label_maker(session).fresh()
