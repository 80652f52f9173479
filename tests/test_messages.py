"""Messages by code: every code said in both catalogues with the same arguments, an error
made from its code said in Chinese in the window and as before on the command line, and
no code anywhere reading a message's text to decide what to do."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from lianluo_desk.catalogue import CATALOGUES, Said, en, say, zh, zh_cli
from lianluo_desk.errors import UserError
from lianluo_desk.ui.messages import for_app

PKG = Path(__file__).resolve().parent.parent / "lianluo_desk"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_is_said_in_both_languages_with_the_same_arguments():
    """A detail the window would rather not show (the system's English reason) is still
    in its Chinese message, in parentheses the window leaves out."""
    assert set(en.MESSAGES) == set(zh.MESSAGES)
    for code, text in en.MESSAGES.items():
        assert _fields(zh.MESSAGES[code]) == _fields(text), code


# the window's words for its menus, which mean nothing at a shell prompt: 文件 → 更正,
# a menu's name set apart (在 校对 中), 菜单, 按钮
MENU = re.compile(r"→|菜单|按钮| \S+ 中")
# a command or an option to type
COMMAND = re.compile(r"lianluo-desk \w|--\w|check --fix")


def test_the_chinese_command_line_overlays_the_window_with_the_same_arguments():
    assert set(zh_cli.MESSAGES) <= set(zh.MESSAGES)
    for code, text in zh_cli.MESSAGES.items():
        assert _fields(text) == _fields(zh.MESSAGES[code]), code
        assert text != zh.MESSAGES[code], code  # an overlay says it otherwise
    assert CATALOGUES["zh_cli"] == {**zh.MESSAGES, **zh_cli.MESSAGES}


def test_the_chinese_command_line_names_no_menu():
    """Every message the window says with a menu is said again for the command line,
    naming no menu; the codes the command line does not overlay name none."""
    for code, text in CATALOGUES["zh_cli"].items():
        assert not MENU.search(text), code
    assert MENU.search(zh.MESSAGES["issue.read_only"])  # the check can fail
    assert {c for c, t in zh.MESSAGES.items() if MENU.search(t)} <= set(zh_cli.MESSAGES)


def test_the_chinese_command_line_names_the_command_where_the_english_does():
    for code, text in en.MESSAGES.items():
        if COMMAND.search(text.replace("lianluo-desk issue", "")):
            assert COMMAND.search(CATALOGUES["zh_cli"][code]), code


def test_the_window_speaks_chinese():
    """Every window message has Chinese words, but one that only puts a file's name
    before a message of its own (said in Chinese in its turn)."""
    wrappers = {
        code
        for code, text in zh.MESSAGES.items()
        if text in ("{where}：{reason}", "{where}：{warning}", "{what} {count}")
    }
    assert wrappers == {"fs.about", "numbers.refused", "report.count"}
    for code, text in zh.MESSAGES.items():
        assert code in wrappers or re.search(r"[\u3400-\u9fff]", text), code


def test_an_error_by_code_is_english_on_the_command_line_and_chinese_in_the_window():
    exc = UserError("fs.cannot_write_here", where="out/a.pdf", detail="Permission denied")
    assert exc.code == "fs.cannot_write_here"
    assert str(exc) == "out/a.pdf: cannot write here (Permission denied)"
    assert for_app(exc) == "out/a.pdf：不能写在这里"  # the system's English detail goes


def test_a_message_inside_a_message_is_said_in_the_same_language():
    clash = say("numbers.cumulative_used", cumulative=12, year=2026, number=3)
    warning = say("numbers.duplicate", clash=clash)
    assert warning.code == "numbers.duplicate"
    assert "already used by 2026年第3期" in warning
    assert for_app(warning) == "期号重复：总第12期已被2026年第3期使用"


def test_a_sentence_is_no_error():
    """Only a code makes an error: a sentence would be said in one language only."""
    with pytest.raises(TypeError):
        UserError("目录不可写 (folder not writable)")
    with pytest.raises(TypeError):
        UserError("not a code {x}", x=1)
    with pytest.raises(TypeError):  # the arguments are the message's own, no more or fewer
        UserError("fs.cannot_write", where="a.pdf")
    with pytest.raises(TypeError):
        UserError("fs.cannot_write", where="a.pdf", detail="x", extra=1)


def test_an_error_said_in_both_languages_names_the_file_and_the_problem():
    exc = UserError("draft.encrypted", where="稿件/a.docx")
    assert exc.code == "draft.encrypted" and exc.params == {"where": "稿件/a.docx"}
    assert str(exc) == "稿件/a.docx: encrypted document; remove the password first (文档已加密)"
    assert for_app(exc) == "稿件/a.docx：文档已加密，请先去掉密码"
    edit = UserError("edit.is_table", article=2, paragraph=3)
    assert str(edit) == "paragraph 3 of article 2 is a table; edit its cells"
    assert for_app(edit) == "第2篇第3段是表格，请编辑它的单元格"


def test_an_error_crosses_to_another_process_with_its_code():
    exc = UserError(
        "numbers.refused", where="a.lld", warning=say("numbers.date_before", date="2026-01-05")
    )
    back = pickle.loads(pickle.dumps(exc))
    assert back.code == "numbers.refused" and str(back) == str(exc)
    assert for_app(back) == for_app(exc) == "a.lld：日期早于上一期（2026-01-05）"


def test_a_line_for_each_file_names_it_once():
    named = UserError("draft.binary", where="a.txt")
    assert named.about("a.txt") is named.said
    other = UserError("proof.unknown_rule", name="x", known="tabs")
    line = other.about("b.lld")
    assert line.code == "fs.about" and line.params["reason"].code == "proof.unknown_rule"
    assert for_app(line) == "b.lld：没有“x”这条校对规则；可用：tabs"


def test_an_error_about_a_copy_names_the_original_by_its_argument():
    exc = UserError("convert.unreadable", where="/tmp/x/page.html", kind="HTML", detail="io")
    named = exc.naming("/tmp/x/page.html", "稿件.doc")
    assert named.code == exc.code and named.params["where"] == "稿件.doc"
    assert named.params["kind"] == "HTML" and str(named).startswith("稿件.doc: ")


# the calls that make a message: an error's class, or say/Said for a warning
_MAKERS = {
    "UserError",
    "MissingGlyphsError",
    "Cancelled",
    "say",
    "Said",
    "tell",  # a line of the command line's own, by code
    "leave_out",  # what an import report counts, by code
    "place",
}


def _maker(node: ast.Call) -> str:
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    return name if name in _MAKERS else ""


def free_text(source: str) -> list[int]:
    """Lines where a message is made from a sentence instead of a code: a literal that
    is no code of the catalogue, an f-string, text joined or formatted in place."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _maker(node) and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant):
            if not (isinstance(first.value, str) and first.value in en.MESSAGES):
                lines.append(node.lineno)
        elif isinstance(first, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(first, ast.Call)
            and isinstance(first.func, ast.Attribute)
            and first.func.attr in ("format", "join", "replace")
        ):
            lines.append(node.lineno)
    return lines


def wrong_arguments(source: str) -> list[tuple[int, str]]:
    """Calls with a literal code whose keyword arguments are not the message's own."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _maker(node) and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and first.value in en.MESSAGES):
            continue
        if any(k.arg is None for k in node.keywords):  # **arguments: checked when made
            continue
        if {k.arg for k in node.keywords} != _fields(en.MESSAGES[first.value]):
            out.append((node.lineno, first.value))
    return out


_SOURCES = [p for p in sorted(PKG.rglob("*.py")) if "catalogue" not in p.parts]


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: str(p.relative_to(PKG)))
def test_every_message_is_made_from_a_code_with_its_own_arguments(path):
    source = path.read_text("utf-8")
    assert free_text(source) == [], path
    assert wrong_arguments(source) == [], path


def test_every_message_of_the_catalogue_is_used():
    """A code is used where the code holds it as a literal: a raise, a say, a table of
    codes; one no code names is a message nobody can read."""
    used = {
        n.value
        for p in _SOURCES
        for n in ast.walk(ast.parse(p.read_text("utf-8")))
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }
    assert sorted(set(en.MESSAGES) - used) == []


def test_the_raise_checks_can_fail():
    assert free_text('raise UserError(f"{p}: no such file")\n') == [1]
    assert free_text('raise UserError("no such file")\n') == [1]
    assert free_text('w = say("期号" + n)\n') == [1]
    assert free_text('raise UserError("draft.missing", where=p)\n') == []
    assert wrong_arguments('raise UserError("draft.missing", path=p)\n') == [(1, "draft.missing")]


# what a message is held in where code might test it
_HOLDERS = re.compile(r"^(w|warn\w*|msg|message\w*|err\w*|exc\w*|text_of\w*|found|said)$")
# text that only a message has: a gloss in parentheses, words of a sentence, Chinese
_PHRASE = re.compile(r"\(\w+\)|[A-Za-z]{2,} [A-Za-z]{2,}|[\u3400-\u9fff]")


def _holder(node: ast.expr) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "str"
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return bool(_HOLDERS.match(name))


_ERRORS = re.compile(r"^(e|exc\w*|err\w*)$")


def _error_text(node: ast.expr) -> bool:
    """``str(exc)``: an error's message as text."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
        and bool(_ERRORS.match(node.args[0].id))
    )


