//! When to read a feed next: a pure function of the last outcome, so the whole polling policy
//! (interval, jitter, exponential backoff, `Retry-After`) is tested natively under a fake
//! clock. The browser poller only asks it for the next delay.

use crate::model::Time;

/// The polling policy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Policy {
    /// Seconds between reads while all is well.
    pub interval: f64,
    /// The longest wait after failures, in seconds.
    pub max_backoff: f64,
    /// Random spread, as a fraction of the delay (0.1 = ±10%), so tabs opened together do
    /// not poll together.
    pub jitter: f64,
    /// The longest `Retry-After` honoured, in seconds (a server asking for a day is capped).
    pub max_retry_after: f64,
}

impl Policy {
    /// The default policy for a `poll` interval in seconds.
    pub fn every(interval: f64) -> Policy {
        Policy { interval, max_backoff: 600.0, jitter: 0.1, max_retry_after: 3600.0 }
    }

    /// Seconds to wait before the next read.
    ///
    /// - `failures`: consecutive failed reads so far (0 after a success);
    /// - `retry_after`: what the server asked for with a 429 or 503, in seconds;
    /// - `random`: a number in `[0, 1)` (the caller's randomness; fixed in tests).
    ///
    /// After a success: the interval. After the n-th failure in a row: the interval doubled
    /// n times, capped at `max_backoff`, but never shorter than the interval itself (a
    /// failing page is never read more often than a healthy one). Either is spread by
    /// ±`jitter`; a `Retry-After` is a floor under the result (up to `max_retry_after`).
    pub fn next_delay(&self, failures: u32, retry_after: Option<f64>, random: f64) -> f64 {
        let doubled = self.interval * 2f64.powi(failures.min(30) as i32);
        let cap = self.max_backoff.max(self.interval);
        let base = if failures == 0 { self.interval } else { doubled.min(cap) };
        let spread = 1.0 + self.jitter * (2.0 * random.clamp(0.0, 1.0) - 1.0);
        let floor = retry_after.map_or(0.0, |s| s.clamp(0.0, self.max_retry_after));
        (base * spread).max(floor)
    }
}

/// Seconds before opening a relay's event stream again after its `failures`-th failure in a
/// row: 1 s, doubling, at most 5 minutes, ±10%.
pub fn reconnect_after(failures: u32, random: f64) -> f64 {
    let policy = Policy { interval: 1.0, max_backoff: 300.0, jitter: 0.1, max_retry_after: 0.0 };
    policy.next_delay(failures.saturating_sub(1), None, random)
}

/// Milliseconds for a browser timer from `seconds`: never negative, and never past the
/// largest delay a timer keeps (2^31 - 1 ms, about 24.8 days; larger ones fire at once).
pub fn timer_millis(seconds: f64) -> u32 {
    const LONGEST: f64 = i32::MAX as f64;
    let millis = seconds * 1000.0;
    if millis.is_nan() {
        0
    } else {
        millis.clamp(0.0, LONGEST) as u32
    }
}

/// Reads a `Retry-After` header: delay-seconds, or an HTTP date (RFC 9110 IMF-fixdate,
/// "Wed, 21 Oct 2015 07:28:00 GMT") measured from `now`. Anything else reads as absent.
pub fn parse_retry_after(value: &str, now: Time) -> Option<f64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds as f64);
    }
    let date = http_date(value)?;
    Some(((date - now).num_milliseconds() as f64 / 1000.0).max(0.0))
}

/// An IMF-fixdate, by hand (chrono's RFC 2822 parser costs kilobytes of wasm for a header
/// that servers rarely send as a date).
fn http_date(value: &str) -> Option<Time> {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut words = value.split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) =
        (words.next()?, words.next()?, words.next()?, words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || !matches!(zone, "GMT" | "UTC") {
        return None;
    }
    let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u32 + 1;
    let mut hms = time.split(':').map(|p| p.parse::<u32>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || year.len() != 4 {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)?;
    Some(date.and_hms_opt(h, m, s)?.and_utc())
}

/// Whether data last read successfully at `last_success` should be called out of date at
/// `now`: older than three intervals.
pub fn is_stale(last_success: Time, now: Time, interval: f64) -> bool {
    interval > 0.0 && (now - last_success).num_milliseconds() as f64 > 3.0 * interval * 1000.0
}
