//! In Chromium with wasm-bindgen-test: the widget mounted for real, driven by clicks and
//! key events, against feeds from the local test server that `make test` starts.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use gloo_timers::future::sleep;
use std::cell::RefCell;
use std::rc::Rc;

use status_widget::config::Config;
use status_widget::events::WidgetEvent;
use status_widget::{StatusWidget, StatusWidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The feed server `scripts/test.sh` starts (see tests/support/server.mjs).
const SERVER: &str = match option_env!("SW_TEST_SERVER") {
    Some(url) => url,
    None => "http://127.0.0.1:47800",
};

fn config(pairs: &[(&str, &str)]) -> Config {
    let mut pairs = pairs.to_vec();
    pairs.push(("time-zone", "UTC"));
    Config::from_lookup(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())).0
}

fn feed(path: &str) -> String {
    format!("{SERVER}{path}")
}

/// Mounts the widget in a fresh element of the test page.
fn mount(config: Config) -> Element {
    mount_with(StatusWidgetProps { config, on_event: None, dir: None })
}

/// Mounts the yew component with the given props, as a yew app embedding it would.
fn mount_with(props: StatusWidgetProps) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    status_widget::adopt_styles_into_document();
    yew::Renderer::<StatusWidget>::with_root_and_props(host.clone(), props).render();
    host
}

/// Waits (yielding to yew's scheduler and the network) until `selector` matches, up to 10 s.
async fn find(root: &Element, selector: &str) -> Element {
    for _ in 0..500 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(Duration::from_millis(20)).await;
    }
    panic!("nothing matched {selector} in: {}", root.inner_html());
}

