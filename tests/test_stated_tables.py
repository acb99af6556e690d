"""Tables 3 and 4 a report states all zero in words instead of printing them
(`收到和处理政府信息公开申请情况统计表中各项数据均为0`): every cell 0, inferred, its evidence
the statement; a section that counts anything, or states only that no case happened, makes none.
Table 4's groups counted in a sentence (`行政复议7件(结果维持5件、尚未审结2件)；…`) read as its cells."""

from __future__ import annotations

import re

import pytest

from gongkai import parse

from conftest import DATA, gold_beside

PROSE = DATA / "prose-lists"
KINDS = DATA / "kind-probes"


def _cells(table: dict) -> list[dict]:
    return [cell for row in table["cells"].values() for cell in row.values()]


def test_a_statement_of_the_tables_entries_gives_every_cell_zero() -> None:
    report = parse(PROSE / "p12_czj2023_grid_plus_zero_sentences.html")
    t3, t4 = report.tables["requests"], report.tables["review_litigation"]
    assert t3 is not None and t4 is not None
    assert t3["format"] == "2021" and len(t3["cells"]) == 25 and list(t3["cells"])[-1] == "carried_forward"
    assert {(c["value"], c["state"], c["inferred"]) for c in _cells(t3) + _cells(t4)} == {(0, "zero", True)}
    assert report.text[slice(*t3["span"])] == "统计表中各项数据均为0。"
    assert report.text[slice(*t4["span"])] == "统计表各项均为“0”。"
    # Each cell's evidence is the stated zero.
    assert {(c["raw"], report.text[slice(*c["span"])]) for c in _cells(t3)} == {("0", "0")}
    # Neither table is reported missing any more; the prose's facts are still read.
    assert not [i for i in report.issues if i["code"] == "TABLE_MISSING"]
    # (table 2, printed as a grid, is read as before)
    assert report.tables["proactive"]["cells"]["fees"]["amount_10k_yuan"]["value"] == 5949.09


def test_a_2019_report_and_a_table_4_sentence_after_the_events() -> None:
    # `本年度我局未收到政府信息公开申请，上年无结转，各项办理结果均为0，…`: the 2019 form's rows.
    t3 = parse(PROSE / "p08_czj2020_numerals_2019.txt").tables["requests"]
    assert t3 is not None and t3["format"] == "2019" and "other" in t3["cells"]
    assert {c["value"] for c in _cells(t3)} == {0}
    # `本年度未发生政府信息公开行政复议、行政诉讼案件，各项总计均为0。`
    t4 = parse(KINDS / "k10.txt").tables["review_litigation"]
    assert t4 is not None and {c["value"] for c in _cells(t4)} == {0}


def test_no_table_where_the_section_counts_something_or_only_events_are_denied() -> None:
    text = (PROSE / "p12_czj2023_grid_plus_zero_sentences.html").read_text(encoding="utf-8")
    # One count stated beside the zeros: the rest is not known to be zero.
    counted = text.replace("我局未收到政府信息公开申请，收到", "我局收到政府信息公开申请1件，收到")
    assert counted != text
    assert parse(counted.encode()).tables["requests"] is None
    excepted = text.replace("统计表中各项数据均为0", "除上年结转外，统计表中各项数据均为0")
    assert excepted != text and parse(excepted.encode()).tables["requests"] is None
    # `本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。`: a fact, and table 4 all 0 (no table
    # before stop 60), the denial its evidence.
    report = parse(PROSE / "p01_czj2025_prose_2021.txt")
    t4 = report.tables["review_litigation"]
    assert {(c["value"], c["raw"], c["inferred"]) for c in _cells(t4)} == {(0, "未发生", True)}
    assert report.text[slice(*t4["span"])] == "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件"
    assert {f["key"]: f["value"] for f in report.facts if f["key"] in ("reviews", "lawsuits")} == {
        "reviews": 0,
        "lawsuits": 0,
    }


