"""Score gongkai against hand-checked gold files: ``python -m gongkai.eval DIR [DIR ...]``.

Every document ``<slug>.<ext>`` with a ``<slug>.gold.json`` beside it is parsed
and compared: table cells (gold blanks are 0, so a blank or ``na`` reading counts
as 0; a gold ``null`` is right only when the parser left the cell null too),
the fields ``year``, ``agency``, ``kind``, ``template``, ``format`` and the
canonical facts. Prints cells right/total per table and per input format, field
accuracy, and with ``--verbose`` every mismatch. A file the parser refuses (an
unsupported format, a typed error) scores all its cells and fields as misses and is
counted as a parse failure.

Wrong numbers: a cell read as a number (not null) that differs from the gold one is a
*wrong number*; a blank or ``na`` reading counts as 0, so a blank where the gold is not
0 is wrong too, while a null reading is only a miss. (A reading where the gold itself
is ``null`` is never counted wrong: the gold does not know the value.) Every score is
printed with its wrong-number count (``wrong …`` lines), per table, per format, per
folder (``folder …`` lines: ``python -m gongkai.eval tests/data/layouts/*`` prints one
per layout) and per rendering.

``python -m gongkai.eval --renderings DIR [DIR ...]`` scores the reader on the gold
tables themselves rendered the ways real pages print them (``gongkai._render``:
official-span HTML, padded HTML, Word export, GB18030 with and without a declared
charset, Big5 with Traditional characters, one cell per line, pipe rows, PDF text).
Every rendering is generated from the GOLD values of each ``*.gold.json`` with a 2019
or 2021 template, parsed with `gongkai.parse`, and every gold table cell is scored as
above (blanks and ``na`` count as 0, as gold 0 does). A gold ``null`` cannot be printed
as a number: it is rendered blank and skipped in scoring; so are the cells a rendering
does not let any reader determine (``gongkai._render.unscored``: rows a partial table
leaves out, columns of space-separated rows with vanished blanks that the table's
arithmetic does not fix). Prints cells right/total per rendering and overall, the wrong
numbers, and with ``--verbose`` every miss. ``--only NAME`` (repeatable) limits the run
to those renderings, old or new (``gongkai._render.RENDERINGS``).
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
    #: Cells read as a number other than the gold one (a subset of the misses).
    wrong: int = 0

    def add(self, ok: bool, what: str, wrong: bool = False) -> None:
        self.total += 1
        self.right += ok
        self.wrong += wrong
        if not ok:
            self.misses.append(("WRONG " if wrong else "") + what)

    def merge(self, other: Score, misses: bool = True) -> None:
        self.right += other.right
        self.total += other.total
        self.wrong += other.wrong
        if misses:
            self.misses.extend(other.misses)

    def json(self) -> dict[str, int]:
        return {"right": self.right, "total": self.total, "wrong": self.wrong}

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
            ok = got is None if expected is None or want is None else (got is not None and abs(got - want) < 1e-6)
            wrong = expected is not None and got is not None and not ok
            what = f"{label}: {table}.{row}.{col} expected {expected!r}, got {cell['raw'] if cell else None!r}"
            for key in (table, "all"):
                scores[key].add(ok, what, wrong)


def fail_tables(gold: dict, scores: dict[str, Score], label: str, exc: BaseException) -> None:
    """Every gold cell a miss (not wrong): the parser gave no reading at all."""
    for table, flat in gold_cells(gold).items():
        for (row, col), expected in flat.items():
            what = f"{label}: {table}.{row}.{col} expected {expected!r}, parse failed: {type(exc).__name__}: {exc}"
            for key in (table, "all"):
                scores[key].add(False, what)


def scored_gold(gold: dict) -> dict:
    """The gold cells a document lets a reader determine: without its ``unscored`` cells
    (tests/data/layouts, tests/data/synthetic) and, for tables 2-4, as dicts of dicts."""
    return _drop(gold, {_ref(r) for r in gold.get("unscored") or ()})


def rendering_gold(gold: dict, name: str) -> dict:
    """The gold cells rendering `name` lets a reader determine: without gold nulls (printed blank)
    and without the cells of `gongkai._render.unscored`."""
    return _drop(_renderable_gold(gold), _render.unscored(gold, name))


def score_cells(report: Report, gold: dict, label: str) -> Score:
    """Every gold cell of tables 2-4 scored against `report` (misses name each cell; wrong numbers
    are prefixed ``WRONG``)."""
    scores: dict[str, Score] = defaultdict(Score)
    score_tables(report, gold, scores, label)
    return scores["all"]


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
    """Gold facts found (the first fact per key, as a reader quotes it), and fact
    conflicts: a gold key whose first fact differs from gold, plus every further fact
    with that key whose value differs from gold (each counted once per fact)."""
    first: dict[str, Any] = {}
    for fact in report.facts:
        if fact["key"] and fact["key"] not in first:
            first[fact["key"]] = fact["value"]
    gold_facts = {k: v for k, v in (gold.get("facts") or {}).items() if k in FACT_KEYS}
    same = lambda a, b: abs(float(a) - float(b)) < 1e-6  # noqa: E731
    for key, expected in gold_facts.items():
        got = first.get(key)
        ok = got is not None and same(got, expected)
        scores["facts"].add(ok, f"{label}: fact {key} expected {expected!r}, got {got!r}")
    # Scored as agreeing facts of all facts with a gold key; the conflicts are its `wrong`.
    for fact in report.facts:
        expected = gold_facts.get(fact["key"])
        if expected is not None:
            what = f"{label}: fact conflict {fact['key']} = {fact['value']!r}, gold {expected!r} «{fact['sentence'][:80]}»"
            ok = same(fact["value"], expected)
            scores["fact_conflicts"].add(ok, what, wrong=not ok)


def _conflicts(scores: dict[str, Score]) -> int:
    """Facts whose key the gold gives with another value (see `score_facts`)."""
    return scores.get("fact_conflicts", Score()).wrong


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


def _parse_or_error(source: Any) -> tuple[Report | None, BaseException | None]:
    try:
        return parse(source), None
    except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException (a BaseException)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return None, exc


def evaluate(folders: list[Path], every_cell: bool = False) -> dict[str, Any]:
    """Score every document with a gold file; returns the scores, per-format and per-folder cell
    scores (with wrong numbers) and the documents the parser refused. `every_cell`: score the
    cells a gold lists as ``unscored`` too (no reader can determine them, so a miss there is no
    fault, but a number read there and not the gold's is a wrong number all the same)."""
    scores: dict[str, Score] = defaultdict(Score)
    by_format: dict[str, Score] = defaultdict(Score)
    by_folder: dict[str, Score] = {}
    folder_docs: dict[str, int] = {}
    failures: list[str] = []
    unscored: dict[str, int] = {}
    docs = 0
    for folder in folders:
        unscored[str(folder)] = 0
        by_folder[str(folder)] = Score()
        folder_docs[str(folder)] = 0
        for path in documents(folder):
            gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
            # Cells the document does not let any reader determine (tests/data/layouts: text in
            # which blank cells vanished) are listed in the gold's "unscored" and not scored.
            hidden = set() if every_cell else {_ref(r) for r in gold.get("unscored") or ()}
            unscored[str(folder)] += len(hidden)
            gold = _drop(gold, hidden)
            docs += 1
            folder_docs[str(folder)] += 1
            label = path.name
            cell_scores: dict[str, Score] = defaultdict(Score)
            report, exc = _parse_or_error(path)
            if report is None:
                assert exc is not None
                failures.append(f"{path}: {type(exc).__name__}: {exc}")
                fail_tables(gold, cell_scores, label, exc)
                for name in FIELDS:
                    if name in gold:
                        scores[name].add(False, f"{label}: {name}: parse failed")
            else:
                score_tables(report, gold, cell_scores, label)
                score_fields(report, gold, scores, label)
                score_facts(report, gold, scores, label)
            for key, s in cell_scores.items():
                scores[key].merge(s, misses=key == "all")
            fmt = gold.get("format") or (report.source["format"] if report else "unknown")
            by_format[fmt].merge(cell_scores["all"], misses=False)
            by_folder[str(folder)].merge(cell_scores["all"], misses=False)
    return {
        "documents": docs,
        "scores": dict(scores),
        "by_format": dict(by_format),
        "by_folder": by_folder,
        "folder_documents": folder_docs,
        "folder_unscored": unscored,
        "failures": failures,
    }


def _ref(ref: str) -> tuple[str, str, str]:
    """``"table3.granted.total"`` → ``("requests", "granted", "total")``."""
    gkey, row, col = ref.split(".")
    return TABLES[gkey], row, col


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


def _drop(gold: dict, cells: set[tuple[str, str, str]]) -> dict:
    """`gold` without the (table, row, col) `cells` (tables 2–4 as dicts of dicts)."""
    if not cells:
        return gold
    out = dict(gold)
    for gkey, table in TABLES.items():
        if not gold.get(gkey):
            continue
        out[gkey] = {
            row: {col: v for col, v in (dict(zip(T4_COLUMNS, cols)) if isinstance(cols, list) else cols).items()
                  if (table, row, col) not in cells}
            for row, cols in gold[gkey].items()
        }
    return out


def evaluate_renderings(
    folders: list[Path], names: list[str] | None = None, dump: Path | None = None
) -> dict[str, Any]:
    """Score every rendering of every gold file with tables.

    Returns ``{"documents": n, "renderings": {name: Score}, "tables": {name: {table: Score}},
    "folders": {folder: {name: Score}}, "skipped_null": n, "unscored": {name: n},
    "formats": {name: [right, total]}}``; a miss reads ``rendering doc: table.row.col expected …, got …``
    (``WRONG …`` when the reading is a number other than the gold one); ``formats`` counts the
    documents whose ``source["format"]`` is the rendering's (`gongkai._render.source_format`).
    With `dump`, each rendering is written to ``dump/<slug>.<rendering>.<html|md|txt>``.
    """
    names = list(_render.RENDERINGS) if names is None else names
    by_rendering: dict[str, Score] = {name: Score() for name in names}
    by_table: dict[str, dict[str, Score]] = {name: defaultdict(Score) for name in names}
    by_folder: dict[str, dict[str, Score]] = {}
    unscored: dict[str, int] = {name: 0 for name in names}
    formats: dict[str, list[int]] = {name: [0, 0] for name in names}
    docs = 0
    skipped = 0
    for folder in folders:
        by_folder[str(folder)] = {name: Score() for name in names}
        for gold_path in gold_files([folder]):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            if not _render.renderable(gold):
                continue
            docs += 1
            renderable = _renderable_gold(gold)
            skipped += sum(len(v) for v in gold_cells(gold).values()) - sum(len(v) for v in gold_cells(renderable).values())
            slug = gold_path.name[: -len(".gold.json")]
            for name in names:
                data = _render.render(gold, name)
                if dump is not None:
                    dump.mkdir(parents=True, exist_ok=True)
                    (dump / f"{slug}.{name}.{_render.extension(name)}").write_bytes(data)
                hidden = _render.unscored(gold, name)
                scored = _drop(renderable, hidden)
                unscored[name] += sum(len(v) for v in gold_cells(renderable).values()) - sum(
                    len(v) for v in gold_cells(scored).values()
                )
                cell_scores: dict[str, Score] = defaultdict(Score)
                report, exc = _parse_or_error(data)
                if report is None:
                    assert exc is not None
                    fail_tables(scored, cell_scores, f"{name} {slug}", exc)
                else:
                    score_tables(report, scored, cell_scores, f"{name} {slug}")
                    formats[name][0] += report.source["format"] == _render.source_format(name)
                formats[name][1] += 1
                by_rendering[name].merge(cell_scores["all"])
                by_folder[str(folder)][name].merge(cell_scores["all"], misses=False)
                for table, s in cell_scores.items():
                    if table != "all":
                        by_table[name][table].merge(s, misses=False)
    return {
        "documents": docs,
        "renderings": by_rendering,
        "tables": {k: dict(v) for k, v in by_table.items()},
        "folders": by_folder,
        "skipped_null": skipped,
        "unscored": unscored,
        "formats": formats,
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
        overall.merge(s, misses=False)
    if args.json:
        payload = {
            "documents": result["documents"],
            "skipped_null_cells": result["skipped_null"],
            "renderings": {
                k: {
                    "right": s.right,
                    "total": s.total,
                    "wrong": s.wrong,
                    "unscored": result["unscored"][k],
                    "format_right": result["formats"][k][0],
                    "tables": {t: ts.json() for t, ts in result["tables"][k].items()},
                }
                for k, s in result["renderings"].items()
            },
            "folders": {f: {k: s.json() for k, s in per.items()} for f, per in result["folders"].items()},
            "all": overall.json(),
        }
        if args.verbose:
            payload["misses"] = [m for s in result["renderings"].values() for m in s.misses]
        print(json.dumps(payload, indent=1, ensure_ascii=False))
        return 0
    print(f"documents: {result['documents']} (gold null cells rendered blank, not scored: {result['skipped_null']})")
    for name, s in result["renderings"].items():
        print(f"rendering {name:<24} {s}")
    print(f"rendering {'all':<24} {overall}")
    for name, s in result["renderings"].items():
        tables = " ".join(f"{t}={ts.wrong}" for t, ts in sorted(result["tables"][name].items()))
        print(f"wrong {name:<28} {s.wrong}  ({tables})")
    print(f"wrong {'all':<28} {overall.wrong}")
    for name, n in result["unscored"].items():
        if n:
            print(f"unscored {name:<25} {n} (not printed, or not determinable from what is printed)")
    for name, (right, total) in result["formats"].items():
        print(f"format {name:<27} {right}/{total} documents report {_render.source_format(name)!r}")
    if len(result["folders"]) > 1:
        for folder, per in result["folders"].items():
            s = Score()
            for one in per.values():
                s.merge(one, misses=False)
            print(f"folder {folder:<40} cells {s} wrong {s.wrong}")
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
    parser.add_argument(
        "--every-cell",
        action="store_true",
        help="score the cells a gold leaves unscored too (undeterminable: read for wrong numbers, not misses)",
    )
    args = parser.parse_args(argv)
    # A shell glob (tests/data/layouts/*) also names the files beside the folders: skip them.
    for path in [f for f in args.folders if f.exists() and not f.is_dir()]:
        print(f"skipped {path}: not a folder", file=sys.stderr)
    args.folders = [f for f in args.folders if not (f.exists() and not f.is_dir())]
    problem = _folders_problem(args.folders) if args.folders else f"no folder given; {NEEDS_A_CLONE}"
    if problem:
        print(f"python -m gongkai.eval: {problem}", file=sys.stderr)
        return 2
    if args.renderings:
        return _main_renderings(args)
    result = evaluate(args.folders, every_cell=args.every_cell)
    scores, by_format = result["scores"], result["by_format"]
    if args.json:
        payload = {
            "documents": result["documents"],
            "scores": {k: s.json() for k, s in scores.items()},
            "cells_by_format": {k: s.json() for k, s in by_format.items()},
            "folders": {
                k: dict(s.json(), documents=result["folder_documents"][k], unscored=result["folder_unscored"][k])
                for k, s in result["by_folder"].items()
            },
            "failures": result["failures"],
            "fact_conflicts": _conflicts(scores),
        }
        print(json.dumps(payload, indent=1, ensure_ascii=False))
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
    keyed = scores.get("fact_conflicts", Score()).total
    print(f"fact conflicts           {_conflicts(scores)} (of {keyed} facts with a gold key)")
    for key in ("all", "proactive", "requests", "review_litigation"):
        if key in scores:
            print(f"wrong {key:<18} {scores[key].wrong}")
    for fmt, s in sorted(by_format.items()):
        print(f"wrong format={fmt:<11} {s.wrong}")
    print(f"parse failures           {len(result['failures'])}")
    for folder, s in result["by_folder"].items():
        hidden = result["folder_unscored"][folder]
        print(
            f"folder {folder:<44} documents {result['folder_documents'][folder]:>3}  cells {s}  wrong {s.wrong}"
            + (f"  (unscored {hidden})" if hidden else "")
        )
    if args.verbose:
        for failure in result["failures"]:
            print(f"  FAILED {failure}")
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
