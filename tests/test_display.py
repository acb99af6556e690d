"""Report._repr_html_ (the official table layouts, read back as a browser would) and the terminal grids."""

import dataclasses
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import gongkai
from conftest import HANG_GUARD, REAL
from gongkai import display

SYQ_2021 = REAL / "pingtan-syq-2021.txt"
CZJ_2019 = REAL / "pingtan-czj-2019.txt"
SHANGHAI = REAL / "shanghai-bgt-2019.html"


class Page(HTMLParser):
    """The tables of a page: each a list of rows, each a list of cells (tag, attrs, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []
        self.items = []
        self.tags = []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"class": attrs.get("class", ""), "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = {"tag": tag, "attrs": attrs, "text": ""}
            self.tables[-1]["rows"][-1].append(self._cell)
        elif tag == "li":
            self.items.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data
        elif self.items and self.tags and self.tags[-1] in ("li", "b", "small"):
            self.items[-1] += data


def page(report):
    p = Page()
    p.feed(report._repr_html_())
    p.close()
    return p


def table(p, cls):
    return next(t for t in p.tables if cls in t["class"].split())


def span(cell, name):
    return int(cell["attrs"].get(name, 1))


def grid_widths(rows):
    """Expand rowspan/colspan as a browser lays the table out; the width of every row."""
    taken = {}
    widths = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(span(cell, "rowspan")):
                for dc in range(span(cell, "colspan")):
                    taken[(r + dr, c + dc)] = cell
            c += span(cell, "colspan")
        widths.append(max([cc + 1 for (rr, cc) in taken if rr == r], default=0))
    return widths


def by_text(t, text):
    return next(cell for row in t["rows"] for cell in row if cell["text"] == text)


def by_cell(t, path):
    """The cell drawn for `path` (a cell of an unreadable run is drawn in its run's one cell)."""
    return next(cell for row in t["rows"] for cell in row if path in cell_paths(cell))


def cell_paths(cell):
    return (cell["attrs"].get("data-cells") or cell["attrs"].get("data-cell") or "").split()


@pytest.fixture(scope="module")
def syq():
    return gongkai.parse(SYQ_2021)


@pytest.fixture(scope="module")
def syq_page(syq):
    return page(syq)


def test_table3_header_spans(syq_page):
    t = table(syq_page, "gk-requests")
    note = t["rows"][0][0]
    assert note["text"] == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert (span(note, "rowspan"), span(note, "colspan")) == (3, 3)
    assert span(by_text(t, "申请人情况"), "colspan") == 7
    assert span(by_text(t, "自然人"), "rowspan") == 2
    assert span(by_text(t, "法人或其他组织"), "colspan") == 5
    assert span(by_text(t, "总计"), "rowspan") == 2
    assert [c["text"] for c in t["rows"][2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def test_table3_label_area_2021(syq_page):
    t = table(syq_page, "gk-requests")
    assert span(by_text(t, "一、本年新收政府信息公开申请数量"), "colspan") == 3
    assert span(by_text(t, "四、结转下年度继续办理"), "colspan") == 3
    assert span(by_text(t, "三、本年度办理结果"), "rowspan") == 22
    assert span(by_text(t, "（一）予以公开"), "colspan") == 2
    assert span(by_text(t, "（三）不予公开"), "rowspan") == 8
    assert span(by_text(t, "（四）无法提供"), "rowspan") == 3
    assert span(by_text(t, "（五）不予处理"), "rowspan") == 5
    assert span(by_text(t, "（六）其他处理"), "rowspan") == 3
    assert span(by_text(t, "（七）总计"), "colspan") == 2
    # A category's first row holds the category's label and then its own.
    for first, labels in (
        ("denied_state_secret", ["（三）不予公开", "1.属于国家秘密"]),
        ("other_no_correction", ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
    ):
        row = next(row for row in t["rows"] if any(f"requests.{first}." in c["attrs"].get("data-cell", "") for c in row))
        assert [c["text"] for c in row if c["tag"] == "th"] == labels
    # 3 header rows + 25 data rows, each 10 grid columns wide once the spans are laid out.
    assert len(t["rows"]) == 28
    assert set(grid_widths(t["rows"])) == {10}


def test_table3_label_area_2019():
    t = table(page(gongkai.parse(CZJ_2019)), "gk-requests")
    assert span(by_text(t, "三、本年度办理结果"), "rowspan") == 20
    other = by_text(t, "（六）其他处理")
    assert (span(other, "rowspan"), span(other, "colspan")) == (1, 2)
    assert len(t["rows"]) == 26
    assert set(grid_widths(t["rows"])) == {10}


def test_table4_headers(syq_page):
    t = table(syq_page, "gk-review")
    assert span(by_text(t, "行政复议"), "colspan") == 5
    assert span(by_text(t, "行政诉讼"), "colspan") == 10
    assert span(by_text(t, "未经复议直接起诉"), "colspan") == 5
    assert span(by_text(t, "复议后起诉"), "colspan") == 5
    assert [span(c, "rowspan") for c in t["rows"][1][:5]] == [2, 2, 2, 2, 2]
    assert len(t["rows"][2]) == 10
    assert [c["text"] for c in t["rows"][3]] == ["1", "0", "2", "0", "3", "12", "0", "0", "0", "12"] + ["0"] * 5
    assert set(grid_widths(t["rows"])) == {15}


def test_table2_caption_blocks(syq_page):
    t = table(syq_page, "gk-proactive")
    captions = [row[0]["text"] for row in t["rows"] if row[0]["attrs"].get("class") == "gk-caption"]
    assert captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert all(span(row[0], "colspan") == 4 for row in t["rows"] if row[0]["attrs"].get("class") == "gk-caption")
    assert span(by_text(t, "本年收费金额（单位：万元）"), "colspan") == 3
    assert by_cell(t, "proactive.licensing.decisions")["text"] == "2293"
    assert by_cell(t, "proactive.fees.amount_10k_yuan")["text"] == "24252.311082"
    assert set(grid_widths(t["rows"])) == {4}
    t19 = table(page(gongkai.parse(CZJ_2019)), "gk-proactive")
    assert "第二十条第（九）项" in [row[0]["text"] for row in t19["rows"]]
    assert by_cell(t19, "proactive.licensing.prev_items")["text"] == "3"
    assert set(grid_widths(t19["rows"])) == {4}


def test_cells_named_in_issues_are_highlighted(syq_page):
    t = table(syq_page, "gk-proactive")
    for col in ("issued", "repealed", "in_force"):
        cell = by_cell(t, f"proactive.normative_documents.{col}")
        assert "gk-fail" in cell["attrs"]["class"].split()
        assert "gk-warning" in cell["attrs"]["class"].split()
        assert "TABLE_UNREADABLE" in cell["attrs"]["title"]
    ok = by_cell(t, "proactive.licensing.decisions")
    assert "gk-fail" not in ok["attrs"].get("class", "")
    fails = {p for tb in syq_page.tables for row in tb["rows"] for c in row
             if "gk-fail" in c["attrs"].get("class", "") for p in cell_paths(c)}
    named = {cell for i in gongkai.parse(SYQ_2021).issues if i["severity"] in ("error", "warning") for cell in i["cells"]}
    assert fails == named and len(fails) >= 3


def test_an_error_issue_marks_its_cells(syq):
    issue = {
        "code": "T3_ROW_SUM", "severity": "error", "message": "granted: 27+0+0+2+0+1 = 30 ≠ 31",
        "cells": ["requests.granted.total"], "expected": 30, "actual": 31, "blame": "source",
    }
    p = page(dataclasses.replace(syq, issues=[*syq.issues, issue]))
    cell = by_cell(table(p, "gk-requests"), "requests.granted.total")
    assert {"gk-fail", "gk-error"} <= set(cell["attrs"]["class"].split())
    assert cell["attrs"]["title"].startswith("T3_ROW_SUM")
    assert any(item.startswith("error T3_ROW_SUM") for item in p.items)


def test_inferred_and_blank_cells():
    syq = page(gongkai.parse(SYQ_2021))
    cell = by_cell(table(syq, "gk-requests"), "requests.new_received.total")
    assert cell["text"] == "70" and "gk-inferred" in cell["attrs"]["class"].split()
    shanghai = page(gongkai.parse(SHANGHAI))
    blank = by_cell(table(shanghai, "gk-requests"), "requests.carried_over.legal_services")
    assert blank["text"] == "" and "gk-blank" in blank["attrs"]["class"].split()
    assert by_cell(table(shanghai, "gk-requests"), "requests.new_received.total")["text"] == "859"


def test_header_and_issue_list(syq, syq_page):
    html = syq._repr_html_()
    assert "平潭综合实验区2021年度政府信息公开工作年度报告" in html
    assert "<b>2021</b>" in html and "<b>平潭综合实验区</b>" in html and "<b>annual_report</b>" in html
    assert html.index("gk-review") < html.index('class="gk-issues"')
    assert any(item.startswith("warning TABLE_UNREADABLE") for item in syq_page.items)


def test_all_text_is_escaped(syq):
    evil = dataclasses.replace(syq, title='<script>alert("x")</script>', agency="A&B <b>")
    html = evil._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "A&amp;B &lt;b&gt;" in html
    parsed = Page()
    parsed.feed(html)
    assert "script" not in parsed.tags


def test_report_without_tables_still_renders():
    html = gongkai.parse(REAL / "pingtan-czj-2009.txt")._repr_html_()
    assert "No statistical tables" in html and "gk-requests" not in html


# --- terminal --------------------------------------------------------------


def test_text_width_counts_wide_characters():
    assert display.text_width("abc") == 3
    assert display.text_width("自然人") == 6
    assert display.text_width("（一）") == 6
    assert display.text_width("e\u0301") == 1


def test_terminal_grids_align_and_mark(syq):
    text = display.tables_text(syq)
    lines = text.splitlines()
    row = next(line for line in lines if line.startswith("| 一、本年新收申请"))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["64*", "0*", "0*", "2*", "0*", "4*", "70*"]
    assert next(line for line in lines if line.startswith("| 行政规范性文件")).split("|")[2:5] == [" " * 11 + "?! "] * 3
    assert "  ? 行政规范性文件: read '693665' and could not split it (3 cells)" in lines
    # Every line of a grid has the same display width.
    t3 = lines[lines.index("三、收到和处理政府信息公开申请情况") + 1 :]
    t3 = t3[: next(i for i, line in enumerate(t3) if not line.startswith(("|", "+")))]
    assert len({display.text_width(line) for line in t3}) == 1 and len(t3) == 25 + 4


def test_gongkai_show_prints_the_tables():
    proc = subprocess.run([sys.executable, "-m", "gongkai", "show", str(SYQ_2021)], capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr
    assert "三、收到和处理政府信息公开申请情况" in proc.stdout
    assert "| 行政复议" in proc.stdout
    assert proc.stdout.count("693665") == 2  # once under the table, once in the issue


# --- the README's excerpts are the real output --------------------------------

README = REAL.parents[2] / "README.md"


def readme_block(lang):
    text = README.read_text(encoding="utf-8")
    start = text.index(f"```{lang}\n", text.index("## Notebooks and DataFrames")) + len(lang) + 4
    return text[start : text.index("```", start)]


def test_readme_html_excerpt_is_the_real_output_and_keeps_the_spans(syq):
    block = readme_block("html")
    html = syq._repr_html_()
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 5
    for line in lines:
        assert line in html, line
    p = Page()
    p.feed("<table>" + block + "</table>")
    rows = p.tables[0]["rows"]
    assert (span(rows[0][0], "rowspan"), span(rows[0][0], "colspan")) == (3, 3)
    assert [(c["text"], span(c, "rowspan"), span(c, "colspan")) for c in rows[0][1:] + rows[1]] == [
        ("申请人情况", 1, 7), ("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert (rows[3][0]["text"], span(rows[3][0], "rowspan")) == ("三、本年度办理结果", 22)
    failing = [p for row in rows for c in row if "gk-fail" in c["attrs"].get("class", "") for p in cell_paths(c)]
    assert failing == [f"proactive.normative_documents.{c}" for c in ("issued", "repealed", "in_force")]


def test_readme_terminal_excerpt_is_the_real_output(syq):
    text = display.tables_text(syq)
    for line in readme_block("text").splitlines():
        assert line in text, line


def test_cells_show_what_the_page_printed():
    t = table(page(gongkai.parse(SHANGHAI)), "gk-proactive")
    assert by_cell(t, "proactive.procurement.amount")["text"] == "251000元"
    assert by_cell(t, "proactive.procurement.items")["text"] == "6"
    assert by_cell(t, "proactive.rules.total_published")["text"] == "524"


# --- unreadable rows are printed once ------------------------------------------


def _no_numbers_report():
    """The 2021 report with table 3's first row stripped of its numbers (its label kept)."""
    import re

    text = SYQ_2021.read_text(encoding="utf-8")
    return gongkai.parse(text=re.sub(r"(一、本年新收政府信息公开申请数量)[0-9 ]+", r"\1", text))


def test_an_unreadable_run_is_drawn_once_across_its_cells(syq_page):
    t = table(syq_page, "gk-proactive")
    texts = [c["text"] for row in t["rows"] for c in row]
    assert texts.count("693665") == 1
    cell = by_text(t, "693665")
    assert span(cell, "colspan") == 3 and "gk-unreadable" in cell["attrs"]["class"].split()
    assert set(grid_widths(t["rows"])) == {4}


def test_a_row_with_no_numbers_is_one_cell_and_a_plain_message():
    report = _no_numbers_report()
    assert any(i["code"] == "TABLE_UNREADABLE" and "requests.new_received.total" in i["cells"] for i in report.issues)
    html = report._repr_html_()
    t = table(page(report), "gk-requests")
    row = next(r for r in t["rows"] if any(c["text"] == "一、本年新收政府信息公开申请数量" for c in r))
    assert [(c["text"], span(c, "colspan")) for c in row[1:]] == [("?", 7)]
    assert set(grid_widths(t["rows"])) == {10}
    text = display.report_text(report)
    assert "  ? 一、本年新收申请: found no numbers (7 cells)" in text.splitlines()
    for shown in (html, text, _cli_show_text(report)):
        assert 'no placement of "" fits' not in shown
        assert "no numbers" in shown  # the message says what is wrong with the row


def _cli_show_text(report):
    from gongkai import cli

    return cli.show_text(report)


# --- East Asian ambiguous width ------------------------------------------------


def test_ambiguous_characters_count_as_a_cjk_terminal_draws_them():
    label = "3.危及“三安全一稳定”"
    assert display.text_width(label) == 2 + 2 * 8 + 2 * 2  # CJK terminals: “ ” take two columns
    assert display.text_width(label, ambiguous_width=1) == 2 + 2 * 8 + 2
    assert display.text_width("…·—") == 6


@pytest.mark.parametrize("width", [1, 2])
def test_grids_align_under_either_setting(syq, width):
    lines = display.tables_text(syq, ambiguous_width=width).splitlines()
    t3 = lines[lines.index("三、收到和处理政府信息公开申请情况") + 1 :]
    t3 = [line for line in t3[: next(i for i, line in enumerate(t3) if not line.startswith(("|", "+")))]]
    assert any("“" in line for line in t3)
    assert len({display.text_width(line, ambiguous_width=width) for line in t3}) == 1


def test_the_setting_comes_from_the_environment_and_the_cli():
    code = "import gongkai.display as d; print(d.AMBIGUOUS_WIDTH)"
    for env, want in (("1", "1"), ("", "2")):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD,
                             env={**__import__("os").environ, "GONGKAI_AMBIGUOUS_WIDTH": env})
        assert out.stdout.strip() == want
    narrow = subprocess.run([sys.executable, "-m", "gongkai", "show", "--ambiguous-width", "1", str(SYQ_2021)],
                            capture_output=True, text=True, timeout=HANG_GUARD)
    row = next(line for line in narrow.stdout.splitlines() if "三安全一稳定" in line)
    assert display.text_width(row, ambiguous_width=1) == display.text_width(
        next(line for line in narrow.stdout.splitlines() if line.startswith("| 一、本年新收申请")), ambiguous_width=1)
