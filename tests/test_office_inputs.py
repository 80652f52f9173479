"""Drafts in the formats the office holds: .doc, .wps, .rtf, .odt through LibreOffice,
text PDFs rebuilt into paragraphs, a printed issue's PDF read as a past issue. The
inputs are made here with LibreOffice from the Word drafts in tests/data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.importers import import_file

from .conftest import DATA, past
from .lo import fontconfig, soffice

DRAFTS = ("2022-no07-training", "2018-no01-annual-summary")


def _convert(src: Path, fmt: str, out: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig(out)), HOME=str(out / "home"))
    profile = (out / "profile").as_uri()
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(out), str(src)],
        env=env, capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    made = out / f"{src.stem}.{fmt.split(':')[0]}"
    assert made.exists(), made
    return made


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("office")
    files = {}
    for name in DRAFTS:
        for fmt in ("doc", "odt", "rtf", "pdf"):
            files[(name, fmt)] = _convert(DATA / f"{name}.docx", fmt, out)
    wps = out / "2022-no07-training.wps"  # WPS 文字 keeps Word 97 files under .wps
    shutil.copy(files[("2022-no07-training", "doc")], wps)
    files[("2022-no07-training", "wps")] = wps
    return files


def _shape(path: Path) -> list[tuple[str, int, str]]:
    art = import_file(path)[0][0]
    title = re.sub(r"\s+", "", "".join(art.title))
    return [("title", 0, title)] + [
        (b.kind.value, b.level, re.sub(r"\s+", "", b.full_text)) for b in art.blocks
    ]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["doc", "wps", "odt", "rtf"])
def test_word_processor_files_import_like_the_docx(office, fmt):
    name = "2022-no07-training"
    assert _shape(office[(name, fmt)]) == _shape(DATA / f"{name}.docx")


@pytest.mark.parametrize(
    "name,share", [("2022-no07-training", 0.9), ("2018-no01-annual-summary", 0.8)]
)
@pytest.mark.slow
def test_pdf_draft_rebuilt_into_paragraphs(office, name, share):
    got, want = _shape(office[(name, "pdf")]), _shape(DATA / f"{name}.docx")
    same = sum(1 for x in want if x in got)
    assert same >= share * len(want), (same, len(want))
    assert not any("—" in t and t.strip("—0123456789 ") == "" for _k, _l, t in got)


def test_printed_issue_pdf_is_read_as_a_past_issue(composer, tmp_path):
    from lianluo_desk.export.pdf import write_pdf

    ref = past("2022-no07").issue
    pdf = tmp_path / "2022-07.pdf"
    write_pdf(composer.compose(ref), pdf)
    arts, found = import_file(pdf)
    assert found is not None
    m = found.issue.masthead
    assert (m.number, m.cumulative, m.date) == (7, 656, ref.masthead.date)
    assert found.issue.banji.distribution == ref.banji.distribution
    assert found.issue.banji.editors == ref.banji.editors
    flat = [re.sub(r"\s+", "", b.full_text) for b in arts[0].blocks]
    assert flat == [re.sub(r"\s+", "", b.full_text) for b in ref.articles[0].blocks]


@pytest.mark.slow
def test_without_libreoffice_one_clear_line(office, monkeypatch):
    monkeypatch.setenv("LIANLUO_DESK_SOFFICE", "")
    with pytest.raises(UserError) as e:
        import_file(office[("2022-no07-training", "doc")])
    assert e.value.code == "convert.needs_libreoffice"
    msg = str(e.value)
    assert "2022-no07-training.doc" in msg and "LibreOffice" in msg and "install" in msg


@pytest.mark.slow
def test_a_hanging_conversion_is_stopped(office, monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("LIANLUO_DESK_SOFFICE", str(fake))
    monkeypatch.setenv("LIANLUO_DESK_CONVERT_SECONDS", "1")
    with pytest.raises(UserError) as e:
        import_file(office[("2022-no07-training", "rtf")])
    assert e.value.code == "convert.timeout" and e.value.params["seconds"] == 1


def test_encrypted_pdfs_refused(tmp_path):
    """(A scan comes in as its pages' pictures, a PDF of blank pages is refused:
    test_scanned_pdf.py.)"""
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    from lianluo_desk.export.pdf import render_pdf
    from lianluo_desk.layout.boxes import Document, Page

    plain.write_bytes(render_pdf(Document(pages=[Page(number=1, width=595, height=842)])))
    w = PdfWriter()
    for page in PdfReader(plain).pages:
        w.add_page(page)
    w.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        w.write(fh)
    with pytest.raises(UserError) as e:
        import_file(locked)
    assert e.value.code == "draft.pdf_encrypted"
