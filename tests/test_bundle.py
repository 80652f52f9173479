"""The packaged program (scripts/package.sh): the one-folder bundle runs with no Python,
virtual environment or network, writes the sample's PDF and DOCX byte-identical to the
source tree's and opens its window on an issue file; the .deb installs it into /opt with
a command, a desktop entry, an icon and a MIME type, depends on exactly what Qt's xcb
plugin needs from the system, and is removed without a trace.

The bundle is built once per session (about a minute and a half on two cores, and half a
minute more for the .deb). Deselect with ``-m "not bundle"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from .conftest import ROOT, cli

pytestmark = [pytest.mark.bundle, pytest.mark.slow]  # minutes: outside the fast loop
SAMPLE = ROOT / "resources" / "sample" / "sample-issue.json"
MIME = "application/x-lianluo-desk-issue"


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        ["bash", str(ROOT / "scripts" / "package.sh"), str(out)],
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert r.returncode == 0, (r.stdout + r.stderr)[-4000:]
    return out


@pytest.fixture(scope="session")
def bundle(dist) -> Path:
    return dist / "lianluo-desk"


@pytest.fixture(scope="session")
def deb(dist) -> Path:
    (found,) = dist.glob("lianluo-desk_*.deb")
    return found


def _offline() -> list[str]:
    """A prefix that runs a command without network (a namespace of its own), as root."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net"]
    return []


def run_bare(cmd: list[str], home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``cmd`` with an empty PATH (no Python, no venv), a fresh HOME and no network."""
    empty = home / "empty-path"
    empty.mkdir(parents=True, exist_ok=True)
    bare = {"PATH": str(empty), "HOME": str(home), "LANG": "C.UTF-8", **env}
    return subprocess.run(
        [*_offline(), "/usr/bin/env", "-i", *(f"{k}={v}" for k, v in bare.items()), *cmd],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def source_demo(tmp_path_factory) -> dict[str, bytes]:
    """The sample as the source tree writes it (office fonts looked for, as by default)."""
    tmp = tmp_path_factory.mktemp("source-demo")
    env = {"HOME": str(tmp / "home"), "LIANLUO_DESK_SYSTEM_FONTS": "1"}
    r = cli("demo", str(tmp / "out"), env=env)
    assert r.returncode == 0, r.stderr
    return {p.suffix: p.read_bytes() for p in (tmp / "out").iterdir()}


def test_bundle_demo_byte_identical_to_the_source_tree(bundle, source_demo, tmp_path):
    home = tmp_path / "home"
    for run in ("cold", "warm"):  # the library's caches empty, then filled
        out = tmp_path / run
        r = run_bare([str(bundle / "lianluo-desk"), "demo", str(out)], home)
        assert r.returncode == 0, r.stderr
        written = {p.suffix: p.read_bytes() for p in out.iterdir()}
        assert written.keys() == {".pdf", ".docx"}
        assert written == source_demo, run
    # the library lives in the platform's data folder, as from the source tree
    assert (home / ".local" / "share" / "lianluo-desk" / "cache").is_dir()


def _red_pixels(png: Path) -> int:
    r, g, b = Image.open(png).convert("RGB").split()
    red = ImageChops.multiply(
        r.point(lambda v: 255 if v > 170 else 0),
        ImageChops.multiply(
            g.point(lambda v: 255 if v < 90 else 0), b.point(lambda v: 255 if v < 90 else 0)
        ),
    )
    return red.histogram()[255]


@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_bundle_window_opens_on_an_issue_file(bundle, tmp_path, platform):
    """The window on a .lld issue file: offscreen, and on X (Xvfb) through the xcb plugin
    and the system's libraries."""
    issue = tmp_path / "第7期.lld"
    shutil.copy(SAMPLE, issue)
    home, shot = tmp_path / "home", tmp_path / "shot.png"
    cmd = [str(bundle / "lianluo-desk"), str(issue)]
    env = {"QT_QPA_PLATFORM": platform, "LIANLUO_DESK_SCREENSHOT": str(shot)}
    if platform == "xcb":
        xvfb = shutil.which("xvfb-run")
        assert xvfb, "xvfb-run is missing: scripts/setup.sh installs xvfb"
        cmd = [xvfb, "-a", "-s", "-screen 0 1440x900x24", *cmd]
        env["PATH"] = os.environ["PATH"]  # xvfb-run's tools; the bundle needs none of them
        r = subprocess.run(cmd, env={**env, "HOME": str(home)}, capture_output=True, text=True)
    else:
        r = run_bare(cmd, home, **env)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    w, h = Image.open(shot).size
    assert w >= 800 and h >= 600
    assert _red_pixels(shot) > 1000  # the preview shows the red masthead
    assert (home / ".local" / "share" / "lianluo-desk" / "ui.ini").exists()  # its settings
    assert (bundle / "_internal/PySide6/Qt/translations/qtbase_zh_CN.qm").is_file()


def test_bundle_reads_a_doc_through_the_installed_libreoffice(bundle, tmp_path):
    """LibreOffice started from the bundle runs with the system's libraries (the bundle's
    loader path is taken out of its environment) and converts a Word 97 draft."""
    from .lo import soffice

    made, src = tmp_path / "made", ROOT / "tests" / "data" / "2022-no07-training.docx"
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(made / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(made), str(src)],
        env=dict(os.environ, HOME=str(made)), capture_output=True, timeout=240, check=True,
    )  # fmt: skip
    issue = tmp_path / "issue.lld"
    shutil.copy(SAMPLE, issue)
    exe = str(bundle / "lianluo-desk")
    system = {"PATH": "/usr/bin:/bin"}  # LibreOffice's start script needs the system's tools
    draft = made / "2022-no07-training.doc"
    r = run_bare([exe, "add", str(issue), str(draft)], tmp_path, **system)
    assert r.returncode == 0, r.stderr
    assert "2022-no07-training.doc" in r.stdout
    spy = tmp_path / "spy.sh"  # a stand-in that shows the environment LibreOffice gets
    spy.write_text(f"#!/bin/sh\nenv > {tmp_path / 'env.txt'}\nexit 1\n", "utf-8")
    spy.chmod(0o755)
    spied = {**system, "LIANLUO_DESK_SOFFICE": str(spy)}
    run_bare([exe, "add", str(issue), str(draft)], tmp_path, **spied)
    seen = (tmp_path / "env.txt").read_text("utf-8")
    assert str(bundle) not in seen and "LD_LIBRARY_PATH" not in seen and "_PYI" not in seen


