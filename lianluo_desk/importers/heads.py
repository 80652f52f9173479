"""The head of a draft as a reader sees it: what stands above the body and which of it is
the article's title.

An office file often opens with what is no title of a bulletin's article: the 红头 (the
issuing organ's red 发文机关标志 and the 发文字号 under it), an 附件 label, a cover's date or
a logo. A title runs over two or three lines, or is typed a character a line; an author's
line or a chapter may follow it. Each gets the role a reader gives it (decision 0007):
the 红头's issuer line and the 附件 label are left out (the bulletin sets its own
masthead; ``add`` names them), the document number and a cover date become the line under
the title, an author's line the byline, a logo the article's first picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..catalogue import say
from ..model.issue import Block, BlockKind
from .forms import BYLINE, DATE, DOC_NUMBER, MD_ITEM, SUBTITLE, TERMINAL, heading_level
from .report import ImportReport

if TYPE_CHECKING:
    from .structure import RawPara

# 发文机关标志: "××大学文件", or an organ's name standing above the document number
ISSUER_FILE = re.compile(r"^[\u4e00-\u9fff×XＸ\s\u3000]{2,40}文\s*件$")
ORGAN = re.compile(
    r"^[^，。；：:！？“”《》\s]{2,40}(委员会|人民政府|政府|人民代表大会常务委员会|办公厅|办公室|"
    r"党委|党组|委|会|局|厅|部|处|院|大学|学院|学校|集团|公司|中心)$"
)
# a 红头 is set much larger than the title under it (初号 or 小初 against 二号)
RED_HEAD_SIZE_RATIO = 1.4
RED_HEAD_MIN_SIZE = 30.0  # pt: 小初 is 36, 初号 42; a title of 一号 (26) is no 红头
# 附件 and 附表 labels: "附件3", "附表1-1"
_LABEL = r"附\s*[件表]\s*[0-9０-９一二三四五六七八九十]{0,3}([-－.．][0-9０-９]{1,2})?"
ATTACHMENT_LABEL = re.compile(rf"^{_LABEL}\s*[:：]?$")
# the label typed on the title's own line: "附件1：某某推荐表", "附件2  某某说明书", a
# line break after it ("附件1" ↵ "某某报名表"), or a bracketed note ("附表1（理工类用）")
ATTACHMENT_PREFIX = re.compile(
    rf"^({_LABEL})(\s*[:：]\s*|[ \u3000]*\n\s*|[ \u3000]+|(?=[（(]))(?=\S)"
)
# the words a 公文's title ends with (its 文种), and a paper's, so a title's last line is
# known
GENRE = re.compile(
    r"(决定|决议|通知|通报|报告|意见|方案|办法|规定|细则|纪要|请示|批复|函|公告|通告|公报|议案|"
    r"命令|规划|计划|总结|讲话|发言|章程|条例|规则|守则|须知|指南|要点|汇报|简报|情况|说明|"
    r"综述|体会|心得|提纲|指引|清单|标准|制度|答复|复函|贺信|感谢信|公开信|邀请函|"
    # the forms and undertakings a notice sends out with it
    r"(倡议|申请|申报|任务|建议|说明|承诺|策划|计划|协议|委托|保证|责任|意向|证明)书|"
    r"(推荐|登记|报名|申请|申报|审批|评分|评审|考核|鉴定|信息|汇总|统计|一览)表|"
    # a paper's title ends in what it does with its subject
    r"研究|探析|探讨|初探|浅析|刍议|管窥|述评|思考|对策|启示)[》”]?$"
)
# 密级 (GB/T 9704 sets it above the issuer): a cover's confidentiality mark, no title
SECRECY = re.compile(
    r"^(内部资料|注意保存|内部资料[\s\u3000，,]*注意保存|内部文件|内部使用|仅供内部使用|"
    r"秘密|机密|绝密)(\s*[★☆]\s*\S{0,8})?$"
)
# a journal's running head over an article (刊名 and 年卷期): "2010年第19卷第1期", "Vol. 3 No. 2"
JOURNAL_ISSUE = re.compile(
    r"\d{4}\s*年\s*(第\s*\d+\s*卷\s*)?第\s*\d+\s*期|Vol\.?\s*\d+.{0,12}No\.?\s*\d+", re.I
)
JOURNAL_NAME_MAX = 20  # characters of a journal's name on the line above its issue
LATIN_NAME = re.compile(r"^[A-Z0-9\s.,&:()'’-]+$")  # the journal's name in capitals
# a note to whoever fills the file in, wholly in brackets: no title
BRACKETED = re.compile(r"^[（(][^（()）]*([（(][^（()）]*[）)][^（()）]*)*[）)]$")
# a form's field line (参赛组别：创新设计类); two of them open a form's cover, not a title
FIELD = re.compile(r"^[^：:，。；]{2,8}[：:][\s\u3000]*\S")
# a larger, bold title below a few small lines (a photo box's label, a cover's mark)
LARGER_BY = 4.0  # pt
LARGER_AHEAD = 5  # lines looked through for it
# a small box before the title (a reference number, a logo and its organ): no title
LEAD_TABLE_MAX_ROWS = 3
LEAD_TABLE_MAX_CHARS = 40
# a paper's or report's section label set like its title, under it: no part of it
SECTION_LABEL = re.compile(r"^(摘\s*要|目\s*录|前\s*言|引\s*言|序\s*言|abstract|contents)$", re.I)
TITLE_MAX_LINES = 3  # a title set over more lines than this is no title a reader sees
TITLE_LINE_MAX = 40  # characters of one line of a title typed as several paragraphs
AUTHOR_LEAD = re.compile(r"^(作者|文|撰稿|执笔|撰文|作者单位)\s*[:：/／|｜]\s*\S")
AUTHOR_MAX = 30
# the commonest surnames (covering some nine in ten people): a name follows a title
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$")


@dataclass
class Head:
    """The title, subtitle, the blocks standing before the body (a logo, a byline) and
    where the body begins in the items."""

    title: list[str] = field(default_factory=list)
    subtitle: str = ""
    lead: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    next: int = 0


def _text(p: RawPara) -> str:
    return "" if p.image or p.table is not None else p.text.strip()


def _name(token: str) -> bool:
    return bool(NAME.match(token)) and token[0] in SURNAMES


def is_author(t: str) -> bool:
    """An author's line: 作者：…, or names (湘潭县人大常委会 李明, 张三 李四)."""
    if not t or len(t) > AUTHOR_MAX or re.search(r"[。！？；，,\d]", t):
        return False
    if AUTHOR_LEAD.match(t):
        return True
    tokens = [x for x in re.split(r"[\s\u3000、]+", t) if x]
    if not tokens or not _name(tokens[-1]):
        return False
    return all(_name(x) or ORGAN.match(x) for x in tokens[:-1])


