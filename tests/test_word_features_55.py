"""Legacy Word (.doc) text Word does not show (tests/data/word-features, made by LibreOffice from
.docx): deleted revisions (sprmCFRMarkDel) and hidden text (sprmCFVanish) are not read; inserted
revisions are."""

from __future__ import annotations

import pytest

from gongkai import parse
from gongkai.eval import score_cells, scored_gold

from conftest import DATA, gold_beside

WORD = DATA / "word-features"


def requests_value(report, row: str, col: str):
    return report.tables["requests"]["cells"][row][col]["value"]


@pytest.mark.parametrize(
    ("name", "row", "col"),
    [
        # `<del>79</del><ins>81</ins>` in the cells: 7981 before.
        ("d02-syq23-tracked-lodoc.doc", "new_received", "total"),
        ("d02-syq23-tracked-lodoc.doc", "new_received", "natural_person"),
        ("d02-syq23-tracked-lodoc.doc", "carried_over", "total"),
        # A hidden `12` before the visible 64: 1264 before.
        ("d21-syq21-smarttag-hidden-lodoc.doc", "new_received", "natural_person"),
        # A deleted copy of a row stood in for the real one.
        ("d17-syq21-tracked-rows-lodoc.doc", "new_received", "natural_person"),
        # The previous year's table 3, deleted whole, was read as the table.
        ("d32-syq25-deletedoldtable-lodoc.doc", "new_received", "total"),
    ],
)
def test_doc_reads_only_the_text_word_shows(name: str, row: str, col: str) -> None:
    path = WORD / name
    assert requests_value(parse(path), row, col) == gold_beside(path)["table3"][row][col]


@pytest.mark.parametrize(
    "name",
    [
        "d02-syq23-tracked-lodoc.doc",
        "d17-syq21-tracked-rows-lodoc.doc",
        "d21-syq21-smarttag-hidden-lodoc.doc",
        "d32-syq25-deletedoldtable-lodoc.doc",
    ],
)
def test_doc_with_deleted_or_hidden_text_has_no_wrong_cell_or_fact(name: str) -> None:
    path = WORD / name
    gold = gold_beside(path)
    report = parse(path)
    score = score_cells(report, scored_gold(gold), name)
    assert score.wrong == 0, score
    for fact in report.facts:
        if fact["key"] in gold["facts"]:
            assert fact["value"] == pytest.approx(gold["facts"][fact["key"]]), (fact["key"], fact["sentence"])
