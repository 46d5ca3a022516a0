// A simulation worker: runs one range of trials with the engine's
// simulatePartial, which reports progress every thousand trials, and hands
// back the engine's opaque partial state.
//
// One partial per worker, not one per sub-chunk: a partial holds the run's
// quantile sketches (hundreds of kilobytes) and merge() costs grow with their
// number. A run is cancelled by terminating the worker (see pool.js).
//
// Messages in:  {type: 'init', module}           the compiled WebAssembly.Module
//               {type: 'run', job, scenario, trials, seed, first, count}
// Messages out: {type: 'ready'} | {type: 'failed', message}
//               {type: 'progress', job, done}
//               {type: 'done', job, partial: Uint8Array, ms}
//               {type: 'error', job, message}

let api = null;
const queue = [];
// Fetch and evaluate the bindings at once, while the page is still compiling the module.
const bindingsReady = import('./pkg/mentorsim.js');

async function init(module) {
  try {
    const bindings = await bindingsReady;
    if (module) bindings.initSync({ module });
    else await bindings.default();
    api = bindings;
    postMessage({ type: 'ready' });
    while (queue.length) run(queue.shift());
  } catch (e) {
    postMessage({ type: 'failed', message: String(e?.message ?? e) });
  }
}

function run({ job, scenario, trials, seed, first, count }) {
  const t0 = performance.now();
  try {
    const partial = api.simulatePartial(scenario, { trials, seed, firstTrial: first, trialCount: count }, (done) =>
      postMessage({ type: 'progress', job, done })
    );
    postMessage({ type: 'done', job, partial, ms: performance.now() - t0 }, [partial.buffer]);
  } catch (e) {
    postMessage({ type: 'error', job, message: String(e?.message ?? e) });
  }
}

onmessage = ({ data }) => {
  if (data.type === 'init') init(data.module);
  else if (data.type === 'run') {
    if (api) run(data);
    else queue.push(data);
  }
};
