//! The standalone page: settings from the query string (`?src=…&now=…`), the widget mounted
//! into `#status-widget`.

use web_sys::UrlSearchParams;

use crate::components::{App, AppProps};
use crate::config::Config;

/// Mounts the widget on the standalone page.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let search = document.location().and_then(|l| l.search().ok()).unwrap_or_default();
    let params = UrlSearchParams::new_with_str(&search).ok();
    let (config, warnings) = Config::from_lookup(|name| params.as_ref().and_then(|p| p.get(name)));
    for warning in warnings {
        web_sys::console::warn_1(&format!("status-widget: {warning}").into());
    }
    if let Err(error) = crate::styles::adopt(&document) {
        web_sys::console::warn_2(&"status-widget: styles not applied:".into(), &error);
    }
    let root = document.get_element_by_id("status-widget").or_else(|| document.body().map(Into::into));
    if let Some(root) = root {
        yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
    }
}
