"""The preview: the render tree as HTML for a QTextBrowser, with the issues counted on top.

It walks the same tree as the exporters (`render_post(..., placeholders=True)`), so the
preview shows the words, figures and gate decisions an export would. Qt's rich text knows
little CSS, so styles are inline; blocked quotes are red and bold. Each block starts with an
anchor `block-N`, so the preview can scroll to the block selected in the outline. Beneath
each statistic and profile, in small grey type for the author only (no export prints it),
a line says what the figure is counted over, and in amber how it changed.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

from PySide6.QtCore import QObject

from ...exporters.html import _spans
from ...services.composer.render_tree import (
    BulletList,
    FigureNote,
    Issue,
    Paragraph,
    Quote,
    RenderedPost,
    Statistic,
)
from ..i18n import arg, date_text

RED = "#b00020"
AMBER = "#8a6d00"
GREY = "#6b6b6b"
ISSUES_SHOWN = 3


class PreviewWords(QObject):
    """The translation context of the preview's own words (PreviewWords.tr)."""


_SINCE = re.compile(r"(drafted|exported|accepted) on (\d{4})-(\d{2})-(\d{2})")


def since_text(since: str) -> str:
    """When a figure's baseline was set ("exported on 2026-12-01", from the composer's
    service), in the window's words and date format."""
    found = _SINCE.fullmatch(since)
    if found is None:
        return since
    day = date_text(date(int(found[2]), int(found[3]), int(found[4])))
    words = {
        "drafted": PreviewWords.tr("drafted on %1"),
        "exported": PreviewWords.tr("exported on %1"),
        "accepted": PreviewWords.tr("accepted on %1"),
    }[found[1]]
    return arg(words, day)


def issues_text(issues: tuple[Issue, ...] | list[Issue]) -> str:
    """ "2 issues: P22: consent was withdrawn on …; …" or "No issues"."""
    if not issues:
        return PreviewWords.tr("No issues")
    n = len(issues)
    words = PreviewWords.tr("; ").join(_plain(i.message) for i in issues[:ISSUES_SHOWN])
    if n > ISSUES_SHOWN:
        return arg(PreviewWords.tr("%n issue(s): %1; and %2 more", "", n), words, n - ISSUES_SHOWN)
    return arg(PreviewWords.tr("%n issue(s): %1", "", n), words)


def _plain(message: str) -> str:
    return message.removeprefix("quote blocked: ")


def preview_html(tree: RenderedPost) -> str:
    out = [f'<h1 style="font-size:20pt">{_t(tree.title)}</h1>']
    seen: set[int] = set()
    for section in tree.sections:
        if section.title:
            out.append(f'<h2 style="font-size:15pt; margin-top:18px">{_t(section.title)}</h2>')
        for node in section.nodes:
            block_id = node.block_id
            if block_id is not None and block_id not in seen:
                seen.add(block_id)
                out.append(f'<a name="block-{block_id}"></a>')
            if isinstance(node, Paragraph):
                style = ' style="font-style:italic"' if node.role != "body" else ""
                out.append(f"<p{style}>{_spans(node.spans)}</p>")
            elif isinstance(node, BulletList):
                items = "".join(f"<li>{_spans(item)}</li>" for item in node.items)
                out.append(f"<ul>{items}</ul>")
                out.append(figure_note_html(node.note))
            elif isinstance(node, Statistic):
                colour = f' style="color:{RED}"' if node.figure is None else ""
                out.append(f"<p{colour}>{_t(node.text)}</p>")
                out.append(figure_note_html(node.note))
            else:
                out.append(_quote(node))
    return '<html><body style="font-family:Georgia, serif">' + "\n".join(out) + "</body></html>"


def figure_note_words(note: FigureNote) -> str:
    """ "Over the 30 respondents of the sample survey · as exported on 2026-12-01", or for a
    changed figure "… · was 20% (6 of 30) when exported on 2026-12-01"."""
    if note.changed and note.before:
        text = PreviewWords.tr("Over %1 · was %2 when %3")
        return arg(text, note.population, note.before, since_text(note.since or ""))
    if note.since:
        return arg(PreviewWords.tr("Over %1 · as %2"), note.population, since_text(note.since))
    return arg(PreviewWords.tr("Over %1"), note.population)


def figure_note_html(note: FigureNote | None) -> str:
    if note is None:
        return ""
    style = f"color:{GREY}; font-size:8pt; margin-top:0px"
    if note.changed:
        style = f"color:{AMBER}; font-size:8pt; font-weight:bold; margin-top:0px"
    return f'<p class="figure-note" style="{style}">{_t(figure_note_words(note))}</p>'


def _quote(quote: Quote) -> str:
    if quote.blocked:
        return (
            f'<blockquote class="withheld" style="color:{RED}; font-weight:bold">'
            f"<p>{_t(quote.placeholder or '[quote withheld]')}</p>"
            f'<p style="font-weight:normal; font-size:9pt">{_t(quote.decision.message)}</p>'
            "</blockquote>"
        )
    paragraphs = [p for p in (quote.text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    inner = "".join(f"<p>{'<br>'.join(_t(x) for x in p.split(chr(10)))}</p>" for p in paragraphs)
    out = (
        f"<p>{_t(quote.lead_in or '')}</p>"
        f'<blockquote style="color:#333333; font-style:italic">{inner}</blockquote>'
    )
    if quote.translated_from:
        out += (
            '<p style="color:#666666; font-size:9pt; font-style:italic; margin-left:30px">'
            f"Translated from {_t(quote.translated_from)}.</p>"  # as the exports print it
        )
    return out


def _t(text: str) -> str:
    return escape(text, quote=True)
