//! What a YAML scalar means: null, a boolean, a number or text, by the YAML 1.2 core
//! schema as the flow files have always been read (`~`, `true`, `0x1F`, `1.5`, `.inf`…).

use std::num::ParseIntError;

use saphyr_parser::{ScalarStyle, Tag};

/// A scalar resolved to its type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Resolved {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Unsigned128(u128),
    Signed128(i128),
    Float(f64),
    Text,
}

/// The core-schema name of a tag (`bool` for `!!bool`), if it is one.
pub(crate) fn core_tag(tag: Option<&Tag>) -> Option<&str> {
    let tag = tag?;
    (tag.handle == "tag:yaml.org,2002:").then_some(tag.suffix.as_str())
}

/// What a scalar with this text, style and tag means.
pub(crate) fn resolve(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> Resolved {
    match core_tag(tag) {
        Some("bool") => return parse_bool(value).map_or(Resolved::Text, Resolved::Bool),
        Some("int") => return parse_int(value).unwrap_or(Resolved::Text),
        Some("float") => return parse_f64(value).map_or(Resolved::Text, Resolved::Float),
        Some("null") if is_null(value) => return Resolved::Null,
        Some(_) => return Resolved::Text,
        None => {}
    }
    if style != ScalarStyle::Plain {
        return Resolved::Text;
    }
    if value.is_empty() || is_null(value) {
        return Resolved::Null;
    }
    if let Some(boolean) = parse_bool(value) {
        return Resolved::Bool(boolean);
    }
    if let Some(int) = parse_int(value) {
        return int;
    }
    if !digits_but_not_number(value)
        && let Some(float) = parse_f64(value)
    {
        return Resolved::Float(float);
    }
    Resolved::Text
}

/// `null`, `Null`, `NULL` or `~`.
pub(crate) fn is_null(scalar: &str) -> bool {
    matches!(scalar, "null" | "Null" | "NULL" | "~")
}

pub(crate) fn parse_bool(scalar: &str) -> Option<bool> {
    match scalar {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_int(value: &str) -> Option<Resolved> {
    if let Some(int) = parse_unsigned(value, u64::from_str_radix) {
        return Some(Resolved::Unsigned(int));
    }
    if let Some(int) = parse_signed(value, i64::from_str_radix) {
        return Some(Resolved::Signed(int));
    }
    if let Some(int) = parse_unsigned(value, u128::from_str_radix) {
        return Some(Resolved::Unsigned128(int));
    }
    parse_signed(value, i128::from_str_radix).map(Resolved::Signed128)
}

/// A number in `radix` after `prefix`, refusing a second sign.
fn with_radix<T>(
    rest: Option<&str>,
    negative: bool,
    radix: u32,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let rest = rest?;
    if rest.starts_with(['+', '-']) {
        return None;
    }
    if negative {
        from_str_radix(&format!("-{rest}"), radix).ok()
    } else {
        from_str_radix(rest, radix).ok()
    }
}

/// A whole number without a minus sign: decimal, or `0x`, `0o`, `0b` with an optional `+`.
pub(crate) fn parse_unsigned<T>(
    scalar: &str,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let unsigned = scalar.strip_prefix('+').unwrap_or(scalar);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(int) = with_radix(unsigned.strip_prefix(prefix), false, radix, from_str_radix) {
            return Some(int);
        }
    }
    if unsigned.starts_with(['+', '-']) || digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unsigned, 10).ok()
}

/// A whole number that may be negative.
pub(crate) fn parse_signed<T>(
    scalar: &str,
    from_str_radix: fn(&str, u32) -> Result<T, ParseIntError>,
) -> Option<T> {
    let unsigned = match scalar.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => scalar,
    };
    let negative = scalar.strip_prefix('-');
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        let found = with_radix(unsigned.strip_prefix(prefix), false, radix, from_str_radix)
            .or_else(|| {
                let rest = negative.and_then(|rest| rest.strip_prefix(prefix));
                with_radix(rest, true, radix, from_str_radix)
            });
        if found.is_some() {
            return found;
        }
    }
    if digits_but_not_number(scalar) {
        return None;
    }
    from_str_radix(unsigned, 10).ok()
}

/// A finite number with a fraction or exponent, or `.inf`, `-.inf`, `.nan`.
pub(crate) fn parse_f64(scalar: &str) -> Option<f64> {
    let unsigned = match scalar.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => scalar,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    unsigned
        .parse::<f64>()
        .ok()
        .filter(|float| float.is_finite())
}

/// Leading zeros followed by digits are text in YAML 1.2 (`0123`).
fn digits_but_not_number(scalar: &str) -> bool {
    let scalar = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    scalar.len() > 1 && scalar.starts_with('0') && scalar[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        let plain = |v| resolve(v, ScalarStyle::Plain, None);
        assert_eq!(plain(""), Resolved::Null);
        assert_eq!(plain("~"), Resolved::Null);
        assert_eq!(plain("True"), Resolved::Bool(true));
        assert_eq!(plain("0"), Resolved::Unsigned(0));
        assert_eq!(plain("+7"), Resolved::Unsigned(7));
        assert_eq!(plain("-7"), Resolved::Signed(-7));
        assert_eq!(plain("0x1F"), Resolved::Unsigned(31));
        assert_eq!(plain("-0x10"), Resolved::Signed(-16));
        assert_eq!(plain("0123"), Resolved::Text);
        assert_eq!(plain("1.1"), Resolved::Float(1.1));
        assert_eq!(plain(".inf"), Resolved::Float(f64::INFINITY));
        assert_eq!(plain("yes"), Resolved::Text);
        assert_eq!(
            resolve("0", ScalarStyle::DoubleQuoted, None),
            Resolved::Text
        );
    }
}
