// The embeddable widget (embed.html): one answer with its P5–P95 band, the
// trial count and seed, one fan chart, a few controls, the sources in one
// line and a link to the full simulator with the same scenario.
//
// It is driven by its URL: the page's state (state.js: preset, edits,
// trials, seed, lang) plus the widget's options (embed-options.js: controls,
// lead, theme, accent, font, title). It computes nothing until it scrolls
// into view, and tells its parent window its height whenever that changes:
//
//   parent.postMessage({type: 'mentorsim:resize', height: <px>}, '*')
//
// (embed-host.js, on the host page, applies it). The message carries nothing
// but a height, hence the '*' target. The widget itself listens to no
// message from any window: whatever a host or another frame posts to it is
// ignored. It uses no storage and no cookies, loads nothing from other hosts,
// and shows every text from its URL or scenario with textContent only.
//
// document.body.dataset.state is "idle" (waiting to be on screen),
// "running", "ready" (the answer on screen matches the controls) or "error";
// document.body.dataset.engine says how it computes (see embed-runner.js).

import { t, setLang, getLang, detectLang, pick, fmtInt, fmtEur, fmtPct, fmtYear, locale, LANGS } from './i18n.js';
import { parseQuery, toQuery, applyEdits, diffScenario, clone, getPath, setPath, LIMITS } from './state.js';
import { loadPlot, fanChart, fanTable, seriesRows, pngBlob, download } from './charts.js';
import { headline, quantilesCsv } from './results.js';
import { parseSource, evidenceRow } from './evidence.js';
import { paramPaths, paramLabel, normalise } from './params.js';
import { h, uid } from './dom.js';
import { et, etPlural } from './embed-strings.js';
import { parseEmbedOptions, CONTROLS, leadCard } from './embed-options.js';
import { createRunner, Cancelled } from './embed-runner.js';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 200;
const MAX_HEIGHT = 10_000;

const w = {
  options: null,
  optionNotices: [],
  api: null,
  runner: null,
  Plot: null,
  plotReady: null,
  state: null, // {preset, edits, trials, seed, lang}
  base: null, // the preset
  initial: null, // the scenario as the URL gives it ("as published")
  scenario: null, // as the reader has moved it
  last: null, // {scenario, trials, seed, result, ms}
  leadId: null,
  leadNoticed: false,
  runGen: 0,
  timer: 0,
  chartWidth: 0,
};

function setBodyState(s) {
  document.body.dataset.state = s;
  $('w').setAttribute('aria-busy', String(s === 'running' || s === 'idle'));
}

function setStatus(text, kind = '') {
  const el = $('w-status');
  el.textContent = text;
  el.className = `w-status ${kind}`.trim();
  el.hidden = !text;
}

// ---- colours ---------------------------------------------------------------

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (c) => `#${c.map((x) => Math.round(Math.max(0, Math.min(255, x))).toString(16).padStart(2, '0')).join('')}`;
const mix = (a, b, k) => toHex(rgb(a).map((x, i) => x + (rgb(b)[i] - x) * k));
function luminance(hex) {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
/** `colour`, moved towards `towards` until it reaches `ratio` against `bg`. */
function readable(colour, bg, towards, ratio = 4.5) {
  for (let k = 0; k <= 1.0001; k += 0.05) {
    const c = mix(colour, towards, k);
    if (contrast(c, bg) >= ratio) return c;
  }
  return towards;
}

const PALETTE = {
  light: { bg: '#ffffff', fg: '#161616', accent: '#0b4f9c' },
  dark: { bg: '#14181d', fg: '#eceff3', accent: '#7fb2ff' },
};

/** Theme class, font class and accent colours. Colours go through CSSOM (allowed by the CSP), never a style attribute. */
function applyTheme(options) {
  const root = document.documentElement;
  const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const dark = options.theme === 'dark' || (options.theme === 'auto' && Boolean(mq?.matches));
  const p = dark ? PALETTE.dark : PALETTE.light;
  root.classList.toggle('dark', dark);
  root.classList.toggle('light', !dark);
  for (const f of ['system', 'sans', 'serif']) root.classList.toggle(`font-${f}`, options.font === f);
  const accent = options.accent ?? p.accent;
  const set = (k, v) => root.style.setProperty(k, v);
  set('--accent', accent); // bands, slider
  set('--accent-text', readable(accent, p.bg, p.fg)); // links and outlines
  set('--accent-strong', readable(mix(accent, p.fg, 0.35), p.bg, p.fg, 3)); // the median line
  set('--on-accent', contrast('#ffffff', accent) >= contrast('#111111', accent) ? '#ffffff' : '#111111');
  if (options.theme === 'auto' && mq && !applyTheme.listening) {
    applyTheme.listening = true;
    mq.addEventListener?.('change', () => {
      applyTheme(options);
      if (w.last) drawChart(true);
    });
  }
}

// ---- height and visibility --------------------------------------------------

/** Posts the widget's height to the parent window whenever it changes. */
function reportHeight(el) {
  if (window.parent === window || typeof ResizeObserver !== 'function') return;
  let last = 0;
  const send = () => {
    const height = Math.min(MAX_HEIGHT, Math.ceil(el.getBoundingClientRect().height));
    if (height <= 0 || height === last) return;
    last = height;
    window.parent.postMessage({ type: 'mentorsim:resize', height }, '*');
  };
  new ResizeObserver(send).observe(el);
  send();
}

/** Resolves once `el` is on screen (at once where IntersectionObserver is missing). */
function whenVisible(el) {
  return new Promise((resolve) => {
    if (typeof IntersectionObserver !== 'function') return resolve();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          resolve();
        }
      },
      { rootMargin: '200px 0px' }
    );
    io.observe(el);
  });
}

