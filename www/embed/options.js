// The widget's own URL parameters, on top of the page's state (state.js:
// preset, edits, trials, seed, lang), read by the widget (main.js) and written by the
// "Embed this" dialog, so both agree on names and defaults.
//
//   controls=budget,cost-per-duo   the sliders to show, in that order (at most 4), or "none"
//   lead=target                    the answer shown first: target (the first target), target-2, ...,
//                                  employed, net, cost-net, started, bcr, budget, mentors,
//                                  perspective-<p> (an account: region, eu, federal, local,
//                                  participants, public, society)
//   theme=light|dark|auto          colours (auto follows the reader's setting)
//   accent=0b4f9c                  accent colour, hex (#rgb or #rrggbb, the "#" optional)
//   font=system|sans|serif         font family, from this list only
//   title=...                      a heading instead of the scenario's name (plain text)
//   intro=...                      one sentence under the heading instead of the preset's own (plain text);
//                                  intro=none shows none
//
// Everything here is untrusted: values outside these lists are dropped with a
// notice ({name, value}) and the default is used. Nothing is ever turned into
// HTML or CSS text; the accent is re-serialised from its parsed digits.

import { toQuery } from '../lib/state.js';
import { PERSPECTIVES } from '../lib/accounts.js';

/** The controls a widget can show: the scenario path each one moves (its unit is the engine's schema's). */
export const CONTROLS = Object.freeze({
  budget: { path: 'budget.constant' },
  'cost-per-duo': { path: 'cost_per_duo' },
  'employment-rate': { path: 'outcomes.employed' },
  effect: { path: 'counterfactual.effect' },
});
const CONTROL_ALIASES = {
  cost_per_duo: 'cost-per-duo',
  employed: 'employment-rate',
  employment: 'employment-rate',
  'outcomes.employed': 'employment-rate',
  // The counterfactual was a baseline rate before it became an effect:
  // widgets pasted with the old names show the effect.
  baseline: 'effect',
  'baseline-rate': 'effect',
  baseline_rate: 'effect',
  'counterfactual.effect': 'effect',
};
export const MAX_CONTROLS = 4;

/** The answers a widget can lead with, and the headline card (results.js) of each. */
export const LEADS = Object.freeze({
  target: 'target-0',
  started: 'started',
  employed: 'employed',
  net: 'net',
  'cost-net': 'costNet',
  bcr: 'bcr',
  budget: 'budget',
  mentors: 'mentors',
});

export const THEMES = ['light', 'dark', 'auto'];
export const FONTS = ['system', 'sans', 'serif'];
export const TITLE_MAX = 160;
export const INTRO_MAX = 280;

export const EMBED_DEFAULTS = Object.freeze({
  controls: ['budget'],
  lead: 'target',
  theme: 'light',
  accent: null,
  font: 'system',
  title: '',
  intro: '',
  // Whether the address names a lead; without one the widget picks an informative one (view.js).
  leadGiven: false,
});

/** "#0b4f9c" for "0b4f9c", "#0B4F9C", "#bcd" or "bcd"; null for anything else. */
export function normaliseHex(raw) {
  if (typeof raw !== 'string') return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(raw.trim());
  if (!m) return null;
  const d = m[1].toLowerCase();
  return `#${d.length === 3 ? [...d].map((c) => c + c).join('') : d}`;
}

/** The lead of each account (results.js perspectiveCard): "perspective-region", ... */
export const PERSPECTIVE_LEADS = Object.freeze(PERSPECTIVES.map((p) => `perspective-${p}`));

/** The card id (results.js) of a lead, e.g. "target-2" → "target-1"; null if not a lead name. */
export function leadCard(lead) {
  if (Object.hasOwn(LEADS, lead)) return LEADS[lead];
  if (PERSPECTIVE_LEADS.includes(lead)) return lead;
  const m = /^target-([1-9]\d?)$/.exec(lead);
  return m ? `target-${Number(m[1]) - 1}` : null;
}

