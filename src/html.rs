//! HTML → `RawDocument`: main-content blocks, paragraphs, tables as
//! span-expanded grids, the metadata panel. Knows nothing of what a table means.
//!
//! Steps:
//! 1. [`prune`]: a linear pre-scan that removes what the walk never reads
//!    (script and style content, attributes other than `id`, `class`, `role`,
//!    `colspan`, `rowspan`), flattens element nesting beyond
//!    [`MAX_DEPTH`] (as browsers do) and removes formatting tags left open.
//!    html5ever's tree builder walks its stack of open elements for scope checks,
//!    so 100,000 nested `<div>`s otherwise cost minutes.
//! 2. A single-pass builder ([`stream`]) builds a flat [`Arena`] (pre-order,
//!    parent/child/sibling indices) for the pages it can build exactly; for the others
//!    html5ever's tree builder writes a compact node list ([`sink`]), turned into the
//!    same arena. Every later pass is an iterative [`Walk`] over it — no recursion.
//! 3. Main content: a known CMS container (`div.TRS_Editor`, `#zoom`, …) if one
//!    holds most of the text and nothing report-like lies outside it, otherwise
//!    the body; page furniture (nav, footers, share/print widgets) is dropped
//!    from either unless it holds substantial text.
//! 4. Blocks: one paragraph per line (block elements and `<br>` break lines),
//!    data tables as grids; layout tables are read as flow.
//! 5. Panel: label/value pairs from every line and table row of the whole page.

use std::borrow::Cow;

#[cfg(test)]
use scraper::{Html, Node};

use crate::document::{PanelEntry, RawBlock, RawCell, RawDocument, RawTable};
use crate::hashing::FastMap;
use crate::panel;

mod sink;
mod stream;

/// Elements nested deeper than this are flattened before parsing (Chrome uses 512 too).
const MAX_DEPTH: usize = 512;
/// Largest span-expanded grid (`rows × cols`); bigger tables become paragraphs.
const MAX_GRID: usize = 2_000_000;
const MAX_COLSPAN: u64 = 1000;
/// Browsers clamp `rowspan` to 65534.
const MAX_ROWSPAN: u64 = 65534;
/// A run of this many non-space characters without a block break is prose.
const LONG_RUN: u32 = 100;
/// A table this shape (rows, cells in its widest row) looks like statistics, not a menu.
const STAT_ROWS: usize = 5;
const STAT_COLS: usize = 3;
/// Table rows with a cell longer than this are not read as panel rows.
const PANEL_CELL_MAX: usize = 200;

/// Parses an HTML page.
pub fn parse_html(html: &str) -> RawDocument {
    let pruned = prune(html);
    let (arena, html_title) = stream::parse(&pruned).unwrap_or_else(|| sink::parse(&pruned));
    let panel = read_panel(&arena);
    let blocks = Content::new(&arena).blocks();
    RawDocument { blocks, panel, html_title }
}

