// lib/decide.js (the decision tools' words and numbers) and the pinned
// scenario's round trip through the address (lib/state.js, lib/session.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW, engine } from './engine.mjs';

const api = await engine();
const { setLang } = await import(`${WWW}lib/i18n.js`);
const d = await import(`${WWW}lib/decide.js`);
const { parseQuery, toQuery } = await import(`${WWW}lib/state.js`);
const { Session } = await import(`${WWW}lib/session.js`);
const { STRINGS } = await import(`${WWW}lib/strings.js`);
const { LANGS } = await import(`${WWW}lib/i18n.js`);

const actiris = api.preset('actiris-2028');
const targets = api.preset('targets-2030-2035');

test('every new word exists in the three languages', () => {
  const prefixes = ['solve.', 'lever.', 'mentors.', 'drivers.', 'value.', 'pin.', 'cmp.'];
  const keys = Object.keys(STRINGS).filter((k) => prefixes.some((p) => k.startsWith(p)));
  assert.ok(keys.length > 60, `${keys.length} keys`);
  for (const k of keys) for (const l of LANGS) assert.ok(STRINGS[k][l], `${k} ${l}`);
  for (const o of d.DRIVER_OUTPUTS) assert.ok(STRINGS[`drivers.output.${o}`], o);
  for (const l of d.LEVERS) for (const p of ['lever.', 'lever.name.', 'lever.value.', 'solve.found.', 'solve.none.', 'solve.why.']) assert.ok(STRINGS[`${p}${l}`], `${p}${l}`);
});

test('levers: recruits only where the mentor pool is limited; the current value of each', () => {
  assert.deepEqual(d.leversFor(actiris), ['budget', 'recruits', 'intake', 'cost']);
  assert.deepEqual(d.leversFor({ ...actiris, mentors: { ...actiris.mentors, pool: 'unlimited' } }), ['budget', 'intake', 'cost']);
  assert.equal(d.currentLever(actiris, 'budget'), 2_200_000);
  assert.equal(d.currentLever(targets, 'budget'), null, 'an unlimited budget has no value');
  assert.equal(d.currentLever(actiris, 'intake'), 1);
  const recruits = d.currentLever(actiris, 'recruits');
  assert.ok(recruits > 400 && recruits < 420, `${recruits}`);
  // The mean of the programme's PERT (a partner without its own cost; those with one move with it).
  const { min, mode, max } = actiris.cost_per_duo;
  assert.equal(d.currentLever(actiris, 'cost'), (min + 4 * mode + max) / 6);
});

test('a lever value reads with its unit in each language', () => {
  setLang('fr');
  assert.match(d.fmtLever('budget', 1_880_000), /^1,9\sM\s€ par an$/);
  assert.match(d.fmtLever('recruits', 2430), /^2\s430 mentors recrutés par an$/);
  assert.match(d.fmtLever('intake', 1.25), /^1,25 × les entrées prévues \(125\s%\)$/);
  setLang('nl');
  assert.match(d.fmtLever('cost', 2350), /^€\s?2\.350 per duo$/);
  setLang('en');
  assert.equal(d.fmtLever('budget', 1_880_000), '€1.9M a year');
  assert.equal(d.fmtShareBand(0.809, 0.004), '80.9% of trials (95 % Monte Carlo band 80.1% to 81.7%)');
  assert.equal(d.fmtShareBand(1, 0), '100.0% of trials (95 % Monte Carlo band 100.0% to 100.0%)');
  // Of a known number of trials, none or all: the bound they allow, not a band of width 0.
  assert.equal(d.fmtShareBand(0, 0, 10_000), '0.0% of trials (under 0.030% with 95 % confidence)');
  assert.equal(d.fmtShareBand(1, 5e-5, 10_000), '100.0% of trials (over 99.970% with 95 % confidence)');
  assert.equal(d.fmtShareBand(0.809, 0.004, 10_000), '80.9% of trials (95 % Monte Carlo band 80.1% to 81.7%)');
});

