#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]
//! The status picture, normalised: one [`Snapshot`] whatever document kind it came from.
//!
//! Plain data with no yew and no display text in it. Open-ended feed values (indicators,
//! statuses, impacts) keep what the feed wrote in an `Other` variant, so a new value never
//! fails a parse and can still be shown. [`Snapshot::as_of`] gives the picture at an instant,
//! which serves the replay demo and deterministic tests.

use crate::order;
use chrono::{DateTime, NaiveDate, Utc};

/// Every instant in the model is UTC; feeds with offsets are converted on decode.
pub type Time = DateTime<Utc>;

/// How bad something is, in one order shared by indicators, impacts and component statuses.
/// The view maps it to colour and icon; the words come from the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing wrong.
    None,
    /// Planned work.
    Maintenance,
    /// Degraded, or a value we do not know (something is being reported).
    Minor,
    /// Partial outage.
    Major,
    /// Full outage.
    Critical,
}

/// Declares an open-ended feed enum: known values as unit variants, anything else kept as
/// `Other(raw)`, each known value with its wire spelling and its severity.
macro_rules! feed_enum {
    ($(#[$doc:meta])* $name:ident, other: $other_sev:expr, { $($(#[$vdoc:meta])* $variant:ident = $wire:literal => $sev:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A value this widget does not know, as the feed wrote it.
            Other(String),
        }

        impl $name {
            /// Reads a feed value; unknown values are kept, never rejected.
            pub fn parse(raw: &str) -> Self {
                match raw.trim() {
                    $($wire => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }

            /// The value as a feed spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Other(raw) => raw,
                }
            }

            /// Where this value sits on the shared severity scale.
            pub fn severity(&self) -> Severity {
                match self {
                    $(Self::$variant => $sev,)+
                    Self::Other(_) => $other_sev,
                }
            }
        }
    };
}

feed_enum!(
    /// The page's overall indicator (`status.indicator`).
    Indicator, other: Severity::Minor, {
        /// All systems operational.
        None = "none" => Severity::None,
        /// Minor problems.
        Minor = "minor" => Severity::Minor,
        /// Major problems.
        Major = "major" => Severity::Major,
        /// Critical outage.
        Critical = "critical" => Severity::Critical,
        /// Maintenance in progress (seen in real feeds, not in the documented set).
        Maintenance = "maintenance" => Severity::Maintenance,
    }
);

feed_enum!(
    /// An incident's or maintenance's impact.
    Impact, other: Severity::Minor, {
        /// No impact declared (real pages use it on open incidents too).
        None = "none" => Severity::None,
        /// Minor impact.
        Minor = "minor" => Severity::Minor,
        /// Major impact.
        Major = "major" => Severity::Major,
        /// Critical impact.
        Critical = "critical" => Severity::Critical,
        /// Planned maintenance.
        Maintenance = "maintenance" => Severity::Maintenance,
    }
);

feed_enum!(
    /// A component's status.
    ComponentStatus, other: Severity::Minor, {
        /// Working.
        Operational = "operational" => Severity::None,
        /// Slow.
        DegradedPerformance = "degraded_performance" => Severity::Minor,
        /// Partly down.
        PartialOutage = "partial_outage" => Severity::Major,
        /// Down.
        MajorOutage = "major_outage" => Severity::Critical,
        /// Planned work.
        UnderMaintenance = "under_maintenance" => Severity::Maintenance,
    }
);

feed_enum!(
    /// The status of an incident or maintenance, or of one of its updates.
    Status, other: Severity::Minor, {
        /// Incident opened, cause unknown.
        Investigating = "investigating" => Severity::Minor,
        /// Cause known.
        Identified = "identified" => Severity::Minor,
        /// Fix applied, watching.
        Monitoring = "monitoring" => Severity::Minor,
        /// Over.
        Resolved = "resolved" => Severity::None,
        /// Root-cause analysis published.
        Postmortem = "postmortem" => Severity::None,
        /// Maintenance announced.
        Scheduled = "scheduled" => Severity::Maintenance,
        /// Maintenance under way.
        InProgress = "in_progress" => Severity::Maintenance,
        /// Maintenance done, being checked.
        Verifying = "verifying" => Severity::Maintenance,
        /// Maintenance over.
        Completed = "completed" => Severity::None,
        /// Maintenance called off (some pages say so instead of deleting it).
        Cancelled = "cancelled" => Severity::None,
    }
);

impl Status {
    /// Whether this status ends an incident or maintenance.
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Resolved | Self::Postmortem | Self::Completed | Self::Cancelled)
    }

    /// Whether a maintenance in this status is under way (not merely announced, not over).
    pub fn is_maintenance_running(&self) -> bool {
        matches!(self, Self::InProgress | Self::Verifying)
    }
}

