"""Stop 55: Word documents the word-features probe found read wrong (tests/data/word-features).
Legacy Word (.doc, made by LibreOffice from .docx): deleted revisions (sprmCFRMarkDel) and hidden
text (sprmCFVanish) are not read; inserted revisions are. And three shapes of .docx: a body that is
one imported chunk (`w:altChunk`), content controls showing their placeholder, and the whole report
inside a one-column layout table."""

from __future__ import annotations

import io
import zipfile

import pytest

from gongkai import parse
from gongkai.eval import score_cells, scored_gold

from conftest import DATA, gold_beside

WORD = DATA / "word-features"


def requests_value(report, row: str, col: str):
    return report.tables["requests"]["cells"][row][col]["value"]


@pytest.mark.parametrize(
    ("name", "row", "col"),
    [
        # `<del>79</del><ins>81</ins>` in the cells: 7981 before.
        ("d02-syq23-tracked-lodoc.doc", "new_received", "total"),
        ("d02-syq23-tracked-lodoc.doc", "new_received", "natural_person"),
        ("d02-syq23-tracked-lodoc.doc", "carried_over", "total"),
        # A hidden `12` before the visible 64: 1264 before.
        ("d21-syq21-smarttag-hidden-lodoc.doc", "new_received", "natural_person"),
        # A deleted copy of a row stood in for the real one.
        ("d17-syq21-tracked-rows-lodoc.doc", "new_received", "natural_person"),
        # The previous year's table 3, deleted whole, was read as the table.
        ("d32-syq25-deletedoldtable-lodoc.doc", "new_received", "total"),
    ],
)
def test_doc_reads_only_the_text_word_shows(name: str, row: str, col: str) -> None:
    path = WORD / name
    assert requests_value(parse(path), row, col) == gold_beside(path)["table3"][row][col]


@pytest.mark.parametrize(
    "name",
    [
        "d02-syq23-tracked-lodoc.doc",
        "d17-syq21-tracked-rows-lodoc.doc",
        "d21-syq21-smarttag-hidden-lodoc.doc",
        "d32-syq25-deletedoldtable-lodoc.doc",
    ],
)
def test_doc_with_deleted_or_hidden_text_has_no_wrong_cell_or_fact(name: str) -> None:
    path = WORD / name
    gold = gold_beside(path)
    report = parse(path)
    score = score_cells(report, scored_gold(gold), name)
    assert score.wrong == 0, score
    for fact in report.facts:
        if fact["key"] in gold["facts"]:
            assert fact["value"] == pytest.approx(gold["facts"][fact["key"]]), (fact["key"], fact["sentence"])


def _scored(name: str):
    path = WORD / name
    report = parse(path)
    gold = gold_beside(path)
    return report, gold, score_cells(report, scored_gold(gold), name)


def test_an_altchunk_body_is_read_in_its_place():
    # word/document.xml holds one line and a w:altChunk whose part is afchunk.htm: Word shows the
    # HTML as the body. It was dropped (kind "other", no issue); now every cell and field is read.
    report, gold, score = _scored("d25-czj23-altchunk.docx")
    assert score.wrong == 0 and score.right == score.total > 180, score.misses[:5]
    got = (report.year, report.agency, report.kind, report.template)
    assert got == (gold["year"], gold["agency"], gold["kind"], gold["template"])
    assert not [i for i in report.issues if i["code"] == "CONTENT_UNREAD"]


def _package(chunk_name: str, chunk: bytes) -> bytes:
    base = (WORD / "d25-czj23-altchunk.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b'Target="afchunk.htm"', f'Target="{chunk_name}"'.encode())
            if info.filename == "word/afchunk.htm":
                continue
            dst.writestr(info.filename, data)
        dst.writestr(f"word/{chunk_name}", chunk)
    return out.getvalue()


def test_an_altchunk_as_a_web_archive_or_docx_is_read_and_another_type_leaves_an_issue():
    html = zipfile.ZipFile(WORD / "d25-czj23-altchunk.docx").read("word/afchunk.htm")
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b'Content-Type: text/html; charset="utf-8"\r\n\r\n' + html + b"\r\n--B--\r\n"
    )
    whole = parse(_package("afchunk.mht", mht))
    assert whole.agency == "平潭综合实验区财政金融局" and whole.kind == "annual_report"
    # A .docx importing the first one: read by recursion.
    nested = parse(_package("chunk.docx", (WORD / "d25-czj23-altchunk.docx").read_bytes()))
    values = lambda r: {
        (row, col): c["value"] for row, cols in r.tables["requests"]["cells"].items() for col, c in cols.items()
    }  # noqa: E731
    assert nested.year == 2023 and values(nested) == values(whole) and values(whole)[("granted", "total")] is not None
    rtf = parse(_package("afchunk.rtf", rb"{\rtf1\ansi 2023}"))
    [issue] = [i for i in rtf.issues if i["code"] == "CONTENT_UNREAD"]
    assert "word/afchunk.rtf" in issue["message"] and issue["severity"] == "warning"


def test_content_controls_showing_their_placeholder_are_empty():
    # Table 3's unfilled controls show 单击或点击此处输入文字。 (w:showingPlcHdr): no text of the
    # document, so blank cells, not state "text".
    report, _, score = _scored("d26-syq25-formcontrols.docx")
    assert score.wrong == 0 and score.right > 180, score.misses[:5]
    cells = report.tables["requests"]["cells"]
    research = cells["new_received"]["research"]
    assert (research["state"], research["raw"]) == ("blank", "")
    assert cells["new_received"]["natural_person"]["value"] == 151
    assert "单击或点击此处" not in report.text


def test_a_one_column_layout_table_is_the_document():
    # WPS: the whole report in one borderless one-column table, the data tables nested in it.
    report, gold, score = _scored("d12-hz23-layouttable.docx")
    assert score.wrong == 0 and score.right == score.total > 180, score.misses[:5]
    assert report.title == "洪泽区人民政府2023年政府信息公开工作年度报告"
    assert len(report.sections) >= 6
    assert (report.year, report.agency, report.template) == (gold["year"], gold["agency"], gold["template"])
