"""The consent register workbook: the one export that holds private identity.

Its first sheet says so in plain words before anyone scrolls to a name. Sheets: READ FIRST,
Register (one row per respondent, identity and current consent) and History (every consent
event, in order). Written with XlsxWriter through `Cells`, so no text becomes a formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer_group
from xlsxwriter.workbook import Workbook

from ...errors import DotsError
from ...model import ConsentEvent, Identity, Respondent, consent_scope_segment
from ...services.consent.events import consent_rows
from .cells import Cells, CellTooLong
from .workbook import table_sheet, xlsx_workbook

READ_FIRST_TITLE = "PRIVATE: this file holds personal identity. Do not share it."
READ_FIRST = [
    READ_FIRST_TITLE,
    "",
    "This is the consent register of a dotsdesk project. Unlike every other export, it "
    "contains private identity: respondents' real names, e-mail addresses, phone numbers, "
    "contacts, forum names and handles.",
    "Keep it where only the research team can read it. Do not e-mail it, post it, upload it "
    "or attach it to a draft. Delete copies you no longer need.",
    "Posts and reports name people only by the labels their consent allows; use those "
    "when you write.",
    "",
    "Sheets: Register (one row per respondent: identity and current consent) and History "
    "(every consent event of everyone, oldest first).",
]
REGISTER_COLUMNS = [
    "Respondent",
    "Label",
    "Name",
    "E-mail",
    "Phone",
    "Contact",
    "Forum",
    "Handle",
    "Other identity",
    "Status",
    "Level",
    "Translation allowed",
    "Scope",
    "Expires",
    "Since",
    "Last event",
    "Days pending",
]
HISTORY_COLUMNS = [
    "Respondent",
    "Label",
    "Date",
    "Event",
    "Level",
    "Translation allowed",
    "Scope",
    "Segments",
    "Expires",
    "Channel",
    "Asked",
    "Note",
    "Recorded",
]
_WIDE = {"Name": 24, "E-mail": 30, "Contact": 24, "Forum": 22, "Asked": 40, "Note": 40}


def export_consent_register(session: Session, target: Path, today: date | None = None) -> int:
    """Write the register; returns the number of respondents. Atomic: all or nothing."""
    today = today or date.today()
    try:
        with xlsx_workbook(target) as (wb, cells):
            wb.set_properties(
                {"title": "Consent register (private identity)", "comments": READ_FIRST_TITLE}
            )
            _read_first(wb, cells)
            people = _register(wb, cells, session, target, today)
            _history(wb, cells, session, target)
    except CellTooLong as exc:
        raise DotsError(
            target,
            f"a text in row {exc.row + 1} is {exc.length:,} characters long, more than "
            "an Excel cell holds; nothing was written",
        ) from None
    return people


def _read_first(wb: Workbook, cells: Cells) -> None:
    ws = wb.add_worksheet("READ FIRST")
    ws.set_column_pixels(0, 0, 900)
    for row, line in enumerate(READ_FIRST):
        cells.text(ws, row, 0, line, wrap=True, bold=row == 0)
    ws.activate()


def _register(wb: Workbook, cells: Cells, session: Session, target: Path, today: date) -> int:
    rows = consent_rows(session, today)
    keys = dict(session.execute(select(Respondent.id, Respondent.key)).all())
    identities = {i.respondent_id: i for i in session.scalars(select(Identity))}
    ws = table_sheet(
        wb, cells, target, "Register", REGISTER_COLUMNS, len(rows), widths=_WIDE, frozen_columns=2
    )
    for n, row in enumerate(rows, 1):
        c = row.consent
        who = identities.get(row.respondent_id)
        cells.row(
            ws,
            n,
            [
                keys[row.respondent_id],
                row.label,
                *(
                    getattr(who, f) if who else None
                    for f in ("name", "email", "phone", "contact", "forum", "handle", "other")
                ),
                c.status.value,
                c.level.value if c.level else None,
                _yes_no(c.translation_allowed) if c.level else None,
                _scope(c.scope.value if c.level else None, sorted(c.segment_ids)),
                _iso(c.expires),
                _iso(c.since),
                _iso(c.last_event),
                row.days_pending,
            ],
        )
    return len(rows)


def _history(wb: Workbook, cells: Cells, session: Session, target: Path) -> None:
    people = {
        rid: (key, label)
        for rid, key, label in session.execute(
            select(Respondent.id, Respondent.key, Respondent.label)
        )
    }
    scoped: dict[int, list[int]] = {}
    for event_id, segment_id in session.execute(select(consent_scope_segment)):
        scoped.setdefault(event_id, []).append(segment_id)
    events = list(
        session.scalars(
            select(ConsentEvent)
            .order_by(ConsentEvent.occurred, ConsentEvent.id)
            .options(undefer_group("ev"))
        )
    )
    ws = table_sheet(
        wb, cells, target, "History", HISTORY_COLUMNS, len(events), widths=_WIDE, frozen_columns=2
    )
    for n, e in enumerate(events, 1):
        key, label = people[e.respondent_id]
        cells.row(
            ws,
            n,
            [
                key,
                label,
                e.occurred.isoformat(),
                e.kind.value,
                e.level.value if e.level else None,
                None if e.translation_allowed is None else _yes_no(e.translation_allowed),
                e.scope.value if e.scope else None,
                ", ".join(map(str, sorted(scoped.get(e.id, [])))) or None,
                _iso(e.expires),
                e.channel,
                e.asked,
                e.note,
                e.recorded.isoformat(sep=" ", timespec="seconds") if e.recorded else None,
            ],
        )


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _scope(scope: str | None, segments: list[int]) -> str | None:
    if scope == "segments":
        return "segments " + ", ".join(map(str, segments))
    return scope
