// "What does it take?": a button on each target's card opens a small panel
// that asks first for a plan (money, intake and mentors together, year by
// year: the engine's plan(), drawn by page/plan.js), or for one lever to move
// alone (budget, recruits where the mentor pool is limited, intake, cost per
// duo: solve()), at the confidence asked (80 % by default). A plan may meet
// several targets at once, within a largest recruitment a year, or keep the
// budget as it is; "Use this plan" loads it as the scenario. Both run in the
// task worker (lib/tasks.js) with a visible busy state and a Stop button; a
// lever's answer comes with its unit, the probability reached and its Monte
// Carlo band, or, when no value in range reaches the target, the best
// probability and the other levers to try; and the mentors the plan needs
// each year beside those assumed. Words and numbers: lib/decide.js, lib/plan.js.

import { t, pick, fmtInt, fmtPct, fmtNum } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { Cancelled } from '../lib/tasks.js';
import { failureText } from '../lib/failures.js';
import { CONFIDENCES, DEFAULT_CONFIDENCE, leversFor, solveText, mentorRows } from '../lib/decide.js';
import { planMaxRecruits, PLAN_RECRUITS_RANGE, planRequest } from '../lib/plan.js';
import { planBlock } from './plan.js';
import { chartWidth } from './shared.js';

/** The choices of the panel: a plan first, then each lever alone. */
const choicesFor = (scenario) => ['plan', ...leversFor(scenario)];
const limitedBudget = (scenario) => Boolean(scenario?.budget && !scenario.budget.unlimited);

/** The mentors table: year, duos, mentors needed and kept, recruits needed beside those assumed. */
function mentorsTable(mentors, caption) {
  const rows = mentorRows(mentors);
  const cols = ['col.year', 'mentors.col.duos', 'mentors.col.needed', 'mentors.col.kept', 'mentors.col.recruitsNeeded', 'mentors.col.recruitsAssumed'];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'mentors', id: 'solve-mentors' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col', text: t(k) })))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { class: r.short ? 'short' : null },
            h('th', { scope: 'row', text: r.year }),
            h('td', { class: 'num', text: r.duos }),
            h('td', { class: 'num', text: r.needed }),
            h('td', { class: 'num', text: r.kept }),
            h('td', { class: 'num' }, h('strong', { text: r.recruitsNeeded }), r.short ? h('span', { class: 'short-mark', text: ` (${t('mentors.short')})` }) : null),
            h('td', { class: 'num', text: r.recruitsAssumed })
          )
        )
      )
    )
  );
}

/**
 * The solver of the page, drawing into `root` (an empty, hidden section).
 * `tasks`: a TaskWorker; `context()`: {scenario, trials, seed, result} of the
 * answer on screen; `mentorNeeds(scenario)`: the engine's; `usePlan(scenario)`:
 * loads a plan as the scenario; `plot()`: the charts' library once loaded (or null).
 */
/**
 * The solver of the page, drawing into `root` (an empty, hidden section).
 * `tasks`: a TaskWorker; `context()`: {scenario, trials, seed, result} of the
 * answer on screen; `mentorNeeds(scenario)`: the engine's; `usePlan(scenario)`:
 * loads a plan as the scenario; `plot()`: the charts' library once loaded (or null).
 */
export function createSolver({ root, tasks, context, mentorNeeds, usePlan, plot }) {
  const st = {
    target: null,
    lever: 'plan',
    confidence: DEFAULT_CONFIDENCE,
    planTargets: new Set(),
    maxRecruits: planMaxRecruits(),
    keepBudget: false,
    formError: null,
    answer: null,
    key: null,
    busy: false,
    error: null,
    opener: null,
    ms: 0,
  };
  // The solver: its state, where it draws, and what it asks of the page.
  const s = { st, root, tasks, context, mentorNeeds, usePlan, plot };
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close(s);
  });
  return {
    decorate: (cardsRoot) => decorate(s, cardsRoot),
    render: () => render(s),
    close: () => close(s),
    openFor: (k, opener) => openFor(s, k, opener),
    get state() {
      return st;
    },
  };
}

