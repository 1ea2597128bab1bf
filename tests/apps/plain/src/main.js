// A host page's own script, bundled by webpack or esbuild with the widget inside.
import { StatusWidgetElement, version } from 'status-widget';

const params = new URLSearchParams(location.search);
const widget = document.createElement('status-widget');
widget.setAttribute('src', params.get('a') ?? '/reference');
widget.setAttribute('locale', 'en-GB');
widget.addEventListener('status-widget:status-change', (event) => {
  document.getElementById('status').textContent = `${event.detail.page}: ${event.detail.description}`;
});
document.body.append(widget);
document.getElementById('title').dataset.version = `${StatusWidgetElement.version} ${version}`;
