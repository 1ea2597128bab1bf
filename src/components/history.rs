use std::rc::Rc;

use chrono::Datelike;
use yew::html::Scope;
use yew::prelude::*;

use super::incident_timeline::IncidentTimelineProps;
use super::part::{part, Kind, Msg, Part};
use super::{source_tag, tone};
use crate::i18n::Key;
use crate::labels;
use crate::model::{HistoryDay, Incident, Snapshot, Time};
use crate::time::{self, TimeStyle};

/// What [`history`] shows.
pub struct HistoryProps {
    /// The picture (already as of `now`).
    pub snapshot: Rc<Snapshot>,
    /// The current (or pinned) instant.
    pub now: Time,
    /// How many days, today included.
    pub days: u32,
    /// Zone and locale for displayed times (and for where a day begins).
    pub times: Rc<TimeStyle>,
    /// Heading level of the section title.
    pub level: u8,
    /// List every day on its own, as a status page does; otherwise quiet days run together.
    pub every_day: bool,
    /// Hours after a maintenance within which an incident on its components is linked to it.
    pub near_maintenance_hours: u32,
}

/// The resolved incidents and completed maintenances of the last few days, grouped by day,
/// newest first; each opens to its whole timeline. A day without any says so only when the
/// documents list every incident of that day; the days they do not cover are left out, and
/// a line says where that history is (the status page's own history page). A plain
/// function, not a component: it takes `now`, so it would render again on every tick of the
/// clock anyway.
pub fn history(props: &HistoryProps) -> Html {
    let tz = &*props.times;
    let lang = tz.lang;
    let days = props.snapshot.history(props.now, props.days, |at| time::day_of(at, tz));
    if days.is_empty() {
        return html! {};
    }
    let level = props.level;
    let uncovered = days.iter().any(|d| !d.covered);
    // "Lists no past incidents" only when it lists none at all (several pages may be
    // uncovered together while one of them lists some).
    let none_covered = props.snapshot.incidents_since.is_none()
        && days.iter().flat_map(|d| &d.incidents).all(|i| i.is_maintenance());
    let history_page = props
        .snapshot
        .page
        .url
        .as_deref()
        .map(|url| format!("{}/history", url.trim_end_matches('/')))
        .and_then(|url| crate::text::http_url(&url));
    let elsewhere = uncovered.then(|| {
        let (on_page, not_in_feed) = if none_covered {
            (Key::PastOnPage, Key::PastNotInFeed)
        } else {
            (Key::EarlierOnPage, Key::EarlierNotInFeed)
        };
        html! {
            <p class="sw-history__elsewhere">
                { match history_page.clone() {
                    Some(href) => html! {
                        <a {href} target="_blank" rel="noopener noreferrer nofollow">{ lang.t(on_page) }</a>
                    },
                    None => html! { { lang.t(not_in_feed) } },
                } }
            </p>
        }
    });
    html! {
        <section class="sw-history" part="history">
            { super::heading_element(level, "sw-history__title", html! { { lang.t(Key::PastIncidents) } }) }
            { for runs(&days, props.every_day).into_iter().map(|run| match run {
                Run::Day(day) => html! {
                    <section class="sw-day" key={day.date.num_days_from_ce()}>
                        { super::heading_element(level + 1, "sw-day__date", html! { { time::day(day.date, tz) } }) }
                        <ul class="sw-day__list">
                            { for day.incidents.iter().map(|incident| part(
                                Kind::Past(PastIncidentProps {
                                    incident: (*incident).clone(),
                                    now: props.now,
                                    times: props.times.clone(),
                                    level: level + 1,
                                    near: super::near_maintenance(&props.snapshot, incident, props.near_maintenance_hours),
                                }),
                                Some(incident.key()),
                            )) }
                        </ul>
                    </section>
                },
                Run::Quiet(newest, oldest) => {
                    // Each date isolated: two Arabic or Hebrew dates around a dash keep their order.
                    let dates = if newest == oldest {
                        html! { <bdi>{ time::day(newest, tz) }</bdi> }
                    } else {
                        html! { <><bdi>{ time::day(oldest, tz) }</bdi>{ " – " }<bdi>{ time::day(newest, tz) }</bdi></> }
                    };
                    html! {
                        <section class="sw-day sw-day--quiet" key={newest.num_days_from_ce()}>
                            { super::heading_element(level + 1, "sw-day__date", html! { { dates } }) }
                            <p class="sw-day__none">{ lang.t(Key::NoIncidentsReported) }</p>
                        </section>
                    }
                }
            }) }
            { for elsewhere }
        </section>
    }
}

