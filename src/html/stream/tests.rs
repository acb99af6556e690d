//! The single-pass builder against html5ever's (`sink`): identical arenas wherever it answers.

use super::*;
use crate::decode::{decode, DecodeOptions};
use crate::html::tests::Rng;

/// Whether this builder answers for `html` (pruned as `parse_html` does); when it
/// does, its arena and title must be html5ever's ([`super::super::sink`]), node for node.
/// Where it answers for the raw page too ([`parse_raw`]), that arena must be the pruned
/// page's; and it may answer for the raw page only where it answers for the pruned one.
fn same_as_sink(html: &str) -> bool {
    let pruned = super::super::prune(html);
    let got = parse(&pruned);
    // The page the builder's declined unpruned read leaves: pruned from where it stopped.
    let resumed = match parse_raw(html) {
        Ok(raw) => {
            let (got, got_title) = got.as_ref().expect("built raw, declined pruned");
            assert_eq!(&raw.1, got_title, "{html:.300}");
            assert_eq!(raw.0.text, got.text, "{html:.300}");
            assert_eq!(format!("{:?}", raw.0.nodes), format!("{:?}", got.nodes), "{html:.300}");
            None
        }
        Err(Declined::Prune { text, scan, at }) => Some(super::super::prune::prune_from(&text, *scan, at).into_owned()),
        Err(Declined::Other) => None,
    };
    if let Some(resumed) = resumed {
        match (parse(&resumed), &got) {
            (Some((r, r_title)), Some((g, g_title))) => {
                assert_eq!(&r_title, g_title, "{html:.300}");
                assert_eq!(r.text, g.text, "{html:.300}");
                assert_eq!(format!("{:?}", r.nodes), format!("{:?}", g.nodes), "{html:.300}");
            }
            (None, None) => {}
            (r, _) => panic!("resumed prune built {}, pruned page the other: {html:.300}", r.is_some()),
        }
    }
    let Some((got, got_title)) = got else { return false };
    let (want, want_title) = super::super::sink::parse(&pruned);
    assert_eq!(got_title, want_title, "{html:.300}");
    assert_eq!(got.text, want.text, "{html:.300}");
    assert_eq!(format!("{:?}", got.nodes), format!("{:?}", want.nodes), "{html:.300}");
    true
}

/// Every `.html`/`.htm` file under `dir`: (pages, pages answered, pages answered unpruned).
fn pages_under(dir: &std::path::Path) -> (usize, usize, usize) {
    let mut stack = vec![dir.to_path_buf()];
    let (mut pages, mut answered, mut raw) = (0, 0, 0);
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "htm") {
                let bytes = std::fs::read(&path).expect("read");
                let Ok(doc) = decode(&bytes, &DecodeOptions::default()) else { continue };
                pages += 1;
                answered += usize::from(same_as_sink(&doc.text));
                raw += usize::from(parse_raw(&doc.text).is_ok());
            }
        }
    }
    (pages, answered, raw)
}

