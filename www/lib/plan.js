// What the engine's plan() found, as words and numbers (no DOM): the answer in
// one sentence, each target's chance with its Monte Carlo band, what holds a
// plan back when none fits, the table's rows and the cost. The page
// (page/plan.js) draws them; nothing here searches or runs anything.
//
// The plan's own figures (intake, money, recruits) are decisions, not
// estimates: they are shown rounded to what a budget line would say. The duos
// a plan starts are estimates over trials: a median with its P5-P95.

import { t, fmtInt, fmtEur, fmtPct, pick } from './i18n.js';
import { fmtShareBand } from './decide.js';
import { limits } from './schema.js';

/** The default largest recruitment a year, for the form's first value: the engine's (its schema's limits, EVIDENCE E26). */
export function planMaxRecruits() {
  return limits().plan_max_recruits_default;
}
/** The bounds of the form's largest recruitment a year. */
export const PLAN_RECRUITS_RANGE = Object.freeze([1, 100_000]);

/** A whole count rounded to three significant figures (a plan's intake, recruits, mentors). */
export function roundPlan(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return x;
  if (Math.abs(x) < 1000) return Math.round(x);
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / step) * step;
}

const count = (x) => fmtInt(roundPlan(x));
const money = (x) => fmtEur(roundPlan(x), { compact: true });

/**
 * The request the page sends: the targets (positions from 0), the confidence,
 * the largest recruitment a year and the levers held. Returns {request} or
 * {error} (a sentence for the field at fault).
 */
export function planRequest({ targets, confidence, maxRecruits, keepBudget }) {
  if (!targets.length) return { error: t('plan.noTarget'), field: 'targets' };
  const [lo, hi] = PLAN_RECRUITS_RANGE;
  if (!Number.isInteger(maxRecruits) || maxRecruits < lo || maxRecruits > hi) return { error: t('plan.badRecruits'), field: 'maxRecruits' };
  return { request: { targets: [...targets].sort((a, b) => a - b), confidence, max_recruits: maxRecruits, fixed: keepBudget ? ['budget'] : [] } };
}

/** Why no plan fits, in a sentence (the engine's `binding`). */
function bindingText(b) {
  if (!b) return null;
  if (b.constraint === 'max_recruits') {
    return b.needed == null
      ? t('plan.binding.max_recruitsBare', { allowed: count(b.allowed) })
      : t('plan.binding.max_recruits', { needed: count(b.needed), year: String(b.year), allowed: count(b.allowed) });
  }
  if (b.constraint === 'time') return t('plan.binding.time', { x: fmtInt(b.allowed), year: String(b.year) });
  return t(`plan.binding.${b.constraint}`);
}

/**
 * The plan as sentences and rows: {met, answer, detail, targets[], why, cost,
 * perJob, rows[], capped, meta}. `labels[k]`: the reader's words for target k
 * (from 0), from the run on screen.
 */
export function planText(plan, labels = []) {
  const n = plan.targets.length;
  const conf = fmtPct(plan.confidence, 0);
  const what = n === 1 ? t('plan.metOne') : n === 2 ? t('plan.metBoth') : t('plan.metAll', { n: fmtInt(n) });
  const p = fmtShareBand(plan.probability, plan.probability_se, plan.trials);
  const years = plan.years;
  const recruits = years.map((y) => y.recruits).filter((r) => typeof r === 'number');
  const total = years.reduce((a, y) => a + (y.budget ?? 0), 0);
  const limited = years.every((y) => typeof y.budget === 'number');
  // The year of the largest planned intake.
  const peak = years.reduce((a, y) => (y.intake > a.intake ? y : a), years[0]);
  const sums = {
    money: limited ? money(total) : t('plan.unlimited'),
    years: fmtInt(years.length),
    // At the cap, the sentence says so: the cap is an assumption, not what the plan would want.
    recruits: !recruits.length ? '' : t(Math.max(...recruits) >= plan.max_recruits ? 'plan.atCap' : 'plan.busiest', { n: count(Math.max(...recruits)) }),
    intake: count(peak.intake),
    year: String(peak.year),
  };
  const answer = plan.met
    ? t(recruits.length ? 'plan.headline' : 'plan.headlineNoMentors', sums)
    : t('plan.notMet', { what, conf, p });
  // Each target's own chance, where there are several (with one, the answer's is its own).
  const targets = n < 2 ? [] : plan.targets.map((tg) => t('plan.target', { label: labels[tg.target - 1] ?? tg.label, p: fmtShareBand(tg.probability, tg.probability_se, plan.trials) }));
  return {
    met: plan.met,
    answer,
    detail: plan.met ? t('plan.met', { what, p, conf }) : null,
    targets,
    why: plan.met ? null : bindingText(plan.binding),
    cost: t('plan.cost', { x: money(plan.public_cost_p50), lo: money(plan.public_cost_p5), hi: money(plan.public_cost_p95) }),
    perJob: plan.cost_per_net_job_p50 == null ? t('plan.perJobNone') : t('plan.perJob', { x: fmtEur(roundPlan(plan.cost_per_net_job_p50)) }),
    rows: years.map((y) => ({
      year: String(y.year),
      duos: `${count(y.duos_p50)} (${count(y.duos_p5)}–${count(y.duos_p95)})`,
      intake: count(y.intake),
      budget: typeof y.budget === 'number' ? money(y.budget) : t('plan.unlimited'),
      recruits: typeof y.recruits === 'number' ? count(y.recruits) : '–',
      capped: typeof y.recruits_needed === 'number' ? t('plan.capped', { n: count(y.recruits_needed) }) : null,
      mentors: count(y.mentors_active_p50),
      limit: t('plan.limit', { what: t(`plan.limit.${y.limit}`), p: fmtPct(y.limit_share, 0) }),
    })),
    meta: t('plan.meta', { trials: fmtInt(plan.trials), seed: String(plan.seed), max: count(plan.max_recruits) }),
    name: plan.scenario?.name ? pick(plan.scenario.name) : '',
  };
}
