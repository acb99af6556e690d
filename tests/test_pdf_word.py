"""PDF, DOCX and .doc input: real report PDFs against their gold, renderings of gold files made
by LibreOffice, Chromium, ReportLab and python-docx (tests/data/pdf-word/make.py), and every bad
file with the typed error it must raise. Then the committed files of tests/data/layouts and the
bad files of tests/data/bad:

- Every PDF/DOCX/DOC document with a gold file (tests/data/layouts/pdf-libreoffice, pdf-chromium,
  pdf-wkhtmltopdf, pdf-weasyprint, pdf-reportlab, pdf-docx, pdf-docx-paged, docx, doc; tests/data/real-pdf) is read with no
  wrong number, every gold cell right and ``source["format"]`` the gold's (``pdf``, ``docx``, ``doc``).
- Every file of tests/data/bad does what its ``expect.json`` says: raise the named `gongkai` error,
  or be read (``read``: and match the gold beside it when there is one), or either
  (``read-or-<Error>``); never another exception.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai
from conftest import DATA, run_child
from gongkai import parse
from gongkai.eval import _gold_number, documents, score_cells, scored_gold

REAL_PDF = DATA / "real-pdf"
PDF_WORD = DATA / "pdf-word"
T4_COLS = ("upheld", "corrected", "other", "pending", "total")


def goldens(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.suffix in (".pdf", ".docx", ".doc") and p.with_name(p.stem + ".gold.json").exists()
    )


def value(cell: dict | None) -> float | None:
    if cell is None:
        return None
    if cell["state"] in ("blank", "na"):
        return 0
    return cell["value"]


def gold_cells(gold: dict):
    """(table key, row, col, gold value) for every gold table cell."""
    for row, cols in (gold.get("table2") or {}).items():
        for col, v in cols.items():
            yield "proactive", row, col, v
    for row, cols in (gold.get("table3") or {}).items():
        for col, v in cols.items():
            yield "requests", row, col, v
    for group, cols in (gold.get("table4") or {}).items():
        cols = dict(zip(T4_COLS, cols)) if isinstance(cols, list) else cols
        for col, v in cols.items():
            yield "review_litigation", group, col, v


@pytest.mark.parametrize("path", goldens(PDF_WORD), ids=lambda p: p.name)
def test_generated_files_read_every_gold_cell(path):
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = gongkai.parse(path)
    assert report.source["format"] == gold["format"]
    assert (report.year, report.agency, report.kind, report.template) == (
        gold["year"],
        gold["agency"],
        gold["kind"],
        gold["template"],
    )
    wrong = []
    for table, row, col, want in gold_cells(gold):
        t = report.tables[table]
        got = value(t["cells"].get(row, {}).get(col)) if t else None
        if got != (_gold_number(want) or 0):
            wrong.append((table, row, col, want, got))
    assert not wrong


@pytest.mark.parametrize(
    "variant", ["rotate90", "turned", "watermark-diagonal", "watermark-faint", "watermark-opaque"]
)
def test_a_turned_or_watermarked_page_reads_as_the_plain_one(variant):
    # `/Rotate 90` on upright text (a page turned in a viewer), and text drawn a quarter turn on
    # a landscape page: read as the upright file, whose text runs right. A watermark over every
    # page (`仅供参考 2024` pale and diagonal, `2024 内部` 30 % opaque, or mid-grey and opaque over
    # the text): none of its text is the report's, and its digits land in no cell.
    upright = gongkai.parse(PDF_WORD / "pingtan-syq-2023-html-spans-lo-pdf.pdf")
    turned = gongkai.parse(PDF_WORD / f"pingtan-syq-2023-html-spans-lo-pdf-{variant}.pdf")
    if variant == "watermark-opaque":
        # Drawn over the text, its lines go; where a line crosses nothing (the last page's empty
        # foot), nothing tells it from a heading: it stays a line of its own.
        assert [line for line in turned.text.split("\n") if line != "2024内部"] == upright.text.split("\n")
    else:
        assert turned.text == upright.text
    def cells(report):
        return {
            (table, row, col): (c["value"], c["state"], c["span"])
            for table, t in report.tables.items()
            if t
            for row, cols in t["cells"].items()
            for col, c in cols.items()
        }

    assert cells(turned) == cells(upright) and len(cells(upright)) >= 200
    assert turned.tables["requests"]["cells"]["new_received"]["total"]["value"] == 81


def test_real_pdfs_against_gold():
    shi = gongkai.parse(REAL_PDF / "huaian-shi-2024.pdf")
    gold = json.loads((REAL_PDF / "huaian-shi-2024.gold.json").read_text(encoding="utf-8"))
    assert shi.source["pages"] == 6
    assert shi.source["producer"].startswith("WPS")
    wrong = [
        (t, r, c, v)
        for t, r, c, v in gold_cells(gold)
        if value((shi.tables[t]["cells"].get(r) or {}).get(c)) != (_gold_number(v) or 0)
    ]
    assert not wrong
    # Table 3 runs across a page break; its cells carry page and box, and the span is the evidence.
    cells = shi.tables["requests"]["cells"]
    first, last = cells["new_received"]["total"], cells["carried_forward"]["total"]
    assert first["value"] == 3119 and last["value"] == 103
    assert first["page"] < last["page"]
    for c in (first, last):
        x0, top, x1, bottom = c["bbox"]
        assert 0 <= x0 < x1 <= 595 and 0 <= top < bottom <= 842
        assert shi.text[c["span"][0] : c["span"][1]] == c["raw"]
    hongze = gongkai.parse(REAL_PDF / "huaian-hongze-2023.pdf")
    assert (hongze.year, hongze.agency) == (2023, "洪泽区人民政府")
    assert hongze.tables["requests"]["cells"]["new_received"]["total"]["value"] == 21
    assert hongze.tables["proactive"]["format"] == "2021"


def test_html_reports_carry_no_page_or_box():
    report = gongkai.parse(DATA / "real" / "shanghai-bgt-2019.html")
    assert "pages" not in report.source and "producer" not in report.source
    cell = report.tables["requests"]["cells"]["new_received"]["total"]
    assert "page" not in cell and "bbox" not in cell


BAD = json.loads((PDF_WORD / "bad.json").read_text())


@pytest.mark.parametrize("name", sorted(BAD), ids=str)
def test_bad_files_raise_their_typed_error(name):
    want = BAD[name]
    try:
        report = gongkai.parse(PDF_WORD / name)
    except gongkai.GongkaiError as e:
        assert want != "ok", f"{name}: {type(e).__name__}: {e}"
        # "X": exactly gongkai.X; "ok-or-X": parsed, or an X (any of its subclasses).
        cls = getattr(gongkai, want.removeprefix("ok-or-"))
        ok = isinstance(e, cls) if want.startswith("ok-or-") else type(e) is cls
        assert ok, f"{name}: {type(e).__name__}: {e}"
        return
    assert want.startswith("ok"), f"{name} parsed, expected {want}"
    if want == "ok":
        assert report.tables["requests"] is not None


def test_errors_are_typed_and_say_what_to_do():
    with pytest.raises(gongkai.ScannedPdfError, match="OCR"):
        gongkai.parse(PDF_WORD / "bad-scanned.pdf")
    with pytest.raises(gongkai.EncryptedPdfError, match="password"):
        gongkai.parse(PDF_WORD / "bad-encrypted-password.pdf")
    with pytest.raises(gongkai.UndecodableTextError, match="ToUnicode"):
        gongkai.parse(PDF_WORD / "bad-no-tounicode.pdf")
    with pytest.raises(gongkai.UnsupportedFormatError, match="WPS"):
        gongkai.parse(PDF_WORD / "bad-works.wps")
    for cls in (gongkai.ScannedPdfError, gongkai.EncryptedPdfError, gongkai.UndecodableTextError, gongkai.DamagedFileError):
        assert issubclass(cls, gongkai.GongkaiError)
    assert issubclass(gongkai.EncryptedPdfError, gongkai.EncryptedDocumentError)


def test_every_entry_point_reads_binary_documents():
    pdf = PDF_WORD / "pingtan-czj-2021-html-spans-lo-pdf.pdf"
    docx = PDF_WORD / "pingtan-czj-2021-html-spans-lo-docx.docx"
    doc = PDF_WORD / "pingtan-czj-2021-html-spans-lo-doc.doc"
    assert gongkai.extract(pdf.read_bytes())["source"]["format"] == "pdf"
    assert gongkai.parse(str(docx)).source["format"] == "docx"
    rows = gongkai.parse_many([pdf, docx.read_bytes(), doc, PDF_WORD / "bad-scanned.pdf"], errors="collect", threads=2)
    assert [r.source["format"] for r in rows[:3]] == ["pdf", "docx", "doc"]
    assert isinstance(rows[3], gongkai.Failure) and rows[3].error == "ScannedPdfError"
    assert gongkai.parse(pdf.read_bytes(), format="pdf").source["format"] == "pdf"
    with pytest.raises(gongkai.UnsupportedFormatError):
        gongkai.parse(b"<html><body>not a pdf</body></html>", format="pdf")


def test_cli_show_prints_the_tables_of_a_pdf():
    proc = subprocess.run(
        [sys.executable, "-m", "gongkai", "show", str(REAL_PDF / "huaian-shi-2024.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "3119" in proc.stdout and "淮安市人民政府" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "gongkai", "check", str(PDF_WORD / "bad-encrypted-password.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0 and "EncryptedPdfError" in proc.stdout + proc.stderr


def _parse_peak(path: Path) -> dict:
    """Peak RSS growth (MB) of a child process while it parses `path` (bytes read and the
    pipeline warmed up beforehand)."""
    return run_child(
        f"""
        import gongkai
        def _rss():
            for line in open("/proc/self/status"):
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        data = open({str(path)!r}, "rb").read()
        # The first parse builds the pipeline's tables once (~15 MB, any input): not the PDF's.
        gongkai.parse("一、总体情况\\n本机关2021年政府信息公开工作年度报告。")
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # reset the peak (VmHWM) to the current RSS
        before = _rss()
        report = gongkai.parse(data)
        RESULT = {{"before_mb": before, "pages": report.source["pages"], "chars": len(report.text)}}
        """,
        timeout=120,
    )


def test_real_pdf_parses_within_twenty_times_its_size():
    path = REAL_PDF / "huaian-shi-2024.pdf"
    out = _parse_peak(path)
    grown = out["peak_mb"] - out["result"]["before_mb"]
    assert out["result"]["pages"] == 6
    assert grown < 20 * path.stat().st_size / 2**20, out


def test_a_100_page_pdf_is_read_a_page_at_a_time(tmp_path):
    """100 pages written without fonts (tests/_pdf_long.py): memory follows the text, not the pages."""
    from _pdf_long import write_long_pdf

    path = tmp_path / "long.pdf"
    write_long_pdf(path, pages=100)
    out = _parse_peak(path)
    assert out["result"]["pages"] == 100
    assert "第100部分" in gongkai.parse(path).text
    grown = out["peak_mb"] - out["result"]["before_mb"]
    # 170 KB without fonts but 110,000 characters of text: memory follows the text.
    assert grown < 40, out


# --- the files of tests/data/layouts and tests/data/bad ----------------------------------

LAYOUTS = DATA / "layouts"
BAD_FOLDER = DATA / "bad"
FILE_FOLDERS = (
    LAYOUTS / "pdf-libreoffice",
    LAYOUTS / "pdf-chromium",
    LAYOUTS / "pdf-wkhtmltopdf",
    LAYOUTS / "pdf-wkhtmltopdf-noto",
    LAYOUTS / "pdf-weasyprint",
    LAYOUTS / "pdf-reportlab",
    LAYOUTS / "pdf-docx",
    LAYOUTS / "pdf-docx-paged",
    LAYOUTS / "docx",
    LAYOUTS / "doc",
    DATA / "real-pdf",
)
EXPECT: dict[str, str] = json.loads((BAD_FOLDER / "expect.json").read_text(encoding="utf-8"))


def _check_file(path: Path, partial: bool = False) -> None:
    """Read `path` and compare with its gold; `partial`: a damaged file, misses allowed."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = parse(path)
    label = f"{path.parent.name}/{path.name}"
    score = score_cells(report, scored_gold(gold), label)
    problems = []
    if score.wrong:
        problems.append(f"{score.wrong} wrong numbers")
    if score.right != score.total and not partial:
        problems.append(f"{score.right}/{score.total} cells right")
    if report.source["format"] != gold["format"]:
        problems.append(f"format {report.source['format']!r}, want {gold['format']!r}")
    assert not problems, f"{label}: " + ", ".join(problems) + "\n" + "\n".join(score.misses[:30])


