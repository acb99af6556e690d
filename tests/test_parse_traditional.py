"""`t2s`: a Traditional report reads the same with or without the conversion.

With ``t2s=False`` the readers still read the Simplified fold of the document (their labels
and grammar are Simplified); the report keeps the printed characters in ``text`` and in
every string quoted from it, at the same character offsets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REAL, SEEDS, documents
from gongkai import _render, parse

GOLDS = sorted(p for p in REAL.glob("*.gold.json") if _render.renderable(json.loads(p.read_text(encoding="utf-8"))))


def _values(report) -> dict:
    out = {}
    for name, table in report.tables.items():
        if table:
            for row, cells in table["cells"].items():
                for col, c in cells.items():
                    out[name, row, col] = (c["value"], c["state"], c["inferred"], tuple(c["span"]))
    return out


def _facts(report) -> list:
    return [(f["key"], f["value"], f["section"], tuple(f["span"])) for f in report.facts]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_big5_rendering_reads_the_same_without_t2s(gold_path: Path) -> None:
    page = _render.render(json.loads(gold_path.read_text(encoding="utf-8")), "html-big5")
    folded, printed = parse(page), parse(page, t2s=False)
    assert printed.source["script"] == "traditional"
    values = _values(printed)
    assert len(values) >= 150  # the three tables were read, not lost with the conversion
    assert values == _values(folded)
    assert _facts(printed) == _facts(folded)
    for key in ("kind", "template", "year", "region"):
        assert getattr(printed, key) == getattr(folded, key), key
    # The printed characters, at the folded text's offsets.
    assert len(printed.text) == len(folded.text) and printed.text != folded.text
    assert "總體情況" in printed.text and "总体情况" in folded.text
    assert printed.title is not None and "報告" in printed.title
    for name, table in printed.tables.items():
        for cells in (table or {"cells": {}})["cells"].values():
            for c in cells.values():
                a, b = c["span"]
                if b > a:
                    assert printed.text[a:b] == c["raw"]
    for f in printed.facts:
        assert f["sentence"] in printed.text
        a, b = f["span"]
        assert printed.text[a:b] == folded.text[a:b]  # a number: the same digits
    headings = [s["heading"] for s in printed.sections if s["heading"]]
    assert any("總體" in h for h in headings), headings


def test_traditional_text_file_keeps_facts_without_t2s() -> None:
    # The Traditional self-inspection seed from a document-sharing site.
    path = next(p for p in documents(SEEDS) if parse(p).source["script"] != "simplified")
    folded, printed = parse(path), parse(path, t2s=False)
    assert _facts(printed) == _facts(folded) and len(printed.facts) > 0
    assert (printed.kind, printed.year, printed.agency is None) == (folded.kind, folded.year, folded.agency is None)
    assert printed.text != folded.text and len(printed.text) == len(folded.text)
    for f in printed.facts:
        assert f["sentence"] in printed.text
