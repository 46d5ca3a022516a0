// The figures of the last benchmark runs, kept in benches/figures.json, and the
// README's table built from them, so the README says what was measured and
// nothing else.
//
//   node scripts/bench-figures.mjs engine FILE   read divan's output of `cargo bench`
//                                                 (FILE), keep its medians, rebuild the table
//   node scripts/bench-figures.mjs readme        rebuild the README's table
//
// `make bench` and `make bench-page` call it; scripts/bench-page.mjs keeps the
// page's figures through `keep()`. tests/unit/bench-figures.test.mjs checks
// that the README's table is the one these figures give.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const FIGURES = REPO + 'benches/figures.json';
export const README = REPO + 'README.md';
export const START = '<!-- bench figures: built by scripts/bench-figures.mjs from benches/figures.json; do not edit -->';
export const END = '<!-- end of bench figures -->';

export const readFigures = (path = FIGURES) => JSON.parse(readFileSync(path, 'utf8'));

/** Seconds from a divan time ("1.243 s", "72.35 ms", "810.2 µs", "20 ns"). */
export function seconds(value, unit) {
  const scale = { s: 1, ms: 1e-3, 'µs': 1e-6, us: 1e-6, ns: 1e-9 }[unit];
  if (scale === undefined || !Number.isFinite(Number(value))) throw new Error(`not a divan time: "${value} ${unit}"`);
  return Number(value) * scale;
}

/**
 * The median and sample count of each named benchmark in divan's output
 * (columns: fastest, slowest, median, mean, samples, iters).
 */
export function parseDivan(text, names) {
  const out = {};
  for (const name of names) {
    const line = text.split('\n').find((l) => new RegExp(`[─ ]${name}\\s`).test(l));
    if (!line) throw new Error(`divan's output has no line for ${name}`);
    const cols = line
      .slice(line.indexOf(name) + name.length)
      .split('│')
      .map((c) => c.trim());
    const [median, unit] = cols[2].split(/\s+/);
    out[name] = { median_s: seconds(median, unit), samples: Number(cols[4]) };
  }
  return out;
}

/** Where and when: the processor, its cores, the date and the commit measured. */
export function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    // Changes to what is measured (not to these scripts, the README or the
    // figures file, which `make bench` writes before `make bench-page` runs).
    const measured = ['src', 'www', 'benches', 'Cargo.toml', 'Cargo.lock', ':!benches/figures.json'];
    const dirty = execFileSync('git', ['status', '--porcelain', '--', ...measured], { cwd: REPO, encoding: 'utf8' }).trim();
    if (dirty) commit += ' with changes';
  } catch {
    /* not a git checkout: the commit stays unknown */
  }
  const cpu = cpus();
  return { cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, date: new Date().toISOString().slice(0, 10), commit };
}

/** Keeps one part's figures ("engine" or "page"), with where and when they were measured. */
export function keep(part, figures, path = FIGURES) {
  let all = {};
  try {
    all = readFigures(path);
  } catch {
    /* first run: no file yet */
  }
  all[part] = { measured: machine(), ...figures };
  writeFileSync(path, JSON.stringify(all, null, 2) + '\n');
  return all;
}

const ms = (s) => `${(s * 1000).toFixed(s < 0.01 ? 1 : 0)} ms`;
/** A duration as the table prints it: seconds to two places from 1 s, else milliseconds. */
export const sec = (s) => (s >= 1 ? `${s.toFixed(2)} s` : ms(s));
/** A rate to the hundred (the machine's noise is larger). */
const hundreds = (x) => (Math.round(x / 100) * 100).toLocaleString('en');
const when = (m) => `${m.date}, commit ${m.commit}, ${m.cores} cores (${m.cpu})`;

