//! The shared document model: what the `html` and `plain` stages produce
//! (`RawDocument`), what `normalize` cleans, and the assembled `Document`
//! whose `text` every later span points into.
//!
//! Spans are `[start, end]` in Unicode code points of `Document::text`
//! (Python `str` indexing), never bytes.

use serde::{Deserialize, Serialize};

/// A half-open character range `[start, end)` into `Document::text`.
pub type Span = [usize; 2];

/// How the input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Text,
    Markdown,
    Pdf,
    Docx,
    Doc,
}

crate::variant::display_as_serialized!(Format);

/// One key–value pair of a CMS metadata panel (DOMAIN §11.1): `索引号：…`, `发布日期：…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PanelEntry {
    /// Canonical field (`index_number`, `publisher`, `written`, `published`, `title`,
    /// `doc_number`, `category`, `validity`, `disclosure_mode`, `keywords`, `summary`, `source`).
    pub key: &'static str,
    /// The label as printed, whitespace removed.
    pub label: String,
    /// The value as printed, trimmed.
    pub value: String,
}

/// Where a cell read from a PDF is drawn: its page (1-based) and box `[x0, top, x1, bottom]`
/// in points from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellEvidence {
    pub page: u32,
    pub bbox: [f64; 4],
}

// The boxes are finite (the layout stage makes them from finite positions).
impl Eq for CellEvidence {}

/// One real table cell (`<td>`/`<th>`, or a cell read from text) at its top-left grid position.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCell {
    /// Cell text; `<br>` and block boundaries inside the cell are `'\n'`.
    pub text: String,
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// `<th>` rather than `<td>`.
    pub header: bool,
    /// Page and box, for cells read from a PDF.
    pub evidence: Option<CellEvidence>,
    /// For a pipe cell that prints blank marks, its words in order: a number, or `None` for a
    /// blank mark (a no-break space that a PDF keeps in an empty cell, Word's `&nbsp;`, which a
    /// PDF-to-Markdown converter printed: a blank the text shows, unlike an empty cell, which may
    /// stand for a cell the text lost). markitdown joins the words of the PDF cells that fall
    /// into one of its columns (`2 \u{a0}`): each word is one of them. Empty for other cells.
    pub marked: Vec<Option<String>>,
}

/// A table as a rectangular grid with rowspan/colspan expanded. The grid stores
/// indices into `cells`, so a spanning cell is held once however large its span.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTable {
    pub n_rows: usize,
    pub n_cols: usize,
    /// The real cells, in document order.
    pub cells: Vec<RawCell>,
    /// `n_rows * n_cols` slots, row-major; `None` pads a ragged row.
    pub grid: Vec<Option<u32>>,
    /// Every cell is one cell of the source (an HTML or Word table, TAB-separated rows), never
    /// the text of several cells a converter merged (a PDF's grid rebuilt, a PDF-to-Markdown
    /// converter's columns): a cell printing several numbers is one column's.
    pub exact: bool,
}

impl RawTable {
    /// The real cell covering grid position (`row`, `col`), if any.
    pub fn at(&self, row: usize, col: usize) -> Option<&RawCell> {
        if row >= self.n_rows || col >= self.n_cols {
            return None;
        }
        self.grid[row * self.n_cols + col].map(|i| &self.cells[i as usize])
    }
}

/// A block of a raw document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBlock {
    /// One paragraph or line of prose (no `'\n'` inside).
    Paragraph(String),
    /// A table grid.
    Table(RawTable),
    /// Empty lines of a text input between two paragraphs (how many). They take no
    /// place in `Document::text`; `Document::blank_lines` records where they were,
    /// for tables printed one cell per line with blank cells as empty lines.
    BlankLines(u32),
    /// The columns (`[start, end)` in characters of the line as printed) of the words of the
    /// next paragraph, a line of column-aligned text (`pdftotext -layout`) whose spacing
    /// normalisation removes, and of its blank marks (no-break spaces standing alone, which
    /// normalisation makes spaces). Takes no place in `Document::text`.
    Columns { page: u32, words: Vec<[u32; 2]>, marks: Vec<[u32; 2]> },
    /// The no-break spaces of the next paragraph, a line of text that prints one or more: how
    /// many stood in each of its whitespace runs, first the run before its first word (0 where
    /// none), then each run between two words, last the run after its last word; `u32::MAX`
    /// for a run holding other whitespace too. BeautifulSoup's `get_text()` of a Word page prints
    /// each empty table cell as one (`<p>&nbsp;</p>`), glued to the values beside it, which
    /// normalisation makes one space (or trims away). Takes no place in `Document::text`.
    NbspRuns(Vec<u32>),
    /// The blocks from here on were printed on this page (counted by a text's form feeds, from
    /// 0). Takes no place in `Document::text`.
    Page(u32),
}

