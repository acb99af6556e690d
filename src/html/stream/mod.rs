//! A single-pass HTML builder (issue 15, step 4): tokenizes the pruned page and builds
//! the [`Arena`] directly, following HTML's tree-construction rules for the documents
//! it can build with certainty — well-nested pages with implied end tags (`p`, `li`,
//! `td`, `tr` …), tables without stray content, comments, raw-text elements.
//!
//! Whatever would need error recovery it does not reproduce (foster parenting, the
//! adoption agency beyond its simple cases, reconstructed formatting elements,
//! `template`, `svg`/`math`, `select`, framesets, character references outside a small
//! table …) makes it return `None`, and [`super::sink`] (html5ever's tree builder)
//! builds the page instead. Tests compare the two arenas wherever this one answers.

use std::borrow::Cow;

use crate::hashing::FastMap;

use super::arena::{tag_of, ANode, Arena, Tag, NONE};
use super::lines::Lines;
use super::marks::{mark_of, Mark};
use super::prune::{kind_of_lowercase, Next, ScanState};

mod lex;
mod modes;
#[cfg(test)]
mod tests;

use lex::{decode_refs, find_byte, find_end_tag, implied_end, is_ws, lower, read_attrs, Scope, WS};

/// Builds the arena (and the first `<title>`'s text) of a pruned HTML page, or `None`
/// when the page needs tree-building rules this builder does not follow.
pub(super) fn parse(html: &str) -> Option<(Arena, Option<String>)> {
    build(html, None).ok()
}

/// What [`parse_raw`] leaves when it cannot build the page unpruned.
pub(super) enum Declined<'h> {
    /// Prune would cut a tag, or could read one otherwise ([`Attrs::odd`]): its scan of
    /// `text` (the page, line ends normalised) up to byte `at` (the end of the tag it
    /// would cut, the start of the one it could read otherwise), with the cuts so far.
    /// The scan can go on from there ([`super::prune::prune_from`]); attributes and
    /// script content before `at` stay, which the builder reads past as it did here.
    Prune { text: Cow<'h, str>, scan: Box<ScanState>, at: usize },
    /// Anything else: the page is pruned from its start.
    Other,
}

/// [`parse`] of `prune(html)`, read from `html` itself: the builder reads past the
/// attributes and the raw-text content that [`prune`] would cut, and follows the other
/// half of prune's scan (its stack, [`ScanState`]) tag by tag. Declines when prune would
/// change more than those (nesting beyond its depth, formatting elements closed
/// implicitly: [`Declined::Prune`]), when the two could read a tag differently
/// ([`Attrs::odd`]), or where [`parse`] would decline.
///
/// [`prune`]: super::prune::prune
pub(super) fn parse_raw(html: &str) -> Result<(Arena, Option<String>), Declined<'_>> {
    build(html, Some(ScanState::default()))
}

fn build(html: &str, shadow: Option<ScanState>) -> Result<(Arena, Option<String>), Declined<'_>> {
    if memchr::memchr(0, html.as_bytes()).is_some() {
        return Err(Declined::Other);
    }
    // The input stream turns CR LF and lone CR into LF.
    let norm: Cow<'_, str> = if memchr::memchr(b'\r', html.as_bytes()).is_some() {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = memchr::memchr(b'\r', rest.as_bytes()) {
            out.push_str(&rest[..at]);
            out.push('\n');
            rest = &rest[at + 1..];
            if let Some(r) = rest.strip_prefix('\n') {
                rest = r;
            }
        }
        out.push_str(rest);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    };
    let mut b = Builder::new(norm.len());
    b.shadow = shadow;
    if b.run(&norm).is_some() {
        return Ok((b.arena, b.title));
    }
    let (resume, scan) = (b.resume, b.shadow.take());
    drop(b);
    match (resume, scan) {
        (Some(at), Some(scan)) => Err(Declined::Prune { text: norm, scan: Box::new(scan), at }),
        _ => Err(Declined::Other),
    }
}

/// An element's `(id, class)`.
type MarkKey<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

/// Marks by `(id, class)`.
type Marks<'a> = FastMap<MarkKey<'a>, Mark>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    InTable,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
    AfterBody,
    AfterAfterBody,
}

