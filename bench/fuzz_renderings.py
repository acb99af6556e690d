"""Random reports through every rendering: the wrong-number hunt behind the tables' "0 wrong".

    python bench/fuzz_renderings.py [--start 1] [--count 12] [--seed 777] [--zeros]

Makes ``count`` random synthetic reports (``tests/data/synthetic/make.py`` with ``seed``: random
tables, prose and page furniture, some not adding up), renders each in every page style of
``gongkai._render.RENDERINGS`` and scores the parse against the rendering's gold. Prints the cells
right, the total and the wrong numbers, then the first documents with a wrong number (a wrong
number is a reading that is neither null nor the gold value). Not a test: it is slow and its
documents change with the seed; the suite tests the committed synthetic reports.

``--zeros`` also renders each report with table 3 all 0 (an agency that received no request,
which the readers of tables printed out of order read as zeros) and with a single 1 among the
zeros (which they must not).
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import random
from pathlib import Path

from gongkai import _render, parse
from gongkai.eval import rendering_gold, score_cells

MAKE = Path(__file__).resolve().parent.parent / "tests" / "data" / "synthetic" / "make.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--zeros", action="store_true", help="also table 3 all 0, and all 0 but one 1")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("make", MAKE)
    assert spec and spec.loader
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    make.SEED = args.seed
    right = total = wrong = 0
    bad: list[tuple] = []
    golds = []
    for i in range(args.start, args.start + args.count):
        gold, _ = make.report(i)
        golds.append((i, gold))
        if args.zeros and gold.get("table3"):
            golds += [(i, _zeros(gold, None)), (i, _zeros(gold, random.Random(args.seed * 1000 + i)))]
    for i, gold in golds:
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


def _zeros(gold: dict, rng: random.Random | None) -> dict:
    """`gold` with every table 3 cell 0; with `rng`, one part (and its row's total) 1. Table 3
    cells the report printed blank (`printed_blank`: an omitted total) are printed again."""
    out = copy.deepcopy(gold)
    out["printed_blank"] = [c for c in out.get("printed_blank", []) if not c.startswith("table3.")]
    for row in out["table3"].values():
        for col in row:
            row[col] = 0
    if rng is not None:
        row = out["table3"][rng.choice(sorted(out["table3"]))]
        row[rng.choice(sorted(c for c in row if c != "total"))] = 1
        row["total"] = 1
    return out


if __name__ == "__main__":
    main()
