"""Errors meant for the person at the keyboard: one line naming the file and the problem."""

from __future__ import annotations

import unicodedata
from typing import Any

from .catalogue import Said, is_code


class UserError(Exception):
    """A problem with input or environment that the user can fix; never shown as a traceback.

    Made from a code of the message catalogue and its arguments,
    ``UserError("fs.cannot_write", where=path, detail=reason)``: ``str()`` is the command
    line's message, ``said.said_in("zh")`` the window's, ``code`` what a caller tests.
    A sentence instead of a code (``UserError("…")``) is still taken, said as it is in
    every language, with no code."""

    def __init__(self, message: str, /, **params: Any) -> None:
        said: Said | None = None
        if isinstance(message, Said):
            said = message
        elif is_code(message):
            said = Said(message, **params)
        elif params:
            raise TypeError(f"no message {message!r} in the catalogue")
        self.said = said
        self.code = said.code if said is not None else None
        super().__init__(str(said) if said is not None else message)

    def naming(self, old: object, new: object) -> UserError:
        """The same error naming ``new`` wherever it named ``old`` (a temporary copy of
        the user's file, say), with the same code and the other arguments unchanged."""
        if self.said is None:
            return UserError(str(self).replace(str(old), str(new)))
        params = {k: (new if str(v) == str(old) else v) for k, v in self.said.params.items()}
        return UserError(self.said.code, **params)


def describe_char(ch: str) -> str:
    """“ch” U+XXXX NAME, as the editor is told of a character."""
    name = unicodedata.name(ch, "")
    if not name:
        name = "PRIVATE USE" if unicodedata.category(ch) == "Co" else "UNNAMED"
    return f"“{ch}” U+{ord(ch):04X} {name}"


class Cancelled(UserError):
    """The person asked a long job to stop (at its next step, or its conversion)."""

    def __init__(self) -> None:
        super().__init__("已取消")


class MissingGlyphsError(UserError):
    """Characters that no available font covers; export is refused rather than print boxes.
    ``places`` names where each stands (第N篇 第M段), as 校对 flags it."""

    def __init__(
        self, missing: dict[str, int], where: str = "", places: dict[str, str] | None = None
    ) -> None:
        self.missing = missing
        places = places or {}
        shown = "、".join(
            " ".join(filter(None, (places.get(ch, ""), describe_char(ch))))
            for ch in list(missing)[:10]
        )
        more = f" 等 {len(missing)} 个" if len(missing) > 10 else ""
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"{prefix}没有字体能显示这些字符 (no font covers): {shown}{more}；"
            "请在校对中删去或替换 (check --fix glyph)"
        )
