#!/usr/bin/env python3
"""Real tool output for the layout tests: PDF, Word and converter text made from the gold files.

Every file under ``tests/data/layouts/<folder>/`` sits beside a ``<same stem>.gold.json`` whose
``format`` is what the parser should report. The files are committed, so the tests run from a
clone without any of these tools; run this script only to regenerate them.

Inputs: every 2019/2021-template gold file of ``tests/data/real``, the synthetic gold files named
in ``SYNTHETIC`` (``tests/data/synthetic``), and the two real report PDFs of ``tests/data/real-pdf``.

Tools (the versions that made the committed files; other versions give other bytes):

- LibreOffice 7.4.7.2 (Debian bookworm ``libreoffice-writer``), ``soffice --headless``
- Chromium 148.0.7778.167 (Debian bookworm ``chromium``), ``--headless --print-to-pdf``; its web
  archives (``mhtml-chromium``) through the DevTools protocol (websocket-client 1.9.2)
- poppler-utils 22.12.0 (``pdftotext``), qpdf 11.3.0 (object streams for Chromium's PDFs)
- fonts-noto-cjk, fonts-wqy-zenhei (the CJK fonts LibreOffice and Chromium embed)
- Python packages of ``requirements-make.txt`` (pip, in a virtualenv with gongkai installed by
  ``maturin develop``): pymupdf4llm 1.28.2 (PyMuPDF 1.28.2), markitdown[pdf] 0.1.9, python-docx
  1.2.0, reportlab 5.1.0, pypdf 5.9.0, pdfplumber 0.11.10, PyMuPDF 1.26.7 (the txt-* folders; the
  committed md-pymupdf4llm files were written under PyMuPDF 1.28.2), beautifulsoup4 4.15.0,
  html2text 2025.4.15, trafilatura 2.3.1, pypdfium2 5.15.2, mammoth 1.13.0 (the tool-text folders)
- pandoc 2.17.1.1 (Debian bookworm ``pandoc``); w3m 0.5.3+git20230121, Lynx 2.9.0dev.12,
  ELinks 0.13.2 and Links 2.28 (Debian bookworm ``w3m``, ``lynx``, ``elinks``, ``links2``);
  inscriptis 2.7.6 (pip); antiword 0.37 and catdoc 0.95 (Debian bookworm ``antiword``,
  ``catdoc``: the text of the Word 97 files)
- tabula-py 2.10.0 (pip; its bundled tabula-java 1.0.5) on OpenJDK 17.0.15 (Debian bookworm
  ``openjdk-17-jre-headless``): the ``txt-tabula-stream`` files

pdfminer.six orders some text boxes of one line differently from run to run: a regenerated
``txt-pdfminer`` file may print a few values in another order than the committed one.

Usage, from the repository root::

    python tests/data/layouts/make.py            # every folder
    python tests/data/layouts/make.py --only docx --only doc

Folders: see README.md beside this script.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gongkai import _render

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
REAL = DATA / "real"
REAL_PDF = DATA / "real-pdf"
SYNTHETIC_DIR = DATA / "synthetic"

#: Synthetic gold files also made into tool output (large values, blank totals, a 2019 table 2
#: with negative 本年增/减, a source whose arithmetic does not add up).
SYNTHETIC = ("syn-03", "syn-08", "syn-14", "syn-17", "syn-19")

TOOLS = {
    "libreoffice": "LibreOffice 7.4.7.2",
    "chromium": "Chromium 148.0.7778.167",
    "wkhtmltopdf": "wkhtmltopdf 0.12.6 (Debian bookworm; Qt 5.15.8)",
    "weasyprint": "WeasyPrint 70.0",
    "pdftotext": "pdftotext (poppler) 22.12.0",
    "pdftohtml": "pdftohtml (poppler) 22.12.0",
    "pymupdf4llm": "pymupdf4llm 1.28.2 (PyMuPDF 1.28.2)",
    "markitdown": "markitdown 0.1.9",
    "pypdf": "pypdf 5.9.0",
    "pdfplumber": "pdfplumber 0.11.10 (pdfminer.six 20260107)",
    "pymupdf": "PyMuPDF 1.26.7 (the pdf-docx files' text: 1.28.2)",
    "pymupdf-new": "PyMuPDF 1.28.2",
    "bs4": "beautifulsoup4 4.15.0",
    "pandas": "pandas 3.1.1 (lxml 6.1.3; beautifulsoup4 4.15.0 for the rest of the page)",
    "tabulate": "tabulate 0.10.0",
    "html2text": "html2text 2025.4.15",
    "trafilatura": "trafilatura 2.3.1",
    "pandoc": "pandoc 2.17.1.1",
    "pdfminer": "pdfminer.six 20260107",
    "pypdfium2": "pypdfium2 5.15.2",
    "mammoth": "mammoth 1.13.0",
    "inscriptis": "inscriptis 2.7.6",
    "docx2txt": "docx2txt 0.9",
    "antiword": "antiword 0.37 (Debian 0.37-16+deb12u1)",
    "catdoc": "catdoc 0.95 (Debian 1:0.95-6~deb12u1)",
    "w3m": "w3m 0.5.3+git20230121",
    "lynx": "Lynx 2.9.0dev.12",
    "elinks": "ELinks 0.13.2",
    "links": "Links 2.28",
    "python-docx": "python-docx 1.2.0",
    "reportlab": "ReportLab 5.1.0",
    "camelot": "camelot-py 2.0.0 (pypdfium2 backend)",
    "pdfbox": "Apache PDFBox 2.0.24 (the jar inside tabula-py 2.10.0; OpenJDK 17)",
    "tabula": "tabula-py 2.10.0 (tabula-java 1.0.5, OpenJDK 17.0.15)",
}

GOLD_KEYS = ("format", "template", "table_formats", "kind", "year", "agency", "table2", "table3", "table4")
FORMAT_OF = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".md": "markdown",
    ".txt": "text",
    ".html": "html",
    ".mhtml": "html",
    ".mht": "html",
}
TABLE_KEY = {"proactive": "table2", "requests": "table3", "review_litigation": "table4"}


# ---------------------------------------------------------------------------
# Gold files


def sources() -> list[tuple[str, Path, dict]]:
    """(stem, gold path, gold) of every renderable gold file used."""
    out = []
    for path in sorted(REAL.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if _render.renderable(gold):
            out.append((path.name.removesuffix(".gold.json"), path, gold))
    for stem in SYNTHETIC:
        path = SYNTHETIC_DIR / f"{stem}.gold.json"
        if path.exists():
            out.append((stem, path, json.loads(path.read_text(encoding="utf-8"))))
        else:
            print(f"note: {path} missing, skipped", file=sys.stderr)
    return out


def _without_nulls(table: Any) -> Any:
    """A gold table without its null cells (printed blank by the renderer: not in the document)."""
    if not table:
        return table
    out = {}
    for row, cols in table.items():
        if isinstance(cols, list):
            out[row] = cols if all(v is not None for v in cols) else {
                c: v for c, v in zip(("upheld", "corrected", "other", "pending", "total"), cols) if v is not None
            }
        else:
            out[row] = {c: v for c, v in cols.items() if v is not None}
    return out


def derived_gold(
    gold: dict,
    gold_path: Path,
    out: Path,
    how: str,
    *,
    classic: bool,
    facts: dict | None = None,
    unscored: set[tuple[str, str, str]] = frozenset(),  # type: ignore[assignment]
) -> dict:
    """The gold of a generated file: the tables (nulls dropped), the metadata the document shows.

    `classic`: the document is a CLASSIC rendering (title 某某局…, boilerplate prose): agency
    某某局 and no facts; otherwise the gold agency and `facts` (those the prose states)."""
    d: dict[str, Any] = {
        "source": {
            "repo": None,
            "path": str(gold_path.relative_to(DATA.parent.parent)),
            "commit": None,
            "via": f"tests/data/layouts/make.py: {how}",
        }
    }
    for key in GOLD_KEYS:
        if key in gold:
            d[key] = copy.deepcopy(gold[key])
    for key in ("table2", "table3", "table4"):
        if d.get(key):
            d[key] = _without_nulls(d[key])
    d["format"] = FORMAT_OF[out.suffix]
    if classic:
        d["agency"] = "某某局"
        d["facts"] = {}
    else:
        d["facts"] = facts if facts is not None else copy.deepcopy(gold.get("facts") or {})
    if unscored:
        d["unscored"] = sorted(f"{TABLE_KEY[t]}.{r}.{c}" for t, r, c in unscored)
    notes = f"Generated by tests/data/layouts/make.py from {d['source']['path']}: {how}."
    if unscored:
        notes += (
            f" {len(unscored)} cells are listed in 'unscored': blank cells vanished from this text and no"
            " placement that fits the table's arithmetic fixes them (gongkai._render.unscored_when_blanks_vanish)."
        )
    if gold.get("notes") and gold_path.parent != REAL_PDF:
        notes += " Source gold notes: " + gold["notes"]
    d["notes"] = notes
    return d


def prose_facts(gold: dict) -> dict:
    """The facts `_render._prose` states (the renderings with agency and paragraphs)."""
    facts = gold.get("facts") or {}
    return {k: facts[k] for k in ("proactive_total", "requests_received", "fees_yuan") if facts.get(k) is not None}


def write(path: Path, data: bytes, gold: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_name(path.name[: -len(path.suffix)] + ".gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def clean(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


# ---------------------------------------------------------------------------
# Tools


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def soffice(inputs: list[Path], target: str, outdir: Path, tmp: Path, html: bool = True) -> None:
    """LibreOffice, its own profile (other sessions may run soffice), HTML read as Writer text."""
    infilter = ["--infilter=HTML (StarWriter)"] if html else []
    run([
        "soffice", f"-env:UserInstallation=file://{tmp / 'lo-profile'}", "--headless",
        *infilter, "--convert-to", target, "--outdir", str(outdir), *map(str, inputs),
    ], timeout=600)


def wkhtmltopdf_pdf(html_path: Path, pdf: Path, tmp: Path) -> None:
    """`html_path` printed to `pdf` by wkhtmltopdf, object streams added (size). The CJK font
    has no bold face: Qt draws a bold heading twice, the second pass a hair to the left inside
    `/Span << /ActualText () >> BDC … EMC` (no text of its own)."""
    printed = tmp / f"{pdf.stem}.wkhtmltopdf.pdf"
    run(["wkhtmltopdf", "-q", "--encoding", "utf-8", str(html_path), str(printed)])
    run(["qpdf", "--object-streams=generate", "--compression-level=9", str(printed), str(pdf)])


def wkhtmltopdf_noto_pdf(html_path: Path, pdf: Path, tmp: Path) -> None:
    """`html_path` in Noto Sans CJK SC printed by wkhtmltopdf (as `wkhtmltopdf_pdf`). Qt builds the
    font's `ToUnicode` from its `cmap`, where a radical and its ideograph share a glyph: the text
    reads `⾏政规范性⽂件`, `⺠` (Kangxi radicals, the CJK Radicals Supplement), as copied from many
    published PDFs."""
    styled = tmp / f"{pdf.stem}.noto.html"
    page = html_path.read_text(encoding="utf-8")
    style = '<style>body,table,td,p,span{font-family:"Noto Sans CJK SC" !important}</style>'
    styled.write_text(page.replace("<head>", f"<head>{style}", 1), encoding="utf-8")
    wkhtmltopdf_pdf(styled, pdf, tmp)


def weasyprint_pdf(html_path: Path, pdf: Path, tmp: Path) -> None:
    """`html_path` printed to `pdf` by WeasyPrint. Without presentational hints it ignores
    `border="1"`: the tables are drawn without rules, each cell's text a few points from the next."""
    del tmp
    run([sys.executable, "-m", "weasyprint", str(html_path), str(pdf)])


