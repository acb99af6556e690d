//! CMS metadata panels (DOMAIN §11.1): `索 引 号：…`, `发布机构：…`, `成文日期：…`.
//! Reads `label: value` pairs from lines (one line, or a label line followed by
//! its value line) and from two-cell table rows. Owns the label vocabulary;
//! never interprets the values.

use std::sync::LazyLock;

use crate::document::PanelEntry;
use crate::hashing::FastMap;
use crate::normalize::is_invisible;

/// Panel labels (whitespace removed, all distinct) → canonical key. DOMAIN §11.1, "Canonical fields and synonyms".
const LABELS: &[(&str, &str)] = &[
    ("信息索引号", "index_number"),
    ("索引号", "index_number"),
    ("索引", "index_number"),
    ("主题分类", "category"),
    ("信息分类", "category"),
    ("组配分类", "category"),
    ("主题导航", "category"),
    ("公开目录", "category"),
    ("体裁分类", "category"),
    ("分类", "category"),
    ("栏目", "category"),
    ("发布机构", "publisher"),
    ("发文机关", "publisher"),
    ("发文单位", "publisher"),
    ("发文机构", "publisher"),
    ("发布单位", "publisher"),
    ("信息来源", "source"),
    ("来源", "source"),
    ("成文日期", "written"),
    ("发文日期", "written"),
    ("生成日期", "written"),
    ("产生日期", "written"),
    ("发布日期", "published"),
    ("发布时间", "published"),
    ("公开日期", "published"),
    ("公开时间", "published"),
    ("日期", "published"),
    ("文号", "doc_number"),
    ("发文字号", "doc_number"),
    ("发布文号", "doc_number"),
    ("文件编号", "doc_number"),
    ("名称", "title"),
    ("标题", "title"),
    ("信息名称", "title"),
    ("文件名称", "title"),
    ("有效性", "validity"),
    ("时效", "validity"),
    ("公开方式", "disclosure_mode"),
    ("公开属性", "disclosure_mode"),
    ("公开类别", "disclosure_mode"),
    ("公开形式", "disclosure_mode"),
    ("关键词", "keywords"),
    ("主题词", "keywords"),
    ("内容概述", "summary"),
];

/// Canonical key of a panel label such as `索 引 号：` or `• 发布机构:`; `None` when it is no panel label.
pub fn classify_label(label: &str) -> Option<&'static str> {
    let kept = |c: &char| {
        !crate::charset::is_whitespace(*c)
            && !is_invisible(*c)
            && !matches!(c, '•' | '·' | '●' | '■' | '◆' | '*' | '【' | '】' | '[' | ']')
    };
    // Called for every line and part of a line: clean into a stack buffer, and only
    // allocate for a long label (which can still be a short one before many colons).
    // Trimming takes only trailing colons, so more other kept chars than the longest
    // label has means no label, however long the line.
    static LONGEST: LazyLock<usize> =
        LazyLock::new(|| LABELS.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0));
    // Every label is Chinese: an ASCII text (a number cell, most cells of a page's tables)
    // cleans to ASCII, which `lookup_label` refuses, and needs no cleaning.
    if label.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 96];
    let mut len = 0usize;
    let mut others = 0usize;
    for c in label.chars().filter(kept) {
        if !matches!(c, ':' | '：') {
            others += 1;
            if others > *LONGEST {
                return None;
            }
        }
        let w = c.len_utf8();
        if len + w > buf.len() {
            let cleaned: String = label.chars().filter(kept).collect();
            return lookup_label(cleaned.trim_end_matches([':', '：']));
        }
        c.encode_utf8(&mut buf[len..]);
        len += w;
    }
    let cleaned = std::str::from_utf8(&buf[..len]).ok()?;
    lookup_label(cleaned.trim_end_matches([':', '：']))
}

fn lookup_label(cleaned: &str) -> Option<&'static str> {
    // Every label is Chinese, and ASCII has no Traditional form: a number cell stops here.
    if cleaned.is_ascii() {
        return None;
    }
    // One hash look-up: a scan of the list compared the text with every label of its length
    // (a memcmp call each, for each line and cell of the page). The labels are distinct.
    static BY_LABEL: LazyLock<FastMap<&'static str, &'static str>> = LazyLock::new(|| LABELS.iter().copied().collect());
    let find = |s: &str| BY_LABEL.get(s).copied();
    // The panel is read before normalisation, so a Traditional copy's labels
    // (標題, 發布機構, 索引號) are compared in Simplified.
    find(cleaned).or_else(|| {
        if !crate::normalize::has_traditional(cleaned) {
            return None;
        }
        let simplified = crate::normalize::normalize_str(cleaned, true);
        (simplified != cleaned).then(|| find(&simplified)).flatten()
    })
}

