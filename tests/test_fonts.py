"""Font roles resolve template → installed office font → shipped font, per character."""

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from lianluo_desk.layout import sysfonts
from lianluo_desk.layout.fonts import FontSet


def _tiny_font(path, family, chars="甲"):
    fb = FontBuilder(1000, isTTF=True)
    names = [".notdef"] + [f"uni{ord(c):04X}" for c in chars]
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    glyphs = {}
    for n in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, -100))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, -100))
        pen.closePath()
        glyphs[n] = pen.glyph()
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": "FangSong_GB2312"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    fb.setupPost()
    fb.save(str(path))


def test_office_font_preferred_with_per_character_fallback(template, tmp_path, monkeypatch):
    _tiny_font(tmp_path / "fs.ttf", "仿宋_GB2312")
    monkeypatch.setattr(sysfonts, "font_dirs", lambda: [tmp_path])
    fs = FontSet(template, system_fonts=True, cache=tmp_path / "cache.json")
    primary = fs.primary("fang")
    assert primary.office and primary.path.name == "fs.ttf"
    assert fs.pick("fang", "甲") is primary
    assert fs.pick("fang", "乙").path.name == "lld-fang.ttf"
    assert fs.primary("hei").path.name == "lld-hei.ttf"  # no office 黑体 installed
    assert (tmp_path / "cache.json").exists()
    # the cache is used on the next start
    fs2 = FontSet(template, system_fonts=True, cache=tmp_path / "cache.json")
    assert fs2.primary("fang").office


def test_rare_character_from_fallback_and_missing_reported(fonts):
    assert not fonts.primary("fang").has("镕")  # GBK, not GB2312
    assert fonts.pick("fang", "镕").path.name == "lld-fallback.ttf"
    missing = fonts.missing("正文镕\U0002a6a5\U0002a6a5")
    assert missing == {"\U0002a6a5": 2}


def test_cff_office_fonts_are_not_chosen(template, tmp_path, monkeypatch):
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(sysfonts, "font_dirs", lambda: [tmp_path])
    fs = FontSet(template, system_fonts=True, cache=None)
    assert not fs.primary("fang").office