/// The status page itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Statuspage's page id.
    pub id: Option<String>,
    /// The page's name, e.g. "GitHub".
    pub name: Option<String>,
    /// The public status page address.
    pub url: Option<String>,
    /// The page's IANA time zone, e.g. "America/Denver".
    pub time_zone: Option<String>,
    /// When the page last changed: the moment this document describes.
    pub updated_at: Option<Time>,
}

/// The page's own overall status, as the feed states it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageStatus {
    /// The indicator.
    pub indicator: Indicator,
    /// The page's own wording, e.g. "Partially Degraded Service"; `None` when not given.
    pub description: Option<String>,
}

/// A component (or a group of components) of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Statuspage's component id (the `code` in update `affected_components`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Current status.
    pub status: ComponentStatus,
    /// Optional description.
    pub description: Option<String>,
    /// Sort order given by the page.
    pub position: i64,
    /// The group this component belongs to, if any.
    pub group_id: Option<String>,
    /// Whether this is a group of other components.
    pub is_group: bool,
    /// Show only while not operational.
    pub only_show_if_degraded: bool,
    /// Whether the page features it.
    pub showcase: bool,
    /// Which status page it comes from, when the widget shows several.
    pub source: Option<String>,
}

impl Component {
    /// Its id qualified by its source ([`qualified`]).
    pub fn key(&self) -> String {
        qualified(self.source.as_deref(), &self.id)
    }

    /// Whether `other` is its group: same page, and `other`'s id is its `group_id`.
    pub fn is_in(&self, other: &Component) -> bool {
        self.source == other.source && self.group_id.as_deref() == Some(other.id.as_str())
    }
}

/// A component named by an incident or an update.
#[derive(Clone, Debug, PartialEq)]
pub struct AffectedComponent {
    /// The component id, when the feed gives it.
    pub code: Option<String>,
    /// The name at the time of the update (names change; components get deleted).
    pub name: String,
    /// Status before the update, when given.
    pub old_status: Option<ComponentStatus>,
    /// Status after the update, when given.
    pub new_status: Option<ComponentStatus>,
}

/// One posted update of an incident or maintenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// Update id.
    pub id: String,
    /// The status this update moved to.
    pub status: Status,
    /// Untrusted text from the feed.
    pub body: String,
    /// When it is shown as posted (`display_at`, else `created_at`).
    pub at: Option<Time>,
    /// When it was first written.
    pub created_at: Option<Time>,
    /// When it was last edited.
    pub updated_at: Option<Time>,
    /// Components this update changed.
    pub affected: Vec<AffectedComponent>,
    /// In a replay: its text was rewritten after the replayed instant, so it is withheld.
    pub edited_later: bool,
}

/// A root-cause analysis found in an incident.
#[derive(Clone, Debug, PartialEq)]
pub struct RootCause<'a> {
    /// Untrusted text from the feed.
    pub body: &'a str,
    /// When it was published (or last edited).
    pub published: Option<Time>,
    /// The `postmortem` update it comes from, which the timeline then leaves out.
    pub update_id: Option<&'a str>,
    /// The update whose later edit it is (GitHub's resolved update): that update stays in the
    /// timeline, for its status and time, with a pointer here instead of its text again.
    pub edit_of: Option<&'a str>,
}

/// The planned window of a scheduled maintenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// Planned start.
    pub starts: Option<Time>,
    /// Planned end.
    pub ends: Option<Time>,
}

/// A root-cause write-up published for an incident.
#[derive(Clone, Debug, PartialEq)]
pub struct Postmortem {
    /// Untrusted text from the feed.
    pub body: String,
    /// When it was published.
    pub published_at: Option<Time>,
}

/// An incident or a scheduled maintenance (Statuspage gives both the same shape).
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    /// Incident id.
    pub id: String,
    /// Title.
    pub name: String,
    /// Current status.
    pub status: Status,
    /// Declared impact.
    pub impact: Impact,
    /// When it was opened on the page.
    pub created_at: Option<Time>,
    /// When it was last changed.
    pub updated_at: Option<Time>,
    /// When the problem started (may be backdated before `created_at`).
    pub started_at: Option<Time>,
    /// When it was resolved.
    pub resolved_at: Option<Time>,
    /// Link to the incident on the status page (untrusted: check the scheme before linking).
    pub shortlink: Option<String>,
    /// Components the incident names.
    pub components: Vec<AffectedComponent>,
    /// Updates, newest first.
    pub updates: Vec<Update>,
    /// Present for scheduled maintenances.
    pub schedule: Option<Schedule>,
    /// Root-cause write-up from `postmortem_body`, when present.
    pub postmortem: Option<Postmortem>,
    /// Which status page it comes from, when the widget shows several.
    pub source: Option<String>,
}

/// An id qualified by the status page it comes from, for comparing and keying: two pages
/// may both have an incident (or a component) "1".
pub fn qualified(source: Option<&str>, id: &str) -> String {
    match source {
        Some(source) => format!("{source}\u{1f}{id}"),
        None => id.to_owned(),
    }
}

