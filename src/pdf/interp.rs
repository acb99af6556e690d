//! The content-stream interpreter: runs a page's drawing operators and keeps what the layout
//! needs — every glyph with its Unicode text and box, the thin straight lines and rectangles
//! that can be table rules, and how many images were drawn. Coordinates are PDF points from
//! the page's top-left corner (the page's rotation applied).

use std::collections::HashMap;
use std::rc::Rc;

use super::file::PdfFile;
use super::font::{Font, Glyph};
use super::object::{Dict, Lexer, Obj, Token};

/// Thickest line or filled rectangle still taken for a table rule (points).
pub(super) const MAX_RULE: f64 = 3.0;
/// Deepest nesting of form XObjects.
const MAX_FORM_DEPTH: usize = 8;
/// Most operators run for one document (a bound on work: never hang).
pub(super) const MAX_OPS: usize = 20_000_000;
/// Most glyphs kept for one document.
pub(super) const MAX_GLYPHS: usize = 4_000_000;
/// Most operands kept on the stack.
const MAX_OPERANDS: usize = 1 << 16;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct PGlyph {
    pub text: String,
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    /// The font size as drawn (points).
    pub size: f64,
    pub vertical: bool,
}

impl PGlyph {
    pub(super) fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    pub(super) fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

/// A ruling line (its centre line): horizontal when `y0 == y1`, vertical when `x0 == x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rule {
    pub(super) fn horizontal(&self) -> bool {
        self.y0 == self.y1
    }
}

#[derive(Debug, Default)]
pub(super) struct PageContent {
    pub height: f64,
    pub glyphs: Vec<PGlyph>,
    pub rules: Vec<Rule>,
    pub images: usize,
    /// Glyphs with text by the direction their baseline runs on the page: right, down, left,
    /// up (a page whose text runs down was drawn turned a quarter against its `/Rotate`).
    pub runs: [usize; 4],
}

type M = [f64; 6];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn finite(m: &M) -> bool {
    m.iter().all(|v| v.is_finite() && v.abs() < 1e7)
}

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
    line_width: f64,
    fill_white: bool,
    /// Text filled this colour is a watermark's (light grey or lighter): not the report's.
    fill_light: bool,
    /// Text filled this transparent (`/ca` of an `ExtGState`) is a watermark's.
    fill_faint: bool,
    stroke_white: bool,
}

impl GState {
    /// A fill colour set (`g`, `rg`, `k`, `sc`, `scn`).
    fn fill_colour(&mut self, op: &[u8], ops: &[Obj]) {
        self.fill_white = is_white(ops);
        // One operand of `sc` may be a spot colour's tint (1 is full ink): only device gray,
        // RGB and CMYK say how light.
        let device = !matches!(op, b"sc" | b"scn") || ops.len() >= 3;
        self.fill_light = device && lightness(ops).is_some_and(|l| l >= LIGHT);
    }

    /// A graphics state dictionary applied (`/GS0 gs`): its fill opacity (`/ca`).
    fn ext_state(&mut self, file: &PdfFile, resources: &Dict, ops: &[Obj]) {
        let states = file.get_key(resources, b"ExtGState");
        let state = ops.first().and_then(Obj::as_name).and_then(|n| states.as_dict()?.get(n).cloned());
        if let Some(state) = state.map(|s| file.resolve(&s)) {
            if let Some(alpha) = state.as_dict().and_then(|d| file.get_key(d, b"ca").as_f64()) {
                self.fill_faint = alpha < FAINT;
            }
        }
    }
}

/// Shared across the pages of one document: fonts parsed once, the work budgets.
#[derive(Default)]
pub(super) struct Interp {
    fonts: HashMap<u32, Rc<Font>>,
    pub ops: usize,
    pub glyph_count: usize,
}