def text_matches(source: str) -> list[int]:
    """Lines where code tests a message's text: ``"(duplicate)" in w``,
    ``str(exc).startswith("no such")``, ``str(p) in str(exc)``, a regular expression of
    its words."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.In, ast.NotIn)) for op in node.ops
        ):
            if any(_error_text(c) for c in node.comparators):
                lines.append(node.lineno)
                continue
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("startswith", "endswith")
            and _error_text(node.func.value)
        ):
            lines.append(node.lineno)
            continue
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant):
            left = node.left.value
            if (
                isinstance(left, str)
                and _PHRASE.search(left)
                and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
                and any(_holder(c) for c in node.comparators)
            ):
                lines.append(node.lineno)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("startswith", "endswith", "find", "index")
            and _holder(node.func.value)
            and any(isinstance(a, ast.Constant) and _PHRASE.search(str(a.value)) for a in node.args)
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", sorted(PKG.rglob("*.py")), ids=lambda p: str(p.relative_to(PKG)))
def test_no_code_decides_by_a_messages_text(path):
    assert text_matches(path.read_text("utf-8")) == [], path


def test_the_window_translates_no_sentence_by_its_words():
    """ui/messages.py holds no English phrase to find in a message (it once translated
    37 sentences by regular expression)."""
    tree = ast.parse((PKG / "ui" / "messages.py").read_text("utf-8"))
    docstrings = {
        id(n.value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef)) and n.body
        for n in [n.body[0]]
        if isinstance(n, ast.Expr)
    }
    phrases = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and id(n) not in docstrings
        and re.search(r"[a-z]{2,} [a-z]{2,}", n.value)
    ]
    assert phrases == []


def test_the_checks_can_fail():
    assert text_matches('if "(duplicate)" in w:\n    pass\n') == [1]
    assert text_matches('ok = str(exc).startswith("no such file")\n') == [1]
    assert text_matches('if "(" in line:\n    pass\n') == []
    assert text_matches("ok = str(exc) if str(p) in str(exc) else x\n") == [1]
    assert text_matches("ok = str(exc).startswith(str(source))\n") == [1]
    assert text_matches("ok = str(p) in str(path)\n") == []


def test_a_reviewers_change_that_maps_nowhere_is_advised_by_code():
    from lianluo_desk.review import tables

    place, advice = tables.unmapped("1_2")
    assert place == "第2篇 第3段 表格" and isinstance(advice, Said)
    assert for_app(advice) == "审稿人在表格中新增的行或单元格，如需要请在表格中手工添加"
    assert advice.said_in("en").startswith("a row or cell the reviewer added")
