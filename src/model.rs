//! The result structs (SPEC §2–§6). Plain data with `Serialize`; the binding
//! turns them into Python dicts. Field names here are the public contract.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::document::{CellEvidence, Span};

/// A number as published: an integer when it is one, else a decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    /// An integer when `f` is integral and in range, else a float.
    pub fn from_f64(f: f64) -> Number {
        if f.fract() == 0.0 && f.abs() < 9.0e15 {
            Number::Int(f as i64)
        } else {
            Number::Float(f)
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::Int(i) => s.serialize_i64(i),
            Number::Float(f) => s.serialize_f64(f),
        }
    }
}

/// An insertion-ordered map serialised as a JSON object (template order matters to users).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn insert(&mut self, key: impl Into<String>, value: V) {
        let key = key.into();
        if let Some(slot) = self.get_mut(&key) {
            *slot = value;
        } else {
            self.0.push((key, value));
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// `source` (SPEC §2): how the input was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub format: &'static str,
    pub encoding: String,
    pub encoding_from: &'static str,
    pub undecodable_bytes: usize,
    pub script: &'static str,
    pub url: Option<String>,
    /// Page count (PDF, and Word files that record it); absent for web pages and text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// The PDF's producer (or, when that is empty, its creator application).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
}

/// `region` (SPEC §2), GB/T 2260.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    pub code: String,
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
}

/// `credit_code` (SPEC §2): the code inside the index number, its check digit verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditCode {
    pub code: String,
    pub valid: bool,
}

/// One outline section (SPEC §3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub key: Option<&'static str>,
    pub heading: String,
    pub number: Option<String>,
    pub level: u8,
    pub span: Span,
    pub children: Vec<Section>,
}

/// One table cell reading (SPEC §4).
#[derive(Debug, Clone, PartialEq)]
pub struct CellReading {
    pub value: Option<Number>,
    pub raw: String,
    /// `number`, `zero`, `blank`, `na` or `text`.
    pub state: &'static str,
    pub span: Span,
    pub inferred: bool,
    /// Page and box of the cell in a PDF, serialised as `page` and `bbox` only when present
    /// (attached after the table readers ran: `report::attach_evidence`).
    pub evidence: Option<CellEvidence>,
}

impl Serialize for CellReading {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let n = if self.evidence.is_some() { 7 } else { 5 };
        let mut st = s.serialize_struct("CellReading", n)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("raw", &self.raw)?;
        st.serialize_field("state", &self.state)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("inferred", &self.inferred)?;
        if let Some(e) = &self.evidence {
            st.serialize_field("page", &e.page)?;
            st.serialize_field("bbox", &e.bbox)?;
        }
        st.end()
    }
}

/// A row the template does not know, kept rather than dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtraRow {
    pub label: String,
    pub cells: Vec<CellReading>,
}

/// One of the three statutory tables (SPEC §4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableReading {
    /// `2021`, `2019` or `other`.
    pub format: &'static str,
    pub cells: OrderedMap<OrderedMap<CellReading>>,
    pub extra_rows: Vec<ExtraRow>,
    pub span: Span,
}

/// `tables` (SPEC §2).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Tables {
    pub proactive: Option<TableReading>,
    pub requests: Option<TableReading>,
    pub review_litigation: Option<TableReading>,
}

/// A number stated in prose (SPEC §5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub key: Option<&'static str>,
    pub label: String,
    pub value: Number,
    pub unit: Option<String>,
    pub approx: bool,
    pub negated: bool,
    pub section: Option<&'static str>,
    pub span: Span,
    pub sentence: String,
}

/// A finding of the checks (SPEC §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub code: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: &'static str,
    pub message: String,
    pub cells: Vec<String>,
    pub expected: Option<Number>,
    pub actual: Option<Number>,
    /// `source` or `parser`.
    pub blame: &'static str,
}

/// The parse result (SPEC §2). Every key is always present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub kind: &'static str,
    pub template: Option<&'static str>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub agency: Option<String>,
    pub admin_level: Option<&'static str>,
    pub region: Option<Region>,
    pub published: Option<String>,
    pub written: Option<String>,
    pub index_number: Option<String>,
    pub credit_code: Option<CreditCode>,
    pub source: Source,
    pub sections: Vec<Section>,
    pub tables: Tables,
    pub facts: Vec<Fact>,
    pub issues: Vec<Issue>,
    pub parts: Vec<Report>,
    pub text: String,
}

/// The current `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;
