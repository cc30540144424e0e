"""A parsed REFI-QDA file into the project, through the services, in the caller's transaction.

Order: coders, codes, then each source (its text, the reading of its positions, its
respondent, its response, its coded selections), then the cases' attributes and the memos.
A source whose text cannot be had is reported and skipped; its codings' codes are in the
codebook all the same. Nothing here commits: a failure or a cancel changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Memo, Response
from ...services.coding.bulk import NewSegment, add_coded_segments
from ...services.coding.memos import add_memo
from ...services.corpus.bulk import NewResponse, add_responses
from ...services.exchange_ids import known_guids
from .archive import Archive
from .codes import CodeMap, import_codes
from .parsed import ParsedFile, PSelection, PSource
from .people import People, coders
from .positions import OffsetMap, choose, normalise_breaks, project_ranking, score_readings
from .report import RefiReport
from .sources import Missing, SourceText, find_text

Progress = Callable[[int, int], None]


def parse_time(value: str | None) -> datetime | None:
    """xsd:dateTime as the naive UTC the database keeps; None when unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _describe(text: str | None) -> dict[str, str]:
    """What dotsdesk's export wrote in a source's description: Language, Channel, Question."""
    out: dict[str, str] = {}
    lines = (text or "").split("\n")
    for n, line in enumerate(lines):
        key, sep, value = line.partition(": ")
        if sep and key in ("Language", "Channel"):
            out[key] = value.strip()
        elif sep and key == "Question":
            out[key] = "\n".join([value, *lines[n + 1 :]])
            break
    return out


