// What a run says about who gains: the named evidence priors of the
// counterfactual (which one a scenario uses, the fragment that sets one), the
// break-even sentences and the accounts by perspective. Words and numbers
// only, no DOM: the page (page/impact.js) and the widget draw them.
//
// The priors themselves are the engine's (`priors()`: id, form, source,
// names and notes in three languages, and the scenario fragment to set);
// nothing here writes down a distribution.

import { t, fmtInt, fmtEur, fmtEurIn, eurScale, fmtPct, fmtPoints } from './i18n.js';
import { fmtErr, withError } from './printed.js';
import { clone } from './state.js';
import { normalise, META_FIELDS } from './params.js';

/** The perspectives of the engine's accounts, in the order a reader meets them (the schema's `perspectives`, which a unit test holds this to: the widget reads its lead from the address before the engine loads). */
export const PERSPECTIVES = Object.freeze(['region', 'eu', 'federal', 'local', 'participants', 'public', 'society', 'wellbeing']);

/** The prior a sceptical reviewer would accept, and the engine's default. */
export const DEFAULT_PRIOR = 'independent-evaluations';

/** The id chosen when the counterfactual matches no named prior. */
export const CUSTOM = 'custom';

const FORMS = ['effect', 'baseline', 'odds_ratio'];
const form = (cf) => FORMS.find((f) => cf?.[f] !== undefined) ?? null;

/** A distribution without what only describes it (source, assumption, note). */
function shape(p) {
  const d = { ...normalise(p) };
  for (const k of META_FIELDS) delete d[k];
  return JSON.stringify(Object.keys(d).sort().map((k) => [k, d[k]]));
}

/** The form and distribution of a counterfactual, as a key two equal priors share. */
function key(cf) {
  const f = form(cf);
  return f ? `${f}:${shape(cf[f])}` : null;
}

/** The named prior whose numbers a counterfactual has (whatever it calls itself), or undefined. */
function matching(counterfactual, priors) {
  const k = key(counterfactual);
  return k ? priors.find((p) => key(p.counterfactual) === k) : undefined;
}

/**
 * The id of the named prior a scenario's counterfactual is, or CUSTOM when
 * its numbers were edited (or it names no prior and matches none). A prior
 * is recognised by its form and its distribution; source and note may differ.
 */
export function priorOf(counterfactual, priors) {
  if (!key(counterfactual)) return CUSTOM;
  const named = priors.find((p) => p.id === counterfactual.prior);
  if (named) return key(named.counterfactual) === key(counterfactual) ? named.id : CUSTOM;
  return matching(counterfactual, priors)?.id ?? CUSTOM;
}

/**
 * The counterfactual to set for prior `id`: the base scenario's own when it
 * is already that prior (so choosing it again leaves no edit in the link),
 * else the engine's fragment without its note (the note is the engine's, in
 * English; the page shows it in the reader's language from the prior, and a
 * link stays short). Null for an unknown id.
 */
export function priorFragment(id, priors, base) {
  const prior = priors.find((p) => p.id === id);
  if (!prior) return null;
  if (base?.counterfactual && priorOf(base.counterfactual, priors) === id) return clone(base.counterfactual);
  const fragment = clone(prior.counterfactual);
  for (const f of FORMS) if (fragment[f] && typeof fragment[f] === 'object') delete fragment[f].note;
  return fragment;
}

/** The named prior a scenario's counterfactual is (the engine's entry), or null when custom. */
export function priorEntry(counterfactual, priors) {
  const id = priorOf(counterfactual, priors);
  return priors.find((p) => p.id === id) ?? null;
}

/** "P5–P95: a to b" for two values and a formatter. */
const band = (lo, hi, f) => t('card.band', { lo: f(lo), hi: f(hi) });

const defined = (s) => s && typeof s.p50 === 'number' && Number.isFinite(s.p50);

/**
 * The break-even sentences of a result: {public, region, cost} (each a
 * string, or null when the result lacks it). `public`: the smallest effect
 * at which mentoring pays back to all public budgets, against the effect
 * the chosen evidence gives; `region`: the Region's, which is "never" while
 * nothing comes back to it; `cost`: the largest cost per duo that pays back;
 * `persistence`: the share of the additional employment that must last from
 * one year to the next for it to pay back to all public budgets, within the
 * scenario's horizon (`scenario.fiscal.horizon_years`, 10 when not given).
 */
