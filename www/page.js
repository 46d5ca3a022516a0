// The page: wires the state (URL), the controls, the worker pool and the
// rendering together. Started by app.js once the workers are under way. document.body.dataset.state is "running", "ready" (a
// result matching the inputs is on screen) or "error", for tests and embedders.

import { t, setLang, getLang, detectLang, onLangChange, translateDom, pick, fmtInt, fmtPct, fmtYear, locale, LANGS } from './i18n.js';
import { parseQuery, toQuery, shareUrl, applyEdits, diffScenario, setPath, clone, LIMITS } from './state.js';
import { loadEngine } from './engine.js';
import { Cancelled } from './pool.js';
import { loadPlot, download } from './charts.js';
import { figure } from './figures.js';
import { buildControls, showErrors } from './controls.js';
import { headline, chartSpecs, quantilesCsv } from './results.js';
import { renderSources, sourcesSummary } from './sources.js';
import { h, nextTask } from './dom.js';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 150;

const app = {
  api: null,
  pool: null,
  Plot: null,
  version: '',
  presets: [],
  state: null, // {preset, edits, trials, seed, lang, present}
  base: null, // the preset's scenario
  scenario: null, // the scenario as edited (may be invalid)
  last: null, // the last good run: {scenario, trials, seed, result, ms, workers}
  localErrors: new Map(),
  problems: [],
  chartModes: {},
  timer: 0,
  runGen: 0,
  renderGen: 0,
  figures: new Map(),
  allOpen: false,
};

function setBodyState(s) {
  document.body.dataset.state = s;
}

function setStatus(text) {
  $('status').textContent = text;
}

// ---- notices ---------------------------------------------------------------

function notice(text, kind = 'warn') {
  const el = h(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('p', { text }),
    h('button', { type: 'button', class: 'small', text: t('notice.dismiss'), onclick: () => el.remove() })
  );
  $('notices').append(el);
  return el;
}

function urlNotice(notices) {
  if (!notices.length) return;
  const detail = notices.map((n) => t(n.key, { value: n.value ?? '', min: fmtInt(LIMITS.trialsMin), max: fmtInt(LIMITS.trialsMax) })).join(' ');
  notice(t('notice.url', { detail }));
}

// ---- state and URL ---------------------------------------------------------

function editedPaths() {
  return Object.keys(app.state.edits ?? {});
}

function updateUrl() {
  const q = toQuery(app.state);
  if (q !== location.search) history.replaceState(null, '', q);
  document.title = `${pick(app.scenario?.name) || 'mentorsim'} · mentorsim`;
}

function renderControls() {
  const editors = buildControls($('controls-body'), {
    scenario: () => app.scenario,
    run: () => ({ trials: app.state.trials, seed: app.state.seed }),
    presets: app.presets,
    presetId: app.state.preset,
    edited: editedPaths().length > 0,
    edit: (path, value, field) => {
      for (const k of [...app.localErrors.keys()]) if (k === (field ?? path) || k.startsWith(`${path}.`) || k === path) app.localErrors.delete(k);
      setPath(app.scenario, path, value);
      syncEditors(path);
      inputsChanged();
    },
    replace: (s) => {
      app.scenario = s;
      app.localErrors.clear();
      renderControls();
      inputsChanged();
    },
    setRun: (o) => {
      for (const k of Object.keys(o)) app.localErrors.delete(k);
      Object.assign(app.state, o);
      inputsChanged();
    },
    choosePreset: (id) => choosePreset(id),
    reset: () => choosePreset(app.state.preset),
    importFile: (file) => importFile(file),
    localError: (field, message) => {
      app.localErrors.set(field, message);
      inputsChanged();
    },
    rebuild: () => renderControls(),
    allOpen: app.allOpen,
    allToggled: (open) => {
      app.allOpen = open;
      if (open && app.problems.length) showErrors($('controls-body'), app.problems);
    },
  });
  app.editors = editors;
  if (app.problems.length) showErrors($('controls-body'), app.problems);
}

/** Keeps the other editor of the same input (main panel / all assumptions) in step. */
function syncEditors(path) {
  const active = document.activeElement;
  for (const ed of app.editors ?? []) {
    if (ed.path !== path || ed.el.contains(active)) continue;
    ed.set(app.scenario ? pathValue(path) : undefined);
  }
}

function pathValue(path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), app.scenario);
}

function choosePreset(id) {
  app.state.preset = id;
  app.state.edits = {};
  app.base = app.api.preset(id);
  app.scenario = clone(app.base);
  app.localErrors.clear();
  app.chartModes = {};
  app.problems = [];
  renderControls();
  inputsChanged(true);
}

