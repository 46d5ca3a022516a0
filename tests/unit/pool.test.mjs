// lib/pool.js and lib/tasks.js: when a simulation worker is given up on,
// with fake workers (they say what the test tells them to) and a clock the
// test moves by hand, so that no test waits on real time or depends on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { WorkerPool, PoolError, Cancelled } = await import(`${WWW}lib/pool.js`);
const { TaskWorker } = await import(`${WWW}lib/tasks.js`);
const { failureText } = await import(`${WWW}lib/failures.js`);
const { setLang } = await import(`${WWW}lib/i18n.js`);

/** A Worker that records what it is sent and says what the test makes it say. */
class FakeWorker {
  constructor(url, made) {
    this.url = url;
    this.sent = [];
    this.terminated = false;
    this.onmessage = null;
    this.onerror = null;
    made.push(this);
  }
  postMessage(m) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  say(data) {
    this.onmessage?.({ data });
  }
  /** An error event: the script could not load, or the worker died. */
  fail(message) {
    this.onerror?.({ message, preventDefault() {} });
  }
  ready() {
    this.say({ type: 'ready' });
  }
  /** The last message of `type` it was sent. */
  last(type) {
    return this.sent.filter((m) => m.type === type).at(-1);
  }
}

/**
 * A clock moved by hand: advance(ms) moves it on with every timer ticking on
 * time; hold(ms) is the page's thread held for ms: no tick meanwhile, then
 * each timer ticks once, late.
 */
function fakeClock() {
  const timers = new Set();
  const clock = {
    t: 0,
    now: () => clock.t,
    every(f, ms) {
      const timer = { f, ms, next: clock.t + ms };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = clock.t + ms;
      for (;;) {
        const due = [...timers].filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        clock.t = due.next;
        due.next += due.ms;
        due.f();
      }
      clock.t = end;
    },
    hold(ms) {
      clock.t += ms;
      for (const x of [...timers]) {
        x.next = clock.t + x.ms;
        x.f();
      }
    },
    ticking: () => timers.size,
  };
  return clock;
}

/** Lets the promise callbacks run (the pool posts the module once its promise settles). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function pool(options = {}) {
  const made = [];
  const clock = fakeClock();
  const p = new WorkerPool({ module: {}, size: 1, createWorker: (url) => new FakeWorker(url, made), clock, ...options });
  await settle();
  return { pool: p, made, clock };
}

/** Whether promise `p` has settled, and how. */
async function state(p) {
  let out = 'pending';
  p.then(
    () => (out = 'resolved'),
    () => (out = 'rejected')
  );
  await settle();
  return out;
}

const SCENARIO = { id: 'fake' };

test('every worker is sent the module once it is compiled', async () => {
  let compiled;
  const made = [];
  const p = new WorkerPool({ module: new Promise((r) => (compiled = r)), size: 2, createWorker: (url) => new FakeWorker(url, made), clock: fakeClock() });
  await settle();
  assert.equal(made.length, 2);
  assert.deepEqual(made[0].sent, [], 'nothing before the module is compiled');
  compiled('module');
  await settle();
  for (const w of made) assert.deepEqual(w.sent, [{ type: 'init', module: 'module' }]);
  p.terminate();
});

test('a worker that is still starting is not given up on after stallMs: its silence counts from its "ready"', async () => {
  const { pool: p, made, clock } = await pool({ stallMs: 8000, startMs: 60_000 });
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  const w = made[0];
  assert.equal(w.last('run').count, 500, 'the run waits in the worker until it is ready');
  clock.advance(30_000);
  assert.equal(p.replaced, 0, 'not replaced while it starts');
  assert.equal(w.terminated, false);
  w.ready();
  clock.advance(7_000);
  assert.equal(p.replaced, 0, 'its 7 s of silence since "ready" are under stallMs');
  w.say({ type: 'progress', job: w.last('run').job, done: 250 });
  clock.advance(7_000);
  assert.equal(p.replaced, 0, 'progress restarts its clock');
  w.say({ type: 'merged', job: w.last('run').job, result: { trials: 500 }, ms: 1 });
  const out = await run;
  assert.deepEqual(out.result, { trials: 500 });
  assert.equal(clock.ticking(), 0, 'the watchdog stops with the run');
});

