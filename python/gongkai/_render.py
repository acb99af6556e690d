"""Gold tables rendered the ways real pages print them (DOMAIN §3–§5, §8), for ``eval --renderings``.

Every rendering is generated from a ``*.gold.json`` (never from a parser reading)
and wrapped in a minimal report: the title 某某局{year}年政府信息公开工作年度报告 and
the six statutory headings, tables 2–4 under 二、三、四, one sentence under 一、五、六.
`render` returns the bytes a crawler would store.

Cell values: a gold number is printed as is (``251000元`` stays ``251000元``); a gold
``null`` (a value the gold could not read) cannot be printed as a number and is left
blank, and callers skip it in scoring. Gold 0 stands for "0 or blank" and each
rendering prints it the way its source kind does (see `RENDERINGS`).

The ten renderings of `CLASSIC` are the ones the parser read fully before issue 11. The
others print the layouts that issue lists (full-grid and extra-cell Markdown pipes, a table 3
split across two HTML tables, TAB-separated rows, PDF text with vanished blanks, pdftotext
``-layout`` columns, and one rendering per smaller variant); they title the report with the gold
agency and give sections 一、五、六 a few paragraphs (`_prose`). `source_format` says which
``source["format"]`` a reader should report for each.

Where blanks vanish (space-separated rows) a row is ambiguous by nature (``3`` ``3`` may be
自然人 + 总计 or 商业企业 + 总计, or 自然人 + 商业企业 with a blank 总计), so `unscored` lists
the cells that no placement fitting the table's arithmetic fixes, and ``eval`` does not score
them; a reader must leave those null, never guess them. One cell per line with the blank lines
dropped is not rendered (the Rust test ``pdf_rows_with_dropped_blanks_are_never_misplaced``
covers that shape).
"""

from __future__ import annotations

import html
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

from ._schema import (
    PROACTIVE_BLOCKS,
    PROACTIVE_ITEM_HEADER,
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
    Block,
    requests_groups,
)

__all__ = [
    "CLASSIC",
    "RENDERINGS",
    "extension",
    "render",
    "renderable",
    "source_format",
    "to_traditional",
    "unscored",
    "unscored_when_blanks_vanish",
]

#: Rendering name → what it is. Zeros: "0" = gold 0 printed as 0, "blank" = left empty.
RENDERINGS: dict[str, str] = {
    "html-spans": "UTF-8 HTML with the official rowspan/colspan layout; zeros as 0",
    "html-padded": "full grid without spans, spanned positions as empty <td>s; zeros as 0",
    "html-word": "Word export: uppercase tags, MsoNormal paragraphs, digits split over <span>s; "
    "zeros in tables 3-4 as &nbsp;",
    "html-gb18030": "html-spans encoded GB18030, <meta charset=gb2312>",
    "html-gb18030-undeclared": "html-spans encoded GB18030, no charset declared anywhere",
    "html-big5": "html-spans character-converted to Traditional, encoded Big5, <meta charset=big5>",
    "text-lines": "one cell per line in <tr> order; zeros as empty lines (blank cells)",
    "text-lines-zeros": "one cell per line in <tr> order; zeros as 0",
    "text-pipes": "markdown pipe rows in <tr> order, empty cells kept; zeros as empty cells",
    "text-pdf": "PDF text: label then space-separated numbers, zeros as 0, table-4 headers two "
    "characters per line, a page break inside table 3",
    # The layouts of issue 11 (title with the gold agency, a few paragraphs per section).
    "md-fullgrid": "Markdown report (# title, ## headings right after tables, **bold**, <br> in cells), pipe "
    "tables over the full grid: a merged cell is its text then empty cells; zeros blank in table 3, 0 elsewhere",
    "md-extra-cell": "Markdown, pipe rows in <td> order each with one extra empty cell at the end; zeros as 0 "
    "but every table-3 total of 0 blank",
    "html-split": "Word HTML, zeros as 0, table 3 cut into two <table>s at a page break; the continuation "
    "rows omit the label cells spanning from above",
    "text-tabs": "TAB-separated rows as a word processor copies them: blank cells are empty fields (trailing "
    "too), a merged cell one field, an empty field under a vertical merge; zeros blank in tables 3-4",
    "text-pdf-dropped": "PDF text with blank cells vanished (zeros blank in tables 3-4, dropped), prose "
    "hard-wrapped at 35 characters (a number cut from its unit), page numbers and running headers",
    "text-layout": "pdftotext -layout: numbers in fixed columns under stacked headers, labels wrapped over "
    "2-3 lines, group labels vertical one character a line, form feeds; zeros blank in tables 3-4",
    "md-t4-groups": "Markdown, table 4 as three small tables one per group each with its five-column header "
    "under a ### heading; zeros as 0",
    "html-t2-order": "html-spans with table 2 as one table per block, the 第二十条第（一）项 block last; zeros "
    "blank in table 3",
    "text-t4-note": "text-pdf with a 注： line between table 4's stacked header and its numbers",
    "text-t4-bare": "text-pdf with table 4 a bare row of 15 numbers under the section heading, no header",
    "text-t2-first-last": "text-pdf with the 第二十条第（一）项 block of table 2 printed after the others",
    "text-t2-nocaption": "text-pdf with table 2 printed without its 第二十条 captions (header rows only)",
    "text-t3-partial": "text-pdf with only the table-3 rows that have a non-zero value (and 一、二、（七）、四)",
    "text-t3-group-after": "text-pdf with each group label after its group's first row (（四）无法提供) or "
    "in its middle",
    "text-t2-minus-glued": "text-pdf with a negative 本年增/减 glued to the cell before it (12-3)",
    "text-pipe-after-space": "text-pdf with the （一）予以公开 row printed as a pipe row (empty cells kept)",
    "text-label-typos": "text-pdf with misprinted labels (2.其他法律行政止公开, 其它, stray spaces, a "
    "missing last character)",
    "text-cells-dropped": "text-pdf with tables 2-3 a label or a value a paragraph, an empty line between (a Word "
    "table through mammoth or docx2txt), blank cells vanished (zeros blank in tables 3-4)",
}

#: The renderings the parser read fully before issue 11 (tests/test_tables_renderings.py).
CLASSIC = tuple(list(RENDERINGS)[:10])


def source_format(name: str) -> str:
    """The ``source["format"]`` a reader should report for rendering `name`."""
    # text-pipes prints a Markdown separator under its first row: that is Markdown.
    return "html" if name.startswith("html") else "markdown" if name.startswith("md") or name == "text-pipes" else "text"


def extension(name: str) -> str:
    """File extension for rendering `name` (``--dump`` and tests/data/layouts)."""
    return {"html": "html", "markdown": "md", "text": "txt"}[source_format(name)]

_SENTENCES = {
    "overview": "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
    "problems": "政府信息公开工作仍存在信息更新不够及时等问题，下一步将加强培训、完善制度。",
    "other": "本机关本年度未收取信息处理费，无其他需要报告的事项。",
}
_HEADINGS = (
    ("一、总体情况", "overview"),
    (TABLE_TITLES["proactive"], "proactive"),
    (TABLE_TITLES["requests"], "requests"),
    (TABLE_TITLES["review_litigation"], "review_litigation"),
    ("五、存在的主要问题及改进情况", "problems"),
    ("六、其他需要报告的事项", "other"),
)
#: Table 4's two top headers (行政复议, 行政诉讼) and the group labels printed under the second
#: one (未经复议直接起诉, 复议后起诉).
_T4_TOP = REVIEW_HEADERS
_T4_GROUP_HEADS = tuple(REVIEW_GROUP_LABELS[g] for g in REVIEW_GROUPS if REVIEW_GROUP_LABELS[g] != REVIEW_GROUP_HEADERS[g])
#: Table 3's header rows as PDF text prints them: 自然人 法人或其他组织 总计, then the five below.
_T3_HEAD_LINE = " ".join([REQUESTS_COL_LABELS[0], REQUESTS_ORG_HEADER, REQUESTS_COL_LABELS[-1]])
_T3_ORG_LINE = " ".join(REQUESTS_COL_LABELS[1:-1])


