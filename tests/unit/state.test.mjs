// lib/state.js: the address bar's state, checked against the engine's schema.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, WWW } from './engine.mjs';

const { parseQuery, toQuery, shortQuery, applyEdits, diffScenario, splitPath, getPath, setPath } = await import(`${WWW}lib/state.js`);
const LANGS = ['fr', 'nl', 'en'];
let schema;

before(async () => {
  schema = (await engine()).schema();
});

test('an empty address gives the engine’s defaults', () => {
  const { state, notices } = parseQuery('', { schema, langs: LANGS });
  assert.deepEqual(notices, []);
  assert.equal(state.preset, schema.default_preset);
  assert.equal(state.trials, schema.limits.trials_default);
  assert.equal(state.seed, schema.limits.seed_default);
  assert.equal(state.lang, null);
});

test('trials and seed are checked against the engine’s limits', () => {
  const max = schema.limits.trials_max;
  assert.equal(parseQuery(`?trials=${max}`, { schema, langs: LANGS }).state.trials, max);
  const over = parseQuery(`?trials=${max + 1}&seed=-1&lang=de&preset=nope`, { schema, langs: LANGS });
  assert.deepEqual(
    over.notices.map((n) => n.key),
    ['notice.badPreset', 'notice.badTrials', 'notice.badSeed', 'notice.badLang']
  );
  assert.equal(over.state.trials, schema.limits.trials_default);
  assert.equal(parseQuery(`?seed=${Number.MAX_SAFE_INTEGER + 2}`, { schema, langs: LANGS }).notices[0].key, 'notice.badSeed');
});

test('a state survives the round trip through the address', () => {
  const state = { preset: schema.presets[0], edits: { 'budget.constant': 3_000_000 }, trials: 500, seed: 7, lang: 'nl', present: true, pin: null };
  const back = parseQuery(toQuery(state), { schema, langs: LANGS });
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, state);
});

test('the short link carries a pinned scenario A, readably, and reads back the same', () => {
  const base = { preset: schema.presets[0], edits: { 'budget.constant': 3_000_000 }, trials: 500, seed: 7, lang: 'fr', present: false };
  for (const pin of [{ 'budget.constant': 2_200_000, 'duration_months': 6 }, {}]) {
    const q = shortQuery({ ...base, pin });
    assert.doesNotMatch(q, /%7B|%22/, `no encoded JSON in ${q}`);
    if (Object.keys(pin).length) assert.match(q, /pin\.budget\.constant=2200000/);
    else assert.match(q, /[?&]pin=(&|$)/);
    const back = parseQuery(q, { schema, langs: LANGS });
    assert.deepEqual(back.notices, []);
    assert.deepEqual(back.state.pin, pin);
    assert.deepEqual(back.state.loose, { 'budget.constant': 3_000_000 }, 'B’s own fields stay B’s');
  }
  // Nothing pinned: no pin in the link.
  assert.doesNotMatch(shortQuery({ ...base, pin: null }), /pin/);
  // A pinned field that cannot be a field drops the pin, with a notice.
  const bad = parseQuery('?preset=actiris-2028&pin.__proto__.x=1', { schema, langs: LANGS });
  assert.equal(bad.notices[0].key, 'notice.badPin');
});

test('edits are dotted paths that cannot reach a prototype', () => {
  for (const bad of ['__proto__.x', 'a..b', 'constructor', 'a.b-c', '']) assert.equal(splitPath(bad), null, bad);
  const { notices } = parseQuery(`?edits=${encodeURIComponent('{"__proto__.polluted":1}')}`, { schema, langs: LANGS });
  assert.equal(notices[0].key, 'notice.badPath');
  assert.equal({}.polluted, undefined);
  assert.equal(parseQuery('?edits=%7Bbroken', { schema, langs: LANGS }).notices[0].key, 'notice.badEdits');
});

test('diffScenario and applyEdits are inverses', () => {
  const base = { a: 1, b: { c: 2, d: [1, 2] }, e: { dist: 'fixed', value: 3 } };
  const edited = { a: 1, b: { c: 5, d: [1, 2, 3] }, e: { dist: 'beta', events: 1, non_events: 2 } };
  const edits = diffScenario(base, edited);
  assert.deepEqual(edits, { 'b.c': 5, 'b.d': [1, 2, 3], e: { dist: 'beta', events: 1, non_events: 2 } });
  assert.deepEqual(applyEdits(base, edits), edited);
  assert.throws(() => applyEdits(base, { 'x.y': 1 }), (e) => e.key === 'notice.badPath');
  assert.equal(getPath(base, 'b.c'), 2);
  assert.equal(setPath(base, 'no.such', 1), false);
});