/// What `html::parse_html` and `plain::parse_plain` return: text blocks before normalisation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawDocument {
    pub blocks: Vec<RawBlock>,
    /// The metadata panel, in page order.
    pub panel: Vec<PanelEntry>,
    /// The HTML `<title>`, if any.
    pub html_title: Option<String>,
}

/// A column-aligned line of the document (see `RawBlock::Columns`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnLine {
    /// Offset of the line's paragraph in `Document::text`.
    pub start: usize,
    /// The page it was printed on (pages counted by form feeds, from 0).
    pub page: u32,
    /// `[start, end)` printed columns of its words.
    pub words: Vec<[u32; 2]>,
    /// `[start, end)` printed columns of its blank marks (`RawBlock::Columns`).
    pub marks: Vec<[u32; 2]>,
}

/// Whether two of a column-aligned line's words (`[start, end)` printed columns, as
/// `RawBlock::Columns` and `ColumnLine` hold them) stand three columns or more apart: a
/// table's row prints so (`9      /      145`), a page's number never does (`3 / 5`).
pub(crate) fn words_spread(words: &[[u32; 2]]) -> bool {
    words.windows(2).any(|w| w[1][0] >= w[0][1] + 3)
}

/// A table cell in the assembled document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub span: Span,
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub header: bool,
    pub evidence: Option<CellEvidence>,
    /// `RawCell::marked`.
    pub marked: Vec<Option<String>>,
}

/// A table grid in the assembled document; like `RawTable`, with spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub n_rows: usize,
    pub n_cols: usize,
    pub cells: Vec<Cell>,
    pub grid: Vec<Option<u32>>,
    pub span: Span,
    /// `RawTable::exact`.
    pub exact: bool,
}

impl Table {
    /// The real cell covering grid position (`row`, `col`), if any.
    pub fn at(&self, row: usize, col: usize) -> Option<&Cell> {
        if row >= self.n_rows || col >= self.n_cols {
            return None;
        }
        self.grid[row * self.n_cols + col].map(|i| &self.cells[i as usize])
    }

    /// The text at (`row`, `col`), `""` for padding.
    pub fn text_at(&self, row: usize, col: usize) -> &str {
        self.at(row, col).map_or("", |c| c.text.as_str())
    }
}

/// What a block of the assembled document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// Index into `Document::tables`.
    Table(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// The normalised document: one text, blocks and tables pointing into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub format: Format,
    pub text: String,
    pub blocks: Vec<Block>,
    pub tables: Vec<Table>,
    pub panel: Vec<PanelEntry>,
    pub html_title: Option<String>,
    /// Empty lines of a text input, dropped from `text`: `(offset of the line
    /// break after which they stood, how many)`, in text order.
    pub blank_lines: Vec<(usize, u32)>,
    /// Column-aligned lines: `(offset of the paragraph, the printed columns of its words)`,
    /// in text order (see `RawBlock::Columns`).
    pub columns: Vec<ColumnLine>,
    /// Lines printing no-break spaces: `(offset of the paragraph, its runs)` in text order (see
    /// `RawBlock::NbspRuns`).
    pub nbsp_runs: Vec<(usize, Vec<u32>)>,
    /// Where a text's pages begin (form feeds): `(offset of the line break before the page's
    /// first block, the page counted from 0)`, in text order; the characters after the offset
    /// are on that page. Empty where the input printed no form feed.
    pub pages: Vec<(usize, u32)>,
}

