// What the decision tools say, as words and numbers (no DOM): the levers a
// scenario can move and what the engine's solve() found, the mentors a plan
// needs, what drives an answer (the tornado's rows and caption), what
// evidence is worth, and B against A. The page (page/decide.js) draws them.
//
// The numbers are the engine's (solve, compare, valueOfInformation and a
// run's sensitivity); nothing here searches, draws or ranks anything.

import { t, pick, fmtInt, fmtEur, fmtNum, fmtPct, fmtPoints, fmtRatio, fmtBy } from './i18n.js';
import { paramLabel } from './params.js';
import { shareBound, withError } from './printed.js';
import { paramSummary, printedBound, schema } from './schema.js';

/** The levers solve() can move, in the order a reader meets them. */
export const LEVERS = Object.freeze(['budget', 'recruits', 'intake', 'cost']);

/** The confidence asked by default, and the choices offered. */
export const DEFAULT_CONFIDENCE = 0.8;
export const CONFIDENCES = Object.freeze([0.5, 0.67, 0.8, 0.9, 0.95]);

const limitedPool = (s) => {
  const p = s?.mentors?.pool;
  return Boolean(p && typeof p === 'object' && p.recruits_per_year);
};

/** The levers that mean something for a scenario: recruits only where the mentor pool is limited. */
export function leversFor(scenario) {
  return LEVERS.filter((l) => l !== 'recruits' || limitedPool(scenario));
}

const meanOf = (path, param) => {
  try {
    return paramSummary(path, param)?.mean;
  } catch {
    return undefined;
  }
};

/** The lever's value in the scenario as it is (null when it has none: an unlimited budget). */
export function currentLever(scenario, lever) {
  switch (lever) {
    case 'budget': {
      const b = scenario?.budget ?? {};
      if (b.unlimited) return null;
      return typeof b.constant === 'number' ? b.constant : Array.isArray(b.per_year) ? (b.per_year[0] ?? null) : null;
    }
    case 'recruits':
      return limitedPool(scenario) ? (meanOf('mentors.pool.recruits_per_year', scenario.mentors.pool.recruits_per_year) ?? null) : null;
    case 'intake':
      return 1;
    case 'cost':
      return scenario?.cost_per_duo === undefined ? null : (meanOf('cost_per_duo', scenario.cost_per_duo) ?? null);
    default:
      return null;
  }
}

/** A lever's value with its unit, in the reader's format ("2,2 M € par an"). */
export function fmtLever(lever, x) {
  switch (lever) {
    case 'budget':
      return t('lever.value.budget', { x: fmtEur(x, { compact: true }) });
    case 'recruits':
      return t('lever.value.recruits', { x: fmtInt(x) });
    case 'intake':
      return t('lever.value.intake', { x: fmtNum(x, 2), pct: fmtPct(x, 0) });
    case 'cost':
      return t('lever.value.cost', { x: fmtEur(x) });
    default:
      return fmtNum(x);
  }
}

/**
 * A share of `trials` trials with its 95 % Monte Carlo band: "80.9 % (95 %
 * band 80.1–81.7 %)"; with the bound the trials allow when none or all of
 * them showed it (printed.js shareBound), as the headline cards do.
 */
export function fmtShareBand(p, se, trials = 0) {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '–';
  const bound = shareBound(p, trials);
  if (bound) return t('solve.shareBound', { p: fmtPct(p, 1), bound });
  const half = 1.96 * (Number.isFinite(se) ? se : 0);
  return t('solve.share', { p: fmtPct(p, 1), lo: fmtPct(Math.max(0, p - half), 1), hi: fmtPct(Math.min(1, p + half), 1) });
}

/**
 * What solve() found, as sentences: {found, lever, value, answer, detail[],
 * other[]}. `value` is the lever's value with its unit (null when none in
 * the range reaches the confidence); `other` the levers left to try.
 */