struct Run<'p> {
    out: &'p mut PageContent,
    gs: GState,
    stack: Vec<GState>,
    tm: M,
    tlm: M,
    /// Current path: segments in page space, and the rectangles among them.
    segs: Vec<((f64, f64), (f64, f64))>,
    rects: Vec<(f64, f64, f64, f64)>,
    start: (f64, f64),
    cur: (f64, f64),
    /// Points of the current subpath (to recognise a closed 4-corner rectangle).
    sub: Vec<(f64, f64)>,
    glyph_buf: Vec<Glyph>,
    /// Open marked-content sequences, innermost last: each with the text that replaces the
    /// glyphs drawn inside it (its `/ActualText`), if it has one.
    marked: Vec<Option<Actual>>,
}

/// A marked-content sequence with `/ActualText`: its glyphs are not the text; the string is
/// (empty for a synthetic bold's second pass of the same glyphs, wkhtmltopdf's
/// `/Span << /ActualText () >> BDC`).
struct Actual {
    text: String,
    /// The boxes (x0, top, x1, bottom) of the glyphs drawn inside it so far.
    drawn: Vec<[f64; 4]>,
    /// The font size and writing direction of the first of them.
    size: f64,
    vertical: bool,
}

impl Actual {
    /// A sequence whose `/ActualText` is the PDF text string `t`.
    fn new(t: &[u8]) -> Actual {
        let text = super::text_string(t).chars().filter(|c| !c.is_control()).take(MAX_ACTUAL).collect();
        Actual { text, drawn: Vec::new(), size: 0.0, vertical: false }
    }
}

/// Most characters of an `/ActualText` string, and glyph boxes kept for one (bounds on work).
const MAX_ACTUAL: usize = 4096;

/// Most marked-content sequences open at once (a bound on work).
const MAX_MARKED: usize = 64;

impl Interp {
    /// Runs one page. `base` maps user space to top-left page space.
    pub(super) fn page(
        &mut self,
        file: &PdfFile,
        contents: &[u8],
        resources: &Dict,
        base: M,
        width: f64,
        height: f64,
    ) -> PageContent {
        let _ = width;
        let mut out = PageContent { height, ..Default::default() };
        let gs = GState {
            ctm: base,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
            line_width: 1.0,
            fill_white: false,
            fill_light: false,
            fill_faint: false,
            stroke_white: false,
        };
        let mut run = Run {
            out: &mut out,
            gs,
            stack: Vec::new(),
            tm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            tlm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            segs: Vec::new(),
            rects: Vec::new(),
            start: (0.0, 0.0),
            cur: (0.0, 0.0),
            sub: Vec::new(),
            glyph_buf: Vec::new(),
            marked: Vec::new(),
        };
        self.exec(file, contents, resources, &mut run, 0);
        while !run.marked.is_empty() {
            run.end_marked();
        }
        out
    }

    fn font(&mut self, file: &PdfFile, resources: &Dict, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = file.get_key(resources, b"Font");
        let entry = fonts.as_dict()?.get(name)?.clone();
        if let Obj::Ref(n, _) = entry {
            if let Some(f) = self.fonts.get(&n) {
                return Some(f.clone());
            }
            let d = file.get(n)?;
            let f = Rc::new(Font::load(file, d.as_dict()?));
            self.fonts.insert(n, f.clone());
            return Some(f);
        }
        Some(Rc::new(Font::load(file, entry.as_dict()?)))
    }

