// The embeddable widget as a news site would use it: a host page on another
// origin (a second local port) embeds embed.html in <iframe sandbox="allow-scripts">
// with embed-host.js. The widget computes once on screen, answers with the
// same numbers as the engine, tells the host its height, reacts to its
// controls, keeps hostile text from its URL as text, ignores stray messages,
// falls back to computing on its own thread when no worker can start, and
// loads nothing from other hosts. Screenshots at 320 and 760 px wide.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertOnlyLocal, enginePrinted, engineResult, enginePlan, openSession, requireBuild, screenshot, settleAfter, SCREENSHOTS } from './helpers.mjs';

const READY_MS = 120_000;
// The widget keeps "P5–P95" on one line with word joiners; compare without them.
const plain = (s) => (s ?? '').replace(/\u2060/g, '');

/** The first frame of `page` whose address passes `test`, waiting for it to appear. */
async function frameWhere(page, test, timeout = 60_000) {
  for (const t0 = Date.now(); Date.now() - t0 < timeout; await new Promise((r) => setTimeout(r, 50))) {
    const f = page.frames().find((fr) => test(fr.url()));
    if (f) return f;
  }
  throw new Error('no such frame');
}

const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

describe('embed', () => {
  let s;
  let hostDir;
  const allRequests = [];
  const allErrors = [];

  before(async () => {
    requireBuild();
    hostDir = await mkdtemp(join(tmpdir(), 'mentorsim-host-'));
    s = await openSession({ hostRoot: hostDir });
  });

  after(async () => {
    await s?.close();
    if (hostDir) await rm(hostDir, { recursive: true, force: true });
  });

  /**
   * Writes a host page: an article column `width` px wide with the widget's
   * iframe (query string `query`) and embed-host.js, both from the widget's origin.
   */
  async function hostPage(name, { query, width = 760, spacer = 0, sandbox = 'allow-scripts', height = 300, extra = '' }) {
    const src = `${s.base}embed.html?${query}`;
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>A host article</title>
<style>body{margin:0;font-family:Georgia,serif;background:#fafafa}article{max-width:${width}px;margin:0 auto;background:#fff}
article p,article h1{margin:0;padding:8px 0}iframe{display:block;width:100%;border:0}.spacer{height:${spacer}px}</style></head>
<body><article>
<h1>Mentoring in Brussels</h1>
<p>An article about the Actiris plan. The widget below is embedded from another origin.</p>
<div class="spacer"></div>
<iframe id="widget" data-mentorsim title="mentorsim" sandbox="${attr(sandbox)}" height="${height}" src="${attr(src)}"></iframe>
<p>The article goes on after the widget.</p>
${extra}
</article>
<script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
<script src="${attr(s.base)}embed-host.js"></script>
</body></html>
`;
    await writeFile(join(hostDir, name), html);
    return `${s.hostBase}${name}`;
  }

  async function open(name, options, pageOptions = {}) {
    const viewport = { width: options.width ?? 760, height: 900 };
    const p = await s.newPage({ viewport, ...pageOptions });
    p.dialogs = [];
    p.page.on('dialog', (d) => {
      p.dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    // Long tasks inside the widget's frame, for the measurement printed below.
    await p.context.addInitScript(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
      } catch {}
    });
    if (pageOptions.noWorkers) await p.context.addInitScript(() => delete globalThis.Worker);
    if (pageOptions.init) await p.context.addInitScript(pageOptions.init);
    await p.page.goto(await hostPage(name, options));
    p.frame = () => p.page.frames().find((f) => f.url().includes('/embed.html'));
    return p;
  }

  const ready = (frame) => frame.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: READY_MS });

  function done(p) {
    allRequests.push(...p.requests);
    allErrors.push(...p.errors);
    return p.context.close();
  }

  /** Timings from the widget's performance marks (ms since its navigation). */
  const timings = (frame) =>
    frame.evaluate(() => {
      const at = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1);
      return { visible: at('mentorsim:embed-visible'), engine: at('mentorsim:embed-engine'), quick: at('mentorsim:embed-quick-answer'), firstResult: at('mentorsim:embed-first-result'), longTasks: window.__longTasks, engineKind: document.body.dataset.engine };
    });

  test('the short form in a sandboxed iframe on another origin: the engine’s answer, its band, trials and seed', async () => {
    const p = await open('short.html', { query: 'preset=actiris-2028&lang=nl' });
    const f = p.frame();
    await ready(f);
    const tm = await timings(f);
    console.log(`widget (nl, ${tm.engineKind}): on screen at ${tm.visible} ms, engine ready ${tm.engine} ms, first answer ${tm.firstResult} ms; long tasks in the widget: ${JSON.stringify(tm.longTasks)}`);
    assert.equal(await f.evaluate(() => self.origin), 'null', 'the sandbox gives the widget an opaque origin');
    assert.equal(tm.engineKind, 'data-workers');
    // A quick answer of the first trials came first, then the full one.
    assert.ok(tm.quick > 0 && tm.quick <= tm.firstResult, `a quick answer (${tm.quick} ms) before the full one (${tm.firstResult} ms)`);

    const expected = await engineResult('actiris-2028');
    // To the digits its Monte Carlo error supports, as the engine prints it.
    const [v, d] = await enginePrinted(100 * expected.targets[0].probability_met, 100 * expected.targets[0].probability_met_se);
    const pct = new Intl.NumberFormat('nl-BE', { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }).format(v / 100);
    const card = f.locator('#w-lead .card');
    assert.equal(await card.getAttribute('data-card'), 'target-0');
    assert.equal(await card.locator('.big').textContent(), pct, 'the lead answer is the engine’s probability');
    const text = plain(await card.textContent());
    assert.match(text, /Kans dat het doel wordt gehaald/);
    assert.match(text, /±/);
    // Plain words for a newcomer: a likely range rather than "P5–P95".
    assert.match(text, /waarschijnlijk bereik|likely range|fourchette probable/);
    assert.match(plain(await f.locator('#w-run').textContent()), /10\.000 trekkingen, seed 2025/);
    const emp = expected.series.duos_started_cumulative;
    const int = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });
    assert.ok(text.includes(`${int.format(emp.p5.at(-1))} tot ${int.format(emp.p95.at(-1))}`), `band P5–P95 of the engine in ${text}`);

    assert.equal(await f.locator('#w-plot svg').count(), 1, 'one fan chart');
    assert.match(await f.locator('#w-chart-title').textContent(), /Gestarte duo’s, cumulatief/);
    assert.equal(await f.locator('#w-controls input[type="range"]').count(), 1, 'the budget slider by default');
    assert.ok(await f.locator('#w-sources a', { hasText: 'E' }).count(), 'sources in one line');

    const open_ = f.locator('#w-open');
    assert.equal(await open_.getAttribute('target'), '_blank');
    assert.match(await open_.getAttribute('rel'), /noopener/);
    const href = new URL(await open_.getAttribute('href'));
    assert.equal(href.origin + href.pathname, `${s.origin}/index.html`);
    assert.equal(href.searchParams.get('preset'), 'actiris-2028');
    assert.equal(href.searchParams.get('lang'), 'nl');
    assert.equal(href.searchParams.get('seed'), '2025');

    // The host heard the height and applied it.
    await p.page.waitForFunction(() => {
      const last = window.__messages.filter((m) => m && m.type === 'mentorsim:resize').at(-1);
      return last && Math.abs(document.getElementById('widget').getBoundingClientRect().height - last.height) < 1;
    });
    const sizes = await p.page.evaluate(() => ({
      messages: window.__messages.filter((m) => m && m.type === 'mentorsim:resize').map((m) => m.height),
      iframe: document.getElementById('widget').getBoundingClientRect().height,
    }));
    const content = await f.evaluate(() => Math.ceil(document.getElementById('w').getBoundingClientRect().height));
    assert.equal(sizes.iframe, content, 'the iframe is exactly as tall as the widget');
    assert.ok(sizes.iframe > 300, 'taller than the height in the tag');
    assert.equal(await f.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'no scrolling inside the iframe');
    console.log(`resize messages: ${JSON.stringify(sizes.messages)}; iframe height ${sizes.iframe} px`);
    assert.ok(Math.max(...sizes.messages) <= sizes.iframe + 100, 'no height sent before the widget had its styles');

    assert.equal(await f.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'no horizontal overflow');
    await screenshot(p.page, 'embed-760');
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('320 px wide: everything fits and reads', async () => {
    const p = await open('narrow.html', { query: 'preset=actiris-2028&lang=fr&controls=budget,cost-per-duo,employment-rate', width: 320 });
    const f = p.frame();
    await ready(f);
    await p.page.waitForFunction(() => {
      const last = window.__messages.filter((m) => m && m.type === 'mentorsim:resize').at(-1);
      return last && Math.abs(document.getElementById('widget').getBoundingClientRect().height - last.height) < 1;
    });
    assert.equal(await f.evaluate(() => innerWidth), 320);
    assert.equal(await f.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'no horizontal overflow at 320 px');
    assert.equal(await f.locator('#w-controls input[type="range"]').count(), 3);
    const svgWidth = await f.evaluate(() => document.querySelector('#w-plot svg').getBoundingClientRect().width);
    assert.ok(svgWidth <= 300 && svgWidth >= 240, `the chart is drawn at the width it has (${svgWidth} px)`);
    assert.match(plain(await f.locator('#w-run').textContent()), /10\u202f000 essais, graine 2025/);
    await screenshot(p.page, 'embed-320');
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('the first answer is a quick one from the headline’s series: the lead card and its chart, the downloads with the full answer', async () => {
    // In the widget's frame: what is on screen when the state turns quick, then ready.
    const init = () => {
      if (!location.pathname.endsWith('/embed.html')) return;
      window.__states = [];
      document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver(() => {
          const state = document.body.dataset.state;
          if (!['quick', 'ready'].includes(state) || window.__states.some((x) => x.state === state)) return;
          const rows = document.querySelectorAll('#w-table tbody tr').length;
          window.__states.push({ state, chart: !!document.querySelector('#w-plot svg'), rows, card: document.querySelector('#w-lead [data-card]')?.dataset.card, lead: document.querySelector('#w-lead .big')?.textContent, run: document.getElementById('w-run').textContent, downloads: !document.getElementById('w-downloads').hidden });
        }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] })
      );
    };
    const p = await open('quick.html', { query: 'preset=actiris-2028&lang=en&lead=budget' }, { init });
    const f = p.frame();
    await ready(f);
    const [quick, full] = await f.evaluate(() => window.__states);
    assert.equal(quick?.state, 'quick', JSON.stringify(quick));
    assert.ok(quick.card === 'budget' && quick.chart && quick.rows > 0 && quick.lead, `the quick answer draws the lead card asked for and its chart: ${JSON.stringify(quick)}`);
    assert.match(quick.run, /1,000 trials/);
    assert.equal(quick.downloads, false, 'no downloads before the full answer');
    assert.equal(full.state, 'ready');
    assert.ok(full.card === 'budget' && full.chart && full.rows === quick.rows && full.downloads, JSON.stringify(full));
    assert.match(full.run, /10,000 trials/);
    assert.deepEqual(p.errors, []);
    await done(p);
  });

  test('a chance met in no trial reads as its bound, in the reader’s language', async () => {
    const p = await open('bound.html', { query: 'preset=actiris-2028&lang=fr&lead=target-2' });
    const f = p.frame();
    await ready(f);
    assert.match((await f.locator('#w-lead .big').textContent()).trim(), /^0[\s\u202f]%$/);
    const unit = (await f.locator('#w-lead .unit').textContent()).replace(/[\u202f\u00a0]/g, ' ');
    assert.equal(unit, 'Chance d’atteindre l’objectif (moins de 0,030 % avec 95 % de confiance)');
    assert.deepEqual(p.errors, []);
    await done(p);
  });

  test('the sliders sit on the values their labels show; the effect runs in points over its evidence\'s range', async () => {
    const p = await open('sliders.html', { query: 'preset=duo-for-a-job&lang=fr&controls=budget,cost-per-duo,effect,employment-rate', width: 360 });
    const f = p.frame();
    await ready(f);
    const got = await f.locator('#w-controls .ctl').evaluateAll((els) => els.map((el) => {
      const i = el.querySelector('input');
      return { control: el.dataset.control, value: Number(i.value), min: Number(i.min), max: Number(i.max), shown: el.querySelector('output').textContent };
    }));
    const by = Object.fromEntries(got.map((g) => [g.control, g]));
    // The published figures of duo-for-a-job: EUR 1,244,500 a year, EUR 2,030 a duo (most likely), an effect of 3 points (most likely) from -2 to +10.
    assert.equal(by.budget.value, 1_244_500, 'the budget slider sits on the budget');
    assert.equal(by['cost-per-duo'].value, 2030, 'the cost slider sits on 2,030');
    assert.match(by['cost-per-duo'].shown, /^2[\s\u202f]030/);
    assert.ok(Math.abs(by.effect.value - 0.03) < 1e-9, `the effect slider sits on 3 points (${by.effect.value})`);
    assert.equal(by.effect.shown, '+3 points');
    assert.ok(Math.abs(by.effect.min + 0.02) < 1e-9 && Math.abs(by.effect.max - 0.1) < 1e-9, `the effect runs from −2 to +10 points (${by.effect.min} to ${by.effect.max})`);
    assert.ok(!/%/.test(by.effect.shown), 'the effect says points, not %');
    assert.deepEqual(p.errors, []);
    await done(p);
  });

  test('moving a control changes the answer and the link to the full simulator', async () => {
    const p = await open('control.html', { query: 'preset=actiris-2028&lang=en&controls=budget,cost-per-duo' });
    const f = p.frame();
    await ready(f);
    const before_ = await f.locator('#w-lead .big').textContent();
    const slider = f.locator('[data-control="budget"] input[type="range"]');
    await slider.focus();
    await settleAfter(f, () => slider.press('End'), READY_MS);
    const after_ = await f.locator('#w-lead .big').textContent();
    assert.notEqual(after_, before_, `the answer changed (${before_} → ${after_})`);
    assert.match(await f.locator('[data-control="budget"] output').textContent(), /^€\d+(\.\d)?M$/);
    const href = new URL(await f.locator('#w-open').getAttribute('href'));
    const edits = JSON.parse(href.searchParams.get('edits'));
    assert.ok(edits['budget.constant'] > 2_200_000, `the link carries the new budget: ${href.searchParams.get('edits')}`);
    assert.equal(await f.locator('.w-reset').count(), 1, 'a way back to the published scenario');
    // The preset's sentence about EUR 2.2 M a year is marked as the scenario as published.
    assert.match(await f.locator('#w-intro').textContent(), /^As published: Actiris funds/);

    // A cheaper duo buys more duos: compare with the engine.
    await f.locator('.w-reset').click();
    await ready(f);
    assert.equal(await f.locator('#w-lead .big').textContent(), before_, 'reset gives the published answer again');
    const cost = f.locator('[data-control="cost-per-duo"] input[type="range"]');
    await cost.focus();
    await settleAfter(f, () => cost.press('Home'), READY_MS);
    assert.notEqual(await f.locator('#w-lead .big').textContent(), before_);
    assert.equal(await f.locator('#w-title .chip').count(), 1, 'the title says the scenario was edited');

    // The frame, and the article around it, keep their height while the hand moves the slider: each step shows
    // a quick answer, then the full one, and the status line comes and goes empty without taking room or giving it.
    await p.page.evaluate(() => {
      window.__heights = new Set();
      const frame = document.querySelector('iframe[data-mentorsim]');
      const tick = () => {
        window.__heights.add(Math.round(frame.getBoundingClientRect().height));
        if (!window.__stop) requestAnimationFrame(tick);
      };
      tick();
    });
    for (let i = 0; i < 3; i++) {
      await cost.press('ArrowRight');
      await p.page.waitForTimeout(60);
    }
    await settleAfter(f, () => cost.press('ArrowRight'), READY_MS);
    await p.page.waitForTimeout(200); // the last height message crosses to the host page
    const heights = await p.page.evaluate(() => ((window.__stop = true), [...window.__heights]));
    assert.equal(heights.length, 1, `the widget's frame took the heights ${heights.join(', ')} px`);
    await screenshot(p.page, 'embed-control-moved');
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('text from the URL stays text: title, scenario labels and bad options', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const q = new URLSearchParams({
      preset: 'actiris-2028',
      lang: 'en',
      title: `${evil} <b>bold?</b>`,
      edits: JSON.stringify({ 'name.en': `${evil}name`, 'targets.0.label': { en: `<svg onload=alert(2)>target`, fr: 'x', nl: 'x' } }),
      controls: 'budget,<script>alert(3)</script>',
      lead: '<img src=x onerror=alert(4)>',
      accent: 'red;} body { display:none',
      font: '"><img src=x onerror=alert(5)>',
    });
    const p = await open('hostile.html', { query: q.toString() });
    const f = p.frame();
    await ready(f);
    const title = await f.locator('#w-title').textContent();
    assert.ok(title.startsWith(`${evil} <b>bold?</b>`), `the title is shown literally: ${title}`);
    assert.ok(await f.getByText(evil, { exact: false }).first().isVisible(), 'the literal text is visible');
    assert.match(await f.locator('#w-lead .card h3').textContent(), /^<svg onload=alert\(2\)>target$/);
    const notes = await f.locator('#w-notes').textContent();
    assert.match(notes, /<script>alert\(3\)<\/script>/);
    assert.match(notes, /accent/);
    const counts = await f.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      script: document.querySelectorAll('body script').length,
      b: document.querySelectorAll('b').length,
      pwned: document.body.dataset.pwned ?? null,
      hidden: getComputedStyle(document.body).display,
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    }));
    assert.deepEqual(counts, { img: 0, svgOnload: 0, script: 0, b: 0, pwned: null, hidden: 'block', accent: '#0b4f9c' });
    assert.deepEqual(p.dialogs, [], 'no script from the URL ran');
    assert.ok(!p.requests.some((u) => /\/x$/.test(new URL(u).pathname)), 'no image was requested');
    await screenshot(p.page, 'embed-hostile-text');
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('stray messages: the widget ignores them, embed-host.js checks source and shape', async () => {
    // A second, foreign iframe on the host page tries to resize things.
    const foreign = `<iframe id="foreign" height="100" srcdoc="${attr('<script>parent.postMessage({type:"mentorsim:resize",height:4000},"*")</script>')}"></iframe>`;
    const p = await open('stray.html', { query: 'preset=actiris-2028&lang=en', extra: foreign });
    const f = p.frame();
    await ready(f);
    await p.page.waitForTimeout(300);
    const h0 = await p.page.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
    assert.equal(await p.page.evaluate(() => document.getElementById('foreign').getBoundingClientRect().height), 100, 'a frame without data-mentorsim is never resized');
    const answer = await f.locator('#w-lead .big').textContent();

    // Messages into the widget change nothing.
    await p.page.evaluate(() => {
      const w = document.getElementById('widget').contentWindow;
      for (const m of [{ type: 'mentorsim:resize', height: 1 }, 'hello', { type: 'mentorsim:set', budget: 0 }, null, { type: 'mentorsim:run' }]) w.postMessage(m, '*');
    });
    await p.page.waitForTimeout(500);
    assert.equal(await f.evaluate(() => document.body.dataset.state), 'ready');
    assert.equal(await f.locator('#w-lead .big').textContent(), answer);

    // embed-host.js: only a finite positive number, capped; only from the widget's own window.
    const heights = await p.page.evaluate(() => {
      const frame = document.getElementById('widget');
      const send = (data, source = frame.contentWindow) => {
        window.dispatchEvent(new MessageEvent('message', { data, source }));
        return frame.getBoundingClientRect().height;
      };
      return {
        nan: send({ type: 'mentorsim:resize', height: NaN }),
        negative: send({ type: 'mentorsim:resize', height: -5 }),
        string: send({ type: 'mentorsim:resize', height: '600' }),
        infinite: send({ type: 'mentorsim:resize', height: Infinity }),
        wrongType: send({ type: 'resize', height: 700 }),
        wrongSource: send({ type: 'mentorsim:resize', height: 700 }, window),
        capped: send({ type: 'mentorsim:resize', height: 1e9 }),
        good: send({ type: 'mentorsim:resize', height: 640.2 }),
      };
    });
    assert.deepEqual(heights, { nan: h0, negative: h0, string: h0, infinite: h0, wrongType: h0, wrongSource: h0, capped: 10_000, good: 641 });
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('computes nothing until it scrolls into view', async () => {
    const p = await open('below.html', { query: 'preset=actiris-2028&lang=en', spacer: 2500 });
    const f = p.frame();
    await f.waitForFunction(() => document.body.dataset.state === 'idle');
    await p.page.waitForTimeout(1500);
    assert.equal(await f.evaluate(() => document.body.dataset.state), 'idle');
    assert.ok(!p.requests.some((u) => u.endsWith('.wasm')), 'the engine is not even fetched');
    assert.match(await f.locator('#w-wait').textContent(), /starts when this box is on screen/);
    await p.page.locator('#widget').scrollIntoViewIfNeeded();
    await ready(f);
    assert.ok(p.requests.some((u) => u.endsWith('.wasm')));
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  for (const noWorkers of [false, true]) {
    test(`in its sandbox on another origin, "What does it take?" finds the plan ${noWorkers ? 'on its own thread (no worker)' : 'in a data: worker'}`, async () => {
      const p = await open(`plan-${noWorkers}.html`, { query: 'preset=targets-2030-2035&lang=en&trials=1000' }, { noWorkers });
      const f = p.frame();
      await ready(f);
      assert.equal(await f.evaluate(() => document.body.dataset.engine), noWorkers ? 'main-thread' : 'data-workers');
      await f.locator('#w-plan-open').click();
      await f.waitForFunction(() => document.body.dataset.plan === 'ready' || document.body.dataset.plan === 'error', null, { timeout: READY_MS });
      assert.equal(await f.evaluate(() => document.body.dataset.plan), 'ready', await f.locator('#w-plan').textContent());
      const plan = await enginePlan('targets-2030-2035', { targets: [2], confidence: 0.8 }, 1000);
      assert.deepEqual(await f.locator('#w-plan #plan-table tbody th').allTextContents(), plan.years.map((y) => String(y.year)));
      assert.deepEqual(p.errors, []);
      assertOnlyLocal(p.requests);
      await done(p);
    });
  }

  test('with no worker at all it computes on its own thread in slices, with the same numbers', async () => {
    const p = await open('noworker.html', { query: 'preset=actiris-2028&lang=en&lead=employed&theme=dark&accent=e07000&font=serif' }, { noWorkers: true });
    const f = p.frame();
    await ready(f);
    const tm = await timings(f);
    console.log(`widget (main thread): first answer ${tm.firstResult} ms after load (${tm.firstResult - tm.engine} ms computing); long tasks: ${JSON.stringify(tm.longTasks)}`);
    assert.equal(tm.engineKind, 'main-thread');
    const expected = await engineResult('actiris-2028');
    const median = new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(expected.series.employed_cumulative.p50.at(-1));
    assert.equal(await f.locator('#w-lead .big').textContent(), median, 'same numbers as the engine run in one piece');
    assert.equal(await f.locator('#w-lead .card').getAttribute('data-card'), 'employed');
    assert.equal(await f.evaluate(() => document.documentElement.classList.contains('dark')), true);
    assert.equal(await f.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#e07000');
    assert.equal(await f.evaluate(() => getComputedStyle(document.querySelector('.w-title')).fontFamily.startsWith('Georgia')), true);
    // The run is split into tasks: none of them holds the thread for most of it.
    const longest = Math.max(0, ...tm.longTasks);
    const computing = tm.firstResult - tm.engine;
    assert.ok(longest < 0.75 * computing, `no frozen page: the longest task took ${longest} ms of ${computing} ms`);
    await screenshot(p.page, 'embed-dark-main-thread');
    assert.deepEqual(p.errors, []);
    assertOnlyLocal(p.requests);
    await done(p);
  });

  test('"Embed this" on the page writes the code for the scenario on screen, previews it and copies it', async () => {
    const p = await s.newPage({ viewport: { width: 1280, height: 1000 } });
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.origin });
    const edits = encodeURIComponent(JSON.stringify({ 'budget.constant': 3_000_000 }));
    await p.page.goto(`${s.base}index.html?preset=actiris-2028&lang=en&edits=${edits}`);
    await p.page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: READY_MS });
    await p.page.locator('#btn-embed').click();
    const dialog = p.page.locator('dialog.embed-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Answer to lead with').selectOption('employed');
    await dialog.getByLabel('Cost per duo').check();
    await dialog.getByLabel('Theme').selectOption('dark');
    await dialog.getByLabel('Language of the widget').selectOption('fr');
    await dialog.getByLabel('Heading (optional', { exact: false }).fill('Le mentorat en 2028');
    const code = dialog.locator('textarea.ed-code');
    await p.page.waitForFunction(() => document.querySelector('textarea.ed-code').value.includes('lead=employed') && document.querySelector('textarea.ed-code').value.includes('mentorat'));
    const snippet = await code.inputValue();
    assert.match(snippet, /^<iframe data-mentorsim src="http:\/\/localhost:\d+\/embed\.html\?preset=actiris-2028&amp;edits=/);
    const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    const q = new URL(src).searchParams;
    assert.deepEqual(JSON.parse(q.get('edits')), { 'budget.constant': 3_000_000 }, 'the scenario on screen');
    assert.equal(q.get('controls'), 'budget,cost-per-duo');
    assert.equal(q.get('lead'), 'employed');
    assert.equal(q.get('theme'), 'dark');
    assert.equal(q.get('lang'), 'fr');
    assert.equal(q.get('title'), 'Le mentorat en 2028');
    assert.match(snippet, /sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads"/);
    assert.match(snippet, /<script src="http:\/\/localhost:\d+\/embed-host\.js" async><\/script>$/);

    // The preview is the real widget, sandboxed as the code says, and fits its height.
    await p.page.waitForFunction(() => [...document.querySelectorAll('dialog iframe')].some((f) => f.getAttribute('src').includes('lead=employed') && f.getAttribute('src').includes('mentorat')));
    const preview = await frameWhere(p.page, (u) => u.includes('lead=employed') && u.includes('mentorat'));
    await ready(preview);
    assert.equal(await preview.locator('#w-lead .card').getAttribute('data-card'), 'employed');
    assert.equal(await preview.locator('#w-title').textContent(), 'Le mentorat en 2028');
    await p.page.waitForFunction(() => document.querySelector('dialog iframe').getBoundingClientRect().height > 400);
    await mkdir(SCREENSHOTS, { recursive: true });
    await dialog.screenshot({ path: `${SCREENSHOTS}/embed-dialog.png` });

    await dialog.getByRole('button', { name: 'Copy the code' }).click();
    await dialog.getByText('Code copied').waitFor();
    assert.equal(await p.page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
    await p.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await p.page.locator('dialog iframe').count(), 0, 'closing stops the preview');
    // Each change of choice navigates the preview, which aborts the loads of the one before: not an error.
    const pageErrors = p.errors.filter((e) => !/^request failed: .*\(net::ERR_ABORTED\)$/.test(e));
    allRequests.push(...p.requests);
    await p.context.close();
    assert.deepEqual(pageErrors, []);

    // The copied code, pasted as it is into an article on another origin.
    await writeFile(join(hostDir, 'pasted.html'), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body><article style="max-width:640px;margin:auto"><p>Texte de l’article.</p>\n${snippet}\n<p>Suite.</p></article></body></html>`);
    const h2 = await s.newPage({ viewport: { width: 700, height: 900 } });
    await h2.page.goto(`${s.hostBase}pasted.html`);
    const f = await frameWhere(h2.page, (u) => u.includes('/embed.html'));
    await ready(f);
    assert.equal(await f.locator('#w-controls input[type="range"]').count(), 2);
    await h2.page.waitForFunction(() => document.querySelector('iframe[data-mentorsim]').style.height !== '');
    await h2.page.waitForTimeout(300);
    const [frameH, contentH] = [await h2.page.evaluate(() => document.querySelector('iframe[data-mentorsim]').getBoundingClientRect().height), await f.evaluate(() => Math.ceil(document.getElementById('w').getBoundingClientRect().height))];
    assert.equal(frameH, contentH, 'embed-host.js fitted the pasted iframe');
    // allow-downloads in the code: the numbers can be downloaded from inside the sandbox.
    const [dl] = await Promise.all([h2.page.waitForEvent('download'), f.getByRole('button', { name: 'chiffres (CSV)' }).click()]);
    const csv = await readFile(await dl.path(), 'utf8');
    assert.match(csv, /^\ufeffScénario;Actiris 2025-2028 .*\(modifié\)\r\n/);
    assert.match(csv, /\r\nChiffre;Unité;Année;Moyenne;P5;/);
    assert.match(dl.suggestedFilename(), /^mentorsim-actiris-2028-2025-quantiles\.csv$/);
    // Every series, though the widget's runs summarised only those it shows.
    const lines = csv.split('\r\n').map((l) => l.split(';'));
    const head = lines.findIndex((l) => l[0] === 'Chiffre');
    const figures = new Set(lines.slice(head + 1).filter((l) => /^\d{4}$/.test(l[2])).map((l) => l[0]));
    assert.equal(figures.size, Object.keys((await engineResult('actiris-2028')).series).length, `${figures.size} series in the CSV`);
    await done(h2);
  });

  test('no console errors and no request outside localhost in any of the above', () => {
    assert.deepEqual(allErrors, []);
    assertOnlyLocal(allRequests);
    assert.ok(allRequests.some((u) => u.startsWith(s.hostOrigin)), 'host pages came from the second origin');
    assert.ok(allRequests.some((u) => u.startsWith(`${s.origin}/pkg/mentorsim_bg.wasm`)), 'the widget came from the first');
  });
});
