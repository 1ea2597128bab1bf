import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// FEEDS: the test's feed server, proxied so the page reads feeds from its own origin; with
// it, the dev server's page also loads the test's problem probe (tests/support/probe.js),
// which the Firefox and WebKit drivers read.
const feeds = process.env.FEEDS;
const probe = { name: 'probe', transformIndexHtml: () => (feeds ? [{ tag: 'script', attrs: { src: '/__probe.js' }, injectTo: 'head-prepend' }] : []) };
export default defineConfig({
  base: './',
  // The one line a Vue host adds: <status-widget> is a custom element, not a Vue component.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'status-widget' } } }), probe],
  server: feeds ? { proxy: { '/faults': feeds, '/reference': feeds, '/__probe.js': feeds } } : {},
});
