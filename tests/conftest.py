import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
REAL = DATA / "real"


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shanghai_bytes() -> bytes:
    return (REAL / "shanghai-bgt-2019.html").read_bytes()


def run_child(code: str, timeout: float) -> dict:
    """Run `code` in a child interpreter; it must print one JSON line; we add its peak RSS (MB)."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import resource, json as _j
        print(_j.dumps({"result": RESULT, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
