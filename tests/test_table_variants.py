"""Sixteen table layouts real authors make, as pages and through real tools (tests/data/table-variants)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai import parse
from gongkai.eval import documents, score_cells, scored_gold

from conftest import DATA, gold_beside

VARIANTS = DATA / "table-variants"
DOCS = documents(VARIANTS)


def test_the_folder_holds_each_page_and_its_renderings() -> None:
    assert len(DOCS) == 64


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_no_cell_is_wrong_and_the_metadata_is_the_golds(path: Path) -> None:
    # LibreOffice's Writer/Web PDF of a page loses its <h1> title: pdftotext's text then opens
    # with the report's first sentence hard-wrapped over lines, whose second line (`信息与政务公开
    # 办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》`) was taken for the title and
    # gave the agency `信息与` (or `民共和国`): 13 of 16.
    report = parse(path)
    gold = gold_beside(path)
    score = score_cells(report, scored_gold(gold), path.name)
    assert score.wrong == 0, score.misses[:5]
    assert (report.agency, report.year, report.template) == (gold["agency"], gold["year"], gold["template"])


def test_nearly_every_cell_is_read() -> None:
    right = total = 0
    for path in DOCS:
        score = score_cells(parse(path), scored_gold(gold_beside(path)), path.name)
        right += score.right
        total += score.total
    assert total == 12160
    assert right >= 11903, right
