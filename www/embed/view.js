// The widget's answer: the headline card it leads with (lib/results.js), one
// fan chart of the series behind it with its table, and the downloads.

import { t, pick, fmtInt } from '../lib/i18n.js';
import { withError } from '../lib/printed.js';
import { h } from '../lib/dom.js';
import { fanChart, fanTable, seriesRows } from '../lib/charts.js';
import { pngBlob, download } from '../lib/export.js';
import { headline, perspectiveCard } from '../lib/results.js';
import { reportCsv } from '../lib/csv.js';
import { scenarioTitle, changes } from '../lib/naming.js';
import { et } from './strings.js';
import { leadCard, leadPerspective } from './options.js';
import { planButton } from './plan.js';
import { fullUrl } from './frame.js';

const $ = (id) => document.getElementById(id);

/** Shows lines of notes above the answer (what was wrong in the address). */
export function showNotes(lines) {
  const box = $('w-notes');
  for (const text of lines) box.append(h('p', { text }));
  box.hidden = box.childElementCount === 0;
}

/**
 * The lead when the address names none: the first target whose chance is
 * does not read as 0 % or 100 % (a certainty tells a newcomer little), else,
 * with no budget set, the budget the scenario needs, else the additional
 * people in work with their range.
 */
export function informativeLead(result, scenario = null) {
  // Shown to the whole per cent: a chance that reads 0 % or 100 % is a certainty to the reader.
  const k = (result.targets ?? []).findIndex((tg) => tg.probability_met >= 0.005 && tg.probability_met < 0.995);
  if (k >= 0) return `target-${k}`;
  // With no budget set, the money the plan takes is the question (the targets preset asks it).
  if (scenario?.budget?.unlimited) return 'budget';
  return 'net';
}

/** Plain words for a newcomer: "chance" for a probability, "likely range" for P5–P95; trials and seed go to the footnote. */
function plainWords(card, result) {
  card.querySelector('.n')?.remove();
  const m = /^target-(\d+)$/.exec(card.dataset.card);
  if (m) {
    const tg = result.targets[Number(m[1])];
    const unit = card.querySelector('.unit');
    const { band, bound } = withError(tg.probability_met, tg.probability_met_se, 'share', result.trials);
    if (unit) unit.textContent = bound ? et('embed.chanceBound', { bound }) : et('embed.chance', { band: band ?? '–' });
    card.querySelector('.reading')?.remove();
    card.querySelector('.target-note')?.remove();
  }
  for (const el of card.querySelectorAll('.mc[data-band]')) el.textContent = et('embed.mc', { band: el.dataset.band });
  for (const el of card.querySelectorAll('.band, .unit')) el.textContent = el.textContent.replace(/P5–P95\s?:?\s?/g, `${et('embed.range')} `);
}

/** The card to lead with, and a notice once if the URL asked for one this scenario lacks. */
function pickLead(w, cards, result, scenario) {
  const want = w.options.leadGiven ? leadCard(w.options.lead) : informativeLead(result, scenario);
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
export function chartFor(cardId, result) {
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

/**
 * Draws `answer` (the session's, quick or full): the lead card, its chart and
 * the run line. An answer holds the headline's series only, every one the
 * cards and charts here read; the downloads follow the full answer
 * (`w.session.last`), the CSV with every series, run again for it.
 */
export async function render(w, answer) {
  w.shown = answer;
  const { result, scenario } = answer;
  const cards = headline(result, scenario);
  // An account is not among the page's headline cards: the widget adds the one it leads with.
  const perspective = leadPerspective(w.options.lead);
  const account = perspective ? perspectiveCard(result, scenario, perspective) : null;
  if (account) cards.push(account);
  const card = pickLead(w, cards, result, scenario);
  if (card) {
    for (const el of card.querySelectorAll('.card-sources, .sources-line')) el.remove();
    w.leadId = card.dataset.card;
    plainWords(card, result);
    keepTogether(card);
    // Under the lead: "What does it take?" (plan.js), with the quick answer too, so the widget keeps its height.
    const ask = planButton(w, w.leadId, result);
    $('w-lead').replaceChildren(...[card, ask].filter(Boolean));
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
  drawChart(w, true);
  if (w.session.last) renderDownloads(w);
  $('w-run').textContent = et('embed.run', { trials: fmtInt(result.trials), seed: String(result.seed), version: w.api.version() });
  // The card and its chart show this answer: a mark for the speed figures
  // (`make bench-page` times the slider to it), one at a time.
  performance.clearMarks('mentorsim:embed-answer');
  performance.mark('mentorsim:embed-answer', { detail: answer.quick ? 'quick' : 'full' });
}

/** Draws the fan chart at the width it gets (again only if that changed, unless `force`). */
export function drawChart(w, force = false) {
  const last = w.shown;
  if (!last || !w.leadId) return;
  const fig = $('w-chart');
  const box = $('w-plot');
  fig.hidden = false;
  const width = Math.round(Math.max(240, Math.min(900, box.clientWidth || 300)));
  if (!force && Math.abs(width - w.chartWidth) < 16) return;
  w.chartWidth = width;
  const { result } = last;
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

/** Results with every series, by the answer they complete: a second click runs nothing. */
const complete = new WeakMap();

/**
 * The result of `last` (the session's last full answer) with every series.
 * The widget's runs summarise only what it shows, so the first time it is
 * asked for, the same trials and seed run again with all of them (the same
 * numbers for those shown), here, on the reader's click.
 */
function everySeries(w, last) {
  if (!last.series) return last.result;
  if (!complete.has(last)) complete.set(last, w.api.simulate(last.scenario, { trials: last.trials, seed: last.seed }));
  return complete.get(last);
}

function renderDownloads(w) {
  const box = $('w-downloads');
  const { result, scenario } = w.session.last;
  const name = `mentorsim-${scenario.id || 'scenario'}-${result.seed}`;
  box.replaceChildren(
    h('span', { text: `${et('embed.download')}: ` }),
    h('button', {
      type: 'button',
      class: 'linkish',
      text: et('embed.csv'),
      onclick: () => {
        const last = w.session.last;
        const { base } = last;
        const meta = { title: scenarioTitle(base, scenario), preset: pick(base?.name), changes: changes(base, scenario), version: w.api.version(), url: fullUrl(w) };
        download(`${name}-quantiles.csv`, reportCsv(everySeries(w, last), meta), 'text/csv');
      },
    }),
    ' · ',
    h('button', {
      type: 'button',
      class: 'linkish',
      text: et('embed.png'),
      onclick: async () => {
        const svg = $('w-plot').querySelector('svg');
        if (!svg) return;
        const credit = t('export.credit', { scenario: scenarioTitle(w.session.last.base, scenario), version: w.api.version(), url: fullUrl(w) });
        const caption = `${$('w-chart-caption').textContent.replace(/\u2060/g, '')} ${credit}`;
        download(`${name}.png`, await pngBlob(svg, { title: $('w-chart-title').textContent, caption }));
      },
    })
  );
  box.hidden = false;
}
