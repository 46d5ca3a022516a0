// lib/evidence.js: the evidence rows and the "source" fields that cite them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { EVIDENCE, evidenceRow, parseSource, safeHref } = await import(`${WWW}lib/evidence.js`);

test('every row has an id, words in three languages, and ids are unique', () => {
  const ids = EVIDENCE.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of EVIDENCE) {
    assert.match(r.id, /^[ECF]\d+$/);
    for (const lang of ['en', 'fr', 'nl']) assert.ok(r.fig[lang], `${r.id} ${lang}`);
  }
  assert.equal(evidenceRow('E3').id, 'E3');
  assert.equal(evidenceRow('E99'), null);
});

test('a source splits into rows, ranges, links and text', () => {
  const refs = parseSource('E4-E6, https://example.org/x; C1, a note');
  assert.deepEqual(refs.map((r) => r.id ?? r.href ?? r.text), ['E4', 'E5', 'E6', 'https://example.org/x', 'C1', 'a note']);
  assert.deepEqual(parseSource(''), []);
  assert.deepEqual(parseSource(null), []);
  assert.deepEqual(parseSource('E1–3').map((r) => r.id), ['E1', 'E2', 'E3']);
});

test('only http(s) links are ever linked', () => {
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('data:text/html,x'), null);
  assert.equal(safeHref('https://example.org'), 'https://example.org/');
  assert.equal(parseSource('javascript:alert(1)')[0].kind, 'text');
});