# -- the .deb ------------------------------------------------------------------------------


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, re.M)


def _owner(soname: str) -> str:
    """The Debian package that holds the system library ``soname``."""
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    paths = re.findall(rf"^\s*{re.escape(soname)} \(.*x86-64.*\) => (\S+)", cache, re.M)
    paths = paths or re.findall(rf"^\s*{re.escape(soname)} \(.*\) => (\S+)", cache, re.M)
    assert paths, f"{soname}: not on this system"
    p = Path(paths[0])
    for candidate in (p, p.resolve(), Path("/usr") / p.relative_to("/"), Path(str(p)[4:])):
        r = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
    raise AssertionError(f"{soname}: no package holds {p}")


def _xcb_system_packages(bundle: Path) -> set[str]:
    """Packages of the libraries Qt's xcb plugin (and its GL integrations) load from the
    system: the closure over DT_NEEDED, following what the bundle carries itself."""
    inside = {p.name: p for p in bundle.rglob("*.so*") if p.is_file()}
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    todo = [plugins / "platforms" / "libqxcb.so", *(plugins / "xcbglintegrations").glob("*.so")]
    seen: set[str] = set()
    system: set[str] = set()
    while todo:
        for name in _needed(todo.pop()):
            if name in inside:
                if name not in seen:
                    seen.add(name)
                    todo.append(inside[name])
            else:
                system.add(name)
    return {_owner(name) for name in system}


