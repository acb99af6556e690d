"""Per-document instruction counts, function by function, from two callgrind runs.

    cargo build --profile profiling --example parse_corpus
    valgrind --tool=callgrind --callgrind-out-file=one.out target/profiling/examples/parse_corpus DIR --repeat 1
    valgrind --tool=callgrind --callgrind-out-file=two.out target/profiling/examples/parse_corpus DIR --repeat 2
    python bench/cg_diff.py one.out two.out DOCS [--top 60] [--match REGEX]

The second run parses every document once more than the first, so the difference is
exactly one pass over the documents: start-up, pattern compilation and other one-time
costs cancel. Prints inclusive instructions per document (thousands) for each function,
largest first (``--match`` keeps the functions whose name matches).
"""

from __future__ import annotations

import argparse
import re
import subprocess

LINE = re.compile(r"^\s*([\d,]+) \([^)]*\)\s+(.*?)(?: \[[^\]]*\])?$")


def inclusive(path: str) -> dict[str, int]:
    out = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", path], capture_output=True, text=True, check=True
    ).stdout
    costs: dict[str, int] = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m and not m.group(2).startswith(("=>", "<", "events", "PROGRAM", "???")):
            name = m.group(2)
            # "file:function": keep the function, the file only when it says where the code came from.
            costs[name] = max(costs.get(name, 0), int(m.group(1).replace(",", "")))
    return costs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("one")
    ap.add_argument("two")
    ap.add_argument("docs", type=int)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--match", default="")
    args = ap.parse_args()
    a, b = inclusive(args.one), inclusive(args.two)
    rx = re.compile(args.match)
    rows = sorted(((b.get(k, 0) - a.get(k, 0), k) for k in b if rx.search(k)), reverse=True)
    seen = set()
    shown = 0
    for cost, name in rows:
        fn = name.split(":", 1)[-1]
        if fn in seen or cost <= 0:
            continue
        seen.add(fn)
        short = re.sub(r"^.*?/(src|library|bench)/", r"\1/", name)
        short = re.sub(r"^/root/\.cargo/registry/src/[^/]*/", "", short)
        print(f"{cost / args.docs / 1000:10,.0f}k  {short[:170]}")
        shown += 1
        if shown >= args.top:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
