"""Year, agency and title of report openings written anew (tests/data/meta-probes/README.md)."""

import json
from pathlib import Path

import pytest

import gongkai

PROBES = Path(__file__).parent / "data" / "meta-probes"
DOCS = sorted(PROBES.glob("m*.txt"))


def test_the_folder_holds_every_probe():
    assert len(DOCS) == 40


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_year_and_agency_are_the_golds(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    r = gongkai.parse(path)
    assert r.year == gold["year"]
    if "agency" in gold:
        assert r.agency == gold["agency"]


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        # Over three lines: agency / year and 政府信息公开 / 工作年度报告.
        ("m07", "成都市住房和城乡建设局2019年政府信息公开工作年度报告"),
        # Set in lenticular brackets, which belong to neither the title nor the agency.
        ("m12", "苏州工业园区管理委员会2021年政府信息公开工作年度报告"),
        # Traditional 公開 and 報告 in a Simplified page.
        ("m14", "广州市天河区人民政府2020年政府信息公開工作年度報告"),
        # The year in brackets on a line of its own under a title wrapped over two.
        ("m18", "长沙市岳麓区市场监督管理局政府信息公开工作年度报告(2019年度)"),
        ("m34", "贵阳市观山湖区人民政府政府信息公开工作年度报告(2021年度)"),
    ],
)
def test_a_title_is_read_whole(stem, title):
    assert gongkai.parse(PROBES / f"{stem}.txt").title == title
