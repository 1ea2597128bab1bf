//! One `Config` for every way the widget is set up: query parameters on the standalone page
//! today, element attributes and yew props later. [`SETTINGS`] is the single list of
//! settings; the README's contract table is written from it and a test checks they agree.

use crate::feed::{parse_time, REFERENCE_REPLAY_AT};
use crate::model::Time;

/// The widget's settings, parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Feed to show: a status page's base URL or one JSON document's URL. `None` shows the
    /// compiled-in reference incident.
    pub src: Option<String>,
    /// A pinned clock: show the feed as it stood at this instant. `None` follows real time.
    pub now: Option<Time>,
    /// IANA time zone for displayed times; `None` uses the viewer's.
    pub time_zone: Option<String>,
    /// Start with the timeline open.
    pub expanded: bool,
}

/// One documented setting.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// Name, as an attribute or query parameter (kebab-case).
    pub name: &'static str,
    /// Accepted values.
    pub kind: &'static str,
    /// Default when absent.
    pub default: &'static str,
    /// An example value.
    pub example: &'static str,
    /// What it does.
    pub description: &'static str,
}

/// Every setting the widget reads, in the order the README lists them.
pub const SETTINGS: [Setting; 4] = [
    Setting {
        name: "src",
        kind: "URL",
        default: "the built-in reference incident",
        example: "https://www.githubstatus.com",
        description: "A status page's base URL (the widget fetches `/api/v2/summary.json` under it) or the URL of one Statuspage v2 JSON document (any path ending in `.json`).",
    },
    Setting {
        name: "now",
        kind: "RFC 3339 instant, or `live`",
        default: "`live` (with no `src`: 2020-02-05T10:40:00Z)",
        example: "2020-02-05T10:40:00Z",
        description: "Pins the clock and shows the feed as it stood then: later updates are hidden and statuses replayed. For demos and tests.",
    },
    Setting {
        name: "time-zone",
        kind: "IANA zone name",
        default: "the viewer's zone",
        example: "Europe/London",
        description: "Time zone for every displayed time. Unknown names fall back to the viewer's zone.",
    },
    Setting {
        name: "expanded",
        kind: "boolean (`true`/`false`, or present)",
        default: "false",
        example: "true",
        description: "Opens the timeline on first render.",
    },
];

impl Config {
    /// Reads settings through `lookup` (attribute or query-parameter access). Invalid values
    /// are ignored with a warning, returned for the console.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> (Config, Vec<String>) {
        let mut warnings = Vec::new();
        let read = |name: &str| lookup(name).map(|v| v.trim().to_owned());
        let src = read("src").filter(|s| !s.is_empty());
        let now = match read("now") {
            // The demo's default view replays the reference incident while it was live.
            None if src.is_none() => parse_time(REFERENCE_REPLAY_AT),
            None => None,
            Some(v) if v.is_empty() || v.eq_ignore_ascii_case("live") => None,
            Some(v) => {
                let parsed = parse_time(&v);
                if parsed.is_none() {
                    warnings.push(format!("now={v:?} is not an RFC 3339 instant; using the live clock"));
                }
                parsed
            }
        };
        let expanded = match read("expanded").as_deref() {
            None | Some("false") => false,
            Some("" | "true" | "expanded") => true,
            Some(other) => {
                warnings.push(format!("expanded={other:?} is not true or false; using false"));
                false
            }
        };
        let time_zone = read("time-zone").filter(|z| !z.is_empty());
        (Config { src, now, time_zone, expanded }, warnings)
    }
}
