"""Where things are on each platform: the program's own files (source tree or bundle), an
office's LibreOffice and the folders that hold office fonts. (The user's library is
platformdirs' user data folder: service.library_dir.)

Pure functions of (platform, environment, home folder) so that the Windows, macOS and
Linux answers can all be checked on any machine (with ``PureWindowsPath`` homes); the
callers pass ``sys.platform``, ``os.environ`` and ``Path.home()``. Nothing here assumes
POSIX separators or a case-sensitive file system.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

ISSUE_SUFFIXES = (".lld", ".json")  # an issue file: our own suffix, and JSON as before


def is_issue_name(name: str) -> bool:
    """An issue file by its name (any case: Windows and macOS do not tell them apart)."""
    return name.lower().endswith(ISSUE_SUFFIXES)


def program_root() -> Path:
    """The folder holding templates/ and resources/: LIANLUO_DESK_HOME, else the bundle's
    data folder when frozen (PyInstaller), else the source tree."""
    named = os.environ.get("LIANLUO_DESK_HOME")
    if named:
        return Path(named)
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def _windows(platform: str) -> bool:
    return platform.startswith(("win", "cygwin"))


def _env_path(env: Mapping[str, str], key: str, home: PurePath, default: str) -> PurePath:
    value = env.get(key, "")
    return type(home)(value) if value else home / default


def _program_files(env: Mapping[str, str]) -> list[PureWindowsPath]:
    """Both Program Files folders, wherever Windows was installed, without repeats (a
    32-bit process sees ProgramW6432 for the 64-bit one)."""
    seen: list[PureWindowsPath] = []
    for value in (
        env.get("ProgramW6432"),
        env.get("ProgramFiles") or r"C:\Program Files",
        env.get("ProgramFiles(x86)") or r"C:\Program Files (x86)",
    ):
        if value and PureWindowsPath(value) not in seen:  # compared without case
            seen.append(PureWindowsPath(value))
    return seen


def _version_key(p: PurePath) -> tuple[list[int], str]:
    """libreoffice7.10 after libreoffice7.6: numbers compared as numbers (then the name)."""
    return [int(n) for n in re.findall(r"\d+", p.parent.parent.name)], str(p).lower()


def soffice_candidates(
    platform: str,
    env: Mapping[str, str],
    home: PurePath,
    glob: Callable[[PurePath, str], Iterable[PurePath]],
) -> list[PurePath]:
    """Where an office installs LibreOffice's soffice, most likely first. ``glob(folder,
    pattern)`` lists matches (versioned folders such as /opt/libreoffice7.6 or
    C:\\Program Files\\LibreOffice 5); newer versions come before older ones."""
    if _windows(platform):
        local = _env_path(env, "LOCALAPPDATA", home, "AppData/Local")
        found: list[PurePath] = []
        for base in [*_program_files(env), local / "Programs"]:
            found.append(base / "LibreOffice" / "program" / "soffice.exe")
            versioned = glob(base, "LibreOffice*/program/soffice.exe")
            found += sorted(set(versioned) - set(found), key=_version_key, reverse=True)
        return found
    if platform == "darwin":
        return [PurePosixPath("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    opt = PurePosixPath("/opt")
    return [
        PurePosixPath("/usr/bin/soffice"),
        PurePosixPath("/usr/lib/libreoffice/program/soffice"),
        PurePosixPath("/usr/lib64/libreoffice/program/soffice"),
        PurePosixPath("/usr/local/bin/soffice"),
        # libreoffice.org's own packages (and the offices that ship them) use /opt
        *sorted(glob(opt, "libreoffice*/program/soffice"), key=_version_key, reverse=True),
        PurePosixPath("/snap/bin/libreoffice"),
    ]


def font_dirs(platform: str, env: Mapping[str, str], home: PurePath) -> list[PurePath]:
    """System and user font folders, where office fonts (仿宋_GB2312, 方正小标宋简体…) are
    installed by the office or by hand."""
    if _windows(platform):
        windir = PureWindowsPath(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows")
        local = _env_path(env, "LOCALAPPDATA", home, "AppData/Local")
        # since Windows 10 1809 a user may install fonts without administrator rights
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if platform == "darwin":
        return [
            PurePosixPath("/System/Library/Fonts"),
            PurePosixPath("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return [
        PurePosixPath("/usr/share/fonts"),  # the distribution's and WPS's (wps-office/)
        PurePosixPath("/usr/local/share/fonts"),
        _env_path(env, "XDG_DATA_HOME", home, ".local/share") / "fonts",
        home / ".fonts",
    ]


def outside_env(env: Mapping[str, str], bundle: str | None = None) -> dict[str, str]:
    """The environment for another program (LibreOffice) started from the bundle (its data
    folder ``bundle``, sys._MEIPASS when frozen): the library path the bundle's loader set
    goes back to what it was, and what points into the bundle (Qt's plugin and QML paths,
    the loader's own variables) goes, so that program loads the system's libraries and
    plugins, not the bundle's copies."""
    if bundle is None:
        bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    out = dict(env)
    if not bundle:
        return out
    orig = out.pop("LD_LIBRARY_PATH_ORIG", None)
    for key, value in list(out.items()):
        if key.startswith("_PYI_") or bundle in value:
            del out[key]
    if orig is not None:
        out["LD_LIBRARY_PATH"] = orig
    return out


def here() -> tuple[str, Mapping[str, str], Path]:
    """This machine's platform, environment and home, the arguments of the functions above."""
    return sys.platform, os.environ, Path.home()
