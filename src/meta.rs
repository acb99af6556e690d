//! Metadata readings: title, dates and the index number from the panel and the
//! page; the year covered, the reporting agency, its administrative level, the
//! credit code inside the index number and the region (DOMAIN §11).

use std::sync::LazyLock;

use regex::Regex;

use crate::codes;
use crate::document::{BlockKind, Document};
use crate::model::{CreditCode, Region};
use crate::numbers;
use crate::regions;

/// What this stage reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub written: Option<String>,
    pub index_number: Option<String>,
    pub year: Option<i32>,
    pub agency: Option<String>,
    pub admin_level: Option<&'static str>,
    pub region: Option<Region>,
    pub credit_code: Option<CreditCode>,
}

fn panel_value<'a>(doc: &'a Document, key: &str) -> Option<&'a str> {
    doc.panel.iter().find(|e| e.key == key).map(|e| e.value.as_str())
}

static DATE_ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*(?:[-/.年])\s*([0-9]{1,2})\s*(?:[-/.月])\s*([0-9]{1,2})\s*日?")
        .expect("date regex")
});

/// Dates written in Chinese numerals: 二○一○年十一月二十六日.
static DATE_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇○零◯一二三四五六七八九]{4})\s*年\s*([〇○零一二三四五六七八九十元]{1,3})\s*月\s*([〇○零一二三四五六七八九十廿卅]{1,4})\s*日")
        .expect("chinese date regex")
});

fn iso(y: u64, m: u64, d: u64) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date in `s` as ISO `YYYY-MM-DD` (`2014-08-13`, `2014年8月13日`,
/// `2014/8/13 15:13`, `二○一○年十一月二十六日`).
pub fn parse_date(s: &str) -> Option<String> {
    let arabic = DATE_ARABIC.captures(s).and_then(|c| {
        let start = c.get(0)?.start();
        Some((start, iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?))
    });
    let chinese = DATE_CHINESE.captures(s).and_then(|c| {
        let start = c.get(0)?.start();
        let y = numbers::parse_cn_int(&c[1])?;
        // 元月 is January (`二○一二年元月二十日`).
        let m = if &c[2] == "元" { 1 } else { numbers::parse_cn_int(&c[2])? };
        let d = numbers::parse_cn_int(&c[3])?;
        Some((start, iso(y, m, d)?))
    });
    match (arabic, chinese) {
        (Some(a), Some(c)) => Some(if a.0 <= c.0 { a.1 } else { c.1 }),
        (a, c) => a.or(c).map(|x| x.1),
    }
}

/// The last date in `s` (the date under a signature).
fn last_date(s: &str) -> Option<String> {
    let a = DATE_ARABIC.find_iter(s).last().map(|m| (m.start(), m.as_str()));
    let c = DATE_CHINESE.find_iter(s).last().map(|m| (m.start(), m.as_str()));
    let pick = match (a, c) {
        (Some(a), Some(c)) => Some(if a.0 >= c.0 { a.1 } else { c.1 }),
        (a, c) => a.or(c).map(|x| x.1),
    };
    pick.and_then(parse_date)
}

/// Site names and separators that CMS `<title>`s and page copies append to the
/// document title (`…年度报告_某某市人民政府`, `…年度报告-XX县发改局`).
fn strip_site_suffix(title: &str) -> String {
    let parts: Vec<&str> = split_site_parts(title).into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    let best = parts
        .iter()
        .find(|p| TITLE_WORDS.iter().any(|w| p.contains(w)))
        .or_else(|| parts.first())
        .copied()
        .unwrap_or("");
    best.trim().to_string()
}

/// A page title cut at its separators (`_`, `|`, dashes), but not at a dash between digits (an
/// academic year, `江南师范大学2014—2015学年…`).
fn split_site_parts(title: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    let mut prev: Option<char> = None;
    let mut it = title.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let dash = matches!(c, '－' | '—' | '-' | '–');
        let between_digits =
            dash && prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        if matches!(c, '_' | '|' | '｜') || (dash && !between_digits) {
            parts.push(&title[from..i]);
            from = i + c.len_utf8();
        }
        prev = Some(c);
    }
    parts.push(&title[from..]);
    parts
}

/// The agency a page title names after the document title (`2021年政府信息公开工作
/// 年度报告-某某县发改局`), for a title that names none itself.
fn site_agency(raw: &str) -> Option<String> {
    let parts: Vec<&str> = split_site_parts(raw).into_iter().map(str::trim).collect();
    let at = parts.iter().position(|p| TITLE_WORDS.iter().any(|w| p.contains(w)))?;
    parts[at + 1..].iter().find(|p| agency_like(p)).map(std::string::ToString::to_string)
}

/// A title as written, without Markdown marks (`# …`, `**…**`), bullets and the
/// spaces a PDF text layer or a page puts between characters (`2024 年政府…`).
pub fn clean_title(title: &str) -> String {
    let t = title.trim().trim_start_matches('#').trim();
    // A title a converter put in a Markdown table row: `| 某某局 |  | 年政府信息公开工作年度报告 |`.
    let joined;
    let t = if t.starts_with('|') {
        joined = t.split('|').map(str::trim).collect::<String>();
        joined.as_str()
    } else {
        t
    };
    let t = t.replace("**", "").replace("__", "");
    // A column's tag before the title (`【政务公开】宁海县农业局2017年度…`) is not the title's.
    let t = match t.trim_start().strip_prefix(['【', '〖']).and_then(|r| r.split_once(['】', '〗'])) {
        Some((tag, rest)) if tag.chars().count() <= 8 && !rest.trim().is_empty() => rest.to_string(),
        _ => t,
    };
    // (And the lenticular brackets some pages set a title in: `【某某委员会2021年…报告】`.)
    let t = t.trim_matches(|c: char| {
        crate::charset::is_whitespace(c) || matches!(c, '*' | '•' | '·' | '>' | '【' | '】' | '〖' | '〗')
    });
    // Whitespace is kept only between two ASCII letters or digits.
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if crate::charset::is_whitespace(c) {
            let prev = out.chars().next_back();
            let next = chars[i + 1..].iter().copied().find(|&c| !crate::charset::is_whitespace(c));
            let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if ascii(prev) && ascii(next) && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The document a cover letter is about: `关于报送《X》的函`, `关于印发《X》的通知` → `X`;
/// any other title as it is.
pub fn subject(title: &str) -> &str {
    let t = title.trim();
    let Some(open) = t.find('《') else { return unquoted_subject(t) };
    let Some(close) = t[open..].find('》').map(|c| open + c) else { return t };
    let before = &t[..open];
    let after = &t[close + '》'.len_utf8()..];
    let cover = ["报送", "上报", "呈报", "提交", "报", "印发", "公布", "发布"].iter().any(|w| before.ends_with(w))
        || before.ends_with("关于");
    let letter = after.trim().trim_start_matches('的').starts_with(['函', '报', '请', '通', '公']);
    let inner = &t[open + '《'.len_utf8()..close];
    if cover && letter && TITLE_WORDS.iter().chain(&["工作情况"]).any(|w| inner.contains(w)) {
        inner.trim()
    } else {
        t
    }
}

/// [`subject`] of a cover letter naming its document without quotes: `关于公布某区2023年度政府信息
/// 公开工作年度报告的公告` → `某区2023年度政府信息公开工作年度报告`.
fn unquoted_subject(t: &str) -> &str {
    let Some(rest) = t.strip_prefix("关于") else { return t };
    let Some(verb) = ["报送", "上报", "呈报", "提交", "印发", "公布", "发布"].iter().find(|w| rest.starts_with(**w))
    else {
        return t;
    };
    let inner = &rest[verb.len()..];
    let Some(inner) =
        ["的函", "的报告", "的请示", "的通知", "的公告", "的通告"].iter().find_map(|e| inner.strip_suffix(e))
    else {
        return t;
    };
    if TITLE_WORDS.iter().any(|w| inner.contains(w)) && !inner.contains(['《', '》']) {
        inner.trim()
    } else {
        t
    }
}

/// Index numbers are codes: ASCII letters, digits, `/`, `-`, `_`, `.`.
fn clean_index_number(v: &str) -> Option<String> {
    let code: String = v.split_whitespace().next()?.to_string();
    let ok = code.len() >= 4 && code.chars().all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c));
    ok.then_some(code)
}

