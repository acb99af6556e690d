"""Random synthetic reports → HTML renderings → Chromium PDF → pdftotext (no -layout) → gongkai: the wrong-number hunt for browser-printed pages (fuzz_tools makes LibreOffice PDFs only). Prints cells right/total and every wrong cell per rendering. Usage: python bench/fuzz_chromium.py --seed N --count K [--renderings html-word,html-spans,html-padded] [--keep DIR]"""
import argparse, importlib.util, sys, tempfile, json, shutil
from collections import defaultdict
from pathlib import Path
from gongkai import _render, parse
from gongkai.eval import score_cells, scored_gold
ROOT = Path(__file__).resolve().parents[1]
def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path); m = importlib.util.module_from_spec(spec)
    sys.modules[name] = m; spec.loader.exec_module(m); return m
ap = argparse.ArgumentParser()
ap.add_argument("--start", type=int, default=1); ap.add_argument("--count", type=int, default=8)
ap.add_argument("--seed", type=int, default=777); ap.add_argument("--renderings", default="html-word,html-spans")
ap.add_argument("--keep", type=Path)
a = ap.parse_args()
synthetic = _load(ROOT / "tests/data/synthetic/make.py", "synthetic_make")
layouts = _load(ROOT / "tests/data/layouts/make.py", "layouts_make")
synthetic.SEED = a.seed
right = defaultdict(int); total = defaultdict(int); wrong = defaultdict(list)
with tempfile.TemporaryDirectory() as t:
    tmp = Path(t)
    for i in range(a.start, a.start + a.count):
        gold = synthetic.report(i)[0]
        if not _render.renderable(gold): continue
        for r in a.renderings.split(","):
            h = tmp / f"r{i}.{r}.html"; h.write_bytes(_render.render(gold, r))
            pdf = tmp / f"r{i}.{r}.pdf"
            layouts.chromium_pdf(h, pdf, tmp)
            vanish = _render.unscored_when_blanks_vanish(gold, blank_tables=("requests", "review_litigation"))
            unscored = sorted(f"{layouts.TABLE_KEY[tt]}.{rr}.{c}" for tt, rr, c in vanish)
            want = scored_gold({**gold, "unscored": unscored})
            out = tmp / f"r{i}.{r}.txt"; out.write_bytes(layouts.pdftotext(pdf, layout=False))
            try:
                rep = parse(out)
            except Exception as e:
                wrong[r].append(f"r{i}: raised {e}"); continue
            s = score_cells(rep, want, f"r{i}.{r}")
            right[r] += s.right; total[r] += s.total
            wrong[r] += [m for m in s.misses if m.startswith("WRONG")]
            if a.keep:
                a.keep.mkdir(parents=True, exist_ok=True); shutil.copy(out, a.keep / out.name)
                (a.keep / f"r{i}.{r}.gold.json").write_text(json.dumps(want, ensure_ascii=False))
for r in right:
    print(f"seed {a.seed} {r:12s} cells {right[r]}/{total[r]} wrong {len(wrong[r])}")
    for w in wrong[r][:10]: print("  ", w)
