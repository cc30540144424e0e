"""Source profiles: one module per survey tool, each recognising its exports by structure.

`recognise(head)` asks each profile in turn; None means no tool was recognised and the table
is read the generic way. May import the surveys package's column roles and nothing above.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import google_forms, limesurvey, qualtrics, surveymonkey, tencent, wjx
from .base import HEAD_RECORDS, Answer, Column, Layout, Profile

__all__ = ["HEAD_RECORDS", "PROFILES", "Answer", "Column", "Layout", "Profile", "recognise"]

# The order matters only where two could claim a file: Google Forms last, as any tool whose
# first column is a timestamp over one header row looks like it.
PROFILES: list[Profile] = [
    qualtrics.PROFILE,
    surveymonkey.PROFILE,
    limesurvey.PROFILE,
    wjx.PROFILE,
    tencent.PROFILE,
    google_forms.PROFILE,
]


def recognise(head: Sequence[Sequence[str]]) -> Layout | None:
    for profile in PROFILES:
        layout = profile.recognise(head)
        if layout is not None:
            return layout
    return None
