"""Word constructs keep their text (content controls, smart tags, ruby, fields, custom
XML, hyperlinks, text boxes, notes); hidden text, tables of contents and symbol-font
list markers stay out, and the report names what was left out or placed apart."""

from __future__ import annotations

from lianluo_desk.importers import ImportReport, import_file

from .wordxml import p, r, write


def fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


TITLE = p("关于召开工作会议的通知", '<w:jc w:val="center"/>')


def _read(tmp_path, body, **parts):
    report = ImportReport()
    art = import_file(write(tmp_path / "d.docx", TITLE + body, **parts), report=report)[0][0]
    return art, [b.full_text for b in art.blocks], report


def test_inline_constructs_keep_their_text(tmp_path):
    body = (
        "<w:p>"
        + r("报送单位：")
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + r("办公室")
        + "</w:sdtContent></w:sdt>"
        + r("。会议由")
        + '<w:customXml w:element="n">'
        + r("张三")
        + "</w:customXml>"
        + '<w:smartTag w:element="p">'
        + r("同志")
        + "</w:smartTag>"
        + r("主持，地点")
        + '<w:fldSimple w:instr=" DOCPROPERTY x ">'
        + r("长沙")
        + "</w:fldSimple>"
        + "<w:ruby><w:rubyPr/><w:rt>"
        + r("zhāng")
        + "</w:rt><w:rubyBase>"
        + r("樟")
        + "</w:rubyBase></w:ruby>"
        + '<w:hyperlink r:id="x">'
        + r("园")
        + "</w:hyperlink>"
        + r("，材料见附件。")
        + "</w:p>"
    )
    _art, texts, _rep = _read(tmp_path, body)
    assert texts == ["报送单位：办公室。会议由张三同志主持，地点长沙樟园，材料见附件。"]


def test_block_content_control_and_complex_field_result(tmp_path):
    body = (
        "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p("第一段在内容控件里。")
        + "</w:sdtContent></w:sdt>"
        + f"<w:p>{r('日期')}{fld('begin')}<w:r><w:instrText> DATE </w:instrText></w:r>"
        + f"{fld('separate')}{r('2022年8月15日')}{fld('end')}{r('。')}</w:p>"
    )
    _art, texts, _rep = _read(tmp_path, body)
    assert texts == ["第一段在内容控件里。", "日期2022年8月15日。"]


def test_hidden_text_stays_out(tmp_path):
    body = "<w:p>" + r("看得见的，") + r("看不见的，", "<w:vanish/>") + r("也看得见。") + "</w:p>"
    _art, texts, rep = _read(tmp_path, body)
    assert texts == ["看得见的，也看得见。"]
    assert "隐藏文字" in rep.summary()


def _box(text: str) -> str:
    inner = f"<w:txbxContent>{p(text)}</w:txbxContent>"
    drawing = (
        "<w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        + inner
        + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    vml = f"<w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        + drawing
        + "</mc:Choice><mc:Fallback>"
        + vml
        + "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_boxes_follow_their_anchor_once(tmp_path):
    box = f"<w:txbxContent>{p('竖排框里的字。')}</w:txbxContent>"
    vml_only = f"<w:r><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></w:r>"
    body = (
        "<w:p>"
        + r("锚定段落。")
        + _box("框里的字。")
        + "</w:p>"
        + p("下一段。")
        + "<w:p>"
        + r("又一段。")
        + vml_only
        + "</w:p>"
    )
    _art, texts, rep = _read(tmp_path, body)
    assert texts == ["锚定段落。", "框里的字。", "下一段。", "又一段。", "竖排框里的字。"]
    assert "文本框 2" in rep.summary()


def test_notes_numbered_at_the_end(tmp_path):
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        + r(" 见某某文件。")
        + "</w:p></w:footnote>"
    )
    ends = (
        '<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r>'
        + r("尾注的话。")
        + "</w:p></w:endnote>"
    )
    body = (
        "<w:p>"
        + r("正文一")
        + '<w:r><w:footnoteReference w:id="1"/></w:r>'
        + r("，正文二")
        + '<w:r><w:endnoteReference w:id="2"/></w:r>'
        + r("。")
        + "</w:p>"
    )
    _art, texts, rep = _read(tmp_path, body, footnotes=notes, endnotes=ends)
    assert texts == ["正文一①，正文二②。", "注释：", "①见某某文件。", "②尾注的话。"]
    assert "注释 2" in rep.summary()