export function solveText(solution, scenario) {
  const s = solution;
  const lever = s.lever === 'cost_per_duo' ? 'cost' : s.lever;
  const conf = fmtPct(s.confidence, 0);
  const now = currentLever(scenario, lever);
  const other = leversFor(scenario).filter((l) => l !== lever);
  const meta = t('solve.meta', { step: fmtLever(lever, s.step), trials: fmtInt(s.trials), seed: String(s.seed) });
  if (s.value === null || s.value === undefined) {
    return {
      found: false,
      lever,
      value: null,
      answer: t(`solve.none.${lever}`, { conf, lo: fmtLever(lever, s.range[0]), hi: fmtLever(lever, s.range[1]) }),
      detail: [t('solve.best', { p: fmtShareBand(s.best_probability, s.probability_se, s.trials) }), t(`solve.why.${lever}`), meta],
      other,
    };
  }
  const value = fmtLever(lever, s.value);
  const detail = [t('solve.met', { p: fmtShareBand(s.probability, s.probability_se, s.trials), conf })];
  if (typeof s.probability_one_step_short === 'number') {
    const short = lever === 'cost' ? s.value + s.step : s.value - s.step;
    detail.push(t('solve.short', { x: fmtLever(lever, short), p: fmtPct(s.probability_one_step_short, 1) }));
  } else if (s.value <= s.range[0] && lever !== 'cost') detail.push(t('solve.already'));
  if (now !== null) detail.push(t('solve.now', { x: fmtLever(lever, now) }));
  detail.push(meta);
  return { found: true, lever, value, answer: t(`solve.found.${lever}`, { x: value, conf }), detail, other };
}

/**
 * The mentors a plan needs, year by year, as rows of text:
 * {year, duos, needed, kept, recruitsNeeded, recruitsAssumed, short}
 * (`short`: the recruits assumed fall short of those needed).
 */
export function mentorRows(mentors) {
  return (mentors ?? []).map((m) => ({
    year: String(m.year),
    duos: fmtInt(m.duos),
    needed: fmtInt(m.mentors_needed),
    kept: fmtInt(m.mentors_kept),
    recruitsNeeded: fmtInt(m.recruits_needed),
    recruitsAssumed: fmtInt(m.recruits_assumed),
    short: m.recruits_needed > m.recruits_assumed + 0.5,
  }));
}

/** The outputs whose drivers a run ranks, the default first. */
export const DRIVER_OUTPUTS = Object.freeze(['benefit_cost_ratio', 'net_public', 'cost_per_net_job', 'net_additional_employed_cumulative', 'employed_cumulative', 'duos_started_cumulative']);
export const DEFAULT_DRIVER_OUTPUT = 'benefit_cost_ratio';

/**
 * The tornado of one output: its inputs in the engine's order (by |rho|,
 * largest first, ties by path), at most `limit` of them, each {parameter,
 * label, rho}; inputs that did not vary (no correlation) are left out.
 */
export function tornadoRows(sensitivity, output, limit = 10) {
  const drivers = sensitivity?.outputs?.[output] ?? [];
  return drivers
    .filter((d) => typeof d.rho === 'number' && Number.isFinite(d.rho))
    .slice(0, limit)
    .map((d) => ({ parameter: d.parameter, label: paramLabel(d.parameter), rho: d.rho }));
}

/** The tornado's caption: what rho is, over how many trials, and the trials with no defined value, counted. */
export function tornadoCaption(sensitivity, output, { seed } = {}) {
  const n = sensitivity?.samples ?? 0;
  const undef = sensitivity?.undefined?.[output] ?? 0;
  const parts = [t('drivers.caption', { what: t(`drivers.output.${output}`), samples: fmtInt(n), seed: String(seed ?? '') })];
  parts.push(undef > 0 ? t('drivers.undefined', { n: fmtInt(undef), share: fmtPct(n ? undef / n : 0, 1) }) : t('drivers.noUndefined'));
  return parts.join(' ');
}

/** A rank correlation with its sign, in the reader's format ("+0,94"). */
export function fmtRho(rho) {
  if (typeof rho !== 'number' || !Number.isFinite(rho)) return '–';
  const r = Math.round(rho * 100) / 100;
  return `${r > 0 ? '+' : r < 0 ? '−' : ''}${fmtRatio(Math.abs(r))}`;
}

/**
 * What evidence is worth, as sentences: {effect, all, priors} — a rigorous
 * evaluation of the effect for all public budgets and the Region (EVPPI),
 * knowing everything (EVPI), each with its 95 % Monte Carlo band, and the
 * same evaluation under each named prior, with why a zero is zero. EUR,
 * present value.
 */
