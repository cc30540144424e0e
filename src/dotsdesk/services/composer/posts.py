"""Editing posts: create, change, reorder and delete posts, sections and blocks.

Each function is one step of a user action and takes the caller's Session; the caller's
transaction makes it one undoable step (the database records every row change). Positions
are kept 0..n-1 within a post or section, so a drag and drop is one `move_*` call.
A quote block stores only its segment's id and how to present it, never the text.
A post gets its population (`population`) when it is made: by default the respondents in
the project at that moment, so figures do not move when another survey is imported.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound, StaleEdit
from ...model import Block, BlockKind, Code, ConsentLevel, Post, Section, Segment, Setting
from .block_data import check_block_data, safe_url
from .population import respondents_of, set_population


@dataclass(frozen=True)
class PostSettings:
    """How a post names and presents people; kept per post beside the post.

    `group_code_id` (a parent code such as Role) or `group_attribute` gives the group word of
    labels ("Researcher A"); `context_words` shortens attribute values inside context phrases
    ("large company" -> "large" in "is working in a large tech company")."""

    group_code_id: int | None = None
    group_attribute: str | None = None
    words: dict[str, str] = field(default_factory=dict)
    context_words: dict[str, str] = field(default_factory=dict)
    max_identity: str = ConsentLevel.NAME.value
    language: str = "en"  # the post's language: quotes in others use their translation


def _settings_key(post_id: int) -> str:
    return f"post:{post_id}"


# -- posts ---------------------------------------------------------------------------------
def get_post(session: Session, post_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(None, f"no post {post_id}")
    return post


def list_posts(session: Session) -> list[Post]:
    return list(session.scalars(select(Post).order_by(Post.id)))


def create_post(
    session: Session,
    title: str,
    *,
    series: str | None = None,
    number: int | None = None,
    toc_url: str | None = None,
    settings: PostSettings | None = None,
    population: Select[Any] | None = None,
    population_name: str | None = None,
) -> Post:
    """A post whose figures count the respondents `population` selects now (default: every
    respondent in the project), saved under `population_name` (default: worded from them)."""
    _check_number(number)
    post = Post(title=_title(title), series=_opt(series), number=number, toc_url=_url(toc_url))
    session.add(post)
    session.flush()
    if settings is not None:
        set_settings(session, post.id, settings)
    people = population if population is not None else respondents_of(session)
    set_population(session, post.id, people, population_name)
    return post


def update_post(session: Session, post_id: int, **changes: Any) -> Post:
    """Change any of title, series, number, toc_url."""
    post = get_post(session, post_id)
    unknown = set(changes) - {"title", "series", "number", "toc_url"}
    if unknown:
        raise InvalidOperation(None, f"a post has no {', '.join(sorted(unknown))}")
    if "title" in changes:
        post.title = _title(changes["title"])
    if "series" in changes:
        post.series = _opt(changes["series"])
    if "number" in changes:
        _check_number(changes["number"])
        post.number = changes["number"]
    if "toc_url" in changes:
        post.toc_url = _url(changes["toc_url"])
    session.flush()
    return post


def delete_post(session: Session, post_id: int) -> None:
    """The post, its sections and blocks, and its settings; segments are untouched."""
    post = get_post(session, post_id)
    session.execute(delete(Setting).where(Setting.key == _settings_key(post_id)))
    session.delete(post)
    session.flush()


def get_settings(session: Session, post_id: int) -> PostSettings:
    get_post(session, post_id)
    row = session.get(Setting, _settings_key(post_id))
    if row is None:
        return PostSettings()
    stored = json.loads(row.value)
    known = {k: v for k, v in stored.items() if k in PostSettings.__dataclass_fields__}
    return PostSettings(**known)


def set_settings(session: Session, post_id: int, settings: PostSettings) -> None:
    get_post(session, post_id)
    if settings.group_code_id is not None and session.get(Code, settings.group_code_id) is None:
        raise NotFound(None, f"no code {settings.group_code_id}")
    if settings.group_code_id is not None and settings.group_attribute:
        raise InvalidOperation(None, "group labels by a code or by an attribute, not both")
    ConsentLevel(settings.max_identity)
    session.merge(Setting(key=_settings_key(post_id), value=json.dumps(asdict(settings))))
    session.flush()


def update_settings(session: Session, post_id: int, **changes: Any) -> PostSettings:
    settings = replace(get_settings(session, post_id), **changes)
    set_settings(session, post_id, settings)
    return settings


# -- sections ------------------------------------------------------------------------------
def get_section(session: Session, section_id: int) -> Section:
    section = session.get(Section, section_id)
    if section is None:
        raise NotFound(None, f"no section {section_id}")
    return section


def add_section(
    session: Session, post_id: int, title: str = "", position: int | None = None
) -> Section:
    """A section at `position` (default: last); an empty title means no heading."""
    get_post(session, post_id)
    siblings = _sections(session, post_id)
    section = Section(post_id=post_id, position=len(siblings), title=title.strip())
    session.add(section)
    session.flush()
    if position is not None:
        move_section(session, section.id, position)
    return section


def rename_section(session: Session, section_id: int, title: str) -> None:
    get_section(session, section_id).title = title.strip()
    session.flush()


def move_section(session: Session, section_id: int, position: int) -> None:
    """Put the section at `position` among its post's sections (clamped)."""
    section = get_section(session, section_id)
    siblings = [s for s in _sections(session, section.post_id) if s.id != section.id]
    siblings.insert(_clamp(position, len(siblings)), section)
    _renumber(siblings)
    session.flush()


