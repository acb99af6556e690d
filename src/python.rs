//! The Python binding: the only module that touches pyo3. Extracts arguments,
//! runs the core with the GIL released (`detach`), converts results to dicts,
//! and maps `CoreError` onto the exception tree rooted at `GongkaiError`.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, LazyLock, Mutex};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString};
use serde::Serialize;

use crate::document::Format;
use crate::error::CoreError;
use crate::hashing::FastMap;
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

fn to_pyerr(e: CoreError) -> PyErr {
    let msg = e.to_string();
    match e {
        CoreError::Empty => EmptyInputError::new_err(msg),
        CoreError::UnsupportedFormat(_) => UnsupportedFormatError::new_err(msg),
        CoreError::TooLarge { .. } => InputTooLargeError::new_err(msg),
        CoreError::InvalidOption(_) => OptionError::new_err(msg),
        CoreError::Io { not_found: true, .. } => PyFileNotFoundError::new_err(msg),
        CoreError::Io { .. } => PyOSError::new_err(msg),
        CoreError::Encrypted { what: "PDF", .. } => EncryptedPdfError::new_err(msg),
        CoreError::Encrypted { .. } => EncryptedDocumentError::new_err(msg),
        CoreError::ScannedPdf { .. } => ScannedPdfError::new_err(msg),
        CoreError::UndecodableText { .. } => UndecodableTextError::new_err(msg),
        CoreError::Damaged { .. } => DamagedFileError::new_err(msg),
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
        CoreError::Encrypted { what: "PDF", .. } => "EncryptedPdfError",
        CoreError::Encrypted { .. } => "EncryptedDocumentError",
        CoreError::ScannedPdf { .. } => "ScannedPdfError",
        CoreError::UndecodableText { .. } => "UndecodableTextError",
        CoreError::Damaged { .. } => "DamagedFileError",
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

// ---------------------------------------------------------------------------
// Results → Python objects, straight from `Serialize`
//
// The dicts are exactly what `serde_json::to_value` and a walk over the `Value`
// gave before (integers as int, other numbers as float, non-finite floats as
// None, maps and structs as dicts in field order), built without the
// intermediate tree: no `Value`, no owned `String` per key. Dict keys are
// interned once per batch in `Keys`.

/// Why a conversion failed (a Python error, or a `Serialize` impl's own message).
#[derive(Debug)]
struct SerError(PyErr);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for SerError {}

impl serde::ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SerError(GongkaiError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e)
    }
}

impl From<std::convert::Infallible> for SerError {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// Most distinct map keys cached (struct field names are static and always cached).
const MAX_CACHED_KEYS: usize = 4096;

/// Python strings for dict keys, made once: struct field names by address, map keys by content.
#[derive(Default)]
struct Keys {
    fields: FastMap<(usize, usize), Py<PyString>>,
    names: FastMap<String, Py<PyString>>,
}

impl Keys {
    fn field<'py>(&mut self, py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
        self.fields
            .entry((key.as_ptr() as usize, key.len()))
            .or_insert_with(|| PyString::intern(py, key).unbind())
            .bind(py)
            .clone()
    }

    fn name<'py>(&mut self, py: Python<'py>, key: &str) -> Bound<'py, PyString> {
        if let Some(k) = self.names.get(key) {
            return k.bind(py).clone();
        }
        let k = PyString::intern(py, key);
        if self.names.len() < MAX_CACHED_KEYS {
            self.names.insert(key.to_string(), k.clone().unbind());
        }
        k
    }
}

struct ToPy<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys,
}

type PyOut<'py> = Result<Bound<'py, PyAny>, SerError>;

impl<'a, 'py> ToPy<'a, 'py> {
    fn reborrow(&mut self) -> ToPy<'_, 'py> {
        ToPy { py: self.py, keys: self.keys }
    }

