//! A `serde::Deserializer` over the YAML parser's events: any type with serde derives is
//! read straight from the stream, and every value's place goes into the position index.
//!
//! Types are read as the flow files have always been read: plain scalars by the YAML 1.2
//! core schema, any scalar as text where text is wanted, an empty value as an empty list or
//! mapping, enums by name (or by a `!Variant` tag), and errors placed at the innermost
//! value that saw them, with its path (`nodes.first.steps: invalid type…`).

use std::borrow::Cow;

use saphyr_parser::{Event, ScalarStyle, Span, Tag};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use super::error::ReadError;
use super::events::{Events, MAX_NESTING, at};
use super::scalar::{
    Resolved, core_tag, is_null, parse_bool, parse_f64, parse_signed, parse_unsigned, resolve,
};
use crate::path::Seg;
use crate::positions::{PositionIndex, Spot};

type Result<T> = std::result::Result<T, ReadError>;

/// Reads values from a YAML event stream, indexing where each one is.
pub(crate) struct Reader<'de> {
    pub events: Events<'de>,
    pub index: PositionIndex,
    /// The index entry of the value being read.
    current: u32,
    /// How many more collections may be entered (aliases included).
    depth_left: usize,
    /// Keys that name no field of the struct they are in, skipped so reading goes on and
    /// every other problem of the file can still be found.
    pub unknown_fields: Vec<ReadError>,
}

/// The place of a parser span.
pub(crate) fn spot(span: Span) -> Spot {
    Spot::new(
        (span.start.line(), span.start.col()),
        (span.end.line(), span.end.col()),
    )
}

impl<'de> Reader<'de> {
    /// A reader of `events`, whose document value is index entry `root`.
    pub fn new(events: Events<'de>, index: PositionIndex, root: u32) -> Reader<'de> {
        Reader {
            events,
            index,
            current: root,
            depth_left: MAX_NESTING,
            unknown_fields: Vec::new(),
        }
    }

    /// Gives `error` the place of the value at `span` and the path being read, unless an
    /// inner value already placed it.
    fn place(&self, error: ReadError, span: Span) -> ReadError {
        error.placed(span.start.line(), span.start.col(), || {
            path_text(&self.index.path_of(self.current))
        })
    }

    /// Runs `read` one collection deeper.
    fn deeper<T>(&mut self, span: Span, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth_left == 0 {
            return Err(at(
                span,
                format!("the YAML is nested more than {MAX_NESTING} levels deep"),
            ));
        }
        self.depth_left -= 1;
        let result = read(self);
        self.depth_left += 1;
        result
    }

    fn visit_sequence<V: Visitor<'de>>(&mut self, visitor: V, span: Span) -> Result<V::Value> {
        self.deeper(span, |reader| {
            let mut access = Elements { reader, len: 0 };
            let value = visitor.visit_seq(&mut access)?;
            let read = access.len;
            while access.next_element::<IgnoredAny>()?.is_some() {}
            let total = access.len;
            access.reader.events.next()?;
            if total != read {
                return Err(de::Error::invalid_length(total, &"fewer elements"));
            }
            Ok(value)
        })
    }

