"""Under 第一章 chapters, an 一、 heading is a level below the chapter, as a reader sees it
(第一章 › 一、 › （一）), not the chapter's equal; without chapters 一、 stays level 1."""

from __future__ import annotations

from lianluo_desk.model.issue import BlockKind

from .test_heads import BODY, draft, read


def heads(art) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in art.blocks if b.kind is BlockKind.HEADING]


def test_numbered_headings_under_chapters_go_a_level_down(tmp_path):
    paras = [
        ("某某学校项目建设实施方案", "cbL"),
        ("第一章 需求论证", "cb"),
        (BODY, ""),
        ("第二章 建设内容", "cb"),
        ("一、专业建设规划", ""),
        (BODY, ""),
        ("（一）课程体系", ""),
        (BODY, ""),
        ("二、校企合作", ""),
        (BODY, ""),
    ]
    art, _r = read(draft(tmp_path / "方案.docx", paras))
    assert heads(art) == [
        ("第一章 需求论证", 1),
        ("第二章 建设内容", 1),
        ("一、专业建设规划", 2),
        ("（一）课程体系", 3),
        ("二、校企合作", 2),
    ]


def test_without_chapters_levels_stay(tmp_path):
    paras = [
        ("工作方案", "cbL"),
        ("一、总体要求", ""),
        (BODY, ""),
        ("（一）指导思想", ""),
        (BODY, ""),
    ]
    art, _r = read(draft(tmp_path / "方案.docx", paras))
    assert heads(art) == [("一、总体要求", 1), ("（一）指导思想", 2)]
