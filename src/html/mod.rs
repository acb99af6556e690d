//! HTML → `RawDocument`: main-content blocks, paragraphs, tables as
//! span-expanded grids, the metadata panel. Knows nothing of what a table means.
//!
//! Steps:
//! 1. [`prune`] (`prune.rs`): a linear pre-scan that removes what the walk never reads
//!    (script and style content, attributes other than `id`, `class`, `role`,
//!    `colspan`, `rowspan`), flattens element nesting beyond
//!    `MAX_DEPTH` (as browsers do) and removes formatting tags left open.
//!    html5ever's tree builder walks its stack of open elements for scope checks,
//!    so 100,000 nested `<div>`s otherwise cost minutes.
//!    The single-pass builder first reads the page unpruned (`stream::parse_raw`):
//!    it reads past attributes and script content itself and follows prune's stack
//!    tag by tag, so prune runs only where it would change more than those, and then
//!    from the tag where the builder stopped (`prune_from`).
//! 2. A single-pass builder (`stream.rs`) builds the flat `Arena` (`arena.rs`; pre-order,
//!    parent/child/sibling indices) for the pages it can build exactly; for the others
//!    html5ever's tree builder writes a compact node list (`sink.rs`), turned into the same
//!    arena. Every later pass is an iterative `Walk` over it — no recursion, whatever the
//!    nesting.
//! 3. Main content: a known CMS container (`div.TRS_Editor`, `#zoom`, …) if one
//!    holds most of the text and nothing report-like lies outside it, otherwise
//!    the body; page furniture (nav, footers, share/print widgets) is dropped
//!    from either unless it holds substantial text.
//! 4. Blocks: one paragraph per line (block elements and `<br>` break lines),
//!    data tables as grids; layout tables are read as flow.
//! 5. Panel: label/value pairs from every line and table row of the whole page.
//!
//! Modules by job: `prune` (the pre-parse scan), `stream` (the single-pass builder), `sink`
//! (html5ever's tree builder writing the node list, for what `stream` declines), `arena` (the flat DOM and its walk),
//! `marks` (what an id/class says: content container, furniture), `lines` (text to
//! lines), `grid` (tables to span-expanded grids), `content` (the main content's blocks),
//! `panel` (the metadata panel).

mod arena;
mod content;
mod grid;
mod lines;
mod marks;
mod panel;
mod prune;
mod sink;
mod stream;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use crate::document::RawDocument;

use content::Content;
use panel::read_panel;
use prune::{prune, prune_from};

/// Parses an HTML page.
pub fn parse_html(html: &str) -> RawDocument {
    let (arena, html_title) = match stream::parse_raw(html) {
        Ok(built) => built,
        // Prune's scan goes on from where the builder stopped.
        Err(stream::Declined::Prune { text, scan, at }) => {
            let pruned = prune_from(&text, *scan, at);
            // html5ever gets the page pruned whole, as before: it would copy the
            // attributes and script content the resumed scan left before `at`.
            stream::parse(&pruned).unwrap_or_else(|| sink::parse(&prune(html)))
        }
        Err(stream::Declined::Other) => {
            let pruned = prune(html);
            stream::parse(&pruned).unwrap_or_else(|| sink::parse(&pruned))
        }
    };
    let (mut panel, mut known, counted, mut noted) = read_panel(&arena);
    let blocks = Content::counted(&arena, &counted).blocks(&mut known, &mut noted);
    panel.extend(meta_entries(html));
    RawDocument { blocks, panel, html_title }
}