/// Labels of a publication date printed in a page header line (DOMAIN §11.1).
static PUBLISHED_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:发布时间|发布日期|公开日期|发文日期|日期)\s*[:：]\s*((?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2})",
    )
    .expect("published regex")
});

/// The publication date a page header line prints: each label's own value, not a bare `日期` that
/// ends another label (`成文日期：2024-01-22  发布日期：2024-01-23`).
fn published_in_text(head: &str) -> Option<String> {
    PUBLISHED_IN_TEXT.captures_iter(head).find_map(|c| {
        let m = c.get(0)?;
        let other = ["成文", "印发", "生效", "废止", "失效", "签发", "更新", "修改", "截止"];
        let bare = m.as_str().starts_with("日期");
        (!bare || !other.iter().any(|w| head[..m.start()].ends_with(w))).then(|| parse_date(&c[1])).flatten()
    })
}

/// How far into the text a page header may reach (characters are bytes here; generous).
const HEADER_BYTES: usize = 3000;
/// How far from the end a signature date may sit.
const SIGNATURE_BYTES: usize = 600;

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads the metadata of a document.
pub fn read(doc: &Document) -> Meta {
    let named = |t: &String| TITLE_WORDS.iter().any(|w| t.contains(w));
    let html_title = doc.html_title.as_deref().map(|t| clean_title(&strip_site_suffix(t))).filter(|t| !t.is_empty());
    // The title printed in the text is looked for only when no panel or page title names a report.
    let panel_title = panel_value(doc, "title").map(|t| clean_title(&strip_site_suffix(t))).filter(|t| !t.is_empty());
    let text_title =
        if panel_title.is_none() && !html_title.as_ref().is_some_and(named) { first_title_line(doc) } else { None };
    let raw_titles: Vec<&str> = panel_value(doc, "title")
        .into_iter()
        .chain(doc.html_title.as_deref())
        .chain(text_title.as_ref().map(|(_, raw)| raw.as_str()))
        .collect();
    let title = panel_title
        .or_else(|| html_title.clone().filter(named))
        .or_else(|| text_title.as_ref().map(|(t, _)| t.clone()))
        .or_else(|| panel_value(doc, "meta_title").map(|t| clean_title(&strip_site_suffix(t))).filter(named))
        .or(html_title);
    let about = title.as_deref().map(subject);
    let head = &doc.text[..floor_boundary(&doc.text, HEADER_BYTES)];
    let published = panel_value(doc, "published")
        .and_then(parse_date)
        .or_else(|| published_in_text(head))
        .or_else(|| panel_value(doc, "meta_published").and_then(parse_date));
    let tail = &doc.text[floor_boundary(&doc.text, doc.text.len().saturating_sub(SIGNATURE_BYTES))..];
    let written = panel_value(doc, "written").and_then(parse_date).or_else(|| last_date(tail));
    let index_number = panel_value(doc, "index_number").and_then(clean_index_number);
    let credit_code = index_number.as_deref().and_then(codes::from_index_number);
    let year = about.and_then(year_in_title).or_else(|| year_of_period(&doc.text)).or_else(|| year_by_count(&doc.text));
    let publisher = panel_value(doc, "publisher");
    let agency = match about.and_then(agency_from_title) {
        Some(from_title) => choose_agency(Some(from_title), publisher),
        None => text_title
            .as_ref()
            .and_then(|(_, raw)| byline_agency(head, raw))
            .or_else(|| signature_agency(tail))
            .or_else(|| opening_agency(&doc.text[..floor_boundary(&doc.text, HEADER_BYTES)]))
            .or_else(|| choose_agency(None, publisher))
            .or_else(|| raw_titles.iter().find_map(|t| site_agency(t))),
    };
    let region = credit_code
        .as_ref()
        .filter(|c| c.valid && c.code.len() == 18)
        .and_then(|c| codes::uscc_division(&c.code))
        .and_then(regions::by_code)
        .or_else(|| about.and_then(regions::by_name))
        .or_else(|| agency.as_deref().and_then(regions::by_name))
        .or_else(|| publisher.and_then(regions::by_name));
    let admin_level = agency.as_deref().and_then(admin_level);
    Meta { title, published, written, index_number, year, agency, admin_level, region, credit_code }
}