// ---------------------------------------------------------------------------
// Depth cap (pre-parse)
// ---------------------------------------------------------------------------

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
fn prune(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let n = b.len();
    let mut st = ScanState::default();
    let mut i = 0usize;
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
        let h = name_hash(name);
        let kind = scan_kind(name);
        if !is_end && st.foreign == 0 && kind != ScanKind::Foreign {
            unread_attributes(b, j, end, &mut st.drops);
        }
        if kind == ScanKind::Optional {
            // `<p>`, `</td>` … close the phrasing elements left open inside them.
            while st.stack.last().is_some_and(|o| o.inline) {
                st.pop(true);
            }
            continue;
        }
        if is_end {
            if st.open.get(&h).is_some_and(|&c| c > 0) {
                while let Some(top) = st.stack.last() {
                    let matched = top.name == h;
                    let Some(o) = st.pop(!matched) else { break };
                    if matched {
                        if !o.kept {
                            st.drops.push((p, end));
                        }
                        break;
                    }
                }
            }
            continue;
        }
        let is_foreign_root = kind == ScanKind::Foreign;
        if kind == ScanKind::Void || (self_closing && (st.foreign > 0 || is_foreign_root)) {
            continue;
        }
        if st.foreign == 0 {
            if let ScanKind::RawText(plain) = kind {
                if plain {
                    break;
                }
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
                continue;
            }
        }
        let keep = st.kept < MAX_DEPTH || kind == ScanKind::TableStructure;
        if keep {
            st.kept += 1;
        } else {
            st.drops.push((p, end));
        }
        if is_foreign_root {
            st.foreign += 1;
        }
        *st.open.entry(h).or_insert(0) += 1;
        st.stack.push(ScanOpen {
            name: h,
            kept: keep,
            foreign: is_foreign_root,
            inline: matches!(kind, ScanKind::Inline(_)),
            formatting: kind == ScanKind::Inline(true),
            tag: (p, end),
        });
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
struct ScanOpen {
    name: u64,
    kept: bool,
    foreign: bool,
    inline: bool,
    formatting: bool,
    /// Byte range of the start tag.
    tag: (usize, usize),
}

#[derive(Default)]
struct ScanState {
    stack: Vec<ScanOpen>,
    /// Open elements per name hash.
    open: FastMap<u64, u32>,
    /// Kept (not dropped) elements on the stack.
    kept: usize,
    /// `svg`/`math` elements on the stack.
    foreign: usize,
    /// Byte ranges to remove.
    drops: Vec<(usize, usize)>,
}

impl ScanState {
    /// Pops the top element; `implicit` when it is not closed by its own end tag.
    fn pop(&mut self, implicit: bool) -> Option<ScanOpen> {
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ScanKind {
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

fn scan_kind(name: &[u8]) -> ScanKind {
    let mut buf = [0u8; 16];
    if name.len() > buf.len() {
        return if name.contains(&b':') { ScanKind::Inline(false) } else { ScanKind::Other };
    }
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    match &*lower {
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
fn is_read_attribute(name: &[u8]) -> bool {
    [&b"id"[..], b"class", b"role", b"colspan", b"rowspan"].iter().any(|a| name.eq_ignore_ascii_case(a))
}

/// Pushes the byte ranges of the attributes of a start tag (whose name ends at `j`,
/// the tag at `end`) that the walk never reads: `href`, `style`, `src` … are most of
/// a CMS page's markup, and html5ever would copy every one. Follows the tokenizer's
/// attribute states; a tag it cannot follow (unterminated, an unclosed quote) is left
/// whole.
fn unread_attributes(b: &[u8], j: usize, end: usize, drops: &mut Vec<(usize, usize)>) {
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
fn is_unread_raw_text(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style")
}

/// FNV-1a of the ASCII-lowercased tag name.
fn name_hash(name: &[u8]) -> u64 {
    name.iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &c| (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3))
}

/// Index after the `>` closing a tag whose name ends at `j`, and whether it was `/>`.
fn tag_end(b: &[u8], j: usize) -> (usize, bool) {
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

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
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
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
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

// ---------------------------------------------------------------------------
// Arena
// ---------------------------------------------------------------------------

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tag {
    Text,
    /// Not read at all (`script`, `head`, form controls, comments …).
    Skip,
    Inline,
    Block,
    Br,
    Pre,
    Body,
    Article,
    /// `nav`, `footer`, `aside`.
    Nav,
    /// `header`: furniture on the page, but often the title block inside an article.
    Header,
    Table,
    Caption,
    RowGroup,
    Tr,
    Td,
    Th,
}

impl Tag {
    fn breaks_line(self) -> bool {
        !matches!(self, Tag::Text | Tag::Skip | Tag::Inline | Tag::Br)
    }
}

/// What an element's id/class/role says about it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    None,
    /// A known CMS content container.
    Container,
    /// Navigation, footer, widgets.
    Furniture,
    /// Page header (dropped only outside a content container).
    Header,
}

#[derive(Clone, Debug)]
struct ANode {
    tag: Tag,
    mark: Mark,
    parent: u32,
    first_child: u32,
    next_sibling: u32,
    /// Byte range of a text node in `Arena::text`.
    text: (usize, usize),
    /// Clamped to 1..=1000.
    colspan: u32,
    /// 0 = to the end of the table; otherwise 1..=65534.
    rowspan: u32,
}

/// The DOM flattened in pre-order: a node's descendants follow it, so a parent's
/// index is always smaller than its children's.
struct Arena {
    nodes: Vec<ANode>,
    text: String,
}

impl Arena {
    /// The arena of scraper's tree: what [`sink::parse`] must build (tests compare the two).
    #[cfg(test)]
    fn build(doc: &Html) -> (Arena, Option<String>) {
        let mut arena = Arena { nodes: Vec::new(), text: String::new() };
        let mut last_child: Vec<u32> = Vec::new();
        let mut title: Option<String> = None;
        let root = doc.tree.root();
        let mut cur = root;
        let (mut cur_idx, mut descend) = arena.add(cur.value(), NONE, &mut last_child);
        let mut parents: Vec<u32> = Vec::new();
        loop {
            if let Node::Element(e) = cur.value() {
                if title.is_none() && e.name() == "title" {
                    let mut l = Lines::default();
                    for c in cur.children() {
                        if let Node::Text(t) = c.value() {
                            l.push(t);
                        }
                    }
                    l.brk();
                    title = l.done.pop();
                }
            }
            if descend {
                if let Some(child) = cur.first_child() {
                    parents.push(cur_idx);
                    cur = child;
                    (cur_idx, descend) = arena.add(cur.value(), *parents.last().expect("pushed"), &mut last_child);
                    continue;
                }
            }
            loop {
                let Some(&parent) = parents.last() else { return (arena, title) };
                if let Some(sib) = cur.next_sibling() {
                    cur = sib;
                    (cur_idx, descend) = arena.add(cur.value(), parent, &mut last_child);
                    break;
                }
                match cur.parent() {
                    Some(p) => {
                        cur = p;
                        parents.pop();
                    }
                    None => return (arena, title),
                }
            }
        }
    }

    /// Appends a node under `parent`; returns its index and whether to read its children.
    #[cfg(test)]
    fn add(&mut self, value: &Node, parent: u32, last_child: &mut Vec<u32>) -> (u32, bool) {
        let mut node = ANode {
            tag: Tag::Skip,
            mark: Mark::None,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            text: (0, 0),
            colspan: 1,
            rowspan: 1,
        };
        let mut descend = false;
        match value {
            Node::Document | Node::Fragment => {
                node.tag = Tag::Block;
                descend = true;
            }
            Node::Text(t) => {
                let start = self.text.len();
                self.text.push_str(t);
                node.tag = Tag::Text;
                node.text = (start, self.text.len());
            }
            Node::Element(e) => {
                let name = e.name();
                let html_ns = &*e.name.ns == "http://www.w3.org/1999/xhtml";
                node.tag = if html_ns { tag_of(name) } else { Tag::Inline };
                if name == "svg" {
                    node.tag = Tag::Skip;
                }
                // `head` is skipped for text but read for its `<title>`.
                descend = node.tag != Tag::Skip || (html_ns && name == "head");
                if node.tag != Tag::Skip {
                    node.mark = mark_of(e.id(), e.attr("class"), e.attr("role"));
                }
                if matches!(node.tag, Tag::Td | Tag::Th) {
                    node.colspan = e
                        .attr("colspan")
                        .and_then(parse_non_negative)
                        .filter(|&v| v > 0)
                        .map_or(1, |v| v.min(MAX_COLSPAN) as u32);
                    node.rowspan =
                        e.attr("rowspan").and_then(parse_non_negative).map_or(1, |v| v.min(MAX_ROWSPAN) as u32);
                }
            }
            _ => {}
        }
        let idx = u32::try_from(self.nodes.len()).unwrap_or(NONE - 1);
        if parent != NONE {
            let p = parent as usize;
            match last_child[p] {
                NONE => self.nodes[p].first_child = idx,
                prev => self.nodes[prev as usize].next_sibling = idx,
            }
            last_child[p] = idx;
        }
        self.nodes.push(node);
        last_child.push(NONE);
        (idx, descend)
    }

    fn node(&self, i: u32) -> &ANode {
        &self.nodes[i as usize]
    }

    fn tag(&self, i: u32) -> Tag {
        self.nodes[i as usize].tag
    }

    fn text_of(&self, i: u32) -> &str {
        let (s, e) = self.nodes[i as usize].text;
        &self.text[s..e]
    }

    fn children(&self, i: u32) -> Children<'_> {
        Children { arena: self, next: self.node(i).first_child }
    }

    /// The rows of a table (directly or in its row groups, not in nested tables) and its caption.
    fn table_rows(&self, t: u32) -> (Vec<u32>, Option<u32>) {
        let mut rows = Vec::new();
        let mut caption = None;
        for c in self.children(t) {
            match self.tag(c) {
                Tag::Tr => rows.push(c),
                Tag::RowGroup => rows.extend(self.children(c).filter(|&r| self.tag(r) == Tag::Tr)),
                Tag::Caption if caption.is_none() => caption = Some(c),
                _ => {}
            }
        }
        (rows, caption)
    }

    /// Number of rows and of cells in the widest row.
    fn table_shape(&self, t: u32) -> (usize, usize) {
        let (rows, _) = self.table_rows(t);
        let cols = rows.iter().map(|&r| self.children(r).filter(|&c| matches!(self.tag(c), Tag::Td | Tag::Th)).count());
        (rows.len(), cols.max().unwrap_or(0))
    }

    fn cells(&self, tr: u32) -> impl Iterator<Item = u32> + '_ {
        self.children(tr).filter(|&c| matches!(self.tag(c), Tag::Td | Tag::Th))
    }

    /// Text of a cell (or caption): lines joined by `'\n'`; nested tables are left
    /// out and recorded in `nested`.
    fn cell_text(&self, cell: u32, nested: &mut Vec<u32>) -> String {
        let mut lines = Lines::default();
        let mut walk = Walk::new(cell);
        while let Some((i, enter)) = walk.next(self) {
            match self.tag(i) {
                Tag::Text if enter => lines.push(self.text_of(i)),
                Tag::Skip => walk.skip(),
                Tag::Table if enter && i != cell => {
                    nested.push(i);
                    walk.skip();
                    lines.brk();
                }
                Tag::Br if enter => lines.brk(),
                Tag::Pre => lines.pre(enter),
                t if t.breaks_line() => lines.brk(),
                _ => {}
            }
        }
        lines.brk();
        lines.done.join("\n")
    }
}

struct Children<'a> {
    arena: &'a Arena,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let i = self.next;
        self.next = self.arena.node(i).next_sibling;
        Some(i)
    }
}

fn tag_of(name: &str) -> Tag {
    match name {
        "script" | "style" | "template" | "noscript" | "head" | "title" | "iframe" | "object" | "embed" | "applet"
        | "select" | "datalist" | "option" | "optgroup" | "button" | "textarea" | "input" | "canvas" | "audio"
        | "video" | "noembed" | "noframes" | "frameset" | "meta" | "link" | "base" | "param" | "source" | "track"
        | "map" | "area" | "img" | "picture" => Tag::Skip,
        "br" => Tag::Br,
        "pre" | "listing" | "plaintext" | "xmp" => Tag::Pre,
        "body" => Tag::Body,
        "article" => Tag::Article,
        "nav" | "footer" | "aside" => Tag::Nav,
        "header" => Tag::Header,
        "table" => Tag::Table,
        "caption" => Tag::Caption,
        "thead" | "tbody" | "tfoot" => Tag::RowGroup,
        "tr" => Tag::Tr,
        "td" => Tag::Td,
        "th" => Tag::Th,
        "p" | "div" | "li" | "ul" | "ol" | "dl" | "dd" | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section"
        | "blockquote" | "center" | "address" | "main" | "figure" | "figcaption" | "hr" | "form" | "fieldset"
        | "legend" | "details" | "summary" | "dialog" | "menu" | "dir" | "hgroup" | "html" | "colgroup" => Tag::Block,
        _ => Tag::Inline,
    }
}

/// Known CMS content containers (id or class token, lowercase).
const CONTAINERS: &[&str] = &[
    "trs_editor",
    "trs_ueditor",
    "zoom",
    "zoomcon",
    "content",
    "article",
    "article-content",
    "article_content",
    "articlecontent",
    "ucap-content",
    "view",
    "pages_content",
    "maintext",
    "con",
    "news_content",
];
/// Furniture markers, matched as substrings of the lowercase id and classes.
const FURNITURE: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "breadcrumb",
    "crumb",
    "share",
    "print",
    "font-size",
    "fontsize",
    "zihao",
    "toolbar",
    "sidebar",
    "copyright",
    "related",
    "comment",
    "login",
    "search",
    "friendlink",
];
/// Furniture markers matched as whole tokens only.
const FURNITURE_TOKENS: &[&str] = &["foot", "bottom", "top", "location", "position", "dqwz", "links"];
/// Words that mean "this holds the text": never furniture (`printContent`, `article-header-title`).
const CONTENT_WORDS: &[&str] = &["content", "article", "zoom", "detail", "editor"];

fn mark_of(id: Option<&str>, class: Option<&str>, role: Option<&str>) -> Mark {
    if let Some(role) = role {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "contentinfo" | "search" | "complementary" => return Mark::Furniture,
            "banner" => return Mark::Header,
            _ => {}
        }
    }
    if id.is_none() && class.is_none() {
        return Mark::None;
    }
    let attrs = format!("{} {}", id.unwrap_or(""), class.unwrap_or("")).to_ascii_lowercase();
    let tokens = || attrs.split_ascii_whitespace();
    if tokens().any(|t| CONTAINERS.contains(&t)) {
        return Mark::Container;
    }
    if CONTENT_WORDS.iter().any(|w| attrs.contains(w)) {
        return Mark::None;
    }
    if FURNITURE.iter().any(|w| attrs.contains(w)) || tokens().any(|t| FURNITURE_TOKENS.contains(&t)) {
        return Mark::Furniture;
    }
    if attrs.contains("header") || tokens().any(|t| t == "head") {
        return Mark::Header;
    }
    Mark::None
}