test('no budget reaches the first Actiris target at 80 %: the best probability and the other levers', () => {
  setLang('en');
  const { solution, mentors } = api.solve(actiris, { target: 0, confidence: 0.8, lever: 'budget' }, { trials: 2000, seed: 2025 });
  assert.equal(solution.value, null);
  const text = d.solveText(solution, actiris);
  assert.equal(text.found, false);
  assert.equal(text.value, null);
  // (Node's ICU may write €200.0M where Chromium writes €200M.)
  assert.match(text.answer, /^No budget from €0 a year to €200(\.0)?M a year meets this target in 80% of trials\.$/);
  assert.match(text.detail[0], /^The best this lever reaches is \d\d\.\d% of trials/);
  assert.deepEqual(text.other, ['recruits', 'intake', 'cost']);
  assert.equal(mentors.length, 4);
});

test('a value found: the answer, the probability there, one step short, the scenario now', () => {
  setLang('en');
  const solution = { lever: 'budget', unit: 'EUR a year', target: 1, target_label: 'x', confidence: 0.8, value: 1_880_000, probability: 0.809, probability_se: 0.004, probability_one_step_short: 0.786, step: 10_000, range: [0, 200_000_000], best_probability: 0.809, trials: 10_000, seed: 2025 };
  const text = d.solveText(solution, actiris);
  assert.equal(text.found, true);
  assert.equal(text.value, '€1.9M a year');
  assert.equal(text.answer, 'It takes at least €1.9M a year to meet this target in 80% of trials.');
  assert.deepEqual(text.detail, [
    'There, the target is met in 80.9% of trials (95 % Monte Carlo band 80.1% to 81.7%); 80% was asked.',
    'One step short (€1.9M a year), it is met in 78.6% of trials.',
    'The scenario now has €2.2M a year.',
    'Exact to one step of €10,000 a year; 10,000 trials, seed 2025, common random numbers.',
  ]);
  // The cost per duo is the largest that still does it: one step short is one step more.
  const cost = d.solveText({ ...solution, lever: 'cost_per_duo', value: 2350, step: 10, range: [10, 100_000] }, actiris);
  assert.equal(cost.lever, 'cost');
  assert.equal(cost.answer, 'A duo may cost at most €2,350 a duo for this target to be met in 80% of trials.');
  assert.equal(cost.detail[1], 'One step short (€2,360 a duo), it is met in 78.6% of trials.');
  // Met already at the bottom of the range: said so.
  const zero = d.solveText({ ...solution, lever: 'recruits', value: 0, probability_one_step_short: null, step: 10, range: [0, 100_000] }, targets);
  assert.match(zero.detail[1], /already met at the lowest value/);
});

test('the mentors a plan needs, beside the recruits assumed', () => {
  const rows = d.mentorRows(api.mentorNeeds(targets));
  assert.equal(rows.length, 11);
  const last = rows.at(-1);
  setLang('en');
  assert.equal(last.year, '2035');
  assert.ok(last.short, 'the targets need more recruits than assumed');
  assert.ok(!rows[0].short);
});

test('the tornado: sorted by |rho| with sign, at most ten, and the undefined trials counted', () => {
  setLang('en');
  const sens = api.simulate(actiris, { trials: 2000, seed: 2025, sensitivity: true }).sensitivity;
  const rows = d.tornadoRows(sens, 'benefit_cost_ratio');
  assert.equal(rows.length, 10);
  assert.equal(rows[0].parameter, 'counterfactual.effect');
  assert.ok(rows[0].rho > 0.9);
  for (let i = 1; i < rows.length; i++) assert.ok(Math.abs(rows[i - 1].rho) >= Math.abs(rows[i].rho));
  assert.ok(rows.some((r) => r.rho < 0), 'negative correlations keep their sign');
  assert.equal(d.tornadoRows(sens, 'benefit_cost_ratio', 3).length, 3);
  assert.deepEqual(d.tornadoRows({ outputs: { x: [{ parameter: 'a', rho: null }, { parameter: 'b', rho: -0.5 }, { parameter: 'c', rho: 0.2 }] } }, 'x').map((r) => r.parameter), ['b', 'c']);
  const n = sens.undefined.cost_per_net_job;
  assert.ok(n > 0, 'some trials have no additional job');
  const caption = d.tornadoCaption(sens, 'cost_per_net_job', { seed: 2025 });
  assert.match(caption, /over the first 2,000 trials \(seed 2025\)/);
  assert.ok(caption.includes(`${n} of these trials`), caption);
  assert.match(d.tornadoCaption(sens, 'benefit_cost_ratio'), /Every trial has a defined value\.$/);
  assert.equal(d.fmtRho(0.9412), '+0.94');
  assert.equal(d.fmtRho(-0.16), '−0.16');
  assert.equal(d.fmtRho(0.001), '0.00');
});

