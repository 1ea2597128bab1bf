//! The relay against a real local upstream server (axum on 127.0.0.1, started by each test):
//! what a client of the relay sees through good reads, faults and hostile requests.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::Value;
use status_relay::config::Config;
use status_relay::server::Relay;

fn fixture(path: &str) -> Vec<u8> {
    let root =
        std::env::var_os("STATUS_WIDGET_FIXTURES").map(std::path::PathBuf::from).unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures")
        });
    std::fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn reference(name: &str) -> Vec<u8> {
    std::fs::read(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src/reference").join(name))
        .expect("the reference feed")
}

/// What the upstream answers at a path.
#[derive(Clone)]
enum Answer {
    Json(Vec<u8>),
    Status(u16, Vec<(String, String)>),
    Slow(Duration, Vec<u8>),
    Redirect(String),
}

#[derive(Clone, Default)]
struct Upstream {
    answers: Arc<Mutex<HashMap<String, Answer>>>,
    /// Every request seen: path and query, and its headers.
    seen: Arc<Mutex<Vec<(String, HeaderMap)>>>,
}

impl Upstream {
    fn set(&self, path: &str, answer: Answer) {
        self.answers.lock().unwrap().insert(path.to_owned(), answer);
    }
    fn hits(&self, path: &str) -> usize {
        self.seen.lock().unwrap().iter().filter(|(p, _)| p == path).count()
    }
    fn all_seen(&self) -> Vec<(String, HeaderMap)> {
        self.seen.lock().unwrap().clone()
    }
}

async fn answer(State(up): State<Upstream>, request: Request) -> Response {
    let target = request.uri().path_and_query().map_or("/".to_owned(), |p| p.as_str().to_owned());
    up.seen.lock().unwrap().push((target.clone(), request.headers().clone()));
    let answer = up.answers.lock().unwrap().get(request.uri().path()).cloned();
    let etag = |body: &[u8]| format!("\"{}\"", body.len());
    match answer {
        Some(Answer::Json(body)) => {
            if request.headers().get("if-none-match").and_then(|v| v.to_str().ok()) == Some(&etag(&body)) {
                return (StatusCode::NOT_MODIFIED, [("etag", etag(&body))]).into_response();
            }
            (
                [
                    ("content-type", "application/json".to_owned()),
                    ("etag", etag(&body)),
                    ("set-cookie", "session=secret; Path=/".to_owned()),
                ],
                body,
            )
                .into_response()
        }
        Some(Answer::Status(code, headers)) => {
            let mut response = (StatusCode::from_u16(code).unwrap(), "upstream trouble").into_response();
            for (k, v) in headers {
                response
                    .headers_mut()
                    .insert(axum::http::HeaderName::try_from(k).unwrap(), v.parse().unwrap());
            }
            response
        }
        Some(Answer::Slow(wait, body)) => {
            tokio::time::sleep(wait).await;
            ([("content-type", "application/json")], body).into_response()
        }
        Some(Answer::Redirect(to)) => (StatusCode::FOUND, [("location", to)]).into_response(),
        None => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}

async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    address
}

async fn start_upstream() -> (Upstream, SocketAddr) {
    let up = Upstream::default();
    let address = serve(Router::new().fallback(answer).with_state(up.clone())).await;
    (up, address)
}

/// A relay over `feeds` (TOML), reading fast; its address.
async fn relay(feeds: &str, extra: &str) -> (Relay, SocketAddr) {
    let config = Config::parse(&format!(
        "{extra}\n[poll]\ninterval = 1\ntimeout = 1\nmax_backoff = 30\nmax_bytes = 200000\n{feeds}"
    ))
    .expect("a valid config");
    let relay = Relay::new(config);
    relay.spawn_upstreams().unwrap();
    let address = serve(relay.router()).await;
    (relay, address)
}

fn statuspage(up: &Upstream) {
    up.set("/api/v2/summary.json", Answer::Json(reference("summary.json")));
    up.set("/api/v2/incidents.json", Answer::Json(reference("incidents.json")));
    up.set("/api/v2/scheduled-maintenances.json", Answer::Json(reference("scheduled-maintenances.json")));
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// Polls `url` until `ok` holds for its JSON (at most `seconds`).
async fn until(url: &str, seconds: u64, ok: impl Fn(&Value) -> bool) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        if let Ok(response) = client().get(url).send().await {
            if let Ok(value) = response
                .bytes()
                .await
                .map_err(|_| ())
                .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|_| ()))
            {
                if ok(&value) {
                    return value;
                }
                if tokio::time::Instant::now() > deadline {
                    panic!("{url} never became what the test waits for; last: {value}");
                }
            }
        }
        assert!(tokio::time::Instant::now() < deadline, "{url} never answered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn summary_url(relay: SocketAddr, feed: &str) -> String {
    format!("http://{relay}/feeds/{feed}/api/v2/summary.json")
}

