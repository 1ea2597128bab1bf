import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import wd from 'selenium-webdriver';
import http from 'selenium-webdriver/http/index.js';
const free = () => new Promise((r) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const port = await free();
const t0 = Date.now();
const proc = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, TZ: 'UTC', LOCPATH: '/tmp/sw/locale', LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB' } });
for (;;) { try { await fetch(`http://127.0.0.1:${port}/status`); break; } catch { await new Promise(r => setTimeout(r, 100)); } }
console.log('driver up', Date.now() - t0);
const caps = () => new wd.Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } });
const exec = new http.Executor(new http.HttpClient(`http://127.0.0.1:${port}`));
const t1 = Date.now();
const driver = wd.WebDriver.createSession(exec, caps());
await driver.getSession();
console.log('session', Date.now() - t1);
await driver.get('data:text/html,<p>hi</p><button>b</button>');
console.log(await driver.executeScript(() => [Intl.DateTimeFormat().resolvedOptions().locale, navigator.language, navigator.languages, new Date(0).toString()]));
const t2 = Date.now();
try { const d2 = wd.WebDriver.createSession(exec, caps()); await d2.getSession(); console.log('second session ok', Date.now() - t2);
await d2.get('data:text/html,two'); console.log(await d2.getTitle(), await driver.executeScript('return document.body.textContent'));
await d2.quit(); } catch (e) { console.log('second session', e.message); }
const t3 = Date.now(); await driver.quit(); console.log('quit', Date.now() - t3);
const t4 = Date.now(); const d3 = wd.WebDriver.createSession(exec, caps()); await d3.getSession(); console.log('third', Date.now()-t4); await d3.quit();
process.kill(-proc.pid, 'SIGTERM');
