"""gongkai (公开): Chinese government information disclosure annual reports as data.

>>> import gongkai
>>> report = gongkai.parse("report.html")          # bytes, str, path or HTTP response
>>> report.year, report.agency, report.tables["requests"]
>>> df = gongkai.read("reports/")                   # one row per document (pandas)
"""

from __future__ import annotations

from typing import Any

from . import _core, frames
from ._api import Failure, extract, files, parse, parse_many
from ._compare import compare, compare_records
from ._core import (
    DamagedFileError,
    EmptyInputError,
    EncryptedDocumentError,
    EncryptedPdfError,
    GongkaiError,
    InputTooLargeError,
    OptionError,
    ScannedPdfError,
    UndecodableTextError,
    UnsupportedFormatError,
)
from ._read import read
from ._sources import GongkaiWarning
from .report import Report


def template() -> dict[str, Any]:
    """The three statutory tables as the official forms print them (国办公开办函〔2019〕60号,
    〔2021〕30号): every row, column and item key with its printed Chinese label.

    ``template()["requests"]["rows"]`` lists table 3's rows in template order as
    ``{"key", "label", "formats", "section", "category"}``; ``["requests"]["columns"]``
    its columns; ``["review_litigation"]`` table 4's groups and columns;
    ``["proactive"]["formats"]["2021"|"2019"]`` table 2's blocks (caption, column
    headers, items). A new dict on every call.
    """
    return _core.template()

__version__: str = _core.__version__

#: Inputs larger than this many bytes are refused unless ``max_bytes=`` says otherwise.
DEFAULT_MAX_BYTES: int = _core.DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DamagedFileError",
    "EmptyInputError",
    "EncryptedDocumentError",
    "EncryptedPdfError",
    "Failure",
    "GongkaiError",
    "GongkaiWarning",
    "InputTooLargeError",
    "OptionError",
    "Report",
    "ScannedPdfError",
    "UndecodableTextError",
    "UnsupportedFormatError",
    "__version__",
    "compare",
    "compare_records",
    "extract",
    "files",
    "frames",
    "parse",
    "parse_many",
    "read",
    "template",
]


def __getattr__(name: str) -> Any:
    # `gongkai.dask` (dask is an optional extra) is imported on first use.
    if name == "dask":
        import importlib

        return importlib.import_module(".dask", __name__)
    raise AttributeError(f"module 'gongkai' has no attribute {name!r}")