#[tokio::test]
async fn serves_a_statuspage_feed_as_statuspage_with_etag_and_cache_headers() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    let summary = until(&summary_url(address, "psa"), 10, |v| v["page"]["name"].is_string()).await;
    assert_eq!(summary["page"]["name"], "Datto");
    assert_eq!(summary["relay"]["stale"], false);
    let history = until(&format!("http://{address}/feeds/psa/api/v2/incidents.json"), 10, |v| {
        v["incidents"].is_array()
    })
    .await;
    let otp = history["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"].as_str().unwrap().contains("OTP Email delay"))
        .expect("the incident");
    assert_eq!(otp["incident_updates"].as_array().unwrap().len(), 8);

    let response = client()
        .get(summary_url(address, "psa"))
        .header("origin", "https://portal.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let h = response.headers().clone();
    let etag = h["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"') && !etag.starts_with("W/"), "a strong ETag: {etag}");
    assert_eq!(h["cache-control"], "public, max-age=10, stale-while-revalidate=30, stale-if-error=86400");
    assert_eq!(h["access-control-allow-origin"], "*");
    let exposed = h["access-control-expose-headers"].to_str().unwrap().to_lowercase();
    assert!(exposed.contains("etag") && exposed.contains("status-relay-events"), "{exposed}");
    assert_eq!(h["status-relay-events"], "../../events");
    assert!(h.contains_key("last-modified"));

    let again =
        client().get(summary_url(address, "psa")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
    // Compressed for a client that asks.
    let raw = reqwest::Client::builder().no_gzip().no_brotli().build().unwrap();
    let compressed =
        raw.get(summary_url(address, "psa")).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "gzip");
    // Statuspage's other documents, cut from the same picture.
    let status =
        until(&format!("http://{address}/feeds/psa/api/v2/status.json"), 5, |v| v["status"].is_object())
            .await;
    assert_eq!(status["status"]["indicator"], summary["status"]["indicator"]);
    let unknown =
        client().get(format!("http://{address}/feeds/nope/api/v2/summary.json")).send().await.unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn the_relay_revalidates_upstream_and_sends_no_cookie_and_no_client_header() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    until(&summary_url(address, "psa"), 10, |v| v["page"]["name"].is_string()).await;
    client()
        .get(summary_url(address, "psa"))
        .header("cookie", "portal=secret")
        .header("authorization", "Bearer portal-token")
        .send()
        .await
        .unwrap();
    // Two more reads of the upstream.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while up.hits("/api/v2/summary.json") < 3 {
        assert!(tokio::time::Instant::now() < deadline, "the relay stopped reading its upstream");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let seen = up.all_seen();
    let later: Vec<_> = seen.iter().filter(|(p, _)| p == "/api/v2/summary.json").skip(1).collect();
    assert!(
        later.iter().all(|(_, h)| h.get("if-none-match").is_some()),
        "conditional requests after the first read"
    );
    for (_, headers) in &seen {
        assert!(headers.get("cookie").is_none(), "the upstream's cookie came back");
        assert!(headers.get("authorization").is_none(), "a client's credentials reached the upstream");
    }
}

#[tokio::test]
async fn a_request_never_chooses_what_the_relay_fetches() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (trap, trap_address) = start_upstream().await;
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    until(&summary_url(address, "psa"), 10, |v| v["page"]["name"].is_string()).await;
    let attempts = [
        format!("/feeds/psa/api/v2/summary.json?url=http://{trap_address}/"),
        format!("/feeds/http:%2F%2F{trap_address}/api/v2/summary.json"),
        "/feeds/psa/api/v2/../../../etc/passwd".to_owned(),
        "/feeds/psa/api/v2/%2e%2e/%2e%2e/x.json".to_owned(),
        format!("/feeds/psa/api/v2/{}", "x".repeat(2000)),
        format!("/proxy?target=http://{trap_address}/"),
    ];
    for attempt in &attempts {
        let response = client()
            .get(format!("http://{address}{attempt}"))
            .header("host", trap_address.to_string())
            .header("x-forwarded-host", trap_address.to_string())
            .send()
            .await
            .unwrap();
        assert!(matches!(response.status().as_u16(), 200 | 404 | 414), "{attempt}: {}", response.status());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(trap.all_seen().is_empty(), "a request made the relay fetch {:?}", trap.all_seen());
    let long = client()
        .get(format!("http://{address}/feeds/psa/api/v2/summary.json?{}", "a".repeat(5000)))
        .send()
        .await
        .unwrap();
    assert_eq!(long.status(), 414);
    let big = client()
        .get(summary_url(address, "psa"))
        .header("x-filler", "b".repeat(20_000))
        .send()
        .await
        .unwrap();
    assert_eq!(big.status(), 431);
    let post = client().post(summary_url(address, "psa")).body("{}").send().await.unwrap();
    assert_eq!(post.status(), 405);
}

#[tokio::test]
async fn redirects_stay_on_the_configured_host() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (elsewhere, elsewhere_address) = start_upstream().await;
    statuspage(&elsewhere);
    // The same server under another name: `localhost` is not the configured `127.0.0.1`.
    up.set(
        "/moved/api/v2/summary.json",
        Answer::Redirect(format!("http://127.0.0.1:{}/api/v2/summary.json", upstream.port())),
    );
    up.set(
        "/away/api/v2/summary.json",
        Answer::Redirect(format!("http://localhost:{}/api/v2/summary.json", elsewhere_address.port())),
    );
    let feeds = format!(
        "[[feeds]]\nname = \"moved\"\nkind = \"statuspage\"\nurl = \"http://{upstream}/moved\"\n\
         [[feeds]]\nname = \"away\"\nkind = \"statuspage\"\nurl = \"http://{upstream}/away\""
    );
    let (_relay, address) = relay(&feeds, "").await;
    let moved = until(&summary_url(address, "moved"), 10, |v| v["page"]["name"].is_string()).await;
    assert_eq!(moved["page"]["name"], "Datto");
    let away = until(&summary_url(address, "away"), 10, |v| v["error"].is_string()).await;
    let error = away["error"].as_str().unwrap();
    assert!(error.contains("off the configured host"), "{error}");
    assert!(elsewhere.all_seen().is_empty(), "the relay followed a redirect to another host");
}

