"""Export → review is the identity: a DOCX of ours reviewed unchanged (also after a
LibreOffice round trip) lists nothing, accepting everything changes nothing, and what
the exporter adds for word processors never enters the issue."""

from __future__ import annotations

import copy
import io
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from lianluo_desk import proof
from lianluo_desk import review as rv
from lianluo_desk.export.docx import render_docx
from lianluo_desk.importers import import_draft
from lianluo_desk.model.store import issue_to_dict, load_issue, save_issue
from lianluo_desk.service import SAMPLE_ISSUE, new_issue
from lianluo_desk.textnorm import INVISIBLE

from .conftest import DATA, FROZEN, cli, past
from .lo import soffice

DRAFTS = ("2018-no01-annual-summary.docx", "2022-no07-training.docx")
PAST = ("2018-no01", "2021-no02", "2022-no07")


def _issue(template, name: str):
    if name == "sample":
        return load_issue(SAMPLE_ISSUE)
    if name in PAST:
        return past(name).issue
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(import_draft(DATA / name))
    return issue


def _fixed(issue):
    issue = copy.deepcopy(issue)
    for _ in range(3):  # a fix can make its neighbour Chinese context
        proof.apply(issue, proof.plan(issue, list(proof.RULES)))
    return issue


def _review(issue, template, data: bytes):
    paras = rv.load(data, issue)
    return paras, rv.compare(issue, paras, rv.read(render_docx(issue, template)))


NAMES = ("sample", *PAST, *DRAFTS)


@pytest.mark.slow
@pytest.mark.parametrize("fixed", [False, True], ids=["as-imported", "fixed"])
@pytest.mark.parametrize("name", NAMES)
def test_unchanged_docx_lists_nothing_and_accepting_changes_nothing(template, name, fixed):
    issue = _issue(template, name)
    if fixed:
        issue = _fixed(issue)
    data = render_docx(issue, template)
    paras, changes = _review(issue, template, data)
    assert [(c.where, c.kind, c.context) for c in changes] == []
    before = issue_to_dict(issue)
    rv.apply(issue, paras, changes, {c.number for c in changes}, set())
    assert issue_to_dict(issue) == before


def _with_break_hints(template):
    """An issue whose DOCX carries the exporter's zero-width break hints."""
    for name in DRAFTS + PAST:
        issue = _fixed(_issue(template, name))
        data = render_docx(issue, template)
        body = io.BytesIO(data)
        d = docx.Document(body)
        if any("\u200b" in p.text for p in d.paragraphs):
            return issue, d
    raise AssertionError("no example has a break hint")


@pytest.mark.slow
def test_break_hints_never_enter_the_issue(template, tmp_path):
    issue, d = _with_break_hints(template)
    hinted = next(p for p in d.paragraphs if "\u200b" in p.text)
    # the reviewer edits that paragraph with tracking off
    t = hinted.runs[0]._r.find(qn("w:t"))
    t.text = "审稿人" + t.text
    out = tmp_path / "edited.docx"
    d.save(out)
    paras, changes = _review(issue, template, out.read_bytes())
    assert [c.kind for c in changes] == ["未标记修改"]
    assert not any(ch in c.text + c.context for c in changes for ch in INVISIBLE)
    rv.apply(issue, paras, changes, {c.number for c in changes}, set())
    text = "".join(str(v) for v in _strings(issue_to_dict(issue)))
    assert "审稿人" in text and not any(ch in text for ch in INVISIBLE)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.slow
def test_resolved_comment_not_listed_again(template, tmp_path):
    issue = _issue(template, "sample")
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    p = next(p for p in d.paragraphs if p.style.name == "正文" and p.runs)
    d.add_comment(p.runs[:2], text="这句是否准确？", author="审稿人")
    out = tmp_path / "commented.docx"
    d.save(out)
    paras, changes = _review(issue, template, out.read_bytes())
    assert [c.kind for c in changes] == ["批注"]
    done = rv.apply(issue, paras, changes, {1}, set())
    assert [d.said_in("zh") for d in done] == ["1：批注已处理"]  # said by code
    assert _review(issue, template, out.read_bytes())[1] == []
    # a comment left undecided stays listed
    issue = _issue(template, "sample")
    paras, changes = _review(issue, template, out.read_bytes())
    rv.apply(issue, paras, changes, set(), set())
    assert [c.kind for c in _review(issue, template, out.read_bytes())[1]] == ["批注"]


