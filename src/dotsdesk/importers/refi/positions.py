"""What a vendor's selection positions count, decided from the evidence, and the mapping of
them to dotsdesk's code points over the text with normalised line ends.

The standard says positions count characters. Tools differ: some count Unicode code points,
some UTF-16 units (an emoji is two); some count a line break CR LF as one character, some
as two (and a tool that wrote LF may have counted CR LF); some count a byte-order mark at
the start. Each reading is a function `f(c)` from a code point index of the raw text to
the vendor's position; all readings that could differ for this text are tried, and the
one chosen is the one under which

1. the selections' own text (their `name`, which most tools fill with the selected words)
   matches the text they cover, else
2. the selections start and end on word boundaries, rather than in the middle of words.

Ties go to the reading the project's other sources chose, then to the standard's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

SAMPLE = 400  # selections looked at per source and reading; plenty to tell readings apart


@dataclass(frozen=True)
class Reading:
    utf16: bool = False  # UTF-16 units rather than code points
    breaks: str = "as written"  # "one" or "two" units per line break, or as the text has them
    bom: bool = False  # a BOM at the start counted as one position
    # The end is the last selected character rather than one past it: the standard says a
    # selection is "defined by the first and the last character" and leaves it open.
    inclusive: bool = False

    def describe(self) -> str:
        unit = "UTF-16 units" if self.utf16 else "Unicode code points"
        breaks = {
            "as written": "",
            "one": ", a line break counted as one",
            "two": ", a line break counted as two (CR LF)",
        }[self.breaks]
        return (
            unit
            + breaks
            + (", the byte-order mark counted" if self.bom else "")
            + (", the end position on the last character" if self.inclusive else "")
        )


STANDARD = Reading()


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BREAK = re.compile("\r\n|\r|\n")


@dataclass(frozen=True)
class TextFacts:
    """Where a text has what the readings disagree about, found once per text."""

    astral: list[int]  # code point indices of characters beyond the BMP
    crlf: list[int]  # indices of the CR of each CR LF
    lone: list[int]  # indices of each LF or CR that is a line break on its own

    @classmethod
    def of(cls, raw: str) -> TextFacts:
        crlf: list[int] = []
        lone: list[int] = []
        for m in _BREAK.finditer(raw):
            (crlf if m.end() - m.start() == 2 else lone).append(m.start())
        return cls([m.start() for m in _ASTRAL.finditer(raw)], crlf, lone)


def candidate_readings(raw: str, bom: bool, facts: TextFacts | None = None) -> list[Reading]:
    """Readings that give different positions for this text, the standard's first."""
    facts = facts or TextFacts.of(raw)
    breaks = ["as written"]
    if facts.crlf:
        breaks.append("one")
    if facts.lone:
        breaks.append("two")
    out = []
    for inclusive in (False, True) if raw else (False,):
        for utf16 in (False, True) if facts.astral else (False,):
            for way in breaks:
                for counted in (False, True) if bom else (False,):
                    out.append(Reading(utf16, way, counted, inclusive))
    return out


