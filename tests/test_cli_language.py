"""The command line speaks Chinese or English: by the locale (LC_ALL, LC_MESSAGES, LANG;
zh… is Chinese) or as LIANLUO_DESK_LANG says, one line per error either way, naming
the file, exit status 2; its own lines (what it imported, checked, wrote) likewise."""

from __future__ import annotations

import re

import pytest

from lianluo_desk.catalogue import cli_language

from .conftest import cli

HANZI = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_cli"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_cli"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_cli"),
        ({"LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN.GB18030"}, "zh_cli"),
        ({"LANG": "zh_CN.UTF-8", "LIANLUO_DESK_LANG": "en"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LIANLUO_DESK_LANG": "zh"}, "zh_cli"),
        ({"LANG": "zh_CN.UTF-8", "LIANLUO_DESK_LANG": "fr"}, "zh_cli"),  # not a choice
    ],
)
def test_the_language_by_the_switch_then_the_locale(environ, lang):
    assert cli_language(environ) == lang


def _missing_draft(tmp_path, env):
    issue = tmp_path / "i.lld"
    if not issue.exists():
        assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    return cli("add", str(issue), str(tmp_path / "稿件.docx"), env=env)


@pytest.mark.parametrize("env", [{"LANG": "zh_CN.UTF-8"}, {"LIANLUO_DESK_LANG": "zh"}])
def test_an_error_in_chinese(tmp_path, env):
    r = _missing_draft(tmp_path, env)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"lianluo-desk: {tmp_path / '稿件.docx'}：文件不存在"]


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C.UTF-8"},
        {"LANG": "en_US.UTF-8"},
        {"LANG": "zh_CN.UTF-8", "LIANLUO_DESK_LANG": "en"},
        {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"},
    ],
)
def test_an_error_in_english(tmp_path, env):
    r = _missing_draft(tmp_path, env)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"lianluo-desk: {tmp_path / '稿件.docx'}: no such file"]


def test_the_chinese_command_line_names_the_command_not_the_menu(tmp_path):
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    r = cli("new", str(issue), env={"LANG": "zh_CN.UTF-8"})
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"lianluo-desk: {issue}：文件已存在（要替换它，请加 --force）"]


def _draft(tmp_path):
    draft = tmp_path / "稿.md"
    draft.write_text("# 关于召开工作会议的通知\n\n会议定于下周召开。\n\n请准时参加。\n", "utf-8")
    return draft


def test_the_command_lines_own_lines_in_chinese(tmp_path):
    issue, draft = tmp_path / "i.lld", _draft(tmp_path)
    zh = {"LANG": "zh_CN.UTF-8"}
    made = cli("new", str(issue), "--date", "2022-08-15", env=zh)
    assert f"{issue}：注意：档案为空" in made.stdout and "--number N" in made.stdout
    r = cli("add", str(issue), str(draft), str(draft), env=zh)
    assert r.returncode == 0, r.stderr
    assert f"[1/2] {draft.name}：《关于召开工作会议的通知》 2 段" in r.stdout.splitlines()
    assert r.stdout.splitlines()[-1] == f"{issue}：导入 2 篇，失败 0 篇"
    checked = cli("check", str(issue), env=zh)
    assert checked.stdout.splitlines()[-1] == f"{issue}：0 个错误，0 个提示"
    pdf = tmp_path / "o.pdf"
    out = cli("export", str(issue), "--pdf", str(pdf), env=zh)
    assert re.fullmatch(rf"{re.escape(str(pdf))}  （\d+ 页，\d+ KB）", out.stdout.strip())
    for line in made.stdout.splitlines()[2:] + r.stdout.splitlines() + checked.stdout.splitlines():
        words = re.sub(r"lianluo-desk( [a-z]+)*", "", line)  # commands to run stay
        assert not re.search(r"[a-z]{3,} [a-z]{3,}", words), line  # no English words


def test_the_command_lines_own_lines_in_english(tmp_path):
    issue, draft = tmp_path / "i.lld", _draft(tmp_path)
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    r = cli("add", str(issue), str(draft), str(draft))
    assert r.stdout.splitlines()[-1] == f"{issue}: 导入 2 篇，失败 0 篇 (imported 2, failed 0)"
    assert f"[1/2] {draft.name}: 《关于召开工作会议的通知》 2 段 (paragraphs)" in r.stdout
    checked = cli("check", str(issue))
    assert checked.stdout.splitlines()[-1].endswith("(0 errors, 0 warnings)")
