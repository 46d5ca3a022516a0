// "What does it take?" in the widget: under a target it leads with, one
// button that asks the engine's planner for the plan (money, intake and
// mentors together, year by year) that meets that target in 80 % of trials,
// and shows it as the page does (page/plan.js: the answer, the path against
// today's, the table), with a link that opens the plan in the full simulator.
//
// The plan runs in a worker where the widget's runs do (lib/runner.js says
// which way works here); where none can start, on the widget's own thread
// after the busy line is painted.

import { t, pick, fmtInt } from '../lib/i18n.js';
import { et } from './strings.js';
import { h } from '../lib/dom.js';
import { fullUrl } from './frame.js';
import { TaskWorker, Cancelled } from '../lib/tasks.js';
import { dataWorkerUrl, WORKER } from '../lib/runner.js';
import { compileModule } from '../lib/engine.js';
import { DEFAULT_CONFIDENCE } from '../lib/decide.js';
import { planMaxRecruits, planRequest } from '../lib/plan.js';
import { planBlock } from '../page/plan.js';

const $ = (id) => document.getElementById(id);
const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The worker the plan runs in, made once, the way the widget's runs go (null: this thread). */
function tasksFor(w) {
  if (w.tasks !== undefined) return w.tasks;
  const kind = w.engineKind;
  const url = kind === 'workers' ? WORKER : kind === 'data-workers' ? dataWorkerUrl() : null;
  w.tasks = url ? new TaskWorker({ module: compileModule(), workerUrl: url }) : null;
  return w.tasks;
}

/**
 * The button under the lead card: for the target it leads with, else for the
 * first target met in fewer than half of the trials (null: none to ask for).
 */
export function planButton(w, leadId, result) {
  const m = /^target-(\d+)$/.exec(leadId ?? '');
  const targets = result?.targets ?? [];
  const k = m ? Number(m[1]) : targets.findIndex((tg) => tg.probability_met < 0.5);
  if (k < 0 || !targets[k]) return null;
  const text = m ? t('solve.open') : t('solve.openFor', { target: pick(targets[k].label) });
  return h('button', { type: 'button', id: 'w-plan-open', class: 'w-plan-open', 'aria-controls': 'w-plan', text, onclick: () => askPlan(w, k) });
}

/** Hides the plan (the scenario changed: the plan answered another question). */
export function clearPlan(w) {
  w.planGen = (w.planGen ?? 0) + 1;
  w.tasks?.cancel?.('plan');
  const box = $('w-plan');
  if (box) {
    box.replaceChildren();
    box.hidden = true;
  }
}

async function askPlan(w, k) {
  const box = $('w-plan');
  // The question is the scenario on screen (its quick answer may be drawn before its full one).
  const shown = w.shown;
  if (!box || !shown) return;
  const gen = (w.planGen = (w.planGen ?? 0) + 1);
  const { scenario, result } = shown;
  const answer = { trials: w.session.state.trials, seed: w.session.state.seed };
  const { request } = planRequest({ targets: [k], confidence: DEFAULT_CONFIDENCE, maxRecruits: planMaxRecruits(), keepBudget: false });
  const stop = h('button', { type: 'button', class: 'w-plan-stop', text: t('solve.stop'), onclick: () => clearPlan(w) });
  box.hidden = false;
  box.setAttribute('aria-label', t('solve.open'));
  box.setAttribute('aria-busy', 'true');
  box.replaceChildren(h('p', { class: 'w-plan-busy', role: 'status', text: t('solve.busy', { trials: fmtInt(answer.trials) }) }), stop);
  document.body.dataset.plan = 'running';
  try {
    const opts = { scenario, request, trials: answer.trials, seed: answer.seed };
    const tasks = tasksFor(w);
    let plan;
    if (tasks) plan = (await tasks.ask('plan', opts, 'plan')).answer.plan;
    else {
      await paint();
      if (gen !== w.planGen) return;
      plan = w.api.plan(scenario, request, { trials: opts.trials, seed: opts.seed });
    }
    if (gen !== w.planGen) return;
    const labels = (result.targets ?? []).map((tg) => pick(tg.label));
    const width = Math.round(Math.max(280, Math.min(720, box.clientWidth || 480)));
    const block = planBlock(plan, { labels, onUse: null, Plot: w.Plot, today: result, width });
    const open = h('a', { class: 'w-plan-link', href: fullUrl(w, '', plan.scenario), target: '_blank', rel: 'noopener', text: et('embed.planOpen') });
    box.replaceChildren(h('h3', { class: 'w-plan-title', text: et('embed.planTitle', { target: labels[k] ?? '' }) }), block, h('p', {}, open));
    document.body.dataset.plan = 'ready';
  } catch (e) {
    if (e instanceof Cancelled || gen !== w.planGen) return;
    box.replaceChildren(h('p', { class: 'w-plan-error', role: 'alert', text: t('solve.failed', { message: e?.message ?? String(e) }) }), h('button', { type: 'button', text: t('failure.retry'), onclick: () => askPlan(w, k) }));
    document.body.dataset.plan = 'error';
  } finally {
    if (gen === w.planGen) box.removeAttribute('aria-busy');
  }
}
