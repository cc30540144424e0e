"""Full-text lookups against the trigram index (built by migration 0002).

Terms of three or more characters use the index; shorter ones (two-character Chinese
words are common) fall back to a substring scan, which the index cannot serve. On a
PostgreSQL server the same lookups are ILIKE over a pg_trgm GIN index (migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.orm import Session

_TRIGRAM = 3


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _matching_ids(
    session: Session, table: str, fts: str, id_column: str, terms: list[str]
) -> set[int]:
    server = session.get_bind().dialect.name == "postgresql"
    # On a server, ILIKE is served by the pg_trgm GIN index for every term it can use.
    long_terms = [] if server else [t for t in terms if len(t) >= _TRIGRAM]
    short_terms = terms if server else [t for t in terms if len(t) < _TRIGRAM]
    like = "ILIKE" if server else "LIKE"
    params: dict[str, str] = {}
    where: list[str] = []
    if long_terms:
        params["match"] = " AND ".join(_phrase(t) for t in long_terms)
        where.append(f"t.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :match)")
    for i, term in enumerate(short_terms):
        params[f"like{i}"] = _like(term)
        where.append(f"t.text {like} :like{i} ESCAPE '\\'")
    sql = f"SELECT DISTINCT t.{id_column} FROM {table} t WHERE " + " AND ".join(where)
    return set(session.execute(text(sql), params).scalars())


def matching_response_ids(
    session: Session, terms: list[str], *, translations: bool = True
) -> list[int]:
    """Ids of responses whose text (or a translation's) contains every term, ascending."""
    if not terms:
        return []
    ids = _matching_ids(session, "response", "response_fts", "id", terms)
    if translations:
        ids |= _matching_ids(session, "translation", "translation_fts", "response_id", terms)
    return sorted(ids)


def rebuild(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        return  # a GIN index is kept current by the server itself
    for fts in ("response_fts", "translation_fts"):
        session.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))


@contextmanager
def responses_indexed_at_end(session: Session) -> Iterator[bool]:
    """Responses inserted inside the block are indexed for search when it ends, all in one
    statement, instead of by the insert trigger one at a time: a third of the time for a
    survey's answers. Inside it responses may be inserted and earlier ones changed, but
    none deleted (the index would be asked to forget a row it does not hold yet); an error
    inside leaves the transaction to be rolled back, which restores the trigger. Yields
    whether the indexing does wait for the end (not on a server)."""
    if session.get_bind().dialect.name == "postgresql":
        yield False  # a GIN index is kept current by the server itself
        return
    trigger = session.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'response_fts_ai'")
    ).scalar_one()
    after = session.execute(text("SELECT coalesce(max(id), 0) FROM response")).scalar_one()
    session.execute(text("DROP TRIGGER response_fts_ai"))
    yield True
    session.flush()
    # Merging the index's segments as it grows, one insert at a time, is most of the
    # indexing work; the rows are indexed first and merged by later writes (searching
    # a few more segments costs nothing measurable).
    _fts_option(session, "automerge", 0)
    _fts_option(session, "crisismerge", 64)
    session.execute(
        text("INSERT INTO response_fts(rowid, text) SELECT id, text FROM response WHERE id > :a"),
        {"a": after},
    )
    _fts_option(session, "automerge", 4)  # SQLite's defaults
    _fts_option(session, "crisismerge", 16)
    session.execute(text(trigger))


def _fts_option(session: Session, name: str, value: int) -> None:
    session.execute(
        text("INSERT INTO response_fts(response_fts, rank) VALUES (:name, :value)"),
        {"name": name, "value": value},
    )
