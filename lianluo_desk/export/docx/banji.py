"""The 版记: a frame anchored to the bottom of the last page's text area, thick / thin /
thick rules as paragraph borders, set as the layout set it: each recipient group a
paragraph aligned after 送：, 责任编辑 and 联系方式 on one row where the layout put them on
one, the compressed marks carried."""

from __future__ import annotations

from typing import Any

from ...layout.engine import _align_name
from ...model.issue import Issue
from ...template import Template
from .text import Carried, add_text
from .xml import PPR_ORDER, eighths, el, put, twips


def banji(d: Any, t: Template, issue: Issue, carried: Carried) -> None:
    f = issue.footer
    lab = t.labels
    g = t.geometry
    st = t.styles["footer"]
    cell = st.size * g.cell / t.styles["body"].size
    inset = t.rhythm.get("footer_indent", 1) * cell
    label = lab["distribution"]
    first = carried.squeezed.get(("footer", -2, 0), {})
    label_w = sum(cell - first.get(k, 0.0) for k in range(len(label)))
    rows: list[tuple[str, dict[str, Any]]] = []
    for i, grp in enumerate(f.distribution):
        rows.append(((label if i == 0 else "") + grp.text,
                     {"key": ("footer", -2, i), "hanging": label_w if i == 0 else 0,
                      "left": label_w if i else 0}))
    names = "\u3000".join(_align_name(n) for n in f.editors)
    left = f"{lab['editors']}{names}" if f.editors else ""
    right = f"{lab['contact']}{f.contact}" if f.contact else ""
    row = next((ln for ln in carried.footer
                if left and right and ln.text.startswith(left) and right in ln.text), None)
    if row is not None:
        full = row.x0 < g.left + inset / 2
        rows.append((f"{left}\t{right}", {"key": ("footer",) + row.block, "thin": True,
                                          "tab": True, "full": full}))
    else:
        rows += [(x, {"thin": k == 0}) for k, x in enumerate(y for y in (left, right) if y)]
    if f.approval:
        rows.append((lab["approval"] + f.approval, {}))
    thick = eighths(t, "footer_thick_rule", "0.35mm")
    thin = eighths(t, "footer_thin_rule", "0.25mm")
    for k, (text, opts) in enumerate(rows):
        p = d.add_paragraph(style=d.styles["版记"])
        add_text(p, t, "footer", text, carried.squeezed.get(opts.get("key"), {}))
        ppr = p._p.get_or_add_pPr()
        put(ppr, el("w:framePr", w=twips(g.text_width), wrap="notBeside", vAnchor="margin",
                    hAnchor="margin", yAlign="bottom", xAlign="left"), PPR_ORDER)
        bdr = el("w:pBdr")
        if k == 0:
            bdr.append(el("w:top", val="single", sz=thick, space="1", color="000000"))
        if opts.get("thin"):
            bdr.append(el("w:top", val="single", sz=thin, space="1", color="000000"))
        if k == len(rows) - 1:
            bdr.append(el("w:bottom", val="single", sz=thick, space="1", color="000000"))
        if len(bdr):
            put(ppr, bdr, PPR_ORDER)
        pad = 0.0 if opts.get("full") else inset
        if opts.get("tab"):
            tabs = el("w:tabs")
            tabs.append(el("w:tab", val="right", pos=twips(g.text_width - 2 * pad)))
            put(ppr, tabs, PPR_ORDER)
        ind: dict[str, str] = {"left": twips(pad + opts.get("left", 0)), "right": twips(pad)}
        if opts.get("hanging"):
            ind["left"] = twips(pad + opts["hanging"])
            ind["hanging"] = twips(opts["hanging"])
        put(ppr, el("w:ind", **ind), PPR_ORDER)