#[tokio::test]
async fn before_any_good_read_the_answer_is_a_clear_503() {
    let (up, upstream) = start_upstream().await;
    up.set("/api/v2/summary.json", Answer::Status(500, vec![]));
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"down\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    let body = until(&summary_url(address, "down"), 10, |v| {
        v["error"].as_str().is_some_and(|e| e.contains("HTTP 500"))
    })
    .await;
    assert!(body["error"].as_str().unwrap().starts_with("no picture yet"), "{body}");
    let response = client().get(summary_url(address, "down")).send().await.unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "5");
    assert_eq!(response.headers()["cache-control"], "no-store");
}

/// Each fault, after a good read: the last good picture stays, and says it is stale and why.
#[tokio::test]
async fn through_upstream_faults_the_last_good_picture_is_served_and_says_it_is_stale() {
    let faults: Vec<(&str, Answer, &str)> = vec![
        ("500", Answer::Status(500, vec![]), "answered HTTP 500"),
        ("timeout", Answer::Slow(Duration::from_secs(3), reference("summary.json")), "in time"),
        ("malformed", Answer::Json(b"{\"page\": {\"name\": ".to_vec()), "not JSON"),
        (
            "wrong kind",
            Answer::Json(fixture("other/cstate_torproject_index_EXTRACTED_no-issues.json")),
            "cState",
        ),
        ("oversize", Answer::Json(vec![b' '; 300_000]), "200000-byte limit"),
        ("429", Answer::Status(429, vec![("retry-after".into(), "1".into())]), "answered HTTP 429"),
    ];
    let (up, upstream) = start_upstream().await;
    let mut feeds = String::new();
    for (n, _) in faults.iter().enumerate() {
        let base = format!("/f{n}");
        up.set(&format!("{base}/api/v2/summary.json"), Answer::Json(reference("summary.json")));
        feeds.push_str(&format!(
            "[[feeds]]\nname = \"f{n}\"\nkind = \"statuspage\"\nurl = \"http://{upstream}{base}\"\n"
        ));
    }
    let (_relay, address) = relay(&feeds, "").await;
    for (n, _) in faults.iter().enumerate() {
        until(&summary_url(address, &format!("f{n}")), 10, |v| v["page"]["name"] == "Datto").await;
    }
    for (n, (_, answer, _)) in faults.iter().enumerate() {
        up.set(&format!("/f{n}/api/v2/summary.json"), answer.clone());
    }
    for (n, (name, _, words)) in faults.iter().enumerate() {
        let summary =
            until(&summary_url(address, &format!("f{n}")), 15, |v| v["relay"]["stale"] == true).await;
        assert_eq!(summary["page"]["name"], "Datto", "{name}: the last good picture");
        let error = summary["relay"]["error"].as_str().unwrap();
        assert!(error.contains(words), "{name}: {error}");
        assert!(summary["relay"]["since"].is_string(), "{name}: since when");
    }
    // Recovery: the next good read clears the note.
    up.set("/f0/api/v2/summary.json", Answer::Json(reference("summary.json")));
    until(&summary_url(address, "f0"), 15, |v| v["relay"]["stale"] == false).await;
}

