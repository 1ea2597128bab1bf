//! `status-relay --config relay.toml`: serves the feeds the config names.

use std::path::PathBuf;
use std::process::ExitCode;

use status_relay::config::Config;
use status_relay::server::Relay;

const USAGE: &str = "usage: status-relay [--config relay.toml] [--listen 127.0.0.1:8787] [--check]
  --config FILE   the feeds to serve (default: relay.toml)
  --listen ADDR   overrides the config's listen address
  --check         reads the config, reports what is wrong, and exits";

#[tokio::main]
async fn main() -> ExitCode {
    use std::io::IsTerminal;
    tracing_subscriber::fmt()
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RELAY_LOG")
                .unwrap_or_else(|_| "status_relay=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut args = std::env::args().skip(1);
    let (mut path, mut listen, mut check) = (PathBuf::from("relay.toml"), None, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--config" | "--listen" => {
                let Some(value) = args.next() else {
                    eprintln!("status-relay: {arg} needs a value\n{USAGE}");
                    return ExitCode::from(2);
                };
                if arg == "--config" {
                    path = PathBuf::from(value);
                } else {
                    listen = Some(value);
                }
            }
            "--check" => check = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("status-relay: unknown argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let mut config = match Config::load(&path) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("status-relay: {}: {error}", path.display());
            return ExitCode::from(2);
        }
    };
    if let Some(listen) = listen {
        match listen.parse() {
            Ok(address) => config.listen = address,
            Err(_) => {
                eprintln!("status-relay: --listen {listen:?} is not an address like 127.0.0.1:8787");
                return ExitCode::from(2);
            }
        }
    }
    if check {
        println!("status-relay: {} is fine: {} feeds", path.display(), config.feeds.len());
        return ExitCode::SUCCESS;
    }
    let relay = Relay::new(config);
    let listener = match tokio::net::TcpListener::bind(relay.config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("status-relay: cannot listen on {}: {error}", relay.config.listen);
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = relay.spawn_upstreams() {
        eprintln!("status-relay: cannot make the HTTP client: {error}");
        return ExitCode::FAILURE;
    }
    let address = listener.local_addr().map_or_else(|_| relay.config.listen.to_string(), |a| a.to_string());
    // One line on stdout that scripts wait for.
    println!("status-relay {} listening on http://{address}", env!("CARGO_PKG_VERSION"));
    // Ctrl-C or SIGTERM (a container's stop): end the event streams, finish the requests
    // under way, exit.
    let stopping = relay.stopping.clone();
    let shutdown = async move {
        let terminate = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = terminate => {}
        }
        let _ = stopping.send(true);
    };
    match axum::serve(listener, relay.router()).with_graceful_shutdown(shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("status-relay: {error}");
            ExitCode::FAILURE
        }
    }
}
