"""What an import left out on purpose or placed elsewhere than the source had it, for
the one line of the ``add`` report: nothing of a draft is dropped silently."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    left_out: dict[str, int] = field(default_factory=dict)  # what → how many
    placed: dict[str, int] = field(default_factory=dict)  # moved (text boxes, notes)
    left_out_text: list[str] = field(default_factory=list)  # the text of a left-out TOC

    def leave_out(self, what: str, n: int = 1, text: str = "") -> None:
        self.left_out[what] = self.left_out.get(what, 0) + n
        if text:
            self.left_out_text.append(text)

    def place(self, what: str, n: int = 1) -> None:
        self.placed[what] = self.placed.get(what, 0) + n

    def summary(self) -> str:
        """One line: 未收入 页眉 1、目录 12 条；移位 文本框 2 (left out …; moved …)."""
        parts = []
        if self.left_out:
            parts.append(
                "未收入 (left out) " + "、".join(f"{k} {n}" for k, n in self.left_out.items())
            )
        if self.placed:
            parts.append(
                "另置 (placed apart) " + "、".join(f"{k} {n}" for k, n in self.placed.items())
            )
        return "；".join(parts)
