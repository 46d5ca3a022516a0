// The page's whole state, and its round trip through the address bar.
//
// A state is {preset, edits, trials, seed, lang, present, pin}. `edits` holds only
// what differs from the preset, as {"outcomes.employed": {...}, ...}, so a
// shared link stays short and still reproduces exactly what the sender saw:
// same scenario, same trial count, same seed, therefore the same numbers.
//
// Everything read from a URL is untrusted: it is parsed, checked against
// limits and against the preset's shape, and anything wrong falls back to the
// default with a notice (a list of {key, value} for the page to translate).
//
// `pin` is a scenario pinned as A (B against A): its own edits of the same
// preset, read as carefully as `edits`; null when nothing is pinned.

// The address bar's own limits. The run's limits and defaults (trials, seed,
// default preset) are the engine's: parseQuery reads them from its schema.
export const URL_LIMITS = Object.freeze({
  urlMaxChars: 60_000,
  pathMaxDepth: 8,
});

/** Seeds above this cannot travel through JSON exactly, whatever the engine accepts. */
const SEED_CAP = Number.MAX_SAFE_INTEGER;

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A deep copy of plain JSON data. */
export function clone(v) {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What differs between `base` and `current`, as {dotted.path: value}.
 * Objects with the same keys are compared field by field; anything else
 * (arrays, numbers, an object whose shape changed) is replaced whole.
 */
export function diffScenario(base, current, prefix = '', out = {}) {
  if (isObj(base) && isObj(current)) {
    const kb = Object.keys(base).sort();
    const kc = Object.keys(current).sort();
    if (sameJson(kb, kc)) {
      for (const k of kc) diffScenario(base[k], current[k], prefix ? `${prefix}.${k}` : k, out);
      return out;
    }
  }
  if (!sameJson(base, current)) out[prefix] = clone(current);
  return out;
}

/** Splits "a.b.c" into segments, refusing anything that could reach a prototype. */
export function splitPath(path) {
  if (typeof path !== 'string' || path === '') return null;
  const parts = path.split('.');
  if (parts.length > URL_LIMITS.pathMaxDepth) return null;
  for (const p of parts) if (p === '' || FORBIDDEN.has(p) || !/^[A-Za-z0-9_]+$/.test(p)) return null;
  return parts;
}

export function getPath(obj, path) {
  const parts = Array.isArray(path) ? path : splitPath(path);
  if (!parts) return undefined;
  let cur = obj;
  for (const p of parts) {
    if (cur == null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** Sets a value at a path that already exists in `obj` (returns false otherwise). */
export function setPath(obj, path, value) {
  const parts = Array.isArray(path) ? path : splitPath(path);
  if (!parts) return false;
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (cur == null || typeof cur !== 'object' || !Object.hasOwn(cur, parts[i])) return false;
    cur = cur[parts[i]];
  }
  const last = parts[parts.length - 1];
  if (cur == null || typeof cur !== 'object') return false;
  // A field that the preset lacks may still be legitimate (an optional field
  // such as "source"); the engine's validate() is the judge of that.
  cur[last] = clone(value);
  return true;
}

/** The preset with the edits applied. Throws {key, value} on a path that cannot be set. */
export function applyEdits(base, edits) {
  const s = clone(base);
  for (const [path, value] of Object.entries(edits ?? {})) {
    if (!setPath(s, path, value)) throw { key: 'notice.badPath', value: path };
  }
  return s;
}

/** Edits as a link carries them: a JSON object of safe dotted paths. Throws {key, value} or an Error. */
/**
 * Edits (or a pin) from their JSON text. For edits (`notices` given) a key
 * that cannot be a field is dropped on its own, with a notice, and the
 * others are kept; for a pin (no `notices`) any such key rejects it whole,
 * since a scenario A that is not what was pinned would mislead.
 */
function parseEdits(text, notices = null) {
  const parsed = JSON.parse(text);
  if (!isObj(parsed)) throw new Error('not an object');
  const clean = {};
  for (const [path, value] of Object.entries(parsed)) {
    if (splitPath(path)) clean[path] = value;
    else if (notices) notices.push({ key: 'notice.badPath', value: String(path).slice(0, 80), dropped: true });
    else throw new Error('not a field');
  }
  return clean;
}

function parseWhole(raw, min, max) {
  if (!/^\d{1,16}$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * Reads a query string. `schema` is the engine's (its presets, default
 * preset and limits); `langs` the page's languages. Returns {state, notices};
 * `state.lang` is null when the URL does not choose one.
 */
export function parseQuery(search, { schema, langs }) {
  const notices = [];
  const { presets: presetIds, default_preset: defaultPreset, limits } = schema;
  const fallbackPreset = presetIds.includes(defaultPreset) ? defaultPreset : presetIds[0];
  const state = { preset: fallbackPreset, edits: {}, trials: limits.trials_default, seed: limits.seed_default, lang: null, present: false, pin: null };
  if (typeof search !== 'string') return { state, notices };
  if (search.length > URL_LIMITS.urlMaxChars) {
    notices.push({ key: 'notice.tooLong', value: '' });
    return { state, notices };
  }
  const q = new URLSearchParams(search);

  const preset = q.get('preset');
  if (preset !== null) {
    if (presetIds.includes(preset)) state.preset = preset;
    else notices.push({ key: 'notice.badPreset', value: preset });
  }

  const edits = q.get('edits');
  if (edits !== null && edits !== '') {
    try {
      // Edits only make sense against the preset they were made on.
      const clean = parseEdits(edits, notices);
      if (presetIds.includes(preset ?? fallbackPreset)) state.edits = clean;
    } catch (e) {
      notices.push(e && e.key ? e : { key: 'notice.badEdits', value: '' });
    }
  }

  const pin = q.get('pin');
  if (pin !== null) {
    try {
      const clean = parseEdits(pin === '' ? '{}' : pin);
      if (presetIds.includes(preset ?? fallbackPreset)) state.pin = clean;
    } catch {
      notices.push({ key: 'notice.badPin', value: '' });
    }
  }

  const trials = q.get('trials');
  if (trials !== null) {
    const n = parseWhole(trials, 1, limits.trials_max);
    if (n === null) notices.push({ key: 'notice.badTrials', value: trials });
    else state.trials = n;
  }

  const seed = q.get('seed');
  if (seed !== null) {
    const n = parseWhole(seed, 0, Math.min(limits.seed_max, SEED_CAP));
    if (n === null) notices.push({ key: 'notice.badSeed', value: seed });
    else state.seed = n;
  }

  const lang = q.get('lang');
  if (lang !== null) {
    if (langs.includes(lang)) state.lang = lang;
    else notices.push({ key: 'notice.badLang', value: lang });
  }

  const present = q.get('present');
  state.present = present === '1' || present === 'true';

  // The short form: each edited field as its own parameter (budget.constant=3000000).
  // Which of them are fields is for the preset to say (Session.boot).
  const loose = {};
  const pinLoose = {};
  for (const [k, raw] of q) {
    // A pinned scenario's fields in the short form: pin.budget.constant=2200000.
    if (k.startsWith('pin.')) {
      if (splitPath(k.slice(4))) pinLoose[k.slice(4)] = looseValue(raw);
      else notices.push({ key: 'notice.badPin', value: '' });
      continue;
    }
    if (RESERVED.has(k) || !splitPath(k) || Object.hasOwn(state.edits, k)) continue;
    loose[k] = looseValue(raw);
  }
  if (Object.keys(pinLoose).length && presetIds.includes(preset ?? fallbackPreset)) state.pin = { ...(state.pin ?? {}), ...pinLoose };
  if (Object.keys(loose).length) state.loose = loose;
  return { state, notices };
}

/** The page's and the widget's own parameters: never a field of the scenario. */
const RESERVED = new Set(['preset', 'edits', 'trials', 'seed', 'lang', 'present', 'pin', 'controls', 'lead', 'theme', 'accent', 'font', 'title', 'intro', 'share']);

/** A value of the short form: JSON when it reads as JSON (numbers, lists, objects), else the text. */
function looseValue(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * The short, readable query of a state: the preset, then each edited field
 * as its own parameter, a pinned scenario A the same way (`pin.` before each
 * of its fields, or `pin=` alone for the preset as it is), then the trial
 * count and seed only when they are not the defaults (`defaults`: {trials,
 * seed}), and the language.
 */
export function shortQuery(state, defaults = {}) {
  const q = new URLSearchParams();
  q.set('preset', state.preset);
  const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  for (const [path, value] of Object.entries(state.edits ?? {})) q.set(path, text(value));
  if (state.pin && typeof state.pin === 'object') {
    const pinned = Object.entries(state.pin);
    if (pinned.length) for (const [path, value] of pinned) q.set(`pin.${path}`, text(value));
    else q.set('pin', '');
  }
  if (defaults.trials === undefined || state.trials !== defaults.trials) q.set('trials', String(state.trials));
  if (defaults.seed === undefined || state.seed !== defaults.seed) q.set('seed', String(state.seed));
  if (state.lang) q.set('lang', state.lang);
  return `?${q.toString()}`;
}

/** The short address of a state (see shortQuery). */
export function shortUrl(state, defaults, base = globalThis.location?.href) {
  const u = new URL(base);
  u.search = shortQuery(state, defaults);
  u.hash = '';
  return u.toString();
}

/** The query string for a state; defaults are left out so links stay short. */
export function toQuery(state) {
  const q = new URLSearchParams();
  q.set('preset', state.preset);
  if (state.edits && Object.keys(state.edits).length) q.set('edits', JSON.stringify(state.edits));
  q.set('trials', String(state.trials));
  q.set('seed', String(state.seed));
  if (state.lang) q.set('lang', state.lang);
  if (state.present) q.set('present', '1');
  if (state.pin && typeof state.pin === 'object') q.set('pin', JSON.stringify(state.pin));
  return `?${q.toString()}`;
}

/** The full shareable address of a state, relative to `base` (the page's own URL). */
export function shareUrl(state, base = globalThis.location?.href) {
  const u = new URL(base);
  u.search = toQuery(state);
  u.hash = '';
  return u.toString();
}
