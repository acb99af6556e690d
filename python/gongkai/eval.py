"""Score gongkai against hand-checked gold files: ``python -m gongkai.eval DIR [DIR ...]``.

Every document ``<slug>.<ext>`` with a ``<slug>.gold.json`` beside it is parsed
and compared: table cells (gold blanks are 0, so a blank or ``na`` reading counts
as 0; a gold ``null`` is right only when the parser left the cell null too),
the fields ``year``, ``agency``, ``kind``, ``template``, ``format`` and the
canonical facts. Prints cells right/total per table and per input format, field
accuracy, and with ``--verbose`` every mismatch.

``python -m gongkai.eval --renderings DIR [DIR ...]`` scores the reader on the gold
tables themselves rendered the ways real pages print them (``gongkai._render``:
official-span HTML, padded HTML, Word export, GB18030 with and without a declared
charset, Big5 with Traditional characters, one cell per line, pipe rows, PDF text).
Every rendering is generated from the GOLD values of each ``*.gold.json`` with a 2019
or 2021 template, parsed with `gongkai.parse`, and every gold table cell is scored as
above (blanks and ``na`` count as 0, as gold 0 does). A gold ``null`` cannot be printed
as a number: it is rendered blank and skipped in scoring. Prints cells right/total per
rendering and overall, with ``--verbose`` every miss.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _render
from ._api import parse
from .report import Report

TABLES = {"table2": "proactive", "table3": "requests", "table4": "review_litigation"}
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
FIELDS = ("year", "agency", "kind", "template", "format")
FACT_KEYS = (
    "proactive_total", "proactive_cumulative", "requests_received", "requests_granted", "requests_denied",
    "fees_yuan", "reviews", "lawsuits", "complaints", "consultations", "training_sessions",
    "training_attendees", "press_conferences", "site_visits",
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    def __str__(self) -> str:
        pct = 100.0 * self.right / self.total if self.total else 100.0
        return f"{self.right}/{self.total} ({pct:.1f}%)"


def _gold_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        m = _NUMBER.search(value.replace(",", ""))
        if not m:
            return None
        number = float(m.group())
        return number * 10000 if "万" in value else number
    return float(value)


def _cell_value(cell: dict | None) -> float | None:
    """The number a reading stands for: blank and na count as 0 (as in gold)."""
    if cell is None:
        return None
    if cell["state"] in ("blank", "na"):
        return 0.0
    value = cell["value"]
    return None if value is None else float(value)


def gold_cells(gold: dict) -> dict[str, dict[tuple[str, str], Any]]:
    """Gold tables flattened to {table: {(row, col): value}}."""
    out: dict[str, dict[tuple[str, str], Any]] = {}
    for gkey, table in TABLES.items():
        g = gold.get(gkey)
        if not g:
            continue
        flat: dict[tuple[str, str], Any] = {}
        for row, cols in g.items():
            if isinstance(cols, list):
                cols = dict(zip(T4_COLUMNS, cols))
            for col, value in cols.items():
                flat[(row, col)] = value
        out[table] = flat
    return out


def score_tables(report: Report, gold: dict, scores: dict[str, Score], label: str) -> None:
    for table, flat in gold_cells(gold).items():
        reading: Any = report.tables.get(table)
        cells = reading["cells"] if reading else {}
        for (row, col), expected in flat.items():
            cell = cells.get(row, {}).get(col)
            got = _cell_value(cell)
            want = _gold_number(expected)
            ok = got is None if expected is None else (got is not None and want is not None and abs(got - want) < 1e-6)
            what = f"{label}: {table}.{row}.{col} expected {expected!r}, got {cell['raw'] if cell else None!r}"
            for key in (table, "all"):
                scores[key].add(ok, what)


def score_fields(report: Report, gold: dict, scores: dict[str, Score], label: str) -> None:
    got = {
        "year": report.year,
        "agency": report.agency,
        "kind": report.kind,
        "template": report.template,
        "format": report.source["format"],
    }
    for name in FIELDS:
        if name not in gold:
            continue
        expected = gold[name]
        if name == "template" and expected == "none":
            expected = None
        scores[name].add(got[name] == expected, f"{label}: {name} expected {expected!r}, got {got[name]!r}")
    if "parts" in gold and gold["parts"] is not None:
        scores["parts"].add(len(report.parts) == gold["parts"], f"{label}: parts expected {gold['parts']}, got {len(report.parts)}")


def score_facts(report: Report, gold: dict, scores: dict[str, Score], label: str) -> None:
    first: dict[str, Any] = {}
    for fact in report.facts:
        if fact["key"] and fact["key"] not in first:
            first[fact["key"]] = fact["value"]
    for key, expected in (gold.get("facts") or {}).items():
        if key not in FACT_KEYS:
            continue
        got = first.get(key)
        ok = got is not None and abs(float(got) - float(expected)) < 1e-6
        scores["facts"].add(ok, f"{label}: fact {key} expected {expected!r}, got {got!r}")


#: What to say when the gold files are not there: they live in the repository, not the package.
NEEDS_A_CLONE = (
    "the gold files (*.gold.json beside each document) are in the gongkai repository, not in the "
    "installed package: run this from a clone (tests/data/real, tests/data/seeds)"
)


def _folders_problem(folders: list[Path]) -> str | None:
    for folder in folders:
        if not folder.is_dir():
            return f"no such folder: {str(folder)!r}; {NEEDS_A_CLONE}"
        if not documents(folder):
            return f"no document with a *.gold.json beside it in {str(folder)!r}; {NEEDS_A_CLONE}"
    return None


def documents(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(".gold.json") and p.with_name(p.stem + ".gold.json").exists()
    )


def evaluate(folders: list[Path]) -> dict[str, Any]:
    """Score every document with a gold file; returns the scores and per-format cell scores."""
    scores: dict[str, Score] = defaultdict(Score)
    by_format: dict[str, Score] = defaultdict(Score)
    docs = 0
    for folder in folders:
        for path in documents(folder):
            gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
            report = parse(path)
            docs += 1
            label = path.name
            cell_scores: dict[str, Score] = defaultdict(Score)
            score_tables(report, gold, cell_scores, label)
            for key, s in cell_scores.items():
                scores[key].right += s.right
                scores[key].total += s.total
                scores[key].misses.extend(s.misses if key == "all" else [])
            fmt = gold.get("format") or report.source["format"]
            by_format[fmt].right += cell_scores["all"].right
            by_format[fmt].total += cell_scores["all"].total
            score_fields(report, gold, scores, label)
            score_facts(report, gold, scores, label)
    return {"documents": docs, "scores": dict(scores), "by_format": dict(by_format)}


def _renderable_gold(gold: dict) -> dict:
    """The gold tables without their ``null`` cells (rendered blank, not scored); table 4 as dicts."""
    out = dict(gold)
    for gkey in TABLES:
        table = gold.get(gkey)
        if not table:
            continue
        kept = {}
        for row, cols in table.items():
            if isinstance(cols, list):
                cols = dict(zip(T4_COLUMNS, cols))
            kept[row] = {col: v for col, v in cols.items() if v is not None}
        out[gkey] = kept
    return out


def gold_files(folders: list[Path]) -> list[Path]:
    """Every ``*.gold.json`` in `folders`, sorted per folder."""
    return [p for folder in folders for p in sorted(folder.glob("*.gold.json"))]


def evaluate_renderings(
    folders: list[Path], names: list[str] | None = None, dump: Path | None = None
) -> dict[str, Any]:
    """Score every rendering of every gold file with tables.

    Returns ``{"documents": n, "renderings": {name: Score}, "tables": {name: {table: Score}},
    "skipped_null": n}``; a miss reads ``rendering doc: table.row.col expected …, got …``.
    With `dump`, each rendering is written to ``dump/<slug>.<rendering>.<html|txt>``.
    """
    names = list(_render.RENDERINGS) if names is None else names
    by_rendering: dict[str, Score] = {name: Score() for name in names}
    by_table: dict[str, dict[str, Score]] = {name: defaultdict(Score) for name in names}
    docs = 0
    skipped = 0
    for gold_path in gold_files(folders):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not _render.renderable(gold):
            continue
        docs += 1
        scored = _renderable_gold(gold)
        skipped += sum(len(v) for v in gold_cells(gold).values()) - sum(len(v) for v in gold_cells(scored).values())
        slug = gold_path.name[: -len(".gold.json")]
        for name in names:
            data = _render.render(gold, name)
            if dump is not None:
                dump.mkdir(parents=True, exist_ok=True)
                (dump / f"{slug}.{name}.{'html' if name.startswith('html') else 'txt'}").write_bytes(data)
            cell_scores: dict[str, Score] = defaultdict(Score)
            try:
                report = parse(data)
            except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException (a BaseException)
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                for table, flat in gold_cells(scored).items():
                    for (row, col), expected in flat.items():
                        what = f"{name} {slug}: {table}.{row}.{col} expected {expected!r}, parse failed: {type(exc).__name__}: {exc}"
                        for key in (table, "all"):
                            cell_scores[key].add(False, what)
            else:
                score_tables(report, scored, cell_scores, f"{name} {slug}")
            total = by_rendering[name]
            total.right += cell_scores["all"].right
            total.total += cell_scores["all"].total
            total.misses.extend(cell_scores["all"].misses)
            for table, s in cell_scores.items():
                if table != "all":
                    by_table[name][table].right += s.right
                    by_table[name][table].total += s.total
    return {
        "documents": docs,
        "renderings": by_rendering,
        "tables": {k: dict(v) for k, v in by_table.items()},
        "skipped_null": skipped,
    }


def _main_renderings(args: argparse.Namespace) -> int:
    names = args.only or None
    for name in names or ():
        if name not in _render.RENDERINGS:
            print(f"unknown rendering {name!r}; known: {', '.join(_render.RENDERINGS)}", file=sys.stderr)
            return 2
    result = evaluate_renderings(args.folders, names, args.dump)
    overall = Score()
    for s in result["renderings"].values():
        overall.right += s.right
        overall.total += s.total
    if args.json:
        payload = {
            "documents": result["documents"],
            "skipped_null_cells": result["skipped_null"],
            "renderings": {
                k: {
                    "right": s.right,
                    "total": s.total,
                    "tables": {t: {"right": ts.right, "total": ts.total} for t, ts in result["tables"][k].items()},
                }
                for k, s in result["renderings"].items()
            },
            "all": {"right": overall.right, "total": overall.total},
        }
        if args.verbose:
            payload["misses"] = [m for s in result["renderings"].values() for m in s.misses]
        print(json.dumps(payload, indent=1, ensure_ascii=False))
        return 0
    print(f"documents: {result['documents']} (gold null cells rendered blank, not scored: {result['skipped_null']})")
    for name, s in result["renderings"].items():
        print(f"rendering {name:<24} {s}")
    print(f"rendering {'all':<24} {overall}")
    if args.verbose:
        for s in result["renderings"].values():
            for miss in s.misses:
                print(f"  MISS {miss}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of documents with *.gold.json beside them")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--renderings", action="store_true", help="score the gold tables rendered as HTML, encodings and text layouts"
    )
    parser.add_argument(
        "--only", action="append", metavar="NAME", help=f"with --renderings: only these ({', '.join(_render.RENDERINGS)})"
    )
    parser.add_argument("--dump", type=Path, metavar="DIR", help="with --renderings: write each rendering to DIR")
    args = parser.parse_args(argv)
    problem = _folders_problem(args.folders)
    if problem:
        print(f"python -m gongkai.eval: {problem}", file=sys.stderr)
        return 2
    if args.renderings:
        return _main_renderings(args)
    result = evaluate(args.folders)
    scores, by_format = result["scores"], result["by_format"]
    if args.json:
        payload = {
            "documents": result["documents"],
            "scores": {k: {"right": s.right, "total": s.total} for k, s in scores.items()},
            "cells_by_format": {k: {"right": s.right, "total": s.total} for k, s in by_format.items()},
        }
        print(json.dumps(payload, indent=1))
        return 0
    print(f"documents: {result['documents']}")
    for key in ("all", "proactive", "requests", "review_litigation"):
        if key in scores:
            print(f"cells {key:<18} {scores[key]}")
    for fmt, s in sorted(by_format.items()):
        print(f"cells format={fmt:<11} {s}")
    for key in (*FIELDS, "parts", "facts"):
        if key in scores:
            print(f"field {key:<18} {scores[key]}")
    if args.verbose:
        for s in scores.values():
            for miss in s.misses:
                print(f"  MISS {miss}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `| head` closed the pipe: not an error of ours
        sys.stderr.close()
        sys.exit(0)