    /// Reads a mapping; with `fields`, the mapping is a struct's and keys not among them
    /// are set aside in `unknown_fields`.
    fn visit_mapping<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        span: Span,
        fields: Option<&'static [&'static str]>,
    ) -> Result<V::Value> {
        self.deeper(span, |reader| {
            let mut access = Entries {
                reader,
                key: None,
                len: 0,
                fields,
            };
            let value = visitor.visit_map(&mut access)?;
            let read = access.len;
            while access.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            let total = access.len;
            access.reader.events.next()?;
            if total != read {
                return Err(de::Error::invalid_length(total, &"fewer entries"));
            }
            Ok(value)
        })
    }

    /// Reads a mapping value (or an empty one); `fields` as in [`Reader::visit_mapping`].
    fn mapping<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        fields: Option<&'static [&'static str]>,
    ) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match event {
            Event::MappingStart(..) => self.visit_mapping(visitor, span, fields),
            ref empty if is_empty_plain(empty) => visitor.visit_map(Nothing),
            other => Err(invalid_type(&other, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }

    /// Skips one value (all of a collection).
    fn skip(&mut self) -> Result<()> {
        let mut open = 0usize;
        loop {
            match self.events.next()?.0 {
                Event::SequenceStart(..) | Event::MappingStart(..) => open += 1,
                Event::SequenceEnd | Event::MappingEnd => open = open.saturating_sub(1),
                _ => {}
            }
            if open == 0 {
                return Ok(());
            }
        }
    }

    /// Reads a whole number with `parse`, or says what was found instead.
    fn number<V: Visitor<'de>, T>(
        &mut self,
        visitor: V,
        parse: impl FnOnce(&str) -> Option<T>,
        visit: impl FnOnce(V, T) -> Result<V::Value>,
    ) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match &event {
            Event::Scalar(value, ScalarStyle::Plain, _, _) => match parse(value) {
                Some(number) => visit(visitor, number),
                None => Err(invalid_type(&event, &visitor)),
            },
            _ => Err(invalid_type(&event, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }
}

/// A path as serde_yaml has always shown it: `nodes.first.steps[0]`, or `.` for the top.
fn path_text(segs: &[Seg]) -> String {
    if segs.is_empty() {
        return ".".to_owned();
    }
    let mut text = String::new();
    for (i, seg) in segs.iter().enumerate() {
        match seg {
            Seg::Key(key) if i == 0 => text.push_str(key),
            Seg::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Seg::Index(n) if i == 0 => text.push_str(&format!(".[{n}]")),
            Seg::Index(n) => text.push_str(&format!("[{n}]")),
        }
    }
    text
}

/// Visits a scalar as what it resolves to.
fn visit_scalar<'de, V: Visitor<'de>>(
    visitor: V,
    value: Cow<'de, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
) -> Result<V::Value> {
    match resolve(&value, style, tag) {
        Resolved::Null => visitor.visit_unit(),
        Resolved::Bool(b) => visitor.visit_bool(b),
        Resolved::Unsigned(n) => visitor.visit_u64(n),
        Resolved::Signed(n) => visitor.visit_i64(n),
        Resolved::Unsigned128(n) => visitor.visit_u128(n),
        Resolved::Signed128(n) => visitor.visit_i128(n),
        Resolved::Float(f) => visitor.visit_f64(f),
        Resolved::Text => visit_text(visitor, value),
    }
}

fn visit_text<'de, V: Visitor<'de>>(visitor: V, value: Cow<'de, str>) -> Result<V::Value> {
    match value {
        Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        Cow::Owned(text) => visitor.visit_string(text),
    }
}

/// The error for finding `event` where `expected` was wanted.
fn invalid_type(event: &Event, expected: &dyn de::Expected) -> ReadError {
    let unexpected = match event {
        Event::Scalar(value, style, _, tag) => match resolve(value, *style, tag.as_deref()) {
            Resolved::Null => Unexpected::Unit,
            Resolved::Bool(b) => Unexpected::Bool(b),
            Resolved::Unsigned(n) => Unexpected::Unsigned(n),
            Resolved::Signed(n) => Unexpected::Signed(n),
            Resolved::Unsigned128(_) | Resolved::Signed128(_) => Unexpected::Other("integer"),
            Resolved::Float(f) => Unexpected::Float(f),
            Resolved::Text => Unexpected::Str(value),
        },
        Event::SequenceStart(..) => Unexpected::Seq,
        Event::MappingStart(..) => Unexpected::Map,
        _ => Unexpected::Other("the end of a collection"),
    };
    de::Error::invalid_type(unexpected, expected)
}

/// Whether an empty plain scalar stands where a collection is wanted (`choices:` alone).
fn is_empty_plain(event: &Event) -> bool {
    matches!(event, Event::Scalar(value, ScalarStyle::Plain, _, _) if value.is_empty())
}

/// Whether a scalar means "no value" for an `Option`.
fn is_none(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> bool {
    if style != ScalarStyle::Plain {
        return false;
    }
    match tag {
        Some(tag) => core_tag(Some(tag)) == Some("null") && is_null(value),
        None => value.is_empty() || is_null(value),
    }
}

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match event {
            Event::Scalar(value, style, _, tag) => {
                visit_scalar(visitor, value, style, tag.as_deref())
            }
            Event::SequenceStart(..) => self.visit_sequence(visitor, span),
            Event::MappingStart(..) => self.visit_mapping(visitor, span, None),
            other => Err(invalid_type(&other, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor, parse_bool, |v, b| v.visit_bool(b))
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(
            visitor,
            |s| parse_signed(s, i64::from_str_radix),
            |v, n| v.visit_i64(n),
        )
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(
            visitor,
            |s| parse_signed(s, i128::from_str_radix),
            |v, n| v.visit_i128(n),
        )
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(
            visitor,
            |s| parse_unsigned(s, u64::from_str_radix),
            |v, n| v.visit_u64(n),
        )
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(
            visitor,
            |s| parse_unsigned(s, u128::from_str_radix),
            |v, n| v.visit_u128(n),
        )
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number(visitor, parse_f64, |v, f| v.visit_f64(f))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match event {
            Event::Scalar(value, ..) => visit_text(visitor, value),
            other => Err(invalid_type(&other, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(ReadError::new("bytes cannot be read from YAML"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let none = match self.events.peek()? {
            (Event::Scalar(value, style, _, tag), _) => is_none(value, *style, tag.as_deref()),
            _ => false,
        };
        if none {
            self.events.next()?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match &event {
            Event::Scalar(value, style, _, tag) if is_none(value, *style, tag.as_deref()) => {
                visitor.visit_unit()
            }
            Event::Scalar(value, ..) => {
                Err(de::Error::invalid_value(Unexpected::Str(value), &"null"))
            }
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        let span = self.events.peek()?.1;
        self.deeper(span, |reader| visitor.visit_newtype_struct(reader))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, span) = self.events.next()?;
        let result = match event {
            Event::SequenceStart(..) => self.visit_sequence(visitor, span),
            ref empty if is_empty_plain(empty) => visitor.visit_seq(Nothing),
            other => Err(invalid_type(&other, &visitor)),
        };
        result.map_err(|error| self.place(error, span))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.mapping(visitor, None)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.mapping(visitor, Some(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let (event, span) = self.events.peek()?;
        let span = *span;
        let tag = match event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, tag)
            | Event::MappingStart(_, tag) => tag.as_deref(),
            _ => None,
        };
        let local_tag = tag
            .filter(|tag| tag.handle == "!" && !tag.suffix.is_empty())
            .map(|tag| tag.suffix.clone());
        let result = match (local_tag, event) {
            (Some(variant), _) => visitor.visit_enum(Tagged {
                reader: &mut *self,
                variant,
            }),
            (None, Event::Scalar(..)) => visitor.visit_enum(Named { reader: &mut *self }),
            (None, other) => {
                let error = invalid_type(other, &"a YAML tag starting with '!'");
                self.events.next()?;
                Err(error)
            }
        };
        result.map_err(|error| self.place(error, span))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }
}

/// The elements of a list being read.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    len: usize,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let span = match self.reader.events.peek()? {
            (Event::SequenceEnd, _) => return Ok(None),
            (_, span) => *span,
        };
        let parent = self.reader.current;
        self.reader.current = self.reader.index.push_element(parent, self.len, spot(span));
        self.len += 1;
        let value = seed.deserialize(&mut *self.reader);
        self.reader.current = parent;
        value.map(Some)
    }
}

/// The entries of a mapping being read.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    /// The index entry of the key just read.
    key: Option<u32>,
    len: usize,
    /// For a struct, the names of its fields.
    fields: Option<&'static [&'static str]>,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        while self.skipped_unknown_field()? {}
        let reader = &mut *self.reader;
        let key = match reader.events.peek()? {
            (Event::MappingEnd, _) => return Ok(None),
            (Event::Scalar(key, ..), span) => {
                let span = *span;
                let key = key.clone();
                reader.index.push_key(reader.current, &key, spot(span))
            }
            (_, span) => {
                let span = *span;
                reader.index.push_key(reader.current, "?", spot(span))
            }
        };
        self.key = Some(key);
        self.len += 1;
        seed.deserialize(&mut *reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let reader = &mut *self.reader;
        let span = reader.events.peek()?.1;
        let parent = reader.current;
        if let Some(key) = self.key.take() {
            reader.index.set_value(key, spot(span));
            reader.current = key;
        }
        let value = seed.deserialize(&mut *reader);
        reader.current = parent;
        value
    }
}

impl Entries<'_, '_> {
    /// When the next key names no field of the struct being read: notes it in the
    /// reader's `unknown_fields`, skips it and its value, and says so.
    fn skipped_unknown_field(&mut self) -> Result<bool> {
        let Some(fields) = self.fields else {
            return Ok(false);
        };
        let reader = &mut *self.reader;
        let (name, span) = match reader.events.peek()? {
            (Event::Scalar(name, ..), span) if !fields.contains(&name.as_ref()) => {
                (name.to_string(), *span)
            }
            _ => return Ok(false),
        };
        let error: ReadError = de::Error::unknown_field(&name, fields);
        let error = reader.place(error, span);
        reader.unknown_fields.push(error);
        let key = reader.index.push_key(reader.current, &name, spot(span));
        reader.events.next()?;
        let value_span = reader.events.peek()?.1;
        reader.index.set_value(key, spot(value_span));
        reader.skip()?;
        Ok(true)
    }
}

/// An empty list or mapping, for an empty value.
struct Nothing;

impl<'de> SeqAccess<'de> for Nothing {
    type Error = ReadError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, _seed: T) -> Result<Option<T::Value>> {
        Ok(None)
    }
}

impl<'de> MapAccess<'de> for Nothing {
    type Error = ReadError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, _seed: K) -> Result<Option<K::Value>> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, _seed: V) -> Result<V::Value> {
        Err(ReadError::new("a value without a key"))
    }
}

/// An enum variant given by name, as a scalar (`kind: question`).
struct Named<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> EnumAccess<'de> for Named<'_, 'de> {
    type Error = ReadError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        Ok((seed.deserialize(&mut *self.reader)?, self))
    }
}

impl<'de> VariantAccess<'de> for Named<'_, 'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// An enum variant given by a local tag on its value (`!Variant value`).
struct Tagged<'a, 'de> {
    reader: &'a mut Reader<'de>,
    variant: String,
}

impl<'a, 'de> EnumAccess<'de> for Tagged<'a, 'de> {
    type Error = ReadError;
    type Variant = &'a mut Reader<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant)> {
        let variant = seed.deserialize(self.variant.into_deserializer())?;
        Ok((variant, self.reader))
    }
}

impl<'de> VariantAccess<'de> for &mut Reader<'de> {
    type Error = ReadError;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }
}
