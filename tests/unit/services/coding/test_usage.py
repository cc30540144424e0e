"""`code_usage` counts a few codes as `list_codes` counts them all: segments coded with the
code itself, and the respondents those segments come from."""

from __future__ import annotations

from dotsdesk.services.coding.codebook import ensure_code, list_codes
from dotsdesk.services.coding.segments import code_span, uncode
from dotsdesk.services.coding.usage import code_usage
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project


def test_a_few_codes_counted_as_all_are(project: Project, corpus: dict[str, str]) -> None:
    with project.write() as s:
        a, b = add_respondent(s, "a"), add_respondent(s, "b")
        ra = add_response(s, a.id, corpus["mixed"]).id
        ra2 = add_response(s, a.id, corpus["emoji"]).id
        rb = add_response(s, b.id, corpus["chinese"]).id
        role, research, unused = (
            ensure_code(s, p).id for p in ("Role", "Role/Research", "Theme/Unused")
        )
        code_span(s, ra, 0, 5, [role, research])
        code_span(s, ra2, 1, 6, [research])  # the same respondent again
        gone = code_span(s, rb, 2, 4, [research], coder="other").id
        code_span(s, rb, 0, 3, [role])
        uncode(s, gone)
    with project.read() as s:
        every = {c.id: (c.segments, c.respondents) for c in list_codes(s)}
        assert code_usage(s, [research, unused, role]) == {
            k: every[k] for k in (research, unused, role)
        }
        assert every[research] == (2, 1) and every[role] == (2, 2) and every[unused] == (0, 0)
        assert code_usage(s, []) == {}
        assert code_usage(s, [10**6]) == {10**6: (0, 0)}
