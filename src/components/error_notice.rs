use yew::prelude::*;

use crate::feed::FeedError;
use crate::i18n::{Key, Lang};

/// A short, calm message for the reader, in `lang`, with a button that calls `on_retry`
/// (none for a feed of another product, which reading again cannot change); the details
/// were logged to the console.
///
/// A plain function, not a component: one instance with no state of its own, and each
/// component costs the wasm about 1.5 KB of yew's lifecycle code.
pub fn error_notice(error: &FeedError, on_retry: &Callback<()>, lang: Lang) -> Html {
    let on_retry = on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-error" role="status">
            <span class="sw-icon sw-icon--unknown" aria-hidden="true"></span>
            <p class="sw-error__message">{ message(error, lang) }</p>
            // Another product's feed will not become a Statuspage one by reading it again.
            if !matches!(error, FeedError::Unsupported(_)) {
                <button type="button" class="sw-error__retry" onclick={on_retry}>{ lang.t(Key::TryAgain) }</button>
            }
        </div>
    }
}

/// The reader's version of an error.
fn message(error: &FeedError, lang: Lang) -> String {
    match error {
        FeedError::Network { .. } => lang.t(Key::ErrorUnreachable).into(),
        FeedError::Http { status: 404, .. } => lang.t(Key::ErrorNotFound).into(),
        FeedError::Http { status, .. } => lang.fill(Key::ErrorHttp, &[&status.to_string()]),
        FeedError::Timeout { .. } => lang.t(Key::ErrorTimeout).into(),
        FeedError::TooLarge { .. } => lang.t(Key::ErrorTooLarge).into(),
        FeedError::NotJson(_) => lang.t(Key::ErrorNotJson).into(),
        FeedError::NotStatusDocument => lang.t(Key::ErrorNotStatus).into(),
        FeedError::Unsupported(kind) if through_relay(kind) => lang.fill(Key::ErrorThroughRelay, &[kind]),
        FeedError::Unsupported(kind) => lang.fill(Key::ErrorUnsupported, &[kind]),
    }
}

/// Whether status-relay reads the product's pages (every one the decoder names but AWS Health).
fn through_relay(product: &str) -> bool {
    product != "AWS Health"
}

/// Why reads fail, in a few words, for the lines that keep older data on screen.
pub(crate) fn reason(error: &FeedError, lang: Lang) -> String {
    match error {
        FeedError::Network { .. } | FeedError::Timeout { .. } => lang.t(Key::ReasonUnreachable).into(),
        FeedError::Http { status: 404, .. } => lang.t(Key::ReasonNotFound).into(),
        FeedError::Http { status, .. } => lang.fill(Key::ReasonHttp, &[&status.to_string()]),
        FeedError::TooLarge { .. } => lang.t(Key::ReasonTooLarge).into(),
        FeedError::Unsupported(product) if through_relay(product) => {
            lang.fill(Key::ReasonThroughRelay, &[product])
        }
        FeedError::Unsupported(product) => lang.fill(Key::ReasonUnsupported, &[product]),
        FeedError::NotJson(_) | FeedError::NotStatusDocument => lang.t(Key::ReasonUnreadable).into(),
    }
}
