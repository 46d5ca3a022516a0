// What the page's parts share: its own state (`app`; the scenario, the
// inputs and the runs live in the session, lib/session.js), the element
// lookup, the sizes charts are drawn at, and what names the answer on screen
// (its title, its link, the keys that tell whether a tool's answer is for it).
//
// The parts (tools.js, render.js, inputs.js, run-status.js, buttons.js)
// import from here and from the ones before them in that list; the one call
// that goes back up (tools.js redrawing the answer) goes through `actions`,
// which page.js fills when it starts.

import { t } from '../lib/i18n.js';
import { shortUrl, toQuery } from '../lib/state.js';
import { scenarioTitle, changes } from '../lib/naming.js';
import { limits } from '../lib/schema.js';
import { DEFAULT_DRIVER_OUTPUT } from '../lib/decide.js';

export const $ = (id) => document.getElementById(id);

export const app = {
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
  /** The editors of the controls (controls.js), to keep two editors of one input in step. */
  editors: null,
  sourcesTimer: 0,
  /** The share button (share.js). */
  share: null,
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

/**
 * The call that goes from a part back to the one that draws, set by page.js:
 * `render()` draws everything for the last answer (render.js renderResults)
 * and resolves to false when a newer drawing took over.
 */
export const actions = {
  render: async () => false,
};

// ---- sizes -----------------------------------------------------------------

/**
 * The width a chart is drawn at in `box`: the width it gets (less `inset`,
 * the box's own padding), from 320 to `max` px; 640 before the box is laid
 * out. SVG scales down in print and presentation.
 */
export function chartWidth(box, { inset = 0, max = 960 } = {}) {
  return Math.round(Math.max(320, Math.min(max, (box?.clientWidth ?? 0) - inset || 640)));
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

/** The charts' height now: the rest of the screen in presentation mode, else their own. */
export function chartHeight() {
  return app.state?.present ? presentChartHeight() : undefined;
}

// ---- what names the answer -------------------------------------------------

/** The address carries the state (lib/state.js), and the tab's title the scenario's name. */
export function updateUrl() {
  const q = toQuery(app.state);
  if (q !== location.search) history.replaceState(null, '', q);
  document.title = `${app.session ? scenarioTitle(app.session.base, app.scenario) : 'mentorsim'} · mentorsim`;
}

export function editedPaths() {
  return Object.keys(app.state.edits ?? {});
}

/** The title of the scenario on screen: its name and what changed (lib/naming.js). */
export function lastTitle(last = app.last) {
  return scenarioTitle(last.base, last.scenario);
}

/** The short, readable link of the scenario as it is (lib/state.js shortUrl). */
export function shortLink() {
  const { trials_default: trials, seed_default: seed } = limits();
  return shortUrl(app.state, { trials, seed });
}

/** What an exported chart says about where it comes from: the scenario's title, every change, the engine and the link. */
export function exportCredit() {
  const changed = changes(app.last.base, app.last.scenario).map((c) => `${c.label}: ${c.value}`);
  const credit = t('export.credit', { scenario: lastTitle(), version: app.version, url: shortLink() });
  return changed.length ? `${credit} ${t('name.changed')}: ${changed.join('; ')}.` : credit;
}

/** The name of a chart's file, for the answer on screen: mentorsim-<scenario>-<what>-<seed>. */
export function chartFileName(what) {
  return `mentorsim-${app.last.scenario.id || 'scenario'}-${what}-${app.last.seed}`;
}

/** What a run answers: its scenario, trial count and seed. */
export function runKey(last) {
  return last ? JSON.stringify([last.scenario, last.trials, last.seed]) : '';
}

/** The key of B (the run on screen) against the pinned A, or '' when nothing is pinned. */
export function comparisonKey() {
  const a = app.session?.pinned();
  return a && app.last ? JSON.stringify([a, app.last.scenario, app.last.trials, app.last.seed]) : '';
}

/** The comparison that matches what is on screen and pinned, or null. */
export function currentComparison() {
  const key = comparisonKey();
  return key && app.cmp?.key === key ? app.cmp.answer : null;
}

// ---- the page's state line -------------------------------------------------

/** document.body.dataset.state, for tests and embedders: "running", "quick", "ready", "cancelled" or "error". */
export function setBodyState(s) {
  document.body.dataset.state = s;
}

export function setStatus(text) {
  $('status').textContent = text;
}
