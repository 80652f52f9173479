"""A cover's field lines under the title (作者、学院、指导教师…), bold and short one after
another with no text under any of them, are the cover's lines, not headings; a bold
heading with text under it after them stays a heading."""

from __future__ import annotations

from lianluo_desk.model.issue import BlockKind

from .test_heads import BODY, draft, read

TITLE = ("安阳某某学院本科学生毕业论文", "cbL")
FIELDS = [
    "作\u3000者\u3000\u3000张三",
    "系（院）\u3000\u3000软件学院",
    "专\u3000业\u3000\u3000软件工程",
    "指导教师\u3000\u3000李四",
]


def test_bold_field_lines_of_a_cover_are_no_headings(tmp_path):
    paras = [TITLE, *[(t, "b") for t in FIELDS], ("诚信承诺书", "b"), (BODY, "")]
    art, _r = read(draft(tmp_path / "论文.docx", paras))
    kinds = [(b.kind, b.text) for b in art.blocks]
    assert kinds[:4] == [(BlockKind.PARAGRAPH, t) for t in FIELDS]
    assert kinds[4] == (BlockKind.HEADING, "诚信承诺书")


def test_two_bold_headings_one_over_the_other_stay_headings(tmp_path):
    paras = [("工作方案", "cbL"), ("总体要求", "b"), ("指导思想", "b"), (BODY, "")]
    art, _r = read(draft(tmp_path / "方案.docx", paras))
    assert [b.kind for b in art.blocks] == [
        BlockKind.HEADING,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
