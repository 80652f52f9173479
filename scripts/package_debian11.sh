#!/usr/bin/env bash
# The bundle and the .deb for glibc 2.31 (Kylin V10 SP1, Debian 11; amd64 or arm64), built
# inside a Debian 11 root: bash scripts/package.sh --target debian11 [--arch ARCH] [OUT].
# The root (debootstrap) and the Python 3.11 built in it from Debian's source package are
# kept under $LIANLUO_DESK_ROOTS (/var/tmp/lianluo-desk-roots) for the next build; OUT
# (dist-debian11/) gets lianluo-desk_VERSION_ARCH_glibc2.31.deb and the bundle's folder.
# Needs root.
# Why and how long: docs/decisions/0023-packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
ARCH=$(dpkg --print-architecture)
if [ "${1:-}" = --arch ]; then ARCH=$2; shift 2; fi
OUT=$(mkdir -p "${1:-dist-debian11}" && cd "${1:-dist-debian11}" && pwd)
# shellcheck source=scripts/debroot.sh
. scripts/debroot.sh
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
trap unmount_roots EXIT
start=$(date +%s)
PY=/opt/python3.11
# building Python (Debian's own build dependencies of python3.11, less docs and tests) and
# running PyInstaller's analysis, which loads Qt: the libraries of the .deb's Depends, and
# CUPS, which the bundle carries for Qt's print support as the Debian 12 one does
BUILD_PACKAGES="ca-certificates xz-utils binutils pkg-config libcups2 libssl-dev zlib1g-dev libffi-dev
  libbz2-dev liblzma-dev libsqlite3-dev libexpat1-dev uuid-dev libreadline-dev
  libncursesw5-dev libgdbm-dev $(grep -v -e '^#' -e '^libc6' packaging/deb/depends |
  sed 's/ |.*//')"
BUILD_PACKAGES=$(echo $BUILD_PACKAGES)  # one line

choose_runner "$ARCH"
ROOT=$ROOTS/$SUITE-$ARCH-build
make_root "$SUITE-$ARCH-build" "$ARCH" buildd
if [ ! -e "$ROOT/.packages" ] || [ "$(cat "$ROOT/.packages")" != "$BUILD_PACKAGES" ]; then
  say "installing the build's packages from $SUITE"
  # shellcheck disable=SC2086
  in_root "$ROOT" sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends \
    $BUILD_PACKAGES" >"$ROOTS/$SUITE-$ARCH-packages.log" 2>&1 ||
    { tail -20 "$ROOTS/$SUITE-$ARCH-packages.log" >&2; die "apt-get install failed"; }
  echo "$BUILD_PACKAGES" >"$ROOT/.packages"
fi

# the certificate authorities this machine adds (a proxy's, say) are trusted in the root
# too, by pip as well (PIP_CERT below: pip's own bundle knows only the public ones)
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  in_root "$ROOT" update-ca-certificates >/dev/null 2>&1
fi

# Python 3.11 from Debian's source package (scripts/build_python.sh), kept in the root
if [ ! -x "$ROOT$PY/bin/pip3.11" ]; then
  say "building Python 3.11 in the root (log: $ROOTS/$SUITE-$ARCH-python.log)"
  pystart=$(date +%s)
  install -D -m 755 scripts/build_python.sh "$ROOT/build/build_python.sh"
  in_root "$ROOT" /build/build_python.sh "$PY" >"$ROOTS/$SUITE-$ARCH-python.log" 2>&1 ||
    { tail -30 "$ROOTS/$SUITE-$ARCH-python.log" >&2; die "building Python failed"; }
  grep '^build_python:' "$ROOTS/$SUITE-$ARCH-python.log" || true
  say "Python $(in_root "$ROOT" $PY/bin/python3.11 -c 'import sys; print(sys.version.split()[0])')" \
      "built in $(( $(date +%s) - pystart )) s"
fi

# the project's files (what git knows, committed or not) in the root; its .venv is kept
TREE=$ROOT/build/lianluo-desk
mkdir -p "$TREE"
find "$TREE" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$TREE"
rm -rf "$ROOT/build/out"
in_root "$ROOT" bash -c "cd /build/lianluo-desk && PYTHON=$PY/bin/python3.11 \
  PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
  LIANLUO_DESK_CONSTRAINTS=constraints-debian11.txt LIANLUO_DESK_GLIBC_MAX=2.31 \
  bash scripts/package.sh /build/out"
rm -rf "$OUT/lianluo-desk"
cp -a "$ROOT/build/out/lianluo-desk" "$OUT/"
# named for the systems it is for, beside the Debian 12 build's lianluo-desk_VERSION_ARCH.deb
DEB=$(ls "$ROOT"/build/out/lianluo-desk_*.deb)
NAME=$(basename "$DEB" .deb)_glibc2.31.deb
cp "$DEB" "$OUT/$NAME"
say "$OUT/$NAME ($(dpkg-deb -f "$DEB" Depends | cut -d, -f1)) in $(( $(date +%s) - start )) s"
