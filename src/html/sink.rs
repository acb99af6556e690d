//! html5ever's tree builder writing a compact node list, turned into the [`Arena`]
//! in one pre-order pass (issue 15, step 4).
//!
//! The tree builder (all of HTML's error recovery: implicit closes, foster parenting,
//! the adoption agency) is html5ever's, so the tree is the one `scraper` builds — but
//! without `scraper`'s per-element attribute vectors, ego_tree nodes and their drop:
//! an element keeps its name and the five attributes the walk reads (`id`, `class`,
//! `role`, `colspan`, `rowspan`), with `scraper`'s lookup rules (see [`Elem`]). The
//! pass to the arena is `Arena::build`'s, node for node (same order, same skipped
//! subtrees, same `<title>`); a test compares the two arenas on every page we have.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{expanded_name, local_name, ns, Attribute, QualName};

use super::arena::{tag_of, ANode, Arena, Tag, NONE};
use super::lines::Lines;
use super::marks::{mark_of, Mark};
use crate::hashing::FastMap;

/// [`mark_of`] by `(id, class)` for elements without `role`: Word and CMS pages repeat a
/// few classes (`MsoNormal` on every paragraph) and `mark_of` lowercases and searches
/// its words in each.
type Marks<'a> = FastMap<(Option<&'a str>, Option<&'a str>), Mark>;

/// Builds the arena (and the first `<title>`'s text) of an HTML page.
pub(super) fn parse(html: &str) -> (Arena, Option<String>) {
    let tree = html5ever::driver::parse_document(Sink::default(), html5ever::ParseOpts::default()).one(html);
    tree.into_arena()
}

/// What an element keeps. `id` follows `scraper::Element::id` (the first attribute named
/// `id` in any namespace, attributes sorted by qualified name); the others follow
/// `scraper::Element::attr` (the attribute of that local name in no namespace).
#[derive(Debug)]
struct Elem {
    name: QualName,
    id: Option<(QualName, StrTendril)>,
    class: Option<StrTendril>,
    role: Option<StrTendril>,
    colspan: Option<StrTendril>,
    rowspan: Option<StrTendril>,
}

impl Elem {
    /// Records `attr` unless an attribute of its name is already there (so creation and
    /// `add_attrs_if_missing` share one rule).
    fn add(&mut self, attr: Attribute) {
        let name = &attr.name;
        if name.local == local_name!("id") {
            match &self.id {
                Some((have, _)) if have <= name => {}
                _ => self.id = Some((attr.name.clone(), attr.value)),
            }
            return;
        }
        if name.ns != ns!() || name.prefix.is_some() {
            return;
        }
        let slot = match name.local {
            local_name!("class") => &mut self.class,
            local_name!("role") => &mut self.role,
            local_name!("colspan") => &mut self.colspan,
            local_name!("rowspan") => &mut self.rowspan,
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(attr.value);
        }
    }
}

#[derive(Debug)]
enum Data {
    Document,
    /// A `<template>`'s contents (never read: `template` is skipped).
    Fragment,
    Element(Box<Elem>),
    Text(StrTendril),
    /// Comments, processing instructions, the doctype: arena nodes that are never read.
    Other,
}

#[derive(Debug)]
struct SNode {
    data: Data,
    parent: u32,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
}

#[derive(Debug)]
struct Tree {
    nodes: Vec<SNode>,
}

impl Default for Tree {
    fn default() -> Self {
        let mut t = Tree { nodes: Vec::with_capacity(1024) };
        t.new_node(Data::Document);
        t
    }
}

impl Tree {
    fn new_node(&mut self, data: Data) -> u32 {
        let i = u32::try_from(self.nodes.len()).unwrap_or(NONE - 1);
        self.nodes.push(SNode { data, parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE });
        i
    }

    fn n(&mut self, i: u32) -> &mut SNode {
        &mut self.nodes[i as usize]
    }