/// The title printed at the head of the text: the first line (among the first
/// lines) that names a report, the whole line when short, else its head up to the
/// title word (flattened pages run the body on after the title). Breadcrumb and
/// navigation lines (`首页 > … > 年报`, `当前位置：…`) are skipped; a title wrapped over
/// two lines (`某某县人民政府机关` / `2020年政府信息公开工作年度报告`, or a line ending
/// mid-title) is joined; Markdown marks are dropped.
/// Returns the title and the line it was read from (site suffix and all).
fn first_title_line(doc: &Document) -> Option<(String, String)> {
    // A converter may put a title in a one-row table (`| 某某局 |  | 年…年度报告 |`).
    let small_table = |k: BlockKind| match k {
        BlockKind::Table(i) => doc.tables.get(i).is_some_and(|t| t.n_rows <= 2),
        BlockKind::Paragraph => true,
    };
    let spans = doc.blocks.iter().filter(|b| small_table(b.kind)).take(30).map(|b| b.span).collect();
    let mut heads = HeadLines { spans, chars: doc.text.chars().enumerate().peekable(), lines: Vec::new() };
    let mut crumb: Option<(String, String)> = None;
    // A title a wrapper names (a mail's subject, a cover note's sentence) is taken only when no
    // line of the document's own is a title.
    let mut wrapped: Option<(String, String)> = None;
    let mut i = 0;
    while heads.has(i) {
        let line = &heads.lines[i];
        if let Some(t) = wrapper_title(line) {
            wrapped = wrapped.or(Some((t, line.clone())));
            i += 1;
            continue;
        }
        if is_breadcrumb(line) {
            crumb = crumb.or_else(|| breadcrumb_title(line).map(|t| (t, line.clone())));
            i += 1;
            continue;
        }
        if is_link_line(line) {
            // A site's navigation as a converter's Markdown links (`[政府信息公开年报](/zwgk/ndbg/)`,
            // `[· 2022年度报告](/zwgk/ndbg/2022/)`): no title, nor half of one.
            i += 1;
            continue;
        }
        // A line that carries on the sentence of the line before (a hard-wrapped opening whose
        // first line a converter set apart from the title it lost) holds no title.
        let carries_on = i.checked_sub(1).is_some_and(|j| open_sentence(&heads.lines[j]));
        if let Some(mut t) = title_in(line).filter(|_| !carries_on) {
            // A running header naming no agency and no year (`政府信息公开工作年度报告`, a Word
            // file's page header) over the title that names both: the title.
            if year_in_title(&t).is_none() && agency_from_title(&t).is_none() {
                let mut j = i + 1;
                while heads.has(j) && heads.lines[j].trim().is_empty() {
                    j += 1;
                }
                // (The title itself may wrap: `某某局 2024 年政府信息公开工` / `作年度报告`.)
                let raw = match heads.has(j).then(|| title_in(&heads.lines[j])).flatten() {
                    Some(_) => heads.lines[j].clone(),
                    None if heads.has(j + 1) => format!("{}{}", heads.lines[j], heads.lines[j + 1]),
                    None => String::new(),
                };
                // (Its year may be an academic year the year pattern does not take: `…2014—2015学年…`.)
                let below = title_in(&raw).filter(|n| agency_from_title(n).is_some());
                if let Some(n) = below.filter(|n| n.chars().count() <= MAX_TITLE) {
                    return Some((n, raw));
                }
            }
            // `某某局 年政府信息公开工作年度报告` over `2019`: a PDF text layer put the year
            // on a line of its own.
            if year_in_title(&t).is_none() {
                let mut j = i + 1;
                while heads.has(j) && (heads.lines[j].trim().is_empty() || is_rule_row(&heads.lines[j])) {
                    j += 1;
                }
                if let Some(y) = heads.lines.get(j).filter(|l| is_bare_year(l)) {
                    if let Some(at) = t.find('年') {
                        t.insert_str(at, y.trim().trim_end_matches('年'));
                    }
                } else if let Some(y) = heads.lines.get(j).filter(|l| is_year_in_brackets(l)) {
                    // `…工作年度报告` over `（2021年度）`: the year the title gives on its own line.
                    t.push_str(y.trim());
                }
            }
            let line = &heads.lines[i];
            // `某某县人民政府机关` over `2020年政府信息公开工作年度报告`.
            if let Some(prev) = i.checked_sub(1).map(|j| heads.lines[j].as_str()) {
                let opens =
                    YEAR.find(&t).is_some_and(|m| m.start() == 0) || t.starts_with("关于") || t.starts_with("政府信息");
                if opens && is_title_head(prev) && agency_from_title(&t).is_none() {
                    let joined = format!("{prev}{t}");
                    if joined.chars().count() <= MAX_TITLE {
                        return Some((joined, line.clone()));
                    }
                }
            }
            return Some((t, line.clone()));
        }
        // `某局关于2015年` over `政府信息公开工作要点落实情况的函`; not a sidebar's `导航` over a
        // whole title, its agency before its year (`某某局2021年…报告`).
        if heads.has(i + 1) {
            let (line, next) = (&heads.lines[i], &heads.lines[i + 1]);
            let whole_next = title_in(next).is_some_and(|t| YEAR.find(&t).is_some_and(|m| m.start() > 0));
            if is_title_head(line) && !is_breadcrumb(next) && !whole_next {
                let joined = format!("{line}{next}");
                if joined.chars().count() <= MAX_TITLE {
                    if let Some(mut t) = title_in(&joined) {
                        if year_in_title(&t).is_none() && heads.has(i + 2) && is_year_in_brackets(&heads.lines[i + 2]) {
                            t.push_str(heads.lines[i + 2].trim());
                        }
                        return Some((t, joined));
                    }
                    // Over three lines: `某某局` / `2019年政府信息公开` / `工作年度报告`.
                    if is_title_head(next) && heads.has(i + 2) {
                        let third = &heads.lines[i + 2];
                        let joined = format!("{joined}{third}");
                        let title = title_in(&joined).filter(|_| !is_breadcrumb(third));
                        if let Some(t) = title.filter(|_| joined.chars().count() <= MAX_TITLE) {
                            return Some((t, joined));
                        }
                    }
                }
            }
        }
        i += 1;
    }
    crumb.or(wrapped)
}

/// Labels of a mail's subject line (`主题: …`, `Subject: …`), and of a page's title line.
static SUBJECT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(?:邮件主题|主\s*题|subject|标\s*题)\s*[:：]\s*").expect("subject label regex"));

/// Verbs a mail's subject or a cover note sends a report with (`报送2020年…报告`, `转发：…`).
static SENDING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(?:(?:(?:报送|上报|呈报|提交|转发|回复)\s*[:：]?|(?:fwd?|re)\s*[:：])\s*)+").expect("verb regex")
});

/// A pronoun for the writer's own body before a report's year (`附件为我局2023年度…报告`).
static PRONOUN_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:我|本)(?:局|委|办|厅|院|署|中心|单位|镇|街道|县|区|市)").expect("pronoun regex"));

/// The title a line names as a wrapper around the document does (what [`title_in`] reads there,
/// without the label and the verb), or `None` for a line that is no such wrapper: a mail's subject
/// (`主题: 南湖分局2022年度…报告`), a label followed by a sending verb (`标题：转发…`), a title
/// with a pronoun before its year (`附件为我局2023年度…报告`), or one inside a sentence that runs
/// on past it to a comma (`…年度报告定稿，已按…修改`).
fn wrapper_title(line: &str) -> Option<String> {
    let label = SUBJECT_LABEL.find(line);
    let rest = label.map_or(line, |m| &line[m.end()..]);
    let verb = SENDING_VERB.find(rest).filter(|m| m.end() > 0);
    let rest = verb.map_or(rest, |m| &rest[m.end()..]);
    let mail_subject = label.is_some_and(|m| !m.as_str().starts_with('标'));
    let title = title_in(rest)?;
    let pronoun = YEAR.find(&title).is_some_and(|y| PRONOUN_BODY.is_match(&title[..y.start()]));
    let end = TITLE_WORDS.iter().filter_map(|w| rest.find(w).map(|p| p + w.len())).min().unwrap_or(rest.len());
    let after: String = rest[end..].chars().take(5).collect();
    let runs_on = after
        .find(['，', ','])
        .is_some_and(|k| !after[..k].contains(|c: char| c.is_whitespace() || c.is_ascii_digit() || c == '年'));
    if !(mail_subject || verb.is_some() || pronoun || runs_on) {
        return None;
    }
    let title = match YEAR.find(&title) {
        Some(y) if pronoun => title[y.start()..].to_string(),
        _ => title,
    };
    Some(title)
}

