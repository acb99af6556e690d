"""Rules the test suite keeps: no test asserts wall-clock
time (a busy machine or a debug build must not fail it; timings live in bench/),
pytest runs against a development build, and the package is linted and type-checked."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Reading a clock in a test means asserting time, sooner or later.
CLOCKS = re.compile(r"Instant::now|\.elapsed\(\)|SystemTime::now|perf_counter|time\.time\(|time\.monotonic|process_time")


def _test_sources() -> list[Path]:
    rust = sorted((ROOT / "src").rglob("*.rs")) + sorted((ROOT / "tests").glob("*.rs"))
    rust += sorted((ROOT / "tests").glob("*/*.rs"))
    return rust + sorted((ROOT / "tests").glob("*.py"))


def test_no_test_reads_a_clock():
    offenders = []
    for path in _test_sources():
        if path.name == Path(__file__).name:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if CLOCKS.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def _suite_commands() -> list[str]:
    script = (ROOT / "tests" / "run_all.sh").read_text(encoding="utf-8")
    return [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_pytest_runs_against_a_development_build():
    builds = [c for c in _suite_commands() if c.startswith("maturin develop")]
    assert builds and all("--release" not in c and "-r " not in c for c in builds)
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    # The dev profile optimises the crate and the dependencies that do the work, so the tests
    # run at a usable speed.
    assert re.search(r"\[profile\.dev\]\s*\nopt-level\s*=\s*[123]", cargo)
    for hot in ("regex-automata", "html5ever", "encoding_rs"):
        assert re.search(rf"\[profile\.dev\.package\.{hot}\]\s*\nopt-level\s*=\s*[23]", cargo), hot


def test_the_suite_lints_and_type_checks_the_package():
    commands = _suite_commands()
    assert any(c.startswith("python -m ruff check") and "python/gongkai" in c for c in commands)
    assert any(c.startswith("python -m mypy") and "python/gongkai" in c for c in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "tests/run_all.sh" in ci
