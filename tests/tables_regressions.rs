//! Regressions found by `python -m gongkai.eval --renderings`: shapes of real
//! pages that once panicked or lost a table. Each test is a minimal input.

use _core::model::{Report, TableReading};
use _core::{parse, Input, Options};

fn parse_str(s: &str) -> Report {
    parse(Input::Str(s), &Options::default()).expect("parses")
}

fn parse_html(s: &str) -> Report {
    parse(Input::Bytes(s.as_bytes()), &Options::default()).expect("parses")
}

/// `(value, state)` of one cell.
fn cell(t: &Option<TableReading>, row: &str, col: &str) -> (Option<f64>, String) {
    let c = t.as_ref().and_then(|t| t.cells.get(row)).and_then(|r| r.get(col)).expect("cell present");
    (c.value.map(|v| v.as_f64()), c.state.to_string())
}

/// The 2021 result-row labels of table 3 (（一）予以公开 … 3.其他).
const T3_RESULT_LABELS_2021: &[&str] = &[
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
];

#[test]
fn rows_without_placements_do_not_panic_the_joint_search() {
    // Result rows with no numbers at all, then a total of two cells: the rows with no
    // placement used to be indexed in the joint search (solve.rs: index out of bounds).
    let text = T3_RESULT_LABELS_2021.join("\n") + "\n（七）总计\n2\n2";
    let r = parse_str(&text);
    assert!(r.tables.requests.is_some());
    let mut with_head = format!("三、收到和处理政府信息公开申请情况\n{text}\n四、结转下年度继续办理\n1\n1");
    let _ = parse_str(&with_head);
    with_head.insert_str(0, "一、本年新收政府信息公开申请数量\n3\n3\n");
    let _ = parse_str(&with_head);
}
