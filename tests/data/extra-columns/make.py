#!/usr/bin/env python3
"""Table 3 with a column the template lacks, through real tools.

Some reports add a column to table 3: the subtotal of the 法人或其他组织 columns (`小计`) after
其他 or before 商业企业, a breakdown (`其中：网上申请`) before 商业企业, or a column of notes
(`备注`) after the last; or it leaves one of the form's columns out (其他). The html-spans rendering of two real gold files gets each column
(``with_column``, ``with_notes``); the page goes to PDF through LibreOffice (Writer/Web)
and Chromium, and the LibreOffice PDF through `pdftotext` (plain, no -layout; the notes page's
Chromium PDF too, and both its PDFs through `pdftotext -layout`); the page also
through pandoc (GFM), html2text, w3m, ELinks, Lynx and markitdown. Each file is written beside its gold (the source gold's
tables, nulls dropped, the metadata the page shows). Tools: those of tests/data/layouts/make.py.

Usage, from the repository root: ``python tests/data/extra-columns/make.py``
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "layouts"))

import make as layouts  # noqa: E402

from gongkai import _render  # noqa: E402

GOLDS = ("pingtan-syq-2023", "shanghai-bgt-2019")

#: The columns: name → (header, before 商业企业 rather than after 其他, the value from the row's
#: seven values).
COLUMNS = {
    "subtotal": ("小计", False, lambda v: sum(v[1:6])),
    "subtotal-first": ("小计", True, lambda v: sum(v[1:6])),
    "online": ("其中：网上申请", True, lambda v: v[6] // 2),
}


def _edit_table3(page: str, edit) -> str:
    """`page` (html-spans) with each row of table 3 replaced by `edit(row, cells)`, `cells` the
    row's `<td>` matches (`None` keeps the row)."""

    def table(m: re.Match) -> str:
        t = m.group(0)
        if "申请人情况" not in t:
            return t
        for r in re.findall(r"<tr.*?</tr>", t, flags=re.S):
            new = edit(r, list(re.finditer(r"<td[^>]*>(.*?)</td>", r, flags=re.S)))
            if new is not None:
                t = t.replace(r, new, 1)
        return t

    return re.sub(r"<table.*?</table>", table, page, flags=re.S)


def _is_values(cells: list) -> bool:
    """A data row: its last seven cells print numbers or nothing."""
    return len(cells) >= 8 and all(re.fullmatch(r"\d*", c.group(1)) for c in cells[-7:])


def with_column(page: str, label: str, first: bool, value) -> str:
    """`page` (html-spans) with a column table 3 lacks, headed `label` under 法人或其他组织:
    after 其他 or, `first`, before 商业企业; `value(values)` in each data row, from the row's
    seven values."""

    def edit(r: str, cells: list) -> str | None:
        if "申请人情况" in r or "法人或其他组织" in r:
            return r.replace('colspan="7">申请人情况', 'colspan="8">申请人情况').replace(
                'colspan="5">法人或其他组织', 'colspan="6">法人或其他组织'
            )
        if "商业企业" in r:
            at = cells[0].start() if first else cells[-1].end()
            return r[:at] + f"<td>{label}</td>" + r[at:]
        if _is_values(cells):
            values = [int(c.group(1) or 0) for c in cells[-7:]]
            at = cells[-6].start() if first else cells[-1].start()
            return r[:at] + f"<td>{value(values)}</td>" + r[at:]
        return None

    return _edit_table3(page, edit)


#: Table 3's columns, in order.
T3_HEADERS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def without_column(page: str, label: str) -> str:
    """`page` (html-spans) with table 3's column `label` (one of `T3_HEADERS`) left out."""
    at = T3_HEADERS.index(label) - 7

    def edit(r: str, cells: list) -> str:
        header = [c for c in cells if c.group(1) == label]
        if header:
            r = r[: header[0].start()] + r[header[0].end() :]
        elif _is_values(cells):
            r = r[: cells[at].start()] + r[cells[at].end() :]
        r = r.replace('colspan="7">申请人情况', 'colspan="6">申请人情况')
        if label not in ("自然人", "总计"):
            r = r.replace('colspan="5">法人或其他组织', 'colspan="4">法人或其他组织')
        return r

    return _edit_table3(page, edit)