// ---- distributions moved by a slider ------------------------------------------

const round6 = (x) => Number(x.toPrecision(6));
const clamp01 = (x) => Math.min(1, Math.max(0, x));

/** Which single value a slider shows for a distribution: 'mode', 'mean', 'median' or 'value'. */
function centralKind(d) {
  if (d.dist === 'pert' || d.dist === 'triangular') return 'mode';
  if (d.dist === 'lognormal') return 'median';
  if (d.dist === 'fixed') return 'value';
  return 'mean';
}

function centralOf(p) {
  const d = normalise(p);
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'beta':
      return d.events / (d.events + d.non_events);
    case 'pert':
    case 'triangular':
      return d.mode;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.sqrt(d.p5 * d.p95);
    default:
      return NaN;
  }
}

/**
 * The distribution `p` moved so that its central value is `x`, keeping its
 * spread: money is scaled (the relative spread stays), shares are shifted
 * (and kept within 0–1), a Beta keeps its number of observations.
 */
export function withCentral(p, x, unit) {
  if (typeof p === 'number') return round6(x);
  const d = normalise(p);
  const c = centralOf(d);
  const scale = unit === 'eur' && c > 0;
  const k = scale ? x / c : 1;
  const dx = x - c;
  const move = (v) => round6(scale ? v * k : unit === 'share' ? clamp01(v + dx) : v + dx);
  switch (d.dist) {
    case 'fixed':
      return { ...d, value: round6(x) };
    case 'beta': {
      const n = d.events + d.non_events;
      const r = Math.min(0.999, Math.max(0.001, x));
      return { ...d, events: round6(r * n), non_events: round6((1 - r) * n) };
    }
    case 'pert':
    case 'triangular':
      return { ...d, min: move(d.min), mode: round6(x), max: move(d.max) };
    case 'uniform':
      return { ...d, min: move(d.min), max: move(d.max) };
    case 'normal':
      return { ...d, mean: round6(x), sd: round6(scale ? d.sd * k : d.sd) };
    case 'lognormal': {
      const f = c > 0 ? x / c : 1;
      return { ...d, p5: round6(d.p5 * f), p95: round6(d.p95 * f) };
    }
    default:
      return p;
  }
}

// ---- controls ----------------------------------------------------------------

function slider({ control, label, min, max, step, value, format, onValue }) {
  const id = uid('r');
  const shown = Math.min(max, Math.max(min, value));
  const out = h('output', { for: id, class: 'ctl-value', text: format(value) });
  const input = h('input', { id, type: 'range', min, max, step, value: String(shown), 'aria-valuetext': format(value) });
  input.addEventListener('input', () => {
    const x = Number(input.value);
    out.textContent = format(x);
    input.setAttribute('aria-valuetext', format(x));
    onValue(x);
  });
  return h('div', { class: 'ctl', dataset: { control } }, h('div', { class: 'ctl-head' }, h('label', { for: id, text: label }), out), input);
}

function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= x) ?? 10 * p;
}

