#!/usr/bin/env bash
# Slow end-to-end check of the Linux bundle (not part of the test suite): build it, then use
# it as a user would, offscreen: --version, demo, info --json, export, screenshot; install it
# into a scratch HOME, validate the desktop files, time start-up, uninstall.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq desktop-file-utils appstream >/dev/null
fi
bash packaging/build-linux.sh
tarball=$(ls -t dist/dotsdesk-*-linux-*.tar.gz | head -1)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -C "$scratch" -xzf "$tarball"
bundle=$(ls -d "$scratch"/dotsdesk-*/)
exe="$bundle/dotsdesk/dotsdesk"
export QT_QPA_PLATFORM=offscreen HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share"
export XDG_CONFIG_HOME="$scratch/home/.config"
mkdir -p "$HOME"
step() { echo "--- $*"; }

step "--version";        "$exe" --version
step "demo";             "$exe" demo "$scratch/sample.dots"
step "info --json";      "$exe" info "$scratch/sample.dots" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["respondents"] == 30, d; print("respondents", d["respondents"])'
step "export";           "$exe" export "$scratch/sample.dots" "$scratch/out.xlsx"
step "screenshot";       "$exe" screenshot "$scratch/sample.dots" "$scratch/shot.png"
test -s "$scratch/shot.png"
step "welcome sample";   "$exe" demo && test -f "$XDG_DATA_HOME/dotsdesk/sample.dots"

step "validate desktop files"
desktop-file-validate "$bundle/share/io.github.dotsdesk.dotsdesk.desktop"
appstreamcli validate --no-net --pedantic "$bundle/share/io.github.dotsdesk.dotsdesk.metainfo.xml" || \
  appstreamcli validate --no-net "$bundle/share/io.github.dotsdesk.dotsdesk.metainfo.xml"
xmllint --noout "$bundle/share/dotsdesk-mime.xml" 2>/dev/null || true

step "install"
bash "$bundle/install.sh"
test -x "$HOME/.local/bin/dotsdesk" && "$HOME/.local/bin/dotsdesk" --version
test -f "$XDG_DATA_HOME/applications/io.github.dotsdesk.dotsdesk.desktop"
test -f "$XDG_DATA_HOME/mime/packages/dotsdesk.xml"
test -f "$XDG_DATA_HOME/icons/hicolor/256x256/apps/io.github.dotsdesk.dotsdesk.png"

step "start-up time (launch to shown main window)"
for run in bundle installed; do
  cmd="$exe"; [ $run = installed ] && cmd="$HOME/.local/bin/dotsdesk"
  start=$(date +%s.%N)
  shown=$(DOTSDESK_EXIT_WHEN_SHOWN=1 "$cmd" open "$scratch/sample.dots" | tail -1)
  python3 -c "print('$run: %.2f s' % ($shown - $start))"
done

step "uninstall"
bash "$bundle/uninstall.sh"
left=$(find "$XDG_DATA_HOME" "$HOME/.local/bin" -name '*dotsdesk*' ! -name 'sample.dots*' ! -path '*/dotsdesk' 2>/dev/null || true)
test ! -e "$HOME/.local/bin/dotsdesk"
test ! -e "$XDG_DATA_HOME/applications/io.github.dotsdesk.dotsdesk.desktop"
echo "left after uninstall (the user's data only): ${left:-nothing}"
du -sh "$bundle/dotsdesk" "$tarball"
echo "bundle OK"
