"""Progress of a long command on stderr, only when a person is watching (a terminal): one
line redrawn in place, so scripts reading the output see nothing of it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO


def terminal_progress(
    label: str, stream: TextIO | None = None
) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` that draws "label … 45%" on the terminal; None when
    stderr is not one."""
    out = stream or sys.stderr
    if not out.isatty():
        return None
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // total if total > 0 else 100
        if percent != shown[0]:
            shown[0] = percent
            out.write(f"\r{label} … {percent:3d}%")
            if percent >= 100:
                out.write("\n")
            out.flush()

    return progress
