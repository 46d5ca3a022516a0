// embed/theme.js: the accent colour kept readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { contrast, readable, accentColours, mix } = await import(`${WWW}embed/theme.js`);

test('contrast ratios are WCAG’s', () => {
  assert.ok(Math.abs(contrast('#ffffff', '#000000') - 21) < 1e-9);
  assert.equal(contrast('#0b4f9c', '#0b4f9c'), 1);
  assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
});

test('a pale accent is darkened until text in it reads on white', () => {
  const c = readable('#ffff00', '#ffffff', '#161616');
  assert.ok(contrast(c, '#ffffff') >= 4.5);
  const colours = accentColours('#ffff00', { bg: '#ffffff', fg: '#161616' });
  assert.equal(colours['--accent'], '#ffff00');
  assert.ok(contrast(colours['--accent-text'], '#ffffff') >= 4.5);
  assert.ok(contrast(colours['--accent-strong'], '#ffffff') >= 3);
  assert.equal(colours['--on-accent'], '#111111');
});
