//! Tables drawn with borders in text: box-drawing characters (`┌──┬──┐`, `│74 │-8 │`, as w3m
//! and other text browsers print HTML tables) or ASCII grid tables (`+----+----+`, `| a  | b  |`).
//! Each cell is the region its borders enclose, found by filling the drawing: a cell merged over
//! rows or columns is one region, however many rows or columns of the grid it covers.

use crate::document::{RawCell, RawTable};

use super::is_wide;

/// Most lines and display columns of one bordered table.
const MAX_LINES: usize = 2_000;
const MAX_WIDTH: usize = 1_000;

/// Characters of a box-drawing border: verticals, horizontals, junctions and corners.
fn is_box(c: char) -> bool {
    matches!(c as u32, 0x2500..=0x257F)
}

fn is_box_horizontal(c: char) -> bool {
    matches!(c, '─' | '━' | '═' | '┄' | '┈' | '╌')
}

/// `line` from display column `margin` on (a wide character two columns), or from character
/// `margin` (Links pads by characters), where a border starts there; else `None`.
fn beyond_margin(line: &str, margin: usize) -> Option<&str> {
    if margin == 0 || line.len() <= margin {
        return None;
    }
    let starts_border = |s: &str| s.starts_with(|c: char| is_box(c) || c == '|' || c == '+');
    let mut width = 0;
    for (n, (at, c)) in line.char_indices().enumerate() {
        if (width == margin || n == margin) && starts_border(&line[at..]) {
            return Some(&line[at..]);
        }
        if width > margin && n > margin {
            return None;
        }
        width += if is_wide(c) { 2 } else { 1 };
    }
    None
}

/// Whether a line is part of a bordered table: it starts (after indentation) with a border.
fn table_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(|c: char| is_box(c) && !is_box_horizontal(c)) || t.starts_with('|') || ascii_border(t)
}

/// The characters of an ASCII line that rule a border: runs of three `-` or `=` or more
/// (alignment colons among them) that meet a `+` or `|` (`|----+----|`; a cell merged over rows
/// prints its text on the same line, `| （三）不予公开 |------+----|`). A minus sign or a
/// dash inside a cell is no rule.
fn ascii_rules(chars: &[char]) -> Vec<bool> {
    let mut rule = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !matches!(chars[i], '-' | '=' | ':') {
            i += 1;
            continue;
        }
        let a = i;
        while i < chars.len() && matches!(chars[i], '-' | '=' | ':') {
            i += 1;
        }
        let dashes = chars[a..i].iter().filter(|&&c| c != ':').count();
        let meets = |c: Option<&char>| matches!(c, Some('+' | '|'));
        if dashes >= 3 && (meets(a.checked_sub(1).map(|k| &chars[k])) || meets(chars.get(i))) {
            rule[a..i].iter_mut().for_each(|r| *r = true);
        }
    }
    rule
}

/// An ASCII border line: `+----+----+`, `+====+`, `|    +----+` (a cell merged over rows).
fn ascii_border(t: &str) -> bool {
    let t = t.trim_end();
    t.contains("+-") || t.contains("+=") || t.contains("-+") || t.contains("=+")
}

pub(super) fn ascii_border_line(line: &str) -> bool {
    let t = line.trim();
    ascii_border(t) && t.chars().all(|c| matches!(c, '+' | '-' | '=' | '|' | ':' | ' '))
}

