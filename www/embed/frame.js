// What frames the widget's answer: the title and setup line, the sources in
// one line (evidence rows joined into runs, links, how many inputs are
// assumptions) and the link to the full simulator with the same scenario.

import { t, pick, getLang, fmtInt, fmtEur, fmtYear } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { toQuery, diffScenario, getPath } from '../lib/state.js';
import { parseSource, evidenceRow } from '../lib/evidence.js';
import { paramPaths } from '../lib/params.js';
import { et, etPlural } from './strings.js';
import { isEdited } from './sliders.js';
import { scenarioTitle } from '../lib/naming.js';

const $ = (id) => document.getElementById(id);

function budgetText(b) {
  if (!b) return '';
  if (b.unlimited) return et('embed.unlimited');
  if (typeof b.constant === 'number') return et('embed.perYear', { x: fmtEur(b.constant, { compact: true }) });
  if (Array.isArray(b.per_year)) return et('embed.perYearList', { x: b.per_year.map((x) => fmtEur(x, { compact: true })).join(' · ') });
  return '';
}

export function renderSetup(w) {
  const s = w.session.scenario;
  const title = $('w-title');
  // The scenario's own title says what changed (lib/naming.js); the chip says that it did.
  title.textContent = w.options.title || scenarioTitle(w.session.base, s, { marker: false });
  if (isEdited(w)) title.append(' ', h('span', { class: 'chip', text: t('controls.edited') }));
  const years = `${fmtYear(s.start_year)}–${fmtYear(s.end_year)}`;
  $('w-setup').textContent = et('embed.setup', { years, budget: budgetText(s.budget) });
  const intro = introText(w);
  // The preset's own sentence speaks of the scenario as published (its budget, say): once edited, it says so.
  const asPublished = intro && !w.options.intro && isEdited(w);
  $('w-intro').replaceChildren(...(asPublished ? [h('span', { class: 'chip published', text: t('note.asPublished') }), ' '] : []), intro);
  $('w-intro').hidden = !intro;
}

/** The sentence under the heading: the address's own, none for intro=none, else the preset's. */
export function introText(w) {
  const own = w.options.intro;
  if (own === 'none') return '';
  if (own) return own;
  const key = `embed.intro.${w.session.state.preset}`;
  const text = et(key);
  return text === key ? '' : text;
}

/** The full simulator's address for the scenario as it is now (or for `scenario`, a plan say). */
export function fullUrl(w, hash = '', scenario = w.session.scenario) {
  const { session } = w;
  const state = { ...session.state, edits: diffScenario(session.base, scenario), lang: getLang(), present: false };
  const u = new URL('index.html', location.href);
  u.search = toQuery(state);
  u.hash = hash;
  return u.href;
}

const ORDER = 'ECF';
function byId(a, b) {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]);
}

/** Evidence ids joined into runs: ["E3", "E4-E8", "E12"] (as [first, last]). */
export function runs(ids) {
  const out = [];
  for (const id of [...ids].sort(byId)) {
    const prev = out[out.length - 1];
    if (prev && prev[1][0] === id[0] && Number(prev[1].slice(1)) + 1 === Number(id.slice(1)) && evidenceRow(`${id[0]}${Number(id.slice(1))}`)) prev[1] = id;
    else out.push([id, id]);
  }
  return out;
}

/** The evidence ids, links and number of assumptions a scenario rests on. */
export function scenarioSources(s) {
  const ids = new Set();
  const urls = new Set();
  let assumed = 0;
  const visit = (src) => {
    for (const r of parseSource(src)) {
      if (r.kind === 'row') ids.add(r.id);
      else if (r.kind === 'url') urls.add(r.href);
    }
  };
  visit(s.budget?.source);
  visit(s.intake?.source);
  for (const p of paramPaths(s)) {
    const v = getPath(s, p);
    const o = v && typeof v === 'object' ? v : {};
    visit(o.source);
    if (o.assumption || !parseSource(o.source).length) assumed += 1;
  }
  for (const tg of s.targets ?? []) visit(tg.source);
  return { ids, urls, assumed };
}

export function renderSources(w) {
  const { ids, urls, assumed } = scenarioSources(w.session.scenario);
  const line = $('w-sources');
  line.replaceChildren(h('span', { class: 'w-sources-label', text: `${et('embed.sources')}: ` }));
  const items = [];
  for (const [a, b] of runs(ids)) {
    const row = evidenceRow(a);
    items.push(
      h('a', {
        href: fullUrl(w, `ev-${a}`),
        target: '_blank',
        rel: 'noopener',
        text: a === b ? a : `${a}–${b}`,
        title: a === b && row ? pick(row.fig) : null,
      })
    );
  }
  for (const u of urls) items.push(h('a', { href: u, target: '_blank', rel: 'noopener noreferrer', text: new URL(u).hostname }));
  if (!items.length) items.push(h('span', { text: et('embed.noSources') }));
  items.forEach((el, i) => line.append(i ? ', ' : '', el));
  if (assumed) {
    line.append(' · ', h('a', { href: fullUrl(w, 'sources'), target: '_blank', rel: 'noopener', text: etPlural('embed.assumed', assumed, { n: fmtInt(assumed) }) }));
  }
}

export function renderLinks(w) {
  const a = $('w-open');
  a.href = fullUrl(w);
  a.textContent = et('embed.open');
  a.setAttribute('aria-label', `${et('embed.open')} (${et('embed.newTab')})`);
  a.title = et('embed.newTab');
}

export function renderFrame(w) {
  renderSetup(w);
  renderSources(w);
  renderLinks(w);
}