#[tokio::test]
async fn after_a_429_the_relay_waits_as_long_as_the_upstream_asked() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"busy\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    until(&summary_url(address, "busy"), 10, |v| v["page"]["name"].is_string()).await;
    up.set("/api/v2/summary.json", Answer::Status(429, vec![("retry-after".into(), "4".into())]));
    let start = up.hits("/api/v2/summary.json");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while up.hits("/api/v2/summary.json") == start {
        assert!(tokio::time::Instant::now() < deadline, "no read after the fault was set");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let after_429 = up.hits("/api/v2/summary.json");
    // The interval is 1 s: without Retry-After there would be about 2 more reads in 2.5 s.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(up.hits("/api/v2/summary.json"), after_429, "the relay asked again before Retry-After");
}

#[tokio::test]
async fn the_event_stream_sends_the_summary_then_each_change() {
    use futures_util::StreamExt;
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""), "")
            .await;
    until(&summary_url(address, "psa"), 10, |v| v["page"]["name"].is_string()).await;
    let response = client()
        .get(format!("http://{address}/feeds/psa/events"))
        .header("origin", "https://portal.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let mut body = response.bytes_stream();
    let mut text = String::new();
    let mut next_event = async || -> Value {
        loop {
            if let Some(end) = text.find("\n\n") {
                let event: String = text.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data: ")) {
                    assert!(event.contains("event: summary"), "{event}");
                    return serde_json::from_str(data).expect("the summary");
                }
                continue;
            }
            let chunk = tokio::time::timeout(Duration::from_secs(15), body.next())
                .await
                .expect("an event")
                .unwrap()
                .unwrap();
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    let first = next_event().await;
    assert_eq!(first["page"]["name"], "Datto");
    let mut changed: Value = serde_json::from_slice(&reference("summary.json")).unwrap();
    changed["components"][1]["status"] = "major_outage".into();
    up.set("/api/v2/summary.json", Answer::Json(serde_json::to_vec(&changed).unwrap()));
    let second = next_event().await;
    assert_eq!(second["components"][1]["status"], "major_outage");
    assert_eq!(second["status"]["indicator"], "none", "the page's own status, as it stated it");
}

#[tokio::test]
async fn health_and_metrics_say_how_each_upstream_is_doing() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    up.set("/down/api/v2/summary.json", Answer::Status(500, vec![]));
    let feeds = format!(
        "[[feeds]]\nname = \"good\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\"\n\
         [[feeds]]\nname = \"bad\"\nkind = \"statuspage\"\nurl = \"http://{upstream}/down\""
    );
    let (_relay, address) = relay(&feeds, "").await;
    let health = until(&format!("http://{address}/healthz"), 10, |v| {
        v["feeds"]["good"]["ready"] == true && v["feeds"]["bad"]["error"].is_string()
    })
    .await;
    assert_eq!(health["status"], "ok");
    assert_eq!(health["feeds"]["bad"]["ready"], false);
    let metrics =
        client().get(format!("http://{address}/metrics")).send().await.unwrap().text().await.unwrap();
    let line = |name: &str, feed: &str| {
        metrics
            .lines()
            .find(|l| l.starts_with(name) && l.contains(&format!("feed=\"{feed}\"")))
            .map(str::to_owned)
    };
    assert!(line("relay_upstream_last_success_timestamp_seconds{", "good").is_some(), "{metrics}");
    assert!(line("relay_upstream_last_success_timestamp_seconds{", "bad").is_none(), "{metrics}");
    let failures = line("relay_upstream_failures_total{", "bad").expect("failures of the bad one");
    assert!(!failures.ends_with(" 0"), "{failures}");
    assert!(line("relay_upstream_latency_seconds{", "good").is_some());
}