def chromium_pdf(html_path: Path, pdf: Path, tmp: Path) -> None:
    run([
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp / 'chromium'}",
        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html_path.as_uri(),
    ], timeout=120)


#: Tools that take a page: name → (suffix, tool, how it was called), for `page_through_tools`.
HTML_TOOLS: dict[str, tuple[str, Callable[[bytes], bytes], str]] = {
    "pandoc-gfm": (".md", lambda h: pandoc(h, "html", "gfm"), f"{TOOLS['pandoc']} -f html -t gfm"),
    "html2text": (".md", lambda h: html2text_md(h), f"{TOOLS['html2text']} HTML2Text(body_width=0).handle"),
    "w3m": (".txt", lambda h: w3m_text(h), f"{TOOLS['w3m']} -dump -cols 200"),
    "elinks": (".txt", lambda h: elinks_text(h), f"{TOOLS['elinks']} -dump -dump-width 200"),
    "lynx": (".txt", lambda h: lynx_text(h), f"{TOOLS['lynx']} -dump -nolist"),
    "markitdown": (".md", lambda h: markitdown_html_md(h), f"{TOOLS['markitdown']} convert_stream (.html)"),
}


def page_through_tools(
    html: bytes, stem: str, out_dir: Path, tmp: Path, gold: dict, gold_path: Path, what: str, page_tools: dict
) -> tuple[Path, Path]:
    """`html` (a gold file's page, changed as `what` says) through each of `page_tools` (name →
    (suffix, tool, how)) and as LibreOffice's and Chromium's PDFs, each written beside its gold in
    `out_dir` (`stem.<tool><suffix>`, `stem.libreoffice.pdf`, `stem.chromium.pdf`); the two PDFs."""
    for tool, (ext, fn, how) in page_tools.items():
        out = out_dir / f"{stem}.{tool}{ext}"
        write(out, fn(html), derived_gold(gold, gold_path, out, f"{what} → {how}", classic=True))
    src = tmp / f"{stem}.html"
    src.write_bytes(html)
    soffice([src], "pdf:writer_web_pdf_Export", tmp, tmp)
    lo = out_dir / f"{stem}.libreoffice.pdf"
    shutil.copy(tmp / f"{stem}.pdf", lo)
    write(lo, lo.read_bytes(), derived_gold(gold, gold_path, lo, f"{what} → LibreOffice PDF", classic=True))
    ch = out_dir / f"{stem}.chromium.pdf"
    chromium_pdf(src, ch, tmp)
    write(ch, ch.read_bytes(), derived_gold(gold, gold_path, ch, f"{what} → Chromium PDF", classic=True))
    return lo, ch


def pdftotext(pdf: Path, layout: bool, raw: bool = False, page_breaks: bool = True) -> bytes:
    """`pdftotext` with `-layout`, plain (reading order), or `-raw` (the content stream's order);
    without `page_breaks`, `-nopgbrk` (no form feed between pages)."""
    mode = ["-layout"] if layout else ["-raw"] if raw else []
    breaks = [] if page_breaks else ["-nopgbrk"]
    return run(["pdftotext", "-enc", "UTF-8", *mode, *breaks, str(pdf), "-"]).stdout


def pdftohtml(pdf: Path) -> bytes:
    """`pdftohtml -s -i -noframes`: one HTML page, each text run a paragraph placed absolutely."""
    return run(["pdftohtml", "-s", "-i", "-noframes", "-stdout", str(pdf)]).stdout


def check_chinese(pdf: Path) -> None:
    text = pdftotext(pdf, layout=False).decode("utf-8")
    if "收到和处理政府信息公开申请情况" not in text.replace(" ", ""):
        raise SystemExit(f"{pdf}: pdftotext finds no Chinese table heading (fonts?)")


def pymupdf4llm_md(pdf: Path) -> bytes:
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(pdf)).encode("utf-8")


def markitdown_md(pdf: Path) -> bytes:
    from markitdown import MarkItDown

    return MarkItDown().convert(str(pdf)).text_content.encode("utf-8")


# ---------------------------------------------------------------------------
# Word made directly (python-docx, the official merged cells) and PDF made with ReportLab


def pypdf_text(pdf: Path, layout: bool = False) -> bytes:
    """Each page's `extract_text()` (`layout`: `extraction_mode="layout"`), joined by a line break."""
    from pypdf import PdfReader

    mode = "layout" if layout else "plain"
    return "\n".join(page.extract_text(extraction_mode=mode) for page in PdfReader(pdf).pages).encode("utf-8")


def pdfplumber_text(pdf: Path, layout: bool = False) -> bytes:
    """Each page's `extract_text(layout=…)`, joined by a line break."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text(layout=layout) or "" for page in doc.pages).encode("utf-8")


def _outside_tables(page):  # noqa: ANN001, ANN202 (a pdfplumber page)
    """A pdfplumber page's tables (`find_tables`) and the page without them: the characters
    whose middle stands outside every table's box."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    return tables, page.filter(outside)


def pdfplumber_tables_md(pdf: Path) -> bytes:
    """A common PDF-to-Markdown recipe: on each page, pdfplumber's tables (`find_tables`, each
    `extract()` made a `pandas.DataFrame` and printed `to_markdown(index=False)`: `nan` where a
    merged cell spans, an empty cell empty, a cell's wrapped lines rows of their own) and the
    text outside them (`extract_text_lines`), in the order they stand on the page."""
    import pandas as pd
    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables, rest = _outside_tables(page)
            parts = [(line["top"], line["text"]) for line in rest.extract_text_lines()]
            parts += [(t.bbox[1], "\n" + pd.DataFrame(t.extract()).to_markdown(index=False) + "\n") for t in tables]
            out.extend(text for _, text in sorted(parts, key=lambda p: p[0]))
    return "\n".join(out).encode("utf-8")


def pdfplumber_tsv(pdf: Path) -> bytes:
    """Another everyday recipe: on each page, the text outside pdfplumber's tables
    (`page.filter(...).extract_text()`), then each table (`find_tables`, `extract()`) a row a
    line, its cells joined by TABs (`"\\t".join(cell or "")`): a cell's wrapped lines keep
    their line breaks, so a row runs over several lines, and a table that crosses a page comes
    after the next page's text."""
    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables, rest = _outside_tables(page)
            out.append(rest.extract_text() or "")
            for t in tables:
                out.append("\n".join("\t".join(cell or "" for cell in row) for row in t.extract()))
    return "\n".join(out).encode("utf-8")


def camelot_csv(pdf: Path, flavor: str) -> bytes:
    """camelot's tables of a PDF as scripts save them: `read_pdf(pages="all", flavor=...)`, each
    table's DataFrame `to_csv(index=False, header=False)`, a blank line between tables (a
    cell's wrapped lines kept inside its quotes). A page camelot fails on (its stream parser
    raises on some) gives nothing, as the script would skip it."""
    import warnings

    import camelot
    import pypdfium2

    n = len(pypdfium2.PdfDocument(str(pdf)))
    out: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in range(1, n + 1):
            try:
                tables = camelot.read_pdf(str(pdf), pages=str(page), flavor=flavor)
            except Exception:  # noqa: BLE001 - the tool's own failure on a page
                continue
            out.extend(t.df.to_csv(index=False, header=False) for t in tables)
    return "\n".join(out).encode("utf-8")


def pdfbox_text(pdf: Path, sort: bool) -> bytes:
    """Apache PDFBox's `PDFTextStripper` (the PDF text of Apache Tika, which leaves
    `setSortByPosition` false; `sort` sets it, as many Java callers do): `PdfboxText.java` beside
    this script, compiled against the PDFBox inside tabula-py's jar."""
    import tabula

    jar = next(Path(tabula.__file__).parent.glob("tabula-*-jar-with-dependencies.jar"))
    classes = Path(tempfile.gettempdir()) / "gongkai-pdfbox-text"
    if not (classes / "PdfboxText.class").exists():
        classes.mkdir(parents=True, exist_ok=True)
        run(["javac", "-cp", str(jar), "-d", str(classes), str(HERE / "PdfboxText.java")])
    args = ["java", "-cp", f"{jar}{os.pathsep}{classes}", "PdfboxText", *(["--sort"] if sort else []), str(pdf)]
    return run(args).stdout
def tabula_csv(pdf: Path, lattice: bool = False) -> bytes:
    """tabula's tables of a PDF as its one-call recipe saves them: `convert_into(pdf, out,
    output_format="csv", pages="all")` with `stream=True` (tables told by the words' gaps) or
    `lattice=True` (by the ruling lines); every table's rows one after another, no text
    outside them."""
    import tabula

    with tempfile.TemporaryDirectory(prefix="gongkai-tabula-") as tmp:
        out = Path(tmp) / "out.csv"
        tabula.convert_into(
            str(pdf), str(out), output_format="csv", pages="all", lattice=lattice, stream=not lattice, silent=True
        )
        return out.read_bytes() if out.exists() else b""


def pdfplumber_text_and_tsv(pdf: Path) -> bytes:
    """The commonest such recipe: each page's whole text (`extract_text()`, the tables' words
    among it), then the page's tables again (`extract_tables()`), a row a line with its cells
    joined by TABs, a cell's wrapped lines keeping their line breaks."""
    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            out.append(page.extract_text() or "")
            for table in page.extract_tables():
                out.append("\n".join("\t".join(cell or "" for cell in row) for row in table))
    return "\n".join(out).encode("utf-8")


def pymupdf_text(pdf: Path, how: str = "text") -> bytes:
    """Each page's `get_text()`, concatenated; `how`: `sort` (`get_text(sort=True)`) or `blocks`
    (`get_text("blocks")`, a block's text a line)."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        if how == "blocks":
            return "\n".join(block[4] for page in doc for block in page.get_text("blocks")).encode("utf-8")
        return "".join(page.get_text(sort=how == "sort") for page in doc).encode("utf-8")


def bs4_text(html: bytes, sep: str) -> bytes:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text(sep).encode("utf-8")


def bs4_text_space(html: bytes) -> bytes:
    """The scrapers' one-liner `get_text(" ", strip=True)`: every text run of the page, stripped,
    a space between, the whole page one line."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True).encode("utf-8")


def pandas_text(html: bytes, how: str) -> bytes:
    """A page as a data pipeline writes it out: each table read by `pandas.read_html` (a merged
    cell's text repeated in every cell it spans, integer column names) and printed by
    `DataFrame.to_csv`, `.to_string` or `.to_markdown` (without the index; an empty cell prints
    `NaN` / `nan`), the rest of the page BeautifulSoup's
    `get_text("\\n")`."""
    import io

    import pandas as pd
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for table in soup.find_all("table"):
        frame = pd.read_html(io.StringIO(str(table)))[0]
        if how == "csv":
            printed = frame.to_csv(index=False)
        elif how == "markdown":
            printed = frame.to_markdown(index=False)
        else:
            printed = frame.to_string(index=False)
        table.replace_with(soup.new_string("\n" + printed + "\n"))
    return soup.get_text("\n").encode("utf-8")


def html2text_md(html: bytes) -> bytes:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    return h.handle(html.decode("utf-8")).encode("utf-8")


def html2text_tables_md(html: bytes) -> bytes:
    """html2text told to leave tables alone: each table stays raw HTML in the Markdown, its tags
    a line each and its cells' spans dropped."""
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    h.bypass_tables = True
    return h.handle(html.decode("utf-8")).encode("utf-8")


