"""Command line: demo, new, add, export, and the app when a display is there.

Never imports PySide6 except to start the app. Errors are one line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import gcpause
from .errors import UserError
from .places import is_issue_name

if TYPE_CHECKING:
    from .model.issue import Issue
    from .template import Template


def _date(s: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s}") from None


COMMANDS = (
    "demo",
    "new",
    "add",
    "export",
    "review",
    "check",
    "outline",
    "role",
    "set",
    "publish",
    "revise",
    "archive",
    "preset",
    "breaks",
    "open",
)


# (name, help) of each command, in the order the usage and help list them
COMMAND_HELP = (
    ("demo", "export the sample issue to OUT_DIR as PDF and DOCX"),
    ("new", "create a new issue file, numbered from the archive"),
    ("set", "change masthead/footer values: KEY=VALUE ..."),
    ("publish", "check, export the final PDF, record in the archive"),
    ("revise", "reopen a published issue for a correction"),
    ("archive", "the archive of past issues"),
    ("preset", "distribution presets kept in the library"),
    ("add", "append articles from drafts (.docx, .txt, .md)"),
    ("export", "export an issue as PDF and/or DOCX"),
    ("check", "proofread an issue; exit status 1 if errors remain"),
    ("outline", "show what was recognised in an issue"),
    ("role", "correct a recognised role: role ISSUE ARTICLE PARA ROLE"),
    (
        "breaks",
        "set a past issue (text of the print) again and compare its page breaks with the print's",
    ),
    ("review", "list a reviewer's changes and comments; accept or reject them"),
    ("open", "open the desktop app"),
)


class _Commands(argparse._SubParsersAction):
    """The subcommands, each one's parser made when it is the command given: making all
    of them (some twenty parsers, each looking up the translations of its messages) took
    longer than reading an issue. Their names and help lines are there from the start,
    so usage, help and the invalid-choice message are those of the full parser."""

    def add_command(self, name: str, help: str) -> None:
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))
        self._name_parser_map[name] = None  # made in __call__

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        name = values[0]
        if name in self._name_parser_map and self._name_parser_map[name] is None:
            sub = self._parser_class(prog=f"{self._prog_prefix} {name}", formatter_class=_checking)
            add_arguments(name, sub)
            sub.formatter_class = argparse.HelpFormatter
            self._name_parser_map[name] = sub
        super().__call__(parser, namespace, values, option_string)


def _checking(*, prog: str) -> argparse.HelpFormatter:
    """The formatter for making a parser: argparse makes one for every argument added,
    only to check its metavar, and each asks the terminal's width (importing shutil to do
    so), which took longer than the parsing. Help and usage are written by the parser's
    own, HelpFormatter, set once the parser is made."""
    return argparse.HelpFormatter(prog, width=80)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="lianluo-desk",
        description="简报编辑排版 (bulletin editing and layout)",
        formatter_class=_checking,
    )
    ap.add_argument("--library", help="library folder (archive, presets, caches)")
    ap.add_argument("--template", default="lianluo-dongtai", help="publication template")
    sub = ap.add_subparsers(dest="cmd", action=_Commands)
    assert isinstance(sub, _Commands)
    for name, help in COMMAND_HELP:
        sub.add_command(name, help)
    ap.formatter_class = argparse.HelpFormatter
    return ap


def add_arguments(cmd: str, p: argparse.ArgumentParser) -> None:
    """The arguments of command ``cmd`` to its parser ``p``."""
    if cmd == "demo":
        p.add_argument("out_dir")
    elif cmd == "new":
        p.add_argument("issue")
        p.add_argument("--date", type=_date, default=None)
        p.add_argument("--number", type=int, default=None, help="override the proposed number")
        p.add_argument("--cumulative", type=int, default=None)
        p.add_argument("--preset", help="distribution preset instead of the last issue's list")
        p.add_argument("--supplement", action="store_true", help="a supplement (增刊)")
        p.add_argument("--force", action="store_true", help="overwrite an existing file")
    elif cmd == "set":
        p.add_argument("issue")
        p.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    elif cmd in ("publish", "revise", "outline"):
        p.add_argument("issue")
    elif cmd == "archive":
        asub = p.add_subparsers(dest="acmd", required=True)
        a = asub.add_parser(
            "import", help="import past issues: their PDFs, extracted text or issue files; folders"
        )
        a.add_argument("files", nargs="+")
        asub.add_parser("check", help="integrity check of the archive and its search index")
        asub.add_parser(
            "restore", help="restore a damaged archive from its newest sound backup and the library"
        )
        asub.add_parser("rebuild", help="re-create a lost archive from the library's files alone")
        asub.add_parser("list", help="list the archive")
        a = asub.add_parser("search", help="find issues by words in titles and text")
        a.add_argument("text")
    elif cmd == "preset":
        psub = p.add_subparsers(dest="pcmd", required=True)
        psub.add_parser("list", help="list presets (library and template)")
        a = psub.add_parser("save", help="save an issue's distribution list as a preset")
        a.add_argument("name")
        a.add_argument("issue")
        a.add_argument("--label", default="")
    elif cmd == "add":
        p.add_argument("issue")
        p.add_argument("drafts", nargs="+")
    elif cmd == "export":
        p.add_argument("issue", nargs="+", help="issue file(s); several need --pdf-dir")
        p.add_argument("--pdf-dir", help="folder for the PDFs of several issues, one per issue")
        p.add_argument("--pdf")
        p.add_argument("--pdfa", help="PDF/A-2b, the archive copy")
        p.add_argument("--ofd", help="OFD (GB/T 33190), the exchange and archive format")
        p.add_argument("--docx")
        p.add_argument(
            "--compare", type=int, metavar="REV", help="DOCX as a redline against revision REV"
        )
    elif cmd == "check":
        p.add_argument("issue")
        p.add_argument(
            "--fix",
            nargs="+",
            metavar="RULE",
            help="apply the proposed fixes of these rules (or 'all')",
        )
        p.add_argument("--rules", nargs="+", metavar="RULE", help="check only these rules")
    elif cmd == "role":
        p.add_argument("issue")
        p.add_argument("article", type=int, help="article number as `outline` shows it")
        p.add_argument(
            "para",
            help="paragraph number as `outline` shows it, or a head part: T1, T2… (title "
            "lines), S (subtitle), N (editor's note)",
        )
        p.add_argument(
            "role", help="paragraph, heading1..4, runin1..4, byline, title, subtitle, note"
        )
    elif cmd == "breaks":
        p.add_argument("past", help="text extracted from a printed issue")
        p.add_argument("--pdf", help="also export the issue as set")
    elif cmd == "review":
        p.add_argument("issue")
        p.add_argument("reviewed", help="the DOCX the reviewer sent back")
        p.add_argument("--accept", nargs="+", default=[], metavar="N|all")
        p.add_argument("--reject", nargs="+", default=[], metavar="N|all")
    elif cmd == "open":
        p.add_argument("issue", nargs="?")


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
        print(f"lianluo-desk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head & co.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("lianluo-desk: interrupted; no output was left half-written", file=sys.stderr)
        return 130
    except MemoryError:
        print("lianluo-desk: out of memory", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - one line for the user, never a traceback
        where = getattr(args, "issue", "") or getattr(args, "out_dir", "")
        print(
            f"lianluo-desk: {where}: internal error ({type(exc).__name__}: {exc}); "
            "please report it with the input file",
            file=sys.stderr,
        )
        return 3


def run(args: argparse.Namespace) -> int:
    from . import service
    from .template import load_template

    if args.cmd in (None, "open"):
        return open_app(getattr(args, "issue", None), args.library)
    t = load_template(args.template)
    lib = service.library_dir(args.library)
    command = RUNNERS.get(args.cmd)
    if command is None:
        raise UserError(f"unknown command {args.cmd}")
    return command(args, t, lib)


def run_demo(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from . import service
    from .model.store import load_issue

    out = Path(args.out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{out}: cannot create folder ({exc.strerror})") from None
    issue = load_issue(service.SAMPLE_ISSUE)
    m = issue.masthead
    stem = t.issue_stem(m.date.year, m.number, m.supplement)
    pdf, docx = out / f"{stem}.pdf", out / f"{stem}.docx"
    sizes = service.export(issue, pdf, docx, t, service.fontset(t, lib))
    print(f"{pdf}  ({sizes['pages']} 页, {sizes['pdf'] / 1024:.0f} KB)")
    print(f"{docx}  ({sizes['docx'] / 1024:.0f} KB)")
    return 0


def run_new(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .app.issues import new_issue
    from .model.store import save_issue

    path = Path(args.issue)
    if path.exists() and not args.force:
        raise UserError(f"{path}: already exists (use --force to replace it)")
    date = args.date or _dt.date.today()
    made = new_issue(lib, t, date, args.preset, args.supplement, args.number, args.cumulative)
    warnings = made.warnings
    if made.archive_empty and args.number is None and args.cumulative is None:
        warnings.insert(
            0,
            "the archive is empty, so 第N期 and 总第…期 are guesses; set them with "
            "--number N --cumulative N, or import past issues first with "
            "'lianluo-desk archive import PDF_OR_FOLDER' "
            "(档案为空，期号为推测值)",
        )
    save_issue(made.issue, path)
    print(masthead_summary(path, made.issue, t))
    for w in warnings:
        print(f"{path}: 注意 (warning): {w}")
    return 0


def run_add(args: argparse.Namespace, t: Template, lib: Path) -> int:
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
            print(f"lianluo-desk: {r.error}", file=sys.stderr)
            continue
        if r.past is not None:
            took = service.adopt_past_issue(issue, r.past.issue)
            print(
                f"{d}: 往期刊物，版头与版记取自该期：{took} "
                f"(a past issue: masthead and distribution taken from it)"
            )
        prefix = f"[{k}/{total}] " if total > 1 else ""
        for art in r.articles:
            print(
                f"{prefix}{art.source}: 《{art.title_text or '（无标题）'}》 {len(art.blocks)} 段"
            )
        for w in (w for art in r.articles for w in art.warnings):
            print(f"{d}: 注意 (warning): {w}")
        if r.report.summary():
            print(f"{prefix}{r.path.name}: {r.report.summary()}")
        if r.unprinted:
            print(f"{prefix}{r.path.name}: {r.unprinted}")
    added, failed = result.added, result.failed
    if added:
        issue.articles.extend(added)
        save_issue(issue, args.issue)
    if total > 1:
        print(
            f"{args.issue}: 导入 {len(added)} 篇，失败 {len(failed)} 篇 "
            f"(imported {len(added)}, failed {len(failed)})"
        )
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
            print(f"{out}  ({sizes['pages']} 页, {sizes[kind] / 1024:.0f} KB)")
    if args.docx:
        print(f"{args.docx}  ({sizes['docx'] / 1024:.0f} KB)")
    return 0


def run_role(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .archive.ops import ensure_editable
    from .model.store import load_issue, save_issue

    issue = load_issue(args.issue)
    ensure_editable(issue, args.issue)
    set_role_at(issue, args.article - 1, args.para, args.role)
    save_issue(issue, args.issue)
    print(outline(issue, t).splitlines()[0])
    return 0


def run_review(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .cli_tools import review

    return review(args)


def run_outline(args: argparse.Namespace, t: Template, lib: Path) -> int:
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
        raise UserError(
            "several issues: give --pdf-dir OUT only (no --pdf, --pdfa, --ofd, --docx, --compare)"
        )
    out = Path(args.pdf_dir)
    if not out.is_dir():
        raise UserError(f"{out}: no such folder")
    stems = [Path(p).stem for p in args.issue]
    twice = sorted({s for s in stems if stems.count(s) > 1})
    if twice:
        raise UserError(f"{twice[0]}: two issue files of the same name would write one PDF")
    jobs = [(Path(p), out / f"{Path(p).stem}.pdf") for p in args.issue]
    finished = 0

    def report(r: Done) -> None:
        nonlocal finished
        finished += 1
        head = f"[{finished}/{len(jobs)}]"
        if r.error:
            print(f"{head} {r.error}", file=sys.stderr, flush=True)
        else:
            print(f"{head} {r.target}  ({r.pages} 页, {r.size / 1024:.0f} KB)", flush=True)

    results = export_pdfs(jobs, t, service.fontset(t, lib), done=report)
    failed = sum(1 for r in results if r.error)
    if failed:
        print(f"{failed} 期导出失败 ({failed} of {len(jobs)} failed)", file=sys.stderr)
    return 2 if failed else 0


def masthead_summary(path: str | Path, issue: Issue, t: Template) -> str:
    m, f = issue.masthead, issue.footer
    names = "　".join(f.editors)
    return (
        f"{path}: {t.format_number(m.number, m.supplement)} "
        f"{t.format_cumulative(m.cumulative)} {t.format_date(m.date)}\n"
        f"  送：{len(f.distribution)} 组"
        + (f"（{f.preset}）" if f.preset else "")
        + f"  责任编辑：{names}  批准文号：{f.approval}"
    )


def run_revise(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .app.issues import revise

    issue = revise(Path(args.issue), lib)
    print(f"{args.issue}: 修订中 (revising revision {issue.published.get('revision')})")
    return 0


def run_publish(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .app.issues import publish

    final = publish(Path(args.issue), lib, t)
    print(f"{args.issue}: 已发布 (published) → {final}")
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
        print(f"{args.issue}: 注意 (warning): {w}")
    return 0


def run_preset(args: argparse.Namespace, t: Template, lib: Path) -> int:
    from .archive.store import Archive
    from .model.store import load_issue

    with Archive(lib) as archive:
        if args.pcmd == "save":
            issue = load_issue(args.issue)
            groups = [g.text for g in issue.footer.distribution]
            if not groups:
                raise UserError(f"{args.issue}: no distribution list to save")
            archive.save_preset(args.name, args.label, groups)
            print(f"preset {args.name}: {len(groups)} 组 saved")
            return 0
        lib_presets = archive.presets()
    for name, (label, groups) in sorted(lib_presets.items()):
        print(f"{name}  [library]  {label}  {len(groups)} 组")
    for name, spec in sorted(t.presets.items()):
        if name not in lib_presets:
            print(f"{name}  [template]  {spec.get('label', '')}  {len(spec.get('groups', []))} 组")
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
        print(f"没有找到 “{args.text}” (no match)")
    return 0


def _progress(k: int, n: int, path: Path) -> None:
    print(f"[{k}/{n}] {path}", file=sys.stderr, flush=True)


def print_archive_import(results: list[Any], t: Template) -> int:
    """Each past issue imported into the archive, or why not; the count."""
    for r in results:
        if r.error or r.issue is None:
            print(f"lianluo-desk: {r.error}", file=sys.stderr)
            continue
        m = r.issue.masthead
        print(
            f"{r.path}: {m.date.isoformat()} {t.format_number(m.number, m.supplement)}"
            f" {t.format_cumulative(m.cumulative)}"
        )
        for w in r.warnings:
            print(f"{r.path}: 注意 (warning): {w}")
    failed = sum(1 for r in results if r.error)
    print(
        f"archive: 导入 {len(results) - failed}，失败 {failed} "
        f"(imported {len(results) - failed}, failed {failed})"
    )
    return 2 if failed else 0


ROLE_NAMES = {
    "paragraph": "正文",
    "heading": "标题",
    "byline": "署名",
    "image": "图片",
    "table": "表格",
}


def _noted(comments: list[dict[str, str]]) -> str:
    """The comments an element still has to be looked at (a draft's, a reviewer's)."""
    from .review import RESOLVED

    n = sum(1 for c in comments if c.get("state") != RESOLVED)
    return f"  〔批注 {n}〕" if n else ""


HEAD_ADDRESS = re.compile(r"^(?:([Tt]|题)(\d+)|([Ss]|副题)|([Nn]|编者按))$")


def set_role_at(issue: Issue, ai: int, para: str, role: str) -> None:
    """``role`` for the paragraph or head part ``para`` names as ``outline`` shows it:
    a number, T1 T2… (title lines), S (subtitle) or N (editor's note)."""
    from .model.edit import HEAD_ROLES, head_to_block, set_role

    if para.isdigit():
        set_role(issue, ai, int(para) - 1, role)
        return
    m = HEAD_ADDRESS.match(para.strip())
    if m is None:
        raise UserError(f"“{para}”不是段落号，也不是 T1、S、N 这样的题头部分 (no such paragraph)")
    part = "title" if m.group(1) else "subtitle" if m.group(3) else "note"
    index = int(m.group(2)) - 1 if m.group(1) else 0
    if role in HEAD_ROLES:  # one head part made another: through a block at the top
        head_to_block(issue, ai, part, index)
        set_role(issue, ai, 0, role)
    else:
        head_to_block(issue, ai, part, index, role)


def outline(issue: Issue, t: Template) -> str:
    """The recognised structure, one line per element, as the editor checks it."""
    m = issue.masthead
    out = [
        f"{t.format_number(m.number, m.supplement)} {t.format_cumulative(m.cumulative)} "
        f"{t.format_date(m.date)}"
    ]
    if issue.note:
        out.append(f"  [编者按] {issue.note[:40]}")
    for ai, a in enumerate(issue.articles, 1):
        out.append(f"第{ai}篇 [题] {' / '.join(a.title)}{_noted(a.comments)}")
        # each head part addressable by ``role``: T1, T2… (title lines), S, N
        out += [f"  {f'T{k}':>3} [题] {line}" for k, line in enumerate(a.title, 1)]
        if a.subtitle:
            out.append(f"    S [副题] {a.subtitle}")
        if a.note:
            out.append(f"    N [编者按] {a.note[:40]}")
        for bi, b in enumerate(a.blocks, 1):
            role = ROLE_NAMES[b.kind.value]
            if b.kind.value == "heading":
                role = f"{b.level}级标题"
            head = f"〔{b.level}级小标题〕{b.runin} " if b.runin else ""
            text = b.caption if b.kind.value == "image" else b.text
            if b.table is not None:
                text = f"{len(b.table.rows)}行×{b.table.columns}列 {b.table.all_text()}"
            shown = text[:36].replace("\n", "⏎")
            out.append(f"  {bi:3d} [{role}] {head}{shown}{_noted(b.comments)}")
    f = issue.footer
    out.append(f"版记: 送 {len(f.distribution)} 组, 责任编辑 {'、'.join(f.editors)}")
    return "\n".join(out)


def check(args: argparse.Namespace, t: Template, lib: Path) -> int:
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
            raise UserError(f"unknown rule {name!r}; rules: {', '.join(known)}")
    if args.fix:
        rules = known if "all" in args.fix else args.fix
        made = proof.fix(issue, rules)
        save_issue(issue, args.issue)
        for f in made:
            was = describe_char(f.text[0]) if f.rule == "glyph" else f"“{f.before}”"
            context = f.context.replace("\n", "⏎")
            print(f"{args.issue}: {f.where()} [{f.rule}] {was} → “{f.after}”  …{context}…")
        print(f"{args.issue}: 已修正 {len(made)} 处 (fixed {len(made)})")
    findings = proof.check(issue, args.rules)
    for f in findings:
        label = proof.RULES[f.rule][2]
        fix = "（须人工判断）" if f.fix is None else f"→ “{f.fix}”"
        shown = describe_char(f.text[0]) if f.rule == "glyph" else f"“{f.text}”"
        context = f.context.replace("\n", "⏎")
        print(f"{args.issue}: {f.where()} [{f.rule}] {label}: …{context}… {shown} {fix}")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity != "error")
    print(
        f"{args.issue}: {errors} 个错误, {warnings} 个提示 ({errors} errors, {warnings} warnings)"
    )
    return 1 if errors else 0


