//! Fetching feeds in the browser. Views never fetch: the app calls [`subscribe`] and
//! receives results; dropping the [`Subscription`] aborts the request and its timer.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, AbortSignal};

use super::{decode, document_urls, reference, FeedError, MAX_FEED_BYTES};
use crate::model::Snapshot;
use crate::state::Loaded;
use crate::time;

/// How long one fetch may take, body included.
pub const TIMEOUT_SECONDS: u32 = 10;

/// A fetch in flight. Dropping it aborts the request, cancels the timeout and silences the
/// callback.
pub struct Subscription {
    controller: Option<AbortController>,
    _timeout: Option<Timeout>,
    alive: Rc<Cell<bool>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.alive.set(false);
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// Reads the feed for `src` (the compiled-in reference when `None`) and calls `on_result`
/// once, unless the subscription was dropped first. Errors are also logged to the console.
pub fn subscribe(
    src: Option<String>,
    on_result: impl Fn(Result<Loaded, FeedError>) + 'static,
) -> Subscription {
    let alive = Rc::new(Cell::new(true));
    let timed_out = Rc::new(Cell::new(false));
    let controller = AbortController::new().ok();
    let timeout = controller.as_ref().map(|controller| {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(TIMEOUT_SECONDS * 1000, move || {
            timed_out.set(true);
            controller.abort();
        })
    });
    let signal = controller.as_ref().map(AbortController::signal);
    let still_wanted = alive.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = match src {
            None => reference(),
            Some(src) => fetch_all(&document_urls(&src), signal.as_ref(), &timed_out).await,
        };
        if !still_wanted.get() {
            return;
        }
        if let Err(error) = &result {
            web_sys::console::warn_1(&format!("status-widget: {error}").into());
        }
        on_result(result.map(|snapshot| Loaded { snapshot: Rc::new(snapshot), fetched_at: time::now() }));
    });
    Subscription { controller, _timeout: timeout, alive }
}

async fn fetch_all(
    urls: &[String],
    signal: Option<&AbortSignal>,
    timed_out: &Cell<bool>,
) -> Result<Snapshot, FeedError> {
    let mut snapshot = Snapshot::default();
    for url in urls {
        snapshot = snapshot.merge(fetch_one(url, signal, timed_out).await?);
    }
    Ok(snapshot)
}

async fn fetch_one(
    url: &str,
    signal: Option<&AbortSignal>,
    timed_out: &Cell<bool>,
) -> Result<Snapshot, FeedError> {
    let failed = |error: gloo_net::Error| {
        if timed_out.get() {
            FeedError::Timeout { url: url.to_owned(), seconds: TIMEOUT_SECONDS }
        } else {
            FeedError::Network { url: url.to_owned(), detail: error.to_string() }
        }
    };
    let response = Request::get(url).abort_signal(signal).send().await.map_err(failed)?;
    if !response.ok() {
        return Err(FeedError::Http { url: url.to_owned(), status: response.status() });
    }
    let announced = response.headers().get("content-length").and_then(|v| v.parse::<usize>().ok());
    if let Some(size) = announced.filter(|size| *size > MAX_FEED_BYTES) {
        return Err(FeedError::TooLarge { size, limit: MAX_FEED_BYTES });
    }
    let bytes = response.binary().await.map_err(failed)?;
    decode(&bytes).map(|(_, snapshot)| snapshot)
}
