//! Time in one small module: the current instant, durations and relative times in words,
//! and local date-times. In the browser local date-times come from `Intl.DateTimeFormat`
//! (the viewer's zone, or the configured IANA zone); natively a fixed UTC form keeps tests
//! deterministic.

use chrono::NaiveDate;

use crate::model::Time;

/// The current instant from the platform clock.
pub fn now() -> Time {
    #[cfg(target_arch = "wasm32")]
    let millis = js_sys::Date::now() as i64;
    #[cfg(not(target_arch = "wasm32"))]
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    chrono::DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// A length of time in short words: "under a minute", "45 min", "6 h 43 min", "2 d 3 h";
/// long spans round to "5 months" or "4 years". Negative lengths read as zero.
pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    match s {
        s if s >= 60 * DAY => long(s),
        s if s < MINUTE => "under a minute".to_owned(),
        s if s < HOUR => format!("{} min", s / MINUTE),
        s if s < DAY => match (s % HOUR) / MINUTE {
            0 => format!("{} h", s / HOUR),
            m => format!("{} h {m} min", s / HOUR),
        },
        s => match (s % DAY) / HOUR {
            0 => format!("{} d", s / DAY),
            h => format!("{} d {h} h", s / DAY),
        },
    }
}

/// How long ago `then` was, seen from `now`: "just now", "8 min ago", "2 h ago",
/// "3 days ago", "5 months ago", "6 years ago"; future instants read "in 3 h".
pub fn relative(then: Time, now: Time) -> String {
    let delta = (now - then).num_seconds();
    let amount = |s: i64| match s {
        s if s < HOUR => format!("{} min", s / MINUTE),
        s if s < DAY => format!("{} h", s / HOUR),
        s if s < 60 * DAY => plural(s / DAY, "day"),
        s => long(s),
    };
    match delta {
        d if d.abs() < MINUTE => "just now".to_owned(),
        d if d > 0 => format!("{} ago", amount(d)),
        d => format!("in {}", amount(-d)),
    }
}

/// Spans of 60 days or more, in months under two years, else in years.
fn long(s: i64) -> String {
    if s < 730 * DAY {
        plural(s / (30 * DAY), "month")
    } else {
        plural(s / (365 * DAY), "year")
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// How a reader wants times written: their zone and their language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TimeStyle {
    /// IANA zone; `None`: the viewer's.
    pub time_zone: Option<String>,
    /// BCP 47 tag; `None`: the browser's.
    pub locale: Option<String>,
    /// The status page's own IANA zone, offered on hover next to the reader's.
    pub page_zone: Option<String>,
}

impl TimeStyle {
    /// The same style in the status page's own zone, when it has one.
    pub fn page(&self) -> Option<TimeStyle> {
        let zone = self.page_zone.clone()?;
        Some(TimeStyle { time_zone: Some(zone), locale: self.locale.clone(), page_zone: None })
    }
}

/// The hover text of a displayed instant: the exact instant, and the same moment in the
/// status page's own zone ("Status page time: 5 Feb 2020, 05:32 EST") when it has one.
pub fn hover(at: Time, style: &TimeStyle) -> String {
    let exact = machine(at);
    match style.page() {
        Some(page) => format!("Status page time: {} ({exact})", local(at, &page)),
        None => exact,
    }
}

/// A date and time for a reader, e.g. "5 Feb 2020, 10:32 UTC" (en-GB), in the style's zone
/// and language. An unknown zone or language falls back to the viewer's own.
#[cfg(target_arch = "wasm32")]
pub fn local(at: Time, style: &TimeStyle) -> String {
    intl::format(intl::Kind::Moment, at.timestamp_millis() as f64, style)
}

/// A date and time for a reader; natively always UTC, e.g. "2020-02-05 10:32 UTC".
#[cfg(not(target_arch = "wasm32"))]
pub fn local(at: Time, _style: &TimeStyle) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// The calendar day `at` falls on in the style's zone.
#[cfg(target_arch = "wasm32")]
pub fn day_of(at: Time, style: &TimeStyle) -> NaiveDate {
    // "sv" writes dates as 2020-02-05 in every engine; the zone decides which day it is.
    let iso = intl::format(intl::Kind::IsoDay, at.timestamp_millis() as f64, style);
    NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d").unwrap_or_else(|_| at.date_naive())
}

/// The calendar day `at` falls on; natively always UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn day_of(at: Time, _style: &TimeStyle) -> NaiveDate {
    at.date_naive()
}

