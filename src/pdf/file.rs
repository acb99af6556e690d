//! The PDF file: where each object is, reading objects on demand, stream filters and the
//! standard security handler. Objects are found by scanning the file for `N G obj` (the
//! repair every reader falls back to, here the only way: a broken or missing xref table
//! costs nothing), plus the objects packed in object streams.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::crypto::{self, Aes};
use super::object::{is_white, Dict, Lexer, Obj, Stream};
use super::PdfError;

/// Largest decoded stream (bytes): a filter bomb stops here.
const MAX_STREAM: usize = 64 << 20;
/// Largest total of decoded bytes for one document.
const MAX_DECODED_TOTAL: usize = 512 << 20;
/// Most objects resolved through references for one document (a bound on work).
const MAX_RESOLVES: usize = 2_000_000;

#[derive(Debug, Clone, Copy)]
enum Loc {
    /// Byte offset of the object's body (after `obj`).
    Direct(usize),
    /// Inside object stream `stream`, at index `index`.
    Packed { stream: u32, index: usize },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CryptMethod {
    None,
    Rc4,
    Aes,
}

struct Crypt {
    key: Vec<u8>,
    strings: CryptMethod,
    streams: CryptMethod,
    /// AES-256 (R5/R6): the file key is used as is.
    v5: bool,
}

/// A decoded object stream: its data and (object number, offset) of each object in it.
type ObjStm = (Vec<u8>, Vec<(u32, usize)>);

pub(super) struct PdfFile<'a> {
    pub data: &'a [u8],
    locs: HashMap<u32, (u16, Loc)>,
    cache: RefCell<HashMap<u32, Obj>>,
    /// Decoded object streams: (number → (first offset, decoded data, offsets of its objects)).
    objstm: RefCell<HashMap<u32, Rc<ObjStm>>>,
    pub trailer: Dict,
    crypt: Option<Crypt>,
    resolves: std::cell::Cell<usize>,
    decoded: std::cell::Cell<usize>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

impl<'a> PdfFile<'a> {
    pub(super) fn open(data: &'a [u8]) -> Result<PdfFile<'a>, PdfError> {
        let mut locs: HashMap<u32, (u16, Loc)> = HashMap::new();
        let mut trailers: Vec<Dict> = Vec::new();
        let mut xref_streams: Vec<u32> = Vec::new();
        let mut objstms: Vec<u32> = Vec::new();
        // Every `obj` keyword preceded by `N G`: later definitions win (incremental updates).
        for at in memchr::memmem::find_iter(data, b"obj") {
            if data.get(at + 3).is_some_and(|&c| !is_white(c) && c != b'<' && c != b'[' && c != b'/' && c != b'(') {
                continue;
            }
            let Some((num, gen)) = header_before(data, at) else { continue };
            let body = at + 3;
            locs.insert(num, (gen, Loc::Direct(body)));
            // Cross-reference and object streams are recognised from their dictionary head.
            let head = &data[body..data.len().min(body + 400)];
            if find(head, b"/ObjStm").is_some() {
                objstms.push(num);
            } else if find(head, b"/XRef").is_some() {
                xref_streams.push(num);
            }
        }
        if locs.is_empty() {
            return Err(PdfError::Damaged("no objects found".into()));
        }
        for at in memchr::memmem::find_iter(data, b"trailer") {
            let mut lx = Lexer::new(data, at + 7);
            if let Some(Obj::Dict(d)) = lx.object(0) {
                trailers.push(d);
            }
        }
        let mut file = PdfFile {
            data,
            locs,
            cache: RefCell::new(HashMap::new()),
            objstm: RefCell::new(HashMap::new()),
            trailer: Dict::default(),
            crypt: None,
            resolves: std::cell::Cell::new(0),
            decoded: std::cell::Cell::new(0),
        };
        for num in xref_streams {
            if let Some(Obj::Stream(s)) = file.direct(num) {
                trailers.push(s.dict.clone());
            }
        }
        // The trailer: each key from the last dictionary that has it.
        let mut trailer = Vec::new();
        for t in &trailers {
            for (k, v) in t.0.iter() {
                if matches!(k.as_slice(), b"Root" | b"Encrypt" | b"ID" | b"Info") {
                    trailer.push((k.clone(), v.clone()));
                }
            }
        }
        file.trailer = Dict(Rc::new(trailer));
        // The security handler first: object streams are encrypted too.
        if let Some(enc) = file.trailer.get(b"Encrypt").cloned() {
            let enc = match enc {
                Obj::Ref(n, _) => file.direct(n),
                o => Some(o),
            };
            if let Some(enc) = enc.as_ref().and_then(Obj::as_dict) {
                file.crypt = Some(file.security(enc)?);
            }
        }
        // Objects packed in object streams, where no direct definition exists.
        for num in objstms {
            let Some(stm) = file.objstm_index(num) else { continue };
            for (i, &(n, _)) in stm.1.iter().enumerate() {
                file.locs.entry(n).or_insert((0, Loc::Packed { stream: num, index: i }));
            }
        }
        Ok(file)
    }

    /// Every object number, in the order the objects stand in the file.
    pub(super) fn numbers_in_file_order(&self) -> Vec<u32> {
        let mut v: Vec<(usize, u32)> = self
            .locs
            .iter()
            .map(|(&n, &(_, loc))| (if let Loc::Direct(at) = loc { at } else { usize::MAX }, n))
            .collect();
        v.sort_unstable();
        v.into_iter().map(|(_, n)| n).collect()
    }

    /// The object at a direct location, uncached (used while opening).
    fn direct(&self, num: u32) -> Option<Obj> {
        let &(gen, Loc::Direct(at)) = self.locs.get(&num)? else { return None };
        self.parse_at(at, (num, gen))
    }

    /// An integer object (a stream's indirect `/Length`), read without following anything.
    fn direct_int(&self, num: u32) -> Option<i64> {
        let &(_, Loc::Direct(at)) = self.locs.get(&num)? else { return None };
        Lexer::new(self.data, at).object(0)?.as_i64()
    }

    fn parse_at(&self, at: usize, id: (u32, u16)) -> Option<Obj> {
        let mut lx = Lexer::new(self.data, at);
        let obj = lx.object(0)?;
        lx.skip_white();
        if let Obj::Dict(d) = &obj {
            if self.data[lx.pos..].starts_with(b"stream") {
                let mut start = lx.pos + 6;
                if self.data.get(start) == Some(&b'\r') {
                    start += 1;
                }
                if self.data.get(start) == Some(&b'\n') {
                    start += 1;
                }
                let declared = match d.get(b"Length") {
                    Some(Obj::Int(n)) => usize::try_from(*n).ok(),
                    Some(Obj::Ref(n, _)) => self.direct_int(*n).and_then(|n| usize::try_from(n).ok()),
                    _ => None,
                };
                // Trust /Length only when `endstream` follows it; else search for `endstream`.
                let end = declared
                    .and_then(|len| start.checked_add(len))
                    .filter(|&end| {
                        end <= self.data.len() && {
                            let mut p = end;
                            while self.data.get(p).is_some_and(|&c| is_white(c)) {
                                p += 1;
                            }
                            self.data[p..].starts_with(b"endstream")
                        }
                    })
                    .or_else(|| {
                        let from = start.min(self.data.len());
                        let e = find(&self.data[from..], b"endstream").map_or(self.data.len(), |i| from + i);
                        // The EOL before `endstream` is not data.
                        let mut e = e;
                        if e > from && self.data[e - 1] == b'\n' {
                            e -= 1;
                        }
                        if e > from && self.data[e - 1] == b'\r' {
                            e -= 1;
                        }
                        Some(e)
                    })?;
                let dict = self.decrypt_dict(d.clone(), id);
                return Some(Obj::Stream(Rc::new(Stream { dict, start: start.min(end), end, id })));
            }
        }
        Some(self.decrypt_obj(obj, id))
    }

    /// Resolves a reference (once, then cached); other objects are returned as they are.
    pub(super) fn resolve(&self, obj: &Obj) -> Obj {
        match obj {
            Obj::Ref(n, _) => self.get(*n).unwrap_or(Obj::Null),
            o => o.clone(),
        }
    }

    pub(super) fn get(&self, num: u32) -> Option<Obj> {
        if let Some(o) = self.cache.borrow().get(&num) {
            return Some(o.clone());
        }
        let r = self.resolves.get() + 1;
        self.resolves.set(r);
        if r > MAX_RESOLVES {
            return None;
        }
        let &(gen, loc) = self.locs.get(&num)?;
        let obj = match loc {
            Loc::Direct(at) => self.parse_at(at, (num, gen))?,
            Loc::Packed { stream, index } => {
                let stm = self.objstm_index(stream)?;
                let &(_, off) = stm.1.get(index)?;
                let mut lx = Lexer::new(&stm.0, off);
                // Strings inside object streams are not encrypted separately.
                lx.object(0)?
            }
        };
        // Resolve a reference to a reference once (not recursively).
        let obj = match obj {
            Obj::Ref(n, _) if n != num => {
                let &(g2, l2) = self.locs.get(&n)?;
                match l2 {
                    Loc::Direct(at) => self.parse_at(at, (n, g2))?,
                    Loc::Packed { .. } => Obj::Null,
                }
            }
            o => o,
        };
        self.cache.borrow_mut().insert(num, obj.clone());
        Some(obj)
    }

    /// A resolved dictionary entry.
    pub(super) fn get_key(&self, d: &Dict, key: &[u8]) -> Obj {
        d.get(key).map_or(Obj::Null, |o| self.resolve(o))
    }

    fn objstm_index(&self, num: u32) -> Option<Rc<ObjStm>> {
        if let Some(s) = self.objstm.borrow().get(&num) {
            return Some(s.clone());
        }
        let Some(Obj::Stream(s)) = self.direct(num) else { return None };
        let data = self.decode(&s).ok()?;
        let n = s.dict.get(b"N").and_then(Obj::as_i64).unwrap_or(0).clamp(0, 1_000_000) as usize;
        let first = usize::try_from(s.dict.get(b"First").and_then(Obj::as_i64).unwrap_or(0)).ok()?;
        let mut lx = Lexer::new(&data, 0);
        let mut entries = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            let (Some(Obj::Int(num)), Some(Obj::Int(off))) = (lx.object(0), lx.object(0)) else { break };
            let (Ok(num), Ok(off)) = (u32::try_from(num), usize::try_from(off)) else { break };
            entries.push((num, first.saturating_add(off)));
        }
        let rc = Rc::new((data, entries));
        self.objstm.borrow_mut().insert(num, rc.clone());
        Some(rc)
    }