/** The README's table (Markdown) from the figures. */
export function table(f) {
  const rows = [];
  const e = f.engine;
  if (e) {
    const t = e.targets_2030_2035_100k;
    const a = e.actiris_2028_10k;
    const goal = t.median_s <= 0.4 ? 'the goal of 0.4 s is met' : `the goal of 0.4 s is not met (${(t.median_s / 0.4).toFixed(1)} times as long)`;
    rows.push([`100,000 trials of \`targets-2030-2035\`, one thread (\`make bench\`, median of ${t.samples})`, `${sec(t.median_s)} (about ${Math.round(100_000 / t.median_s / 1000)},000 trials a second); ${goal}`]);
    rows.push([`10,000 trials of \`actiris-2028\`, one thread (\`make bench\`, median of ${a.samples})`, sec(a.median_s)]);
    const q = e.actiris_2028_1k;
    if (q) rows.push([`1,000 trials of \`actiris-2028\`, every series summarised, one thread (\`make bench\`, median of ${q.samples})`, ms(q.median_s)]);
    const qh = e.actiris_2028_1k_headline;
    if (qh) rows.push([`the same, summarising only the series of the headline cards: the page's quick answer (\`make bench\`, median of ${qh.samples})`, ms(qh.median_s)]);
    const m = e.actiris_2028_merge_two;
    if (m) rows.push([`two halves of 10,000 trials of \`actiris-2028\` read from bytes, merged and summarised, the page's last step (\`make bench\`, median of ${m.samples})`, ms(m.median_s)]);
  }
  const p = f.page;
  if (p) {
    rows.push([`first answers of the default preset on screen, navigation to the headline (\`make bench-page\`, median of ${p.loads} loads)`, `${sec(p.first_result_s)}${p.first_quick ? ` (a quick answer of ${p.first_quick.toLocaleString('en')} trials, refined in full after)` : ''}; every chart at the full count ${sec(p.first_charts_s)} (aims: 0.4 s and 0.7 s)`]);
    rows.push([
      `slider to headline, input event to updated cards (\`make bench-page\`, ${p.slider.moves} moves of the budget)`,
      `quick answer (${p.slider.quick_trials.toLocaleString('en')} trials): median ${ms(p.slider.quick_median_s)}, P95 ${ms(p.slider.quick_p95_s)}; full answer (${p.slider.full_trials.toLocaleString('en')} trials): median ${ms(p.slider.full_median_s)}, P95 ${ms(p.slider.full_p95_s)} (aims: 50 ms and 150 ms)${p.slider.drawn_median_s !== undefined ? `; every chart and table drawn again: median ${ms(p.slider.drawn_median_s)}, P95 ${ms(p.slider.drawn_p95_s)}` : ''}`,
    ]);
    const wl = p.widget_slider;
    if (wl) rows.push([`the same in the widget, input event to its card and chart updated (\`make bench-page\`, ${wl.moves} moves of the budget)`, `quick answer: median ${ms(wl.quick_median_s)}, P95 ${ms(wl.quick_p95_s)}; full answer: median ${ms(wl.full_median_s)}, P95 ${ms(wl.full_p95_s)}`]);
    rows.push(['longest main-thread task while the budget slider moves (`make bench-page`)', p.longest_task_s > 0 ? ms(p.longest_task_s) : 'none over 50 ms reported']);
    if (p.solve_s !== undefined) rows.push([`"What does it take?"${p.plan_targets_s !== undefined ? ', the plan' : ''} for the Actiris target, key press to the answer (\`make bench-page\`, median of 5)`, `${ms(p.solve_s)} (aim: under 2 s)`]);
    if (p.plan_targets_s !== undefined) rows.push(['"What does it take?", the plan for the 2030 and 2035 yearly levels together (`make bench-page`, median of 5)', `${ms(p.plan_targets_s)} (aim: under 2 s)`]);
    if (p.million_longest_task_s !== undefined) rows.push(['longest main-thread task during a million trials with a budget change (`make bench-page`)', p.million_longest_task_s > 0 ? ms(p.million_longest_task_s) : 'none over 50 ms reported']);
    rows.push(['everything the page loads, gzipped (`make bench-page`)', `${Math.round(p.gzip_bytes / 1024)} KiB in ${p.files} files (the engine's wasm: ${Math.round(p.wasm_gzip_bytes / 1024)} KiB; aim: 300 KiB in all)`]);
    for (const w of p.wasm_vs_native) {
      rows.push([`WebAssembly against native, one thread, \`${w.preset}\` at ${w.trials.toLocaleString('en')} trials (\`make bench-page\`)`, `${w.ratio.toFixed(2)} (wasm ${hundreds(w.wasm_per_s)}, native ${hundreds(w.native_per_s)} trials a second)`]);
    }
  }
  const lines = ['| what | figure |', '|---|---|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)];
  const measured = [e && `\`make bench\`: ${when(e.measured)}`, p && `\`make bench-page\`: ${when(p.measured)}`].filter(Boolean);
  return [`Measured (${measured.join('; ')}):`, '', ...lines].join('\n');
}

/** The README with its table rebuilt from the figures. */
export function withTable(readme, figures) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no "${START}" ... "${END}" block`);
  return readme.slice(0, a + START.length) + '\n' + table(figures) + '\n' + readme.slice(b);
}

export function writeReadme() {
  writeFileSync(README, withTable(readFileSync(README, 'utf8'), readFigures()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, file] = process.argv.slice(2);
  if (what === 'engine') {
    const got = parseDivan(readFileSync(file, 'utf8'), ['targets_2030_2035_100k', 'actiris_2028_10k', 'actiris_2028_1k', 'actiris_2028_1k_headline', 'actiris_2028_merge_two']);
    keep('engine', got);
  } else if (what !== 'readme') {
    console.error('usage: node scripts/bench-figures.mjs engine FILE | readme');
    process.exit(2);
  }
  writeReadme();
  console.log(`README.md: the benchmark table rebuilt from ${FIGURES.slice(REPO.length)}`);
}