impl Incident {
    /// Its id qualified by its source ([`qualified`]).
    pub fn key(&self) -> String {
        qualified(self.source.as_deref(), &self.id)
    }

    /// Whether this is a scheduled maintenance rather than an incident.
    pub fn is_maintenance(&self) -> bool {
        self.schedule.is_some()
    }

    /// Whether it is happening now: an open incident, or a maintenance under way.
    pub fn is_active(&self) -> bool {
        if self.is_maintenance() {
            self.status.is_maintenance_running()
        } else {
            !self.status.is_closed() && !matches!(self.status, Status::Other(_) if self.resolved_at.is_some())
        }
    }

    /// When it began, as best the feed tells: a maintenance's planned start, else the
    /// earliest of `started_at`, `created_at` and its updates' times. The earliest, because
    /// `started_at` may be backdated before the incident was opened, and an incident posted
    /// after the fact carries its posting time in `started_at` (GitHub's backfilled
    /// incidents: `started_at` two days after `resolved_at`).
    pub fn began(&self) -> Option<Time> {
        let running_since = self.schedule.as_ref().and_then(|s| s.starts).filter(|_| self.is_maintenance());
        let earliest_update = self.updates.iter().filter_map(|u| u.at).min();
        // Never after it ended: an incident whose only backdated time is its end began then.
        running_since.or_else(|| {
            [self.started_at, self.created_at, earliest_update, self.resolved_at].into_iter().flatten().min()
        })
    }

    /// How long it lasted, when the feed tells: from [`began`](Self::began) to
    /// [`ended`](Self::ended). `None` for an incident posted only once it was over with no
    /// time of its own for its beginning (its one known time is its end), since "under a
    /// minute" would be a claim the feed never made.
    pub fn lasted(&self) -> Option<chrono::TimeDelta> {
        let (began, ended) = (self.began()?, self.ended()?);
        // When its first update was written: after the end, for an incident posted afterwards.
        let written = self.updates.iter().filter_map(|u| u.created_at).min();
        let backfilled = began >= ended && written.is_some_and(|w| w > ended);
        (!backfilled && ended >= began).then(|| ended - began)
    }

    /// When it ended: `resolved_at`, else, once closed, the first closing update.
    pub fn ended(&self) -> Option<Time> {
        self.resolved_at.or_else(|| {
            self.status
                .is_closed()
                .then(|| self.updates.iter().rev().find(|u| u.status.is_closed())?.at)
                .flatten()
        })
    }

    /// The latest moment anything about it was posted, used to pick between two copies.
    fn last_change(&self) -> Option<Time> {
        let newest_update = self.updates.iter().filter_map(|u| u.updated_at.or(u.at)).max();
        self.updated_at.max(newest_update)
    }

    /// The severity used to rank it against others: impact, and maintenance for a running
    /// maintenance with no stated impact.
    pub fn severity(&self) -> Severity {
        match (self.is_maintenance(), self.impact.severity()) {
            (true, Severity::None) => Severity::Maintenance,
            (false, Severity::None) if self.is_active() => Severity::Minor,
            (_, severity) => severity,
        }
    }

    /// The root-cause write-up, if the feed has one: the `postmortem_body`, else the latest
    /// update with status `postmortem`, else a resolved update edited more than an hour
    /// after it was posted (GitHub adds its analysis that way). With when it was published.
    pub fn root_cause(&self) -> Option<RootCause<'_>> {
        if let Some(postmortem) = &self.postmortem {
            return Some(RootCause {
                body: &postmortem.body,
                published: postmortem.published_at,
                update_id: None,
                edit_of: None,
            });
        }
        let written =
            self.updates.iter().find(|u| u.status == Status::Postmortem && !u.body.trim().is_empty());
        if let Some(update) = written {
            return Some(RootCause {
                body: &update.body,
                published: update.at,
                update_id: Some(&update.id),
                edit_of: None,
            });
        }
        self.updates
            .iter()
            .filter(|u| u.status == Status::Resolved)
            .find(|u| match (u.created_at, u.updated_at) {
                (Some(created), Some(edited)) => (edited - created).num_minutes() > 60,
                _ => false,
            })
            .map(|u| RootCause {
                body: &u.body,
                published: u.updated_at,
                update_id: None,
                edit_of: Some(&u.id),
            })
    }

    /// Names of the components it touches: the incident's own list, else the newest update
    /// that names any (incident.io-hosted pages leave the incident's list empty).
    pub fn component_names(&self) -> Vec<&str> {
        incident_components(self).iter().map(|c| c.name.as_str()).collect()
    }
}

