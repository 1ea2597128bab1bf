import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// FEEDS: the test's feed server, proxied so the page reads feeds from its own origin; with
// it, the dev server's page also loads the test's problem probe (tests/support/probe.js),
// which the Firefox and WebKit drivers read.
const feeds = process.env.FEEDS;
const probe = { name: 'probe', transformIndexHtml: () => (feeds ? [{ tag: 'script', attrs: { src: '/__probe.js' }, injectTo: 'head-prepend' }] : []) };
export default defineConfig({
  base: './',
  plugins: [react(), probe],
  server: feeds ? { proxy: { '/faults': feeds, '/reference': feeds, '/__probe.js': feeds } } : {},
});
