"""DOCX export: styles and fields in the XML, references for the XML, LibreOffice as the
reviewer's client, the round trip, and reviewed documents refused."""

import difflib
import io
import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from lianluo_desk.export.docx import render_docx
from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.importers import import_articles
from lianluo_desk.model.issue import BlockKind
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE
from lianluo_desk.textnorm import split_note

from .lo import to_pdf

EXPECTED = Path(__file__).parent / "docx" / "expected"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def sample_docx(template):
    return render_docx(load_issue(SAMPLE_ISSUE), template)


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_styles_fonts_grid_fields(sample_docx):
    styles = _part(sample_docx, "word/styles.xml")
    for name in (
        "刊名",
        "期号",
        "正文",
        "标题",
        "副标题",
        "编者按",
        "一级标题",
        "二级标题",
        "三级标题",
        "四级标题",
        "署名",
        "版记",
    ):
        assert f'w:name w:val="{name}"' in styles.replace("<w:name ", "w:name "), name
    assert 'w:eastAsia="仿宋_GB2312"' in styles and 'w:eastAsia="方正小标宋简体"' in styles
    assert "asciiTheme" not in styles and "eastAsiaTheme" not in styles
    assert 'w:eastAsia="zh-CN"' in styles
    doc = _part(sample_docx, "word/document.xml")
    assert re.search(r'<w:docGrid w:type="lines" w:linePitch="579"/>', doc)
    # the 版记: ruled paragraphs led by the blank lines the layout leaves above it
    assert doc.count('<w:pStyle w:val="版记"/>') >= 3 and "w:framePr" not in doc
    settings = _part(sample_docx, "word/settings.xml")
    assert "evenAndOddHeaders" in settings
    with zipfile.ZipFile(io.BytesIO(sample_docx)) as z:
        footers = [n for n in z.namelist() if n.startswith("word/footer")]
        assert len(footers) == 2
        for n in footers:
            assert " PAGE " in z.read(n).decode("utf-8")
    root = etree.fromstring(styles.encode("utf-8"))
    title = [s for s in root.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == "刊名"][0]
    assert title.find(f"{W}rPr/{W}color").get(f"{W}val") == "E60012"
    assert re.search(r'<w:color w:val="E60012"/>.*?<w:t>联络动态</w:t>', doc)  # the run too


def _pretty(xml: str) -> str:
    root = etree.fromstring(xml.encode("utf-8"))
    for el in root.iter():
        for attr in list(el.attrib):
            if "rsid" in attr:
                del el.attrib[attr]
    return etree.tostring(root, pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/footer1.xml"])
def test_xml_matches_reference(sample_docx, part, update_traces):
    got = _pretty(_part(sample_docx, part))
    ref = EXPECTED / (part.replace("/", "_"))
    if update_traces or not ref.exists():
        ref.write_text(got, "utf-8")
    want = ref.read_text("utf-8")
    if got != want:
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True)))[:60])
        pytest.fail(f"{part} changed:\n{diff}")


def _text(pdf_path_or_bytes) -> str:
    src = (
        io.BytesIO(pdf_path_or_bytes) if isinstance(pdf_path_or_bytes, bytes) else pdf_path_or_bytes
    )
    with pdfplumber.open(src) as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages)
    text = re.sub(r"—\s*\d+\s*—", "", text)
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
def test_libreoffice_opens_it_with_same_pages_and_text(big_issue, big_doc, template, tmp_path):
    docx = tmp_path / "big.docx"
    docx.write_bytes(render_docx(big_issue, template))
    ours = render_pdf(big_doc)
    theirs = to_pdf(docx, tmp_path / "lo")
    with pdfplumber.open(theirs) as pdf:
        lo_pages = len(pdf.pages)
    assert abs(lo_pages - len(big_doc.pages)) <= 1, (lo_pages, len(big_doc.pages))
    a, b = _text(ours), _text(theirs)
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    assert ratio > 0.98, ratio


@pytest.mark.slow
def test_round_trip(big_issue, template, tmp_path):
    docx = tmp_path / "rt.docx"
    docx.write_bytes(render_docx(big_issue, template))
    back = import_articles(docx)
    assert len(back) == len(big_issue.articles)
    for a, b in zip(big_issue.articles, back, strict=True):
        assert (
            b.title == [x for grp in _titles(a, template) for x in grp]
            or "".join(b.title) == a.title_text
        )
        assert b.subtitle == a.subtitle
        assert split_note(b.note)[1] == split_note(a.note)[1]  # the label is normalised

        def shape(art):
            return [
                (
                    x.kind,
                    x.level if x.kind is not BlockKind.PARAGRAPH or x.runin else 0,
                    x.runin,
                    x.text,
                )
                for x in art.blocks
            ]

        assert shape(b) == shape(a)


def _titles(article, template):
    from lianluo_desk.layout.titles import title_lines

    return title_lines(article, template)


