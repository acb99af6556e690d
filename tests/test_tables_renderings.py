"""Every gold file of tests/data/real rendered the ways real pages print it (gongkai._render),
read back, and scored cell by cell (``python -m gongkai.eval --renderings``).

Each rendering should read 100% of the renderable gold cells. These are the ten renderings
of `_render.CLASSIC`; the other layouts are tested in tests/test_tables_layouts.py. Where the parser falls
short today, SHORTFALL pins the exact count of cells read right, with the reason, so a
parser fix shows up as a failing test here (raise the count, or delete the entry).
"""

from __future__ import annotations

import json

import pytest

from gongkai import _render, parse
from gongkai.eval import evaluate_renderings, gold_files, main

from conftest import REAL

#: Cells read right, for the renderings the parser does not read fully yet (of TOTAL each).
SHORTFALL: dict[str, int] = {
    # Every rendering reads every cell. Pin a count here (with the reason) only for a
    # rendering added before the parser reads it fully.
}
TOTAL = 1986


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate_renderings([REAL], list(_render.CLASSIC))


def test_every_gold_file_with_tables_is_rendered(result: dict) -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in gold_files([REAL])]
    assert result["documents"] == sum(_render.renderable(g) for g in golds) == 10
    # Gold nulls (unreadable in the source) are printed blank and not scored.
    assert result["skipped_null"] == 8


@pytest.mark.parametrize("name", list(_render.CLASSIC))
def test_rendering_reads_every_cell(result: dict, name: str) -> None:
    score = result["renderings"][name]
    assert score.total == TOTAL
    want = SHORTFALL.get(name, TOTAL)
    assert score.right == want, f"{name}: {score.right}/{score.total} right, pinned {want}; misses:\n" + "\n".join(
        score.misses[:40]
    )


def test_renderings_come_from_gold_values_not_from_a_reading() -> None:
    gold = json.loads((REAL / "shanghai-bgt-2019.gold.json").read_text(encoding="utf-8"))
    page = _render.render(gold, "html-spans").decode("utf-8")
    # 251000元 as printed in the gold (over 2 grid columns, as the 2019 form prints it), the 2019 blocks.
    assert '<td colspan="2">251000元</td>' in page and "第二十条第（九）项" in page and "（六）其他处理" in page
    assert "某某局2019年政府信息公开工作年度报告" in page
    for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in page


def test_gold_null_is_blank_and_not_scored() -> None:
    gold = json.loads((REAL / "pingtan-syq-2025.gold.json").read_text(encoding="utf-8"))
    assert gold["table2"]["normative_documents"]["issued"] is None
    text = _render.render(gold, "text-pdf").decode("utf-8")
    assert "\n行政规范性文件\n" in text  # the row's three nulls print nothing


def test_encodings_and_layouts() -> None:
    gold = json.loads((REAL / "pingtan-syq-2023.gold.json").read_text(encoding="utf-8"))
    gb = _render.render(gold, "html-gb18030")
    assert b'charset="gb2312"' in gb and parse(gb).source["encoding"] == "GB18030"
    bare = _render.render(gold, "html-gb18030-undeclared")
    assert b"charset" not in bare.lower() and parse(bare).source["encoding"] == "GB18030"
    big5 = _render.render(gold, "html-big5")
    assert b'charset="big5"' in big5 and parse(big5).source["encoding"] == "Big5"
    traditional = big5.decode("big5")
    assert "收到和處理政府信息公開申請情況" in traditional and "&#" not in traditional
    word = _render.render(gold, "html-word").decode("utf-8")
    assert "<SPAN lang=EN-US style='font-size:10.5pt'>2</SPAN><SPAN lang=EN-US style='font-size:10.5pt'>6</SPAN>" in word
    assert "class=MsoNormal" in word and "&nbsp;" in word
    pdf = _render.render(gold, "text-pdf").decode("utf-8")
    assert "- 7 -\n第 3 页 共 5 页\n" in pdf and "结果 结果 其他 尚未 总" in pdf
    pipes = _render.render(gold, "text-pipes").decode("utf-8")
    assert "| 一、本年新收政府信息公开申请数量 | 80 | 1 |  |  |  |  | 81 |" in pipes


def test_traditional_map_is_reversed_opencc() -> None:
    # 开 ← 開 (first source whose first target is 开); characters without a source stay.
    assert _render.to_traditional("政府信息公开") == "政府信息公開"
    assert _render.to_traditional("123") == "123"


def test_cli_prints_every_rendering(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--renderings", str(REAL), "--only", "html-spans", "--only", "text-pdf"]) == 0
    out = capsys.readouterr().out
    assert "rendering html-spans" in out and "rendering text-pdf" in out and "rendering all" in out
    assert main(["--renderings", str(REAL), "--only", "text-pdf", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["renderings"]["text-pdf"] == {
        "right": TOTAL,
        "total": TOTAL,
        "wrong": 0,
        "unscored": 0,
        "format_right": 10,
        "tables": payload["renderings"]["text-pdf"]["tables"],
    }
    assert main(["--renderings", str(REAL), "--only", "nope"]) == 2
