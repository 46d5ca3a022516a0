// "Does it pay back, and for whom?": the evidence prior picker, the
// break-even sentences and the accounts by perspective, in the three
// languages; the link carries the prior chosen; a hand edit shows "custom".
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { SCREENSHOTS, suiteSession } from './helpers.mjs';

const ready = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });

/** The median benefit-cost ratio of all public budgets, as the accounts table shows it (English page). */
async function publicRatio(page) {
  const text = await page.locator('#accounts-table tr[data-perspective="public"] td').nth(2).textContent();
  const x = Number(text.replace(/,/g, ''));
  assert.ok(Number.isFinite(x), `ratio "${text}"`);
  return x;
}

/** Chooses a prior and waits for its answer. */
async function choose(page, id) {
  await page.selectOption('#prior-select', id);
  await ready(page);
  assert.equal(await page.locator('#prior-select').inputValue(), id);
}

describe('the evidence prior, the break-even and the accounts', () => {
  const s = suiteSession();

  test('the prior changes the public ratio as the evidence says, and the link carries it', async () => {
    const { page, context, errors } = await s.newPage();
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=en&trials=4000`);
    await ready(page);
    assert.equal(await page.locator('#prior-select').inputValue(), 'independent-evaluations');
    assert.match(await page.locator('#prior-default').textContent(), /^By default: independent evaluations with control groups, because/);
    assert.ok(!page.url().includes('edits='), 'the default prior is no edit');
    const ratios = { 'independent-evaluations': await publicRatio(page) };
    for (const id of ['danish-trial-odds', 'young-registrants', 'programme-comparison']) {
      await choose(page, id);
      ratios[id] = await publicRatio(page);
      const edits = JSON.parse(new URL(page.url()).searchParams.get('edits'));
      assert.equal(edits.counterfactual.prior, id, 'the link carries the prior');
    }
    assert.ok(ratios['independent-evaluations'] < ratios['young-registrants'], JSON.stringify(ratios));
    // The Danish trial carried over as an odds ratio, not as its 2 points: more than the default.
    assert.ok(ratios['independent-evaluations'] < ratios['danish-trial-odds'], JSON.stringify(ratios));
    assert.ok(ratios['young-registrants'] < ratios['programme-comparison'], JSON.stringify(ratios));
    // The link reproduces the choice and its answer.
    const link = page.url();
    const other = await context.newPage();
    await other.goto(link);
    await ready(other);
    assert.equal(await other.locator('#prior-select').inputValue(), 'programme-comparison');
    assert.equal(await publicRatio(other), ratios['programme-comparison']);
    // Back to the default: the edit goes from the link.
    await choose(page, 'independent-evaluations');
    assert.ok(!page.url().includes('edits='));
    assert.equal(await publicRatio(page), ratios['independent-evaluations']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a hand edit of the effect shows "custom" and drops the prior\'s name from the link', async () => {
    const { page, context, errors } = await s.newPage();
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=en&trials=2000`);
    await ready(page);
    await page.fill('#controls-body [data-field="counterfactual.effect.mode"] input', '0.05');
    await ready(page);
    await page.waitForFunction(() => document.querySelector('#prior-select')?.value === 'custom');
    assert.match(await page.locator('#prior-note').textContent(), /edited by hand/);
    const edits = JSON.parse(new URL(page.url()).searchParams.get('edits'));
    assert.equal(edits.counterfactual.prior, undefined);
    assert.equal(edits.counterfactual.effect.mode, 0.05);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [lang, sentence, region, header, lasting] of [
    ['fr', /^Le mentorat se rembourse pour l’ensemble des budgets publics s’il augmente la chance de trouver un emploi d’au moins \d+ points \(P5–P95 : \d+ à \d+\) ; les preuves choisies disent [\d,]+ points/, /^Pour la Région seule, il ne se rembourse pas en argent/, 'Point de vue', /^(Il se rembourse pour l’ensemble des budgets publics si au moins \d+\s?% de l’emploi supplémentaire|Même si tout l’emploi supplémentaire durait).*P5–P95 : \d+\s?% à (\d+\s?%|jamais)/],
    ['nl', /^Mentoring verdient zich terug voor alle overheidsbudgetten samen als het de kans op werk met minstens \d+ punten verhoogt \(P5–P95: \d+ tot \d+\); het gekozen bewijs zegt [\d,]+ punten/, /^Voor het Gewest alleen verdient het zich niet terug in geld/, 'Perspectief', /^(Het verdient zich terug voor alle overheidsbudgetten als minstens \d+\s?%|Zelfs als alle extra tewerkstelling).*P5–P95: \d+\s?% tot (\d+\s?%|nooit)/],
    ['en', /^Mentoring pays back to all public budgets together if it raises the chance of work by at least \d+ points \(P5–P95: \d+ to \d+\); the evidence chosen says [\d.]+ points/, /^For the Region alone it does not pay back in money/, 'Perspective', /^(It pays back to all public budgets if at least \d+% of the additional employment|Even if all the additional employment lasted).*P5–P95: \d+% to (\d+%|never)/],
  ]) {
    test(`the break-even sentence and the accounts in ${lang}`, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 1000 } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}`);
      await ready(page);
      assert.match(await page.locator('#break-even .be-public').textContent(), sentence);
      assert.match(await page.locator('#break-even .be-region').textContent(), region);
      // How long the effect must last, beside the effect it must have.
      assert.match(await page.locator('#break-even .be-persistence').textContent(), lasting);
      const table = page.locator('#accounts-table');
      assert.equal(await table.locator('tbody tr').count(), 8);
      // Wellbeing is its own account, beside the money and in no ratio.
      assert.match(await table.locator('tbody tr').last().textContent(), /WELLBY/);
      assert.ok((await table.locator('thead th').first().textContent()).startsWith(header));
      assert.equal(await table.locator('tbody th[scope="row"]').count(), 8);
      assert.ok((await table.locator('caption').textContent()).includes('2025'));
      // The chart, with its table alternative and exports.
      const fig = page.locator('#chart-perspectives');
      assert.equal(await fig.locator('svg[role="img"]').count(), 1);
      assert.equal(await fig.locator('details.table table tbody tr').count(), 8);
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.locator('#impact').screenshot({ path: `${SCREENSHOTS}/impact-${lang}.png` });
      // The print report carries the sentence and the table; the picker prints as a line.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('#break-even').isVisible());
      assert.ok(await table.isVisible());
      assert.ok(await page.locator('.prior-chosen').isVisible());
      assert.ok(!(await page.locator('#prior-select').isVisible()));
      if (lang === 'fr') await page.screenshot({ path: `${SCREENSHOTS}/impact-print-fr.png`, fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the widget leads with an account', async () => {
    const { page, context, errors } = await s.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${s.base}embed.html?preset=actiris-2028&lang=fr&lead=perspective-public`);
    await ready(page);
    const card = page.locator('#w-lead [data-card="perspective-public"]');
    assert.match(await card.locator('h3').textContent(), /^Ensemble des budgets publics : est-ce rentable/);
    assert.match(await card.locator('.band').textContent(), /^Bénéfice net : médiane/);
    assert.equal(await page.locator('#w-notes p').count(), 0);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-perspective-public-fr.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
