// The page: wires the state (URL), the controls, the worker pool and the
// rendering together. Started by app.js once the workers are under way. document.body.dataset.state is "running", "ready" (a
// result matching the inputs is on screen) or "error", for tests and embedders.

import { t, setLang, getLang, detectLang, onLangChange, translateDom, pick, fmtInt, fmtPct, fmtYear, locale, LANGS } from '../lib/i18n.js';
import { toQuery, shareUrl, shortUrl, diffScenario } from '../lib/state.js';
import { loadEngine } from '../lib/engine.js';
import { Session, LIVE_TRIALS, problemText, problemsText, urlNoticeText } from '../lib/session.js';
import { loadPlot, setChartTextScale } from '../lib/charts.js';
import { download } from '../lib/export.js';
import { figure } from './figures.js';
import { buildControls, showErrors } from './controls.js';
import { headline, headlineSeries, pageSeries, chartSpecs } from '../lib/results.js';
import { renderSources, sourcesSummary } from './sources.js';
import { h, nextTask } from '../lib/dom.js';
import { priorFragment, reconcilePrior } from '../lib/accounts.js';
import { renderPriorPicker, syncPriorPicker, renderImpact } from './impact.js';
import { compileModule } from '../lib/engine.js';
import { TaskWorker, Cancelled } from '../lib/tasks.js';
import { DEFAULT_DRIVER_OUTPUT } from '../lib/decide.js';
import { createSolver } from './solve.js';
import { renderDrivers, renderValue } from './drivers.js';
import { renderPinBar, decorateCards, renderComparison } from './compare.js';
import { scenarioTitle, changes } from '../lib/naming.js';
import { limitsLine } from '../lib/limits.js';
import { reportCsv } from '../lib/csv.js';
import { limits } from '../lib/schema.js';
import { printReport } from './report.js';
import { renderAnswer } from './answer.js';
import { installShare } from './share.js';
import { keepForOffline } from './offline.js';
import { keepAnswer, keptSection } from './kept.js';
import { notice, failureNotice, clearNotice } from './notices.js';
import { failureText } from '../lib/failures.js';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 150;
// The charts' text on the page and in presentation mode (page/style.css, page/room.css).
const PAGE_TEXT_PX = 11;
const PRESENT_TEXT_PX = 20;
// The width the tornado is drawn at for print (page/room.css prints it half a page wide).
const PRINT_TORNADO_PX = 520;

// The state, the scenario, validation and runs live in the session
// (lib/session.js, shared with the widget); this object holds the page's own.
const app = {
  api: null,
  /** Called once the first answer is drawn, or cannot come (invalid inputs, a failed run). */
  firstSettled: () => {},
  runner: null,
  session: null,
  Plot: null,
  version: '',
  presets: [],
  priors: [],
  chartModes: {},
  renderGen: 0,
  figures: new Map(),
  allOpen: false,
  // The decision tools: their worker, the solver, and the answers with the inputs they answer.
  tasks: null,
  solver: null,
  driverOutput: DEFAULT_DRIVER_OUTPUT,
  voi: null,
  drivers: null,
  cmp: null,
  cmpBusy: false,
  get state() {
    return this.session?.state ?? null;
  },
  get scenario() {
    return this.session?.scenario ?? null;
  },
  get last() {
    return this.session?.last ?? null;
  },
  get problems() {
    return this.session?.problems ?? [];
  },
};

function setBodyState(s) {
  document.body.dataset.state = s;
}

function setStatus(text) {
  $('status').textContent = text;
}

// ---- notices (notices.js) ----------------------------------------------------

function urlNotice(notices) {
  const text = urlNoticeText(notices);
  if (text) notice(text);
}

// ---- state and URL ---------------------------------------------------------

function editedPaths() {
  return Object.keys(app.state.edits ?? {});
}

function updateUrl() {
  const q = toQuery(app.state);
  if (q !== location.search) history.replaceState(null, '', q);
  document.title = `${app.session ? scenarioTitle(app.session.base, app.scenario) : 'mentorsim'} · mentorsim`;
}

