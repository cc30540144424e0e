"""The project's numbers, as `dotsdesk info` and the status bar show them."""

from __future__ import annotations

from datetime import date

from dotsdesk.model import Post
from dotsdesk.services.coding.codebook import delete_code, ensure_code
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response, set_translation
from dotsdesk.services.counts import bar_counts, project_counts
from dotsdesk.store import Project


def test_an_empty_project(project: Project) -> None:
    with project.read() as s:
        c = project_counts(s)
    assert (c.respondents, c.responses, c.translations, c.codes, c.segments) == (0, 0, 0, 0, 0)
    assert c.posts == []
    assert c.languages == {}
    assert set(c.consent.values()) == {0}
    assert set(c.consent) == {"none", "pending", "granted", "declined", "withdrawn", "expired"}


def test_project_counts(project: Project, corpus: dict[str, str]) -> None:
    with project.write() as s:
        a = add_respondent(s, "a@example.com", identity={"handle": "a_handle"})
        b = add_respondent(s, "b")
        add_respondent(s, "c")  # answered nothing
        en1 = add_response(s, a.id, corpus["english"])
        zh1 = add_response(s, a.id, corpus["chinese"])
        zh2 = add_response(s, b.id, corpus["mixed"])
        add_response(s, b.id, corpus["short"])
        add_response(s, b.id, corpus["emoji"], language="en")
        set_translation(s, zh1.id, "en", "In interviews I was asked about machine learning.")
        set_translation(s, zh2.id, "en", "As a data scientist, communication matters most.")
        set_translation(s, en1.id, "zh", "我从研究转到了工程。")
        codes = [ensure_code(s, p).id for p in ["Role/Research", "Role/Engineering", "Theme"]]
        code_span(s, en1.id, 0, 5, codes[1:])  # one segment, two codes
        code_span(s, zh1.id, 2, 4, [codes[0]])
        code_span(s, zh1.id, 2, 4, [codes[2]], coder="second coder")
        record_event(s, a.id, "granted", date(2025, 1, 1), level="handle")
        record_event(s, b.id, "requested", date(2025, 1, 1))
        s.add(Post(title="Connect the dots No.4", series="Connect the dots", number=4))
    with project.read() as s:
        c = project_counts(s)
        bar = bar_counts(s)  # the status bar's four, without the consent statuses
    assert (bar.respondents, bar.responses, bar.codes, bar.segments) == (3, 5, 4, 3)
    assert (c.respondents, c.responses, c.translations) == (3, 5, 3)
    assert (c.codes, c.segments) == (4, 3)  # Role, Role/Research, Role/Engineering, Theme
    assert c.languages == {"zh": 2, "en": 2, "und": 1}
    assert list(c.languages)[-1] == "und"  # most common first
    assert c.consent["granted"] == 1
    assert c.consent["pending"] == 1
    assert c.consent["none"] == 1
    assert sum(c.consent.values()) == c.respondents
    assert c.posts == [
        {"id": 1, "title": "Connect the dots No.4", "series": "Connect the dots", "number": 4}
    ]

    with project.write() as s:
        delete_code(s, codes[2])
    with project.read() as s:
        after = project_counts(s)
    assert (after.codes, after.segments) == (3, 2)