export function valueText(voi) {
  if (!voi?.evppi_effect) return { effect: '', all: '', priors: [], range: '' };
  const eur = (x, se) => {
    const { value, band } = withError(Math.max(0, x ?? 0), se ?? 0, 'eur');
    return band == null || Number(se) === 0 ? value : `${value} ± ${band}`;
  };
  const pub = voi.evppi_effect.public ?? 0;
  const reg = voi.evppi_effect.region ?? 0;
  const [pubSe, regSe] = [voi.evppi_effect_se?.public ?? 0, voi.evppi_effect_se?.region ?? 0];
  const worth = (x, se) => x > 0.5 && x > 1.96 * se;
  const effect = worth(pub, pubSe) || worth(reg, regSe) ? t('value.effect', { x: eur(pub, pubSe), region: eur(reg, regSe) }) : t(noneKey(voi.p_pays_back?.public));
  const all = t('value.all', { x: eur(voi.evpi?.public, voi.evpi_se?.public), society: eur(voi.evpi?.society, voi.evpi_se?.society), trials: fmtInt(voi.trials) });
  const priors = Object.entries(voi.by_prior ?? {}).map(([id, w]) => {
    const name = pick(w.name);
    const p = w.p_pays_back?.public;
    const x = w.evppi_effect?.public ?? 0;
    const se = w.evppi_effect_se?.public ?? 0;
    const pays = withError(p, shareSe(p, voi.trials), 'share', voi.trials);
    const chance = pays.bound ? `${pays.value} (${pays.bound})` : pays.band == null ? pays.value : `${pays.value} ± ${pays.band}`;
    const key = p === 0 ? 'value.priorNever' : p === 1 ? 'value.priorAlways' : x === 0 ? 'value.priorZero' : worth(x, se) ? 'value.priorWorth' : 'value.priorNoise';
    return { id, name, ratio: w.ratio_public?.[1], text: t(key, { name, p: chance, x: eur(x, se) }) };
  });
  return { effect, all, priors, range: rangeText(priors) };
}

/** The range the evidence allows: the lowest and highest median public ratio across the named priors, with their names. */
function rangeText(priors) {
  const known = priors.filter((p) => Number.isFinite(p.ratio));
  if (known.length < 2) return '';
  const lo = known.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const hi = known.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return t('value.range', { lo: fmtRatio(lo.ratio), loName: lo.name, hi: fmtRatio(hi.ratio), hiName: hi.name });
}

/** Why an evaluation is worth nothing to all public budgets: no trial pays back, every trial does, or too few change sides. */
function noneKey(p) {
  if (p === 0) return 'value.effectNever';
  if (p === 1) return 'value.effectAlways';
  return 'value.effectNone';
}

/** The standard error of a share `p` of `n` trials. */
function shareSe(p, n) {
  return typeof p === 'number' && n > 0 ? Math.sqrt((p * (1 - p)) / n) : NaN;
}

// ---- B against A -----------------------------------------------------------

/** The words of each headline that is not an account's net benefit (`net_<who>` reads `persp.<who>`). */
const HEADLINE_KEYS = Object.freeze({
  duos_started_cumulative: 'cmp.started',
  employed_cumulative: 'cmp.employed',
  net_additional_employed_cumulative: 'cmp.net',
  public_cost_cumulative: 'cmp.cost',
  cost_per_net_job: 'cmp.costNet',
  benefit_cost_ratio: 'cmp.bcr',
});

const CUMULATIVE = '_cumulative';

/**
 * The headlines of a comparison in the engine's order (its schema's
 * `headlines`): {id, key, unit}, the unit that of the series or total the
 * headline is.
 */
export function compareHeadlines() {
  const s = schema();
  const unitOf = (id) => {
    const series = id.endsWith(CUMULATIVE) ? s.series.find((x) => x.name === id.slice(0, -CUMULATIVE.length)) : null;
    return (series ?? s.totals.find((x) => x.name === id))?.unit;
  };
  return s.headlines.map((id) => ({ id, key: HEADLINE_KEYS[id] ?? `persp.${id.replace(/^net_/, '')}`, unit: unitOf(id) }));
}

/** A headline of a run result (a cumulative series at its last year, or a total): {p5, p50, p95, mean}. */
export function headlineOf(result, id) {
  const s = result?.series?.[id];
  if (s) {
    const i = (result.years?.length ?? s.p50.length) - 1;
    return { p5: s.p5[i], p50: s.p50[i], p95: s.p95[i], mean: s.mean[i] };
  }
  return result?.totals?.[id] ?? null;
}

/**
 * B against A, one row of text per headline: {id, label, a, b, diff, band,
 * better, equal, pBetter}: A's and B's medians, the median and P5–P95 of the
 * difference B − A trial by trial, and the chance that B is better.
 */
export function compareRows(cmp) {
  if (!cmp?.difference) return [];
  return [...targetRows(cmp), ...headlineRows(cmp)];
}