/// A day with incidents, or a run of days without (newest, oldest).
enum Run<'a, 'b> {
    Day(&'b HistoryDay<'a>),
    Quiet(chrono::NaiveDate, chrono::NaiveDate),
}

/// The days as shown: each on its own, or quiet neighbours run together.
fn runs<'a, 'b>(days: &'b [HistoryDay<'a>], every_day: bool) -> Vec<Run<'a, 'b>> {
    let mut runs: Vec<Run<'a, 'b>> = Vec::new();
    for day in days {
        if !day.incidents.is_empty() {
            runs.push(Run::Day(day));
            continue;
        }
        // A day the documents do not cover is not known to have been quiet.
        if !day.covered {
            continue;
        }
        match runs.last_mut() {
            Some(Run::Quiet(_, oldest)) if !every_day => *oldest = day.date,
            _ => runs.push(Run::Quiet(day.date, day.date)),
        }
    }
    runs
}

/// What [`past_incident`] shows.
#[derive(PartialEq)]
pub(crate) struct PastIncidentProps {
    /// The incident.
    pub incident: Incident,
    /// The current (or pinned) instant.
    pub now: Time,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Heading level inside the opened timeline.
    pub level: u8,
    /// The maintenance it began during or soon after, on the same components.
    pub near: Option<crate::model::NearMaintenance>,
}

/// One past incident (name, impact, how long it lasted) or maintenance (marked as one,
/// with its window in the reader's zone) on a button that opens its timeline (a [`Part`],
/// [`Kind::Past`], whose flag is `open`).
pub(super) fn past_incident(props: &PastIncidentProps, open: bool, link: &Scope<Part>) -> Html {
    let incident = &props.incident;
    let lang = props.times.lang;
    let toggle = link.callback(|_: MouseEvent| Msg::Toggle);
    let tz = &*props.times;
    let facts: Vec<String> = if incident.is_maintenance() {
        let window = incident.schedule.as_ref().and_then(|s| super::window_span(s, tz));
        let cancelled =
            (incident.status == crate::model::Status::Cancelled).then(|| lang.t(Key::Cancelled).to_owned());
        [Some(lang.t(Key::ImpactMaintenance).to_owned()), cancelled, window].into_iter().flatten().collect()
    } else {
        let lasted = incident
            .lasted()
            .map(|lasted| lang.fill(Key::Lasted, &[&time::duration(lasted.num_seconds(), lang)]));
        [Some(labels::impact(&incident.impact, lang).into_owned()), lasted].into_iter().flatten().collect()
    };
    html! {
        <li ~className={crate::components::modified("sw-past", tone(incident.severity()))}>
            <button type="button" class="sw-past__toggle" aria-expanded={crate::components::true_false(open)} onclick={toggle}>
                <span ~className={crate::components::modified("sw-icon", tone(incident.severity()))} aria-hidden="true"></span>
                <span class="sw-past__name">
                    { for incident.source.as_deref().map(source_tag) }
                    { &incident.name }
                </span>
                <span class="sw-past__facts">
                    { for facts.iter().enumerate().map(|(i, fact)| html! {
                        <>{ (i > 0).then_some(" · ") }<bdi>{ fact.clone() }</bdi></>
                    }) }
                </span>
                <span class="sw-tree__chevron" aria-hidden="true"></span>
            </button>
            if open {
                { part(
                    Kind::Timeline(IncidentTimelineProps {
                        incident: incident.clone(),
                        now: props.now,
                        times: props.times.clone(),
                        level: props.level,
                        titled: false,
                        near: props.near.clone(),
                    }),
                    None,
                ) }
            }
        </li>
    }
}
