"""Random reports through every rendering: the wrong-number hunt behind the tables' "0 wrong".

    python bench/fuzz_renderings.py [--start 1] [--count 12] [--seed 777]

Makes ``count`` random synthetic reports (``tests/data/synthetic/make.py`` with ``seed``: random
tables, prose and page furniture, some not adding up), renders each in every page style of
``gongkai._render.RENDERINGS`` and scores the parse against the rendering's gold. Prints the cells
right, the total and the wrong numbers, then the first documents with a wrong number (a wrong
number is a reading that is neither null nor the gold value). Not a test: it is slow and its
documents change with the seed; the suite tests the committed synthetic reports.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from gongkai import _render, parse
from gongkai.eval import rendering_gold, score_cells

MAKE = Path(__file__).resolve().parent.parent / "tests" / "data" / "synthetic" / "make.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", type=int, default=777)
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("make", MAKE)
    assert spec and spec.loader
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    make.SEED = args.seed
    right = total = wrong = 0
    bad: list[tuple] = []
    for i in range(args.start, args.start + args.count):
        gold, _ = make.report(i)
        for name in _render.RENDERINGS:
            try:
                report = parse(_render.render(gold, name))
            except Exception as e:  # a crash is a finding, listed with the rest
                bad.append((i, name, f"raised {type(e).__name__}: {str(e)[:80]}"))
                continue
            s = score_cells(report, rendering_gold(gold, name), f"{name} {i}")
            right, total, wrong = right + s.right, total + s.total, wrong + s.wrong
            if s.wrong:
                bad.append((i, name, s.wrong, [m for m in s.misses if m.startswith("WRONG")][:3]))
    print(f"seed {args.seed}: cells {right}/{total} wrong {wrong}")
    for b in bad[:40]:
        print(b)


if __name__ == "__main__":
    main()
