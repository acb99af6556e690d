"""The command line: demo, show, parse, check (SPEC §7)."""

import json
import subprocess
import sys

import pytest

from conftest import HANG_GUARD, REAL, SEEDS
from gongkai import cli


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongkai", *args], capture_output=True, text=True, timeout=HANG_GUARD)


def test_demo_parses_every_shipped_sample():
    samples = cli.sample_paths()
    assert len(samples) >= 8
    assert any(p.endswith(".html") for p in samples)
    proc = run("demo")
    assert proc.returncode == 0, proc.stderr
    assert f"parsed {len(samples)}/{len(samples)} sample reports" in proc.stdout
    assert "shanghai-bgt-2019.html" in proc.stdout


def test_console_script_is_installed():
    proc = subprocess.run(["gongkai", "--help"], capture_output=True, text=True, timeout=HANG_GUARD)
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
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really text")
    good = SEEDS / "001_f30eff389d3d77a8.txt"
    proc = run("parse", str(good), str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["error"] == "UnsupportedFormatError"
    assert "scan.txt" in proc.stderr


def test_unsupported_output_type_is_refused(tmp_path):
    proc = run("parse", str(SEEDS / "001_f30eff389d3d77a8.txt"), "-o", str(tmp_path / "x.xls"))
    assert proc.returncode == 2
    assert "unsupported output type" in proc.stderr
    assert ".csv" in proc.stderr and ".xlsx" in proc.stderr and ".parquet" in proc.stderr


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


# --- parse -o csv/parquet, progress, check -----------------------------------


def test_parse_writes_csv_with_the_read_columns(tmp_path):
    pd = pytest.importorskip("pandas")
    import gongkai

    out = tmp_path / "out.csv"
    proc = run("parse", str(REAL), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_csv(out)
    expected = gongkai.read(REAL)
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected)
    syq = frame[frame["file"].str.endswith("pingtan-syq-2021.txt")].iloc[0]
    assert syq["requests.new_received.total"] == 70
    assert syq["published"] == "2022-02-08"
    shanghai = frame[frame["file"].str.endswith("shanghai-bgt-2019.html")].iloc[0]
    assert shanghai["requests.new_received.total"] == 859
    assert pd.isna(shanghai["requests.carried_over.legal_services"])


def test_parse_writes_parquet_with_the_read_dtypes(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import gongkai

    out = tmp_path / "out.parquet"
    proc = run("parse", str(REAL), "-o", str(out), "--blank-as-zero")
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_parquet(out)
    expected = gongkai.read(REAL, blank_as_zero=True)
    assert list(frame.columns) == list(expected.columns)
    assert str(frame["requests.new_received.total"].dtype) == "Int64"
    shanghai = frame[frame["file"].str.endswith("shanghai-bgt-2019.html")].iloc[0]
    assert shanghai["requests.carried_over.legal_services"] == 0
    pd.testing.assert_series_equal(
        frame["requests.new_received.total"], expected["requests.new_received.total"], check_names=False
    )


def test_parse_csv_keeps_failed_files_as_error_rows(tmp_path):
    pd = pytest.importorskip("pandas")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really text")
    out = tmp_path / "out.csv"
    proc = run("parse", str(SEEDS / "001_f30eff389d3d77a8.txt"), str(bad), "-o", str(out))
    assert proc.returncode == 1
    assert "scan.txt: UnsupportedFormatError" in proc.stderr
    frame = pd.read_csv(out)
    errors = dict(zip(frame["file"], frame["error"].fillna("")))
    assert errors == {str(SEEDS / "001_f30eff389d3d77a8.txt"): "", str(bad): "UnsupportedFormatError"}


class _Terminal:
    """A stand-in stderr that says it is a terminal."""

    def __init__(self, tty: bool):
        self.tty = tty
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass

    def isatty(self):
        return self.tty


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_progress_bar_is_automatic_on_a_terminal_for_many_files(tmp_path, monkeypatch, suffix):
    pytest.importorskip("pandas")
    monkeypatch.setattr(cli, "AUTO_PROGRESS_FILES", 10)  # the real threshold is 200 files
    n = len([p for p in REAL.iterdir() if p.suffix in (".txt", ".html")])
    for tty, drawn in ((True, True), (False, False)):
        err = _Terminal(tty)
        monkeypatch.setattr(sys, "stderr", err)
        assert cli.main(["parse", str(REAL), "-o", str(tmp_path / f"out{suffix}")]) == 0
        assert (f"{n}/{n}" in err.text) is drawn
    err = _Terminal(False)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["parse", str(REAL), "-o", str(tmp_path / f"out{suffix}"), "--progress"]) == 0
    assert f"gongkai [{'#' * 30}] {n}/{n}" in err.text


def test_check_prints_issues_and_exits_0_without_errors():
    proc = run("check", str(REAL / "pingtan-syq-2021.txt"), str(REAL / "pingtan-czj-2021.txt"))
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if "TABLE_UNREADABLE" in line]
    assert len(lines) == 1
    assert "pingtan-syq-2021.txt: warning TABLE_UNREADABLE" in lines[0]
    assert "[proactive.normative_documents.issued" in lines[0]
    assert " error " not in proc.stdout


