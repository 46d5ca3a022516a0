// The uncertain inputs of a scenario ("parameters"): which are present, how
// their values read, one-line summaries, and the edits the controls make
// (another kind of distribution, a distribution moved to a new centre).
//
// The list of parameters, their units and each distribution's fields come
// from the engine's schema (schema.js); a distribution's mean, median and
// 90 % interval are the engine's own (paramSummary), so the page, the widget
// and the command line show the same numbers.

import { t, has, fmtInt, fmtNum, fmtPct, fmtEur } from './i18n.js';
import { getPath } from './state.js';
import { params, paramInfo, distFields, paramSummary } from './schema.js';

export const META_FIELDS = ['source', 'assumption', 'note'];

/** The kinds of distribution the engine knows, in the schema's order. */
export function distKinds() {
  return Object.keys(distFields());
}

/** The fields of one kind of distribution ([] for an unknown kind). */
export function fieldsOf(kind) {
  return distFields()[kind] ?? [];
}

/** The paths of the parameters present in a scenario (a pool may be "unlimited"), in the engine's order. */
export function paramPaths(scenario) {
  return params()
    .map((p) => p.path)
    .filter((p) => getPath(scenario, p) !== undefined);
}

/** How a parameter's values read: 'eur', 'share', 'people', ... (the schema's unit), or null. */
export function paramUnit(path) {
  return paramInfo(path)?.unit ?? null;
}

export function paramLabel(path) {
  const key = paramInfo(path)?.label ?? `param.${path}`;
  return has(key) ? t(key) : path;
}

/** A parameter in object form: a bare number becomes {dist: 'fixed', value}. */
export function normalise(p) {
  if (typeof p === 'number') return { dist: 'fixed', value: p };
  if (p && typeof p === 'object') return p;
  return { dist: 'fixed', value: NaN };
}

/** {mean, median, p5, p95} as the engine draws the parameter at `path`; null if it is not valid. */
export function summary(path, p) {
  return paramSummary(path, normalise(p));
}

export function fmtParamValue(path, x) {
  const unit = paramUnit(path);
  if (unit === 'eur') return fmtEur(x);
  if (unit === 'share') return fmtPct(x, 1);
  // People and duos are whole: a P5 of 1,164.25 mentors reads as 1,164.
  if (unit === 'people' || unit === 'duos') return fmtInt(Math.round(x));
  return fmtNum(x, 2);
}

/** One line such as "Beta (events 637, non-events 344): mean 65.0 %, 62.4 % to 67.5 %". */
export function describe(path, p) {
  const d = normalise(p);
  const kind = t(`distShort.${d.dist}`);
  if (d.dist === 'fixed') return `${kind}: ${fmtParamValue(path, d.value)}`;
  const fields = fieldsOf(d.dist).map((f) => `${t(`field.${f}`)} ${d.dist === 'beta' ? fmtNum(d[f], 1) : fmtParamValue(path, d[f])}`);
  const head = `${kind} (${fields.join(', ')})`;
  const s = summary(path, d);
  if (!s) return head;
  const parts = [t('dist.meanIs', { x: fmtParamValue(path, s.mean) })];
  // Skewed distributions (a lognormal, a lopsided PERT): the median says something the mean does not.
  const median = fmtParamValue(path, s.median);
  if (median !== fmtParamValue(path, s.mean)) parts.push(t('dist.medianIs', { x: median }));
  parts.push(t('dist.range', { lo: fmtParamValue(path, s.p5), hi: fmtParamValue(path, s.p95) }));
  return `${head}: ${parts.join(', ')}`;
}

const round6 = (x) => Number(x.toPrecision(6));
const clamp01 = (x) => Math.min(1, Math.max(0, x));

function metaOf(d) {
  const meta = {};
  for (const k of META_FIELDS) if (d[k] !== undefined) meta[k] = d[k];
  return meta;
}

