"""Attribution: the label a post prints for a respondent, derived from data and consent.

"Researcher A", "Hybrid B (1point3acres BBS, 小K)", "Experienced engineer": a group word
(from a child of a chosen code, or an attribute's value), a letter per group in order of
first appearance in the post, and identity only as far as the consent allows. Labels are
never typed by hand, so they cannot drift from the consent records.

Decisions:
- With level "name" the name goes in parentheses after the letter: "Researcher A (Jane Doe)".
  The letter stays so that labels keep their shape and order within a group.
- With level "handle" (or "name" but no name recorded): "(forum, handle)", or "(handle)"
  without a forum; a forum without a handle names no one and is not printed.
- An override replaces the group word and letter ("Experienced researcher") and takes no
  letter; identity is still appended when the consent allows it.
- Identity is read only for respondents whose current consent is a grant by handle or name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import (
    AttributeDef,
    AttributeValue,
    Block,
    BlockKind,
    Code,
    ConsentLevel,
    Identity,
    Response,
    Section,
    Segment,
    segment_code,
)
from ...store.access import may_read
from ..coding.codebook import find_code
from ..corpus.respondents import format_value
from .events import Consent, ConsentStatus, current_consents

# Code name -> group word; the author's own words are laid over these.
DEFAULT_WORDS: dict[str, str] = {
    "Research": "Researcher",
    "Engineering": "Engineer",
    "Hybrid": "Hybrid",
    "Analytics": "Analyst",
    "Analysis": "Analyst",
    "Design": "Designer",
    "Management": "Manager",
    "Product": "Product manager",
    "Science": "Scientist",
    "Academia": "Academic",
    "Student": "Student",
}
FALLBACK_WORD = "Respondent"
_RANK = {ConsentLevel.ANONYMOUS: 0, ConsentLevel.HANDLE: 1, ConsentLevel.NAME: 2}


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, 701 -> ZZ, 702 -> AAA (as spreadsheet columns)."""
    if index < 0:
        raise ValueError("letters start at index 0")
    out = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


@dataclass(frozen=True)
class Attribution:
    respondent_id: int
    label: str
    identity_level: ConsentLevel  # how much identity `label` actually shows
    group: str
    letter: str | None  # None for an override