@pytest.mark.parametrize(
    ("words", "table"),
    [
        ("行政复议：无。行政诉讼：无。", True),
        ("无。", True),
        ("本年度，我局未因政府信息公开工作被申请行政复议，也没有被提起行政诉讼。", True),
        # Only one of the two denied; outcomes denied, not cases; cases of another cause.
        ("本年度未发生因政府信息公开引起的行政复议案件。", False),
        ("未发生政府信息公开工作被复议纠错或诉讼败诉的情况。", False),
        ("本年度未发生行政复议被纠错、行政诉讼败诉的情况。", False),
        ("本年度未发生因征地拆迁引起的行政复议、行政诉讼。", False),
        # A count beside the denial: the rest is not known.
        ("未发生行政复议；行政诉讼1件，尚未审结。", False),
    ],
)
def test_table_4_when_no_review_and_no_lawsuit_happened(words: str, table: bool) -> None:
    text = (PROSE / "p01_czj2025_prose_2021.txt").read_text(encoding="utf-8")
    changed = text.replace("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。", words)
    assert changed != text
    t4 = parse(changed.encode()).tables["review_litigation"]
    if table:
        assert {c["value"] for c in _cells(t4)} == {0}
    else:
        assert t4 is None or any(c["value"] is None for c in _cells(t4))


def test_a_table_3_of_totals_alone_reads_the_total_column() -> None:
    # `| 项目 | 总计（件） |` and a row a line: each row's one count is its total; the six applicant
    # columns were not printed (unknown, one issue naming them, blamed on the source).
    path = PROSE / "p21_syq2025_md_twocol_total_header.md"
    report = parse(path)
    cells = report.tables["requests"]["cells"]
    gold = gold_beside(path)["table3"]
    assert {row: cols["total"]["value"] for row, cols in cells.items()} == {
        row: cols["total"] for row, cols in gold.items()
    }
    assert {c["value"] for cols in cells.values() for col, c in cols.items() if col != "total"} == {None}
    (issue,) = [i for i in report.issues if "total alone" in i["message"]]
    assert issue["blame"] == "source" and len(issue["cells"]) == 6 * len(cells)
    # A column that does not add up as table 3's totals do is not taken for them.
    text = path.read_text(encoding="utf-8").replace("| （七）总计 | 148 |", "| （七）总计 | 149 |")
    assert "149" in text
    t3 = parse(text.encode()).tables["requests"]
    assert t3 is None or all(c["value"] is None for cols in t3["cells"].values() for c in cols.values())


def test_a_table_3_of_totals_alone_as_lines_reads_the_total_column() -> None:
    # `一、本年新收政府信息公开申请数量……………………154` a row a line, no applicant column named:
    # each row's one count is its total, as leader dots, spaces, a tab or a colon set it apart.
    path = PROSE / "p04_syq2025_leader_lines.txt"
    text = path.read_text(encoding="utf-8")
    gold = {row: cols["total"] for row, cols in gold_beside(path)["table3"].items()}
    for sep in ("……………………", "    ", "\t", "："):
        variant = re.sub("…+", sep, text)
        cells = parse(variant.encode()).tables["requests"]["cells"]
        assert {row: cols["total"]["value"] for row, cols in cells.items()} == gold, repr(sep)
        assert {c["value"] for cols in cells.values() for col, c in cols.items() if col != "total"} == {None}
    # Under a header naming the applicant columns, a row's one value may be any column's (the
    # blank cells of a table that vanished from its text): not read as totals.
    headed = text.replace("（单位：件）\n", "（单位：件）\n申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n")
    assert headed != text
    t3 = parse(headed.encode()).tables["requests"]
    assert t3 is None or all(cols["total"]["value"] is None for cols in t3["cells"].values())
    # A column that does not add up as table 3's totals do is not taken for them.
    off = text.replace("（七）总计……………………148", "（七）总计……………………149")
    assert off != text
    t3 = parse(off.encode()).tables["requests"]
    assert t3 is None or all(c["value"] is None for cols in t3["cells"].values() for c in cols.values())


def test_table_4_as_lines_of_label_and_count() -> None:
    # `行政复议总计……………………36` / `其中：结果维持……………………25` / … /
    # `行政诉讼（未经复议直接起诉）总计……………………6`: the groups' totals and the outcomes named.
    path = PROSE / "p04_syq2025_leader_lines.txt"
    t4 = parse(path).tables["review_litigation"]
    got = {g: {c: cell["value"] for c, cell in cols.items()} for g, cols in t4["cells"].items()}
    gold = gold_beside(path)["table4"]
    assert got["review"] == dict(zip(got["review"], gold["review"]))
    assert [got[g]["total"] for g in ("litigation_direct", "litigation_after_review")] == [6, 3]
    # The lawsuits' outcomes were not written: unknown, not 0.
    assert {got["litigation_direct"][c] for c in ("upheld", "corrected", "other", "pending")} == {None}


