"""gongkai against a pure-Python pipeline on a corpus of 10,000 documents (issue 6).

    pip install -r bench/requirements.txt      # the Python pipeline's libraries
    python bench/bench.py [--docs 10000] [--python-docs 300] [--corpus DIR] [--no-read-memory]

Builds the corpus in a temporary folder (bench/corpus.py: the samples in UTF-8
and GB18030, Simplified and Traditional, as text, as HTML fragments with
tables, and as ~50 KB CMS pages), then times, each in a fresh interpreter so
that each has its own peak RSS:

* ``gongkai.parse(path)`` in a loop on one thread, over every document;
* ``gongkai.parse_many`` with ``threads=1`` and with every core;
* bench/pipeline.py (charset-normalizer, BeautifulSoup/lxml, pandas.read_html,
  OpenCC, cn2an, regex) over an evenly spread subset, scaled per document;

and prints documents/s, MB/s, peak RSS, the ratios against the targets, and how
often each side got the year, the agency and table 3's new-request total right
(against the samples' gold files). Finally runs bench/read_memory.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD_DIRS = [ROOT / "tests" / "data" / "real", ROOT / "tests" / "data" / "seeds"]


def _gold() -> dict[str, dict]:
    out = {}
    for d in GOLD_DIRS:
        for p in d.glob("*.gold.json"):
            out[p.name[: -len(".gold.json")]] = json.loads(p.read_text(encoding="utf-8"))
    return out


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class Tally:
    """Right/total for year, agency and table 3's new_received total, against gold."""

    def __init__(self) -> None:
        self.right: Counter = Counter()
        self.total: Counter = Counter()
        self.gold = _gold()

    def add(self, slug: str, year, agency, new_total) -> None:
        g = self.gold[slug]
        checks = {"year": (g.get("year"), year), "agency": (g.get("agency"), agency)}
        t3 = ((g.get("table3") or {}).get("new_received") or {}).get("total")
        if t3 is not None:
            checks["requests.new_received.total"] = (t3, new_total)
        for key, (want, got) in checks.items():
            if want is None:
                continue
            self.total[key] += 1
            self.right[key] += want == got

    def as_dict(self) -> dict:
        return {k: [self.right[k], self.total[k]] for k in self.total}


def _gongkai_new_total(tables: dict):
    cell = (((tables.get("requests") or {}).get("cells") or {}).get("new_received") or {}).get("total")
    return None if cell is None else cell.get("value")


# ---------------------------------------------------------------------------
# Stages (each runs in its own interpreter)


def stage_loop(corpus: Path, manifest: list[dict]) -> dict:
    import gongkai

    tally = Tally()
    seconds: dict[str, float] = defaultdict(float)
    nbytes: Counter = Counter()
    count: Counter = Counter()
    gongkai.parse(corpus / manifest[0]["file"])  # compiles the patterns once, as any long run would
    cpu = time.process_time()
    start = time.perf_counter()
    for m in manifest:
        t = time.perf_counter()
        report = gongkai.parse(corpus / m["file"])
        seconds[m["shape"]] += time.perf_counter() - t
        count[m["shape"]] += 1
        nbytes[m["shape"]] += m["size"]
        tally.add(m["slug"], report.year, report.agency, _gongkai_new_total(report.tables))
    total = time.perf_counter() - start
    return {"seconds": total, "cpu": time.process_time() - cpu, "by_shape": {k: [count[k], nbytes[k], seconds[k]] for k in count},
            "accuracy": tally.as_dict(), "peak_rss": _peak_rss()}


def stage_many(corpus: Path, manifest: list[dict], threads: int | None) -> dict:
    import gongkai

    paths = [corpus / m["file"] for m in manifest]
    gongkai.parse(paths[0])
    chunk = 512
    cpu = time.process_time()
    start = time.perf_counter()
    for i in range(0, len(paths), chunk):
        # Results are dropped chunk by chunk, as a streaming consumer would.
        reports = gongkai.parse_many(paths[i : i + chunk], threads=threads)
        assert len(reports) == len(paths[i : i + chunk])
        del reports
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "peak_rss": _peak_rss()}


