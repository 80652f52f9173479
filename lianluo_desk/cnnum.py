"""Chinese numerals as the bulletin prints them (总第六百六十七期, 一千零五, 一千一百一十).

Rules of GB/T 15835 for numerals written out in hanzi: a zero inside a number is read once
(一千零五), a 一 before 十 is kept when a higher unit precedes it (一百一十) and dropped at
the start (十五).
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
UNITS = ["", "十", "百", "千"]
BIG = ["", "万", "亿"]


def _below_10000(n: int) -> str:
    out: list[str] = []
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[d] + UNITS[pos])
    return "".join(out)


def to_chinese(n: int) -> str:
    if n < 0:
        raise ValueError("negative numbers are not printed in the masthead")
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out += "零"
        out += _below_10000(g) + BIG[i]
        need_zero = False
    if out.startswith("一十"):
        out = out[1:]
    return out


_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_UNITV = {"十": 10, "百": 100, "千": 1000}
_BIGV = {"万": 10**4, "亿": 10**8}


def from_chinese(text: str) -> int:
    """Parse numerals as printed (六百五十六, 一千零五, 十五); raise ValueError otherwise."""
    text = text.strip()
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _VALUES:
            digit = _VALUES[ch]
        elif ch in _UNITV:
            section += (1 if digit is None else digit) * _UNITV[ch]
            digit = None
        elif ch in _BIGV:
            section += digit or 0
            total += section * _BIGV[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + section + (digit or 0)
