//! Page furniture left in the text: share/print/close buttons, font-size switches,
//! breadcrumbs and previous/next-article links, a document-sharing site's page captions,
//! notices, comment boxes and download prompts. One filter for every input: `normalize`
//! judges each paragraph with [`Furniture`], whether it came from a web page, plain text,
//! Markdown, a PDF or a Word file (the html stage drops furniture *elements* — nav,
//! footers, widget containers — by their markup, in `html::marks`; what is left as text is
//! judged here).

/// Paragraphs longer than this are never furniture.
const MAX_PROBE_BYTES: usize = 1024;

/// Paragraphs that consist only of these words (spaces and brackets removed)
/// are page widgets: share/print/close buttons, font-size switches, download
/// prompts of document-sharing sites.
const WIDGET_WORDS: &[&str] = &[
    "扫一扫在手机上打开当前页",
    "扫一扫在手机打开当前页",
    "全文预览已结束",
    "点击下载此文件",
    "下载本文档",
    "字体大中小",
    "字号大中小",
    "文档简介",
    "提交评论",
    "发表评论",
    "继续阅读",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "关闭本页",
    "大中小",
    "分享到",
    "评论",
    "分享",
    "打印",
    "关闭",
    "朗读",
    "收藏",
    "字体",
    "字号",
];

/// Paragraphs starting with one of these are furniture whatever follows.
const FURNITURE_PREFIXES: &[&str] = &[
    "版权说明",
    "温馨提示",
    "内容提供方",
    "点击下载此文件",
    "分享到",
    "扫一扫在手机打开当前页",
    "扫一扫在手机上打开当前页",
    "本文档由用户提供并上传",
];

/// Characters ignored when a short paragraph is matched against `WIDGET_WORDS`.
fn is_widget_separator(c: char) -> bool {
    crate::charset::is_whitespace(c)
        || matches!(
            c,
            ':' | '：'
                | '['
                | ']'
                | '【'
                | '】'
                | '('
                | ')'
                | '|'
                | '｜'
                | '/'
                | '·'
                | '•'
                | '、'
                | ','
                | '，'
                | '>'
                | '»'
        )
}

pub(crate) enum Verdict {
    Keep,
    Drop,
    /// A `标题_第N页` page marker at the head of the document: keep the title only.
    PageTitle,
}

/// State carried across paragraphs.
#[derive(Default)]
pub(crate) struct Furniture {
    /// A paragraph has been kept (so a page marker is no longer at the head).
    kept_any: bool,
    /// The title of a page-marker run has been kept.
    title_kept: bool,
    /// Inside the numbered notice list that follows 温馨提示.
    in_notice: bool,
    /// Right after a 评论 box (its `0/150` counter follows).
    after_comment: bool,
}

impl Furniture {
    /// `spread`: the line was printed with its words set apart in columns (`pdftotext -layout`,
    /// three spaces or more between two of them), as a table's row is and a page's number
    /// never is (`9      /      145`, a row whose middle cell is `/`).
    pub(crate) fn judge(&mut self, p: &str, spread: bool) -> Verdict {
        let in_notice = std::mem::take(&mut self.in_notice);
        let after_comment = std::mem::take(&mut self.after_comment);
        if p.len() > MAX_PROBE_BYTES {
            self.kept_any = true;
            return Verdict::Keep;
        }
        if is_page_marker(p) {
            if !self.kept_any && !self.title_kept {
                self.title_kept = true;
                self.kept_any = true;
                return Verdict::PageTitle;
            }
            return Verdict::Drop;
        }
        if in_notice && is_notice_item(p) {
            self.in_notice = true;
            return Verdict::Drop;
        }
        if after_comment && is_counter(p) {
            return Verdict::Drop;
        }
        if p.starts_with("温馨提示") {
            self.in_notice = true;
            return Verdict::Drop;
        }
        if is_comment_box(p) {
            self.after_comment = true;
            return Verdict::Drop;
        }
        if FURNITURE_PREFIXES.iter().any(|f| p.starts_with(f))
            || is_pages_left(p)
            || is_widget_line(p)
            || (!spread && is_page_number_line(p))
        {
            return Verdict::Drop;
        }
        self.kept_any = true;
        Verdict::Keep
    }
}

/// `…_第3页`: the page captions of a document-sharing site's preview.
fn is_page_marker(p: &str) -> bool {
    let Some(rest) = p.strip_suffix('页') else { return false };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len() && digits.ends_with("_第")
}

