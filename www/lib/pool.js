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
//
// A worker that dies (an error event) or falls silent (no message for
// `stallMs` while it has work: a worker reports every 250 trials, tens of
// milliseconds apart) is terminated and replaced, and its range, or the
// merge, is given to the new worker: the same trials from the same streams,
// so the result is the same bits. A range that fails `retries` times fails
// the run with a message. An error the engine reports (bad input) is not a
// fault: it fails the run at once, as before.

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
   * @param {number} [o.stallMs]           silence after which a busy worker is replaced
   * @param {number} [o.retries]           replacements per range before the run fails
   */
  constructor({ module, size, workerUrl = new URL('./worker.js', import.meta.url), stallMs = 8000, retries = 2 }) {
    this.module = module;
    this.workerUrl = workerUrl;
    this.stallMs = stallMs;
    this.retries = retries;
    this.size = Math.max(1, Math.min(4, size ?? (globalThis.navigator?.hardwareConcurrency || 2)));
    this.workers = [];
    this.job = 0;
    this.current = null;
    this.watchdog = null;
    /** Workers replaced after a fault, since the pool started (for tests and the status line). */
    this.replaced = 0;
    for (let i = 0; i < this.size; i++) this.workers.push(this.#spawn());
  }

  #spawn() {
    const w = new Worker(this.workerUrl, { type: 'module' });
    w.onmessage = ({ data }) => this.#onMessage(w, data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.#fault(w, e.message || 'worker error');
    };
    Promise.resolve(this.module).then(
      (module) => w.postMessage({ type: 'init', module }),
      (e) => this.#fail(e.message ?? String(e))
    );
    return w;
  }

  #fail(message) {
    const c = this.current;
    if (!c) return;
    this.#end();
    c.reject(new Error(message));
  }

  #end() {
    this.current = null;
    clearInterval(this.watchdog);
    this.watchdog = null;
  }

  /** Replaces worker `w` by a fresh one; returns the new worker. */
  #replace(w) {
    w.terminate();
    const fresh = this.#spawn();
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers[i] = fresh;
    else this.workers.push(fresh);
    this.replaced += 1;
    return fresh;
  }

  /** Worker `w` died or fell silent: its work goes to a fresh worker, or the run fails. */
  #fault(w, why) {
    const c = this.current;
    const slot = c?.slots.get(w);
    if (!slot || (slot.finished && w !== c.merger)) {
      // Idle: replace it quietly, no run depends on it.
      if (this.workers.includes(w)) this.#replace(w);
      return;
    }
    if (++slot.tries > this.retries) return this.#fail(`a simulation worker failed ${slot.tries} times (${why})`);
    const fresh = this.#replace(w);
    c.slots.delete(w);
    c.slots.set(fresh, slot);
    slot.heard = performance.now();
    if (w === c.merger) {
      c.merger = fresh;
      this.#postMerge(c, fresh);
    } else {
      slot.done = 0;
      fresh.postMessage({ type: 'run', job: c.job, scenario: c.scenario, trials: c.trials, seed: c.seed, series: c.series, first: slot.first, count: slot.count });
    }
  }

  #postMerge(c, w) {
    // Copied, not transferred: a merge that is lost can be given again.
    const partials = [...c.slots.values()].flatMap((s) => s.partials);
    w.postMessage({ type: 'merge', job: c.job, scenario: c.scenario, trials: c.trials, seed: c.seed, series: c.series, partials });
  }

  #onMessage(w, data) {
    if (data.type === 'failed') return this.#fail(data.message);
    const c = this.current;
    if (!c || data.job !== c.job) return; // a message from a cancelled run
    const slot = c.slots.get(w);
    if (!slot) return; // a worker replaced while its message was on its way
    slot.heard = performance.now();
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
        c.merger = w;
        slot.tries = 0;
        this.#postMerge(c, w);
      }
    } else if (data.type === 'merged') {
      if (data.ms !== undefined) slot.ms = data.ms; // a whole run in one worker: no merge step
      this.#end();
      c.resolve({ result: data.result, workers: c.slots.size, ms: performance.now() - c.t0, workerMs: [...c.slots.values()].map((s) => s.ms) });
    } else if (data.type === 'error') {
      this.#fail(data.message);
    }
  }

  /** Replaces every busy worker that has said nothing for stallMs. */
  #watch() {
    const c = this.current;
    if (!c) return;
    const now = performance.now();
    for (const [w, slot] of [...c.slots]) {
      const busy = !slot.finished || w === c.merger;
      if (busy && now - slot.heard > this.stallMs) this.#fault(w, `no answer for ${Math.round((now - slot.heard) / 1000)} s`);
      if (this.current !== c) return;
    }
  }

  /** Cancels the run in flight, if any. */
  cancel() {
    const c = this.current;
    if (!c) return;
    this.#end();
    for (const [w, slot] of c.slots) {
      if (slot.finished && w !== c.merger) continue;
      w.terminate();
      const i = this.workers.indexOf(w);
      if (i >= 0) this.workers[i] = this.#spawn();
    }
    c.reject(new Cancelled());
  }

  /**
   * Runs `trials` trials of `scenario` with `seed`, summarising only the
   * series named in `series` if given (the engine's option).
   * Resolves to {result, workers, ms}; rejects with Cancelled if superseded.
   */
  run(scenario, { trials, seed, series }, onProgress) {
    this.cancel();
    const job = ++this.job;
    // Small runs are not worth splitting: each worker gets at least 1,000 trials.
    const n = Math.max(1, Math.min(this.workers.length, Math.floor(trials / 1000) || 1));
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const c = { job, scenario, trials, seed, series, onProgress, resolve, reject, slots: new Map(), t0 };
      this.current = c;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const count = Math.floor(trials / n) + (i < trials % n ? 1 : 0);
        const w = this.workers[i];
        c.slots.set(w, { first, count, done: 0, finished: false, partials: [], tries: 0, heard: t0 });
        w.postMessage({ type: 'run', job, scenario, trials, seed, series, first, count });
        first += count;
      }
      this.watchdog = setInterval(() => this.#watch(), Math.max(50, Math.min(1000, this.stallMs / 4)));
    });
  }

  terminate() {
    this.cancel();
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
