"""What an import left out on purpose or placed elsewhere than the source had it, for
the one line of the ``add`` report: nothing of a draft is dropped silently. What is
counted is a code of the message catalogue (``report.toc``) or a message made from one,
so the line is said in the language of whoever reads it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import Said, is_code, say


@dataclass
class ImportReport:
    left_out: dict[str, int] = field(default_factory=dict)  # what (a code) → how many
    placed: dict[str, int] = field(default_factory=dict)  # moved (text boxes, notes)
    rewritten: dict[str, int] = field(default_factory=dict)  # read in as plain characters
    left_out_text: list[str] = field(default_factory=list)  # the text of a left-out TOC
    revisions: int = 0  # tracked changes, read as accepted (Word's final view)
    # each comment with the text of the paragraph it stands in, for ``comments.attach``
    comments: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def leave_out(self, what: str, n: int = 1, text: str = "") -> None:
        self.left_out[_what(what)] = self.left_out.get(what, 0) + n
        if text:
            self.left_out_text.append(text)

    def place(self, what: str, n: int = 1) -> None:
        self.placed[_what(what)] = self.placed.get(what, 0) + n

    def rewrite(self, what: str, n: int = 1) -> None:
        self.rewritten[_what(what)] = self.rewritten.get(what, 0) + n

    def summary(self, lang: str = "zh") -> str:
        """One line in ``lang``: 未收入 页眉 1、目录条目 12；另置 文本框 2；改为普通字符
        数学字母数字 7；修订 3 处… (left out …; placed apart …; rewritten …; the review)."""
        parts = []
        if self.left_out:
            parts.append(say("report.left_out", items=_items(self.left_out)).said_in(lang))
        if self.placed:
            parts.append(say("report.placed", items=_items(self.placed)).said_in(lang))
        if self.rewritten:
            parts.append(say("report.rewritten", items=_items(self.rewritten)).said_in(lang))
        if self.reviewed(lang):
            parts.append(self.reviewed(lang))
        return "；".join(parts)

    def reviewed(self, lang: str = "zh") -> str:
        """The draft's review in one phrase, in ``lang``: its tracked changes and
        comments."""
        said = []
        if self.revisions:
            said.append(say("report.revisions", count=self.revisions))
        done = sum(1 for _text, c in self.comments if c.get("state") == "resolved")
        if len(self.comments) > done:
            said.append(say("report.comments_open", count=len(self.comments) - done))
        if done:
            said.append(say("report.comments_done", count=done))
        return "、".join(s.said_in(lang) for s in said)


def _what(what: str) -> str:
    if not (isinstance(what, Said) or is_code(what)):
        raise TypeError(f"{what!r} is not a code of the message catalogue")
    return what


def _items(counts: dict[str, int]) -> list[Said]:
    return [
        say("report.count", what=w if isinstance(w, Said) else say(w), count=n)
        for w, n in counts.items()
    ]
