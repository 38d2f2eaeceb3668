//! Reading JSON text into any `Deserialize` type.

use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use std::fmt;

/// Nesting deeper than this is refused (as serde_json does), so hostile text cannot overflow
/// the stack of the recursive readers serde derives.
const MAX_DEPTH: u32 = 128;

/// Why a text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Kind);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// The text ends before its value does.
    Eof,
    /// Not JSON.
    Syntax(&'static str),
    /// JSON, but not of the shape the type asks for.
    Data(String),
}

impl Error {
    fn syntax(what: &'static str) -> Self {
        Error(Kind::Syntax(what))
    }

    /// Whether the text was JSON, of another shape than the type's.
    pub fn is_data(&self) -> bool {
        matches!(self.0, Kind::Data(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Kind::Eof => f.write_str("the text ends too soon"),
            Kind::Syntax(what) => f.write_str(what),
            Kind::Data(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(Kind::Data(message.to_string()))
    }

    // serde's own messages quote the value found with `Debug` (and format floats): the kind
    // of value is enough, and keeps that code out of the wasm.
    fn invalid_type(found: Unexpected, expected: &dyn Expected) -> Self {
        Error(Kind::Data(format!(
            "invalid type: {}, expected {expected}",
            kind(&found)
        )))
    }

    fn invalid_value(found: Unexpected, expected: &dyn Expected) -> Self {
        Error(Kind::Data(format!(
            "invalid value: {}, expected {expected}",
            kind(&found)
        )))
    }
}

fn kind<'a>(value: &Unexpected<'a>) -> &'a str {
    match value {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "an integer",
        Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Bytes(_) => "bytes",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "a list",
        Unexpected::Map => "an object",
        Unexpected::Enum
        | Unexpected::UnitVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant
        | Unexpected::StructVariant => "a variant",
        Unexpected::NewtypeStruct => "a value",
        Unexpected::Other(other) => other,
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Reads `text`, which must hold one JSON value (and white space around it), as a `T`.
pub fn from_str<'a, T: de::Deserialize<'a>>(text: &'a str) -> Result<T> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// The members of the object `text` holds, each value left as its text (checked to be JSON,
/// without recursion, however deep it nests). For reading an envelope's fields without a
/// decoder per kind of record.
pub fn fields(text: &str) -> Result<Vec<(String, &str)>> {
    let mut reader = Reader::new(text);
    let mut members = Vec::new();
    if reader.peek_token()? != b'{' {
        reader.skip_value()?;
        reader.end()?;
        return Err(Error(Kind::Data("not an object".into())));
    }
    reader.pos += 1;
    let mut first = true;
    while reader.next_item(&mut first, b'}')? {
        let name = reader.string()?.into_owned();
        reader.expect(b':')?;
        reader.peek_token()?;
        let start = reader.pos;
        reader.skip_value()?;
        members.push((name, &text[start..reader.pos]));
    }
    reader.pos += 1;
    reader.end()?;
    Ok(members)
}

struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

/// A string as read: borrowed from the text when it has no escapes.
enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Text<'_> {
    fn into_owned(self) -> String {
        match self {
            Text::Borrowed(s) => s.to_string(),
            Text::Owned(s) => s,
        }
    }
}

/// A value's first token: scalars whole, lists and objects opened. Read by one function that
/// is not generic, so the code serde instantiates per type (a visitor each) stays small.
enum Token<'a> {
    Null,
    Bool(bool),
    Str(Text<'a>),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    List,
    Object,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline(never)]
    fn token(&mut self) -> Result<Token<'a>> {
        Ok(match self.peek_token()? {
            b'n' => {
                self.literal("null")?;
                Token::Null
            }
            b't' => {
                self.literal("true")?;
                Token::Bool(true)
            }
            b'f' => {
                self.literal("false")?;
                Token::Bool(false)
            }
            b'"' => Token::Str(self.string()?),
            b'-' | b'0'..=b'9' => self.number()?,
            b'[' => {
                self.pos += 1;
                self.nest()?;
                Token::List
            }
            b'{' => {
                self.pos += 1;
                self.nest()?;
                Token::Object
            }
            _ => return Err(Error::syntax("expected a value")),
        })
    }

    /// The end of a list or object whose items the visitor has read.
    #[inline(never)]
    fn close(&mut self, byte: u8) -> Result<()> {
        self.depth -= 1;
        if self.next_token()? == byte {
            Ok(())
        } else {
            Err(Error(Kind::Data("more items than expected".into())))
        }
    }

    /// Whether another item follows in a list or object (`close` is its end), past its comma.
    #[inline(never)]
    fn next_item(&mut self, first: &mut bool, close: u8) -> Result<bool> {
        let b = self.peek_token()?;
        if b == close {
            return Ok(false);
        }
        if !*first {
            if b != b',' {
                return Err(Error::syntax("expected `,` or the end of a list or object"));
            }
            self.pos += 1;
        }
        *first = false;
        if close == b'}' && self.peek_token()? != b'"' {
            return Err(Error::syntax("expected a member's name"));
        }
        Ok(true)
    }

    /// The next byte that is not white space (not consumed).
    #[inline(never)]
    fn peek_token(&mut self) -> Result<u8> {
        while let Some(&b) = self.bytes().get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else {
                return Ok(b);
            }
        }
        Err(Error(Kind::Eof))
    }

