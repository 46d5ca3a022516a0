// Draws an answer: the quick one while the hand moves (the headline cards
// only), the full one a part per task so no task holds the page for long,
// the charts again at another size (print, presentation mode), and the
// downloads of the answer on screen.

import { t, pick, fmtInt, fmtYear } from '../lib/i18n.js';
import { loadPlot } from '../lib/charts.js';
import { headline, chartSpecs } from '../lib/results.js';
import { limitsLine } from '../lib/limits.js';
import { reportCsv } from '../lib/csv.js';
import { changes } from '../lib/naming.js';
import { h, nextTask } from '../lib/dom.js';
import { Cancelled } from '../lib/tasks.js';
import { figure } from './figures.js';
import { sourcesSummary } from './sources.js';
import { renderImpact } from './impact.js';
import { renderPartners } from './partners.js';
import { renderSplit } from './split.js';
import { renderValue } from './drivers.js';
import { decorateCards, renderComparison } from './compare.js';
import { printReport } from './report.js';
import { renderAnswer } from './answer.js';
import { notice, failureNotice } from './notices.js';
import { drawDrivers, renderPin } from './tools.js';
import { $, app, chartWidth, chartHeight, chartFileName, exportCredit, lastTitle, shortLink, runKey, currentComparison } from './shared.js';

/** The answer's title, and its trials, seed and years once (the engine's version on paper only). */
function renderMeta(last = app.last) {
  const { result } = last;
  const years = `${fmtYear(result.years[0])}–${fmtYear(result.years.at(-1))}`;
  $('result-title').textContent = lastTitle(last);
  // The engine's version is for the record: on paper, not on screen.
  $('result-meta').replaceChildren(t('results.meta', { trials: fmtInt(result.trials), seed: String(result.seed), years }), h('span', { class: 'print-only', text: ` · ${t('results.engine', { version: app.version })}` }));
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

/** The answer in words, the headline cards (with the line above the targets in presentation mode) and what limits the duos. */
function renderHeadline(last, { lead = false } = {}) {
  const { result, scenario } = last;
  renderMeta(last);
  renderAnswer($('answer'), last, app.priors);
  // In presentation mode each target is one line under this one, which says what their figures are.
  const above = lead && result.targets?.length ? h('p', { class: 'targets-lead', text: t('card.targetsLead') }) : null;
  $('headline').replaceChildren(...[above, ...headline(result, scenario, { base: last.base })].filter(Boolean));
  $('limits').textContent = limitsLine(result, scenario);
}

/**
 * Draws a quick answer (from a few trials, while the hand moves; the engine
 * summarised only the series of HEADLINE_SERIES): the headline cards and
 * what limits the duos only, in one short task; the rest stays as it was,
 * dimmed, until the full answer.
 */
export function renderQuick(last) {
  ++app.renderGen; // a full drawing under way stops: its answer is older
  renderHeadline(last);
  renderPin(); // with the first answer, not after it: the cards below would move
  markHeadline('quick');
  return true;
}

/** Draws everything for app.last, a chart per task so no task runs long. Returns false if superseded. */
export async function renderResults() {
  const gen = ++app.renderGen;
  const current = () => gen === app.renderGen;
  if (!app.last) return false;
  if (!app.Plot) {
    try {
      app.Plot = await loadPlot();
    } catch (e) {
      notice(t('status.noEngine', { message: e.message ?? String(e) }), 'error');
      app.Plot = null;
    }
    if (!current()) return false;
  }
  const { result, scenario } = app.last;
  renderHeadline(app.last, { lead: true });
  markHeadline('full');
  // The answers first, then the rest a task at a time: no task holds the page for long.
  await nextTask();
  if (!current()) return false;
  const cmp = currentComparison();
  renderTools(cmp);
  await nextTask();
  if (!current()) return false;
  renderImpact($('impact-body'), result, scenario, { Plot: app.Plot, fileName: chartFileName('perspectives'), credit: exportCredit(), width: chartWidth($('impact-body')) });
  await nextTask();
  if (!current()) return false;
  renderPartners($('partners-body'), result, scenario, { Plot: app.Plot, fileName: chartFileName('partners'), credit: exportCredit(), width: chartWidth($('partners-body')) });
  renderSplit($('split-body'), scenario);
  await nextTask();
  if (!current()) return false;
  // Their answers for this run come after it (afterRun): their places are
  // kept from now, so the charts below do not move when they arrive.
  const key = runKey(app.last);
  drawDrivers({ pending: app.drivers?.key !== key });
  renderValue($('value-body'), app.voi?.key === key ? app.voi.answer : null, { busy: app.voi?.key !== key });
  $('print-sources').replaceChildren(sourcesSummary(scenario));
  return renderCharts(result, scenario, cmp, current);
}

/** The print report, B against A on the cards and in its section, and the solver's marks on the cards. */
function renderTools(cmp) {
  $('print-report').replaceChildren(printReport(app.last, app.priors));
  decorateCards($('headline'), cmp);
  renderPin();
  renderComparison($('compare-body'), cmp);
  app.solver.decorate($('headline'));
  app.solver.render();
}

/** The charts, one task each, in page order; false if a newer drawing began meanwhile (`current()` false). */
async function renderCharts(result, scenario, cmp, current) {
  const box = $('charts-body');
  const specs = chartSpecs(result, app.chartModes, chartWidth(box), chartHeight(), { ghost: cmp?.a ?? null, scenario });
  for (const id of [...app.figures.keys()]) if (!specs.some((s) => s.id === id)) app.figures.get(id).remove(), app.figures.delete(id);
  for (const spec of specs) {
    await nextTask();
    if (!current()) return false;
    const fig = figure(spec, {
      Plot: app.Plot,
      fileName: chartFileName(spec.id),
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
export function redrawCharts(width, height) {
  if (!app.last || !app.Plot) return;
  const w = width ?? chartWidth($('charts-body'));
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

// ---- downloads of the answer -----------------------------------------------

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
export async function exportLast(save) {
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
export function csvText(last) {
  const { result, scenario, base } = last;
  return reportCsv(result, { title: lastTitle(last), preset: pick(base?.name) || scenario.id, changes: changes(base, scenario), version: app.version, url: shortLink() });
}
