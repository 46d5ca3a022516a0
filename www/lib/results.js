// The answers of a run: headline cards (each number with what it is, its
// unit, its P5–P95 band, the trial count, the seed and its sources), the
// charts with their tables, and the CSV of the yearly quantiles.

import { t, pick, fmtInt, fmtEur, fmtYear, fmtBy } from './i18n.js';
import { h } from './dom.js';
import { getPath } from './state.js';
import { parseSource } from './evidence.js';
import { paramLabel } from './params.js';
import * as charts from './charts.js';
import { limitTip, LIMITS } from './limits.js';
import { fmtErr, mcBand, withError } from './printed.js';
import { changes } from './naming.js';

const last = (a) => (a && a.length ? a[a.length - 1] : undefined);

/** The inputs each headline number depends on (for its source links). */
const DEPENDS = {
  started: ['intake', 'budget', 'cost_per_duo', 'realisation', 'mentors.duos_per_mentor_year', 'mentors.pool.initial'],
  employed: ['intake', 'budget', 'cost_per_duo', 'realisation', 'outcomes.employed'],
  net: ['outcomes.employed', 'counterfactual.effect', 'counterfactual.baseline', 'counterfactual.odds_ratio', 'intake', 'budget', 'cost_per_duo'],
  costNet: ['cost_per_duo', 'fixed_cost', 'outcomes.employed', 'counterfactual.effect', 'counterfactual.baseline', 'counterfactual.odds_ratio'],
  bcr: ['counterfactual.effect', 'counterfactual.baseline', 'counterfactual.odds_ratio', 'fiscal.unemployment_share', 'fiscal.unemployment_month', 'fiscal.integration_share', 'fiscal.integration_month', 'fiscal.contributions_month', 'fiscal.displacement', 'fiscal.months_in_work_first_year', 'fiscal.employment_decay', 'fiscal.persistence', 'fiscal.discount_rate', 'outcomes.employed', 'cost_per_duo'],
  budget: ['cost_per_duo', 'cost_indexation', 'fixed_cost', 'intake'],
  mentors: ['mentors.duos_per_mentor_year', 'mentors.pool.initial', 'mentors.pool.recruits_per_year', 'mentors.pool.retention', 'intake'],
};

/** Source chips for a list of input paths: evidence ids (linked to the sources table) and assumptions. */
export function sourceLinks(scenario, paths, extra = []) {
  const ids = new Set();
  const urls = new Set();
  const assumptions = [];
  for (const p of paths) {
    const v = getPath(scenario, p);
    // An unlimited budget or mentor pool is a choice of the scenario, not a figure needing a source.
    if (v === undefined || v === 'unlimited' || v?.unlimited) continue;
    const src = v && typeof v === 'object' ? v.source : undefined;
    for (const r of parseSource(src)) {
      if (r.kind === 'row') ids.add(r.id);
      else if (r.kind === 'url') urls.add(r.href);
    }
    if (!src || (v && v.assumption)) assumptions.push(p);
  }
  for (const s of extra) for (const r of parseSource(s)) if (r.kind === 'row') ids.add(r.id);
  const sorted = [...ids].sort(byId);
  const out = h('p', { class: 'sources-line' }, h('span', { text: `${t('card.sources')}: ` }));
  for (const id of sorted) out.append(h('a', { class: 'chip', href: `#ev-${id}`, text: id }), ' ');
  for (const u of urls) out.append(h('a', { class: 'chip', href: u, text: new URL(u).hostname, rel: 'noopener noreferrer', target: '_blank' }), ' ');
  // One tab stop per card: the links sit in a disclosure whose summary names the rows.
  const summary = h('summary', {}, h('span', { text: t('card.sourcesToggle') }), sorted.length ? h('span', { class: 'ids', text: ` (${sorted.join(', ')}${assumptions.length ? `; ${t('card.assumptionsShort')}` : ''})` }) : null);
  const box = h('details', { class: 'card-sources' }, summary, out);
  if (!assumptions.length) return box;
  const list = h('p', { class: 'assumptions-line' }, h('span', { class: 'chip assumption', title: t('card.assumptions'), text: t('card.assumptionsShort') }), ' ');
  assumptions.forEach((p, i) => list.append(i ? ', ' : '', h('a', { href: `#in-${p.replace(/\./g, '-')}`, text: paramLabel(p) })));
  box.append(list);
  return box;
}

