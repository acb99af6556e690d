"""parse, extract and parse_many (SPEC §7)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from . import _core
from ._sources import describe, to_item
from .report import Report

_FORKED = False


def _after_fork_in_child() -> None:
    # A forked child inherits rayon's pool without its threads; parse serially there.
    global _FORKED
    _FORKED = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


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


def _call(item: tuple, *, url, content_type, encoding, format, t2s, max_bytes) -> dict[str, Any]:
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


def extract(
    source: Any,
    *,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Literal["html", "text"] | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> dict[str, Any]:
    """Parse one document and return plain data (``parse(...).to_dict()`` without dataclasses).

    ``source``: bytes, str (text, HTML or a file path), a path, or a requests/httpx/Scrapy
    response. ``encoding`` forces a codec (bytes only); ``content_type`` is an HTTP header
    whose charset is a hint; ``format`` skips HTML/text sniffing; ``t2s=False`` keeps
    Traditional characters; ``max_bytes`` (default 64 MiB) refuses larger inputs.
    """
    item = to_item(source, content_type=content_type, url=url)
    return _call(
        item, url=url, content_type=content_type, encoding=encoding, format=format, t2s=t2s, max_bytes=max_bytes
    )


def parse(
    source: Any,
    *,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: Literal["html", "text"] | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> Report:
    """Parse one report page or file into a `Report`. See `extract` for the options.

    Raises `UnsupportedFormatError` (PDF, images, archives, binary data),
    `EmptyInputError`, `InputTooLargeError`, `OptionError` (all `GongkaiError`),
    `TypeError` for unsupported source types and `FileNotFoundError` for missing files.
    """
    return Report.from_dict(
        extract(
            source,
            url=url,
            content_type=content_type,
            encoding=encoding,
            format=format,
            t2s=t2s,
            max_bytes=max_bytes,
        )
    )


@dataclass(frozen=True, slots=True)
class Failure:
    """A batch row that did not parse (``parse_many(errors="collect")``)."""

    index: int
    source: str
    error: str
    message: str

    def exception(self) -> BaseException:
        """The exception this failure stands for."""
        import builtins

        cls = getattr(_core, self.error, None) or getattr(builtins, self.error, None) or _core.GongkaiError
        return cls(self.message)


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
) -> Iterator[tuple[Any, dict[str, Any] | Failure]]:
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
        items: list[tuple] = []
        slots: list[int | BaseException] = []
        for source in chunk:
            try:
                items.append(to_item(source))
                slots.append(len(items) - 1)
            except (TypeError, OSError) as exc:
                slots.append(exc)
        results = _core.parse_batch(
            items, threads=threads, encoding=encoding, format=format, t2s=t2s, max_bytes=max_bytes
        )
        for offset, slot in enumerate(slots):
            source = chunk[offset]
            if isinstance(slot, BaseException):
                failure = Failure(start + offset, describe(source), type(slot).__name__, str(slot))
                if errors == "raise":
                    raise slot
            else:
                ok, payload = results[slot]
                results[slot] = (ok, None)  # let the dict go as soon as the caller is done with it
                if ok:
                    yield source, payload
                    continue
                failure = Failure(start + offset, describe(source), payload[0], payload[1])
                if errors == "raise":
                    raise failure.exception()
            if errors == "collect":
                yield source, failure
        del results, items
        if progress:
            _progress_line(min(start + chunk_size, total), total)


def parse_many(
    sources: Iterable[Any],
    *,
    threads: int | None = None,
    errors: Literal["raise", "skip", "collect"] = "raise",
    progress: bool = False,
    encoding: str | None = None,
    format: Literal["html", "text"] | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
    chunk_size: int = 256,
) -> list[Report | Failure]:
    """Parse many documents in parallel with the GIL released; results keep input order.

    ``threads=None`` uses every core (or ``GONGKAI_NUM_THREADS``). ``errors``:
    ``"raise"`` raises the first error, ``"skip"`` drops failed inputs,
    ``"collect"`` returns a `Failure` row (error type and message) in their place.
    ``progress=True`` draws a progress bar on stderr. Work runs in chunks, so
    Ctrl-C interrupts between chunks.
    """
    return [
        Report.from_dict(payload) if isinstance(payload, dict) else payload
        for _source, payload in iter_parsed(
            list(sources),
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