def _issuer(items: list[RawPara], i: int) -> bool:
    """Whether ``items[i]`` is the 红头's 发文机关标志: "…文件", or an organ's name above
    the document number, above another organ (a joint head) or set far larger than
    what follows it."""
    t = _text(items[i])
    if not t or "关于" in t:
        return False
    if ISSUER_FILE.match(t):
        return True
    if not ORGAN.match(t) or i + 1 >= len(items):
        return False
    nxt = items[i + 1]
    n = _text(nxt)
    if DOC_NUMBER.match(n) or ISSUER_FILE.match(n):
        return True
    if ORGAN.match(n) and _issuer(items, i + 1):  # one organ of a joint head
        return True
    size = items[i].size
    return size >= RED_HEAD_MIN_SIZE and bool(nxt.size) and size >= RED_HEAD_SIZE_RATIO * nxt.size


def _red_box(cells: list[str]) -> bool:
    """Whether a box's cells are a joint 红头: organs' names and "文件"."""
    return any(c.endswith("文件") for c in cells) and all(
        ORGAN.match(c) or ISSUER_FILE.match(c) or c == "文件" for c in cells
    )


def _title_start(p: RawPara) -> bool:
    t = _text(p)
    return (
        bool(t)
        and t[-1] not in "。；"
        and p.style != MD_ITEM  # a note's first list item is no title
        and (
            p.centered
            or p.size >= 18
            or (p.bold and not heading_level(t))
            or (len(t) <= TITLE_LINE_MAX and t[-1:] not in TERMINAL and not heading_level(t))
        )
    )


def _not_title_line(t: str) -> bool:
    return bool(
        not t
        or len(t) > TITLE_LINE_MAX
        or not any(ch.isalpha() for ch in t)  # not a reference number (03/599)
        or t[-1] in TERMINAL
        or SUBTITLE.match(t)
        or BYLINE.match(t)
        or t.startswith(("—", "-", "（", "("))
        or DOC_NUMBER.match(t)
        or DATE.match(t)
        or heading_level(t)
        or is_author(t)
        or SECTION_LABEL.match(t)
    )


