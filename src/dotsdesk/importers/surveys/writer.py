"""A survey table (one row per respondent) into the project, in one transaction.

New respondents and responses go in with bulk inserts (10,000 rows must take seconds);
a row whose respondent exists updates it through the services, re-anchoring coded
segments when an answer's text changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import InputError
from ...model import AttributeDef, AttributeType, Base, Identity, Respondent, Response
from ...services.corpus import respondents as respondent_service
from ...services.corpus.bulk import insert_rows, responses_indexed_at_end, set_languages
from ...services.corpus.labels import label_maker
from ...services.corpus.language import UNDETERMINED
from ...services.corpus.respondents import AttributeValue
from ...services.corpus.responses import add_response, replace_text
from ..dates import parse_timestamp
from ..report import ImportOptions, ImportReport, Progress
from .answer_languages import Answer, LanguagesBeside, languages_of
from .columns import ColumnPlan, Role, expand_names, plan_columns, unknown_overrides
from .keys import respondent_keys
from .row_values import RowValues, Said
from .table import Table, read_table

_CHUNK = 500
# A date written d/m/yyyy or m/d/yyyy: which is which is decided for the whole column.
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


def import_survey(
    session: Session,
    path: Path,
    options: ImportOptions,
    report: ImportReport,
    progress: Progress | None = None,
    data: bytes | None = None,
) -> None:
    """Import a survey table; ``data`` is the file's content if the caller has read it."""
    table = read_table(path, encoding=options.encoding, sheet=options.sheet, data=data)
    report.encoding, report.sheet = table.encoding, table.sheet
    report.source = table.layout.name if table.layout else None
    report.header_rows = table.header_rows
    report.notes.extend(table.notes)
    responses = expand_names(table.headers, options.responses)
    attributes = expand_names(table.headers, options.attributes)
    identity = expand_names(table.headers, options.identity)
    roles = dict(options.column_roles)
    overrides = [*responses, *attributes, *identity, *roles]
    if options.id_column:
        overrides.append(options.id_column)
    missing = unknown_overrides(table.headers, overrides)
    if missing:
        raise InputError(
            path,
            f"no column named {', '.join(map(repr, missing))}; "
            f"the columns are {', '.join(map(repr, table.headers))}",
        )
    plans = plan_columns(
        table.headers,
        table.rows,
        responses=responses,
        attributes=attributes,
        identity=identity,
        id_column=options.id_column,
        roles={h: Role(r) for h, r in roles.items()},
        columns=table.columns,
        layout=table.layout,
    )
    report.columns = plans
    if not any(p.role is Role.RESPONSE for p in plans):
        raise InputError(path, "no column looks like free-text answers; name them with --responses")
    keys = respondent_keys(path, table, plans, report)
    _Writer(session, path, table, plans, report).write(keys.keys, progress, keys.from_tool)