/// HTML "rules for parsing non-negative integers": leading whitespace, an optional
/// `+`, then digits; anything after the digits is ignored. Saturates.
fn parse_non_negative(s: &str) -> Option<u64> {
    let s = s.trim_start_matches(['\t', '\n', '\x0c', '\r', ' ']);
    let s = s.strip_prefix('+').unwrap_or(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit);
    let mut any = false;
    let mut v = 0u64;
    for d in digits {
        any = true;
        v = v.saturating_mul(10).saturating_add(u64::from(d - b'0'));
    }
    any.then_some(v)
}

// ---------------------------------------------------------------------------
// Traversal and text
// ---------------------------------------------------------------------------

/// Iterative pre/post-order walk of the subtree at `root`: yields `(node, true)` on
/// entering and `(node, false)` on leaving. After an enter, `skip()` leaves the
/// node's subtree out (and no leave is yielded for it). Uses the arena's links only.
struct Walk {
    root: u32,
    cur: u32,
    state: WalkState,
    skip: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum WalkState {
    Start,
    Entered,
    Left,
    Done,
}

impl Walk {
    fn new(root: u32) -> Walk {
        Walk { root, cur: root, state: WalkState::Start, skip: false }
    }

    fn skip(&mut self) {
        self.skip = true;
    }

    fn next(&mut self, a: &Arena) -> Option<(u32, bool)> {
        match self.state {
            WalkState::Start => {
                self.state = WalkState::Entered;
                Some((self.cur, true))
            }
            WalkState::Entered => {
                if std::mem::take(&mut self.skip) {
                    return self.advance(a);
                }
                let first = a.node(self.cur).first_child;
                if first != NONE {
                    self.cur = first;
                    return Some((first, true));
                }
                self.state = WalkState::Left;
                Some((self.cur, false))
            }
            WalkState::Left => self.advance(a),
            WalkState::Done => None,
        }
    }