def stage_python(corpus: Path, manifest: list[dict]) -> dict:
    sys.path.insert(0, str(HERE))
    import pipeline

    tally = Tally()
    seconds: dict[str, float] = defaultdict(float)
    nbytes: Counter = Counter()
    count: Counter = Counter()
    pipeline.extract(corpus / manifest[0]["file"])
    cpu = time.process_time()
    start = time.perf_counter()
    for m in manifest:
        t = time.perf_counter()
        out = pipeline.extract(corpus / m["file"])
        seconds[m["shape"]] += time.perf_counter() - t
        count[m["shape"]] += 1
        nbytes[m["shape"]] += m["size"]
        tally.add(m["slug"], out["year"], out["agency"], out["new_received_total"])
    total = time.perf_counter() - start
    return {"seconds": total, "cpu": time.process_time() - cpu, "by_shape": {k: [count[k], nbytes[k], seconds[k]] for k in count},
            "accuracy": tally.as_dict(), "peak_rss": _peak_rss()}


def _run_stage(name: str, corpus: Path, subset: str, extra: list[str] | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", name, "--corpus", str(corpus), "--subset", subset]
    proc = subprocess.run(cmd + (extra or []), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"stage {name} failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _fuzzers() -> str:
    try:
        out = subprocess.run(["pgrep", "-fa", "fuzz"], capture_output=True, text=True).stdout
    except OSError:
        return "unknown (no pgrep)"
    own = str(os.getpid())
    lines = [l for l in out.splitlines() if l and not l.startswith(own + " ") and "bench.py" not in l and "pgrep" not in l]
    return "none running" if not lines else f"RUNNING ({len(lines)} processes) - figures taken under load"


def _subset(manifest: list[dict], n: int) -> list[int]:
    n = min(n, len(manifest))
    return sorted({round(i * len(manifest) / n) for i in range(n)} - {len(manifest)})


def _acc(d: dict) -> str:
    return ", ".join(f"{k} {r}/{t}" for k, (r, t) in d.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--python-docs", type=int, default=300, help="documents the Python pipeline parses (default 300)")
    parser.add_argument("--corpus", type=Path, help="reuse (or build into) this folder instead of a temporary one")
    parser.add_argument("--no-read-memory", action="store_true", help="skip bench/read_memory.py")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--subset", default="all", help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.stage:
        manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
        if args.subset != "all":
            manifest = [manifest[int(i)] for i in args.subset.split(",")]
        if args.stage == "loop":
            result = stage_loop(args.corpus, manifest)
        elif args.stage == "many":
            result = stage_many(args.corpus, manifest, args.threads or None)
        else:
            result = stage_python(args.corpus, manifest)
        print(json.dumps(result))
        return 0

    sys.path.insert(0, str(HERE))
    import corpus as corpus_mod
    import gongkai

    tmp = None
    if args.corpus is None:
        tmp = tempfile.TemporaryDirectory(prefix="gongkai-bench-")
        folder = Path(tmp.name)
    else:
        folder = args.corpus
    try:
        manifest_path = folder / "manifest.json"
        if manifest_path.exists() and len(json.loads(manifest_path.read_text(encoding="utf-8"))) == args.docs:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        else:
            t = time.perf_counter()
            manifest = corpus_mod.build(folder, args.docs)
            sys.stderr.write(f"corpus built in {time.perf_counter() - t:.1f} s\n")
        total_bytes = sum(m["size"] for m in manifest)
        shapes = Counter(m["shape"] for m in manifest)
        encs = Counter(m["encoding"] for m in manifest)
        scripts = Counter(m["script"] for m in manifest)
        cores = os.cpu_count() or 1
        print(f"corpus    {len(manifest):,} documents, {total_bytes / 2**20:.1f} MB in {folder}")
        print(f"          shapes {dict(shapes)}; encodings {dict(encs)}; scripts {dict(scripts)}")
        print(f"machine   {_cpu_model()}, nproc {cores}, Python {platform.python_version()}, gongkai {gongkai.__version__}")
        print(f"fuzzers   {_fuzzers()}")

        subset = _subset(manifest, args.python_docs)
        sys.stderr.write("timing gongkai.parse loop ...\n")
        loop = _run_stage("loop", folder, "all")
        sys.stderr.write("timing parse_many threads=1 ...\n")
        many1 = _run_stage("many", folder, "all", ["--threads", "1"])
        sys.stderr.write(f"timing parse_many threads={cores} ...\n")
        many_n = _run_stage("many", folder, "all", ["--threads", str(cores)])
        sys.stderr.write(f"timing the Python pipeline on {len(subset)} documents ...\n")
        py = _run_stage("python", folder, ",".join(map(str, subset)))
        print(f"fuzzers   {_fuzzers()} (after the runs)")

        mb = total_bytes / 1e6
        n = len(manifest)
        sub_bytes = sum(manifest[i]["size"] for i in subset)
        py_rate = len(subset) / py["seconds"]
        rows = [
            ("gongkai.parse loop, 1 thread", n, loop),
            ("gongkai.parse_many, threads=1", n, many1),
            (f"gongkai.parse_many, threads={cores}", n, many_n),
            (f"Python pipeline ({len(subset)} docs, per doc)", len(subset), py),
        ]
        print()
        print(f"{'':40} {'documents/s':>12} {'MB/s':>8} {'peak RSS':>10} {'docs per CPU-s':>15}")
        for name, docs, st in rows:
            size = mb if docs == n else sub_bytes / 1e6
            print(f"{name:40} {docs / st['seconds']:12,.0f} {size / st['seconds']:8.1f} {st['peak_rss'] / 2**20:7.0f} MB"
                  f" {docs / st['cpu']:15,.0f}")
        print()
        print("by shape (1 thread)                       gongkai docs/s   Python docs/s    ratio")
        for shape in sorted(loop["by_shape"]):
            c, b, s = loop["by_shape"][shape]
            pc, pb, ps = py["by_shape"].get(shape, [0, 0, 0.0])
            avg_kb = b / c / 1024
            g_rate = c / s
            p_rate = pc / ps if ps else float("nan")
            print(f"  {shape:8} (avg {avg_kb:5.1f} KB, {c:5} docs)          {g_rate:10,.0f}  {p_rate:14,.1f}  {g_rate / p_rate:7.0f}x")
        print()
        html50k = loop["by_shape"].get("html50k")
        per_core_50k = html50k[0] / html50k[2] if html50k else float("nan")
        ratio = (n / loop["seconds"]) / py_rate
        scaling = many1["seconds"] / many_n["seconds"]
        def verdict(ok: bool) -> str:
            return "met" if ok else "NOT met"
        print(f"target  >= 1,000 docs/s per core on ~50 KB HTML pages: {per_core_50k:,.0f}  ({verdict(per_core_50k >= 1000)})")
        print(f"target  >= 50x the Python pipeline (1 thread each):   {ratio:,.0f}x  ({verdict(ratio >= 50)})")
        print(f"target  parse_many >= 1.8x on {cores} cores vs 1:          {scaling:.2f}x  ({verdict(scaling >= 1.8)})")
        print()
        print(f"right vs gold, gongkai ({n} docs): {_acc(loop['accuracy'])}")
        print(f"right vs gold, Python  ({len(subset)} docs): {_acc(py['accuracy'])}")
    finally:
        if tmp is not None:
            tmp.cleanup()
    if not args.no_read_memory:
        print()
        print("bench/read_memory.py (gongkai.read over a 100 MB folder):")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(HERE / "read_memory.py")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
