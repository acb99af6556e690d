"""The eval's wrong-number count and its per-folder and per-rendering lines (python -m gongkai.eval).

A wrong number is a reading that is not null and differs from the gold (a blank or ``na``
reading counts as 0, so a blank where the gold is not 0 is wrong); a null reading is a miss only.
Checked on a real page (the html-word rendering of the Shanghai gold, zeros of table 3 printed blank,
read 100 % today) against gold values altered on purpose.

`python -m gongkai.eval` also runs from an installed package: the package is copied where
no source tree lies above it, as `pip install .` puts it in site-packages.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, HANG_GUARD, REAL

import gongkai
from gongkai import _render, parse
from gongkai.eval import main, rendering_gold, score_cells, scored_gold


@pytest.fixture(scope="module")
def shanghai() -> tuple[dict, object]:
    gold = json.loads((REAL / "shanghai-bgt-2019.gold.json").read_text(encoding="utf-8"))
    return gold, parse(_render.render(gold, "html-word"))


def test_wrong_numbers_blanks_and_nulls(shanghai: tuple[dict, object]) -> None:
    gold, report = shanghai
    assert score_cells(report, rendering_gold(gold, "html-word"), "x").wrong == 0
    altered = copy.deepcopy(gold)
    altered["table3"]["new_received"]["total"] = 860  # read 859: a wrong number
    altered["table3"]["new_received"]["research"] = 4  # printed blank (read as 0): wrong
    altered["table3"]["other_other"] = {"natural_person": 1}  # a 2021 row a 2019 table lacks: null, a miss
    score = score_cells(report, altered, "x")
    assert score.wrong == 2
    assert score.total - score.right == 3
    assert sum(m.startswith("WRONG ") for m in score.misses) == 2


def test_unscored_cells_are_not_scored() -> None:
    gold = json.loads((DATA / "layouts" / "pdftotext-raw" / "shanghai-bgt-2019.libreoffice.gold.json").read_text("utf-8"))
    assert gold["unscored"] and all(ref.count(".") == 2 for ref in gold["unscored"])
    kept = scored_gold(gold)
    table, row, col = gold["unscored"][0].split(".")
    assert col not in kept[table][row] and col in gold[table][row]


def test_dropped_blanks_leave_ambiguous_cells_unscored() -> None:
    gold = json.loads((REAL / "pingtan-czj-2025.gold.json").read_text(encoding="utf-8"))
    # new_received 2 (natural person) + 2 (total): "2 2" may be any applicant column, or two with
    # a blank total; the rows that print nothing are all blank, hence determined.
    hidden = _render.unscored(gold, "text-pdf-dropped")
    assert ("requests", "new_received", "natural_person") in hidden
    assert ("requests", "carried_over", "natural_person") not in hidden
    assert _render.unscored(gold, "html-spans") == set()


def test_cli_prints_wrong_numbers_per_rendering_and_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--renderings", str(REAL), str(DATA / "synthetic"), "--only", "md-fullgrid", "--only", "html-split"]) == 0
    out = capsys.readouterr().out
    assert "rendering md-fullgrid" in out and "wrong html-split" in out and "wrong all" in out
    assert f"folder {DATA / 'synthetic'}" in out and "format md-fullgrid" in out
    assert main(["--renderings", str(REAL), "--only", "text-pdf-dropped", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    one = payload["renderings"]["text-pdf-dropped"]
    assert one["unscored"] > 0 and one["total"] + one["unscored"] == 1986
    assert {"right", "total", "wrong"} <= set(payload["all"])
    folders = [str(DATA / "layouts" / f) for f in ("pdftotext-raw", "pdf-libreoffice")]
    assert main([*folders, str(DATA / "layouts" / "README.md")]) == 0
    out = capsys.readouterr().out
    assert all(f"folder {f}" in out for f in folders) and "wrong all" in out and "parse failures" in out


# --- from an installed package -----------------------------------------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    site = tmp_path_factory.mktemp("site-packages")
    package = Path(gongkai.__file__).parent
    shutil.copytree(package, site / "gongkai", ignore=shutil.ignore_patterns("__pycache__"))
    assert not any((parent / "src" / "data" / "opencc").exists() for parent in (site / "gongkai").parents)
    return site


def run_installed(site: Path, *args: str) -> subprocess.CompletedProcess:
    code = "import gongkai, sys; assert gongkai.__file__.startswith(sys.argv[1]); from gongkai.eval import main; sys.exit(main(sys.argv[2:]))"
    return subprocess.run([sys.executable, "-c", code, str(site), *args], capture_output=True, text=True,
                          timeout=HANG_GUARD, cwd=site)


def test_renderings_run_from_the_installed_package(installed):
    proc = run_installed(installed, "--renderings", str(REAL), "--only", "html-big5", "--only", "html-spans")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    big5 = next(line for line in lines if line.startswith("rendering html-big5"))
    assert big5.split()[2] == "1986/1986"


def test_without_the_gold_files_it_says_a_clone_is_needed(installed):
    proc = run_installed(installed, "--renderings", "tests/data/real")
    assert proc.returncode == 2
    assert "no such folder: 'tests/data/real'" in proc.stderr and "from a clone" in proc.stderr
    assert "Traceback" not in proc.stderr