class _Writer:
    def __init__(
        self,
        session: Session,
        path: Path,
        table: Table,
        plans: list[ColumnPlan],
        report: ImportReport,
    ) -> None:
        self.s, self.path, self.table, self.plans, self.report = session, path, table, plans, report
        self.row = RowValues(plans, table.layout)
        self.language = next((p for p in plans if p.role is Role.LANGUAGE), None)
        self.date = next((p for p in plans if p.role is Role.DATE), None)
        self.day_first = self._day_first()
        self.attr_defs = {
            name: self._attribute(name, kind) for name, kind in self.row.types.items()
        }
        self.bad_dates = 0
        self._languages: Iterator[str] | None = None  # the new answers', when known first

    def _attribute(self, name: str, kind: AttributeType) -> AttributeDef:
        """The project's attribute of that name, made wide enough for this file's values: the
        same question in another survey may hold words where the project has numbers (问卷星's
        download by number, then by text), or several choices where it has one."""
        found = respondent_service.define_attribute(self.s, name, kind)
        if found.type is kind:
            return found
        old = found.type
        if old is AttributeType.NUMBER:
            values = (self.row.attributes(row)[name].strip() for row in self.table.rows)
            if any(respondent_service.parse_number(v) is not None for v in values if v):
                # Numbers (choice codes) fit; numbers and a word are a typo, refused by row.
                return found
            found.type = (
                kind
                if kind in (AttributeType.MULTI, AttributeType.TEXT)
                else (AttributeType.CATEGORY)
            )
            numbers = self.s.scalars(
                select(AttributeValue).where(
                    AttributeValue.attribute_id == found.id,
                    AttributeValue.value_number.is_not(None),
                )
            )
            for value in numbers:
                value.value_text = respondent_service.format_value(value)
                value.value_number = None
        elif kind is AttributeType.MULTI:
            found.type = AttributeType.MULTI  # each earlier value is one choice
        else:
            return found  # one value in a multiple-choice or text attribute: it fits
        self.s.flush()
        self.report.notes.append(
            f"the attribute {name!r} held {old.value} values in the project; it now holds "
            f"{found.type.value} values, as this file's do"
        )
        return found

    def write(self, keys: list[str], progress: Progress | None, tool_ids: bool) -> None:
        existing = dict(self.s.execute(select(Respondent.key, Respondent.id)).all())
        # Keys are distinct in a file: which rows are new is known before any is written.
        new_rows = [i for i, key in enumerate(keys) if key not in existing]
        before = self.s.execute(select(func.coalesce(func.max(Response.id), 0))).scalar_one()
        # The languages are worked out on another thread while the rows are written and
        # indexed (the database's statements leave the interpreter free). In a project file
        # they are set on the new answers last, beside the search index's one statement; a
        # server indexes as rows come, so there the answers wait for them instead.
        with LanguagesBeside(self._answers(new_rows), self._language_column) as languages:
            with responses_indexed_at_end(self.s) as indexed_later:
                self._languages = None if indexed_later else _when_asked(languages)
                respondents = self._write(keys, existing, progress, tool_ids)
            if indexed_later:
                ids = [
                    rid
                    for rid, respondent in self.s.execute(
                        select(Response.id, Response.respondent_id)
                        .where(Response.id > before)
                        .order_by(Response.id)
                    )
                    if respondent in respondents
                ]
                set_languages(self.s, ids, languages.result())
        if progress is not None:
            progress(len(keys) * 10, len(keys) * 10)
        if self.bad_dates:
            self.report.notes.append(
                f"{self.bad_dates} date(s) in {self.date.header!r} could not be read "  # type: ignore[union-attr]
                "and were left empty"
            )

    def _write(
        self, keys: list[str], existing: dict[str, int], progress: Progress | None, tool_ids: bool
    ) -> set[int]:
        """Every row: new respondents inserted, existing ones updated. Returns the ids of
        the new respondents (whose answers wait for their language)."""
        labels = label_maker(self.s)
        total = len(keys)
        made: set[int] = set()
        for start in range(0, total, _CHUNK):
            chunk = range(start, min(start + _CHUNK, total))
            new_rows = [i for i in chunk if keys[i] not in existing]
            fresh: list[dict[str, Any]] = []
            for i in new_rows:
                # A plain id the researcher gave stays the label only when it fits the
                # project's scheme ("P07"); a tool's response id or a row digest never does.
                given = None if tool_ids or keys[i].startswith("row:") else keys[i]
                fresh.append({"key": keys[i], "label": labels.keep_or_fresh(given)})
            if fresh:
                last = self.s.execute(select(func.max(Respondent.id))).scalar() or 0
                insert_rows(self.s, _table(Respondent), fresh)
                ours = {row["key"] for row in fresh}
                for key, rid in self.s.execute(
                    select(Respondent.key, Respondent.id).where(Respondent.id > last)
                ):
                    if key in ours:
                        existing[key] = rid
                        made.add(rid)
                self._insert_new([(i, existing[keys[i]]) for i in new_rows])
                self.report.respondents_added += len(new_rows)
            added = set(new_rows)
            for i in chunk:
                if i not in added:
                    self._update(i, existing[keys[i]])
            if progress is not None:  # the rows are nine tenths; indexing, languages the rest
                progress((chunk[-1] + 1) * 9, total * 10)
        return made

    def _day_first(self) -> bool:
        """Whether "1/3/2024" in the date column is the 1st of March: a day over 12 says so
        (or a month over 12 says not), else the export's language, else month first."""
        if self.date is None:
            return False
        firsts, seconds = set(), set()
        for row in self.table.rows:
            m = _SLASHED.match(row[self.date.index])
            if m:
                firsts.add(int(m[1]))
                seconds.add(int(m[2]))
        if not firsts:
            return False
        day_first = max(firsts) > 12 or (
            max(seconds) <= 12 and bool(self.table.layout and self.table.layout.day_first)
        )
        if day_first or max(seconds) > 12:
            order = "day/month/year" if day_first else "month/day/year"
            self.report.notes.append(f"dates in {self.date.header!r} read as {order}")
        elif max(firsts) > 1:
            self.report.notes.append(
                f"dates in {self.date.header!r} could be day/month or month/day: read as "
                "month/day/year"
            )
        return day_first

    # -- per row ------------------------------------------------------------------------
    def _received(self, row: list[str]) -> datetime | None:
        if self.date is None or not row[self.date.index].strip():
            return None
        value = row[self.date.index]
        if self.day_first:
            value = _SLASHED.sub(r"\2/\1/\3", value, count=1)
        received = parse_timestamp(value)
        self.bad_dates += received is None
        return received

    def _language(self, row: list[str], text: str) -> str:
        return languages_of([(row, text)], self._language_column)[0]

    @property
    def _language_column(self) -> int | None:
        return self.language.index if self.language is not None else None

    def _answers(self, rows: list[int]) -> list[Answer]:
        """(row, text) of each answer of these rows, in the order `_insert_new` writes them."""
        out = []
        for i in rows:
            row = self.table.rows[i]
            out += [(row, said.text) for said in self.row.responses(row)]
        return out

    def _insert_new(self, rows: list[tuple[int, int]]) -> None:
        """New respondents' rows (row index, respondent id), their answers in the order
        `_answers` gives them, the language left undetermined until it is known."""
        identities, values, responses = [], [], []
        for i, rid in rows:
            row = self.table.rows[i]
            fields = self.row.identity_fields(row)
            if fields:
                identities.append({"respondent_id": rid, **fields})
            for name, raw in self.row.attributes(row).items():
                value = self._attribute_value(name, raw, self.table.row_numbers[i])
                if value is not None:
                    values.append(
                        {"respondent_id": rid, "attribute_id": self.attr_defs[name].id, **value}
                    )
            received = self._received(row)
            for said in self.row.responses(row):
                responses.append(
                    {
                        "respondent_id": rid,
                        "question": said.question,
                        "question_id": said.question_id,
                        "text": said.text,
                        "received": received,
                        "source": self.path.name,
                        "channel": "survey",
                        "language": UNDETERMINED
                        if self._languages is None
                        else next(self._languages),
                    }
                )
        if identities:
            # One shape for all rows, as one statement needs (a field not given is empty).
            fields = {key: None for row in identities for key in row}
            identities = [{**fields, **row} for row in identities]
            insert_rows(self.s, _table(Identity), identities)
        insert_rows(self.s, _table(respondent_service.AttributeValue), values)
        insert_rows(self.s, _table(Response), responses)
        self.report.responses_added += len(responses)

    def _attribute_value(self, name: str, raw: str, line: int) -> dict[str, Any] | None:
        raw = raw.strip()
        if not raw:
            return None
        if self.attr_defs[name].type is AttributeType.NUMBER:
            number = respondent_service.parse_number(raw)
            if number is None:
                raise InputError(self.path, f"row {line}: {name!r} should be a number, not {raw!r}")
            return {"value_number": number, "value_text": None}
        return {"value_text": raw, "value_number": None}

    def _update(self, i: int, rid: int) -> None:
        """An existing respondent: change only what differs, through the services."""
        row = self.table.rows[i]
        respondent = self.s.get(Respondent, rid)
        assert respondent is not None
        touched = False
        fields = self.row.identity_fields(row)
        current = respondent.identity
        if fields and (current is None or any(getattr(current, k) != v for k, v in fields.items())):
            respondent_service.set_identity(self.s, respondent, fields)
            touched = True
        attrs = respondent_service.attribute_table_for(self.s, rid)
        for name, value in self.row.attributes(row).items():
            value = value.strip()
            if value and attrs.get(name) != respondent_service.normalise_value(
                self.attr_defs[name], value
            ):
                self._attribute_value(name, value, self.table.row_numbers[i])  # validates first
                respondent_service.set_attribute(self.s, respondent, name, value)
                touched = True
        received = None
        for said in self.row.responses(row):
            found = self._existing(rid, said)
            if found is None:
                received = received or self._received(row)
                add_response(
                    self.s,
                    rid,
                    said.text,
                    question=said.question,
                    question_id=said.question_id,
                    language=self._language(row, said.text),
                    source=self.path.name,
                    channel="survey",
                    received=received,
                )
                self.report.responses_added += 1
                touched = True
                continue
            change = replace_text(self.s, found, said.text)
            if change.changed:
                self.report.responses_updated += 1
                self.report.segments_moved += change.segments_moved
                self.report.segments_dropped += change.segments_dropped
                touched = True
            else:
                self.report.responses_unchanged += 1
        self.report.respondents_updated += touched

    def _existing(self, rid: int, said: Said) -> Response | None:
        """The respondent's earlier answer to the same question: by the tool's question id
        where there is one (two columns can share a question's text), else by the text, which
        is all an answer imported before question ids were kept has."""
        mine = select(Response).where(Response.respondent_id == rid).limit(1)
        if said.question_id:
            found = self.s.scalar(mine.where(Response.question_id == said.question_id))
            if found is not None:
                return found
            mine = mine.where(Response.question_id.is_(None))
        found = self.s.scalar(mine.where(Response.question == said.question))
        if found is not None and said.question_id:
            found.question_id = said.question_id
        return found


def _when_asked(languages: LanguagesBeside) -> Iterator[str]:
    """The languages one by one, waited for at the first (after the first respondents)."""
    yield from languages.result()


def _table(model: type[Base]) -> SqlTable:
    """The model's table, for Core inserts."""
    return cast(SqlTable, model.__table__)
