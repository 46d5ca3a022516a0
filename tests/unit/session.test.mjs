// lib/session.js: the controller the page and the widget share, with the
// real engine and a runner that answers when told to.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, WWW } from './engine.mjs';

const { Session, problemText, problemsText, urlNoticeText } = await import(`${WWW}lib/session.js`);
const { Cancelled } = await import(`${WWW}lib/pool.js`);
const { setLang, getLang } = await import(`${WWW}lib/i18n.js`);
const LANGS = ['fr', 'nl', 'en'];
let api;

before(async () => {
  api = await engine();
});

/** A runner whose runs wait until settled by hand; cancel() rejects them as the pool does. */
function fakeRunner() {
  const runs = [];
  return {
    runs,
    cancelled: 0,
    run(scenario, opts, onProgress) {
      return new Promise((resolve, reject) => {
        runs.push({ scenario, opts, onProgress, resolve, reject });
      });
    },
    cancel() {
      this.cancelled += 1;
      for (const r of runs.splice(0)) r.reject(new Cancelled());
    },
  };
}

const frame = (f) => setTimeout(f, 0);
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function session(hooks = {}, debounceMs = 5) {
  const runner = fakeRunner();
  const events = [];
  const all = {};
  for (const k of ['invalid', 'scheduled', 'running', 'progress', 'ready', 'failed']) all[k] = (...a) => events.push([k, ...a]);
  const s = new Session({ api, runner, hooks: { ...all, ...hooks }, debounceMs, frame });
  return { s, runner, events };
}

test('problems read as one line each, and together', () => {
  assert.equal(problemText({ field: 'budget.constant', message: 'bad' }), 'budget.constant: bad');
  assert.equal(problemText({ field: '', message: 'bad' }), 'bad');
  assert.equal(problemsText([{ field: 'a', message: 'x' }, { field: '', message: 'y' }]), 'a: x; y');
});

test('boot: a good address is taken as it is, and chooses the language', () => {
  setLang('en');
  const { s } = session();
  const notices = s.boot('?preset=team4job&edits=%7B%22budget.constant%22%3A123000%7D&trials=500&seed=3&lang=nl', { langs: LANGS });
  assert.deepEqual(notices, []);
  assert.equal(getLang(), 'nl');
  assert.equal(s.state.lang, 'nl');
  assert.equal(s.scenario.budget.constant, 123000);
  assert.equal(s.base.id, 'team4job');
  assert.equal(s.state.trials, 500);
  setLang('en');
});

test('boot: an edit that makes the scenario invalid is dropped on its own, with a notice naming it; the valid ones are kept', () => {
  const { s } = session();
  const edits = { 'outcomes.employed': { dist: 'beta', events: -5, non_events: 3 }, 'budget.constant': 3_000_000, 'no.such.field': 1 };
  const notices = s.boot(`?edits=${encodeURIComponent(JSON.stringify(edits))}&trials=0`, { langs: LANGS });
  assert.deepEqual(notices.map((n) => n.key), ['notice.badTrials', 'notice.droppedEdit', 'notice.droppedEdit']);
  assert.deepEqual(notices.slice(1).map((n) => n.value), ['outcomes.employed', 'no.such.field']);
  assert.match(notices[1].detail, /outcomes\.employed/);
  assert.deepEqual(s.state.edits, { 'budget.constant': 3_000_000 });
  assert.equal(s.scenario.budget.constant, 3_000_000);
  assert.deepEqual(s.scenario.outcomes, s.base.outcomes);
  setLang('en');
  const text = urlNoticeText(notices);
  assert.match(text, /1,000,000/);
  assert.match(text, /“outcomes\.employed” was left out/);
  assert.match(text, /other changes are kept/);
  assert.equal(urlNoticeText([]), '');
});

test('boot: the short form names edited fields as parameters; other parameters are ignored', () => {
  const { s } = session();
  const notices = s.boot('?preset=actiris-2028&budget.constant=3000000&cost_per_duo.mode=2200&utm_source=x&lang=fr', { langs: LANGS });
  assert.deepEqual(notices, []);
  assert.deepEqual(s.state.edits, { 'budget.constant': 3_000_000, 'cost_per_duo.mode': 2200 });
  setLang('en');
});