test('what evidence is worth: nothing when no finding would change the decision, else EUR', () => {
  setLang('en');
  const voi = api.valueOfInformation(actiris, { trials: 2000, seed: 2025 });
  const none = d.valueText(voi);
  assert.match(none.effect, /is worth nothing to this decision: in no trial does it pay back/);
  // Under each named prior, with the chance it pays back and why a zero is zero.
  assert.equal(none.priors.length, 4);
  // The range the evidence allows, lowest and highest median ratio with their priors' names.
  assert.match(none.range, /^The range the evidence allows: the median benefit–cost ratio for all public budgets runs from 0\.\d+ \(Independent evaluations: a few points\) to [12]\.\d+ \(The programme's own comparison: about double\)/);
  const [own, programme, young] = ['independent-evaluations', 'programme-comparison', 'young-registrants'].map((id) => none.priors.find((p) => p.id === id).text);
  assert.match(own, /^Independent evaluations: a few points: worth nothing — it pays back in no trial \(0% \(/);
  for (const text of [programme, young]) assert.match(text, /: worth €[\d.,]+[KM]? ± €[\d.,]+[KM]? — it pays back in \d+(\.\d)?% ± \d+(\.\d)? pts of trials/);
  for (const [id, w] of Object.entries(voi.by_prior)) {
    for (const key of ['evpi', 'evppi_effect']) assert.ok(w[`${key}_se`].public >= 0, `${id} ${key}_se`);
    assert.ok(w.evppi_effect.public <= w.evpi.public + 1e-6, `${id}: knowing the effect is worth no more than knowing everything`);
  }
  assert.match(none.all, /^Knowing everything the model is unsure of would be worth €0 to all public budgets/);
  const some = d.valueText({ trials: 10000, evpi: { public: 2_500_000, society: 3_000_000 }, evppi_effect: { public: 1_234_000, region: 0 }, evppi_effect_se: { public: 41_000, region: 0 } });
  assert.equal(some.effect, 'A rigorous evaluation of the effect of mentoring is worth up to €1,230,000 ± €80,000 to this decision for all public budgets together, and up to €0 for the Region alone.');
  setLang('fr');
  assert.match(d.valueText({ trials: 10000, evpi: { public: 2_500_000 }, evppi_effect: { public: 1_200_000, region: 30_000 }, evppi_effect_se: { public: 41_000, region: 1_000 } }).effect, /vaut jusqu’à 1\s200\s000\s€ ± 80\s000\s€ .* jusqu’à 30\s000\s€ ± 2\s000\s€ pour la Région seule\.$/);
  assert.deepEqual(d.valueText(null), { effect: '', all: '', priors: [], range: '' });
});

test('B against A: every headline, signed differences, the chance B is better, card lines', () => {
  setLang('en');
  const b = { ...actiris, budget: { ...actiris.budget, constant: 3_000_000 } };
  const cmp = api.compare(actiris, b, { trials: 2000, seed: 2025 });
  const rows = d.compareRows(cmp);
  // The targets first, then every headline.
  assert.deepEqual(rows.map((r) => r.id), [...actiris.targets.map((_, k) => `target-${k}`), ...d.compareHeadlines().map((h) => h.id)]);
  const target = rows[0];
  const [pa, pb] = [cmp.a.targets[0].probability_met, cmp.b.targets[0].probability_met];
  assert.ok(pb > pa + 0.2, `more money, more chance of 4,400 mentored: ${pa} -> ${pb}`);
  assert.match(target.label, /^Chance of “4,400/);
  assert.match(target.diff, /^\+\d+(\.\d)? pts$/);
  assert.match(target.band, /^Monte Carlo ± \d+(\.\d)? pts at most$/);
  // A target met in no trial of A nor B: its band is the bounds the trials allow (about 3/n each), not ± 0.
  const never = rows.find((r) => r.id === 'target-1');
  assert.equal(never.diff, '0 pts');
  assert.match(never.band, /^Monte Carlo ± 0\.[1-9]\d* pts at most$/);
  assert.match(d.cardDelta(cmp, 'target-0'), /^A: \d+(\.\d)?% · B − A: \+\d+(\.\d)? pts \(Monte Carlo ± .+ at most\)$/);
  const started = rows.find((r) => r.id === 'duos_started_cumulative');
  assert.match(started.diff, /^\+\d/);
  assert.ok(started.pBetter > 0.9);
  const bcr = rows.find((r) => r.id === 'benefit_cost_ratio');
  assert.doesNotMatch(bcr.diff, /^[-−]0\.00$/, 'no negative zero');
  assert.match(d.cardDelta(cmp, 'started'), /^A: [\d,]+ · B − A, trial by trial: \+[\d,]+ \(.+\) · B better in \d+% of trials$/);
  assert.equal(d.cardDelta(cmp, 'budget'), '');
  // A scenario against itself differs by exactly zero, and B is never better.
  const same = d.compareRows(api.compare(actiris, actiris, { trials: 500, seed: 1 }));
  for (const r of same) assert.equal(r.better, r.id.startsWith('target-') ? '–' : '0%', r.id);
  for (const r of same.filter((r) => r.id.startsWith('target-'))) assert.equal(r.diff, '0 pts', r.id);
  assert.deepEqual(d.compareRows(null), []);
});

test('the pinned scenario travels in the link, checked like the edits', () => {
  const schema = api.schema();
  const opts = { schema, langs: LANGS };
  const { state } = parseQuery('?preset=actiris-2028&edits={"budget.constant":3000000}&pin={"budget.constant":2500000}', opts);
  assert.deepEqual(state.pin, { 'budget.constant': 2500000 });
  const again = parseQuery(toQuery(state), opts).state;
  assert.deepEqual(again, state);
  assert.equal(parseQuery('?preset=actiris-2028&pin={}', opts).state.pin !== null, true, 'the preset itself can be A');
  assert.equal(parseQuery('?preset=actiris-2028', opts).state.pin, null);
  assert.ok(!toQuery(parseQuery('?preset=actiris-2028', opts).state).includes('pin='));
  for (const bad of ['not json', '[1]', '{"__proto__.x":1}', '{"a..b":1}']) {
    const r = parseQuery(`?preset=actiris-2028&pin=${encodeURIComponent(bad)}`, opts);
    assert.equal(r.state.pin, null, bad);
    assert.deepEqual(r.notices, [{ key: 'notice.badPin', value: '' }], bad);
  }
});

test('the session keeps a valid pin, drops one that cannot run, pins and unpins', () => {
  const runner = { run: async () => ({}), cancel() {} };
  const s = new Session({ api, runner });
  let notices = s.boot('?preset=actiris-2028&pin={"budget.constant":2500000}', { langs: LANGS });
  assert.deepEqual(notices, []);
  assert.equal(s.pinned().budget.constant, 2500000);
  notices = s.boot('?preset=actiris-2028&pin={"budget.constant":-5}', { langs: LANGS });
  assert.deepEqual(notices, [{ key: 'notice.badPin', value: '' }]);
  assert.equal(s.pinned(), null);
  notices = s.boot('?preset=actiris-2028&pin={"no.such.field":1}', { langs: LANGS });
  assert.deepEqual(notices, [{ key: 'notice.badPin', value: '' }]);
  s.boot('?preset=actiris-2028', { langs: LANGS });
  s.edit('budget.constant', 3_000_000);
  s.pin(true);
  assert.deepEqual(s.state.pin, { 'budget.constant': 3_000_000 });
  s.choosePreset('team4job');
  assert.equal(s.state.pin, null, 'a pin belongs to its preset');
});