test('a ready worker that falls silent is replaced, and its range runs again in the new one', async () => {
  const { pool: p, made, clock } = await pool({ size: 2, stallMs: 8000 });
  const run = p.run(SCENARIO, { trials: 4000, seed: 7 });
  const [a, b] = made;
  a.ready();
  b.ready();
  const job = a.last('run').job;
  a.say({ type: 'progress', job, done: 250 });
  b.say({ type: 'progress', job, done: 250 });
  clock.advance(5_000);
  b.say({ type: 'progress', job, done: 1000 });
  clock.advance(5_000); // a: 10 s of silence, b: 5 s
  assert.equal(p.replaced, 1);
  assert.ok(a.terminated && !b.terminated, 'the silent one, only');
  const fresh = made[2];
  assert.deepEqual(fresh.last('run'), { ...a.last('run') }, 'the same range, the same trials');
  assert.equal(p.workers[0], fresh);
  // The fresh worker starts (its own allowance), then both finish and the last one merges.
  await settle();
  assert.equal(fresh.sent[0].type, 'run');
  assert.equal(fresh.last('init').type, 'init', 'the module follows');
  for (let i = 1; i <= 4; i++) {
    b.say({ type: 'progress', job, done: 1000 + 200 * i });
    clock.advance(5_000);
  }
  assert.equal(p.replaced, 1, 'the fresh worker is not judged while it starts');
  fresh.ready();
  fresh.say({ type: 'done', job, partial: new Uint8Array([1]), ms: 3 });
  b.say({ type: 'done', job, partial: new Uint8Array([2]), ms: 4 });
  assert.equal(b.last('merge').partials.length, 2, 'the worker that finished last merges');
  b.say({ type: 'merged', job, result: { trials: 4000 } });
  assert.equal((await run).workers, 2);
});

test('a worker that falls silent on every try fails the run after `retries` replacements, saying so', async () => {
  const { pool: p, made, clock } = await pool({ stallMs: 8000, retries: 2 });
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  for (let i = 0; i < 3; i++) {
    made.at(-1).ready();
    clock.advance(9_000);
  }
  await assert.rejects(run, (e) => e instanceof PoolError && e.code === 'silent' && e.message === 'a simulation worker failed 3 times (no answer for 9 s)');
  assert.equal(p.replaced, 2);
  assert.ok(made[2].terminated, 'the last silent worker is not used again');
  assert.equal(p.workers[0], made[3], 'a fresh one takes its place');
  assert.equal(clock.ticking(), 0, 'the watchdog stops with the run');
});

test('a run that fails stops its other workers: a fresh one takes each place, and the next run is not held up by the old work', async () => {
  const { pool: p, made } = await pool({ size: 2 });
  const run = p.run(SCENARIO, { trials: 4000, seed: 1 });
  made[0].ready();
  made[1].ready();
  made[0].say({ type: 'error', job: made[0].last('run').job, message: 'bad input' });
  await assert.rejects(run, { message: 'bad input' });
  assert.ok(made[0].terminated && made[1].terminated);
  assert.deepEqual(p.workers, [made[2], made[3]]);
});

test('a worker that never starts fails the run after startMs with that reason, and a fresh one takes its place', async () => {
  const { pool: p, made, clock } = await pool({ startMs: 60_000 });
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  clock.advance(59_000);
  assert.equal(await state(run), 'pending', 'still within its start allowance');
  clock.advance(2_000);
  await assert.rejects(run, (e) => e instanceof PoolError && e.code === 'noStart' && e.message === 'a simulation worker did not start within 60 s');
  assert.ok(made[0].terminated);
  assert.equal(p.workers[0], made[1], 'replaced: trying again starts afresh');
  await settle();
  // Trying again: the fresh worker has its whole allowance, and answers.
  const again = p.run(SCENARIO, { trials: 500, seed: 1 });
  clock.advance(30_000);
  made[1].ready();
  made[1].say({ type: 'merged', job: made[1].last('run').job, result: { ok: true }, ms: 1 });
  assert.deepEqual((await again).result, { ok: true });
});