    fn exec(&mut self, file: &PdfFile, data: &[u8], resources: &Dict, run: &mut Run, depth: usize) {
        let mut lx = Lexer::new(data, 0);
        let mut ops: Vec<Obj> = Vec::new();
        // The `/ActualText` of the property list among the operands, if any.
        let mut actual: Option<Vec<u8>> = None;
        while let Some(tok) = lx.token() {
            let op = match tok {
                Token::Obj(o) => {
                    if ops.len() < MAX_OPERANDS {
                        ops.push(o);
                    }
                    continue;
                }
                Token::ArrayStart => {
                    let mut items = Vec::new();
                    loop {
                        match lx.token() {
                            None | Some(Token::ArrayEnd) => break,
                            Some(Token::Obj(o)) => items.push(o),
                            Some(Token::Keyword(_)) => break,
                            _ => {}
                        }
                    }
                    if ops.len() < MAX_OPERANDS {
                        ops.push(Obj::Array(Rc::new(items)));
                    }
                    continue;
                }
                Token::DictStart => {
                    actual = skip_dict(&mut lx);
                    ops.push(Obj::Null);
                    continue;
                }
                Token::ArrayEnd | Token::DictEnd => continue,
                Token::Keyword(k) => k,
            };
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            let num = |i: usize| ops.get(i).and_then(Obj::as_f64).unwrap_or(0.0);
            let nums = |n: usize| -> Option<Vec<f64>> {
                if ops.len() < n {
                    return None;
                }
                ops[ops.len() - n..].iter().map(Obj::as_f64).collect()
            };
            match op {
                b"q" if run.stack.len() < 256 => run.stack.push(run.gs.clone()),
                b"Q" => {
                    if let Some(g) = run.stack.pop() {
                        run.gs = g;
                    }
                }
                b"cm" => {
                    if let Some(v) = nums(6) {
                        let m: M = [v[0], v[1], v[2], v[3], v[4], v[5]];
                        let c = mul(&m, &run.gs.ctm);
                        if finite(&c) {
                            run.gs.ctm = c;
                        }
                    }
                }
                b"w" => run.gs.line_width = num(0).abs(),
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => run.gs.fill_colour(op, &ops),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => run.gs.stroke_white = is_white(&ops),
                b"BT" => {
                    run.tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                    run.tlm = run.tm;
                }
                b"Tf" => {
                    run.gs.size = num(1);
                    run.gs.font = ops.first().and_then(Obj::as_name).and_then(|n| self.font(file, resources, n));
                }
                b"gs" => run.gs.ext_state(file, resources, &ops),
                b"Tc" => run.gs.tc = num(0),
                b"Tw" => run.gs.tw = num(0),
                b"Tz" => run.gs.th = num(0) / 100.0,
                b"TL" => run.gs.tl = num(0),
                b"Ts" => run.gs.rise = num(0),
                b"Td" => run.next_line(num(0), num(1)),
                b"TD" => {
                    run.gs.tl = -num(1);
                    run.next_line(num(0), num(1));
                }
                b"Tm" => {
                    if let Some(v) = nums(6) {
                        let m: M = [v[0], v[1], v[2], v[3], v[4], v[5]];
                        if finite(&m) {
                            run.tm = m;
                            run.tlm = m;
                        }
                    }
                }
                b"T*" => run.next_line(0.0, -run.gs.tl),
                b"Tj" => {
                    if let Some(Obj::Str(s)) = ops.last() {
                        self.show(run, s);
                    }
                }
                b"'" => {
                    run.next_line(0.0, -run.gs.tl);
                    if let Some(Obj::Str(s)) = ops.last() {
                        self.show(run, s);
                    }
                }
                b"\"" => {
                    run.gs.tw = num(0);
                    run.gs.tc = num(1);
                    run.next_line(0.0, -run.gs.tl);
                    if let Some(Obj::Str(s)) = ops.last() {
                        self.show(run, s);
                    }
                }
                b"TJ" => {
                    if let Some(Obj::Array(items)) = ops.last() {
                        for it in items.iter() {
                            match it {
                                Obj::Str(s) => self.show(run, s),
                                o => {
                                    if let Some(n) = o.as_f64() {
                                        let tx = -n / 1000.0 * run.gs.size * run.gs.th;
                                        let vertical = run.gs.font.as_ref().is_some_and(|f| f.vertical);
                                        let t: M = if vertical {
                                            [1.0, 0.0, 0.0, 1.0, 0.0, -n / 1000.0 * run.gs.size]
                                        } else {
                                            [1.0, 0.0, 0.0, 1.0, tx, 0.0]
                                        };
                                        run.tm = mul(&t, &run.tm);
                                    }
                                }
                            }
                        }
                    }
                }
                b"m" => {
                    let p = run.pt(num(0), num(1));
                    run.start = p;
                    run.cur = p;
                    run.sub.clear();
                    run.sub.push(p);
                }
                b"l" => {
                    let p = run.pt(num(0), num(1));
                    run.segs.push((run.cur, p));
                    run.cur = p;
                    run.sub.push(p);
                }
                b"c" => run.cur = run.pt(num(4), num(5)),
                b"v" | b"y" => run.cur = run.pt(num(2), num(3)),
                b"h" => {
                    if run.cur != run.start {
                        run.segs.push((run.cur, run.start));
                    }
                    run.close_sub();
                    run.cur = run.start;
                }
                b"re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let ps = [run.pt(x, y), run.pt(x + w, y), run.pt(x + w, y + h), run.pt(x, y + h)];
                    for i in 0..4 {
                        run.segs.push((ps[i], ps[(i + 1) % 4]));
                    }
                    run.add_rect(&ps);
                    run.start = ps[0];
                    run.cur = ps[0];
                    run.sub.clear();
                }
                b"S" | b"s" => {
                    run.close_sub();
                    run.paint(true, false);
                }
                b"f" | b"F" | b"f*" => {
                    run.close_sub();
                    run.paint(false, true);
                }
                b"B" | b"B*" | b"b" | b"b*" => {
                    run.close_sub();
                    run.paint(true, true);
                }
                b"n" => run.clear_path(),
                b"Do" => {
                    if let Some(name) = ops.first().and_then(Obj::as_name) {
                        self.xobject(file, resources, name, run, depth);
                    }
                }
                b"BMC" if run.marked.len() < MAX_MARKED => run.marked.push(None),
                b"BDC" if run.marked.len() < MAX_MARKED => {
                    // The property list inline, or named in the resources' `/Properties`.
                    let text = actual.take().or_else(|| named_actual_text(file, resources, ops.get(1)?));
                    run.marked.push(text.map(|t| Actual::new(&t)));
                }
                b"EMC" => run.end_marked(),
                b"BI" => {
                    skip_inline_image(data, &mut lx);
                    run.out.images += 1;
                }
                _ => {}
            }
            ops.clear();
            actual = None;
        }
    }

    fn xobject(&mut self, file: &PdfFile, resources: &Dict, name: &[u8], run: &mut Run, depth: usize) {
        let xo = file.get_key(resources, b"XObject");
        let Some(entry) = xo.as_dict().and_then(|d| d.get(name)) else { return };
        let Obj::Stream(s) = file.resolve(entry) else { return };
        match s.dict.get(b"Subtype").and_then(Obj::as_name) {
            Some(b"Image") => run.out.images += 1,
            Some(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(data) = file.decode(&s) else { return };
                let saved = run.gs.clone();
                if let Obj::Array(m) = file.get_key(&s.dict, b"Matrix") {
                    let v: Vec<f64> = m.iter().filter_map(Obj::as_f64).collect();
                    if v.len() == 6 {
                        let c = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &run.gs.ctm);
                        if finite(&c) {
                            run.gs.ctm = c;
                        }
                    }
                }
                let res = match file.get_key(&s.dict, b"Resources") {
                    Obj::Dict(d) => d,
                    _ => resources.clone(),
                };
                let (tm, tlm) = (run.tm, run.tlm);
                let depth_before = run.stack.len();
                self.exec(file, &data, &res, run, depth + 1);
                run.stack.truncate(depth_before);
                run.gs = saved;
                run.tm = tm;
                run.tlm = tlm;
            }
            _ => {}
        }
    }

    fn show(&mut self, run: &mut Run, s: &[u8]) {
        let Some(font) = run.gs.font.clone() else { return };
        run.glyph_buf.clear();
        font.glyphs(s, &mut run.glyph_buf);
        let gs = &run.gs;
        let fs = gs.size;
        for g in &run.glyph_buf {
            let trm_base: M = [fs * gs.th, 0.0, 0.0, fs, 0.0, gs.rise];
            let trm = mul(&mul(&trm_base, &run.tm), &gs.ctm);
            let corners = if font.vertical { [(-0.5, -0.88), (0.5, 0.12)] } else { [(0.0, -0.12), (g.width, 0.88)] };
            let (ax, ay) = apply(&trm, corners[0].0, corners[0].1);
            let (bx, by) = apply(&trm, corners[1].0, corners[1].1);
            let (cx, cy) = apply(&trm, corners[0].0, corners[1].1);
            let (dx, dy) = apply(&trm, corners[1].0, corners[0].1);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            // A watermark (`仅供参考` across the page, pale or set diagonally) is no text of
            // the report: its digits would land in the table's cells.
            let watermark = gs.fill_light || gs.fill_faint || oblique(&trm);
            let finite_box = [ax, ay, bx, by].iter().all(|v| v.is_finite());
            // The glyph's box on the page: x0, top, x1, bottom.
            let bbox = || {
                [
                    ax.min(bx).min(cx).min(dx),
                    ay.min(by).min(cy).min(dy),
                    ax.max(bx).max(cx).max(dx),
                    ay.max(by).max(cy).max(dy),
                ]
            };
            if let Some(actual) = run.marked.iter_mut().find_map(Option::as_mut) {
                // Inside an `/ActualText` sequence: the glyph's box only, for the text.
                if !watermark && finite_box && actual.drawn.len() < MAX_ACTUAL {
                    if actual.drawn.is_empty() {
                        (actual.size, actual.vertical) = (size, font.vertical);
                    }
                    actual.drawn.push(bbox());
                }
            } else if !watermark && self.glyph_count < MAX_GLYPHS && finite_box {
                let text = g.text.clone();
                if !text.trim().is_empty() {
                    self.glyph_count += 1;
                    run.out.runs[direction(&trm)] += 1;
                    let [x0, top, x1, bottom] = bbox();
                    run.out.glyphs.push(PGlyph { text, x0, top, x1, bottom, size, vertical: font.vertical });
                } else if text.is_empty() {
                    // A glyph the font gives no text for: counted for the decodability check.
                    self.glyph_count += 1;
                    run.out.glyphs.push(PGlyph { text, x0: ax, top: ay, x1: bx, bottom: by, size, vertical: false });
                }
            }
            let spacing = gs.tc + if g.is_space { gs.tw } else { 0.0 };
            let t: M = if font.vertical {
                [1.0, 0.0, 0.0, 1.0, 0.0, -(fs + spacing)]
            } else {
                [1.0, 0.0, 0.0, 1.0, (g.width * fs + spacing) * gs.th, 0.0]
            };
            run.tm = mul(&t, &run.tm);
        }
    }
}