def _newest_glibc(bundle: Path) -> str:
    files = [
        p for p in bundle.rglob("*") if p.is_file() and (".so" in p.name or os.access(p, os.X_OK))
    ]
    out = subprocess.run(["objdump", "-T", *map(str, files)], capture_output=True, text=True)
    versions = {
        tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out.stdout)
    }
    return ".".join(map(str, max(versions)))


def _field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_deb_depends_on_exactly_what_the_xcb_plugin_needs(bundle, deb):
    depends = [d.strip() for d in _field(deb, "Depends").split(",")]
    names = {re.split(r"[ (]", d.split("|")[0].strip())[0] for d in depends}
    measured = _xcb_system_packages(bundle)
    assert "libxcb-cursor0" in measured
    # an alternative (libglib2.0-0 | libglib2.0-0t64) counts by the name this system has
    alternatives = {a.strip().split(" ")[0]: d for d in depends for a in d.split("|")}
    assert {re.split(r"[ (]", alternatives[m])[0] for m in measured if m in alternatives} == names
    assert measured <= alternatives.keys(), measured - alternatives.keys()
    assert f"libc6 (>= {_newest_glibc(bundle)})" in depends


def test_deb_contents_and_desktop_entry(deb, tmp_path):
    files = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    for path in (
        "./opt/lianluo-desk/lianluo-desk",
        "./usr/bin/lianluo-desk",
        "./usr/share/applications/lianluo-desk.desktop",
        "./usr/share/mime/packages/lianluo-desk.xml",
        "./usr/share/icons/hicolor/256x256/apps/lianluo-desk.png",
    ):
        assert re.search(rf" {re.escape(path)}( |$)", files, re.M), path
    assert " root/root " in files and "/home/" not in files
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    entry = (tmp_path / "usr/share/applications/lianluo-desk.desktop").read_text("utf-8")
    assert "Name[zh_CN]=联络动态编辑排版" in entry and f"MimeType={MIME};" in entry
    assert "*.lld" in (tmp_path / "usr/share/mime/packages/lianluo-desk.xml").read_text("utf-8")
    icon = Image.open(tmp_path / "usr/share/icons/hicolor/256x256/apps/lianluo-desk.png")
    assert icon.size == (256, 256)


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting (a bounded time) while another package tool holds its lock."""
    for _ in range(60):
        r = subprocess.run(["dpkg", *args], capture_output=True, text=True)
        if r.returncode == 0 or "lock" not in r.stderr:
            return r
        time.sleep(2)
    return r


def test_deb_installs_runs_and_goes(deb, source_demo, tmp_path):
    assert os.geteuid() == 0, "installing the .deb needs root (deselect with -m 'not bundle')"
    validate = shutil.which("desktop-file-validate")
    assert validate, "desktop-file-validate is missing: scripts/setup.sh installs it"
    desktop = "/usr/share/applications/lianluo-desk.desktop"
    r = _dpkg("-i", str(deb))
    try:
        assert r.returncode == 0, r.stderr
        r = run_bare(["/usr/bin/lianluo-desk", "demo", str(tmp_path / "out")], tmp_path / "h")
        assert r.returncode == 0, r.stderr
        assert {p.suffix: p.read_bytes() for p in (tmp_path / "out").iterdir()} == source_demo
        assert (tmp_path / "h" / ".local" / "share" / "lianluo-desk" / "cache").is_dir()
        r = subprocess.run([validate, desktop], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr
        # dpkg's triggers registered the suffix and the app that opens it
        assert re.search(rf":{MIME}:\*\.lld$", Path("/usr/share/mime/globs2").read_text(), re.M)
        cache = Path("/usr/share/applications/mimeinfo.cache").read_text("utf-8")
        assert f"{MIME}=lianluo-desk.desktop;" in cache
    finally:
        removed = _dpkg("--purge", "lianluo-desk")
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/lianluo-desk").exists() and not Path("/usr/bin/lianluo-desk").exists()
    assert not Path(desktop).exists()
    assert ":*.lld" not in Path("/usr/share/mime/globs2").read_text()
    status = subprocess.run(["dpkg", "-s", "lianluo-desk"], capture_output=True, text=True)
    assert status.returncode != 0 or "not-installed" in status.stdout
