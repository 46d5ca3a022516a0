// lib/partners.js: a programme of partners in the reader's words, from the
// real engine's result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW, engine } from './engine.mjs';

const api = await engine();
const { setLang } = await import(`${WWW}lib/i18n.js`);
const { partnerRows, partnersCaption, PARTNER_FIGURES } = await import(`${WWW}lib/partners.js`);
const { STRINGS } = await import(`${WWW}lib/strings.js`);

const scenario = api.preset('actiris-2028');
const result = api.simulate(scenario, { trials: 2000, seed: 2025 });

test('each partner of actiris-2028 has a row, in the scenario order, its figures from the engine', () => {
  setLang('en');
  const rows = partnerRows(result, scenario);
  assert.deepEqual(rows.map((r) => r.id), ['duo-for-a-job', 'team4job', 'backstage-network', 'pour-la-solidarite']);
  assert.deepEqual(rows.map((r) => r.share), ['46.5%', '28.5%', '12.5%', '12.5%']);
  assert.deepEqual(rows.map((r) => r.noResults), [false, false, true, true]);
  for (const r of rows) {
    const p = result.partners[r.id];
    for (const [key, name] of PARTNER_FIGURES) {
      const f = r.figures[key];
      const s = p.series[name] ?? null;
      const want = s ? s.p50.at(-1) : p.totals[name].p50;
      assert.equal(f.value, want, `${r.id} ${key}`);
      assert.ok(f.median && f.band, `${r.id} ${key} has words`);
    }
    // The cost per additional job has no P95 (undefined in more than 5 % of trials): said so, not a dash.
    assert.equal(r.figures.costNet.open, true, r.id);
    assert.match(r.figures.costNet.band, /^from €/);
  }
  // The medians of duos started: DUO for a JOB delivers the most, the two without figures alike.
  const duos = rows.map((r) => r.figures.duos.value);
  assert.ok(duos[0] > duos[1] && duos[1] > duos[2], String(duos));
  assert.match(partnersCaption(result), /by the end of 2028/);
});

test('a programme without partners has no rows; the words exist in three languages', () => {
  const t4j = api.preset('team4job');
  assert.deepEqual(partnerRows(api.simulate(t4j, { trials: 200, seed: 1 }), t4j), []);
  for (const [key, v] of Object.entries(STRINGS).filter(([k]) => k.startsWith('partners.'))) {
    for (const lang of ['en', 'fr', 'nl']) assert.ok(v[lang], `${key} ${lang}`);
  }
  setLang('fr');
  const rows = partnerRows(result, scenario);
  assert.equal(rows[0].share.replace(/\s/g, ' '), '46,5 %'); // a narrow no-break space before %
  assert.match(rows[0].serves, /immigration/);
  setLang('en');
});

test('what knowing a partner’s results is worth: why nothing when no trial pays back, else a figure with its band, the shared unknown said', async () => {
  setLang('en');
  const { partnerWorthText } = await import(`${WWW}lib/partners.js`);
  const own = api.valueOfInformation(scenario, { trials: 1000, seed: 2025 });
  const lines = partnerWorthText(own, scenario.partners);
  // Under the default prior no trial pays back: one sentence, not four zeros.
  assert.equal(own.p_pays_back.public, 0);
  assert.deepEqual(lines.map((l) => l.id), ['none']);
  assert.match(lines[0].text, /No trial pays back/);
  const voi = { p_pays_back: { public: 0.5 }, evppi_partner: { 'duo-for-a-job': { public: 12345 }, team4job: { public: 0 }, 'backstage-network': { public: 800 }, 'pour-la-solidarite': { public: 800 } }, evppi_partner_se: { 'duo-for-a-job': { public: 1000 }, team4job: { public: 0 }, 'backstage-network': { public: 100 }, 'pour-la-solidarite': { public: 100 } } };
  const text = partnerWorthText(voi, scenario.partners).map((l) => l.text);
  assert.match(text[0], /^DUO for a JOB: €12,300 ± €2,000\.$/); // to the digits its error supports
  assert.match(text[1], /^Team4Job: nothing, as for no value of its rate/);
  assert.match(text[2], /shares the programme’s rate/);
  assert.deepEqual(partnerWorthText(voi, []), []);
});