def mineru_shape_md(html: bytes) -> bytes:
    """The shape of MinerU 2's Markdown (its model's weights come from outside the package
    registries, so the tool cannot run here): a title line `# …` for each section heading, a
    paragraph a line, and each table one line of HTML inside `<html><body>`, its cells' text
    only, `rowspan`/`colspan` kept."""
    import re

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.decode("utf-8"), "html.parser")
    out = []
    for el in soup.find_all(["p", "h1", "h2", "h3", "h4", "div", "table"]):
        if el.find_parent("table") is not None:
            continue
        if el.name == "table":
            rows = []
            for tr in el.find_all("tr"):
                cells = []
                for td in tr.find_all(["td", "th"]):
                    spans = "".join(f' {k}="{td[k]}"' for k in ("rowspan", "colspan") if td.get(k, "1") != "1")
                    text = " ".join(td.get_text("").split())
                    cells.append(f"<td{spans}>{text}</td>")
                rows.append("<tr>" + "".join(cells) + "</tr>")
            out.append("<html><body><table>" + "".join(rows) + "</table></body></html>")
        elif el.name != "div" or el.find(["p", "table", "div", "h1", "h2", "h3", "h4"]) is None:
            text = el.get_text("", strip=True)
            if text:
                heading = re.match(r"^[一二三四五六七八九十]+、", text) is not None and len(text) < 40
                out.append(("# " if heading else "") + text)
    return ("\n\n".join(out) + "\n").encode("utf-8")


def trafilatura_md(html: bytes) -> bytes:
    import trafilatura

    return (trafilatura.extract(html.decode("utf-8"), include_tables=True, output_format="markdown") or "").encode("utf-8")


def pandoc(data: bytes, src: str, dst: str) -> bytes:
    return run(["pandoc", "-f", src, "-t", dst], input=data).stdout


class ChromiumArchiver:
    """Chromium saving pages as web archives (`.mhtml`: what "Save page as… single file" writes),
    through the DevTools protocol's `Page.captureSnapshot` (headless Chromium has no switch for it)."""

    def __init__(self, tmp: Path) -> None:
        import time
        import urllib.request

        self.tmp = tmp
        profile = tmp / "chromium-mhtml"
        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "--remote-allow-origins=*", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        port_file = profile / "DevToolsActivePort"
        for _ in range(200):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])
        self.urlopen = urllib.request.urlopen
        self.n = 0

    def __call__(self, html: bytes) -> bytes:
        import urllib.request

        import websocket  # websocket-client

        self.n += 1
        page = self.tmp / f"archive-{self.n}.html"
        page.write_bytes(html)
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        target = json.loads(self.urlopen(req).read())
        ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
        try:
            ws.send(json.dumps({"id": 1, "method": "Page.enable"}))
            ws.send(json.dumps({"id": 2, "method": "Page.navigate", "params": {"url": page.as_uri()}}))
            while json.loads(ws.recv()).get("method") not in ("Page.loadEventFired", "Page.frameStoppedLoading"):
                pass
            ws.send(json.dumps({"id": 3, "method": "Page.captureSnapshot", "params": {"format": "mhtml"}}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == 3:
                    data = msg["result"]["data"]
                    break
        finally:
            ws.close()
            self.urlopen(f"http://127.0.0.1:{self.port}/json/close/{target['id']}").read()
        return data.encode("utf-8")

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()


def word_mht(html: bytes) -> bytes:
    """The page as Word's "single file web page" (`.mht`, and the `.doc` attachments that are
    one) lays it out: a MIME multipart/related message (Python's `email` package), its page the
    first part, GB2312 (GB18030) bytes quoted-printable, then the page's own file list part."""
    import email.encoders
    import re
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart
    from email.policy import SMTP

    text = re.sub(r'<meta charset="?utf-8"?>', '<meta http-equiv=Content-Type content="text/html; charset=gb2312">',
                  html.decode("utf-8"), flags=re.I)  # fmt: skip
    msg = MIMEMultipart("related", boundary="----=_NextPart_01DA1B2C.3D4E5F60")
    msg.preamble = (
        "This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing"
        " this message, your browser or editor doesn't support Web Archive files."
    )
    part = MIMENonMultipart("text", "html", charset="gb2312")
    part.set_payload(text.encode("gb18030"))
    email.encoders.encode_quopri(part)
    part["Content-Location"] = "file:///C:/D1B2C3D4/report.htm"
    msg.attach(part)
    files = MIMENonMultipart("text", "xml", charset="utf-8")
    files.set_payload('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n <o:MainFile HRef="../report.htm"/>\n</xml>')
    files["Content-Location"] = "file:///C:/D1B2C3D4/report.files/filelist.xml"
    msg.attach(files)
    return msg.as_bytes(policy=SMTP)


def inscriptis_text(html: bytes) -> bytes:
    from inscriptis import get_text

    return get_text(html.decode("utf-8")).encode("utf-8")


def w3m_text(html: bytes) -> bytes:
    return run(["w3m", "-dump", "-T", "text/html", "-I", "utf-8", "-O", "utf-8", "-cols", "200"], input=html).stdout


def lynx_text(html: bytes) -> bytes:
    cmd = ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"]
    return run(cmd, input=html).stdout


def _dump_file(cmd: list[str], html: bytes) -> bytes:
    """A browser's dump of `html` written to a temporary file (the path last on `cmd`)."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(html)
        return run([*cmd, str(page)]).stdout


def elinks_text(html: bytes) -> bytes:
    return _dump_file(["elinks", "-dump", "-dump-width", "200", "-dump-charset", "utf-8", "-no-references"], html)


def links_text(html: bytes) -> bytes:
    return _dump_file(["links2", "-dump", "-width", "200", "-codepage", "utf-8"], html)


def links_text_80(html: bytes) -> bytes:
    """Links at its default width (80): the tables squeezed, a header's cells cut against the
    rows' so that their borders do not line up."""
    return _dump_file(["links2", "-dump", "-codepage", "utf-8"], html)


def pdfminer_text(pdf: Path) -> bytes:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf)).encode("utf-8")


def pypdfium2_text(pdf: Path) -> bytes:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))).encode("utf-8")
    finally:
        doc.close()


def libreoffice_html_text(html: bytes) -> bytes:
    """LibreOffice's "Save as Text" of a web page opened as Writer text: each table cell a line,
    a blank cell a line of a no-break space."""
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-html-text-") as t:
        tmp = Path(t)
        page = tmp / "page.html"
        page.write_bytes(html)
        soffice([page], "txt:Text (encoded):UTF8", tmp / "out", tmp)
        return (tmp / "out" / "page.txt").read_bytes()


def libreoffice_text(docx_path: Path) -> bytes:
    """LibreOffice's "Save as Text" of a Word file (`--convert-to "txt:Text (encoded):UTF8"`):
    each table cell a line."""
    with tempfile.TemporaryDirectory(prefix="gongkai-lo-text-") as t:
        tmp = Path(t)
        soffice([docx_path], "txt:Text (encoded):UTF8", tmp, tmp, html=False)
        return (tmp / (docx_path.stem + ".txt")).read_bytes()


def antiword_text(doc_path: Path) -> bytes:
    """`antiword -w 0` of a Word 97 file: tables as rows of `|`-separated cells, a wrapped cell's
    text continuing on the row's next lines."""
    return run(["antiword", "-w", "0", str(doc_path)]).stdout


def catdoc_text(doc_path: Path) -> bytes:
    """`catdoc -w -d utf-8` of a Word 97 file: a table row a line, its cells a tab apart."""
    return run(["catdoc", "-w", "-d", "utf-8", str(doc_path)]).stdout


