//! One `Config` for every way the widget is set up: element attributes, query parameters of
//! the standalone page, and the yew component's props. [`SETTINGS`] is the single list of
//! settings; the element observes exactly these names, and a test checks that the README's
//! contract table matches it.

use crate::feed::{parse_time, REFERENCE_REPLAY_AT};
use crate::model::Time;

/// Where and how the widget is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Inline banner in the page flow.
    #[default]
    Banner,
    /// A bar across the top of the page that stays in view while scrolling.
    Bar,
    /// A floating popup in a corner of the viewport.
    Corner,
    /// A full status page: the timeline open from the start.
    Page,
}

/// Which corner of the viewport `mode="corner"` sits in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Corner {
    /// Bottom right (the default).
    #[default]
    BottomRight,
    /// Bottom left.
    BottomLeft,
    /// Top right.
    TopRight,
    /// Top left.
    TopLeft,
}

impl Corner {
    /// The setting's spelling, also the root element's class suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Corner::BottomRight => "bottom-right",
            Corner::BottomLeft => "bottom-left",
            Corner::TopRight => "top-right",
            Corner::TopLeft => "top-left",
        }
    }
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// The widget's settings, parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Feed to show: a status page's base URL or one JSON document's URL. `None` shows the
    /// compiled-in reference incident.
    pub src: Option<String>,
    /// Layout.
    pub mode: Mode,
    /// The corner `Mode::Corner` sits in.
    pub corner: Corner,
    /// Only these components (names or ids, case-insensitive; a group means its children
    /// too). Empty: everything.
    pub components: Vec<String>,
    /// BCP 47 language tag for dates and times; `None` uses the host page's or browser's.
    pub locale: Option<String>,
    /// IANA time zone for displayed times; `None` uses the viewer's.
    pub time_zone: Option<String>,
    /// Colour scheme.
    pub theme: Theme,
    /// Seconds between refreshes of the feed; 0 turns polling off.
    pub poll: f64,
    /// Seconds a read may take before it is abandoned.
    pub timeout: f64,
    /// A pinned clock: show the feed as it stood at this instant. `None` follows real time.
    pub now: Option<Time>,
    /// Offer a button that hides the widget.
    pub dismissible: bool,
    /// Start with the timeline open.
    pub expanded: bool,
    /// Days of resolved incidents listed as history; 0 lists none.
    pub history_days: u32,
    /// How many days ahead scheduled maintenance is announced; 0 announces none.
    pub maintenance_days: u32,
    /// Hours after a maintenance within which an incident on its components is shown
    /// beside it; 0 never.
    pub near_maintenance_hours: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_lookup(|_| None).0
    }
}

/// One documented setting.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// Name, as an attribute or query parameter (kebab-case).
    pub name: &'static str,
    /// Accepted values.
    pub kind: &'static str,
    /// Default when absent.
    #[cfg(not(target_arch = "wasm32"))]
    pub default: &'static str,
    /// An example value.
    #[cfg(not(target_arch = "wasm32"))]
    pub example: &'static str,
    /// The values it takes, as a TypeScript type (for `status-widget.d.ts` and the Custom
    /// Elements Manifest, written by `src/contract.rs`).
    #[cfg(not(target_arch = "wasm32"))]
    pub ts: &'static str,
    /// What it does.
    #[cfg(not(target_arch = "wasm32"))]
    pub description: &'static str,
}

/// One entry of [`SETTINGS`]. The documentation fields exist in native builds only (a test
/// holds the README to them); the wasm carries names and accepted values, nothing it never
/// shows (about 4 KB of text).
macro_rules! setting {
    (name: $name:expr, kind: $kind:expr, default: $default:expr, example: $example:expr, ts: $ts:expr, description: $description:expr $(,)?) => {
        Setting {
            name: $name,
            kind: $kind,
            #[cfg(not(target_arch = "wasm32"))]
            default: $default,
            #[cfg(not(target_arch = "wasm32"))]
            example: $example,
            #[cfg(not(target_arch = "wasm32"))]
            ts: $ts,
            #[cfg(not(target_arch = "wasm32"))]
            description: $description,
        }
    };
}