def test_a_table_3_with_nothing_to_handle_is_zero_throughout() -> None:
    # `（1）本年新收政府信息公开申请数量：0；（2）上年结转政府信息公开申请数量：0；（3）本年度办理结果：
    # …均为0，总计0；（4）结转下年度继续办理：0。`: whichever column each 0 stands in, nothing came
    # in, so every cell is 0 (each column's results add up to its new and carried-over requests).
    path = PROSE / "p10_jjf2021_paren_list.txt"
    text = path.read_text(encoding="utf-8")
    cells = parse(path).tables["requests"]["cells"]
    gold = gold_beside(path)["table3"]
    shared = set(gold) & set(cells)
    assert len(shared) >= 22
    assert {c["value"] for row in shared for c in cells[row].values()} == {0}
    assert all(gold[row] == {c: 0 for c in gold[row]} for row in shared)
    # Not where a value is not 0, nor where what was carried over is not printed: the results'
    # cells stay unknown (the rows the sentences count, and what their sums fix, are read:
    # nothing new came in, so each of its cells is 0).
    for changed, new in (
        (text.replace("上年结转政府信息公开申请数量：0", "上年结转政府信息公开申请数量：2"), {0}),
        (text.replace("（2）上年结转政府信息公开申请数量：0；\n", ""), {None}),
    ):
        assert changed != text
        t3 = parse(changed.encode()).tables["requests"]
        assert t3 is not None and {c["value"] for c in t3["cells"]["granted"].values()} == {None}
        assert {c["value"] for c in t3["cells"]["new_received"].values()} == new


def _t4(report) -> dict[str, list[object]] | None:
    t = report.tables["review_litigation"]
    return None if t is None else {g: [c["value"] for c in cols.values()] for g, cols in t["cells"].items()}


@pytest.mark.parametrize(
    "name",
    [
        # `被申请行政复议36件，其中结果维持25件、…；被提起行政诉讼9件，其中未经复议直接起诉6件(结果维持3件、结果纠正3件)，复议后起诉3件(结果维持3件)`
        "p05_syq2025_grid_twocol_prose.html",
        # `行政复议7件(结果维持5件、尚未审结2件)；未经复议直接起诉的行政诉讼9件(…)；复议后起诉0件` (a Word file)
        "p22_shanghai2019_docx_flatgrid.docx",
        # `②未经复议直接起诉的行政诉讼12件，结果均为维持；`
        "p23_syq2021_circled_arabic.txt",
        # (These three read no table 4 before stop 61.) `行政复议：结果维持5件，结果纠正0件，其他结果0件，
        # 尚未审结2件，总计7件。` a line per group, the total closing it.
        "p14_shanghai2019_leader_2019.txt",
        # `行政复议3件，其中结果维持1件、其他结果2件；行政诉讼12件，均为未经复议直接起诉，结果均为维持。`
        "p13_syq2021_legal_person_aggregate.txt",
        # A Markdown table a row per group under the five columns (`| 行政复议 | 1 | 1 | 0 | 0 | 2 |`).
        "p17_syq2023_md_twocol.md",
    ],
)
def test_table_4_written_in_words(name: str) -> None:
    report = parse(PROSE / name)
    assert _t4(report) == gold_beside(PROSE / name)["table4"]
    assert not [i for i in report.issues if i["code"] == "TABLE_MISSING" and "review_litigation" in i["cells"]]
    # The outcomes a group does not name are 0 because the named ones make its total: inferred.
    cells = report.tables["review_litigation"]["cells"]
    assert all(c["inferred"] for g in cells.values() for c in g.values() if c["raw"] == "" and c["value"] == 0)


def test_a_2021_report_with_nothing_to_handle_and_its_other_processing_zero() -> None:
    # `（3）本年度办理结果：予以公开、部分公开、不予公开、无法提供、不予处理、其他处理均为0，总计0`: one
    # 其他处理 made the table the 2019 form's (its row `other`) in a report of the 2021 form.
    path = PROSE / "p10_jjf2021_paren_list.txt"
    table = parse(path).tables["requests"]
    assert table["format"] == "2021" and "other" not in table["cells"]
    gold = gold_beside(path)["table3"]
    for row in ("other_no_correction", "other_unpaid_fee", "other_other"):
        assert [c["value"] for c in table["cells"][row].values()] == list(gold[row].values()) == [0] * 7
        assert all(c["inferred"] for c in table["cells"][row].values())


