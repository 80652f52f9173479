"""Issues whose 版记 has a row of a given kind that fits its width only tightened: the
cases where the DOCX must carry the layout's squeezes, or the word processor wraps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import past


def tight_row(
    composer: Any, template: Any, kind: str, lengthen: Callable[[Any, int], None]
) -> tuple:
    """A past issue whose row of ``kind``, lengthened by ``lengthen(footer, n)`` for
    n = 0, 1, …, stands on one line that would pass the 版记's right edge with none of
    its glyphs squeezed, and its document."""
    g = template.geometry
    for n in range(40):
        issue = past("2022-no07").issue
        lengthen(issue.banji, n)
        doc = composer.compose(issue)
        b = doc.decisions.banji
        assert b is not None
        rows = [r for r in b.rows if r.kind == kind]
        if len(rows) != 1 or len(rows[0].lines.starts) != 1:
            continue
        (ln,) = [x for x in doc.pages[-1].lines if ("footer", *x.block) == rows[0].key]
        if ln.x1 + sum(rows[0].lines.squeezed.values()) > g.right - rows[0].inset + 0.01:
            return issue, doc
    raise AssertionError(f"no {kind} row that fits only tightened")
