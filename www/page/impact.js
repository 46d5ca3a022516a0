// The page's "Does it pay back, and for whom?" section: the evidence prior
// the reader picks (a labelled select, the default and why, the chosen
// prior's note and rows), the break-even sentences, and the accounts by
// perspective as a table and as a chart with its table alternative. The
// words and numbers come from lib/accounts.js; this module only draws them.

import { t, pick, fmtInt } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { parseSource } from '../lib/evidence.js';
import { perspectiveChart, perspectiveTable } from '../lib/charts.js';
import { CUSTOM, DEFAULT_PRIOR, priorOf, breakEvenText, perspectiveRows, accountsCaption } from '../lib/accounts.js';
import { figure } from './figures.js';

/** Chips linking to the evidence rows a source names. */
function rowChips(source) {
  return parseSource(source)
    .filter((r) => r.kind === 'row')
    .flatMap((r) => [h('a', { class: 'chip', href: `#ev-${r.id}`, text: r.id }), ' ']);
}

/**
 * The prior picker into `root` for the scenario's counterfactual.
 * `choose(id)` is called with the prior the reader picks.
 */
export function renderPriorPicker(root, { scenario, priors, choose }) {
  const current = priorOf(scenario?.counterfactual, priors);
  const prior = priors.find((p) => p.id === current);
  const options = priors.map((p) => h('option', { value: p.id, text: pick(p.name), selected: p.id === current }));
  if (current === CUSTOM) options.push(h('option', { value: CUSTOM, text: t('prior.custom'), selected: true, disabled: true }));
  const select = h('select', { id: 'prior-select', 'aria-describedby': 'prior-default prior-note' }, options);
  select.addEventListener('change', () => {
    if (select.value !== CUSTOM) choose(select.value);
  });
  const name = prior ? pick(prior.name) : t('prior.custom');
  const def = priors.find((p) => p.id === DEFAULT_PRIOR);
  root.replaceChildren(
    h('div', { class: 'field prior-field', dataset: { field: 'counterfactual' } }, h('label', { for: 'prior-select', text: t('prior.label') }), select),
    h('p', { class: 'print-only prior-chosen', text: t('prior.chosen', { name }) }),
    h('p', { class: 'prior-default', id: 'prior-default', text: def ? t('prior.default') : '' }),
    prior
      ? h('p', { class: 'prior-note', id: 'prior-note' }, h('span', { text: `${pick(prior.note)} ` }), h('span', { class: 'sources-line' }, h('span', { text: `${t('prior.builtFrom')}: ` }), ...rowChips(prior.source)))
      : h('p', { class: 'prior-note custom', id: 'prior-note', text: t('prior.customNote') })
  );
  root.dataset.prior = current;
}

/** Keeps the picker's select on the scenario's prior without rebuilding it while the reader uses it. */
export function syncPriorPicker(root, { scenario, priors, choose }) {
  const current = priorOf(scenario?.counterfactual, priors);
  if (root.dataset.prior !== current) renderPriorPicker(root, { scenario, priors, choose });
}

/** The accounts as a table: perspective (and what it counts), net median, band, ratio, chance. */
function accountsTable(rows, caption) {
  const head = ['persp.col.who', 'persp.col.net', 'persp.col.band', 'persp.col.ratio', 'persp.col.chance'];
  return h(
    'table',
    { class: 'accounts', id: 'accounts-table' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, head.map((k) => h('th', { scope: 'col', text: t(k) })))),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { dataset: { perspective: r.id }, class: r.id === 'public' ? 'key' : null },
          h('th', { scope: 'row' }, h('span', { class: 'who', text: r.label }), h('span', { class: 'what', text: r.what })),
          h('td', { class: 'num', text: r.net }),
          h('td', { class: 'num', text: r.band }),
          h('td', { class: 'num', text: r.ratio }),
          h('td', { class: 'num', text: r.chance })
        )
      )
    )
  );
}

/**
 * The break-even sentences, the accounts table and the chart of a result
 * into `root`. `o`: {Plot, fileName, credit, width}.
 */
export function renderImpact(root, result, scenario, { Plot, fileName, credit, width }) {
  const be = breakEvenText(result, scenario);
  const rows = perspectiveRows(result);
  const year = String(result.years[0]);
  const meta = { trials: fmtInt(result.trials), seed: String(result.seed), year };
  const title = t('chart.persp');
  const parts = [
    h(
      'div',
      { class: 'break-even', id: 'break-even' },
      be.public ? h('p', { class: 'be-public', text: be.public }) : null,
      be.persistence ? h('p', { class: 'be-persistence', text: be.persistence }) : null,
      be.region ? h('p', { class: 'be-region', text: be.region }) : null,
      be.cost ? h('p', { class: 'be-cost', text: be.cost }) : null
    ),
  ];
  if (rows.length) {
    parts.push(h('h3', { id: 'accounts-h', text: t('persp.heading') }), h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'accounts-h' }, accountsTable(rows, accountsCaption(result, scenario))));
    const spec = {
      id: 'perspectives',
      title,
      caption: t('chart.perspCaption', meta),
      draw: (P) => perspectiveChart(P, { rows, label: title, width: Math.min(width, 720) }),
      table: () => perspectiveTable(title, rows),
    };
    parts.push(figure(spec, { Plot, fileName, credit }));
  }
  root.replaceChildren(...parts);
}
