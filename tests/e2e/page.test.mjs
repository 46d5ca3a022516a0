// The page as a person uses it, in headless Chromium: it loads and answers,
// reacts to a budget change, speaks Dutch, reproduces a shared link, downloads
// the numbers it shows, keeps the last result when an input is wrong, loads
// nothing from other hosts and never turns text from a URL into HTML.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { assertOnlyLocal, engineResult, openSession, requireBuild, screenshot, settleAfter } from './helpers.mjs';

// Generous: CI runs the test files side by side on a small machine.
const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });

/** The headline numbers as shown, keyed by card ("target-0", "employed", ...). */
const headline = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#headline .card')].map((c) => [c.dataset.card, c.querySelector('.big').textContent])));

/** Parses a number as the page shows it in any of its locales ("4 001", "4.001", "4,001", "€8.9M" is not used here). */
const shownNumber = (text) => Number(text.replace(/[\s\u202f\u00a0.,]/g, '').replace(/[^\d-]/g, ''));

describe('page', () => {
  let s;
  const allRequests = [];
  const allErrors = [];

  before(async () => {
    requireBuild();
    s = await openSession();
  });

  after(async () => {
    await s?.close();
  });

  async function open(query = '', options = {}) {
    const p = await s.newPage(options);
    // Long tasks on the main thread, for the measurement printed below.
    await p.page.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
      } catch {}
    });
    await p.page.goto(`${s.base}index.html${query}`);
    return p;
  }

  function done(p) {
    allRequests.push(...p.requests);
    allErrors.push(...p.errors);
  }

  test('loads, runs the default preset and shows every headline answer with its band', async () => {
    const p = await open('', { locale: 'en-GB' });
    await READY(p.page);
    const timing = await p.page.evaluate(() => ({
      firstResult: Math.round(performance.getEntriesByName('mentorsim:first-result')[0]?.startTime ?? -1),
      firstCharts: Math.round(performance.getEntriesByName('mentorsim:first-charts')[0]?.startTime ?? -1),
      longTasks: window.__longTasks,
    }));
    console.log(`headline answers on screen ${timing.firstResult} ms after navigation, charts ${timing.firstCharts} ms; main-thread long tasks (ms): ${JSON.stringify(timing.longTasks)}`);
    assert.ok(timing.firstResult > 0, 'first result marked');
    // The first answer after loading is a quick one from the first trials; the full one follows.
    const quick = await p.page.evaluate(() => performance.getEntriesByName('mentorsim:quick-answer').map((m) => Math.round(m.startTime)));
    assert.equal(quick.length, 1, 'one quick answer while loading');
    assert.ok(timing.firstResult <= quick[0] && quick[0] <= timing.firstCharts, `quick answer at ${quick[0]} ms: the first result (${timing.firstResult} ms), before the charts (${timing.firstCharts} ms)`);
    const cards = await headline(p.page);
    for (const id of ['target-0', 'target-1', 'started', 'employed', 'net', 'costNet', 'bcr', 'budget', 'mentors']) assert.ok(cards[id], `card ${id} shown`);
    assert.match(await p.page.textContent('#card-target-0'), /±/);
    // The second reading is met in no trial: its chance comes with the bound the trials allow, not a band around 0,
    // and the bound is the engine's rule (1 - 0.05^(1/n), to two significant digits, rounded up).
    const r0 = await engineResult('actiris-2028');
    assert.equal(r0.targets[1].probability_met, 0, 'the engine meets the second reading in no trial');
    assert.equal(await p.page.textContent('#card-target-1 .mc'), '(under 0.030% with 95 % confidence)');
    assert.doesNotMatch(await p.page.textContent('#card-target-1'), /±/);
    assert.match(await p.page.textContent('#card-employed'), /P5–P95/);
    assert.match(await p.page.textContent('#card-employed'), /10,000 trials, seed 2025/);
    assert.equal(await p.page.locator('#charts-body figure .plot > svg').count(), 5);
    assert.equal(await p.page.locator('#charts-body figure details table').count(), 5);
    // Each target's line in the probability chart has its legend's colour.
    const colours = await p.page.evaluate(() => ({
      lines: [...document.querySelectorAll('#chart-prob .plot svg path[stroke]')].map((e) => e.getAttribute('stroke')),
      legend: [...document.querySelectorAll('#chart-prob .legend rect')].map((r) => r.getAttribute('fill')),
    }));
    assert.equal(colours.legend.length, 2);
    assert.deepEqual(colours.lines, colours.legend);
    assert.ok(await p.page.locator('#sources a[href="#ev-E7"]').count());
    // Where the engine's own run has the effect's band, and the net jobs' and
    // the ratio's, below zero, those two cards say why; nowhere else.
    const r = await engineResult('actiris-2028');
    const below = r.counterfactual.effect.p5 < 0;
    const netP5 = r.series.net_additional_employed_cumulative.p5.at(-1);
    assert.equal(await p.page.locator('#card-net .below-zero').count(), below && netP5 < 0 ? 1 : 0, `net P5 ${netP5}, effect P5 ${r.counterfactual.effect.p5}`);
    assert.equal(await p.page.locator('#card-bcr .below-zero').count(), below && r.totals.benefit_cost_ratio.p5 < 0 ? 1 : 0);
    assert.equal(await p.page.locator('#card-employed .below-zero').count(), 0);
    if (below) assert.match(await p.page.textContent('#card-bcr .below-zero'), /includes a negative one/);
    await screenshot(p.page, 'page-loaded');
    done(p);
    await p.context.close();
  });

  test('changing the budget changes the probability of the target', async () => {
    const p = await open('?preset=actiris-2028&lang=en');
    await READY(p.page);
    const before = await headline(p.page);
    await settleAfter(p.page, () => p.page.fill('[data-field="budget.constant"] input[type="number"]', '4000000'));
    const afterChange = await headline(p.page);
    assert.notEqual(afterChange['target-0'], before['target-0'], `probability still ${before['target-0']}`);
    assert.ok(shownNumber(afterChange['target-0']) > shownNumber(before['target-0']));
    assert.match(p.page.url(), /edits=/);
    await screenshot(p.page, 'page-budget-changed');
    done(p);
    await p.context.close();
  });

  test('a burst of slider moves cancels the runs in flight and ends on the numbers of its last value', async () => {
    const p = await open('?lang=en&trials=40000');
    await READY(p.page);
    const slider = p.page.locator('[data-field="budget.constant"] input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 11; i++) {
      await p.page.keyboard.press('ArrowRight');
      await p.page.waitForTimeout(i % 3 === 0 ? 200 : 20); // some moves land mid-run
    }
    await settleAfter(p.page, () => p.page.keyboard.press('ArrowRight'));
    assert.equal(await p.page.inputValue('[data-field="budget.constant"] input[type="number"]'), String(2_200_000 + 12 * 50_000));
    const shown = await headline(p.page);
    const q = await open(new URL(p.page.url()).search);
    await READY(q.page);
    assert.deepEqual(await headline(q.page), shown);
    await screenshot(p.page, 'page-slider-burst');
    done(p);
    done(q);
    await p.context.close();
    await q.context.close();
  });

  test('a slider moved: a quick answer from the first 1,000 trials at once, marked as such, then the full answer', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    // Every state the body goes through, with what the duos card says at that moment.
    await p.page.evaluate(() => {
      window.__seen = [];
      new MutationObserver(() => window.__seen.push({ state: document.body.dataset.state, n: document.querySelector('#card-started .n')?.textContent, status: document.querySelector('#status')?.textContent })).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    const slider = p.page.locator('[data-field="budget.constant"] input[type="range"]');
    await slider.focus();
    await p.page.keyboard.press('ArrowRight');
    await p.page.waitForFunction(() => window.__seen.some((x) => x.state === 'ready'), null, { timeout: 60_000 });
    const seen = await p.page.evaluate(() => window.__seen);
    const quick = seen.find((x) => x.state === 'quick');
    assert.ok(quick, `a quick answer came first: ${JSON.stringify(seen)}`);
    assert.match(quick.n, /^1,000 trials, seed 2025/, 'the quick answer says its trial count');
    assert.match(quick.status, /Quick answer from the first 1,000 trials/);
    assert.ok(seen.findIndex((x) => x.state === 'quick') < seen.findIndex((x) => x.state === 'ready'));
    assert.match(await p.page.textContent('#card-started .n'), /^10,000 trials, seed 2025/);
    // The full answer is the one a fresh page computes for the same address.
    const shown = await headline(p.page);
    const q = await open(new URL(p.page.url()).search);
    await READY(q.page);
    assert.deepEqual(await headline(q.page), shown);
    done(p);
    done(q);
    await p.context.close();
    await q.context.close();
  });

  test('a quick answer summarises only the series its headline reads, a full one those the page shows, and each draws what every series gives', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    // The page's own modules and engine, in the page: for each preset, the
    // headline cards and the line of limits from a run of every series and
    // from the same run of the headline's series alone.
    const out = await p.page.evaluate(async () => {
      const bindings = await import('./pkg/mentorsim.js');
      bindings.initSync({ module: await (await fetch('./pkg/mentorsim_bg.wasm')).arrayBuffer() });
      (await import('./lib/schema.js')).useEngine(bindings);
      const { headline, headlineSeries, pageSeries, chartSpecs } = await import('./lib/results.js');
      const { limitsLine } = await import('./lib/limits.js');
      const drawn = (r, sc) => [...headline(r, sc).map((c) => c.outerHTML), limitsLine(r, sc)];
      // And what the page draws of a full answer: the cards, and every chart's table in either form.
      const page = (r, sc) => [
        ...drawn(r, sc),
        ...['cumulative', 'annual'].flatMap((m) => chartSpecs(r, { duos_started: m, employed: m }, 640, undefined, { scenario: sc }).map((spec) => `${spec.id} ${spec.table().outerHTML}`)),
      ];
      return bindings.presets().map(({ id }) => {
        const sc = bindings.preset(id);
        const series = headlineSeries(sc);
        const all = bindings.simulate(sc, { trials: 1000, seed: 7 });
        const some = bindings.simulate(sc, { trials: 1000, seed: 7, series });
        const shown = bindings.simulate(sc, { trials: 1000, seed: 7, series: pageSeries(sc) });
        return {
          id,
          series,
          pageSeries: pageSeries(sc),
          kept: Object.keys(some.series).sort(),
          cards: drawn(all, sc).length,
          same: JSON.stringify(drawn(all, sc)) === JSON.stringify(drawn(some, sc)),
          charts: page(all, sc).length - drawn(all, sc).length,
          samePage: JSON.stringify(page(all, sc)) === JSON.stringify(page(shown, sc)),
        };
      });
    });
    assert.equal(out.length, 5);
    for (const x of out) {
      assert.deepEqual(x.kept, [...x.series].sort(), `${x.id}: the engine summarised the series asked for, and only those`);
      assert.ok(x.kept.length < 20, `${x.id}: ${x.kept.length} series`);
      assert.ok(x.cards >= 6, `${x.id}: ${x.cards} cards`);
      assert.ok(x.same, `${x.id}: the headline drawn from the headline's series differs from the one drawn from every series`);
      // A full answer of the series the page shows draws what every series draws.
      assert.ok(x.charts >= 6, `${x.id}: ${x.charts} chart tables`);
      assert.ok(x.samePage, `${x.id}: the cards and charts drawn from the page's series differ from those drawn from every series`);
      assert.ok(x.pageSeries.length < 20, `${x.id}: the page asks for ${x.pageSeries.length} series`);
    }
    // A slider moved: the page asks its workers for those series in the
    // quick run, and for the series it shows in the full one.
    await p.page.evaluate(() => {
      const pool = globalThis.mentorsim.pool;
      const run = pool.run.bind(pool);
      window.__asked = [];
      pool.run = (scenario, opts, onProgress) => (window.__asked.push(opts), run(scenario, opts, onProgress));
    });
    await p.page.locator('[data-field="budget.constant"] input[type="range"]').focus();
    await p.page.keyboard.press('ArrowRight');
    await p.page.waitForFunction(() => window.__asked.length >= 2 && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    const asked = await p.page.evaluate(() => window.__asked);
    const actiris = out.find((x) => x.id === 'actiris-2028');
    assert.deepEqual(asked[0], { trials: 1000, seed: 2025, series: actiris.series });
    assert.deepEqual(asked.at(-1), { trials: 10000, seed: 2025, series: actiris.pageSeries });
    done(p);
    await p.context.close();
  });

  test('in one column the controls are built before the first answer, which they would otherwise push down', async () => {
    const p = await s.newPage({ viewport: { width: 390, height: 844 } });
    await p.page.addInitScript(() => {
      window.__atAnswer = null;
      const seen = () => window.__atAnswer ?? (window.__atAnswer = document.querySelectorAll('#controls-body input').length);
      document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver(() => ['quick', 'ready'].includes(document.body.dataset.state) && seen()).observe(document.body, { attributes: true, attributeFilter: ['data-state'] })
      );
    });
    await p.page.goto(`${s.base}index.html?lang=en`);
    await READY(p.page);
    assert.ok(await p.page.evaluate(() => window.__atAnswer > 0), 'controls built when the first answer came');
    done(p);
    await p.context.close();
  });

  test('the page does not move as it loads, nor the answer as a slider moves', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const p = await s.newPage({ viewport });
      // The browser's layout-shift score (shifts not caused by an input), and the places the cards took.
      await p.page.addInitScript(() => {
        window.__shift = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && window.__shift.push(e.value))).observe({ type: 'layout-shift', buffered: true });
      });
      await p.page.goto(`${s.base}index.html?lang=fr`);
      await READY(p.page);
      await p.page.waitForTimeout(300);
      const score = await p.page.evaluate(() => window.__shift.reduce((a, b) => a + b, 0));
      // Below the 0.1 that the browser's makers call good (it was 0.6-0.7). What remains in French on a phone is the
      // tagline, written in English in the markup, taking a line more once translated.
      assert.ok(score < 0.1, `${viewport.width} px: layout-shift score ${score.toFixed(3)} while loading`);
      // The status bar keeps its height whatever its second line says: the quick answer's "the full answer follows"
      // beside the hidden bar took a third line in French (and pushed the cards down by a line on a busy machine,
      // where a quick answer comes before the run more often), and a run's count beside its bar and button.
      const heights = await p.page.evaluate(() => {
        const bar = document.querySelector('.statusbar');
        const [progress, words, cancel] = ['#progress', '#progress-text', '#btn-cancel'].map((q) => document.querySelector(q));
        const h = () => bar.getBoundingClientRect().height;
        const out = [h()];
        progress.hidden = true;
        words.textContent = 'La réponse complète suit dès que les entrées ne bougent plus.';
        out.push(h());
        progress.hidden = false;
        cancel.hidden = false;
        words.textContent = 'Simulation : 100 000 essais sur 1 000 000';
        out.push(h());
        progress.hidden = true;
        cancel.hidden = true;
        words.textContent = '';
        return out;
      });
      assert.equal(new Set(heights).size, 1, `${viewport.width} px: the status bar took ${heights.join(', ')} px`);
      if (viewport.width > 1000) {
        // Beside the controls, the cards stay where they are while a quick answer replaces them and the full one
        // follows. (The first edit adds "(edited)" to the title above them, which may take a line more: it is made first.)
        const slider = p.page.locator('[data-field="budget.constant"] input[type="range"]');
        await slider.focus();
        await settleAfter(p.page, () => p.page.keyboard.press('ArrowRight'));
        await p.page.evaluate(() => {
          window.__tops = new Set();
          const tick = () => {
            window.__tops.add(Math.round(document.querySelector('#headline').getBoundingClientRect().top + scrollY));
            if (!window.__stop) requestAnimationFrame(tick);
          };
          tick();
        });
        for (let i = 0; i < 3; i++) {
          await p.page.keyboard.press('ArrowRight');
          await p.page.waitForTimeout(50);
        }
        await settleAfter(p.page, () => p.page.keyboard.press('ArrowRight'));
        const tops = await p.page.evaluate(() => ((window.__stop = true), [...window.__tops]));
        assert.equal(tops.length, 1, `the cards' top took ${tops.join(', ')} px`);
      }
      done(p);
      await p.context.close();
    }
  });

  test('the language switch translates the page', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    assert.equal(await p.page.textContent('#results-h'), 'Results');
    await p.page.selectOption('#lang', 'nl');
    await p.page.waitForFunction(() => document.querySelector('#results-h').textContent === 'Resultaten');
    assert.equal(await p.page.getAttribute('html', 'lang'), 'nl-BE');
    assert.match(await p.page.textContent('#card-employed'), /Mensen aan het werk/);
    // Dutch groups thousands with a dot.
    assert.match(await p.page.textContent('#card-employed .n'), /10\.000/);
    assert.match(p.page.url(), /lang=nl/);
    await screenshot(p.page, 'page-dutch');
    done(p);
    await p.context.close();
    // With no lang in the address, the browser's languages choose.
    const q = await open('', { locale: 'fr-BE' });
    await READY(q.page);
    assert.equal(await q.page.textContent('#results-h'), 'Résultats');
    assert.match(await q.page.textContent('#card-employed .n'), /10\u202f000|10\u00a0000|10 000/);
    done(q);
    await q.context.close();
  });

  test('a run too small to split goes to one worker and shows the engine’s own numbers', async () => {
    // Under 2,000 trials the pool gives the whole run to one worker, which
    // returns its result without a partial to merge.
    const p = await open('?preset=team4job&lang=en&trials=1500&seed=3');
    await READY(p.page);
    const expected = await engineResult('team4job', 1500, 3);
    const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    const cards = await headline(p.page);
    assert.equal(cards.employed, fmt.format(expected.series.employed_cumulative.p50.at(-1)));
    assert.equal(cards.started, fmt.format(expected.series.duos_started_cumulative.p50.at(-1)));
    assert.match(await p.page.textContent('#card-employed'), /1,500 trials, seed 3/);
    done(p);
    await p.context.close();
  });

  test('a copied link reproduces the state in a new page', async () => {
    const p = await open('?lang=fr', { locale: 'fr-BE' });
    await READY(p.page);
    await p.page.fill('[data-field="budget.constant"] input[type="number"]', '3000000');
    await p.page.fill('[data-field="seed"] input', '7');
    await p.page.waitForFunction(() => location.search.includes('seed=7') && document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await p.page.click('#btn-copy');
    const link = await p.page.inputValue('#share-url');
    assert.match(link, /seed=7/);
    const shown = await headline(p.page);
    const q = await open(link.slice(link.indexOf('?')), { locale: 'en-GB' });
    await READY(q.page);
    assert.deepEqual(await headline(q.page), shown);
    assert.equal(await q.page.inputValue('#lang'), 'fr');
    assert.equal(await q.page.inputValue('[data-field="budget.constant"] input[type="number"]'), '3000000');
    await screenshot(q.page, 'page-shared-link');
    done(p);
    done(q);
    await p.context.close();
    await q.context.close();
  });

  test('the CSV download holds the numbers shown; charts download as PNG and SVG', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    // Both files asked for in one task: one run of every series serves them both, and neither is lost.
    const two = new Promise((resolve, reject) => {
      const got = [];
      const timer = setTimeout(() => reject(new Error(`${got.length} of the 2 downloads within 120 s`)), 120_000);
      const on = (d) => got.push(d) === 2 && (p.page.off('download', on), clearTimeout(timer), resolve(got));
      p.page.on('download', on);
    });
    await p.page.evaluate(() => ['dl-csv', 'dl-result'].forEach((id) => document.getElementById(id).click()));
    assert.deepEqual((await two).map((d) => d.suggestedFilename()).sort(), ['mentorsim-actiris-2028-quantiles.csv', 'mentorsim-actiris-2028-result.json']);
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#dl-csv')]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    // The reader's CSV (English: "," and quoted labels): header rows, then figure, unit, year, mean, P5 ...
    const cells = (l) => [...l.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '')).slice(0, -1);
    const rows = csv.trim().split(/\r?\n/).map(cells);
    const head = rows.find((r) => r[0] === 'Figure');
    const at = (series, year, col) => Number(rows.find((r) => r[0] === series && r[2] === String(year))[head.indexOf(col)]);
    const cards = await headline(p.page);
    assert.equal(shownNumber(cards.employed), Math.round(at('people in work, cumulative', 2028, 'P50')));
    assert.equal(shownNumber(cards.started), Math.round(at('duos started, cumulative', 2028, 'P50')));
    // The table under the fan chart too.
    const cell = await p.page.evaluate(() => document.querySelector('#chart-fan-duos_started table tbody tr:last-child td:nth-of-type(3)').textContent);
    assert.equal(shownNumber(cell), Math.round(at('duos started, cumulative', 2028, 'P50')));
    // Every series, though the page's run summarised only those it shows (the download asked for the rest).
    const figures = new Set(rows.slice(rows.indexOf(head) + 1).filter((r) => /^\d{4}$/.test(r[2])).map((r) => r[0]));
    assert.equal(figures.size, Object.keys((await engineResult('actiris-2028')).series).length, `${figures.size} series in the CSV`);
    assert.ok((await p.page.evaluate(() => Object.keys(globalThis.mentorsim.last().result.series).length)) < figures.size, 'the page itself holds fewer');
    const [json] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#dl-result')]);
    const saved = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.deepEqual(Object.keys(saved.series).sort(), Object.keys((await engineResult('actiris-2028')).series).sort(), 'the result file holds every series');
    // Each chart as PNG and SVG.
    const [png] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#chart-fan-employed .chart-actions button:first-child')]);
    const pngBytes = await readFile(await png.path());
    assert.deepEqual([...pngBytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(pngBytes.length > 5000);
    const [svg] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#chart-hist-bcr .chart-actions button:last-child')]);
    const svgText = await readFile(await svg.path(), 'utf8');
    assert.match(svgText, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svgText, /<title>Benefit–cost ratio/);
    await screenshot(p.page, 'page-csv');
    done(p);
    await p.context.close();
  });

  test('the scenario downloads as JSON and a JSON file imports', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    const [dl] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#dl-json')]);
    const scenario = JSON.parse(await readFile(await dl.path(), 'utf8'));
    assert.equal(scenario.id, 'actiris-2028');
    scenario.budget.constant = 5_000_000;
    await p.page.click('#all-assumptions > summary');
    await settleAfter(p.page, () =>
      p.page.setInputFiles('#all-assumptions input[type="file"]', {
        name: 'mine.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(scenario)),
      })
    );
    assert.match(await p.page.textContent('#notices'), /mine\.json/);
    assert.equal(await p.page.inputValue('[data-field="budget.constant"] input[type="number"]'), '5000000');
    assert.match(decodeURIComponent(p.page.url()), /"budget.constant":5000000/);
    await screenshot(p.page, 'page-imported');
    done(p);
    await p.context.close();
  });

  test('an invalid input shows its message and keeps the last result, marked', async () => {
    const p = await open('?lang=en');
    await READY(p.page);
    const before = await headline(p.page);
    await p.page.fill('[data-field="outcomes.employed.events"] input', '-5');
    await p.page.waitForFunction(() => document.body.dataset.state === 'error');
    const msg = await p.page.textContent('fieldset[data-field="outcomes.employed"]');
    assert.match(msg, /\S/);
    const errors = await p.page.locator('fieldset[data-field="outcomes.employed"] .field-error:not(:empty)').allTextContents();
    assert.ok(errors.length > 0, 'a message next to the field');
    assert.equal(await p.page.getAttribute('[data-field="outcomes.employed.events"] input', 'aria-invalid'), 'true');
    assert.ok(await p.page.isVisible('#stale'));
    assert.deepEqual(await headline(p.page), before, 'the last result stays');
    await screenshot(p.page, 'page-invalid-input');
    // Fixing it runs again.
    await p.page.fill('[data-field="outcomes.employed.events"] input', '637.65');
    await READY(p.page);
    assert.ok(!(await p.page.isVisible('#stale')));
    done(p);
    await p.context.close();
  });

  test('a hostile or broken URL loads the default with a notice and shows text as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const edits = encodeURIComponent(JSON.stringify({ 'name.en': evil }));
    const p = await open(`?preset=actiris-2028&lang=en&edits=${edits}`);
    await READY(p.page);
    assert.equal(await p.page.textContent('#result-title'), evil);
    assert.equal(await p.page.locator('#result-title img, #controls img, #result-title script').count(), 0);
    assert.equal(await p.page.evaluate(() => window.__pwned), undefined);
    assert.match(await p.page.textContent('#notices'), /shown as plain text/);
    assert.ok(await p.page.isVisible('#notices .notice'));
    await screenshot(p.page, 'page-hostile-text');
    done(p);
    await p.context.close();

    const q = await open('?preset=nope&trials=99999999999&edits=%7Bbroken&lang=en');
    await READY(q.page);
    const notice = await q.page.textContent('#notices');
    assert.match(notice, /unknown scenario/);
    assert.match(notice, /number of trials/);
    assert.match(notice, /not valid JSON/);
    assert.match(await q.page.textContent('#card-employed .n'), /10,000 trials/);
    await screenshot(q.page, 'page-broken-url');
    done(q);
    await q.context.close();
  });

  test('a link whose parameter has counts far beyond any study still gives its answer', async () => {
    // The summary of a Beta of ten million events (its median and 90 % interval, which the page shows beside
    // the parameter) once never returned, and the page with it.
    const edits = encodeURIComponent(JSON.stringify({ cost_indexation: { dist: 'beta', events: 1e7, non_events: 0.73 } }));
    const p = await open(`?preset=actiris-2028&lang=en&edits=${edits}`);
    await READY(p.page);
    assert.match(await p.page.textContent('#result-title'), /\(edited\)$/);
    assert.match(await p.page.textContent('#card-employed .n'), /10,000 trials/);
    done(p);
    await p.context.close();
  });

  test('presentation mode shows the headline and one chart', async () => {
    const p = await open('?lang=fr&present=1', { viewport: { width: 1280, height: 720 } });
    await READY(p.page);
    assert.ok(await p.page.evaluate(() => document.body.classList.contains('present')));
    assert.ok(await p.page.isVisible('#card-target-0'));
    assert.ok(!(await p.page.isVisible('#card-bcr')));
    assert.ok(!(await p.page.isVisible('#chart-hist-bcr')));
    await p.page.click('#btn-present');
    assert.ok(await p.page.isVisible('#card-bcr'));
    await p.page.click('#btn-present');
    await screenshot(p.page, 'page-presentation');
    done(p);
    await p.context.close();
  });

  test('no console errors and no request leaves this machine', () => {
    assert.deepEqual(allErrors, []);
    assertOnlyLocal(allRequests);
  });
});
