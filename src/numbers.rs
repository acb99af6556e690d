//! Numbers as written in Chinese prose (ENGINEERING B.4): Arabic and full-width
//! digits with `,` groups and decimals, Chinese numerals (`二○一○`, `两千三百`,
//! `四十万`, `一万零五`, `廿三`, financial forms `壹佰`), mixed forms (`1.2万`),
//! percentages (`百分之三十`, `6.17%`), approximation flags (`约`/`近`/`余`/`多`/
//! `以上`) and the unit that follows. Knows nothing about sections or keys.

use std::sync::LazyLock;

use crate::charset::CharSet;

/// Value of a Chinese digit character (`两`/`兩`/`幺` included, financial forms too).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | '◯' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Small units inside a 万 section.
fn cn_small_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Big units.
fn cn_big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Any character that can be part of a Chinese numeral.
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || cn_big_unit(c).is_some() || matches!(c, '廿' | '卅')
}

/// Arabic digit value, ASCII or full-width.
pub fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Parses a whole Chinese integer numeral: `二○一○` → 2010 (positional), `两千三百` → 2300,
/// `两千三` → 2300, `四十万` → 400000, `一万零五` → 10005, `十二` → 12, `廿三` → 23.
/// `None` when `s` is not a numeral (or overflows).
pub fn parse_cn_int(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let has_unit =
        s.chars().any(|c| cn_small_unit(c).is_some() || cn_big_unit(c).is_some() || matches!(c, '廿' | '卅'));
    if !has_unit {
        // Positional: 二○一○, 一二三.
        let mut v: u64 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(u64::from(cn_digit(c)?))?;
        }
        return Some(v);
    }
    let mut total: u64 = 0; // completed 亿 and 万 groups
    let mut section: u64 = 0; // inside the current 万 group
    let mut digit: Option<u64> = None;
    let mut last_unit: u64 = 0; // the unit just before a trailing digit (两千三 → 3 × 100)
    let mut after_zero = false;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() && d != 0 {
                return None; // 三四 inside a unit form is not a numeral
            }
            if d == 0 {
                after_zero = true;
                digit = None;
            } else {
                digit = Some(u64::from(d));
            }
        } else if c == '廿' || c == '卅' {
            section = section.checked_add(if c == '廿' { 20 } else { 30 })?;
            digit = None;
            last_unit = 10;
        } else if let Some(u) = cn_small_unit(c) {
            let d = digit.take().unwrap_or(1);
            section = section.checked_add(d.checked_mul(u)?)?;
            last_unit = u;
            after_zero = false;
        } else if let Some(u) = cn_big_unit(c) {
            let group = section.checked_add(digit.take().unwrap_or(0))?;
            if u == 100_000_000 {
                total = total.checked_add(group)?.checked_mul(u)?;
            } else {
                let group = if group == 0 && total == 0 { 1 } else { group };
                total = total.checked_add(group.checked_mul(u)?)?;
            }
            section = 0;
            last_unit = u;
            after_zero = false;
        } else {
            return None;
        }
    }
    if let Some(d) = digit {
        // A trailing digit right after a unit abbreviates the next lower place: 两千三 = 2300, 一万五 = 15000.
        let d = if !after_zero && last_unit >= 100 { d.checked_mul(last_unit / 10)? } else { d };
        section = section.checked_add(d)?;
    }
    total.checked_add(section)
}

/// Parses a whole number written in ASCII digits (`12`) or in Chinese numerals (`十二`, `两`,
/// `零`); which by its first character.
pub fn parse_whole(s: &str) -> Option<u64> {
    if s.as_bytes().first()?.is_ascii_digit() {
        s.parse().ok()
    } else {
        parse_cn_int(s)
    }
}

/// Parses a Chinese numeral with an optional decimal part (`三点五` → 3.5).
pub fn parse_cn(s: &str) -> Option<f64> {
    if let Some((int, frac)) = s.split_once(['点', '點']) {
        let i = if int.is_empty() { 0 } else { parse_cn_int(int)? };
        let mut f = 0.0;
        let mut scale = 0.1;
        for c in frac.chars() {
            f += f64::from(cn_digit(c)?) * scale;
            scale /= 10.0;
        }
        if frac.is_empty() {
            return None;
        }
        return Some(i as f64 + f);
    }
    parse_cn_int(s).map(|v| v as f64)
}

