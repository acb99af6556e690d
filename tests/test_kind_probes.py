"""Kind, template, year and agency of documents written anew (tests/data/kind-probes/README.md)."""

import json
from pathlib import Path

import pytest

import gongkai

PROBES = Path(__file__).parent / "data" / "kind-probes"
DOCS = sorted(PROBES.glob("k*.txt"))


def _gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))


def test_the_folder_holds_every_probe():
    assert len(DOCS) == 36


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_kind_template_and_parts_are_the_golds(path):
    # A notice on compiling the reports, a 通报 reviewing them and a guide were annual reports;
    # reports pasted one after another (no 第N篇 marks) were one report.
    gold = _gold(path)
    r = gongkai.parse(path)
    if "kind" in gold:
        assert r.kind == gold["kind"]
    assert r.template == gold["template"]
    assert len(r.parts) == gold.get("parts", 0)


def test_a_compilation_gives_the_year_or_agency_its_parts_share():
    r = gongkai.parse(PROBES / "k35.txt")
    assert [p.agency for p in r.parts] == ["宁乡县双江口镇人民政府", "宁乡县回龙铺镇人民政府", "宁乡县夏铎铺镇人民政府"]
    assert (r.year, r.agency) == (2010, None)
    r = gongkai.parse(PROBES / "k34.txt")
    assert [p.year for p in r.parts] == [2019, 2020]
    assert (r.year, r.agency) == (None, "江门市蓬江区人民政府")


def test_no_agency_is_wrong_and_most_are_found():
    right = 0
    for path in DOCS:
        gold = _gold(path)
        if "agency" not in gold:
            continue
        got = gongkai.parse(path).agency
        assert got in (None, gold["agency"]), (path.name, got)
        right += got == gold["agency"]
    assert right >= 27


def test_years_are_the_golds_but_a_reply_letters():
    for path in DOCS:
        gold = _gold(path)
        if "year" in gold and path.stem != "k21":
            assert gongkai.parse(path).year == gold["year"], path.name
