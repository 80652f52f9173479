"""Box-tree traces compared with references (positions to 0.1 pt); a diff names the line
that moved. Rewrite with ``pytest --update-traces`` after an intended change."""

import difflib
from pathlib import Path

import pytest

from lianluo_desk.export.trace import trace
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE

from .conftest import past
from .tabledata import table_issue

EXPECTED = Path(__file__).parent / "layout" / "expected"

CASES = {
    "sample": lambda: load_issue(SAMPLE_ISSUE),
    "2021-no02": lambda: past("2021-no02").issue,
    "table": lambda: table_issue(16),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_trace_matches_reference(name, composer, update_traces):
    got = trace(composer.compose(CASES[name]()))
    ref = EXPECTED / f"{name}.trace"
    if update_traces:
        ref.write_text(got, "utf-8")
    assert ref.exists(), f"no reference for {name}: run with --update-traces and review it"
    want = ref.read_text("utf-8")
    if got != want:
        diff = "".join(
            list(
                difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "got")
            )[:60]
        )
        pytest.fail(f"layout of {name} changed:\n{diff}")