/// Lets yew apply a state change.
async fn settle() {
    sleep(Duration::from_millis(30)).await;
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

fn panel_hidden(root: &Element) -> bool {
    root.query_selector(".sw-panel").unwrap().unwrap().has_attribute("hidden")
}

#[wasm_bindgen_test]
async fn reference_banner_while_live() {
    let root = mount(config(&[]));
    let banner = find(&root, ".sw-banner").await;
    assert_eq!(text(&root, ".sw-banner__overall"), "Minor service disruption");
    assert_eq!(text(&root, ".sw-banner__name"), "PSA - OTP Email delay - Under Investigation");
    let facts = text(&root, ".sw-banner__facts");
    for expected in [
        "Identified",
        "Minor impact",
        "Started 2 hr 19 min ago",
        "America East, America East 2, America West and 4 more",
    ] {
        assert!(facts.contains(expected), "{expected:?} not in {facts:?}");
    }
    assert!(banner.class_list().contains("sw-banner--minor"));
    assert_eq!(count(&root, ".sw-banner .sw-icon--minor"), 1, "colour comes with a shape and a word");
    assert_eq!(banner.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(panel_hidden(&root));
    let panel_id = root.query_selector(".sw-panel").unwrap().unwrap().id();
    assert_eq!(banner.get_attribute("aria-controls"), Some(panel_id));
    assert!(text(&root, ".sw-replay__note").starts_with("Replaying"));
}

#[wasm_bindgen_test]
async fn click_expands_the_timeline_and_collapses_it() {
    let root = mount(config(&[]));
    let banner = find(&root, ".sw-banner").await;
    click(&banner);
    settle().await;
    assert_eq!(banner.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!panel_hidden(&root));
    // The three updates posted by 10:40, newest first, each with status, time and age.
    assert_eq!(count(&root, ".sw-update"), 3);
    let first = root.query_selector(".sw-update").unwrap().unwrap();
    assert_eq!(text(&first, ".sw-badge"), "Identified");
    let time = first.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2020-02-05T10:32:00Z"));
    assert!(time.text_content().unwrap().contains("10:32"), "{:?}", time.text_content());
    assert_eq!(text(&first, ".sw-update__ago"), "8 minutes ago");
    assert!(text(&first, ".sw-text").contains("DKIM changes that were deployed yesterday"));
    // The body's newlines are line breaks and paragraphs, built as elements, not HTML.
    assert!(count(&first, ".sw-text p") >= 5 && count(&first, ".sw-text br") >= 3);
    let oldest = text(&root, ".sw-update:last-child .sw-update__changes");
    assert!(oldest.contains("America East: Operational → Degraded performance"), "{oldest}");
    assert!(text(&root, ".sw-incident__facts").contains("Ongoing for 2 hr 19 min"));
    let link = root.query_selector(".sw-incident__link").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://stspg.io/otp2020feb05"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));

    click(&banner);
    settle().await;
    assert_eq!(banner.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(panel_hidden(&root));
}

#[wasm_bindgen_test]
async fn escape_collapses_and_returns_focus() {
    // Enter and Space on the <button> are the browser's own activation, exercised with real
    // key presses in the Playwright tests; Escape is the widget's, tested here.
    let root = mount(config(&[("expanded", "true")]));
    let banner = find(&root, ".sw-banner").await;
    assert_eq!(banner.get_attribute("aria-expanded").as_deref(), Some("true"));
    let inside = find(&root, ".sw-incident__link").await;
    inside.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    inside.dispatch_event(&event).unwrap();
    settle().await;
    assert_eq!(banner.get_attribute("aria-expanded").as_deref(), Some("false"));
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert!(active.is_same_node(Some(&banner)), "focus went back to the banner");
}

#[wasm_bindgen_test]
async fn resolved_incident_shows_its_duration() {
    let root = mount(config(&[("now", "2020-02-05T16:00:00Z"), ("expanded", "true")]));
    // Resolved today, it is in the history: impact and duration on a button that opens it.
    let past = find(&root, ".sw-past__toggle").await;
    assert_eq!(text(&root, ".sw-banner__overall"), "All systems operational");
    assert!(text(&root, ".sw-banner__checked").starts_with("As of "), "a replay says which moment it shows");
    assert_eq!(text(&root, ".sw-panel__note"), "No active incidents.");
    assert_eq!(text(&root, ".sw-past__facts"), "Minor impact · lasted 6 hr 43 min");
    assert_eq!(count(&root, ".sw-update"), 0, "closed until asked");
    click(&past);
    find(&root, ".sw-incident").await;
    assert!(text(&root, ".sw-incident__facts").contains("Resolved after 6 hr 43 min"));
    assert_eq!(count(&root, ".sw-update"), 7);
    assert_eq!(text(&root, ".sw-update .sw-badge"), "Resolved");
}

#[wasm_bindgen_test]
async fn replay_steps_through_updates() {
    let root = mount(config(&[]));
    find(&root, ".sw-replay").await;
    let next = root.query_selector_all(".sw-replay__button").unwrap().get(1).unwrap();
    let next: Element = next.dyn_into().unwrap();
    click(&next); // 11:29, still identified
    settle().await;
    click(&next); // 11:53, monitoring
    settle().await;
    assert!(text(&root, ".sw-banner__facts").contains("Monitoring"), "{}", text(&root, ".sw-banner"));
    assert!(text(&root, ".sw-replay__note").contains("update 8 of 11"));
    let live = root.query_selector_all(".sw-replay__button").unwrap().get(2).unwrap();
    click(&live.dyn_into().unwrap());
    settle().await;
    assert_eq!(count(&root, ".sw-replay"), 0);
    assert_eq!(text(&root, ".sw-banner__overall"), "All Systems Operational", "the page's own words, live");
}

#[wasm_bindgen_test]
async fn real_feed_over_http() {
    let root = mount(config(&[(
        "src",
        &feed("/fixtures/statuspage/github_summary_2022-11_sergeyshevch-statuspage-exporter.json"),
    )]));
    find(&root, ".sw-banner__name").await;
    assert_eq!(text(&root, ".sw-banner__overall"), "Minor Service Outage");
    assert_eq!(text(&root, ".sw-banner__name"), "Incident with Packages and Pages");
    assert!(text(&root, ".sw-banner__facts").contains("Major impact"));
    assert_eq!(count(&root, ".sw-replay"), 0, "a src without now is live");
}

#[wasm_bindgen_test]
async fn feed_html_becomes_safe_elements() {
    let src = feed(
        "/fixtures/statuspage/github_incident_6swlsy1h3wy9_legacy-html-body_GitHub-Incident-History.json",
    );
    let root = mount(config(&[("src", &src), ("expanded", "true")]));
    let body = find(&root, ".sw-text").await;
    // GitHub's <ul><li><strong> timeline is a list again, built by yew from parsed data.
    assert!(count(&body, "ul > li > strong") > 20, "{}", body.inner_html());
    assert!(!body.text_content().unwrap().contains("<li>"), "no tag shows as text");
    assert_eq!(count(&body, "script, img, iframe, style"), 0);
    let link = body.query_selector("a").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("https://blog.github.com/"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn not_found_shows_a_short_message() {
    let root = mount(config(&[("src", &feed("/feeds/no-such-feed.json"))]));
    find(&root, ".sw-error").await;
    assert_eq!(
        text(&root, ".sw-error__message"),
        "Status unavailable: the status feed was not found (HTTP 404)."
    );
    // Retry goes back to the network and lands on the same calm message.
    click(&root.query_selector(".sw-error__retry").unwrap().unwrap());
    settle().await;
    find(&root, ".sw-error").await;
    assert_eq!(count(&root, ".sw-banner"), 0);
}

#[wasm_bindgen_test]
async fn malformed_and_foreign_feeds_show_a_short_message() {
    for (path, message) in [
        ("/feeds/malformed.json", "Status unavailable: the status feed is damaged (not valid JSON)."),
        (
            "/feeds/not-a-status-feed.json",
            "Status unavailable: this address does not serve a Statuspage status feed.",
        ),
        (
            "/fixtures/other/cachet_yoti_v1_components_EXTRACTED.json",
            "Status unavailable: this feed comes from Cachet, which this widget reads through status-relay.",
        ),
        (
            "/fixtures/other/aws_awshealth_currentevents_string-codes-epoch_ai-status.json",
            "Status unavailable: this feed comes from AWS Health, which this widget cannot read yet.",
        ),
    ] {
        let root = mount(config(&[("src", &feed(path))]));
        find(&root, ".sw-error").await;
        assert_eq!(text(&root, ".sw-error__message"), message, "{path}");
    }
}

#[wasm_bindgen_test]
async fn unreachable_server_shows_a_short_message() {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    let root = mount(config(&[("src", "http://127.0.0.1:9/api/v2/summary.json")]));
    find(&root, ".sw-error").await;
    assert_eq!(
        text(&root, ".sw-error__message"),
        "Status unavailable: the status page could not be reached."
    );
}

#[wasm_bindgen_test]
async fn the_yew_component_reports_events_through_its_callback() {
    let seen: Rc<RefCell<Vec<WidgetEvent>>> = Rc::default();
    let sink = seen.clone();
    let root = mount_with(StatusWidgetProps {
        config: config(&[]),
        on_event: Some(Callback::from(move |event| sink.borrow_mut().push(event))),
        dir: None,
    });
    let banner = find(&root, ".sw-banner").await;
    settle().await;
    click(&banner);
    settle().await;
    click(&banner);
    settle().await;
    let names: Vec<&str> = seen.borrow().iter().map(WidgetEvent::name).collect();
    assert_eq!(names, ["status-change", "expand", "collapse"]);
    assert!(
        matches!(&seen.borrow()[0], WidgetEvent::StatusChange { indicator, previous: None, .. } if indicator == "minor")
    );
}

#[wasm_bindgen_test]
async fn a_filter_that_matches_nothing_says_so() {
    let root = mount(config(&[("components", "Mars, Venus")]));
    let notice = find(&root, ".sw-error").await;
    assert_eq!(notice.text_content().unwrap(), "No component of this status page matches “Mars, Venus”.");
    assert_eq!(count(&root, ".sw-banner"), 0, "never a misleading all-operational banner");
}

#[wasm_bindgen_test]
async fn long_timelines_come_in_parts() {
    let src =
        feed("/fixtures/statuspage/github_incident_t2xwk9mz56f4_29updates_GitHub-Incident-History.json");
    let root = mount(config(&[("src", &src), ("expanded", "true")]));
    let more = find(&root, ".sw-more").await;
    assert_eq!(count(&root, ".sw-update"), 10);
    assert_eq!(more.text_content().unwrap(), "Show 19 more updates");
    click(&more);
    settle().await;
    assert_eq!(count(&root, ".sw-update"), 29);
    assert_eq!(count(&root, ".sw-more"), 0);
}

/// English durations and relative times are written without `Intl` (building the first
/// formatter costs the first paint about 25 ms); they must read exactly as Chromium's `Intl`
/// writes them for "en", unit by unit, across every boundary.
#[wasm_bindgen_test]
fn english_words_match_intl() {
    use js_sys::{Array, Function, Object, Reflect};
    use status_widget::i18n::Lang;
    use status_widget::time::{self, Unit};
    use wasm_bindgen::JsValue;

    // `new Intl[name]("en", options)`, and its `format` method.
    let formatter = |name: &str, pairs: &[(&str, &str)]| -> (JsValue, Function) {
        let options = Object::new();
        for (key, value) in pairs {
            Reflect::set(&options, &(*key).into(), &(*value).into()).unwrap();
        }
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).unwrap();
        let class: Function = Reflect::get(&intl, &name.into()).unwrap().unchecked_into();
        let made = Reflect::construct(&class, &Array::of2(&"en".into(), &options)).unwrap();
        let format = Reflect::get(&made, &"format".into()).unwrap().unchecked_into();
        (made, format)
    };
    let amount = |n: i64, unit: Unit| {
        let display = if matches!(unit, Unit::Minute | Unit::Hour) { "short" } else { "long" };
        let (f, format) =
            formatter("NumberFormat", &[("style", "unit"), ("unit", unit.intl()), ("unitDisplay", display)]);
        format.call1(&f, &(n as f64).into()).unwrap().as_string().unwrap()
    };
    let (relative, relative_format) = formatter("RelativeTimeFormat", &[("numeric", "always")]);
    let (m, h, d) = (60, 3600, 86_400);
    let lengths = [
        60,
        61,
        119,
        120,
        59 * m,
        h,
        h + m,
        2 * h + 43 * m,
        23 * h + 59 * m,
        d,
        d + h,
        2 * d + 3 * h,
        59 * d,
        60 * d,
        61 * d,
        300 * d,
        729 * d,
        730 * d,
        3 * 365 * d,
        40 * 365 * d,
        999 * 365 * d,
        1000 * 365 * d,
        2025 * 365 * d,
        123_456 * 365 * d,
    ];
    let now = time::now();
    for seconds in lengths {
        let intl: Vec<String> =
            time::duration_parts(seconds).into_iter().map(|(n, unit)| amount(n, unit)).collect();
        assert_eq!(time::duration(seconds, Lang::En), intl.join(" "), "duration of {seconds} s");

        let (n, unit) = time::relative_amount(seconds).unwrap();
        let delta = chrono::TimeDelta::seconds(seconds);
        for (then, signed) in [(now - delta, -n), (now + delta, n)] {
            let expected =
                relative_format.call2(&relative, &(signed as f64).into(), &unit.intl().into()).unwrap();
            assert_eq!(
                time::relative(then, now, Lang::En),
                expected.as_string().unwrap(),
                "{signed} {}",
                unit.intl()
            );
        }
    }
}

/// A yew app's component has no host element for `:host([mode=…])` rules to place: the
/// document's stylesheet places the widget's root itself (a corner floats, a bar sticks).
#[wasm_bindgen_test]
async fn placements_work_for_the_component_in_a_document() {
    let style = |element: &Element, property: &str| {
        web_sys::window()
            .unwrap()
            .get_computed_style(element)
            .unwrap()
            .unwrap()
            .get_property_value(property)
            .unwrap()
    };
    let corner = mount(config(&[("mode", "corner"), ("corner", "top-left")]));
    let root = find(&corner, ".sw").await;
    assert_eq!(style(&root, "position"), "fixed");
    let place = root.get_bounding_client_rect();
    assert_eq!((place.top(), place.left()), (16.0, 16.0), "top left, 1rem in");
    let bar = mount(config(&[("mode", "bar")]));
    let root = find(&bar, ".sw").await;
    assert_eq!(style(&root, "position"), "sticky");
    assert_eq!(style(&root, "top"), "0px");
    let banner = mount(config(&[]));
    let root = find(&banner, ".sw").await;
    assert_eq!(style(&root, "position"), "static");
    corner.remove();
    bar.remove();
    banner.remove();
}
