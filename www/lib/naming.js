// A scenario that names itself: what differs from its preset, input by
// input, as words a reader can check ("Budget per year: 3 000 000 €"), and a
// title that says what changed ("Actiris 2025-2028, budget 3 M € a year
// (edited)"). The page, the print report, every export's caption and
// metadata, the CSV's header rows and the widget all use these, so a number
// never travels without the name of what produced it.

import { t, pick, fmtEur, fmtInt, fmtYear, fmtPct } from './i18n.js';
import { diffScenario, getPath } from './state.js';
import { paramPaths, paramLabel, describe, central, fmtParamValue } from './params.js';

/** How many changes the title names before "and N other changes". */
const TITLE_CHANGES = 2;

/** The input an edited path belongs to: a parameter, the budget, the intake, the targets, or the field itself. */
function inputOf(path, params) {
  let best = null;
  for (const p of params) if ((path === p || path.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = p;
  if (best) return best;
  const top = path.split('.')[0];
  if (['budget', 'intake', 'targets', 'counterfactual'].includes(top)) return top;
  return path;
}

/** The budget in words: "2 200 000 € a year". */
export function budgetValue(b) {
  if (!b) return '';
  if (b.unlimited) return t('budget.unlimited');
  if (typeof b.constant === 'number') return t('name.perYear', { x: fmtEur(b.constant) });
  if (Array.isArray(b.per_year)) return b.per_year.map((x) => fmtEur(x)).join(' · ');
  return '';
}

function budgetShort(b) {
  if (!b) return '';
  if (b.unlimited) return t('name.budgetUnlimited');
  if (typeof b.constant === 'number') return t('name.budget', { x: fmtEur(b.constant, { compact: true }) });
  return t('name.budgetList');
}

/** The intake plan in words. */
export function intakeValue(it) {
  if (!it) return '';
  if (it.per_year) return it.per_year.map(fmtInt).join(' · ');
  if (it.growth) return `${fmtInt(it.growth.start)}, +${fmtPct(it.growth.rate, 1)}`;
  if (it.points) return it.points.map(([y, v]) => `${fmtYear(y)}: ${fmtInt(v)}`).join(' · ');
  return '';
}

/** A label without its trailing unit or detail, first letter lower case: "cost per duo". */
function shortLabel(label) {
  const s = label.replace(/\s*\([^)]*\)\s*$/, '').split(/:\s/)[0];
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function plainValue(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? fmtYear(v) : String(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * Every input of `scenario` that differs from `base`, in the order of the
 * scenario: [{path, label, value, short}], `value` the input as the sources
 * table writes it, `short` a fragment for a title.
 */
export function changes(base, scenario) {
  if (!base || !scenario) return [];
  const diff = Object.keys(diffScenario(base, scenario));
  if (!diff.length) return [];
  const params = paramPaths(scenario);
  const seen = new Set();
  const out = [];
  for (const path of diff) {
    const input = inputOf(path, params);
    // A new name or description is what the title shows, not a change to name.
    if (['id', 'name', 'description'].includes(input.split('.')[0])) continue;
    if (seen.has(input)) continue;
    seen.add(input);
    const v = getPath(scenario, input);
    if (input === 'budget') {
      out.push({ path: input, label: t('controls.budget'), value: budgetValue(v), short: budgetShort(v) });
    } else if (input === 'intake') {
      out.push({ path: input, label: t('param.intake'), value: intakeValue(v), short: t('name.intake') });
    } else if (input === 'targets') {
      out.push({ path: input, label: t('param.targets'), value: (v ?? []).map((tg) => `${pick(tg.label)}: ${fmtInt(tg.value)}`).join(' · '), short: t('name.targets') });
    } else if (input === 'counterfactual') {
      out.push({ path: input, label: t('name.counterfactual'), value: v?.prior ?? '', short: t('name.counterfactualShort') });
    } else if (params.includes(input)) {
      const label = paramLabel(input);
      const c = central(input, v);
      out.push({ path: input, label, value: describe(input, v), short: `${shortLabel(label)} ${fmtParamValue(input, c.value)}` });
    } else {
      const label = input === 'start_year' ? t('controls.startYear') : input === 'end_year' ? t('controls.endYear') : input;
      out.push({ path: input, label, value: plainValue(v), short: `${shortLabel(label)} ${plainValue(v)}` });
    }
  }
  return out;
}

/**
 * A preset's name with its budget figure replaced by the edited one, or null
 * when the name states no figure of the base's budget (or either budget is
 * not the same amount every year). A name writes a budget in millions of
 * euros, "EUR 2.2 M" or "2,2 M EUR": the new figure is written the same way
 * ("EUR 3 M a year"), so that the title does not carry the old budget and
 * the new one side by side.
 */
export function renameBudget(name, base, scenario) {
  const from = base?.budget?.constant;
  const to = scenario?.budget?.constant;
  if (typeof from !== 'number' || typeof to !== 'number' || from === to || !name) return null;
  const m = String(Math.round((from / 1e6) * 1000) / 1000);
  const figure = new RegExp(`(^|[^\\d.,])(${m.replace('.', '[.,]')})(\\s?M\\b)`);
  const found = figure.exec(name);
  if (!found || !/EUR|€/.test(name.slice(Math.max(0, found.index - 5), found.index + found[0].length + 5))) return null;
  const sep = found[2].includes(',') ? ',' : '.';
  const next = String(Math.round((to / 1e6) * 1000) / 1000).replace('.', sep);
  return name.replace(figure, (_, lead, _n, tail) => `${lead}${next}${tail}`);
}

/**
 * The scenario's title: its name, and when it was edited, what changed and
 * "(edited)": "Actiris 2025-2028, budget 3 M € a year (edited)". A change the
 * name itself now states (its budget figure, renameBudget) is named once, in
 * the name: "Actiris 2025-2028: four partners, EUR 3 M a year (edited)".
 */
export function scenarioTitle(base, scenario, { marker = true } = {}) {
  let name = pick(scenario?.name) || scenario?.id || 'mentorsim';
  let list = changes(base, scenario);
  if (!list.length) return name;
  const renamed = renameBudget(name, base, scenario);
  if (renamed) {
    name = renamed;
    list = list.filter((c) => c.path !== 'budget');
  }
  const named = list.slice(0, TITLE_CHANGES).map((c) => c.short);
  const rest = list.length - named.length;
  if (rest > 0) named.push(t(rest === 1 ? 'name.oneMore' : 'name.more', { n: fmtInt(rest) }));
  const what = named.length ? `${name}, ${named.join(', ')}` : name;
  return marker ? `${what} ${t('name.edited')}` : what;
}
