"""Which respondent each survey row is, so that importing a file again updates instead of
doubling: the id column; else the e-mail address; else the row's own content (when it was
submitted and what it says), which stays the same in a re-downloaded or renamed file.

A survey tool's response number that restarts at 1 in every survey (LimeSurvey's id, 问卷星's
序号, 腾讯问卷's 编号) is not a person across surveys: it is kept with the row's stamp (when
the response was made, or its random seed), so two surveys' "1" stay two people while the same
survey downloaded again, in another format or after an edit, still finds its respondents."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..dates import parse_timestamp
from ..report import ImportReport
from .columns import ColumnPlan, Role
from .table import Table

_CONTENT_ROLES = (Role.DATE, Role.RESPONSE, Role.ATTRIBUTE)
# Survey tools' ids are a few dozen characters; a longer value is an answer or an attack.
MAX_KEY_CHARS = 200


@dataclass(frozen=True)
class Keys:
    keys: list[str]
    # The key is the survey tool's own response id ("R_1dG…", a 12-digit number): kept as the
    # respondent's key, never shown as their label.
    from_tool: bool


def respondent_keys(
    path: Path, table: Table, plans: list[ColumnPlan], report: ImportReport
) -> Keys:
    source = next((p for p in plans if p.role is Role.ID), None)
    if source is None:
        return _without_id(table, plans, report)
    keys = [row[source.index].strip() for row in table.rows]
    seen: dict[str, int] = {}
    for key, line in zip(keys, table.row_numbers, strict=True):
        if not key:
            raise InputError(path, f"row {line} has no value in the {source.header!r} column")
        if len(key) > MAX_KEY_CHARS:
            raise InputError(
                path,
                f"row {line}: the {source.header!r} value has {len(key):,} characters, too "
                f"long for an id (at most {MAX_KEY_CHARS}); is it really the id column?",
            )
        if key in seen:
            raise InputError(
                path, f"rows {seen[key]} and {line} have the same {source.header!r} {key!r}"
            )
        seen[key] = line
    from_tool = bool(table.layout) and source.why != "as asked"
    if from_tool and table.layout is not None and table.layout.local_ids:
        keys = _scoped(table, plans, keys, source, report)
    return Keys(keys, from_tool=from_tool)


def _without_id(table: Table, plans: list[ColumnPlan], report: ImportReport) -> Keys:
    """The e-mail address when every row has its own; else the row's content."""
    email = next((p for p in plans if p.identity_field == "email"), None)
    if email is not None:
        keys = [row[email.index].strip() for row in table.rows]
        if all(keys) and len({k.casefold() for k in keys}) == len(keys):
            report.notes.append(
                f"no respondent or id column: respondents are keyed by {email.header!r}"
            )
            return Keys(keys, from_tool=False)
        why = "is empty in some rows" if not all(keys) else "repeats"
        report.notes.append(
            f"no respondent or id column, and {email.header!r} {why}: respondents are known by "
            "when they answered and what they said, so the same file downloaded again updates "
            "them instead of adding them"
        )
    else:
        report.notes.append(
            "no respondent or id column: respondents are known by when they answered and what "
            "they said, so the same file downloaded again updates them instead of adding them"
        )
    return Keys(_content_keys(table, plans), from_tool=False)


def _scoped(
    table: Table, plans: list[ColumnPlan], keys: list[str], source: ColumnPlan, report: ImportReport
) -> list[str]:
    """Response numbers of one survey made distinct from another survey's: with the stamp
    column's value, or where a row has none, with the survey's questions."""
    stamp = next((i for i, c in enumerate(table.columns) if c.stamp), None)
    values = [_stamp(row[stamp]) for row in table.rows] if stamp is not None else []
    if values and all(values):
        report.notes.append(
            f"{source.header!r} numbers the answers of this survey only: a respondent is that "
            f"number with {table.headers[stamp]!r}"  # type: ignore[index]
        )
        return [f"{key} ({value})" for key, value in zip(keys, values, strict=True)]
    asked = "\x1f".join(p.header for p in plans if p.role in (Role.RESPONSE, Role.ATTRIBUTE))
    survey = hashlib.sha256(asked.encode("utf-8")).hexdigest()[:12]
    report.notes.append(
        f"{source.header!r} numbers the answers of this survey only: a respondent is that "
        "number in a survey with these questions"
    )
    return [f"{key} (survey {survey})" for key in keys]


def _stamp(value: str) -> str:
    """The stamp as written, or its time in one form whatever the file format wrote."""
    value = value.strip()
    when = parse_timestamp(value) if value and not value.isdigit() else None
    return when.isoformat(sep=" ") if when is not None else value


def _content_keys(table: Table, plans: list[ColumnPlan]) -> list[str]:
    """A digest of each row's date, answers and attributes; identical rows (a form sent
    twice) are told apart by their order."""
    used = [p.index for p in plans if p.role in _CONTENT_ROLES]
    seen: dict[str, int] = {}
    keys = []
    for row in table.rows:
        joined = "\x1f".join(row[i].strip() for i in used)
        key = "row:" + hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys
