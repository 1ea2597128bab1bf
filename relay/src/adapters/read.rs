//! Lenient readers over `serde_json::Value`, shared by the adapters: real feeds put `null`,
//! numbers, placeholders and objects where their documentation promises something else. A
//! wrong type reads as absent.

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde_json::Value;
use status_widget::feed::{decode, parse_time, FeedError};
use status_widget::model::{Component, ComponentStatus, Time};
use url::Url;

use super::{AdaptError, Found, Kind};

/// Placeholders real feeds write where they mean "nothing": Hugo's `<no value>` (cState),
/// Next.js's `$undefined` (incident.io).
const PLACEHOLDERS: [&str; 2] = ["<no value>", "$undefined"];

/// Parses one fetched document. serde_json refuses nesting deeper than 128 levels, so a
/// hostile document cannot exhaust the stack.
pub fn parse(document: &str, bytes: &[u8]) -> Result<Value, AdaptError> {
    serde_json::from_slice(bytes)
        .map_err(|e| AdaptError::NotJson { document: document.to_owned(), reason: e.to_string() })
}

/// The member `key` of `value` (`None` when absent, `null`, or `value` is no object).
pub fn member<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.get(key).filter(|v| !v.is_null())
}

/// A member as non-empty text: strings (placeholders and blanks read as absent) and numbers
/// as written (ids are often integers).
pub fn text(value: &Value, key: &str) -> Option<String> {
    member(value, key).and_then(as_text)
}

/// A value as non-empty text (see [`text`]).
pub fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() && !PLACEHOLDERS.contains(&s.trim()) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A member as a whole number, from a number or numeric text (`2`, `2.0`, `"2"`).
pub fn integer(value: &Value, key: &str) -> Option<i64> {
    match member(value, key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64)),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

/// A member as a flag: `true`, `1`, `"1"` or `"true"`.
pub fn flag(value: &Value, key: &str) -> bool {
    match member(value, key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        Some(Value::String(s)) => matches!(s.trim(), "1" | "true"),
        _ => false,
    }
}

/// The objects of a list member, skipping elements that are not objects (empty when absent).
pub fn objects<'a>(value: &'a Value, key: &str) -> Vec<&'a Value> {
    match member(value, key) {
        Some(Value::Array(items)) => items.iter().filter(|i| i.is_object()).collect(),
        _ => Vec::new(),
    }
}

/// A member as an instant: see [`as_time`].
pub fn time(value: &Value, key: &str) -> Option<Time> {
    member(value, key).and_then(as_time)
}

/// Reads the instants status pages write: RFC 3339 (the widget's own reader), a zone-less
/// `2020-02-27 13:22:51` (read as UTC, as Cachet and Uptime Kuma mean it), Go's
/// `2025-09-10 10:00:00 +0000 UTC` and `… +0200 +0200` (cState), and epoch seconds or
/// milliseconds as a number or digits. Anything else (a date alone, a placeholder) is absent.
pub fn as_time(value: &Value) -> Option<Time> {
    match value {
        Value::Number(n) => epoch(n.as_f64()?),
        Value::String(s) => {
            let s = s.trim();
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                return epoch(s.parse::<f64>().ok()?);
            }
            parse_time(s).or_else(|| zone_less(s)).or_else(|| go_style(s))
        }
        _ => None,
    }
}

fn epoch(n: f64) -> Option<Time> {
    if !n.is_finite() || n <= 0.0 {
        return None;
    }
    // Seconds until the year 33658; milliseconds after.
    let millis = if n > 1e12 { n } else { n * 1000.0 };
    Utc.timestamp_millis_opt(millis as i64).single()
}

fn zone_less(s: &str) -> Option<Time> {
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(s, format).ok())
        .map(|naive| naive.and_utc())
}

/// `2025-09-10 10:00:00 +0000 UTC`, `2025-09-12 19:20:02 +0200 +0200`: the first offset
/// counts.
fn go_style(s: &str) -> Option<Time> {
    let mut parts = s.split_whitespace();
    let (date, clock, offset) = (parts.next()?, parts.next()?, parts.next()?);
    let sign = offset.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let digits = offset.get(1..)?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    parse_time(&format!("{date}T{clock}{sign}{}:{}", digits.get(..2)?, digits.get(2..)?))
}

/// "a" or "an" before a product name.
pub fn article(word: &str) -> &'static str {
    let vowel = word.chars().next().is_some_and(|c| "aeiouAEIOU".contains(c));
    // "an Uptime Kuma", but "a Uptime..." reads wrong too: the rule by sound for ours.
    if vowel || word.starts_with("incident") {
        "an"
    } else {
        "a"
    }
}

