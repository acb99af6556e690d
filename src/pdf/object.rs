//! PDF objects and their syntax (ISO 32000 §7.2–7.3): a lexer over bytes that never panics,
//! with nesting depth bounded.

use std::rc::Rc;

/// Deepest array/dictionary nesting read; deeper input is cut (the rest becomes `Null`).
pub(super) const MAX_DEPTH: usize = 48;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    /// Arrays and dictionaries are shared, not copied, when an object is handed out again.
    Array(Rc<Vec<Obj>>),
    Dict(Dict),
    Ref(u32, u16),
    /// A stream: its dictionary and the byte range of its (still encoded) data in the file.
    Stream(Rc<Stream>),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Stream {
    pub dict: Dict,
    pub start: usize,
    pub end: usize,
    /// Object number and generation, for decryption.
    pub id: (u32, u16),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Dict(pub Rc<Vec<(Vec<u8>, Obj)>>);

impl Dict {
    pub(super) fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Obj {
    pub(super) fn as_f64(&self) -> Option<f64> {
        match *self {
            Obj::Int(i) => Some(i as f64),
            Obj::Real(r) if r.is_finite() => Some(r),
            _ => None,
        }
    }
    pub(super) fn as_i64(&self) -> Option<i64> {
        match *self {
            Obj::Int(i) => Some(i),
            Obj::Real(r) if r.is_finite() => Some(r as i64),
            _ => None,
        }
    }
    pub(super) fn as_name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    pub(super) fn as_dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) => Some(d),
            Obj::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }
    pub(super) fn as_array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
    pub(super) fn as_str(&self) -> Option<&[u8]> {
        match self {
            Obj::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// PDF whitespace.
pub(super) fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0)
}

/// PDF delimiters.
pub(super) fn is_delim(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// A token of the content-stream or object syntax.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    Obj(Obj),
    /// A bare keyword (an operator in a content stream, `obj`, `R`, `stream` …).
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
}

pub(super) struct Lexer<'a> {
    pub b: &'a [u8],
    pub pos: usize,
}

fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    pub(super) fn new(b: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer { b, pos }
    }

    pub(super) fn skip_white(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while let Some(&c) = self.b.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, `None` at the end of input.
    pub(super) fn token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let c = *self.b.get(self.pos)?;
        match c {
            b'[' => {
                self.pos += 1;
                Some(Token::ArrayStart)
            }
            b']' => {
                self.pos += 1;
                Some(Token::ArrayEnd)
            }
            b'<' if self.b.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(Token::DictStart)
            }
            b'>' if self.b.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Some(Token::DictEnd)
            }
            b'<' => Some(Token::Obj(Obj::Str(self.hex_string()))),
            b'(' => Some(Token::Obj(Obj::Str(self.literal_string()))),
            b'/' => Some(Token::Obj(Obj::Name(self.name()))),
            b'{' | b'}' | b')' | b'>' => {
                self.pos += 1;
                Some(Token::Keyword(&self.b[self.pos - 1..self.pos]))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(self.number()),
            _ => {
                let start = self.pos;
                while self.b.get(self.pos).is_some_and(|&c| !is_white(c) && !is_delim(c)) {
                    self.pos += 1;
                }
                let word = &self.b[start..self.pos];
                Some(match word {
                    b"true" => Token::Obj(Obj::Bool(true)),
                    b"false" => Token::Obj(Obj::Bool(false)),
                    b"null" => Token::Obj(Obj::Null),
                    _ => Token::Keyword(word),
                })
            }
        }
    }

    fn number(&mut self) -> Token<'a> {
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(|&c| matches!(c, b'+' | b'-' | b'.' | b'0'..=b'9')) {
            self.pos += 1;
        }
        let s = &self.b[start..self.pos];
        let neg = s.first() == Some(&b'-');
        let digits: Vec<u8> = s.iter().copied().filter(|c| c.is_ascii_digit() || *c == b'.').collect();
        if !digits.contains(&b'.') {
            let mut v: i64 = 0;
            for d in &digits {
                v = v.saturating_mul(10).saturating_add(i64::from(d - b'0'));
            }
            return Token::Obj(Obj::Int(if neg { -v } else { v }));
        }
        // The first '.' is the point; others (malformed) are dropped.
        let mut v = 0f64;
        let mut scale = 0f64;
        for &d in &digits {
            if d == b'.' {
                if scale == 0.0 {
                    scale = 1.0;
                }
                continue;
            }
            if scale == 0.0 {
                v = v * 10.0 + f64::from(d - b'0');
            } else {
                scale /= 10.0;
                v += f64::from(d - b'0') * scale;
            }
        }
        let v = if v.is_finite() { v } else { 0.0 };
        Token::Obj(Obj::Real(if neg { -v } else { v }))
    }

    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(&c) = self.b.get(self.pos) {
            if is_white(c) || is_delim(c) {
                break;
            }
            if c == b'#' {
                if let (Some(h), Some(l)) = (
                    self.b.get(self.pos + 1).and_then(|&x| hex_val(x)),
                    self.b.get(self.pos + 2).and_then(|&x| hex_val(x)),
                ) {
                    out.push(h * 16 + l);
                    self.pos += 3;
                    continue;
                }
            }
            out.push(c);
            self.pos += 1;
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = hex_val(c) {
                match hi.take() {
                    Some(h) => out.push(h * 16 + v),
                    None => hi = Some(v),
                }
            }
        }
        if let Some(h) = hi {
            out.push(h * 16);
        }
        out
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&c) = self.b.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.b.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.b.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.b.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Reads one object (arrays and dictionaries whole; `N G R` as a reference). Keywords other
    /// than `R` end the object (`None`) and are left unread.
    pub(super) fn object(&mut self, depth: usize) -> Option<Obj> {
        let save = self.pos;
        let tok = self.token()?;
        match tok {
            Token::Obj(Obj::Int(n)) => {
                // `N G R`?
                let after = self.pos;
                if let Some(Token::Obj(Obj::Int(g))) = self.token() {
                    if let Some(Token::Keyword(b"R")) = self.token() {
                        if let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g)) {
                            return Some(Obj::Ref(n, g));
                        }
                        return Some(Obj::Null);
                    }
                }
                self.pos = after;
                Some(Obj::Int(n))
            }
            Token::Obj(o) => Some(o),
            Token::ArrayStart => {
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.b.get(self.pos) {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => {}
                    }
                    if depth >= MAX_DEPTH {
                        self.skip_nested();
                        return Some(Obj::Null);
                    }
                    let before = self.pos;
                    match self.object(depth + 1) {
                        Some(o) => items.push(o),
                        None => {
                            // A stray keyword inside an array: skip it (but stop at `endobj`).
                            if self.pos == before {
                                if self.b[self.pos..].starts_with(b"endobj") {
                                    break;
                                }
                                self.token();
                            }
                        }
                    }
                }
                Some(Obj::Array(Rc::new(items)))
            }
            Token::DictStart => {
                let mut entries = Vec::new();
                loop {
                    self.skip_white();
                    match self.b.get(self.pos) {
                        None => break,
                        Some(b'>') if self.b.get(self.pos + 1) == Some(&b'>') => {
                            self.pos += 2;
                            break;
                        }
                        _ => {}
                    }
                    if depth >= MAX_DEPTH {
                        self.skip_nested();
                        return Some(Obj::Null);
                    }
                    let before = self.pos;
                    match self.token() {
                        Some(Token::Obj(Obj::Name(k))) => {
                            let v = self.object(depth + 1).unwrap_or(Obj::Null);
                            entries.push((k, v));
                        }
                        Some(Token::Keyword(k)) if k == b"endobj" || k == b"stream" => {
                            self.pos = before;
                            break;
                        }
                        None => break,
                        _ => {}
                    }
                }
                Some(Obj::Dict(Dict(Rc::new(entries))))
            }
            Token::Keyword(_) | Token::ArrayEnd | Token::DictEnd => {
                self.pos = save;
                None
            }
        }
    }

    /// Skips the rest of a too-deep nesting without recursion.
    fn skip_nested(&mut self) {
        let mut depth = 1usize;
        while depth > 0 {
            match self.token() {
                None => return,
                Some(Token::ArrayStart | Token::DictStart) => depth += 1,
                Some(Token::ArrayEnd | Token::DictEnd) => depth -= 1,
                Some(Token::Keyword(b"endobj")) => return,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_parse() {
        let mut l = Lexer::new(
            b"<< /Type /Page /Kids [1 0 R 2 0 R] /W [1 [500 600] 3.5 -.5] /S (a\\(b\\)\\101) /H <4E6F7> >>",
            0,
        );
        let o = l.object(0).unwrap();
        let d = o.as_dict().unwrap();
        assert_eq!(d.get(b"Type"), Some(&Obj::Name(b"Page".to_vec())));
        assert_eq!(d.get(b"Kids").unwrap().as_array().unwrap()[1], Obj::Ref(2, 0));
        assert_eq!(d.get(b"S").unwrap().as_str().unwrap(), b"a(b)A");
        assert_eq!(d.get(b"H").unwrap().as_str().unwrap(), b"No\x70");
        let w = d.get(b"W").unwrap().as_array().unwrap();
        assert_eq!(w[3], Obj::Real(-0.5));
    }

    #[test]
    fn deep_nesting_is_cut_without_recursion_overflow() {
        let mut s = vec![b'['; 200_000];
        s.extend(vec![b']'; 200_000]);
        let mut l = Lexer::new(&s, 0);
        assert!(l.object(0).is_some());
    }
}