    fn next_token(&mut self) -> Result<u8> {
        let b = self.peek_token()?;
        self.pos += 1;
        Ok(b)
    }

    #[inline(never)]
    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.next_token()? == byte {
            Ok(())
        } else {
            Err(Error::syntax("unexpected character"))
        }
    }

    /// Only white space may follow the value.
    #[inline(never)]
    fn end(&mut self) -> Result<()> {
        match self.peek_token() {
            Err(_) => Ok(()),
            Ok(_) => Err(Error::syntax("unexpected text after the value")),
        }
    }

    #[inline(never)]
    fn literal(&mut self, word: &'static str) -> Result<()> {
        let rest = &self.bytes()[self.pos..];
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else if word.as_bytes().starts_with(rest) {
            Err(Error(Kind::Eof))
        } else {
            Err(Error::syntax("unexpected word"))
        }
    }

    fn nest(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::syntax("nested too deeply"));
        }
        Ok(())
    }

    /// A string, the reader on its opening quote.
    #[inline(never)]
    fn string(&mut self) -> Result<Text<'a>> {
        self.pos += 1;
        let bytes = self.bytes();
        let start = self.pos;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                return Err(Error(Kind::Eof));
            };
            match b {
                b'"' => {
                    let last = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Text::Borrowed(last),
                        Some(mut s) => {
                            s.push_str(last);
                            Text::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let Some(&escape) = bytes.get(self.pos) else {
                        return Err(Error(Kind::Eof));
                    };
                    self.pos += 1;
                    match escape {
                        b'"' => s.push('"'),
                        b'\\' => s.push('\\'),
                        b'/' => s.push('/'),
                        b'b' => s.push('\u{8}'),
                        b'f' => s.push('\u{c}'),
                        b'n' => s.push('\n'),
                        b'r' => s.push('\r'),
                        b't' => s.push('\t'),
                        b'u' => {
                            let c = self.unicode_escape()?;
                            s.push(c);
                        }
                        _ => return Err(Error::syntax("invalid escape")),
                    }
                    run = self.pos;
                }
                0..=0x1f => return Err(Error::syntax("control character in a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// The character of a `\u` escape (the reader after the `u`), a surrogate pair whole.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes().len() < self.pos + 2 {
                    return Err(Error(Kind::Eof));
                }
                if &self.bytes()[self.pos..self.pos + 2] != b"\\u" {
                    return Err(Error::syntax("lone surrogate in a string"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(Error::syntax("lone surrogate in a string"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(Error::syntax("lone surrogate in a string")),
            code => code,
        };
        char::from_u32(code).ok_or(Error::syntax("invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.bytes().get(self.pos..self.pos + 4) else {
            return Err(Error(Kind::Eof));
        };
        let mut code = 0;
        for &d in digits {
            let value = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(Error::syntax("invalid escape")),
            };
            code = code * 16 + u32::from(value);
        }
        self.pos += 4;
        Ok(code)
    }

    /// A number's text, checked against JSON's grammar (the reader on its first character).
    fn number_text(&mut self) -> Result<(&'a str, bool)> {
        let bytes = self.bytes();
        let start = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let whole = pos;
        let n = digits(&mut pos);
        if n == 0 {
            return Err(self.cut_or(pos, "invalid number"));
        }
        if n > 1 && bytes[whole] == b'0' {
            return Err(Error::syntax("invalid number"));
        }
        let mut integer = true;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            integer = false;
            if digits(&mut pos) == 0 {
                return Err(self.cut_or(pos, "invalid number"));
            }
        }
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            integer = false;
            if matches!(bytes.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                return Err(self.cut_or(pos, "invalid number"));
            }
        }
        self.pos = pos;
        Ok((&self.text[start..pos], integer))
    }

    fn cut_or(&self, pos: usize, what: &'static str) -> Error {
        if pos >= self.bytes().len() {
            Error(Kind::Eof)
        } else {
            Error::syntax(what)
        }
    }

    fn number(&mut self) -> Result<Token<'a>> {
        let (text, integer) = self.number_text()?;
        if integer {
            if let Some(digits) = text.strip_prefix('-') {
                // As serde_json reads them: `-0` and what is below `i64::MIN` as floats.
                let negative = digits
                    .parse()
                    .ok()
                    .and_then(|n| 0i64.checked_sub_unsigned(n));
                if let Some(n) = negative.filter(|&n| n != 0) {
                    return Ok(Token::Signed(n));
                }
            } else if let Ok(n) = text.parse() {
                return Ok(Token::Unsigned(n));
            }
        }
        match parse_f64(text) {
            f if f.is_finite() => Ok(Token::Float(f)),
            _ => Err(Error::syntax("number out of range")),
        }
    }

    /// Skips one value (the reader on or before it), checking it is JSON, with a stack of
    /// its own rather than recursion.
    #[inline(never)]
    fn skip_value(&mut self) -> Result<()> {
        // true: in an object.
        let mut open: Vec<bool> = Vec::new();
        loop {
            // A value.
            match self.peek_token()? {
                b'{' | b'[' => {
                    let object = self.bytes()[self.pos] == b'{';
                    self.pos += 1;
                    let close = if object { b'}' } else { b']' };
                    if self.peek_token()? == close {
                        self.pos += 1;
                    } else {
                        open.push(object);
                        if object {
                            self.member_name()?;
                        }
                        continue;
                    }
                }
                b'"' => {
                    self.string()?;
                }
                b't' => self.literal("true")?,
                b'f' => self.literal("false")?,
                b'n' => self.literal("null")?,
                b'-' | b'0'..=b'9' => {
                    self.number_text()?;
                }
                _ => return Err(Error::syntax("expected a value")),
            }
            // After a value: the end of its containers, or the next member.
            loop {
                let Some(&object) = open.last() else {
                    return Ok(());
                };
                match self.next_token()? {
                    b',' => {
                        if object {
                            self.member_name()?;
                        }
                        break;
                    }
                    b'}' if object => {
                        open.pop();
                    }
                    b']' if !object => {
                        open.pop();
                    }
                    _ => return Err(Error::syntax("expected `,` or the end of a list or object")),
                }
            }
        }
    }

    fn member_name(&mut self) -> Result<()> {
        if self.peek_token()? != b'"' {
            return Err(Error::syntax("expected a member's name"));
        }
        self.string()?;
        self.expect(b':')
    }
}

/// A number's text (already checked against JSON's grammar) as the nearest `f64`; infinite
/// beyond its range. In the browser by the engine's `parseFloat`, as exact as Rust's parser,
/// whose tables would add 8 KB gzip to the start page's wasm.
#[inline(never)]
fn parse_f64(text: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::parse_float(text);
    #[cfg(not(target_arch = "wasm32"))]
    return text.parse().unwrap_or(f64::NAN);
}

impl<'de> Reader<'de> {
    /// The items of a list just opened, then its end.
    fn list<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = visitor.visit_seq(Items {
            reader: &mut *self,
            first: true,
        })?;
        self.close(b']')?;
        Ok(value)
    }

    /// The members of an object just opened, then its end.
    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = visitor.visit_map(Members {
            reader: &mut *self,
            first: true,
        })?;
        self.close(b'}')?;
        Ok(value)
    }
}

