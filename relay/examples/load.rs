//! `make bench`'s relay part: a bounded loopback load run against the release binary.
//!
//! A local upstream (the reference incident as a Statuspage page) is read by a real
//! `status-relay` process; then, on 127.0.0.1:
//! 1. `summary.json` requested 20,000 times by 32 concurrent clients (keep-alive), plain;
//! 2. the same with `If-None-Match` (304s);
//! 3. 1,000 event-stream clients connected; one change upstream; the time until every client
//!    has the new summary, and the relay's memory (RSS) before and with the clients.
//!
//! Writes the table into BENCHMARKS.md (between the `relay-load` markers) and prints it.
//! A benchmark, not a test: it asserts nothing.
//!
//!   cargo build --release -p status-relay --bins --examples && target/release/examples/load

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use futures_util::StreamExt;

const REQUESTS: usize = 20_000;
const CONCURRENCY: usize = 32;
const STREAMS: usize = 1_000;

fn reference(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/reference").join(name))
        .expect("reference feed")
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

async fn hammer(url: &str, etag: Option<&str>) -> (f64, f64, f64, u16) {
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build().expect("client");
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(REQUESTS)));
    let status = Arc::new(std::sync::atomic::AtomicU16::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CONCURRENCY {
        let (client, next, latencies, status, url, etag) = (
            client.clone(),
            next.clone(),
            latencies.clone(),
            status.clone(),
            url.to_owned(),
            etag.map(str::to_owned),
        );
        tasks.push(tokio::spawn(async move {
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < REQUESTS {
                let t = Instant::now();
                let mut request = client.get(&url);
                if let Some(etag) = &etag {
                    request = request.header("if-none-match", etag);
                }
                let response = request.send().await.expect("an answer");
                status.store(response.status().as_u16(), std::sync::atomic::Ordering::Relaxed);
                let _ = response.bytes().await;
                latencies.lock().expect("lock").push(t.elapsed());
            }
        }));
    }
    for task in tasks {
        task.await.expect("worker");
    }
    let wall = started.elapsed().as_secs_f64();
    let mut sorted = latencies.lock().expect("lock").clone();
    sorted.sort();
    (
        REQUESTS as f64 / wall,
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.99),
        status.load(std::sync::atomic::Ordering::Relaxed),
    )
}

