"""Findings only a person can judge (an unmatched bracket: where does its mate go?) are
confirmed by the editor as they stand, and then no longer stop publication. A
confirmation names the finding by its rule, its text and the words around it — not by
its place, which moves when articles are reordered — and keeps the date it was made."""

from __future__ import annotations

import datetime as _dt

from ..model.issue import Issue
from . import RULES, Finding, check


def needs_judgement(f: Finding) -> bool:
    """An error with no automatic fix: the editor decides."""
    return f.severity == "error" and f.fix is None


def _key(f: Finding) -> tuple[str, str, str]:
    return f.rule, f.text, f.context


def is_confirmed(issue: Issue, f: Finding) -> bool:
    keys = {(c.get("rule", ""), c.get("text", ""), c.get("context", "")) for c in issue.confirmed}
    return _key(f) in keys


def confirm(issue: Issue, findings: list[Finding], date: _dt.date) -> int:
    """Record the editor's confirmation of ``findings`` (those needing judgement);
    returns how many were newly confirmed."""
    done = 0
    for f in findings:
        if not needs_judgement(f) or is_confirmed(issue, f):
            continue
        issue.confirmed.append(
            {
                "rule": f.rule,
                "text": f.text,
                "context": f.context,
                "where": f.where(),
                "label": RULES[f.rule][2],
                "date": date.isoformat(),
            }
        )
        done += 1
    return done


def blocking(issue: Issue, findings: list[Finding] | None = None) -> list[Finding]:
    """The errors that stop publication: those with a fix not yet made, and those
    needing judgement that the editor has not confirmed."""
    found = check(issue) if findings is None else findings
    return [f for f in found if f.severity == "error" and not is_confirmed(issue, f)]
