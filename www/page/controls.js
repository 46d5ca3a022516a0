// The scenario's controls: preset picker, budget, intake, main assumptions,
// years, trials and seed, and the "all assumptions" panel where every
// distribution can be edited by its fields or as JSON.
//
// Controls never run anything themselves: they call ctx.edit(path, value)
// (or ctx.replace(scenario)) and the page validates and runs. Each control
// carries data-field="<path>" so that the engine's validation messages
// ({field, message}) land next to the right input.

import { t, pick, fmtEur } from '../lib/i18n.js';
import { h, uid } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { limits } from '../lib/schema.js';
import { paramPaths } from '../lib/params.js';
import { parseList, parsePoints, numberField, textField, selectField, paramEditor } from './fields.js';
import { roomLevers, budgetForTargets } from './levers.js';
import { onGrid } from '../lib/ranges.js';

export { paramEditor };

const MAIN_PARAMS = ['cost_per_duo', 'outcomes.employed', 'counterfactual.effect', 'counterfactual.baseline', 'counterfactual.odds_ratio'];

function budgetControl(s, ctx) {
  const b = s.budget ?? {};
  const mode = b.unlimited ? 'unlimited' : b.per_year ? 'per_year' : 'constant';
  const box = h('fieldset', { class: 'group budget', dataset: { field: 'budget' } }, h('legend', { text: t('controls.budget') }));
  box.append(h('p', { class: 'help', text: t('controls.budgetHelp') }));
  const keep = b.source ? { source: b.source } : {};
  box.append(
    selectField({
      label: t('controls.budgetMode'),
      value: mode,
      field: 'budget',
      options: ['constant', 'per_year', 'unlimited'].map((m) => [m, t(`budget.${m}`)]),
      onValue: (m) => {
        const years = s.end_year - s.start_year + 1;
        const level = b.constant ?? (b.per_year ? b.per_year[0] : 2_200_000);
        const next = m === 'unlimited' ? { unlimited: true, ...keep } : m === 'per_year' ? { per_year: Array(years).fill(level), ...keep } : { constant: level, ...keep };
        ctx.edit('budget', next);
        ctx.rebuild();
      },
    })
  );
  if (mode === 'constant') {
    // The range comes from the preset, not from the value: it stays put as the reader moves it or changes language.
    const ref = ctx.base?.()?.budget?.constant ?? b.constant;
    // It reaches the yearly budget the preset's largest target would need at its central cost a duo.
    const need = budgetForTargets(ctx.base?.() ?? s) * 1.3;
    const max = Math.max(10_000_000, Math.ceil((ref * 3) / 1e6) * 1e6, Math.ceil(b.constant / 1e6) * 1e6, Math.ceil(need / 1e6) * 1e6);
    const sid = uid('r');
    // The exact amount, in a box of fixed width so that the slider does not move as the digits change.
    const out = h('output', { for: sid, class: 'budget-value', text: fmtEur(b.constant) });
    // Its steps go through the preset's own amount, so the thumb sits where the amount beside it says (EUR 1,244,500 sat at 1,250,000).
    const grid = onGrid(0, max, 50_000, ref);
    const slider = h('input', { id: sid, type: 'range', min: grid.min, max: grid.max, step: 50_000, value: String(b.constant) });
    const num = numberField({
      label: t('budget.amount'),
      value: b.constant,
      field: 'budget.constant',
      step: 1000,
      min: 0,
      localError: ctx.localError,
      onValue: (x) => {
        slider.value = String(x);
        out.textContent = fmtEur(x);
        ctx.edit('budget', { ...b, constant: x }, 'budget.constant');
      },
    });
    slider.addEventListener('input', () => {
      const x = Number(slider.value);
      num.querySelector('input').value = String(x);
      out.textContent = fmtEur(x);
      ctx.edit('budget', { ...b, constant: x }, 'budget.constant');
    });
    box.append(h('div', { class: 'field slider', dataset: { field: 'budget.constant' } }, h('label', { for: sid, text: t('budget.slider') }), h('div', { class: 'slider-row' }, slider, out)), num);
  } else if (mode === 'per_year') {
    box.append(
      textField({
        label: t('budget.list'),
        value: b.per_year.join(' '),
        field: 'budget.per_year',
        onText: (text) => {
          const list = parseList(text);
          if (!list) ctx.localError('budget.per_year', t('invalid.list'));
          else ctx.edit('budget', { ...b, per_year: list }, 'budget.per_year');
        },
      })
    );
  }
  return box;
}

