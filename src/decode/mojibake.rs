//! After decoding: mojibake. A Chinese page read as Latin-1 / windows-1252 is repaired when
//! re-encoding gives the original bytes back exactly; a declared CJK label under which the
//! bytes read as rare characters is reported.

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::{canonical, chardet, reads_as_rare, strict, Decoded, EncodingFrom, WINDOW};
use crate::model::Severity;

/// What [`review`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mojibake {
    /// The text was `encoding`'s bytes read as Latin-1 / windows-1252; re-encoding gave those
    /// bytes back exactly and they were decoded again. `sample`: the start of the mojibake.
    Repaired { encoding: &'static str, sample: String },
    /// Very likely mis-decoded and not repaired; the message says why and what to do.
    Suspected(String),
}

impl Mojibake {
    /// The `MOJIBAKE` issue's severity and message.
    pub fn describe(&self) -> (Severity, String) {
        match self {
            Mojibake::Repaired { encoding, sample } => (
                Severity::Info,
                format!(
                    "the text was {encoding} read as Latin-1 (mojibake: {sample:?}); it was re-encoded exactly \
                     and decoded as {encoding}. Pass the response or its bytes, not response.text"
                ),
            ),
            Mojibake::Suspected(why) => (Severity::Warning, why.clone()),
        }
    }
}

