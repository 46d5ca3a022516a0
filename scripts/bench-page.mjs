// Speed and weight of the page, measured (not asserted): `make bench-page`.
//
//   1. time to first result: navigation start to the headline answers of the
//      default preset on screen (the page's mark mentorsim:first-result: a
//      quick answer of LIVE_TRIALS trials comes first), and to every chart
//      drawn at the full trial count, in Debian's Chromium (median of 5 fresh
//      loads);
//   2. trials per second of the engine in WebAssembly (Node, one thread)
//      against the native CLI on one thread, for the same run;
//   3. the gzipped size of everything the page loads;
//   4. the longest main-thread task while the budget slider moves (ten key
//      presses, 60 ms apart) and the page re-runs;
//   5. the slider's latency: input event to the headline updated, for the
//      quick answer and the full one, and to everything drawn again (median
//      and P95 of 20 moves); the same in the widget (embed.html), to its
//      card and chart updated;
//   6. the longest main-thread task during a million-trial run of the
//      Actiris preset, with a budget change half-way that takes over;
//   7. "What does it take?" for the Actiris target: the key press to the
//      answer on screen (median of 5; the aim is under 2 s).
//
// Needs `make wasm` and a release build of the CLI (`cargo build --release`).
// The figures are kept in benches/figures.json and the README's table rebuilt
// from them (scripts/bench-figures.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openSession, REPO } from '../tests/e2e/helpers.mjs';
import { keep, writeReadme } from './bench-figures.mjs';
import { LIVE_TRIALS } from '../www/lib/session.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The 95th percentile (nearest rank). */
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

/** Everything a load of the page fetches, gzipped: url -> bytes. */
async function pageWeight(s) {
  const { page } = await s.newPage();
  const sizes = new Map();
  const pending = [];
  page.on('response', (r) =>
    pending.push(
      r.body().then(
        (body) => sizes.set(r.url(), gzipSync(body).length),
        () => {
          /* a response without a body (redirect, aborted) weighs nothing */
        },
      ),
    ),
  );
  await page.goto(s.base + 'index.html');
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await page.close();
  return sizes;
}

async function pageFigures() {
  const s = await openSession();
  try {
    // The timed loads are not weighed: gzipping each response as it comes
    // took the cores the page was loading on (the wasm alone is 0.7 MB), and
    // put 100 ms or more on the first answer. One more load, untimed, is
    // weighed.
    const times = [];
    for (let i = 0; i < 5; i++) {
      const { page } = await s.newPage();
      await page.goto(s.base + 'index.html');
      await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
      // The page's own marks: headline answers on screen, then every chart drawn.
      times.push(await page.evaluate(() => ['mentorsim:first-result', 'mentorsim:first-charts'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN)));
      await page.close();
    }
    const bytes = await pageWeight(s);
    const { page } = await s.newPage();
    await page.goto(s.base + 'index.html');
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.locator('[data-field="budget.constant"] input[type="range"]').focus();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(60);
    }
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
    const longest = await page.evaluate(() => Math.max(0, ...window.__tasks));
    const lat = await sliderLatency(page, 'mentorsim:headline');
    await page.close();
    const widget = await widgetLatency(s);
    const million = await millionTrials(s);
    const solve = await solveTimes(s);
    const planTargets = await solveTimes(s, 'targets-2030-2035', [3, 2]);
    const wasmBytes = [...bytes].filter(([url]) => url.endsWith('.wasm')).reduce((a, [, b]) => a + b, 0);
    return { loads: times.length, firstResultMs: median(times.map((t) => t[0])), firstChartsMs: median(times.map((t) => t[1])), gzipBytes: [...bytes.values()].reduce((a, b) => a + b, 0), wasmBytes, files: bytes.size, longestTaskMs: longest, widget, millionLongestTaskMs: million, solveMs: median(solve), planTargetsMs: median(planTargets), latency: lat, heaviest: [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 8) };
  } finally {
    await s.close();
  }
}

/**
 * Slider latency on `page`, whose range input has the focus: from the input
 * event to the answer on screen, quick and then full (the page's or the
 * widget's mark `mark`, detail "quick" or "full"), and to everything drawn
 * again (state "ready"); one key press at a time, each left to finish, 20
 * of them. Returns the lists of times (ms).
 */