/** What an answer was asked for: the run on screen and the question. */
function keyOf(st, c) {
  const question = st.lever === 'plan' ? [st.target, 'plan', st.confidence, [...st.planTargets].sort(), st.maxRecruits, st.keepBudget] : [st.target, st.lever, st.confidence];
  return JSON.stringify([c.scenario, c.trials, c.seed, ...question]);
}

function openButtons() {
  return document.querySelectorAll('#headline .solve-open');
}

/** A "What does it take?" button on each target's card. */
function decorate(s, cardsRoot) {
  const { st, root } = s;
  const targets = s.context()?.result?.targets ?? [];
  targets.forEach((tg, k) => {
    const card = cardsRoot.querySelector(`#card-target-${k}`);
    if (!card) return;
    const open = st.target === k && !root.hidden;
    card.append(
      h('button', {
        type: 'button',
        class: 'small solve-open',
        id: `solve-open-${k}`,
        'aria-expanded': String(open),
        'aria-controls': 'solve',
        'aria-label': t('solve.openFor', { target: pick(tg.label) }),
        text: t('solve.open'),
        onclick: (e) => (st.target === k && !root.hidden ? close(s) : openFor(s, k, e.currentTarget)),
      })
    );
  });
}

function openFor(s, k, opener) {
  const { st, root } = s;
  if (st.target !== k) {
    st.answer = null;
    st.error = null;
    st.formError = null;
    st.planTargets = new Set([k]);
    if (st.busy) stop(s);
  }
  st.target = k;
  st.opener = opener?.id ?? null;
  const levers = choicesFor(s.context()?.scenario);
  if (!levers.includes(st.lever)) st.lever = levers[0];
  root.hidden = false;
  render(s);
  for (const b of openButtons()) b.setAttribute('aria-expanded', String(b.id === `solve-open-${k}`));
  root.querySelector('input[name="solve-lever"]:checked')?.focus();
}

function close(s) {
  if (s.st.busy) stop(s);
  s.root.hidden = true;
  for (const b of openButtons()) b.setAttribute('aria-expanded', 'false');
  if (s.st.opener) document.getElementById(s.st.opener)?.focus();
}

function stop(s) {
  s.tasks.cancel('solve');
  s.st.busy = false;
}

/** The task and request the form asks for, or null when the form has an error (said and focused). */
function asked(s, c) {
  const { st, root } = s;
  if (st.lever !== 'plan') return { type: 'solve', request: { target: st.target, confidence: st.confidence, lever: st.lever } };
  const plan = planRequest({ targets: [...st.planTargets], confidence: st.confidence, maxRecruits: st.maxRecruits, keepBudget: st.keepBudget && limitedBudget(c.scenario) });
  st.formError = plan.error ? { message: plan.error, field: plan.field } : null;
  if (!plan.error) return { type: 'plan', request: plan.request };
  render(s);
  root.querySelector(plan.field === 'targets' ? 'input[name="plan-target"]' : '#plan-max-recruits')?.focus();
  return null;
}

/** Asks the task worker for the answer to the question on the form, with the panel busy meanwhile. */
async function solve(s) {
  const { st, root } = s;
  const c = s.context();
  if (!c || st.target === null) return;
  const question = asked(s, c);
  if (!question) return;
  const key = keyOf(st, c);
  st.busy = true;
  st.error = null;
  render(s);
  root.querySelector('#solve-stop')?.focus();
  document.body.dataset.solve = 'running';
  try {
    // One key for both: asking again drops the question before.
    const { answer, ms } = await s.tasks.ask(question.type, { scenario: c.scenario, request: question.request, trials: c.trials, seed: c.seed }, 'solve');
    st.answer = answer;
    st.key = key;
    st.ms = ms;
    st.forScenario = c.scenario;
    document.body.dataset.solve = 'ready';
  } catch (e) {
    if (e instanceof Cancelled) {
      document.body.dataset.solve = 'stopped';
      return;
    }
    st.error = failureText(e);
    document.body.dataset.solve = 'error';
  } finally {
    st.busy = false;
    if (!root.hidden) {
      const focused = root.contains(document.activeElement);
      render(s);
      if (focused) {
        root.querySelector('#solve-run')?.focus({ preventScroll: true });
        // The answer in view, for the reader still at the panel (below the form, it would be off a projector's screen).
        root.querySelector('#solve-answer')?.scrollIntoView({ block: 'start', behavior: 'instant' });
      }
    }
  }
}