    fn advance(&mut self, a: &Arena) -> Option<(u32, bool)> {
        if self.cur == self.root {
            self.state = WalkState::Done;
            return None;
        }
        let n = a.node(self.cur);
        if n.next_sibling != NONE {
            self.cur = n.next_sibling;
            self.state = WalkState::Entered;
            return Some((self.cur, true));
        }
        if n.parent == NONE {
            self.state = WalkState::Done;
            return None;
        }
        self.cur = n.parent;
        self.state = WalkState::Left;
        Some((self.cur, false))
    }
}

/// Builds lines from text: whitespace (including U+00A0 and U+3000) collapses to
/// one space, lines are trimmed, empty lines are dropped. A run of ASCII
/// whitespace containing a source line break between two CJK characters
/// disappears (CSS segment-break rule), so Word's hard-wrapped Chinese joins up.
#[derive(Default)]
struct Lines {
    buf: String,
    /// Pending whitespace: 0 none, 1 ASCII spaces, 2 ASCII spaces with a line break,
    /// 3 with a non-ASCII space (U+00A0, U+3000 …).
    ws: u8,
    last: char,
    pre: u32,
    done: Vec<String>,
}

impl Lines {
    fn push(&mut self, s: &str) {
        // Runs of ordinary characters are copied whole; only whitespace and the
        // invisible characters need a look. Those are ASCII whitespace or start with
        // one of the lead bytes below (U+0085, U+00A0, U+00AD, U+1680, U+2000–U+206F,
        // U+3000, U+FEFF), so other bytes are skipped without decoding.
        let b = s.as_bytes();
        let mut run = 0usize;
        let mut i = 0usize;
        while i < b.len() {
            let lead = b[i];
            let special =
                matches!(lead, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
            if !special {
                i += 1;
                continue;
            }
            let Some(c) = s[i..].chars().next() else { break };
            let width = c.len_utf8();
            let invisible = matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}');
            if !invisible && !c.is_whitespace() {
                i += width;
                continue;
            }
            self.push_run(&s[run..i]);
            i += width;
            run = i;
            if invisible {
                continue;
            }
            if c == '\n' && self.pre > 0 {
                self.brk();
                continue;
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
        self.push_run(&s[run..]);
    }

    /// Appends characters that are neither whitespace nor invisible, after the
    /// pending whitespace.
    fn push_run(&mut self, run: &str) {
        let (Some(first), Some(last)) = (run.chars().next(), run.chars().next_back()) else { return };
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

    fn brk(&mut self) {
        self.ws = 0;
        if !self.buf.is_empty() {
            self.done.push(std::mem::take(&mut self.buf));
        }
    }

    fn pre(&mut self, enter: bool) {
        self.brk();
        if enter {
            self.pre += 1;
        } else {
            self.pre = self.pre.saturating_sub(1);
        }
    }
}

/// East Asian wide characters between which a source line break is no space.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn non_ws_chars(s: &str) -> u32 {
    let n = s.chars().filter(|c| !c.is_whitespace()).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

enum TableKind {
    /// A data table: emit as a grid.
    Data,
    /// A layout table: read its contents as flow.
    Layout,
    /// Grid over [`MAX_GRID`]: emit its cell texts as paragraphs.
    TooBig,
}

struct Built {
    table: RawTable,
    caption: Option<String>,
    /// Tables inside this table's cells, in document order.
    nested: Vec<u32>,
    kind: TableKind,
}

fn build_table(a: &Arena, t: u32) -> Built {
    let (rows, caption_node) = a.table_rows(t);
    let mut nested = Vec::new();
    let caption = caption_node.map(|c| a.cell_text(c, &mut nested)).filter(|s| !s.is_empty());
    let n_rows = rows.len();
    let mut cells: Vec<RawCell> = Vec::new();
    let mut grid_rows: Vec<Vec<Option<u32>>> = Vec::with_capacity(n_rows);
    // Per column: (cell, rows it still covers below the current row).
    let mut carry: Vec<Option<(u32, usize)>> = Vec::new();
    let mut n_cols = 0usize;
    let mut too_big = false;
    let mut max_chars = 0usize;
    for (r, &tr) in rows.iter().enumerate() {
        let mut line: Vec<Option<u32>> = Vec::new();
        if !too_big {
            line.reserve(carry.len());
            for slot in carry.iter_mut() {
                match slot {
                    Some((idx, left)) => {
                        line.push(Some(*idx));
                        *left -= 1;
                        if *left == 0 {
                            *slot = None;
                        }
                    }
                    None => line.push(None),
                }
            }
        }
        let mut col = 0usize;
        for cell in a.cells(tr) {
            let text = a.cell_text(cell, &mut nested);
            max_chars = max_chars.max(text.chars().count());
            let node = a.node(cell);
            let colspan = node.colspan.max(1) as usize;
            let remaining = n_rows - r;
            let rowspan = if node.rowspan == 0 { remaining } else { (node.rowspan as usize).clamp(1, remaining) };
            let Ok(idx) = u32::try_from(cells.len()) else {
                too_big = true;
                break;
            };
            if !too_big {
                while col < line.len() && line[col].is_some() {
                    col += 1;
                }
                let end = col + colspan;
                if end > MAX_GRID {
                    too_big = true;
                } else {
                    if line.len() < end {
                        line.resize(end, None);
                    }
                    for slot in &mut line[col..end] {
                        if slot.is_none() {
                            *slot = Some(idx);
                        }
                    }
                    if rowspan > 1 {
                        if carry.len() < end {
                            carry.resize(end, None);
                        }
                        for slot in &mut carry[col..end] {
                            *slot = Some((idx, rowspan - 1));
                        }
                    }
                }
            }
            cells.push(RawCell { text, row: r, col, rowspan, colspan, header: node.tag == Tag::Th, evidence: None });
            col += colspan;
        }
        if !too_big {
            n_cols = n_cols.max(line.len());
            if n_cols.saturating_mul(r + 1) > MAX_GRID {
                too_big = true;
                grid_rows.clear();
            } else {
                grid_rows.push(line);
            }
        }
    }
    let has_nested = !nested.is_empty();
    let kind = if too_big {
        TableKind::TooBig
    } else if n_rows == 0
        || cells.is_empty()
        || n_cols <= 1
        || (has_nested && (n_cols <= 2 || (n_cols <= 3 && (n_rows <= 3 || max_chars >= 200))))
        || (n_cols <= 2 && max_chars >= 200)
        || max_chars >= 2000
    {
        // Layout: a wrapper of one or two columns (page furniture, prose, inner tables).
        TableKind::Layout
    } else {
        TableKind::Data
    };
    let mut table = RawTable { n_rows, n_cols, cells, grid: Vec::new() };
    if matches!(kind, TableKind::Data) {
        table.grid.reserve(n_rows * n_cols);
        for mut line in grid_rows {
            line.resize(n_cols, None);
            table.grid.extend(line);
        }
    }
    Built { table, caption, nested, kind }
}

/// Every non-empty cell is a panel label, the value after a label, or `label：value`,
/// and there are at least two labels.
fn is_panel_table(t: &RawTable) -> bool {
    let mut labels = 0;
    let mut row_cells: Vec<&str> = Vec::new();
    let mut r = 0;
    let mut i = 0;
    while i <= t.cells.len() {
        if i == t.cells.len() || t.cells[i].row != r {
            let mut k = 0;
            while k < row_cells.len() {
                let c = row_cells[k].trim();
                if c.is_empty() {
                    k += 1;
                } else if panel::classify_label(c).is_some() {
                    labels += 1;
                    k += 2;
                } else if !panel::scan_row(&[c]).is_empty() {
                    labels += 1;
                    k += 1;
                } else {
                    return false;
                }
            }
            row_cells.clear();
            if i == t.cells.len() {
                break;
            }
            r = t.cells[i].row;
        }
        row_cells.push(&t.cells[i].text);
        i += 1;
    }
    labels >= 2
}

// ---------------------------------------------------------------------------
// Main content
// ---------------------------------------------------------------------------

struct Content<'a> {
    a: &'a Arena,
    /// Non-space characters in each subtree (0 for skipped subtrees).
    count: Vec<u32>,
    /// Subtree holds a long run of prose or a statistics-shaped table.
    substantial: Vec<bool>,
}

impl<'a> Content<'a> {
    fn new(a: &'a Arena) -> Content<'a> {
        let len = a.nodes.len();
        let mut count = vec![0u32; len];
        for i in (0..len).rev() {
            let n = &a.nodes[i];
            match n.tag {
                Tag::Skip => continue,
                Tag::Text => count[i] = non_ws_chars(a.text_of(i as u32)),
                _ => {}
            }
            if n.parent != NONE {
                let p = n.parent as usize;
                count[p] = count[p].saturating_add(count[i]);
            }
        }
        let mut c = Content { a, count, substantial: vec![false; len] };
        c.mark_substance();
        c
    }

    fn mark_up(&mut self, mut i: u32) {
        while i != NONE && !self.substantial[i as usize] {
            self.substantial[i as usize] = true;
            i = self.a.node(i).parent;
        }
    }

    fn is_stat_table(&self, t: u32) -> bool {
        let (rows, cols) = self.a.table_shape(t);
        rows >= STAT_ROWS && cols >= STAT_COLS
    }

    fn mark_substance(&mut self) {
        let a = self.a;
        let mut walk = Walk::new(0);
        let mut run = 0u32;
        while let Some((i, enter)) = walk.next(a) {
            match a.tag(i) {
                Tag::Skip => walk.skip(),
                Tag::Text if enter => {
                    run = run.saturating_add(self.count[i as usize]);
                    if run >= LONG_RUN {
                        self.mark_up(a.node(i).parent);
                    }
                }
                Tag::Table if enter => {
                    run = 0;
                    if self.is_stat_table(i) {
                        self.mark_up(i);
                    }
                }
                Tag::Br => run = 0,
                t if t.breaks_line() => run = 0,
                _ => {}
            }
        }
    }

    fn is_furniture(&self, i: u32, in_container: bool) -> bool {
        let n = self.a.node(i);
        match (n.tag, n.mark) {
            (_, Mark::Container) => false,
            (Tag::Nav, _) | (_, Mark::Furniture) => true,
            (Tag::Header, _) | (_, Mark::Header) => !in_container,
            _ => false,
        }
    }

    /// Furniture that may be dropped below `root`: marked, small, no prose or statistics inside.
    fn droppable(&self, i: u32, root: u32, in_container: bool) -> bool {
        i != root
            && self.is_furniture(i, in_container)
            && !self.substantial[i as usize]
            && u64::from(self.count[i as usize]) * 3 < u64::from(self.count[root as usize])
    }

    fn body(&self) -> u32 {
        self.a.nodes.iter().position(|n| n.tag == Tag::Body).map_or(0, |i| i as u32)
    }

    /// The main-content root and whether it is a content container.
    fn root(&self) -> (u32, bool) {
        let body = self.body();
        let total = u64::from(self.count[body as usize]);
        if total == 0 {
            return (body, false);
        }
        let mut best: Option<u32> = None;
        for (i, n) in self.a.nodes.iter().enumerate().skip(body as usize + 1) {
            if n.mark != Mark::Container && n.tag != Tag::Article {
                continue;
            }
            let c = u64::from(self.count[i]);
            if c * 2 < total {
                continue;
            }
            // The smallest; on a tie the later (deeper) one.
            if best.is_none_or(|b| c <= u64::from(self.count[b as usize])) {
                best = Some(i as u32);
            }
        }
        match best {
            Some(c) if !self.report_outside(body, c) => (c, true),
            _ => (body, false),
        }
    }

    /// Whether anything report-like (a long run of prose, a statistics table) lies
    /// in the body outside `container` and outside droppable furniture.
    fn report_outside(&self, body: u32, container: u32) -> bool {
        let a = self.a;
        let mut ancestor = vec![false; a.nodes.len()];
        let mut j = container;
        while j != NONE {
            ancestor[j as usize] = true;
            j = a.node(j).parent;
        }
        let mut walk = Walk::new(body);
        let mut run = 0u32;
        while let Some((i, enter)) = walk.next(a) {
            let tag = a.tag(i);
            if enter && i != body && (i == container || tag == Tag::Skip || self.droppable(i, body, false)) {
                walk.skip();
                run = 0;
                continue;
            }
            match tag {
                Tag::Text if enter => {
                    run = run.saturating_add(self.count[i as usize]);
                    if run >= LONG_RUN {
                        return true;
                    }
                }
                Tag::Table if enter && !ancestor[i as usize] && self.is_stat_table(i) => return true,
                t if t == Tag::Br || t.breaks_line() => run = 0,
                _ => {}
            }
        }
        false
    }

    /// Paragraphs and tables of the main content, in reading order.
    fn blocks(&self) -> Vec<RawBlock> {
        let a = self.a;
        let (root, in_container) = self.root();
        let mut blocks = Vec::new();
        let mut lines = Lines::default();
        let mut stack = vec![Walk::new(root)];
        while let Some(walk) = stack.last_mut() {
            let Some((i, enter)) = walk.next(a) else {
                stack.pop();
                continue;
            };
            let tag = a.tag(i);
            if enter && (tag == Tag::Skip || self.droppable(i, root, in_container)) {
                walk.skip();
                if tag.breaks_line() {
                    lines.brk();
                }
                continue;
            }
            match tag {
                Tag::Text if enter => lines.push(a.text_of(i)),
                Tag::Br if enter => lines.brk(),
                Tag::Pre => lines.pre(enter),
                Tag::Table if enter => {
                    lines.brk();
                    let built = build_table(a, i);
                    if matches!(built.kind, TableKind::Layout) {
                        continue;
                    }
                    walk.skip();
                    if !in_container && matches!(built.kind, TableKind::Data) && is_panel_table(&built.table) {
                        continue;
                    }
                    flush(&mut lines, &mut blocks);
                    if let Some(c) = built.caption {
                        paragraph(&mut blocks, c.split('\n'));
                    }
                    match built.kind {
                        TableKind::Data => blocks.push(RawBlock::Table(built.table)),
                        _ => {
                            for cell in built.table.cells {
                                paragraph(&mut blocks, cell.text.split('\n'));
                            }
                        }
                    }
                    // Nested tables follow their parent, depth first in document order.
                    stack.extend(built.nested.into_iter().rev().map(Walk::new));
                }
                t if t.breaks_line() => lines.brk(),
                _ => {}
            }
        }
        flush(&mut lines, &mut blocks);
        blocks
    }
}

fn flush(lines: &mut Lines, blocks: &mut Vec<RawBlock>) {
    lines.brk();
    let done = std::mem::take(&mut lines.done);
    paragraph(blocks, done.iter().map(String::as_str));
}

fn paragraph<'s>(blocks: &mut Vec<RawBlock>, lines: impl Iterator<Item = &'s str>) {
    for l in lines {
        let l = l.trim();
        if !l.is_empty() && !is_widget_line(l) {
            blocks.push(RawBlock::Paragraph(l.to_string()));
        }
    }
}

/// Page widgets that survive as text: `【字体：大 中 小】`, `打印本页`, `关闭窗口`,
/// `分享到：`, breadcrumbs, previous/next-article links.
fn is_widget_line(line: &str) -> bool {
    let chars = line.chars().count();
    if chars <= 100 {
        for p in ["当前位置", "您的位置", "您现在的位置", "您当前的位置", "所在位置"] {
            if line.starts_with(p) {
                return true;
            }
        }
        for p in ["上一篇", "下一篇", "上一条", "下一条"] {
            if line.starts_with(p) && line[p.len()..].starts_with([':', '：', ' ']) {
                return true;
            }
        }
    }
    if chars > 40 {
        return false;
    }
    const ANCHORS: &[&str] = &["字体", "字号", "打印", "关闭", "分享", "收藏", "返回顶部", "扫一扫", "视力保护"];
    if !ANCHORS.iter().any(|w| line.contains(w)) {
        return false;
    }
    const WORDS: &[&str] = &[
        "在手机打开当前页",
        "在手机上打开",
        "手机打开",
        "视力保护色",
        "打印本页",
        "打印此页",
        "打印文章",
        "关闭窗口",
        "关闭本页",
        "收藏本页",
        "返回顶部",
        "新浪微博",
        "腾讯微博",
        "QQ空间",
        "朋友圈",
        "分享到",
        "扫一扫",
        "字体",
        "字号",
        "打印",
        "关闭",
        "分享",
        "收藏",
        "保存",
        "默认",
        "微信",
        "微博",
        "本页",
        "超大",
        "QQ",
        "大",
        "中",
        "小",
    ];
    let mut rest = line.to_string();
    for w in WORDS {
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    rest.chars().all(|c| c.is_whitespace() || "【】[]()（）:：|｜/、·•-—>＞".contains(c))
}

// ---------------------------------------------------------------------------
// Panel
// ---------------------------------------------------------------------------

enum PanelEvent {
    Line(String),
    Row(Vec<String>),
}

/// Label/value pairs from every line and table row of the whole page (furniture included).
fn read_panel(a: &Arena) -> Vec<PanelEntry> {
    if a.nodes.is_empty() {
        return Vec::new();
    }
    let mut events = Vec::new();
    let mut lines = Lines::default();
    let mut walk = Walk::new(0);
    let mut nested = Vec::new();
    while let Some((i, enter)) = walk.next(a) {
        match a.tag(i) {
            Tag::Skip => walk.skip(),
            Tag::Text if enter => lines.push(a.text_of(i)),
            Tag::Br if enter => lines.brk(),
            Tag::Pre => lines.pre(enter),
            Tag::Tr if enter => {
                lines.brk();
                events.extend(std::mem::take(&mut lines.done).into_iter().map(PanelEvent::Line));
                let mut cells = Vec::new();
                let mut ok = true;
                for c in a.cells(i) {
                    nested.clear();
                    let t = a.cell_text(c, &mut nested);
                    if t.contains('\n') || t.chars().count() > PANEL_CELL_MAX {
                        ok = false;
                        break;
                    }
                    cells.push(t);
                }
                if ok && cells.len() >= 2 {
                    events.push(PanelEvent::Row(cells));
                }
            }
            t if t.breaks_line() => lines.brk(),
            _ => {}
        }
    }
    lines.brk();
    events.extend(lines.done.into_iter().map(PanelEvent::Line));

    let mut out: Vec<PanelEntry> = Vec::new();
    let merge = |out: &mut Vec<PanelEntry>, new: Vec<PanelEntry>| {
        for e in new {
            if !out.iter().any(|o| o.key == e.key) {
                out.push(e);
            }
        }
    };
    let mut batch: Vec<String> = Vec::new();
    for ev in events {
        match ev {
            PanelEvent::Line(l) => batch.push(l),
            PanelEvent::Row(cells) => {
                merge(&mut out, panel::scan_lines(batch.iter().map(String::as_str)));
                batch.clear();
                let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                merge(&mut out, panel::scan_row(&refs));
            }
        }
    }
    merge(&mut out, panel::scan_lines(batch.iter().map(String::as_str)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHANGHAI: &str = include_str!("../tests/data/real/shanghai-bgt-2019.html");
    const PROSE: &str =
        "2019年，我局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息123条。";

    fn tables(doc: &RawDocument) -> Vec<&RawTable> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                RawBlock::Table(t) => Some(t),
                RawBlock::Paragraph(_) | RawBlock::BlankLines(_) | RawBlock::Columns { .. } => None,
            })
            .collect()
    }

    fn paragraphs(doc: &RawDocument) -> Vec<&str> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                RawBlock::Paragraph(p) => Some(p.as_str()),
                RawBlock::Table(_) | RawBlock::BlankLines(_) | RawBlock::Columns { .. } => None,
            })
            .collect()
    }

