//! Tables pandas printed with `DataFrame.to_string()` (its default keeps the index): a header of
//! the column numbers (`0  1  2  3`) over rows each opening with its row number (`3  行政规范性文件
//! 1  1  40`). The row numbers would be read as values of the rows' first column; the header, as
//! a row of numbers.

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

/// How many columns a header line numbers (`0  1  2  3` → 4), or 0 when it is no such line.
fn numbering_width(line: &str) -> usize {
    let words: Vec<&str> = line.split_whitespace().collect();
    let numbered = words.iter().enumerate().all(|(k, w)| w.parse::<usize>().ok() == Some(k));
    if numbered {
        words.len()
    } else {
        0
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
