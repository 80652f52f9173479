#!/usr/bin/env bash
# Python 3.11 for the bundle of an older system, run inside its root by
# scripts/package_debian11.sh: built from Debian's own source package of python3.11
# (bookworm's; apt checks the download against the signed Sources index) into PREFIX,
# shared (PyInstaller bundles libpython), with the upstream fixes Debian carries: the part of
# its patch series from shutdown-deadlock.diff on. The patches before it fit Python into
# Debian's own layout (dist-packages, multiarch) and turn ensurepip off, which a private
# interpreter with its own venv must not have.
#   build_python.sh PREFIX                 built for this root, installed into PREFIX
#   build_python.sh PREFIX ARCH DESTDIR    cross-compiled for ARCH (arm64) with the root's
#     crossbuild-essential and ARCH's -dev packages, using PREFIX's own Python as the build
#     Python, and installed under DESTDIR (compiling Python under emulation takes hours)
# With GLIBC_COMPAT=2.28 (x86_64, native only) the result imports nothing newer than glibc
# 2.28 although built on 2.31: no sem_clockwait (2.30), the old math entry points
# (packaging/glibc228/compat.c, at /build/compat.c) linked into everything, and SQLite
# built from bullseye's source with them and linked into _sqlite3 (the system's imports
# the new ones). Decision 0023.
set -euo pipefail
PREFIX=${1:?usage: build_python.sh PREFIX [ARCH DESTDIR]}
CROSS=${2:-}
DESTDIR=${3:-}
FIRST_FIX=shutdown-deadlock.diff
mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
cat >/etc/apt/sources.list.d/bookworm-src.list <<EOF
deb-src $mirror bookworm main
deb-src $mirror bullseye main
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
if [ -n "${GLIBC_COMPAT:-}" ]; then
  [ "$GLIBC_COMPAT" = 2.28 ] && [ "$(uname -m)" = x86_64 ] && [ -z "$CROSS" ] ||
    { echo "build_python: GLIBC_COMPAT=2.28 is for a native x86_64 build only" >&2; exit 1; }
  gcc -O2 -fPIC -c -o /build/compat.o /build/compat.c
  # the options Debian builds its libsqlite3 with (debian/rules): the archive's search
  # index is FTS5
  SQLITE_DEFINES="-fno-strict-aliasing -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA
    -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1
    -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1
    -DSQLITE_ENABLE_LOAD_EXTENSION -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS
    -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION
    -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000"
  SQLITE_DEFINES=$(echo $SQLITE_DEFINES)
  rm -rf /build/sqlite
  (mkdir -p /build/sqlite && chown _apt /build/sqlite && cd /build/sqlite &&
   apt-get source -qq sqlite3/bullseye >/dev/null && cd sqlite3-*/ &&
   ./configure -q --disable-shared --with-pic --disable-tcl --enable-threadsafe \
     --enable-json1 --enable-fts4 --enable-fts5 CFLAGS="-O2 -fPIC $SQLITE_DEFINES" &&
   make -s sqlite3.c libsqlite3.la >/dev/null &&
   ar rs .libs/libsqlite3.a /build/compat.o)
  SQLITE=$(ls -d /build/sqlite/sqlite3-*/)
  ./configure -q --prefix="$PREFIX" --enable-shared ac_cv_func_sem_clockwait=no \
    LIBSQLITE3_CFLAGS="-I$SQLITE" LIBSQLITE3_LIBS="$SQLITE.libs/libsqlite3.a -lm" \
    LDFLAGS="-Wl,-rpath,$PREFIX/lib /build/compat.o -lm"
  make -s -j"$(nproc)"
  make -s altinstall
  "$PREFIX/bin/python3.11" -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, pyexpat, uuid
sqlite3.connect(':memory:').execute('create virtual table t using fts5(x, tokenize=trigram)')"
elif [ -z "$CROSS" ]; then
  ./configure -q --prefix="$PREFIX" --enable-shared LDFLAGS="-Wl,-rpath,$PREFIX/lib"
  make -s -j"$(nproc)"
  make -s altinstall
  # what the program and pip need; a module left out for want of a library fails here
  "$PREFIX/bin/python3.11" -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, pyexpat, uuid"
else
  triplet=$(dpkg-architecture -a"$CROSS" -qDEB_HOST_GNU_TYPE)
  PKG_CONFIG_LIBDIR=/usr/lib/$triplet/pkgconfig:/usr/share/pkgconfig \
  CONFIG_SITE=/dev/null ./configure -q --prefix="$PREFIX" --enable-shared \
    --host="$triplet" --build="$(dpkg-architecture -qDEB_BUILD_GNU_TYPE)" \
    --with-build-python="$PREFIX/bin/python3.11" --with-ensurepip=no \
    ac_cv_file__dev_ptmx=yes ac_cv_file__dev_ptc=no ac_cv_buggy_getaddrinfo=no \
    LDFLAGS="-Wl,-rpath,$PREFIX/lib"
  make -s -j"$(nproc)"
  rm -rf "$DESTDIR"
  make -s altinstall DESTDIR="$DESTDIR"
  for module in _ssl _sqlite3 _lzma _bz2 zlib _ctypes pyexpat _uuid; do
    ls "$DESTDIR$PREFIX"/lib/python3.11/lib-dynload/"$module".cpython-311-*.so >/dev/null
  done
fi
