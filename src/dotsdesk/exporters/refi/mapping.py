"""The project's rows as a REFI-QDA project: who is a User, a Case, a TextSource, a Note.

- a coder is a User; a code a Code (nested as in the codebook); an attribute a Variable;
- a respondent is a Case named by their pseudonymous label, with their attribute values and
  their responses as its sources; private identity only with `with_identity`, as Variables
  whose description says so;
- a response is a TextSource (the whole text, a transcript too) named by label and question,
  never by the file it came from (file names often name the person);
- a segment is a PlainTextSelection with one Coding per code, its memo a Note; memos on a
  response, a code or the project are Notes referred to from there.

GUIDs come from `stable_guid` under the project's namespace, so exporting twice gives the
same GUIDs. Descriptions carry what only dotsdesk reads back (question, language, attribute
kinds) in plain words a user of another tool can read too.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from ... import __version__
from ...model import AttributeType
from ...services.exchange_ids import stable_guid
from .document import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiSet,
    RefiSource,
    RefiUser,
    RefiValue,
    RefiVariable,
    VariableType,
)
from .read import CodeRow, ProjectRows, ResponseRow

ORIGIN = f"dotsdesk {__version__}"
# Read back by dotsdesk's importer; a person reading another tool's variable list sees why.
KIND_NOTE = {
    AttributeType.CATEGORY: "dotsdesk attribute: category",
    AttributeType.MULTI: "dotsdesk attribute: multiple choice, one choice a line",
}
IDENTITY_NOTE = "Private identity (dotsdesk identity field '{field}'), exported on request"
SELECTION_NAME_LIMIT = 200
_HEX6 = re.compile(r"#([0-9A-Fa-f]{6})(?:[0-9A-Fa-f]{2})?")
_HEX3 = re.compile(r"#([0-9A-Fa-f]{3})")


def refi_colour(colour: str | None) -> str | None:
    """`#RRGGBB` as the schema wants it; an alpha channel dropped, anything else left out."""
    if not colour:
        return None
    colour = colour.strip()
    if m := _HEX6.fullmatch(colour):
        return f"#{m[1].upper()}"
    if m := _HEX3.fullmatch(colour):
        return "#" + "".join(c * 2 for c in m[1].upper())
    return None


def refi_time(moment: datetime | str | None) -> str | None:
    """xsd:dateTime; the database keeps naive UTC times, the project's creation local time."""
    if moment is None:
        return None
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return None
        return moment.replace(microsecond=0).isoformat()
    return moment.replace(microsecond=0).isoformat() + "Z"


def selection_name(text: str) -> str:
    """The selected text, as other tools name selections; long ones cut with an ellipsis."""
    if len(text) <= SELECTION_NAME_LIMIT:
        return text
    return text[: SELECTION_NAME_LIMIT - 1] + "…"


def note_name(text: str, what: str) -> str:
    first = text.strip().split("\n", 1)[0]
    return f"{what}: {first[:60]}" + ("…" if len(first) > 60 else "")


def codebook_codes(ns: uuid.UUID, rows: list[CodeRow]) -> tuple[list[RefiCode], dict[int, str]]:
    """The code tree and code id -> GUID. `rows` has parents before children."""
    by_id: dict[int, RefiCode] = {}
    roots: list[RefiCode] = []
    for row in rows:
        code = RefiCode(
            stable_guid(ns, "code", row.id), row.name, refi_colour(row.colour), row.description
        )
        by_id[row.id] = code
        parent = by_id.get(row.parent_id) if row.parent_id is not None else None
        (parent.children if parent is not None else roots).append(code)
    return roots, {cid: code.guid for cid, code in by_id.items()}


def map_project(ns: uuid.UUID, rows: ProjectRows, name: str) -> RefiProject:
    project = RefiProject(
        name=rows.title or name,
        origin=ORIGIN,
        created=refi_time(rows.created),
        with_identity=bool(rows.identity),
    )
    users = {cid: stable_guid(ns, "coder", cid) for cid in rows.coders}
    project.users = [RefiUser(users[cid], n) for cid, n in rows.coders.items()]
    project.codes, code_guids = codebook_codes(ns, rows.codes)
    codes_by_guid = _flatten(project.codes)
    source_notes: dict[int, list[str]] = defaultdict(list)
    for memo in rows.memos:
        guid = stable_guid(ns, "memo", memo.id)
        what = "Memo on a response" if memo.response_id else "Memo on a code"
        if memo.response_id is None and memo.code_id is None:
            what = "Project memo"
        project.notes.append(
            RefiNote(
                guid,
                note_name(memo.text, what),
                memo.text,
                users.get(memo.coder_id or -1),
                refi_time(memo.created),
            )
        )
        if memo.response_id is not None:
            source_notes[memo.response_id].append(guid)
        elif memo.code_id is not None and memo.code_id in code_guids:
            codes_by_guid[code_guids[memo.code_id]].note_guids.append(guid)
        else:
            project.note_guids.append(guid)
    variables = _variables(ns, rows)
    project.variables = [v for v, _ in variables.values()]
    labels = dict(rows.respondents)
    project.sources = _sources(ns, rows, labels, users, code_guids, source_notes, project)
    by_respondent: dict[int, list[str]] = defaultdict(list)
    for response, source in zip(rows.responses, project.sources, strict=True):
        by_respondent[response.respondent_id].append(source.guid)
    for rid, label in rows.respondents:
        case = RefiCase(stable_guid(ns, "respondent", rid), label)
        own = rows.values.get(rid, {})
        identity = rows.identity.get(rid, {})
        for key, (variable, _) in variables.items():
            if isinstance(key, str):  # an identity field, only with --with-identity
                text = identity.get(key)
                value = RefiValue(variable.guid, "Text", text) if text else None
            else:
                value = _value(variable, own.get(key))
            if value is not None:
                case.values.append(value)
        case.source_guids = by_respondent.get(rid, [])
        project.cases.append(case)
    # A post's population is a named group of respondents; a REFI-QDA set groups sources,
    # so it holds the responses of those respondents.
    for post_id, name, members in rows.populations:
        project.sets.append(
            RefiSet(
                stable_guid(ns, "population", post_id),
                name,
                "The respondents a post's figures are computed over (dotsdesk population)",
                [guid for rid in members for guid in by_respondent.get(rid, [])],
            )
        )
    return project


