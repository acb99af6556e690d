//! Results → Python objects, straight from `Serialize`.
//!
//! The dicts are what `serde_json::to_value` and a walk over the `Value` would give
//! (integers as int, other numbers as float, non-finite floats as None, maps and structs
//! as dicts in field order, unit variants as their names), built without the intermediate
//! tree: no `Value`, no owned `String` per key. Dict keys and unit variants are interned
//! once per process in `Keys`, and short string values are made once there too.

use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::Serialize;

use crate::hashing::FastMap;

use super::errors::InternalError;

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
        SerError(InternalError::new_err(msg.to_string()))
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
/// And the last long string value made, with its text: the facts of one sentence each quote
/// it, and a repeat is that object again rather than another decoding of its UTF-8.
#[derive(Default)]
pub(super) struct Keys {
    fields: FastMap<(usize, usize), Py<PyString>>,
    names: FastMap<String, Py<PyString>>,
    /// Short string values (a cell's `raw`, a unit, a fact's key and section), made once.
    shorts: FastMap<Box<str>, Py<PyString>>,
    last_text: String,
    last: Option<Py<PyString>>,
}

/// String values up to this many bytes are made once (a cell's `raw`, a unit: a handful of
/// characters, often the same ones), at most `MAX_CACHED_SHORTS` of them.
const SHORT_MAX: usize = 16;
const MAX_CACHED_SHORTS: usize = 8192;

/// String values of these lengths are compared with the last such one: shorter ones cost
/// about as much to make as to compare, longer ones (a report's text) are made once anyway.
const REUSED_MIN: usize = 64;
const REUSED_MAX: usize = 4096;

impl Keys {
    /// The Python string of a struct field's name (or a unit variant's), borrowed from the cache.
    fn field<'k, 'py>(&'k mut self, py: Python<'py>, key: &'static str) -> &'k Bound<'py, PyString> {
        self.fields
            .entry((key.as_ptr() as usize, key.len()))
            .or_insert_with(|| PyString::intern(py, key).unbind())
            .bind(py)
    }

    /// The Python string of a string value (see [`Keys`]).
    fn value<'py>(&mut self, py: Python<'py>, v: &str) -> Bound<'py, PyString> {
        if v.len() <= SHORT_MAX {
            if let Some(s) = self.shorts.get(v) {
                return s.bind(py).clone();
            }
            let s = PyString::new(py, v);
            if self.shorts.len() < MAX_CACHED_SHORTS {
                self.shorts.insert(v.into(), s.clone().unbind());
            }
            return s;
        }
        if !(REUSED_MIN..=REUSED_MAX).contains(&v.len()) {
            return PyString::new(py, v);
        }
        if let Some(last) = self.last.as_ref().filter(|_| self.last_text == v) {
            return last.bind(py).clone();
        }
        let s = PyString::new(py, v);
        self.last_text.clear();
        self.last_text.push_str(v);
        self.last = Some(s.clone().unbind());
        s
    }

    /// Forgets the last string value (a conversion's values are not the next one's).
    fn forget_value(&mut self) {
        self.last = None;
        self.last_text.clear();
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

impl<'py> ToPy<'_, 'py> {
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

impl<'py> SeqOut<'_, 'py> {
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

impl<'py> DictOut<'_, 'py> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
        let v = value.serialize(self.to.reborrow())?;
        self.dict.set_item(self.to.keys.field(self.to.py, key), v)?;
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

/// The four sequence kinds serde tells apart are one list here.
macro_rules! seq_out {
    ($($kind:ident :: $method:ident),*) => {$(
        impl<'a, 'py> serde::ser::$kind for SeqOut<'a, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
                self.push(value)
            }
            fn end(self) -> PyOut<'py> {
                self.finish()
            }
        }
    )*};
}

seq_out!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<'py> serde::ser::SerializeMap for DictOut<'_, 'py> {
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

/// Structs and struct variants are dicts keyed by their field names.
macro_rules! struct_out {
    ($($kind:ident),*) => {$(
        impl<'a, 'py> serde::ser::$kind for DictOut<'a, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = SerError;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), SerError> {
                self.field(key, value)
            }
            fn end(self) -> PyOut<'py> {
                self.finish()
            }
        }
    )*};
}

struct_out!(SerializeStruct, SerializeStructVariant);

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
        Ok(self.keys.value(self.py, v).into_any())
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
        Ok(self.keys.field(self.py, variant).clone().into_any())
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

impl<'py> serde::Serializer for KeyOut<'_, 'py> {
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

/// The process's key cache. Each call used to start with an empty one, and the ~150
/// map keys a report interns (row and column names …) died with the report's dicts and
/// were interned again for the next: a tenth of a Word page's conversion.
static SHARED_KEYS: Mutex<Option<Keys>> = Mutex::new(None);

/// Runs `f` with the process's key cache, or with a fresh one while another call holds
/// it (a batch converting on another thread, a finalizer that parses during a
/// conversion) or after a panic poisoned it: never waits.
pub(super) fn with_keys<R>(f: impl FnOnce(&mut Keys) -> R) -> R {
    match SHARED_KEYS.try_lock() {
        Ok(mut keys) => f(keys.get_or_insert_with(Keys::default)),
        Err(_) => f(&mut Keys::default()),
    }
}

/// Any `Serialize` value (a report, the template) as Python objects, with the process's
/// key cache.
pub(super) fn convert<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    with_keys(|keys| to_py(py, keys, value))
}

/// Any `Serialize` value as Python objects, with the given key cache.
pub(super) fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    keys: &mut Keys,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    keys.forget_value();
    let out = value.serialize(ToPy { py, keys: &mut *keys }).map_err(|e| e.0);
    keys.forget_value();
    out
}
