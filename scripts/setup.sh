#!/usr/bin/env bash
# Set up everything lianluo_desk needs on a fresh machine with Python 3.11+:
# a virtual environment in .venv with the package and its test tools, and (where apt is
# there and we are root) poppler-utils for looking at PDFs and LibreOffice Writer, the
# reviewers' word processor the DOCX tests open their output in.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && \
   { ! command -v pdffonts >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1; }; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends poppler-utils libreoffice-writer-nogui \
    >/dev/null 2>&1 || echo "setup: could not install poppler-utils/LibreOffice" >&2
fi
command -v soffice >/dev/null 2>&1 || \
  echo "setup: LibreOffice (soffice) is missing; the DOCX tests need it" >&2
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if ! { .venv/bin/python -m pip install -q --upgrade pip &&
       .venv/bin/python -m pip install -q -e ".[test]"; } >.venv/pip.log 2>&1; then
  cat .venv/pip.log >&2
  echo "setup: installing the Python packages failed (see above)" >&2
  exit 1
fi
