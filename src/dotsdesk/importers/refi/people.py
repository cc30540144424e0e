"""Users, cases and variables into coders, respondents and attributes.

A case name is a label only when it cannot be a person's name: a dotsdesk export's cases are
its labels; another tool's "P07" or "Interview 3" is kept, but "Jane Doe" or "王小明" goes to
private identity and the respondent gets a fresh label (R001, ...), as any import does. A
source that no case claims is a respondent of its own, with a fresh label. Respondents are
known again by the GUID of their case (or source), so importing a changed file updates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import AttributeType, Coder, Respondent
from ...services.coding.coders import get_coder
from ...services.corpus.bulk import NewRespondent, add_respondents, put_attribute_values
from ...services.corpus.respondents import IDENTIFYING_KEY, IDENTITY_FIELDS, set_identity
from ..transcripts.roles import is_role_label
from .parsed import ParsedFile, PValue
from .report import RefiReport

# What dotsdesk's own export writes in a variable's description (exporters/refi/mapping.py).
_KIND_NOTES = {
    "dotsdesk attribute: category": AttributeType.CATEGORY,
    "dotsdesk attribute: multiple choice": AttributeType.MULTI,
}
_IDENTITY_NOTE = re.compile(r"dotsdesk identity field '(\w+)'")
_NUMBER_TYPES = {"integer", "float"}


@dataclass(frozen=True)
class VariableInfo:
    name: str
    type: AttributeType
    identity: str | None  # an identity field of dotsdesk's own --with-identity export


def coders(session: Session, parsed: ParsedFile, report: RefiReport) -> dict[str, int]:
    """User GUID -> coder id; "" -> the coder of what names no user."""
    before = set(session.scalars(select(Coder.id)))
    out: dict[str, int] = {}
    for user in parsed.users:
        name = (user.name or "").strip() or f"user {user.guid[:8] or '?'}"
        out[user.guid] = get_coder(session, name).id
    if parsed.creating_user and parsed.creating_user in out:
        out[""] = out[parsed.creating_user]
    elif len(parsed.users) == 1:
        out[""] = out[parsed.users[0].guid]
    else:
        out[""] = get_coder(session, "imported").id
    report.coders_added = len(set(session.scalars(select(Coder.id))) - before)
    return out


def variables(parsed: ParsedFile) -> dict[str, VariableInfo]:
    out = {}
    for v in parsed.variables:
        description = v.description or ""
        kind = AttributeType.NUMBER if v.type.lower() in _NUMBER_TYPES else AttributeType.TEXT
        identity = None
        if parsed.from_dotsdesk:
            for marker, marked in _KIND_NOTES.items():
                if description.startswith(marker):
                    kind = marked
            found = _IDENTITY_NOTE.search(description)
            if found and found[1] in IDENTITY_FIELDS:
                identity = found[1]
        name = " ".join(v.name.split()) or "(unnamed variable)"
        out[v.guid] = VariableInfo(name, kind, identity)
    return out


def _label(name: str | None, from_dotsdesk: bool) -> tuple[str | None, str | None]:
    """(the label to ask for or None for a fresh one, the name to keep privately or None)."""
    name = " ".join((name or "").split())
    if not name:
        return None, None
    if not from_dotsdesk:
        if IDENTIFYING_KEY.search(name):
            return None, name
        if not (any(ch.isdigit() for ch in name) or is_role_label(name)):
            return None, name
    return name[:200], None


class People:
    """The respondents of this import: found again, or made all at once; their attribute
    values gathered and written all at once."""

    def __init__(
        self,
        session: Session,
        parsed: ParsedFile,
        own: dict[str, tuple[str, int]],
        report: RefiReport,
    ) -> None:
        self.session = session
        self.parsed = parsed
        self.own = own
        self.report = report
        self.variables = variables(parsed)
        self._values: list[tuple[int, str, str]] = []
        self._identity: dict[int, dict[str, str | None]] = {}

    def resolve(self, wanted: dict[str, str | None]) -> dict[str, int]:
        """Case or source GUID (with the case's name) -> respondent id, made if new."""
        out: dict[str, int] = {}
        keys = {f"refi:{guid}": guid for guid in wanted}
        key_list = list(keys)
        for i in range(0, len(key_list), 400):
            rows = self.session.execute(
                select(Respondent.key, Respondent.id).where(
                    Respondent.key.in_(key_list[i : i + 400])
                )
            )
            for key, rid in rows:
                out[keys[key]] = rid
        existing = set(self.session.scalars(select(Respondent.id)))
        for guid in wanted:
            own = self.own.get(guid)
            if own is not None and own[0] == "respondent" and own[1] in existing:
                out[guid] = own[1]
        self.report.respondents_matched += len(out)
        new = [guid for guid in wanted if guid not in out]
        used = set(self.session.scalars(select(Respondent.label)))
        fresh: list[NewRespondent] = []
        for guid in new:
            label, private = _label(wanted[guid], self.parsed.from_dotsdesk)
            if label is not None and label in used:
                self.report.problem("case names already used as labels here; new labels", label)
            fresh.append(NewRespondent(f"refi:{guid}", label, private))
        made = add_respondents(self.session, fresh)
        for guid, row, (rid, label) in zip(new, fresh, made, strict=True):
            out[guid] = rid
            if row.name:
                self.report.problem(
                    "case names that may be people's names, kept as private identity; labelled",
                    label,
                )
        self.report.respondents_added += len(made)
        return out

    def add_values(self, respondent_id: int, values: list[PValue]) -> None:
        for value in values:
            info = self.variables.get(value.variable)
            if info is None:
                self.report.skipped["values of variables the file does not define"] += 1
                continue
            text = value.value.strip()
            if info.identity is not None:
                self._identity.setdefault(respondent_id, {})[info.identity] = text or None
                continue
            if not text:
                continue
            if value.type == "Boolean":
                text = "true" if text.lower() in ("true", "1") else "false"
            self._values.append((respondent_id, info.name, text))

    def write_values(self) -> None:
        types = {info.name: info.type for info in self.variables.values()}
        put = put_attribute_values(self.session, self._values, types)
        for name, text in put.refused:
            self.report.problem(f"values that are not numbers, left out of {name!r}", text)
        self.report.attribute_values += put.written
        for rid, fields in self._identity.items():
            respondent = self.session.get(Respondent, rid)
            if respondent is not None:
                set_identity(self.session, respondent, fields)
