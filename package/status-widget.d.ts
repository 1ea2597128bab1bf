// status-widget.d.ts: written by `cargo run --example contract` from src/config.rs and
// src/contract.rs (the tables the README's contract comes from). Do not edit by hand.

/** An overall indicator: Statuspage's names, or another value a feed sent, as written. */
export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | (string & {});

/** What `status-widget:error`'s `detail.kind` says went wrong. */
export type StatusWidgetErrorKind = 'network' | 'http' | 'timeout' | 'too-large' | 'not-json' | 'not-status-document' | 'unsupported' | 'no-match' | 'load';

/** The `detail` of `status-widget:status-change`. */
export interface StatusChangeDetail {
  readonly indicator: StatusIndicator;
  readonly description: string | null;
  readonly previous: StatusIndicator | null;
  readonly page: string | null;
}

/** The `detail` of `status-widget:incident-open`, `status-widget:incident-update`, `status-widget:incident-resolve`. */
export interface IncidentDetail {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly impact: string;
  readonly maintenance: boolean;
  readonly shortlink: string | null;
  readonly page: string | null;
}

/** The `detail` of `status-widget:error`. */
export interface ErrorDetail {
  readonly kind: StatusWidgetErrorKind;
  readonly message: string;
}

/** The `detail` of `status-widget:expand`, `status-widget:collapse`, `status-widget:dismiss`. */
export type StatusWidgetEmptyDetail = Record<string, never>;

/** Every event the element dispatches (bubbling and composed: `document` hears them too). */
export interface StatusWidgetEventMap {
  /** Sent when the overall indicator differs from the last picture shown (then `previous` is the indicator before), and once for the first picture: the first ever, the first after `src` or `components` changes or a replay step back in time, the first with another source's page in it (its `page` names them all), and the first with all of a base URL's documents in it, when its indicator differs from the summary's shown alone before it; for these `previous` is `null`. */
  'status-widget:status-change': CustomEvent<StatusChangeDetail>;
  /** Sent when an incident or maintenance became active. */
  'status-widget:incident-open': CustomEvent<IncidentDetail>;
  /** Sent when an active one got a new update or status. */
  'status-widget:incident-update': CustomEvent<IncidentDetail>;
  /** Sent when an active one ended (or left the feed). */
  'status-widget:incident-resolve': CustomEvent<IncidentDetail>;
  /** Sent when the timeline opened (click, Enter, Space). */
  'status-widget:expand': CustomEvent<StatusWidgetEmptyDetail>;
  /** Sent when the timeline closed (click, Enter, Space, Escape). */
  'status-widget:collapse': CustomEvent<StatusWidgetEmptyDetail>;
  /** Sent when the reader pressed the dismiss button (`dismissible`). */
  'status-widget:dismiss': CustomEvent<StatusWidgetEmptyDetail>;
  /** Sent when the feed could not be read, or the `components` filter matches nothing in it (then no status-change is sent: the screen shows no status), or the widget's own wasm could not load (each widget then says so). */
  'status-widget:error': CustomEvent<ErrorDetail>;
}

