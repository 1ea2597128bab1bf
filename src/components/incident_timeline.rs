use std::rc::Rc;

use yew::prelude::*;

use super::badge::badge;
use super::body_text::BodyText;
use super::show_more::show_more;
use super::tone;
use super::update_entry::update_entry;
use crate::i18n::Key;
use crate::labels;
use crate::model::{Incident, NearMaintenance, Time};
use crate::text;
use crate::time::{self, TimeStyle};

/// Updates shown before "Show N more updates".
const FIRST_UPDATES: usize = 10;

/// Props of [`IncidentTimeline`].
#[derive(Properties, PartialEq)]
pub struct IncidentTimelineProps {
    /// The incident or maintenance (already as of `now`).
    pub incident: Incident,
    /// The current (or pinned) instant.
    pub now: Time,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Heading level of the incident's name (its root cause is one below).
    #[prop_or(3)]
    pub level: u8,
    /// Leave the name out, when the control that opened the timeline already shows it.
    #[prop_or(true)]
    pub titled: bool,
    /// The scheduled maintenance it began during or soon after, on the same components.
    #[prop_or_default]
    pub near: Option<NearMaintenance>,
}

/// One incident: its name, status, impact, how long it lasted (or has lasted), the
/// components it touches, every update newest first, and a link to it on the status page.
#[function_component]
pub fn IncidentTimeline(props: &IncidentTimelineProps) -> Html {
    let incident = &props.incident;
    let tz = &*props.times;
    let lang = tz.lang;
    let all_updates = use_state(|| false);
    let root_cause = incident.root_cause();
    let edit_of = root_cause.as_ref().and_then(|r| r.edit_of);
    // The write-up shows once, as the root cause, not again in the timeline.
    let timeline: Vec<&crate::model::Update> = incident
        .updates
        .iter()
        .filter(|u| root_cause.as_ref().and_then(|r| r.update_id) != Some(u.id.as_str()))
        .collect();
    let shown_updates = if *all_updates { timeline.len() } else { FIRST_UPDATES };
    let hidden_updates = timeline.len().saturating_sub(shown_updates);
    let began = incident.began();
    let ended = incident.ended();
    let span = match (began, ended, incident.is_active()) {
        (Some(_), Some(_), _) => incident.lasted().map(|lasted| {
            let key = if incident.is_maintenance() { Key::CompletedAfter } else { Key::ResolvedAfter };
            lang.fill(key, &[&time::duration(lasted.num_seconds(), lang)])
        }),
        (Some(b), None, true) => {
            Some(lang.fill(Key::OngoingFor, &[&time::duration((props.now - b).num_seconds(), lang)]))
        }
        _ => None,
    };
    let window = incident.schedule.as_ref().and_then(|s| {
        let starts = s.starts?;
        let countdown = (incident.status == crate::model::Status::Scheduled && starts > props.now)
            .then(|| format!(" · {}", lang.fill(Key::StartsIn, &[&time::relative(starts, props.now, lang)])));
        let title = tz
            .page()
            .and_then(|page| super::window_span(s, &page))
            .map(|span| lang.fill(Key::PageTime, &[&span]));
        let span = super::window_span(s, tz)?;
        Some(html! {
            <span class="sw-incident__fact sw-incident__window" {title}>
                { format!("{}{}", lang.fill(Key::ScheduledWindow, &[&span]), countdown.unwrap_or_default()) }
            </span>
        })
    });
    let names = incident.component_names();
    let link = incident.shortlink.as_deref().and_then(text::http_url);
    let fact = |text: String| html! { <span class="sw-incident__fact">{ text }</span> };

    html! {
        <section ~className={crate::components::modified("sw-incident", tone(incident.severity()))}>
            if props.titled {
                { super::heading_element(props.level, "sw-incident__name", html! {
                    <>
                        { for incident.source.as_deref().map(super::source_tag) }
                        { &incident.name }
                    </>
                }) }
            }
            <p class="sw-incident__facts">
                { badge(&incident.status, lang) }
                { fact(labels::impact(&incident.impact, lang).into_owned()) }
                { for window }
                { for began.filter(|_| !incident.is_maintenance()).map(|b| html! {
                    <span class="sw-incident__fact">
                        { lang.t(Key::Started) }{ super::moment(b, tz, "") }
                    </span>
                }) }
                { for span.map(fact) }
            </p>
            if !names.is_empty() {
                <p class="sw-incident__components">{ super::isolated(lang, Key::Affected, &[super::name_run(names.iter().copied(), lang)]) }</p>
            }
            { for props.near.clone().map(|near| html! {
                <NearMaintenanceLine {near} now={props.now} times={props.times.clone()} level={props.level} />
            }) }
            { for root_cause.map(|rca| html! {
                <section class="sw-rootcause">
                    { super::heading_element(props.level + 1, "sw-rootcause__title", html! { { lang.t(Key::RootCause) } }) }
                    { for rca.published.map(|at| html! {
                        <p class="sw-rootcause__published">
                            { lang.t(Key::Published) }{ super::moment(at, tz, "") }
                        </p>
                    }) }
                    <BodyText text={AttrValue::from(rca.body.to_owned())} />
                </section>
            }) }
            <ol class="sw-timeline" aria-label={lang.t(Key::UpdatesNewestFirst)}>
                { for timeline.iter().take(shown_updates).map(|update| {
                    update_entry(update, props.now, &props.times, edit_of == Some(update.id.as_str()))
                }) }
            </ol>
            if hidden_updates > 0 {
                { show_more(hidden_updates, shown_updates, Key::ShowMoreUpdates, {
                    let all_updates = all_updates.clone();
                    Callback::from(move |()| all_updates.set(true))
                }, lang) }
            }
            { for link.map(|href| html! {
                <a class="sw-incident__link" {href} target="_blank" rel="noopener noreferrer nofollow">
                    { lang.t(if incident.is_maintenance() { Key::ViewMaintenance } else { Key::ViewIncident }) }
                </a>
            }) }
        </section>
    }
}

