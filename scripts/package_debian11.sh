#!/usr/bin/env bash
# The bundle and the .deb for glibc 2.31 (Kylin V10 SP1, Debian 11; amd64 or arm64), built
# inside a Debian 11 root: bash scripts/package.sh --target debian11 [--arch ARCH] [OUT];
# with --glibc 2.28 for UOS V20 and Kylin V10 (amd64 only).
# The root (debootstrap) and the Python 3.11 built in it from Debian's source package are
# kept under $LIANLUO_DESK_ROOTS (/var/tmp/lianluo-desk-roots) for the next build; OUT
# (dist-debian11/) gets lianluo-desk_VERSION_ARCH_glibcX.deb and the bundle's folder.
# Needs root.
# Why and how long: docs/decisions/0023-packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ARCH=$(dpkg --print-architecture)
GLIBC=2.31  # --glibc 2.28: Python and SQLite linked to import nothing newer (x86_64)
while [ $# -gt 0 ]; do
  case $1 in
    --arch) ARCH=$2; shift 2 ;;
    --glibc) GLIBC=$2; shift 2 ;;
    *) break ;;
  esac
done
OUT=$(mkdir -p "${1:-dist-debian11}" && cd "${1:-dist-debian11}" && pwd)
# shellcheck source=scripts/debroot.sh
. scripts/debroot.sh
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot)"
command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
trap unmount_roots EXIT
start=$(date +%s)
PY=/opt/python3.11
TREE_NAME=lianluo-desk
case $GLIBC in
  2.31) ;;
  2.28) [ "$ARCH" = amd64 ] || die "--glibc 2.28 is for amd64 only (no PySide6 for aarch64)"
        PY=/opt/python3.11-glibc2.28 TREE_NAME=lianluo-desk-glibc2.28 ;;
  *) die "--glibc $GLIBC: 2.31 or 2.28" ;;
esac
# building Python (Debian's own build dependencies of python3.11, less docs and tests) and
# running PyInstaller's analysis, which loads Qt: the libraries of the .deb's Depends, and
# CUPS, which the bundle carries for Qt's print support as the Debian 12 one does, and
# the X session libraries PySide6 6.8's xcb support links (libSM, libICE: carried too)
BUILD_PACKAGES="ca-certificates xz-utils binutils pkg-config libcups2 libsm6 libice6
  libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev libexpat1-dev
  uuid-dev libreadline-dev
  libncursesw5-dev libgdbm-dev $(grep -v -e '^#' -e '^libc6' packaging/deb/depends |
  sed 's/ |.*//')"
BUILD_PACKAGES=$(echo $BUILD_PACKAGES)  # one line

choose_runner "$ARCH"
ROOT=$ROOTS/$SUITE-$ARCH-build
make_root "$SUITE-$ARCH-build" "$ARCH" buildd
if [ ! -e "$ROOT/.packages" ] || [ "$(cat "$ROOT/.packages")" != "$BUILD_PACKAGES" ]; then
  say "installing the build's packages from $SUITE"
  : >"$ROOTS/$SUITE-$ARCH-packages.log"
  # shellcheck disable=SC2086
  apt_install "$ROOT" "$ROOTS/$SUITE-$ARCH-packages.log" $BUILD_PACKAGES ||
    { tail -20 "$ROOTS/$SUITE-$ARCH-packages.log" >&2; die "apt-get install failed"; }
  echo "$BUILD_PACKAGES" >"$ROOT/.packages"
fi

# the certificate authorities this machine adds (a proxy's, say) are trusted in the root
# too, by pip as well (PIP_CERT below: pip's own bundle knows only the public ones)
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  in_root "$ROOT" update-ca-certificates >/dev/null 2>&1
fi

