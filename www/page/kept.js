// The last answer kept on this device: after each run the headline cards are
// kept as text (localStorage, a few kilobytes), so that a page whose engine
// cannot load still shows what it last computed here, marked as such, with
// its scenario, trials, seed and date. Nothing of it is ever run or parsed as
// markup: it is text, shown as text.

import { t, locale } from '../lib/i18n.js';
import { h } from '../lib/dom.js';

const KEY = 'mentorsim:last-answer';
const text = (el, sel) => el.querySelector(sel)?.textContent.trim() ?? '';

/** Keeps the cards now in `headline` under `title`; silently does nothing where storage is refused. */
export function keepAnswer(headline, { title, trials, seed }) {
  try {
    const cards = [...headline.querySelectorAll('.card')].map((c) => ({
      title: text(c, 'h3'),
      value: text(c, '.big'),
      unit: text(c, '.unit'),
      band: text(c, '.band'),
    }));
    localStorage.setItem(KEY, JSON.stringify({ title, trials, seed, at: Date.now(), cards }));
  } catch {
    // Private mode, a sandbox or a full quota: nothing is kept.
  }
}

/** The kept answer, or null (none, or not in the expected form). */
export function keptAnswer() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!v || !Array.isArray(v.cards) || typeof v.title !== 'string') return null;
    return v;
  } catch {
    return null;
  }
}

/** A section showing the kept answer as text, or null when there is none. */
export function keptSection() {
  const k = keptAnswer();
  if (!k) return null;
  const str = (x) => (typeof x === 'string' ? x.slice(0, 400) : '');
  const date = Number.isFinite(k.at) ? new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(k.at)) : '';
  return h(
    'section',
    { id: 'kept', class: 'kept', 'aria-labelledby': 'kept-h' },
    h('h3', { id: 'kept-h', text: t('kept.heading', { date }) }),
    h('p', { class: 'kept-title', text: str(k.title) }),
    h(
      'ul',
      {},
      k.cards.slice(0, 20).map((c) => h('li', {}, h('strong', { text: `${str(c?.title)}: ${str(c?.value)}` }), ` ${[str(c?.unit), str(c?.band)].filter(Boolean).join(' · ')}`))
    ),
    h('p', { class: 'kept-n', text: t('kept.n', { trials: String(k.trials ?? ''), seed: String(k.seed ?? '') }) })
  );
}
