"""What a REFI-QDA import brought in, what it skipped and why, and how it read positions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..report import ImportReport

_SHOWN = 8  # names listed per kind of problem; the rest are counted


@dataclass
class RefiReport(ImportReport):
    origin: str | None = None
    codes_added: int = 0
    codes_existing: int = 0
    code_conflicts: list[str] = field(default_factory=list)
    coders_added: int = 0
    respondents_matched: int = 0  # already in the project (this file's cases, or our own)
    segments_added: int = 0
    segments_extended: int = 0
    segments_unchanged: int = 0
    selections_merged: int = 0  # one span by one coder is one segment with all its codes
    memos_added: int = 0
    attribute_values: int = 0
    # (reading, evidence) -> sources read that way, only those where readings differ
    readings: Counter[tuple[str, str]] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # what -> how many
    problems: dict[str, list[str]] = field(default_factory=dict)  # why -> names

    def problem(self, why: str, name: str) -> None:
        self.problems.setdefault(why, []).append(name)

    @property
    def changed(self) -> bool:
        return bool(
            super().changed
            or self.codes_added
            or self.segments_added
            or self.segments_extended
            or self.memos_added
            or self.attribute_values
        )

    def lines(self) -> list[str]:
        head = f"{self.path.name}: {self.kind}" + (f" from {self.origin}" if self.origin else "")
        if self.already_imported:
            return [head, f"  already imported on {self.already_imported}; nothing changed"]
        out = [head]
        out += [f"  note: {n}" for n in self.notes]
        out.append(
            f"  codes: {self.codes_added} added, {self.codes_existing} already in the project"
            + (f", {self.coders_added} coder(s) added" if self.coders_added else "")
        )
        out += [f"  code conflict: {c}" for c in self.code_conflicts[:_SHOWN]]
        if len(self.code_conflicts) > _SHOWN:
            out.append(f"  ... and {len(self.code_conflicts) - _SHOWN} more code conflicts")
        if self.kind != "REFI-QDA codebook":
            out.append(
                f"  respondents: {self.respondents_added} added, {self.respondents_matched} "
                f"already there; responses: {self.responses_added} added, "
                f"{self.responses_unchanged} already there; attribute values: "
                f"{self.attribute_values}; memos: {self.memos_added}"
            )
            out.append(
                f"  segments: {self.segments_added} added, {self.segments_extended} gained "
                f"codes or memos, {self.segments_unchanged} already there"
                + (
                    f"; {self.selections_merged} selection(s) of a span another selection "
                    "of the same coder has were merged into it (one segment, all the codes)"
                    if self.selections_merged
                    else ""
                )
            )
            for (reading, evidence), n in self.readings.most_common():
                out.append(f"  positions in {n} source(s) read as {reading} ({evidence})")
        for what, n in sorted(self.skipped.items()):
            if n:
                out.append(f"  skipped: {n} {what}")
        for why, names in self.problems.items():
            shown = ", ".join(repr(n) for n in names[:_SHOWN])
            more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
            out.append(f"  {why}: {shown}{more}")
        if not self.changed:
            out.append("  nothing changed: everything in the file is already in the project")
        return out
