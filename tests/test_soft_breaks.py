"""A line break inside a paragraph (Word's Shift+Enter, ``w:br``) is kept: stored as
"\\n" in the block's text, set as a forced line end (the next line at the left edge, no
indent, the broken line not stretched), written back as ``w:br``, shown in ``outline``
as ⏎, and unchanged through export → review."""

from __future__ import annotations

import io
import zipfile

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from lianluo_desk import review as rv
from lianluo_desk.export.docx import render_docx
from lianluo_desk.importers import import_file
from lianluo_desk.layout.engine import lay_out
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.model.store import issue_to_dict
from lianluo_desk.service import new_issue

from .conftest import FROZEN, cli
from .lo import resave_docx, to_pdf
from .wordxml import p, r, write

BR = "<w:r><w:br/></w:r>"
LONG = "各级人大代表围绕中心工作积极履职，" * 3  # three lines' worth, not a multiple


def _draft(tmp_path):
    body = (
        p("关于召开工作会议的通知", '<w:jc w:val="center"/>')
        + p("会议定于九月召开，请各单位准时参加。")
        + f"<w:p>{r('此致')}{BR}{r('敬礼！')}</w:p>"
        + f"<w:p>{r('报送材料：')}{BR}{r('1．工作总结；')}{BR}{r('2．统计表。')}</w:p>"
        + f'<w:p>{r("分页符不是换行")}<w:r><w:br w:type="page"/></w:r>{r("。")}</w:p>'
    )
    return write(tmp_path / "d.docx", body)


def test_breaks_kept_in_the_model(tmp_path):
    art = import_file(_draft(tmp_path))[0][0]
    assert [b.text for b in art.blocks] == [
        "会议定于九月召开，请各单位准时参加。",
        "此致\n敬礼！",
        "报送材料：\n1．工作总结；\n2．统计表。",
        "分页符不是换行。",
    ]


def _issue(template, *texts: str):
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [Block(BlockKind.PARAGRAPH, t) for t in texts]
    issue.articles.append(Article(title=["测试"], blocks=blocks))
    return issue


def _lines(doc, block):
    return [ln for page in doc.pages for ln in page.lines if ln.block == (0, block)]


def test_forced_line_end_in_the_layout(template, fonts):
    g = template.geometry
    issue = _issue(template, "此致\n敬礼！", LONG + "\n" + "以上报告，请审议。")
    doc = lay_out(issue, template, fonts)
    a, b = _lines(doc, 0), _lines(doc, 1)
    assert [ln.text for ln in a] == ["此致", "敬礼！"]
    assert a[0].x0 == round(g.left + 2 * g.cell, 3)  # the first line indented
    assert a[1].x0 == round(g.left, 3)  # the next at the left edge, no indent
    assert not a[0].justified and a[0].x1 == round(a[0].x0 + 2 * g.cell, 3)
    assert a[1].start == 3  # after the break character
    # a long line before the break: full lines justified, the broken line not stretched
    assert "".join(ln.text for ln in b) == (LONG + "以上报告，请审议。").replace("\n", "")
    before = [ln for ln in b if "以上" not in ln.text]
    assert all(ln.justified for ln in before[:-1])
    assert not before[-1].justified and before[-1].x1 < g.left + g.text_width - g.cell
    assert b[-1].text == "以上报告，请审议。" and b[-1].x0 == round(g.left, 3)


@pytest.mark.slow
def test_pdf_and_word_processor_set_two_lines(template, fonts, tmp_path):
    issue = _issue(template, "此致\n敬礼！")
    from lianluo_desk import service

    pdf, out = tmp_path / "a.pdf", tmp_path / "a.docx"
    service.export(issue, pdf, out, template)
    d = docx.Document(str(out))
    para = next(x for x in d.paragraphs if "此致" in x.text)
    assert para.text == "此致\n敬礼！"
    assert len(para._p.findall(f".//{qn('w:br')}")) == 1
    with zipfile.ZipFile(out) as z:
        assert b"doNotExpandShiftReturn" in z.read("word/settings.xml")
    for made in (pdf, to_pdf(out, tmp_path / "lo")):
        with pdfplumber.open(made) as doc:
            words = [c for page in doc.pages for c in page.chars if c["text"] in "此致敬礼"]
        tops = {c["text"]: round(c["top"]) for c in words}
        x = {c["text"]: c["x0"] for c in words}
        assert tops["此"] == tops["致"] < tops["敬"] == tops["礼"], made
        assert abs(x["致"] - x["此"] - 16) < 1 and x["敬"] < x["此"], made


