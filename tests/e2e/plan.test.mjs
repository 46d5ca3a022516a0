// "What does it take?" as a plan, in the three languages: the panel asks for a
// plan first; its answer is the engine's own (computed again here in Node
// from the same wasm file), with a table year by year; "Use this plan" loads
// it as the scenario with the one before pinned as A, and the target's chance
// on the card is then the plan's own (same trials, same seed). Several targets
// at once, and an answer that says what binds when no plan fits. No test
// asserts a time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enginePlan, screenshot, suiteSession } from './helpers.mjs';

const when = (page, key, want) => page.waitForFunction(([k, w]) => document.body.dataset[k] === w, [key, want], { timeout: 120_000 });

/** The number of a card's figure as shown in any of the page's locales, and its decimals ("80,2 %" -> [80.2, 1]). */
function shownPercent(text) {
  const m = text.replace(/[\s\u202f\u00a0]/g, '').match(/(\d+)(?:[.,](\d+))?%/);
  assert.ok(m, `a percentage in "${text}"`);
  return [Number(`${m[1]}.${m[2] ?? 0}`), (m[2] ?? '').length];
}

const WORDS = {
  en: { answer: /^It takes €[\d.]+M over 4 years, [\d,]+ new mentors in the busiest year and a planned intake of [\d,]+ duos in 2028\.$/, name: /plan for target 1/, use: 'Use this plan' },
  fr: { answer: /^Il faut [\d,]+\sM\s€ sur 4 ans, [\d\s\u202f]+ nouveaux mentors l’année la plus chargée et [\d\s\u202f]+ duos prévus en 2028\.$/, name: /plan pour l.objectif 1/, use: 'Utiliser ce plan' },
  nl: { answer: /^Er is €\s[\d,]+\smln\.? nodig over 4 jaar, [\d.]+ nieuwe mentoren in het drukste jaar en een geplande instroom van [\d.]+ duo’s in 2028\.$/, name: /plan voor doel 1/, use: 'Dit plan gebruiken' },
};

