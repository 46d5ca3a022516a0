// The page's code, started by app.js once the workers are under way. It
// loads the engine, makes the session (lib/session.js: the state in the
// URL, validation and runs, shared with the widget) and the decision tools'
// worker, and wires the page's parts around their small shared state:
//
//   shared.js      the page's own state, element lookup, chart sizes, what names the answer
//   tools.js       drivers, what evidence is worth, B against A
//   render.js      the quick answer, the full one a part per task, the downloads
//   inputs.js      the controls and what they change; errors where they are; the sources
//   run-status.js  the session's hooks: state line, progress, Cancel, stale, announce
//   buttons.js     language, link, presentation mode, print, downloads, embed
//
// Each imports only the ones above it in that list (and lib/); the one call
// that goes back up (tools.js redrawing the answer) goes through shared.js
// `actions`, set here.
//
// document.body.dataset.state is "running", "ready" (a result matching the
// inputs is on screen) or "error", for tests and embedders.

import { t, setLang, detectLang, translateDom, locale, LANGS } from '../lib/i18n.js';
import { loadEngine, compileModule } from '../lib/engine.js';
import { Session, LIVE_TRIALS, urlNoticeText } from '../lib/session.js';
import { headlineSeries, pageSeries } from '../lib/results.js';
import { nextTask } from '../lib/dom.js';
import { TaskWorker } from '../lib/tasks.js';
import { createSolver } from './solve.js';
import { keptSection } from './kept.js';
import { notice } from './notices.js';
import { $, app, actions, setBodyState, setStatus } from './shared.js';
import { renderControls, inputsChanged, renderSourcesNow, usePlan } from './inputs.js';
import { hooks } from './run-status.js';
import { renderResults } from './render.js';
import { wireStatic, watchOnline, setPresent } from './buttons.js';

const DEBOUNCE_MS = 150;

actions.render = renderResults;

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

/** The engine could not load: said, with a way to try again, and the answer this browser kept (kept.js) shown. */
function engineFailed(e) {
  setStatus(t('status.noEngine', { message: e.message ?? String(e) }));
  // Trying again loads the page again: the engine's file is fetched anew.
  notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error', { key: 'engine', retry: () => location.reload() });
  const kept = keptSection();
  if (kept) $('headline').before(kept);
  setBodyState('error');
}

/** The session, the decision tools' worker and the solver, on the engine's api. */
function makeSession(api) {
  app.api = api;
  app.version = api.version();
  app.presets = api.presets();
  app.priors = api.priors();
  app.session = new Session({ api, runner: app.runner, hooks, debounceMs: DEBOUNCE_MS, quickTrials: LIVE_TRIALS, quickSeries: headlineSeries, fullSeries: pageSeries });
  app.tasks = new TaskWorker({ module: compileModule() });
  app.solver = createSolver({
    root: $('solve'),
    tasks: app.tasks,
    context: () => app.last && { scenario: app.last.scenario, trials: app.last.trials, seed: app.last.seed, result: app.last.result },
    mentorNeeds: (s) => api.mentorNeeds(s),
    usePlan,
    plot: () => app.Plot,
  });
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
    engineFailed(e);
    return;
  }
  performance.mark('mentorsim:engine');
  makeSession(engine.api);
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
  const text = urlNoticeText(notices);
  if (text) notice(text);
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
  renderSourcesNow();
}
