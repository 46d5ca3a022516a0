// A chart as the page shows it: a figure with its controls, downloads,
// caption and table alternative. Used by the page and reusable by a widget.

import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { chartColours } from '../lib/charts.js';
import { pngBlob, svgText, download } from '../lib/export.js';

/**
 * A <figure> for one chart spec (from results.chartSpecs): title, the
 * per-year/cumulative switch, PNG and SVG buttons, the chart, a legend,
 * a caption and the numbers as a table.
 * @param {object} spec
 * @param {object} o
 * @param {object|null} o.Plot       Observable Plot (null: show a message instead of the chart)
 * @param {string} o.fileName        base name of the downloads
 * @param {(mode: string) => void} [o.onMode]  called when the reader switches the mode
 * @param {string} [o.credit]        appended to the caption of exported files (scenario, sources, address)
 */
export function figure(spec, { Plot, fileName, onMode, credit = '' }) {
  const fig = h('figure', { class: 'chart', id: `chart-${spec.id}`, dataset: { chart: spec.id } });
  const headId = `chart-${spec.id}-h`;
  const head = h('div', { class: 'chart-head' }, h('h3', { id: headId, text: spec.title }));
  if (spec.mode) {
    const group = h('div', { class: 'modes', role: 'radiogroup', 'aria-label': `${spec.title}: ${t('chart.mode')}` });
    for (const m of ['cumulative', 'annual']) {
      const id = `mode-${spec.id}-${m}`;
      const r = h('input', { type: 'radio', id, name: `mode-${spec.id}`, value: m, checked: spec.mode === m });
      r.addEventListener('change', () => onMode?.(m));
      group.append(h('span', { class: 'mode' }, r, h('label', { for: id, text: t(`mode.${m}`) })));
    }
    head.append(group);
  }
  let node;
  try {
    if (!Plot) throw new Error('charts unavailable');
    node = spec.draw(Plot);
  } catch (e) {
    node = h('p', { class: 'field-error', text: e.message });
  }
  const plot = h('div', { class: 'plot' }, node);
  const name = fileName;
  const exportText = { title: spec.title, caption: [spec.caption, credit].filter(Boolean).join(' ') };
  const actions = h(
    'div',
    { class: 'chart-actions' },
    h('button', {
      type: 'button',
      class: 'small',
      text: t('chart.png'),
      'aria-label': t('chart.downloadPng', { what: spec.title }),
      onclick: async () => download(`${name}.png`, await pngBlob(node, exportText)),
    }),
    h('button', {
      type: 'button',
      class: 'small',
      text: t('chart.svg'),
      'aria-label': t('chart.downloadSvg', { what: spec.title }),
      onclick: () => download(`${name}.svg`, svgText(node, exportText), 'image/svg+xml'),
    })
  );
  head.append(actions);
  fig.append(head, plot);
  if (spec.legend) {
    const { series } = chartColours();
    fig.append(
      h(
        'ul',
        { class: 'legend' },
        spec.legend.map((text, i) => {
          const sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
          sw.setAttribute('width', '14');
          sw.setAttribute('height', '14');
          sw.setAttribute('aria-hidden', 'true');
          const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
          rect.setAttribute('width', '14');
          rect.setAttribute('height', '14');
          rect.setAttribute('fill', series[i % series.length]);
          sw.append(rect);
          return h('li', {}, sw, h('span', { text: text }));
        })
      )
    );
  }
  fig.append(h('figcaption', { text: spec.caption }), h('details', { class: 'table' }, h('summary', { text: t('chart.table') }), h('div', { class: 'table-wrap' }, spec.table())));
  fig.setAttribute('aria-labelledby', headId);
  return fig;
}
