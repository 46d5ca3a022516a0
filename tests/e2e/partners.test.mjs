// "Each partner's part": a programme of partners shows each partner's duos,
// people in work, additional people in work and costs with their bands, as
// a table (cards on a phone) and a chart, in the three languages; the two
// partners without published results are named; a programme without
// partners has no such section.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { SCREENSHOTS, suiteSession } from './helpers.mjs';

const ready = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const drawn = (page) => page.waitForFunction(() => document.querySelectorAll('#partners-table tr[data-partner]').length > 0, null, { timeout: 60_000 });

const NO_RESULTS = { en: /no results of their own are published/, fr: /aucun résultat propre n’est publié/, nl: /geen eigen resultaten gepubliceerd/ };

/** A median as the table prints it, read back as a number (any language's digit groups). */
const number = (text) => Number(text.replace(/[^\d,.-]/g, '').replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));

describe('each partner’s part', () => {
  const s = suiteSession();

  for (const [lang, width, height] of [['en', 1280, 900], ['fr', 360, 780], ['nl', 1024, 768]]) {
    test(`${lang}: actiris-2028 shows its four partners at ${width}x${height}`, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width, height } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}&trials=2000`);
      await ready(page);
      await drawn(page);
      assert.ok(await page.locator('#partners').isVisible());
      const rows = page.locator('#partners-table tbody tr');
      assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.partner)), ['duo-for-a-job', 'team4job', 'backstage-network', 'pour-la-solidarite']);
      assert.equal(await page.locator('#partners-table .no-results').count(), 2);
      assert.match(await page.locator('.partners-none').textContent(), NO_RESULTS[lang]);
      // Duos started: DUO for a JOB's share of the money buys the most, the two without figures alike.
      const duos = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1].querySelector('.median').textContent));
      const n = duos.map(number);
      assert.ok(n[0] > n[1] && n[1] > n[2] && n[2] > 0, JSON.stringify(duos));
      // Every figure has its band under it; the cost per additional job says why it has no P95.
      for (const band of await page.locator('#partners-table td .band').allTextContents()) assert.ok(band.trim().length > 0);
      assert.ok(await page.locator('.partners-open').isVisible());
      // Nothing wider than the screen; the chart has its table alternative.
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width);
      assert.equal(await page.locator('#partners figure, #partners .chart').first().locator('details').count() > 0, true);
      // What knowing each partner's results is worth, one click away, with why it is nothing here.
      await page.waitForFunction(() => document.body.dataset.value === 'ready', null, { timeout: 120_000 });
      assert.equal(await page.locator('.value-partners li').count(), 1);
      assert.ok((await page.locator('.value-partners li').textContent()).length > 40);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.locator('#partners').screenshot({ path: `${SCREENSHOTS}/partners-${lang}-${width}.png` });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the split of the money: the best one found, a bad share said at its field with the answer kept, and a split set against the scenario’s', async () => {
    const { page, context, errors } = await s.newPage();
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=en&trials=2000`);
    await ready(page);
    await page.waitForSelector('#split-find');
    await page.click('#split-find');
    await page.waitForFunction(() => document.body.dataset.split === 'ready' && document.querySelector('#split-answer table'), null, { timeout: 120_000 });
    const shares = async () => (await page.locator('#split-answer tbody td:nth-child(3)').allTextContents()).map((x) => Number(x.replace('%', '')));
    const found = await shares();
    assert.equal(found.length, 4);
    assert.ok(Math.abs(found.reduce((a, b) => a + b, 0) - 100) < 0.2, String(found));
    // The chance under B, on fresh trials, is above A's: the search found something.
    const [a, b] = /A ([\d.]+)%.*B ([\d.]+)%/.exec(await page.locator('.split-result').textContent()).slice(1).map(Number);
    assert.ok(b > a, `${a} -> ${b}`);
    assert.match(await page.locator('.split-note').textContent(), /twice its own share/);
    // The form now holds the split found; a share that breaks the sum is said at its field, and the answer stays.
    await page.fill('#split-share-0', '90');
    await page.click('#split-compare');
    assert.match(await page.locator('#split-error').textContent(), /add up to \d+(\.\d)? %: they must add up to 100 %/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'split-share-0');
    assert.equal(await page.getAttribute('#split-share-0', 'aria-invalid'), 'true');
    assert.deepEqual(await shares(), found, 'the last answer is kept');
    for (const [j, v] of ['40', '40', '10', '10'].entries()) await page.fill(`#split-share-${j}`, v);
    await page.click('#split-compare');
    await page.waitForFunction(() => document.body.dataset.split === 'ready' && /your split/.test(document.querySelector('#split-answer thead')?.textContent ?? ''), null, { timeout: 120_000 });
    assert.deepEqual(await shares(), [40, 40, 10, 10]);
    assert.equal(await page.locator('#split-error').isHidden(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a programme without partners has no partner section', async () => {
    const { page, context, errors } = await s.newPage();
    await page.goto(`${s.base}index.html?preset=team4job&lang=en&trials=2000`);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('#impact-body')?.children.length > 0, null, { timeout: 60_000 });
    assert.equal(await page.locator('#partners').isHidden(), true);
    assert.equal(await page.locator('#partners-table').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
