// The standalone page: settings come from the query string (?src=…&now=…), restricted to
// the widget's own setting names, and the page reports its height to a parent frame so an
// <iframe> embed can size itself (see the README's iframe fallback).
// Imported on its own (the package's `status-widget/standalone`), it brings the element too.
import './status-widget.js';

await customElements.whenDefined('status-widget');
// The settings' names only: the element also observes its own `lang` and `dir`, which are
// not settings (the page has its own).
const names = new Set(customElements.get('status-widget').observedAttributes.filter((n) => n !== 'lang' && n !== 'dir'));
const widget = document.createElement('status-widget');
widget.setAttribute('mode', 'page');
for (const [name, value] of new URLSearchParams(location.search)) {
  if (names.has(name)) widget.setAttribute(name, value);
}
const mount = document.getElementById('status-widget-mount');
if (mount) mount.replaceWith(widget);
else document.body.append(widget);
// The page around the widget takes the same colour scheme.
const theme = widget.getAttribute('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

// The page is titled after the status page it shows, in the widget's language, and takes
// the widget's language and direction.
widget.addEventListener('status-widget:status-change', (event) => {
  const name = event.detail?.page;
  if (typeof name !== 'string' || !name.trim()) return;
  const root = widget.shadowRoot?.querySelector('.sw');
  const lang = root?.getAttribute('lang') ?? document.documentElement.lang;
  if (root) {
    document.documentElement.lang = lang;
    document.documentElement.dir = root.getAttribute('dir') ?? 'ltr';
  }
  const title = customElements.get('status-widget').statusTitle(name.trim(), lang);
  document.title = title;
  const heading = document.querySelector('.page__title');
  if (heading) heading.textContent = title;
});

if (window.parent !== window) {
  // Framed: only the widget, no links around it.
  document.getElementById('examples')?.remove();
  document.querySelector('.page__title')?.remove();
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      // Only a number leaves the frame; the parent checks event.origin before using it.
      window.parent.postMessage({ type: 'status-widget:height', height }, '*');
    }
  }).observe(document.documentElement);
}