test('a late tick (the page’s thread was held) judges no one: every worker gets a fresh grace period', async () => {
  const { pool: p, made, clock } = await pool({ size: 2, stallMs: 8000, startMs: 60_000 });
  const run = p.run(SCENARIO, { trials: 4000, seed: 1 });
  const [a, b] = made;
  a.ready(); // b is still starting
  const job = a.last('run').job;
  a.say({ type: 'progress', job, done: 250 });
  // 70 s with no tick: over stallMs for a, over startMs for b, but their messages may be waiting behind the tick.
  clock.hold(70_000);
  assert.equal(p.replaced, 0);
  assert.equal(await state(run), 'pending');
  // The messages that waited behind it arrive: both are well.
  a.say({ type: 'progress', job, done: 1000 });
  b.ready();
  b.say({ type: 'progress', job, done: 250 });
  clock.advance(6_000);
  assert.equal(p.replaced, 0);
  // Then b really falls silent, and the ticks are on time: it is replaced.
  a.say({ type: 'progress', job, done: 1500 });
  clock.advance(4_000);
  assert.equal(p.replaced, 1);
  assert.ok(b.terminated && !a.terminated);
  p.cancel();
  await assert.rejects(run, Cancelled);
});

test('after a late tick, a worker that never starts still fails, once the grace period is over', async () => {
  const { pool: p, clock } = await pool({ stallMs: 8000, startMs: 60_000 });
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  clock.hold(120_000);
  assert.equal(await state(run), 'pending');
  clock.advance(10_000);
  await assert.rejects(run, (e) => e.code === 'noStart');
});

test('a worker that cannot load is not replaced again and again while idle; a run replaces it, then says it could not start', async () => {
  const { pool: p, made } = await pool({ retries: 2 });
  made[0].fail('');
  made[0].fail('');
  assert.equal(made.length, 1, 'no new worker while no run needs one');
  assert.ok(made[0].terminated);
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  assert.equal(made.length, 2, 'the run replaces it');
  await settle();
  made[1].fail('Failed to fetch worker.js');
  await settle();
  made[2].say({ type: 'failed', message: 'CompileError: bad module' });
  await settle();
  made[3].fail('');
  // An error event with no message: a script that did not load (a network error, a file missing).
  await assert.rejects(run, (e) => e instanceof PoolError && e.code === 'noLoad' && e.message === 'a simulation worker could not load its script');
  assert.equal(made.length, 5, 'the first worker, one per try, and a fresh one for trying again');
  assert.equal(p.workers[0], made[4]);
  assert.ok(made.slice(0, 4).every((w) => w.terminated));
});

test('a worker whose start fails with a message says it', async () => {
  const { pool: p, made } = await pool({ retries: 0 });
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  made[0].say({ type: 'failed', message: 'CompileError: bad module' });
  await assert.rejects(run, (e) => e.code === 'cannotStart' && e.message === 'a simulation worker could not start (CompileError: bad module)');
});

test('an error from the engine (bad input) fails the run at once: it is not a fault, and nothing is tried again', async () => {
  const { pool: p, made } = await pool();
  const run = p.run(SCENARIO, { trials: 500, seed: 1 });
  made[0].ready();
  made[0].say({ type: 'error', job: made[0].last('run').job, message: 'trials: must be between 1 and 1000000' });
  await assert.rejects(run, { message: 'trials: must be between 1 and 1000000' });
  assert.equal(p.replaced, 0);
  assert.equal(made.filter((w) => w.last('run')).length, 1, 'one try');
});

test('an engine that cannot be compiled fails the run with its own message', async () => {
  const made = [];
  const module = Promise.reject(new Error('/pkg/mentorsim_bg.wasm: HTTP 404'));
  module.catch(() => {});
  const p = new WorkerPool({ module, size: 1, createWorker: (url) => new FakeWorker(url, made), clock: fakeClock() });
  await settle();
  await assert.rejects(p.run(SCENARIO, { trials: 10, seed: 1 }), { message: '/pkg/mentorsim_bg.wasm: HTTP 404' });
});

// ---- the decision tools' worker ----------------------------------------------

async function taskWorker(options = {}) {
  const made = [];
  const clock = fakeClock();
  const tw = new TaskWorker({ module: {}, createWorker: (url) => new FakeWorker(url, made), clock, ...options });
  return { tw, made, clock };
}

