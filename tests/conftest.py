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


def gold_beside(path: Path) -> dict:
    """The gold file beside a generated document (`x.tool.md` → `x.tool.gold.json`)."""
    return json.loads(path.with_name(path.name[: -len(path.suffix)] + ".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shanghai_bytes() -> bytes:
    return (REAL / "shanghai-bgt-2019.html").read_bytes()


#: How long a child process may run before it counts as hung. Not a speed bound: tests
#: assert work and memory, never time (timings live in bench/); this only keeps a hang
#: from blocking the suite, so it is far above anything a slow or busy build needs.
HANG_GUARD = 900


def run_child(code: str, timeout: float = HANG_GUARD) -> dict:
    """Run `code` in a child interpreter; it must print one JSON line; we add its own peak RSS (MB)."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import resource, json as _j
        def _peak_mb():
            # VmHWM is this process's own peak. On Linux ru_maxrss also keeps the RSS the
            # parent (pytest) had when it forked, carried across exec.
            try:
                with open("/proc/self/status") as _f:
                    for _line in _f:
                        if _line.startswith("VmHWM:"):
                            return int(_line.split()[1]) / 1024
            except OSError:
                pass
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(_j.dumps({"result": RESULT, "peak_mb": _peak_mb()}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
