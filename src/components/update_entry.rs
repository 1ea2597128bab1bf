use std::rc::Rc;

use yew::prelude::*;

use super::badge::badge;
use super::body_text::BodyText;
use crate::i18n::{Key, Lang};
use crate::labels;
use crate::model::{AffectedComponent, Time, Update};
use crate::time::{self, TimeStyle};

/// Props of [`UpdateEntry`].
#[derive(Properties, PartialEq)]
pub struct UpdateEntryProps {
    /// The update.
    pub update: Update,
    /// The current (or pinned) instant, for "2 h ago".
    pub now: Time,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Its text is the root cause shown above the timeline: say so instead of repeating it.
    #[prop_or_default]
    pub is_root_cause: bool,
}

/// One update: status, local time and relative time, body, component changes.
#[function_component]
pub fn UpdateEntry(props: &UpdateEntryProps) -> Html {
    let update = &props.update;
    let lang = props.times.lang;
    let when = update.at.map(|at| {
        html! {
            <>
                { super::moment(at, &props.times, "sw-update__time") }
                <span class="sw-update__ago">{ time::relative(at, props.now, lang) }</span>
            </>
        }
    });
    html! {
        <li class="sw-update">
            <p class="sw-update__head">
                { badge(&update.status, lang) }
                { for when }
            </p>
            if update.edited_later {
                <p class="sw-update__edited">{ lang.t(Key::EditedLater) }</p>
            } else if props.is_root_cause {
                <p class="sw-update__edited">{ lang.t(Key::TextIsRootCause) }</p>
            } else {
                <BodyText text={AttrValue::from(update.body.clone())} />
            }
            if !update.affected.is_empty() {
                <ul class="sw-update__changes" aria-label={lang.t(Key::ComponentChanges)}>
                    { for update.affected.iter().map(|c| change(c, lang)) }
                </ul>
            }
        </li>
    }
}

/// "America East: Operational → Degraded performance", or just the new status when it did
/// not change.
fn change(component: &AffectedComponent, lang: Lang) -> Html {
    let status = match (&component.old_status, &component.new_status) {
        (Some(old), Some(new)) if old != new => {
            // The arrow points the way the words run.
            let arrow = if lang.dir() == "rtl" { "←" } else { "→" };
            format!("{} {arrow} {}", labels::component_status(old, lang), labels::component_status(new, lang))
        }
        (_, Some(new)) => labels::component_status(new, lang).into_owned(),
        (Some(old), None) => lang.fill(Key::WasStatus, &[&labels::component_status(old, lang)]),
        (None, None) => String::new(),
    };
    html! {
        <li class="sw-update__change">
            <bdi class="sw-update__component">{ &component.name }</bdi>
            { (!status.is_empty()).then(|| format!(": {status}")) }
        </li>
    }
}
