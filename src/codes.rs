//! Organisation identifiers inside 索引号 (DOMAIN §11.2–§11.4): the 18-character
//! 统一社会信用代码 (GB 32100-2015) and the 9-character 组织机构代码 (GB 11714),
//! with their check characters.

use crate::model::CreditCode;

/// GB 32100 character set (DOMAIN §11.3): values 0–30; I, O, S, V, Z unused.
const USCC_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 32100 weights, `3^i mod 31` (DOMAIN §11.3).
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/// GB 11714 weights (DOMAIN §11.4).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

fn uscc_value(c: char) -> Option<u32> {
    USCC_CHARSET.chars().position(|x| x == c).and_then(|p| u32::try_from(p).ok())
}

/// Whether an 18-character USCC has the right check character.
pub(crate) fn uscc_valid(code: &str) -> bool {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (c, w) in chars[..17].iter().zip(USCC_WEIGHTS) {
        let Some(v) = uscc_value(*c) else { return false };
        sum += v * w;
    }
    let check = (31 - sum % 31) % 31;
    USCC_CHARSET.chars().nth(check as usize) == Some(chars[17])
}

fn org_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        'A'..='Z' => Some(c as u32 - 'A' as u32 + 10),
        _ => None,
    }
}

/// Whether a 组织机构代码 (`XXXXXXXXC` or `XXXXXXXX-C`) has the right check character.
pub(crate) fn org_code_valid(code: &str) -> bool {
    let chars: Vec<char> = code.chars().filter(|&c| c != '-').collect();
    if chars.len() != 9 || code.chars().filter(|&c| c == '-').count() > 1 {
        return false;
    }
    if let Some(p) = code.find('-') {
        if p != 8 {
            return false;
        }
    }
    let mut sum = 0u32;
    for (c, w) in chars[..8].iter().zip(ORG_WEIGHTS) {
        let Some(v) = org_value(*c) else { return false };
        sum += v * w;
    }
    let r = 11 - sum % 11;
    let expected = match r {
        11 => '0',
        10 => 'X',
        d => char::from_digit(d, 10).unwrap_or('?'),
    };
    chars[8] == expected
}

/// The 6-digit division code inside a USCC (positions 3–8), when it is all digits.
pub(crate) fn uscc_division(code: &str) -> Option<&str> {
    let d = code.get(2..8)?;
    d.bytes().all(|b| b.is_ascii_digit()).then_some(d)
}

/// The credit or organisation code at the head of an index number
/// (`11330702731527164G/2014-32225`, `000014349/2018-00222`, `01424668-5/2021-00063`,
/// `01527918X-2020-153077`). DOMAIN §11.2 parsing recipe.
pub(crate) fn from_index_number(index: &str) -> Option<CreditCode> {
    let s: String = index.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    let head_len = s.find(['/', '_']).unwrap_or(s.len());
    let head = &s[..head_len];
    // USCC: 18 characters, then a separator.
    if head.len() >= 18 && head.is_char_boundary(18) {
        let cand = &head[..18];
        let rest = &head[18..];
        if cand.chars().all(|c| c.is_ascii_alphanumeric()) && (rest.is_empty() || rest.starts_with('-')) {
            return Some(CreditCode { code: cand.to_string(), valid: uscc_valid(cand) });
        }
    }
    // Organisation code with hyphen: XXXXXXXX-C.
    let b = head.as_bytes();
    if head.len() >= 10 && b[8] == b'-' && head.is_char_boundary(10) && (head.len() == 10 || b[10] == b'-') {
        let cand = &head[..10];
        if cand[..8].chars().all(|c| c.is_ascii_alphanumeric()) && cand[9..].chars().all(|c| c.is_ascii_alphanumeric())
        {
            return Some(CreditCode { code: cand.to_string(), valid: org_code_valid(cand) });
        }
    }
    // Organisation code without hyphen: 9 characters then a separator or the end.
    if head.len() >= 9 && head.is_char_boundary(9) && (head.len() == 9 || b[9] == b'-') {
        let cand = &head[..9];
        if cand.chars().all(|c| c.is_ascii_alphanumeric()) && cand.chars().any(|c| c.is_ascii_digit()) {
            return Some(CreditCode { code: cand.to_string(), valid: org_code_valid(cand) });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uscc_test_vectors() {
        assert!(uscc_valid("91110000600037341L"));
        assert!(uscc_valid("11341702486344515H"));
        assert!(uscc_valid("113325000026455663"));
        assert!(uscc_valid("11330702731527164G"));
        assert!(!uscc_valid("91110000600037341M"));
        assert!(!uscc_valid("9111000060003734"));
        assert!(!uscc_valid("91110000600037341I"));
    }

    #[test]
    fn org_code_test_vectors() {
        for ok in ["000014349", "014416330", "01424668-5", "01527918X"] {
            assert!(org_code_valid(ok), "{ok}");
        }
        for bad in ["0142768-8", "035210000", "01424668-6", "0142466-85", ""] {
            assert!(!org_code_valid(bad), "{bad}");
        }
    }

    #[test]
    fn codes_inside_index_numbers() {
        let c = from_index_number("11330702731527164G/2014-32225").unwrap();
        assert_eq!((c.code.as_str(), c.valid), ("11330702731527164G", true));
        let c = from_index_number("000014349/2018-00222").unwrap();
        assert_eq!((c.code.as_str(), c.valid), ("000014349", true));
        let c = from_index_number("01424668-5/2021-00063").unwrap();
        assert_eq!((c.code.as_str(), c.valid), ("01424668-5", true));
        let c = from_index_number("01527918X-2020-153077").unwrap();
        assert_eq!((c.code.as_str(), c.valid), ("01527918X", true));
        let c = from_index_number("0142768-8/2019-00001");
        assert!(c.is_none_or(|c| !c.valid));
        assert_eq!(from_index_number("11341702486344515H/202110-00013").map(|c| c.valid), Some(true));
        assert_eq!(from_index_number("ab"), None);
        assert_eq!(from_index_number("索引号"), None);
    }
}