/// A calendar day for a reader, e.g. "Wed, 5 Feb 2020" (en-GB), in their language.
#[cfg(target_arch = "wasm32")]
pub fn day(date: NaiveDate, style: &TimeStyle) -> String {
    let noon = date.and_hms_opt(12, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis());
    intl::format(intl::Kind::Day, noon as f64, style)
}

/// A calendar day; natively e.g. "Wed 2020-02-05".
#[cfg(not(target_arch = "wasm32"))]
pub fn day(date: NaiveDate, _style: &TimeStyle) -> String {
    date.format("%a %Y-%m-%d").to_string()
}

/// The exact instant for machines and tooltips (RFC 3339, UTC).
pub fn machine(at: Time) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    use js_sys::{Object, Reflect};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
        type DateTimeFormat;

        // `catch`: an unknown time zone makes the constructor throw a RangeError.
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
        fn new(locales: &JsValue, options: &Object) -> Result<DateTimeFormat, JsValue>;

        #[wasm_bindgen(method)]
        fn format(this: &DateTimeFormat, millis: f64) -> String;
    }

    use super::TimeStyle;

    /// What a formatter writes.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub(super) enum Kind {
        /// Date, time and zone: "5 Feb 2020, 10:32 UTC".
        Moment,
        /// A day in the reader's language, read in UTC: "Wed, 5 Feb 2020".
        Day,
        /// The day in the style's zone as 2020-02-05, for arithmetic.
        IsoDay,
    }

    thread_local! {
        // Building a formatter is the slow part; a timeline formats hundreds of instants.
        static CACHE: RefCell<Vec<(Kind, TimeStyle, DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
    }

    fn build(kind: Kind, style: &TimeStyle) -> Result<DateTimeFormat, JsValue> {
        let options = Object::new();
        let fields: &[(&str, &str)] = match kind {
            Kind::Moment => &[
                ("year", "numeric"),
                ("month", "short"),
                ("day", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ],
            Kind::Day => &[("weekday", "short"), ("year", "numeric"), ("month", "short"), ("day", "numeric")],
            Kind::IsoDay => &[("year", "numeric"), ("month", "2-digit"), ("day", "2-digit")],
        };
        for (key, value) in fields {
            Reflect::set(&options, &(*key).into(), &(*value).into())?;
        }
        let zone = if kind == Kind::Day { Some("UTC") } else { style.time_zone.as_deref() };
        if let Some(zone) = zone {
            Reflect::set(&options, &"timeZone".into(), &zone.into())?;
        }
        let locale = if kind == Kind::IsoDay { Some("sv") } else { style.locale.as_deref() };
        DateTimeFormat::new(&locale.map_or(JsValue::UNDEFINED, JsValue::from_str), &options)
    }

    pub(super) fn format(kind: Kind, millis: f64, style: &TimeStyle) -> String {
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let found = cache.iter().position(|(k, s, _)| *k == kind && s == style);
            let index = match found {
                Some(index) => index,
                None => {
                    let formatter = build(kind, style).or_else(|error| {
                        web_sys::console::warn_2(
                            &"status-widget: unknown time zone or locale, using the viewer's:".into(),
                            &error,
                        );
                        build(kind, &TimeStyle::default())
                    });
                    match formatter {
                        Ok(formatter) => cache.push((kind, style.clone(), formatter)),
                        Err(_) => return js_sys::Date::new(&millis.into()).to_iso_string().into(),
                    }
                    cache.len() - 1
                }
            };
            cache.get(index).map(|(_, _, f)| f.format(millis)).unwrap_or_default()
        })
    }
}
