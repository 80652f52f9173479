"""The command line's words: every line it prints that is a sentence is said from the
catalogue, in Chinese or English as the locale or ``LIANLUO_DESK_LANG`` asks (decision
0026); numbers, paths and the issue's own text are the arguments."""

from __future__ import annotations

import os
import sys
from typing import Any

from .catalogue import Said, cli_language, say
from .errors import UserError


def language() -> str:
    """``zh_cli`` or ``en``, read when a line is said (a test may change the locale)."""
    return cli_language(os.environ)


def text(message: object) -> str:
    """A message as this command line says it: one made from a code (an error, a
    warning, a line of a report) in its language, anything else as it is."""
    if isinstance(message, UserError):
        return message.said.said_in(language())
    if isinstance(message, Said):
        return message.said_in(language())
    return str(message)


def tell(code: str, /, **params: Any) -> str:
    """The line ``code`` with its arguments, in the command line's language."""
    return say(code, **params).said_in(language())


def error(message: object) -> None:
    """One line on stderr, the program's name before it."""
    print(f"lianluo-desk: {text(message)}", file=sys.stderr, flush=True)