test('boot: markup in an edit is noticed when asked', () => {
  const { s } = session();
  const notices = s.boot(`?edits=${encodeURIComponent(JSON.stringify({ 'name.en': '<img src=x>' }))}`, { langs: LANGS, markupNotice: true });
  assert.deepEqual(notices, [{ key: 'notice.markup', value: 'name.en' }]);
});

test('a burst of changes runs once, after the debounce, with the last values', async () => {
  const { s, runner, events } = session();
  s.boot('', { langs: LANGS });
  for (const x of [1e6, 2e6, 3e6]) {
    s.edit('budget.constant', x);
    s.changed();
  }
  assert.equal(runner.runs.length, 0);
  await tick(20);
  assert.equal(runner.runs.length, 1);
  assert.equal(runner.runs[0].scenario.budget.constant, 3e6);
  assert.deepEqual(s.state.edits, { 'budget.constant': 3e6 });
  assert.ok(s.edited());
  runner.runs[0].onProgress(10, 100);
  runner.runs[0].onProgress(20, 100);
  await tick(5); // one frame: the latest progress only
  runner.runs[0].onProgress(30, 100); // the run ends before the next frame: not shown
  runner.runs[0].resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick(5);
  assert.deepEqual(events.filter((e) => e[0] === 'progress').slice(-1), [['progress', 20, 100]]);
  assert.ok(!events.some((e) => e[0] === 'progress' && e[1] === 30));
  assert.equal(events.at(-1)[0], 'ready');
  assert.equal(s.last.scenario.budget.constant, 3e6);
});

test('an invalid input cancels the run in flight and keeps the last answer', async () => {
  const { s, runner, events } = session();
  s.boot('', { langs: LANGS });
  s.changed({ now: true });
  runner.runs.shift().resolve({ result: { trials: 1 }, ms: 1, workers: 1 });
  await tick();
  const last = s.last;
  s.edit('budget.constant', 5e6);
  s.changed({ now: true });
  assert.equal(runner.runs.length, 1);
  s.edit('outcomes.employed', { dist: 'beta', events: -1, non_events: 2 });
  const problems = s.changed();
  assert.ok(problems.some((p) => p.field.startsWith('outcomes.employed')));
  await tick(20);
  assert.equal(runner.runs.length, 0, 'cancelled, and no new run');
  assert.equal(s.last, last);
  assert.equal(events.at(-1)[0], 'invalid');
  assert.ok(!events.some((e) => e[0] === 'failed'));
});

test('local errors block a run until the input is edited again', () => {
  const { s, runner } = session();
  s.boot('', { langs: LANGS });
  s.localError('budget.constant', 'not a number');
  assert.deepEqual(s.changed({ now: true }), [{ field: 'budget.constant', message: 'not a number' }]);
  assert.equal(runner.runs.length, 0);
  s.edit('budget', { ...s.scenario.budget, constant: 1e6 }, 'budget.constant');
  assert.deepEqual(s.changed({ now: true }), []);
  assert.equal(runner.runs.length, 1);
});

test('an answer that arrives after a newer run started is dropped', async () => {
  const drawn = [];
  const { s, runner } = session({ result: async (last) => (drawn.push(last.scenario.budget.constant), true) });
  s.boot('', { langs: LANGS });
  s.edit('budget.constant', 1e6);
  s.changed({ now: true });
  const first = runner.runs.shift();
  s.edit('budget.constant', 2e6);
  s.changed({ now: true });
  first.resolve({ result: {}, ms: 1, workers: 1 });
  runner.runs[0].resolve({ result: {}, ms: 1, workers: 1 });
  await tick();
  assert.deepEqual(drawn, [2e6]);
});

test('an engine failure is reported; choosing a preset starts clean', async () => {
  const { s, runner, events } = session();
  s.boot('?edits=%7B%22budget.constant%22%3A1%7D', { langs: LANGS });
  s.changed({ now: true });
  runner.runs[0].reject(new Error('boom'));
  await tick();
  assert.equal(events.at(-1)[0], 'failed');
  assert.equal(events.at(-1)[1].message, 'boom');
  s.choosePreset('team4job');
  assert.deepEqual(s.state.edits, {});
  assert.equal(s.scenario.id, 'team4job');
  s.replace({ ...api.preset('actiris-2028') }, { switchPreset: true });
  assert.equal(s.state.preset, 'actiris-2028');
});

