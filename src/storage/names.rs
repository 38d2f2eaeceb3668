//! Unit enums in records, read by name. serde's derived decoder is a visitor of its own for each
//! enum (names, bytes, indices and the map form); this reads the name with the string decoder
//! every record already uses. Writing stays derived: each enum's
//! test checks that its names here are the ones it writes.

use serde::de::{Deserialize, Deserializer, Error};

/// The position in `names` of the name read.
pub fn read<'de, D: Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    let name = String::deserialize(d)?;
    names
        .iter()
        .position(|known| *known == name)
        .ok_or_else(|| D::Error::unknown_variant(&name, names))
}

/// `by_name!(Type { Variant = "name", … })`: `Type::ALL` and `Type::NAMES` in the same order,
/// and `Type`'s `Deserialize` by `read`. Each name must be the one the derived `Serialize`
/// writes (each enum's test checks it).
macro_rules! by_name {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];
            /// As stored, in the order of `ALL`.
            pub const NAMES: &'static [&'static str] = &[$($name),+];
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::storage::names::read(d, Self::NAMES).map(|i| Self::ALL[i])
            }
        }
    };
}
pub(crate) use by_name;

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(json: &str) -> Result<usize, serde_json::Error> {
        read(
            &mut serde_json::Deserializer::from_str(json),
            &["again", "hard"],
        )
    }

    #[test]
    fn a_known_name_gives_its_position() {
        assert_eq!(read_json(r#""again""#).unwrap(), 0);
        assert_eq!(read_json(r#""hard""#).unwrap(), 1);
    }

    #[test]
    fn anything_else_is_refused() {
        let error = read_json(r#""easy""#).unwrap_err().to_string();
        assert!(error.contains("unknown variant `easy`"), "{error}");
        assert!(read_json("1").is_err());
        assert!(read_json(r#"{"again":null}"#).is_err());
        assert!(read_json(r#""Again""#).is_err());
    }
}
