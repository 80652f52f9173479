"""A damaged .docx is named as such (the draft, "damaged", exit 2), never an internal
error; a text file under a Word suffix is read as text; a ruby inside a run keeps its
base."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from lianluo_desk.importers import import_file

from .conftest import cli
from .wordxml import REL, p, r, write

BODY = p("关于召开工作会议的通知", '<w:jc w:val="center"/>') + p("各单位：定于明日召开会议。")


def _sound(path: Path) -> bytes:
    """A sound .docx, its parts deflated (as Word writes them)."""
    plain = write(path.with_suffix(".plain"), BODY)
    with zipfile.ZipFile(plain) as z, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            out.writestr(name, z.read(name))
    return path.read_bytes()


def _damaged(tmp_path: Path, how: str) -> Path:
    data = _sound(tmp_path / "sound.docx")
    bad = tmp_path / "稿件.docx"
    if how == "truncated":
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif how == "zip-version":  # a garbled directory entry asks for a newer zip
        b = bytearray(data)
        at = b.find(b"PK\x01\x02") + 6
        b[at : at + 2] = (0x0354).to_bytes(2, "little")
        bad.write_bytes(bytes(b))
    elif how == "corrupt-data":  # the document part's deflated bytes garbled
        b = bytearray(data)
        at = b.find(b"word/document.xml") + len("word/document.xml") + 8
        for k in range(at, at + 12):
            b[k] ^= 0x5A
        bad.write_bytes(bytes(b))
    else:  # the document part cut mid-element, or a part it names missing
        with zipfile.ZipFile(tmp_path / "sound.docx") as z, zipfile.ZipFile(bad, "w") as out:
            for name in z.namelist():
                part = z.read(name)
                if name == "word/document.xml" and how == "broken-xml":
                    part = part[: len(part) // 2]
                if name == "word/document.xml" and how == "schema":  # w:jc without w:val
                    part = part.replace(b'<w:jc w:val="center"/>', b"<w:jc/>")
                if name == "word/document.xml" and how == "no-body":
                    part = part[: part.index(b"<w:body>")] + b"</w:document>"
                if name == "word/_rels/document.xml.rels" and how == "missing-part":
                    rel = f'<Relationship Id="rS" Type="{REL}/styles" Target="styles.xml"/>'
                    part = part.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
                out.writestr(name, part)
    return bad


@pytest.mark.parametrize(
    "how",
    ["truncated", "zip-version", "corrupt-data", "broken-xml", "missing-part", "no-body", "schema"],
)
def test_damaged_docx_named_as_damaged(tmp_path, how):
    bad = _damaged(tmp_path, how)
    issue = tmp_path / "issue.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    before = issue.read_bytes()
    res = cli("add", str(issue), str(bad))
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(bad) in lines[0] and "damaged" in lines[0] and "损坏" in lines[0]
    assert "internal error" not in res.stderr and str(issue) not in res.stderr
    assert issue.read_bytes() == before


@pytest.mark.parametrize("suffix", [".doc", ".docx", ".wps"])
def test_text_under_a_word_suffix_read_as_text(tmp_path, suffix):
    draft = tmp_path / f"通知{suffix}"
    draft.write_text("关于召开工作会议的通知\n\n各单位：定于明日召开会议。\n", "gb18030")
    art = import_file(draft)[0][0]
    assert art.title == ["关于召开工作会议的通知"]
    assert [b.text for b in art.blocks] == ["各单位：定于明日召开会议。"]


def test_binary_under_a_word_suffix_refused_in_a_whole_sentence(tmp_path):
    draft = tmp_path / "通知.doc"
    draft.write_bytes(bytes(range(1, 256)) * 4)
    issue = tmp_path / "issue.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(draft))
    assert res.returncode == 2
    line = res.stderr.strip()
    assert str(draft) in line and line.endswith(")") and "its content is not)" not in line
    assert "not a Word .doc file" in line


def test_ruby_inside_a_run_keeps_its_base(tmp_path):
    ruby = (
        "<w:r><w:ruby><w:rubyPr/><w:rt>"
        + r("zhāng")
        + "</w:rt><w:rubyBase>"
        + r("樟")
        + "</w:rubyBase></w:ruby></w:r>"
    )
    body = BODY + f"<w:p>{r('地点在')}{ruby}{r('园。')}</w:p>"
    art = import_file(write(tmp_path / "d.docx", body))[0][0]
    assert [b.text for b in art.blocks][-1] == "地点在樟园。"


PAGE = (
    '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
    "</head><body><p align=center><b>关于召开工作会议的通知</b></p><p>各单位：</p>"
    "<p>定于明日召开会议。<br>此致<br>敬礼！</p>"
    "<table border=1><tr><td>姓名</td><td>单位</td></tr><tr><td>张三</td><td>办公室</td></tr>"
    "</table></body></html>"
)


def _archive(page: str) -> bytes:
    """A web archive (MHT) as Word saves one: the page base64-encoded in a MIME part."""
    import base64

    body = base64.encodebytes(page.encode("utf-8")).decode("ascii")
    return (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"'
        "\r\n\r\n------=_NextPart_01\r\nContent-Location: file:///C:/x.htm\r\n"
        'Content-Transfer-Encoding: base64\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
        f"{body}\r\n------=_NextPart_01--\r\n"
    ).encode("ascii")


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["html", "mht"])
def test_web_page_saved_as_doc_read_as_the_page(tmp_path, kind):
    draft = tmp_path / "通知.doc"
    draft.write_bytes(PAGE.encode("utf-8") if kind == "html" else _archive(PAGE))
    art = import_file(draft)[0][0]
    assert art.title == ["关于召开工作会议的通知"]
    assert [b.text for b in art.blocks][:2] == ["各单位：", "定于明日召开会议。\n此致\n敬礼！"]
    table = art.blocks[2].table
    assert table is not None and table.rows[1].cells[1].text == "办公室"
