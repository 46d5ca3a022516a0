// What the printed report adds to the screen (shown in print only): the
// counterfactual stated in one sentence, the inputs and assumptions as one
// compact table (each input, its distribution, where it comes from; the
// changed ones marked), under the scenario's own title.

import { t, pick, fmtPct, fmtNum } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { parseSource } from '../lib/evidence.js';
import { paramPaths, paramLabel, central, normalise, summary, fmtParamValue } from '../lib/params.js';
import { priorEntry } from '../lib/accounts.js';
import { changes, budgetValue, intakeValue } from '../lib/naming.js';

/** The counterfactual in one sentence, in the reader's language. */
export function counterfactualSentence(scenario, priors = []) {
  const cf = scenario?.counterfactual ?? {};
  if (cf.effect !== undefined) {
    const c = central('counterfactual.effect', cf.effect);
    const prior = priorEntry(cf, priors);
    const effect = t('print.points', { x: fmtPct(c.value, 1).replace(/\s?%$/, '') });
    return t('print.counterfactual', { effect, prior: prior ? pick(prior.name) : t('print.customPrior') });
  }
  if (cf.odds_ratio !== undefined) {
    const prior = priorEntry(cf, priors);
    const or = fmtNum(central('counterfactual.odds_ratio', cf.odds_ratio).value, 2);
    return t('print.counterfactualOdds', { or, prior: prior ? pick(prior.name) : t('print.customPrior') });
  }
  if (cf.baseline !== undefined) {
    return t('print.counterfactualBaseline', { baseline: fmtPct(central('counterfactual.baseline', cf.baseline).value, 0) });
  }
  return '';
}

/** A value in a few words for paper: its central value and 90 % range ("2 030 € (1 780 € to 2 240 €)"), or "fixed: 3.0 %"; the kind of distribution is on the page. */
function brief(path, v) {
  const d = normalise(v);
  const c = central(path, d);
  if (d.dist === 'fixed') return `${t('distShort.fixed')}: ${fmtParamValue(path, c.value)}`;
  const s = summary(path, d);
  const range = s ? ` (${t('dist.range', { lo: fmtParamValue(path, s.p5), hi: fmtParamValue(path, s.p95) })})` : '';
  return `${fmtParamValue(path, c.value)}${range}`;
}

function sourceText(o) {
  const refs = parseSource(o?.source).map((r) => (r.kind === 'row' ? r.id : r.kind === 'url' ? new URL(r.href).hostname : r.text));
  if (o?.assumption || !refs.length) refs.push(t('card.assumption'));
  return refs.join(', ');
}

function table(rows) {
  return h(
    'table',
    { class: 'print-inputs' },
    h('thead', {}, h('tr', {}, ...['sources.input', 'print.valueBand', 'sources.source'].map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, rows)
  );
}

/**
 * The print-only block for a run: {base, scenario} as the session keeps
 * them; `priors` the engine's named priors.
 */
export function printReport({ base, scenario }, priors = []) {
  const changed = new Set(changes(base, scenario).map((c) => c.path));
  const isChanged = (p) => [...changed].some((c) => c === p || p.startsWith(`${c}.`) || c.startsWith(`${p}.`));
  const rows = [];
  const row = (path, label, value, source) =>
    h(
      'tr',
      { class: isChanged(path) ? 'changed' : null },
      h('th', { scope: 'row' }, label, isChanged(path) ? h('span', { class: 'chip edited', text: t('controls.edited') }) : null),
      h('td', { text: value }),
      h('td', { text: source })
    );
  rows.push(row('budget', t('controls.budget'), budgetValue(scenario.budget), sourceText(scenario.budget)));
  rows.push(row('intake', t('param.intake'), intakeValue(scenario.intake), sourceText(scenario.intake)));
  for (const p of paramPaths(scenario)) {
    const v = getPath(scenario, p);
    rows.push(row(p, paramLabel(p), brief(p, v), sourceText(v && typeof v === 'object' ? v : {})));
  }
  return h(
    'section',
    { class: 'print-report', 'aria-labelledby': 'print-inputs-h' },
    h('p', { class: 'counterfactual', text: counterfactualSentence(scenario, priors) }),
    h('h2', { id: 'print-inputs-h', text: t('print.inputs') }),
    // Two tables side by side: half the height on paper.
    h('div', { class: 'print-inputs-grid' }, ...[rows.slice(0, Math.ceil(rows.length / 2)), rows.slice(Math.ceil(rows.length / 2))].map((part) => table(part)))
  );
}
