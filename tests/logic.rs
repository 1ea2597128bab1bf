//! Native tests: time words, rich text, configuration, the reducer.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::at;
use status_widget::config::{Config, Mode, Theme, SETTINGS};
use status_widget::feed::FeedError;
use status_widget::i18n::{Key, Lang};
use status_widget::model::Snapshot;
use status_widget::state::{step, Action, Failure, Load, Loaded, State};
use status_widget::time::{duration, duration_parts, local, relative, relative_amount, Unit};

#[test]
fn durations_in_short_words() {
    let d = |s: i64| duration(s, Lang::En);
    assert_eq!(d(-5), "under a minute");
    assert_eq!(d(59), "under a minute");
    assert_eq!(d(60), "1 min");
    assert_eq!(d(45 * 60 + 59), "45 min");
    assert_eq!(d(3600), "1 hr");
    assert_eq!(d(6 * 3600 + 43 * 60), "6 hr 43 min");
    assert_eq!(d(2 * 86400 + 3 * 3600 + 59), "2 days 3 hr");
    assert_eq!(d(86400), "1 day");
    assert_eq!(d(59 * 86400 + 3600), "59 days 1 hr");
    assert_eq!(d(1817 * 86400 + 3600), "4 years");
    assert_eq!(d(90 * 86400), "3 months");
    // The amounts the browser's Intl words in each language.
    assert_eq!(duration_parts(6 * 3600 + 43 * 60), [(6, Unit::Hour), (43, Unit::Minute)]);
    assert_eq!(duration(30, Lang::De), "unter einer Minute");
}

#[test]
fn relative_times() {
    let now = at("2020-02-05T10:40:00Z");
    let r = |then: &str| relative(at(then), now, Lang::En);
    assert_eq!(r("2020-02-05T10:39:30Z"), "just now");
    assert_eq!(r("2020-02-05T10:32:00Z"), "8 minutes ago");
    assert_eq!(r("2020-02-05T10:39:00Z"), "1 minute ago");
    assert_eq!(r("2020-02-05T08:21:00Z"), "2 hours ago");
    assert_eq!(r("2020-02-04T10:40:00Z"), "1 day ago");
    assert_eq!(r("2020-01-01T10:40:00Z"), "35 days ago");
    assert_eq!(r("2019-08-05T10:40:00Z"), "6 months ago");
    assert_eq!(r("2014-02-05T10:40:00Z"), "6 years ago");
    assert_eq!(r("2020-02-05T13:40:00Z"), "in 3 hours");
    assert_eq!(relative(at("2020-02-05T10:39:30Z"), now, Lang::Fr), "à l’instant");
    assert_eq!(relative_amount(-3 * 3600), Some((3, Unit::Hour)));
    let style =
        status_widget::time::TimeStyle { time_zone: Some("Europe/London".into()), ..Default::default() };
    assert_eq!(local(now, &style), "2020-02-05 10:40 UTC");
}

#[test]
fn every_message_exists_in_every_shipped_language() {
    let placeholders = |text: &str| {
        let mut found: Vec<String> =
            (0..5).map(|i| format!("{{{i}}}")).filter(|p| text.contains(p.as_str())).collect();
        found.sort();
        found
    };
    let mut missing = Vec::new();
    for key in Key::ALL {
        let texts = key.texts();
        let english = texts[0];
        assert!(!english.is_empty(), "{key:?} has no English");
        for (lang, text) in Lang::ALL.iter().zip(texts) {
            if text.is_empty() {
                missing.push(format!("{key:?} in {lang:?}"));
            }
            assert_eq!(placeholders(text), placeholders(english), "{key:?} in {lang:?}: placeholders differ");
        }
    }
    assert!(missing.is_empty(), "missing translations: {missing:?}");
    // A missing entry would fall back to English; unknown languages get English.
    assert_eq!(Lang::from_tag("es-MX"), Lang::Es);
    assert_eq!(Lang::from_tag("DE_at"), Lang::De);
    assert_eq!(Lang::from_tag("pt-BR"), Lang::Pt);
    assert_eq!(Lang::from_tag("pt_PT"), Lang::Pt);
    assert_eq!(Lang::from_tag("ar-EG"), Lang::Ar);
    assert_eq!(Lang::from_tag("he"), Lang::En);
    assert_eq!((Lang::Ar.dir(), Lang::Pt.dir(), Lang::Pt.tag()), ("rtl", "ltr", "pt-BR"));
    assert_eq!(Lang::from_tag(""), Lang::En);
    assert_eq!(Lang::Fr.fill(Key::UpdateOf, &["6", "11"]), " · mise à jour 6 sur 11");
    // Status words differ from English in every other language (no untranslated copies).
    for key in [Key::Investigating, Key::Identified, Key::Resolved, Key::Operational, Key::AllOperational] {
        for lang in [Lang::Es, Lang::De, Lang::Fr, Lang::Pt, Lang::Ar] {
            assert_ne!(lang.t(key), Lang::En.t(key), "{key:?} in {lang:?}");
        }
    }
}