def test_table_4_lawsuits_said_all_of_one_kind_only_then() -> None:
    head = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n略。\n四、政府信息公开行政复议、行政诉讼情况\n"

    def t4(body: str):
        return _t4(parse((head + body + "\n五、存在的主要问题及改进情况\n无。\n").encode()))

    got = t4("行政复议1件，结果维持1件；被提起行政诉讼4件，均为复议后起诉，其中结果维持3件，尚未审结1件。")
    assert got == {"review": [1, 0, 0, 0, 1], "litigation_direct": [0] * 5, "litigation_after_review": [3, 0, 0, 1, 4]}
    # Both kinds named, or neither: which group the lawsuits are is not known.
    assert t4("行政复议1件，结果维持1件；行政诉讼4件，有直接起诉也有复议后起诉。") is None
    assert t4("行政复议1件，结果维持1件；行政诉讼4件，结果均为维持。") is None


def test_table_4_in_words_that_does_not_add_up_or_leaves_a_group_out_is_not_read() -> None:
    head = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n略。\n四、政府信息公开行政复议、行政诉讼情况\n"

    def t4(body: str):
        return _t4(parse((head + body + "\n五、存在的主要问题及改进情况\n无。\n").encode()))

    # The named outcomes exceed the total.
    assert t4("行政复议3件，结果维持1件，其他结果5件；未经复议直接起诉的行政诉讼0件；复议后起诉0件。") is None
    # The lawsuit groups are not told apart (`行政诉讼2件`).
    assert t4("行政复议1件，结果维持1件；行政诉讼2件。") is None
    # Outcomes that do not make the total leave the others unknown, not 0.
    got = t4("行政复议3件，结果维持1件；行政诉讼0件。")
    assert got is not None and got["review"] == [1, None, None, None, 3] and got["litigation_direct"] == [0] * 5


@pytest.mark.parametrize(
    "name",
    [
        "p01_czj2025_prose_2021.txt",  # `本年度制发规章0件，废止规章0件，…行政事业性收费金额4166.214619万元`
        "p02_syq2023_prose_detail.txt",  # `制发行政规范性文件77件，废止132件，…；规章的制发、废止和现行有效件数均为0`
        "p03_syq2021_md_bullets.md",  # `- 规章：本年制发0件，…`, `- 行政事业性收费本年收费金额（万元）：24252.311082`
        "p04_syq2025_leader_lines.txt",  # `规章本年制发件数……………………0`
        "p10_jjf2021_paren_list.txt",  # `（1）规章：本年制发0个，废止0个，现行有效0个；`
        "p20_czj2025_wu_lianjian.txt",  # `规章：无。行政规范性文件：本年废止一件，…行政处罚：一件。`
        "p23_syq2021_circled_arabic.txt",  # `本年制发行政规范性文件六十九件、废止三件，…；未制发规章。`
    ],
)
def test_table_2_written_in_words_reads_as_its_cells(name: str) -> None:
    path = PROSE / name
    report = parse(path)
    table = report.tables["proactive"]
    assert table is not None and table["format"] == "2021"
    read = {
        (row, col): cell["value"]
        for row, cols in table["cells"].items()
        for col, cell in cols.items()
        if cell["value"] is not None
    }
    gold = {(row, col): v for row, cols in gold_beside(path)["table2"].items() for col, v in cols.items()}
    # Every cell read is the gold's; where the words leave a cell out it is unknown, never guessed.
    assert read and all(gold[k] == pytest.approx(v) for k, v in read.items()), read
    assert len(read) >= 7


