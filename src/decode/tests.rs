//! Decoding end to end: the resolution order, detection, declared labels, binary data.

use super::binary::{head_chars, too_many_controls};
use super::*;
use encoding_rs::BIG5;

pub(super) const ZH: &str = "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2023年政府信息公开工作年度报告。\
    本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、\
    政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。\
    本年度共主动公开政府信息一千二百余条，受理依申请公开四十五件，均已按时答复。";
pub(super) const ZH_HANT: &str = "政府資訊公開工作年度報告，本機關主動公開政府資訊。\
    依據政府資訊公開法規定，本機關應主動公開施政計畫、業務統計及預算決算書。\
    本年度共受理申請案件四十五件，均已依法於期限內答復，並無行政訴訟案件。\
    未來將持續精進資訊公開作業，提升民眾查詢便利性。";

pub(super) fn page(charset_meta: &str, body: &str) -> String {
    format!("<html><head>{charset_meta}<title>年度报告</title></head><body><p>{body}</p></body></html>")
}

/// The char-by-char reading `check_decoded` replaced with a byte scan.
fn check_decoded_by_chars(text: &str, from: EncodingFrom) -> bool {
    let (mut chars, mut controls, mut replaced) = (0usize, 0usize, 0usize);
    for c in text.chars().take(WINDOW) {
        chars += 1;
        match c {
            '\t' | '\n' | '\r' | '\u{0c}' | '\u{1b}' => {}
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => controls += 1,
            '\u{fffd}' => replaced += 1,
            _ => {}
        }
    }
    !(too_many_controls(controls, chars) || (from == EncodingFrom::Detected && replaced >= 16 && replaced * 4 > chars))
}

#[test]
fn head_chars_cuts_where_char_indices_does() {
    let text = format!("{}ab\u{10348}{}", ZH.repeat(30), "x".repeat(5000));
    let b = text.as_bytes();
    for limit in [0, 1, 2, 100, 1000, 1999, 2000, 2001, 4096, 5000, text.chars().count(), text.chars().count() + 7] {
        let cut = text.char_indices().nth(limit).map_or(b.len(), |(i, _)| i);
        let (head, chars) = head_chars(b, limit);
        assert_eq!((head.len(), chars), (cut, text[..cut].chars().count()), "limit {limit}");
    }
}

#[test]
fn count_bytes_counts_every_byte() {
    let bytes = xorshift_bytes(5000, 99);
    for len in [0, 1, 191, 192, 193, 383, 384, 1000, 5000] {
        let b = &bytes[..len];
        let naive = b.iter().filter(|&&x| binary::is_control_byte(x)).count();
        assert_eq!(binary::count_bytes(b, binary::is_control_byte), naive, "{len}");
        assert_eq!(binary::count_bytes(b, |x| x >= 0x80), b.iter().filter(|&&x| x >= 0x80).count(), "{len}");
    }
}

#[test]
fn check_decoded_counts_as_chars_do() {
    let pieces = [
        "政府", "\u{0}", "\u{7f}", "\u{80}", "\u{9f}", "\u{a0}", "\u{fffd}", "\u{fffe}", "a", "\t", "\u{1b}", "𠀀", "é",
    ];
    let mut state = 7u64;
    for len in [0usize, 10, 40, 100, 400, 70_000] {
        for _ in 0..20 {
            let mut s = String::new();
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            // The controls of the text's first bytes (or all of it), counted beforehand, serve
            // whatever its length.
            let controls = |b: &[u8]| b.iter().filter(|&&b| binary::is_control_byte(b)).count();
            let mut first = vec![(usize::MAX, controls(s.as_bytes()))];
            for n in [0, 1, 100, 65_536, 70_000] {
                let n = n.min(s.len());
                first.push((n, controls(&s.as_bytes()[..n])));
            }
            for from in [EncodingFrom::Detected, EncodingFrom::Meta] {
                let by_chars = check_decoded_by_chars(&s, from);
                assert_eq!(check_decoded(&s, from, None).is_ok(), by_chars, "{len}");
                for &known in &first {
                    assert_eq!(check_decoded(&s, from, Some(known)).is_ok(), by_chars, "{len} {known:?}");
                }
            }
        }
    }
}

