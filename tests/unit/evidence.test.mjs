// lib/evidence.js: the evidence rows and the "source" fields that cite them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { EVIDENCE, evidenceRow, evidenceText, parseSource, safeHref } = await import(`${WWW}lib/evidence.js`);
const { setLang } = await import(`${WWW}lib/i18n.js`);

test('every row has an id, words in three languages, and ids are unique', () => {
  const ids = EVIDENCE.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of EVIDENCE) {
    assert.match(r.id, /^[ECFW]\d+$/);
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

/** Every evidence id a `source` text names, ranges ("E1-E3") spelt out; links and known words left out. */
function citedIds(source) {
  const ids = [];
  for (const raw of String(source).split(/[,;]/)) {
    const part = raw.trim();
    const range = /^([ECFW])(\d+)\s*[-–]\s*\1?(\d+)$/.exec(part);
    if (range) for (let i = Number(range[2]); i <= Number(range[3]); i++) ids.push(`${range[1]}${i}`);
    else if (/^[ECFW]\d+$/.test(part)) ids.push(part);
    else assert.ok(safeHref(part), `"${part}" in "${source}" is neither an evidence row nor a link`);
  }
  return ids;
}

/** Every `source` field anywhere in a JSON value. */
function sourcesIn(value, out = []) {
  if (Array.isArray(value)) for (const v of value) sourcesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' && typeof v === 'string') out.push(v);
      else sourcesIn(v, out);
    }
  }
  return out;
}

test('every source a preset or a named prior cites is a row of the page', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const root = new URL('../../', import.meta.url);
  const cited = [];
  for (const file of readdirSync(new URL('presets/', root)).filter((f) => f.endsWith('.json'))) {
    for (const s of sourcesIn(JSON.parse(readFileSync(new URL(`presets/${file}`, root), 'utf8')))) cited.push([file, s]);
  }
  const priors = readFileSync(new URL('src/model/priors.rs', root), 'utf8');
  const fromPriors = [...priors.matchAll(/^\s*source:\s*"([^"]*)"/gm)].map((m) => m[1]);
  assert.ok(fromPriors.length >= 3, 'the priors name their rows');
  for (const s of fromPriors) cited.push(['src/model/priors.rs', s]);
  assert.ok(cited.length > 20);
  for (const [where, source] of cited) {
    for (const id of citedIds(source)) assert.ok(evidenceRow(id), `${where}: ${id} (in "${source}") is not among the page's evidence rows`);
  }
});

test('every row of docs/EVIDENCE.md is on the page, with an address where the table gives one', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(new URL('../../docs/EVIDENCE.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| ([ECFW]\d+) \|(.*)$/gm)];
  assert.ok(rows.length >= 40);
  for (const [, id, rest] of rows) {
    const row = evidenceRow(id);
    assert.ok(row, `${id} is missing from lib/evidence.js`);
    for (const url of rest.match(/https?:\/\/[^\s;|)]+/g) ?? []) {
      assert.ok(
        row.where.some((w) => w.href === url || url.startsWith(w.href.replace(/\/$/, ''))),
        `${id}: ${url} is not linked`
      );
    }
  }
});

test('values and periods read in the reader’s language: its words, its digit groups and decimal comma', () => {
  const words = /\b(by|of|for|each|people|month|months|year|weekly|meetings|baseline|displacement|no diploma|January|May)\b/;
  // English digit groups and decimal points ("4,978 M" is a French or Dutch decimal; "2.700" a Dutch group).
  const numbers = { fr: /\d,\d{3}(?! M)|\d\.\d/, nl: /\d,\d{3}(?! M)|\d\.(?!\d{3}(?!\d))\d/ };
  try {
    for (const lang of ['fr', 'nl']) {
      setLang(lang);
      for (const r of EVIDENCE) {
        for (const v of [r.value, r.period]) {
          const text = evidenceText(v);
          assert.doesNotMatch(text, words, `${r.id} in ${lang}: "${text}"`);
          assert.doesNotMatch(text, numbers[lang], `${r.id} in ${lang}: "${text}"`);
        }
      }
    }
    setLang('fr');
    assert.equal(evidenceText(evidenceRow('E1').value), '2\u202f700');
    assert.equal(evidenceText(evidenceRow('E11').value), '1\u202f762\u202f500 EUR pour 855 duos / an');
    assert.equal(evidenceText('50.6 %'), '50,6 %');
    setLang('nl');
    assert.equal(evidenceText(evidenceRow('E2').value), '77 % (2.079 / 2.700)');
    assert.equal(evidenceText(evidenceRow('F8').period), 'januari 2019');
    setLang('en');
    assert.equal(evidenceText(evidenceRow('E2').value), '77 % (2,079 / 2,700)');
    assert.equal(evidenceText(evidenceRow('E16').period), '–2018', 'years and ranges of years stay as written');
  } finally {
    setLang('en');
  }
});
