//! The html stage end to end: pages in, blocks, grids and panel out.

use std::borrow::Cow;

use scraper::Html;

use super::arena::{parse_non_negative, Arena, CellTexts};
use super::lines::Noted;
use super::prune::{prune, MAX_DEPTH};
use super::*;
use crate::document::{RawBlock, RawTable};

/// Pages html5ever recovers from errors in: its arena is the reference the sink and the
/// single-pass builder are tested against.
pub(super) const ERROR_CASES: &[&str] = &[
    // Misnested formatting (adoption agency), text loose in a table (foster parenting).
    "<p><b>1<i>2</b>3</i>4</p><table>x<tr><td>a<b>b</td>c</tr>y</table>z",
    "<table><tr><td>1<table><tr><td>2</table>3</td></tr></table>",
    "<b><p>one<p>two</b>three",
    "<a href=x>1<div>2<a>3</a>4</div>5</a>",
    "<table><b><tr><td>aaa</td></tr>bbb</table>ccc",
    // Repeated <html>/<body> with attributes (add_attrs_if_missing), ids and classes.
    "<html class=a><body id=zoom class=x><p>t</p><body class=y role=main id=q><html lang=zh>",
    "<div id=a id=b class=c class=d role=nav>t</div>",
    // Template, svg, math, title inside svg, comments, doctype, PI-like junk.
    "<!DOCTYPE html><title> A  title </title><template><td>x</td></template><svg><title>s</title><td>q</td></svg>",
    "<math><mi>x</mi><annotation-xml><p>h</p></annotation-xml></math><!-- c --><?pi x?>",
    // Spans: odd values, cells outside rows, captions, row groups.
    "<table><caption>c</caption><td colspan=0 rowspan=x>1<th colspan=2000 rowspan=70000>2<tbody><tr><td rowspan=0>3",
    "<table><thead><tr><th>a<tfoot><tr><td>b</table><table><tr><td>c</td><td>d",
    "<ul><li>1<li>2</ul><dl><dt>a<dd>b</dl><select><option>o</select><pre>\nx\n y</pre><br/>",
    "<frameset><frame></frameset><noscript><p>n</p></noscript><textarea>t<b></textarea><plaintext><b>p",
    "<p>a</p></p></br><td>stray</td><title>late title</title>",
    "",
    "no tags at all",
];

/// A small xorshift generator for the random documents of the builders' tests.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(super) fn pick<'p>(&mut self, items: &[&'p str]) -> &'p str {
        items[self.below(items.len())]
    }
}

/// The 400 random tag soups the builders are tested on: 5 to 124 of `pieces` each.
pub(super) fn tag_soups(pieces: &[&str]) -> Vec<String> {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    (0..400)
        .map(|_| {
            let len = 5 + r.below(120);
            (0..len).map(|_| r.pick(pieces)).collect()
        })
        .collect()
}

/// Pieces random tag soups are made of (the sink and the single-pass builder are tested on them).
pub(super) const TAG_SOUP: &[&str] = &[
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th colspan=2>",
    "<td rowspan=3>",
    "<tbody>",
    "<caption>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<a>",
    "</a>",
    "<font>",
    "</font>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=TRS_Editor>",
    "<div id=footer>",
    "<span>",
    "</span>",
    "<br>",
    "<body class=z>",
    "<html id=h>",
    "<title>",
    "</title>",
    "<template>",
    "</template>",
    "<svg>",
    "</svg>",
    "<ul>",
    "<li>",
    "<pre>",
    "</pre>",
    "<!-- c -->",
    "<nav>",
    "</nav>",
    "<header>",
    "<form>",
    "</form>",
    "<select>",
    "<option>",
    "text ",
    "表格 ",
    "12",
    "&nbsp;",
    "\n",
    "<h1>",
    "</h1>",
    "<center>",
    "<nobr>",
    "<object>",
];

const SHANGHAI: &str = include_str!("../../tests/data/real/shanghai-bgt-2019.html");
const PROSE: &str =
    "2019年，我局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息123条。";