/// Splits `label：value` at the first colon whose left side is a panel label.
fn split_pair(line: &str) -> Option<(&'static str, String, String)> {
    let pos = line.find([':', '：'])?;
    let (label, rest) = line.split_at(pos);
    // A label is short; prose with a colon is not a panel line.
    if label.chars().filter(|&c| !is_invisible(c)).count() > 12 {
        return None;
    }
    let key = classify_label(label)?;
    let colon_len = rest.chars().next().map_or(0, char::len_utf8);
    Some((key, clean_label(label), rest[colon_len..].trim().to_string()))
}

fn clean_label(label: &str) -> String {
    label
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_invisible(c) && !matches!(c, '•' | '·' | '●' | '■' | '◆' | '*'))
        .collect()
}

/// Reads panel pairs from lines: `label：value` on one line, or `label：` alone with the
/// value on the next non-empty line. Several pairs on one line separated by wide
/// spaces (`索引号：x   发布日期：y`) are read too. Only the first occurrence of each key is kept.
pub fn scan_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<PanelEntry> {
    let mut out: Vec<PanelEntry> = Vec::new();
    let mut pending: Option<(&'static str, String)> = None;
    let push = |out: &mut Vec<PanelEntry>, key: &'static str, label: String, value: String| {
        if !value.is_empty() && !out.iter().any(|e| e.key == key) {
            out.push(PanelEntry { key, label, value });
        }
    };
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((key, label)) = pending.take() {
            if split_pair(line).is_none() && classify_label(line).is_none() {
                push(&mut out, key, label, line.to_string());
                continue;
            }
        }
        // Every pair, and a label line left pending, has a colon: most lines of prose have
        // none and need no further look.
        if next_colon(line, 0).is_none() {
            continue;
        }
        // Several pairs may share a line, separated by runs of spaces.
        let mut any = false;
        for part in line.split("  ").flat_map(split_at_labels).map(str::trim).filter(|p| !p.is_empty()) {
            if let Some((key, label, value)) = split_pair(part) {
                any = true;
                if value.is_empty() {
                    pending = Some((key, label));
                } else {
                    push(&mut out, key, label, value);
                }
            }
        }
        if !any {
            if let Some(key) = classify_label(line) {
                if line.ends_with([':', '：']) {
                    pending = Some((key, clean_label(line)));
                }
            }
        }
    }
    out
}

/// Splits `发布日期：2020-01-31 来源：某局` before each later `label：` that follows
/// whitespace, once the text so far holds a colon (so a spaced label such as
/// `成 文 日 期：` is never cut). HTML panels often join their spans with one space.
fn split_at_labels(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // Nothing before a colon is cut: from each colon on, the next cut.
    while let Some(colon) = next_colon(part, from) {
        let Some(cut) = label_cut(part, colon) else { break };
        out.push(&part[start..cut]);
        start = cut;
        from = cut;
    }
    out.push(&part[start..]);
    out
}

/// Byte offset of the first `:` or `：` (EF BC 9A) of `s` at or after `from`, found by byte.
fn next_colon(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = from;
    while let Some(k) = memchr::memchr2(b':', 0x9A, &b[at..]) {
        let i = at + k;
        if b[i] == b':' {
            return Some(i);
        }
        if i >= from + 2 && b[i - 2] == 0xEF && b[i - 1] == 0xBC {
            return Some(i - 2);
        }
        at = i + 1;
    }
    None
}

/// The first whitespace after `colon` that ends a run of whitespace before a panel label and
/// its colon.
fn label_cut(part: &str, colon: usize) -> Option<usize> {
    let mut from = colon;
    while let Some((k, c)) = crate::charset::find_whitespace(&part[from..]) {
        // Test only at the end of a whitespace run; a label is short, so look for
        // its colon within the next 13 characters only (linear overall).
        let i = from + k;
        from = i + c.len_utf8();
        let after = &part[from..];
        if after.starts_with(crate::charset::is_whitespace) {
            continue;
        }
        // The next 13 characters, stepped over by their lead bytes; the first colon by byte.
        let ab = after.as_bytes();
        let (mut end, mut n) = (0, 0);
        while n < 13 && end < ab.len() {
            end += crate::charset::utf8_len(ab[end]);
            n += 1;
        }
        let window = &after[..end.min(after.len())];
        if let Some(pos) = next_colon(window, 0) {
            if pos > 0 && classify_label(&window[..pos]).is_some() {
                return Some(i);
            }
        }
    }
    None
}

