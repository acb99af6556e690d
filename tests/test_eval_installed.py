"""`python -m gongkai.eval` from an installed package (issue 14, point 15): the package is
copied where no source tree lies above it, as `pip install .` puts it in site-packages."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gongkai
from conftest import HANG_GUARD, REAL


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    site = tmp_path_factory.mktemp("site-packages")
    package = Path(gongkai.__file__).parent
    shutil.copytree(package, site / "gongkai", ignore=shutil.ignore_patterns("__pycache__"))
    assert not any((parent / "src" / "data" / "opencc").exists() for parent in (site / "gongkai").parents)
    return site


def run(site: Path, *args: str) -> subprocess.CompletedProcess:
    code = "import gongkai, sys; assert gongkai.__file__.startswith(sys.argv[1]); from gongkai.eval import main; sys.exit(main(sys.argv[2:]))"
    return subprocess.run([sys.executable, "-c", code, str(site), *args], capture_output=True, text=True,
                          timeout=HANG_GUARD, cwd=site)


def test_renderings_run_from_the_installed_package(installed):
    proc = run(installed, "--renderings", str(REAL), "--only", "html-big5", "--only", "html-spans")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    big5 = next(line for line in lines if line.startswith("rendering html-big5"))
    assert big5.split()[2] == "1986/1986"


def test_without_the_gold_files_it_says_a_clone_is_needed(installed):
    proc = run(installed, "--renderings", "tests/data/real")
    assert proc.returncode == 2
    assert "no such folder: 'tests/data/real'" in proc.stderr and "from a clone" in proc.stderr
    assert "Traceback" not in proc.stderr
