"""Year over year for the same agency (docs/frames.md): `gongkai.compare`.

Two things an evaluator checks between an agency's reports of consecutive years:

* **carry-over** — table 3's 四、结转下年度继续办理 (``carried_forward``) of year Y−1
  should equal 二、上年结转政府信息公开申请数量 (``carried_over``) of year Y, per
  column. Blank and ``na`` cells count as 0 here (a total the report left out
  while its parts are not all zero does not); a ``text`` cell or a missing table
  leaves the column unchecked.
* **repeated text** — the share of this year's sentences found word for word in
  last year's report. Sentences are ``report.text`` split after 。！？ (and ASCII
  ``!?``), with all whitespace removed; the tables' own text (template labels and
  numbers: the table spans and, in 2019/2021-format reports, sections 二 三 四,
  which hold the official tables) is left out, and fragments shorter than
  ``min_chars`` characters are ignored. Evaluators deduct when more than half is repeated, hence
  ``repeated_over_50``.

`compare_records` returns plain dicts (no pandas needed); `compare` a DataFrame.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._api import Failure, parse_many
from ._schema import REQUESTS_COLS
from .frames import cell_value, omitted_totals
from .report import Report

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["compare", "compare_records", "sentences"]

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_WHITESPACE = re.compile(r"\s+")


_TABLE_SECTIONS = ("proactive", "requests", "review_litigation")


def _table_spans(report: Report) -> list[tuple[int, int]]:
    """The tables' spans and, in 2019/2021-format reports, the sections 二 三 四 that hold them."""
    tables: Mapping[str, Any] = report.tables
    spans = [tuple(t["span"]) for t in tables.values() if t and t.get("span")]
    if report.template in ("2019", "2021"):
        spans += [tuple(s["span"]) for s in report.sections if s.get("key") in _TABLE_SECTIONS and s.get("span")]
    return [(a, b) for a, b in spans if b > a]


def sentences(report: Report, *, min_chars: int = 5, exclude_tables: bool = True) -> list[str]:
    """The report's sentences, whitespace removed, in order (see the module notes)."""
    text = report.text
    if exclude_tables:
        spans = sorted(_table_spans(report))
        if spans:
            pieces, pos = [], 0
            for start, end in spans:
                if start > pos:
                    pieces.append(text[pos:start])
                pos = max(pos, end)
            pieces.append(text[pos:])
            # A removed table ends the sentence before it.
            text = "。".join(pieces)
    out = []
    for piece in _SENTENCE_END.split(text):
        s = _WHITESPACE.sub("", piece)
        if len(s) >= min_chars:
            out.append(s)
    return out


def _carry(report: Report, row: str) -> dict[str, Any]:
    tables: Mapping[str, Any] = report.tables
    table = tables.get("requests")
    cells = (table or {}).get("cells") or {}
    out: dict[str, Any] = {}
    omitted = omitted_totals(report.issues)
    for col in REQUESTS_COLS:
        cell = (cells.get(row) or {}).get(col)
        value = cell_value(cell, blank_as_zero=True, omitted=f"requests.{row}.{col}" in omitted) if table else None
        out[col] = int(value) if isinstance(value, (int, float)) and float(value).is_integer() else value
    return out


def _pair(prev: tuple[str | None, Report], cur: tuple[str | None, Report], min_chars: int) -> dict[str, Any]:
    (prev_file, a), (file, b) = prev, cur
    gap = b.year - a.year  # type: ignore[operator]
    consecutive = gap == 1
    row: dict[str, Any] = {
        "agency": b.agency,
        "year_prev": a.year,
        "year": b.year,
        "file_prev": prev_file,
        "file": file,
        "consecutive": consecutive,
    }
    forward, over = _carry(a, "carried_forward"), _carry(b, "carried_over")
    mismatched = []
    checked = 0
    for col in REQUESTS_COLS:
        f, o = forward[col], over[col]
        row[f"carried_forward_prev.{col}"] = f
        row[f"carried_over.{col}"] = o
        if consecutive and f is not None and o is not None:
            match = f == o
            checked += 1
            if not match:
                mismatched.append(col)
        else:
            match = None
        row[f"carry_match.{col}"] = match
    row["carry_mismatch"] = bool(mismatched) if checked else None
    row["carry_mismatch_columns"] = ",".join(mismatched) if checked else None
    last = set(sentences(a, min_chars=min_chars))
    this = sentences(b, min_chars=min_chars)
    repeated = sum(1 for s in this if s in last)
    row["sentences"] = len(this)
    row["sentences_repeated"] = repeated
    share = repeated / len(this) if this else None
    row["repeated_share"] = share
    row["repeated_over_50"] = (share > 0.5) if share is not None else None
    return row


