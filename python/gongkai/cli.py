"""The `gongkai` command line (SPEC §7): parse, check, show, demo."""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from ._api import AUTO_PROGRESS_FILES, Failure, parse_many
from ._sources import DOCUMENT_SUFFIXES
from .display import tables_text
from .report import Report


def expand_paths(args: Iterable[str]) -> list[str]:
    """Files named, files under directories (recursively) and glob matches, in stable order."""
    out: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            found = [
                str(p)
                for p in sorted(Path(arg).rglob("*"))
                # A folder's README is about the folder, not a report.
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.upper().startswith("README")
            ]
            out.extend(found)
        elif any(ch in arg for ch in "*?["):
            out.extend(sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p)))
        else:
            out.append(arg)
    return out


def sample_paths() -> list[str]:
    """The sample reports shipped inside the package."""
    root = resources.files("gongkai") / "samples"
    return sorted(
        str(p) for p in root.iterdir() if p.is_file() and p.name.lower().endswith(DOCUMENT_SUFFIXES) and not p.name.startswith("README")
    )


def _tables_found(report: Report) -> str:
    names = {"proactive": "2", "requests": "3", "review_litigation": "4"}
    found = [n for key, n in names.items() if report.tables.get(key)]
    return ",".join(found) if found else "-"


def _summary_row(path: str, report: Report | Failure) -> list[str]:
    name = os.path.basename(path)
    if isinstance(report, Failure):
        return [name, "ERROR", report.error, "", "", report.message[:40], "", "", ""]
    return [
        name,
        report.kind,
        report.template or "-",
        str(report.year or "-"),
        report.agency or "-",
        (report.title or "-")[:40],
        _tables_found(report),
        str(len(report.facts)),
        str(len(report.issues)),
    ]


def _print_table(rows: Sequence[Sequence[str]], out=sys.stdout) -> None:
    def width(s: str) -> int:
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [c + " " * (widths[i] - width(c)) for i, c in enumerate(row)]
        print("  ".join(cells).rstrip(), file=out)


def cmd_demo(_args: argparse.Namespace) -> int:
    paths = sample_paths()
    if not paths:
        print("gongkai demo: no sample reports found inside the package", file=sys.stderr)
        return 2
    start = time.perf_counter()
    reports = parse_many(paths, errors="collect")
    elapsed = time.perf_counter() - start
    header = ["file", "kind", "template", "year", "agency", "title", "tables", "facts", "issues"]
    _print_table([header] + [_summary_row(p, r) for p, r in zip(paths, reports)])
    failed = sum(isinstance(r, Failure) for r in reports)
    size = sum(os.path.getsize(p) for p in paths)
    print(
        f"\nparsed {len(paths) - failed}/{len(paths)} sample reports ({size / 1024:.0f} KB) "
        f"in {elapsed * 1000:.1f} ms; try `gongkai show {paths[0]}`"
    )
    return 1 if failed else 0


def _section_lines(sections: list[dict], depth: int = 0) -> Iterable[str]:
    for s in sections:
        key = f" [{s['key']}]" if s.get("key") else ""
        yield f"{'  ' * depth}- {s['heading'][:60]}{key}"
        yield from _section_lines(s.get("children") or [], depth + 1)


def show_text(report: Report) -> str:
    """A readable summary of one report."""
    src = report.source
    lines = [
        f"title         {report.title or '-'}",
        f"kind          {report.kind}   template {report.template or '-'}",
        f"year          {report.year or '-'}   agency {report.agency or '-'}   level {report.admin_level or '-'}",
        f"region        {json.dumps(report.region, ensure_ascii=False) if report.region else '-'}",
        f"published     {report.published or '-'}   written {report.written or '-'}",
        f"index number  {report.index_number or '-'}"
        + (f"   credit code {report.credit_code['code']} ({'valid' if report.credit_code['valid'] else 'INVALID'})"
           if report.credit_code else ""),
        f"source        {src['format']}, {src['encoding']} ({src['encoding_from']}), script {src['script']}, "
        f"{src['undecodable_bytes']} undecodable bytes, {len(report.text)} characters",
    ]
    if report.sections:
        lines.append("sections")
        lines.extend("  " + line for line in _section_lines(report.sections))
    for key in ("proactive", "requests", "review_litigation"):
        table = report.tables.get(key)
        if table:
            n = sum(len(row) for row in table["cells"].values())
            lines.append(f"table {key:<18} format {table['format']}, {n} cells, {len(table['extra_rows'])} extra rows")
    grids = tables_text(report)
    if grids:
        lines.append("")
        lines.append(grids)
        lines.append("")
    if report.facts:
        lines.append("facts")
        for f in report.facts:
            key = f["key"] or "-"
            flags = (" approx" if f["approx"] else "") + (" negated" if f["negated"] else "")
            lines.append(f"  {key:<20} {f['value']}{f['unit'] or ''}{flags}   «{report.evidence(f['span'])}»")
    if report.issues:
        lines.append("issues")
        for i in report.issues:
            lines.append(f"  {i['severity']:<8} {i['code']:<20} {i['message']}")
    if report.parts:
        lines.append(f"parts         {len(report.parts)} documents")
        for n, part in enumerate(report.parts, 1):
            lines.append(f"  {n}. {part.kind} {part.year or '-'} {part.title or '-'}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    reports = parse_many([args.path], errors="raise")
    print(show_text(reports[0]))
    return 0


def _write_jsonl(pairs, out) -> None:
    for path, report in pairs:
        if isinstance(report, Failure):
            row = {"file": path, "error": report.error, "message": report.message}
        else:
            row = {"file": path, **report.to_dict()}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


#: Output types of `gongkai parse -o`: JSON lines keep whole reports; CSV and parquet hold `gongkai.read`'s columns.
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".parquet")