function byId(a, b) {
  const [pa, na] = [a[0], Number(a.slice(1))];
  const [pb, nb] = [b[0], Number(b.slice(1))];
  return pa === pb ? na - nb : 'ECF'.indexOf(pa) - 'ECF'.indexOf(pb);
}

/**
 * A headline card. Its figure is `fig` (printed.js withError: the value to the
 * digits its Monte Carlo error supports, and its 95 % band), or `value` (an
 * element) for a figure without a known error.
 */
function card({ id, title, what, fig, value, unitNote, band, extra = [], sources, n }) {
  // An undefined figure (a cost per additional job where most trials have none) says so in a word, not a dash.
  value ??= fig.value === '–' ? h('span', { class: 'num undefined', text: t('card.undefinedValue') }) : h('span', { class: 'num', text: fig.value });
  // The 95 % Monte Carlo band of the figure, in a span of its own (the widget says it in plain words); for a
  // chance that no trial or every trial showed, the bound the trials allow.
  const mcSpan = fig?.bound
    ? h('span', { class: 'mc', dataset: { bound: fig.bound }, text: `(${fig.bound})` })
    : fig?.band != null
      ? h('span', { class: 'mc', dataset: { band: fig.band }, text: t('card.pm', { band: fig.band }) })
      : null;
  return h(
    'article',
    { class: 'card', id: `card-${id}`, dataset: { card: id } },
    h('h3', { text: title }),
    h('p', { class: 'big', dataset: { value: id } }, value),
    unitNote || mcSpan ? h('p', { class: 'unit' }, unitNote ?? '', unitNote && mcSpan ? ' ' : '', mcSpan) : null,
    band ? h('p', { class: 'band', text: band }) : null,
    ...extra,
    h('p', { class: 'what', text: what }),
    h('p', { class: 'n', text: n }),
    sources
  );
}

/**
 * Why a band goes below zero, on the cards whose figure follows the effect of
 * mentoring: the effect's own band does (null when it does not, or when the
 * figure's P5 is not negative).
 */
function belowZero(result, p5) {
  const effectP5 = result.counterfactual?.effect?.p5;
  return p5 < 0 && effectP5 < 0 ? h('p', { class: 'below-zero', text: t('card.belowZero') }) : null;
}

function band(lo, hi, f) {
  // A ratio undefined in more than 5 % of trials has no P95 (or none at all): say so in words, not with a dash.
  const undef = (x) => x === '–' || x === '' || x == null;
  if (undef(lo) && undef(hi)) return t('card.bandNone');
  if (undef(hi)) return t('card.bandOpen', { lo: f(lo) });
  return t('card.band', { lo: f(lo), hi: f(hi) });
}

function readingOf(tg) {
  const metric = ['duos_started', 'employed'].includes(tg.metric) ? t(`reading.${tg.metric}`) : t('reading.other', { metric: t(`metric.${tg.metric}`) });
  return `${metric} · ${t(`kind.${tg.kind}`, { year: fmtYear(tg.year) })}`;
}

/** The value of a target's metric in its year, across trials (median and band). */
function targetSeries(result, tg) {
  const s = result.series[tg.kind === 'cumulative' ? `${tg.metric}_cumulative` : tg.metric];
  const i = result.years.indexOf(tg.year);
  if (!s || i < 0) return null;
  return { p5: s.p5[i], p50: s.p50[i], p95: s.p95[i], p5_se: s.p5_se?.[i], p50_se: s.p50_se?.[i], p95_se: s.p95_se?.[i] };
}

/**
 * The card of one account (perspective `id`: region, public, ...): the
 * chance that its benefit exceeds its cost, with its net benefit's median
 * and band; null when the result has no such account.
 */
