// The uncertain inputs of a scenario ("parameters"): where they are, what
// distributions they may take, and short summaries of them.

import { t, has, fmtNum, fmtPct, fmtEur } from './i18n.js';
import { getPath } from './state.js';

/** Every parameter path the scenario format defines, in the order the page lists them. */
export const PARAM_PATHS = [
  'cost_per_duo',
  'cost_indexation',
  'fixed_cost',
  'realisation',
  'mentors.pool.initial',
  'mentors.pool.recruits_per_year',
  'mentors.pool.retention',
  'mentors.duos_per_mentor_year',
  'outcomes.dropout',
  'outcomes.employed',
  'outcomes.permanent_share',
  'outcomes.self_employed',
  'outcomes.training',
  'baseline_rate',
  'esf_share',
  'fiscal.benefit_saved_month',
  'fiscal.contributions_month',
  'fiscal.months_in_work_first_year',
  'fiscal.employment_decay',
  'fiscal.discount_rate',
  'fiscal.volunteer_hours_per_duo',
  'fiscal.shadow_wage_hour',
];

/** How a parameter's values read: a share (0–1), euros, or a plain number. */
export const PARAM_UNIT = {
  cost_per_duo: 'eur',
  fixed_cost: 'eur',
  'fiscal.benefit_saved_month': 'eur',
  'fiscal.contributions_month': 'eur',
  'fiscal.shadow_wage_hour': 'eur',
  cost_indexation: 'share',
  realisation: 'share',
  'mentors.pool.retention': 'share',
  'outcomes.dropout': 'share',
  'outcomes.employed': 'share',
  'outcomes.permanent_share': 'share',
  'outcomes.self_employed': 'share',
  'outcomes.training': 'share',
  baseline_rate: 'share',
  esf_share: 'share',
  'fiscal.employment_decay': 'share',
  'fiscal.discount_rate': 'share',
};

export const DIST_FIELDS = {
  fixed: ['value'],
  beta: ['events', 'non_events'],
  pert: ['min', 'mode', 'max'],
  triangular: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['p5', 'p95'],
};
export const DIST_KINDS = Object.keys(DIST_FIELDS);
export const META_FIELDS = ['source', 'assumption', 'note'];

/** The paths of the parameters present in a scenario (a pool may be "unlimited"). */
export function paramPaths(scenario) {
  return PARAM_PATHS.filter((p) => getPath(scenario, p) !== undefined);
}

export function paramLabel(path) {
  return has(`param.${path}`) ? t(`param.${path}`) : path;
}

/** A parameter in object form: a bare number becomes {dist: 'fixed', value}. */
export function normalise(p) {
  if (typeof p === 'number') return { dist: 'fixed', value: p };
  if (p && typeof p === 'object') return p;
  return { dist: 'fixed', value: NaN };
}

/** The centre of a distribution (mean; median for the lognormal), for summaries. */
export function centre(p) {
  const d = normalise(p);
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'beta':
      return d.events / (d.events + d.non_events);
    case 'pert':
      return (d.min + 4 * d.mode + d.max) / 6;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.sqrt(d.p5 * d.p95);
    default:
      return NaN;
  }
}

/** The range a reader should see: the bounds, or a rough 90 % interval. */
export function spread(p) {
  const d = normalise(p);
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'beta': {
      const n = d.events + d.non_events;
      const m = d.events / n;
      const sd = Math.sqrt((m * (1 - m)) / (n + 1));
      return [Math.max(0, m - 1.645 * sd), Math.min(1, m + 1.645 * sd)];
    }
    case 'pert':
    case 'triangular':
    case 'uniform':
      return [d.min, d.max];
    case 'normal':
      return [d.mean - 1.645 * d.sd, d.mean + 1.645 * d.sd];
    case 'lognormal':
      return [d.p5, d.p95];
    default:
      return [NaN, NaN];
  }
}

export function fmtParamValue(path, x) {
  const unit = PARAM_UNIT[path];
  if (unit === 'eur') return fmtEur(x);
  if (unit === 'share') return fmtPct(x, 1);
  return fmtNum(x, 2);
}

/** One line such as "Beta from counts: mean 63.0 %, 61.5 % to 64.5 %". */
export function describe(path, p) {
  const d = normalise(p);
  const kind = t(`distShort.${d.dist}`);
  if (d.dist === 'fixed') return `${kind}: ${fmtParamValue(path, d.value)}`;
  const [lo, hi] = spread(d);
  const fields = (DIST_FIELDS[d.dist] ?? []).map((f) => `${t(`field.${f}`)} ${d.dist === 'beta' ? fmtNum(d[f], 1) : fmtParamValue(path, d[f])}`);
  return `${kind} (${fields.join(', ')}): ${t('dist.meanIs', { x: fmtParamValue(path, centre(d)) })}, ${t('dist.range', { lo: fmtParamValue(path, lo), hi: fmtParamValue(path, hi) })}`;
}

/**
 * A parameter of another kind with about the same centre and spread, keeping
 * its source, assumption flag and note, for when the reader switches kinds.
 */
export function convert(p, kind) {
  const d = normalise(p);
  const m = centre(d);
  const [lo, hi] = spread(d);
  const w = Math.max(hi - lo, Math.abs(m) * 0.2, 1e-9);
  const meta = {};
  for (const k of META_FIELDS) if (d[k] !== undefined) meta[k] = d[k];
  const r = (x) => Number(x.toPrecision(6));
  switch (kind) {
    case 'fixed':
      return { dist: 'fixed', value: r(m), ...meta };
    case 'beta': {
      const mm = Math.min(0.99, Math.max(0.01, m));
      return { dist: 'beta', events: r(mm * 100), non_events: r((1 - mm) * 100), ...meta };
    }
    case 'pert':
    case 'triangular':
      return { dist: kind, min: r(m - w / 2), mode: r(m), max: r(m + w / 2), ...meta };
    case 'uniform':
      return { dist: 'uniform', min: r(m - w / 2), max: r(m + w / 2), ...meta };
    case 'normal':
      return { dist: 'normal', mean: r(m), sd: r(w / 3.29), ...meta };
    case 'lognormal':
      return { dist: 'lognormal', p5: r(Math.max(m - w / 2, m / 2, 1e-6)), p95: r(m + w / 2), ...meta };
    default:
      return d;
  }
}
