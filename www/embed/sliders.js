// The widget's controls: a slider for the yearly budget and one for the
// central value of a parameter (params.js: central, withCentral), and the
// button back to the scenario as published.

import { t, fmtEur, fmtPct, fmtPoints } from '../lib/i18n.js';
import { h, uid } from '../lib/dom.js';
import { getPath, setPath, clone } from '../lib/state.js';
import { paramLabel, paramUnit, central, withCentral, normalise } from '../lib/params.js';
import { et } from './strings.js';
import { CONTROLS } from './options.js';
import { niceStep, onGrid } from '../lib/ranges.js';

function slider({ control, label, min, max, step, value, format, onValue }) {
  const id = uid('r');
  const shown = Math.min(max, Math.max(min, value));
  const out = h('output', { for: id, class: 'ctl-value', text: format(value) });
  const input = h('input', { id, type: 'range', min, max, step, value: String(shown), 'aria-valuetext': format(value) });
  input.addEventListener('input', () => {
    const x = Number(input.value);
    out.textContent = format(x);
    input.setAttribute('aria-valuetext', format(x));
    onValue(x);
  });
  return h('div', { class: 'ctl', dataset: { control } }, h('div', { class: 'ctl-head' }, h('label', { for: id, text: label }), out), input);
}

function budgetControl(w) {
  const { scenario } = w.session;
  const b = scenario.budget;
  if (!b || typeof b.constant !== 'number') return null;
  const base = typeof w.initial.budget?.constant === 'number' ? w.initial.budget.constant : b.constant;
  const max = Math.max(1_000_000, Math.ceil((Math.max(base, b.constant) * 2.5) / 1e6) * 1e6);
  return slider({
    control: 'budget',
    label: et('embed.budgetLabel'),
    ...onGrid(0, max, niceStep(max / 200), b.constant),
    value: b.constant,
    // The label says "per year (EUR)".
    format: (x) => fmtEur(x, { compact: true }),
    onValue: (x) => {
      w.session.scenario.budget = { ...w.session.scenario.budget, constant: x };
      w.changed();
    },
  });
}

function paramControl(w, name) {
  const { path } = CONTROLS[name];
  const unit = paramUnit(path);
  const p = getPath(w.session.scenario, path);
  if (p === undefined || p === 'unlimited') return null;
  const { kind, value: c } = central(path, p);
  if (!Number.isFinite(c)) return null;
  const label = `${paramLabel(path)}, ${et(`embed.central.${kind}`)}`;
  const onValue = (x) => {
    setPath(w.session.scenario, path, withCentral(path, getPath(w.session.scenario, path), x));
    w.changed();
  };
  if (name === 'effect') {
    // The effect is a difference of chances, in points: from its evidence's lowest to its highest as published.
    const b = normalise(getPath(w.initial, path) ?? p);
    const lo = Math.min(c, Number.isFinite(b.min) ? b.min : c - 0.1);
    const hi = Math.max(c, Number.isFinite(b.max) ? b.max : c + 0.1);
    const pts = (x) => t('room.points', { x: `${x > 0.0005 ? '+' : ''}${fmtPoints(x)}` });
    return slider({ control: name, label, ...onGrid(lo, hi, 0.005, c), value: c, format: pts, onValue });
  }
  if (unit === 'share') {
    return slider({ control: name, label, ...onGrid(0.02, 0.98, 0.01, c), value: c, format: (x) => fmtPct(x, 0), onValue });
  }
  const ref = central(path, getPath(w.initial, path)).value || c;
  const step = niceStep(ref / 100);
  const lo = Math.max(step, Math.floor((Math.min(ref, c) * 0.4) / step) * step);
  const hi = Math.ceil((Math.max(ref, c) * 2.5) / step) * step;
  return slider({ control: name, label, ...onGrid(lo, hi, step, c), value: c, format: (x) => fmtEur(x), onValue });
}

/** Whether the reader has moved anything since the scenario as published. */
export function isEdited(w) {
  return JSON.stringify(w.session.scenario) !== JSON.stringify(w.initial);
}

/** Builds the controls the options ask for into `box`. */
export function renderControls(w, box) {
  const items = w.options.controls.map((name) => (name === 'budget' ? budgetControl(w) : paramControl(w, name))).filter(Boolean);
  box.replaceChildren(...items);
  box.hidden = items.length === 0;
  updateReset(w, box);
}

/** Shows the reset button while the scenario differs from the one published. */
export function updateReset(w, box) {
  let btn = box.querySelector('.w-reset');
  if (isEdited(w) && !btn && !box.hidden) {
    btn = h('button', {
      type: 'button',
      class: 'w-reset',
      text: et('embed.reset'),
      onclick: () => {
        w.session.replace(clone(w.initial));
        renderControls(w, box);
        w.changed({ immediate: true });
        box.querySelector('input')?.focus();
      },
    });
    box.append(btn);
  } else if (!isEdited(w) && btn) {
    if (btn.contains(document.activeElement)) box.querySelector('input')?.focus();
    btn.remove();
  }
}
