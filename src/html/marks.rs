//! What an element's id, class or role says about it: a known CMS content container,
//! page furniture (navigation, footers, share and print widgets) or a page header.

/// What an element's id/class/role says about it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mark {
    None,
    /// A known CMS content container.
    Container,
    /// Navigation, footer, widgets.
    Furniture,
    /// Page header (dropped only outside a content container).
    Header,
    /// A page of poppler's `pdftohtml -s` (`<div id="page3-div">`): its last paragraph may be
    /// the page's number.
    PdfPage,
}

/// Whether an id is poppler's page div (`page3-div`).
fn is_pdf_page(id: &str) -> bool {
    id.strip_prefix("page")
        .and_then(|r| r.strip_suffix("-div"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Known CMS content containers (id or class token, lowercase).
pub(super) const CONTAINERS: &[&str] = &[
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
pub(super) const FURNITURE: &[&str] = &[
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
pub(super) const FURNITURE_TOKENS: &[&str] = &["foot", "bottom", "top", "location", "position", "dqwz", "links"];
/// Words that mean "this holds the text": never furniture (`printContent`, `article-header-title`).
pub(super) const CONTENT_WORDS: &[&str] = &["content", "article", "zoom", "detail", "editor"];

pub(super) fn mark_of(id: Option<&str>, class: Option<&str>, role: Option<&str>) -> Mark {
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
    if class.is_none() && id.is_some_and(is_pdf_page) {
        return Mark::PdfPage;
    }
    // `id class`, lowercased in place (formatting it and lowercasing a copy cost two strings
    // and the formatter's machinery for every marked element).
    let (id, class) = (id.unwrap_or(""), class.unwrap_or(""));
    let mut attrs = String::with_capacity(id.len() + 1 + class.len());
    attrs.push_str(id);
    attrs.push(' ');
    attrs.push_str(class);
    attrs.make_ascii_lowercase();
    let tokens = || attrs.split_ascii_whitespace();
    if tokens().any(|t| CONTAINERS.contains(&t)) {
        return Mark::Container;
    }
    // (Two dozen words searched in a short string: without a searcher set up for each.)
    let has = |w: &str| crate::charset::has_short(&attrs, w);
    if CONTENT_WORDS.iter().any(|w| has(w)) {
        return Mark::None;
    }
    if FURNITURE.iter().any(|w| has(w)) || tokens().any(|t| FURNITURE_TOKENS.contains(&t)) {
        return Mark::Furniture;
    }
    if has("header") || tokens().any(|t| t == "head") {
        return Mark::Header;
    }
    Mark::None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poppler_page_divs_are_marked() {
        assert_eq!(mark_of(Some("page1-div"), None, None), Mark::PdfPage);
        assert_eq!(mark_of(Some("page12-div"), None, None), Mark::PdfPage);
        for id in ["page-div", "pagex-div", "page1", "mypage1-div"] {
            assert_ne!(mark_of(Some(id), None, None), Mark::PdfPage, "{id}");
        }
        // A class makes it no poppler page.
        assert_ne!(mark_of(Some("page1-div"), Some("x"), None), Mark::PdfPage);
    }
}
