use yew::prelude::*;

use crate::i18n::{Key, Lang};

/// "Show 19 more updates" (`what`, with `hidden` for {0}), calling `on_show`: long lists render
/// a first part, the rest on request, so a huge or hostile feed cannot make the widget build
/// thousands of elements at once.
///
/// A plain function, not a component: it has no state, and each component costs the wasm
/// about 1.5 KB of yew's lifecycle code.
pub fn show_more(hidden: usize, what: Key, on_show: Callback<()>, lang: Lang) -> Html {
    let onclick = on_show.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="sw-more" {onclick}>{ lang.fill(what, &[&hidden.to_string()]) }</button>
    }
}
