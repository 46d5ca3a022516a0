// Figures as the engine prints them: each to the digits its Monte Carlo
// error supports and with its 95 % Monte Carlo band (1.96 standard errors),
// by the core's own rule (report::printed, through the binding's printed()),
// in the reader's format. The CLI, the page, the widget and the print report
// thus round a figure alike.

import { printed } from './schema.js';
import { fmtFixed, t } from './i18n.js';

const dash = '–';

/**
 * `x` with standard error `se`, in `unit` ('count', 'eur', 'ratio' or
 * 'share', a share in [0, 1] shown in %): {value, band}, the figure's text
 * to the digits its error supports and its band's text ("12", "0.4 pts"),
 * band null when no error is known.
 */
export function withError(x, se, unit = 'count') {
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

/** "± band (95 % Monte Carlo band)" for a figure, or '' when no error is known. */
export function mcBand(x, se, unit = 'count') {
  const { band } = withError(x, se, unit);
  return band == null ? '' : t('card.pm', { band });
}