    fn int(&self, v: i64) -> PyOut<'py> {
        Ok(v.into_pyobject(self.py)?.into_any())
    }

    fn float(&self, v: f64) -> PyOut<'py> {
        if v.is_finite() {
            Ok(v.into_pyobject(self.py)?.into_any())
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }

    fn tagged(&mut self, variant: &'static str, value: Bound<'py, PyAny>) -> PyOut<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.keys.field(self.py, variant), value)?;
        Ok(dict.into_any())
    }
}

/// A list being built; `variant` wraps it as `{variant: [...]}`.
struct SeqOut<'a, 'py> {
    to: ToPy<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// A dict being built; `variant` wraps it as `{variant: {...}}`.
struct DictOut<'a, 'py> {
    to: ToPy<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyString>>,
    variant: Option<&'static str>,
}

impl<'a, 'py> SeqOut<'a, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        let v = value.serialize(self.to.reborrow())?;
        self.items.push(v);
        Ok(())
    }

    fn finish(mut self) -> PyOut<'py> {
        let list = PyList::new(self.to.py, self.items)?.into_any();
        match self.variant {
            Some(v) => self.to.tagged(v, list),
            None => Ok(list),
        }
    }
}

impl<'a, 'py> DictOut<'a, 'py> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        let k = self.to.keys.field(self.to.py, key);
        let v = value.serialize(self.to.reborrow())?;
        self.dict.set_item(k, v)?;
        Ok(())
    }

    fn finish(mut self) -> PyOut<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(v) => self.to.tagged(v, dict),
            None => Ok(dict),
        }
    }
}

impl<'a, 'py> serde::ser::SerializeSeq for SeqOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeTuple for SeqOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeTupleStruct for SeqOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeTupleVariant for SeqOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeMap for DictOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(key.serialize(KeyOut { py: self.to.py, keys: &mut *self.to.keys })?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self.key.take().ok_or_else(|| <SerError as serde::ser::Error>::custom("map value without a key"))?;
        let v = value.serialize(self.to.reborrow())?;
        self.dict.set_item(key, v)?;
        Ok(())
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeStruct for DictOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::ser::SerializeStructVariant for DictOut<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        self.field(key, value)
    }
    fn end(self) -> PyOut<'py> {
        self.finish()
    }
}

