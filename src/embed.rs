//! The `<status-widget>` custom element's Rust half. Rust cannot subclass `HTMLElement`, so
//! `src/embed/status-widget.js` defines the element and calls in here: [`mount`] on connect,
//! [`Widget::update`] when an observed attribute changes, [`Widget::unmount`] on disconnect.
//! Everything renders inside the element's shadow root with the stylesheet adopted there.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback};

use crate::components::{App, AppProps};
use crate::config::{Config, SETTINGS};
use crate::events::{DetailValue, WidgetEvent};

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    host: HtmlElement,
    app: Option<AppHandle<App>>,
    /// The locale and direction it renders with: kept while a new language's module is on its
    /// way, so its words do not turn English meanwhile.
    speaks: (Option<String>, Option<yew::AttrValue>),
}

/// The attribute names the element observes: every setting of [`SETTINGS`].
#[wasm_bindgen(js_name = settingNames)]
pub fn setting_names() -> Vec<String> {
    SETTINGS.iter().map(|s| s.name.to_owned()).collect()
}

/// "Datto status" in the language of the BCP 47 tag `lang` (English when not shipped), for
/// `StatusWidgetElement.statusTitle`.
#[wasm_bindgen(js_name = statusTitle)]
pub fn status_title(name: &str, lang: &str) -> String {
    crate::i18n::Lang::status_title(lang, name)
}

/// The modules `host`'s widget needs before it renders and that have not been handed over
/// yet (loaded together): `lang-es` (`status-widget-lang-es.js`) for its language, so its first words are in
/// it and not English; `reference` (`status-widget-reference.js`) for a widget without `src`.
#[wasm_bindgen(js_name = missingModules)]
pub fn missing_modules(host: &HtmlElement) -> Vec<String> {
    let config = props(host).config;
    let mut missing = Vec::new();
    if needs_reference(&config) {
        missing.push("reference".to_owned());
    }
    if let Some(lang) = missing_language(&config) {
        missing.push(format!("lang-{}", lang.primary()));
    }
    missing
}

/// Whether a widget with `config` shows the reference incident and its module is not here.
fn needs_reference(config: &Config) -> bool {
    config.sources().iter().any(Option::is_none) && !crate::feed::reference_module::asked()
}

/// The language a widget with `config` speaks, when its module has not been handed over.
fn missing_language(config: &Config) -> Option<crate::i18n::Lang> {
    let tag = config.locale.clone().unwrap_or_else(crate::time::browser_language);
    crate::i18n::Lang::shipped(&tag).filter(|lang| !crate::i18n::loaded::asked(*lang))
}

/// Hands over module `name` (its default export), or `undefined` when it could not be
/// loaded: a language then reads as English, the reference incident as a failed read.
/// Whether it was taken (a module of another version is not).
#[wasm_bindgen(js_name = addModule)]
pub fn add_module(name: &str, text: Option<String>) -> bool {
    match name.strip_prefix("lang-") {
        Some(code) => crate::i18n::Lang::shipped(code)
            .is_some_and(|lang| crate::i18n::loaded::add(lang, text.as_deref())),
        None => name == "reference" && crate::feed::reference_module::add(text.as_deref()),
    }
}

/// Hands the shim's `take(url, signal)` to the feed client: the first read of a document uses
/// the request the shim started while the wasm was loading.
#[wasm_bindgen(js_name = usePrefetched)]
pub fn use_prefetched(take: js_sys::Function) {
    crate::feed::client::use_prefetched(take);
}

/// Renders a widget for `host` into its shadow root `root`.
///
/// A panic should never happen (feed-facing code is fuzzed and linted against panicking
/// constructs). If one does, the release build aborts at once (`panic = immediate-abort`: no
/// unwinding, no message machinery in the wasm), which stops the one instance every widget
/// shares; `status-widget.js` turns that trap into a console error and a short message in
/// each widget.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, root: ShadowRoot) -> Widget {
    if let Err(error) = crate::styles::adopt(&root) {
        web_sys::console::warn_2(&format!("{} styles not applied:", crate::LOG_PREFIX).into(), &error);
    }
    let container = root.owner_document().and_then(|d| d.create_element("div").ok());
    let props = props(&host);
    let speaks = (props.config.locale.clone(), props.dir.clone());
    let app = container.map(|container| {
        let _ = root.append_child(&container);
        yew::Renderer::<App>::with_root_and_props(container, props).render()
    });
    Widget { host, app, speaks }
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the element's attributes and re-renders with them. While the module of the
    /// language they name is on its way, the widget keeps the language it speaks; while the
    /// reference incident's is, it keeps everything (the entry calls again once it is here).
    pub fn update(&mut self) {
        let mut props = props(&self.host);
        if needs_reference(&props.config) {
            return;
        }
        if missing_language(&props.config).is_some() {
            (props.config.locale, props.dir) = self.speaks.clone();
        }
        self.speaks = (props.config.locale.clone(), props.dir.clone());
        if let Some(app) = &mut self.app {
            app.update(props);
        }
    }

    /// Unmounts the app: its timers stop and its requests are aborted.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

