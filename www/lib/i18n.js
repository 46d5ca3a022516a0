// Translations and number formats for the page and the embeddable widget.
//
// Every string a person reads goes through t(); every number through the
// Intl formatters below (locales fr-BE, nl-BE, en), never through toFixed or
// string concatenation, so that "1 234,5 %" and "1,234.5%" come out right.

import { STRINGS } from './strings.js';

export const LANGS = ['fr', 'nl', 'en'];
const LOCALES = { fr: 'fr-BE', nl: 'nl-BE', en: 'en' };

let lang = 'en';
const listeners = new Set();

/** Picks fr, nl or en from the browser's preferred languages (en otherwise). */
export function detectLang(languages = globalThis.navigator?.languages ?? []) {
  for (const l of languages) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

export function getLang() {
  return lang;
}

export function locale() {
  return LOCALES[lang];
}

/** Sets the language and tells every listener (the page re-renders its text). */
export function setLang(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  if (globalThis.document) document.documentElement.lang = LOCALES[lang];
  for (const f of listeners) f(lang);
}

export function onLangChange(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The string for `key` in the current language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const entry = STRINGS[key];
  let s = entry ? (entry[lang] ?? entry.en) : key;
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Whether a translation exists (used for optional labels such as parameter names). */
export function has(key) {
  return Object.hasOwn(STRINGS, key);
}

/** Picks the current language from a {en, fr, nl} object coming from the engine. */
export function pick(texts) {
  if (texts == null) return '';
  if (typeof texts === 'string') return texts;
  return String(texts[lang] ?? texts.en ?? texts.fr ?? texts.nl ?? '');
}

/** Fills every element carrying data-i18n (text) or data-i18n-attr ("attr:key;attr:key"). */
export function translateDom(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

// ---- numbers -------------------------------------------------------------

const cache = new Map();
function nf(options) {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

const ok = (x) => typeof x === 'number' && Number.isFinite(x);
const dash = '–';

/** Whole count of people or duos. */
export function fmtInt(x) {
  return ok(x) ? nf({ maximumFractionDigits: 0 }).format(Math.round(x)) : dash;
}

/** A plain number with up to `digits` decimals. */
export function fmtNum(x, digits = 2) {
  return ok(x) ? nf({ maximumFractionDigits: digits }).format(x) : dash;
}

/** A ratio such as a benefit-cost ratio (two significant decimals). */
export function fmtRatio(x) {
  return ok(x) ? nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x) : dash;
}

/** Euros; `compact` gives "2,2 M €" for large sums (with exactly `digits` decimals when given, else up to one). */
export function fmtEur(x, { compact = false, digits } = {}) {
  if (!ok(x)) return dash;
  if (compact && Math.abs(x) >= 1e5) {
    const d = digits === undefined ? { minimumFractionDigits: 0, maximumFractionDigits: 1 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    return nf({ style: 'currency', currency: 'EUR', notation: 'compact', ...d }).format(x);
  }
  return nf({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(x);
}

/**
 * Euros in one scale for a whole column: 'M' (millions, one decimal from a
 * million up, two below: "-0.09 M" beside "3.6 M"), 'k' (thousands, whole)
 * or '' (euros). "-93 152 €" beside "3,6 M €" and "294,5 k €" in one column
 * read as three units.
 */
export function fmtEurIn(x, scale) {
  if (!ok(x)) return dash;
  if (scale === 'M') {
    const d = Math.abs(x) >= 1e6 ? 1 : 2;
    return t('money.M', { x: nf({ minimumFractionDigits: d, maximumFractionDigits: d }).format(x / 1e6) });
  }
  if (scale === 'k') return t('money.k', { x: nf({ maximumFractionDigits: 0 }).format(x / 1e3) });
  return fmtEur(x);
}

/** The scale of a column of euros (see fmtEurIn): millions from a million, thousands from ten thousand. */
export function eurScale(values) {
  const m = Math.max(0, ...values.filter(ok).map(Math.abs));
  return m >= 1e6 ? 'M' : m >= 1e4 ? 'k' : '';
}

/** A share in [0, 1] shown as a percentage. */
export function fmtPct(x, digits = 0) {
  return ok(x) ? nf({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x) : dash;
}

/** A Monte Carlo standard error of a share, in percentage points. */
export function fmtPctPoints(x) {
  if (!ok(x)) return dash;
  const pts = x * 100;
  return t('unit.pts', { x: nf({ maximumFractionDigits: pts < 0.1 ? 2 : 1 }).format(pts) });
}

/**
 * A share as a number of percentage points, without the unit (0.163 → "16",
 * 0.033 → "3.3" in the reader's format): whole points from 10 up, one
 * decimal below, never "-0".
 */
export function fmtPoints(x) {
  if (!ok(x)) return dash;
  const pts = x * 100;
  const digits = Math.abs(pts) >= 9.95 ? 0 : 1;
  const f = 10 ** digits;
  const r = Math.round(pts * f) / f;
  return nf({ maximumFractionDigits: digits }).format(r === 0 ? 0 : r);
}

/**
 * A number already rounded, shown with exactly `decimals` decimals in the
 * reader's format, as `unit`: 'count' (a plain number), 'eur', 'ratio',
 * 'percent' (x in percent: 62.4 gives "62.4 %") or 'points' (x in percentage
 * points: "0.4 pts"). Never "-0".
 */
export function fmtFixed(x, decimals, unit = 'count') {
  if (!ok(x)) return dash;
  const d = Math.max(0, Math.min(20, decimals | 0));
  const digits = { minimumFractionDigits: d, maximumFractionDigits: d };
  const v = x === 0 ? 0 : x;
  switch (unit) {
    case 'eur':
      return nf({ style: 'currency', currency: 'EUR', ...digits }).format(v);
    case 'percent':
      return nf({ style: 'percent', ...digits }).format(v / 100);
    case 'points':
      return t('unit.pts', { x: nf(digits).format(v) });
    default:
      return nf(digits).format(v);
  }
}

/** A year, without grouping separators. */
export function fmtYear(y) {
  return ok(y) ? nf({ useGrouping: false, maximumFractionDigits: 0 }).format(y) : dash;
}

/** Formats a value of a series by its unit ('eur', 'count', 'share', 'ratio'). */
export function fmtBy(unit, x, opts) {
  switch (unit) {
    case 'eur':
      return fmtEur(x, opts);
    case 'share':
      return fmtPct(x, 1);
    case 'ratio':
      return fmtRatio(x);
    default:
      return fmtInt(x);
  }
}

/** A list in the language's style: "a, b and c". */
export function fmtList(items) {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}