impl Document {
    /// Lays the blocks out as text: one paragraph per line, each table row on
    /// its own line with cells separated by `'\t'` (a spanning cell's text
    /// appears once, at its top-left position).
    pub fn assemble(raw: RawDocument, format: Format) -> Document {
        let mut text = String::new();
        let mut chars = 0usize;
        let mut blocks = Vec::with_capacity(raw.blocks.len());
        let mut tables = Vec::new();
        let mut blank_lines: Vec<(usize, u32)> = Vec::new();
        let mut columns: Vec<ColumnLine> = Vec::new();
        let mut pages: Vec<(usize, u32)> = Vec::new();
        // The next paragraph's columns, its start not yet known.
        let mut pending_columns: Option<ColumnLine> = None;
        let mut nbsp_runs: Vec<(usize, Vec<u32>)> = Vec::new();
        let mut pending_nbsp: Option<Vec<u32>> = None;
        let push = |text: &mut String, chars: &mut usize, s: &str| {
            text.push_str(s);
            *chars += s.chars().count();
        };
        for block in raw.blocks {
            if let RawBlock::BlankLines(n) = block {
                if !text.is_empty() && n > 0 {
                    match blank_lines.last_mut() {
                        Some((at, k)) if *at == chars => *k += n,
                        _ => blank_lines.push((chars, n)),
                    }
                }
                continue;
            }
            if let RawBlock::Page(page) = block {
                pages.push((chars, page));
                continue;
            }
            if let RawBlock::Columns { page, words, marks } = block {
                pending_columns = Some(ColumnLine { start: 0, page, words, marks });
                continue;
            }
            if let RawBlock::NbspRuns(runs) = block {
                pending_nbsp = Some(runs);
                continue;
            }
            if !text.is_empty() {
                push(&mut text, &mut chars, "\n");
            }
            let start = chars;
            match block {
                RawBlock::Paragraph(p) => {
                    if let Some(line) = pending_columns.take() {
                        columns.push(ColumnLine { start, ..line });
                    }
                    if let Some(runs) = pending_nbsp.take() {
                        nbsp_runs.push((start, runs));
                    }
                    push(&mut text, &mut chars, &p);
                    blocks.push(Block { kind: BlockKind::Paragraph, span: [start, chars] });
                }
                RawBlock::Table(t) => {
                    let mut cells: Vec<Cell> = t
                        .cells
                        .into_iter()
                        .map(|c| Cell {
                            text: c.text,
                            span: [0, 0],
                            row: c.row,
                            col: c.col,
                            rowspan: c.rowspan,
                            colspan: c.colspan,
                            header: c.header,
                            evidence: c.evidence,
                            marked: c.marked,
                        })
                        .collect();
                    // Cells appear in text in grid order (row by row), at their origin.
                    for r in 0..t.n_rows {
                        if r > 0 {
                            push(&mut text, &mut chars, "\n");
                        }
                        let mut first = true;
                        for c in 0..t.n_cols {
                            let Some(idx) = t.grid[r * t.n_cols + c] else { continue };
                            let cell = &mut cells[idx as usize];
                            if cell.row != r || cell.col != c {
                                continue;
                            }
                            if !first {
                                push(&mut text, &mut chars, "\t");
                            }
                            first = false;
                            let s = chars;
                            push(&mut text, &mut chars, &cell.text);
                            cell.span = [s, chars];
                        }
                    }
                    let idx = tables.len();
                    tables.push(Table {
                        n_rows: t.n_rows,
                        n_cols: t.n_cols,
                        cells,
                        grid: t.grid,
                        span: [start, chars],
                        exact: t.exact,
                    });
                    blocks.push(Block { kind: BlockKind::Table(idx), span: [start, chars] });
                }
                RawBlock::BlankLines(_) | RawBlock::Columns { .. } | RawBlock::NbspRuns(_) | RawBlock::Page(_) => {}
            }
            pending_columns = None;
            pending_nbsp = None;
        }
        Document {
            format,
            text,
            blocks,
            tables,
            panel: raw.panel,
            html_title: raw.html_title,
            blank_lines,
            columns,
            nbsp_runs,
            pages,
        }
    }