    // -----------------------------------------------------------------------------------------
    // Streams

    /// The decoded data of a stream. Unknown filters (images) give an error; a truncated
    /// Flate stream gives what could be inflated.
    pub(super) fn decode(&self, s: &Stream) -> Result<Vec<u8>, PdfError> {
        let raw = self.data.get(s.start..s.end).unwrap_or(&[]);
        let mut data = match &self.crypt {
            Some(c) if !is_xref(&s.dict) => self.decrypt_bytes(c, c.streams, raw, s.id),
            _ => raw.to_vec(),
        };
        let filters: Vec<Vec<u8>> = match self.resolve(s.dict.get(b"Filter").unwrap_or(&Obj::Null)) {
            Obj::Name(n) => vec![n],
            Obj::Array(a) => a.iter().filter_map(|o| self.resolve(o).as_name().map(<[u8]>::to_vec)).collect(),
            _ => Vec::new(),
        };
        let parms = self.resolve(s.dict.get(b"DecodeParms").unwrap_or(&Obj::Null));
        for (i, f) in filters.iter().enumerate() {
            let parm = match &parms {
                Obj::Array(a) => a.get(i).map(|o| self.resolve(o)),
                o => Some(o.clone()),
            };
            data = match f.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    let out = inflate(&data)?;
                    predict(out, parm.as_ref().and_then(Obj::as_dict))
                }
                b"ASCIIHexDecode" | b"AHx" => {
                    let mut lx = Lexer::new(b"", 0);
                    let mut buf = Vec::with_capacity(data.len() + 1);
                    buf.push(b'<');
                    buf.extend_from_slice(&data);
                    lx.b = &buf;
                    match lx.token() {
                        Some(super::object::Token::Obj(Obj::Str(s))) => s,
                        _ => Vec::new(),
                    }
                }
                b"ASCII85Decode" | b"A85" => ascii85(&data),
                b"LZWDecode" | b"LZW" => {
                    let early = parm
                        .as_ref()
                        .and_then(Obj::as_dict)
                        .and_then(|d| d.get(b"EarlyChange"))
                        .and_then(Obj::as_i64)
                        .unwrap_or(1);
                    predict(lzw(&data, early != 0), parm.as_ref().and_then(Obj::as_dict))
                }
                b"RunLengthDecode" | b"RL" => run_length(&data),
                other => return Err(PdfError::Filter(String::from_utf8_lossy(other).into_owned())),
            };
            if data.len() > MAX_STREAM {
                return Err(PdfError::Damaged("a stream decodes to more than 64 MiB".into()));
            }
        }
        let total = self.decoded.get().saturating_add(data.len());
        self.decoded.set(total);
        if total > MAX_DECODED_TOTAL {
            return Err(PdfError::Damaged("the streams decode to more than 512 MiB".into()));
        }
        Ok(data)
    }

    // -----------------------------------------------------------------------------------------
    // Encryption (ISO 32000-2 §7.6.4, empty user password only)

    fn security(&self, enc: &Dict) -> Result<Crypt, PdfError> {
        let filter = enc.get(b"Filter").and_then(Obj::as_name).unwrap_or(b"Standard");
        if filter != b"Standard" {
            return Err(PdfError::Encrypted(format!(
                "it uses the {} security handler",
                String::from_utf8_lossy(filter)
            )));
        }
        let r = enc.get(b"R").and_then(Obj::as_i64).unwrap_or(2);
        let v = enc.get(b"V").and_then(Obj::as_i64).unwrap_or(0);
        let bytes = |k: &[u8]| -> Vec<u8> {
            match enc.get(k) {
                Some(Obj::Str(s)) => s.clone(),
                Some(o @ Obj::Ref(..)) => {
                    self.direct_ref(o).and_then(|o| o.as_str().map(<[u8]>::to_vec)).unwrap_or_default()
                }
                _ => Vec::new(),
            }
        };
        let (o, u) = (bytes(b"O"), bytes(b"U"));
        let p = enc.get(b"P").and_then(Obj::as_i64).unwrap_or(0) as i32;
        let method = |name: Option<&[u8]>| -> CryptMethod {
            let Some(name) = name else { return CryptMethod::Rc4 };
            if name == b"Identity" {
                return CryptMethod::None;
            }
            let cfm = enc
                .get(b"CF")
                .and_then(Obj::as_dict)
                .and_then(|cf| cf.get(name))
                .and_then(Obj::as_dict)
                .and_then(|f| f.get(b"CFM"))
                .and_then(Obj::as_name);
            match cfm {
                Some(b"AESV2" | b"AESV3") => CryptMethod::Aes,
                Some(b"None") => CryptMethod::None,
                _ => CryptMethod::Rc4,
            }
        };
        let (strings, streams) = if v >= 4 {
            (
                method(Some(enc.get(b"StrF").and_then(Obj::as_name).unwrap_or(b"Identity"))),
                method(Some(enc.get(b"StmF").and_then(Obj::as_name).unwrap_or(b"Identity"))),
            )
        } else {
            (CryptMethod::Rc4, CryptMethod::Rc4)
        };
        let need = || PdfError::Encrypted("a password is needed to open it".into());
        if r >= 5 {
            if u.len() < 48 {
                return Err(PdfError::Damaged("the encryption dictionary is incomplete".into()));
            }
            let ue = bytes(b"UE");
            if hash_r6(b"", &u[32..40], None, r) != u[..32] {
                return Err(need());
            }
            let key = hash_r6(b"", &u[40..48], None, r);
            let aes = Aes::new(&key).ok_or_else(need)?;
            if ue.len() < 32 {
                return Err(need());
            }
            let file_key = aes.cbc_decrypt(&[0; 16], &ue[..32], false);
            return Ok(Crypt { key: file_key, strings, streams, v5: true });
        }
        let len = if v >= 2 { enc.get(b"Length").and_then(Obj::as_i64).unwrap_or(40) } else { 40 };
        let n = usize::try_from(len / 8).unwrap_or(5).clamp(5, 16);
        let id0 = match self.trailer.get(b"ID") {
            Some(Obj::Array(a)) => a.first().and_then(Obj::as_str).map(<[u8]>::to_vec).unwrap_or_default(),
            _ => Vec::new(),
        };
        let encrypt_meta = !matches!(enc.get(b"EncryptMetadata"), Some(Obj::Bool(false)));
        let mut input = PAD.to_vec();
        input.extend_from_slice(&o);
        input.extend_from_slice(&p.to_le_bytes());
        input.extend_from_slice(&id0);
        if r >= 4 && !encrypt_meta {
            input.extend_from_slice(&[0xff; 4]);
        }
        let mut key = crypto::md5(&input).to_vec();
        if r >= 3 {
            for _ in 0..50 {
                key = crypto::md5(&key[..n]).to_vec();
            }
        }
        key.truncate(n);
        let ok = if r == 2 {
            crypto::rc4(&key, &PAD) == u.get(..32).unwrap_or(&[])
        } else {
            let mut h = PAD.to_vec();
            h.extend_from_slice(&id0);
            let mut x = crypto::md5(&h).to_vec();
            for i in 0..20u8 {
                let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                x = crypto::rc4(&k, &x);
            }
            u.len() >= 16 && x[..16] == u[..16]
        };
        if !ok {
            return Err(need());
        }
        Ok(Crypt { key, strings, streams, v5: false })
    }

    fn direct_ref(&self, o: &Obj) -> Option<Obj> {
        match o {
            Obj::Ref(n, _) => self.direct(*n),
            o => Some(o.clone()),
        }
    }

    fn object_key(c: &Crypt, method: CryptMethod, id: (u32, u16)) -> Vec<u8> {
        if c.v5 {
            return c.key.clone();
        }
        let mut k = c.key.clone();
        k.extend_from_slice(&id.0.to_le_bytes()[..3]);
        k.extend_from_slice(&id.1.to_le_bytes());
        if method == CryptMethod::Aes {
            k.extend_from_slice(b"sAlT");
        }
        let n = (c.key.len() + 5).min(16);
        crypto::md5(&k)[..n].to_vec()
    }

    #[allow(clippy::unused_self)]
    fn decrypt_bytes(&self, c: &Crypt, method: CryptMethod, data: &[u8], id: (u32, u16)) -> Vec<u8> {
        match method {
            CryptMethod::None => data.to_vec(),
            CryptMethod::Rc4 => crypto::rc4(&Self::object_key(c, method, id), data),
            CryptMethod::Aes => {
                if data.len() < 32 {
                    return Vec::new();
                }
                let Some(aes) = Aes::new(&Self::object_key(c, method, id)) else { return Vec::new() };
                let iv: [u8; 16] = std::array::from_fn(|i| data[i]);
                let body = &data[16..16 + (data.len() - 16) / 16 * 16];
                aes.cbc_decrypt(&iv, body, true)
            }
        }
    }

    fn decrypt_obj(&self, obj: Obj, id: (u32, u16)) -> Obj {
        let Some(c) = &self.crypt else { return obj };
        match obj {
            Obj::Str(s) => Obj::Str(self.decrypt_bytes(c, c.strings, &s, id)),
            Obj::Array(a) => Obj::Array(Rc::new(a.iter().cloned().map(|o| self.decrypt_obj(o, id)).collect())),
            Obj::Dict(d) => Obj::Dict(self.decrypt_dict(d, id)),
            o => o,
        }
    }

    fn decrypt_dict(&self, d: Dict, id: (u32, u16)) -> Dict {
        if self.crypt.is_none() {
            return d;
        }
        Dict(Rc::new(d.0.iter().cloned().map(|(k, v)| (k, self.decrypt_obj(v, id))).collect()))
    }
}

