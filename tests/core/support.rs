//! Renderings of gold table values in the layouts real pages use (DOMAIN
//! §3–§5, §8): generated from a `*.gold.json`, never written by hand.
//!
//! The forms' keys and printed labels come from the core's one copy of them,
//! `tables::template` (the keys) and its export (the labels, as Python's
//! `gongkai.template()` has them): this module only lays them out.

#![allow(dead_code)]

use std::sync::OnceLock;

use _core::model::{CellReading, Number, TableReading};
pub(crate) use _core::tables::template::{T3_COLS, T4_COLS, T4_GROUPS};
use serde_json::Value;

/// The official forms as `gongkai.template()` gives them.
pub(crate) fn template() -> &'static Value {
    static TEMPLATE: OnceLock<Value> = OnceLock::new();
    TEMPLATE.get_or_init(|| serde_json::to_value(_core::tables::template::export::official()).expect("template"))
}

fn text(v: &'static Value) -> &'static str {
    v.as_str().expect("a string in the template")
}

fn list(v: &'static Value) -> &'static [Value] {
    v.as_array().expect("a list in the template")
}

/// A table's section heading (`二、主动公开政府信息情况` …).
pub(crate) fn title(table: &str) -> &'static str {
    text(&template()[table]["title"])
}

/// Table 3's printed strings: `"note"` (the 勾稽关系 corner), `"header"` (申请人情况).
pub(crate) fn t3(field: &str) -> &'static str {
    text(&template()["requests"][field])
}

/// Table 3 column headers as printed, in template order.
pub(crate) fn t3_col_labels() -> Vec<&'static str> {
    list(&template()["requests"]["columns"]).iter().map(|c| text(&c["label"])).collect()
}

/// The header over the organisation columns (法人或其他组织).
pub(crate) fn t3_org_header() -> &'static str {
    list(&template()["requests"]["columns"]).iter().find_map(|c| c["group"].as_str()).expect("org header")
}

/// Table 3 rows of one form: (key, label, section, category).
fn t3_form_rows(format: &str) -> Vec<&'static Value> {
    list(&template()["requests"]["rows"])
        .iter()
        .filter(|r| list(&r["formats"]).iter().any(|f| f.as_str() == Some(format)))
        .collect()
}

/// The spanning label of the result rows (三、本年度办理结果).
pub(crate) fn t3_results_label() -> &'static str {
    list(&template()["requests"]["rows"]).iter().find_map(|r| r["section"].as_str()).expect("section")
}

/// Group labels printed before a row (spanning cells in HTML): 三、本年度办理结果 before
/// the first result row, a category (（三）不予公开 …) before its first row.
pub(crate) fn group_before(key: &str, format: &str) -> Option<&'static str> {
    let rows = t3_form_rows(format);
    let i = rows.iter().position(|r| r["key"] == key)?;
    let prev = i.checked_sub(1).map(|p| rows[p]);
    let (section, category) = (rows[i]["section"].as_str(), rows[i]["category"].as_str());
    if section.is_some() && prev.is_none_or(|p| p["section"].is_null()) {
        return section;
    }
    category.filter(|c| prev.is_none_or(|p| p["category"].as_str() != Some(c)))
}

/// Rows of one form under a category label.
pub(crate) fn category_rows(category: &str, format: &str) -> usize {
    t3_form_rows(format).iter().filter(|r| r["category"].as_str() == Some(category)).count()
}

/// Table 4: the top headers (行政复议, 行政诉讼), the group labels, the column labels.
pub(crate) fn t4_headers() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for g in list(&template()["review_litigation"]["groups"]) {
        if !out.contains(&text(&g["group"])) {
            out.push(text(&g["group"]));
        }
    }
    out
}
pub(crate) fn t4_group_labels() -> Vec<&'static str> {
    list(&template()["review_litigation"]["groups"]).iter().map(|g| text(&g["label"])).collect()
}
pub(crate) fn t4_col_labels() -> Vec<&'static str> {
    list(&template()["review_litigation"]["columns"]).iter().map(|c| text(&c["label"])).collect()
}

