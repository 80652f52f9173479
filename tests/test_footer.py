"""The 版记 as the prints set it: our lines side by side with the printed text of the
2018, 2021 and 2022 examples (line count and line texts)."""

from __future__ import annotations

import pytest

from .conftest import DATA, past

_HALF = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})


def _norm(s: str) -> str:
    return s.translate(_HALF).replace(" ", "").replace("\u3000", "")


def printed_lines(name: str) -> list[str]:
    """The print's 版记 lines. The 2022 extraction keeps a wrapped line as a line of its
    own where the print wrapped; older ones joined wrapped lines, so a line there may be
    a whole group longer than fits."""
    text = (DATA / f"{name}.txt").read_text("utf-8")
    tail = text[text.rindex("送：") :]
    return [_norm(x) for x in tail.splitlines() if x.strip() and x.strip() != "---"]


def by_group(lines: list[str], issue) -> list[list[str]]:
    """Lines grouped as the 版记's parts: each recipient group, then one per line."""
    texts = [_norm(g.text) for g in issue.banji.distribution]
    texts[0] = "送：" + texts[0]
    groups: list[list[str]] = []
    k = 0
    for text in texts:
        got: list[str] = []
        while k < len(lines) and len("".join(got)) < len(text):
            got.append(lines[k])
            k += 1
        assert "".join(got) == text, (got, text)
        groups.append(got)
    return groups + [[x] for x in lines[k:]]


def printed_footer(name: str) -> list[list[str]]:
    return by_group(printed_lines(name), past(name).issue)


def our_footer(composer, name: str) -> list[list[str]]:
    issue = past(name).issue
    doc = composer.compose(issue)
    lines = [_norm(ln.text) for ln in doc.pages[-1].lines if ln.role == "footer"]
    return by_group(lines, issue)


@pytest.mark.parametrize("name", ["2018-no01", "2021-no02", "2022-no07"])
def test_footer_as_printed(composer, name):
    printed = printed_footer(name)
    ours = our_footer(composer, name)
    assert len(ours) == len(printed), (ours, printed)
    for mine, theirs in zip(ours, printed, strict=True):
        assert "".join(mine) == "".join(theirs)
        if len(theirs) > 1:  # the print shows where it wrapped: as many lines
            assert len(mine) == len(theirs), (mine, theirs)
        if len(mine) == 1:
            assert mine == theirs
    # the first group on one line; 责任编辑 and 联系方式 share a row
    assert len(ours[0]) == 1
    assert any(x[0].startswith("责任编辑") and "联系方式" in x[0] for x in ours)


@pytest.mark.parametrize("name,lines", [("2018-no01", 8), ("2022-no07", 8)])
def test_footer_line_count_as_printed(composer, name, lines):
    """Where the extraction keeps every printed line, the 版记 takes as many."""
    assert sum(len(p) for p in printed_footer(name)) == lines
    assert sum(len(p) for p in our_footer(composer, name)) == lines


def test_footer_geometry(composer):
    """Rules thick / thin / thick; the row's contact part ends on the right edge; the last
    rule on the text block's bottom; nothing past the edges."""
    from lianluo_desk.layout.boxes import GlyphRun, Rule

    doc = composer.compose(past("2022-no07").issue)
    g = composer.g
    page = doc.pages[-1]
    rules = [r for r in page.items if isinstance(r, Rule)]
    assert [round(r.thickness / 72 * 25.4, 2) for r in rules[-3:]] == [0.35, 0.25, 0.35]
    assert abs(rules[-1].y - (g.top + g.text_height)) < 0.01
    row = [ln for ln in page.lines if ln.role == "footer" and ln.text.startswith("责任编辑")][0]
    assert abs(row.x1 - (g.left + g.text_width)) < 0.01 and row.x0 >= g.left - 0.01
    runs = [r for r in page.items if isinstance(r, GlyphRun) and abs(r.y - row.baseline) < 0.01]
    assert runs[-1].text.endswith(".com")


@pytest.mark.parametrize("name", ["2018-no01", "2021-no02", "2022-no07"])
def test_footer_set_one_way(composer, name):
    """Every mark of the 版记 takes the same width on every line, measured on the PDF
    read back: the step from a mark to the next character (not at a line end)."""
    import io

    import pdfplumber

    from lianluo_desk.export.pdf import render_pdf
    from lianluo_desk.layout.kinsoku import RIGHT_BLANK

    doc = composer.compose(past(name).issue)
    page = doc.pages[-1]
    footer = [ln for ln in page.lines if ln.role == "footer"]
    top = min(ln.baseline for ln in footer) - 20
    cell = composer.g.cell * composer.style("footer").size / composer.body.size
    steps: dict[str, list[float]] = {}
    with pdfplumber.open(io.BytesIO(render_pdf(doc))) as pdf:
        chars = [c for c in pdf.pages[-1].chars if c["top"] > top and c["size"] < 15]
        rows: dict[float, list] = {}
        for c in chars:
            rows.setdefault(round(c["top"], 1), []).append(c)
        for row in rows.values():  # in the order drawn: left to right
            for a, b in zip(row, row[1:], strict=False):
                if a["text"] in RIGHT_BLANK and "\u4e00" <= b["text"] <= "\u9fff":
                    steps.setdefault(a["text"], []).append((b["x0"] - a["x0"]) / cell)
    assert "、" in steps and len(rows) >= 6
    flat = [s for v in steps.values() for s in v]
    # one width for all (the spread of a justified line aside)
    assert max(flat) - min(flat) < 0.15, steps
