//! The Python binding: the only module that touches pyo3. Extracts arguments,
//! runs the core with the GIL released (`detach`), converts results to dicts,
//! and maps `CoreError` onto the exception tree rooted at `GongkaiError`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString};
use rayon::prelude::*;
use serde_json::Value;

use crate::document::Format;
use crate::error::CoreError;
use crate::model::Report;
use crate::report::{self, Input, Options, DEFAULT_MAX_BYTES};

create_exception!(gongkai, GongkaiError, PyException, "Base class of every error gongkai raises.");
create_exception!(
    gongkai,
    UnsupportedFormatError,
    GongkaiError,
    "The input is not text (a PDF, an image, an archive, random bytes)."
);
create_exception!(gongkai, EmptyInputError, GongkaiError, "The input holds no text.");
create_exception!(gongkai, InputTooLargeError, GongkaiError, "The input is larger than `max_bytes`.");
create_exception!(gongkai, OptionError, GongkaiError, "An option is invalid (an unknown encoding label or format).");

fn to_pyerr(e: CoreError) -> PyErr {
    let msg = e.to_string();
    match e {
        CoreError::Empty => EmptyInputError::new_err(msg),
        CoreError::UnsupportedFormat(_) => UnsupportedFormatError::new_err(msg),
        CoreError::TooLarge { .. } => InputTooLargeError::new_err(msg),
        CoreError::InvalidOption(_) => OptionError::new_err(msg),
        CoreError::Io { not_found: true, .. } => PyFileNotFoundError::new_err(msg),
        CoreError::Io { .. } => PyOSError::new_err(msg),
        CoreError::Internal(_) => GongkaiError::new_err(msg),
    }
}

fn error_name(e: &CoreError) -> &'static str {
    match e {
        CoreError::Empty => "EmptyInputError",
        CoreError::UnsupportedFormat(_) => "UnsupportedFormatError",
        CoreError::TooLarge { .. } => "InputTooLargeError",
        CoreError::InvalidOption(_) => "OptionError",
        CoreError::Io { not_found: true, .. } => "FileNotFoundError",
        CoreError::Io { .. } => "OSError",
        CoreError::Internal(_) => "GongkaiError",
    }
}

/// Runs the core on one input; a panic (a parser bug) becomes `CoreError::Internal`,
/// so it reaches Python as a `GongkaiError` and, in a batch, fails only its own input.
fn guarded<T>(f: impl FnOnce() -> Result<T, CoreError>) -> Result<T, CoreError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(CoreError::Internal(msg))
    })
}

fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_pyobject(py)?.into_any(),
            None => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                // Keys repeat in every fact, cell and issue: one shared str each, not one per dict.
                dict.set_item(PyString::intern(py, k), value_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn to_py<'py, T: serde::Serialize>(py: Python<'py>, item: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(item).map_err(|e| GongkaiError::new_err(e.to_string()))?;
    value_to_py(py, &value)
}

fn list_to_py<'py, T: serde::Serialize>(py: Python<'py>, items: &[T]) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for item in items {
        list.append(to_py(py, item)?)?;
    }
    Ok(list.into_any())
}

/// The report as a dict. The parts that grow with the input (facts, sections,
/// issues, parts, text) go over one element at a time, so the intermediate JSON
/// value of the whole report (twice the memory of the report) never exists.
fn report_to_py<'py>(py: Python<'py>, mut report: Report) -> PyResult<Bound<'py, PyAny>> {
    let facts = std::mem::take(&mut report.facts);
    let sections = std::mem::take(&mut report.sections);
    let issues = std::mem::take(&mut report.issues);
    let parts = std::mem::take(&mut report.parts);
    let text = std::mem::take(&mut report.text);
    let dict = to_py(py, &report)?.cast_into::<PyDict>()?;
    drop(report);
    // Replacing a key keeps its place: the dict's key order stays the report's.
    dict.set_item(PyString::intern(py, "sections"), list_to_py(py, &sections)?)?;
    drop(sections);
    dict.set_item(PyString::intern(py, "facts"), list_to_py(py, &facts)?)?;
    drop(facts);
    dict.set_item(PyString::intern(py, "issues"), list_to_py(py, &issues)?)?;
    drop(issues);
    let py_parts = PyList::empty(py);
    for part in parts {
        py_parts.append(report_to_py(py, part)?)?;
    }
    dict.set_item(PyString::intern(py, "parts"), py_parts)?;
    dict.set_item(PyString::intern(py, "text"), PyString::new(py, &text))?;
    Ok(dict.into_any())
}

#[allow(clippy::too_many_arguments)]
fn options(
    url: Option<String>,
    content_type: Option<String>,
    encoding: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let format = match format {
        None => None,
        Some("html") => Some(Format::Html),
        Some("text") => Some(Format::Text),
        Some(other) => {
            return Err(OptionError::new_err(format!("format must be 'html' or 'text', not {other:?}")));
        }
    };
    Ok(Options { url, content_type, encoding, format, t2s, max_bytes: max_bytes_option(max_bytes)? })
}

