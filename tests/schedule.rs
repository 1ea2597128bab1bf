//! Native tests: the polling schedule under a fake clock.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::at;
use status_widget::feed::schedule::{is_stale, parse_retry_after, Policy};

const MIDDLE: f64 = 0.5; // no jitter

#[test]
fn success_waits_one_interval_spread_by_ten_percent() {
    let policy = Policy::every(60.0);
    assert_eq!(policy.next_delay(0, None, MIDDLE), 60.0);
    assert_eq!(policy.next_delay(0, None, 0.0), 54.0);
    assert!((policy.next_delay(0, None, 0.999_999) - 66.0).abs() < 1e-3);
}

#[test]
fn failures_double_the_wait_up_to_ten_minutes() {
    let policy = Policy::every(60.0);
    let waits: Vec<f64> = (1..=6).map(|n| policy.next_delay(n, None, MIDDLE)).collect();
    assert_eq!(waits, [120.0, 240.0, 480.0, 600.0, 600.0, 600.0]);
    // Jitter applies to backoff too, so a crowd of failing tabs spreads out.
    assert_eq!(policy.next_delay(5, None, 0.0), 540.0);
    // Many failures never overflow.
    assert_eq!(policy.next_delay(u32::MAX, None, MIDDLE), 600.0);
}

#[test]
fn retry_after_is_a_floor_and_is_capped() {
    let policy = Policy::every(60.0);
    assert_eq!(policy.next_delay(1, Some(300.0), MIDDLE), 300.0);
    assert_eq!(policy.next_delay(1, Some(5.0), MIDDLE), 120.0, "never sooner than the backoff");
    assert_eq!(policy.next_delay(1, Some(86_400.0), MIDDLE), 3600.0);
}

#[test]
fn a_fake_clock_runs_the_schedule_through_an_outage() {
    // Poll every 30 s; the server fails from t=0 until t=400 s, then recovers.
    let policy = Policy::every(30.0);
    let (mut t, mut failures, mut reads) = (0.0, 0, Vec::new());
    while t < 1000.0 {
        reads.push(t);
        let ok = t >= 400.0;
        failures = if ok { 0 } else { failures + 1 };
        t += policy.next_delay(failures, None, MIDDLE);
    }
    assert_eq!(&reads[..6], [0.0, 60.0, 180.0, 420.0, 450.0, 480.0]);
    // Back to the plain interval after recovery.
    assert!(reads.windows(2).skip(3).all(|w| w[1] - w[0] == 30.0));
}

#[test]
fn retry_after_header_forms() {
    let now = at("2015-10-21T07:27:00Z");
    assert_eq!(parse_retry_after("120", now), Some(120.0));
    assert_eq!(parse_retry_after(" 5 ", now), Some(5.0));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(60.0));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), Some(0.0), "a past date: now");
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 UTC", now), Some(60.0));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 +0200", now), None, "only GMT, as HTTP requires");
    assert_eq!(parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", now), None);
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28 GMT", now), None);
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00:99 GMT", now), None);
    assert_eq!(parse_retry_after("Wed, 21 Oct 15 07:28:00 GMT", now), None, "two-digit years are obsolete");
    assert_eq!(parse_retry_after("soon", now), None);
    assert_eq!(parse_retry_after("-5", now), None);
}

#[test]
fn staleness_after_three_intervals() {
    let last = at("2020-02-05T14:05:00Z");
    assert!(!is_stale(last, at("2020-02-05T14:08:00Z"), 60.0));
    assert!(is_stale(last, at("2020-02-05T14:08:01Z"), 60.0));
    assert!(!is_stale(last, at("2021-01-01T00:00:00Z"), 0.0), "polling off: never called stale");
}