/// The byte windows-1252 gives to a character in 0x80–0x9F, for text read as windows-1252.
pub(super) fn cp1252_byte(c: char) -> Option<u8> {
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// The bytes `text` came from if it was read as Latin-1 or windows-1252 (every character maps
/// back to one byte), when at least 8 of them are non-ASCII.
pub(super) fn latin1_bytes(text: &str) -> Option<Vec<u8>> {
    let byte = |c: char| if (c as u32) < 0x100 { Some(c as u8) } else { cp1252_byte(c) };
    let mut high = 0usize;
    for c in text.chars() {
        if !c.is_ascii() {
            byte(c)?;
            high += 1;
        }
    }
    if high < 8 {
        return None;
    }
    text.chars().map(byte).collect()
}

/// The first few non-ASCII characters of `text` (and what lies between them), for messages.
pub(super) fn sample(text: &str) -> String {
    let start = text.find(|c: char| !c.is_ascii()).unwrap_or(0);
    text[start..].chars().filter(|c| !c.is_control()).take(12).collect()
}

pub(super) fn cjk_count(text: &str) -> usize {
    text.chars()
        .filter(|&c| matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}'))
        .count()
}

/// Looks for mojibake in decoded text (`bytes`: the input, when it was bytes). Repairs text
/// that is a Chinese page read as Latin-1 / windows-1252 when the round trip is exact, and
/// reports a declared CJK label under which the bytes read as rare characters.
pub fn review(decoded: Decoded, bytes: Option<&[u8]>) -> (Decoded, Option<Mojibake>) {
    if let Some(raw) = latin1_bytes(&decoded.text) {
        let head = &raw[..raw.len().min(WINDOW)];
        let found = if std::str::from_utf8(&raw).is_ok_and(|t| cjk_count(t) >= 4) {
            Some(UTF_8)
        } else {
            // `last = false`: a character cut at the very end must not disqualify an encoding.
            let guess = chardet(head, false);
            (guess == GB18030 || guess == encoding_rs::BIG5).then_some(guess)
        };
        if let Some(enc) = found {
            let name = if enc == GB18030 { "GB18030" } else { enc.name() };
            return match strict(enc, &raw) {
                Some(text) if cjk_count(&text) >= 4 => {
                    let sample = sample(&decoded.text);
                    let repaired = Decoded { text, encoding: name, ..decoded };
                    (repaired, Some(Mojibake::Repaired { encoding: name, sample }))
                }
                _ => {
                    let why = format!(
                        "the text looks like {name} read as Latin-1 (mojibake: {:?}) but does not re-encode \
                         exactly, so it was left as it is; pass the response or its bytes, not response.text",
                        sample(&decoded.text)
                    );
                    (decoded, Some(Mojibake::Suspected(why)))
                }
            };
        }
    }
    if let Some(bytes) = bytes {
        if matches!(decoded.encoding_from, EncodingFrom::Http | EncodingFrom::Meta) {
            let declared = Encoding::for_label(decoded.encoding.as_bytes()).map(canonical);
            let start = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
            let window = &bytes[start..bytes.len().min(start + WINDOW)];
            if let Some(enc) = declared.filter(|&e| reads_as_rare(e, window)) {
                let other = if enc == GB18030 { encoding_rs::BIG5 } else { GB18030 };
                let fits = !reads_as_rare(other, window) && strict(other, bytes).is_some();
                let hint = if fits {
                    let label = if other == GB18030 { "gb18030" } else { "big5" };
                    format!(
                        " They read as {}: pass encoding=\"{label}\"",
                        if other == GB18030 { "GB18030" } else { "Big5" }
                    )
                } else {
                    String::new()
                };
                let why = format!(
                    "the page is labelled {} ({}), but its bytes read as rare characters in it: very likely the \
                     wrong encoding.{hint}",
                    decoded.encoding,
                    if decoded.encoding_from == EncodingFrom::Http { "HTTP header" } else { "<meta> charset" },
                );
                return (decoded, Some(Mojibake::Suspected(why)));
            }
        }
    }
    (decoded, None)
}

#[cfg(test)]
mod tests {
    use encoding_rs::{BIG5, GBK};

    use super::super::tests::{dec, page, ZH, ZH_HANT};
    use super::super::{decode, DecodeOptions};
    use super::*;

    #[test]
    fn header_and_meta_disagreeing_follow_the_plausible_one() {
        let html = page(r#"<meta charset="big5">"#, &ZH_HANT.repeat(3));
        let (bytes, _, _) = BIG5.encode(&html);
        let opts = DecodeOptions { encoding: None, content_type: Some("text/html; charset=gbk") };
        let d = decode(&bytes, &opts).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("Big5", EncodingFrom::Meta));
        assert!(d.text.contains(ZH_HANT));
        assert_eq!(review(d, Some(&bytes)).1, None);
    }

    #[test]
    fn a_lone_wrong_label_is_suspected() {
        let html = page(r#"<meta charset="gbk">"#, &ZH_HANT.repeat(3));
        let (bytes, _, _) = BIG5.encode(&html);
        let d = dec(&bytes).unwrap();
        assert_eq!((d.encoding, d.encoding_from), ("GB18030", EncodingFrom::Meta));
        match review(d, Some(&bytes)).1 {
            Some(Mojibake::Suspected(why)) => assert!(why.contains("pass encoding=\"big5\""), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    fn as_latin1(bytes: &[u8]) -> String {
        bytes.iter().map(|&b| char::from(b)).collect()
    }

    #[test]
    fn latin1_mojibake_is_repaired_exactly() {
        let (gbk, _, _) = GBK.encode(ZH);
        let (big5, _, _) = BIG5.encode(ZH_HANT);
        for (bytes, want, name) in
            [(gbk.to_vec(), ZH, "GB18030"), (ZH.as_bytes().to_vec(), ZH, "UTF-8"), (big5.to_vec(), ZH_HANT, "Big5")]
        {
            let text = as_latin1(&bytes);
            let d = Decoded { text, encoding: "UTF-8", encoding_from: EncodingFrom::Str, undecodable_bytes: 0 };
            let (d, found) = review(d, None);
            assert_eq!(d.text, want, "{name}");
            assert!(matches!(found, Some(Mojibake::Repaired { encoding, .. }) if encoding == name), "{name}");
        }
    }

    #[test]
    fn mojibake_review_leaves_honest_text_alone() {
        let latin = "Le rapport annuel a été publié à Montréal : café, résumé, naïve, déjà, façade, où, très élevé.";
        for text in [ZH, ZH_HANT, latin, "plain ASCII text"] {
            let d = Decoded {
                text: text.into(),
                encoding: "UTF-8",
                encoding_from: EncodingFrom::Str,
                undecodable_bytes: 0,
            };
            let (d, found) = review(d, None);
            assert_eq!((d.text.as_str(), found), (text, None));
        }
    }
}
