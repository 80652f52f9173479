"""Every message of the shared code by its code, one catalogue per language: ``en`` for
the English command line (English, with the Chinese where the editor reads it; commands
named), ``zh`` for the window (Chinese, its menus named instead of commands), and
``zh_cli`` for the Chinese command line: ``zh`` with the few messages that name a menu
or a command said again naming the command (``zh_cli.py``). A message is made from its
code and its arguments, so nothing ever has to read a message's text back."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from . import en, zh, zh_cli

CATALOGUES = {"en": en.MESSAGES, "zh": zh.MESSAGES, "zh_cli": zh.MESSAGES | zh_cli.MESSAGES}
# the switch that overrides the locale on the command line: zh or en
LANG_SWITCH = "LIANLUO_DESK_LANG"


def cli_language(environ: Mapping[str, str]) -> str:
    """The command line's catalogue: ``zh_cli`` or ``en`` as ``LIANLUO_DESK_LANG`` says,
    else by the locale as POSIX reads it for messages (the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set): ``zh…`` is Chinese, anything else English."""
    chosen = environ.get(LANG_SWITCH, "").strip().lower()
    if chosen.startswith(("zh", "en")):
        return "zh_cli" if chosen.startswith("zh") else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh_cli" if value.lower().startswith("zh") else "en"
    return "en"


def render(code: str, params: dict[str, Any], lang: str) -> str:
    """The message ``code`` in ``lang`` with its arguments; an argument that is itself a
    message is said in the same language, a list of them one by one, joined with 、."""
    shown = {k: _shown(v, lang) for k, v in params.items()}
    return CATALOGUES[lang][code].format(**shown)


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Said):
        return value.said_in(lang)
    if isinstance(value, list):
        return "、".join(str(_shown(v, lang)) for v in value)
    return value


class Said(str):
    """A message made from the catalogue: as text, the command line's; ``code`` and
    ``params`` for whoever says it otherwise (the window, in Chinese)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Said:
        if not is_code(code):
            raise TypeError(f"{code!r} is not a code of the message catalogue")
        if set(params) != arguments(code):
            raise TypeError(f"{code} takes {sorted(arguments(code))}, not {sorted(params)}")
        obj = super().__new__(cls, render(code, params, "en"))
        obj.code, obj.params = code, params
        return obj

    def said_in(self, lang: str) -> str:
        return render(self.code, self.params, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # made again from its code (another process)
        return (_said, (self.code, self.params))


def _said(code: str, params: dict[str, Any]) -> Said:
    return Said(code, **params)


def say(code: str, **params: Any) -> Said:
    """The message ``code`` with its arguments (a warning, a line of a report)."""
    return Said(code, **params)


def is_code(text: str) -> bool:
    return text in en.MESSAGES


@cache
def arguments(code: str) -> frozenset[str]:
    """The names a message's text takes (the same in every language)."""
    parsed = string.Formatter().parse(en.MESSAGES[code])
    return frozenset(name for _, name, _, _ in parsed if name)
