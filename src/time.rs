//! Time in one small module: the current instant, durations and relative times in words,
//! and local date-times. In the browser local date-times come from `Intl.DateTimeFormat`
//! (the viewer's zone, or the configured IANA zone); natively a fixed UTC form keeps tests
//! deterministic.

use chrono::NaiveDate;

use crate::i18n::{Key, Lang};
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

/// A unit of a duration or a relative time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Months (30 days).
    Month,
    /// Years (365 days).
    Year,
}

impl Unit {
    /// The unit's name in `Intl` (singular).
    pub fn intl(self) -> &'static str {
        match self {
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// A length of time as amounts of units: [6 h, 43 min], [2 d, 3 h], [5 months]; empty
/// under a minute. Negative lengths read as zero.
pub fn duration_parts(seconds: i64) -> Vec<(i64, Unit)> {
    let s = seconds.max(0);
    let pair = |big: i64, big_unit: Unit, small: i64, small_unit: Unit| {
        if small == 0 {
            vec![(big, big_unit)]
        } else {
            vec![(big, big_unit), (small, small_unit)]
        }
    };
    match s {
        s if s >= 60 * DAY => vec![long(s)],
        s if s < MINUTE => Vec::new(),
        s if s < HOUR => vec![(s / MINUTE, Unit::Minute)],
        s if s < DAY => pair(s / HOUR, Unit::Hour, (s % HOUR) / MINUTE, Unit::Minute),
        s => pair(s / DAY, Unit::Day, (s % DAY) / HOUR, Unit::Hour),
    }
}

/// The one amount a relative time speaks of: minutes under an hour, hours under a day,
/// days under 60 days, then months and years. `None` within a minute ("just now").
pub fn relative_amount(seconds: i64) -> Option<(i64, Unit)> {
    let s = seconds.abs();
    let amount = match s {
        s if s < MINUTE => return None,
        s if s < HOUR => (s / MINUTE, Unit::Minute),
        s if s < DAY => (s / HOUR, Unit::Hour),
        s if s < 60 * DAY => (s / DAY, Unit::Day),
        s => long(s),
    };
    Some(amount)
}

/// Spans of 60 days or more, in months under two years, else in years.
fn long(s: i64) -> (i64, Unit) {
    if s < 730 * DAY {
        (s / (30 * DAY), Unit::Month)
    } else {
        (s / (365 * DAY), Unit::Year)
    }
}

/// A length of time in the reader's language: "6 hr 43 min", "45 min", "2 days 3 hr",
/// "5 months"; "under a minute".
pub fn duration(seconds: i64, lang: Lang) -> String {
    let parts = duration_parts(seconds);
    if parts.is_empty() {
        return lang.t(Key::UnderAMinute).to_owned();
    }
    parts.iter().map(|(n, unit)| amount(*n, *unit, lang)).collect::<Vec<_>>().join(" ")
}

/// How long ago `then` was, seen from `now`, in the reader's language: "just now",
/// "8 minutes ago", "in 3 hours", "35 days ago", "6 years ago".
pub fn relative(then: Time, now: Time, lang: Lang) -> String {
    let delta = (now - then).num_seconds();
    match relative_amount(delta) {
        None => lang.t(Key::JustNow).to_owned(),
        Some((n, unit)) => ago(if delta > 0 { -n } else { n }, unit, lang),
    }
}

/// `n` units: "43 min", "6 hr", "2 days". English is written here, exactly as Chromium's
/// `Intl` writes it for "en" (a browser test compares the two), because building the first
/// `Intl.NumberFormat` of a page costs its first paint about 25 ms. Other languages go
/// through `Intl` in the browser (natively: English).
fn amount(n: i64, unit: Unit, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    if lang != Lang::En {
        return intl::units(n, unit, lang, false);
    }
    let _ = lang;
    match unit {
        Unit::Minute => format!("{n} min"),
        Unit::Hour => format!("{n} hr"),
        _ => plural(n, unit.intl()),
    }
}

/// `n` units, negative in the past: "8 minutes ago", "in 3 hours" (English here, as
/// `Intl.RelativeTimeFormat` writes it; other languages through `Intl`).
fn ago(n: i64, unit: Unit, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    if lang != Lang::En {
        return intl::units(n, unit, lang, true);
    }
    let _ = lang;
    let words = plural(n.abs(), unit.intl());
    if n < 0 {
        format!("{words} ago")
    } else {
        format!("in {words}")
    }
}

/// A count in the reader's language: "2,025" in English (written here, as `Intl` writes it,
/// so the first paint builds no formatter), through `Intl.NumberFormat` otherwise (Arabic
/// digits in Arabic).
pub fn number(n: usize, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    if lang != Lang::En {
        return intl::number(n, lang);
    }
    let _ = lang;
    grouped(n as i64)
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{} {unit}s", grouped(n))
    }
}

/// `n` (not negative) with commas between thousands, as `Intl` writes English numbers:
/// "2,025" (a feed's year-1 placeholder date is 2,025 years ago).
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
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
    /// The language of the widget's words (from `locale`, the host's `lang` or the browser).
    pub lang: Lang,
    /// Hover texts without what needs `Intl` (the exact instant alone). True only for the
    /// first picture, which goes up without the timeline: building the page's first `Intl`
    /// formatter takes about 20 ms, and the banner should not wait for its tooltips. A task
    /// later the full texts and the timeline are filled in.
    pub quick: bool,
}

