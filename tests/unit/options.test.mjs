// embed/options.js: the widget's own URL parameters, read and written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { parseEmbedOptions, embedQuery, normaliseHex, leadCard, leadName, EMBED_DEFAULTS, CONTROLS } = await import(`${WWW}embed/options.js`);

test('no options: the defaults, and no notice', () => {
  const { options, notices } = parseEmbedOptions('');
  assert.deepEqual(options, { ...EMBED_DEFAULTS, controls: [...EMBED_DEFAULTS.controls] });
  assert.deepEqual(notices, []);
});

test('controls by name or alias, at most four, unknown ones noticed', () => {
  const { options, notices } = parseEmbedOptions('?controls=employed,budget,budget,nope,baseline,cost_per_duo');
  assert.deepEqual(options.controls, ['employment-rate', 'budget', 'effect', 'cost-per-duo']);
  assert.deepEqual(notices, [{ name: 'controls', value: 'nope' }]);
  assert.deepEqual(parseEmbedOptions('?controls=none').options.controls, []);
  for (const name of Object.keys(CONTROLS)) assert.equal(typeof CONTROLS[name].path, 'string');
});

test('bad values fall back with a notice; text is cleaned and capped', () => {
  const { options, notices } = parseEmbedOptions(`?theme=neon&font=comic&accent=red&lead=nothing&title=${encodeURIComponent('  a\u0000b \n c ' + 'x'.repeat(300))}`);
  assert.equal(options.theme, 'light');
  assert.equal(options.font, 'system');
  assert.equal(options.accent, null);
  assert.equal(options.lead, 'target');
  assert.deepEqual(notices.map((n) => n.name), ['lead', 'theme', 'accent', 'font']);
  assert.ok(options.title.startsWith('a b c x'));
  assert.equal(options.title.length, 160);
});

test('hex colours and leads', () => {
  assert.equal(normaliseHex('0B4F9C'), '#0b4f9c');
  assert.equal(normaliseHex('#bcd'), '#bbccdd');
  assert.equal(normaliseHex('url(x)'), null);
  assert.equal(leadCard('target-2'), 'target-1');
  assert.equal(leadCard('cost-net'), 'costNet');
  assert.equal(leadCard('target-0'), null);
  assert.equal(leadName('target-1'), 'target-2');
  assert.equal(leadName('costNet'), 'cost-net');
});

test('the code the dialog writes reads back as the same options', () => {
  const state = { preset: 'actiris-2028', edits: {}, trials: 10000, seed: 2025, lang: 'fr', present: true };
  const options = { controls: ['budget', 'employment-rate'], lead: 'net', theme: 'dark', accent: '#123456', font: 'serif', title: 'Mon titre', intro: 'Une phrase.', leadGiven: true };
  const q = embedQuery(state, options);
  assert.ok(!q.includes('present'));
  assert.deepEqual(parseEmbedOptions(q), { options, notices: [] });
  assert.equal(embedQuery(state, {}), '?preset=actiris-2028&trials=10000&seed=2025&lang=fr');
});