/// Reads a panel laid out as table rows: label cell, value cell, (label cell, value cell …).
pub fn scan_row(cells: &[&str]) -> Vec<PanelEntry> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < cells.len() {
        if let Some(key) = classify_label(cells[i]) {
            let value = cells[i + 1].trim();
            if !value.is_empty() && classify_label(value).is_none() {
                out.push(PanelEntry { key, label: clean_label(cells[i]), value: value.to_string() });
                i += 2;
                continue;
            }
        }
        // `label：value` inside one cell.
        if let Some((key, label, value)) = split_pair(cells[i].trim()) {
            if !value.is_empty() {
                out.push(PanelEntry { key, label, value });
            }
        }
        i += 1;
    }
    if let Some(last) = cells.last() {
        if cells.len() % 2 == 1 || i < cells.len() {
            if let Some((key, label, value)) = split_pair(last.trim()) {
                if !value.is_empty() && !out.iter().any(|e| e.key == key) {
                    out.push(PanelEntry { key, label, value });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_distinct_and_each_classifies_as_its_key() {
        let mut seen = std::collections::HashSet::new();
        for (label, key) in LABELS {
            assert!(seen.insert(*label), "{label} twice");
            assert_eq!(classify_label(label), Some(*key), "{label}");
            assert_eq!(classify_label(&format!("{label}：")), Some(*key), "{label}");
        }
        assert_eq!(classify_label("索引號"), Some("index_number"));
        assert_eq!(classify_label("2020"), None);
        assert_eq!(classify_label("本机关"), None);
    }

    #[test]
    fn reads_label_then_value_lines() {
        let lines = ["• 信息索引号:", "", "11330702731527164G/2014-32225", "• 成文日期:", "2014-08-13"];
        let p = scan_lines(lines);
        assert_eq!(p[0].key, "index_number");
        assert_eq!(p[0].value, "11330702731527164G/2014-32225");
        assert_eq!(p[1].key, "written");
        assert_eq!(p[1].value, "2014-08-13");
    }

    #[test]
    fn reads_spaced_labels_and_shared_lines() {
        let p = scan_lines(["索 引 号：000014349/2018-00222    发布日期：2019-01-30", "标　　题：某某报告"]);
        let keys: Vec<_> = p.iter().map(|e| (e.key, e.value.as_str())).collect();
        assert_eq!(
            keys,
            vec![("index_number", "000014349/2018-00222"), ("published", "2019-01-30"), ("title", "某某报告")]
        );
    }

    #[test]
    fn reads_pairs_joined_by_one_space() {
        let p = scan_lines(["发布日期：2020-01-31 16:00 来源：市政府办公厅", "成 文 日 期：2020-01-20"]);
        let keys: Vec<_> = p.iter().map(|e| (e.key, e.value.as_str())).collect();
        assert_eq!(
            keys,
            vec![("published", "2020-01-31 16:00"), ("source", "市政府办公厅"), ("written", "2020-01-20")]
        );
    }

    #[test]
    fn prose_with_colon_is_not_a_panel() {
        assert!(scan_lines(["现将我镇2010年政府信息公开工作总结如下：一是加强领导"]).is_empty());
    }

    #[test]
    fn traditional_labels_are_read() {
        let p = scan_lines([
            "標題: 某鎮2021年政務公開工作報告",
            "發布機構：某鎮人民政府",
            "索 引 號：11330702731527164G/2014-32225",
        ]);
        let keys: Vec<_> = p.iter().map(|e| e.key).collect();
        assert_eq!(keys, vec!["title", "publisher", "index_number"]);
        assert_eq!(p[1].value, "某鎮人民政府");
    }

    #[test]
    fn reads_table_rows() {
        let p = scan_row(&["索引号", "01424668-5/2021-00063", "发布机构", "启东市司法局"]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].key, "publisher");
        assert_eq!(p[1].value, "启东市司法局");
    }
}
