// A programme's partners in the reader's words: what each delivers over the
// run and at what cost, each figure to the digits its Monte Carlo error
// supports with its P5–P95 band, on the same trials as the programme's
// answer (the engine's `partners`, in the scenario's order).

import { t, pick, fmtPct, fmtYear, fmtNum } from './i18n.js';
import { withError, fmtErr } from './printed.js';

/** The figures a partner's row gives: [key, series or total, unit]. */
export const PARTNER_FIGURES = [
  ['duos', 'duos_started_cumulative', 'count'],
  ['employed', 'employed_cumulative', 'count'],
  ['net', 'net_additional_employed_cumulative', 'count'],
  ['costDuo', 'cost_per_duo', 'eur'],
  ['costNet', 'cost_per_net_job', 'eur'],
];

/**
 * The median (to the digits its error supports) and its P5–P95 band, of a
 * series' last year or of a total; `open` when the total has no P95 (it is
 * undefined, say no additional person in work, in more than 5 % of trials).
 */
function figureOf(p, key, unit) {
  const s = p.series[key];
  const at = (q) => (s ? s[q]?.at(-1) : p.totals[key]?.[q]);
  const [p50, se, p5, p95] = [at('p50'), at('p50_se'), at('p5'), at('p95')];
  const f = (x, e) => (typeof x === 'number' && Number.isFinite(x) ? fmtErr(x, e, unit) : null);
  const median = typeof p50 === 'number' && Number.isFinite(p50) ? withError(p50, se, unit).value : null;
  const lo = f(p5, at('p5_se'));
  const hi = f(p95, at('p95_se'));
  let band;
  if (lo && hi) band = t('partners.band', { lo, hi });
  else if (lo) band = t('partners.bandOpen', { lo });
  else band = t('card.bandNone');
  return { median: median ?? t('partners.undefined'), band, open: Boolean(lo && !hi), value: p50 ?? null, p5: p5 ?? null, p95: p95 ?? null };
}

/**
 * One row per partner of a result of a programme of partners (none when it
 * has none): {id, name, serves, share, noResults, figures: {key: {median,
 * band, value, p5, p95}}}.
 */
export function partnerRows(result, scenario) {
  const partners = scenario?.partners ?? [];
  return partners
    .filter((q) => result?.partners?.[q.id])
    .map((q) => {
      const p = result.partners[q.id];
      const figures = Object.fromEntries(PARTNER_FIGURES.map(([key, name, unit]) => [key, figureOf(p, name, unit)]));
      return {
        id: q.id,
        name: pick(q.name) || q.id,
        serves: pick(q.serves) || '',
        share: q.budget ? t('partners.ownBudget') : fmtPct(q.budget_share, Number.isInteger(Math.round(q.budget_share * 1e6) / 1e4) ? 0 : 1),
        noResults: Boolean(q.no_published_results),
        figures,
      };
    });
}

/** The table's caption: what the rows are, on which trials, by which year. */
export function partnersCaption(result) {
  return t('partners.caption', { year: fmtYear(result.years.at(-1)) });
}

/** The parameters a partner sets itself, as [path, value] in a scenario's paths (`outcomes.employed`). */
export function partnerParams(q) {
  const own = [];
  for (const key of ['cost_per_duo', 'realisation']) if (q[key] != null) own.push([key, q[key]]);
  for (const [key, v] of Object.entries(q.outcomes ?? {})) own.push([`outcomes.${key}`, v]);
  for (const [key, v] of Object.entries(q.counterfactual ?? {})) if (v && typeof v === 'object') own.push([`counterfactual.${key}`, v]);
  return own;
}

/**
 * Shares typed in percent (strings or numbers), read as a split: {shares}
 * adding up to 1, or {error} saying what is wrong (the sum, in percent).
 */
export function readShares(values) {
  const pct = values.map((v) => Number(String(v).replace(',', '.')));
  const bad = pct.findIndex((x) => !Number.isFinite(x) || x < 0 || x > 100);
  if (bad >= 0) return { error: t('split.sumError', { sum: '–' }), index: bad };
  const sum = pct.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 0.05) return { error: t('split.sumError', { sum: fmtNum(sum, 1) }), index: 0 };
  const shares = pct.map((x) => x / 100);
  const rest = 1 - shares.reduce((a, b) => a + b, 0);
  shares[shares.length - 1] += rest; // exactly 1, the rounding on the last
  return { shares };
}

/** An answer of the engine's split() in words: the goal's figure under A and B on fresh trials, each with its band. */
export function splitFigures(answer) {
  const chance = answer.goal?.chance !== undefined;
  const f = ({ value, se }) => {
    const w = withError(value, se, chance ? 'share' : 'eur', answer.trials);
    return w.bound ? `${w.value} (${w.bound})` : `${w.value}${w.band ? ` ± ${w.band}` : ''}`;
  };
  return { a: f(answer.a_check), b: f(answer.b_check) };
}

/**
 * What knowing each partner's own results is worth to all public budgets
 * (the engine's `evppi_partner`), as sentences a partner with its band, or
 * one sentence saying why it is worth nothing; [] without partners.
 */
export function partnerWorthText(voi, partners = []) {
  const value = voi?.evppi_partner;
  if (!value || !partners.length) return [];
  const p = voi.p_pays_back?.public;
  if (p === 0) return [{ id: 'none', text: t('value.partnersNever') }];
  if (p === 1) return [{ id: 'none', text: t('value.partnersAlways') }];
  return partners
    .filter((q) => value[q.id])
    .map((q) => {
      const name = pick(q.name) || q.id;
      const x = value[q.id].public ?? 0;
      const se = voi.evppi_partner_se?.[q.id]?.public ?? 0;
      const w = withError(x, se, 'eur');
      const text = x === 0 ? t('value.partnerZero', { name }) : t('value.partnerWorth', { name, x: w.band == null ? w.value : `${w.value} ± ${w.band}` });
      return { id: q.id, text: text + (q.no_published_results ? t('value.partnerShared') : '') };
    });
}