/// A page number that a PDF's text layer (pdftotext, pypdf, PyMuPDF …) prints as a line of its
/// own, wherever the page broke (inside a table too): `— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 5 页`,
/// `共5页 第3页`, `第3页/共5页`, `3/5`, `Page 3 of 5`. A bare `3` is none: tables printed a cell a
/// line print such lines.
pub(crate) fn is_page_number_line(p: &str) -> bool {
    if p.len() > 48 || !p.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t: String = p.chars().filter(|c| !crate::charset::is_whitespace(*c)).collect();
    let number = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let dash = is_dash;
    // `— 3 —`: dashes on both sides.
    if t.starts_with(dash) && t.ends_with(dash) && number(t.trim_matches(dash)) {
        return true;
    }
    // `3/5`: a page of the pages.
    if let Some((a, b)) = t.split_once('/') {
        if number(a) && number(b) && a.parse::<u32>().ok() <= b.parse::<u32>().ok() {
            return true;
        }
    }
    // `第3页`, `第3页共5页`, `共5页第3页`, `第3页/共5页`, `第3页，共5页`.
    let pages = |s: &str| {
        let mut rest = s;
        let mut any = false;
        while !rest.is_empty() {
            let body = match rest.strip_prefix('第') {
                Some(b) => {
                    any = true;
                    b
                }
                None => match rest.strip_prefix('共') {
                    Some(b) => b,
                    None => return false,
                },
            };
            let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let Some(after) = body[digits..].strip_prefix('页') else { return false };
            if !number(&body[..digits]) {
                return false;
            }
            rest = after.trim_start_matches(['/', '，', ',', '、']);
        }
        any
    };
    if t.contains('页') && pages(&t) {
        return true;
    }
    // `Page 3`, `Page 3 of 5`.
    let lower = t.to_ascii_lowercase();
    lower.strip_prefix("page").is_some_and(|rest| match rest.split_once("of") {
        Some((a, b)) => number(a) && number(b),
        None => number(rest),
    })
}

/// Fewest bytes between two pages' numbers (some 400 Chinese characters): a page of a report
/// holds more.
const MIN_PAGE_BYTES: usize = 1200;

/// The paragraphs (indices into `paras`, in order) that are pages' bare numbers: lines of their
/// own reading `1`, `2`, `3` … where a PDF text tool printed each page's footer, inside a table
/// too. Bare numbers may as well be cells printed a line each, so only a run is taken: numbers
/// rising by one, at least [`MIN_PAGE_BYTES`] apart, each on no other line of its own in the
/// whole text, three of them or more, or two where the second is the text's last line (the last
/// page's footer). A text printing its cells a line each repeats its small numbers: no run.
pub(crate) fn bare_page_numbers(paras: &[&str]) -> Vec<usize> {
    // Lines of their own reading 1–999: (number, paragraph, bytes before it).
    let mut lone: Vec<(usize, usize, usize)> = Vec::new();
    let mut bytes = 0usize;
    let mut last = None;
    for (i, p) in paras.iter().enumerate() {
        let t = p.trim();
        if !t.is_empty() {
            last = Some(i);
        }
        if (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(n @ 1..) = t.parse::<usize>() {
                lone.push((n, i, bytes));
            }
        }
        bytes += p.len() + 1;
    }
    if lone.len() < 2 {
        return Vec::new();
    }
    // For each number: on how many lines it stands, and where the first is.
    let mut count = vec![0u32; 1000];
    let mut at = vec![(0usize, 0usize); 1000];
    for &(n, i, b) in lone.iter().rev() {
        count[n] += 1;
        at[n] = (i, b);
    }
    let mut out = Vec::new();
    let mut n = 1;
    while n < count.len() {
        // The run from n: each next number the one after, on one line of its own, further on.
        let mut run = vec![n];
        while count[n] == 1 {
            let next = n + 1;
            if next >= count.len() || count[next] != 1 || at[next].1 < at[n].1 + MIN_PAGE_BYTES {
                break;
            }
            run.push(next);
            n = next;
        }
        let ends_text = Some(at[n].0) == last;
        if count[run[0]] == 1 && (run.len() >= 3 || (run.len() == 2 && ends_text)) {
            out.extend(run.iter().map(|&k| at[k].0));
        }
        n += 1;
    }
    out.sort_unstable();
    out
}

/// A dash a page number stands between (`— 3 —`, `- 3 -`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '－' | '─')
}

