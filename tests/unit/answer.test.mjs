// lib/answer.js: the answer in words, built from a result in the reader's
// language: every figure to the digits its Monte Carlo error supports (the
// engine's printed()), with its band; the evidence prior named; the budget
// said as the scenario sets it.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, WWW } from './engine.mjs';

const { setLang } = await import(`${WWW}lib/i18n.js`);
const { answerSentences, answerText, eurWords, budgetWords } = await import(`${WWW}lib/answer.js`);
const { fmtErr, withError } = await import(`${WWW}lib/printed.js`);
const { clone } = await import(`${WWW}lib/state.js`);

let api;
let priors;
const run = (s, trials = 2000) => api.simulate(s, { trials, seed: 2025 });
before(async () => {
  api = await engine();
  priors = api.priors();
});

test('the default preset in three languages: the budget, the duos with their band, each target’s chance, the jobs under the prior named, the cost', () => {
  const s = api.preset('actiris-2028');
  const r = run(s);
  const started = r.series.duos_started_cumulative;
  const net = r.series.net_additional_employed_cumulative;
  const i = r.years.length - 1;
  const words = {
    en: { budget: /^With €2\.2M a year, about /, prior: /under the evidence “Independent evaluations: a few points”/, p5: 'P5–P95:' },
    fr: { budget: /^Avec 2,2\sM\s€ par an, environ /, prior: /selon les preuves « Évaluations indépendantes : quelques points »/, p5: 'P5–P95 :' },
    nl: { budget: /^Met €\s2,2\smln\. per jaar starten er /, prior: /volgens het bewijs ‘Onafhankelijke evaluaties: enkele punten’/, p5: 'P5–P95:' },
  };
  for (const [lang, w] of Object.entries(words)) {
    setLang(lang);
    const list = answerSentences(r, s, { priors });
    assert.deepEqual(list.map((x) => x.id), ['started', 'targets', 'employed', 'cost']);
    const text = answerText(r, s, { priors });
    assert.match(text, w.budget);
    // Each figure as the engine prints it, with its band.
    assert.ok(text.includes(fmtErr(started.p50[i], started.p50_se[i])), `${lang}: duos started ${fmtErr(started.p50[i], started.p50_se[i])} in ${text}`);
    assert.ok(text.includes(`${w.p5} ${fmtErr(started.p5[i], started.p5_se[i])}`), `${lang}: the duos' band`);
    assert.ok(text.includes(fmtErr(net.p50[i], net.p50_se[i])), `${lang}: the additional jobs`);
    const tg = r.targets[0];
    const chance = withError(tg.probability_met, tg.probability_met_se, 'share', r.trials);
    assert.ok(text.includes(`${chance.value} (± ${chance.band})`), `${lang}: the first target's chance with its Monte Carlo band`);
    // The second reading is met in no trial: its bound, not a band.
    assert.ok(text.includes(withError(0, r.targets[1].probability_met_se, 'share', r.trials).bound), `${lang}: the bound of a chance of nil`);
    assert.match(text, w.prior);
    assert.doesNotMatch(text, /undefined|NaN|\{/);
  }
  setLang('en');
});

test('the budget in words follows the scenario, and a larger budget changes the sentence', () => {
  setLang('en');
  const s = api.preset('actiris-2028');
  const more = clone(s);
  more.budget.constant = 3_000_000;
  assert.match(answerText(run(more, 500), more, { priors }), /^With €3M a year, /);
  assert.equal(budgetWords({ unlimited: true }), 'With no limit on the money');
  assert.equal(budgetWords({ per_year: [562_500, 1_200_000] }), 'With a budget set year by year (€1.8M in all)');
  setLang('fr');
  assert.equal(budgetWords({ unlimited: true }), 'Sans limite d’argent');
  setLang('en');
});

test('an effect set by hand is said so, not named after a prior; a preset without targets has no sentence for them', () => {
  setLang('en');
  const s = api.preset('team4job');
  s.counterfactual = { effect: { dist: 'fixed', value: 0.05 } };
  const r = run(s, 500);
  const ids = answerSentences(r, s, { priors }).map((x) => x.id);
  assert.deepEqual(ids, ['started', 'employed', 'cost']);
  assert.match(answerText(r, s, { priors }), /under an effect of mentoring set by hand/);
});

test('sums of money keep the digits their error supports, in millions from a million', () => {
  setLang('en');
  assert.equal(eurWords(8_548_352, 5013), '€8.548M');
  assert.equal(eurWords(50_446_336, 154_441), '€50.45M');
  assert.equal(eurWords(62_384, 526), fmtErr(62_384, 526, 'eur'));
  assert.equal(eurWords(NaN, 1), '–');
  setLang('fr');
  assert.match(eurWords(8_548_352, 5013), /^8,548\sM\s€$/);
  setLang('en');
});

test('the cost per additional job: its band, or what the trials without one leave of it', () => {
  setLang('en');
  const s = api.preset('actiris-2028');
  const r = run(s, 500);
  const cnj = r.totals.cost_per_net_job;
  const open = clone(r);
  open.totals.cost_per_net_job = { ...cnj, p5: 30_000, p5_se: 300, p50: 60_000, p50_se: 500, p95: null, undefined_share: 0.07, undefined_share_se: 0.003 };
  assert.match(answerText(open, s, { priors }), /each additional job costs it about €60,0\d\d \(P5: €30,0\d\d; in 7(\.0)?% of trials mentoring adds no job/);
  const closed = clone(r);
  closed.totals.cost_per_net_job = { ...cnj, p5: 30_000, p5_se: 300, p50: 60_000, p50_se: 500, p95: 120_000, p95_se: 900, undefined_share: 0, undefined_share_se: 0 };
  assert.match(answerText(closed, s, { priors }), /each additional job costs it about €60,0\d\d \(P5–P95: €30,0\d\d to €120,\d00\)\.$/);
  const none = clone(r);
  none.totals.cost_per_net_job = { ...cnj, p50: null, p95: null, undefined_share: 0.6, undefined_share_se: 0.01 };
  assert.match(answerText(none, s, { priors }), /in 60% of trials mentoring adds no job, so no typical cost per additional job can be given\.$/);
});

test('a quick answer (the first 1,000 trials, the headline series only) gives the same sentences, with fewer digits where its error is larger', () => {
  setLang('en');
  const s = api.preset('actiris-2028');
  const quick = api.simulate(s, { trials: 1000, seed: 2025, series: ['duos_started_cumulative', 'employed_cumulative', 'net_additional_employed_cumulative', 'public_cost_cumulative'] });
  assert.deepEqual(answerSentences(quick, s, { priors }).map((x) => x.id), ['started', 'targets', 'employed', 'cost']);
  const tg = quick.targets[0];
  assert.ok(answerText(quick, s, { priors }).includes(`(± ${withError(tg.probability_met, tg.probability_met_se, 'share', 1000).band})`));
});

test('with no budget set, what it takes follows the duos: the money over the years and the mentors of the busiest year, each with its band', () => {
  setLang('en');
  const s = api.preset('targets-2030-2035');
  const r = run(s);
  const ids = answerSentences(r, s, { priors }).map((x) => x.id);
  assert.deepEqual(ids.slice(0, 3), ['started', 'takes', 'targets']);
  const text = answerSentences(r, s, { priors }).find((x) => x.id === 'takes').text;
  const m = r.series.mentors_needed;
  const k = m.p50.indexOf(Math.max(...m.p50));
  const need = r.series.budget_needed_cumulative;
  assert.ok(text.startsWith(`That takes about ${eurWords(need.p50.at(-1), need.p50_se.at(-1))} from 2025 to 2035`), text);
  assert.ok(text.includes(`about ${fmtErr(m.p50[k], m.p50_se[k])} volunteer mentors in ${r.years[k]}, the busiest year (P5–P95: ${fmtErr(m.p5[k], m.p5_se[k])} to ${fmtErr(m.p95[k], m.p95_se[k])})`), text);
  // A budget set: no such sentence (the money is an input, not an answer).
  const a = api.preset('actiris-2028');
  assert.ok(!answerSentences(run(a), a, { priors }).some((x) => x.id === 'takes'));
});
