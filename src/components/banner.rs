use std::rc::Rc;

use yew::prelude::*;

use super::badge::badge;
use super::{isolated, name_run, tone};
use crate::i18n::{Key, Lang};
use crate::labels;
use crate::model::{Incident, OverallSource, Snapshot, Time};
use crate::time::{self, TimeStyle};

/// How many component names the banner lists before "and N more".
const NAMED_COMPONENTS: usize = 3;

/// What [`banner`] shows.
pub struct BannerProps {
    /// The picture to summarise (already as of `now`).
    pub snapshot: Rc<Snapshot>,
    /// The current (or pinned) instant.
    pub now: Time,
    /// When the feed was last read (or the pinned instant).
    pub checked_at: Time,
    /// Following the real clock (not replaying).
    pub live: bool,
    /// Whether the timeline is open.
    pub expanded: bool,
    /// The id of the panel this banner opens.
    pub panel_id: AttrValue,
    /// Zone and locale for displayed times.
    pub times: Rc<TimeStyle>,
    /// Called on click, Enter or Space.
    pub on_toggle: Callback<()>,
    /// The button, for returning focus on Escape.
    pub node_ref: NodeRef,
}

/// The compact line: overall status, and the most severe active incident or maintenance
/// with its status, impact, age and components. A `<button>` so click, Enter and Space all
/// toggle, with `aria-expanded` telling assistive technology the state.
///
/// A plain function, not a component: one instance with no state of its own, and each
/// component costs the wasm about 1.5 KB of yew's lifecycle code.
pub fn banner(props: &BannerProps) -> Html {
    let lang = props.times.lang;
    let overall = props.snapshot.overall();
    let active = props.snapshot.active();
    let incident_severity = active.first().map_or(crate::model::Severity::None, |i| i.severity());
    let severity = overall.indicator.severity().max(incident_severity);
    // An indicator this widget does not know is drawn as unknown, unless an incident says more.
    let tone = match overall.indicator {
        crate::model::Indicator::Other(_) if incident_severity < severity => "unknown",
        _ => tone(severity),
    };
    // The page's own wording is English on nearly every page: other readers get the
    // widget's words for the same indicator, with the page's wording on hover.
    let page_words = overall.description.clone().filter(|_| lang != Lang::En);
    let overall_text =
        match (overall.description.clone().filter(|_| lang == Lang::En), overall.source, active.is_empty()) {
            (Some(description), _, _) => description,
            (None, OverallSource::Incidents, true) => lang.t(Key::NoActiveIncidents).to_owned(),
            (None, _, _) => labels::indicator(&overall.indicator, lang).into_owned(),
        };
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    let tz = &*props.times;

    // Live, the freshness line under the banner says when the feed was read; a replay says
    // which moment it shows here.
    let checked = (!props.live).then(|| {
        html! {
            <span class="sw-banner__checked">
                <time datetime={time::machine(props.checked_at)}>
                    { lang.fill(Key::AsOf, &[&time::local(props.checked_at, tz)]) }
                </time>
            </span>
        }
    });
    let detail = match active.first() {
        Some(incident) => headline(incident, props.now, lang),
        None => {
            // No incident, yet components may be down (components.json has no incidents).
            let mut troubled: Vec<&str> =
                props.snapshot.troubled_components().iter().map(|c| c.name.as_str()).collect();
            // The same name can stand in several groups (Qualys platforms); list it once.
            let mut seen = Vec::new();
            troubled.retain(|name| {
                !seen.contains(name) && {
                    seen.push(*name);
                    true
                }
            });
            html! {
                <span class="sw-banner__incident">
                    { for name_list(&troubled, lang).map(|names| html! {
                        <span class="sw-banner__name">{ isolated(lang, Key::AffectedList, &[names]) }</span>
                    }) }
                    { for checked }
                </span>
            }
        }
    };
    let more = (active.len() > 1).then(|| {
        let others = active.len() - 1;
        html! {
            <span class="sw-banner__more">
                { lang.fill(Key::PlusMore, &[&time::number(others, lang)]) }
                <span class="sw-visually-hidden">{ lang.t(if others == 1 { Key::OneMoreActive } else { Key::MoreActive }) }</span>
            </span>
        }
    });

    html! {
        <button
            type="button"
            ref={props.node_ref.clone()}
            ~className={crate::components::modified("sw-banner", tone)}
            aria-expanded={crate::components::true_false(props.expanded)}
            aria-controls={props.panel_id.clone()}
            part="banner"
            {onclick}
        >
            <span class="sw-banner__status">
                <span ~className={crate::components::modified("sw-icon", tone)} aria-hidden="true"></span>
                <span class="sw-banner__overall" title={page_words}>{ overall_text }</span>
            </span>
            { detail }
            { for more }
            <span class="sw-banner__chevron" aria-hidden="true"></span>
        </button>
    }
}

/// "A, B, C and 4 more", each name isolated, or `None` for no names.
fn name_list(names: &[&str], lang: Lang) -> Option<Html> {
    match names.len() {
        0 => None,
        n if n <= NAMED_COMPONENTS => Some(name_run(names.iter().copied(), lang)),
        n => Some(isolated(
            lang,
            Key::NamesAndMore,
            &[
                name_run(names.iter().take(NAMED_COMPONENTS).copied(), lang),
                html! { { time::number(n - NAMED_COMPONENTS, lang) } },
            ],
        )),
    }
}

/// The active incident's line: name, then status · impact · age · components.
fn headline(incident: &Incident, now: Time, lang: Lang) -> Html {
    let components = name_list(&incident.component_names(), lang);
    let age = incident.began().map(|began| {
        let key = if incident.is_maintenance() { Key::UnderWayAgo } else { Key::StartedAgo };
        lang.fill(key, &[&time::duration((now - began).num_seconds(), lang)])
    });
    html! {
        <span class="sw-banner__incident">
            <span class="sw-banner__name">
                { for incident.source.as_deref().map(super::source_tag) }
                { &incident.name }
            </span>
            <span class="sw-banner__facts">
                { badge(&incident.status, lang) }
                <span class="sw-banner__fact">{ labels::impact(&incident.impact, lang).into_owned() }</span>
                { for age.map(|age| html! { <span class="sw-banner__fact">{ age }</span> }) }
                { for components.map(|c| html! { <span class="sw-banner__fact sw-banner__components">{ c }</span> }) }
            </span>
        </span>
    }
}