    fn detach(&mut self, i: u32) {
        let SNode { parent, prev, next, .. } = self.nodes[i as usize];
        if parent == NONE {
            return;
        }
        match prev {
            NONE => self.n(parent).first = next,
            p => self.n(p).next = next,
        }
        match next {
            NONE => self.n(parent).last = prev,
            n => self.n(n).prev = prev,
        }
        let node = self.n(i);
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    fn append_child(&mut self, parent: u32, child: u32) {
        self.detach(child);
        let last = self.nodes[parent as usize].last;
        match last {
            NONE => self.n(parent).first = child,
            l => self.n(l).next = child,
        }
        self.n(parent).last = child;
        let node = self.n(child);
        (node.parent, node.prev, node.next) = (parent, last, NONE);
    }

    fn insert_before(&mut self, sibling: u32, child: u32) {
        self.detach(child);
        let SNode { parent, prev, .. } = self.nodes[sibling as usize];
        match prev {
            NONE => self.n(parent).first = child,
            p => self.n(p).next = child,
        }
        self.n(sibling).prev = child;
        let node = self.n(child);
        (node.parent, node.prev, node.next) = (parent, prev, sibling);
    }

    /// Appends `text` to the text node `at` if it is one.
    fn merge_text(&mut self, at: u32, text: &StrTendril) -> bool {
        if at == NONE {
            return false;
        }
        match &mut self.n(at).data {
            Data::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }

    /// `Arena::build` over this tree: the same nodes in the same order.
    fn into_arena(self) -> (Arena, Option<String>) {
        let mut arena = Arena { nodes: Vec::with_capacity(self.nodes.len()), text: String::new() };
        let mut last_child: Vec<u32> = Vec::with_capacity(self.nodes.len());
        let mut title: Option<String> = None;
        let nodes = &self.nodes;
        let mut marks = Marks::default();
        let mut cur = 0u32;
        let (mut cur_idx, mut descend) = add(&mut arena, &nodes[0], NONE, &mut last_child, &mut marks);
        let mut parents: Vec<u32> = Vec::new();
        loop {
            let node = &nodes[cur as usize];
            if let Data::Element(e) = &node.data {
                if title.is_none() && e.name.local == local_name!("title") {
                    let mut l = Lines::default();
                    let mut c = node.first;
                    while c != NONE {
                        if let Data::Text(t) = &nodes[c as usize].data {
                            l.push(t);
                        }
                        c = nodes[c as usize].next;
                    }
                    l.brk();
                    title = l.done.pop();
                }
            }
            if descend && node.first != NONE {
                parents.push(cur_idx);
                cur = node.first;
                let parent = *parents.last().expect("pushed");
                (cur_idx, descend) = add(&mut arena, &nodes[cur as usize], parent, &mut last_child, &mut marks);
                continue;
            }
            loop {
                let Some(&parent) = parents.last() else { return (arena, title) };
                let sib = nodes[cur as usize].next;
                if sib != NONE {
                    cur = sib;
                    (cur_idx, descend) = add(&mut arena, &nodes[cur as usize], parent, &mut last_child, &mut marks);
                    break;
                }
                match nodes[cur as usize].parent {
                    NONE => return (arena, title),
                    p => {
                        cur = p;
                        parents.pop();
                    }
                }
            }
        }
    }
}

/// `Arena::add` for a node of this tree.
fn add<'a>(
    arena: &mut Arena,
    value: &'a SNode,
    parent: u32,
    last_child: &mut Vec<u32>,
    marks: &mut Marks<'a>,
) -> (u32, bool) {
    let mut node = ANode::blank(parent);
    let mut descend = false;
    match &value.data {
        Data::Document | Data::Fragment => {
            node.tag = Tag::Block;
            descend = true;
        }
        Data::Text(t) => {
            let start = arena.text.len();
            arena.text.push_str(t);
            node.tag = Tag::Text;
            node.text = (start, arena.text.len());
        }
        Data::Element(e) => {
            let name: &str = &e.name.local;
            let html_ns = e.name.ns == ns!(html);
            node.tag = if html_ns { tag_of(name) } else { Tag::Inline };
            if name == "svg" {
                node.tag = Tag::Skip;
            }
            descend = node.tag != Tag::Skip || (html_ns && name == "head");
            if node.tag != Tag::Skip {
                let id = e.id.as_ref().map(|(_, v)| &**v);
                node.mark = match e.role.as_deref() {
                    None => {
                        *marks.entry((id, e.class.as_deref())).or_insert_with(|| mark_of(id, e.class.as_deref(), None))
                    }
                    role => mark_of(id, e.class.as_deref(), role),
                };
            }
            if matches!(node.tag, Tag::Td | Tag::Th) {
                node.set_spans(e.colspan.as_deref(), e.rowspan.as_deref());
            }
        }
        Data::Other => {}
    }
    (arena.append(node, last_child), descend)
}

#[derive(Default)]
struct Sink(RefCell<Tree>);

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |t| match &t.nodes[*target as usize].data {
            Data::Element(e) => &e.name,
            // The tree builder asks only for elements' names.
            _ => unreachable!("elem_name of a non-element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> u32 {
        let template = name.expanded() == expanded_name!(html "template");
        let mut e = Elem { name, id: None, class: None, role: None, colspan: None, rowspan: None };
        for attr in attrs {
            e.add(attr);
        }
        let mut t = self.0.borrow_mut();
        let i = t.new_node(Data::Element(Box::new(e)));
        if template {
            let contents = t.new_node(Data::Fragment);
            t.append_child(i, contents);
        }
        i
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.0.borrow_mut().new_node(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.0.borrow_mut().new_node(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut t = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(c) => t.append_child(*parent, c),
            NodeOrText::AppendText(text) => {
                let last = t.nodes[*parent as usize].last;
                if !t.merge_text(last, &text) {
                    let c = t.new_node(Data::Text(text));
                    t.append_child(*parent, c);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &u32, prev_element: &u32, child: NodeOrText<u32>) {
        let has_parent = self.0.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut t = self.0.borrow_mut();
        let d = t.new_node(Data::Other);
        t.append_child(0, d);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.0.borrow().nodes[*target as usize].first
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut t = self.0.borrow_mut();
        if let NodeOrText::AppendNode(c) = new_node {
            t.detach(c);
        }
        let SNode { parent, prev, .. } = t.nodes[*sibling as usize];
        if parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(c) => t.insert_before(*sibling, c),
            NodeOrText::AppendText(text) => {
                if !t.merge_text(prev, &text) {
                    let c = t.new_node(Data::Text(text));
                    t.insert_before(*sibling, c);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut t = self.0.borrow_mut();
        if let Data::Element(e) = &mut t.n(*target).data {
            for attr in attrs {
                e.add(attr);
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut t = self.0.borrow_mut();
        let mut c = t.nodes[*node as usize].first;
        while c != NONE {
            let next = t.nodes[c as usize].next;
            t.append_child(*new_parent, c);
            c = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{decode, DecodeOptions};

    /// The sink's arena against scraper's, node for node.
    fn same_as_scraper(html: &str) {
        let pruned = super::super::prune(html);
        let (want, want_title) = Arena::build(&scraper::Html::parse_document(&pruned));
        let (got, got_title) = parse(&pruned);
        assert_eq!(got_title, want_title);
        assert_eq!(got.text, want.text);
        assert_eq!(format!("{:?}", got.nodes), format!("{:?}", want.nodes), "{html:.300}");
    }

    #[test]
    fn every_page_in_tests_data_builds_scrapers_arena() {
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"))];
        let mut pages = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("tests/data") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
                    let bytes = std::fs::read(&path).expect("read");
                    same_as_scraper(&decode(&bytes, &DecodeOptions::default()).expect("decodes").text);
                    pages += 1;
                }
            }
        }
        assert!(pages >= 7, "{pages}");
    }

    #[test]
    fn error_recovery_builds_scrapers_arena() {
        let cases = crate::html::tests::ERROR_CASES;
        for case in cases {
            same_as_scraper(case);
        }
    }

    #[test]
    fn random_tag_soup_builds_scrapers_arena() {
        for doc in crate::html::tests::tag_soups(crate::html::tests::TAG_SOUP) {
            same_as_scraper(&doc);
        }
    }
}
