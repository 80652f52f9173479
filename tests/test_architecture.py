"""The import rules of docs/architecture.md, checked on the source: Qt only in ui/, the
layout never reaches for outputs or the app, the model stands on its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "lianluo_desk"
# small utilities any part may use
LEAVES = {"errors", "fsutil", "cnnum", "places", "textnorm", "gcpause", "docxcontract", "catalogue"}
# what the command line and the app may use: every part of the core
APP = {
    "model",
    "template",
    "layout",
    "export",
    "importers",
    "archive",
    "proof",
    "service",
    "review",
    "app",
}
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "errors": {"catalogue"},
    "catalogue": set(),
    "fsutil": {"errors"},
    "cnnum": set(),
    "places": set(),
    "textnorm": set(),
    "gcpause": set(),
    "docxcontract": set(),
    "template": {"errors", "cnnum"},
    "images": {"errors", "fsutil"},
    "convert": set(),
    "review": {"model"},
    "model": {"template"},
    "layout": {"model", "template", "images"},
    "proof": {"model", "template", "layout"},
    "importers": {"model", "template", "layout", "images", "convert"},
    "export": {"model", "template", "layout", "images"},
    "archive": {"model", "template", "layout", "export", "importers", "proof", "service"},
    "service": {"model", "template", "layout", "export", "importers", "archive", "proof"},
    "cli": APP | {"cli_tools", "cli_args", "cli_show", "cli_say"},
    "cli_args": set(),
    "cli_say": set(),
    "cli_show": APP | {"cli_say"},
    "app": APP - {"app"},
    "cli_tools": {"model", "template", "export", "archive", "review", "cli_say"},
    "ui": APP | {"images", "convert"},
}
QT = ("PySide6", "shiboken6")


def _area(path: Path, root: Path = PKG) -> str:
    rel = path.relative_to(root).parts
    return rel[0][:-3] if len(rel) == 1 else rel[0]


def _imports(path: Path, root: Path = PKG, typing: bool = True) -> list[tuple[str, bool]]:
    """(imported module, at module level) for every import in the file; without
    ``typing``, not those made for the type checker alone."""
    rel = path.relative_to(root)
    here = ["lianluo_desk", *rel.parts[:-1]]
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(n) for n in tree.body}
    typing_only = (
        set()
        if typing
        else {
            id(k)
            for n in ast.walk(tree)
            if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)
            for b in n.body
            for k in ast.walk(b)
        }
    )
    out = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
                if not node.module:  # from .. import x, y
                    out += [(f"{name}.{a.name}", id(node) in top) for a in node.names]
                    continue
            else:
                name = node.module or ""
            out.append((name, id(node) in top))
    return out


FILES = sorted(p for p in PKG.rglob("*.py") if p.name != "__main__.py")


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PKG)))
def test_imports_follow_the_rules(path):
    check_imports(path, PKG)


def check_imports(path: Path, root: Path) -> None:
    area = _area(path, root)
    allowed = ALLOWED[area] | LEAVES | {area}
    for name, module_level in _imports(path, root):
        if name.split(".")[0] in QT:
            assert area == "ui", f"{path}: {name} outside ui/"
        if not name.startswith("lianluo_desk."):
            continue
        target = name.split(".")[1]
        if area == "cli" and target == "ui" and not module_level:
            continue  # the app is started on demand; the command line never loads Qt
        assert target in allowed, f"{path}: {area} may not import {name}"


def test_the_rules_can_fail(tmp_path):
    """The checker sees a violation (a layout module importing the PDF painter)."""
    root = tmp_path / "lianluo_desk"
    bad = root / "layout" / "probe_violation.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from ..export.pdf import render_pdf\n", "utf-8")
    with pytest.raises(AssertionError, match="may not import"):
        check_imports(bad, root)
    fine = root / "layout" / "probe_fine.py"
    fine.write_text("from ..model.issue import Issue\n", "utf-8")
    check_imports(fine, root)


LIMIT = 600


def long_modules(root: Path) -> list[str]:
    out = []
    for p in sorted(root.rglob("*.py")):
        rel = p.relative_to(root).as_posix()
        n = len(p.read_text("utf-8").splitlines())
        if n > LIMIT:
            out.append(f"{rel}: {n} lines")
    return out


def test_no_module_is_over_600_lines():
    assert long_modules(PKG) == []


def test_the_length_rule_can_fail(tmp_path):
    (tmp_path / "big.py").write_text("x = 1\n" * (LIMIT + 1), "utf-8")
    (tmp_path / "fine.py").write_text("x = 1\n" * LIMIT, "utf-8")
    assert long_modules(tmp_path) == [f"big.py: {LIMIT + 1} lines"]


def private_imports(path: Path, root: Path = PKG) -> list[str]:
    """Private names (``_x``) a module takes from another module of ours, relative
    imports included (ruff's PLC2701 sees only absolute ones)."""
    rel = path.relative_to(root)
    here = ["lianluo_desk", *rel.parts[:-1]]
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.module == "__future__":
            continue
        if node.level:
            base = here[: len(here) - (node.level - 1)]
            name = ".".join(base + ([node.module] if node.module else []))
        else:
            name = node.module or ""
        if not name.startswith("lianluo_desk"):
            continue
        out += [f"{name}.{a.name}" for a in node.names if a.name.startswith("_")]
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PKG)))
def test_no_private_name_is_imported_from_another_module(path):
    assert private_imports(path) == []


def test_the_private_rule_can_fail(tmp_path):
    bad = tmp_path / "lianluo_desk" / "export" / "probe.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from ..layout.engine import _split_note\n", "utf-8")
    assert private_imports(bad, tmp_path / "lianluo_desk") == [
        "lianluo_desk.layout.engine._split_note"
    ]


def _module_graph(root: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports when it runs (imports inside functions
    count; those for the type checker alone do not)."""
    mods = {}
    for p in root.rglob("*.py"):
        parts = list(p.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return {
        m: {n for n, _top in _imports(p, root, typing=False) if n in mods and n != m}
        for m, p in mods.items()
    }


def import_cycles(root: Path) -> list[list[str]]:
    """Groups of modules that import one another, directly or round a ring."""
    graph = _module_graph(root)
    reach = {m: set(graph[m]) for m in graph}
    changed = True
    while changed:  # the transitive closure: a few hundred modules
        changed = False
        for m in reach:
            more = set().union(*(reach[n] for n in reach[m])) - reach[m]
            if more:
                reach[m] |= more
                changed = True
    groups = {frozenset({m} | {n for n in reach[m] if m in reach[n]}) for m in reach}
    return sorted(sorted(g) for g in groups if len(g) > 1)


def test_no_modules_import_each_other():
    """A ring of imports means two modules are one job cut in the wrong place."""
    assert import_cycles(PKG) == []


def test_the_ring_rule_can_fail(tmp_path):
    root = tmp_path / "lianluo_desk"
    (root / "archive").mkdir(parents=True)
    (root / "__init__.py").write_text("", "utf-8")
    (root / "archive" / "__init__.py").write_text("", "utf-8")
    (root / "archive" / "a.py").write_text("def f():\n    from .b import g\n", "utf-8")
    (root / "archive" / "b.py").write_text("from .a import f\n", "utf-8")
    (root / "archive" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import f\n", "utf-8"
    )
    assert import_cycles(root) == [["lianluo_desk.archive.a", "lianluo_desk.archive.b"]]