function budgetControl() {
  const b = w.scenario.budget;
  if (!b || typeof b.constant !== 'number') return null;
  const base = typeof w.initial.budget?.constant === 'number' ? w.initial.budget.constant : b.constant;
  const max = Math.max(1_000_000, Math.ceil((Math.max(base, b.constant) * 2.5) / 1e6) * 1e6);
  return slider({
    control: 'budget',
    label: et('embed.budgetLabel'),
    min: 0,
    max,
    step: niceStep(max / 200),
    value: b.constant,
    // The label says "per year (EUR)".
    format: (x) => fmtEur(x, { compact: true }),
    onValue: (x) => {
      w.scenario.budget = { ...w.scenario.budget, constant: x };
      inputsChanged();
    },
  });
}

function paramControl(name) {
  const { path, unit } = CONTROLS[name];
  const p = getPath(w.scenario, path);
  if (p === undefined || p === 'unlimited') return null;
  const d = normalise(p);
  const c = centralOf(d);
  if (!Number.isFinite(c)) return null;
  const label = `${paramLabel(path)}, ${et(`embed.central.${centralKind(d)}`)}`;
  if (unit === 'share') {
    return slider({
      control: name,
      label,
      min: 0.02,
      max: 0.98,
      step: 0.01,
      value: c,
      format: (x) => fmtPct(x, 0),
      onValue: (x) => {
        setPath(w.scenario, path, withCentral(getPath(w.scenario, path), x, unit));
        inputsChanged();
      },
    });
  }
  const ref = centralOf(getPath(w.initial, path)) || c;
  const step = niceStep(ref / 100);
  const lo = Math.max(step, Math.floor((Math.min(ref, c) * 0.4) / step) * step);
  const hi = Math.ceil((Math.max(ref, c) * 2.5) / step) * step;
  return slider({
    control: name,
    label,
    min: lo,
    max: hi,
    step,
    value: c,
    format: (x) => fmtEur(x),
    onValue: (x) => {
      setPath(w.scenario, path, withCentral(getPath(w.scenario, path), x, unit));
      inputsChanged();
    },
  });
}

function renderControls() {
  const box = $('w-controls');
  const items = w.options.controls.map((name) => (name === 'budget' ? budgetControl() : paramControl(name))).filter(Boolean);
  box.replaceChildren(...items);
  box.hidden = items.length === 0;
  updateReset();
}

function isEdited() {
  return JSON.stringify(w.scenario) !== JSON.stringify(w.initial);
}

function updateReset() {
  const box = $('w-controls');
  let btn = box.querySelector('.w-reset');
  if (isEdited() && !btn && !box.hidden) {
    btn = h('button', {
      type: 'button',
      class: 'w-reset',
      text: et('embed.reset'),
      onclick: () => {
        w.scenario = clone(w.initial);
        renderControls();
        inputsChanged(true);
        box.querySelector('input')?.focus();
      },
    });
    box.append(btn);
  } else if (!isEdited() && btn) {
    if (btn.contains(document.activeElement)) box.querySelector('input')?.focus();
    btn.remove();
  }
}

// ---- the frame: title, setup line, sources, links ---------------------------

function budgetText(b) {
  if (!b) return '';
  if (b.unlimited) return et('embed.unlimited');
  if (typeof b.constant === 'number') return et('embed.perYear', { x: fmtEur(b.constant, { compact: true }) });
  if (Array.isArray(b.per_year)) return et('embed.perYearList', { x: b.per_year.map((x) => fmtEur(x, { compact: true })).join(' · ') });
  return '';
}

function renderSetup() {
  const s = w.scenario;
  const title = $('w-title');
  title.textContent = w.options.title || pick(s.name) || s.id || 'mentorsim';
  if (isEdited()) title.append(' ', h('span', { class: 'chip', text: t('controls.edited') }));
  const years = `${fmtYear(s.start_year)}–${fmtYear(s.end_year)}`;
  $('w-setup').textContent = et('embed.setup', { years, budget: budgetText(s.budget) });
}

/** The full simulator's address for the scenario as it is now. */
function fullUrl(hash = '') {
  const state = { ...w.state, edits: diffScenario(w.base, w.scenario), lang: getLang(), present: false };
  const u = new URL('index.html', location.href);
  u.search = toQuery(state);
  u.hash = hash;
  return u.href;
}

const ORDER = 'ECF';
function byId(a, b) {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]);
}

/** Evidence ids joined into runs: ["E3", "E4-E8", "E12"] (as [first, last]). */
function runs(ids) {
  const out = [];
  for (const id of [...ids].sort(byId)) {
    const prev = out[out.length - 1];
    if (prev && prev[1][0] === id[0] && Number(prev[1].slice(1)) + 1 === Number(id.slice(1)) && evidenceRow(`${id[0]}${Number(id.slice(1))}`)) prev[1] = id;
    else out.push([id, id]);
  }
  return out;
}

