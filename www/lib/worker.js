// A simulation worker: runs one range of trials with the engine's RangeRun,
// a step at a time with progress after each step, and hands back the engine's
// opaque partial state.
//
// Steps, not one call: the browser first runs the engine in quickly compiled
// code and switches to its optimised code only when the engine is called
// again, so one call for the whole range would run entirely in the slow code
// (measured in Chromium: a first step of 250 trials took 37 ms, later ones
// 3-10 ms). On a first load with two cores the gain is lost in the page's own
// start-up work; later runs and bigger ranges keep it.
//
// One partial per worker, not one per sub-chunk: a partial holds the run's
// quantile sketches (hundreds of kilobytes) and merge() costs grow with their
// number. A run is cancelled by terminating the worker (see pool.js).
//
// Messages in:  {type: 'init', module}           the compiled WebAssembly.Module
//               {type: 'run', job, scenario, trials, seed, series?, first, count}
//               {type: 'merge', job, scenario, trials, seed, series?, partials}
//               (series: the names of the series to summarise; all when absent)
//               {type: 'solve', job, scenario, request, trials, seed}     the engine's solve()
//               {type: 'plan', job, scenario, request, trials, seed}      the engine's plan()
//               {type: 'compare', job, a, b, trials, seed}                 B against A
//               {type: 'split', job, scenario, request, trials, seed}     the engine's split()
//               {type: 'value', job, scenario, trials, seed}              valueOfInformation()
//               {type: 'simulate', job, scenario, trials, seed}           a run, every series
//               {type: 'drivers', job, scenario, trials, seed}            a run's sensitivity
// Messages out: {type: 'ready'} | {type: 'failed', message}
//               {type: 'progress', job, done}
//               {type: 'done', job, partial: Uint8Array, ms}
//               {type: 'merged', job, result, ms?}  (ms: a whole run in this worker)
//               {type: 'answer', job, answer, ms}  (solve, plan, compare, value)
//               {type: 'error', job, message}

let api = null;
const queue = [];
// Fetch and evaluate the bindings at once, while the page is still compiling the module.
const bindingsReady = import('../pkg/mentorsim.js');

async function init(module) {
  try {
    const bindings = await bindingsReady;
    if (module) bindings.initSync({ module });
    else await bindings.default();
    api = bindings;
    postMessage({ type: 'ready' });
    while (queue.length) {
      const m = queue.shift();
      HANDLERS[m.type](m);
    }
  } catch (e) {
    postMessage({ type: 'failed', message: String(e?.message ?? e) });
  }
}

const STEP = 250;
// Trials whose inputs the engine keeps for its sensitivity analysis (src/engine/model/mod.rs, SAMPLE_CAP).
const SAMPLE = 2000;

function run({ job, scenario, trials, seed, series, first, count }) {
  const t0 = performance.now();
  let range = null;
  try {
    range = new api.RangeRun(scenario, { trials, seed, series, firstTrial: first, trialCount: count });
    while (!range.finished) postMessage({ type: 'progress', job, done: range.step(STEP) });
    const run = range;
    range = null; // partial() and result() free it
    if (first === 0 && count === trials) {
      // The whole run: its result, with no partial to write and merge.
      postMessage({ type: 'merged', job, result: run.result(), ms: performance.now() - t0 });
      return;
    }
    const partial = run.partial();
    postMessage({ type: 'done', job, partial, ms: performance.now() - t0 }, [partial.buffer]);
  } catch (e) {
    range?.free();
    postMessage({ type: 'error', job, message: String(e?.message ?? e) });
  }
}

// Merging the partials costs tens of milliseconds: done here, off the page's thread.
function merge({ job, scenario, trials, seed, series, partials }) {
  try {
    postMessage({ type: 'merged', job, result: api.merge(scenario, { trials, seed, series }, partials) });
  } catch (e) {
    postMessage({ type: 'error', job, message: String(e?.message ?? e) });
  }
}

// The decision tools: one engine call each (a solve runs the model a dozen
// times or more), answered whole; cancelled like a run, by terminating the worker.
const TASKS = {
  solve: ({ scenario, request, trials, seed }) => api.solve(scenario, request, { trials, seed }),
  plan: ({ scenario, request, trials, seed }) => ({ plan: api.plan(scenario, request, { trials, seed }) }),
  compare: ({ a, b, trials, seed }) => api.compare(a, b, { trials, seed }),
  split: ({ scenario, request, trials, seed }) => api.split(scenario, request, { trials, seed }),
  value: ({ scenario, trials, seed }) => api.valueOfInformation(scenario, { trials, seed }),
  // A run with every series summarised, for a download, where the page's run summarised only what it shows.
  simulate: ({ scenario, trials, seed }) => api.simulate(scenario, { trials, seed }),
  // The engine ranks drivers over a run's first SAMPLE trials, and trial i draws
  // from its own streams: a run of those trials alone gives the same ranking.
  // (Not in the pooled run: a partial result that keeps its trials' inputs
  // cannot be merged while an undefined ratio is among them.)
  drivers: ({ scenario, trials, seed }) => api.simulate(scenario, { trials: Math.min(trials, SAMPLE), seed, sensitivity: true }).sensitivity,
};

function task(data) {
  const t0 = performance.now();
  try {
    postMessage({ type: 'answer', job: data.job, answer: TASKS[data.type](data), ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: 'error', job: data.job, message: String(e?.message ?? e) });
  }
}

const HANDLERS = { run, merge, ...Object.fromEntries(Object.keys(TASKS).map((k) => [k, task])) };

onmessage = ({ data }) => {
  if (data.type === 'init') init(data.module);
  else if (Object.hasOwn(HANDLERS, data.type)) {
    if (api) HANDLERS[data.type](data);
    else queue.push(data);
  }
};
