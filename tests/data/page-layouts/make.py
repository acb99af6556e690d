#!/usr/bin/env python3
"""Report pages inside a site's layout table, through the text tools.

A CMS page often sets its content in a layout table beside a sidebar (`导航`) and over a footer
(`版权所有`); text browsers then print the report's tables inside that table's cell, with the
sidebar's text on one of their lines, left of the frame (`导航    │…│`). The html-spans rendering
of three real gold files is set so, and goes through pandoc (GFM: the page's HTML as it is, its
tables nesting), html2text, w3m, ELinks and Lynx (markitdown makes one pipe table of it: not
read yet). The same pages with each table inside a one-cell frame table (`boxed`: pandoc's GFM
then keeps each table as raw HTML between Markdown headings) go through the same tools. Each
file is written beside its gold (the source gold's tables, nulls dropped, the metadata the page
shows). Tools: those of tests/data/layouts/make.py.

Usage, from the repository root: ``python tests/data/page-layouts/make.py``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "layouts"))

import make as layouts  # noqa: E402

from gongkai import _render  # noqa: E402

GOLDS = ("pingtan-syq-2023", "shanghai-bgt-2019", "pingtan-czj-2021")
TOOLS = ("pandoc-gfm", "html2text", "w3m", "elinks", "lynx")


def in_layout(page: str) -> str:
    """`page` with its body in a layout table: a sidebar cell left of it, a footer row under it."""
    start = page.index(">", page.index("<body")) + 1
    end = page.rindex("</body>")
    return (
        page[:start]
        + '<table width="100%"><tr><td width="20%">导航</td><td>'
        + page[start:end]
        + '</td></tr><tr><td colspan="2">版权所有</td></tr></table>'
        + page[end:]
    )


def boxed(page: str) -> str:
    """`page` with each table inside a one-cell frame table (a CMS editor's box around it)."""
    return re.sub(r'(<table border="1".*?</table>)', r'<table width="100%"><tr><td>\1</td></tr></table>', page, flags=re.S)


#: (file tag, what the page is, how it is made from the html-spans rendering)
SHAPES = (
    ("sidebar", "html-spans in a layout table beside a sidebar", in_layout),
    ("boxed", "html-spans with each table in a one-cell frame table", boxed),
)


def main() -> None:
    for slug in GOLDS:
        path = layouts.REAL / f"{slug}.gold.json"
        gold = json.loads(path.read_text(encoding="utf-8"))
        for tag, what, shape in SHAPES:
            html = shape(_render.render(gold, "html-spans").decode("utf-8")).encode("utf-8")
            out = HERE / f"{slug}.{tag}.html"
            layouts.write(out, html, layouts.derived_gold(gold, path, out, what, classic=True))
            for tool in TOOLS:
                ext, fn, how = layouts.HTML_TOOLS[tool]
                out = HERE / f"{slug}.{tag}.{tool}{ext}"
                layouts.write(out, fn(html), layouts.derived_gold(gold, path, out, f"{what} → {how}", classic=True))


if __name__ == "__main__":
    main()