#[test]
fn every_page_in_tests_data_builds_the_sinks_arena() {
    let (pages, answered, raw) =
        pages_under(&std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")));
    eprintln!("tests/data: {answered} of {pages} pages built in one pass, {raw} of them unpruned");
    assert!(pages >= 7, "{pages}");
    assert!(answered * 2 >= pages, "{answered} of {pages}");
    assert!(raw * 10 >= answered * 9, "{raw} of {answered}");
}

#[test]
fn word_and_cms_markup_is_built_in_one_pass() {
    let pages = [
        "<!DOCTYPE html>\r\n<html><head><meta charset=utf-8><title> 2023年 报告 </title>\r\n<style>p{}</style></head>\r\n<body class=zoom>\r\n<div class=WordSection1><p class=MsoNormal><span>一、总体情况</span><o:p></o:p></p>\r\n<table class=MsoTableGrid border=1><tr><td colspan=2 rowspan=3><p>1</p></td><td>&nbsp;2&amp;</td></tr>\r\n<tr><td><b>3</b></td></tr></table>\r\n<![if !supportLists]><span>1.</span><![endif]><!--[if gte mso 9]><xml></xml><![endif]--></div>\r\n</body>\r\n</html>\r\n",
        "<HTML><HEAD><TITLE>t</TITLE></HEAD><BODY><DIV id=zoom><P>a<P>b<UL><LI>1<LI>2</UL><PRE>\nx</PRE><TABLE><TBODY><TR><TD>1<TD>2<TR><TH>3</TABLE></DIV><DIV class=footer>f</DIV></BODY></HTML>",
        "<p>x</p><h2>y</h2><dl><dt>a<dd>b</dl><form><input></form><hr><br></br><p>z",
        "<table><caption>c</caption><colgroup><col><col></colgroup><thead><tr><th>h</thead><tr><td>1</td></tr></table>",
        "text only &#20320;&#x597D; &lt;b&gt;",
        "",
    ];
    for page in pages {
        assert!(same_as_sink(page), "{page}");
        assert!(parse_raw(page).is_ok(), "{page}");
    }
}

/// What prune changes beyond attributes and script content, and markup its rough
/// tokenizer reads otherwise, is left to prune: its scan goes on from that tag (or from
/// the page's start), and the pruned page is built.
#[test]
fn the_raw_build_declines_what_prune_would_change() {
    let deep = "<div>".repeat(super::super::prune::MAX_DEPTH + 1) + "x";
    let headings = "<h1>".repeat(super::super::prune::MAX_DEPTH + 1) + "x";
    let declined = [
        deep.as_str(),
        headings.as_str(),
        // A formatting element closed by the paragraph's end: prune cuts it.
        "<p><b>x<p>y",
        "<table><tr><td><font>1</td></tr></table>",
        // An attribute glued to a quoted value: prune would glue it to the tag name.
        "<table><tr><td style='x'colspan=2>1</td></tr></table>",
        // Quotes in names or unquoted values, where prune's tag end may differ.
        "<a href=x?a=\"b>c\">d</a>",
        "<a =\">\">d</a>",
        "<p title=\"x\"=\"y>z\">w</p>",
        "<p>x</p a=b\"c>d\">w",
    ];
    for page in declined {
        assert!(parse_raw(page).is_err(), "{page:.80}");
        same_as_sink(page);
    }
    // Where prune would cut a tag, its scan goes on from there: attributes and script
    // content before that tag stay, after it they are cut, and the page builds alike.
    let late = format!(
        "<!DOCTYPE html><html><head><style>p{{}}</style><script>var a = '<b>';</script></head><body>\r\n\
         <p class=MsoNormal style='x'><span lang=EN-US>1</span></p>{}<p><font>x</p><p>y</p>\r\n\
         <table border=1><tr><td colspan=2 style='b'>3</td></tr></table><script>f('<i>')</script></body></html>",
        "<table border=1><tr><td colspan=2 style='a'>2</td></tr></table>".repeat(3)
    );
    let glued = late.replace("<p><font>x</p>", "<td style='x'colspan=2>");
    for page in [late.as_str(), glued.as_str(), "<p><b>x<p>y", deep.as_str(), "<p>1</p><a href=x?a=\"b>c\">d</a>"] {
        assert!(matches!(parse_raw(page), Err(Declined::Prune { .. })), "{page:.80}");
        assert!(same_as_sink(page), "{page:.80}");
    }
    let built = [
        "<p style='a>b' class=x>1</p><script>var s = '<b>x</b>';</script><style>p>b{}</style><p>2",
        "<noscript><b>x</noscript><p><b>y</b></p><title>a &amp; b</title>",
        "<table class=MsoTableGrid border=1 style='border:none'><tr><td colspan=2 width=100>1</td></tr></table>",
        "<a href=x?a=1&b=2>y</a><td/colspan=2>",
    ];
    for page in built {
        assert!(parse_raw(page).is_ok(), "{page:.80}");
        assert!(same_as_sink(page), "{page:.80}");
    }
}

#[test]
fn error_recovery_is_declined_or_built_alike() {
    let cases = crate::html::tests::ERROR_CASES.iter().chain(MORE_ERROR_CASES);
    for case in cases {
        same_as_sink(case);
    }
}

#[test]
fn random_tag_soup_is_declined_or_built_alike() {
    let pieces: Vec<&str> = crate::html::tests::TAG_SOUP.iter().chain(MORE_PIECES).copied().collect();
    let mut answered = 0;
    for doc in crate::html::tests::tag_soups(&pieces) {
        answered += usize::from(same_as_sink(&doc));
    }
    eprintln!("tag soups answered: {answered} of 400");
    assert!(answered >= 10, "{answered}");
}

/// A random, mostly well-formed page: nested blocks, phrasing, lists and tables,
/// with end tags that HTML lets one leave out left out at random, tags in either
/// case, attributes quoted every way, comments, character references, CR LF, and
/// now and then a construct that needs error recovery.
#[allow(clippy::too_many_lines)] // one generator, its cases side by side
fn plausible_page(r: &mut Rng) -> String {
    fn attrs(r: &mut Rng, out: &mut String) {
        const ATTRS: &[&str] = &[
            "",
            " class=MsoNormal",
            " class=\"TRS_Editor x\"",
            " id='zoom'",
            " ID=footer",
            " role=navigation",
            " style=\"a:b>c\"",
            " colspan=2",
            " rowspan=\"3\"",
            " colspan=0",
            " class=a class=b",
            " lang=EN-US style='mso-x:y'",
            " id=a&amp;b",
            " data-x",
            " align=center/",
            " class=\"a\"id=b",
            "/class=x",
            " =x",
            " a='x' / ",
            " class=\"TRS_Editor\r\nx\"",
            " id=\"&#x7a;oom\"",
            " role='banner' class",
        ];
        out.push_str(r.pick(ATTRS));
    }
    fn open(r: &mut Rng, out: &mut String, name: &str) {
        out.push('<');
        if r.below(4) == 0 {
            out.push_str(&name.to_ascii_uppercase());
        } else {
            out.push_str(name);
        }
        attrs(r, out);
        out.push('>');
    }
    fn close(r: &mut Rng, out: &mut String, name: &str) {
        let optional = matches!(name, "p" | "li" | "td" | "th" | "tr" | "dd" | "dt" | "tbody" | "thead");
        if optional && r.below(3) == 0 {
            return;
        }
        out.push_str("</");
        if r.below(4) == 0 {
            out.push_str(&name.to_ascii_uppercase());
        } else {
            out.push_str(name);
        }
        out.push('>');
    }
    fn text(r: &mut Rng, out: &mut String) {
        const TEXT: &[&str] = &[
            "一、总体情况",
            "12",
            " ",
            "\r\n",
            "\n",
            "&nbsp;",
            "&amp;",
            "&lt;x&gt;",
            "&#20320;",
            "&#x597D;",
            "a < b",
            "&copy;",
            "&unknown;",
            "& ",
            "\t",
            "件",
            "\x01\x0b\u{7f}\u{85}\u{ffff}",
            "<中 < b <3 <> <=",
            "&#x1F600;&#65533;&#xA0;&#160;",
            "&copy;&reg;&middot;&ldquo;&rdquo;&lsquo;&rsquo;&mdash;&ndash;&hellip;&times;&divide;&deg;",
            "&plusmn;&ensp;&emsp;&thinsp;&yen;&sect;&laquo;&raquo;&bull;&trade;&rarr;&larr;&apos;",
            "&AMP;&LT;&GT;&QUOT;&COPY;&REG;",
            "&#X4E00;&#9;&#x20;",
        ];
        out.push_str(r.pick(TEXT));
    }
    fn phrasing(r: &mut Rng, out: &mut String, depth: usize) {
        for _ in 0..r.below(4) {
            match r.below(12) {
                0..=3 => text(r, out),
                4 if depth < 4 => {
                    let name = r.pick(&[
                        "span",
                        "b",
                        "font",
                        "i",
                        "a",
                        "o:p",
                        "strong",
                        "u",
                        "sub",
                        "st1:chsdate",
                        "v:shape",
                        "SPAN",
                    ]);
                    open(r, out, name);
                    phrasing(r, out, depth + 1);
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
                5 => out.push_str(r.pick(&["<br>", "<BR/>", "<img src=x>", "<wbr>", "</br>", "<input type=hidden>"])),
                6 => out.push_str(r.pick(&[
                    "<!-- c -->",
                    "<![if !supportLists]>",
                    "<![endif]>",
                    "<!--[if gte mso 9]><xml></xml><![endif]-->",
                    "<?xml x?>",
                    "<!---->",
                ])),
                7 => out.push_str(r.pick(&[
                    "<script>var a='</div>';</script>",
                    "<style>p{}</style>",
                    "<noscript><p>n</p></noscript>",
                    "<iframe src=x></iframe>",
                ])),
                8 => out.push_str(
                    r.pick(&["</span>", "</b>", "</p>", "</li>", "</td>", "</div>", "</form>", "</x>", "</h2>"]),
                ),
                9 => out.push_str(r.pick(&[
                    "<b><i>x</b></i>",
                    "<p>",
                    "<td>",
                    "<li>",
                    "<table>",
                    "<tr>",
                    "<a>y",
                    "<nobr>",
                ])),
                _ => text(r, out),
            }
        }
    }
    fn flow(r: &mut Rng, out: &mut String, depth: usize) {
        for _ in 0..=r.below(4) {
            match r.below(10) {
                0 | 1 => {
                    open(r, out, "p");
                    phrasing(r, out, depth);
                    close(r, out, "p");
                }
                2 if depth < 5 => {
                    let name = r.pick(&[
                        "div",
                        "section",
                        "center",
                        "blockquote",
                        "nav",
                        "header",
                        "footer",
                        "article",
                        "form",
                    ]);
                    open(r, out, name);
                    flow(r, out, depth + 1);
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
                3 if depth < 5 => {
                    let (list, item) = *[("ul", "li"), ("ol", "li"), ("dl", "dd"), ("dl", "dt")]
                        .get(r.below(4))
                        .unwrap_or(&("ul", "li"));
                    open(r, out, list);
                    for _ in 0..r.below(4) {
                        open(r, out, item);
                        if r.below(3) == 0 {
                            flow(r, out, depth + 1);
                        } else {
                            phrasing(r, out, depth);
                        }
                        close(r, out, item);
                    }
                    out.push_str("</");
                    out.push_str(list);
                    out.push('>');
                }
                4 if depth < 5 => {
                    open(r, out, "table");
                    if r.below(3) == 0 {
                        out.push_str("<caption>c</caption>");
                    }
                    if r.below(4) == 0 {
                        out.push_str("<colgroup><col><col span=2></colgroup>");
                    }
                    if r.below(4) == 0 {
                        out.push_str("<col>");
                    }
                    let body = r.below(2) == 0;
                    if body {
                        open(r, out, "tbody");
                    }
                    for _ in 0..r.below(4) {
                        out.push_str(r.pick(&["", "\n", " \r\n ", "<!-- r -->"]));
                        open(r, out, "tr");
                        for _ in 0..r.below(4) {
                            let cell = r.pick(&["td", "td", "th"]);
                            open(r, out, cell);
                            if r.below(3) == 0 {
                                flow(r, out, depth + 1);
                            } else {
                                phrasing(r, out, depth);
                            }
                            close(r, out, cell);
                        }
                        close(r, out, "tr");
                    }
                    if body {
                        close(r, out, "tbody");
                    }
                    out.push_str(r.pick(&["</table>", "</table>", "</TABLE>", "x</table>"]));
                }
                5 => {
                    let h = r.pick(&["h1", "h2", "h3"]);
                    open(r, out, h);
                    phrasing(r, out, depth);
                    out.push_str("</");
                    out.push_str(h);
                    out.push('>');
                }
                6 => {
                    out.push_str(r.pick(&[
                        "<pre>\nx\n y</pre>",
                        "<PRE>\r\nz</PRE>",
                        "<hr>",
                        "<pre>&#10;q</pre>",
                        "<listing>\nl</listing>",
                    ]));
                }
                _ => phrasing(r, out, depth),
            }
        }
    }
    let mut out = String::new();
    out.push_str(r.pick(&[
        "",
        "<!DOCTYPE html>",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\r\n",
        "<!-- top -->",
        " \n",
    ]));
    let html = r.below(4) != 0;
    if html {
        out.push_str(r.pick(&["<html>", "<HTML xmlns:o=\"urn:x\">", "<html class=h>", "\n<html>\n"]));
    }
    if r.below(3) != 0 {
        out.push_str(r.pick(&["<head>", "<HEAD>\r\n", ""]));
        for _ in 0..r.below(5) {
            out.push_str(r.pick(&[
                "<meta charset=utf-8>",
                "\n",
                "<title> 报告 &amp; 表 </title>",
                "<TITLE></TITLE>",
                "<link rel=x>",
                "<style>\n<!-- p {} -->\n</style>",
                "<script>x</script>",
                "<!-- h -->",
                "<base href=x>",
                "<noscript>n</noscript>",
            ]));
        }
        out.push_str(r.pick(&["</head>", "</HEAD>\r\n", "", "\n</head>\n"]));
    }
    let body = r.below(4) != 0;
    if body {
        out.push_str(r.pick(&["<body>", "<BODY lang=ZH-CN style='x'>", "<body class=zoom>", "\n<body>\n"]));
    }
    flow(r, &mut out, 0);
    if body {
        out.push_str(r.pick(&["</body>", "</BODY>\r\n", "", "\n</body>\n"]));
    }
    if html {
        out.push_str(r.pick(&["</html>", "</HTML>\r\n", "", "\n</html>\n"]));
    }
    out
}

#[test]
fn plausible_pages_are_declined_or_built_alike() {
    let mut r =
        Rng(std::env::var("GONGKAI_STREAM_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15));
    let mut answered = 0;
    let n = std::env::var("GONGKAI_STREAM_FUZZ").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    for _ in 0..n {
        let page = plausible_page(&mut r);
        answered += usize::from(same_as_sink(&page));
    }
    eprintln!("plausible pages answered: {answered} of {n}");
    assert!(answered * 5 >= n, "{answered} of {n}");
}

/// Tag-soup pieces beyond the sink's (`html::tests::TAG_SOUP`): row groups, head content, Word's
/// markup, case and line ends.
const MORE_PIECES: &[&str] = &[
    "</li>",
    "<dd>",
    "<col>",
    "<colgroup>",
    "</colgroup>",
    "<thead>",
    "</tbody>",
    "</body>",
    "</html>",
    "<head>",
    "</head>",
    "<meta>",
    "<![if x]>",
    "<hr>",
    "<P>",
    "</P>",
    "<TD>",
    "\r\n",
    " ",
    "<o:p>",
    "</o:p>",
    "<td style='x'colspan=2>",
    "<span title='a>b'>",
    "<a href=x?a=\"b>c\">",
    "<script>var a = '<b>';</script>",
    "<noscript><b>",
    "</noscript>",
    "<font>",
];

/// Error-recovery cases beyond the sink's (`html::tests::ERROR_CASES`): references, content after
/// `</body>`, misnested blocks and forms, repeated formatting, raw text, bogus comments.
const MORE_ERROR_CASES: &[&str] = &[
    "<p>&notit; &amp &#0; &#x80; &#55296; &ampx; &#10;</p>",
    "<pre>&#10;x</pre><p>a</body><!--c-->\n</html><!--d-->",
    "<div><li>a<div><li>b</div></div><p><table><tr><td>x</table>",
    "<h1><h2>x</h1></h2><form><form></form><span><div></span></div>",
    "<b><b><b><b>x</b></b></b></b><font><p>y</font>z",
    "<title>a</title><title>b</title><script><!--</script>x</script>",
    "<!-->x<!--->y<!-- a --!>z<!---->",
    "</>a</ b>c<3 &x <!x> <?y>",
    "<td style='x'colspan=2>a<a href=x?a=\"b>c\">d</a><a =\">\">e</a>",
    "<script>var a = '<b>';</script><noscript><b>x</noscript><style>a>b{}</style><p><font>x<p>y",
];

#[test]
fn lower_is_the_ascii_lowercase_borrowed_for_common_names() {
    let names = [
        "a",
        "A",
        "B",
        "BODY",
        "Br",
        "DIV",
        "FONT",
        "H1",
        "H3",
        "H4",
        "HEAD",
        "HR",
        "HTML",
        "I",
        "IMG",
        "LI",
        "LINK",
        "META",
        "O:P",
        "P",
        "SCRIPT",
        "SPAN",
        "STRONG",
        "STYLE",
        "TABLE",
        "TBODY",
        "TD",
        "TH",
        "TITLE",
        "TR",
        "U",
        "UL",
        "OL",
        "Q",
        "SPAN2",
        "ABCDEFG",
        "ABCDEFGH",
        "BLOCKQUOTE",
        "span",
        "blockquote",
        "x:Y",
        "",
        "Ⅰ",
        "SPÄN",
    ];
    for name in names {
        let got = lex::lower(name);
        assert_eq!(got, name.to_ascii_lowercase(), "{name}");
        let common = ["a", "b", "body", "br", "div", "font", "h1", "h2", "h3", "head", "hr", "html", "i", "img"]
            .into_iter()
            .chain(["li", "link", "meta", "o:p", "p", "script", "span", "strong", "style", "table", "tbody", "td"])
            .chain(["th", "title", "tr", "u", "ul"])
            .any(|c| c == got);
        let lowercase = !name.bytes().any(|c| c.is_ascii_uppercase());
        assert_eq!(matches!(got, Cow::Borrowed(_)), common || lowercase, "{name}");
    }
    // Every byte next to the letters' borders ('@' 'A' 'Z' '[' '`' 'a' 'z' '{'), at every
    // position of names up to the eight bytes of the fast path.
    let bytes: Vec<u8> = (0x21u8..0x7F).collect();
    for len in 1..=8 {
        for &c in &bytes {
            for at in 0..len {
                let mut name = vec![b'T'; len];
                name[at] = c;
                let name = String::from_utf8(name).unwrap();
                assert_eq!(lex::lower(&name), name.to_ascii_lowercase(), "{name}");
            }
        }
    }
}

#[test]
fn find_byte_is_memchr() {
    let mut rng = Rng(7);
    for len in 0..80 {
        for _ in 0..20 {
            let b: Vec<u8> = (0..len).map(|_| [b'a', b'<', b'&', 0xE4][rng.below(4)]).collect();
            for x in [b'<', b'&', b'z'] {
                assert_eq!(lex::find_byte(x, &b), memchr::memchr(x, &b), "{b:?}");
            }
        }
    }
}

/// The attribute reader before it searched with `position` (a test of the byte's class and a
/// quote's bit gathered at every byte): the reference `read_attrs` must agree with.
fn read_attrs_byte_by_byte<'a>(s: &'a str, mut k: usize, attrs: &mut Attrs<'a>, keep: bool) -> Option<usize> {
    let b = s.as_bytes();
    let n = b.len();
    let ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let quote = |c: u8| matches!(c, b'"' | b'\'');
    let name_end = |c: u8| ws(c) || matches!(c, b'/' | b'=' | b'>');
    let mut after_quote = false;
    loop {
        let gap = k;
        while k < n && ws(b[k]) {
            k += 1;
        }
        if k >= n {
            return None;
        }
        match b[k] {
            b'/' => {
                k += 1;
                after_quote = false;
                if k < n && b[k] == b'>' {
                    return Some(k + 1);
                }
                continue;
            }
            b'>' => return Some(k + 1),
            _ => {}
        }
        let mut quotes = quote(b[k]);
        let odd_gap = after_quote && k == gap;
        let name_start = k;
        k += 1;
        while k < n && !name_end(b[k]) {
            quotes |= quote(b[k]);
            k += 1;
        }
        let name = &s[name_start..k];
        while k < n && ws(b[k]) {
            k += 1;
        }
        if k >= n {
            return None;
        }
        let mut value = "";
        after_quote = false;
        if b[k] == b'=' {
            k += 1;
            while k < n && ws(b[k]) {
                k += 1;
            }
            if k >= n {
                return None;
            }
            if quote(b[k]) {
                let e = memchr::memchr(b[k], &b[k + 1..])? + k + 1;
                value = &s[k + 1..e];
                k = e + 1;
                after_quote = true;
            } else if b[k] != b'>' {
                let v = k;
                while k < n && !ws(b[k]) && b[k] != b'>' {
                    quotes |= quote(b[k]);
                    k += 1;
                }
                value = &s[v..k];
            }
        }
        attrs.odd |= odd_gap || quotes;
        if !keep {
            continue;
        }
        let slot = match name.to_ascii_lowercase().as_str() {
            "id" => &mut attrs.id,
            "role" => &mut attrs.role,
            "class" => &mut attrs.class,
            "colspan" => &mut attrs.colspan,
            "rowspan" => &mut attrs.rowspan,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(lex::decode_refs(value)?);
        }
    }
}

#[test]
fn read_attrs_reads_as_byte_by_byte() {
    let seen = |a: &Attrs| {
        [&a.id, &a.class, &a.role, &a.colspan, &a.rowspan].map(|v| v.as_deref().map(str::to_string)).to_vec()
    };
    let mut cases: Vec<String> = [
        " class=MsoNormal align=center style='text-align:center'>x",
        " valign=center style='border:solid windowtext 1.0pt'>",
        " lang=EN-US>",
        " ID=a Class=\"b c\" ROLE=main colspan=2 rowspan = 3 />",
        " a='x'b=y>",
        " a=\"x\" b=y\"z>",
        " c\"d=1 e=f'g>",
        " =\">\">e",
        " /x/ = y >",
        " x= >",
        " x=",
        " x =",
        " 'a'>",
        " class=a&amp;b id=&#x41;>",
        " class=a&bogus;b>",
        " href=\"unterminated",
        "\t\n\x0cclass\r=\r'q'\n>",
        "",
        " ",
        ">",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    // Random runs of the bytes the reader tells apart.
    let mut rng = Rng(11);
    let pieces =
        ["a", "id", "class", "CLASS", "colspan", "role", "=", " ", "\t", "'", "\"", "/", ">", "x", "&amp;", "政"];
    for _ in 0..4000 {
        let len = rng.below(14);
        cases.push((0..len).map(|_| pieces[rng.below(pieces.len())]).collect());
    }
    for case in &cases {
        for keep in [false, true] {
            let (mut a, mut b) = (Attrs::default(), Attrs::default());
            let got = read_attrs(case, 0, &mut a, keep);
            let want = read_attrs_byte_by_byte(case, 0, &mut b, keep);
            assert_eq!(got, want, "{case:?}");
            if want.is_some() {
                assert_eq!((seen(&a), a.odd), (seen(&b), b.odd), "{case:?}");
            }
        }
    }
}
