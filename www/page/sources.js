// The "Sources and assumptions" section: every input of the scenario with
// its distribution, its evidence row (linked) or a visible "assumption"
// label, then the evidence rows themselves with where they were published.

import { t, pick, fmtInt, fmtEur, fmtYear, fmtPct } from '../lib/i18n.js';
import { h, extLink } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { EVIDENCE, evidenceText, parseSource } from '../lib/evidence.js';
import { paramPaths, paramLabel, describe } from '../lib/params.js';
import { priorEntry } from '../lib/accounts.js';
import { partnerParams } from '../lib/partners.js';

function sourceCell(source, assumption) {
  const td = h('td', { class: 'src' });
  const refs = parseSource(source);
  for (const r of refs) {
    if (r.kind === 'row') td.append(h('a', { href: `#ev-${r.id}`, class: 'chip', text: r.id }), ' ');
    else if (r.kind === 'url') td.append(extLink(r.href, new URL(r.href).hostname), ' ');
    else td.append(h('span', { text: r.text }), ' ');
  }
  if (assumption || !refs.length) td.append(h('span', { class: 'chip assumption', text: t('card.assumption') }));
  return td;
}

function budgetText(b) {
  if (!b) return '';
  if (b.unlimited) return t('budget.unlimited');
  if (b.constant !== undefined) return `${t('budget.constant')}: ${fmtEur(b.constant)}`;
  if (b.per_year) return `${t('budget.per_year')}: ${b.per_year.map((x) => fmtEur(x, { compact: true })).join(' · ')}`;
  return '';
}

function intakeText(it) {
  if (!it) return '';
  if (it.per_year) return `${t('intake.per_year')}: ${it.per_year.map(fmtInt).join(' · ')}`;
  if (it.growth) return `${t('intake.growth')}: ${fmtInt(it.growth.start)}, +${fmtPct(it.growth.rate, 1)}`;
  if (it.points) return `${t('intake.points')}: ${it.points.map(([y, v]) => `${fmtYear(y)}: ${fmtInt(v)}`).join(' · ')}`;
  return '';
}

/**
 * Renders the section into `root` for the current scenario. `editedPaths`
 * lists the inputs that differ from the preset (marked "edited").
 */
