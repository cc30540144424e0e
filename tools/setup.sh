#!/usr/bin/env bash
# Set up dotsdesk from a checkout on Debian/Ubuntu: the system libraries Qt needs (offscreen
# and on a desktop), a virtual environment in .venv, and dotsdesk with its test tools.
# Safe to run again; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

# Qt's offscreen platform needs EGL/GL, fontconfig, xkbcommon, glib and dbus; a desktop
# session (xcb) needs the xcb helpers too. Newer Debian/Ubuntu rename some (t64 suffix).
WANTED="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0|libglib2.0-0t64
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
libxcb-randr0 libxcb-render-util0 libxcb-image0"
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  WANTED="$WANTED python3-venv"
fi

if command -v dpkg >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for choice in $WANTED; do
    installed=no
    for pkg in ${choice//|/ }; do
      if dpkg -s "$pkg" >/dev/null 2>&1; then installed=yes; fi
    done
    [ "$installed" = yes ] || missing+=("$choice")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system libraries: ${missing[*]}"
    $SUDO apt-get update -qq
    install=()
    for choice in "${missing[@]}"; do
      for pkg in ${choice//|/ }; do
        if apt-cache show "$pkg" >/dev/null 2>&1; then install+=("$pkg"); break; fi
      done
    done
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${install[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian/Ubuntu system; install Qt 6's runtime libraries yourself if the app fails to start"
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test,dev]'
echo "setup: done ($(.venv/bin/dotsdesk --version))"
