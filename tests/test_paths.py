"""Where the program looks on each platform, checked here for all of them: Windows with
PureWindowsPath (drive letters, backslashes, any case), macOS and Linux."""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath, PureWindowsPath

from lianluo_desk import places

WIN_HOME = PureWindowsPath(r"C:\Users\编辑")
WIN_ENV = {
    "LOCALAPPDATA": r"C:\Users\编辑\AppData\Local",
    "ProgramFiles": r"D:\Program Files",
    "ProgramFiles(x86)": r"D:\Program Files (x86)",
    "WINDIR": r"D:\WINDOWS",
}


def _globber(tree: dict[str, list[str]]):
    """A file system of a few folders: glob(folder, pattern) answers from ``tree``."""

    def glob(folder: PurePath, pattern: str) -> list[PurePath]:
        return [folder / rel for rel in tree.get(str(folder).lower(), [])]

    return glob


def test_windows_libreoffice_in_both_program_folders_and_per_user():
    glob = _globber(
        {
            r"d:\program files": [r"LibreOffice 5\program\soffice.exe"],
            r"d:\program files (x86)": [r"LibreOffice 4\program\soffice.exe"],
        }
    )
    found = places.soffice_candidates("win32", WIN_ENV, WIN_HOME, glob)
    assert all(isinstance(p, PureWindowsPath) for p in found)
    assert found[0] == PureWindowsPath(r"D:\Program Files\LibreOffice\program\soffice.exe")
    assert PureWindowsPath(r"d:\program files\libreoffice 5\PROGRAM\soffice.exe") in found
    assert PureWindowsPath(r"D:\Program Files (x86)\LibreOffice\program\soffice.exe") in found
    per_user = WIN_HOME / "AppData" / "Local" / "Programs" / "LibreOffice" / "program"
    assert found[-1] == per_user / "soffice.exe"


def test_windows_defaults_without_environment():
    found = places.soffice_candidates("win32", {}, WIN_HOME, _globber({}))
    assert found[0] == PureWindowsPath(r"C:\Program Files\LibreOffice\program\soffice.exe")
    assert PureWindowsPath(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe") in found
    assert len(found) == len(set(found)) == 3  # ProgramW6432 = ProgramFiles: not twice


def test_linux_opt_installs_newest_first():
    glob = _globber(
        {
            "/opt": [
                "libreoffice7.6/program/soffice",
                "libreoffice7.10/program/soffice",
                "libreoffice/program/soffice",
            ]
        }
    )
    found = [str(p) for p in places.soffice_candidates("linux", {}, PurePosixPath("/h"), glob)]
    opt = [p for p in found if p.startswith("/opt/")]
    assert opt == [
        "/opt/libreoffice7.10/program/soffice",
        "/opt/libreoffice7.6/program/soffice",
        "/opt/libreoffice/program/soffice",
    ]
    assert found[0] == "/usr/bin/soffice"


def test_font_folders_system_and_user():
    win = places.font_dirs("win32", WIN_ENV, WIN_HOME)
    assert win == [
        PureWindowsPath(r"D:\WINDOWS\Fonts"),
        PureWindowsPath(r"C:\Users\编辑\AppData\Local\Microsoft\Windows\Fonts"),
    ]
    assert places.font_dirs("win32", {}, WIN_HOME)[0] == PureWindowsPath(r"C:\Windows\Fonts")
    home = PurePosixPath("/home/编辑")
    linux = places.font_dirs("linux", {"XDG_DATA_HOME": "/data/编辑"}, home)
    assert PurePosixPath("/usr/share/fonts") in linux
    assert PurePosixPath("/data/编辑/fonts") in linux and home / ".fonts" in linux
    assert home / ".local/share/fonts" in places.font_dirs("linux", {}, home)
    assert home / "Library/Fonts" in places.font_dirs("darwin", {}, home)


def test_issue_file_names_any_case():
    assert places.is_issue_name("第16期.lld") and places.is_issue_name("第16期.LLD")
    assert places.is_issue_name("issue.JSON")
    assert not places.is_issue_name("draft.docx") and not places.is_issue_name("lld")


def test_programs_started_from_the_bundle_get_the_system_library_path():
    b = "/opt/lianluo-desk/_internal"
    bundled = {
        "LD_LIBRARY_PATH": b,
        "QT_PLUGIN_PATH": f"{b}/PySide6/Qt/plugins",
        "_PYI_ARCHIVE_FILE": "/opt/lianluo-desk/lianluo-desk",
        "HOME": "/h",
    }
    assert places.outside_env(bundled, bundle=b) == {"HOME": "/h"}
    kept = {**bundled, "LD_LIBRARY_PATH_ORIG": "/usr/local/lib"}
    assert places.outside_env(kept, bundle=b)["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert places.outside_env(bundled) == bundled  # from the source tree: nothing to undo
