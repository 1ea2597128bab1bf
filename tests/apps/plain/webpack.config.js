import { fileURLToPath } from 'node:url';

// Nothing about the widget here: webpack finds the wasm through `new URL(…, import.meta.url)`.
export default {
  mode: 'production',
  entry: './src/main.js',
  output: { path: fileURLToPath(new URL('./dist-webpack', import.meta.url)), filename: 'main.js', module: true, clean: true },
  experiments: { outputModule: true },
  target: 'web',
};