/// The first lines of a document as [`clean_title`] cleans them (at most `4 * MAX_TITLE`
/// characters of each), read in one pass over the head of the text as far as they are
/// asked for: the title is most often the first of them.
struct HeadLines<'a> {
    /// The spans of the blocks whose lines these are, in text order.
    spans: Vec<crate::document::Span>,
    chars: std::iter::Peekable<std::iter::Enumerate<std::str::Chars<'a>>>,
    lines: Vec<String>,
}

impl HeadLines<'_> {
    /// Whether there is a line `k`, read (with every line before it) where it was not yet.
    fn has(&mut self, k: usize) -> bool {
        while self.lines.len() <= k {
            let Some(span) = self.spans.get(self.lines.len()) else { return false };
            while self.chars.peek().is_some_and(|(i, _)| *i < span[0]) {
                self.chars.next();
            }
            let take = (span[1] - span[0]).min(4 * MAX_TITLE);
            let head: String = self.chars.clone().take(take).map(|(_, c)| c).collect();
            self.lines.push(clean_title(&head));
        }
        true
    }
}

/// A Markdown table's rule row (`| --- | --- |`), or what is left of it.
fn is_rule_row(line: &str) -> bool {
    line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '—'))
}

/// A line that is a year alone (`2019`, `2019年`).
fn is_bare_year(line: &str) -> bool {
    let t = line.trim().trim_end_matches('年');
    t.len() == 4 && t.starts_with(['1', '2']) && t.bytes().all(|b| b.is_ascii_digit())
}

/// A line of prose whose sentence runs on into the next line: long, with a sentence's marks, and
/// not ended by a full stop, a colon or a semicolon.
fn open_sentence(line: &str) -> bool {
    let t = line.trim_end();
    t.chars().count() >= 30
        && t.contains(['，', '。', '《', '（', '、'])
        && !t.ends_with(['。', '！', '？', '：', ':', '；', ';'])
}

/// A line that is a year in brackets alone (`（2021年度）`, `(2019年)`).
fn is_year_in_brackets(line: &str) -> bool {
    let t = line.trim();
    let inner = t.strip_prefix(['（', '(']).and_then(|t| t.strip_suffix(['）', ')']));
    inner.is_some_and(|y| is_bare_year(y.trim_end_matches('度')))
}

/// The title within a line, if the line names a report (see [`first_title_line`]).
fn title_in(line: &str) -> Option<String> {
    // (`memmem` finds the same first occurrence as `str::find`, a vector of bytes at a time over
    // a long line, without the two-way searcher `str::find` set up for each word.)
    let end = TITLE_WORDS
        .iter()
        .filter_map(|w| memchr::memmem::find(line.as_bytes(), w.as_bytes()).map(|p| p + w.len()))
        .min()?;
    let whole = line.chars().count() <= MAX_TITLE;
    let title = if whole { line } else { &line[..end] };
    let title = strip_site_suffix(title);
    // A sentence naming a report (`根据《条例》规定，现公布2020年度…报告。`) is no title.
    let sentence = title.contains(['，', '。', '；', '：'])
        || ["根据", "现公布", "现将", "按照", "本报告"].iter().any(|w| title.starts_with(w))
        // (Or one speaking of the report it opens, after a page's furniture: `点击蓝字 关注我们 本报告根据…`.)
        || (["本报告", "该报告", "此报告"].iter().any(|w| title.ends_with(w)) && YEAR.find(&title).is_none());
    // A section heading naming a report (`六、其他需要报告的事项`) is no title.
    let heading = title.contains("需要报告") || HEADING_START.is_match(&title);
    (title.chars().count() >= 4 && !sentence && !heading && !is_panel_line(&title) && !cites_a_document(line, end))
        .then_some(title)
}

/// Whether the report word ending at `end` stands inside a document's name the line cites in
/// passing: a bracket opened before it past the line's start (`…办公室关于印发〈中华人民共和国政府
/// 信息公开工作年度报告格式〉的通知》`), or closed after it that the line never opened (the
/// same sentence wrapped: `民共和国政府信息公开工作年度报告格式〉的通知》`).
fn cites_a_document(line: &str, end: usize) -> bool {
    let (before, after) = line.split_at(end);
    let opens = |s: &str| s.matches(['《', '〈']).count();
    let closes = |s: &str| s.matches(['》', '〉']).count();
    let inner = before.trim_start().strip_prefix(['《', '〈']).unwrap_or(before);
    let open_inside = opens(inner) > closes(inner);
    let closed_unopened = opens(before) == 0 && (after.starts_with("格式") || after.starts_with(['》', '〉']));
    open_inside || closed_unopened
}

/// The ordinal of a section heading at a line start (`六、`, `（三）`, `(3)`).
static HEADING_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[)）])").expect("heading regex")
});

/// A line that is a Markdown link (`[text](url)`), or opens with one.
fn is_link_line(line: &str) -> bool {
    line.starts_with('[') && line.find("](").is_some_and(|k| !line[1..k].contains(']'))
}

/// A short line without punctuation that may be the first half of a wrapped title.
/// Words of a page's sidebar headings (`热点`, `最新发布`, `相关推荐`): a short line holding one
/// is no head of the title below it.
const SIDEBAR_HEADINGS: &[&str] =
    &["热点", "热门", "推荐", "最新", "导航", "专题", "相关", "排行", "头条", "要闻", "链接"];

fn is_title_head(line: &str) -> bool {
    let n = line.chars().count();
    let sidebar = n <= 6 && SIDEBAR_HEADINGS.iter().any(|w| line.contains(w));
    !sidebar
        && !is_link_line(line)
        && (2..=30).contains(&n)
        && !line.contains(['。', '，', ',', '；', '：', ':', '！', '？'])
        && !is_breadcrumb(line)
        && !TITLE_WORDS.iter().any(|w| line.contains(w))
}

/// A line of a metadata panel (`发布时间：…`, `索引号：…`), which is no title.
fn is_panel_line(line: &str) -> bool {
    crate::panel::scan_lines([line]).iter().any(|e| e.key != "title")
}