def _continues(first: RawPara, lines: list[str], p: RawPara) -> bool:
    """Whether ``p`` is the next line of a title typed as several paragraphs: set like its
    first line (centred, same size and weight), or, when the title so far lacks its 文种
    and this line brings it (国务院关于调整完善工业产品 / 生产许可证管理目录的决定), aligned
    like it."""
    t = _text(p)
    if p.image or len(lines) >= TITLE_MAX_LINES or _not_title_line(t):
        return False
    same_look = abs(p.size - first.size) < 0.5 and p.bold == first.bold
    if first.centered and p.centered and same_look:
        return True
    so_far = "".join(lines)
    return (
        p.centered == first.centered
        and (same_look or first.centered)
        and not GENRE.search(so_far)
        and (bool(GENRE.search(so_far + t)) or t.startswith("关于"))
    )


def _split_gaps(t: str) -> list[str]:
    """A title line's explicit breaks: manual line breaks, and wide gaps between hanzi;
    characters spaced out one by one (报 名 表, 的 通 知) are one line."""
    out: list[str] = []
    for line in t.split("\n"):
        line = line.strip()
        if _spaced_out(line):
            out.append(re.sub(r"[ \u3000]+", "", line))
        elif re.search(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff《“]", line):
            parts = [x for x in re.split(r"[ \u3000]{1,}(?=[\u4e00-\u9fff《“])", line) if x]
            for k, x in enumerate(parts):
                if len(x) == 1 and k and len(parts[k - 1]) == 1 and out:
                    out[-1] += x
                else:
                    out.append(x)
        elif line:
            out.append(line)
    return out


def _spaced_out(line: str) -> bool:
    """A line spaced out a character at a time, a bracket or a mark kept with its
    neighbour (毕 业 设 计（论 文）): every piece short, most of them one character."""
    pieces = line.split()
    short = sum(len(x) == 1 for x in pieces)
    return len(pieces) >= 3 and all(len(x) <= 3 for x in pieces) and 2 * short >= len(pieces)


def _journal_head(items: list[RawPara], i: int, start: int) -> bool:
    """Whether ``items[i]`` is a journal's running head over the article: its issue
    (年卷期), its name above the issue, or its name in capitals under it."""
    t = _text(items[i])
    if not t or JOURNAL_ISSUE.search(t):
        return bool(t)
    nxt = _text(items[i + 1]) if i + 1 < len(items) else ""
    if JOURNAL_ISSUE.search(nxt) and len(t) <= JOURNAL_NAME_MAX and t[-1] not in TERMINAL:
        return True
    prev = _text(items[i - 1]) if i > start else ""
    return bool(JOURNAL_ISSUE.search(prev) and LATIN_NAME.match(t))


def _larger_title(items: list[RawPara], i: int) -> int:
    """Where a clearly larger, bold title starts below a few short plain lines that open
    the draft in a smaller size (a photo box's 一/寸/照/片, a cover's mark); ``i`` when
    there is none."""
    first = items[i]
    if first.bold or not first.size or not _text(first):
        return i
    for j in range(i + 1, min(i + 1 + LARGER_AHEAD, len(items))):
        q, t = items[j], _text(items[j])
        if not t:
            return i
        if q.bold and q.size >= first.size + LARGER_BY and _title_start(q):
            return j if not heading_level(t) else i
        if q.bold or len(t) > TITLE_LINE_MAX or t[-1] in TERMINAL:
            return i
    return i


def _kept_above(items: list[RawPara]) -> list[Block]:
    """The short lines above a larger title, kept as the body's first paragraphs (a label
    typed a character a line as one)."""
    texts = [_text(q) for q in items if _text(q)]
    if all(len(x) == 1 for x in texts):
        texts = ["".join(texts)]
    return [Block(BlockKind.PARAGRAPH, x) for x in texts]


def _has_box(lead: list[Block]) -> bool:
    return any(b.kind in (BlockKind.IMAGE, BlockKind.TABLE) for b in lead)