export function perspectiveCard(result, scenario, id) {
  const a = result.perspectives?.[id];
  if (!a) return null;
  const net = a.net ?? {};
  const f = (x) => fmtEur(x, { compact: true });
  // An account that bears no cost only gains: its card gives what it gains, not a chance.
  const bearsCost = typeof a.p_benefit_exceeds_cost === 'number';
  return card({
    id: `perspective-${id}`,
    title: t(bearsCost ? 'persp.cardTitle' : 'persp.cardTitleGain', { who: t(`persp.${id}`) }),
    what: t('persp.cardWhat', { what: t(`persp.what.${id}`), year: fmtYear(result.years[0]) }),
    fig: bearsCost ? withError(a.p_benefit_exceeds_cost, a.p_benefit_exceeds_cost_se, 'share', result.trials) : withError(net.p50, net.p50_se, 'eur'),
    unitNote: t(bearsCost ? 'persp.cardUnit' : 'persp.cardUnitGain'),
    band: bearsCost ? t('persp.cardBand', { x: f(net.p50), band: band(net.p5, net.p95, f) }) : band(net.p5, net.p95, f),
    sources: sourceLinks(scenario, DEPENDS.bcr),
    n: t('card.n', { trials: fmtInt(result.trials), seed: String(result.seed) }),
  });
}

/**
 * The series that headline() and the line of what limits the duos
 * (limits.js) read, besides each target's own: a quick answer has the
 * engine summarise only these (headlineSeries). A unit test renders both
 * from a full result and fails if they read a series not listed here.
 */
export const HEADLINE_SERIES = [
  'duos_started_cumulative',
  'employed_cumulative',
  'net_additional_employed_cumulative',
  'public_cost_cumulative',
  'budget_needed',
  'budget_needed_cumulative',
  'mentors_needed',
  ...LIMITS.map((key) => `limited_by_${key}`),
];

/** The names of the series a scenario's headline cards read: HEADLINE_SERIES and its targets'. */
export function headlineSeries(scenario) {
  const targets = (scenario?.targets ?? []).map((tg) => (tg.kind === 'cumulative' ? `${tg.metric}_cumulative` : tg.metric));
  return [...new Set([...HEADLINE_SERIES, ...targets])];
}

/** The fan charts of the page: [metric, title key, axis key]; each drawn as running totals or by year. */
const FAN_CHARTS = [
  ['duos_started', 'chart.started', 'axis.duos'],
  ['employed', 'chart.employed', 'axis.people'],
];

/**
 * The series the page shows of a full answer: its headline cards', and both
 * forms of each fan chart's metric (a chart switches between them without a
 * run). The page's runs summarise only these; a download that holds every
 * series asks for them then, from the same trials and seed.
 */
export function pageSeries(scenario) {
  return [...new Set([...headlineSeries(scenario), ...FAN_CHARTS.flatMap(([metric]) => [metric, `${metric}_cumulative`])])];
}

/**
 * A target's note (what it means and why its chance is what it is, in the
 * scenario's words). Those words describe the scenario as published: once it
 * is edited (`edited`), they are folded away under a summary that says so,
 * so that no figure of the preset (its budget, its plan) stands on a card
 * beside answers it no longer matches.
 */
function targetNote(text, edited) {
  if (!text) return null;
  if (!edited) return h('p', { class: 'target-note', text });
  return h('details', { class: 'target-note published' }, h('summary', { text: t('note.published') }), h('p', { text }));
}

/**
 * Headline cards of a result. `base`: the preset the scenario was edited
 * from; when they differ, the targets' notes are marked as the preset's.
 */
export function headline(result, scenario, { base = null } = {}) {
  const ctx = {
    result,
    scenario,
    edited: Boolean(base && changes(base, scenario).length),
    n: t('card.n', { trials: fmtInt(result.trials), seed: String(result.seed) }),
    from: fmtYear(result.years[0]),
    to: fmtYear(last(result.years)),
  };
  const cards = [
    ...(result.targets ?? []).map((tg, k) => targetCard(ctx, tg, k)),
    countCard(ctx, 'started', 'duos_started_cumulative', DEPENDS.started),
    countCard(ctx, 'employed', 'employed_cumulative', DEPENDS.employed),
    countCard(ctx, 'net', 'net_additional_employed_cumulative', DEPENDS.net, (lo) => [belowZero(result, lo)]),
    costNetCard(ctx),
    bcrCard(ctx),
    budgetCard(ctx),
    mentorsCard(ctx),
  ].filter(Boolean);
  // With no budget set, what it takes (money, then mentors) is the question: those cards come right after the targets.
  if (scenario?.budget?.unlimited) {
    const first = ['budget', 'mentors'].map((id) => cards.find((c) => c.dataset.card === id)).filter(Boolean);
    const rest = cards.filter((c) => !first.includes(c));
    const k = rest.findIndex((c) => !c.dataset.card.startsWith('target-'));
    return k < 0 ? [...rest, ...first] : [...rest.slice(0, k), ...first, ...rest.slice(k)];
  }
  return cards;
}

