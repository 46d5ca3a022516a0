// The decision tools' worker: solve, compare and value of information, each
// one engine call that runs the model several times, answered whole.
//
// One worker of its own, apart from the run pool (pool.js): a solve of a few
// seconds never holds up the page's runs, and a new run never cancels the
// reader's question. Tasks wait their turn in one queue. Each has a `key`
// ('solve', 'compare', 'value'): asking again with a key drops the task of
// that key still waiting, or in flight (the worker is terminated and a fresh
// one takes the rest of the queue), and its promise rejects with Cancelled.
//
// A task is one long call with no word until its answer, so a silent worker
// is not a stalled one; but a worker must start (be 'ready') within
// `startMs` (60 s) of its module being posted while a task waits for it, as
// in the pool, or the task fails ("a simulation worker did not start within
// 60 s"). A worker that fails to load or dies fails the task in flight and is
// dropped: the next task starts a fresh one.

import { Cancelled, PoolError, moduleWorker, startOverdue } from './pool.js';
import { pageClock, watchdog } from './clock.js';

export { Cancelled };

/** How long a late tick's grace lasts (clock.js). */
const GRACE_MS = 8000;

export class TaskWorker {
  /**
   * @param {object} o
   * @param {WebAssembly.Module|Promise<WebAssembly.Module>} o.module  the compiled engine
   * @param {URL|string} [o.workerUrl]
   * @param {number} [o.startMs]         time the worker has to be ready, from its module being posted
   * @param {Function} [o.createWorker]  url -> a Worker (the unit tests pass a fake one)
   * @param {object} [o.clock]           {now(), every(f, ms) -> stop} (clock.js)
   */
  constructor({ module, workerUrl = new URL('./worker.js', import.meta.url), startMs = 60_000, createWorker = moduleWorker, clock = pageClock }) {
    this.module = module;
    this.workerUrl = workerUrl;
    this.startMs = startMs;
    this.createWorker = createWorker;
    this.clock = clock;
    this.queue = [];
    this.current = null;
    this.job = 0;
    this.worker = null;
    this.record = null; // {initAt, ready, graceUntil} of this.worker
    this.stopWatch = null;
  }

  #spawn() {
    const w = this.createWorker(this.workerUrl);
    const rec = { initAt: null, ready: false, graceUntil: 0 };
    this.record = rec;
    w.onmessage = ({ data }) => w === this.worker && this.#onMessage(data);
    w.onerror = (e) => {
      e?.preventDefault?.();
      if (w === this.worker) this.#broken(e?.message || '');
    };
    Promise.resolve(this.module).then(
      (module) => {
        if (w !== this.worker) return;
        rec.initAt = this.clock.now();
        w.postMessage({ type: 'init', module });
      },
      (e) => w === this.worker && this.#broken(e?.message ?? String(e), { module: true })
    );
    return w;
  }

  /** The worker cannot serve: it is dropped, and the task in flight fails with why. */
  #broken(message, { module = false } = {}) {
    const started = this.record?.ready;
    this.#drop();
    if (module || started) this.#fail(new Error(message || 'worker error'));
    // With no message: its script did not load (a network error, a file missing).
    else this.#fail(message ? new PoolError('cannotStart', { detail: message }) : new PoolError('noLoad', {}));
  }

  #drop() {
    this.worker?.terminate();
    this.worker = null;
    this.record = null;
    this.#unwatch();
  }

  #unwatch() {
    this.stopWatch?.();
    this.stopWatch = null;
  }

  #fail(error) {
    const c = this.current;
    if (!c) return;
    this.current = null;
    this.#unwatch();
    c.reject(error);
    this.#next();
  }

  #onMessage(data) {
    if (data?.type === 'ready') {
      this.record.ready = true;
      this.#unwatch();
      return;
    }
    if (data?.type === 'failed') return this.#broken(data.message);
    const c = this.current;
    if (!c || data.job !== c.job) return;
    if (data.type === 'answer') {
      this.current = null;
      this.#unwatch();
      c.resolve({ answer: data.answer, ms: data.ms });
      this.#next();
    } else if (data.type === 'error') this.#fail(new Error(data.message));
  }

  #next() {
    if (this.current || !this.queue.length) return;
    const c = this.queue.shift();
    this.current = c;
    this.worker ??= this.#spawn();
    this.worker.postMessage({ ...c.message, job: c.job });
    if (!this.record.ready && !this.stopWatch) {
      this.stopWatch = watchdog(this.clock, 1000, {
        check: (now) => {
          if (this.current && this.record && startOverdue(this.record, now, this.startMs)) {
            this.#drop();
            this.#fail(new PoolError('noStart', { s: Math.round(this.startMs / 1000) }));
          }
        },
        grace: (now) => {
          if (this.record) this.record.graceUntil = Math.max(this.record.graceUntil, now + GRACE_MS);
        },
      });
    }
  }

  /** Drops the task of `key`, waiting or in flight. */
  cancel(key) {
    for (const c of this.queue.filter((q) => q.key === key)) {
      this.queue.splice(this.queue.indexOf(c), 1);
      c.reject(new Cancelled());
    }
    const c = this.current;
    if (c && c.key === key) {
      this.current = null;
      this.#drop();
      c.reject(new Cancelled());
      this.#next();
    }
  }

  /**
   * Asks the worker `type` ('solve', 'compare', 'value') with the message's
   * fields; resolves to {answer, ms}. A task of the same `key` is dropped.
   */
  ask(type, fields, key = type) {
    this.cancel(key);
    return new Promise((resolve, reject) => {
      this.queue.push({ key, job: ++this.job, message: { type, ...fields }, resolve, reject });
      this.#next();
    });
  }

  /** Whether a task of `key` is waiting or in flight. */
  busy(key) {
    return this.current?.key === key || this.queue.some((q) => q.key === key);
  }

  terminate() {
    for (const key of new Set([this.current?.key, ...this.queue.map((q) => q.key)])) if (key) this.cancel(key);
    this.#drop();
  }
}
