"""A rule's hits in one text made safe to apply: settled (with the hits its own fixes
bring about) and paired (a half-width bracket with its mate), and edits applied."""

from __future__ import annotations

from collections.abc import Iterator

from .rules import Rule


def settled(text: str, fn: Rule) -> list[tuple[int, int, str | None]]:
    """The rule's findings, with those its own fixes would bring about (）,8 → ），8: the
    comma is in Chinese context once the bracket is fixed), all in the text's offsets."""
    found = list(fn(text))
    for _ in range(2):
        edits = sorted((a, b, f) for a, b, f in found if f is not None)
        have = {a for a, _b, _f in found}
        more = []
        for a, b, f in fn(apply_edits(text, edits)):
            back = _before_edits(edits, a, b)
            if f is not None and back is not None and back[0] not in have:
                more.append((back[0], back[1], f))
        if not more:
            break
        found += more
    return sorted(found, key=lambda h: h[0])


def _before_edits(edits: list[tuple[int, int, str]], a: int, b: int) -> tuple[int, int] | None:
    """Offsets a…b of the edited text in the text before the edits (None: inside one)."""
    shift = 0
    for start, end, fix in edits:
        new_start = start + shift
        if b <= new_start:
            break
        if a >= new_start + len(fix):
            shift += len(fix) - (end - start)
            continue
        return None
    return a - shift, b - shift


_OPEN, _CLOSE = "(（", ")）"
_FULL = {"(": "（", ")": "）"}


def paired(
    text: str, hits: list[tuple[int, int, str | None]]
) -> Iterator[tuple[int, int, str | None, tuple[int, int, str, str] | None]]:
    """A half-width bracket's fix carries its mate's: fixing one alone would leave the
    pair unbalanced (（…) ), a new finding."""
    mates = _bracket_mates(text)
    taken: set[int] = set()
    for start, end, fix in hits:
        if start in taken:
            continue
        other = mates.get(start) if text[start] in _FULL else None
        if other is None:
            yield start, end, fix, None
            continue
        taken.add(other)
        ch = text[other]
        yield start, end, fix, (other, other + 1, ch, _FULL.get(ch, ch))


def _bracket_mates(text: str) -> dict[int, int]:
    """Index of each round bracket → index of its mate, full or half width."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            j = stack.pop()
            out[i], out[j] = j, i
    return out


def apply_edits(text: str, finds: list[tuple[int, int, str]]) -> str:
    for start, end, fix in sorted(finds, reverse=True):
        text = text[:start] + fix + text[end:]
    return text