#[test]
fn cache_entries_round_trip_and_refuse_anything_else() {
    use status_widget::feed::cache::{decode, encode, key, MAX_ENTRY_CHARS};
    let saved = at("2020-02-05T10:40:00Z");
    let documents = vec![r#"{"page":{"name":"A"}}"#.to_string(), "{\"incidents\":[]}".to_string()];
    let entry = encode(saved, &documents).unwrap();
    assert_eq!(decode(&entry), Some((saved, vec![documents[0].as_str(), documents[1].as_str()])));
    assert_eq!(key("https://x.io"), "status-widget-cache-v1:https://x.io");
    assert_eq!(decode("status-widget-cache-v0\u{0}1\u{0}{}"), None, "another version");
    assert_eq!(decode("status-widget-cache-v1\u{0}soon\u{0}{}"), None);
    assert_eq!(decode("status-widget-cache-v1\u{0}1580899200000"), None, "no document");
    assert_eq!(decode(""), None);
    assert_eq!(encode(saved, &["x".repeat(MAX_ENTRY_CHARS)]), None, "too big to keep");
}

#[test]
fn exactly_one_of_two_leaders_yields() {
    use status_widget::feed::tabs::{takeover_after, takeover_after_goodbye, yields_to, Claim};
    let old = Claim { since: 1000.0, id: 0.9 };
    let young = Claim { since: 2000.0, id: 0.1 };
    assert!(yields_to(young, old) && !yields_to(old, young), "the incumbent keeps leading");
    let (a, b) = (Claim { since: 1000.0, id: 0.2 }, Claim { since: 1000.0, id: 0.7 });
    assert!(yields_to(b, a) && !yields_to(a, b), "a tie goes to the lower id");
    assert!(!yields_to(a, a), "hearing itself changes nothing");
    assert_eq!(takeover_after(60.0), 180.0);
    assert_eq!(takeover_after(0.01), 1.5, "never faster than every 1.5 s");
    assert!((0.05..=0.3).contains(&takeover_after_goodbye(0.99)));
}

#[test]
fn backoff_never_polls_a_failing_page_more_often_than_a_healthy_one() {
    // An hourly poll that fails waits at least an hour, not the ten-minute backoff cap.
    let hourly = Policy::every(3600.0);
    for failures in 1..12 {
        assert!(hourly.next_delay(failures, None, 0.0) >= 3600.0 * 0.9, "after {failures} failures");
        assert!(hourly.next_delay(failures, None, MIDDLE) >= 3600.0);
    }
    // Short intervals still back off up to ten minutes.
    assert_eq!(Policy::every(60.0).next_delay(5, None, MIDDLE), 600.0);
}

#[test]
fn timers_are_bounded_to_what_a_browser_timer_keeps() {
    use status_widget::feed::schedule::timer_millis;
    // 30 days in milliseconds overflows a 32-bit signed timer (the review saw setTimeout(-1702967296)).
    assert_eq!(timer_millis(2_592_000.0), i32::MAX as u32);
    assert_eq!(
        timer_millis(3.0 * 8.5 * 86_400.0),
        i32::MAX as u32,
        "a follower's takeover after 8.5-day polls"
    );
    assert_eq!(timer_millis(-1.0), 0);
    assert_eq!(timer_millis(f64::NAN), 0);
    assert_eq!(timer_millis(1.5), 1500);
}

#[test]
fn poll_and_timeout_settings_are_bounded() {
    use status_widget::config::Config;
    let read = |pairs: &'static [(&'static str, &'static str)]| {
        Config::from_lookup(move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
    };
    let (config, warnings) =
        read(&[("src", "https://status.example.com"), ("poll", "2592000"), ("timeout", "3000000")]);
    assert_eq!(config.poll, 86_400.0);
    assert_eq!(config.timeout, 300.0);
    assert_eq!(warnings.len(), 2, "{warnings:?}");

    // A real page is never polled more often than every 10 s...
    let (mut config, _) = read(&[("src", "https://status.example.com"), ("poll", "0.01")]);
    assert!(config.apply_poll_floor("app.example.com").is_some());
    assert_eq!(config.poll, 10.0);
    let (mut config, _) = read(&[("src", "https://status.example.com"), ("poll", "0.01")]);
    assert!(
        config.apply_poll_floor("127.0.0.1:8080").is_some(),
        "the page being local does not make the feed local"
    );
    assert_eq!(config.poll, 10.0);
    // ...while feeds on the host's loopback (tests) may go fast; 0 still means off.
    for (src, host) in [
        ("/feeds/a.json", "127.0.0.1:47800"),
        ("http://localhost:9/a.json", "x.example"),
        ("http://[::1]:9/a.json", "x"),
    ] {
        let pairs: &'static [(&'static str, &'static str)] =
            Box::leak(vec![("src", src), ("poll", "0.01")].into_boxed_slice());
        let (mut config, _) = read(pairs);
        assert_eq!(config.apply_poll_floor(host), None, "{src}");
        assert_eq!(config.poll, 0.01);
    }
    let (mut config, _) = read(&[("src", "https://status.example.com"), ("poll", "0")]);
    assert_eq!(config.apply_poll_floor("x"), None);
    assert_eq!(config.poll, 0.0);
    let (mut config, _) = read(&[("src", "/feeds/a.json"), ("poll", "0.001")]);
    config.apply_poll_floor("localhost:3000");
    assert_eq!(config.poll, 0.005);
}

#[test]
fn a_lost_relay_stream_is_opened_again_after_a_doubling_wait() {
    use status_widget::feed::schedule::reconnect_after;
    let waits: Vec<f64> = (1..=12).map(|n| reconnect_after(n, 0.5)).collect();
    assert_eq!(&waits[..5], &[1.0, 2.0, 4.0, 8.0, 16.0]);
    assert_eq!(waits[11], 300.0, "at most five minutes");
    assert!(reconnect_after(1, 0.0) >= 0.9 && reconnect_after(1, 0.999) <= 1.1, "±10%");
}
