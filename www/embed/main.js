// The embeddable widget (embed.html): one answer with its P5–P95 band, the
// trial count and seed, one fan chart, a few controls, the sources in one
// line and a link to the full simulator with the same scenario.
//
// It is driven by its URL: the page's state (lib/state.js: preset, edits,
// trials, seed, lang) plus the widget's options (options.js: controls,
// lead, theme, accent, font, title). It computes nothing until it scrolls
// into view, and tells its parent window its height whenever that changes
// (fit.js; embed-host.js applies it on the host page). The widget itself
// listens to no message from any window: whatever a host or another frame
// posts to it is ignored. It uses no storage and no cookies, loads nothing
// from other hosts, and shows every text from its URL or scenario with
// textContent only.
//
// The state, validation and runs are the page's own controller
// (lib/session.js); this module wires it to the widget's parts: theme.js
// (colours), sliders.js (controls), frame.js (title, sources, links),
// view.js (answer, chart, downloads).
//
// document.body.dataset.state is "idle" (waiting to be on screen),
// "running", "ready" (the answer on screen matches the controls) or "error";
// document.body.dataset.engine says how it computes (see lib/runner.js).

import { t, setLang, detectLang, fmtInt, locale, LANGS } from '../lib/i18n.js';
import { clone } from '../lib/state.js';
import { loadPlot } from '../lib/charts.js';
import { createRunner } from '../lib/runner.js';
import { Session, LIVE_TRIALS, problemsText, urlNoticeText } from '../lib/session.js';
import { et } from './strings.js';
import { parseEmbedOptions } from './options.js';
import { applyTheme } from './theme.js';
import { reportHeight, whenVisible, stylesReady, onResize } from './fit.js';
import { renderControls, updateReset } from './sliders.js';
import { renderFrame, renderSetup, renderSources, renderLinks } from './frame.js';
import { render, drawChart, showNotes } from './view.js';
import { clearPlan } from './plan.js';
import { headlineSeries } from '../lib/results.js';
import { failureText } from '../lib/failures.js';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 200;

/** The widget: its options, the session and what its parts share. */
const w = {
  options: null,
  optionNotices: [],
  api: null,
  session: null,
  Plot: null,
  plotReady: null,
  initial: null, // the scenario as the URL gives it ("as published")
  shown: null, // the answer drawn: quick (the headline's series only) or full
  leadId: null,
  leadNoticed: false,
  engineKind: null, // how the runs go (lib/runner.js): the plan runs the same way
  chartWidth: 0,
  /** The controls moved: validate and run (or mark the answer stale). */
  changed: (opts) => {
    // A plan answered the scenario before this change.
    clearPlan(w);
    w.session.changed(opts);
  },
};

function setBodyState(s) {
  document.body.dataset.state = s;
  $('w').setAttribute('aria-busy', String(s === 'running' || s === 'idle'));
}

function setStatus(text, kind = '') {
  const el = $('w-status');
  el.textContent = text;
  el.className = `w-status ${kind}`.trim();
}

/** After a failure: the "Try again" button under the status line, which calls `again`; null hides it. */
function offerRetry(again) {
  const b = $('w-retry');
  b.hidden = !again;
  b.onclick = again
    ? () => {
        b.hidden = true;
        again();
      }
    : null;
}

/** What the widget does as the session validates and runs. */
const hooks = {
  invalid(problems) {
    offerRetry(null);
    renderSetup(w);
    updateReset(w, $('w-controls'));
    $('w').classList.remove('running');
    $('w').classList.add('stale');
    setStatus(et('embed.invalid', { detail: problemsText(problems) }), 'error');
    setBodyState('error');
  },
  scheduled({ live = false } = {}) {
    offerRetry(null);
    renderSetup(w);
    updateReset(w, $('w-controls'));
    renderSources(w);
    renderLinks(w);
    $('w').classList.remove('stale');
    // A live edit keeps the answer bright: a quick one replaces it at once.
    if (!live) $('w').classList.add('running');
    setBodyState('running');
  },
  running() {
    setBodyState('running');
  },
  progress(done, total) {
    if (document.body.dataset.state === 'running') setStatus(t('status.running', { done: fmtInt(done), total: fmtInt(total) }));
  },
  async result(answer) {
    await render(w, answer);
    return true;
  },
  quick(last) {
    if (!performance.getEntriesByName('mentorsim:embed-quick-answer').length) performance.mark('mentorsim:embed-quick-answer');
    $('w').classList.remove('running');
    setStatus(et('embed.quick', { trials: fmtInt(last.trials) }));
    setBodyState('quick');
  },
  ready() {
    $('w').classList.remove('running');
    setStatus('');
    if (!performance.getEntriesByName('mentorsim:embed-first-result').length) performance.mark('mentorsim:embed-first-result');
    setBodyState('ready');
  },
  failed(e) {
    $('w').classList.remove('running');
    // The last answer stays; the status line says why this one failed, and the button runs it again.
    setStatus(t('status.error', { message: failureText(e) }), 'error');
    offerRetry(() => w.changed({ now: true }));
    setBodyState('error');
  },
};

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
    // Trying again loads the widget again: the engine's file is fetched anew.
    offerRetry(() => location.reload());
    setBodyState('error');
    return;
  }
  performance.mark('mentorsim:embed-engine');
  w.api = made.engine.api;
  w.engineKind = made.runner.kind;
  document.body.dataset.engine = made.runner.kind;
  // Quick and full answers summarise only the headline's series, which hold every card and chart the widget
  // draws (view.js); the download of every series asks for the rest.
  w.session = new Session({ api: w.api, runner: made.runner, hooks, debounceMs: DEBOUNCE_MS, quickTrials: LIVE_TRIALS, quickSeries: headlineSeries, fullSeries: headlineSeries });
  const notices = w.session.boot(location.search, { langs: LANGS });
  w.initial = clone(w.session.scenario);
  const lines = [urlNoticeText(notices), ...w.optionNotices.map((n) => et('embed.badOption', { name: n.name, value: n.value }))];
  showNotes(lines.filter(Boolean));
  $('w-lead').replaceChildren();
  renderFrame(w);
  renderControls(w, $('w-controls'));
  // At once: a quick answer first, then the full one.
  w.changed({ now: true });
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
  applyTheme(options, () => drawChart(w, true));
  setBodyState('idle');
  $('w-title').textContent = options.title || 'mentorsim';
  $('w-wait').textContent = et('embed.waiting');
  $('w-credit').textContent = et('embed.credit');
  $('w-retry').textContent = et('failure.retry');
  $('w-open').textContent = et('embed.open');
  // Until the engine is loaded: the page's own parameters only.
  const pageQuery = new URLSearchParams([...new URLSearchParams(search)].filter(([k]) => ['preset', 'edits', 'trials', 'seed', 'lang'].includes(k)));
  $('w-open').href = new URL(`index.html?${pageQuery}`, location.href).href;
  reportHeight($('w'));
  // Redraw the chart at the width it gets (text stays legible from 320 px up).
  onResize($('w-plot'), () => drawChart(w, false));
  whenVisible($('w')).then(start);
}

boot();