/// `- 3 -`, `—3—` at the head of `p` (after its indent; at most two spaces inside each dash):
/// the number, the prefix's length in characters (indent included), and whether anything but
/// spaces follows it.
fn dash_number_prefix(p: &str) -> Option<(u32, usize, bool)> {
    let dash = is_dash;
    // (Most paragraphs start otherwise: nothing is collected for them.)
    if !p.trim_start_matches(crate::charset::is_whitespace).starts_with(dash) {
        return None;
    }
    let chars: Vec<char> = p.chars().take(64).collect();
    let mut i = chars.iter().take_while(|c| crate::charset::is_whitespace(**c)).count();
    let spaces = |i: &mut usize| {
        let n = chars[*i..].iter().take_while(|c| **c == ' ').count();
        *i += n;
        n <= 2
    };
    if !chars.get(i).is_some_and(|c| dash(*c)) {
        return None;
    }
    i += 1;
    if !spaces(&mut i) {
        return None;
    }
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let number: u32 = chars[i..i + digits].iter().collect::<String>().parse().ok()?;
    i += digits;
    if !spaces(&mut i) || !chars.get(i).is_some_and(|c| dash(*c)) || number == 0 {
        return None;
    }
    i += 1;
    // What follows is not a number's (`- 3 -1` is no page's), unless it is a label's ordinal
    // (`- 3 -3.补正后…`).
    let rest: Vec<char> = p.chars().skip(i).skip_while(|c| crate::charset::is_whitespace(*c)).take(8).collect();
    let run = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let ordinal = run > 0
        && rest.get(run).is_some_and(|c| matches!(c, '.' | '．' | '、'))
        && rest.get(run + 1).is_some_and(|c| !c.is_ascii_digit());
    let glued_digit = run > 0 && chars.get(i).is_some_and(char::is_ascii_digit);
    if (glued_digit && !ordinal) || rest.first().is_some_and(|c| dash(*c)) {
        return None;
    }
    Some((number, i, !rest.is_empty()))
}

/// Pages' numbers that a PDF text tool printed at the head of the next page's first line (the
/// pages of PyMuPDF's `get_text(sort=True)` concatenated: `- 3 -     3.补正后申请内容仍不明确  0 …`,
/// `- 1 -级审核、先审后发…`): `(paragraph, characters)` of each such prefix. Taken only where the
/// pages' numbers run on: a page number before or after it (`- 2 -` or `- 4 -`, glued too or a
/// line of its own) is in the text, so a row of dashes and a value (`- 4 -` as three cells) is not
/// one.
pub(crate) fn glued_page_numbers(paras: &[&str]) -> Vec<(usize, usize)> {
    let found: Vec<(usize, u32, usize, bool)> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| p.len() < 4096)
        .filter_map(|(i, p)| dash_number_prefix(p).map(|(n, len, glued)| (i, n, len, glued)))
        .collect();
    let numbered = |n: u32, other: usize| found.iter().any(|&(j, m, _, _)| j != other && (m + 1 == n || n + 1 == m));
    found.iter().filter(|&&(i, n, _, glued)| glued && numbered(n, i)).map(|&(i, _, len, _)| (i, len)).collect()
}

/// A footer's bare page number glued to the next page's first character in column-aligned
/// text (`1理       4.保护第三方合法权益`: page 1's `1`, page 2's vertical label `理`), where the
/// next or previous page's number stands on a line of its own at the same column: `(paragraph,
/// characters)` of each such number. `columns`: each paragraph's first printed column, where
/// known.
pub(crate) fn glued_bare_page_numbers(paras: &[&str], columns: &[Option<u32>]) -> Vec<(usize, usize)> {
    struct Bare {
        para: usize,
        number: u32,
        digits: usize,
        column: u32,
        glued: bool,
    }
    let bare: Vec<Bare> = paras
        .iter()
        .zip(columns)
        .enumerate()
        .filter_map(|(para, (p, column))| {
            let column = column.filter(|c| *c >= 8)?;
            let (number, digits, glued) = bare_number_prefix(p)?;
            Some(Bare { para, number, digits, column, glued })
        })
        .collect();
    let beside = |a: &Bare, b: &Bare| {
        a.para != b.para
            && !b.glued
            && (a.number + 1 == b.number || b.number + 1 == a.number)
            && a.column.abs_diff(b.column) <= 2
    };
    bare.iter().filter(|a| a.glued && bare.iter().any(|b| beside(a, b))).map(|a| (a.para, a.digits)).collect()
}

