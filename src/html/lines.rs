//! Text to lines: whitespace collapses, block elements and `<br>` break lines, and the CSS
//! segment-break rule joins hard-wrapped Chinese.

/// Builds lines from text: whitespace (including U+00A0 and U+3000) collapses to
/// one space, lines are trimmed, empty lines are dropped. A run of ASCII
/// whitespace containing a source line break between two CJK characters
/// disappears (CSS segment-break rule), so Word's hard-wrapped Chinese joins up.
#[derive(Default)]
pub(super) struct Lines {
    pub(super) buf: String,
    /// Pending whitespace: 0 none, 1 ASCII spaces, 2 ASCII spaces with a line break,
    /// 3 with a non-ASCII space (U+00A0, U+3000 …).
    pub(super) ws: u8,
    pub(super) last: char,
    pub(super) pre: u32,
    pub(super) done: Vec<String>,
    /// Whitespace characters pushed so far (`charset::is_whitespace`).
    pub(super) spaces: usize,
    /// Links open around the text pushed now (`Lines::link`), and whether the line so far
    /// holds text inside a link and outside one: a line of links only is dropped at its break
    /// where `drop_links_only` (the page's sidebars and lists of other reports, not its text).
    pub(super) links_open: u32,
    pub(super) linked: bool,
    pub(super) unlinked: bool,
    pub(super) drop_links_only: bool,
}

impl Lines {
    pub(super) fn push(&mut self, s: &str) {
        self.scan(s, |_| {});
    }

    /// [`Lines::push`] of the text of node `node`, through `noted`: the first push of a node
    /// notes where its whitespace and invisible characters lie, a later one (the panel's walk
    /// pushes a cell's text for the cell and again as it passes the cell; the content's walk
    /// pushes the main content again) goes straight to them without scanning the text.
    pub(super) fn push_node(&mut self, s: &str, node: u32, noted: &mut Noted) {
        if let Some(at) = noted.get(node) {
            let mut run = 0usize;
            for &i in &noted.at[at] {
                let i = i as usize;
                let c = s[i..].chars().next().unwrap_or_default();
                self.special(s, i, c, &mut run);
            }
            self.push_run(&s[run..]);
            return;
        }
        let start = noted.at.len();
        self.scan(s, |i| noted.at.push(u32::try_from(i).unwrap_or(u32::MAX)));
        noted.set(node, start);
    }

    /// Pushes `s`, calling `note` with the byte offset of each whitespace or invisible
    /// character.
    fn scan(&mut self, s: &str, mut note: impl FnMut(usize)) {
        // Runs of ordinary characters are copied whole; only whitespace and the
        // invisible characters need a look. Those are ASCII whitespace or start with
        // one of the lead bytes below (U+0085, U+00A0, U+00AD, U+1680, U+2000–U+206F,
        // U+3000, U+FEFF), so other bytes are skipped without decoding.
        let b = s.as_bytes();
        let mut run = 0usize;
        let mut i = 0usize;
        while i < b.len() {
            // Every byte that may start whitespace or an invisible character is ASCII or a
            // lead byte: a continuation byte is passed over like any other, a three-byte
            // character (Han) whole, its length told by a branch on its lead byte. (Stepping
            // by each character's length loaded chained every load to the one before it.)
            let lead = b[i];
            if !SPECIAL[usize::from(lead)] {
                i += if (0xE0..0xF0).contains(&lead) { 3 } else { 1 };
                continue;
            }
            // Chinese punctuation (、。《》 under 0xE3, full-width ，：（） under 0xEF) is no
            // whitespace and not invisible: of those leads only U+3000 (E3 80 80) and U+FEFF
            // (EF BB BF) are, told by their trail bytes without decoding.
            if (b[i] == 0xE3 && (b[i + 1], b[i + 2]) != (0x80, 0x80))
                || (b[i] == 0xEF && (b[i + 1], b[i + 2]) != (0xBB, 0xBF))
            {
                i += 3;
                continue;
            }
            let Some(c) = s[i..].chars().next() else { break };
            if !is_invisible(c) && !crate::charset::is_whitespace(c) {
                i += c.len_utf8();
                continue;
            }
            note(i);
            self.special(s, i, c, &mut run);
            i += c.len_utf8();
        }
        self.push_run(&s[run..]);
    }

    /// Takes the whitespace or invisible character `c` at byte `i` of `s`, after the run of
    /// other characters from `run` (moved past `c`).
    fn special(&mut self, s: &str, i: usize, c: char, run: &mut usize) {
        self.push_run(&s[*run..i]);
        *run = i + c.len_utf8();
        if is_invisible(c) {
            return;
        }
        self.spaces += 1;
        if c == '\n' && self.pre > 0 {
            self.brk();
            return;
        }
        if !self.buf.is_empty() {
            let brk = c == '\n' || c == '\r';
            // Spaces around a line break do not stop it being a segment break.
            self.ws = if !c.is_ascii() || self.ws == 3 {
                3
            } else if brk || self.ws == 2 {
                2
            } else {
                1
            };
        }
    }

