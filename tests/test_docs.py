"""The reference documentation in docs/: generated where it can be,
checked against the parser where it is written by hand, and built by mkdocs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai
from conftest import HANG_GUARD, REAL, SEEDS, documents
from gongkai import _reference as ref
from gongkai.report import KEYS

ROOT = Path(__file__).resolve().parent.parent


def test_the_reference_pages_are_generated_and_current():
    proc = subprocess.run([sys.executable, "-m", "gongkai._reference", "--check", str(ROOT / "docs" / "reference")],
                          capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr
    tables = (ROOT / "docs" / "reference" / "tables.md").read_text(encoding="utf-8")
    template = gongkai.template()
    # Every key of the official form, with its label as printed, comes from the core's template.
    for row in template["requests"]["rows"]:
        assert f"| `{row['key']}` | {row['label']} |" in tables
    for block in template["proactive"]["formats"]["2019"]:
        for item in block["items"]:
            assert f"| `{item['key']}` | {item['label']} |" in tables
    columns = (ROOT / "docs" / "reference" / "columns.md").read_text(encoding="utf-8")
    for name, _kind in gongkai.frames.columns():
        assert f"| `{name}` |" in columns
    assert "| `requests.granted.total` | Int64 | （一）予以公开 × 总计 |" in columns


def _codes_in_the_core() -> dict[str, set[str]]:
    """Every issue code the Rust sources can raise, with the severities written beside it."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "src").rglob("*.rs"):
        text = path.read_text(encoding="utf-8")
        array = re.search(r"pub const CODES: \[&str; \d+\] = \[(.*?)\];", text, flags=re.S)
        for code in re.findall(r'"([A-Z][A-Z0-9_]+)"', array.group(1) if array else ""):
            found.setdefault(code, set())
        for code, severity in re.findall(r'issue\(\s*"([A-Z][A-Z0-9_]+)",\s*"(\w+)"', text):
            found.setdefault(code, set()).add(severity)
        for code, severity in re.findall(r'code: "([A-Z][A-Z0-9_]+)",\s*severity: "(\w+)"', text):
            found.setdefault(code, set()).add(severity)
        for code in re.findall(r'code: "([A-Z][A-Z0-9_]+)"', text):
            found.setdefault(code, set())
    return found


def test_every_issue_code_of_the_core_is_documented():
    core = _codes_in_the_core()
    assert len(core) >= 15 and "MOJIBAKE" in core and "TABLE_UNREADABLE" in core
    assert set(core) == set(ref.ISSUE_CODES)
    for code, severities in core.items():
        assert severities <= set(ref.ISSUE_CODES[code].severities), code
    page = (ROOT / "docs" / "reference" / "issues.md").read_text(encoding="utf-8")
    for code in core:
        assert f"| `{code}` |" in page


def test_the_issues_the_parser_raises_match_their_documentation():
    seen = set()
    paths = documents(REAL) + documents(SEEDS)
    for report in gongkai.parse_many(paths):
        for part in (report, *report.parts):
            for issue in part.issues:
                code = ref.ISSUE_CODES[issue["code"]]
                assert issue["severity"] in code.severities and issue["blame"] in code.blames, issue
                seen.add(issue["code"])
    assert {"T3_TOTAL_OMITTED", "TABLE_UNREADABLE", "SECTION_MISSING"} <= seen


@pytest.mark.parametrize("key", list(ref.FACT_EXAMPLES))
def test_every_fact_example_gives_its_fact(key):
    assert key in gongkai._schema.FACT_KEYS
    for example in ref.FACT_EXAMPLES[key]:
        fact = ref.example_fact(example, key)
        assert fact is not None, example
        assert (fact["value"], fact["negated"]) == (example.value, example.negated), example


def test_every_fact_key_has_a_meaning_and_an_example():
    assert list(ref.FACT_EXAMPLES) == list(gongkai._schema.FACT_KEYS) == list(ref.FACT_MEANINGS)


def test_the_report_keys_are_the_documented_ones():
    assert tuple(k for k, _t, _m in ref.REPORT_KEYS) == KEYS
    seed = gongkai.parse(SEEDS / "000_cc707d8ae19cac44.txt")
    shanghai = gongkai.parse(REAL / "shanghai-bgt-2019.html")
    assert seed.credit_code is not None and shanghai.region is not None
    table = shanghai.tables["requests"]
    assert table is not None
    samples = {
        "source": shanghai.source,
        "region": shanghai.region,
        "credit_code": seed.credit_code,
        "sections[]": shanghai.sections[0],
        "tables.<table>": table,
        "cell": table["cells"]["granted"]["total"],
        "facts[]": shanghai.facts[0],
        "issues[]": shanghai.issues[0],
    }
    documented = {name: [k for k, _t, _m in keys] for name, _what, keys in ref.NESTED}
    assert set(documented) == set(samples)
    for name, sample in samples.items():
        assert documented[name] == list(sample), name


def test_no_citation_of_files_that_are_not_in_the_repository():
    # SPEC.md and DOMAIN.md are the project's working notes, not part of the repository.
    # (_render.py, the scoring renderer, is left to its own work.)
    pages = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")]
    sources = [p for p in (ROOT / "python" / "gongkai").glob("*.py*") if p.name != "_render.py"]
    offenders = [str(p.relative_to(ROOT)) for p in pages + sources if re.search(r"(SPEC|DOMAIN) §", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_site_builds_with_mkdocs(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr[-3000:]
    api = (tmp_path / "site" / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    assert "looks like a path" in api  # parse's docstring made it into the API page
