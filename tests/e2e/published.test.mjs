// The preset's words after an edit: the title names the edit once (the
// preset's name says the new budget where it stated the old one), and the
// targets' notes, which describe the scenario as published, are folded away
// under a summary that says so; the preset's description is marked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { settleAfter, suiteSession } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 120_000 });

const PUBLISHED = {
  fr: { title: 'Actiris 2025-2028 : quatre partenaires, 3 M EUR par an (modifié)', old: /8,8\sM|2,2\sM/, summary: 'Note sur le scénario tel que publié (avant vos modifications)' },
  nl: { title: 'Actiris 2025-2028: vier partners, 3 M EUR per jaar (gewijzigd)', old: /8,8\sM|2,2\sM/, summary: 'Toelichting bij het scenario zoals gepubliceerd (vóór uw wijzigingen)' },
  en: { title: 'Actiris 2025-2028: four partners, EUR 3 M a year (edited)', old: /8\.8\sM|2\.2\sM/, summary: 'Note on the scenario as published (before your changes)' },
};

describe('text follows the inputs', () => {
  const s = suiteSession();
  for (const [lang, w] of Object.entries(PUBLISHED)) {
    test(`${lang}: after a budget edit the title names it once and no visible note states the preset's figures`, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}`);
      await READY(page);
      /** The title, the answer in words and each card's notes as rendered (a folded note's words are not): what a reader sees. */
      const visible = () => page.evaluate(() => [...document.querySelectorAll('#result-title, #answer-text, #headline .target-note')].map((el) => el.innerText));
      // As published, the first target's note states the preset's money (EUR 8.8 M over four years).
      assert.ok((await visible()).some((x) => w.old.test(x)), 'the preset’s note is shown while it is true');
      await settleAfter(page, () => page.fill('[data-field="budget.constant"] input[type="number"]', '3000000'));
      assert.equal(await page.textContent('#result-title'), w.title);
      const shown = await visible();
      for (const x of shown) assert.doesNotMatch(x, w.old, `a visible text states the preset's figures: ${x}`);
      // The notes are still there, folded under a summary that says whose they are; opened, they read as before.
      const summary = page.locator('#card-target-0 details.target-note > summary');
      assert.equal(await summary.textContent(), w.summary);
      await summary.click();
      assert.match(await page.textContent('#card-target-0 details.target-note > p'), w.old);
      // The preset's description is marked as the published one.
      assert.equal(await page.locator('#controls-body .scenario-desc .chip.published').count(), 1);
      // Back to the preset: the note and the description as they were.
      await settleAfter(page, () => page.fill('[data-field="budget.constant"] input[type="number"]', '2200000'));
      assert.equal(await page.locator('#card-target-0 p.target-note').count(), 1);
      assert.equal(await page.locator('#controls-body .scenario-desc .chip.published').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
