"""How far two coders agree on the same responses: per code and over all codes.

The responses compared are those of the population both coders coded something in. For each
code, every character of those responses is a unit (coded by the first coder or not, by the
second or not) and so is every response (the code present in it or not); the overall figures
pool the units of every code. Kappa, alpha and percent agreement come from `reliability`; the
disagreements are the stretches one coder gave a code and the other did not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import Respondent, Response
from .codes import code_tree, coder_ids, coder_names, codings
from .population import ALL, Population
from .reliability import Counts, alpha_of
from .spans import Span, intersect_spans, merge_spans, subtract_spans

_CHUNK = 500


@dataclass(frozen=True)
class CodeAgreement:
    code_id: int | None  # None: all codes pooled
    code: str
    characters: Counts
    responses: Counts
    alpha_responses: float | None  # by the krippendorff package over the response units

    @property
    def kappa_characters(self) -> float | None:
        return self.characters.kappa

    @property
    def kappa_responses(self) -> float | None:
        return self.responses.kappa


@dataclass(frozen=True)
class Disagreement:
    response_id: int
    respondent: str  # pseudonymous label
    code_id: int
    code: str
    start: int
    end: int
    coded_by: str  # the coder who gave the code here; the other did not
    text: str


@dataclass(frozen=True)
class AgreementReport:
    first: str
    second: str
    responses: int  # compared
    codes: list[CodeAgreement]  # codebook order, codes either coder used there
    overall: CodeAgreement
    disagreements: list[Disagreement] = field(default_factory=list)


def agreement(
    session: Session, first: str, second: str, population: Population = ALL
) -> AgreementReport:
    ids = coder_ids(session, [first, second])
    missing = [name for name, cid in ids.items() if cid is None]
    if first == second:
        raise NotFound(None, "agreement compares two different coders")
    if missing:
        known = ", ".join(coder_names(session)) or "none"
        raise NotFound(None, f"no coder {missing[0]!r} (known here: {known})")
    a, b = ids[first], ids[second]
    # Spans per (response, code) and coder: all segments, whoever's words they cover.
    spans: dict[int, dict[int, dict[int | None, list[Span]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for c in codings(session, population, coders=[a, b], own_words=False):  # type: ignore[list-item]
        spans[c.response_id][c.code_id][c.coder_id].append((c.start, c.end))
    compared = sorted(
        rid
        for rid, codes in spans.items()
        if any(a in by for by in codes.values()) and any(b in by for by in codes.values())
    )
    texts = _texts(session, compared)
    at = {rid: i for i, rid in enumerate(compared)}
    total_length = sum(len(texts[rid][1]) for rid in compared)
    # Each code is looked at only in the responses where someone gave it: elsewhere every
    # character and the response itself are "neither", counted in one step (300 codes by
    # 5,000 responses would otherwise be a million and a half small comparisons).
    where: defaultdict[int, list[int]] = defaultdict(list)
    for rid in compared:
        for code in spans[rid]:
            where[code].append(rid)
    nodes = [n for n in code_tree(session) if n.id in where]
    rows: list[CodeAgreement] = []
    disagreements: list[Disagreement] = []
    total_chars, total_resp = Counts(), Counts()
    pooled_a: list[int] = []
    pooled_b: list[int] = []
    for node in nodes:
        both = first_only = second_only = 0
        touched = 0  # characters of the responses with the code
        present_a = [0] * len(compared)
        present_b = [0] * len(compared)
        for rid in where[node.id]:
            label, text = texts[rid]
            by = spans[rid][node.id]
            mine, theirs = merge_spans(by.get(a, [])), merge_spans(by.get(b, []))
            common = _length(intersect_spans(mine, theirs))
            both += common
            first_only += _length(mine) - common
            second_only += _length(theirs) - common
            touched += len(text)
            present_a[at[rid]] = int(bool(mine))
            present_b[at[rid]] = int(bool(theirs))
            for coder, only in (
                (first, subtract_spans(mine, theirs)),
                (second, subtract_spans(theirs, mine)),
            ):
                disagreements.extend(
                    Disagreement(rid, label, node.id, node.path, s, e, coder, text[s:e])
                    for s, e in only
                )
        neither = (total_length - touched) + (touched - both - first_only - second_only)
        chars = Counts(both, first_only, second_only, neither)
        resp = _presence_counts(
            [present_a[at[r]] for r in where[node.id]],
            [present_b[at[r]] for r in where[node.id]],
            len(compared),
        )
        rows.append(CodeAgreement(node.id, node.path, chars, resp, alpha_of(present_a, present_b)))
        total_chars += chars
        total_resp += resp
        pooled_a += present_a
        pooled_b += present_b
    overall = CodeAgreement(
        None, "All codes", total_chars, total_resp, alpha_of(pooled_a, pooled_b)
    )
    disagreements.sort(key=lambda d: (d.respondent, d.response_id, d.start, d.code))
    return AgreementReport(first, second, len(compared), rows, overall, disagreements)


def _texts(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for at in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Response.id, Respondent.label, Response.text)
            .join(Respondent, Respondent.id == Response.respondent_id)
            .where(Response.id.in_(ids[at : at + _CHUNK]))
        )
        out.update({rid: (label, text) for rid, label, text in rows})
    return out


def _length(spans: list[Span]) -> int:
    return sum(e - s for s, e in spans)


def _presence_counts(first: list[int], second: list[int], units: int) -> Counts:
    """Both, first only, second only over the responses given; the rest of `units` neither."""
    pairs = list(zip(first, second, strict=True))
    both, first_only, second_only = pairs.count((1, 1)), pairs.count((1, 0)), pairs.count((0, 1))
    return Counts(both, first_only, second_only, units - both - first_only - second_only)