/// Parses Arabic digits (ASCII or full-width) with `,` groups and one decimal point.
pub fn parse_arabic(s: &str) -> Option<f64> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(d) = ascii_digit(c) {
            out.push(char::from_digit(d, 10)?);
        } else if matches!(c, '.' | '．') {
            out.push('.');
        } else if !matches!(c, ',' | '，') {
            return None;
        }
    }
    if out.is_empty() || out.starts_with('.') || out.ends_with('.') {
        return None;
    }
    out.parse().ok()
}

/// Parses any single number as written: Arabic, Chinese, mixed (`1.2万`), percentages
/// (`百分之三十` → 30). Approximation words are not accepted here; see [`scan`].
pub fn parse(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("百分之") {
        return parse(rest);
    }
    if let Some((den, num)) = s.split_once("分之") {
        let d = parse(den)?;
        let n = parse(num)?;
        return (d != 0.0).then(|| n / d);
    }
    if let Some(v) = parse_arabic(s) {
        return Some(v);
    }
    // Arabic digits followed by a Chinese multiplier: 1.2万, 3,456.7亿, 5千.
    let split = s.char_indices().find(|&(_, c)| ascii_digit(c).is_none() && !matches!(c, '.' | '．' | ',' | '，'));
    if let Some((i, _)) = split {
        if i > 0 {
            let head = parse_arabic(&s[..i])?;
            let mut mult = 1.0;
            for c in s[i..].chars() {
                mult *= match c {
                    '万' | '萬' => 1e4,
                    '亿' | '億' => 1e8,
                    '千' | '仟' => 1e3,
                    '百' | '佰' => 1e2,
                    _ => return None,
                };
            }
            return Some(head * mult);
        }
    }
    parse_cn(s)
}

/// Units that may follow a number, longest first (DOMAIN §10.3, SPEC §5).
pub const UNITS: &[&str] = &[
    "个百分点",
    "个工作日",
    "人次",
    "万元",
    "亿元",
    "千元",
    "万人",
    "万条",
    "余次",
    "条次",
    "件次",
    "个",
    "条",
    "件",
    "次",
    "元",
    "期",
    "份",
    "篇",
    "场",
    "起",
    "宗",
    "例",
    "人",
    "名",
    "项",
    "家",
    "户",
    "批",
    "本",
    "册",
    "页",
    "张",
    "套",
    "部",
    "类",
    "位",
    "封",
    "天",
    "日",
    "年",
    "月",
    "%",
    "％",
    "‰",
];

/// Units of `UNITS` that do not make a number a countable fact: dates and
/// durations, and forms whose multiplier or approximation the fact reader
/// does not take from the unit.
const NON_COUNT_UNITS: &[&str] = &["个工作日", "万人", "万条", "余次", "天", "日", "年", "月", "％"];

/// Whether a unit of `UNITS` makes its number a countable fact (SPEC §5).
pub fn is_count_unit(unit: &str) -> bool {
    // Asked for every number of every sentence: one lookup, not a walk of `UNITS`.
    static COUNT_UNITS: LazyLock<crate::hashing::FastSet<&'static str>> =
        LazyLock::new(|| UNITS.iter().copied().filter(|u| !NON_COUNT_UNITS.contains(u)).collect());
    COUNT_UNITS.contains(unit)
}

/// Prefix words that make a number approximate.
const APPROX_BEFORE: &[&str] = &["大约", "约", "将近", "近", "超过", "突破", "逾", "达到", "达"];
/// Words after the number (and its unit) that make it approximate.
const APPROX_AFTER: &[&str] = &["以上", "左右", "余", "多", "上下", "有余"];

/// One number found in text. Offsets are BYTE offsets into the scanned string.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    pub value: f64,
    /// Byte range of the number itself (digits, multipliers, 余/多 between them).
    pub start: usize,
    pub end: usize,
    /// The unit as written (`万` folded into the value), if any.
    pub unit: Option<&'static str>,
    /// Byte offset just past the unit and trailing approximation words.
    pub tail_end: usize,
    pub approx: bool,
    /// Written with Chinese numerals.
    pub chinese: bool,
    /// Part of a date, time, phone number or code (`2014-08-13`, `0591-23163551`).
    pub code_like: bool,
}

