// Thirty valid addresses, one after the other in one tab, as a reader's links
// would be opened: the page's and the widget's, every preset, the three
// languages, 300 to 10,000 trials, several seeds. Each must reach `ready`
// with the answer it asked for: an address that can run never ends in an
// error, however busy the machine (`make test-loaded` runs this with every
// core kept busy). The waits are long and wait for states, never for a time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suiteSession } from './helpers.mjs';

const PRESETS = ['actiris-2028', 'team4job', 'brussels-2018-2019', 'duo-for-a-job', 'targets-2030-2035'];
const LANGS = ['fr', 'nl', 'en'];
const TRIALS = [300, 1000, 2500, 4000, 10_000, 500, 7000];
const LEADS = ['', 'employed', 'target', 'perspective-public'];

/** Address i: its preset, language, trials and seed (the same on every run). */
function valid(i) {
  return { preset: PRESETS[i % PRESETS.length], lang: LANGS[i % LANGS.length], trials: TRIALS[(i * 3) % TRIALS.length], seed: 1 + ((i * 7919) % 100_000) };
}

const PAGE = Array.from({ length: 18 }, (_, i) => valid(i));
const WIDGET = Array.from({ length: 12 }, (_, i) => ({ ...valid(i + 18), lead: LEADS[i % LEADS.length] }));

const query = (a) => new URLSearchParams(Object.entries(a).filter(([, v]) => v !== '')).toString();

/** Waits until the document settles in `ready` or `error`; returns it, with what the reader reads if it is an error. */
async function settled(page, statusSelector) {
  const state = await page
    .waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state) && document.body.dataset.state, null, { timeout: 180_000 })
    .then((h) => h.jsonValue());
  const said = state === 'error' ? await page.evaluate((sel) => [...document.querySelectorAll(`${sel}, .notice`)].map((e) => e.textContent.trim()).join(' | '), statusSelector) : '';
  return { state, said };
}

describe('valid addresses, one after the other', () => {
  const s = suiteSession();

  test(`the page: ${PAGE.length} valid addresses each reach ready, with the trials and seed asked for`, async () => {
    const { page, context, errors } = await s.newPage();
    for (const a of PAGE) {
      const where = `index.html?${query(a)}`;
      await page.goto(`${s.base}${where}`);
      const { state, said } = await settled(page, '#status');
      assert.equal(state, 'ready', `${where}: ${said}`);
      const last = await page.evaluate(() => {
        const l = globalThis.mentorsim.last();
        return { trials: l.result.trials, seed: l.result.seed, preset: l.scenario.id };
      });
      assert.deepEqual(last, { trials: a.trials, seed: a.seed, preset: a.preset }, where);
      assert.equal(await page.evaluate(() => document.documentElement.lang.slice(0, 2)), a.lang, `${where}: its language`);
      assert.equal(await page.locator('#notices .notice.error').count(), 0, `${where}: no failure notice`);
    }
    assert.deepEqual(errors.filter((e) => e.startsWith('uncaught')), []);
    await context.close();
  });

  test(`the widget: ${WIDGET.length} valid addresses each reach ready, with the trials and seed asked for`, async () => {
    const { page, context, errors } = await s.newPage();
    for (const a of WIDGET) {
      const where = `embed.html?${query(a)}`;
      await page.goto(`${s.base}${where}`);
      const { state, said } = await settled(page, '#w-status');
      assert.equal(state, 'ready', `${where}: ${said}`);
      const run = await page.textContent('#w-run');
      assert.ok(run.includes(String(a.seed)), `${where}: the seed in “${run}”`);
      assert.equal(await page.locator('#w-retry').isVisible(), false, `${where}: no retry offered`);
    }
    assert.deepEqual(errors.filter((e) => e.startsWith('uncaught')), []);
    await context.close();
  });
});
