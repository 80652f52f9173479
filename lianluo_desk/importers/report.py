"""What an import left out on purpose or placed elsewhere than the source had it, for
the one line of the ``add`` report: nothing of a draft is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    left_out: dict[str, int] = field(default_factory=dict)  # what → how many
    placed: dict[str, int] = field(default_factory=dict)  # moved (text boxes, notes)
    left_out_text: list[str] = field(default_factory=list)  # the text of a left-out TOC
    revisions: int = 0  # tracked changes, read as accepted (Word's final view)
    # each comment with the text of the paragraph it stands in, for ``comments.attach``
    comments: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def leave_out(self, what: str, n: int = 1, text: str = "") -> None:
        self.left_out[what] = self.left_out.get(what, 0) + n
        if text:
            self.left_out_text.append(text)

    def place(self, what: str, n: int = 1) -> None:
        self.placed[what] = self.placed.get(what, 0) + n

    def summary(self) -> str:
        """One line: 未收入 页眉 1、目录 12 条；另置 文本框 2；修订 3 处…、批注 1 条…
        (left out …; moved …; the review)."""
        parts = []
        if self.left_out:
            parts.append(
                "未收入 (left out) " + "、".join(f"{k} {n}" for k, n in self.left_out.items())
            )
        if self.placed:
            parts.append(
                "另置 (placed apart) " + "、".join(f"{k} {n}" for k, n in self.placed.items())
            )
        if self.reviewed():
            parts.append(self.reviewed())
        return "；".join(parts)

    def reviewed(self, chinese: bool = False) -> str:
        """The draft's review in one phrase: its tracked changes and comments (the app
        says it in Chinese only)."""
        said, english = [], []
        if self.revisions:
            said.append(f"修订 {self.revisions} 处已按接受读入")
            english.append("tracked changes accepted")
        done = sum(1 for _text, c in self.comments if c.get("state") == "resolved")
        if len(self.comments) > done:
            said.append(f"批注 {len(self.comments) - done} 条保留待处理、不印出")
        if done:
            said.append(f"已解决的批注 {done} 条保留、不印出")
        if self.comments:
            english.append("comments kept for the editor")
        if not said or chinese:
            return "、".join(said)
        return "、".join(said) + f" ({', '.join(english)})"