pub(super) fn dec(bytes: &[u8]) -> Result<Decoded, CoreError> {
    decode(bytes, &DecodeOptions::default())
}

fn xorshift_bytes(len: usize, mut state: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

#[test]
fn utf8_page_is_detected() {
    let html = page("", ZH);
    let d = dec(html.as_bytes()).unwrap();
    assert_eq!(d.text, html);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.encoding_from, EncodingFrom::Detected);
    assert_eq!(d.undecodable_bytes, 0);
}

#[test]
fn undeclared_gb18030_is_detected() {
    let (bytes, _, _) = GB18030.encode(ZH);
    let d = dec(&bytes).unwrap();
    assert_eq!(d.text, ZH);
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.encoding_from, EncodingFrom::Detected);
    assert_eq!(d.undecodable_bytes, 0);
}

#[test]
fn gbk_with_meta_gb2312_decodes_as_gb18030() {
    let html = page(r#"<meta charset="gb2312">"#, ZH);
    let (bytes, _, _) = GBK.encode(&html);
    let d = dec(&bytes).unwrap();
    assert_eq!(d.text, html);
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.encoding_from, EncodingFrom::Meta);
}

#[test]
fn http_equiv_meta_is_read() {
    let html = page(r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset='GBK'" />"#, "政府");
    let (bytes, _, _) = GBK.encode(&html);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
    assert_eq!(meta_charset(b"<meta http-equiv=Content-Type content=text/html;charset=big5>"), Some(encoding_rs::BIG5));
}

#[test]
fn commented_out_meta_is_ignored() {
    assert_eq!(meta_charset(b"<!-- <meta charset=\"big5\"> --><meta charset=gbk>"), Some(GB18030));
    assert_eq!(meta_charset(b"<!-- <meta charset=\"big5\"> -->"), None);
}

#[test]
fn xml_declaration_counts_as_meta() {
    let html = format!("<?xml version=\"1.0\" encoding=\"gb2312\"?>\n{}", page("", ZH));
    let (bytes, _, _) = GBK.encode(&html);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
    assert_eq!(d.text, html);
}

#[test]
fn long_undeclared_texts_take_the_quick_path_only_when_it_is_gbk() {
    // Longer than QUICK_WINDOW: GBK is settled on its head, Big5 and a GBK page
    // damaged further on go through the whole detection and still come out right.
    let long = ZH.repeat(40);
    let (gbk, _, _) = GB18030.encode(&long);
    assert!(gbk.len() > 4 * QUICK_WINDOW);
    assert!(quick_gb18030(&gbk, &gbk).is_some());
    let d = dec(&gbk).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.encoding_from), (long.as_str(), "GB18030", EncodingFrom::Detected));

    let long_hant = ZH_HANT.repeat(40);
    // Traditional characters in GBK read as fewer common characters, and still take it.
    let (gb_hant, _, _) = GB18030.encode(&long_hant);
    assert_eq!(quick_gb18030(&gb_hant, &gb_hant).as_deref(), Some(long_hant.as_str()));
    let (big5, _, _) = BIG5.encode(&long_hant);
    assert!(quick_gb18030(&big5, &big5).is_none());
    let d = dec(&big5).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (long_hant.as_str(), "Big5"));

    // Shift_JIS decodes strictly as GB18030 and not as Big5, but reads as rare characters.
    let ja = "日本語のテキストです。政府の情報公開について、ｶﾀｶﾅも含みます。".repeat(40);
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&ja);
    assert!(strict(GB18030, &sjis).is_some() && scan(BIG5, &sjis[..QUICK_WINDOW], false, None) > 0);
    assert!(quick_gb18030(&sjis, &sjis).is_none());
    assert_eq!(dec(&sjis).unwrap().encoding, "Shift_JIS");

    let mut damaged = gbk.to_vec();
    let at = damaged.len() - 100;
    damaged[at] = 0xFF;
    assert!(quick_gb18030(&damaged, &damaged).is_none());
    let d = dec(&damaged).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert!((1..=2).contains(&d.undecodable_bytes), "{}", d.undecodable_bytes);
}

#[test]
fn undeclared_big5_is_detected() {
    let (bytes, _, _) = BIG5.encode(ZH_HANT);
    let d = dec(&bytes).unwrap();
    assert_eq!(d.text, ZH_HANT);
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.encoding_from, EncodingFrom::Detected);
}

