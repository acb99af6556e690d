//! Renderings of gold table values in the layouts real pages use (DOMAIN
//! §3–§5, §8): generated from a `*.gold.json`, never written by hand.

#![allow(dead_code)]

use serde_json::Value;

/// Table 3 row labels as printed (DOMAIN §4.2) with their SPEC keys.
pub const T3_2019: &[(&str, &str)] = &[
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "1.属于国家秘密"),
    ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("denied_three_safeties", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "5.属于三类内部事务信息"),
    ("denied_process_info", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "7.属于行政执法案卷"),
    ("denied_query_matter", "8.属于行政查询事项"),
    ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "3.补正后申请内容仍不明确"),
    ("not_processed_petition", "1.信访举报投诉类申请"),
    ("not_processed_duplicate", "2.重复申请"),
    ("not_processed_publication", "3.要求提供公开出版物"),
    ("not_processed_excessive", "4.无正当理由大量反复申请"),
    ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ("other", "（六）其他处理"),
    ("results_total", "（七）总计"),
    ("carried_forward", "四、结转下年度继续办理"),
];

pub const T3_2021_OTHER: &[(&str, &str)] = &[
    ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他"),
];

pub const T3_COLS: [&str; 7] =
    ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"];
pub const T4_GROUPS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
pub const T4_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// Group labels printed before a row (spanning cells in HTML).
pub fn group_before(key: &str, format: &str) -> Option<&'static str> {
    match key {
        "granted" => Some("三、本年度办理结果"),
        "denied_state_secret" => Some("（三）不予公开"),
        "unavailable_not_held" => Some("（四）无法提供"),
        "not_processed_petition" => Some("（五）不予处理"),
        "other_no_correction" if format == "2021" => Some("（六）其他处理"),
        _ => None,
    }
}

/// Table 2 blocks (DOMAIN §3): caption, headers, rows `(key, label)`.
/// A table 2 block: caption, column headers, `(key, label)` rows.
pub type Block = (&'static str, Vec<&'static str>, Vec<(&'static str, &'static str)>);

