"""Turn what `parse` accepts into items for the Rust core, and folders into file lists.

How a ``str`` is read (docs/inputs.md):

- one that names an existing file is read as that file;
- one that names a directory raises `IsADirectoryError` (use `gongkai.read` or
  `gongkai.files` for a folder);
- a URL (``http://…``, ``https://…``) raises `ValueError`: gongkai does not
  download; fetch the page and pass the response (or its bytes);
- one that looks like a path — one line, no markup, with a path separator or a
  file extension — and names nothing raises `FileNotFoundError`;
- anything else is the document's text (or HTML).

``gongkai.parse(text=...)`` and ``io.StringIO`` pass text with no path rule at all.
"""

from __future__ import annotations

import errno
import glob
import io
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: File suffixes a folder scan picks up. PDF, Word and WPS files are handed to the
#: core like any other file: it reads them, or says why not (an error row, never a skip).
DOCUMENT_SUFFIXES = (
    ".html",
    ".htm",
    ".shtml",
    ".xhtml",
    ".mht",
    ".mhtml",
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".pdf",
    ".docx",
    ".doc",
    ".wps",
)

_ACCEPTED = (
    "bytes, bytearray, memoryview, str (text, HTML or a path), os.PathLike, a file object "
    "(io.StringIO, io.BytesIO, open(...)), or a response object with .content/.body and .headers "
    "(requests, httpx, Scrapy)"
)

_URL = re.compile(r"^(?:https?|ftp)://\S+$", re.IGNORECASE)
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}$")
_GLOB = re.compile(r"[*?\[]")


class GongkaiWarning(UserWarning):
    """Something a caller should know that is not an error: files a folder scan skipped."""


def _header(headers: Any, name: str) -> str | None:
    """Read one header from requests/httpx/Scrapy/dict-like headers, as str."""
    if headers is None:
        return None
    value = None
    for key in (name, name.lower(), name.encode("latin-1"), name.lower().encode("latin-1")):
        try:
            value = headers.get(key)
        except Exception:
            value = None
        if value is not None:
            break
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("latin-1")
    return value if isinstance(value, str) else None


def _one_line(text: str) -> bool:
    # (A NUL cannot be in a path, so a str holding one is text.)
    return len(text) < 4096 and not any(c in text for c in "\n\r<>\x00")


def is_url(text: str) -> bool:
    """Whether a str is a URL (which gongkai does not fetch)."""
    return len(text) < 4096 and bool(_URL.match(text.strip()))


#: Longer than this, a one-line str is no path (PATH_MAX on Linux is 4096 bytes).
_MAX_PATH = 4096


def looks_like_path(text: str) -> bool:
    """Whether a str that names no file is a mistyped path rather than a document's text.

    One line, no markup (``< > | "`` or a tab), and a path separator or a file
    extension at its end. Not a line longer than any path (`_MAX_PATH`), nor one holding a
    sentence's full-width punctuation (``，。；``): a report's text flattened to one line
    (``… 本年增/减 …``) is text.
    """
    stripped = text.strip()
    if not stripped or not _one_line(text) or any(c in text for c in '|"\t'):
        return False
    if len(stripped) > _MAX_PATH or any(c in stripped for c in "，。；"):
        return False
    return "/" in stripped or "\\" in stripped or bool(_EXTENSION.search(stripped))


def url_error(url: str) -> ValueError:
    return ValueError(
        f"gongkai does not download: {url!r} is a URL. Fetch the page first and pass the response "
        "or its bytes, which keeps the charset the server sent: "
        "gongkai.parse(requests.get(url)) or gongkai.parse(resp.content, url=url, "
        "content_type=resp.headers.get('Content-Type')). Not resp.text: it is often decoded with the "
        "wrong charset."
    )


def directory_error(path: str) -> IsADirectoryError:
    return IsADirectoryError(
        errno.EISDIR,
        "is a directory, not a document: gongkai.read(folder) gives one row per document, "
        "gongkai.parse_many(gongkai.files(folder)) one Report per document",
        path,
    )


def missing_error(path: str, *, as_text_hint: bool = True) -> FileNotFoundError:
    hint = " (if this str is the document's text, pass gongkai.parse(text=...) or io.StringIO(...))"
    return FileNotFoundError(errno.ENOENT, "no such file" + (hint if as_text_hint else ""), path)


def _path_item(path: str, url: str | None) -> tuple[Any, ...]:
    if os.path.isdir(path):
        raise directory_error(path)
    if not os.path.exists(path):
        raise missing_error(path, as_text_hint=False)
    return ("path", path, url)


