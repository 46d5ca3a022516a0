// The plan that "What does it take?" found, drawn: the answer in a sentence,
// each target's chance, what holds it back when no plan fits, the cost, the
// table year by year and "Use this plan". Words and numbers: lib/plan.js.

import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { planText } from '../lib/plan.js';
import { planChart, todayRows } from '../lib/plan-chart.js';

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

/** The plan's path against today's (lib/plan-chart.js), or nothing if it cannot be drawn. */
function pathFigure(Plot, plan, today, width) {
  const targets = plan.targets
    .map((tg) => plan.scenario.targets?.[tg.target - 1])
    .filter((tg) => tg && tg.metric === 'duos_started' && tg.kind === 'annual')
    .map((tg) => ({ year: tg.year, value: tg.value }));
  try {
    const node = planChart(Plot, { plan, today: todayRows(today), targets, label: t('plan.chartLabel'), width });
    return h('figure', { class: 'plan-chart' }, node, h('figcaption', { text: t('plan.chartLabel') }));
  } catch {
    return null;
  }
}

/**
 * The plan's answer as an element. `labels[k]`: the reader's words for
 * target k; `onUse()`: loads the plan as the scenario (absent: no button).
 */
export function planBlock(plan, { labels, onUse, Plot = null, today = null, width = 640 }) {
  const text = planText(plan, labels);
  const withMentors = plan.years.some((y) => typeof y.recruits === 'number');
  const lines = [text.detail, ...text.targets, text.why, text.cost, text.perJob].filter(Boolean);
  const parts = [h('p', { class: 'solve-value', id: 'plan-answer' }, h('strong', { text: text.answer })), h('ul', { class: 'solve-detail' }, lines.map((d) => h('li', { text: d })))];
  // "Use this plan" right under the answer, before the drawing and the table (in presentation mode they scroll).
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
  if (Plot) parts.push(pathFigure(Plot, plan, today, width));
  parts.push(h('p', { class: 'plan-table-note', text: t('plan.tableNote') }), planTable(text.rows, withMentors));
  parts.push(h('p', { class: 'solve-meta', text: text.meta }));
  return h('div', { class: 'plan-answer', dataset: { met: String(text.met) } }, ...parts);
}
