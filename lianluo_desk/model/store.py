"""The issue file: one UTF-8 JSON document with a schema version, written atomically.

JSON is chosen over TOML because article text is long and multi-line: JSON keeps it on
one readable line per paragraph, the standard library reads and writes it, and a diff of
two issue files shows paragraph-level changes.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from ..fsutil import atomic_write_text
from .assets import check_images
from .issue import Article, Banji, Block, BlockKind, DistributionGroup, Issue, Masthead

if TYPE_CHECKING:
    from .table import Table

# 2: table blocks ("kind": "table" with a "table" object, see model/table.py);
# optional "comments" on an article and the issue, and the issue's "confirmed" 校对
# findings, need no new schema: absent, none; nor does a table row's optional
# "cant_split" (absent: the row may break over pages)
SCHEMA = 2
KIND = "lianluo-desk/issue"


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 had no tables: its blocks are valid in schema 2 as they are; the file
    is written as schema 2 when next saved."""
    return {**data, "schema": 2}


MIGRATIONS = {1: _v1_to_v2}  # schema → step to the next one


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    m, f = issue.masthead, issue.banji
    return {
        "kind": KIND,
        "schema": SCHEMA,
        "template": issue.template,
        "masthead": {
            "title": m.title,
            "pinyin": m.pinyin,
            "number": m.number,
            "cumulative": m.cumulative,
            "issuer": m.issuer,
            "date": m.date.isoformat(),
            "supplement": m.supplement,
        },
        "note": issue.note,
        **({"comments": _comments_to_list(issue.comments)} if issue.comments else {}),
        **({"published": dict(issue.published)} if issue.published else {}),
        **({"confirmed": _comments_to_list(issue.confirmed)} if issue.confirmed else {}),
        "articles": [_article_to_dict(a) for a in issue.articles],
        "footer": {
            "preset": f.preset,
            "distribution": [g.text for g in f.distribution],
            "editors": list(f.editors),
            "contact": f.contact,
            "approval": f.approval,
        },
    }


def _article_to_dict(a: Article) -> dict[str, Any]:
    blocks = []
    for b in a.blocks:
        d: dict[str, Any] = {"kind": b.kind.value}
        if b.kind is BlockKind.IMAGE:
            d.update(path=b.path, caption=b.caption)
        elif b.kind is BlockKind.TABLE and b.table is not None:
            from .table import table_to_dict

            d["table"] = table_to_dict(b.table)
        else:
            d["text"] = b.text
        if b.level:
            d["level"] = b.level
        if b.runin:
            d["runin"] = b.runin
        if b.comments:
            d["comments"] = _comments_to_list(b.comments)
        blocks.append(d)
    out: dict[str, Any] = {"title": list(a.title)}
    if a.subtitle:
        out["subtitle"] = a.subtitle
    if a.note:
        out["note"] = a.note
    if a.source:
        out["source"] = a.source
    if a.comments:
        out["comments"] = _comments_to_list(a.comments)
    out["blocks"] = blocks
    return out


def _comments_to_list(comments: list[dict[str, str]]) -> list[dict[str, str]]:
    return [dict(c) for c in comments]


def _comments_from(value: Any) -> list[dict[str, str]]:
    """Comments as stored; absent in files written before they were kept there."""
    return [
        {str(k): str(v) for k, v in c.items()}
        for c in (value if isinstance(value, list) else [])
        if isinstance(c, dict)
    ]


def _table_of(block: dict[str, Any]) -> Table | None:
    """The table of a table block: model.table (a dozen classes to make) is imported
    for the issues that have one."""
    if block["kind"] != "table":
        return None
    from .table import table_from_dict

    return table_from_dict(block["table"])


def issue_from_dict(data: dict[str, Any], origin: str = "") -> Issue:
    where = origin or "issue"
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise UserError("issue.not_ours", where=where)
    schema = data.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise UserError("issue.damaged", where=where, detail=f"schema {schema!r}")
    if schema > SCHEMA:
        raise UserError("issue.newer", where=where, schema=schema, supported=SCHEMA)
    while schema < SCHEMA:
        data = MIGRATIONS[schema](data)
        schema = data["schema"]
    try:
        m = data["masthead"]
        masthead = Masthead(
            title=str(m["title"]),
            pinyin=str(m.get("pinyin", "")),
            number=int(m["number"]),
            cumulative=int(m["cumulative"]),
            issuer=str(m.get("issuer", "")),
            date=_dt.date.fromisoformat(m["date"]),
            supplement=bool(m.get("supplement")),
        )
        articles = []
        for a in data.get("articles", []):
            blocks = []
            for b in a.get("blocks", []):
                blocks.append(
                    Block(
                        kind=BlockKind(b["kind"]),
                        text=str(b.get("text", "")),
                        level=int(b.get("level", 0)),
                        runin=str(b.get("runin", "")),
                        path=str(b.get("path", "")),
                        caption=str(b.get("caption", "")),
                        comments=_comments_from(b.get("comments")),
                        table=_table_of(b),
                    )
                )
            title = a.get("title", [])
            articles.append(
                Article(
                    title=[str(t) for t in (title if isinstance(title, list) else [title])],
                    subtitle=str(a.get("subtitle", "")),
                    note=str(a.get("note", "")),
                    blocks=blocks,
                    source=str(a.get("source", "")),
                    comments=_comments_from(a.get("comments")),
                )
            )
        f = data.get("footer", {})
        footer = Banji(
            distribution=[DistributionGroup(str(t)) for t in f.get("distribution", [])],
            editors=[str(e) for e in f.get("editors", [])],
            contact=str(f.get("contact", "")),
            approval=str(f.get("approval", "")),
            preset=str(f.get("preset", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(
            "issue.damaged", where=where, detail=f"{type(exc).__name__}: {exc}"
        ) from exc
    published = data.get("published") or {}
    if not isinstance(published, dict):
        raise UserError("issue.damaged", where=where, detail="published is not a table")
    return Issue(
        masthead=masthead,
        note=str(data.get("note", "")),
        comments=_comments_from(data.get("comments")),
        articles=articles,
        banji=footer,
        template=str(data.get("template", "lianluo-dongtai")),
        published=published,
        confirmed=_comments_from(data.get("confirmed")),
    )


def dumps(issue: Issue) -> str:
    return json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=1) + "\n"


def save_issue(issue: Issue, path: str | Path) -> None:
    atomic_write_text(Path(path), dumps(issue))


def load_issue(path: str | Path) -> Issue:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise UserError("issue.missing", where=p) from None
    except OSError as exc:
        raise UserError("fs.cannot_read", where=p, detail=exc.strerror) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError("issue.unreadable", where=p, detail=exc) from None
    issue = issue_from_dict(data, str(p))
    check_images(issue, p.parent, str(p))
    issue.origin = str(p)
    return issue