#[test]
fn utf16le_with_bom() {
    let html = page("", ZH);
    let mut bytes = vec![0xff, 0xfe];
    for unit in html.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let d = dec(&bytes).unwrap();
    assert_eq!(d.text, html);
    assert_eq!((d.encoding, d.encoding_from), ("UTF-16LE", EncodingFrom::Bom));
}

#[test]
fn utf16_without_bom_is_refused_with_advice() {
    let html = page("", ZH);
    let bytes: Vec<u8> = html.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let err = dec(&bytes).unwrap_err();
    let CoreError::UnsupportedFormat(msg) = err else { panic!("{err:?}") };
    assert!(msg.contains("UTF-16LE") && msg.contains("encoding=\"utf-16le\""), "{msg}");
    let forced = decode(&bytes, &DecodeOptions { encoding: Some("utf-16le"), content_type: None }).unwrap();
    assert_eq!(forced.text, html);
    assert_eq!(forced.encoding_from, EncodingFrom::Argument);
}

#[test]
fn utf8_bom_overrides_encoding_argument() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(ZH.as_bytes());
    let d = decode(&bytes, &DecodeOptions { encoding: Some("gbk"), content_type: None }).unwrap();
    assert_eq!(d.text, ZH);
    assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Bom));
}

#[test]
fn encoding_argument_wins_over_declarations() {
    let html = page(r#"<meta charset="utf-8">"#, ZH);
    let (bytes, _, _) = GB18030.encode(&html);
    let opts = DecodeOptions { encoding: Some(" GB2312 "), content_type: Some("text/html; charset=utf-8") };
    let d = decode(&bytes, &opts).unwrap();
    assert_eq!(d.text, html);
    assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("GB18030", EncodingFrom::Argument, 0));
}

#[test]
fn encoding_argument_is_obeyed_when_wrong() {
    let (bytes, _, _) = GB18030.encode(ZH);
    let d = decode(&bytes, &DecodeOptions { encoding: Some("utf-8"), content_type: None }).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Argument));
    assert!(d.undecodable_bytes > 100, "{}", d.undecodable_bytes);
    assert!(d.text.contains('\u{fffd}'));
}

#[test]
fn unknown_label_is_invalid_option() {
    let err = decode(b"hello", &DecodeOptions { encoding: Some("xyz"), content_type: None }).unwrap_err();
    assert_eq!(err, CoreError::InvalidOption("unknown encoding label 'xyz'".into()));
}

#[test]
fn http_charset_is_used() {
    let (bytes, _, _) = BIG5.encode(ZH_HANT);
    let opts = DecodeOptions { encoding: None, content_type: Some("text/html; Charset=\"big5\"") };
    let d = decode(&bytes, &opts).unwrap();
    assert_eq!(d.text, ZH_HANT);
    assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Http));
}

#[test]
fn http_charset_beats_meta() {
    let html = page(r#"<meta charset="big5">"#, ZH);
    let (bytes, _, _) = GBK.encode(&html);
    let opts = DecodeOptions { encoding: None, content_type: Some("text/html;charset=gbk") };
    let d = decode(&bytes, &opts).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Http));
}

#[test]
fn lying_meta_falls_back_to_utf8() {
    let html = page(r#"<meta charset="gb2312">"#, ZH);
    let d = dec(html.as_bytes()).unwrap();
    assert_eq!(d.text, html);
    assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Detected));
}

#[test]
fn stray_byte_in_declared_utf8_page() {
    let html = page(r#"<meta charset="utf-8">"#, ZH);
    let mut bytes = html.as_bytes().to_vec();
    let at = html.find("根据").unwrap();
    bytes.insert(at, 0xff);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("UTF-8", EncodingFrom::Meta, 1));
    assert_eq!(d.text.replace('\u{fffd}', ""), html);
}

#[test]
fn stray_byte_in_undeclared_utf8_text() {
    let mut bytes = ZH.as_bytes().to_vec();
    bytes.insert(3, 0xc0);
    bytes.insert(31, 0xff);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("UTF-8", EncodingFrom::Detected, 2));
}

