"""TEXT_TABLE_MISMATCH (SPEC §6) against the gold tables rendered as a page: prose that
agrees with the tables raises nothing, sentences that state no count of the table's
quantity (an outcome negated, requests handled, a review body's own cases) raise
nothing, and prose that disagrees is reported."""

from __future__ import annotations

import json

import pytest

from gongkai import _render, parse

from conftest import REAL

GOLD = REAL / "pingtan-syq-2023.gold.json"
OVERVIEW = _render._SENTENCES["overview"]


def _totals(gold: dict) -> tuple[int, int, int]:
    new = gold["table3"]["new_received"]["total"]
    t4 = {k: v if isinstance(v, list) else list(v.values()) for k, v in gold["table4"].items()}
    return new, t4["review"][4], t4["litigation_direct"][4] + t4["litigation_after_review"][4]


def _report(prose: str):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    page = _render.render(gold, "html-spans").decode("utf-8").replace(OVERVIEW, prose)
    return parse(page).to_dict()


def _mismatches(d: dict) -> list[str]:
    return [i["message"] for i in d["issues"] if i["code"] == "TEXT_TABLE_MISMATCH"]


def test_prose_that_agrees_raises_nothing() -> None:
    new, reviews, lawsuits = _totals(json.loads(GOLD.read_text(encoding="utf-8")))
    d = _report(
        f"2023年全区共收到政府信息公开申请{new}件。因政府信息公开引起的行政复议案件{reviews}件、行政诉讼案件{lawsuits}件。"
    )
    keyed = {f["key"]: f["value"] for f in d["facts"] if f["key"]}
    assert (keyed["requests_received"], keyed["reviews"], keyed["lawsuits"]) == (new, reviews, lawsuits)
    assert _mismatches(d) == []


@pytest.mark.parametrize(
    "prose",
    [
        "该行政复议件未被复议机关纠错。",
        "未发生政府信息公开工作被复议纠错或诉讼败诉的情况。",
        "全年办理政府信息公开申请999件，结转下年度3件。",
        "全年办理行政复议案件120件，行政诉讼应诉案件30件。",
        "未经复议直接起诉的案件均已审结。",
    ],
)
def test_sentences_without_the_tables_counts_raise_nothing(prose: str) -> None:
    d = _report(prose)
    assert _mismatches(d) == [], prose
    assert not [f for f in d["facts"] if f["key"] in ("requests_received", "reviews", "lawsuits")], prose


def test_prose_that_disagrees_is_reported() -> None:
    new, _, _ = _totals(json.loads(GOLD.read_text(encoding="utf-8")))
    d = _report(f"2023年全区共收到政府信息公开申请{new + 5}件。")
    assert len(_mismatches(d)) == 1