fn is_xref(d: &Dict) -> bool {
    d.get(b"Type").and_then(Obj::as_name) == Some(b"XRef")
}

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00,
    0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// The R5/R6 password hash (ISO 32000-2 algorithm 2.B; R5 is plain SHA-256).
fn hash_r6(password: &[u8], salt: &[u8], udata: Option<&[u8]>, r: i64) -> Vec<u8> {
    let mut input = password.to_vec();
    input.extend_from_slice(salt);
    if let Some(u) = udata {
        input.extend_from_slice(u);
    }
    let mut k = crypto::sha256(&input).to_vec();
    if r < 6 {
        return k;
    }
    let mut round = 0usize;
    loop {
        let mut k1 = Vec::with_capacity(64 * (password.len() + k.len() + 48));
        for _ in 0..64 {
            k1.extend_from_slice(password);
            k1.extend_from_slice(&k);
            if let Some(u) = udata {
                k1.extend_from_slice(u);
            }
        }
        let Some(aes) = Aes::new(&k[..16]) else { return k };
        let iv: [u8; 16] = std::array::from_fn(|i| k[16 + i]);
        let e = aes.cbc_encrypt(&iv, &k1);
        let m = e[..16].iter().map(|&b| u32::from(b)).sum::<u32>() % 3;
        k = match m {
            0 => crypto::sha256(&e).to_vec(),
            1 => crypto::sha384(&e),
            _ => crypto::sha512(&e),
        };
        round += 1;
        if round >= 64 && usize::from(*e.last().unwrap_or(&0)) <= round - 32 {
            break;
        }
        if round > 2048 {
            break;
        }
    }
    k.truncate(32);
    k
}

