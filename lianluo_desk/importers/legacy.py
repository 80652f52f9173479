"""Past issues as text extracted from the printed PDF.

The extraction keeps one paragraph per line, but a paragraph that ran over a page break
of the print comes out cut in two (the first part ends mid-sentence). Those cuts are
joined and remembered: they are the print's page breaks, which the layout must
reproduce. The masthead (第N期, 总第…期, date) and the distribution block are recognised.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..catalogue import say
from ..cnnum import from_chinese
from ..errors import UserError
from ..model.issue import (
    Article,
    Banji,
    Block,
    BlockKind,
    DistributionGroup,
    Issue,
    Masthead,
)
from .normalize import fullwidth_punct_in_cjk, strip_extraction_spaces
from .structure import SUBTITLE, TERMINAL
from .structure import heading_level as _heading_level

HEADING_MAX = 24  # a longer line without a stop is a paragraph cut by a page break
CLOSERS = set("”’）》」』")
NUMBER = re.compile(r"^(增刊)?\s*第\s*(\d+)\s*期$")
CUMULATIVE = re.compile(r"^[（(]\s*总第\s*([〇零一二三四五六七八九十百千万两]+)\s*期\s*[）)]$")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
BAD_DATE = re.compile(r"^(\d{4})(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
BYLINE = re.compile(r"^[（(][^（()）]{2,40}[）)]$")


@dataclass
class PastIssue:
    issue: Issue
    cuts: list[tuple[int, int, int]] = field(default_factory=list)  # (article, block, offset)
    warnings: list[str] = field(default_factory=list)


def _clean(line: str) -> tuple[str, bool]:
    """Drop extraction markup (#, **); tell whether the line was marked bold/heading."""
    marked = False
    s = line.strip()
    if s.startswith("#"):
        s = s.lstrip("#").strip()
        marked = True
    if s.startswith("**") and s.endswith("**") and len(s) > 4:
        s = s[2:-2].strip()
        marked = True
    return s, marked


def _ends_sentence(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return True
    if t[-1] in TERMINAL:
        return True
    return t[-1] in CLOSERS and len(t) > 1 and (t[-2] in TERMINAL or t[-2] in CLOSERS)


def _norm(text: str, keep_gaps: bool = False) -> str:
    once = fullwidth_punct_in_cjk(strip_extraction_spaces(text, keep_cjk_gaps=keep_gaps))
    return strip_extraction_spaces(once, keep_cjk_gaps=keep_gaps)


def _gap_to_ideographic(text: str) -> str:
    """A space typed between two hanzi in a heading or byline is a deliberate gap."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])", "\u3000", _norm(text, keep_gaps=True)
    )


ISSUER_DATE = re.compile(r"^(\S.*?编)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$", re.M)


def _rows(text: str) -> str:
    """The issuer and the date apart when a PDF gave their row as one line."""
    return ISSUER_DATE.sub(r"\1\n\n\2", text.replace("\r\n", "\n"))


def looks_like_past_issue(text: str) -> bool:
    """A masthead on top: the number (第N期) and the date within the first lines."""
    head = [_clean(ln)[0] for ln in _rows(text).split("\n")[:40]]
    head = [s for s in head if s][:12]
    number = any(NUMBER.match(s.replace(" ", "")) for s in head)
    date = any(DATE.match(s.strip()) or BAD_DATE.match(s.replace(" ", "")) for s in head)
    return number and date


def parse_past_issue(text: str, origin: str = "") -> PastIssue:
    where = origin or "past issue"
    raw_lines = _rows(text).split("\n")
    lines: list[tuple[str, bool]] = []
    for ln in raw_lines:
        s, marked = _clean(ln)
        if not s or set(s) <= set("-—_=*"):
            continue
        lines.append((s, marked))
    if not lines:
        raise UserError("draft.empty", where=where)
    warnings: list[str] = []
    m = Masthead()
    i = 0
    head_seen = 0
    while i < len(lines) and i < 12:
        s = lines[i][0]
        compact = s.replace(" ", "")
        if mm := NUMBER.match(compact):
            m.number = int(mm.group(2))
            m.supplement = bool(mm.group(1))
        elif mm := CUMULATIVE.match(compact):
            m.cumulative = from_chinese(mm.group(1))
        elif mm := DATE.match(s.strip()):
            m.date = _dt.date(int(mm.group(1)), int(mm.group(2)), int(mm.group(3)))
            i += 1
            head_seen += 1
            break
        elif mm := BAD_DATE.match(s.replace(" ", "")):
            year, rest = mm.group(1), mm.group(2)
            day = mm.group(3)
            warnings.append(
                say("past.bad_date", where=where, text=s, year=year, month=rest, day=day)
            )
            m.date = _dt.date(int(year), int(rest), int(mm.group(3)))
            i += 1
            head_seen += 1
            break
        elif compact.isascii() and compact.isalpha() and compact.isupper():
            m.pinyin = compact
        elif compact.endswith("编") and len(compact) > 6:
            m.issuer = compact
        elif i == 0 or not m.title:
            m.title = compact
        else:
            break
        head_seen += 1
        i += 1
    if head_seen < 3:
        raise UserError("draft.no_masthead", where=where)
    body: list[tuple[str, bool]] = []
    foot: list[str] = []
    for s, marked in lines[i:]:
        if foot or s.replace(" ", "").startswith(("送：", "送:")):
            foot.append(s)
        else:
            body.append((s, marked))
    issue = Issue(masthead=m, banji=_parse_footer(foot, where, warnings))
    past = PastIssue(issue=issue, warnings=warnings)
    _parse_body(body, past)
    return past


def _parse_footer(foot: list[str], where: str, warnings: list[str]) -> Banji:
    f = Banji()
    groups: list[str] = []
    for raw in foot:
        s = raw.strip()
        compact = s.replace(" ", "")
        if compact.startswith(("送：", "送:")):
            groups.append(_norm(s.split("：", 1)[-1] if "：" in s else s.split(":", 1)[-1]))
        elif compact.startswith("责任编辑"):
            body = re.split(r"[：:]", s, maxsplit=1)[1]
            names, _, contact = body.partition("联系方式")
            f.editors = _names(names)
            f.contact = re.sub(r"^[：:]\s*", "", contact.strip())
            f.contact = re.sub(r"\s+", "  ", f.contact)
        elif compact.startswith("批准文号"):
            f.approval = strip_extraction_spaces(re.split(r"[：:]", s, maxsplit=1)[1])
        elif groups and groups[-1][-1:] in "，、,":
            groups[-1] += _norm(s)
        elif groups and f.editors == [] and not compact.startswith(("责任", "联系", "批准")):
            if len(compact) <= 4 and groups:
                groups[-1] += _norm(s)
            else:
                groups.append(_norm(s))
    f.distribution = [DistributionGroup(g) for g in groups if g]
    if not groups:
        warnings.append(say("past.no_distribution", where=where))
    return f


def _names(text: str) -> list[str]:
    """“石 韧 谢峥嵘” → [石韧, 谢峥嵘]: single hanzi around a space are one aligned name."""
    parts = [p for p in re.split(r"[\s\u3000]+", text.strip()) if p]
    out: list[str] = []
    k = 0
    while k < len(parts):
        if len(parts[k]) == 1 and k + 1 < len(parts) and len(parts[k + 1]) == 1:
            out.append(parts[k] + parts[k + 1])
            k += 2
        else:
            out.append(parts[k])
            k += 1
    return out


def _is_title_like(s: str) -> bool:
    t = s.strip()
    return 4 <= len(t) <= 60 and not _ends_sentence(t) and t[-1] not in "，、,"


def _parse_body(body: list[tuple[str, bool]], past: PastIssue) -> None:
    issue = past.issue
    art: Article | None = None
    pending_note = ""
    prev_cut = False
    for s, _marked in body:
        text = s.strip()
        compact = _norm(text)
        if prev_cut and art is not None and art.blocks:
            # the print's page break cut this paragraph: join it with the previous part
            b = art.blocks[-1]
            past.cuts.append((len(issue.articles) - 1, len(art.blocks) - 1, len(b.full_text)))
            b.text += compact
            prev_cut = not _ends_sentence(compact)
            continue
        if prev_cut and art is None and pending_note:
            pending_note += compact
            prev_cut = not _ends_sentence(compact)
            continue
        prev_cut = False
        if compact.startswith(("编者按", "【编者按】")):
            pending_note = compact.replace("编者按:", "编者按：")
            prev_cut = not _ends_sentence(compact)
            continue
        level = _heading_level(compact)
        starts_article = art is None or (
            level == 0
            and _is_title_like(compact)
            and bool(art.blocks)
            and art.blocks[-1].kind is BlockKind.BYLINE
        )
        if starts_article:
            art = Article(note=pending_note, title=_merge_title(text))
            pending_note = ""
            issue.articles.append(art)
            continue
        assert art is not None
        if art.title and not art.subtitle and not art.blocks and SUBTITLE.match(compact):
            art.subtitle = compact
            continue
        if (
            BYLINE.match(compact)
            and not _heading_level(compact[1:])
            and (" " in text or "\u3000" in text or "供稿" in compact or "综合" in compact)
        ):
            art.blocks.append(Block(BlockKind.BYLINE, _gap_to_ideographic(text)))
            continue
        short = len(compact) <= HEADING_MAX and not re.search(r"[。；！？]", compact)
        if level and short and not _ends_sentence(compact):
            art.blocks.append(Block(BlockKind.HEADING, _gap_to_ideographic(text), level=level))
            continue
        if level == 0 and short and _is_title_like(compact):
            art.blocks.append(Block(BlockKind.HEADING, _gap_to_ideographic(text), level=1))
            continue
        block = Block(BlockKind.PARAGRAPH, compact)
        if level:
            head = re.match(r"^(.{2,60}?[。！？])", compact)
            if head and len(head.group(1)) < len(compact):
                block = Block(
                    BlockKind.PARAGRAPH,
                    compact[len(head.group(1)) :],
                    level=level,
                    runin=head.group(1),
                )
        art.blocks.append(block)
        prev_cut = not _ends_sentence(compact)
    if pending_note and issue.articles:
        issue.note = pending_note


def _merge_title(text: str) -> list[str]:
    """Title lines: a space between two hanzi was typed as a break; others were not."""
    cleaned = strip_extraction_spaces(text, keep_cjk_gaps=True)
    parts = [fullwidth_punct_in_cjk(p) for p in re.split(r"[ \u3000]+", cleaned) if p]
    return parts or [cleaned]
