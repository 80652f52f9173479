"""A form's blanks typed as underlined spaces (甲方：＿＿＿, 于＿＿年＿＿月前完成) keep their
line: the reader sees a blank to fill in, not words run together."""

from __future__ import annotations

from lianluo_desk.importers import ImportReport, import_file

from .wordxml import p, r, write

U = '<w:u w:val="single"/>'


def test_underlined_spaces_stay_a_blank_line(tmp_path):
    lines = [
        r("甲方：") + r(" " * 12, U),
        r("于") + r("    ", U) + r("年") + r("\u3000\u3000", U) + r("月前完成初稿。"),
        r("双方各执一份，") + r("  ", '<w:u w:val="none"/>') + r("具有同等效力。"),
    ]
    title = p("校企合作开发教材协议书", '<w:jc w:val="center"/>', "<w:b/>")
    body = title + "".join(f"<w:p>{x}</w:p>" for x in lines)
    arts, _past = import_file(write(tmp_path / "协议.docx", body))
    got = [b.text for b in arts[0].blocks]
    assert got[:2] == ["甲方：" + "_" * 12, "于____年____月前完成初稿。"]
    assert "_" not in got[2]  # spaces not underlined are no blank


def test_a_cover_of_blank_field_lines_is_no_table_of_contents(tmp_path):
    """姓名 ____ / 班级 ____ … one under another: a form's lines, kept, not left out as
    a table of contents whose page numbers went missing."""
    fields = [
        f"{x} " + "_" * n for x, n in (("姓 名", 20), ("班 级", 26), ("学 号", 23), ("成 绩", 30))
    ]
    title = p("系统仿真综合试题", '<w:jc w:val="center"/>', "<w:b/>")
    body = title + "".join(p(t) for t in fields) + p("一、建模") + p("本题要求建立停车场模型。")
    report = ImportReport()
    arts, _past = import_file(write(tmp_path / "试题.docx", body), None, "", report)
    assert [b.text for b in arts[0].blocks][:4] == fields
    assert "目录条目" not in report.left_out


def test_a_filled_in_blank_keeps_its_value_and_no_underscores(tmp_path):
    """项目经费：___10000___元 with the value typed on the line: the spaces around the
    underlined value are the line's padding, not blanks left to fill in."""
    line = r("项目获批总经费：") + r("      ", U) + r("10000", U) + r("   ", U) + r("元")
    title = p("中期检查报告", '<w:jc w:val="center"/>', "<w:b/>")
    arts, _past = import_file(write(tmp_path / "报告.docx", title + f"<w:p>{line}</w:p>"))
    assert "_" not in arts[0].blocks[0].text
    assert "10000" in arts[0].blocks[0].text