/**
 * A parameter of another kind with about the same mean and 90 % interval,
 * keeping its source, assumption flag and note, for when the reader switches
 * kinds. An invalid parameter keeps the fields the new kind shares with it.
 */
export function convert(path, p, kind) {
  const d = normalise(p);
  const meta = metaOf(d);
  const s = summary(path, d);
  if (!s) {
    const kept = {};
    for (const f of fieldsOf(kind)) if (d[f] !== undefined) kept[f] = d[f];
    return { dist: kind, ...kept, ...meta };
  }
  const m = s.mean;
  const w = Math.max(s.p95 - s.p5, Math.abs(m) * 0.2, 1e-9);
  switch (kind) {
    case 'fixed':
      return { dist: 'fixed', value: round6(m), ...meta };
    case 'beta': {
      const mm = Math.min(0.99, Math.max(0.01, m));
      return { dist: 'beta', events: round6(mm * 100), non_events: round6((1 - mm) * 100), ...meta };
    }
    case 'pert':
    case 'triangular':
      return { dist: kind, min: round6(m - w / 2), mode: round6(m), max: round6(m + w / 2), ...meta };
    case 'uniform':
      return { dist: 'uniform', min: round6(m - w / 2), max: round6(m + w / 2), ...meta };
    case 'normal':
      return { dist: 'normal', mean: round6(m), sd: round6(w / 3.29), ...meta };
    case 'lognormal':
      return { dist: 'lognormal', p5: round6(Math.max(m - w / 2, m / 2, 1e-6)), p95: round6(m + w / 2), ...meta };
    default:
      return { dist: kind, ...meta };
  }
}

/**
 * Which single value a slider shows for a distribution: the value of a fixed
 * one, the mode of a PERT or triangular one (a field the reader set), the
 * engine's median for a lognormal (the value its 90 % interval is centred
 * on, in ratio) and the engine's mean otherwise. Returns {kind, value}, kind
 * being 'value', 'mode', 'median' or 'mean'; value is NaN when invalid.
 */
export function central(path, p) {
  const d = normalise(p);
  if (d.dist === 'fixed') return { kind: 'value', value: d.value };
  if (d.dist === 'pert' || d.dist === 'triangular') return { kind: 'mode', value: d.mode };
  const s = summary(path, d);
  if (d.dist === 'lognormal') return { kind: 'median', value: s ? s.median : NaN };
  return { kind: 'mean', value: s ? s.mean : NaN };
}

/**
 * The distribution `p` at `path` moved so that its central value (see
 * central()) is `x`, keeping its spread: money is scaled (the relative spread
 * stays), shares are shifted (and kept within 0–1), a Beta keeps its number
 * of observations, a lognormal is scaled.
 */
export function withCentral(path, p, x) {
  if (typeof p === 'number') return round6(x);
  const unit = paramUnit(path);
  const d = normalise(p);
  const c = central(path, d).value;
  const scale = unit === 'eur' && c > 0;
  const k = scale ? x / c : 1;
  const dx = x - c;
  const move = (v) => round6(scale ? v * k : unit === 'share' ? clamp01(v + dx) : v + dx);
  switch (d.dist) {
    case 'fixed':
      return { ...d, value: round6(x) };
    case 'beta': {
      const n = d.events + d.non_events;
      const r = Math.min(0.999, Math.max(0.001, x));
      return { ...d, events: round6(r * n), non_events: round6((1 - r) * n) };
    }
    case 'pert':
    case 'triangular':
      return { ...d, min: move(d.min), mode: round6(x), max: move(d.max) };
    case 'uniform':
      return { ...d, min: move(d.min), max: move(d.max) };
    case 'normal':
      return { ...d, mean: round6(x), sd: round6(scale ? d.sd * k : d.sd) };
    case 'lognormal': {
      const f = c > 0 ? x / c : 1;
      return { ...d, p5: round6(d.p5 * f), p95: round6(d.p95 * f) };
    }
    default:
      return p;
  }
}
