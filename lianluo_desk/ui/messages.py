"""Messages of the shared code, as the app shows them: in Chinese, without the command
line's commands. A message made from the catalogue (every error's code and arguments, a
warning said by code) is said from the Chinese catalogue, trimmed of a detail in Latin
letters (the system's English reason); a plain sentence (a report line in Chinese) is
shown as it is, trimmed the same way. Nothing here reads what a message says."""

from __future__ import annotations

import re

from ..catalogue import Said
from ..errors import UserError

# a parenthesised gloss in Latin letters after Chinese text: "期号不连续：… (gap)"
_GLOSS = re.compile(r"\s*[(（](?=[^()（）]*[A-Za-z])[^()（）\u3400-\u9fff]*[)）]")
# a Chinese gloss after words in Latin letters: "… (已发布，只读)"
_CN_GLOSS = re.compile(r"\s*\(([^()]*[\u3400-\u9fff][^()]*)\)\s*$")
# file names and the user's own words in Latin letters that stay in a Chinese sentence
_NAMES = re.compile(r"\S*[/\\.]\S*|\b[A-Z][A-Za-z]*\b")


def for_app(message: str | BaseException) -> str:
    """``message`` as the window shows it: Chinese, no command-line commands."""
    said: Said | None = None
    if isinstance(message, UserError):
        said = message.said
    elif isinstance(message, Said):
        said = message
    text = said.said_in("zh") if said is not None else str(message)
    return _trimmed(text)


def _trimmed(text: str) -> str:
    out = text
    while True:  # glosses and details in Latin letters go, nested ones too
        shorter = _GLOSS.sub("", out)
        if shorter == out:
            break
        out = shorter
    cn = _CN_GLOSS.search(out)
    if cn:
        head = out[: cn.start()]
        if _has_latin_words(head):  # words in Latin letters with their Chinese: the Chinese
            where, sep, _body = head.partition(": ")
            out = (where + "：" if sep and _is_path(where) else "") + cn.group(1)
        else:  # a Chinese gloss of what is already said in Chinese
            out = head
    return out.replace(": ", "：")


def _is_path(s: str) -> bool:
    return "/" in s or "\\" in s or s.endswith((".json", ".pdf", ".docx", ".sqlite3"))


def _has_latin_words(s: str) -> bool:
    """Lower-case words of three letters or more outside file names and capitalised
    names (PDF, Word, DOCX are the user's words)."""
    return bool(re.search(r"[a-z]{3,}", _NAMES.sub("", s)))
