// The answer in words: three or four sentences built from a run's result, in
// the reader's language, that a reader can paste into a note ("With €2.2M a
// year, about 4,118 duos start from 2025 to the end of 2028 (P5–P95: 3,789 to
// 4,430). ..."). Every figure is printed to the digits its Monte Carlo error
// supports (printed.js, the engine's rule), with its P5–P95 band or, for a
// chance, its Monte Carlo band; the evidence prior is named. No DOM: the page
// draws it (page/answer.js), a quick answer as well as a full one.

import { t, pick, fmtEur, fmtYear, fmtList } from './i18n.js';
import { printed } from './schema.js';
import { fmtErr, withError } from './printed.js';
import { priorEntry } from './accounts.js';

const last = (a) => (a && a.length ? a[a.length - 1] : undefined);
const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/**
 * Euros in words, to the digits the error `se` supports: a sum of a million
 * or more in millions ("€8.548M", "8,548 M €"), with as many decimals as the
 * printed figure keeps; below, whole euros ("€62,400"). "–" when undefined.
 */
export function eurWords(x, se) {
  const p = printed(x, se);
  if (!p) return '–';
  const v = p.value;
  if (Math.abs(v) < 1e6 || p.decimals > 0) return fmtErr(x, se, 'eur');
  // The digits the figure keeps: its trailing zeros were rounded away.
  let kept = 0;
  for (let unit = 1e6; unit >= 1 && kept < 6; unit /= 10) {
    if (Math.round(v / unit) * unit === v) break;
    kept += 1;
  }
  return fmtEur(v, { compact: true, digits: kept });
}

/** "P5–P95: a to b" from two already formatted ends. */
const band = (lo, hi) => t('card.band', { lo, hi });

/** A series at its last year: {p5, p50, p95} and their standard errors. */
function lastYear(result, name) {
  const s = result?.series?.[name];
  if (!s) return null;
  const q = (k) => last(s[k]);
  return { p5: q('p5'), p50: q('p50'), p95: q('p95'), p5_se: q('p5_se'), p50_se: q('p50_se'), p95_se: q('p95_se') };
}

/** A count with its P5–P95 band: {n, band}. */
function count(s) {
  return { n: fmtErr(s.p50, s.p50_se), band: band(fmtErr(s.p5, s.p5_se), fmtErr(s.p95, s.p95_se)) };
}

/** The money the scenario sets, as the sentence opens: "With €2.2M a year". */
export function budgetWords(budget) {
  if (!budget || budget.unlimited) return t('answer.budget.unlimited');
  if (finite(budget.constant)) return t('answer.budget.constant', { x: fmtEur(budget.constant, { compact: true }) });
  if (Array.isArray(budget.per_year)) return t('answer.budget.list', { x: fmtEur(budget.per_year.reduce((a, b) => a + b, 0), { compact: true }) });
  return t('answer.budget.unlimited');
}

/** A chance with its Monte Carlo band, or with the bound the trials allow when none or all of them met it. */
function chance(p, se, trials) {
  const { value, band: b, bound } = withError(p, se, 'share', trials);
  if (bound) return `${value} (${bound})`;
  return b == null ? value : `${value} (± ${b})`;
}

/** The name of the evidence prior the scenario's counterfactual is, or null when it was set by hand. */
function priorName(scenario, priors) {
  const entry = priorEntry(scenario?.counterfactual, priors ?? []);
  return entry ? pick(entry.name) : null;
}

/**
 * The answer of `result` (a run of `scenario`) in sentences, in the current
 * language: [{id, text}], id 'started', 'takes' (no budget set), 'targets', 'employed', 'cost'; a
 * sentence whose figures the result lacks is left out. `priors`: the
 * engine's named evidence priors.
 */
