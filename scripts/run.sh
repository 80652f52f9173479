#!/usr/bin/env bash
# Set up, then run the main job: the app with the sample issue, or with no display the
# sample bulletin exported to out/ as PDF and DOCX.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
