"""Type stubs for the compiled core (`gongkai._core`). Results are plain dicts (docs/reference/report.md)."""

from typing import Any, Literal, NotRequired, TypedDict, type_check_only

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DamagedFileError",
    "EmptyInputError",
    "EncryptedDocumentError",
    "EncryptedPdfError",
    "GongkaiError",
    "InputTooLargeError",
    "InternalError",
    "OptionError",
    "ScannedPdfError",
    "UndecodableTextError",
    "UnsupportedFormatError",
    "__version__",
    "default_threads",
    "parse_batch",
    "parse_bytes",
    "parse_path",
    "parse_str",
    "template",
    "ts_characters",
]
__version__: str
DEFAULT_MAX_BYTES: int

class GongkaiError(Exception): ...
class UnsupportedFormatError(GongkaiError): ...
class EmptyInputError(GongkaiError, ValueError): ...
class InputTooLargeError(GongkaiError): ...
class OptionError(GongkaiError, ValueError): ...
class EncryptedDocumentError(GongkaiError): ...
class EncryptedPdfError(EncryptedDocumentError): ...
class ScannedPdfError(GongkaiError): ...
class UndecodableTextError(GongkaiError): ...
class DamagedFileError(GongkaiError): ...
class InternalError(GongkaiError, RuntimeError): ...

@type_check_only
class SourceDict(TypedDict):
    format: Literal["html", "text", "pdf", "docx", "doc"]
    encoding: str
    encoding_from: Literal["bom", "argument", "http", "meta", "detected", "str"]
    undecodable_bytes: int
    script: Literal["simplified", "traditional", "mixed"]
    url: str | None
    pages: NotRequired[int]
    producer: NotRequired[str]

@type_check_only
class RegionDict(TypedDict):
    code: str
    province: str | None
    city: str | None
    county: str | None

@type_check_only
class CreditCodeDict(TypedDict):
    code: str
    valid: bool

@type_check_only
class SectionDict(TypedDict):
    key: str | None
    heading: str
    number: str | None
    level: int
    span: list[int]
    children: list[SectionDict]

@type_check_only
class CellDict(TypedDict):
    value: int | float | None
    raw: str
    state: Literal["number", "zero", "blank", "na", "text"]
    span: list[int]
    inferred: bool
    page: NotRequired[int]
    bbox: NotRequired[list[float]]

@type_check_only
class ExtraRowDict(TypedDict):
    label: str
    cells: list[CellDict]

@type_check_only
class TableDict(TypedDict):
    format: Literal["2021", "2019", "other"]
    cells: dict[str, dict[str, CellDict]]
    extra_rows: list[ExtraRowDict]
    span: list[int]

@type_check_only
class TablesDict(TypedDict):
    proactive: TableDict | None
    requests: TableDict | None
    review_litigation: TableDict | None

@type_check_only
class FactDict(TypedDict):
    key: str | None
    label: str
    value: int | float
    unit: str | None
    approx: bool
    negated: bool
    section: str | None
    span: list[int]
    sentence: str

@type_check_only
class IssueDict(TypedDict):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    cells: list[str]
    expected: int | float | None
    actual: int | float | None
    blame: Literal["source", "parser"]

@type_check_only
class ReportDict(TypedDict):
    schema_version: int
    kind: Literal["annual_report", "self_inspection", "work_summary", "compilation", "other"]
    template: Literal["2021", "2019", "pre2019"] | None
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
    parts: list[ReportDict]
    text: str

def parse_bytes(
    data: bytes | bytearray,
    /,
    *,
    url: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
    format: str | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict: ...
def parse_str(
    text: str,
    /,
    *,
    url: str | None = None,
    format: str | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict: ...
def parse_path(
    path: str,
    /,
    *,
    url: str | None = None,
    encoding: str | None = None,
    format: str | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> ReportDict: ...
def parse_batch(
    items: list[tuple[Any, ...]],
    /,
    *,
    threads: int | None = None,
    encoding: str | None = None,
    format: str | None = None,
    t2s: bool = True,
    max_bytes: int | None = None,
) -> list[tuple[Literal[True], ReportDict] | tuple[Literal[False], Exception]]: ...
def default_threads() -> int: ...
def template() -> dict[str, Any]: ...
def ts_characters() -> str: ...
