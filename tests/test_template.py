"""`gongkai.template()`: the official forms as data, one copy in the core."""

import gongkai
from gongkai import _schema, display


def test_requests_rows_and_columns_in_template_order():
    t = gongkai.template()["requests"]
    assert tuple(r["key"] for r in t["rows"]) == _schema.REQUESTS_ROWS
    assert tuple(c["key"] for c in t["columns"]) == _schema.REQUESTS_COLS
    labels = {r["key"]: r["label"] for r in t["rows"]}
    assert labels == display.T3_LABELS
    rows_2021 = tuple(r["key"] for r in t["rows"] if "2021" in r["formats"])
    assert rows_2021 == _schema.REQUESTS_ROWS_2021
    assert t["note"] == display.T3_NOTE
    assert [c["label"] for c in t["columns"]] == list(display.T3_COL_LABELS)
    assert [c["group"] for c in t["columns"]][1:6] == ["法人或其他组织"] * 5


def test_proactive_blocks_as_printed():
    t = gongkai.template()["proactive"]
    for fmt in ("2019", "2021"):
        got = [
            (b["caption"], [(c["label"], c["key"], c["colspan"]) for c in b["columns"]], [(i["key"], i["label"]) for i in b["items"]])
            for b in t["formats"][fmt]
        ]
        assert got == [(cap, list(cols), list(items)) for cap, cols, items in display.T2_BLOCKS[fmt]]


def test_review_groups_and_columns():
    t = gongkai.template()["review_litigation"]
    assert [g["key"] for g in t["groups"]] == list(_schema.REVIEW_GROUPS)
    assert [c["label"] for c in t["columns"]] == list(display.T4_COL_LABELS)
    assert {g["key"]: g["label"] for g in t["groups"]} == display.T4_GROUP_LABELS


def test_each_call_is_a_new_dict():
    a = gongkai.template()
    a["requests"]["rows"].clear()
    assert len(gongkai.template()["requests"]["rows"]) == 26
