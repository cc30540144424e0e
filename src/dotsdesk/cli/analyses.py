"""The five analyses of `dotsdesk analyse`: each returns its JSON records and its table."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from ..errors import DotsError
from ..services.analysis.population import Population
from .analyse import code_ids
from .tables import table

Output = tuple[list[dict[str, Any]], str]


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def frequencies(session: Session, args: argparse.Namespace, who: Population) -> Output:
    from ..services.analysis.frequencies import code_frequencies

    rows = code_frequencies(session, who)
    records = [
        {
            "code": f.code,
            "segments": f.segments,
            "responses": f.responses,
            "respondents": f.respondents,
            "segments_with_subcodes": f.segments_with_subcodes,
            "responses_with_subcodes": f.responses_with_subcodes,
            "respondents_with_subcodes": f.respondents_with_subcodes,
            "base": f.base,
            "percent": _r(f.percent),
        }
        for f in rows
    ]
    headers = ["Code", "Segments", "Responses", "Respondents", "With sub-codes", "%"]
    lines = [
        [
            "  " * f.depth + f.code.rsplit("/", 1)[-1],
            f.segments,
            f.responses,
            f.respondents,
            f.respondents_with_subcodes,
            f.percent,
        ]
        for f in rows
    ]
    base = rows[0].base if rows else 0
    note = f"\n% = respondents with the code or a sub-code, of n = {base} respondents"
    return records, table(headers, lines) + note


def crosstab(session: Session, args: argparse.Namespace, who: Population) -> Output:
    from ..services.analysis.crosstab import ALL_VALUES, crosstab

    if not args.by:
        raise DotsError(None, 'crosstab needs --by ATTRIBUTE, e.g. --by "Company size"')
    found = crosstab(
        session, args.by, who, code_ids=code_ids(session, args.codes), subcodes=not args.no_subcodes
    )
    records = [
        {
            "code": c.code,
            "value": c.value,
            "respondents": c.respondents,
            "row_base": c.row_base,
            "column_base": c.column_base,
            "total_base": c.total_base,
            "percent_of_row": _r(c.percent_of_row),
            "percent_of_column": _r(c.percent_of_column),
            "percent_of_total": _r(c.percent_of_total),
        }
        for c in found.rows()
    ]
    values = [*found.values, ALL_VALUES]
    key = f"percent_of_{args.percent}"
    headers = ["Code", "n", *values]
    lines: list[list[Any]] = [
        [c.path, found.cell(c.id, ALL_VALUES).row_base]
        + [
            _pair(found.cell(c.id, v).respondents, getattr(found.cell(c.id, v), key))
            for v in values
        ]
        for c in found.codes
    ]
    lines.append(["Base (n)", None, *(found.column_bases[v] for v in values)])
    multi = " (multiple choice: a respondent counts under each choice)" if found.multiple else ""
    note = (
        f"\nrespondents (% of {args.percent}) by {found.attribute}{multi}; "
        f"n = respondents with the code; {ALL_VALUES} = all {found.total} respondents"
    )
    return records, table(headers, lines) + note


def _pair(n: int, percent: float) -> str:
    return f"{n} ({percent:.0f}%)"


def cooccurrence(session: Session, args: argparse.Namespace, who: Population) -> Output:
    from ..services.analysis.cooccurrence import Unit, cooccurrence

    found = cooccurrence(session, who, unit=Unit(args.unit), code_ids=code_ids(session, args.codes))
    ranked = found.ranked()
    records = [
        {
            "code_a": p.code_a,
            "code_b": p.code_b,
            "unit": found.unit.value,
            "count": p.count,
            "jaccard": _r(p.jaccard, 3),
            "code_a_units": p.a_units,
            "code_b_units": p.b_units,
        }
        for p in ranked
    ]
    unit = {"overlap": "segments", "response": "responses", "respondent": "respondents"}[
        found.unit.value
    ]
    headers = ["Code", "With code", "Together", "Jaccard", f"{unit} A", f"{unit} B"]
    lines = [[p.code_a, p.code_b, p.count, p.jaccard, p.a_units, p.b_units] for p in ranked]
    note = f"\n{len(ranked)} pair(s) together by {found.unit.value}"
    return records, (table(headers, lines, decimals=3) if lines else "no codes co-occur") + note


def words(session: Session, args: argparse.Namespace, who: Population) -> Output:
    from ..services.analysis.words import keyword_in_context, segmenter_for, word_frequencies

    extra: list[str] = []
    if args.dictionary is not None:
        try:
            extra = args.dictionary.read_text(encoding="utf-8-sig").split()
        except (OSError, UnicodeDecodeError) as exc:
            raise DotsError(args.dictionary, f"cannot read the dictionary: {exc}") from None
    segmenter = segmenter_for(session, extra)
    codes = code_ids(session, args.code)
    subcodes = not args.no_subcodes
    if args.word:
        found = keyword_in_context(
            session,
            args.word,
            who,
            code_ids=codes,
            subcodes=subcodes,
            segmenter=segmenter,
            width=30,
        )
        records = [
            {
                "respondent": c.respondent,
                "response_id": c.response_id,
                "start": c.start,
                "end": c.end,
                "before": c.before,
                "keyword": c.keyword,
                "after": c.after,
            }
            for c in found
        ]
        lines = [[c.respondent, c.before, c.keyword, c.after] for c in found]
        text = table(["Respondent", "Before", "Word", "After"], lines, right={1}) if lines else ""
        return records, f"{text}\n{len(found)} use(s) of {args.word!r}".lstrip()
    counted = word_frequencies(
        session, who, code_ids=codes, subcodes=subcodes, limit=args.top, segmenter=segmenter
    )
    records = [
        {"word": w.word, "count": w.count, "responses": w.responses, "respondents": w.respondents}
        for w in counted.words
    ]
    lines = [[w.word, w.count, w.responses, w.respondents] for w in counted.words]
    note = (
        f"\n{counted.tokens} words counted in {counted.responses} response(s) of "
        f"{counted.respondents} respondent(s)"
    )
    return records, table(["Word", "Count", "Responses", "Respondents"], lines) + note


def agreement(session: Session, args: argparse.Namespace, who: Population) -> Output:
    from ..services.analysis.agreement import agreement

    names = [n.strip() for n in (args.coders or "").split(",") if n.strip()]
    if len(names) != 2:
        raise DotsError(None, "agreement needs --coders A,B: the names of two coders")
    found = agreement(session, names[0], names[1], who)
    if args.disagreements:
        records = [
            {
                "respondent": d.respondent,
                "response_id": d.response_id,
                "code": d.code,
                "start": d.start,
                "end": d.end,
                "coded_by": d.coded_by,
                "text": d.text,
            }
            for d in found.disagreements
        ]
        lines = [
            [d.respondent, d.code, d.start, d.end, d.coded_by, " ".join(d.text.split())[:60]]
            for d in found.disagreements
        ]
        headers = ["Respondent", "Code", "Start", "End", "Only by", "Text"]
        return records, table(headers, lines) + f"\n{len(lines)} disagreement(s)"
    rows = [*found.codes, found.overall]
    records = [
        {
            "code": r.code,
            "kappa_characters": _r(r.kappa_characters, 3),
            "kappa_responses": _r(r.kappa_responses, 3),
            "alpha_characters": _r(r.characters.alpha, 3),
            "alpha_responses": _r(r.alpha_responses, 3),
            "percent_agreement_characters": _r(r.characters.percent),
            "percent_agreement_responses": _r(r.responses.percent),
            "characters_both": r.characters.both,
            "characters_first_only": r.characters.first_only,
            "characters_second_only": r.characters.second_only,
            "responses_both": r.responses.both,
            "responses_first_only": r.responses.first_only,
            "responses_second_only": r.responses.second_only,
            "responses_neither": r.responses.neither,
        }
        for r in rows
    ]
    headers = [
        "Code",
        "Kappa chars",
        "Kappa resp.",
        "Alpha chars",
        "Alpha resp.",
        "% chars",
        "% resp.",
    ]
    lines = [
        [
            r.code,
            r.kappa_characters,
            r.kappa_responses,
            r.characters.alpha,
            r.alpha_responses,
            r.characters.percent,
            r.responses.percent,
        ]
        for r in rows
    ]
    note = (
        f"\n{found.first} and {found.second} on the {found.responses} response(s) both coded; "
        f"{len(found.disagreements)} disagreeing stretch(es) (--disagreements lists them)"
    )
    return records, table(headers, lines, decimals=3) + note