/** A target's card: its chance with its Monte Carlo error, what is expected, when it is met, and its note. */
function targetCard({ result, scenario, edited, n }, tg, k) {
  const ts = targetSeries(result, tg);
  const what = t(`metric.${tg.metric}`);
  return card({
    id: `target-${k}`,
    title: pick(tg.label),
    what: readingOf(tg),
    fig: withError(tg.probability_met, tg.probability_met_se, 'share', result.trials),
    unitNote: t('card.probability'),
    band: ts
      ? t('card.expected', { what: what.charAt(0).toUpperCase() + what.slice(1), median: fmtErr(ts.p50, ts.p50_se), lo: fmtErr(ts.p5, ts.p5_se), hi: fmtErr(ts.p95, ts.p95_se), value: fmtInt(tg.value) })
      : null,
    extra: [
      h('p', { class: 'reading', text: t(tg.kind === 'cumulative' ? 'present.reading' : 'present.readingAnnual', { what, value: fmtInt(tg.value), year: fmtYear(tg.year) }) }),
      h('p', { class: 'when', text: tg.median_year_met != null ? t('card.medianYear', { year: fmtYear(tg.median_year_met) }) : t('card.medianYearNever') }),
      // What the target means here and why its chance is what it is, when the scenario says.
      targetNote(scenario?.targets?.[k]?.note ? pick(scenario.targets[k].note) : '', edited),
    ],
    sources: sourceLinks(scenario, tg.metric === 'employed' ? DEPENDS.employed : DEPENDS.started, [tg.source]),
    n,
  });
}

/** A running total of people (`name`) at the last year: its median and P5–P95, each to the digits its error supports. */
function countCard({ result, scenario, n, from, to }, id, name, deps, extra = () => []) {
  const s = result.series[name];
  const at = (q) => last(s?.[q]);
  const q = (k) => fmtErr(at(k), at(`${k}_se`));
  return card({
    id,
    title: t(`card.${id}`),
    what: t(`card.${id}What`, { from, to }),
    fig: withError(at('p50'), at('p50_se')),
    unitNote: `${t('card.median')}, ${t('unit.people')}`,
    band: band(q('p5'), q('p95'), String),
    extra: extra(at('p5')),
    sources: sourceLinks(scenario, deps),
    n,
  });
}

/** The cost per additional job, with the share of trials where it is undefined (no additional job). */
function costNetCard({ result, scenario, n }) {
  const cnj = result.totals?.cost_per_net_job;
  if (!cnj) return null;
  return card({
    id: 'costNet',
    title: t('card.costNet'),
    what: t('card.costNetWhat'),
    fig: withError(cnj.p50, cnj.p50_se, 'eur'),
    unitNote: `${t('card.median')}, ${t('unit.eur')}`,
    band: band(fmtErr(cnj.p5, cnj.p5_se, 'eur'), fmtErr(cnj.p95, cnj.p95_se, 'eur'), String),
    extra: cnj.undefined_share > 0 ? [h('p', { class: 'warn', text: t('card.undefinedShare', { x: fmtErr(cnj.undefined_share, cnj.undefined_share_se, 'share') }) })] : [],
    sources: sourceLinks(scenario, DEPENDS.costNet),
    n,
  });
}