function renderSources() {
  const s = w.scenario;
  const ids = new Set();
  const urls = new Set();
  let assumed = 0;
  const visit = (src) => {
    for (const r of parseSource(src)) {
      if (r.kind === 'row') ids.add(r.id);
      else if (r.kind === 'url') urls.add(r.href);
    }
  };
  visit(s.budget?.source);
  visit(s.intake?.source);
  for (const p of paramPaths(s)) {
    const v = getPath(s, p);
    const o = v && typeof v === 'object' ? v : {};
    visit(o.source);
    if (o.assumption || !parseSource(o.source).length) assumed += 1;
  }
  for (const tg of s.targets ?? []) visit(tg.source);

  const line = $('w-sources');
  line.replaceChildren(h('span', { class: 'w-sources-label', text: `${et('embed.sources')}: ` }));
  const items = [];
  for (const [a, b] of runs(ids)) {
    const row = evidenceRow(a);
    items.push(
      h('a', {
        href: fullUrl(`ev-${a}`),
        target: '_blank',
        rel: 'noopener',
        text: a === b ? a : `${a}–${b}`,
        title: a === b && row ? pick(row.fig) : null,
      })
    );
  }
  for (const u of urls) items.push(h('a', { href: u, target: '_blank', rel: 'noopener noreferrer', text: new URL(u).hostname }));
  if (!items.length) items.push(h('span', { text: et('embed.noSources') }));
  items.forEach((el, i) => line.append(i ? ', ' : '', el));
  if (assumed) {
    line.append(' · ', h('a', { href: fullUrl('sources'), target: '_blank', rel: 'noopener', text: etPlural('embed.assumed', assumed, { n: fmtInt(assumed) }) }));
  }
}

function renderLinks() {
  const a = $('w-open');
  a.href = fullUrl();
  a.textContent = et('embed.open');
  a.setAttribute('aria-label', `${et('embed.open')} (${et('embed.newTab')})`);
  a.title = et('embed.newTab');
}

function renderFrame() {
  renderSetup();
  renderSources();
  renderLinks();
}

function showNotes(lines) {
  const box = $('w-notes');
  for (const text of lines) box.append(h('p', { text }));
  box.hidden = box.childElementCount === 0;
}

// ---- running -------------------------------------------------------------------

