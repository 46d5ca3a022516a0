// Every chart draws: for each preset under each evidence prior, every chart
// on the page has at least one mark, and a ratio undefined in some trials (a
// cost per additional job where some trials have none) is drawn over the
// trials it has, with the share left out said in its caption.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { REPO, suiteSession } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const PRESETS = readdirSync(`${REPO}presets`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Each chart's id with the number of its drawn marks (axes, grids, rules and tips aside). */
function marks() {
  const charts = [...document.querySelectorAll('#charts-body .chart, #impact .chart, #impact figure')];
  return charts.map((c) => {
    const svg = c.querySelector('svg');
    const drawn = svg
      ? [...svg.querySelectorAll('g[data-mark]')]
          .filter((g) => !/axis|grid|rule|tip/.test(g.dataset.mark))
          .flatMap((g) => [...g.querySelectorAll('path, rect, circle, line, text')])
          .filter((e) => {
            const b = e.getBBox();
            return b.width > 0 || b.height > 0;
          }).length
      : 0;
    return { id: c.id || c.dataset.chart || c.querySelector('h3, figcaption')?.textContent?.slice(0, 30), drawn, caption: c.querySelector('figcaption')?.textContent ?? '' };
  });
}

describe('every chart draws, on every preset and evidence prior', () => {
  const s = suiteSession();

  for (const preset of PRESETS) {
    test(preset, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${s.base}index.html?preset=${preset}&lang=en&trials=2000`);
      await READY(page);
      const priors = await page.locator('#prior-select option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v !== 'custom'));
      assert.ok(priors.length >= 3, `the evidence priors: ${priors.join(', ')}`);
      for (const prior of priors) {
        if ((await page.locator('#prior-select').inputValue()) !== prior) {
          await page.selectOption('#prior-select', prior);
          await READY(page);
        }
        // The charts are drawn a task at a time after the answer: wait for the last.
        await page.waitForFunction(() => {
          const figs = [...document.querySelectorAll('#charts-body .chart')];
          return figs.length > 0 && figs.every((f) => f.querySelector('svg, .chart-empty'));
        });
        const found = await page.evaluate(marks);
        assert.ok(found.length >= 3, `${preset}, ${prior}: charts found (${found.length})`);
        for (const c of found) assert.ok(c.drawn > 0, `${preset}, ${prior}: the chart ${c.id} has no mark`);
        const cost = found.find((c) => /cost/i.test(c.id ?? '') || /cost per additional job/i.test(c.caption));
        const share = await page.locator('[data-card="costNet"] .warn').count();
        if (cost && share) assert.match(cost.caption, /of the trials have none/, `${preset}, ${prior}: the caption says which trials are left out`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
