#!/usr/bin/env bash
# Build dist/dotsdesk-VERSION-linux-x86_64.tar.gz from a checkout: a PyInstaller
# one-folder bundle plus the desktop entry, icons, MIME type, AppStream metainfo and the
# install/uninstall scripts. VERSION comes from the package metadata (pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh >/dev/null
.venv/bin/python -m pip install --quiet "pyinstaller>=6.5"
version=$(.venv/bin/python -c "from importlib.metadata import version; print(version('dotsdesk'))")
arch=$(uname -m)
name="dotsdesk-$version-linux-$arch"
stage="build/$name"
rm -rf build/pyinstaller "$stage"
mkdir -p dist "$stage/share/icons/hicolor/scalable/apps"

.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath build/pyinstaller/dist \
  --workpath build/pyinstaller/work packaging/dotsdesk.spec
cp -a build/pyinstaller/dist/dotsdesk "$stage/dotsdesk"

.venv/bin/python packaging/make_icons.py "$stage/share/icons/hicolor" >/dev/null
cp resources/icons/dotsdesk.svg "$stage/share/icons/hicolor/scalable/apps/io.github.dotsdesk.dotsdesk.svg"
cp packaging/linux/io.github.dotsdesk.dotsdesk.desktop packaging/linux/dotsdesk-mime.xml "$stage/share/"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" \
  packaging/linux/io.github.dotsdesk.dotsdesk.metainfo.xml > "$stage/share/io.github.dotsdesk.dotsdesk.metainfo.xml"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
cp README.md "$stage/"

tar -C build -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1); unpacked $(du -sh "$stage" | cut -f1))"