def test_export_then_review_lists_nothing(template):
    issue = _issue(template, "此致\n敬礼！", LONG + "\n以上报告，请审议。")
    data = render_docx(issue, template)
    paras = rv.load(data, issue)
    changes = rv.compare(issue, paras, rv.read(render_docx(issue, template)))
    assert [(c.where, c.kind, c.context) for c in changes] == []
    before = issue_to_dict(issue)
    rv.apply(issue, paras, changes, {c.number for c in changes}, set())
    assert issue_to_dict(issue) == before
    # a reviewer who joins the two lines is heard
    d = docx.Document(io.BytesIO(data))
    para = next(x for x in d.paragraphs if "此致" in x.text)
    for br in para._p.findall(f".//{qn('w:br')}"):
        br.getparent().remove(br)
    buf = io.BytesIO()
    d.save(buf)
    changes = rv.compare(issue, rv.load(buf.getvalue(), issue))
    assert [c.kind for c in changes] == ["未标记修改"]


def test_outline_shows_the_break_and_our_docx_comes_back(tmp_path):
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    assert cli("add", str(issue), str(_draft(tmp_path))).returncode == 0
    res = cli("outline", str(issue))
    assert "此致⏎敬礼！" in res.stdout
    out = tmp_path / "o.docx"
    assert cli("export", str(issue), "--docx", str(out)).returncode == 0
    again = import_file(out)[0][0]
    assert [b.text for b in again.blocks][1:3] == [
        "此致\n敬礼！",
        "报送材料：\n1．工作总结；\n2．统计表。",
    ]


@pytest.mark.slow
def test_libreoffice_round_trip_keeps_the_breaks(template, tmp_path):
    issue = _issue(template, "此致\n敬礼！", LONG + "\n以上报告，请审议。")
    src = tmp_path / "ours.docx"
    src.write_bytes(render_docx(issue, template))
    paras = rv.load(resave_docx(src, tmp_path / "lo"), issue)
    assert rv.compare(issue, paras, rv.read(src.read_bytes())) == []


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_pages_of_many_broken_paragraphs_start_alike_in_libreoffice(composer, template, tmp_path):
    from . import pagestarts

    pieces = ["此致\n敬礼！", "报送材料：\n1．工作总结（2024年）；\n2．统计表。"]
    texts = [
        LONG[: 5 + 7 * k] + "\n" + LONG[: 3 + 11 * k % 40] + "\n" + pieces[k % 2] for k in range(30)
    ]
    issue = _issue(template, *texts)
    doc = composer.compose(issue)
    assert len(doc.pages) >= 3
    out = tmp_path / "b.docx"
    out.write_bytes(render_docx(issue, template, doc))
    pdf = to_pdf(out, tmp_path / "lo")
    masthead = "".join(
        pagestarts._clean(ln.text) for ln in doc.pages[0].lines if ln.role == "masthead"
    )
    ours, theirs = pagestarts.ours(doc), pagestarts.theirs(pdf, masthead)
    assert theirs.stream == ours.stream
    assert [(p, lines) for p, _chars, lines in pagestarts.compare(ours, theirs)] == [
        (p, 0) for p in range(2, len(doc.pages) + 1)
    ]
    firsts, _lasts = pagestarts.edge_lines(pdf)
    mine = [
        next(pagestarts._clean(ln.text) for ln in page.lines if ln.role not in ("masthead",))
        for page in doc.pages[1:]
    ]
    assert firsts[1:] == mine


def test_proofing_finds_nothing_in_a_line_break(template):
    from lianluo_desk import proof

    issue = _issue(template, "此致\n敬礼！", "报送材料：\n1．工作总结；\n2．统计表。")
    assert proof.check(issue) == []


def test_unicode_line_and_paragraph_separators_are_breaks(tmp_path):
    """U+2028 LINE SEPARATOR (what a Mac or web paste leaves inside a Word run) is a line
    break; U+2029 PARAGRAPH SEPARATOR ends a paragraph in a text draft and is a line break
    inside a Word paragraph, whose end is Word's own."""
    body = p("通知", '<w:jc w:val="center"/>') + p("此致\u2028敬礼！") + p("甲\u2029乙")
    art = import_file(write(tmp_path / "d.docx", body))[0][0]
    assert [b.text for b in art.blocks] == ["此致\n敬礼！", "甲\n乙"]
    txt = tmp_path / "d.txt"
    txt.write_text("通知\n\n第一段\u2028第二行\u2029第二段\n", "utf-8")
    art = import_file(txt)[0][0]
    assert [b.text for b in art.blocks] == ["第一段\n第二行", "第二段"]
