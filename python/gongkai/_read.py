"""Reading files into frames: `gongkai.read`, `frames.long` given paths, and the file lists
of `gongkai.dask.read` and `gongkai.compare`.

Paths are expanded by `_sources`, parsed by `_api` in chunks, and each result converted
by `frames` as it arrives (only the row values are kept), so `frames` itself never reads
a file and the report types never import the frames.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import _api
from ._sources import FileList, expand, warn_skipped
from .frames import LongRows, WideRows, _pandas

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["expand_files", "long_files", "read"]


def expand_files(paths: Any, caller: str = "gongkai.read", stacklevel: int = 4) -> FileList:
    """The files of ``paths`` (see `gongkai.files`) sorted, warning about the ones a folder scan skipped."""
    files = expand(paths)
    warn_skipped(files, caller, stacklevel=stacklevel)
    return FileList(sorted(files), files.skipped)


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    errors: Literal["raise", "skip", "collect"] = "collect",
    threads: int | None = None,
    progress: bool | None = None,
    chunk_size: int = 64,
    encoding: str | None = None,
    format: Literal["html", "text"] | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    parts: bool = True,
    index_start: int = 0,
) -> pd.DataFrame:
    """One row per document: metadata, every table cell, the canonical facts, issue counts.

    ``paths``: a file, a directory (searched recursively for documents: ``.html
    .htm .shtml .xhtml .mht .mhtml .txt .text .md .markdown .pdf .docx .doc .wps``), a glob
    pattern, or a list of these; rows follow the sorted paths. Every ``str`` here
    is a path: one that names nothing gives a ``FileNotFoundError`` row (or
    raises, with ``errors="raise"``). Files under a directory of no document kind
    are left out with a `GongkaiWarning` counting them by extension, and listed in
    ``frame.attrs["skipped"]``. Columns (see
    `columns()`): ``file``, ``kind``, ``template``, ``year``, ``agency``,
    ``admin_level``, ``region_code``, ``province``, ``city``, ``county``,
    ``published``, ``written``, ``index_number``, ``title``, ``part``, then
    ``requests.<row>.<col>``, ``review_litigation.<group>.<col>``,
    ``proactive.<item>.<col>`` (2019 and 2021 keys both, so mixed corpora keep
    the same columns), ``facts.<key>`` (the first fact with each canonical key),
    ``n_errors``, ``n_warnings``, and ``error``/``message`` (set on the rows of
    files that did not parse when ``errors="collect"``; ``"skip"`` drops them,
    ``"raise"`` raises).

    A compilation (several documents in one file, ``kind="compilation"``) gives
    one row per document it holds, numbered in ``part`` from 1 (``<NA>`` for an
    ordinary file); ``parts=False`` keeps one row per file instead.

    Files are parsed ``chunk_size`` at a time in parallel (``threads`` as in
    `parse_many`) and only the row values are kept, so memory stays near the
    size of the result, not of the documents. ``progress=None`` draws a progress
    bar on a terminal for more than 200 files. ``index_start`` numbers the rows
    from there (`gongkai.dask.read` uses it to keep the global numbering).
    """
    files = expand_files(paths)
    out = WideRows(blank_as_zero=blank_as_zero, na_as_zero=na_as_zero, parts=parts)
    with _api.gc_paused():
        for path, result in _api.iter_parsed(
            [Path(f) for f in files],  # every str here is a path, never a document's text
            threads=threads,
            errors=errors,
            progress=progress,
            chunk_size=chunk_size,
            encoding=encoding,
            format=format,
            t2s=t2s,
            max_bytes=max_bytes,
        ):
            file = os.fspath(path)
            if isinstance(result, _api.Failure):
                out.failure(file, result.error, result.message)
            else:
                out.report(result, file)
            del result
    pd = _pandas()
    n = len(out.data["file"])
    frame = out.frame(index=pd.RangeIndex(index_start, index_start + n))
    frame.attrs["skipped"] = list(files.skipped)
    return frame


def long_files(
    paths: Any,
    *,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    errors: Literal["raise", "skip", "collect"] = "skip",
    threads: int | None = None,
    chunk_size: int = 64,
) -> pd.DataFrame:
    """`frames.long` of files: parsed in chunks like `read`; ``report`` numbers the files, ``file`` is the path."""
    files = expand_files(paths, "gongkai.frames.long", stacklevel=5)
    out = LongRows(blank_as_zero=blank_as_zero, na_as_zero=na_as_zero)
    parsed = _api.iter_parsed([Path(f) for f in files], threads=threads, errors=errors, progress=False,
                              chunk_size=chunk_size, encoding=None, format=None, t2s=True, max_bytes=None)
    with _api.gc_paused():
        for n, (path, result) in enumerate(parsed):
            if not isinstance(result, _api.Failure):
                out.report(n, os.fspath(path), result)
    return out.frame()
