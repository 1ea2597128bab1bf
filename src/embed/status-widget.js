// status-widget.js: the one file a host page loads.
//
//   <script type="module" src="https://HOST/status-widget.js"></script>
//   <status-widget src="https://status.example.com"></status-widget>
//
// Defines the <status-widget> custom element. Rust cannot subclass HTMLElement, so this
// small shim does, and hands each element's shadow root to the wasm app. The module (and so
// the wasm) loads once however many widgets a page has. No eval, no inline script, no
// <style> element: it runs under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// The wasm download starts at once, alongside the glue's, instead of after it: one round
// trip less before the widget can draw. Importing the module never waits for the wasm (no
// top-level await): a host app that imports it renders at once, and the element is defined,
// upgrading the widgets already in the page, when the wasm is ready. Imported where there is
// no DOM (a server render), it does nothing.
// The package's version (the crate's too); scripts/finish-dist.mjs writes it in from Cargo.toml.
export const version = '0.0.0-source';
const prefix = `status-widget ${version}:`;
const inBrowser = typeof document !== 'undefined' && typeof customElements !== 'undefined';

// Bundlers (Vite, webpack) see this `new URL('…', import.meta.url)` and emit the wasm beside
// the code that asks for it.
const wasmUrl = new URL('status-widget_bg.wasm', import.meta.url);
const wasm = inBrowser ? fetch(wasmUrl) : Promise.reject(new Error('no DOM here'));
wasm.catch(() => {}); // a failure is reported below, never as an unhandled rejection
// The browser's number and date data (ICU) loads on the first use of `Intl`: 30-40 ms in
// Chromium, then 5-12 ms more for dates. Done now, in two tasks of their own while the wasm
// downloads and compiles, it is not part of the task that draws the first picture.
if (inBrowser) {
  const warm = (make) => () => { try { make(); } catch { /* no Intl: the widget copes */ } };
  setTimeout(warm(() => new Intl.NumberFormat().format(0)), 0);
  setTimeout(warm(() => new Intl.DateTimeFormat().format(0)), 0);
}
// The glue's address, for telling our traps from the host's (below): beside the wasm, as the
// bundle ships them. Written so that bundlers see no second asset here (the glue is already a
// chunk of theirs through the import below, and webpack would write the build machine's path
// for a bare `import.meta.url`). In a bundle it is not the chunk's address; the wasm's tells.
const glueUrl = new URL(wasmUrl);
glueUrl.pathname = glueUrl.pathname.replace(/[^/]*$/, 'status-widget-glue.js');
glueUrl.search = glueUrl.hash = '';

// The first document of each source of the widgets already on the page is requested now, while
// the wasm downloads and compiles, instead of after. The widget's first read of that address
// takes this response (once) rather than asking again: one request either way. The address
// is worked out as `document_urls` in src/feed.rs does; an address the widget does not ask
// for is simply never taken.
const prefetched = new Map();
function firstDocument(src) {
  const query = src.search(/[?#]/);
  const cut = query < 0 ? src.length : query;
  const path = src.slice(0, cut);
  if (path.endsWith('.json')) return src;
  const base = path.replace(/\/+$/, '');
  return `${base}${base.endsWith('/api/v2') ? '' : '/api/v2'}/summary.json${src.slice(cut)}`;
}
for (const element of inBrowser ? document.querySelectorAll('status-widget[src]') : []) {
  for (const src of element.getAttribute('src').trim().split(/\s+/)) {
    const url = src && firstDocument(src);
    if (!url || prefetched.has(url)) continue;
    const controller = new AbortController();
    const response = fetch(url, { cache: 'no-cache', signal: controller.signal });
    response.catch(() => {}); // the widget reports a failure when it takes the response
    prefetched.set(url, { response, controller });
  }
}
function takePrefetched(url, signal) {
  const entry = prefetched.get(url);
  if (!entry) return undefined;
  prefetched.delete(url);
  if (signal.aborted) entry.controller.abort();
  signal.addEventListener('abort', () => entry.controller.abort(), { once: true });
  return entry.response;
}

// Modules a widget may need before it renders, each loaded only when one does: the words
// of each language but English (which the wasm holds), so an English reader downloads none
// of them, and the reference incident a widget without `src` shows (the demo's). Static
// import() calls: bundlers follow these and emit each as a chunk.
const MODULES = {
  'lang-es': () => import('./status-widget-lang-es.js'),
  'lang-de': () => import('./status-widget-lang-de.js'),
  'lang-fr': () => import('./status-widget-lang-fr.js'),
  'lang-pt': () => import('./status-widget-lang-pt.js'),
  'lang-ar': () => import('./status-widget-lang-ar.js'),
  'reference': () => import('./status-widget-reference.js'),
};
const imports = new Map();
function importModule(name) {
  if (!imports.has(name)) {
    const module = MODULES[name]();
    module.catch(() => {}); // reported when handed over (below)
    imports.set(name, module);
  }
  return imports.get(name);
}
// What the widgets already on the page need is requested now, while the wasm loads: a guess
// from what the widget reads (its `src`; its `locale`, else the page's `lang`, else the
// browser's); the wasm says what a widget really needs (`missingModules`).
for (const element of inBrowser ? document.querySelectorAll('status-widget') : []) {
  if (!element.getAttribute('src')?.trim()) importModule('reference');
  const tag = element.getAttribute('locale') || element.closest('[lang]')?.getAttribute('lang') || navigator.language || '';
  const name = `lang-${tag.trim().split(/[-_]/)[0].toLowerCase()}`;
  if (Object.hasOwn(MODULES, name)) importModule(name);
}
// Resolves once module `name` is in the wasm, or given up on: a language then reads as
// English, as one the widget does not ship; the reference incident as a failed read. The
// console says why.
const handed = new Map();
function loadModule(name) {
  if (!handed.has(name)) {
    const what = name === 'reference' ? 'the reference incident' : `the ${name.slice(5)} texts`;
    const is = name === 'reference' ? 'is' : 'are';
    const instead = name === 'reference' ? '' : ': English instead';
    // A request that never answers counts as failed after 10 s (as a feed read does), so
    // the widget does not stay an empty box.
    let timer;
    const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10000); });
    const module = Object.hasOwn(MODULES, name) ? importModule(name) : Promise.reject(new Error('not shipped'));
    handed.set(name, Promise.race([module, late]).finally(() => clearTimeout(timer))
      .then((module) => {
        if (stopped) return;
        if (!glue.addModule(name, String(module.default))) console.warn(`${prefix} ${what} ${is} of another version${instead}`);
      }, (error) => {
        if (stopped) return;
        glue.addModule(name, undefined);
        console.warn(`${prefix} ${what} could not load${instead}`, error);
      }));
  }
  return handed.get(name);
}