#[tokio::test]
async fn auto_finds_the_product() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) =
        relay(&format!("[[feeds]]\nname = \"found\"\nkind = \"auto\"\nurl = \"http://{upstream}\""), "")
            .await;
    let summary = until(&summary_url(address, "found"), 10, |v| v["page"]["name"].is_string()).await;
    assert_eq!(summary["page"]["name"], "Datto");
}

#[tokio::test]
async fn cors_follows_the_configured_origins() {
    let (up, upstream) = start_upstream().await;
    statuspage(&up);
    let (_relay, address) = relay(
        &format!("[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream}\""),
        "origins = [\"https://portal.example\"]",
    )
    .await;
    until(&summary_url(address, "psa"), 10, |v| v["page"]["name"].is_string()).await;
    let allowed = client()
        .get(summary_url(address, "psa"))
        .header("origin", "https://portal.example")
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.headers()["access-control-allow-origin"], "https://portal.example");
    let other = client()
        .get(summary_url(address, "psa"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

#[test]
fn configs_that_cannot_be_served_say_what_to_fix() {
    let cases = [
        ("", "no feeds"),
        ("[[feeds]]\nname = \"a b\"\nurl = \"https://x.example\"", "letters, digits"),
        ("[[feeds]]\nname = \"a\"\nkind = \"statuspages\"\nurl = \"https://x.example\"", "is not one of auto, statuspage"),
        ("[[feeds]]\nname = \"a\"\nurl = \"ftp://x.example\"", "not an http(s) address"),
        ("[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"\n[[feeds]]\nname = \"a\"\nurl = \"https://y.example\"", "two feeds"),
        ("[[feeds]]\nname = \"a\"\nkind = \"uptime-kuma\"\nurl = \"https://kuma.example/\"", "slug"),
        ("[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"\nintervall = 5", "unknown field"),
        ("origins = [\"portal.example\"]\n[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"", "is not an origin"),
        (
            "[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"\nupstreams = [{ url = \"https://y.example\" }]",
            "both url and upstreams",
        ),
        (
            "[[feeds]]\nname = \"a\"\nupstreams = [{ url = \"https://x.example\", label = \"X\" }, { url = \"https://y.example\", label = \"X\" }]",
            "two upstreams are labelled",
        ),
        ("[poll]\nuser_agent = \"a\\nb\"\n[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"", "one line"),
        ("[poll]\ninterval = 1000\n[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"", "raise max_backoff"),
        ("[poll]\ntimeout = inf\n[[feeds]]\nname = \"a\"\nurl = \"https://x.example\"", "timeout <= 300"),
    ];
    for (text, words) in cases {
        let error = Config::parse(text).expect_err(text).to_string();
        assert!(error.contains(words), "{text:?}: {error}");
    }
}

#[test]
fn the_example_config_is_one_the_relay_serves() {
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("relay.example.toml"))
            .unwrap();
    let config = Config::parse(&text).expect("relay.example.toml");
    let names: Vec<&str> = config.feeds.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["perplexity", "huggingface", "kuma", "clouds"]);
    assert_eq!(config.feeds[3].upstreams.len(), 2);
}
