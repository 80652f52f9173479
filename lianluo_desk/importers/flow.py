"""The flow of a draft's paragraphs, the same for Word, text and PDF drafts: a typed table
of contents is left out, and paragraphs cut mid-sentence (a page break in the source, a
text pasted from a PDF with one paragraph per printed line) are joined again."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..layout.kinsoku import NO_START, is_cjk_cell
from .forms import is_heading_text
from .report import ImportReport
from .structure import NOTE, TERMINAL, RawPara, heading_level

TOC_TITLE = re.compile(r"^(目[\s\u3000]*[录次]|contents)$", re.IGNORECASE)
DOT = r"[.…⋯·・‧．]"  # a leader's dots: full stops, ellipses, middle dots


def _leader(n: int, underscores: bool = True) -> str:
    """A leader of ``n`` dots at least, each maybe spaced from the next (. . . 3), or of
    two ellipses (…… 3), or of ``n`` underscores run together."""
    under = rf"|_{{{n},}}" if underscores else ""
    return rf"(?:(?:[…⋯][ \u3000]?){{2,}}|(?:{DOT}[ \u3000]?){{{n},}}{under})"


LEADER = re.compile(_leader(3))
# an entry: its text, a leader (dots, a tab turned space) and the page number
TOC_ENTRY = re.compile(rf"^\S.{{0,60}}?(?:{_leader(2)}|-{{2,}}|[\s\u3000])[\s\u3000]*\d{{1,3}}$")
ENDS = TERMINAL + "”’）》」』】)]>〕.!?:;\"'"  # after these a paragraph may end
CUT = "，、（《“‘"  # a paragraph never ends on these (ASCII ones end lines of code)
MARKS = re.compile(r"[，、；：。]")
# entries run together into one paragraph (a PDF's lines, none ending a sentence, joined):
# each a leader and a page number, the next entry right after
GLUED_ENTRY = re.compile(rf"\S.{{0,60}}?{_leader(4)}[\s\u3000]*\d{{1,3}}")
# (underscores ending a line are a form's blank to fill in, not a leader)
GLUED_LAST = re.compile(rf"\S.{{0,60}}?{_leader(4, underscores=False)}[\s\u3000]*$")


def arrange(paras: list[RawPara], report: ImportReport) -> list[RawPara]:
    return rejoin(drop_toc(paras, report))


def drop_toc(paras: list[RawPara], report: ImportReport) -> list[RawPara]:
    """Without a typed table of contents: a 目录 line followed by entries ending in a
    page number, or three such entries with dot leaders."""
    out: list[RawPara] = []
    k = 0
    while k < len(paras):
        titled = bool(TOC_TITLE.match(paras[k].text.strip()))
        j = k + 1 if titled else k
        while j < len(paras) and TOC_ENTRY.match(paras[j].text.strip()):
            j += 1
        entries = [p.text.strip() for p in paras[k + titled : j]]
        leaders = sum(bool(LEADER.search(e)) for e in entries)
        if (titled and len(entries) >= 2) or leaders >= 3:
            report.leave_out("report.toc", len(entries), "\n".join(entries))
            k = j
            continue
        n, toc, rest = 0, [], ""
        while j < len(paras) and not entries and not rest:
            got, part, tail = _glued(paras[j].text.strip())
            if not got:
                break
            n, j, rest = n + got, j + 1, tail
            toc.append(part)
        if n >= (2 if titled else 3):
            report.leave_out("report.toc", n, "\n".join(toc))
            if rest:
                out.append(replace(paras[j - 1], text=rest))
            k = j
            continue
        out.append(paras[k])
        k += 1
    return out


def _glued(text: str) -> tuple[int, str, str]:
    """(entries, their text, what follows) of a paragraph opening with table of contents
    entries run together; the last may have lost its page number to the next line."""
    end = n = 0
    while m := GLUED_ENTRY.match(text, end):
        end, n = m.end(), n + 1
    if m := GLUED_LAST.match(text, end):
        end, n = m.end(), n + 1
    return n, text[:end], text[end:].strip()


def _body(p: RawPara) -> bool:
    return bool(p.text.strip()) and not (p.image or p.centered or p.bold or p.outline or p.listed)


def line_length(paras: list[RawPara]) -> int:
    """The printed line's length when the draft holds one paragraph per printed line (a
    third of its body paragraphs, at least six, within one character of one length of 15
    or more: the full lines), else 0."""
    lens = [len(p.text.strip()) for p in paras if _body(p)]
    if len(lens) < 6:
        return 0
    most = Counter(lens).most_common(1)[0][0]
    near = sum(abs(n - most) <= 1 for n in lens)
    return most if most >= 15 and near >= len(lens) / 3 else 0


def cut(a: RawPara, b: RawPara, line: int = 0, last: int = 0) -> bool:
    """Whether ``b`` continues the sentence ``a`` was cut in: ``b`` begins with a word
    and ``a`` ends on a full-width comma, or is Chinese prose of 40 characters or more
    that ends on a hanzi, or is a full printed line (``line``) of a draft with one
    paragraph per line (``last``: the length of the line ``a`` ends with, when ``a`` has
    been joined already); or ``b`` begins with a full-width mark no line may begin with."""
    x, y = a.text.strip(), b.text.strip()
    if not (_body(a) and _body(b)) or "\n" in x:
        return False
    heading = heading_level(x) and is_heading_text(x, numbered=True)
    if y[0] in NO_START and not y[0].isascii() and x[-1] not in ENDS and not heading:
        return True  # a mark that cannot start a line cannot start a paragraph (but
        # may start the one under a heading: 1. 工作目标 / ——确保…)
    if heading_level(y) or heading_level(x) or NOTE.match(y):
        return False
    if line:  # a full printed line runs on, whatever it ends with; a shorter one ends
        return (last or len(x)) >= line - 1
    if x[-1] in ENDS:
        return False
    if re.match(r"^[\u2460-\u2473\[（(]|^[\u4e00-\u9fff]{2,6}[：:]", y) or y.startswith("注释"):
        return False  # a note, a bracketed line, a new field (联系人：…)
    if not (y[0].isalnum() or y[0] in "“‘《（"):
        return False  # a line of code, a bulleted line (* …)
    prose = len(x) >= 40 and is_cjk_cell(x[-1]) and x[-1].isalpha() and bool(MARKS.search(x))
    return x[-1] in CUT or prose


def rejoin(paras: list[RawPara]) -> list[RawPara]:
    line = line_length(paras)
    out: list[RawPara] = []
    for k, p in enumerate(paras):
        # the first paragraph is the title's candidate
        if k > 1 and out and cut(out[-1], p, line, len(paras[k - 1].text.strip())):
            prev = out[-1]
            x, y = prev.text.strip(), p.text.strip()
            space = " " if x[-1].isascii() and x[-1].isalnum() and y[0].isascii() else ""
            out[-1] = replace(prev, text=x + space + y)
        else:
            out.append(p)
    return out