def has_display() -> bool:
    if sys.platform.startswith("win") or sys.platform == "darwin":
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def open_app(issue: str | None, library: str | None = None) -> int:
    if not has_display():
        print(
            "lianluo-desk: no display; use 'lianluo-desk demo OUT_DIR' or "
            "'lianluo-desk export ISSUE --pdf OUT.pdf' (没有图形界面)",
            file=sys.stderr,
        )
        return 2
    try:
        from .ui.app import run_app
    except ImportError as exc:
        raise UserError(
            f"the desktop app cannot start ({exc}); the command line works: "
            "'lianluo-desk demo OUT_DIR'"
        ) from None
    return run_app(issue, library)


def compare_breaks(args: argparse.Namespace, t: Template, lib: Path) -> int:
    """Each visible page break of the print (a paragraph cut mid-sentence in the text)
    against ours, in the format in force at the issue's date."""
    from . import service
    from .importers import read_past_issue
    from .layout.pagebreaks import deviations

    src = Path(args.past)
    if not src.is_file():
        raise UserError(f"{src}: no such file")
    past = read_past_issue(src)
    if past is None:
        raise UserError(f"{src}: not the text of a printed issue (no 第N期 and date on top)")
    issue = past.issue
    if args.pdf and not Path(args.pdf).parent.is_dir():
        raise UserError("fs.no_folder", where=args.pdf, folder=Path(args.pdf).parent)
    doc = service.layout(issue, t, service.fontset(t, lib))
    m = issue.masthead
    fmt = t.format_label(m.date) or "现行版式 (current format)"
    print(f"{src.name}: 第{m.number}期 {m.date.isoformat()}  {fmt}  {len(doc.pages)} 页")
    if not past.cuts:
        print("  no visible page break (every page of the print ends at a paragraph end)")
    devs = deviations(doc, past.cuts, t.geometry.lines, t.geometry.chars)
    for k, d in enumerate(devs, 1):
        a, b, off = d.cut
        text = issue.articles[a].blocks[b].full_text
        print(
            f"  {k:2}. …{text[max(0, off - 8) : off]}｜{text[off : off + 4]}…  "
            f"ours: page {d.page} line {d.slot + 1}  deviation {d.lines:+d} lines "
            f"(drift {d.drift:+.2f})"
        )
    if devs:
        worst = max(abs(d.lines) for d in devs)
        within = sum(1 for d in devs if abs(d.lines) <= 1)
        print(f"  {within}/{len(devs)} breaks within one line; largest deviation {worst}")
    if args.pdf:
        from .export.pdf import write_pdf

        write_pdf(doc, Path(args.pdf))
        print(f"{args.pdf}  ({len(doc.pages)} 页)")
    return 0


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
