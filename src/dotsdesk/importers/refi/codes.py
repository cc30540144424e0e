"""A file's codebook into the project's: merged by name path, conflicts reported.

- nested `Code` elements are the tree; a flat codebook whose names hold `::` (ATLAS.ti's
  "Theme::Business impact") is read as the tree those names describe;
- a code whose path already exists is that code: its colour and description stay, and a
  different colour or description in the file is reported as a conflict;
- a code of this project's own export (its GUID says so) is that code, even if renamed;
- `/` separates levels in dotsdesk's paths, so a `/` inside a name becomes `∕`, and an
  empty name becomes "(unnamed)"; both are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Code
from ...services.coding.codebook import add_code, code_paths
from .parsed import PCode
from .report import RefiReport

_HEX = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})(?:[0-9A-Fa-f]{2})?")
FLAT_SEPARATOR = "::"


def read_colour(value: str | None) -> str | None:
    if not value:
        return None
    m = _HEX.fullmatch(value.strip())
    if m is None:
        return None
    digits = m[1].upper()
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))


def clean_name(name: str, report: RefiReport) -> str:
    cleaned = " ".join(name.split())
    if "/" in cleaned:
        report.problem("code names with '/' (shown as '∕', a path separator in dotsdesk)", cleaned)
        cleaned = cleaned.replace("/", "∕")
    if not cleaned:
        report.problem("codes without a name, called '(unnamed)'", "(unnamed)")
        cleaned = "(unnamed)"
    return cleaned


@dataclass
class _Flat:
    code: PCode
    parts: list[str]


@dataclass
class CodeMap:
    by_guid: dict[str, int] = field(default_factory=dict)  # file GUID -> project code id
    note_refs: dict[int, list[str]] = field(default_factory=dict)  # code id -> note GUIDs


def _flatten(codes: list[PCode], report: RefiReport) -> list[_Flat]:
    nested = any(c.children for c in codes)
    out: list[_Flat] = []
    stack: list[tuple[PCode, list[str]]] = [(c, []) for c in reversed(codes)]
    split = 0
    while stack:
        code, parents = stack.pop()
        if not nested and FLAT_SEPARATOR in code.name:
            parts = [clean_name(p, report) for p in code.name.split(FLAT_SEPARATOR)]
            split += 1
        else:
            parts = [*parents, clean_name(code.name, report)]
        out.append(_Flat(code, parts))
        stack.extend((child, parts) for child in reversed(code.children))
    if split:
        report.notes.append(
            f"{split} flat code name(s) with '::' read as a tree (ATLAS.ti's way of "
            "writing 'Parent::Child')"
        )
    return out


def import_codes(
    session: Session, codes: list[PCode], own: dict[str, int], report: RefiReport
) -> CodeMap:
    result = CodeMap()
    paths = {path: cid for cid, path in code_paths(session).items()}
    details: dict[int, tuple[str | None, str | None]] = {
        c.id: (c.colour, c.description)
        for c in session.scalars(select(Code))  # for conflicts: what the project has
    }
    for flat in _flatten(codes, report):
        code = flat.code
        cid = own.get(code.guid)
        path = "/".join(flat.parts)
        colour = read_colour(code.color)
        if cid is None and code.guid in result.by_guid:
            cid = result.by_guid[code.guid]  # the same GUID twice in one file
        if cid is None:
            cid = paths.get(path)
        if cid is not None and cid in details:
            report.codes_existing += 1
            have_colour, have_description = details[cid]
            if colour and have_colour and colour.upper() != have_colour.upper()[:7]:
                report.code_conflicts.append(
                    f"{path}: colour {colour} in the file, the project's {have_colour} kept"
                )
            if code.description and (code.description or "") != (have_description or ""):
                report.code_conflicts.append(
                    f"{path}: another description in the file; the project's kept"
                )
        else:
            cid = _create(session, flat.parts, colour, code.description, paths, report)
            details[cid] = (colour, code.description)
        result.by_guid[code.guid] = cid
        if code.note_refs:
            result.note_refs.setdefault(cid, []).extend(code.note_refs)
    return result


def _create(
    session: Session,
    parts: list[str],
    colour: str | None,
    description: str | None,
    paths: dict[str, int],
    report: RefiReport,
) -> int:
    parent: int | None = None
    for depth in range(1, len(parts) + 1):
        path = "/".join(parts[:depth])
        found = paths.get(path)
        if found is None:
            last = depth == len(parts)
            created = add_code(
                session,
                parts[depth - 1],
                parent,
                colour=colour if last else None,
                description=(description or None) if last else None,
            )
            found = paths[path] = created.id
            report.codes_added += 1
        parent = found
    assert parent is not None
    return parent