def test_the_layout_files_are_there() -> None:
    counts = {folder.name: len(documents(folder)) for folder in FILE_FOLDERS}
    assert counts["real-pdf"] == 2 and counts["pdf-reportlab"] == 3
    folders = ("pdf-libreoffice", "pdf-chromium", "pdf-wkhtmltopdf-noto", "pdf-docx", "pdf-docx-paged", "doc")
    assert all(counts[f] >= 15 for f in folders), counts
    assert counts["docx"] >= 18, counts
    assert set(EXPECT) == {p.name for p in BAD_FOLDER.iterdir() if p.suffix in (".pdf", ".docx", ".doc")}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=f"{folder.name}-{p.name}") for folder in FILE_FOLDERS for p in documents(folder)]
)
def test_layout_file(path: Path) -> None:
    _check_file(path)


def test_a_table_without_rules_keeps_its_captions_and_blank_rows() -> None:
    # WeasyPrint without presentational hints draws the tables without rules, a cell's text a
    # few points from the next. Words reaching into the value columns but under none of them
    # (the caption 第二十条第（五）项, the long label 其他对外管理服务事项) were dropped; a row
    # whose cells are all blank (行政处罚) was joined to the next as one label (行政处罚行政强制),
    # and 行政强制's 0 0 0 was not read; header words of neighbouring cells stood as one.
    report = parse(LAYOUTS / "pdf-weasyprint" / "pingtan-czj-2019.pdf")
    lines = report.text.split("\n")
    assert "第二十条第(五)项" in report.text and any(line.startswith("其他对外管理服务事项\t") for line in lines)
    assert "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量" in report.text
    cells = report.tables["proactive"]["cells"]
    assert [c["value"] for c in cells["punishment"].values()] == [None, None, None]
    assert [c["value"] for c in cells["coercion"].values()] == [0, 0, 0]
    assert [c["value"] for c in cells["licensing"].values()] == [3, 0, 0]


