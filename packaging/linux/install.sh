#!/usr/bin/env bash
# Install this dotsdesk bundle for the current user, under ~/.local (no root needed):
# the app, a `dotsdesk` command, the menu entry, the icon, and the .dots file type.
# Every file written is listed in the manifest, which uninstall.sh removes exactly.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
app="$data/dotsdesk/app"
manifest="$data/dotsdesk/install-manifest.txt"

if [ -f "$manifest" ]; then
  echo "dotsdesk: an earlier install is there; removing it first"
  bash "$here/uninstall.sh" --quiet
fi
mkdir -p "$data/dotsdesk" "$bin" "$data/applications" "$data/mime/packages" "$data/metainfo"
: > "$manifest"
put() {  # put SOURCE TARGET: copy and remember
  mkdir -p "$(dirname "$2")"
  cp -a "$1" "$2"
  echo "$2" >> "$manifest"
}
rm -rf "$app"
cp -a "$here/dotsdesk" "$app"
echo "$app" >> "$manifest"
ln -sfn "$app/dotsdesk" "$bin/dotsdesk"
echo "$bin/dotsdesk" >> "$manifest"
put "$here/share/io.github.dotsdesk.dotsdesk.desktop" "$data/applications/io.github.dotsdesk.dotsdesk.desktop"
put "$here/share/dotsdesk-mime.xml" "$data/mime/packages/dotsdesk.xml"
put "$here/share/io.github.dotsdesk.dotsdesk.metainfo.xml" "$data/metainfo/io.github.dotsdesk.dotsdesk.metainfo.xml"
for icon in "$here"/share/icons/hicolor/*/apps/*.png "$here"/share/icons/hicolor/scalable/apps/*.svg; do
  rel="${icon#"$here/share/icons/"}"
  put "$icon" "$data/icons/$rel"
done
# The desktop's caches; harmless when the tools are missing.
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "dotsdesk installed: run 'dotsdesk' (in $bin) or find it in your applications menu."
case ":$PATH:" in *":$bin:"*) ;; *) echo "note: $bin is not on your PATH";; esac