/// The whole picture read from one or more documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// The page.
    pub page: Page,
    /// The page's stated overall status, when a document carried one.
    pub status: Option<PageStatus>,
    /// Components and groups, flat, ordered by position.
    pub components: Vec<Component>,
    /// Incidents, newest first.
    pub incidents: Vec<Incident>,
    /// Scheduled maintenances, soonest first.
    pub maintenances: Vec<Incident>,
    /// The status pages the picture combines, by label, in order (empty for one unlabelled
    /// page): kept even for a page that has nothing to show yet, so its first incident is news.
    pub labels: Vec<String>,
    /// Since when the documents list every incident, resolved ones included: the oldest
    /// resolution in an `incidents.json` (Statuspage sends the latest 50). `None` when they
    /// list no past incidents (`summary.json` holds only unresolved ones; `components.json`
    /// and `scheduled-maintenances.json` none), or, for several pages, when one of them
    /// does not: no day is then known to have been quiet on every page.
    pub incidents_since: Option<Time>,
    /// When a status-relay serves this picture while its upstream fails: the upstream's last
    /// good read (the relay's `relay.since`), which the freshness line then counts from.
    pub stale_since: Option<Time>,
}

/// One line of the component list: a group with its members, or one component alone
/// (`group: None`, one member).
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentEntry<'a> {
    /// The group, if this is one.
    pub group: Option<&'a Component>,
    /// Its visible members (or the component itself).
    pub members: Vec<&'a Component>,
    /// The worst status among them.
    pub worst: Severity,
}

/// One day of the incident history: its date in the reader's zone and the incidents and
/// maintenances that began on it and are over, newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryDay<'a> {
    /// The calendar day.
    pub date: NaiveDate,
    /// Incidents and maintenances that began that day and are over, newest first.
    pub incidents: Vec<&'a Incident>,
    /// Whether the documents list every incident of the whole day, so an empty day can be
    /// called quiet ("No incidents reported").
    pub covered: bool,
}

/// How an incident stands to a scheduled maintenance on the same components: it began
/// during the window, or this long after the maintenance ended. A coincidence in time and
/// components, which the feed never states as a cause.
#[derive(Clone, Debug, PartialEq)]
pub struct NearMaintenance {
    /// The maintenance.
    pub maintenance: Incident,
    /// `None`: the incident began while it was under way; else the time from its end.
    pub after: Option<chrono::TimeDelta>,
}

/// Where the overall indicator came from, so the view can word it honestly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverallSource {
    /// The page's own `status`.
    Page,
    /// Worked out from component statuses (no page status, or replaying the past).
    Components,
    /// Only incidents are known: the indicator says whether any is active.
    Incidents,
}

/// The overall status to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Overall {
    /// The indicator.
    pub indicator: Indicator,
    /// The page's wording, when it is the page's own status.
    pub description: Option<String>,
    /// Where it came from.
    pub source: OverallSource,
}

impl Snapshot {
    /// Combines two documents of the same page (e.g. summary.json and incidents.json):
    /// the newer page info and status win, components come from whichever has them, and
    /// incidents are joined by id keeping the most recently changed copy.
    pub fn merge(mut self, other: Snapshot) -> Snapshot {
        let other_newer = other.page.updated_at >= self.page.updated_at;
        if self.page.name.is_none() || (other.page.name.is_some() && other_newer) {
            self.page = other.page;
        }
        if other.status.is_some() && (self.status.is_none() || other_newer) {
            self.status = other.status;
        }
        if !other.components.is_empty() && (self.components.is_empty() || other_newer) {
            self.components = other.components;
        }
        merge_by_id(&mut self.incidents, other.incidents);
        merge_by_id(&mut self.maintenances, other.maintenances);
        // Two documents of one page: the one that reaches further back tells more.
        self.incidents_since = earliest(self.incidents_since, other.incidents_since);
        self.stale_since = earliest(self.stale_since, other.stale_since);
        self.sort();
        self
    }

    /// Marks everything in the picture as coming from the status page called `label`.
    pub fn labelled(mut self, label: &str) -> Snapshot {
        self.labels = vec![label.to_owned()];
        for component in &mut self.components {
            component.source = Some(label.to_owned());
        }
        for incident in self.incidents.iter_mut().chain(&mut self.maintenances) {
            incident.source = Some(label.to_owned());
        }
        self
    }

