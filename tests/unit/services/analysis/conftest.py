"""A small study whose analysis figures are counted by hand in the tests.

Respondents R1-R4; codes A (A/A1, A/A2) and B; attribute Size (category) and Tools (multiple
choice). Segments, [start, end):
  r1 (R1) "alpha beta gamma delta"  s1 [0,10) A1   s2 [6,16) B (overlaps s1)   s3 [17,22) A2+B
  r2 (R2) "one two three"           s4 [0,3) A1    s5 [8,13) B (apart)
  r3 (R3) "solo"                    s6 [0,4) A2
  r4 (R4) a transcript: the interviewer's turn [0,20) holds s7 B (not R4's words, not counted),
          R4's own turn [21,36) holds s8 A1
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dotsdesk.model import AttributeType, TurnRole
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.corpus.respondents import add_respondent, define_attribute
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.corpus.turns import NewTurn, set_turns
from dotsdesk.store import Project

TRANSCRIPT = "Interviewer: bananas\nR4: apples answer"


@dataclass
class Study:
    codes: dict[str, int]
    responses: dict[str, int]
    segments: dict[str, int]


@pytest.fixture
def study(project: Project) -> Study:
    with project.write() as s:
        define_attribute(s, "Size", AttributeType.CATEGORY)
        define_attribute(s, "Tools", AttributeType.MULTI)
        people = {
            "R1": add_respondent(s, "R1", attributes={"Size": "small", "Tools": "Python\nR"}),
            "R2": add_respondent(s, "R2", attributes={"Size": "large", "Tools": "Python"}),
            "R3": add_respondent(s, "R3", attributes={"Size": "large"}),
            "R4": add_respondent(s, "R4"),
        }
        codes = {p: ensure_code(s, p).id for p in ("A/A1", "A/A2", "B")}
        codes["A"] = ensure_code(s, "A").id
        texts = {
            "r1": ("R1", "alpha beta gamma delta"),
            "r2": ("R2", "one two three"),
            "r3": ("R3", "solo"),
            "r4": ("R4", TRANSCRIPT),
        }
        responses = {
            key: add_response(s, people[who].id, text, language="en").id
            for key, (who, text) in texts.items()
        }
        own = TRANSCRIPT.index("R4:")
        set_turns(
            s,
            responses["r4"],
            [
                NewTurn(0, own - 1, TurnRole.INTERVIEWER, "Interviewer"),
                NewTurn(own, len(TRANSCRIPT), TurnRole.RESPONDENT, "R4", people["R4"].id),
            ],
        )
        plan = {
            "s1": ("r1", 0, 10, ["A/A1"]),
            "s2": ("r1", 6, 16, ["B"]),
            "s3": ("r1", 17, 22, ["A/A2", "B"]),
            "s4": ("r2", 0, 3, ["A/A1"]),
            "s5": ("r2", 8, 13, ["B"]),
            "s6": ("r3", 0, 4, ["A/A2"]),
            "s7": ("r4", 13, 20, ["B"]),
            "s8": ("r4", own + 4, len(TRANSCRIPT), ["A/A1"]),
        }
        segments = {
            key: coding.code_span(
                s, responses[r], start, end, [codes[c] for c in cs], coder="ann"
            ).id
            for key, (r, start, end, cs) in plan.items()
        }
    return Study(codes, responses, segments)
