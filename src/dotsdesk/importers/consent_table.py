"""Import a consent table (CSV or XLSX), the spreadsheet researchers keep consent in today.

Columns: respondent, status, level, translation, date, channel, note (and optionally
expires), matched case-insensitively, in English or Chinese. Every row is checked before
anything is written: one bad row and nothing is imported, and the error names the file and
the line. A row already recorded (same respondent, event, date and details) is skipped, so
importing the same table twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer_group

from ..errors import InputError
from ..model import ConsentEvent, ConsentKind, ConsentLevel, Respondent
from ..services.consent.events import record_event
from .dates import parse_date
from .surveys.table import read_table

# Canonical column -> header spellings (compared case-folded, spaces and _- ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "respondent": ("respondent", "respondent id", "id", "key", "label", "受访者", "编号"),
    "status": ("status", "consent", "consent status", "状态", "同意状态"),
    "level": ("level", "consent level", "attribution", "级别", "署名方式"),
    "translation": ("translation", "translation allowed", "translate", "翻译", "允许翻译"),
    "date": ("date", "when", "日期"),
    "channel": ("channel", "via", "渠道"),
    "note": ("note", "notes", "comment", "备注"),
    "expires": ("expires", "expiry", "expiry date", "到期", "到期日"),
}
REQUIRED = ("respondent", "status")

STATUSES: dict[str, ConsentKind] = {
    "pending": ConsentKind.REQUESTED,
    "requested": ConsentKind.REQUESTED,
    "asked": ConsentKind.REQUESTED,
    "待定": ConsentKind.REQUESTED,
    "待回复": ConsentKind.REQUESTED,
    "granted": ConsentKind.GRANTED,
    "yes": ConsentKind.GRANTED,
    "同意": ConsentKind.GRANTED,
    "已同意": ConsentKind.GRANTED,
    "declined": ConsentKind.DECLINED,
    "no": ConsentKind.DECLINED,
    "拒绝": ConsentKind.DECLINED,
    "withdrawn": ConsentKind.WITHDRAWN,
    "撤回": ConsentKind.WITHDRAWN,
    "已撤回": ConsentKind.WITHDRAWN,
}
LEVELS: dict[str, ConsentLevel] = {
    "anonymous": ConsentLevel.ANONYMOUS,
    "anon": ConsentLevel.ANONYMOUS,
    "匿名": ConsentLevel.ANONYMOUS,
    "handle": ConsentLevel.HANDLE,
    "by handle": ConsentLevel.HANDLE,
    "forum id": ConsentLevel.HANDLE,
    "网名": ConsentLevel.HANDLE,
    "昵称": ConsentLevel.HANDLE,
    "name": ConsentLevel.NAME,
    "by name": ConsentLevel.NAME,
    "real name": ConsentLevel.NAME,
    "实名": ConsentLevel.NAME,
}
YES = {"yes", "y", "true", "1", "allowed", "是", "允许", "可以"}
NO = {"no", "n", "false", "0", "not allowed", "否", "不允许", "不可以"}


@dataclass(frozen=True)
class _Row:
    line: int
    respondent_id: int
    kind: ConsentKind
    occurred: date
    level: ConsentLevel | None
    translation: bool | None
    expires: date | None
    channel: str | None
    note: str | None
    undated: bool

    def signature(self) -> tuple[object, ...]:
        return (
            self.respondent_id,
            self.kind,
            self.occurred,
            self.level,
            self.translation,
            self.expires,
            self.channel,
            self.note,
        )


@dataclass
class ConsentImportReport:
    path: Path
    added: int = 0
    already_recorded: int = 0
    undated: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{self.path.name}: {self.added} consent event(s) added"
            + (f", {self.already_recorded} already recorded" if self.already_recorded else "")
        ]
        if self.undated:
            out.append(f"  {self.undated} row(s) without a date were recorded as today")
        out.extend(f"  {n}" for n in self.notes)
        return out


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch not in " _-")


_HEADER_OF = {
    _norm(spelling): (name, rank)
    for name, spellings in COLUMNS.items()
    for rank, spelling in enumerate(spellings)
}


def import_consent_table(
    session: Session, path: Path, *, today: date | None = None, sheet: str | None = None
) -> ConsentImportReport:
    """Check every row, then append one consent event per row (or raise, changing nothing)."""
    path = Path(path)
    today = today or date.today()
    table = read_table(path, sheet=sheet)
    report = ConsentImportReport(path, notes=list(table.notes))
    where = _columns(table.headers, report.notes)
    missing = [c for c in REQUIRED if c not in where]
    if missing:
        raise InputError(
            path,
            f"no {' or '.join(repr(m) for m in missing)} column "
            f"(found: {', '.join(table.headers) or 'none'})",
        )
    if not table.rows:
        raise InputError(path, "the table has no rows below its header")
    people = _respondents(session)
    rows: list[_Row] = []
    errors: list[tuple[int, str]] = []
    for line, cells in zip(table.row_numbers, table.rows, strict=True):
        values = {name: cells[i].strip() for name, i in where.items()}
        try:
            rows.append(_check_row(line, values, people, today))
        except ValueError as exc:
            errors.append((line, str(exc)))
    if errors:
        line, problem = errors[0]
        more = f" (and {len(errors) - 1} more bad row(s))" if len(errors) > 1 else ""
        raise InputError(path, f"line {line}: {problem}{more}; nothing was imported")
    report.undated = sum(1 for r in rows if r.undated)
    recorded = _recorded(session, {r.respondent_id for r in rows})
    for row in rows:
        if row.signature() in recorded:
            report.already_recorded += 1
            continue
        record_event(
            session,
            row.respondent_id,
            row.kind,
            row.occurred,
            level=row.level,
            translation_allowed=row.translation,
            expires=row.expires,
            channel=row.channel,
            note=row.note,
        )
        recorded.add(row.signature())
        report.added += 1
    return report


def _columns(headers: list[str], notes: list[str]) -> dict[str, int]:
    """Canonical column -> index; of two headers meaning the same, the likelier wins
    (e.g. "Respondent" over "Label", as in the table `consent list` prints)."""
    best: dict[str, tuple[int, int]] = {}  # name -> (rank of the spelling, column index)
    for i, header in enumerate(headers):
        found = _HEADER_OF.get(_norm(header))
        if found is None:
            notes.append(f"ignored column {header!r}")
            continue
        name, rank = found
        if name in best and best[name][0] <= rank:
            notes.append(f"ignored column {header!r} (using {headers[best[name][1]]!r})")
            continue
        if name in best:
            notes.append(f"ignored column {headers[best[name][1]]!r} (using {header!r})")
        best[name] = (rank, i)
    return {name: i for name, (_rank, i) in best.items()}


def _respondents(session: Session) -> dict[str, int]:
    """Import id or label -> respondent id; an import id wins over another's label."""
    found: dict[str, int] = {}
    rows = session.execute(select(Respondent.id, Respondent.key, Respondent.label)).all()
    for rid, _key, label in rows:
        found[label] = rid
    for rid, key, _label in rows:
        found[key] = rid
    return found