def read_head(items: list[RawPara], i: int, report: ImportReport) -> Head:
    """The head of the draft from ``items[i]`` on (see the module's docstring)."""
    head = Head(next=i)
    start = i
    number = date = ""
    left: list[tuple[str, str]] = []  # (what, text) left out of the article
    while i < len(items):
        p, t = items[i], _text(items[i])
        if p.image and not p.caption and not _has_box(head.lead) and i + 1 < len(items):
            nxt = items[i + 1]
            if _title_start(nxt) and (nxt.centered or nxt.size >= 18 or nxt.bold):
                head.lead.append(Block(BlockKind.IMAGE, data=p.image))  # a logo
                i += 1
                continue
            break
        if p.table is not None and not _has_box(head.lead) and i + 1 < len(items):
            box = p.table
            small = len(box.rows) <= LEAD_TABLE_MAX_ROWS
            small = small and len(box.all_text()) <= LEAD_TABLE_MAX_CHARS
            if small and _title_start(items[i + 1]):
                cells = [re.sub(r"\s+", "", c.text) for r in box.rows for c in r.cells]
                if _red_box([c for c in cells if c]):  # a joint 红头 set in a table
                    left.append(("红头", " ".join(c for c in cells if c)))
                else:
                    head.lead.append(Block(BlockKind.TABLE, table=p.table))
                i += 1
                continue
            break
        label = ATTACHMENT_PREFIX.match(t)
        if SECRECY.match(t):
            left.append(("密级标注", t))
        elif _journal_head(items, i, start):
            left.append(("刊头", t))
        elif BRACKETED.match(t[label.end() :] if label else t) and not BYLINE.match(t):
            if label:
                left.append(("附件标注", label.group(1)))
            head.lead.append(Block(BlockKind.PARAGRAPH, t[label.end() :] if label else t))
        elif _issuer(items, i):
            left.append(("红头", t))
        elif DOC_NUMBER.match(t) and not number:
            number = t
        elif ATTACHMENT_LABEL.match(t):
            left.append(("附件标注", t))
        elif DATE.match(t) and not date and i + 1 < len(items):
            date = t
        else:
            break
        i += 1
    if i < len(items) and (j := _larger_title(items, i)) > i:
        head.lead += _kept_above(items[i:j])
        i = j
    if i >= len(items) or not _title_start(items[i]) or _form_fields(items, i):
        if left and i == start + len(left) and all(w == "附件标注" for w, _t in left):
            # an 附件 label over a form whose title is in the table: a label all the same
            return _leave_out(Head(next=i), left, report)
        head.lead = []
        return Head(next=start)  # nothing a title follows: the draft is read as it was
    first = items[i]
    t = _text(first)
    m = ATTACHMENT_PREFIX.match(t)
    if m and not heading_level(t[m.end() :]):
        left.append(("附件标注", m.group(1)))
        t = t[m.end() :]
    if len(t) == 1:  # a title typed a character a line
        while (
            i + 1 < len(items)
            and len(_text(items[i + 1])) == 1
            and items[i + 1].centered == first.centered
            and _text(items[i + 1]).isalnum()
        ):
            i += 1
            t += _text(items[i])
        if len(t) == 1:  # one character alone (a speaker's name): no title
            return Head(next=start)
        head.title = [t]
    else:
        head.title = _split_gaps(t)
    i += 1
    while i < len(items) and _continues(first, head.title, items[i]):
        head.title += _split_gaps(_text(items[i]))
        i += 1
    # under the title, each at most once and in any order: the document number, the
    # subtitle or date line, the author's line
    author = False
    while i < len(items):
        t = _text(items[i])
        if DOC_NUMBER.match(t) and not number:
            number = t
        elif is_author(t) and not author:
            head.lead.append(Block(BlockKind.BYLINE, t))
            author = True
        elif (
            t
            and not head.subtitle
            and not heading_level(t)
            and not SECTION_LABEL.match(t)
            and (SUBTITLE.match(t) or (items[i].centered and len(t) <= 30))
        ):
            head.subtitle = t
        else:
            break
        i += 1
    for under in (number, f"（{date}）" if date else ""):
        if under and not head.subtitle:
            head.subtitle = under
        elif under:
            head.lead.append(Block(BlockKind.PARAGRAPH, under))
    head.next = i
    return _leave_out(head, left, report)


def _leave_out(head: Head, left: list[tuple[str, str]], report: ImportReport) -> Head:
    """Count what the head leaves out of the article and say so to the editor."""
    for what, text in left:
        counted, named = _WHAT[what]
        report.leave_out(counted, 1, text)
        head.warnings.append(say("head.left_out", text=text, what=say(named)))
    return head


def _form_fields(items: list[RawPara], i: int) -> bool:
    """Whether a form's field lines open the draft (参赛组别：… / 作品编号：…)."""
    t, nxt = _text(items[i]), _text(items[i + 1]) if i + 1 < len(items) else ""
    short = len(re.sub(r"\s+", "", nxt)) <= TITLE_LINE_MAX  # no abstract's paragraph
    return bool(FIELD.match(t) and FIELD.match(nxt) and short and not ATTACHMENT_PREFIX.match(t))


# what the head leaves out: the code the import report counts it by, and its name in
# the editor's warning
_WHAT = {
    "红头": ("report.red_head", "head.red_head"),
    "附件标注": ("report.attachment_label", "head.attachment_label"),
    "密级标注": ("report.classification", "head.classification"),
    "刊头": ("report.running_head", "head.running_head"),
}
