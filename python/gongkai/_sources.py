"""Turn the inputs `parse` accepts into items for the Rust core (SPEC §1)."""

from __future__ import annotations

import os
from typing import Any

#: File suffixes `parse` reads as documents.
DOCUMENT_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".text", ".md")

_ACCEPTED = (
    "bytes, bytearray, memoryview, str (text, HTML or a path), os.PathLike, "
    "or a response object with .content/.body and .headers (requests, httpx, Scrapy)"
)


def _header(headers: Any, name: str) -> str | None:
    """Read one header from requests/httpx/Scrapy/dict-like headers, as str."""
    if headers is None:
        return None
    value = None
    for key in (name, name.lower(), name.encode("latin-1"), name.lower().encode("latin-1")):
        try:
            value = headers.get(key)
        except Exception:  # noqa: BLE001 - exotic header containers
            value = None
        if value is not None:
            break
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value).decode("latin-1")
    return value if isinstance(value, str) else None


def _looks_like_path(text: str) -> bool:
    return len(text) < 4096 and "\n" not in text and "<" not in text


def to_item(source: Any, *, content_type: str | None = None, url: str | None = None) -> tuple:
    """Classify `source` as ("bytes", data, content_type, url), ("str", text, url) or ("path", path, url).

    Raises TypeError for anything else and FileNotFoundError for a str or path
    that names a document file which does not exist.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(source), content_type, url)
    if isinstance(source, str):
        if _looks_like_path(source):
            if os.path.isfile(source):
                return ("path", source, url)
            if source.lower().endswith(DOCUMENT_SUFFIXES):
                raise FileNotFoundError(f"no such file: {source!r}")
        return ("str", source, url)
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not os.path.exists(path):
            raise FileNotFoundError(f"no such file: {path!r}")
        return ("path", path, url)
    headers = getattr(source, "headers", None)
    body = None
    if headers is not None:
        for attr in ("content", "body"):
            candidate = getattr(source, attr, None)
            if isinstance(candidate, (bytes, bytearray, memoryview)):
                body = bytes(candidate)
                break
    if body is not None:
        ctype = content_type or _header(headers, "Content-Type")
        if url is None:
            resp_url = getattr(source, "url", None)
            url = str(resp_url) if resp_url is not None else None
        return ("bytes", body, ctype, url)
    raise TypeError(f"gongkai cannot parse a {type(source).__name__}; accepted: {_ACCEPTED}")


def describe(source: Any) -> str:
    """A short label for a source in error rows and progress output."""
    if isinstance(source, (str, os.PathLike)):
        text = os.fspath(source)
        text = text if isinstance(text, str) else os.fsdecode(text)
        return text if _looks_like_path(text) else f"<str of {len(text)} characters>"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return f"<{len(source)} bytes>"
    url = getattr(source, "url", None)
    return str(url) if url is not None else f"<{type(source).__name__}>"
