// The scenario's own title (lib/naming.js), what limits the duos
// (lib/limits.js), the reader's CSV (lib/csv.js) and the short link
// (lib/state.js shortQuery), in French, Dutch and English.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, WWW } from './engine.mjs';

const { setLang } = await import(`${WWW}lib/i18n.js`);
const { scenarioTitle, changes } = await import(`${WWW}lib/naming.js`);
const { limitsByYear, limitsLine } = await import(`${WWW}lib/limits.js`);
const { reportCsv, csvNumber, unitOf } = await import(`${WWW}lib/csv.js`);
const { shortQuery, parseQuery, clone } = await import(`${WWW}lib/state.js`);

let api;
let result;
before(async () => {
  api = await engine();
  result = api.simulate(api.preset('actiris-2028'), { trials: 500, seed: 2025 });
});

test('an edited scenario names what changed, in each language; an unedited one is its name', () => {
  const base = api.preset('actiris-2028');
  const edited = clone(base);
  edited.budget.constant = 3_000_000;
  setLang('en');
  assert.equal(scenarioTitle(base, base), base.name.en);
  // The preset's name states its budget: the title says the new one there, once, and not the old one beside it.
  assert.equal(scenarioTitle(base, edited), 'Actiris 2025-2028: four partners, EUR 3 M a year (edited)');
  setLang('fr');
  assert.equal(scenarioTitle(base, edited), 'Actiris 2025-2028 : quatre partenaires, 3 M EUR par an (modifié)');
  setLang('nl');
  assert.equal(scenarioTitle(base, edited), 'Actiris 2025-2028: vier partners, 3 M EUR per jaar (gewijzigd)');
  edited.budget.constant = 2_550_000;
  assert.equal(scenarioTitle(base, edited), 'Actiris 2025-2028: vier partners, 2,55 M EUR per jaar (gewijzigd)');
  assert.equal(scenarioTitle(base, edited, { marker: false }), 'Actiris 2025-2028: vier partners, 2,55 M EUR per jaar');
  // A name that states no budget keeps the budget among the changes.
  const t4j = api.preset('team4job');
  const t4jEdited = clone(t4j);
  t4jEdited.budget.constant = 600_000;
  setLang('en');
  assert.match(scenarioTitle(t4j, t4jEdited), /^Team4Job: mentors at their workplace, its record, budget €600K a year \(edited\)$/);
  edited.budget.constant = 3_000_000;
  edited.cost_per_duo.mode = 2300;
  edited.end_year = 2029;
  setLang('en');
  const list = changes(base, edited);
  assert.deepEqual(list.map((c) => c.path), ['budget', 'cost_per_duo', 'end_year']);
  assert.match(list[1].value, /2,300/);
  assert.equal(scenarioTitle(base, edited), 'Actiris 2025-2028: four partners, EUR 3 M a year, cost per duo €2,300, last year 2029 (edited)');
  edited.intake.points[0][1] = 1500;
  assert.match(scenarioTitle(base, edited), /EUR 3 M a year, cost per duo €2,300, last year 2029, and 1 other change \(edited\)$/);
});

test('the limits of each year come from the engine’s shares, the largest first', () => {
  const years = limitsByYear(result);
  assert.equal(years.length, result.years.length);
  for (const [i, y] of years.entries()) {
    const sum = y.limits.reduce((a, l) => a + l.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `shares of ${y.year} add up to 1`);
    assert.equal(y.limits[0].share, Math.max(...['money', 'mentors', 'plan'].map((k) => result.series[`limited_by_${k}`].mean[i])));
  }
  setLang('fr');
  assert.match(limitsLine(result, api.preset('actiris-2028')), /^Ce qui limite les duos chaque année : 2025 : /);
  setLang('nl');
  assert.match(limitsLine(result, api.preset('actiris-2028')), /^Wat de duo’s elk jaar beperkt: 2025: /);
  setLang('en');
});

test('the CSV is in the reader’s convention, with header rows, labels, units and rounded values', () => {
  const meta = { title: 'T (edited)', preset: 'P', changes: [{ label: 'Budget per year', value: '€3,000,000 a year' }], version: '0.1', url: 'http://x/?preset=a&budget.constant=3000000' };
  setLang('fr');
  const fr = reportCsv(result, meta).replace(/^\ufeff/, '').split('\r\n');
  assert.equal(fr[0], 'Scénario;T (edited)');
  assert.equal(fr[2], 'Modifié;Budget per year;€3,000,000 a year');
  const head = fr.findIndex((l) => l.startsWith('Chiffre;Unité;Année'));
  assert.ok(head > 0);
  const row = fr.find((l) => l.startsWith('personnes au travail, cumulé;personnes;2028;')).split(';');
  assert.match(row[3], /^\d+,\d$/, 'a mean with a decimal comma');
  assert.match(row[6], /^\d+$/, 'a median count is whole');
  assert.ok(fr.some((l) => /^coût public;EUR;2025;\d+;/.test(l)), 'money in whole euros, unit in its own column');
  setLang('en');
  const en = reportCsv(result, meta).split('\r\n');
  assert.ok(en.some((l) => l.startsWith('"Budget per year";') === false && l.startsWith('Changed,Budget per year,"€3,000,000 a year"')));
  assert.equal(csvNumber(0.123456, 4, ','), '0,1235');
  assert.equal(csvNumber(-0.00001, 2, '.'), '0.00');
  assert.equal(unitOf('limited_by_money'), 'share');
  assert.equal(unitOf('total_benefit_cost_ratio'), 'ratio');
  assert.equal(unitOf('budget_needed_cumulative'), 'eur');
  assert.equal(unitOf('duos_started'), 'duos');
});

test('the short link holds the preset and only the edited fields, and reads back to the same state', () => {
  const schema = api.schema();
  const state = { preset: 'actiris-2028', edits: { 'budget.constant': 3_000_000, 'cost_per_duo.mode': 2500 }, trials: 10_000, seed: 2025, lang: 'nl', present: false };
  const q = shortQuery(state, { trials: 10_000, seed: 2025 });
  assert.equal(q, '?preset=actiris-2028&budget.constant=3000000&cost_per_duo.mode=2500&lang=nl');
  const back = parseQuery(q, { schema, langs: ['fr', 'nl', 'en'] }).state;
  assert.deepEqual(back.loose, state.edits);
  assert.equal(back.lang, 'nl');
  assert.match(shortQuery({ ...state, trials: 500 }, { trials: 10_000, seed: 2025 }), /&trials=500&/);
});
