//! The page as a flat pre-order arena (parent/child/sibling indices; `sink` builds it, and
//! `Arena::build` from scraper's DOM in tests),
//! and the iterative `Walk` every later pass uses: no recursion, whatever the nesting.

#[cfg(test)]
use scraper::{Html, Node};

use super::lines::{Lines, Noted};
#[cfg(test)]
use super::marks::mark_of;
use super::marks::Mark;

pub(super) const MAX_COLSPAN: u64 = 1000;
/// Browsers clamp `rowspan` to 65534.
pub(super) const MAX_ROWSPAN: u64 = 65534;

pub(super) const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Tag {
    Text,
    /// `a`: inline, its text a link's (a line of links only is the page's navigation).
    Link,
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
    pub(super) fn breaks_line(self) -> bool {
        !matches!(self, Tag::Text | Tag::Skip | Tag::Inline | Tag::Link | Tag::Br)
    }
}

#[derive(Clone, Debug)]
pub(super) struct ANode {
    pub(super) tag: Tag,
    pub(super) mark: Mark,
    pub(super) parent: u32,
    pub(super) first_child: u32,
    pub(super) next_sibling: u32,
    /// Byte range of a text node in `Arena::text`.
    pub(super) text: (usize, usize),
    /// Clamped to 1..=1000.
    pub(super) colspan: u32,
    /// 0 = to the end of the table; otherwise 1..=65534.
    pub(super) rowspan: u32,
}

impl ANode {
    /// A node under `parent` that is skipped until its builder says what it is.
    pub(super) fn blank(parent: u32) -> ANode {
        ANode {
            tag: Tag::Skip,
            mark: Mark::None,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            text: (0, 0),
            colspan: 1,
            rowspan: 1,
        }
    }

    /// A cell's spans from its `colspan` / `rowspan` attributes, clamped as the fields say.
    pub(super) fn set_spans(&mut self, colspan: Option<&str>, rowspan: Option<&str>) {
        self.colspan = colspan.and_then(parse_non_negative).filter(|&v| v > 0).map_or(1, |v| v.min(MAX_COLSPAN) as u32);
        self.rowspan = rowspan.and_then(parse_non_negative).map_or(1, |v| v.min(MAX_ROWSPAN) as u32);
    }
}

/// The DOM flattened in pre-order: a node's descendants follow it, so a parent's
/// index is always smaller than its children's.
pub(super) struct Arena {
    pub(super) nodes: Vec<ANode>,
    pub(super) text: String,
}