/** The answer under the form: a failure with a retry, a plan (plan.js), or one lever's value. */
function answerBlock(s, c) {
  const { st } = s;
  if (st.error) {
    // Said where it was asked, with its reason, and a button that asks again.
    return h(
      'div',
      { class: 'solve-failed', role: 'alert' },
      h('p', { class: 'field-error', text: t('solve.failed', { message: st.error }) }),
      h('button', { type: 'button', class: 'small retry', text: t('failure.retry'), onclick: () => solve(s) })
    );
  }
  const a = st.answer;
  if (!a) return null;
  const stale = st.key !== keyOf(st, c);
  if (!a.plan) return leverAnswer(s, c, a, stale);
  const labels = (c.result?.targets ?? []).map((tg) => pick(tg.label));
  const width = chartWidth(s.root, { inset: 40, max: 900 });
  const block = planBlock(a.plan, { labels, onUse: s.usePlan && !stale ? () => s.usePlan(a.plan.scenario) : null, Plot: s.plot?.() ?? null, today: c.result, width });
  block.append(h('p', { class: 'solve-meta', text: t('solve.took', { s: fmtNum(st.ms / 1000, 1) }) }));
  if (stale) block.prepend(h('p', { class: 'solve-stale', text: t('solve.stale') }));
  return block;
}

/** One lever's answer: its value, the detail, the other levers to try when none reaches the target, and the mentors it needs. */
function leverAnswer(s, c, a, stale) {
  const { st } = s;
  const scenario = st.forScenario ?? c.scenario;
  const text = solveText(a.solution, scenario);
  const parts = [h('p', { class: 'solve-value' }, h('strong', { text: text.answer }))];
  parts.push(h('ul', { class: 'solve-detail' }, text.detail.map((d) => h('li', { text: d }))));
  if (!text.found && text.other.length) {
    const other = text.other.map((l) =>
      h('button', {
        type: 'button',
        class: 'small',
        dataset: { lever: l },
        text: t(`lever.name.${l}`),
        onclick: () => {
          st.lever = l;
          solve(s);
        },
      })
    );
    parts.push(h('p', { class: 'solve-other' }, h('span', { text: `${t('solve.tryOther')} ` }), ...other));
  }
  if (leversFor(scenario).includes('recruits')) {
    let mentors = a.mentors;
    let caption = t('mentors.caption');
    if (!text.found) {
      try {
        mentors = s.mentorNeeds(scenario);
        caption = t('mentors.captionNow');
      } catch {
        mentors = null;
      }
    }
    if (mentors?.length) parts.push(mentorsTable(mentors, caption));
  }
  parts.push(h('p', { class: 'solve-meta', text: t('solve.took', { s: fmtNum(st.ms / 1000, 1) }) }));
  if (stale) parts.unshift(h('p', { class: 'solve-stale', text: t('solve.stale') }));
  return h('div', { class: 'solve-answer', dataset: { found: String(text.found), lever: text.lever } }, ...parts);
}

/** The panel: its heading, the form, the state of a question under way, and the answer. */
function render(s) {
  const { st, root } = s;
  const c = s.context();
  if (!c || st.target === null || root.hidden) return;
  const tg = c.result?.targets?.[st.target];
  if (!tg) {
    root.hidden = true;
    return;
  }
  const status = h('div', { class: 'solve-status', id: 'solve-status', role: 'status' });
  const busy = t('solve.busy', { trials: fmtInt(c.trials) });
  if (st.busy) status.append(h('progress', { 'aria-label': busy }), h('span', { text: ` ${busy}` }));
  const answer = h('div', { class: 'solve-out', id: 'solve-answer', 'aria-busy': String(st.busy) }, st.busy ? null : answerBlock(s, c));
  root.replaceChildren(
    h('h3', { id: 'solve-h', text: t('solve.heading', { target: pick(tg.label) }) }),
    h('p', { class: 'solve-intro', text: t(st.lever === 'plan' ? 'plan.intro' : 'solve.intro') }),
    form(s, c),
    status,
    answer
  );
}

