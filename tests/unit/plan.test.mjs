// lib/plan.js: the plan's request from the panel's fields, and the engine's
// plan as words and rows, in the three languages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW, engine } from './engine.mjs';

const api = await engine();
const { setLang, LANGS } = await import(`${WWW}lib/i18n.js`);
const { STRINGS } = await import(`${WWW}lib/strings.js`);
const p = await import(`${WWW}lib/plan.js`);

test('every word of the plan exists in the three languages, and each binding the engine names has its sentence', () => {
  const keys = Object.keys(STRINGS).filter((k) => k.startsWith('plan.'));
  assert.ok(keys.length > 30, `${keys.length} keys`);
  for (const k of keys) for (const l of LANGS) assert.ok(STRINGS[k][l], `${k} ${l}`);
  for (const c of ['max_recruits', 'budget_growth', 'budget', 'intake', 'recruits', 'time']) assert.ok(STRINGS[`plan.binding.${c}`], c);
  for (const l of ['money', 'mentors', 'plan']) assert.ok(STRINGS[`plan.limit.${l}`], l);
});

test('the request: targets sorted, the budget kept only when asked; no target or a recruitment that is not a whole number is refused', () => {
  setLang('en');
  assert.deepEqual(p.planRequest({ targets: [3, 2], confidence: 0.8, maxRecruits: 1000, keepBudget: true }).request, { targets: [2, 3], confidence: 0.8, max_recruits: 1000, fixed: ['budget'] });
  assert.deepEqual(p.planRequest({ targets: [0], confidence: 0.9, maxRecruits: 3000, keepBudget: false }).request.fixed, []);
  assert.equal(p.planRequest({ targets: [], confidence: 0.8, maxRecruits: 3000 }).field, 'targets');
  for (const bad of [0, 2.5, NaN, 100_001]) assert.equal(p.planRequest({ targets: [0], confidence: 0.8, maxRecruits: bad }).field, 'maxRecruits', String(bad));
});

test('a plan figure is rounded to three significant figures', () => {
  assert.deepEqual([12, 999, 1234, 15_678, 2_345_678].map(p.roundPlan), [12, 999, 1230, 15_700, 2_350_000]);
});

test("the engine's plan in words: its sentence, one row a year, and what binds when none fits", () => {
  const actiris = api.preset('actiris-2028');
  const plan = api.plan(actiris, { targets: [0], confidence: 0.8 }, { trials: 1000, seed: 1 });
  for (const lang of LANGS) {
    setLang(lang);
    const text = p.planText(plan, ['label']);
    assert.equal(text.met, plan.met);
    assert.equal(text.rows.length, plan.years.length);
    assert.deepEqual(text.rows.map((r) => r.year), plan.years.map((y) => String(y.year)));
    assert.ok(!/undefined|NaN|\{\w+\}/.test(JSON.stringify(text)), `${lang}: ${JSON.stringify(text)}`);
  }
  const targets = api.preset('targets-2030-2035');
  const none = api.plan(targets, { targets: [2, 3], confidence: 0.8, max_recruits: 500 }, { trials: 500, seed: 1 });
  assert.equal(none.met, false);
  setLang('en');
  const text = p.planText(none, []);
  assert.match(text.answer, /^No plan within these limits meets both targets in the same trial in 80% of trials/);
  assert.match(text.why, /^What holds it back: mentor recruitment/);
  assert.ok(text.rows.some((r) => r.capped), 'a year whose recruits the cap cut');
});

test('a plan whose recruitment reaches the cap says so in its sentence', () => {
  const targets = api.preset('targets-2030-2035');
  const plan = api.plan(targets, { targets: [2, 3], confidence: 0.8 }, { trials: 1000, seed: 1 });
  const most = Math.max(...plan.years.map((y) => y.recruits));
  assert.equal(most, plan.max_recruits, 'the 2035 level needs the most recruits assumed feasible');
  setLang('en');
  assert.match(p.planText(plan, []).answer, /, 3,000 new mentors a year at most \(as many as assumed feasible\) and a planned intake/);
  const actiris = api.plan(api.preset('actiris-2028'), { targets: [0], confidence: 0.8 }, { trials: 1000, seed: 1 });
  assert.match(p.planText(actiris, []).answer, /, [\d,]+ new mentors in the busiest year and a planned intake/);
});
