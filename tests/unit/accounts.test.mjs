// lib/accounts.js: the evidence priors, the break-even sentences and the
// accounts by perspective; and the widget's perspective leads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW, engine } from './engine.mjs';

const api = await engine();
const { setLang, fmtPoints } = await import(`${WWW}lib/i18n.js`);
const { PERSPECTIVES, DEFAULT_PRIOR, CUSTOM, priorOf, priorEntry, priorFragment, reconcilePrior, breakEvenText, perspectiveRows, accountsCaption } = await import(`${WWW}lib/accounts.js`);
const { parseEmbedOptions, embedQuery, leadCard, leadName, leadPerspective, PERSPECTIVE_LEADS } = await import(`${WWW}embed/options.js`);
const { STRINGS } = await import(`${WWW}lib/strings.js`);

const priors = api.priors();
const base = api.preset('actiris-2028');

test('the engine lists the four named priors, the default first, each with its fragment', () => {
  assert.deepEqual(priors.map((p) => p.id), ['independent-evaluations', 'young-registrants', 'programme-comparison', 'danish-trial-odds']);
  assert.equal(priors[0].id, DEFAULT_PRIOR);
  for (const p of priors) {
    for (const lang of ['en', 'fr', 'nl']) assert.ok(p.name[lang] && p.note[lang], `${p.id} ${lang}`);
    assert.equal(p.counterfactual.prior, p.id);
    assert.ok(p.counterfactual[p.form], `${p.id} sets its ${p.form}`);
    assert.deepEqual(api.validate({ ...base, counterfactual: p.counterfactual }), []);
    // Recognised by its form and numbers, and set from the picker as it is.
    assert.equal(priorOf(priorFragment(p.id, priors, base), priors), p.id);
  }
  assert.equal(priors[3].form, 'odds_ratio');
});

test('the engine lists the three persistence sets, the presets use the central one, and an unknown name is refused', () => {
  const sets = api.persistenceSets();
  assert.deepEqual(sets.map((s) => s.id), ['fades', 'central', 'lasting']);
  for (const s of sets) {
    for (const lang of ['en', 'fr', 'nl']) assert.ok(s.name[lang] && s.note[lang], `${s.id} ${lang}`);
    assert.equal(s.persistence.assumption, true);
    assert.deepEqual(api.validate({ ...base, fiscal: { ...base.fiscal, persistence: s.persistence, persistence_prior: s.id } }), []);
  }
  assert.equal(base.fiscal.persistence_prior, 'central');
  assert.equal(base.fiscal.horizon_years, 10);
  const problems = api.validate({ ...base, fiscal: { ...base.fiscal, persistence_prior: 'forever' } });
  assert.ok(problems.some((p) => p.field === 'fiscal.persistence_prior' && /forever/.test(p.message)), JSON.stringify(problems));
});

test('a counterfactual is a named prior by its form and numbers, else custom', () => {
  assert.equal(priorOf(base.counterfactual, priors), DEFAULT_PRIOR);
  for (const p of priors) assert.equal(priorOf(p.counterfactual, priors), p.id);
  // Without its name, the numbers still say which it is; its source and note do not matter.
  const { prior: _p, ...unnamed } = priors[1].counterfactual;
  assert.equal(priorOf({ ...unnamed, baseline: { ...unnamed.baseline, source: 'E1', note: 'x' } }, priors), 'young-registrants');
  // An edited effect is custom, even while it still carries the prior's name.
  const edited = { ...base.counterfactual, effect: { ...base.counterfactual.effect, mode: 0.05 } };
  assert.equal(priorOf(edited, priors), CUSTOM);
  assert.equal(priorEntry(edited, priors), null);
  assert.equal(priorOf(undefined, priors), CUSTOM);
  assert.equal(priorOf({ effect: 0.04 }, priors), CUSTOM);
});