/// Breadcrumb and navigation lines: `首页 > 政务公开 > … > 年报`, `当前位置：首页…`.
fn is_breadcrumb(line: &str) -> bool {
    let t = line.trim();
    let arrows = t.matches(['>', '＞', '»', '›', '→']).count() + t.matches("->").count();
    ["当前位置", "您的位置", "您当前的位置", "您现在的位置", "所在位置", "当前页面"].iter().any(|w| t.starts_with(w))
        || arrows >= 2
        || (arrows >= 1 && ["首页", "网站首页", "主页"].iter().any(|w| t.starts_with(w)))
}

/// The last step of a breadcrumb, when it is a report's title (used only when no
/// other line is).
fn breadcrumb_title(line: &str) -> Option<String> {
    let last = line.rsplit(['>', '＞', '»', '›', '→']).next()?.trim();
    title_in(last)
}

/// Longest title read from the text (characters).
const MAX_TITLE: usize = 60;

/// Words that make a short line a document title.
/// (Traditional forms too: `…信息公開工作年度報告`.)
const TITLE_WORDS: &[&str] = &["报告", "总结", "年报", "落实情况", "的函", "汇报", "報告", "總結", "年報"];

/// A year: four Arabic digits or four positional Chinese digits, then 年.
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2}|[一二][〇○零◯一二三四五六七八九]{3})\s*年(?:度)?").expect("year regex")
});

/// The year of a match of [`YEAR`]: its first four characters (four Arabic digits or four
/// Chinese ones, the regex's group 1). Matches are found without captures, which cost a
/// second search of each match (a text without a year in its title counts every one).
fn year_of_match(m: regex::Match<'_>) -> Option<i32> {
    let s = m.as_str();
    let end = s.char_indices().nth(4).map_or(s.len(), |(i, _)| i);
    year_value(&s[..end])
}

fn year_value(s: &str) -> Option<i32> {
    let v = numbers::parse_whole(s)?;
    let y = i32::try_from(v).ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

/// The year a title names (`…2010年政府信息公开工作年度报告`, `2019年上海市…`).
pub fn year_in_title(title: &str) -> Option<i32> {
    YEAR.find_iter(title).find_map(year_of_match)
}

/// The 统计期限 sentence: `统计期限自2011年1月1日起至2011年12月31日止` → 2011.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"统计(?:期限|时限|时间|区间|周期)[^。；]{0,30}?((?:19|20)[0-9]{2})\s*年[^。；]{0,6}?(?:至|到|—|-|－)[^。；]{0,4}?((?:19|20)[0-9]{2})\s*年")
        .expect("period regex")
});
static PERIOD_ONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"统计(?:期限|时限|时间)[^。；]{0,20}?((?:19|20)[0-9]{2})\s*年").expect("period regex")
});

fn year_of_period(text: &str) -> Option<i32> {
    if let Some(c) = PERIOD.captures(text) {
        return year_value(&c[2]);
    }
    PERIOD_ONE.captures(text).and_then(|c| year_value(&c[1]))
}

/// The year most often written as `YYYY年` in the text (ties: the earliest seen).
fn year_by_count(text: &str) -> Option<i32> {
    let mut counts: Vec<(i32, usize, usize)> = Vec::new();
    for (pos, m) in YEAR.find_iter(text).enumerate() {
        let Some(y) = year_of_match(m) else { continue };
        match counts.iter_mut().find(|e| e.0 == y) {
            Some(e) => e.1 += 1,
            None => counts.push((y, 1, pos)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2))).map(|e| e.0)
}

/// Words that end the agency part of a title (DOMAIN §2, §9).
const REPORT_WORDS: &[&str] =
    &["政府信息公开", "政务公开", "信息公开", "关于", "年度报告", "工作报告", "工作总结", "自查报告", "年报"];

static PART_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第[一二三四五六七八九十0-9]+篇\s*[:：、.]?\s*").expect("part regex"));

/// Marks of an anonymised agency (`XX镇`, `×××局`). A name with `某` (`某单位`,
/// `某某县`) is kept as written.
fn is_placeholder_name(s: &str) -> bool {
    s.contains(['x', 'X', '×', 'Ｘ', 'ｘ', '*', '＊', '○'])
}

/// Endings of an agency's name (a government, its office, a bureau, a township …).
const AGENCY_ENDS: &[&str] = &[
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "政府办公室",
    "管委会",
    "管理委员会",
    "委员会",
    "办公室",
    "办公厅",
    "办事处",
    "街道",
    "局",
    "委",
    "办",
    "厅",
    "镇",
    "乡",
    "中心",
    "院",
    "署",
    "政府",
];

/// A name that may be an agency: ends like one, no digits, not a placeholder, not
/// a sentence.
fn agency_like(name: &str) -> bool {
    AGENCY_ENDS.iter().any(|e| name.ends_with(e)) && name_like(name)
}

/// A name that may be an agency's or a place's (the rest of [`agency_like`]).
fn name_like(name: &str) -> bool {
    let n = name.chars().count();
    (3..=30).contains(&n)
        && !name.contains(|c: char| c.is_ascii_digit() || c.is_whitespace() || "，。、；：:,（）()《》“”".contains(c))
        && !is_placeholder_name(name)
        && !["我", "本", "该", "全", "各", "报告", "年度"].iter().any(|w| name.starts_with(w) || name.contains("报告"))
}

/// The body named on a line of its own right under the title (`关于我县政务公开工作情况的汇报` /
/// `龙游县人民政府办公室`), where the title names none.
fn byline_agency(head: &str, raw_title: &str) -> Option<String> {
    let raw = raw_title.trim();
    let at = head.find(raw)? + raw.len();
    let line = head[at..].lines().map(str::trim).find(|l| !l.is_empty())?;
    agency_like(line).then(|| line.to_string())
}

/// The agency signing the report: the line (落款) right before the last date at its
/// end (`…日常化。 平潭综合实验区经济发展局 2016年1月11日`).
fn signature_agency(tail: &str) -> Option<String> {
    // (Or a month alone on the last line: `北京市西城区民政局` / `2017年3月`.)
    static MONTH_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^\s*(?:(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十元]{1,3}\s*月\s*\z")
            .expect("month line regex")
    });
    let a = DATE_ARABIC.find_iter(tail).last().map(|m| m.start());
    let c = DATE_CHINESE.find_iter(tail).last().map(|m| m.start());
    let m = MONTH_LINE.find(tail.trim_end()).map(|m| m.start());
    let at = a.max(c).max(m)?;
    let before = tail[..at].trim_end();
    let line = before.rsplit(['。', '！', '？', '；', '\n', '：', ':']).next()?.trim();
    let name = line.rsplit("  ").next()?.trim();
    agency_like(name).then(|| name.to_string())
}

