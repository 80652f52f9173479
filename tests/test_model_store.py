import json

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.model.issue import Block, BlockKind
from lianluo_desk.model.store import dumps, load_issue, save_issue

from .conftest import past


def test_round_trip_is_identical(tmp_path):
    issue = past("2022-no07").issue
    issue.articles[0].blocks.append(Block(BlockKind.IMAGE, path="a.assets/p.png", caption="图1"))
    p = tmp_path / "a.json"
    save_issue(issue, p)
    again = load_issue(p)
    assert dumps(again) == dumps(issue)
    data = json.loads(p.read_text("utf-8"))
    assert data["schema"] == 2 and data["kind"] == "lianluo-desk/issue"
    assert "联络动态" in p.read_text("utf-8")  # human-readable, not escaped


def test_comments_on_an_article_and_the_issue_kept(tmp_path):
    """Comments on a title or a note are saved where they are; a file without them is
    written as before (no empty lists), and an older file loads with none."""
    issue = past("2022-no07").issue
    p = tmp_path / "a.json"
    save_issue(issue, p)
    assert '"comments"' not in p.read_text("utf-8")
    note = {"field": "title", "author": "审稿人", "text": "？", "state": "resolved"}
    issue.articles[0].comments.append(note)
    issue.comments.append({"author": "审稿人", "text": "！"})
    save_issue(issue, p)
    again = load_issue(p)
    assert again.articles[0].comments == [note] and again.comments == issue.comments
    assert dumps(again) == dumps(issue)


def test_newer_schema_and_damage_refused(tmp_path):
    p = tmp_path / "a.json"
    save_issue(past("2022-no07").issue, p)
    data = json.loads(p.read_text("utf-8"))
    data["schema"] = 99
    p.write_text(json.dumps(data), "utf-8")
    with pytest.raises(UserError) as e:
        load_issue(p)
    assert e.value.code == "issue.newer" and e.value.params["schema"] == 99
    p.write_text("{not json", "utf-8")
    with pytest.raises(UserError) as e:
        load_issue(p)
    assert e.value.code == "issue.unreadable" and str(e.value.params["where"]).endswith(p.name)


def test_atomic_save_keeps_old_file_on_failure(tmp_path, monkeypatch):
    import os

    p = tmp_path / "a.json"
    save_issue(past("2022-no07").issue, p)
    before = p.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(UserError) as e:
        save_issue(past("2018-no01").issue, p)
    assert e.value.code == "fs.cannot_write" and "No space" in str(e.value.params["detail"])
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["a.json"]
