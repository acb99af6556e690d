#!/usr/bin/env python3
"""Table 4 printed in other shapes than the form's one table, through real tools.

Some reports print table 4 (行政复议, 行政诉讼) as two tables, one a group (`split`: 行政复议
over its five columns, then 行政诉讼 with 未经复议直接起诉 and 复议后起诉 over ten); or the
review table and then one row per kind of lawsuit (`rows`); or turned on its side, the five
results as rows and the three groups as columns (`transposed`); or as a list, a row per cell
(`listed`, `行政复议结果维持 | 1`). The html-spans rendering of
three real gold files gets each shape in place of its table 4; the page is kept as it is and goes
through LibreOffice's and Chromium's PDFs, `pdftotext -layout` of the LibreOffice PDF, pandoc
(GFM), html2text, w3m and Lynx. Each file is written beside its gold (the source gold's tables,
nulls dropped, the metadata the page shows). Tools: those of tests/data/layouts/make.py.

Usage, from the repository root: ``python tests/data/table4-shapes/make.py``
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "layouts"))

import make as layouts  # noqa: E402

from gongkai import _render  # noqa: E402

GOLDS = ("pingtan-syq-2023", "shanghai-bgt-2019", "pingtan-czj-2021")

#: Table 4's five columns and three groups, in the form's order.
COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
GROUPS = (("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"), ("litigation_after_review", "复议后起诉"))


def _td(text: object, attrs: str = "") -> str:
    return f"<td{attrs}>{text}</td>"


def _tr(*cells: str) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def _table(*rows: str) -> str:
    return '<table border="1" cellspacing="0"><tbody>' + "".join(rows) + "</tbody></table>"


def _review(t4: dict) -> str:
    """The review table: 行政复议 over its five columns and its row of values."""
    return _table(_tr(_td("行政复议", ' colspan="5"')), _tr(*map(_td, COLUMNS)), _tr(*map(_td, t4["review"])))


def split(t4: dict) -> str:
    """Two tables: 行政复议 over its five columns, then 行政诉讼 over its two groups' ten."""
    litigation = _table(
        _tr(_td("行政诉讼", ' colspan="10"')),
        _tr(_td("未经复议直接起诉", ' colspan="5"'), _td("复议后起诉", ' colspan="5"')),
        _tr(*map(_td, COLUMNS * 2)),
        _tr(*map(_td, t4["litigation_direct"] + t4["litigation_after_review"])),
    )
    return _review(t4) + "\n" + litigation


def rows(t4: dict) -> str:
    """The review table, then a table of lawsuits with a row for each kind."""
    litigation = _table(
        _tr(_td("行政诉讼"), *map(_td, COLUMNS)),
        *(_tr(_td(name), *map(_td, t4[key])) for key, name in GROUPS[1:]),
    )
    return _review(t4) + "\n" + litigation


def transposed(t4: dict) -> str:
    """One table on its side: the results as rows, the groups as columns."""
    head = (
        _tr(_td("", ' rowspan="2"'), _td("行政复议", ' rowspan="2"'), _td("行政诉讼", ' colspan="2"')),
        _tr(_td("未经复议直接起诉"), _td("复议后起诉")),
    )
    body = (_tr(_td(c), *(_td(t4[key][i]) for key, _ in GROUPS)) for i, c in enumerate(COLUMNS))
    return _table(*head, *body)


def listed(t4: dict) -> str:
    """A list, a row per cell: its group and column named in its label."""
    rows = [_tr(_td("项目"), _td("数量"))]
    for key, name in GROUPS:
        group = name if key == "review" else "行政诉讼" + name
        rows.extend(_tr(_td(group + c), _td(t4[key][i])) for i, c in enumerate(COLUMNS))
    return _table(*rows)


SHAPES = {"split": split, "rows": rows, "transposed": transposed, "listed": listed}


def with_shape(page: str, t4: dict, shape) -> str:
    """`page` (html-spans) with its table 4 replaced by `shape(t4)`."""
    at = page.index("结果维持")
    start = page.rindex("<table", 0, at)
    end = page.index("</table>", at) + len("</table>")
    return page[:start] + shape(t4) + page[end:]


PAGE_TOOLS = {k: layouts.HTML_TOOLS[k] for k in ("pandoc-gfm", "html2text", "w3m", "lynx")}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for slug in GOLDS:
            path = layouts.REAL / f"{slug}.gold.json"
            gold = json.loads(path.read_text(encoding="utf-8"))
            page = _render.render(gold, "html-spans").decode("utf-8")
            for name, shape in SHAPES.items():
                what = f"html-spans with table 4 {name}"
                html = with_shape(page, gold["table4"], shape).encode("utf-8")
                stem = f"{slug}.{name}"
                out = HERE / f"{stem}.html"
                layouts.write(out, html, layouts.derived_gold(gold, path, out, what, classic=True))
                lo, _ = layouts.page_through_tools(html, stem, HERE, tmp, gold, path, what, PAGE_TOOLS)
                out = HERE / f"{stem}.libreoffice.pdftotext-layout.txt"
                layouts.write(
                    out,
                    layouts.pdftotext(lo, layout=True),
                    layouts.derived_gold(
                        gold, path, out, f"{what} → LibreOffice PDF → pdftotext -layout", classic=True
                    ),
                )


if __name__ == "__main__":
    main()