def _check_row(line: int, v: dict[str, str], people: dict[str, int], today: date) -> _Row:
    """The row as an event, or ValueError saying what is wrong with it."""
    who = v["respondent"]
    if not who:
        raise ValueError("no respondent")
    if who not in people:
        raise ValueError(f"unknown respondent {who!r}")
    status = v["status"]
    kind = STATUSES.get(status.casefold())
    if kind is None:
        raise ValueError(
            f"unknown status {status!r} (use pending, granted, declined or withdrawn)"
            if status
            else "no status"
        )
    level = None
    if v.get("level"):
        level = LEVELS.get(v["level"].casefold())
        if level is None:
            raise ValueError(f"unknown level {v['level']!r} (use anonymous, handle or name)")
    translation = _yes_no(v.get("translation", ""))
    expires = _date(v.get("expires", ""), "expiry date") if v.get("expires") else None
    if kind is ConsentKind.GRANTED:
        if level is None:
            raise ValueError("a grant needs a level: anonymous, handle or name")
    elif level is not None:
        raise ValueError(f"a level ({level.value}) belongs to a grant, not to {status!r}")
    elif translation:
        raise ValueError(f"translation allowed belongs to a grant, not to {status!r}")
    elif expires is not None:
        raise ValueError(f"an expiry date belongs to a grant, not to {status!r}")
    occurred = _date(v["date"], "date") if v.get("date") else today
    if expires is not None and expires < occurred:
        raise ValueError("the grant expires before it was given")
    return _Row(
        line,
        people[who],
        kind,
        occurred,
        level,
        translation if kind is ConsentKind.GRANTED else None,
        expires,
        v.get("channel") or None,
        v.get("note") or None,
        undated=not v.get("date"),
    )


def _yes_no(text: str) -> bool | None:
    if not text:
        return None
    word = text.casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    raise ValueError(f"translation must be yes or no, not {text!r}")


def _date(text: str, what: str) -> date:
    parsed = parse_date(text)
    if parsed is None:
        raise ValueError(f"bad {what} {text!r} (use YYYY-MM-DD)")
    return parsed


def _recorded(session: Session, respondent_ids: set[int]) -> set[tuple[object, ...]]:
    events = session.scalars(
        select(ConsentEvent)
        .where(ConsentEvent.respondent_id.in_(respondent_ids))
        .options(undefer_group("ev"))
    )
    return {
        (
            e.respondent_id,
            e.kind,
            e.occurred,
            e.level,
            e.translation_allowed,
            e.expires,
            e.channel,
            e.note,
        )
        for e in events
    }
