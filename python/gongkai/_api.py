"""parse, extract, parse_many and files: the entry points (docs/api.md)."""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from . import _core
from ._sources import FileList, describe, expand, looks_like_path, to_item, warn_skipped
from .report import Report
from .types import ReportDict, Source

#: A source classified for the core: ("bytes", data, content_type, url), ("str", text, url), ("path", path, url).
Item = tuple[Any, ...]
Format = Literal["html", "text"]

_FORKED = False


def _after_fork_in_child() -> None:
    # A forked child inherits rayon's pool without its threads; parse serially there.
    global _FORKED
    _FORKED = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)

_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """CPython's cyclic collector off while a batch turns its reports into objects.

    A batch builds ~400 container objects a report and keeps them; each collection the
    allocations trigger re-scans every report already returned (27-42 % of
    `parse_many`'s time). Report dicts hold no reference cycles, so nothing is
    left for the collector to find. It is switched back on afterwards (also on an
    error) if it was on; nested and concurrent batches share one pause.

    The batch's objects are long-lived results: on the way out they go straight to the
    oldest generation (`gc.freeze` then `gc.unfreeze`, two list moves) instead of being
    scanned as young objects by the first collection after the pause, a scan of the
    whole batch on one thread while the other cores wait (~50 µs a report). The young
    objects the caller made before the batch are collected as usual on the way in, so
    moving every generation along does not hold back their collection. A process that
    froze objects itself (`gc.freeze` before a fork) keeps them frozen: then the
    batch's objects are scanned as young ones as before.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            if _gc_was_enabled:
                gc.collect(0)
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


def _threads_from_env() -> int | None:
    value = os.environ.get("GONGKAI_NUM_THREADS")
    if not value:
        return None
    try:
        n = int(value)
    except ValueError:
        raise _core.OptionError(f"GONGKAI_NUM_THREADS must be a positive integer, not {value!r}") from None
    if n < 1:
        raise _core.OptionError(f"GONGKAI_NUM_THREADS must be a positive integer, not {value!r}")
    return n


def _call(
    item: Item,
    *,
    url: str | None,
    content_type: str | None,
    encoding: str | None,
    format: str | None,
    t2s: bool,
    max_bytes: int | None,
) -> ReportDict:
    kind = item[0]
    if kind == "bytes":
        return _core.parse_bytes(
            item[1],
            url=item[3] if url is None else url,
            content_type=item[2] if content_type is None else content_type,
            encoding=encoding,
            format=format,
            t2s=t2s,
            max_bytes=max_bytes,
        )
    if kind == "str":
        return _core.parse_str(item[1], url=url if url is not None else item[2], format=format, t2s=t2s, max_bytes=max_bytes)
    return _core.parse_path(item[1], url=url, encoding=encoding, format=format, t2s=t2s, max_bytes=max_bytes)


_NO_SOURCE: Any = object()


def _source_or_text(source: Any, text: str | None) -> Any:
    if text is not None:
        if source is not _NO_SOURCE:
            raise TypeError("pass the document either as source or as text=, not both")
        if not isinstance(text, str):
            raise TypeError(f"text= takes a str, not {type(text).__name__}")
        return _Text(text)
    if source is _NO_SOURCE:
        raise TypeError("parse() needs a document: parse(source) or parse(text=...)")
    return source


class _Text(str):
    """A str that is always the document's text, never a path (``text=``)."""


def _item(source: Any, *, content_type: str | None, url: str | None) -> Item:
    if isinstance(source, _Text):
        return ("str", str(source), url)
    return to_item(source, content_type=content_type, url=url)


def _name_error(exc: BaseException, source: str, index: int | None = None) -> BaseException:
    """`exc` with the input it concerns in its message and as ``source`` / ``index`` attributes."""
    where = source if index is None else f"input {index} ({source})"
    message = str(exc)
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        message = exc.strerror
    elif message.startswith(source + ": "):
        message = message[len(source) + 2 :]
    if isinstance(exc, OSError):
        named: BaseException = type(exc)(exc.errno, f"{where}: {message}", exc.filename)
        if exc.errno is None:
            named = type(exc)(f"{where}: {message}")
    else:
        try:
            named = type(exc)(f"{where}: {message}")
        except TypeError:  # an exception class with another signature: keep it as it is
            named = exc
    named.source = source  # type: ignore[attr-defined]
    named.index = index  # type: ignore[attr-defined]
    return named


