//! `parse_batch`: the items taken from Python, parsed by the core's scheduler
//! (`crate::batch`) with the GIL released, each result turned into a dict on this thread
//! as it comes, in input order.

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyList, PyString};

use crate::batch::{self, BatchError, Caller, Item};

use super::errors::{InternalError, OptionError};
use super::to_py::{to_py, with_keys};
use super::{options, str_text};

/// The calling thread: it releases the GIL while it parses or waits.
struct Gil<'py>(Python<'py>);

impl Caller for Gil<'_> {
    fn detached<T: Send, F: FnOnce() -> T + Send>(&mut self, f: F) -> T {
        self.0.detach(f)
    }
}

/// One batch item, from its tuple: `("bytes", data, content_type, url)`, `("str", text, url)`
/// or `("path", path, url)`; with the lone surrogates a `str` held (counted as undecodable).
fn item(tuple: &Bound<'_, PyAny>) -> PyResult<(Item<PyBackedBytes>, usize)> {
    let kind: String = tuple.get_item(0)?.extract()?;
    let payload = tuple.get_item(1)?;
    Ok(match kind.as_str() {
        "bytes" => (
            Item::Bytes {
                data: payload.extract()?,
                content_type: tuple.get_item(2)?.extract()?,
                url: tuple.get_item(3)?.extract()?,
            },
            0,
        ),
        "str" => {
            let (text, bad) = str_text(payload.cast::<PyString>()?)?;
            (Item::Str { text, url: tuple.get_item(2)?.extract()? }, bad)
        }
        "path" => (Item::Path { path: payload.extract()?, url: tuple.get_item(2)?.extract()? }, 0),
        other => return Err(OptionError::new_err(format!("unknown batch item kind {other:?}"))),
    })
}

/// Parses a batch in parallel with the GIL released. `items` are tuples
/// `("bytes", data, content_type, url)`, `("str", text, url)` or `("path", path, url)`.
/// Returns, per item in order, `(True, report_dict)` or `(False, exception)`.
/// `threads=1` parses on the calling thread (no pool: safe after `fork()`).
#[pyfunction]
#[pyo3(signature = (items, /, *, threads=None, encoding=None, format=None, t2s=true, max_bytes=None))]
#[allow(clippy::too_many_arguments)]
pub(super) fn parse_batch<'py>(
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
    for tuple in &items {
        let (it, bad) = item(tuple)?;
        batch.push(it);
        str_bad.push(bad);
    }
    let out = PyList::empty(py);
    let done = with_keys(|keys| {
        let emit = |gil: &mut Gil<'py>, i: usize, result: Result<crate::model::Report, crate::CoreError>| {
            let py = gil.0;
            match result {
                Ok(mut report) => {
                    report.source.undecodable_bytes += str_bad[i];
                    out.append((true, to_py(py, keys, &report)?))
                }
                Err(e) => out.append((false, PyErr::from(e).into_value(py))),
            }
        };
        batch::run(batch, threads, move |item: &Item<PyBackedBytes>| item.parse(&base), &mut Gil(py), emit)
    });
    match done {
        Ok(()) => Ok(out),
        Err(BatchError::Emit(e)) => Err(e),
        Err(BatchError::Pool(why)) => Err(InternalError::new_err(why)),
        Err(BatchError::WorkerStopped) => Err(InternalError::new_err("a parse worker stopped")),
    }
}
