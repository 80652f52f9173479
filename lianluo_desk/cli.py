"""Command line: demo, new, add, export, and the app when a display is there.

Never imports PySide6 except to start the app. Errors are one line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import gcpause
from .catalogue import say
from .cli_args import COMMANDS, build_parser
from .cli_say import error, language, tell, text
from .cli_show import compare_breaks, outline, set_role_at
from .errors import UserError
from .places import is_issue_name

if TYPE_CHECKING:
    from .model.issue import Issue
    from .template import Template


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if (
        argv
        and argv[0] not in COMMANDS
        and not argv[0].startswith("-")
        and (is_issue_name(argv[0]) or Path(argv[0]).is_file())
    ):
        argv = ["open", *argv]  # lianluo-desk ISSUE opens the app, whatever the file's name
    ap = build_parser()
    args = ap.parse_args(argv)
    # One issue exported, then the process ends: cyclic collection paused throughout
    # (imports, reading, the PDF), not only while the layout runs, as nothing made needs
    # freeing before the end. Batches pause it in their workers, issue by issue.
    one_export = args.cmd == "export" and len(args.issue) == 1 and not args.pdf_dir
    try:
        with gcpause.paused() if one_export else contextlib.nullcontext():
            return run(args)
    except UserError as exc:
        error(exc)
        return 2
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        error(tell("cli.interrupted"))
        return 130
    except MemoryError:
        error(tell("cli.out_of_memory"))
        return 2
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        where = getattr(args, "issue", "") or getattr(args, "out_dir", "")
        error(tell("cli.internal", where=where, detail=f"{type(exc).__name__}: {exc}"))
        return 3


def run(args: argparse.Namespace) -> int:
    from . import service
    from .template import load_template

    if args.cmd in (None, "open"):
        return open_app(getattr(args, "issue", None), args.library, getattr(args, "sample", False))
    t = load_template(args.template)
    lib = service.library_dir(args.library)
    command = RUNNERS.get(args.cmd)
    if command is None:
        raise UserError("cli.unknown_command", command=args.cmd)
    return command(args, t, lib)


def run_demo(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from . import service
    from .model.store import load_issue

    out = Path(args.out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("fs.cannot_create_folder", where=out, detail=exc.strerror) from None
    issue = load_issue(service.SAMPLE_ISSUE)
    m = issue.masthead
    stem = t.issue_stem(m.date.year, m.number, m.supplement)
    pdf, docx = out / f"{stem}.pdf", out / f"{stem}.docx"
    sizes = service.export(issue, pdf, docx, t, service.fontset(t, lib))
    print(tell("cli.wrote_pages", where=pdf, pages=sizes["pages"], kb=sizes["pdf"] / 1024))
    print(tell("cli.wrote", where=docx, kb=sizes["docx"] / 1024))
    return 0


def run_new(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .app.issues import new_issue
    from .model.store import save_issue

    path = Path(args.issue)
    if path.exists() and not args.force:
        raise UserError("fs.exists", where=path)
    date = args.date or _dt.date.today()
    made = new_issue(lib, t, date, args.preset, args.supplement, args.number, args.cumulative)
    warnings = made.warnings
    if made.archive_empty and args.number is None and args.cumulative is None:
        warnings.insert(0, say("numbers.guessed"))
    save_issue(made.issue, path)
    print(masthead_summary(path, made.issue, t))
    for w in warnings:
        print(tell("cli.warning", where=path, warning=w))
    return 0


def run_add(args: argparse.Namespace, _t: Template, _lib: Path) -> int:
    from . import service
    from .app.drafts import import_drafts
    from .archive.ops import ensure_editable
    from .model.store import load_issue, save_issue

    issue = load_issue(args.issue)
    ensure_editable(issue, args.issue)
    ipath = Path(args.issue)
    assets_ref = f"{ipath.stem}.assets"
    drafts = [Path(d) for d in args.drafts]
    result = import_drafts(drafts, len(issue.articles), ipath.parent / assets_ref, assets_ref)
    total = len(drafts)
    for k, (d, r) in enumerate(zip(args.drafts, result.drafts, strict=True), 1):
        if r.error is not None:
            error(r.error)
            continue
        if r.past is not None:
            took = service.adopt_past_issue(issue, r.past.issue)
            print(tell("cli.past_issue", where=d, took=took))
        prefix = f"[{k}/{total}] " if total > 1 else ""
        for art in r.articles:
            title = art.title_text or say("cli.untitled")
            print(
                prefix
                + tell("cli.article", where=art.source, title=title, paragraphs=len(art.blocks))
            )
        for w in (w for art in r.articles for w in art.warnings):
            print(tell("cli.warning", where=d, warning=w))
        if r.report.summary(language()):
            print(prefix + tell("fs.about", where=r.path.name, reason=r.report.summary(language())))
        if r.unprinted:
            print(prefix + tell("fs.about", where=r.path.name, reason=r.unprinted))
    added, failed = result.added, result.failed
    if added:
        issue.articles.extend(added)
        save_issue(issue, args.issue)
    if total > 1:
        print(tell("cli.added", where=args.issue, added=len(added), failed=len(failed)))
    return 2 if failed else 0


def run_export(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from . import service
    from .model.store import load_issue

    if args.pdf_dir or len(args.issue) > 1:
        return export_batch(args, t, lib)
    args.issue = args.issue[0]
    issue = load_issue(args.issue)
    earlier = None
    if args.compare is not None:
        from .archive.ops import revision_of
        from .archive.store import Archive

        with Archive(lib) as archive:
            earlier = revision_of(archive, issue, args.compare)
    sizes = service.export(
        issue,
        Path(args.pdf) if args.pdf else None,
        Path(args.docx) if args.docx else None,
        t,
        service.fontset(t, lib),
        earlier,
        Path(args.pdfa) if args.pdfa else None,
        Path(args.ofd) if args.ofd else None,
    )
    for kind in ("pdf", "pdfa", "ofd"):
        if getattr(args, kind):
            out = getattr(args, kind)
            print(tell("cli.wrote_pages", where=out, pages=sizes["pages"], kb=sizes[kind] / 1024))
    if args.docx:
        print(tell("cli.wrote", where=args.docx, kb=sizes["docx"] / 1024))
    return 0


def run_role(args: argparse.Namespace, t: Template, _lib: Path) -> int:
    from .archive.ops import ensure_editable
    from .model.store import load_issue, save_issue

    issue = load_issue(args.issue)
    ensure_editable(issue, args.issue)
    set_role_at(issue, args.article - 1, args.para, args.role)
    save_issue(issue, args.issue)
    print(outline(issue, t).splitlines()[0])
    return 0


def run_review(args: argparse.Namespace, _t: Template, _lib: Path) -> int:
    from .cli_tools import review

    return review(args)


def run_outline(args: argparse.Namespace, t: Template, _lib: Path) -> int:
    from .model.store import load_issue

    print(outline(load_issue(args.issue), t))
    return 0


def export_batch(args: argparse.Namespace, t: Template, lib: Path) -> int:
    """Several issues to PDF in one command, each PDF named after its issue file, a
    [k/n] line as each is done. A failing issue is reported and the rest still made."""
    from . import service
    from .export.batch import Done, export_pdfs

    singles = (args.pdf, args.pdfa, args.ofd, args.docx)
    if not args.pdf_dir or any(singles) or args.compare is not None:
        raise UserError("cli.several_issues")
    out = Path(args.pdf_dir)
    if not out.is_dir():
        raise UserError("fs.no_such_folder", where=out)
    stems = [Path(p).stem for p in args.issue]
    twice = sorted({s for s in stems if stems.count(s) > 1})
    if twice:
        raise UserError("cli.same_name", name=twice[0])
    jobs = [(Path(p), out / f"{Path(p).stem}.pdf") for p in args.issue]
    finished = 0

    def report(r: Done) -> None:
        nonlocal finished
        finished += 1
        head = f"[{finished}/{len(jobs)}]"
        if r.error:
            print(f"{head} {text(r.error)}", file=sys.stderr, flush=True)
        else:
            done = tell("cli.wrote_pages", where=r.target, pages=r.pages, kb=r.size / 1024)
            print(f"{head} {done}", flush=True)

    results = export_pdfs(jobs, t, service.fontset(t, lib), done=report)
    failed = sum(1 for r in results if r.error)
    if failed:
        print(tell("cli.export_failed", failed=failed, total=len(jobs)), file=sys.stderr)
    return 2 if failed else 0


def masthead_summary(path: str | Path, issue: Issue, t: Template) -> str:
    m, f = issue.masthead, issue.banji
    names = "　".join(f.editors)
    return (
        f"{path}: {t.format_number(m.number, m.supplement)} "
        f"{t.format_cumulative(m.cumulative)} {t.format_date(m.date)}\n"
    ) + tell(
        "cli.distribution",
        groups=len(f.distribution),
        preset=f"（{f.preset}）" if f.preset else "",
        editors=names,
        approval=f.approval,
    )


def run_revise(args: argparse.Namespace, _t: Template, lib: Path) -> int:
    from .app.issues import revise

    issue = revise(Path(args.issue), lib)
    print(tell("cli.revising", where=args.issue, revision=issue.published.get("revision")))
    return 0


def run_publish(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .app.issues import publish

    final = publish(Path(args.issue), lib, t)
    print(tell("cli.published", where=args.issue, final=final))
    return 0


def run_set(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .archive import ops
    from .archive.store import Archive
    from .model.store import load_issue, save_issue

    with Archive(lib) as archive:
        issue = load_issue(args.issue)
        warnings = ops.set_values(issue, args.pairs, archive, t)
        save_issue(issue, args.issue)
    print(masthead_summary(args.issue, issue, t))
    for w in warnings:
        print(tell("cli.warning", where=args.issue, warning=w))
    return 0


def run_preset(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .archive.store import Archive
    from .model.store import load_issue

    with Archive(lib) as archive:
        if args.pcmd == "save":
            issue = load_issue(args.issue)
            groups = [g.text for g in issue.banji.distribution]
            if not groups:
                raise UserError("archive.no_distribution", where=args.issue)
            archive.save_preset(args.name, args.label, groups)
            print(tell("cli.preset_saved", name=args.name, groups=len(groups)))
            return 0
        lib_presets = archive.presets()
    for name, (label, groups) in sorted(lib_presets.items()):
        origin = say("cli.from_library")
        print(tell("cli.preset", name=name, origin=origin, label=label, groups=len(groups)))
    for name, spec in sorted(t.presets.items()):
        if name not in lib_presets:
            origin, label, n = (
                say("cli.from_template"),
                spec.get("label", ""),
                len(spec.get("groups", [])),
            )
            print(tell("cli.preset", name=name, origin=origin, label=label, groups=n))
    return 0


def run_archive(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .archive import ops
    from .archive.store import Archive

    if args.acmd in ("check", "restore", "rebuild"):
        from .cli_tools import archive_repair

        return archive_repair(args.acmd, lib)
    with Archive(lib) as archive:
        if args.acmd == "import":
            return print_archive_import(ops.import_files(archive, args.files, _progress), t)
        if args.acmd == "list":
            for i in archive.list():
                kind = "增刊" if i.series == "supplement" else ""
                print(
                    f"{i.date.isoformat()}  {kind}第{i.number}期  总第{i.cumulative}期  "
                    f"r{i.revision}  {i.title[:40]}"
                )
            return 0
        hits = archive.search(args.text)
    for i, title, snippet in hits:
        print(f"{i.date.isoformat()} 第{i.number}期 《{title}》 {snippet}")
    if not hits:
        print(tell("cli.no_match", text=args.text))
    return 0


def _progress(k: int, n: int, path: Path) -> None:
    print(f"[{k}/{n}] {path}", file=sys.stderr, flush=True)


def print_archive_import(results: list[Any], t: Template) -> int:
    """Each past issue imported into the archive, or why not; the count."""
    for r in results:
        if r.error or r.issue is None:
            error(r.error)
            continue
        m = r.issue.masthead
        print(
            f"{r.path}: {m.date.isoformat()} {t.format_number(m.number, m.supplement)}"
            f" {t.format_cumulative(m.cumulative)}"
        )
        for w in r.warnings:
            print(tell("cli.warning", where=r.path, warning=w))
    failed = sum(1 for r in results if r.error)
    print(tell("cli.archive_imported", imported=len(results) - failed, failed=failed))
    return 2 if failed else 0


def check(args: argparse.Namespace, _t: Template, _lib: Path) -> int:
    from . import proof
    from .errors import describe_char
    from .model.store import load_issue, save_issue

    issue = load_issue(args.issue)
    if args.fix:
        from .archive.ops import ensure_editable

        ensure_editable(issue, args.issue)
    known = list(proof.RULES)
    for name in (args.rules or []) + [r for r in (args.fix or []) if r != "all"]:
        if name not in known:
            raise UserError("proof.unknown_rule", name=name, known=", ".join(known))
    if args.fix:
        rules = known if "all" in args.fix else args.fix
        made = proof.fix(issue, rules)
        save_issue(issue, args.issue)
        for f in made:
            was = describe_char(f.text[0]) if f.rule == "glyph" else f"“{f.before}”"
            context = f.context.replace("\n", "⏎")
            print(f"{args.issue}: {f.where()} [{f.rule}] {was} → “{f.after}”  …{context}…")
        print(tell("cli.fixed", where=args.issue, count=len(made)))
    findings = proof.check(issue, args.rules)
    for f in findings:
        label = proof.RULES[f.rule][2]
        fix = tell("cli.by_hand") if f.fix is None else f"→ “{f.fix}”"
        shown = describe_char(f.text[0]) if f.rule == "glyph" else f"“{f.text}”"
        context = f.context.replace("\n", "⏎")
        print(f"{args.issue}: {f.where()} [{f.rule}] {label}: …{context}… {shown} {fix}")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity != "error")
    print(tell("cli.checked", where=args.issue, errors=errors, warnings=warnings))
    return 1 if errors else 0


def has_display() -> bool:
    if sys.platform.startswith("win") or sys.platform == "darwin":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def open_app(issue: str | None, library: str | None = None, sample: bool = False) -> int:
    if not has_display():
        error(tell("cli.no_display"))
        return 2
    try:
        from .ui.app import run_app
    except ImportError as exc:
        raise UserError("cli.no_app", detail=exc) from None
    return run_app(issue, library, sample)


Runner = Callable[[argparse.Namespace, "Template", Path], int]
# each command's function: it parses nothing and decides nothing, it calls and prints
RUNNERS: dict[str, Runner] = {
    "demo": run_demo,
    "new": run_new,
    "add": run_add,
    "export": run_export,
    "check": check,
    "set": run_set,
    "publish": run_publish,
    "revise": run_revise,
    "archive": run_archive,
    "preset": run_preset,
    "role": run_role,
    "review": run_review,
    "breaks": compare_breaks,
    "outline": run_outline,
}
