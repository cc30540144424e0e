"""Google Forms responses: the responses sheet downloaded as CSV or .xlsx, or the Forms CSV.

One header row: the submission timestamp, then "Email Address" when the form collects it,
"Score" for quizzes, then one column per question, grid rows as "Question [Row]". Every label
follows the form owner's language ("Marca temporal", "Zeitstempel", "时间戳记"), so the profile
goes by what the cells hold: a first column whose every value is a timestamp with seconds, as
Google writes them in the sheet's locale, in .xlsx (a date value or a serial number) or in the
Forms download (with "GMT+8"). Columns of start and end times, or of IP addresses, belong to
other tools, which Google never records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..columns import Role
from .base import Answer, Column, Layout, metadata

TOOL = "Google Forms"

_MARK = r"(?:[AaPp]\.?\s?[Mm]\.?|上午|下午|午前|午後|오전|오후)"  # AM/PM, in several scripts
_TIMESTAMP = re.compile(
    r"^(?:\d{4}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{1,2}\.?"  # year first: ja, zh, ko, sv, .xlsx
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # month or day first: en-US, en-GB, de, fr, es
    r"|\d{4}年\d{1,2}月\d{1,2}日)"
    rf",?\s+(?:{_MARK}\s?)?(\d{{1,2}}):([0-5]\d):([0-5]\d)(?:[.,]\d{{1,6}})?(?:\s?{_MARK})?"
    r"(?:\s*(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?)?$"
)
_ZONE = re.compile(r"(?:GMT|UTC)")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")  # .xlsx date-times read without their format
_SERIAL_RANGE = (38718.0, 73051.0)  # 2006 to 2100
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
_SCORE = re.compile(r"^\d+(?:[.,]\d+)?\s*/\s*\d+(?:[.,]\d+)?$")  # "7 / 10"
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_IPV6 = re.compile(r"^[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}$")
_GRID = re.compile(r"^(.+?)\s*\[([^\[\]]+)\]$")
_CHOICES = ", "
# The timestamp's label in the locales whose sheets write the day first (1/3/2024 is the 1st
# of March): Spanish, French, Portuguese, Italian, Dutch. English "Timestamp" is used by both
# orders, so there the values decide.
_DAY_FIRST = {"marca temporal", "horodateur", "carimbo de data/hora",
              "informazioni cronologiche", "tijdstempel"}  # fmt: skip


class GoogleFormsProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        if len(head) < 2 or not head[0]:
            return None
        header = [head[0][0].lstrip("\ufeff").strip(), *(c.strip() for c in head[0][1:])]
        data = [row for row in head[1:] if any(c.strip() for c in row)]
        width = max(_used(header), *(_used(row) for row in data)) if data else 0
        if not data or width < 2 or not header[0] or _is_time(header[0]):
            return None
        if sum(1 for h in header[:width] if h) * 2 < width:
            return None  # a data row, or a title line, rather than the question row
        stamps = [_at(row, 0).strip() for row in data]
        variant = _variant(stamps)
        if variant is None:
            return None
        values = [[v for v in (_at(row, i).strip() for row in data) if v] for i in range(width)]
        if values[1] and _variant(values[1]) is not None:
            return None  # start and end times: Microsoft Forms, KoBo, a trimmed Qualtrics file
        if any(col and all(_is_ip(v) for v in col) for col in values):
            return None
        return _layout(variant, header[:width] + [""] * (width - len(header)), values)


PROFILE = GoogleFormsProfile()


def _variant(stamps: list[str]) -> str | None:
    """Which download the timestamps come from, if every one is a Google timestamp."""
    if not stamps or not all(stamps):
        return None
    if all(_SERIAL.match(s) for s in stamps):
        numbers = [float(s) for s in stamps]
        low, high = _SERIAL_RANGE
        if all(low <= n <= high for n in numbers) and any(not n.is_integer() for n in numbers):
            return "sheet downloaded as .xlsx"
        return None
    if not all(_is_time(s) for s in stamps):
        return None
    if all(_ZONE.search(s) for s in stamps):
        return "responses downloaded from Forms as CSV"
    if all(re.match(r"\d{4}-\d\d-\d\d \d\d:", s) for s in stamps):
        return "sheet downloaded as .xlsx"
    return "sheet downloaded as CSV"


def _is_time(text: str) -> bool:
    m = _TIMESTAMP.match(text)
    return m is not None and int(m[1]) <= 24


def _is_ip(text: str) -> bool:
    if _IPV4.match(text):
        return True
    # "9:15:02" from a time question fits the IPv6 pattern too; addresses have "::" or hex.
    return bool(_IPV6.match(text)) and ("::" in text or not text.replace(":", "").isdigit())


def _layout(variant: str, header: list[str], values: list[list[str]]) -> Layout:
    width = len(header)
    columns: list[Column | None] = [None] * width
    why = "Google Forms: the first column is the time each response was submitted"
    columns[0] = metadata(header[0], "", Role.DATE, why)
    at = 1
    if at < width and values[at] and all(_EMAIL.match(v) for v in values[at]):
        why = "Google Forms: the e-mail address the form collected"
        columns[at] = metadata(header[at], "", Role.IDENTITY, why, "email")
        at += 1
    if at < width and values[at] and all(_SCORE.match(v) for v in values[at]):
        columns[at] = metadata(header[at], "", Role.IGNORED, "Google Forms: quiz score")
    for start, end, question in _grids(header):
        for i in range(start, end):
            if columns[i] is None:
                why = "Google Forms: a row of a grid question"
                columns[i] = Column(
                    header[i], "", None, why, question=question, answer=Answer.MATRIX
                )
    multi: list[str] = []
    for i in range(1, width):
        if columns[i] is not None:
            continue
        if values[i] and all(_EMAIL.match(v) for v in values[i]):
            why = "Google Forms: every answer is an e-mail address"
            columns[i] = metadata(header[i], "", Role.IDENTITY, why, "email")
        elif _looks_multi(values[i]):
            why = "Google Forms: choices recur, joined by ', ' (a checkbox question)"
            columns[i] = Column(header[i], "", None, why, answer=Answer.MULTI)
            multi.append(header[i])
        elif _typed(values[i]):
            why = "Google Forms: no answer repeats and some are sentences (a text question)"
            columns[i] = Column(header[i], "", None, why, answer=Answer.OPEN)
        else:
            columns[i] = Column(header[i], "", None, "Google Forms: a question")
    layout = Layout(TOOL, variant, 1, [c for c in columns if c is not None])
    layout.multi_separator = _CHOICES
    if header[0].casefold() in _DAY_FIRST:
        layout.day_first = True
        layout.notes.append(f"{header[0]!r}: the sheet's locale writes the day first")
    if variant == "sheet downloaded as CSV":
        layout.notes.append("timestamps are in the time zone of the form's response sheet")
    if multi:
        layout.notes.append(
            "Google Forms joins the choices of a checkbox question with ', ' and writes 'Other'"
            " answers into the same cell: a choice containing ', ' reads as two, except at the"
            " end of a cell, where the parts no other answer has are read as one 'Other' text;"
            f" read as several choices: {'; '.join(multi)}"
        )
    return layout


def _grids(header: list[str]) -> list[tuple[int, int, str]]:
    """Runs of two or more adjacent "Question [Row]" headers with the same question."""
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(header):
        m = _GRID.match(header[i])
        end = i + 1
        while m and end < len(header) and (n := _GRID.match(header[end])) and n[1] == m[1]:
            end += 1
        if m and end - i > 1:
            runs.append((i, end, m[1]))
        i = end
    return runs


def _looks_multi(values: list[str]) -> bool:
    """Short choices joined by ', ' that mostly recur across respondents; the pieces of
    sentences with commas in them rarely repeat."""
    if not any(_CHOICES in v for v in values) or any("\n" in v for v in values):
        return False
    parts = Counter(p for v in values for p in dict.fromkeys(v.split(_CHOICES)))
    recurring = sum(n for n in parts.values() if n > 1)
    return all(len(p) <= 80 for p in parts) and recurring * 2 >= parts.total()


def _typed(values: list[str]) -> bool:
    """Answers typed in, not picked: none repeats and some read as sentences (longer than a
    job title). A choice question's options recur, its "Other" texts beside them."""
    long = any(len(v) >= 40 or "\n" in v for v in values)
    return long and len(set(values)) == len(values) >= 2


def _used(row: Sequence[str]) -> int:
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return end


def _at(row: Sequence[str], index: int) -> str:
    return row[index] if index < len(row) else ""
