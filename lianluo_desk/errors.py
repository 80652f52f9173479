"""Errors meant for the person at the keyboard: one line naming the file and the problem."""

from __future__ import annotations

import unicodedata
from typing import Any

from .catalogue import Said, is_code, say


class UserError(Exception):
    """A problem with input or environment that the user can fix; never shown as a traceback.

    Made from a code of the message catalogue and its arguments,
    ``UserError("fs.cannot_write", where=path, detail=reason)`` (or from a message
    already made, a ``Said``): ``str()`` is the command line's message,
    ``said.said_in("zh")`` the window's, ``code`` and ``params`` what a caller tests.
    There is no sentence without a code: a text that is not a code is refused, so that
    every message the user reads is said in both languages from the catalogue."""

    def __init__(self, code: str, /, **params: Any) -> None:
        if isinstance(code, Said):
            if params:
                raise TypeError(f"{code.code}: a message already made takes no arguments")
            said = code
        elif is_code(code):
            said = Said(code, **params)
        else:
            raise TypeError(f"{code!r} is not a code of the message catalogue")
        self.said: Said = said
        self.code: str = said.code
        self.params: dict[str, Any] = said.params
        super().__init__(str(said))

    def __reduce__(self) -> tuple[Any, ...]:  # made again from its message (another process)
        return (UserError, (self.said,))

    def about(self, where: object) -> Said:
        """The message naming ``where`` (a line of a batch, one per file): as it is when
        an argument already names it, else with ``where`` before it."""
        if any(str(v) == str(where) for v in self.params.values()):
            return self.said
        return say("fs.about", where=where, reason=self.said)

    def naming(self, old: object, new: object) -> UserError:
        """The same error naming ``new`` wherever it named ``old`` (a temporary copy of
        the user's file, say), with the same code and the other arguments unchanged."""
        params = {k: (new if str(v) == str(old) else v) for k, v in self.params.items()}
        return UserError(self.code, **params)


def describe_char(ch: str) -> str:
    """“ch” U+XXXX NAME, as the editor is told of a character."""
    name = unicodedata.name(ch, "")
    if not name:
        name = "PRIVATE USE" if unicodedata.category(ch) == "Co" else "UNNAMED"
    return f"“{ch}” U+{ord(ch):04X} {name}"


class Cancelled(UserError):
    """The person asked a long job to stop (at its next step, or its conversion)."""

    def __init__(self) -> None:
        super().__init__("job.cancelled")


class MissingGlyphsError(UserError):
    """Characters that no available font covers; export is refused rather than print boxes.
    ``places`` names where each stands (第N篇 第M段), as 校对 flags it."""

    def __init__(
        self, missing: dict[str, int], where: str = "", places: dict[str, str] | None = None
    ) -> None:
        self.missing = missing
        places = places or {}
        chars = "、".join(
            " ".join(filter(None, (places.get(ch, ""), describe_char(ch))))
            for ch in list(missing)[:10]
        )
        more = say("glyphs.more", count=len(missing)) if len(missing) > 10 else ""
        if where:
            super().__init__("glyphs.missing_in", where=where, chars=chars, more=more)
        else:
            super().__init__("glyphs.missing", chars=chars, more=more)