function intakeControl(s, ctx) {
  const it = s.intake ?? {};
  const mode = it.growth ? 'growth' : it.points ? 'points' : 'per_year';
  const keep = {};
  if (it.source) keep.source = it.source;
  if (it.note) keep.note = it.note;
  const box = h('fieldset', { class: 'group intake', dataset: { field: 'intake' } }, h('legend', { text: t('controls.intake') }));
  box.append(h('p', { class: 'help', text: t('controls.intakeHelp') }));
  box.append(
    selectField({
      label: t('controls.intakeMode'),
      value: mode,
      field: 'intake',
      options: ['per_year', 'growth', 'points'].map((m) => [m, t(`intake.${m}`)]),
      onValue: (m) => {
        const years = s.end_year - s.start_year + 1;
        const first = it.per_year?.[0] ?? it.growth?.start ?? it.points?.[0]?.[1] ?? 1000;
        const last = it.per_year?.at(-1) ?? it.points?.at(-1)?.[1] ?? first;
        const next =
          m === 'growth'
            ? { growth: { start: first, rate: 0.05 }, ...keep }
            : m === 'points'
              ? { points: [[s.start_year, first], [s.end_year, last]], ...keep }
              : { per_year: Array.from({ length: years }, (_, i) => Math.round(first + ((last - first) * i) / Math.max(1, years - 1))), ...keep };
        ctx.edit('intake', next);
        ctx.rebuild();
      },
    })
  );
  if (mode === 'per_year') {
    box.append(
      textField({
        label: t('intake.list'),
        value: it.per_year.join(' '),
        field: 'intake.per_year',
        onText: (text) => {
          const list = parseList(text);
          if (!list) ctx.localError('intake.per_year', t('invalid.list'));
          else ctx.edit('intake', { ...it, per_year: list }, 'intake.per_year');
        },
      })
    );
  } else if (mode === 'growth') {
    for (const f of ['start', 'rate']) {
      box.append(
        numberField({
          label: t(`intake.${f}`),
          value: it.growth[f],
          field: `intake.growth.${f}`,
          localError: ctx.localError,
          onValue: (x) => ctx.edit('intake', { ...it, growth: { ...getPath(ctx.scenario(), 'intake.growth'), [f]: x } }, `intake.growth.${f}`),
        })
      );
    }
  } else {
    box.append(
      textField({
        label: t('intake.pointsList'),
        value: it.points.map(([y, v]) => `${y}:${v}`).join(' '),
        field: 'intake.points',
        onText: (text) => {
          const pts = parsePoints(text);
          if (!pts) ctx.localError('intake.points', t('invalid.points'));
          else ctx.edit('intake', { ...it, points: pts }, 'intake.points');
        },
      })
    );
  }
  return box;
}

/**
 * Builds every control into `root` from the scenario.
 * ctx: {scenario(), run(), presets, presetId, edited, edit(path, value, field?),
 *       replace(scenario), setRun({trials, seed}), choosePreset(id), reset(),
 *       importFile(file), localError(field, message), rebuild()}
 * Returns the list of parameter editors (to keep duplicates in step), with
 * openAll() to build and open the "all assumptions" panel.
 */
export function buildControls(root, ctx) {
  const s = ctx.scenario();
  const editors = [];
  root.replaceChildren();
  root.append(presetGroup(s, ctx), budgetControl(s, ctx));
  const levers = roomLevers(s, ctx);
  if (levers) root.append(levers);
  root.append(intakeControl(s, ctx), keyGroup(s, ctx, editors), yearsGroup(s, ctx), runGroup(ctx.run(), ctx), allPanel(s, ctx, editors));
  return editors;
}