async function importFile(file) {
  try {
    if (file.size > 1_000_000) throw new Error('file too large');
    const s = JSON.parse(await file.text());
    const problems = app.api.validate(s);
    if (problems.length) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    if (app.presets.some((p) => p.id === s.id) && s.id !== app.state.preset) {
      app.state.preset = s.id;
      app.base = app.api.preset(s.id);
    }
    app.scenario = s;
    app.localErrors.clear();
    renderControls();
    inputsChanged(true);
    notice(t('notice.imported', { name: file.name }), 'info');
  } catch (e) {
    notice(t('notice.import', { detail: e.message ?? String(e) }), 'error');
  }
}

function updateEditedMarker() {
  const name = document.querySelector('#controls-body .scenario-name');
  if (!name) return;
  const edited = editedPaths().length > 0;
  const chip = name.querySelector('.chip.edited');
  if (edited && !chip) name.append(h('span', { class: 'chip edited', text: t('controls.edited') }));
  if (!edited && chip) chip.remove();
  const reset = document.querySelector('#controls-body .preset button');
  if (edited && !reset) name.parentElement.append(h('button', { type: 'button', class: 'small', text: t('btn.reset'), onclick: () => choosePreset(app.state.preset) }));
  if (!edited && reset) reset.remove();
}

/** Validates the inputs; if they are good, schedules a run, else marks the result stale. */
function inputsChanged(immediate = false, { firstRun = false } = {}) {
  const local = [...app.localErrors].map(([field, message]) => ({ field, message }));
  let engine = [];
  try {
    engine = app.api.validate(app.scenario);
  } catch (e) {
    engine = [{ field: '', message: e.message ?? String(e) }];
  }
  app.problems = [...local, ...engine];
  let rest = showErrors($('controls-body'), app.problems);
  if (rest.length && app.editors?.openAll && !app.allOpen) {
    app.editors.openAll();
    rest = showErrors($('controls-body'), app.problems);
  }
  const other = $('other-errors');
  other.replaceChildren();
  if (rest.length) other.append(h('p', { text: t('invalid.other') }), h('ul', {}, rest.map((p) => h('li', { text: p.field ? `${p.field}: ${p.message}` : p.message }))));
  other.hidden = rest.length === 0;

  if (app.problems.length) {
    clearTimeout(app.timer);
    app.pool?.cancel();
    markStale(true);
    setBodyState('error');
    return;
  }
  app.state.edits = diffScenario(app.base, app.scenario);
  setBodyState('running');
  $('results').classList.add('running');
  clearTimeout(app.timer);
  if (firstRun) run();
  else app.timer = setTimeout(run, immediate ? 0 : DEBOUNCE_MS);
  updateUrl();
  if (firstRun) return;
  updateEditedMarker();
  renderSources($('sources'), app.scenario, editedPaths());
}

function markStale(stale) {
  $('results').classList.toggle('stale', stale && app.last !== null);
  $('stale').hidden = !(stale && app.last !== null);
  if (stale) setStatus(t('status.invalid'));
}

// ---- running ---------------------------------------------------------------

let progressFrame = 0;
function onProgress(done, total) {
  if (progressFrame) return;
  progressFrame = requestAnimationFrame(() => {
    progressFrame = 0;
    const p = $('progress');
    p.max = total;
    p.value = done;
    $('progress-text').textContent = t('status.running', { done: fmtInt(done), total: fmtInt(total) });
  });
}

async function run() {
  const gen = ++app.runGen;
  const snap = { scenario: clone(app.scenario), trials: app.state.trials, seed: app.state.seed };
  setBodyState('running');
  markStale(false);
  $('results').classList.add('running');
  $('progress').hidden = false;
  $('progress').value = 0;
  onProgress(0, snap.trials);
  try {
    performance.mark('mentorsim:run-start');
    const out = await app.pool.run(snap.scenario, { trials: snap.trials, seed: snap.seed }, onProgress);
    if (gen !== app.runGen) return;
    performance.mark('mentorsim:run-done');
    performance.mark(`mentorsim:workers ${out.workerMs.map(Math.round).join(',')}`);
    app.last = { ...snap, ...out };
    const done = await renderResults();
    if (!done || gen !== app.runGen) return;
    $('results').classList.remove('running');
    $('progress').hidden = true;
    $('progress-text').textContent = '';
    setStatus(t('status.ready', { trials: fmtInt(out.result.trials), ms: fmtInt(out.ms), workers: out.workers }));
    announce();
    if (!performance.getEntriesByName('mentorsim:first-charts').length) performance.mark('mentorsim:first-charts');
    setBodyState('ready');
  } catch (e) {
    if (e instanceof Cancelled || gen !== app.runGen) return;
    $('results').classList.remove('running');
    $('progress').hidden = true;
    $('progress-text').textContent = '';
    setStatus(t('status.error', { message: e.message ?? String(e) }));
    setBodyState('error');
  }
}

