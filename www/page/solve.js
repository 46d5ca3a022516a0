// "What does it take?": a button on each target's card opens a small panel
// with the lever to move (budget, recruits where the mentor pool is limited,
// intake, cost per duo) and the confidence asked (80 % by default). The
// engine's solve() runs in the task worker (lib/tasks.js) with a visible busy
// state; the answer comes with its unit, the probability reached and its
// Monte Carlo band, or, when no value in range reaches the target, the best
// probability and the other levers to try; and the mentors the plan needs
// each year beside those assumed. Words and numbers: lib/decide.js.

import { t, pick, fmtInt, fmtPct, fmtNum } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { Cancelled } from '../lib/tasks.js';
import { failureText } from '../lib/failures.js';
import { CONFIDENCES, DEFAULT_CONFIDENCE, leversFor, solveText, mentorRows } from '../lib/decide.js';

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
 * answer on screen; `mentorNeeds(scenario)`: the engine's.
 */
export function createSolver({ root, tasks, context, mentorNeeds }) {
  const st = { target: null, lever: 'budget', confidence: DEFAULT_CONFIDENCE, answer: null, key: null, busy: false, error: null, opener: null, ms: 0 };

  const keyOf = (c, target, lever, confidence) => JSON.stringify([c.scenario, c.trials, c.seed, target, lever, confidence]);

  function buttons() {
    return document.querySelectorAll('#headline .solve-open');
  }

  /** A "What does it take?" button on each target's card. */
  function decorate(cardsRoot) {
    const targets = context()?.result?.targets ?? [];
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
          onclick: (e) => (st.target === k && !root.hidden ? close() : openFor(k, e.currentTarget)),
        })
      );
    });
  }

  function openFor(k, opener) {
    if (st.target !== k) {
      st.answer = null;
      st.error = null;
      if (st.busy) stop();
    }
    st.target = k;
    st.opener = opener?.id ?? null;
    const levers = leversFor(context()?.scenario);
    if (!levers.includes(st.lever)) st.lever = levers[0];
    root.hidden = false;
    render();
    for (const b of buttons()) b.setAttribute('aria-expanded', String(b.id === `solve-open-${k}`));
    root.querySelector('input[name="solve-lever"]:checked')?.focus();
  }

  function close() {
    if (st.busy) stop();
    root.hidden = true;
    for (const b of buttons()) b.setAttribute('aria-expanded', 'false');
    if (st.opener) document.getElementById(st.opener)?.focus();
  }

  function stop() {
    tasks.cancel('solve');
    st.busy = false;
  }

  async function solve() {
    const c = context();
    if (!c || st.target === null) return;
    const request = { target: st.target, confidence: st.confidence, lever: st.lever };
    const key = keyOf(c, st.target, st.lever, st.confidence);
    st.busy = true;
    st.error = null;
    render();
    root.querySelector('#solve-stop')?.focus();
    document.body.dataset.solve = 'running';
    try {
      const { answer, ms } = await tasks.ask('solve', { scenario: c.scenario, request, trials: c.trials, seed: c.seed });
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
        render();
        if (focused) root.querySelector('#solve-run')?.focus();
      }
    }
  }

  function answerBlock(c) {
    if (st.error) {
      // Said where it was asked, with its reason, and a button that asks again.
      return h(
        'div',
        { class: 'solve-failed', role: 'alert' },
        h('p', { class: 'field-error', text: t('solve.failed', { message: st.error }) }),
        h('button', { type: 'button', class: 'small retry', text: t('failure.retry'), onclick: () => solve() })
      );
    }
    const a = st.answer;
    if (!a) return null;
    const text = solveText(a.solution, st.forScenario ?? c.scenario);
    const stale = st.key !== keyOf(c, st.target, text.lever, a.solution.confidence);
    const parts = [h('p', { class: 'solve-value' }, h('strong', { text: text.answer }))];
    parts.push(h('ul', { class: 'solve-detail' }, text.detail.map((d) => h('li', { text: d }))));
    if (!text.found && text.other.length) {
      parts.push(
        h(
          'p',
          { class: 'solve-other' },
          h('span', { text: `${t('solve.tryOther')} ` }),
          ...text.other.map((l) =>
            h('button', {
              type: 'button',
              class: 'small',
              dataset: { lever: l },
              text: t(`lever.name.${l}`),
              onclick: () => {
                st.lever = l;
                solve();
              },
            })
          )
        )
      );
    }
    const scenario = st.forScenario ?? c.scenario;
    if (leversFor(scenario).includes('recruits')) {
      let mentors = a.mentors;
      let caption = t('mentors.caption');
      if (!text.found) {
        try {
          mentors = mentorNeeds(scenario);
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

  function render() {
    const c = context();
    if (!c || st.target === null || root.hidden) return;
    const tg = c.result?.targets?.[st.target];
    if (!tg) {
      root.hidden = true;
      return;
    }
    const levers = leversFor(c.scenario);
    const radios = levers.map((l) => {
      const id = `solve-lever-${l}`;
      const r = h('input', { type: 'radio', name: 'solve-lever', id, value: l, checked: l === st.lever, disabled: st.busy });
      r.addEventListener('change', () => {
        st.lever = l;
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
    const status = h('div', { class: 'solve-status', id: 'solve-status', role: 'status' });
    const busy = t('solve.busy', { trials: fmtInt(c.trials) });
    if (st.busy) status.append(h('progress', { 'aria-label': busy }), h('span', { text: ` ${busy}` }));
    const answer = h('div', { class: 'solve-out', id: 'solve-answer', 'aria-busy': String(st.busy) }, st.busy ? null : answerBlock(c));
    root.replaceChildren(
      h('h3', { id: 'solve-h', text: t('solve.heading', { target: pick(tg.label) }) }),
      h('p', { class: 'solve-intro', text: t('solve.intro') }),
      h(
        'div',
        { class: 'solve-form' },
        h('fieldset', { class: 'levers' }, h('legend', { text: t('solve.lever') }), ...radios),
        h('div', { class: 'field' }, h('label', { for: 'solve-confidence', text: t('solve.confidence') }), conf),
        h(
          'div',
          { class: 'solve-actions' },
          st.busy
            ? h('button', { type: 'button', id: 'solve-stop', text: t('solve.stop'), onclick: () => { stop(); document.body.dataset.solve = 'stopped'; render(); root.querySelector('#solve-run')?.focus(); } })
            : h('button', { type: 'button', id: 'solve-run', text: t('solve.run'), onclick: solve }),
          h('button', { type: 'button', class: 'secondary', id: 'solve-close', text: t('solve.close'), onclick: close })
        )
      ),
      status,
      answer
    );
  }

  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  });

  return { decorate, render, close, openFor, get state() { return st; } };
}
