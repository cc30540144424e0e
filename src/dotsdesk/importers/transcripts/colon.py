"""`Speaker: text` transcripts: NVivo-style `I:` / `X:` / `I2:`, `Q:` / `A:`, speech-to-text
`Interviewer 1:` / `Interviewee:`, Chinese `访谈者：` / `受访者：` with the full-width colon,
optionally with a time (`[00:01:02] I:`, `Speaker 1 (1:02):`) and bold labels in Markdown.

A line that starts with a label opens a turn; the paragraphs after it, up to the next label,
are the same turn. A line such as `=== Connection got interrupted ===` is a note. Text above
the first turn (a header the researcher wrote) is the document's information, not a turn.

Deciding that a document is a transcript at all must not misfire on ordinary text with a
colon ("Note: ...", e-mail headers, "Job title: data scientist"), so labels are short, never
words such as "From" or "Subject", and a document counts only if its labels look like a
conversation: two speakers or more, one of them speaking again or named by a role.
"""

from __future__ import annotations

import re

from ...services.corpus.turns import parse_time
from .parsed import ParsedTranscript, ParsedTurn, drop_empty, is_note
from .roles import is_role_label

_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL = re.compile(
    rf"^\s*(?:[\[(](?P<t1>{_T})[\])]\s*|(?P<t0>\d{{1,2}}:\d{{2}}:\d{{2}})\s+)?"
    r"(?:\*\*|__)?(?P<speaker>[^\s:：*_\[\]()（）#>|-][^:：\n]{0,39}?)(?:\*\*|__)?"
    rf"\s*(?:[\[(（](?P<t2>{_T})[\])）])?"
    r"\s*(?:\*\*|__)?[:：](?:\*\*|__)?(?!//)[ \t\u3000]*(?P<rest>.*)$"
)
# Words before a colon that start ordinary lines, not turns.
_NOT_SPEAKERS = {
    "from", "to", "cc", "bcc", "subject", "date", "sent", "re", "fw", "fwd", "note", "notes",
    "nb", "ps", "p.s", "tel", "phone", "email", "e-mail", "mail", "http", "https", "ftp",
    "mailto", "www", "url", "link", "source", "time", "location", "place", "title", "tags",
    "keywords", "summary", "speakers", "duration", "example", "update", "edit", "warning",
    "时间", "地点", "日期", "主题", "备注", "注", "标题", "关键词",
}  # fmt: skip
_SENTENCE_MARKS = re.compile(r"[,;!?\"“”。，；！？、]")
MAX_WORDS = 4
# Up to this many labelled lines, someone who speaks once is a speaker (a group interview);
# in a longer transcript a label seen once is more likely a "Basically: ..." in a turn.
SMALL = 20


def label_of(line: str) -> tuple[str, str, int | None] | None:
    """(speaker, the rest of the line, milliseconds or None) if `line` opens a turn."""
    match = _LABEL.match(line)
    if match is None:
        return None
    speaker = match["speaker"].strip()
    if (
        len(speaker.split()) > MAX_WORDS
        or _SENTENCE_MARKS.search(speaker)
        or speaker.casefold().rstrip(".") in _NOT_SPEAKERS
        or not any(ch.isalpha() for ch in speaker)
    ):
        return None
    stamp = match["t0"] or match["t1"] or match["t2"]
    return speaker, match["rest"], parse_time(stamp) if stamp else None


def parse_colon_turns(lines: list[str]) -> ParsedTranscript | None:
    labelled = {i: found for i, line in enumerate(lines) if (found := label_of(line))}
    if len(labelled) < 2:
        return None
    counts: dict[str, int] = {}
    for speaker, _rest, _ms in labelled.values():
        counts[speaker] = counts.get(speaker, 0) + 1
    if len(labelled) > SMALL:
        labelled = {i: f for i, f in labelled.items() if counts[f[0]] > 1 or is_role_label(f[0])}
        counts = {s: n for s, n in counts.items() if n > 1 or is_role_label(s)}
    if len(counts) < 2 or not (
        any(n > 1 for n in counts.values()) or any(is_role_label(s) for s in counts)
    ):
        return None
    first = min(labelled)
    spoken = sum(1 for line in lines[first:] if line.strip())
    if len(labelled) < 0.2 * spoken:
        return None  # a few labels in a long text: an essay that quotes someone
    turns: list[ParsedTurn] = []
    current: ParsedTurn | None = None
    for i in range(first, len(lines)):
        line = lines[i]
        if i in labelled:
            speaker, rest, ms = labelled[i]
            current = ParsedTurn(speaker, [rest], ms)
            turns.append(current)
        elif is_note(line):
            turns.append(ParsedTurn(None, [line], None, note=True))
            # Words after a note go on with the speaker before it.
            current = ParsedTurn(current.speaker, [], None) if current else None
            if current is not None:
                turns.append(current)
        elif current is not None:
            current.paragraphs.append(line)
    preamble = "\n".join(line.rstrip() for line in lines[:first]).strip() or None
    return ParsedTranscript("speaker turns", drop_empty(turns), document_info=preamble)
