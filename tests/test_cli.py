"""The command line: demo, show, parse, check (SPEC §7)."""

import json
import subprocess
import sys

import pytest

from conftest import REAL, SEEDS
from gongkai import cli


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongkai", *args], capture_output=True, text=True, timeout=120)


def test_demo_parses_every_shipped_sample():
    samples = cli.sample_paths()
    assert len(samples) >= 8
    assert any(p.endswith(".html") for p in samples)
    proc = run("demo")
    assert proc.returncode == 0, proc.stderr
    assert f"parsed {len(samples)}/{len(samples)} sample reports" in proc.stdout
    assert "shanghai-bgt-2019.html" in proc.stdout


def test_console_script_is_installed():
    proc = subprocess.run(["gongkai", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert "demo" in proc.stdout


def test_show_prints_the_metadata():
    proc = run("show", str(SEEDS / "000_cc707d8ae19cac44.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "11330702731527164G/2014-32225" in proc.stdout
    assert "2014-08-13" in proc.stdout


def test_parse_writes_jsonl_for_a_directory(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("parse", str(REAL), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len([p for p in REAL.iterdir() if p.suffix in (".txt", ".html")])
    shanghai = next(r for r in rows if r["file"].endswith("shanghai-bgt-2019.html"))
    assert shanghai["published"] == "2020-01-31"


def test_parse_reports_bad_files_and_exits_1(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.4 not really text")
    good = SEEDS / "001_f30eff389d3d77a8.txt"
    proc = run("parse", str(good), str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["error"] == "UnsupportedFormatError"
    assert "scan.txt" in proc.stderr


def test_unsupported_output_type_is_refused(tmp_path):
    proc = run("parse", str(SEEDS / "001_f30eff389d3d77a8.txt"), "-o", str(tmp_path / "x.xlsx"))
    assert proc.returncode == 2
    assert "unsupported output type" in proc.stderr


def test_missing_path_is_a_clean_error():
    proc = run("show", "no/such/file.html")
    assert proc.returncode == 2
    assert "FileNotFoundError" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("sample", ["seed-002_2f212ad4ee3ae2a4.txt", "shanghai-bgt-2019.html"])
def test_show_runs_on_samples(sample):
    path = next(p for p in cli.sample_paths() if p.endswith(sample))
    proc = run("show", path)
    assert proc.returncode == 0, proc.stderr
    assert "source" in proc.stdout
