"""A private CUPS server for a test: its own configuration, spool and socket in a
temporary folder, one queue on Debian's CUPS-PDF backend (cups + printer-driver-cups-pdf,
installed by scripts/setup.sh). CUPS-PDF writes what it is sent to the PDF folder of the
job's user (cups-pdf.conf: ``Out ${HOME}/PDF``, the home of the password database)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "LLD-PDF"


def pdf_folder() -> Path:
    """Where CUPS-PDF puts the jobs of this user."""
    return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"


@contextmanager
def cups_pdf_queue() -> Iterator[dict[str, str]]:
    """Run cupsd with the ``QUEUE`` in a temporary folder that its filters, running as
    the ``lp`` user, can enter (pytest's folders are the test user's only); yields the
    environment that points CUPS clients (lp, Qt's print support) at it."""
    folder = Path(tempfile.mkdtemp(prefix="lld-cups-"))
    folder.chmod(0o755)
    for need in ("cupsd", "lpadmin", "lpstat"):
        assert shutil.which(need), f"{need} missing: run scripts/setup.sh (cups)"
    assert PPD.is_file(), "printer-driver-cups-pdf missing: run scripts/setup.sh"
    assert os.getuid() == 0, "cupsd runs the CUPS-PDF backend as root: run as root"
    for sub in ("spool", "tmp", "cache", "state", "log", "ppd"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for sub in ("spool", "tmp"):
        (folder / sub).chmod(0o1777)
    sock = folder / "cups.sock"
    (folder / "cups-files.conf").write_text(
        f"ServerRoot {folder}\nRequestRoot {folder}/spool\nTempDir {folder}/tmp\n"
        f"CacheDir {folder}/cache\nStateDir {folder}/state\nPrintcap {folder}/printcap\n"
        f"AccessLog {folder}/log/access_log\nErrorLog {folder}/log/error_log\n"
        f"PageLog {folder}/log/page_log\nUser lp\nGroup lp\nSystemGroup root\n"
    )
    (folder / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel info\nBrowsing No\nWebInterface No\n"
        "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    env = dict(os.environ, CUPS_SERVER=str(sock))
    daemon = subprocess.Popen(
        ["cupsd", "-f", "-c", str(folder / "cupsd.conf"), "-s", str(folder / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not sock.exists():
            assert daemon.poll() is None, daemon.stderr.read() if daemon.stderr else ""
            assert time.monotonic() < deadline, "cupsd did not start"
            time.sleep(0.1)
        r = subprocess.run(
            ["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(PPD)],
            env=env,
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stderr
        yield env
    finally:
        daemon.terminate()
        daemon.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def wait_for_output(token: str, env: dict[str, str], timeout: float = 90) -> Path:
    """The PDF CUPS-PDF made of the job titled ``token`` once the queue is idle."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = subprocess.run(
            ["lpstat", "-o", QUEUE], env=env, capture_output=True, text=True
        ).stdout.strip()
        found = sorted(pdf_folder().glob(f"{token}*.pdf"))
        if found and not pending:
            return found[0]
        time.sleep(0.3)
    log = Path(env["CUPS_SERVER"]).parent / "log" / "error_log"
    raise AssertionError(f"no output from CUPS-PDF:\n{log.read_text()[-2000:]}")
