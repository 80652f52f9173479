"""Command-line commands that review and repair: `review` (a reviewer's DOCX against the
issue, decisions carried back) and `archive check` / `archive restore`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UserError


def review(args: argparse.Namespace) -> int:
    """`review ISSUE REVIEWED.docx`: the list, then the decisions, written atomically."""
    from . import review as rv
    from .archive.ops import ensure_editable
    from .export.docx import render_docx
    from .model.store import load_issue, save_issue
    from .template import load_template

    issue = load_issue(args.issue)
    paras = rv.load(Path(args.reviewed), issue)
    reference = rv.read(render_docx(issue, load_template(issue.template)))
    changes = rv.compare(issue, paras, reference)
    numbers = {c.number for c in changes}

    def chosen(words: list[str]) -> set[int]:
        if "all" in words:
            return set(numbers)
        try:
            return {int(w) for w in words}
        except ValueError:
            raise UserError("review.bad_choice", words=" ".join(words)) from None

    accept, reject = chosen(args.accept), chosen(args.reject)
    if accept & reject:
        raise UserError("review.both", number=min(accept & reject))
    for c in changes:
        who = f" {c.author} {c.date[:10]}".rstrip() if c.author else ""
        print(f"{c.number:>3}. {c.where} [{c.kind}]{who}: {c.text[:50]}")
        if c.context:
            print(f"       {c.context[:70]}")
        if c.advice:
            print(f"       {c.advice}")
    if not changes:
        print(f"{args.reviewed}: no changes against {args.issue} (未发现修改)")
    if not (accept or reject):
        return 0
    ensure_editable(issue, args.issue)
    for line in rv.apply(issue, paras, changes, accept, reject):
        print(line)
    save_issue(issue, args.issue)
    print(f"{args.issue}: saved")
    return 0


def archive_repair(cmd: str, lib: Path) -> int:
    """`archive check`, `restore` and `rebuild`: they work on a damaged archive, which
    cannot be opened like a sound one."""
    from .archive import backup, health
    from .archive.store import DB_NAME

    if cmd == "check":
        found = health.problems(lib / DB_NAME)
        if found:
            print(f"lianluo-desk: {found[0]}; run 'lianluo-desk archive restore'", file=sys.stderr)
            return 2
        from .archive.rebuild import keep_missing
        from .archive.store import Archive

        with Archive(lib) as archive:
            n = len(archive.list())
            kept = keep_missing(archive, lib)
        copies = len(backup.backups(lib))
        print(f"{lib / DB_NAME}: ok, {n} issues, {copies} backups (完好)")
        for name in kept:
            print(f"  kept in the library's files: {name}")
        return 0
    if cmd == "rebuild":
        from .archive.rebuild import rebuild

        built = rebuild(lib)
        print(f"{lib / DB_NAME}: rebuilt from the library's files (已重建)")
        if built.damaged_copy is not None:
            print(f"  the damaged archive is kept as {built.damaged_copy.name}")
        for name in built.synced.added:
            print(f"  added {name}")
        for err in built.synced.failed:
            print(f"lianluo-desk: {err}", file=sys.stderr)
        return 2 if built.synced.failed else 0
    done = backup.restore(lib)
    print(f"{lib / DB_NAME}: restored from {done.source.name}")
    if done.damaged_copy is not None:
        print(f"  the damaged archive is kept as {done.damaged_copy.name}")
    for name in done.readded:
        print(f"  re-added {name}")
    for err in done.failed:
        print(f"lianluo-desk: {err}", file=sys.stderr)
    return 2 if done.failed else 0
