"""The README's and the docs' Python snippets run as written from a clone, and pass
`mypy --strict`: a user's script exercising the README."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import HANG_GUARD

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def snippets(page: Path) -> str:
    """The page's ```python blocks, in order, as one script."""
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    return "\n".join(blocks)


def script(tmp_path: Path, page: Path) -> Path:
    code = snippets(page)
    assert code.strip(), f"{page.name} has no python block"
    path = tmp_path / f"{page.stem.lower()}_snippets.py"
    path.write_text(code, encoding="utf-8")
    return path


@pytest.mark.parametrize("page", [p for p in PAGES if "```python" in p.read_text(encoding="utf-8")], ids=lambda p: p.name)
def test_snippets_run_as_written_from_the_repository_root(tmp_path, page):
    proc = subprocess.run([sys.executable, str(script(tmp_path, page))], cwd=ROOT, capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_a_script_using_the_readme_passes_mypy_strict(tmp_path):
    path = script(tmp_path, ROOT / "README.md")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_types_reach_the_checker(tmp_path):
    """What the checker infers for the README's calls (reveal_type), so `Any` cannot slip in."""
    path = tmp_path / "reveal.py"
    path.write_text(
        "import io\n"
        "import gongkai\n"
        "from gongkai.types import CellDict\n"
        "r = gongkai.parse('x.html')\n"
        "reveal_type(r)\n"
        "reveal_type(gongkai.parse(text='...'))\n"
        "reveal_type(gongkai.parse(io.BytesIO(b'...')))\n"
        "reveal_type(gongkai.parse_many(['a.html']))\n"
        "reveal_type(gongkai.parse_many(['a.html'], errors='collect'))\n"
        "reveal_type(gongkai.read('reports/'))\n"
        "reveal_type(r.facts[0]['value'])\n"
        "reveal_type(r.issues[0]['severity'])\n"
        "t = r.tables['requests']\n"
        "assert t is not None\n"
        "c: CellDict = t['cells']['granted']['total']\n"
        "reveal_type(c['state'])\n"
        "reveal_type(gongkai.extract(b'...')['tables'])\n"
        "gongkai.parse(42)\n",
        encoding="utf-8",
    )
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=HANG_GUARD)
    out = proc.stdout
    revealed = re.findall(r'Revealed type is "([^"]+)"', out)
    assert revealed[:9] == [
        "gongkai.report.Report",
        "gongkai.report.Report",
        "gongkai.report.Report",
        "list[gongkai.report.Report]",
        "list[gongkai.report.Report | gongkai._api.Failure]",
        "pandas.core.frame.DataFrame",
        "int | float",
        "Literal['error'] | Literal['warning'] | Literal['info']",
        "Literal['number'] | Literal['zero'] | Literal['blank'] | Literal['na'] | Literal['text']",
    ], out
    assert len(revealed) == 10 and revealed[9].startswith("TypedDict(gongkai._core.TablesDict, "), out
    assert 'No overload variant of "parse" matches argument type "int"' in out
