"""Stop 55: three shapes of .docx the word-features probe found read wrong (tests/data/word-features):
a body that is one imported chunk (`w:altChunk`), content controls showing their placeholder, and
the whole report inside a one-column layout table."""

from __future__ import annotations

import io
import zipfile

from gongkai import parse
from gongkai.eval import score_cells, scored_gold

from conftest import DATA, gold_beside

FEATURES = DATA / "word-features"


def _scored(name: str):
    path = FEATURES / name
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
    base = (FEATURES / "d25-czj23-altchunk.docx").read_bytes()
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
    html = zipfile.ZipFile(FEATURES / "d25-czj23-altchunk.docx").read("word/afchunk.htm")
    mht = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
        b"Content-Type: text/html; charset=\"utf-8\"\r\n\r\n" + html + b"\r\n--B--\r\n"
    )
    whole = parse(_package("afchunk.mht", mht))
    assert whole.agency == "平潭综合实验区财政金融局" and whole.kind == "annual_report"
    # A .docx importing the first one: read by recursion.
    nested = parse(_package("chunk.docx", (FEATURES / "d25-czj23-altchunk.docx").read_bytes()))
    values = lambda r: {(row, col): c["value"] for row, cols in r.tables["requests"]["cells"].items() for col, c in cols.items()}  # noqa: E731
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
