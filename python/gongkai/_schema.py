"""The table and fact keys in template order, with the labels the official forms print,
shared by frames, compare, display, the renderer and the reference pages.

The tables come from `gongkai.template()` (``_core.template()``), the one copy of the
official forms (国办公开办函〔2019〕60号, 〔2021〕30号), kept in the core; this module only
reshapes it for its readers. No imports beyond the core and the standard library: the
core works without pandas.
"""

from __future__ import annotations

from typing import Any

from . import _core

_TEMPLATE: dict[str, Any] = _core.template()
_PROACTIVE = _TEMPLATE["proactive"]
_REQUESTS = _TEMPLATE["requests"]
_REVIEW = _TEMPLATE["review_litigation"]

#: The three tables of a report, in document order, with their row and column keys.
TABLES = ("proactive", "requests", "review_litigation")

#: Each table's section heading as printed (二、主动公开政府信息情况 …).
TABLE_TITLES: dict[str, str] = {key: _TEMPLATE[key]["title"] for key in TABLES}

#: The forms of tables 2 and 3, newest first.
FORMATS: tuple[str, ...] = tuple(_PROACTIVE["formats"])

# ---------------------------------------------------------------------------
# Table 3

#: Table 3 columns, in template order, and their printed headers.
REQUESTS_COLS: tuple[str, ...] = tuple(c["key"] for c in _REQUESTS["columns"])
REQUESTS_COL_LABELS: tuple[str, ...] = tuple(c["label"] for c in _REQUESTS["columns"])
#: The header over the seven columns (申请人情况), the one over the organisation columns
#: (法人或其他组织), and the note in the top-left corner (the columns' 勾稽关系).
REQUESTS_HEADER: str = _REQUESTS["header"]
REQUESTS_ORG_HEADER: str = next(c["group"] for c in _REQUESTS["columns"] if c["group"])
REQUESTS_NOTE: str = _REQUESTS["note"]

#: Table 3 rows in template order; `other` is the 2019 single （六） row, the three
#: `other_*` rows replace it in 2021.
REQUESTS_ROWS: tuple[str, ...] = tuple(r["key"] for r in _REQUESTS["rows"])
REQUESTS_ROWS_2019: tuple[str, ...] = tuple(r["key"] for r in _REQUESTS["rows"] if "2019" in r["formats"])
REQUESTS_ROWS_2021: tuple[str, ...] = tuple(r["key"] for r in _REQUESTS["rows"] if "2021" in r["formats"])
#: Each row's label as printed (一、本年新收政府信息公开申请数量 …).
REQUESTS_LABELS: dict[str, str] = {r["key"]: r["label"] for r in _REQUESTS["rows"]}
#: The spanning label of the result rows (三、本年度办理结果), and the rows outside it.
REQUESTS_RESULTS: str = next(r["section"] for r in _REQUESTS["rows"] if r["section"])
REQUESTS_TOP: tuple[str, ...] = tuple(r["key"] for r in _REQUESTS["rows"] if not r["section"])
#: The category a numbered row sits under (（三）不予公开 …), None for the others.
REQUESTS_CATEGORY: dict[str, str | None] = {r["key"]: r["category"] for r in _REQUESTS["rows"]}


def _groups(rows: tuple[str, ...]) -> dict[str, tuple[str, int]]:
    """First row of each category → (category label, rows under it), in the rows of one form."""
    out: dict[str, tuple[str, int]] = {}
    first = None
    for row in rows:
        category = REQUESTS_CATEGORY[row]
        if category is None:
            first = None
        elif first is not None and out[first][0] == category:
            out[first] = (category, out[first][1] + 1)
        else:
            first = row
            out[row] = (category, 1)
    return out


#: Categories drawn as a spanning label beside their rows: first row → (label, rows).
REQUESTS_GROUPS_2019 = _groups(REQUESTS_ROWS_2019)
REQUESTS_GROUPS_2021 = _groups(REQUESTS_ROWS_2021)

# ---------------------------------------------------------------------------
# Table 4