/// `deserialize_*` methods that read as `target` does.
macro_rules! delegate {
    ($target:ident: $($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.$target(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Null => visitor.visit_unit(),
            Token::Bool(b) => visitor.visit_bool(b),
            Token::Str(Text::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Token::Str(Text::Owned(s)) => visitor.visit_string(s),
            Token::Unsigned(n) => visitor.visit_u64(n),
            Token::Signed(n) => visitor.visit_i64(n),
            Token::Float(f) => visitor.visit_f64(f),
            Token::List => self.list(visitor),
            Token::Object => self.object(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_token()? == b'n' {
            self.literal("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.peek_token()? {
            b'"' => {
                let name = self.string()?.into_owned();
                visitor.visit_enum(name.into_deserializer())
            }
            b'{' => {
                self.pos += 1;
                self.nest()?;
                let value = visitor.visit_enum(Variant { reader: &mut *self })?;
                self.close(b'}')?;
                Ok(value)
            }
            _ => Err(Error(Kind::Data("expected a variant".into()))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_value()?;
        visitor.visit_unit()
    }

    // Each of these reads only the values of its kind (as serde_json does): what serde
    // instantiates for every field name, number and string stays one call of the visitor.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Str(Text::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Token::Str(Text::Owned(s)) => visitor.visit_string(s),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    delegate! {
        deserialize_str: deserialize_string deserialize_identifier deserialize_char
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Bool(b) => visitor.visit_bool(b),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Unsigned(n) => visitor.visit_u64(n),
            Token::Signed(n) => visitor.visit_i64(n),
            Token::Float(f) => visitor.visit_f64(f),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    // Any number: the visitor checks its range and kind, as with serde_json.
    delegate! {
        deserialize_u64: deserialize_u8 deserialize_u16 deserialize_u32 deserialize_i8
        deserialize_i16 deserialize_i32 deserialize_i64 deserialize_f32 deserialize_f64
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Null => visitor.visit_unit(),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::List => self.list(visitor),
            other => Err(mismatch(&other, &visitor)),
        }
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

    /// Objects only: serde_json also reads a struct from a list, which it never writes.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.token()? {
            Token::Object => self.object(visitor),
            other => Err(mismatch(&other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf
    }
}

/// The error for a value of another kind than the visitor reads.
#[inline(never)]
fn mismatch(found: &Token, expected: &dyn Expected) -> Error {
    let found = match found {
        Token::Null => Unexpected::Unit,
        Token::Bool(b) => Unexpected::Bool(*b),
        Token::Str(_) => Unexpected::Str(""),
        Token::Unsigned(n) => Unexpected::Unsigned(*n),
        Token::Signed(n) => Unexpected::Signed(*n),
        Token::Float(f) => Unexpected::Float(*f),
        Token::List => Unexpected::Seq,
        Token::Object => Unexpected::Map,
    };
    de::Error::invalid_type(found, expected)
}

struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.reader.next_item(&mut self.first, b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

struct Members<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Members<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.next_item(&mut self.first, b'}')? {
            return Ok(None);
        }
        seed.deserialize(Key(&mut *self.reader)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

/// A member's name, which a map with number keys reads as a number (as serde_json writes it).
struct Key<'r, 'de>(&'r mut Reader<'de>);

macro_rules! number_key {
    ($($method:ident => $visit:ident: $ty:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let text = self.0.string()?;
            let text = match &text {
                Text::Borrowed(s) => s,
                Text::Owned(s) => s.as_str(),
            };
            match text.parse::<$ty>() {
                Ok(n) => visitor.$visit(n.into()),
                Err(_) => Err(Error(Kind::Data("expected a number as the key".into()))),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }

    number_key! {
        deserialize_u8 => visit_u64: u8, deserialize_u16 => visit_u64: u16,
        deserialize_u32 => visit_u64: u32, deserialize_u64 => visit_u64: u64,
        deserialize_i8 => visit_i64: i8, deserialize_i16 => visit_i64: i16,
        deserialize_i32 => visit_i64: i32, deserialize_i64 => visit_i64: i64
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_enum(self.0, name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// `{"Variant": value}`.
struct Variant<'r, 'de> {
    reader: &'r mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        if self.reader.peek_token()? != b'"' {
            return Err(Error::syntax("expected a member's name"));
        }
        let name = seed.deserialize(&mut *self.reader)?;
        self.reader.expect(b':')?;
        Ok((name, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(&mut *self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(&mut *self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_any(&mut *self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_any(&mut *self.reader, visitor)
    }
}
