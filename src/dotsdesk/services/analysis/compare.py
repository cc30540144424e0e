"""Two coders' coding of one response, side by side: each one's spans and where they differ.

A disagreement is a stretch of the text one coder gave a code and the other did not, as the
agreement figures count them (`agreement.py`): each coder's spans of a code are joined first,
so two touching segments and one long one agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import Respondent, Response
from ..coding.segments import segments_of
from .agreement import AgreementReport
from .codes import code_tree
from .spans import Span, merge_spans, subtract_spans


@dataclass(frozen=True)
class CodedSpan:
    segment_id: int
    start: int
    end: int
    code_ids: tuple[int, ...]


@dataclass(frozen=True)
class SpanDisagreement:
    code_id: int
    code: str  # path
    colour: str
    start: int
    end: int
    coded_by: str  # the coder who gave the code here; the other did not
    text: str


@dataclass(frozen=True)
class ResponseComparison:
    response_id: int
    respondent: str  # pseudonymous label
    question: str | None
    text: str
    first: str
    second: str
    spans: dict[str, list[CodedSpan]]  # coder name -> their segments, in text order
    disagreements: list[SpanDisagreement]  # by place, then code
    colours: dict[int, str]  # code id -> colour
    paths: dict[int, str]  # code id -> path

    @property
    def agrees(self) -> bool:
        return not self.disagreements


def compare_response(
    session: Session, response_id: int, first: str, second: str
) -> ResponseComparison:
    row = session.execute(
        select(Respondent.label, Response.question, Response.text)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(Response.id == response_id)
    ).first()
    if row is None:
        raise NotFound(None, f"no response {response_id}")
    label, question, text = row
    nodes = {n.id: n for n in code_tree(session)}
    spans: dict[str, list[CodedSpan]] = {first: [], second: []}
    by_code: defaultdict[int, dict[str, list[Span]]] = defaultdict(lambda: {first: [], second: []})
    for seg in segments_of(session, response_id):
        if seg.coder not in spans:
            continue
        spans[seg.coder].append(CodedSpan(seg.id, seg.start, seg.end, seg.code_ids))
        for code in seg.code_ids:
            by_code[code][seg.coder].append((seg.start, seg.end))
    found: list[SpanDisagreement] = []
    for code, by in by_code.items():
        node = nodes[code]
        mine, theirs = merge_spans(by[first]), merge_spans(by[second])
        for coder, only in (
            (first, subtract_spans(mine, theirs)),
            (second, subtract_spans(theirs, mine)),
        ):
            found += [
                SpanDisagreement(code, node.path, node.colour, s, e, coder, text[s:e])
                for s, e in only
            ]
    found.sort(key=lambda d: (d.start, d.end, d.code, d.coded_by))
    return ResponseComparison(
        response_id,
        label,
        question,
        text,
        first,
        second,
        spans,
        found,
        {n.id: n.colour for n in nodes.values()},
        {n.id: n.path for n in nodes.values()},
    )


@dataclass(frozen=True)
class ComparedResponse:
    response_id: int
    respondent: str
    disagreements: int


def disagreeing_responses(report: AgreementReport) -> list[ComparedResponse]:
    """The responses of an agreement report where the coders differ, with how often; in the
    report's order (by respondent label)."""
    counts: dict[int, int] = {}
    labels: dict[int, str] = {}
    for d in report.disagreements:
        counts[d.response_id] = counts.get(d.response_id, 0) + 1
        labels[d.response_id] = d.respondent
    return [ComparedResponse(rid, labels[rid], n) for rid, n in counts.items()]
