"""The oldest C library a folder of programs runs on: the newest GLIBC_x.y symbol version
that any ELF file in it (programs, libraries, Python extension modules, Qt plugins)
imports, as ``objdump -T`` lists it. scripts/package.sh prints it, writes it into the
.deb's Depends (libc6 (>= x.y)) and, given ``--max``, fails when a build for an older
system came out needing more.

    python packaging/glibc_floor.py FOLDER [--max 2.31]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
SYMBOL_VERSION = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")
BATCH = 200  # files per objdump call: few processes, short command lines


def version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def elf_files(folder: Path) -> list[Path]:
    """Every regular ELF file under ``folder``, whatever its name or mode (symlinks are
    counted once, at their target inside the folder)."""
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                continue
            with open(path, "rb") as fh:
                if fh.read(4) == ELF_MAGIC:
                    found.append(path)
    return sorted(found)


def floors(files: list[Path]) -> dict[Path, tuple[int, ...]]:
    """Each file's newest imported GLIBC_ version (files importing none are left out)."""
    result: dict[Path, tuple[int, ...]] = {}
    for start in range(0, len(files), BATCH):
        batch = files[start : start + BATCH]
        out = subprocess.run(
            ["objdump", "-T", *map(str, batch)], capture_output=True, text=True
        ).stdout
        current: Path | None = None
        for line in out.splitlines():
            head = re.match(r"^(.*):\s+file format ", line)
            if head:
                current = Path(head.group(1))
                continue
            # imported symbols only (*UND*): a library's own GLIBC_ definitions are not needs
            if current is None or "*UND*" not in line:
                continue
            for found in SYMBOL_VERSION.findall(line):
                if version(found) > result.get(current, ()):
                    result[current] = version(found)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max", help="fail when the folder needs a newer glibc than this")
    parser.add_argument("--verbose", action="store_true", help="name the files at the floor")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"glibc_floor: {args.folder}: no such folder", file=sys.stderr)
        return 2
    per_file = floors(elf_files(args.folder))
    if not per_file:
        print(f"glibc_floor: {args.folder}: no ELF file imports a GLIBC_ symbol", file=sys.stderr)
        return 2
    floor = max(per_file.values())
    text = ".".join(map(str, floor))
    print(text)
    worst = [p for p, v in per_file.items() if v == floor]
    if args.verbose or (args.max and floor > version(args.max)):
        for path in worst[:10]:
            print(f"  GLIBC_{text}: {path.relative_to(args.folder)}", file=sys.stderr)
    if args.max and floor > version(args.max):
        print(f"glibc_floor: needs glibc {text}, more than {args.max}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
