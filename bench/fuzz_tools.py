"""Random reports through LibreOffice PDFs and the PDF text tools: the wrong-number hunt for text
that standard tools make of PDFs (tests/data/layouts holds such files for 15 gold documents only).

    python bench/fuzz_tools.py [--count 8] [--seed 777] [--tools pdftotext-raw,md-markitdown]

Each random report (tests/data/synthetic/make.py's generator) is written as Word HTML with zeros
blank (``html-word``, converted by LibreOffice) and as a python-docx Word file with every zero
printed (converted by LibreOffice), both to PDF; every PDF goes through the text tools of
tests/data/layouts/make.py; each text is parsed and scored against the report's gold, less the
cells no reader can place once blank cells vanish (``gongkai._render.unscored_when_blanks_vanish``).
Prints, per tool, cells right / scored and wrong, then the wrong cells; ``pdf`` and ``docx`` are
gongkai's own readers of the PDF and of the Word file the docx PDF was made from. Needs what
make.py needs (tests/data/layouts/requirements-make.txt, LibreOffice and poppler-utils); not a
test: the tools are not dependencies of gongkai.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from gongkai import _render, parse
from gongkai.eval import score_cells, scored_gold

ROOT = Path(__file__).resolve().parent.parent


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source(pdf: Path, kind: str) -> Path:
    """The Word file (`docx`) or page (`html`) a PDF of the run was made from."""
    return pdf.parent.parent / kind / f"{pdf.stem}.{kind}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--count", type=int, default=8)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--tools", default="", help="comma-separated tool folders (default: all)")
    ap.add_argument("--only", default="", help="comma-separated report numbers (default: all)")
    ap.add_argument("--keep", type=Path, help="copy the PDFs, texts and gold files here")
    args = ap.parse_args()
    synthetic = _load(ROOT / "tests" / "data" / "synthetic" / "make.py", "synthetic_make")
    layouts = _load(ROOT / "tests" / "data" / "layouts" / "make.py", "layouts_make")
    synthetic.SEED = args.seed
    tools = {
        "pdftotext-raw": (lambda p: layouts.pdftotext(p, layout=False), True),
        "pdftotext-layout": (lambda p: layouts.pdftotext(p, layout=True), False),
        "pdftotext-rawmode": (lambda p: layouts.pdftotext(p, layout=False, raw=True), True),
        "md-markitdown": (layouts.markitdown_md, True),
        "txt-pdfminer": (layouts.pdfminer_text, True),
        "txt-pdfplumber": (layouts.pdfplumber_text, True),
        "txt-pypdf": (layouts.pypdf_text, True),
        "txt-pypdfium2": (layouts.pypdfium2_text, True),
        "txt-pypdf-layout": (lambda p: layouts.pypdf_text(p, layout=True), False),
        "txt-pdfplumber-layout": (lambda p: layouts.pdfplumber_text(p, layout=True), False),
        "txt-pymupdf": (layouts.pymupdf_text, False),
        "txt-pymupdf-sort": (lambda p: layouts.pymupdf_text(p, how="sort"), False),
        "txt-pymupdf-blocks": (lambda p: layouts.pymupdf_text(p, how="blocks"), True),
        "md-pymupdf4llm": (layouts.pymupdf4llm_md, True),
        "md-pdfplumber-tables": (layouts.pdfplumber_tables_md, False),
        "txt-pdfplumber-tsv": (layouts.pdfplumber_tsv, False),
        "txt-pdfplumber-text-tsv": (layouts.pdfplumber_text_and_tsv, False),
        "html-pdftohtml": (layouts.pdftohtml, True),
        "txt-camelot-lattice": (lambda p: layouts.camelot_csv(p, "lattice"), False),
        "txt-pdfbox": (lambda p: layouts.pdfbox_text(p, sort=False), True),
        "txt-pdfbox-sort": (lambda p: layouts.pdfbox_text(p, sort=True), True),
        "txt-tabula-stream": (layouts.tabula_csv, False),
        # Tools of the Word file the docx PDF was made from, and of the page the LibreOffice PDF
        # was made from.
        "txt-python-docx": (lambda p: layouts.python_docx_text(_source(p, "docx"), "order"), False),
        "md-python-docx": (lambda p: layouts.python_docx_text(_source(p, "docx"), "pipe"), False),
        "md-mineru-shape": (lambda p: layouts.mineru_shape_md(_source(p, "html").read_bytes()), False),
        # gongkai's own readers: the PDF itself, and the Word file the docx PDF was made from.
        "pdf": (lambda p: p.read_bytes(), False),
        "docx": (lambda p: _source(p, "docx").read_bytes(), False),
    }
    if args.tools:
        tools = {k: v for k, v in tools.items() if k in args.tools.split(",")}
    numbers = [int(n) for n in args.only.split(",")] if args.only else range(args.start, args.start + args.count)
    golds = {f"r{i}": synthetic.report(i)[0] for i in numbers}
    golds = {k: g for k, g in golds.items() if _render.renderable(g)}
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    wrong: dict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "html").mkdir()
        (tmp / "docx").mkdir()
        for stem, gold in golds.items():
            (tmp / "html" / f"{stem}.html").write_bytes(_render.render(gold, "html-word"))
            (tmp / "docx" / f"{stem}.docx").write_bytes(layouts.python_docx(gold, zeros_blank=False))
        layouts.soffice(sorted((tmp / "html").glob("*.html")), "pdf:writer_pdf_Export", tmp / "pdf-lo", tmp)
        layouts.soffice(sorted((tmp / "docx").glob("*.docx")), "pdf:writer_pdf_Export", tmp / "pdf-docx", tmp, html=False)
        kinds = [("libreoffice", "pdf-lo", ("requests", "review_litigation")), ("docx", "pdf-docx", ())]
        # HTML-to-PDF printers a CMS uses, read by gongkai itself: wkhtmltopdf (bold drawn twice)
        # and WeasyPrint (no presentational hints: tables without rules), where installed.
        printers = (
            ("wkhtmltopdf", layouts.wkhtmltopdf_pdf, shutil.which("wkhtmltopdf")),
            ("weasyprint", layouts.weasyprint_pdf, importlib.util.find_spec("weasyprint")),
        )
        for kind, printer, installed in printers:
            if "pdf" in tools and installed:
                (tmp / kind).mkdir()
                for stem, gold in golds.items():
                    spans = tmp / "html" / f"{stem}.spans.html"
                    spans.write_bytes(_render.render(gold, "html-spans"))
                    printer(spans, tmp / kind / f"{stem}.pdf", tmp)
                kinds.append((kind, kind, ()))
        for stem, gold in golds.items():
            for kind, folder, blank_tables in kinds:
                pdf = tmp / folder / f"{stem}.pdf"
                vanish = _render.unscored_when_blanks_vanish(gold, blank_tables=blank_tables)
                for tool, (make, drops_blanks) in tools.items():
                    printed = kind in ("wkhtmltopdf", "weasyprint")
                    of_docx = tool in ("docx", "txt-python-docx", "md-python-docx")
                    if (of_docx and kind != "docx") or (tool == "md-mineru-shape" and kind != "libreoffice"):
                        continue
                    if printed and tool != "pdf":
                        continue
                    unscored = sorted(f"{layouts.TABLE_KEY[t]}.{r}.{c}" for t, r, c in vanish) if drops_blanks else []
                    want = scored_gold({**gold, "unscored": unscored})
                    ext = {"pdf": ".pdf", "docx": ".docx"}.get(tool) or (
                        ".html" if tool.startswith("html") else ".md" if tool.startswith("md") else ".txt"
                    )
                    # The printers' PDFs are counted apart from LibreOffice's.
                    tool = f"pdf-{kind}" if printed else tool
                    out = tmp / "out" / f"{stem}.{kind}.{tool}{ext}"
                    try:
                        out.parent.mkdir(exist_ok=True)
                        out.write_bytes(make(pdf))
                        report = parse(out)
                    except Exception as e:  # a crash is a finding, listed with the rest
                        wrong[tool].append(f"{stem}.{kind}: raised {type(e).__name__}: {str(e)[:80]}")
                        continue
                    s = score_cells(report, want, f"{stem}.{kind}")
                    right[tool] += s.right
                    total[tool] += s.total
                    wrong[tool] += [m for m in s.misses if m.startswith("WRONG")]
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        shutil.copy(out, args.keep / out.name)
                        shutil.copy(pdf, args.keep / f"{stem}.{kind}.pdf")
                        (args.keep / f"{stem}.gold.json").write_text(json.dumps(want, ensure_ascii=False, indent=1))
    print(f"seed {args.seed}, {len(golds)} reports, {len(kinds)} PDFs each")
    names = [*tools, *(f"pdf-{k}" for k, _, _ in kinds[2:])]
    for tool in names:
        pct = 100.0 * right[tool] / total[tool] if total[tool] else 100.0
        print(f"{tool:20s} cells {right[tool]:6d}/{total[tool]:6d} ({pct:5.1f}%)  wrong {len(wrong[tool])}")
    for tool in names:
        for w in wrong[tool][:10]:
            print(f"  {tool}: {w}")


if __name__ == "__main__":
    main()
