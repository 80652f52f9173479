"""The archive of published issues: SQLite in the library folder.

Schema changes are migrations keyed by ``PRAGMA user_version``, each applied in one
transaction (calibre's way). WAL lets the app read while a publication writes; every
write is one transaction, so a crash leaves the archive as it was. Full-text search uses
FTS5's trigram tokenizer, which needs no word segmentation for Chinese.
"""

from __future__ import annotations

import builtins
import datetime as _dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import say
from ..errors import UserError
from ..model.issue import BlockKind, Issue
from ..model.store import issue_from_dict, issue_to_dict

DB_NAME = "archive.sqlite3"

MIGRATIONS: list[str] = [
    # 1: issues, their articles, full-text index, distribution presets
    """
    CREATE TABLE issues (
        id INTEGER PRIMARY KEY,
        series TEXT NOT NULL DEFAULT 'regular',      -- regular | supplement
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        cumulative INTEGER NOT NULL,
        date TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,                          -- the issue file (JSON)
        source TEXT NOT NULL DEFAULT '',             -- where it was imported from
        pdf_path TEXT NOT NULL DEFAULT '',
        pdf_sha256 TEXT NOT NULL DEFAULT '',
        published_at TEXT NOT NULL DEFAULT '',
        revision INTEGER NOT NULL DEFAULT 1,
        UNIQUE (series, year, number),
        UNIQUE (cumulative)
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        byline TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX articles_issue ON articles(issue_id);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='trigram'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        data TEXT NOT NULL,
        pdf_sha256 TEXT NOT NULL DEFAULT '',
        replaced_at TEXT NOT NULL
    );
    CREATE TABLE presets (
        name TEXT PRIMARY KEY,
        label TEXT NOT NULL DEFAULT '',
        groups TEXT NOT NULL                         -- JSON list of recipient groups
    );
    """,
]


@dataclass
class ArchivedIssue:
    id: int
    series: str
    year: int
    number: int
    cumulative: int
    date: _dt.date
    title: str
    source: str
    published: bool
    revision: int


