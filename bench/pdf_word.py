"""PDF and DOCX throughput: gongkai against a Python route, in the same run (issue 12).

    pip install pdfplumber python-docx            # the Python route's libraries (not gongkai's)
    maturin develop --release                     # or pip install .
    python bench/pdf_word.py [FOLDER ...] [--repeat 5]

Default folders: tests/data/real-pdf and tests/data/pdf-word. For every .pdf/.docx/.doc with a
``.gold.json`` beside it, times (best of ``--repeat``, one thread, CPU time):

* gongkai: ``gongkai.parse(bytes)`` (the reader, the layout and every reading);
* the Python route: pdfplumber's words and ruled tables per page (python-docx's paragraphs and
  tables for DOCX), laid out as text (a table row per line, cells tab-separated), then the
  same job, ``gongkai.parse(text)``.

and scores table 3 (the 175 cells of the 2021 form, 2019 alike) of each side against gold.
The Rust core alone, without Python: ``cargo run --release --example pdf_word -- FOLDER``.
"""

from __future__ import annotations

import argparse
import io
import json
import time
from pathlib import Path

import logging

import gongkai

ROOT = Path(__file__).resolve().parents[1]
logging.getLogger("pdfminer").setLevel(logging.ERROR)
FOLDERS = [ROOT / "tests/data/real-pdf", ROOT / "tests/data/pdf-word"]


def best(repeat: int, f) -> tuple[float, object]:
    out, times = None, []
    for _ in range(repeat):
        t = time.process_time()
        out = f()
        times.append(time.process_time() - t)
    return min(times) * 1e3, out


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            words = [
                w for w in page.extract_words() if not any(b[0] <= w["x0"] <= b[2] and b[1] <= w["top"] <= b[3] for b in boxes)
            ]
            items = [(w["top"], w["x0"], w["text"]) for w in words]
            for t in tables:
                rows = t.extract()
                items.append((t.bbox[1], 0, "\n".join("\t".join((c or "").replace("\n", "") for c in r) for r in rows)))
            items.sort()
            cur_top, cur = None, []
            for top, _x, text in items:
                if cur_top is not None and abs(top - cur_top) > 3:
                    lines.append(" ".join(cur))
                    cur = []
                cur_top = top
                cur.append(text)
            if cur:
                lines.append(" ".join(cur))
    return "\n".join(lines)


def python_docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(data))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        out.extend("\t".join(c.text for c in row.cells) for row in t.rows)
    return "\n".join(out)


def t3_right(report, gold: dict) -> tuple[int, int]:
    t = report.tables["requests"]
    right = total = 0
    for row, cols in (gold.get("table3") or {}).items():
        for col, v in cols.items():
            total += 1
            c = (t or {}).get("cells", {}).get(row, {}).get(col) if t else None
            got = None if c is None else (0 if c["state"] in ("blank", "na") else c["value"])
            right += got == (v or 0)
    return right, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=FOLDERS)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(
        p
        for f in args.folders
        for p in f.iterdir()
        if p.suffix in (".pdf", ".docx", ".doc") and p.with_name(p.stem + ".gold.json").exists()
    )
    print(f"{'file':<46} {'KB':>6} {'pages':>5} {'gongkai ms':>10} {'t3':>8} {'python ms':>10} {'t3':>8}")
    sums: dict[str, list[float]] = {}
    for p in files:
        data = p.read_bytes()
        gold = json.loads(p.with_name(p.stem + ".gold.json").read_text(encoding="utf-8"))
        ms, report = best(args.repeat, lambda: gongkai.parse(data))
        r1, tot = t3_right(report, gold)
        py_ms, py_report = None, None
        if p.suffix == ".pdf":
            py_ms, py_report = best(max(1, args.repeat // 2), lambda: gongkai.parse(pdfplumber_text(data), format="text"))
        elif p.suffix == ".docx":
            py_ms, py_report = best(max(1, args.repeat // 2), lambda: gongkai.parse(python_docx_text(data), format="text"))
        r2 = t3_right(py_report, gold)[0] if py_report is not None else None
        pages = report.source.get("pages") or 1
        print(
            f"{p.name:<46} {len(data) / 1024:>6.0f} {pages:>5} {ms:>10.2f} {r1:>3}/{tot:<4} "
            + (f"{py_ms:>10.1f} {r2:>3}/{tot:<4}" if py_ms is not None else f"{'-':>10} {'-':>8}")
        )
        s = sums.setdefault(p.suffix, [0, 0, 0, 0, 0, 0])
        s[0] += ms
        s[1] += py_ms or 0
        s[2] += pages
        s[3] += r1
        s[4] += r2 or 0
        s[5] += tot
    for fmt, (ms, py, pages, r1, r2, tot) in sums.items():
        line = f"{fmt}: gongkai {ms / pages:.2f} ms/page, table 3 {r1}/{tot}"
        if py:
            line += f"; Python route {py / pages:.1f} ms/page ({py / ms:.0f}x), table 3 {r2}/{tot}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