fn props(host: &HtmlElement) -> AppProps {
    let (mut config, mut warnings) = Config::from_lookup(|name| host.get_attribute(name));
    let page_host = web_sys::window().and_then(|w| w.location().host().ok()).unwrap_or_default();
    warnings.extend(config.apply_poll_floor(&page_host));
    let explicit_locale = config.locale.is_some();
    if let Some(tag) = config.locale.take() {
        config.locale = canonical_locale(&tag);
        if config.locale.is_none() {
            warnings.push(format!(
                "locale=\"{tag}\" is not a language tag this browser can write; using the page's language, else the browser's"
            ));
        }
    }
    for warning in warnings {
        warn_once(&format!("{} {warning}", crate::LOG_PREFIX));
    }
    if config.locale.is_none() {
        // The host page's language (nearest `lang`), else the browser's (Intl's default).
        config.locale = host
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|tag| canonical_locale(&tag));
    }
    // The direction: the element's own `dir`; else the host page's nearest `dir` when the
    // widget speaks the host's language (no `locale`, and the host's `lang` is shipped: an
    // Arabic page, not a Hebrew one, which would get English sentences laid out right to
    // left); else the language's own (the app's default).
    let direction = |element: Option<web_sys::Element>| {
        element
            .and_then(|e| e.get_attribute("dir"))
            .map(|d| d.trim().to_ascii_lowercase())
            .filter(|d| d == "ltr" || d == "rtl")
    };
    let own = direction(Some(host.clone().into()));
    let speaks_host_language = config
        .locale
        .as_deref()
        .is_some_and(|tag| crate::i18n::Lang::from_tag(tag).lang_attribute(Some(tag)) == tag);
    let dir = own
        .or_else(|| {
            direction(host.closest("[dir]").ok().flatten())
                .filter(|_| !explicit_locale && speaks_host_language)
        })
        .map(yew::AttrValue::from);
    let host = host.clone();
    AppProps {
        config,
        on_event: Some(Callback::from(move |event: WidgetEvent| dispatch(&host, &event))),
        dir,
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales`, which throws a `RangeError` on a malformed tag.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<js_sys::Array, JsValue>;
}

/// A language tag as `Intl` writes it (`en_us` → `en-US`, the common underscore mistake
/// forgiven), or `None` when it is not a well-formed BCP 47 tag (`123`, `en US`) or names
/// a language the browser has no dates for (`xx`: `Intl` would write its default language
/// while the markup claimed `xx`).
fn canonical_locale(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    if tag.is_empty() {
        return None;
    }
    let canonical = canonical_locales(&tag).ok()?.get(0);
    // The widget's own languages are written by every browser: asking `Intl` would load its
    // locale data (30-40 ms in Chromium) in the task that mounts the widget.
    let shipped = canonical.as_string().filter(|c| {
        let primary = c.split('-').next().unwrap_or_default();
        crate::i18n::Lang::ALL.iter().any(|l| l.tag().split('-').next() == Some(primary))
    });
    if shipped.is_some() {
        return shipped;
    }
    let supported =
        js_sys::Intl::DateTimeFormat::supported_locales_of(&js_sys::Array::of1(&canonical), &Object::new());
    supported.get(0).as_string()
}

thread_local! {
    /// Console warnings already given: a setting is read again on every attribute change
    /// and by every widget, and the console should say each thing once.
    static WARNED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn warn_once(message: &str) {
    let first = WARNED.with(|warned| {
        let mut warned = warned.borrow_mut();
        let first = !warned.iter().any(|w| w == message);
        if first && warned.len() < 64 {
            warned.push(message.to_owned());
        }
        first
    });
    if first {
        web_sys::console::warn_1(&message.into());
    }
}

/// Sends `event` from the host element as a `CustomEvent` named `status-widget:<name>` that
/// bubbles and crosses shadow boundaries (`composed`), with a plain-object `detail`.
fn dispatch(host: &HtmlElement, event: &WidgetEvent) {
    let detail = Object::new();
    for (key, value) in event.detail() {
        let value = match value {
            DetailValue::Text(text) => JsValue::from_str(&text),
            DetailValue::Flag(flag) => JsValue::from_bool(flag),
            DetailValue::Null => JsValue::NULL,
        };
        let _ = Reflect::set(&detail, &key.into(), &value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let name = format!("status-widget:{}", event.name());
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&name, &init) {
        // A host listener that throws must not break the widget.
        let _ = host.dispatch_event(&event);
    }
}
