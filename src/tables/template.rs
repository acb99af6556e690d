//! The 2019 and 2021 table templates as data: row and column keys (SPEC §4)
//! with the labels that identify them (DOMAIN §3–§5, variants §3.3, §4.3, §12).
//!
//! Labels are matched in a *compact* form of the text: whitespace removed,
//! full-width ASCII folded, quotes removed, `其它` read as `其他` (DOMAIN §12.1),
//! so a pattern here never contains spaces, quotes or full-width brackets.
//! Ordinals (`一、`, `（三）`, `1.`) are not part of the patterns: they vary and
//! are skipped around the match.

use crate::model::{Form, TableFormat};

use super::solve::sum_is_last;

/// Table 3 columns in template order (DOMAIN §4.1) and the header labels that name them.
pub const T3_COLS: [&str; 7] =
    ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"];

/// Header labels of table 3 columns (DOMAIN §4.1, §4.3): `(pattern, column index)`.
pub const T3_COL_LABELS: &[(&str, usize)] = &[
    ("自然人", 0),
    ("商业企业", 1),
    ("科研机构", 2),
    ("社会公益组织", 3),
    ("法律服务机构", 4),
    ("其他", 5),
    ("总计", 6),
];

/// What a label of table 3 stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T3Label {
    /// A data row: index into `T3_ROWS`.
    Row(usize),
    /// A spanning group label without numbers (三、本年度办理结果, （三）不予公开 …).
    Group,
    /// （六）其他处理: the 2019 data row `other`, a group label in 2021 (DOMAIN §4.2, §6).
    OtherProcessing,
}

/// One table 3 data row: key, ordinal printed before it (for stripping a
/// glued ordinal off the previous row's numbers), and whether only one format has it.
#[derive(Debug, Clone, Copy)]
pub struct T3Row {
    pub key: &'static str,
    pub ordinal: Option<u8>,
    /// The one form that has this row, for form-specific rows.
    pub only: Option<Form>,
}

const fn row(key: &'static str, ordinal: Option<u8>, only: Option<Form>) -> T3Row {
    T3Row { key, ordinal, only }
}

/// Table 3 rows in template order (DOMAIN §4.2), SPEC §4 keys. `other` is the
/// 2019 single row; `other_*` the 2021 rows.
pub const T3_ROWS: [T3Row; 26] = [
    row("new_received", None, None),
    row("carried_over", None, None),
    row("granted", None, None),
    row("partially_granted", None, None),
    row("denied_state_secret", Some(1), None),
    row("denied_prohibited_by_law", Some(2), None),
    row("denied_three_safeties", Some(3), None),
    row("denied_third_party", Some(4), None),
    row("denied_internal_affairs", Some(5), None),
    row("denied_process_info", Some(6), None),
    row("denied_enforcement_file", Some(7), None),
    row("denied_query_matter", Some(8), None),
    row("unavailable_not_held", Some(1), None),
    row("unavailable_needs_creation", Some(2), None),
    row("unavailable_unclear", Some(3), None),
    row("not_processed_petition", Some(1), None),
    row("not_processed_duplicate", Some(2), None),
    row("not_processed_publication", Some(3), None),
    row("not_processed_excessive", Some(4), None),
    row("not_processed_confirmation", Some(5), None),
    row("other", None, Some(Form::F2019)),
    row("other_no_correction", Some(1), Some(Form::F2021)),
    row("other_unpaid_fee", Some(2), Some(Form::F2021)),
    row("other_other", Some(3), Some(Form::F2021)),
    row("results_total", None, None),
    row("carried_forward", None, None),
];

/// Header words of a remarks column (`备注`): what its cells print (`无`, `含转办3件`, a number)
/// is a note on the row, no value of a template column.
pub const REMARK_WORDS: &[&str] = &["备注", "说明", "附注", "备注说明", "备注栏"];

/// Whether `text` (a table's header) names a column of notes.
pub fn names_notes(text: &str) -> bool {
    REMARK_WORDS.iter().any(|w| text.contains(w))
}

/// Whether a table-3 row of eight values ends with a note (a remarks column after the table's
/// last): its last is no count (`无`, `含转办2件`), or the seven before it add up as a row and
/// the seven after its first do not.
pub fn ends_with_note(row: &[Option<i64>]) -> bool {
    let adds_up = |v: &[Option<i64>]| v.iter().copied().collect::<Option<Vec<i64>>>().is_some_and(|v| sum_is_last(&v));
    row.len() == T3_COLS.len() + 1
        && (row[T3_COLS.len()].is_none() || (adds_up(&row[..T3_COLS.len()]) && !adds_up(&row[1..])))
}

/// Whether a table 3 left one of the form's columns out: its header names six of the seven
/// (`named`), and each of its rows printing values (`printed`: how many a row), five at least,
/// prints six.
pub fn leaves_a_column_out(named: usize, printed: &[usize]) -> bool {
    named == T3_COLS.len() - 1 && printed.len() >= 5 && printed.iter().all(|&n| n == T3_COLS.len() - 1)
}

/// The column a table 3 that leaves one out (`leaves_a_column_out`) is read without: the one
/// column its header does not name (`unnamed`), where it is one of the five 法人或其他组织 parts
/// (without 自然人 or 总计 the six values are not known to be whose).
pub fn left_out_part(unnamed: &[usize]) -> Option<usize> {
    match unnamed {
        &[m] if (1..=5).contains(&m) => Some(m),
        _ => None,
    }
}

