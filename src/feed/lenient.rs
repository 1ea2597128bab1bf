//! Lenient readers over the JSON tree: real feeds put `null`, strings, numbers and objects
//! where the documentation promises something else. A wrong type reads as "absent"; only
//! broken JSON is an error (see [`super::json`]).

use super::json::Json;

/// One member of a feed object, read leniently.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a>(pub Option<&'a Json>);

/// The member `key` of `object` (absent when `object` is not an object).
pub fn field<'a>(object: &'a Json, key: &str) -> Field<'a> {
    Field(object.get(key))
}

impl<'a> Field<'a> {
    /// The value as non-empty text (numbers as written, e.g. numeric ids).
    pub fn text(self) -> Option<String> {
        match self.0 {
            Some(Json::Text(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Json::Number(n)) => Some(n.clone()),
            _ => None,
        }
    }

    /// The value as a flag: `true` only for a JSON `true`.
    pub fn flag(self) -> bool {
        matches!(self.0, Some(Json::Bool(true)))
    }

    /// The value as a whole number, from a number or numeric text ("2", 2, 2.0; a fraction
    /// is cut off). Exponents and other shapes read as absent.
    pub fn integer(self) -> Option<i64> {
        let text = match self.0 {
            Some(Json::Number(n)) => n.as_str(),
            Some(Json::Text(s)) => s.trim(),
            _ => return None,
        };
        let whole = text.split_once('.').map_or(text, |(whole, fraction)| {
            if fraction.bytes().all(|b| b.is_ascii_digit()) {
                whole
            } else {
                ""
            }
        });
        whole.parse().ok()
    }

    /// The value if it is an object.
    pub fn object(self) -> Option<&'a Json> {
        self.0.filter(|v| matches!(v, Json::Object(_)))
    }

    /// The objects of a list, skipping elements that are not objects. `None` when the field
    /// is missing, null or not a list, so callers can tell "absent" from "empty".
    pub fn objects(self) -> Option<Vec<&'a Json>> {
        match self.0 {
            Some(Json::List(items)) => Some(items.iter().filter(|i| matches!(i, Json::Object(_))).collect()),
            _ => None,
        }
    }

    /// Whether the member is there with a value other than `null`.
    pub fn present(self) -> bool {
        !matches!(self.0, None | Some(Json::Null))
    }
}
