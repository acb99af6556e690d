"""`gongkai.template()`: the official forms as data, one copy in the core, read by `_schema`
(and through it the frames, the display, the renderer and the reference pages).

The labels are checked against real reports of each form: every label the template prints
is in the report's text, in the template's order, as the report printed it (compared with
whitespace, quotes and full-width forms folded, as the core's text has them).
"""

import re
import unicodedata

import gongkai
from conftest import REAL
from gongkai import _schema

#: Real reports of each form (tests/data/real): 2021 from Pingtan, 2019 from Shanghai's HTML page.
REPORTS = {"2021": REAL / "pingtan-czj-2021.txt", "2019": REAL / "shanghai-bgt-2019.html"}


def compact(text: str) -> str:
    return re.sub(r"[\s“”\"]", "", unicodedata.normalize("NFKC", text))


def in_order(labels, text):
    """The labels found one after the other in `text`; the first one missing or out of order fails."""
    at = 0
    for label in labels:
        found = text.find(compact(label), at)
        assert found >= 0, f"{label!r} not after position {at}"
        at = found + len(compact(label))


def printed(fmt):
    return compact(gongkai.parse(REPORTS[fmt]).text)


def test_requests_rows_and_columns_in_template_order():
    t = gongkai.template()["requests"]
    keys = tuple(r["key"] for r in t["rows"])
    assert keys[:2] == ("new_received", "carried_over") and keys[-2:] == ("results_total", "carried_forward")
    assert len(keys) == len(set(keys)) == 26
    rows_2019 = [r for r in t["rows"] if "2019" in r["formats"]]
    rows_2021 = [r for r in t["rows"] if "2021" in r["formats"]]
    # DOMAIN §4.2: 23 data rows in 2019, 25 in 2021 (（六） one row, or three under it).
    assert (len(rows_2019), len(rows_2021)) == (23, 25)
    assert {r["key"] for r in t["rows"]} - {r["key"] for r in rows_2021} == {"other"}
    for fmt, rows in (("2019", rows_2019), ("2021", rows_2021)):
        text = printed(fmt)
        in_order([t["title"], t["note"], t["header"]], text)
        in_order([c["label"] for c in t["columns"]], text)
        in_order([r["label"] for r in rows], text)
    assert [c["group"] for c in t["columns"]] == [None] + ["法人或其他组织"] * 5 + [None]
    # The rows under 三、本年度办理结果 are （一） to （七）; （三）…（六） head numbered rows.
    assert [r["key"] for r in rows_2021 if not r["section"]] == ["new_received", "carried_over", "carried_forward"]
    assert {r["category"] for r in rows_2021 if r["category"]} == {"（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"}
    assert next(r for r in rows_2019 if r["key"] == "other")["category"] is None


def test_proactive_blocks_as_printed():
    t = gongkai.template()["proactive"]
    assert list(t["formats"]) == ["2021", "2019"]
    for fmt, blocks in t["formats"].items():
        text = printed(fmt)
        in_order([t["title"]], text)
        labels = []
        for b in blocks:
            labels += [b["caption"]] + [c["label"] for c in b["columns"]] + [i["label"] for i in b["items"]]
            # A block spans the four grid columns: the item column and its headers.
            assert 1 + sum(c["colspan"] for c in b["columns"]) == 4, b["caption"]
        in_order(labels, text)
    # Every item's columns agree with the blocks; 2021 dropped two items and 2019's counts.
    items = {item: (c21, c19) for item, c21, c19 in _schema.PROACTIVE_ITEMS}
    assert [i for i, (c21, _c19) in items.items() if not c21] == ["other_services", "procurement"]
    assert items["rules"] == (("issued", "repealed", "in_force"), ("new_made", "new_published", "total_published"))


def test_review_groups_and_columns():
    t = gongkai.template()["review_litigation"]
    assert [g["key"] for g in t["groups"]] == ["review", "litigation_direct", "litigation_after_review"]
    assert [c["key"] for c in t["columns"]] == ["upheld", "corrected", "other", "pending", "total"]
    assert [g["group"] for g in t["groups"]] == ["行政复议", "行政诉讼", "行政诉讼"]
    for fmt in REPORTS:
        text = printed(fmt)
        in_order([t["title"]], text)
        in_order([g["label"] for g in t["groups"][1:]], text)
        in_order([c["label"] for c in t["columns"]], text)


def test_each_call_is_a_new_dict():
    a = gongkai.template()
    a["requests"]["rows"].clear()
    assert len(gongkai.template()["requests"]["rows"]) == 26
