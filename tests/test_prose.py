"""Prose readings through the public API (SPEC §2, §3, §5): metadata, outline, facts, parts."""

import pytest

import gongkai
from conftest import REAL, SEEDS, documents, gold

SEED0 = SEEDS / "000_cc707d8ae19cac44.txt"
SEED4 = SEEDS / "004_e4ca24f9fb34d657.txt"


def test_seed0_metadata_codes_and_region():
    d = gongkai.extract(SEED0)
    assert (d["kind"], d["template"], d["year"], d["agency"]) == ("annual_report", "pre2019", 2010, "琅琊镇")
    assert d["admin_level"] == "township"
    assert d["written"] == "2014-08-13"
    assert d["credit_code"] == {"code": "11330702731527164G", "valid": True}
    assert d["region"] == {"code": "330702", "province": "浙江省", "city": "金华市", "county": "婺城区"}


def test_sections_have_spans_keys_and_children():
    d = gongkai.extract(SEED0)
    text = d["text"]
    keys = [s["key"] for s in d["sections"]]
    assert keys[:3] == ["preamble", "overview", "proactive"]
    overview = d["sections"][1]
    assert (overview["number"], overview["level"], overview["heading"]) == ("一", 1, "基本情况")
    start, end = overview["span"]
    assert text[start:end].startswith("一、基本情况")
    child = overview["children"][0]
    assert child["level"] == 2 and child["key"] is None
    assert start <= child["span"][0] < child["span"][1] <= end


def test_fact_spans_are_evidence():
    d = gongkai.extract(SEEDS / "003_e7e8e141b0d8918b.txt")
    text = d["text"]
    by_key = {}
    for f in d["facts"]:
        by_key.setdefault(f["key"], f)
        s, e = f["span"]
        assert text[s:e] in f["sentence"]
    f = by_key["proactive_cumulative"]
    assert (f["value"], f["unit"], f["approx"], f["negated"]) == (75646, "条", False, False)
    assert text[f["span"][0]:f["span"][1]] == "75646"
    assert by_key["training_attendees"]["value"] == 116
    assert by_key["requests_received"]["negated"] is True and by_key["requests_received"]["value"] == 0


def test_compilation_has_one_part_per_document():
    d = gongkai.extract(SEED4)
    assert d["kind"] == "compilation" and d["template"] is None
    assert len(d["parts"]) == 5
    assert [p["text"][:3] for p in d["parts"]] == ["第一篇", "第二篇", "第三篇", "第四篇", "第五篇"]
    codes = [i["code"] for i in d["parts"][0]["issues"]]
    assert "PLACEHOLDER" in codes


@pytest.mark.parametrize("path", documents(REAL) + documents(SEEDS), ids=lambda p: p.name)
def test_gold_fields_and_facts(path):
    g = gold(path)
    d = gongkai.extract(path)
    template = None if g["template"] == "none" else g["template"]
    assert (d["year"], d["agency"], d["kind"], d["template"]) == (g["year"], g["agency"], g["kind"], template)
    first = {}
    for f in d["facts"]:
        if f["key"]:
            first.setdefault(f["key"], f["value"])
    for key, value in (g.get("facts") or {}).items():
        if key != "info_total":
            assert first.get(key) == value, key


def test_not_a_report_is_other():
    d = gongkai.extract("关于召开运动会的通知\n各单位：定于下周举行运动会，请准时参加。")
    assert d["kind"] == "other" and d["template"] is None