test('tasks: a worker slow to start is waited for, and a long task that says nothing until its answer is no stall', async () => {
  const { tw, made, clock } = await taskWorker({ startMs: 60_000 });
  const first = tw.ask('value', { scenario: SCENARIO });
  await settle();
  clock.advance(40_000);
  made[0].ready();
  clock.advance(120_000);
  made[0].say({ type: 'answer', job: made[0].last('value').job, answer: 42, ms: 5 });
  assert.equal((await first).answer, 42);
  const second = tw.ask('drivers', { scenario: SCENARIO });
  clock.advance(120_000);
  made[0].say({ type: 'answer', job: made[0].last('drivers').job, answer: 'd', ms: 5 });
  assert.equal((await second).answer, 'd');
  assert.equal(made.length, 1, 'one worker for both');
});

test('tasks: a worker that never starts fails the task with that reason, and the next task gets a fresh worker', async () => {
  const { tw, made, clock } = await taskWorker({ startMs: 60_000 });
  const first = tw.ask('solve', { scenario: SCENARIO });
  const second = tw.ask('compare', { a: SCENARIO, b: SCENARIO });
  await settle();
  clock.advance(59_000);
  assert.equal(await state(first), 'pending');
  clock.advance(2_000);
  await assert.rejects(first, (e) => e instanceof PoolError && e.code === 'noStart' && e.message === 'a simulation worker did not start within 60 s');
  assert.ok(made[0].terminated);
  assert.equal(made.length, 2, 'the next task starts a fresh worker');
  await settle();
  made[1].ready();
  made[1].say({ type: 'answer', job: made[1].last('compare').job, answer: 'c', ms: 1 });
  assert.equal((await second).answer, 'c');
});

test('tasks: a worker that cannot load fails the task in flight with its reason; the next task starts a fresh worker', async () => {
  const { tw, made } = await taskWorker();
  const first = tw.ask('value', { scenario: SCENARIO });
  const second = tw.ask('drivers', { scenario: SCENARIO });
  await settle();
  made[0].fail('Failed to fetch worker.js');
  await assert.rejects(first, (e) => e.code === 'cannotStart' && e.message === 'a simulation worker could not start (Failed to fetch worker.js)');
  assert.ok(made[0].terminated);
  await settle();
  made[1].ready();
  made[1].say({ type: 'answer', job: made[1].last('drivers').job, answer: 'd', ms: 1 });
  assert.equal((await second).answer, 'd');
  // An idle worker that fails is dropped too: the next task does not wait for it.
  made[1].say({ type: 'failed', message: 'out of memory' });
  const third = tw.ask('value', { scenario: SCENARIO });
  assert.equal(made.length, 3);
  await settle();
  made[2].ready();
  made[2].say({ type: 'answer', job: made[2].last('value').job, answer: 1, ms: 1 });
  assert.equal((await third).answer, 1);
});

test('tasks: a late tick gives the starting worker a grace period instead of failing it', async () => {
  const { tw, made, clock } = await taskWorker({ startMs: 60_000 });
  const task = tw.ask('value', { scenario: SCENARIO });
  await settle();
  clock.hold(90_000);
  assert.equal(await state(task), 'pending');
  made[0].ready();
  made[0].say({ type: 'answer', job: made[0].last('value').job, answer: 7, ms: 1 });
  assert.equal((await task).answer, 7);
});

// ---- the reasons, in the reader's language -------------------------------------

test('each reason of a PoolError reads in English as its message, and in French and Dutch with its values', () => {
  const errors = [
    new PoolError('noStart', { s: 60 }),
    new PoolError('cannotStart', { detail: 'Failed to fetch' }),
    new PoolError('noLoad', {}),
    new PoolError('silent', { tries: 3, s: 9 }),
    new PoolError('crashed', { tries: 3, detail: 'out of memory' }),
  ];
  try {
    setLang('en');
    for (const e of errors) assert.equal(failureText(e), e.message);
    for (const lang of ['fr', 'nl']) {
      setLang(lang);
      for (const e of errors) {
        const text = failureText(e);
        assert.notEqual(text, e.message, `${e.code} in ${lang}`);
        for (const v of Object.values(e.vars)) assert.ok(text.includes(String(v)), `${e.code} in ${lang}: ${text} has ${v}`);
      }
    }
    setLang('fr');
    assert.equal(failureText(new PoolError('noStart', { s: 60 })), 'un fil de calcul de la simulation n’a pas démarré en 60 s');
    assert.equal(failureText(new Error('trials: must be between 1 and 1000000')), 'trials: must be between 1 and 1000000', 'the engine’s own message as it came');
  } finally {
    setLang('en');
  }
});
