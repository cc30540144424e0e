"""What a source profile tells the table reader about one survey tool's export.

A profile looks at the first records of a file (cells as read, before any header is chosen)
and, when it recognises its tool's structure there, describes the layout: how many records are
header, what each column is as the tool defines it, and how the tool writes skipped answers
and multiple choices. It recognises structure (column ids, header rows, metadata columns),
never a file name and never English labels alone, because labels follow the interface
language of whoever downloaded the file.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..kinds import Answer, Role

# How many records a profile is shown: enough for a title line and three header rows.
HEAD_RECORDS = 20


@dataclass(frozen=True)
class Column:
    """One column as its tool defines it."""

    header: str  # what the user sees: the question text, or the metadata label
    qid: str = ""  # the tool's own id for the column ("Q3", "V7", "Q2[SQ001]", "QID4_TEXT")
    role: Role | None = None  # set for metadata whose role the tool fixes; else the values decide
    why: str = ""  # the reason shown in the plan ("Qualtrics: IPAddress")
    identity_field: str | None = None  # with IDENTITY: name/email/phone/contact/forum/handle/other
    question: str | None = None  # the question a column of a spread-out question belongs to
    option: str | None = None  # with Answer.OPTION: the choice this column stands for
    answer: Answer | None = None  # what the tool says the column holds, if it says
    # Fixed when the response was made (a start or submission time, a random seed): with a
    # response number that restarts at 1 in every survey, it tells apart the responses of
    # different surveys (Layout.local_ids).
    stamp: bool = False


@dataclass
class Layout:
    """How to read one export: the result of a profile recognising a file."""

    tool: str  # "Qualtrics"
    variant: str  # "current export", "legacy export (V1..Vn)", ...
    header_rows: int  # records from the top of the file that are header; data follows
    columns: list[Column]
    # Cell values that mean the respondent skipped the question: read as empty.
    skip_markers: frozenset[str] = frozenset()
    # Between the choices of an Answer.MULTI cell, and of an Answer.RANKING cell.
    multi_separator: str | None = None
    ranking_separator: str | None = None
    # Answer.OPTION cells that mean "not chosen" (besides empty cells and skip markers).
    unchosen: frozenset[str] = frozenset({"0"})
    # Date values that mean "no date" (LimeSurvey's anonymised surveys write 1980-01-01).
    no_dates: frozenset[str] = frozenset()
    # Splits a chosen option from the text written for it ("其他〖自己写的脚本〗"), for tools
    # that put both in one cell; the text becomes a response of its own.
    split_other: Callable[[str], tuple[str, str | None]] | None = None
    # Splits a multiple-choice cell into its choices, for tools whose separator can also
    # occur inside a choice (Qualtrics: "Excel, Sheets,Python"); else multi_separator splits.
    split_choices: Callable[[str], list[str]] | None = None
    # The text of a choice as the researcher reads it ("A.男" -> "男" in 腾讯问卷).
    choice_text: Callable[[str], str] | None = None
    # The id column numbers responses within one survey (1, 2, 3, ...): two surveys of the
    # same tool reuse the numbers, so a respondent is the number with the row's stamp column.
    local_ids: bool = False
    # Day-first dates (1/3/2024 is the 1st of March) when the export's language says so;
    # None: decided from the values.
    day_first: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.tool} ({self.variant})"


class Profile(Protocol):
    """One survey tool. `recognise` returns None unless the records are that tool's export."""

    tool: str

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None: ...


def metadata(
    header: str,
    qid: str,
    role: Role,
    why: str,
    identity_field: str | None = None,
    *,
    stamp: bool = False,
) -> Column:
    """A metadata column whose role the tool fixes."""
    return Column(header, qid, role, why, identity_field, stamp=stamp)


# -- reading the head's cells, for every profile ------------------------------------------------


def cell_at(row: Sequence[str], index: int) -> str:
    """A cell of a ragged row ("" past its end)."""
    return row[index] if index < len(row) else ""


def column_values(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    """The column's non-blank values, stripped."""
    return [v for v in (cell_at(r, index).strip() for r in rows) if v]


def fold(text: str) -> str:
    """A label compared without case, spaces or punctuation ("Respondent ID" = "respondentid")."""
    return re.sub(r"[\W_]+", "", text.casefold())


def is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
