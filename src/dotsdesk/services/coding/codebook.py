"""The codebook tree: add, rename, move, merge, delete, with the fate of segments spelled out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound, StaleEdit
from ...model import Code, Response, Segment, segment_code
from .colours import PALETTE, next_colour
from .usage import subtree_usage


@dataclass(frozen=True)
class CodeInfo:
    id: int
    parent_id: int | None
    name: str
    path: str
    colour: str
    description: str | None
    segments: int
    respondents: int
    # A parent's (segments, respondents) with all its sub-codes', each counted once; None
    # for a code without sub-codes.
    subtree: tuple[int, int] | None = None


@dataclass(frozen=True)
class DeleteImpact:
    """What deleting a code does: asked before, reported after."""

    codes: int  # the code and its descendants
    segments_uncoded: int  # keep other codes, lose these
    segments_deleted: int  # had only these codes, so they go

    def describe(self) -> str:
        parts = [f"{self.codes} code{'s' if self.codes != 1 else ''}"]
        if self.segments_deleted:
            parts.append(f"{self.segments_deleted} segment(s) coded only with them are deleted")
        if self.segments_uncoded:
            parts.append(f"{self.segments_uncoded} segment(s) keep their other codes")
        return "; ".join(parts)


@dataclass(frozen=True)
class MergeReport:
    segments_moved: int
    segments_already_coded: int


def split_path(path: str) -> list[str]:
    parts = [p.strip() for p in path.strip().strip("/").split("/")]
    if not parts or any(not p for p in parts):
        raise InvalidOperation(None, f"{path!r} is not a code path like Theme/Business impact")
    return parts


def get_code(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFound(None, f"no code {code_id}")
    return code


def _child(session: Session, parent_id: int | None, name: str) -> Code | None:
    parent_clause = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return session.scalar(select(Code).where(parent_clause, Code.name == name))


def find_code(session: Session, path: str) -> Code:
    parent: Code | None = None
    for name in split_path(path):
        parent = _child(session, parent.id if parent else None, name)
        if parent is None:
            raise NotFound(None, f"no code {path!r}")
    assert parent is not None
    return parent


def ensure_code(
    session: Session, path: str, colour: str | None = None, palette: Sequence[str] = PALETTE
) -> Code:
    """The code at `path`, creating it and any missing parents (coloured from `palette`)."""
    parent: Code | None = None
    names = split_path(path)
    for i, name in enumerate(names):
        found = _child(session, parent.id if parent else None, name)
        if found is None:
            found = add_code(
                session,
                name,
                parent.id if parent else None,
                colour=colour if i == len(names) - 1 else None,
                palette=palette,
            )
        parent = found
    assert parent is not None
    return parent


def add_code(
    session: Session,
    name: str,
    parent_id: int | None = None,
    *,
    colour: str | None = None,
    description: str | None = None,
    palette: Sequence[str] = PALETTE,
) -> Code:
    """Without `colour`, the code takes the colour of `palette` farthest from those in use."""
    name = _valid_name(name)
    if parent_id is not None:
        get_code(session, parent_id)
    if _child(session, parent_id, name) is not None:
        raise InvalidOperation(None, f"a code named {name!r} already exists there")
    # After the last sibling, even when moves or deletes left gaps in the positions.
    last = session.scalar(
        select(func.max(Code.position)).where(
            Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
        )
    )
    code = Code(
        name=name,
        parent_id=parent_id,
        colour=colour or next_colour(session.scalars(select(Code.colour).distinct()), palette),
        description=description,
        position=0 if last is None else last + 1,
    )
    session.add(code)
    session.flush()
    return code


def _valid_name(name: str) -> str:
    name = name.strip()
    if not name or "/" in name:
        raise InvalidOperation(None, f"{name!r} is not a valid code name (empty, or contains '/')")
    return name


def rename_code(session: Session, code_id: int, name: str, *, expected: str | None = None) -> None:
    """`expected` is the name the user saw: when a colleague renamed the code since, the
    rename is refused rather than overwriting theirs (row locked until the commit)."""
    code = session.get(Code, code_id, with_for_update=expected is not None)
    if code is None:
        raise NotFound(None, f"no code {code_id}")
    if expected is not None and code.name != expected:
        raise StaleEdit(
            f"a colleague renamed {expected!r} to {code.name!r} meanwhile; "
            "the codebook now shows their name",
            frozenset({"code"}),
        )
    name = _valid_name(name)
    clash = _child(session, code.parent_id, name)
    if clash is not None and clash.id != code.id:
        raise InvalidOperation(None, f"a code named {name!r} already exists there")
    code.name = name
    session.flush()


def set_code_details(
    session: Session, code_id: int, *, colour: str | None = None, description: str | None = None
) -> None:
    code = get_code(session, code_id)
    if colour is not None:
        code.colour = colour
    if description is not None:
        code.description = description or None
    session.flush()


def move_code(
    session: Session, code_id: int, parent_id: int | None, position: int | None = None
) -> None:
    """Move under another parent (None: top level); refuses to move a code into itself."""
    code = get_code(session, code_id)
    ancestor = parent_id
    while ancestor is not None:
        if ancestor == code_id:
            raise InvalidOperation(None, "a code cannot be moved into itself or its own children")
        ancestor = get_code(session, ancestor).parent_id
    clash = _child(session, parent_id, code.name)
    if clash is not None and clash.id != code.id:
        raise InvalidOperation(None, f"a code named {code.name!r} already exists there")
    siblings = session.scalars(
        select(Code)
        .where(Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
        .where(Code.id != code_id)
        .order_by(Code.position, Code.id)
    ).all()
    position = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(position, code)
    code.parent_id = parent_id
    for i, sibling in enumerate(siblings):
        sibling.position = i
    session.flush()


def subtree_ids(by_parent: Mapping[int | None, Sequence[Code]]) -> dict[int, list[int]]:
    """Each code with sub-codes -> its id and all its descendants' ids."""

    def below(code_id: int) -> list[int]:
        ids = [code_id]
        for child in by_parent.get(code_id, ()):
            ids.extend(below(child.id))
        return ids

    return {p: below(p) for p in by_parent if p is not None}


