import { fileURLToPath } from 'node:url';

// webpack's defaults and nothing about the widget: webpack finds the wasm through the entry's
// `new URL('status-widget_bg.wasm', import.meta.url)` and emits it beside the bundle.
export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('./dist-webpack', import.meta.url)), clean: true },
};
