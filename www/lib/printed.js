// Figures as the engine prints them: each to the digits its Monte Carlo
// error supports and with its 95 % Monte Carlo band (1.96 standard errors),
// by the core's own rule (report::printed, through the binding's printed()),
// in the reader's format. The CLI, the page, the widget and the print report
// thus round a figure alike.

import { printed, printedBound } from './schema.js';
import { fmtFixed, t } from './i18n.js';

const dash = '–';

/**
 * `x` with standard error `se`, in `unit` ('count', 'eur', 'ratio' or
 * 'share', a share in [0, 1] shown in %): {value, band, bound}, the figure's
 * text to the digits its error supports and its band's text ("12", "0.4
 * pts"), band null when no error is known. A share of 0 or 1 estimated from
 * `trials` trials has no band but a bound (see shareBound).
 */
export function withError(x, se, unit = 'count', trials = 0) {
  const bound = unit === 'share' ? shareBound(x, trials) : null;
  if (bound) return { value: fmtFixed(x * 100, 0, 'percent'), band: null, bound };
  const scale = unit === 'share' ? 100 : 1;
  const p = printed(typeof x === 'number' ? x * scale : x, typeof se === 'number' ? se * scale : NaN);
  if (!p) return { value: dash, band: null };
  const shown = unit === 'share' ? 'percent' : unit;
  return {
    value: fmtFixed(p.value, p.decimals, shown),
    band: Number.isFinite(p.band) ? fmtFixed(p.band, p.bandDecimals, unit === 'share' ? 'points' : shown) : null,
  };
}

/** The figure's text alone, to the digits its error supports. */
export function fmtErr(x, se, unit = 'count') {
  return withError(x, se, unit).value;
}

/** "± band (95 % Monte Carlo band)" for a figure, "(bound)" for a share of 0 or 1 of `trials`, or '' when no error is known. */
export function mcBand(x, se, unit = 'count', trials = 0) {
  const { band, bound } = withError(x, se, unit, trials);
  if (bound) return `(${bound})`;
  return band == null ? '' : t('card.pm', { band });
}

/**
 * A chance that none or all of `trials` trials showed, with the bound the
 * engine prints for it (the core's report::printed_bound: the exact one-sided
 * 95 % bound, about 3/n, to two significant digits rounded outwards), in the
 * reader's words: "under 0.030% with 95 % confidence" for none of 10,000.
 * Null for any other chance, which has a band. A band of ± 0.010 pts around
 * 0 would claim a precision the trials do not give.
 */
export function shareBound(x, trials) {
  const b = printedBound(x, trials);
  return b ? t(b.above ? 'share.all' : 'share.none', { bound: fmtFixed(b.value, b.decimals, 'percent') }) : null;
}