/** The return per euro to all public budgets, with the chance the benefit exceeds the cost. */
function bcrCard({ result, scenario, n }) {
  const bcr = result.totals?.benefit_cost_ratio;
  if (!bcr) return null;
  const p = result.p_benefit_exceeds_cost;
  const pSe = result.p_benefit_exceeds_cost_se;
  return card({
    id: 'bcr',
    title: t('card.bcr'),
    what: t('card.bcrWhat'),
    fig: withError(bcr.p50, bcr.p50_se, 'ratio'),
    unitNote: `${t('card.median')}, ${t('unit.perEur')}`,
    band: band(fmtErr(bcr.p5, bcr.p5_se, 'ratio'), fmtErr(bcr.p95, bcr.p95_se, 'ratio'), String),
    extra: [h('p', { class: 'pbcr', text: t('card.pBcr', { p: fmtErr(p, pSe, 'share'), pm: mcBand(p, pSe, 'share', result.trials) }) }), pvLine(result, scenario), belowZero(result, bcr.p5)],
    sources: sourceLinks(scenario, DEPENDS.bcr),
    n,
  });
}

/**
 * The benefit and cost of all public budgets on one basis, so that the two
 * figures printed divide to the ratio printed beside them (null without them).
 */
function pvLine(result, scenario) {
  const pv = result.perspectives?.public?.present_value;
  const years = scenario?.fiscal?.horizon_years;
  if (!pv || !Number.isFinite(pv.ratio_of_means) || !Number.isFinite(years)) return null;
  const words = { year: fmtYear(result.years[0]), years: fmtInt(years), b: fmtErr(pv.benefit.mean, pv.benefit.mean_se, 'eur'), c: fmtErr(pv.cost.mean, pv.cost.mean_se, 'eur'), r: fmtErr(pv.ratio_of_means, result.totals?.benefit_cost_ratio?.mean_se, 'ratio') };
  return h('p', { class: 'small pv', text: t('card.pvBcr', words) });
}

/** With no budget set: the money the duos need over the years, year by year, beside the public cost. */
function budgetCard({ result, scenario, n, from, to }) {
  const bn = result.series.budget_needed_cumulative;
  if (!bn) return null;
  const cost = result.series.public_cost_cumulative;
  const eur = (x) => fmtEur(x, { compact: true });
  const years = result.years.map((y, i) => `${fmtYear(y)}: ${eur(result.series.budget_needed?.p50[i])}`).join(' · ');
  return card({
    id: 'budget',
    title: t('card.budget'),
    what: t('card.budgetWhat', { from, to }),
    value: h('span', { class: 'num', text: eur(last(bn.p50)) }),
    unitNote: `${t('card.median')}, ${t('unit.eur')}`,
    band: band(last(bn.p5), last(bn.p95), eur),
    extra: [h('p', { class: 'years', text: t('card.budgetYears', { list: years }) }), cost ? h('p', { class: 'small', text: t('card.cost', { x: eur(last(cost.p50)) }) }) : null],
    sources: sourceLinks(scenario, DEPENDS.budget, [scenario.budget?.source]),
    n,
  });
}

/** With no mentor pool set: the mentors needed in the busiest year. */
function mentorsCard({ result, scenario, n }) {
  const mn = result.series.mentors_needed;
  if (!mn) return null;
  let k = 0;
  mn.p50.forEach((x, i) => {
    if (x > mn.p50[k]) k = i;
  });
  return card({
    id: 'mentors',
    title: t('card.mentors'),
    what: t('card.mentorsWhat', { year: fmtYear(result.years[k]) }),
    fig: withError(mn.p50[k], mn.p50_se?.[k]),
    unitNote: `${t('card.median')}, ${t('unit.people')}`,
    band: band(fmtErr(mn.p5[k], mn.p5_se?.[k]), fmtErr(mn.p95[k], mn.p95_se?.[k]), String),
    sources: sourceLinks(scenario, DEPENDS.mentors),
    n,
  });
}

/**
 * The chart specifications of a result, in page order. `ghost`: the result
 * of a pinned scenario A, drawn on the fan charts under this one (B);
 * `scenario`: the scenario run, for what limits each year in the tooltips.
 */