function announce() {
  const r = app.last.result;
  const parts = (r.targets ?? []).map((tg) => `${pick(tg.label)}: ${fmtPct(tg.probability_met, 0)}`);
  const emp = r.series.employed_cumulative;
  if (emp) parts.push(`${t('card.employed')}: ${fmtInt(emp.p50.at(-1))}`);
  $('announce').textContent = parts.join('. ');
}

// ---- rendering -------------------------------------------------------------

function renderMeta() {
  const { result, scenario } = app.last;
  const years = `${fmtYear(result.years[0])}–${fmtYear(result.years.at(-1))}`;
  $('result-title').textContent = pick(scenario.name) || scenario.id || '';
  $('result-meta').textContent = t('results.meta', { trials: fmtInt(result.trials), seed: String(result.seed), years, version: app.version });
}

/** What an exported chart says about where it comes from. */
function exportCredit() {
  const s = app.last.scenario;
  return t('export.credit', { scenario: pick(s.name) || s.id || '', version: app.version, url: shareUrl(app.state) });
}

/** Draws everything for app.last, a chart per task so no task runs long. Returns false if superseded. */
async function renderResults() {
  const gen = ++app.renderGen;
  if (!app.last) return false;
  if (!app.Plot) {
    try {
      app.Plot = await app.plotReady;
    } catch (e) {
      notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error');
      app.Plot = null;
    }
    if (gen !== app.renderGen) return false;
  }
  const { result, scenario } = app.last;
  renderMeta();
  $('headline').replaceChildren(...headline(result, scenario));
  $('print-sources').replaceChildren(sourcesSummary(scenario));
  // The answers are on screen from here; the charts follow, one task each.
  if (!performance.getEntriesByName('mentorsim:first-result').length) performance.mark('mentorsim:first-result');
  const box = $('charts-body');
  // Charts are drawn at the width they get (SVG scales down in print and presentation).
  const width = Math.round(Math.max(320, Math.min(960, box.clientWidth || 640)));
  const specs = chartSpecs(result, app.chartModes, width);
  for (const id of [...app.figures.keys()]) if (!specs.some((s) => s.id === id)) app.figures.get(id).remove(), app.figures.delete(id);
  for (const spec of specs) {
    await nextTask();
    if (gen !== app.renderGen) return false;
    const fig = figure(spec, {
      Plot: app.Plot,
      fileName: `mentorsim-${app.last.scenario.id || 'scenario'}-${spec.id}-${app.last.seed}`,
      credit: exportCredit(),
      onMode: (m) => {
        app.chartModes[spec.metric] = m;
        renderResults();
      },
    });
    const old = app.figures.get(spec.id);
    if (old) old.replaceWith(fig);
    else box.append(fig);
    app.figures.set(spec.id, fig);
  }
  // Keep page order when charts appear after others.
  for (const spec of specs) box.append(app.figures.get(spec.id));
  return true;
}

/** Redraws the charts in place, synchronously (for printing), at `width` or the screen's. */
function redrawCharts(width, height) {
  if (!app.last || !app.Plot) return;
  const w = width ?? Math.round(Math.max(320, Math.min(960, $('charts-body').clientWidth || 640)));
  for (const spec of chartSpecs(app.last.result, app.chartModes, w, height)) {
    const plot = app.figures.get(spec.id)?.querySelector('.plot');
    if (!plot) continue;
    try {
      plot.replaceChildren(spec.draw(app.Plot));
    } catch {
      // Keep the chart as it was.
    }
  }
}

// ---- page buttons ----------------------------------------------------------

function setPresent(on) {
  if (!app.state) return;
  app.state.present = on;
  document.body.classList.toggle('present', on);
  const b = $('btn-present');
  b.setAttribute('aria-pressed', String(on));
  b.textContent = on ? t('btn.presentExit') : t('btn.present');
  updateUrl();
}