def _write_table(paths: list[str], output: str, suffix: str, *, progress: bool, blank_as_zero: bool) -> int:
    from .frames import read

    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ImportError("writing parquet needs pyarrow: pip install 'gongkai[arrow]'") from None
    frame = read(paths, errors="collect", progress=progress, blank_as_zero=blank_as_zero)
    if suffix == ".csv":
        frame.to_csv(output, index=False)
    else:
        frame.to_parquet(output, index=False)
    failed = frame[frame["error"].notna()]
    for path, error, message in zip(failed["file"], failed["error"], failed["message"]):
        print(f"{path}: {error}: {message}", file=sys.stderr)
    return 1 if len(failed) else 0


def cmd_parse(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    if not paths:
        print("gongkai parse: no documents found", file=sys.stderr)
        return 2
    suffix = Path(args.output).suffix.lower() if args.output is not None else ".jsonl"
    if suffix not in OUTPUT_SUFFIXES:
        print(
            f"gongkai parse: unsupported output type {suffix!r}; use one of {', '.join(OUTPUT_SUFFIXES)}",
            file=sys.stderr,
        )
        return 2
    progress = args.progress or (len(paths) > AUTO_PROGRESS_FILES and sys.stderr.isatty())
    if suffix in (".csv", ".parquet"):
        return _write_table(paths, args.output, suffix, progress=progress, blank_as_zero=args.blank_as_zero)
    reports = parse_many(paths, errors="collect", progress=progress)
    pairs = list(zip(paths, reports))
    if args.output is None:
        _write_jsonl(pairs, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            _write_jsonl(pairs, fh)
    failed = [(p, r) for p, r in pairs if isinstance(r, Failure)]
    for path, failure in failed:
        print(f"{path}: {failure.error}: {failure.message}", file=sys.stderr)
    return 1 if failed else 0


def cmd_check(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    reports = parse_many(paths, errors="collect")
    errors = 0
    for path, report in zip(paths, reports):
        if isinstance(report, Failure):
            print(f"{path}: {report.error}: {report.message}")
            errors += 1
            continue
        for issue in report.issues:
            cells = f" [{', '.join(issue['cells'])}]" if issue["cells"] else ""
            print(f"{path}: {issue['severity']} {issue['code']}: {issue['message']}{cells}")
            errors += issue["severity"] == "error"
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongkai", description="Chinese government disclosure annual reports as data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse documents; write JSON lines, or a CSV/parquet table of gongkai.read's columns")
    p.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    p.add_argument(
        "-o",
        "--output",
        help="output file: .jsonl (one full report per line), .csv or .parquet (one row per document, "
        "the columns of gongkai.read); default: JSON lines on standard output",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help=f"draw a progress bar on stderr (automatic on a terminal for more than {AUTO_PROGRESS_FILES} files)",
    )
    p.add_argument("--blank-as-zero", action="store_true", help="CSV/parquet: blank and n/a table cells as 0")
    p.set_defaults(func=cmd_parse)
    c = sub.add_parser("check", help="print the issues of each document; exit 1 on errors")
    c.add_argument("paths", nargs="+")
    c.set_defaults(func=cmd_check)
    s = sub.add_parser("show", help="a readable summary of one report, with tables 2-4 as text grids")
    s.add_argument("path")
    s.set_defaults(func=cmd_show)
    d = sub.add_parser("demo", help="parse the sample reports shipped with the package")
    d.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the CLI reports errors, it does not crash
        print(f"gongkai {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
