"""The rich text of paragraph blocks: a small Markdown subset, parsed into spans.

Authors type `**bold**`, `*italic*` (or `_italic_` between words), `[text](https://...)`,
"- " bullet lines and blank lines between paragraphs; `\\` escapes a character. It is what
Qt's text edit reads and writes as Markdown, and it keeps the stored text readable. Anything
that does not parse is text: an unpaired `*` stays a star.
"""

from __future__ import annotations

import re

from .block_data import safe_url
from .render_tree import BulletList, Paragraph, Span

_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)")
_BULLET = re.compile(r"^\s*[-*•]\s+")


def parse_blocks(
    text: str, *, block_id: int | None = None, role: str = "body"
) -> list[Paragraph | BulletList]:
    """Paragraphs (blank-line separated; single newlines are spaces) and bullet lists."""
    out: list[Paragraph | BulletList] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line for line in chunk.split("\n") if line.strip()]
        plain: list[str] = []
        bullets: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                if plain:
                    out.append(Paragraph(inline(" ".join(plain)), role, block_id))
                    plain = []
                bullets.append(_BULLET.sub("", line, count=1))
            else:
                if bullets:
                    out.append(BulletList(tuple(inline(b) for b in bullets), role, block_id))
                    bullets = []
                plain.append(line.strip())
        if plain:
            out.append(Paragraph(inline(" ".join(plain)), role, block_id))
        if bullets:
            out.append(BulletList(tuple(inline(b) for b in bullets), role, block_id))
    return out


def inline(text: str) -> tuple[Span, ...]:
    """Spans of one line: bold, italic and links; adjacent spans alike are merged."""
    spans: list[Span] = []
    pos = 0
    for match in _LINK.finditer(text):
        spans.extend(_emphasis(text[pos : match.start()]))
        label, url = match.group(1), match.group(2)
        if safe_url(url):
            spans.extend(Span(s.text, s.bold, s.italic, url) for s in _emphasis(label) if s.text)
        else:  # not a link anyone can follow safely: keep the words, drop the target
            spans.extend(_emphasis(label))
        pos = match.end()
    spans.extend(_emphasis(text[pos:]))
    return _merge(spans)


def _emphasis(text: str) -> list[Span]:
    tokens = _tokens(text)
    closing = _paired(tokens)
    bold = italic = False
    spans: list[Span] = []
    for i, (kind, value) in enumerate(tokens):
        if kind == "text" or i not in closing:
            if value:
                spans.append(Span(value, bold, italic))
        elif value == "**":
            bold = not bold
        else:
            italic = not italic
    return spans


def _tokens(text: str) -> list[tuple[str, str]]:
    """("text", "...") and ("mark", "**" | "*" | "_") tokens, escapes resolved."""
    tokens: list[tuple[str, str]] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i + 1])
            i += 2
            continue
        mark = "**" if text.startswith("**", i) else ch if ch in "*_" else None
        if mark == "_" and _inside_word(text, i):
            mark = None
        if mark is None:
            buf.append(ch)
            i += 1
            continue
        tokens.append(("text", "".join(buf)))
        buf = []
        tokens.append(("mark", mark))
        i += len(mark)
    tokens.append(("text", "".join(buf)))
    return tokens


def _inside_word(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _paired(tokens: list[tuple[str, str]]) -> set[int]:
    """Indexes of marks that have a partner; an odd one out is plain text."""
    live: set[int] = set()
    open_at: dict[str, int] = {}
    for i, (kind, value) in enumerate(tokens):
        if kind != "mark":
            continue
        key = value
        if key in open_at:
            live.update((open_at.pop(key), i))
        else:
            open_at[key] = i
    return live


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].href) == (
            span.bold,
            span.italic,
            span.href,
        ):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic, span.href)
        else:
            out.append(span)
    return tuple(out)
