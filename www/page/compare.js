// B against A: the "Pin as A" / "Unpin A" bar, the line each headline card
// gains while a scenario is pinned (A's value, B − A and the chance B is
// better), and the table of every headline, all on common random numbers
// (the engine's compare(), run in the task worker). The fan charts draw A
// as a ghost (lib/charts.js). Words and numbers: lib/decide.js.

import { t, fmtInt } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { CARD_HEADLINES, cardDelta, cardDeltaShort, compareRows } from '../lib/decide.js';

/**
 * The pin bar into `root`. `o`: {pinned, differs (the number of inputs where
 * B differs from A), busy, pin(), unpin()}.
 */
export function renderPinBar(root, { pinned, differs, busy, pin, unpin }) {
  const button = pinned
    ? h('button', { type: 'button', id: 'btn-unpin', class: 'small', text: t('pin.unpin'), onclick: unpin })
    : h('button', { type: 'button', id: 'btn-pin', class: 'small', text: t('pin.pin'), 'aria-describedby': 'pin-help', onclick: pin });
  const note = pinned
    ? h('p', { id: 'pin-state', class: 'pin-state', role: 'status', text: [differs ? t('pin.pinned', { n: fmtInt(differs) }) : t('pin.same'), busy ? t('cmp.busy') : ''].filter(Boolean).join(' ') })
    : h('p', { id: 'pin-help', class: 'pin-help', text: t('pin.help') });
  // Redrawn while the reader may be on its button: the focus stays on the bar's button.
  const focused = root.contains(document.activeElement);
  root.replaceChildren(button, note);
  if (focused) button.focus();
  root.dataset.pinned = String(Boolean(pinned));
}

/** Adds B − A to the cards in `cardsRoot` that answer a compared headline. */
export function decorateCards(cardsRoot, cmp) {
  // The targets' cards first: their chance under A, and B − A in points.
  const targets = (cmp?.b?.targets ?? []).map((_, k) => `target-${k}`);
  for (const card of [...targets, ...Object.keys(CARD_HEADLINES)]) {
    const el = cardsRoot.querySelector(`#card-${card}`);
    const text = cmp ? cardDelta(cmp, card) : '';
    if (!el || !text) continue;
    const at = el.querySelector('.what') ?? null;
    el.insertBefore(h('p', { class: 'cmp-delta', dataset: { delta: card }, text }), at);
    // In presentation mode (page/room.css) the short form stands for it.
    const short = cardDeltaShort(cmp, card);
    if (short) el.insertBefore(h('p', { class: 'cmp-delta-short', text: short }), at);
  }
}

/** The table of every headline, B against A, into `root` (emptied when there is no comparison). */
export function renderComparison(root, cmp) {
  const section = root.closest('section');
  if (!cmp) {
    root.replaceChildren();
    if (section) section.hidden = true;
    return;
  }
  const rows = compareRows(cmp);
  const cols = ['cmp.col.headline', 'cmp.col.a', 'cmp.col.b', 'cmp.col.diff', 'cmp.col.band', 'cmp.col.better'];
  root.replaceChildren(
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'compare-h' },
      h(
        'table',
        { class: 'compare', id: 'compare-table' },
        h('caption', { text: t('cmp.caption', { trials: fmtInt(cmp.b?.trials), seed: String(cmp.b?.seed ?? '') }) }),
        h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col', text: t(k) })))),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              { dataset: { headline: r.id } },
              h('th', { scope: 'row', text: r.label }),
              h('td', { class: 'num', text: r.a }),
              h('td', { class: 'num', text: r.b }),
              h('td', { class: 'num', text: r.diff }),
              h('td', { class: 'num', text: r.band }),
              h('td', { class: 'num', text: r.better })
            )
          )
        )
      )
    )
  );
  if (section) section.hidden = false;
}
