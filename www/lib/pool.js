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
// A worker starts before it can work: it loads the engine's bindings, waits
// for the compiled module (the pool posts it once it is compiled) and
// instantiates it, then says 'ready'. Work posted meanwhile waits in the
// worker. On a busy machine starting takes seconds, so a worker is not
// judged by its silence until it is ready: until then it has `startMs`
// (60 s) from the moment its module was posted, and one that is not ready by
// then fails the run ("a simulation worker did not start within 60 s"; it is
// replaced, so that trying again starts afresh).
//
// A ready worker that dies (an error event) or falls silent (no message for
// `stallMs` while it has work: a worker reports every 250 trials, tens of
// milliseconds apart) is terminated and replaced, and its range, or the
// merge, is given to the new worker: the same trials from the same streams,
// so the result is the same bits. A worker that fails to load (an error
// event, or its 'failed' message, before it is ready) is replaced the same
// way. A range that fails `retries` times fails the run with a message. An
// error the engine reports (bad input) is not a fault: it fails the run at
// once, as before. A worker that fails while it has no work is not replaced
// at once (one that cannot load would be replaced again and again), but
// when a run needs it.
//
// The watchdog ticks on the page's thread (clock.js): a tick that comes late
// gives every worker a fresh grace period instead of judging it. A run that
// fails for one of these reasons rejects with a PoolError, whose code and
// values let the page say it in the reader's language (failures.js).

