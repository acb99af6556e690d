"""PDF, DOCX and .doc files as input (issue 12): the committed files of tests/data/layouts, the two
real report PDFs, and the bad files of tests/data/bad.

- Every PDF/DOCX/DOC document with a gold file (tests/data/layouts/pdf-libreoffice, pdf-chromium,
  pdf-reportlab, docx, doc; tests/data/real-pdf) is read with no wrong number, every gold cell
  right and ``source["format"]`` the gold's (``pdf``, ``docx``, ``doc``).
- Every file of tests/data/bad does what its ``expect.json`` says: raise the named `gongkai` error,
  or be read (``read``: and match the gold beside it when there is one), or either
  (``read-or-<Error>``); never another exception.

Written before the readers exist: these tests fail until gongkai reads PDF and Word files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA

import gongkai
from gongkai import parse
from gongkai.eval import documents, score_cells, scored_gold

LAYOUTS = DATA / "layouts"
BAD = DATA / "bad"
FILE_FOLDERS = (
    LAYOUTS / "pdf-libreoffice",
    LAYOUTS / "pdf-chromium",
    LAYOUTS / "pdf-reportlab",
    LAYOUTS / "docx",
    LAYOUTS / "doc",
    DATA / "real-pdf",
)
EXPECT: dict[str, str] = json.loads((BAD / "expect.json").read_text(encoding="utf-8"))


def _check_file(path: Path, partial: bool = False) -> None:
    """Read `path` and compare with its gold; `partial`: a damaged file, misses allowed."""
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = parse(path)
    label = f"{path.parent.name}/{path.name}"
    score = score_cells(report, scored_gold(gold), label)
    problems = []
    if score.wrong:
        problems.append(f"{score.wrong} wrong numbers")
    if score.right != score.total and not partial:
        problems.append(f"{score.right}/{score.total} cells right")
    if report.source["format"] != gold["format"]:
        problems.append(f"format {report.source['format']!r}, want {gold['format']!r}")
    assert not problems, f"{label}: " + ", ".join(problems) + "\n" + "\n".join(score.misses[:30])


def test_the_files_are_there() -> None:
    counts = {folder.name: len(documents(folder)) for folder in FILE_FOLDERS}
    assert counts["real-pdf"] == 2 and counts["pdf-reportlab"] == 3
    assert all(counts[f] >= 15 for f in ("pdf-libreoffice", "pdf-chromium", "doc")), counts
    assert counts["docx"] >= 18, counts
    assert set(EXPECT) == {p.name for p in BAD.iterdir() if p.suffix in (".pdf", ".docx", ".doc")}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=f"{folder.name}-{p.name}") for folder in FILE_FOLDERS for p in documents(folder)]
)
def test_file(path: Path) -> None:
    _check_file(path)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_bad_file(name: str) -> None:
    path = BAD / name
    expect = EXPECT[name]
    allowed = expect.removeprefix("read-or-") if expect.startswith("read-or-") else None
    error = expect if expect != "read" and allowed is None else allowed
    if error is not None:
        cls = getattr(gongkai, error, None)
        assert isinstance(cls, type) and issubclass(cls, gongkai.GongkaiError), f"gongkai.{error} is not a GongkaiError"
    try:
        report = parse(path)
    except gongkai.GongkaiError as exc:
        assert error is not None and isinstance(exc, cls), f"{name}: {type(exc).__name__}: {exc}; want {expect}"
        return
    assert expect == "read" or allowed is not None, f"{name}: read, want {expect}"
    if path.with_name(path.stem + ".gold.json").exists():
        _check_file(path, partial=expect != "read")
    else:
        assert report.source["format"] in ("pdf", "docx", "doc")
