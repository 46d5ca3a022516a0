// The page's "Each partner's part" section, for a programme of partners:
// a table of what each delivers and at what cost (median and P5–P95), the
// partners without published results named, and their duos started as a
// chart with its table alternative. Hidden for a programme without partners.
// The words and numbers come from lib/partners.js; this module draws them.

import { t, fmtInt, fmtYear, fmtList } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { perspectiveChart, perspectiveTable } from '../lib/charts.js';
import { PARTNER_FIGURES, partnerRows, partnersCaption } from '../lib/partners.js';
import { figure } from './figures.js';

/** The partners as a table: who, share of the money, then each figure's median with its band under it. */
/** A partner's name without its programme's name in brackets ("Backstage.Network"). */
const shortName = (name) => name.replace(/\s*\(.*\)$/, '');

// On a phone each row stands as a card (style.css), each figure under its
// column's name: the roles are explicit so that a screen reader still reads
// a table when the layout no longer is one.
function partnersTable(rows, caption) {
  const keys = PARTNER_FIGURES.map(([key]) => key);
  const label = (k) => t(`partners.col.${k}`);
  const cell = (k, children) => h('td', { class: 'num', role: 'cell', dataset: { label: label(k) } }, ...children);
  return h(
    'table',
    { class: 'partners', id: 'partners-table', role: 'table' },
    h('caption', { text: caption }),
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ['partner', 'share', ...keys].map((k) => h('th', { scope: 'col', role: 'columnheader', text: label(k) })))),
    h(
      'tbody',
      { role: 'rowgroup' },
      rows.map((r) =>
        h(
          'tr',
          { role: 'row', dataset: { partner: r.id } },
          h(
            'th',
            { scope: 'row', role: 'rowheader' },
            h('span', { class: 'who' }, shortName(r.name), h('span', { class: 'programme', text: r.name.slice(shortName(r.name).length) })),
            r.serves ? h('span', { class: 'what', text: r.serves }) : null,
            r.noResults ? h('span', { class: 'no-results', text: t('partners.noResults') }) : null
          ),
          cell('share', [r.share]),
          keys.map((k) => cell(k, [h('span', { class: 'median', text: r.figures[k].median }), h('span', { class: 'band', text: r.figures[k].band })]))
        )
      )
    )
  );
}

/**
 * The section's body into `root` (and the section shown), or the section
 * hidden when the result has no partners. `o`: {Plot, fileName, credit, width}.
 */
export function renderPartners(root, result, scenario, { Plot, fileName, credit, width }) {
  const section = root.closest('section');
  const rows = partnerRows(result, scenario);
  if (section) section.hidden = rows.length === 0;
  if (!rows.length) return root.replaceChildren();
  const year = fmtYear(result.years.at(-1));
  const none = rows.filter((r) => r.noResults).map((r) => shortName(r.name));
  const title = t('partners.chart', { year });
  const bars = rows.map((r) => ({ label: shortName(r.name), median: r.figures.duos.value, p5: r.figures.duos.p5, p95: r.figures.duos.p95 }));
  const spec = {
    id: 'partners',
    title,
    caption: t('partners.chartCaption'),
    draw: (P) => perspectiveChart(P, { rows: bars, label: title, width: Math.min(width, 720), axis: t('partners.axis'), fmt: fmtInt }),
    table: () => perspectiveTable(title, bars, fmtInt),
  };
  const parts = [
    h('p', { class: 'partners-intro', text: t('partners.intro') }),
    none.length ? h('p', { class: 'partners-none', text: t('partners.noneNote', { names: fmtList(none) }) }) : null,
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'partners-h' }, partnersTable(rows, partnersCaption(result))),
    rows.some((r) => Object.values(r.figures).some((f) => f.open)) ? h('p', { class: 'partners-open', text: t('partners.openNote') }) : null,
    Plot ? figure(spec, { Plot, fileName, credit }) : null,
  ];
  root.replaceChildren(...parts.filter(Boolean));
}
