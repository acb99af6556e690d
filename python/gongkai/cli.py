"""The `gongkai` command line: parse, check, show, demo (docs/cli.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any

from . import _core
from ._api import AUTO_PROGRESS_FILES, Failure, parse_many
from ._sources import DOCUMENT_SUFFIXES, FileList, expand
from .display import issue_message, tables_text
from .report import Report


def expand_paths(args: Iterable[str]) -> FileList:
    """Files named, documents under directories (recursively) and glob matches, in the order
    `gongkai.read` uses; ``.skipped`` lists what the directories held besides documents.
    A path that names nothing raises `FileNotFoundError` (the command exits 2 with one line)."""
    return expand(list(args), missing="raise")


def _note(command: str, message: str) -> None:
    print(f"gongkai {command}: {message}", file=sys.stderr)


def _files(args: argparse.Namespace, paths: Iterable[str]) -> FileList:
    files = expand_paths(paths)
    if files.skipped:
        _note(args.command, f"skipped {files.skipped_summary()}")
    return files


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


def _print_table(rows: Sequence[Sequence[str]], out: IO[str] | None = None) -> None:
    def width(s: str) -> int:
        return sum(2 if ord(c) > 0x2E80 else 1 for c in s)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [c + " " * (widths[i] - width(c)) for i, c in enumerate(row)]
        print("  ".join(cells).rstrip(), file=out or sys.stdout)


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


def _section_lines(sections: Sequence[Mapping[str, Any]], depth: int = 0) -> Iterable[str]:
    for s in sections:
        key = f" [{s['key']}]" if s.get("key") else ""
        yield f"{'  ' * depth}- {s['heading'][:60]}{key}"
        yield from _section_lines(s.get("children") or [], depth + 1)


def show_text(report: Report, *, ambiguous_width: int | None = None) -> str:
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
    tables: Mapping[str, Any] = report.tables
    for key in ("proactive", "requests", "review_litigation"):
        table = tables.get(key)
        if table:
            n = sum(len(row) for row in table["cells"].values())
            lines.append(f"table {key:<18} format {table['format']}, {n} cells, {len(table['extra_rows'])} extra rows")
    grids = tables_text(report, ambiguous_width=ambiguous_width)
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
            lines.append(f"  {i['severity']:<8} {i['code']:<20} {issue_message(i)}")
    if report.parts:
        lines.append(f"parts         {len(report.parts)} documents")
        for n, part in enumerate(report.parts, 1):
            lines.append(f"  {n}. {part.kind} {part.year or '-'} {part.title or '-'}")
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    files = expand_paths([args.path])
    if len(files) != 1:
        _note("show", f"{args.path} holds {len(files)} documents; show takes one file")
        return 2
    report = parse_many(files, errors="raise", encoding=args.encoding)[0]
    assert isinstance(report, Report)
    print(show_text(report, ambiguous_width=args.ambiguous_width))
    return 0


def _write_jsonl(pairs: Iterable[tuple[str, Report | Failure]], out: IO[str]) -> None:
    for path, report in pairs:
        if isinstance(report, Failure):
            row: dict[str, Any] = {"file": path, "error": report.error, "message": report.message}
        else:
            row = {"file": path, **report.to_dict()}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


#: Output types of `gongkai parse -o`: JSON lines keep whole reports; CSV, Excel and
#: parquet hold `gongkai.read`'s columns.
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx", ".parquet")


def _needs(module: str, what: str, extra: str) -> None:
    try:
        __import__(module)
    except ImportError:
        raise ImportError(f"{what} needs {module}, which is not installed: pip install 'gongkai[{extra}]'") from None


def _write_table(files: list[str], args: argparse.Namespace, suffix: str, *, progress: bool) -> tuple[int, int]:
    """Writes `gongkai.read`'s frame; returns (rows, error rows)."""
    from ._read import read

    if suffix == ".parquet":
        _needs("pyarrow", "writing parquet", "arrow")
    if suffix == ".xlsx":
        _needs("openpyxl", "writing .xlsx", "excel")
    frame = read(
        files, errors="collect", progress=progress, blank_as_zero=args.blank_as_zero, encoding=args.encoding
    )
    if suffix == ".csv":
        # Excel opens UTF-8 CSV as the local code page unless it starts with a byte-order mark.
        frame.to_csv(args.output, index=False, encoding="utf-8" if args.no_bom else "utf-8-sig")
    elif suffix == ".xlsx":
        frame.to_excel(args.output, index=False, sheet_name="gongkai", engine="openpyxl")
    else:
        frame.to_parquet(args.output, index=False)
    failed = frame[frame["error"].notna()]
    for path, error, message in zip(failed["file"], failed["error"], failed["message"]):
        print(f"{path}: {error}: {message}", file=sys.stderr)
    return len(frame), len(failed)


