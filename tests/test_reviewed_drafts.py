"""A draft with tracked changes comes in as Word's final view (all accepted), its
comments kept with the paragraphs they mark for the editor (not printed); both counted
in one line of the report, never a refusal."""

from __future__ import annotations

from lianluo_desk.importers import ImportReport, import_file

from .conftest import cli
from .wordxml import p, r, write

AUTHOR = 'w:id="{}" w:author="审稿人" w:date="2022-08-10T09:00:00Z"'


def ins(k: int, text: str) -> str:
    return f"<w:ins {AUTHOR.format(k)}>{r(text)}</w:ins>"


def dele(k: int, text: str) -> str:
    run = f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'
    return f"<w:del {AUTHOR.format(k)}>{run}</w:del>"


def _comment(k: int, text: str) -> str:
    return f'<w:comment {AUTHOR.format(k)} w:initials="S">{p(text)}</w:comment>'


TITLE = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + (
    '<w:commentRangeStart w:id="0"/>'
    + r("关于召开工作会议的通知")
    + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
)
BODY = (
    TITLE
    + "<w:p>"
    + r("会议定于")
    + dele(1, "八月")
    + ins(2, "九月")
    + r("召开，")
    + '<w:commentRangeStart w:id="1"/>'
    + r("请各单位准时参加")
    + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>'
    + r("。")
    + "</w:p>"
    # a formatting change, a moved phrase and a paragraph whose mark was deleted
    + "<w:p>"
    + '<w:r><w:rPr><w:i/><w:rPrChange w:id="3" w:author="审稿人"><w:rPr/></w:rPrChange>'
    + "</w:rPr><w:t>材料</w:t></w:r>"
    + f"<w:moveFrom {AUTHOR.format(4)}>{r('会前')}</w:moveFrom>"
    + r("请")
    + f"<w:moveTo {AUTHOR.format(5)}>{r('会前')}</w:moveTo>"
    + r("报送，")
    + "</w:p>"
)


def _joined() -> str:
    deleted_mark = f"<w:pPr><w:rPr><w:del {AUTHOR.format(6)}/></w:rPr></w:pPr>"
    return (
        f"<w:p>{deleted_mark}{r('联系人：张三，')}</w:p>"
        + p("电话：12345678。")
        + f"<w:p>{dele(7, '这一段整段删去。')}<w:pPr><w:rPr><w:del {AUTHOR.format(8)}/>"
        + "</w:rPr></w:pPr></w:p>"
        + p("最后一段。")
    )


COMMENTS = _comment(0, "标题太长") + _comment(1, "注明时间")


def test_tracked_changes_accepted_and_comments_kept(tmp_path):
    draft = write(tmp_path / "d.docx", BODY + _joined(), comments=COMMENTS)
    report = ImportReport()
    art = import_file(draft, report=report)[0][0]
    assert art.title == ["关于召开工作会议的通知"]
    assert [b.text for b in art.blocks] == [
        "会议定于九月召开，请各单位准时参加。",
        "材料请会前报送，",
        "联系人：张三，电话：12345678。",
        "最后一段。",
    ]
    assert art.comments == [
        {
            "author": "审稿人",
            "date": "2022-08-10T09:00:00Z",
            "text": "标题太长",
            "on": "关于召开工作会议的通知",
            "field": "title",
        }
    ]
    said = {"author": "审稿人", "date": "2022-08-10T09:00:00Z", "text": "注明时间"}
    assert art.blocks[0].comments == [{**said, "on": "请各单位准时参加"}]
    line = report.summary()
    assert "修订 8 处" in line and "批注 2 条" in line and "\n" not in line
    assert "标题太长" not in "".join(b.all_text for b in art.blocks)


