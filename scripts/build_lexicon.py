"""Build resources/lexicon/words.tsv, the word list titles are broken with.

A long title must break between words (选举任免 | 联络工作, never 选举任 | 免). The
word frequencies come from jieba's dictionary (MIT licence), kept to words of one to four
hanzi seen at least ``MIN_FREQ`` times: about 80,000 entries that load in a few
milliseconds, where jieba itself would take most of a second to start.

Run: ``python scripts/build_lexicon.py [PATH/TO/jieba/dict.txt]``; without a path the
jieba 0.42.1 source package is fetched from PyPI with pip.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "lexicon" / "words.tsv"
JIEBA = "jieba==0.42.1"
MIN_FREQ = 20
HANZI = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def fetch_dict(tmp: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            JIEBA,
            "--no-deps",
            "--no-binary",
            ":all:",
            "-d",
            str(tmp),
            "-q",
        ],
        check=True,
    )
    sdist = next(tmp.glob("jieba-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("jieba/dict.txt"))
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extract(member, tmp, **safe)
    return tmp / member.name


def build(src: Path) -> int:
    words: dict[str, int] = {}
    for line in src.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and HANZI.match(parts[0]) and int(parts[1]) >= MIN_FREQ:
            words[parts[0]] = max(words.get(parts[0], 0), int(parts[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # sorted, so that the program can search it by bisection; "#" sorts before any hanzi
    head = f"#\t{sum(words.values())}\n"
    OUT.write_text(head + "".join(f"{w}\t{f}\n" for w, f in sorted(words.items())), "utf-8")
    return len(words)


def main() -> None:
    if len(sys.argv) > 1:
        n = build(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            n = build(fetch_dict(Path(tmp)))
    print(f"{OUT}: {n} words")


if __name__ == "__main__":
    main()