test('choosing a prior: the base scenario\'s own counterfactual when it is that prior, else the fragment without its note', () => {
  assert.deepEqual(priorFragment(DEFAULT_PRIOR, priors, base), base.counterfactual);
  const young = priorFragment('young-registrants', priors, base);
  assert.equal(young.prior, 'young-registrants');
  assert.equal(young.effect, undefined);
  assert.equal(young.baseline.note, undefined);
  assert.equal(young.baseline.source, 'C1');
  assert.equal(priorFragment('nope', priors, base), null);
});

test('a hand edit drops the prior\'s name; editing back to its numbers restores it', () => {
  const edited = { ...base.counterfactual, effect: { ...base.counterfactual.effect, max: 0.2 } };
  const dropped = reconcilePrior(edited, priors);
  assert.equal(dropped.prior, undefined);
  assert.deepEqual(dropped.effect, edited.effect);
  assert.equal(reconcilePrior(dropped, priors), null);
  const back = { effect: { ...base.counterfactual.effect } };
  assert.equal(reconcilePrior(back, priors).prior, DEFAULT_PRIOR);
  assert.equal(reconcilePrior(base.counterfactual, priors), null);
});

test('points: whole from 10 up, one decimal below, never "-0", in the reader\'s format', () => {
  setLang('en');
  assert.equal(fmtPoints(0.1585), '16');
  assert.equal(fmtPoints(0.0335), '3.4');
  assert.equal(fmtPoints(-0.0004), '0');
  assert.equal(fmtPoints(-0.0028), '-0.3');
  assert.equal(fmtPoints(null), '–');
  setLang('fr');
  assert.equal(fmtPoints(0.0335), '3,4');
  setLang('en');
});

const fakeResult = {
  trials: 1000,
  seed: 7,
  years: [2025, 2026],
  counterfactual: { prior: DEFAULT_PRIOR, effect: { p5: -0.002, p50: 0.033, p95: 0.072 } },
  break_even: {
    public: { effect: { p5: 0.112, p50: 0.159, p95: 0.237 }, cost_per_duo: { p5: -30, p50: 416, p95: 1013 } },
    region: { effect: { p5: null, p50: null, p95: null }, cost_per_duo: { p5: 0, p50: 0, p95: 0 } },
  },
  perspectives: {
    public: { net: { p5: -8e6, p50: -6.2e6, p95: -3.8e6 }, benefit_cost_ratio: { p5: 0, p50: 0.2, p50_se: 0.003, p95: 0.5 }, p_benefit_exceeds_cost: 0, p_benefit_exceeds_cost_se: 0 },
    federal: { net: { p5: -98000, p50: 1.28e6, p95: 3.1e6 }, benefit_cost_ratio: null },
  },
};

test('the break-even sentences: all public budgets against the evidence, and the Region that never pays back', () => {
  setLang('en');
  const be = breakEvenText(fakeResult);
  assert.equal(be.public, 'Mentoring pays back to all public budgets together if it raises the chance of work by at least 16 points (P5–P95: 11 to 24); the evidence chosen says 3.3 points (-0.2 to 7.2).');
  assert.equal(be.region, 'For the Region alone it does not pay back in money: the savings go to the federal social security and the CPAS.');
  assert.match(be.cost, /up to €416/);
  for (const lang of ['fr', 'nl']) {
    setLang(lang);
    const text = breakEvenText(fakeResult);
    assert.notEqual(text.public, be.public);
    assert.match(text.public, /16 p/);
  }
  setLang('en');
  // A Region that gets something back has a break-even effect of its own.
  const withReturn = { ...fakeResult, break_even: { ...fakeResult.break_even, region: { effect: { p5: 0.3, p50: 0.4, p95: 0.5 } } } };
  assert.match(breakEvenText(withReturn).region, /40 points/);
  assert.deepEqual(breakEvenText({}), { public: null, region: null, cost: null, persistence: null });
  assert.equal(be.persistence, null, 'a result without the break-even persistence has no sentence for it');
});

