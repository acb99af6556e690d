"""Score gongkai against hand-checked gold files: ``python -m gongkai.eval DIR [DIR ...]``.

Every document ``<slug>.<ext>`` with a ``<slug>.gold.json`` beside it is parsed
and compared: table cells (gold blanks are 0, so a blank or ``na`` reading counts
as 0; a gold ``null`` is right only when the parser left the cell null too),
the fields ``year``, ``agency``, ``kind``, ``template``, ``format`` and the
canonical facts. Prints cells right/total per table and per input format, field
accuracy, and with ``--verbose`` every mismatch.
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
        reading = report.tables.get(table)
        cells = reading["cells"] if reading else {}
        for (row, col), expected in flat.items():
            cell = cells.get(row, {}).get(col)
            got = _cell_value(cell)
            want = _gold_number(expected)
            ok = got is None if expected is None else (got is not None and abs(got - want) < 1e-6)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gongkai.eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of documents with *.gold.json beside them")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
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
        for key, s in scores.items():
            for miss in s.misses:
                print(f"  MISS {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
