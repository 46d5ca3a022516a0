// The plan that "What does it take?" found, drawn: the answer in a sentence,
// each target's chance, what holds it back when no plan fits, the cost, the
// table year by year and "Use this plan". Words and numbers: lib/plan.js.

import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { planText } from '../lib/plan.js';

const COLS = ['col.year', 'plan.col.duos', 'plan.col.intake', 'plan.col.budget', 'plan.col.recruits', 'plan.col.mentors', 'plan.col.limit'];

function planTable(rows, withMentors) {
  const cols = withMentors ? COLS : COLS.filter((c) => c !== 'plan.col.recruits' && c !== 'plan.col.mentors');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'plan', id: 'plan-table' },
      h('caption', { text: t('plan.caption') }),
      h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col', text: t(k) })))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { class: r.capped ? 'short' : null },
            h('th', { scope: 'row', text: r.year }),
            h('td', { class: 'num', text: r.duos }),
            h('td', { class: 'num', text: r.intake }),
            h('td', { class: 'num', text: r.budget }),
            withMentors ? h('td', { class: 'num' }, h('span', { text: r.recruits }), r.capped ? h('span', { class: 'short-mark', text: `(${r.capped})` }) : null) : null,
            withMentors ? h('td', { class: 'num', text: r.mentors }) : null,
            h('td', { text: r.limit })
          )
        )
      )
    )
  );
}

/**
 * The plan's answer as an element. `labels[k]`: the reader's words for
 * target k; `onUse()`: loads the plan as the scenario (absent: no button).
 */
export function planBlock(plan, { labels, onUse }) {
  const text = planText(plan, labels);
  const withMentors = plan.years.some((y) => typeof y.recruits === 'number');
  const lines = [text.detail, ...text.targets, text.why, text.cost, text.perJob].filter(Boolean);
  const parts = [h('p', { class: 'solve-value', id: 'plan-answer' }, h('strong', { text: text.answer })), h('ul', { class: 'solve-detail' }, lines.map((d) => h('li', { text: d })))];
  parts.push(h('p', { class: 'plan-table-note', text: t('plan.tableNote') }), planTable(text.rows, withMentors));
  if (onUse) {
    parts.push(
      h(
        'p',
        { class: 'plan-use' },
        h('button', { type: 'button', id: 'plan-use', 'aria-describedby': 'plan-use-help', text: t('plan.use'), onclick: onUse }),
        h('span', { id: 'plan-use-help', class: 'plan-use-help', text: ` ${t('plan.useHelp')}` })
      )
    );
  }
  parts.push(h('p', { class: 'solve-meta', text: text.meta }));
  return h('div', { class: 'plan-answer', dataset: { met: String(text.met) } }, ...parts);
}
