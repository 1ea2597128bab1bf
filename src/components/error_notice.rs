use yew::prelude::*;

use crate::feed::FeedError;

/// Props of [`ErrorNotice`].
#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What went wrong.
    pub error: FeedError,
    /// Try again.
    pub on_retry: Callback<()>,
}

/// A short, calm message for the reader; the details were logged to the console.
#[function_component]
pub fn ErrorNotice(props: &ErrorNoticeProps) -> Html {
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-error" role="status">
            <span class="sw-icon sw-icon--unknown" aria-hidden="true"></span>
            <p class="sw-error__message">{ message(&props.error) }</p>
            <button type="button" class="sw-error__retry" onclick={on_retry}>{ "Try again" }</button>
        </div>
    }
}

/// The reader's version of an error.
fn message(error: &FeedError) -> String {
    match error {
        FeedError::Network { .. } => "Status unavailable: the status page could not be reached.".into(),
        FeedError::Http { status: 404, .. } => {
            "Status unavailable: the status feed was not found (HTTP 404).".into()
        }
        FeedError::Http { status, .. } => {
            format!("Status unavailable: the status page answered with an error (HTTP {status}).")
        }
        FeedError::Timeout { .. } => "Status unavailable: the status page did not answer in time.".into(),
        FeedError::TooLarge { .. } => "Status unavailable: the status feed is too large to show.".into(),
        FeedError::NotJson(_) => "Status unavailable: the status feed is damaged (not valid JSON).".into(),
        FeedError::NotStatusDocument => {
            "Status unavailable: this address does not serve a Statuspage status feed.".into()
        }
        FeedError::Unsupported(kind) => {
            format!("Status unavailable: this is a {kind} status page, which this widget cannot read yet.")
        }
    }
}
