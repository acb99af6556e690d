"""The checks through the public API (SPEC §6): issue shape, the Shanghai blank
totals, an HTML table built from gold values with one cell changed, the exit status
of `gongkai check`, and TEXT_TABLE_MISMATCH against the gold tables rendered as a page:
prose that agrees with the tables raises nothing, sentences that state no count of the
table's quantity (an outcome negated, requests handled, a review body's own cases) raise
nothing, and prose that disagrees is reported."""

import json
import subprocess
import sys

import pytest

import gongkai
from conftest import HANG_GUARD, REAL, SEEDS
from gongkai import _render, parse
from gongkai._schema import REQUESTS_LABELS

ISSUE_KEYS = {"code", "severity", "message", "cells", "expected", "actual", "blame"}

# The 2021 table-3 rows in template order (the 2019 single （六） row left out).
LABELS = {key: label for key, label in REQUESTS_LABELS.items() if key != "other"}
COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]


def table3_page(t3: dict) -> str:
    """A page holding table 3 as a CMS renders it (2021 format)."""
    rows = [
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
    ]
    for key, label in LABELS.items():
        cells = "".join(f"<td>{t3[key][c]}</td>" for c in COLS)
        rows.append(f'<tr><td colspan="3">{label}</td>{cells}</tr>')
    return (
        "<html><head><title>某局2025年政府信息公开工作年度报告</title></head><body>"
        "<p>三、收到和处理政府信息公开申请情况</p><table>" + "".join(rows) + "</table></body></html>"
    )


def gold_t3(name: str) -> dict:
    return json.loads((REAL / f"{name}.gold.json").read_text(encoding="utf-8"))["table3"]


def arithmetic(d: dict) -> list[tuple[str, str]]:
    return sorted((i["code"], i["cells"][0]) for i in d["issues"] if i["code"].startswith(("T3_", "T4_")))


def test_issue_shape():
    for path in [REAL / "shanghai-bgt-2019.html", REAL / "pingtan-czj-2021.txt", SEEDS / "003_e7e8e141b0d8918b.txt"]:
        d = gongkai.extract(path)
        assert d["issues"], path
        for i in d["issues"]:
            assert set(i) == ISSUE_KEYS
            assert i["severity"] in ("error", "warning", "info")
            assert i["blame"] in ("source", "parser")
            assert isinstance(i["cells"], list) and all(isinstance(c, str) for c in i["cells"])
            assert i["expected"] is None or isinstance(i["expected"], (int, float))


def test_shanghai_blank_totals_are_omitted_totals():
    d = gongkai.extract(REAL / "shanghai-bgt-2019.html")
    omitted = {i["cells"][0]: i for i in d["issues"] if i["code"] == "T3_TOTAL_OMITTED"}
    assert len(omitted) == 11
    granted = omitted["requests.granted.total"]
    assert (granted["severity"], granted["blame"], granted["expected"], granted["actual"]) == (
        "warning",
        "source",
        272,
        None,
    )
    assert not [i for i in d["issues"] if i["severity"] == "error"]


def test_table_from_gold_adds_up_and_one_cell_changed_does_not():
    t3 = gold_t3("pingtan-syq-2025")
    assert arithmetic(gongkai.extract(table3_page(t3))) == []
    t3["granted"]["total"] = 32
    issues = gongkai.extract(table3_page(t3))["issues"]
    assert arithmetic({"issues": issues}) == [
        ("T3_RESULTS_SUM", "requests.results_total.total"),
        ("T3_ROW_SUM", "requests.granted.total"),
    ]
    row = next(i for i in issues if i["code"] == "T3_ROW_SUM")
    assert (row["expected"], row["actual"], row["severity"]) == (33, 32, "error")