def descendant_ids(session: Session, code_id: int) -> list[int]:
    """The code and everything under it."""
    found = [code_id]
    frontier = [code_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        found.extend(frontier)
    return found


def delete_impact(session: Session, code_id: int) -> DeleteImpact:
    get_code(session, code_id)
    ids = descendant_ids(session, code_id)
    touched = select(segment_code.c.segment_id).where(segment_code.c.code_id.in_(ids)).distinct()
    touched_ids = set(session.scalars(touched))
    keep = set(
        session.scalars(
            select(segment_code.c.segment_id)
            .where(segment_code.c.segment_id.in_(touched), segment_code.c.code_id.not_in(ids))
            .distinct()
        )
    )
    return DeleteImpact(len(ids), len(keep), len(touched_ids - keep))


def delete_code(session: Session, code_id: int) -> DeleteImpact:
    """Delete a code and its children; segments left without any code are deleted too."""
    impact = delete_impact(session, code_id)
    ids = descendant_ids(session, code_id)
    touched = list(
        session.scalars(select(segment_code.c.segment_id).where(segment_code.c.code_id.in_(ids)))
    )
    session.execute(delete(segment_code).where(segment_code.c.code_id.in_(ids)))
    coded = select(segment_code.c.segment_id)
    session.execute(delete(Segment).where(Segment.id.in_(touched), Segment.id.not_in(coded)))
    session.execute(delete(Code).where(Code.id.in_(ids)))
    session.expire_all()
    return impact


def merge_code(session: Session, source_id: int, target_id: int) -> MergeReport:
    """Give the source's segments to the target, move its children there, delete it."""
    if source_id == target_id:
        raise InvalidOperation(None, "a code cannot be merged into itself")
    source, target = get_code(session, source_id), get_code(session, target_id)
    if target_id in descendant_ids(session, source_id):
        raise InvalidOperation(None, "a code cannot be merged into one of its own children")
    seg_ids = set(
        session.scalars(
            select(segment_code.c.segment_id).where(segment_code.c.code_id == source_id)
        )
    )
    already = set(
        session.scalars(
            select(segment_code.c.segment_id).where(
                segment_code.c.code_id == target_id, segment_code.c.segment_id.in_(seg_ids)
            )
        )
    )
    moving = sorted(seg_ids - already)
    if moving:
        session.execute(
            insert(segment_code), [{"segment_id": s, "code_id": target_id} for s in moving]
        )
    session.execute(delete(segment_code).where(segment_code.c.code_id == source_id))
    for child in list(source.children):
        clash = _child(session, target.id, child.name)
        # The source itself is no clash (merging "A/X" with a child "X" into "A"): it goes.
        if clash is not None and clash.id != source_id:
            merge_code(session, child.id, clash.id)
        else:
            child.parent_id = target.id
    session.flush()
    session.execute(delete(Code).where(Code.id == source_id))
    session.expire_all()
    return MergeReport(segments_moved=len(moving), segments_already_coded=len(already))


def code_colours(session: Session, code_ids: Iterable[int]) -> dict[int, str]:
    """code id -> colour, for the codes given that still exist."""
    wanted = list(set(code_ids))
    if not wanted:
        return {}
    return dict(session.execute(select(Code.id, Code.colour).where(Code.id.in_(wanted))).all())


def code_paths(session: Session) -> dict[int, str]:
    """code id -> "Parent/Child" path, for every code, in one query."""
    rows = session.execute(select(Code.id, Code.parent_id, Code.name)).all()
    parents = {r.id: r.parent_id for r in rows}
    names = {r.id: r.name for r in rows}
    paths: dict[int, str] = {}

    def path(cid: int) -> str:
        if cid not in paths:
            parent = parents[cid]
            paths[cid] = names[cid] if parent is None else f"{path(parent)}/{names[cid]}"
        return paths[cid]

    for cid in names:
        path(cid)
    return paths


def list_codes(session: Session, *, respondents: bool = True) -> list[CodeInfo]:
    """Every code in tree order (depth first, by position) with its counts.

    Counting distinct respondents joins every segment to its response (~130 ms at
    100,000 segments); pickers that show only segment counts pass respondents=False."""
    seg_counts = dict(
        session.execute(
            select(segment_code.c.code_id, func.count()).group_by(segment_code.c.code_id)
        ).all()
    )
    resp_counts: dict[int, int] = {}
    if respondents:
        resp_counts = dict(
            session.execute(
                select(segment_code.c.code_id, func.count(func.distinct(Response.respondent_id)))
                .join(Segment, Segment.id == segment_code.c.segment_id)
                .join(Response, Response.id == Segment.response_id)
                .group_by(segment_code.c.code_id)
            ).all()
        )
    codes = session.scalars(select(Code).order_by(Code.position, Code.id)).all()
    paths = code_paths(session)
    by_parent: dict[int | None, list[Code]] = {}
    for code in codes:
        by_parent.setdefault(code.parent_id, []).append(code)
    subtrees = subtree_usage(session, subtree_ids(by_parent)) if respondents else {}
    out: list[CodeInfo] = []

    def walk(parent: int | None) -> None:
        for c in by_parent.get(parent, []):
            out.append(
                CodeInfo(
                    c.id,
                    c.parent_id,
                    c.name,
                    paths[c.id],
                    c.colour,
                    c.description,
                    seg_counts.get(c.id, 0),
                    resp_counts.get(c.id, 0),
                    subtrees.get(c.id),
                )
            )
            walk(c.id)

    walk(None)
    return out
