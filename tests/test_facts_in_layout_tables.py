"""Facts from a report laid out as one table (a spreadsheet sheet saved as HTML, a page's layout
table): its paragraphs are rows of one sentence among the statutory tables' rows. The table was
left out of the facts whole, so such a report gave no fact."""

from __future__ import annotations

import pytest

from gongkai import parse

from conftest import DATA, gold_beside

OFFICE = DATA / "office-tables"

PAGE = """<html><body><table>
<tr><td colspan=3>某局2021年政府信息公开工作年度报告</td></tr>
<tr><td colspan=3>一、总体情况</td></tr>
<tr><td colspan=3>2021年，某局认真贯彻落实政务公开工作要求，全年主动公开政府信息3456条。</td></tr>
<tr><td colspan=3>全年共收到政府信息公开申请1218件，其中予以公开624件，均在法定期限内答复。</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td></tr>
<tr><td>规章</td><td>1</td><td>2</td></tr>
<tr><td>行政规范性文件，本年新制发的</td><td>12</td><td>3</td></tr>
</table></body></html>"""


def test_sentence_rows_of_a_table_are_prose() -> None:
    facts = {f["key"]: f["value"] for f in parse(PAGE.encode()).facts}
    assert facts == {"proactive_total": 3456, "requests_received": 1218, "requests_granted": 624}


@pytest.mark.parametrize("name", ["x01-2021-acct-format-html.html", "x02-2019-jian-format-html.html"])
def test_a_calc_sheet_saved_as_html_gives_its_facts(name: str) -> None:
    path = OFFICE / name
    gold = gold_beside(path)["facts"]
    facts = {f["key"]: f["value"] for f in parse(path).facts if f["key"]}
    assert facts == {k: v for k, v in gold.items() if k in facts}
    assert len(facts) >= 5, facts