/// `N G` right before `obj` at `at`.
fn header_before(data: &[u8], at: usize) -> Option<(u32, u16)> {
    let mut p = at;
    let ws = |p: &mut usize| {
        let s = *p;
        while *p > 0 && is_white(data[*p - 1]) {
            *p -= 1;
        }
        *p < s
    };
    let digits = |p: &mut usize| -> Option<u64> {
        let e = *p;
        while *p > 0 && data[*p - 1].is_ascii_digit() && e - *p < 10 {
            *p -= 1;
        }
        if *p == e {
            return None;
        }
        std::str::from_utf8(&data[*p..e]).ok()?.parse().ok()
    };
    ws(&mut p);
    let gen = digits(&mut p)?;
    if !ws(&mut p) {
        return None;
    }
    let num = digits(&mut p)?;
    // The number must start a token.
    if p > 0 && !is_white(data[p - 1]) && !super::object::is_delim(data[p - 1]) {
        return None;
    }
    Some((u32::try_from(num).ok()?, u16::try_from(gen).unwrap_or(0)))
}

/// zlib (or raw deflate) inflation that keeps what it could read from a damaged stream.
fn inflate(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, decompress_to_vec_zlib_with_limit};
    match decompress_to_vec_zlib_with_limit(data, MAX_STREAM) {
        Ok(v) => Ok(v),
        Err(e) if !e.output.is_empty() => Ok(e.output),
        Err(_) => match decompress_to_vec_with_limit(data, MAX_STREAM) {
            Ok(v) => Ok(v),
            Err(e) if !e.output.is_empty() => Ok(e.output),
            Err(_) if data.is_empty() => Ok(Vec::new()),
            Err(_) => Err(PdfError::Damaged("a compressed stream does not inflate".into())),
        },
    }
}