/// A bordered table starting at line `i`: the line after it and the table. Starts at a top
/// border (`┌`, `╔`, `+-`); ends at the last line of the border's block.
pub(super) fn bordered_table<'a>(lines: &[&'a str], i: usize) -> Option<(usize, RawTable)> {
    let first = lines[i].trim_start();
    let boxed = first.starts_with(['┌', '╔', '┏']);
    if !(boxed || first.starts_with('+') && ascii_border_line(first)) {
        return None;
    }
    // Only at the start of a block of border lines: a block that is no table is tried once.
    if i > 0 && table_line(lines[i - 1]) {
        return None;
    }
    // The frame's left edge: a line with text left of it (a page's sidebar beside the table,
    // `导航    │…│`, w3m printing a layout table's cell next to the one holding the table)
    // is the table's from the edge on.
    let margin = lines[i].len() - first.len();
    // A line that does not start with the frame, from the frame's edge on.
    let sidebar = |line: &'a str| -> Option<&'a str> {
        if table_line(line) {
            return None;
        }
        let rest = beyond_margin(line, margin)?;
        table_line(rest).then_some(rest)
    };
    let last = lines.len().min(i + MAX_LINES);
    let end = (i..last).find(|&j| !table_line(lines[j]) && sidebar(lines[j]).is_none()).unwrap_or(last);
    if end - i < 3 {
        return None;
    }
    // (Such a line's text left of the edge is blanked: the frame stays where it is drawn.)
    let edged: Vec<std::borrow::Cow<'a, str>> = lines[i..end]
        .iter()
        .map(|&l| match sidebar(l) {
            Some(rest) => format!("{}{rest}", " ".repeat(margin)).into(),
            None => l.into(),
        })
        .collect();
    let edged: Vec<&str> = edged.iter().map(|l| &**l).collect();
    let lines = &edged[..];
    // Text browsers pad cells by display width (a Chinese character two columns) or by
    // characters (Links): the measure under which the vertical borders line up, at fewer
    // distinct columns.
    // A measure under which a vertical border meets a horizontal rule or a cell's text above
    // or below it is not the one the borders were drawn in; where neither measure lines them
    // up (Links at its default width cuts a header's cells, not the rows'), the drawing is no
    // grid to read.
    let by_width = canvas(lines, boxed, true).filter(Drawing::lined_up);
    let drawing = if lines.iter().any(|l| l.chars().any(is_wide)) {
        let by_chars = canvas(lines, boxed, false).filter(Drawing::lined_up);
        match (by_width, by_chars) {
            (Some(w), Some(c)) if c.walls.len() < w.walls.len() => c,
            (Some(w), _) => w,
            (None, c) => c?,
        }
    } else {
        by_width?
    };
    Some((end, read(drawing)?))
}

impl Drawing {
    /// Whether every vertical border of a line of cells meets a border in the lines above and
    /// below it: a wall or a junction, or the outer frame's rule (Links draws its top and
    /// bottom lines without junctions).
    fn lined_up(&self) -> bool {
        let h = self.canvas.len();
        let meets = |n: usize, x: usize| match self.canvas[n][x] {
            Mark::Wall { vertical: true } => true,
            Mark::Wall { vertical: false } => n == 0 || n + 1 == h,
            _ => false,
        };
        (0..h).filter(|&y| !self.border_rows[y]).all(|y| {
            self.walls.iter().all(|&x| {
                !matches!(self.canvas[y][x], Mark::Wall { vertical: true })
                    || [y.checked_sub(1), (y + 1 < h).then_some(y + 1)].into_iter().flatten().all(|n| meets(n, x))
            })
        })
    }
}

/// A bordered table laid out in columns (`canvas`).
struct Drawing {
    /// Each line's positions, padded to one width.
    canvas: Vec<Vec<Mark>>,
    /// Which lines are horizontal borders.
    border_rows: Vec<bool>,
    /// The columns where a vertical border stands in some line.
    walls: Vec<usize>,
}

/// One position of the drawing: a wall, or a character of a cell.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Wall {
        vertical: bool,
    },
    Text(char),
    Space,
    /// The second display column of a wide character.
    Pad,
}

/// The drawing: each line's positions in display columns (`wide`: a wide character two) or
/// characters.
fn canvas(lines: &[&str], boxed: bool, wide: bool) -> Option<Drawing> {
    let mut canvas: Vec<Vec<Mark>> = Vec::with_capacity(lines.len());
    let mut border_rows: Vec<bool> = Vec::with_capacity(lines.len());
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        let rule = if boxed { vec![false; chars.len()] } else { ascii_rules(&chars) };
        let border = if boxed { chars.iter().any(|&c| is_box_horizontal(c)) } else { rule.contains(&true) };
        let mut row = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            let joins_rule = |i: usize| (i > 0 && rule[i - 1]) || rule.get(i + 1) == Some(&true);
            let mark = if boxed && is_box(c) {
                Mark::Wall { vertical: !is_box_horizontal(c) }
            } else if !boxed && (c == '|' || (c == '+' && joins_rule(i))) {
                Mark::Wall { vertical: true }
            } else if rule[i] {
                Mark::Wall { vertical: false }
            } else if c.is_whitespace() {
                Mark::Space
            } else {
                Mark::Text(c)
            };
            row.push(mark);
            if wide && is_wide(c) {
                row.push(Mark::Pad);
            }
            if row.len() > MAX_WIDTH {
                return None;
            }
        }
        canvas.push(row);
        border_rows.push(border);
    }
    let width = canvas.iter().map(Vec::len).max()?;
    for row in &mut canvas {
        row.resize(width, Mark::Space);
    }
    let walls = (0..width).filter(|&x| canvas.iter().any(|r| matches!(r[x], Mark::Wall { vertical: true }))).collect();
    Some(Drawing { canvas, border_rows, walls })
}

