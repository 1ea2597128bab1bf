use yew::prelude::*;

use super::badge::badge;
use super::part::{part, Kind};
use crate::i18n::{Key, Lang};
use crate::labels;
use crate::model::{AffectedComponent, Time, Update};
use crate::time::{self, TimeStyle};

/// One update: status, local time and relative time ("2 h ago" from `now`), body, component
/// changes; when `is_root_cause`, its text is the root cause shown above the timeline, and
/// it says so instead of repeating it. A plain function, not a component: it takes `now`,
/// so it would render again on every tick of the clock anyway, and each component type
/// costs the wasm its own copy of yew's lifecycle.
pub fn update_entry(update: &Update, now: Time, times: &TimeStyle, is_root_cause: bool) -> Html {
    let lang = times.lang;
    let when = update.at.map(|at| {
        html! {
            <>
                { super::moment(at, times, "sw-update__time") }
                <span class="sw-update__ago">{ time::relative(at, now, lang) }</span>
            </>
        }
    });
    html! {
        <li key={update.id.clone()} class="sw-update">
            <p class="sw-update__head">
                { badge(&update.status, lang) }
                { for when }
            </p>
            if update.edited_later {
                <p class="sw-update__edited">{ lang.t(Key::EditedLater) }</p>
            } else if is_root_cause {
                <p class="sw-update__edited">{ lang.t(Key::TextIsRootCause) }</p>
            } else {
                { part(Kind::Text(AttrValue::from(update.body.clone())), None) }
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