    /// Appends characters that are neither whitespace nor invisible, after the
    /// pending whitespace.
    pub(super) fn push_run(&mut self, run: &str) {
        let (Some(first), Some(last)) = (run.chars().next(), run.chars().next_back()) else { return };
        if self.links_open > 0 {
            self.linked = true;
        } else {
            self.unlinked = true;
        }
        if self.ws != 0 {
            // 2: only ASCII whitespace with a line break; 1 or 3: a real space.
            if !(self.ws == 2 && is_wide(self.last) && is_wide(first)) {
                self.buf.push(' ');
            }
            self.ws = 0;
        }
        self.buf.push_str(run);
        self.last = last;
    }

    /// A link opens (`enter`) or closes.
    pub(super) fn link(&mut self, enter: bool) {
        if enter {
            self.links_open += 1;
        } else {
            self.links_open = self.links_open.saturating_sub(1);
        }
    }

    pub(super) fn brk(&mut self) {
        self.ws = 0;
        let links_only = self.drop_links_only && self.linked && !self.unlinked;
        (self.linked, self.unlinked) = (false, false);
        if links_only {
            self.buf.clear();
            return;
        }
        if !self.buf.is_empty() {
            // One allocation of the line's size: the buffer keeps its capacity for the next
            // line (growing a fresh string from empty reallocated and copied it several times).
            self.done.push(self.buf.as_str().to_owned());
            self.buf.clear();
        }
    }

    pub(super) fn pre(&mut self, enter: bool) {
        self.brk();
        if enter {
            self.pre += 1;
        } else {
            self.pre = self.pre.saturating_sub(1);
        }
    }
}

/// Characters lines leave out.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}')
}

/// Where the whitespace and invisible characters of text nodes lie, by node: byte offsets
/// noted by [`Lines::push_node`].
pub(super) struct Noted {
    at: Vec<u32>,
    /// Where each node's offsets start in `at` (`u32::MAX`: not noted), and end.
    of: Vec<(u32, u32)>,
}

impl Noted {
    /// Room for the nodes of an arena of `nodes` nodes.
    pub(super) fn new(nodes: usize) -> Noted {
        Noted { at: Vec::new(), of: vec![(u32::MAX, 0); nodes] }
    }

    fn get(&self, node: u32) -> Option<std::ops::Range<usize>> {
        let &(start, end) = self.of.get(node as usize)?;
        (start != u32::MAX).then_some(start as usize..end as usize)
    }

    fn set(&mut self, node: u32, start: usize) {
        let end = self.at.len();
        if let (Some(slot), Ok(start), Ok(end)) =
            (self.of.get_mut(node as usize), u32::try_from(start), u32::try_from(end))
        {
            *slot = (start, end);
        }
    }
}

/// The bytes [`Lines::push`] decodes a character at: those that may start whitespace or an
/// invisible character (ASCII whitespace, C2, E1, E2, E3, EF); every other byte is passed over.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        i += 1;
    }
    t
};

/// East Asian wide characters between which a source line break is no space.
pub(super) fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// The characters of `s` other than whitespace.
pub(super) fn non_ws_chars(s: &str) -> u32 {
    use crate::charset::{is_whitespace, may_start_whitespace};
    let b = s.as_bytes();
    let mut n = 0u32;
    // Byte by byte, continuation bytes passed over: only a character that may be whitespace
    // by its lead byte is decoded (Han is not).
    for (i, &x) in b.iter().enumerate() {
        if x & 0xC0 == 0x80 {
            continue;
        }
        if !may_start_whitespace(x) || !s[i..].chars().next().is_some_and(is_whitespace) {
            n = n.saturating_add(1);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ws_chars_counts_as_the_standard_library() {
        let every: String =
            (0..=0x3100u32).chain([0x4E00, 0xFEFF, 0xFF0C, 0x1F600]).filter_map(char::from_u32).collect();
        for c in every.chars() {
            for s in [format!("政{c}府 "), format!("{c}"), format!("ab{c}\u{3000}"), format!(" \u{A0}{c}😀")] {
                let want = s.chars().filter(|c| !c.is_whitespace()).count() as u32;
                assert_eq!(non_ws_chars(&s), want, "{s:?}");
            }
        }
    }

    #[test]
    fn push_collapses_whitespace_and_drops_invisibles() {
        let mut l = Lines::default();
        l.push("  政府\u{200B}信息\u{3000}\u{A0} 公开\n\n😀 a\u{FEFF}b\u{00AD}c  ");
        l.brk();
        assert_eq!(l.done, vec!["政府信息 公开 😀 abc".to_string()]);
    }
}