import { pageClock, watchdog } from './clock.js';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** The reasons of a PoolError, in English (failures.js says them in the reader's language). */
const REASONS = {
  noStart: ({ s }) => `a simulation worker did not start within ${s} s`,
  noLoad: () => 'a simulation worker could not load its script',
  cannotStart: ({ detail }) => `a simulation worker could not start (${detail})`,
  silent: ({ tries, s }) => `a simulation worker failed ${tries} times (no answer for ${s} s)`,
  crashed: ({ tries, detail }) => `a simulation worker failed ${tries} times (${detail})`,
};

/** A run or task that failed because a worker did not start or kept failing: `code` (a key of REASONS) and `vars` say why. */
export class PoolError extends Error {
  constructor(code, vars) {
    super(REASONS[code](vars));
    this.name = 'PoolError';
    this.code = code;
    this.vars = vars;
  }
}

/** A module worker at `url`. */
export const moduleWorker = (url) => new Worker(url, { type: 'module' });

/**
 * What the pool knows of a worker: `initAt` (when its module was posted, on
 * the clock; null before), `ready` (it said so), `broken` (it failed with no
 * work: replace it before using it), `graceUntil` (a late tick's grace).
 */
const freshRecord = () => ({ initAt: null, ready: false, broken: false, graceUntil: 0 });

/** Whether worker record `rec` has outlived its start allowance at `now`. */
export function startOverdue(rec, now, startMs) {
  return !rec.ready && rec.initAt !== null && now > Math.max(rec.initAt + startMs, rec.graceUntil);
}

export class WorkerPool {
  /**
   * @param {object} o
   * @param {WebAssembly.Module|Promise<WebAssembly.Module>} o.module  the compiled engine, shared
   *        with every worker (a promise lets the workers start before it is compiled)
   * @param {number} [o.size]              number of workers
   * @param {URL|string} [o.workerUrl]
   * @param {number} [o.stallMs]           silence after which a busy, ready worker is replaced
   * @param {number} [o.startMs]           time a worker has to be ready, from its module being posted
   * @param {number} [o.retries]           replacements per range before the run fails
   * @param {Function} [o.createWorker]    url -> a Worker (the unit tests pass a fake one)
   * @param {object} [o.clock]             {now(), every(f, ms) -> stop} (clock.js)
   */
  constructor({ module, size, workerUrl = new URL('./worker.js', import.meta.url), stallMs = 8000, startMs = 60_000, retries = 2, createWorker = moduleWorker, clock = pageClock }) {
    this.module = module;
    this.workerUrl = workerUrl;
    this.stallMs = stallMs;
    this.startMs = startMs;
    this.retries = retries;
    this.createWorker = createWorker;
    this.clock = clock;
    this.size = Math.max(1, Math.min(4, size ?? (globalThis.navigator?.hardwareConcurrency || 2)));
    this.workers = [];
    this.records = new Map(); // worker -> freshRecord()
    this.moduleError = null;
    this.job = 0;
    this.current = null;
    this.stopWatch = null;
    /** Workers replaced after a fault, since the pool started (for tests and the status line). */
    this.replaced = 0;
    for (let i = 0; i < this.size; i++) this.workers.push(this.#spawn());
  }

  #spawn() {
    const w = this.createWorker(this.workerUrl);
    const rec = freshRecord();
    this.records.set(w, rec);
    w.onmessage = ({ data }) => this.#onMessage(w, data);
    w.onerror = (e) => {
      e?.preventDefault?.();
      // With no message: its script did not load (a network error, a file missing).
      this.#fault(w, { error: e?.message || '' });
    };
    Promise.resolve(this.module).then(
      (module) => {
        if (this.records.get(w) !== rec) return; // terminated meanwhile
        rec.initAt = this.clock.now();
        w.postMessage({ type: 'init', module });
      },
      (e) => {
        this.moduleError = e instanceof Error ? e : new Error(String(e));
        if (this.current?.slots.has(w)) this.#fail(new Error(this.moduleError.message));
      }
    );
    return w;
  }

  /** Fails the run in flight: its busy workers are put back fresh, as when it is cancelled. */
  #fail(error) {
    const c = this.current;
    if (!c) return;
    this.#end();
    this.#freshen(c);
    c.reject(error);
  }

  /**
   * Terminates the busy workers of run `c` (one that failed, or others still
   * at work on a run that is over) and puts fresh ones in their places.
   */
  #freshen(c) {
    for (const [w] of this.#busy(c)) {
      if (!this.records.has(w)) continue; // already replaced
      w.terminate();
      this.records.delete(w);
      const i = this.workers.indexOf(w);
      if (i >= 0) this.workers[i] = this.#spawn();
    }
  }

  #end() {
    this.current = null;
    this.stopWatch?.();
    this.stopWatch = null;
  }

  /** Terminates worker `w` and puts a fresh one in its place; returns the new worker. */
  #replace(w) {
    w.terminate();
    this.records.delete(w);
    const fresh = this.#spawn();
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers[i] = fresh;
    else this.workers.push(fresh);
    this.replaced += 1;
    return fresh;
  }

  /**
   * Worker `w` died, failed to load or fell silent (`why`: {error} or
   * {silent: seconds}): its work goes to a fresh worker, or the run fails.
   */
  #fault(w, why) {
    const rec = this.records.get(w);
    if (!rec) return; // already replaced
    const c = this.current;
    const slot = c?.slots.get(w);
    if (!slot || (slot.finished && w !== c.merger)) {
      // No work waits for it: it is replaced when a run needs it.
      w.terminate();
      rec.broken = true;
      return;
    }
    slot.tries += 1;
    if (slot.tries > this.retries) {
      if (why.silent !== undefined) return this.#fail(new PoolError('silent', { tries: slot.tries, s: why.silent }));
      if (rec.ready) return this.#fail(new PoolError('crashed', { tries: slot.tries, detail: why.error || 'worker error' }));
      return this.#fail(why.error ? new PoolError('cannotStart', { detail: why.error }) : new PoolError('noLoad', {}));
    }
    const fresh = this.#replace(w);
    c.slots.delete(w);
    c.slots.set(fresh, slot);
    slot.heard = this.clock.now();
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
    const rec = this.records.get(w);
    if (!rec) return; // a worker replaced while its message was on its way
    if (data?.type === 'ready') {
      rec.ready = true;
      // Its silence counts from now: starting is not silence.
      const slot = this.current?.slots.get(w);
      if (slot) slot.heard = this.clock.now();
      return;
    }
    if (data?.type === 'failed') return this.#fault(w, { error: data.message });
    const c = this.current;
    if (!c || data.job !== c.job) return; // a message from a cancelled run
    const slot = c.slots.get(w);
    if (!slot) return;
    slot.heard = this.clock.now();
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
      c.resolve({ result: data.result, workers: c.slots.size, ms: this.clock.now() - c.t0, workerMs: [...c.slots.values()].map((s) => s.ms) });
    } else if (data.type === 'error') {
      this.#fail(new Error(data.message));
    }
  }

  /** The workers with work in run `c`: those whose range is not done, and the one merging. */
  #busy(c) {
    return [...c.slots].filter(([w, slot]) => !slot.finished || w === c.merger);
  }

  /** Replaces every busy, ready worker that has said nothing for stallMs; fails the run if one did not start in time. */
  #check(now) {
    const c = this.current;
    if (!c) return;
    for (const [w, slot] of this.#busy(c)) {
      if (this.current !== c) return;
      const rec = this.records.get(w);
      if (!rec?.ready) {
        // It is replaced (#fail): trying again gives a fresh worker its whole allowance.
        if (rec && startOverdue(rec, now, this.startMs)) this.#fail(new PoolError('noStart', { s: Math.round(this.startMs / 1000) }));
      } else if (now - slot.heard > this.stallMs) {
        this.#fault(w, { silent: Math.round((now - slot.heard) / 1000) });
      }
    }
  }

  /** The page's thread was held: every busy worker gets a fresh grace period. */
  #grace(now) {
    const c = this.current;
    if (!c) return;
    for (const [w, slot] of this.#busy(c)) {
      slot.heard = Math.max(slot.heard, now);
      const rec = this.records.get(w);
      if (rec) rec.graceUntil = Math.max(rec.graceUntil, now + this.stallMs);
    }
  }

  /** Cancels the run in flight, if any. */
  cancel() {
    const c = this.current;
    if (!c) return;
    this.#end();
    this.#freshen(c);
    c.reject(new Cancelled());
  }

  /**
   * Runs `trials` trials of `scenario` with `seed`, summarising only the
   * series named in `series` if given (the engine's option).
   * Resolves to {result, workers, ms}; rejects with Cancelled if superseded.
   */
  run(scenario, { trials, seed, series }, onProgress) {
    this.cancel();
    if (this.moduleError) return Promise.reject(new Error(this.moduleError.message));
    const job = ++this.job;
    // Small runs are not worth splitting: each worker gets at least 1,000 trials.
    const n = Math.max(1, Math.min(this.workers.length, Math.floor(trials / 1000) || 1));
    return new Promise((resolve, reject) => {
      const t0 = this.clock.now();
      const c = { job, scenario, trials, seed, series, onProgress, resolve, reject, slots: new Map(), t0 };
      this.current = c;
      let first = 0;
      for (let i = 0; i < n; i++) {
        const count = Math.floor(trials / n) + (i < trials % n ? 1 : 0);
        let w = this.workers[i];
        if (this.records.get(w)?.broken) w = this.#replace(w);
        c.slots.set(w, { first, count, done: 0, finished: false, partials: [], tries: 0, heard: t0 });
        w.postMessage({ type: 'run', job, scenario, trials, seed, series, first, count });
        first += count;
      }
      const period = Math.max(50, Math.min(1000, this.stallMs / 4));
      this.stopWatch = watchdog(this.clock, period, { check: (now) => this.#check(now), grace: (now) => this.#grace(now) });
    });
  }

  terminate() {
    this.cancel();
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.records.clear();
  }
}
