"""Errors meant for the person at the keyboard: one line naming the file and the problem."""

from __future__ import annotations

import unicodedata


class UserError(Exception):
    """A problem with input or environment that the user can fix; never shown as a traceback."""


class Cancelled(UserError):
    """The person asked a long job to stop (at its next step, or its conversion)."""

    def __init__(self) -> None:
        super().__init__("已取消")


class MissingGlyphsError(UserError):
    """Characters that no available font covers; export is refused rather than print boxes."""

    def __init__(self, missing: dict[str, int], where: str = "") -> None:
        self.missing = missing
        shown = "、".join(
            f"“{ch}” U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}" for ch in list(missing)[:10]
        )
        more = f" 等 {len(missing)} 个" if len(missing) > 10 else ""
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}没有字体能显示这些字符 (no font covers): {shown}{more}")
