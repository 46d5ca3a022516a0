// lib/printed.js: each figure on the page to the digits its Monte Carlo error
// supports, by the core's rule (the same digits as the CLI), in the reader's
// format. (The cards that use it are checked in the browser: tests/e2e.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WWW, engine } from './engine.mjs';

const api = await engine();
const { setLang } = await import(`${WWW}lib/i18n.js`);
const printedModule = await import(`${WWW}lib/printed.js`);
const { withError, fmtErr, mcBand } = printedModule;

/** The digits after the decimal separator of a formatted number (`sep` is the reader's). */
const decimalsOf = (text, sep) => (text.includes(sep) ? text.split(sep)[1].replace(/\D.*$/, '').length : 0);

test('the page rounds as the CLI does: the core decides, the page only formats', () => {
  setLang('en');
  assert.deepEqual(withError(1234.567, 12.3), { value: '1,235', band: '24' });
  assert.deepEqual(withError(0.62, 0.004, 'ratio'), { value: '0.620', band: '0.008' });
  // A share in percent, its band in points.
  assert.deepEqual(withError(0.0753, 0.0019, 'share'), { value: '7.5%', band: '0.4 pts' });
  // Money: no more digits than four significant ones, even with a tiny error.
  assert.equal(fmtErr(26_123_456, 1, 'eur'), '€26,120,000');
  // A whole count never gets decimals.
  assert.equal(fmtErr(4112, 0.1), '4,112');
  setLang('fr');
  assert.deepEqual(withError(1234.567, 12.3), { value: '1\u202f235', band: '24' });
  assert.equal(mcBand(0.0753, 0.0019, 'share'), '± 0,4 pts (marge Monte-Carlo à 95 %)');
  setLang('nl');
  assert.equal(fmtErr(0.62, 0.004, 'ratio'), '0,620');
  setLang('en');
});

test('a larger error prints fewer digits, the same for every language', () => {
  for (const lang of ['en', 'fr', 'nl']) {
    setLang(lang);
    const sep = lang === 'en' ? '.' : ',';
    let before = Infinity;
    for (const se of [0.00001, 0.0001, 0.001, 0.01, 0.1]) {
      const d = decimalsOf(fmtErr(0.4321, se, 'ratio'), sep);
      assert.ok(d <= before, `${lang}: se ${se} gives ${d} decimals after ${before}`);
      before = d;
      // Never more digits than the core prints.
      assert.equal(d, api.printed(0.4321, se)[1]);
    }
  }
  setLang('en');
});

test('no number, no error: a dash, and no band', () => {
  assert.deepEqual(withError(null, 1), { value: '–', band: null });
  assert.deepEqual(withError(Number.NaN, 1), { value: '–', band: null });
  assert.equal(mcBand(1234, undefined), '');
  // No error known: four significant digits at most, and no band.
  assert.deepEqual(withError(1234.567, undefined), { value: '1,235', band: null });
});

test('a chance that no trial or every trial showed gets the bound the trials allow, as the CLI gives it, not a band', () => {
  const { shareBound } = printedModule;
  setLang('en');
  // The exact one-sided 95 % bound 1 - 0.05^(1/n), about 3/n, to two significant digits rounded outwards:
  // the same figures as report::pct_with_error's examples.
  assert.equal(shareBound(0, 10_000), 'under 0.030% with 95 % confidence');
  assert.equal(shareBound(1, 1_000), 'over 99.70% with 95 % confidence');
  assert.equal(shareBound(0, 100), 'under 3.0% with 95 % confidence');
  for (const n of [37, 1_000, 10_000, 123_457, 1_000_000]) {
    const exact = 1 - Math.pow(0.05, 1 / n);
    const under = Number(/under ([\d.]+)%/.exec(shareBound(0, n))[1]) / 100;
    const over = Number(/over ([\d.]+)%/.exec(shareBound(1, n))[1]) / 100;
    assert.ok(under >= exact && under < exact * 1.1, `n = ${n}: ${under} against ${exact}`);
    assert.ok(1 - over >= exact && 1 - over < exact * 1.1 + 1e-12, `n = ${n}: ${over} against ${1 - exact}`);
    assert.ok(Math.abs(exact * n - 3) < 0.01 || n < 1000, `n = ${n}: about 3/n`);
  }
  // Any other chance, or no trial count, keeps its band.
  assert.equal(shareBound(0.5, 10_000), null);
  assert.equal(shareBound(0, 0), null);
  assert.deepEqual(withError(0, 5e-5, 'share', 10_000), { value: '0%', band: null, bound: 'under 0.030% with 95 % confidence' });
  assert.deepEqual(withError(0, 5e-5, 'share'), { value: '0%', band: '0.010 pts' });
  assert.equal(mcBand(0, 5e-5, 'share', 10_000), '(under 0.030% with 95 % confidence)');
  setLang('fr');
  assert.equal(shareBound(0, 10_000), 'moins de 0,030\u00a0% avec 95 % de confiance');
  setLang('nl');
  assert.equal(shareBound(1, 10_000), 'meer dan 99,970% met 95 % betrouwbaarheid');
  setLang('en');
});
