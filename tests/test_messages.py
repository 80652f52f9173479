"""Messages by code: every code said in both catalogues with the same arguments, an error
made from its code said in Chinese in the window and as before on the command line, and
no code anywhere reading a message's text to decide what to do."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from lianluo_desk.catalogue import en, say, zh
from lianluo_desk.errors import UserError
from lianluo_desk.ui.messages import for_app

PKG = Path(__file__).resolve().parent.parent / "lianluo_desk"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_is_said_in_both_languages_with_the_same_arguments():
    """The window may leave out a detail (why a backup was made), never need one more."""
    assert set(en.MESSAGES) == set(zh.MESSAGES)
    for code, text in en.MESSAGES.items():
        assert _fields(zh.MESSAGES[code]) <= _fields(text), code


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


def test_a_sentence_without_a_code_still_works():
    exc = UserError("目录不可写 (folder not writable)")
    assert exc.code is None and str(exc) == "目录不可写 (folder not writable)"
    assert for_app(exc) == "目录不可写"
    with pytest.raises(TypeError):
        UserError("not a code {x}", x=1)


# what a message is held in where code might test it
_HOLDERS = re.compile(r"^(w|warn\w*|msg|message\w*|err\w*|exc\w*|text_of\w*|found|said)$")
# text that only a message has: a gloss in parentheses, words of a sentence, Chinese
_PHRASE = re.compile(r"\(\w+\)|[A-Za-z]{2,} [A-Za-z]{2,}|[\u3400-\u9fff]")


def _holder(node: ast.expr) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "str"
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return bool(_HOLDERS.match(name))


def text_matches(source: str) -> list[int]:
    """Lines where code tests a message's text: ``"(duplicate)" in w``,
    ``str(exc).startswith("no such")``, a regular expression of its words."""
    lines = []
    for node in ast.walk(ast.parse(source)):
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
