// The CSV a reader downloads: in the reader's language and spreadsheet
// convention (French and Dutch: ";" between cells and a decimal comma;
// English: "," and a decimal point), header rows that say which scenario it
// is (its title, every changed input with its value, the trial count, the
// seed, the engine and the link), then one row per figure and year with its
// label and unit, each value rounded to the precision of what it is: whole
// people, duos and euros, shares to four decimals, ratios to two.
// results.quantilesCsv stays the machine-readable form.

import { t, getLang } from './i18n.js';

const QUANTILES = ['mean', 'p5', 'p25', 'p50', 'p75', 'p95'];

/** The unit of a series or total by its name, as the engine's output table has it. */
export function unitOf(name) {
  const base = name.replace(/^total_/, '').replace(/_cumulative$/, '');
  if (base.startsWith('limited_by_')) return 'share';
  if (/^rate_|^effect$|^p_/.test(base)) return 'rate';
  if (base === 'benefit_cost_ratio') return 'ratio';
  if (/cost|budget|return|value|^net_(region|eu|federal|local|participants|public|society)$/.test(base)) return 'eur';
  if (base.startsWith('duos_')) return 'duos';
  return 'people';
}

const DIGITS = { people: 0, duos: 0, eur: 0, share: 4, rate: 4, ratio: 2 };

/** The separator and number format of a language's spreadsheets. */
export function csvConvention(lang = getLang()) {
  return lang === 'en' ? { sep: ',', decimal: '.' } : { sep: ';', decimal: ',' };
}

/** A number rounded to `digits` decimals, written with `decimal`, no grouping. */
export function csvNumber(x, digits, decimal) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  const s = (Object.is(r, -0) ? 0 : r).toFixed(digits);
  return decimal === '.' ? s : s.replace('.', decimal);
}

function cell(x, sep) {
  const s = x === null || x === undefined ? '' : String(x);
  return s.includes(sep) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The label of a series in the reader's language: "people in work, cumulative". */
function seriesLabel(name) {
  const total = name.startsWith('total_');
  const cumulative = name.endsWith('_cumulative');
  const base = name.replace(/^total_/, '').replace(/_cumulative$/, '');
  const key = `metric.${base}`;
  let label = t(key);
  if (label === key) label = base.replace(/_/g, ' ');
  // The unit has its own column: drop "(EUR)" from the label.
  label = label.replace(/\s*\(EUR\)$/, '');
  if (cumulative) label = t('csv.cumulative', { what: label });
  return total ? `${label} (${t('csv.total')})` : label;
}

/**
 * The CSV text. `meta`: {title, preset, changes: [{label, value}], version, url}.
 * Starts with a byte-order mark so that spreadsheets read the accents.
 */
export function reportCsv(result, meta = {}, lang = getLang()) {
  const { sep, decimal } = csvConvention(lang);
  const rows = [];
  rows.push([t('csv.scenario'), meta.title ?? result.scenario_id]);
  if (meta.preset) rows.push([t('csv.preset'), meta.preset]);
  for (const c of meta.changes ?? []) rows.push([t('csv.changed'), c.label, c.value]);
  rows.push([t('csv.trials'), result.trials]);
  rows.push([t('csv.seed'), result.seed]);
  if (meta.version) rows.push([t('csv.engine'), `mentorsim ${meta.version}`]);
  if (meta.url) rows.push([t('csv.link'), meta.url]);
  rows.push([]);
  rows.push([t('csv.series'), t('csv.unit'), t('csv.year'), ...QUANTILES.map((q) => (q === 'mean' ? t('col.mean') : q.toUpperCase())), t('csv.se')]);
  const line = (name, year, s) => {
    const unit = unitOf(name);
    const d = DIGITS[unit];
    // A mean of whole counts still carries a decimal; its error says how many are worth keeping.
    const meanDigits = unit === 'people' || unit === 'duos' ? 1 : d;
    const at = (q) => (year === null ? s[q] : s[q]?.[year]);
    return [
      seriesLabel(name),
      t(`csv.unit.${unit}`),
      year === null ? t('csv.total') : result.years[year],
      ...QUANTILES.map((q) => csvNumber(at(q), q === 'mean' ? meanDigits : d, decimal)),
      csvNumber(at('mean_se'), unit === 'eur' ? 0 : 4, decimal),
    ];
  };
  for (const [name, s] of Object.entries(result.series)) result.years.forEach((_, i) => rows.push(line(name, i, s)));
  for (const [name, s] of Object.entries(result.totals ?? {})) rows.push(line(`total_${name}`, null, s));
  return `\ufeff${rows.map((r) => r.map((x) => cell(x, sep)).join(sep)).join('\r\n')}\r\n`;
}
