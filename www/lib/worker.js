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
//               {type: 'run', job, scenario, trials, seed, first, count}
//               {type: 'merge', job, scenario, trials, seed, partials}
// Messages out: {type: 'ready'} | {type: 'failed', message}
//               {type: 'progress', job, done}
//               {type: 'done', job, partial: Uint8Array, ms}
//               {type: 'merged', job, result, ms?}  (ms: a whole run in this worker)
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
      (m.type === 'merge' ? merge : run)(m);
    }
  } catch (e) {
    postMessage({ type: 'failed', message: String(e?.message ?? e) });
  }
}

const STEP = 250;

function run({ job, scenario, trials, seed, first, count }) {
  const t0 = performance.now();
  let range = null;
  try {
    range = new api.RangeRun(scenario, { trials, seed, firstTrial: first, trialCount: count });
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
function merge({ job, scenario, trials, seed, partials }) {
  try {
    postMessage({ type: 'merged', job, result: api.merge(scenario, { trials, seed }, partials) });
  } catch (e) {
    postMessage({ type: 'error', job, message: String(e?.message ?? e) });
  }
}

onmessage = ({ data }) => {
  if (data.type === 'init') init(data.module);
  else if (data.type === 'merge') {
    if (api) merge(data);
    else queue.push(data);
  }
  else if (data.type === 'run') {
    if (api) run(data);
    else queue.push(data);
  }
};