REVIEW_GROUPS: tuple[str, ...] = tuple(g["key"] for g in _REVIEW["groups"])
REVIEW_COLS: tuple[str, ...] = tuple(c["key"] for c in _REVIEW["columns"])
#: Printed labels: the groups (行政复议, 未经复议直接起诉, 复议后起诉), the five columns,
#: and the header each group sits under (行政复议, 行政诉讼), in order.
REVIEW_GROUP_LABELS: dict[str, str] = {g["key"]: g["label"] for g in _REVIEW["groups"]}
REVIEW_COL_LABELS: tuple[str, ...] = tuple(c["label"] for c in _REVIEW["columns"])
REVIEW_GROUP_HEADERS: dict[str, str] = {g["key"]: g["group"] for g in _REVIEW["groups"]}
REVIEW_HEADERS: tuple[str, ...] = tuple(dict.fromkeys(REVIEW_GROUP_HEADERS.values()))

# ---------------------------------------------------------------------------
# Table 2

#: The header of the item column (信息内容).
PROACTIVE_ITEM_HEADER: str = _PROACTIVE["item_header"]

Block = tuple[str, list[tuple[str, str, int]], list[tuple[str, str]]]

#: Table 2 blocks per form as printed: (caption, [(header, col, colspan)], [(item, label)]),
#: colspan counting the grid columns of the four-column form.
PROACTIVE_BLOCKS: dict[str, list[Block]] = {
    fmt: [
        (
            b["caption"],
            [(c["label"], c["key"], c["colspan"]) for c in b["columns"]],
            [(i["key"], i["label"]) for i in b["items"]],
        )
        for b in blocks
    ]
    for fmt, blocks in _PROACTIVE["formats"].items()
}


def _items() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Every item of either form in template order, with its 2021 and 2019 columns (empty where
    the form has no such item). The forms list their items in one order, so merging each
    form's sequence, an item after the one it follows, keeps it."""
    cols: dict[str, dict[str, tuple[str, ...]]] = {}
    order: list[str] = []
    for fmt, blocks in PROACTIVE_BLOCKS.items():
        before = -1
        for _caption, headers, items in blocks:
            for item, _label in items:
                cols.setdefault(item, {})[fmt] = tuple(col for _h, col, _s in headers)
                if item in order:
                    before = order.index(item)
                else:
                    before += 1
                    order.insert(before, item)
    return tuple((item, cols[item].get("2021", ()), cols[item].get("2019", ())) for item in order)


#: Table 2 items with their 2021 and 2019 columns, in template order.
PROACTIVE_ITEMS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = _items()


def proactive_cols(item_cols_2021: tuple[str, ...], item_cols_2019: tuple[str, ...]) -> tuple[str, ...]:
    """An item's columns over both formats: the 2021 ones, then the 2019 ones not already listed."""
    return item_cols_2021 + tuple(c for c in item_cols_2019 if c not in item_cols_2021)


#: Every (item, col) of table 2 over both formats, so a mixed corpus has stable columns.
PROACTIVE_CELLS = tuple((item, col) for item, c21, c19 in PROACTIVE_ITEMS for col in proactive_cols(c21, c19))

#: Table 2 columns that hold money (decimals), not counts.
MONEY_CELLS = {("fees", "amount_10k_yuan"), ("procurement", "amount")}

#: Canonical fact keys, in the order of docs/reference/facts.md.
FACT_KEYS = (
    "proactive_total",
    "proactive_cumulative",
    "requests_received",
    "requests_granted",
    "requests_denied",
    "fees_yuan",
    "reviews",
    "lawsuits",
    "complaints",
    "consultations",
    "training_sessions",
    "training_attendees",
    "press_conferences",
    "site_visits",
)
MONEY_FACTS = {"fees_yuan"}


def requests_rows(fmt: str | None) -> tuple[str, ...]:
    """Table 3 rows of one format (both formats' rows when the format is unknown)."""
    if fmt == "2019":
        return REQUESTS_ROWS_2019
    if fmt == "2021":
        return REQUESTS_ROWS_2021
    return REQUESTS_ROWS


def requests_groups(fmt: str | None) -> dict[str, tuple[str, int]]:
    """The spanning categories of table 3 in one format (2019's unless it is 2021)."""
    return REQUESTS_GROUPS_2021 if fmt == "2021" else REQUESTS_GROUPS_2019


def proactive_layout(fmt: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Table 2 items and their columns for one format (the union when unknown)."""
    out = []
    for item, c21, c19 in PROACTIVE_ITEMS:
        cols = c21 if fmt == "2021" else c19 if fmt == "2019" else proactive_cols(c21, c19)
        if cols:
            out.append((item, cols))
    return tuple(out)