/// Seconds between polls when `poll` is not given.
pub const DEFAULT_POLL_SECONDS: f64 = 60.0;

/// Seconds a read may take when `timeout` is not given.
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 10.0;

/// The shortest `poll` for a real status page, in seconds: smaller values read as this.
pub const MIN_POLL_SECONDS: f64 = 10.0;

/// The shortest `poll` for feeds on the host's own loopback (127.0.0.1, localhost, ::1),
/// where tests run: fractions down to this are allowed there.
pub const MIN_LOOPBACK_POLL_SECONDS: f64 = 0.005;

/// The longest `poll` (a day): larger values read as this.
pub const MAX_POLL_SECONDS: f64 = 86_400.0;

/// The longest `timeout` (five minutes): larger values read as this.
pub const MAX_TIMEOUT_SECONDS: f64 = 300.0;

/// Whether `host` (a URL's host, with or without a port) names this machine's loopback.
/// `user:password@` is dropped first, as URL parsers do: `127.0.0.1@evil.example` is
/// evil.example.
fn is_loopback(authority: &str) -> bool {
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let octets: Vec<&str> = name.split('.').collect();
    let ipv4_loopback = octets.len() == 4
        && octets.first() == Some(&"127")
        && octets.iter().all(|o| !o.is_empty() && o.len() <= 3 && o.bytes().all(|b| b.is_ascii_digit()));
    name.eq_ignore_ascii_case("localhost") || name == "::1" || ipv4_loopback
}

