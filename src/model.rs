//! The result structs (SPEC §2–§6). Plain data with `Serialize`; the binding
//! turns them into Python dicts. Field names here are the public contract.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::decode::EncodingFrom;
use crate::document::{CellEvidence, Format, Span};
use crate::normalize::Script;
use crate::variant::display_as_serialized;

// ---------------------------------------------------------------------------
// The enumerated values of a report. Each is a Rust enum whose `Serialize` gives
// the public string (SPEC §2–§6), so JSON, the Python dicts and `Display` all
// spell it the one way serde does; no other code spells these strings.

/// What a document is (SPEC §2 `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    AnnualReport,
    SelfInspection,
    WorkSummary,
    Compilation,
    Other,
}

/// One of the two national table forms (DOMAIN §1.4): 国办公开办函〔2019〕60号 or 〔2021〕30号.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Form {
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "2021")]
    F2021,
}

/// The template an annual report follows (SPEC §2 `template`): a national form, or the
/// free form of the years before 2019.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Template {
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "2021")]
    F2021,
    #[serde(rename = "pre2019")]
    Pre2019,
}

impl Template {
    /// The national form of this template (none before 2019).
    pub fn form(self) -> Option<Form> {
        match self {
            Template::F2019 => Some(Form::F2019),
            Template::F2021 => Some(Form::F2021),
            Template::Pre2019 => None,
        }
    }
}

impl From<Form> for Template {
    fn from(f: Form) -> Template {
        match f {
            Form::F2019 => Template::F2019,
            Form::F2021 => Template::F2021,
        }
    }
}

/// The form a table was read in (SPEC §4 `format`): a national form, or `other` when its
/// rows tell neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TableFormat {
    #[serde(rename = "2021")]
    F2021,
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "other")]
    Other,
}

impl TableFormat {
    /// The national form, when the table's rows tell it.
    pub fn form(self) -> Option<Form> {
        match self {
            TableFormat::F2019 => Some(Form::F2019),
            TableFormat::F2021 => Some(Form::F2021),
            TableFormat::Other => None,
        }
    }
}

impl From<Form> for TableFormat {
    fn from(f: Form) -> TableFormat {
        match f {
            Form::F2019 => TableFormat::F2019,
            Form::F2021 => TableFormat::F2021,
        }
    }
}

/// What a table cell holds (SPEC §4 `state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    Number,
    Zero,
    Blank,
    /// A not-applicable mark (`/`, `—`, `不适用`).
    Na,
    Text,
}

impl CellState {
    /// Blank and not-applicable cells count as 0 in the arithmetic (SPEC §4).
    pub fn counts_as_zero(self) -> bool {
        matches!(self, CellState::Blank | CellState::Na)
    }
}

/// How serious an issue is (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Whom an issue blames (SPEC §6): the published report, or the parser's reading of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Blame {
    Source,
    Parser,
}

/// The issue codes (SPEC §6), the checks' own first, in the order issues come out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IssueCode {
    T3Balance,
    T3RowSum,
    T3ResultsSum,
    T3TotalOmitted,
    T4GroupSum,
    T2Negative,
    TableMissing,
    SectionMissing,
    TextTableMismatch,
    LatePublication,
    YearMismatch,
    SplitDigits,
    /// Raised by the table readers.
    TableUnreadable,
    /// Raised by the fact reader.
    Placeholder,
    /// Raised by the decoder's review.
    Mojibake,
    /// Raised by the Word reader's caller: content Word shows that was not read.
    ContentUnread,
}

display_as_serialized!(Kind, Form, Template, TableFormat, CellState, Severity, Blame, IssueCode);

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
    pub format: Format,
    pub encoding: String,
    pub encoding_from: EncodingFrom,
    pub undecodable_bytes: usize,
    pub script: Script,
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
    pub state: CellState,
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
    pub format: TableFormat,
    pub cells: OrderedMap<OrderedMap<CellReading>>,
    pub extra_rows: Vec<ExtraRow>,
    pub span: Span,
}

impl TableReading {
    /// Moves every span `by` characters on (a reading of a piece of a text, placed in the text).
    pub fn shift(&mut self, by: usize) {
        let at = |s: &mut Span| *s = [s[0] + by, s[1] + by];
        at(&mut self.span);
        for (_, row) in &mut self.cells.0 {
            for (_, c) in &mut row.0 {
                at(&mut c.span);
            }
        }
        for row in &mut self.extra_rows {
            for c in &mut row.cells {
                at(&mut c.span);
            }
        }
    }
}

/// `tables` (SPEC §2).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Tables {
    pub proactive: Option<TableReading>,
    pub requests: Option<TableReading>,
    pub review_litigation: Option<TableReading>,
}

impl Tables {
    /// Whether the national tables were read: table 3, or tables 2 and 4 (`kinds::kind`).
    pub fn prints_national_tables(&self) -> bool {
        self.requests.is_some() || self.proactive.is_some() && self.review_litigation.is_some()
    }
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
    pub code: IssueCode,
    pub severity: Severity,
    pub message: String,
    pub cells: Vec<String>,
    pub expected: Option<Number>,
    pub actual: Option<Number>,
    pub blame: Blame,
}

/// The parse result (SPEC §2). Every key is always present.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub kind: Kind,
    pub template: Option<Template>,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` and `Display` give exactly what serde writes (the strings of SPEC §2–§6).
    #[test]
    fn enumerated_values_read_as_they_serialise() {
        fn check<T: Serialize + std::fmt::Display + Copy>(values: &[T], strings: &[&str]) {
            for (v, s) in values.iter().zip(strings) {
                assert_eq!(serde_json::to_string(v).expect("json"), format!("\"{s}\""));
                assert_eq!(v.to_string(), *s);
            }
        }
        use IssueCode as C;
        check(
            &[Kind::AnnualReport, Kind::SelfInspection, Kind::WorkSummary, Kind::Compilation, Kind::Other],
            &["annual_report", "self_inspection", "work_summary", "compilation", "other"],
        );
        check(&[Template::F2019, Template::F2021, Template::Pre2019], &["2019", "2021", "pre2019"]);
        check(&[TableFormat::F2021, TableFormat::F2019, TableFormat::Other], &["2021", "2019", "other"]);
        check(
            &[CellState::Number, CellState::Zero, CellState::Blank, CellState::Na, CellState::Text],
            &["number", "zero", "blank", "na", "text"],
        );
        check(&[Severity::Error, Severity::Warning, Severity::Info], &["error", "warning", "info"]);
        check(&[Blame::Source, Blame::Parser], &["source", "parser"]);
        check(
            &[C::T3Balance, C::T3TotalOmitted, C::T4GroupSum, C::T2Negative, C::TextTableMismatch, C::Mojibake],
            &["T3_BALANCE", "T3_TOTAL_OMITTED", "T4_GROUP_SUM", "T2_NEGATIVE", "TEXT_TABLE_MISMATCH", "MOJIBAKE"],
        );
        check(&[Format::Html, Format::Markdown, Format::Docx], &["html", "markdown", "docx"]);
        check(&[EncodingFrom::Bom, EncodingFrom::Str], &["bom", "str"]);
        check(&[Script::Simplified, Script::Mixed], &["simplified", "mixed"]);
        assert_eq!(Template::from(Form::F2021).form(), Some(Form::F2021));
        assert_eq!(TableFormat::from(Form::F2019).form(), Some(Form::F2019));
        assert_eq!(TableFormat::Other.form(), None);
    }
}
