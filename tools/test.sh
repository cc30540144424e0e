#!/usr/bin/env bash
# Run the test suite (unit, GUI offscreen, end-to-end), setting up first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests
exec .venv/bin/python -m pytest "$@"
