#!/usr/bin/env bash
# Check a .deb for glibc 2.31 as an office machine would get it: bash scripts/check_deb.sh
# lianluo-desk_VERSION_ARCH.deb [OUT]. In a clean Debian 11 root (debootstrap's minimal
# system, made anew from a kept pristine copy) the .deb goes in through apt, Depends
# resolved from bullseye; then the program writes the sample's PDF and DOCX byte for byte as
# this source tree does, opens its window on an .lld file on Xvfb (screenshot in OUT),
# adds a Word 97 draft through bullseye's LibreOffice, and a purge leaves the root's files as
# they were. OUT (check-debian11/) also gets the logs. Needs root, debootstrap and this
# tree's .venv (bash scripts/setup.sh); the .deb's architecture picks the root's.
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=$(realpath "${1:?usage: check_deb.sh lianluo-desk_VERSION_ARCH.deb [OUT]}")
OUT=$(mkdir -p "${2:-check-debian11}" && cd "${2:-check-debian11}" && pwd)
# shellcheck source=scripts/debroot.sh
. scripts/debroot.sh
[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot)"
[ -x .venv/bin/lianluo-desk ] || die "no .venv here: run bash scripts/setup.sh first"
ARCH=$(dpkg-deb -f "$DEB" Architecture)
start=$(date +%s)
choose_runner "$ARCH"
make_root "$SUITE-$ARCH-clean" "$ARCH" minbase
ROOT=$ROOTS/$SUITE-$ARCH-check
trap 'remove_root "$ROOT"' EXIT
remove_root "$ROOT"
cp -a "$ROOTS/$SUITE-$ARCH-clean" "$ROOT"
LOG=$OUT/check.log
: >"$LOG"
run() { in_root "$ROOT" "$@" >>"$LOG" 2>&1; }
step() { say "$1 ($(( $(date +%s) - start )) s)"; echo "== $1" >>"$LOG"; }
fail() { tail -25 "$LOG" >&2; die "$1 (log: $LOG)"; }

# the files of the root, less what apt and dpkg keep about themselves and what runs leave
files() {
  (cd "$ROOT" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./tmp \
    -o -path ./run -o -path ./root -o -path ./var/log -o -path ./var/cache/apt \
    -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/cache/debconf \) -prune \
    -o -print | LC_ALL=C sort)
}

step "apt install ./$(basename "$DEB") in a clean $SUITE root"
cp "$DEB" "$ROOT/tmp/"
apt_install "$ROOT" "$LOG" "/tmp/$(basename "$DEB")" || fail "the .deb did not install"
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$LOG" | tail -1

step "Xvfb: nothing else a desktop has, so that a library the .deb lacks shows"
apt_install "$ROOT" "$LOG" xvfb xauth || fail "installing Xvfb failed"
mkdir -p "$ROOT/tmp/home"

step "the sample through the installed program and through this source tree"
mkdir -p "$ROOT/tmp/demo"
LIANLUO_DESK_SYSTEM_FONTS=0 HOME="$OUT/source-home" .venv/bin/lianluo-desk demo \
  "$OUT/source-demo" >>"$LOG" 2>&1 || fail "the source tree's demo failed"
run env HOME=/tmp/home LIANLUO_DESK_SYSTEM_FONTS=0 lianluo-desk demo /tmp/demo ||
  fail "lianluo-desk demo failed"
for f in "$OUT"/source-demo/*; do
  cmp "$f" "$ROOT/tmp/demo/$(basename "$f")" || fail "$(basename "$f") differs"
done
say "demo: $(cd "$OUT/source-demo" && ls | tr '\n' ' ')byte-identical"
# the archive (SQLite with its FTS5 search index): the sample's PDF imported and found
in_root "$ROOT" sh -c 'HOME=/tmp/home lianluo-desk --library /tmp/lib archive import \
  /tmp/demo/*.pdf && HOME=/tmp/home lianluo-desk --library /tmp/lib archive search 培训班 &&
  HOME=/tmp/home lianluo-desk --library /tmp/lib archive check' >"$OUT/archive.txt" 2>&1 ||
  { cat "$OUT/archive.txt" >&2; fail "the archive does not work"; }
grep -q '【培训班】' "$OUT/archive.txt" || fail "the archive's search found nothing"
say "archive: $(grep -c '【培训班】' "$OUT/archive.txt") found by its search index"

step "the window on an .lld file on Xvfb"
cp resources/sample/sample-issue.json "$ROOT/tmp/第7期.lld"
run env HOME=/tmp/home LIANLUO_DESK_SCREENSHOT=/tmp/window.png xvfb-run -a \
  -s "-screen 0 1440x900x24" lianluo-desk "/tmp/第7期.lld" || fail "the window did not open"
cp "$ROOT/tmp/window.png" "$OUT/window-$ARCH.png"
say "window: $OUT/window-$ARCH.png"

step "a desktop's tools: the MIME and desktop databases, LibreOffice Writer"
apt_install "$ROOT" "$LOG" shared-mime-info desktop-file-utils libreoffice-writer-nogui ||
  fail "installing the check's tools failed"
# LibreOffice's first run (its caches) makes the Word 97 draft the program reads below
cp tests/data/2022-no07-training.docx "$ROOT/tmp/"
run env HOME=/tmp/home soffice --headless --convert-to doc --outdir /tmp \
  /tmp/2022-no07-training.docx || fail "LibreOffice could not make the .doc"
# with the databases' tools there, the package again, so that its triggers run
run dpkg --purge lianluo-desk || fail "purge failed"
files >"$OUT/files-before.txt"
run apt-get install -y --no-install-recommends "/tmp/$(basename "$DEB")" ||
  fail "the .deb did not install again"
grep -q 'application/x-lianluo-desk-issue:\*\.lld' "$ROOT/usr/share/mime/globs2" ||
  fail "the .lld type is not in the MIME database"

step "a Word 97 draft through $SUITE's LibreOffice"
in_root "$ROOT" env HOME=/tmp/home lianluo-desk add "/tmp/第7期.lld" \
  /tmp/2022-no07-training.doc >"$OUT/add.txt" 2>>"$LOG" || fail "adding the .doc failed"
grep -q '2022-no07-training.doc' "$OUT/add.txt" || fail "the .doc was not added"
say "doc: $(head -1 "$OUT/add.txt")"

step "purge"
rm -rf "$ROOT/tmp/home" "$ROOT/tmp/lib"
run dpkg --purge lianluo-desk || fail "purge failed"
files >"$OUT/files-after.txt"
if ! diff "$OUT/files-before.txt" "$OUT/files-after.txt" >"$OUT/files.diff"; then
  cat "$OUT/files.diff" >&2
  die "the purge left the root changed (above: < before, > after)"
fi
grep -q 'lld' "$ROOT/usr/share/mime/globs2" && die "the .lld type outlived the purge"
say "purge: $(wc -l <"$OUT/files-after.txt") files as before"
say "$(basename "$DEB") checked in $(( $(date +%s) - start )) s"