async function copyLink() {
  if (!app.state) return;
  const url = shareUrl(app.state);
  const out = $('share-url');
  out.value = url;
  out.hidden = false;
  try {
    // A browser may leave the request pending (no permission asked in a headless run): give up after a second.
    await Promise.race([navigator.clipboard.writeText(url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
    $('copy-status').textContent = t('btn.copied');
  } catch {
    out.select();
    $('copy-status').textContent = t('btn.copyFailed');
  }
}

function wireStatic() {
  const sel = $('lang');
  sel.value = getLang();
  sel.addEventListener('change', () => {
    app.state && (app.state.lang = sel.value);
    setLang(sel.value);
  });
  $('btn-copy').addEventListener('click', copyLink);
  $('btn-present').addEventListener('click', () => setPresent(!app.state?.present));
  $('btn-print').addEventListener('click', () => window.print());
  // "Embed this" (embed-dialog.js), only where the page has its button.
  if ($('btn-embed')) {
    import('./embed-dialog.js')
      .then((m) => m.installEmbedDialog({ button: $('btn-embed'), getState: () => app.state, getScenario: () => app.scenario }))
      .catch((e) => notice(e.message ?? String(e), 'error'));
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.state?.present) setPresent(false);
  });
  $('dl-csv').addEventListener('click', () => app.last && download(`mentorsim-${app.last.scenario.id || 'scenario'}-quantiles.csv`, quantilesCsv(app.last.result), 'text/csv'));
  $('dl-json').addEventListener('click', () => app.scenario && download(`mentorsim-${app.scenario.id || 'scenario'}.json`, `${JSON.stringify(app.scenario, null, 2)}\n`, 'application/json'));
  $('dl-result').addEventListener('click', () => app.last && download(`mentorsim-${app.last.scenario.id || 'scenario'}-result.json`, `${JSON.stringify(app.last.result, null, 2)}\n`, 'application/json'));
  onLangChange(() => {
    sel.value = getLang();
    translateDom();
    if (!app.scenario) return;
    updateUrl();
    setPresent(app.state.present);
    renderControls();
    renderSources($('sources'), app.scenario, editedPaths());
    if (app.last) renderResults();
    if (document.body.dataset.state === 'ready' && app.last) setStatus(t('status.ready', { trials: fmtInt(app.last.result.trials), ms: fmtInt(app.last.ms), workers: app.last.workers }));
  });
  // Printed charts sit three to a row: draw them at that size so their text stays legible.
  window.addEventListener('beforeprint', () => redrawCharts(340, 200));
  window.addEventListener('afterprint', () => redrawCharts());
  window.addEventListener('beforeprint', () => {
    $('print-url').textContent = t('print.generated', { url: app.state ? shareUrl(app.state) : location.href });
    $('print-date').textContent = new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
  });
}

// ---- start -----------------------------------------------------------------

/** Starts the page with a worker pool that app.js created as early as it could. */
export async function start({ pool }) {
  app.pool = pool;
  await boot();
}

async function boot() {
  setBodyState('running');
  setLang(detectLang());
  document.documentElement.lang = locale();
  translateDom();
  wireStatic();
  setStatus(t('status.loading'));
  let engine;
  // Charts load while the first run computes; only rendering waits for them.
  app.plotReady = loadPlot();
  app.plotReady.catch(() => {});
  try {
    engine = await loadEngine();
  } catch (e) {
    setStatus(t('status.noEngine', { message: e.message ?? String(e) }));
    notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error');
    setBodyState('error');
    return;
  }
  performance.mark('mentorsim:engine');
  app.api = engine.api;
  app.version = app.api.version();
  app.presets = app.api.presets();

  const { state, notices } = parseQuery(location.search, { presetIds: app.presets.map((p) => p.id), langs: LANGS });
  app.state = state;
  if (state.lang) setLang(state.lang);
  state.lang = getLang();
  app.base = app.api.preset(state.preset);
  try {
    app.scenario = applyEdits(app.base, state.edits);
    const problems = app.api.validate(app.scenario);
    if (problems.length) throw { key: 'notice.invalidScenario', value: problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
  } catch (e) {
    notices.push(e && e.key ? e : { key: 'notice.badEdits', value: '' });
    app.scenario = clone(app.base);
    state.edits = {};
  }
  // Start computing first; the controls and sources are built while the workers run.
  inputsChanged(true, { firstRun: true });
  // Text that looks like markup or script is shown as it is, as text; say so.
  const markup = Object.entries(state.edits).filter(([, v]) => /<\s*[a-z!/]|javascript:|on\w+\s*=/i.test(JSON.stringify(v)));
  if (markup.length) notices.push({ key: 'notice.markup', value: markup.map(([k]) => k).join(', ') });
  urlNotice(notices);
  setPresent(state.present);
  await nextTask();
  renderControls();
  // The sources table in a task of its own, to keep each task short.
  await nextTask();
  renderSources($('sources'), app.scenario, editedPaths());
}

