"""An issue file from elsewhere reaches only its own pictures: an image block's path
resolves inside the issue's assets folder; an absolute path, a ``..`` or a symlink
leading out is refused with one line when the issue is opened and when it is exported,
and Save As copies pictures only into the new folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PIL import Image

from lianluo_desk.errors import UserError
from lianluo_desk.model.store import load_issue

from .conftest import cli


def _picture(path: Path, colour: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (400, 200), colour).save(path)
    return path


def _issue_pointing_at(tmp_path: Path, refs: list[str]) -> Path:
    """An issue file in ``tmp_path/issue`` whose image blocks name ``refs``."""
    issue = tmp_path / "issue" / "i.lld"
    issue.parent.mkdir(parents=True, exist_ok=True)
    r = cli("new", str(issue), "--date", "2022-08-15")
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text("utf-8"))
    blocks = [{"kind": "paragraph", "text": "图片测试"}]
    blocks += [{"kind": "image", "path": ref, "caption": ""} for ref in refs]
    data["articles"] = [{"title": ["图片"], "blocks": blocks}]
    issue.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return issue


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink"])
def test_a_picture_outside_the_issue_is_refused_at_export(tmp_path, how):
    secret = _picture(tmp_path / "elsewhere" / "secret.png", "#c33")
    _picture(tmp_path / "issue" / "i.assets" / "own.png", "#36c")
    if how == "absolute":
        ref = str(secret)
    elif how == "dotdot":
        ref = "i.assets/../../elsewhere/secret.png"
    else:
        os.symlink(secret, tmp_path / "issue" / "i.assets" / "link.png")
        ref = "i.assets/link.png"
    issue = _issue_pointing_at(tmp_path, ["i.assets/own.png", ref])
    before = issue.read_bytes()
    pdf = tmp_path / "out.pdf"
    r = cli("export", str(issue), "--pdf", str(pdf))
    assert r.returncode != 0
    assert not pdf.exists()
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "i.lld" in lines[0] and "图片" in lines[0]
    assert "Traceback" not in r.stderr
    assert issue.read_bytes() == before
    with pytest.raises(UserError) as e:
        load_issue(issue)
    assert e.value.code == "image.outside_in"


def test_a_picture_in_its_assets_folder_is_embedded(tmp_path):
    from pypdf import PdfReader

    _picture(tmp_path / "issue" / "i.assets" / "own.png", "#36c")
    issue = _issue_pointing_at(tmp_path, ["i.assets/own.png"])
    pdf = tmp_path / "out.pdf"
    r = cli("export", str(issue), "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    assert len(PdfReader(pdf).pages[0]["/Resources"]["/XObject"]) == 1


def test_layout_refuses_a_path_leading_out_even_without_the_file_check(tmp_path):
    """An issue made in memory (the app's snapshot) meets the same rule at export."""
    from lianluo_desk import service
    from lianluo_desk.model.issue import Article, Block, BlockKind

    secret = _picture(tmp_path / "elsewhere" / "secret.png", "#c33")
    issue = load_issue(_issue_pointing_at(tmp_path, []))
    issue.articles[0].blocks.append(Block(BlockKind.IMAGE, path=str(secret)))
    assert isinstance(issue.articles[0], Article)
    with pytest.raises(UserError) as e:
        service.export(issue, tmp_path / "o.pdf", None)
    assert e.value.code in ("image.outside", "image.outside_in")
    assert not (tmp_path / "o.pdf").exists()


def test_save_as_never_writes_outside_the_new_folder(tmp_path):
    from lianluo_desk import service
    from lianluo_desk.model.issue import Block, BlockKind

    _picture(tmp_path / "issue" / "i.assets" / "own.png", "#36c")
    _picture(tmp_path / "issue" / "up.png", "#3c3")
    issue = load_issue(_issue_pointing_at(tmp_path, ["i.assets/own.png"]))
    issue.articles[0].blocks.append(Block(BlockKind.IMAGE, path="i.assets/../../issue/up.png"))
    target = tmp_path / "deep" / "new" / "copy.lld"
    target.parent.mkdir(parents=True)
    with pytest.raises(UserError) as e:
        service.relocate_assets(issue, target)
    assert e.value.code in ("image.outside", "image.outside_in")
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file() and "deep" in p.parts)
    assert all(target.parent in p.parents for p in written)
    assert not (tmp_path / "deep" / "issue").exists()
    issue.articles[0].blocks.pop()
    assert service.relocate_assets(issue, target) == 1
    assert (target.parent / "i.assets" / "own.png").is_file()
