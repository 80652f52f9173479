"""Characters inserted from a symbol font (Insert ▸ Symbol: Symbol's Greek letters and
signs, Wingdings' circled numbers) come in as the characters the page shows, in a .docx
and in the .doc LibreOffice makes of it, so that no such character stops the export."""

from __future__ import annotations

import pytest

from lianluo_desk.importers import import_file

from .test_office_inputs import _convert
from .wordxml import p, r, write

TITLE = p("检测结果分析报告", '<w:jc w:val="center"/>', "<w:b/>")


def sym(font: str, code: str) -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


BODY = (
    "<w:p>"
    + r("取样误差")
    + sym("Symbol", "F061")  # α
    + r("不超过")
    + sym("Symbol", "F0B1")  # ±
    + r("5%，角度")
    + sym("Symbol", "F071")  # θ
    + sym("Symbol", "F0B3")  # ≥
    + r("30")
    + sym("Symbol", "F0B0")  # °
    + r("。")
    + "</w:p><w:p>"
    + sym("Wingdings", "F081")  # ①
    + r("原材料利用；")
    + sym("Wingdings", "F082")  # ②
    + r("余料利用；")
    + sym("Wingdings", "F08C")  # ❶
    + r("附注。")
    + "</w:p>"
)
WANT = ["取样误差α不超过±5%，角度θ≥30°。", "①原材料利用；②余料利用；❶附注。"]


def test_symbol_font_characters_in_a_docx(tmp_path):
    arts, _past = import_file(write(tmp_path / "报告.docx", TITLE + BODY))
    assert [b.text for b in arts[0].blocks] == WANT


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_symbol_font_characters_in_a_doc(tmp_path):
    docx = write(tmp_path / "报告.docx", TITLE + BODY)
    (tmp_path / "made").mkdir()
    arts, _past = import_file(_convert(docx, "doc", tmp_path / "made"))
    assert [b.text for b in arts[0].blocks] == WANT
