// Runs simulations for the widget, wherever it finds itself.
//
// On its own origin the widget uses the page's worker pool (pool.js). Inside
// <iframe sandbox="allow-scripts"> its origin is opaque ("null"): Chromium
// then refuses `new Worker(url)` for the worker's http URL (SecurityError)
// and blob: workers too, but accepts a module worker from a data: URL, whose
// only line imports the real worker.js (fetched with CORS, which is why the
// server must send Access-Control-Allow-Origin: *). If that fails as well,
// the run is computed on the page's own thread a step of trials at a time,
// with a task boundary between steps, so the page stays responsive; the
// engine's RangeRun keeps the summary between steps and gives the numbers
// of a run in one piece, so every way gives the same numbers.
//
// Each way is tried with a probe: a worker that must answer "ready" to an
// init message carrying the compiled module. A way that cannot work here
// fails at once (an exception, an error event); one that is only slow, on a
// machine whose cores are all busy, is given 20 s, and a tick of the probe's
// clock that comes late (the page's thread was held) gives it a fresh grace
// period (clock.js), so that a busy machine does not send the widget to
// compute on its own thread.

import { loadEngine } from './engine.js';
import { WorkerPool, Cancelled } from './pool.js';
import { pageClock, watchdog } from './clock.js';

export { Cancelled };

export const WORKER = new URL('./worker.js', import.meta.url);
const PROBE_MS = 20_000;

/** A data: URL of a module worker that imports worker.js by its absolute address. */
export function dataWorkerUrl(workerUrl = WORKER) {
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(`import ${JSON.stringify(String(workerUrl))};\n`)}`;
}

/** Resolves true if a module worker at `url` starts and instantiates `module` within `ms` (see above). */
export function probeWorker(url, module, ms = PROBE_MS, clock = pageClock) {
  return new Promise((resolve) => {
    let w;
    try {
      w = new Worker(url, { type: 'module' });
    } catch {
      resolve(false);
      return;
    }
    let settled = false;
    const end = (ok) => {
      if (settled) return;
      settled = true;
      stop();
      w.terminate();
      resolve(ok);
    };
    const period = Math.max(50, Math.min(1000, ms / 4));
    let deadline = clock.now() + ms;
    const stop = watchdog(clock, period, {
      check: (now) => now > deadline && end(false),
      grace: (now) => (deadline = Math.max(deadline, now + 4 * period)),
    });
    w.onmessage = ({ data }) => end(Boolean(data && data.type === 'ready'));
    w.onerror = (e) => {
      e.preventDefault?.();
      end(false);
    };
    w.onmessageerror = () => end(false);
    try {
      w.postMessage({ type: 'init', module });
    } catch {
      end(false);
    }
  });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs on this thread a step at a time, each step sized to take about
 * `stepMs` (the engine gets faster after its first calls, so the size is
 * measured as it goes), with a task boundary between steps. One RangeRun
 * holds the whole run: nothing is merged at the end (merging slices cost
 * 65-310 ms in one task for 10,000 trials of actiris-2028).
 */
export function mainThreadRunner(api, { stepMs = 25, firstStep = 50 } = {}) {
  let gen = 0;
  return {
    kind: 'main-thread',
    cancel() {
      gen += 1;
    },
    async run(scenario, { trials, seed, series }, onProgress) {
      const mine = ++gen;
      const t0 = performance.now();
      let range = new api.RangeRun(scenario, { trials, seed, series });
      try {
        let size = firstStep;
        while (!range.finished) {
          await nextTask();
          if (mine !== gen) throw new Cancelled();
          const start = performance.now();
          const done = range.step(size);
          const took = Math.max(1, performance.now() - start);
          onProgress?.(done, trials);
          size = Math.max(10, Math.min(4 * size, Math.round((size * stepMs) / took)));
        }
        await nextTask();
        if (mine !== gen) throw new Cancelled();
        const run = range;
        range = null; // result() frees it
        return { result: run.result(), ms: performance.now() - t0, workers: 0 };
      } finally {
        range?.free();
      }
    },
  };
}

/** A WorkerPool (pool.js) as a runner. */
export function poolRunner(kind, pool) {
  return {
    kind,
    cancel: () => pool.cancel(),
    run: (scenario, opts, onProgress) => pool.run(scenario, opts, onProgress),
  };
}

/**
 * The engine on this thread ({api, module}) and a runner:
 * {kind: 'workers'|'data-workers'|'main-thread', run(scenario, {trials, seed, series?}, onProgress), cancel()}.
 * run() resolves to {result, ms, workers} and rejects with Cancelled when a newer run starts.
 */
export async function createRunner({ size = 2, allowWorkers = true } = {}) {
  const engine = await loadEngine();
  if (allowWorkers && typeof Worker === 'function') {
    // An opaque origin never gets a worker from an http URL: skip that probe.
    const ways = self.origin === 'null' ? [] : [['workers', WORKER.href]];
    ways.push(['data-workers', dataWorkerUrl()]);
    for (const [kind, url] of ways) {
      if (!(await probeWorker(url, engine.module))) continue;
      try {
        return { engine, runner: poolRunner(kind, new WorkerPool({ module: engine.module, size, workerUrl: url })) };
      } catch {
        // try the next way
      }
    }
  }
  return { engine, runner: mainThreadRunner(engine.api) };
}