const sameTarget = (x, y) => x && y && x.metric === y.metric && x.kind === y.kind && x.year === y.year && x.value === y.value;

/**
 * The targets B and A share, first: each one's chance under A and under B
 * (same trials and seed), B − A in percentage points, and its 95 % Monte
 * Carlo band. The band adds the two errors as if the runs were independent:
 * on common random numbers the difference varies less, so it is at most
 * that wide. A chance of 0 or 1 has no standard error but the engine's 95 %
 * bound (about 3/n), which is added whole. No chance that B is better: a
 * target is met or not in a trial.
 */
export function targetRows(cmp) {
  const a = cmp?.a?.targets ?? [];
  return (cmp?.b?.targets ?? []).flatMap((tb, k) => {
    const ta = a[k];
    if (!sameTarget(ta, tb)) return [];
    const d = tb.probability_met - ta.probability_met;
    const bound = (tg, trials) => printedBound(tg.probability_met, trials)?.value / 100 || 0;
    const [ba, bb] = [bound(ta, cmp.a.trials), bound(tb, cmp.b.trials)];
    const half = 1.96 * Math.hypot(ta.probability_met_se ?? 0, tb.probability_met_se ?? 0) + ba + bb;
    const pts = (x) => t('unit.pts', { x: fmtPoints(x) });
    const sign = d > 0 && fmtPoints(d) !== '0' ? '+' : '';
    return [
      {
        id: `target-${k}`,
        label: t('cmp.target', { label: pick(tb.label) }),
        a: fmtPct(ta.probability_met, 1),
        b: fmtPct(tb.probability_met, 1),
        diff: `${sign}${pts(d)}`,
        band: t('cmp.targetBand', { x: pts(half) }),
        better: '–',
        equal: '–',
        pBetter: null,
        median: d,
      },
    ];
  });
}

function headlineRows(cmp) {
  return compareHeadlines().filter((h) => headlineOf(cmp.difference, h.id)).map((h) => {
    const f = (x) => fmtBy(h.unit, x, { compact: true });
    // A sign only where the shown figure is not zero ("+259", "0,00", never "-0,00").
    const signed = (x) => {
      const text = f(x);
      if (typeof x !== 'number' || !/[1-9]/.test(text)) return text.replace(/^[-−]/, '');
      return x > 0 ? `+${text}` : text;
    };
    const d = headlineOf(cmp.difference, h.id);
    const label = h.key.startsWith('persp.') ? t('cmp.account', { who: t(h.key) }) : t(h.key);
    return {
      id: h.id,
      label,
      a: f(headlineOf(cmp.a, h.id)?.p50),
      b: f(headlineOf(cmp.b, h.id)?.p50),
      diff: signed(d.p50),
      band: t('persp.range', { lo: signed(d.p5), hi: signed(d.p95) }),
      better: fmtPct(cmp.p_b_better?.[h.id], 0),
      equal: fmtPct(cmp.p_equal?.[h.id], 0),
      pBetter: cmp.p_b_better?.[h.id],
      median: d.p50,
    };
  });
}

/** The headline each card of the page answers, for its B − A line. */
export const CARD_HEADLINES = Object.freeze({ started: 'duos_started_cumulative', employed: 'employed_cumulative', net: 'net_additional_employed_cumulative', costNet: 'cost_per_net_job', bcr: 'benefit_cost_ratio' });

/** The line a card shows while a scenario is pinned: "A: x · B − A: +y (P5–P95 …) · B better in z %". */
export function cardDelta(cmp, card) {
  if (card.startsWith('target-')) {
    const row = targetRows(cmp).find((r) => r.id === card);
    return row ? t('cmp.cardTarget', { a: row.a, diff: row.diff, band: row.band }) : '';
  }
  const row = headlineRow(cmp, card);
  return row ? t('cmp.cardLine', { a: row.a, diff: row.diff, band: row.band, p: row.better }) : '';
}

/** The comparison's row of a headline card (null when the card answers none). */
function headlineRow(cmp, card) {
  const id = CARD_HEADLINES[card];
  return id ? (compareRows(cmp).find((r) => r.id === id) ?? null) : null;
}

/** The same, short, for a card on a projector: A's value and B − A, with no band (the desk's card has it). */
export function cardDeltaShort(cmp, card) {
  const row = card.startsWith('target-') ? null : headlineRow(cmp, card);
  return row ? t('cmp.cardShort', { a: row.a, diff: row.diff }) : '';
}