class Attributor:
    """Labels for one post. Create one per post and ask in order of appearance.

    `group_code_path` names a parent code (e.g. "Role"): a respondent's group is the child
    (with its descendants) that codes most of their segments, ties going to the first in
    the codebook. Or `group_attribute` names an attribute whose value is the group.
    `max_identity` caps what any label shows, whatever the consents allow.

    Ask the gate first (with `identity_level`, which assigns nothing) and call `label` only
    for quotes it allows, or a blocked quote would use up a letter."""

    def __init__(
        self,
        session: Session,
        *,
        group_code_path: str | None = None,
        group_attribute: str | None = None,
        words: Mapping[str, str] | None = None,
        overrides: Mapping[int, str] | None = None,
        max_identity: ConsentLevel = ConsentLevel.NAME,
        fallback: str = FALLBACK_WORD,
        today: date | None = None,
    ) -> None:
        if group_code_path and group_attribute:
            raise InvalidOperation(None, "group by a code or by an attribute, not both")
        self._session = session
        self._words = {**DEFAULT_WORDS, **(words or {})}
        self._overrides = {k: v.strip() for k, v in (overrides or {}).items() if v.strip()}
        self._max = ConsentLevel(max_identity)
        self._fallback = fallback
        self._today = today or date.today()
        self._group_of: dict[int, int] = {}  # code id -> the child of the parent it is under
        self._children: dict[int, tuple[int, int, str]] = {}  # child id -> (position, id, name)
        self._attribute: AttributeDef | None = None
        if group_code_path:
            self._load_code_tree(find_code(session, group_code_path))
        elif group_attribute:
            self._attribute = session.scalar(
                select(AttributeDef).where(AttributeDef.name == group_attribute)
            )
            if self._attribute is None:
                raise NotFound(None, f"no attribute {group_attribute!r}")
        self._consents: dict[int, Consent] = {}
        self._groups: dict[int, str] = {}
        self._given: dict[int, Attribution] = {}
        self._counts: dict[str, int] = {}

    # -- what the post asks ------------------------------------------------------------
    def label(self, respondent_id: int) -> Attribution:
        """The respondent's attribution, the same every time it is asked in this post."""
        if respondent_id in self._given:
            return self._given[respondent_id]
        self.prefetch([respondent_id])
        group = self._groups[respondent_id]
        override = self._overrides.get(respondent_id)
        letter = None
        if override is None:
            letter = letters(self._counts.get(group, 0))
            self._counts[group] = self._counts.get(group, 0) + 1
        base = override or f"{group} {letter}"
        suffix, level = self._identity(respondent_id)
        result = Attribution(respondent_id, base + suffix, level, group, letter)
        self._given[respondent_id] = result
        return result

    def labels(self, respondent_ids: Iterable[int]) -> list[Attribution]:
        ids = list(respondent_ids)
        self.prefetch(ids)
        return [self.label(rid) for rid in ids]

    def identity_level(self, respondent_id: int) -> ConsentLevel:
        """How much identity the label will show (for the gate's QuoteRequest)."""
        self.prefetch([respondent_id])
        return self._identity(respondent_id)[1]

    @property
    def given(self) -> dict[int, Attribution]:
        """Attributions handed out so far, in order of first appearance."""
        return dict(self._given)

    # -- loading, in batches -----------------------------------------------------------
    def prefetch(self, respondent_ids: Iterable[int]) -> None:
        """Load consents and groups for many respondents in a few queries."""
        missing = sorted({r for r in respondent_ids if r not in self._consents})
        if not missing:
            return
        self._consents.update(current_consents(self._session, missing, self._today))
        groups = self._groups_by_code(missing) if self._group_of else {}
        if self._attribute is not None:
            groups = self._groups_by_attribute(missing)
        for rid in missing:
            self._groups[rid] = groups.get(rid) or self._fallback

    def _load_code_tree(self, parent: Code) -> None:
        rows = self._session.execute(select(Code.id, Code.parent_id)).all()
        children: dict[int, list[int]] = {}
        for cid, pid in rows:
            if pid is not None:
                children.setdefault(pid, []).append(cid)
        for child in parent.children:
            self._children[child.id] = (child.position, child.id, child.name)
            stack = [child.id]
            while stack:
                cid = stack.pop()
                self._group_of[cid] = child.id
                stack.extend(children.get(cid, []))

    def _groups_by_code(self, ids: list[int]) -> dict[int, str]:
        rows = self._session.execute(
            select(Response.respondent_id, segment_code.c.code_id, func.count())
            .join(Segment, Segment.id == segment_code.c.segment_id)
            .join(Response, Response.id == Segment.response_id)
            .where(
                Response.respondent_id.in_(ids),
                segment_code.c.code_id.in_(list(self._group_of)),
            )
            .group_by(Response.respondent_id, segment_code.c.code_id)
        )
        tally: dict[int, dict[int, int]] = {}
        for rid, cid, n in rows:
            own = tally.setdefault(rid, {})
            child = self._group_of[cid]
            own[child] = own.get(child, 0) + n
        out = {}
        for rid, counts in tally.items():
            best = min(counts, key=lambda c: (-counts[c], self._children[c]))
            name = self._children[best][2]
            out[rid] = self._words.get(name, name)
        return out

    def _groups_by_attribute(self, ids: list[int]) -> dict[int, str]:
        assert self._attribute is not None
        values = self._session.scalars(
            select(AttributeValue).where(
                AttributeValue.attribute_id == self._attribute.id,
                AttributeValue.respondent_id.in_(ids),
            )
        )
        out = {}
        for value in values:
            text = format_value(value).strip()
            if text:
                word = self._words.get(text, text)
                out[value.respondent_id] = word[:1].upper() + word[1:]
        return out

    def _identity(self, respondent_id: int) -> tuple[str, ConsentLevel]:
        """The parenthesised identity and its level; reads identity only when allowed."""
        consent = self._consents[respondent_id]
        if consent.status is not ConsentStatus.GRANTED or consent.level is None:
            return "", ConsentLevel.ANONYMOUS
        allowed = min(consent.level, self._max, key=_RANK.__getitem__)
        if allowed is ConsentLevel.ANONYMOUS:
            return "", ConsentLevel.ANONYMOUS
        if not may_read(self._session, "identity"):  # a team coder drafts it anonymously
            return "", ConsentLevel.ANONYMOUS
        identity = self._session.get(Identity, respondent_id)
        if identity is None:
            return "", ConsentLevel.ANONYMOUS
        name = (identity.name or "").strip()
        if allowed is ConsentLevel.NAME and name:
            return f" ({name})", ConsentLevel.NAME
        handle = (identity.handle or "").strip()
        forum = (identity.forum or "").strip()
        if handle:
            return (f" ({forum}, {handle})" if forum else f" ({handle})"), ConsentLevel.HANDLE
        return "", ConsentLevel.ANONYMOUS


def first_appearance(session: Session, post_id: int) -> list[int]:
    """Respondent ids in the order their first quote appears in a post."""
    rows = session.scalars(
        select(Response.respondent_id)
        .select_from(Block)
        .join(Section, Section.id == Block.section_id)
        .join(Segment, Segment.id == Block.segment_id)
        .join(Response, Response.id == Segment.response_id)
        .where(Section.post_id == post_id, Block.kind == BlockKind.QUOTE)
        .order_by(Section.position, Block.position, Block.id)
    )
    return list(dict.fromkeys(rows))
