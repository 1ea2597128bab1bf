use std::rc::Rc;

use yew::html::Scope;
use yew::prelude::*;

use super::part::{part, Kind, Msg, Part};
use super::tone;
use crate::i18n::{Key, Lang};
use crate::labels;
use crate::model::{Component, ComponentEntry, ComponentStatus, Severity, Snapshot};
use crate::time;

/// What [`component_tree`] shows.
#[derive(PartialEq)]
pub(crate) struct ComponentTreeProps {
    /// The picture.
    pub snapshot: Rc<Snapshot>,
    /// Heading level of the section title.
    pub level: u8,
    /// The language of the widget's words.
    pub lang: Lang,
}

/// Every component as a status page lists them: groups that open and close (troubled ones
/// first and open), each component with its status as icon, colour and words. Members of a
/// closed group are not rendered, so a page of 539 components stays light.
/// A [`Part`] ([`Kind::Tree`]): rendered again only when the picture or language change.
pub(super) fn component_tree(props: &ComponentTreeProps) -> Html {
    let tree = props.snapshot.component_tree();
    if tree.is_empty() {
        return html! {};
    }
    let (level, lang) = (props.level, props.lang);
    let list = |entries: &[&ComponentEntry<'_>]| {
        html! {
            <ul class="sw-tree__list">
                { for entries.iter().map(|entry| match entry.group {
                    Some(group) => part(
                        Kind::Group(GroupProps {
                            name: group.name.clone(),
                            members: entry.members.iter().map(|c| (*c).clone()).collect(),
                            worst: entry.worst,
                            lang,
                        }),
                        Some(group.key()),
                    ),
                    None => entry.members.first().map(|c| row(c, lang)).unwrap_or_default(),
                }) }
            </ul>
        }
    };
    let sources = props.snapshot.sources();
    html! {
        <section class="sw-tree">
            { super::heading_element(level, "sw-tree__title", html! { { lang.t(Key::Components) } }) }
            if sources.len() > 1 {
                // Several status pages: each page's components under its name.
                { for sources.iter().filter_map(|source| {
                    let entries: Vec<&ComponentEntry<'_>> =
                        tree.iter().filter(|e| source_of(e) == Some(*source)).collect();
                    (!entries.is_empty()).then(|| html! {
                        <section class="sw-tree__source">
                            { super::heading_element(level + 1, "sw-tree__source-name", html! { { (*source).to_owned() } }) }
                            { list(&entries) }
                        </section>
                    })
                }) }
            } else {
                { list(&tree.iter().collect::<Vec<_>>()) }
            }
        </section>
    }
}

/// What [`group`] shows.
#[derive(PartialEq)]
pub(crate) struct GroupProps {
    /// The group's name.
    pub name: String,

    /// Its visible members.
    pub members: Vec<Component>,
    /// The worst status among them.
    pub worst: Severity,
    /// The language of the widget's words.
    pub lang: Lang,
}

/// A group that opens and closes; open from the start when something in it is wrong (a
/// [`Part`], [`Kind::Group`], whose flag is `open`).
pub(super) fn group(props: &GroupProps, open: bool, link: &Scope<Part>) -> Html {
    let toggle = link.callback(|_: MouseEvent| Msg::Toggle);
    let lang = props.lang;
    let troubled = props.members.iter().filter(|c| c.status.severity() > Severity::None).count();
    let summary = match troubled {
        0 => lang.t(Key::Operational).to_owned(),
        n => lang.fill(
            Key::GroupNotOperational,
            &[&time::number(n, lang), &time::number(props.members.len(), lang)],
        ),
    };
    // The group's icon is its worst members': unknown when every one of them is unknown.
    let mut worst = props.members.iter().filter(|c| c.status.severity() == props.worst).peekable();
    let all_unknown = worst.peek().is_some() && worst.all(|c| matches!(c.status, ComponentStatus::Other(_)));
    let icon = if all_unknown { "unknown" } else { tone(props.worst) };
    html! {
        <li class="sw-tree__group">
            <button type="button" class="sw-tree__toggle" aria-expanded={crate::components::true_false(open)} onclick={toggle}>
                <span ~className={crate::components::modified("sw-icon", icon)} aria-hidden="true"></span>
                <span class="sw-tree__name">{ props.name.clone() }</span>
                <span class="sw-tree__status">{ summary }</span>
                <span class="sw-tree__chevron" aria-hidden="true"></span>
            </button>
            if open {
                <ul class="sw-tree__members">{ for props.members.iter().map(|c| row(c, lang)) }</ul>
            }
        </li>
    }
}

/// The status page an entry of the tree belongs to, when the widget shows several.
fn source_of<'a>(entry: &ComponentEntry<'a>) -> Option<&'a str> {
    entry.group.or(entry.members.first().copied()).and_then(|c| c.source.as_deref())
}

fn row(component: &Component, lang: Lang) -> Html {
    let status: &ComponentStatus = &component.status;
    html! {
        <li class="sw-tree__item">
            <span ~className={crate::components::modified("sw-icon", super::status_tone(status))} aria-hidden="true"></span>
            <span class="sw-tree__name">{ component.name.clone() }</span>
            <span class="sw-tree__status">{ labels::component_status(status, lang).into_owned() }</span>
        </li>
    }
}