/** The preset picker, the scenario's name and its own description (marked as the preset's once edited), and Reset. */
function presetGroup(s, ctx) {
  const presetBox = h('div', { class: 'group preset' });
  presetBox.append(
    selectField({
      label: t('controls.preset'),
      value: ctx.presetId,
      field: 'preset',
      options: ctx.presets.map((p) => [p.id, pick(p.name)]),
      onValue: (id) => ctx.choosePreset(id),
    })
  );
  presetBox.append(
    h('p', { class: 'scenario-name' }, h('strong', { text: pick(s.name) || s.id || '' }), ctx.edited ? h('span', { class: 'chip edited', text: t('controls.edited') }) : null),
    // The preset's own words: once edited, marked as describing the scenario as published.
    h('p', { class: 'scenario-desc' }, ctx.edited ? h('span', { class: 'chip published', text: t('note.asPublished') }) : null, ctx.edited ? ' ' : null, h('span', { text: pick(s.description) }))
  );
  if (ctx.edited) presetBox.append(h('button', { type: 'button', class: 'small', text: t('btn.reset'), onclick: () => ctx.reset() }));
  return presetBox;
}

/** The key assumptions (MAIN_PARAMS) the scenario has, each an editor added to `editors`. */
function keyGroup(s, ctx, editors) {
  const key = h('fieldset', { class: 'group key' }, h('legend', { text: t('controls.key') }));
  for (const p of MAIN_PARAMS) {
    if (getPath(s, p) === undefined) continue;
    const ed = paramEditor(p, getPath(s, p), ctx);
    editors.push(ed);
    key.append(ed.el);
  }
  return key;
}

function yearsGroup(s, ctx) {
  const years = h('fieldset', { class: 'group years' }, h('legend', { text: t('controls.years') }));
  for (const [f, label] of [['start_year', 'controls.startYear'], ['end_year', 'controls.endYear']]) {
    years.append(numberField({ label: t(label), value: s[f], field: f, step: 1, localError: ctx.localError, onValue: (x) => ctx.edit(f, x) }));
  }
  return years;
}

/** The run's trials and seed, within the core's limits (lib/schema.js). */
function runGroup(run, ctx) {
  const sim = h('fieldset', { class: 'group run' }, h('legend', { text: t('controls.run') }));
  const { trials_max: trialsMax, seed_max: seedMax } = limits();
  sim.append(
    numberField({
      label: t('controls.trials'),
      value: run.trials,
      field: 'trials',
      step: 1,
      min: 1,
      max: trialsMax,
      help: t('controls.trialsHelp'),
      localError: ctx.localError,
      onValue: (x) =>
        Number.isSafeInteger(x) && x >= 1 && x <= trialsMax ? ctx.setRun({ trials: x }) : ctx.localError('trials', t('invalid.trials', { min: 1, max: trialsMax })),
    }),
    numberField({
      label: t('controls.seed'),
      value: run.seed,
      field: 'seed',
      step: 1,
      min: 0,
      help: t('controls.seedHelp'),
      localError: ctx.localError,
      onValue: (x) => (Number.isSafeInteger(x) && x >= 0 && x <= seedMax ? ctx.setRun({ seed: x }) : ctx.localError('seed', t('invalid.seed', { max: seedMax }))),
    })
  );
  return sim;
}

/** "All assumptions": everything else, built when first opened (it is most of the controls' DOM); `editors.openAll()` builds and opens it. */
function allPanel(s, ctx, editors) {
  const all = h('details', { class: 'group all', id: 'all-assumptions', open: ctx.allOpen }, h('summary', { text: t('controls.all') }));
  let built = false;
  const fill = () => {
    if (built) return;
    built = true;
    fillAll(all, s, ctx, editors);
  };
  all.addEventListener('toggle', () => {
    if (all.open) fill();
    ctx.allToggled?.(all.open);
  });
  if (ctx.allOpen) fill();
  /** Builds the panel and opens it (for a validation message that belongs in it). */
  editors.openAll = () => {
    fill();
    all.open = true;
  };
  return all;
}

