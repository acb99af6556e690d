"""Make the PDF/DOCX/DOC test files of this folder from gold files (run from the repo root).

    python tests/data/pdf-word/make.py

Needs LibreOffice (soffice), Chromium, qpdf, ReportLab and python-docx (test-data tools only,
not package dependencies). Each good file gets a ``<name>.gold.json`` beside it: the gold of the
document it was rendered from, the title's agency substituted into the rendering so metadata is
scored too. Bad files (``bad-*``) are listed in ``bad.json`` with the error each must raise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "python"))
from gongkai import _render  # noqa: E402

OUT = Path(__file__).resolve().parent
GOLDS = ["pingtan-czj-2021", "shanghai-bgt-2019", "pingtan-syq-2023"]


def soffice(src: Path, fmt: str, out_dir: Path) -> Path:
    filters = {"pdf": "pdf:writer_pdf_Export", "docx": "docx:MS Word 2007 XML", "doc": "doc:MS Word 97"}
    subprocess.run(
        ["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", filters[fmt], "--outdir", str(out_dir), str(src)],
        check=True,
        capture_output=True,
    )
    return out_dir / (src.stem + "." + fmt)


def rendering(gold: dict, name: str) -> str:
    html = _render.render(gold, name).decode("utf-8")
    return html.replace("某某局", gold["agency"])


def write_gold(gold: dict, dest: Path, fmt: str) -> None:
    g = dict(gold)
    # The rendering prints the tables and one canned sentence per section, not the report's
    # prose: the original's facts are not in the file.
    g["facts"] = {}
    g["format"] = fmt
    dest.with_name(dest.stem + ".gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n")


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    for slug in GOLDS:
        gold = json.loads((ROOT / "tests/data/real" / f"{slug}.gold.json").read_text())
        for name, formats in (("html-spans", ("pdf", "docx", "doc")), ("html-word", ("pdf", "docx"))):
            src = tmp / f"{slug}-{name}.html"
            src.write_text(rendering(gold, name))
            for fmt in formats:
                made = soffice(src, fmt, tmp)
                dest = OUT / f"{slug}-{name}-lo-{fmt}.{fmt}"
                shutil.copy(made, dest)
                write_gold(gold, dest, fmt)
    # Table 3 across a page break with its header rows repeated on the next page (<thead>:
    # LibreOffice repeats them, as Word and WPS do for "repeat as header row").
    gold = json.loads((ROOT / "tests/data/real/pingtan-syq-2023.gold.json").read_text())
    html = rendering(gold, "html-spans")
    at = html.index("<h2>三、收到和处理政府信息公开申请情况</h2>")
    filler = "".join(f"<p>{i}. 本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。</p>" for i in range(1, 15))
    html = html[:at] + filler + html[at:]
    t = html.index("<tbody>", at)
    rows_end = t
    for _ in range(3):
        rows_end = html.index("</tr>", rows_end) + len("</tr>")
    html = html[:t] + "<thead>" + html[t + len("<tbody>") : rows_end] + "</thead><tbody>" + html[rows_end:]
    src = tmp / "pingtan-syq-2023-thead-break.html"
    src.write_text(html)
    made = soffice(src, "pdf", tmp)
    dest = OUT / "pingtan-syq-2023-thead-break-lo-pdf.pdf"
    shutil.copy(made, dest)
    write_gold(gold, dest, "pdf")
    # Chromium printing the page.
    gold = json.loads((ROOT / "tests/data/real/pingtan-czj-2023.gold.json").read_text())
    src = tmp / "chromium.html"
    src.write_text(rendering(gold, "html-spans"))
    dest = OUT / "pingtan-czj-2023-chromium.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={dest}", src.as_uri()],
        check=True,
        capture_output=True,
    )
    write_gold(gold, dest, "pdf")
    reportlab_files()
    python_docx_file()
    turned_files()
    watermark_files()
    bad_files(tmp)


def _flat_t3(gold: dict) -> list[list[str]]:
    """Table 3 as a flat grid: a label column (group labels on rows of their own) and 7 values."""
    g = _render._Gold(gold, lambda _t: False)
    rows = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"] + list(_render.REQUESTS_COL_LABELS)]
    for key, cells in _render._t3_label_cells(g):
        for text, rowspan, _ in cells[:-1]:
            if rowspan > 1:
                rows.append([text] + [""] * 7)
        rows.append([cells[-1][0]] + g.t3_values(key))
    return rows


def _reportlab_t3(slug: str, name: str, ruled: bool, spread: bool, marks: bool = False) -> None:
    """Table 3 of `slug`'s gold drawn with ReportLab in STSong-Light (not embedded,
    UniGB-UCS2-H, no ToUnicode), ruled or not; with `spread`, each number of two digits or more
    set over its whole cell (Word's distributed alignment: the first digit at the cell's left,
    the last at its right, by character spacing); with `marks`, every third number followed by
    a footnote's mark set superscript (a raised `1` at 5 pt, right after its last digit).
    Writes `name`.pdf and its gold (table 3's)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    gold = json.loads((ROOT / "tests/data/real" / f"{slug}.gold.json").read_text())
    rows = _flat_t3(gold)
    path = OUT / f"{name}.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    c.drawCentredString(297, 800, f"{gold['agency']}{gold['year']}年政府信息公开工作年度报告")
    c.setFont("STSong-Light", 10.5)
    c.drawString(40, 770, "一、总体情况")
    c.drawString(40, 752, "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。")
    c.drawString(40, 734, "三、收到和处理政府信息公开申请情况")
    x0, widths, top, h = 30, [240] + [42] * 7, 720, 17
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for i, row in enumerate(rows):
        y = top - i * h
        for j, text in enumerate(row):
            if j == 0:
                c.setFont("STSong-Light", 6 if len(text) > 36 else 7.5)
                c.drawString(xs[0] + 2, y - 12, text)
            elif spread and i > 0 and len(text) > 1:
                t = c.beginText()
                t.setFont("STSong-Light", 8)
                t.setCharSpace((widths[j] - 6 - c.stringWidth(text, "STSong-Light", 8)) / (len(text) - 1))
                t.setTextOrigin(xs[j] + 3, y - 12)
                t.textOut(text)
                c.saveState()
                c.drawText(t)
                c.restoreState()
            else:
                c.setFont("STSong-Light", 6.5 if i == 0 else 8)
                centre = (xs[j] + xs[j + 1]) / 2
                c.drawCentredString(centre, y - 12, text)
                if marks and i > 0 and text.isdigit() and (i * 7 + j) % 3 == 0:
                    c.setFont("STSong-Light", 5)
                    c.drawString(centre + c.stringWidth(text, "STSong-Light", 8) / 2 + 0.3, y - 8.5, "1")
    if ruled:
        c.setLineWidth(0.5)
        for i in range(len(rows) + 1):
            c.line(xs[0], top - i * h, xs[-1], top - i * h)
        for x in xs:
            c.line(x, top, x, top - len(rows) * h)
    c.showPage()
    c.save()
    g = {k: gold[k] for k in gold if k not in ("table2", "table4")}
    g["format"] = "pdf"
    g["facts"] = {}  # the page prints none of the report's prose
    path.with_name(path.stem + ".gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n")


def reportlab_files() -> None:
    """Table 3 drawn with ReportLab: with rules and without; ruled with its numbers spread over
    their cells (a ruled cell holds one value: `6      4` is 64); with footnote marks raised
    after some numbers (`27¹` is 27), ruled and not."""
    _reportlab_t3("pingtan-syq-2021", "reportlab-stsong-ruled", ruled=True, spread=False)
    _reportlab_t3("pingtan-syq-2021", "reportlab-stsong-norules", ruled=False, spread=False)
    _reportlab_t3("shanghai-bgt-2019", "reportlab-spread-digits", ruled=True, spread=True)
    _reportlab_t3("pingtan-syq-2021", "reportlab-footnote-marks", ruled=True, spread=False, marks=True)
    _reportlab_t3("pingtan-syq-2021", "reportlab-footnote-marks-norules", ruled=False, spread=False, marks=True)


def turned_files() -> None:
    """Pages turned: `/Rotate 90` on every page of a LibreOffice PDF (qpdf, a page turned in a
    viewer), and the pages' content drawn a quarter turn counter-clockwise on landscape pages
    (pypdf), so that the text runs up the page."""
    from pypdf import Transformation
    from pypdf.generic import RectangleObject

    slug = "pingtan-syq-2023-html-spans-lo-pdf"
    src = OUT / f"{slug}.pdf"
    gold = json.loads((OUT / f"{slug}.gold.json").read_text())
    dest = OUT / f"{slug}-rotate90.pdf"
    subprocess.run(["qpdf", "--rotate=+90", str(src), str(dest)], check=True)
    write_gold(gold, dest, "pdf")
    def turn(page) -> None:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        page.add_transformation(Transformation().rotate(90).translate(h, 0))
        page.mediabox = RectangleObject([0, 0, h, w])
        page.cropbox = RectangleObject([0, 0, h, w])

    _each_page(src, OUT / f"{slug}-turned.pdf", gold, turn)


def _each_page(src: Path, dest: Path, gold: dict, change) -> None:
    """`src` with `change` applied to each page (pypdf), written to `dest` with `gold`."""
    from pypdf import PdfReader, PdfWriter

    reader, writer = PdfReader(src), PdfWriter()
    for page in reader.pages:
        change(page)
        writer.add_page(page)
    with dest.open("wb") as f:
        writer.write(f)
    write_gold(gold, dest, "pdf")


def watermark_files() -> None:
    """Watermarks over every page of a LibreOffice PDF (ReportLab, merged with pypdf): pale grey
    text set diagonally (`仅供参考 2024`), dark text filled 30 % opaque across the page, and
    mid-grey opaque text across it (`2024 内部`), three times a page, 48 pt. Their digits must
    land in no cell."""
    import io

    from pypdf import PdfReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def mark(w: float, h: float, angle: float, text: str, gray: float, alpha: float | None):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(w, h))
        c.setFillGray(gray)
        if alpha is not None:
            c.setFillAlpha(alpha)
        c.setFont("STSong-Light", 48)
        for k in range(3):
            c.saveState()
            c.translate(w / 2, h * (k + 1) / 4)
            c.rotate(angle)
            c.drawCentredString(0, 0, text)
            c.restoreState()
        c.save()
        return PdfReader(io.BytesIO(buf.getvalue())).pages[0]

    slug = "pingtan-syq-2023-html-spans-lo-pdf"
    gold = json.loads((OUT / f"{slug}.gold.json").read_text())
    marks = (
        ("diagonal", 45, "仅供参考 2024", 0.85, None),
        ("faint", 0, "2024 内部", 0.2, 0.3),
        ("opaque", 0, "2024 内部", 0.5, None),
    )
    for name, angle, text, gray, alpha in marks:

        def stamp(page, angle=angle, text=text, gray=gray, alpha=alpha) -> None:
            page.merge_page(mark(float(page.mediabox.width), float(page.mediabox.height), angle, text, gray, alpha))

        _each_page(OUT / f"{slug}.pdf", OUT / f"{slug}-watermark-{name}.pdf", gold, stamp)


