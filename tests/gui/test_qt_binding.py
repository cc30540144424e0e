"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 under Python 3.11 releases a reference to None on every call that returns
nothing; a real session aborts with "none_dealloc" within the hour. The subprocess makes
many such calls and must survive.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
before = sys.getrefcount(None)
for _ in range(50000):
    w.setEnabled(True)
print(sys.getrefcount(None) - before)
"""


def test_void_calls_leave_none_alone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          env=env, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-500:]
    assert abs(int(proc.stdout.strip().splitlines()[-1])) < 100
