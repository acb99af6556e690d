"""The checks through the public API (SPEC §6): issue shape, the Shanghai blank
totals, an HTML table built from gold values with one cell changed, and the
exit status of `gongkai check`."""

import json
import subprocess
import sys

import gongkai
from conftest import REAL, SEEDS

ISSUE_KEYS = {"code", "severity", "message", "cells", "expected", "actual", "blame"}

LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "1.属于国家秘密",
    "denied_prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied_three_safeties": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_info": "6.属于四类过程性信息",
    "denied_enforcement_file": "7.属于行政执法案卷",
    "denied_query_matter": "8.属于行政查询事项",
    "unavailable_not_held": "1.本机关不掌握相关政府信息",
    "unavailable_needs_creation": "2.没有现成信息需要另行制作",
    "unavailable_unclear": "3.补正后申请内容仍不明确",
    "not_processed_petition": "1.信访举报投诉类申请",
    "not_processed_duplicate": "2.重复申请",
    "not_processed_publication": "3.要求提供公开出版物",
    "not_processed_excessive": "4.无正当理由大量反复申请",
    "not_processed_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_unpaid_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_other": "3.其他",
    "results_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"]


def table3_page(t3: dict) -> str:
    """A page holding table 3 as a CMS renders it (2021 format)."""
    rows = [
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
        '<td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
    ]
    for key, label in LABELS.items():
        cells = "".join(f"<td>{t3[key][c]}</td>" for c in COLS)
        rows.append(f'<tr><td colspan="3">{label}</td>{cells}</tr>')
    return (
        "<html><head><title>某局2025年政府信息公开工作年度报告</title></head><body>"
        "<p>三、收到和处理政府信息公开申请情况</p><table>" + "".join(rows) + "</table></body></html>"
    )


def gold_t3(name: str) -> dict:
    return json.loads((REAL / f"{name}.gold.json").read_text(encoding="utf-8"))["table3"]


def arithmetic(d: dict) -> list[tuple[str, str]]:
    return sorted((i["code"], i["cells"][0]) for i in d["issues"] if i["code"].startswith(("T3_", "T4_")))


def test_issue_shape():
    for path in [REAL / "shanghai-bgt-2019.html", REAL / "pingtan-czj-2021.txt", SEEDS / "003_e7e8e141b0d8918b.txt"]:
        d = gongkai.extract(path)
        assert d["issues"], path
        for i in d["issues"]:
            assert set(i) == ISSUE_KEYS
            assert i["severity"] in ("error", "warning", "info")
            assert i["blame"] in ("source", "parser")
            assert isinstance(i["cells"], list) and all(isinstance(c, str) for c in i["cells"])
            assert i["expected"] is None or isinstance(i["expected"], (int, float))


def test_shanghai_blank_totals_are_omitted_totals():
    d = gongkai.extract(REAL / "shanghai-bgt-2019.html")
    omitted = {i["cells"][0]: i for i in d["issues"] if i["code"] == "T3_TOTAL_OMITTED"}
    assert len(omitted) == 11
    granted = omitted["requests.granted.total"]
    assert (granted["severity"], granted["blame"], granted["expected"], granted["actual"]) == (
        "warning",
        "source",
        272,
        None,
    )
    assert not [i for i in d["issues"] if i["severity"] == "error"]


def test_table_from_gold_adds_up_and_one_cell_changed_does_not():
    t3 = gold_t3("pingtan-syq-2025")
    assert arithmetic(gongkai.extract(table3_page(t3))) == []
    t3["granted"]["total"] = 32
    issues = gongkai.extract(table3_page(t3))["issues"]
    assert arithmetic({"issues": issues}) == [
        ("T3_RESULTS_SUM", "requests.results_total.total"),
        ("T3_ROW_SUM", "requests.granted.total"),
    ]
    row = next(i for i in issues if i["code"] == "T3_ROW_SUM")
    assert (row["expected"], row["actual"], row["severity"]) == (33, 32, "error")


def test_check_command_exit_status(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(table3_page(gold_t3("pingtan-syq-2025")), encoding="utf-8")
    t3 = gold_t3("pingtan-syq-2025")
    t3["new_received"]["total"] = 155
    bad = tmp_path / "bad.html"
    bad.write_text(table3_page(t3), encoding="utf-8")

    def check(path):
        return subprocess.run(
            [sys.executable, "-m", "gongkai", "check", str(path)], capture_output=True, text=True, timeout=120
        )

    assert check(good).returncode == 0
    proc = check(bad)
    assert proc.returncode == 1
    assert "T3_ROW_SUM" in proc.stdout and "T3_BALANCE" in proc.stdout
