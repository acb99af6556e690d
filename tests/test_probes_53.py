"""Stop 53's independent probes: real Word markup, whole CMS pages, text that PDF tools and OCR
make, and the prose of bodies other than departments (each folder's README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai import parse
from gongkai.eval import documents, score_cells, scored_gold

from conftest import DATA, gold_beside
from probes import cells, facts

WORD = DATA / "word-markup"
CMS = DATA / "cms-pages"
PDF_TEXT = DATA / "pdf-text"
INSTITUTIONS = DATA / "institution-reports"


def test_each_folder_holds_its_documents() -> None:
    assert [len(documents(f)) for f in (WORD, CMS, PDF_TEXT, INSTITUTIONS)] == [21, 18, 71, 20]


def test_hidden_text_and_symbol_signs_of_word_files() -> None:
    # Hidden runs (w:vanish) were read as displayed: `36` + a hidden `0` gave 360, a hidden copy of
    # last year's table 4 was read for this year's, a hidden draft title gave the year 2023; a
    # Symbol-font minus (w:sym F02D) was dropped from -2. 16 wrong cells in all.
    right, total, wrong = cells(WORD)
    assert sum(wrong.values()) == 0, wrong.most_common(3)
    assert (total, right) == (4182, 4179)
    d13 = parse(WORD / "d13_hidden_table.docx")
    assert d13.year == 2024
    assert d13.tables["review_litigation"]["cells"]["review"]["total"]["value"] == 10
    d06 = parse(WORD / "d06_split_runs.docx")
    assert d06.tables["proactive"]["cells"]["punishment"]["change"]["value"] == -2


@pytest.mark.parametrize("path", documents(CMS), ids=lambda p: p.stem)
def test_a_cms_pages_report_is_the_articles_not_a_sidebars(path: Path) -> None:
    # A sidebar's 热点 list (`驻马店市人民政府2021年…年度报告` before the article's own title) gave the
    # agency and year of another report; a site's list of reports and a column page were reports.
    gold = gold_beside(path)
    report = parse(path)
    assert score_cells(report, scored_gold(gold), path.name).wrong == 0
    assert report.kind == gold["kind"]
    if gold["kind"] == "annual_report":
        assert report.year == gold["year"]
        # A shorter form of the name (the panel's `青秀区发展和改革局` for the title's `南宁市青秀区…`)
        # is the only other agency given.
        assert report.agency == gold["agency"] or gold["agency"].endswith(report.agency)


def test_text_of_pdfs_gives_no_wrong_cell_but_what_ocr_printed() -> None:
    # pdftotext of a page turned (/Rotate 90) printed the labels first and every column after:
    # all 161 cells of table 3 were read blank (97 wrong); `3900.73 万 元` of text spaced a character
    # apart lost its unit (off by 10^4); OCR's `2.重复申请 39 | 0 1 1 | 4 | 2 | 47` ran 39 into the
    # label and the row read a place early; OCR's table 4 on two lines read in line order.
    right, total, wrong = cells(PDF_TEXT)
    ocr = {name: n for name, n in wrong.items() if ".ocr-" in name}
    assert sum(wrong.values()) == sum(ocr.values()), wrong.most_common(3)
    # What OCR misread itself (`1工信访举报投诉类中请 | 49 | 1 | 1 | 0 | 4 | 0 | 6` for 10 and 64,
    # `行政处罚 157 7 950` for 956): the text's values, most of them flagged by a sum check.
    assert sum(ocr.values()) <= 21, ocr
    assert total == 13958 and right >= 10887, right
    rotated = parse(PDF_TEXT / "r4rot.raw.txt").tables["requests"]["cells"]
    assert rotated["new_received"]["natural_person"]["value"] == 1594
    spaced = parse(PDF_TEXT / "r2.spaced.txt").tables["proactive"]["cells"]
    assert spaced["procurement"]["amount"]["value"] == pytest.approx(39007300)


def test_institutions_prose_gives_no_conflicting_fact() -> None:
    # A student's appeal `与信息公开无关` after a semicolon was a disclosure complaint; a hospital's
    # `全年主动公开医疗卫生信息` and `全年共公开校务信息` totals were left unread.
    right, total = facts(INSTITUTIONS)
    assert total == 142 and right >= 135, right