def _review_docx(path, kind):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("审阅稿")
    p = d.add_paragraph("原有文字。")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    who = 'w:id="1" w:author="审稿人" w:date="2022-08-01T00:00:00Z"'
    if kind == "ins":
        p._p.append(parse_xml(f"<w:ins {ns} {who}><w:r><w:t>新增文字。</w:t></w:r></w:ins>"))
    else:
        p._p.append(
            parse_xml(f"<w:del {ns} {who}><w:r><w:delText>删去文字。</w:delText></w:r></w:del>")
        )
    d.save(path)


@pytest.mark.parametrize("kind", ["ins", "del"])
def test_tracked_changes_read_as_accepted(tmp_path, kind):
    p = tmp_path / f"{kind}.docx"
    _review_docx(p, kind)
    art = import_articles(p)[0]
    want = "原有文字。新增文字。" if kind == "ins" else "原有文字。"
    assert [b.text for b in art.blocks] == [want]


def test_comments_kept_with_their_paragraph(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("审阅稿")
    p = d.add_paragraph("有批注的一段。")
    d.add_comment(p.runs, text="这里要改", author="审稿人")
    path = tmp_path / "c.docx"
    d.save(path)
    art = import_articles(path)[0]
    assert [(c["author"], c["text"], c["on"]) for c in art.blocks[0].comments] == [
        ("审稿人", "这里要改", "有批注的一段。")
    ]


def test_title_block_blank_lines_follow_the_layout(template, composer):
    """Note, blank, title, blank, subtitle, blank, then the 一、 heading with its line of
    space above: the 2018 format's title block in Word as in the PDF (the blank above
    the title stays with it)."""
    import docx

    from .conftest import past

    issue = past("2018-no01").issue
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    paras = [
        (p.style.name, p.text[:6], bool(p._p.xpath("./w:pPr/w:keepNext"))) for p in d.paragraphs
    ]
    start = next(i for i, p in enumerate(paras) if p[0] == "编者按")
    got = [(s, t) for s, t, _ in paras[start : start + 7]]
    assert got == [
        ("编者按", "编者按：20"),
        ("正文", ""),
        ("标题", "湖南省人大常"),
        ("正文", ""),
        ("副标题", "（2018年"),
        ("正文", ""),
        ("一级标题", "一、选举任免"),
    ]
    assert all(paras[start + k][2] for k in (1, 3, 5))  # blanks kept with the title
    head_p = d.paragraphs[start + 6]._p
    pitch = str(int(template.geometry.pitch * 20))
    assert head_p.xpath("string(./w:pPr/w:spacing/@w:before)") == pitch
    # the same lines in the layout: blank slots between the note and the first heading
    doc = composer.compose(issue)
    roles = [ln.role for p in doc.pages for ln in p.lines if ln.slot >= 0][:20]
    assert roles.count("title") == 2 and "subtitle" in roles
    lines = [(p.number, ln.slot, ln.role) for p in doc.pages for ln in p.lines if ln.slot >= 0]
    title = next(x for x in lines if x[2] == "title")
    sub = next(x for x in lines if x[2] == "subtitle")
    head = next(x for x in lines if x[2] == "heading1")
    assert title[1] == 1  # the blank above the title kept at the page top
    assert sub[1] - title[1] == 3 and head[1] - sub[1] == 3  # blank, blank above 一、


def test_heading_space_in_every_format(template, composer):
    """一、 headings carry one grid line of space above them in Word as in the PDF, in
    every year's format; written also where the layout starts a page with the heading
    (it drops the space there, as the word processor does at a page top)."""
    import docx

    from .conftest import past

    def spaced(name):
        d = docx.Document(io.BytesIO(render_docx(past(name).issue, template)))
        heads = [p for p in d.paragraphs if p.style.name == "一级标题"]
        assert heads
        return [p._p.xpath("string(./w:pPr/w:spacing/@w:before)") for p in heads]

    pitch = str(int(template.geometry.pitch * 20))
    for name in ("2018-no01", "2021-no02", "2022-no07"):
        assert set(spaced(name)) == {pitch}, name
        # in the layout: a blank grid line above each heading that does not start a page
        doc = composer.compose(past(name).issue)
        for page in doc.pages:
            slots = {ln.slot for ln in page.lines}
            for ln in page.lines:
                if ln.role == "heading1" and ln.slot > 0:
                    assert ln.slot - 1 not in slots, (name, page.number, ln.text)


@pytest.mark.slow
def test_many_long_titles_fit_the_document_title(big_issue, template):
    """Word's title property holds 255 characters; an issue with many long titles is
    still exported (the property shortened, the articles all there)."""
    import copy

    issue = copy.deepcopy(big_issue)
    issue.articles = issue.articles * 3
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    assert len(d.core_properties.title) <= 255 and d.core_properties.title.endswith("…")
