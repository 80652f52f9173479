"""The reviewer's round trip: our DOCX marked up the way Word writes it (tracked
insertions and deletions, a comment, an untracked edit, a pasted table), listed against
the issue and carried back; LibreOffice keeps the block marks."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from lianluo_desk import review as rv
from lianluo_desk.export.docx import render_docx
from lianluo_desk.model.store import load_issue, save_issue
from lianluo_desk.service import SAMPLE_ISSUE
from lianluo_desk.template import load_template

from .conftest import cli
from .lo import resave_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHO = {"author": "审稿人", "date": "2022-05-20T09:00:00Z"}


def _para(d, name):
    for p in d.paragraphs:
        for b in p._p.iter(qn("w:bookmarkStart")):
            if b.get(qn("w:name")) == name:
                return p
    raise AssertionError(name)


def _run(text):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    return r


def _tracked(kind, text, k):
    el = OxmlElement(f"w:{kind}")
    el.set(qn("w:id"), str(900 + k))
    el.set(qn("w:author"), WHO["author"])
    el.set(qn("w:date"), WHO["date"])
    r = _run(text)
    if kind == "del":
        r.find(qn("w:t")).tag = qn("w:delText")
    el.append(r)
    return el


@pytest.fixture()
def reviewed(tmp_path, template):
    """The sample exported, then reviewed: a phrase deleted and one inserted in the
    first paragraph, a comment on the title, the second paragraph edited with tracking
    off, a table pasted at the end."""
    issue = load_issue(SAMPLE_ISSUE)
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    p = _para(d, "_lld_0_0")
    runs = p._p.findall(qn("w:r"))
    first = runs[0].find(qn("w:t"))
    head = first.text[:5]  # 帆得樵风送
    first.text = first.text[5:]
    runs[0].addprevious(_tracked("del", head, 1))
    runs[0].addprevious(_tracked("ins", "春风送暖", 2))
    title = _para(d, "_lld_0_t")
    d.add_comment(title.runs, text="标题是否太长？", author="审稿人")
    second = _para(d, "_lld_0_1")
    t = second.runs[0]._r.find(qn("w:t"))
    t.text = t.text.replace("举办这次培训班", "举办本次培训班")
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "审稿人粘贴的表格"
    footer = [p for p in d.paragraphs if p.style.name == "版记"][-1]
    footer.runs[-1].text += "（改）"  # an edit in the 版记, which the settings own
    path = tmp_path / "reviewed.docx"
    d.save(path)
    return issue, path


def test_changes_are_listed_where_they_are(reviewed):
    issue, path = reviewed
    reference = rv.read(render_docx(issue, load_template()))
    changes = rv.compare(issue, rv.load(path, issue), reference)
    kinds = [(c.where, c.kind) for c in changes]
    assert len(changes) == 6  # nothing else: the masthead and the 版记 are as exported
    assert ("第1篇 第1段", "删除") in kinds and ("第1篇 第1段", "插入") in kinds
    assert ("第1篇 标题", "批注") in kinds
    assert ("第1篇 第2段", "未标记修改") in kinds
    assert ("（插入的表格）", "无法对应") in kinds  # the pasted table: listed, not dropped
    assert ("版头/版记", "无法对应") in kinds  # the 版记 edit: listed with what to do
    deleted = next(c for c in changes if c.kind == "删除")
    assert deleted.text == "帆得樵风送" and deleted.author == "审稿人"
    comment = next(c for c in changes if c.kind == "批注")
    assert comment.text == "标题是否太长？" and comment.context  # the text it is on
    untracked = next(c for c in changes if c.kind == "未标记修改")
    assert "本次" in untracked.context


@pytest.mark.slow
def test_accept_all_through_the_command_line(reviewed, tmp_path):
    issue, path = reviewed
    target = tmp_path / "issue.json"
    save_issue(issue, target)
    r = cli("review", str(target), str(path))
    assert r.returncode == 0, r.stderr
    assert "[删除] 审稿人" in r.stdout and "[批注]" in r.stdout and "[未标记修改]" in r.stdout
    before = load_issue(target)
    r = cli("review", str(target), str(path), "--accept", "all")
    assert r.returncode == 0, r.stderr
    after = load_issue(target)
    text0 = after.articles[0].blocks[0].text
    assert text0.startswith("春风送暖，春逢谷雨晴") and "帆得樵风送" not in text0
    assert "举办本次培训班" in after.articles[0].blocks[1].text
    # nothing else changed
    assert after.articles[0].blocks[2:] == before.articles[0].blocks[2:]
    assert after.masthead == before.masthead and after.banji == before.banji


@pytest.mark.slow
def test_reject_all_keeps_the_issue(reviewed, tmp_path):
    issue, path = reviewed
    target = tmp_path / "issue.json"
    save_issue(issue, target)
    r = cli("review", str(target), str(path), "--reject", "all")
    assert r.returncode == 0, r.stderr
    after = load_issue(target)
    # the title's comment is kept as handled, on its article: else the issue is as it was
    assert [(c["field"], c["state"]) for c in after.articles[0].comments] == [("title", "resolved")]
    after.articles[0].comments = []
    assert after == load_issue(SAMPLE_ISSUE)


def test_single_decisions(reviewed):
    issue, path = reviewed
    paras = rv.load(path, issue)
    changes = rv.compare(issue, paras)
    ins = next(c for c in changes if c.kind == "插入")
    dele = next(c for c in changes if c.kind == "删除")
    rv.apply(issue, paras, changes, accept={ins.number}, reject={dele.number})
    assert issue.articles[0].blocks[0].text.startswith("帆得樵风送春风送暖")


@pytest.mark.slow
def test_libreoffice_round_trip_keeps_the_marks(tmp_path, template):
    issue = load_issue(SAMPLE_ISSUE)
    src = tmp_path / "ours.docx"
    src.write_bytes(render_docx(issue, template))
    paras = rv.load(resave_docx(src, tmp_path / "lo"), issue)
    named = {p.target for p in paras if p.target}
    assert {"0_t", "0_0", "0_1"} <= named
    assert len(named) >= sum(len(a.blocks) for a in issue.articles)
    reference = rv.read(src.read_bytes())
    assert rv.compare(issue, paras, reference) == []  # as it went out


@pytest.mark.slow
def test_redline_against_an_earlier_revision(tmp_path):
    """A published issue corrected: its DOCX against revision 1 carries the change as
    tracked insertions and deletions by the publication, which a word processor (and
    our reader) accepts into the corrected text or rejects back to the published one."""
    from .test_archive import _issue_ready

    lib = tmp_path / "lib"
    issue_path = tmp_path / "16.json"
    _issue_ready(lib, issue_path)
    assert cli("--library", str(lib), "publish", str(issue_path)).returncode == 0
    assert cli("--library", str(lib), "revise", str(issue_path)).returncode == 0
    issue = load_issue(issue_path)
    old = issue.articles[0].blocks[2].text
    issue.articles[0].blocks[2].text = old.replace("学员", "参训学员", 1) + "（更正）"
    save_issue(issue, issue_path)
    out = tmp_path / "redline.docx"
    r = cli("--library", str(lib), "export", str(issue_path), "--docx", str(out), "--compare", "1")
    assert r.returncode == 0, r.stderr
    paras = rv.read(out)
    marked = [p for p in paras if p.revisions]
    assert len(marked) == 1 and marked[0].target == "0_2"
    assert {r.author for r in marked[0].revisions} == {"湖南省人大常委会选举任免联络工作委员会"}
    assert marked[0].text(all_=True) == issue.articles[0].blocks[2].full_text
    assert marked[0].text(all_=False) == old
    r = cli("--library", str(lib), "export", str(issue_path), "--docx", str(out), "--compare", "7")
    assert r.returncode == 2 and "no revision 7" in r.stderr


def test_split_and_merged_paragraphs_still_map(tmp_path, template):
    """The reviewer splits the fourth paragraph in two and merges the fifth and sixth
    (tracking off), and deletes a word in the sixth with tracking on: every block still
    maps, the split and the merge are listed, the deletion lands in the sixth block."""
    issue = load_issue(SAMPLE_ISSUE)
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    p4 = _para(d, "_lld_0_3")
    t = p4.runs[-1]._r.find(qn("w:t"))
    half = len(t.text) // 2
    rest = t.text[half:]
    t.text = t.text[:half]
    new = OxmlElement("w:p")
    p4._p.addnext(new)
    new.append(_run(rest))
    p5, p6 = _para(d, "_lld_0_4"), _para(d, "_lld_0_5")
    first = p6._p.find(qn("w:r"))
    word = first.find(qn("w:t")).text[:2]
    first.find(qn("w:t")).text = first.find(qn("w:t")).text[2:]
    first.addprevious(_tracked("del", word, 7))
    for child in list(p6._p):
        if child.tag != qn("w:pPr"):
            p5._p.append(child)
    p6._p.getparent().remove(p6._p)
    path = tmp_path / "split-merge.docx"
    d.save(path)
    reference = rv.read(render_docx(issue, template))
    paras = rv.load(path, issue)
    changes = rv.compare(issue, paras, reference)
    kinds = [(c.where, c.kind) for c in changes]
    assert ("第1篇 第4段", "分段") in kinds and ("第1篇 第5段", "合并段落") in kinds
    assert ("第1篇 第6段", "删除") in kinds
    assert not [c for c in changes if c.kind in ("未标记修改", "无法对应")], kinds
    before = [b.full_text for b in issue.articles[0].blocks]
    rv.apply(issue, paras, changes, accept={c.number for c in changes}, reject=set())
    after = [b.full_text for b in issue.articles[0].blocks]
    assert after[5] == before[5][2:] and after[:5] == before[:5] and after[6:] == before[6:]