async function sliderLatency(page, mark) {
  await page.evaluate((mark) => {
    window.__lat = { quick: [], full: [], drawn: [] };
    // The time of the last input, kept after everything is drawn: the
    // observer of marks hears of them a task later than the state changes.
    let t = null;
    const seen = { quick: true, full: true, drawn: true };
    document.addEventListener(
      'input',
      (e) => {
        if (e.target.type !== 'range') return;
        t = performance.now();
        seen.quick = seen.full = seen.drawn = false;
      },
      true,
    );
    new PerformanceObserver((l) => {
      for (const m of l.getEntries()) {
        const kind = m.detail;
        if (m.name !== mark || t === null || m.startTime < t || !(kind in window.__lat) || seen[kind]) continue;
        window.__lat[kind].push(m.startTime - t);
        seen[kind] = true;
      }
    }).observe({ type: 'mark' });
    new MutationObserver(() => {
      if (!seen.drawn && document.body.dataset.state === 'ready') {
        window.__lat.drawn.push(performance.now() - t);
        seen.drawn = true;
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
  }, mark);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction((n) => window.__lat.drawn.length > n, i, { timeout: 30_000 });
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => window.__lat);
}

/** The widget's slider latency (the default preset's budget slider), as the page's. */
async function widgetLatency(s) {
  const { page } = await s.newPage();
  await page.goto(s.base + 'embed.html?preset=actiris-2028');
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30_000 });
  await page.locator('#w-controls input[type="range"]').first().focus();
  const lat = await sliderLatency(page, 'mentorsim:embed-answer');
  await page.close();
  return lat;
}

/** The longest main-thread task (ms; 0 if none over 50 ms) while a million trials run and a budget change takes over. */
async function millionTrials(s) {
  const { page } = await s.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push({ at: e.startTime, ms: e.duration }))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(s.base + 'index.html?preset=actiris-2028');
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 60_000 });
  const t0 = await page.evaluate(() => performance.now());
  const field = page.locator('#controls-body input[data-field="trials"], [data-field="trials"] input').first();
  await field.fill('1000000');
  await field.press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('#progress')?.value) > 200_000, null, { timeout: 120_000 });
  await page.locator('.budget input[type="range"]').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && globalThis.mentorsim.last()?.result.trials === 1_000_000, null, { timeout: 300_000 });
  const longest = await page.evaluate((from) => Math.max(0, ...window.__tasks.filter((t) => t.at >= from).map((t) => t.ms)), t0);
  await page.close();
  return longest;
}

/**
 * "What does it take?" as a plan (the panel's first choice), five times: ms
 * from the key press to the answer. `targets`: the targets ticked (from 0),
 * the panel opened on the first.
 */
async function solveTimes(s, preset = 'actiris-2028', targets = [0]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const { page } = await s.newPage();
    await page.goto(s.base + `index.html?preset=${preset}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
    await page.locator(`#solve-open-${targets[0]}`).click();
    for (const k of targets.slice(1)) await page.locator(`#plan-target-${k}`).check();
    await page.locator('#solve-run').focus();
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.solve === 'ready', null, { timeout: 60_000 });
    times.push(Date.now() - t0);
    await page.close();
  }
  return times;
}

async function wasmVersusNative(preset, trials) {
  const { initSync, preset: getPreset, simulate } = await import(REPO + 'www/pkg/mentorsim.js');
  initSync({ module: readFileSync(REPO + 'www/pkg/mentorsim_bg.wasm') });
  const scenario = getPreset(preset);
  const wasmTimes = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    simulate(scenario, { trials, seed: 1 });
    wasmTimes.push(performance.now() - t0);
  }
  const nativeTimes = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    execFileSync(REPO + 'target/release/mentorsim', ['run', '--preset', preset, '--trials', String(trials), '--seed', '1', '--threads', '1', '--json'], { maxBuffer: 1 << 26 });
    nativeTimes.push(performance.now() - t0);
  }
  return { wasm: trials / (median(wasmTimes) / 1000), native: trials / (median(nativeTimes) / 1000) };
}