def test_add_reports_the_review_in_one_line(tmp_path):
    draft = write(tmp_path / "稿.docx", BODY, comments=COMMENTS)
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(draft), env={"LANG": "zh_CN.UTF-8"})
    assert res.returncode == 0, res.stderr
    said = [ln for ln in res.stdout.splitlines() if "修订" in ln]
    assert len(said) == 1 and "批注 2 条" in said[0] and "稿.docx" in said[0]
    english = cli("add", str(issue), str(draft)).stdout.splitlines()
    said = [ln for ln in english if "tracked changes" in ln]
    assert len(said) == 1 and "2 comments kept" in said[0] and "稿.docx" in said[0]
    shown = cli("outline", str(issue)).stdout.splitlines()
    # the head's own lines (T1…, S, N: addresses for ``role``) aside
    shown = [ln for ln in shown if not ln.lstrip().startswith(("T1 ", "S ", "N "))]
    assert shown[1].endswith("〔批注 1〕") and shown[2].endswith("〔批注 1〕")


def test_deleted_table_row_left_out(tmp_path):
    def row(a: str, b: str, props: str = "") -> str:
        cells = "".join(f"<w:tc>{p(x)}</w:tc>" for x in (a, b))
        return f"<w:tr><w:trPr>{props}</w:trPr>{cells}</w:tr>"

    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + row("姓名", "单位")
        + row("李四", "已删", f"<w:del {AUTHOR.format(9)}/>")
        + row("张三", "办公室")
        + "</w:tbl>"
    )
    art = import_file(write(tmp_path / "d.docx", TITLE + table + p("完。")))[0][0]
    t = art.blocks[0].table
    assert t is not None
    assert [[c.text for c in row.cells] for row in t.rows] == [["姓名", "单位"], ["张三", "办公室"]]


def test_comment_in_an_insertion_or_a_joined_paragraph_kept(tmp_path):
    ref = '<w:commentRangeStart w:id="{0}"/>{1}<w:commentRangeEnd w:id="{0}"/>'
    ref += '<w:r><w:commentReference w:id="{0}"/></w:r>'
    deleted_mark = f"<w:pPr><w:rPr><w:del {AUTHOR.format(6)}/></w:rPr></w:pPr>"
    body = (
        TITLE
        + f"<w:p>{r('会议')}<w:ins {AUTHOR.format(3)}>{ref.format(1, r('九月'))}</w:ins>"
        + f"{r('召开。')}</w:p>"
        + f"<w:p>{deleted_mark}{ref.format(2, r('联系人：张三，'))}</w:p>"
        + p("电话：12345678。")
    )
    comments = COMMENTS + _comment(2, "补全")
    art = import_file(write(tmp_path / "d.docx", body, comments=comments))[0][0]
    assert [b.text for b in art.blocks] == ["会议九月召开。", "联系人：张三，电话：12345678。"]
    assert [[(c["text"], c["on"]) for c in b.comments] for b in art.blocks] == [
        [("注明时间", "九月")],
        [("补全", "联系人：张三，")],
    ]


def test_a_comment_done_in_word_kept_resolved(tmp_path):
    """Word marks a comment done in ``commentsExtended`` by its last paragraph's id."""
    import zipfile

    done = (
        f'<w:comment {AUTHOR.format(1)}><w:p w14:paraId="0A0B0C0D" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        + r("已改")
        + "</w:p></w:comment>"
    )
    plain = write(tmp_path / "plain.docx", BODY, comments=_comment(0, "标题太长") + done)
    draft = tmp_path / "d.docx"
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    ext = (
        f'<w15:commentsEx xmlns:w15="{w15}"><w15:commentEx w15:paraId="0A0B0C0D" '
        'w15:done="1"/></w15:commentsEx>'
    )
    kind = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
    with zipfile.ZipFile(plain) as z, zipfile.ZipFile(draft, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rX" Type="{kind}" Target="commentsExtended.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            out.writestr(name, data)
        out.writestr("word/commentsExtended.xml", ext)
    report = ImportReport()
    art = import_file(draft, report=report)[0][0]
    assert [c.get("state") for c in art.comments] == [None]
    assert [(c["text"], c.get("state")) for c in art.blocks[0].comments] == [("已改", "resolved")]
    assert "批注 1 条保留待处理" in report.summary() and "已解决的批注 1 条" in report.summary()