def python_docx_text(docx_path: Path, how: str) -> bytes:
    """What scripts print of a DOCX with python-docx: each paragraph's `text` and each table row
    as its cells' `cell.text` (a merged cell's text in every grid cell it spans), TAB-joined or as
    a Markdown pipe row. `how`: `order` walks the body in order; `after` prints
    `document.paragraphs`, then `document.tables`; `pipe` walks in order, tables as pipe rows."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = docx.Document(str(docx_path))

    def table_lines(t: Table) -> list[str]:
        rows = [[c.text for c in r.cells] for r in t.rows]
        if how != "pipe":
            return ["\t".join(r) for r in rows]
        lines = []
        for i, r in enumerate(rows):
            lines.append("| " + " | ".join(c.replace("\n", " ") for c in r) + " |")
            if i == 0:
                lines.append("|" + "---|" * len(r))
        return lines

    out: list[str] = []
    if how == "after":
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            out.extend(table_lines(t))
    else:
        for el in d.element.body.iterchildren():
            if el.tag.endswith("}p"):
                out.append(Paragraph(el, d).text)
            elif el.tag.endswith("}tbl"):
                out.extend(table_lines(Table(el, d)))
    return ("\n".join(out) + "\n").encode("utf-8")


def docx2txt_text(docx_path: Path) -> bytes:
    import docx2txt

    return docx2txt.process(str(docx_path)).encode("utf-8")


def markitdown_docx_md(docx_path: Path) -> bytes:
    from markitdown import MarkItDown

    return MarkItDown().convert(str(docx_path)).text_content.encode("utf-8")


def markitdown_html_md(html: bytes) -> bytes:
    from markitdown import MarkItDown, StreamInfo

    info = StreamInfo(extension=".html", charset="utf-8")
    return MarkItDown().convert_stream(io.BytesIO(html), stream_info=info).text_content.encode("utf-8")


def mammoth_md(docx_path: Path) -> bytes:
    import mammoth

    with docx_path.open("rb") as f:
        return mammoth.convert_to_markdown(f).value.encode("utf-8")


def _grid(rows: list) -> list[tuple[int, int, str, int, int]]:
    """(row, col, text, rowspan, colspan) of each cell of span rows (gongkai._render.Row)."""
    covered: set[tuple[int, int]] = set()
    out = []
    width = max(sum(c for _t, _r, c in row) for row in rows)
    for r, row in enumerate(rows):
        cells = iter(row)
        col = 0
        while col < width:
            if (r, col) in covered:
                col += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text, rs, cs = cell
            covered.update((r + dr, col + dc) for dr in range(rs) for dc in range(cs))
            out.append((r, col, text, rs, cs))
            col += cs
    return out


def _page_field(paragraph: Any, before: str, after: str) -> None:
    """`before`, Word's PAGE field (the page's number), `after`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run(before)
    run_ = paragraph.add_run()
    for kind in ("begin", "instr", "end"):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run_._r.append(el)
    paragraph.add_run(after)


