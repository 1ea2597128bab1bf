use yew::prelude::*;

use crate::i18n::Lang;
use crate::labels;
use crate::model::Status;

/// A status label ("Identified") coloured by status; the word is always there, so colour is
/// never the only signal.
///
/// A plain function, not a component: it has no state, and each component costs the wasm
/// about 1.5 KB of yew's lifecycle code.
pub fn badge(status: &Status, lang: Lang) -> Html {
    let known = !matches!(status, crate::model::Status::Other(_));
    let modifier = if known { status.as_str().replace('_', "-") } else { "other".to_owned() };
    html! {
        <span ~className={crate::components::modified("sw-badge", &modifier)}>
            { labels::status(status, lang).into_owned() }
        </span>
    }
}
