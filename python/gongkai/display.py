"""Reports drawn for people: `Report._repr_html_` (Jupyter) and the terminal grids of `gongkai show`.

Tables 2–4 are drawn in the official layout (docs/tables.md): table 2's
第二十条第（X）项 caption blocks, table 3's three header rows (申请人情况 over
seven columns, 法人或其他组织 over five) and its three-column label area
(三、本年度办理结果 spanning the result rows, （三）（四）（五） and, in 2021,
（六） spanning their items), table 4's 行政复议 / 行政诉讼 headers.

Cells named in an error or warning issue carry ``class="gk-fail"`` (plus
``gk-error`` / ``gk-warning``) and a ``title`` listing the issue codes; cells
placed by the template arithmetic carry ``gk-inferred``; blank cells are
empty. Every cell has ``data-cell="table.row.col"``. Cells of one row that
could not be placed (``TABLE_UNREADABLE``: one run of digits that more than one
split fits) are drawn as one cell spanning their columns, with the run printed
once; it carries ``data-cells`` listing every cell it stands for. All text is
escaped. No third-party imports.

The terminal grids measure characters as a terminal draws them: East Asian wide
characters take two columns, and the *ambiguous* ones (“ ” — … ·) take
`AMBIGUOUS_WIDTH` columns: 2 by default, as CJK terminals draw them; set it to 1
(or ``GONGKAI_AMBIGUOUS_WIDTH=1``, or ``gongkai show --ambiguous-width 1``) for a
terminal that draws them narrow.
"""

from __future__ import annotations

import html
import os
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._schema import (
    PROACTIVE_BLOCKS,
    PROACTIVE_ITEM_HEADER,
    REQUESTS_CATEGORY,
    REQUESTS_COL_LABELS,
    REQUESTS_COLS,
    REQUESTS_HEADER,
    REQUESTS_LABELS,
    REQUESTS_NOTE,
    REQUESTS_ORG_HEADER,
    REQUESTS_RESULTS,
    REQUESTS_ROWS_2019,
    REQUESTS_ROWS_2021,
    REQUESTS_TOP,
    REVIEW_COL_LABELS,
    REVIEW_COLS,
    REVIEW_GROUP_HEADERS,
    REVIEW_GROUP_LABELS,
    REVIEW_GROUPS,
    REVIEW_HEADERS,
    TABLE_TITLES,
    requests_groups,
)

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

__all__ = ["report_html", "report_text", "tables_text"]

# The layouts are the official forms' (`gongkai.template()`, through `_schema`); what is
# drawn here is only where each printed label goes.

#: Table 2 columns only the 2021 form has, and table 3 rows only the 2021 form has: a table
#: without a format says it is a 2021 one by holding one of them.
_T2_COLS_2021 = {c for _cap, heads, _items in PROACTIVE_BLOCKS["2021"] for _h, c, _s in heads} - {
    c for _cap, heads, _items in PROACTIVE_BLOCKS["2019"] for _h, c, _s in heads
}
_T3_ROWS_2021 = tuple(r for r in REQUESTS_ROWS_2021 if r not in REQUESTS_ROWS_2019)

CSS = """<style>
.gk-report{font-family:sans-serif;font-size:13px;line-height:1.35}
.gk-report h3{margin:.2em 0 .3em 0;font-size:15px}
.gk-report h4{margin:.8em 0 .2em 0;font-size:13px}
.gk-report .gk-meta{color:#444;margin:0 0 .4em 0}
.gk-report table.gk-table{border-collapse:collapse;margin:.2em 0 .6em 0}
.gk-report table.gk-table th,.gk-report table.gk-table td{border:1px solid #999;padding:2px 6px;text-align:center;vertical-align:middle}
.gk-report table.gk-table th{background:#f3f3f3;font-weight:normal;white-space:nowrap}
.gk-report table.gk-table th.gk-wrap{white-space:normal;max-width:22em}
.gk-report table.gk-table th.gk-note{width:14em;font-size:12px}
.gk-report table.gk-table th.gk-label{text-align:left}
.gk-report td.gk-fail{background:#fdd;color:#900;font-weight:bold;outline:2px solid #d33}
.gk-report td.gk-inferred{font-style:italic;text-decoration:underline dotted}
.gk-report td.gk-text,.gk-report td.gk-na{color:#666}
.gk-report td.gk-missing{background:#eee}
.gk-report ul.gk-issues li.gk-error{color:#900}
.gk-report ul.gk-issues li.gk-warning{color:#850}
</style>"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _fmt_number(value: Any) -> str:
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


def cell_text(cell: Mapping[str, Any] | None) -> str:
    """What a cell shows: blank → empty, otherwise the cell as printed (``251000元``), else its value."""
    if cell is None:
        return ""
    if cell.get("state") == "blank":
        return ""
    raw = (cell.get("raw") or "").strip()
    if raw:
        return raw
    return _fmt_number(cell["value"]) if cell.get("value") is not None else ""


def unreadable(cell: Mapping[str, Any] | None) -> bool:
    """A cell the parser found but could not place: no value, the row's raw run as its text."""
    return cell is not None and cell.get("value") is None and cell.get("state") == "text"


