// The split of a programme's money across its partners, under "Each
// partner's part": a share a partner, what to improve, and the engine's
// split() in the task worker (found, or the reader's against the
// scenario's), its answer on fresh trials with its band. Bad shares are said
// at the field and keep the last answer.

import { t, pick, fmtInt, fmtPct } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { Cancelled } from '../lib/tasks.js';
import { readShares, splitFigures } from '../lib/partners.js';
import { app } from './shared.js';

/** Trials a split runs on: each try is a whole run, so fewer than the page's (at most 2,000). */
const SPLIT_TRIALS = 2000;
/** The share of the money the page's search moves at a time. */
const STEP = 0.1;

let st = { key: null, answer: null, error: null, busy: false };

const keyOf = (scenario) => JSON.stringify([scenario.partners, scenario.budget, scenario.targets?.length]);

/** The form and the last answer into `root`, for `scenario` (a programme of partners). */
export function renderSplit(root, scenario) {
  // A split shares the programme's money: not where a partner has its own budget.
  if (!root || !scenario?.partners?.length || scenario.partners.some((q) => q.budget)) return root?.replaceChildren();
  const key = keyOf(scenario);
  if (st.key !== key) st = { key, answer: null, error: null, busy: false, shares: scenario.partners.map((q) => q.budget_share * 100), goal: scenario.targets?.length ? '0' : 'cost' };
  const inputs = scenario.partners.map((q, j) =>
    h(
      'div',
      { class: 'field split-share' },
      h('label', { for: `split-share-${j}`, text: t('split.share', { name: pick(q.name) || q.id }) }),
      h('input', { id: `split-share-${j}`, type: 'number', min: '0', max: '100', step: '0.5', value: String(Math.round(st.shares[j] * 10) / 10), 'aria-invalid': st.error?.index === j ? 'true' : null, 'aria-describedby': 'split-error' })
    )
  );
  const goals = [
    ...(scenario.targets ?? []).map((tg, k) => h('option', { value: String(k), text: t('split.goalTarget', { label: pick(tg.label) }), selected: st.goal === String(k) })),
    h('option', { value: 'cost', text: t('split.goalCost'), selected: st.goal === 'cost' }),
  ];
  const select = h('select', { id: 'split-goal' }, goals);
  const ask = (search) => () => run(root, scenario, inputs, select, search);
  root.replaceChildren(
    h('h3', { id: 'split-h', text: t('split.heading') }),
    h('p', { class: 'split-intro', text: t('split.intro') }),
    h('div', { class: 'split-form' }, inputs, h('div', { class: 'field' }, h('label', { for: 'split-goal', text: t('split.goal') }), select)),
    h('p', { id: 'split-error', class: 'field-error', role: 'alert', text: st.error?.message ?? '', hidden: !st.error }),
    h('div', { class: 'split-buttons' }, h('button', { type: 'button', id: 'split-find', onclick: ask(true), disabled: st.busy, text: t('split.find') }), h('button', { type: 'button', id: 'split-compare', onclick: ask(false), disabled: st.busy, text: t('split.compare') })),
    h('div', { id: 'split-answer', class: 'split-answer', 'aria-live': 'polite' }, st.busy ? h('p', { text: t('split.busy', { trials: fmtInt(SPLIT_TRIALS) }) }) : answerView(scenario))
  );
}

/** The last answer: A and B a partner, then the goal under both on fresh trials. */
function answerView(scenario) {
  const a = st.answer;
  if (!a) return null;
  const names = new Map(scenario.partners.map((q) => [q.id, pick(q.name) || q.id]));
  const { a: fa, b: fb } = splitFigures(a);
  return [
    h(
      'table',
      { class: 'split' },
      h('thead', {}, h('tr', {}, [t('split.col.partner'), t('split.col.a'), t(a.step > 0 ? 'split.col.bFound' : 'split.col.bGiven')].map((x) => h('th', { scope: 'col', text: x })))),
      h('tbody', {}, a.partners.map((id, j) => h('tr', {}, h('th', { scope: 'row', text: names.get(id) ?? id }), h('td', { class: 'num', text: fmtPct(a.shares_a[j], 1) }), h('td', { class: 'num', text: fmtPct(a.shares_b[j], 1) }))))
    ),
    h('p', { class: 'split-result', text: t('split.result', { trials: fmtInt(a.trials), seed: String(a.check_seed), a: fa, b: fb }) }),
    a.step > 0 ? h('p', { class: 'split-note', text: t('split.searchNote', { step: fmtInt(a.step * 100) }) }) : null,
  ];
}

/** Reads the form and asks the task worker; a bad share is said and the last answer kept. */
async function run(root, scenario, inputs, select, search) {
  const read = readShares(inputs.map((el) => el.querySelector('input').value));
  st.shares = inputs.map((el) => Number(el.querySelector('input').value));
  st.goal = select.value;
  if (!search && read.error) {
    st.error = { message: read.error, index: read.index };
    renderSplit(root, scenario);
    root.querySelector(`#split-share-${read.index}`)?.focus();
    return;
  }
  st.error = null;
  st.busy = true;
  renderSplit(root, scenario);
  document.body.dataset.split = 'running';
  const request = { ...(st.goal === 'cost' ? {} : { target: Number(st.goal) }), ...(search ? { step: STEP } : { shares: read.shares }) };
  try {
    const { answer } = await app.tasks.ask('split', { scenario, request, trials: SPLIT_TRIALS, seed: app.last?.seed ?? 2025 }, 'split');
    st.answer = answer;
    if (search) st.shares = answer.shares_b.map((x) => x * 100);
    document.body.dataset.split = 'ready';
  } catch (e) {
    if (e instanceof Cancelled) return;
    st.error = { message: t('split.failed', { message: e.message ?? String(e) }), index: -1 };
    document.body.dataset.split = 'error';
  } finally {
    st.busy = false;
    if (st.key === keyOf(scenario)) renderSplit(root, scenario);
  }
}