def with_notes(page: str, named: bool, note) -> str:
    """`page` (html-spans) with a column of notes after table 3's last: headed `备注` over the
    header rows (`named`) or left blank there, and `note(i)` in data row `i`."""

    def table(m: re.Match) -> str:
        t = m.group(0)
        if "申请人情况" not in t:
            return t
        rows = re.findall(r"<tr.*?</tr>", t, flags=re.S)
        heads = next(i for i, r in enumerate(rows) if "新收" in r)
        for i, r in enumerate(rows):
            if i == 0:
                cell = f'<td rowspan="{heads}">{"备注" if named else ""}</td>'
            else:
                cell = "" if i < heads else f"<td>{note(i)}</td>"
            t = t.replace(r, r[: r.rindex("</tr>")] + cell + "</tr>", 1)
        return t

    return re.sub(r"<table.*?</table>", table, page, flags=re.S)


#: The pages: name → (how the page is changed, what the change is).
PAGES = {
    **{
        name: (lambda page, c=column: with_column(page, *c), f"a column {column[0]} in table 3")
        for name, column in COLUMNS.items()
    },
    "notes": (
        lambda page: with_notes(page, True, lambda i: "无" if i % 2 else "含转办2件"),
        "a column of notes 备注 after table 3's last",
    ),
    "no-other": (lambda page: without_column(page, "其他"), "table 3 without its column 其他"),
}


#: The pages whose PDFs also go through `pdftotext -layout`, and whose Chromium PDF also
#: through `pdftotext` (a column of notes wraps, moving the rows' text out of order).
LAYOUT_TEXT = ("no-other", "notes")
CHROMIUM_TEXT = ("notes",)

# (html2text prints a table's rows without their outer pipes: a header row of two cells holds
# one. Lynx and markitdown flatten the header's spans: only a subtotal's word and the arithmetic
# say where the column stands.)
PAGE_TOOLS = {k: layouts.HTML_TOOLS[k] for k in ("pandoc-gfm", "html2text", "w3m", "elinks", "lynx", "markitdown")}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for slug in GOLDS:
            path = layouts.REAL / f"{slug}.gold.json"
            gold = json.loads(path.read_text(encoding="utf-8"))
            page = _render.render(gold, "html-spans").decode("utf-8")
            for name, (change, change_what) in PAGES.items():
                what = f"html-spans with {change_what}"
                html = change(page).encode("utf-8")
                stem = f"{slug}.{name}"
                lo, ch = layouts.page_through_tools(html, stem, HERE, tmp, gold, path, what, PAGE_TOOLS)
                raw = HERE / f"{stem}.libreoffice.pdftotext.txt"
                layouts.write(
                    raw,
                    layouts.pdftotext(lo, layout=False),
                    layouts.derived_gold(gold, path, raw, f"{what} → LibreOffice PDF → pdftotext", classic=True),
                )
                if name in CHROMIUM_TEXT:
                    out = HERE / f"{stem}.chromium.pdftotext.txt"
                    layouts.write(
                        out,
                        layouts.pdftotext(ch, layout=False),
                        layouts.derived_gold(gold, path, out, f"{what} → Chromium PDF → pdftotext", classic=True),
                    )
                if name in LAYOUT_TEXT:
                    for pdf, maker in ((lo, "LibreOffice"), (ch, "Chromium")):
                        out = pdf.with_suffix(".pdftotext-layout.txt")
                        how = f"{what} → {maker} PDF → pdftotext -layout"
                        layouts.write(
                            out,
                            layouts.pdftotext(pdf, layout=True),
                            layouts.derived_gold(gold, path, out, how, classic=True),
                        )


if __name__ == "__main__":
    main()