/** The form: the lever (or a plan), the plan's own questions, the confidence, and Run or Stop, and Close. */
function form(s, c) {
  const { st, root } = s;
  const radios = choicesFor(c.scenario).map((l) => {
    const id = `solve-lever-${l}`;
    const r = h('input', { type: 'radio', name: 'solve-lever', id, value: l, checked: l === st.lever, disabled: st.busy });
    r.addEventListener('change', () => {
      st.lever = l;
      st.formError = null;
      render(s);
      root.querySelector(`#${id}`)?.focus();
    });
    return h('div', { class: 'lever' }, r, h('label', { for: id, text: t(`lever.${l}`) }));
  });
  const conf = h(
    'select',
    { id: 'solve-confidence', disabled: st.busy },
    CONFIDENCES.map((p) => h('option', { value: String(p), text: fmtPct(p, 0), selected: p === st.confidence }))
  );
  conf.addEventListener('change', () => {
    st.confidence = Number(conf.value);
  });
  const stopNow = () => {
    stop(s);
    document.body.dataset.solve = 'stopped';
    render(s);
    root.querySelector('#solve-run')?.focus();
  };
  return h(
    'div',
    { class: 'solve-form' },
    h('fieldset', { class: 'levers' }, h('legend', { text: t('solve.lever') }), ...radios),
    st.lever === 'plan' ? planFields(s, c) : null,
    h('div', { class: 'field' }, h('label', { for: 'solve-confidence', text: t('solve.confidence') }), conf),
    h(
      'div',
      { class: 'solve-actions' },
      st.busy
        ? h('button', { type: 'button', id: 'solve-stop', text: t('solve.stop'), onclick: stopNow })
        : h('button', { type: 'button', id: 'solve-run', text: t(st.lever === 'plan' ? 'plan.run' : 'solve.run'), onclick: () => solve(s) }),
      h('button', { type: 'button', class: 'secondary', id: 'solve-close', text: t('solve.close'), onclick: () => close(s) })
    )
  );
}

/** The plan's own questions: the targets to meet together, the largest recruitment a year, the budget kept. */
function planFields(s, c) {
  const { st } = s;
  const targets = c.result?.targets ?? [];
  const err = st.formError;
  const errId = 'plan-form-error';
  const parts = [];
  if (targets.length > 1) {
    const boxes = targets.map((tg, k) => {
      const id = `plan-target-${k}`;
      const box = h('input', { type: 'checkbox', name: 'plan-target', id, value: String(k), checked: st.planTargets.has(k), disabled: st.busy });
      box.addEventListener('change', () => {
        if (box.checked) st.planTargets.add(k);
        else st.planTargets.delete(k);
      });
      return h('div', { class: 'lever' }, box, h('label', { for: id, text: pick(tg.label) }));
    });
    parts.push(h('fieldset', { class: 'plan-targets', 'aria-describedby': err?.field === 'targets' ? errId : null }, h('legend', { text: t('plan.targets') }), boxes));
  }
  if (leversFor(c.scenario).includes('recruits')) {
    const [lo, hi] = PLAN_RECRUITS_RANGE;
    const input = h('input', {
      type: 'number',
      id: 'plan-max-recruits',
      min: String(lo),
      max: String(hi),
      step: '1',
      inputmode: 'numeric',
      value: String(st.maxRecruits),
      disabled: st.busy,
      'aria-invalid': err?.field === 'maxRecruits' ? 'true' : null,
      'aria-describedby': err?.field === 'maxRecruits' ? errId : null,
    });
    input.addEventListener('change', () => {
      st.maxRecruits = input.value.trim() === '' ? NaN : Number(input.value);
    });
    parts.push(h('div', { class: 'field' }, h('label', { for: 'plan-max-recruits', text: t('plan.maxRecruits') }), input));
  }
  if (limitedBudget(c.scenario)) {
    const box = h('input', { type: 'checkbox', id: 'plan-keep-budget', checked: st.keepBudget, disabled: st.busy });
    box.addEventListener('change', () => {
      st.keepBudget = box.checked;
    });
    parts.push(h('div', { class: 'lever' }, box, h('label', { for: 'plan-keep-budget', text: t('plan.keepBudget') })));
  }
  if (err) parts.push(h('p', { class: 'field-error', id: errId, role: 'alert', text: err.message }));
  return h('div', { class: 'plan-form' }, ...parts);
}