/// A number of one to three digits opening `p`: the number, its digits, and whether a CJK
/// character (not a unit) follows it glued and the line runs on (`1理 4.保护…`) rather than
/// nothing at all (a line of its own).
fn bare_number_prefix(p: &str) -> Option<(u32, usize, bool)> {
    let digits = p.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let number: u32 = p[..digits].parse().ok().filter(|n| *n > 0)?;
    let rest = &p[digits..];
    match rest.chars().next() {
        None => Some((number, digits, false)),
        // The next page's line runs on past its first word (a value with its unit, `2笔`, stands
        // alone).
        Some(c)
            if ('\u{4E00}'..='\u{9FFF}').contains(&c)
                && !"笔件项个元万亿次人家份条".contains(c)
                && rest.contains(' ') =>
        {
            Some((number, digits, true))
        }
        Some(_) => None,
    }
}

/// `还剩8页未读`, possibly followed by `,继续阅读`.
fn is_pages_left(p: &str) -> bool {
    let Some(rest) = p.strip_prefix("还剩") else { return false };
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    after.len() < rest.len() && after.starts_with("页未读")
}

/// A numbered item of a site notice: `• 1. 本站所有资源…`.
fn is_notice_item(p: &str) -> bool {
    let p = p.trim_start_matches(['•', '·', '●', '▪', '◆', ' ']);
    let after = p.trim_start_matches(|c: char| c.is_ascii_digit());
    after.len() < p.len() && (after.starts_with('.') || after.starts_with('、'))
}

/// A comment box header: `评论`, `发表评论`, `评论(3)`, `评论：12条`.
fn is_comment_box(p: &str) -> bool {
    let Some(rest) = p.strip_prefix("发表评论").or_else(|| p.strip_prefix("评论")) else { return false };
    rest.chars().all(|c| c.is_ascii_digit() || c == '条' || is_widget_separator(c))
}

/// A comment box's character counter: `0/150`.
fn is_counter(p: &str) -> bool {
    let Some((a, b)) = p.split_once('/') else { return false };
    !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|b| b.is_ascii_digit())
}

/// A page widget left as a line of text, whichever reader produced it.
pub(crate) fn is_widget_line(p: &str) -> bool {
    is_widget_words(p) || is_button_or_location(p)
}

