"""The glibc a bundle needs (packaging/glibc_floor.py), measured over every ELF file of a
folder whatever its name or mode: the newest GLIBC_ version any of them imports. The .deb's
Depends is built from it and the build for older systems fails above its limit, so a
file it overlooks or a text that merely mentions a version must not move it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TOOL = ROOT / "packaging" / "glibc_floor.py"
OBJDUMP = shutil.which("objdump")
# two ELF programs of this system that import GLIBC_ symbols
SAMPLES = [Path(sys.executable).resolve(), Path(OBJDUMP or "/usr/bin/objdump").resolve()]


def floor(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), str(folder), *args], capture_output=True, text=True
    )


def imported_versions(elf: Path) -> set[tuple[int, ...]]:
    """GLIBC_ versions on the imported (undefined) symbols objdump lists for ``elf``."""
    out = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True).stdout
    lines = [ln for ln in out.splitlines() if "*UND*" in ln]
    found = re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", "\n".join(lines))
    return {tuple(map(int, v.split("."))) for v in found}


def as_version(text: str) -> tuple[int, ...]:
    return tuple(map(int, text.strip().split(".")))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A bundle-like folder: the two programs, one renamed as an extension module without
    its execute bit, inside a subfolder."""
    assert OBJDUMP, "objdump is missing: scripts/setup.sh installs binutils"
    (tmp_path / "_internal" / "lib").mkdir(parents=True)
    shutil.copy(SAMPLES[0], tmp_path / "program")
    plain = tmp_path / "_internal" / "lib" / "module.cpython-311.bin"
    shutil.copyfile(SAMPLES[1], plain)  # copyfile: no mode bits copied
    plain.chmod(0o644)
    return tmp_path


def test_floor_is_the_newest_version_any_elf_file_imports(folder):
    r = floor(folder)
    assert r.returncode == 0, r.stderr
    each = [max(imported_versions(p)) for p in SAMPLES]
    assert as_version(r.stdout) == max(each)
    assert all(each)  # both samples import versioned symbols: both were looked at
    for sample in SAMPLES:  # each file alone gives its own floor
        alone = folder.parent / f"alone-{sample.name}"
        alone.mkdir()
        shutil.copy(sample, alone / "x")
        assert as_version(floor(alone).stdout) == max(imported_versions(sample))


def test_texts_and_broken_files_do_not_move_the_floor(folder):
    before = floor(folder).stdout
    (folder / "notes.txt").write_text("needs GLIBC_9.99\n", "utf-8")
    script = folder / "run.sh"
    script.write_text("#!/bin/sh\n# GLIBC_9.98\n", "utf-8")
    script.chmod(0o755)
    (folder / "libbroken.so.1").write_bytes(b"\x7fELF" + b"GLIBC_9.97\0" * 8)
    (folder / "link.so").symlink_to(folder / "notes.txt")
    r = floor(folder)
    assert r.returncode == 0, r.stderr
    assert r.stdout == before and "9.9" not in r.stdout


def test_limit_fails_above_the_floor_and_names_the_files(folder):
    measured = as_version(floor(folder).stdout)
    text = ".".join(map(str, measured))
    assert floor(folder, "--max", text).returncode == 0
    below = ".".join(map(str, (*measured[:-1], measured[-1] - 1)))
    r = floor(folder, "--max", below)
    assert r.returncode == 1
    assert f"needs glibc {text}, more than {below}" in r.stderr
    assert re.search(rf"GLIBC_{re.escape(text)}: (program|_internal/lib/module)", r.stderr)


def test_a_folder_without_programs_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("GLIBC_2.31", "utf-8")
    r = floor(tmp_path)
    assert r.returncode == 2 and "no ELF file" in r.stderr and not r.stdout
    assert floor(tmp_path / "missing").returncode == 2
