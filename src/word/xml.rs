//! A small XML pull tokenizer for WordprocessingML: elements (prefix dropped), attributes and
//! text with entities decoded. No DTDs, no namespaces resolution; malformed input ends the
//! events early instead of failing.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Event<'a> {
    /// Local name, raw attribute text, self-closing.
    Start(&'a str, &'a str, bool),
    End(&'a str),
    Text(String),
}

pub(super) struct Reader<'a> {
    s: &'a str,
    pos: usize,
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Decodes the five entities and character references.
pub(super) fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Byte search: `;` is ASCII, so its index is a char boundary.
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)].iter().position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..semi];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent.strip_prefix('#').and_then(|n| {
                let v = match n.strip_prefix('x').or_else(|| n.strip_prefix('X')) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                };
                v.and_then(char::from_u32)
            }),
        };
        if let Some(c) = c {
            out.push(c);
            rest = &rest[semi + 1..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` (local name) in raw attribute text.
pub(super) fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let end = after[1..].find(quote)?;
        if local(key) == name {
            return Some(unescape(&after[1..=end]));
        }
        rest = &after[1 + end + 1..];
    }
    None
}

impl<'a> Reader<'a> {
    pub(super) fn new(s: &'a str) -> Reader<'a> {
        Reader { s, pos: 0 }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Event::Text(unescape(&rest[..end])));
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body.find("]]>").unwrap_or(body.len());
                self.pos += 9 + end + 3;
                return Some(Event::Text(body[..end].to_string()));
            }
            let skip_to = |pat: &str| rest.find(pat).map(|i| i + pat.len());
            if rest.starts_with("<!--") {
                self.pos += skip_to("-->").unwrap_or(rest.len());
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.pos += skip_to(">").unwrap_or(rest.len());
                continue;
            }
            let Some(close) = rest.find('>') else {
                self.pos = self.s.len();
                return None;
            };
            let tag = &rest[1..close];
            self.pos += close + 1;
            if let Some(name) = tag.strip_prefix('/') {
                return Some(Event::End(local(name.trim())));
            }
            let (tag, self_closing) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
            return Some(Event::Start(local(&tag[..name_end]), &tag[name_end..], self_closing));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events() {
        let xml = r#"<?xml version="1.0"?><w:p a="1"><w:t xml:space="preserve">a &amp; &#x653F;</w:t><w:br/></w:p>"#;
        let ev: Vec<Event> = Reader::new(xml).collect();
        assert_eq!(ev[0], Event::Start("p", r#" a="1""#, false));
        assert_eq!(ev[2], Event::Text("a & 政".into()));
        assert_eq!(ev[4], Event::Start("br", "", true));
        assert_eq!(attr(r#" w:val="restart" x='2'"#, "val").as_deref(), Some("restart"));
    }
}