    /// One picture of several status pages (each already [`labelled`](Snapshot::labelled)):
    /// their components side by side, their incidents and maintenances together. The overall
    /// status is the worst of the pages' own; the page name lists them all.
    pub fn combine(parts: Vec<Snapshot>) -> Snapshot {
        let names: Vec<String> = parts.iter().filter_map(|p| p.page.name.clone()).collect();
        let zones: Vec<&Option<String>> = parts.iter().map(|p| &p.page.time_zone).collect();
        let same_zone = zones.windows(2).all(|w| matches!(w, [a, b] if a == b));
        // Each page's overall status by its own rules (GitHub states "minor" with a component
        // in partial outage); the worst of them stands for all.
        let status = parts
            .iter()
            .map(Snapshot::overall)
            .max_by_key(|o| o.indicator.severity())
            .map(|o| PageStatus { indicator: o.indicator, description: o.description });
        let mut combined = Snapshot {
            page: Page {
                name: (!names.is_empty()).then(|| names.join(" · ")),
                time_zone: if same_zone { zones.first().and_then(|z| (*z).clone()) } else { None },
                updated_at: parts.iter().filter_map(|p| p.page.updated_at).max(),
                ..Page::default()
            },
            status,
            ..Snapshot::default()
        };
        // A day is known to be quiet only if every page's documents cover it.
        combined.incidents_since = parts
            .iter()
            .map(|p| p.incidents_since)
            .try_fold(None, |latest: Option<Time>, since| Some(latest.max(Some(since?))))
            .flatten();
        for part in parts {
            combined.stale_since = earliest(combined.stale_since, part.stale_since);
            combined.labels.extend(part.labels);
            combined.components.extend(part.components);
            combined.incidents.extend(part.incidents);
            combined.maintenances.extend(part.maintenances);
        }
        combined.sort();
        combined
    }

    /// The status pages the picture comes from, in order, when it combines several.
    pub fn sources(&self) -> Vec<&str> {
        let mut sources: Vec<&str> = self.labels.iter().map(String::as_str).collect();
        let labels = self.components.iter().filter_map(|c| c.source.as_deref());
        let labels =
            labels.chain(self.incidents.iter().chain(&self.maintenances).filter_map(|i| i.source.as_deref()));
        for label in labels {
            if !sources.contains(&label) {
                sources.push(label);
            }
        }
        sources
    }

    /// Puts incidents newest first and maintenances soonest first (the model's invariant).
    pub fn sort(&mut self) {
        order::sort_by_key(&mut self.incidents, |i| std::cmp::Reverse(i.began()));
        order::sort_by_key(&mut self.maintenances, |m| {
            m.schedule.as_ref().and_then(|s| s.starts).or(m.created_at)
        });
    }

    /// The picture as it stood at `now`: anything posted later is hidden, each incident's
    /// status comes from its latest visible update, and component statuses are rolled back
    /// through the `old_status` of every hidden update that changed them.
    pub fn as_of(&self, now: Time) -> Snapshot {
        let mut past = self.clone();
        for list in [&mut past.incidents, &mut past.maintenances] {
            list.retain_mut(|incident| rewind_incident(incident, now));
        }

        // Roll component statuses back: the earliest hidden change tells what it was before.
        let mut hidden: Vec<(Time, &Option<String>, &AffectedComponent)> = self
            .incidents
            .iter()
            .chain(&self.maintenances)
            .flat_map(|i| i.updates.iter().map(move |u| (&i.source, u)))
            .filter_map(|(source, u)| u.at.filter(|at| *at > now).map(|at| (at, source, u)))
            .flat_map(|(at, source, u)| u.affected.iter().map(move |a| (at, source, a)))
            .collect();
        order::sort_by_key(&mut hidden, |(at, _, _)| *at);
        for component in &mut past.components {
            let earliest =
                hidden.iter().find(|(_, source, a)| **source == component.source && a.refers_to(component));
            if let Some(old) = earliest.and_then(|(_, _, a)| a.old_status.clone()) {
                component.status = old;
            }
        }

        let posted_later = self.moments().last().is_some_and(|last| *last > now);
        let captured_later = self.page.updated_at.is_some_and(|at| at > now);
        if posted_later || captured_later {
            // The page's stated status describes a later moment; work it out again.
            past.status = None;
        }
        past
    }

    /// Incidents and maintenances happening now, most severe first, then most recent first.
    pub fn active(&self) -> Vec<&Incident> {
        let mut active: Vec<&Incident> =
            self.incidents.iter().chain(&self.maintenances).filter(|i| i.is_active()).collect();
        order::sort_by(&mut active, |a, b| b.severity().cmp(&a.severity()).then(b.began().cmp(&a.began())));
        active
    }

    /// Maintenances announced but not started whose window begins within `days` days after
    /// `now` (or has begun without the page marking it started), soonest first.
    pub fn upcoming(&self, now: Time, days: i64) -> Vec<&Incident> {
        let horizon = now + chrono::TimeDelta::days(days);
        self.maintenances
            .iter()
            .filter(|m| m.status == Status::Scheduled)
            .filter(|m| m.schedule.as_ref().and_then(|s| s.starts).is_some_and(|starts| starts <= horizon))
            .filter(|m| m.schedule.as_ref().and_then(|s| s.ends).is_none_or(|ends| ends >= now))
            .collect()
    }