@pytest.mark.parametrize(
    "path",
    [
        # `本年新制作规章13件，新公开规章13件，对外公开规章总数量524件；…行政许可、…的上一年项目数量、本年增减和处理决定数量均为0`
        PROSE / "p07_shanghai2019_prose_2019.txt",
        # `（一）规章：本年新制作数量、新公开数量、对外公开总数量均为零。` / `本年增加一项` / `…：无。`
        PROSE / "p08_czj2020_numerals_2019.txt",
        # `规章：本年新制作数量…………13` a cell a line
        PROSE / "p14_shanghai2019_leader_2019.txt",
        # `行政许可事项上一年89项，本年减少3项，全年办理行政许可决定2,561件`
        DATA / "scripts-numerals" / "c08-t2-as-prose-2019.txt",
    ],
    ids=lambda p: p.name,
)
def test_table_2_of_the_2019_form_written_in_words(path) -> None:
    # (No table 2 before stop 61: only the 2021 form was read from words.)
    table = parse(path).tables["proactive"]
    assert table is not None and table["format"] == "2019"
    read = {
        (row, col): cell["value"]
        for row, cols in table["cells"].items()
        for col, cell in cols.items()
        if cell["value"] is not None
    }
    gold = {(row, col): v for row, cols in gold_beside(path)["table2"].items() for col, v in cols.items()}
    assert read and all(gold[k] == v for k, v in read.items()), read
    assert len(read) >= 7
    # The procurement's amount (元 or 万元, as printed) is left unknown.
    assert table["cells"]["procurement"]["amount"]["value"] is None
    if path.name.startswith("c08"):
        # `本年减少3项`: a change counted down.
        assert read[("licensing", "change")] == -3 and read[("licensing", "decisions")] == 2561


def test_table_2_in_words_not_read_from_parts_fees_in_yuan_or_two_items() -> None:
    text = (PROSE / "p01_czj2025_prose_2021.txt").read_text(encoding="utf-8")
    start = text.index("本年度制发规章0件")
    end = text.index("三、收到和处理")
    words = "作出行政许可决定20件，其中不予许可决定3件。收取行政事业性收费3000元。行政许可、行政强制决定共5件。\n\n"
    report = parse((text[:start] + words + text[end:]).encode())
    assert report.tables["proactive"] is None


@pytest.mark.parametrize(
    "name",
    [
        # `- 行政复议：3件（结果维持1件，其他结果2件）` / `- 行政诉讼（未经复议直接起诉）：12件（结果维持12件）` /
        # `- 行政诉讼（复议后起诉）：0件`: each group's count after its label and colon.
        "p03_syq2021_md_bullets.md",
        # `①行政复议三宗，结果维持一宗，其他结果两宗；②未经复议直接起诉的行政诉讼十二宗，结果均为维持；
        # ③复议后起诉的行政诉讼零宗。`
        "p09_syq2021_circled_zong.txt",
    ],
)
def test_table_4_groups_as_labelled_lines_or_in_chinese_numerals(name: str) -> None:
    path = PROSE / name
    t4 = parse(path).tables["review_litigation"]
    assert t4 is not None
    read = {g: [cell["value"] for cell in cols.values()] for g, cols in t4["cells"].items()}
    # (The gold lists each group's five cells in the form's order: upheld, corrected, other,
    # pending, total.)
    assert read == gold_beside(path)["table4"]


@pytest.mark.parametrize(
    "name",
    [
        # `本年新收政府信息公开申请2件，均为自然人申请；…予以公开1件，因本机关不掌握相关政府信息无法提供1件，
        # 其余办理结果均为0件；办理结果总计2件。`: every cell follows.
        "p01_czj2025_prose_2021.txt",
        # `予以公开：一件（自然人）。` / `部分公开：无。` a row a line
        "p20_czj2025_wu_lianjian.txt",
        # `不予公开5件，其中保护第三方合法权益1件、…，属于国家秘密、…的均为0件；无法提供31件，均为本机关不掌握…`
        "p02_syq2023_prose_detail.txt",
        # Markdown bullets: `- 予以公开：30件（自然人27件，社会公益组织2件，其他1件）`
        "p03_syq2021_md_bullets.md",
    ],
)
def test_table_3_written_in_sentences_reads_as_its_cells(name: str) -> None:
    report = parse(PROSE / name)
    cells = report.tables["requests"]["cells"]
    gold = gold_beside(PROSE / name)["table3"]
    got = {(r, c): cell["value"] for r, cols in cells.items() for c, cell in cols.items()}
    want = {(r, c): v for r, cols in gold.items() for c, v in cols.items()}
    # Never a value the gold does not have; every gold value where the words fix it.
    assert not [k for k, v in got.items() if v is not None and v != want.get(k)]
    assert sum(v is not None for v in got.values()) >= (175 if name[:3] in ("p01", "p20") else 120)
    # A printed count is its own evidence; the rest is inferred.
    granted = cells["granted"]["total"]
    assert not granted["inferred"] and re.sub(r"\D", "", report.text[slice(*granted["span"])]) in ("", str(granted["value"]))
    assert not [i for i in report.issues if i["code"] in ("TABLE_UNREADABLE", "TABLE_MISSING") and "requests" in i["message"]]