/// The first word of `list` that `s` starts with.
pub fn starts_with_any(s: &str, list: &[&'static str]) -> Option<&'static str> {
    // Most words differ from `s` in their first two bytes: those are compared in place,
    // before the length-checked comparison of the whole word (a call per word otherwise).
    let head = s.as_bytes();
    list.iter().find(|w| w.as_bytes().iter().zip(head).take(2).all(|(a, b)| a == b) && s.starts_with(**w)).copied()
}

/// Characters that may start a number (digits, Chinese numerals, 十拾廿卅, the 百 of
/// 百分之); the test below is the same.
static NUMBER_STARTS: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::bmp_where(|c| {
        ascii_digit(c).is_some() || cn_digit(c).is_some() || matches!(c, '十' | '拾' | '廿' | '卅' | '百')
    })
});

/// Finds every number in `text`, left to right, in linear time.
pub fn scan(text: &str) -> Vec<NumberToken> {
    let mut out = Vec::new();
    let bytes_len = text.len();
    let mut i = 0;
    let bytes = text.as_bytes();
    let starts = &*NUMBER_STARTS;
    while i < bytes_len {
        // Most characters start no number: ASCII other than digits is skipped by byte,
        // other characters by one bit of a table.
        let lead = bytes[i];
        if lead < 0x80 && !lead.is_ascii_digit() {
            i += 1;
            continue;
        }
        // A three-byte character (Han) that starts no number: stepped over, tested by its bit
        // read off its bytes. (A test of its block of 64 first mispredicted on about every
        // other Han character: 一, 三, 上, 下, 不 and 中 share a block.)
        if (0xE0..=0xEF).contains(&lead)
            && matches!(bytes.get(i + 1..i + 3), Some(&[b1, b2]) if !starts.holds_three_byte(lead, b1, b2))
        {
            i += 3;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if !starts.contains(c) {
            i += c.len_utf8();
            continue;
        }
        let arabic = ascii_digit(c).is_some();
        let chinese = !arabic && (cn_digit(c).is_some() || matches!(c, '十' | '拾' | '廿' | '卅'));
        let percent_words = c == '百' && text[i..].starts_with("百分之");
        if !(arabic || chinese || percent_words) {
            i += c.len_utf8();
            continue;
        }
        if let Some(tok) = read_token(text, i) {
            i = tok.tail_end.max(i + c.len_utf8());
            out.push(tok);
        } else {
            // Skip the whole run so that a long run is not rescanned from every position.
            let mut j = i + c.len_utf8();
            for ch in text[j..].chars() {
                if ascii_digit(ch).is_some() || is_cn_numeral_char(ch) {
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            i = j;
        }
    }
    out
}

/// Reads one number token starting at byte `start`.
fn read_token(text: &str, start: usize) -> Option<NumberToken> {
    let rest = &text[start..];
    let mut percent = false;
    let mut p = start;
    if rest.starts_with("百分之") {
        percent = true;
        p += "百分之".len();
    }
    let body_start = p;
    let first = text[p..].chars().next()?;
    let arabic = ascii_digit(first).is_some();
    let mut approx = false;
    let mut mult = 1.0f64;
    // The numeral body.
    let mut end = p;
    if arabic {
        let mut seen_dot = false;
        for (k, ch) in text[p..].char_indices() {
            let at = p + k;
            if ascii_digit(ch).is_some() {
                end = at + ch.len_utf8();
            } else if matches!(ch, '.' | '．') && !seen_dot {
                // Only a decimal point when a digit follows.
                let next = text[at + ch.len_utf8()..].chars().next();
                if next.and_then(ascii_digit).is_none() {
                    break;
                }
                seen_dot = true;
            } else if ch == ',' {
                // A thousands separator needs exactly three digits after it. (A full-width comma
                // between full-width digits is one too: normalize folds it, `１，２３４` → `1,234`.)
                let after = &text[at + 1..];
                let three = after.chars().take(3).filter(char::is_ascii_digit).count() == 3;
                let fourth = after.chars().nth(3).is_some_and(|c| c.is_ascii_digit());
                if !three || fourth {
                    break;
                }
            } else {
                break;
            }
        }
    } else {
        for (k, ch) in text[p..].char_indices() {
            if is_cn_numeral_char(ch) || matches!(ch, '点' | '點') {
                end = p + k + ch.len_utf8();
            } else {
                break;
            }
        }
        // A trailing 点 is not a decimal point.
        while text[body_start..end].ends_with(['点', '點']) {
            end -= '点'.len_utf8();
        }
    }
    if end == body_start {
        return None;
    }
    let mut value_str_end = end;
    // Chinese body may end with big units (四十万); Arabic bodies may be followed by 余/多 then 万/亿.
    let mut q = end;
    if arabic {
        loop {
            let r = &text[q..];
            if let Some(w) = ["余", "多"].iter().find(|w| r.starts_with(**w)) {
                // 40余万: approx marker before a multiplier.
                if r[w.len()..].starts_with(['万', '亿', '千']) {
                    approx = true;
                    q += w.len();
                    continue;
                }
                break;
            }
            if let Some(m) = r.chars().next().and_then(|ch| match ch {
                '万' | '萬' => Some(1e4),
                '亿' | '億' => Some(1e8),
                '千' | '仟' if !r[ch.len_utf8()..].starts_with(['元']) => Some(1e3),
                _ => None,
            }) {
                // 万元 is a unit in its own right.
                if r.starts_with("万元") || r.starts_with("亿元") {
                    break;
                }
                mult *= m;
                q += r.chars().next().map_or(0, char::len_utf8);
                value_str_end = q;
                continue;
            }
            break;
        }
    } else {
        // 四十万元: the 万 belongs to the unit 万元, as with Arabic digits.
        let raw_body = &text[body_start..end];
        if text[end..].starts_with('元') && raw_body.chars().count() > 1 && raw_body.ends_with(['万', '亿']) {
            end -= '万'.len_utf8();
            q = end;
            value_str_end = end;
        }
        // 四十余万: 余 between numeral and big unit.
        let r = &text[q..];
        if let Some(w) = ["余", "多"].iter().find(|w| r.starts_with(**w)) {
            let after = &r[w.len()..];
            if let Some(m) = after.chars().next().and_then(cn_big_unit) {
                if !after.starts_with("万元") {
                    approx = true;
                    mult = m as f64;
                    q += w.len() + after.chars().next().map_or(0, char::len_utf8);
                    value_str_end = q;
                }
            }
        }
    }
    // A Chinese numeral that is only a unit word (万, 千) or a lone 一 is not read here.
    let body = &text[body_start..end];
    let base = if arabic { parse_arabic(body)? } else { parse_cn(body)? };
    let mut value = base * mult;
    // 余/多 after the number, before the unit.
    let r = &text[q..];
    if let Some(w) = ["余", "多"].iter().find(|w| r.starts_with(**w)) {
        approx = true;
        q += w.len();
    }
    // Unit.
    let r = &text[q..];
    let mut unit = None;
    if percent {
        unit = Some("%");
    } else if let Some(u) = starts_with_any(r, UNITS) {
        unit = Some(match u {
            "余次" => {
                approx = true;
                "次"
            }
            "％" => "%",
            "万人" => {
                value *= 1e4;
                "人"
            }
            "万条" => {
                value *= 1e4;
                "条"
            }
            other => other,
        });
        q += u.len();
    }
    // Approximation words after the unit.
    let r = &text[q..];
    if let Some(w) = starts_with_any(r, APPROX_AFTER) {
        approx = true;
        q += w.len();
    }
    // Approximation words before the number.
    let before = &text[..start];
    if APPROX_BEFORE.iter().any(|w| before.ends_with(*w) && *w != "达" && *w != "达到") {
        approx = true;
    }
    // Dates, times, phone numbers, codes: digits glued to - / : or letters.
    let prev = before.chars().next_back();
    let next = text[value_str_end.max(end)..].chars().next();
    let code_like = arabic
        && (prev.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | ':' | '_' | '.'))
            || next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '/' | ':' | '_')));
    Some(NumberToken {
        value,
        start,
        end: value_str_end.max(end),
        unit,
        tail_end: q.max(value_str_end).max(end),
        approx,
        chinese: !arabic,
        code_like,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numeral_grammar() {
        let cases: &[(&str, u64)] = &[
            ("二○一○", 2010),
            ("二〇二三", 2023),
            ("一二三", 123),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("一百二十三", 123),
            ("两千三百", 2300),
            ("两千三", 2300),
            ("一万五", 15000),
            ("四十万", 400_000),
            ("一万零五", 10005),
            ("两千三百万", 23_000_000),
            ("壹佰贰拾叁", 123),
            ("廿三", 23),
            ("一亿两千万", 120_000_000),
            ("三百零五", 305),
            ("万", 10000),
        ];
        for (s, v) in cases {
            assert_eq!(parse_cn_int(s), Some(*v), "{s}");
        }
        assert_eq!(parse_cn_int("三四"), Some(34)); // positional
        assert_eq!(parse_cn_int("三四十"), None);
        assert_eq!(parse_cn_int("abc"), None);
        assert_eq!(parse_cn_int(""), None);
    }

    #[test]
    fn parse_single_numbers() {
        let cases: &[(&str, f64)] = &[
            ("1.2万", 12000.0),
            ("3,456.7亿", 345_670_000_000.0),
            ("１２３", 123.0),
            ("百分之三十", 30.0),
            ("三点五", 3.5),
            ("6.17", 6.17),
            ("三分之一", 1.0 / 3.0),
        ];
        for (s, v) in cases {
            let got = parse(s).unwrap_or(f64::NAN);
            assert!((got - v).abs() < 1e-9, "{s}: {got}");
        }
        assert_eq!(parse("1.2.3"), None);
    }

    fn one(text: &str) -> NumberToken {
        let toks = scan(text);
        assert_eq!(toks.len(), 1, "{text}: {toks:?}");
        toks.into_iter().next().unwrap()
    }

    #[test]
    fn scan_reads_units_and_approximation() {
        let t = one("接待40余万人次。");
        assert_eq!((t.value, t.unit, t.approx), (400_000.0, Some("人次"), true));
        assert_eq!(&"接待40余万人次。"[t.start..t.end], "40余万");
        let t = one("公开信息7700余条");
        assert_eq!((t.value, t.unit, t.approx), (7700.0, Some("条"), true));
        let t = one("收到申请１２件");
        assert_eq!((t.value, t.unit, t.approx), (12.0, Some("件"), false));
        let t = one("约1.2万元");
        assert_eq!((t.value, t.unit, t.approx), (1.2, Some("万元"), true));
        let t = one("培训两千三百人次以上");
        assert_eq!((t.value, t.unit, t.approx), (2300.0, Some("人次"), true));
        let t = one("占百分之三十");
        assert_eq!((t.value, t.unit), (30.0, Some("%")));
        let t = one("占6.17%，");
        assert_eq!((t.value, t.unit), (6.17, Some("%")));
        let t = one("四十万人");
        assert_eq!((t.value, t.unit), (400_000.0, Some("人")));
        let t = one("近3000条");
        assert!(t.approx);
        let t = one("共计1,234条");
        assert_eq!(t.value, 1234.0);
        // A clause's comma between ASCII digits is no separator.
        let v: Vec<f64> = scan("分别为3，456件").iter().map(|t| t.value).collect();
        assert_eq!(v, vec![3.0, 456.0]);
    }

    #[test]
    fn scan_marks_codes_and_dates() {
        let toks = scan("电话:0591-23163551");
        assert!(toks.iter().all(|t| t.code_like));
        let toks = scan("二○一○年十一月二十六日");
        let v: Vec<f64> = toks.iter().map(|t| t.value).collect();
        assert_eq!(v, vec![2010.0, 11.0, 26.0]);
        assert_eq!(toks[0].unit, Some("年"));
    }

    #[test]
    fn scan_never_panics_on_odd_text() {
        for s in ["", "1", "1.", ".5", "百分之", "余万", "1,2", "１．", "点点点", "五点", "9".repeat(400).as_str()]
        {
            let _ = scan(s);
        }
    }
}
