"""Exporting a post by file type: one dispatch for the command line and the window."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import DotsError
from ..services.composer.render_tree import RenderedPost

POST_SUFFIXES = (".docx", ".md", ".html")


def export_post(
    session: Session,
    post_id: int,
    target: Path,
    *,
    comments: bool = False,
    placeholders: bool = False,
    accept_figures: bool = False,
) -> RenderedPost:
    """Write the post as Word, Markdown or HTML (by `target`'s suffix), through the consent
    gate: blocked quotes raise QuotesBlocked unless `placeholders` replaces them; figures
    changed since they were last exported or accepted raise FiguresChanged unless
    `accept_figures`. Recording the exported figures is the caller's (a read session here)."""
    suffix = target.suffix.lower()
    if suffix == ".docx":
        from .docx.post import export_post_docx

        return export_post_docx(
            session,
            post_id,
            target,
            comments=comments,
            placeholders=placeholders,
            accept_figures=accept_figures,
        )
    if comments:
        raise DotsError(target, "comments exist only in Word files (.docx)")
    if suffix == ".md":
        from .markdown import export_post_markdown

        return export_post_markdown(
            session, post_id, target, placeholders=placeholders, accept_figures=accept_figures
        )
    if suffix == ".html":
        from .html import export_post_html

        return export_post_html(
            session, post_id, target, placeholders=placeholders, accept_figures=accept_figures
        )
    raise DotsError(target, "export a post to .docx, .md or .html")