/// Table 2 blocks (DOMAIN §3): caption, headers, rows `(key, label)`.
pub(crate) type Block = (&'static str, Vec<&'static str>, Vec<(&'static str, &'static str)>);

/// The item column's header (信息内容).
pub(crate) fn t2_item_header() -> &'static str {
    text(&template()["proactive"]["item_header"])
}

pub(crate) fn t2_blocks(format: &str) -> Vec<Block> {
    list(&template()["proactive"]["formats"][format])
        .iter()
        .map(|b| {
            (
                text(&b["caption"]),
                list(&b["columns"]).iter().map(|c| text(&c["label"])).collect(),
                list(&b["items"]).iter().map(|i| (text(&i["key"]), text(&i["label"]))).collect(),
            )
        })
        .collect()
}

/// The gold tables of one document, nulls as 0 (a rendering needs a value).
pub(crate) struct Gold {
    pub format: String,
    pub t2: Value,
    pub t3: Value,
    pub t4: Value,
}

impl Gold {
    pub(crate) fn load(name: &str) -> Gold {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real").join(name);
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("gold")).expect("json");
        Gold {
            format: v["template"].as_str().unwrap_or("2021").to_string(),
            t2: v["table2"].clone(),
            t3: v["table3"].clone(),
            t4: v["table4"].clone(),
        }
    }
    /// Table 3 rows of the gold's form: (key, printed label).
    pub(crate) fn t3_rows(&self) -> Vec<(&'static str, &'static str)> {
        t3_form_rows(&self.format).into_iter().map(|r| (text(&r["key"]), text(&r["label"]))).collect()
    }
    /// The printed text of a gold cell (`"251000元"` kept as is).
    pub(crate) fn text(v: &Value) -> String {
        match v {
            Value::Null => "0".into(),
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        }
    }
    pub(crate) fn t3_values(&self, row: &str) -> Vec<String> {
        T3_COLS.iter().map(|c| Gold::text(&self.t3[row][c])).collect()
    }
    pub(crate) fn t4_values(&self) -> Vec<String> {
        T4_GROUPS.iter().flat_map(|g| (0..5).map(move |i| (g, i))).map(|(g, i)| Gold::text(&self.t4[*g][i])).collect()
    }
    pub(crate) fn t2_values(&self, item: &str, n: usize) -> Vec<String> {
        let obj = self.t2[item].as_object().cloned().unwrap_or_default();
        obj.values().take(n).map(Gold::text).collect()
    }
}