/// Whether table-3 rows of eight values print a subtotal of the 法人或其他组织 columns at `at`
/// (1, before 商业企业; 6, after 其他), as the header's words put it: in every row it is the
/// sum of the five types (a total that does not add up is the report's slip, checked later).
pub fn subtotal_fits(rows: &[Vec<i64>], at: usize) -> bool {
    let fits = |r: &Vec<i64>| {
        let mut r = r.clone();
        let sub = r.remove(at);
        sub == r[1..6].iter().sum::<i64>()
    };
    !rows.is_empty() && rows.iter().all(|r| r.len() == T3_COLS.len() + 1 && fits(r))
}

/// Whether table-3 rows of eight values print a part of one of the form's columns at `at`, in a
/// column of its own after it (`其中：网上申请` under 自然人, at 1; under 总计, at 7): in every row
/// it is at most the column before it, and each row that adds up read without one of its values
/// after the first (any could be such a part) adds up without this one (a report's slip leaves a
/// row that adds up no way).
pub fn part_fits(rows: &[Vec<i64>], at: usize) -> bool {
    let without = |r: &Vec<i64>, k: usize| {
        let mut r = r.clone();
        r.remove(k);
        r
    };
    let sums = |r: &[i64]| r[..T3_COLS.len() - 1].iter().sum::<i64>() == r[T3_COLS.len() - 1];
    let fits =
        |r: &Vec<i64>| r[at] <= r[at - 1] && (sums(&without(r, at)) || !(1..r.len()).any(|k| sums(&without(r, k))));
    (1..=T3_COLS.len()).contains(&at)
        && rows.iter().any(|r| r.iter().any(|&v| v != 0))
        && rows.iter().all(|r| r.len() == T3_COLS.len() + 1 && fits(r))
}

/// Where a part column (`part_fits`) stands among a row's eight values from where the header
/// prints its `其中` (`at`) and the other four applicant types (`types`): before them, under
/// 自然人 (1); after them all, under 总计 (7).
pub fn part_place(types: &[usize], at: usize) -> Option<usize> {
    subtotal_place(types, at).map(|k| if k == 1 { 1 } else { T3_COLS.len() })
}

/// The subtotal's place among a row's eight values from where the header prints it (`at`) and
/// where it prints the other four applicant types (`types`): after them all, 6; before, 1.
pub fn subtotal_place(types: &[usize], at: usize) -> Option<usize> {
    if types.is_empty() {
        None
    } else if types.iter().all(|&p| p < at) {
        Some(T3_COLS.len() - 1)
    } else if types.iter().all(|&p| p > at) {
        Some(1)
    } else {
        None
    }
}

/// Indices into `T3_ROWS` of the rows a table 3 of `format` prints, in order (`Other`: every
/// row of either form).
pub fn t3_rows_of(format: TableFormat) -> Vec<usize> {
    (0..T3_ROWS.len()).filter(|&i| t3_row_in(format, i)).collect()
}

/// Whether a table 3 of `format` prints row `i` of `T3_ROWS` (`Other`: a row of either form).
pub fn t3_row_in(format: TableFormat, i: usize) -> bool {
    T3_ROWS[i].only.is_none_or(|f| format.form().is_none_or(|g| f == g))
}

/// Index of `results_total` in `T3_ROWS`.
pub const T3_RESULTS_TOTAL: usize = 24;
/// Index of `carried_forward` in `T3_ROWS`.
pub const T3_CARRIED_FORWARD: usize = 25;
/// Index of the 2019 `other` row in `T3_ROWS`.
pub const T3_OTHER_2019: usize = 20;

