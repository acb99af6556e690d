"""pandas DataFrames from reports: the per-report frames, `long`, `wide`, and the columns of
`read` (docs/frames.md).

This module converts reports already parsed; reading files (`gongkai.read`, `long` given
paths, `gongkai.dask.read`) is `_read`'s, which parses them and hands the results here.
pandas is imported inside the functions (the ``gongkai[pandas]`` extra); pyarrow,
when importable, builds the frames (``pa.Table.from_pydict(...).to_pandas()``),
otherwise pandas alone does, with the same dtypes.

Column dtypes are fixed whatever the documents hold, so frames of different
corpora (or dask partitions) concatenate cleanly: counts are ``Int64``, money
``Float64``, text ``string``, dates ``datetime64[ns]``, flags ``boolean``. A blank
cell stays ``<NA>`` unless ``blank_as_zero=True``; an ``na`` cell (``/``, ``—``,
``无``) likewise unless ``na_as_zero`` (which defaults to ``blank_as_zero``). A
cell the report's template does not have (a 2019 column in a 2021 report, a
missing table) is always ``<NA>``; a ``text`` cell has no value and is ``<NA>``.
A total the report left blank while its parts are not all zero (the
``T3_TOTAL_OMITTED`` issue names it and gives the parts' sum as ``expected``)
stays ``<NA>`` even with ``blank_as_zero=True``: it was left out, not zero.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

from ._schema import (
    FACT_KEYS,
    MONEY_CELLS,
    MONEY_FACTS,
    PROACTIVE_CELLS,
    REQUESTS_COLS,
    REQUESTS_ROWS,
    REVIEW_COLS,
    REVIEW_GROUPS,
    proactive_layout,
    requests_rows,
)
from .report import KEYS, Report

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._api import Failure

__all__ = ["columns", "empty", "long", "wide"]


def __getattr__(name: str) -> Any:
    # `gongkai.frames.read` is `gongkai.read`, which reads files: it lives in `_read`, imported on first use.
    if name == "read":
        from ._read import read

        return read
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

Kind = Literal["str", "int", "float", "bool", "date", "object"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "gongkai's DataFrame functions need pandas, which is not installed: "
            "pip install 'gongkai[pandas]' (add 'gongkai[arrow]' for faster frames and parquet)"
        ) from exc
    return pandas


def _pyarrow() -> Any | None:
    try:
        import pyarrow
    except ImportError:
        return None
    return pyarrow


# ---------------------------------------------------------------------------
# The columns of `read`

_META: tuple[tuple[str, Kind], ...] = (
    ("file", "str"),
    ("kind", "str"),
    ("template", "str"),
    ("year", "int"),
    ("agency", "str"),
    ("admin_level", "str"),
    ("region_code", "str"),
    ("province", "str"),
    ("city", "str"),
    ("county", "str"),
    ("published", "date"),
    ("written", "date"),
    ("index_number", "str"),
    ("title", "str"),
    ("part", "int"),
)
_TAIL: tuple[tuple[str, Kind], ...] = (
    ("n_errors", "int"),
    ("n_warnings", "int"),
    ("error", "str"),
    ("message", "str"),
)

#: (column, table, row, col) for every table cell column, in template order.
_CELL_COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    tuple(("requests." + r + "." + c, "requests", r, c) for r in REQUESTS_ROWS for c in REQUESTS_COLS)
    + tuple(("review_litigation." + g + "." + c, "review_litigation", g, c) for g in REVIEW_GROUPS for c in REVIEW_COLS)
    + tuple(("proactive." + i + "." + c, "proactive", i, c) for i, c in PROACTIVE_CELLS)
)


def _cell_kind(table: str, row: str, col: str) -> Kind:
    return "float" if table == "proactive" and (row, col) in MONEY_CELLS else "int"


_SCHEMA: tuple[tuple[str, Kind], ...] = (
    _META
    + tuple((name, _cell_kind(t, r, c)) for name, t, r, c in _CELL_COLUMNS)
    + tuple(("facts." + k, "float" if k in MONEY_FACTS else "int") for k in FACT_KEYS)
    + _TAIL
)


def columns() -> list[tuple[str, str]]:
    """The columns of `read` as ``(name, kind)`` pairs, kind one of str/int/float/date.

    ``int`` columns are pandas ``Int64``, ``float`` ``Float64``, ``str`` ``string``,
    ``date`` ``datetime64[ns]``. The list is the same for every corpus.
    """
    return list(_SCHEMA)


# ---------------------------------------------------------------------------
# Values


def _int(value: Any) -> int | None:
    """A count as int. A fractional count (a reading artefact; counts are whole) is rounded."""
    if value is None:
        return None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return round(value)
    return None


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _date(value: Any) -> _dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


#: The issue that names a total the report left blank while its parts are not all zero.
OMITTED_TOTAL = "T3_TOTAL_OMITTED"


def omitted_totals(issues: Iterable[Mapping[str, Any]] | None) -> frozenset[str]:
    """Paths (``requests.granted.total``) of totals left blank while their parts are not all zero."""
    return frozenset(c for i in issues or () if i.get("code") == OMITTED_TOTAL for c in i.get("cells") or ())


def cell_value(
    cell: Mapping[str, Any] | None,
    *,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    omitted: bool = False,
) -> Any:
    """The number a cell stands for under the blank/na policy (None when it has none).

    ``omitted``: the cell is a total the report left blank while its parts are not
    all zero (a ``T3_TOTAL_OMITTED`` issue names it, with the parts' sum as
    ``expected``). It stays None even with ``blank_as_zero``: the total was left
    out, not zero.
    """
    if cell is None:
        return None
    state = cell.get("state")
    if state == "blank":
        return 0 if blank_as_zero and not omitted else None
    if state == "na":
        return 0 if (blank_as_zero if na_as_zero is None else na_as_zero) else None
    return cell.get("value")


def _convert(kind: Kind, value: Any) -> Any:
    if kind == "int":
        return _int(value)
    if kind == "float":
        return _float(value)
    if kind == "date":
        return _date(value)
    if kind == "str":
        return value if isinstance(value, str) else None if value is None else str(value)
    return value


def _report_row(
    data: Mapping[str, Any], file: str | None, *, blank_as_zero: bool, na_as_zero: bool | None, part: int | None = None
) -> list[Any]:
    """One `read` row from a report dict (the core's dict or a `Report` view)."""
    region = data.get("region") or {}
    tables = data.get("tables") or {}
    raw: list[Any] = [
        file,
        data.get("kind"),
        data.get("template"),
        data.get("year"),
        data.get("agency"),
        data.get("admin_level"),
        region.get("code"),
        region.get("province"),
        region.get("city"),
        region.get("county"),
        data.get("published"),
        data.get("written"),
        data.get("index_number"),
        data.get("title"),
        part,
    ]
    omitted = omitted_totals(data.get("issues")) if blank_as_zero else frozenset()
    for name, table, row, col in _CELL_COLUMNS:
        t = tables.get(table)
        cell = ((t.get("cells") or {}).get(row) or {}).get(col) if t else None
        raw.append(cell_value(cell, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero, omitted=name in omitted))
    first: dict[str, Any] = {}
    for fact in data.get("facts") or ():
        key = fact.get("key")
        if key is not None and key not in first:
            first[key] = fact.get("value")
    raw.extend(first.get(k) for k in FACT_KEYS)
    issues = data.get("issues") or ()
    raw.append(sum(1 for i in issues if i.get("severity") == "error"))
    raw.append(sum(1 for i in issues if i.get("severity") == "warning"))
    raw.extend((None, None))
    return [_convert(kind, v) for (_n, kind), v in zip(_SCHEMA, raw)]


def _documents(data: Mapping[str, Any], parts: bool) -> list[tuple[int | None, Mapping[str, Any]]]:
    """``(part number, dict)`` per document of one input: a compilation's parts (numbered from 1), else itself."""
    if parts and data.get("kind") == "compilation" and data.get("parts"):
        return [(n, p if isinstance(p, dict) else _view(p)) for n, p in enumerate(data["parts"], 1)]
    return [(None, data)]


def _failure_row(file: str | None, error: str, message: str) -> list[Any]:
    row: list[Any] = [None] * len(_SCHEMA)
    row[0] = file
    row[-2] = error
    row[-1] = message
    return row


# ---------------------------------------------------------------------------
# Building frames


def _string_dtype(pd: Any) -> Any:
    return pd.StringDtype()


def _pandas_dtype(pd: Any, kind: Kind) -> Any:
    return {
        "str": _string_dtype(pd),
        "int": pd.Int64Dtype(),
        "float": pd.Float64Dtype(),
        "bool": pd.BooleanDtype(),
        "date": "datetime64[ns]",
        "object": object,
    }[kind]


def _build(
    spec: Sequence[tuple[str, Kind]], data: dict[str, list[Any]], *, arrow: bool = True, index: Any = None
) -> pd.DataFrame:
    """A DataFrame with exactly the dtypes of `spec`, through pyarrow when present."""
    pd = _pandas()
    pa = _pyarrow() if arrow and not any(kind == "object" for _n, kind in spec) else None
    if pa is not None:
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
        table = pa.Table.from_pydict({name: pa.array(data[name], type=types[kind]) for name, kind in spec})
        mapping = {
            pa.string(): _string_dtype(pd),
            pa.int64(): pd.Int64Dtype(),
            pa.float64(): pd.Float64Dtype(),
            pa.bool_(): pd.BooleanDtype(),
        }
        frame = table.to_pandas(types_mapper=mapping.get, date_as_object=False)
        for name, kind in spec:
            if kind == "date":
                frame[name] = frame[name].astype("datetime64[ns]")
    else:
        cols: dict[str, Any] = {}
        for name, kind in spec:
            values = data[name]
            if kind == "date":
                cols[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype="datetime64[ns]")
            elif kind == "object":
                cols[name] = pd.Series(values, dtype=object)
            else:
                cols[name] = pd.array(values, dtype=_pandas_dtype(pd, kind))
        frame = pd.DataFrame(cols, columns=[name for name, _k in spec])
        if not spec:
            frame = pd.DataFrame(index=range(0))
    if index is not None:
        frame.index = index
    return _as_frame(frame)


def _as_frame(frame: Any) -> pd.DataFrame:
    return cast("pd.DataFrame", frame)


def empty() -> pd.DataFrame:
    """A frame with the columns and dtypes of `read` and no rows (dask's meta)."""
    return _build(_SCHEMA, {name: [] for name, _k in _SCHEMA})


# ---------------------------------------------------------------------------
# Rows of `read` and `wide`, one input at a time


class WideRows:
    """The columns of `read` filled one parsed input at a time (`read`, `wide`, `gongkai.dask.read`)."""

    def __init__(self, *, blank_as_zero: bool = False, na_as_zero: bool | None = None, parts: bool = True) -> None:
        self.data: dict[str, list[Any]] = {name: [] for name, _k in _SCHEMA}
        self._cols = [self.data[name] for name, _k in _SCHEMA]
        self._blank_as_zero = blank_as_zero
        self._na_as_zero = na_as_zero
        self._parts = parts

    def _add(self, rows: list[list[Any]]) -> None:
        for row in rows:
            for col, value in zip(self._cols, row):
                col.append(value)

    def failure(self, file: str | None, error: str, message: str) -> None:
        """The row of an input that did not parse."""
        self._add([_failure_row(file, error, message)])

    def report(self, data: Mapping[str, Any], file: str | None) -> None:
        """The rows of one parsed input (a report dict, or a `Report`'s view): one per document of a compilation."""
        self._add([
            _report_row(doc, file, blank_as_zero=self._blank_as_zero, na_as_zero=self._na_as_zero, part=n)
            for n, doc in _documents(data, self._parts)
        ])

    def frame(self, index: Any = None) -> pd.DataFrame:
        return _build(_SCHEMA, self.data, index=index)


def _view(report: Report) -> dict[str, Any]:
    """A report's fields as a dict, without `to_dict`'s deep copy."""
    return {k: getattr(report, k) for k in KEYS}


def wide(
    reports: Iterable[Report | Failure],
    *,
    files: Sequence[str | None] | None = None,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    parts: bool = True,
) -> pd.DataFrame:
    """`read`'s frame from reports already parsed (``file`` from `files`, else ``<NA>``).

    `Failure` rows (``parse_many(errors="collect")``) become error rows.
    """
    from ._api import Failure

    out = WideRows(blank_as_zero=blank_as_zero, na_as_zero=na_as_zero, parts=parts)
    reports = list(reports)
    if files is not None and len(files) != len(reports):
        raise ValueError(f"files has {len(files)} names for {len(reports)} reports")
    for n, report in enumerate(reports):
        file = files[n] if files is not None else None
        if isinstance(report, Failure):
            out.failure(file if file is not None else report.source, report.error, report.message)
        elif isinstance(report, Report):
            out.report(_view(report), file)
        else:
            raise TypeError(f"wide() takes Report or Failure objects, not {type(report).__name__}")
    return out.frame()


# ---------------------------------------------------------------------------
# Per-report frames (the `Report.*_frame()` methods)


def _table_frame(
    report: Report,
    table_key: str,
    rows: Sequence[str],
    col_kinds: Sequence[tuple[str, Kind]],
    *,
    blank_as_zero: bool,
    na_as_zero: bool | None,
    index_name: str,
) -> pd.DataFrame:
    pd = _pandas()
    tables: Mapping[str, Any] = report.tables
    table = tables.get(table_key)
    cells = (table or {}).get("cells") or {}
    rows = [] if table is None else list(rows) + [r for r in cells if r not in rows]
    data: dict[str, list[Any]] = {c: [] for c, _k in col_kinds}
    omitted = omitted_totals(report.issues) if blank_as_zero else frozenset()
    for r in rows:
        row_cells = cells.get(r) or {}
        for c, kind in col_kinds:
            value = cell_value(
                row_cells.get(c), blank_as_zero=blank_as_zero, na_as_zero=na_as_zero,
                omitted=f"{table_key}.{r}.{c}" in omitted,
            )
            data[c].append(_convert(kind, value))
    frame = _build(list(col_kinds), data, index=pd.Index(rows, name=index_name, dtype=_string_dtype(pd)))
    frame.columns.name = "col"
    return frame


def requests_frame(report: Report, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
    """Table 3: rows (template order of the report's format) × the seven applicant columns."""
    table = report.tables.get("requests")
    fmt = table.get("format") if table else None
    return _table_frame(
        report,
        "requests",
        requests_rows(fmt),
        [(c, "int") for c in REQUESTS_COLS],
        blank_as_zero=blank_as_zero,
        na_as_zero=na_as_zero,
        index_name="row",
    )


def review_frame(report: Report, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
    """Table 4: review, litigation_direct, litigation_after_review × upheld … total."""
    return _table_frame(
        report,
        "review_litigation",
        REVIEW_GROUPS,
        [(c, "int") for c in REVIEW_COLS],
        blank_as_zero=blank_as_zero,
        na_as_zero=na_as_zero,
        index_name="group",
    )


def proactive_frame(report: Report, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
    """Table 2: items × the columns of the report's format; cells an item lacks are ``<NA>``."""
    table = report.tables.get("proactive")
    layout = proactive_layout(table.get("format") if table else None)
    cols: list[tuple[str, Kind]] = []
    seen = set()
    for item, item_cols in layout:
        for c in item_cols:
            if c not in seen:
                seen.add(c)
                cols.append((c, "float" if (item, c) in MONEY_CELLS else "int"))
    return _table_frame(
        report,
        "proactive",
        [item for item, _c in layout],
        cols,
        blank_as_zero=blank_as_zero,
        na_as_zero=na_as_zero,
        index_name="item",
    )


_FACT_SPEC: tuple[tuple[str, Kind], ...] = (
    ("key", "str"),
    ("label", "str"),
    ("value", "float"),
    ("unit", "str"),
    ("approx", "bool"),
    ("negated", "bool"),
    ("section", "str"),
    ("start", "int"),
    ("end", "int"),
    ("sentence", "str"),
)


def facts_frame(report: Report) -> pd.DataFrame:
    """One row per fact; ``start``/``end`` index ``report.text``."""
    data: dict[str, list[Any]] = {name: [] for name, _k in _FACT_SPEC}
    for f in report.facts:
        span = f.get("span") or (None, None)
        values = [f.get("key"), f.get("label"), f.get("value"), f.get("unit"), f.get("approx"), f.get("negated"),
                  f.get("section"), span[0], span[1], f.get("sentence")]
        for (name, kind), v in zip(_FACT_SPEC, values):
            data[name].append(_convert(kind, v))
    return _build(_FACT_SPEC, data)


_ISSUE_SPEC: tuple[tuple[str, Kind], ...] = (
    ("code", "str"),
    ("severity", "str"),
    ("message", "str"),
    ("cells", "object"),
    ("expected", "float"),
    ("actual", "float"),
    ("blame", "str"),
)


def issues_frame(report: Report) -> pd.DataFrame:
    """One row per issue; ``cells`` holds the list of cell paths."""
    data: dict[str, list[Any]] = {name: [] for name, _k in _ISSUE_SPEC}
    for i in report.issues:
        values = [i.get("code"), i.get("severity"), i.get("message"), list(i.get("cells") or ()),
                  i.get("expected"), i.get("actual"), i.get("blame")]
        for (name, kind), v in zip(_ISSUE_SPEC, values):
            data[name].append(_convert(kind, v))
    return _build(_ISSUE_SPEC, data)


_SECTION_SPEC: tuple[tuple[str, Kind], ...] = (
    ("key", "str"),
    ("number", "str"),
    ("heading", "str"),
    ("level", "int"),
    ("start", "int"),
    ("end", "int"),
    ("parent", "int"),
)


def sections_frame(report: Report) -> pd.DataFrame:
    """The outline flattened in document order; ``parent`` is the row of the enclosing section."""
    data: dict[str, list[Any]] = {name: [] for name, _k in _SECTION_SPEC}

    def walk(sections: Sequence[Mapping[str, Any]], parent: int | None) -> None:
        for s in sections:
            span = s.get("span") or (None, None)
            row = len(data["key"])
            values = [s.get("key"), s.get("number"), s.get("heading"), s.get("level"), span[0], span[1], parent]
            for (name, kind), v in zip(_SECTION_SPEC, values):
                data[name].append(_convert(kind, v))
            walk(s.get("children") or [], row)

    walk(report.sections, None)
    return _build(_SECTION_SPEC, data)


# ---------------------------------------------------------------------------
# Long format


_LONG_SPEC: tuple[tuple[str, Kind], ...] = (
    ("report", "int"),
    ("file", "str"),
    ("part", "int"),
    ("agency", "str"),
    ("year", "int"),
    ("template", "str"),
    ("table", "str"),
    ("format", "str"),
    ("row", "str"),
    ("col", "str"),
    ("value", "float"),
    ("raw", "str"),
    ("state", "str"),
    ("inferred", "bool"),
    ("start", "int"),
    ("end", "int"),
    ("extra", "bool"),
)


class LongRows:
    """The columns of `long` filled one parsed input at a time (`long` of reports or of paths)."""

    def __init__(self, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> None:
        self.data: dict[str, list[Any]] = {name: [] for name, _k in _LONG_SPEC}
        self._options = (blank_as_zero, na_as_zero)

    def report(self, n: int, file: str | None, data: Mapping[str, Any]) -> None:
        """The cells of input `n` (a report dict, or a `Report`'s view), a compilation's per document."""
        for part, doc in _documents(data, True):
            _long_doc(n, file, part, doc, self.data, *self._options)

    def frame(self) -> pd.DataFrame:
        return _build(_LONG_SPEC, self.data)


def _long_doc(n: int, file: str | None, part: int | None, data: Mapping[str, Any], out: dict[str, list[Any]],
              blank_as_zero: bool, na_as_zero: bool | None) -> None:
    tables = data.get("tables") or {}
    head = [n, file, part, data.get("agency"), data.get("year"), data.get("template")]
    omitted = omitted_totals(data.get("issues")) if blank_as_zero else frozenset()

    def add(table: str, fmt: Any, row: str, col: str, cell: Mapping[str, Any], extra: bool) -> None:
        span = cell.get("span") or (None, None)
        value = cell_value(cell, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero,
                           omitted=not extra and f"{table}.{row}.{col}" in omitted)
        values = head + [table, fmt, row, col, value, cell.get("raw"), cell.get("state"), cell.get("inferred"),
                         span[0], span[1], extra]
        for (name, kind), v in zip(_LONG_SPEC, values):
            out[name].append(_convert(kind, v))

    for key in ("proactive", "requests", "review_litigation"):
        table = tables.get(key)
        if not table:
            continue
        fmt = table.get("format")
        for row, cols in (table.get("cells") or {}).items():
            for col, cell in cols.items():
                add(key, fmt, row, col, cell, False)
        for extra in table.get("extra_rows") or ():
            for i, cell in enumerate(extra.get("cells") or ()):
                add(key, fmt, extra.get("label") or "", str(i), cell, True)


def long(
    reports: Any,
    *,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    errors: Literal["raise", "skip", "collect"] = "skip",
    threads: int | None = None,
    chunk_size: int = 64,
) -> pd.DataFrame:
    """One row per table cell: (report, table, row, col) with value, raw, state, inferred, span.

    ``reports``: `Report` objects (``report`` is their position, ``file`` ``<NA>``),
    or paths / a directory / a glob (parsed in chunks like `read`; ``file`` is the
    path). A compilation's cells come per document, numbered in ``part``. Rows a report adds beyond the template (``extra_rows``) come with
    ``extra=True``, their label as ``row`` and the cell's position as ``col``.
    ``value`` is ``Float64`` (counts and money together); ``state`` tells
    blank, na, zero, number and text apart, so ``groupby``/``pivot_table`` can
    choose how to count blanks.
    """
    if isinstance(reports, (str, os.PathLike)) or (
        isinstance(reports, (list, tuple)) and reports and all(isinstance(r, (str, os.PathLike)) for r in reports)
    ):
        from ._read import long_files

        return long_files(
            reports, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero, errors=errors, threads=threads,
            chunk_size=chunk_size,
        )
    from ._api import Failure

    out = LongRows(blank_as_zero=blank_as_zero, na_as_zero=na_as_zero)
    for n, report in enumerate(reports):
        if isinstance(report, Failure):
            continue
        if not isinstance(report, Report):
            raise TypeError(f"long() takes Report objects or paths, not {type(report).__name__}")
        out.report(n, None, _view(report))
    return out.frame()