def test_check_exits_1_on_an_error(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really text")
    proc = run("check", str(REAL / "pingtan-czj-2021.txt"), str(bad))
    assert proc.returncode == 1
    assert "scan.txt: UnsupportedFormatError" in proc.stdout


def test_check_exits_1_on_an_error_issue(monkeypatch, capsys):
    import gongkai

    real_parse_many = cli.parse_many

    def with_error(paths, **kw):
        reports = real_parse_many(paths, **kw)
        issue = {"code": "T3_BALANCE", "severity": "error", "message": "total: 70 + 0 ≠ 69 + 2",
                 "cells": ["requests.carried_forward.total"], "expected": 71, "actual": 70, "blame": "source"}
        return [r if isinstance(r, gongkai.Failure) else __import__("dataclasses").replace(r, issues=[issue])
                for r in reports]

    monkeypatch.setattr(cli, "parse_many", with_error)
    assert cli.main(["check", str(REAL / "pingtan-syq-2021.txt")]) == 1
    out = capsys.readouterr().out
    assert "error T3_BALANCE: total: 70 + 0 ≠ 69 + 2 [requests.carried_forward.total]" in out


# --- outputs for people, --version, --encoding ----------------------------------


def test_csv_has_a_byte_order_mark_for_excel_unless_told_not_to(tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out.csv"
    proc = run("parse", str(REAL / "pingtan-syq-2021.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffile,kind,")
    assert pd.read_csv(out)["agency"].tolist() == ["平潭综合实验区"]
    assert data[3:].decode("utf-8").count("平潭综合实验区") >= 1
    proc = run("parse", str(REAL / "pingtan-syq-2021.txt"), "-o", str(out), "--no-bom")
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"file,kind,")


def test_the_cli_says_what_it_wrote(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.4 not really text")
    for name in ("out.csv", "out.jsonl"):
        out = tmp_path / name
        proc = run("parse", str(REAL / "pingtan-syq-2021.txt"), str(SEEDS / "001_f30eff389d3d77a8.txt"), str(bad),
                   "-o", str(out))
        assert proc.returncode == 1
        assert proc.stderr.splitlines()[-1] == f"gongkai parse: wrote 3 rows (1 error) to {out}"
    proc = run("parse", str(REAL / "pingtan-syq-2021.txt"), "-o", str(tmp_path / "one.csv"))
    assert proc.stderr.splitlines() == [f"gongkai parse: wrote 1 row (0 errors) to {tmp_path / 'one.csv'}"]


def test_xlsx_output_through_openpyxl(tmp_path):
    pd = pytest.importorskip("pandas")
    import gongkai

    out = tmp_path / "out.xlsx"
    proc = run("parse", str(REAL / "pingtan-syq-2021.txt"), str(REAL / "shanghai-bgt-2019.html"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    frame = pd.read_excel(out, sheet_name="gongkai")
    assert list(frame.columns) == [name for name, _kind in gongkai.frames.columns()]
    assert frame["requests.new_received.total"].tolist() == [70, 859]
    assert frame["agency"].tolist() == ["平潭综合实验区", "上海市人民政府办公厅"]


def test_xlsx_without_openpyxl_names_the_extra(tmp_path):
    code = (
        "import sys; sys.modules['openpyxl'] = None\n"
        "from gongkai import cli\n"
        f"sys.exit(cli.main(['parse', {str(REAL / 'pingtan-syq-2021.txt')!r}, '-o', {str(tmp_path / 'x.xlsx')!r}]))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "gongkai parse: ImportError: writing .xlsx needs openpyxl, which is not installed: pip install 'gongkai[excel]'"
    )
    assert not (tmp_path / "x.xlsx").exists()


def test_version():
    import gongkai

    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"gongkai {gongkai.__version__}"


def test_encoding_acts_on_the_utf16_hint(tmp_path):
    text = (REAL / "pingtan-syq-2021.txt").read_text(encoding="utf-8")
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16-le"))
    proc = run("check", str(path))
    assert proc.returncode == 1
    assert 'pass encoding="utf-16le"' in proc.stdout
    proc = run("check", "--encoding", "utf-16le", str(path))
    assert proc.returncode == 0, proc.stdout
    proc = run("show", "--encoding", "utf-16le", str(path))
    assert proc.returncode == 0 and "平潭综合实验区2021年度政府信息公开工作年度报告" in proc.stdout
    out = tmp_path / "out.jsonl"
    proc = run("parse", "--encoding", "utf-16le", str(path), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["encoding"] == "UTF-16LE"