let glue = null;
// Connected widgets (some may sit in other shadow roots), for the fallback below.
const widgets = new Set();
let stopped = null;
// Where the wasm really came from (after redirects): trap stacks name that address.
let wasmFrom = wasmUrl.href;
wasm.then((response) => { wasmFrom = response.url || wasmFrom; }, () => {});

// A Rust panic in the release build traps at once (panic = immediate-abort), and a trap stops
// the one wasm instance every widget shares. Turn it into one console error and a short
// readable message in each widget, instead of a frozen box and an uncaught error in the host
// page. Only traps that come through our glue or wasm count; the host's own errors pass.
// Chromium keeps the innermost 10 frames, so a trap deep in a render may show only wasm
// frames: those carry the wasm's address when it was compiled while streaming, which needs
// the server to send it as `application/wasm` (the README says so).
function stop(event) {
  const error = event.error ?? event.reason;
  const stack = String(error?.stack ?? '');
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  if (!stack.includes(glueUrl.href) && !stack.includes(wasmFrom)) return;
  event.preventDefault();
  if (stopped) return;
  stopped = error;
  console.error(`${prefix} stopped after an internal error:`, error);
  for (const element of widgets) showStopped(element);
}
// After a trap the wasm must not be called again; the adopted stylesheet stays.
function showStopped(element) {
  showMessage(element, 'Status is unavailable right now: the status widget stopped after an internal error.');
}
function showMessage(element, text) {
  const message = document.createElement('p');
  message.className = 'sw sw-error';
  message.setAttribute('role', 'status');
  message.textContent = text;
  element.shadowRoot?.replaceChildren(message);
}
// Without the wasm there is no widget stylesheet: the message gets a small one of its own
// (a constructed sheet, as strict policies allow), in the widget's default look.
let messageSheet = null;
function styleMessage(root) {
  try {
    if (!messageSheet) {
      messageSheet = new CSSStyleSheet();
      messageSheet.replaceSync(':host{display:block}.sw-error{margin:0;padding:.5rem .75rem;border:1px solid #d5d9df;border-radius:8px;background:#fff;color:#1b1f24;font:.875rem/1.45 system-ui,sans-serif}');
    }
    if (!root.adoptedStyleSheets.includes(messageSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, messageSheet];
  } catch {
    // An engine without constructed sheets shows the message unstyled.
  }
}
if (inBrowser) {
  addEventListener('error', stop);
  addEventListener('unhandledrejection', stop);
}
// Whether the wasm could not start (a download that failed, a policy that refuses to compile
// it), and why: each widget then says so instead of staying an empty box.
let failed = false;
let failure = '';
// Widgets connected before the wasm was ready (only a host that defined a subclass of the
// exported class early can have these), with how to mount each: mounted once it is.
const waiting = new Map();

// The dismiss button takes the widget away: focus moves on to the host page's next control
// (or, at the end of the page, its previous one), never lost to <body>.
function moveFocusOn(event) {
  const element = event.currentTarget;
  if (!element.contains(document.activeElement)) return;
  setTimeout(() => {
    const controls = [...document.querySelectorAll('a[href],button,input,select,textarea,summary,[tabindex]')]
      .filter((c) => c.tabIndex >= 0 && !c.disabled && !element.contains(c) && c.getClientRects().length);
    const after = controls.find((c) => element.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
    (after ?? controls.filter((c) => element.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_PRECEDING).pop())?.focus();
  });
}

export class StatusWidgetElement extends (globalThis.HTMLElement ?? class {}) {
  static version = version;
  // Read by customElements.define, which runs once the wasm is ready: every setting, and the
  // element's own `lang` and `dir`, which the widget also reads.
  static get observedAttributes() {
    return glue ? [...glue.settingNames(), 'lang', 'dir'] : [];
  }
  // "Datto status" in the language `lang` names (the widget's message table), for a page
  // that titles itself after the status page it shows (the standalone page does). Before
  // the wasm is ready, or without it, the name alone.
  static statusTitle(name, lang) {
    return stopped || !glue ? `${name}` : glue.statusTitle(String(name), String(lang ?? ''));
  }
  #widget = null;
  #reported = false;

  connectedCallback() {
    widgets.add(this);
    if (this.#widget) return;
    this.removeEventListener('status-widget:dismiss', moveFocusOn);
    this.addEventListener('status-widget:dismiss', moveFocusOn);
    this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#mount();
  }

  // Mounts the widget once it can: the wasm ready, and the modules it needs handed over.
  // (A method of its own, not connectedCallback again: a host's subclass hears one
  // connectedCallback per connection.)
  #mount() {
    const root = this.shadowRoot;
    if (stopped) return showStopped(this);
    if (failed) {
      styleMessage(root);
      showMessage(this, 'Status is unavailable right now: the status widget could not load.');
      // Once per widget, and after the current task, like every other error: a host that
      // adds its listener right after inserting the element hears it.
      if (!this.#reported) {
        this.#reported = true;
        setTimeout(() => this.dispatchEvent(new CustomEvent('status-widget:error', {
          bubbles: true, composed: true, detail: { kind: 'load', message: `${prefix} could not start: ${failure}` },
        })));
      }
      return;
    }
    if (!glue) {
      waiting.set(this, () => this.#mount());
      return;
    }
    // What it needs first (its language, so its first words are in it).
    const missing = glue.missingModules(this);
    if (missing.length) {
      Promise.all(missing.map(loadModule)).then(() => {
        if (this.isConnected && !this.#widget) this.#mount();
      });
      return;
    }
    this.#widget = glue.mount(this, root);
  }

  disconnectedCallback() {
    widgets.delete(this);
    waiting.delete(this);
    if (stopped || !this.#widget) return;
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
    this.shadowRoot?.replaceChildren();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after) this.#update();
  }

  // Every change takes effect at once; a new language's words (and a reference incident
  // newly needed) when they are here: the wasm keeps the words it has until then.
  #update() {
    if (stopped || !this.#widget) return;
    const missing = glue.missingModules(this);
    this.#widget.update();
    if (missing.length) Promise.all(missing.map(loadModule)).then(() => this.#update());
  }
}

async function start() {
  try {
    const loaded = await import('./status-widget-glue.js');
    await loaded.default({ module_or_path: wasm });
    glue = loaded;
    glue.usePrefetched(takePrefetched);
    // The widgets mount in a task of their own: instantiating the wasm and drawing the first
    // widgets in one task made it long (their first calls compile lazily).
    await new Promise((resolve) => setTimeout(resolve, 0));
  } catch (error) {
    // Never throw into the host page: say so in the console, and in each widget (the element
    // is defined all the same, to say it).
    failed = true;
    failure = String(error?.message || error);
    console.warn(`${prefix} could not start`, error);
  }
  try {
    if (!customElements.get('status-widget')) customElements.define('status-widget', StatusWidgetElement);
  } catch (error) {
    // The class is already defined under another name (a host's own define): that one works.
    console.warn(`${prefix} <status-widget> not defined:`, error);
  }
  for (const [element, mount] of [...waiting]) {
    waiting.delete(element);
    if (element.isConnected) mount();
  }
  // Defining the element mounted the widgets already in the page (those waiting for a module
  // once it is here), and their first reads took their responses in microtasks. Whatever is
  // left (a widget removed or re-pointed while the wasm loaded) must not be served later as
  // fresh: drop it.
  await Promise.allSettled(handed.values());
  setTimeout(() => {
    for (const { controller } of prefetched.values()) controller.abort();
    prefetched.clear();
  });
}
if (inBrowser) start();
