"""Types for type checkers: the dicts inside a `Report`, and what `gongkai.parse` accepts.

>>> from gongkai.types import CellDict, IssueDict, Source
>>> def totals(report: gongkai.Report) -> list[CellDict]: ...

The dicts are ``TypedDict``\\ s for a checker (``mypy``, ``pyright``); at run time they
are plain ``dict``, so ``isinstance(x, CellDict)`` works and costs nothing. Their
keys and meaning are listed in docs/reference/report.md.
"""

import os
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

if TYPE_CHECKING:
    from ._core import (
        CellDict,
        CreditCodeDict,
        ExtraRowDict,
        FactDict,
        IssueDict,
        RegionDict,
        ReportDict,
        SectionDict,
        SourceDict,
        TableDict,
        TablesDict,
    )
else:  # at run time the TypedDicts are plain dicts
    CellDict = CreditCodeDict = ExtraRowDict = FactDict = IssueDict = RegionDict = dict
    ReportDict = SectionDict = SourceDict = TableDict = TablesDict = dict

__all__ = [
    "CellDict",
    "CreditCodeDict",
    "ExtraRowDict",
    "FactDict",
    "IssueDict",
    "RegionDict",
    "ReportDict",
    "ResponseLike",
    "ScrapyResponseLike",
    "SectionDict",
    "Source",
    "SourceDict",
    "SupportsRead",
    "TableDict",
    "TablesDict",
]


class SupportsRead(Protocol):
    """A file object: ``open(path, "rb")``, ``io.BytesIO``, ``io.StringIO``, urllib's response."""

    def read(self) -> str | bytes: ...


class ResponseLike(Protocol):
    """A requests or httpx response: the body as ``.content``, the charset in ``.headers``."""

    @property
    def content(self) -> bytes: ...

    @property
    def headers(self) -> Any: ...


class ScrapyResponseLike(Protocol):
    """A Scrapy response: the body as ``.body``."""

    @property
    def body(self) -> bytes: ...

    @property
    def headers(self) -> Any: ...


#: What `gongkai.parse` accepts (docs/inputs.md says how a ``str`` is read).
Source: TypeAlias = (
    bytes | bytearray | memoryview | str | os.PathLike[str] | SupportsRead | ResponseLike | ScrapyResponseLike
)