@pytest.mark.slow
def test_libreoffice_round_trip_lists_nothing(big_issue, template, tmp_path):
    """Every example in one issue, as imported and with every fix, opened in
    LibreOffice and saved again as DOCX."""
    issues = {"as-imported": big_issue, "fixed": _fixed(big_issue)}
    for name, issue in issues.items():
        (tmp_path / f"{name}.docx").write_bytes(render_docx(issue, template))
    out = tmp_path / "lo"
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
         *(str(tmp_path / f"{n}.docx") for n in issues)],
        capture_output=True, timeout=400, check=True,
    )  # fmt: skip
    for name, issue in issues.items():
        _paras, changes = _review(issue, template, (out / f"{name}.docx").read_bytes())
        assert [(c.where, c.kind, c.context) for c in changes] == [], name


@pytest.mark.slow
def test_image_caption_maps_to_its_block(template, tmp_path):
    """A caption is the image block's text: unchanged it lists nothing, edited it is
    an untracked edit of that block, and accepting it changes the caption only."""
    from PIL import Image

    from lianluo_desk.model.issue import Block, BlockKind
    from lianluo_desk.model.store import save_issue

    (tmp_path / "issue.assets").mkdir()
    Image.new("RGB", (800, 400), "#c33").save(tmp_path / "issue.assets" / "pic.png")
    issue = _issue(template, "sample")
    pic = Block(BlockKind.IMAGE, path="issue.assets/pic.png", caption="图1  会场")
    issue.articles[0].blocks.insert(2, pic)
    save_issue(issue, tmp_path / "issue.json")
    issue = load_issue(tmp_path / "issue.json")
    data = render_docx(issue, template)
    assert _review(issue, template, data)[1] == []
    d = docx.Document(io.BytesIO(data))
    cap = next(p for p in d.paragraphs if p.text == "图1  会场")
    cap.runs[-1].text = cap.runs[-1].text.replace("会场", "培训会场")
    out = tmp_path / "edited.docx"
    d.save(out)
    paras, changes = _review(issue, template, out.read_bytes())
    assert [(c.where, c.kind) for c in changes] == [("第1篇 第3段", "未标记修改")]
    rv.apply(issue, paras, changes, {1}, set())
    assert issue.articles[0].blocks[2].caption == "图1  培训会场"
    assert issue.articles[0].blocks[2].path == "issue.assets/pic.png"


def test_mark_left_at_the_end_of_the_paragraph_before(template):
    """LibreOffice, where it puts a section break, leaves the next block's mark at the
    very end of the paragraph before; it still names the next paragraph."""
    issue = _issue(template, "sample")
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    body = [p._p for p in d.paragraphs]
    start = next(b for p in body for b in p.iter(qn("w:bookmarkStart"))
                 if b.get(qn("w:name")) == "_lld_0_2")  # fmt: skip
    here = start.getparent()
    before = body[body.index(here) - 1]
    before.append(start)  # after the runs of the paragraph before
    out = io.BytesIO()
    d.save(out)
    assert [(c.where, c.kind) for c in _review(issue, template, out.getvalue())[1]] == []


@pytest.mark.slow
@pytest.mark.parametrize("mark", ["_lld_0_t", "_lld_0_s", "_lld_0_n", "_lld_n"])
def test_resolved_comment_on_a_title_not_listed_again(template, tmp_path, mark):
    """A comment on a title, subtitle or note is kept on its article (or the issue) and,
    once resolved, not listed by the next review of the same file."""
    issue = load_issue(SAMPLE_ISSUE)
    issue.note, issue.articles[0].subtitle = "本期编者按。", "——在培训班上的讲话"
    issue.articles[0].note = "编者按：这是一篇讲话。"
    target = tmp_path / "issue.json"
    save_issue(issue, target)
    d = docx.Document(io.BytesIO(render_docx(issue, template)))
    para = next(
        p
        for p in d.paragraphs
        if any(b.get(qn("w:name")) == mark for b in p._p.iter(qn("w:bookmarkStart")))
    )
    d.add_comment(para.runs, text="这里是否要改？", author="审稿人")
    out = tmp_path / "commented.docx"
    d.save(out)
    r = cli("review", str(target), str(out), "--accept", "all")
    assert r.returncode == 0, r.stderr
    assert "[批注]" in r.stdout and "批注已处理" in r.stdout
    r = cli("review", str(target), str(out))
    assert r.returncode == 0, r.stderr
    assert "[批注]" not in r.stdout and "这里是否要改？" not in r.stdout