/// PNG and TIFF predictors (DecodeParms /Predictor).
fn predict(data: Vec<u8>, parms: Option<&Dict>) -> Vec<u8> {
    let Some(p) = parms else { return data };
    let predictor = p.get(b"Predictor").and_then(Obj::as_i64).unwrap_or(1);
    if predictor < 10 {
        return data;
    }
    let colors = p.get(b"Colors").and_then(Obj::as_i64).unwrap_or(1).clamp(1, 32) as usize;
    let bpc = p.get(b"BitsPerComponent").and_then(Obj::as_i64).unwrap_or(8).clamp(1, 16) as usize;
    let columns = p.get(b"Columns").and_then(Obj::as_i64).unwrap_or(1).clamp(1, 1 << 20) as usize;
    let bpp = (colors * bpc).div_ceil(8);
    let row = (colors * bpc * columns).div_ceil(8);
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (kind, line) = (chunk[0], &chunk[1..]);
        let mut cur = vec![0u8; row];
        for i in 0..line.len() {
            let a = if i >= bpp { cur[i - bpp] } else { 0 };
            let b = prev[i];
            let c = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = match kind {
                1 => line[i].wrapping_add(a),
                2 => line[i].wrapping_add(b),
                3 => line[i].wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                4 => {
                    let pa = (i16::from(b) - i16::from(c)).abs();
                    let pb = (i16::from(a) - i16::from(c)).abs();
                    let pc = (i16::from(a) + i16::from(b) - 2 * i16::from(c)).abs();
                    let pred = if pa <= pb && pa <= pc {
                        a
                    } else if pb <= pc {
                        b
                    } else {
                        c
                    };
                    line[i].wrapping_add(pred)
                }
                _ => line[i],
            };
        }
        out.extend_from_slice(&cur[..line.len()]);
        prev = cur;
    }
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u32; 5];
    let mut n = 0;
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = u32::from(c - b'!');
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        for g in group.iter_mut().skip(n) {
            *g = 84;
        }
        let v = group.iter().fold(0u32, |acc, &d| acc.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    out
}

