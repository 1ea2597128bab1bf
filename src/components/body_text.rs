use yew::prelude::*;

use crate::text;

/// Props of [`BodyText`].
#[derive(Properties, PartialEq)]
pub struct BodyTextProps {
    /// Untrusted text from the feed.
    pub text: AttrValue,
}

/// Feed text as paragraphs and line breaks, built from text nodes only: any markup in the
/// feed shows as the characters it is made of.
#[function_component]
pub fn BodyText(props: &BodyTextProps) -> Html {
    let paragraphs = text::paragraphs(&props.text);
    html! {
        <div class="sw-text">
            { for paragraphs.into_iter().map(|lines| html! {
                <p>
                    { for lines.into_iter().enumerate().map(|(i, line)| html! {
                        <>{ (i > 0).then(|| html! { <br /> }) }{ line }</>
                    }) }
                </p>
            }) }
        </div>
    }
}
