use yew::prelude::*;

use crate::i18n::Key;

/// Props of [`ShowMore`].
#[derive(Properties, PartialEq)]
pub struct ShowMoreProps {
    /// How many items are hidden.
    pub hidden: usize,
    /// The message: "Show {0} more updates".
    pub what: Key,
    /// Show them.
    pub on_show: Callback<()>,
}

/// "Show 19 more updates": long lists render a first part, the rest on request, so a huge
/// or hostile feed cannot make the widget build thousands of elements at once.
#[function_component]
pub fn ShowMore(props: &ShowMoreProps) -> Html {
    let lang = super::use_lang();
    let onclick = props.on_show.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="sw-more" {onclick}>{ lang.fill(props.what, &[&props.hidden.to_string()]) }</button>
    }
}
