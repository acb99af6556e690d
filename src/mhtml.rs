//! Web archives (MHTML, RFC 2557): a browser's "save as single file" (`.mhtml`), Word's
//! "single file web page" (`.mht`, and the `.doc` attachments that are one). A MIME message
//! whose root is the page: its HTML part is unwrapped here (quoted-printable or base64
//! undone), with the charset and address its headers give, and read as the page itself.

/// The page inside a web archive.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Page {
    /// The HTML part's bytes, its transfer encoding undone.
    pub body: Vec<u8>,
    /// The part's `charset` parameter (`gb2312`, `utf-8`), when it has one.
    pub charset: Option<String>,
    /// Where the page was saved from (`Snapshot-Content-Location` or the part's
    /// `Content-Location`), when that is a web address.
    pub url: Option<String>,
}

/// How far into the input the message's headers must end.
const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Most parts looked at for the page (a bound on work; an archive's images come after it).
const MAX_PARTS: usize = 64;

/// The page of a web archive, or `None` when `b` is not one (checked first on its opening
/// bytes alone: a MIME header line, then `MIME-Version` and a multipart type among the
/// headers).
pub(crate) fn page(b: &[u8]) -> Option<Page> {
    let start = b.iter().position(|c| !c.is_ascii_whitespace())?;
    let b = &b[start..];
    // A header line opens the message: `Name: value`, the name ASCII letters and dashes.
    let name_len = b.iter().take(40).position(|&c| c == b':')?;
    if name_len == 0 || !b[..name_len].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return None;
    }
    let (head, body) = split_headers(b, MAX_HEADER_BYTES)?;
    let headers = parse_headers(head);
    header(&headers, "mime-version")?;
    let content_type = header(&headers, "content-type")?;
    if !content_type.to_ascii_lowercase().trim_start().starts_with("multipart/") {
        return None;
    }
    let boundary = param(content_type, "boundary")?;
    let snapshot = header(&headers, "snapshot-content-location").map(str::to_string);
    let delimiter = [b"--".as_slice(), boundary.as_bytes()].concat();
    let mut parts = Vec::new();
    let mut rest = body;
    while parts.len() < MAX_PARTS {
        let Some(at) = find_line_start(rest, &delimiter) else { break };
        let after = &rest[at + delimiter.len()..];
        if after.starts_with(b"--") {
            break;
        }
        let next = find_line_start(after, &delimiter).unwrap_or(after.len());
        parts.push(&after[..next]);
        rest = &after[next..];
    }
    parts.iter().find_map(|part| {
        let part = skip_line_end(part);
        let (head, body) = split_headers(part, part.len())?;
        let headers = parse_headers(head);
        let ty = header(&headers, "content-type").unwrap_or("text/plain");
        if !ty.to_ascii_lowercase().trim_start().starts_with("text/html") {
            return None;
        }
        let encoding = header(&headers, "content-transfer-encoding").unwrap_or("").trim().to_ascii_lowercase();
        let body = match encoding.as_str() {
            "quoted-printable" => quoted_printable(body),
            "base64" => base64(body)?,
            _ => body.to_vec(),
        };
        let web = |u: &str| {
            let l = u.to_ascii_lowercase();
            (l.starts_with("http://") || l.starts_with("https://")).then(|| u.trim().to_string())
        };
        let url = snapshot.as_deref().and_then(web).or_else(|| header(&headers, "content-location").and_then(web));
        Some(Page { body, charset: param(ty, "charset"), url })
    })
}

/// The header block (up to the first empty line, within `limit` bytes) and what follows it.
fn split_headers(b: &[u8], limit: usize) -> Option<(&[u8], &[u8])> {
    let window = &b[..b.len().min(limit)];
    let crlf = memchr::memmem::find(window, b"\r\n\r\n").map(|i| (i, 4));
    let lf = memchr::memmem::find(window, b"\n\n").map(|i| (i, 2));
    let (at, len) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((&b[..at], &b[at + len..]))
}

