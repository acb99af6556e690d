//! Adversarial inputs found by hand (issue 7, point 2), at the Rust level:
//! regressions for what they exposed. The time and memory bounds of the big
//! inputs are measured from Python (`tests/test_hardening_adversarial.py`).

/// The metadata panel is read from the raw lines, before cleaning: a label
/// spelled with invisible characters inside (`标\u{200B}题：`) was no label, so
/// the title line became the agency.
#[test]
fn panel_labels_with_invisible_characters_are_read() {
    use _core::panel::{classify_label, scan_lines};
    for label in ["标\u{200B}题：", "发\u{202E}布\u{202C}日\u{2066}期\u{2069}:", "\u{FEFF}索\u{AD}引\u{200D}号"]
    {
        assert!(classify_label(label).is_some(), "{label:?}");
    }
    let spaced: String = "信息索引号".chars().flat_map(|c| [c, '\u{200B}', '\u{200C}', '\u{200D}']).collect();
    let entries =
        scan_lines([format!("{spaced}：000014348/2020-00001").as_str(), "标\u{200B}题\u{200B}: 某局2019年度报告"]);
    let keys: Vec<&str> = entries.iter().map(|e| e.key).collect();
    assert_eq!(keys, ["index_number", "title"]);
    assert_eq!(entries[1].label, "标题");
}
