#!/usr/bin/env bash
# Python 3.11 for the bundle of an older system, run inside its root by
# scripts/package_debian11.sh: built from Debian's own source package of python3.11
# (bookworm's; apt checks the download against the signed Sources index) into PREFIX,
# shared (PyInstaller bundles libpython), with the upstream fixes Debian carries: the part of
# its patch series from shutdown-deadlock.diff on. The patches before it fit Python into
# Debian's own layout (dist-packages, multiarch) and turn ensurepip off, which a private
# interpreter with its own venv must not have.
set -euo pipefail
PREFIX=${1:?usage: build_python.sh PREFIX}
FIRST_FIX=shutdown-deadlock.diff
cat >/etc/apt/sources.list.d/bookworm-src.list <<EOF
deb-src $(awk '/^deb /{print $2; exit}' /etc/apt/sources.list) bookworm main
EOF
apt-get update -qq
rm -rf /build/python
mkdir -p /build/python
chown _apt /build/python  # apt downloads as its own user
cd /build/python
apt-get source -qq --download-only python3.11
dpkg-source --skip-patches -x python3.11_*.dsc src >/dev/null
cd src
grep -qx "$FIRST_FIX" debian/patches/series ||
  { echo "build_python: $FIRST_FIX is not in Debian's series any more: look again" >&2; exit 1; }
sed -n "/^$FIRST_FIX\$/,\$p" debian/patches/series | grep -v -e '^#' -e '^$' |
  while read -r patch; do
    patch -s -p1 --forward --no-backup-if-mismatch <"debian/patches/$patch"
  done
# Debian builds pyexpat as a core module (Modules/Setup); a fix of its series includes a
# core header there, so built by setup.py as here it needs the define Python 3.12's file has
if grep -q '^#include "pycore_' Modules/pyexpat.c && ! grep -q Py_BUILD_CORE Modules/pyexpat.c
then
  sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' \
    Modules/pyexpat.c
fi
echo "build_python: $(dpkg-parsechangelog -S Version) with $(sed -n "/^$FIRST_FIX\$/,\$p" \
  debian/patches/series | grep -vc '^#') of Debian's patches"
./configure -q --prefix="$PREFIX" --enable-shared LDFLAGS="-Wl,-rpath,$PREFIX/lib"
make -s -j"$(nproc)"
make -s altinstall
# what the program and pip need; a module left out for want of a library fails here
"$PREFIX/bin/python3.11" -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, pyexpat, uuid"