def test_check_command_exit_status(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(table3_page(gold_t3("pingtan-syq-2025")), encoding="utf-8")
    t3 = gold_t3("pingtan-syq-2025")
    t3["new_received"]["total"] = 155
    bad = tmp_path / "bad.html"
    bad.write_text(table3_page(t3), encoding="utf-8")

    def check(path):
        return subprocess.run(
            [sys.executable, "-m", "gongkai", "check", str(path)], capture_output=True, text=True, timeout=HANG_GUARD
        )

    assert check(good).returncode == 0
    proc = check(bad)
    assert proc.returncode == 1
    assert "T3_ROW_SUM" in proc.stdout and "T3_BALANCE" in proc.stdout


# --- TEXT_TABLE_MISMATCH ---------------------------------------------------------------

TEXT_TABLE_GOLD = REAL / "pingtan-syq-2023.gold.json"
OVERVIEW = _render._SENTENCES["overview"]


def _totals(gold: dict) -> tuple[int, int, int]:
    new = gold["table3"]["new_received"]["total"]
    t4 = {k: v if isinstance(v, list) else list(v.values()) for k, v in gold["table4"].items()}
    return new, t4["review"][4], t4["litigation_direct"][4] + t4["litigation_after_review"][4]


def _report(prose: str):
    gold = json.loads(TEXT_TABLE_GOLD.read_text(encoding="utf-8"))
    page = _render.render(gold, "html-spans").decode("utf-8").replace(OVERVIEW, prose)
    return parse(page).to_dict()


def _mismatches(d: dict) -> list[str]:
    return [i["message"] for i in d["issues"] if i["code"] == "TEXT_TABLE_MISMATCH"]


def test_text_table_prose_that_agrees_raises_nothing() -> None:
    new, reviews, lawsuits = _totals(json.loads(TEXT_TABLE_GOLD.read_text(encoding="utf-8")))
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
def test_text_table_sentences_without_the_tables_counts_raise_nothing(prose: str) -> None:
    d = _report(prose)
    assert _mismatches(d) == [], prose
    assert not [f for f in d["facts"] if f["key"] in ("requests_received", "reviews", "lawsuits")], prose


def test_text_table_prose_that_disagrees_is_reported() -> None:
    new, _, _ = _totals(json.loads(TEXT_TABLE_GOLD.read_text(encoding="utf-8")))
    d = _report(f"2023年全区共收到政府信息公开申请{new + 5}件。")
    assert len(_mismatches(d)) == 1


T4_SLIPS = [
    # Review's total printed 0 under parts 3 and 1, beside a litigation group whose only part,
    # 1, is its total: that part equalling "the sum of the others" was taken for values
    # printed out of order, and the whole table was left unknown.
    {"review": [3, 1, 0, 0, 0], "litigation_direct": [0, 0, 0, 0, 0], "litigation_after_review": [0, 1, 0, 0, 1]},
    # Review's parts 1 and 1 (each "the sum of the others") over a total printed 0: in a grid
    # the cells stand in the columns' order, so this too is the row as printed.
    {"review": [1, 0, 1, 0, 0], "litigation_direct": [1, 0, 0, 0, 1], "litigation_after_review": [0, 0, 1, 0, 1]},
]


@pytest.mark.parametrize("t4", T4_SLIPS, ids=["one-part-group", "equal-parts"])
@pytest.mark.parametrize("rendering", ["html-spans", "html-word", "text-pipes", "text-pdf"])
def test_a_table4_slip_is_read_as_printed(rendering: str, t4: dict) -> None:
    # The row prints a value in every column (or a blank where zeros print blank), so it reads
    # as printed and the slip is reported.
    gold = json.loads((REAL / "pingtan-czj-2021.gold.json").read_text(encoding="utf-8"))
    gold["table4"] = {group: dict(zip(["upheld", "corrected", "other", "pending", "total"], v)) for group, v in t4.items()}
    r = parse(_render.render(gold, rendering))
    cells = r.tables["review_litigation"]["cells"]
    if rendering == "text-pdf" and t4 is T4_SLIPS[1]:
        # Plain text, no grid: 1 0 1 0 0 may be a line printed out of order (the total moved
        # among the parts), so the row stays unknown, never read another way.
        assert all(c["value"] is None for row in cells.values() for c in row.values())
        assert any(i["code"] == "TABLE_UNREADABLE" for i in r.issues)
        return
    assert {g: [c["value"] or 0 for c in row.values()] for g, row in cells.items()} == t4
    # Printed 0 (a sum that fails), or blank where zeros print blank (a total left out).
    flagged = [i["code"] for i in r.issues if i["cells"][:1] == ["review_litigation.review.total"]]
    assert flagged in (["T4_GROUP_SUM"], ["T3_TOTAL_OMITTED"])