export function renderSources(root, scenario, editedPaths = [], priors = []) {
  // The counterfactual's note: its own, else the named prior's in the reader's language.
  const prior = priorEntry(scenario.counterfactual, priors);
  const noteOf = (p, o) => o.note ?? (prior && p.startsWith('counterfactual.') ? pick(prior.note) : undefined);
  const edited = (p) => editedPaths.some((e) => e === p || e.startsWith(`${p}.`) || p.startsWith(`${e}.`));
  const rows = [];
  const row = (path, label, dist, source, assumption, note, choice = false) =>
    h(
      'tr',
      { id: `in-${path.replace(/\./g, '-')}` },
      h('th', { scope: 'row' }, h('span', { text: label }), edited(path) ? h('span', { class: 'chip edited', text: t('controls.edited') }) : null),
      h('td', { text: dist }),
      choice ? h('td') : sourceCell(source, assumption),
      h('td', { class: 'note', text: pick(note) })
    );
  rows.push(row('budget', t('param.budget'), budgetText(scenario.budget), scenario.budget?.source, false, null, Boolean(scenario.budget?.unlimited)));
  rows.push(row('intake', t('param.intake'), intakeText(scenario.intake), scenario.intake?.source, false, scenario.intake?.note));
  for (const p of paramPaths(scenario)) {
    const v = getPath(scenario, p);
    const o = v && typeof v === 'object' ? v : {};
    rows.push(row(p, paramLabel(p), describe(p, v), o.source, o.assumption, noteOf(p, o)));
  }
  for (const [j, q] of (scenario.partners ?? []).entries()) {
    const name = pick(q.name) || q.id;
    const own = t('partners.ownBudget');
    const shares = q.budget || q.intake || q.mentors ? `${q.budget ? own : fmtPct(q.budget_share, 1)} · ${q.intake ? intakeText(q.intake) : fmtPct(q.intake_share, 1)} · ${q.mentors ? '–' : fmtPct(q.mentor_share, 1)}` : t('sources.partnerShares', { budget: fmtPct(q.budget_share, 1), intake: fmtPct(q.intake_share, 1), mentors: fmtPct(q.mentor_share, 1) });
    rows.push(row(`partners-${j}`, `${t('partners.col.partner')}: ${name}`, shares, q.source, q.no_published_results, q.note));
    for (const [path, v] of partnerParams(q)) rows.push(row(`partners-${j}-${path}`, `${name}: ${paramLabel(path)}`, describe(path, v), v.source, v.assumption, noteOf(path, v)));
  }
  for (const [k, tg] of (scenario.targets ?? []).entries()) {
    rows.push(row(`targets-${k}`, `${t('col.target')}: ${pick(tg.label)}`, `${fmtInt(tg.value)} ${t(`metric.${tg.metric}`)}, ${t(`kind.${tg.kind}`, { year: fmtYear(tg.year) })}`, tg.source, false, null));
  }

  const inputs = h(
    'table',
    { class: 'inputs' },
    h('caption', { text: pick(scenario.name) || scenario.id || '' }),
    h('thead', {}, h('tr', {}, ...['sources.input', 'sources.distribution', 'sources.source', 'sources.note'].map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, rows)
  );

  const evRows = EVIDENCE.map((r) =>
    h(
      'tr',
      { id: `ev-${r.id}` },
      h('th', { scope: 'row', text: r.id }),
      h('td', { text: pick(r.fig) }),
      h('td', { text: evidenceText(r.value) }),
      h('td', { text: evidenceText(r.period) }),
      h(
        'td',
        {},
        r.where.length
          ? r.where.flatMap((w, i) => [i ? ', ' : '', w.site === 'pr' ? h('a', { href: w.href, text: `${t('sources.pressRelease')} ${w.file.slice(0, 3)}`, type: 'text/plain' }) : extLink(w.href, w.site)])
          : h('span', { class: 'muted', text: t('sources.noLink') })
      )
    )
  );
  const evidence = h(
    'table',
    { class: 'evidence' },
    h('caption', { text: t('sources.evidence') }),
    h('thead', {}, h('tr', {}, ...['sources.id', 'sources.figure', 'sources.value', 'sources.period', 'sources.where'].map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, evRows)
  );

  root.replaceChildren(
    h('h2', { id: 'sources-h', text: t('sources.heading') }),
    h('p', { text: t('sources.intro') }),
    h('div', { class: 'table-wrap' }, inputs),
    h('h3', { text: t('sources.method') }),
    h('p', { class: 'method', text: t('sources.methodText') }),
    h('h3', { text: t('sources.evidence') }),
    h('p', { text: t('sources.evidenceIntro') }),
    h('div', { class: 'table-wrap' }, evidence)
  );
}

/**
 * A compact list of the evidence rows and assumptions a scenario rests on,
 * for the one-page printed report.
 */
export function sourcesSummary(scenario) {
  const ids = new Set();
  const assumptions = [];
  const note = (path, v) => {
    const o = v && typeof v === 'object' ? v : {};
    for (const r of parseSource(o.source)) if (r.kind === 'row') ids.add(r.id);
    if (o.assumption || !o.source) assumptions.push(paramLabel(path));
  };
  note('budget', scenario.budget);
  note('intake', scenario.intake);
  for (const p of paramPaths(scenario)) note(p, getPath(scenario, p));
  for (const tg of scenario.targets ?? []) for (const r of parseSource(tg.source)) if (r.kind === 'row') ids.add(r.id);
  for (const q of scenario.partners ?? []) {
    for (const r of parseSource(q.source)) if (r.kind === 'row') ids.add(r.id);
    for (const [path, v] of partnerParams(q)) {
      for (const r of parseSource(v?.source)) if (r.kind === 'row') ids.add(r.id);
      if (v?.assumption) assumptions.push(`${pick(q.name) || q.id}: ${paramLabel(path)}`);
    }
  }
  const rows = EVIDENCE.filter((r) => ids.has(r.id));
  return h(
    'div',
    { class: 'print-sources' },
    h('p', {}, h('strong', { text: `${t('sources.heading')}: ` }), rows.map((r, i) => `${i ? ' · ' : ''}${r.id} ${pick(r.fig)} (${evidenceText(r.value)}; ${r.where.map((w) => (w.site === 'pr' ? `${t('sources.pressRelease')} ${w.file.slice(0, 3)}` : w.site)).join(', ') || t('sources.noLink')})`).join('')),
    h('p', {}, h('strong', { text: `${t('card.assumptions')}: ` }), assumptions.join(' · '))
  );
}
