use std::mem::discriminant;

use yew::html::Scope;
use yew::prelude::*;
use yew::virtual_dom::{VChild, VComp};

use super::body_text::body_text;
use super::component_tree::{component_tree, group, ComponentTreeProps, GroupProps};
use super::history::{past_incident, PastIncidentProps};
use super::incident_timeline::{incident_timeline, near_maintenance_line, IncidentTimelineProps, NearProps};
use super::panel::{panel, PanelProps};
use crate::model::Severity;

/// Which piece a [`Part`] is, with that piece's props.
#[derive(PartialEq)]
pub(crate) enum Kind {
    /// What the banner opens ([`panel`]).
    Panel(PanelProps),
    /// One incident's whole timeline ([`incident_timeline`]).
    Timeline(IncidentTimelineProps),
    /// The line that links an incident to a maintenance ([`near_maintenance_line`]).
    Near(NearProps),
    /// Every component, as a status page lists them ([`component_tree`]).
    Tree(ComponentTreeProps),
    /// A group of components that opens and closes ([`group`]).
    Group(GroupProps),
    /// A past incident on a button that opens its timeline ([`past_incident`]).
    Past(PastIncidentProps),
    /// Feed text in the safe subset ([`body_text`]).
    Text(AttrValue),
}

/// Props of [`Part`].
#[derive(Properties, PartialEq)]
pub(crate) struct PartProps {
    /// The piece and its props.
    pub kind: Kind,
}

/// What a part's controls ask for.
pub(crate) enum Msg {
    /// Open or close (a group, a past incident, the maintenance line).
    Toggle,
    /// Show the rest of a long list ("Show N more").
    ShowAll,
    /// Escape on an open disclosure: close it, focus back on its summary.
    Fold,
}

/// Every piece of the widget below [`super::App`] that keeps something between renders or
/// is worth not rendering again when its props are unchanged: one component type over
/// [`Kind`], since each component type costs the wasm its own copy of yew's lifecycle and
/// hook code. Its one state is a flag each piece reads as what it needs: open (a group, a
/// past incident, the maintenance line) or showing everything (the panel's incidents, a
/// timeline's updates).
pub(crate) struct Part {
    open: bool,
    summary: NodeRef,
}

/// Whether a part starts open: a group does when something in it is wrong.
fn opened(kind: &Kind) -> bool {
    matches!(kind, Kind::Group(g) if g.worst > Severity::None)
}

impl Component for Part {
    type Message = Msg;
    type Properties = PartProps;

    fn create(ctx: &Context<Self>) -> Self {
        Self { open: opened(&ctx.props().kind), summary: NodeRef::default() }
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &PartProps) -> bool {
        // Another kind of piece in the same place is a new piece: it starts afresh.
        if discriminant(&old.kind) != discriminant(&ctx.props().kind) {
            self.open = opened(&ctx.props().kind);
        }
        true
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Toggle => self.open = !self.open,
            Msg::ShowAll => self.open = true,
            Msg::Fold => {
                self.open = false;
                if let Some(summary) = self.summary.cast::<web_sys::HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let (open, link): (bool, &Scope<Self>) = (self.open, ctx.link());
        match &ctx.props().kind {
            Kind::Panel(props) => panel(props, open, link),
            Kind::Timeline(props) => incident_timeline(props, open, link),
            Kind::Near(props) => near_maintenance_line(props, open, &self.summary, link),
            Kind::Tree(props) => component_tree(props),
            Kind::Group(props) => group(props, open, link),
            Kind::Past(props) => past_incident(props, open, link),
            Kind::Text(text) => body_text(text),
        }
    }
}

/// `kind` as a [`Part`], keyed when it sits in a keyed list.
pub(crate) fn part(kind: Kind, key: Option<String>) -> Html {
    VComp::from(VChild::<Part>::new(PartProps { kind }, key.map(Into::into))).into()
}