def python_docx_file() -> None:
    """A .docx written with python-docx: merged cells the official way (vMerge, gridSpan)."""
    import docx

    gold = json.loads((ROOT / "tests/data/real/pingtan-syq-2025.gold.json").read_text())
    d = docx.Document()
    d.add_heading(f"{gold['agency']}{gold['year']}年政府信息公开工作年度报告", 0)
    d.add_paragraph("一、总体情况")
    d.add_paragraph("本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。")
    d.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t4 = gold["table4"]
    t = d.add_table(rows=4, cols=15)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 4)).text = "行政复议"
    t.cell(0, 5).merge(t.cell(0, 14)).text = "行政诉讼"
    for j, h in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]):
        t.cell(1, j).merge(t.cell(2, j)).text = h
    t.cell(1, 5).merge(t.cell(1, 9)).text = "未经复议直接起诉"
    t.cell(1, 10).merge(t.cell(1, 14)).text = "复议后起诉"
    for j, h in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2):
        t.cell(2, 5 + j).text = h
    values = []
    for group in ("review", "litigation_direct", "litigation_after_review"):
        values += t4[group]
    for j, v in enumerate(values):
        t.cell(3, j).text = str(v)
    path = OUT / "pingtan-syq-2025-python-docx.docx"
    d.save(path)
    g = {k: gold[k] for k in gold if k not in ("table2", "table3")}
    g["format"] = "docx"
    path.with_suffix(".gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n")


