"""Gold tables rendered the ways real pages print them (DOMAIN §3–§5, §8), for ``eval --renderings``.

Every rendering is generated from a ``*.gold.json`` (never from a parser reading)
and wrapped in a minimal report: the title 某某局{year}年政府信息公开工作年度报告 and
the six statutory headings, tables 2–4 under 二、三、四, one sentence under 一、五、六.
`render` returns the bytes a crawler would store.

Cell values: a gold number is printed as is (``251000元`` stays ``251000元``); a gold
``null`` (a value the gold could not read) cannot be printed as a number and is left
blank, and callers skip it in scoring. Gold 0 stands for "0 or blank" and each
rendering prints it the way its source kind does (see `RENDERINGS`).

Not rendered: one cell per line with the blank lines dropped. A row that lost its
blanks is ambiguous by nature (``3`` ``3`` may be 自然人 + 总计 or 商业企业 + 总计),
so no reader can be held to 100% of its cells; the Rust test
``pdf_rows_with_dropped_blanks_are_never_misplaced`` covers that shape (no guesses).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ._schema import REQUESTS_COLS, REQUESTS_ROWS_2019, REQUESTS_ROWS_2021, REVIEW_COLS, REVIEW_GROUPS
from .display import T2_BLOCKS, T3_COL_LABELS, T3_GROUPS_2019, T3_GROUPS_2021, T3_LABELS, T3_NOTE, T3_RESULTS, T4_COL_LABELS

__all__ = ["RENDERINGS", "render", "renderable", "to_traditional"]

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
}

_SENTENCES = {
    "overview": "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
    "problems": "政府信息公开工作仍存在信息更新不够及时等问题，下一步将加强培训、完善制度。",
    "other": "本机关本年度未收取信息处理费，无其他需要报告的事项。",
}
_HEADINGS = (
    ("一、总体情况", "overview"),
    ("二、主动公开政府信息情况", "proactive"),
    ("三、收到和处理政府信息公开申请情况", "requests"),
    ("四、政府信息公开行政复议、行政诉讼情况", "review_litigation"),
    ("五、存在的主要问题及改进情况", "problems"),
    ("六、其他需要报告的事项", "other"),
)
_T4_GROUP_HEADS = ("未经复议直接起诉", "复议后起诉")
_T4_TOP = ("行政复议", "行政诉讼")


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
        self.year = gold.get("year") or 2023
        self.t2 = gold.get("table2") or {}
        self.t3 = gold.get("table3") or {}
        t4 = gold.get("table4") or {}
        self.t4 = {g: dict(zip(REVIEW_COLS, v)) if isinstance(v, list) else dict(v) for g, v in t4.items()}
        self.zeros_blank = zeros_blank

    def _cell(self, table: str, value: Any) -> str:
        return "" if self.zeros_blank(table) and _is_zero(value) else _text(value)

    def t2_blocks(self) -> list[tuple[str, list[tuple[str, str, int]], list[tuple[str, str]]]]:
        return T2_BLOCKS[self.format] if self.t2 else []

    def t2_values(self, item: str, cols: list[str]) -> list[str]:
        row = self.t2.get(item) or {}
        return [self._cell("proactive", row.get(c)) for c in cols]

    def t3_rows(self) -> list[str]:
        if not self.t3:
            return []
        return list(REQUESTS_ROWS_2021 if self.format == "2021" else REQUESTS_ROWS_2019)

    def t3_groups(self) -> dict[str, tuple[str, int]]:
        return T3_GROUPS_2021 if self.format == "2021" else T3_GROUPS_2019

    def t3_values(self, row: str) -> list[str]:
        cells = self.t3.get(row) or {}
        return [self._cell("requests", cells.get(c)) for c in REQUESTS_COLS]

    def t4_values(self) -> list[str]:
        return [self._cell("review_litigation", (self.t4.get(g) or {}).get(c)) for g in REVIEW_GROUPS for c in REVIEW_COLS]

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
        rows.append([("信息内容", 1, 1)] + [(h, 1, span) for h, _c, span in headers])
        for item, label in items:
            values = g.t2_values(item, [c for _h, c, _s in headers])
            rows.append([(label, 1, 1)] + [(v, 1, span) for v, (_h, _c, span) in zip(values, headers)])
    return rows


def _t3_header() -> list[Row]:
    return [
        [(T3_NOTE, 3, 3), ("申请人情况", 1, 7)],
        [(T3_COL_LABELS[0], 2, 1), ("法人或其他组织", 1, 5), (T3_COL_LABELS[6], 2, 1)],
        [(label, 1, 1) for label in T3_COL_LABELS[1:6]],
    ]


def _t3_label_cells(g: _Gold) -> list[tuple[str, Row]]:
    """(row key, label cells) per data row, with the official spans (DOMAIN §4.2)."""
    rows = g.t3_rows()
    results = [r for r in rows if r not in ("new_received", "carried_over", "carried_forward")]
    groups = g.t3_groups()
    out: list[tuple[str, Row]] = []
    in_group = 0
    for row in rows:
        cells: Row = []
        if row not in results:
            cells.append((T3_LABELS[row], 1, 3))
        else:
            if row == results[0]:
                cells.append((T3_RESULTS, len(results), 1))
            if row in groups:
                label, span = groups[row]
                cells.append((label, span, 1))
                in_group = span
            if in_group:
                cells.append((T3_LABELS[row], 1, 1))
                in_group -= 1
            else:
                cells.append((T3_LABELS[row], 1, 2))
        out.append((row, cells))
    return out


def _t3_rows(g: _Gold) -> list[Row]:
    if not g.t3:
        return []
    return _t3_header() + [cells + [(v, 1, 1) for v in g.t3_values(row)] for row, cells in _t3_label_cells(g)]


def _t4_header() -> list[Row]:
    return [
        [(_T4_TOP[0], 1, 5), (_T4_TOP[1], 1, 10)],
        [(label, 2, 1) for label in T4_COL_LABELS] + [(h, 1, 5) for h in _T4_GROUP_HEADS],
        [(label, 1, 1) for label in T4_COL_LABELS * 2],
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


def _html_plain(g: _Gold, *, padded: bool, meta: str | None) -> str:
    title = html.escape(g.title())
    head = f"<head>{meta or ''}<title>{title}</title></head>"
    body = [f"<h1>{title}</h1>"]
    tables = _tables(g)
    for heading, key in _HEADINGS:
        body.append(f"<h2>{heading}</h2>")
        if key in _SENTENCES:
            body.append(f"<p>{_SENTENCES[key]}</p>")
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


def _html_word(g: _Gold) -> str:
    title = html.escape(g.title())
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
            out.append(f"<P class=MsoNormal style='text-indent:32.0pt'><SPAN>{_SENTENCES[key]}</SPAN></P>")
            continue
        rows = tables[key]
        if not rows:
            continue
        out.append("<TABLE class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>")
        for row in rows:
            # Numbers (no Han character: 251000元 stays whole) go one character per <SPAN>.
            tds = "".join(_word_td(c, number=bool(c[0]) and not _has_han(c[0])) for c in row)
            out.append(f"<TR style='height:20.0pt'>{tds}</TR>")
        width = max(sum(c for _t, _r, c in row) for row in rows)
        filler = "".join("<TD width=60 style='border:none'></TD>" for _ in range(width))
        out.append(f"<![if !supportMisalignedColumns]><TR height=0>{filler}</TR><![endif]>")
        out.append("</TABLE>")
    out.append("<P class=MsoNormal><SPAN lang=EN-US><o:p>&nbsp;</o:p></SPAN></P></DIV></BODY></HTML>")
    return "\n".join(out) + "\n"


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
        t2.append(" ".join(["信息内容"] + [h for h, _c, _s in headers]))
        for item, label in items:
            values = [v for v in g.t2_values(item, [c for _h, c, _s in headers]) if v]
            t2.append(" ".join([label] + values))
    t3: list[str] = []
    if g.t3:
        t3 += [T3_NOTE + " 申请人情况", "自然人 法人或其他组织 总计", " ".join(T3_COL_LABELS[1:6])]
        groups = g.t3_groups()
        for i, row in enumerate(g.t3_rows()):
            if row == "granted":
                t3.append(T3_RESULTS)
            if row in groups:
                t3.append(groups[row][0])
            if i == 11:  # a page break between 7.属于行政执法案卷 and 8.属于行政查询事项
                t3 += ["- 7 -", "第 3 页 共 5 页"]
            values = [v for v in g.t3_values(row) if v]
            t3.append(" ".join([T3_LABELS[row]] + values))
    t4: list[str] = []
    if g.t4:
        # 结果维持 → 结果 / 维持, 总计 → 总 / 计: at most two characters per line (DOMAIN §8.3).
        top = [label[: (len(label) + 1) // 2] for label in T4_COL_LABELS]
        bottom = [label[(len(label) + 1) // 2 :] for label in T4_COL_LABELS]
        t4 = [
            " ".join(_T4_TOP),
            " ".join(top + list(_T4_GROUP_HEADS)),
            " ".join(bottom + top * 2),
            " ".join(bottom * 2),
            " ".join(v for v in g.t4_values() if v),
        ]
    return _report_text(g, {"proactive": t2, "requests": t3, "review_litigation": t4})


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
    if name == "html-word":
        return lambda table: table != "proactive"
    return lambda table: False


def render(gold: dict, name: str) -> bytes:
    """The bytes of rendering `name` (a key of `RENDERINGS`) of the gold tables."""
    if name not in RENDERINGS:
        raise ValueError(f"unknown rendering {name!r}; known: {', '.join(RENDERINGS)}")
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