def python_docx(gold: dict, zeros_blank: bool = True, paged: int | None = None) -> bytes:
    """A Word file written directly: the agency title, Word heading styles, the prose, and the
    tables with the official merged cells (`gridSpan`, `vMerge`); `zeros_blank`: table 3's zeros
    printed blank (else every cell prints its number, as the WPS-made real reports do).
    `paged`: a page number in the footer, `— 3 —` (0), `第 3 页` (1) or a bare `3` (2), and (0) a
    running header, as printed reports carry them."""
    import docx
    from docx.shared import Cm, Pt

    g = _render._layout_gold(gold, lambda table: zeros_blank and table == "requests")
    doc = docx.Document()
    doc.add_heading(_render._title(g), level=0)
    prose = _render._prose(g)
    tables = _render._tables(g)
    for heading, key in _render._HEADINGS:
        doc.add_heading(heading, level=1)
        if key in prose:
            for para in prose[key]:
                doc.add_paragraph(para)
            continue
        rows = tables[key]
        if not rows:
            continue
        width = max(sum(c for _t, _r, c in row) for row in rows)
        table = doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        if not zeros_blank and key == "requests":
            # The official template's widths (narrow group labels, a wide row label), as the
            # real reports print them; python-docx's default is equal columns.
            table.autofit = False
            cms = [1.0, 1.4, 4.6] + [1.25] * (width - 3)
            for grid_col, cm in zip(table._tbl.tblGrid.gridCol_lst, cms):
                grid_col.w = Cm(cm)
            for c, cm in enumerate(cms):
                for cell in table.columns[c].cells:
                    cell.width = Cm(cm)
        for r, col, text, rs, cs in _grid(rows):
            cell = table.cell(r, col)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, col + cs - 1))
            cell.text = text
            for p in cell.paragraphs:
                for run_ in p.runs:
                    run_.font.size = Pt(9)
    if paged is not None:
        section = doc.sections[0]
        footer = section.footer.paragraphs[0]
        footer.alignment = 1
        _page_field(footer, *(("— ", " —"), ("第 ", " 页"), ("", ""))[paged])
        if paged == 0:
            section.header.paragraphs[0].text = "政府信息公开工作年度报告"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def reportlab_pdf(gold: dict, ruled: bool) -> bytes:
    """ReportLab with the non-embedded STSong-Light (UniGB-UCS2-H) CID font: no font file, no
    ToUnicode. `ruled` False draws the tables with no line at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK", firstLineIndent=21)
    head = ParagraphStyle("head", parent=body, fontSize=12, leading=20, firstLineIndent=0)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK", alignment=1)
    g = _render._layout_gold(gold, (lambda table: table != "proactive") if ruled else (lambda table: False))
    prose = _render._prose(g)
    tables = _render._tables(g)
    widths = {
        "proactive": [120, 130, 130, 130],
        "requests": [46, 62, 112] + [40] * 7,
        "review_litigation": [34] * 15,
    }
    story: list[Any] = [Paragraph(_render._title(g), title), Spacer(1, 8)]
    for heading, key in _render._HEADINGS:
        story.append(Paragraph(heading, head))
        if key in prose:
            story += [Paragraph(p, body) for p in prose[key]]
            continue
        rows = tables[key]
        if not rows:
            continue
        cols = widths[key]  # table 2 is 4 grid columns in both formats (display.T2_BLOCKS)
        grid = _render._pad(rows)
        data = [[Paragraph(text, cell) if text else "" for text, _rs, _cs in row] for row in grid]
        style = [("FONT", (0, 0), (-1, -1), font, 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r, col, _text, rs, cs in _grid(rows):
            if rs > 1 or cs > 1:
                style.append(("SPAN", (col, r), (col + cs - 1, r + rs - 1)))
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)))
        story.append(Table(data, colWidths=cols, style=TableStyle(style), repeatRows=0))
        story.append(Spacer(1, 8))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=42, rightMargin=42, title=_render._title(g), invariant=1).build(story)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# The folders


def make_pdfs(srcs: list, tmp: Path) -> None:
    """pdf-libreoffice (html-word → LibreOffice), pdf-chromium (html-spans → Chromium), docx and doc
    (html-word → LibreOffice), docx made by python-docx, pdf-reportlab."""
    html_dir = tmp / "html"
    html_dir.mkdir()
    for stem, _path, gold in srcs:
        (html_dir / f"{stem}.html").write_bytes(_render.render(gold, "html-word"))
    for folder, target, how in (
        ("pdf-libreoffice", "pdf:writer_pdf_Export", f"html-word rendering → {TOOLS['libreoffice']} --convert-to pdf"),
        ("docx", "docx:MS Word 2007 XML", f"html-word rendering → {TOOLS['libreoffice']} --convert-to docx"),
        ("doc", "doc:MS Word 97", f"html-word rendering → {TOOLS['libreoffice']} --convert-to doc"),
    ):
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        clean(out_dir)
        conv = tmp / folder
        soffice(sorted(html_dir.glob("*.html")), target, conv, tmp)
        for stem, path, gold in srcs:
            ext = "." + target.split(":")[0]
            made = conv / f"{stem}{ext}"
            if ext == ".pdf":
                check_chinese(made)
            write(out_dir / f"{stem}{ext}", made.read_bytes(), derived_gold(gold, path, out_dir / f"{stem}{ext}", how, classic=True))
        if folder == "docx":
            for stem, path, gold in srcs[::4]:
                out = out_dir / f"{stem}.python-docx.docx"
                how = f"tables with the official merged cells (gridSpan/vMerge), agency title and prose → {TOOLS['python-docx']}"
                write(out, python_docx(gold), derived_gold(gold, path, out, how, classic=False, facts=prose_facts(gold)))
    if wanted("pdf-docx-paged"):
        # As pdf-docx, with a page number in the footer (`— 3 —` with a running header, `第 3 页`,
        # or a bare `3`, in turn): PDF text tools print them where the page broke, inside table 3.
        out_dir = HERE / "pdf-docx-paged"
        clean(out_dir)
        docx_dir = tmp / "pdf-docx-paged-src"
        docx_dir.mkdir()
        for i, (stem, path, gold) in enumerate(srcs):
            (docx_dir / f"{stem}.docx").write_bytes(python_docx(gold, zeros_blank=False, paged=i % 3))
        conv = tmp / "pdf-docx-paged"
        soffice(sorted(docx_dir.glob("*.docx")), "pdf:writer_pdf_Export", conv, tmp, html=False)
        for i, (stem, path, gold) in enumerate(srcs):
            pdf = out_dir / f"{stem}.pdf"
            made = conv / f"{stem}.pdf"
            check_chinese(made)
            how = (
                f"as pdf-docx, with the footer {('— N —', '第 N 页', 'N')[i % 3]}"
                f"{' and a running header' if i % 3 == 0 else ''} → {TOOLS['python-docx']} → "
                f"{TOOLS['libreoffice']} --convert-to pdf"
            )
            write(pdf, made.read_bytes(), derived_gold(gold, path, pdf, how, classic=False, facts=prose_facts(gold)))
    if wanted("pdf-docx"):
        # Word tables with the official merged cells and every zero printed, as the WPS-made real
        # reports are, exported to PDF: the group labels over several rows make PDF text tools
        # print those rows as blocks, a column at a time.
        out_dir = HERE / "pdf-docx"
        clean(out_dir)
        docx_dir = tmp / "pdf-docx-src"
        docx_dir.mkdir()
        for stem, path, gold in srcs:
            data = python_docx(gold, zeros_blank=False)
            (docx_dir / f"{stem}.docx").write_bytes(data)
            # The Word file itself too, for the DOCX readers and the DOCX text tools.
            out = HERE / "docx" / f"{stem}.merged.docx"
            how = (
                f"tables with the official merged cells (gridSpan/vMerge), the template's widths, zeros printed, "
                f"agency title and prose → {TOOLS['python-docx']}"
            )
            write(out, data, derived_gold(gold, path, out, how, classic=False, facts=prose_facts(gold)))
        conv = tmp / "pdf-docx"
        soffice(sorted(docx_dir.glob("*.docx")), "pdf:writer_pdf_Export", conv, tmp, html=False)
        for stem, path, gold in srcs:
            pdf = out_dir / f"{stem}.pdf"
            made = conv / f"{stem}.pdf"
            check_chinese(made)
            how = (
                f"tables with the official merged cells (gridSpan/vMerge), zeros printed, agency title and prose → "
                f"{TOOLS['python-docx']} → {TOOLS['libreoffice']} --convert-to pdf"
            )
            write(pdf, made.read_bytes(), derived_gold(gold, path, pdf, how, classic=False, facts=prose_facts(gold)))
    if wanted("pdf-chromium"):
        out_dir = HERE / "pdf-chromium"
        clean(out_dir)
        for i, (stem, path, gold) in enumerate(srcs):
            page = _render.render(gold, "html-spans").decode("utf-8")
            if i % 5:
                # A CMS stylesheet naming a TrueType CJK font; every fifth page keeps Chromium's
                # default (Noto CJK, an OpenType/CFF font Skia writes as Type 3 glyphs).
                page = page.replace("<head>", '<head><style>body{font-family:"WenQuanYi Zen Hei",sans-serif;font-size:14px}</style>', 1)
            src = tmp / f"{stem}.spans.html"
            src.write_text(page, encoding="utf-8")
            pdf = out_dir / f"{stem}.pdf"
            printed = tmp / f"{stem}.chromium.pdf"
            chromium_pdf(src, printed, tmp)
            # Skia writes its dictionaries uncompressed: object streams halve the file (same content).
            run(["qpdf", "--object-streams=generate", "--compression-level=9", str(printed), str(pdf)])
            check_chinese(pdf)
            how = (
                f"html-spans rendering → {TOOLS['chromium']} --headless --print-to-pdf → "
                "qpdf --object-streams=generate (size)"
            )
            write(pdf, pdf.read_bytes(), derived_gold(gold, path, pdf, how, classic=True))
    for folder, printer, how in (
        ("pdf-wkhtmltopdf", wkhtmltopdf_pdf, f"{TOOLS['wkhtmltopdf']} → qpdf --object-streams=generate (size)"),
        (
            "pdf-wkhtmltopdf-noto",
            wkhtmltopdf_noto_pdf,
            f"Noto Sans CJK SC → {TOOLS['wkhtmltopdf']} (radicals for ideographs in its ToUnicode) → qpdf",
        ),
        ("pdf-weasyprint", weasyprint_pdf, f"{TOOLS['weasyprint']} (no presentational hints: tables without rules)"),
    ):
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        clean(out_dir)
        for stem, path, gold in srcs:
            src = tmp / f"{stem}.spans.html"
            src.write_bytes(_render.render(gold, "html-spans"))
            pdf = out_dir / f"{stem}.pdf"
            printer(src, pdf, tmp)
            check_chinese(pdf)
            write(pdf, pdf.read_bytes(), derived_gold(gold, path, pdf, f"html-spans rendering → {how}", classic=True))
    if wanted("pdf-reportlab"):
        out_dir = HERE / "pdf-reportlab"
        clean(out_dir)
        picks = srcs[1::4][:3]
        for k, (stem, path, gold) in enumerate(picks):
            ruled = k != len(picks) - 1
            name = f"{stem}.pdf" if ruled else f"{stem}.unruled.pdf"
            how = (
                f"agency title, prose and tables ({'ruled' if ruled else 'NO ruling lines'}) in the non-embedded "
                f"STSong-Light / UniGB-UCS2-H CID font → {TOOLS['reportlab']}"
            )
            write(out_dir / name, reportlab_pdf(gold, ruled), derived_gold(gold, path, out_dir / name, how, classic=False, facts=prose_facts(gold)))


def pdf_inputs() -> list[tuple[str, Path, Path, dict, bool, set]]:
    """(output stem, pdf, gold path, gold, classic, cells that vanish in plain text) of every PDF
    the text folders are made from."""
    out = []
    for folder, tag in (
        ("pdf-libreoffice", "libreoffice"),
        ("pdf-chromium", "chromium"),
        ("pdf-reportlab", "reportlab"),
        ("pdf-docx", "docx"),
        ("pdf-docx-paged", "paged"),
    ):
        if PDF_ONLY and folder not in PDF_ONLY:
            continue
        for pdf in sorted((HERE / folder).glob("*.pdf")):
            stem = pdf.name[: -len(".pdf")]
            gold_path = pdf.with_name(stem + ".gold.json")
            derived = json.loads(gold_path.read_text(encoding="utf-8"))
            source = DATA.parent.parent / derived["source"]["path"]
            gold = json.loads(source.read_text(encoding="utf-8"))
            # What the PDF prints blank: html-word and the ruled ReportLab tables leave tables 3-4
            # zeros blank; html-spans and the unruled ReportLab tables print 0.
            if tag == "libreoffice" or (tag == "reportlab" and not stem.endswith(".unruled")):
                vanish = _render.unscored_when_blanks_vanish(gold)
            else:
                vanish = _render.unscored_when_blanks_vanish(gold, blank_tables=())
            out.append((f"{stem}.{tag}", pdf, source, gold, tag not in ("reportlab", "docx", "paged"), vanish))
    for pdf in sorted(REAL_PDF.glob("*.pdf")) if not PDF_ONLY else ():
        stem = pdf.name[: -len(".pdf")]
        gold_path = pdf.with_name(stem + ".gold.json")
        out.append((stem, pdf, gold_path, json.loads(gold_path.read_text(encoding="utf-8")), False, set()))
    return out


#: Text folders whose tool prints the PDFs' tables only.
TABLES_ONLY = ("txt-camelot-lattice", "txt-tabula-stream")


def make_text(tmp: Path) -> None:
    del tmp
    inputs = pdf_inputs()
    makers: list[tuple[str, str, Callable[[Path], bytes], bool, str]] = [
        ("pdftotext-layout", ".txt", lambda p: pdftotext(p, layout=True), False, f"{TOOLS['pdftotext']} -layout"),
        ("pdftotext-raw", ".txt", lambda p: pdftotext(p, layout=False), True, f"{TOOLS['pdftotext']} (no -layout)"),
        ("md-pymupdf4llm", ".md", pymupdf4llm_md, True, f"{TOOLS['pymupdf4llm']} to_markdown"),
        ("md-markitdown", ".md", markitdown_md, True, f"{TOOLS['markitdown']} MarkItDown().convert"),
        ("txt-pypdf", ".txt", pypdf_text, True, f"{TOOLS['pypdf']} PdfReader(...).pages[i].extract_text()"),
        ("txt-pdfplumber", ".txt", pdfplumber_text, True, f"{TOOLS['pdfplumber']} page.extract_text()"),
        ("txt-pymupdf", ".txt", pymupdf_text, False, f"{TOOLS['pymupdf']} page.get_text()"),
        ("txt-pdfminer", ".txt", pdfminer_text, True, f"{TOOLS['pdfminer']} high_level.extract_text"),
        ("txt-pypdfium2", ".txt", pypdfium2_text, True, f"{TOOLS['pypdfium2']} get_textpage().get_text_range()"),
        ("pdftotext-layout-nopgbrk", ".txt", lambda p: pdftotext(p, layout=True, page_breaks=False), False,
         f"{TOOLS['pdftotext']} -layout -nopgbrk"),
        ("html-pdftohtml", ".html", pdftohtml, True, f"{TOOLS['pdftohtml']} -s -i -noframes"),
        ("pdftotext-rawmode", ".txt", lambda p: pdftotext(p, layout=False, raw=True), True, f"{TOOLS['pdftotext']} -raw"),
        ("txt-pdfplumber-layout", ".txt", lambda p: pdfplumber_text(p, layout=True), False,
         f"{TOOLS['pdfplumber']} page.extract_text(layout=True)"),
        ("txt-pypdf-layout", ".txt", lambda p: pypdf_text(p, layout=True), False,
         f"{TOOLS['pypdf']} page.extract_text(extraction_mode='layout')"),
        ("txt-pymupdf-sort", ".txt", lambda p: pymupdf_text(p, "sort"), False, f"{TOOLS['pymupdf-new']} page.get_text(sort=True)"),
        ("txt-pymupdf-blocks", ".txt", lambda p: pymupdf_text(p, "blocks"), True,
         f"{TOOLS['pymupdf-new']} page.get_text('blocks'), a block a line"),
        ("md-pdfplumber-tables", ".md", pdfplumber_tables_md, False,
         f"{TOOLS['pdfplumber']} find_tables → pandas DataFrame.to_markdown ({TOOLS['tabulate']}), extract_text_lines outside"),
        ("txt-pdfplumber-tsv", ".txt", pdfplumber_tsv, False,
         f"{TOOLS['pdfplumber']} extract_text outside the tables, then each table's rows TAB-joined"),
        ("txt-pdfplumber-text-tsv", ".txt", pdfplumber_text_and_tsv, False,
         f"{TOOLS['pdfplumber']} extract_text, then extract_tables' rows TAB-joined"),
        ("txt-camelot-lattice", ".txt", lambda p: camelot_csv(p, "lattice"), False,
         f"{TOOLS['camelot']} read_pdf(flavor='lattice'), each table's DataFrame to_csv"),
        ("txt-pdfbox", ".txt", lambda p: pdfbox_text(p, sort=False), True,
         f"{TOOLS['pdfbox']} PDFTextStripper (Apache Tika's PDF text)"),
        ("txt-pdfbox-sort", ".txt", lambda p: pdfbox_text(p, sort=True), True,
         f"{TOOLS['pdfbox']} PDFTextStripper with setSortByPosition(true)"),
        ("txt-tabula-stream", ".txt", tabula_csv, False,
         f"{TOOLS['tabula']} convert_into(output_format='csv', pages='all', stream=True)"),
    ]
    for folder, ext, fn, drops_blanks, tool in makers:
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        if not PDF_ONLY:
            clean(out_dir)
        for stem, pdf, gold_path, gold, classic, vanish in inputs:
            out = out_dir / f"{stem}{ext}"
            pdf_name = pdf.relative_to(DATA)
            how = f"{pdf_name} → {tool}"
            if gold_path.parent == REAL_PDF:
                derived = derived_gold(gold, gold_path, out, how, classic=False)
            else:
                facts = None if classic else prose_facts(gold)
                derived = derived_gold(gold, gold_path, out, how, classic=classic, facts=facts,
                                       unscored=vanish if drops_blanks else set())
            data = fn(pdf)
            if not data.strip():
                continue  # the tool found nothing (camelot's lattice flavor on a PDF without rules)
            if folder in TABLES_ONLY:
                # The tables alone: no title to tell the year or the agency, no prose's facts.
                derived["facts"] = {}
                derived.pop("year", None)
                derived.pop("agency", None)
            write(out, data, derived)


def _made_from(path: Path) -> tuple[str, Path, dict]:
    """A generated Word file's stem, the gold file it was made from and that gold."""
    stem = path.name[: -len(path.suffix)]
    made = json.loads(path.with_name(stem + ".gold.json").read_text(encoding="utf-8"))
    source = DATA.parent.parent / made["source"]["path"]
    return stem, source, json.loads(source.read_text(encoding="utf-8"))