/** The element's attributes (the same names work as the standalone page's query parameters). */
export interface StatusWidgetAttributes {
  /** A status page's base URL (the widget reads `/api/v2/summary.json`, `incidents.json` and `scheduled-maintenances.json` under it, at once, showing the summary first) or the URL of one Statuspage v2 JSON document (any path ending in `.json`). Several URLs separated by spaces are shown as one picture: the worst status of them all, each incident and component labelled with its page's name, and a source that fails reported by name while the others stay. Default: the built-in reference incident. */
  src?: string | undefined;
  /** `banner`: inline in the page flow. `bar`: across the top, staying in view while scrolling (it sticks within its parent: place it first in the page's body or scrolling container, not in a header that scrolls away); open, it is at most half the viewport tall and its timeline scrolls inside, so it never covers the host's content. `corner`: a floating popup in a corner of the viewport (see `corner`; on screens under 480 px a strip along the top or bottom edge), never taller than the viewport, its timeline scrolling inside. `page`: a full status page, timeline open. Default: `banner`. */
  mode?: 'banner' | 'bar' | 'corner' | 'page' | undefined;
  /** Where `mode="corner"` floats. The names are physical: `bottom-left` is the bottom left on a right-to-left page too. Default: `bottom-right`. */
  corner?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | undefined;
  /** Shows only these components and the incidents that touch them; the overall status is worked out from them. Case-insensitive; a group name includes its children; with several sources, a page's name includes all of that page. Default: all components. */
  components?: string | undefined;
  /** Language and format of dates and times. A tag the browser cannot write dates in (malformed, or an unknown language such as `xx`) is dropped with a console warning, and the page's language is used. Default: the host page's `lang`, else the browser's. */
  locale?: string | undefined;
  /** Time zone for every displayed time. Unknown names fall back to the viewer's zone. Default: the viewer's zone. */
  'time-zone'?: string | undefined;
  /** Colour scheme; `auto` follows the reader's `prefers-color-scheme`. Default: `auto`. */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /** How often the feed is read again (±10% at random, so tabs spread out; doubled after each failure up to 10 minutes; never sooner than a 429/503 `Retry-After`; paused while the page is hidden). A failed refresh keeps the last good data on screen. At least 10 and at most 86400 (a day): values outside read as the nearer bound, with a console warning. Feeds on the host's own loopback (`127.0.0.1`, `localhost`, `::1`) may poll down to 0.005 s, for tests. Default: 60. */
  poll?: number | `${number}` | undefined;
  /** How long one read may take before it is abandoned and counted as a failure. At most 300 (five minutes): larger values read as 300, with a console warning. Default: 10. */
  timeout?: number | `${number}` | undefined;
  /** Pins the clock and shows the feed as it stood then: later updates are hidden and statuses replayed. For demos and tests. Default: `live` (with no `src`: 2020-02-05T10:40:00Z). */
  now?: 'live' | (string & {}) | undefined;
  /** Adds a button that hides the banner. The choice is remembered (in `localStorage`, per site and per status page: dismissing one page's widget hides no other page's) for the incidents it shows and their latest updates: a newer update, or another incident, brings the banner back; with nothing active, for the overall status until it changes. Where storage is unavailable it lasts until the page is reloaded. Default: false. */
  dismissible?: boolean | 'true' | 'false' | '' | undefined;
  /** Opens the timeline. Changed later, it opens or closes it (with no `expand` or `collapse` event: those report what the reader did). Default: false. */
  expanded?: boolean | 'true' | 'false' | '' | undefined;
  /** Resolved incidents and completed or cancelled maintenances of this many days (today included) are listed by day under the timeline, newest first, each opening to its updates. A day without any says "No incidents reported" only when the documents list every incident of that day (an `incidents.json` does, for the days after its oldest resolution); days they do not cover are left out, with a line linking to the status page's own history. Default: 14. */
  'history-days'?: number | `${number}` | undefined;
  /** Scheduled maintenance starting within this many days is announced with its window and a countdown. Maintenance under way always shows, in the banner too. Default: 7. */
  'maintenance-days'?: number | `${number}` | undefined;
  /** An incident that began during a scheduled maintenance, or within this many hours after it ended, on components they share, says so ("Began 4 hr 21 min after the scheduled maintenance … on the same components") and opens to that maintenance's timeline. It is shown as a coincidence in time and components: the status page does not say one caused the other. Default: 24. */
  'near-maintenance-hours'?: number | `${number}` | undefined;
}

/** `<status-widget>`: a status banner that expands into an incident timeline. */
export declare class StatusWidgetElement extends HTMLElement {
  /** The package's version (the crate's too). */
  static readonly version: string;
  /** The attribute names the element observes: every key of `StatusWidgetAttributes`, and `lang` and `dir` (empty before the wasm is ready). */
  static readonly observedAttributes: ReadonlyArray<string>;
  /** "Datto status" in the language `lang` names, from the widget's message table (the name alone before the wasm is ready). */
  static statusTitle(name: string, lang?: string): string;
  addEventListener<K extends keyof StatusWidgetElementEventMap>(type: K, listener: (this: StatusWidgetElement, event: StatusWidgetElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StatusWidgetElementEventMap>(type: K, listener: (this: StatusWidgetElement, event: StatusWidgetElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's events beside those of every HTML element. */
export interface StatusWidgetElementEventMap extends HTMLElementEventMap, StatusWidgetEventMap {}

/** The package's version (the crate's too). */
export declare const version: string;

declare global {
  interface HTMLElementTagNameMap {
    'status-widget': StatusWidgetElement;
  }
  // The events bubble out of the element and its shadow root, up to the window.
  interface DocumentEventMap extends StatusWidgetEventMap {}
  interface WindowEventMap extends StatusWidgetEventMap {}
}
