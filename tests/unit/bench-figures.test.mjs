// scripts/bench-figures.mjs: the README's benchmark table is the one the kept
// figures give (so it cannot drift from what was measured), and divan's output
// is read by its columns.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { END, FIGURES, README, START, parseDivan, readFigures, sec, table, withTable } from '../../scripts/bench-figures.mjs';

test("the README's benchmark table is built from benches/figures.json, unedited", () => {
  const readme = readFileSync(README, 'utf8');
  const figures = readFigures(FIGURES);
  assert.ok(figures.engine && figures.page, 'benches/figures.json holds the engine and the page figures');
  assert.equal(withTable(readme, figures), readme, 'run `node scripts/bench-figures.mjs readme` (or the benchmarks) to rebuild the table');
  const block = readme.slice(readme.indexOf(START), readme.indexOf(END));
  // The headline figure appears as measured: in seconds to two places from
  // 1 s, in whole milliseconds below.
  const headline = figures.engine.targets_2030_2035_100k.median_s;
  assert.ok(block.includes(`| ${sec(headline)} (about`), `the table shows ${sec(headline)}`);
  assert.equal(sec(1.2345), '1.23 s');
  assert.equal(sec(0.7057), '706 ms');
  assert.ok(block.includes(`commit ${figures.engine.measured.commit}`));
});

test('a figure changed without rebuilding the table is caught', () => {
  const readme = readFileSync(README, 'utf8');
  const figures = readFigures(FIGURES);
  figures.engine.targets_2030_2035_100k.median_s *= 2;
  assert.notEqual(withTable(readme, figures), readme);
});

test("divan's median column, in its unit", () => {
  const out = [
    'engine                     fastest       │ slowest       │ median        │ mean          │ samples │ iters',
    '├─ actiris_2028_10k        83.05 ms      │ 111.4 ms      │ 103.5 ms      │ 99.94 ms      │ 10      │ 10',
    '╰─ targets_2030_2035_100k  1.68 s        │ 2.012 s       │ 2.009 s       │ 1.944 s       │ 5       │ 5',
  ].join('\n');
  const got = parseDivan(out, ['targets_2030_2035_100k', 'actiris_2028_10k']);
  assert.equal(got.targets_2030_2035_100k.median_s, 2.009);
  assert.equal(got.targets_2030_2035_100k.samples, 5);
  assert.ok(Math.abs(got.actiris_2028_10k.median_s - 0.1035) < 1e-12);
  assert.throws(() => parseDivan(out, ['missing_bench']), /no line for missing_bench/);
});

test('the table says when the goal is not met, and by how much', () => {
  const t = table({ engine: { measured: { date: '2026-01-01', commit: 'abc', cores: 2, cpu: 'x' }, targets_2030_2035_100k: { median_s: 1.2, samples: 5 }, actiris_2028_10k: { median_s: 0.07, samples: 10 } } });
  assert.match(t, /1\.20 s .*not met \(3\.0 times as long\)/);
  assert.match(t, /\| 70 ms \|/);
});
