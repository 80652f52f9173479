"""LibreOffice as the reviewers' word processor: DOCX → PDF headless, with the shipped
faces standing in for the office fonts the DOCX names (a fontconfig alias per name)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALIASES = {
    "仿宋_GB2312": "LLD Fang",
    "方正小标宋简体": "LLD Biaosong",
    "黑体": "LLD Hei",
    "楷体_GB2312": "LLD Kai",
    "宋体": "LLD Fallback",
    "Times New Roman": "LLD Latin",
}


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise RuntimeError(
            "LibreOffice is needed for the DOCX tests: "
            "apt-get install libreoffice-writer-nogui (scripts/setup.sh does)"
        )
    return exe


def fontconfig(tmp: Path) -> Path:
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{a}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{b}</string></edit>'
        "</match>"
        for a, b in ALIASES.items()
    )
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{ROOT / 'resources' / 'fonts'}</dir><cachedir>{tmp / 'fc'}</cachedir>"
        f"{rules}</fontconfig>",
        "utf-8",
    )
    return conf


def to_pdf(docx: Path, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig(outdir)), HOME=str(outdir / "home"))
    profile = (outdir / "profile").as_uri()
    r = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = outdir / (docx.stem + ".pdf")
    if r.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"LibreOffice failed: {r.stdout} {r.stderr}")
    return pdf


def resave_docx(docx: Path, outdir: Path) -> Path:
    """The DOCX opened and saved again by LibreOffice, as a reviewer using it would."""
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(outdir / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(docx)],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    return outdir / docx.name
