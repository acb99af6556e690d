//! Tables as pandas prints a `DataFrame` whose columns have no names (`read_html` of a page): a
//! header of the column numbers (`0  1  2  3`, `| 0 | 1 | 2 |`) and, by default, an index column
//! of the row numbers (`3  行政规范性文件  1  1  40`, `|  3 | 一、本年新收… | 31 |`), in
//! `to_string()`'s aligned text and `to_markdown()`'s pipe rows. The row numbers would be read as
//! values of the rows' first column; the header, as a row of numbers.

use super::Field;

/// The text with each such table's header line dropped and its row numbers blanked (spaces, so the
/// columns stay where they were printed), or `None` when it holds none.
pub(super) fn strip_index(text: &str) -> Option<String> {
    // (Row 0 opens a line: most texts hold none, and are not walked.)
    if !text.starts_with("0 ") && !text.contains("\n0 ") && !text.contains("\n0\t") {
        return None;
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let n = numbering_width(lines[i]);
        let rows = if n >= 2 { indexed_rows(&lines[i + 1..]) } else { 0 };
        if rows < 3 {
            out.push_str(lines[i]);
            i += 1;
            continue;
        }
        changed = true;
        for line in &lines[i + 1..=i + rows] {
            let indent = line.len() - line.trim_start().len();
            let digits = line[indent..].bytes().take_while(u8::is_ascii_digit).count();
            out.push_str(&line[..indent]);
            out.extend(std::iter::repeat_n(' ', digits));
            out.push_str(&line[indent + digits..]);
        }
        i += rows + 1;
    }
    changed.then_some(out)
}

/// How many words there are when they number the columns, `0`, `1`, `2` …; else 0.
fn numbered<'a>(words: impl IntoIterator<Item = &'a str>) -> usize {
    let mut n = 0;
    for w in words {
        if w.trim().parse::<usize>().ok() != Some(n) {
            return 0;
        }
        n += 1;
    }
    n
}

/// How many columns a header line numbers (`0  1  2  3` → 4), or 0 when it is no such line.
fn numbering_width(line: &str) -> usize {
    numbered(line.split_whitespace())
}

/// A pipe header row numbering the columns, `0`, `1`, `2` … (three at least), over an index
/// column or not (`to_markdown()`'s default: its header cell empty, `|    | 0 | 1 |`).
pub(super) fn numbering(row: &[Field]) -> bool {
    let row = match row.split_first() {
        Some((first, rest)) if first.text.trim().is_empty() => rest,
        _ => row,
    };
    numbered(row.iter().map(|f| f.text.as_str())) >= 3
}

/// Drops the index column `to_markdown()` prints first (`|  3 | 一、本年新收… | 31 | 3 | …`): a
/// first column of the row numbers, one more each row, from 0 (or on from a table cut at a page
/// break), its header cell empty.
pub(super) fn drop_index_column(rows: &mut [Vec<Field>]) {
    let firsts: Vec<&str> = rows.iter().map(|r| r.first().map_or("", |f| f.text.trim())).collect();
    let body = firsts.iter().skip_while(|t| t.is_empty()).copied().collect::<Vec<_>>();
    if body.len() < 3 || firsts.len() - body.len() > 1 {
        return;
    }
    let numbers: Option<Vec<usize>> = body.iter().map(|t| t.parse().ok()).collect();
    let index = numbers.is_some_and(|n| n.windows(2).all(|w| w[1] == w[0] + 1));
    if index {
        for r in rows.iter_mut().filter(|r| !r.is_empty()) {
            r.remove(0);
        }
    }
}

/// How many lines from the first open with their row number, 0, 1, 2 …, then a space.
fn indexed_rows(lines: &[&str]) -> usize {
    lines
        .iter()
        .enumerate()
        .take_while(|(k, line)| {
            let t = line.trim_start();
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && t[..digits].parse::<usize>().ok() == Some(*k) && t[digits..].starts_with([' ', '\t'])
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dataframes_index_and_column_numbers_are_dropped() {
        let t = "二、主动公开\n     0    1    2\n0  规章    0    0\n1  文件    1   40\n2  许可  730  730\n正文\n";
        let out = strip_index(t).unwrap();
        assert_eq!(out, "二、主动公开\n   规章    0    0\n   文件    1   40\n   许可  730  730\n正文\n");
        // Numbers that do not count the rows from 0 are no index.
        assert!(strip_index("     0    1    2\n1  规章    0    0\n2  文件    1   40\n3  许可  730  730\n").is_none());
    }
}
