// The decision tools that follow each full answer, in the task worker: what
// drives the answer (drivers.js), what better evidence is worth, and B
// against A when a scenario is pinned (compare.js). Each answer is kept with
// the key of the run it answers (shared.js runKey), so an answer that comes
// after the inputs changed is not drawn.

import { diffScenario } from '../lib/state.js';
import { Cancelled } from '../lib/tasks.js';
import { renderDrivers, renderValue } from './drivers.js';
import { renderPinBar } from './compare.js';
import { failureNotice, clearNotice } from './notices.js';
import { $, app, actions, chartWidth, chartFileName, exportCredit, runKey, comparisonKey, updateUrl } from './shared.js';

/** Draws what drives the answer; `pending`: its answer for this run is coming. */
export function drawDrivers({ pending = false, width: asked } = {}) {
  if (!app.last) return;
  const sensitivity = app.drivers?.key === runKey(app.last) ? app.drivers.answer : null;
  renderDrivers($('drivers-body'), sensitivity, {
    seed: app.last.seed,
    busy: pending || app.tasks.busy('drivers'),
    Plot: app.Plot,
    fileName: chartFileName(`drivers-${app.driverOutput}`),
    credit: exportCredit(),
    width: asked ?? chartWidth($('drivers-body')),
    output: app.driverOutput,
    choose: (o) => {
      app.driverOutput = o;
      drawDrivers();
      $('drivers-output')?.focus();
    },
  });
}

/** The bar that pins the scenario on screen as A, or says what B changes against it. */
export function renderPin() {
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
      actions.render().then(() => $('btn-pin')?.focus());
    },
  });
}

/**
 * Asks the task worker for one tool's answer to the last run, unless it has
 * it: `slot` is the app's field that keeps it (`drivers`, `voi`), `body` the
 * dataset key that says its state, `draw(answer)` draws it.
 */
function askTool(task, slot, body, draw) {
  const last = app.last;
  const key = runKey(last);
  if (app[slot]?.key === key) return;
  // renderResults, which comes first, drew it as busy for this run: the
  // place for the answer is kept, and drawing it again cost a chart.
  document.body.dataset[body] = 'running';
  app.tasks.ask(task, { scenario: last.scenario, trials: last.trials, seed: last.seed }).then(
    ({ answer }) => {
      if (runKey(app.last) !== key) return;
      app[slot] = { key, answer };
      draw(answer);
      document.body.dataset[body] = 'ready';
      toolsAnswered();
    },
    (e) => {
      if (e instanceof Cancelled) return;
      app[slot] = { key, answer: null, failed: true }; // settled: nothing to wait for
      draw(null);
      document.body.dataset[body] = 'error';
      toolsFailed(e);
    }
  );
}

/** After a run: what drives it, what evidence is worth, and B against A when a scenario is pinned (all in the task worker). */
export function afterRun() {
  if (!app.last) return;
  askTool('drivers', 'drivers', 'drivers', () => drawDrivers());
  askTool('value', 'voi', 'value', (answer) => renderValue($('value-body'), answer));
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

/** B (the run on screen) against the pinned A, on the same trials and seed, unless it is on screen already. */
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
      actions.render();
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
      actions.render().then((drawn) => {
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