# ---------------------------------------------------------------------------
# The gold as a grid of printed strings


def _text(value: Any) -> str:
    """A gold value as printed; ``None`` (unreadable in gold) prints blank."""
    if value is None:
        return ""
    if isinstance(value, bool):  # pragma: no cover - not in gold files
        return str(int(value))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _is_zero(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0


def renderable(gold: dict) -> bool:
    """Whether the gold has tables to render (a template and at least one of tables 2–4)."""
    return gold.get("template") in ("2019", "2021") and any(gold.get(k) for k in ("table2", "table3", "table4"))


class _Gold:
    """The gold tables in template order, values as printed strings."""

    def __init__(self, gold: dict, zeros_blank: Callable[[str], bool]):
        self.format = gold["template"]
        formats = gold.get("table_formats") or {}
        self.t2_format = formats.get("table2", self.format)
        self.t3_format = formats.get("table3", self.format)
        self.year = gold.get("year") or 2023
        self.agency = gold.get("agency") or "某某局"
        self.facts = gold.get("facts") or {}
        #: (table, row, col) printed blank whatever the zero policy (new renderings only).
        self.blank: set[tuple[str, str, str]] = set()
        self.t2 = gold.get("table2") or {}
        self.t3 = gold.get("table3") or {}
        t4 = gold.get("table4") or {}
        self.t4 = {g: dict(zip(REVIEW_COLS, v)) if isinstance(v, list) else dict(v) for g, v in t4.items()}
        self.zeros_blank = zeros_blank

    def _cell(self, table: str, value: Any) -> str:
        return "" if self.zeros_blank(table) and _is_zero(value) else _text(value)

    def t2_blocks(self) -> list[Block]:
        return PROACTIVE_BLOCKS[self.t2_format] if self.t2 else []

    def t2_values(self, item: str, cols: list[str]) -> list[str]:
        row = self.t2.get(item) or {}
        return [self._at("proactive", item, c, row.get(c)) for c in cols]

    def _at(self, table: str, row: str, col: str, value: Any) -> str:
        return "" if (table, row, col) in self.blank else self._cell(table, value)

    def t3_rows(self) -> list[str]:
        if not self.t3:
            return []
        return list(REQUESTS_ROWS_2021 if self.t3_format == "2021" else REQUESTS_ROWS_2019)

    def t3_groups(self) -> dict[str, tuple[str, int]]:
        return requests_groups(self.t3_format)

    def t3_values(self, row: str) -> list[str]:
        cells = self.t3.get(row) or {}
        return [self._at("requests", row, c, cells.get(c)) for c in REQUESTS_COLS]

    def t4_values(self) -> list[str]:
        return [
            self._at("review_litigation", g, c, (self.t4.get(g) or {}).get(c)) for g in REVIEW_GROUPS for c in REVIEW_COLS
        ]

    def title(self) -> str:
        return f"某某局{self.year}年政府信息公开工作年度报告"


# ---------------------------------------------------------------------------
# Tables as rows of cells (text, rowspan, colspan): the one layout all renderings share

Cell = tuple[str, int, int]
Row = list[Cell]


def _t2_rows(g: _Gold) -> list[Row]:
    rows: list[Row] = []
    for caption, headers, items in g.t2_blocks():
        rows.append([(caption, 1, 4)])
        rows.append([(PROACTIVE_ITEM_HEADER, 1, 1)] + [(h, 1, span) for h, _c, span in headers])
        for item, label in items:
            values = g.t2_values(item, [c for _h, c, _s in headers])
            rows.append([(label, 1, 1)] + [(v, 1, span) for v, (_h, _c, span) in zip(values, headers)])
    return rows


def _t3_header() -> list[Row]:
    return [
        [(REQUESTS_NOTE, 3, 3), (REQUESTS_HEADER, 1, len(REQUESTS_COLS))],
        [(REQUESTS_COL_LABELS[0], 2, 1), (REQUESTS_ORG_HEADER, 1, len(REQUESTS_COLS) - 2), (REQUESTS_COL_LABELS[-1], 2, 1)],
        [(label, 1, 1) for label in REQUESTS_COL_LABELS[1:-1]],
    ]


def _t3_label_cells(g: _Gold) -> list[tuple[str, Row]]:
    """(row key, label cells) per data row, with the official spans (DOMAIN §4.2)."""
    rows = g.t3_rows()
    results = [r for r in rows if r not in REQUESTS_TOP]
    groups = g.t3_groups()
    out: list[tuple[str, Row]] = []
    in_group = 0
    for row in rows:
        cells: Row = []
        if row not in results:
            cells.append((REQUESTS_LABELS[row], 1, 3))
        else:
            if row == results[0]:
                cells.append((REQUESTS_RESULTS, len(results), 1))
            if row in groups:
                label, span = groups[row]
                cells.append((label, span, 1))
                in_group = span
            if in_group:
                cells.append((REQUESTS_LABELS[row], 1, 1))
                in_group -= 1
            else:
                cells.append((REQUESTS_LABELS[row], 1, 2))
        out.append((row, cells))
    return out


def _t3_rows(g: _Gold) -> list[Row]:
    if not g.t3:
        return []
    return _t3_header() + [cells + [(v, 1, 1) for v in g.t3_values(row)] for row, cells in _t3_label_cells(g)]


def _t4_header() -> list[Row]:
    return [
        [(_T4_TOP[0], 1, 5), (_T4_TOP[1], 1, 10)],
        [(label, 2, 1) for label in REVIEW_COL_LABELS] + [(h, 1, 5) for h in _T4_GROUP_HEADS],
        [(label, 1, 1) for label in REVIEW_COL_LABELS * 2],
    ]


def _t4_rows(g: _Gold) -> list[Row]:
    if not g.t4:
        return []
    return _t4_header() + [[(v, 1, 1) for v in g.t4_values()]]


def _tables(g: _Gold) -> dict[str, list[Row]]:
    return {"proactive": _t2_rows(g), "requests": _t3_rows(g), "review_litigation": _t4_rows(g)}


def _pad(rows: list[Row]) -> list[Row]:
    """The same grid without spans: every grid position a cell, the spanned ones empty."""
    if not rows:
        return []
    width = sum(cs for _t, _rs, cs in rows[0])
    covered: set[tuple[int, int]] = set()
    out: list[Row] = []
    for r, row in enumerate(rows):
        cells = iter(row)
        grid_row: Row = []
        for col in range(width):
            if (r, col) in covered:
                grid_row.append(("", 1, 1))
                continue
            cell = next(cells, None)
            if cell is None:
                grid_row.append(("", 1, 1))
                continue
            text, rs, cs = cell
            covered.update((r + dr, col + dc) for dr in range(rs) for dc in range(cs) if dr or dc)
            grid_row.append((text, 1, 1))
        out.append(grid_row)
    return out


# ---------------------------------------------------------------------------
# HTML


def _td_plain(cell: Cell) -> str:
    text, rs, cs = cell
    attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
    return f"<td{attrs}>{html.escape(text) if text else '&nbsp;'}</td>"


def _html_plain(g: _Gold, *, padded: bool, meta: str | None, prose: dict[str, list[str]] | None = None) -> str:
    """A CMS page; with `prose`, the sections get those paragraphs and the title names the agency."""
    title = html.escape(g.title() if prose is None else _title(g))
    head = f"<head>{meta or ''}<title>{title}</title></head>"
    body = [f"<h1>{title}</h1>"]
    tables = _tables(g)
    for heading, key in _HEADINGS:
        body.append(f"<h2>{heading}</h2>")
        if key in _SENTENCES:
            for para in [_SENTENCES[key]] if prose is None else prose[key]:
                body.append(f"<p>{html.escape(para)}</p>")
            continue
        rows = tables[key]
        if not rows:
            continue
        if padded:
            rows = _pad(rows)
        trs = "".join("<tr>" + "".join(_td_plain(c) for c in row) + "</tr>" for row in rows)
        body.append(f'<table border="1" cellspacing="0"><tbody>{trs}</tbody></table>')
    return f"<!DOCTYPE html>\n<html>{head}<body>\n" + "\n".join(body) + "\n</body></html>\n"


def _word_p(text: str, *, number: bool) -> str:
    if not text:
        return "<P class=MsoNormal align=center style='text-align:center'><SPAN lang=EN-US>&nbsp;<o:p></o:p></SPAN></P>"
    if number:
        spans = "".join(f"<SPAN lang=EN-US style='font-size:10.5pt'>{html.escape(ch)}</SPAN>" for ch in text)
        return f"<P class=MsoNormal align=center style='text-align:center'>{spans}<SPAN lang=EN-US><o:p></o:p></SPAN></P>"
    return (
        "<P class=MsoNormal align=center style='text-align:center'>"
        f"<SPAN style='font-size:10.5pt;font-family:宋体'>{html.escape(text)}</SPAN><SPAN lang=EN-US><o:p></o:p></SPAN></P>"
    )


def _word_td(cell: Cell, *, number: bool) -> str:
    text, rs, cs = cell
    attrs = (f" rowspan={rs}" if rs > 1 else "") + (f" colspan={cs}" if cs > 1 else "")
    style = "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
    return f"<TD{attrs} valign=center style='{style}'>{_word_p(text, number=number)}</TD>"


def _html_word(g: _Gold, *, split_at: int | None = None, prose: dict[str, list[str]] | None = None) -> str:
    """Word's "save as web page". With `split_at`, table 3 is cut into two tables before its data row
    `split_at` (a page break), the continuation rows keeping only their own cells; with `prose`, the
    sections get those paragraphs and the title names the agency."""
    title = html.escape(g.title() if prose is None else _title(g))
    out = [
        "<HTML xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">",
        "<HEAD><META http-equiv=Content-Type content=\"text/html; charset=utf-8\">",
        "<META name=Generator content=\"Microsoft Word 15\">",
        f"<TITLE>{title}</TITLE></HEAD>",
        "<BODY lang=ZH-CN style='tab-interval:21.0pt'><DIV class=WordSection1>",
        f"<P class=MsoNormal align=center style='text-align:center'><B><SPAN style='font-size:16.0pt'>{title}</SPAN></B></P>",
    ]
    tables = _tables(g)
    for heading, key in _HEADINGS:
        out.append(f"<P class=MsoNormal style='text-indent:32.0pt'><B><SPAN style='font-family:黑体'>{heading}</SPAN></B></P>")
        if key in _SENTENCES:
            for para in [_SENTENCES[key]] if prose is None else prose[key]:
                out.append(f"<P class=MsoNormal style='text-indent:32.0pt'><SPAN>{html.escape(para)}</SPAN></P>")
            continue
        rows = tables[key]
        if not rows:
            continue
        if key == "requests" and split_at is not None:
            first, rest = _split_rows(rows, 3 + split_at)
            out += _word_table(first)
            out.append("<SPAN lang=EN-US style='font-size:10.5pt'><BR clear=all style='page-break-before:always'></SPAN>")
            out += _word_table(rest, width=_width(rows))
        else:
            out += _word_table(rows)
    out.append("<P class=MsoNormal><SPAN lang=EN-US><o:p>&nbsp;</o:p></SPAN></P></DIV></BODY></HTML>")
    return "\n".join(out) + "\n"


def _width(rows: list[Row]) -> int:
    return max(sum(c for _t, _r, c in row) for row in rows)


def _word_table(rows: list[Row], width: int | None = None) -> list[str]:
    out = ["<TABLE class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"]
    for row in rows:
        # Numbers (no Han character: 251000元 stays whole) go one character per <SPAN>.
        tds = "".join(_word_td(c, number=bool(c[0]) and not _has_han(c[0])) for c in row)
        out.append(f"<TR style='height:20.0pt'>{tds}</TR>")
    filler = "".join("<TD width=60 style='border:none'></TD>" for _ in range(width or _width(rows)))
    out.append(f"<![if !supportMisalignedColumns]><TR height=0>{filler}</TR><![endif]>")
    out.append("</TABLE>")
    return out


def _split_rows(rows: list[Row], at: int) -> tuple[list[Row], list[Row]]:
    """Rows cut before row `at`: spans of the first part end at the cut; the continuation keeps only
    the cells that start in it (labels spanning from above are not repeated, so its rows are shorter)."""
    first = [
        [(t, min(rs, at - r), cs) for t, rs, cs in row] for r, row in enumerate(rows[:at])
    ]
    return first, [list(row) for row in rows[at:]]


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ---------------------------------------------------------------------------
# Text


def _report_text(g: _Gold, tables: dict[str, list[str]]) -> str:
    lines = [g.title()]
    for heading, key in _HEADINGS:
        lines.append(heading)
        lines.extend([_SENTENCES[key]] if key in _SENTENCES else tables[key])
    return "\n".join(lines) + "\n"


def _text_lines(g: _Gold) -> str:
    """Every cell of every <tr> on its own line; blanks are empty lines."""
    return _report_text(g, {k: [c[0] for row in rows for c in row] for k, rows in _tables(g).items()})


def _text_pipes(g: _Gold) -> str:
    """Markdown pipe rows as an HTML-to-markdown converter prints them, separator after the first row."""
    out: dict[str, list[str]] = {}
    for key, rows in _tables(g).items():
        lines = []
        for r, row in enumerate(rows):
            lines.append("| " + " | ".join(c[0] for c in row) + " |")
            if r == 0:
                lines.append("|" + "---|" * len(row))
        out[key] = lines
    return _report_text(g, out)


def _text_pdf(g: _Gold) -> str:
    """PDF text (DOMAIN §8.3): one line per row, headers of table 4 stacked two characters per line."""
    t2: list[str] = []
    for caption, headers, items in g.t2_blocks():
        t2.append(caption)
        t2.append(" ".join([PROACTIVE_ITEM_HEADER] + [h for h, _c, _s in headers]))
        for item, label in items:
            values = [v for v in g.t2_values(item, [c for _h, c, _s in headers]) if v]
            t2.append(" ".join([label] + values))
    t3: list[str] = []
    if g.t3:
        t3 += [REQUESTS_NOTE + " " + REQUESTS_HEADER, _T3_HEAD_LINE, _T3_ORG_LINE]
        groups = g.t3_groups()
        for i, row in enumerate(g.t3_rows()):
            if row == "granted":
                t3.append(REQUESTS_RESULTS)
            if row in groups:
                t3.append(groups[row][0])
            if i == 11:  # a page break between 7.属于行政执法案卷 and 8.属于行政查询事项
                t3 += ["- 7 -", "第 3 页 共 5 页"]
            values = [v for v in g.t3_values(row) if v]
            t3.append(" ".join([REQUESTS_LABELS[row]] + values))
    t4: list[str] = []
    if g.t4:
        # 结果维持 → 结果 / 维持, 总计 → 总 / 计: at most two characters per line (DOMAIN §8.3).
        top = [label[: (len(label) + 1) // 2] for label in REVIEW_COL_LABELS]
        bottom = [label[(len(label) + 1) // 2 :] for label in REVIEW_COL_LABELS]
        t4 = [
            " ".join(_T4_TOP),
            " ".join(top + list(_T4_GROUP_HEADS)),
            " ".join(bottom + top * 2),
            " ".join(bottom * 2),
            " ".join(v for v in g.t4_values() if v),
        ]
    return _report_text(g, {"proactive": t2, "requests": t3, "review_litigation": t4})


# ---------------------------------------------------------------------------
# The layouts of issue 11: what converters and PDF text extraction make of the same tables.
# Shared by these renderings: the title names the gold agency, the sections carry a few
# paragraphs (with the gold facts where the gold has them), and a table-3 total that the gold
# records as 0 while its parts are not all 0 (a blank 总计 in the source, DOMAIN §7.4) is
# printed blank whatever the zero policy (`_printed_blank`).


def _title(g: _Gold) -> str:
    return f"{g.agency}{g.year}年政府信息公开工作年度报告"


def _num(value: Any) -> str:
    return _text(value)


def _prose(g: _Gold) -> dict[str, list[str]]:
    """Paragraphs of sections 一、五、六: boilerplate plus the gold facts in plain sentences."""
    f = g.facts
    overview = [
        f"{g.year}年，{g.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "不断完善政府信息公开制度，推进政府信息公开工作规范、有序开展。",
    ]
    s = "（一）主动公开情况。通过政府门户网站主动公开政府文件、通知公告等各类政府信息"
    if f.get("proactive_total") is not None:
        s += f"，全年主动公开政府信息{_num(f['proactive_total'])}条"
    overview.append(s + "。")
    s = "（二）依申请公开情况。进一步规范依申请公开办理流程，畅通受理渠道"
    if f.get("requests_received") is not None:
        s += f"，全年共收到政府信息公开申请{_num(f['requests_received'])}件，均在法定期限内答复"
    overview.append(s + "。")
    overview.append("（三）政府信息管理情况。严格执行信息发布审核制度，落实“三审三校”要求，确保公开信息准确、规范。")
    problems = [
        "政府信息公开工作仍存在信息更新不够及时、政策解读形式较为单一等问题。"
        "下一步，将加强业务培训，完善工作制度，不断提升政府信息公开质量。"
    ]
    if f.get("fees_yuan") is not None:
        other = [f"本机关{g.year}年度收取信息处理费{_num(f['fees_yuan'])}元。无其他需要报告的事项。"]
    else:
        other = ["本机关本年度未收取信息处理费，无其他需要报告的事项。"]
    return {"overview": overview, "problems": problems, "other": other}


def _printed_blank(gold: dict, g: _Gold) -> set[tuple[str, str, str]]:
    """Cells the source printed blank: the gold's ``printed_blank`` list ("table3.row.col") when it
    has one, else each table-3 total recorded as 0 while its row's parts are not all 0."""
    names = {"table2": "proactive", "table3": "requests", "table4": "review_litigation"}
    if "printed_blank" in gold:
        out = set()
        for ref in gold["printed_blank"]:
            table, row, col = ref.split(".")
            out.add((names[table], row, col))
        return out
    out = set()
    for row, cells in g.t3.items():
        parts = [v for c, v in cells.items() if c != "total" and isinstance(v, (int, float))]
        if _is_zero(cells.get("total")) and any(parts):
            out.add(("requests", row, "total"))
    return out


def _layout_gold(gold: dict, zeros_blank: Callable[[str], bool]) -> _Gold:
    g = _Gold(gold, zeros_blank)
    g.blank = _printed_blank(gold, g)
    return g


def _seed(g: _Gold, salt: str = "") -> random.Random:
    return random.Random(zlib.crc32(f"{g.agency}|{g.year}|{g.format}|{salt}".encode()))


_NO_LINE_START = set("，。、；：？！）》”’」』")


def _wrap(text: str, width: int) -> list[str]:
    """Hard-wrapped at `width` characters; closing punctuation never starts a line (it stays at the
    end of the line before, as Chinese typesetting does)."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if len(line) >= width and ch not in _NO_LINE_START:
            lines.append(line)
            line = ""
        line += ch
    return lines + [line]


# --- Markdown ---------------------------------------------------------------

#: Long labels as converters print them with a <br> where the cell wrapped.
_BR = {
    REQUESTS_NOTE: "（本列数据的勾稽关系为：<br>第一项加第二项之和，<br>等于第三项加第四项之和）",
    REQUESTS_LABELS["partially_granted"]: "（二）部分公开<br>（区分处理的，只计这一情形，不计其他情形）",
    REQUESTS_LABELS["other_no_correction"]: "1.申请人无正当理由逾期不补正、<br>行政机关不再处理其政府信息公开申请",
    REQUESTS_LABELS["other_unpaid_fee"]: "2.申请人逾期未按收费通知要求缴纳费用、<br>行政机关不再处理其政府信息公开申请",
    "本年收费金额（单位：万元）": "本年收费金额<br>（单位：万元）",
    "本年新制作数量": "本年新<br>制作数量",
    "本年新公开数量": "本年新<br>公开数量",
}


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _md_table(rows: list[Row], *, extra: bool = False) -> list[str]:
    """Pipe rows, the first one the header (a ``|---|`` separator after it); with `extra`, every row
    ends with one more empty cell (the header had one more column)."""
    lines = []
    for r, row in enumerate(rows):
        cells = [_BR.get(c[0], c[0]) for c in row] + ([""] if extra else [])
        lines.append(_md_row(cells))
        if r == 0:
            lines.append("|" + "---|" * len(cells))
    return lines


def _md_prose(prose: list[str]) -> list[str]:
    out = []
    for para in prose:
        head, sep, rest = para.partition("。")
        # "（一）主动公开情况。" as converters print a bold run-in heading.
        out += [f"**{head}。**{rest}" if sep and head.startswith("（") else para, ""]
    return out


def _markdown(g: _Gold, tables: dict[str, list[str]], *, level: str = "##", tight: bool = True) -> str:
    """A Markdown report: ``# title``, a bold agency line, section headings at `level`; with `tight`,
    the heading after a table follows its last row with no blank line (as converters print it)."""
    prose = _prose(g)
    lines = [f"# {_title(g)}", "", f"**{g.agency}**", ""]
    for heading, key in _HEADINGS:
        lines += [f"{level} {heading}", ""]
        if key in prose:
            lines += _md_prose(prose[key])
            continue
        lines += tables[key]
        if not tight:
            lines.append("")
    return "\n".join(lines) + "\n"


def _md_fullgrid(g: _Gold) -> str:
    """Pipe tables over the full grid: a merged cell is its text followed by empty cells, a cell
    under a vertical merge is empty (``|  | （七）总计 |  | … |``)."""
    return _markdown(g, {k: _md_table(_pad(rows)) for k, rows in _tables(g).items()})


def _md_extra_cell(g: _Gold) -> str:
    """Pipe rows in <td> order, each with one extra empty cell at its end; table-3 totals of 0
    printed blank, so a row may end in two empty cells (a blank total and the extra one)."""
    return _markdown(g, {k: _md_table(rows, extra=True) for k, rows in _tables(g).items()}, level="###", tight=False)


def _md_t4_groups(g: _Gold) -> str:
    """Table 4 as three small pipe tables, one per group, each with its own five-column header and a
    ``###`` heading; tables 2 and 3 as plain pipe tables in <td> order."""
    tables = {k: _md_table(rows) for k, rows in _tables(g).items()}
    if g.t4:
        values = g.t4_values()
        lines: list[str] = []
        n = len(REVIEW_COLS)
        for i, group in enumerate(REVIEW_GROUPS):
            # 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）
            top, label = REVIEW_GROUP_HEADERS[group], REVIEW_GROUP_LABELS[group]
            head = label if label == top else f"{top}（{label}）"
            lines += [f"### {head}", ""] + _md_table([[(c, 1, 1) for c in REVIEW_COL_LABELS], [(v, 1, 1) for v in values[n * i : n * i + n]]])
            lines.append("")
        tables["review_litigation"] = lines
    return _markdown(g, tables, tight=False)


# --- HTML -------------------------------------------------------------------


def _html_split(g: _Gold) -> str:
    """Word HTML with table 3 cut in two at a page break between two of its data rows."""
    rows = g.t3_rows()
    lo, hi = rows.index("partially_granted") + 1, rows.index("results_total")
    return _html_word(g, split_at=_seed(g, "split").randint(lo, hi), prose=_prose(g))


def _html_t2_order(g: _Gold) -> str:
    """html-spans with table 2 as one table per 第二十条 block, the （一） block printed last."""
    page = _html_plain(g, padded=False, meta='<meta charset="utf-8">', prose=_prose(g))
    rows = _t2_rows(g)
    if not rows:
        return page
    blocks: list[list[Row]] = []
    for row in rows:
        if len(row) == 1 and row[0][0].startswith("第二十条"):
            blocks.append([])
        blocks[-1].append(row)
    blocks = blocks[1:] + blocks[:1]
    old = "".join("<tr>" + "".join(_td_plain(c) for c in row) + "</tr>" for row in rows)
    old = f'<table border="1" cellspacing="0"><tbody>{old}</tbody></table>'
    new = "\n".join(
        '<table border="1" cellspacing="0"><tbody>'
        + "".join("<tr>" + "".join(_td_plain(c) for c in row) + "</tr>" for row in block)
        + "</tbody></table>"
        for block in blocks
    )
    assert old in page
    return page.replace(old, new)


# --- TAB-separated text -------------------------------------------------------


def _tab_fields(rows: list[Row]) -> list[list[str]]:
    """Rows as a word processor copies them: a merged cell is one field, and a cell under a vertical
    merge is one empty field (however many columns the merge spans)."""
    covered: dict[tuple[int, int], int] = {}
    out = []
    width = _width(rows) if rows else 0
    for r, row in enumerate(rows):
        cells = iter(row)
        fields: list[str] = []
        col = 0
        while col < width:
            if (r, col) in covered:
                fields.append("")
                col += covered[(r, col)]
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text, rs, cs = cell
            for dr in range(1, rs):
                covered[(r + dr, col)] = cs
            fields.append(text)
            col += cs
        out.append(fields)
    return out


def _text_tabs(g: _Gold) -> str:
    prose = _prose(g)
    lines = [_title(g)]
    for heading, key in _HEADINGS:
        lines.append(heading)
        lines += prose[key] if key in prose else ["\t".join(f) for f in _tab_fields(_tables(g)[key])]
    return "\n".join(lines) + "\n"


# --- PDF text: a label then space-separated numbers ---------------------------

#: Misprints seen in real reports (issue 11 item 15): missing characters, 其它, stray spaces.
_TYPOS = {
    "2.其他法律行政法规禁止公开": "2.其他法律行政止公开",
    "5.属于三类内部事务信息": "5.属于三类内部事务信",
    "3.补正后申请内容仍不明确": "3.补正后申请内容 仍不明确",
    "（三）不予公开": "（三） 不予公开",
    "（六）其他处理": "（六）其它处理",
    "3.其他": "3.其它",
    "四、结转下年度继续办理": "四、结转下一年度继续办理",
    "行政规范性文件": "行政规范性文 件",
    "规范性文件": "规范 性文件",
    "1.本机关不掌握相关政府信息": "1.本机关不掌握相关政府信",
}


@dataclass
class _PdfText:
    """Options of the space-separated PDF-text writer (each an issue-11 variant)."""

    captions: bool = True  # 第二十条第（X）项 caption lines in table 2
    t2_first_last: bool = False  # the （一） block printed after the others
    t4: str = "stacked"  # stacked | note | bare
    group_after: bool = False  # a group label on the line after its group's first row
    minus_glued: bool = False  # 本年增/减 glued to the cell before it (12-3)
    pipe_row: str | None = None  # this table-3 row printed as a pipe row
    typos: bool = False
    partial: bool = False  # table 3: only the rows with a non-zero value (and 一、二、（七）、四)
    wrap: int = 0  # prose hard-wrapped at this many characters (0: one line a paragraph)
    furniture: bool = False  # page numbers and running headers between pages
    cell_lines: bool = False  # tables 2-3: a label or a value a paragraph (an empty line between)


def _t3_printed_rows(g: _Gold, o: _PdfText) -> list[str]:
    rows = g.t3_rows()
    if not o.partial:
        return rows
    keep = ("new_received", "carried_over", "results_total", "carried_forward")
    return [r for r in rows if r in keep or any(v and not _is_zero(v) for v in (g.t3.get(r) or {}).values())]


def _pdf_tables(g: _Gold, o: _PdfText) -> dict[str, list[str]]:
    def fix(label: str) -> str:
        return _TYPOS.get(label, label) if o.typos else label

    sep = "\n\n" if o.cell_lines else " "
    t2: list[str] = []
    blocks = g.t2_blocks()
    if o.t2_first_last:
        blocks = blocks[1:] + blocks[:1]
    for caption, headers, items in blocks:
        if o.captions:
            t2.append(caption)
        t2.append(" ".join([PROACTIVE_ITEM_HEADER] + [h for h, _c, _s in headers]))
        cols = [c for _h, c, _s in headers]
        for item, label in items:
            values = g.t2_values(item, cols)
            if o.minus_glued and "change" in cols:
                i = cols.index("change")
                if values[i].startswith("-") and values[i - 1]:
                    values[i - 1 : i + 1] = [values[i - 1] + values[i]]
            t2.append(sep.join([fix(label)] + [v for v in values if v]))
    t3: list[str] = []
    if g.t3:
        col_labels = ["其它" if o.typos and c == "其他" else c for c in REQUESTS_COL_LABELS]
        t3 += [REQUESTS_NOTE + " " + REQUESTS_HEADER, _T3_HEAD_LINE, " ".join(col_labels[1:-1])]
        groups = g.t3_groups()
        printed = _t3_printed_rows(g, o)
        pending: list[tuple[str, int]] = []  # (group label, rows to wait before printing it)
        for i, row in enumerate(printed):
            if row == next(r for r in printed if r not in ("new_received", "carried_over")):
                t3.append(REQUESTS_RESULTS)
            if row in groups:
                label = fix(groups[row][0])
                if o.group_after:
                    # （四） right after its first row; the others in their group's middle, as a
                    # PDF text layer puts a vertically centred label.
                    pending.append((label, 1 if label.startswith("（四）") else max(1, groups[row][1] // 2)))
                else:
                    t3.append(label)
            if not o.furniture and i == 11 and not o.partial:
                t3 += ["- 7 -", "第 3 页 共 5 页"]
            values = g.t3_values(row)
            if row == o.pipe_row:
                t3.append(_md_row([fix(REQUESTS_LABELS[row])] + values))
            else:
                t3.append(sep.join([fix(REQUESTS_LABELS[row])] + [v for v in values if v]))
            still = []
            for label, wait in pending:
                if wait <= 1:
                    t3.append(label)
                else:
                    still.append((label, wait - 1))
            pending = still
        t3 += [label for label, _ in pending]
    t4: list[str] = []
    if g.t4:
        numbers = " ".join(v for v in g.t4_values() if v)
        top = [label[: (len(label) + 1) // 2] for label in REVIEW_COL_LABELS]
        bottom = [label[(len(label) + 1) // 2 :] for label in REVIEW_COL_LABELS]
        header = [
            " ".join(_T4_TOP),
            " ".join(top + list(_T4_GROUP_HEADS)),
            " ".join(bottom + top * 2),
            " ".join(bottom * 2),
        ]
        if o.t4 == "bare":
            t4 = [numbers]
        elif o.t4 == "note":
            t4 = header + ["注：行政复议、行政诉讼数据统计口径为本机关作为被申请人、被告的案件。", numbers]
        else:
            t4 = header + [numbers]
    return {"proactive": t2, "requests": t3, "review_litigation": t4}


def _pdf_report(g: _Gold, o: _PdfText) -> str:
    prose = _prose(g)
    tables = _pdf_tables(g, o)
    lines = [_title(g)]
    for heading, key in _HEADINGS:
        lines.append(heading)
        if key not in prose:
            lines += tables[key]
            continue
        for para in prose[key]:
            if not o.wrap:
                lines.append(para)
                continue
            # Hard-wrapped as a PDF text layer gives it; the first number of a paragraph is cut
            # from its unit (…主动公开政府信息198 / 条…) to make sure such a break occurs.
            m = re.search(r"\d(?=[条件元])", para)
            if m and m.end() > o.wrap // 2:
                cut = m.end()
                head = _wrap(para[:cut], o.wrap)
                lines += head + _wrap(para[cut:], o.wrap)
            else:
                lines += _wrap(para, o.wrap)
    if o.furniture:
        # A page number and the running header every 28 lines (so a page ends inside table 3).
        out = []
        page = 1
        for i, line in enumerate(lines):
            if i and i % 28 == 0:
                out += [f"- {page} -", _title(g)]
                page += 1
            out.append(line)
        lines = out
    return "\n".join(lines) + "\n"


# --- pdftotext -layout -------------------------------------------------------


class _Canvas:
    """Lines of text with items at character columns, as ``pdftotext -layout`` prints a page."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[int, str]]] = []

    def new(self) -> int:
        self.lines.append([])
        return len(self.lines) - 1

    def put(self, line: int, col: int, text: str) -> None:
        if text:
            self.lines[line].append((col, text))

    def text(self) -> list[str]:
        out = []
        for items in self.lines:
            s = ""
            for col, text in sorted(items):
                s += " " * (col - len(s)) if col > len(s) else (" " if s else "")
                s += text
            out.append(s.rstrip(" "))
        return out


def _centre(canvas: _Canvas, line: int, centre: int, text: str) -> None:
    canvas.put(line, max(0, centre - len(text) // 2), text)


_T3_NUM = (46, 54, 60, 66, 72, 78, 85)  # column centres of 自然人 … 总计
_T3_HEAD = (("自然人",), ("商业", "企业"), ("科研", "机构"), ("社会", "公益", "组织"), ("法律", "服务", "机构"), ("其他",), ("总计",))


def _layout_t3(g: _Gold, page_break: int) -> list[str]:
    cv = _Canvas()
    head = [cv.new() for _ in range(7)]
    cv.put(head[0], 60, REQUESTS_HEADER)
    cv.put(head[1], 62, REQUESTS_ORG_HEADER)
    cv.put(head[2], 0, REQUESTS_NOTE[:23])
    cv.put(head[3], 0, REQUESTS_NOTE[23:])
    for c, parts in enumerate(_T3_HEAD):
        for k, part in enumerate(parts):
            _centre(cv, head[4 + k], _T3_NUM[c], part)
    rows = g.t3_rows()
    groups = g.t3_groups()
    results = [r for r in rows if r not in REQUESTS_TOP]
    group_of: dict[str, str] = {}
    for first, (_label, span) in groups.items():
        i = rows.index(first)
        for r in rows[i : i + span]:
            group_of[r] = first
    lines_of: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        label = REQUESTS_LABELS[row]
        if row in results and row in group_of:
            col, width = 8, 16
        elif row in results:
            col, width = 4, 20
        else:
            col, width = 0, 30
        pieces = _wrap(label, width)
        own_line = row == "partially_granted"  # numbers on a line of their own below the label
        mine = [cv.new() for _ in range(len(pieces) + own_line)]
        for line, piece in zip(mine, pieces):
            cv.put(line, col, piece)
        at = mine[-1] if own_line or len(mine) == 2 else mine[len(mine) // 2]
        for c, v in enumerate(g.t3_values(row)):
            _centre(cv, at, _T3_NUM[c], v)
        lines_of[row] = mine
        if i == page_break:
            cv.put(cv.new(), 40, f"-{g.year % 7 + 2}-")
            lines_of[row] = mine + [cv.new()]
            cv.put(lines_of[row][-1], 0, "\f")
    # Group labels and 三、本年度办理结果 written vertically, one character a line, centred on
    # their rows; a label longer than its rows' lines spills onto lines of its own.
    def vertical(label: str, members: list[str], col: int) -> None:
        span = [line for r in members for line in lines_of[r]]
        while len(span) < len(label):
            extra = cv.new()
            # move the new empty line right after the block
            cv.lines.insert(span[-1] + 1, cv.lines.pop(extra))
            for r, ls in lines_of.items():
                lines_of[r] = [x + 1 if x > span[-1] else x for x in ls]
            lines_of[members[-1]].append(span[-1] + 1)
            span = sorted(line for r in members for line in lines_of[r])
        start = (len(span) - len(label)) // 2
        for k, ch in enumerate(label):
            cv.put(span[start + k], col, ch)

    for first, (group_label, span) in groups.items():
        i = rows.index(first)
        vertical(group_label, rows[i : i + span], 4)
    vertical(REQUESTS_RESULTS, results, 0)
    return cv.text()


def _layout_t2(g: _Gold) -> list[str]:
    cv = _Canvas()
    for caption, headers, items in g.t2_blocks():
        _centre(cv, cv.new(), 36, caption)
        cv.new()
        line = cv.new()
        cv.put(line, 7, PROACTIVE_ITEM_HEADER)
        centres = [22, 36, 50] if len(headers) == 3 else [30, 48] if len(headers) == 2 else [36]
        if len(headers) == 2 and headers[1][2] == 2:
            centres = [24, 44]
        for (h, _c, _s), x in zip(headers, centres):
            _centre(cv, line, x, h)
        cv.new()
        for item, label in items:
            line = cv.new()
            cv.put(line, 0, label)
            for v, x in zip(g.t2_values(item, [c for _h, c, _s in headers]), centres):
                _centre(cv, line, x, v)
            cv.new()
    return cv.text()


def _layout_t4(g: _Gold) -> list[str]:
    cv = _Canvas()
    x = [3 + 6 * i for i in range(15)]
    line = cv.new()
    _centre(cv, line, (x[0] + x[4]) // 2, _T4_TOP[0])
    _centre(cv, line, (x[5] + x[14]) // 2, _T4_TOP[1])
    cv.new()
    line = cv.new()
    _centre(cv, line, (x[5] + x[9]) // 2, _T4_GROUP_HEADS[0])
    _centre(cv, line, (x[10] + x[14]) // 2, _T4_GROUP_HEADS[1])
    cv.new()
    top, bottom = cv.new(), cv.new()
    for i in range(15):
        label = REVIEW_COL_LABELS[i % 5]
        _centre(cv, top, x[i], label[: (len(label) + 1) // 2])
        _centre(cv, bottom, x[i], label[(len(label) + 1) // 2 :])
    cv.new()
    cv.new()
    line = cv.new()
    for v, xi in zip(g.t4_values(), x):
        _centre(cv, line, xi, v)
    return cv.text()


def _text_layout(g: _Gold) -> str:
    """``pdftotext -layout`` of a report PDF: prose hard-wrapped at 32 characters with indented
    paragraph starts, tables in fixed columns, page numbers and form feeds between pages."""
    prose = _prose(g)
    title_lines = [" " * 16 + g.agency, " " * 6 + f"{g.year}年政府信息公开工作年度报告", ""]
    lines = title_lines[:]
    rows = g.t3_rows()
    page_break = _seed(g, "layout").randint(rows.index("granted"), len(rows) - 3) if rows else -1
    tables = {"proactive": _layout_t2(g), "requests": _layout_t3(g, page_break), "review_litigation": _layout_t4(g)}
    since = 0
    page = 1
    for heading, key in _HEADINGS:
        lines.append("   " + heading if key in prose else " " * 18 + heading)
        if key not in prose:
            lines += tables[key] + ["", ""]
            since += len(tables[key]) + 2
            continue
        for para in prose[key]:
            for line in _wrap("   " + para, 32):
                lines.append(line)
                since += 1
                if since >= 40:  # a page ends inside the prose
                    lines += ["", " " * 43 + f"-{page}-", "\f"]
                    page, since = page + 1, 0
    text = "\n".join(lines)
    return text.replace("\n\f\n", "\n\f") + "\n\f"


# --- Which cells a rendering lets a reader determine ------------------------------------------


def _values(strings: list[str]) -> list[float]:
    out = []
    for s in strings:
        m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(元|万元|笔)?", s)
        if m is None:
            raise ValueError(f"not a number: {s!r}")
        out.append(float(m.group(1)))
    return out


def _t3_candidates(values: list[float]) -> list[tuple[float, ...]]:
    """Placements of a row's printed values (in order) over the 7 columns that satisfy its row sum
    or leave its total blank (T3_TOTAL_OMITTED); blanks are 0."""
    out = []
    for pos in combinations(range(7), len(values)):
        vec = [0.0] * 7
        for p, v in zip(pos, values):
            vec[p] = v
        if 6 in pos and abs(vec[6] - sum(vec[:6])) > 1e-6 and len(values) < 7:
            continue  # (a row printing all seven cells is placed by position even if it does not add up)
        out.append(tuple(vec))
    return out


def _t3_determined(
    printed: dict[str, list[float]],
    rows: list[str],
    whole: bool,
    exact: dict[str, tuple[float, ...]] | None = None,
    limit: int = 300_000,
) -> dict[str, tuple]:
    """For each printed row, its cells (a 7-tuple, None where undetermined) over every placement of
    the printed values that fits the whole table: row sums (or a blank total), the result rows
    summing to （七）总计 per column, and the balance 一 + 二 = （七） + 四 per column. Where no
    placement fits (a source that does not add up), where `whole` is False (a partial table) or
    where the search would pass `limit` partial sums, only the row's own sum counts (which fixes
    fewer cells, never a wrong one)."""
    cands = {r: _t3_candidates(printed[r]) for r in printed}
    cands.update({r: [v] for r, v in (exact or {}).items()})

    def agree(vectors: list[tuple[float, ...]]) -> tuple:
        return tuple(vectors[0][c] if vectors and all(v[c] == vectors[0][c] for v in vectors) else None for c in range(7))

    alone = {r: agree(c) for r, c in cands.items()}
    results = [r for r in rows if r not in ("new_received", "carried_over", "results_total", "carried_forward")]
    needed = ("new_received", "carried_over", "results_total", "carried_forward")
    if not whole or any(r not in printed for r in (*needed, *results)) or not all(cands.values()):
        return alone  # (a row no placement fits: the source does not add up)
    # The total column follows from the parts (a blank total too), so the sums are checked on the
    # six parts, as integers (hundredths: table 3 holds counts).
    def key(v: tuple[float, ...]) -> tuple[int, ...]:
        return tuple(round(x * 100) for x in v[:6])

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x + y for x, y in zip(a, b))

    nc: dict[tuple[int, ...], list[tuple[tuple, tuple]]] = {}
    for n in cands["new_received"]:
        for c in cands["carried_over"]:
            nc.setdefault(add(key(n), key(c)), []).append((n, c))
    balanced: dict[tuple[int, ...], list[tuple]] = {}  # target → (t, f, n, c) that balance
    for t in cands["results_total"]:
        for f in cands["carried_forward"]:
            for n, c in nc.get(add(key(t), key(f)), []):
                balanced.setdefault(key(t), []).append((t, f, n, c))
    if not balanced:
        return alone
    feasible: dict[str, set[tuple]] = {r: set() for r in printed}
    options = {r: sorted({(key(v), v) for v in cands[r]}) for r in results}
    # Rows with one placement first; then each partial sum is kept only if the rows still to come
    # can reach the target from it (their least and greatest sums per column).
    order = sorted(results, key=lambda r: len(options[r]))
    lo = [tuple(0 for _ in range(6))] * (len(order) + 1)
    hi = [tuple(0 for _ in range(6))] * (len(order) + 1)
    for i in range(len(order) - 1, -1, -1):
        ks = [k for k, _v in options[order[i]]]
        lo[i] = add(lo[i + 1], tuple(min(k[c] for k in ks) for c in range(6)))
        hi[i] = add(hi[i + 1], tuple(max(k[c] for k in ks) for c in range(6)))
    budget = limit
    for target, combos in balanced.items():
        states: list[set[tuple[int, ...]]] = [{(0,) * 6}]
        for i, r in enumerate(order):
            nxt = set()
            for s0 in states[-1]:
                for k, _v in options[r]:
                    s2 = add(s0, k)
                    if all(s2[c] + lo[i + 1][c] <= target[c] <= s2[c] + hi[i + 1][c] for c in range(6)):
                        nxt.add(s2)
            budget -= len(nxt)
            if budget < 0:
                return alone
            states.append(nxt)
            if not nxt:
                break
        if target not in states[-1] or len(states) != len(order) + 1:
            continue
        for t, f, n, c in combos:
            feasible["results_total"].add(t)
            feasible["carried_forward"].add(f)
            feasible["new_received"].add(n)
            feasible["carried_over"].add(c)
        back = {target}
        for i in range(len(order) - 1, -1, -1):
            prev = set()
            for s0 in states[i]:
                for k, v in options[order[i]]:
                    if add(s0, k) in back:
                        prev.add(s0)
                        feasible[order[i]].add(v)
            back = prev
    if not feasible["results_total"]:
        return alone
    return {r: agree(sorted(feasible[r])) for r in printed}


def _t4_determined(values: list[float]) -> tuple:
    """Table 4's 15 cells over every placement of the printed values whose groups add up exactly."""
    fits = []
    for pos in combinations(range(15), len(values)):
        vec = [0.0] * 15
        for p, v in zip(pos, values):
            vec[p] = v
        if all(abs(vec[5 * k + 4] - sum(vec[5 * k : 5 * k + 4])) < 1e-6 for k in range(3)):
            fits.append(vec)
    if not fits and len(values) == 15:
        fits = [list(values)]
    return tuple(fits[0][c] if fits and all(f[c] == fits[0][c] for f in fits) else None for c in range(15))


#: The space-separated renderings (blank cells vanish) and their writer options.
_PDF_TEXT: dict[str, _PdfText] = {
    "text-pdf-dropped": _PdfText(wrap=35, furniture=True),
    "text-t4-note": _PdfText(t4="note"),
    "text-t4-bare": _PdfText(t4="bare"),
    "text-t2-first-last": _PdfText(t2_first_last=True),
    "text-t2-nocaption": _PdfText(captions=False),
    "text-t3-partial": _PdfText(partial=True),
    "text-t3-group-after": _PdfText(group_after=True),
    "text-t2-minus-glued": _PdfText(minus_glued=True),
    "text-pipe-after-space": _PdfText(pipe_row="granted"),
    "text-label-typos": _PdfText(typos=True),
    "text-cells-dropped": _PdfText(cell_lines=True),
}


def unscored(gold: dict, name: str) -> set[tuple[str, str, str]]:
    """Cells (table, row, col) of the gold that rendering `name` does not let any reader determine,
    so ``eval`` does not score them: rows a partial table does not print, and, where blank cells
    vanish (space-separated rows), cells whose column no placement of the printed values that fits
    the table's arithmetic fixes (see `_t3_determined`, `_t4_determined`; table 2: a row with some
    but not all of its values printed). Determined cells that differ from a gold whose arithmetic
    does not hold are unscored too. Empty for every other rendering."""
    if name not in _PDF_TEXT or not renderable(gold):
        return set()
    return _undetermined(_layout_gold(gold, _zeros_blank(name)), _PDF_TEXT[name])


def unscored_when_blanks_vanish(gold: dict, blank_tables: tuple[str, ...] = ("requests", "review_litigation")) -> set[tuple[str, str, str]]:
    """`unscored` for a document printing gold 0 blank in `blank_tables` (and 0 elsewhere) whose
    blank cells a text extraction drops (``pdftotext`` without ``-layout``, PDF-to-Markdown
    converters): used by tests/data/layouts/make.py for the text made from such a PDF."""
    if not renderable(gold):
        return set()
    return _undetermined(_layout_gold(gold, lambda table: table in blank_tables), _PdfText())


def _undetermined(g: _Gold, o: _PdfText) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for _caption, headers, items in g.t2_blocks():
        cols = [c for _h, c, _s in headers]
        for item, _label in items:
            shown_t2 = [v for v in g.t2_values(item, cols) if v]
            if 0 < len(shown_t2) < len(cols):
                out.update(("proactive", item, c) for c in cols)
    if g.t3:
        t3_rows = g.t3_rows()
        shown = _t3_printed_rows(g, o)
        printed = {r: _values([v for v in g.t3_values(r) if v]) for r in shown}
        # A pipe row keeps its empty cells: its placement is the printed one.
        exact = {o.pipe_row: tuple(_values([v or "0" for v in g.t3_values(o.pipe_row)]))} if o.pipe_row in printed else {}
        fixed = _t3_determined(printed, t3_rows, whole=not o.partial, exact=exact)
        # A total every placement leaves out while the parts are not 0, in a table whose other
        # rows print totals, is no omitted total a reader can believe unless the row printed a
        # value for every part (gongkai leaves it unknown: the printed total may be a part).
        omitted = [r for r, v in fixed.items() if v[6] == 0 and any(printed[r])]
        totalled = [r for r, v in fixed.items() if v[6] not in (None, 0)]
        if len(totalled) > len(omitted):
            out.update(("requests", r, "total") for r in omitted if len(printed[r]) < 6 and r != o.pipe_row)
            # Where rows of five values or fewer show that blanks vanish, six values are no proof
            # of six parts either: they may be five parts and the total of a row that does not
            # add up, and gongkai leaves the whole row unknown.
            if any(1 <= len(v) <= 5 for v in printed.values()):
                for r in omitted:
                    if len(printed[r]) == 6 and r != o.pipe_row:
                        out.update(("requests", r, col) for col in REQUESTS_COLS)
        for r in t3_rows:
            gold_row = g.t3.get(r) or {}
            for c, col in enumerate(REQUESTS_COLS):
                value = fixed[r][c] if r in fixed else None
                want = _gold_value(gold_row.get(col))
                if value is None or want is None or abs(value - want) > 1e-6:
                    out.add(("requests", r, col))
    if g.t4:
        fixed4 = _t4_determined(_values([v for v in g.t4_values() if v]))
        for k, group in enumerate(REVIEW_GROUPS):
            for c, col in enumerate(REVIEW_COLS):
                value = fixed4[5 * k + c]
                want = _gold_value((g.t4.get(group) or {}).get(col))
                if value is None or want is None or abs(value - want) > 1e-6:
                    out.add(("review_litigation", group, col))
    return out


def _gold_value(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


# ---------------------------------------------------------------------------
# Traditional characters


@lru_cache(maxsize=1)
def _s2t() -> dict[str, str]:
    """Simplified → Traditional: for each Simplified character the first Traditional source
    in OpenCC ``TSCharacters.txt`` whose (first) target it is, among those Big5 can encode."""
    table = _ts_characters()
    out: dict[str, str] = {}
    for line in table.splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split()[0] if targets.split() else ""
        if len(source) != 1 or len(first) != 1 or first in out:
            continue
        try:
            source.encode("big5")
        except UnicodeEncodeError:
            continue
        out[first] = source
    return out


def _ts_characters() -> str:
    """OpenCC's ``TSCharacters.txt`` as the compiled core embeds it (src/data/opencc)."""
    from . import _core

    return _core.ts_characters()


def to_traditional(text: str) -> str:
    """Character-by-character Simplified → Traditional, as a content-farm copy is converted."""
    table = _s2t()
    return "".join(table.get(ch, ch) for ch in text)


# ---------------------------------------------------------------------------


def _zeros_blank(name: str) -> Callable[[str], bool]:
    if name in ("text-lines", "text-pipes"):
        return lambda table: True
    if name in ("html-word", "text-tabs", "text-pdf-dropped", "text-layout", "text-cells-dropped"):
        return lambda table: table != "proactive"
    if name in ("md-fullgrid", "html-t2-order"):
        return lambda table: table == "requests"
    return lambda table: False


def render(gold: dict, name: str) -> bytes:
    """The bytes of rendering `name` (a key of `RENDERINGS`) of the gold tables."""
    if name not in RENDERINGS:
        raise ValueError(f"unknown rendering {name!r}; known: {', '.join(RENDERINGS)}")
    if name in CLASSIC:
        return _render_classic(gold, name)
    g = _layout_gold(gold, _zeros_blank(name))
    if name == "md-extra-cell":
        g.blank |= {("requests", r, "total") for r, cells in g.t3.items() if _is_zero(cells.get("total"))}
    if name in _PDF_TEXT:
        return _pdf_report(g, _PDF_TEXT[name]).encode("utf-8")
    writers: dict[str, Callable[[_Gold], str]] = {
        "md-fullgrid": _md_fullgrid,
        "md-extra-cell": _md_extra_cell,
        "md-t4-groups": _md_t4_groups,
        "html-split": _html_split,
        "html-t2-order": _html_t2_order,
        "text-tabs": _text_tabs,
        "text-layout": _text_layout,
    }
    return writers[name](g).encode("utf-8")


def _render_classic(gold: dict, name: str) -> bytes:
    g = _Gold(gold, _zeros_blank(name))
    if name == "html-spans":
        return _html_plain(g, padded=False, meta='<meta charset="utf-8">').encode("utf-8")
    if name == "html-padded":
        return _html_plain(g, padded=True, meta='<meta charset="utf-8">').encode("utf-8")
    if name == "html-word":
        return _html_word(g).encode("utf-8")
    if name == "html-gb18030":
        return _html_plain(g, padded=False, meta='<meta charset="gb2312">').encode("gb18030")
    if name == "html-gb18030-undeclared":
        return _html_plain(g, padded=False, meta=None).encode("gb18030")
    if name == "html-big5":
        page = to_traditional(_html_plain(g, padded=False, meta='<meta charset="big5">'))
        return page.encode("big5", errors="xmlcharrefreplace")
    if name in ("text-lines", "text-lines-zeros"):
        return _text_lines(g).encode("utf-8")
    if name == "text-pipes":
        return _text_pipes(g).encode("utf-8")
    return _text_pdf(g).encode("utf-8")
