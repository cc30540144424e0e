"""The response browser's queries: which responses match the filters, in what order, and
the few columns shown for one page of them.

The browser's model holds only the ordered ids (`matching_ids`) and asks for the visible
page's columns (`rows`), so 10,000 responses cost one narrow query, not 10,000 objects.
Filters the database can answer run in SQL; search (the index's own query) and consent
(derived from events in Python) are intersected afterwards, by set lookups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import Any
from unicodedata import east_asian_width

from sqlalchemy import Select, and_, case, false, func, or_, select, true
from sqlalchemy.orm import Session

from ...model import (
    AttributeDef,
    AttributeType,
    AttributeValue,
    Code,
    ConsentEvent,
    Respondent,
    Response,
    Segment,
)
from ...model import segment_code as sc
from ..coding.codebook import descendant_ids
from ..consent.events import ConsentStatus, current_consents
from ..corpus.respondents import choices_of, format_value, value_clause
from ..corpus.search import find_hits, search, terms_of
from ..corpus.sets import list_sets, response_ids_in
from .query_types import (
    _CHUNK,
    _STATUS_RANK,
    HIT_CONTEXT,
    NO_VALUE,
    PREVIEW_CHARS,
    BrowseQuery,
    CodeChoice,
    Coded,
    FilterChoices,
    Grid,
    GridRow,
    ResponseRow,
    SortKey,
)

# -- matching ------------------------------------------------------------------------------


def matching_ids(
    session: Session,
    query: BrowseQuery,
    statuses: Mapping[int, ConsentStatus] | None = None,
) -> list[int]:
    """The ids of the responses that pass every filter, in the query's order. Deriving
    consent is the costly part when thousands were asked: a caller that filters or sorts
    by consent often may pass `consent_statuses` it keeps until consent changes."""
    stmt = select(Response.id, Response.respondent_id)
    for clause in _clauses(session, query):
        stmt = stmt.where(clause)
    rows = session.execute(_ordered(stmt, query)).all()
    terms = terms_of(query.search)
    if terms:
        hits = set(search(session, query.search).response_ids)
        rows = [r for r in rows if r[0] in hits]
    if query.consent or query.sort is SortKey.CONSENT:
        status = consent_statuses(session) if statuses is None else statuses
        if query.consent:
            rows = [r for r in rows if status.get(r[1], ConsentStatus.NONE) in query.consent]
        if query.sort is SortKey.CONSENT:
            rows.sort(
                key=lambda r: _STATUS_RANK[status.get(r[1], ConsentStatus.NONE)],
                reverse=query.descending,
            )
    return [r[0] for r in rows]


def _clauses(session: Session, query: BrowseQuery) -> list[Any]:
    clauses: list[Any] = []
    if query.languages:
        clauses.append(Response.language.in_(sorted(query.languages)))
    coded = select(Segment.id).where(Segment.response_id == Response.id).exists()
    if query.coded is Coded.CODED:
        clauses.append(coded)
    elif query.coded is Coded.UNCODED:
        clauses.append(~coded)
    if query.sets:
        clauses.append(Response.id.in_(response_ids_in(query.sets)))
    for code_id in sorted(query.has_codes):
        clauses.append(Response.id.in_(_coded_with(session, code_id)))
    for code_id in sorted(query.lacks_codes):
        clauses.append(Response.id.not_in(_coded_with(session, code_id)))
    wanted = {name: values for name, values in query.attributes.items() if values}
    if wanted:
        defs = {
            d.name: d
            for d in session.scalars(select(AttributeDef).where(AttributeDef.name.in_(wanted)))
        }
        for name, values in sorted(wanted.items()):
            clauses.append(_attribute_clause(defs.get(name), values))
    return clauses


def _coded_with(session: Session, code_id: int) -> Select[tuple[int]]:
    """Responses with a segment carrying the code or one of its descendants."""
    codes = descendant_ids(session, code_id)
    return (
        select(Segment.response_id)
        .join(sc, sc.c.segment_id == Segment.id)
        .where(sc.c.code_id.in_(codes))
    )


def _attribute_clause(attribute: AttributeDef | None, values: frozenset[str]) -> Any:
    if attribute is None:
        return true() if NO_VALUE in values else false()
    of_attribute = AttributeValue.attribute_id == attribute.id
    match = value_clause(attribute, values - {NO_VALUE})
    having = Response.respondent_id.in_(
        select(AttributeValue.respondent_id).where(of_attribute, match)
    )
    if NO_VALUE not in values:
        return having
    lacking = Response.respondent_id.not_in(
        select(AttributeValue.respondent_id).where(of_attribute)
    )
    return or_(having, lacking)


def _ordered(stmt: Select[Any], query: BrowseQuery) -> Select[Any]:
    """Sort in SQL by the key, ties in import order; consent is sorted by the caller."""
    keys: list[Any] = []
    if query.sort is SortKey.RESPONDENT:
        stmt = stmt.join(Respondent, Respondent.id == Response.respondent_id)
        keys = [Respondent.label]
    elif query.sort is SortKey.QUESTION:
        keys = [Response.question]
    elif query.sort is SortKey.LANGUAGE:
        keys = [Response.language]
    elif query.sort is SortKey.LENGTH:
        keys = [func.length(Response.text)]
    elif query.sort is SortKey.PREVIEW:
        keys = [Response.text]
    elif query.sort is SortKey.SEGMENTS:
        counts = (
            select(Segment.response_id, func.count().label("n"))
            .group_by(Segment.response_id)
            .subquery()
        )
        stmt = stmt.outerjoin(counts, counts.c.response_id == Response.id)
        keys = [func.coalesce(counts.c.n, 0)]
    elif query.sort is SortKey.ATTRIBUTE and query.sort_attribute:
        value = select(AttributeDef.id).where(AttributeDef.name == query.sort_attribute)
        stmt = stmt.outerjoin(
            AttributeValue,
            and_(
                AttributeValue.respondent_id == Response.respondent_id,
                AttributeValue.attribute_id == value.scalar_subquery(),
            ),
        )
        missing = case((AttributeValue.respondent_id.is_(None), 1), else_=0)
        stmt = stmt.order_by(missing)
        keys = [AttributeValue.value_number, AttributeValue.value_text]
    if query.descending and query.sort is not SortKey.CONSENT:
        keys = [k.desc() for k in keys]
    return stmt.order_by(*keys, Response.id)


def consent_statuses(session: Session) -> dict[int, ConsentStatus]:
    """respondent id -> current status, for respondents with consent events (the others
    have none): in a study where few were asked, only those few are derived."""
    asked = session.scalars(select(ConsentEvent.respondent_id).distinct()).all()
    return {rid: c.status for rid, c in current_consents(session, asked).items()}


# -- one page ------------------------------------------------------------------------------


def rows(
    session: Session, ids: Sequence[int], terms: tuple[str, ...] = ()
) -> dict[int, ResponseRow]:
    """The browser's columns for these responses (one page): the responses with their
    segment counts in one query, their attributes in one, consent through the consent
    service. With search `terms` the preview starts near the first hit."""
    if not ids:
        return {}
    segments = (
        select(func.count())
        .where(Segment.response_id == Response.id)
        .correlate(Response)
        .scalar_subquery()
    )
    text = Response.text if terms else func.substr(Response.text, 1, PREVIEW_CHARS)
    found = session.execute(
        select(
            Response.id,
            Response.respondent_id,
            Respondent.label,
            Response.question,
            Response.language,
            func.length(Response.text),
            segments,
            text,
        )
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(Response.id.in_(list(ids)))
    ).all()
    people = sorted({r[1] for r in found})
    consents = current_consents(session, people)
    attributes: dict[int, dict[str, str]] = {p: {} for p in people}
    for value, name in session.execute(
        select(AttributeValue, AttributeDef.name)
        .join(AttributeDef)
        .where(AttributeValue.respondent_id.in_(people))
    ):
        attributes[value.respondent_id][name] = format_value(value)
    out: dict[int, ResponseRow] = {}
    for rid, person, label, question, language, length, count, body in found:
        start = _preview_start(body, terms)
        preview = body[start : start + PREVIEW_CHARS]
        out[rid] = ResponseRow(
            rid,
            person,
            label,
            question,
            language,
            length,
            count,
            consents[person].status,
            preview.translate(_FLAT),
            start,
            attributes[person],
        )
    return out


_FLAT = str.maketrans("\r\n\t\v\f\u2028\u2029", " " * 7)


def _preview_start(text: str, terms: tuple[str, ...]) -> int:
    """A few words before the first hit, so the hit shows even in a narrow column. Wide
    (CJK) characters count double: the context is measured as the eye sees it."""
    hits = find_hits(text, terms) if terms else []
    if not hits:
        return 0
    hit = start = hits[0][0]
    width = 0
    while start > 0 and width < HIT_CONTEXT:
        start -= 1
        width += 2 if east_asian_width(text[start]) in "WF" else 1
    space = text.find(" ", start, hit - 1) if start else -1
    return space + 1 if space != -1 else start


# -- menus, navigation, grid ---------------------------------------------------------------


def filter_choices(
    session: Session, statuses: Mapping[int, ConsentStatus] | None = None
) -> FilterChoices:
    """Distinct attribute values (attribute order; numbers numerically), languages (most
    frequent first), consent statuses (all, in order) and questions, with counts.
    `statuses` as for `matching_ids`."""
    attributes: dict[str, dict[str, int]] = {}
    counts = session.execute(
        select(AttributeDef, AttributeValue.value_text, AttributeValue.value_number, func.count())
        .outerjoin(AttributeValue, AttributeValue.attribute_id == AttributeDef.id)
        .group_by(AttributeDef.id, AttributeValue.value_text, AttributeValue.value_number)
        .order_by(
            AttributeDef.position,
            AttributeDef.id,
            AttributeValue.value_number,
            func.lower(AttributeValue.value_text),
        )
    ).all()
    for attribute, value_text, value_number, n in counts:
        values = attributes.setdefault(attribute.name, {})
        if attribute.type is AttributeType.MULTI:
            for choice in choices_of(value_text):  # a respondent counts once for each choice
                values[choice] = values.get(choice, 0) + n
        elif value_text is not None or value_number is not None:
            shown = format_value(AttributeValue(value_text=value_text, value_number=value_number))
            values[shown] = values.get(shown, 0) + n
    languages = dict(
        session.execute(
            select(Response.language, func.count())
            .group_by(Response.language)
            .order_by(func.count().desc(), Response.language)
        ).all()
    )
    questions = list(
        session.scalars(
            select(Response.question).group_by(Response.question).order_by(func.min(Response.id))
        )
    )
    people = session.scalar(select(func.count(Respondent.id))) or 0
    derived = Counter((consent_statuses(session) if statuses is None else statuses).values())
    derived[ConsentStatus.NONE] += people - derived.total()
    statuses = {s: derived[s] for s in ConsentStatus}
    sets = [(x.id, x.name, x.responses) for x in list_sets(session)]
    return FilterChoices(attributes, languages, statuses, questions, sets)


def code_choices(session: Session) -> list[CodeChoice]:
    """Every code, siblings in codebook order, with its path ("Role/Research")."""
    found = session.execute(
        select(Code.id, Code.parent_id, Code.name, Code.colour).order_by(Code.position, Code.id)
    ).all()
    parent = {r.id: r.parent_id for r in found}
    name = {r.id: r.name for r in found}

    def path(code_id: int) -> str:
        up = parent[code_id]
        return name[code_id] if up is None else f"{path(up)}/{name[code_id]}"

    return [CodeChoice(r.id, r.parent_id, r.name, path(r.id), r.colour) for r in found]


def next_uncoded(
    session: Session, ids: Sequence[int], after_id: int | None, backwards: bool = False
) -> int | None:
    """The first response without segments after `after_id` in `ids` (before it when
    `backwards`); from the start when `after_id` is None or not there. Checks a chunk at a
    time, so a nearby answer costs one small query."""
    order = list(reversed(ids)) if backwards else list(ids)
    try:
        start = order.index(after_id) + 1 if after_id is not None else 0
    except ValueError:
        start = 0
    for at in range(start, len(order), _CHUNK):
        chunk = order[at : at + _CHUNK]
        coded = set(
            session.scalars(
                select(Segment.response_id).where(Segment.response_id.in_(chunk)).distinct()
            )
        )
        for rid in chunk:
            if rid not in coded:
                return rid
    return None


def grid(session: Session, response_ids: Collection[int] | None = None) -> Grid:
    """Respondents as rows, questions as columns, in one query. With `response_ids`, only
    the respondents who gave one of them (their other answers stay in the row). A second
    answer to the same question is left out; the browser's list shows it."""
    found = session.execute(
        select(Response.id, Response.respondent_id, Respondent.label, Response.question)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .order_by(Response.id)
    ).all()
    questions: dict[str | None, int] = {}
    people: dict[int, tuple[str, dict[str | None, int]]] = {}
    for rid, person, label, question in found:
        questions.setdefault(question, len(questions))
        people.setdefault(person, (label, {}))[1].setdefault(question, rid)
    if response_ids is not None:
        keep = set(response_ids)
        people = {
            p: entry for p, entry in people.items() if any(r in keep for r in entry[1].values())
        }
    order = tuple(questions)
    grid_rows = [
        GridRow(person, label, tuple(cells.get(q) for q in order))
        for person, (label, cells) in sorted(people.items(), key=lambda kv: (kv[1][0], kv[0]))
    ]
    return Grid(order, grid_rows)
