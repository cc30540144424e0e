"""The objectNames of the main window's panels (its docks), without importing Qt: the
command line's `screenshot --panel` lists them in its help. tests/e2e checks the window has
exactly these."""

from __future__ import annotations

PANELS = (
    "responseBrowser",
    "codingPanel",
    "codebook",
    "consentTracker",
    "draftComposer",
    "analysisPanel",
    "retrievePanel",
    "setsPanel",
    "memoList",
)