/// The agency an opening sentence names as its subject (`2023 年，洪泽区人民政府坚持…`), or the
/// place a government reports as (`2021年，平潭综合实验区坚持…`, as its title names it:
/// `平潭综合实验区2021年政府信息公开工作年度报告`).
fn opening_agency(head: &str) -> Option<String> {
    static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:19|20)[0-9]{2}\s*年度?\s*[，,]\s*(\p{Han}{2,28}?)(?:坚持|认真|深入|全面|严格|按照|围绕|紧紧|积极|始终|持续|高度|切实|扎实|进一步|继续|不断|紧扣|聚焦|着力|依法|立足|大力|在)")
            .expect("subject regex")
    });
    SUBJECT
        .captures_iter(head)
        .filter_map(|c| c.get(1).map(|m| m.as_str()))
        .find(|name| agency_like(name) || (ends_with_place(name) && name_like(name)))
        .map(str::to_string)
}

/// The agency a title names, without year and report words.
pub fn agency_from_title(title: &str) -> Option<String> {
    let t = title.trim();
    // A compilation's part title: 第一篇：….
    let t = match PART_PREFIX.find(t) {
        Some(m) => &t[m.end()..],
        None => t,
    };
    // `某某市政务公开工作领导小组办公室关于…`: the body before 关于, which may hold a report word.
    if let Some(i) = t.find("关于").filter(|&i| i > 0) {
        if agency_like(&t[..i]) {
            return Some(t[..i].to_string());
        }
    }
    let t = t.trim_start_matches("关于");
    let cut_report = |s: &str| -> String {
        // (`memmem` finds the same first occurrence as `str::find`, without the two-way searcher
        // `str::find` set up for each word.)
        let mut end = REPORT_WORDS
            .iter()
            .filter_map(|w| memchr::memmem::find(s.as_bytes(), w.as_bytes()))
            .min()
            .unwrap_or(s.len());
        // `某某县人民政府信息公开…`: the government's name runs into 政府信息公开 (no agency
        // ends in 人民).
        if s[..end].ends_with("人民") && s[end..].starts_with("政府") {
            end += "政府".len();
        }
        s[..end].to_string()
    };
    let cand = match YEAR.find(t) {
        Some(m) if m.start() > 0 => cut_report(&t[..m.start()]),
        Some(m) => cut_report(&t[m.end()..]),
        None => {
            let c = cut_report(t);
            if c.len() == t.len() {
                return None;
            }
            c
        }
    };
    let cand = cand.trim_matches(|c: char| c.is_whitespace() || "，,、：:（(《》“”\"".contains(c));
    // (A closing bracket ends the name only when it closes one of the name's own:
    // `某市公安局（某市公安局交通警察支队）`.)
    let cand = if cand.contains(['(', '（']) { cand } else { cand.trim_end_matches([')', '）']) };
    let cand = cand.strip_suffix("关于").unwrap_or(cand).trim_end_matches('的');
    // (An academic year the year pattern does not take: `江南师范大学2014—2015学年…`.)
    let cand = cand.strip_suffix("学年").map_or(cand, |c| {
        c.trim_end_matches(|ch: char| ch.is_ascii_digit() || matches!(ch, '—' | '–' | '-' | '－' | '至'))
    });
    let n = cand.chars().count();
    // (A government or its office named without its place, `政府工作报告`, names no body.)
    // Nor does one a word points at (`关于我县政务公开工作情况的汇报`).
    let placeless =
        ["政府", "人民政府", "政府办公室", "人民政府办公室"].contains(&cand) || cand.starts_with(['我', '本', '该']);
    if !(2..=40).contains(&n) || is_placeholder_name(cand) || cand.contains("报告") || placeless {
        return None;
    }
    Some(cand.to_string())
}

/// The title's agency, or the panel's 发布机构 when the title names the same body with
/// its region in front (`金华市婺城区琅琊镇` / `琅琊镇`), or the publisher alone.
fn choose_agency(from_title: Option<String>, publisher: Option<&str>) -> Option<String> {
    let publisher = publisher.map(str::trim).filter(|p| {
        let n = p.chars().count();
        (2..=40).contains(&n) && !is_placeholder_name(p)
    });
    match (from_title, publisher) {
        (Some(t), Some(p)) if t.len() > p.len() && t.ends_with(p) && ends_with_place(&t[..t.len() - p.len()]) => {
            Some(p.to_string())
        }
        (Some(t), _) => Some(t),
        (None, Some(p)) => Some(p.to_string()),
        (None, None) => None,
    }
}

/// Whether `s` ends with a place name's suffix (`金华市婺城区`).
fn ends_with_place(s: &str) -> bool {
    s.chars().count() >= 2 && s.ends_with(['省', '市', '区', '县', '旗', '州', '盟'])
}

/// National bodies (SPEC §2 admin_level).
const NATIONAL_PREFIXES: &[&str] = &["国务院", "国家", "中华人民共和国", "中国"];
/// Township-level bodies.
const TOWNSHIP_ENDS: &[&str] =
    &["镇", "乡", "街道", "苏木", "镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府"];
/// Government (not department) name endings; the place before them decides the level.
const GOVERNMENT_ENDS: &[&str] = &["人民政府", "政府", "管委会", "管理委员会"];
/// Words of a department (bureau, office, commission …) after the place name.
const DEPARTMENT_WORDS: &[&str] =
    &["局", "厅", "委员会", "办公室", "委", "办", "中心", "部", "院", "署", "所", "站", "处", "队", "会", "馆"];