@overload
def extract(
    source: Source,
    *,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict: ...
@overload
def extract(
    *,
    text: str,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict: ...
def extract(
    source: Any = _NO_SOURCE,
    *,
    text: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict:
    """Parse one document and return plain data (``parse(...).to_dict()`` without dataclasses).

    ``source``: bytes (a page or file as downloaded), a path, a file object
    (``open(...)``, ``io.BytesIO``, ``io.StringIO``), a requests/httpx/Scrapy
    response, or a ``str``. A ``str`` naming an existing file is read as that file;
    one naming a directory raises `IsADirectoryError`, a URL `ValueError` (fetch
    it and pass the response); one that looks like a path (one line, no markup, a
    path separator or a file extension) and names nothing raises
    `FileNotFoundError`; any other ``str`` is the document's text. ``text=`` passes
    text with no path rule. Pass responses or bytes rather than ``response.text``,
    which is often decoded with the wrong charset.

    ``encoding`` forces a codec (bytes only); ``content_type`` is an HTTP header
    whose charset is a hint; ``format`` skips HTML/text sniffing; ``t2s=False``
    keeps Traditional characters in the output (the tables and facts are read the
    same way either way); ``max_bytes`` (default 64 MiB) refuses larger inputs.
    """
    return _extract(
        source, text=text, url=url, content_type=content_type, encoding=encoding, format=format, t2s=t2s,
        max_bytes=max_bytes,
    )


def _extract(
    source: Any,
    *,
    text: str | None,
    url: str | None,
    content_type: str | None,
    encoding: str | None,
    format: Format | None,
    t2s: bool,
    max_bytes: int | None,
) -> ReportDict:
    source = _source_or_text(source, text)
    item = _item(source, content_type=content_type, url=url)
    try:
        return _call(
            item, url=url, content_type=content_type, encoding=encoding, format=format, t2s=t2s, max_bytes=max_bytes
        )
    except _core.GongkaiError as exc:
        if item[0] != "path":
            raise
        raise _name_error(exc, item[1]) from None


@overload
def parse(
    source: Source,
    *,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> Report: ...
@overload
def parse(
    *,
    text: str,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> Report: ...
def parse(
    source: Any = _NO_SOURCE,
    *,
    text: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> Report:
    """Parse one report page or file into a `Report`. See `extract` for the sources and options.

    Raises `UnsupportedFormatError` (images, archives, binary data),
    `EmptyInputError`, `InputTooLargeError`, `OptionError` (all `GongkaiError`;
    for a file, the message starts with its path and the exception's ``source``
    attribute holds it), `TypeError` for unsupported source types,
    `FileNotFoundError` / `IsADirectoryError` for paths and `ValueError` for a URL.
    """
    return Report.from_dict(
        _extract(
            source,
            text=text,
            url=url,
            content_type=content_type,
            encoding=encoding,
            format=format,
            t2s=t2s,
            max_bytes=max_bytes,
        )
    )


def files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> FileList:
    """The documents ``paths`` stand for, as `parse_many` and the command line read them.

    ``paths``: a file, a directory (searched recursively for files ending in
    ``.html .htm .shtml .xhtml .mht .mhtml .txt .text .md .markdown .pdf .docx .doc .wps``,
    READMEs left out), a glob pattern, or a list of these, in the order given
    (each directory's and pattern's files sorted; `gongkai.read` sorts them
    all). The result is a list of paths; its ``skipped`` attribute lists the
    files under the directories that were left out. A path that names nothing
    raises `FileNotFoundError`.
    """
    return expand(paths)


@dataclass(frozen=True, slots=True)
class Failure:
    """A batch row that did not parse (``parse_many(errors="collect")``): the input's
    ``index`` and ``source``, the ``error`` type's name and its ``message``; ``cause`` is the
    exception itself."""

    index: int
    source: str
    error: str
    message: str
    cause: BaseException | None = field(default=None, repr=False, compare=False)

    def exception(self) -> BaseException:
        """The exception this failure stands for, naming its input (``source``, ``index``)."""
        cause = self.cause if self.cause is not None else _core.GongkaiError(self.message)
        return _name_error(cause, self.source, self.index)


_ERRORS = ("raise", "skip", "collect")

#: Batches over more inputs than this draw a progress bar by themselves on a terminal.
AUTO_PROGRESS_FILES = 200


def _progress_line(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rgongkai [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _threads(threads: int | None) -> int | None:
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise _core.OptionError(f"threads must be a positive integer or None, not {threads!r}")
    if threads is None:
        threads = _threads_from_env()
    if _FORKED:
        threads = 1
    return threads


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc)


def iter_parsed(
    sources: Sequence[Any],
    *,
    threads: int | None,
    errors: str,
    progress: bool | None,
    chunk_size: int,
    encoding: str | None,
    format: str | None,
    t2s: bool,
    max_bytes: int | None,
) -> Iterator[tuple[Any, ReportDict | Failure]]:
    """``(source, report dict or Failure)`` per input, parsing `chunk_size` inputs at a time.

    Only one chunk of report dicts is alive at once: callers keep what they need
    of each and drop the rest, so memory follows the chunk, not the corpus.
    """
    if errors not in _ERRORS:
        raise _core.OptionError(f"errors must be one of {_ERRORS}, not {errors!r}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise _core.OptionError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    threads = _threads(threads)
    total = len(sources)
    if progress is None:
        progress = total > AUTO_PROGRESS_FILES and sys.stderr.isatty()
    if progress:
        _progress_line(0, total)
    for start in range(0, total, chunk_size):
        chunk = sources[start : start + chunk_size]
        items: list[Item] = []
        slots: list[int | BaseException] = []
        for source in chunk:
            try:
                items.append(to_item(source))
                slots.append(len(items) - 1)
            except (TypeError, ValueError, OSError) as exc:
                slots.append(exc)
        results: list[Any] = _core.parse_batch(
            items, threads=threads, encoding=encoding, format=format, t2s=t2s, max_bytes=max_bytes
        )
        for offset, slot in enumerate(slots):
            source = chunk[offset]
            if isinstance(slot, BaseException):
                failure = Failure(start + offset, describe(source), type(slot).__name__, _message(slot), slot)
                if errors == "raise":
                    raise _name_error(slot, failure.source, failure.index) from None
            else:
                ok, payload = results[slot]
                results[slot] = (ok, None)  # let the dict go as soon as the caller is done with it
                if ok:
                    yield source, payload
                    continue
                failure = Failure(start + offset, describe(source), type(payload).__name__, _message(payload), payload)
                if errors == "raise":
                    raise failure.exception() from None
            if errors == "collect":
                yield source, failure
        del results, items
        if progress:
            _progress_line(min(start + chunk_size, total), total)


def _expand_folders(sources: Any) -> list[Any]:
    """`sources` as a list, each directory (and glob pattern) replaced by its documents."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    out: list[Any] = []
    skipped: list[str] = []
    for source in sources:
        if isinstance(source, (str, os.PathLike)) and not isinstance(source, _Text):
            path = os.fspath(source)
            path = path if isinstance(path, str) else os.fsdecode(path)
            if os.path.isdir(path) or (
                isinstance(source, str) and looks_like_path(source) and not os.path.exists(path) and _has_wildcard(path)
            ):
                found = expand(path)
                out.extend(found)
                skipped.extend(found.skipped)
                continue
        out.append(source)
    warn_skipped(FileList((), skipped), "gongkai.parse_many", stacklevel=4)
    return out


def _has_wildcard(path: str) -> bool:
    return any(c in path for c in "*?[")


@overload
def parse_many(
    sources: Iterable[Source],
    *,
    threads: int | None = None,
    errors: Literal["raise", "skip"] = "raise",
    progress: bool = False,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    chunk_size: int = 256,
) -> list[Report]: ...
@overload
def parse_many(
    sources: Iterable[Source],
    *,
    threads: int | None = None,
    errors: Literal["collect"],
    progress: bool = False,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    chunk_size: int = 256,
) -> list[Report | Failure]: ...
def parse_many(
    sources: Iterable[Source],
    *,
    threads: int | None = None,
    errors: Literal["raise", "skip", "collect"] = "raise",
    progress: bool = False,
    encoding: str | None = None,
    format: Format | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    chunk_size: int = 256,
) -> list[Report] | list[Report | Failure]:
    """Parse many documents in parallel with the GIL released; results keep input order.

    ``sources``: anything `parse` takes, in a list. A directory (or a glob
    pattern) among them stands for the documents under it, in the order of
    `gongkai.files`, so ``zip(gongkai.files(folder), gongkai.parse_many([folder]))``
    pairs paths and reports; files there of no document kind are left out with a
    `GongkaiWarning` that counts them by extension.

    ``threads=None`` uses every core (or ``GONGKAI_NUM_THREADS``). ``errors``:
    ``"raise"`` raises the first error, naming its input (message, and the
    exception's ``source`` and ``index`` attributes); ``"skip"`` drops failed
    inputs; ``"collect"`` returns a `Failure` row (index, source, error type and
    message) in their place. ``progress=True`` draws a progress bar on stderr.
    Work runs in chunks, so Ctrl-C interrupts between chunks.
    """
    with gc_paused():
        expanded = _expand_folders(sources)
        return [
            payload if isinstance(payload, Failure) else Report.from_dict(payload)
            for _source, payload in iter_parsed(
                expanded,
                threads=threads,
                errors=errors,
                progress=progress,
                chunk_size=chunk_size,
                encoding=encoding,
                format=format,
                t2s=t2s,
                max_bytes=max_bytes,
            )
        ]
