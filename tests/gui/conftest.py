"""GUI tests run offscreen against real widgets and real project files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