def delete_section(session: Session, section_id: int) -> None:
    section = get_section(session, section_id)
    post_id = section.post_id
    session.delete(section)
    session.flush()
    _renumber(_sections(session, post_id))
    session.flush()


# -- blocks --------------------------------------------------------------------------------
def get_block(session: Session, block_id: int) -> Block:
    block = session.get(Block, block_id)
    if block is None:
        raise NotFound(None, f"no block {block_id}")
    return block


def add_block(
    session: Session,
    section_id: int,
    kind: BlockKind | str,
    data: Mapping[str, Any] | None = None,
    *,
    segment_id: int | None = None,
    position: int | None = None,
) -> Block:
    """A block at `position` in the section (default: last). A quote needs its segment."""
    kind = BlockKind(kind)
    get_section(session, section_id)
    clean = check_block_data(session, kind, dict(data or {}))
    if kind is BlockKind.QUOTE:
        if segment_id is None or session.get(Segment, segment_id) is None:
            raise NotFound(None, f"no segment {segment_id} to quote")
    elif segment_id is not None:
        raise InvalidOperation(None, f"a {kind.value} block does not refer to a segment")
    count = session.scalar(select(func.count(Block.id)).where(Block.section_id == section_id))
    block = Block(
        section_id=section_id, position=count or 0, kind=kind, segment_id=segment_id, data=clean
    )
    session.add(block)
    session.flush()
    if position is not None:
        move_block(session, block.id, section_id, position)
    return block


def add_paragraph(session: Session, section_id: int, text: str, **kw: Any) -> Block:
    """Text with **bold**, *italic*, [links](https://...) and "- " bullet lines."""
    return add_block(session, section_id, BlockKind.PARAGRAPH, {"text": text}, **kw)


def add_quote(session: Session, section_id: int, segment_id: int, **data: Any) -> Block:
    """A quote of a segment; `data` may hold label, context, topic_code_id, topic,
    translation (a language), translation_span."""
    return add_block(session, section_id, BlockKind.QUOTE, data, segment_id=segment_id)


def update_block(
    session: Session,
    block_id: int,
    data: Mapping[str, Any] | None = None,
    *,
    segment_id: int | None = None,
    expected: Mapping[str, Any] | None = None,
) -> Block:
    """Replace the block's settings (and, for a quote, its segment). `expected` is the data
    the editor loaded: when a colleague saved the block since, the edit is refused rather
    than overwriting theirs (the row is locked until the commit)."""
    block = session.get(Block, block_id, with_for_update=expected is not None)
    if block is None:
        raise NotFound(None, f"no block {block_id}")
    if expected is not None and dict(block.data or {}) != dict(expected):
        raise StaleEdit(
            "a colleague changed this block while you edited it; it now shows their "
            "version (your text is not saved: copy it back in if you still want it)",
            frozenset({"block"}),
        )
    if data is not None:
        block.data = check_block_data(session, block.kind, dict(data))
    if segment_id is not None:
        if block.kind is not BlockKind.QUOTE:
            raise InvalidOperation(None, f"a {block.kind.value} block does not refer to a segment")
        if session.get(Segment, segment_id) is None:
            raise NotFound(None, f"no segment {segment_id} to quote")
        block.segment_id = segment_id
    session.flush()
    return block


def move_block(session: Session, block_id: int, section_id: int, position: int) -> None:
    """Move a block to `position` in a section, its own or another of the same post."""
    block = get_block(session, block_id)
    target = get_section(session, section_id)
    source_id = block.section_id
    if get_section(session, source_id).post_id != target.post_id:
        raise InvalidOperation(None, "a block can move only within its post")
    siblings = [b for b in _blocks(session, section_id) if b.id != block.id]
    block.section_id = section_id
    siblings.insert(_clamp(position, len(siblings)), block)
    _renumber(siblings)
    if source_id != section_id:
        _renumber([b for b in _blocks(session, source_id) if b.id != block.id])
    session.flush()


def delete_block(session: Session, block_id: int) -> None:
    block = get_block(session, block_id)
    section_id = block.section_id
    session.delete(block)
    session.flush()
    _renumber(_blocks(session, section_id))
    session.flush()


# -- helpers -------------------------------------------------------------------------------
def _sections(session: Session, post_id: int) -> list[Section]:
    return list(
        session.scalars(
            select(Section).where(Section.post_id == post_id).order_by(Section.position, Section.id)
        )
    )


def _blocks(session: Session, section_id: int) -> list[Block]:
    return list(
        session.scalars(
            select(Block).where(Block.section_id == section_id).order_by(Block.position, Block.id)
        )
    )


def _renumber(items: Sequence[Section | Block]) -> None:
    for i, item in enumerate(items):
        if item.position != i:
            item.position = i


def _clamp(position: int, size: int) -> int:
    return max(0, min(position, size))


def _title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise InvalidOperation(None, "a post needs a title")
    return title


def _opt(text: str | None) -> str | None:
    return (text or "").strip() or None


def _url(url: str | None) -> str | None:
    url = _opt(url)
    if url is not None and not safe_url(url):
        raise InvalidOperation(None, f"{url!r} is not an http(s) or mailto link")
    return url


def _check_number(number: int | None) -> None:
    if number is not None and number < 0:
        raise InvalidOperation(None, "a post's number in its series cannot be negative")