#[allow(clippy::comparison_chain)] // the three RunLengthDecode cases, in the spec's order
fn run_length(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let n = data[i] as usize;
        i += 1;
        if n < 128 {
            let end = (i + n + 1).min(data.len());
            out.extend_from_slice(&data[i..end]);
            i = end;
        } else if n > 128 {
            if let Some(&b) = data.get(i) {
                out.extend(std::iter::repeat_n(b, 257 - n));
            }
            i += 1;
        } else {
            break;
        }
        if out.len() > MAX_STREAM {
            break;
        }
    }
    out
}

fn lzw(data: &[u8], early: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut table: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    table.push(Vec::new());
    table.push(Vec::new());
    let mut width = 9;
    let (mut buf, mut bits) = (0u32, 0u32);
    let mut prev: Option<Vec<u8>> = None;
    for &b in data {
        buf = (buf << 8) | u32::from(b);
        bits += 8;
        while bits >= width {
            let code = ((buf >> (bits - width)) & ((1 << width) - 1)) as usize;
            bits -= width;
            if code == 256 {
                table.truncate(258);
                width = 9;
                prev = None;
                continue;
            }
            if code == 257 {
                return out;
            }
            let entry = if code < table.len() {
                table[code].clone()
            } else if let Some(p) = &prev {
                let mut e = p.clone();
                e.push(p[0]);
                e
            } else {
                return out;
            };
            out.extend_from_slice(&entry);
            if let Some(mut p) = prev.take() {
                if let Some(&first) = entry.first() {
                    p.push(first);
                    if table.len() < 4096 {
                        table.push(p);
                    }
                }
            }
            prev = Some(entry);
            let next = table.len() + usize::from(early);
            width = if next >= 2048 {
                12
            } else if next >= 1024 {
                11
            } else if next >= 512 {
                10
            } else {
                9
            };
            if out.len() > MAX_STREAM {
                return out;
            }
        }
    }
    out
}
