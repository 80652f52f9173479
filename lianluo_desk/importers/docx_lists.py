"""Word's automatic numbering rendered as the label Word shows (一、 （一） 1. 贰、 ② 02. …),
so that numbered headings are recognised like typed ones.

Word's rules followed here: a list may be defined through a list style (the abstract
numbering's ``numStyleLink``); numbering instances (``w:num``) of one abstract numbering
count on together, unless an instance restarts a level (``startOverride``); a level's
counter restarts when a shallower level counts; a level of format ``none`` shows its
fixed text; bullets show no label (the marker is dropped with the list)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int
    style: str = ""  # the paragraph style the level is linked to (w:pStyle)
    suff: str = "tab"  # what follows the label: tab (Word's default), space or nothing


def _val(el: Any, tag: str) -> str | None:
    child = el.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _level(lvl: Any, base: Level | None = None) -> Level:
    fmt = _val(lvl, "w:numFmt")
    text = _val(lvl, "w:lvlText")
    start = _val(lvl, "w:start")
    return Level(
        fmt=fmt or (base.fmt if base else "decimal"),
        text=text if text is not None else (base.text if base else ""),
        start=int(start) if start is not None else (base.start if base else 1),
        style=_val(lvl, "w:pStyle") or (base.style if base else ""),
        suff=_val(lvl, "w:suff") or (base.suff if base else "tab"),
    )


class ListLabels:
    """The labels of one document's numbered paragraphs, asked in document order."""

    def __init__(self, d: DocxDocument) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, str] = {}  # numId → abstractNumId (list styles resolved)
        self.own: dict[tuple[str, int], Level] = {}  # a num's own level definitions
        self.overrides: dict[str, dict[int, int]] = {}  # numId → level → start
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId → level → count
        self.seen: set[str] = set()
        self.listed = False  # whether the paragraph last asked about is a list item
        # whether its label stands apart from the text as Word shows it: a tab or space
        # after a label ending in a digit, letter or hanzi (1概述 and 第一章总则 read as one
        # word; 一、 1. （一） ① are set apart by their own mark)
        self.gap = False
        try:
            root = d.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        style_num: dict[
            str, str | None
        ] = {}  # list style id → the numId its paragraph properties name
        for st in d.styles.element.findall(qn("w:style")):
            ppr = st.find(qn("w:pPr"))
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None and _val(numpr, "w:numId"):
                style_num[st.get(qn("w:styleId"))] = _val(numpr, "w:numId")
        links: dict[str, str] = {}  # abstractNumId → list style it takes its levels from
        for an in root.findall(qn("w:abstractNum")):
            aid = an.get(qn("w:abstractNumId"))
            self.abstract[aid] = {
                int(lvl.get(qn("w:ilvl"), "0")): _level(lvl) for lvl in an.findall(qn("w:lvl"))
            }
            link = _val(an, "w:numStyleLink")
            if link:
                links[aid] = link
        raw: dict[str, str] = {}
        for num in root.findall(qn("w:num")):
            nid = num.get(qn("w:numId"))
            raw[nid] = _val(num, "w:abstractNumId") or ""
            for ov in num.findall(qn("w:lvlOverride")):
                ilvl = int(ov.get(qn("w:ilvl"), "0"))
                so = _val(ov, "w:startOverride")
                if so is not None:
                    self.overrides.setdefault(nid, {})[ilvl] = int(so)
                lvl = ov.find(qn("w:lvl"))
                if lvl is not None:
                    self.own[(nid, ilvl)] = _level(lvl, self.abstract.get(raw[nid], {}).get(ilvl))
        for nid, aid in raw.items():
            for _ in range(4):  # a list style names a num whose abstract has the levels
                if aid not in links or links[aid] not in style_num:
                    break
                aid = raw.get(style_num[links[aid]] or "", aid)
            self.nums[nid] = aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        own = self.own.get((num_id, ilvl))
        return own or self.abstract.get(self.nums.get(num_id, ""), {}).get(ilvl)

    def label(self, para: Paragraph) -> str:
        self.listed = self.gap = False
        ppr = para._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = para.style
        style_id = ""
        while numpr is None and style is not None:  # numbering set on the style
            sppr = style.element.pPr
            numpr = sppr.find(qn("w:numPr")) if sppr is not None else None
            style_id = style.style_id
            style = style.base_style
        if numpr is None:
            return ""
        num_id = _val(numpr, "w:numId")
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        given = _val(numpr, "w:ilvl")
        ilvl = int(given) if given is not None else self._style_level(num_id, style_id)
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return ""
        aid = self.nums[num_id]
        self.listed = True
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.seen:
            self.seen.add(num_id)
            for k in self.overrides.get(num_id, {}):
                counters.pop(k, None)
        start = self.overrides.get(num_id, {}).get(ilvl, lvl.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt == "bullet":
            return ""
        out = lvl.text
        for k in range(ilvl + 1):
            klvl = self.level(num_id, k) or Level("decimal", "", 1)
            kstart = self.overrides.get(num_id, {}).get(k, klvl.start)
            out = out.replace(f"%{k + 1}", format_number(counters.get(k, kstart), klvl.fmt))
        last = out[-1:]
        self.gap = lvl.suff != "nothing" and (
            (last.isascii() and last.isalnum()) or "\u4e00" <= last <= "\u9fff"
        )
        return out

    def _style_level(self, num_id: str, style_id: str) -> int:
        """The level linked to the paragraph's style (a heading style carries only the
        list, its level names the style)."""
        for k in range(9):
            lvl = self.level(num_id, k)
            if lvl is not None and style_id and lvl.style == style_id:
                return k
        return 0


LEGAL = str.maketrans("一二三四五六七八九十百千万", "壹贰叁肆伍陆柒捌玖拾佰仟万")
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
EARTHLY = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """``n`` in the numbering format ``fmt`` (ST_NumberFormat) as Word prints it."""
    from ..cnnum import to_chinese

    if fmt == "none":
        return ""
    if fmt == "chineseLegalSimplified":
        return to_chinese(n).translate(LEGAL)
    if fmt == "ideographTraditional":
        return HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return EARTHLY[(n - 1) % 12]
    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japaneseCounting")):
        return to_chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt.startswith("decimalFullWidth"):
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt in ("lowerLetter", "upperLetter"):
        ch = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return ch if fmt == "lowerLetter" else ch.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
        vals += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, m = "", n
        for v, r in vals:
            while m >= v:
                out, m = out + r, m - v
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)