/// Skips an inline image (its `BI` read): to the `EI` after the `ID` data.
fn skip_inline_image(data: &[u8], lx: &mut Lexer<'_>) {
    let Some(i) = memchr::memmem::find(&data[lx.pos..], b"ID") else { return };
    let mut p = lx.pos + i + 3;
    lx.pos = data.len();
    while let Some(j) = memchr::memmem::find(&data[p.min(data.len())..], b"EI") {
        let at = p + j;
        let before = at == 0 || super::object::is_white(data[at - 1]);
        let after = data.get(at + 2).is_none_or(|&c| super::object::is_white(c));
        if before && after {
            lx.pos = at + 2;
            return;
        }
        p = at + 2;
    }
}

/// Skips a dictionary of a content stream (its `<<` read) but for its `/ActualText` string,
/// returned (a marked-content property list).
fn skip_dict(lx: &mut Lexer<'_>) -> Option<Vec<u8>> {
    let (mut depth, mut key, mut actual) = (1usize, false, None);
    while depth > 0 {
        let tok = lx.token();
        match tok {
            None => break,
            Some(Token::DictStart) => depth += 1,
            Some(Token::DictEnd) => depth -= 1,
            Some(Token::Obj(Obj::Str(ref t))) if depth == 1 && key => actual = Some(t.clone()),
            _ => {}
        }
        key = depth == 1 && matches!(tok, Some(Token::Obj(Obj::Name(ref n))) if n == b"ActualText");
    }
    actual
}