    fn text(t: &RawTable, r: usize, c: usize) -> &str {
        t.at(r, c).map_or("", |c| c.text.as_str())
    }

    /// The grid as text, one row per vector.
    fn grid(t: &RawTable) -> Vec<Vec<&str>> {
        (0..t.n_rows).map(|r| (0..t.n_cols).map(|c| text(t, r, c)).collect()).collect()
    }

    fn only_table(html: &str) -> RawTable {
        let doc = parse_html(html);
        let ts = tables(&doc);
        assert_eq!(ts.len(), 1, "{:?}", doc.blocks);
        ts[0].clone()
    }

    fn panel_value<'d>(doc: &'d RawDocument, key: &str) -> Option<&'d str> {
        doc.panel.iter().find(|e| e.key == key).map(|e| e.value.as_str())
    }

    #[test]
    fn shanghai_report() {
        let doc = parse_html(SHANGHAI);
        let ts = tables(&doc);
        assert_eq!(ts.len(), 3);

        // Table 3: locate columns by their header text.
        let t3 = ts.iter().find(|t| t.cells.iter().any(|c| c.text == "自然人")).unwrap();
        let col_of = |label: &str| (0..t3.n_cols).find(|&c| (0..t3.n_rows).any(|r| text(t3, r, c) == label)).unwrap();
        let (natural, total) = (col_of("自然人"), col_of("总计"));
        let row = (0..t3.n_rows).find(|&r| text(t3, r, 0) == "一、本年新收政府信息公开申请数量").unwrap();
        assert_eq!(text(t3, row, total), "859");
        assert_eq!(text(t3, row, natural), "821");
        // The `&nbsp;` cells are blank.
        assert_eq!(text(t3, row, col_of("科研机构")), "");
        // The header cell spanning three rows and three columns is stored once.
        let corner = t3.at(0, 0).unwrap();
        assert_eq!((corner.rowspan, corner.colspan), (3, 3));
        assert_eq!(t3.grid[2 * t3.n_cols + 2], t3.grid[0]);

        // Table 2: `<br>` inside a cell.
        assert!(ts[0].cells.iter().any(|c| c.text == "本年新\n制作数量"));
        assert_eq!(ts[0].n_cols, 5);

        // Table 4: the row of numbers.
        let t4 = ts[2];
        assert_eq!(t4.n_cols, 15);
        let last = grid(t4).pop().unwrap();
        assert_eq!(last[..5], ["5", "", "", "2", "7"]);

        let ps = paragraphs(&doc);
        assert!(ps.contains(&"一、总体情况"));
        assert!(ps.contains(&"无。"));
        assert_eq!(panel_value(&doc, "published"), Some("2020-01-31"));
        // Reading order: the table follows its heading.
        let heading =
            doc.blocks.iter().position(|b| *b == RawBlock::Paragraph("三、收到和处理政府信息公开申请情况".into()));
        assert!(matches!(doc.blocks[heading.unwrap() + 1], RawBlock::Table(ref t) if std::ptr::eq(t, *t3)));
    }

    #[test]
    fn spans_expand_into_grid() {
        let t = only_table("<table><tr><td rowspan=2>A<td>B<tr><td>C</table>");
        assert_eq!(grid(&t), vec![vec!["A", "B"], vec!["A", "C"]]);
        assert_eq!(t.cells.len(), 3);
        assert_eq!((t.cells[0].rowspan, t.cells[0].colspan), (2, 1));
        assert_eq!(t.grid, vec![Some(0), Some(1), Some(0), Some(2)]);
    }

    #[test]
    fn span_attributes_parse_like_browsers() {
        let t = only_table(
            r#"<table><tr><td colspan="2;">A</td><td>B</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>"#,
        );
        assert_eq!(grid(&t), vec![vec!["A", "A", "B"], vec!["1", "2", "3"]]);
        let t = only_table(
            r#"<table><tr><td colspan="0">A</td><td colspan="x">B</td><td colspan=" +2">C</td></tr><tr><td>1<td>2<td>3<td>4</table>"#,
        );
        assert_eq!(grid(&t)[0], vec!["A", "B", "C", "C"]);
        assert_eq!(parse_non_negative("  12abc"), Some(12));
        assert_eq!(parse_non_negative("-1"), None);
        assert_eq!(parse_non_negative(""), None);
        assert_eq!(parse_non_negative("99999999999999999999999"), Some(u64::MAX));
    }

    #[test]
    fn rowspan_zero_runs_to_the_end() {
        let t =
            only_table("<table><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>");
        assert_eq!(grid(&t), vec![vec!["A", "1"], vec!["A", "2"], vec!["A", "3"]]);
        assert_eq!(t.cells[0].rowspan, 3);
    }

    #[test]
    fn huge_spans_are_clamped() {
        let t = only_table(r#"<table><tr><td rowspan="65535" colspan="1000">x</td><td>y</td></tr></table>"#);
        assert_eq!((t.n_rows, t.n_cols), (1, 1001));
        assert!(t.grid.len() <= 1001);
        assert_eq!(t.cells[0].rowspan, 1);
        assert_eq!(t.cells[0].colspan, 1000);
        let t =
            only_table(r#"<table><tr><td colspan="5000">x</td><td>y</td></tr><tr><td>a</td><td>b</td></tr></table>"#);
        assert_eq!(t.n_cols, 1001);
    }

    #[test]
    fn oversized_grid_becomes_paragraphs() {
        let mut html = String::from("<table>");
        for i in 0..2100 {
            html.push_str(&format!("<tr><td colspan=1000>r{i}</td><td>v</td></tr>"));
        }
        html.push_str("</table>");
        let doc = parse_html(&html);
        assert!(tables(&doc).is_empty());
        let ps = paragraphs(&doc);
        assert_eq!(ps.len(), 4200);
        assert_eq!(ps[..2], ["r0", "v"]);
    }

    #[test]
    fn ragged_rows_are_padded() {
        let t = only_table("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>");
        assert_eq!((t.n_rows, t.n_cols), (2, 3));
        assert_eq!(t.grid[3..], [Some(3), None, None]);
    }

    #[test]
    fn cell_text() {
        let t = only_table(
            "<table><tr><td>line1<br>line2<br/>line3</td><td><span>7</span><span>1</span></td>\
             <td>&nbsp;</td><th><p> 本年新 </p><p>制作\n数量</p></th></tr></table>",
        );
        assert_eq!(grid(&t)[0], vec!["line1\nline2\nline3", "71", "", "本年新\n制作数量"]);
        assert!(t.cells[3].header && !t.cells[0].header);
    }

    #[test]
    fn script_text_is_ignored() {
        let doc = parse_html(
            r#"<p>前言</p><script>var s = "</td></tr><table><tr><td>x";</script>
               <table><tr><td>a</td><td>b</td></tr></table><style>p{}</style><noscript>开启</noscript>"#,
        );
        assert_eq!(paragraphs(&doc), vec!["前言"]);
        assert_eq!(grid(tables(&doc)[0]), vec![vec!["a", "b"]]);
    }

    #[test]
    fn furniture_is_dropped_and_prose_kept() {
        let html = r#"<html><head><title> 2019年 年度报告 </title></head><body>
            <div class="top"><a>首页</a><a>机构</a></div>
            <nav><ul><li>政务公开</li><li>办事服务</li></ul></nav>
            <div id="mainNav">互动交流</div>
            <div class="wrap">
              <div class="bread-crumb">当前位置：首页 &gt; 年报</div>
              <h1>某区政府2019年政府信息公开工作年度报告</h1>
              <div class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
              <p>一、总体情况</p>
              <p>2019年，我区认真贯彻落实《条例》，主动公开政府信息1234条。</p>
              <div>【打印本页】 【关闭窗口】</div>
              <div class="bdsharebuttonbox">分享到：<a>微信</a></div>
            </div>
            <div class="footer">版权所有 某区人民政府 网站标识码 0000000000</div>
            </body></html>"#;
        let doc = parse_html(html);
        assert_eq!(
            paragraphs(&doc),
            vec![
                "某区政府2019年政府信息公开工作年度报告",
                "一、总体情况",
                "2019年，我区认真贯彻落实《条例》，主动公开政府信息1234条。"
            ]
        );
        assert_eq!(doc.html_title.as_deref(), Some("2019年 年度报告"));
    }

    #[test]
    fn content_container_is_preferred() {
        let prose = "我局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。".repeat(3);
        let html = format!(
            r#"<body><div class="head">某市人民政府门户网站</div><div class="menus">首页 政务公开 政务服务 互动交流</div>
            <div class="main"><div class="left">热点专题 政策解读 新闻发布</div>
            <div class="xxgk_title">某局2020年政府信息公开工作年度报告</div>
            <div class="TRS_Editor"><p>一、总体情况</p><p>{prose}</p>
            <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td></tr><tr><td>规章</td><td>1</td><td>0</td></tr></table>
            </div></div><div class="site-info">主办单位：某市人民政府办公室</div></body>"#
        );
        let doc = parse_html(&html);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", prose.as_str()]);
        assert_eq!(tables(&doc).len(), 1);
    }

    #[test]
    fn container_is_not_used_when_report_text_lies_outside() {
        let prose = "我局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。".repeat(3);
        let more = "二是加强政策解读，围绕重点工作发布解读材料，及时回应社会关切，提升政务公开质量和效果。".repeat(3);
        let html = format!(
            r#"<body><div class="content"><p>一、总体情况</p><p>{prose}</p></div>
               <div class="box"><p>{more}</p></div></body>"#
        );
        let doc = parse_html(&html);
        assert_eq!(paragraphs(&doc), vec!["一、总体情况", prose.as_str(), more.as_str()]);
    }

    #[test]
    fn panel_from_table_and_list() {
        let doc = parse_html(
            "<table><tr><td>索引号</td><td>x/2020-1</td><td>发布日期</td><td>2020-02-01</td></tr></table><p>正文</p>",
        );
        assert_eq!(panel_value(&doc, "index_number"), Some("x/2020-1"));
        assert_eq!(panel_value(&doc, "published"), Some("2020-02-01"));
        // A pure panel table is not content.
        assert!(tables(&doc).is_empty());
        assert_eq!(paragraphs(&doc), vec!["正文"]);

        let html = format!(
            r#"<ul class="xxgk-info"><li><span>索 引 号：</span><span>000014349/2018-00222</span></li>
               <li><span>发布机构：</span><span>某市人民政府办公厅</span></li></ul>
               <div class="info">发布日期：2020-01-31</div><div class="TRS_Editor"><p>{PROSE}</p></div>"#
        );
        let doc = parse_html(&html);
        assert_eq!(panel_value(&doc, "index_number"), Some("000014349/2018-00222"));
        assert_eq!(panel_value(&doc, "publisher"), Some("某市人民政府办公厅"));
        assert_eq!(panel_value(&doc, "published"), Some("2020-01-31"));
        assert_eq!(doc.panel[0].label, "索引号");
        assert_eq!(paragraphs(&doc), vec![PROSE]);
    }

    #[test]
    fn panel_is_read_from_dropped_furniture() {
        let html = format!(
            r#"<div class="footer-info"><span>发布日期：2021-01-15</span>
               <span>来源：某市财政局</span></div><div><p>{PROSE}</p></div>"#
        );
        let doc = parse_html(&html);
        assert_eq!(panel_value(&doc, "published"), Some("2021-01-15"));
        assert_eq!(panel_value(&doc, "source"), Some("某市财政局"));
        assert_eq!(paragraphs(&doc), vec![PROSE]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 100_000;
        let mut html = String::with_capacity(n * 11 + 20);
        html.push_str(&"<div>".repeat(n));
        html.push_str("深处的文字");
        html.push_str(&"</div>".repeat(n));
        html.push_str("<p>之后</p>");
        let doc = parse_html(&html);
        assert_eq!(paragraphs(&doc), vec!["深处的文字", "之后"]);

        // Formatting elements left open with distinct attributes.
        let html: String = (0..20_000).map(|i| format!("<p><b id={i}>x")).collect();
        let doc = parse_html(&html);
        assert_eq!(paragraphs(&doc).len(), 20_000);

        // Nested inline formatting and tables too.
        let html = format!("{}x{}", "<b><font>".repeat(n / 2), "<table><tr><td>".repeat(2000));
        let doc = parse_html(&html);
        assert!(paragraphs(&doc).contains(&"x"));
    }

    #[test]
    fn prune_keeps_text_and_structure() {
        // A page with nothing to remove stays borrowed.
        assert!(matches!(prune("<p>正文<b>x</b></p><table><tr><td colspan=2>1</td></tr></table>"), Cow::Borrowed(_)));
        // Formatting left open in a paragraph is closed by the next one and its start
        // tag removed (html5ever would re-create it in every later paragraph).
        let html = "<p><font>x".repeat(2000) + "<div><table><tr><td>a<td>b</table></div>";
        let pruned = prune(&html);
        assert_eq!(pruned.matches("<font>").count(), 1);
        assert!(
            pruned.starts_with("<p>x<p>x") && pruned.ends_with("<p><font>x<div><table><tr><td>a<td>b</table></div>")
        );
        // Closed formatting is untouched.
        assert!(matches!(prune(&"<p><b>x</b></p>".repeat(600)), Cow::Borrowed(_)));
        let deep = "<div>".repeat(600) + "x";
        let pruned = prune(&deep);
        assert_eq!(pruned.matches("<div>").count(), MAX_DEPTH);
        // Comments, scripts and quoted attributes do not confuse the scan; the
        // script's content and the unread attribute are cut.
        let tricky =
            format!(r#"<!-- <div> --><script>"<div>"</script><p title="<div>">{}</p>"#, "<div></div>".repeat(600));
        assert_eq!(prune(&tricky), format!(r#"<!-- <div> --><script></script><p>{}</p>"#, "<div></div>".repeat(600)));
        // The same text and tables as without pruning, on a real page.
        let unpruned = |html: &str| {
            let doc = Html::parse_document(html);
            let (arena, title) = Arena::build(&doc);
            (Content::new(&arena).blocks(), read_panel(&arena), title)
        };
        assert!(!matches!(prune(SHANGHAI), Cow::Borrowed(_)));
        // A CMS page (bench/corpus.py's chrome), a Word export and the real page.
        let cms = r#"<html><head><meta charset="utf-8"><title>年报</title><link rel="stylesheet" href="/a.css">
            <script src="/j.js"></script><script>var x = "<td>";</script></head><body>
            <div class="nav" role="navigation"><ul><li><a href="/1/index.html" target="_blank">首页</a></li></ul></div>
            <div id="zoom" class="TRS_Editor" style="font-size:16px"><p style="text-indent:2em">一、总体情况</p>
            <table border="1" cellspacing="0" style="width:600px"><tr><td rowspan="2" width="80">信息内容</td>
            <td colspan=2 align=center>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table></div>
            <div class="footer"><span>主办：某某局</span></div></body></html>"#;
        let word = r#"<p class=MsoNormal style='mso-line-height-rule:exactly'><span lang=EN-US
            style='font-family:"Times New Roman"'>2021<o:p></o:p></span><span style='font-family:宋体'>年</span></p>"#;
        for html in [cms, word, SHANGHAI] {
            let doc = parse_html(html);
            assert_eq!((doc.blocks, doc.panel, doc.html_title), unpruned(html));
        }
    }

    #[test]
    fn prune_keeps_only_the_attributes_read() {
        let cases = [
            (r#"<a href="/x.html" target=_blank class="nav">a</a>"#, r#"<a class="nav">a</a>"#),
            (r#"<td style='width:10px' COLSPAN="2" rowspan=3 nowrap>1</td>"#, r#"<td COLSPAN="2" rowspan=3>1</td>"#),
            (r#"<img src="a.png" alt="x > y"/>"#, "<img/>"),
            (r#"<div/ id=main data-x = "1" role='main'>"#, r#"<div/ id=main role='main'>"#),
            (r#"<p =odd class=c>x</p>"#, r#"<p class=c>x</p>"#),
            // Inside svg and math the attributes are left alone (`<font color>` breaks out there).
            (
                r#"<svg viewBox="0 0 1 1"><font color="red">x</font></svg>"#,
                r#"<svg viewBox="0 0 1 1"><font color="red">x</font></svg>"#,
            ),
        ];
        for (html, want) in cases {
            assert_eq!(prune(html), want, "{html}");
        }
        // An unclosed quote: the tag is left whole.
        assert_eq!(prune(r#"<p>a</p><a href="x>b"#), r#"<p>a</p><a href="x>b"#);
    }

    #[test]
    fn script_and_style_content_is_cut_unless_escapes_are_possible() {
        let page = "<style>p{color:red}</style><script type=\"text/javascript\">var a = 1 < 2;</SCRIPT >\
                    <p>正文</p><textarea>留着</textarea>";
        assert_eq!(prune(page), "<style></style><script></SCRIPT ><p>正文</p><textarea>留着</textarea>");
        // After `<!--` the first `</script>` may not end the script (the tokenizer's
        // escaped states): such a script is left whole, for html5ever to read.
        let escaped = "<script><!--<script>x</script>y--></script><p>正文</p>";
        assert!(matches!(prune(escaped), Cow::Borrowed(_)));
        let doc = parse_html(escaped);
        assert_eq!(paragraphs(&doc), ["正文"]);
        // An unclosed script runs to the end, as before.
        assert!(matches!(prune("<p>a</p><script>var x = 1;"), Cow::Borrowed(_)));
    }

    #[test]
    fn nested_tables_follow_their_parent() {
        let doc = parse_html(
            "<table><tr><td>外1</td><td>外2<table><tr><td>内1</td><td>内2</td></tr><tr><td>内3</td><td>内4</td></tr></table></td>\
             <td>外3</td></tr><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr>\
             <tr><td>g</td><td>h</td><td>i</td></tr></table><p>之后</p>",
        );
        let ts = tables(&doc);
        assert_eq!(ts.len(), 2);
        assert_eq!(grid(ts[0])[..2], [vec!["外1", "外2", "外3"], vec!["a", "b", "c"]]);
        assert_eq!(grid(ts[1]), vec![vec!["内1", "内2"], vec!["内3", "内4"]]);
        assert!(matches!(doc.blocks[0], RawBlock::Table(_)));
        assert!(matches!(doc.blocks[1], RawBlock::Table(_)));
        assert_eq!(doc.blocks[2], RawBlock::Paragraph("之后".into()));
    }

    #[test]
    fn layout_table_is_read_as_flow() {
        let prose =
            "本年度报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等。"
                .repeat(3);
        let html = format!(
            r#"<table width="100%"><tr><td colspan="2"><img src="logo.png">某县人民政府</td></tr>
               <tr><td width="200">导航</td><td>
                 <p>一、总体情况</p><p>{prose}</p>
                 <table border="1"><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td></tr>
                 <tr><td>规章</td><td>3</td><td>0</td></tr></table>
                 <p>二、其他</p>
               </td></tr></table>"#
        );
        let doc = parse_html(&html);
        let ts = tables(&doc);
        assert_eq!(ts.len(), 1);
        assert_eq!(grid(ts[0])[1], vec!["规章", "3", "0"]);
        let ps = paragraphs(&doc);
        assert_eq!(ps, vec!["某县人民政府", "导航", "一、总体情况", prose.as_str(), "二、其他"]);
        let table_pos = doc.blocks.iter().position(|b| matches!(b, RawBlock::Table(_))).unwrap();
        assert_eq!(doc.blocks[table_pos - 1], RawBlock::Paragraph(prose.clone()));
        assert_eq!(doc.blocks[table_pos + 1], RawBlock::Paragraph("二、其他".into()));
    }

    #[test]
    fn whitespace_and_line_breaks() {
        let doc = parse_html("<p>政府信息\n  公开工作 年度报告&nbsp;&nbsp;2019\r\n年</p><p>　全角空格　</p><div>a<span>b</span><div>c</div>d</div>");
        assert_eq!(paragraphs(&doc), vec!["政府信息公开工作 年度报告 2019 年", "全角空格", "ab", "c", "d"]);
    }

    #[test]
    fn widget_lines() {
        for w in [
            "【字体：大 中 小】",
            "打印本页",
            "关闭窗口",
            "分享到：",
            "【打印】【关闭】",
            "上一篇：2018年年度报告",
            "当前位置：首页 > 年报",
        ] {
            assert!(is_widget_line(w), "{w}");
        }
        for p in ["一、总体情况", "关闭了3个网站", "无。", "打印机采购2台"] {
            assert!(!is_widget_line(p), "{p}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for html in [
            "",
            "<",
            "</",
            "<!--",
            "<table",
            "<table><tr><td rowspan=99999999999999999999>",
            "<td>a<td>b<tr><td>c",
            "<svg><g/><g/><title>x</title></svg><p>y",
            "<plaintext><div>",
            "<textarea><td>no</textarea>",
            "\u{0}\u{FEFF}<p>\u{200B}</p>",
            "<table><caption>表1<table><tr><td>x</td><td>y</td></tr></table></caption><tr><td>1</td><td>2</td></tr></table>",
        ] {
            let _ = parse_html(html);
        }
        // Table tags outside a table are ignored, as in browsers.
        let doc = parse_html("<td>a<td>b<tr><td>c");
        assert_eq!(paragraphs(&doc), vec!["abc"]);
    }
}
