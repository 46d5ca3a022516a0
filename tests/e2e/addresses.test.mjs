// Generated addresses: the page and the widget given query strings no one
// chose (every parameter, hostile values, very long ones, broken encodings,
// script-like text) reach `ready` (the default, or what the address asks
// for) or `error` with a notice; never a blank page, an uncaught error or an
// unhandled rejection; text from the address is only ever shown as text.
//
// Seeded (mulberry32), so every run tries the same addresses.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSession, requireBuild } from './helpers.mjs';

const PAGE_CASES = 200;
const WIDGET_CASES = 100;

/** A small seeded generator: the same addresses on every run. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Script-like text: if any of it ran, it would set window.__pwned.
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "javascript:window.__pwned=1",
  '</title><svg onload="window.__pwned=1">',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"budget.constant":"<b>x</b>"}',
  '{"budget.constant":-5,"outcomes.employed":1.7}',
  '{"a..b":1,"budget.constant":3000000}',
  '[1,2,3]',
  'null',
  '{',
  '%E0%A4%A',
  '%',
  '%00',
  '\u202eevil\u202c',
  '😀'.repeat(50),
  '\u0000\u0001\u0002',
  '1e309',
  'NaN',
  '-1',
  '9007199254740993',
  '',
];

const PAGE_PARAMS = ['preset', 'edits', 'pin', 'trials', 'seed', 'lang', 'present', 'budget.constant', 'cost_per_duo', 'intake.points', 'x'];
const WIDGET_PARAMS = ['preset', 'edits', 'trials', 'seed', 'lang', 'lead', 'controls', 'theme', 'accent', 'font', 'title', 'intro'];
const GOOD = {
  preset: ['actiris-2028', 'team4job', 'brussels-2018-2019'],
  lang: ['fr', 'nl', 'en'],
  trials: ['300', '500'],
  seed: ['1', '2025'],
  present: ['1', '0'],
  lead: ['target', 'employed', 'perspective-public'],
  controls: ['budget', 'budget,effect', 'none'],
  theme: ['dark', 'light'],
};

function value(rand, name) {
  const r = rand();
  if (r < 0.45 && GOOD[name]) return GOOD[name][Math.floor(rand() * GOOD[name].length)];
  if (r < 0.9) return HOSTILE[Math.floor(rand() * HOSTILE.length)];
  // Very long.
  // Very long, within what a server takes in a request line (16 KiB in Node).
  return 'x'.repeat(1000 + Math.floor(rand() * 2500));
}

/** One generated query string; raw (not encoded) pieces now and then. */
function address(rand, params) {
  const parts = [];
  const n = 1 + Math.floor(rand() * 5);
  // Most addresses ask for few trials, so that each answer comes quickly.
  if (rand() < 0.7) parts.push('trials=300');
  for (let i = 0; i < n; i++) {
    const name = params[Math.floor(rand() * params.length)];
    const v = value(rand, name);
    parts.push(rand() < 0.8 ? `${encodeURIComponent(name)}=${encodeURIComponent(v)}` : `${name}=${v}`);
  }
  return parts.join('&');
}

let s;
before(async () => {
  requireBuild();
  s = await openSession();
});
after(() => s?.close());

async function tryAll(file, params, cases, seed) {
  const rand = mulberry32(seed);
  const { page, errors } = await s.newPage();
  const rejections = [];
  page.on('pageerror', (e) => rejections.push(e.message));
  let ready = 0;
  let error = 0;
  for (let i = 0; i < cases; i++) {
    const q = address(rand, params);
    const url = `${s.base}${file}?${q}`;
    errors.length = 0;
    rejections.length = 0;
    await page.goto(url);
    const state = await page
      .waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state) && document.body.dataset.state, null, { timeout: 60_000 })
      .then((h) => h.jsonValue())
      .catch(() => 'none');
    const look = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      polluted: {}.polluted ?? null,
      text: document.body.innerText.trim().length,
      injected: document.querySelectorAll('script:not([src]), [onerror], [onload]').length,
      // A notice a reader sees: the page's notices and errors, the widget's status line.
      notices: [...document.querySelectorAll('.notice, #w-status, #other-errors, #stale, .field-error')].filter(
        (e) => !e.hidden && e.getClientRects().length > 0 && e.textContent.trim(),
      ).length,
    }));
    const where = `${file}?${q.slice(0, 200)}`;
    assert.notEqual(state, 'none', `${where}: neither ready nor error`);
    assert.equal(look.pwned, null, `${where}: text from the address ran as code`);
    assert.equal(look.polluted, null, `${where}: a prototype was polluted`);
    assert.equal(look.injected, 0, `${where}: markup from the address became elements`);
    assert.ok(look.text > 0, `${where}: a blank page`);
    if (state === 'error') assert.ok(look.notices > 0, `${where}: an error with no notice`);
    assert.deepEqual(errors.filter((e) => e.startsWith('uncaught')), [], `${where}: uncaught errors`);
    assert.deepEqual(rejections, [], `${where}: unhandled errors or rejections`);
    if (state === 'ready') ready++;
    else error++;
  }
  console.log(`${file}: ${cases} generated addresses, ${ready} ready, ${error} error with a notice`);
}

describe('generated addresses', () => {
  test(`the page: ${PAGE_CASES} generated addresses reach ready or error with a notice, text stays text`, async () => {
    await tryAll('index.html', PAGE_PARAMS, PAGE_CASES, 20251123);
  });
  test(`the widget: ${WIDGET_CASES} generated addresses reach ready or error with a notice, text stays text`, async () => {
    await tryAll('embed.html', WIDGET_PARAMS, WIDGET_CASES, 4242);
  });
});
