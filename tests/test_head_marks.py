"""What stands above a title on a cover and is no title: a secrecy mark (内部资料 注意保存),
a photo box's label typed a character a line, a journal's running head (刊名, 年卷期),
an editing note in brackets, a form's field lines, a speaker's name, a bold sentence.
A title whose characters are spaced out (报 名 表) is one line."""

from __future__ import annotations

from .test_heads import BODY, draft, read, roles


def test_secrecy_mark_above_the_title_is_left_out(tmp_path):
    art, report = read(
        draft(
            tmp_path / "密级.docx",
            [
                ("内部资料", "cs"),
                ("注意保存", "cs"),
                ("反窃电稽查监控系统", "cbL"),
                ("功能设计说明书", "cbL"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["反窃电稽查监控系统", "功能设计说明书"]
    assert roles(art) == [("paragraph", BODY)]
    assert report.left_out.get("report.classification") == 2


def test_small_label_above_a_larger_title_stays_body_text(tmp_path):
    """A photo box's label typed a character a line (一/寸/照/片) in the body's size, then
    the form's title, bold and larger: the title is the larger line; the label is kept."""
    art, _report = read(
        draft(
            tmp_path / "体检表.docx",
            [(ch, "cs") for ch in "一寸照片"] + [("从业人员健康检查表", "bL"), (BODY, "")],
        )
    )
    assert art.title == ["从业人员健康检查表"]
    assert roles(art) == [("paragraph", "一寸照片"), ("paragraph", BODY)]


def test_journal_running_head_is_no_title(tmp_path):
    for k, head in enumerate(
        (
            [("高等建筑教育\u3000\u3000\u30002010年第19卷第1期", ""), ("JOURNAL OF EDUCATION", "")],
            [("现代大学教育", ""), ("2016年第3期\u3000\u3000学人手札", "")],
        )
    ):
        art, report = read(
            draft(
                tmp_path / f"刊{k}.docx",
                [*head, ("工程管理专业实践教学体系构建研究", ""), ("陈建国", ""), (BODY, "")],
            )
        )
        assert art.title == ["工程管理专业实践教学体系构建研究"], art.title
        assert report.left_out.get("report.running_head") == 2


def test_bracketed_note_before_the_title_is_no_title(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "说明.docx",
            [
                ("（以下括号内文字为说明文字，定稿后应删除）", ""),
                ("本科毕业论文（设计）", "cbH"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["本科毕业论文（设计）"]
    assert roles(art)[0] == ("paragraph", "（以下括号内文字为说明文字，定稿后应删除）")


def test_no_title_where_a_reader_sees_none(tmp_path):
    """A speaker's name alone on the first line, a form's field lines, a bold opening
    sentence: the draft has no title and keeps every line as text."""
    cases = [
        [("王", ""), ("尊敬的各位评委老师，大家好", ""), (BODY, "")],
        [("参赛组别：创新设计类", "b"), ("作品编号：C008", "b"), (BODY, "b")],
        [("感谢主席，问候在场各位。", "b"), (BODY, "b")],
    ]
    for k, paras in enumerate(cases):
        art, _report = read(draft(tmp_path / f"无题{k}.docx", paras))
        assert art.title == [], art.title
        assert art.blocks[0].text == paras[0][0], roles(art)


def test_spaced_out_title_is_one_line(tmp_path):
    art, _report = read(draft(tmp_path / "报名表.docx", [("报 名 表", "cbL"), (BODY, "")]))
    assert art.title == ["报名表"]
    art, _report = read(
        draft(
            tmp_path / "通知.docx",
            [("关于申报访学项目", "cbL"), ("的 通 知", "cbL"), (BODY, "")],
        )
    )
    assert art.title == ["关于申报访学项目", "的通知"]


def test_paper_title_broken_before_its_last_word_is_whole(tmp_path):
    """A paper's title ends in 研究, 探析, 管窥… as a 公文's ends in its 文种; a line that
    brings that word completes the title."""
    art, _report = read(
        draft(
            tmp_path / "论文.docx",
            [("工程管理专业实践教学体系构建", ""), ("研究", ""), ("陈建国", ""), (BODY, "")],
        )
    )
    assert art.title == ["工程管理专业实践教学体系构建", "研究"]