fn read(Drawing { canvas, border_rows, walls: xs }: Drawing) -> Option<RawTable> {
    let width = canvas.first()?.len();
    let height = canvas.len();
    // Grid lines: the columns where a vertical wall stands, the lines of horizontal borders.
    let ys: Vec<usize> = (0..height).filter(|&y| border_rows[y]).collect();
    if xs.len() < 3 || ys.len() < 2 {
        return None;
    }
    // Fill each region of non-wall positions; a region touching the drawing's edge lies
    // outside the table.
    let mut region = vec![vec![usize::MAX; width]; height];
    // Each inner region: `([first, last] column, [first, last] line, its text)`.
    let mut cells: Vec<([usize; 2], [usize; 2], String)> = Vec::new();
    let mut stack = Vec::new();
    let mut id = 0;
    for y0 in 0..height {
        for x0 in 0..width {
            if region[y0][x0] != usize::MAX || matches!(canvas[y0][x0], Mark::Wall { .. }) {
                continue;
            }
            id += 1;
            let (mut minx, mut maxx, mut miny, mut maxy) = (x0, x0, y0, y0);
            let mut edge = false;
            stack.push((x0, y0));
            region[y0][x0] = id;
            while let Some((x, y)) = stack.pop() {
                (minx, maxx, miny, maxy) = (minx.min(x), maxx.max(x), miny.min(y), maxy.max(y));
                edge |= x == 0 || y == 0 || x + 1 == width || y + 1 == height;
                let mut visit = |nx: usize, ny: usize| {
                    if region[ny][nx] == usize::MAX && !matches!(canvas[ny][nx], Mark::Wall { .. }) {
                        region[ny][nx] = id;
                        stack.push((nx, ny));
                    }
                };
                if x > 0 {
                    visit(x - 1, y);
                }
                if x + 1 < width {
                    visit(x + 1, y);
                }
                if y > 0 {
                    visit(x, y - 1);
                }
                if y + 1 < height {
                    visit(x, y + 1);
                }
            }
            if !edge {
                cells.push(([minx, maxx], [miny, maxy], region_text(&canvas, &region, id, [minx, maxx], [miny, maxy])));
            }
        }
    }
    let n_cols = xs.len() - 1;
    let n_rows = ys.len() - 1;
    let mut table = RawTable {
        n_rows,
        n_cols,
        cells: Vec::with_capacity(cells.len()),
        grid: vec![None; n_rows * n_cols],
        exact: true,
    };
    for ([minx, maxx], [miny, maxy], text) in cells {
        // The walls around the region are grid lines; a region between other walls (a
        // drawing the grid lines do not describe) makes no table.
        let col = xs.iter().position(|&x| x + 1 == minx)?;
        let col_end = xs.iter().position(|&x| x == maxx + 1)?;
        let row = ys.iter().position(|&y| y + 1 == miny)?;
        let row_end = ys.iter().position(|&y| y == maxy + 1)?;
        if col_end <= col || row_end <= row {
            return None;
        }
        table.cells.push(RawCell {
            text,
            row,
            col,
            rowspan: row_end - row,
            colspan: col_end - col,
            header: false,
            evidence: None,
            marked: Vec::new(),
        });
    }
    // In document order; regions overlapping in the grid make no table.
    table.cells.sort_by_key(|c| (c.row, c.col));
    for (i, c) in table.cells.iter().enumerate() {
        let index = u32::try_from(i).ok()?;
        for r in c.row..c.row + c.rowspan {
            for k in c.col..c.col + c.colspan {
                let slot = &mut table.grid[r * n_cols + k];
                if slot.is_some() {
                    return None;
                }
                *slot = Some(index);
            }
        }
    }
    Some(table)
}

