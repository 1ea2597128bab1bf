use std::rc::Rc;

use yew::html::Scope;
use yew::prelude::*;

use super::component_tree::ComponentTreeProps;
use super::history::{history, HistoryProps};
use super::incident_timeline::IncidentTimelineProps;
use super::part::{part, Kind, Msg, Part};
use super::show_more::show_more;
use super::status_tone;
use crate::i18n::Key;
use crate::labels;
use crate::model::{Snapshot, Time};
use crate::text;
use crate::time::TimeStyle;

/// Incidents shown before "Show N more incidents".
const FIRST_INCIDENTS: usize = 5;

/// How many troubled components the panel lists before "and N more".
const LISTED_COMPONENTS: usize = 25;

/// What [`panel`] shows.
#[derive(PartialEq)]
pub(crate) struct PanelProps {
    /// The picture (already as of `now`).
    pub snapshot: Rc<Snapshot>,
    /// The current (or pinned) instant.
    pub now: Time,
    /// Element id, named by the banner's `aria-controls`.
    pub id: AttrValue,
    /// Collapsed.
    pub hidden: bool,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// A full status page: every component, as a tree, instead of only the troubled ones.
    pub page: bool,
    /// Days of past incidents to list.
    pub history_days: u32,
    /// Days ahead to announce maintenance.
    pub maintenance_days: u32,
    /// Hours after a maintenance within which an incident on its components is linked to it.
    pub near_maintenance_hours: u32,
}

/// What the banner opens: the timeline of every active incident and maintenance, or, when
/// nothing is active, of the most recent incident (a [`Part`], [`Kind::Panel`], whose flag is
/// `all_incidents`: "Show N more incidents" pressed).
pub(super) fn panel(props: &PanelProps, all_incidents: bool, link: &Scope<Part>) -> Html {
    let snapshot = &props.snapshot;
    let lang = props.times.lang;
    if props.hidden {
        // Collapsed, the panel is an empty target for the banner's aria-controls: its
        // timelines are built when opened, so a closed banner costs the host page little.
        return html! { <div id={props.id.clone()} class="sw-panel" part="panel" hidden=true></div> };
    }
    let active = snapshot.active();
    let nothing_active = active.is_empty();
    // The same days the history below lists (calendar days in the reader's zone).
    let history_has_incidents = snapshot
        .history(props.now, props.history_days, |t| crate::time::day_of(t, &props.times))
        .iter()
        .any(|day| !day.incidents.is_empty());
    // With nothing going on and nothing in the history, the latest incident still tells the
    // reader something ("Most recent: …").
    let shown: Vec<_> = if nothing_active && !history_has_incidents {
        snapshot.incidents.iter().take(1).collect()
    } else {
        active
    };
    let near = |incident: &crate::model::Incident| {
        super::near_maintenance(snapshot, incident, props.near_maintenance_hours)
    };
    let troubled = snapshot.troubled_components();
    let upcoming = snapshot.upcoming(props.now, i64::from(props.maintenance_days));
    // Page mode: sections are h2 under the host's h1; in a widget they sit at h3.
    let section = if props.page { 2 } else { 3 };
    let heading = match (shown.is_empty(), nothing_active) {
        // A components-only feed says nothing about incidents; the list above speaks for it.
        (true, _) if !troubled.is_empty() || props.page => None,
        // Documents that list no past incidents (summary.json) know only that none is open.
        (true, true) if history_has_incidents || snapshot.incidents_since.is_none() => {
            Some(lang.t(Key::NoActiveIncidentsNote))
        }
        (true, _) => Some(lang.t(Key::NoIncidentsReported)),
        (false, true) => Some(lang.t(Key::NoActiveMostRecent)),
        (false, false) => None,
    };
    let components = (!props.page && !troubled.is_empty()).then(|| {
        let more = troubled.len().saturating_sub(LISTED_COMPONENTS);
        html! {
            <section class="sw-components">
                { super::heading_element(section, "sw-components__title", html! { { lang.t(Key::ComponentsNotOperational) } }) }
                <ul class="sw-components__list">
                    { for troubled.iter().take(LISTED_COMPONENTS).map(|c| html! {
                        <li class="sw-components__item">
                            <span ~className={crate::components::modified("sw-icon", status_tone(&c.status))} aria-hidden="true"></span>
                            <span class="sw-components__text">
                                { for c.source.as_deref().map(super::source_tag) }
                                { for snapshot.group_of(c).map(|group| html! {
                                    <span class="sw-components__group">{ &group.name }</span>
                                }) }
                                <span class="sw-components__name">{ &c.name }</span>
                                <span class="sw-components__status">{ labels::component_status(&c.status, lang).into_owned() }</span>
                            </span>
                        </li>
                    }) }
                </ul>
                if more > 0 {
                    <p class="sw-components__more">{ lang.fill(Key::AndMore, &[&crate::time::number(more, lang)]) }</p>
                }
            </section>
        }
    });
    let page_link = snapshot.page.url.as_deref().and_then(text::http_url).map(|url| {
        let name = snapshot.page.name.clone().unwrap_or_else(|| url.clone());
        html! {
            <p class="sw-panel__page">
                <a href={url} target="_blank" rel="noopener noreferrer nofollow">{ super::isolated(lang, Key::StatusPageLink, &[html! { { name } }]) }</a>
            </p>
        }
    });
    html! {
        <div id={props.id.clone()} class="sw-panel" part="panel" hidden={props.hidden}>
            { for components }
            { for heading.map(|h| html! { <p class="sw-panel__note">{ h }</p> }) }
            if props.page && !nothing_active {
                <h2 class="sw-panel__section">{ lang.t(Key::ActiveIncidents) }</h2>
            }
            { for shown.iter().take(if all_incidents { usize::MAX } else { FIRST_INCIDENTS }).map(|incident| part(
                Kind::Timeline(IncidentTimelineProps {
                    incident: (*incident).clone(),
                    now: props.now,
                    times: props.times.clone(),
                    level: 3,
                    titled: true,
                    near: near(incident),
                }),
                Some(incident.key()),
            )) }
            if !all_incidents && shown.len() > FIRST_INCIDENTS {
                { show_more(shown.len() - FIRST_INCIDENTS, FIRST_INCIDENTS, Key::ShowMoreIncidents, link.callback(|()| Msg::ShowAll), lang) }
            }
            if !upcoming.is_empty() {
                <section class="sw-upcoming">
                    { super::heading_element(section, "sw-upcoming__title", html! { { lang.t(Key::ScheduledMaintenance) } }) }
                    { for upcoming.iter().map(|maintenance| part(
                        Kind::Timeline(IncidentTimelineProps {
                            incident: (*maintenance).clone(),
                            now: props.now,
                            times: props.times.clone(),
                            level: section + 1,
                            titled: true,
                            near: None,
                        }),
                        Some(maintenance.key()),
                    )) }
                </section>
            }
            if props.page {
                { part(Kind::Tree(ComponentTreeProps { snapshot: snapshot.clone(), level: section, lang }), None) }
            }
            if props.history_days > 0 {
                { history(&HistoryProps {
                    snapshot: snapshot.clone(),
                    now: props.now,
                    days: props.history_days,
                    times: props.times.clone(),
                    level: section,
                    every_day: props.page,
                    near_maintenance_hours: props.near_maintenance_hours,
                }) }
            }
            { for page_link }
        </div>
    }
}
