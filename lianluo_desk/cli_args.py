"""The command line's parsers: the commands, their help lines and their arguments, each
command's parser made only when it is the command given."""

from __future__ import annotations

import argparse
import datetime as _dt
from typing import Any


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
        p.add_argument("--sample", action="store_true", help="open a copy of the sample issue")
