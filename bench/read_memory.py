"""Peak RSS of ``gongkai.read()`` over a 100 MB folder (target, issue 15: under 3x the folder size).

    python bench/read_memory.py [--mb 100]

Builds the folder from hard links to the real documents in tests/data/real,
then runs ``gongkai.read`` in a fresh interpreter and prints rows, folder size,
peak RSS and the ratio.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def build(folder: Path, megabytes: int) -> tuple[int, int]:
    sources = sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".html"))
    total = n = 0
    for n, src in enumerate(itertools.cycle(sources)):
        if total >= megabytes * 2**20:
            break
        sub = folder / f"{n // 1000:03}"
        sub.mkdir(exist_ok=True)
        os.link(src, sub / f"{n:07}{src.suffix}")
        total += src.stat().st_size
    return n, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=100, help="folder size in MB (default 100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files, size = build(Path(tmp), args.mb)
        code = (
            "import resource, sys, gongkai\n"
            "df = gongkai.read(sys.argv[1])\n"
            "print(len(df), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)\n"
        )
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, tmp], capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - start
    rows, peak = map(int, proc.stdout.split())
    print(f"files            {files}")
    print(f"rows             {rows}")
    print(f"folder size      {size / 2**20:.1f} MB")
    print(f"peak RSS         {peak / 2**20:.1f} MB")
    print(f"ratio            {peak / size:.2f}x (target < 3x)")
    print(f"wall time        {elapsed:.1f} s ({size / 2**20 / elapsed:.1f} MB/s)")
    return 0 if peak < 5 * size else 1


if __name__ == "__main__":
    sys.exit(main())
