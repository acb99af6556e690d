//! `parse()`: the stages glued in order, bytes → text → document → readings →
//! checks → `Report`. No I/O except `parse_file`.

use std::io::Read;

use rayon::prelude::*;

use crate::checks;
use crate::decode::{self, DecodeOptions, Decoded, EncodingFrom};
use crate::document::{CellEvidence, CharIndex, Document, Format, RawBlock, RawDocument, Span};
use crate::error::{CoreError, FileKind};
use crate::facts;
use crate::html;
use crate::kinds;
use crate::meta;
use crate::mhtml;
use crate::model::{
    Blame, Issue, IssueCode, Kind, Report, Severity, Source, TableFormat, TableReading, Tables, Template,
    SCHEMA_VERSION,
};
use crate::normalize::{self, NormalizeOptions};
use crate::outline;
use crate::pdf;
use crate::plain;
use crate::printed;
use crate::sniff;
use crate::tables;
use crate::word::{doc, docx};

/// The default input size limit (`max_bytes`): 64 MiB.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

/// What the caller hands over.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Raw page or file content, encoding unknown.
    Bytes(&'a [u8]),
    /// Already decoded text or HTML.
    Str(&'a str),
}

/// Parse options (SPEC §1 keyword options).
#[derive(Debug, Clone)]
pub struct Options {
    pub url: Option<String>,
    pub content_type: Option<String>,
    pub encoding: Option<String>,
    pub format: Option<Format>,
    /// Convert Traditional to Simplified (default true).
    pub t2s: bool,
    /// Inputs larger than this are refused with `TooLarge`.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { url: None, content_type: None, encoding: None, format: None, t2s: true, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Parses one document.
pub fn parse(input: Input<'_>, opts: &Options) -> Result<Report, CoreError> {
    let size = match input {
        Input::Bytes(b) => b.len(),
        Input::Str(s) => s.len(),
    };
    if size > opts.max_bytes {
        return Err(CoreError::TooLarge { size, limit: opts.max_bytes });
    }
    // A web archive (MHTML): its page, with the charset and address the archive's headers give
    // unless the caller gave them. (The page is read as it is: an archive inside it is not opened.)
    let raw = match input {
        Input::Bytes(b) => b,
        Input::Str(s) => s.as_bytes(),
    };
    if !matches!(opts.format, Some(Format::Pdf | Format::Docx | Format::Doc)) {
        if let Some(page) = mhtml::page(raw) {
            let content_type = if opts.encoding.is_none() && opts.content_type.is_none() {
                page.charset.as_ref().map(|c| format!("text/html; charset={c}"))
            } else {
                opts.content_type.clone()
            };
            let inner = Options {
                url: opts.url.clone().or(page.url),
                content_type,
                format: opts.format.or(Some(Format::Html)),
                ..opts.clone()
            };
            return parse_page(Input::Bytes(&page.body), &inner);
        }
    }
    parse_page(input, opts)
}

/// Parses one document that is not a web archive (see [`parse`]).
fn parse_page(input: Input<'_>, opts: &Options) -> Result<Report, CoreError> {
    if let Input::Bytes(bytes) = input {
        if let Some(kind) = sniff::sniff(bytes) {
            return parse_binary(bytes, kind, opts);
        }
        if matches!(opts.format, Some(Format::Pdf | Format::Docx | Format::Doc)) {
            let want = opts.format.map_or("", Format::as_str);
            return Err(CoreError::UnsupportedFormat(format!("something else than the {want} file format= names")));
        }
    }
    if matches!(input, Input::Str(_)) && matches!(opts.format, Some(Format::Pdf | Format::Docx | Format::Doc)) {
        let want = opts.format.map_or("", Format::as_str);
        return Err(CoreError::InvalidOption(format!("format='{want}' needs the file's bytes or path, not a str")));
    }
    let decoded = match input {
        Input::Bytes(bytes) => decode::decode(
            bytes,
            &DecodeOptions { encoding: opts.encoding.as_deref(), content_type: opts.content_type.as_deref() },
        )?,
        Input::Str(s) => {
            if s.trim().is_empty() {
                return Err(CoreError::Empty);
            }
            Decoded { text: s.to_string(), encoding: "UTF-8", encoding_from: EncodingFrom::Str, undecodable_bytes: 0 }
        }
    };
    let (decoded, mojibake) = decode::review(decoded, if let Input::Bytes(b) = input { Some(b) } else { None });
    let format = match opts.format {
        Some(f @ (Format::Html | Format::Text | Format::Markdown)) => f,
        _ => sniff_text(&decoded.text),
    };
    let raw = read_raw(&decoded.text, format);
    drop(decoded.text);
    let normalized = normalize::normalize_keeping(raw, &NormalizeOptions { t2s: opts.t2s });
    let script = normalized.script;
    let (doc, printed) = assemble(normalized, format);
    let source = Source {
        format,
        encoding: decoded.encoding.to_string(),
        encoding_from: decoded.encoding_from,
        undecodable_bytes: decoded.undecodable_bytes,
        script,
        url: opts.url.clone(),
        pages: None,
        producer: None,
    };
    let mut report = build(&doc, source);
    if let Some(printed) = printed {
        printed::restore(&mut report, &doc.text, &printed);
    }
    if let Some(m) = mojibake {
        let (severity, message) = m.describe();
        let issue = Issue {
            code: IssueCode::Mojibake,
            severity,
            message,
            cells: Vec::new(),
            expected: None,
            actual: None,
            blame: Blame::Source,
        };
        report.issues.push(issue);
    }
    Ok(report)
}

/// The document the readers read and, with `t2s` off on a Traditional input, the text as
/// printed: the readers always read the Simplified fold (`printed::restore` then puts the
/// printed characters back into the report).
fn assemble(n: normalize::Normalized, format: Format) -> (Document, Option<String>) {
    let printed = n.printed.map(|p| Document::assemble(p, format).text);
    (Document::assemble(n.raw, format), printed)
}

/// The raw document of decoded text in `format`.
pub fn read_raw(text: &str, format: Format) -> RawDocument {
    match format {
        Format::Html => html::parse_html(text),
        Format::Markdown => plain::parse_markdown(text),
        Format::Text | Format::Pdf | Format::Docx | Format::Doc => plain::parse_plain(text),
    }
}

/// HTML, Markdown or plain text. Markdown first: a Markdown file may hold `<br>` inside
/// its pipe tables, which alone makes no page HTML.
pub fn sniff_text(text: &str) -> Format {
    // The page tests read the first 2 KB; the Markdown one, every line: it goes second.
    let (page, html) = sniff::html_signals(text);
    let markdown = if page {
        // A leading tag of a fragment (`<div …>`), not of a page, over Markdown.
        !sniff::opens_a_page(text) && plain::looks_like_markdown_under_tags(text)
    } else {
        plain::looks_like_markdown(text)
    };
    if markdown {
        Format::Markdown
    } else if html {
        Format::Html
    } else {
        Format::Text
    }
}

/// PDF, DOCX and .doc input: the reader's `RawDocument` through the same stages.
fn parse_binary(bytes: &[u8], kind: sniff::Binary, opts: &Options) -> Result<Report, CoreError> {
    // Imported chunks of a .docx not read, by name and why.
    let mut unread: Vec<String> = Vec::new();
    let (raw, format, pages, producer) = match kind {
        sniff::Binary::Pdf => {
            let pdf = pdf::read(bytes).map_err(pdf_error)?;
            (pdf.raw, Format::Pdf, Some(pdf.pages), pdf.producer)
        }
        sniff::Binary::Docx => {
            let d = docx::read_with(bytes, &mut |c| read_chunk(c, 1, &mut unread))?;
            unread.extend(d.unread);
            (d.raw, Format::Docx, d.pages, None)
        }
        sniff::Binary::Ole => {
            let d = doc::read(bytes)?;
            (d.raw, Format::Doc, d.pages, None)
        }
    };
    if raw.blocks.is_empty() {
        return Err(CoreError::Empty);
    }
    let normalized = normalize::normalize_keeping(raw, &NormalizeOptions { t2s: opts.t2s });
    let script = normalized.script;
    let (doc, printed) = assemble(normalized, format);
    let source = Source {
        format,
        encoding: "UTF-8".to_string(),
        encoding_from: EncodingFrom::Detected,
        undecodable_bytes: 0,
        script,
        url: opts.url.clone(),
        pages: pages.map(|p| u32::try_from(p).unwrap_or(u32::MAX)),
        producer,
    };
    let mut report = build(&doc, source);
    attach_evidence(&mut report, &doc);
    for what in unread {
        report.issues.push(Issue {
            code: IssueCode::ContentUnread,
            severity: Severity::Warning,
            message: format!("Word shows imported content (w:altChunk) that was not read: {what}"),
            cells: Vec::new(),
            expected: None,
            actual: None,
            blame: Blame::Parser,
        });
    }
    if let Some(printed) = printed {
        printed::restore(&mut report, &doc.text, &printed);
    }
    Ok(report)
}

/// Deepest nesting of imported chunks followed (a .docx importing a .docx importing …).
const MAX_CHUNK_DEPTH: usize = 4;

/// The blocks of a .docx's imported chunk (`w:altChunk`) at nesting `depth` (from 1): HTML
/// through the decode and HTML stages, a web archive (.mht) through its page, a .docx read
/// the same way (its own unread chunks added to `unread`). Any other type is not read.
fn read_chunk(chunk: docx::Chunk<'_>, depth: usize, unread: &mut Vec<String>) -> Result<Vec<RawBlock>, String> {
    let bytes = chunk.bytes;
    let blocks = if let Some(page) = mhtml::page(bytes) {
        let content_type = page.charset.as_ref().map(|c| format!("text/html; charset={c}"));
        chunk_html(&page.body, content_type.as_deref(), true)?
    } else {
        match sniff::sniff(bytes) {
            Some(sniff::Binary::Docx) if depth < MAX_CHUNK_DEPTH => {
                let d = docx::read_with(bytes, &mut |c| read_chunk(c, depth + 1, unread)).map_err(|e| e.to_string())?;
                unread.extend(d.unread.into_iter().map(|u| format!("{} > {u}", chunk.target)));
                d.raw.blocks
            }
            Some(sniff::Binary::Docx) => {
                return Err(format!("imports nested deeper than {MAX_CHUNK_DEPTH} are not followed"))
            }
            Some(_) => return Err("a PDF or .doc chunk is not read".to_string()),
            None => {
                let lower = chunk.target.to_ascii_lowercase();
                let named = [".htm", ".html", ".xhtml"].iter().any(|e| lower.ends_with(e));
                chunk_html(bytes, None, named)?
            }
        }
    };
    if blocks.is_empty() {
        return Err("it holds no text".to_string());
    }
    Ok(blocks)
}

/// The blocks of an HTML chunk's bytes (decoded by the charset its `<meta>` or `content_type`
/// names), or why not: text that is not HTML (RTF, plain text) is not read unless `named` HTML.
fn chunk_html(bytes: &[u8], content_type: Option<&str>, named: bool) -> Result<Vec<RawBlock>, String> {
    let decoded = decode::decode(bytes, &DecodeOptions { encoding: None, content_type }).map_err(|e| e.to_string())?;
    if !named && sniff_text(&decoded.text) != Format::Html {
        return Err("a chunk that is not HTML, a web archive or a .docx is not read".to_string());
    }
    Ok(html::parse_html(&decoded.text).blocks)
}

fn pdf_error(e: pdf::PdfError) -> CoreError {
    match e {
        pdf::PdfError::Encrypted(reason) => CoreError::Encrypted { what: FileKind::Pdf, reason },
        pdf::PdfError::Scanned { pages, images } => CoreError::ScannedPdf { pages, images },
        pdf::PdfError::Undecodable { glyphs, unknown } => CoreError::UndecodableText { glyphs, unknown },
        pdf::PdfError::Damaged(reason) => CoreError::Damaged { what: FileKind::Pdf, reason },
        pdf::PdfError::Filter(f) => {
            CoreError::Damaged { what: FileKind::Pdf, reason: format!("unsupported stream filter {f}") }
        }
    }
}

/// Gives each table cell reading the page and box of the document cell its span lies in
/// (cells read from a PDF carry them; the table readers need not know).
fn attach_evidence(report: &mut Report, doc: &Document) {
    let mut cells: Vec<(Span, CellEvidence)> =
        doc.tables.iter().flat_map(|t| t.cells.iter().filter_map(|c| c.evidence.map(|e| (c.span, e)))).collect();
    if cells.is_empty() {
        return;
    }
    cells.sort_by_key(|(s, _)| s[0]);
    let find = |span: Span| -> Option<CellEvidence> {
        let i = cells.partition_point(|(s, _)| s[0] <= span[0]);
        let (s, e) = cells.get(i.checked_sub(1)?)?;
        (span[0] >= s[0] && span[1] <= s[1] && span[1] > span[0] || span == *s).then_some(*e)
    };
    let attach = |t: &mut Option<TableReading>| {
        let Some(t) = t else { return };
        for (_, row) in &mut t.cells.0 {
            for (_, c) in &mut row.0 {
                c.evidence = find(c.span);
            }
        }
        for row in &mut t.extra_rows {
            for c in &mut row.cells {
                c.evidence = find(c.span);
            }
        }
    };
    attach(&mut report.tables.proactive);
    attach(&mut report.tables.requests);
    attach(&mut report.tables.review_litigation);
    for part in &mut report.parts {
        attach_evidence(part, doc);
    }
}

/// Readings and checks over an assembled document; a compilation gets one part per document.
fn build(doc: &Document, source: Source) -> Report {
    match kinds::compilation_parts(&doc.text) {
        Some(ranges) => build_compilation(doc, source, &ranges),
        None => build_one(doc, source),
    }
}

/// A compilation: one report per part, each read and checked as a document, and the whole,
/// which reports its title, outline, tables and placeholders. Its facts, year, agency and
/// template are its parts', so the whole is neither read for facts nor checked as one
/// document. Its tables are the parts' (each table as the first part holding it reads it),
/// not read a second time over the whole text, unless a part's text is not the whole's
/// text at its place.
fn build_compilation(doc: &Document, source: Source, ranges: &[std::ops::Range<usize>]) -> Report {
    let idx = CharIndex::new(&doc.text);
    let chars = crate::document::chars_of(&doc.text);
    let mut shared = Some(SharedTables::default());
    // Text before the first part (a cover, a list of contents) belongs to no part: its tables
    // are read on their own.
    let first = ranges.first().map_or(0, |r| idx.char_at(r.start));
    if first > 0 {
        let cover = doc.slice(&idx, 0..first);
        let (tables, issues) = tables::read_with_issues(&cover);
        share(&mut shared, &idx, &doc.text, (0, &cover.text), &tables, &issues);
    }
    let mut parts = Vec::with_capacity(ranges.len());
    for r in ranges {
        let from = idx.char_at(r.start);
        let part = doc.slice(&idx, from..idx.char_at(r.end));
        // The part's characters are the whole's from the part's start, where its text is the
        // whole's there (most parts): copied, not decoded from the text again.
        let part_chars = doc.text[r.start..]
            .starts_with(part.text.as_str())
            .then(|| chars[from..from + crate::document::count_char_starts(part.text.as_bytes())].to_vec());
        let (mut report, table_issues, fact_issues) = read_one(&part, part_chars, source.clone(), true, None);
        share(&mut shared, &idx, &doc.text, (r.start, &part.text), &report.tables, &table_issues);
        let mut issues = checks::run(&report);
        issues.extend(table_issues);
        issues.extend(fact_issues);
        report.issues = issues;
        parts.push(report);
    }
    let given = shared.map(|s| (s.tables, s.issues));
    // The whole's characters, collected above, are the view the whole is read with.
    let (mut report, table_issues, placeholders) = read_one(doc, Some(chars), source, false, given);
    report.kind = Kind::Compilation;
    report.template = None;
    // The whole's year and agency are those its parts share, if they all give the same
    // (three townships' reports on 2010; one body's reports on 2019 and 2020).
    report.year = shared_value(parts.iter().map(|p| p.year));
    report.agency = shared_value(parts.iter().map(|p| p.agency.clone()));
    report.admin_level = if report.agency.is_some() { parts.first().and_then(|p| p.admin_level) } else { None };
    report.parts = parts;
    report.issues = checks::run(&report);
    report.issues.extend(table_issues);
    report.issues.extend(placeholders);
    report
}

/// The value every item gives, when each gives one and they agree.
fn shared_value<T: PartialEq>(mut items: impl Iterator<Item = Option<T>>) -> Option<T> {
    let first = items.next()??;
    items.all(|v| v.as_ref() == Some(&first)).then_some(first)
}

/// The tables a compilation's parts read, in the whole text's positions, and the table
/// readers' issues of the parts that gave one.
#[derive(Default)]
struct SharedTables {
    tables: Tables,
    issues: Vec<Issue>,
}

/// Takes the tables of one piece of a compilation (its cover or a part) that no earlier piece
/// gave, moved to the piece's place in the whole text: where its text is found, from byte
/// `start` (where the piece begins) on. A piece with such tables whose text is not found
/// there as it is (its blocks laid out otherwise) leaves `shared` unusable: `None`.
fn share(
    shared: &mut Option<SharedTables>,
    whole: &CharIndex<'_>,
    text: &str,
    (start, piece): (usize, &str),
    tables: &Tables,
    issues: &[Issue],
) {
    let Some(s) = shared.as_mut() else { return };
    let new = |slot: &Option<TableReading>, t: &Option<TableReading>| slot.is_none() && t.is_some();
    if !(new(&s.tables.proactive, &tables.proactive)
        || new(&s.tables.requests, &tables.requests)
        || new(&s.tables.review_litigation, &tables.review_litigation))
    {
        return;
    }
    let found = text.get(start..).filter(|_| !piece.is_empty()).and_then(|rest| {
        // Where the piece starts, most often; else further on (its leading space dropped).
        if rest.starts_with(piece) {
            Some(0)
        } else {
            memchr::memmem::find(rest.as_bytes(), piece.as_bytes())
        }
    });
    let Some(at) = found.map(|k| whole.char_at(start + k)) else {
        *shared = None;
        return;
    };
    for (slot, t) in [
        (&mut s.tables.proactive, &tables.proactive),
        (&mut s.tables.requests, &tables.requests),
        (&mut s.tables.review_litigation, &tables.review_litigation),
    ] {
        if let (None, Some(t)) = (slot.as_ref(), t) {
            let mut t = t.clone();
            t.shift(at);
            *slot = Some(t);
        }
    }
    s.issues.extend_from_slice(issues);
}

/// Readings and checks over one document.
fn build_one(doc: &Document, source: Source) -> Report {
    let (mut report, table_issues, fact_issues) = read_one(doc, None, source, true, None);
    let mut all = checks::run(&report);
    all.extend(table_issues);
    all.extend(fact_issues);
    report.issues = all;
    report
}

/// A table reading's span less the prose of sections that start inside it: a tool that
/// prints a page's text before the page's tables puts a table's second page after the text of
/// the page it runs onto (`…（三）不予公开` / `五、…` / `六、其他需要报告的事项` / `本机关收取信息
/// 处理费15元。` / the rest of table 3). From such a heading to the next table of the document
/// is prose; with no table after it within the span (a text table read from lines) nothing is
/// taken out.
fn prose_apart(span: Span, sections: &[crate::model::Section], doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = span[0];
    for s in sections.iter().filter(|s| s.span[0] > span[0] && s.span[0] < span[1]) {
        let at = s.span[0].max(from);
        let next = doc.tables.iter().map(|t| t.span[0]).filter(|&t| t > at && t < span[1]).min();
        if let Some(next) = next {
            out.push([from, at]);
            from = next;
        }
    }
    out.push([from, span[1]]);
    out
}

/// The readings of one document (its facts only when `with_facts`; its tables and their
/// readers' issues as `given`, where they were read already), the table readers' issues and
/// the facts reader's, before the checks. `chars`: the characters of `doc.text`, when collected
/// already.
fn read_one(
    doc: &Document,
    chars: Option<Vec<char>>,
    source: Source,
    with_facts: bool,
    given: Option<(Tables, Vec<Issue>)>,
) -> (Report, Vec<Issue>, Vec<Issue>) {
    let meta = meta::read(doc);
    // One character view of the text for the outline and the text tables (which keep it).
    let chars: Vec<char> = chars.unwrap_or_else(|| crate::document::chars_of(&doc.text));
    let sections = outline::read_chars(doc, &chars);
    let (tables, mut table_issues) = given.unwrap_or_else(|| tables::read_with_chars(doc, chars));
    // Facts come from prose only: the table readings' spans and the tables printed
    // as text are left out.
    let mut excluded: Vec<_> = [&tables.proactive, &tables.requests, &tables.review_litigation]
        .into_iter()
        .flatten()
        .flat_map(|t| prose_apart(t.span, &sections, doc))
        .collect();
    // One character index of the text for both.
    let idx = CharIndex::new(&doc.text);
    excluded.extend(facts::text_table_spans_indexed(doc, &idx));
    let (facts, fact_issues) = if with_facts {
        facts::read_indexed(doc, &idx, &sections, &excluded, meta.year, true)
    } else {
        (Vec::new(), facts::read_indexed(doc, &idx, &sections, &excluded, None, false).1)
    };
    let prints_tables = tables.prints_national_tables();
    let kind = kinds::kind(meta.title.as_deref(), &doc.text, &sections, prints_tables);
    let template = kinds::template_for(kind, &doc.text, meta.year, meta.title.is_some());
    // Table 2 written in words, tables 3 and 4 stated all zero in words (after the facts, which
    // read those words).
    let mut tables = tables;
    let format = template.and_then(Template::form).map(TableFormat::from);
    if tables::fill_stated(&doc.text, &sections, format, &mut tables) {
        // Table 3 read anew from its words: the issues of the reading it replaced go with it.
        table_issues.retain(|i| !i.cells.iter().all(|c| c.starts_with("requests.")) || i.cells.is_empty());
    }
    let report = Report {
        schema_version: SCHEMA_VERSION,
        kind,
        template,
        title: meta.title,
        year: meta.year,
        agency: meta.agency,
        admin_level: meta.admin_level,
        region: meta.region,
        published: meta.published,
        written: meta.written,
        index_number: meta.index_number,
        credit_code: meta.credit_code,
        source,
        sections,
        tables,
        facts,
        issues: Vec::new(),
        parts: Vec::new(),
        text: doc.text.clone(),
    };
    (report, table_issues, fact_issues)
}

/// Reads and parses a file.
pub fn parse_file(path: &str, opts: &Options) -> Result<Report, CoreError> {
    let io = |e: std::io::Error| CoreError::Io {
        path: path.to_string(),
        message: e.to_string(),
        not_found: e.kind() == std::io::ErrorKind::NotFound,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > opts.max_bytes as u64 {
        return Err(CoreError::TooLarge {
            size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
            limit: opts.max_bytes,
        });
    }
    // The size the metadata gives is 0 for devices, pipes and /proc files: read at most one
    // byte past the limit, so `/dev/zero` is refused instead of filling the memory.
    let limit = u64::try_from(opts.max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    // Room for the whole file and the one byte that shows it grew past the limit: `Take`
    // gives `read_to_end` no size hint, so an empty vector would grow (and read) in steps
    // from 32 bytes.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0).saturating_add(1));
    std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map_err(io)?;
    if bytes.len() > opts.max_bytes {
        return Err(CoreError::TooLarge { size: bytes.len(), limit: opts.max_bytes });
    }
    // A `.md` file is Markdown however little markup it shows (mammoth writes tables as one
    // paragraph a cell, with backslash escapes and no table syntax). One that is all HTML
    // (pandoc's GFM of a page whose tables nest is the page's HTML: raw HTML is Markdown too)
    // is read as HTML, and is still a Markdown file.
    let ext = std::path::Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if opts.format.is_none() && matches!(ext.as_deref(), Some("md" | "markdown")) && sniff::sniff(&bytes).is_none() {
        if std::str::from_utf8(&bytes).is_ok_and(|t| sniff_text(t) == Format::Html) {
            let mut report = parse(Input::Bytes(&bytes), opts)?;
            report.source.format = Format::Markdown;
            return Ok(report);
        }
        let opts = Options { format: Some(Format::Markdown), ..opts.clone() };
        return parse(Input::Bytes(&bytes), &opts);
    }
    parse(Input::Bytes(&bytes), opts)
}

/// Parses many inputs in parallel on the current rayon pool; results keep input order.
pub fn parse_many(inputs: &[Input<'_>], opts: &Options) -> Vec<Result<Report, CoreError>> {
    inputs.par_iter().map(|i| parse(*i, opts)).collect()
}
