use yew::prelude::*;

use crate::text::{self, Block, Inline};

/// Untrusted feed text in the safe subset of [`text::parse`], built as elements and text
/// nodes by yew: nothing in a feed is ever handed to the browser as HTML. A [`super::part`]
/// ([`super::part::Kind::Text`]), so an unchanged text is not parsed again on every render.
pub(super) fn body_text(text: &str) -> Html {
    let blocks = text::parse(text);
    html! {
        <div class="sw-text">
            { for blocks.iter().map(block) }
        </div>
    }
}

fn block(block: &Block) -> Html {
    match block {
        // `dir="auto"`: each paragraph runs in its own text's direction and aligns to its start
        // in every engine (Firefox and WebKit align a `unicode-bidi: plaintext` block by the
        // widget's direction instead).
        Block::Paragraph(items) => html! { <p dir="auto">{ inlines(items) }</p> },
        Block::List { ordered: false, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li dir="auto">{ inlines(item) }</li> }) }</ul>
        },
        Block::List { ordered: true, items } => html! {
            <ol>{ for items.iter().map(|item| html! { <li dir="auto">{ inlines(item) }</li> }) }</ol>
        },
    }
}

fn inlines(items: &[Inline]) -> Html {
    items
        .iter()
        .map(|item| match item {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Break => html! { <br /> },
            Inline::Strong(children) => html! { <strong>{ inlines(children) }</strong> },
            Inline::Emphasis(children) => html! { <em>{ inlines(children) }</em> },
            Inline::Link { href, children } => html! {
                <a href={href.clone()} target="_blank" rel="noopener noreferrer nofollow">{ inlines(children) }</a>
            },
        })
        .collect()
}
