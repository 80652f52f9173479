#!/usr/bin/env bash
# Build the one-folder bundle OUT/lianluo-desk/ (PyInstaller, packaging/lianluo-desk.spec)
# and, where dpkg-deb is there, OUT/lianluo-desk_VERSION_ARCH.deb from it. OUT is dist/
# unless given. Needs what scripts/setup.sh needs, and objdump (binutils).
#   --target debian11 [--arch amd64|arm64] [OUT]: the same, built inside a Debian 11 root
#   for systems with glibc 2.31 (scripts/package_debian11.sh).
# LIANLUO_DESK_CONSTRAINTS names another constraints file (then only the program's own
# packages are installed, with $PYTHON); LIANLUO_DESK_GLIBC_MAX fails a bundle needing more.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --target ]; then
  [ "${2:-}" = debian11 ] || { echo "package: unknown target ${2:-}" >&2; exit 2; }
  shift 2
  exec bash scripts/package_debian11.sh "$@"
fi
OUT=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
CONSTRAINTS=${LIANLUO_DESK_CONSTRAINTS:-constraints.txt}
if [ "$CONSTRAINTS" = constraints.txt ]; then
  bash scripts/setup.sh
  EXTRAS=package
else  # a build for another system: no test tools, no system packages
  [ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >.venv/pip.log 2>&1 || { cat .venv/pip.log >&2; exit 1; }
  EXTRAS=ui,package
fi
if ! .venv/bin/python -m pip install -q -c "$CONSTRAINTS" -e ".[$EXTRAS]" >.venv/pip-package.log 2>&1; then
  cat .venv/pip-package.log >&2
  echo "package: installing PyInstaller failed (see above)" >&2
  exit 1
fi
start=$(date +%s)
WORK="$OUT/.build"  # PyInstaller's work files, the icons and the .deb's tree, per OUT
rm -rf "$OUT/lianluo-desk"
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT" \
  --workpath "$WORK" packaging/lianluo-desk.spec
BUNDLE="$OUT/lianluo-desk"
# the newest C library symbol version any binary of the bundle uses: the glibc it needs
glibc=$(.venv/bin/python packaging/glibc_floor.py "$BUNDLE" \
        ${LIANLUO_DESK_GLIBC_MAX:+--max "$LIANLUO_DESK_GLIBC_MAX"}) ||
  { echo "package: the bundle needs a newer glibc than ${LIANLUO_DESK_GLIBC_MAX:-any}" >&2; exit 1; }
echo "package: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), needs glibc $glibc," \
     "built in $(( $(date +%s) - start )) s)"

command -v dpkg-deb >/dev/null 2>&1 || { echo "package: no dpkg-deb, no .deb"; exit 0; }
VERSION=$(.venv/bin/python -c \
  "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
ARCH=$(dpkg --print-architecture)
STAGE="$WORK/deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages"
cp -a "$BUNDLE" "$STAGE/opt/lianluo-desk"
install -m 755 packaging/deb/lianluo-desk.sh "$STAGE/usr/bin/lianluo-desk"
install -m 644 packaging/lianluo-desk.desktop "$STAGE/usr/share/applications/"
install -m 644 packaging/lianluo-desk-mime.xml "$STAGE/usr/share/mime/packages/lianluo-desk.xml"
for s in 16 24 32 48 64 128 256; do
  install -D -m 644 "$WORK/icons/lianluo-desk-$s.png" \
    "$STAGE/usr/share/icons/hicolor/${s}x${s}/apps/lianluo-desk.png"
done
chmod -R u+rwX,go+rX,go-w "$STAGE"
DEPENDS=$(grep -v '^#' packaging/deb/depends | sed "s/@GLIBC@/$glibc/" |
          paste -sd, | sed 's/,/, /g')
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
    -e "s/@DEPENDS@/$DEPENDS/" packaging/deb/control >"$STAGE/DEBIAN/control"
# the desktop database, MIME database and icon cache are refreshed by dpkg's triggers
DEB="$OUT/lianluo-desk_${VERSION}_${ARCH}.deb"
# gzip: a fifth larger than xz, ten times faster to build on two cores
dpkg-deb --root-owner-group -Zgzip -z6 --build "$STAGE" "$DEB" >/dev/null
echo "package: $DEB ($(du -h "$DEB" | cut -f1), built in $(( $(date +%s) - start )) s)"
