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
 * Opens `url` in a fresh context (UTC, en-GB) and waits for `ready` (a selector; Playwright's
 * CSS reaches into open shadow roots). `problems` collects console errors, uncaught
 * exceptions and Content-Security-Policy violations, for tests to assert empty.
 */
export async function openPage(browser, url, { width = 900, height = 800, ready = '.sw-banner, .sw-error' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'UTC', locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.exposeFunction('__reportViolation', (v) => problems.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  if (ready) await page.locator(ready).first().waitFor({ timeout: 15000 });
  return { page, problems, close: () => context.close() };
}
