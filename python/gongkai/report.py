"""The `Report` dataclass built from the core's dicts (docs/reference/report.md)."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, cast

from .types import CreditCodeDict, FactDict, IssueDict, RegionDict, ReportDict, SectionDict, SourceDict, TablesDict

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: The top-level keys of `Report.to_dict()`, in order (docs/reference/report.md).
KEYS = (
    "schema_version",
    "kind",
    "template",
    "title",
    "year",
    "agency",
    "admin_level",
    "region",
    "published",
    "written",
    "index_number",
    "credit_code",
    "source",
    "sections",
    "tables",
    "facts",
    "issues",
    "parts",
    "text",
)


@dataclass(frozen=True, slots=True)
class Report:
    """One parsed document. Nested readings are plain dicts and lists (typed in
    `gongkai.types`; every key in docs/reference/report.md).

    Every ``span`` is ``[start, end]`` in characters of ``text``, so
    ``report.text[start:end]`` is the evidence for a reading.
    """

    schema_version: int
    kind: str
    template: str | None
    title: str | None
    year: int | None
    agency: str | None
    admin_level: str | None
    region: RegionDict | None
    published: str | None
    written: str | None
    index_number: str | None
    credit_code: CreditCodeDict | None
    source: SourceDict
    sections: list[SectionDict]
    tables: TablesDict
    facts: list[FactDict]
    issues: list[IssueDict]
    parts: tuple[Report, ...]
    text: str = field(repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Build a Report from `to_dict()` output (or the core's dict)."""
        if cls is Report and type(data) is dict and data.keys() >= _KEY_SET:
            # The core's dict: the slots set straight from it, without the keyword
            # dict and the frozen dataclass's __init__ (a third of this call's time).
            report = _new(Report)
            for key, put in _SLOT_SETTERS:
                put(report, data[key])
            parts = data["parts"]
            _PARTS_SETTER(report, tuple(p if isinstance(p, Report) else Report.from_dict(p) for p in parts) if parts else ())
            return report
        missing = [k for k in KEYS if k not in data]
        if missing:
            raise ValueError(f"not a gongkai report dict: missing keys {missing}")
        values = {k: data[k] for k in KEYS}
        values["parts"] = tuple(p if isinstance(p, Report) else cls.from_dict(p) for p in data["parts"])
        return cls(**values)

    def to_dict(self) -> ReportDict:
        """Plain JSON-ready data with exactly the report's top-level keys (a deep copy)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "parts":
                out["parts"] = [p.to_dict() for p in value]
            else:
                out[f.name] = copy.deepcopy(value)
        return cast("ReportDict", out)

    def to_json(self, *, indent: int | None = None, ensure_ascii: bool = False) -> str:
        """The report as JSON (Chinese kept readable unless ``ensure_ascii``)."""
        return json.dumps(self.to_dict(), ensure_ascii=ensure_ascii, indent=indent)

    def evidence(self, span: list[int] | tuple[int, int]) -> str:
        """The text a span points at."""
        return self.text[span[0] : span[1]]

    # DataFrames (pandas is imported on first use: ``pip install 'gongkai[pandas]'``)

    def requests_frame(self, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
        """Table 3 as a DataFrame: rows in template order × the seven applicant columns (``Int64``).

        Blank cells are ``<NA>`` unless ``blank_as_zero``; ``na`` cells (``/``, ``—``)
        likewise unless ``na_as_zero`` (default: ``blank_as_zero``). A total the report
        left out while its parts are not all zero stays ``<NA>``. No table: no rows.
        """
        from .frames import requests_frame

        return requests_frame(self, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero)

    def review_frame(self, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
        """Table 4 as a DataFrame: review / litigation_direct / litigation_after_review × upheld … total."""
        from .frames import review_frame

        return review_frame(self, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero)

    def proactive_frame(self, *, blank_as_zero: bool = False, na_as_zero: bool | None = None) -> pd.DataFrame:
        """Table 2 as a DataFrame: items × the columns of the report's format (money as ``Float64``)."""
        from .frames import proactive_frame

        return proactive_frame(self, blank_as_zero=blank_as_zero, na_as_zero=na_as_zero)

    def facts_frame(self) -> pd.DataFrame:
        """The prose facts, one row each (key, label, value, unit, approx, negated, section, start, end, sentence)."""
        from .frames import facts_frame

        return facts_frame(self)

    def issues_frame(self) -> pd.DataFrame:
        """The issues, one row each (code, severity, message, cells, expected, actual, blame)."""
        from .frames import issues_frame

        return issues_frame(self)

    def sections_frame(self) -> pd.DataFrame:
        """The outline flattened in document order (key, number, heading, level, start, end, parent)."""
        from .frames import sections_frame

        return sections_frame(self)

    def _repr_html_(self) -> str:
        """Jupyter's view: header, tables 2–4 in the official layout, failing cells marked, issues."""
        from .display import report_html

        return report_html(self)

    def __repr__(self) -> str:
        return (
            f"Report(kind={self.kind!r}, template={self.template!r}, year={self.year!r}, "
            f"agency={self.agency!r}, title={self.title!r}, sections={len(self.sections)}, "
            f"facts={len(self.facts)}, issues={len(self.issues)})"
        )


_KEY_SET = frozenset(KEYS)
_new = object.__new__
#: Each field's slot setter but ``parts`` (made a tuple of Reports), in `KEYS` order.
_SLOT_SETTERS = tuple((k, getattr(Report, k).__set__) for k in KEYS if k != "parts")
_PARTS_SETTER = next(getattr(Report, k).__set__ for k in KEYS if k == "parts")