test('a quick answer that fails is said once: the full run does not follow it until the reader tries again', async () => {
  const runner = fakeRunner();
  const events = [];
  const hooks = {};
  for (const k of ['running', 'quick', 'ready', 'failed']) hooks[k] = (a) => events.push([k, a?.trials ?? a?.message]);
  const s = new Session({ api, runner, hooks, debounceMs: 10_000, quickTrials: 100, frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  s.changed({ now: true });
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3 });
  runner.runs.shift().reject(new Error('a simulation worker did not start within 60 s'));
  await tick();
  assert.deepEqual(events, [
    ['running', 100],
    ['failed', 'a simulation worker did not start within 60 s'],
  ]);
  assert.equal(runner.runs.length, 0, 'no full run after the failure');
  // Trying again (the page's button): the full run.
  s.changed({ immediate: true });
  await tick();
  assert.deepEqual(runner.runs[0].opts, { trials: 5000, seed: 3 });
  runner.runs.shift().resolve({ result: { trials: 5000 }, ms: 1, workers: 1 });
  await tick();
  assert.deepEqual(events.at(-1), ['ready', 5000]);
});

test('live answers: an edit is answered at once from the first trials, then in full; edits during a quick run wait for it, and the last inputs win', async () => {
  const runner = fakeRunner();
  const events = [];
  const hooks = {};
  for (const k of ['scheduled', 'running', 'quick', 'ready', 'failed']) hooks[k] = (a) => events.push([k, a?.trials ?? a]);
  const s = new Session({ api, runner, hooks, debounceMs: 10_000, quickTrials: 100, frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  const answer = (run) => run.resolve({ result: { trials: run.opts.trials }, ms: 1, workers: 1 });

  // An edit: a quick run at once, in the next task (no debounce: debounceMs is 10 s here), of the first 100 trials, same seed.
  s.edit('budget.constant', 200_000);
  s.changed();
  await tick();
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3 });
  assert.equal(runner.runs[0].scenario.budget.constant, 200_000);
  // Two more edits while it runs: no new run yet, no cancel.
  s.edit('budget.constant', 210_000);
  s.changed();
  await tick();
  s.edit('budget.constant', 220_000);
  s.changed();
  await tick();
  assert.equal(runner.runs.length, 1);
  assert.equal(runner.cancelled, 0);
  // The quick answer is drawn; the inputs moved: another quick run, of the last inputs.
  answer(runner.runs.shift());
  await tick();
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3 });
  assert.equal(runner.runs[0].scenario.budget.constant, 220_000);
  // The hand rests: its quick answer, then at once the full run of the same inputs.
  answer(runner.runs.shift());
  await tick();
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 5000, seed: 3 });
  assert.equal(runner.runs[0].scenario.budget.constant, 220_000);
  answer(runner.runs.shift());
  await tick();
  assert.deepEqual(
    events.filter(([k]) => k === 'quick' || k === 'ready'),
    [
      ['quick', 100],
      ['quick', 100],
      ['ready', 5000],
    ]
  );
  assert.equal(s.last.trials, 5000);
  assert.equal(s.last.quick, false);
});

