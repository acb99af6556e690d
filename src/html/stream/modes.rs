//! Tree construction: the start- and end-tag handlers of the insertion modes.

use std::borrow::Cow;

use super::lex::{is_formatting, is_heading, is_special, Scope};
use super::{Attrs, Builder, Mode, Raw, StartTag};

impl<'a> Builder<'a> {
    pub(super) fn start(&mut self, tag: &StartTag<'a>) -> Option<()> {
        let name: &str = &tag.name;
        loop {
            match self.mode {
                Mode::Initial => self.mode = Mode::BeforeHtml,
                Mode::BeforeHtml => {
                    if name == "html" {
                        self.insert(tag.name.clone(), &tag.attrs);
                        self.mode = Mode::BeforeHead;
                        return Some(());
                    }
                    self.anything_else_before_body();
                }
                Mode::BeforeHead => match name {
                    "html" => return tag.attrs.is_empty().then_some(()),
                    "head" => {
                        self.insert(tag.name.clone(), &tag.attrs);
                        self.mode = Mode::InHead;
                        return Some(());
                    }
                    _ => self.anything_else_before_body(),
                },
                Mode::InHead => match name {
                    "html" => return tag.attrs.is_empty().then_some(()),
                    "base" | "basefont" | "bgsound" | "link" | "meta" => {
                        self.insert_void(tag.name.clone(), &tag.attrs);
                        return Some(());
                    }
                    "title" => {
                        self.insert_raw(tag, Raw::Rcdata);
                        return Some(());
                    }
                    "noscript" | "noframes" | "style" => {
                        self.insert_raw(tag, Raw::Text);
                        return Some(());
                    }
                    "script" => {
                        self.insert_raw(tag, Raw::Script);
                        return Some(());
                    }
                    "template" => return None,
                    "head" => return Some(()),
                    _ => self.anything_else_before_body(),
                },
                Mode::AfterHead => match name {
                    "html" => return tag.attrs.is_empty().then_some(()),
                    "body" => {
                        self.insert(tag.name.clone(), &tag.attrs);
                        self.mode = Mode::InBody;
                        return Some(());
                    }
                    "frameset" | "base" | "basefont" | "bgsound" | "link" | "meta" | "noframes" | "script"
                    | "style" | "template" | "title" => return None,
                    "head" => return Some(()),
                    _ => self.anything_else_before_body(),
                },
                Mode::InBody => return self.start_in_body(tag),
                Mode::InTable => return self.start_in_table(tag),
                Mode::InCaption => {
                    if matches!(name, "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr")
                    {
                        if !self.has(Scope::Table, "caption") {
                            return Some(());
                        }
                        self.close_caption();
                        continue;
                    }
                    return self.start_in_body(tag);
                }
                Mode::InColumnGroup => match name {
                    "html" => return tag.attrs.is_empty().then_some(()),
                    "col" => {
                        self.insert_void(tag.name.clone(), &tag.attrs);
                        return Some(());
                    }
                    "template" => return None,
                    _ => {
                        if !self.close_colgroup() {
                            return None;
                        }
                    }
                },
                Mode::InTableBody => match name {
                    "tr" => {
                        self.clear_to(&["tbody", "tfoot", "thead", "template", "html"]);
                        self.insert(tag.name.clone(), &tag.attrs);
                        self.mode = Mode::InRow;
                        return Some(());
                    }
                    "th" | "td" => {
                        self.clear_to(&["tbody", "tfoot", "thead", "template", "html"]);
                        self.insert(Cow::Borrowed("tr"), &Attrs::default());
                        self.mode = Mode::InRow;
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" => {
                        if !self.in_scope(Scope::Table, |n| matches!(n, "tbody" | "thead" | "tfoot")) {
                            return Some(());
                        }
                        self.clear_to(&["tbody", "tfoot", "thead", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTable;
                    }
                    _ => return self.start_in_table(tag),
                },
                Mode::InRow => match name {
                    "th" | "td" => {
                        self.clear_to(&["tr", "template", "html"]);
                        self.insert(tag.name.clone(), &tag.attrs);
                        self.mode = Mode::InCell;
                        self.formatting.push(None);
                        return Some(());
                    }
                    "caption" | "col" | "colgroup" | "tbody" | "tfoot" | "thead" | "tr" => {
                        if !self.has(Scope::Table, "tr") {
                            return Some(());
                        }
                        self.clear_to(&["tr", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTableBody;
                    }
                    _ => return self.start_in_table(tag),
                },
                Mode::InCell => {
                    if matches!(name, "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr")
                    {
                        if !self.in_scope(Scope::Table, |n| matches!(n, "td" | "th")) {
                            return Some(());
                        }
                        self.close_cell();
                        continue;
                    }
                    return self.start_in_body(tag);
                }
                Mode::AfterBody | Mode::AfterAfterBody => {
                    return (name == "html" && tag.attrs.is_empty()).then_some(());
                }
            }
        }
    }

    pub(super) fn close_cell(&mut self) {
        self.generate_implied("");
        self.pop_until(|n| matches!(n, "td" | "th"));
        self.clear_formatting_to_marker();
        self.mode = Mode::InRow;
    }

    /// Closes the current `colgroup` (back to the table); false when the current node is
    /// not one, and nothing changes.
    pub(super) fn close_colgroup(&mut self) -> bool {
        if self.current() != "colgroup" {
            return false;
        }
        self.pop();
        self.mode = Mode::InTable;
        true
    }

    pub(super) fn close_caption(&mut self) {
        self.generate_implied("");
        self.pop_until(|n| n == "caption");
        self.clear_formatting_to_marker();
        self.mode = Mode::InTable;
    }

    pub(super) fn start_in_table(&mut self, tag: &StartTag<'a>) -> Option<()> {
        const TABLE_CTX: &[&str] = &["table", "template", "html"];
        match &*tag.name {
            "caption" => {
                self.clear_to(TABLE_CTX);
                self.formatting.push(None);
                self.insert(tag.name.clone(), &tag.attrs);
                self.mode = Mode::InCaption;
                Some(())
            }
            "colgroup" => {
                self.clear_to(TABLE_CTX);
                self.insert(tag.name.clone(), &tag.attrs);
                self.mode = Mode::InColumnGroup;
                Some(())
            }
            "col" => {
                self.clear_to(TABLE_CTX);
                self.insert(Cow::Borrowed("colgroup"), &Attrs::default());
                self.mode = Mode::InColumnGroup;
                self.start(tag)
            }
            "tbody" | "tfoot" | "thead" => {
                self.clear_to(TABLE_CTX);
                self.insert(tag.name.clone(), &tag.attrs);
                self.mode = Mode::InTableBody;
                Some(())
            }
            "td" | "th" | "tr" => {
                self.clear_to(TABLE_CTX);
                self.insert(Cow::Borrowed("tbody"), &Attrs::default());
                self.mode = Mode::InTableBody;
                self.start(tag)
            }
            "style" => {
                self.insert_raw(tag, Raw::Text);
                Some(())
            }
            "script" => {
                self.insert_raw(tag, Raw::Script);
                Some(())
            }
            _ => None,
        }
    }

    pub(super) fn start_in_body(&mut self, tag: &StartTag<'a>) -> Option<()> {
        let name: &str = &tag.name;
        match name {
            "html" | "body" => return tag.attrs.is_empty().then_some(()),
            "base" | "basefont" | "bgsound" | "link" | "meta" => self.insert_void(tag.name.clone(), &tag.attrs),
            "noframes" | "style" | "iframe" | "noembed" | "noscript" => self.insert_raw(tag, Raw::Text),
            "script" => self.insert_raw(tag, Raw::Script),
            "title" => self.insert_raw(tag, Raw::Rcdata),
            "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog" | "dir" | "div" | "dl"
            | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "main" | "nav" | "ol" | "p"
            | "search" | "section" | "summary" | "ul" | "menu" => {
                self.close_p_in_button_scope();
                self.insert(tag.name.clone(), &tag.attrs);
            }
            _ if is_heading(name) => {
                self.close_p_in_button_scope();
                if is_heading(self.current()) {
                    return None;
                }
                self.insert(tag.name.clone(), &tag.attrs);
            }
            "pre" | "listing" => {
                self.close_p_in_button_scope();
                self.insert(tag.name.clone(), &tag.attrs);
                self.ignore_lf = true;
            }
            "form" => {
                if self.form.is_some() {
                    return None;
                }
                self.close_p_in_button_scope();
                let uid = self.insert(tag.name.clone(), &tag.attrs);
                self.form = Some(uid);
            }
            "li" | "dd" | "dt" => {
                for k in (0..self.stack.len()).rev() {
                    let node: &str = &self.stack[k].name;
                    let hit = if name == "li" { node == "li" } else { matches!(node, "dd" | "dt") };
                    if hit {
                        let node = node.to_owned();
                        self.generate_implied(&node);
                        // Pop until that element (a formatting element popped here
                        // would be reconstructed later: `reconstruct` declines then).
                        while self.stack.len() > k {
                            self.pop();
                        }
                        break;
                    }
                    if is_special(node) && !matches!(node, "address" | "div" | "p") {
                        break;
                    }
                }
                self.close_p_in_button_scope();
                self.insert(tag.name.clone(), &tag.attrs);
            }
            "a" => {
                let open_a = self.formatting.iter().rev().map_while(|e| e.as_ref()).any(|(_, n)| n == "a");
                if open_a {
                    return None;
                }
                self.reconstruct()?;
                let uid = self.insert(tag.name.clone(), &tag.attrs);
                self.formatting.push(Some((uid, tag.name.clone())));
            }
            _ if is_formatting(name) => {
                self.reconstruct()?;
                let same = self.formatting.iter().rev().map_while(|e| e.as_ref()).filter(|(_, n)| n == name).count();
                if same >= 3 {
                    return None;
                }
                let uid = self.insert(tag.name.clone(), &tag.attrs);
                self.formatting.push(Some((uid, tag.name.clone())));
            }
            "table" => {
                if self.has(Scope::Button, "p") {
                    return None;
                }
                self.insert(tag.name.clone(), &tag.attrs);
                self.mode = Mode::InTable;
            }
            "area" | "br" | "embed" | "img" | "keygen" | "wbr" | "input" => {
                self.reconstruct()?;
                self.insert_void(tag.name.clone(), &tag.attrs);
            }
            "param" | "source" | "track" => self.insert_void(tag.name.clone(), &tag.attrs),
            "hr" => {
                self.close_p_in_button_scope();
                self.insert_void(tag.name.clone(), &tag.attrs);
            }
            "caption" | "col" | "colgroup" | "frame" | "head" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {}
            "button" => {
                if self.has(Scope::Default, "button") {
                    return None;
                }
                self.reconstruct()?;
                self.insert(tag.name.clone(), &tag.attrs);
            }
            "template" | "frameset" | "plaintext" | "nobr" | "applet" | "marquee" | "object" | "image" | "textarea"
            | "xmp" | "select" | "option" | "optgroup" | "rb" | "rtc" | "rp" | "rt" | "math" | "svg" => return None,
            _ => {
                self.reconstruct()?;
                self.insert(tag.name.clone(), &tag.attrs);
            }
        }
        Some(())
    }

    pub(super) fn end(&mut self, name: &str) -> Option<()> {
        loop {
            match self.mode {
                Mode::Initial => self.mode = Mode::BeforeHtml,
                Mode::BeforeHtml | Mode::BeforeHead => {
                    if !matches!(name, "head" | "body" | "html" | "br") {
                        return Some(());
                    }
                    self.anything_else_before_body();
                }
                Mode::InHead => match name {
                    "head" => {
                        self.pop();
                        self.mode = Mode::AfterHead;
                        return Some(());
                    }
                    "body" | "html" | "br" => self.anything_else_before_body(),
                    "template" => return None,
                    _ => return Some(()),
                },
                Mode::AfterHead => match name {
                    "body" | "html" | "br" => self.anything_else_before_body(),
                    "template" => return None,
                    _ => return Some(()),
                },
                Mode::InBody => return self.end_in_body(name),
                Mode::InTable => return self.end_in_table(name),
                Mode::InCaption => match name {
                    "caption" | "table" => {
                        if !self.has(Scope::Table, "caption") {
                            return Some(());
                        }
                        self.close_caption();
                        if name == "caption" {
                            return Some(());
                        }
                    }
                    "body" | "col" | "colgroup" | "html" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {
                        return Some(())
                    }
                    _ => return self.end_in_body(name),
                },
                Mode::InColumnGroup => match name {
                    "colgroup" => {
                        self.close_colgroup();
                        return Some(());
                    }
                    "col" => return Some(()),
                    "template" => return None,
                    _ => {
                        if !self.close_colgroup() {
                            return None;
                        }
                    }
                },
                Mode::InTableBody => match name {
                    "tbody" | "tfoot" | "thead" => {
                        if !self.has(Scope::Table, name) {
                            return Some(());
                        }
                        self.clear_to(&["tbody", "tfoot", "thead", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTable;
                        return Some(());
                    }
                    "table" => {
                        if !self.in_scope(Scope::Table, |n| matches!(n, "tbody" | "thead" | "tfoot")) {
                            return Some(());
                        }
                        self.clear_to(&["tbody", "tfoot", "thead", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTable;
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" | "tr" => return Some(()),
                    _ => return self.end_in_table(name),
                },
                Mode::InRow => match name {
                    "tr" => {
                        if !self.has(Scope::Table, "tr") {
                            return Some(());
                        }
                        self.clear_to(&["tr", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTableBody;
                        return Some(());
                    }
                    "table" => {
                        if !self.has(Scope::Table, "tr") {
                            return Some(());
                        }
                        self.clear_to(&["tr", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTableBody;
                    }
                    "tbody" | "tfoot" | "thead" => {
                        if !self.has(Scope::Table, name) || !self.has(Scope::Table, "tr") {
                            return Some(());
                        }
                        self.clear_to(&["tr", "template", "html"]);
                        self.pop();
                        self.mode = Mode::InTableBody;
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" | "td" | "th" => return Some(()),
                    _ => return self.end_in_table(name),
                },
                Mode::InCell => match name {
                    "td" | "th" => {
                        if !self.has(Scope::Table, name) {
                            return Some(());
                        }
                        self.generate_implied("");
                        self.pop_until(|n| n == name);
                        self.clear_formatting_to_marker();
                        self.mode = Mode::InRow;
                        return Some(());
                    }
                    "body" | "caption" | "col" | "colgroup" | "html" => return Some(()),
                    "table" | "tbody" | "tfoot" | "thead" | "tr" => {
                        if !self.has(Scope::Table, name) {
                            return Some(());
                        }
                        self.close_cell();
                    }
                    _ => return self.end_in_body(name),
                },
                Mode::AfterBody => {
                    if name == "html" {
                        self.mode = Mode::AfterAfterBody;
                        return Some(());
                    }
                    return None;
                }
                Mode::AfterAfterBody => return None,
            }
        }
    }

    pub(super) fn end_in_table(&mut self, name: &str) -> Option<()> {
        match name {
            "table" => {
                if self.has(Scope::Table, "table") {
                    self.pop_until(|n| n == "table");
                    self.reset_mode();
                }
                Some(())
            }
            "body" | "caption" | "col" | "colgroup" | "html" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {
                Some(())
            }
            _ => None,
        }
    }

    pub(super) fn end_in_body(&mut self, name: &str) -> Option<()> {
        match name {
            "template" => return None,
            "body" | "html" => {
                if self.has(Scope::Default, "body") {
                    self.mode = Mode::AfterBody;
                    if name == "html" {
                        self.mode = Mode::AfterAfterBody;
                    }
                }
            }
            "address" | "article" | "aside" | "blockquote" | "button" | "center" | "details" | "dialog" | "dir"
            | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "listing"
            | "main" | "menu" | "nav" | "ol" | "pre" | "search" | "section" | "select" | "summary" | "ul" => {
                if self.has(Scope::Default, name) {
                    self.generate_implied("");
                    self.pop_until(|n| n == name);
                }
            }
            "form" => {
                let Some(uid) = self.form.take() else { return Some(()) };
                let in_scope = {
                    let mut found = false;
                    for o in self.stack.iter().rev() {
                        if o.uid == uid {
                            found = true;
                            break;
                        }
                        if Scope::Default.boundary(&o.name) {
                            break;
                        }
                    }
                    found
                };
                if !in_scope {
                    return Some(());
                }
                self.generate_implied("");
                if self.stack.last().map(|o| o.uid) != Some(uid) {
                    return None;
                }
                self.pop();
            }
            "p" => {
                if !self.has(Scope::Button, "p") {
                    self.insert(Cow::Borrowed("p"), &Attrs::default());
                }
                self.generate_implied("p");
                self.pop_until(|n| n == "p");
            }
            "li" => {
                if self.has(Scope::ListItem, "li") {
                    self.generate_implied("li");
                    self.pop_until(|n| n == "li");
                }
            }
            "dd" | "dt" => {
                if self.has(Scope::Default, name) {
                    self.generate_implied(name);
                    self.pop_until(|n| n == name);
                }
            }
            _ if is_heading(name) => {
                if self.in_scope(Scope::Default, is_heading) {
                    self.generate_implied("");
                    self.pop_until(is_heading);
                }
            }
            "a" | "nobr" => return self.adoption(name),
            _ if is_formatting(name) => return self.adoption(name),
            "applet" | "marquee" | "object" => {
                if self.has(Scope::Default, name) {
                    return None;
                }
            }
            "br" => {
                self.reconstruct()?;
                self.insert_void(Cow::Borrowed("br"), &Attrs::default());
            }
            _ => self.any_other_end(name),
        }
        Some(())
    }

    pub(super) fn any_other_end(&mut self, name: &str) {
        for k in (0..self.stack.len()).rev() {
            if self.stack[k].name == name {
                self.generate_implied(name);
                while self.stack.len() > k {
                    self.pop();
                }
                return;
            }
            if is_special(&self.stack[k].name) {
                return;
            }
        }
    }

    /// The adoption agency algorithm, in the cases that change no tree already built.
    pub(super) fn adoption(&mut self, name: &str) -> Option<()> {
        if let Some(top) = self.stack.last() {
            if top.name == name && !self.formatting.iter().any(|e| e.as_ref().is_some_and(|(u, _)| *u == top.uid)) {
                self.pop();
                return Some(());
            }
        }
        let entry = self
            .formatting
            .iter()
            .enumerate()
            .rev()
            .map_while(|(i, e)| e.as_ref().map(|e| (i, e)))
            .find(|(_, (_, n))| n == name)
            .map(|(i, (uid, _))| (i, *uid));
        let Some((at, uid)) = entry else {
            self.any_other_end(name);
            return Some(());
        };
        let pos = self.stack.iter().rposition(|o| o.uid == uid)?;
        // In scope?
        for o in &self.stack[pos + 1..] {
            if Scope::Default.boundary(&o.name) {
                return None;
            }
        }
        // A furthest block (a special element above it) needs the full algorithm.
        if self.stack[pos + 1..].iter().any(|o| is_special(&o.name)) {
            return None;
        }
        while self.stack.len() > pos {
            self.pop();
        }
        self.formatting.remove(at);
        Some(())
    }
}
