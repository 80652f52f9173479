"""校对 findings only a person can judge are confirmed by the editor, recorded in the
issue file with the date, and then no longer stop 发布; an error with a fix still does."""

import datetime as dt

import pytest

from lianluo_desk import proof
from lianluo_desk.archive.ops import publish
from lianluo_desk.archive.store import Archive
from lianluo_desk.errors import UserError
from lianluo_desk.model.store import load_issue, save_issue
from lianluo_desk.proof.judgement import blocking, confirm, is_confirmed, needs_judgement
from lianluo_desk.service import SAMPLE_ISSUE, fontset

FROZEN = dt.date(2022, 8, 15)


def _broken(tmp_path):
    """The sample with a paragraph the draft broke in two: its brackets unmatched."""
    issue = load_issue(SAMPLE_ISSUE)
    blocks = issue.articles[0].blocks
    blocks[1].text = blocks[1].text.replace("（", "").replace("）", "") + "（见附件"
    blocks[2].text = "）" + blocks[2].text
    path = tmp_path / "issue.json"
    save_issue(issue, path)
    return path


def test_a_confirmation_is_kept_in_the_file_with_its_date(tmp_path):
    path = _broken(tmp_path)
    issue = load_issue(path)
    found = [f for f in proof.check(issue) if needs_judgement(f)]
    assert [f.rule for f in found] == ["balance", "balance"]
    assert blocking(issue) == found
    assert confirm(issue, found[:1], FROZEN) == 1
    assert blocking(issue) == found[1:]
    assert confirm(issue, found, FROZEN) == 1  # the first is not recorded twice
    save_issue(issue, path)
    again = load_issue(path)
    assert [c["date"] for c in again.confirmed] == ["2022-08-15", "2022-08-15"]
    assert again.confirmed[0]["where"].startswith("第1篇 第2段")
    assert all(is_confirmed(again, f) for f in proof.check(again) if needs_judgement(f))
    assert blocking(again) == []
    # moved elsewhere the confirmation still holds: it names the words, not the place
    again.articles.insert(0, again.articles[0].__class__(title=["新文章"]))
    assert blocking(again) == []


def test_publish_is_stopped_by_unconfirmed_and_fixable_errors_only(tmp_path, template):
    path = _broken(tmp_path)
    lib = tmp_path / "lib"
    fonts = fontset(template, lib)
    with Archive(lib) as archive, pytest.raises(UserError) as e:
        publish(path, archive, lib, template, fonts)
    assert e.value.code == "issue.proof_errors" and e.value.params["count"] == 2
    issue = load_issue(path)
    confirm(issue, proof.check(issue), FROZEN)
    issue.articles[0].blocks[3].text += "他说:好"  # a half-width colon: it has a fix
    save_issue(issue, path)
    with Archive(lib) as archive, pytest.raises(UserError) as e:
        publish(path, archive, lib, template, fonts)
    assert e.value.code == "issue.proof_errors" and e.value.params["count"] == 1
    issue = load_issue(path)
    issue.articles[0].blocks[3].text = issue.articles[0].blocks[3].text.replace(":", "：")
    save_issue(issue, path)
    with Archive(lib) as archive:
        final = publish(path, archive, lib, template, fonts)
    assert final.exists()
    assert load_issue(path).published["state"] == "published"
    assert len(load_issue(path).confirmed) == 2