def bad_files(tmp: Path) -> None:
    """Damaged, scanned, encrypted and undecodable files, with the error each must raise."""
    base = OUT / "pingtan-czj-2021-html-spans-lo-pdf.pdf"
    data = base.read_bytes()
    expect: dict[str, str] = {}

    def put(name: str, content: bytes, error: str) -> None:
        (OUT / name).write_bytes(content)
        expect[name] = error

    put("bad-truncated-half.pdf", data[: len(data) // 2], "ok-or-DamagedFileError")
    put("bad-truncated-tail.pdf", data[: len(data) - 1200], "ok")
    put("bad-header-only.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "DamagedFileError")
    flipped = bytearray(data)
    for i in range(1000, len(flipped), 997):
        flipped[i] ^= 0x5A
    put("bad-bytes-flipped.pdf", bytes(flipped), "ok-or-GongkaiError")
    deep = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000 + b" >>\nendobj\n"
    deep += b"2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    put("bad-deep-nesting-cyclic-tree.pdf", deep, "DamagedFileError")
    # Encrypted: empty user password (read), and a real user password (refused).
    weak = ["--allow-weak-crypto"]
    for name, pre, args in (
        ("aes256-empty", [], ["256"]),
        ("rc4-40-empty", weak, ["40"]),
        ("rc4-128-empty", weak, ["128"]),
        ("aes128-empty", [], ["128", "--use-aes=y"]),
    ):
        dest = OUT / f"enc-{name}.pdf"
        subprocess.run(["qpdf", *pre, "--encrypt", "", "owner", *args, "--", str(base), str(dest)], check=True)
        expect[dest.name] = "ok"
    dest = OUT / "bad-encrypted-password.pdf"
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "128", "--use-aes=y", "--", str(base), str(dest)], check=True)
    expect[dest.name] = "EncryptedPdfError"
    # Scanned: the page as an image only.
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(base), str(tmp / "page")], check=True)
    png = next(tmp.glob("page*.png"))
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(OUT / "bad-scanned.pdf"), pagesize=A4)
    c.drawImage(str(png), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    expect["bad-scanned.pdf"] = "ScannedPdfError"
    # No ToUnicode: the maps renamed away in an uncompressed copy.
    qdf = tmp / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(base), str(qdf)], check=True)
    raw = qdf.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX")
    put("bad-no-tounicode.pdf", raw, "UndecodableTextError")
    # Word.
    docx_bytes = (OUT / "pingtan-czj-2021-html-spans-lo-docx.docx").read_bytes()
    put("bad-truncated.docx", docx_bytes[: len(docx_bytes) // 3], "ok-or-DamagedFileError")
    put("bad-no-document.docx", docx_bytes.replace(b"word/document.xml", b"word/documenX.xml"), "DamagedFileError")
    doc_bytes = (OUT / "pingtan-czj-2021-html-spans-lo-doc.doc").read_bytes()
    put("bad-truncated.doc", doc_bytes[:700], "DamagedFileError")
    put("bad-works.wps", doc_bytes.replace("WordDocument".encode("utf-16-le"), "CONTENTSxxxx".encode("utf-16-le")), "UnsupportedFormatError")
    (OUT / "bad.json").write_text(json.dumps(expect, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