def test_table_3_in_sentences_of_an_institution_report() -> None:
    # `本年新收政府信息公开申请31件，其中自然人申请27件、商业企业申请3件、其他组织申请1件；上年结转…2件，
    # 均为自然人申请。` … `不予处理2件，均为信访举报投诉类申请；其他处理1件。办理结果总计31件，…2件。`
    t3 = parse(DATA / "institution-reports" / "k1-lingang-kfq-2020.txt").tables["requests"]
    assert t3["format"] == "2019"
    row = lambda r: [c["value"] for c in t3["cells"][r].values()]  # noqa: E731
    assert row("new_received") == [27, 3, 0, 0, 0, 1, 31]
    assert row("carried_over") == [2, 0, 0, 0, 0, 0, 2]
    assert row("not_processed_petition") == [None, None, 0, 0, 0, None, 2]
    assert row("denied_state_secret") == [0] * 7
    assert [row(r)[-1] for r in ("granted", "other", "results_total", "carried_forward")] == [14, 1, 31, 2]


def test_table_3_in_sentences_not_from_counts_said_of_no_row() -> None:
    # Requests by channel and a share are no row's; a count the sums cannot meet makes no table.
    text = (
        "某某局2022年政府信息公开工作年度报告\n一、总体情况\n略。\n三、收到和处理政府信息公开申请情况\n"
        "全年共收到政府信息公开申请105件(其中当面申请12件、网络申请81件、信函申请12件)，比上年的76件增长38.2%，"
        "上年结转2件。办理结果为：予以公开48件，部分公开11件，不予公开7件，无法提供26件，不予处理6件，其他处理4件，"
        "结转下年度继续办理5件。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
    )
    t3 = parse(text.encode()).tables["requests"]
    totals = {r: cols["total"]["value"] for r, cols in t3["cells"].items() if cols["total"]["value"] is not None}
    # (其他处理 is a group of three rows in the 2021 form: its count is theirs together.)
    assert totals == {
        "new_received": 105,
        "carried_over": 2,
        "granted": 48,
        "partially_granted": 11,
        "results_total": 102,
        "carried_forward": 5,
    }
    off = text.replace("予以公开48件", "予以公开148件")
    t3 = parse(off.encode()).tables["requests"]
    assert t3 is None or all(c["value"] is None for cols in t3["cells"].values() for c in cols.values())


@pytest.mark.parametrize(
    "name",
    ["p01_czj2025_prose_2021.txt", "p02_syq2023_prose_detail.txt", "p09_syq2021_circled_zong.txt", "p20_czj2025_wu_lianjian.txt"],
)
@pytest.mark.parametrize("shape", ["html-gbk", "traditional", "fullwidth-digits"])
def test_table_3_in_sentences_reads_the_same_in_other_shapes(name: str, shape: str) -> None:
    # The same report as a GBK web page of paragraphs, in Traditional characters, with
    # full-width digits: the same cells.
    text = (PROSE / name).read_text(encoding="utf-8")
    want = parse(text.encode()).tables["requests"]["cells"]
    if shape == "html-gbk":
        body = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
        data = f'<html><head><meta charset="gbk"><title>{text.splitlines()[0]}</title></head><body>{body}</body></html>'
        data = data.encode("gbk")
    elif shape == "traditional":
        trad = text.replace("申请", "申請").replace("处理", "處理").replace("结转", "結轉").replace("公开", "公開")
        assert trad != text
        data = trad.encode()
    else:
        data = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}).encode()
    got = parse(data).tables["requests"]["cells"]
    assert {r: [c["value"] for c in cols.values()] for r, cols in got.items()} == {
        r: [c["value"] for c in cols.values()] for r, cols in want.items()
    }
