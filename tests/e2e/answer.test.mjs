// The answer in words at the top of the results: there in French, Dutch and
// English, above the cards, built from the answer on screen (the duos' figure
// is the card's), naming the evidence prior; it follows an edit of the budget,
// a quick answer as well as the full one, and it is printed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { screenshot, settleAfter, suiteSession } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 120_000 });

const WORDS = {
  fr: { budget: /^Avec 2,2\sM\s€ par an, /, edited: /^Avec 3\sM\s€ par an, /, prior: /« Évaluations indépendantes : quelques points »/ },
  nl: { budget: /^Met €\s2,2\smln\. per jaar /, edited: /^Met €\s3\smln\. per jaar /, prior: /‘Onafhankelijke evaluaties: enkele punten’/ },
  en: { budget: /^With €2\.2M a year, /, edited: /^With €3M a year, /, prior: /“Independent evaluations: a few points”/ },
};

describe('the answer in words', () => {
  const s = suiteSession();

  for (const [lang, w] of Object.entries(WORDS)) {
    test(`${lang}: the paragraph above the cards says the answer on screen, and follows the budget`, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}`);
      await READY(page);
      const text = () => page.textContent('#answer-text');
      const before = await text();
      assert.match(before, w.budget);
      assert.match(before, w.prior);
      assert.match(before, /P5–P95/);
      // The duos' figure is the card's, to the same digits; so is the first target's chance.
      const started = (await page.textContent('#card-started .big')).trim();
      assert.ok(before.includes(started), `the duos started (${started}) in: ${before}`);
      const chance = (await page.textContent('#card-target-0 .big')).trim();
      assert.ok(before.includes(chance), `the first target's chance (${chance}) in: ${before}`);
      // Above the cards, wholly.
      const box = await page.evaluate(() => ({ answer: document.querySelector('#answer-text').getBoundingClientRect().bottom, cards: document.querySelector('#headline').getBoundingClientRect().top }));
      assert.ok(box.answer <= box.cards, `the paragraph ends at ${box.answer}, the cards start at ${box.cards}`);
      await screenshot(page, `answer-${lang}`);
      // The budget edited: the paragraph's budget figure and its numbers change.
      await settleAfter(page, () => page.fill('[data-field="budget.constant"] input[type="number"]', '3000000'));
      const after = await text();
      assert.match(after, w.edited);
      assert.notEqual(after, before);
      assert.ok(after.includes((await page.textContent('#card-started .big')).trim()), 'the duos started after the edit');
      // A slider step: the quick answer's paragraph comes with the quick cards (the first 1,000 trials), then the full one.
      await page.evaluate(() => {
        window.__answers = [];
        new MutationObserver(() => window.__answers.push({ state: document.body.dataset.state, trials: document.querySelector('#answer').dataset.trials })).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
      });
      const slider = page.locator('[data-field="budget.constant"] input[type="range"]');
      await slider.focus();
      await settleAfter(page, () => page.keyboard.press('ArrowRight'));
      const seen = await page.evaluate(() => window.__answers);
      const quick = seen.find((x) => x.state === 'quick');
      assert.ok(quick, `a quick answer came first: ${JSON.stringify(seen)}`);
      assert.equal(quick.trials, '1000', `the quick answer's paragraph: ${JSON.stringify(seen)}`);
      assert.equal(await page.getAttribute('#answer', 'data-trials'), '10000');
      assert.notEqual(await text(), after);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('no limit on the money: the targets preset says so, with each of its four targets’ chances', async () => {
    const { page, context } = await s.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${s.base}index.html?preset=targets-2030-2035&lang=en`);
    await READY(page);
    const text = await page.textContent('#answer-text');
    assert.match(text, /^With no limit on the money, about [\d,]+ duos start from 2025 to the end of 2035 \(P5–P95: [\d,]+ to [\d,]+\)\./);
    for (const label of await page.locator('#headline .card[data-card^="target"] h3').allTextContents()) assert.ok(text.includes(`“${label}”`), `the target ${label}`);
    await context.close();
  });
});
