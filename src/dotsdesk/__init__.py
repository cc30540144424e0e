"""dotsdesk: qualitative research that ends in writing."""

from __future__ import annotations

import os
from functools import cache

# numpy's linear algebra threads would spin on the second core that an import's other
# thread (or the window) needs; the products dotsdesk asks for are small.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


@cache
def _version() -> str:
    # importlib.metadata scans the installed distributions: 30 ms no command should pay
    # before it needs the version.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dotsdesk")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
