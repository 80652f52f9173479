"""The text a Word paragraph shows, whatever holds it: runs inside content controls
(``w:sdt``), smart tags, custom XML, hyperlinks, simple fields and field results, the base
of a ruby; hidden text (``w:vanish``) and field codes stay out. Text boxes (DrawingML and
VML) and footnote/endnote references are handed to the caller, which places them (see
docs/decisions/0019-word-constructs.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from .normalize import SYMBOL_FONT
from .symbol_font import from_symbol, is_symbol_font

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
VML_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
# property and bookkeeping elements: no text of the document inside
_SKIP = {
    "pPr",
    "rPr",
    "sdtPr",
    "sdtEndPr",
    "customXmlPr",
    "smartTagPr",
    "del",
    "moveFrom",
    "rt",
    "rubyPr",
    "instrText",
    "delText",
    "fldData",
}


def hidden(rpr: Any) -> bool:
    """Whether run properties hide the text (``w:vanish`` not switched off)."""
    if rpr is None:
        return False
    v = rpr.find(qn("w:vanish"))
    return v is not None and v.get(qn("w:val"), "true") not in ("0", "false", "off")


@dataclass
class Piece:
    text: str
    run: Any  # the w:r element whose formatting the text has


@dataclass
class Walk:
    """What a walk over paragraphs collects besides their text, and the state of the
    complex fields (which may span paragraphs)."""

    hidden_styles: set[str] = field(default_factory=set)  # character styles with vanish
    # w:txbxContent of the paragraph, and the text (a str) of its VML WordArt
    boxes: list[Any] = field(default_factory=list)
    word_notes: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) referenced
    fields: list[str] = field(default_factory=list)  # instructions of the open fields
    in_result: list[bool] = field(default_factory=list)
    hidden_chars: int = 0

    def in_toc(self) -> bool:
        return any(f.strip().upper().startswith("TOC") for f in self.fields)

    def pieces(self, p: Any) -> list[Piece]:
        out: list[Piece] = []
        self._walk(p, out)
        return _blanks(out)

    def _walk(self, el: Any, out: list[Piece]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions
            name = tag.rsplit("}", 1)[-1]
            if tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                self._walk(choice if choice is not None else child.find(f"{MC}Fallback"), out)
            elif name in _SKIP or tag == f"{W}p":
                continue
            elif tag == f"{W}r":
                self._run(child, out)
            else:  # sdt, sdtContent, smartTag, customXml, hyperlink, fldSimple, ins, ruby…
                self._walk(child, out)

    def _run(self, r: Any, out: list[Piece]) -> None:
        rpr = r.find(qn("w:rPr"))
        style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        invisible = hidden(rpr) or (
            style is not None and style.get(qn("w:val")) in self.hidden_styles
        )
        text: list[str] = []
        for c in r:
            tag = c.tag if isinstance(c.tag, str) else ""
            name = tag.rsplit("}", 1)[-1]
            if name == "fldChar":
                kind = c.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.fields.append("")
                    self.in_result.append(False)
                elif kind == "separate" and self.in_result:
                    self.in_result[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                    self.in_result.pop()
            elif name == "instrText" and self.fields:
                self.fields[-1] += c.text or ""
            elif self.in_result and not self.in_result[-1]:
                continue  # inside a field's code, before its result
            elif name == "t":
                text.append(c.text or "")
            elif name in ("tab", "ptab"):
                text.append("\t")
            elif name in ("br", "cr"):
                if c.get(qn("w:type")) not in ("page", "column"):
                    text.append("\n")
            elif name == "noBreakHyphen":
                text.append("-")
            elif name == "sym":
                text.append(_sym(c))
            elif name == "ruby":  # inside a run, where Word writes it: the base, not the reading
                base = c.find(qn("w:rubyBase"))
                if base is not None:
                    sub: list[Piece] = []
                    self._walk(base, sub)
                    text.append("".join(x.text for x in sub))
            elif name in ("footnoteReference", "endnoteReference") and not invisible:
                self.word_notes.append((name[:-9], c.get(qn("w:id")) or ""))
                text.append(f"\x00{len(self.word_notes) - 1}\x00")  # placed by the caller
            elif name in ("drawing", "pict", "object") or tag == f"{MC}AlternateContent":
                if not invisible:
                    self._boxes(c)
        joined = "".join(text)
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and is_symbol_font(
            fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
        ):
            joined = from_symbol(joined, SYMBOL_FONT)
        if invisible:
            self.hidden_chars += len(joined.strip())
        elif joined:
            out.append(Piece(joined, r))

    def _boxes(self, el: Any) -> None:
        """Text boxes inside a drawing; of Word's two copies (DrawingML choice, VML
        fallback) only the first."""
        if el.tag == f"{MC}AlternateContent":
            choice = el.find(f"{MC}Choice")
            el = choice if choice is not None else el.find(f"{MC}Fallback")
            if el is None:
                return
        for box in el.iter(qn("w:txbxContent"), VML_TEXTPATH):
            if any(box is b for b in self.boxes) or _inside_box(box, el):
                continue
            if box.tag == VML_TEXTPATH:  # VML WordArt: its text is an attribute
                if (box.get("string") or "").strip():
                    self.boxes.append(box.get("string").strip())
                continue
            self.boxes.append(box)


def _inside_box(box: Any, top: Any) -> bool:
    """A box nested in another box of the same drawing is read with the outer one."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False


# underlined spaces as the line they print: a space's width of "_" each
_BLANK = str.maketrans({" ": "_", "\u3000": "__", "\t": "____"})


def _blanks(pieces: list[Piece]) -> list[Piece]:
    """Underlined spaces as a form's blank to fill in (甲方：____); beside an underlined
    value typed on the line (经费：___10000___元) they are its padding and stay spaces."""

    def blank(x: Piece) -> bool:
        return bool(x.text) and not x.text.strip(" \u3000\t") and _underlined(x.run)

    def value(k: int) -> bool:
        return 0 <= k < len(pieces) and bool(pieces[k].text.strip()) and _underlined(pieces[k].run)

    return [
        Piece(x.text.translate(_BLANK), x.run)
        if blank(x) and not (value(k - 1) or value(k + 1))
        else x
        for k, x in enumerate(pieces)
    ]


def _underlined(r: Any) -> bool:
    rpr = r.find(qn("w:rPr"))
    u = rpr.find(qn("w:u")) if rpr is not None else None
    return u is not None and u.get(qn("w:val"), "single") not in ("none", "0", "false")


def _sym(el: Any) -> str:
    """A ``w:sym`` (a character of a symbol font, given by code)."""
    try:
        code = int(el.get(qn("w:char"), "0"), 16)
    except ValueError:
        return ""
    if code < 0x100:
        code += 0xF000  # the symbol fonts' private-use block
    if not code:
        return ""
    if is_symbol_font(el.get(qn("w:font"))):
        return from_symbol(chr(code), SYMBOL_FONT)
    return chr(code)
