use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use super::incident_timeline::IncidentTimeline;
use super::{heading, source_tag, tone};
use crate::i18n::Key;
use crate::labels;
use crate::model::{HistoryDay, Incident, Snapshot, Time};
use crate::time::{self, TimeStyle};

/// Props of [`History`].
#[derive(Properties, PartialEq)]
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
}

/// The resolved incidents of the last few days, grouped by day, newest first; each opens
/// to its whole timeline. Days without any say so.
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let tz = &*props.times;
    let lang = tz.lang;
    let days = props.snapshot.history(props.now, props.days, |at| time::day_of(at, tz));
    if days.is_empty() {
        return html! {};
    }
    let level = props.level;
    html! {
        <section class="sw-history" part="history">
            <@{heading(level)} class="sw-history__title">{ lang.t(Key::PastIncidents) }</@>
            { for runs(&days, props.every_day).into_iter().map(|run| match run {
                Run::Day(day) => html! {
                    <section class="sw-day" key={day.date.num_days_from_ce()}>
                        <@{heading(level + 1)} class="sw-day__date">{ time::day(day.date, tz) }</@>
                        <ul class="sw-day__list">
                            { for day.incidents.iter().map(|incident| html! {
                                <PastIncident
                                    key={incident.key()}
                                    incident={(*incident).clone()}
                                    now={props.now}
                                    times={props.times.clone()}
                                    level={level + 1}
                                />
                            }) }
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
                            <@{heading(level + 1)} class="sw-day__date">{ dates }</@>
                            <p class="sw-day__none">{ lang.t(Key::NoIncidentsReported) }</p>
                        </section>
                    }
                }
            }) }
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
        match runs.last_mut() {
            Some(Run::Quiet(_, oldest)) if !every_day => *oldest = day.date,
            _ => runs.push(Run::Quiet(day.date, day.date)),
        }
    }
    runs
}

/// Props of [`PastIncident`].
#[derive(Properties, PartialEq)]
pub struct PastIncidentProps {
    /// The incident.
    pub incident: Incident,
    /// The current (or pinned) instant.
    pub now: Time,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Heading level inside the opened timeline.
    pub level: u8,
}

/// One past incident: name, impact and how long it lasted on a button that opens its
/// timeline.
#[function_component]
pub fn PastIncident(props: &PastIncidentProps) -> Html {
    let open = use_state(|| false);
    let incident = &props.incident;
    let lang = props.times.lang;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let lasted = incident
        .lasted()
        .map(|lasted| lang.fill(Key::Lasted, &[&time::duration(lasted.num_seconds(), lang)]));
    let facts = [Some(labels::impact(&incident.impact, lang).into_owned()), lasted].into_iter().flatten();
    html! {
        <li class={classes!("sw-past", format!("sw-past--{}", tone(incident.severity())))}>
            <button type="button" class="sw-past__toggle" aria-expanded={open.to_string()} onclick={toggle}>
                <span class={classes!("sw-icon", format!("sw-icon--{}", tone(incident.severity())))} aria-hidden="true"></span>
                <span class="sw-past__name">
                    { for incident.source.as_deref().map(source_tag) }
                    { &incident.name }
                </span>
                <span class="sw-past__facts">{ facts.collect::<Vec<_>>().join(" · ") }</span>
                <span class="sw-tree__chevron" aria-hidden="true"></span>
            </button>
            if *open {
                <IncidentTimeline
                    incident={incident.clone()}
                    now={props.now}
                    times={props.times.clone()}
                    level={props.level}
                    titled={false}
                />
            }
        </li>
    }
}
