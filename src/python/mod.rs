//! The Python binding (`gongkai._core`), built with the `python` feature: the only code
//! that touches pyo3. It extracts arguments, runs the core with the GIL released
//! (`detach`) behind a panic guard, and converts results to dicts.
//!
//! `errors` maps `CoreError` onto the exception tree, `to_py` turns any `Serialize` value
//! into Python objects, `batch` is `parse_batch` over the core's scheduler.

mod batch;
mod errors;
mod to_py;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBool, PyInt, PyString};
use serde::de::value::{Error as DeError, StrDeserializer};
use serde::de::IntoDeserializer;
use serde::Deserialize;

use crate::document::Format;
use crate::error::guarded;
use crate::report::{self, Input, Options, DEFAULT_MAX_BYTES};

use errors::OptionError;
use to_py::convert;

/// The `format=` option: a `Format` by its public name.
fn format_option(format: Option<&str>) -> PyResult<Option<Format>> {
    let Some(name) = format else { return Ok(None) };
    let de: StrDeserializer<'_, DeError> = name.into_deserializer();
    Format::deserialize(de).map(Some).map_err(|_| {
        OptionError::new_err(format!("format must be 'html', 'text', 'markdown', 'pdf', 'docx' or 'doc', not {name:?}"))
    })
}

fn options(
    url: Option<String>,
    content_type: Option<String>,
    encoding: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let format = format_option(format)?;
    Ok(Options { url, content_type, encoding, format, t2s, max_bytes: max_bytes_option(max_bytes)? })
}

/// `max_bytes=`: `None` is the default; a non-negative int is the limit (one beyond
/// `usize` is no limit). Anything else is an `OptionError`, not an `OverflowError`.
fn max_bytes_option(value: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(v) = value.filter(|v| !v.is_none()) else { return Ok(DEFAULT_MAX_BYTES) };
    let bad = || {
        let shown = v.repr().map_or_else(|_| "?".into(), |r| r.to_string());
        OptionError::new_err(format!("max_bytes must be a non-negative integer or None, not {shown}"))
    };
    if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
        return Err(bad());
    }
    match v.extract::<usize>() {
        Ok(n) => Ok(n),
        Err(_) if v.gt(0)? => Ok(usize::MAX),
        Err(_) => Err(bad()),
    }
}

/// Parses raw bytes (a page or file, encoding unknown); returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (data, /, *, url=None, content_type=None, encoding=None, format=None, t2s=true, max_bytes=None))]
#[allow(clippy::too_many_arguments)]
fn parse_bytes<'py>(
    py: Python<'py>,
    data: PyBackedBytes,
    url: Option<String>,
    content_type: Option<String>,
    encoding: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options(url, content_type, encoding, format, t2s, max_bytes.as_ref())?;
    let report = py.detach(|| guarded(|| report::parse(Input::Bytes(&data), &opts)))?;
    convert(py, &report)
}

/// Reads a `str` as Rust text; lone surrogates become U+FFFD (counted as undecodable).
fn str_text(text: &Bound<'_, PyString>) -> PyResult<(String, usize)> {
    if let Ok(s) = text.to_str() {
        return Ok((s.to_string(), 0));
    }
    // Through UTF-16 each lone surrogate becomes exactly one U+FFFD.
    let encoded = text.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes: &[u8] = encoded.cast::<pyo3::types::PyBytes>()?.as_bytes();
    let units: Vec<u16> = bytes.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])).collect();
    let before = units.iter().filter(|&&u| u == 0xFFFD).count();
    let lossy = String::from_utf16_lossy(&units);
    let after = lossy.chars().filter(|&c| c == '\u{FFFD}').count();
    Ok((lossy, after - before))
}

/// Parses already decoded text or HTML; returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (text, /, *, url=None, format=None, t2s=true, max_bytes=None))]
fn parse_str<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    url: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options(url, None, None, format, t2s, max_bytes.as_ref())?;
    let (text, bad) = str_text(text)?;
    let mut report = py.detach(|| guarded(|| report::parse(Input::Str(&text), &opts)))?;
    report.source.undecodable_bytes += bad;
    convert(py, &report)
}

/// Reads and parses a file; returns the report as a dict.
#[pyfunction]
#[pyo3(signature = (path, /, *, url=None, encoding=None, format=None, t2s=true, max_bytes=None))]
fn parse_path<'py>(
    py: Python<'py>,
    path: String,
    url: Option<String>,
    encoding: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options(url, None, encoding, format, t2s, max_bytes.as_ref())?;
    let report = py.detach(|| guarded(|| report::parse_file(&path, &opts)))?;
    convert(py, &report)
}

/// The official table forms as data (`gongkai.template()`).
#[pyfunction]
fn template(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert(py, &crate::tables::template::export::official())
}

/// OpenCC's Traditional → Simplified character table, as the core embeds it.
#[pyfunction]
fn ts_characters() -> &'static str {
    crate::normalize::TS_CHARACTERS
}

/// The number of threads rayon's global pool uses.
#[pyfunction]
fn default_threads() -> usize {
    crate::batch::default_threads()
}

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_str, m)?)?;
    m.add_function(wrap_pyfunction!(parse_path, m)?)?;
    m.add_function(wrap_pyfunction!(batch::parse_batch, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(template, m)?)?;
    m.add_function(wrap_pyfunction!(ts_characters, m)?)?;
    Ok(())
}
