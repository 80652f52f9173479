"""Characters that come from drafts never stop an export: Unicode spaces are spaces, the
symbols office files use print from a shipped face, and what no face has is named with
its place by add and 校对, fixed by ``check --fix``, and only then refused by export."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from lianluo_desk import proof
from lianluo_desk.layout import coverage
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.textnorm import normalize

from .conftest import cli

SYMBOLS = "•☑①℃✓㊀⇒◦▪‣⁃☐☒✔✗✘"
PRIVATE = "\ue000"  # private use: no face has it, no equivalent exists
EMOJI = "✅"  # no face has it; ☑ is its equivalent


def _draft(path: Path) -> Path:
    import docx

    d = docx.Document()
    t = d.add_paragraph("关于办公文件中常见符号的说明")
    t.alignment = 1
    d.add_paragraph("一是要点：• 第一项，☑ 已完成，① 第一条，✓ 通过，㊀ 其一，⇒ 结果。")
    d.add_paragraph("气温\u2002达到\u200b30℃，比例\u00a05‰，另列◦▪‣⁃☐☒✔✗✘各符号。")
    d.add_paragraph(f"这里有一个无法显示的字{PRIVATE}在段落中。")
    table = d.add_table(rows=2, cols=2)
    cells = {(0, 0): "项目", (0, 1): "说明", (1, 0): "完\u2002成\ufeff", (1, 1): f"{EMOJI}已办"}
    for (r, c), text in cells.items():
        table.cell(r, c).text = text
    d.add_paragraph("以上情况，特此说明。")
    d.save(str(path))
    return path


def _where(issue: dict, ch: str) -> str:
    """The place of ``ch`` in the first article as the editor is told it."""
    for bi, b in enumerate(issue["articles"][0]["blocks"]):
        if ch in json.dumps(b, ensure_ascii=False):
            return f"第1篇 第{bi + 1}段"
    raise AssertionError(f"{ch!r} not imported")


def test_unicode_spaces_are_spaces_and_zero_widths_go():
    text = "甲\u00a0乙\u2002丙\u2003丁\u2009戊\u202f己\u205f庚\u200b辛\ufeff壬\u200c癸\u200d子"
    assert normalize(text) == "甲 乙 丙 丁 戊 己 庚辛壬癸子"
    assert normalize("\u3000\u3000落款") == "\u3000\u3000落款"  # the ideographic space stays
    assert normalize("\u200e甲\u202a乙\u202c\u2066丙\u2069") == "甲乙丙"  # direction marks


def test_shipped_faces_cover_the_symbols_office_files_use():
    office = (
        "•◦▪‣⁃·☐☑☒✓✔✗✘←→↑↓⇒★☆■□▲△●○◎◇◆№℃‰‵×÷±≤≥≠≈∞∑√∈∩∪§※〇αΩ"
        + "".join(chr(c) for c in range(0x2460, 0x249C))  # ①–⑳ ⑴–⒇ ⒈–⒛
        + "".join(chr(c) for c in range(0x3220, 0x322A))  # ㈠–㈩
        + "".join(chr(c) for c in range(0x3280, 0x328A))  # ㊀–㊉
        + "".join(chr(c) for c in range(0x2160, 0x216C))  # Ⅰ–Ⅻ
    )
    assert [ch for ch in office if not coverage.covered(ch)] == []
    assert not coverage.covered(PRIVATE) and not coverage.covered(EMOJI)


def test_glyph_rule_names_place_and_proposes_a_fix():
    art = Article(
        title=["标题"],
        blocks=[
            Block(BlockKind.PARAGRAPH, text="正文"),
            Block(BlockKind.PARAGRAPH, text=f"甲{PRIVATE}乙{EMOJI}丙•"),
        ],
    )
    from lianluo_desk.model.issue import Issue

    issue = Issue(articles=[art])
    found = [f for f in proof.check(issue) if f.rule == "glyph"]
    assert [(f.text, f.fix, f.severity) for f in found] == [
        (PRIVATE, "", "error"),
        (EMOJI, "☑", "error"),
    ]
    assert found[0].where().startswith("第1篇 第2段")
    proof.fix(issue, ["glyph"])
    assert art.blocks[1].text == "甲乙☑丙•"


@pytest.mark.slow
def test_draft_symbols_print_and_uncovered_named_fixed_then_export(tmp_path):
    issue_path = tmp_path / "issue.json"
    assert cli("new", str(issue_path), "--date", "2022-08-15").returncode == 0
    draft = _draft(tmp_path / "符号.docx")
    r = cli("add", str(issue_path), str(draft))
    assert r.returncode == 0, r.stderr
    issue = json.loads(issue_path.read_text("utf-8"))
    text = json.dumps(issue["articles"], ensure_ascii=False)
    assert "\u2002" not in text and "\u200b" not in text and "\u00a0" not in text
    assert "气温 达到30℃，比例 5‰" in text and "完 成" in text and "\ufeff" not in text
    # add names what no face covers, with its place, on one line
    private_at, emoji_at = _where(issue, PRIVATE), _where(issue, EMOJI)
    lines = [ln for ln in r.stdout.splitlines() if "U+E000" in ln]
    assert len(lines) == 1, r.stdout
    assert f"{private_at} " in lines[0] and "U+2705" in lines[0]
    assert f"{emoji_at} 表格第2行第2格" in lines[0]
    # 校对 flags both at their places, with their fixes
    r = cli("check", str(issue_path))
    assert r.returncode == 1
    glyph = [ln for ln in r.stdout.splitlines() if "[glyph]" in ln]
    assert any(private_at in ln and "U+E000" in ln for ln in glyph), r.stdout
    assert any(emoji_at in ln and "表格第2行第2格" in ln and "☑" in ln for ln in glyph)
    # the export refuses, naming the place and the character
    pdf = tmp_path / "out.pdf"
    r = cli("export", str(issue_path), "--pdf", str(pdf))
    assert r.returncode != 0 and not pdf.exists()
    assert f"{private_at} “{PRIVATE}” U+E000" in r.stderr and "Traceback" not in r.stderr
    # fixed by check --fix all, then everything prints
    r = cli("check", str(issue_path), "--fix", "all")
    assert "U+E000" not in r.stdout.split("已修正")[-1]
    fixed = json.dumps(json.loads(issue_path.read_text("utf-8")), ensure_ascii=False)
    assert PRIVATE not in fixed and EMOJI not in fixed and "☑已办" in fixed
    docx = tmp_path / "out.docx"
    r = cli("export", str(issue_path), "--pdf", str(pdf), "--docx", str(docx))
    assert r.returncode == 0, r.stderr
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    printed = {c["text"]: c["fontname"].split("+")[-1] for c in chars}
    for ch in SYMBOLS:
        assert ch in printed, ch
    assert printed["•"].startswith("LLD") and printed["☑"].startswith("LLD")
    assert "30℃" in "".join(c["text"] for c in chars)
    embedded = set()
    for page in PdfReader(str(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert {printed["•"], printed["☑"], printed["㊀"]} <= embedded
    # the DOCX names the face the symbols print from, so no word processor substitutes
    import zipfile

    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    run = xml[: xml.index("☑")].rsplit("<w:r>", 1)[-1]
    assert 'w:ascii="DejaVu Sans"' in run and 'w:eastAsia="DejaVu Sans"' in run


def test_old_issue_file_with_unicode_spaces_exports(tmp_path):
    issue_path = tmp_path / "issue.json"
    assert cli("new", str(issue_path), "--date", "2022-08-15").returncode == 0
    data = json.loads(issue_path.read_text("utf-8"))
    data["articles"] = [
        {
            "title": ["测试\u2002标题"],
            "blocks": [
                {"kind": "paragraph", "text": "甲\u2002乙\u2003丙\u00a0丁\u200b戊\ufeff己\u202f庚"}
            ],
        }
    ]
    issue_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    r = cli("export", str(issue_path), "--pdf", str(pdf), "--docx", str(docx))
    assert r.returncode == 0, r.stderr
    with pdfplumber.open(pdf) as doc:
        text = "".join(p.extract_text() for p in doc.pages)
        # the spaces set as spaces (no glyph drawn), the zero-width ones as nothing
        body = [c for p in doc.pages for c in p.chars if c["text"] in "甲乙丙丁戊己庚"]
    assert "甲" in text and "庚" in text
    gaps = [b["x0"] - a["x1"] for a, b in zip(body, body[1:], strict=False)]
    assert gaps[3] < 1 < min(gaps[:3]) and docx.stat().st_size > 5000


@pytest.mark.parametrize("name", ["lld-fallback.ttf", "lld-symbols.ttf"])
def test_manifest_names_the_shipped_bytes(name):
    import hashlib

    from lianluo_desk.template import FONTS

    manifest = json.loads((FONTS / "manifest.json").read_text("utf-8"))
    entry = next(f for f in manifest["fonts"] if f["file"] == name)
    data = (FONTS / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
    assert entry["licence"] and entry["source"]


def test_pdf_bytes_deterministic_with_symbols(template, fonts):
    from lianluo_desk.export.pdf import render_pdf
    from lianluo_desk.layout.engine import lay_out
    from lianluo_desk.model.issue import Issue

    art = Article(title=["符号"], blocks=[Block(BlockKind.PARAGRAPH, text=SYMBOLS)])
    issue = Issue(articles=[art])
    one = render_pdf(lay_out(issue, template, fonts))
    two = render_pdf(lay_out(issue, template, fonts))
    assert one == two
    with pdfplumber.open(io.BytesIO(one)) as doc:
        assert all(ch in doc.pages[0].extract_text() for ch in SYMBOLS)


@pytest.mark.slow
def test_libreoffice_sets_every_symbol_in_the_face_our_pdf_uses(template, tmp_path):
    """The DOCX names, for each character its script would give another face, the face
    our PDF takes it from: LibreOffice draws none from a face of its own choosing."""
    from lianluo_desk import service
    from lianluo_desk.model.issue import Issue

    from .lo import to_pdf

    text = "要点：• 第一项，☑ 已完成，⑪ 第十一条，㊀ 其一，⇒ 结果，气温30℃，增长5‰，镕。"
    art = Article(title=["符号"], blocks=[Block(BlockKind.PARAGRAPH, text=text)])
    docx = tmp_path / "s.docx"
    service.export(Issue(articles=[art]), None, docx, template)
    with pdfplumber.open(to_pdf(docx, tmp_path / "lo")) as doc:
        faces = {c["text"]: c["fontname"].split("+")[-1] for p in doc.pages for c in p.chars}
    assert all(ch in faces for ch in "•☑⑪㊀⇒℃‰镕")
    # LLD faces stand in for the office names (tests/lo.py); DejaVu Sans is itself
    assert {ch: f for ch, f in faces.items() if not f.startswith(("LLD", "DejaVuSans"))} == {}
    assert faces["•"].startswith("DejaVuSans") and faces["☑"].startswith("DejaVuSans")
    assert faces["℃"].startswith("LLDFang") and faces["㊀"].startswith("LLDFallback")


def test_characters_no_face_prints_are_named_by_code_in_both_languages():
    """The line said when such drafts come in: the command to fix them on the command
    line, the 校对 panel in the window (never the command)."""
    from lianluo_desk.service import uncovered_report
    from lianluo_desk.ui.messages import for_app

    art = Article(title=["标题"], blocks=[Block(BlockKind.PARAGRAPH, f"文字{PRIVATE}好{EMOJI}")])
    said = uncovered_report([art])
    assert said.code == "glyphs.unprinted"
    assert [item.code for item in said.params["items"]] == ["glyphs.delete", "glyphs.replace"]
    assert "check --fix glyph" in said and "第1篇 第1段 第3字" in said
    shown = for_app(said)
    assert "check" not in shown and "校对" in shown and "U+E000" in shown