impl Arena {
    /// The arena of scraper's tree: what [`super::sink::parse`] must build (tests compare the two).
    #[cfg(test)]
    pub(super) fn build(doc: &Html) -> (Arena, Option<String>) {
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
    pub(super) fn add(&mut self, value: &Node, parent: u32, last_child: &mut Vec<u32>) -> (u32, bool) {
        let mut node = ANode::blank(parent);
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
                    node.set_spans(e.attr("colspan"), e.attr("rowspan"));
                }
            }
            _ => {}
        }
        (self.append(node, last_child), descend)
    }

    /// Appends `node` as the last child of its `parent` (`NONE`: a root) and returns its
    /// index; `last_child` holds each node's last child so far (one slot per node).
    pub(super) fn append(&mut self, node: ANode, last_child: &mut Vec<u32>) -> u32 {
        let idx = u32::try_from(self.nodes.len()).unwrap_or(NONE - 1);
        let parent = node.parent;
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
        idx
    }

    pub(super) fn node(&self, i: u32) -> &ANode {
        &self.nodes[i as usize]
    }

    pub(super) fn tag(&self, i: u32) -> Tag {
        self.nodes[i as usize].tag
    }

    pub(super) fn text_of(&self, i: u32) -> &str {
        let (s, e) = self.nodes[i as usize].text;
        &self.text[s..e]
    }

    pub(super) fn children(&self, i: u32) -> Children<'_> {
        Children { arena: self, next: self.node(i).first_child }
    }

    /// The rows of a table (directly or in its row groups, not in nested tables) and its caption.
    pub(super) fn table_rows(&self, t: u32) -> (Vec<u32>, Option<u32>) {
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
    pub(super) fn table_shape(&self, t: u32) -> (usize, usize) {
        let (rows, _) = self.table_rows(t);
        let cols = rows.iter().map(|&r| self.children(r).filter(|&c| matches!(self.tag(c), Tag::Td | Tag::Th)).count());
        (rows.len(), cols.max().unwrap_or(0))
    }

    pub(super) fn cells(&self, tr: u32) -> impl Iterator<Item = u32> + '_ {
        self.children(tr).filter(|&c| matches!(self.tag(c), Tag::Td | Tag::Th))
    }

    /// `cell_text` of a cell holding no nested table, taken from `known` when the panel
    /// read it already (each cell's text is made once for the panel and the grid).
    pub(super) fn cell_text_known(&self, cell: u32, nested: &mut Vec<u32>, known: &mut CellTexts) -> String {
        known.remove(&cell).unwrap_or_else(|| self.cell_text(cell, nested))
    }

    /// Text of a cell (or caption): lines joined by `'\n'`; nested tables are left
    /// out and recorded in `nested`.
    pub(super) fn cell_text(&self, cell: u32, nested: &mut Vec<u32>) -> String {
        self.cell_text_noted(cell, nested, None)
    }

    /// [`Arena::cell_text`], its text nodes pushed through `noted` when given
    /// ([`Lines::push_node`]).
    pub(super) fn cell_text_noted(&self, cell: u32, nested: &mut Vec<u32>, mut noted: Option<&mut Noted>) -> String {
        let mut lines = Lines::default();
        let mut walk = Walk::new(cell);
        while let Some((i, enter)) = walk.next(self) {
            match self.tag(i) {
                Tag::Text if enter => match noted.as_deref_mut() {
                    Some(noted) => lines.push_node(self.text_of(i), i, noted),
                    None => lines.push(self.text_of(i)),
                },
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
        // Most cells hold one line: that line is the text, without a copy.
        if lines.done.len() == 1 {
            return lines.done.pop().unwrap_or_default();
        }
        lines.done.join("\n")
    }
}

/// Texts of cells holding no nested table, by node, as the panel read them.
pub(super) type CellTexts = crate::hashing::FastMap<u32, String>;

pub(super) struct Children<'a> {
    pub(super) arena: &'a Arena,
    pub(super) next: u32,
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

pub(super) fn tag_of(name: &str) -> Tag {
    // The commonest names first (Word's `<span>`, `<p>` and cells), ahead of the match's
    // comparisons with the other names of their length.
    match name {
        "span" => return Tag::Inline,
        "p" => return Tag::Block,
        "a" => return Tag::Link,
        "td" => return Tag::Td,
        _ => {}
    }
    match name {
        "script" | "style" | "template" | "noscript" | "head" | "title" | "iframe" | "object" | "embed" | "applet"
        | "select" | "datalist" | "option" | "optgroup" | "button" | "textarea" | "input" | "canvas" | "audio"
        | "video" | "noembed" | "noframes" | "frameset" | "meta" | "link" | "base" | "param" | "source" | "track"
        | "map" | "area" | "img" | "picture" => Tag::Skip,
        // A superscript is a footnote's mark (`14<sup>1</sup>`), never a digit of the number
        // before it; struck-out text (`<del>12</del>13`, a correction shown) is no longer the
        // report's.
        "sup" | "del" | "s" | "strike" => Tag::Skip,
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

/// HTML "rules for parsing non-negative integers": leading whitespace, an optional
/// `+`, then digits; anything after the digits is ignored. Saturates.
pub(super) fn parse_non_negative(s: &str) -> Option<u64> {
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

/// Iterative pre/post-order walk of the subtree at `root`: yields `(node, true)` on
/// entering and `(node, false)` on leaving. After an enter, `skip()` leaves the
/// node's subtree out (and no leave is yielded for it). Uses the arena's links only.
pub(super) struct Walk {
    pub(super) root: u32,
    pub(super) cur: u32,
    pub(super) state: WalkState,
    pub(super) skip: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum WalkState {
    Start,
    Entered,
    Left,
    Done,
}

impl Walk {
    pub(super) fn new(root: u32) -> Walk {
        Walk { root, cur: root, state: WalkState::Start, skip: false }
    }

    pub(super) fn skip(&mut self) {
        self.skip = true;
    }

    #[inline]
    pub(super) fn next(&mut self, a: &Arena) -> Option<(u32, bool)> {
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

    #[inline]
    pub(super) fn advance(&mut self, a: &Arena) -> Option<(u32, bool)> {
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