function fillAll(all, s, ctx, editors) {
  all.append(h('p', { class: 'help', text: t('controls.allHelp') }));
  const pool = getPath(s, 'mentors.pool');
  const poolId = uid('c');
  const poolBox = h('input', { id: poolId, type: 'checkbox', checked: pool === 'unlimited' });
  poolBox.addEventListener('change', () => {
    ctx.edit(
      'mentors.pool',
      poolBox.checked
        ? 'unlimited'
        : { initial: { dist: 'fixed', value: 1000 }, recruits_per_year: { dist: 'fixed', value: 200 }, retention: { dist: 'beta', events: 82, non_events: 18, source: 'E21' } }
    );
    ctx.rebuild();
  });
  all.append(h('div', { class: 'field check', dataset: { field: 'mentors.pool' } }, poolBox, h('label', { for: poolId, text: t('controls.unlimitedMentors') }), h('p', { class: 'field-error' })));
  for (const p of paramPaths(s)) {
    const ed = paramEditor(p, getPath(s, p), ctx);
    editors.push(ed);
    all.append(ed.el);
  }
  // The rest of the scenario (targets, years, texts…) as one JSON document.
  const jid = uid('j');
  const jerr = uid('e');
  const ta = h('textarea', { id: jid, rows: 12, spellcheck: 'false', class: 'scenario-json', 'aria-describedby': jerr });
  ta.value = JSON.stringify(s, null, 2);
  const err = h('p', { class: 'field-error', id: jerr, 'aria-live': 'polite' });
  all.append(
    h(
      'div',
      { class: 'field', dataset: { field: 'targets' } },
      h('label', { for: jid, text: t('controls.scenarioJson') }),
      ta,
      h('button', {
        type: 'button',
        class: 'small',
        text: t('controls.jsonApply'),
        onclick: () => {
          try {
            ctx.replace(JSON.parse(ta.value));
          } catch (e) {
            err.textContent = t('controls.invalidJson', { message: e.message });
          }
        },
      }),
      err
    )
  );
  const fid = uid('i');
  const file = h('input', { id: fid, type: 'file', accept: 'application/json,.json' });
  file.addEventListener('change', () => file.files[0] && ctx.importFile(file.files[0]));
  all.append(h('div', { class: 'field' }, h('label', { for: fid, text: t('controls.import') }), file));
}

/** Shows validation problems next to their fields; returns those that found no field. */
export function showErrors(root, problems) {
  for (const el of root.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of root.querySelectorAll('.invalid')) el.classList.remove('invalid');
  const fields = [...root.querySelectorAll('[data-field]')];
  const rest = [];
  for (const p of problems) {
    const path = String(p.field ?? '').replace(/\[(\d+)\]/g, '.$1');
    let best = null;
    for (const el of fields) {
      const f = el.dataset.field;
      if ((path === f || path.startsWith(`${f}.`)) && (!best || f.length > best.dataset.field.length)) best = el;
    }
    if (!best) {
      rest.push(p);
      continue;
    }
    // The innermost error line belongs to this element (not to a nested field).
    const errs = [...best.querySelectorAll('.field-error')].filter((e) => e.closest('[data-field]') === best);
    const err = errs.at(-1) ?? best.querySelector('.field-error');
    if (err) err.textContent = err.textContent ? `${err.textContent} ${p.message}` : p.message;
    best.classList.add('invalid');
    // The fields of this input (a distribution's numbers, say), not the JSON box.
    for (const input of best.querySelectorAll('input:not([type="range"]), textarea:not(.scenario-json)')) {
      if (!input.closest('details.json')) input.setAttribute('aria-invalid', 'true');
    }
  }
  return rest;
}