class Archive:
    def __init__(self, library: Path) -> None:
        self.path = Path(library) / DB_NAME
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise UserError("archive.cannot_open", where=self.path, detail=exc) from None
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 30000")
        try:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise UserError("archive.damaged", where=self.path, detail=exc) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: writers queue here, so two publications never interleave."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise UserError("archive.newer", where=self.path, schema=version)
        for target in range(version + 1, len(MIGRATIONS) + 1):
            with self.transaction() as db:
                for statement in _statements(MIGRATIONS[target - 1]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    # -- writing ----------------------------------------------------------------------

    def add(
        self,
        issue: Issue,
        source: str = "",
        published_at: str = "",
        pdf_path: str = "",
        pdf_sha256: str = "",
        db: sqlite3.Connection | None = None,
    ) -> int:
        """Record an issue; refuses a number or cumulative number already there."""
        m = issue.masthead
        series = "supplement" if m.supplement else "regular"
        title = " / ".join(a.title_text for a in issue.articles if a.title)
        data = json.dumps(issue_to_dict(issue), ensure_ascii=False)

        def write(conn: sqlite3.Connection) -> int:
            clash = self.clash(conn, series, m.date.year, m.number, m.cumulative)
            if clash:
                raise UserError(clash)
            cur = conn.execute(
                "INSERT INTO issues (series, year, number, cumulative, date, title, data,"
                " source, pdf_path, pdf_sha256, published_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    series,
                    m.date.year,
                    m.number,
                    m.cumulative,
                    m.date.isoformat(),
                    title,
                    data,
                    source,
                    pdf_path,
                    pdf_sha256,
                    published_at,
                ),
            )
            issue_id = int(cur.lastrowid or 0)
            self._write_articles(conn, issue_id, issue)
            return issue_id

        if db is not None:
            return write(db)
        with self.transaction() as conn:
            return write(conn)

    def replace_issue(
        self,
        db: sqlite3.Connection,
        issue_id: int,
        issue: Issue,
        pdf: str,
        sha: str,
        at: str,
        revision: int,
    ) -> None:
        """The issue's row and its search entries become those of ``issue``."""
        db.execute(
            "UPDATE issues SET data=?, pdf_path=?, pdf_sha256=?, published_at=?,"
            " revision=?, title=? WHERE id=?",
            (
                json.dumps(issue_to_dict(issue), ensure_ascii=False),
                pdf,
                sha,
                at,
                revision,
                " / ".join(a.title_text for a in issue.articles if a.title),
                issue_id,
            ),
        )
        db.execute("DELETE FROM articles WHERE issue_id=?", (issue_id,))
        self._write_articles(db, issue_id, issue)

    @staticmethod
    def add_revision(
        db: sqlite3.Connection, issue_id: int, revision: int, data: str, sha: str, at: str
    ) -> None:
        """A revision a correction replaced (``data``: its issue file as JSON)."""
        db.execute(
            "INSERT INTO revisions (issue_id, revision, data, pdf_sha256, replaced_at)"
            " VALUES (?,?,?,?,?)",
            (issue_id, revision, data, sha, at),
        )

    @staticmethod
    def _write_articles(conn: sqlite3.Connection, issue_id: int, issue: Issue) -> None:
        for k, art in enumerate(issue.articles):
            text = "\n".join(
                b.all_text
                for b in art.blocks
                if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE)
            )
            byline = "".join(b.text for b in art.blocks if b.kind is BlockKind.BYLINE)
            conn.execute(
                "INSERT INTO articles (issue_id, idx, title, text, byline) VALUES (?,?,?,?,?)",
                (issue_id, k, art.title_text, (art.note + "\n" + text).strip(), byline),
            )

    @staticmethod
    def clash(
        conn: sqlite3.Connection,
        series: str,
        year: int,
        number: int,
        cumulative: int,
        exclude: int = -1,
    ) -> str:
        row = conn.execute(
            "SELECT date FROM issues WHERE series=? AND year=? AND number=? AND id<>?",
            (series, year, number, exclude),
        ).fetchone()
        if row:
            return say("numbers.number_used", year=year, number=number, date=row[0])
        row = conn.execute(
            "SELECT year, number FROM issues WHERE cumulative=? AND id<>?", (cumulative, exclude)
        ).fetchone()
        if row:
            return say("numbers.cumulative_used", cumulative=cumulative, year=row[0], number=row[1])
        return ""

    # -- reading ----------------------------------------------------------------------

    def list(self, ids: list[int] | None = None) -> list[ArchivedIssue]:
        where = f" WHERE id IN ({','.join('?' * len(ids))})" if ids is not None else ""
        rows = self.db.execute(
            "SELECT id, series, year, number, cumulative, date, title, source, published_at,"
            f" revision FROM issues{where} ORDER BY cumulative",
            ids or [],
        ).fetchall()
        return [
            ArchivedIssue(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                _dt.date.fromisoformat(r[5]),
                r[6],
                r[7],
                bool(r[8]),
                r[9],
            )
            for r in rows
        ]

    def last(self) -> Issue | None:
        row = self.db.execute(
            "SELECT data FROM issues ORDER BY cumulative DESC, date DESC LIMIT 1"
        ).fetchone()
        return issue_from_dict(json.loads(row[0]), "archive") if row else None

    def get(self, issue_id: int) -> Issue:
        row = self.db.execute("SELECT data FROM issues WHERE id=?", (issue_id,)).fetchone()
        if not row:
            raise UserError("archive.no_issue", id=issue_id)
        return issue_from_dict(json.loads(row[0]), "archive")

    def search(self, text: str, limit: int = 50) -> builtins.list[tuple[ArchivedIssue, str, str]]:
        """(issue, article title, snippet) for articles containing ``text``."""
        text = text.strip()
        if not text:
            return []
        if len(text) >= 3:
            quoted = '"' + text.replace('"', '""') + '"'
            # newest first by the index's own rowid order, so only the rows shown are
            # joined and given a snippet
            rows = self.db.execute(
                "SELECT a.issue_id, a.title, snippet(articles_fts, 1, '【', '】', '…', 12)"
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT ?",
                (quoted, limit),
            ).fetchall()
        else:  # trigrams need three characters; two-character words use LIKE on the index
            like = f"%{text}%"
            rows = self.db.execute(
                "SELECT a.issue_id, a.title, substr(a.text, max(1, instr(a.text, ?) - 12), 30)"
                " FROM articles a WHERE a.title LIKE ? OR a.text LIKE ?"
                " ORDER BY a.id DESC LIMIT ?",
                (text, like, like, limit),
            ).fetchall()
        by_id = {i.id: i for i in self.list(sorted({r[0] for r in rows}))}
        return [(by_id[r[0]], r[1], r[2]) for r in rows if r[0] in by_id]

    def presets(self) -> dict[str, tuple[str, builtins.list[str]]]:
        return {
            r[0]: (r[1], json.loads(r[2]))
            for r in self.db.execute("SELECT name, label, groups FROM presets ORDER BY name")
        }

    def save_preset(self, name: str, label: str, groups: builtins.list[str]) -> None:
        """Saved in the database and in the library's presets file (its source)."""
        from .files import keep_presets

        with self.transaction() as db:
            db.execute(
                "INSERT INTO presets(name, label, groups) VALUES (?,?,?) ON CONFLICT"
                "(name) DO UPDATE SET label=excluded.label, groups=excluded.groups",
                (name, label, json.dumps(groups, ensure_ascii=False)),
            )
            keep_presets(self.path.parent, {**self.presets(), name: (label, groups)})


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers contain semicolons)."""
    out, cur = [], []
    for line in script.strip().splitlines():
        cur.append(line)
        joined = "\n".join(cur).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            cur = []
    if "\n".join(cur).strip():
        out.append("\n".join(cur))
    return out