    /// The document of one part of a compilation: the blocks starting inside `chars` (a
    /// character range of this document's text, indexed by `idx`), laid out anew so that spans
    /// point into the part's text. Costs the part's size, not the document's (a compilation of
    /// 20,000 parts was quadratic).
    #[must_use]
    pub fn slice(&self, idx: &CharIndex<'_>, chars: std::ops::Range<usize>) -> Document {
        // Blocks are laid out in order, so their starts are sorted.
        let first = self.blocks.partition_point(|b| b.span[0] < chars.start);
        let last = self.blocks.partition_point(|b| b.span[0] < chars.end);
        let mut blocks = Vec::new();
        let mut prev_end: Option<usize> = None;
        for b in &self.blocks[first..last.max(first)] {
            if let Some(end) = prev_end {
                // `blank_lines` is in text order: find the runs recorded at `end`.
                let at = self.blank_lines.partition_point(|(pos, _)| *pos < end);
                let n: u32 = self.blank_lines[at..].iter().take_while(|(pos, _)| *pos == end).map(|(_, n)| *n).sum();
                if n > 0 {
                    blocks.push(RawBlock::BlankLines(n));
                }
            }
            prev_end = Some(b.span[1]);
            match b.kind {
                BlockKind::Paragraph => {
                    // The paragraph's bytes copied whole: collected a character at a time, each
                    // encoded again, they cost a compilation ~45 instructions a character.
                    let (s, e) = (idx.byte_at(b.span[0]), idx.byte_at(b.span[1]));
                    blocks.push(RawBlock::Paragraph(self.text[s..e.max(s)].to_owned()));
                }
                BlockKind::Table(i) => {
                    let Some(t) = self.tables.get(i) else { continue };
                    let cells = t
                        .cells
                        .iter()
                        .map(|c| RawCell {
                            text: c.text.clone(),
                            row: c.row,
                            col: c.col,
                            rowspan: c.rowspan,
                            colspan: c.colspan,
                            header: c.header,
                            evidence: c.evidence,
                            marked: c.marked.clone(),
                        })
                        .collect();
                    blocks.push(RawBlock::Table(RawTable {
                        n_rows: t.n_rows,
                        n_cols: t.n_cols,
                        cells,
                        grid: t.grid.clone(),
                        exact: t.exact,
                    }));
                }
            }
        }
        Document::assemble(RawDocument { blocks, panel: Vec::new(), html_title: None }, self.format)
    }
}

/// Maps byte offsets of a `str` to character offsets (regex gives bytes; spans are characters).
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// Characters before byte `k * BLOCK`, for every block and the end.
    blocks: Vec<usize>,
}

/// Bytes per checkpoint of a [`CharIndex`]: a lookup counts at most this many bytes.
const BLOCK: usize = 64;

/// Eight bytes as a word, the first in its lowest byte.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(bytes);
    u64::from_le_bytes(b)
}

/// 1 in each byte of `w` that is a UTF-8 continuation byte (`0b10xx_xxxx`: bit 7 set and bit
/// 6, shifted up into bit 7's place, clear), 0 in the others.
#[inline]
fn continuation_flags(w: u64) -> u64 {
    (w & !(w << 1) & 0x8080_8080_8080_8080) >> 7
}

/// The sum of `w`'s eight bytes, where it is at most 255.
#[inline]
fn byte_sum(w: u64) -> usize {
    (w.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The characters of `text`, in a vector of their number: collected unsized, a text of
/// Chinese (three bytes a character, sized for four) grew and was copied once more.
pub(crate) fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(count_char_starts(text.as_bytes()));
    chars.extend(text.chars());
    chars
}

/// How many characters start in `bytes` (bytes that are no UTF-8 continuation byte
/// `0b10xx_xxxx`), eight bytes at a time.
pub(crate) fn count_char_starts(bytes: &[u8]) -> usize {
    let mut continuation = 0usize;
    // Per-byte counts over 31 words at most (each byte ≤ 31, the eight of them ≤ 248),
    // added across the bytes by one multiplication.
    let mut words = bytes.chunks_exact(8);
    loop {
        let mut acc = 0u64;
        let mut n = 0;
        for w in words.by_ref().take(31) {
            acc += continuation_flags(word(w));
            n += 1;
        }
        continuation += byte_sum(acc);
        if n < 31 {
            break;
        }
    }
    continuation += words.remainder().iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuation
}

/// Byte offsets of character offsets of one text asked in ascending order, found in one walk
/// over it: eight bytes at a time over the characters passed (counted by their lead bytes),
/// where a walk by `char_indices` decoded each of them.
pub(crate) struct CharCursor<'a> {
    text: &'a [u8],
    /// The character reached and its byte offset (the text's length past its last character).
    char_at: usize,
    byte_at: usize,
}

