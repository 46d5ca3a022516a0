// What limits the duos, year by year: the money, the mentors or the plan
// (the planned intake times the share of it that forms). The engine gives,
// for each year, the share of trials in which each of the three is the
// smallest (`limited_by_money`, `limited_by_mentors`, `limited_by_plan`);
// here they become one line under the headline and one line per year in the
// charts' tooltips.

import { t, fmtPct, fmtYear } from './i18n.js';
import { central } from './params.js';

export const LIMITS = ['money', 'mentors', 'plan'];

/** The share of the plan that forms, as the sliders show it (NaN when the scenario has none). */
function formation(scenario) {
  const r = scenario?.realisation;
  return r === undefined ? NaN : central('realisation', r).value;
}

/**
 * For each year, the limits sorted by their share of trials:
 * [{year, limits: [{key, share}, ...]}]; empty when the result has no such series.
 */
export function limitsByYear(result) {
  const s = result?.series ?? {};
  if (!LIMITS.every((k) => s[`limited_by_${k}`]?.mean)) return [];
  return result.years.map((year, i) => ({
    year,
    limits: LIMITS.map((key) => ({ key, share: s[`limited_by_${key}`].mean[i] })).sort((a, b) => b.share - a.share),
  }));
}

/** The name of a limit in the reader's language ("the plan (80 % of it forms)"). */
export function limitName(key, scenario) {
  if (key !== 'plan') return t(`limit.${key}`);
  const f = formation(scenario);
  return Number.isFinite(f) && f < 1 ? t('limit.planFormed', { x: fmtPct(f, 0) }) : t('limit.plan');
}

/** One year's limits in words: "money in 79 % of trials, the plan in 21 %" (shares under 5 % left out). */
export function yearText(entry, scenario) {
  const shown = entry.limits.filter((l, i) => i === 0 || l.share >= 0.05);
  return shown.map((l, i) => t(i === 0 ? 'limit.first' : 'limit.next', { what: limitName(l.key, scenario), x: fmtPct(l.share, 0) })).join(', ');
}

/** The line under the headline: "What limits the duos: 2025 the plan (89 % of trials); 2026 ...". */
export function limitsLine(result, scenario) {
  const years = limitsByYear(result);
  if (!years.length) return '';
  // Years in a row that read the same are said once ("2028–2035: the mentors in 100 % of trials"), not eight times.
  const runs = [];
  for (const y of years) {
    const text = yearText(y, scenario);
    const prev = runs.at(-1);
    if (prev && prev.text === text && y.year === prev.to + 1) prev.to = y.year;
    else runs.push({ from: y.year, to: y.year, text });
  }
  const parts = runs.map((r) => t('limit.year', { year: r.from === r.to ? fmtYear(r.from) : `${fmtYear(r.from)}–${fmtYear(r.to)}`, text: r.text }));
  return `${t('limit.lead')} ${parts.join(' · ')}`;
}

/** The tooltip line of year `year` ('' when unknown). */
export function limitTip(result, scenario, year) {
  const y = limitsByYear(result).find((e) => e.year === year);
  return y ? t('limit.tip', { text: yearText(y, scenario) }) : '';
}
