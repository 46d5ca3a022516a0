// Shared plumbing for the end-to-end tests (node:test + playwright-core).
//
// Typical use:
//
//   import { before, after, test } from 'node:test';
//   import { openSession } from './helpers.mjs';
//   let s;
//   before(async () => { s = await openSession(); });
//   after(() => s?.close());
//   test('page loads', async () => {
//     const { page, errors, requests } = await s.newPage();
//     await page.goto(s.base + 'index.html');
//     assertOnlyLocal(requests); assert.deepEqual(errors, []);
//   });
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = REPO + 'www';
export const SCREENSHOTS = REPO + 'artifacts/screenshots';

// Debian's Chromium: a test tool's own browser download cannot work here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Headless as root in a sandbox with no outside network: without the
// background-networking flags Chromium keeps dialling Google's hosts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Fails early, with the fix, when the wasm package has not been built. */
/** The engine's own answer, computed in Node from the wasm file the page loads. */
export async function engineResult(preset, trials = 10_000, seed = 2025) {
  const bindings = await import(`${REPO}www/pkg/mentorsim.js`);
  bindings.initSync({ module: await readFile(`${REPO}www/pkg/mentorsim_bg.wasm`) });
  return bindings.simulate(bindings.preset(preset), { trials, seed });
}

/** The engine's own answer to "what does it take?" for a preset, computed in Node. */
export async function engineSolve(preset, request, trials = 10_000, seed = 2025) {
  const bindings = await import(`${REPO}www/pkg/mentorsim.js`);
  bindings.initSync({ module: await readFile(`${REPO}www/pkg/mentorsim_bg.wasm`) });
  return bindings.solve(bindings.preset(preset), request, { trials, seed });
}

/** The engine's own plan for targets of a preset ("what does it take?" as a plan), computed in Node. */
export async function enginePlan(preset, request, trials = 10_000, seed = 2025) {
  const bindings = await import(`${REPO}www/pkg/mentorsim.js`);
  bindings.initSync({ module: await readFile(`${REPO}www/pkg/mentorsim_bg.wasm`) });
  return bindings.plan(bindings.preset(preset), request, { trials, seed });
}

/** How the engine prints a figure x with standard error se: [value, decimals, band, bandDecimals]. */
export async function enginePrinted(x, se) {
  const bindings = await import(`${REPO}www/pkg/mentorsim.js`);
  bindings.initSync({ module: await readFile(`${REPO}www/pkg/mentorsim_bg.wasm`) });
  return [...bindings.printed(x, se)];
}

export function requireBuild() {
  for (const file of ['www/pkg/mentorsim.js', 'www/pkg/mentorsim_bg.wasm']) {
    assert.ok(existsSync(REPO + file), `${file} is missing: run \`make wasm\` first`);
  }
}

/**
 * Starts scripts/serve.mjs on a free port. Returns { base, origin, port, close }
 * where base ends with '/'. Pass root for a second origin (a host page).
 */
export async function startServer({ root = WWW, port = 0 } = {}) {
  const child = spawn(
    process.execPath,
    [REPO + 'scripts/serve.mjs', '--root', root, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const address = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = line.match(/(http:\/\/\S+\/)$/);
      m ? resolve(m[1]) : reject(new Error(`unexpected serve.mjs output: ${line}`));
    });
  });
  const url = new URL(address);
  return {
    base: address,
    origin: url.origin,
    port: Number(url.port),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** Launches headless Chromium; launch() gives it a fresh temporary profile. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A new context and page that records every request URL (the page's, its
 * workers' and its frames') and every error: console.error messages, uncaught
 * exceptions and failed requests.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, locale = 'en-GB', serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers });
  const page = await context.newPage();
  // Generous: every wait is for a state, and on a machine whose cores are all busy a state can take long.
  page.setDefaultTimeout(120_000);
  const requests = [];
  const errors = [];
  // A load that the test's own next navigation cancels fails with ERR_ABORTED: that is the navigation, not
  // the page. So does a worker's load of the engine (pkg/) when the page ends the worker because its job
  // is no longer wanted (an edit cancels the tools' answers; Chromium gives a worker's requests its page's
  // frame, so the URL tells them). An engine the page itself needed and lost would keep it from its ready
  // state, which every test waits for. Every other failure is an error.
  let navigations = 0;
  const issuedAt = new WeakMap();
  context.on('request', (r) => {
    requests.push(r.url());
    issuedAt.set(r, navigations);
    if (r.isNavigationRequest() && frameOf(r) === page.mainFrame()) navigations += 1;
  });
  context.on('requestfailed', (r) => {
    const text = r.failure()?.errorText;
    const aborted = text === 'net::ERR_ABORTED';
    const engine = new URL(r.url()).pathname.includes('/pkg/');
    if (aborted && (navigations > (issuedAt.get(r) ?? navigations) || frameOf(r) === null || engine)) return;
    errors.push(`request failed: ${r.url()} (${text})`);
  });
  context.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  context.on('weberror', (e) => errors.push(`uncaught: ${e.error().message}`));
  return { context, page, requests, errors };
}

/** The frame a request came from, or null for a worker's own request. */
function frameOf(request) {
  try {
    return request.frame();
  } catch {
    return null;
  }
}

/** Asserts that no request went anywhere but this machine. */
export function assertOnlyLocal(requests) {
  const outside = requests.filter((u) => {
    const { protocol, hostname } = new URL(u);
    if (['data:', 'blob:', 'about:'].includes(protocol)) return false;
    return !['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  });
  assert.deepEqual(outside, [], 'the page must load nothing from other hosts');
}

/**
 * Does `act` (a key press, a fill, a click) on a page or a widget's frame and waits until the run it
 * started is done and drawn (state "ready"), in that document's own clock: with quick answers the run can
 * end before a test would look for it under way.
 */
export async function settleAfter(target, act, timeout = 60_000) {
  const t = await target.evaluate(() => {
    if (!window.__readyAt) {
      window.__readyAt = [];
      new MutationObserver(() => document.body.dataset.state === 'ready' && window.__readyAt.push(performance.now())).observe(document.body, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    }
    return performance.now();
  });
  await act();
  await target.waitForFunction((t) => window.__readyAt.some((at) => at > t), t, { timeout });
}

/** Saves a full-page screenshot to artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One server for www/, optionally a second one for a host page (hostRoot), and
 * a browser. close() shuts all of them down; call it from after().
 */
export async function openSession({ hostRoot } = {}) {
  const opened = [];
  const close = async () => {
    await Promise.allSettled(opened.splice(0).reverse().map((c) => c()));
  };
  try {
    const app = await startServer();
    opened.push(app.close);
    const host = hostRoot ? await startServer({ root: hostRoot }) : null;
    if (host) opened.push(host.close);
    const browser = await launchBrowser();
    opened.push(() => browser.close());
    return {
      base: app.base,
      origin: app.origin,
      hostBase: host?.base,
      hostOrigin: host?.origin,
      browser,
      newPage: (options) => newPage(browser, options),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * A session for the suite it is called in: opened (after requireBuild) before
 * its tests, closed after them. The object returned is filled in place, so a
 * suite writes `const s = suiteSession();` and uses `s.base`, `s.newPage()`.
 */
export function suiteSession(options) {
  const s = {};
  before(async () => {
    requireBuild();
    Object.assign(s, await openSession(options));
  });
  after(async () => {
    await s.close?.();
  });
  return s;
}
