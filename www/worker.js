// A simulation worker: runs a range of trials in sub-chunks, posting progress
// after each, and hands back the engine's opaque partial states.
//
// Messages in:  {type: 'init', module}           the compiled WebAssembly.Module
//               {type: 'run', job, scenario, trials, seed, first, count, chunk}
//               {type: 'cancel', job}
// Messages out: {type: 'ready'} | {type: 'failed', message}
//               {type: 'progress', job, done}
//               {type: 'done', job, partials: Uint8Array[], ms}
//               {type: 'error', job, message}

let api = null;
let cancelled = -1;
const queue = [];

// Let the worker's event loop run (so a 'cancel' can arrive) between sub-chunks.
const channel = new MessageChannel();
const waiters = [];
channel.port1.onmessage = () => waiters.shift()?.();
const yieldToEvents = () => new Promise((resolve) => { waiters.push(resolve); channel.port2.postMessage(0); });

async function init(module) {
  try {
    const bindings = await import('./pkg/mentorsim.js');
    if (module) bindings.initSync({ module });
    else await bindings.default();
    api = bindings;
    postMessage({ type: 'ready' });
    while (queue.length) run(queue.shift());
  } catch (e) {
    postMessage({ type: 'failed', message: String(e?.message ?? e) });
  }
}

async function run(msg) {
  const { job, scenario, trials, seed, first, count } = msg;
  let chunk = Math.max(1, msg.chunk | 0);
  const partials = [];
  const t0 = performance.now();
  try {
    let done = 0;
    while (done < count) {
      if (cancelled >= job) return;
      const n = Math.min(chunk, count - done);
      const s = performance.now();
      partials.push(api.simulatePartial(scenario, { trials, seed, firstTrial: first + done, trialCount: n }));
      const took = performance.now() - s;
      done += n;
      // Aim at about 40 ms per sub-chunk: frequent progress, little overhead.
      if (took > 0) chunk = Math.max(50, Math.min(50_000, Math.round((n * 40) / took)));
      postMessage({ type: 'progress', job, done });
      await yieldToEvents();
    }
    if (cancelled >= job) return;
    postMessage({ type: 'done', job, partials, ms: performance.now() - t0 }, partials.map((p) => p.buffer));
  } catch (e) {
    postMessage({ type: 'error', job, message: String(e?.message ?? e) });
  }
}

onmessage = ({ data }) => {
  if (data.type === 'init') init(data.module);
  else if (data.type === 'cancel') cancelled = Math.max(cancelled, data.job);
  else if (data.type === 'run') {
    if (api) run(data);
    else queue.push(data);
  }
};