/// The `<meta>` tags a page names its article by (a CMS's `ArticleTitle`, a WeChat article's
/// `og:title`): panel entries after the page's own (`meta_title`), read where neither the page's
/// panel, its `<title>` nor its text gives a title.
fn meta_entries(html: &str) -> Vec<crate::document::PanelEntry> {
    let mut out = Vec::new();
    let (metas, publish) = meta_offsets(html.as_bytes());
    let mut from = 0;
    for at in metas {
        // A `<meta` before the `>` of the last one is inside that tag.
        if at < from {
            continue;
        }
        let Some(len) = memchr::memchr(b'>', &html.as_bytes()[at..]) else { break };
        from = at + len;
        let Some((key, label, value)) = meta_entry(&html[at..at + len]) else { continue };
        if !out.iter().any(|e: &crate::document::PanelEntry| e.key == key) {
            out.push(crate::document::PanelEntry { key, label, value });
        }
    }
    // A WeChat article's time: `<em id="publish_time" …>2023-01-18 17:30</em>`.
    if let Some(k) = publish {
        let after = &html[k..];
        let text = after.find('>').map(|g| &after[g + 1..]).and_then(|t| t.find('<').map(|e| t[..e].trim()));
        if let Some(t) = text.filter(|t| !t.is_empty() && !out.iter().any(|e| e.key == "meta_published")) {
            let label = "publish_time".to_string();
            out.push(crate::document::PanelEntry { key: "meta_published", label, value: t.to_string() });
        }
    }
    out
}

/// The words [`meta_entries`] looks for, in any ASCII case.
const META: &[u8] = b"<meta";
const PUBLISH_TIME: &[u8] = b"id=\"publish_time\"";

/// The offsets, in order, where `page` holds [`META`] in any ASCII case, and the first where it
/// holds [`PUBLISH_TIME`], found in the page itself: a lowercased copy of the page cost a copy
/// and a pass over each of its bytes (most of this search). Every such place holds a piece of
/// the word whose last byte is a letter and no other byte is (`<m`, and `="p` two bytes into
/// `id="publish_time"`) in one of the letter's two cases: one pass of a packed (SIMD) search
/// finds the four pieces (none overlaps itself or another, so none hides one), and each find
/// is checked whole.
fn meta_offsets(page: &[u8]) -> (Vec<usize>, Option<usize>) {
    static PIECES: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
        aho_corasick::packed::Searcher::new(["<m", "<M", "=\"p", "=\"P"]).expect("packed search of the meta pieces")
    });
    let holds = |at: usize, word: &[u8]| page.get(at..at + word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    let mut metas = Vec::new();
    let mut publish = None;
    for m in PIECES.find_iter(page) {
        let at = m.start();
        if m.pattern().as_usize() < 2 {
            if holds(at, META) {
                metas.push(at);
            }
        } else if publish.is_none() && at >= 2 && holds(at - 2, PUBLISH_TIME) {
            publish = Some(at - 2);
        }
    }
    (metas, publish)
}

/// The entry one `<meta …>` tag (`tag`, up to its `>`) gives: its key (`meta_title`,
/// `meta_published`), its name and its content.
fn meta_entry(tag: &str) -> Option<(&'static str, String, String)> {
    const TITLES: &[&str] = &["articletitle", "og:title", "twitter:title"];
    let name = attr(tag, "name").or_else(|| attr(tag, "property"))?;
    let content = attr(tag, "content")?;
    let content = content.replace("&amp;", "&").replace("&quot;", "\"").replace("&nbsp;", " ");
    let content = content.trim();
    if content.is_empty() {
        return None;
    }
    let name = name.to_ascii_lowercase();
    let key = if TITLES.contains(&name.as_str()) {
        "meta_title"
    } else if PUBLISHED.contains(&name.as_str()) {
        "meta_published"
    } else {
        return None;
    };
    Some((key, name, content.to_string()))
}

/// Names of the `<meta>` tags a page gives its article's publication time by.
const PUBLISHED: &[&str] = &["pubdate", "publishdate", "article:published_time", "firstpublishedtime"];

/// The value of attribute `name` in a tag's text (`name="x"`, `name='x'`, `name=x`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - rest.len() + 1;
        let v = tag[vstart..].trim_start();
        let vstart = tag.len() - v.len();
        return match v.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &tag[vstart + 1..];
                Some(inner.find(q).map_or(inner, |e| &inner[..e]))
            }
            _ => Some(v.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("")),
        };
    }
    None
}