/// A short paragraph made only of `WIDGET_WORDS`: `【打印本页】【关闭窗口】`, `分享:`, `【字体：大 中 小】`.
fn is_widget_words(p: &str) -> bool {
    if p.len() > 120 {
        return false;
    }
    let compact: String = p.chars().filter(|&c| !is_widget_separator(c)).collect();
    let mut rest = compact.as_str();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match WIDGET_WORDS.iter().find(|w| rest.starts_with(**w)) {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

/// A breadcrumb (`当前位置：首页 > 年报`), a previous/next-article link (`上一篇：…`), or a
/// short line of buttons: `【字体：大 中 小】`, `打印本页`, `关闭窗口`, `分享到：微信 微博`.
fn is_button_or_location(line: &str) -> bool {
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
    // (Nine words in a short line: without a searcher set up for each.)
    if !ANCHORS.iter().any(|w| crate::charset::has_short(line, w)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_page_numbers_in_runs() {
        let page = "正文".repeat(210);
        // Three pages' footers, one of them inside a table (`… 3 0 0 0 0 0` / `1` / `本`).
        let text = [page.as_str(), "（二）部分公开 3 0 0 0 0 0", "1", "本", &page, "2", &page, "3"];
        assert_eq!(bare_page_numbers(&text), [2, 5, 7]);
        // Two pages: the second's number ends the text.
        assert_eq!(bare_page_numbers(&text[..6]), [2, 5]);
        // Two, the second not last: cells as well.
        assert_eq!(bare_page_numbers(&[&page, "1", &page, "2", "完"]), Vec::<usize>::new());
        // Too close together for pages.
        assert_eq!(bare_page_numbers(&["a", "1", "b", "2", "c", "3"]), Vec::<usize>::new());
        // A number on two lines of its own: cells printed a line each, no page of the run…
        let cells = [page.as_str(), "1", &page, "1", &page, "2", &page, "3", "完"];
        assert_eq!(bare_page_numbers(&cells), Vec::<usize>::new());
        // … while the run after it still is one.
        assert_eq!(bare_page_numbers(&cells[..8]), [5, 7]);
        // Many lines of numbers: one pass and a count per number (no pairs compared).
        let many: Vec<String> = (0..200_000).map(|i| (i % 999 + 1).to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(bare_page_numbers(&many), Vec::<usize>::new());
    }

    #[test]
    fn page_number_lines() {
        for p in [
            "— 3 —",
            "- 3 -",
            "-12-",
            "第3页",
            "第 3 页",
            "第3页 共5页",
            "共 5 页 第 3 页",
            "第3页/共5页",
            "第 3 页，共 5 页",
            "3/5",
            "3 / 5",
            "Page 3 of 5",
            "page 3",
        ] {
            assert!(is_page_number_line(p), "{p}");
        }
        for p in ["3", "12", "5/3", "第一页", "第3页的表格", "- 3", "3.5", "2023", "共5页", "第三章", "1/2023年", "— —"]
        {
            assert!(!is_page_number_line(p), "{p}");
        }
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
            "扫一扫在手机打开当前页",
            "【打印本页】 【关闭窗口】",
        ] {
            assert!(is_widget_line(w), "{w}");
        }
        for p in ["一、总体情况", "关闭了3个网站", "无。", "打印机采购2台", "我局关闭窗口单位2个，评论员文章3篇。"]
        {
            assert!(!is_widget_line(p), "{p}");
        }
    }

    #[test]
    fn text_and_html_inputs_lose_the_same_furniture() {
        use crate::document::Format;
        use crate::report::{parse, Input, Options};
        let lines = [
            "当前位置：首页 > 信息公开 > 年报",
            "上一篇：2018年年度报告",
            "一、总体情况",
            "本年度主动公开政府信息120条。",
            "【打印本页】 【关闭窗口】",
            "分享到：微信 微博",
        ];
        let text = lines.join("\n");
        let html: String = lines.iter().map(|l| format!("<p>{l}</p>")).collect();
        let html = format!("<html><body>{html}</body></html>");
        let read = |s: &str, format| {
            parse(Input::Str(s), &Options { format: Some(format), ..Options::default() }).map(|r| r.text)
        };
        let want = "一、总体情况\n本年度主动公开政府信息120条。";
        assert_eq!(read(&text, Format::Text).as_deref(), Ok(want));
        assert_eq!(read(&html, Format::Html).as_deref(), Ok(want));
        assert_eq!(read(&text, Format::Markdown).as_deref(), Ok(want));
    }

    #[test]
    fn page_numbers_glued_to_the_next_page() {
        let paras = [
            "- 1 -级审核、先审后发”程序",
            "正文",
            "          - 2 -    信息内容            本年处理决定数量",
            "— 3 —             3.补正后申请内容仍不明确     0   0",
            "- 5 -",
            "- 17 -    0   0",
            "-   4   -   0",
            "- 3 -1",
            "- 6 -3.补正后申请内容仍不明确 0 0",
        ];
        assert_eq!(glued_page_numbers(&paras), [(0, 5), (2, 15), (3, 5), (8, 5)]);
        // Alone, a number is no page's.
        assert_eq!(glued_page_numbers(&paras[5..]), Vec::<(usize, usize)>::new());
        // A bare footer number glued to the next page's first character, the next page's number
        // on a line of its own at the same column.
        let glued = "1理 4.保护第三方合法权益 0 0";
        let bare = |paras: &[&str], cols: &[Option<u32>]| glued_bare_page_numbers(paras, cols);
        assert_eq!(bare(&[glued, "正文", "2"], &[Some(30), None, Some(30)]), [(0, 1)]);
        // Not where the other number stands elsewhere or is no next page's, where the column is
        // not known or near the margin, nor where the number is a value (`1 0 0`).
        let none = Vec::<(usize, usize)>::new();
        assert_eq!(bare(&[glued, "2"], &[Some(30), Some(10)]), none);
        assert_eq!(bare(&[glued, "3"], &[Some(30), Some(30)]), none);
        assert_eq!(bare(&[glued, "2"], &[None, Some(30)]), none);
        assert_eq!(bare(&[glued, "2"], &[Some(4), Some(4)]), none);
        assert_eq!(bare(&["1 0 0", "2"], &[Some(30), Some(30)]), none);
        assert_eq!(bare(&["2笔", "1"], &[Some(36), Some(36)]), none);
        assert_eq!(bare(&["1理", "2"], &[Some(30), Some(30)]), none);
        assert_eq!(bare(&[glued], &[Some(30)]), none);
    }
}
