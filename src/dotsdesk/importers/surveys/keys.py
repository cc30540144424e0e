"""Which respondent each survey row is, so that importing a file again updates instead of
doubling: the id column; else the e-mail address; else the row's own content (when it was
submitted and what it says), which stays the same in a re-downloaded or renamed file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..report import ImportReport
from .columns import ColumnPlan, Role
from .table import Table

_CONTENT_ROLES = (Role.DATE, Role.RESPONSE, Role.ATTRIBUTE)


@dataclass(frozen=True)
class Keys:
    keys: list[str]
    # The key is the survey tool's own response id ("R_1dG…", a 12-digit number): kept as the
    # respondent's key, never shown as their label.
    from_tool: bool


def respondent_keys(
    path: Path, table: Table, plans: list[ColumnPlan], report: ImportReport
) -> Keys:
    by_role = {p.role: p for p in plans}
    email = next((p for p in plans if p.identity_field == "email"), None)
    source = by_role.get(Role.ID) or email
    if source is None:
        report.notes.append(
            "no respondent or id column: respondents are known by when they answered and what "
            "they said, so the same file downloaded again updates them instead of adding them"
        )
        return Keys(_content_keys(table, plans), from_tool=False)
    if source is email:
        report.notes.append(
            f"no respondent or id column: respondents are keyed by {email.header!r}"
        )
    keys = [row[source.index].strip() for row in table.rows]
    seen: dict[str, int] = {}
    for key, line in zip(keys, table.row_numbers, strict=True):
        if not key:
            raise InputError(path, f"row {line} has no value in the {source.header!r} column")
        if key in seen:
            raise InputError(
                path, f"rows {seen[key]} and {line} have the same {source.header!r} {key!r}"
            )
        seen[key] = line
    from_tool = source is by_role.get(Role.ID) and bool(table.layout) and source.why != "as asked"
    return Keys(keys, from_tool=from_tool)


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
