// "What drives the answer?": a select of the headline (the benefit-cost
// ratio by default), the tornado of its rank correlations as sorted bars
// with their sign, its table alternative and a caption that counts the
// trials with an undefined value; and "What is better evidence worth?", the
// value of information as sentences. Both come from the task worker (the
// ranking over the run's first 2,000 trials, as the engine computes it).
// Words and numbers: lib/decide.js.

import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { tornadoChart, tornadoTable } from '../lib/charts.js';
import { DRIVER_OUTPUTS, tornadoRows, tornadoCaption, fmtRho, valueText } from '../lib/decide.js';
import { figure } from './figures.js';
import { partnerWorthText } from '../lib/partners.js';
import { app } from './shared.js';

/**
 * The output select and the tornado of `output` for a run's sensitivity
 * into `root`. `o`: {seed, busy, Plot, fileName, credit, width, output, choose(output)}.
 */
export function renderDrivers(root, sens, { seed, busy = false, Plot, fileName, credit, width, output, choose }) {
  root.setAttribute('aria-busy', String(busy));
  if (!sens) {
    // While the first answer is computed, a line of the answer's height holds its place: the charts below do not jump.
    if (!busy) root.replaceChildren();
    else if (!root.querySelector('figure')) root.replaceChildren(h('p', { class: 'muted drivers-pending', text: t('drivers.busy') }));
    return;
  }
  const select = h(
    'select',
    { id: 'drivers-output' },
    DRIVER_OUTPUTS.filter((o) => sens.outputs?.[o]).map((o) => h('option', { value: o, text: t(`drivers.output.${o}`), selected: o === output }))
  );
  select.addEventListener('change', () => choose(select.value));
  const rows = tornadoRows(sens, output);
  const title = t('drivers.chart', { what: t(`drivers.output.${output}`) });
  const caption = tornadoCaption(sens, output, { seed });
  const spec = {
    id: 'tornado',
    title,
    caption,
    draw: (P) => (rows.length ? tornadoChart(P, { rows, label: title, width: Math.min(width, 820), fmt: fmtRho }) : h('p', { text: t('drivers.none') })),
    table: () => tornadoTable(title, rows, fmtRho),
  };
  root.replaceChildren(
    h('div', { class: 'field drivers-field' }, h('label', { for: 'drivers-output', text: t('drivers.output') }), select),
    h('p', { class: 'print-only drivers-chosen', text: title }),
    figure(spec, { Plot, fileName, credit })
  );
  root.dataset.output = output;
}

/** What evidence is worth, into `root`: busy, the sentences, or nothing. */
export function renderValue(root, voi, { busy = false } = {}) {
  const heading = h('h3', { id: 'value-h', text: t('value.heading') });
  if (busy && !voi) {
    root.replaceChildren(heading, h('p', { class: 'muted', text: t('value.busy') }));
    root.setAttribute('aria-busy', 'true');
    return;
  }
  root.removeAttribute('aria-busy');
  if (!voi) {
    root.replaceChildren();
    return;
  }
  const { effect, all, priors, range } = valueText(voi);
  const byPrior = priors.length
    ? [h('p', { class: 'value-lead', text: t('value.priorsLead') }), h('ul', { class: 'value-priors' }, ...priors.map((p) => h('li', { dataset: { prior: p.id }, text: p.text })))]
    : [];
  const rangeLine = range ? [h('p', { class: 'value-range', id: 'value-range', text: range })] : [];
  // For a programme of partners: knowing each one's results, one click away.
  const partners = partnerWorthText(voi, app.last?.scenario?.partners);
  const byPartner = partners.length
    ? [h('details', { class: 'value-partners' }, h('summary', { text: t('value.partnersLead') }), h('ul', {}, ...partners.map((p) => h('li', { dataset: { partner: p.id }, text: p.text }))))]
    : [];
  root.replaceChildren(heading, ...rangeLine, h('p', { class: 'value-effect', id: 'value-effect', text: effect }), h('p', { class: 'value-all', text: all }), ...byPrior, ...byPartner);
}