fn tables(doc: &RawDocument) -> Vec<&RawTable> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            RawBlock::Table(t) => Some(t),
            RawBlock::Paragraph(_)
            | RawBlock::BlankLines(_)
            | RawBlock::Columns { .. }
            | RawBlock::NbspRuns(_)
            | RawBlock::Page(_) => None,
        })
        .collect()
}

fn paragraphs(doc: &RawDocument) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            RawBlock::Paragraph(p) => Some(p.as_str()),
            RawBlock::Table(_)
            | RawBlock::BlankLines(_)
            | RawBlock::Columns { .. }
            | RawBlock::NbspRuns(_)
            | RawBlock::Page(_) => None,
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
    let t = only_table("<table><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>");
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
    let t = only_table(r#"<table><tr><td colspan="5000">x</td><td>y</td></tr><tr><td>a</td><td>b</td></tr></table>"#);
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
    // Furniture elements go here; the widget lines left as text go in `normalize`, as
    // they do for every input.
    let (doc, _) = crate::normalize::normalize(parse_html(html), &crate::normalize::NormalizeOptions::default());
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
    assert!(pruned.starts_with("<p>x<p>x") && pruned.ends_with("<p><font>x<div><table><tr><td>a<td>b</table></div>"));
    // Closed formatting is untouched.
    assert!(matches!(prune(&"<p><b>x</b></p>".repeat(600)), Cow::Borrowed(_)));
    let deep = "<div>".repeat(600) + "x";
    let pruned = prune(&deep);
    assert_eq!(pruned.matches("<div>").count(), MAX_DEPTH);
    // Comments, scripts and quoted attributes do not confuse the scan; the
    // script's content and the unread attribute are cut.
    let tricky = format!(r#"<!-- <div> --><script>"<div>"</script><p title="<div>">{}</p>"#, "<div></div>".repeat(600));
    assert_eq!(prune(&tricky), format!(r"<!-- <div> --><script></script><p>{}</p>", "<div></div>".repeat(600)));
    // The same text and tables as without pruning, on a real page.
    let unpruned = |html: &str| {
        let doc = Html::parse_document(html);
        let (arena, title) = Arena::build(&doc);
        (
            Content::new(&arena).blocks(&mut CellTexts::default(), &mut Noted::new(arena.nodes.len())),
            read_panel(&arena).0,
            title,
        )
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
        (r#"<div/ id=main data-x = "1" role='main'>"#, r"<div/ id=main role='main'>"),
        (r"<p =odd class=c>x</p>", r"<p class=c>x</p>"),
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
    let prose = "本年度报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等。"
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

/// The pre-parse scan's kinds, in any case; long, NUL-holding and unknown names are
/// `Other`, or phrasing when namespaced.
#[test]
fn scan_kinds_by_name() {
    use super::prune::{scan_kind, ScanKind};
    let cases: &[(&[u8], ScanKind)] = &[
        (b"br", ScanKind::Void),
        (b"BaseFont", ScanKind::Void),
        (b"p", ScanKind::Optional),
        (b"TD", ScanKind::Optional),
        (b"script", ScanKind::RawText(false)),
        (b"TITLE", ScanKind::RawText(false)),
        (b"plaintext", ScanKind::RawText(true)),
        (b"svg", ScanKind::Foreign),
        (b"Table", ScanKind::TableStructure),
        (b"B", ScanKind::Inline(true)),
        (b"font", ScanKind::Inline(true)),
        (b"SPAN", ScanKind::Inline(false)),
        (b"o:p", ScanKind::Inline(false)),
        (b"O:P", ScanKind::Inline(false)),
        (b"li", ScanKind::Optional),
        (b"LI", ScanKind::Optional),
        (b"a", ScanKind::Inline(true)),
        (b"A", ScanKind::Inline(true)),
        (b"tr", ScanKind::Optional),
        (b"a-very-long-custom-element:x", ScanKind::Inline(false)),
        (b"div", ScanKind::Other),
        (b"spanx", ScanKind::Other),
        (b"br\0", ScanKind::Other),
        (b"", ScanKind::Other),
        (b"a-very-long-custom-element", ScanKind::Other),
    ];
    for (name, kind) in cases {
        assert_eq!(scan_kind(name), *kind, "{name:?}");
    }
}

#[test]
fn panel_counts_each_text_node_as_non_ws_chars() {
    // The counts the panel's walk hands the content reader are the ones it would make.
    let spaced = "<p>\u{3000}政府\u{a0}信息 \n 公开\u{200b}\u{2003}x\u{1680}</p><pre>a\n b</pre><table><tr><td> 1 </td><td>\t2</td></tr></table>";
    for html in [SHANGHAI, spaced] {
        let doc = Html::parse_document(html);
        let (arena, _) = Arena::build(&doc);
        let (_, _, counted, _) = read_panel(&arena);
        let mut known = 0;
        for (i, n) in counted.iter().enumerate() {
            if let Some(n) = n {
                known += 1;
                assert_eq!(*n, super::lines::non_ws_chars(arena.text_of(i as u32)), "node {i}");
            }
        }
        assert!(known > 3, "{known}");
    }
}

/// `meta_entries` as it searched before `memmem`: `str::find` over the lowercased page.
fn meta_entries_by_str_find(html: &str) -> Vec<(&'static str, String, String)> {
    let mut out: Vec<(&'static str, String, String)> = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find("<meta") {
        let at = from + k;
        let Some(len) = lower[at..].find('>') else { break };
        from = at + len;
        let Some(entry) = meta_entry(&html[at..at + len]) else { continue };
        if !out.iter().any(|e| e.0 == entry.0) {
            out.push(entry);
        }
    }
    if let Some(k) = lower.find("id=\"publish_time\"") {
        let after = &html[k..];
        let text = after.find('>').map(|g| &after[g + 1..]).and_then(|t| t.find('<').map(|e| t[..e].trim()));
        if let Some(t) = text.filter(|t| !t.is_empty() && !out.iter().any(|e| e.0 == "meta_published")) {
            out.push(("meta_published", "publish_time".to_string(), t.to_string()));
        }
    }
    out
}

#[test]
fn meta_entries_find_what_str_find_found() {
    let pages = [
        "",
        "<meta",
        "<META NAME=\"ArticleTitle\" CONTENT=\"关于2023年度报告\">",
        "<head><meta charset=utf-8><meta name='og:title' content='一'><Meta Property=\"og:title\" content=\"二\"></head>",
        "<p>正文<meta name=pubdate content=2024-01-02></p><meta name=\"PublishDate\" content=\"2024-03-04 10:00\">",
        "<div title=\"<meta name=articletitle content=x\">政府信息公开<meta name=ArticleTitle content=\"&amp;&quot;标题&nbsp;\"></div>",
        "<em id=\"publish_time\" class=t>2023-01-18 17:30</em><meta name=firstpublishedtime content=1>",
        "<EM ID=\"PUBLISH_TIME\">\u{3000}2022-12-01 </EM>",
        "平潭综合实验区<span id=\"publish_time\">",
        "<meta name=\"twitter:title\" content=\"  \"><meta name=twitter:title content=\"三\" /><meta name=x content=y>",
        // Every case, pieces of the words, a `<meta` inside another's tag, a tag left open.
        "<mEtA NaMe=OG:Title CoNtEnT=四><M<m<Me<META name=pubdate content=5><meta <meta name=og:title content=六>",
        "<p Id=\"Publish_Time\">2021-05-06</p><i id=\"publish_time\">2020</i>",
        "==\"p=\"P id=\"publish_timeX id=\"PUBLISH_TIME\">七</b>",
        "<meta name=articletitle content=八",
        "<mark><main><MAP><meta name=og:title content=九>",
    ];
    let mut long = String::new();
    for (i, p) in pages.iter().enumerate() {
        long.push_str(&"<div class=\"nav\">首页 > 信息公开 > 年度报告</div>".repeat(40 * i));
        long.push_str(p);
    }
    for page in pages.iter().copied().chain([long.as_str()]) {
        let got: Vec<_> = meta_entries(page).into_iter().map(|e| (e.key, e.label, e.value)).collect();
        assert_eq!(got, meta_entries_by_str_find(page), "{page}");
    }
}
