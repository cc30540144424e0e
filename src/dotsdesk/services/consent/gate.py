"""The consent gate: the one check every preview and export runs before it shows a quote.

A quote passes only if its words are the respondent's own (in a transcript, not inside the
interviewer's turns, another interviewee's or a transcriber's note), and their current consent
is a grant that covers the segment, the identity the attribution would print, and the
translation if one is used. Anything else
is blocked with a reason from `BlockReason`; messages name respondents by their pseudonymous
label only, so they can be shown, logged or printed without leaking who anyone is.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import DotsError
from ...model import ConsentLevel, ConsentScope, Respondent, Response, Segment, Turn
from ..corpus.turns import Speech, format_time, overlaps_segment, speech_from
from .events import Consent, ConsentStatus, current_consents

# From least to most identity; a grant allows its own level and everything below it.
_RANK = {ConsentLevel.ANONYMOUS: 0, ConsentLevel.HANDLE: 1, ConsentLevel.NAME: 2}


class BlockReason(enum.StrEnum):
    """Why a quote may not be shown. NEVER_ASKED and PENDING are both "no consent"."""

    NEVER_ASKED = "never asked"
    PENDING = "pending"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    OUT_OF_SCOPE = "out of scope"
    TRANSLATION_NOT_ALLOWED = "translation not allowed"
    IDENTITY_BEYOND_LEVEL = "identity beyond level"
    SEGMENT_DELETED = "segment deleted"
    INTERVIEWER_WORDS = "interviewer's words"
    NOT_RESPONDENTS_WORDS = "another speaker's words"


_STATUS_REASON = {
    ConsentStatus.NONE: BlockReason.NEVER_ASKED,
    ConsentStatus.PENDING: BlockReason.PENDING,
    ConsentStatus.DECLINED: BlockReason.DECLINED,
    ConsentStatus.WITHDRAWN: BlockReason.WITHDRAWN,
    ConsentStatus.EXPIRED: BlockReason.EXPIRED,
}

_PLACEHOLDER = {
    BlockReason.NEVER_ASKED: "no consent",
    BlockReason.PENDING: "consent pending",
    BlockReason.DECLINED: "consent declined",
    BlockReason.WITHDRAWN: "consent withdrawn",
    BlockReason.EXPIRED: "consent expired",
    BlockReason.OUT_OF_SCOPE: "not covered by the consent",
    BlockReason.TRANSLATION_NOT_ALLOWED: "translation not allowed",
    BlockReason.IDENTITY_BEYOND_LEVEL: "attribution not allowed",
    BlockReason.SEGMENT_DELETED: "segment deleted",
    BlockReason.INTERVIEWER_WORDS: "the interviewer's words",
    BlockReason.NOT_RESPONDENTS_WORDS: "not the respondent's words",
}


# Whose words (`Speech.others`) -> the stretch of the transcript they are.
_TURN_OF = {
    "the interviewer": "the interviewer's turn",
    "another interviewee": "another interviewee's turn",
}


@dataclass(frozen=True)
class QuoteRequest:
    """A quote about to be shown: which segment, how much identity its attribution prints
    (anonymous, handle or name), and whether the text is a translation."""

    segment_id: int | None  # None: the block's segment was deleted (SET NULL)
    identity: ConsentLevel = ConsentLevel.ANONYMOUS
    translation: bool = False


@dataclass(frozen=True)
class GateDecision:
    request: QuoteRequest
    reason: BlockReason | None  # None: allowed
    message: str
    respondent_id: int | None = None
    label: str | None = None  # pseudonymous

    @property
    def allowed(self) -> bool:
        return self.reason is None


def check_quotes(
    session: Session, requests: Sequence[QuoteRequest], today: date | None = None
) -> list[GateDecision]:
    """One decision per request, in order, in three queries however many quotes."""
    today = today or date.today()
    wanted = {r.segment_id for r in requests if r.segment_id is not None}
    owners: dict[int, tuple[int, str]] = {}
    speech: dict[int, Speech] = {}
    if wanted:
        # With the transcript turns under each segment, if any: whose words it quotes.
        rows = session.execute(
            select(
                Segment.id,
                Respondent.id,
                Respondent.label,
                Turn.role,
                Turn.respondent_id,
                Turn.time_ms,
            )
            .join(Response, Response.id == Segment.response_id)
            .join(Respondent, Respondent.id == Response.respondent_id)
            .outerjoin(Turn, overlaps_segment())
            .where(Segment.id.in_(wanted))
            .order_by(Segment.id, Turn.position)
        ).all()
        owners = {sid: (rid, label) for sid, rid, label, *_turn in rows}
        speech = speech_from(
            (sid, role, said_by, rid, ms)
            for sid, rid, _label, role, said_by, ms in rows
            if role is not None
        )
    consents = current_consents(session, {rid for rid, _ in owners.values()}, today)
    decisions = []
    for request in requests:
        owner = owners.get(request.segment_id) if request.segment_id is not None else None
        if owner is None:
            decisions.append(_deleted(request))
        else:
            rid, label = owner
            said = speech.get(request.segment_id) if request.segment_id is not None else None
            decisions.append(_decide(request, consents[rid], label, said))
    return decisions


def check_quote(session: Session, request: QuoteRequest, today: date | None = None) -> GateDecision:
    return check_quotes(session, [request], today)[0]


def _deleted(request: QuoteRequest) -> GateDecision:
    what = f"segment {request.segment_id}" if request.segment_id is not None else "the segment"
    return GateDecision(
        request, BlockReason.SEGMENT_DELETED, f"{what} was deleted; there is nothing to quote"
    )


def _decide(
    request: QuoteRequest, consent: Consent, label: str, speech: Speech | None = None
) -> GateDecision:
    def blocked(reason: BlockReason, message: str) -> GateDecision:
        return GateDecision(request, reason, f"{label}: {message}", consent.respondent_id, label)

    if speech is not None and not speech.own:
        # Checked first: whatever they consented to, these words are not theirs.
        at = f" at {format_time(speech.time_ms)}" if speech.time_ms is not None else ""
        whose = " and ".join(_TURN_OF.get(other, other) for other in speech.others)
        reason = (
            BlockReason.INTERVIEWER_WORDS
            if speech.others == ("the interviewer",)
            else BlockReason.NOT_RESPONDENTS_WORDS
        )
        return blocked(
            reason,
            f"segment {request.segment_id} lies in {whose}{at}, "
            "not in the respondent's own words",
        )
    status_reason = _STATUS_REASON.get(consent.status)
    if status_reason is not None:
        return blocked(status_reason, _status_message(consent))
    if consent.scope is ConsentScope.SEGMENTS and request.segment_id not in consent.segment_ids:
        return blocked(
            BlockReason.OUT_OF_SCOPE,
            f"consent covers {len(consent.segment_ids)} listed segment(s), "
            f"not segment {request.segment_id}",
        )
    if request.translation and not consent.translation_allowed:
        return blocked(
            BlockReason.TRANSLATION_NOT_ALLOWED,
            "consent does not allow publishing a translation; quote the original",
        )
    level = consent.level or ConsentLevel.ANONYMOUS
    if _RANK[ConsentLevel(request.identity)] > _RANK[level]:
        return blocked(
            BlockReason.IDENTITY_BEYOND_LEVEL,
            f"the attribution shows their {_shown(request.identity)} but consent is "
            f"{_level_words(level)}",
        )
    allowed = "allowed"
    if speech is not None and speech.spans_turns:
        allowed += (
            f" (it spans a turn boundary and includes words of {' and '.join(speech.others)})"
        )
    return GateDecision(request, None, f"{label}: {allowed}", consent.respondent_id, label)


def _status_message(consent: Consent) -> str:
    on = f" on {consent.since.isoformat()}" if consent.since else ""
    if consent.status is ConsentStatus.NONE:
        return "consent was never asked"
    if consent.status is ConsentStatus.PENDING:
        asked = consent.requested.isoformat() if consent.requested else "?"
        return f"consent is pending (asked {asked})"
    if consent.status is ConsentStatus.EXPIRED:
        return f"consent expired on {consent.expires.isoformat() if consent.expires else '?'}"
    return f"consent was {consent.status.value}{on}"


def _shown(level: ConsentLevel | str) -> str:
    return {"handle": "forum handle", "name": "name"}.get(ConsentLevel(level).value, "identity")


def _level_words(level: ConsentLevel) -> str:
    return {
        ConsentLevel.ANONYMOUS: "anonymous only",
        ConsentLevel.HANDLE: "by handle only",
        ConsentLevel.NAME: "by name",
    }[level]


def blocked_placeholder(decision: GateDecision) -> str:
    """What replaces a blocked quote when the user asks for visible placeholders.

    It names the reason, never the respondent: a draft may be read by anyone."""
    if decision.reason is None:
        raise ValueError("an allowed quote has no placeholder")
    return f"[quote withheld: {_PLACEHOLDER[decision.reason]}]"


class QuotesBlocked(DotsError):
    """An export refused because some quotes may not be shown; `decisions` lists them."""

    def __init__(self, target: Path | str | None, decisions: Sequence[GateDecision]) -> None:
        self.decisions = list(decisions)
        n = len(self.decisions)
        first = "; ".join(d.message for d in self.decisions[:3])
        more = f"; and {n - 3} more" if n > 3 else ""
        super().__init__(
            target,
            f"{n} quote(s) blocked by the consent gate: {first}{more} "
            "(nothing was written; remove them or export with placeholders)",
        )


def refuse_blocked(decisions: Sequence[GateDecision], target: Path | str | None = None) -> None:
    """The default of every export: raise QuotesBlocked if any quote is blocked."""
    blocked = [d for d in decisions if not d.allowed]
    if blocked:
        raise QuotesBlocked(target, blocked)