impl TimeStyle {
    /// The `lang` of text `Intl` writes, when it is not the language of the widget's words
    /// (a `ja-JP` locale writes Japanese dates among English words); `None` when they agree.
    pub fn intl_lang(&self) -> Option<String> {
        self.locale.as_deref().filter(|tag| self.lang.lang_attribute(Some(tag)) != *tag).map(str::to_owned)
    }

    /// The same style in the status page's own zone, when it has one and the reader's
    /// chosen zone is not already that one.
    pub fn page(&self) -> Option<TimeStyle> {
        let zone = self.page_zone.clone().filter(|z| self.time_zone.as_ref() != Some(z))?;
        Some(TimeStyle {
            time_zone: Some(zone),
            locale: self.locale.clone(),
            page_zone: None,
            lang: self.lang,
            quick: self.quick,
        })
    }
}

/// The hover text of a displayed instant: the exact instant, and the same moment in the
/// status page's own zone ("Status page time: 5 Feb 2020, 05:32 EST") when it has one.
pub fn hover(at: Time, style: &TimeStyle) -> String {
    let exact = machine(at);
    match style.page().filter(|_| !style.quick) {
        Some(page) => format!("{} ({exact})", style.lang.fill(Key::PageTime, &[&local(at, &page)])),
        None => exact,
    }
}

