"""Autosave, one file per running session: the file is locked while its session lives
(QLockFile: a dead process's lock is stale), so no session ever writes over another's,
and a start finds every file whose session died without saving — titled or untitled."""

from __future__ import annotations

import datetime as _dt
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile

from ..fsutil import atomic_write_text
from ..model.issue import Issue
from ..model.store import dumps, issue_from_dict


@dataclass
class Orphan:
    """An autosave left by a session that ended without saving."""

    file: Path
    path: str  # the issue file it belongs to; "" for an untitled issue
    saved: float
    data: dict[str, Any]

    def issue(self) -> Issue:
        return issue_from_dict(self.data["issue"], str(self.file))

    def describe(self) -> str:
        when = _dt.datetime.fromtimestamp(self.saved).strftime("%Y-%m-%d %H:%M:%S")
        m = self.data.get("issue", {}).get("masthead", {})
        what = Path(self.path).name if self.path else "未命名的一期"
        number = f"第{m.get('number', '?')}期" if m else ""
        n = len(self.data.get("issue", {}).get("articles", []))
        return f"{what}（{number}，{n} 篇文章），{when} 自动保存"


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    return lock


class AutosaveSession:
    """This session's autosave file and the lock that marks it as in use."""

    def __init__(self, library: Path) -> None:
        self.folder = Path(library) / "autosave"
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.id = f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = self.folder / f"{self.id}.json"
        self.lock = _lock(self.folder / f"{self.id}.lock")
        self.lock.tryLock(0)

    def write(self, issue: Issue, path: Path | None) -> None:
        meta = {
            "path": str(path) if path else "",
            "saved": time.time(),
            "issue": json.loads(dumps(issue)),
        }
        atomic_write_text(self.file, json.dumps(meta, ensure_ascii=False))

    def drop(self) -> None:
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        self.drop()
        self.lock.unlock()

    def orphans(self) -> list[Orphan]:
        """Autosaves of sessions that are gone, newest first (this session's excluded)."""
        found: list[Orphan] = []
        for f in self.folder.glob("*.json"):
            if f == self.file:
                continue
            lock = _lock(f.with_suffix(".lock"))
            if not lock.tryLock(0):
                continue  # its session is still running
            lock.unlock()
            try:
                data = json.loads(f.read_text("utf-8"))
                found.append(Orphan(f, str(data.get("path", "")), float(data["saved"]), data))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # half a file from a crash mid-write: atomic writes make it rare
        return sorted(found, key=lambda o: -o.saved)