test('the break-even persistence: how much of the additional employment must last, or never', () => {
  const at = (persistence) => breakEvenText({ ...fakeResult, break_even: { ...fakeResult.break_even, public: { ...fakeResult.break_even.public, persistence } } });
  setLang('en');
  const some = at({ p5: 0.21, p50: 0.46, p95: null, undefined_share: 0.3 });
  assert.equal(some.persistence, 'It pays back to all public budgets if at least 46% of the additional employment lasts from one year to the next (median; P5–P95: 21% to never; never in 30% of the trials), the rest of each trial as drawn.');
  const never = at({ p5: 0.72, p50: null, p95: null, undefined_share: 0.67 });
  assert.match(never.persistence, /^Even if all the additional employment lasted .* \(P5–P95: 72% to never; never in 67% of the trials\)\.$/);
  for (const [lang, word] of [['fr', /jamais/], ['nl', /nooit/]]) {
    setLang(lang);
    const text = at({ p5: 0.72, p50: null, p95: null, undefined_share: 0.67 }).persistence;
    assert.notEqual(text, never.persistence);
    assert.match(text, word);
  }
  setLang('en');
});

test('the accounts as rows: in the readers\' order, the ratio only where the account bears a cost', () => {
  setLang('en');
  const rows = perspectiveRows(fakeResult);
  assert.deepEqual(rows.map((r) => r.id), ['federal', 'public']);
  assert.equal(rows[0].label, 'Federal social security');
  assert.equal(rows[0].ratio, '– (bears no cost)');
  // Each to the digits its Monte Carlo error supports, with its band.
  assert.equal(rows[1].ratio, '0.200');
  // An account that bears no cost only gains: no chance, and a word that says why.
  assert.equal(rows[0].chance, '– (bears no cost: it only gains)');
  assert.equal(rows[0].p, undefined);
  const likely = { ...fakeResult, perspectives: { public: { ...fakeResult.perspectives.public, p_benefit_exceeds_cost: 0.93, p_benefit_exceeds_cost_se: 0.0025 } } };
  assert.equal(perspectiveRows(likely)[0].chance, '93% ± 0.5 pts');
  assert.equal(rows[1].median, -6.2e6);
  assert.match(accountsCaption(fakeResult, base), /prices of 2025, discounted to 2025 at 3\.0% a year; 1,000 trials, seed 7/);
});

test('every perspective has a label and a description in three languages', () => {
  for (const p of PERSPECTIVES) {
    for (const key of [`persp.${p}`, `persp.what.${p}`]) {
      for (const lang of ['en', 'fr', 'nl']) assert.ok(STRINGS[key]?.[lang], `${key} ${lang}`);
    }
  }
});

test('the widget leads with an account by perspective-<name>', () => {
  assert.equal(PERSPECTIVE_LEADS.length, PERSPECTIVES.length);
  assert.equal(leadCard('perspective-region'), 'perspective-region');
  assert.equal(leadName('perspective-public'), 'perspective-public');
  assert.equal(leadPerspective('perspective-local'), 'local');
  assert.equal(leadPerspective('net'), null);
  assert.equal(leadCard('perspective-nowhere'), null);
  assert.equal(parseEmbedOptions('?lead=perspective-society').options.lead, 'perspective-society');
  assert.deepEqual(parseEmbedOptions('?lead=perspective-x').notices, [{ name: 'lead', value: 'perspective-x' }]);
  const q = new URLSearchParams(embedQuery({ preset: 'actiris-2028', edits: {}, trials: 10000, seed: 2025, lang: 'fr' }, { lead: 'perspective-public' }));
  assert.equal(q.get('lead'), 'perspective-public');
});

test('the perspectives the page and the widget list are the engine’s, in its order', () => {
  // The widget reads its lead from the address before the engine loads, so
  // it keeps the list; the engine's schema says what it must be.
  assert.deepEqual([...PERSPECTIVES], api.schema().perspectives);
});
