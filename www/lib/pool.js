// A pool of simulation workers (one per core, at most 4) that splits a run's
// trials into contiguous ranges, reports progress, and merges the partial
// states into one result with the engine's merge(). Because each trial draws
// from its own stream (seed, trial index), the merged result is exactly the
// one-thread result, whatever the number of workers. The merge runs in a
// worker too, so the page's thread only receives the summary.
//
// Starting a new run cancels the one in flight: its promise rejects with a
// Cancelled error, its busy workers are terminated and replaced by fresh ones
// (instantiating the shared Module again takes a few milliseconds), and any
// late message from it is ignored (job ids).

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export class WorkerPool {
  /**
   * @param {object} o
   * @param {WebAssembly.Module|Promise<WebAssembly.Module>} o.module  the compiled engine, shared
   *        with every worker (a promise lets the workers start before it is compiled)
   * @param {number} [o.size]              number of workers
   * @param {URL|string} [o.workerUrl]
   */
  constructor({ module, size, workerUrl = new URL('./worker.js', import.meta.url) }) {
    this.module = module;
    this.workerUrl = workerUrl;
    this.size = Math.max(1, Math.min(4, size ?? (globalThis.navigator?.hardwareConcurrency || 2)));
    this.workers = [];
    this.job = 0;
    this.current = null;
    for (let i = 0; i < this.size; i++) this.workers.push(this.#spawn());
  }

  #spawn() {
    const w = new Worker(this.workerUrl, { type: 'module' });
    w.onmessage = ({ data }) => this.#onMessage(w, data);
    w.onerror = (e) => this.#fail(e.message || 'worker error');
    Promise.resolve(this.module).then(
      (module) => w.postMessage({ type: 'init', module }),
      (e) => this.#fail(e.message ?? String(e))
    );
    return w;
  }

  #fail(message) {
    const c = this.current;
    if (!c) return;
    this.current = null;
    c.reject(new Error(message));
  }

  #onMessage(w, data) {
    if (data.type === 'failed') return this.#fail(data.message);
    const c = this.current;
    if (!c || data.job !== c.job) return; // a message from a cancelled run
    const slot = c.slots.get(w);
    if (data.type === 'progress') {
      slot.done = data.done;
      const done = [...c.slots.values()].reduce((a, s) => a + s.done, 0);
      c.onProgress?.(done, c.trials);
    } else if (data.type === 'done') {
      slot.partials = [data.partial];
      slot.ms = data.ms;
      slot.finished = true;
      if ([...c.slots.values()].every((s) => s.finished)) {
        // The worker that finished last merges (it is idle and has the engine).
        const partials = [...c.slots.values()].flatMap((s) => s.partials);
        c.merger = w;
        w.postMessage({ type: 'merge', job: c.job, scenario: c.scenario, trials: c.trials, seed: c.seed, partials }, partials.map((p) => p.buffer));
      }
    } else if (data.type === 'merged') {
      if (data.ms !== undefined) slot.ms = data.ms; // a whole run in one worker: no merge step
      this.current = null;
      c.resolve({ result: data.result, workers: c.slots.size, ms: performance.now() - c.t0, workerMs: [...c.slots.values()].map((s) => s.ms) });
    } else if (data.type === 'error') {
      this.#fail(data.message);
    }
  }

  /** Cancels the run in flight, if any. */
  cancel() {
    const c = this.current;
    if (!c) return;
    this.current = null;
    for (const [w, slot] of c.slots) {
      if (slot.finished && w !== c.merger) continue;
      w.terminate();
      const i = this.workers.indexOf(w);
      if (i >= 0) this.workers[i] = this.#spawn();
    }
    c.reject(new Cancelled());
  }

  /**
   * Runs `trials` trials of `scenario` with `seed`.
   * Resolves to {result, workers, ms}; rejects with Cancelled if superseded.
   */
  run(scenario, { trials, seed }, onProgress) {
    this.cancel();
    const job = ++this.job;
    // Small runs are not worth splitting: each worker gets at least 1,000 trials.
    const n = Math.max(1, Math.min(this.workers.length, Math.floor(trials / 1000) || 1));
    return new Promise((resolve, reject) => {
      const c = { job, scenario, trials, seed, onProgress, resolve, reject, slots: new Map(), t0: performance.now() };
      this.current = c;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const count = Math.floor(trials / n) + (i < trials % n ? 1 : 0);
        const w = this.workers[i];
        c.slots.set(w, { done: 0, finished: false, partials: [] });
        w.postMessage({ type: 'run', job, scenario, trials, seed, first, count });
        first += count;
      }
    });
  }

  terminate() {
    this.cancel();
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
