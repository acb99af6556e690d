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
#[allow(clippy::ref_option)]
fn cell(t: &Option<TableReading>, row: &str, col: &str) -> (Option<f64>, String) {
    let c = t.as_ref().and_then(|t| t.cells.get(row)).and_then(|r| r.get(col)).expect("cell present");
    (c.value.map(_core::model::Number::as_f64), c.state.to_string())
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

/// Table 3 printed one cell per line, blanks as empty lines (rows given as their lines).
fn lines_table(rows: &[(&str, &str)]) -> String {
    let mut s = String::from("某某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n");
    for (label, cells) in rows {
        s.push_str(label);
        s.push('\n');
        s.push_str(cells);
        s.push('\n');
    }
    s.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    s
}

#[test]
fn one_cell_per_line_empty_lines_are_blank_cells() {
    let text = lines_table(&[
        ("一、本年新收政府信息公开申请数量", "80\n1\n\n\n\n\n81"),
        ("二、上年结转政府信息公开申请数量", "\n\n\n\n\n\n"),
        ("三、本年度办理结果\n（一）予以公开", "22\n\n\n\n\n\n22"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "19\n1\n\n\n\n\n20"),
        ("（七）总计", "41\n1\n\n\n\n\n42"),
        ("四、结转下年度继续办理", "39\n\n\n\n\n\n39"),
    ]);
    let r = parse_str(&text);
    let t = &r.tables.requests;
    assert_eq!(cell(t, "new_received", "natural_person"), (Some(80.0), "number".into()));
    assert_eq!(cell(t, "new_received", "commercial"), (Some(1.0), "number".into()));
    assert_eq!(cell(t, "new_received", "research"), (None, "blank".into()));
    assert_eq!(cell(t, "new_received", "total"), (Some(81.0), "number".into()));
    for col in ["natural_person", "other_org", "total"] {
        assert_eq!(cell(t, "carried_over", col), (None, "blank".into()), "carried_over.{col}");
    }
    assert_eq!(cell(t, "partially_granted", "total"), (Some(20.0), "number".into()));
    assert_eq!(cell(t, "carried_forward", "natural_person"), (Some(39.0), "number".into()));
    assert_eq!(cell(t, "carried_forward", "commercial"), (None, "blank".into()));
    assert_eq!(cell(t, "carried_forward", "total"), (Some(39.0), "number".into()));
    // A blank cell's span is empty and inside the text.
    let c = t.as_ref().and_then(|t| t.cells.get("new_received")).and_then(|r| r.get("research")).expect("cell");
    assert!(c.span[0] == c.span[1] && c.span[1] <= r.text.chars().count());
}

#[test]
fn one_cell_per_line_with_the_wrong_count_keeps_the_dropped_blank_logic() {
    // Six lines for seven columns: not positional; "80 1 81" admits several placements,
    // among them 80, 1 and 81 as parts under an omitted total (the table is partial, so
    // no column sum decides).
    let text = lines_table(&[
        ("一、本年新收政府信息公开申请数量", "80\n1\n\n\n\n81"),
        ("二、上年结转政府信息公开申请数量", "\n\n\n\n\n\n"),
        ("三、本年度办理结果\n（一）予以公开", "22\n\n\n\n\n\n22"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "\n\n\n\n\n\n"),
        ("（七）总计", "\n\n\n\n\n\n"),
    ]);
    let r = parse_str(&text);
    let t = &r.tables.requests;
    assert_eq!(cell(t, "new_received", "natural_person").0, None);
    assert_eq!(cell(t, "new_received", "total").0, None);
    assert!(r.issues.iter().any(|i| i.code.as_str() == "TABLE_UNREADABLE" && i.message.contains("new_received")));
}

#[test]
fn one_cell_per_line_blank_table_2_and_table_4() {
    let mut text = String::from("某某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n\n\n\n行政规范性文件\n\n2\n30\n");
    text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n");
    text.push_str(&"结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n".repeat(2));
    text.push_str("\n\n\n1\n1\n\n\n\n\n\n\n\n\n\n\n五、存在的主要问题及改进情况\n");
    let r = parse_str(&text);
    let t2 = &r.tables.proactive;
    assert_eq!(cell(t2, "rules", "issued"), (None, "blank".into()));
    assert_eq!(cell(t2, "normative_documents", "issued"), (None, "blank".into()));
    assert_eq!(cell(t2, "normative_documents", "repealed").0, Some(2.0));
    assert_eq!(cell(t2, "normative_documents", "in_force").0, Some(30.0));
    let t4 = &r.tables.review_litigation;
    assert_eq!(cell(t4, "review", "upheld"), (None, "blank".into()));
    assert_eq!(cell(t4, "review", "pending").0, Some(1.0));
    assert_eq!(cell(t4, "review", "total").0, Some(1.0));
    assert_eq!(cell(t4, "litigation_after_review", "total"), (None, "blank".into()));
    // All fifteen blank: still table 4.
    let blank = text.replace("\n\n\n1\n1\n", "\n\n\n\n\n");
    let r = parse_str(&blank);
    assert_eq!(cell(&r.tables.review_litigation, "review", "total"), (None, "blank".into()));
}

/// Table 3 and 4 as official-span HTML, value cells `&nbsp;` where `blank`.
fn html_tables(t3_rows: &[(&str, [&str; 7])], t4: [&str; 15]) -> String {
    let td = |v: &str| if v.is_empty() { "<td>&nbsp;</td>".to_string() } else { format!("<td>{v}</td>") };
    let mut s = String::from("<html><head><meta charset=\"utf-8\"><title>某某局2023年政府信息公开工作年度报告</title></head><body><h1>某某局2023年政府信息公开工作年度报告</h1><h2>三、收到和处理政府信息公开申请情况</h2><table>");
    s.push_str("<tr><td rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>");
    s.push_str(
        "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>",
    );
    s.push_str("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
    for (label, vals) in t3_rows {
        s.push_str(&format!("<tr><td colspan=\"3\">{label}</td>"));
        for v in vals {
            s.push_str(&td(v));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><table>");
    s.push_str("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr><tr>");
    for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
        s.push_str(&format!("<td rowspan=\"2\">{l}</td>"));
    }
    s.push_str("<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr><tr>");
    for _ in 0..2 {
        for l in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            s.push_str(&format!("<td>{l}</td>"));
        }
    }
    s.push_str("</tr><tr>");
    for v in t4 {
        s.push_str(&td(v));
    }
    s.push_str("</tr></table><h2>五、存在的主要问题及改进情况</h2><p>无。</p></body></html>");
    s
}

#[test]
fn html_all_blank_total_row_and_all_blank_table_4_are_read() {
    const B: [&str; 7] = [""; 7];
    let html = html_tables(
        &[
            ("一、本年新收政府信息公开申请数量", B),
            ("二、上年结转政府信息公开申请数量", B),
            ("（一）予以公开", B),
            ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", B),
            ("（七）总计", B),
            ("四、结转下年度继续办理", B),
        ],
        [""; 15],
    );
    let r = parse_html(&html);
    let t3 = &r.tables.requests;
    for col in ["natural_person", "other_org", "total"] {
        assert_eq!(cell(t3, "results_total", col), (None, "blank".into()), "results_total.{col}");
        assert_eq!(cell(t3, "carried_forward", col), (None, "blank".into()), "carried_forward.{col}");
    }
    let t4 = &r.tables.review_litigation;
    assert!(t4.is_some(), "all-blank table 4 found");
    assert_eq!(cell(t4, "review", "upheld"), (None, "blank".into()));
    assert_eq!(cell(t4, "litigation_after_review", "total"), (None, "blank".into()));
    assert!(
        !r.issues
            .iter()
            .any(|i| i.code.as_str() == "TABLE_MISSING" && i.cells.iter().any(|c| c == "review_litigation")),
        "{:?}",
        r.issues
    );

    // With numbers elsewhere, the blank total row still reads blank and the header stays put.
    let html = html_tables(
        &[
            ("一、本年新收政府信息公开申请数量", ["2", "", "", "", "", "", "2"]),
            ("二、上年结转政府信息公开申请数量", B),
            ("（一）予以公开", B),
            ("（七）总计", B),
            ("四、结转下年度继续办理", ["2", "", "", "", "", "", "2"]),
        ],
        ["", "", "", "1", "1", "", "", "", "", "", "", "", "", "", ""],
    );
    let r = parse_html(&html);
    let t3 = &r.tables.requests;
    assert_eq!(cell(t3, "results_total", "total"), (None, "blank".into()));
    assert_eq!(cell(t3, "carried_forward", "total"), (Some(2.0), "number".into()));
    assert_eq!(cell(&r.tables.review_litigation, "review", "total").0, Some(1.0));
}

#[test]
fn markdown_separator_after_the_table_4_header_is_skipped() {
    let head = "某某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | 行政诉讼 |\n|---|---|\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n";
    let row = "|  |  |  | 1 | 1 |  |  |  |  |  |  |  |  |  |  |\n五、存在的主要问题及改进情况\n无。\n";
    let r = parse_str(&format!("{head}{row}"));
    let t4 = &r.tables.review_litigation;
    assert_eq!(cell(t4, "review", "upheld"), (None, "blank".into()));
    assert_eq!(cell(t4, "review", "pending").0, Some(1.0));
    assert_eq!(cell(t4, "review", "total").0, Some(1.0));
    assert_eq!(cell(t4, "litigation_direct", "total"), (None, "blank".into()));
    // All fifteen blank.
    let blank = format!("{head}{}\n五、存在的主要问题及改进情况\n无。\n", "|  ".repeat(15) + "|");
    let r = parse_str(&blank);
    assert_eq!(cell(&r.tables.review_litigation, "review", "total"), (None, "blank".into()));
}

#[test]
fn table_4_values_flowed_after_the_next_section_are_found_or_leave_the_blanks_unknown() {
    // pdftotext without -layout (of LibreOffice's PDF of a report) prints each
    // header piece, then the values a line each; the last two cells of the page came after the
    // next section's paragraph, before the section after it.
    let head = "某某局2023年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n结果 其他 尚未\n总计\n维持 纠正 结果 审结\n";
    let values = "1\n1\n0\n0\n2\n4\n0\n0\n1\n5\n1\n0\n1\n";
    let after = |moved: &str| {
        format!("{head}{values}五、存在的主要问题及改进情况\n政府信息公开工作仍存在信息更新不够及时等问题。\n{moved}六、其他需要报告的事项\n无。\n")
    };
    let r = parse_str(&after("0\n2\n"));
    let t4 = &r.tables.review_litigation;
    assert_eq!(cell(t4, "litigation_after_review", "pending").0, Some(0.0));
    assert_eq!(cell(t4, "litigation_after_review", "total").0, Some(2.0));
    // Moved values that do not make the table add up: the run's blanks are not known, and no
    // cell of the last group is guessed (read as 13 values with two blanks, the total was 1).
    let r = parse_str(&after("5\n2\n"));
    let t4 = &r.tables.review_litigation;
    assert_eq!(cell(t4, "review", "total").0, None);
    assert_eq!(cell(t4, "litigation_after_review", "total").0, None);
    assert!(r.issues.iter().any(|i| i.code.as_str() == "TABLE_UNREADABLE" && i.message.contains("apart from it")));
}
