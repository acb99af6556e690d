//! Markdown tables printed inside a cell of another (markitdown of a page whose content sits in a
//! layout table: the inner table's rows joined by spaces into the outer cell, `… | 35 | | 二、上年
//! 结转… | | | 0 | …`). The inner table's separator row (`| --- | --- |` in mid-line) tells its
//! column count; its rows are then the runs of that many cells that follow, each row's closing
//! pipe and the next row's opening pipe a pair (`| |`) that would otherwise read as an empty cell.

/// The text with every table printed inside a line set out as lines of its own (the rest of the
/// line as prose, without its pipes), or `None` when no line holds one.
pub(super) fn unnest(text: &str) -> Option<String> {
    if !text.lines().any(|l| inner_separator(l, 0).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if inner_separator(body, 0).is_none() {
            out.push_str(line);
            continue;
        }
        let mut at = 0;
        while let Some((sep, sep_end, n)) = inner_separator(body, at) {
            let Some(head) = row_start_before(body, at, sep, n) else { break };
            let (rows, end) = rows_after(body, sep_end, n);
            if rows.is_empty() {
                break;
            }
            prose(&mut out, &body[at..head]);
            out.push_str("\n\n");
            out.push_str(body[head..sep].trim());
            out.push('\n');
            out.push_str(body[sep..sep_end].trim());
            out.push('\n');
            for r in rows {
                out.push_str(r);
                out.push('\n');
            }
            out.push('\n');
            at = end;
        }
        prose(&mut out, &body[at..]);
        out.push('\n');
    }
    Some(out)
}

/// The rest of a line as prose: its pipes (the outer table's) as spaces.
fn prose(out: &mut String, s: &str) {
    let t = s.replace('|', " ");
    let t = t.trim();
    if !t.is_empty() {
        out.push_str(t);
        out.push('\n');
    }
}

/// The first separator row inside `line` from `from` on, past the line's start (a run of two or
/// more `| --- |` cells): its start, end (after its closing pipe) and number of cells.
fn inner_separator(line: &str, from: usize) -> Option<(usize, usize, usize)> {
    let b = line.as_bytes();
    let mut i = from;
    while let Some(p) = line[i..].find("| -").or_else(|| line[i..].find("|-")).map(|p| i + p) {
        let (end, n) = separator_run(b, p);
        // (Mid-line: some text of the line stands before it, not the separator row's own cells.)
        if n >= 2 && line[..p].chars().any(|c| !matches!(c, '|' | '-' | ':' | ' ' | '\t')) {
            return Some((p, end, n));
        }
        i = p + 1;
    }
    None
}

/// From a pipe at `p`: the end of the run of separator cells (`| --- | :---: |`) and their count.
fn separator_run(b: &[u8], p: usize) -> (usize, usize) {
    let (mut i, mut n, mut end) = (p, 0, p);
    while i < b.len() && b[i] == b'|' {
        let mut j = i + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let colon = j < b.len() && b[j] == b':';
        let k0 = j + usize::from(colon);
        let mut k = k0;
        while k < b.len() && b[k] == b'-' {
            k += 1;
        }
        if k - k0 < 3 {
            break;
        }
        if k < b.len() && b[k] == b':' {
            k += 1;
        }
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        if k >= b.len() || b[k] != b'|' {
            break;
        }
        n += 1;
        end = k + 1;
        i = k;
    }
    (end, n)
}

/// Where the header row of `n` cells right before the separator at `sep` opens: the `n + 1`-th
/// pipe back from the separator, not before `from`.
fn row_start_before(line: &str, from: usize, sep: usize, n: usize) -> Option<usize> {
    let pipes: Vec<usize> = line[from..sep].match_indices('|').map(|(i, _)| from + i).collect();
    (pipes.len() > n).then(|| pipes[pipes.len() - n - 1])
}

/// The rows of `n` cells after a separator ending at `from`, each `| c1 | … | cn |`, up to the
/// first that is not one, has no cell of text, or opens with a value (out of step); and where
/// they end.
fn rows_after(line: &str, from: usize, n: usize) -> (Vec<&str>, usize) {
    let mut rows = Vec::new();
    let mut at = from;
    loop {
        let start = at + (line.len() - at - line[at..].trim_start().len());
        if !line[start..].starts_with('|') {
            break;
        }
        let mut end = start + 1;
        let mut cells = 0;
        let mut text = false;
        let mut first_is_number = false;
        while cells < n {
            let Some(p) = line[end..].find('|') else { return (rows, at) };
            let cell = line[end..end + p].trim();
            text |= !cell.is_empty();
            first_is_number |= cells == 0 && !cell.is_empty() && cell.bytes().all(|c| c.is_ascii_digit());
            end += p + 1;
            cells += 1;
        }
        if first_is_number {
            // A row of fewer cells (merged ones) put the grouping out of step: a row opening with
            // a value, and the row before it, which took that row's cells, are not the table's.
            rows.pop();
            break;
        }
        if !text {
            break;
        }
        rows.push(&line[start..end]);
        at = end;
    }
    (rows, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_inside_a_cell_is_set_out_in_rows() {
        let line = "| 首页 | 某局2023年报告 二、主动公开 | | | |  | | --- | --- | --- | | 一、新收 | 3 | 4 | | 二、结转 | | 1 | 四、复议 | |";
        let out = unnest(line).unwrap();
        let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(
            lines,
            [
                "首页   某局2023年报告 二、主动公开",
                "| | |  |",
                "| --- | --- | --- |",
                "| 一、新收 | 3 | 4 |",
                "| 二、结转 | | 1 |",
                "四、复议"
            ]
        );
        assert!(unnest("| a | b |\n| --- | --- |\n| 1 | 2 |").is_none());
        assert!(unnest("| a | b | c |\n| -------- | --- | :---: |\n| 1 | 2 | 3 |").is_none());
    }
}