class ProjectImport:
    def __init__(
        self,
        session: Session,
        path: Path,
        parsed: ParsedFile,
        archive: Archive | None,
        report: RefiReport,
        progress: Progress | None,
    ) -> None:
        self.session = session
        self.path = path
        self.parsed = parsed
        self.archive = archive
        self.report = report
        self.progress = progress
        self.own = known_guids(session)
        self.people = People(session, parsed, self.own, report)
        self.segments: list[NewSegment] = []
        self.response_notes: list[tuple[int, str]] = []  # (response id, note GUID)
        self.used_notes: set[str] = set()

    def run(self) -> None:
        session, parsed, report = self.session, self.parsed, self.report
        self.coders = coders(session, parsed, report)
        own_codes = {g: i for g, (kind, i) in self.own.items() if kind == "code"}
        self.codes: CodeMap = import_codes(session, parsed.codes, own_codes, report)
        self.notes = self._notes()
        case_of: dict[str, str] = {}  # source GUID -> case GUID
        for case in parsed.cases:
            for guid in case.sources:
                if case_of.setdefault(guid, case.guid) != case.guid:
                    report.problem("sources in several cases, kept with the first", guid)
            if case.selection_refs:
                report.skipped["case links to parts of sources (kept whole)"] += 1
        texts = [self._text(s) for s in parsed.sources]
        self._decide_readings(texts)
        kept = []
        for source, text in zip(parsed.sources, texts, strict=True):
            normal = self._normal(source, text) if isinstance(text, SourceText) else None
            if normal is not None:
                assert isinstance(text, SourceText)
                kept.append((source, text, normal, case_of.get(source.guid, source.guid)))
        wanted: dict[str, str | None] = {c.guid: c.name for c in parsed.cases}
        for _, _, _, owner in kept:
            wanted.setdefault(owner, None)
        people = self.people.resolve(wanted)
        responses = self._responses([(s, n, people[owner]) for s, _, n, owner in kept])
        total = len(kept)
        for n, ((source, text, normal, owner), response_id) in enumerate(
            zip(kept, responses, strict=True), 1
        ):
            self.people.add_values(people[owner], source.values)
            self._codings(source, text, len(normal), response_id)
            if self.progress is not None and (n % 200 == 0 or n == total):
                self.progress(n, total)
        for case in parsed.cases:
            self.people.add_values(people[case.guid], case.values)
        self.people.write_values()
        coded = add_coded_segments(session, self.segments)
        report.segments_added += coded.added
        report.segments_extended += coded.extended
        report.segments_unchanged += coded.unchanged
        report.selections_merged += coded.merged
        self._memos()
        for what, count in parsed.skipped.items():
            report.skipped[what] += count

    # -- sources ----------------------------------------------------------------------
    def _text(self, source: PSource) -> SourceText | Missing:
        found = find_text(
            self.archive, self.path, source.inline, source.plain_path, source.rich_path
        )
        if isinstance(found, Missing):
            name = source.name or source.guid
            self.report.problem(
                f"sources skipped ({found.why})",
                f"{name} ({found.detail})" if found.detail else name,
            )
            codings = len(source.selections) + len(source.whole_codes)
            self.report.skipped["codings of sources skipped (their codes are kept)"] += codings
        return found

    def _decide_readings(self, texts: list[SourceText | Missing]) -> None:
        scores = []
        for source, text in zip(self.parsed.sources, texts, strict=True):
            if isinstance(text, SourceText):
                sample = [
                    (s.start, s.end, s.name)
                    for s in source.selections
                    if s.start is not None and s.end is not None
                ]
                scores.append(score_readings(text.raw, text.bom, sample))
            else:
                scores.append({})
        ranking = project_ranking(scores)
        self.decisions = {}
        for source, text, own in zip(self.parsed.sources, texts, scores, strict=True):
            if isinstance(text, SourceText):
                decision = choose(text.raw, text.bom, own, ranking)
                self.decisions[source.guid] = decision
                if decision.ambiguous and (source.selections or source.whole_codes):
                    self.report.readings[(decision.reading.describe(), decision.evidence)] += 1

    def _normal(self, source: PSource, text: SourceText) -> str | None:
        """The text as dotsdesk keeps it (LF line ends), or None when there is none."""
        normal = normalise_breaks(text.raw)
        if "\x00" in normal:
            self.report.problem("sources with NUL characters (shown as �)", source.name or "")
            normal = normal.replace("\x00", "\ufffd")
        if not normal.strip():
            self.report.problem("sources skipped (their text is empty)", source.name or source.guid)
            return None
        return normal

    def _responses(self, wanted: list[tuple[PSource, str, int]]) -> list[int]:
        """The response of each source: this project's own (by GUID, same text), one from an
        earlier import of this file (same respondent, source and text), else a new one."""
        earlier: dict[tuple[int, str | None, str], int] = {}
        respondents = sorted({rid for _, _, rid in wanted})
        for i in range(0, len(respondents), 400):
            for rid, came_from, text, response_id in self.session.execute(
                select(Response.respondent_id, Response.source, Response.text, Response.id).where(
                    Response.respondent_id.in_(respondents[i : i + 400])
                )
            ):
                earlier[(rid, came_from, text)] = response_id
        out: list[int | None] = []
        new: list[NewResponse] = []
        for source, text, rid in wanted:
            where = f"{self.path.name} › {source.name or source.guid}"
            own = self.own.get(source.guid)
            found = None
            if own is not None and own[0] == "response":
                existing = self.session.get(Response, own[1])
                if existing is not None and existing.text == text:
                    found = existing.id
            found = found or earlier.get((rid, where, text))
            if found is not None:
                self.report.responses_unchanged += 1
                out.append(found)
                continue
            about = _describe(source.description) if self.parsed.from_dotsdesk else {}
            new.append(
                NewResponse(
                    rid,
                    text,
                    question=about.get("Question"),
                    language=about.get("Language"),
                    source=where,
                    channel=about.get("Channel", "REFI-QDA"),
                )
            )
            out.append(None)
        made = iter(add_responses(self.session, new))
        self.report.responses_added += len(new)
        return [found if found is not None else next(made) for found in out]

    def _codings(self, source: PSource, text: SourceText, length: int, response_id: int) -> None:
        for guid in source.note_refs:
            self.response_notes.append((response_id, guid))
        mapping = OffsetMap(text.raw, self.decisions[source.guid].reading)
        for selection in source.selections:
            self._selection(selection, mapping, response_id, length)
        for coder, code_ids in self._codes(source.whole_codes, None).items():
            self.segments.append(NewSegment(response_id, 0, length, coder, code_ids))

    def _codes(
        self, codings: list[tuple[str, str | None]], default_user: str | None
    ) -> dict[int, tuple[int, ...]]:
        """coder id -> the code ids of these codings that coder made."""
        out: dict[int, list[int]] = {}
        for code_guid, user in codings:
            cid = self.codes.by_guid.get(code_guid)
            if cid is None:
                self.report.skipped["codings of codes the codebook lacks"] += 1
                continue
            coder = self.coders.get(user or default_user or "", self.coders[""])
            out.setdefault(coder, []).append(cid)
        return {coder: tuple(dict.fromkeys(ids)) for coder, ids in out.items()}

    def _selection(
        self, sel: PSelection, mapping: OffsetMap, response_id: int, length: int
    ) -> None:
        skipped = self.report.skipped
        if sel.start is None or sel.end is None:
            skipped["selections with unreadable positions"] += 1
            return
        start, end = min(sel.start, sel.end), max(sel.start, sel.end)
        span = mapping.span(start, end)
        if span is None:
            skipped["selections outside their source's text"] += 1
            return
        a, b = mapping.normalised(span[0]), mapping.normalised(span[1])
        b = min(b, length)
        if b <= a:
            skipped["empty selections"] += 1
            return
        by_coder = self._codes(sel.codes, sel.user)
        if not by_coder:
            skipped["selections without a code (dotsdesk keeps coded segments only)"] += 1
            return
        memo = self._note_texts(sel.note_refs) or (sel.description or None)
        created = parse_time(sel.created)
        for coder, code_ids in by_coder.items():
            self.segments.append(NewSegment(response_id, a, b, coder, code_ids, memo, created))

    # -- notes --------------------------------------------------------------------------
    def _notes(self) -> dict[str, tuple[str, int | None, datetime | None]]:
        out: dict[str, tuple[str, int | None, datetime | None]] = {}
        for note in self.parsed.notes:
            found = find_text(self.archive, self.path, note.inline, note.plain_path, note.rich_path)
            if isinstance(found, Missing):
                name = note.name or note.guid
                self.report.problem(
                    f"memos skipped ({found.why})",
                    f"{name} ({found.detail})" if found.detail else name,
                )
                continue
            text = normalise_breaks(found.raw).replace("\x00", "\ufffd")
            coder = self.coders.get(note.user or "", self.coders[""])
            out[note.guid] = (text, coder, parse_time(note.created))
        return out

    def _note_texts(self, refs: list[str]) -> str | None:
        texts = []
        for guid in refs:
            found = self.notes.get(guid)
            if found is not None:
                self.used_notes.add(guid)
                texts.append(found[0])
        return "\n\n".join(t for t in texts if t.strip()) or None

    def _memo_exists(self, text: str, response_id: int | None, code_id: int | None) -> bool:
        target = (
            Memo.response_id == response_id
            if response_id is not None
            else Memo.response_id.is_(None),
            Memo.code_id == code_id if code_id is not None else Memo.code_id.is_(None),
        )
        found = self.session.scalar(select(Memo.id).where(Memo.text == text, *target).limit(1))
        return found is not None

    def _memos(self) -> None:
        def add(guid: str, response_id: int | None = None, code_id: int | None = None) -> None:
            found = self.notes.get(guid)
            if found is None:
                return
            self.used_notes.add(guid)
            text, coder, created = found
            if self._memo_exists(text, response_id, code_id):
                return  # this file, or our own export of it, came in before
            if add_memo(
                self.session,
                text,
                response_id=response_id,
                code_id=code_id,
                coder_id=coder,
                created=created,
            ):
                self.report.memos_added += 1

        for response_id, guid in self.response_notes:
            add(guid, response_id=response_id)
        for code_id, refs in self.codes.note_refs.items():
            for guid in refs:
                add(guid, code_id=code_id)
        for guid in self.parsed.note_refs:
            add(guid)
        for guid in self.notes:  # a note nothing refers to is a memo on the project
            if guid not in self.used_notes:
                add(guid)
