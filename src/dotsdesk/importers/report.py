"""What an import did, in words a researcher can check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .surveys.columns import ColumnPlan, Role

# (done, total) -> None; raising from it cancels the import, which then changes nothing.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    encoding: str | None = None
    sheet: str | None = None
    responses: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    identity: tuple[str, ...] = ()
    id_column: str | None = None
    # header -> role name, for every column the user decided in the import dialog
    column_roles: tuple[tuple[str, str], ...] = ()
    respondent: str | None = None  # for transcripts
    coder: str | None = None


@dataclass
class ImportReport:
    path: Path
    kind: str  # "survey" or "transcript"
    encoding: str | None = None
    sheet: str | None = None
    source: str | None = None  # the survey tool's export, when a profile recognised it
    header_rows: str = ""  # where the header was found ("lines 1-3")
    notes: list[str] = field(default_factory=list)
    columns: list[ColumnPlan] = field(default_factory=list)
    already_imported: str | None = None  # when the same bytes came in before
    respondents_added: int = 0
    respondents_updated: int = 0
    responses_added: int = 0
    responses_updated: int = 0
    responses_unchanged: int = 0
    segments_moved: int = 0
    segments_dropped: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.respondents_added
            or self.respondents_updated
            or self.responses_added
            or self.responses_updated
        )

    def lines(self) -> list[str]:
        out = [
            f"{self.path.name}: {self.kind}"
            + (f" from {self.source}" if self.source else "")
            + (f", encoding {self.encoding}" if self.encoding else "")
            + (f", sheet {self.sheet!r}" if self.sheet else "")
            + (f", header in {self.header_rows}" if self.header_rows else "")
        ]
        if self.already_imported:
            out.append(f"  already imported on {self.already_imported}; nothing changed")
            return out
        out.extend(f"  note: {n}" for n in self.notes)
        for plan in self.columns:
            detail = plan.role.value
            if plan.attribute_type is not None:
                detail += f" ({plan.attribute_type.value})"
            if plan.identity_field is not None:
                detail += f" ({plan.identity_field}, kept private)"
            if plan.group is not None and plan.role is Role.ATTRIBUTE:
                detail += f" {plan.option!r} of {plan.group!r}"
            qid = f" [{plan.qid}]" if plan.qid else ""
            out.append(f"  column {plan.header!r}{qid}: {detail} - {plan.why}")
        summary = (
            f"  respondents: {self.respondents_added} added, {self.respondents_updated} updated; "
            f"responses: {self.responses_added} added, {self.responses_updated} updated, "
            f"{self.responses_unchanged} unchanged"
        )
        out.append(summary)
        if self.segments_moved or self.segments_dropped:
            out.append(
                f"  changed answers: {self.segments_moved} segment(s) re-anchored, "
                f"{self.segments_dropped} dropped because their text is gone"
            )
        if not self.changed:
            out.append("  nothing changed: every row matches the project")
        return out