impl<'a, 'py> serde::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = SeqOut<'a, 'py>;
    type SerializeTuple = SeqOut<'a, 'py>;
    type SerializeTupleStruct = SeqOut<'a, 'py>;
    type SerializeTupleVariant = SeqOut<'a, 'py>;
    type SerializeMap = DictOut<'a, 'py>;
    type SerializeStruct = DictOut<'a, 'py>;
    type SerializeStructVariant = DictOut<'a, 'py>;

    fn serialize_bool(self, v: bool) -> PyOut<'py> {
        Ok(v.into_pyobject(self.py)?.to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_i16(self, v: i16) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_i32(self, v: i32) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_i64(self, v: i64) -> PyOut<'py> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_u16(self, v: u16) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_u32(self, v: u32) -> PyOut<'py> {
        self.int(v.into())
    }
    fn serialize_u64(self, v: u64) -> PyOut<'py> {
        // As `Value::Number(u64)` read back through `as_i64`, else `as_f64`.
        match i64::try_from(v) {
            Ok(i) => self.int(i),
            #[allow(clippy::cast_precision_loss)]
            Err(_) => self.float(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> PyOut<'py> {
        self.float(v.into())
    }
    fn serialize_f64(self, v: f64) -> PyOut<'py> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> PyOut<'py> {
        let mut buf = [0u8; 4];
        Ok(PyString::new(self.py, v.encode_utf8(&mut buf)).into_any())
    }
    fn serialize_str(self, v: &str) -> PyOut<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> PyOut<'py> {
        let items = v.iter().map(|&b| self.int(b.into())).collect::<Result<Vec<_>, _>>()?;
        Ok(PyList::new(self.py, items)?.into_any())
    }
    fn serialize_none(self) -> PyOut<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> PyOut<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> PyOut<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> PyOut<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> PyOut<'py> {
        Ok(PyString::new(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> PyOut<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> PyOut<'py> {
        let v = value.serialize(self.reborrow())?;
        self.tagged(variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqOut<'a, 'py>, SerError> {
        Ok(SeqOut { to: self, items: Vec::with_capacity(len.unwrap_or(0)), variant: None })
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqOut<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<SeqOut<'a, 'py>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqOut<'a, 'py>, SerError> {
        Ok(SeqOut { to: self, items: Vec::with_capacity(len), variant: Some(variant) })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<DictOut<'a, 'py>, SerError> {
        let dict = PyDict::new(self.py);
        Ok(DictOut { to: self, dict, key: None, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<DictOut<'a, 'py>, SerError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<DictOut<'a, 'py>, SerError> {
        let dict = PyDict::new(self.py);
        Ok(DictOut { to: self, dict, key: None, variant: Some(variant) })
    }
}

/// A map key: a string (cached), or a number or bool spelt as JSON object keys spell them.
struct KeyOut<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys,
}

impl KeyOut<'_, '_> {
    fn bad() -> SerError {
        <SerError as serde::ser::Error>::custom("key must be a string")
    }
}

impl<'a, 'py> serde::Serializer for KeyOut<'a, 'py> {
    type Ok = Bound<'py, PyString>;
    type Error = SerError;
    type SerializeSeq = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeTuple = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeTupleStruct = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeTupleVariant = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeMap = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeStruct = serde::ser::Impossible<Self::Ok, SerError>;
    type SerializeStructVariant = serde::ser::Impossible<Self::Ok, SerError>;

    fn serialize_str(self, v: &str) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, v))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, v.encode_utf8(&mut [0u8; 4])))
    }
    fn serialize_bool(self, v: bool) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, if v { "true" } else { "false" }))
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, &v.to_string()))
    }
    fn serialize_f32(self, _v: f32) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_f64(self, _v: f64) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_none(self) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_unit(self) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Result<Self::Ok, SerError> {
        Ok(self.keys.name(self.py, variant))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, SerError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok, SerError> {
        Err(Self::bad())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, SerError> {
        Err(Self::bad())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, SerError> {
        Err(Self::bad())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, SerError> {
        Err(Self::bad())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, SerError> {
        Err(Self::bad())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, SerError> {
        Err(Self::bad())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, SerError> {
        Err(Self::bad())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, SerError> {
        Err(Self::bad())
    }
}

fn report_to_py<'py>(py: Python<'py>, keys: &mut Keys, report: &Report) -> PyResult<Bound<'py, PyAny>> {
    report.serialize(ToPy { py, keys }).map_err(|e| e.0)
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
        Some("markdown") => Some(Format::Markdown),
        Some("pdf") => Some(Format::Pdf),
        Some("docx") => Some(Format::Docx),
        Some("doc") => Some(Format::Doc),
        Some(other) => {
            return Err(OptionError::new_err(format!(
                "format must be 'html', 'text', 'markdown', 'pdf', 'docx' or 'doc', not {other:?}"
            )));
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
    report_to_py(py, &mut Keys::default(), &report)
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
    report_to_py(py, &mut Keys::default(), &report)
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
    report_to_py(py, &mut Keys::default(), &report)
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

/// Parses one batch item with the batch's options.
fn run_item(item: &Item, base: &Options) -> Result<Report, CoreError> {
    guarded(|| run_item_unguarded(item, base))
}

fn run_item_unguarded(item: &Item, base: &Options) -> Result<Report, CoreError> {
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
    let out = PyList::empty(py);
    let mut keys = Keys::default();
    let mut emit = |py: Python<'py>, i: usize, result: Result<Report, CoreError>| -> PyResult<()> {
        match result {
            Ok(mut report) => {
                report.source.undecodable_bytes += str_bad[i];
                out.append((true, report_to_py(py, &mut keys, &report)?))
            }
            Err(e) => out.append((false, (error_name(&e), e.to_string()))),
        }
    };
    // This thread parses too, and turns reports into dicts (which needs the GIL) as they
    // come, in input order; `threads - 1` workers on the pool parse alongside. Items are
    // taken in input order from a shared counter. So one thread parses and converts each
    // report while it is hot in the cache, and more threads add parsers without leaving a
    // core to conversion alone.
    let total_threads = match threads {
        Some(n) => n,
        None => rayon::current_num_threads(),
    };
    let workers = total_threads.saturating_sub(1).min(batch.len().saturating_sub(1));
    let pool = match threads {
        Some(_) if workers > 0 => Some(pool(workers).map_err(GongkaiError::new_err)?),
        _ => None,
    };
    let len = batch.len();
    let shared = Arc::new((batch, base, AtomicUsize::new(0)));
    let (tx, mut rx) = mpsc::channel::<(usize, std::thread::Result<Result<Report, CoreError>>)>();
    for _ in 0..workers {
        let (shared, tx) = (Arc::clone(&shared), tx.clone());
        let work = move || loop {
            let (batch, base, next) = &*shared;
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= batch.len() {
                break;
            }
            // A panic goes back to the caller (as with par_iter), not to rayon's handler.
            let result = std::panic::catch_unwind(AssertUnwindSafe(|| run_item(&batch[i], base)));
            if tx.send((i, result)).is_err() {
                break;
            }
        };
        match &pool {
            Some(p) => p.spawn(work),
            None => rayon::spawn(work),
        }
    }
    drop(tx);
    let mut pending: Vec<Option<Result<Report, CoreError>>> = (0..len).map(|_| None).collect();
    let mut next_out = 0;
    while next_out < len {
        if let Some(result) = pending[next_out].take() {
            emit(py, next_out, result)?;
            next_out += 1;
            continue;
        }
        let got = match rx.try_recv() {
            Ok(got) => got,
            Err(_) => {
                let (batch, base, next) = &*shared;
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i < len {
                    // Nothing to convert yet: parse the next item here.
                    let result = py.detach(|| run_item(&batch[i], base));
                    pending[i] = Some(result);
                    continue;
                }
                // Every item is taken: wait for the workers. The receiver is not Sync:
                // move it into the detached closure and back.
                let (back, got) = py.detach(move || {
                    let got = rx.recv();
                    (rx, got)
                });
                rx = back;
                got.map_err(|_| GongkaiError::new_err("a parse worker stopped"))?
            }
        };
        match got {
            (i, Ok(result)) => pending[i] = Some(result),
            (_, Err(panic)) => std::panic::resume_unwind(panic),
        }
    }
    Ok(out)
}

/// The official table forms as data (`gongkai.template()`).
#[pyfunction]
fn template(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let mut keys = Keys::default();
    crate::tables::template::export::official().serialize(ToPy { py, keys: &mut keys }).map_err(|e| e.0)
}

/// OpenCC's Traditional → Simplified character table, as the core embeds it.
#[pyfunction]
fn ts_characters() -> &'static str {
    crate::normalize::TS_CHARACTERS
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
    m.add("EncryptedDocumentError", py.get_type::<EncryptedDocumentError>())?;
    m.add("EncryptedPdfError", py.get_type::<EncryptedPdfError>())?;
    m.add("ScannedPdfError", py.get_type::<ScannedPdfError>())?;
    m.add("UndecodableTextError", py.get_type::<UndecodableTextError>())?;
    m.add("DamagedFileError", py.get_type::<DamagedFileError>())?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_str, m)?)?;
    m.add_function(wrap_pyfunction!(parse_path, m)?)?;
    m.add_function(wrap_pyfunction!(parse_batch, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(template, m)?)?;
    m.add_function(wrap_pyfunction!(ts_characters, m)?)?;
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
