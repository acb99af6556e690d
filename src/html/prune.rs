//! The pre-parse scan: a linear pass over the HTML that removes what the walk never reads
//! (script and style content, unread attributes), flattens nesting beyond [`MAX_DEPTH`]
//! and drops formatting tags left open, so html5ever's tree builder stays linear.

use std::borrow::Cow;

use crate::hashing::FastMap;

/// Elements nested deeper than this are flattened before parsing (Chrome uses 512 too).
pub(super) const MAX_DEPTH: usize = 512;

/// Removes what would make html5ever slow or that the walk never reads, without
/// changing the text the walk reads:
/// - the content of `<script>` and `<style>` (see [`is_unread_raw_text`]);
/// - attributes other than those the walk reads (see [`unread_attributes`]);
/// - start tags (and their end tags) nested deeper than [`MAX_DEPTH`], so the
///   tree builder never holds a deep stack of open elements;
/// - start tags of formatting elements (`b`, `font`, `a` …) that are closed
///   implicitly (by `<p>`, `</td>`, an outer end tag) rather than by their own end
///   tag: html5ever re-creates those in every later paragraph, which with distinct
///   attributes grows the DOM quadratically.
///
/// Returns the input unchanged (borrowed) when there is nothing to remove. The scan
/// is a rough tokenizer: comments, raw-text elements (`<script>` …) and quoted
/// attribute values are skipped; void elements and elements with optional end tags
/// (`p`, `li`, `td` …) are not counted; `<table>` is never dropped.
pub(super) fn prune(html: &str) -> Cow<'_, str> {
    prune_from(html, ScanState::default(), 0)
}

/// [`prune`], its scan going on from byte `at` with the state `st` of a scan up to there
/// (the single-pass builder's, see `stream::Declined::Prune`): cuts `st.drops` and what
/// the scan finds from `at` on.
pub(super) fn prune_from(html: &str, mut st: ScanState, at: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = at.min(n);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let p = i + off;
        i = p + 1;
        let Some(&c) = b.get(p + 1) else { break };
        if c == b'!' {
            i = if b[p..].starts_with(b"<!--") {
                find(b, p + 4, b"-->").map_or(n, |e| e + 3)
            } else {
                find(b, p + 2, b">").map_or(n, |e| e + 1)
            };
            continue;
        }
        if c == b'?' {
            i = find(b, p + 2, b">").map_or(n, |e| e + 1);
            continue;
        }
        let is_end = c == b'/';
        let name_start = if is_end { p + 2 } else { p + 1 };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if is_end {
                i = find(b, name_start, b">").map_or(n, |e| e + 1);
            }
            continue;
        }
        let mut j = name_start;
        while j < n && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            j += 1;
        }
        let name = &b[name_start..j];
        let (end, self_closing) = tag_end(b, j);
        i = end;
        let kind = scan_kind(name);
        if !is_end && st.foreign == 0 && kind != ScanKind::Foreign {
            unread_attributes(b, j, end, &mut st.drops);
        }
        match st.tag(name, kind, is_end, self_closing, (p, end)) {
            Next::Tag => {}
            Next::Stop => break,
            Next::RawText => {
                // Resume at the closing tag, which then matches nothing open.
                let close = find_end_tag(b, end, name);
                i = close.unwrap_or(n);
                // Scripts and styles are never read: their content is cut here, so that
                // html5ever does not copy tens of kilobytes of JavaScript into the DOM.
                // Only when no `<!--` makes the tokenizer's escaped states possible,
                // where the first `</script>` may not be the end.
                if let Some(close) = close {
                    if is_unread_raw_text(name) && close > end && find(&b[..close], end, b"<!--").is_none() {
                        st.drops.push((end, close));
                    }
                }
            }
        }
    }
    if st.drops.is_empty() {
        return Cow::Borrowed(html);
    }
    st.drops.sort_unstable();
    let mut out = String::with_capacity(n);
    let mut copied = 0usize;
    for (s, e) in st.drops {
        if s >= copied {
            out.push_str(&html[copied..s]);
            copied = e;
        }
    }
    out.push_str(&html[copied.min(n)..]);
    Cow::Owned(out)
}

/// An element open during [`prune`]'s scan.
pub(super) struct ScanOpen {
    pub(super) name: u64,
    pub(super) kept: bool,
    pub(super) foreign: bool,
    pub(super) inline: bool,
    pub(super) formatting: bool,
    /// Byte range of the start tag.
    pub(super) tag: (usize, usize),
}

#[derive(Default)]
pub(super) struct ScanState {
    pub(super) stack: Vec<ScanOpen>,
    /// Open elements per name hash.
    pub(super) open: FastMap<u64, u32>,
    /// Kept (not dropped) elements on the stack.
    pub(super) kept: usize,
    /// `svg`/`math` elements on the stack.
    pub(super) foreign: usize,
    /// Byte ranges to remove.
    pub(super) drops: Vec<(usize, usize)>,
}