export function answerSentences(result, scenario, { priors = [] } = {}) {
  if (!result?.years?.length) return [];
  const from = fmtYear(result.years[0]);
  const to = fmtYear(last(result.years));
  const out = [];

  const started = lastYear(result, 'duos_started_cumulative');
  if (started && finite(started.p50)) {
    const c = count(started);
    out.push({ id: 'started', text: t('answer.started', { budget: budgetWords(scenario?.budget), n: c.n, band: c.band, from, to }) });
  }

  // With no budget set, what it takes comes next: the money over the years and the mentors in the busiest year.
  const needed = lastYear(result, 'budget_needed_cumulative');
  const mentors = result.series?.mentors_needed;
  if (scenario?.budget?.unlimited && needed && finite(needed.p50) && mentors?.p50?.length) {
    const k = mentors.p50.reduce((best, x, i) => (x > mentors.p50[best] ? i : best), 0);
    const m = count({ p50: mentors.p50[k], p50_se: mentors.p50_se?.[k], p5: mentors.p5[k], p5_se: mentors.p5_se?.[k], p95: mentors.p95[k], p95_se: mentors.p95_se?.[k] });
    out.push({
      id: 'takes',
      text: t('answer.takes', { cost: eurWords(needed.p50, needed.p50_se), band: band(eurWords(needed.p5, needed.p5_se), eurWords(needed.p95, needed.p95_se)), from, to, mentors: m.n, mentorsBand: m.band, year: fmtYear(result.years[k]) }),
    });
  }

  const targets = result.targets ?? [];
  if (targets.length) {
    const items = targets.map((tg) => t('answer.target', { label: pick(tg.label), p: chance(tg.probability_met, tg.probability_met_se, result.trials) }));
    out.push({ id: 'targets', text: t(targets.length === 1 ? 'answer.targetOne' : 'answer.targets', { list: items.length === 1 ? items[0] : fmtList(items) }) });
  }

  const employed = lastYear(result, 'employed_cumulative');
  const net = lastYear(result, 'net_additional_employed_cumulative');
  if (employed && net && finite(employed.p50) && finite(net.p50)) {
    const e = count(employed);
    const n = count(net);
    const prior = priorName(scenario, priors);
    const key = prior ? 'answer.employed' : 'answer.employedCustom';
    out.push({ id: 'employed', text: t(key, { n: e.n, band: e.band, net: n.n, netBand: n.band, to, prior: prior ?? '' }) });
  }

  const cost = lastYear(result, 'public_cost_cumulative');
  const cnj = result.totals?.cost_per_net_job;
  if (cost && finite(cost.p50)) {
    const spent = { cost: eurWords(cost.p50, cost.p50_se), band: band(eurWords(cost.p5, cost.p5_se), eurWords(cost.p95, cost.p95_se)), from, to };
    let job = '';
    if (cnj) {
      const share = cnj.undefined_share > 0 ? fmtErr(cnj.undefined_share, cnj.undefined_share_se, 'share') : null;
      if (!finite(cnj.p50)) job = t('answer.jobNone', { share: share ?? '–' });
      else if (!finite(cnj.p95) || !finite(cnj.p5)) job = t('answer.jobOpen', { x: eurWords(cnj.p50, cnj.p50_se), lo: eurWords(cnj.p5, cnj.p5_se), share: share ?? '–' });
      else {
        const b = band(eurWords(cnj.p5, cnj.p5_se), eurWords(cnj.p95, cnj.p95_se));
        job = share ? t('answer.jobSome', { x: eurWords(cnj.p50, cnj.p50_se), band: b, share }) : t('answer.job', { x: eurWords(cnj.p50, cnj.p50_se), band: b });
      }
    }
    out.push({ id: 'cost', text: t(job ? 'answer.costJob' : 'answer.cost', { ...spent, job }) });
  }
  return out;
}

/** The answer as one paragraph of text. */
export function answerText(result, scenario, options) {
  return answerSentences(result, scenario, options)
    .map((s) => s.text)
    .join(' ');
}
