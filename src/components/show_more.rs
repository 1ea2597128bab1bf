use yew::prelude::*;
use yew::TargetCast;

use crate::i18n::{Key, Lang};

/// "Show 19 more updates" (`what`, with `hidden` for {0}), calling `on_show`: long lists render
/// a first part, the rest on request, so a huge or hostile feed cannot make the widget build
/// thousands of elements at once.
///
/// A plain function, not a component: it has no state, and each component costs the wasm
/// about 1.5 KB of yew's lifecycle code.
///
/// The button goes once pressed, so focus moves to the first item it revealed (number
/// `first_hidden`, counted from 0): inside the list just before the button, or, when the
/// items are the button's siblings, the one after the last item shown.
pub fn show_more(hidden: usize, first_hidden: usize, what: Key, on_show: Callback<()>, lang: Lang) -> Html {
    let onclick = Callback::from(move |event: MouseEvent| {
        let before = event.target_dyn_into::<web_sys::Element>().and_then(|b| b.previous_element_sibling());
        on_show.emit(());
        if let Some(before) = before {
            gloo_timers::callback::Timeout::new(0, move || focus_revealed(&before, first_hidden)).forget();
        }
    });
    html! {
        <button type="button" class="sw-more" {onclick}>{ lang.fill(what, &[&crate::time::number(hidden, lang)]) }</button>
    }
}

/// Focuses the first revealed item after `before` (see [`show_more`]): its first link or
/// button, else the item itself.
fn focus_revealed(before: &web_sys::Element, first_hidden: usize) {
    use wasm_bindgen::JsCast;
    let item = if matches!(before.tag_name().as_str(), "OL" | "UL") {
        before.query_selector(&format!(":scope > :nth-child({})", first_hidden + 1)).ok().flatten()
    } else {
        before.next_element_sibling()
    };
    let Some(item) = item else { return };
    let control = item.query_selector("button, a[href]").ok().flatten();
    let target = control.unwrap_or_else(|| {
        let _ = item.set_attribute("tabindex", "-1");
        item
    });
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = target.focus();
    }
}