@pytest.mark.parametrize("path", documents(LAYOUTS / "pdf-wkhtmltopdf"), ids=lambda p: p.name)
def test_a_bold_drawn_twice_is_read_once(path: Path) -> None:
    # wkhtmltopdf draws a bold heading in a font without a bold face twice, the second pass a
    # hair to the left inside `/Span << /ActualText () >> BDC … EMC`: no text of its own. Read
    # as text, some of its glyphs doubled the title's (`某某某局2019年年政府信信息…`): the
    # agency was 某某某局 and the report no annual report.
    raw = path.read_bytes()
    assert b"/ActualText" in raw or b"/ObjStm" in raw
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = parse(path)
    assert (report.kind, report.agency, report.year) == (gold["kind"], gold["agency"], gold["year"])
    assert report.title == f"{gold['agency']}{gold['year']}年政府信息公开工作年度报告"
    assert "一、总体情况" in report.text


@pytest.mark.parametrize("path", documents(LAYOUTS / "pdf-wkhtmltopdf-noto"), ids=lambda p: p.name)
def test_radicals_for_ideographs_read_as_the_ideographs(path: Path) -> None:
    # Qt builds Noto Sans CJK's ToUnicode from the font's cmap, where a Kangxi radical and its
    # ideograph share a glyph: the PDF's text is `⾏政规范性⽂件`, `（⼀）`, `⺠` (as copied from many
    # published PDFs). No label matched: table 2's rows of 行政…, table 3's rows of （一）… unread
    # (95.2 % of the folder's cells).
    report = parse(path)
    assert "规范性文件" in report.text and "行政" in report.text and not any("\u2e80" <= c <= "\u2fdf" for c in report.text)
    assert "（一）" in report.text or "(一)" in report.text
    # (Its cells against the gold: test_layout_file, pdf-wkhtmltopdf-noto.)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_bad_folder_file(name: str) -> None:
    path = BAD_FOLDER / name
    expect = EXPECT[name]
    allowed = expect.removeprefix("read-or-") if expect.startswith("read-or-") else None
    error = expect if expect != "read" and allowed is None else allowed
    if error is not None:
        cls = getattr(gongkai, error, None)
        assert isinstance(cls, type) and issubclass(cls, gongkai.GongkaiError), f"gongkai.{error} is not a GongkaiError"
    try:
        report = parse(path)
    except gongkai.GongkaiError as exc:
        assert error is not None and isinstance(exc, cls), f"{name}: {type(exc).__name__}: {exc}; want {expect}"
        return
    assert expect == "read" or allowed is not None, f"{name}: read, want {expect}"
    if path.with_name(path.stem + ".gold.json").exists():
        _check_file(path, partial=expect != "read")
    else:
        assert report.source["format"] in ("pdf", "docx", "doc")