def _same_reading(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    return a is not None and b is not None and a.get("raw") == b.get("raw") and a.get("span") == b.get("span")


def issue_message(issue: Mapping[str, Any]) -> str:
    """An issue's message as the views print it."""
    return str(issue.get("message") or "")


def _flagged(report: Report) -> dict[str, list[tuple[str, str]]]:
    """Cell path → [(severity, code)] of the error and warning issues naming it."""
    out: dict[str, list[tuple[str, str]]] = {}
    for issue in report.issues:
        if issue.get("severity") not in ("error", "warning"):
            continue
        for path in issue.get("cells") or ():
            entry = out.setdefault(path, [])
            if (issue["severity"], issue["code"]) not in entry:
                entry.append((issue["severity"], issue["code"]))
    return out


class _Cells:
    """Reads one table's cells and renders them as ``<td>`` with classes and titles."""

    def __init__(self, report: Report, table_key: str, flagged: dict[str, list[tuple[str, str]]]):
        self.key = table_key
        tables: Mapping[str, Any] = report.tables
        self.table: Mapping[str, Any] = tables.get(table_key) or {}
        self.cells = self.table.get("cells") or {}
        self.flagged = flagged

    def get(self, row: str, col: str) -> Mapping[str, Any] | None:
        return (self.cells.get(row) or {}).get(col)

    def unreadable_runs(self, row: str, cols: Sequence[str]) -> list[list[str]]:
        """Runs of adjacent columns whose cells share one unplaced reading (`unreadable`)."""
        runs: list[list[str]] = []
        for col in cols:
            cell = self.get(row, col)
            if not unreadable(cell):
                continue
            prev = self.get(row, runs[-1][-1]) if runs else None
            if runs and list(cols).index(runs[-1][-1]) == list(cols).index(col) - 1 and _same_reading(prev, cell):
                runs[-1].append(col)
            else:
                runs.append([col])
        return [run for run in runs if len(run) > 1]

    def tds(self, row: str, cols: Sequence[tuple[str, int]]) -> str:
        """The ``<td>``s of one row (column key, colspan), an unreadable run drawn once."""
        keys = [c for c, _span in cols]
        runs = {run[0]: run for run in self.unreadable_runs(row, keys)}
        out = []
        i = 0
        while i < len(cols):
            col, colspan = cols[i]
            run = runs.get(col)
            if run:
                width = sum(span for _c, span in cols[i : i + len(run)])
                out.append(self.td(row, col, width, run=run))
                i += len(run)
            else:
                out.append(self.td(row, col, colspan))
                i += 1
        return "".join(out)

    def td(self, row: str, col: str, colspan: int = 1, run: Sequence[str] | None = None) -> str:
        path = f"{self.key}.{row}.{col}"
        cell = self.get(row, col)
        classes = []
        titles = []
        if cell is None:
            classes.append("gk-missing")
        else:
            state = cell.get("state")
            if state in ("blank", "na", "text"):
                classes.append(f"gk-{state}")
            if cell.get("inferred"):
                classes.append("gk-inferred")
                titles.append("inferred")
        paths = [f"{self.key}.{row}.{c}" for c in run] if run else [path]
        marks: list[tuple[str, str]] = []
        for p in paths:
            for mark in self.flagged.get(p) or ():
                if mark not in marks:
                    marks.append(mark)
        if marks:
            classes.append("gk-fail")
            classes.extend(sorted({f"gk-{sev}" for sev, _c in marks}))
            titles.insert(0, ", ".join(code for _s, code in marks))
        text = cell_text(cell)
        if run:
            classes.append("gk-unreadable")
            titles.append(f"one reading for {len(run)} cells that could not be placed")
            text = text or "?"
        attrs = [f'data-cell="{_e(path)}"']
        if run:
            attrs.append(f'data-cells="{_e(" ".join(paths))}"')
        if colspan > 1:
            attrs.append(f'colspan="{colspan}"')
        if classes:
            attrs.append(f'class="{_e(" ".join(classes))}"')
        if titles:
            attrs.append(f'title="{_e("; ".join(titles))}"')
        return f"<td {' '.join(attrs)}>{_e(text)}</td>"


def _th(text: str, rowspan: int = 1, colspan: int = 1, cls: str | None = None) -> str:
    attrs = []
    if rowspan > 1:
        attrs.append(f'rowspan="{rowspan}"')
    if colspan > 1:
        attrs.append(f'colspan="{colspan}"')
    if cls:
        attrs.append(f'class="{cls}"')
    return f"<th{''.join(' ' + a for a in attrs)}>{_e(text)}</th>"


def _extra_rows_html(table: Mapping[str, Any]) -> str:
    extra = table.get("extra_rows") or []
    if not extra:
        return ""
    items = "".join(
        f"<li>{_e(row.get('label'))}: {_e(' | '.join(cell_text(c) for c in row.get('cells') or []))}</li>" for row in extra
    )
    return f'<p>Rows beyond the template:</p><ul class="gk-extra">{items}</ul>'


def _t2_format(table: Mapping[str, Any]) -> str:
    fmt = table.get("format")
    if isinstance(fmt, str) and fmt in PROACTIVE_BLOCKS:
        return fmt
    cols = {c for row in (table.get("cells") or {}).values() for c in row}
    return "2021" if cols & _T2_COLS_2021 else "2019"


def proactive_html(report: Report, flagged: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """Table 2 in its caption-block layout (4 grid columns)."""
    table = report.tables.get("proactive")
    if not table:
        return ""
    cells = _Cells(report, "proactive", _flagged(report) if flagged is None else flagged)
    out = ['<table class="gk-table gk-proactive">']
    for caption, headers, items in PROACTIVE_BLOCKS[_t2_format(table)]:
        out.append(f'<tr>{_th(caption, colspan=4, cls="gk-caption")}</tr>')
        out.append("<tr>" + _th(PROACTIVE_ITEM_HEADER) + "".join(_th(h, colspan=span) for h, _c, span in headers) + "</tr>")
        for item, label in items:
            tds = cells.tds(item, [(col, span) for _h, col, span in headers])
            out.append(f'<tr>{_th(label, cls="gk-label")}{tds}</tr>')
    out.append("</table>")
    return "".join(out) + _extra_rows_html(table)


def _t3_rows(table: Mapping[str, Any]) -> tuple[list[str], dict[str, tuple[str, int]]]:
    fmt = table.get("format")
    cells = table.get("cells") or {}
    is_2021 = fmt == "2021" or (fmt != "2019" and any(k in cells for k in _T3_ROWS_2021))
    return (list(REQUESTS_ROWS_2021), requests_groups("2021")) if is_2021 else (list(REQUESTS_ROWS_2019), requests_groups("2019"))


def requests_html(report: Report, flagged: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """Table 3 with its three header rows and three-column label area."""
    table = report.tables.get("requests")
    if not table:
        return ""
    cells = _Cells(report, "requests", _flagged(report) if flagged is None else flagged)
    rows, groups = _t3_rows(table)
    results = [r for r in rows if r not in REQUESTS_TOP]
    cols = len(REQUESTS_COLS)
    out = [
        '<table class="gk-table gk-requests">',
        "<tr>" + _th(REQUESTS_NOTE, rowspan=3, colspan=3, cls="gk-wrap gk-note") + _th(REQUESTS_HEADER, colspan=cols)
        + "</tr>",
        "<tr>" + _th(REQUESTS_COL_LABELS[0], rowspan=2) + _th(REQUESTS_ORG_HEADER, colspan=cols - 2)
        + _th(REQUESTS_COL_LABELS[-1], rowspan=2) + "</tr>",
        "<tr>" + "".join(_th(label) for label in REQUESTS_COL_LABELS[1:-1]) + "</tr>",
    ]
    in_group = 0
    for row in rows:
        labels = ""
        label = REQUESTS_LABELS[row]
        if row in REQUESTS_TOP:
            labels = _th(label, colspan=3, cls="gk-label")
        else:
            if row == results[0]:
                labels += _th(REQUESTS_RESULTS, rowspan=len(results), cls="gk-label")
            if row in groups:
                category, span = groups[row]
                labels += _th(category, rowspan=span, cls="gk-label")
                in_group = span
            if in_group:
                labels += _th(label, cls="gk-label gk-wrap" if len(label) > 20 else "gk-label")
                in_group -= 1
            else:
                labels += _th(label, colspan=2, cls="gk-label gk-wrap" if len(label) > 20 else "gk-label")
        tds = cells.tds(row, [(col, 1) for col in REQUESTS_COLS])
        out.append(f'<tr data-row="{_e(row)}">{labels}{tds}</tr>')
    out.append("</table>")
    return "".join(out) + _extra_rows_html(table)


def review_html(report: Report, flagged: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """Table 4: 行政复议 (5 columns) and 行政诉讼 (10 columns) over one row of 15 numbers."""
    table = report.tables.get("review_litigation")
    if not table:
        return ""
    cells = _Cells(report, "review_litigation", _flagged(report) if flagged is None else flagged)
    n = len(REVIEW_COLS)
    # A group printed under a header of its own name (行政复议) has its columns straight under
    # it; the others (未经复议直接起诉, 复议后起诉 under 行政诉讼) a label row first.
    under = [g for g in REVIEW_GROUPS if REVIEW_GROUP_LABELS[g] != REVIEW_GROUP_HEADERS[g]]
    second = "".join(
        "".join(_th(label, rowspan=2) for label in REVIEW_COL_LABELS) if g not in under
        else _th(REVIEW_GROUP_LABELS[g], colspan=n)
        for g in REVIEW_GROUPS
    )
    heads = "".join(
        _th(h, colspan=n * sum(REVIEW_GROUP_HEADERS[g] == h for g in REVIEW_GROUPS)) for h in REVIEW_HEADERS
    )
    out = [
        '<table class="gk-table gk-review">',
        "<tr>" + heads + "</tr>",
        "<tr>" + second + "</tr>",
        "<tr>" + "".join(_th(label) for label in REVIEW_COL_LABELS * len(under)) + "</tr>",
        "<tr>" + "".join(cells.tds(group, [(col, 1) for col in REVIEW_COLS]) for group in REVIEW_GROUPS) + "</tr>",
        "</table>",
    ]
    return "".join(out) + _extra_rows_html(table)


def _header_html(report: Report) -> str:
    region: Mapping[str, Any] = report.region or {}
    place = " ".join(p for p in (region.get("province"), region.get("city"), region.get("county")) if p)
    meta = [
        ("year", report.year),
        ("agency", report.agency),
        ("kind", report.kind),
        ("template", report.template),
        ("level", report.admin_level),
        ("region", f"{place} ({region.get('code')})" if region else None),
        ("published", report.published),
        ("index number", report.index_number),
    ]
    parts = " · ".join(f"{_e(k)} <b>{_e(v)}</b>" for k, v in meta if v not in (None, ""))
    return f'<h3 class="gk-title">{_e(report.title or "(untitled document)")}</h3><div class="gk-meta">{parts}</div>'


def _issues_html(report: Report) -> str:
    if not report.issues:
        return '<p class="gk-ok">No issues.</p>'
    items = []
    for issue in report.issues:
        cells = f" <small>[{_e(', '.join(issue.get('cells') or []))}]</small>" if issue.get("cells") else ""
        items.append(
            f'<li class="gk-{_e(issue.get("severity"))}"><b>{_e(issue.get("severity"))} {_e(issue.get("code"))}</b>: '
            f"{_e(issue_message(issue))}{cells}</li>"
        )
    return f'<h4>Issues ({len(report.issues)})</h4><ul class="gk-issues">{"".join(items)}</ul>'


def _facts_html(report: Report) -> str:
    keyed = [f for f in report.facts if f.get("key")]
    if not keyed:
        return ""
    rows = "".join(
        f"<tr><td>{_e(f['key'])}</td><td>{_e(_fmt_number(f['value']))}{_e(f.get('unit') or '')}</td>"
        f"<td>{_e(report.evidence(f['span']))}</td></tr>"
        for f in keyed
    )
    return (
        f"<details><summary>Facts with canonical keys ({len(keyed)} of {len(report.facts)})</summary>"
        f'<table class="gk-table gk-facts"><tr><th>key</th><th>value</th><th>evidence</th></tr>{rows}</table></details>'
    )


def report_html(report: Report, *, css: bool = True) -> str:
    """The notebook view of a report: header, tables 2–4, the issues beneath."""
    flagged = _flagged(report)
    body = [_header_html(report)]
    drawn = False
    for key, draw in (("proactive", proactive_html), ("requests", requests_html), ("review_litigation", review_html)):
        table_html = draw(report, flagged)
        if table_html:
            drawn = True
            body.append(f"<h4>{_e(TABLE_TITLES[key])}</h4>{table_html}")
    if not drawn and not report.parts:
        body.append('<p class="gk-none">No statistical tables.</p>')
    body.append(_facts_html(report))
    body.append(_issues_html(report))
    for n, part in enumerate(report.parts, 1):
        body.append(f"<details><summary>Part {n}: {_e(part.title or part.kind)}</summary>{report_html(part, css=False)}</details>")
    return (CSS if css else "") + '<div class="gk-report">' + "".join(body) + "</div>"


# ---------------------------------------------------------------------------
# Terminal


def _ambiguous_from_env() -> int:
    value = os.environ.get("GONGKAI_AMBIGUOUS_WIDTH", "").strip()
    return 1 if value == "1" else 2


#: Columns a terminal gives East Asian *ambiguous* characters (“ ” ‘ ’ — … · ①):
#: 2 in CJK terminals (the default), 1 in most Western ones. ``GONGKAI_AMBIGUOUS_WIDTH=1``
#: sets it for a process; ``ambiguous_width=`` for one call.
AMBIGUOUS_WIDTH: int = _ambiguous_from_env()


def _ambiguous(value: int | None) -> int:
    width = AMBIGUOUS_WIDTH if value is None else value
    if width not in (1, 2):
        raise ValueError(f"ambiguous_width must be 1 or 2, not {width!r}")
    return width


def text_width(text: str, *, ambiguous_width: int | None = None) -> int:
    """Display columns of `text`: East Asian wide and full-width characters count 2,
    ambiguous ones `AMBIGUOUS_WIDTH` (or ``ambiguous_width``), combining marks 0."""
    amb = _ambiguous(ambiguous_width)
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        kind = unicodedata.east_asian_width(ch)
        width += 2 if kind in ("W", "F") else amb if kind == "A" else 1
    return width


def _clip(text: str, width: int, amb: int) -> str:
    if text_width(text, ambiguous_width=amb) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch, ambiguous_width=amb) > width - 2:
            break
        out += ch
    return out + ".."


def _pad(text: str, width: int, amb: int, right: bool = False) -> str:
    gap = " " * max(width - text_width(text, ambiguous_width=amb), 0)
    return gap + text if right else text + gap


def grid(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, label_width: int = 28, ambiguous_width: int | None = None
) -> str:
    """A plain-text table; the first column is a left-aligned label, the rest right-aligned."""
    amb = _ambiguous(ambiguous_width)
    rows = [[_clip(r[0], label_width, amb)] + list(r[1:]) for r in rows]
    header = [_clip(header[0], label_width, amb)] + list(header[1:])
    widths = [max(text_width(r[i], ambiguous_width=amb) for r in [header, *rows]) for i in range(len(header))]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_pad(c, widths[i], amb, right=i > 0) for i, c in enumerate(cells)) + " |"

    return "\n".join([rule, line(header), rule, *(line(r) for r in rows), rule])


#: What a grid shows for a cell the report does not have, and for cells that could not be placed.
NOT_READ = "-"
UNPLACED = "?"


def _mark(cells: _Cells, row: str, col: str) -> str:
    cell = cells.get(row, col)
    text = cell_text(cell)
    if cell is None:
        text = NOT_READ
    elif unreadable(cell):
        text = UNPLACED
    if cell is not None and cell.get("inferred"):
        text += "*"
    if f"{cells.key}.{row}.{col}" in cells.flagged:
        text += "!"
    return text


def _unplaced_lines(cells: _Cells, rows: Sequence[tuple[str, str, Sequence[str]]]) -> list[str]:
    """One line per row with cells that could not be placed: the row's label and its raw run, once."""
    out = []
    for row, label, cols in rows:
        cols = [c for c in cols if unreadable(cells.get(row, c))]
        if not cols:
            continue
        raw = (cells.get(row, cols[0]) or {}).get("raw") or ""
        what = f"read {raw!r} and could not split it" if raw.strip() else "found no numbers"
        out.append(f"  {UNPLACED} {label.strip()}: {what} ({len(cols)} cells)")
    return out


_T3_SHORT = {
    "new_received": "一、本年新收申请",
    "carried_over": "二、上年结转申请",
    "granted": "三（一）予以公开",
    "partially_granted": "三（二）部分公开",
    "other": "三（六）其他处理",
    "results_total": "三（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}


def _t3_short(row: str) -> str:
    """A row's label in the terminal grid: the rows above shortened, a numbered row after the
    ordinal of its category (（三）1.属于国家秘密)."""
    if row in _T3_SHORT:
        return _T3_SHORT[row]
    category = REQUESTS_CATEGORY[row] or ""
    prefix = category[: category.index("）") + 1] if "）" in category else ""
    return "  " + prefix + REQUESTS_LABELS[row]


def tables_text(report: Report, *, label_width: int = 28, ambiguous_width: int | None = None) -> str:
    """Tables 2–4 as text grids; ``!`` marks a cell named in an issue, ``*`` an inferred cell,
    ``?`` a cell that could not be placed (its row's raw run is printed once, under the grid)."""
    flagged = _flagged(report)
    blocks = []
    opts = {"label_width": label_width, "ambiguous_width": ambiguous_width}
    table = report.tables.get("proactive")
    if table:
        cells = _Cells(report, "proactive", flagged)
        parts = []
        for caption, headers, items in PROACTIVE_BLOCKS[_t2_format(table)]:
            head = [caption] + [h for h, _c, _s in headers]
            rows = [[label] + [_mark(cells, item, col) for _h, col, _s in headers] for item, label in items]
            parts.append(grid(head, rows, **opts))  # type: ignore[arg-type]
            parts.extend(_unplaced_lines(cells, [(item, label, [c for _h, c, _s in headers]) for item, label in items]))
        blocks.append(TABLE_TITLES["proactive"] + "\n" + "\n".join(parts))
    table = report.tables.get("requests")
    if table:
        cells = _Cells(report, "requests", flagged)
        rows_keys, _groups = _t3_rows(table)
        # Column headers clipped to four characters (社会公益组织 → 社会公益) to keep the grid narrow.
        head = ["", *(label[:4] for label in REQUESTS_COL_LABELS)]
        rows = [[_t3_short(r)] + [_mark(cells, r, c) for c in REQUESTS_COLS] for r in rows_keys]
        notes = _unplaced_lines(cells, [(r, _t3_short(r), REQUESTS_COLS) for r in rows_keys])
        blocks.append("\n".join([TABLE_TITLES["requests"], grid(head, rows, **opts), *notes]))  # type: ignore[arg-type]
    table = report.tables.get("review_litigation")
    if table:
        cells = _Cells(report, "review_litigation", flagged)
        rows = [[REVIEW_GROUP_LABELS[g]] + [_mark(cells, g, c) for c in REVIEW_COLS] for g in REVIEW_GROUPS]
        notes = _unplaced_lines(cells, [(g, REVIEW_GROUP_LABELS[g], REVIEW_COLS) for g in REVIEW_GROUPS])
        head4 = ["", *REVIEW_COL_LABELS]
        blocks.append("\n".join([TABLE_TITLES["review_litigation"], grid(head4, rows, **opts), *notes]))  # type: ignore[arg-type]
    if not blocks:
        return ""
    legend = (
        "! named in an error/warning issue   * placed by the template arithmetic   "
        f"{UNPLACED} could not be placed   (empty) blank in the document   {NOT_READ} not read"
    )
    return "\n\n".join(blocks) + "\n" + legend


def report_text(report: Report) -> str:
    """The tables of `tables_text` followed by the issues, one per line."""
    out = [tables_text(report)]
    for issue in report.issues:
        out.append(f"{issue['severity']:<8} {issue['code']:<20} {issue_message(issue)}")
    return "\n".join(s for s in out if s)