/// Table 3 labels (DOMAIN §4.2, variants §4.3, §14.6). Several patterns per
/// row: the longest match wins, so full labels beat the keyword fallbacks.
pub const T3_LABELS: &[(&str, T3Label)] = &[
    ("本年新收政府信息公开申请数量", T3Label::Row(0)),
    ("本年新收政府信息公开申请", T3Label::Row(0)),
    ("本年新收申请数量", T3Label::Row(0)),
    ("上年结转政府信息公开申请数量", T3Label::Row(1)),
    ("上年结转政府信息公开申请", T3Label::Row(1)),
    ("上年结转申请数量", T3Label::Row(1)),
    ("本年度办理结果", T3Label::Group),
    ("予以公开情况", T3Label::Row(2)),
    ("予以公开", T3Label::Row(2)),
    ("部分公开", T3Label::Row(3)),
    ("不予公开", T3Label::Group),
    ("属于国家秘密", T3Label::Row(4)),
    ("其他法律行政法规禁止公开", T3Label::Row(5)),
    ("法律行政法规禁止公开", T3Label::Row(5)),
    ("危及三安全一稳定", T3Label::Row(6)),
    ("三安全一稳定", T3Label::Row(6)),
    ("保护第三方合法权益", T3Label::Row(7)),
    ("属于三类内部事务信息", T3Label::Row(8)),
    ("三类内部事务信息", T3Label::Row(8)),
    ("属于四类过程性信息", T3Label::Row(9)),
    ("四类过程性信息", T3Label::Row(9)),
    ("属于行政执法案卷", T3Label::Row(10)),
    ("行政执法案卷", T3Label::Row(10)),
    ("属于行政查询事项", T3Label::Row(11)),
    ("行政查询事项", T3Label::Row(11)),
    ("无法提供", T3Label::Group),
    ("本机关不掌握相关政府信息", T3Label::Row(12)),
    ("不掌握相关政府信息", T3Label::Row(12)),
    ("没有现成信息需要另行制作", T3Label::Row(13)),
    ("需要另行制作", T3Label::Row(13)),
    ("补正后申请内容仍不明确", T3Label::Row(14)),
    ("申请内容仍不明确", T3Label::Row(14)),
    ("不予处理", T3Label::Group),
    ("信访举报投诉类申请", T3Label::Row(15)),
    ("重复申请", T3Label::Row(16)),
    ("要求提供公开出版物", T3Label::Row(17)),
    ("无正当理由大量反复申请", T3Label::Row(18)),
    ("要求行政机关确认或重新出具已获取信息", T3Label::Row(19)),
    // Heads of long labels: in PDF text a label wrapped over lines may have the row's numbers
    // between its parts (`5.要求行政机关确认或重新出` / `1 0 0 …` / `具已获取信息`).
    ("要求行政机关确认", T3Label::Row(19)),
    ("无正当理由大量", T3Label::Row(18)),
    ("要求提供公开出版", T3Label::Row(17)),
    ("信访举报投诉", T3Label::Row(15)),
    ("补正后申请内容", T3Label::Row(14)),
    ("没有现成信息", T3Label::Row(13)),
    ("本机关不掌握", T3Label::Row(12)),
    ("属于四类过程", T3Label::Row(9)),
    ("属于三类内部", T3Label::Row(8)),
    // (Cut short before 规 too: `2.其他法律行政法` / `规禁止公开`.)
    ("其他法律行政法", T3Label::Row(5)),
    // (Cut short where a cell's text wraps: `1.申请人无正当理由` / `逾期不补正、行政` …, a line a row
    // in a DataFrame's Markdown.)
    ("申请人无正当理由", T3Label::Row(21)),
    ("申请人逾期未按", T3Label::Row(22)),
    ("其他处理", T3Label::OtherProcessing),
    ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", T3Label::Row(21)),
    ("申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请", T3Label::Row(21)),
    ("申请人无正当理由逾期不补正", T3Label::Row(21)),
    ("逾期不补正", T3Label::Row(21)),
    ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", T3Label::Row(22)),
    ("申请人逾期未按收费通知要求缴纳费用,行政机关不再处理其政府信息公开申请", T3Label::Row(22)),
    ("申请人逾期未按收费通知要求缴纳费用", T3Label::Row(22)),
    ("逾期未按收费通知", T3Label::Row(22)),
    ("其他", T3Label::Row(23)),
    ("总计", T3Label::Row(24)),
    // (A table retyped with 合计 or 小计 for the form's 总计: `（七）合计`, `（七）小计`.)
    ("合计", T3Label::Row(24)),
    ("小计", T3Label::Row(24)),
    ("结转下年度继续办理", T3Label::Row(25)),
    ("结转下一年度继续办理", T3Label::Row(25)),
];

/// Table 4 groups and columns (DOMAIN §5), SPEC keys.
pub const T4_GROUPS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
pub const T4_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// Column labels of table 4 (DOMAIN §5): `(pattern, column index)`.
pub const T4_COL_LABELS: &[(&str, usize)] =
    &[("结果维持", 0), ("结果纠正", 1), ("其他结果", 2), ("尚未审结", 3), ("总计", 4), ("合计", 4)];

/// Group labels of table 4 (DOMAIN §5): `(pattern, group index)`; longest wins.
pub const T4_GROUP_LABELS: &[(&str, usize)] = &[("行政复议", 0), ("未经复议直接起诉", 1), ("复议后起诉", 2)];

/// The group a label names: the longest group label it holds (复议后起诉 and 未经复议直接起诉
/// both hold 复议).
pub fn t4_group(k: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (p, g) in T4_GROUP_LABELS {
        if k.contains(p) && best.is_none_or(|(len, _)| p.len() > len) {
            best = Some((p.len(), *g));
        }
    }
    best.map(|(_, g)| g)
}

/// The groups `text` names, in the order it names them (`未经复议直接起诉| 复议后起诉`).
pub fn t4_groups_named(text: &str) -> Vec<usize> {
    let mut at: Vec<(usize, usize)> =
        T4_GROUP_LABELS.iter().filter_map(|(p, g)| text.find(p).map(|i| (i, *g))).collect();
    at.sort_unstable();
    at.into_iter().map(|(_, g)| g).collect()
}

/// Characters of table 4 header labels: stacked one or two per line in PDF
/// text (DOMAIN §8.3), they are skipped rather than read.
pub const T4_HEADER_CHARS: &str = "行政复议诉讼结果维持纠正其他尚未审总合计经直接起后情况";

/// Table 2 items (DOMAIN §3): `(key, columns in 2019, columns in 2021)`.
pub struct T2Item {
    pub key: &'static str,
    pub cols_2019: &'static [&'static str],
    pub cols_2021: &'static [&'static str],
}