function renderControls() {
  const editors = buildControls($('controls-body'), {
    scenario: () => app.scenario,
    base: () => app.session.base,
    run: () => ({ trials: app.state.trials, seed: app.state.seed }),
    presets: app.presets,
    presetId: app.state.preset,
    edited: editedPaths().length > 0,
    edit: (path, value, field) => {
      app.session.edit(path, value, field ?? path);
      if (path.startsWith('counterfactual')) namePrior();
      syncEditors(path);
      inputsChanged();
    },
    replace: (s) => {
      app.session.replace(s);
      renderControls();
      inputsChanged();
    },
    setRun: (o) => {
      app.session.setRun(o);
      inputsChanged();
    },
    choosePreset: (id) => choosePreset(id),
    reset: () => choosePreset(app.state.preset),
    importFile: (file) => importFile(file),
    localError: (field, message) => {
      app.session.localError(field, message);
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
  renderPriorPicker($('prior-picker'), priorCtx());
}

// ---- the evidence prior ----------------------------------------------------

function priorCtx() {
  return { scenario: app.scenario, priors: app.priors, choose: choosePrior };
}

/** Sets the counterfactual to a named prior (an edit like any other, so the link carries it) and reruns. */
function choosePrior(id) {
  const fragment = priorFragment(id, app.priors, app.session.base);
  if (!fragment || !app.scenario) return;
  app.session.edit('counterfactual', fragment);
  renderControls();
  inputsChanged(true);
  $('prior-select')?.focus();
}

/** After a hand edit of the effect: the scenario names the prior its numbers are, or none. */
function namePrior() {
  const next = reconcilePrior(app.scenario?.counterfactual, app.priors);
  if (next) app.session.edit('counterfactual', next);
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
  app.session.choosePreset(id);
  app.chartModes = {};
  renderControls();
  inputsChanged(true);
}

async function importFile(file) {
  try {
    if (file.size > 1_000_000) throw new Error('file too large');
    const s = JSON.parse(await file.text());
    const problems = app.api.validate(s);
    if (problems.length) throw new Error(problemsText(problems));
    app.session.replace(s, { switchPreset: true });
    renderControls();
    inputsChanged(true);
    notice(t('notice.imported', { name: file.name }), 'info');
  } catch (e) {
    notice(t('notice.import', { detail: e.message ?? String(e) }), 'error');
  }
}

/** "Use this plan": the plan becomes the scenario, and the scenario before it is pinned as A (B against A shows what it changes). */
function usePlan(scenario) {
  const problems = app.api.validate(scenario);
  if (problems.length) {
    notice(t('notice.import', { detail: problemsText(problems) }), 'error');
    return;
  }
  app.session.pin(true);
  app.session.replace(scenario);
  app.solver.close();
  renderControls();
  inputsChanged(true);
  updateUrl();
  renderPin();
  notice(t('plan.used'), 'info');
  $('results').focus();
}

function updateEditedMarker() {
  const name = document.querySelector('#controls-body .scenario-name');
  if (!name) return;
  const edited = editedPaths().length > 0;
  const chip = name.querySelector('.chip.edited');
  if (edited && !chip) name.append(h('span', { class: 'chip edited', text: t('controls.edited') }));
  if (!edited && chip) chip.remove();
  // The preset's description describes it as published.
  const desc = document.querySelector('#controls-body .scenario-desc');
  const mark = desc?.querySelector('.chip.published');
  if (desc && edited && !mark) desc.prepend(h('span', { class: 'chip published', text: t('note.asPublished') }), ' ');
  if (desc && !edited && mark) {
    mark.nextSibling?.nodeType === Node.TEXT_NODE && mark.nextSibling.remove();
    mark.remove();
  }
  const reset = document.querySelector('#controls-body .preset button');
  if (edited && !reset) name.parentElement.append(h('button', { type: 'button', class: 'small', text: t('btn.reset'), onclick: () => choosePreset(app.state.preset) }));
  if (!edited && reset) reset.remove();
}

/** Validates the inputs; if they are good, a run follows (lib/session.js), else the result is marked stale. */
function inputsChanged(immediate = false, { firstRun = false } = {}) {
  const problems = app.session.changed({ immediate, now: firstRun });
  let rest = showErrors($('controls-body'), problems);
  if (rest.length && app.editors?.openAll && !app.allOpen) {
    app.editors.openAll();
    rest = showErrors($('controls-body'), problems);
  }
  const other = $('other-errors');
  other.replaceChildren();
  if (rest.length) other.append(h('p', { text: t('invalid.other') }), h('ul', {}, rest.map((p) => h('li', { text: problemText(p) }))));
  other.hidden = rest.length === 0;
  syncPriorPicker($('prior-picker'), priorCtx());
  if (problems.length) return;
  updateUrl();
  if (firstRun) return;
  updateEditedMarker();
  scheduleSources();
}

/**
 * Rebuilds the sources table once edits pause, in a task of its own: a
 * slider's every step must not rebuild a table of some hundred rows.
 */
function scheduleSources() {
  clearTimeout(app.sourcesTimer);
  app.sourcesTimer = setTimeout(() => renderSources($('sources'), app.scenario, editedPaths(), app.priors), 250);
}

function markStale(stale) {
  $('results').classList.toggle('stale', stale && app.last !== null);
  $('stale').hidden = !(stale && app.last !== null);
  if (stale) setStatus(t('status.invalid'));
}

// ---- running ---------------------------------------------------------------

/** What the page does as the session validates and runs. */
const hooks = {
  invalid() {
    app.firstSettled();
    settleQuick();
    markStale(true);
    setBodyState('error');
  },
  scheduled({ live = false } = {}) {
    setBodyState('running');
    // A live edit keeps the answers bright: a quick one replaces them at once.
    if (!live) $('results').classList.add('running');
  },
  running(snap) {
    setBodyState('running');
    if (snap?.quick) {
      markStale(false);
      performance.mark('mentorsim:quick-start');
      return;
    }
    markStale(false);
    $('results').classList.add('running');
    const p = $('progress');
    p.hidden = false;
    // Indeterminate until the first trials are counted: it moves from the first moment.
    p.removeAttribute('value');
    $('progress-text').textContent = t('run.starting', { total: fmtInt(app.state.trials) });
    $('btn-cancel').hidden = false;
    $('btn-rerun').hidden = true;
    performance.mark('mentorsim:run-start');
  },
  progress(done, total) {
    const p = $('progress');
    p.max = total;
    if (done > 0) p.value = done;
    $('progress-text').textContent = t('status.running', { done: fmtInt(done), total: fmtInt(total) });
  },
  async result(last) {
    if (last.quick) return renderQuick(last);
    performance.mark('mentorsim:run-done');
    if (last.workerMs) performance.mark(`mentorsim:workers ${last.workerMs.map(Math.round).join(',')}`);
    return renderResults();
  },
  quick(last) {
    $('results').classList.remove('running');
    $('results').classList.add('quick');
    setStatus(t('status.quick', { trials: fmtInt(last.trials) }));
    // On the line of the run under way, which is empty while the hand moves.
    if ($('progress').hidden) $('progress-text').textContent = t('status.quickNext');
    performance.mark('mentorsim:quick-answer');
    setBodyState('quick');
    app.firstSettled();
    // The charts' libraries are fetched and evaluated once the first answer
    // is on screen: fetched with the page, they held it up.
    loadPlot().catch(() => {});
  },
  ready(last) {
    $('results').classList.remove('quick');
    $('btn-cancel').hidden = true;
    afterRun();
    $('results').classList.remove('running');
    $('progress').hidden = true;
    $('progress-text').textContent = '';
    setStatus(t('status.ready', { trials: fmtInt(last.result.trials), ms: fmtInt(last.ms), workers: last.workers }));
    clearNotice('run');
    announce();
    keepAnswer($('headline'), { title: lastTitle(), trials: last.result.trials, seed: last.result.seed });
    if (!performance.getEntriesByName('mentorsim:first-charts').length) {
      performance.mark('mentorsim:first-charts');
      keepForOffline();
    }
    setBodyState('ready');
    app.firstSettled();
  },
  failed(e) {
    app.firstSettled();
    settleQuick();
    $('btn-cancel').hidden = true;
    $('results').classList.remove('running');
    $('progress').hidden = true;
    $('progress-text').textContent = '';
    // The last good answer stays on screen, marked as not matching the inputs; the notice says why and tries again.
    $('results').classList.toggle('stale', app.last !== null);
    setStatus(t('status.error', { message: failureText(e) }));
    failureNotice('run', e, () => inputsChanged(true));
    setBodyState('error');
  },
};

function announce() {
  const r = app.last.result;
  const parts = (r.targets ?? []).map((tg) => `${pick(tg.label)}: ${fmtPct(tg.probability_met, 0)}`);
  const emp = r.series.employed_cumulative;
  if (emp) parts.push(`${t('card.employed')}: ${fmtInt(emp.p50.at(-1))}`);
  $('announce').textContent = parts.join('. ');
}

/**
 * When the full answer will not come (cancelled, failed, invalid inputs) after
 * a quick one was drawn: the quick answer is drawn whole, so that everything
 * on screen is one answer, its trial count said on each card.
 */
function settleQuick() {
  if (!$('results').classList.contains('quick')) return;
  $('results').classList.remove('quick');
  if ($('progress').hidden) $('progress-text').textContent = '';
  renderResults();
}

/** Stops the run in flight; the last complete answer stays, marked as not matching the inputs. */
function cancelRun() {
  app.session.cancel();
  settleQuick();
  $('btn-cancel').hidden = true;
  $('results').classList.remove('running');
  $('progress').hidden = true;
  $('progress-text').textContent = '';
  $('results').classList.toggle('stale', app.last !== null);
  setStatus(t('run.cancelled'));
  $('btn-rerun').hidden = false;
  $('btn-rerun').focus();
  setBodyState('cancelled');
}

// ---- rendering -------------------------------------------------------------

function renderMeta(last = app.last) {
  const { result } = last;
  const years = `${fmtYear(result.years[0])}–${fmtYear(result.years.at(-1))}`;
  $('result-title').textContent = lastTitle(last);
  // The engine's version is for the record: on paper, not on screen.
  $('result-meta').replaceChildren(t('results.meta', { trials: fmtInt(result.trials), seed: String(result.seed), years }), h('span', { class: 'print-only', text: ` · ${t('results.engine', { version: app.version })}` }));
}

/** The title of the scenario on screen: its name and what changed (lib/naming.js). */
function lastTitle(last = app.last) {
  return scenarioTitle(last.base, last.scenario);
}

/** What an exported chart says about where it comes from: the scenario's title, every change, the engine and the link. */
function exportCredit() {
  const changed = changes(app.last.base, app.last.scenario).map((c) => `${c.label}: ${c.value}`);
  const credit = t('export.credit', { scenario: lastTitle(), version: app.version, url: shortLink() });
  return changed.length ? `${credit} ${t('name.changed')}: ${changed.join('; ')}.` : credit;
}

/** The short, readable link of the scenario as it is (lib/state.js shortUrl). */
function shortLink() {
  const { trials_default: trials, seed_default: seed } = limits();
  return shortUrl(app.state, { trials, seed });
}

/** Answers with every series, by the page's answer they complete: the CSV and the result file share one run. */
const completed = new WeakMap();

/**
 * The last full answer with every series summarised: itself when its run
 * summarised them all, else the same trials and seed run again with all of
 * them in the decision tools' worker (the page's runs summarise only the
 * series it shows, lib/results.js pageSeries): the same numbers, and the rest.
 */
async function lastWithEverySeries() {
  const last = app.last;
  if (!last?.series) return last;
  if (!completed.has(last)) {
    const { series, ...whole } = last;
    const asked = app.tasks.ask('simulate', { scenario: last.scenario, trials: last.trials, seed: last.seed }, 'export').then(({ answer }) => ({ ...whole, result: answer }));
    // A failed or cancelled run is asked again on the next click.
    asked.catch(() => completed.delete(last));
    completed.set(last, asked);
  }
  return completed.get(last);
}

/** Saves a download of the last full answer with `save(last)`, once every series is at hand. */
async function exportLast(save) {
  if (!app.last) return;
  const buttons = [$('dl-csv'), $('dl-result')];
  for (const b of buttons) b.setAttribute('aria-busy', 'true');
  try {
    save(await lastWithEverySeries());
  } catch (e) {
    if (!(e instanceof Cancelled)) failureNotice('export', e, () => exportLast(save), 'failure.export');
  } finally {
    for (const b of buttons) b.removeAttribute('aria-busy');
  }
}

/** The CSV of `last` (an answer with every series) in the reader's language and convention (lib/csv.js). */
function csvText(last) {
  const { result, scenario, base } = last;
  return reportCsv(result, { title: lastTitle(last), preset: pick(base?.name) || scenario.id, changes: changes(base, scenario), version: app.version, url: shortLink() });
}

/**
 * Draws a quick answer (from a few trials, while the hand moves; the engine
 * summarised only the series of HEADLINE_SERIES): the headline cards and
 * what limits the duos only, in one short task; the rest stays as it was,
 * dimmed, until the full answer.
 */
function renderQuick(last) {
  ++app.renderGen; // a full drawing under way stops: its answer is older
  const { result, scenario } = last;
  renderMeta(last);
  renderAnswer($('answer'), last, app.priors);
  $('headline').replaceChildren(...headline(result, scenario, { base: last.base }));
  $('limits').textContent = limitsLine(result, scenario);
  renderPin(); // with the first answer, not after it: the cards below would move
  markHeadline('quick');
  return true;
}

/**
 * The headline cards now show an answer (`quick` or `full`): a mark for the
 * speed figures (`make bench-page` times the slider to it), and the first one
 * after loading is the first result.
 */
function markHeadline(kind) {
  performance.clearMarks('mentorsim:headline'); // one at a time: a long session keeps no list of them
  performance.mark('mentorsim:headline', { detail: kind });
  if (!performance.getEntriesByName('mentorsim:first-result').length) performance.mark('mentorsim:first-result');
}

/** Draws everything for app.last, a chart per task so no task runs long. Returns false if superseded. */
async function renderResults() {
  const gen = ++app.renderGen;
  if (!app.last) return false;
  if (!app.Plot) {
    try {
      app.Plot = await loadPlot();
    } catch (e) {
      notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error');
      app.Plot = null;
    }
    if (gen !== app.renderGen) return false;
  }
  const { result, scenario } = app.last;
  renderMeta();
  renderAnswer($('answer'), app.last, app.priors);
  // In presentation mode each target is one line under this one, which says what their figures are.
  const lead = result.targets?.length ? h('p', { class: 'targets-lead', text: t('card.targetsLead') }) : null;
  $('headline').replaceChildren(...[lead, ...headline(result, scenario, { base: app.last.base })].filter(Boolean));
  $('limits').textContent = limitsLine(result, scenario);
  markHeadline('full');
  // The answers first, then the rest a task at a time: no task holds the page for long.
  await nextTask();
  if (gen !== app.renderGen) return false;
  $('print-report').replaceChildren(printReport(app.last, app.priors));
  const cmp = currentComparison();
  decorateCards($('headline'), cmp);
  renderPin();
  renderComparison($('compare-body'), cmp);
  app.solver.decorate($('headline'));
  app.solver.render();
  await nextTask();
  if (gen !== app.renderGen) return false;
  renderImpact($('impact-body'), result, scenario, {
    Plot: app.Plot,
    fileName: `mentorsim-${scenario.id || 'scenario'}-perspectives-${app.last.seed}`,
    credit: exportCredit(),
    width: Math.round(Math.max(320, Math.min(960, $('impact-body').clientWidth || 640))),
  });
  await nextTask();
  if (gen !== app.renderGen) return false;
  // Their answers for this run come after it (afterRun): their places are
  // kept from now, so the charts below do not move when they arrive.
  const key = runKey(app.last);
  drawDrivers({ pending: app.drivers?.key !== key });
  renderValue($('value-body'), app.voi?.key === key ? app.voi.answer : null, { busy: app.voi?.key !== key });
  $('print-sources').replaceChildren(sourcesSummary(scenario));
  // The charts follow, one task each.
  const box = $('charts-body');
  // Charts are drawn at the width they get (SVG scales down in print and presentation).
  const width = Math.round(Math.max(320, Math.min(960, box.clientWidth || 640)));
  const specs = chartSpecs(result, app.chartModes, width, app.state.present ? presentChartHeight() : undefined, { ghost: cmp?.a ?? null, scenario });
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
  for (const spec of chartSpecs(app.last.result, app.chartModes, w, height, { ghost: currentComparison()?.a ?? null, scenario: app.last.scenario })) {
    const plot = app.figures.get(spec.id)?.querySelector('.plot');
    if (!plot) continue;
    try {
      plot.replaceChildren(spec.draw(app.Plot));
    } catch {
      // Keep the chart as it was.
    }
  }
}

// ---- decision tools --------------------------------------------------------

/** What a run answers: its scenario, trial count and seed. */
function runKey(last) {
  return last ? JSON.stringify([last.scenario, last.trials, last.seed]) : '';
}

/** The key of B (the run on screen) against the pinned A, or '' when nothing is pinned. */
function comparisonKey() {
  const a = app.session?.pinned();
  return a && app.last ? JSON.stringify([a, app.last.scenario, app.last.trials, app.last.seed]) : '';
}

/** The comparison that matches what is on screen and pinned, or null. */
function currentComparison() {
  const key = comparisonKey();
  return key && app.cmp?.key === key ? app.cmp.answer : null;
}

/** Draws what drives the answer; `pending`: its answer for this run is coming. */
function drawDrivers({ pending = false, width: asked } = {}) {
  if (!app.last) return;
  const { scenario } = app.last;
  const width = asked ?? Math.round(Math.max(320, Math.min(960, $('drivers-body').clientWidth || 640)));
  const sensitivity = app.drivers?.key === runKey(app.last) ? app.drivers.answer : null;
  renderDrivers($('drivers-body'), sensitivity, {
    seed: app.last.seed,
    busy: pending || app.tasks.busy('drivers'),
    Plot: app.Plot,
    fileName: `mentorsim-${scenario.id || 'scenario'}-drivers-${app.driverOutput}-${app.last.seed}`,
    credit: exportCredit(),
    width,
    output: app.driverOutput,
    choose: (o) => {
      app.driverOutput = o;
      drawDrivers();
      $('drivers-output')?.focus();
    },
  });
}

function renderPin() {
  const a = app.session?.pinned();
  const differs = a && app.scenario ? Object.keys(diffScenario(a, app.scenario)).length : 0;
  renderPinBar($('pin-bar'), {
    pinned: Boolean(a),
    differs,
    busy: app.cmpBusy,
    pin: () => {
      app.session.pin(true);
      updateUrl();
      renderPin();
      $('btn-unpin')?.focus();
      compareNow();
    },
    unpin: () => {
      app.session.pin(false);
      app.tasks.cancel('compare');
      app.cmpBusy = false;
      app.cmp = null;
      delete document.body.dataset.compare;
      updateUrl();
      renderResults().then(() => $('btn-pin')?.focus());
    },
  });
}

/** After a run: what evidence is worth, and B against A when a scenario is pinned (both in the task worker). */
function afterRun() {
  const last = app.last;
  if (!last) return;
  const key = runKey(last);
  if (app.drivers?.key !== key) {
    document.body.dataset.drivers = 'running';
    app.tasks.ask('drivers', { scenario: last.scenario, trials: last.trials, seed: last.seed }).then(
      ({ answer }) => {
        if (runKey(app.last) !== key) return;
        app.drivers = { key, answer };
        drawDrivers();
        document.body.dataset.drivers = 'ready';
        toolsAnswered();
      },
      (e) => {
        if (e instanceof Cancelled) return;
        app.drivers = { key, answer: null, failed: true }; // settled: nothing to wait for
        drawDrivers();
        document.body.dataset.drivers = 'error';
        toolsFailed(e);
      }
    );
    // renderResults, which comes first, drew it as busy for this run: the
    // place for the answer is kept, and drawing it again cost a chart.
  }
  if (app.voi?.key !== key) {
    document.body.dataset.value = 'running'; // drawn as busy by renderResults too
    app.tasks.ask('value', { scenario: last.scenario, trials: last.trials, seed: last.seed }).then(
      ({ answer }) => {
        if (runKey(app.last) !== key) return;
        app.voi = { key, answer };
        renderValue($('value-body'), answer);
        document.body.dataset.value = 'ready';
        toolsAnswered();
      },
      (e) => {
        if (e instanceof Cancelled) return;
        app.voi = { key, answer: null, failed: true }; // settled: nothing to wait for
        renderValue($('value-body'), null);
        document.body.dataset.value = 'error';
        toolsFailed(e);
      }
    );
  }
  compareNow();
}

/** What drives the answer, or what evidence is worth, could not be computed: a notice; trying again asks for what failed. */
function toolsFailed(e) {
  failureNotice(
    'tools',
    e,
    () => {
      if (app.drivers?.failed) {
        app.drivers = null;
        drawDrivers({ pending: true });
      }
      if (app.voi?.failed) {
        app.voi = null;
        renderValue($('value-body'), null, { busy: true });
      }
      afterRun();
    },
    'failure.tools'
  );
}

function toolsAnswered() {
  if (!app.drivers?.failed && !app.voi?.failed) clearNotice('tools');
}

function compareNow() {
  const a = app.session?.pinned();
  const key = comparisonKey();
  if (!a || !app.last || app.cmp?.key === key) {
    renderPin();
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(app.last.scenario)) {
    // B is still A: nothing to compare yet.
    app.tasks.cancel('compare');
    app.cmpBusy = false;
    document.body.dataset.compare = 'same';
    renderPin();
    if (app.cmp) {
      app.cmp = null;
      renderResults();
    }
    return;
  }
  app.cmpBusy = true;
  document.body.dataset.compare = 'running';
  renderPin();
  const { trials, seed, scenario: b } = app.last;
  app.tasks.ask('compare', { a, b, trials, seed }).then(
    ({ answer }) => {
      if (comparisonKey() !== key) return;
      app.cmp = { key, answer };
      app.cmpBusy = false;
      clearNotice('compare');
      renderResults().then((drawn) => {
        if (drawn) document.body.dataset.compare = 'ready';
      });
    },
    (e) => {
      if (e instanceof Cancelled) return;
      app.cmpBusy = false;
      document.body.dataset.compare = 'error';
      renderPin();
      failureNotice('compare', e, () => compareNow(), 'failure.compare');
    }
  );
}

// ---- page buttons ----------------------------------------------------------

/**
 * In presentation mode the screen holds one view below the answers: the
 * chart, or what drives the answer (the tornado); the reader switches.
 */
function setPresentView(drivers) {
  document.body.classList.toggle('present-drivers', drivers);
  $('btn-view-chart').setAttribute('aria-pressed', String(!drivers));
  $('btn-view-drivers').setAttribute('aria-pressed', String(drivers));
  if (!drivers) requestAnimationFrame(() => redrawCharts(undefined, app.state?.present ? presentChartHeight() : undefined));
}

function setPresent(on) {
  if (!app.state) return;
  app.state.present = on;
  document.body.classList.toggle('present', on);
  const b = $('btn-present');
  b.setAttribute('aria-pressed', String(on));
  b.textContent = on ? t('btn.presentExit') : t('btn.present');
  setChartTextScale(on ? PRESENT_TEXT_PX / PAGE_TEXT_PX : 1);
  updateUrl();
  // Charts are drawn at the size they are shown, so that their text stays at the size the mode asks for.
  requestAnimationFrame(() => redrawCharts(undefined, on ? presentChartHeight() : undefined));
}

/** The height left for the chart in presentation mode: the rest of the screen. */
function presentChartHeight() {
  const plot = document.querySelector('#charts-body .chart .plot');
  // Before the first chart is drawn, its plot will sit about a heading's
  // height (60 px) below the top of the charts' box.
  const box = document.getElementById('charts-body');
  const top = plot
    ? plot.getBoundingClientRect().top + window.scrollY
    : box
      ? box.getBoundingClientRect().top + window.scrollY + 60
      : 400;
  return Math.round(Math.max(160, Math.min(420, window.innerHeight - top - 24)));
}

/** Says when the page runs from this browser's copy (sw.js) with no network. */
function watchOnline() {
  const el = $('offline');
  const show = () => {
    el.hidden = navigator.onLine;
    el.textContent = navigator.onLine ? '' : t('offline.now');
  };
  window.addEventListener('offline', show);
  window.addEventListener('online', show);
  onLangChange(show);
  show();
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
  $('btn-view-chart').addEventListener('click', () => setPresentView(false));
  $('btn-view-drivers').addEventListener('click', () => setPresentView(true));
  $('btn-print').addEventListener('click', () => window.print());
  // "Embed this" (embed-dialog.js), only where the page has its button, and
  // loaded on its first press: few readers open it. Once installed, the dialog
  // listens to the button itself.
  if ($('btn-embed')) {
    let dialog = null;
    const first = () => {
      dialog ??= import('./embed-dialog.js').then((m) => m.installEmbedDialog({ button: $('btn-embed'), getState: () => app.state, getScenario: () => app.scenario }));
      dialog.then(
        (d) => d.open(),
        (e) => {
          dialog = null;
          $('btn-embed').addEventListener('click', first, { once: true });
          notice(e.message ?? String(e), 'error');
        }
      );
    };
    $('btn-embed').addEventListener('click', first, { once: true });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.state?.present) setPresent(false);
  });
  $('dl-csv').addEventListener('click', () => exportLast((last) => download(`mentorsim-${last.scenario.id || 'scenario'}-quantiles.csv`, csvText(last), 'text/csv')));
  $('btn-cancel').addEventListener('click', cancelRun);
  $('btn-rerun').addEventListener('click', () => {
    $('btn-rerun').hidden = true;
    inputsChanged(true);
  });
  app.share = installShare({ button: $('btn-share'), getUrl: shortLink });
  $('dl-json').addEventListener('click', () => app.scenario && download(`mentorsim-${app.scenario.id || 'scenario'}.json`, `${JSON.stringify(app.scenario, null, 2)}\n`, 'application/json'));
  $('dl-result').addEventListener('click', () => exportLast((last) => download(`mentorsim-${last.scenario.id || 'scenario'}-result.json`, `${JSON.stringify(last.result, null, 2)}\n`, 'application/json')));
  onLangChange(() => {
    sel.value = getLang();
    translateDom();
    if (!app.scenario) return;
    updateUrl();
    setPresent(app.state.present);
    renderControls();
    renderSources($('sources'), app.scenario, editedPaths(), app.priors);
    if (app.last) renderResults();
    app.share?.refresh();
    if (document.body.dataset.state === 'ready' && app.last) setStatus(t('status.ready', { trials: fmtInt(app.last.result.trials), ms: fmtInt(app.last.ms), workers: app.last.workers }));
  });
  // Printed charts sit three to a row: draw them at that size so their text stays legible.
  window.addEventListener('beforeprint', () => redrawCharts(340, 160));
  window.addEventListener('afterprint', () => redrawCharts());
  // On paper the tornado fills half a page: drawn narrow, its text prints at about 7 pt (drawn for the screen, 4 pt).
  window.addEventListener('beforeprint', () => drawDrivers({ width: PRINT_TORNADO_PX }));
  window.addEventListener('afterprint', () => drawDrivers());
  window.addEventListener('beforeprint', () => {
    $('print-url').textContent = t('print.generated', { url: app.state ? shortLink() : location.href });
    $('print-date').textContent = new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
  });
}

// ---- start -----------------------------------------------------------------

/** Resolves once the next frame is painted (or after 100 ms: a hidden page paints none). */
function afterPaint() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0)
    );
  });
}

