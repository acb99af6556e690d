"""`gongkai.dask.read`: the frame of `gongkai.read` as a dask DataFrame (the ``gongkai[dask]`` extra).

The sorted file list is cut into partitions of ``files_per_partition`` files;
each partition is one `gongkai.read` call on a worker, so the documents are
read where the work runs and only the rows travel. The meta is
`gongkai.frames.empty()`, the same columns and dtypes as `gongkai.read`, and
each partition numbers its rows from the position of its first file, so
``gongkai.dask.read(p).compute()`` equals ``gongkai.read(p)`` when every file
gives one row (no compilation split into parts, no failed file skipped); the
divisions are declared with ``parts=False``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from . import _read, frames

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd

__all__ = ["read"]


def _dask_dataframe() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise ImportError(
            "gongkai.dask needs dask, which is not installed: pip install 'gongkai[dask]'"
        ) from exc
    return dd


def _read_partition(part: tuple[int, list[str]], options: dict[str, Any]) -> Any:
    start, paths = part
    return _read.read(paths, index_start=start, **options)


def read(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    files_per_partition: int = 256,
    npartitions: int | None = None,
    blank_as_zero: bool = False,
    na_as_zero: bool | None = None,
    errors: Literal["raise", "skip", "collect"] = "collect",
    threads: int | None = 1,
    encoding: str | None = None,
    format: Literal["html", "text"] | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    parts: bool = True,
) -> dd.DataFrame:
    """A lazy dask DataFrame with the columns of `gongkai.read`, one partition per batch of files.

    ``paths`` as in `gongkai.read` (expanded and sorted here, on the client).
    ``npartitions`` overrides ``files_per_partition``. ``threads`` is the parse
    threads per partition: 1 by default, since dask already runs partitions in
    parallel. The other options are `gongkai.read`'s.
    """
    dask_dataframe = _dask_dataframe()
    files = _read.expand_files(paths, "gongkai.dask.read")
    if npartitions is not None:
        if not isinstance(npartitions, int) or npartitions < 1:
            raise ValueError(f"npartitions must be a positive integer, not {npartitions!r}")
        size = max(1, -(-len(files) // npartitions))
    else:
        if not isinstance(files_per_partition, int) or files_per_partition < 1:
            raise ValueError(f"files_per_partition must be a positive integer, not {files_per_partition!r}")
        size = files_per_partition
    batches = [(start, files[start : start + size]) for start in range(0, len(files), size)] or [(0, [])]
    options = {
        "blank_as_zero": blank_as_zero,
        "na_as_zero": na_as_zero,
        "errors": errors,
        "threads": threads,
        "progress": False,
        "encoding": encoding,
        "format": format,
        "t2s": t2s,
        "max_bytes": max_bytes,
        "parts": parts,
    }
    # A partition numbers its rows from its first file's position, so with one row per file
    # (no compilation split into parts, no failed file skipped) the divisions are known.
    divisions = None
    if files and errors != "skip" and not parts:
        divisions = tuple(start for start, _p in batches) + (len(files) - 1,)
    frame: dd.DataFrame = dask_dataframe.from_map(
        _read_partition,
        batches,
        options=options,
        meta=frames.empty(),
        divisions=divisions,
        label="gongkai-read",
        enforce_metadata=False,
    )
    return frame
