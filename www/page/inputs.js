// The inputs: the controls (controls.js) and what they change (the
// session's scenario, the evidence prior, a preset, an imported file, a
// plan used as the scenario), the errors shown where they are, and the
// sources table that follows the scenario.

import { t } from '../lib/i18n.js';
import { problemText, problemsText } from '../lib/session.js';
import { priorFragment, reconcilePrior } from '../lib/accounts.js';
import { h } from '../lib/dom.js';
import { buildControls, showErrors } from './controls.js';
import { renderPriorPicker, syncPriorPicker } from './impact.js';
import { renderSources } from './sources.js';
import { notice } from './notices.js';
import { renderPin } from './tools.js';
import { $, app, editedPaths, updateUrl } from './shared.js';

/** Builds the controls for the scenario on screen, and the evidence prior's picker. */
export function renderControls() {
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

// ---- a whole new scenario --------------------------------------------------

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
export function usePlan(scenario) {
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

// ---- after each change -----------------------------------------------------

/** The preset's name says "edited", its description "as published", and a reset button shows, while the scenario differs from the preset. */
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
export function inputsChanged(immediate = false, { firstRun = false } = {}) {
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

/** The sources table of the scenario on screen, with its edited rows marked. */
export function renderSourcesNow() {
  renderSources($('sources'), app.scenario, editedPaths(), app.priors);
}

/**
 * Rebuilds the sources table once edits pause, in a task of its own: a
 * slider's every step must not rebuild a table of some hundred rows.
 */
function scheduleSources() {
  clearTimeout(app.sourcesTimer);
  app.sourcesTimer = setTimeout(renderSourcesNow, 250);
}