/// The attributes the arena reads, decoded.
#[derive(Default)]
struct Attrs<'a> {
    id: Option<Cow<'a, str>>,
    class: Option<Cow<'a, str>>,
    role: Option<Cow<'a, str>>,
    colspan: Option<Cow<'a, str>>,
    rowspan: Option<Cow<'a, str>>,
    /// Markup [`super::prune`]'s rough tokenizer may read otherwise than the tokenizer: a
    /// quote in an attribute name or unquoted value, an attribute glued to the quoted
    /// value before it. Only a raw page (see [`parse_raw`]) cares.
    odd: bool,
}

impl Attrs<'_> {
    fn is_empty(&self) -> bool {
        self.id.is_none()
            && self.class.is_none()
            && self.role.is_none()
            && self.colspan.is_none()
            && self.rowspan.is_none()
    }
}

struct StartTag<'a> {
    name: Cow<'a, str>,
    attrs: Attrs<'a>,
}

/// An open element.
struct Open<'a> {
    name: Cow<'a, str>,
    /// Arena index, or `NONE` when the element lies in a subtree the arena leaves out.
    idx: u32,
    /// Whether its children go into the arena.
    desc: bool,
    /// Unique element number (for the list of active formatting elements).
    uid: u32,
}

/// What the tokenizer reads after a start tag just inserted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    None,
    Text,
    Rcdata,
    Script,
}

