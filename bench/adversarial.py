"""Times the adversarial inputs of the test suite against their time bounds.

The tests (tests/test_bounds.py, tests/test_batch.py, tests/core/inputs.rs, tests/core/prose/perf.rs,
tests/core/tables/render.rs) check what these inputs give and bound their memory, never
their time: a busy machine or a debug build would fail a wall-clock assertion. The
times live here, for a release build (`maturin develop --release`):

    python bench/adversarial.py            # every case
    python bench/adversarial.py digit      # cases whose name contains "digit"

Each case runs in a fresh interpreter and is timed around the parse alone. The
bound is what the tests used to assert (8x or more what a release build took on a
busy 2-core machine). Exit status 1 when a case is over its bound.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "data" / "real" / "pingtan-czj-2019.txt"
SHANGHAI = ROOT / "tests" / "data" / "real" / "shanghai-bgt-2019.html"

#: name -> (bound in seconds, setup code defining INPUTS: a list of parse arguments)
CASES: dict[str, tuple[float, str]] = {
    "50 MB of text": (
        60,
        f"""
        one = open({str(REPORT)!r}, "rb").read()
        INPUTS = [(one * (50_000_000 // len(one) + 1))[:50_000_000]]
        """,
    ),
    "50 MB HTML page": (
        60,
        f"""
        body = b"<div>" + open({str(SHANGHAI)!r}, "rb").read() + b"</div>"
        head = '<html><head><meta charset="utf-8"><title>年报</title></head><body>'.encode()
        INPUTS = [head + body * (50_000_000 // len(body)) + b"</body></html>"]
        """,
    ),
    "a million lines of every kind": (
        90,
        """
        kinds = ["{i}、标题第{i}项", "（一）予以公开 {i} 0 0 0 0 0 {i}", "本年度主动公开政府信息{i}条，同比增长{i}%。",
                 "发布日期：2020-01-{d:02d}", "- {i} -", "| 0 | {i} | | 1 |"]
        INPUTS = ["\\n".join(kinds[i % 6].format(i=i, d=1 + i % 28) for i in range(1_000_000)).encode()]
        """,
    ),
    "200,000 pages each opening with a running header": (
        60,
        """
        INPUTS = ["政府信息公开工作年度报告\n本年度主动公开政府信息12条\n\x0c" * 200_000]
        """,
    ),
    "a million short prose lines (tests/core/prose/perf.rs)": (
        60,
        """
        INPUTS = ["一、总体情况\\n我局未收到申请。主动公开政府信息12条\\n" * 100_000]
        """,
    ),
    "a long flattened line (tests/core/prose/perf.rs)": (
        60,
        """
        INPUTS = ["一、总体情况 " + "“三个一”，主动公开政府信息12条、收到申请3件" * 40_000]
        """,
    ),
    "a compilation of 20,000 parts (tests/core/inputs.rs)": (
        60,
        """
        INPUTS = ["".join(f"第{i % 99 + 1}篇 某局2019年度报告\\n一、总体情况\\n本年度主动公开政府信息{i}条。\\n" for i in range(20_000))]
        """,
    ),
    "10,000 headings": (
        20,
        """
        cn = "一二三四五六七八九十"
        styles = ["{c}、总体情况{i}", "（{c}）主动公开{i}", "{n}. 依申请公开{i}", "（{n}）政府信息{i}", "第{c}章 其他{i}"]
        lines = []
        for i in range(10_000):
            lines.append(styles[i % 5].format(c=cn[i % 10], n=1 + i % 99, i=i))
            lines.append(f"本年度主动公开政府信息{i}条。")
        INPUTS = ["\\n".join(lines).encode()]
        """,
    ),
    "digit runs of 100,000 characters (each page)": (
        5,
        f"""
        import re
        text = open({str(REPORT)!r}, encoding="utf-8").read()
        run = "1" * 100_000
        INPUTS = [
            re.sub(r"[0-9]{{6,}}", run, text),
            "| （一）予以公开 | " + run + " | 0 | 0 |",
            "本年度主动公开政府信息" + run + "条，同比增长" + run + "%。",
            "<table><tr><td>（一）予以公开</td><td>" + run + "</td><td>" + run + "</td></tr></table>",
            "\\n".join("（一）予以公开 " + "7" * 1000 for _ in range(1000)),
        ]
        """,
    ),
    "digit runs in every table row (tests/core/tables/render.rs)": (
        5,
        """
        INPUTS = []
        for n in [100_000, 300, 60]:
            run = "7" * n
            INPUTS.append(f"三、收到和处理政府信息公开申请情况\\n一、本年新收政府信息公开申请数量 {run}\\n二、上年结转政府信息公开申请数量 {run}\\n（一）予以公开 {run}\\n（二）部分公开 {run}\\n（七）总计 {run}\\n四、结转下年度继续办理 {run}\\n四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 尚未审结 {run}")
        """,
    ),
    "nested and unclosed tables": (
        20,
        """
        INPUTS = [
            "<html><body>" + "<table><tr><td>" * 20_000 + "一、总体情况",
            "<table><tr><td>（一）予以公开 1" * 5_000 + "</td></tr></table>" * 5_000,
            "<table>" + "<tr><td>（一）予以公开<td>1<td>2" * 100_000,
            "<td>" * 50_000 + "<tr>" * 50_000 + "1",
            "<table><tr><td colspan=1000 rowspan=1000>" * 2_000,
        ]
        """,
    ),
    "100,000 nested divs": (
        30,
        """
        INPUTS = ["<html><body>" + "<div>" * 100_000 + "<p>一、总体情况</p>" + "</div>" * 100_000 + "</body></html>"]
        """,
    ),
    "10 million characters, half lone surrogates": (
        40,
        """
        INPUTS = ["一、总体情况\\n" + "数\\ud800" * 2_500_000 + "\\n" + "\\udfff据" * 2_500_000]
        """,
    ),
    "200,000 fact lines": (
        40,
        """
        INPUTS = ["\\n".join(f"第{i}行 本年度主动公开政府信息{i}条。" for i in range(200_000)).encode()]
        """,
    ),
    "20 MB of random bytes (refused)": (
        20,
        """
        import random
        INPUTS = [random.Random(7).randbytes(20 * 1024 * 1024)]
        """,
    ),
    "64 MiB + 1 byte (refused before decoding)": (
        1,
        """
        import gongkai
        INPUTS = [b"a" * (gongkai.DEFAULT_MAX_BYTES + 1)]
        """,
    ),
}

RUNNER = """
import json, time, gongkai
{setup}
times = []
for item in INPUTS:
    t = time.perf_counter()
    try:
        gongkai.parse(item)
    except gongkai.GongkaiError:
        pass
    times.append(time.perf_counter() - t)
print(json.dumps(times))
"""


def run(name: str, bound: float, setup: str) -> bool:
    code = RUNNER.format(setup=textwrap.dedent(setup))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"{name:<55} FAILED\n{proc.stderr[-2000:]}")
        return False
    times = json.loads(proc.stdout.strip().splitlines()[-1])
    worst = max(times)
    ok = worst < bound
    print(f"{name:<55} {worst:8.2f} s  (bound {bound:g} s{', each input' if len(times) > 1 else ''})  {'ok' if ok else 'OVER'}")
    return ok


def main(argv: list[str]) -> int:
    wanted = [name for name in CASES if not argv or any(a.lower() in name.lower() for a in argv)]
    results = [run(name, *CASES[name]) for name in wanted]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
