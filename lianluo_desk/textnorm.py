"""The one normalisation of an issue's text, applied wherever text enters the issue (the
importers, a reviewer's accepted edit) and wherever two texts are compared (review).

It removes only what no reader sees and the issue never means: the zero-width break
hints our DOCX gives word processors, soft hyphens and byte-order marks; it writes every
Unicode space (no-break, en, em, thin, narrow …) as the space it is to a reader, since
office files carry them for alignment and no face of ours draws them; and it writes the
label of an editor's note the way it is printed (编者按：). The ideographic space U+3000
stays: it takes a grid cell, and the layout relies on it (indents, a two-character name
set as 张　三). A line or paragraph separator (U+2028, U+2029) is a line break.
Punctuation is the proofing rules' business (reported, fixed when the editor keeps the
fix), never changed here. A leaf module: anything may import it.
"""

from __future__ import annotations

import re
from functools import cache

#: Invisible characters word processors carry: zero-width space (our break hints),
#: zero-width (non-)joiners, word joiner, byte-order mark, soft hyphen, and the
#: direction marks, embeddings and isolates text pasted from the web brings along.
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069"
)

#: Unicode spaces (category Zs) other than the ideographic space: each is a space.
SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
#: Unicode's line and paragraph separators: inside a paragraph both are the line break
#: the issue keeps as "\n" (a text draft splits paragraphs at U+2029 before this).
SEPARATORS = {"\u2028": "\n", "\u2029": "\n"}
_AS_SPACE = str.maketrans(dict.fromkeys(SPACES, " ") | SEPARATORS)

#: How an editor's note may be labelled, and the label as printed.
NOTE_LABELS = ("【编者按】", "编者按：", "编者按:", "编者按")


@cache
def _invisible() -> re.Pattern[str]:
    """Compiled on first use: the layout imports this module only for split_note."""
    return re.compile(f"[{INVISIBLE}]")


def visible(text: str) -> str:
    """The text without the invisible characters, every Unicode space a space, every
    line or paragraph separator a line break."""
    return _invisible().sub("", text).translate(_AS_SPACE)


def split_note(note: str) -> tuple[str, str]:
    """(label as printed, the rest) of an editor's note; ("", note) when unlabelled."""
    for label in NOTE_LABELS:
        if note.startswith(label):
            shown = "编者按：" if label in ("编者按:", "编者按") else label
            return shown, note[len(label) :].lstrip()
    return "", note


def normalize(text: str, note: bool = False) -> str:
    """The issue's form of a text; ``note``: the text of an editor's note."""
    text = visible(text)
    if note:
        label, rest = split_note(text)
        text = label + rest
    return text