#[test]
fn damaged_gbk_with_meta_keeps_meta() {
    let html = page(r#"<meta charset="gbk">"#, ZH);
    let (bytes, _, _) = GBK.encode(&html);
    let mut bytes = bytes.into_owned();
    let at = bytes.len() / 2;
    bytes.insert(at, 0xff);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
    // The stray byte may swallow half of a neighbouring character.
    assert!((1..=4).contains(&d.undecodable_bytes), "{}", d.undecodable_bytes);
    assert!(d.text.contains("主动公开政府信息"));
}

#[test]
fn damaged_undeclared_big5_is_rescued() {
    let (bytes, _, _) = BIG5.encode(ZH_HANT);
    let mut bytes = bytes.into_owned();
    bytes.insert(41, 0x80);
    assert_eq!(chardet(&bytes, true).name(), "windows-1252", "premise: chardetng alone gives up");
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Detected));
    assert!(d.undecodable_bytes >= 1);
    assert!(d.text.contains("本年度共受理申請案件四十五件"));
}

#[test]
fn damaged_undeclared_gbk_is_detected() {
    let (bytes, _, _) = GB18030.encode(ZH);
    let mut bytes = bytes.into_owned();
    bytes.insert(40, 0xff);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from, d.undecodable_bytes), ("GB18030", EncodingFrom::Detected, 1));
    assert!(d.text.contains("收到和处理政府信息公开申请情况"));
}

#[test]
fn detection_skips_a_long_ascii_head() {
    let script = format!("<script>{}</script>", "var x = 1; // padding\n".repeat(4000));
    let html = format!("<html><head>{script}</head><body>{ZH}</body></html>");
    assert!(html.find(ZH).unwrap() > WINDOW);
    let (bytes, _, _) = GBK.encode(&html);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Detected));
    assert_eq!(d.text, html);
}

#[test]
fn a_few_nuls_stay() {
    let text = format!("{ZH}\0\0\0{ZH}\0");
    let d = dec(text.as_bytes()).unwrap();
    assert_eq!(d.text, text);
    assert_eq!(d.undecodable_bytes, 0);
}

#[test]
fn binary_formats_are_named() {
    let cases: &[(&[u8], &str)] = &[
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"\r\n  \x00junk%PDF-1.4\n", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "ZIP archive (or Office document)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Microsoft Office (OLE2) document"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x1f\x8b\x08\x00\x00\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
    ];
    for (bytes, name) in cases {
        assert_eq!(dec(bytes), Err(CoreError::UnsupportedFormat(name.to_string())), "{name}");
    }
    // Two-letter magics need their header structure: this is text.
    assert!(dec("BM公司年度报告".as_bytes()).is_ok());
}

#[test]
fn empty_inputs() {
    assert_eq!(dec(b""), Err(CoreError::Empty));
    assert_eq!(dec(b" \r\n\t\x00 "), Err(CoreError::Empty));
    assert_eq!(dec(b"\xef\xbb\xbf\n"), Err(CoreError::Empty));
}

#[test]
fn random_bytes_are_binary_data() {
    let bytes = xorshift_bytes(2 << 20, 0x9e37_79b9_7f4a_7c15);
    assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
    let opts = DecodeOptions { encoding: Some("gbk"), content_type: None };
    assert_eq!(decode(&bytes, &opts), Err(CoreError::UnsupportedFormat("binary data".into())));
}

#[test]
fn random_bytes_after_a_bom_are_binary_data() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(xorshift_bytes(100_000, 7));
    assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
}

#[test]
fn large_random_input_is_refused_quickly() {
    // Refused on the first WINDOW bytes (`check_raw_controls`), before any decoding;
    // the time it takes is measured in bench/, not asserted here.
    let bytes = xorshift_bytes(20 << 20, 42);
    assert_eq!(dec(&bytes), Err(CoreError::UnsupportedFormat("binary data".into())));
}

#[test]
fn single_byte_declaration_does_not_mangle_chinese() {
    let html = page(r#"<meta charset="iso-8859-1">"#, ZH);
    let d = dec(html.as_bytes()).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("UTF-8", EncodingFrom::Detected));
    let (gbk, _, _) = GBK.encode(&html);
    let d =
        decode(&gbk, &DecodeOptions { encoding: None, content_type: Some("text/html;charset=ISO-8859-1") }).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Detected));
    assert_eq!(d.text, html);
    let latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u{e9} cr\u{e8}me</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(latin);
    let d = dec(&bytes).unwrap();
    assert_eq!((d.encoding, d.encoding_from), ("windows-1252", EncodingFrom::Meta));
    assert_eq!(d.text, latin);
}