def test_docx_automatic_numbering_is_drawn_into_the_text() -> None:
    # Headings numbered by a list style (LibreOffice's DOCX of tests/data/word-numbering/numbered.fodt):
    # Word keeps `一、` and `（一）` out of the text; drawn back, the outline finds the sections.
    report = parse(DATA / "word-numbering" / "numbered.docx")
    sections = [(s["key"], s["number"]) for s in report.sections if s["key"] != "preamble"]
    assert sections == [
        ("overview", "一"),
        ("proactive", "二"),
        ("requests", "三"),
        ("review_litigation", "四"),
        ("problems", "五"),
        ("other", "六"),
    ]
    assert [c["number"] for c in report.sections[1]["children"]] == ["（一）", "（二）"]
    facts = {f["key"]: (f["value"], f["section"]) for f in report.facts if f["key"]}
    assert facts["proactive_total"] == (128, "overview")
    assert facts["requests_received"] == (5, "overview")


def test_docx_footnote_marks_set_superscript_are_no_digits_of_their_numbers() -> None:
    # A raised `1` after a cell's number (a run with `w:vertAlign="superscript"`, as Word sets a
    # footnote's mark typed by hand) is no digit of it: every cell reads as without the marks.
    import io
    import zipfile

    path = LAYOUTS / "docx" / "pingtan-syq-2023.merged.docx"
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    raised = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
    out = io.BytesIO()
    marked = 0
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml, marked = re.subn(r"(<w:t(?: [^>]*)?>\d+</w:t></w:r>)", lambda m: m.group(1) + raised, data.decode("utf-8"))
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    assert marked > 150
    score = score_cells(parse(out.getvalue()), scored_gold(gold), path.name)
    assert score.wrong == 0 and score.right == score.total > 150, score.misses[:5]


def test_pdf_without_tounicode_reads_its_text_from_the_embedded_fonts_cmap():
    # A producer that writes no ToUnicode maps (a Chromium print with them removed): the text is
    # in the embedded TrueType fonts' own cmap tables, glyph by glyph through CIDToGIDMap.
    path = BAD_FOLDER / "no-tounicode.pdf"
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = gongkai.parse(path)
    assert "收到和处理政府信息公开申请情况" in report.text
    assert report.year == 2023
    score = score_cells(report, scored_gold(gold), path.name)
    assert score.wrong == 0 and score.right == score.total == 200, score.misses[:5]
    # Subset fonts without a cmap (the WPS exports keep none) stay undecodable, said so.
    with pytest.raises(gongkai.UndecodableTextError, match="ToUnicode"):
        gongkai.parse(PDF_WORD / "bad-no-tounicode.pdf")
