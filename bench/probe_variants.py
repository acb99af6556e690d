"""Committed texts with their table labels reworded as real authors retype them: the wrong-number
hunt for wordings the corpus does not hold.

    python bench/probe_variants.py [FOLDER ...] [--only NAME,...]

Each text or Markdown file of each folder (default: a few ``tests/data/layouts`` folders) is read
as it is and once per variant below, each scored against the file's gold (the variants change
words only, never a value). Prints per folder and variant the cells right and the wrong numbers,
then the first documents with a wrong number. Not a test: a variant that loses cells is a lead, a
variant that gives a wrong number is a bug.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path

from gongkai import parse
from gongkai.eval import score_cells, scored_gold

LAYOUTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "layouts"
DEFAULT = ("pdftotext-layout", "txt-pypdf", "md-pymupdf4llm", "md-pandoc-html", "txt-lynx")

#: A sub-row's ordinal `N.` before its label's first Han character.
ORDINAL = re.compile(r"([1-9])\.(?=[\u4e00-\u9fff])")


def replacing(*pairs: tuple[str, str]) -> Callable[[str], str]:
    """Each `a` replaced by `b`, a shorter `b` padded with spaces to `a`'s length: a retyped label
    is shorter, but the values after it stay in their columns (a text laid out by columns,
    pdftotext's `-layout`, would otherwise move a row's values a column left of the rest)."""

    def apply(text: str) -> str:
        for a, b in pairs:
            text = text.replace(a, b + " " * max(0, len(a) - len(b)))
        return text

    return apply


VARIANTS: dict[str, Callable[[str], str]] = {
    "ordinal N、": lambda t: ORDINAL.sub(lambda m: m.group(1) + "、", t),
    "ordinal （N）": lambda t: ORDINAL.sub(lambda m: f"（{m.group(1)}）", t),
    "ordinal (N)": lambda t: ORDINAL.sub(lambda m: f"({m.group(1)})", t),
    "no ordinal": lambda t: ORDINAL.sub("", t),
    "合计 for 总计": replacing(("总计", "合计")),
    "（七）小计": replacing(("（七）总计", "（七）小计")),
    "short row labels": replacing(
        ("本年新收政府信息公开申请数量", "本年新收申请数量"), ("上年结转政府信息公开申请数量", "上年结转申请数量")
    ),
    "no （一） before 予以公开": replacing(("（一）予以公开", "予以公开"), ("（二）部分公开", "部分公开")),
    "a label spaced": replacing(("予以公开", "予 以 公 开"), ("属于国家秘密", "属于国家 秘密")),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--only", default="", help="comma-separated variant names (default: all)")
    args = parser.parse_args()
    folders = args.folders or [LAYOUTS / f for f in DEFAULT]
    only = [v for v in args.only.split(",") if v] or list(VARIANTS)
    bad: list[str] = []
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
        base = 0
        scores = {name: [0, 0] for name in only}
        for path in files:
            gold = scored_gold(json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8")))
            text = path.read_text(encoding="utf-8")
            base += score_cells(parse(path), gold, path.name).right
            for name in only:
                s = score_cells(parse(text=VARIANTS[name](text)), gold, path.name)
                scores[name][0] += s.right
                scores[name][1] += s.wrong
                if s.wrong:
                    bad.append(f"{folder.name}/{path.name} [{name}]: {s.wrong} wrong")
        print(f"{folder.name:22s} as committed {base}")
        for name, (right, wrong) in scores.items():
            print(f"  {name:26s} cells {right:6d}  wrong {wrong}")
    for line in bad[:20]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
