"""Command-line commands that review and repair: `review` (a reviewer's DOCX against the
issue, decisions carried back) and `archive check` / `archive restore`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_say import error, tell, text
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
            print(f"       {text(c.advice)}")
    if not changes:
        print(tell("cli.no_changes", where=args.reviewed, issue=args.issue))
    if not (accept or reject):
        return 0
    ensure_editable(issue, args.issue)
    for line in rv.apply(issue, paras, changes, accept, reject):
        print(text(line))
    save_issue(issue, args.issue)
    print(tell("cli.saved", where=args.issue))
    return 0


def archive_repair(cmd: str, lib: Path) -> int:
    """`archive check`, `restore` and `rebuild`: they work on a damaged archive, which
    cannot be opened like a sound one."""
    from .archive import backup, health
    from .archive.store import DB_NAME

    if cmd == "check":
        found = health.problems(lib / DB_NAME)
        if found:
            error(tell("cli.archive_damaged", problem=found[0]))
            return 2
        from .archive.rebuild import keep_missing
        from .archive.store import Archive

        with Archive(lib) as archive:
            n = len(archive.list())
            kept = keep_missing(archive, lib)
        copies = len(backup.backups(lib))
        print(tell("cli.archive_sound", where=lib / DB_NAME, issues=n, backups=copies))
        for name in kept:
            print(tell("cli.kept", name=name))
        return 0
    if cmd == "rebuild":
        from .archive.rebuild import rebuild

        built = rebuild(lib)
        print(tell("cli.rebuilt", where=lib / DB_NAME))
        if built.damaged_copy is not None:
            print(tell("cli.damaged_kept", name=built.damaged_copy.name))
        for name in built.synced.added:
            print(tell("cli.added_back", name=name))
        for err in built.synced.failed:
            error(err)
        return 2 if built.synced.failed else 0
    done = backup.restore(lib)
    print(tell("cli.restored", where=lib / DB_NAME, source=done.source.name))
    if done.damaged_copy is not None:
        print(tell("cli.damaged_kept", name=done.damaged_copy.name))
    for name in done.readded:
        print(tell("cli.readded", name=name))
    for err in done.failed:
        error(err)
    return 2 if done.failed else 0