/// `base` with `path` appended to its path (`https://x.example/status` + `api/v2/summary.json`
/// → `https://x.example/status/api/v2/summary.json`); a path starting with `/` is from the
/// host's root. The base's query and fragment are dropped; a query in `path` is kept.
pub fn join(base: &Url, path: &str) -> Option<Url> {
    // A query in `path` (Cachet's `?per_page=`) is the document's own, kept as written.
    let (path, query) = path.split_once('?').map_or((path, None), |(p, q)| (p, Some(q)));
    let mut url = base.clone();
    url.set_query(query);
    url.set_fragment(None);
    if let Some(rooted) = path.strip_prefix('/') {
        url.set_path(&format!("/{rooted}"));
    } else {
        let trimmed = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{trimmed}/{path}"));
    }
    Some(url)
}

/// What a document is, when it is recognisably something (see [`identify_bytes`]); `None`
/// for JSON the rules do not place.
pub fn identify(value: &Value) -> Option<Found> {
    let bytes = serde_json::to_vec(value).ok()?;
    match identify_bytes(&bytes) {
        Found::NotStatus => None,
        found => Some(found),
    }
}

/// What a document is: the widget's decoder tells Statuspage from every product it
/// recognises (one set of rules for the widget's message and the relay), refined here where
/// the relay needs more (Cachet's version).
pub fn identify_bytes(bytes: &[u8]) -> Found {
    match decode(bytes) {
        Ok(_) => Found::Kind(Kind::Statuspage),
        Err(FeedError::Unsupported(product)) => match product {
            "Instatus" => Found::Kind(Kind::Instatus),
            "Better Stack" => Found::Kind(Kind::BetterStack),
            "incident.io" => Found::Kind(Kind::IncidentIo),
            "Uptime Kuma" => Found::Kind(Kind::UptimeKuma),
            "cState" => Found::Kind(Kind::CState),
            "Slack" => Found::Kind(Kind::Slack),
            "Google Cloud" => Found::Kind(Kind::GoogleCloud),
            "Cachet" => {
                let v3 = serde_json::from_slice::<Value>(bytes).ok().is_some_and(|v| {
                    objects(&v, "data").first().is_some_and(|item| member(item, "attributes").is_some())
                });
                Found::Kind(if v3 { Kind::Cachet3 } else { Kind::Cachet2 })
            }
            other => Found::Other(other),
        },
        Err(_) => Found::NotStatus,
    }
}

/// The error for a document that is not the shape `expected` names.
pub fn wrong_kind(document: &str, expected: &str, value: &Value) -> AdaptError {
    AdaptError::WrongKind {
        document: document.to_owned(),
        expected: expected.to_owned(),
        found: identify(value).unwrap_or(Found::NotStatus).describe(),
    }
}

/// Makes ids unique, as the widget's decoder does: an empty or repeated id gets a `#n`
/// suffix, n its position counted from the end of the list (the oldest, for lists kept
/// newest first), so a made-up id stays the same when newer items arrive.
pub fn unique_ids<'a>(ids: impl DoubleEndedIterator<Item = &'a mut String>) {
    let mut seen = std::collections::HashSet::new();
    for (position, id) in ids.rev().enumerate() {
        if id.is_empty() || !seen.insert(id.clone()) {
            id.push_str(&format!("#{position}"));
            seen.insert(id.clone());
        }
    }
}

/// Gives each group that `rolls_up` picks the worst status of its members (operational when
/// it has none), as Statuspage's groups carry it.
pub fn roll_up(components: &mut [Component], rolls_up: impl Fn(&Component) -> bool) {
    let worst: Vec<(usize, ComponentStatus)> = components
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_group && rolls_up(c))
        .map(|(i, g)| {
            let status = components
                .iter()
                .filter(|m| m.is_in(g))
                .map(|m| m.status.clone())
                .max_by_key(ComponentStatus::severity)
                .unwrap_or(ComponentStatus::Operational);
            (i, status)
        })
        .collect();
    for (i, status) in worst {
        if let Some(group) = components.get_mut(i) {
            group.status = status;
        }
    }
}

/// Numbers the components in list order: the order the page shows them in.
pub fn number(components: &mut [Component]) {
    for (position, component) in components.iter_mut().enumerate() {
        component.position = i64::try_from(position).unwrap_or(i64::MAX);
    }
}