    /// The history a status page shows: the `days` calendar days up to and including `now`'s
    /// (days as `day_of` reckons them, i.e. in the reader's zone), newest first, each with the
    /// incidents and the completed or cancelled maintenances that began on it, newest first.
    /// Every day is listed; a day is `covered` when it lies wholly after
    /// [`incidents_since`](Snapshot::incidents_since)'s day.
    pub fn history(&self, now: Time, days: u32, day_of: impl Fn(Time) -> NaiveDate) -> Vec<HistoryDay<'_>> {
        let today = day_of(now);
        let first_covered =
            self.incidents_since.map(|since| day_of(since).succ_opt().unwrap_or(NaiveDate::MAX));
        let mut history: Vec<HistoryDay<'_>> = today
            .iter_days()
            .rev()
            .take(days as usize)
            .map(|date| HistoryDay {
                date,
                incidents: Vec::new(),
                covered: first_covered.is_some_and(|f| date >= f),
            })
            .collect();
        let over = |i: &&Incident| !i.is_active() && (!i.is_maintenance() || i.status.is_closed());
        let mut past: Vec<&Incident> = self.incidents.iter().chain(&self.maintenances).filter(over).collect();
        order::sort_by_key(&mut past, |i| std::cmp::Reverse(i.began()));
        for incident in past {
            let Some(date) = incident.began().filter(|b| *b <= now).map(&day_of) else { continue };
            if let Some(day) = history.iter_mut().find(|d| d.date == date) {
                day.incidents.push(incident);
            }
        }
        history
    }

    /// The maintenance an incident began during, or within `within` after, on components
    /// they share (by id, else by name): the latest such, if any. Maintenances have none.
    pub fn near_maintenance(
        &self,
        incident: &Incident,
        within: chrono::TimeDelta,
    ) -> Option<NearMaintenance> {
        let began = incident.began().filter(|_| !incident.is_maintenance())?;
        let touched: Vec<&AffectedComponent> = incident_components(incident);
        let shares = |m: &Incident| {
            m.source == incident.source
                && incident_components(m).iter().any(|a| {
                    touched.iter().any(|b| match (&a.code, &b.code) {
                        (Some(x), Some(y)) => x == y,
                        _ => same_name(&a.name, &b.name),
                    })
                })
        };
        self.maintenances
            .iter()
            .filter(|m| m.status != Status::Cancelled && m.status != Status::Scheduled && shares(m))
            .filter_map(|m| {
                // A maintenance may start before its window: its first running update says so.
                let running =
                    m.updates.iter().filter(|u| u.status.is_maintenance_running()).filter_map(|u| u.at);
                let starts = running.chain(m.began()).min()?;
                let ends = m.ended().or(m.schedule.as_ref()?.ends);
                if began < starts {
                    return None;
                }
                match ends {
                    Some(ends) if began > ends => {
                        let after = began - ends;
                        (after <= within).then_some((m, Some(after)))
                    }
                    _ => Some((m, None)),
                }
            })
            .max_by_key(|(m, _)| m.began())
            .map(|(m, after)| NearMaintenance { maintenance: m.clone(), after })
    }

    /// The overall status: the page's own when it states one (never from incident impact:
    /// real pages show impact `major` with indicator `minor`), else worked out from
    /// components, else from whether any incident is active.
    pub fn overall(&self) -> Overall {
        if let Some(status) = &self.status {
            return Overall {
                indicator: status.indicator.clone(),
                description: status.description.clone(),
                source: OverallSource::Page,
            };
        }
        let active = self.active();
        let busy = |floor: Severity| {
            active
                .iter()
                .map(|i| if i.is_maintenance() { Severity::Maintenance } else { floor })
                .max()
                .unwrap_or(Severity::None)
        };
        let (severity, source) = if self.components.is_empty() {
            (busy(Severity::Minor), OverallSource::Incidents)
        } else {
            let worst = self.components.iter().map(|c| c.status.severity()).max();
            // An open incident means something is wrong even if no component says so yet.
            (worst.unwrap_or(Severity::None).max(busy(Severity::Minor)), OverallSource::Components)
        };
        let indicator = match severity {
            Severity::None => Indicator::None,
            Severity::Maintenance => Indicator::Maintenance,
            Severity::Minor => Indicator::Minor,
            Severity::Major => Indicator::Major,
            Severity::Critical => Indicator::Critical,
        };
        // A component status this widget does not know is no reason to say "minor": when
        // nothing known is as bad and no incident is open, the indicator is that value.
        let unknown = self.components.iter().find_map(|c| match &c.status {
            ComponentStatus::Other(raw) if c.status.severity() == severity => Some(raw),
            _ => None,
        });
        let known_as_bad = self
            .components
            .iter()
            .any(|c| !matches!(c.status, ComponentStatus::Other(_)) && c.status.severity() >= severity);
        let indicator = match unknown {
            Some(raw) if source == OverallSource::Components && !known_as_bad && active.is_empty() => {
                Indicator::Other(raw.clone())
            }
            _ => indicator,
        };
        Overall { indicator, description: None, source }
    }

    /// Every instant at which something was posted, oldest first, without repeats: the
    /// steps of a replay.
    pub fn moments(&self) -> Vec<Time> {
        let mut moments: Vec<Time> = self
            .incidents
            .iter()
            .chain(&self.maintenances)
            .flat_map(|i| &i.updates)
            .filter_map(|u| u.at)
            .collect();
        order::sort_by(&mut moments, Time::cmp);
        moments.dedup();
        moments
    }

    /// Components (not groups) that are not operational, worst first, then in page order.
    pub fn troubled_components(&self) -> Vec<&Component> {
        let mut troubled: Vec<&Component> =
            self.components.iter().filter(|c| !c.is_group && c.status.severity() > Severity::None).collect();
        order::sort_by_key(&mut troubled, |c| std::cmp::Reverse(c.status.severity()));
        troubled
    }

    /// The picture restricted to `terms` (component names or ids, case-insensitive; a group
    /// brings its children): matching components, and the incidents and maintenances that
    /// touch them through their own component list or any update's `affected_components`
    /// (by code, else by name, since names in updates are historical). Incidents that name no
    /// component at all are kept: they may concern anyone. The page's own status no longer
    /// applies and is dropped, so the overall status is worked out from what is left.
    /// No terms: the picture unchanged.
    pub fn filtered(&self, terms: &[String]) -> Snapshot {
        if terms.is_empty() {
            return self.clone();
        }
        let names_source = |source: &Option<String>| {
            source.as_deref().is_some_and(|s| terms.iter().any(|t| same_name(t, s.trim())))
        };
        let wanted = |c: &Component| {
            names_source(&c.source)
                || terms.iter().any(|t| same_name(t, &c.id) || same_name(t, c.name.trim()))
        };
        let mut picked: Vec<&Component> = self.components.iter().filter(|c| wanted(c)).collect();
        let children: Vec<&Component> =
            self.components.iter().filter(|c| picked.iter().any(|g| c.is_in(g))).collect();
        picked.extend(children);
        let keys: Vec<String> = picked.iter().map(|c| c.key()).collect();
        let selected: Vec<&Component> = self.components.iter().filter(|c| keys.contains(&c.key())).collect();
        // Whether an incident of page `source` names a selected component.
        let touches = |source: &Option<String>, a: &AffectedComponent| match &a.code {
            Some(code) if self.component_of(source.as_deref(), code).is_some() => {
                keys.contains(&qualified(source.as_deref(), code))
            }
            _ => {
                selected.iter().any(|c| c.source == *source && same_name(&a.name, &c.name))
                    || terms.iter().any(|t| same_name(t, a.name.trim()))
            }
        };
        // An incident's own component list is narrowed to the filter, so "Affected: …" names
        // what the reader asked about; updates keep their full history.
        let narrow = |i: &Incident| {
            let mut i = i.clone();
            let source = i.source.clone();
            if i.components.iter().any(|a| touches(&source, a)) {
                i.components.retain(|a| touches(&source, a));
            }
            i
        };
        let keep = |i: &Incident| {
            if names_source(&i.source) {
                return true;
            }
            let named = i.components.iter().chain(i.updates.iter().flat_map(|u| &u.affected));
            let mut named = named.peekable();
            named.peek().is_none() || named.any(|a| touches(&i.source, a))
        };
        let mut picture = Snapshot {
            page: self.page.clone(),
            labels: Vec::new(),
            status: None,
            components: selected.iter().map(|c| (*c).clone()).collect(),
            incidents: self.incidents.iter().filter(|i| keep(i)).map(narrow).collect(),
            maintenances: self.maintenances.iter().filter(|i| keep(i)).map(narrow).collect(),
            incidents_since: self.incidents_since,
            stale_since: self.stale_since,
        };
        // The pages still in the picture, and any the filter names (its first incident is news).
        let present: Vec<String> = picture.sources().iter().map(|s| (*s).to_owned()).collect();
        picture.labels = self
            .labels
            .iter()
            .filter(|l| present.contains(l) || names_source(&Some((*l).clone())))
            .cloned()
            .collect();
        picture
    }

    /// The components as a status page lists them: groups with their children (the feed
    /// gives them flat, with `group_id`) and components outside any group. Components marked
    /// `only_show_if_degraded` are left out while operational. Troubled entries come first,
    /// worst first; the rest keep the page's order.
    pub fn component_tree(&self) -> Vec<ComponentEntry<'_>> {
        let visible = |c: &&Component| !(c.only_show_if_degraded && c.status.severity() == Severity::None);
        let mut entries: Vec<ComponentEntry<'_>> = Vec::new();
        // Looked up among the groups alone (ids are unique on a page): a page of 539
        // components has 69 groups, and a search of every component for each one was a
        // quarter of a million comparisons.
        let groups: Vec<&Component> = self.components.iter().filter(|c| c.is_group).collect();
        for component in self.components.iter().filter(visible) {
            let in_known_group = component.group_id.is_some() && groups.iter().any(|g| component.is_in(g));
            if component.is_group {
                let members: Vec<&Component> =
                    self.components.iter().filter(visible).filter(|c| c.is_in(component)).collect();
                let worst =
                    members.iter().map(|c| c.status.severity()).max().unwrap_or(component.status.severity());
                entries.push(ComponentEntry { group: Some(component), members, worst });
            } else if !in_known_group {
                entries.push(ComponentEntry {
                    group: None,
                    members: vec![component],
                    worst: component.status.severity(),
                });
            }
        }
        // Stable: equal severities keep the page's order.
        order::sort_by_key(&mut entries, |e| std::cmp::Reverse(e.worst));
        entries
    }

    /// Looks a component of page `source` up by id.
    pub fn component_of(&self, source: Option<&str>, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id && c.source.as_deref() == source)
    }

    /// The group `component` belongs to, on its own page.
    pub fn group_of(&self, component: &Component) -> Option<&Component> {
        self.components.iter().find(|g| component.is_in(g))
    }
}