struct Builder<'a> {
    arena: Arena,
    last_child: Vec<u32>,
    title: Option<String>,
    mode: Mode,
    stack: Vec<Open<'a>>,
    /// Open state by element number.
    open: Vec<bool>,
    /// Active formatting elements: `(uid, name)`, `None` a marker.
    formatting: Vec<Option<(u32, Cow<'a, str>)>>,
    form: Option<u32>,
    ignore_lf: bool,
    raw: Raw,
    /// [`mark_of`] by `(id, class)` for elements without `role` (Word repeats
    /// `class=MsoNormal` on every paragraph).
    marks: Marks<'a>,
    /// The last two `(id, class)` looked up in `marks`, and their marks (Word's paragraphs,
    /// `class=MsoNormal`, take turns with their runs, of no class), and which of the two the
    /// next look-up replaces.
    last_marks: [Option<(MarkKey<'a>, Mark)>; 2],
    older_mark: usize,
    /// [`parse_raw`]'s copy of prune's stack.
    shadow: Option<ScanState>,
    /// Where prune's scan stopped when it would cut a tag (see [`Declined::Prune`]).
    resume: Option<usize>,
}

impl<'a> Builder<'a> {
    fn new(len: usize) -> Self {
        // About one node (element or text) per tag mark; Word's markup runs at one per
        // 24 bytes, and a regrown arena copies every node so far.
        let cap = len / 20 + 16;
        let mut b = Builder {
            arena: Arena { nodes: Vec::with_capacity(cap), text: String::with_capacity(len / 2) },
            last_child: Vec::with_capacity(cap),
            title: None,
            mode: Mode::Initial,
            stack: Vec::new(),
            open: Vec::new(),
            formatting: Vec::new(),
            form: None,
            ignore_lf: false,
            raw: Raw::None,
            marks: FastMap::default(),
            last_marks: [None, None],
            older_mark: 0,
            shadow: None,
            resume: None,
        };
        b.push_node(ANode { tag: Tag::Block, ..ANode::blank(NONE) });
        b
    }

    fn run(&mut self, s: &'a str) -> Option<()> {
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0usize;
        let mut text_start = 0usize;
        while let Some(off) = find_byte(b'<', &b[i..]) {
            let p = i + off;
            let Some(&c) = b.get(p + 1) else { break };
            let after;
            if c == b'!' {
                self.text(&s[text_start..p])?;
                if b[p..].starts_with(b"<!--") {
                    let body = &b[p + 4..];
                    if body.starts_with(b">") || body.starts_with(b"->") {
                        return None;
                    }
                    let e = memchr::memmem::find(body, b"-->")?;
                    if memchr::memmem::find(&body[..e + 2], b"--!").is_some() {
                        return None;
                    }
                    after = p + 4 + e + 3;
                    self.comment()?;
                } else {
                    let e = memchr::memchr(b'>', &b[p + 2..])? + p + 2;
                    after = e + 1;
                    let doctype = b.len() >= p + 9 && b[p + 2..p + 9].eq_ignore_ascii_case(b"doctype");
                    if doctype {
                        self.doctype();
                    } else {
                        self.comment()?;
                    }
                }
            } else if c == b'?' {
                self.text(&s[text_start..p])?;
                let e = memchr::memchr(b'>', &b[p + 2..])? + p + 2;
                after = e + 1;
                self.comment()?;
            } else if c == b'/' {
                match b.get(p + 2) {
                    Some(d) if d.is_ascii_alphabetic() => {
                        self.text(&s[text_start..p])?;
                        let mut j = p + 2;
                        while j < n && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
                            j += 1;
                        }
                        let name = lower(&s[p + 2..j]);
                        let mut attrs = Attrs::default();
                        after = read_attrs(s, j, &mut attrs, false)?;
                        self.follow(&name, true, false, attrs.odd, (p, after))?;
                        self.ignore_lf = false;
                        self.end(&name)?;
                    }
                    Some(b'>') => {
                        self.text(&s[text_start..p])?;
                        after = p + 3;
                    }
                    None => break,
                    Some(_) => {
                        self.text(&s[text_start..p])?;
                        let e = memchr::memchr(b'>', &b[p + 2..])? + p + 2;
                        after = e + 1;
                        self.comment()?;
                    }
                }
            } else if c.is_ascii_alphabetic() {
                self.text(&s[text_start..p])?;
                let mut j = p + 1;
                while j < n && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
                    j += 1;
                }
                let mut tag = StartTag { name: lower(&s[p + 1..j]), attrs: Attrs::default() };
                let mut end = read_attrs(s, j, &mut tag.attrs, true)?;
                // `/>` as prune's scan reads it: the `/` right before the `>`, after the name.
                let self_closing = end >= j + 2 && b[end - 2] == b'/';
                let next = self.follow(&tag.name, false, self_closing, tag.attrs.odd, (p, end))?;
                self.ignore_lf = false;
                self.raw = Raw::None;
                self.start(&tag)?;
                if self.shadow.is_some() && (next == Next::RawText) != (self.raw != Raw::None) {
                    return None;
                }
                if self.raw != Raw::None {
                    let close = find_end_tag(b, end, tag.name.as_bytes())?;
                    let content = &s[end..close];
                    match self.raw {
                        Raw::Script if content.contains("<!--") => return None,
                        Raw::Rcdata => {
                            let content = decode_refs(content)?;
                            let top = self.stack.last()?;
                            if top.idx != NONE && self.title.is_none() && top.name == "title" {
                                let mut l = Lines::default();
                                if !content.is_empty() {
                                    l.push(&content);
                                }
                                l.brk();
                                self.title = l.done.pop();
                            }
                        }
                        _ => {}
                    }
                    let mut j = close + 2 + tag.name.len();
                    while j < n && !is_ws(b[j]) && b[j] != b'/' && b[j] != b'>' {
                        j += 1;
                    }
                    let mut attrs = Attrs::default();
                    end = read_attrs(s, j, &mut attrs, false)?;
                    self.follow(&tag.name, true, false, attrs.odd, (close, end))?;
                    self.pop();
                    self.raw = Raw::None;
                }
                after = end;
            } else {
                // A `<` that opens no tag is text.
                i = p + 1;
                continue;
            }
            i = after;
            text_start = after;
        }
        self.text(&s[text_start..])?;
        self.eof();
        Some(())
    }

    /// A tag (its name in lower case, its byte range) on prune's stack (raw pages only):
    /// what prune reads next, or `None` when prune would cut the tag or could read it
    /// otherwise (noting where its scan can go on).
    fn follow(&mut self, name: &str, is_end: bool, self_closing: bool, odd: bool, tag: (usize, usize)) -> Option<Next> {
        let Some(st) = self.shadow.as_mut() else { return Some(Next::Tag) };
        if odd {
            // Prune reads this tag its own way: its scan goes on from the tag's start.
            self.resume = Some(tag.0);
            return None;
        }
        let name = name.as_bytes();
        let next = st.tag(name, kind_of_lowercase(name), is_end, self_closing, tag);
        if !st.drops.is_empty() {
            self.resume = Some(tag.1);
            return None;
        }
        (next != Next::Stop).then_some(next)
    }

    // -- the arena ---------------------------------------------------------

    fn push_node(&mut self, node: ANode) -> u32 {
        self.arena.append(node, &mut self.last_child)
    }

    /// The current node's arena index, if its children go into the arena.
    fn target(&self) -> Option<u32> {
        match self.stack.last() {
            None => Some(0),
            Some(o) if o.desc => Some(o.idx),
            Some(_) => None,
        }
    }

    fn insert_text(&mut self, t: &str) -> Option<()> {
        if t.is_empty() {
            return Some(());
        }
        let Some(parent) = self.target() else { return Some(()) };
        let last = self.last_child[parent as usize];
        if last != NONE && self.arena.nodes[last as usize].tag == Tag::Text {
            if self.arena.nodes[last as usize].text.1 != self.arena.text.len() {
                return None;
            }
            self.arena.text.push_str(t);
            self.arena.nodes[last as usize].text.1 = self.arena.text.len();
            return Some(());
        }
        let start = self.arena.text.len();
        self.arena.text.push_str(t);
        let mut node = ANode::blank(parent);
        node.tag = Tag::Text;
        node.text = (start, self.arena.text.len());
        self.push_node(node);
        Some(())
    }

    fn comment_node(&mut self) {
        if let Some(parent) = self.target() {
            self.push_node(ANode::blank(parent));
        }
    }

    fn insert(&mut self, name: Cow<'a, str>, attrs: &Attrs<'a>) -> u32 {
        let (idx, desc) = match self.target() {
            None => (NONE, false),
            Some(parent) => {
                let mut node = ANode::blank(parent);
                node.tag = tag_of(&name);
                let desc = node.tag != Tag::Skip || name == "head";
                if node.tag != Tag::Skip {
                    node.mark = match &attrs.role {
                        None => {
                            // Runs of elements share their id and class (`class=MsoNormal`, or none).
                            let last = self.last_marks.iter().flatten().find(|((id, class), _)| {
                                id.as_deref() == attrs.id.as_deref() && class.as_deref() == attrs.class.as_deref()
                            });
                            if let Some(&(_, mark)) = last {
                                mark
                            } else {
                                let key = (attrs.id.clone(), attrs.class.clone());
                                let mark = *self
                                    .marks
                                    .entry(key)
                                    .or_insert_with(|| mark_of(attrs.id.as_deref(), attrs.class.as_deref(), None));
                                self.last_marks[self.older_mark] =
                                    Some(((attrs.id.clone(), attrs.class.clone()), mark));
                                self.older_mark ^= 1;
                                mark
                            }
                        }
                        Some(role) => mark_of(attrs.id.as_deref(), attrs.class.as_deref(), Some(role)),
                    };
                }
                if matches!(node.tag, Tag::Td | Tag::Th) {
                    node.set_spans(attrs.colspan.as_deref(), attrs.rowspan.as_deref());
                }
                (self.push_node(node), desc)
            }
        };
        let uid = u32::try_from(self.open.len()).unwrap_or(NONE);
        self.open.push(true);
        self.stack.push(Open { name, idx, desc, uid });
        uid
    }

    fn insert_void(&mut self, name: Cow<'a, str>, attrs: &Attrs<'a>) {
        self.insert(name, attrs);
        self.pop();
    }

    fn insert_raw(&mut self, tag: &StartTag<'a>, raw: Raw) {
        self.insert(tag.name.clone(), &tag.attrs);
        self.raw = raw;
    }

    fn pop(&mut self) {
        if let Some(o) = self.stack.pop() {
            self.open[o.uid as usize] = false;
        }
    }

    // -- the stack ---------------------------------------------------------

    fn current(&self) -> &str {
        self.stack.last().map_or("", |o| &o.name)
    }

    fn in_scope(&self, scope: Scope, pred: impl Fn(&str) -> bool) -> bool {
        for o in self.stack.iter().rev() {
            if pred(&o.name) {
                return true;
            }
            if scope.boundary(&o.name) {
                return false;
            }
        }
        false
    }

    fn has(&self, scope: Scope, name: &str) -> bool {
        self.in_scope(scope, |n| n == name)
    }

    fn pop_until(&mut self, pred: impl Fn(&str) -> bool) {
        while let Some(o) = self.stack.last() {
            let done = pred(&o.name);
            self.pop();
            if done {
                break;
            }
        }
    }

    fn generate_implied(&mut self, except: &str) {
        while self.stack.last().is_some_and(|o| implied_end(&o.name) && o.name != except) {
            self.pop();
        }
    }

    fn close_p_in_button_scope(&mut self) {
        if self.has(Scope::Button, "p") {
            self.generate_implied("p");
            self.pop_until(|n| n == "p");
        }
    }

    fn clear_to(&mut self, ctx: &[&str]) {
        while self.stack.last().is_some_and(|o| !ctx.contains(&&*o.name)) {
            self.pop();
        }
    }

    /// Reconstructing the active formatting elements: `None` when it would do anything.
    fn reconstruct(&self) -> Option<()> {
        match self.formatting.last() {
            Some(Some((uid, _))) if !self.open[*uid as usize] => None,
            _ => Some(()),
        }
    }

    fn clear_formatting_to_marker(&mut self) {
        while let Some(e) = self.formatting.pop() {
            if e.is_none() {
                break;
            }
        }
    }

    fn reset_mode(&mut self) {
        for (i, o) in self.stack.iter().enumerate().rev() {
            let mode = match &*o.name {
                "td" | "th" if i != 0 => Mode::InCell,
                "tr" => Mode::InRow,
                "tbody" | "thead" | "tfoot" => Mode::InTableBody,
                "caption" => Mode::InCaption,
                "colgroup" => Mode::InColumnGroup,
                "table" => Mode::InTable,
                "head" if i != 0 => Mode::InHead,
                "body" => Mode::InBody,
                "html" => Mode::AfterHead,
                _ if i == 0 => Mode::InBody,
                _ => continue,
            };
            self.mode = mode;
            return;
        }
        self.mode = Mode::InBody;
    }

    // -- tokens ------------------------------------------------------------

    fn doctype(&mut self) {
        self.ignore_lf = false;
        if self.mode == Mode::Initial {
            self.push_node(ANode::blank(0));
            self.mode = Mode::BeforeHtml;
        }
    }

    fn comment(&mut self) -> Option<()> {
        self.ignore_lf = false;
        match self.mode {
            Mode::AfterBody | Mode::AfterAfterBody => None,
            _ => {
                self.comment_node();
                Some(())
            }
        }
    }

    /// Text between two tags (mostly none in Word's markup: no call then).
    #[inline]
    fn text(&mut self, raw: &str) -> Option<()> {
        if raw.is_empty() {
            return Some(());
        }
        self.some_text(raw)
    }

    fn some_text(&mut self, raw: &str) -> Option<()> {
        let lf = std::mem::take(&mut self.ignore_lf);
        if lf && raw.starts_with('&') {
            return None;
        }
        let decoded = decode_refs(raw)?;
        let mut t: &str = &decoded;
        if lf {
            t = t.strip_prefix('\n').unwrap_or(t);
        }
        loop {
            if t.is_empty() {
                return Some(());
            }
            match self.mode {
                Mode::Initial | Mode::BeforeHtml | Mode::BeforeHead => {
                    t = t.trim_start_matches(WS);
                    if t.is_empty() {
                        return Some(());
                    }
                    self.anything_else_before_body();
                }
                Mode::InHead | Mode::AfterHead => {
                    let rest = t.trim_start_matches(WS);
                    self.insert_text(&t[..t.len() - rest.len()])?;
                    t = rest;
                    if t.is_empty() {
                        return Some(());
                    }
                    self.anything_else_before_body();
                }
                Mode::InBody | Mode::InCell | Mode::InCaption => {
                    self.reconstruct()?;
                    return self.insert_text(t);
                }
                Mode::InTable | Mode::InTableBody | Mode::InRow | Mode::InColumnGroup => {
                    if !t.trim_start_matches(WS).is_empty() {
                        return None;
                    }
                    if !matches!(self.current(), "table" | "tbody" | "thead" | "tfoot" | "tr" | "colgroup") {
                        return None;
                    }
                    return self.insert_text(t);
                }
                Mode::AfterBody | Mode::AfterAfterBody => {
                    if !t.trim_start_matches(WS).is_empty() {
                        return None;
                    }
                    self.reconstruct()?;
                    return self.insert_text(t);
                }
            }
        }
    }

    /// "Anything else" in the modes before `<body>`: one step towards `InBody`.
    fn anything_else_before_body(&mut self) {
        match self.mode {
            Mode::Initial => self.mode = Mode::BeforeHtml,
            Mode::BeforeHtml => {
                self.insert(Cow::Borrowed("html"), &Attrs::default());
                self.mode = Mode::BeforeHead;
            }
            Mode::BeforeHead => {
                self.insert(Cow::Borrowed("head"), &Attrs::default());
                self.mode = Mode::InHead;
            }
            Mode::InHead => {
                self.pop();
                self.mode = Mode::AfterHead;
            }
            Mode::AfterHead => {
                self.insert(Cow::Borrowed("body"), &Attrs::default());
                self.mode = Mode::InBody;
            }
            _ => {}
        }
    }

    fn eof(&mut self) {
        while matches!(self.mode, Mode::Initial | Mode::BeforeHtml | Mode::BeforeHead | Mode::InHead | Mode::AfterHead)
        {
            self.anything_else_before_body();
        }
        while !self.stack.is_empty() {
            self.pop();
        }
    }
}
