// The problem probe of the end-to-end tests in Firefox and WebKit (tests/support/engines.mjs).
// tests/support/server.mjs puts it first in the <head> of a page whose address (or whose
// parent's, for a frame) carries `__probe=1`, so it runs before any script of the page. It
// records what Playwright reports for Chromium, in the same words, into
// `window.__swProblems` (the top window's, for a same-origin frame), which the adapter reads
// after every command:
//   console: …              console.error calls
//   uncaught: …             uncaught exceptions no handler cancelled (event.preventDefault)
//   unhandled rejection: …  rejections no handler cancelled
//   csp: DIRECTIVE URI      Content-Security-Policy violations
//   dialog: KIND message    alert / confirm / prompt / print (answered at once, never shown)
// A same-origin external script, so the strict `script-src 'self'` policy lets it run.
(() => {
  let sink = null;
  try {
    if (window.top !== window && Array.isArray(window.top.__swProblems)) sink = window.top.__swProblems;
  } catch {
    // another origin's frame: keep this frame's problems to itself
  }
  const problems = sink ?? [];
  Object.defineProperty(window, '__swProblems', { value: problems, configurable: false, enumerable: false });
  const record = (text) => problems.push(text);
  const text = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  const message = (value) => (value instanceof Error || (value && typeof value.message === 'string') ? value.message : String(value));

  const error = console.error;
  console.error = function (...args) {
    record(`console: ${args.map(text).join(' ')}`);
    return error.apply(this, args);
  };
  // Whether a later listener cancels the event is known only once dispatch is over.
  addEventListener('error', (event) => {
    setTimeout(() => event.defaultPrevented || record(`uncaught: ${event.error === undefined ? event.message : message(event.error)}`));
  });
  addEventListener('unhandledrejection', (event) => {
    setTimeout(() => event.defaultPrevented || record(`unhandled rejection: ${message(event.reason)}`));
  });
  document.addEventListener('securitypolicyviolation', (event) =>
    record(`csp: ${event.violatedDirective} ${event.blockedURI}`));
  for (const [kind, answer] of [['alert', undefined], ['confirm', false], ['prompt', null], ['print', undefined]]) {
    window[kind] = (value) => {
      record(`dialog: ${kind} ${value ?? ''}`.trimEnd());
      return answer;
    };
  }
})();