describe('what it takes, as a plan', () => {
  const s = suiteSession();

  for (const lang of ['en', 'fr', 'nl']) {
    test(`${lang}: the plan for 4,400 mentored by 2028, and "Use this plan" with the scenario before it pinned as A`, async () => {
      const trials = 2000;
      const { page, context, errors } = await s.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}&trials=${trials}`);
      await when(page, 'state', 'ready');
      await page.locator('#solve-open-0').click();
      assert.equal(await page.locator('#solve-lever-plan').isChecked(), true, 'a plan is what the panel asks for first');
      await page.locator('#solve-run').click();
      await when(page, 'solve', 'ready');
      const answer = page.locator('.plan-answer');
      assert.equal(await answer.getAttribute('data-met'), 'true');
      assert.match((await page.locator('#plan-answer').textContent()).trim(), WORDS[lang].answer);
      // The plan is the engine's own: each year's money as the engine found it.
      const plan = await enginePlan('actiris-2028', { targets: [0], confidence: 0.8 }, trials);
      assert.equal(plan.met, true);
      const rows = page.locator('#plan-table tbody tr');
      assert.equal(await rows.count(), plan.years.length);
      assert.deepEqual(await rows.locator('th').allTextContents(), plan.years.map((y) => String(y.year)));
      assert.ok(plan.years.every((y) => y.budget > 0 && y.intake > 0), 'money and intake every year');
      await screenshot(page, `plan-${lang}-answer`);
      // Use it: the plan is the scenario, the one before is A.
      assert.equal(await page.locator('#plan-use').textContent(), WORDS[lang].use);
      await page.locator('#plan-use').click();
      await when(page, 'state', 'ready');
      await when(page, 'compare', 'ready');
      assert.match(await page.locator('#result-title').textContent(), WORDS[lang].name);
      assert.ok(await page.locator('#btn-unpin').isVisible(), 'the scenario before the plan is pinned as A');
      assert.match(page.url(), /[?&]pin=/);
      // The target's chance on its card is the plan's: the same trials and seed.
      const [shown, decimals] = shownPercent(await page.locator('#card-target-0 .big').textContent());
      const half = 0.5 * 10 ** -decimals + 1e-9;
      assert.ok(Math.abs(shown - 100 * plan.targets[0].probability) <= half, `card ${shown} %, plan ${100 * plan.targets[0].probability} %`);
      await screenshot(page, `plan-${lang}-used`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('nl: two targets together, and a cap on recruitment that no plan meets says what binds', async () => {
    const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${s.base}index.html?preset=targets-2030-2035&lang=nl&trials=1000`);
    await when(page, 'state', 'ready');
    await page.locator('#solve-open-3').click();
    await page.locator('#plan-target-2').check();
    // A largest recruitment that is not a whole number is refused where it is typed, and nothing runs.
    await page.locator('#plan-max-recruits').fill('2.5');
    await page.locator('#solve-run').click();
    assert.match(await page.locator('#plan-form-error').textContent(), /geheel getal van 1 tot 100\.000/);
    assert.equal(await page.locator('#plan-max-recruits').getAttribute('aria-invalid'), 'true');
    await page.locator('#plan-max-recruits').fill('1000');
    await page.locator('#solve-run').click();
    await when(page, 'solve', 'ready');
    const plan = await enginePlan('targets-2030-2035', { targets: [2, 3], confidence: 0.8, max_recruits: 1000 }, 1000);
    assert.equal(plan.met, false);
    assert.equal(plan.binding.constraint, 'max_recruits');
    assert.equal(await page.locator('.plan-answer').getAttribute('data-met'), 'false');
    assert.match(await page.locator('#plan-answer').textContent(), /^Geen enkel plan binnen deze grenzen haalt beide doelen in dezelfde trekking in 80\s?% van de trekkingen/);
    assert.match(await page.locator('.plan-answer').textContent(), /Wat tegenhoudt: de werving van mentoren/);
    assert.match(await page.locator('.plan-answer').textContent(), /hoogstens 1\.000 per jaar/);
    await screenshot(page, 'plan-nl-binding');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const lang of ['en', 'fr', 'nl']) {
    test(`${lang}: the widget on the targets preset leads with the money it takes and answers "What does it take?" with the engine's plan`, async () => {
      const trials = 2000;
      const { page, context, errors } = await s.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${s.base}embed.html?preset=targets-2030-2035&lang=${lang}&trials=${trials}`);
      await when(page, 'state', 'ready');
      assert.equal(await page.locator('#w-lead .card').getAttribute('data-card'), 'budget', 'no budget set: the lead is the money it takes');
      // The button asks for the first target met in fewer than half of the trials: 5,000 duos in 2030 alone.
      const ask = page.locator('#w-plan-open');
      assert.match(await ask.textContent(), { en: /5,000 duos in 2030/, fr: /5\s000 duos en 2030/, nl: /5\.000 duo's in 2030/ }[lang]);
      await ask.click();
      await when(page, 'plan', 'ready');
      const plan = await enginePlan('targets-2030-2035', { targets: [2], confidence: 0.8 }, trials);
      assert.equal(await page.locator('#w-plan .plan-answer').getAttribute('data-met'), String(plan.met));
      const rows = page.locator('#w-plan #plan-table tbody tr');
      assert.deepEqual(await rows.locator('th').allTextContents(), plan.years.map((y) => String(y.year)), 'the engine\'s plan, year by year');
      assert.ok(await page.locator('#w-plan .plan-chart svg').isVisible(), 'the plan drawn against today');
      // The link opens the plan in the full simulator: the page then meets that target in most trials.
      const href = await page.locator('#w-plan .w-plan-link').getAttribute('href');
      assert.match(href, /index\.html\?.*preset=targets-2030-2035/);
      await page.goto(href.replace(/([?&])trials=\d+/, `$1trials=${trials}`));
      await when(page, 'state', 'ready');
      const [p] = shownPercent(await page.locator('#card-target-2 .big').textContent());
      assert.ok(p >= 70, `the plan's chance on the page: ${p} %`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
