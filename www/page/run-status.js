// What the page shows while the session validates and runs (lib/session.js
// calls these hooks): the state line, the progress bar and its Cancel, the
// answer marked stale when it no longer matches the inputs, the quick
// answer and then the full one, and what a screen reader hears.

import { t, pick, fmtInt, fmtPct } from '../lib/i18n.js';
import { loadPlot } from '../lib/charts.js';
import { failureText } from '../lib/failures.js';
import { keepForOffline } from './offline.js';
import { keepAnswer } from './kept.js';
import { failureNotice, clearNotice } from './notices.js';
import { renderQuick, renderResults } from './render.js';
import { afterRun } from './tools.js';
import { inputsChanged } from './inputs.js';
import { $, app, lastTitle, setBodyState, setStatus } from './shared.js';

/** The state line of a full answer: its trials and how long it took. */
export function readyStatus(last = app.last) {
  setStatus(t('status.ready', { trials: fmtInt(last.result.trials), ms: fmtInt(last.ms), workers: last.workers }));
}

/** The answer on screen no longer matches the inputs (or matches them again). */
function markStale(stale) {
  $('results').classList.toggle('stale', stale && app.last !== null);
  $('stale').hidden = !(stale && app.last !== null);
  if (stale) setStatus(t('status.invalid'));
}

/** A run is over (answered, failed or cancelled): no progress bar, no Cancel, the answers no longer dimmed as running. */
function endRun() {
  $('btn-cancel').hidden = true;
  $('results').classList.remove('running');
  $('progress').hidden = true;
  $('progress-text').textContent = '';
}

/** The run that began will not answer (failed, cancelled): the last good answer stays, marked as not matching the inputs. */
function endRunWithoutAnswer() {
  settleQuick();
  endRun();
  $('results').classList.toggle('stale', app.last !== null);
}

/** What the page does as the session validates and runs. */
export const hooks = {
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
    markStale(false);
    if (snap?.quick) {
      performance.mark('mentorsim:quick-start');
      return;
    }
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
    endRun();
    afterRun();
    readyStatus(last);
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
    endRunWithoutAnswer();
    // The notice says why and tries again.
    setStatus(t('status.error', { message: failureText(e) }));
    failureNotice('run', e, () => inputsChanged(true));
    setBodyState('error');
  },
};

/** What a screen reader hears when a full answer is on screen: each target's chance and the people in work. */
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
export function cancelRun() {
  app.session.cancel();
  endRunWithoutAnswer();
  setStatus(t('run.cancelled'));
  $('btn-rerun').hidden = false;
  $('btn-rerun').focus();
  setBodyState('cancelled');
}