/// The administrative level of an agency, from its name and the division table.
pub fn admin_level(agency: &str) -> Option<&'static str> {
    let a = agency.trim();
    if a.is_empty() {
        return None;
    }
    if TOWNSHIP_ENDS.iter().any(|e| a.ends_with(e)) {
        return Some("township");
    }
    let gov = GOVERNMENT_ENDS.iter().find_map(|e| a.strip_suffix(e));
    let place = if let Some(p) = gov {
        p
    } else {
        if DEPARTMENT_WORDS.iter().any(|w| a.ends_with(w)) {
            let no_place = regions::by_name(a).is_none();
            if no_place && (NATIONAL_PREFIXES.iter().any(|p| a.starts_with(p)) || a.ends_with('部')) {
                return Some("national");
            }
            return Some("department");
        }
        a
    };
    if place.is_empty() {
        return None;
    }
    if NATIONAL_PREFIXES.iter().any(|p| place == *p || place.starts_with("国务院")) {
        return Some("national");
    }
    if let Some(r) = regions::by_name(place) {
        let level = if r.county.is_some() {
            "county"
        } else if r.city.is_some() && !matches!(r.province.as_deref(), Some(p) if p == place) {
            "city"
        } else {
            "province"
        };
        // Only when the place name is the end of the agency name (not 某市某局).
        let named = [r.county.as_deref(), r.city.as_deref(), r.province.as_deref()];
        if named.iter().flatten().any(|n| place.ends_with(n)) {
            return Some(level);
        }
    }
    if place.ends_with('省') || place.ends_with("自治区") {
        Some("province")
    } else if place.ends_with(['市', '州', '盟']) {
        Some("city")
    } else if place.ends_with(['县', '区', '旗']) {
        Some("county")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2014-08-13 15:13:23").as_deref(), Some("2014-08-13"));
        assert_eq!(parse_date("2014年8月13日").as_deref(), Some("2014-08-13"));
        assert_eq!(parse_date("发布日期：2020/1/31").as_deref(), Some("2020-01-31"));
        assert_eq!(parse_date("二○一○年十一月二十六日").as_deref(), Some("2010-11-26"));
        assert_eq!(parse_date("二〇〇七年六月二十六日").as_deref(), Some("2007-06-26"));
        assert_eq!(parse_date("二○二二年一月十日").as_deref(), Some("2022-01-10"));
        assert_eq!(parse_date("二○一二年元月二十日").as_deref(), Some("2012-01-20"));
        assert_eq!(parse_date("2014-13-01"), None);
        assert_eq!(parse_date("xxxx年xx月xx日"), None);
        assert_eq!(last_date("2013年1月1日 至 2013年12月31日").as_deref(), Some("2013-12-31"));
    }

    #[test]
    fn site_suffix_is_removed() {
        assert_eq!(
            strip_site_suffix("某局2019年政府信息公开工作年度报告_某某市人民政府"),
            "某局2019年政府信息公开工作年度报告"
        );
        assert_eq!(strip_site_suffix("2021年政府信息公开工作年度报告-某某县发改局"), "2021年政府信息公开工作年度报告");
        assert_eq!(site_agency("2021年政府信息公开工作年度报告-某某县发改局").as_deref(), Some("某某县发改局"));
    }

    #[test]
    fn titles_are_cleaned() {
        assert_eq!(
            clean_title("# 某市交通局2022年政府信息公开工作年度报告"),
            "某市交通局2022年政府信息公开工作年度报告"
        );
        assert_eq!(
            clean_title("**某市交通局2022年政府信息公开工作年度报告**"),
            "某市交通局2022年政府信息公开工作年度报告"
        );
        assert_eq!(
            clean_title("淮安市人民政府 2024 年政府信息公开工作年度报告"),
            "淮安市人民政府2024年政府信息公开工作年度报告"
        );
        assert_eq!(clean_title("某局 PDF report"), "某局PDF report");
        assert_eq!(
            clean_title("| 某某局 |     | 年政府信息公开工作年度报告 |     |"),
            "某某局年政府信息公开工作年度报告"
        );
    }

    #[test]
    fn breadcrumbs_are_not_titles() {
        assert!(is_breadcrumb("首页 > 政务公开 > 政府信息公开年报 > 某局2021年政府信息公开工作年度报告"));
        assert!(is_breadcrumb("当前位置: 网站首页 -> 政务公开 -> 政府信息公开年报 -> 正文"));
        assert!(!is_breadcrumb("某局2021年政府信息公开工作年度报告"));
        assert_eq!(
            breadcrumb_title("首页 > 年报 > 某局2021年政府信息公开工作年度报告").as_deref(),
            Some("某局2021年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn cover_letters_are_about_what_they_send() {
        assert_eq!(
            subject("关于公布平潭综合实验区2023年度政府信息公开工作年度报告的公告"),
            "平潭综合实验区2023年度政府信息公开工作年度报告"
        );
        assert_eq!(subject("关于公布行政许可事项的公告"), "关于公布行政许可事项的公告");
        assert_eq!(
            subject("关于报送《某区公安局 2015年政府信息公开年度报告》的函"),
            "某区公安局 2015年政府信息公开年度报告"
        );
        assert_eq!(
            subject("关于报送《某区公安局2016年 政府信息公开工作情况》的函"),
            "某区公安局2016年 政府信息公开工作情况"
        );
        assert_eq!(
            agency_from_title(subject("关于印发《深圳市南山区2021年政府信息公开工作年度报告》的通知")).as_deref(),
            Some("深圳市南山区")
        );
        assert_eq!(
            agency_from_title(subject("关于公布《某市交通运输局2020年政府信息公开工作年度报告》的公告")).as_deref(),
            Some("某市交通运输局")
        );
        assert_eq!(
            agency_from_title("某市公安局（某市公安局交通警察支队）2021年政府信息公开工作年度报告").as_deref(),
            Some("某市公安局（某市公安局交通警察支队）")
        );
        // The year first, the government's name run into 政府信息公开.
        assert_eq!(agency_from_title("2023年某某县人民政府信息公开工作年度报告").as_deref(), Some("某某县人民政府"));
        assert_eq!(
            agency_from_title("某某镇人民政府2023年政府信息公开工作年度报告").as_deref(),
            Some("某某镇人民政府")
        );
        // Not a cover letter: a title quoting a regulation.
        let t = "某局关于贯彻《政府信息公开条例》的工作总结";
        assert_eq!(subject(t), t);
        assert_eq!(
            agency_from_title(subject("关于报送《某区公安局 2015年政府信息公开年度报告》的函")).as_deref(),
            Some("某区公安局")
        );
    }

    #[test]
    fn agencies_from_signatures_and_openings() {
        assert_eq!(
            signature_agency("…考核工作常规化、日常化。 某某区经济发展局 2016年1月11日 附件下载").as_deref(),
            Some("某某区经济发展局")
        );
        assert_eq!(signature_agency("改进措施。\n某某县林业局\n二○二二年一月二十日").as_deref(), Some("某某县林业局"));
        assert_eq!(signature_agency("本报告统计期限为2021年1月1日至2021年12月31日"), None);
        assert_eq!(
            opening_agency("一、总体情况\n2023 年，洪泽区人民政府坚持以人民为中心").as_deref(),
            Some("洪泽区人民政府")
        );
        assert_eq!(opening_agency("2023年，我局坚持依法公开"), None);
        // A place reporting as itself (its title names it so); not the whole district.
        assert_eq!(
            opening_agency("2021年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导").as_deref(),
            Some("平潭综合实验区")
        );
        assert_eq!(opening_agency("2021年，全区坚持依法公开"), None);
        assert_eq!(opening_agency("2021年，本市认真贯彻落实"), None);
    }

    #[test]
    fn years_from_titles_and_periods() {
        assert_eq!(year_in_title("金华市婺城区琅琊镇2010年政府信息公开工作年度报告"), Some(2010));
        assert_eq!(year_in_title("二○一○年政务公开工作总结"), Some(2010));
        assert_eq!(year_in_title("xxxx年政务公开工作总结"), None);
        assert_eq!(year_of_period("本年度报告中所列数据的统计期限自2011年1月1日起至2011年12月31日止。"), Some(2011));
        assert_eq!(year_by_count("2014年发布。2010年，我镇…2010年初…"), Some(2010));
    }

    #[test]
    fn agencies_from_titles() {
        let cases = [
            ("金华市婺城区琅琊镇2010年政府信息公开工作年度报告", Some("金华市婺城区琅琊镇")),
            ("平潭综合实验区财政金融局2021年度政府信息公开工作年度报告", Some("平潭综合实验区财政金融局")),
            ("财金局2016年政府信息公开年度报告", Some("财金局")),
            ("2019年上海市人民政府办公厅政府信息公开工作年度报告", Some("上海市人民政府办公厅")),
            (
                "平潭综合实验区财政金融局关于做好政务公开财政牵头任务落实情况的自查报告",
                Some("平潭综合实验区财政金融局"),
            ),
            ("XX镇2021年度政务公开工作自查报告", None),
            // A placeholder with 某 is kept as written.
            ("某单位2021年政府信息公开工作年度报告", Some("某单位")),
            ("乡政务公开年度总结", None),
        ];
        for (title, want) in cases {
            assert_eq!(agency_from_title(title).as_deref(), want, "{title}");
        }
        assert_eq!(choose_agency(Some("金华市婺城区琅琊镇".into()), Some("琅琊镇")).as_deref(), Some("琅琊镇"));
        assert_eq!(
            choose_agency(Some("平潭综合实验区财政金融局".into()), Some("区财政金融局")).as_deref(),
            Some("平潭综合实验区财政金融局")
        );
        assert_eq!(agency_from_title("第一篇:乡政务公开年度总结"), None);
        assert_eq!(
            choose_agency(Some("平潭综合实验区财政金融局".into()), Some("平潭综合实验区人民政府")).as_deref(),
            Some("平潭综合实验区财政金融局")
        );
    }

    #[test]
    fn admin_levels() {
        let cases = [
            ("琅琊镇", Some("township")),
            ("棉洋镇人民政府", Some("township")),
            ("上海市人民政府办公厅", Some("department")),
            ("财金局", Some("department")),
            ("上海市人民政府", Some("province")),
            ("金华市人民政府", Some("city")),
            ("攀枝花市东区", Some("county")),
            ("婺城区人民政府", Some("county")),
            ("平潭综合实验区", Some("county")),
            ("国务院办公厅", Some("national")),
            ("教育部", Some("national")),
            ("浙江省人民政府", Some("province")),
        ];
        for (a, want) in cases {
            assert_eq!(admin_level(a), want, "{a}");
        }
    }

    fn parsed(text: &str) -> crate::Report {
        crate::report::parse(crate::report::Input::Str(text), &crate::report::Options::default()).expect("parse")
    }

    #[test]
    fn a_wrapper_title_loses_to_the_documents_own() {
        assert_eq!(
            wrapper_title("主题: 报送2020年政府信息公开工作年度报告").as_deref(),
            Some("2020年政府信息公开工作年度报告")
        );
        assert_eq!(
            wrapper_title("附件为我局2023年度政府信息公开工作年度报告定稿，已按区府办意见修改（主要修改了第三部分表格），请审核。如无意见，将于1月26日前发布。")
                .as_deref(),
            Some("2023年度政府信息公开工作年度报告")
        );
        assert!(wrapper_title("主题:南湖分局2022年度政府信息公开工作年度报告").is_some());
        assert_eq!(wrapper_title("某某市某某局2022年度政府信息公开工作年度报告"), None);
        assert_eq!(wrapper_title("标题：某某市某某局2022年度政府信息公开工作年度报告"), None);
        assert_eq!(wrapper_title("Report of 某某局2022年度政府信息公开工作年度报告"), None);
        let mail = "各位领导：\n附件为我局2023年度政府信息公开工作年度报告定稿，请审核。\n\n\
                    主题: 转发：某某局2023年度政府信息公开工作年度报告\n\n\
                    > 绍兴市柯桥区司法局2023年度政府信息公开工作年度报告\n>\n\
                    > 一、总体情况\n> 2023年，本局坚持公开。\n";
        let r = parsed(mail);
        assert_eq!(r.title.as_deref(), Some("绍兴市柯桥区司法局2023年度政府信息公开工作年度报告"));
        assert_eq!(r.agency.as_deref(), Some("绍兴市柯桥区司法局"));
        // With no title of its own, the wrapper's is the title.
        let r = parsed("主题: 报送2020年政府信息公开工作年度报告\n\n一、总体情况\n2020年，本局坚持公开。\n");
        assert_eq!(r.title.as_deref(), Some("2020年政府信息公开工作年度报告"));
    }

    #[test]
    fn each_date_label_has_its_own_value() {
        let head = "成文日期：  2024-01-22                     发布日期：  2024-01-23";
        assert_eq!(published_in_text(head).as_deref(), Some("2024-01-23"));
        assert_eq!(published_in_text("日期：2024-01-22").as_deref(), Some("2024-01-22"));
        let page = "<html><head><meta name=\"PubDate\" content=\"2020-03-27 09:30\"></head>\
                    <body><p>某某局2019年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>";
        assert_eq!(parsed(page).published.as_deref(), Some("2020-03-27"));
        let page = "<html><body><em id=\"publish_time\" class=\"rich_media_meta\">2023-01-18 17:30</em>\
                    <p>某某局2022年政府信息公开工作年度报告</p><p>一、总体情况</p></body></html>";
        assert_eq!(parsed(page).published.as_deref(), Some("2023-01-18"));
    }

    #[test]
    fn column_tags_and_furniture_are_no_title() {
        assert_eq!(
            clean_title("【政务公开】宁海县农业局2017年度政府信息公开工作年度报告"),
            "宁海县农业局2017年度政府信息公开工作年度报告"
        );
        assert_eq!(
            clean_title("【某某委员会2021年政府信息公开工作年度报告】"),
            "某某委员会2021年政府信息公开工作年度报告"
        );
        assert_eq!(title_in("点击蓝字关注我们本报告"), None);
        let page = "<html><head><title>无锡市梁溪区人民政府</title>\
                    <meta name=\"ArticleTitle\" content=\"无锡市梁溪区人民政府2019年政府信息公开工作年度报告\"></head>\
                    <body><p>一、总体情况</p><p>2019年，本区坚持公开。</p></body></html>";
        let r = parsed(page);
        assert_eq!(r.title.as_deref(), Some("无锡市梁溪区人民政府2019年政府信息公开工作年度报告"));
    }

    /// The title's word searches (`memmem`) give the offsets `str::find` gives, on varied lines:
    /// each word first, last, twice, absent, a long line.
    #[test]
    fn title_word_search_matches_str_find() {
        let mut lines: Vec<String> = [
            "",
            "某某市人民政府2019年政府信息公开工作年度报告",
            "关于某某县2020年政务公开工作落实情况的函 汇报 總結",
            "年报年報报告報告",
            "no title words here 123",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        lines.push("政府信息公开，".repeat(300) + "工作年度报告");
        for l in &lines {
            for w in TITLE_WORDS.iter().chain(REPORT_WORDS) {
                assert_eq!(memchr::memmem::find(l.as_bytes(), w.as_bytes()), l.find(w), "{l:?} {w:?}");
            }
        }
    }
}
