"""The foundation-layer benchmark: a deterministic corpus and a runner that times the store,
services, importers and exporters against the design's performance budget.

Run it with `dotsdesk-bench` (see `dotsdesk-bench --help`).
"""

from .corpus import Corpus, generate

__all__ = ["Corpus", "generate"]