/** Validates; if the scenario can run, schedules a run, else marks the answer stale. */
function inputsChanged(immediate = false) {
  let problems;
  try {
    problems = w.api.validate(w.scenario);
  } catch (e) {
    problems = [{ field: '', message: e.message ?? String(e) }];
  }
  renderSetup();
  updateReset();
  clearTimeout(w.timer);
  if (problems.length) {
    w.runner.cancel();
    w.runGen += 1;
    $('w').classList.remove('running');
    $('w').classList.add('stale');
    setStatus(et('embed.invalid', { detail: problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ') }), 'error');
    setBodyState('error');
    return;
  }
  w.state.edits = diffScenario(w.base, w.scenario);
  renderSources();
  renderLinks();
  $('w').classList.remove('stale');
  $('w').classList.add('running');
  setBodyState('running');
  w.timer = setTimeout(run, immediate ? 0 : DEBOUNCE_MS);
}

let progressFrame = 0;
function onProgress(done, total) {
  if (progressFrame) return;
  progressFrame = requestAnimationFrame(() => {
    progressFrame = 0;
    if (document.body.dataset.state === 'running') setStatus(t('status.running', { done: fmtInt(done), total: fmtInt(total) }));
  });
}

async function run() {
  const gen = ++w.runGen;
  const snap = { scenario: clone(w.scenario), trials: w.state.trials, seed: w.state.seed };
  setBodyState('running');
  try {
    const out = await w.runner.run(snap.scenario, { trials: snap.trials, seed: snap.seed }, onProgress);
    if (gen !== w.runGen) return;
    w.last = { ...snap, ...out };
    await render();
    if (gen !== w.runGen) return;
    $('w').classList.remove('running');
    setStatus('');
    if (!performance.getEntriesByName('mentorsim:embed-first-result').length) performance.mark('mentorsim:embed-first-result');
    setBodyState('ready');
  } catch (e) {
    if (e instanceof Cancelled || gen !== w.runGen) return;
    $('w').classList.remove('running');
    setStatus(t('status.error', { message: e.message ?? String(e) }), 'error');
    setBodyState('error');
  }
}

// ---- rendering -------------------------------------------------------------------

/** The card to lead with, and a notice once if the URL asked for one this scenario lacks. */
function pickLead(cards) {
  const want = leadCard(w.options.lead);
  let card = cards.find((c) => c.dataset.card === want);
  if (!card) {
    if (!w.leadNoticed && w.options.lead !== 'target') {
      w.leadNoticed = true;
      showNotes([et('embed.badLead', { value: w.options.lead })]);
    }
    card = cards.find((c) => c.dataset.card === 'target-0') ?? cards.find((c) => c.dataset.card === 'employed');
  }
  return card;
}

/** The series the fan chart shows for a lead card. */
function chartFor(cardId, result) {
  const m = /^target-(\d+)$/.exec(cardId);
  if (m) {
    const tg = result.targets[Number(m[1])];
    const duos = tg.metric.startsWith('duos_');
    return { metric: tg.metric, cumulative: tg.kind === 'cumulative', unit: 'count', yKey: duos ? 'axis.duos' : 'axis.people' };
  }
  switch (cardId) {
    case 'started':
      return { metric: 'duos_started', cumulative: true, unit: 'count', yKey: 'axis.duos' };
    case 'employed':
      return { metric: 'employed', cumulative: true, unit: 'count', yKey: 'axis.people' };
    case 'budget':
      return { metric: 'budget_needed', cumulative: true, unit: 'eur', yKey: 'axis.eur' };
    case 'mentors':
      return { metric: 'mentors_needed', cumulative: false, unit: 'count', yKey: 'axis.people' };
    default:
      return { metric: 'net_additional_employed', cumulative: true, unit: 'count', yKey: 'axis.people' };
  }
}

const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Keeps "P5–P95" on one line (word joiners around the dash) in the text under `root`. */
function keepTogether(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/P\d+–P\d+/.test(n.data)) n.data = n.data.replace(/P(\d+)–P(\d+)/g, 'P$1\u2060–\u2060P$2');
  }
}

async function render() {
  const { result, scenario } = w.last;
  const cards = headline(result, scenario);
  const card = pickLead(cards);
  if (card) {
    for (const el of card.querySelectorAll('.card-sources, .sources-line')) el.remove();
    w.leadId = card.dataset.card;
    keepTogether(card);
    $('w-lead').replaceChildren(card);
    const title = card.querySelector('h3')?.textContent ?? '';
    const value = card.querySelector('.big')?.textContent ?? '';
    $('w-announce').textContent = et('embed.announce', { title, value });
  }
  if (!w.Plot) {
    try {
      w.Plot = await w.plotReady;
    } catch {
      w.Plot = null;
    }
  }
  drawChart(true);
  renderDownloads();
}

function drawChart(force = false) {
  if (!w.last || !w.leadId) return;
  const fig = $('w-chart');
  const box = $('w-plot');
  fig.hidden = false;
  const width = Math.round(Math.max(240, Math.min(900, box.clientWidth || 300)));
  if (!force && Math.abs(width - w.chartWidth) < 16) return;
  w.chartWidth = width;
  const { result } = w.last;
  const spec = chartFor(w.leadId, result);
  const mode = t(`mode.${spec.cumulative ? 'cumulative' : 'annual'}`);
  const what = capital(t(`metric.${spec.metric}`));
  const title = et('embed.chartTitle', { what, mode });
  $('w-chart-title').textContent = title;
  $('w-chart-caption').textContent = t('chart.fanCaption', { what, mode, trials: fmtInt(result.trials), seed: String(result.seed) });
  keepTogether($('w-chart-caption'));
  let node;
  try {
    if (!w.Plot) throw new Error('charts unavailable');
    node = fanChart(w.Plot, {
      result,
      metric: spec.metric,
      cumulative: spec.cumulative,
      unit: spec.unit,
      yLabel: t(spec.yKey),
      label: title,
      width,
      height: Math.round(Math.max(190, Math.min(280, width * 0.55))),
    });
  } catch (e) {
    node = h('p', { class: 'w-error', text: e.message ?? String(e) });
  }
  box.replaceChildren(node);
  const rows = seriesRows(result, spec.cumulative ? `${spec.metric}_cumulative` : spec.metric);
  $('w-table').replaceChildren(h('summary', { text: t('chart.table') }), h('div', { class: 'table-wrap' }, fanTable(title, rows, spec.unit)));
}

function renderDownloads() {
  const box = $('w-downloads');
  const { result, scenario } = w.last;
  const name = `mentorsim-${scenario.id || 'scenario'}-${result.seed}`;
  box.replaceChildren(
    h('span', { text: `${et('embed.download')}: ` }),
    h('button', {
      type: 'button',
      class: 'linkish',
      text: et('embed.csv'),
      onclick: () => download(`${name}-quantiles.csv`, quantilesCsv(w.last.result), 'text/csv'),
    }),
    ' · ',
    h('button', {
      type: 'button',
      class: 'linkish',
      text: et('embed.png'),
      onclick: async () => {
        const svg = $('w-plot').querySelector('svg');
        if (!svg) return;
        const credit = t('export.credit', { scenario: pick(scenario.name) || scenario.id || '', version: w.api.version(), url: fullUrl() });
        const caption = `${$('w-chart-caption').textContent.replace(/\u2060/g, '')} ${credit}`;
        download(`${name}.png`, await pngBlob(svg, { title: $('w-chart-title').textContent, caption }));
      },
    })
  );
  box.hidden = false;
}

// ---- start -------------------------------------------------------------------

function urlNotes(stateNotices) {
  const lines = [];
  if (stateNotices.length) {
    const detail = stateNotices.map((n) => t(n.key, { value: n.value ?? '', min: fmtInt(LIMITS.trialsMin), max: fmtInt(LIMITS.trialsMax) })).join(' ');
    lines.push(t('notice.url', { detail }));
  }
  for (const n of w.optionNotices) lines.push(et('embed.badOption', { name: n.name, value: n.value }));
  return lines;
}

async function start() {
  performance.mark('mentorsim:embed-visible');
  setBodyState('running');
  setStatus(t('status.loading'));
  w.plotReady = loadPlot();
  w.plotReady.catch(() => {});
  let made;
  try {
    made = await createRunner();
  } catch (e) {
    setStatus(t('status.noEngine', { message: e.message ?? String(e) }), 'error');
    setBodyState('error');
    return;
  }
  performance.mark('mentorsim:embed-engine');
  w.api = made.engine.api;
  w.runner = made.runner;
  document.body.dataset.engine = made.runner.kind;

  const presetIds = w.api.presets().map((p) => p.id);
  const { state, notices } = parseQuery(location.search, { presetIds, langs: LANGS });
  state.lang = getLang();
  w.state = state;
  w.base = w.api.preset(state.preset);
  try {
    w.scenario = applyEdits(w.base, state.edits);
    const problems = w.api.validate(w.scenario);
    if (problems.length) throw { key: 'notice.invalidScenario', value: problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
  } catch (e) {
    notices.push(e && e.key ? e : { key: 'notice.badEdits', value: '' });
    w.scenario = clone(w.base);
    state.edits = {};
  }
  w.initial = clone(w.scenario);
  showNotes(urlNotes(notices));
  $('w-lead').replaceChildren();
  renderFrame();
  renderControls();
  inputsChanged(true);
}

/** Resolves once the widget's stylesheet has loaded (or failed): heights measured before would be wrong. */
function stylesReady() {
  const link = document.querySelector('link[rel="stylesheet"]');
  if (!link || link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
}

async function boot() {
  await stylesReady();
  const search = location.search;
  const { options, notices } = parseEmbedOptions(search);
  w.options = options;
  w.optionNotices = notices;
  const lang = new URLSearchParams(search).get('lang');
  setLang(LANGS.includes(lang) ? lang : detectLang());
  document.documentElement.lang = locale();
  applyTheme(options);
  setBodyState('idle');
  $('w-title').textContent = options.title || 'mentorsim';
  $('w-wait').textContent = et('embed.waiting');
  $('w-credit').textContent = et('embed.credit');
  $('w-open').textContent = et('embed.open');
  // Until the engine is loaded: the page's own parameters only.
  const pageQuery = new URLSearchParams([...new URLSearchParams(search)].filter(([k]) => ['preset', 'edits', 'trials', 'seed', 'lang'].includes(k)));
  $('w-open').href = new URL(`index.html?${pageQuery}`, location.href).href;
  reportHeight($('w'));
  // Redraw the chart at the width it gets (text stays legible from 320 px up).
  if (typeof ResizeObserver === 'function') {
    let frame = 0;
    new ResizeObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        drawChart(false);
      });
    }).observe($('w-plot'));
  }
  whenVisible($('w')).then(start);
}

boot();
