"""Renders the reports of ../ as paged PDFs and reads them back with pdftotext.

    python make.py        # needs python-docx, LibreOffice (soffice) and poppler's pdftotext

Each ``NAME.txt`` of the folder above becomes a Word file (python-docx: a paragraph a line, 16 pt
Noto Serif CJK SC, a running header ``政府信息公开工作年度报告`` and a page-number footer
``— N —``), converted to PDF by LibreOffice and read back by ``pdftotext`` (``NAME.raw.txt``) and
``pdftotext -layout`` (``NAME.layout.txt``): sentences cut by page breaks, the page's header and
number between their lines. The gold of each is its report's (``NAME.*.gold.json``, a copy).
The PDFs of ``KEEP_PDF`` (two pages each, a sentence cut by the page break under the second
page's header) are kept as ``NAME.pdf`` for gongkai's own PDF reader.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).parent
REPORTS = HERE.parent
KEEP_PDF = ("p04", "q12")


def page_field(paragraph) -> None:  # noqa: ANN001 (a python-docx paragraph)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        else:
            e = OxmlElement("w:instrText")
            e.set(qn("xml:space"), "preserve")
            e.text = text
        run._r.append(e)


def wordlike(text: str) -> bool:
    """Whether a report is text a Word file holds: not a web page's text flattened onto one line,
    nor a copy of a paged PDF already (a page-number line such as `- 1 -` among its lines)."""
    return text.count("\n") >= 3 and not re.search(r"(?m)^\s*-\s*\d+\s*-\s*$", text)


def word(text: str, path: Path) -> None:
    d = Document()
    style = d.styles["Normal"]
    style.font.size = Pt(16)
    style.font.name = "Noto Serif CJK SC"
    section = d.sections[0]
    section.header.paragraphs[0].text = "政府信息公开工作年度报告"
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    page_field(footer)
    footer.add_run(" —")
    for line in text.split("\n"):
        if line.strip():
            d.add_paragraph(line)
    d.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        # (Annual reports only: the running header names one.)
        reports = sorted(
            p
            for p in REPORTS.glob("*.txt")
            if wordlike(p.read_text(encoding="utf-8"))
            and json.loads(p.with_suffix(".gold.json").read_text(encoding="utf-8"))["kind"] == "annual_report"
        )
        for p in reports:
            word(p.read_text(encoding="utf-8"), t / f"{p.stem}.docx")
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(t), *map(str, t.glob("*.docx"))],
            check=True,
            capture_output=True,
        )
        for p in reports:
            pdf = t / f"{p.stem}.pdf"
            gold = json.loads(p.with_suffix(".gold.json").read_text(encoding="utf-8"))
            if p.stem in KEEP_PDF:
                shutil.copy(pdf, HERE / pdf.name)
                g = dict(gold, source=pdf.name, format="pdf")
                (HERE / f"{p.stem}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            for how, args in (("raw", []), ("layout", ["-layout"])):
                out = HERE / f"{p.stem}.{how}.txt"
                subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), str(out)], check=True)
                g = dict(gold, source=out.name)
                (HERE / f"{p.stem}.{how}.gold.json").write_text(
                    json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )
        shutil.rmtree(t, ignore_errors=True)


if __name__ == "__main__":
    main()