/// A number of seconds as a person (or `String(number)` in a host's script) writes one:
/// digits, with a decimal point and more digits if need be, and an exponent (`60`, `0.5`,
/// `.25`, `2.`, `1e3`, `1e-7`). Not `str::parse::<f64>`: that links the standard library's
/// float parser and its tables into the wasm (15 KB brotli), for two settings. Exact for
/// what people write; within a few units in the last place for the rest.
pub fn decimal(text: &str) -> Option<f64> {
    let (number, exponent) = match text.split_once(['e', 'E']) {
        Some((number, exponent)) => {
            let (negative, digits) = match exponent.as_bytes().first() {
                Some(b'-') => (true, &exponent[1..]),
                Some(b'+') => (false, &exponent[1..]),
                _ => (false, exponent),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Past 400 the result is 0 or infinite either way.
            let power = digits.bytes().fold(0i32, |n, b| (n * 10 + i32::from(b - b'0')).min(400));
            (number, if negative { -power } else { power })
        }
        None => (text, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    // Zero in any spelling (`0e400` too) is zero; past 300 digits a fraction adds nothing a
    // setting keeps (ten to the 300 stays finite), but a number that is not zero stays so.
    if whole.bytes().chain(fraction.bytes()).all(|b| b == b'0') {
        return Some(0.0);
    }
    let fraction = fraction.get(..300).unwrap_or(fraction);
    let value = |part: &str| part.bytes().fold(0.0, |n: f64, b| n * 10.0 + f64::from(b - b'0'));
    let ten_to = |n: i32| (0..n).fold(1.0, |s: f64, _| s * 10.0);
    let mantissa = (value(whole) + value(fraction) / ten_to(fraction.len() as i32)).max(f64::MIN_POSITIVE);
    Some(if exponent >= 0 { mantissa * ten_to(exponent) } else { mantissa / ten_to(-exponent) })
}

/// Every setting the widget reads, in the order the README lists them.
pub const SETTINGS: [Setting; 15] = [
    setting! {
        name: "src",
        kind: "URL, or several separated by spaces",
        default: "the built-in reference incident",
        example: "https://www.githubstatus.com",
        ts: "string",
        description: "A status page's base URL (the widget reads `/api/v2/summary.json`, `incidents.json` and `scheduled-maintenances.json` under it, at once, showing the summary first) or the URL of one Statuspage v2 JSON document (any path ending in `.json`). Several URLs separated by spaces are shown as one picture: the worst status of them all, each incident and component labelled with its page's name, and a source that fails reported by name while the others stay.",
    },
    setting! {
        name: "mode",
        kind: "`banner`, `bar`, `corner`, `page`",
        default: "`banner`",
        example: "bar",
        ts: "'banner' | 'bar' | 'corner' | 'page'",
        description: "`banner`: inline in the page flow. `bar`: across the top, staying in view while scrolling (it sticks within its parent: place it first in the page's body or scrolling container, not in a header that scrolls away); open, it is at most half the viewport tall and its timeline scrolls inside, so it never covers the host's content. `corner`: a floating popup in a corner of the viewport (see `corner`; on screens under 480 px a strip along the top or bottom edge), never taller than the viewport, its timeline scrolling inside. `page`: a full status page, timeline open.",
    },
    setting! {
        name: "corner",
        kind: "`bottom-right`, `bottom-left`, `top-right`, `top-left`",
        default: "`bottom-right`",
        example: "bottom-left",
        ts: "'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'",
        description: "Where `mode=\"corner\"` floats. The names are physical: `bottom-left` is the bottom left on a right-to-left page too.",
    },
    setting! {
        name: "components",
        kind: "comma-separated names or ids",
        default: "all components",
        example: "UK 2 (United Kingdom), America East",
        ts: "string",
        description: "Shows only these components and the incidents that touch them; the overall status is worked out from them. Case-insensitive; a group name includes its children; with several sources, a page's name includes all of that page.",
    },
    setting! {
        name: "locale",
        kind: "BCP 47 tag",
        default: "the host page's `lang`, else the browser's",
        example: "en-GB",
        ts: "string",
        description: "Language and format of dates and times. A tag the browser cannot write dates in (malformed, or an unknown language such as `xx`) is dropped with a console warning, and the page's language is used.",
    },
    setting! {
        name: "time-zone",
        kind: "IANA zone name",
        default: "the viewer's zone",
        example: "Europe/London",
        ts: "string",
        description: "Time zone for every displayed time. Unknown names fall back to the viewer's zone.",
    },
    setting! {
        name: "theme",
        kind: "`light`, `dark`, `auto`",
        default: "`auto`",
        example: "dark",
        ts: "'light' | 'dark' | 'auto'",
        description: "Colour scheme; `auto` follows the reader's `prefers-color-scheme`.",
    },
    setting! {
        name: "poll",
        kind: "seconds (0 = off)",
        default: "60",
        example: "120",
        ts: "number | `${number}`",
        description: "How often the feed is read again (±10% at random, so tabs spread out; doubled after each failure up to 10 minutes; never sooner than a 429/503 `Retry-After`; paused while the page is hidden). A failed refresh keeps the last good data on screen. At least 10 and at most 86400 (a day): values outside read as the nearer bound, with a console warning. Feeds on the host's own loopback (`127.0.0.1`, `localhost`, `::1`) may poll down to 0.005 s, for tests.",
    },
    setting! {
        name: "timeout",
        kind: "seconds",
        default: "10",
        example: "5",
        ts: "number | `${number}`",
        description: "How long one read may take before it is abandoned and counted as a failure. At most 300 (five minutes): larger values read as 300, with a console warning.",
    },
    setting! {
        name: "now",
        kind: "RFC 3339 instant, or `live`",
        default: "`live` (with no `src`: 2020-02-05T10:40:00Z)",
        example: "2020-02-05T10:40:00Z",
        ts: "'live' | (string & {})",
        description: "Pins the clock and shows the feed as it stood then: later updates are hidden and statuses replayed. For demos and tests.",
    },
    setting! {
        name: "dismissible",
        kind: "boolean (`true`/`false`, or present)",
        default: "false",
        example: "true",
        ts: "boolean | 'true' | 'false' | ''",
        description: "Adds a button that hides the banner. The choice is remembered (in `localStorage`, per site and per status page: dismissing one page's widget hides no other page's) for the incidents it shows and their latest updates: a newer update, or another incident, brings the banner back; with nothing active, for the overall status until it changes. Where storage is unavailable it lasts until the page is reloaded.",
    },
    setting! {
        name: "expanded",
        kind: "boolean (`true`/`false`, or present)",
        default: "false",
        example: "true",
        ts: "boolean | 'true' | 'false' | ''",
        description: "Opens the timeline. Changed later, it opens or closes it (with no `expand` or `collapse` event: those report what the reader did).",
    },
    setting! {
        name: "history-days",
        kind: "whole days (0 = none)",
        default: "14",
        example: "30",
        ts: "number | `${number}`",
        description: "Resolved incidents and completed or cancelled maintenances of this many days (today included) are listed by day under the timeline, newest first, each opening to its updates. A day without any says \"No incidents reported\" only when the documents list every incident of that day (an `incidents.json` does, for the days after its oldest resolution); days they do not cover are left out, with a line linking to the status page's own history.",
    },
    setting! {
        name: "maintenance-days",
        kind: "whole days (0 = none)",
        default: "7",
        example: "14",
        ts: "number | `${number}`",
        description: "Scheduled maintenance starting within this many days is announced with its window and a countdown. Maintenance under way always shows, in the banner too.",
    },
    setting! {
        name: "near-maintenance-hours",
        kind: "whole hours (0 = never)",
        default: "24",
        example: "48",
        ts: "number | `${number}`",
        description: "An incident that began during a scheduled maintenance, or within this many hours after it ended, on components they share, says so (\"Began 4 hr 21 min after the scheduled maintenance … on the same components\") and opens to that maintenance's timeline. It is shown as a coincidence in time and components: the status page does not say one caused the other.",
    },
];

impl Config {
    /// The feeds to read: each address in `src` (separated by spaces), or `[None]` for the
    /// built-in reference incident.
    pub fn sources(&self) -> Vec<Option<String>> {
        match &self.src {
            Some(src) => src.split_whitespace().map(|s| Some(s.to_owned())).collect(),
            None => vec![None],
        }
    }

    /// Raises `poll` to its floor: [`MIN_POLL_SECONDS`] for real status pages, and
    /// [`MIN_LOOPBACK_POLL_SECONDS`] when every feed is on the host's loopback (`page_host`
    /// is the host page's own host, for relative addresses). Returns the warning, if any.
    pub fn apply_poll_floor(&mut self, page_host: &str) -> Option<String> {
        // The address's authority: after `scheme://`, or after `//` (scheme-relative).
        let authority = |s: &str| {
            s.split_once("://").map(|(_, rest)| rest).or_else(|| s.strip_prefix("//")).map(str::to_owned)
        };
        let on_loopback = |src: &Option<String>| match src.as_deref().and_then(authority) {
            Some(rest) => is_loopback(rest.split(['/', '?', '#', '\\']).next().unwrap_or_default()),
            // Relative (same site), or the compiled-in reference incident.
            None => is_loopback(page_host),
        };
        // Words, not `{}` of an f64: float formatting would cost the wasm about 5 KB.
        let (floor, words) = if self.sources().iter().all(on_loopback) {
            (MIN_LOOPBACK_POLL_SECONDS, "0.005")
        } else {
            (MIN_POLL_SECONDS, "10")
        };
        (self.poll > 0.0 && self.poll < floor).then(|| {
            self.poll = floor;
            format!("poll is shorter than {words} s; using {words}")
        })
    }

    /// What each source is called until its page names itself: its address's host (or the
    /// address itself, when relative).
    pub fn source_labels(&self) -> Vec<String> {
        // A relative address (same site) is its own best name.
        let host = |url: &str| match url.split_once("://") {
            Some((_, rest)) => {
                rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty()).unwrap_or(url).to_owned()
            }
            None => url.to_owned(),
        };
        self.sources().iter().map(|s| s.as_deref().map_or_else(|| "reference".to_owned(), host)).collect()
    }

    /// Reads settings through `lookup` (attribute or query-parameter access). Invalid values
    /// fall back to the default with a warning, returned for the console.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let read = |name: &str| lookup(name).map(|v| v.trim().to_owned());
        let mut invalid = |name: &str, value: &str, fallback: &str| {
            // The kinds are written for the README (`banner`, …): the console gets plain words.
            let accepted = SETTINGS.iter().find(|s| s.name == name).map_or("", |s| s.kind).replace('`', "");
            warnings
                .push(format!("{name}=\"{value}\" is not valid (accepted: {accepted}); using {fallback}"));
        };
        let src = read("src").filter(|s| !s.is_empty());
        let now = match read("now") {
            // The demo's default view replays the reference incident while it was live.
            None if src.is_none() => parse_time(REFERENCE_REPLAY_AT),
            None => None,
            Some(v) if v.is_empty() || v.eq_ignore_ascii_case("live") => None,
            Some(v) => parse_time(&v).or_else(|| {
                invalid("now", &v, "the live clock");
                None
            }),
        };
        let mode = match read("mode").as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "banner") => Mode::Banner,
            Some("bar") => Mode::Bar,
            Some("corner") => Mode::Corner,
            Some("page") => Mode::Page,
            Some(other) => {
                invalid("mode", other, "banner");
                Mode::Banner
            }
        };
        let corner = match read("corner").as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "bottom-right") => Corner::BottomRight,
            Some("bottom-left") => Corner::BottomLeft,
            Some("top-right") => Corner::TopRight,
            Some("top-left") => Corner::TopLeft,
            Some(other) => {
                invalid("corner", other, "bottom-right");
                Corner::BottomRight
            }
        };
        let theme = match read("theme").as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("" | "auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(other) => {
                invalid("theme", other, "auto");
                Theme::Auto
            }
        };
        let mut seconds = |name: &str, default: f64, fallback: &str| match read(name) {
            None => default,
            Some(v) => match decimal(&v) {
                Some(n) if n.is_finite() => n,
                _ => {
                    invalid(name, &v, fallback);
                    default
                }
            },
        };
        let poll = seconds("poll", DEFAULT_POLL_SECONDS, "60");
        let mut bounded = Vec::new();
        let poll = if poll > MAX_POLL_SECONDS {
            bounded.push("poll is longer than a day; using 86400".to_owned());
            MAX_POLL_SECONDS
        } else {
            poll
        };
        let timeout = match seconds("timeout", DEFAULT_TIMEOUT_SECONDS, "10") {
            0.0 => DEFAULT_TIMEOUT_SECONDS,
            t if t > MAX_TIMEOUT_SECONDS => {
                bounded.push("timeout is longer than five minutes; using 300".to_owned());
                MAX_TIMEOUT_SECONDS
            }
            t => t,
        };
        let mut days = |name: &str, default: u32| match read(name) {
            None => default,
            Some(v) => v.parse::<u32>().ok().filter(|d| *d <= 3660).unwrap_or_else(|| {
                invalid(name, &v, &default.to_string());
                default
            }),
        };
        let history_days = days("history-days", 14);
        let maintenance_days = days("maintenance-days", 7);
        let near_maintenance_hours = match read("near-maintenance-hours") {
            None => 24,
            Some(v) => v.parse::<u32>().unwrap_or_else(|_| {
                invalid("near-maintenance-hours", &v, "24");
                24
            }),
        };
        let mut flag = |name: &str| match read(name).as_deref() {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some("") => true,
            Some(v) if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case(name) => true,
            Some(other) => {
                warnings
                    .push(format!("{name}=\"{other}\" is not valid (accepted: true, false); using false"));
                false
            }
        };
        let dismissible = flag("dismissible");
        let expanded = flag("expanded");
        let components = read("components")
            .map(|list| list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default();
        let config = Config {
            src,
            mode,
            corner,
            components,
            locale: read("locale").filter(|s| !s.is_empty()),
            time_zone: read("time-zone").filter(|z| !z.is_empty()),
            theme,
            poll,
            timeout,
            now,
            dismissible,
            expanded,
            history_days,
            maintenance_days,
            near_maintenance_hours,
        };
        warnings.extend(bounded);
        (config, warnings)
    }
}
