// The decision tools' worker: solve, compare and value of information, each
// one engine call that runs the model several times, answered whole.
//
// One worker of its own, apart from the run pool (pool.js): a solve of a few
// seconds never holds up the page's runs, and a new run never cancels the
// reader's question. Tasks wait their turn in one queue. Each has a `key`
// ('solve', 'compare', 'value'): asking again with a key drops the task of
// that key still waiting, or in flight (the worker is terminated and a fresh
// one takes the rest of the queue), and its promise rejects with Cancelled.

import { Cancelled } from './pool.js';

export { Cancelled };

export class TaskWorker {
  /**
   * @param {object} o
   * @param {WebAssembly.Module|Promise<WebAssembly.Module>} o.module  the compiled engine
   * @param {URL|string} [o.workerUrl]
   */
  constructor({ module, workerUrl = new URL('./worker.js', import.meta.url) }) {
    this.module = module;
    this.workerUrl = workerUrl;
    this.queue = [];
    this.current = null;
    this.job = 0;
    this.worker = null;
  }

  #spawn() {
    const w = new Worker(this.workerUrl, { type: 'module' });
    w.onmessage = ({ data }) => this.#onMessage(data);
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
    this.#next();
  }

  #onMessage(data) {
    if (data.type === 'failed') return this.#fail(data.message);
    const c = this.current;
    if (!c || data.job !== c.job) return;
    if (data.type === 'answer') {
      this.current = null;
      c.resolve({ answer: data.answer, ms: data.ms });
      this.#next();
    } else if (data.type === 'error') this.#fail(data.message);
  }

  #next() {
    if (this.current || !this.queue.length) return;
    const c = this.queue.shift();
    this.current = c;
    this.worker ??= this.#spawn();
    this.worker.postMessage({ ...c.message, job: c.job });
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
      this.worker?.terminate();
      this.worker = null;
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
    this.worker?.terminate();
    this.worker = null;
  }
}