/// Header lines, folded lines unfolded: `(lowercase name, value)`.
fn parse_headers(head: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(head);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// A parameter of a header value (`boundary="----=_NextPart_01"`, `charset=gb2312`), unquoted.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string()).filter(|v| !v.is_empty())
    })
}

/// Where `delimiter` opens a line of `b` (or `b` itself).
fn find_line_start(b: &[u8], delimiter: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(b, delimiter).find(|&i| i == 0 || b[i - 1] == b'\n')
}

/// `b` after the rest of its first line (the delimiter line's end).
fn skip_line_end(b: &[u8]) -> &[u8] {
    memchr::memchr(b'\n', b).map_or(&[], |i| &b[i + 1..])
}

/// Quoted-printable undone: `=XX` a byte, `=` at a line's end joins it to the next; anything
/// else (a malformed `=`) kept as it is.
fn quoted_printable(b: &[u8]) -> Vec<u8> {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'=' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        match (b.get(i + 1).copied(), b.get(i + 2).copied()) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// Base64 undone (whitespace skipped, padding optional); `None` on any other byte.
fn base64(b: &[u8]) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in b {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            break;
        }
        acc = (acc << 6) | u32::from(value(c)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_archive_with_a_quoted_printable_gb2312_page() {
        let m = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01D9\"\r\n\r\n\
This document is a Single File Web Page.\r\n\r\n------=_NextPart_01D9\r\nContent-Location: file:///C:/x.htm\r\n\
Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n\
<html><p class=3DMsoNormal>=D7=DC=BC=C6 12</p>=\r\n</html>\r\n\r\n------=_NextPart_01D9\r\n\
Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n------=_NextPart_01D9--\r\n";
        let p = page(m).expect("a web archive");
        assert_eq!(p.charset.as_deref(), Some("gb2312"));
        assert_eq!(p.url, None);
        assert_eq!(p.body, b"<html><p class=MsoNormal>\xD7\xDC\xBC\xC6 12</p></html>\r\n\r\n".to_vec());
    }

    #[test]
    fn browser_archive_with_a_base64_page_and_its_address() {
        let m = "From: <Saved by Blink>\nSnapshot-Content-Location: https://www.example.gov.cn/a.html\n\
MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype=\"text/html\";\n\tboundary=\"----MultipartBoundary--x----\"\n\n\n\
------MultipartBoundary--x----\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n\
PGh0bWw+5oC76K6hPC9odG1sPg==\n------MultipartBoundary--x------\n";
        let p = page(m.as_bytes()).expect("a web archive");
        assert_eq!(String::from_utf8(p.body).unwrap(), "<html>总计</html>");
        assert_eq!(p.url.as_deref(), Some("https://www.example.gov.cn/a.html"));
        assert_eq!(p.charset, None);
    }

    #[test]
    fn other_inputs_are_no_archive() {
        for b in [
            &b"<html><body>MIME-Version: 1.0</body></html>"[..],
            "2023年政府信息公开工作年度报告\nMIME-Version: 1.0".as_bytes(),
            b"Subject: x\nMIME-Version: 1.0\nContent-Type: text/plain\n\nhello",
            b"MIME-Version: 1.0\nContent-Type: multipart/related\n\nno boundary",
            b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nx\n--b--",
            b"",
            b"Name:",
        ] {
            assert_eq!(page(b), None, "{:?}", String::from_utf8_lossy(b));
        }
    }

    #[test]
    fn malformed_escapes_are_kept() {
        assert_eq!(quoted_printable(b"a=3Db=ZZc=\n=4"), b"a=b=ZZc=4".to_vec());
        assert_eq!(base64(b"5oC7\n6K6h"), Some("总计".as_bytes().to_vec()));
        assert_eq!(base64(b"5oC7*"), None);
    }
}