# Python 3.11 from Debian's source package (scripts/build_python.sh), kept in the root:
# built there, or for another processor cross-compiled in a root of this one
if [ ! -x "$ROOT$PY/bin/pip3.11" ]; then
  PYLOG=$ROOTS/$SUITE-$ARCH-python-glibc$GLIBC.log
  say "building Python 3.11 for $ARCH, glibc $GLIBC (log: $PYLOG)"
  pystart=$(date +%s)
  : >"$PYLOG"
  NATIVE=$ROOTS/$SUITE-$(native_arch)-build
  if [ "$ARCH" != "$(native_arch)" ]; then
    [ -x "$NATIVE$PY/bin/pip3.11" ] ||
      die "build for $(native_arch) first: its Python builds $ARCH's"
    # a root of this processor for the cross-compiler, from the same suites as ARCH's root
    # (a library's -dev package for two processors must be the same version on both)
    CROSS=$SUITE-$(native_arch)-cross-$ARCH
    FOREIGN=$RUNNER
    RUNNER=chroot
    make_root "$CROSS" "$(native_arch)" buildd
    CROSS=$ROOTS/$CROSS
    cp "$ROOT/etc/apt/sources.list" "$CROSS/etc/apt/sources.list"
    rm -rf "$CROSS$PY" && cp -a "$NATIVE$PY" "$CROSS$(dirname $PY)/"  # the build Python
    DEV="libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev libexpat1-dev
         uuid-dev"
    # shellcheck disable=SC2086
    { in_root "$CROSS" dpkg --add-architecture "$ARCH" &&
      apt_install "$CROSS" "$PYLOG" crossbuild-essential-"$ARCH" \
        pkg-config $DEV $(echo $DEV | sed "s/\([^ ]*\)/\1:$ARCH/g") &&
      install -D -m 755 scripts/build_python.sh "$CROSS/build/build_python.sh" &&
      in_root "$CROSS" /build/build_python.sh "$PY" "$ARCH" "/build/python-$ARCH" \
        >>"$PYLOG" 2>&1; } ||
      { tail -30 "$PYLOG" >&2; die "cross-compiling Python failed"; }
    RUNNER=$FOREIGN
    cp -a "$CROSS/build/python-$ARCH$PY" "$ROOT$(dirname $PY)/"
    in_root "$ROOT" $PY/bin/python3.11 -m ensurepip --altinstall \
      >>"$PYLOG" 2>&1 || die "ensurepip failed under emulation"
    in_root "$ROOT" $PY/bin/python3.11 -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, pyexpat"
  else
    install -D -m 755 scripts/build_python.sh "$ROOT/build/build_python.sh"
    install -D -m 644 packaging/glibc228/compat.c "$ROOT/build/compat.c"
    if [ "$GLIBC" = 2.28 ]; then  # tclsh makes SQLite's amalgamation
      apt_install "$ROOT" "$PYLOG" tcl || die "installing tcl failed"
    fi
    in_root "$ROOT" env "GLIBC_COMPAT=${GLIBC/2.31/}" /build/build_python.sh "$PY" \
      >>"$PYLOG" 2>&1 ||
      { tail -30 "$PYLOG" >&2; die "building Python failed"; }
  fi
  grep '^build_python:' "$PYLOG" || true
  version=$(in_root "$ROOT" $PY/bin/python3.11 -c 'import sys; print(sys.version.split()[0])')
  say "Python $version for $ARCH built in $(( $(date +%s) - pystart )) s"
fi

# the project's files (what git knows, committed or not) in the root; its .venv is kept
TREE=$ROOT/build/$TREE_NAME
mkdir -p "$TREE"
find "$TREE" -mindepth 1 -maxdepth 1 ! -name .venv -exec rm -rf {} +
git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$TREE"
rm -rf "$ROOT/build/out"
in_root "$ROOT" bash -c "cd /build/$TREE_NAME && PYTHON=$PY/bin/python3.11 \
  PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
  LIANLUO_DESK_CONSTRAINTS=constraints-debian11.txt LIANLUO_DESK_GLIBC_MAX=$GLIBC \
  bash scripts/package.sh /build/out"
rm -rf "$OUT/lianluo-desk"
cp -a "$ROOT/build/out/lianluo-desk" "$OUT/"
# named for the systems it is for, beside the Debian 12 build's lianluo-desk_VERSION_ARCH.deb
DEB=$(ls "$ROOT"/build/out/lianluo-desk_*.deb)
NAME=$(basename "$DEB" .deb)_glibc$GLIBC.deb
cp "$DEB" "$OUT/$NAME"
say "$OUT/$NAME ($(dpkg-deb -f "$DEB" Depends | cut -d, -f1)) in $(( $(date +%s) - start )) s"