impl<'a> CharCursor<'a> {
    pub(crate) fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor { text: text.as_bytes(), char_at: 0, byte_at: 0 }
    }

    /// The byte offset of character `c` (the text's length past its last character), or of the
    /// character reached when `c` lies before it: the cursor never goes back.
    pub(crate) fn byte_of(&mut self, c: usize) -> usize {
        if c <= self.char_at {
            return self.byte_at;
        }
        let b = self.text;
        // Lead bytes to pass from `byte_at` on (the one there, character `char_at`'s, first):
        // the next one after them starts character `c`.
        let mut need = c - self.char_at;
        let mut p = self.byte_at;
        while let Some(w) = b.get(p..p + 8) {
            let leads = 8 - byte_sum(continuation_flags(word(w)));
            if leads > need {
                break;
            }
            need -= leads;
            p += 8;
        }
        while p < b.len() {
            if b[p] & 0xC0 != 0x80 {
                if need == 0 {
                    break;
                }
                need -= 1;
            }
            p += 1;
        }
        self.char_at = c;
        self.byte_at = p;
        p
    }
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> CharIndex<'a> {
        // One count of the characters starting in each block (a byte that is not a UTF-8
        // continuation byte starts one): a few bytes per block, where a mark per
        // non-ASCII character was 24 bytes each, built several times per document.
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut chars = 0usize;
        blocks.push(0);
        for block in bytes.chunks(BLOCK) {
            chars += count_char_starts(block);
            blocks.push(chars);
        }
        CharIndex { text: bytes, blocks }
    }

    /// Character offset of byte offset `byte` (a char boundary, or the text's length).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = byte / BLOCK;
        self.blocks[k] + count_char_starts(&self.text[k * BLOCK..byte])
    }

    /// Byte offset of character offset `c` (the text's length past its last character).
    pub fn byte_at(&self, c: usize) -> usize {
        // The last checkpoint with at most `c` characters before it: character `c` starts
        // within the block after it.
        let k = self.blocks.partition_point(|&n| n <= c) - 1;
        let mut n = self.blocks[k];
        for (i, &b) in self.text.iter().enumerate().skip(k * BLOCK) {
            if b & 0xC0 != 0x80 {
                if n == c {
                    return i;
                }
                n += 1;
            }
        }
        self.text.len()
    }

    /// Character span of a byte range.
    pub fn span(&self, bytes: std::ops::Range<usize>) -> Span {
        [self.char_at(bytes.start), self.char_at(bytes.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_starts_are_counted_over_any_length() {
        let text = "ab政府x信息公开 12 é𠀀z".repeat(40);
        for end in (0..text.len()).filter(|&e| text.is_char_boundary(e)) {
            assert_eq!(count_char_starts(&text.as_bytes()[..end]), text[..end].chars().count(), "{end}");
        }
    }

    #[test]
    fn char_cursor_walks_as_char_indices() {
        for text in ["ab政府x信息公开 12 é𠀀z".repeat(9), "a".repeat(40), "政".repeat(30), String::new()] {
            let n = text.chars().count();
            // The byte of every character, and past the end, from every step apart.
            let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            for step in 1..20 {
                let mut cur = CharCursor::new(&text);
                let mut c = 0;
                while c <= n + 3 {
                    assert_eq!(cur.byte_of(c), byte(c), "step {step} char {c}");
                    // Asked again, or for a character before it: where it stands.
                    assert_eq!(cur.byte_of(c.saturating_sub(1)), byte(c), "step {step} char {c}");
                    c += step;
                }
            }
        }
    }

    #[test]
    fn char_index_matches_char_counting() {
        // Across many checkpoints, and ending exactly on one.
        for text in ["ab政府x信息公开 12 é𠀀z".repeat(9), "a".repeat(128), "政".repeat(64), String::new()] {
            let idx = CharIndex::new(&text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_at(bi), ci, "byte {bi}");
            }
            assert_eq!(idx.char_at(text.len()), text.chars().count());
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.byte_at(ci), bi, "char {ci}");
            }
            let n = text.chars().count();
            assert_eq!((idx.byte_at(n), idx.byte_at(n + 7)), (text.len(), text.len()));
        }
    }

    #[test]
    fn assemble_points_spans_at_cells_and_paragraphs() {
        let mut t = RawTable { n_rows: 2, n_cols: 2, ..Default::default() };
        t.cells.push(RawCell { text: "总计".into(), row: 0, col: 0, rowspan: 2, colspan: 1, ..Default::default() });
        t.cells.push(RawCell { text: "5".into(), row: 0, col: 1, rowspan: 1, colspan: 1, ..Default::default() });
        t.cells.push(RawCell { text: "７".into(), row: 1, col: 1, rowspan: 1, colspan: 1, ..Default::default() });
        t.grid = vec![Some(0), Some(1), Some(0), Some(2)];
        let raw = RawDocument {
            blocks: vec![RawBlock::Paragraph("一、总体情况".into()), RawBlock::Table(t)],
            ..Default::default()
        };
        let doc = Document::assemble(raw, Format::Html);
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |s: Span| chars[s[0]..s[1]].iter().collect::<String>();
        assert_eq!(slice(doc.blocks[0].span), "一、总体情况");
        let table = &doc.tables[0];
        assert_eq!(slice(table.at(1, 0).unwrap().span), "总计");
        assert_eq!(slice(table.at(1, 1).unwrap().span), "７");
        assert_eq!(table.text_at(0, 1), "5");
    }
}
