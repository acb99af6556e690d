"""Two builds of the core timed against each other in one process, document by document.

    maturin build --release -o /tmp/old          # in a checkout of the old commit
    unzip -o /tmp/old/gongkai-*.whl 'gongkai/_core*' -d /tmp/old
    maturin develop --release                    # the new build, installed
    python bench/ab.py /tmp/old/gongkai/_core.abi3.so DIR [DIR ...] [--rounds 7] [--per-dir 40]

On a shared machine the speed drifts by 20-30 % between runs minutes apart, which
hides a 10 % change. Here both builds parse the same document one right after the
other (which goes first alternates, and every other round runs backwards), each
side keeps its minimum over the rounds, and the two sides' reports are compared as
JSON, so the script also shows that the change kept every output. Prints per folder
µs a document for each build and the ratio; exits 1 if any report differs.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import sys
import time
from pathlib import Path

from gongkai import _core as new_core

SUFFIXES = (".txt", ".html", ".htm", ".md", ".pdf", ".docx", ".doc")


def load_old(path: Path):  # type: ignore[no-untyped-def]
    # An extension module is found by the last part of its name (PyInit__core).
    loader = importlib.machinery.ExtensionFileLoader("_core", str(path))
    spec = importlib.util.spec_from_file_location("_core", str(path), loader=loader)
    if spec is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def documents(folder: Path, most: int) -> list[bytes]:
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    step = max(1, len(paths) // most) if most else 1
    return [p.read_bytes() for p in paths[::step][:most or None]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path, help="the old build's _core extension module")
    parser.add_argument("dirs", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--per-dir", type=int, default=40, help="documents per folder, spread over it (0: all)")
    args = parser.parse_args()
    old_core = load_old(args.old)
    sides = {"old": old_core.parse_bytes, "new": new_core.parse_bytes}
    differ = 0
    print(f"{'folder':40s} {'docs':>5s} {'old µs':>9s} {'new µs':>9s} {'new/old':>8s}")
    for folder in args.dirs:
        docs = documents(folder, args.per_dir)
        best = {name: [float("inf")] * len(docs) for name in sides}
        for i, data in enumerate(docs):
            if json.dumps(old_core.parse_bytes(data), sort_keys=True) != json.dumps(
                new_core.parse_bytes(data), sort_keys=True
            ):
                differ += 1
                print(f"  report differs: {folder} document {i}", file=sys.stderr)
        for r in range(args.rounds):
            order = list(enumerate(docs)) if r % 2 == 0 else list(reversed(list(enumerate(docs))))
            for i, data in order:
                names = ("old", "new") if (i + r) % 2 == 0 else ("new", "old")
                for name in names:
                    t = time.perf_counter()
                    sides[name](data)
                    best[name][i] = min(best[name][i], time.perf_counter() - t)
        old_us = sum(best["old"]) / len(docs) * 1e6
        new_us = sum(best["new"]) / len(docs) * 1e6
        print(f"{str(folder)[-40:]:40s} {len(docs):5d} {old_us:9.0f} {new_us:9.0f} {new_us / old_us:8.2f}")
    if differ:
        print(f"{differ} reports differ", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
