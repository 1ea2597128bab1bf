// Shared by the end-to-end tests: Debian's Chromium through playwright-core, and a page
// opener that records console errors, uncaught exceptions and CSP violations.
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens `url` in a fresh context (UTC, en-GB, `colorScheme`) and waits for `ready` (a
 * selector; Playwright's CSS reaches into open shadow roots). `problems` collects console
 * errors, uncaught exceptions, unhandled rejections, Content-Security-Policy violations and
 * dialogs (dismissed), for tests to assert empty. tests/support/engines.mjs gives Firefox and
 * WebKit the same function, in the same words.
 */
export async function openPage(browser, url, { width = 900, height = 800, ready = '.sw-banner, .sw-error', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'UTC', locale: 'en-GB', colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`.trimEnd()); await d.dismiss(); });
  await page.exposeFunction('__reportProblem', (v) => problems.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportProblem(`csp: ${e.violatedDirective} ${e.blockedURI}`));
    // Playwright reports a rejection nobody handles as a pageerror only in some versions.
    addEventListener('unhandledrejection', (e) => setTimeout(() => e.defaultPrevented
      || window.__reportProblem(`unhandled rejection: ${e.reason?.message ?? e.reason}`)));
  });
  await page.goto(url);
  if (ready) await page.locator(ready).first().waitFor({ timeout: 15000 });
  return { page, problems, close: () => context.close() };
}