pub fn t2_blocks(format: &str) -> Vec<Block> {
    if format == "2021" {
        vec![
            (
                "第二十条第（一）项",
                vec!["本年制发件数", "本年废止件数", "现行有效件数"],
                vec![("rules", "规章"), ("normative_documents", "行政规范性文件")],
            ),
            ("第二十条第（五）项", vec!["本年处理决定数量"], vec![("licensing", "行政许可")]),
            (
                "第二十条第（六）项",
                vec!["本年处理决定数量"],
                vec![("punishment", "行政处罚"), ("coercion", "行政强制")],
            ),
            ("第二十条第（八）项", vec!["本年收费金额（单位：万元）"], vec![("fees", "行政事业性收费")]),
        ]
    } else {
        vec![
            (
                "第二十条第（一）项",
                vec!["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                vec![("rules", "规章"), ("normative_documents", "规范性文件")],
            ),
            (
                "第二十条第（五）项",
                vec!["上一年项目数量", "本年增/减", "处理决定数量"],
                vec![("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
            ),
            (
                "第二十条第（六）项",
                vec!["上一年项目数量", "本年增/减", "处理决定数量"],
                vec![("punishment", "行政处罚"), ("coercion", "行政强制")],
            ),
            ("第二十条第（八）项", vec!["上一年项目数量", "本年增/减"], vec![("fees", "行政事业性收费")]),
            ("第二十条第（九）项", vec!["采购项目数量", "采购总金额"], vec![("procurement", "政府集中采购")]),
        ]
    }
}

/// The gold tables of one document, nulls as 0 (a rendering needs a value).
pub struct Gold {
    pub format: String,
    pub t2: Value,
    pub t3: Value,
    pub t4: Value,
}

impl Gold {
    pub fn load(name: &str) -> Gold {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real").join(name);
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("gold")).expect("json");
        Gold {
            format: v["template"].as_str().unwrap_or("2021").to_string(),
            t2: v["table2"].clone(),
            t3: v["table3"].clone(),
            t4: v["table4"].clone(),
        }
    }
    pub fn t3_rows(&self) -> Vec<(&'static str, &'static str)> {
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for &(k, l) in T3_2019 {
            if k == "other" && self.format == "2021" {
                rows.extend_from_slice(T3_2021_OTHER);
            } else {
                rows.push((k, l));
            }
        }
        rows
    }
    /// The printed text of a gold cell (`"251000元"` kept as is).
    pub fn text(v: &Value) -> String {
        match v {
            Value::Null => "0".into(),
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        }
    }
    pub fn t3_values(&self, row: &str) -> Vec<String> {
        T3_COLS.iter().map(|c| Gold::text(&self.t3[row][c])).collect()
    }
    pub fn t4_values(&self) -> Vec<String> {
        T4_GROUPS.iter().flat_map(|g| (0..5).map(move |i| (g, i))).map(|(g, i)| Gold::text(&self.t4[*g][i])).collect()
    }
    pub fn t2_values(&self, item: &str, n: usize) -> Vec<String> {
        let obj = self.t2[item].as_object().cloned().unwrap_or_default();
        obj.values().take(n).map(Gold::text).collect()
    }
}

/// How a text rendering lays out one row.
#[derive(Clone, Copy, PartialEq)]
pub enum Layout {
    /// Every cell on its own line.
    Lines,
    /// `| label | 1 | | 3 |`, zeros written as empty cells when `blank_zeros`.
    Pipes { blank_zeros: bool },
    /// `label 1 0 3` (PDF text), with page furniture inside table 3.
    Pdf,
    /// `label103` (flattened HTML: cells glued).
    Glued,
}

fn row(layout: Layout, label: &str, values: &[String]) -> String {
    match layout {
        Layout::Lines => {
            std::iter::once(label.to_string()).chain(values.iter().cloned()).collect::<Vec<_>>().join("\n")
        }
        Layout::Pipes { blank_zeros } => {
            let cells: Vec<String> =
                values.iter().map(|v| if blank_zeros && v == "0" { String::new() } else { v.clone() }).collect();
            format!("| {label} | {} |", cells.join(" | "))
        }
        Layout::Pdf => format!("{label} {}", values.join(" ")),
        Layout::Glued => format!("{label}{}", values.concat()),
    }
}

/// A whole report body (sections 二–五 with tables 2–4) in one text layout.
pub fn text_report(g: &Gold, layout: Layout) -> String {
    let mut out = vec![
        "2023年政府信息公开工作年度报告".to_string(),
        "一、总体情况".into(),
        "本机关依法公开政府信息。".into(),
        "二、主动公开政府信息情况".into(),
    ];
    for (caption, headers, items) in t2_blocks(&g.format) {
        out.push(caption.to_string());
        out.push(row(layout, "信息内容", &headers.iter().map(|h| h.to_string()).collect::<Vec<_>>()));
        for (key, label) in items {
            let n = if headers.len() == 1 { 1 } else { headers.len() };
            out.push(row(layout, label, &g.t2_values(key, n)));
        }
    }
    out.push("三、收到和处理政府信息公开申请情况".into());
    out.push("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into());
    out.push(row(
        layout,
        "申请人情况",
        &["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"].map(String::from),
    ));
    for (i, (key, label)) in g.t3_rows().into_iter().enumerate() {
        if let Some(group) = group_before(key, &g.format) {
            out.push(group.to_string());
        }
        if layout == Layout::Pdf && i == 11 {
            out.push("- 7 -".into());
            out.push("第 3 页 共 5 页".into());
        }
        out.push(row(layout, label, &g.t3_values(key)));
    }
    out.push("四、政府信息公开行政复议、行政诉讼情况".into());
    if layout == Layout::Pdf {
        // Headers stacked one character per line (DOMAIN §8.3).
        out.push("行政复议 行政诉讼".into());
        for line in ["结 结 其 尚 总", "果 果 他 未 计", "维 纠 结 审", "持 正 果 结"] {
            out.push(line.into());
        }
    } else {
        out.push(row(layout, "行政复议", &["行政诉讼".to_string()]));
        out.push(row(
            layout,
            "结果维持",
            &["结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"].map(String::from),
        ));
    }
    let t4 = g.t4_values();
    out.push(match layout {
        Layout::Lines => t4.join("\n"),
        Layout::Pipes { blank_zeros } => format!(
            "| {} |",
            t4.iter()
                .map(|v| if blank_zeros && v == "0" { String::new() } else { v.clone() })
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        Layout::Pdf => t4.join(" "),
        Layout::Glued => t4.concat(),
    });
    out.push("五、存在的主要问题及改进情况".into());
    out.push("无。".into());
    out.join("\n")
}

/// One HTML `<td>`.
fn td(text: &str, rowspan: usize, colspan: usize, word_spans: bool) -> String {
    let body = if word_spans && text.chars().all(|c| c.is_ascii_digit()) && !text.is_empty() {
        text.chars().map(|c| format!("<span style=\"font-size:12pt\">{c}</span>")).collect::<String>()
    } else if text.is_empty() {
        "&nbsp;".to_string()
    } else {
        text.to_string()
    };
    let mut attrs = String::new();
    if rowspan > 1 {
        attrs.push_str(&format!(" rowspan=\"{rowspan}\""));
    }
    if colspan > 1 {
        attrs.push_str(&format!(" colspan=\"{colspan}\""));
    }
    format!("<td{attrs}><p align=\"center\">{body}</p></td>")
}

/// HTML with the official spans (DOMAIN §3–§5), or padded to a full grid
/// without spans, numbers optionally split into one `<span>` per digit (Word export).
pub fn html_report(g: &Gold, padded: bool, word_spans: bool, blank_zeros: bool) -> String {
    let v = |s: String| if blank_zeros && s == "0" { String::new() } else { s };
    let mut h = String::from(
        "<html><head><meta charset=\"utf-8\"></head><body><p>二、主动公开政府信息情况</p><table border=\"1\"><tbody>",
    );
    for (caption, headers, items) in t2_blocks(&g.format) {
        let width = 4;
        h.push_str(&format!("<tr>{}</tr>", td(caption, 1, width, false)));
        let span = if headers.len() == 1 { 3 } else { 1 };
        h.push_str("<tr>");
        h.push_str(&td("信息内容", 1, 1, false));
        for hd in &headers {
            h.push_str(&td(hd, 1, span, false));
        }
        for _ in headers.len() * span..3 {
            h.push_str(&td("", 1, 1, false));
        }
        h.push_str("</tr>");
        for (key, label) in items {
            h.push_str("<tr>");
            h.push_str(&td(label, 1, 1, false));
            for val in g.t2_values(key, headers.len()) {
                h.push_str(&td(&val, 1, span, word_spans));
            }
            for _ in headers.len() * span..3 {
                h.push_str(&td("", 1, 1, false));
            }
            h.push_str("</tr>");
        }
    }
    h.push_str("</tbody></table><p>三、收到和处理政府信息公开申请情况</p><table border=\"1\"><tbody>");
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    if padded {
        h.push_str(&format!(
            "<tr>{}{}{}{}</tr>",
            td(note, 1, 1, false),
            td("", 1, 1, false),
            td("", 1, 1, false),
            td("申请人情况", 1, 1, false)
        ));
        h.push_str("<tr>");
        for x in ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"] {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr><tr>");
        for x in ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
        {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr>");
    } else {
        h.push_str(&format!("<tr>{}{}</tr>", td(note, 3, 3, false), td("申请人情况", 1, 7, false)));
        h.push_str(&format!(
            "<tr>{}{}{}</tr>",
            td("自然人", 2, 1, false),
            td("法人或其他组织", 1, 5, false),
            td("总计", 2, 1, false)
        ));
        h.push_str("<tr>");
        for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr>");
    }
    let rows = g.t3_rows();
    let n_results = rows.len() - 3;
    for (key, label) in rows {
        h.push_str("<tr>");
        let group = group_before(key, &g.format);
        let top = matches!(key, "new_received" | "carried_over" | "carried_forward");
        let cat =
            matches!(key, "granted" | "partially_granted" | "results_total") || (key == "other" && g.format == "2019");
        if padded {
            let (a, b, c) = if top {
                (label, "", "")
            } else if cat {
                ("三、本年度办理结果", label, "")
            } else {
                ("三、本年度办理结果", group.unwrap_or(""), label)
            };
            h.push_str(&td(a, 1, 1, false));
            h.push_str(&td(b, 1, 1, false));
            h.push_str(&td(c, 1, 1, false));
        } else if top {
            h.push_str(&td(label, 1, 3, false));
        } else {
            if key == "granted" {
                h.push_str(&td("三、本年度办理结果", n_results, 1, false));
            }
            if cat {
                h.push_str(&td(label, 1, 2, false));
            } else {
                if let Some(gl) = group {
                    let n = match key {
                        "denied_state_secret" => 8,
                        "unavailable_not_held" => 3,
                        "not_processed_petition" => 5,
                        _ => 3,
                    };
                    h.push_str(&td(gl, n, 1, false));
                }
                h.push_str(&td(label, 1, 1, false));
            }
        }
        for val in g.t3_values(key) {
            h.push_str(&td(&v(val), 1, 1, word_spans));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table><p>四、政府信息公开行政复议、行政诉讼情况</p><table border=\"1\"><tbody>");
    if padded {
        h.push_str("<tr>");
        for i in 0..15 {
            h.push_str(&td(
                if i == 0 {
                    "行政复议"
                } else if i == 5 {
                    "行政诉讼"
                } else {
                    ""
                },
                1,
                1,
                false,
            ));
        }
        h.push_str("</tr><tr>");
        for i in 0..15 {
            h.push_str(&td(
                [
                    "结果维持",
                    "结果纠正",
                    "其他结果",
                    "尚未审结",
                    "总计",
                    "未经复议直接起诉",
                    "",
                    "",
                    "",
                    "",
                    "复议后起诉",
                    "",
                    "",
                    "",
                    "",
                ][i],
                1,
                1,
                false,
            ));
        }
        h.push_str("</tr><tr>");
        for i in 0..15 {
            h.push_str(&td(if i < 5 { "" } else { T4_LABELS[i % 5] }, 1, 1, false));
        }
        h.push_str("</tr>");
    } else {
        h.push_str(&format!("<tr>{}{}</tr>", td("行政复议", 1, 5, false), td("行政诉讼", 1, 10, false)));
        h.push_str("<tr>");
        for l in T4_LABELS {
            h.push_str(&td(l, 2, 1, false));
        }
        h.push_str(&format!("{}{}</tr><tr>", td("未经复议直接起诉", 1, 5, false), td("复议后起诉", 1, 5, false)));
        for _ in 0..2 {
            for l in T4_LABELS {
                h.push_str(&td(l, 1, 1, false));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("<tr>");
    for val in g.t4_values() {
        h.push_str(&td(&v(val), 1, 1, word_spans));
    }
    h.push_str("</tr></tbody></table><p>五、存在的主要问题及改进情况</p></body></html>");
    h
}

const T4_LABELS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// A few Simplified → Traditional characters for the labels (Big5 rendering).
pub fn to_traditional(s: &str) -> String {
    const MAP: &[(char, char)] = &[
        ('开', '開'),
        ('请', '請'),
        ('数', '數'),
        ('门', '門'),
        ('务', '務'),
        ('结', '結'),
        ('转', '轉'),
        ('办', '辦'),
        ('规', '規'),
        ('许', '許'),
        ('处', '處'),
        ('罚', '罰'),
        ('强', '強'),
        ('费', '費'),
        ('类', '類'),
        ('复', '複'),
        ('议', '議'),
        ('诉', '訴'),
        ('讼', '訟'),
        ('维', '維'),
        ('纠', '糾'),
        ('审', '審'),
        ('总', '總'),
        ('计', '計'),
        ('机', '機'),
        ('关', '關'),
        ('掌', '掌'),
        ('现', '現'),
        ('项', '項'),
        ('权', '權'),
        ('经', '經'),
        ('执', '執'),
        ('发', '發'),
        ('废', '廢'),
        ('决', '決'),
        ('额', '額'),
        ('单', '單'),
        ('万', '萬'),
        ('资', '資'),
        ('讯', '訊'),
    ];
    s.replace("政府信息", "政府資訊")
        .chars()
        .map(|c| MAP.iter().find(|(a, _)| *a == c).map_or(c, |(_, b)| *b))
        .collect()
}
