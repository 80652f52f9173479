"""Find and replace over an issue without Qt: every printed text is searched in reading
order (版头, notes, titles, paragraphs, cells, 版记), Word's options hold, a replacement
keeps a cell's runs, and a hit whose text changed since is left alone."""

from lianluo_desk.model.find import Options, Spot, find, replace, replace_all
from lianluo_desk.model.issue import (
    Article,
    Banji,
    Block,
    BlockKind,
    DistributionGroup,
    Issue,
    Masthead,
)

from .tabledata import work_table


def _issue() -> Issue:
    table = Block(BlockKind.TABLE, table=work_table(2))
    art = Article(
        title=["关于调研工作的", "调研报告"],
        subtitle="——调研组",
        note="编者按：调研是基本功。",
        blocks=[
            Block(BlockKind.PARAGRAPH, "开展调研，形成报告。", runin="一、抓调研。"),
            Block(BlockKind.PARAGRAPH, "Report ＲＥＰＯＲＴ reports report2 report"),
            table,
        ],
    )
    return Issue(
        masthead=Masthead(title="联络动态", issuer="调研室编"),
        note="刊首调研",
        articles=[art],
        banji=Banji(
            distribution=[DistributionGroup("各调研组")],
            editors=["张调研"],
            contact="调研电话",
            approval="调研〔2000〕1号",
        ),
    )


def test_every_printed_text_is_searched_in_reading_order():
    hits = find(_issue(), "调研")
    fields = [h.spot.field for h in hits]
    assert fields[:4] == ["masthead.issuer", "note", "title0", "title1"]
    assert "subtitle" in fields and "runin" in fields and "text" in fields
    assert (
        sum(f.startswith("cell ") for f in fields) == 4
    )  # 专题调研，形成调研报告: two in each of two cells
    assert fields[-4:] == [
        "footer.distribution0",
        "footer.editors0",
        "footer.contact",
        "footer.approval",
    ]
    assert len(hits) == 16
    art_note = next(h for h in hits if h.spot == Spot(0, -1, "note"))
    assert art_note.spot.describe() == "第1篇 编者按"
    cell = next(h for h in hits if h.spot.field.startswith("cell"))
    assert cell.spot.describe() == "第1篇 第3段 表格第2行第2格"


def test_case_width_and_whole_word():
    issue = _issue()
    assert len(find(issue, "report")) == 5  # Report, ＲＥＰＯＲＴ, reports, report2, report
    assert len(find(issue, "report", Options(case=True))) == 3
    assert len(find(issue, "report", Options(widths=False))) == 4
    whole = find(issue, "report", Options(whole=True))
    assert [h.text for h in whole] == ["Report", "ＲＥＰＯＲＴ", "report"]
    assert len(find(issue, "调研", Options(whole=True))) == 16  # hanzi have no word bounds


def test_replace_all_counts_and_keeps_the_cells_runs():
    issue = _issue()
    table = issue.articles[0].blocks[2].table
    runs_before = [len(p.runs) for r in table.rows for c in r.cells for p in c.paras]
    assert replace_all(issue, "调研", "考察") == 16
    assert not find(issue, "调研")
    art = issue.articles[0]
    assert art.title == ["关于考察工作的", "考察报告"] and art.blocks[0].runin == "一、抓考察。"
    assert issue.banji.editors == ["张考察"] and issue.masthead.issuer == "考察室编"
    assert "组织代表开展专题考察" in table.rows[1].cells[1].text
    assert [len(p.runs) for r in table.rows for c in r.cells for p in c.paras] == runs_before


def test_one_hit_replaced_only_where_its_text_still_is():
    issue = _issue()
    hit = find(issue, "报告")[1]
    assert hit.spot == Spot(0, 0, "text")
    assert replace(issue, hit, "材料")
    assert issue.articles[0].blocks[0].text == "开展调研，形成材料。"
    assert not replace(issue, hit, "材料")  # the text there is no longer 报告
