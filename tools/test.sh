#!/usr/bin/env bash
# Run the test suite (unit, GUI offscreen, end-to-end, PostgreSQL), setting up first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check src tests
# Team projects are tested against a real PostgreSQL: a throwaway cluster, stopped after.
if [[ -z "${DOTSDESK_TEST_PG:-}" ]]; then
  pgroot=$(mktemp -d)
  trap 'bash tools/pgcluster.sh stop "$pgroot/cluster"; rm -rf "$pgroot"' EXIT
  DOTSDESK_TEST_PG=$(bash tools/pgcluster.sh start "$pgroot/cluster")
  export DOTSDESK_TEST_PG
fi
# Every core (pytest-xdist). A worker that crashes is reported with its test, and the rest
# still run (scheduling by file would wait forever for the file it held).
.venv/bin/python -m pytest -n auto "$@"