/// How a text rendering lays out one row.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Layout {
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
pub(crate) fn text_report(g: &Gold, layout: Layout) -> String {
    let mut out = vec![
        "2023年政府信息公开工作年度报告".to_string(),
        "一、总体情况".into(),
        "本机关依法公开政府信息。".into(),
        title("proactive").into(),
    ];
    for (caption, headers, items) in t2_blocks(&g.format) {
        out.push(caption.to_string());
        out.push(row(
            layout,
            t2_item_header(),
            &headers.iter().map(std::string::ToString::to_string).collect::<Vec<_>>(),
        ));
        for (key, label) in items {
            let n = if headers.len() == 1 { 1 } else { headers.len() };
            out.push(row(layout, label, &g.t2_values(key, n)));
        }
    }
    out.push(title("requests").into());
    out.push(t3("note").into());
    out.push(row(layout, t3("header"), &t3_col_labels().into_iter().map(String::from).collect::<Vec<_>>()));
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
    out.push(title("review_litigation").into());
    let (heads, cols) = (t4_headers(), t4_col_labels());
    // The group labels printed under a top header of another name (未经复议直接起诉, 复议后起诉).
    let under: Vec<&str> = t4_group_labels().into_iter().filter(|l| !heads.contains(l)).collect();
    if layout == Layout::Pdf {
        // Headers stacked one character per line (DOMAIN §8.3).
        out.push(heads.join(" "));
        let chars: Vec<Vec<char>> = cols.iter().map(|l| l.chars().collect()).collect();
        for k in 0..chars.iter().map(Vec::len).max().unwrap_or(0) {
            out.push(chars.iter().filter_map(|c| c.get(k)).map(char::to_string).collect::<Vec<_>>().join(" "));
        }
    } else {
        out.push(row(layout, heads[0], &heads[1..].iter().map(std::string::ToString::to_string).collect::<Vec<_>>()));
        let rest: Vec<String> = cols[1..].iter().chain(&under).map(std::string::ToString::to_string).collect();
        out.push(row(layout, cols[0], &rest));
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
pub(crate) fn html_report(g: &Gold, padded: bool, word_spans: bool, blank_zeros: bool) -> String {
    let v = |s: String| if blank_zeros && s == "0" { String::new() } else { s };
    let mut h = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><p>{}</p><table border=\"1\"><tbody>",
        title("proactive")
    );
    for (caption, headers, items) in t2_blocks(&g.format) {
        let width = 4;
        h.push_str(&format!("<tr>{}</tr>", td(caption, 1, width, false)));
        let span = if headers.len() == 1 { 3 } else { 1 };
        h.push_str("<tr>");
        h.push_str(&td(t2_item_header(), 1, 1, false));
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
    h.push_str(&format!("</tbody></table><p>{}</p><table border=\"1\"><tbody>", title("requests")));
    let (note, header, org, labels) = (t3("note"), t3("header"), t3_org_header(), t3_col_labels());
    let (first, orgs, last) = (labels[0], &labels[1..labels.len() - 1], labels[labels.len() - 1]);
    if padded {
        h.push_str(&format!(
            "<tr>{}{}{}{}</tr>",
            td(note, 1, 1, false),
            td("", 1, 1, false),
            td("", 1, 1, false),
            td(header, 1, 1, false)
        ));
        h.push_str("<tr>");
        let second = ["", "", "", first, org].into_iter().chain(orgs[1..].iter().map(|_| "")).chain([last]);
        for x in second {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr><tr>");
        for x in ["", "", "", ""].into_iter().chain(orgs.iter().copied()).chain([""]) {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr>");
    } else {
        h.push_str(&format!("<tr>{}{}</tr>", td(note, 3, 3, false), td(header, 1, labels.len(), false)));
        h.push_str(&format!(
            "<tr>{}{}{}</tr>",
            td(first, 2, 1, false),
            td(org, 1, orgs.len(), false),
            td(last, 2, 1, false)
        ));
        h.push_str("<tr>");
        for x in orgs {
            h.push_str(&td(x, 1, 1, false));
        }
        h.push_str("</tr>");
    }
    let rows = t3_form_rows(&g.format);
    let results = t3_results_label();
    let n_results = rows.iter().filter(|r| r["section"].is_string()).count();
    for r in rows {
        let (key, label) = (text(&r["key"]), text(&r["label"]));
        h.push_str("<tr>");
        let group = r["category"].as_str().filter(|_| group_before(key, &g.format).is_some());
        // Above the result rows (一、二、and 四、), or a result row of no category (（一）…（七）).
        let top = r["section"].is_null();
        let cat = !top && r["category"].is_null();
        if padded {
            let (a, b, c) = if top {
                (label, "", "")
            } else if cat {
                (results, label, "")
            } else {
                (results, group.unwrap_or(""), label)
            };
            h.push_str(&td(a, 1, 1, false));
            h.push_str(&td(b, 1, 1, false));
            h.push_str(&td(c, 1, 1, false));
        } else if top {
            h.push_str(&td(label, 1, 3, false));
        } else {
            if group_before(key, &g.format) == Some(results) {
                h.push_str(&td(results, n_results, 1, false));
            }
            if cat {
                h.push_str(&td(label, 1, 2, false));
            } else {
                if let Some(gl) = group {
                    h.push_str(&td(gl, category_rows(gl, &g.format), 1, false));
                }
                h.push_str(&td(label, 1, 1, false));
            }
        }
        for val in g.t3_values(key) {
            h.push_str(&td(&v(val), 1, 1, word_spans));
        }
        h.push_str("</tr>");
    }
    h.push_str(&format!("</tbody></table><p>{}</p><table border=\"1\"><tbody>", title("review_litigation")));
    let (heads, groups, cols) = (t4_headers(), t4_group_labels(), t4_col_labels());
    let n = cols.len();
    // A group whose label is its top header's (行政复议) has its columns straight under it;
    // the others (未经复议直接起诉, 复议后起诉 under 行政诉讼) a label row first.
    let tops: Vec<&str> = list(&template()["review_litigation"]["groups"]).iter().map(|g| text(&g["group"])).collect();
    let own = |i: usize| groups[i] == tops[i];
    if padded {
        h.push_str("<tr>");
        for (i, top) in tops.iter().enumerate() {
            let first = i == 0 || tops[i - 1] != *top;
            for j in 0..n {
                h.push_str(&td(if j == 0 && first { top } else { "" }, 1, 1, false));
            }
        }
        h.push_str("</tr><tr>");
        for (i, group) in groups.iter().enumerate() {
            for (j, col) in cols.iter().enumerate() {
                h.push_str(&td(
                    if own(i) {
                        col
                    } else if j == 0 {
                        group
                    } else {
                        ""
                    },
                    1,
                    1,
                    false,
                ));
            }
        }
        h.push_str("</tr><tr>");
        for i in 0..groups.len() {
            for col in &cols {
                h.push_str(&td(if own(i) { "" } else { col }, 1, 1, false));
            }
        }
        h.push_str("</tr>");
    } else {
        h.push_str("<tr>");
        for head in &heads {
            h.push_str(&td(head, 1, n * tops.iter().filter(|t| *t == head).count(), false));
        }
        h.push_str("</tr><tr>");
        for (i, group) in groups.iter().enumerate() {
            if own(i) {
                for col in &cols {
                    h.push_str(&td(col, 2, 1, false));
                }
            } else {
                h.push_str(&td(group, 1, n, false));
            }
        }
        h.push_str("</tr><tr>");
        for _ in (0..groups.len()).filter(|&i| !own(i)) {
            for col in &cols {
                h.push_str(&td(col, 1, 1, false));
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

/// A few Simplified → Traditional characters for the labels (Big5 rendering).
pub(crate) fn to_traditional(s: &str) -> String {
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

/// A cell's value for scoring: blank and `na` count as 0, text as unknown.
pub(crate) fn cell_value(c: Option<&CellReading>) -> Option<f64> {
    let c = c?;
    if c.state.counts_as_zero() {
        Some(0.0)
    } else {
        c.value.map(Number::as_f64)
    }
}

/// A gold table's cells as `(row, column, gold value)`: a row holds an object of columns,
/// or table 4's five values in column order.
pub(crate) fn gold_cells(table: &Value) -> Vec<(&str, String, &Value)> {
    let Some(rows) = table.as_object() else { return Vec::new() };
    let mut out = Vec::new();
    for (row, cols) in rows {
        match cols {
            Value::Array(a) => out.extend(T4_COLS.iter().zip(a).map(|(c, v)| (row.as_str(), (*c).to_string(), v))),
            Value::Object(o) => out.extend(o.iter().map(|(c, v)| (row.as_str(), c.clone(), v))),
            _ => {}
        }
    }
    out
}

/// A gold value as a number: `null` is `null_as` (0 where gold writes blanks as null, none
/// where null means "cannot be determined"); text keeps its digits, `万` scales.
pub(crate) fn gold_number(v: &Value, null_as: Option<f64>) -> Option<f64> {
    match v {
        Value::Null => null_as,
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
            let n: f64 = digits.parse().ok()?;
            Some(if s.contains('万') { n * 10000.0 } else { n })
        }
        _ => None,
    }
}

/// The scoring value of a table's cell (`cell_value`), none where the table or cell is missing.
pub(crate) fn read_cell(table: Option<&TableReading>, row: &str, col: &str) -> Option<f64> {
    table.and_then(|t| t.cells.get(row)).and_then(|r| cell_value(r.get(col)))
}
