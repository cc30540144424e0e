"""What a block's `data` may hold, checked before it is stored.

Blocks keep their settings as JSON; a typo in a key would otherwise be stored silently and
ignored at render time. Every kind lists its keys here, with the checks that make a render
predictable (codes and attributes exist, links are web or mail links).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import AttributeDef, BlockKind, Code

AUTO_PARAGRAPHS = ("series", "consent_note")
LINK_SCHEMES = ("http://", "https://", "mailto:")
OTHERS = ("append", "omit")


def safe_url(url: str) -> bool:
    """Only web and mail links leave the project: no javascript:, data:, file: links."""
    return url.strip().lower().startswith(LINK_SCHEMES)


def check_block_data(session: Session, kind: BlockKind, data: dict[str, Any]) -> dict[str, Any]:
    """The data cleaned (empty values dropped), or InvalidOperation naming the problem."""
    data = {k: v for k, v in data.items() if v not in (None, "", [], {})}
    check = _CHECKS[kind]
    allowed = _KEYS[kind]
    unknown = set(data) - allowed
    if unknown:
        raise InvalidOperation(
            None, f"a {kind.value} block has no {', '.join(sorted(unknown))} setting"
        )
    check(session, data)
    return data


def _str(data: dict[str, Any], key: str) -> None:
    if key in data and not isinstance(data[key], str):
        raise InvalidOperation(None, f"{key} must be text")


def _paragraph(session: Session, data: dict[str, Any]) -> None:
    _str(data, "text")
    if "auto" in data and data["auto"] not in AUTO_PARAGRAPHS:
        raise InvalidOperation(None, f"auto paragraph {data['auto']!r}: use series or consent_note")


def _quote(session: Session, data: dict[str, Any]) -> None:
    for key in ("label", "context", "topic", "translation"):
        _str(data, key)
    if "topic_code_id" in data:
        _code(session, data["topic_code_id"])
    span = data.get("translation_span")
    if span is not None and not (
        isinstance(span, list)
        and len(span) == 2
        and all(isinstance(x, int) for x in span)
        and 0 <= span[0] < span[1]
    ):
        raise InvalidOperation(None, "translation_span must be [start, end] with start < end")


def _statistic(session: Session, data: dict[str, Any]) -> None:
    codes = data.get("code_ids")
    if not isinstance(codes, list) or not codes:
        raise InvalidOperation(None, "a statistic needs at least one code")
    for code_id in codes:
        _code(session, code_id)
    _str(data, "template")
    if "descendants" in data and not isinstance(data["descendants"], bool):
        raise InvalidOperation(None, "descendants must be true or false")
    _population(session, data)


def _profile(session: Session, data: dict[str, Any]) -> None:
    bullets = data.get("bullets", [])
    if not isinstance(bullets, list):
        raise InvalidOperation(None, "bullets must be a list")
    for bullet in bullets:
        if not isinstance(bullet, dict):
            raise InvalidOperation(None, "each bullet is text or an attribute with a template")
        unknown = set(bullet) - {"text", "attribute", "template", "order", "others", "words"}
        if unknown:
            raise InvalidOperation(None, f"a profile bullet has no {', '.join(sorted(unknown))}")
        if ("text" in bullet) == ("attribute" in bullet):
            raise InvalidOperation(None, "a profile bullet is either text or an attribute")
        _str(bullet, "text")
        _str(bullet, "template")
        if "attribute" in bullet:
            _attribute(session, bullet["attribute"])
        if bullet.get("others", "append") not in OTHERS:
            raise InvalidOperation(None, "others must be append or omit")
        if not isinstance(bullet.get("order", []), list):
            raise InvalidOperation(None, "order must be a list of values")
        if not isinstance(bullet.get("words", {}), dict):
            raise InvalidOperation(None, "words must map values to words")
    _population(session, data)


def _links(session: Session, data: dict[str, Any]) -> None:
    links = data.get("links", [])
    if not isinstance(links, list):
        raise InvalidOperation(None, "links must be a list")
    for link in links:
        if not isinstance(link, dict) or set(link) - {"title", "url"}:
            raise InvalidOperation(None, "each link has a title and a url")
        url = str(link.get("url", ""))
        if not safe_url(url):
            raise InvalidOperation(None, f"{url!r} is not an http(s) or mailto link")


def _population(session: Session, data: dict[str, Any]) -> None:
    population = data.get("population")
    if population is None:
        return
    if not isinstance(population, dict) or set(population) != {"attribute", "value"}:
        raise InvalidOperation(None, "a population is an attribute and a value")
    _attribute(session, population["attribute"])


def _code(session: Session, code_id: Any) -> None:
    if not isinstance(code_id, int) or session.get(Code, code_id) is None:
        raise NotFound(None, f"no code {code_id}")


def _attribute(session: Session, name: Any) -> None:
    found = session.scalar(select(AttributeDef.id).where(AttributeDef.name == name))
    if found is None:
        raise NotFound(None, f"no attribute {name!r}")


_CHECKS = {
    BlockKind.PARAGRAPH: _paragraph,
    BlockKind.QUOTE: _quote,
    BlockKind.STATISTIC: _statistic,
    BlockKind.PROFILE: _profile,
    BlockKind.LINKS: _links,
}
_KEYS = {
    BlockKind.PARAGRAPH: {"text", "auto"},
    BlockKind.QUOTE: {
        "label",
        "context",
        "topic_code_id",
        "topic",
        "translation",
        "translation_span",
    },
    BlockKind.STATISTIC: {"code_ids", "template", "population", "descendants"},
    BlockKind.PROFILE: {"bullets", "population"},
    BlockKind.LINKS: {"links"},
}
