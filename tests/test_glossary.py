"""The glossary (docs/glossary.md) is the code's: every file it names exists, every
name it gives the code is defined there, and the names it retired are gone."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = (ROOT / "docs" / "glossary.md").read_text("utf-8")
PKG = ROOT / "lianluo_desk"


def _defined() -> set[str]:
    """Every class, function and attribute name defined in the package."""
    names: set[str] = set()
    for p in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef | ast.FunctionDef):
                names.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def test_every_file_the_glossary_names_exists():
    paths = set(re.findall(r"`((?:[a-z_]+/)+[a-z_]+\.py)", GLOSSARY))
    assert paths, "the glossary names no files"
    missing = [x for x in sorted(paths) if not (PKG / x).exists()]
    assert missing == []


def test_the_code_names_of_the_glossary_are_defined():
    names = _defined()
    for name in (
        "Issue",
        "Masthead",
        "Banji",
        "BanjiLine",
        "BanjiLayout",
        "BanjiRow",
        "Decisions",
        "ListLabels",
        "banji_lines",
        "banji_pages",
        "draw_banji",
    ):
        assert f"`{name}`" in GLOSSARY or name in GLOSSARY, name
        assert name in names, f"{name} is in the glossary but not in the code"


def test_retired_names_are_gone():
    names = _defined()
    assert "Footer" not in names  # the model's 版记 is Banji
    assert "Numbering" not in names  # Word's list labels are ListLabels
    assert not (PKG / "importers" / "docx_numbering.py").exists()
    # the 版记 is read as ``issue.banji`` everywhere
    for p in PKG.rglob("*.py"):
        text = p.read_text("utf-8")
        assert not re.search(r"\bissue\.footer\b", text), p
