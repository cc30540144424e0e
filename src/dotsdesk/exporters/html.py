"""A post as one self-contained HTML page for a blog: inline style, no scripts, no remote
resources, every text escaped, and a Content-Security-Policy that forbids scripts even if
someone pastes one into the page later."""

from __future__ import annotations

from datetime import date
from html import escape
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

STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; color: #222;
       max-width: 44rem; margin: 2.5rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; line-height: 1.25; margin-bottom: 1.5rem; }
h2 { font-size: 1.4rem; margin-top: 2.2rem; }
blockquote { margin: 0 0 1.2rem 1.5rem; padding-left: 1rem; border-left: 3px solid #c9c9c9;
             color: #333; font-style: italic; }
blockquote:lang(zh) { font-style: normal;
                      font-family: Georgia, 'Songti SC', SimSun, 'Noto Serif CJK SC', serif; }
blockquote:lang(ja), blockquote:lang(ko) { font-style: normal; }
blockquote.withheld { color: #b00020; font-style: normal; font-weight: bold;
                      border-left-color: #b00020; }
p.lead-in { margin-bottom: 0.4rem; }
p.translated { margin: -0.8rem 0 1.2rem 2.5rem; font-size: 0.85rem; color: #666;
               font-style: italic; }
p.series, p.consent-note { font-style: italic; }
a { color: #1f4e9a; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def export_post_html(
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
        temp.write_text(post_html(tree), encoding="utf-8", newline="\n")
    return tree


def post_html(tree: RenderedPost) -> str:
    body: list[str] = [f"<h1>{_t(tree.title)}</h1>"]
    for section in tree.sections:
        if section.title:
            body.append(f"<h2>{_t(section.title)}</h2>")
        for node in section.nodes:
            if isinstance(node, Paragraph):
                css = f' class="{node.role.replace("_", "-")}"' if node.role != "body" else ""
                body.append(f"<p{css}>{_spans(node.spans)}</p>")
            elif isinstance(node, BulletList):
                items = "".join(f"<li>{_spans(item)}</li>" for item in node.items)
                body.append(f"<ul>{items}</ul>")
            elif isinstance(node, Statistic):
                body.append(f'<p class="statistic">{_t(node.text)}</p>')
            else:
                body.append(_quote(node))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_t(tree.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(tree.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        "<body>\n<article>\n" + "\n".join(body) + "\n</article>\n</body>\n</html>\n"
    )


def _quote(quote: Quote) -> str:
    if quote.blocked:
        return f'<blockquote class="withheld"><p>{_t(quote.placeholder or "")}</p></blockquote>'
    paragraphs = [p for p in (quote.text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    inner = "".join(
        f"<p>{'<br>'.join(_t(line) for line in p.split(chr(10)))}</p>" for p in paragraphs
    )
    # The quote's own language, so a browser picks Chinese glyphs and a screen reader the
    # right voice inside an English page.
    lang = f' lang="{_t(quote.language)}"' if quote.language and quote.language != "und" else ""
    out = (
        f'<p class="lead-in">{_t(quote.lead_in or "")}</p>\n'
        f"<blockquote{lang}>{inner}</blockquote>"
    )
    if quote.translated_from:
        out += f'\n<p class="translated">Translated from {_t(quote.translated_from)}.</p>'
    return out


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        html = _t(span.text)
        if span.italic:
            html = f"<em>{html}</em>"
        if span.bold:
            html = f"<strong>{html}</strong>"
        if span.href and safe_url(span.href):
            html = f'<a href="{escape(span.href.strip(), quote=True)}" rel="noopener">{html}</a>'
        out.append(html)
    return "".join(out)


def _t(text: str) -> str:
    return escape(text, quote=True)
