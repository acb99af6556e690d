//! Adversarial inputs found by hand, at the Rust level:
//! regressions for what they exposed. The time and memory bounds of the big
//! inputs are measured from Python (`tests/test_bounds.py`).

use std::fs;
use std::path::Path;

use _core::{parse, Input, Options, Report};

fn real(name: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/real").join(name)).expect("real report")
}

fn parse_str(s: &str) -> Report {
    parse(Input::Str(s), &Options::default()).expect("parses")
}

/// Every invisible format character (zero width, bidi marks, embeddings,
/// overrides and isolates) between every two characters of a report changes
/// nothing the parser reads. U+061C (Arabic letter mark) and U+180E (Mongolian
/// vowel separator) were kept and broke every reading.
#[test]
fn zero_width_and_bidi_characters_between_every_character_change_nothing() {
    let text = real("pingtan-czj-2019.txt");
    let clean = parse_str(&text);
    assert!(clean.tables.requests.is_some() && clean.year == Some(2019));
    let invisible = [
        '\u{00AD}', '\u{061C}', '\u{180E}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}',
        '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        '\u{FEFF}',
    ];
    // The same report as an HTML page: the characters go inside the text, not the tags.
    let page = |t: &str| format!("<html><body><p>{}</p></body></html>", t.replace('\n', "</p>\n<p>"));
    let clean_page = parse_str(&page(&text));
    assert!(clean_page.tables.requests.is_some());
    for c in invisible {
        let spiked: String = text.chars().flat_map(|t| [t, c]).collect();
        // In the page, after every non-ASCII character (the report quotes markup, which stays markup).
        let spiked_page: String =
            text.chars().flat_map(|t| [Some(t), (!t.is_ascii()).then_some(c)]).flatten().collect();
        for (r, clean) in [(parse_str(&spiked), &clean), (parse_str(&page(&spiked_page)), &clean_page)] {
            assert_eq!(r.text, clean.text, "U+{:04X}", c as u32);
            assert_eq!(r.tables, clean.tables, "U+{:04X}", c as u32);
            assert_eq!(r.facts, clean.facts, "U+{:04X}", c as u32);
            assert_eq!((r.year, &r.agency), (clean.year, &clean.agency), "U+{:04X}", c as u32);
        }
    }
}

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
    // Traditional labels read as their Simplified ones; numbers and Latin words are no label.
    assert_eq!(classify_label("發布機構："), Some("publisher"));
    assert_eq!(classify_label("索 引 號"), Some("index_number"));
    for cell in ["74", "0", "", " 12 ", "ID:", "Title", "2024-01-05"] {
        assert_eq!(classify_label(cell), None, "{cell:?}");
    }
}

/// `max_bytes` holds for files whose size the metadata does not give (devices,
/// pipes, /proc): `/dev/zero` was read until memory ran out.
#[cfg(unix)]
#[test]
fn endless_files_are_refused_at_max_bytes() {
    use _core::{parse_file, CoreError};
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let opts = Options { max_bytes: 1 << 20, ..Options::default() };
    // The work is bounded by what was read: one byte past the limit, then refused.
    let err = parse_file("/dev/zero", &opts).expect_err("refused");
    assert_eq!(err, CoreError::TooLarge { size: (1 << 20) + 1, limit: 1 << 20 });
    // A /proc file (size 0 in its metadata) within the limit still parses or fails on its content.
    if Path::new("/proc/self/status").exists() {
        let small = Options { max_bytes: 16, ..Options::default() };
        assert!(matches!(parse_file("/proc/self/status", &small), Err(CoreError::TooLarge { size: 17, limit: 16 })));
    }
}

/// A compilation of 20,000 parts (`第N篇` at line starts): each part's document
/// was cut from a fresh copy of the whole text, quadratic in the parts (28.8 s in
/// a release build). Its time is measured by `bench/adversarial.py`; here, every
/// part is read.
#[test]
fn a_compilation_of_20000_parts_is_linear() {
    let text: String = (0..20_000)
        .map(|i| format!("第{}篇 某局2019年度报告\n一、总体情况\n本年度主动公开政府信息{i}条。\n", i % 99 + 1))
        .collect();
    let r = parse_str(&text);
    assert_eq!((r.kind.as_str(), r.parts.len()), ("compilation", 20_000));
    assert_eq!(r.parts[19_999].facts[0].value, _core::model::Number::Int(19_999));
}
