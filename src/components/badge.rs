use yew::prelude::*;

use crate::labels;
use crate::model::Status;

/// Props of [`Badge`].
#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    /// The status to show.
    pub status: Status,
}

/// A status label ("Identified") coloured by status; the word is always there, so colour is
/// never the only signal.
#[function_component]
pub fn Badge(props: &BadgeProps) -> Html {
    let lang = super::use_lang();
    let known = !matches!(props.status, crate::model::Status::Other(_));
    let modifier = if known { props.status.as_str().replace('_', "-") } else { "other".to_owned() };
    html! {
        <span class={classes!("sw-badge", format!("sw-badge--{modifier}"))}>
            { labels::status(&props.status, lang).into_owned() }
        </span>
    }
}
