// A phone (390x844), every preset, three languages: the answer before the
// scenario's controls, so that the first answer card starts within the first
// two screens, and a link from the results to the controls.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { REPO, screenshot, suiteSession } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const PRESETS = readdirSync(`${REPO}presets`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('a phone', () => {
  const s = suiteSession();

  for (const lang of ['fr', 'nl', 'en']) {
    test(`${lang}: the first answer card within two screens on every preset, the controls one link away`, async () => {
      for (const preset of PRESETS) {
        // A page each: leaving a page while it still loads aborts its requests.
        const { page, context, errors } = await s.newPage({ viewport: { width: 390, height: 844 } });
        await page.goto(`${s.base}index.html?preset=${preset}&lang=${lang}`);
        await READY(page);
        const m = await page.evaluate(() => {
          const y = (sel) => document.querySelector(sel).getBoundingClientRect().top + scrollY;
          return { card: y('#headline .card'), answer: y('#answer-text'), controls: y('#controls'), screen: innerHeight };
        });
        assert.ok(m.card < 2 * m.screen, `${preset}: the first card starts at ${Math.round(m.card)} px, past two screens of ${m.screen}`);
        assert.ok(m.answer < m.controls, `${preset}: the answer in words comes before the controls`);
        if (preset === 'actiris-2028') {
          await screenshot(page, `phone-${lang}`);
          await page.locator('.to-controls a').click();
          await page.waitForFunction(() => Math.abs(document.getElementById('controls').getBoundingClientRect().top) < 5);
        }
        assert.deepEqual(errors, []);
        await context.close();
      }
    });
  }

  test('every chart has room for its marks at a phone\'s and a narrow phone\'s width, in every language, once what drives the answer is drawn', async () => {
    // The tornado's labels are long (65 characters for the effect of
    // mentoring): given the whole width, they left its bars a negative width.
    for (const width of [360, 390]) {
      for (const lang of ['fr', 'nl', 'en']) {
        const { page, context, errors } = await s.newPage({ viewport: { width, height: 844 } });
        await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}&trials=2000`);
        await READY(page);
        await page.waitForFunction(() => document.body.dataset.drivers === 'ready' && document.querySelector('#drivers-body svg'), null, { timeout: 60_000 });
        const bad = await page.evaluate(() =>
          [...document.querySelectorAll('#results svg rect')]
            .filter((el) => ['width', 'height'].some((a) => Number.parseFloat(el.getAttribute(a) ?? '0') < 0))
            .map((el) => el.closest('[id]')?.id ?? el.tagName)
        );
        assert.deepEqual(bad, [], `${width} px, ${lang}: marks with a negative size`);
        const bars = await page.evaluate(() => [...document.querySelectorAll('#drivers-body svg rect')].map((r) => Number.parseFloat(r.getAttribute('width'))));
        assert.ok(bars.length > 0 && bars.some((w) => w > 10), `${width} px, ${lang}: the tornado's bars are drawn (${bars.join(', ')})`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  });
});