/// "Began 4 hr 21 min after the scheduled maintenance “…” on the same components", opening
/// to that maintenance's own timeline (built only once opened); said as what it is, a
/// coincidence in time and components, since the status page does not state a cause.
#[function_component]
fn NearMaintenanceLine(props: &NearProps) -> Html {
    let open = use_state(|| false);
    let near = &props.near;
    let lang = props.times.lang;
    let name = html! { { near.maintenance.name.clone() } };
    let said = match near.after {
        Some(after) => super::isolated(
            lang,
            Key::BeganAfterMaintenance,
            &[html! { { time::duration(after.num_seconds(), lang) } }, name],
        ),
        None => super::isolated(lang, Key::BeganDuringMaintenance, &[name]),
    };
    // The summary toggles the state, and the state the `open` attribute (click, Enter, Space).
    let toggle = {
        let open = open.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            open.set(!*open);
        })
    };
    // Escape folds an open disclosure (not the whole panel), focus back on its summary.
    let summary = use_node_ref();
    let on_keydown = {
        let (open, summary) = (open.clone(), summary.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                event.stop_propagation();
                open.set(false);
                if let Some(summary) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        })
    };
    html! {
        <details class="sw-near" part="near-maintenance" open={*open} onkeydown={on_keydown}>
            <summary class="sw-near__summary" ref={summary} onclick={toggle}>{ said }</summary>
            if *open {
                <p class="sw-near__note">{ lang.t(Key::NotStatedRelated) }</p>
                <IncidentTimeline
                    incident={near.maintenance.clone()}
                    now={props.now}
                    times={props.times.clone()}
                    level={props.level + 1}
                />
            }
        </details>
    }
}

/// Props of [`NearMaintenanceLine`].
#[derive(Properties, PartialEq)]
struct NearProps {
    near: NearMaintenance,
    now: Time,
    times: Rc<TimeStyle>,
    level: u8,
}