export function chartSpecs(result, modes, width = 640, height = undefined, { ghost = null, scenario = null } = {}) {
  const hasTarget = (m) => (result.targets ?? []).some((tg) => tg.metric === m && tg.kind === 'cumulative');
  const mode = (m) => modes[m] ?? (hasTarget(m) || !(result.targets ?? []).some((tg) => tg.metric === m) ? 'cumulative' : 'annual');
  const meta = { trials: fmtInt(result.trials), seed: String(result.seed) };
  const specs = [];
  for (const [metric, titleKey, yKey] of FAN_CHARTS) {
    const m = mode(metric);
    const title = t(titleKey);
    specs.push({
      id: `fan-${metric}`,
      metric,
      mode: m,
      title,
      caption: [t('chart.fanCaption', { what: title, mode: t(`mode.${m}`), ...meta }), ghost ? t('cmp.ghost') : ''].filter(Boolean).join(' '),
      draw: (Plot) => charts.fanChart(Plot, { width, height, result, metric, cumulative: m === 'cumulative', unit: 'count', yLabel: t(yKey), label: `${title}, ${t(`mode.${m}`)}`, ghost, tipExtra: (year) => limitTip(result, scenario, year) }),
      table: () => {
        const name = m === 'cumulative' ? `${metric}_cumulative` : metric;
        const b = charts.fanTable(`${title}, ${t(`mode.${m}`)}${ghost ? ' (B)' : ''}`, charts.seriesRows(result, name), 'count');
        return ghost ? h('div', {}, b, charts.fanTable(`${title}, ${t(`mode.${m}`)} (A)`, charts.seriesRows(ghost, name), 'count')) : b;
      },
    });
  }
  if (result.targets?.length) {
    const title = t('chart.prob');
    specs.push({
      id: 'prob',
      title,
      caption: t('chart.probCaption', meta),
      legend: result.targets.map((tg) => pick(tg.label)),
      draw: (Plot) => charts.probabilityChart(Plot, { width, height, result, label: title }),
      table: () => charts.probabilityTable(title, result),
    });
  }
  const cnj = result.totals?.cost_per_net_job;
  if (cnj?.histogram) {
    const title = t('chart.costNet');
    specs.push({
      id: 'hist-cost',
      title,
      // A trial with no additional job has no cost per additional job: the bars are the other trials, and the caption says how many are left out.
      caption: [
        t('chart.histCaption', { what: t('metric.cost_per_net_job'), ...meta }),
        cnj.undefined_share > 0 ? t('chart.histUndefined', { x: fmtErr(cnj.undefined_share, cnj.undefined_share_se, 'share') }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      draw: (Plot) =>
        cnj.histogram.counts?.length
          ? charts.histogramChart(Plot, { width, height, total: cnj, unit: 'eur', xLabel: `${title} (EUR)`, label: title })
          : h('p', { class: 'chart-empty', text: t('chart.histNone') }),
      table: () => charts.histogramTable(title, cnj, 'eur'),
    });
  }
  const bcr = result.totals?.benefit_cost_ratio;
  if (bcr?.histogram) {
    const title = t('chart.bcr');
    specs.push({
      id: 'hist-bcr',
      title,
      caption: t('chart.bcrCaption', { p: fmtErr(result.p_benefit_exceeds_cost, result.p_benefit_exceeds_cost_se, 'share'), ...meta }),
      draw: (Plot) => charts.histogramChart(Plot, { width, height, total: bcr, unit: 'ratio', xLabel: t('axis.ratio'), label: title, reference: 1 }),
      table: () => charts.histogramTable(title, bcr, 'ratio'),
    });
  }
  return specs;
}

const CSV_QUANTILES = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

function csvCell(x) {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number') return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : '';
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The yearly quantiles of every series as CSV (machine-readable: "." decimals,
 * no grouping), with the scenario, trial count and seed on every row.
 */
export function quantilesCsv(result) {
  const rows = [['scenario_id', 'trials', 'seed', 'series', 'year', ...CSV_QUANTILES]];
  for (const [name, s] of Object.entries(result.series)) {
    result.years.forEach((y, i) => rows.push([result.scenario_id, result.trials, result.seed, name, y, ...CSV_QUANTILES.map((q) => s[q]?.[i])]));
  }
  for (const [name, s] of Object.entries(result.totals ?? {})) {
    rows.push([result.scenario_id, result.trials, result.seed, `total_${name}`, '', ...CSV_QUANTILES.map((q) => s[q])]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export { fmtBy };