/** The perspective a lead names ("perspective-public" → "public"), or null. */
export function leadPerspective(lead) {
  return PERSPECTIVE_LEADS.includes(lead) ? lead.slice('perspective-'.length) : null;
}

/** The lead name of a card id: "target-0" → "target", "target-1" → "target-2", "costNet" → "cost-net". */
export function leadName(cardId) {
  if (PERSPECTIVE_LEADS.includes(cardId)) return cardId;
  const m = /^target-(\d+)$/.exec(cardId);
  if (m) return Number(m[1]) === 0 ? 'target' : `target-${Number(m[1]) + 1}`;
  return Object.keys(LEADS).find((k) => LEADS[k] === cardId) ?? null;
}

function cleanText(raw, max) {
  // Control characters out, whitespace collapsed, length capped. It is still
  // only ever shown with textContent.
  return raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * Reads the widget's parameters from a query string.
 * Returns {options: {controls, lead, theme, accent, font, title}, notices: [{name, value}]}.
 */
export function parseEmbedOptions(search) {
  const q = new URLSearchParams(typeof search === 'string' ? search : '');
  const options = { ...EMBED_DEFAULTS, controls: [...EMBED_DEFAULTS.controls] };
  const notices = [];
  const bad = (name, value) => notices.push({ name, value: String(value).slice(0, 80) });

  const controls = q.get('controls');
  if (controls !== null) {
    options.controls = [];
    const raw = controls.trim();
    if (raw !== '' && raw !== 'none') {
      for (const part of raw.split(/[,\s]+/).filter(Boolean)) {
        const name = CONTROL_ALIASES[part] ?? part;
        if (!Object.hasOwn(CONTROLS, name)) bad('controls', part);
        else if (!options.controls.includes(name) && options.controls.length < MAX_CONTROLS) options.controls.push(name);
      }
    }
  }

  const lead = q.get('lead');
  if (lead !== null) {
    if (leadCard(lead)) options.lead = lead;
    else bad('lead', lead);
  }

  const theme = q.get('theme');
  if (theme !== null) {
    if (THEMES.includes(theme)) options.theme = theme;
    else bad('theme', theme);
  }

  const accent = q.get('accent');
  if (accent !== null && accent !== '') {
    const hex = normaliseHex(accent);
    if (hex) options.accent = hex;
    else bad('accent', accent);
  }

  const font = q.get('font');
  if (font !== null) {
    if (FONTS.includes(font)) options.font = font;
    else bad('font', font);
  }

  const title = q.get('title');
  if (title !== null) options.title = cleanText(title, TITLE_MAX);

  const intro = q.get('intro');
  if (intro !== null) options.intro = cleanText(intro, INTRO_MAX);
  options.leadGiven = lead !== null;

  return { options, notices };
}

/**
 * The widget's query string for a page state and widget options; defaults are
 * left out so the code to paste stays short.
 */
export function embedQuery(state, options = {}) {
  const q = new URLSearchParams(toQuery({ ...state, present: false }));
  const o = { ...EMBED_DEFAULTS, ...options };
  const controls = (o.controls ?? []).filter((c) => Object.hasOwn(CONTROLS, c)).slice(0, MAX_CONTROLS);
  if (controls.join(',') !== EMBED_DEFAULTS.controls.join(',')) q.set('controls', controls.length ? controls.join(',') : 'none');
  if (o.lead && o.lead !== EMBED_DEFAULTS.lead && leadCard(o.lead)) q.set('lead', o.lead);
  if (THEMES.includes(o.theme) && o.theme !== EMBED_DEFAULTS.theme) q.set('theme', o.theme);
  const hex = normaliseHex(o.accent ?? '');
  if (hex) q.set('accent', hex.slice(1));
  if (FONTS.includes(o.font) && o.font !== EMBED_DEFAULTS.font) q.set('font', o.font);
  const title = typeof o.title === 'string' ? cleanText(o.title, TITLE_MAX) : '';
  if (title) q.set('title', title);
  const intro = typeof o.intro === 'string' ? cleanText(o.intro, INTRO_MAX) : '';
  if (intro) q.set('intro', intro);
  return `?${q.toString()}`;
}
