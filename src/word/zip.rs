//! Just enough of ZIP to read one member of a .docx: the central directory (or, when it is
//! missing from a truncated file, the local headers), stored and deflated members, with the
//! inflated size bounded.

use crate::error::{CoreError, FileKind};

/// Largest member inflated.
const MAX_MEMBER: usize = 64 << 20;

fn u16_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]) as usize)
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes([*b.get(i)?, *b.get(i + 1)?, *b.get(i + 2)?, *b.get(i + 3)?]) as usize)
}

fn damaged(reason: &str) -> CoreError {
    CoreError::Damaged { what: FileKind::Word, reason: reason.to_string() }
}

/// The bytes of member `name`, `Ok(None)` when there is no such member.
pub(super) fn member(zip: &[u8], name: &str) -> Result<Option<Vec<u8>>, CoreError> {
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let tail_start = zip.len().saturating_sub(65_557);
    let eocd = memchr::memmem::rfind(&zip[tail_start..], b"PK\x05\x06").map(|i| tail_start + i);
    if let Some(e) = eocd {
        let count = u16_at(zip, e + 10).unwrap_or(0);
        let mut p = u32_at(zip, e + 16).unwrap_or(usize::MAX);
        for _ in 0..count {
            if zip.get(p..p + 4) != Some(b"PK\x01\x02") {
                break;
            }
            let (Some(flags), Some(method), Some(csize), Some(nlen), Some(xlen), Some(clen), Some(local)) = (
                u16_at(zip, p + 8),
                u16_at(zip, p + 10),
                u32_at(zip, p + 20),
                u16_at(zip, p + 28),
                u16_at(zip, p + 30),
                u16_at(zip, p + 32),
                u32_at(zip, p + 42),
            ) else {
                break;
            };
            let entry_name = zip.get(p + 46..p + 46 + nlen).unwrap_or(&[]);
            if entry_name == name.as_bytes() {
                return extract(zip, local, flags, method, Some(csize)).map(Some);
            }
            p += 46 + nlen + xlen + clen;
        }
    }
    // No (usable) central directory: walk the local headers.
    for at in memchr::memmem::find_iter(zip, b"PK\x03\x04") {
        let (Some(nlen), Some(flags), Some(method)) = (u16_at(zip, at + 26), u16_at(zip, at + 6), u16_at(zip, at + 8))
        else {
            continue;
        };
        if zip.get(at + 30..at + 30 + nlen) == Some(name.as_bytes()) {
            let csize = u32_at(zip, at + 18).filter(|&n| n > 0 && flags & 8 == 0);
            return extract(zip, at, flags, method, csize).map(Some);
        }
    }
    if eocd.is_none() && !zip.starts_with(b"PK") {
        return Err(damaged("not a ZIP container"));
    }
    Ok(None)
}

fn extract(zip: &[u8], local: usize, flags: usize, method: usize, csize: Option<usize>) -> Result<Vec<u8>, CoreError> {
    if flags & 1 != 0 {
        return Err(CoreError::Encrypted { what: FileKind::Word, reason: "its ZIP members are encrypted".into() });
    }
    if zip.get(local..local + 4) != Some(b"PK\x03\x04") {
        return Err(damaged("a ZIP member's local header is missing"));
    }
    let nlen = u16_at(zip, local + 26).unwrap_or(0);
    let xlen = u16_at(zip, local + 28).unwrap_or(0);
    let start = (local + 30 + nlen + xlen).min(zip.len());
    let end = csize.map_or(zip.len(), |n| start.saturating_add(n).min(zip.len()));
    let data = &zip[start..end];
    match method {
        0 => Ok(data[..data.len().min(MAX_MEMBER)].to_vec()),
        8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_MEMBER) {
            Ok(v) => Ok(v),
            // A truncated member: keep what inflated.
            Err(e) if !e.output.is_empty() => Ok(e.output),
            Err(_) => Err(damaged("a ZIP member does not inflate")),
        },
        m => Err(damaged(&format!("unsupported ZIP compression method {m}"))),
    }
}
