use std::rc::Rc;

use yew::html::Scope;
use yew::prelude::*;

use super::badge::badge;
use super::part::{part, Kind, Msg, Part};
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

/// What [`incident_timeline`] shows.
#[derive(PartialEq)]
pub(crate) struct IncidentTimelineProps {
    /// The incident or maintenance (already as of `now`).
    pub incident: Incident,
    /// The current (or pinned) instant.
    pub now: Time,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Heading level of the incident's name (its root cause is one below).
    pub level: u8,
    /// Show the name (left out when the control that opened the timeline already shows it).
    pub titled: bool,
    /// The scheduled maintenance it began during or soon after, on the same components.
    pub near: Option<NearMaintenance>,
}

/// One incident: its name, status, impact, how long it lasted (or has lasted), the
/// components it touches, every update newest first, and a link to it on the status page (a
/// [`Part`], [`Kind::Timeline`], whose flag is `all_updates`: "Show N more updates" pressed).
pub(super) fn incident_timeline(
    props: &IncidentTimelineProps,
    all_updates: bool,
    link: &Scope<Part>,
) -> Html {
    let incident = &props.incident;
    let tz = &*props.times;
    let lang = tz.lang;
    let root_cause = incident.root_cause();
    let edit_of = root_cause.as_ref().and_then(|r| r.edit_of);
    // The write-up shows once, as the root cause, not again in the timeline.
    let timeline: Vec<&crate::model::Update> = incident
        .updates
        .iter()
        .filter(|u| root_cause.as_ref().and_then(|r| r.update_id) != Some(u.id.as_str()))
        .collect();
    let shown_updates = if all_updates { timeline.len() } else { FIRST_UPDATES };
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
    let shortlink = incident.shortlink.as_deref().and_then(text::http_url);
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
            { for props.near.clone().map(|near| part(
                Kind::Near(NearProps { near, now: props.now, times: props.times.clone(), level: props.level }),
                None,
            )) }
            { for root_cause.map(|rca| html! {
                <section class="sw-rootcause">
                    { super::heading_element(props.level + 1, "sw-rootcause__title", html! { { lang.t(Key::RootCause) } }) }
                    { for rca.published.map(|at| html! {
                        <p class="sw-rootcause__published">
                            { lang.t(Key::Published) }{ super::moment(at, tz, "") }
                        </p>
                    }) }
                    { part(Kind::Text(AttrValue::from(rca.body.to_owned())), None) }
                </section>
            }) }
            <ol class="sw-timeline" aria-label={lang.t(Key::UpdatesNewestFirst)}>
                { for timeline.iter().take(shown_updates).map(|update| {
                    update_entry(update, props.now, &props.times, edit_of == Some(update.id.as_str()))
                }) }
            </ol>
            if hidden_updates > 0 {
                { show_more(hidden_updates, shown_updates, Key::ShowMoreUpdates, link.callback(|()| Msg::ShowAll), lang) }
            }
            { for shortlink.map(|href| html! {
                <a class="sw-incident__link" {href} target="_blank" rel="noopener noreferrer nofollow">
                    { lang.t(if incident.is_maintenance() { Key::ViewMaintenance } else { Key::ViewIncident }) }
                </a>
            }) }
        </section>
    }
}

/// "Began 4 hr 21 min after the scheduled maintenance “…” on the same components", opening
/// to that maintenance's own timeline (built only once opened); said as what it is, a
/// coincidence in time and components, since the status page does not state a cause (a
/// [`Part`], [`Kind::Near`], whose flag is `open`; `summary` is where Escape puts focus back).
pub(super) fn near_maintenance_line(
    props: &NearProps,
    open: bool,
    summary: &NodeRef,
    link: &Scope<Part>,
) -> Html {
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
    // The summary toggles the flag, and the flag the `open` attribute (click, Enter, Space).
    let toggle = link.callback(|event: MouseEvent| {
        event.prevent_default();
        Msg::Toggle
    });
    // Escape folds an open disclosure (not the whole panel), focus back on its summary.
    let on_keydown = link.batch_callback(move |event: KeyboardEvent| {
        (open && event.key() == "Escape").then(|| {
            event.stop_propagation();
            Msg::Fold
        })
    });
    html! {
        <details class="sw-near" part="near-maintenance" {open} onkeydown={on_keydown}>
            <summary class="sw-near__summary" ref={summary.clone()} onclick={toggle}>{ said }</summary>
            if open {
                <p class="sw-near__note">{ lang.t(Key::NotStatedRelated) }</p>
                { part(
                    Kind::Timeline(IncidentTimelineProps {
                        incident: near.maintenance.clone(),
                        now: props.now,
                        times: props.times.clone(),
                        level: props.level + 1,
                        titled: true,
                        near: None,
                    }),
                    None,
                ) }
            }
        </details>
    }
}

/// What [`near_maintenance_line`] shows.
#[derive(PartialEq)]
pub(crate) struct NearProps {
    pub near: NearMaintenance,
    pub now: Time,
    pub times: Rc<TimeStyle>,
    pub level: u8,
}
