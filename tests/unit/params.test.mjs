// lib/params.js: the parameters as the engine's schema lists them, and their
// summaries as the engine computes them.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, WWW } from './engine.mjs';

const params = await import(`${WWW}lib/params.js`);
const { setLang } = await import(`${WWW}lib/i18n.js`);
const { STRINGS } = await import(`${WWW}lib/strings.js`);
let api;
let schema;

before(async () => {
  api = await engine();
  schema = api.schema();
  setLang('en');
});

test('the parameters of a scenario follow the engine’s order, and every one has a label in three languages', () => {
  const scenario = api.preset(schema.default_preset);
  const paths = params.paramPaths(scenario);
  const order = schema.params.map((p) => p.path);
  assert.deepEqual(paths, order.filter((p) => paths.includes(p)));
  assert.ok(paths.includes('outcomes.employed'));
  for (const p of schema.params) {
    assert.ok(STRINGS[p.label], `no words for ${p.label}`);
    for (const lang of ['en', 'fr', 'nl']) assert.ok(STRINGS[p.label][lang], `${p.label} in ${lang}`);
    assert.notEqual(params.paramLabel(p.path), p.path);
  }
});

test('units and distribution fields come from the schema', () => {
  assert.equal(params.paramUnit('cost_per_duo'), 'eur');
  assert.equal(params.paramUnit('outcomes.employed'), 'share');
  assert.equal(params.paramUnit('no.such'), null);
  assert.deepEqual(params.fieldsOf('beta'), ['events', 'non_events']);
  assert.deepEqual(new Set(params.distKinds()), new Set(Object.keys(schema.dists)));
});

test('a lognormal’s summary says its true mean, and its median apart', () => {
  const p = { dist: 'lognormal', p5: 1000, p95: 4000 };
  const s = api.paramSummary('cost_per_duo', p);
  assert.ok(s.mean > s.median, 'right-skewed');
  assert.ok(Math.abs(s.median - 2000) < 1e-6);
  const text = params.describe('cost_per_duo', p);
  const eur = (x) => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(x);
  assert.ok(text.includes(`mean ${eur(s.mean)}`), text);
  assert.ok(text.includes(`median ${eur(s.median)}`), text);
});

test('an invalid distribution is described without a summary, and converts keeping its shared fields', () => {
  const bad = { dist: 'pert', min: 5, mode: 1, max: 2, source: 'E3' };
  assert.equal(params.summary('cost_per_duo', bad), null);
  assert.match(params.describe('cost_per_duo', bad), /^PERT \(/);
  assert.deepEqual(params.convert('cost_per_duo', bad, 'triangular'), { dist: 'triangular', min: 5, mode: 1, max: 2, source: 'E3' });
});

test('switching kinds keeps the mean and the source', () => {
  const beta = { dist: 'beta', events: 65, non_events: 35, source: 'E5', note: 'n' };
  for (const kind of params.distKinds()) {
    const next = params.convert('outcomes.employed', beta, kind);
    assert.equal(next.dist, kind);
    assert.equal(next.source, 'E5');
    assert.equal(next.note, 'n');
    const s = params.summary('outcomes.employed', next);
    assert.ok(s, `${kind} is valid: ${JSON.stringify(next)}`);
    assert.ok(Math.abs(s.mean - 0.65) < 0.06, `${kind}: mean ${s.mean}`);
  }
});

test('a slider moves a distribution’s central value and keeps its spread', () => {
  const pert = { dist: 'pert', min: 1500, mode: 2000, max: 3000 };
  assert.deepEqual(params.central('cost_per_duo', pert), { kind: 'mode', value: 2000 });
  assert.deepEqual(params.withCentral('cost_per_duo', pert, 4000), { dist: 'pert', min: 3000, mode: 4000, max: 6000 });
  const beta = { dist: 'beta', events: 60, non_events: 40 };
  assert.equal(params.central('outcomes.employed', beta).kind, 'mean');
  const moved = params.withCentral('outcomes.employed', beta, 0.7);
  assert.equal(moved.events + moved.non_events, 100);
  assert.ok(Math.abs(params.central('outcomes.employed', moved).value - 0.7) < 1e-9);
  const logn = { dist: 'lognormal', p5: 1000, p95: 4000 };
  assert.equal(params.central('cost_per_duo', logn).kind, 'median');
  assert.ok(Math.abs(params.central('cost_per_duo', params.withCentral('cost_per_duo', logn, 3000)).value - 3000) < 1e-6);
  assert.equal(params.withCentral('counterfactual.baseline', 0.3, 0.4), 0.4);
});
