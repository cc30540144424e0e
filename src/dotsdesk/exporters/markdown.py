"""A post as Markdown for a blog: every text escaped, so a quote is never read as markup.

Quotes are block quotes (`> `) preceded by their lead-in; a blank line inside a quote stays a
paragraph break inside it. Links keep only http(s) and mailto targets.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ..services.composer.block_data import safe_url
from ..services.composer.render import render_for_export
from ..services.composer.render_tree import (
    BulletList,
    Paragraph,
    Quote,
    RenderedPost,
    Span,
    Statistic,
)
from .atomic import atomic_output

_INLINE = re.compile(r"([\\`*_\[\]<>&~|#])")
_MARKER = re.compile(r"^(\s*)([-+>=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Text that Markdown shows as typed: punctuation with meaning is backslash-escaped,
    and so is what would start a list, a quote or a heading at the start of a line."""
    text = _INLINE.sub(r"\\\1", text)
    text = _MARKER.sub(r"\1\\\2", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def export_post_markdown(
    session: Session,
    post_id: int,
    target: Path,
    *,
    placeholders: bool = False,
    accept_figures: bool = False,
    today: date | None = None,
) -> RenderedPost:
    tree = render_for_export(
        session,
        post_id,
        target,
        placeholders=placeholders,
        accept_figures=accept_figures,
        today=today,
    )
    with atomic_output(target) as temp:
        temp.write_text(post_markdown(tree), encoding="utf-8", newline="\n")
    return tree


def post_markdown(tree: RenderedPost) -> str:
    parts = [f"# {escape(_line(tree.title))}"]
    for section in tree.sections:
        if section.title:
            parts.append(f"## {escape(_line(section.title))}")
        for node in section.nodes:
            if isinstance(node, Paragraph):
                parts.append(_spans(node.spans))
            elif isinstance(node, BulletList):
                parts.append("\n".join(f"- {_spans(item)}" for item in node.items))
            elif isinstance(node, Statistic):
                parts.append(escape(_line(node.text)))
            else:
                parts.extend(_quote(node))
    return "\n\n".join(p for p in parts if p) + "\n"


def _quote(quote: Quote) -> list[str]:
    if quote.blocked:
        return [f"> **{escape(quote.placeholder or '[quote withheld]')}**"]
    lines = (quote.text or "").replace("\r\n", "\n").split("\n")
    body = "\n".join(f"> {escape(line)}" if line.strip() else ">" for line in lines)
    out = [escape(_line(quote.lead_in or "")), body]
    if quote.translated_from:
        out.append(f"*Translated from {escape(quote.translated_from)}.*")
    return out


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        text = escape(_line(span.text))
        mark = "***" if span.bold and span.italic else "**" if span.bold else ""
        mark = mark or ("*" if span.italic else "")
        core = text.strip()
        if mark and core:  # emphasis may not start or end with a space
            start = text.index(core)
            text = f"{text[:start]}{mark}{core}{mark}{text[start + len(core) :]}"
        if span.href and safe_url(span.href):
            text = f"[{text}](<{_url(span.href)}>)"
        out.append(text)
    return "".join(out)


def _url(url: str) -> str:
    return url.strip().replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


def _line(text: str) -> str:
    """One line of Markdown: a newline inside a title or lead-in would start a new block."""
    return " ".join(text.split("\n"))