impl ScanState {
    /// Follows one tag (its name as written, its [`ScanKind`], its byte range) on the
    /// stack, pushing the start and end tags to drop (nesting beyond [`MAX_DEPTH`],
    /// formatting elements closed implicitly). Attributes and raw-text content are the
    /// caller's: [`prune`] drops them, the single-pass builder reads past them.
    pub(super) fn tag(
        &mut self,
        name: &[u8],
        kind: ScanKind,
        is_end: bool,
        self_closing: bool,
        tag: (usize, usize),
    ) -> Next {
        if kind == ScanKind::Optional {
            // `<p>`, `</td>` … close the phrasing elements left open inside them.
            while self.stack.last().is_some_and(|o| o.inline) {
                self.pop(true);
            }
            return Next::Tag;
        }
        let h = name_hash(name);
        if is_end {
            // `open` counts the stack's elements by name: an end tag closing the element on top
            // (most do) needs no look-up to know that one is open.
            if self.stack.last().is_some_and(|top| top.name == h) || self.open.get(&h).is_some_and(|&c| c > 0) {
                while let Some(top) = self.stack.last() {
                    let matched = top.name == h;
                    let Some(o) = self.pop(!matched) else { break };
                    if matched {
                        if !o.kept {
                            self.drops.push(tag);
                        }
                        break;
                    }
                }
            }
            return Next::Tag;
        }
        let is_foreign_root = kind == ScanKind::Foreign;
        if kind == ScanKind::Void || (self_closing && (self.foreign > 0 || is_foreign_root)) {
            return Next::Tag;
        }
        if self.foreign == 0 {
            if let ScanKind::RawText(plain) = kind {
                return if plain { Next::Stop } else { Next::RawText };
            }
        }
        let keep = self.kept < MAX_DEPTH || kind == ScanKind::TableStructure;
        if keep {
            self.kept += 1;
        } else {
            self.drops.push(tag);
        }
        if is_foreign_root {
            self.foreign += 1;
        }
        *self.open.entry(h).or_insert(0) += 1;
        self.stack.push(ScanOpen {
            name: h,
            kept: keep,
            foreign: is_foreign_root,
            inline: matches!(kind, ScanKind::Inline(_)),
            formatting: kind == ScanKind::Inline(true),
            tag,
        });
        Next::Tag
    }

    /// Pops the top element; `implicit` when it is not closed by its own end tag.
    pub(super) fn pop(&mut self, implicit: bool) -> Option<ScanOpen> {
        let o = self.stack.pop()?;
        if let Some(c) = self.open.get_mut(&o.name) {
            *c = c.saturating_sub(1);
        }
        if o.kept {
            self.kept = self.kept.saturating_sub(1);
            if implicit && o.formatting {
                self.drops.push(o.tag);
            }
        }
        if o.foreign {
            self.foreign = self.foreign.saturating_sub(1);
        }
        Some(o)
    }
}

/// What the scan reads after a tag [`ScanState::tag`] followed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Next {
    /// The next tag.
    Tag,
    /// A raw-text element's content (`<script>` …), up to its end tag.
    RawText,
    /// Nothing more (`<plaintext>`).
    Stop,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum ScanKind {
    /// Never has content: not counted.
    Void,
    /// End tag optional (`p`, `li`, `td` …): not counted.
    Optional,
    /// Raw text or RCDATA content (`script`, `textarea` …); `true` for `plaintext`.
    RawText(bool),
    /// `svg`, `math`: `/>` self-closes inside.
    Foreign,
    /// Never dropped.
    TableStructure,
    /// Phrasing element (`span`, `font`, `o:p` …): closed by the end of its paragraph.
    /// `true` for formatting elements, which html5ever re-creates when left open.
    Inline(bool),
    Other,
}

/// What the scan does with a tag, by its name (ASCII case ignored).
pub(super) fn scan_kind(name: &[u8]) -> ScanKind {
    let mut buf = [0u8; 16];
    if name.len() > buf.len() {
        return if name.contains(&b':') { ScanKind::Inline(false) } else { ScanKind::Other };
    }
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    kind_of_lowercase(lower)
}