#[test]
fn config_from_query_parameters() {
    let lookup = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    };
    let (config, warnings) = Config::from_lookup(lookup(&[]));
    assert_eq!(config.src, None);
    assert_eq!(config.now, Some(at("2020-02-05T10:40:00Z")), "the demo replays the reference by default");
    assert!(warnings.is_empty());

    let (config, _) = Config::from_lookup(lookup(&[("now", "live")]));
    assert_eq!(config.now, None);

    let (config, warnings) =
        Config::from_lookup(lookup(&[("src", " https://x.io "), ("now", "soon"), ("expanded", "maybe")]));
    assert_eq!(config.src.as_deref(), Some("https://x.io"));
    assert_eq!(config.now, None);
    assert!(!config.expanded);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(
        warnings[0],
        r#"now="soon" is not valid (accepted: RFC 3339 instant, or live); using the live clock"#
    );
    assert_eq!(warnings[1], r#"expanded="maybe" is not valid (accepted: true, false); using false"#);

    let (config, warnings) =
        Config::from_lookup(lookup(&[("mode", "sidebar"), ("theme", "Dark"), ("poll", "-5")]));
    assert_eq!((config.mode, config.theme, config.poll), (Mode::Banner, Theme::Dark, 60.0));
    assert_eq!(
        warnings,
        [
            r#"mode="sidebar" is not valid (accepted: banner, bar, corner, page); using banner"#,
            r#"poll="-5" is not valid (accepted: seconds (0 = off)); using 60"#,
        ]
    );
    let (config, _) =
        Config::from_lookup(lookup(&[("src", "x.json"), ("components", " UK2 , ,America East ")]));
    assert_eq!(config.components, ["UK2", "America East"]);

    let (config, _) = Config::from_lookup(lookup(&[
        ("src", "/f.json"),
        ("now", "2020-02-05T10:40:00+01:00"),
        ("time-zone", "Europe/Berlin"),
        ("expanded", ""),
    ]));
    assert_eq!(config.now, Some(at("2020-02-05T09:40:00Z")));
    assert_eq!(config.time_zone.as_deref(), Some("Europe/Berlin"));
    assert!(config.expanded);
}

#[test]
fn readme_documents_every_setting() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for setting in SETTINGS {
        let row = format!(
            "| `{}` | {} | {} | `{}` |",
            setting.name, setting.kind, setting.default, setting.example
        );
        assert!(readme.contains(&row), "README is missing the row for `{}`:\n{row}", setting.name);
        assert!(readme.contains(setting.description), "README lacks the description of `{}`", setting.name);
    }
}

#[test]
fn reducer() {
    let loaded = Loaded::new(Snapshot::default(), at("2020-02-05T10:40:00Z"), false);
    let failure = |since: &str| Failure { error: FeedError::NotStatusDocument, since: at(since) };
    let state = State::new(None, false, &[]);
    assert_eq!(state.load, Load::Loading);
    let failed = state.reduce(Action::Fetched(0, Err(failure("2020-02-05T10:00:00Z"))));
    assert_eq!(failed.load, Load::Failed(failure("2020-02-05T10:00:00Z")));
    assert_eq!(failed.reduce(Action::Retry).load, Load::Loading);
    let ready = failed.reduce(Action::Fetched(0, Ok(loaded.clone())));
    assert_eq!((&ready.load, &ready.failure), (&Load::Ready(loaded.clone()), &None));
    // A later failure keeps the last good data and says since when reads fail.
    let failing = ready.reduce(Action::Fetched(0, Err(failure("2020-02-05T11:00:00Z"))));
    assert_eq!(failing.load, Load::Ready(loaded.clone()));
    assert_eq!(failing.failure, Some(failure("2020-02-05T11:00:00Z")));
    assert_eq!(failing.reduce(Action::Retry).load, Load::Ready(loaded.clone()), "retry never blanks data");
    assert_eq!(failing.reduce(Action::Fetched(0, Ok(loaded))).failure, None, "recovered");
    let open = ready.reduce(Action::Toggle);
    assert!(open.expanded);
    assert!(!open.reduce(Action::Toggle).expanded);
    assert!(!open.reduce(Action::Collapse).expanded);
    assert!(!open.reduce(Action::Collapse).reduce(Action::Collapse).expanded);
    let hidden = open.reduce(Action::Dismiss("inc@u1".into())).reduce(Action::Dismiss("inc@u1".into()));
    assert_eq!(hidden.dismissed, ["inc@u1"], "remembered once");
    let pinned = open.reduce(Action::Pin(Some(at("2020-01-01T00:00:00Z"))));
    assert_eq!(pinned.pinned, Some(at("2020-01-01T00:00:00Z")));
}