/** Starts the page with a worker pool that app.js created as early as it could. */
export async function start({ runner }) {
  app.runner = runner;
  if (globalThis.mentorsim) globalThis.mentorsim.last = () => app.last;
  await boot();
}

async function boot() {
  $('boot-fail')?.remove();
  watchOnline();
  setBodyState('running');
  // The address's language first: a page whose engine cannot load still speaks it.
  const asked = new URLSearchParams(location.search).get('lang');
  setLang(LANGS.includes(asked) ? asked : detectLang());
  document.documentElement.lang = locale();
  translateDom();
  wireStatic();
  setStatus(t('status.loading'));
  let engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    setStatus(t('status.noEngine', { message: e.message ?? String(e) }));
    // Trying again loads the page again: the engine's file is fetched anew.
    notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error', { key: 'engine', retry: () => location.reload() });
    const kept = keptSection();
    if (kept) $('headline').before(kept);
    setBodyState('error');
    return;
  }
  performance.mark('mentorsim:engine');
  app.api = engine.api;
  app.version = app.api.version();
  app.presets = app.api.presets();
  app.priors = app.api.priors();
  app.session = new Session({ api: app.api, runner: app.runner, hooks, debounceMs: DEBOUNCE_MS, quickTrials: LIVE_TRIALS, quickSeries: headlineSeries, fullSeries: pageSeries });
  app.tasks = new TaskWorker({ module: compileModule() });
  app.solver = createSolver({
    root: $('solve'),
    tasks: app.tasks,
    context: () => app.last && { scenario: app.last.scenario, trials: app.last.trials, seed: app.last.seed, result: app.last.result },
    mentorNeeds: (s) => app.api.mentorNeeds(s),
    usePlan,
    plot: () => app.Plot,
  });
  // Text that looks like markup or script is shown as it is, as text; the notices say so.
  const notices = app.session.boot(location.search, { langs: LANGS, markupNotice: true });
  // Start computing first. Where the controls sit beside the answers, they
  // and the sources are built once the first answer is on screen (and
  // painted), or after a second at most: built while the workers ran, their
  // tasks held up the answer's message. In one column (style.css, 60rem)
  // the controls come first on screen, and built later they would push the
  // answer down: they are built at once.
  const settled = new Promise((resolve) => (app.firstSettled = resolve));
  inputsChanged(false, { firstRun: true });
  urlNotice(notices);
  setPresent(app.state.present);
  if (matchMedia('(max-width: 60rem)').matches) {
    await nextTask();
  } else {
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
    await afterPaint();
  }
  renderControls();
  // The sources table in a task of its own, to keep each task short.
  await nextTask();
  renderSources($('sources'), app.scenario, editedPaths(), app.priors);
}