const page = await pageFigures();
console.log(`time to first result (default preset, navigation start to the headline answers on screen, median of 5 loads): ${page.firstResultMs.toFixed(0)} ms; every chart drawn: ${page.firstChartsMs.toFixed(0)} ms`);
console.log(`everything the page loads: ${page.files} files, ${(page.gzipBytes / 1024).toFixed(0)} KiB gzipped`);
console.log(`longest main-thread task while the budget slider moves (10 steps): ${page.longestTaskMs.toFixed(0)} ms (tasks under 50 ms are not reported by the browser)`);
console.log(`longest main-thread task during a million trials of actiris-2028 with a budget change: ${page.millionLongestTaskMs.toFixed(0)} ms (tasks under 50 ms are not reported by the browser)`);
console.log(`"What does it take?", the plan for the Actiris target, key press to the answer (median of 5): ${page.solveMs.toFixed(0)} ms (aim: under 2 s)`);
console.log(`"What does it take?", the plan for the 2030 and 2035 yearly levels together (targets-2030-2035), key press to the answer (median of 5): ${page.planTargetsMs.toFixed(0)} ms (aim: under 2 s)`);
const { quick, full, drawn } = page.latency;
console.log(
  `slider latency, input event to headline updated (default preset, ${drawn.length} moves): quick answer (${LIVE_TRIALS} trials) median ${median(quick).toFixed(0)} ms, P95 ${p95(quick).toFixed(0)} ms (${quick.length} seen); full answer (10,000 trials) median ${median(full).toFixed(0)} ms, P95 ${p95(full).toFixed(0)} ms (${full.length} seen); everything drawn again median ${median(drawn).toFixed(0)} ms, P95 ${p95(drawn).toFixed(0)} ms`,
);
{
  const { quick, full, drawn } = page.widget;
  console.log(
    `widget slider latency, input event to its card and chart updated (actiris-2028, ${drawn.length} moves): quick answer median ${median(quick).toFixed(0)} ms, P95 ${p95(quick).toFixed(0)} ms (${quick.length} seen); full answer median ${median(full).toFixed(0)} ms, P95 ${p95(full).toFixed(0)} ms (${full.length} seen)`,
  );
}
console.log(`heaviest files (gzipped): ${page.heaviest.map(([url, b]) => `${new URL(url).pathname} ${(b / 1024).toFixed(0)} KiB`).join(', ')}`);
const vs = [];
for (const [preset, trials] of [['actiris-2028', 10_000], ['targets-2030-2035', 100_000]]) {
  const r = await wasmVersusNative(preset, trials);
  vs.push({ preset, trials, wasm_per_s: r.wasm, native_per_s: r.native, ratio: r.wasm / r.native });
  console.log(
    `${preset}, ${trials} trials, one thread: wasm ${Math.round(r.wasm)} trials/s, native ${Math.round(r.native)} trials/s (wasm/native ${(r.wasm / r.native).toFixed(2)})`,
  );
}
keep('page', {
  loads: page.loads,
  first_result_s: page.firstResultMs / 1000,
  first_charts_s: page.firstChartsMs / 1000,
  first_quick: LIVE_TRIALS,
  slider: {
    moves: drawn.length,
    quick_trials: LIVE_TRIALS,
    full_trials: 10_000,
    quick_median_s: median(quick) / 1000,
    quick_p95_s: p95(quick) / 1000,
    full_median_s: median(full) / 1000,
    full_p95_s: p95(full) / 1000,
    drawn_median_s: median(drawn) / 1000,
    drawn_p95_s: p95(drawn) / 1000,
  },
  widget_slider: {
    moves: page.widget.drawn.length,
    quick_median_s: median(page.widget.quick) / 1000,
    quick_p95_s: p95(page.widget.quick) / 1000,
    full_median_s: median(page.widget.full) / 1000,
    full_p95_s: p95(page.widget.full) / 1000,
  },
  longest_task_s: page.longestTaskMs / 1000,
  million_longest_task_s: page.millionLongestTaskMs / 1000,
  solve_s: page.solveMs / 1000,
  plan_targets_s: page.planTargetsMs / 1000,
  gzip_bytes: page.gzipBytes,
  wasm_gzip_bytes: page.wasmBytes,
  files: page.files,
  wasm_vs_native: vs,
});
writeReadme();
console.log('benches/figures.json and the README table updated');
