"""Memos in the Word codebook, read back with python-docx: a code's memo under its heading,
the project's memos in a closing section; memos on answers only in the internal report."""

from __future__ import annotations

from pathlib import Path

import docx

from dotsdesk.exporters.docx.codebook import export_codebook_docx
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.memos import MemoOn, add_project_memo, set_memo
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_codebook_report_carries_the_memos(project: Project, tmp_path: Path) -> None:
    with project.write() as s:
        code = ensure_code(s, "Theme/面试")
        person = add_respondent(s, "A")
        answer = add_response(s, person.id, "面试 was hard 🚀 cafe\u0301", question="Q1")
        sid = coding.code_span(s, answer.id, 0, 2, [code.id], coder="ana").id
        set_memo(s, MemoOn.CODE, code.id, "Hiring interviews, not research ones", coder="ana")
        set_memo(s, MemoOn.SEGMENT, sid, "the word itself 👀")
        set_memo(s, MemoOn.RESPONSE, answer.id, "Follow up in May", coder="bo")
        add_project_memo(s, "Overall: 面试 comes up early", coder="bo")
    internal, shared = tmp_path / "internal.docx", tmp_path / "shared.docx"
    with project.read() as s:
        export_codebook_docx(s, internal)
        export_codebook_docx(s, shared, shareable=True)
    text = _paragraphs(internal)
    heading = text.index(next(t for t in text if t.endswith("面试") and "/" not in t))
    assert text[heading + 2] == "Memo (ana): Hiring interviews, not research ones"
    assert "Memo (bo): Overall: 面试 comes up early" in text
    ending = text[text.index("On responses and segments") :]
    assert ending[1:] == [
        "P01, Q1",
        "Memo (bo): Follow up in May",
        "P01, Q1 (Theme/面试)",
        "面试",  # the coded words, as a quote
        "Memo (ana): the word itself 👀",
    ]
    assert text.index("Memos") < text.index("Memo (bo): Overall: 面试 comes up early")
    public = _paragraphs(shared)
    assert "Memo (ana): Hiring interviews, not research ones" in public
    assert "Memo (bo): Overall: 面试 comes up early" in public
    assert not any("the word itself" in t or "Follow up" in t for t in public)
