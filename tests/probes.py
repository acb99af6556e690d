"""Scoring a probe folder (tests/data/<folder>, each input with its gold beside it) for the
probe tests of stops 53 and 54."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gongkai import parse
from gongkai.eval import documents, score_cells, scored_gold

from conftest import gold_beside


def cells(folder: Path) -> tuple[int, int, Counter[str]]:
    """Cells right and scored over the folder, and the wrong cells of each file."""
    right = total = 0
    wrong: Counter[str] = Counter()
    for path in documents(folder):
        score = score_cells(parse(path), scored_gold(gold_beside(path)), path.name)
        right += score.right
        total += score.total
        wrong[path.name] += score.wrong
    return right, total, wrong


def facts(folder: Path) -> tuple[int, int]:
    """Gold facts read and gold facts in all, asserting that no fact read contradicts its gold."""
    right = total = 0
    for path in documents(folder):
        gold = gold_beside(path)
        first: dict[str, float] = {}
        for fact in parse(path).facts:
            key = fact["key"]
            if key in gold["facts"]:
                assert fact["value"] == pytest.approx(gold["facts"][key]), (path.name, key, fact["sentence"])
                first.setdefault(key, fact["value"])
        total += len(gold["facts"])
        right += len(first)
    return right, total
