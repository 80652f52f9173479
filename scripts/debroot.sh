# Debian 11 (bullseye, glibc 2.31) roots for building and checking the .deb for UOS and
# Kylin (scripts/package_debian11.sh, scripts/check_deb.sh); sourced, not run. Roots are
# made with debootstrap from the Debian mirror this machine's apt uses and kept under
# $LIANLUO_DESK_ROOTS between runs. Needs root, debootstrap and, for arm64 on another
# processor, qemu-user-static (binfmt_misc) or proot with qemu. Decision 0023 says why.
ROOTS=${LIANLUO_DESK_ROOTS:-/var/tmp/lianluo-desk-roots}
SUITE=bullseye
MOUNTED=()

say() { echo "$(basename "$0"): $*"; }
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

debian_mirror() {  # the Debian mirror apt uses here; deb.debian.org if it names none
  local found
  found=$(grep -hsoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list \
          /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources | head -1 |
          tr -d ' ')
  found=${found%/}
  echo "${MIRROR:-${found:-http://deb.debian.org/debian}}"
}

native_arch() { dpkg --print-architecture; }

# How commands run inside a root of another architecture: through the kernel's binfmt_misc
# with qemu's static interpreter (chroot as for the own architecture), else proot -q.
RUNNER=
QEMU=
choose_runner() {  # ARCH: sets RUNNER to chroot or proot (and QEMU, its interpreter)
  local arch=$1 qemu
  RUNNER=chroot
  [ "$arch" = "$(native_arch)" ] && return 0
  qemu=qemu-$( [ "$arch" = arm64 ] && echo aarch64 || echo "$arch")
  QEMU=$qemu-static
  command -v "$qemu-static" >/dev/null ||
    die "$qemu-static is missing (apt-get install qemu-user-static)"
  if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc 2>/dev/null || true
  fi
  # qemu-user-static's own entry (flag F: the interpreter is opened now, so it works in a
  # chroot), registered as systemd-binfmt would
  if [ -e /proc/sys/fs/binfmt_misc/register ] && [ ! -e "/proc/sys/fs/binfmt_misc/$qemu" ] &&
     [ -e "/usr/lib/binfmt.d/$qemu.conf" ]; then
    cat "/usr/lib/binfmt.d/$qemu.conf" >/proc/sys/fs/binfmt_misc/register 2>/dev/null || true
  fi
  if [ -e "/proc/sys/fs/binfmt_misc/$qemu" ] &&
     grep -q '^flags:.*F' "/proc/sys/fs/binfmt_misc/$qemu" 2>/dev/null; then
    RUNNER=chroot
  elif command -v proot >/dev/null; then
    RUNNER=proot
  else
    die "no way to run $arch programs: binfmt_misc cannot be registered and proot is missing"
  fi
}

make_root() {  # NAME ARCH VARIANT [PACKAGES,...]: $ROOTS/NAME, made once and kept
  local name=$1 arch=$2 variant=$3 include=${4:-} root=$ROOTS/$1 mirror
  [ -e "$root/.made" ] && return 0
  mirror=$(debian_mirror)
  mkdir -p "$ROOTS"
  rm -rf --one-file-system "$root.tmp"
  say "debootstrap $SUITE $arch ($variant) from $mirror into $root"
  if ! debootstrap --variant="$variant" --arch="$arch" ${include:+--include="$include"} \
       "$SUITE" "$root.tmp" "$mirror" >"$ROOTS/$name.log" 2>&1; then
    tail -20 "$ROOTS/$name.log" >&2
    die "debootstrap failed (log: $ROOTS/$name.log)"
  fi
  cat >"$root.tmp/etc/apt/sources.list" <<EOF
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb ${mirror%/debian}/debian-security $SUITE-security main
EOF
  touch "$root.tmp/.made"
  rm -rf --one-file-system "$root"
  mv "$root.tmp" "$root"
}

apt_install() {  # ROOT LOG PACKAGES...: apt-get install in the root, appending to LOG. Where
  # the security archive lists packages its mirror cannot serve (404: so for arm64 here),
  # the root falls back to the release and its point-release updates, and says so.
  local root=$1 log=$2
  shift 2
  in_root "$root" sh -c 'apt-get update -qq && apt-get install -y -q --no-install-recommends "$@"' \
    sh "$@" >>"$log" 2>&1 && return 0
  grep -q 'debian-security.* 404 ' "$log" || return 1
  say "the security archive cannot serve $SUITE's packages for this root: using $SUITE and" \
      "$SUITE-updates only"
  sed -i '/debian-security/s/^/# /' "$root/etc/apt/sources.list"
  in_root "$root" sh -c 'apt-get update -qq && apt-get install -y -q --no-install-recommends "$@"' \
    sh "$@" >>"$log" 2>&1
}

mount_root() {  # ROOT: /proc, /dev and /dev/shm as programs in it expect (chroot only)
  local root=$1
  mountpoint -q "$root/proc" || {
    mount -t proc proc "$root/proc"
    MOUNTED=("$root/proc" "${MOUNTED[@]}")
  }
  mountpoint -q "$root/dev" || {
    mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
    MOUNTED=("$root/dev" "${MOUNTED[@]}")
  }
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
}

unmount_roots() {  # everything mount_root mounted, innermost first; set as an EXIT trap
  local m
  for m in "${MOUNTED[@]}"; do
    umount -R "$m" 2>/dev/null || umount -R -l "$m" 2>/dev/null || true
  done
  MOUNTED=()
}

remove_root() {  # ROOT: deleted only when nothing is mounted inside it any more
  local root=$1
  unmount_roots
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    die "$root still has mounts; not removed"
  fi
  rm -rf --one-file-system "$root"
}

in_root() {  # ROOT CMD...: CMD inside the root (choose_runner first), plain environment
  local root=$1
  shift
  local env=(/usr/bin/env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive
             PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@")
  if [ "$RUNNER" = chroot ]; then
    mount_root "$root"
    chroot "$root" "${env[@]}"
  else
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    proot -0 -q "$QEMU" -r "$root" -b /proc -b /dev -b /sys -w / "${env[@]}"
  fi
}