test('live answers: an edit during the full run starts a quick one over it; an immediate edit skips the quick pass', async () => {
  const runner = fakeRunner();
  const s = new Session({ api, runner, hooks: {}, debounceMs: 10_000, quickTrials: 100, frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  s.edit('budget.constant', 200_000);
  s.changed();
  await tick();
  runner.runs.shift().resolve({ result: {}, ms: 1, workers: 1 });
  await tick();
  assert.equal(runner.runs[0].opts.trials, 5000);
  const full = runner.runs[0];
  s.edit('budget.constant', 300_000);
  s.changed();
  await tick();
  // The quick run of the new inputs is asked for; the full one's answer, when it comes, is dropped.
  assert.equal(runner.runs.at(-1).opts.trials, 100);
  full.resolve({ result: {}, ms: 1, workers: 1 });
  await tick();
  assert.equal(s.last.trials, 100, 'the superseded full answer is not taken');
  // `immediate` (a preset chosen, a field left): straight to the full run, in the next task.
  runner.runs.splice(0);
  s.edit('budget.constant', 400_000);
  s.changed({ immediate: true });
  await tick(5);
  assert.equal(runner.runs.at(-1).opts.trials, 5000);
});

test('live answers of a few series (quickSeries): the quick run asks the engine for those alone, is drawn, and does not become the last answer; the full run does', async () => {
  const runner = fakeRunner();
  const drawn = [];
  const hooks = { result: (a) => (drawn.push(a), true) };
  const s = new Session({ api, runner, hooks, debounceMs: 10_000, quickTrials: 100, quickSeries: (sc) => ['employed_cumulative', `${sc.id}-x`], frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  s.changed({ now: true });
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3, series: ['employed_cumulative', 'team4job-x'] });
  runner.runs.shift().resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(drawn.length, 1);
  assert.deepEqual(drawn[0].series, ['employed_cumulative', 'team4job-x']);
  assert.equal(drawn[0].quick, true);
  assert.equal(s.last, null, 'an answer of a few series is not the last answer');
  // The full run: every series, and it is the last answer.
  assert.deepEqual(runner.runs[0].opts, { trials: 5000, seed: 3 });
  runner.runs.shift().resolve({ result: { trials: 5000 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(s.last.trials, 5000);
  assert.equal(s.last.series, undefined);
  // A later quick answer leaves the full one as the last answer.
  s.edit('budget.constant', 200_000);
  s.changed();
  await tick();
  runner.runs.shift().resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(drawn.at(-1).scenario.budget.constant, 200_000);
  assert.equal(s.last.trials, 5000);
  assert.notEqual(s.last.scenario.budget.constant, 200_000);
});

test('full answers of some series (fullSeries): the full run asks the engine for those, and its answer, which says so, is the last one', async () => {
  const runner = fakeRunner();
  const s = new Session({ api, runner, hooks: {}, debounceMs: 10_000, quickTrials: 100, quickSeries: () => ['employed_cumulative'], fullSeries: (sc) => ['employed', 'employed_cumulative', `${sc.id}-y`], frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  s.changed({ now: true });
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3, series: ['employed_cumulative'] });
  runner.runs.shift().resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(s.last, null);
  assert.deepEqual(runner.runs[0].opts, { trials: 5000, seed: 3, series: ['employed', 'employed_cumulative', 'team4job-y'] });
  runner.runs.shift().resolve({ result: { trials: 5000 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(s.last.trials, 5000);
  assert.equal(s.last.quick, false);
  assert.deepEqual(s.last.series, ['employed', 'employed_cumulative', 'team4job-y'], 'what needs every series can tell');
});

test('now, with live answers (the first answer after loading): a quick run at once (no task in between), then the full run; a run too small for a quick pass goes straight to full', async () => {
  const runner = fakeRunner();
  const events = [];
  const hooks = {};
  for (const k of ['scheduled', 'quick', 'ready']) hooks[k] = (a) => events.push([k, a?.trials ?? a?.live ?? a]);
  const s = new Session({ api, runner, hooks, debounceMs: 10_000, quickTrials: 100, frame });
  s.boot('?preset=team4job&trials=5000&seed=3', { langs: LANGS });
  assert.deepEqual(s.changed({ now: true }), []);
  // Asked for synchronously: the quick run is under way before any other task.
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3 });
  runner.runs.shift().resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 5000, seed: 3 });
  runner.runs.shift().resolve({ result: { trials: 5000 }, ms: 1, workers: 1 });
  await tick();
  assert.deepEqual(events, [
    ['scheduled', true],
    ['quick', 100],
    ['ready', 5000],
  ]);
  // 100 trials asked: no quick pass of as many.
  const small = new Session({ api, runner, hooks: {}, debounceMs: 10_000, quickTrials: 100, frame });
  small.boot('?preset=team4job&trials=100&seed=3', { langs: LANGS });
  small.changed({ now: true });
  assert.equal(runner.runs.length, 1);
  assert.deepEqual(runner.runs[0].opts, { trials: 100, seed: 3 });
  runner.runs.shift().resolve({ result: { trials: 100 }, ms: 1, workers: 1 });
  await tick();
  assert.equal(runner.runs.length, 0, 'nothing runs after the full answer');
  assert.equal(small.last.quick, false);
});
