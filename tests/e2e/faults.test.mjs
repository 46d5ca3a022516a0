// Faults and long work on the page: a worker killed in mid-run is replaced and
// the answer is the same bits as the engine's own; an engine that cannot load
// says so in the reader's language and shows the last answer kept on this
// device; a worker slow to start is waited for; a worker that cannot start,
// on the page, in the widget and for the decision tools, is said with its
// reason, in the reader's language, with a button that tries again; a
// million trials run in workers, show progress, give way to a changed input,
// and run to the end. How long the page's thread is held
// meanwhile is measured here and printed, and kept by `make bench-page`; it is
// a speed figure on a shared machine, so no test fails on it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertOnlyLocal, engineResult, suiteSession } from './helpers.mjs';

const READY = (page, timeout = 60_000) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout });

/** The parts of a result that carry its numbers (not how long it took). */
const numbers = (r) => JSON.stringify({ series: r.series, totals: r.totals, targets: r.targets, perspectives: r.perspectives, break_even: r.break_even, p: r.p_benefit_exceeds_cost });

describe('faults and long work', () => {
  const s = suiteSession();

  test('a worker killed in mid-run is replaced, its trials run again, and the answer is the same bits', async () => {
    const { page, context, errors } = await s.newPage();
    const trials = 60_000;
    // The worker given the first range of the full run is killed on its first word of progress, without a word
    // of its own: only its silence shows. (Caught by polling instead, a run can end before the test sees it.)
    await page.addInitScript((n) => {
      const Native = window.Worker;
      window.__killed = null;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          let run = null;
          const post = this.postMessage.bind(this);
          this.postMessage = (m, ...rest) => {
            if (m?.type === 'run' && m.trials === n && !run && !window.__killed) run = m;
            return post(m, ...rest);
          };
          this.addEventListener('message', ({ data }) => {
            if (!run || window.__killed || data?.type !== 'progress' || data.job !== run.job) return;
            window.__killed = { first: run.first, count: run.count, done: data.done };
            globalThis.mentorsim.pool.stallMs = 1500; // given up on after 1.5 s here (8 s by default)
            this.terminate();
          });
        }
      };
    }, trials);
    await page.goto(`${s.base}index.html?preset=actiris-2028&trials=${trials}`);
    await READY(page);
    const killed = await page.evaluate(() => window.__killed);
    assert.ok(killed && killed.done < killed.count, `a worker was killed in mid-run: ${JSON.stringify(killed)}`);
    assert.ok((await page.evaluate(() => globalThis.mentorsim.pool.replaced)) >= 1, 'the dead worker was replaced');
    const shown = await page.evaluate(() => globalThis.mentorsim.last().result);
    // The page's run summarises the series it shows: those of one run of the engine.
    const every = await engineResult('actiris-2028', trials, 2025);
    const expected = { ...every, series: Object.fromEntries(Object.keys(shown.series).map((k) => [k, every.series[k]])) };
    assert.ok(Object.keys(shown.series).length >= 10, `${Object.keys(shown.series).length} series`);
    assert.equal(shown.trials, trials);
    assert.equal(numbers(shown), numbers(expected), 'the same bits as one run of the engine');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an engine that cannot load says so in the reader’s language, with the last answer kept on this device', async () => {
    // No service worker: its cache would serve the engine that the test refuses.
    const { page, context } = await s.newPage({ serviceWorkers: 'block' });
    // A first visit computes and keeps its answer.
    await page.goto(`${s.base}index.html?preset=duo-for-a-job&lang=fr`);
    await READY(page);
    const started = (await page.textContent('#card-started .big')).trim();
    // Then the engine's file cannot be fetched.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
    const notices = await page.textContent('#notices');
    assert.match(notices, /Le moteur de simulation n’a pas pu être chargé/);
    const retry = page.locator('#notices .notice[role="alert"] button.retry');
    assert.equal((await retry.textContent()).trim(), 'Réessayer', 'a button tries again');
    const kept = page.locator('#kept');
    assert.ok(await kept.isVisible(), 'the last answer is shown');
    const keptText = await kept.textContent();
    assert.match(keptText, /Dernière réponse calculée sur cet appareil/);
    assert.ok(keptText.includes(started), `the kept answer shows the duos started (${started})`);
    assert.match(keptText, /DUO for a JOB/);
    // The widget, in Dutch, says so too, in the reader's language.
    await page.goto(`${s.base}embed.html?preset=actiris-2028&lang=nl`);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
    const status = page.locator('#w-status');
    assert.ok(await status.isVisible(), 'the widget shows its status');
    assert.match(await status.textContent(), /De simulatiemotor kon niet worden geladen/);
    const again = page.locator('#w-retry');
    assert.ok(await again.isVisible(), 'the widget offers to try again');
    assert.equal((await again.textContent()).trim(), 'Opnieuw proberen');
    await context.close();
  });

  test('a worker slow to start is waited for, long past the silence after which a working one is replaced', async () => {
    const { page, context, errors } = await s.newPage();
    // Every worker's module is held back until the test lets it go: the workers start only then. A worker
    // that has work and says nothing is given up on after 0.3 s here (8 s by default): starting is not silence.
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.__held = [];
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          const post = this.postMessage.bind(this);
          this.postMessage = (m, ...rest) => (m?.type === 'init' && window.__held ? window.__held.push(() => post(m, ...rest)) : post(m, ...rest));
        }
      };
      Object.defineProperty(window, 'mentorsim', {
        configurable: true,
        get: () => window.__mentorsim,
        set: (v) => {
          v.pool.stallMs = 300;
          window.__mentorsim = v;
        },
      });
    });
    await page.goto(`${s.base}index.html?preset=team4job&trials=4000`);
    // The run is under way, and has waited for its workers many times stallMs, in the page's clock.
    await page.waitForFunction(() => {
      const c = globalThis.mentorsim.pool.current;
      return c && performance.now() - c.t0 > 20 * globalThis.mentorsim.pool.stallMs;
    }, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'running');
    await page.evaluate(() => {
      const held = window.__held;
      window.__held = null;
      for (const send of held) send();
    });
    await READY(page, 120_000);
    assert.equal(await page.evaluate(() => globalThis.mentorsim.pool.replaced), 0, 'no worker was given up on');
    assert.equal(await page.evaluate(() => globalThis.mentorsim.last().result.trials), 4000);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a worker that never starts: the page says so in the reader’s language, and trying again runs', async () => {
    const { page, context } = await s.newPage();
    // The workers' module is held back: they never start, until the test lets them. The start allowance
    // (60 s by default) is 3 s here.
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.__held = [];
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          const post = this.postMessage.bind(this);
          this.postMessage = (m, ...rest) => (m?.type === 'init' && window.__held ? window.__held.push(() => post(m, ...rest)) : post(m, ...rest));
        }
      };
      Object.defineProperty(window, 'mentorsim', {
        configurable: true,
        get: () => window.__mentorsim,
        set: (v) => {
          v.pool.startMs = 3000;
          window.__mentorsim = v;
        },
      });
    });
    await page.goto(`${s.base}index.html?preset=duo-for-a-job&trials=3000&lang=nl`);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
    const alert = page.locator('#notices .notice[role="alert"]');
    assert.equal(await alert.count(), 1);
    assert.match(await alert.textContent(), /De simulatie is mislukt: een rekenthread van de simulatie is niet binnen 3 s gestart/);
    assert.match(await page.textContent('#status'), /niet binnen 3 s gestart/);
    // The workers can start now: trying again gives the answer, and the notice goes.
    await page.evaluate(() => {
      const held = window.__held;
      window.__held = null;
      for (const send of held) send();
    });
    const retry = alert.locator('button.retry');
    assert.equal((await retry.textContent()).trim(), 'Opnieuw proberen');
    await retry.click();
    await READY(page, 120_000);
    assert.equal(await page.locator('#notices .notice[role="alert"]').count(), 0);
    assert.equal(await page.evaluate(() => globalThis.mentorsim.last().result.trials), 3000);
    await context.close();
  });

  test('a worker whose script cannot load: the page says why, in French, keeps the last answer, and tries again', async () => {
    // No service worker: it would serve the script the test refuses.
    const { page, context } = await s.newPage({ serviceWorkers: 'block' });
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.__workers = [];
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          window.__workers.push(this);
        }
      };
    });
    await page.goto(`${s.base}index.html?preset=team4job&trials=2000&lang=fr`);
    await READY(page);
    await page.waitForFunction(() => document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 120_000 });
    const shown = (await page.textContent('#card-started .big')).trim();
    // Then every worker dies and their script can no longer be fetched: the next run finds its workers
    // silent (given up on after 1 s here), and their replacements cannot start.
    await page.route('**/lib/worker.js', (route) => route.abort());
    await page.evaluate(() => {
      globalThis.mentorsim.pool.stallMs = 1000;
      for (const w of window.__workers) w.terminate();
    });
    const trials = '[data-field="trials"] input, #controls-body input[data-field="trials"]';
    await page.fill(trials, '2500');
    await page.press(trials, 'Enter');
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
    const alert = page.locator('#notices .notice[role="alert"]');
    assert.match(await alert.textContent(), /La simulation a échoué : un fil de calcul de la simulation n’a pas pu charger son script/);
    assert.equal((await page.textContent('#card-started .big')).trim(), shown, 'the last answer stays on screen');
    await page.unroute('**/lib/worker.js');
    await alert.locator('button.retry').click();
    await READY(page, 120_000);
    assert.equal(await page.evaluate(() => globalThis.mentorsim.last().result.trials), 2500);
    assert.equal(await page.locator('#notices .notice[role="alert"]').count(), 0);
    await context.close();
  });

  test('the widget whose workers cannot load their script says why, in Dutch, with a button that tries again', async () => {
    const { page, context } = await s.newPage();
    // The widget first checks that a worker starts here (lib/runner.js); the workers made after one has
    // answered are given a script that does not exist.
    await page.addInitScript(() => {
      const Native = window.Worker;
      let started = false;
      window.Worker = class extends Native {
        constructor(url, options) {
          super(started ? new URL('lib/no-such-worker.js', location.href) : url, options);
          this.addEventListener('message', ({ data }) => {
            if (data?.type === 'ready') started = true;
          });
        }
      };
    });
    await page.goto(`${s.base}embed.html?preset=actiris-2028&lang=nl&trials=2000`);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, { timeout: 120_000 });
    assert.match(await page.evaluate(() => document.body.dataset.engine), /workers/);
    assert.match(await page.textContent('#w-status'), /De simulatie is mislukt: een rekenthread van de simulatie kon zijn script niet laden/);
    const again = page.locator('#w-retry');
    assert.ok(await again.isVisible());
    assert.equal((await again.textContent()).trim(), 'Opnieuw proberen');
    // Trying again tries again (and fails again here, saying so again).
    await again.click();
    await page.waitForFunction(() => document.body.dataset.state === 'error' && !document.getElementById('w-retry').hidden, null, { timeout: 120_000 });
    await context.close();
  });

  test('the decision tools’ worker cannot load its script: one notice says why, and trying again answers', async () => {
    const { page, context } = await s.newPage({ serviceWorkers: 'block' });
    // Workers made once the page holds an answer (the decision tools' worker) get a script that does not
    // exist, until the test lets them have the real one.
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.__toolsBroken = true;
      window.Worker = class extends Native {
        constructor(url, options) {
          const broken = window.__toolsBroken && globalThis.mentorsim?.last?.();
          super(broken ? new URL('lib/no-such-worker.js', location.href) : url, options);
        }
      };
    });
    await page.goto(`${s.base}index.html?preset=actiris-2028&trials=2000`);
    await READY(page);
    await page.waitForFunction(() => document.body.dataset.drivers === 'error' && document.body.dataset.value === 'error', null, { timeout: 120_000 });
    const alert = page.locator('#notices .notice[role="alert"]');
    assert.equal(await alert.count(), 1, 'one notice for both');
    assert.match(await alert.textContent(), /What drives the answer and what better evidence is worth could not be computed: a simulation worker could not load its script/);
    await page.evaluate(() => (window.__toolsBroken = false));
    await alert.locator('button.retry').click();
    await page.waitForFunction(() => document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 120_000 });
    assert.equal(await page.locator('#notices .notice[role="alert"]').count(), 0);
    await context.close();
  });

  test('a million trials: in workers, with progress; a changed input takes over at once, and the new run goes to the end', async () => {
    const { page, context, requests, errors } = await s.newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) }))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${s.base}index.html?preset=actiris-2028`);
    await READY(page);
    await page.waitForFunction(() => document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 60_000 });
    const budgetBefore = await page.evaluate(() => JSON.stringify(globalThis.mentorsim.last().scenario.budget));
    // A million trials, asked from the trials field.
    await page.fill('[data-field="trials"] input, #controls-body input[data-field="trials"]', '1000000');
    await page.press('[data-field="trials"] input, #controls-body input[data-field="trials"]', 'Enter');
    const progressOf = () => page.evaluate(() => Number(document.querySelector('#progress')?.value ?? 0));
    await page.waitForFunction(() => Number(document.querySelector('#progress')?.value) > 0, null, { timeout: 120_000 });
    const p1 = await progressOf();
    await page.waitForFunction((p) => Number(document.querySelector('#progress')?.value) > p, p1, { timeout: 120_000 });
    const t0 = await page.evaluate(() => performance.now());
    // The trials counted so far were run by the workers, not on the page's thread.
    const inWorkers = await page.evaluate(() => {
      const pool = globalThis.mentorsim.pool;
      return { workers: pool.workers.length, done: [...(pool.current?.slots.values() ?? [])].reduce((a, sl) => a + sl.done, 0) };
    });
    assert.ok(inWorkers.workers >= 1 && inWorkers.done > 0, `trials done in workers: ${JSON.stringify(inWorkers)}`);
    // A changed input takes over at once: the budget. The page's thread is
    // free to take the key press while the workers run.
    const slider = page.locator('.budget input[type="range"]').first();
    const before = await slider.inputValue();
    await slider.focus();
    // The new run shows as the progress bar going back: every value it takes from now on is watched in the
    // page (read after the key press, it could already be the new run's, which only grows).
    await page.evaluate(() => {
      const p = document.querySelector('#progress');
      let last = Number(p.value);
      window.__progressBack = false;
      new MutationObserver(() => {
        if (Number(p.value) < last) window.__progressBack = true;
        last = Number(p.value);
      }).observe(p, { attributes: true, attributeFilter: ['value'] });
    });
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await slider.inputValue(), before, 'the slider moved during the run');
    await page.waitForFunction(() => window.__progressBack, null, { timeout: 60_000 });
    // The million trials of the new budget, to the end.
    await READY(page, 300_000);
    const last = await page.evaluate(() => globalThis.mentorsim.last());
    assert.equal(last.result.trials, 1_000_000);
    assert.notEqual(JSON.stringify(last.scenario.budget), budgetBefore, 'the answer is for the changed budget');
    const long = await page.evaluate((from) => window.__longTasks.filter((t) => t.at >= from), t0);
    console.log(`a million trials on the page: longest main-thread task from the budget change to the end: ${Math.max(0, ...long.map((t) => t.ms))} ms (0: none over 50 ms); all over 50 ms: ${JSON.stringify(long)}`);
    assertOnlyLocal(requests);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