/// The text of region `id`: each line's characters in it, the lines joined (a label wrapped in
/// its cell reads whole: `1.属于国` / `家秘密`; words of other scripts a space apart).
fn region_text(
    canvas: &[Vec<Mark>],
    region: &[Vec<usize>],
    id: usize,
    [x0, x1]: [usize; 2],
    [y0, y1]: [usize; 2],
) -> String {
    let mut out = String::new();
    for y in y0..=y1 {
        let line: String = (x0..=x1)
            .filter(|&x| region[y][x] == id)
            .filter_map(|x| match canvas[y][x] {
                Mark::Text(c) => Some(c),
                Mark::Pad => None,
                _ => Some(' '),
            })
            .collect();
        let piece = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if piece.is_empty() {
            continue;
        }
        let joins_close = out.chars().next_back().is_some_and(is_wide) || piece.chars().next().is_some_and(is_wide);
        if !out.is_empty() && !joins_close {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_text_left_of_the_frame_is_the_tables_from_the_frame_on() {
        // w3m: a sidebar cell's word on a line of a table set in the next cell.
        let lines = ["    ┌──┬──┐", "    │a │1 │", "导航├──┼──┤", "    │b │2 │", "    └──┴──┘", "正文"];
        let (end, t) = bordered_table(&lines, 0).expect("a table");
        assert_eq!((end, t.n_rows, t.n_cols), (5, 2, 2));
        assert_eq!(beyond_margin("导航├──┼──┤", 4), Some("├──┼──┤"));
        // (Links pads by characters: the frame at character 4.)
        assert_eq!(beyond_margin("导航甲乙│x│", 4), Some("│x│"));
        assert_eq!(beyond_margin("导航说明文字很长│x│", 4), None);
    }

    fn texts(t: &RawTable) -> Vec<Vec<String>> {
        (0..t.n_rows)
            .map(|r| (0..t.n_cols).map(|c| t.at(r, c).map_or(String::new(), |x| x.text.clone())).collect())
            .collect()
    }

    #[test]
    fn box_drawing_with_merged_cells() {
        let lines = [
            "┌────────┬───────────┐",
            "│        │ 申请人情况│",
            "│ 项目   ├─────┬─────┤",
            "│        │自然 │总计 │",
            "│        │ 人  │     │",
            "├────────┼─────┼─────┤",
            "│1.属于国│74   │-8   │",
            "│家秘密  │     │     │",
            "└────────┴─────┴─────┘",
            "after",
        ];
        let (end, t) = bordered_table(&lines, 0).expect("a table");
        assert_eq!(end, 9);
        assert_eq!((t.n_rows, t.n_cols), (3, 3));
        assert_eq!(
            texts(&t),
            [["项目", "申请人情况", "申请人情况"], ["项目", "自然人", "总计"], ["1.属于国家秘密", "74", "-8"]]
        );
        assert_eq!((t.cells[0].rowspan, t.cells[1].colspan), (2, 2));
    }

    #[test]
    fn ascii_grid_table() {
        let lines = ["+-----+------+", "| a   | 12   |", "+=====+======+", "| b c | -3   |", "+-----+------+"];
        let (end, t) = bordered_table(&lines, 0).expect("a table");
        assert_eq!(end, 5);
        assert_eq!(texts(&t), [["a", "12"], ["b c", "-3"]]);
    }

    #[test]
    fn ascii_merged_label_printed_on_a_rule_line() {
        // Links: a label merged over two rows prints on the line that rules them apart; a
        // minus sign in a cell is no rule.
        let lines = [
            "+-------------------+",
            "|     | 1.甲 | -8   |",
            "| 乙  |------+------|",
            "|     | 2.丙 | 5    |",
            "+-------------------+",
        ];
        let (_, t) = bordered_table(&lines, 0).expect("a table");
        assert_eq!(texts(&t), [["乙", "1.甲", "-8"], ["乙", "2.丙", "5"]]);
    }

    #[test]
    fn borders_that_do_not_line_up_are_no_grid() {
        // Links at its default width: the header's cells cut against the rows' (the row's wall
        // after `1` stands under the text `y` of the line above): no measure lines the borders
        // up, so no grid is read from it (the row's `1`s would land in other cells).
        let lines = [
            "+----------------+",
            "|a  |b      |c   |",
            "|---+-------+----|",
            "|x  |y      |z   |",
            "|   |1  |   |1   |",
            "+----------------+",
        ];
        assert!(bordered_table(&lines, 0).is_none());
        let lines = [
            "+----------------+",
            "|a  |b      |c   |",
            "|---+-------+----|",
            "|   |1      |1   |",
            "+----------------+",
        ];
        let (_, t) = bordered_table(&lines, 0).expect("a table");
        assert_eq!(texts(&t), [["a", "b", "c"], ["", "1", "1"]]);
    }

    #[test]
    fn not_a_table() {
        assert!(bordered_table(&["+ one", "| two"], 0).is_none());
        assert!(bordered_table(&["┌──┐", "└──┘"], 0).is_none());
    }
}
