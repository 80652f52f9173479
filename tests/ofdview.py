"""An independent OFD reader for the tests: ofd.js (npm, Apache-2.0; the self-contained
renderer of its 0.2 line, which scripts/setup.sh unpacks into .venv/ofdjs) in a headless
Chromium (Debian's ``chromium``). ofd.js draws each character as SVG text at the
position its TextCode and DeltaX give, in the CSS family its FamilyName maps to; the
page here declares those families from the font files embedded in the OFD itself, so
what is drawn is the package's own subsets."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
OFDJS = ROOT / ".venv" / "ofdjs" / "package" / "lib" / "ofd.umd.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
# the CSS families ofd.js turns the 公文 family names into (its FONT_FAMILY table)
ALIASES = {"仿宋_GB2312": ["FangSong"], "黑体": ["SimHei"], "楷体_GB2312": ["楷体"]}
SCALE = 3  # pixels per millimetre: 76.2 dpi


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "chromium is not installed (scripts/setup.sh installs it)"
    assert OFDJS.exists(), f"{OFDJS} missing (scripts/setup.sh unpacks ofd.js there)"
    return found


def _html(ofd: bytes, pages: int) -> str:
    z = zipfile.ZipFile(io.BytesIO(ofd))
    res = z.read("Doc_0/PublicRes.xml").decode("utf-8")
    faces = []
    for family, file in re.findall(
        r'<ofd:Font ID="\d+" FontName="[^"]*" FamilyName="([^"]*)"><ofd:FontFile>([^<]*)<', res
    ):
        data = base64.b64encode(z.read("Doc_0/Res/" + file)).decode("ascii")
        for name in [family, *ALIASES.get(family, [])]:
            faces.append(
                f"@font-face{{font-family:'{name}';"
                f"src:url(data:font/ttf;base64,{data}) format('truetype')}}"
            )
    payload = base64.b64encode(ofd).decode("ascii")
    return f"""<!doctype html><meta charset="utf-8">
<style>html,body{{margin:0;padding:0;background:white}}{"".join(faces)}</style>
<div id="out"></div><script src="{OFDJS.as_uri()}"></script><script>
const raw = atob("{payload}"), buf = new Uint8Array(raw.length);
for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
ofd.setPageScale({SCALE});
ofd.parseOfdDocument({{ofd: buf.buffer, success(res) {{
  const divs = ofd.renderOfdByScale(res[0]).slice(0, {pages});
  const out = document.getElementById("out");
  for (const d of divs) {{ d.style.marginBottom = "0"; out.appendChild(d); }}
}}}});
</script>"""


def render_ofd_pages(ofd: bytes, pages: int, work: Path) -> list[Image.Image]:
    """The first ``pages`` pages as ofd.js draws them, A4 at ``SCALE`` px/mm, grey."""
    html = work / "view.html"
    html.write_text(_html(ofd, pages), "utf-8")
    w, h = 210 * SCALE, 297 * SCALE
    shot = work / "ofdjs.png"
    subprocess.run(
        [chromium(), *FLAGS, f"--window-size={w},{h * pages}", "--virtual-time-budget=20000",
         f"--screenshot={shot}", html.as_uri()],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    with Image.open(shot) as im:
        whole = im.convert("L")
    return [whole.crop((0, k * h, w, (k + 1) * h)) for k in range(pages)]


def render_pdf_pages(pdf: Path, pages: int, work: Path) -> list[Image.Image]:
    """The same pages as poppler draws the PDF, at the same scale."""
    subprocess.run(
        ["pdftoppm", "-r", str(SCALE * 25.4), "-png", "-f", "1", "-l", str(pages), str(pdf),
         str(work / "pdf")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = []
    for png in sorted(work.glob("pdf-*.png")):
        with Image.open(png) as im:
            out.append(im.convert("L").crop((0, 0, 210 * SCALE, 297 * SCALE)))
    return out


def _ink(im: Image.Image) -> Image.Image:
    """Pixels darker than light grey: a hairline rule anti-aliased over two pixel rows
    (Chromium) is ink as much as poppler's one black row."""
    return im.point(lambda v: 255 if v < 192 else 0)


def stray_ink(a: Image.Image, b: Image.Image, reach: int) -> float:
    """The share of ``a``'s dark pixels with no dark pixel of ``b`` within ``reach``
    pixels: glyphs missing, moved or of another shape; anti-aliasing and baselines
    snapped to whole pixels stay within a pixel or two."""
    ia, ib = _ink(a), _ink(b)
    lone = ImageChops.subtract(ia, ib.filter(ImageFilter.MaxFilter(2 * reach + 1)))
    return lone.histogram()[255] / max(1, ia.histogram()[255])


def difference(a: Image.Image, b: Image.Image) -> Image.Image:
    """Black where the renderings differ, for a person to look at."""
    return ImageChops.invert(ImageChops.difference(a, b))
