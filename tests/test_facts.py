"""Facts come from prose only (SPEC §5): over every text rendering of every gold file
(gongkai._render: one cell per line, pipe rows, PDF rows — DOMAIN §8.2/§8.3), no fact
lies inside a table, and no TEXT_TABLE_MISMATCH is raised (the renderings' prose states
no number that could contradict their tables).

A table row read as prose gave false facts: ``4.无正当理由大量反复申请`` →
``requests_received = 0``, ``2.申请人逾期未按收费通知要求缴纳费用…`` → ``fees_yuan = 0``,
``未经复议直接起诉`` → ``reviews = 0``; the mismatch check then fired against the table
the "fact" came from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai import _render, parse
from gongkai.eval import gold_files

from conftest import REAL

#: The classic text renderings (their prose is `_render._SENTENCES`; the other layouts carry prose of their own).
TEXT_RENDERINGS = [name for name in _render.CLASSIC if name.startswith("text-")]
GOLDS = [p for p in gold_files([REAL]) if _render.renderable(json.loads(p.read_text(encoding="utf-8")))]

#: The headings that open and close the tables in every rendering (gongkai._render).
FIRST_TABLE_HEADING = "二、主动公开政府信息情况"
AFTER_TABLES_HEADING = "五、存在的主要问题及改进情况"


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def _cases() -> list[Any]:
    return [pytest.param(path, name, id=f"{_stem(path)}-{name}") for path in GOLDS for name in TEXT_RENDERINGS]


def _table_region(text: str) -> tuple[int, int]:
    """Characters from the end of the 二、 heading line to the start of the 五、 heading:
    tables 2–4 and the 三、/四、 headings, nothing else (no prose there in a rendering)."""
    start = text.index(FIRST_TABLE_HEADING) + len(FIRST_TABLE_HEADING)
    return start, text.index(AFTER_TABLES_HEADING, start)


def _blanked(value: Any) -> Any:
    """The gold with every table value unknown: the tables print as labels only."""
    if isinstance(value, dict):
        return {k: _blanked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_blanked(v) for v in value]
    return None if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def _assert_prose_only(report: Any, label: str) -> None:
    d = report.to_dict()
    text = d["text"]
    lo, hi = _table_region(text)
    inside = [f for f in d["facts"] if lo <= f["span"][0] < hi]
    assert not inside, f"{label}: facts from table text:\n" + "\n".join(
        f"  {f['key']} = {f['value']} (negated={f['negated']}) «{f['sentence'][:60]}»" for f in inside
    )
    for key, table in d["tables"].items():
        if table:
            s, e = table["span"]
            assert not [f for f in d["facts"] if s <= f["span"][0] < e], f"{label}: a fact inside tables.{key}"
    mismatches = [i["message"] for i in d["issues"] if i["code"] == "TEXT_TABLE_MISMATCH"]
    assert not mismatches, f"{label}: " + "\n".join(mismatches)


@pytest.mark.parametrize(("path", "name"), _cases())
def test_text_rendering_facts_come_from_prose_only(path: Path, name: str) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    report = parse(_render.render(gold, name))
    _assert_prose_only(report, f"{_stem(path)} {name}")
    # The prose of every rendering says no fee was charged (_render._SENTENCES["other"]).
    assert [f["key"] for f in report.to_dict()["facts"] if f["negated"]] == ["fees_yuan"]


@pytest.mark.parametrize(("path", "name"), _cases())
def test_empty_template_rendering_facts_come_from_prose_only(path: Path, name: str) -> None:
    """An empty template (labels only, DOMAIN §8.2): no table is placed, so its rows are
    recognised by their labels alone."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    empty = {**gold, **{k: _blanked(gold[k]) for k in ("table2", "table3", "table4") if k in gold}}
    _assert_prose_only(parse(_render.render(empty, name)), f"{_stem(path)} {name} (empty)")


def test_every_text_rendering_is_covered() -> None:
    assert set(TEXT_RENDERINGS) == {"text-lines", "text-lines-zeros", "text-pipes", "text-pdf"}
    assert len(GOLDS) == 10


def test_prose_a_converter_cut_into_pipe_cells_gives_its_facts() -> None:
    # markitdown of a real report PDF prints justified prose as pipe rows
    # (`| 和针对性。2024 | | 年，全市共受理政府信息公开申请 | … | 3119 | 件，答 |`): read as lines of text,
    # not as a table, so the facts the sentences state are found.
    report = parse(REAL.parent / "layouts" / "md-markitdown" / "huaian-shi-2024.md")
    facts = {f["key"]: f["value"] for f in report.facts if f["key"]}
    assert facts["requests_received"] == 3119
    assert facts["reviews"] == 351
    assert facts["lawsuits"] == 46
    assert "全市共受理政府信息公开申请 3119 件" in report.text


def test_a_correction_struck_out_in_the_page_is_not_read():
    # `<del>12</del>13`: the page shows a correction; joined, the numbers read 1213.
    page = "<h1>某局2023年政府信息公开工作年度报告</h1><p>2023年，共收到政府信息公开申请<del>12</del>13件，<s>办结</s>。</p>"
    facts = {f["key"]: f["value"] for f in parse(page).facts if f["key"]}
    assert facts == {"requests_received": 13}


@pytest.mark.parametrize(
    ("sentence", "attendees"),
    [
        # The trained named across a list's `、` and a numeral that counts nothing (`两级`).
        ("举办政务公开和依申请公开业务培训2期，培训市、区两级市场监管部门工作人员180人次。", 180),
        # The bodies they came from, then their taking part.
        ("年内医院组织信息公开工作专题培训2次，各临床、医技科室和职能部门共196人次参加。", 196),
        # Who they were after the count, then their taking part.
        ("举办检务公开与新闻宣传业务培训1期，全市检察机关60名新闻宣传及案件管理干警参加培训。", 60),
        # Not: visitors received, or consultations, after a training.
        ("开展培训2次，接待群众来访30人次。", None),
        ("开展培训2次，全年受理咨询300人次参加。", None),
    ],
)
def test_training_attendees_after_the_training(sentence: str, attendees: int | None) -> None:
    report = parse(("某某局2015年政府信息公开工作年度报告\n一、概述\n" + sentence).encode())
    keyed = {f["key"]: f["value"] for f in report.facts if f["key"]}
    assert keyed["training_sessions"] in (1, 2)
    assert keyed.get("training_attendees") == attendees


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the requests just counted led to: their reviews and lawsuits.
        ("2025年，全区共收到政府信息公开申请154件。引发的行政复议36起，行政诉讼9起。", {"reviews": 36, "lawsuits": 9}),
        ("本年度受理依申请公开14件，由此引发行政复议2件。", {"reviews": 2}),
        # Not after other business, nor with a cause of their own, nor with nothing before.
        ("2025年，全区完成征收项目15个。引发的行政复议36起，行政诉讼9起。", {}),
        ("2025年，全区共收到政府信息公开申请154件。因征收引发的行政复议36起。", {}),
        ("引发的行政复议36起，行政诉讼9起。", {}),
    ],
)
def test_reviews_of_the_requests_before(text: str, expected: dict[str, int]) -> None:
    report = parse(("某某区人民政府2025年政府信息公开工作年度报告\n一、总体情况\n" + text).encode())
    keyed = {f["key"]: f["value"] for f in report.facts if f["key"] in ("reviews", "lawsuits")}
    assert keyed == expected
