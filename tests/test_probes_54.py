"""Stop 54's independent probes: the national tables as offices make them (spreadsheet habits,
Calc exports, pdftotext), reports outside the portal (WeChat, e-mail, chats, HTML-to-text
converters), and scripts, numerals and table 2 (each folder's README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai import parse
from gongkai.eval import documents

from conftest import DATA, gold_beside
from probes import cells, facts

OFFICE = DATA / "office-tables"
OUTSIDE = DATA / "outside-portal"
SCRIPTS = DATA / "scripts-numerals"


def _t4(path: Path) -> dict[str, list[object]]:
    cells = parse(path).tables["review_litigation"]["cells"]
    return {group: [cell["value"] for cell in cols.values()] for group, cols in cells.items()}


def test_each_folder_holds_its_documents() -> None:
    assert [len(documents(f)) for f in (OFFICE, OUTSIDE, SCRIPTS)] == [40, 42, 47]


def test_office_tables_wrong_only_where_pdftotext_dropped_or_wrappedcells() -> None:
    # 56 wrong at 4bb1baf, all in pdftotext text: table 2's labels printed before all its values
    # were read as blank rows, table 3's `1,218 12` ran into table 4.
    right, total, wrong = cells(OFFICE)
    # (x02's two, a row `9      /      145` between its wrapped label's lines taken for page 9
    # of 145, went in stop 56.)
    # (Stop 57: 5,974, table 3's wrapped labels in `pdftotext -layout` text read, its total row printed first.)
    assert total == 7964 and right >= 5974, right
    assert {name for name, n in wrong.items() if n} <= {"x01-2021-acct-format-raw.txt"}, wrong.most_common(4)
    assert sum(wrong.values()) <= 3


def test_a_row_with_a_slash_set_apart_in_columns_is_no_page_number() -> None:
    # `其他对外管理服` / `       9          /      145` / `务事项` (pdftotext -layout of a Calc sheet):
    # the middle line, folded to `9 / 145`, was dropped as page 9 of 145 and the row claimed blank.
    cells = parse(OFFICE / "x02-2019-jian-format-layout.txt").tables["proactive"]["cells"]["other_services"]
    assert [(c["value"], c["raw"]) for c in cells.values()] == [(9, "9"), (None, "/"), (145, "145")]
    # A page's number printed so (`3 / 5`, its words side by side) is still furniture.
    text = "一、总体情况\n本年度主动公开政府信息 12 条。\n                    3 / 5\n二、主动公开政府信息情况\n"
    assert "3 / 5" not in parse(text.encode()).text


@pytest.mark.parametrize(
    "path",
    [OFFICE / "d03-2019-signed-procurement-lo-layout.txt", OUTSIDE / "sp1-yiling-wjj-2022.txt"],
    ids=lambda p: p.stem,
)
def test_a_sentence_opening_with_a_year_is_not_table_4s(path: Path) -> None:
    # `2020 年，本机关因政府信息公开工作被申请行政复议 2 件` after table 4's row: its year was a 16th value.
    assert _t4(path) == gold_beside(path)["table4"]


def test_table_2_printed_apart_from_its_labels_is_unknown_not_blank() -> None:
    cells = parse(OFFICE / "d03-2019-signed-procurement-lo-raw.txt").tables["proactive"]["cells"]
    states = {(item, col): (c["value"], c["state"]) for item, cols in cells.items() for col, c in cols.items()}
    assert all(state != "blank" for _, state in states.values()), states
    # The bare row of table 4 none of whose groups adds up (`2 2 - - 1 7 - - 2 10 4 23 19 1,218 12`).
    assert parse(OFFICE / "x01-2021-acct-format-raw.txt").tables["review_litigation"] is None
    # A 单位 column's `项/元` before the procurement row's values.
    procurement = parse(OFFICE / "d07-2019-units-blank-jian-lo-layout.txt").tables["proactive"]["cells"]["procurement"]
    assert (procurement["items"]["value"], procurement["amount"]["value"]) == (6, 385000)


@pytest.mark.parametrize("folder", [OUTSIDE, SCRIPTS], ids=lambda p: p.name)
def test_no_wrong_cell_and_no_conflicting_fact(folder: Path) -> None:
    right, total, wrong = cells(folder)
    assert sum(wrong.values()) == 0, wrong.most_common(3)
    facts_right, facts_total = facts(folder)
    floors = {"outside-portal": (7568, 7244, 268, 268), "scripts-numerals": (8991, 8940, 180, 176)}
    assert (total, facts_total) == (floors[folder.name][0], floors[folder.name][2])
    assert right >= floors[folder.name][1] and facts_right >= floors[folder.name][3], (right, facts_right)


def test_full_width_thousands_and_a_count_to_date_with_the_years_part() -> None:
    def keyed(name: str) -> dict[str, float]:
        return {f["key"]: f["value"] for f in parse(SCRIPTS / name).facts if f["key"]}

    # `全年主動公開政府信息１，２３４條` read 234; `１２，３０４条` 304; `１，１３１件` 131.
    assert keyed("a03-trad-utf8-fullwidth-2021.txt")["proactive_total"] == 1234
    a09 = keyed("a09-fullwidth-cells-2021.html")
    assert (a09["proactive_total"], a09["requests_received"]) == (12304, 1131)
    # `累计主动公开政府信息一万二千三百零四条，其中本年度主动公开政府信息 1234 条` gave the year 12304.
    b09 = keyed("b09-wan-cn-each-2022.txt")
    assert (b09["proactive_cumulative"], b09["proactive_total"]) == (12304, 1234)


@pytest.mark.parametrize(
    "name",
    ["mail1-keqiao-sfj-2023.txt", "mail2-zhifu-zhzf-2020.txt", "mail4-nanhu-zrzy-2022.html"],
)
def test_a_mails_wrapper_is_not_the_reports_title(name: str) -> None:
    # The cover note `附件为我局2023年度…报告定稿，…`, the header `主题: 报送2020年…报告` and
    # `主题: 南湖分局2022年度…` gave the agencies 附件为我局, 主题:报送 and 主题:南湖分局.
    assert parse(OUTSIDE / name).agency == gold_beside(OUTSIDE / name)["agency"]


def test_a_county_ending_in_zhongqu_is_not_taichungs() -> None:
    # `苏州市吴中区…` was 710403 (台湾省 台中市 中区).
    region = parse(OUTSIDE / "wxt4-wuzhong-rsj-2022.txt").region
    assert region is not None and region["code"] == "320506"


def test_a_table_2_row_the_grid_did_not_read_is_kept_with_an_issue() -> None:
    # A 序号 column before the labels (`1 | 规章 | 0 | 0 | 0`): 规章, 行政许可, 行政处罚 and 行政强制
    # vanished from the reading with no issue (SPEC: rows are never dropped).
    report = parse(SCRIPTS / "c30-t2-serial-column-2022.html")
    cells = report.tables["proactive"]["cells"]
    assert list(cells) == ["rules", "normative_documents", "licensing", "punishment", "coercion", "fees"]
    assert all(c["value"] is None for c in cells["rules"].values())
    flagged = {cell for issue in report.issues if issue["code"] == "TABLE_UNREADABLE" for cell in issue["cells"]}
    assert {"proactive.rules.issued", "proactive.licensing.decisions", "proactive.coercion.decisions"} <= flagged


@pytest.mark.parametrize(
    ("name", "last"),
    [("wxt1-wuhou-wjj-2023.txt", "六"), ("wxt3-ninghai-nyj-2017.txt", "七"), ("mail3-licheng-czj-2014.txt", "七")],
)
def test_a_decorated_heading_is_one_section_with_its_number(name: str, last: str) -> None:
    # `📌 一、总体情况`, `▍一、概述`, `>> 一、…`: a 1–3-character stub section with no number came
    # before each heading (12 and 14 sections for 6 and 7).
    numbers = [s["number"] for s in parse(OUTSIDE / name).sections]
    assert numbers[1:] == list("一二三四五六七"[: "一二三四五六七".index(last) + 1]), numbers
