// Accessibility audit of the page and the widget with axe-core, in headless
// Chromium, against WCAG 2.1 A and AA (labels, roles, names, contrast, ...):
// in each language's layout, in the states a person reaches by using them
// (every assumption open, an invalid input, the "Embed this" dialog, the
// presentation mode, the dark widget at 320 px, the accounts with a custom
// effect, the widget leading with an account, the decision tools: "What does
// it take?" answered, the tornado's table, B against A, presented). Keyboard use and the table
// alternatives of the charts are tested beside the features themselves.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suiteSession } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const state = (page, want) =>
  page.waitForFunction((w) => document.body.dataset.state === w, want, { timeout: 60_000 });

/** Runs axe on the page and fails with every violation, its rule and where. */
async function audit(page, what) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = r.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`
  );
  assert.deepEqual(found, [], `${what}: accessibility violations`);
  // A page that axe could not read at all would pass vacuously.
  assert.ok(r.passes.length >= 15, `${what}: only ${r.passes.length} rules checked`);
}

describe('accessibility', () => {
  const s = suiteSession();

  test('the page in French, every assumption open, then with an invalid input', async () => {
    const { page, context } = await s.newPage();
    await page.goto(`${s.base}index.html?lang=fr`);
    await state(page, 'ready');
    await page.locator('#all-assumptions > summary').click();
    // The accounts: the prior picker, the break-even, the table, and the chart's table open.
    await page.locator('#accounts-table').waitFor();
    await page.locator('#chart-perspectives details.table > summary').click();
    await audit(page, 'page, fr, all assumptions');
    await page.fill('[data-field="outcomes.employed.events"] input', '-5');
    await state(page, 'error');
    await audit(page, 'page, fr, invalid input');
    // Another prior, then an effect edited by hand ("custom").
    await page.fill('[data-field="outcomes.employed.events"] input', '1701');
    await state(page, 'ready');
    await page.selectOption('#prior-select', 'programme-comparison');
    await state(page, 'ready');
    await page.selectOption('#prior-select', 'independent-evaluations');
    await state(page, 'ready');
    await page.fill('#controls-body [data-field="counterfactual.effect.mode"] input', '0.04');
    await state(page, 'ready');
    await page.waitForFunction(() => document.querySelector('#prior-select')?.value === 'custom');
    await audit(page, 'page, fr, custom effect');
    await context.close();
  });

  test('the page in Dutch: presentation mode, and the "Embed this" dialog', async () => {
    const { page, context } = await s.newPage();
    await page.goto(`${s.base}index.html?lang=nl&present=1`);
    await state(page, 'ready');
    await audit(page, 'page, nl, presentation');
    await page.locator('#btn-present').click();
    await page.locator('#btn-embed').click();
    await page.locator('dialog.embed-dialog').waitFor({ state: 'visible' });
    await audit(page, 'page, nl, embed dialog');
    await context.close();
  });

  test('the decision tools: "What does it take?" answered, the tornado\'s table, B against A (fr, then nl presented)', async () => {
    const edits = encodeURIComponent('{"budget.constant":3000000}');
    const { page, context } = await s.newPage();
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=fr&trials=2000&edits=${edits}&pin=%7B%7D`);
    await state(page, 'ready');
    await page.waitForFunction(() => document.body.dataset.compare === 'ready' && document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 60_000 });
    await page.locator('#solve-open-0').click();
    await page.locator('#solve-run').click();
    await page.waitForFunction(() => document.body.dataset.solve === 'ready', null, { timeout: 60_000 });
    await page.locator('#chart-tornado details.table > summary').click();
    await audit(page, 'page, fr, decision tools');
    await context.close();
    const nl = await s.newPage();
    await nl.page.goto(`${s.base}index.html?preset=targets-2030-2035&lang=nl&trials=1000&present=1&edits=${encodeURIComponent('{"realisation":{"dist":"fixed","value":0.9}}')}&pin=%7B%7D`);
    await state(nl.page, 'ready');
    await nl.page.waitForFunction(() => document.body.dataset.drivers === 'ready', null, { timeout: 60_000 });
    await nl.page.locator('#solve-open-0').click();
    await audit(nl.page, 'page, nl, presented, solve panel open');
    await nl.context.close();
  });

  test('the widget: 320 px wide with three controls, and dark at 760 px', async () => {
    for (const [query, viewport] of [
      ['preset=actiris-2028&lang=fr&controls=budget,cost-per-duo,employment-rate', { width: 320, height: 900 }],
      ['preset=actiris-2028&lang=en&theme=dark&lead=cost-net', { width: 760, height: 900 }],
      ['preset=actiris-2028&lang=nl&lead=perspective-region', { width: 320, height: 900 }],
    ]) {
      const { page, context } = await s.newPage({ viewport });
      await page.goto(`${s.base}embed.html?${query}`);
      await state(page, 'ready');
      await audit(page, `widget ${viewport.width} px (${query})`);
      await context.close();
    }
  });
});