def make_tool_text(srcs: list) -> None:
    """Text and Markdown that other everyday tools make of the gold pages as HTML (`html-spans`,
    zeros as 0; `html-word`, Word's markup with zeros blank and numbers split over runs) and of
    the DOCX files (the PDFs' are `make_text`'s)."""
    html_makers: list[tuple[str, str, Callable[[bytes], bytes], str]] = [
        ("txt-bs4", ".txt", lambda h: bs4_text(h, ""), f"{TOOLS['bs4']} BeautifulSoup(page).get_text()"),
        ("txt-bs4-lines", ".txt", lambda h: bs4_text(h, "\n"), f"{TOOLS['bs4']} BeautifulSoup(page).get_text('\\n')"),
        ("txt-bs4-space", ".txt", bs4_text_space, f"{TOOLS['bs4']} BeautifulSoup(page).get_text(' ', strip=True)"),
        ("txt-pandoc", ".txt", lambda h: pandoc(h, "html", "plain"), f"{TOOLS['pandoc']} -f html -t plain"),
        ("md-pandoc-html", ".md", lambda h: pandoc(h, "html", "gfm"), f"{TOOLS['pandoc']} -f html -t gfm"),
        ("md-html2text", ".md", html2text_md, f"{TOOLS['html2text']} HTML2Text(body_width=0).handle"),
        ("md-html2text-tables", ".md", html2text_tables_md, f"{TOOLS['html2text']} HTML2Text(body_width=0, bypass_tables=True).handle"),
        ("md-mineru-shape", ".md", mineru_shape_md, f"{TOOLS['bs4']}: MinerU 2's Markdown shape (tables as one line of HTML in <html><body>, spans kept)"),
        ("md-trafilatura", ".md", trafilatura_md, f"{TOOLS['trafilatura']} extract(include_tables, markdown)"),
        ("txt-inscriptis", ".txt", inscriptis_text, f"{TOOLS['inscriptis']} get_text"),
        ("txt-w3m", ".txt", w3m_text, f"{TOOLS['w3m']} -dump -cols 200"),
        ("txt-lynx", ".txt", lynx_text, f"{TOOLS['lynx']} -dump -nolist"),
        ("txt-elinks", ".txt", elinks_text, f"{TOOLS['elinks']} -dump -dump-width 200"),
        ("txt-links", ".txt", links_text, f"{TOOLS['links']} -dump -width 200"),
        ("txt-links-80", ".txt", links_text_80, f"{TOOLS['links']} -dump (default width, 80)"),
        ("md-markitdown-html", ".md", markitdown_html_md, f"{TOOLS['markitdown']} convert_stream (.html)"),
        ("txt-pandas-csv", ".txt", lambda h: pandas_text(h, "csv"), f"{TOOLS['pandas']} read_html, to_csv(index=False)"),
        ("txt-pandas-string", ".txt", lambda h: pandas_text(h, "string"), f"{TOOLS['pandas']} read_html, to_string(index=False)"),
        ("md-pandas", ".md", lambda h: pandas_text(h, "markdown"), f"{TOOLS['pandas']} read_html, to_markdown(index=False) ({TOOLS['tabulate']})"),
        ("txt-libreoffice-html", ".txt", libreoffice_html_text, f"{TOOLS['libreoffice']} --infilter=\"HTML (StarWriter)\" --convert-to \"txt:Text (encoded):UTF8\""),
    ]
    archiver = ChromiumArchiver(Path(tempfile.mkdtemp(prefix="gongkai-mhtml-"))) if wanted("mhtml-chromium") else None
    if archiver is not None:
        html_makers.append(("mhtml-chromium", ".mhtml", archiver, f"{TOOLS['chromium']} Page.captureSnapshot(format=mhtml)"))
    html_makers.append(("mht-word", ".mht", word_mht, "Python email (MIMEMultipart related, quoted-printable GB2312): Word's single file web page layout"))
    for folder, ext, fn, tool in html_makers:
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        clean(out_dir)
        for stem, path, gold in srcs:
            for rendering, zeros_blank in (("html-spans", False), ("html-word", True)):
                out = out_dir / f"{stem}.{rendering}{ext}"
                vanish = _render.unscored_when_blanks_vanish(gold) if zeros_blank else set()
                how = f"the {rendering} rendering → {tool}"
                write(out, fn(_render.render(gold, rendering)), derived_gold(gold, path, out, how, classic=True, unscored=vanish))
    if archiver is not None:
        archiver.close()
    docx_makers: list[tuple[str, str, Callable[[Path], bytes], str]] = [
        ("md-mammoth", ".md", mammoth_md, f"{TOOLS['mammoth']} convert_to_markdown"),
        ("md-pandoc-docx", ".md", lambda p: pandoc(p.read_bytes(), "docx", "gfm"), f"{TOOLS['pandoc']} -f docx -t gfm"),
        ("txt-docx2txt", ".txt", docx2txt_text, f"{TOOLS['docx2txt']} process"),
        ("txt-python-docx", ".txt", lambda p: python_docx_text(p, "order"), f"{TOOLS['python-docx']}: the body in order, paragraphs' text and table rows' cell.text TAB-joined"),
        ("txt-python-docx-after", ".txt", lambda p: python_docx_text(p, "after"), f"{TOOLS['python-docx']}: document.paragraphs, then document.tables' rows TAB-joined"),
        ("md-python-docx", ".md", lambda p: python_docx_text(p, "pipe"), f"{TOOLS['python-docx']}: the body in order, table rows' cell.text as Markdown pipe rows"),
        ("md-markitdown-docx", ".md", markitdown_docx_md, f"{TOOLS['markitdown']} convert (.docx, mammoth inside)"),
        ("txt-pandoc-docx", ".txt", lambda p: pandoc(p.read_bytes(), "docx", "plain"), f"{TOOLS['pandoc']} -f docx -t plain"),
        ("txt-libreoffice-docx", ".txt", libreoffice_text, f"{TOOLS['libreoffice']} --convert-to \"txt:Text (encoded):UTF8\""),
    ]
    for folder, ext, fn, tool in docx_makers:
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        clean(out_dir)
        for docx_path in sorted((HERE / "docx").glob("*.docx")):
            stem, source, gold = _made_from(docx_path)
            out = out_dir / f"{stem}{ext}"
            merged = stem.endswith(".merged")
            classic = not (stem.endswith(".python-docx") or merged)
            # The LibreOffice DOCX files print tables 3-4 zeros blank (html-word), python-docx's
            # table 3's (the `.merged` ones none); mammoth writes a cell a paragraph, the blank
            # ones vanish.
            tables = ("requests", "review_litigation") if classic else () if merged else ("requests",)
            vanish = _render.unscored_when_blanks_vanish(gold, blank_tables=tables) if folder == "md-mammoth" else set()
            how = f"docx/{docx_path.name} → {tool}"
            facts = None if classic else prose_facts(gold)
            write(out, fn(docx_path), derived_gold(gold, source, out, how, classic=classic, facts=facts, unscored=vanish))

    doc_makers: list[tuple[str, Callable[[Path], bytes], str]] = [
        ("txt-antiword", antiword_text, f"{TOOLS['antiword']} -w 0"),
        ("txt-catdoc", catdoc_text, f"{TOOLS['catdoc']} -w -d utf-8"),
    ]
    for folder, fn, tool in doc_makers:
        if not wanted(folder):
            continue
        out_dir = HERE / folder
        clean(out_dir)
        for doc_path in sorted((HERE / "doc").glob("*.doc")):
            stem, source, gold = _made_from(doc_path)
            out = out_dir / f"{stem}.txt"
            how = f"doc/{doc_path.name} → {tool}"
            write(out, fn(doc_path), derived_gold(gold, source, out, how, classic=True))


ONLY: set[str] = set()
#: With `--pdfs`: the text folders get (only) the text of these PDF folders' files, the rest kept.
PDF_ONLY: set[str] = set()


def wanted(folder: str) -> bool:
    return not ONLY or folder in ONLY


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", default=[], help="make only this folder (repeatable)")
    parser.add_argument(
        "--pdfs", action="append", default=[], help="text folders: add the text of this PDF folder only (repeatable)"
    )
    args = parser.parse_args()
    ONLY.update(args.only)
    PDF_ONLY.update(args.pdfs)
    srcs = sources()
    with tempfile.TemporaryDirectory(prefix="gongkai-layouts-") as t:
        tmp = Path(t)
        make_pdfs(srcs, tmp)
        make_text(tmp)
        make_tool_text(srcs)
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
        files = [p for p in folder.iterdir() if not p.name.endswith(".gold.json")]
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{folder.name:<18} {len(files):>3} files  {size / 1024:>7.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
