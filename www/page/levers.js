// The levers of the room: in presentation mode, beside the budget's slider,
// one slider for each other lever a round table argues over: the planned
// intake (its whole path scaled so that its last year reads the slider's
// value), new mentors a year (the most likely value of its distribution) and
// the effect of mentoring (in points, from its evidence's lowest to its
// highest). Each range is fixed when the controls are built, from the
// scenario as published, and reaches the preset's own targets; a slider never
// runs anything itself: it calls ctx.edit like every other control.

import { t, fmtInt, fmtPoints } from '../lib/i18n.js';
import { h, uid } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { central, withCentral } from '../lib/params.js';
import { planMaxRecruits } from '../lib/plan.js';
import { niceStep, onGrid } from '../lib/ranges.js';

const ceilTo = (x, step) => Math.ceil(x / step) * step;

/** The planned intake of the scenario's last year (its path, whatever its form). */
export function lastIntake(s) {
  const it = s.intake ?? {};
  if (Array.isArray(it.per_year) && it.per_year.length) return it.per_year.at(-1);
  if (Array.isArray(it.points) && it.points.length) return it.points.at(-1)[1];
  if (it.growth) return it.growth.start * (1 + it.growth.rate) ** Math.max(0, s.end_year - s.start_year);
  return NaN;
}

/** The year the planned intake's last figure belongs to. */
function lastIntakeYear(s) {
  const it = s.intake ?? {};
  if (Array.isArray(it.points) && it.points.length) return it.points.at(-1)[0];
  return s.end_year;
}

/** The intake path scaled by `f`, in its own form, whole duos. */
export function scaledIntake(it, f) {
  const r = (v) => Math.max(0, Math.round(v * f));
  if (Array.isArray(it.per_year)) return { ...it, per_year: it.per_year.map(r) };
  if (Array.isArray(it.points)) return { ...it, points: it.points.map(([y, v]) => [y, r(v)]) };
  if (it.growth) return { ...it, growth: { ...it.growth, start: r(it.growth.start) } };
  return it;
}

/**
 * The largest yearly level of duos a target of the scenario asks for (0:
 * none): an annual target's value, or a running total's yearly average from
 * the first year to the target's.
 */
function largestTarget(s) {
  const yearly = (tg) => (tg.kind === 'annual' ? tg.value : tg.value / Math.max(1, tg.year - s.start_year + 1));
  return Math.max(0, ...(s.targets ?? []).filter((tg) => tg.metric === 'duos_started').map(yearly));
}

/** A slider with its value beside its label; `spoken(x)`: what a screen reader says of the value (default: as shown). */
function slider({ field, label, min: lo, max: hi, step, value, format, spoken = format, onValue }) {
  const { min, max } = onGrid(lo, hi, step, value);
  const id = uid('r');
  const out = h('output', { for: id, class: 'lever-value', text: format(value) });
  const input = h('input', { id, type: 'range', min, max, step, value: String(Math.min(max, Math.max(min, value))), 'aria-valuetext': spoken(value) });
  input.addEventListener('input', () => {
    const x = Number(input.value);
    out.textContent = format(x);
    input.setAttribute('aria-valuetext', spoken(x));
    onValue(x);
  });
  return h('div', { class: 'field slider room-lever', dataset: { field } }, h('div', { class: 'lever-head' }, h('label', { for: id, text: label }), out), input, h('p', { class: 'field-error' }));
}

function intakeLever(s, base, ctx) {
  const now = lastIntake(s);
  const ref = lastIntake(base);
  if (!(now > 0) || !(ref > 0)) return null;
  const top = Math.max(ref * 2.5, now, largestTarget(s) * 1.5);
  const step = niceStep(top / 200);
  const max = ceilTo(top, step);
  const start = s.intake;
  return slider({
    field: 'intake',
    label: t('room.intake', { year: String(lastIntakeYear(s)) }),
    min: 0,
    max,
    step,
    value: now,
    format: (x) => fmtInt(x),
    onValue: (x) => ctx.edit('intake', scaledIntake(start, x / now), 'intake'),
  });
}

function recruitsLever(s, base, ctx) {
  const path = 'mentors.pool.recruits_per_year';
  const p = getPath(s, path);
  if (p === undefined || p === 'unlimited') return null;
  const { value: now } = central(path, p);
  const ref = central(path, getPath(base, path) ?? p).value;
  if (!Number.isFinite(now) || !Number.isFinite(ref)) return null;
  const top = Math.max(ref * 3, now, planMaxRecruits());
  const step = niceStep(top / 200);
  return slider({
    field: path,
    label: t('room.recruits'),
    min: 0,
    max: ceilTo(top, step),
    step,
    value: now,
    format: (x) => fmtInt(x),
    spoken: (x) => t('room.mostLikely', { x: fmtInt(x) }),
    onValue: (x) => ctx.edit(path, withCentral(path, getPath(ctx.scenario(), path), x), path),
  });
}

function effectLever(s, base, ctx) {
  const path = 'counterfactual.effect';
  const p = getPath(s, path);
  if (p === undefined) return null;
  const { value: now } = central(path, p);
  if (!Number.isFinite(now)) return null;
  // From the evidence's lowest to its highest (a fixed effect: ±10 points around it).
  const b = getPath(base, path) ?? p;
  const lo = Math.min(now, typeof b === 'object' && Number.isFinite(b.min) ? b.min : now - 0.1);
  const hi = Math.max(now, typeof b === 'object' && Number.isFinite(b.max) ? b.max : now + 0.1);
  const pts = (x) => t('room.points', { x: `${x > 0.0005 ? '+' : ''}${fmtPoints(x)}` });
  return slider({
    field: path,
    label: t('room.effect'),
    min: lo,
    max: hi,
    step: 0.005,
    value: now,
    format: pts,
    spoken: (x) => t('room.effectValue', { x: pts(x) }),
    onValue: (x) => ctx.edit(path, withCentral(path, getPath(ctx.scenario(), path), x), path),
  });
}

/**
 * The room's levers as a fieldset (null when the scenario has none of them).
 * `base`: the scenario as published, which fixes the ranges.
 */
export function roomLevers(s, ctx) {
  const base = ctx.base?.() ?? s;
  const levers = [intakeLever(s, base, ctx), recruitsLever(s, base, ctx), effectLever(s, base, ctx)].filter(Boolean);
  if (!levers.length) return null;
  return h('fieldset', { class: 'group room-levers' }, h('legend', { text: t('room.levers') }), ...levers);
}

/** The yearly budget that would pay for the preset's largest yearly target at its central cost a duo (0: none). */
export function budgetForTargets(s) {
  const c = central('cost_per_duo', getPath(s, 'cost_per_duo') ?? 0).value;
  return Number.isFinite(c) ? largestTarget(s) * c : 0;
}
