"""A survey table (one row per respondent) into the project, in one transaction.

New respondents and responses go in with bulk inserts (10,000 rows must take seconds);
a row whose respondent exists updates it through the services, re-anchoring coded
segments when an answer's text changed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...errors import InputError
from ...model import AttributeType, Identity, Respondent, Response
from ...services.corpus import respondents as respondent_service
from ...services.corpus.language import detect_language
from ...services.corpus.responses import add_response, replace_text
from ..dates import parse_date
from ..report import ImportOptions, ImportReport, Progress
from .columns import ColumnPlan, Role, expand_names, plan_columns, unknown_overrides
from .table import Table, read_table

_LANGUAGE_NAMES = {
    "english": "en",
    "chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "普通话": "zh",
    "简体中文": "zh",
    "繁體中文": "zh",
    "繁体中文": "zh",
    "英文": "en",
    "英语": "en",
    "japanese": "ja",
    "日本語": "ja",
    "korean": "ko",
    "한국어": "ko",
    "spanish": "es",
    "french": "fr",
    "german": "de",
}
_TAG = re.compile(r"^[a-z]{2,3}([-_][a-z0-9]{2,8})*$")
_CHUNK = 500


def normalise_language(value: str) -> str | None:
    """ "English", "zh-CN", "ZH", "中文" -> a primary tag; None when it is not a language."""
    v = value.strip().casefold()
    if v in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[v]
    if _TAG.match(v):
        return re.split(r"[-_]", v)[0]
    return None


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
    )
    report.columns = plans
    if not any(p.role is Role.RESPONSE for p in plans):
        raise InputError(path, "no column looks like free-text answers; name them with --responses")
    keys = _keys(path, table, plans, report)
    _Writer(session, path, table, plans, report).write(keys, progress)


def _keys(path: Path, table: Table, plans: list[ColumnPlan], report: ImportReport) -> list[str]:
    """The respondent key of each row: the id column, else the e-mail, else the row number."""
    by_role = {p.role: p for p in plans}
    email = next((p for p in plans if p.identity_field == "email"), None)
    source = by_role.get(Role.ID) or email
    if source is None:
        report.notes.append(
            "no respondent or id column: respondents are keyed by row number, "
            "so re-importing a re-sorted file would mismatch them"
        )
        return [f"{path.stem}#{n}" for n in table.row_numbers]
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
    return keys


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
        self.answers = [p for p in plans if p.role is Role.RESPONSE]
        self.attrs = [p for p in plans if p.role is Role.ATTRIBUTE]
        self.identity = [p for p in plans if p.role is Role.IDENTITY]
        self.language = next((p for p in plans if p.role is Role.LANGUAGE), None)
        self.date = next((p for p in plans if p.role is Role.DATE), None)
        self.attr_ids = {
            p.index: respondent_service.define_attribute(
                session, p.header, p.attribute_type or AttributeType.TEXT
            )
            for p in self.attrs
        }
        self.bad_dates = 0

    def write(self, keys: list[str], progress: Progress | None) -> None:
        existing = dict(self.s.execute(select(Respondent.key, Respondent.id)).all())
        labels = set(self.s.scalars(select(Respondent.label)))
        total = len(keys)
        next_label = len(existing) + 1
        for start in range(0, total, _CHUNK):
            chunk = list(range(start, min(start + _CHUNK, total)))
            new_rows = [i for i in chunk if keys[i] not in existing]
            fresh: list[dict[str, Any]] = []
            for i in new_rows:
                label, next_label = self._label(keys[i], labels, next_label)
                fresh.append({"key": keys[i], "label": label})
            if fresh:
                # Unordered RETURNING lets SQLAlchemy send multi-row INSERTs; keys are unique.
                made = self.s.execute(
                    insert(Respondent).returning(Respondent.key, Respondent.id), fresh
                ).all()
                existing.update((key, rid) for key, rid in made)
                self._insert_new([(i, existing[keys[i]]) for i in new_rows])
                self.report.respondents_added += len(new_rows)
            for i in chunk:
                if i not in new_rows:
                    self._update(i, existing[keys[i]])
            if progress is not None:
                progress(chunk[-1] + 1, total)
        if self.bad_dates:
            self.report.notes.append(
                f"{self.bad_dates} date(s) in {self.date.header!r} could not be read "  # type: ignore[union-attr]
                "and were left empty"
            )

    @staticmethod
    def _label(key: str, labels: set[str], n: int) -> tuple[str, int]:
        if not respondent_service.IDENTIFYING_KEY.search(key) and key not in labels:
            labels.add(key)
            return key, n
        while f"R{n:03d}" in labels:
            n += 1
        labels.add(f"R{n:03d}")
        return f"R{n:03d}", n + 1

    # -- per row ------------------------------------------------------------------------
    def _identity_fields(self, row: list[str]) -> dict[str, str]:
        fields: dict[str, str] = {}
        for p in self.identity:
            value = row[p.index].strip()
            if not value:
                continue
            field = p.identity_field or "other"
            if field == "other" or field in fields:
                line = f"{p.header}: {value}"
                fields["other"] = f"{fields['other']}\n{line}" if "other" in fields else line
            else:
                fields[field] = value
        return fields

    def _response_meta(self, row: list[str], text: str) -> tuple[str, date | None]:
        language = None
        if self.language is not None:
            language = normalise_language(row[self.language.index])
        received = None
        if self.date is not None and row[self.date.index].strip():
            received = parse_date(row[self.date.index])
            self.bad_dates += received is None
        return language or detect_language(text), received

    def _insert_new(self, rows: list[tuple[int, int]]) -> None:
        identities, values, responses = [], [], []
        for i, rid in rows:
            row = self.table.rows[i]
            fields = self._identity_fields(row)
            if fields:
                identities.append({"respondent_id": rid, **fields})
            for p in self.attrs:
                value = self._attribute_value(p, row[p.index], self.table.row_numbers[i])
                if value is not None:
                    values.append(
                        {"respondent_id": rid, "attribute_id": self.attr_ids[p.index].id, **value}
                    )
            for p in self.answers:
                text = row[p.index]
                if not text.strip():
                    continue
                language, received = self._response_meta(row, text)
                responses.append(
                    {
                        "respondent_id": rid,
                        "question": p.header,
                        "text": text,
                        "language": language,
                        "received": received,
                        "source": self.path.name,
                        "channel": "survey",
                    }
                )
        if identities:
            self.s.execute(insert(Identity), identities)
        if values:
            # Without render_nulls the ORM leaves out None columns and splits the rows into
            # runs of the same shape: a text then a number attribute, two statements a row.
            self.s.execute(
                insert(respondent_service.AttributeValue).execution_options(render_nulls=True),
                values,
            )
        if responses:
            # RETURNING makes SQLAlchemy send multi-row INSERTs ("insertmanyvalues") instead
            # of one statement per row; the full-text index then flushes once per statement.
            self.s.execute(insert(Response).returning(Response.id), responses).all()
        self.report.responses_added += len(responses)

    def _attribute_value(self, plan: ColumnPlan, raw: str, line: int) -> dict[str, Any] | None:
        raw = raw.strip()
        if not raw:
            return None
        if self.attr_ids[plan.index].type is AttributeType.NUMBER:
            number = respondent_service.parse_number(raw)
            if number is None:
                raise InputError(
                    self.path, f"row {line}: {plan.header!r} should be a number, not {raw!r}"
                )
            return {"value_number": number, "value_text": None}
        return {"value_text": raw, "value_number": None}

    def _update(self, i: int, rid: int) -> None:
        """An existing respondent: change only what differs, through the services."""
        row = self.table.rows[i]
        respondent = self.s.get(Respondent, rid)
        assert respondent is not None
        touched = False
        fields = self._identity_fields(row)
        current = respondent.identity
        if fields and (current is None or any(getattr(current, k) != v for k, v in fields.items())):
            respondent_service.set_identity(self.s, respondent, fields)
            touched = True
        attrs = respondent_service.attribute_table_for(self.s, rid)
        for p in self.attrs:
            value = row[p.index].strip()
            if value and attrs.get(p.header) != respondent_service.normalise_value(
                self.attr_ids[p.index], value
            ):
                self._attribute_value(p, value, self.table.row_numbers[i])  # validates first
                respondent_service.set_attribute(self.s, respondent, p.header, value)
                touched = True
        for p in self.answers:
            text = row[p.index]
            if not text.strip():
                continue
            found = self.s.scalar(
                select(Response).where(Response.respondent_id == rid, Response.question == p.header)
            )
            if found is None:
                language, received = self._response_meta(row, text)
                add_response(
                    self.s,
                    rid,
                    text,
                    question=p.header,
                    language=language,
                    source=self.path.name,
                    channel="survey",
                    received=received,
                )
                self.report.responses_added += 1
                touched = True
                continue
            change = replace_text(self.s, found, text)
            if change.changed:
                self.report.responses_updated += 1
                self.report.segments_moved += change.segments_moved
                self.report.segments_dropped += change.segments_dropped
                touched = True
            else:
                self.report.responses_unchanged += 1
        self.report.respondents_updated += touched