pub const T2_ITEMS: [T2Item; 8] = [
    T2Item {
        key: "rules",
        cols_2019: &["new_made", "new_published", "total_published"],
        cols_2021: &["issued", "repealed", "in_force"],
    },
    T2Item {
        key: "normative_documents",
        cols_2019: &["new_made", "new_published", "total_published"],
        cols_2021: &["issued", "repealed", "in_force"],
    },
    T2Item { key: "licensing", cols_2019: &["prev_items", "change", "decisions"], cols_2021: &["decisions"] },
    T2Item { key: "other_services", cols_2019: &["prev_items", "change", "decisions"], cols_2021: &[] },
    T2Item { key: "punishment", cols_2019: &["prev_items", "change", "decisions"], cols_2021: &["decisions"] },
    T2Item { key: "coercion", cols_2019: &["prev_items", "change", "decisions"], cols_2021: &["decisions"] },
    T2Item { key: "fees", cols_2019: &["prev_items", "change"], cols_2021: &["amount_10k_yuan"] },
    T2Item { key: "procurement", cols_2019: &["items", "amount"], cols_2021: &[] },
];

/// What a label of table 2 stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T2Label {
    /// An item row: index into `T2_ITEMS`.
    Item(usize),
    /// A column header: its key, and the form it implies (DOMAIN §12.3).
    Col(&'static str, Option<Form>),
    /// A caption 第二十条第（X）项 or the 信息内容 header.
    Caption,
}

/// Table 2 labels (DOMAIN §3.1–§3.3). Provincial notes in parentheses are
/// removed before matching; the longest match wins.
pub const T2_LABELS: &[(&str, T2Label)] = &[
    ("规章", T2Label::Item(0)),
    ("行政规范性文件", T2Label::Item(1)),
    ("规范性文件", T2Label::Item(1)),
    // (Taiwan vocabulary, a text converted to it: OpenCC's s2twp writes 文件 as 檔案.)
    ("行政规范性档案", T2Label::Item(1)),
    ("规范性档案", T2Label::Item(1)),
    ("行政许可", T2Label::Item(2)),
    ("其他对外管理服务事项", T2Label::Item(3)),
    ("行政处罚", T2Label::Item(4)),
    ("行政强制", T2Label::Item(5)),
    ("行政事业性收费", T2Label::Item(6)),
    ("政府集中采购", T2Label::Item(7)),
    ("第二十条", T2Label::Caption),
    ("信息内容", T2Label::Caption),
    ("本年制发件数", T2Label::Col("issued", Some(Form::F2021))),
    ("本年废止件数", T2Label::Col("repealed", Some(Form::F2021))),
    ("现行有效件数", T2Label::Col("in_force", Some(Form::F2021))),
    ("本年处理决定数量", T2Label::Col("decisions", Some(Form::F2021))),
    ("本年收费金额", T2Label::Col("amount_10k_yuan", Some(Form::F2021))),
    ("本年新制作数量", T2Label::Col("new_made", Some(Form::F2019))),
    ("本年新公开数量", T2Label::Col("new_published", Some(Form::F2019))),
    ("对外公开总数量", T2Label::Col("total_published", Some(Form::F2019))),
    ("上一年项目数量", T2Label::Col("prev_items", Some(Form::F2019))),
    ("本年增/减", T2Label::Col("change", Some(Form::F2019))),
    ("本年增减", T2Label::Col("change", Some(Form::F2019))),
    ("处理决定数量", T2Label::Col("decisions", Some(Form::F2019))),
    ("采购项目数量", T2Label::Col("items", Some(Form::F2019))),
    ("采购总金额", T2Label::Col("amount", Some(Form::F2019))),
];

/// Prose statements that pin a table 2 cell (SPEC §4: `现行有效行政规范性文件698件`):
/// `(regex, item, column)`; the column is looked up in the detected format.
pub const T2_PROSE: &[(&str, &str, &str)] = &[
    (r"现行有效(?:的)?(?:行政)?规范性文件(?:共|总数|数量为?|为)?(\d+)件", "normative_documents", "in_force"),
    (r"现行有效(?:的)?规章(?:共|为)?(\d+)件", "rules", "in_force"),
    (
        r"(?:本年|全年|年内)?(?:共)?(?:制发|印发|出台)(?:了|的)?(?:行政)?规范性文件(?:共)?(\d+)件",
        "normative_documents",
        "issued",
    ),
    (r"(?:本年|全年|年内)?(?:共)?废止(?:了)?(?:行政)?规范性文件(?:共)?(\d+)件", "normative_documents", "repealed"),
];

// ---------------------------------------------------------------------------
// The official forms as printed (国办公开办函〔2019〕60号, 〔2021〕30号): the one
// place the printed labels live. `official()` exports them (to Python as
// `gongkai.template()`), so the display, the renderer, the frames and the docs
// read them instead of keeping copies.

/// Section headings of the three tables.
pub const T2_TITLE: &str = "二、主动公开政府信息情况";
pub const T3_TITLE: &str = "三、收到和处理政府信息公开申请情况";
pub const T4_TITLE: &str = "四、政府信息公开行政复议、行政诉讼情况";

/// Table 3's top-left note (the 勾稽关系 of the columns).
pub const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// Table 3's header over the seven columns, and over the five organisation columns.
pub const T3_HEADER: &str = "申请人情况";
pub const T3_ORG_HEADER: &str = "法人或其他组织";
/// The spanning label of the result rows.
pub const T3_RESULTS_LABEL: &str = "三、本年度办理结果";

