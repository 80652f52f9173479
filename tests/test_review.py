"""The reviewer's round trip: our DOCX marked up the way Word writes it (tracked
insertions and deletions, a comment, an untracked edit, a pasted table), listed against
the issue and carried back; LibreOffice keeps the block marks."""

from __future__ import annotations

import io
import subprocess

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
from .lo import soffice

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
    changes = rv.compare(issue, rv.read(path), reference)
    kinds = [(c.where, c.kind) for c in changes]
    assert len(changes) == 6  # nothing else: the masthead and the 版记 are as exported
    assert ("第1篇 第1段", "删除") in kinds and ("第1篇 第1段", "插入") in kinds
    assert ("第1篇 标题", "批注") in kinds
    assert ("第1篇 第2段", "未标记修改") in kinds
    assert ("（无法对应）", "无法对应") in kinds  # the pasted table: listed, not dropped
    assert ("版头/版记", "无法对应") in kinds  # the 版记 edit: listed with what to do
    deleted = next(c for c in changes if c.kind == "删除")
    assert deleted.text == "帆得樵风送" and deleted.author == "审稿人"
    comment = next(c for c in changes if c.kind == "批注")
    assert comment.text == "标题是否太长？" and comment.context  # the text it is on
    untracked = next(c for c in changes if c.kind == "未标记修改")
    assert "本次" in untracked.context


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
    assert after.masthead == before.masthead and after.footer == before.footer


def test_reject_all_keeps_the_issue(reviewed, tmp_path):
    issue, path = reviewed
    target = tmp_path / "issue.json"
    save_issue(issue, target)
    before = target.read_bytes()
    r = cli("review", str(target), str(path), "--reject", "all")
    assert r.returncode == 0, r.stderr
    assert load_issue(target) == load_issue(SAMPLE_ISSUE) or target.read_bytes() == before


def test_single_decisions(reviewed):
    issue, path = reviewed
    paras = rv.read(path)
    changes = rv.compare(issue, paras)
    ins = next(c for c in changes if c.kind == "插入")
    dele = next(c for c in changes if c.kind == "删除")
    rv.apply(issue, paras, changes, accept={ins.number}, reject={dele.number})
    assert issue.articles[0].blocks[0].text.startswith("帆得樵风送春风送暖")


def test_libreoffice_round_trip_keeps_the_marks(tmp_path, template):
    issue = load_issue(SAMPLE_ISSUE)
    src = tmp_path / "ours.docx"
    src.write_bytes(render_docx(issue, template))
    out = tmp_path / "lo"
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)],
        capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    paras = rv.read(out / "ours.docx")
    named = {p.target for p in paras if p.target}
    assert {"0_t", "0_0", "0_1"} <= named
    assert len(named) >= sum(len(a.blocks) for a in issue.articles)
    reference = rv.read(src.read_bytes())
    assert rv.compare(issue, paras, reference) == []  # as it went out