#[tokio::main]
async fn main() {
    // The upstream, changeable.
    let summary = Arc::new(Mutex::new(reference("summary.json")));
    let served = summary.clone();
    let upstream = Router::new()
        .route(
            "/api/v2/summary.json",
            axum::routing::get(move || {
                let body = served.lock().expect("lock").clone();
                async move { ([("content-type", "application/json")], body) }
            }),
        )
        .route("/api/v2/incidents.json", axum::routing::get(|| async { reference("incidents.json") }))
        .route(
            "/api/v2/scheduled-maintenances.json",
            axum::routing::get(|| async { reference("scheduled-maintenances.json") }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let upstream_address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, upstream).await.expect("upstream") });

    // The relay, a process of its own (its memory measured alone).
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let dir = std::env::temp_dir().join(format!("status-relay-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = dir.join("relay.toml");
    std::fs::write(
        &config,
        format!("listen = \"127.0.0.1:{port}\"\n[poll]\ninterval = 1\n[limits]\nmax_streams = 5000\n[[feeds]]\nname = \"psa\"\nkind = \"statuspage\"\nurl = \"http://{upstream_address}\"\n"),
    )
    .expect("config");
    let binary = std::env::current_exe()
        .expect("exe")
        .parent()
        .and_then(|p| p.parent())
        .expect("target dir")
        .join("status-relay");
    let mut child = std::process::Command::new(&binary)
        .args(["--config", &config.to_string_lossy()])
        .env("RELAY_LOG", "status_relay=warn")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("{}: {e} (build it: cargo build --release -p status-relay)", binary.display())
        });
    let base = format!("http://127.0.0.1:{port}/feeds/psa");
    let url = format!("{base}/api/v2/summary.json");
    let probe = reqwest::Client::new();
    let etag = loop {
        if let Ok(r) = probe.get(&url).send().await {
            if r.status() == 200 {
                break r.headers()["etag"].to_str().expect("etag").to_owned();
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let idle_rss = rss_kb(child.id());

    let plain = hammer(&url, None).await;
    let conditional = hammer(&url, Some(&etag)).await;
    let after_load_rss = rss_kb(child.id());

    // 1,000 streams, each waiting for the summary after the change.
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().expect("client");
    let (ready_tx, mut ready_rx) = tokio::sync::mpsc::channel::<()>(STREAMS);
    let (got_tx, mut got_rx) = tokio::sync::mpsc::channel::<Instant>(STREAMS);
    for _ in 0..STREAMS {
        let (client, url, ready_tx, got_tx) =
            (client.clone(), format!("{base}/events"), ready_tx.clone(), got_tx.clone());
        tokio::spawn(async move {
            let response = client.get(&url).send().await.expect("a stream");
            let mut body = response.bytes_stream();
            let mut text = String::new();
            let mut events = 0;
            while let Some(Ok(chunk)) = body.next().await {
                text.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = text.find("\n\n") {
                    let event: String = text.drain(..end + 2).collect();
                    if event.contains("data: ") {
                        events += 1;
                        if events == 1 {
                            let _ = ready_tx.send(()).await;
                        } else {
                            let _ = got_tx.send(Instant::now()).await;
                            return;
                        }
                    }
                }
            }
        });
    }
    for _ in 0..STREAMS {
        ready_rx.recv().await.expect("every stream's first summary");
    }
    let streams_rss = rss_kb(child.id());
    let mut changed: serde_json::Value = serde_json::from_slice(&reference("summary.json")).expect("json");
    changed["components"][1]["status"] = "major_outage".into();
    let change = Instant::now();
    *summary.lock().expect("lock") = serde_json::to_vec(&changed).expect("json");
    let mut arrivals = Vec::with_capacity(STREAMS);
    for _ in 0..STREAMS {
        arrivals.push(got_rx.recv().await.expect("every stream's pushed summary"));
    }
    arrivals.sort();
    let first = arrivals.first().map_or(0.0, |t| (*t - change).as_secs_f64() * 1000.0);
    let last = arrivals.last().map_or(0.0, |t| (*t - change).as_secs_f64() * 1000.0);
    let _ = child.kill();
    let _ = child.wait();

    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let table = format!(
        "<!-- relay-load: written by relay/examples/load.rs (make bench) -->
## status-relay under load (loopback, {cpus} cores, release build)

Run by `make bench` (`cargo build --release -p status-relay --bins --examples &&
target/release/examples/load`): one relay process reading a local Statuspage upstream every
second; the load generator runs in another process on the same machine, so both share the
cores. {REQUESTS} requests per row, {CONCURRENCY} concurrent keep-alive clients, gzip and
brotli accepted (reqwest's defaults).

| case | requests/s | p50 | p99 |
|---|---:|---:|---:|
| `summary.json`, plain (HTTP {}) | {:.0} | {:.2} ms | {:.2} ms |
| `summary.json` with `If-None-Match` (HTTP {}) | {:.0} | {:.2} ms | {:.2} ms |

| event stream | figure |
|---|---:|
| {STREAMS} clients connected: one change upstream → the first client has it | {:.0} ms |
| … → all {STREAMS} clients have it | {:.0} ms |
| … of which the fan-out (first client → last) | {:.0} ms |
| relay memory (RSS): idle / after the request runs / with {STREAMS} streams open | {:.1} / {:.1} / {:.1} MB |

The change-to-client times include the wait for the relay's next read of its upstream (up to
one interval, 1 s here); the fan-out is the relay's own part.
<!-- /relay-load -->",
        plain.3,
        plain.0,
        plain.1,
        plain.2,
        conditional.3,
        conditional.0,
        conditional.1,
        conditional.2,
        first,
        last,
        last - first,
        idle_rss as f64 / 1024.0,
        after_load_rss as f64 / 1024.0,
        streams_rss as f64 / 1024.0,
    );
    println!("{table}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../BENCHMARKS.md");
    if let Ok(previous) = std::fs::read_to_string(&path) {
        let next = match (previous.find("<!-- relay-load"), previous.find("<!-- /relay-load -->")) {
            (Some(start), Some(end)) => {
                format!("{}{}{}", &previous[..start], table, &previous[end + "<!-- /relay-load -->".len()..])
            }
            _ => format!("{}\n{}\n", previous.trim_end(), table),
        };
        let _ = std::fs::write(&path, next);
        println!("written to BENCHMARKS.md");
    }
    let _ = std::fs::remove_dir_all(dir);
}