def cmd_parse(args: argparse.Namespace) -> int:
    suffix = Path(args.output).suffix.lower() if args.output is not None else ".jsonl"
    if suffix not in OUTPUT_SUFFIXES:
        _note("parse", f"unsupported output type {suffix!r}; use one of {', '.join(OUTPUT_SUFFIXES)}")
        return 2
    files = _files(args, args.paths)
    if not files:
        _note("parse", "no documents found")
        return 2
    progress = args.progress or (len(files) > AUTO_PROGRESS_FILES and sys.stderr.isatty())
    if suffix != ".jsonl":
        rows, errors = _write_table(files, args, suffix, progress=progress)
    else:
        reports = parse_many(files, errors="collect", progress=progress, encoding=args.encoding)
        pairs = list(zip(files, reports))
        if args.output is None:
            _write_jsonl(pairs, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8") as fh:
                _write_jsonl(pairs, fh)
        failed = [(p, r) for p, r in pairs if isinstance(r, Failure)]
        for path, failure in failed:
            print(f"{path}: {failure.error}: {failure.message}", file=sys.stderr)
        rows, errors = len(pairs), len(failed)
    if args.output is not None:
        noun = "row" if rows == 1 else "rows"
        _note("parse", f"wrote {rows} {noun} ({errors} {'error' if errors == 1 else 'errors'}) to {args.output}")
    return 1 if errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    files = _files(args, args.paths)
    if not files:
        _note("check", "no documents found")
        return 2
    reports = parse_many(files, errors="collect", encoding=args.encoding)
    errors = 0
    for path, report in zip(files, reports):
        if isinstance(report, Failure):
            print(f"{path}: {report.error}: {report.message}")
            errors += 1
            continue
        for issue in report.issues:
            cells = f" [{', '.join(issue['cells'])}]" if issue["cells"] else ""
            print(f"{path}: {issue['severity']} {issue['code']}: {issue_message(issue)}{cells}")
            errors += issue["severity"] == "error"
    return 1 if errors else 0


def _encoding_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--encoding",
        metavar="LABEL",
        help="read the files in this encoding (utf-8, gb18030, big5, utf-16le ...) instead of detecting it",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongkai", description="Chinese government disclosure annual reports as data.")
    parser.add_argument("--version", action="version", version=f"gongkai {_core.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse", help="parse documents; write JSON lines, or a CSV/Excel/parquet table of gongkai.read's columns"
    )
    p.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    p.add_argument(
        "-o",
        "--output",
        help="output file: .jsonl (one full report per line), .csv (UTF-8 with a byte-order mark, for Excel), "
        ".xlsx (needs gongkai[excel]) or .parquet (needs gongkai[arrow]): one row per document, the columns "
        "of gongkai.read; default: JSON lines on standard output",
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help=f"draw a progress bar on stderr (automatic on a terminal for more than {AUTO_PROGRESS_FILES} files)",
    )
    p.add_argument("--blank-as-zero", action="store_true", help="CSV/Excel/parquet: blank and n/a table cells as 0")
    p.add_argument("--no-bom", action="store_true", help="CSV: write plain UTF-8, without the byte-order mark")
    _encoding_option(p)
    p.set_defaults(func=cmd_parse)
    c = sub.add_parser("check", help="print the issues of each document; exit 1 on errors")
    c.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    _encoding_option(c)
    c.set_defaults(func=cmd_check)
    s = sub.add_parser("show", help="a readable summary of one report, with tables 2-4 as text grids")
    s.add_argument("path")
    _encoding_option(s)
    s.add_argument(
        "--ambiguous-width",
        type=int,
        choices=(1, 2),
        default=None,
        help="columns of East Asian ambiguous characters such as “ ” … · in your terminal: 2 (CJK terminals, "
        "the default) or 1 (most Western terminals); also GONGKAI_AMBIGUOUS_WIDTH",
    )
    s.set_defaults(func=cmd_show)
    d = sub.add_parser("demo", help="parse the sample reports shipped with the package")
    d.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except BrokenPipeError:
        return 0
    except OSError as exc:
        # One line: the path and what is wrong with it.
        if exc.filename is not None and exc.strerror:
            _note(args.command, f"{type(exc).__name__}: {exc.filename}: {exc.strerror}")
        else:
            _note(args.command, f"{type(exc).__name__}: {exc}")
        return 2
    except Exception as exc:
        _note(args.command, f"{type(exc).__name__}: {exc}")
        return 2