def test_symbol_font_bullets_never_refuse(tmp_path, template, fonts):
    from lianluo_desk.layout.engine import lay_out
    from lianluo_desk.service import new_issue

    sym = '<w:r><w:sym w:font="Wingdings" w:char="F0D8"/></w:r>'
    body = p("\uf0b7\t第一条要求。") + f"<w:p>{r('第二条')}{sym}{r('要求。')}</w:p>"
    art, texts, rep = _read(tmp_path, body)
    assert texts == ["第一条要求。", "第二条→要求。"]
    assert "项目符号 1" in rep.summary()
    issue = new_issue(template, __import__("datetime").date(2022, 8, 15))
    issue.articles = [art]
    assert lay_out(issue, template, fonts).pages


def test_table_of_contents_left_out(tmp_path):
    toc_field = (
        f"<w:p>{fld('begin')}"
        + '<w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        + f"{fld('separate')}{r('一、项目概述	3')}</w:p>"
        + p("二、实施方案\t5")
        + f"<w:p>{r('三、保障措施	9')}{fld('end')}</w:p>"
    )
    gallery = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + p("目录")
        + p("一、概述\t1")
        + "</w:sdtContent></w:sdt>"
    )
    typed = p("目  录") + p("一、项目概述……3") + p("二、实施方案……5")
    body = toc_field + gallery + typed + p("一、项目概述") + p("项目的正文。")
    art, texts, rep = _read(tmp_path, body)
    assert texts == ["一、项目概述", "项目的正文。"]
    assert [b.kind.value for b in art.blocks][0] == "heading"
    assert "目录条目 6" in rep.summary()  # 3 + 1 + 2 entries, their titles not counted


def _cell(text: str) -> str:
    return f"<w:tc><w:tcPr/>{p(text)}</w:tc>"


TABLE = (
    "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    + f"<w:tr>{_cell('姓名')}{_cell('单位')}</w:tr>"
    + f"<w:tr>{_cell('张三')}{_cell('办公室')}</w:tr></w:tbl>"
)


def _drawing_box(inner: str) -> str:
    """A DrawingML text box (``wps:txbx``) with the VML copy Word writes beside it."""
    content = f"<w:txbxContent>{inner}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        + content
        + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        + f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox>"
        + "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_box_keeps_its_table_and_paragraphs(tmp_path):
    box = _drawing_box(p("报名回执") + TABLE + p("请于月底前报送。"))
    vml = f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{TABLE}</w:txbxContent>"
    vml += "</v:textbox></v:shape></w:pict></w:r>"
    body = f"<w:p>{r('锚定段落。')}{box}</w:p>" + f"<w:p>{r('又一段。')}{vml}</w:p>"
    art, texts, rep = _read(tmp_path, body)
    kinds = [b.kind.value for b in art.blocks]
    assert kinds == ["paragraph", "paragraph", "table", "paragraph", "paragraph", "table"]
    assert texts[:2] == ["锚定段落。", "报名回执"]
    assert texts[3:5] == ["请于月底前报送。", "又一段。"]
    for k in (2, 5):
        table = art.blocks[k].table
        assert table is not None
        assert [[c.text for c in row.cells] for row in table.rows] == [
            ["姓名", "单位"],
            ["张三", "办公室"],
        ]
    assert "文本框 2" in rep.summary()


def test_frame_paragraphs_kept_and_a_drop_cap_joins_its_paragraph(tmp_path):
    frame = '<w:framePr w:w="3000" w:hSpace="180" w:wrap="around" w:vAnchor="text"/>'
    drop = '<w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text"/>'
    body = (
        p("框架里的说明文字。", frame)
        + p("今", drop)
        + p("年以来，各级人大代表积极履职。")
        + p("最后一段。")
    )
    _art, texts, _rep = _read(tmp_path, body)
    assert texts == ["框架里的说明文字。", "今年以来，各级人大代表积极履职。", "最后一段。"]


def test_wordart_and_a_box_table_in_a_cell_keep_their_text(tmp_path):
    wordart = (
        '<w:r><w:pict><v:shape><v:textpath string="湖南省人大常委会文件"/></v:shape></w:pict></w:r>'
    )
    box = _drawing_box(TABLE)
    cell = f"<w:tc><w:p>{r('见框：')}{box}</w:p></w:tc><w:tc>{p('右格')}</w:tc>"
    table = f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{cell}</w:tr></w:tbl>"
    body = f"<w:p>{wordart}</w:p>" + table + p("正文一段。")
    art, texts, _rep = _read(tmp_path, body)
    assert texts[0] == "湖南省人大常委会文件"
    t = art.blocks[1].table
    assert t is not None
    assert [c.text for c in t.rows[0].cells] == ["见框：\n姓名\n单位\n张三\n办公室", "右格"]
