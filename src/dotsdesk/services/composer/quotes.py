"""Quote blocks made ready to show: text from the segment, lead-in, gate decision.

A quote block holds a segment id and how to present it. Here the text is read from the
response (or its recorded translation), every quote of the post goes through the gate in
one call, and only the quotes it allows get an attribution label, in order of appearance,
so that a blocked quote neither shows nor uses up a letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...model import (
    AttributeDef,
    AttributeValue,
    Block,
    Code,
    ConsentLevel,
    Respondent,
    Response,
    Segment,
    Translation,
    segment_code,
)
from ..coding.codebook import code_paths
from ..consent.attribution import Attributor
from ..consent.events import Consent, current_consents
from ..consent.gate import (
    BlockReason,
    GateDecision,
    QuoteRequest,
    blocked_placeholder,
    check_quotes,
)
from ..corpus.respondents import format_value
from .posts import PostSettings
from .render_tree import Issue, Quote, QuoteSource
from .statistics import fill

LANGUAGE_NAMES = {
    "zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "es": "Spanish",
    "fr": "French", "de": "German", "pt": "Portuguese", "ru": "Russian", "it": "Italian",
    "ar": "Arabic", "hi": "Hindi", "vi": "Vietnamese", "nl": "Dutch", "tr": "Turkish",
}  # fmt: skip
DELETED_PLACEHOLDER = "[quote removed: the segment was deleted]"
_ARTICLE = re.compile(r"\{a\}\s+(\S)")
_LEFT_OVER = re.compile(r"\{(?!a\})[^{}]+\}")


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)


def context_phrase(template: str, attributes: dict[str, str], words: dict[str, str]) -> str:
    """ "is working in {a} {Company size} {Industry} company" -> "is working in a large
    tech company": attribute values through the post's words, missing ones dropped, and
    {a} the article the next word takes."""
    text = fill(template, {k: words.get(v, v) for k, v in attributes.items()})
    text = " ".join(_LEFT_OVER.sub("", text).split())

    def article(match: re.Match[str]) -> str:
        return ("an " if match.group(1).lower() in "aeiou" else "a ") + match.group(1)

    return _ARTICLE.sub(article, text).replace("{a}", "").strip()


def topic_phrase(name: str) -> str:
    """A code name as a topic: "What is engineering" -> "on what is engineering"."""
    keep = len(name) > 1 and name[1].isupper()  # "ML ops" keeps its capitals
    return "on " + (name if keep else name[:1].lower() + name[1:])


@dataclass(frozen=True)
class _Seg:
    segment_id: int
    start: int
    end: int
    text: str
    whole: bool
    response_id: int
    language: str
    question: str | None
    respondent_id: int
    respondent: str


def resolve_quotes(
    session: Session,
    blocks: Sequence[tuple[Block, int]],
    settings: PostSettings,
    today: date | None = None,
) -> tuple[dict[int, Quote], list[Issue]]:
    """(block, section id) pairs in post order -> Quote per block id, and the issues."""
    today = today or date.today()
    segs = _segments(session, [b.segment_id for b, _ in blocks if b.segment_id is not None])
    rids = list(dict.fromkeys(s.respondent_id for s in segs.values()))
    paths = code_paths(session)
    overrides: dict[int, str] = {}
    for block, _ in blocks:
        seg = segs.get(block.segment_id or -1)
        if seg is not None and block.data.get("label"):
            overrides.setdefault(seg.respondent_id, block.data["label"])
    attributor = Attributor(
        session,
        group_code_path=paths.get(settings.group_code_id or -1),
        group_attribute=settings.group_attribute or None,
        words=settings.words,
        overrides=overrides,
        max_identity=ConsentLevel(settings.max_identity),
        today=today,
    )
    attributor.prefetch(rids)
    translations = _translations(session, segs.values())
    issues: list[Issue] = []
    if settings.group_code_id is not None and settings.group_code_id not in paths:
        issues.append(Issue("labels: the code that named the groups was deleted"))
    requests: list[QuoteRequest] = []
    texts: list[tuple[str, str | None]] = []  # (text, translated-from language)
    for block, section_id in blocks:
        seg = segs.get(block.segment_id or -1)
        if seg is None:
            requests.append(QuoteRequest(None))
            texts.append(("", None))
            continue
        translation, problem = _choose_text(seg, block, translations)
        if problem:
            issues.append(Issue(problem, block.id, section_id))
        if translation is None:
            texts.append((seg.text, None))
        else:
            texts.append((translation, seg.language))
        level = attributor.identity_level(seg.respondent_id)
        requests.append(QuoteRequest(seg.segment_id, level, translation is not None))
    decisions = check_quotes(session, requests, today)
    codes = _codes(session, segs)
    attributes = _attributes(session, rids)
    consents = current_consents(session, rids, today)
    out: dict[int, Quote] = {}
    for (block, section_id), decision, (text, source_lang) in zip(
        blocks, decisions, texts, strict=True
    ):
        seg = segs.get(block.segment_id or -1)
        if not decision.allowed or seg is None:
            out[block.id] = _blocked(block, decision)
            issues.append(_issue(block, section_id, decision))
            continue
        label = attributor.label(seg.respondent_id).label
        phrase = _context(session, block, attributes.get(seg.respondent_id, {}), settings)
        source = QuoteSource(
            respondent=seg.respondent,
            response_id=seg.response_id,
            question=seg.question,
            segment_id=seg.segment_id,
            start=seg.start,
            end=seg.end,
            codes=tuple(sorted(paths.get(c, str(c)) for c in codes.get(seg.segment_id, []))),
            consent=describe_consent(consents[seg.respondent_id]),
            language=seg.language,
            translation=language_name(block.data["translation"]) if source_lang else None,
        )
        out[block.id] = Quote(
            block_id=block.id,
            segment_id=seg.segment_id,
            decision=decision,
            lead_in=f"{label} {phrase}:" if phrase else f"{label}:",
            text=text,
            translated_from=language_name(source_lang) if source_lang else None,
            source=source,
            language=block.data["translation"] if source_lang else seg.language,
        )
    return out, issues


def describe_consent(consent: Consent) -> str:
    if consent.level is None:
        return consent.status.value
    level = {"anonymous": "anonymous", "handle": "by handle", "name": "by name"}
    translation = "translation allowed" if consent.translation_allowed else "no translation"
    scope = ", listed segments only" if consent.scope.value == "segments" else ""
    return f"{consent.status.value}, {level[consent.level.value]}, {translation}{scope}"


def _blocked(block: Block, decision: GateDecision) -> Quote:
    deleted = decision.reason is BlockReason.SEGMENT_DELETED
    placeholder = DELETED_PLACEHOLDER if deleted else blocked_placeholder(decision)
    return Quote(block.id, block.segment_id, decision, placeholder=placeholder)


def _issue(block: Block, section_id: int, decision: GateDecision) -> Issue:
    if decision.reason is BlockReason.SEGMENT_DELETED:
        message = "quote removed: the segment was deleted"
    else:
        message = f"quote blocked: {decision.message}"
    return Issue(message, block.id, section_id, blocking=True, reason=decision.reason)


def _choose_text(
    seg: _Seg, block: Block, translations: dict[tuple[int, str], str]
) -> tuple[str | None, str | None]:
    """(translation text to show or None for the original, a problem to report or None)."""
    wanted = block.data.get("translation")
    if not wanted or wanted == seg.language:
        return None, None
    whole = translations.get((seg.response_id, wanted))
    name = language_name(wanted)
    if whole is None:
        return None, f"no {name} translation is recorded for this quote; the original is shown"
    span = block.data.get("translation_span")
    if span:
        if span[1] > len(whole):
            return None, f"the chosen part of the {name} translation no longer exists"
        return whole[span[0] : span[1]], None
    if not seg.whole:
        return None, (
            f"the quote is part of a response: choose the part of the {name} translation "
            "to show; the original is shown"
        )
    return whole, None


def _context(
    session: Session, block: Block, attributes: dict[str, str], settings: PostSettings
) -> str:
    template = block.data.get("context")
    if template:
        return context_phrase(template, attributes, settings.context_words)
    code_id = block.data.get("topic_code_id")
    if code_id is not None:
        name = session.scalar(select(Code.name).where(Code.id == code_id))
        if name:
            return topic_phrase(name)
    topic = block.data.get("topic")
    return f"on {topic}" if topic else ""


def _segments(session: Session, ids: list[int]) -> dict[int, _Seg]:
    if not ids:
        return {}
    rows = session.execute(
        select(
            Segment.id,
            Segment.start,
            Segment.end,
            func.substr(Response.text, Segment.start + 1, Segment.end - Segment.start),
            func.length(Response.text),
            Response.id,
            Response.language,
            Response.question,
            Respondent.id,
            Respondent.label,
        )
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(Segment.id.in_(set(ids)))
    )
    return {r[0]: _Seg(r[0], r[1], r[2], r[3], r[1] == 0 and r[2] == r[4], *r[5:]) for r in rows}


def _translations(session: Session, segs: Iterable[_Seg]) -> dict[tuple[int, str], str]:
    response_ids = {s.response_id for s in segs}
    if not response_ids:
        return {}
    rows = session.execute(
        select(Translation.response_id, Translation.language, Translation.text).where(
            Translation.response_id.in_(response_ids)
        )
    )
    return {(rid, lang): text for rid, lang, text in rows}


def _codes(session: Session, segs: dict[int, _Seg]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    if segs:
        rows = session.execute(
            select(segment_code.c.segment_id, segment_code.c.code_id).where(
                segment_code.c.segment_id.in_(list(segs))
            )
        )
        for sid, cid in rows:
            out.setdefault(sid, []).append(cid)
    return out


def _attributes(session: Session, rids: list[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    if rids:
        rows = session.execute(
            select(AttributeValue, AttributeDef.name)
            .join(AttributeDef)
            .where(AttributeValue.respondent_id.in_(rids))
        )
        for value, name in rows:
            out.setdefault(value.respondent_id, {})[name] = format_value(value)
    return out
