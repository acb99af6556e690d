//! The SPEC §6 checks over the readings of a finished report. They read and
//! never change a value: blank and `na` cells count as 0 (SPEC §4), a cell
//! whose value is unknown (null, `TABLE_UNREADABLE` says why) takes no part in
//! any arithmetic, and inferred cells are readings like any other.
//!
//! `arith` holds the table arithmetic (DOMAIN §7: R1–R4, blank totals, negative
//! counts, numbers cut in two), `document` the checks of the document as a whole
//! (tables and sections the format requires, the publication deadline, the year),
//! `text_table` the prose figures against the tables. Issues come out in the
//! order of the SPEC §6 table; `report::build` appends the readings' own issues
//! (`TABLE_UNREADABLE` from the tables, `PLACEHOLDER` from the facts) after them.

mod arith;
mod document;
mod text_table;

use crate::model::{Blame, Issue, IssueCode, Kind, Number, Report, Severity};

/// The codes this module raises, in SPEC §6 order (the order issues come out in).
pub const CODES: [IssueCode; 12] = [
    IssueCode::T3Balance,
    IssueCode::T3RowSum,
    IssueCode::T3ResultsSum,
    IssueCode::T3TotalOmitted,
    IssueCode::T4GroupSum,
    IssueCode::T2Negative,
    IssueCode::TableMissing,
    IssueCode::SectionMissing,
    IssueCode::TextTableMismatch,
    IssueCode::LatePublication,
    IssueCode::YearMismatch,
    IssueCode::SplitDigits,
];

/// Runs every check on a finished report.
pub fn run(report: &Report) -> Vec<Issue> {
    let mut issues = Vec::new();
    if let Some(t) = &report.tables.requests {
        arith::requests(t, &mut issues);
    }
    if let Some(t) = &report.tables.review_litigation {
        arith::review(t, &mut issues);
    }
    if let Some(t) = &report.tables.proactive {
        arith::proactive(t, &mut issues);
    }
    // A compilation's documents are checked one by one in its parts; the whole
    // input is no single report whose sections, dates or year could be judged.
    if report.kind != Kind::Compilation {
        document::tables_present(report, &mut issues);
        document::sections_present(report, &mut issues);
        text_table::check(report, &mut issues);
        document::publication_deadline(report, &mut issues);
        document::year_of_period(report, &mut issues);
    }
    for i in &mut issues {
        blame_guesses(report, i);
    }
    issues.sort_by_key(|i| CODES.iter().position(|c| *c == i.code).unwrap_or(CODES.len()));
    issues
}

/// An issue may blame the published report only for cells read without a guess: where one
/// of the cells it names was placed by the parser (a blank the text dropped, a run of digits
/// split, a position inferred), the fault may be the parser's, and the issue says so.
fn blame_guesses(report: &Report, issue: &mut Issue) {
    if issue.blame != Blame::Source
        || !matches!(
            issue.code,
            IssueCode::T3Balance
                | IssueCode::T3RowSum
                | IssueCode::T3ResultsSum
                | IssueCode::T3TotalOmitted
                | IssueCode::T4GroupSum
        )
    {
        return;
    }
    let guessed = issue.cells.iter().any(|path| {
        let mut it = path.splitn(3, '.');
        let (Some(table), Some(row), Some(col)) = (it.next(), it.next(), it.next()) else { return false };
        let t = match table {
            "requests" => &report.tables.requests,
            "review_litigation" => &report.tables.review_litigation,
            "proactive" => &report.tables.proactive,
            _ => return false,
        };
        t.as_ref().and_then(|t| t.cells.get(row)).and_then(|r| r.get(col)).is_some_and(|c| c.inferred)
    });
    if guessed {
        issue.blame = Blame::Parser;
        if issue.severity == Severity::Error {
            issue.severity = Severity::Warning;
        }
        issue.message.push_str(
            " (some of these cells were placed by the parser's arithmetic, not read from labelled positions)",
        );
    }
}

/// Whether `code` is raised here (and not by a reading stage).
pub fn owns(code: IssueCode) -> bool {
    CODES.contains(&code)
}

/// Values are counts (or money); they agree when equal up to rounding noise.
const TOLERANCE: f64 = 1e-6;

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// A number for messages: `12`, `4166.214619`.
fn show(v: f64) -> String {
    match Number::from_f64(v) {
        Number::Int(i) => i.to_string(),
        Number::Float(f) => f.to_string(),
    }
}

fn issue(
    code: IssueCode,
    severity: Severity,
    blame: Blame,
    message: String,
    cells: Vec<String>,
    expected: Option<f64>,
    actual: Option<f64>,
) -> Issue {
    Issue {
        code,
        severity,
        message,
        cells,
        expected: expected.map(Number::from_f64),
        actual: actual.map(Number::from_f64),
        blame,
    }
}