class OffsetMap:
    """Vendor positions under one reading -> code point indices of the raw text, and those
    -> indices of the text with CR LF and lone CR turned into LF."""

    def __init__(self, raw: str, reading: Reading, facts: TextFacts | None = None) -> None:
        facts = facts or TextFacts.of(raw)
        self.raw = raw
        self.reading = reading
        self._crlf = facts.crlf
        # f(c) = bom + c + (sum of the deltas of events whose threshold <= c)
        events: list[tuple[int, int]] = []
        if reading.utf16:  # an astral character is two units: +1 after it
            events += [(i + 1, 1) for i in facts.astral]
        if reading.breaks == "one":  # CR LF is one position: no step over its LF
            events += [(i + 2, -1) for i in facts.crlf]
        elif reading.breaks == "two":  # a lone LF or CR counted as CR LF: +1 after it
            events += [(i + 1, 1) for i in facts.lone]
        events.sort()
        self._thresholds = [0]
        self._values = [int(reading.bom)]  # vendor position at each threshold
        total = 0
        for threshold, delta in events:
            total += delta
            if threshold == self._thresholds[-1]:
                self._values[-1] = int(reading.bom) + threshold + total
            else:
                self._thresholds.append(threshold)
                self._values.append(int(reading.bom) + threshold + total)
        self._end = self.vendor(len(raw))

    def vendor(self, c: int) -> int:
        k = bisect_right(self._thresholds, c) - 1
        return self._values[k] + (c - self._thresholds[k])

    def to_raw(self, position: int) -> tuple[int, bool] | None:
        """The largest code point index at or before `position`, and whether it is exactly
        there (not inside a surrogate pair); None outside the text."""
        if position < 0 or position > self._end:
            return None
        if position < self._values[0]:  # at the BOM itself
            return 0, True
        k = bisect_right(self._values, position) - 1
        c = self._thresholds[k] + (position - self._values[k])
        if k + 1 < len(self._thresholds) and c >= self._thresholds[k + 1]:
            return self._thresholds[k + 1] - 1, False  # inside a character
        return min(c, len(self.raw)), True

    def span(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """Raw code point span of vendor `[start, end)`, widened to whole characters."""
        if self.reading.inclusive:
            end += 1
        a, b = self.to_raw(start), self.to_raw(end)
        if a is None or b is None:
            return None
        stop = b[0] if b[1] else b[0] + 1
        return a[0], stop, a[1] and b[1]

    def normalised(self, c: int) -> int:
        return c - bisect_left(self._crlf, c)


def normalise_breaks(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


_SPACES = re.compile(r"\s+")


def _squash(text: str) -> str:
    """Runs of white space as one space (an XML attribute turns a line break into a space),
    but kept at the ends: a reading one character off must not match by adding a space."""
    return _SPACES.sub(" ", text)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass
class Score:
    names: int = 0  # selections whose name is the text they cover
    bounds: int = 0  # selection ends on word boundaries
    bad: int = 0  # outside the text, or inside a character

    def key(self) -> tuple[int, int]:
        return (self.names * 4 - self.bad * 8, self.bounds - self.bad * 2)


def score(mapping: OffsetMap, selections: Sequence[tuple[int, int, str | None]]) -> Score:
    raw = mapping.raw
    result = Score()
    for start, end, name in selections[:SAMPLE]:
        span = mapping.span(start, end)
        if span is None:
            result.bad += 1
            continue
        a, b, exact = span
        if not exact:
            result.bad += 1
        if a == 0 or b <= a or not (_word(raw[a - 1]) and _word(raw[a])):
            result.bounds += 1
        if b >= len(raw) or not (_word(raw[b - 1]) and _word(raw[b])):
            result.bounds += 1
        if name:
            wanted = _squash(name)
            got = _squash(raw[a:b])
            if wanted.endswith(("…", "...")):  # a name cut short by the tool
                if got.startswith(wanted.rstrip(".…")):
                    result.names += 1
            elif wanted and got == wanted:
                result.names += 1
    return result


@dataclass(frozen=True)
class Decision:
    reading: Reading
    evidence: str  # what decided it, for the report
    ambiguous: bool  # readings differ for this text


Scores = dict[Reading, Score]


def score_readings(
    raw: str, bom: bool, selections: Sequence[tuple[int, int, str | None]]
) -> Scores:
    """Each reading that could differ for this text, scored on the selections; {} when there
    is nothing to choose (one reading) or nothing to judge by (no selections)."""
    facts = TextFacts.of(raw)
    readings = candidate_readings(raw, bom, facts)
    if len(readings) == 1 or not selections:
        return {}
    standard = score(OffsetMap(raw, STANDARD, facts), selections)
    named = sum(1 for _, _, name in selections[:SAMPLE] if name)
    if named and standard.names == named and not standard.bad:
        # Every selection's own text matches as the standard says: no other reading can do
        # better, and most files are like this; trying them all would only cost time.
        return {STANDARD: standard}
    scores = {r: score(OffsetMap(raw, r, facts), selections) for r in readings[1:]}
    return {STANDARD: standard, **scores}


def project_ranking(all_scores: Sequence[Scores]) -> list[Reading]:
    """Readings by their evidence over every source of the file: a tool counts the same way
    in all its sources, so a source with little evidence follows the others."""
    names: dict[Reading, int] = {}
    bounds: dict[Reading, int] = {}
    for scores in all_scores:
        for reading, s in scores.items():
            k = s.key()
            names[reading] = names.get(reading, 0) + k[0]
            bounds[reading] = bounds.get(reading, 0) + k[1]
    order = sorted(names, key=lambda r: (-names[r], -bounds[r]))
    return order


def choose(raw: str, bom: bool, scores: Scores, preferred: Sequence[Reading] = ()) -> Decision:
    """The reading of one source: its own evidence first, then the project's ranking, then
    the standard's reading."""
    readings = candidate_readings(raw, bom)
    if len(readings) == 1:
        return Decision(STANDARD, "no choice to make", False)
    rank = {r: i for i, r in enumerate(preferred)}

    def tie_break(r: Reading) -> int:
        return -rank.get(r, len(rank) + readings.index(r))

    if not scores:
        best = max(readings, key=tie_break)
        why = "as the file's other sources" if best in rank else "as the standard says"
        return Decision(best, f"no selections to judge by; {why}", True)
    scored = [r for r in readings if r in scores]
    best = max(scored, key=lambda r: (*scores[r].key(), tie_break(r)))
    top = scores[best].key()
    others = [scores[r].key() for r in scored if r != best]
    if scores[best].names and all(top[0] > k[0] for k in others):
        evidence = "the selections' own text matches"
    elif any(k < top for k in others):
        evidence = "selections start and end on word boundaries"
    else:
        evidence = "nothing in the selections tells readings apart; as the file's other sources"
    return Decision(best, evidence, True)


def decide(
    raw: str,
    bom: bool,
    selections: Sequence[tuple[int, int, str | None]],
    preferred: Sequence[Reading] = (),
) -> Decision:
    return choose(raw, bom, score_readings(raw, bom, selections), preferred)
