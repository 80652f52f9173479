"""A working day in a few minutes: the real window driven through thousands of scripted
edits, role changes, reorders, undo/redo, proofing fixes and preview repaints of a
30-odd-page issue. It must not abort, and resident memory must stay flat once the undo
history is full (the undo stack is bounded; nothing else may grow)."""

import os
import random
import time

import pytest

from lianluo_desk.model.issue import BlockKind
from lianluo_desk.model.store import save_issue
from lianluo_desk.ui.controller import UNDO_STEPS

from .conftest import close_window, open_window

STEPS = int(os.environ.get("SOAK_STEPS", "3000"))  # fewer only to try the test out
# one round of twenty steps: typing is what an editor does most
ROUND = ["edit"] * 10 + ["role", "reorder", "undo", "undo", "redo", "proof", "role"]
ROUND += ["reorder", "repaint", "repaint"]


def _rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _paragraphs(issue):
    """Text paragraphs (any block of text when role changes have used them up)."""
    found = [
        (ai, bi)
        for ai, art in enumerate(issue.articles)
        for bi, b in enumerate(art.blocks)
        if b.kind is BlockKind.PARAGRAPH and not b.runin and "。" in b.text[:-1]
    ]
    return found or [
        (ai, bi)
        for ai, art in enumerate(issue.articles)
        for bi, b in enumerate(art.blocks)
        if b.kind is not BlockKind.IMAGE
    ]


@pytest.mark.slow
def test_a_working_day_without_abort_or_growth(qtbot, tmp_path, big_issue):
    from copy import deepcopy

    issue = deepcopy(big_issue)
    del issue.articles[1]  # about thirty pages
    path = tmp_path / "big.json"
    save_issue(issue, path)
    w = open_window(qtbot, tmp_path / "lib", path)
    rnd = random.Random(18)
    counts: dict[str, int] = {}
    rss: list[float] = []
    started = time.monotonic()
    try:
        pages = len(w.doc.pages)
        assert pages >= 30
        for step in range(STEPS):
            op = ROUND[step % len(ROUND)]
            issue = w.issue
            if op == "edit":  # typing into a paragraph, as an input method commits
                ai, bi = rnd.choice(_paragraphs(issue))
                w.ctl.select(ai, bi, 0)
                w.editor.text.insertPlainText("改")
            elif op == "role":
                ai, bi = rnd.choice(_paragraphs(issue))
                w.ctl.select(ai, bi)
                w.editor.set_role(rnd.choice(["heading2", "heading3", "runin2", "paragraph"]))
            elif op == "reorder":
                n = len(issue.articles)
                w.outline.move_article(rnd.randrange(n), rnd.randrange(n))
            elif op == "undo":
                w.undo_stack.undo()
            elif op == "redo":
                w.undo_stack.redo()
            elif op == "proof":
                fixable = [f for f in w.ctl.findings if f.fix is not None]
                if fixable:
                    w.proof.proof_list.setCurrentItem(w.proof.proof_list.topLevelItem(0))
                    w.proof.fix_selected()
                else:
                    w.editor.text.insertPlainText(" 2023 ")  # gives the proofing work
            else:  # let the layout catch up, then paint the pages the editor is on
                qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=20000)
                w.preview.pages.repaint()
            counts[op] = counts.get(op, 0) + 1
            if step % 250 == 249:
                rss.append(_rss_mb())
        minutes = (time.monotonic() - started) / 60
        assert sum(counts.values()) == STEPS and min(counts.values()) >= STEPS // 20
        # the undo history fills within the first UNDO_STEPS * 20 / 14 steps; from then on
        # memory holds still: no more than 5 % between the first and the last quarter
        full = UNDO_STEPS * len(ROUND) // 14 // 250 + 1
        later = rss[full:]
        growth = (later[-1] - later[0]) / later[0]
        print(
            f"soak: {STEPS} steps {counts} on {pages} pages in {minutes:.1f} min; "
            f"RSS MB {[round(x) for x in rss]}; growth after the undo history filled "
            f"{growth:+.1%}"
        )
        assert growth < 0.05
        assert len(w.doc.pages) > 20
    finally:
        close_window(w)


@pytest.mark.slow
def test_finished_layouts_keep_no_snapshot(qtbot, window):
    """Each layout runs on a snapshot of the issue in the thread pool, which keeps the
    finished runnable: the snapshot must not stay with it (it did, one issue per edit)."""
    import gc

    from lianluo_desk.model.issue import Issue

    def issues_alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Issue))

    w = window
    ai, bi = _paragraphs(w.issue)[0]
    before = issues_alive()  # other tests' issues may live on in this process
    for _ in range(12):
        w.ctl.select(ai, bi, 0)
        w.editor.text.insertPlainText("改")
        qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=20000)
    grown = issues_alive() - before
    assert grown <= 1, f"{grown} more issues alive after 12 layouts"