/// `max_bytes=`: `None` is the default; a non-negative int is the limit (one beyond
/// `usize` is no limit). Anything else is an `OptionError`, not an `OverflowError`.
fn max_bytes_option(value: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(v) = value.filter(|v| !v.is_none()) else { return Ok(DEFAULT_MAX_BYTES) };
    let bad = || {
        let shown = v.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into());
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
    let report = py.detach(|| guarded(|| report::parse(Input::Bytes(&data), &opts))).map_err(to_pyerr)?;
    report_to_py(py, report)
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
    let mut report = py.detach(|| guarded(|| report::parse(Input::Str(&text), &opts))).map_err(to_pyerr)?;
    report.source.undecodable_bytes += bad;
    report_to_py(py, report)
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
    let report = py.detach(|| guarded(|| report::parse_file(&path, &opts))).map_err(to_pyerr)?;
    report_to_py(py, report)
}

/// One batch item, extracted from Python before the GIL is released.
enum Item {
    Bytes(PyBackedBytes, Option<String>, Option<String>),
    Str(String, Option<String>),
    Path(String, Option<String>),
}

static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// A cached pool per thread count (building one per call would cost more than small batches).
fn pool(threads: usize) -> Result<Arc<rayon::ThreadPool>, String> {
    let mut pools = POOLS.lock().map_err(|e| e.to_string())?;
    if let Some(p) = pools.get(&threads) {
        return Ok(p.clone());
    }
    let p = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?);
    pools.insert(threads, p.clone());
    Ok(p)
}

/// Parses a batch in parallel with the GIL released. `items` are tuples
/// `("bytes", data, content_type, url)`, `("str", text, url)` or `("path", path, url)`.
/// Returns, per item in order, `(True, report_dict)` or `(False, (error_type, message))`.
/// `threads=1` parses on the calling thread (no pool: safe after `fork()`).
#[pyfunction]
#[pyo3(signature = (items, /, *, threads=None, encoding=None, format=None, t2s=true, max_bytes=None))]
#[allow(clippy::too_many_arguments)]
fn parse_batch<'py>(
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
    threads: Option<usize>,
    encoding: Option<String>,
    format: Option<&str>,
    t2s: bool,
    max_bytes: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let base = options(None, None, encoding, format, t2s, max_bytes.as_ref())?;
    let mut batch = Vec::with_capacity(items.len());
    let mut str_bad = Vec::with_capacity(items.len());
    for item in &items {
        let kind: String = item.get_item(0)?.extract()?;
        let payload = item.get_item(1)?;
        let (it, bad) = match kind.as_str() {
            "bytes" => (Item::Bytes(payload.extract()?, item.get_item(2)?.extract()?, item.get_item(3)?.extract()?), 0),
            "str" => {
                let (text, bad) = str_text(payload.cast::<PyString>()?)?;
                (Item::Str(text, item.get_item(2)?.extract()?), bad)
            }
            "path" => (Item::Path(payload.extract()?, item.get_item(2)?.extract()?), 0),
            other => return Err(OptionError::new_err(format!("unknown batch item kind {other:?}"))),
        };
        batch.push(it);
        str_bad.push(bad);
    }
    let run = |item: &Item| -> Result<Report, CoreError> {
        let mut opts = base.clone();
        match item {
            Item::Bytes(data, ctype, url) => {
                opts.content_type.clone_from(ctype);
                opts.url.clone_from(url);
                report::parse(Input::Bytes(data), &opts)
            }
            Item::Str(text, url) => {
                opts.url.clone_from(url);
                report::parse(Input::Str(text), &opts)
            }
            Item::Path(path, url) => {
                opts.url.clone_from(url);
                report::parse_file(path, &opts)
            }
        }
    };
    let results: Vec<Result<Report, CoreError>> = match threads {
        Some(1) => py.detach(|| batch.iter().map(|i| guarded(|| run(i))).collect()),
        Some(n) => {
            let pool = pool(n).map_err(GongkaiError::new_err)?;
            py.detach(|| pool.install(|| batch.par_iter().map(|i| guarded(|| run(i))).collect()))
        }
        None => py.detach(|| batch.par_iter().map(|i| guarded(|| run(i))).collect()),
    };
    let out = PyList::empty(py);
    for (result, bad) in results.into_iter().zip(str_bad) {
        match result {
            Ok(mut report) => {
                report.source.undecodable_bytes += bad;
                out.append((true, report_to_py(py, report)?))?;
            }
            Err(e) => out.append((false, (error_name(&e), e.to_string())))?,
        }
    }
    Ok(out)
}

/// The number of threads rayon's global pool uses.
#[pyfunction]
fn default_threads() -> usize {
    rayon::current_num_threads()
}

#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    m.add("GongkaiError", py.get_type::<GongkaiError>())?;
    m.add("UnsupportedFormatError", py.get_type::<UnsupportedFormatError>())?;
    m.add("EmptyInputError", py.get_type::<EmptyInputError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("OptionError", py.get_type::<OptionError>())?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_str, m)?)?;
    m.add_function(wrap_pyfunction!(parse_path, m)?)?;
    m.add_function(wrap_pyfunction!(parse_batch, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_core_is_an_internal_error() {
        let r: Result<(), CoreError> = guarded(|| panic!("index out of bounds"));
        let s: Result<(), CoreError> = guarded(|| panic!("{} {}", "formatted", 1));
        assert_eq!(r, Err(CoreError::Internal("index out of bounds".into())));
        assert_eq!(s, Err(CoreError::Internal("formatted 1".into())));
        assert_eq!(guarded(|| Ok(7)), Ok(7));
        assert_eq!(guarded::<()>(|| Err(CoreError::Empty)), Err(CoreError::Empty));
        let e = CoreError::Internal("x".into());
        assert_eq!(error_name(&e), "GongkaiError");
        assert_eq!(e.to_string(), "internal error (a gongkai bug, please report it): x");
    }
}
