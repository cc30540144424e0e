#!/usr/bin/env bash
# Remove exactly what install.sh put in place (listed in its manifest); your projects,
# settings and the sample project are left alone.
set -euo pipefail
data="${XDG_DATA_HOME:-$HOME/.local/share}"
manifest="$data/dotsdesk/install-manifest.txt"
if [ ! -f "$manifest" ]; then
  [ "${1:-}" = --quiet ] || echo "dotsdesk: not installed for this user (no $manifest)"
  exit 0
fi
while IFS= read -r path; do
  case "$path" in
    "$data"/*|"$HOME/.local/bin/dotsdesk") rm -rf -- "$path" ;;
    *) echo "dotsdesk: skipping unexpected manifest entry: $path" >&2 ;;
  esac
done < "$manifest"
rm -f "$manifest"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
[ "${1:-}" = --quiet ] || echo "dotsdesk uninstalled."