def _flatten(codes: list[RefiCode]) -> dict[str, RefiCode]:
    out: dict[str, RefiCode] = {}
    stack = list(codes)
    while stack:
        code = stack.pop()
        out[code.guid] = code
        stack.extend(code.children)
    return out


def _variables(
    ns: uuid.UUID, rows: ProjectRows
) -> dict[int | str, tuple[RefiVariable, AttributeType | None]]:
    """attribute id (or identity field name) -> its Variable, typed from what it holds."""
    out: dict[int | str, tuple[RefiVariable, AttributeType | None]] = {}
    numbers: dict[int, list[float]] = defaultdict(list)
    for own in rows.values.values():
        for aid, (_, number) in own.items():
            if number is not None:
                numbers[aid].append(number)
    for a in rows.attributes:
        kind: VariableType = "Text"
        if a.type is AttributeType.NUMBER:
            whole = all(n.is_integer() and abs(n) < 2**53 for n in numbers[a.id])
            kind = "Integer" if whole else "Float"
        guid = stable_guid(ns, "attribute", a.id)
        out[a.id] = (RefiVariable(guid, a.name, kind, KIND_NOTE.get(a.type)), a.type)
    fields = sorted({f for own in rows.identity.values() for f in own})
    for f in fields:
        guid = stable_guid(ns, "identity", f)
        out[f] = (RefiVariable(guid, f"Identity: {f}", "Text", IDENTITY_NOTE.format(field=f)), None)
    return out


def _value(
    variable: RefiVariable, stored: tuple[str | None, float | None] | None
) -> RefiValue | None:
    """An attribute's stored value in the lexical form of its variable's type."""
    if stored is None:
        return None
    text, number = stored
    if variable.type == "Integer" and number is not None:
        return RefiValue(variable.guid, "Integer", str(int(number)))
    if variable.type == "Float" and number is not None:
        # xsd:decimal has no exponent: 1e-05 must be written 0.00001.
        return RefiValue(variable.guid, "Float", format(Decimal(repr(number)), "f"))
    shown = text if text is not None else (repr(number) if number is not None else None)
    return RefiValue(variable.guid, "Text", shown) if shown else None


def source_description(response: ResponseRow) -> str:
    """What dotsdesk knows about a response, in lines another tool shows as they are; the
    question last, since it may run over several lines."""
    lines = [f"Language: {response.language}"]
    if response.channel:
        lines.append(f"Channel: {response.channel}")
    if response.question:
        lines.append(f"Question: {response.question}")
    return "\n".join(lines)


def _sources(
    ns: uuid.UUID,
    rows: ProjectRows,
    labels: dict[int, str],
    users: dict[int, str],
    code_guids: dict[int, str],
    source_notes: dict[int, list[str]],
    project: RefiProject,
) -> list[RefiSource]:
    by_response: dict[int, list[RefiSelection]] = defaultdict(list)
    texts = {r.id: r.text for r in rows.responses}
    for seg in rows.segments:
        sel_guid = stable_guid(ns, "segment", seg.id)
        user = users.get(seg.coder_id) if seg.coder_id is not None else None
        created = refi_time(seg.created)
        selection = RefiSelection(
            sel_guid,
            selection_name(texts[seg.response_id][seg.start : seg.end]),
            seg.start,
            seg.end,
            user,
            created,
            [
                RefiCoding(stable_guid(ns, "coding", seg.id, cid), code_guids[cid], user, created)
                for cid in seg.code_ids
                if cid in code_guids
            ],
        )
        if seg.memo:
            guid = stable_guid(ns, "segment-memo", seg.id)
            project.notes.append(
                RefiNote(guid, note_name(seg.memo, "Memo on a segment"), seg.memo, user, created)
            )
            selection.note_guids.append(guid)
        by_response[seg.response_id].append(selection)
    used: set[str] = set()
    sources = []
    for response in rows.responses:
        label = labels.get(response.respondent_id, "?")
        question = " ".join((response.question or "").split())
        base = f"{label}: {question[:80]}" if question else label
        name, n = base, 1
        while name in used:  # tools list sources by name; two alike would be confusing
            n += 1
            name = f"{base} ({n})"
        used.add(name)
        sources.append(
            RefiSource(
                stable_guid(ns, "response", response.id),
                name,
                source_description(response),
                response.text,
                None,
                refi_time(response.created),
                by_response.get(response.id, []),
                source_notes.get(response.id, []),
            )
        )
    return sources