export function breakEvenText(result, scenario = null) {
  const be = result?.break_even;
  const effect = result?.counterfactual?.effect;
  const out = { public: null, region: null, cost: null, persistence: null };
  if (!be) return out;
  const ev = defined(effect) ? { e: fmtPoints(effect.p50), elo: fmtPoints(effect.p5), ehi: fmtPoints(effect.p95) } : null;
  const pub = be.public?.effect;
  if (defined(pub)) {
    out.public = t(ev ? 'breakEven.public' : 'breakEven.publicNoEffect', { x: fmtPoints(pub.p50), band: band(pub.p5, pub.p95, fmtPoints), ...ev });
  } else if (be.public) {
    out.public = t('breakEven.publicNever', ev ?? { e: '–', elo: '–', ehi: '–' });
  }
  const reg = be.region?.effect;
  if (defined(reg)) out.region = t('breakEven.regionAt', { x: fmtPoints(reg.p50), band: band(reg.p5, reg.p95, fmtPoints) });
  else if (be.region) out.region = t('breakEven.regionNever');
  const cost = be.public?.cost_per_duo;
  if (defined(cost)) out.cost = t('breakEven.cost', { x: fmtEur(cost.p50), band: band(cost.p5, cost.p95, (x) => fmtEur(x)) });
  out.persistence = persistenceText(be.public?.persistence, scenario?.fiscal?.horizon_years ?? 10);
  return out;
}

/**
 * The break-even persistence (the share of the additional employment that
 * must last from one year to the next for mentoring to pay back to all
 * public budgets) in words, with its band and the share of trials where
 * even all of it lasting does not pay back; null when the result lacks it.
 */
function persistenceText(p, years) {
  if (!p || typeof p !== 'object') return null;
  const pct = (x) => (typeof x === 'number' && Number.isFinite(x) ? fmtPct(x) : t('breakEven.never'));
  const words = { band: band(p.p5, p.p95, pct), never: fmtPct(p.undefined_share ?? 0), years: fmtInt(years) };
  if (defined(p)) return t('breakEven.persistence', { x: fmtPct(p.p50), ...words });
  return t('breakEven.persistenceNever', words);
}

/** A chance with its 95 % Monte Carlo band, short for a table cell ("93% ± 0.5 pts"; the column says what ± is), or with its bound when no trial or every trial showed it. */
function chanceText(p, se, trials) {
  if (typeof p !== 'number') return t('persp.noChance');
  const { value, band, bound } = withError(p, se, 'share', trials);
  if (bound) return `${value} (${bound})`;
  return band == null ? value : `${value} ± ${band}`;
}

/**
 * The accounts of a result as rows of text, one per perspective present:
 * {id, label, what, net, band, ratio, chance, p, se, median, p5, p95}.
 */
export function perspectiveRows(result) {
  const ps = result?.perspectives ?? {};
  // One scale for the whole column of money.
  const scale = eurScale(PERSPECTIVES.filter((id) => ps[id]).flatMap((id) => ['p5', 'p50', 'p95'].map((q) => ps[id].net?.[q])));
  const eur = (x) => fmtEurIn(x, scale);
  return PERSPECTIVES.filter((id) => ps[id]).map((id) => {
    const a = ps[id];
    const net = a.net ?? {};
    const bcr = a.benefit_cost_ratio;
    return {
      id,
      label: t(`persp.${id}`),
      what: t(`persp.what.${id}`),
      net: eur(net.p50),
      band: t('persp.range', { lo: eur(net.p5), hi: eur(net.p95) }),
      ratio: defined(bcr) ? fmtErr(bcr.p50, bcr.p50_se, 'ratio') : t('persp.noRatio'),
      chance: id === 'wellbeing' ? t('persp.apart') : chanceText(a.p_benefit_exceeds_cost, a.p_benefit_exceeds_cost_se, result.trials),
      p: a.p_benefit_exceeds_cost,
      se: a.p_benefit_exceeds_cost_se,
      median: net.p50,
      p5: net.p5,
      p95: net.p95,
    };
  });
}

/** The caption of the accounts (what, unit, prices, discounting, trials and seed). */
export function accountsCaption(result, scenario) {
  const rate = normalise(scenario?.fiscal?.discount_rate);
  const r = rate.dist === 'fixed' ? fmtPct(rate.value, 1) : t('persp.rateDrawn');
  return t('persp.caption', { year: String(result.years?.[0] ?? scenario?.start_year ?? ''), rate: r, trials: fmtInt(result.trials), seed: String(result.seed) });
}

/**
 * The counterfactual with its `prior` set to the named prior its numbers are,
 * or without one when they are none (an edited effect must not carry the
 * name of the evidence it left); null when nothing needs to change.
 */
export function reconcilePrior(counterfactual, priors) {
  if (!counterfactual || typeof counterfactual !== 'object') return null;
  const want = matching(counterfactual, priors)?.id;
  if (counterfactual.prior === want) return null;
  const { prior: _old, ...rest } = counterfactual;
  return want ? { prior: want, ...rest } : rest;
}