def _load(reports: Any, files: Sequence[str | None] | None) -> list[tuple[str | None, Report]]:
    if isinstance(reports, (str, os.PathLike)) or (
        isinstance(reports, (list, tuple)) and reports and all(isinstance(r, (str, os.PathLike)) for r in reports)
    ):
        from ._read import expand_files

        paths = expand_files(reports, "gongkai.compare")
        parsed = parse_many([Path(p) for p in paths], errors="collect")
        return [(p, r) for p, r in zip(paths, parsed) if isinstance(r, Report)]
    reports = list(reports)
    if files is not None and len(files) != len(reports):
        raise ValueError(f"files has {len(files)} names for {len(reports)} reports")
    out = []
    for n, r in enumerate(reports):
        if isinstance(r, Failure):
            continue
        if not isinstance(r, Report):
            raise TypeError(f"compare() takes Report objects or paths, not {type(r).__name__}")
        out.append((files[n] if files is not None else None, r))
    return out


def compare_records(
    reports: Iterable[Report] | str | os.PathLike[str],
    *,
    files: Sequence[str | None] | None = None,
    kinds: Sequence[str] | None = ("annual_report",),
    min_chars: int = 5,
) -> list[dict[str, Any]]:
    """One dict per pair of an agency's reports in successive available years.

    ``reports``: `Report` objects (``files`` may name them) or paths / a
    directory / a glob; a compilation counts as the documents it holds.
    Reports are grouped by ``agency`` (reports without an
    agency or a year are left out; ``kinds`` keeps only those kinds, ``None``
    keeps all) and ordered by year; when an agency has two reports for one
    year the first is used. Each pair of neighbours gives a row; the
    carry-over columns are compared only when the years are consecutive
    (``consecutive``), the text is compared for every pair.
    """
    loaded: list[tuple[str | None, Report]] = []
    for file, r in _load(reports, files):
        # A compilation's documents are compared one by one.
        if r.kind == "compilation" and r.parts:
            loaded.extend((file, p) for p in r.parts)
        else:
            loaded.append((file, r))
    by_agency: dict[str, dict[int, tuple[str | None, Report]]] = {}
    for file, r in loaded:
        if r.agency is None or r.year is None or (kinds is not None and r.kind not in kinds):
            continue
        by_agency.setdefault(r.agency, {}).setdefault(r.year, (file, r))
    rows = []
    for agency in sorted(by_agency):
        years = sorted(by_agency[agency])
        for y0, y1 in itertools.pairwise(years):
            rows.append(_pair(by_agency[agency][y0], by_agency[agency][y1], min_chars))
    return rows


def _spec() -> list[tuple[str, str]]:
    spec = [
        ("agency", "str"),
        ("year_prev", "int"),
        ("year", "int"),
        ("file_prev", "str"),
        ("file", "str"),
        ("consecutive", "bool"),
    ]
    for col in REQUESTS_COLS:
        spec += [(f"carried_forward_prev.{col}", "int"), (f"carried_over.{col}", "int"), (f"carry_match.{col}", "bool")]
    spec += [
        ("carry_mismatch", "bool"),
        ("carry_mismatch_columns", "str"),
        ("sentences", "int"),
        ("sentences_repeated", "int"),
        ("repeated_share", "float"),
        ("repeated_over_50", "bool"),
    ]
    return spec


def compare(
    reports: Iterable[Report] | str | os.PathLike[str],
    *,
    files: Sequence[str | None] | None = None,
    kinds: Sequence[str] | None = ("annual_report",),
    min_chars: int = 5,
) -> pd.DataFrame:
    """`compare_records` as a DataFrame (one row per agency and pair of years).

    Columns: ``agency``, ``year_prev``, ``year``, ``file_prev``, ``file``,
    ``consecutive``; per table 3 column ``carried_forward_prev.<col>``,
    ``carried_over.<col>``, ``carry_match.<col>``; ``carry_mismatch`` (any
    column differs), ``carry_mismatch_columns``; ``sentences``,
    ``sentences_repeated``, ``repeated_share``, ``repeated_over_50``.
    """
    from .frames import _build, _convert

    spec = _spec()
    records = compare_records(reports, files=files, kinds=kinds, min_chars=min_chars)
    data = {name: [_convert(kind, r[name]) for r in records] for name, kind in spec}  # type: ignore[arg-type]
    return _build(spec, data)  # type: ignore[arg-type]
