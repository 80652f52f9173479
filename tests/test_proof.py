"""Proofing rules: findings with positions, fixes only when asked, Latin left alone."""

import json

import pytest

from lianluo_desk import proof
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue

from .conftest import DATA, cli


def _issue(*paras):
    return Issue(
        articles=[Article(title=["标题"], blocks=[Block(BlockKind.PARAGRAPH, p) for p in paras])]
    )


def _fixed(text, rule):
    issue = _issue(text)
    proof.fix(issue, [rule])
    return issue.articles[0].blocks[0].text


@pytest.mark.parametrize(
    "text,rule,want",
    [
        ("我们认为,这是对的:一是(草案)好", "halfwidth", "我们认为，这是对的：一是（草案）好"),
        (
            "请访问 https://www.hnrd.gov.cn/a,b 或 hnrldldt@163.com,谢谢",
            "halfwidth",
            "请访问 https://www.hnrd.gov.cn/a,b 或 hnrldldt@163.com，谢谢",
        ),
        ("增长96.7%,达到3.5亿元", "halfwidth", "增长96.7%，达到3.5亿元"),
        ("He said, hello.", "halfwidth", "He said, hello."),
        ('他说"好"', "quotes", "他说“好”"),
        ("It's 'fine'", "quotes", "It's ‘fine’"),
        ("工作--创新", "dashes", "工作——创新"),
        ("等等...", "dashes", "等等……"),
        ("电话0731—85309270", "dashes", "电话0731—85309270"),
        ("2017 年 1 月", "spaces", "2017年1月"),
        ("18年以来", "year", "2018年以来"),
        ("八十年代", "year", "八十年代"),
        ("湘常办发[2017]11号", "docno", "湘常办发〔2017〕11号"),
        ("做好的的工作", "doubled", "做好的工作"),
    ],
)
def test_rule_fixes(text, rule, want):
    assert _fixed(text, rule) == want


def test_findings_name_the_place():
    issue = _issue("第一段。", "第二段,有错")
    finds = proof.check(issue, ["halfwidth"])
    assert len(finds) == 1
    f = finds[0]
    assert (f.article, f.block, f.start, f.text, f.fix) == (0, 1, 3, ",", "，")
    assert f.where() == "第1篇 第2段 第4字"
    assert "第二段,有错" in f.context


def test_unbalanced_brackets_reported_without_fix():
    finds = proof.check(_issue("《关于做好代表工作的意见，经同意"), ["balance"])
    assert [(f.text, f.fix) for f in finds] == [("《", None)]


@pytest.mark.slow
def test_check_cli_reports_and_fixes(tmp_path):
    issue = tmp_path / "i.json"
    cli("new", str(issue), "--date", "2022-08-15")
    cli("add", str(issue), str(DATA / "2022-no07-training.docx"))
    before = issue.read_bytes()
    r = cli("check", str(issue))
    assert r.returncode == 1
    assert "[halfwidth]" in r.stdout and "→ “，”" in r.stdout
    assert issue.read_bytes() == before  # never silently rewritten
    r = cli("check", str(issue), "--fix", "halfwidth", "spaces")
    assert "已修正" in r.stdout
    text = json.dumps(json.loads(issue.read_text("utf-8")), ensure_ascii=False)
    assert "是学习贯彻中央人大工作会议的第一年，也是" in text
    r = cli("check", str(issue), "--fix", "nonsense")
    assert r.returncode == 2 and "unknown rule" in r.stderr


def test_fix_reaches_marks_next_to_fixed_ones():
    assert _fixed("工作(1名干部),8人参与", "halfwidth") == "工作（1名干部），8人参与"
