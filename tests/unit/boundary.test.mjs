// The binding as JavaScript calls it, glue included: every export with
// values of every type in every argument. Each call returns or throws an
// Error a person can read, never a WebAssembly trap (RuntimeError), and the
// same instance still gives the golden result afterwards. tests/boundary.rs
// does the same from Rust with generated scenarios; this file covers what
// only the JavaScript glue sees (strings, numbers, arrays as arguments).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { engine } from './engine.mjs';

const api = await engine();
const GOLDEN = JSON.parse(readFileSync(new URL('../golden/actiris-2028.json', import.meta.url), 'utf8'));

const cyclic = {};
cyclic.self = cyclic;
const VALUES = [
  undefined, null, -1, 0, 1.5, NaN, Infinity, 2 ** 60, 10n, Symbol('s'), () => 1, true, '', 'x',
  'actiris-2028', '['.repeat(10_000), 'é'.repeat(300_000), [], [1, 2], {}, { trials: -1 }, { trials: 'a' },
  { sensitivity: 1 }, { seed: 2 ** 60 }, { foo: 1 }, cyclic, new Uint8Array([1, 2, 3]), [new Uint8Array([123])],
  new Date(0), { target: -1, confidence: 2, lever: 'x' }, { dist: 'beta', events: -1, non_events: 1 },
];

function shown(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  try { return JSON.stringify(v)?.slice(0, 40); } catch { return 'a cyclic object'; }
}

test('every export throws a readable Error, never a trap, for values of every type', () => {
  const s = api.preset('team4job');
  const small = { trials: 10 };
  const part = new api.RangeRun(s, small).partial();
  const calls = {
    preset: (v) => api.preset(v),
    'paramSummary(path)': (v) => api.paramSummary(v, 0.5),
    'paramSummary(param)': (v) => api.paramSummary('outcomes.employed', v),
    validate: (v) => api.validate(v),
    'simulate(scenario)': (v) => api.simulate(v, small),
    'simulate(options)': (v) => api.simulate(s, v),
    'new RangeRun': (v) => new api.RangeRun(s, v),
    'RangeRun.step': (v) => new api.RangeRun(s, small).step(v),
    'merge(partials)': (v) => api.merge(s, small, v),
    'merge([partial])': (v) => api.merge(s, small, [part, v]),
    'solve(request)': (v) => api.solve(s, v, { trials: 20 }),
    'compare(b)': (v) => api.compare(s, v, small),
    valueOfInformation: (v) => api.valueOfInformation(s, v),
    mentorNeeds: (v) => api.mentorNeeds(v),
  };
  let thrown = 0;
  for (const [name, call] of Object.entries(calls)) {
    for (const v of VALUES) {
      const what = `${name} with ${shown(v)}`;
      try {
        call(v);
      } catch (e) {
        thrown += 1;
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: a trap (${e.message})`);
        assert.ok(e instanceof Error, `${what}: threw a non-Error ${String(e)}`);
        assert.ok(e.message.trim().length > 0, `${what}: an Error with no message`);
        for (const debug of ['JsValue(', 'Some(', 'expected struct', 'expected f64', 'JsOptions', 'null pointer']) {
          assert.ok(!e.message.includes(debug), `${what}: "${debug}" in ${e.message}`);
        }
      }
    }
  }
  assert.ok(thrown > 100, `only ${thrown} calls threw`);
  assert.equal(api.lastPanic(), undefined);
  // The same instance, after every one of those errors.
  const result = api.simulate(api.preset('actiris-2028'), { trials: 1000, seed: 7, sensitivity: true });
  assert.deepEqual(result, GOLDEN);
});

test('a RangeRun used after its result is taken throws an Error', () => {
  const run = new api.RangeRun(api.preset('team4job'), { trials: 10 });
  run.partial();
  assert.throws(() => run.partial(), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
});