/// Whether two names are the same, ignoring case in every script ("ZÜRICH" is "Zürich").
/// ASCII is compared here; anything else by the platform's Unicode lower-casing: the
/// browser's `toLowerCase` in the wasm (Rust's own tables would cost it about 4 KB brotli),
/// Rust's natively. Both follow Unicode's default case mapping.
pub fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    // Both ways: lower case tells "Zürich" from "ZÜRICH", upper case "Straße" from "STRASSE".
    lower(a) == lower(b) || upper(a) == upper(b)
}

#[cfg(target_arch = "wasm32")]
fn lower(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_lower_case())
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn upper(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_upper_case())
}

#[cfg(not(target_arch = "wasm32"))]
fn lower(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn upper(s: &str) -> String {
    s.to_uppercase()
}

impl AffectedComponent {
    /// Whether this names `component`: by code when both have one (names in updates are
    /// historical), else by name.
    pub fn refers_to(&self, component: &Component) -> bool {
        match &self.code {
            Some(code) => *code == component.id,
            None => same_name(&self.name, &component.name),
        }
    }
}

/// The components an incident or maintenance names: its own list, else the newest update
/// that names any.
fn incident_components(incident: &Incident) -> Vec<&AffectedComponent> {
    if !incident.components.is_empty() {
        return incident.components.iter().collect();
    }
    incident
        .updates
        .iter()
        .find(|u| !u.affected.is_empty())
        .map(|u| u.affected.iter().collect())
        .unwrap_or_default()
}

/// Hides what was posted after `now`; returns false when nothing of it existed yet.
fn rewind_incident(incident: &mut Incident, now: Time) -> bool {
    let existed = incident.created_at.or(incident.began()).is_none_or(|t| t <= now);
    incident.updates.retain(|u| u.at.is_none_or(|at| at <= now));
    if !existed || (incident.updates.is_empty() && incident.created_at.is_none()) {
        return false;
    }
    if let Some(latest) = incident.updates.first() {
        incident.status = latest.status.clone();
    }
    if incident.resolved_at.is_some_and(|t| t > now) {
        incident.resolved_at = None;
    }
    if incident.postmortem.as_ref().is_some_and(|p| p.published_at.is_none_or(|t| t > now)) {
        incident.postmortem = None;
    }
    // An update edited later (GitHub adds its root-cause analysis to the resolved update)
    // had not been edited yet: the edit, and the root cause it makes, are in the future.
    for update in &mut incident.updates {
        if update.updated_at.is_some_and(|t| t > now) {
            // Edited long after it was posted (GitHub writes its analysis into the resolved
            // update): the text shown now was not there yet, and the feed does not keep the
            // first one, so the replay says so instead of showing it.
            let rewritten = matches!((update.created_at, update.updated_at),
                (Some(c), Some(e)) if (e - c).num_minutes() > 60);
            if rewritten {
                update.body.clear();
                update.edited_later = true;
            }
            update.updated_at = update.created_at.filter(|t| *t <= now);
        }
    }
    if incident.updated_at.is_some_and(|t| t > now) {
        incident.updated_at = None;
    }
    true
}

/// The earlier of two optional instants (either when only one is known).
fn earliest(a: Option<Time>, b: Option<Time>) -> Option<Time> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn merge_by_id(into: &mut Vec<Incident>, from: Vec<Incident>) {
    for incident in from {
        match into.iter_mut().find(|i| i.id == incident.id) {
            Some(existing) if incident.last_change() > existing.last_change() => *existing = incident,
            Some(_) => {}
            None => into.push(incident),
        }
    }
}
