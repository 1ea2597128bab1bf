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
// trip less before the widget can draw.
const wasmUrl = new URL('status-widget_bg.wasm', import.meta.url);
const wasm = fetch(wasmUrl);
wasm.catch(() => {}); // a failure is reported below, never as an unhandled rejection
let glue = null;

class StatusWidgetElement extends HTMLElement {
  // Read by customElements.define, which runs after the wasm is ready.
  static get observedAttributes() {
    return glue.settingNames();
  }
  #widget = null;

  connectedCallback() {
    if (this.#widget) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#widget = glue.mount(this, root);
  }

  disconnectedCallback() {
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
    this.shadowRoot?.replaceChildren();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after) this.#widget?.update();
  }
}

try {
  glue = await import('./status-widget-glue.js');
  await glue.default({ module_or_path: wasm });
  if (!customElements.get('status-widget')) customElements.define('status-widget', StatusWidgetElement);
} catch (error) {
  // Never throw into the host page: say so in the console and leave the page alone.
  console.warn('status-widget: could not start', error);
}