/// Table 3 columns as printed, in template order.
pub const T3_COL_PRINTED: [&str; 7] =
    ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// Table 3 rows as printed, parallel to `T3_ROWS`: `(label, category)`, the category being
/// the spanning label of （三）（四）（五）, and of （六） in 2021.
pub const T3_ROW_PRINTED: [(&str, Option<&str>); 26] = [
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", None),
    ("（一）予以公开", None),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("1.属于国家秘密", Some("（三）不予公开")),
    ("2.其他法律行政法规禁止公开", Some("（三）不予公开")),
    ("3.危及“三安全一稳定”", Some("（三）不予公开")),
    ("4.保护第三方合法权益", Some("（三）不予公开")),
    ("5.属于三类内部事务信息", Some("（三）不予公开")),
    ("6.属于四类过程性信息", Some("（三）不予公开")),
    ("7.属于行政执法案卷", Some("（三）不予公开")),
    ("8.属于行政查询事项", Some("（三）不予公开")),
    ("1.本机关不掌握相关政府信息", Some("（四）无法提供")),
    ("2.没有现成信息需要另行制作", Some("（四）无法提供")),
    ("3.补正后申请内容仍不明确", Some("（四）无法提供")),
    ("1.信访举报投诉类申请", Some("（五）不予处理")),
    ("2.重复申请", Some("（五）不予处理")),
    ("3.要求提供公开出版物", Some("（五）不予处理")),
    ("4.无正当理由大量反复申请", Some("（五）不予处理")),
    ("5.要求行政机关确认或重新出具已获取信息", Some("（五）不予处理")),
    ("（六）其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Some("（六）其他处理")),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Some("（六）其他处理")),
    ("3.其他", Some("（六）其他处理")),
    ("（七）总计", None),
    ("四、结转下年度继续办理", None),
];

/// Table 4 as printed: the two top headers, the group labels (parallel to `T4_GROUPS`,
/// with the top header each sits under) and the column labels (parallel to `T4_COLS`).
pub const T4_REVIEW_HEADER: &str = "行政复议";
pub const T4_LITIGATION_HEADER: &str = "行政诉讼";
pub const T4_GROUP_PRINTED: [(&str, &str); 3] =
    [("行政复议", "行政复议"), ("未经复议直接起诉", "行政诉讼"), ("复议后起诉", "行政诉讼")];
pub const T4_COL_PRINTED: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// One printed block of table 2: its caption, the column headers (key, label, grid
/// columns the header spans in the four-column form) and the item rows (key, label).
pub struct T2Block {
    pub caption: &'static str,
    pub columns: &'static [(&'static str, &'static str, usize)],
    pub items: &'static [(&'static str, &'static str)],
}

/// Table 2 header of the item column.
pub const T2_ITEM_HEADER: &str = "信息内容";

const T2_COLS_2021_DOCS: &[(&str, &str, usize)] =
    &[("issued", "本年制发件数", 1), ("repealed", "本年废止件数", 1), ("in_force", "现行有效件数", 1)];
const T2_COLS_2019_DOCS: &[(&str, &str, usize)] = &[
    ("new_made", "本年新制作数量", 1),
    ("new_published", "本年新公开数量", 1),
    ("total_published", "对外公开总数量", 1),
];
const T2_COLS_2019_ITEMS: &[(&str, &str, usize)] =
    &[("prev_items", "上一年项目数量", 1), ("change", "本年增/减", 1), ("decisions", "处理决定数量", 1)];

/// Table 2 blocks of the 2021 form.
pub const T2_BLOCKS_2021: [T2Block; 4] = [
    T2Block {
        caption: "第二十条第（一）项",
        columns: T2_COLS_2021_DOCS,
        items: &[("rules", "规章"), ("normative_documents", "行政规范性文件")],
    },
    T2Block {
        caption: "第二十条第（五）项",
        columns: &[("decisions", "本年处理决定数量", 3)],
        items: &[("licensing", "行政许可")],
    },
    T2Block {
        caption: "第二十条第（六）项",
        columns: &[("decisions", "本年处理决定数量", 3)],
        items: &[("punishment", "行政处罚"), ("coercion", "行政强制")],
    },
    T2Block {
        caption: "第二十条第（八）项",
        columns: &[("amount_10k_yuan", "本年收费金额（单位：万元）", 3)],
        items: &[("fees", "行政事业性收费")],
    },
];

/// Table 2 blocks of the 2019 form.
pub const T2_BLOCKS_2019: [T2Block; 5] = [
    T2Block {
        caption: "第二十条第（一）项",
        columns: T2_COLS_2019_DOCS,
        items: &[("rules", "规章"), ("normative_documents", "规范性文件")],
    },
    T2Block {
        caption: "第二十条第（五）项",
        columns: T2_COLS_2019_ITEMS,
        items: &[("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
    },
    T2Block {
        caption: "第二十条第（六）项",
        columns: T2_COLS_2019_ITEMS,
        items: &[("punishment", "行政处罚"), ("coercion", "行政强制")],
    },
    T2Block {
        caption: "第二十条第（八）项",
        columns: &[("prev_items", "上一年项目数量", 1), ("change", "本年增/减", 2)],
        items: &[("fees", "行政事业性收费")],
    },
    T2Block {
        caption: "第二十条第（九）项",
        columns: &[("items", "采购项目数量", 1), ("amount", "采购总金额", 2)],
        items: &[("procurement", "政府集中采购")],
    },
];

/// The blocks of one table-2 form.
pub fn t2_blocks(form: Form) -> &'static [T2Block] {
    match form {
        Form::F2021 => &T2_BLOCKS_2021,
        Form::F2019 => &T2_BLOCKS_2019,
    }
}

impl T2Item {
    /// This item's columns in `form` (none when the form has no such row).
    pub fn cols(&self, form: Form) -> &'static [&'static str] {
        match form {
            Form::F2019 => self.cols_2019,
            Form::F2021 => self.cols_2021,
        }
    }
}

/// A misprinted or abbreviated row label (`2.其他法律行政止公开`): the template row whose
/// printed label shares the most characters in order with it, when that is clear.
pub fn fuzzy_t3(label: &str) -> Option<usize> {
    let l: Vec<char> = strip_ordinal(label).chars().collect();
    if !fuzzy_t3_may_match(l.len()) {
        return None;
    }
    let mut scored: Vec<(f64, usize)> = PRINTED
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // The score is at most min/max of the two lengths. Below 0.6 it can neither be
            // the best (which must reach 0.75) nor come within 0.15 of it: 0 decides the same.
            let (short, long) = (l.len().min(p.len), l.len().max(p.len));
            if short * 10 < long * 6 {
                return (0.0, i);
            }
            let common = p.lcs(&l) as f64;
            (common / (long as f64), i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, i) = scored[0];
    let second = scored.get(1).map_or(0.0, |s| s.0);
    (best >= 0.75 && best - second >= 0.15).then_some(i)
}

/// The template rows' printed labels as [`fuzzy_t3`] compares them: computed once, not per label.
static PRINTED: std::sync::LazyLock<Vec<Printed>> = std::sync::LazyLock::new(|| {
    T3_ROW_PRINTED.iter().map(|(p, _)| Printed::new(strip_ordinal(&super::grid::compact(p)))).collect()
});

/// Whether a label of `len` characters (its ordinal stripped) may be matched by [`fuzzy_t3`]:
/// at least 4, and not so long that every printed label is under 0.6 of it (each score is then
/// 0). Lets a caller skip building the label of a prose line.
pub fn fuzzy_t3_may_match(len: usize) -> bool {
    static LONGEST: std::sync::LazyLock<usize> =
        std::sync::LazyLock::new(|| PRINTED.iter().map(|p| p.len).max().unwrap_or(0));
    len >= 4 && len * 6 <= *LONGEST * 10
}

/// Characters [`strip_ordinal`] strips from the start of a label.
pub fn is_ordinal_char(c: char) -> bool {
    c.is_ascii_digit() || "().、．,一二三四五六七八九十".contains(c)
}

pub fn strip_ordinal(s: &str) -> &str {
    s.trim_start_matches(is_ordinal_char)
}

/// Labels longer than this many characters share no subsequence worth scoring ([`Printed::lcs`]
/// gives 0); up to it, a label's characters fit the bits of one word.
const LCS_MAX: usize = 64;

/// A printed label as the longest common subsequence reads it: its length and, for each of its
/// characters, the bit set of the positions where it stands.
struct Printed {
    len: usize,
    /// `(character, positions)`, by character.
    masks: Vec<(char, u64)>,
}

impl Printed {
    fn new(label: &str) -> Printed {
        let chars: Vec<char> = label.chars().collect();
        let mut masks: Vec<(char, u64)> = Vec::new();
        if chars.len() <= LCS_MAX {
            for (j, &c) in chars.iter().enumerate() {
                match masks.iter_mut().find(|(m, _)| *m == c) {
                    Some((_, bits)) => *bits |= 1 << j,
                    None => masks.push((c, 1 << j)),
                }
            }
            masks.sort_unstable_by_key(|&(c, _)| c);
        }
        Printed { len: chars.len(), masks }
    }

    /// Where `c` stands in the label.
    fn positions(&self, c: char) -> u64 {
        self.masks.binary_search_by_key(&c, |&(m, _)| m).map_or(0, |k| self.masks[k].1)
    }

    /// Length of the longest common subsequence of `a` and the label (0 past [`LCS_MAX`]
    /// characters), a word operation per character of `a` (Crochemore et al., 2001: the zero
    /// bits of `v` are the label's positions matched so far).
    fn lcs(&self, a: &[char]) -> usize {
        if a.len() > LCS_MAX || self.len > LCS_MAX {
            return 0;
        }
        let mut v = u64::MAX;
        for &x in a {
            let u = v & self.positions(x);
            v = v.wrapping_add(u) | (v - u);
        }
        let used = if self.len == 64 { u64::MAX } else { (1u64 << self.len) - 1 };
        (!v & used).count_ones() as usize
    }
}

pub mod export {
    //! The official forms as plain data (`gongkai.template()`).

    use serde::Serialize;

    use super::{
        t2_blocks, Form, T2_ITEM_HEADER, T2_TITLE, T3_COLS, T3_COL_PRINTED, T3_HEADER, T3_NOTE, T3_ORG_HEADER,
        T3_RESULTS_LABEL, T3_RESULTS_TOTAL, T3_ROWS, T3_ROW_PRINTED, T3_TITLE, T4_COLS, T4_COL_PRINTED, T4_GROUPS,
        T4_GROUP_PRINTED, T4_TITLE,
    };

    #[derive(Debug, Serialize)]
    pub struct Labelled {
        pub key: &'static str,
        pub label: &'static str,
    }

    #[derive(Debug, Serialize)]
    pub struct Column {
        pub key: &'static str,
        pub label: &'static str,
        /// The header printed above this one (`法人或其他组织`, `行政诉讼`), if any.
        pub group: Option<&'static str>,
    }

    #[derive(Debug, Serialize)]
    pub struct RequestsRow {
        pub key: &'static str,
        pub label: &'static str,
        /// The forms that have this row (`2019`, `2021`).
        pub formats: Vec<Form>,
        /// `三、本年度办理结果` for result rows.
        pub section: Option<&'static str>,
        /// The spanning category (`（三）不予公开` …) of a numbered item.
        pub category: Option<&'static str>,
    }

    #[derive(Debug, Serialize)]
    pub struct Requests {
        pub title: &'static str,
        pub note: &'static str,
        pub header: &'static str,
        pub columns: Vec<Column>,
        pub rows: Vec<RequestsRow>,
    }

    #[derive(Debug, Serialize)]
    pub struct ProactiveColumn {
        pub key: &'static str,
        pub label: &'static str,
        /// Grid columns of the four-column form this header spans.
        pub colspan: usize,
    }

    #[derive(Debug, Serialize)]
    pub struct ProactiveBlock {
        pub caption: &'static str,
        pub columns: Vec<ProactiveColumn>,
        pub items: Vec<Labelled>,
    }

    #[derive(Debug, Serialize)]
    pub struct Proactive {
        pub title: &'static str,
        pub item_header: &'static str,
        /// `2021` and `2019`: the blocks of each form.
        pub formats: crate::model::OrderedMap<Vec<ProactiveBlock>>,
    }

    #[derive(Debug, Serialize)]
    pub struct Review {
        pub title: &'static str,
        pub groups: Vec<Column>,
        pub columns: Vec<Labelled>,
    }

    /// `gongkai.template()`: the three tables as the official forms print them.
    #[derive(Debug, Serialize)]
    pub struct Official {
        pub proactive: Proactive,
        pub requests: Requests,
        pub review_litigation: Review,
    }

    fn blocks(form: Form) -> Vec<ProactiveBlock> {
        t2_blocks(form)
            .iter()
            .map(|b| ProactiveBlock {
                caption: b.caption,
                columns: b
                    .columns
                    .iter()
                    .map(|&(key, label, colspan)| ProactiveColumn { key, label, colspan })
                    .collect(),
                items: b.items.iter().map(|&(key, label)| Labelled { key, label }).collect(),
            })
            .collect()
    }

    pub fn official() -> Official {
        let mut formats = crate::model::OrderedMap::default();
        for form in [Form::F2021, Form::F2019] {
            formats.insert(form.as_str(), blocks(form));
        }
        let rows = T3_ROWS
            .iter()
            .zip(T3_ROW_PRINTED)
            .enumerate()
            .map(|(i, (row, (label, category)))| RequestsRow {
                key: row.key,
                label,
                formats: match row.only {
                    Some(f) => vec![f],
                    None => vec![Form::F2019, Form::F2021],
                },
                section: (2..T3_RESULTS_TOTAL + 1).contains(&i).then_some(T3_RESULTS_LABEL),
                category,
            })
            .collect();
        let columns = T3_COLS
            .iter()
            .zip(T3_COL_PRINTED)
            .enumerate()
            .map(|(i, (key, label))| Column { key, label, group: (1..6).contains(&i).then_some(T3_ORG_HEADER) })
            .collect();
        Official {
            proactive: Proactive { title: T2_TITLE, item_header: T2_ITEM_HEADER, formats },
            requests: Requests { title: T3_TITLE, note: T3_NOTE, header: T3_HEADER, columns, rows },
            review_litigation: Review {
                title: T4_TITLE,
                groups: T4_GROUPS
                    .iter()
                    .zip(T4_GROUP_PRINTED)
                    .map(|(key, (label, top))| Column { key, label, group: Some(top) })
                    .collect(),
                columns: T4_COLS.iter().zip(T4_COL_PRINTED).map(|(key, label)| Labelled { key, label }).collect(),
            },
        }
    }

    #[cfg(test)]
    mod tests {
        use super::super::T2_ITEMS;
        use super::*;

        #[test]
        fn the_printed_form_matches_the_keys() {
            let o = official();
            assert_eq!(o.requests.rows.len(), 26);
            let rows_2019 = o.requests.rows.iter().filter(|r| r.formats.contains(&Form::F2019)).count();
            let rows_2021 = o.requests.rows.iter().filter(|r| r.formats.contains(&Form::F2021)).count();
            // DOMAIN §4.2: 23 data rows in 2019, 25 in 2021.
            assert_eq!((rows_2019, rows_2021), (23, 25));
            assert_eq!(o.requests.rows[24].label, "（七）总计");
            assert_eq!(o.requests.rows[4].category, Some("（三）不予公开"));
            assert_eq!(o.requests.rows[0].section, None);
            assert_eq!(o.requests.rows[24].section, Some(T3_RESULTS_LABEL));
            // Every table-2 item and column of a form is a key of that form in T2_ITEMS.
            for (format, blocks) in o.proactive.formats.iter() {
                for b in blocks {
                    for item in &b.items {
                        let def = T2_ITEMS.iter().find(|d| d.key == item.key).expect("item");
                        let form = if format == Form::F2021.as_str() { Form::F2021 } else { Form::F2019 };
                        let cols = def.cols(form);
                        let printed: Vec<&str> = b.columns.iter().map(|c| c.key).collect();
                        assert_eq!(cols, printed.as_slice(), "{format} {}", item.key);
                    }
                }
            }
            assert_eq!(o.review_litigation.groups[1].label, "未经复议直接起诉");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        fuzzy_t3, fuzzy_t3_may_match, subtotal_fits, subtotal_place, Printed, LCS_MAX, PRINTED, T3_ROW_PRINTED,
    };

    #[test]
    fn a_subtotal_stands_where_the_header_puts_it_and_adds_up_there() {
        // 小计 after the four types in the header: the seventh of eight values.
        assert_eq!(subtotal_place(&[2, 3, 4, 5], 9), Some(6));
        assert_eq!(subtotal_place(&[4, 5, 6, 7], 1), Some(1));
        assert_eq!(subtotal_place(&[2, 3, 7, 8], 5), None);
        assert_eq!(subtotal_place(&[], 5), None);
        let rows = vec![vec![80, 1, 0, 0, 0, 0, 1, 81], vec![22, 0, 0, 2, 0, 1, 3, 0]];
        assert!(subtotal_fits(&rows, 6));
        assert!(!subtotal_fits(&rows, 1));
        // A subtotal that is not the sum of the types: not a subtotal.
        assert!(!subtotal_fits(&[vec![5, 1, 0, 0, 0, 0, 5, 6]], 6));
        // Seven values: no subtotal among them.
        assert!(!subtotal_fits(&[vec![80, 1, 0, 0, 0, 0, 81]], 6));
        assert!(!subtotal_fits(&[], 6));
    }

    #[test]
    fn a_part_column_is_at_most_its_column_and_leaves_rows_adding_up() {
        use super::{part_fits, part_place};
        assert_eq!(part_place(&[4, 5, 6, 7], 3), Some(1));
        assert_eq!(part_place(&[2, 3, 4, 5], 9), Some(7));
        assert_eq!(part_place(&[2, 6, 4, 5], 3), None);
        // 其中：网上申请 40 of 自然人's 80; a row printing totals 0 (the report's slip) adds up no way.
        let rows = [vec![80, 40, 1, 0, 0, 0, 0, 81], vec![258, 0, 12, 0, 0, 1, 1, 0], vec![0; 8]];
        assert!(part_fits(&rows, 1));
        // More than its column, or a row adding up only without another value: no part there.
        assert!(!part_fits(&[vec![80, 81, 1, 0, 0, 0, 0, 81]], 1));
        assert!(!part_fits(&[vec![80, 40, 1, 0, 0, 0, 0, 121]], 1));
        // Every value 0: nothing tells the column apart (and nothing needs to).
        assert!(!part_fits(&[vec![0; 8]], 1));
        assert!(!part_fits(&[vec![80, 1, 0, 0, 0, 0, 81]], 1));
    }

    #[test]
    fn labels_the_length_bound_rules_out_never_match() {
        // Every printed label, and each grown by repeating its own text, is matched exactly
        // where the bound lets it be: the bound only skips labels that match nothing.
        let longest = PRINTED.iter().map(|p| p.len).max().unwrap();
        assert!(fuzzy_t3_may_match(longest) && !fuzzy_t3_may_match(longest * 2));
        for (p, _) in T3_ROW_PRINTED {
            let p = super::strip_ordinal(&crate::tables::grid::compact(p)).to_string();
            for times in 1..4 {
                let l = p.repeat(times);
                let n = l.chars().count();
                if !fuzzy_t3_may_match(n) {
                    assert_eq!(fuzzy_t3(&l), None, "{l}");
                }
            }
        }
        assert!(!fuzzy_t3_may_match(3));
    }

    /// The longest common subsequence by the textbook table.
    fn lcs_table(a: &[char], b: &[char]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                t[i + 1][j + 1] = if x == y { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn bit_parallel_lcs_agrees_with_the_table() {
        // Labels from a small alphabet (many repeats), of every length up to past the limit.
        let alphabet: Vec<char> = "申请公开不予其他处理".chars().collect();
        let mut seed = 12345u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..2000 {
            let (n, m) = (next() % 70, next() % 70);
            let a: Vec<char> = (0..n).map(|_| alphabet[next() % alphabet.len()]).collect();
            let b: String = (0..m).map(|_| alphabet[next() % alphabet.len()]).collect();
            let b_chars: Vec<char> = b.chars().collect();
            let want = if n > LCS_MAX || m > LCS_MAX { 0 } else { lcs_table(&a, &b_chars) };
            assert_eq!(Printed::new(&b).lcs(&a), want, "{a:?} {b}");
        }
    }
}