#[test]
fn common_share_tells_a_wrong_cjk_label() {
    let long_zh = ZH.repeat(4);
    let long_hant = ZH_HANT.repeat(4);
    let (gbk, _, _) = GBK.encode(&long_zh);
    let (big5, _, _) = BIG5.encode(&long_hant);
    assert!(!reads_as_rare(GB18030, &gbk) && !reads_as_rare(BIG5, &big5));
    assert!(reads_as_rare(GB18030, &big5), "Big5 bytes read as GBK");
    assert!(reads_as_rare(BIG5, &gbk), "GBK bytes read as Big5");
    // Traditional text is written in GBK too (its extended block holds the Traditional forms).
    let (gbk_hant, _, _) = GBK.encode(&long_hant);
    assert!(!reads_as_rare(GB18030, &gbk_hant), "Traditional text in GBK");
    assert!(!reads_as_rare(UTF_8, ZH.as_bytes()));
}

#[test]
fn common_share_counts_the_same_past_ascii_runs() {
    // The ASCII skip (eight bytes at a time) must not shift the pairing of lead and trail
    // bytes: the same characters behind markup of every length count the same.
    let zh = ZH.repeat(3);
    let (gbk, _, _) = GBK.encode(&zh);
    let bare = common_share(GB18030, &gbk, false).expect("GB18030 is counted");
    assert!(bare.0 >= 20 && bare.1 * 10 >= bare.0 * 9, "{bare:?}");
    for pad in 0..20 {
        let mut page = b"<p class=\"x\">".repeat(pad / 3);
        page.extend(std::iter::repeat_n(b'a', pad));
        for chunk in gbk.chunks(8) {
            page.extend_from_slice(b"<span>");
            page.extend(std::iter::repeat_n(b' ', pad % 9));
            page.extend_from_slice(chunk);
        }
        let (_, _, had_errors) = GB18030.decode(&page);
        if had_errors {
            continue; // a chunk cut a character in two
        }
        assert_eq!(common_share(GB18030, &page, false), Some(bare), "pad {pad}");
    }
    // Big5 counted past ASCII as well.
    let hant = ZH_HANT.repeat(3);
    let (big5, _, _) = BIG5.encode(&hant);
    let mut page = b"<html><body>".to_vec();
    page.extend_from_slice(&big5);
    assert_eq!(common_share(BIG5, &page, false), common_share(BIG5, &big5, false));
}

#[test]
fn strict_decodings_keep_the_control_bytes() {
    // Random bytes that decode strictly hold as many C0 and DEL controls as the bytes did.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut byte = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Mostly controls, digits and bytes that start or continue a multi-byte sequence.
        let b = [0x00, 0x09, 0x0a, 0x1b, 0x1f, 0x30, 0x39, 0x41, 0x7e, 0x7f, 0x81, 0x90, 0xa1, 0xc2, 0xe4, 0xfe];
        b[(state % 16) as usize]
    };
    let mut strict_ones = 0;
    for _ in 0..20_000 {
        let bytes: Vec<u8> = (0..6).map(|_| byte()).collect();
        for enc in [UTF_8, GB18030, GBK] {
            if let Some(text) = strict(enc, &bytes) {
                assert!(keeps_controls(enc));
                let count = |b: &[u8]| b.iter().filter(|&&b| binary::is_control_byte(b)).count();
                assert_eq!(count(text.as_bytes()), count(&bytes), "{bytes:x?} {}", enc.name());
                strict_ones += 1;
            }
        }
    }
    assert!(strict_ones > 1000, "{strict_ones}");
}

#[test]
fn gb_common_table_is_the_block_of_common_characters() {
    for lead in 0..=255u8 {
        for trail in 0..=255u8 {
            let want = matches!(lead, 0xA1..=0xA3 | 0xB0..=0xF7) && (0xA1..=0xFE).contains(&trail);
            let got = (GB_COMMON[usize::from(lead)] >> 1) & GB_COMMON[usize::from(trail)] & 1 != 0;
            assert_eq!(got, want, "{lead:02X} {trail:02X}");
        }
    }
}
