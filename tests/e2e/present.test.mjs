// Presentation mode on a 1280x720 projector, for every preset in French,
// Dutch and English, as published and after an edit in the room: the main
// chart lies wholly on the screen, no two controls overlap, no axis label of
// the chart repeats, the page does not scroll, the targets' chances and what
// it takes (money, mentors) are on the cards, and the room's levers are there.
// Then "What does it take?" in the room: the plan over the answers, drawn,
// and "Use this plan" within reach.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { REPO, screenshot, settleAfter, suiteSession } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const PRESETS = readdirSync(`${REPO}presets`)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const LANGS = ['fr', 'nl', 'en'];

/** What the screen shows, measured in the page. */
function measure() {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    // A label hidden but for screen readers (1 px, clipped) covers nothing.
    return r.width > 1 && r.height > 1 && st.visibility !== 'hidden' && st.display !== 'none' && !el.closest('[hidden], .visually-hidden');
  };
  const box = (el) => el.getBoundingClientRect();
  const over = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 24)}"`;
  // Every control on the screen: nothing may cover another.
  const controls = [...document.querySelectorAll('button, select, input, output, label')].filter(shown);
  const overlaps = [];
  controls.forEach((a, i) => {
    for (const b of controls.slice(i + 1)) {
      if (a.contains(b) || b.contains(a) || a.control === b || b.control === a) continue;
      if (over(box(a), box(b))) overlaps.push(`${name(a)} over ${name(b)}`);
    }
  });
  const svg = document.querySelector('#charts-body .chart .plot svg');
  const plot = svg ? box(svg) : null;
  const ticks = svg ? [...svg.querySelectorAll('g[data-mark="y-axis tick label"] text, g[data-mark="x-axis tick label"] text')].map((e) => e.textContent) : [];
  const yTicks = svg ? [...svg.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((e) => e.textContent) : [];
  const cards = [...document.querySelectorAll('#headline .card')].filter(shown).map((c) => c.dataset.card);
  return {
    overlaps,
    plot: plot && { top: plot.top, bottom: plot.bottom, left: plot.left, right: plot.right },
    ticks,
    yTicks,
    cards,
    levers: [...document.querySelectorAll('#controls input[type="range"]')].filter(shown).length,
    sh: document.documentElement.scrollHeight,
    sw: document.documentElement.scrollWidth,
    ih: innerHeight,
    iw: innerWidth,
  };
}

function check(m, what) {
  assert.deepEqual(m.overlaps, [], `${what}: controls overlap`);
  assert.ok(m.plot, `${what}: the main chart is drawn`);
  assert.ok(m.plot.top >= 0 && m.plot.left >= 0 && m.plot.bottom <= m.ih && m.plot.right <= m.iw, `${what}: the main chart lies on the screen (${JSON.stringify(m.plot)} in ${m.iw}x${m.ih})`);
  assert.equal(new Set(m.yTicks).size, m.yTicks.length, `${what}: an axis label repeats (${m.yTicks.join(' / ')})`);
  assert.ok(m.yTicks.length >= 2, `${what}: the value axis has labels`);
  assert.ok(m.sh <= m.ih && m.sw <= m.iw, `${what}: no scroll (${m.sw}x${m.sh} in ${m.iw}x${m.ih})`);
  assert.ok(m.cards.includes('net'), `${what}: additional people in work on a card`);
  assert.ok(m.cards.includes('budget') && m.cards.includes('mentors'), `${what}: money and mentors needed on cards (${m.cards.join(', ')})`);
  assert.ok(m.levers >= 1, `${what}: a lever to move`);
}

describe('presentation mode, every preset, three languages', () => {
  const s = suiteSession();

  for (const lang of LANGS) {
    test(`${lang}: each preset as published and after an edit at 1280x720`, async () => {
      const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 720 } });
      for (const preset of PRESETS) {
        await page.goto(`${s.base}index.html?preset=${preset}&lang=${lang}&present=1`);
        await READY(page);
        const before = await page.evaluate(measure);
        check(before, `${preset}, ${lang}`);
        const targets = await page.locator('#headline .card[data-card^="target"]').count();
        for (let k = 0; k < targets; k++) assert.ok(await page.locator(`#solve-open-${k}`).isVisible(), `${preset}, ${lang}: "What does it take?" for target ${k + 1}`);
        if (lang === 'nl') await screenshot(page, `present-${preset}-${lang}`);
        // An edit in the room: the budget's slider where there is one, else the first lever.
        const budget = page.locator('#controls .budget input[type="range"]');
        const lever = (await budget.count()) && (await budget.isVisible()) ? budget : page.locator('#controls .room-levers input[type="range"]').first();
        await lever.focus();
        await settleAfter(page, () => page.keyboard.press('ArrowRight'));
        await READY(page);
        const after = await page.evaluate(measure);
        check(after, `${preset}, ${lang}, edited`);
        if (lang === 'fr') await screenshot(page, `present-${preset}-${lang}-edited`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('fr: B against A in the room: each card\'s difference shown, nothing over anything, the chart on the screen', async () => {
    const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=fr&present=1&pin=&budget.constant=3000000`);
    await READY(page);
    await page.waitForFunction(() => document.body.dataset.compare === 'ready', null, { timeout: 60_000 });
    const m = await page.evaluate(measure);
    check(m, 'pinned, fr');
    assert.ok(await page.locator('#card-target-0 .cmp-delta').isVisible(), "the target's B − A");
    assert.ok(await page.locator('#card-net .cmp-delta-short').isVisible(), "the net's B − A, short");
    const pin = await page.locator('#pin-bar').boundingBox();
    const controls = await page.locator('#controls').boundingBox();
    assert.ok(controls.y + controls.height <= pin.y, 'the controls end above the pin');
    await screenshot(page, 'present-pinned-fr');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('"What does it take?" in the room: the plan over the answers, drawn, and "Use this plan" within reach', async () => {
    const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${s.base}index.html?preset=targets-2030-2035&lang=nl&present=1&trials=2000`);
    await READY(page);
    await page.locator('#solve-open-3').click();
    await page.locator('#solve-run').click();
    await page.locator('.plan-answer').waitFor({ timeout: 120_000 });
    const m = await page.evaluate(() => {
      const r = (sel) => document.querySelector(sel)?.getBoundingClientRect();
      const panel = r('#solve');
      const use = r('#plan-use');
      const chart = r('.plan-chart svg');
      return { panel: panel && { top: panel.top, bottom: panel.bottom, left: panel.left, right: panel.right }, use: use && { top: use.top, bottom: use.bottom }, chart: !!chart, ih: innerHeight, iw: innerWidth, sh: document.documentElement.scrollHeight };
    });
    assert.ok(m.panel.top >= 0 && m.panel.bottom <= m.ih && m.panel.right <= m.iw, `the panel lies on the screen (${JSON.stringify(m.panel)})`);
    assert.ok(m.use && m.use.bottom <= m.ih, '"Use this plan" is on the screen without scrolling');
    assert.ok(m.chart, 'the plan is drawn against today');
    assert.ok(m.sh <= m.ih, 'the page does not scroll');
    await screenshot(page, 'present-plan-nl');
    await settleAfter(page, () => page.locator('#plan-use').click());
    // The plan is now the scenario: the yearly 2035 target is met in most trials.
    const p = await page.locator('#card-target-3 .big').textContent();
    assert.ok(parseFloat(p.replace(',', '.')) >= 50, `the plan's chance on the card: ${p}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