#[test]
fn replay_steps() {
    let moments = [at("2020-02-05T08:21:00Z"), at("2020-02-05T09:35:00Z"), at("2020-02-05T10:32:00Z")];
    let now = at("2020-02-05T09:00:00Z");
    assert_eq!(step(&moments, now, true), Some(moments[1]));
    assert_eq!(step(&moments, now, false), Some(moments[0]));
    assert_eq!(step(&moments, moments[0], false), None);
    assert_eq!(step(&moments, moments[2], true), None);
    assert_eq!(step(&moments, moments[1], true), Some(moments[2]));
}

mod time_properties {
    use proptest::prelude::*;
    use status_widget::time::{duration, relative};

    fn instant(seconds: i64) -> status_widget::model::Time {
        chrono::DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    proptest! {
        #[test]
        fn durations_always_read(seconds in any::<i64>()) {
            let words = duration(seconds, status_widget::i18n::Lang::En);
            prop_assert!(!words.is_empty());
            if seconds < 60 {
                prop_assert_eq!(words, "under a minute");
            }
        }

        #[test]
        fn relative_times_point_the_right_way(a in 0i64..4_102_444_800, b in 0i64..4_102_444_800) {
            let words = relative(instant(a), instant(b), status_widget::i18n::Lang::En);
            if b - a >= 60 {
                prop_assert!(words.ends_with(" ago"), "{words}");
            } else if a - b >= 60 {
                prop_assert!(words.starts_with("in "), "{words}");
            } else {
                prop_assert_eq!(words, "just now");
            }
        }
    }
}

/// Seconds are read by `config::decimal`, not the standard library's float parser: it must
/// read what people write as `str::parse::<f64>` does, and refuse what is no number of seconds.
#[test]
fn seconds_read_like_the_float_parser() {
    use status_widget::config::decimal;
    for text in [
        "0",
        "60",
        "0.005",
        ".25",
        "2.",
        "86400",
        "0.1",
        "123.456",
        "007",
        "0.30000000000000004",
        "1e3",
        "2.5E2",
        "1e+21",
        "1e0",
    ] {
        assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
    }
    // What `String(number)` writes for the extremes: close to the float parser, and as finite.
    for text in ["1e-7", "1e308", "1.7976931348623157e308", "1e-300"] {
        let (ours, std) = (decimal(text).unwrap(), text.parse::<f64>().unwrap());
        assert!(ours == std || ((ours - std) / std).abs() < 1e-12, "{text}: {ours} vs {std}");
    }
    assert_eq!(decimal("1e309"), Some(f64::INFINITY));
    // Zero is zero however it is written (0 × 10^400 is no NaN), and a long fraction stays a number.
    for text in ["0e400", "0.000e309", "000"] {
        assert_eq!(decimal(text), Some(0.0), "{text}");
    }
    let long = format!("0.{}1", "0".repeat(400));
    assert!(decimal(&long).is_some_and(|v| v > 0.0 && v < 1e-300), "{long}");
    let ones = format!("1.{}", "1".repeat(400));
    assert!(decimal(&ones).is_some_and(|v| (v - 10.0 / 9.0).abs() < 1e-12));
    // Below what any setting keeps (its floor is 0.005 s): zero or next to it, never negative.
    for text in ["5e-324", "1e-400"] {
        assert!(decimal(text).is_some_and(|v| (0.0..1e-300).contains(&v)), "{text}");
    }
    for text in ["", ".", "-5", "+5", "e3", "1e", "1e+", "1e3.5", "inf", "NaN", "1.2.3", " 5", "5s", "١٢"] {
        assert_eq!(decimal(text), None, "{text}");
    }
}
