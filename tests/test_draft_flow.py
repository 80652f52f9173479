"""The same paragraph rules for Word and text drafts: a title typed as two centred
paragraphs is one title, paragraphs cut mid-sentence are joined; bad files are refused in
one line naming the file; a byte-order mark never reaches the text."""

from __future__ import annotations

import os

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.importers import import_file

from .conftest import cli
from .wordxml import p, write

CENTRE = '<w:jc w:val="center"/>'
CUT_TEXT = [
    "关于进一步加强代表联络站建设的通知",
    "各市州人大常委会选举任免联络工作委员会要根据常委会工作安排，认真做好代表联络站建设的有关",
    "工作，请",  # a page break cut the paragraph twice
    "认真贯彻落实。",
    "一、总体要求",
    "联络站要做到有场所、有制度。",
    "湖南省人大常委会办公厅",
    "2022年8月15日",
]
JOINED = [
    "各市州人大常委会选举任免联络工作委员会要根据常委会工作安排，认真做好代表联络站建设的有关"
    "工作，请认真贯彻落实。",
    "一、总体要求",
    "联络站要做到有场所、有制度。",
    "湖南省人大常委会办公厅",
    "2022年8月15日",
]
PROSE = [
    "代表联络站是代表密切联系群众的重要平台。今年以来，各地按照有场所、有制度、有活动的要求，"
    "新建和提升了一批联络站，代表进站履职的次数明显增加，群众反映的问题得到及时回应",
    "下一步，要在规范化建设上下功夫，健全代表进站接待群众的制度，完善意见收集、交办、"
    "督办和反馈的工作流程，推动联络站从有形覆盖向有效覆盖转变。",
]


def test_title_in_two_centred_paragraphs_is_one_title(tmp_path):
    body = (
        p("湖南省人大常委会选举任免联络工作委员会", CENTRE)
        + p("关于2022年上半年工作的总结", CENTRE)
        + p("上半年，委员会认真履行职责。")
    )
    art = import_file(write(tmp_path / "t.docx", body))[0][0]
    assert art.title == ["湖南省人大常委会选举任免联络工作委员会", "关于2022年上半年工作的总结"]
    assert not art.subtitle and [b.text for b in art.blocks] == ["上半年，委员会认真履行职责。"]


def test_cut_paragraphs_rejoined_in_word_and_text(tmp_path):
    docx = write(tmp_path / "cut.docx", "".join(p(t) for t in CUT_TEXT))
    txt = tmp_path / "cut.txt"
    txt.write_text("\n".join(CUT_TEXT) + "\n", "utf-8")
    for f in (docx, txt):
        art = import_file(f)[0][0]
        assert art.title_text == CUT_TEXT[0]
        assert [b.full_text for b in art.blocks] == JOINED, f


def test_one_paragraph_per_printed_line_rejoined(tmp_path):
    """A text pasted from a PDF: every printed line (20 characters) its own paragraph,
    a paragraph's last line shorter; a full line may end on a hanzi or a mark."""
    lines = [t[k : k + 20] for t in PROSE for k in range(0, len(t), 20)]
    docx = write(tmp_path / "lines.docx", p("代表联络站建设情况", CENTRE) + "".join(map(p, lines)))
    txt = tmp_path / "lines.txt"
    txt.write_text("代表联络站建设情况\n" + "\n".join(lines) + "\n", "utf-8")
    for f in (docx, txt):
        assert [b.text for b in import_file(f)[0][0].blocks] == PROSE, f


@pytest.mark.parametrize(
    ("name", "data", "code", "said"),
    [
        ("bad.xyz", b"hello", "draft.unknown_type", "unknown type"),
        ("image.docx", b"\x89PNG\r\n\x1a\n" + bytes(200), "draft.is_image", "PNG image"),
        ("image.txt", b"\xff\xd8\xff\xe0" + bytes(200), "draft.is_image", "JPEG image"),
        ("fake.docx", bytes(range(1, 200)), "draft.wrong_content", "not a Word .docx"),
    ],
)
def test_bad_files_refused_in_one_line(tmp_path, name, data, code, said):
    f = tmp_path / name
    f.write_bytes(data)
    with pytest.raises(UserError) as e:
        import_file(f)
    assert e.value.code == code and e.value.params["where"] == f
    assert said in str(e.value) and str(f) in str(e.value) and "\n" not in str(e.value)


@pytest.mark.slow
def test_junk_word_file_refused_not_read_as_text(tmp_path):
    junk = tmp_path / "junk.doc"
    junk.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + os.urandom(8192))
    with pytest.raises(UserError) as e:
        import_file(junk)
    assert e.value.code == "convert.unreadable" and e.value.params["kind"] == "Word 97 .doc"
    assert e.value.params["where"] == junk


def test_bad_soffice_setting_named(tmp_path, monkeypatch):
    doc = tmp_path / "a.doc"
    doc.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600))
    monkeypatch.setenv("LIANLUO_DESK_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(UserError) as e:
        import_file(doc)
    assert e.value.code == "fs.about" and e.value.params["where"] == doc
    assert e.value.params["reason"].code == "convert.no_program"
    said = str(e.value)  # one line: the draft, the setting, what is wrong with it
    assert said.startswith(str(doc)) and "LIANLUO_DESK_SOFFICE" in said and "does not exist" in said


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\x84\x31\x95\x33"])
def test_bom_never_reaches_the_text(tmp_path, bom):
    f = tmp_path / "bom.txt"
    enc = "utf-8" if bom[0] == 0xEF else "gb18030"
    f.write_bytes(bom + "测试标题\n\n正文说明见 version 2.0.\n".encode(enc))
    art = import_file(f)[0][0]
    assert art.title_text == "测试标题"
    assert "\ufeff" not in art.title_text + "".join(b.text for b in art.blocks)


def test_add_reports_what_was_left_out(tmp_path):
    issue = tmp_path / "issue.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    body = (
        p("关于召开工作会议的通知", CENTRE)
        + p("目录")
        + p("一、会议安排……1")
        + p("二、有关要求……2")
        + p("一、会议安排")
        + p("会议定于下周召开。")
    )
    r = cli("add", str(issue), str(write(tmp_path / "d.docx", body)))
    assert r.returncode == 0, r.stderr
    lines = [ln for ln in r.stdout.splitlines() if "table of contents entries 2" in ln]
    assert len(lines) == 1 and "left out" in lines[0]
    out = tmp_path / "out.pdf"
    assert cli("export", str(issue), "--pdf", str(out)).returncode == 0


def test_invisible_characters_left_out_as_review_leaves_them_out(tmp_path):
    """The importer and review apply one normalisation (textnorm): what review would not
    see never enters the issue from a draft either."""
    from lianluo_desk.textnorm import INVISIBLE

    draft = tmp_path / "d.txt"
    body = "代表建议办理" + "".join(INVISIBLE) + "工作取得实效。"
    draft.write_text("关于代表建议办理工作\n\n" + body + "\n", "utf-8")
    arts = import_file(draft)[0]
    texts = [b.text for a in arts for b in a.blocks]
    assert "代表建议办理工作取得实效。" in texts
    assert not any(ch in t for t in texts for ch in INVISIBLE)