/// The hover text of a relative time ("Updated 3 min ago"): the moment in the reader's zone,
/// or the exact instant while the style is quick.
pub fn title(at: Time, style: &TimeStyle) -> String {
    if style.quick {
        machine(at)
    } else {
        local(at, style)
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
    // Read by hand: chrono's format parser would add kilobytes for this one shape.
    let mut parts = iso.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (parts.next().flatten(), parts.next().flatten(), parts.next().flatten());
    year.zip(month)
        .zip(day)
        .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        .unwrap_or_else(|| at.date_naive())
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

/// The browser's preferred language tag (`navigator.language`); natively "en".
pub fn browser_language() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use js_sys::Reflect;
        let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).unwrap_or_default();
        if let Some(tag) = Reflect::get(&navigator, &"language".into()).ok().and_then(|l| l.as_string()) {
            return tag;
        }
    }
    "en".to_owned()
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

    use super::{TimeStyle, Unit};
    use crate::i18n::Lang;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
        type NumberFormat;

        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
        fn new(locales: &JsValue, options: &Object) -> Result<NumberFormat, JsValue>;

        #[wasm_bindgen(method)]
        fn format(this: &NumberFormat, n: f64) -> String;

        #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
        type RelativeTimeFormat;

        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
        fn new(locales: &JsValue, options: &Object) -> Result<RelativeTimeFormat, JsValue>;

        #[wasm_bindgen(method)]
        fn format(this: &RelativeTimeFormat, n: f64, unit: &str) -> String;
    }

    enum Words {
        Amount(NumberFormat),
        Relative(RelativeTimeFormat),
    }

    thread_local! {
        static WORDS: RefCell<Vec<(Lang, Unit, bool, Words)>> = const { RefCell::new(Vec::new()) };
    }

    /// `n` units in `lang`: an amount ("6 hr", via `NumberFormat`) or, when `relative`, a
    /// relative time ("in 3 hours", "8 minutes ago", via `RelativeTimeFormat`).
    pub(super) fn units(n: i64, unit: Unit, lang: Lang, relative: bool) -> String {
        WORDS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let found = cache.iter().position(|(l, u, r, _)| *l == lang && *u == unit && *r == relative);
            let index = match found {
                Some(index) => index,
                None => {
                    let Ok(words) = build_words(unit, lang, relative) else {
                        return format!("{n} {}", unit.intl());
                    };
                    cache.push((lang, unit, relative, words));
                    cache.len() - 1
                }
            };
            match cache.get(index).map(|(_, _, _, w)| w) {
                Some(Words::Amount(f)) => f.format(n as f64),
                Some(Words::Relative(f)) => f.format(n as f64, unit.intl()),
                None => String::new(),
            }
        })
    }

    thread_local! {
        static NUMBERS: RefCell<Vec<(Lang, NumberFormat)>> = const { RefCell::new(Vec::new()) };
    }

    /// A plain count in `lang`.
    pub(super) fn number(n: usize, lang: Lang) -> String {
        NUMBERS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if !cache.iter().any(|(l, _)| *l == lang) {
                match NumberFormat::new(&JsValue::from_str(lang.tag()), &Object::new()) {
                    Ok(format) => cache.push((lang, format)),
                    Err(_) => return n.to_string(),
                }
            }
            cache.iter().find(|(l, _)| *l == lang).map(|(_, f)| f.format(n as f64)).unwrap_or_default()
        })
    }

    fn build_words(unit: Unit, lang: Lang, relative: bool) -> Result<Words, JsValue> {
        let options = Object::new();
        let locale = JsValue::from_str(lang.tag());
        if relative {
            Reflect::set(&options, &"numeric".into(), &"always".into())?;
            return RelativeTimeFormat::new(&locale, &options).map(Words::Relative);
        }
        let display = if matches!(unit, Unit::Minute | Unit::Hour) { "short" } else { "long" };
        Reflect::set(&options, &"style".into(), &"unit".into())?;
        Reflect::set(&options, &"unit".into(), &unit.intl().into())?;
        Reflect::set(&options, &"unitDisplay".into(), &display.into())?;
        NumberFormat::new(&locale, &options).map(Words::Amount)
    }

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

    /// A formatter, keyed on what it depends on: the kind, the zone and the locale.
    type Cached = (Kind, Option<String>, Option<String>, DateTimeFormat);

    thread_local! {
        // Building a formatter is the slow part; a timeline formats hundreds of instants.
        static CACHE: RefCell<Vec<Cached>> = const { RefCell::new(Vec::new()) };
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
            let found = cache.iter().position(|(k, zone, locale, _)| {
                *k == kind && *zone == style.time_zone && *locale == style.locale
            });
            let index = match found {
                Some(index) => index,
                None => {
                    let formatter = build(kind, style).or_else(|error| {
                        // Once per zone and locale, not once per kind of formatter.
                        let said = cache
                            .iter()
                            .any(|(_, zone, locale, _)| *zone == style.time_zone && *locale == style.locale);
                        if !said {
                            web_sys::console::warn_2(
                                &format!(
                                    "{} unknown time zone or locale, using the viewer's:",
                                    crate::LOG_PREFIX
                                )
                                .into(),
                                &error,
                            );
                        }
                        build(kind, &TimeStyle::default())
                    });
                    match formatter {
                        Ok(formatter) => {
                            cache.push((kind, style.time_zone.clone(), style.locale.clone(), formatter))
                        }
                        Err(_) => return js_sys::Date::new(&millis.into()).to_iso_string().into(),
                    }
                    cache.len() - 1
                }
            };
            cache.get(index).map(|(_, _, _, f)| f.format(millis)).unwrap_or_default()
        })
    }
}
