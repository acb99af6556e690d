#!/usr/bin/env python3
"""Footnote marks set superscript after table values (and corrections struck out before them),
through the HTML-to-text tools that keep
them apart from the number (`69^1` by Lynx and w3m, `69¹` by pandoc's plain text, `69<sup>1</sup>`
kept as raw HTML by pandoc's GFM, Links and ELinks leaving the mark out).

Every fifth value cell of the html-spans rendering of four real gold files gets `<sup>1</sup>`
after its number; the page goes through each tool; the file is written beside its gold (the
source gold's tables, nulls dropped, the metadata the page shows). Tools: those of
tests/data/layouts/make.py (Debian bookworm lynx, w3m, pandoc, links2, elinks).

Usage, from the repository root: ``python tests/data/footnote-marks/make.py``
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

GOLDS = ("pingtan-syq-2023", "shanghai-bgt-2019", "pingtan-czj-2021", "pingtan-syq-2021")
TOOLS = {
    "lynx": (".txt", layouts.lynx_text, f"{layouts.TOOLS['lynx']} -dump -nolist"),
    "w3m": (".txt", layouts.w3m_text, f"{layouts.TOOLS['w3m']} -dump -cols 200"),
    "pandoc-plain": (
        ".txt",
        lambda h: layouts.pandoc(h, "html", "plain"),
        f"{layouts.TOOLS['pandoc']} -f html -t plain",
    ),
    "pandoc-gfm": (".md", lambda h: layouts.pandoc(h, "html", "gfm"), f"{layouts.TOOLS['pandoc']} -f html -t gfm"),
    "links": (".txt", layouts.links_text, f"{layouts.TOOLS['links']} -dump -width 200"),
    "elinks": (".txt", layouts.elinks_text, f"{layouts.TOOLS['elinks']} -dump -dump-width 200"),
}


def marked(page: str) -> str:
    """`page` with `<sup>1</sup>` after every fifth value cell's number."""
    count = iter(range(10**6))
    return re.sub(
        r"(<td[^>]*>)(\d+)(?=</td>)", lambda m: m.group(0) + ("<sup>1</sup>" if next(count) % 5 == 4 else ""), page
    )


#: Struck-out corrections (`<del>9</del>` before every seventh value) through the tools that print
#: them marked: `~~9~~` (Markdown), `[DEL:9:DEL]` (w3m), `[DEL: 9 :DEL]` (Lynx).
STRUCK_TOOLS = {
    "html2text": (".md", layouts.html2text_md, f"{layouts.TOOLS['html2text']} HTML2Text(body_width=0).handle"),
    "markitdown": (".md", layouts.markitdown_html_md, f"{layouts.TOOLS['markitdown']} convert_stream (.html)"),
    "pandoc-gfm": TOOLS["pandoc-gfm"],
    "lynx": TOOLS["lynx"],
    "w3m": TOOLS["w3m"],
}


def struck(page: str) -> str:
    """`page` with `<del>9</del>` before every seventh value cell's number."""
    count = iter(range(10**6))
    return re.sub(
        r"(<td[^>]*>)(\d+)(?=</td>)",
        lambda m: m.group(1) + ("<del>9</del>" if next(count) % 7 == 6 else "") + m.group(2),
        page,
    )


def write_through(slug: str, path: Path, gold: dict, change, tools: dict, name: str, what: str) -> None:
    """The gold's html-spans page `change`d, through each of `tools`, written beside its gold."""
    page = _render.render(gold, "html-spans")
    page = change(page.decode("utf-8") if isinstance(page, bytes) else page).encode("utf-8")
    for tool, (ext, fn, how) in tools.items():
        out = HERE / f"{slug}.{name}{tool}{ext}"
        layouts.write(
            out, fn(page), layouts.derived_gold(gold, path, out, f"html-spans with {what} → {how}", classic=True)
        )


def main() -> None:
    for slug in GOLDS:
        path = layouts.REAL / f"{slug}.gold.json"
        gold = json.loads(path.read_text(encoding="utf-8"))
        write_through(slug, path, gold, marked, TOOLS, "", "a footnote mark <sup>1</sup> after every fifth value")
        if slug in GOLDS[:2]:
            write_through(
                slug,
                path,
                gold,
                struck,
                STRUCK_TOOLS,
                "struck-",
                "a correction <del>9</del> before every seventh value",
            )


if __name__ == "__main__":
    main()
