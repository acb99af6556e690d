//! The exception tree rooted at `GongkaiError`, and the one mapping of `CoreError` onto it
//! (`impl From<CoreError> for PyErr`).
//!
//! Errors a caller would catch as a standard exception are one too: `OptionError` and
//! `EmptyInputError` are `ValueError`s, `InternalError` (a parser bug) a `RuntimeError`.
//! Those have two bases, which `create_exception!` cannot make: they are built on first
//! use by calling `type(name, bases, namespace)`.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

use crate::error::{CoreError, FileKind};

create_exception!(gongkai, GongkaiError, PyException, "Base class of every error gongkai raises.");
create_exception!(
    gongkai,
    UnsupportedFormatError,
    GongkaiError,
    "The input is not text (a PDF, an image, an archive, random bytes)."
);
create_exception!(gongkai, InputTooLargeError, GongkaiError, "The input is larger than `max_bytes`.");
create_exception!(
    gongkai,
    EncryptedDocumentError,
    GongkaiError,
    "A PDF or Word file needs a password to open (files with an empty user password are read)."
);
create_exception!(gongkai, EncryptedPdfError, EncryptedDocumentError, "A PDF that needs a password to open.");
create_exception!(
    gongkai,
    ScannedPdfError,
    GongkaiError,
    "A PDF without a text layer (scanned page images): it needs OCR before it can be parsed."
);
create_exception!(
    gongkai,
    UndecodableTextError,
    GongkaiError,
    "A PDF whose text cannot be decoded (fonts without a ToUnicode map or known encoding)."
);
create_exception!(gongkai, DamagedFileError, GongkaiError, "A PDF or Word file damaged beyond repair.");

/// An exception class that is both a `GongkaiError` and a standard exception.
pub(super) struct Mixed {
    name: &'static str,
    doc: &'static str,
    standard: fn(Python<'_>) -> Bound<'_, PyType>,
    class: PyOnceLock<Py<PyType>>,
}

impl Mixed {
    const fn new(name: &'static str, doc: &'static str, standard: fn(Python<'_>) -> Bound<'_, PyType>) -> Mixed {
        Mixed { name, doc, standard, class: PyOnceLock::new() }
    }

    /// The class, made on first use: `class Name(GongkaiError, Standard)` in module `gongkai`.
    pub(super) fn class<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyType>> {
        let class = self.class.get_or_try_init(py, || -> PyResult<Py<PyType>> {
            let bases = PyTuple::new(py, [py.get_type::<GongkaiError>(), (self.standard)(py)])?;
            let namespace = PyDict::new(py);
            namespace.set_item("__module__", "gongkai")?;
            namespace.set_item("__doc__", self.doc)?;
            let class = py.get_type::<PyType>().call1((self.name, bases, namespace))?;
            Ok(class.cast_into::<PyType>()?.unbind())
        })?;
        Ok(class.bind(py).clone())
    }

    /// A new exception of this class with `message`.
    pub(super) fn new_err(&self, message: impl Into<String>) -> PyErr {
        let message = message.into();
        Python::attach(|py| match self.class(py) {
            Ok(class) => PyErr::from_type(class, message),
            Err(e) => e,
        })
    }
}

pub(super) static OPTION_ERROR: Mixed =
    Mixed::new("OptionError", "An option is invalid (an unknown encoding label or format). Also a ValueError.", |py| {
        py.get_type::<PyValueError>()
    });
#[allow(clippy::redundant_closure_for_method_calls)] // a closure gives the fn pointer its lifetimes
pub(super) static EMPTY_INPUT_ERROR: Mixed =
    Mixed::new("EmptyInputError", "The input holds no text. Also a ValueError.", |py| py.get_type::<PyValueError>());
#[allow(clippy::redundant_closure_for_method_calls)]
pub(super) static INTERNAL_ERROR: Mixed = Mixed::new(
    "InternalError",
    "The parser failed on this input: a gongkai bug (please report it). Also a RuntimeError.",
    |py| py.get_type::<PyRuntimeError>(),
);

/// `InternalError.new_err(...)`, as the `create_exception!` classes spell it.
pub(super) struct InternalError;

impl InternalError {
    pub(super) fn new_err(message: impl Into<String>) -> PyErr {
        INTERNAL_ERROR.new_err(message)
    }
}

/// `OptionError.new_err(...)`.
pub(super) struct OptionError;

impl OptionError {
    pub(super) fn new_err(message: impl Into<String>) -> PyErr {
        OPTION_ERROR.new_err(message)
    }
}

impl From<CoreError> for PyErr {
    fn from(e: CoreError) -> PyErr {
        let msg = e.to_string();
        match e {
            CoreError::Empty => EMPTY_INPUT_ERROR.new_err(msg),
            CoreError::UnsupportedFormat(_) => UnsupportedFormatError::new_err(msg),
            CoreError::TooLarge { .. } => InputTooLargeError::new_err(msg),
            CoreError::InvalidOption(_) => OPTION_ERROR.new_err(msg),
            CoreError::Io { not_found: true, .. } => PyFileNotFoundError::new_err(msg),
            CoreError::Io { .. } => PyOSError::new_err(msg),
            CoreError::Encrypted { what: FileKind::Pdf, .. } => EncryptedPdfError::new_err(msg),
            CoreError::Encrypted { what: FileKind::Word, .. } => EncryptedDocumentError::new_err(msg),
            CoreError::ScannedPdf { .. } => ScannedPdfError::new_err(msg),
            CoreError::UndecodableText { .. } => UndecodableTextError::new_err(msg),
            CoreError::Damaged { .. } => DamagedFileError::new_err(msg),
            CoreError::Internal(_) => INTERNAL_ERROR.new_err(msg),
        }
    }
}

/// Adds the exception classes to the module.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("GongkaiError", py.get_type::<GongkaiError>())?;
    m.add("UnsupportedFormatError", py.get_type::<UnsupportedFormatError>())?;
    m.add("EmptyInputError", EMPTY_INPUT_ERROR.class(py)?)?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("OptionError", OPTION_ERROR.class(py)?)?;
    m.add("EncryptedDocumentError", py.get_type::<EncryptedDocumentError>())?;
    m.add("EncryptedPdfError", py.get_type::<EncryptedPdfError>())?;
    m.add("ScannedPdfError", py.get_type::<ScannedPdfError>())?;
    m.add("UndecodableTextError", py.get_type::<UndecodableTextError>())?;
    m.add("DamagedFileError", py.get_type::<DamagedFileError>())?;
    m.add("InternalError", INTERNAL_ERROR.class(py)?)?;
    Ok(())
}
