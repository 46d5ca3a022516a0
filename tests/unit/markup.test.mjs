// The pages' markup before their code runs: what it shows in English must be
// what the code writes in English, or the page changes (and moves) as it starts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { STRINGS } = await import(`${WWW}lib/strings.js`);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const decode = (text) => text.replace(/&(#?\w+);/g, (m, e) => ENTITIES[e] ?? m);

/** Every element with `data-i18n` and text only inside: [key, text]. */
function translated(html) {
  const out = [];
  for (const m of html.matchAll(/<(\w+)\b([^>]*\sdata-i18n="([^"]+)"[^>]*)>([^<]*)<\/\1>/g)) out.push([m[3], decode(m[4]).trim()]);
  return out;
}

// (The widget's embed.html holds no text: its code writes all of it.)
test('index.html: each text it holds before its code runs is the English one', () => {
  const items = translated(readFileSync(WWW + 'index.html', 'utf8'));
  assert.ok(items.length > 5, `found only ${items.length} translated elements`);
  for (const [key, text] of items) {
    assert.ok(STRINGS[key], `data-i18n="${key}" is not a string of lib/strings.js`);
    if (text) assert.equal(text, STRINGS[key].en, `the text of data-i18n="${key}"`);
  }
});

test('the lines above the answer hold their English text from the start (no shift when they are filled)', () => {
  const keys = new Map(translated(readFileSync(WWW + 'index.html', 'utf8')));
  for (const key of ['app.title', 'app.tagline', 'results.heading', 'results.bandNote']) assert.ok(keys.get(key), `index.html: ${key} is empty`);
});
