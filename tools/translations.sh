#!/usr/bin/env bash
# Refresh the window's translation catalogues from the code, then compile them.
#   bash tools/translations.sh          # lupdate (new strings in, vanished ones out) + lrelease
#   bash tools/translations.sh release  # lrelease only, after translating in the .ts
# The .ts files are the sources (translate them in Qt Linguist, `pyside6-linguist`, or any
# editor); the .qm files beside them are compiled from them and committed, and
# tests/unit/test_translations.py fails when a .qm is older than its .ts says.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
dir=resources/translations
if [ "${1:-}" != release ]; then
  mapfile -t sources < <(find src/dotsdesk/ui -name '*.py' | LC_ALL=C sort)
  # No source locations: they would change the catalogue on every edit of the code.
  "$bin/pyside6-lupdate" -locations none -no-obsolete "${sources[@]}" -ts "$dir/dotsdesk_zh_CN.ts"
  # English needs only the plural forms of %n messages ("1 segment", "2 segments").
  "$bin/pyside6-lupdate" -locations none -no-obsolete -pluralonly "${sources[@]}" -ts "$dir/dotsdesk_en.ts"
fi
for ts in "$dir"/*.ts; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
