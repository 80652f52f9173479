"""Characters of the Symbol font as Word keeps them (private use, U+F020–U+F0FE, or a
``w:sym`` code), as the Unicode characters they draw: Greek letters and mathematical
signs inserted with Insert ▸ Symbol. Word shows them only while the font is there; the
bundled faces have the real characters, which export can set."""

from __future__ import annotations

from collections.abc import Container

# Adobe's Symbol encoding from 0x20 on: "" where it has no character (or only a part of
# a large bracket or arrow)
_ROWS = (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?"  # 0x20
    "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"  # 0x40
    "\u203eαβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"  # 0x60 (0x7F unused)
)
_HIGH = "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\u23d0\u23af↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑"  # 0xA1
SYMBOL: dict[int, str] = {0xF020 + k: ch for k, ch in enumerate(_ROWS)}
SYMBOL.update({0xF0A1 + k: ch for k, ch in enumerate(_HIGH)})
SYMBOL.update({0xF0F1: "〉", 0xF0F2: "∫"})
SYMBOL_FONTS = ("symbol",)


def is_symbol_font(name: str | None) -> bool:
    return (name or "").strip().lower() in SYMBOL_FONTS


def from_symbol(text: str, keep: Container[str]) -> str:
    """``text`` set in the Symbol font, its private-use characters as Unicode; those in
    ``keep`` (a bullet the caller knows as a list marker) stay for the caller."""
    return "".join(
        ch if ch in keep else SYMBOL.get(ord(ch), ch) if 0xF020 <= ord(ch) <= 0xF0FE else ch
        for ch in text
    )
