//! `t2s=False`: the readers read a Traditional document on its Simplified fold (their
//! labels, grammar and rules are written in Simplified), and the report then gets the
//! printed characters back — its `text` and every string quoted from it.
//!
//! The fold keeps every string's length in characters (each OpenCC mapping does), so a
//! character offset into the folded text is the same place in the printed one: a string
//! with a span, or found in the folded text, is cut from the printed text at the same
//! place. A string the readers assembled (an agency from a title and a panel, a heading
//! without its number) is mapped character by character, where the document folded that
//! character from one printed character only.

use crate::document::{CharIndex, Span};
use crate::hashing::FastMap;
use crate::model::{CellReading, Report, Section, TableReading};

/// Puts the printed characters back into `report`, read on `folded` (its `text`), whose
/// printed form is `printed`. Returns false, leaving the report as read, when the two do
/// not line up character for character (never for a fold of this crate's tables).
pub fn restore(report: &mut Report, folded: &str, printed: &str) -> bool {
    let Some(m) = Mapper::new(folded, printed) else { return false };
    m.report(report);
    true
}

struct Mapper<'a> {
    folded: &'a str,
    index: CharIndex<'a>,
    fc: Vec<char>,
    pc: Vec<char>,
    /// Folded character → the printed character it came from, `None` when it came from
    /// several (发 from 發 and 髮).
    back: FastMap<char, Option<char>>,
}

impl<'a> Mapper<'a> {
    fn new(folded: &'a str, printed: &str) -> Option<Mapper<'a>> {
        let fc: Vec<char> = folded.chars().collect();
        let pc: Vec<char> = printed.chars().collect();
        if fc.len() != pc.len() {
            return None;
        }
        let mut back: FastMap<char, Option<char>> = FastMap::default();
        for (&f, &p) in fc.iter().zip(&pc) {
            if f != p {
                let e = back.entry(f).or_insert(Some(p));
                if *e != Some(p) {
                    *e = None;
                }
            }
        }
        Some(Mapper { folded, index: CharIndex::new(folded), fc, pc, back })
    }

    /// The printed form of `s`, a string of the folded text (at `at` when given); `None`
    /// when `s` holds no folded character.
    fn printed(&self, s: &str, at: Option<Span>) -> Option<String> {
        if !s.chars().any(|c| self.back.contains_key(&c)) {
            return None;
        }
        let n = s.chars().count();
        let same_at = |a: usize| a + n <= self.fc.len() && self.fc[a..a + n].iter().copied().eq(s.chars());
        let start =
            at.map(|[a, _]| a).filter(|&a| same_at(a)).or_else(|| self.folded.find(s).map(|b| self.index.char_at(b)));
        Some(match start {
            Some(a) => self.pc[a..a + n].iter().collect(),
            None => s.chars().map(|c| self.back.get(&c).copied().flatten().unwrap_or(c)).collect(),
        })
    }

    fn string(&self, s: &mut String, at: Option<Span>) {
        if let Some(p) = self.printed(s, at) {
            *s = p;
        }
    }

    fn option(&self, s: &mut Option<String>) {
        if let Some(s) = s {
            self.string(s, None);
        }
    }

    fn report(&self, r: &mut Report) {
        r.text = self.pc.iter().collect();
        self.option(&mut r.title);
        self.option(&mut r.agency);
        self.option(&mut r.published);
        self.option(&mut r.written);
        self.option(&mut r.index_number);
        self.sections(&mut r.sections);
        for t in
            [&mut r.tables.proactive, &mut r.tables.requests, &mut r.tables.review_litigation].into_iter().flatten()
        {
            self.table(t);
        }
        for f in &mut r.facts {
            self.string(&mut f.label, None);
            if let Some(u) = &mut f.unit {
                self.string(u, Some(f.span));
            }
            self.string(&mut f.sentence, None);
        }
        for part in &mut r.parts {
            // A part's text is a stretch of the whole; its spans count from its own start.
            let Some(b) = self.folded.find(part.text.as_str()) else { continue };
            let a = self.index.char_at(b);
            let n = part.text.chars().count();
            let printed: String = self.pc[a..a + n].iter().collect();
            let folded = part.text.clone();
            restore(part, &folded, &printed);
        }
    }

    fn sections(&self, sections: &mut [Section]) {
        for s in sections {
            self.string(&mut s.heading, None);
            if let Some(n) = &mut s.number {
                self.string(n, None);
            }
            self.sections(&mut s.children);
        }
    }

    fn table(&self, t: &mut TableReading) {
        for (_, row) in &mut t.cells.0 {
            for (_, c) in &mut row.0 {
                self.cell(c);
            }
        }
        for row in &mut t.extra_rows {
            self.string(&mut row.label, None);
            for c in &mut row.cells {
                self.cell(c);
            }
        }
    }

    fn cell(&self, c: &mut CellReading) {
        self.string(&mut c.raw, Some(c.span));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_by_place_then_by_character() {
        let folded = "发展局发布：头发";
        let printed = "發展侷發佈：頭髮";
        let m = Mapper::new(folded, printed).unwrap();
        // Found in the text: cut at the same place (髮 is right there, not 發).
        assert_eq!(m.printed("头发", None).as_deref(), Some("頭髮"));
        assert_eq!(m.printed("发", Some([7, 8])).as_deref(), Some("髮"));
        // Assembled: mapped character by character; 发 is ambiguous here and stays.
        assert_eq!(m.printed("局发展", None).as_deref(), Some("侷发展"));
        // Nothing folded: nothing to do.
        assert_eq!(m.printed("12", None), None);
        assert!(Mapper::new("发", "發發").is_none());
    }
}