/// The `/ActualText` of a property list named in the resources' `/Properties`.
fn named_actual_text(file: &PdfFile, resources: &Dict, name: &Obj) -> Option<Vec<u8>> {
    let props = file.get_key(resources, b"Properties");
    let entry = props.as_dict()?.get(name.as_name()?)?.clone();
    match file.resolve(&entry) {
        Obj::Dict(d) => match file.get_key(&d, b"ActualText") {
            Obj::Str(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// Where the baseline of text drawn with `trm` runs on the page (y grows down): 0 right,
/// 1 down, 2 left, 3 up.
fn direction(trm: &M) -> usize {
    let (dx, dy) = (trm[0], trm[1]);
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 {
            0
        } else {
            2
        }
    } else if dy > 0.0 {
        1
    } else {
        3
    }
}

/// How light a fill colour must be (0 black, 1 white) for its text to be a watermark's: the
/// report's text is dark, a watermark's pale grey.
const LIGHT: f64 = 0.75;

/// How light a colour is white (a filled white rectangle is no rule).
const WHITE: f64 = 0.99;

/// Least opacity (`/ca`) of the report's own text: text filled fainter is a watermark.
const FAINT: f64 = 0.6;

/// Most a baseline may lean off the page's axes (radians) and still be the report's text:
/// text set diagonally is a watermark.
const MAX_LEAN: f64 = 0.17;

/// The lightness of a gray, RGB or CMYK colour's operands (the darkest component).
fn lightness(ops: &[Obj]) -> Option<f64> {
    let v: Vec<f64> = ops.iter().filter_map(Obj::as_f64).collect();
    match v.len() {
        1 | 3 => v.iter().copied().reduce(f64::min),
        4 => v.iter().copied().reduce(f64::max).map(|k| 1.0 - k),
        _ => None,
    }
}

/// Whether text drawn with `trm` runs diagonally (off the page's axes by more than
/// [`MAX_LEAN`]).
fn oblique(trm: &M) -> bool {
    let angle = trm[1].atan2(trm[0]).abs() % std::f64::consts::FRAC_PI_2;
    angle > MAX_LEAN && angle < std::f64::consts::FRAC_PI_2 - MAX_LEAN
}

/// Whether a gray, RGB or CMYK colour's operands are white.
fn is_white(ops: &[Obj]) -> bool {
    lightness(ops).is_some_and(|l| l >= WHITE)
}

impl Run<'_> {
    /// Closes the innermost marked-content sequence: one with `/ActualText` puts its text where
    /// its glyphs were drawn: a character a glyph where they are as many, else the glyphs'
    /// box shared out among the characters along the line.
    fn end_marked(&mut self) {
        let Some(Some(Actual { text, drawn, size, vertical })) = self.marked.pop() else { return };
        let chars: Vec<char> = text.chars().collect();
        if drawn.is_empty() || chars.is_empty() {
            return;
        }
        let all = drawn.iter().fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |u, d| {
            [u[0].min(d[0]), u[1].min(d[1]), u[2].max(d[2]), u[3].max(d[3])]
        });
        let n = chars.len() as f64;
        for (i, c) in chars.iter().enumerate() {
            let [x0, top, x1, bottom] = if drawn.len() == chars.len() {
                drawn[i]
            } else {
                let (a, b) = (i as f64 / n, (i + 1) as f64 / n);
                if vertical {
                    [all[0], all[1] + a * (all[3] - all[1]), all[2], all[1] + b * (all[3] - all[1])]
                } else {
                    [all[0] + a * (all[2] - all[0]), all[1], all[0] + b * (all[2] - all[0]), all[3]]
                }
            };
            if c.is_whitespace() {
                continue;
            }
            self.out.runs[usize::from(vertical)] += 1;
            self.out.glyphs.push(PGlyph { text: c.to_string(), x0, top, x1, bottom, size, vertical });
        }
    }

    fn pt(&self, x: f64, y: f64) -> (f64, f64) {
        apply(&self.gs.ctm, x, y)
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn close_sub(&mut self) {
        if self.sub.len() >= 3 {
            let xs = self.sub.iter().map(|p| p.0);
            let ys = self.sub.iter().map(|p| p.1);
            let (x0, x1) = (xs.clone().fold(f64::MAX, f64::min), xs.fold(f64::MIN, f64::max));
            let (y0, y1) = (ys.clone().fold(f64::MAX, f64::min), ys.fold(f64::MIN, f64::max));
            // A thin closed shape (a bevelled border piece, as browsers draw them) is a rule
            // whatever its corners; a wide one counts only when it is an upright rectangle.
            if (x1 - x0).min(y1 - y0) <= MAX_RULE {
                self.rects.push((x0, y0, x1, y1));
            } else if self.sub.len() == 4 || (self.sub.len() == 5 && near(self.sub[0], self.sub[4])) {
                let ps = [self.sub[0], self.sub[1], self.sub[2], self.sub[3]];
                self.add_rect(&ps);
            }
        }
        self.sub.clear();
    }

    /// Records an axis-aligned rectangle (any other quadrilateral is ignored).
    fn add_rect(&mut self, ps: &[(f64, f64); 4]) {
        let xs = ps.map(|p| p.0);
        let ys = ps.map(|p| p.1);
        let (x0, x1) = (xs.iter().copied().fold(f64::MAX, f64::min), xs.iter().copied().fold(f64::MIN, f64::max));
        let (y0, y1) = (ys.iter().copied().fold(f64::MAX, f64::min), ys.iter().copied().fold(f64::MIN, f64::max));
        let aligned = ps.iter().all(|p| {
            ((p.0 - x0).abs() < 0.5 || (p.0 - x1).abs() < 0.5) && ((p.1 - y0).abs() < 0.5 || (p.1 - y1).abs() < 0.5)
        });
        if aligned {
            self.rects.push((x0, y0, x1, y1));
        }
    }

    fn clear_path(&mut self) {
        self.segs.clear();
        self.rects.clear();
        self.sub.clear();
    }

    fn paint(&mut self, stroke: bool, fill: bool) {
        let scale = (self.gs.ctm[0] * self.gs.ctm[3] - self.gs.ctm[1] * self.gs.ctm[2]).abs().sqrt();
        let lw = (self.gs.line_width * scale).max(0.1);
        if stroke && !self.gs.stroke_white && lw <= MAX_RULE {
            for &((ax, ay), (bx, by)) in &self.segs {
                if (ay - by).abs() < 0.5 && (ax - bx).abs() > 0.5 {
                    let y = (ay + by) / 2.0;
                    self.out.rules.push(Rule { x0: ax.min(bx), y0: y, x1: ax.max(bx), y1: y });
                } else if (ax - bx).abs() < 0.5 && (ay - by).abs() > 0.5 {
                    let x = (ax + bx) / 2.0;
                    self.out.rules.push(Rule { x0: x, y0: ay.min(by), x1: x, y1: ay.max(by) });
                }
            }
        }
        if fill && !self.gs.fill_white {
            for &(x0, y0, x1, y1) in &self.rects {
                let (w, h) = (x1 - x0, y1 - y0);
                if h <= MAX_RULE && w > h && w >= 1.0 {
                    let y = (y0 + y1) / 2.0;
                    self.out.rules.push(Rule { x0, y0: y, x1, y1: y });
                } else if w <= MAX_RULE && h > w && h >= 1.0 {
                    let x = (x0 + x1) / 2.0;
                    self.out.rules.push(Rule { x0: x, y0, x1: x, y1 });
                }
            }
        }
        if self.out.rules.len() > 1_000_000 {
            self.out.rules.truncate(1_000_000);
        }
        self.clear_path();
    }
}

fn near(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() < 0.5
}