def to_item(source: Any, *, content_type: str | None = None, url: str | None = None) -> tuple[Any, ...]:
    """Classify `source` as ("bytes", data, content_type, url), ("str", text, url) or ("path", path, url).

    Raises TypeError for anything else, `FileNotFoundError` for a path (or a str that
    looks like one) naming nothing, `IsADirectoryError` for a directory and
    `ValueError` for a URL.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(source), content_type, url)
    if isinstance(source, str):
        if _one_line(source):
            if is_url(source):
                raise url_error(source.strip())
            path = os.path.expanduser(source)
            if os.path.isdir(path):
                raise directory_error(source)
            if os.path.exists(path):
                return ("path", path, url)
            if looks_like_path(source):
                raise missing_error(source)
        return ("str", source, url)
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return _path_item(path, url)
    headers = getattr(source, "headers", None)
    body = None
    if headers is not None:
        for attr in ("content", "body"):
            candidate = getattr(source, attr, None)
            if isinstance(candidate, (bytes, bytearray, memoryview)):
                body = bytes(candidate)
                break
    read = getattr(source, "read", None)
    if body is None and callable(read):
        # A file object (io.StringIO, io.BytesIO, open(...)) or urllib's response.
        data = read()
        if isinstance(data, str):
            return ("str", data, url)
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"{type(source).__name__}.read() gave a {type(data).__name__}, not str or bytes")
        body = bytes(data)
    if body is not None:
        ctype = content_type or _header(headers, "Content-Type")
        if url is None:
            resp_url = getattr(source, "url", None)
            url = str(resp_url) if resp_url is not None else None
        return ("bytes", body, ctype, url)
    raise TypeError(f"gongkai cannot parse a {type(source).__name__}; accepted: {_ACCEPTED}")


def describe(source: Any) -> str:
    """A short label for a source in error rows, exceptions and progress output."""
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        text = text if isinstance(text, str) else os.fsdecode(text)
        return text if _one_line(text) else f"<str of {len(text)} characters>"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return f"<{len(source)} bytes>"
    if isinstance(source, io.IOBase) or callable(getattr(source, "read", None)):
        name = getattr(source, "name", None)
        return str(name) if isinstance(name, str) else f"<{type(source).__name__}>"
    url = getattr(source, "url", None)
    return str(url) if url is not None else f"<{type(source).__name__}>"


# ---------------------------------------------------------------------------
# Folders and globs


class FileList(list[str]):
    """The documents a folder scan found, in sorted order; ``skipped`` lists the other files."""

    skipped: list[str]

    def __init__(self, files: Iterable[str] = (), skipped: Iterable[str] = ()) -> None:
        super().__init__(files)
        self.skipped = list(skipped)

    def skipped_summary(self) -> str:
        """``"3 files that are not documents: 2 .json, 1 README"`` (empty when none)."""
        if not self.skipped:
            return ""
        kinds = Counter(_kind(p) for p in self.skipped)
        parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        noun = "file that is" if len(self.skipped) == 1 else "files that are"
        return f"{len(self.skipped)} {noun} not documents: {parts}"


def _kind(path: str) -> str:
    name = os.path.basename(path)
    if _is_readme(name):
        return "README"
    suffix = Path(name).suffix.lower()
    return suffix if suffix else "(no extension)"


def _is_readme(name: str) -> bool:
    # A folder's README is about the folder, not a report.
    return name.upper().startswith("README")


def is_document_file(path: Path) -> bool:
    """Whether a folder scan reads this file."""
    return path.suffix.lower() in DOCUMENT_SUFFIXES and not _is_readme(path.name)


def expand(paths: Any, *, missing: str = "keep") -> FileList:
    """Files named, documents under directories (recursively) and glob matches: in the order
    given, each directory's and each pattern's files sorted.

    A named file is kept whatever its suffix (the core says what it is); a directory
    gives the files with a document suffix (`DOCUMENT_SUFFIXES`), the others going
    to ``skipped``. A path that names nothing is kept (``missing="keep"``: parsing it
    gives `FileNotFoundError`, an error row in a batch) or raises `FileNotFoundError`
    (``missing="raise"``). A glob pattern that matches nothing gives nothing, with a
    `GongkaiWarning`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    skipped: list[str] = []
    for p in paths:
        arg = os.fspath(p)
        arg = arg if isinstance(arg, str) else os.fsdecode(arg)
        if os.path.isdir(arg):
            for f in sorted(Path(arg).rglob("*")):
                if not f.is_file():
                    continue
                (out if is_document_file(f) else skipped).append(str(f))
        elif os.path.exists(arg):
            out.append(arg)
        elif _GLOB.search(arg):
            matched = sorted(m for m in glob.glob(arg, recursive=True) if os.path.isfile(m))
            if not matched:
                warnings.warn(f"no file matches {arg!r}", GongkaiWarning, stacklevel=3)
            out.extend(matched)
        elif missing == "raise":
            raise FileNotFoundError(errno.ENOENT, "no such file or directory", arg)
        else:
            out.append(arg)
    return FileList(out, skipped)


def warn_skipped(files: FileList, caller: str, stacklevel: int = 3) -> None:
    if files.skipped:
        warnings.warn(
            f"{caller}: skipped {files.skipped_summary()} (the list is in .skipped: "
            f"gongkai.files(...).skipped, or read(...).attrs['skipped'])",
            GongkaiWarning,
            stacklevel=stacklevel,
        )