/// [`scan_kind`] of a name already in ASCII lower case.
pub(super) fn kind_of_lowercase(lower: &[u8]) -> ScanKind {
    // The commonest names first (Word's `<span>`, `<o:p>`, `<p>` and cells, a CMS page's
    // links and list items), ahead of the match's comparisons with the other names of their
    // length (and, for `o:p`, its search for a colon): each answered as the match below does.
    match lower {
        b"span" | b"o:p" => return ScanKind::Inline(false),
        b"p" | b"td" | b"tr" | b"li" => return ScanKind::Optional,
        b"a" | b"b" => return ScanKind::Inline(true),
        _ => {}
    }
    match lower {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"keygen" | b"link" | b"meta"
        | b"param" | b"source" | b"track" | b"wbr" | b"basefont" | b"bgsound" | b"frame" | b"image" => ScanKind::Void,
        b"p" | b"li" | b"dd" | b"dt" | b"td" | b"th" | b"tr" | b"thead" | b"tbody" | b"tfoot" | b"caption"
        | b"colgroup" | b"option" | b"optgroup" | b"rb" | b"rt" | b"rp" | b"rtc" | b"html" | b"head" | b"body" => {
            ScanKind::Optional
        }
        b"script" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"textarea" | b"title" => {
            ScanKind::RawText(false)
        }
        b"plaintext" => ScanKind::RawText(true),
        b"svg" | b"math" => ScanKind::Foreign,
        b"table" => ScanKind::TableStructure,
        b"a" | b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small" | b"strike" | b"strong"
        | b"tt" | b"u" => ScanKind::Inline(true),
        b"abbr" | b"bdi" | b"bdo" | b"cite" | b"dfn" | b"kbd" | b"mark" | b"q" | b"ruby" | b"samp" | b"span"
        | b"sub" | b"sup" | b"var" | b"label" => ScanKind::Inline(false),
        other if other.contains(&b':') => ScanKind::Inline(false),
        _ => ScanKind::Other,
    }
}

/// Attributes the walk reads (see `Arena::add`); html5ever needs no other to build
/// the tree of HTML elements (`<font color>` matters only inside `svg`/`math`,
/// whose attributes are left alone).
pub(super) fn is_read_attribute(name: &[u8]) -> bool {
    [&b"id"[..], b"class", b"role", b"colspan", b"rowspan"].iter().any(|a| name.eq_ignore_ascii_case(a))
}

/// Pushes the byte ranges of the attributes of a start tag (whose name ends at `j`,
/// the tag at `end`) that the walk never reads: `href`, `style`, `src` … are most of
/// a CMS page's markup, and html5ever would copy every one. Follows the tokenizer's
/// attribute states; a tag it cannot follow (unterminated, an unclosed quote) is left
/// whole.
pub(super) fn unread_attributes(b: &[u8], j: usize, end: usize, drops: &mut Vec<(usize, usize)>) {
    let is_ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    if end <= j || b[end - 1] != b'>' {
        return;
    }
    let close = end - 1;
    let first = drops.len();
    let mut k = j;
    while k < close {
        let start = k;
        while k < close && (is_ws(b[k]) || b[k] == b'/') {
            k += 1;
        }
        if k >= close {
            break;
        }
        let name_start = k;
        k += 1; // A name may start with `=`.
        while k < close && !is_ws(b[k]) && !matches!(b[k], b'/' | b'=') {
            k += 1;
        }
        let name = &b[name_start..k];
        let mut m = k;
        while m < close && is_ws(b[m]) {
            m += 1;
        }
        if m < close && b[m] == b'=' {
            m += 1;
            while m < close && is_ws(b[m]) {
                m += 1;
            }
            if m < close && matches!(b[m], b'"' | b'\'') {
                let q = b[m];
                let Some(e) = memchr::memchr(q, &b[m + 1..close]) else {
                    drops.truncate(first);
                    return;
                };
                m += e + 2;
            } else {
                while m < close && !is_ws(b[m]) {
                    m += 1;
                }
            }
            k = m;
        }
        if !is_read_attribute(name) {
            drops.push((start, k));
        }
    }
}

/// Raw-text elements whose content the walk never reads (see [`Tag::Skip`]).
pub(super) fn is_unread_raw_text(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")
}

/// FNV-1a of the ASCII-lowercased tag name.
pub(super) fn name_hash(name: &[u8]) -> u64 {
    name.iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &c| (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3))
}

/// Index after the `>` closing a tag whose name ends at `j`, and whether it was `/>`.
pub(super) fn tag_end(b: &[u8], j: usize) -> (usize, bool) {
    let n = b.len();
    let mut k = j;
    while let Some(off) = memchr::memchr2(b'>', b'=', &b[k.min(n)..]) {
        k += off;
        if b[k] == b'>' {
            return (k + 1, k > j && b[k - 1] == b'/');
        }
        // `=`: a quoted value may hold `>`.
        k += 1;
        while k < n && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if k < n && (b[k] == b'"' || b[k] == b'\'') {
            let q = b[k];
            k = memchr::memchr(q, &b[k + 1..]).map_or(n, |e| k + 1 + e + 1);
        }
    }
    (n, false)
}

pub(super) fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    // Needles are at most 3 bytes, so this is linear.
    let first = needle[0];
    let mut k = from;
    while let Some(off) = memchr::memchr(first, &b[k..]) {
        let at = k + off;
        if b[at..].starts_with(needle) {
            return Some(at);
        }
        k = at + 1;
    }
    None
}

/// Start of the first `</name` (case-insensitive, followed by a delimiter) at or after `from`.
pub(super) fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while let Some(at) = find(b, k, b"</") {
        let s = at + 2;
        let e = s + name.len();
        if e <= b.len()
            && b[s..e].eq_ignore_ascii_case(name)
            && b.get(e).is_none_or(|c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        {
            return Some(at);
        }
        k = at + 2;
    }
    None
}
