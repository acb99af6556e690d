"""Table 3 as `pdftotext -layout` prints a table whose label column is narrow: each row label
wraps in its cell, the row's values stand on the label's first line, after its ordinal
(`2.没有现成       2     0 …` / `信息需要另` / `行制作`), and the group labels' pieces stand
between the row label's pieces (`（三）不予 1.属于国家  -  - …` / `公开        秘密`). Blank cells
print `-`, counts of a thousand or more `1,165`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai import parse

from conftest import DATA, gold_beside

OFFICE = DATA / "office-tables"


def _count(cell: dict[str, object]) -> object:
    # A blank mark (`-`) counts 0, as the gold writes it.
    return 0 if cell["value"] is None and cell["state"] in ("blank", "na") else cell["value"]


def _t3(report) -> dict[str, list[object]]:
    cells = report.tables["requests"]["cells"]
    return {row: [_count(cell) for cell in cols.values()] for row, cols in cells.items()}


@pytest.mark.parametrize(
    "name", ["d01-2021-dash-thousands-lo-layout.txt", "d04-2021-split-t3-lo-layout.txt"], ids=lambda n: n[:3]
)
def test_every_row_of_table_3_is_read(name: str) -> None:
    # Before: the rows whose label the group label's pieces broke were missing, the `1,165` and
    # `-` rows did not add up and were claimed printed out of order (175 cells of d01 unread).
    path = OFFICE / name
    report = parse(path)
    gold = {row: list(cols.values()) for row, cols in gold_beside(path)["table3"].items()}
    assert _t3(report) == gold
    assert not [i for i in report.issues if i["code"] == "TABLE_UNREADABLE"]


GROUPS = """三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第                                申请人情况
二项之和，等于第三项加第四项之和）          自然人      商业企业   科研机构  社会公益组织  法律服务机构   其他    总计
一、本年新收政府信息公开申请数量            12          3          -          -          -          -        15
二、上年结转政府信息公开申请数量             -          -          -          -          -          -         -
三、本年度 （一）予以公开                    7          2          -          -          -          -         9
办理结果  （二）部分公开                     1          -          -          -          -          -         1
      （三）不予 1.属于国家                  -          -          -          -          -          -         -
      公开          秘密
             2.其他法律                     1          -          -          -          -          -         1
             行政法规禁
                 止公开
          （四）无法   1.本机关不            2          1          -          -          -          -         3
          提供       掌握相关政
                     府信息
                   2.没有现成               1          -          -          -          -          -         1
                   信息需要另
                      行制作
          （五）不予   1.信访举报            -          -          -          -          -          -         -
          处理       投诉类申请
          （六）其他    1.申请人无           -          -          -          -          -          -         -
          处理       正当理由逾
                   期不补正、
                   行政机关不
                   再处理其政
                   府信息公开
                   申请
                   3.其他                   -          -          -          -          -          -         -
          （七）总计                        12          3          -          -          -          -        15
四、结转下年度继续办理                        -          -          -          -          -          -         -
"""


def test_rows_named_by_their_first_line_only() -> None:
    t3 = _t3(parse(GROUPS.encode()))
    # 属于国家 / 秘密 with 公开 between; 本机关不 / 掌握相关政 with 提供 between: the ordinal and
    # the label's first piece name the row; the values after them are its.
    assert t3["denied_state_secret"] == [0] * 7
    assert t3["unavailable_not_held"] == [2, 1, 0, 0, 0, 0, 3]
    assert t3["unavailable_needs_creation"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["denied_prohibited_by_law"] == [1, 0, 0, 0, 0, 0, 1]
    # 申请人无 / 处理 正当理由逾 / 期不补正: found by its rest (`逾期不补正`), its values before it.
    assert t3["other_no_correction"] == [0] * 7
    assert t3["results_total"] == [12, 3, 0, 0, 0, 0, 15]


def test_a_numbered_first_line_names_only_the_row_of_its_ordinal() -> None:
    # The label's rest cut (`相关政` for `掌握相关政`): only `1.本机关不` names the row, the first
    # row of （四）无法提供; `3.本机关不` names no row (no row 3 of the group starts so), nor does a
    # piece that starts no row label (`1.本年共受理`).
    cut = GROUPS.replace("掌握相关政", "相关政")
    assert _t3(parse(cut.encode()))["unavailable_not_held"] == [2, 1, 0, 0, 0, 0, 3]
    t3 = _t3(parse(cut.replace("1.本机关不", "3.本机关不").replace("1.属于国家", "1.本年共受理").encode()))
    assert t3.get("unavailable_not_held") != [2, 1, 0, 0, 0, 0, 3]
    assert t3.get("denied_state_secret") != [0] * 7


def _centred(text: str) -> str:
    """The same table with its cells centred vertically: each row's values on its label's second
    line (`（三）不予 1.属于国家` / `公开      秘密      -   -   …`), as Word and WPS set the form."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        m = re.match(r"^(.*?\S)(\s{3,}(?:[-\d,]+\s+){6}[-\d,]+)\s*$", lines[i])
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if m and after.startswith(" ") and after.strip() and not re.search(r"\d", after):
            out += [m.group(1), after.rstrip().ljust(len(m.group(1))) + m.group(2)]
            i += 2
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def test_values_on_the_middle_line_beside_a_group_labels_piece() -> None:
    text = _centred(GROUPS)
    assert "      公开          秘密                  -" in text
    t3 = _t3(parse(text.encode()))
    # `公开` / `提供` / `处理` (the group labels' pieces) stood between the row label's pieces.
    assert t3["denied_state_secret"] == [0] * 7
    assert t3["unavailable_not_held"] == [2, 1, 0, 0, 0, 0, 3]
    assert t3["not_processed_petition"] == [0] * 7
    assert t3["other_no_correction"] == [0] * 7
    assert t3["denied_prohibited_by_law"] == [1, 0, 0, 0, 0, 0, 1]
    assert t3["results_total"] == [12, 3, 0, 0, 0, 0, 15]


def test_a_total_row_printed_first_is_read_not_dropped() -> None:
    # d05 prints （七）总计 right after 三、本年度, before （一）予以公开: the labels in the form's
    # order left it out, its values stood in no row, and the row was missing without an issue.
    path = OFFICE / "d05-2021-sum-row-first-lo-layout.txt"
    t3 = _t3(parse(path))
    assert t3["results_total"] == [44, 3, 0, 0, 0, 1, 48]
    gold = {row: list(cols.values()) for row, cols in gold_beside(path)["table3"].items()}
    assert t3 == gold
    # The same in the table written for the test (its header names a column 总计 too).
    moved = GROUPS.replace("          （七）总计                        12          3          -          -          -          -        15\n", "")
    moved = moved.replace("三、本年度 （一）予以公开", "三、本年度 （七）总计   12   3   -   -   -   -   15\n办理结果 （一）予以公开")
    assert _t3(parse(moved.encode()))["results_total"] == [12, 3, 0, 0, 0, 0, 15]
