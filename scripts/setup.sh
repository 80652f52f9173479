#!/usr/bin/env bash
# Set up everything lianluo_desk needs on a fresh machine with Python 3.11+:
# a virtual environment in .venv with the package and its test tools, and (where apt is
# there and we are root) poppler-utils for looking at PDFs and LibreOffice Writer, the
# reviewers' word processor the DOCX tests open their output in.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# Qt needs GL/EGL, xkbcommon, fontconfig and D-Bus even offscreen; the xcb ones and Xvfb
# are for a real window on a virtual screen; binutils (objdump), desktop-file-utils and
# shared-mime-info for building and checking the packaged program (scripts/package.sh);
# DejaVu Sans is the face the DOCX names for symbols (decision 0001); chromium runs
# ofd.js, the independent OFD reader of tests/test_ofd_render.py; cups and
# printer-driver-cups-pdf for the print test's own CUPS queue; xdotool, xclip and
# imagemagick (import) for the editor's day driven by key presses on the virtual screen.
APT_PACKAGES="poppler-utils libreoffice-writer-nogui libgl1 libegl1 libxkbcommon0
  libfontconfig1 libdbus-1-3 libglib2.0-0 xvfb xauth libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
  libxcb-xinerama0 libxcb-randr0 binutils desktop-file-utils shared-mime-info
  fonts-dejavu-core chromium cups printer-driver-cups-pdf xdotool xclip imagemagick"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' $APT_PACKAGES 2>/dev/null |
            awk '$1 != "ii" {print $2}'; for p in $APT_PACKAGES; do
            dpkg-query -W "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1 || true
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
      echo "setup: could not install some system packages: $missing" >&2
  fi
fi
command -v soffice >/dev/null 2>&1 || \
  echo "setup: LibreOffice (soffice) is missing; the DOCX tests need it" >&2
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if ! { .venv/bin/python -m pip install -q --upgrade pip &&
       .venv/bin/python -m pip install -q -c constraints.txt -e ".[test,ui]"; } >.venv/pip.log 2>&1; then
  cat .venv/pip.log >&2
  echo "setup: installing the Python packages failed (see above)" >&2
  exit 1
fi
# ofd.js (npm, Apache-2.0), the OFD reader tests/ofdview.py runs in Chromium: its 0.2 line
# renders by itself (1.x hands rendering to a core library that wants a licence key).
OFDJS=.venv/ofdjs/package/lib/ofd.umd.min.js
if [ ! -f "$OFDJS" ]; then
  if command -v npm >/dev/null 2>&1 && mkdir -p .venv/ofdjs &&
     (cd .venv/ofdjs && npm pack --silent ofd.js@0.2.6 >/dev/null 2>&1 &&
      tar xzf ofd.js-0.2.6.tgz); then :; else
    echo "setup: could not fetch ofd.js with npm; tests/test_ofd_render.py needs it" >&2
  fi
fi
